//! The spec: YAML files describing a product, its shared types and its operations (schema in
//! spec/README.md), read strictly and checked, with every error naming file, line and column.
//!
//! `raw` is the schema as written; `load` reads and checks it into the model below, which is
//! all the emitters see.

mod load;
mod raw;

use std::fmt;
use std::path::PathBuf;

use serde::Deserialize;

pub use load::{ProductContext, load_operation, load_product, pascal, snake};

/// A problem in a spec file, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    /// The spec file, relative to the workspace root when it is inside it.
    pub file: PathBuf,
    /// 1-based line (0 when the problem is the whole file).
    pub line: u64,
    /// 1-based column.
    pub column: u64,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

impl std::error::Error for SpecError {}

/// A wire format, as named in the spec.
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireFormat {
    /// JSON.
    #[serde(rename = "JSON")]
    Json,
    /// XML.
    #[serde(rename = "XML")]
    Xml,
}

/// The signature version a product's official SDKs use.
#[derive(Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Signature {
    /// RPC V1, HMAC-SHA1.
    V1,
    /// V3, ACS3-HMAC-SHA256.
    #[default]
    V3,
}

/// An HTTP method an operation accepts.
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum HttpMethod {
    /// GET.
    #[serde(rename = "GET")]
    Get,
    /// POST.
    #[serde(rename = "POST")]
    Post,
}

/// The kind of an enum's values.
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum EnumKind {
    /// Integer values (`Status: 2`).
    Integer,
    /// String values (`SignMethod: MD5`).
    String,
}

/// What decoding a sample must give.
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SampleExpectation {
    /// A successful response.
    Success,
    /// An in-band failure (`Success: false`).
    InBandError,
    /// A gateway error body.
    GatewayError,
}

/// A product, its shared types and all its operations.
#[derive(Debug)]
pub struct Product {
    /// The spec's `product.yaml`, relative to the workspace root.
    pub file: PathBuf,
    /// Product code, such as `Iot`.
    pub name: String,
    /// API version, such as `2018-01-20`.
    pub version: String,
    /// What the product is.
    pub doc: String,
    /// Endpoint template with `{region}`.
    pub endpoint: String,
    /// The format the service answers in when `Format` is absent.
    pub default_format: WireFormat,
    /// The signature version of the product's official SDKs.
    pub signature: Signature,
    /// Where the generated module goes, relative to the workspace root.
    pub output: PathBuf,
    /// Where the generated subcommands go, when the product has a command.
    pub cli: Option<PathBuf>,
    /// The Rust name of the crate holding the module (for doc examples), such as `aliyun_iot`.
    pub crate_name: String,
    /// The function `Client::from_env` builds its configuration with (a path to a
    /// `fn() -> Result<aliyun_runtime::Config, aliyun_runtime::Error>`); `None`: the client has
    /// no `from_env`.
    pub config_from_env: Option<String>,
    /// Whether the crate has a `blocking::Client` the generator adds a synchronous `send` (and
    /// paged iteration) to every operation for.
    pub blocking: bool,
    /// The fields every response carries.
    pub envelope: Envelope,
    /// The product's documented business error codes.
    pub errors: Vec<ErrorCode>,
    /// Error bodies that every operation may return.
    pub error_samples: Vec<Sample>,
    /// The types shared by several operations (from `types/*.yaml`), in file and spec order.
    pub types: Vec<TypeDef>,
    /// The operations, ordered by name.
    pub operations: Vec<Operation>,
}

/// The wire names of the fields every response carries.
#[derive(Debug, Clone)]
pub struct Envelope {
    /// The request ID (`RequestId`).
    pub request_id: String,
    /// The success flag (`Success`).
    pub success: String,
    /// The error code (`Code`).
    pub code: String,
    /// The error message (`ErrorMessage`).
    pub message: String,
}

impl Envelope {
    /// Whether `name` is one of the envelope's fields (ASCII case ignored, as the runtime
    /// matches them).
    pub fn contains(&self, name: &str) -> bool {
        [&self.request_id, &self.success, &self.code, &self.message]
            .iter()
            .any(|n| n.eq_ignore_ascii_case(name))
    }
}

/// A documented business error code.
#[derive(Debug, Clone)]
pub struct ErrorCode {
    /// The code on the wire, such as `iot.ota.FirmwareNotFound`.
    pub code: String,
    /// Its PascalCase name, such as `FirmwareNotFound`.
    pub name: String,
    /// What it means.
    pub doc: String,
}

/// One operation.
#[derive(Debug)]
pub struct Operation {
    /// The spec file, relative to the workspace root.
    pub file: PathBuf,
    /// The Action, such as `QueryOTAFirmware`.
    pub name: String,
    /// What it does.
    pub doc: String,
    /// Whether the call is sent unsigned, without `AccessKeyId` (AssumeRoleWithOIDC: the
    /// OIDC token is the proof).
    pub anonymous: bool,
    /// The service's quota, calls per second per account.
    pub quota_per_second: u32,
    /// Accepted HTTP methods, the preferred first.
    pub methods: Vec<HttpMethod>,
    /// Request parameters (besides the common ones).
    pub parameters: Vec<Parameter>,
    /// How the operation pages, if it does.
    pub pagination: Option<Pagination>,
    /// The documented error codes.
    pub errors: Vec<String>,
    /// The response structure's Rust name.
    pub response: String,
    /// The operation's own types, in spec order.
    pub types: Vec<TypeDef>,
    /// The Rust names of the shared types this operation uses, directly or through others.
    pub shared_types: Vec<String>,
    /// Documented samples.
    pub samples: Vec<Sample>,
}

/// How an operation pages.
#[derive(Debug)]
pub struct Pagination {
    /// The page-number parameter (Rust name).
    pub page: String,
    /// Whether the page-number parameter is required.
    pub page_required: bool,
    /// The page-size parameter (Rust name).
    pub size: String,
    /// Whether the page-size parameter is required.
    pub size_required: bool,
    /// The page size set when the caller sets none.
    pub default_size: u32,
    /// The response's list field holding the items (Rust name).
    pub items: String,
    /// The item type.
    pub item_type: FieldType,
    /// The response's total-items field (Rust name), if it has one.
    pub total: Option<String>,
    /// The response's page-count field (Rust name), if it has one.
    pub page_count: Option<String>,
    /// The response's current-page field (Rust name), if it has one.
    pub current_page: Option<String>,
}

/// A request parameter.
#[derive(Debug)]
pub struct Parameter {
    /// Wire name, such as `FirmwareId` (for a list, the prefix of `Name.N`).
    pub name: String,
    /// Rust name, such as `firmware_id`.
    pub rust_name: String,
    /// Its type: a scalar, an enum, or a list of those or of structures.
    pub ty: FieldType,
    /// Whether the call needs it.
    pub required: bool,
    /// Whether the value is a secret (`Debug` prints `<redacted>`).
    pub sensitive: bool,
    /// An example value.
    pub example: Option<String>,
    /// What it is.
    pub doc: String,
}

impl Parameter {
    /// Whether the parameter is a list.
    pub fn is_list(&self) -> bool {
        matches!(self.ty, FieldType::List { .. })
    }
}

/// A named type: a structure or an enum.
#[derive(Debug)]
pub struct TypeDef {
    /// Wire name, such as `OtaPackageFileDTO`.
    pub name: String,
    /// Rust name, such as `OtaPackageFile`.
    pub rust_name: String,
    /// What it is.
    pub doc: String,
    /// Structure or enum.
    pub kind: TypeKind,
}

/// The shape of a named type.
#[derive(Debug)]
pub enum TypeKind {
    /// A structure with fields.
    Struct(Vec<Field>),
    /// An enum with known values.
    Enum(EnumKind, Vec<EnumValue>),
}

/// A structure field.
#[derive(Debug)]
pub struct Field {
    /// Wire name.
    pub name: String,
    /// Rust name.
    pub rust_name: String,
    /// Its type.
    pub ty: FieldType,
    /// Whether a response without it is malformed.
    pub required: bool,
    /// Whether `Debug` redacts it.
    pub sensitive: bool,
    /// What it is.
    pub doc: String,
}

/// A field's or parameter's type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldType {
    /// Text.
    String,
    /// A 64-bit integer (numbers sent as strings accepted).
    Integer,
    /// A boolean.
    Boolean,
    /// A UTC timestamp.
    Timestamp,
    /// A named structure (its Rust name).
    Struct(String),
    /// A named enum (its Rust name).
    Enum(String),
    /// A list; `xml_item` names each item's element in XML.
    List {
        /// The item type.
        item: Box<FieldType>,
        /// The XML element name of each item (and the JSON wrapper key when `wrapped`).
        xml_item: String,
        /// Whether JSON wraps the items in an object too.
        wrapped: bool,
    },
}

/// A known enum value.
#[derive(Debug)]
pub struct EnumValue {
    /// The value on the wire (what is sent).
    pub value: EnumLiteral,
    /// Other spellings that decode to this value.
    pub aliases: Vec<String>,
    /// The Rust variant name.
    pub name: String,
    /// A short human label.
    pub label: String,
    /// What it means.
    pub doc: String,
}

/// An enum value on the wire.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum EnumLiteral {
    /// An integer value.
    Integer(i64),
    /// A string value.
    String(String),
}

/// A documented response body.
#[derive(Debug)]
pub struct Sample {
    /// The file, relative to the workspace root.
    pub file: PathBuf,
    /// Its format, from the extension.
    pub format: WireFormat,
    /// What it is.
    pub doc: String,
    /// What decoding it must give.
    pub expect: SampleExpectation,
}
