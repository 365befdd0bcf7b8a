// @generated from xtask/tests/synthetic/spec/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

//! Generated code: see the header of each file.
/// A made-up product for the generator's own tests.
/// `DescribeWidget`: Describes a widget
pub mod describe_widget;
/// The product code.
pub const PRODUCT: &str = "Synthetic";
/// The API version every operation of this product sends.
pub const API_VERSION: &str = "2020-01-01";
/// The endpoint URL template; `{region}` is replaced by the region ID.
pub const ENDPOINT_TEMPLATE: &str = "http://synthetic.{region}.example.invalid/";
/// The format the service answers in when a request does not ask for one.
pub const DEFAULT_FORMAT: aliyun_runtime::wire::Format = aliyun_runtime::wire::Format::Json;
