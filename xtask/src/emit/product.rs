//! A product's shared files: `mod.rs` (the index and constants), `client.rs`, `types.rs`
//! (shared shapes) and `error_codes.rs`.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::operation::{fluent_name, query_structs, sample_tests};
use super::types::type_def;
use super::{docs, format_tokens, ident, inner_docs, slash, summary};
use crate::spec::{Product, snake};

pub(super) fn module(product: &Product) -> TokenStream {
    let doc = inner_docs(&format!(
        "{}\n\nGenerated from `{}` by `cargo xtask codegen`.",
        product.doc,
        slash(&product.file)
    ));
    let modules = product.operations.iter().map(|op| {
        let module = ident(&snake(&op.name));
        let doc = docs(&format!("`{}`: {}", op.name, summary(&op.doc)));
        quote! { #doc pub mod #module; }
    });
    let name = &product.name;
    let version = &product.version;
    let endpoint = &product.endpoint;
    let default_format = format_tokens(product.default_format);
    let signature = match product.signature {
        crate::spec::Signature::V1 => quote! { aliyun_runtime::SignatureVersion::V1 },
        crate::spec::Signature::V3 => quote! { aliyun_runtime::SignatureVersion::V3 },
    };
    let e = &product.envelope;
    let (request_id, success, code, message) = (&e.request_id, &e.success, &e.code, &e.message);
    let samples = sample_tests(&product.output, &product.error_samples, None);
    let debug_arms = product.operations.iter().map(|op| {
        let module = ident(&snake(&op.name));
        let output = ident(&op.response);
        let action = &op.name;
        quote! { #action => decode::<#module::#output>(format, status, body), }
    });
    quote! {
        #doc
        #(#modules)*
        /// The client: one method per operation.
        mod client;
        pub use client::Client;
        /// Business error codes the documentation names, to compare with `Error::code()`.
        pub mod error_codes;
        /// The server side of every operation, for emulators and tests: request decoders, the
        /// `Service` trait and the dispatcher (cargo feature `server`).
        #[cfg(feature = "server")]
        pub mod server;
        /// Shapes shared by several operations.
        pub mod types;

        /// The product code.
        pub const PRODUCT: &str = #name;
        /// The API version every operation of this product sends.
        pub const API_VERSION: &str = #version;
        /// The endpoint URL template; `{region}` is replaced by the region ID.
        pub const ENDPOINT_TEMPLATE: &str = #endpoint;
        /// The format the service answers a V1 request in when it does not ask for one.
        pub const DEFAULT_FORMAT: aliyun_runtime::wire::Format = #default_format;
        /// The signature version the product's official SDKs use (`Config::signature`
        /// overrides it).
        pub const SIGNATURE: aliyun_runtime::SignatureVersion = #signature;
        /// The fields every reply of this product carries.
        pub const ENVELOPE: aliyun_runtime::wire::Envelope = aliyun_runtime::wire::Envelope {
            request_id: #request_id,
            success: #success,
            code: #code,
            message: #message,
        };
        pub use aliyun_runtime::{Config, Error};

        /// Decodes a reply of the operation `action` (HTTP `status`, body in `format`) and
        /// prints it with `{:#?}`: for snapshot tests and tools that treat every operation
        /// alike. `None` for an Action the product does not have.
        pub fn debug_reply(
            action: &str,
            format: aliyun_runtime::wire::Format,
            status: u16,
            body: &[u8],
        ) -> Option<Result<String, aliyun_runtime::Error>> {
            fn decode<T: aliyun_runtime::wire::Reply + std::fmt::Debug>(
                format: aliyun_runtime::wire::Format,
                status: u16,
                body: &[u8],
            ) -> Result<String, aliyun_runtime::Error> {
                aliyun_runtime::wire::decode_reply::<T>(format, status, body).map(|reply| format!("{reply:#?}"))
            }
            Some(match action {
                #(#debug_arms)*
                _ => return None,
            })
        }
        #samples
    }
}

pub(super) fn client(product: &Product) -> TokenStream {
    let methods = product.operations.iter().map(|op| {
        let method = ident(&snake(&op.name));
        let module = ident(&snake(&op.name));
        let fluent = fluent_name(op);
        let doc = docs(&format!("Calls `{}`: {}", op.name, op.doc));
        quote! {
            #doc
            pub fn #method(&self) -> super::#module::#fluent {
                super::#module::#fluent::new(self.inner.clone())
            }
        }
    });
    let blocking = product.blocking.then(|| blocking_client(product));
    let example = product
        .operations
        .iter()
        .find(|op| op.name == "QueryOTAFirmware")
        .or(product.operations.first())
        .map(|op| {
            let setters: String = op
                .parameters
                .iter()
                .filter(|p| p.required)
                .map(|p| {
                    format!(
                        ".{}({:?})",
                        p.rust_name,
                        p.example.clone().unwrap_or_default()
                    )
                })
                .collect();
            let krate = &product.crate_name;
            // Without `from_env` (the runtime reads no environment), the example builds a
            // `Config` itself.
            let client = match product.config_from_env {
                Some(_) => format!("let client = {krate}::Client::from_env()?;"),
                None => format!(
                    "// A key, or a provider such as aliyun-config's default chain.\n\
                     let credentials = aliyun_runtime::Credentials::new(\"AccessKeyId\", \"AccessKeySecret\");\n\
                     let config = {krate}::Config::builder()\n    .region(\"cn-shanghai\")?\n    \
                     .credentials(credentials)\n    .build()?;\n\
                     let client = {krate}::Client::new(config)?;"
                ),
            };
            format!(
                "\n\n```no_run\n# async fn example() -> Result<(), {krate}::Error> {{\n{client}\nlet reply = client.{method}(){setters}.send().await?;\n# let _ = reply;\n# Ok(())\n# }}\n```",
                method = snake(&op.name),
            )
        });
    let doc = docs(&format!(
        "A client for {}: one method per operation; retries, pacing and signing come from the \
         runtime. Cheap to clone.{}",
        product.name,
        example.unwrap_or_default()
    ));
    // The path was checked to parse when the spec was loaded.
    let from_env = product
        .config_from_env
        .as_deref()
        .and_then(|path| syn::parse_str::<syn::Path>(path).ok())
        .map(|config_from_env| {
            quote! {
                /// A client set up from the environment: region from `ALIBABA_CLOUD_REGION_ID` or the
                /// aliyun CLI profile, credentials from the default chain.
                pub fn from_env() -> Result<Self, aliyun_runtime::Error> {
                    Self::new(#config_from_env()?)
                }
            }
        });
    quote! {
        #doc
        #[derive(Clone, Debug)]
        pub struct Client {
            inner: aliyun_runtime::RpcClient,
        }

        impl Client {
            /// A client with this configuration.
            pub fn new(config: aliyun_runtime::Config) -> Result<Self, aliyun_runtime::Error> {
                Ok(Self { inner: aliyun_runtime::RpcClient::new(config, super::ENDPOINT_TEMPLATE)? })
            }

            #from_env

            /// The runtime client underneath, for generic calls (`call(&input)`).
            pub fn runtime(&self) -> &aliyun_runtime::RpcClient {
                &self.inner
            }

            #(#methods)*
        }

        #blocking
    }
}

/// The blocking client's methods (the type is hand-written in `crate::blocking`): one per
/// operation, making the same fluent builder with the blocking client in it.
fn blocking_client(product: &Product) -> TokenStream {
    let methods = product.operations.iter().map(|op| {
        let method = ident(&snake(&op.name));
        let module = ident(&snake(&op.name));
        let fluent = fluent_name(op);
        let doc = docs(&format!(
            "Calls `{}`, waiting for the reply: {}",
            op.name,
            summary(&op.doc)
        ));
        quote! {
            #doc
            pub fn #method(&self) -> super::#module::#fluent<crate::blocking::Client> {
                super::#module::#fluent::new(self.clone())
            }
        }
    });
    quote! {
        impl crate::blocking::Client {
            #(#methods)*
        }
    }
}

pub(super) fn types(product: &Product) -> TokenStream {
    // Shared structures some operation sends as request parameters.
    let query: BTreeSet<String> = product.operations.iter().flat_map(query_structs).collect();
    let types = product
        .types
        .iter()
        .map(|t| type_def(t, query.contains(&t.rust_name)));
    quote! {
        use aliyun_runtime::wire;
        #(#types)*
    }
}

pub(super) fn error_codes(product: &Product) -> TokenStream {
    let consts = product.errors.iter().map(|e| {
        let name = format_ident!(
            "{}",
            heck::ToShoutySnakeCase::to_shouty_snake_case(e.name.as_str())
        );
        let code = &e.code;
        let doc = docs(&format!("`{}`: {}", e.code, e.doc));
        quote! { #doc pub const #name: &str = #code; }
    });
    quote! { #(#consts)* }
}
