//! Rust code from the checked spec: one module per operation and a `mod.rs` per product.
//! Built with `quote`, validated by `syn`, printed by `prettyplease`.

use std::path::{Component, Path};

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::spec::{
    EnumKind, EnumLiteral, EnumValue, Field, FieldType, HttpMethod, Operation, Parameter, Product,
    Sample, SampleExpectation, TypeDef, TypeKind, WireFormat, snake,
};

/// How every generated file starts; codegen deletes only files that start so.
pub const HEADER_START: &str = "// @generated from ";

/// The text of one generated file, header included.
pub fn render(source: &Path, tokens: TokenStream) -> Result<String, String> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| {
        format!(
            "generated code for {} does not parse: {e}",
            source.display()
        )
    })?;
    Ok(format!(
        "{HEADER_START}{} by `cargo xtask codegen`. Do not edit by hand:\n// change the spec or the generator, then run `cargo xtask codegen`.\n\n{}",
        slash(source),
        prettyplease::unparse(&file)
    ))
}

/// The product's `mod.rs`: constants, one `pub mod` per operation, and tests of its error
/// samples.
pub fn product_module(product: &Product) -> TokenStream {
    let doc = inner_docs(&format!(
        "{}\n\nGenerated from `{}` by `cargo xtask codegen`.",
        product.doc,
        slash(&product.file)
    ));
    let modules = product.operations.iter().map(|op| {
        let module = ident(&snake(&op.name));
        let doc = docs(&format!("`{}`: {}", op.name, before_colon(&op.doc)));
        quote! { #doc pub mod #module; }
    });
    let name = &product.name;
    let version = &product.version;
    let endpoint = &product.endpoint;
    let default_format = format_tokens(product.default_format);
    let samples = sample_tests(&product.output, &product.error_samples, None);
    let client = client(product);
    quote! {
        #doc
        #(#modules)*
        #client

        /// The product code.
        pub const PRODUCT: &str = #name;
        /// The API version every operation of this product sends.
        pub const API_VERSION: &str = #version;
        /// The endpoint URL template; `{region}` is replaced by the region ID.
        pub const ENDPOINT_TEMPLATE: &str = #endpoint;
        /// The format the service answers in when a request does not ask for one.
        pub const DEFAULT_FORMAT: aliyun_runtime::wire::Format = #default_format;
        pub use aliyun_runtime::{Config, Error};
        #samples
    }
}

/// The product's client: one method per operation, each returning a fluent builder.
fn client(product: &Product) -> TokenStream {
    let methods = product.operations.iter().map(|op| {
        let method = ident(&snake(&op.name));
        let module = ident(&snake(&op.name));
        let fluent = format_ident!("{}FluentBuilder", crate::spec::pascal(&op.name));
        let doc = docs(&format!("Calls `{}`: {}", op.name, op.doc));
        quote! {
            #doc
            pub fn #method(&self) -> #module::#fluent {
                #module::#fluent::new(self.inner.clone())
            }
        }
    });
    let example = product.operations.first().map(|op| {
        let setters: String = op
            .parameters
            .iter()
            .filter(|p| p.required)
            .map(|p| format!(".{}({:?})", p.rust_name, p.example.clone().unwrap_or_default()))
            .collect();
        format!(
            "\n\n```no_run\n# async fn example() -> Result<(), {krate}::Error> {{\nlet client = {krate}::Client::from_env()?;\nlet reply = client.{method}(){setters}.send().await?;\n# let _ = reply;\n# Ok(())\n# }}\n```",
            krate = product.crate_name,
            method = snake(&op.name),
        )
    });
    let doc = docs(&format!(
        "A client for {}: one method per operation; retries, pacing and signing come from the runtime. Cheap to clone.{}",
        product.name,
        example.unwrap_or_default()
    ));
    quote! {
        #doc
        #[derive(Clone, Debug)]
        pub struct Client {
            inner: aliyun_runtime::RpcClient,
        }

        impl Client {
            /// A client with this configuration.
            pub fn new(config: aliyun_runtime::Config) -> Result<Self, aliyun_runtime::Error> {
                Ok(Self { inner: aliyun_runtime::RpcClient::new(config, ENDPOINT_TEMPLATE)? })
            }

            /// A client set up from the environment: region from `ALIBABA_CLOUD_REGION_ID` or the
            /// aliyun CLI profile, credentials from the default chain.
            pub fn from_env() -> Result<Self, aliyun_runtime::Error> {
                Self::new(aliyun_runtime::Config::from_env()?)
            }

            /// The runtime client underneath, for generic calls (`call(&input)`).
            pub fn runtime(&self) -> &aliyun_runtime::RpcClient {
                &self.inner
            }

            #(#methods)*
        }
    }
}

/// One operation's module: input and builder, response types, enums, and sample tests.
pub fn operation_module(product: &Product, op: &Operation) -> TokenStream {
    let input = input(product, op);
    let types = op.types.iter().map(type_def);
    let reply = reply_impl(product, op);
    let samples = sample_tests(&product.output, &op.samples, Some(op));
    quote! {
        use aliyun_runtime::wire;
        #input
        #(#types)*
        #reply
        #samples
    }
}

fn input(product: &Product, op: &Operation) -> TokenStream {
    let input = format_ident!("{}Input", crate::spec::pascal(&op.name));
    let builder = format_ident!("{}InputBuilder", crate::spec::pascal(&op.name));
    let output = ident(&rust_name_of(op, &op.response));
    let action = &op.name;
    let quota = proc_macro2::Literal::u32_unsuffixed(op.quota_per_second);
    let methods: Vec<&str> = op
        .methods
        .iter()
        .map(|m| match m {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
        })
        .collect();
    let doc = docs(&format!(
        "The input of `{action}`: {}\n\nQuota: {quota} calls per second per account. HTTP methods: {}.",
        op.doc,
        methods.join(", ")
    ));
    let fields = op.parameters.iter().map(|p| {
        let name = ident(&p.rust_name);
        let ty = param_type(p);
        let doc = param_doc(p);
        if p.required {
            quote! { #doc pub #name: #ty, }
        } else {
            quote! { #doc pub #name: Option<#ty>, }
        }
    });
    let builder_fields = op.parameters.iter().map(|p| {
        let name = ident(&p.rust_name);
        let ty = param_type(p);
        quote! { #name: Option<#ty>, }
    });
    let builder_setters = setters(
        &op.parameters,
        |_, field, stored| quote! { self.#field = #stored; },
    );
    let build_fields = op.parameters.iter().map(|p| {
        let name = ident(&p.rust_name);
        if p.required {
            let wire_name = &p.name;
            let setter = &p.rust_name;
            quote! { #name: self.#name.ok_or(aliyun_runtime::BuildError::missing(#action, #wire_name, #setter))?, }
        } else {
            quote! { #name: self.#name, }
        }
    });
    let params = op.parameters.iter().map(|p| {
        let name = ident(&p.rust_name);
        let wire_name = &p.name;
        if p.required {
            quote! { params.push((#wire_name, self.#name.to_string())); }
        } else {
            quote! {
                if let Some(value) = &self.#name {
                    params.push((#wire_name, value.to_string()));
                }
            }
        }
    });
    let count = proc_macro2::Literal::usize_unsuffixed(op.parameters.len());
    let default_format = format_tokens(product.default_format);
    let builder_doc = docs(&format!(
        "Builds a [`{input}`]; `build` refuses a missing required parameter."
    ));
    let fluent = format_ident!("{}FluentBuilder", crate::spec::pascal(&op.name));
    let fluent_doc = docs(&format!(
        "A `{action}` call being set up: set its parameters, then [`send`]({fluent}::send) it."
    ));
    let fluent_setters = setters(&op.parameters, |method, _, _| {
        quote! { self.input = self.input.#method(value); }
    });
    quote! {
        #doc
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct #input { #(#fields)* }

        impl #input {
            /// A builder for this input.
            pub fn builder() -> #builder {
                #builder::default()
            }
        }

        impl aliyun_runtime::Operation for #input {
            type Output = #output;
            const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
                super::PRODUCT, #action, super::API_VERSION, #quota, #default_format,
            );
            fn params(&self) -> Vec<(&'static str, String)> {
                let mut params = Vec::with_capacity(#count);
                #(#params)*
                params
            }
        }

        #builder_doc
        #[derive(Clone, Debug, Default)]
        pub struct #builder { #(#builder_fields)* }

        impl #builder {
            #builder_setters
            /// The input, or an error naming the first missing required parameter.
            pub fn build(self) -> Result<#input, aliyun_runtime::BuildError> {
                Ok(#input { #(#build_fields)* })
            }
        }

        #fluent_doc
        #[derive(Clone, Debug)]
        pub struct #fluent {
            client: aliyun_runtime::RpcClient,
            input: #builder,
        }

        impl #fluent {
            pub(crate) fn new(client: aliyun_runtime::RpcClient) -> Self {
                Self { client, input: #builder::default() }
            }
            #fluent_setters
            /// Sends the call: the typed reply, or an error (a missing parameter, the service's
            /// error, a transport failure, a timeout).
            pub async fn send(self) -> Result<#output, aliyun_runtime::Error> {
                let input = self.input.build()?;
                self.client.call(&input).await
            }
        }
    }
}

/// A `name(value)` and a `set_name(Option<value>)` method per parameter, for the input
/// builder and the fluent builder alike. `assign(method, field, stored)` writes the statement
/// a method runs: `method` is the method's own name, `field` the parameter's field and
/// `stored` the `Option` to store.
fn setters(
    parameters: &[Parameter],
    assign: impl Fn(&Ident, &Ident, TokenStream) -> TokenStream,
) -> TokenStream {
    let methods = parameters.iter().map(|p| {
        let name = ident(&p.rust_name);
        let set = format_ident!("set_{}", p.rust_name);
        let ty = param_type(p);
        let doc = param_doc(p);
        let set_doc = docs(&format!("Sets or clears `{}`.", p.name));
        let (arg, conv) = match p.ty {
            FieldType::String => (quote! { impl Into<String> }, quote! { value.into() }),
            _ => (quote! { #ty }, quote! { value }),
        };
        let set_one = assign(&name, &name, quote! { Some(#conv) });
        let set_opt = assign(&set, &name, quote! { value });
        quote! {
            #doc
            pub fn #name(mut self, value: #arg) -> Self {
                #set_one
                self
            }
            #set_doc
            pub fn #set(mut self, value: Option<#ty>) -> Self {
                #set_opt
                self
            }
        }
    });
    quote! { #(#methods)* }
}

fn param_doc(p: &Parameter) -> TokenStream {
    let mut text = format!(
        "`{}`{}: {}",
        p.name,
        if p.required { " (required)" } else { "" },
        p.doc
    );
    if let Some(example) = &p.example {
        text.push_str(&format!("\n\nExample: `{example}`"));
    }
    docs(&text)
}

fn param_type(p: &Parameter) -> TokenStream {
    rust_type(&p.ty)
}

fn type_def(ty: &TypeDef) -> TokenStream {
    match &ty.kind {
        TypeKind::Struct(fields) => struct_def(ty, fields),
        TypeKind::Enum(kind, values) => enum_def(ty, *kind, values),
    }
}

fn struct_def(ty: &TypeDef, fields: &[Field]) -> TokenStream {
    let name = ident(&ty.rust_name);
    let doc = docs(&format!("{}\n\nWire name: `{}`.", ty.doc, ty.name));
    let decls = fields.iter().map(|f| {
        let fname = ident(&f.rust_name);
        let fty = field_type(f);
        let doc = docs(&format!("`{}`: {}", f.name, f.doc));
        quote! { #doc pub #fname: #fty, }
    });
    let temps = fields.iter().filter(|f| f.required).map(|f| {
        let temp = format_ident!("required_{}", f.rust_name);
        quote! { let mut #temp = None; }
    });
    let arms = fields.iter().map(|f| {
        let fname = ident(&f.rust_name);
        let wire_name = &f.name;
        match &f.ty {
            FieldType::List { xml_item, .. } => quote! {
                #wire_name => wire::decode_list_into(&mut out.#fname, value, &path.field(#wire_name), #xml_item)?,
            },
            _ if f.required => {
                let temp = format_ident!("required_{}", f.rust_name);
                quote! { #wire_name => #temp = wire::decode_required(value, &path.field(#wire_name))?, }
            }
            _ => quote! { #wire_name => out.#fname = wire::Decode::decode_optional(value, &path.field(#wire_name))?, },
        }
    });
    let finish = fields.iter().filter(|f| f.required).map(|f| {
        let fname = ident(&f.rust_name);
        let temp = format_ident!("required_{}", f.rust_name);
        let wire_name = &f.name;
        quote! { out.#fname = wire::required(#temp, path, #wire_name)?; }
    });
    let puts = fields.iter().map(|f| {
        let fname = ident(&f.rust_name);
        let wire_name = &f.name;
        match &f.ty {
            FieldType::List { xml_item, .. } => {
                quote! { wire::put_list(&mut entries, #wire_name, &self.#fname, #xml_item, format); }
            }
            _ if f.required => quote! { wire::put(&mut entries, #wire_name, &self.#fname, format); },
            _ => quote! { wire::put_opt(&mut entries, #wire_name, &self.#fname, format); },
        }
    });
    let count = proc_macro2::Literal::usize_unsuffixed(fields.len());
    // A one-field structure decodes with a one-arm match, which reads better than an `if` here.
    let single_match = (fields.len() == 1).then(|| quote! { #[allow(clippy::single_match)] });
    quote! {
        #doc
        #[derive(Clone, Debug, Default, PartialEq)]
        #[non_exhaustive]
        pub struct #name { #(#decls)* }

        impl wire::Decode for #name {
            #single_match
            fn decode(node: wire::Node, path: &wire::Path<'_>) -> Result<Self, wire::FieldError> {
                let mut out = Self::default();
                #(#temps)*
                for (key, value) in wire::struct_entries(node, path)? {
                    match key.as_str() {
                        #(#arms)*
                        _ => {}
                    }
                }
                #(#finish)*
                Ok(out)
            }
        }

        impl wire::Encode for #name {
            fn encode(&self, format: wire::Format) -> wire::Node {
                let mut entries = Vec::with_capacity(#count);
                #(#puts)*
                wire::Node::Map(entries)
            }
        }
    }
}

fn enum_def(ty: &TypeDef, kind: EnumKind, values: &[EnumValue]) -> TokenStream {
    let name = ident(&ty.rust_name);
    let doc = docs(&format!(
        "{}\n\nWire name: `{}`. Values this SDK does not know are kept in `Unknown`.",
        ty.doc, ty.name
    ));
    let variants = values.iter().map(|v| {
        let variant = ident(&v.name);
        let doc = docs(&format!("`{}`: {}", literal_text(&v.value), v.doc));
        quote! { #doc #variant, }
    });
    let from_arms = values.iter().map(|v| {
        let variant = ident(&v.name);
        let lit = literal(&v.value);
        quote! { #lit => Self::#variant, }
    });
    let to_arms = values.iter().map(|v| {
        let variant = ident(&v.name);
        let lit = literal(&v.value);
        quote! { Self::#variant => #lit, }
    });
    let label_arms = values.iter().map(|v| {
        let variant = ident(&v.name);
        let label = &v.label;
        quote! { Self::#variant => #label, }
    });
    let (derive_copy, raw_ty, from_sig, from_expr, value_fn, decode_expr, encode_expr) = match kind
    {
        EnumKind::Integer => (
            quote! { Copy, },
            quote! { i64 },
            quote! { pub fn from_value(value: i64) -> Self },
            quote! { match value { #(#from_arms)* other => Self::Unknown(other), } },
            quote! {
                /// The value on the wire.
                pub fn value(&self) -> i64 {
                    match self { #(#to_arms)* Self::Unknown(value) => *value, }
                }
            },
            quote! { <i64 as wire::Decode>::decode(node, path).map(Self::from_value) },
            quote! { wire::Node::Number(self.value().into()) },
        ),
        EnumKind::String => (
            quote! {},
            quote! { String },
            quote! { pub fn from_value(value: &str) -> Self },
            quote! { match value { #(#from_arms)* other => Self::Unknown(other.to_owned()), } },
            quote! {
                /// The value on the wire.
                pub fn as_str(&self) -> &str {
                    match self { #(#to_arms)* Self::Unknown(value) => value, }
                }
            },
            quote! { <String as wire::Decode>::decode(node, path).map(|value| Self::from_value(&value)) },
            quote! { wire::Node::Text(self.as_str().to_owned()) },
        ),
    };
    let unknown_display = match kind {
        EnumKind::Integer => quote! { Self::Unknown(value) => write!(f, "unknown ({value})"), },
        EnumKind::String => quote! { Self::Unknown(value) => write!(f, "unknown ({value:?})"), },
    };
    quote! {
        #doc
        #[derive(Clone, #derive_copy Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A value this version of the SDK does not know, kept as sent.
            Unknown(#raw_ty),
        }

        impl #name {
            /// The variant for a wire value; unknown values are kept in `Unknown`.
            #from_sig { #from_expr }
            #value_fn
            /// A short human label of a known value, `"unknown"` otherwise.
            pub fn label(&self) -> &'static str {
                match self { #(#label_arms)* Self::Unknown(_) => "unknown", }
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match self {
                    #unknown_display
                    known => f.write_str(known.label()),
                }
            }
        }

        impl wire::Decode for #name {
            fn decode(node: wire::Node, path: &wire::Path<'_>) -> Result<Self, wire::FieldError> {
                #decode_expr
            }
        }

        impl wire::Encode for #name {
            fn encode(&self, _format: wire::Format) -> wire::Node {
                #encode_expr
            }
        }
    }
}

fn reply_impl(product: &Product, op: &Operation) -> TokenStream {
    let output = ident(&rust_name_of(op, &op.response));
    let Some(in_band) = &product.in_band_error else {
        return quote! {
            impl wire::Reply for #output {
                fn in_band_error(&self) -> Option<aliyun_runtime::ServiceError> { None }
                fn request_id(&self) -> Option<&str> { None }
            }
        };
    };
    let fields = match op
        .types
        .iter()
        .find(|t| t.name == op.response)
        .map(|t| &t.kind)
    {
        Some(TypeKind::Struct(fields)) => fields,
        _ => return quote! {},
    };
    let access = |wire_name: &str, as_ref: bool| -> TokenStream {
        let Some(f) = fields.iter().find(|f| f.name == wire_name) else {
            return quote! { None };
        };
        let name = ident(&f.rust_name);
        match (f.required, as_ref) {
            (true, true) => quote! { Some(self.#name.as_str()) },
            (true, false) => quote! { Some(self.#name) },
            (false, true) => quote! { self.#name.as_deref() },
            (false, false) => quote! { self.#name },
        }
    };
    let success = access(&in_band.success, false);
    let code = access(&in_band.code, true);
    let message = access(&in_band.message, true);
    let request_id = access("RequestId", true);
    quote! {
        impl wire::Reply for #output {
            fn in_band_error(&self) -> Option<aliyun_runtime::ServiceError> {
                wire::in_band_error(#success, #code, #message, #request_id)
            }
            fn request_id(&self) -> Option<&str> {
                #request_id
            }
        }
    }
}

/// Tests that decode each documented sample, so the spec's samples become protocol tests.
fn sample_tests(output: &Path, samples: &[Sample], op: Option<&Operation>) -> TokenStream {
    if samples.is_empty() {
        return quote! {};
    }
    let up = "../".repeat(
        output
            .components()
            .filter(|c| matches!(c, Component::Normal(_)))
            .count(),
    );
    let tests = samples.iter().map(|s| {
        let test = format_ident!("{}", test_name(&s.file));
        let path = format!("{up}{}", slash(&s.file));
        let format = format_tokens(s.format);
        let doc = docs(&format!("{} ({})", s.doc, slash(&s.file)));
        let check = match (s.expect, op) {
            (SampleExpectation::GatewayError, _) => quote! {
                let error = wire::decode_gateway_error(#format, 400, body);
                assert!(!error.code.starts_with("Http"), "{error:?}");
                assert!(error.request_id.is_some(), "{error:?}");
            },
            (expect, Some(op)) => {
                let output = ident(&rust_name_of(op, &op.response));
                let assertion = if expect == SampleExpectation::Success {
                    quote! { assert!(reply.is_ok(), "{reply:?}"); }
                } else {
                    quote! { assert!(matches!(reply, Err(aliyun_runtime::Error::Service(_))), "{reply:?}"); }
                };
                quote! {
                    let reply = wire::decode_reply::<#output>(#format, 200, body);
                    #assertion
                }
            }
            (_, None) => quote! {},
        };
        quote! {
            #doc
            #[test]
            fn #test() {
                let body: &[u8] = include_bytes!(#path);
                #check
            }
        }
    });
    quote! {
        #[cfg(test)]
        mod sample_tests {
            use aliyun_runtime::wire;
            #[allow(unused_imports)]
            use super::*;
            #(#tests)*
        }
    }
}

fn test_name(file: &Path) -> String {
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("sample");
    let cleaned: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("decodes_{}", snake(&cleaned))
}

fn rust_name_of(op: &Operation, wire_name: &str) -> String {
    op.types
        .iter()
        .find(|t| t.name == wire_name)
        .map_or_else(|| wire_name.to_owned(), |t| t.rust_name.clone())
}

fn field_type(f: &Field) -> TokenStream {
    let ty = rust_type(&f.ty);
    if f.required || matches!(f.ty, FieldType::List { .. }) {
        ty
    } else {
        quote! { Option<#ty> }
    }
}

fn rust_type(ty: &FieldType) -> TokenStream {
    match ty {
        FieldType::String => quote! { String },
        FieldType::Integer => quote! { i64 },
        FieldType::Boolean => quote! { bool },
        FieldType::Timestamp => quote! { aliyun_runtime::jiff::Timestamp },
        FieldType::Struct(name) | FieldType::Enum(name) => {
            let name = ident(name);
            quote! { #name }
        }
        FieldType::List { item, .. } => {
            let item = rust_type(item);
            quote! { Vec<#item> }
        }
    }
}

fn format_tokens(format: WireFormat) -> TokenStream {
    match format {
        WireFormat::Json => quote! { aliyun_runtime::wire::Format::Json },
        WireFormat::Xml => quote! { aliyun_runtime::wire::Format::Xml },
    }
}

fn literal(value: &EnumLiteral) -> TokenStream {
    match value {
        EnumLiteral::Integer(i) => {
            let lit = proc_macro2::Literal::i64_unsuffixed(*i);
            quote! { #lit }
        }
        EnumLiteral::String(s) => quote! { #s },
    }
}

fn literal_text(value: &EnumLiteral) -> String {
    match value {
        EnumLiteral::Integer(i) => i.to_string(),
        EnumLiteral::String(s) => s.clone(),
    }
}

/// `#![doc]` attributes (the module's own docs), one per line.
fn inner_docs(text: &str) -> TokenStream {
    let lines = doc_lines(text);
    quote! { #(#![doc = #lines])* }
}

/// `#[doc]` attributes, one per line.
fn docs(text: &str) -> TokenStream {
    let lines = doc_lines(text);
    quote! { #(#[doc = #lines])* }
}

/// The lines of a doc text, each with a leading space as `///` would have.
fn doc_lines(text: &str) -> Vec<String> {
    text.trim()
        .lines()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            }
        })
        .collect()
}

fn before_colon(text: &str) -> &str {
    text.split_once(": ")
        .map_or(text, |(first, _)| first)
        .trim()
}

/// An identifier; Rust keywords become raw identifiers (`r#type`).
fn ident(name: &str) -> Ident {
    if syn::parse_str::<Ident>(name).is_ok() {
        Ident::new(name, Span::call_site())
    } else {
        Ident::new_raw(name, Span::call_site())
    }
}

fn slash(path: &Path) -> String {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}
