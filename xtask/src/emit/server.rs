//! The server side of a product (behind the SDK's `server` feature): a request decoder per
//! input, the `Service` trait with one method per operation, and the dispatcher by `Action`.
//! The emulator implements `Service`; every operation it does not implement answers a clear
//! "not implemented by the emulator" error.

use proc_macro2::TokenStream;
use quote::quote;

use super::operation::input_name;
use super::{docs, ident, summary};
use crate::spec::{Product, snake};

pub(super) fn module(product: &Product) -> TokenStream {
    let decoders = product.operations.iter().map(|op| {
        let module = ident(&snake(&op.name));
        let input = input_name(op);
        let fields = op.parameters.iter().map(|p| {
            let name = ident(&p.rust_name);
            let wire_name = &p.name;
            let read = match (p.is_list(), p.required) {
                (true, true) => quote! { r.required_list(#wire_name)? },
                (true, false) => quote! { r.list(#wire_name)? },
                (false, true) => quote! { r.required(#wire_name)? },
                (false, false) => quote! { r.read(#wire_name)? },
            };
            quote! { #name: #read, }
        });
        let arg = if op.parameters.is_empty() {
            quote! { _r }
        } else {
            quote! { r }
        };
        quote! {
            impl super::#module::#input {
                /// Reads the input from a request's decoded parameters: a missing required
                /// parameter is `QueryError::Missing`, a value that does not parse
                /// `QueryError::Invalid`.
                pub fn from_query(#arg: &QueryReader<'_>) -> Result<Self, QueryError> {
                    Ok(Self { #(#fields)* })
                }
            }
        }
    });
    let methods = product.operations.iter().map(|op| {
        let method = ident(&snake(&op.name));
        let module = ident(&snake(&op.name));
        let input = input_name(op);
        let output = ident(&op.response);
        let action = &op.name;
        let doc = docs(&format!("`{action}`: {}", summary(&op.doc)));
        quote! {
            #doc
            fn #method(
                &self,
                ctx: &RequestContext,
                input: super::#module::#input,
            ) -> impl Future<Output = Result<super::#module::#output, Failure>> + Send {
                async move {
                    let _ = (ctx, input);
                    Err(Failure::not_implemented(#action))
                }
            }
        }
    });
    let infos = product.operations.iter().map(|op| {
        let module = ident(&snake(&op.name));
        let input = input_name(op);
        quote! { <super::#module::#input as Operation>::INFO, }
    });
    let arms = product.operations.iter().map(|op| {
        let method = ident(&snake(&op.name));
        let module = ident(&snake(&op.name));
        let input = input_name(op);
        let action = &op.name;
        let root = format!("{}Response", op.name);
        quote! {
            #action => {
                let input = super::#module::#input::from_query(params)?;
                let reply = service.#method(ctx, input).await?;
                Ok(answer(ctx, reply, #root))
            }
        }
    });
    let count = product.operations.len();
    let service_doc = docs(&format!(
        "The {} service, one method per operation. Each method has a default that answers \
         \"not implemented\", so an implementation (an emulator, a test double) provides only the \
         operations it serves.",
        product.name
    ));
    quote! {
        use aliyun_runtime::query::QueryError;
        use aliyun_runtime::server::{Failure, RequestContext};
        use aliyun_runtime::{Operation, QueryReader, wire};

        #(#decoders)*

        #service_doc
        pub trait Service: Send + Sync {
            #(#methods)*
        }

        /// Every operation of the product: its Action, HTTP methods and quota.
        pub const OPERATIONS: [aliyun_runtime::OperationInfo; #count] = [#(#infos)*];

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
                #(#arms)*
                _ => Err(Failure::action_not_found()),
            }
        }

        /// A reply with the request's ID, as a body in the request's format.
        fn answer<T: wire::Reply>(ctx: &RequestContext, mut reply: T, root: &str) -> String {
            reply.set_request_id(ctx.request_id().to_owned());
            wire::encode_reply(&reply, ctx.format(), root)
        }
    }
}
