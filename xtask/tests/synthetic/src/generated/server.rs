// @generated from xtask/tests/synthetic/spec/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::query::QueryError;
use aliyun_runtime::server::{Failure, RequestContext};
use aliyun_runtime::{Operation, QueryReader, wire};

impl super::describe_widget::DescribeWidgetInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            widget_id: r.required("WidgetId")?,
            depth: r.read("Depth")?,
            verbose: r.read("Verbose")?,
            names: r.list("Names")?,
            label: r.list("Label")?,
            shade: r.read("Shade")?,
            levels: r.list("Levels")?,
        })
    }
}

impl super::list_widgets::ListWidgetsInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            page_number: r.required("PageNumber")?,
            page_size: r.read("PageSize")?,
            shade: r.read("Shade")?,
        })
    }
}

/// The Synthetic service, one method per operation. Each method has a default that answers "not
/// implemented", so an implementation (an emulator, a test double) provides only the operations
/// it serves.
pub trait Service: Send + Sync {
    /// `DescribeWidget`: Describes a widget.
    fn describe_widget(
        &self,
        ctx: &RequestContext,
        input: super::describe_widget::DescribeWidgetInput,
    ) -> impl Future<
        Output = Result<super::describe_widget::DescribeWidgetResult, Failure>,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("DescribeWidget"))
        }
    }

    /// `ListWidgets`: Lists widgets a page at a time.
    fn list_widgets(
        &self,
        ctx: &RequestContext,
        input: super::list_widgets::ListWidgetsInput,
    ) -> impl Future<
        Output = Result<super::list_widgets::ListWidgetsResult, Failure>,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("ListWidgets"))
        }
    }
}

/// Every operation of the product: its Action, HTTP methods and quota.
pub const OPERATIONS: [aliyun_runtime::OperationInfo; 2usize] = [
    <super::describe_widget::DescribeWidgetInput as Operation>::INFO,
    <super::list_widgets::ListWidgetsInput as Operation>::INFO,
];

/// The operation named `action`, if the product has it.
pub fn operation(action: &str) -> Option<&'static aliyun_runtime::OperationInfo> {
    OPERATIONS.iter().find(|info| info.action == action)
}

/// Decodes the request's parameters into the operation's input, calls the service and
/// encodes its reply (envelope included, in the context's format). An unknown Action is
/// `InvalidAction.NotFound`; bad parameters are `Missing<Name>` or `InvalidParameter`.
pub async fn dispatch<S: Service>(
    service: &S,
    ctx: &RequestContext,
    params: &QueryReader<'_>,
) -> Result<String, Failure> {
    match ctx.action() {
        "DescribeWidget" => {
            let input = super::describe_widget::DescribeWidgetInput::from_query(params)?;
            let reply = service.describe_widget(ctx, input).await?;
            Ok(answer(ctx, reply, "DescribeWidgetResponse"))
        }
        "ListWidgets" => {
            let input = super::list_widgets::ListWidgetsInput::from_query(params)?;
            let reply = service.list_widgets(ctx, input).await?;
            Ok(answer(ctx, reply, "ListWidgetsResponse"))
        }
        _ => Err(Failure::action_not_found()),
    }
}

/// A reply with the request's ID, as a body in the request's format.
fn answer<T: wire::Reply>(ctx: &RequestContext, mut reply: T, root: &str) -> String {
    reply.set_request_id(ctx.request_id().to_owned());
    wire::encode_reply(&reply, ctx.format(), root)
}
