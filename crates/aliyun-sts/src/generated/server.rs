// @generated from spec/sts/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::query::QueryError;
use aliyun_runtime::server::{Failure, RequestContext};
use aliyun_runtime::{Operation, QueryReader, wire};

impl super::assume_role::AssumeRoleInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            role_arn: r.required("RoleArn")?,
            role_session_name: r.required("RoleSessionName")?,
            duration_seconds: r.read("DurationSeconds")?,
            policy: r.read("Policy")?,
            external_id: r.read("ExternalId")?,
            source_identity: r.read("SourceIdentity")?,
        })
    }
}

impl super::assume_role_with_oidc::AssumeRoleWithOidcInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            role_arn: r.required("RoleArn")?,
            oidc_provider_arn: r.required("OIDCProviderArn")?,
            oidc_token: r.required("OIDCToken")?,
            role_session_name: r.read("RoleSessionName")?,
            duration_seconds: r.read("DurationSeconds")?,
            policy: r.read("Policy")?,
        })
    }
}

impl super::get_caller_identity::GetCallerIdentityInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(_r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {})
    }
}

/// The Sts service, one method per operation. Each method has a default that answers "not
/// implemented", so an implementation (an emulator, a test double) provides only the operations
/// it serves.
pub trait Service: Send + Sync {
    /// `AssumeRole`: Obtains temporary credentials (an STS token) of a RAM role, for a RAM user or
    /// role allowed to assume it.
    fn assume_role(
        &self,
        ctx: &RequestContext,
        input: super::assume_role::AssumeRoleInput,
    ) -> impl Future<
        Output = Result<super::assume_role::AssumeRoleResponse, Failure>,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("AssumeRole"))
        }
    }

    /// `AssumeRoleWithOIDC`: Obtains temporary credentials of a RAM role for the holder of an OIDC
    /// token issued by an identity provider the role trusts (RRSA in Container Service for
    /// Kubernetes).
    fn assume_role_with_oidc(
        &self,
        ctx: &RequestContext,
        input: super::assume_role_with_oidc::AssumeRoleWithOidcInput,
    ) -> impl Future<
        Output = Result<
            super::assume_role_with_oidc::AssumeRoleWithOidcResponse,
            Failure,
        >,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("AssumeRoleWithOIDC"))
        }
    }

    /// `GetCallerIdentity`: Returns the identity of the caller.
    fn get_caller_identity(
        &self,
        ctx: &RequestContext,
        input: super::get_caller_identity::GetCallerIdentityInput,
    ) -> impl Future<
        Output = Result<super::get_caller_identity::GetCallerIdentityResponse, Failure>,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("GetCallerIdentity"))
        }
    }
}

/// Every operation of the product: its Action, HTTP methods and quota.
pub const OPERATIONS: [aliyun_runtime::OperationInfo; 3usize] = [
    <super::assume_role::AssumeRoleInput as Operation>::INFO,
    <super::assume_role_with_oidc::AssumeRoleWithOidcInput as Operation>::INFO,
    <super::get_caller_identity::GetCallerIdentityInput as Operation>::INFO,
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
        "AssumeRole" => {
            let input = super::assume_role::AssumeRoleInput::from_query(params)?;
            let reply = service.assume_role(ctx, input).await?;
            Ok(answer(ctx, reply, "AssumeRoleResponse"))
        }
        "AssumeRoleWithOIDC" => {
            let input = super::assume_role_with_oidc::AssumeRoleWithOidcInput::from_query(
                params,
            )?;
            let reply = service.assume_role_with_oidc(ctx, input).await?;
            Ok(answer(ctx, reply, "AssumeRoleWithOIDCResponse"))
        }
        "GetCallerIdentity" => {
            let input = super::get_caller_identity::GetCallerIdentityInput::from_query(
                params,
            )?;
            let reply = service.get_caller_identity(ctx, input).await?;
            Ok(answer(ctx, reply, "GetCallerIdentityResponse"))
        }
        _ => Err(Failure::action_not_found()),
    }
}

/// A reply with the request's ID, as a body in the request's format.
fn answer<T: wire::Reply>(ctx: &RequestContext, mut reply: T, root: &str) -> String {
    reply.set_request_id(ctx.request_id().to_owned());
    wire::encode_reply(&reply, ctx.format(), root)
}
