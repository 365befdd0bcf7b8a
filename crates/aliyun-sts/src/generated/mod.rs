// @generated from spec/sts/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

//! Alibaba Cloud Security Token Service (STS): temporary credentials for a RAM role
//! (AssumeRole, AssumeRoleWithOIDC) and the identity of the caller (GetCallerIdentity).
//!
//! Generated from `spec/sts/product.yaml` by `cargo xtask codegen`.
/// `AssumeRole`: Obtains temporary credentials (an STS token) of a RAM role, for a RAM user or
/// role allowed to assume it.
pub mod assume_role;

/// `AssumeRoleWithOIDC`: Obtains temporary credentials of a RAM role for the holder of an OIDC
/// token issued by an identity provider the role trusts (RRSA in Container Service for
/// Kubernetes).
pub mod assume_role_with_oidc;

/// `GetCallerIdentity`: Returns the identity of the caller.
pub mod get_caller_identity;

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
pub const PRODUCT: &str = "Sts";

/// The API version every operation of this product sends.
pub const API_VERSION: &str = "2015-04-01";

/// The endpoint URL template; `{region}` is replaced by the region ID.
pub const ENDPOINT_TEMPLATE: &str = "https://sts.{region}.aliyuncs.com/";

/// The format the service answers a V1 request in when it does not ask for one.
pub const DEFAULT_FORMAT: aliyun_runtime::wire::Format = aliyun_runtime::wire::Format::Json;

/// The signature version the product's official SDKs use (`Config::signature`
/// overrides it).
pub const SIGNATURE: aliyun_runtime::SignatureVersion = aliyun_runtime::SignatureVersion::V1;

/// The fields every reply of this product carries.
pub const ENVELOPE: aliyun_runtime::wire::Envelope = aliyun_runtime::wire::Envelope {
    request_id: "RequestId",
    success: "Success",
    code: "Code",
    message: "Message",
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
        aliyun_runtime::wire::decode_reply::<T>(format, status, body)
            .map(|reply| format!("{reply:#?}"))
    }
    Some(
        match action {
            "AssumeRole" => {
                decode::<assume_role::AssumeRoleResponse>(format, status, body)
            }
            "AssumeRoleWithOIDC" => {
                decode::<
                    assume_role_with_oidc::AssumeRoleWithOidcResponse,
                >(format, status, body)
            }
            "GetCallerIdentity" => {
                decode::<
                    get_caller_identity::GetCallerIdentityResponse,
                >(format, status, body)
            }
            _ => return None,
        },
    )
}

#[cfg(test)]
mod sample_tests {
    use aliyun_runtime::wire;

    #[allow(unused_imports)]
    use super::*;

    /// An STS error body (NoPermission), as the gateway answers it with HTTP 403.
    /// (spec/sts/samples/error.json)
    #[test]
    fn decodes_error_json() {
        let body: &[u8] = include_bytes!("../../../../spec/sts/samples/error.json");
        let error = wire::decode_gateway_error(
            aliyun_runtime::wire::Format::Json,
            400,
            body,
        );
        assert!(! error.code.starts_with("Http"), "{error:?}");
        assert!(error.request_id.is_some(), "{error:?}");
    }
}
