//! The spec: YAML files describing a product and its operations (schema in spec/README.md),
//! read strictly and checked, with every error naming file, line and column.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_saphyr::Spanned;

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

// ---------------------------------------------------------------------------------------
// The YAML schema, as written. Every struct denies unknown keys.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProductFile {
    product: RawProduct,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProduct {
    name: Spanned<String>,
    version: String,
    doc: String,
    endpoint: Spanned<String>,
    default_format: WireFormat,
    output: Spanned<String>,
    #[serde(rename = "crate")]
    crate_name: Spanned<String>,
    in_band_error: Option<RawInBandError>,
    #[serde(default)]
    error_samples: Vec<RawSample>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInBandError {
    success: String,
    code: String,
    message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OperationFile {
    operation: RawOperation,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOperation {
    name: Spanned<String>,
    doc: String,
    quota_per_second: u32,
    methods: Spanned<Vec<HttpMethod>>,
    #[serde(default)]
    parameters: Vec<RawParameter>,
    response: Spanned<String>,
    types: Vec<RawType>,
    #[serde(default)]
    samples: Vec<RawSample>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParameter {
    name: Spanned<String>,
    #[serde(rename = "type")]
    ty: Spanned<String>,
    #[serde(default)]
    required: bool,
    example: Option<String>,
    doc: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawType {
    name: Spanned<String>,
    rust_name: Option<String>,
    doc: String,
    fields: Option<Vec<RawField>>,
    #[serde(rename = "enum")]
    enum_kind: Option<Spanned<EnumKind>>,
    values: Option<Vec<RawEnumValue>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    name: Spanned<String>,
    #[serde(rename = "type")]
    ty: Spanned<String>,
    #[serde(default)]
    required: bool,
    items: Option<Spanned<String>>,
    xml_item: Option<String>,
    rust_name: Option<String>,
    doc: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEnumValue {
    value: Spanned<Scalar>,
    name: Spanned<String>,
    label: String,
    doc: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    Integer(i64),
    String(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSample {
    file: Spanned<String>,
    doc: String,
    expect: Spanned<SampleExpectation>,
}

// ---------------------------------------------------------------------------------------
// The checked model the generator works from.

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

/// A product and all its operations.
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
    /// Where the generated module goes, relative to the workspace root.
    pub output: PathBuf,
    /// The Rust name of the crate holding the module (for doc examples), such as `aliyun_iot`.
    pub crate_name: String,
    /// The response fields that carry in-band failures.
    pub in_band_error: Option<InBandError>,
    /// Error bodies that every operation may return.
    pub error_samples: Vec<Sample>,
    /// The operations, ordered by name.
    pub operations: Vec<Operation>,
}

/// The response fields that report an in-band failure.
#[derive(Debug)]
pub struct InBandError {
    /// The boolean success flag (`Success`).
    pub success: String,
    /// The error code (`Code`).
    pub code: String,
    /// The error message (`ErrorMessage`).
    pub message: String,
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
    /// The service's quota, calls per second per account.
    pub quota_per_second: u32,
    /// Accepted HTTP methods.
    pub methods: Vec<HttpMethod>,
    /// Request parameters (besides the common ones).
    pub parameters: Vec<Parameter>,
    /// The response structure's wire name.
    pub response: String,
    /// The types, in spec order.
    pub types: Vec<TypeDef>,
    /// Documented samples.
    pub samples: Vec<Sample>,
}

/// A request parameter.
#[derive(Debug)]
pub struct Parameter {
    /// Wire name, such as `FirmwareId`.
    pub name: String,
    /// Rust name, such as `firmware_id`.
    pub rust_name: String,
    /// Its type: string, integer or boolean.
    pub ty: FieldType,
    /// Whether the call needs it.
    pub required: bool,
    /// An example value.
    pub example: Option<String>,
    /// What it is.
    pub doc: String,
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
    /// What it is.
    pub doc: String,
}

/// A field's type.
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
        /// The XML element name of each item.
        xml_item: String,
    },
}

/// A known enum value.
#[derive(Debug)]
pub struct EnumValue {
    /// The value on the wire.
    pub value: EnumLiteral,
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

// ---------------------------------------------------------------------------------------
// Loading.

/// Reads and checks a product directory: `product.yaml` and `operations/*.yaml`.
/// `root` is the workspace root; `dir` is relative to it.
pub fn load_product(root: &Path, dir: &Path) -> Result<Product, SpecError> {
    let product_file = dir.join("product.yaml");
    let text = read(root, &product_file)?;
    let raw: ProductFile = parse(&product_file, &text)?;
    let in_band_error = raw.product.in_band_error.as_ref().map(|e| InBandError {
        success: e.success.clone(),
        code: e.code.clone(),
        message: e.message.clone(),
    });
    let ops_dir = dir.join("operations");
    let mut names: Vec<PathBuf> = match std::fs::read_dir(root.join(&ops_dir)) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .filter_map(|p| p.file_name().map(|n| ops_dir.join(n)))
            .collect(),
        Err(e) => return Err(whole_file(&ops_dir, format!("cannot list operations: {e}"))),
    };
    names.sort();
    let mut operations = Vec::new();
    for file in names {
        let text = read(root, &file)?;
        operations.push(load_operation(root, &file, &text, in_band_error.as_ref())?);
    }
    let mut seen = BTreeSet::new();
    for op in &operations {
        if !seen.insert(op.name.clone()) {
            return Err(whole_file(
                &op.file,
                format!("operation `{}` is defined twice", op.name),
            ));
        }
    }
    finish_product(root, product_file, raw.product, in_band_error, operations)
}

fn finish_product(
    root: &Path,
    file: PathBuf,
    raw: RawProduct,
    in_band_error: Option<InBandError>,
    operations: Vec<Operation>,
) -> Result<Product, SpecError> {
    if !raw.endpoint.value.contains("{region}") {
        return Err(at(
            &file,
            &raw.endpoint,
            "the endpoint template must contain `{region}`",
        ));
    }
    if !is_pascal_ident(&raw.name.value) {
        return Err(at(
            &file,
            &raw.name,
            "the product name must be an identifier such as `Iot`",
        ));
    }
    let valid_crate = raw
        .crate_name
        .value
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && raw
            .crate_name
            .value
            .starts_with(|c: char| c.is_ascii_lowercase());
    if !valid_crate {
        return Err(at(
            &file,
            &raw.crate_name,
            "`crate` must be the crate's Rust name, such as `aliyun_iot`",
        ));
    }
    if let Some(s) = raw
        .error_samples
        .iter()
        .find(|s| s.expect.value != SampleExpectation::GatewayError)
    {
        return Err(at(
            &file,
            &s.expect,
            "product error samples are gateway errors: `expect: gateway_error`",
        ));
    }
    let output = PathBuf::from(&raw.output.value);
    let inside = output
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !inside || output.as_os_str().is_empty() {
        return Err(at(
            &file,
            &raw.output,
            "`output` must be a relative path inside the workspace, without `..`",
        ));
    }
    let error_samples = samples(root, &file, raw.error_samples)?;
    Ok(Product {
        name: raw.name.value,
        version: raw.version,
        doc: raw.doc,
        endpoint: raw.endpoint.value,
        default_format: raw.default_format,
        output,
        crate_name: raw.crate_name.value,
        in_band_error,
        error_samples,
        operations,
        file,
    })
}

/// Reads and checks one operation file's text. `in_band` is the product's in-band error
/// convention, checked against the response type.
pub fn load_operation(
    root: &Path,
    file: &Path,
    text: &str,
    in_band: Option<&InBandError>,
) -> Result<Operation, SpecError> {
    let raw: OperationFile = parse(file, text)?;
    let op = raw.operation;
    if !is_pascal_ident(&op.name.value) {
        return Err(at(
            file,
            &op.name,
            "an operation name must be an identifier such as `QueryOTAFirmware`",
        ));
    }
    if op.methods.value.is_empty() {
        return Err(at(
            file,
            &op.methods,
            "`methods` must list at least one of GET, POST",
        ));
    }
    // Names the generator gives the operation's own types.
    let pascal_op = pascal(&op.name.value);
    let generated_names =
        ["Input", "InputBuilder", "FluentBuilder"].map(|s| format!("{pascal_op}{s}"));

    // Names first, so fields can refer to types declared after them.
    let mut by_name: BTreeMap<String, (&RawType, String)> = BTreeMap::new();
    let mut rust_names = BTreeSet::new();
    for ty in &op.types {
        let rust_name = ty
            .rust_name
            .clone()
            .unwrap_or_else(|| pascal(&ty.name.value));
        if !is_pascal_ident(&rust_name) || rust_name == "Self" {
            return Err(at(
                file,
                &ty.name,
                format!("`{rust_name}` is not a valid Rust type name"),
            ));
        }
        if generated_names.contains(&rust_name) {
            return Err(at(
                file,
                &ty.name,
                format!(
                    "`{rust_name}` is a name the generator gives the operation's input: rename the type (rust_name)"
                ),
            ));
        }
        if by_name.contains_key(&ty.name.value) || !rust_names.insert(rust_name.clone()) {
            return Err(at(
                file,
                &ty.name,
                format!("type `{}` is defined twice", ty.name.value),
            ));
        }
        by_name.insert(ty.name.value.clone(), (ty, rust_name));
    }

    let mut types = Vec::new();
    for ty in &op.types {
        let rust_name = by_name[&ty.name.value].1.clone();
        let kind = match (&ty.fields, &ty.enum_kind, &ty.values) {
            (Some(fields), None, None) => TypeKind::Struct(struct_fields(file, fields, &by_name)?),
            (None, Some(kind), Some(values)) => {
                TypeKind::Enum(kind.value, enum_values(file, kind, values)?)
            }
            (None, Some(_), None) => {
                return Err(at(
                    file,
                    &ty.name,
                    format!("enum `{}` has no `values`", ty.name.value),
                ));
            }
            (None, None, _) => {
                return Err(at(
                    file,
                    &ty.name,
                    format!(
                        "type `{}` needs either `fields` (a structure) or `enum` and `values`",
                        ty.name.value
                    ),
                ));
            }
            (Some(_), _, _) => {
                return Err(at(
                    file,
                    &ty.name,
                    format!(
                        "type `{}` has both `fields` and `enum`: choose one",
                        ty.name.value
                    ),
                ));
            }
        };
        types.push(TypeDef {
            name: ty.name.value.clone(),
            rust_name,
            doc: ty.doc.clone(),
            kind,
        });
    }

    let response = match by_name.get(&op.response.value) {
        Some((raw, _)) if raw.fields.is_some() => op.response.value.clone(),
        Some(_) => {
            return Err(at(
                file,
                &op.response,
                format!("the response `{}` must be a structure", op.response.value),
            ));
        }
        None => {
            return Err(at(
                file,
                &op.response,
                format!("unknown type `{}`", op.response.value),
            ));
        }
    };
    if let Some(in_band) = in_band {
        check_in_band(file, &op.response, &types, &response, in_band)?;
    }

    let mut parameters = Vec::new();
    let mut param_names = BTreeSet::new();
    for p in &op.parameters {
        let rust_name = snake(&p.name.value);
        if !param_names.insert(rust_name.clone()) {
            return Err(at(
                file,
                &p.name,
                format!(
                    "parameter `{}` is listed twice (or clashes as `{rust_name}`)",
                    p.name.value
                ),
            ));
        }
        if !is_snake_ident(&rust_name) {
            return Err(at(
                file,
                &p.name,
                format!(
                    "`{}` does not make a usable Rust name (`{rust_name}`)",
                    p.name.value
                ),
            ));
        }
        if COMMON_PARAMETERS.contains(&p.name.value.as_str()) {
            return Err(at(
                file,
                &p.name,
                format!(
                    "`{}` is a common parameter the runtime sends; list only the operation's own",
                    p.name.value
                ),
            ));
        }
        let ty = match p.ty.value.as_str() {
            "string" => FieldType::String,
            "integer" => FieldType::Integer,
            "boolean" => FieldType::Boolean,
            other => {
                return Err(at(
                    file,
                    &p.ty,
                    format!(
                        "parameter type `{other}` is not supported: use string, integer or boolean"
                    ),
                ));
            }
        };
        parameters.push(Parameter {
            name: p.name.value.clone(),
            rust_name,
            ty,
            required: p.required,
            example: p.example.clone(),
            doc: p.doc.clone(),
        });
    }
    check_no_recursion(file, &op.types, &types)?;
    let samples = samples(root, file, op.samples)?;
    Ok(Operation {
        file: file.to_path_buf(),
        name: op.name.value,
        doc: op.doc,
        quota_per_second: op.quota_per_second,
        methods: op.methods.value,
        parameters,
        response,
        types,
        samples,
    })
}

/// A structure that contains itself (directly or through others, outside a list) would have
/// infinite size: refuse it at the type's position.
fn check_no_recursion(file: &Path, raw: &[RawType], types: &[TypeDef]) -> Result<(), SpecError> {
    let children = |name: &str| -> Vec<String> {
        match types.iter().find(|t| t.rust_name == name).map(|t| &t.kind) {
            Some(TypeKind::Struct(fields)) => fields
                .iter()
                .filter_map(|f| match &f.ty {
                    FieldType::Struct(child) => Some(child.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    };
    for (ty, raw_ty) in types.iter().zip(raw) {
        let mut stack = children(&ty.rust_name);
        let mut seen = BTreeSet::new();
        while let Some(next) = stack.pop() {
            if next == ty.rust_name {
                return Err(at(
                    file,
                    &raw_ty.name,
                    format!(
                        "structure `{}` contains itself outside a list, which has no finite size",
                        ty.name
                    ),
                ));
            }
            if seen.insert(next.clone()) {
                stack.extend(children(&next));
            }
        }
    }
    Ok(())
}

/// Parameters the runtime adds to every call: an operation must not declare them.
const COMMON_PARAMETERS: &[&str] = &[
    "Action",
    "Version",
    "Format",
    "AccessKeyId",
    "Signature",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
    "SecurityToken",
    "RegionId",
];

fn check_in_band(
    file: &Path,
    response_ref: &Spanned<String>,
    types: &[TypeDef],
    response: &str,
    in_band: &InBandError,
) -> Result<(), SpecError> {
    let Some(TypeKind::Struct(fields)) = types.iter().find(|t| t.name == response).map(|t| &t.kind)
    else {
        return Ok(());
    };
    for (name, want) in [
        (&in_band.success, FieldType::Boolean),
        (&in_band.code, FieldType::String),
        (&in_band.message, FieldType::String),
    ] {
        match fields.iter().find(|f| &f.name == name) {
            Some(f) if f.ty == want => {}
            Some(f) => {
                return Err(at(
                    file,
                    response_ref,
                    format!(
                        "field `{}` of `{response}` must be of type {} (the product's in_band_error uses it)",
                        f.name,
                        if want == FieldType::Boolean {
                            "boolean"
                        } else {
                            "string"
                        }
                    ),
                ));
            }
            None => {
                return Err(at(
                    file,
                    response_ref,
                    format!(
                        "the response `{response}` lacks the field `{name}` named by the product's in_band_error"
                    ),
                ));
            }
        }
    }
    Ok(())
}

fn struct_fields(
    file: &Path,
    fields: &[RawField],
    types: &BTreeMap<String, (&RawType, String)>,
) -> Result<Vec<Field>, SpecError> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for f in fields {
        let rust_name = f.rust_name.clone().unwrap_or_else(|| snake(&f.name.value));
        if !is_snake_ident(&rust_name) {
            return Err(at(
                file,
                &f.name,
                format!("`{rust_name}` is not a usable Rust field name (lowercase, digits, `_`)"),
            ));
        }
        if !seen.insert(f.name.value.clone())
            || out.iter().any(|o: &Field| o.rust_name == rust_name)
        {
            return Err(at(
                file,
                &f.name,
                format!("duplicate field `{}`", f.name.value),
            ));
        }
        let ty = if f.ty.value == "list" {
            let Some(items) = &f.items else {
                return Err(at(
                    file,
                    &f.ty,
                    format!("list field `{}` needs `items`", f.name.value),
                ));
            };
            let item = resolve(file, items, types)?;
            if matches!(item, FieldType::List { .. }) {
                return Err(at(file, items, "lists of lists are not supported"));
            }
            let xml_item = f.xml_item.clone().unwrap_or_else(|| items.value.clone());
            FieldType::List {
                item: Box::new(item),
                xml_item,
            }
        } else {
            if let Some(items) = &f.items {
                return Err(at(
                    file,
                    items,
                    format!(
                        "`items` only goes with `type: list`, but `{}` is `{}`",
                        f.name.value, f.ty.value
                    ),
                ));
            }
            if f.xml_item.is_some() {
                return Err(at(file, &f.name, "`xml_item` only goes with `type: list`"));
            }
            resolve(file, &f.ty, types)?
        };
        if f.required && matches!(ty, FieldType::Enum(_) | FieldType::List { .. }) {
            return Err(at(
                file,
                &f.name,
                "enum and list fields cannot be `required`: unknown and empty values must stay decodable",
            ));
        }
        out.push(Field {
            name: f.name.value.clone(),
            rust_name,
            ty,
            required: f.required,
            doc: f.doc.clone(),
        });
    }
    Ok(out)
}

fn resolve(
    file: &Path,
    name: &Spanned<String>,
    types: &BTreeMap<String, (&RawType, String)>,
) -> Result<FieldType, SpecError> {
    Ok(match name.value.as_str() {
        "string" => FieldType::String,
        "integer" => FieldType::Integer,
        "boolean" => FieldType::Boolean,
        "timestamp" => FieldType::Timestamp,
        "list" => return Err(at(file, name, "`list` needs `items` on the field")),
        other => match types.get(other) {
            Some((raw, rust)) if raw.fields.is_some() => FieldType::Struct(rust.clone()),
            Some((_, rust)) => FieldType::Enum(rust.clone()),
            None => {
                let known: Vec<&str> = types.keys().map(String::as_str).collect();
                return Err(at(
                    file,
                    name,
                    format!(
                        "unknown type `{other}` (built in: string, integer, boolean, timestamp, list; declared: {})",
                        known.join(", ")
                    ),
                ));
            }
        },
    })
}

fn enum_values(
    file: &Path,
    kind: &Spanned<EnumKind>,
    values: &[RawEnumValue],
) -> Result<Vec<EnumValue>, SpecError> {
    if values.is_empty() {
        return Err(at(file, kind, "an enum needs at least one value"));
    }
    let mut out: Vec<EnumValue> = Vec::new();
    for v in values {
        let value = match (&v.value.value, kind.value) {
            (Scalar::Integer(i), EnumKind::Integer) => EnumLiteral::Integer(*i),
            (Scalar::String(s), EnumKind::String) => EnumLiteral::String(s.clone()),
            (Scalar::String(s), EnumKind::Integer) => {
                return Err(at(
                    file,
                    &v.value,
                    format!("the enum is `integer`, but the value `{s}` is not an integer"),
                ));
            }
            (Scalar::Integer(i), EnumKind::String) => {
                return Err(at(
                    file,
                    &v.value,
                    format!(
                        "the enum is `string`, but the value {i} is an integer: quote it (\"{i}\")"
                    ),
                ));
            }
        };
        if !is_pascal_ident(&v.name.value) || v.name.value == "Unknown" {
            return Err(at(
                file,
                &v.name,
                format!(
                    "`{}` is not a usable variant name (PascalCase, not `Unknown`)",
                    v.name.value
                ),
            ));
        }
        if out.iter().any(|o| o.value == value) {
            return Err(at(file, &v.value, "duplicate enum value"));
        }
        if out.iter().any(|o| o.name == v.name.value) {
            return Err(at(
                file,
                &v.name,
                format!("duplicate enum variant `{}`", v.name.value),
            ));
        }
        out.push(EnumValue {
            value,
            name: v.name.value.clone(),
            label: v.label.clone(),
            doc: v.doc.clone(),
        });
    }
    Ok(out)
}

fn samples(root: &Path, spec_file: &Path, raw: Vec<RawSample>) -> Result<Vec<Sample>, SpecError> {
    let dir = spec_file.parent().unwrap_or(Path::new(""));
    let mut out = Vec::new();
    for s in raw {
        let path = normalize(&dir.join(&s.file.value));
        let format = match path.extension().and_then(|e| e.to_str()) {
            Some("json") => WireFormat::Json,
            Some("xml") => WireFormat::Xml,
            _ => {
                return Err(at(
                    spec_file,
                    &s.file,
                    "a sample file must end in .json or .xml",
                ));
            }
        };
        if !root.join(&path).is_file() {
            return Err(at(
                spec_file,
                &s.file,
                format!("sample file {} does not exist", path.display()),
            ));
        }
        out.push(Sample {
            file: path,
            format,
            doc: s.doc,
            expect: s.expect.value,
        });
    }
    Ok(out)
}

/// Removes `..` and `.` components lexically (sample paths are relative to their spec file).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

fn read(root: &Path, file: &Path) -> Result<String, SpecError> {
    std::fs::read_to_string(root.join(file))
        .map_err(|e| whole_file(file, format!("cannot read: {e}")))
}

fn parse<T: for<'de> Deserialize<'de>>(file: &Path, text: &str) -> Result<T, SpecError> {
    let options = serde_saphyr::options! { strict_booleans: true };
    serde_saphyr::from_str_with_options(text, options).map_err(|e| {
        let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        let message = e.without_snippet().to_string();
        // The library appends " at line L, column C": the position is already in front.
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_owned(),
            None => message,
        };
        SpecError {
            file: file.to_path_buf(),
            line,
            column,
            message,
        }
    })
}

fn at<T>(file: &Path, spanned: &Spanned<T>, message: impl Into<String>) -> SpecError {
    SpecError {
        file: file.to_path_buf(),
        line: spanned.referenced.line(),
        column: spanned.referenced.column(),
        message: message.into(),
    }
}

fn whole_file(file: &Path, message: impl Into<String>) -> SpecError {
    SpecError {
        file: file.to_path_buf(),
        line: 0,
        column: 0,
        message: message.into(),
    }
}

/// A snake_case name that can be a Rust field (keywords become raw identifiers, except the
/// four that cannot).
fn is_snake_ident(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        && name != "_"
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !["self", "super", "crate"].contains(&name)
}

fn is_pascal_ident(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `QueryOTAFirmware` → `query_ota_firmware`.
pub fn snake(name: &str) -> String {
    heck::ToSnakeCase::to_snake_case(name)
}

/// `OtaPackageFileDTO` → `OtaPackageFileDto`.
pub fn pascal(name: &str) -> String {
    heck::ToUpperCamelCase::to_upper_camel_case(name)
}
