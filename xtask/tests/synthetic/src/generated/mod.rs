// @generated from xtask/tests/synthetic/spec/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

//! A made-up product for the generator's own tests.
//!
//! Generated from `xtask/tests/synthetic/spec/product.yaml` by `cargo xtask codegen`.
/// `DescribeWidget`: Describes a widget.
pub mod describe_widget;

/// `ListWidgets`: Lists widgets a page at a time.
pub mod list_widgets;

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
pub const PRODUCT: &str = "Synthetic";

/// The API version every operation of this product sends.
pub const API_VERSION: &str = "2020-01-01";

/// The endpoint URL template; `{region}` is replaced by the region ID.
pub const ENDPOINT_TEMPLATE: &str = "http://synthetic.{region}.example.invalid/";

/// The format the service answers a V1 request in when it does not ask for one.
pub const DEFAULT_FORMAT: aliyun_runtime::wire::Format = aliyun_runtime::wire::Format::Json;

/// The signature version the product's official SDKs use (`Config::signature`
/// overrides it).
pub const SIGNATURE: aliyun_runtime::SignatureVersion = aliyun_runtime::SignatureVersion::V1;

/// The fields every reply of this product carries.
pub const ENVELOPE: aliyun_runtime::wire::Envelope = aliyun_runtime::wire::Envelope {
    request_id: "RequestId",
    success: "Ok",
    code: "ErrCode",
    message: "ErrText",
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
            "DescribeWidget" => {
                decode::<describe_widget::DescribeWidgetResult>(format, status, body)
            }
            "ListWidgets" => {
                decode::<list_widgets::ListWidgetsResult>(format, status, body)
            }
            _ => return None,
        },
    )
}
