//! Reading and checking the spec: `product.yaml`, `types/*.yaml`, `operations/*.yaml`.
//! Every error names file, line and column.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::raw::{
    OperationFile, ProductFile, RawEnumValue, RawField, RawOperation, RawParameter, RawProduct,
    RawSample, RawType, Scalar, TypesFile,
};
use super::{
    EnumKind, EnumLiteral, EnumValue, Envelope, ErrorCode, Field, FieldType, Operation, Pagination,
    Parameter, Product, Sample, SampleExpectation, SpecError, TypeDef, TypeKind, WireFormat,
};

/// What operations are checked against: the product's envelope, error codes and shared types.
#[derive(Debug)]
pub struct ProductContext {
    /// The product's envelope (its fields are refused in responses).
    pub envelope: Envelope,
    /// The product's error codes (operations may list only these).
    pub errors: Vec<ErrorCode>,
    /// The shared types.
    pub types: Vec<TypeDef>,
}

impl ProductContext {
    /// A context with the usual envelope and nothing shared (for checking one operation).
    pub fn standalone() -> Self {
        Self {
            envelope: Envelope {
                request_id: "RequestId".into(),
                success: "Success".into(),
                code: "Code".into(),
                message: "ErrorMessage".into(),
            },
            errors: Vec::new(),
            types: Vec::new(),
        }
    }
}

/// A declared type, as fields and parameters refer to it.
#[derive(Clone, Debug)]
struct Declared {
    rust_name: String,
    is_struct: bool,
}

/// The types a file can refer to: its own first, then the shared ones.
struct Scope<'a> {
    local: &'a BTreeMap<String, Declared>,
    shared: &'a BTreeMap<String, Declared>,
}

impl Scope<'_> {
    /// Resolves `name`, refusing a shared type whose Rust name a local type also has (the
    /// generated module could not tell them apart).
    fn resolve(&self, file: &Path, name: &Spanned<String>) -> Result<Option<&Declared>, SpecError> {
        if let Some(local) = self.local.get(&name.value) {
            return Ok(Some(local));
        }
        let Some(shared) = self.shared.get(&name.value) else {
            return Ok(None);
        };
        if self.local.values().any(|l| l.rust_name == shared.rust_name) {
            return Err(at(
                file,
                name,
                format!(
                    "the Rust name `{}` is also a shared type this operation uses: give the local type another `rust_name`",
                    shared.rust_name
                ),
            ));
        }
        Ok(Some(shared))
    }

    fn known(&self) -> String {
        let mut names: Vec<&str> = self.local.keys().map(String::as_str).collect();
        names.extend(self.shared.keys().map(String::as_str));
        names.join(", ")
    }
}

fn declared(types: &[TypeDef]) -> BTreeMap<String, Declared> {
    types
        .iter()
        .map(|t| {
            (
                t.name.clone(),
                Declared {
                    rust_name: t.rust_name.clone(),
                    is_struct: matches!(t.kind, TypeKind::Struct(_)),
                },
            )
        })
        .collect()
}

/// Reads and checks a product directory: `product.yaml`, `types/*.yaml` and
/// `operations/*.yaml`. `root` is the workspace root; `dir` is relative to it.
pub fn load_product(root: &Path, dir: &Path) -> Result<Product, SpecError> {
    let product_file = dir.join("product.yaml");
    let text = read(root, &product_file)?;
    let raw: ProductFile = parse(&product_file, &text)?;
    let errors = error_codes(&product_file, &raw.product)?;
    let e = &raw.product.envelope;
    let envelope = Envelope {
        request_id: e.request_id.clone(),
        success: e.success.clone(),
        code: e.code.clone(),
        message: e.message.clone(),
    };

    let mut raw_types = Vec::new();
    for file in yaml_files(root, &dir.join("types"), false)? {
        let text = read(root, &file)?;
        let parsed: TypesFile = parse(&file, &text)?;
        raw_types.push((file, parsed.types));
    }
    let types = shared_types(&raw_types)?;
    let ctx = ProductContext {
        envelope,
        errors,
        types,
    };

    let mut operations = Vec::new();
    for file in yaml_files(root, &dir.join("operations"), true)? {
        let text = read(root, &file)?;
        operations.push(load_operation(root, &file, &text, &ctx)?);
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
    finish_product(root, product_file, raw.product, ctx, operations)
}

/// The `.yaml` files of a directory, sorted; a missing directory is empty unless `required`.
fn yaml_files(root: &Path, dir: &Path, required: bool) -> Result<Vec<PathBuf>, SpecError> {
    let entries = match std::fs::read_dir(root.join(dir)) {
        Ok(entries) => entries,
        Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(whole_file(dir, format!("cannot list the directory: {e}"))),
    };
    let mut names: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .filter_map(|p| p.file_name().map(|n| dir.join(n)))
        .collect();
    names.sort();
    Ok(names)
}

fn error_codes(file: &Path, raw: &RawProduct) -> Result<Vec<ErrorCode>, SpecError> {
    let mut out: Vec<ErrorCode> = Vec::new();
    for e in &raw.errors {
        if !is_pascal_ident(&e.name.value) {
            return Err(at(
                file,
                &e.name,
                "an error name must be PascalCase, such as `FirmwareNotFound`",
            ));
        }
        if out.iter().any(|o| o.code == e.code.value) {
            return Err(at(
                file,
                &e.code,
                format!("error code `{}` is listed twice", e.code.value),
            ));
        }
        if out.iter().any(|o| snake(&o.name) == snake(&e.name.value)) {
            return Err(at(
                file,
                &e.name,
                format!("error name `{}` is used twice", e.name.value),
            ));
        }
        out.push(ErrorCode {
            code: e.code.value.clone(),
            name: e.name.value.clone(),
            doc: e.doc.clone(),
        });
    }
    Ok(out)
}

/// The shared types of every `types/*.yaml` file: names are unique across files.
fn shared_types(files: &[(PathBuf, Vec<RawType>)]) -> Result<Vec<TypeDef>, SpecError> {
    let mut all = BTreeMap::new();
    let mut rust_names = BTreeSet::new();
    for (file, raw) in files {
        for (name, entry) in declare(file, raw, &[], &mut rust_names)? {
            if all.insert(name.clone(), entry).is_some() {
                let ty = raw.iter().find(|t| t.name.value == name);
                return Err(match ty {
                    Some(ty) => at(file, &ty.name, format!("type `{name}` is defined twice")),
                    None => whole_file(file, format!("type `{name}` is defined twice")),
                });
            }
        }
    }
    let none = BTreeMap::new();
    let scope = Scope {
        local: &all,
        shared: &none,
    };
    let mut types = Vec::new();
    for (file, raw) in files {
        let defined = define(file, raw, &scope)?;
        check_no_recursion(file, raw, &defined, &[])?;
        types.extend(defined);
    }
    Ok(types)
}

/// The wire and Rust names of a file's types, checked: valid, unique, not `reserved`.
fn declare(
    file: &Path,
    raw: &[RawType],
    reserved: &[String],
    rust_names: &mut BTreeSet<String>,
) -> Result<BTreeMap<String, Declared>, SpecError> {
    let mut by_name = BTreeMap::new();
    for ty in raw {
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
        if reserved.contains(&rust_name) {
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
        by_name.insert(
            ty.name.value.clone(),
            Declared {
                rust_name,
                is_struct: ty.fields.is_some(),
            },
        );
    }
    Ok(by_name)
}

/// The checked definitions of a file's types.
fn define(file: &Path, raw: &[RawType], scope: &Scope<'_>) -> Result<Vec<TypeDef>, SpecError> {
    let mut types = Vec::new();
    for ty in raw {
        let rust_name = scope
            .local
            .get(&ty.name.value)
            .map(|d| d.rust_name.clone())
            .unwrap_or_else(|| pascal(&ty.name.value));
        let kind = match (&ty.fields, &ty.enum_kind, &ty.values) {
            (Some(fields), None, None) => TypeKind::Struct(struct_fields(file, fields, scope)?),
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
    Ok(types)
}

fn finish_product(
    root: &Path,
    file: PathBuf,
    raw: RawProduct,
    ctx: ProductContext,
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
    let config_from_env = match &raw.config_from_env {
        Some(path) if syn::parse_str::<syn::Path>(&path.value).is_err() => {
            return Err(at(
                &file,
                path,
                "`config_from_env` must be a Rust path such as `crate::config_from_env`",
            ));
        }
        path => path.as_ref().map(|path| path.value.clone()),
    };
    let output = workspace_dir(&file, &raw.output, "output")?;
    let cli = match &raw.cli {
        Some(cli) => Some(workspace_dir(&file, cli, "cli")?),
        None => None,
    };
    let error_samples = samples(root, &file, raw.error_samples)?;
    Ok(Product {
        name: raw.name.value,
        version: raw.version,
        doc: raw.doc,
        endpoint: raw.endpoint.value,
        default_format: raw.default_format,
        signature: raw.signature,
        output,
        cli,
        crate_name: raw.crate_name.value,
        config_from_env,
        blocking: raw.blocking,
        envelope: ctx.envelope,
        errors: ctx.errors,
        error_samples,
        types: ctx.types,
        operations,
        file,
    })
}

/// A directory the generator owns: relative, inside the workspace.
fn workspace_dir(file: &Path, value: &Spanned<String>, key: &str) -> Result<PathBuf, SpecError> {
    let path = PathBuf::from(&value.value);
    let inside = path
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !inside || path.as_os_str().is_empty() {
        return Err(at(
            file,
            value,
            format!("`{key}` must be a relative path inside the workspace, without `..`"),
        ));
    }
    Ok(path)
}

/// Reads and checks one operation file's text against its product.
pub fn load_operation(
    root: &Path,
    file: &Path,
    text: &str,
    ctx: &ProductContext,
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
    let reserved: Vec<String> = ["Input", "InputBuilder", "FluentBuilder"]
        .map(|s| format!("{pascal_op}{s}"))
        .to_vec();

    let shared = declared(&ctx.types);
    let mut rust_names = BTreeSet::new();
    let local = declare(file, &op.types, &reserved, &mut rust_names)?;
    let scope = Scope {
        local: &local,
        shared: &shared,
    };
    let types = define(file, &op.types, &scope)?;
    check_no_recursion(file, &op.types, &types, &ctx.types)?;

    let response = match local.get(&op.response.value) {
        Some(d) if d.is_struct => d.rust_name.clone(),
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
                format!(
                    "unknown type `{}`: the response is one of the operation's own `types`",
                    op.response.value
                ),
            ));
        }
    };
    check_envelope(file, &op, &ctx.envelope)?;

    let parameters = parameters(file, &op.parameters, &scope, &types, &ctx.types)?;
    let pagination = match &op.pagination {
        Some(p) => Some(pagination(file, p, &parameters, &types, &response)?),
        None => None,
    };
    let mut errors = Vec::new();
    for code in &op.errors {
        if !ctx.errors.iter().any(|e| e.code == code.value) {
            return Err(at(
                file,
                code,
                format!(
                    "error code `{}` is not among the product's `errors` in product.yaml",
                    code.value
                ),
            ));
        }
        errors.push(code.value.clone());
    }

    // The shared types this operation uses, through its own types and its parameters.
    let mut shared_types = BTreeSet::new();
    let mut stack: Vec<String> = types.iter().flat_map(|t| referenced(&t.kind)).collect();
    stack.extend(parameters.iter().flat_map(|p| type_names(&p.ty)));
    while let Some(name) = stack.pop() {
        if types.iter().any(|t| t.rust_name == name) {
            continue;
        }
        if let Some(t) = ctx.types.iter().find(|t| t.rust_name == name)
            && shared_types.insert(name.clone())
        {
            stack.extend(referenced(&t.kind));
        }
    }
    if let Some(clash) = types.iter().find(|t| shared_types.contains(&t.rust_name)) {
        let raw = op.types.iter().find(|r| r.name.value == clash.name);
        let message = format!(
            "the Rust name `{}` is also a shared type this operation uses: give the local type another `rust_name`",
            clash.rust_name
        );
        return Err(match raw {
            Some(r) => at(file, &r.name, message),
            None => whole_file(file, message),
        });
    }

    let samples = samples(root, file, op.samples)?;
    Ok(Operation {
        file: file.to_path_buf(),
        name: op.name.value,
        doc: op.doc,
        anonymous: op.anonymous,
        quota_per_second: op.quota_per_second,
        methods: op.methods.value,
        parameters,
        pagination,
        errors,
        response,
        types,
        shared_types: shared_types.into_iter().collect(),
        samples,
    })
}

/// The Rust names of the named types a type refers to.
fn referenced(kind: &TypeKind) -> Vec<String> {
    match kind {
        TypeKind::Struct(fields) => fields.iter().flat_map(|f| type_names(&f.ty)).collect(),
        TypeKind::Enum(..) => Vec::new(),
    }
}

fn type_names(ty: &FieldType) -> Vec<String> {
    match ty {
        FieldType::Struct(name) | FieldType::Enum(name) => vec![name.clone()],
        FieldType::List { item, .. } => type_names(item),
        _ => Vec::new(),
    }
}

/// The envelope is declared once per product: a response declaring its fields is refused.
fn check_envelope(file: &Path, op: &RawOperation, envelope: &Envelope) -> Result<(), SpecError> {
    let Some(response) = op.types.iter().find(|t| t.name.value == op.response.value) else {
        return Ok(());
    };
    for f in response.fields.iter().flatten() {
        if envelope.contains(&f.name.value) {
            return Err(at(
                file,
                &f.name,
                format!(
                    "`{}` is an envelope field, declared once in product.yaml (`envelope`): remove it from the response",
                    f.name.value
                ),
            ));
        }
    }
    Ok(())
}

fn parameters(
    file: &Path,
    raw: &[RawParameter],
    scope: &Scope<'_>,
    local: &[TypeDef],
    shared: &[TypeDef],
) -> Result<Vec<Parameter>, SpecError> {
    let mut out = Vec::new();
    let mut names = BTreeSet::new();
    for p in raw {
        let rust_name = snake(&p.name.value);
        if !names.insert(rust_name.clone()) {
            return Err(at(
                file,
                &p.name,
                format!(
                    "parameter `{}` is listed twice (or clashes as `{rust_name}`)",
                    p.name.value
                ),
            ));
        }
        if !is_snake_ident(&rust_name) || !p.name.value.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(at(
                file,
                &p.name,
                format!(
                    "`{}` does not make a usable parameter (letters and digits only; Rust name `{rust_name}`)",
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
        let ty = if p.ty.value == "list" {
            let Some(items) = &p.items else {
                return Err(at(
                    file,
                    &p.ty,
                    format!("list parameter `{}` needs `items`", p.name.value),
                ));
            };
            let item = parameter_type(file, items, scope, true)?;
            if let FieldType::Struct(name) = &item {
                check_query_struct(file, items, name, local, shared)?;
            }
            FieldType::List {
                item: Box::new(item),
                xml_item: items.value.clone(),
                wrapped: false,
            }
        } else {
            if let Some(items) = &p.items {
                return Err(at(file, items, "`items` only goes with `type: list`"));
            }
            parameter_type(file, &p.ty, scope, false)?
        };
        out.push(Parameter {
            name: p.name.value.clone(),
            rust_name,
            ty,
            required: p.required,
            sensitive: p.sensitive,
            example: p.example.clone(),
            doc: p.doc.clone(),
        });
    }
    Ok(out)
}

/// A parameter's (or list item's) type: a scalar or an enum, or for list items a structure.
fn parameter_type(
    file: &Path,
    name: &Spanned<String>,
    scope: &Scope<'_>,
    item: bool,
) -> Result<FieldType, SpecError> {
    let ty = match name.value.as_str() {
        "string" => FieldType::String,
        "integer" => FieldType::Integer,
        "boolean" => FieldType::Boolean,
        other => match scope.resolve(file, name)? {
            Some(d) if !d.is_struct => FieldType::Enum(d.rust_name.clone()),
            Some(d) if item => FieldType::Struct(d.rust_name.clone()),
            _ => {
                let allowed = if item {
                    "string, integer, boolean, an enum or a structure"
                } else {
                    "string, integer, boolean, an enum, or list (with `items`)"
                };
                return Err(at(
                    file,
                    name,
                    format!(
                        "parameter type `{other}` is not supported: use {allowed} (declared types: {})",
                        scope.known()
                    ),
                ));
            }
        },
    };
    Ok(ty)
}

/// A structure sent as parameters (`Tag.N.Key`) holds scalars, enums and lists of them.
fn check_query_struct(
    file: &Path,
    at_name: &Spanned<String>,
    rust_name: &str,
    local: &[TypeDef],
    shared: &[TypeDef],
) -> Result<(), SpecError> {
    let Some(TypeKind::Struct(fields)) = local
        .iter()
        .chain(shared)
        .find(|t| t.rust_name == rust_name)
        .map(|t| &t.kind)
    else {
        return Ok(());
    };
    for f in fields {
        let scalar = |t: &FieldType| {
            matches!(
                t,
                FieldType::String | FieldType::Integer | FieldType::Boolean | FieldType::Enum(_)
            )
        };
        let ok = match &f.ty {
            FieldType::List { item, .. } => scalar(item),
            other => scalar(other),
        };
        if !ok {
            return Err(at(
                file,
                at_name,
                format!(
                    "`{rust_name}.{}` cannot be sent as a parameter: structures sent as parameters hold strings, integers, booleans, enums and lists of them",
                    f.name
                ),
            ));
        }
    }
    Ok(())
}

fn pagination(
    file: &Path,
    raw: &Spanned<super::raw::RawPagination>,
    parameters: &[Parameter],
    types: &[TypeDef],
    response: &str,
) -> Result<Pagination, SpecError> {
    let p = &raw.value;
    let param = |name: &Spanned<String>| -> Result<&Parameter, SpecError> {
        match parameters.iter().find(|x| x.name == name.value) {
            Some(x) if x.ty == FieldType::Integer => Ok(x),
            _ => Err(at(
                file,
                name,
                format!(
                    "pagination names `{}`, which is not an integer parameter of the operation",
                    name.value
                ),
            )),
        }
    };
    let page = param(&p.page)?;
    let size = param(&p.size)?;
    let Some(TypeKind::Struct(fields)) = types
        .iter()
        .find(|t| t.rust_name == response)
        .map(|t| &t.kind)
    else {
        return Err(at(file, &p.items, "the response is not a structure"));
    };
    let items = match fields.iter().find(|f| f.name == p.items.value) {
        Some(Field {
            ty: FieldType::List { item, .. },
            rust_name,
            ..
        }) => (rust_name.clone(), (**item).clone()),
        _ => {
            return Err(at(
                file,
                &p.items,
                format!(
                    "pagination `items` names `{}`, which is not a list field of the response",
                    p.items.value
                ),
            ));
        }
    };
    let integer_field = |given: &Option<Spanned<String>>, default: &str| {
        let name = given.as_ref().map_or(default, |g| g.value.as_str());
        match (fields.iter().find(|f| f.name == name), given) {
            (Some(f), _) if f.ty == FieldType::Integer => Ok(Some(f.rust_name.clone())),
            (_, Some(given)) => Err(at(
                file,
                given,
                format!("`{name}` is not an integer field of the response"),
            )),
            (_, None) => Ok(None),
        }
    };
    Ok(Pagination {
        page: page.rust_name.clone(),
        page_required: page.required,
        size: size.rust_name.clone(),
        size_required: size.required,
        default_size: p.default_size.unwrap_or(10),
        items: items.0,
        item_type: items.1,
        total: integer_field(&p.total, "Total")?,
        page_count: integer_field(&p.page_count, "PageCount")?,
        current_page: integer_field(&p.current_page, "CurrentPage")?,
    })
}

/// A structure that contains itself (directly or through others, outside a list) would have
/// infinite size: refuse it at the type's position.
fn check_no_recursion(
    file: &Path,
    raw: &[RawType],
    types: &[TypeDef],
    shared: &[TypeDef],
) -> Result<(), SpecError> {
    let children = |name: &str| -> Vec<String> {
        match types
            .iter()
            .chain(shared)
            .find(|t| t.rust_name == name)
            .map(|t| &t.kind)
        {
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
pub const COMMON_PARAMETERS: &[&str] = &[
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

fn struct_fields(
    file: &Path,
    fields: &[RawField],
    scope: &Scope<'_>,
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
            let item = resolve(file, items, scope)?;
            if matches!(item, FieldType::List { .. }) {
                return Err(at(file, items, "lists of lists are not supported"));
            }
            let xml_item = f.xml_item.clone().unwrap_or_else(|| items.value.clone());
            FieldType::List {
                item: Box::new(item),
                xml_item,
                wrapped: f.wrapped.as_ref().is_some_and(|w| w.value),
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
            if let Some(wrapped) = &f.wrapped {
                return Err(at(file, wrapped, "`wrapped` only goes with `type: list`"));
            }
            resolve(file, &f.ty, scope)?
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
            sensitive: f.sensitive,
            doc: f.doc.clone(),
        });
    }
    Ok(out)
}

fn resolve(file: &Path, name: &Spanned<String>, scope: &Scope<'_>) -> Result<FieldType, SpecError> {
    Ok(match name.value.as_str() {
        "string" => FieldType::String,
        "integer" => FieldType::Integer,
        "boolean" => FieldType::Boolean,
        "timestamp" => FieldType::Timestamp,
        "list" => return Err(at(file, name, "`list` needs `items` on the field")),
        other => match scope.resolve(file, name)? {
            Some(d) if d.is_struct => FieldType::Struct(d.rust_name.clone()),
            Some(d) => FieldType::Enum(d.rust_name.clone()),
            None => {
                return Err(at(
                    file,
                    name,
                    format!(
                        "unknown type `{other}` (built in: string, integer, boolean, timestamp, list; declared: {})",
                        scope.known()
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
        let mut aliases = Vec::new();
        for alias in &v.aliases {
            let taken = out.iter().any(|o| {
                o.value == EnumLiteral::String(alias.value.clone())
                    || o.aliases.contains(&alias.value)
            }) || value == EnumLiteral::String(alias.value.clone());
            if kind.value != EnumKind::String || taken {
                return Err(at(
                    file,
                    alias,
                    format!(
                        "alias `{}` must be another spelling, unused, of a string enum's value",
                        alias.value
                    ),
                ));
            }
            aliases.push(alias.value.clone());
        }
        out.push(EnumValue {
            value,
            aliases,
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
