//! The YAML schema as written (spec/README.md). Every struct denies unknown keys; positions
//! are kept (`Spanned`) wherever an error may need to point.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::{EnumKind, HttpMethod, SampleExpectation, Signature, WireFormat};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ProductFile {
    pub product: RawProduct,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawProduct {
    pub name: Spanned<String>,
    pub version: String,
    pub doc: String,
    pub endpoint: Spanned<String>,
    pub default_format: WireFormat,
    #[serde(default)]
    pub signature: Signature,
    pub output: Spanned<String>,
    pub cli: Option<Spanned<String>>,
    #[serde(rename = "crate")]
    pub crate_name: Spanned<String>,
    pub config_from_env: Option<Spanned<String>>,
    #[serde(default)]
    pub blocking: bool,
    pub envelope: RawEnvelope,
    #[serde(default)]
    pub errors: Vec<RawErrorCode>,
    #[serde(default)]
    pub error_samples: Vec<RawSample>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEnvelope {
    pub request_id: String,
    pub success: String,
    pub code: String,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawErrorCode {
    pub code: Spanned<String>,
    pub name: Spanned<String>,
    pub doc: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TypesFile {
    pub types: Vec<RawType>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OperationFile {
    pub operation: RawOperation,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOperation {
    pub name: Spanned<String>,
    pub doc: String,
    #[serde(default)]
    pub anonymous: bool,
    pub quota_per_second: u32,
    pub methods: Spanned<Vec<HttpMethod>>,
    #[serde(default)]
    pub parameters: Vec<RawParameter>,
    pub pagination: Option<Spanned<RawPagination>>,
    #[serde(default)]
    pub errors: Vec<Spanned<String>>,
    pub response: Spanned<String>,
    pub types: Vec<RawType>,
    #[serde(default)]
    pub samples: Vec<RawSample>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPagination {
    pub page: Spanned<String>,
    pub size: Spanned<String>,
    pub items: Spanned<String>,
    pub total: Option<Spanned<String>>,
    pub page_count: Option<Spanned<String>>,
    pub current_page: Option<Spanned<String>>,
    pub default_size: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawParameter {
    pub name: Spanned<String>,
    #[serde(rename = "type")]
    pub ty: Spanned<String>,
    pub items: Option<Spanned<String>>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub sensitive: bool,
    pub example: Option<String>,
    pub doc: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawType {
    pub name: Spanned<String>,
    pub rust_name: Option<String>,
    pub doc: String,
    pub fields: Option<Vec<RawField>>,
    #[serde(rename = "enum")]
    pub enum_kind: Option<Spanned<EnumKind>>,
    pub values: Option<Vec<RawEnumValue>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawField {
    pub name: Spanned<String>,
    #[serde(rename = "type")]
    pub ty: Spanned<String>,
    #[serde(default)]
    pub required: bool,
    pub items: Option<Spanned<String>>,
    pub xml_item: Option<String>,
    pub wrapped: Option<Spanned<bool>>,
    #[serde(default)]
    pub sensitive: bool,
    pub rust_name: Option<String>,
    pub doc: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEnumValue {
    pub value: Spanned<Scalar>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    pub name: Spanned<String>,
    pub label: String,
    pub doc: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum Scalar {
    Integer(i64),
    String(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSample {
    pub file: Spanned<String>,
    pub doc: String,
    pub expect: Spanned<SampleExpectation>,
}
