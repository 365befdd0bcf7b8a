//! Structures and enums: the type, its `Debug` (redacting sensitive fields), its wire
//! decoder and encoder, and for types sent as request parameters its query writer (and,
//! behind the `server` feature, reader).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{docs, ident, rust_type};
use crate::spec::{EnumKind, EnumLiteral, EnumValue, Field, FieldType, TypeDef, TypeKind};

/// A type definition; `query` adds the request-parameter impls (structures sent as list items).
pub(super) fn type_def(ty: &TypeDef, query: bool) -> TokenStream {
    match &ty.kind {
        TypeKind::Struct(fields) => struct_def(ty, fields, query),
        TypeKind::Enum(kind, values) => enum_def(ty, *kind, values),
    }
}

/// The Rust type of a structure field: `Option` unless required or a list.
pub(super) fn field_type(f: &Field) -> TokenStream {
    let ty = rust_type(&f.ty);
    if f.required || matches!(f.ty, FieldType::List { .. }) {
        ty
    } else {
        quote! { Option<#ty> }
    }
}

/// The field declarations, `Debug`, `Decode` and `EncodeFields` of a structure's fields (used for
/// operation outputs too, which add the request ID).
pub(super) struct StructParts {
    pub decls: Vec<TokenStream>,
    pub debug: Vec<TokenStream>,
    pub decode: TokenStream,
    pub encode: TokenStream,
}

/// One `.field(…)` of a written-out `Debug`: a sensitive value prints `<redacted>` (an
/// `Option` prints `Some(<redacted>)` or `None`).
pub(super) fn debug_field(rust_name: &str, sensitive: bool, optional: bool) -> TokenStream {
    let name = ident(rust_name);
    match (sensitive, optional) {
        (false, _) => quote! { .field(#rust_name, &self.#name) },
        (true, true) => {
            quote! { .field(#rust_name, &self.#name.as_ref().map(|_| aliyun_runtime::secret::Redacted)) }
        }
        (true, false) => quote! { .field(#rust_name, &aliyun_runtime::secret::Redacted) },
    }
}

pub(super) fn struct_parts(fields: &[Field]) -> StructParts {
    let decls = fields
        .iter()
        .map(|f| {
            let name = ident(&f.rust_name);
            let ty = field_type(f);
            let doc = docs(&format!("`{}`: {}", f.name, f.doc));
            quote! { #doc pub #name: #ty, }
        })
        .collect();
    let debug = fields
        .iter()
        .map(|f| {
            let optional = !f.required && !matches!(f.ty, FieldType::List { .. });
            debug_field(&f.rust_name, f.sensitive, optional)
        })
        .collect();
    let temps = fields.iter().filter(|f| f.required).map(|f| {
        let temp = format_ident!("required_{}", f.rust_name);
        quote! { let mut #temp = None; }
    });
    let arms = fields.iter().map(|f| {
        let name = ident(&f.rust_name);
        let wire_name = &f.name;
        match &f.ty {
            FieldType::List { xml_item, .. } => quote! {
                #wire_name => aliyun_runtime::codegen::decode_list_into(&mut out.#name, value, &path.field(#wire_name), #xml_item)?,
            },
            _ if f.required => {
                let temp = format_ident!("required_{}", f.rust_name);
                quote! { #wire_name => #temp = aliyun_runtime::codegen::decode_required(value, &path.field(#wire_name))?, }
            }
            _ => quote! { #wire_name => aliyun_runtime::codegen::decode_into(&mut out.#name, value, &path.field(#wire_name))?, },
        }
    });
    let finish = fields.iter().filter(|f| f.required).map(|f| {
        let name = ident(&f.rust_name);
        let temp = format_ident!("required_{}", f.rust_name);
        let wire_name = &f.name;
        quote! { out.#name = aliyun_runtime::codegen::required(#temp, path, #wire_name)?; }
    });
    let entries = if fields.is_empty() {
        quote! { let _ = (node, path); }
    } else {
        // A one-field structure decodes with a one-arm match, which reads better than an `if`.
        let single = (fields.len() == 1).then(|| quote! { #[allow(clippy::single_match)] });
        quote! {
            #single
            for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
                match &*key {
                    #(#arms)*
                    _ => {}
                }
            }
        }
    };
    let decode = quote! {
        fn decode(node: wire::Node<'_>, path: &wire::Path<'_>) -> Result<Self, wire::FieldError> {
            #[allow(unused_mut)]
            let mut out = Self::default();
            #(#temps)*
            #entries
            #(#finish)*
            Ok(out)
        }
    };
    let fields_written = fields.iter().map(|f| {
        let name = ident(&f.rust_name);
        let wire_name = &f.name;
        match &f.ty {
            FieldType::List {
                xml_item, wrapped, ..
            } => quote! { w.field_list(#wire_name, &self.#name, #xml_item, #wrapped); },
            _ if f.required => quote! { w.field(#wire_name, &self.#name); },
            _ => quote! { w.field_opt(#wire_name, &self.#name); },
        }
    });
    let w_arg = if fields.is_empty() {
        quote! { _w }
    } else {
        quote! { w }
    };
    let encode = quote! {
        fn encode_fields(&self, #w_arg: &mut wire::Writer) {
            #(#fields_written)*
        }
    };
    StructParts {
        decls,
        debug,
        decode,
        encode,
    }
}

fn struct_def(ty: &TypeDef, fields: &[Field], query: bool) -> TokenStream {
    let name = ident(&ty.rust_name);
    let label = &ty.rust_name;
    let doc = docs(&format!("{}\n\nWire name: `{}`.", ty.doc, ty.name));
    let StructParts {
        decls,
        debug,
        decode,
        encode,
    } = struct_parts(fields);
    let query_impls = query.then(|| query_impls(ty, fields));
    let with_setters = query.then(|| with_setters(ty, fields));
    quote! {
        #doc
        #[derive(Clone, Default, PartialEq)]
        #[non_exhaustive]
        pub struct #name { #(#decls)* }

        impl std::fmt::Debug for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(#label) #(#debug)* .finish()
            }
        }

        impl wire::Decode for #name { #decode }

        impl wire::EncodeFields for #name { #encode }

        #with_setters

        #query_impls
    }
}

/// `with_<field>(value)` per field, for structures callers build (list items of requests):
/// outside the crate a `#[non_exhaustive]` structure cannot be written as a literal.
fn with_setters(ty: &TypeDef, fields: &[Field]) -> TokenStream {
    let name = ident(&ty.rust_name);
    let setters = fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        let method = format_ident!("with_{}", f.rust_name);
        let doc = docs(&format!("Sets `{}`: {}", f.name, f.doc));
        let ty = rust_type(&f.ty);
        let (arg, value) = match (&f.ty, f.required) {
            (FieldType::String, true) => (quote! { impl Into<String> }, quote! { value.into() }),
            (FieldType::String, false) => {
                (quote! { impl Into<String> }, quote! { Some(value.into()) })
            }
            (_, true) | (FieldType::List { .. }, _) => (quote! { #ty }, quote! { value }),
            (_, false) => (quote! { #ty }, quote! { Some(value) }),
        };
        quote! {
            #doc
            pub fn #method(mut self, value: #arg) -> Self {
                self.#field = #value;
                self
            }
        }
    });
    quote! {
        impl #name {
            #(#setters)*
        }
    }
}

/// `Name.Field` for each field (`Tag.1.Key`), and the inverse behind `server`.
fn query_impls(ty: &TypeDef, fields: &[Field]) -> TokenStream {
    let name = ident(&ty.rust_name);
    let writes = fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        let suffix = format!("{{name}}.{}", f.name);
        quote! { w.write(&format!(#suffix), &self.#field); }
    });
    let reads = fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        let suffix = format!("{{name}}.{}", f.name);
        let read = match (&f.ty, f.required) {
            (FieldType::List { .. }, _) => quote! { r.list(&format!(#suffix))? },
            (_, true) => quote! { r.required(&format!(#suffix))? },
            (_, false) => quote! { r.read(&format!(#suffix))? },
        };
        quote! { #field: #read, }
    });
    quote! {
        impl aliyun_runtime::QueryValue for #name {
            fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
                #(#writes)*
            }
        }

        #[cfg(feature = "server")]
        impl aliyun_runtime::query::FromQuery for #name {
            fn read_query(
                r: &aliyun_runtime::QueryReader<'_>,
                name: &str,
            ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
                if !r.has_struct(name) {
                    return Ok(None);
                }
                Ok(Some(Self { #(#reads)* }))
            }
        }
    }
}

fn enum_def(ty: &TypeDef, kind: EnumKind, values: &[EnumValue]) -> TokenStream {
    let name = ident(&ty.rust_name);
    let doc = docs(&format!(
        "{}\n\nWire name: `{}`. A value this SDK does not know is kept in `Unknown`, whose content \
         is opaque: match known variants and handle the rest with a wildcard arm, so that code \
         keeps working when a later SDK knows the value.",
        ty.doc, ty.name
    ));
    let variants = values.iter().map(|v| {
        let variant = ident(&v.name);
        let mut text = format!("`{}`: {}", literal_text(&v.value), v.doc);
        if !v.aliases.is_empty() {
            let aliases: Vec<String> = v.aliases.iter().map(|a| format!("`{a}`")).collect();
            text.push_str(&format!(
                " Also read from {} (spellings seen in the documentation).",
                aliases.join(", ")
            ));
        }
        let doc = docs(&text);
        quote! { #doc #variant, }
    });
    let from_arms = values.iter().map(|v| {
        let variant = ident(&v.name);
        let lit = literal(&v.value);
        let aliases = v.aliases.iter().map(|a| quote! { | #a });
        quote! { #lit #(#aliases)* => Self::#variant, }
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
    let all: Vec<TokenStream> = values.iter().map(|v| literal(&v.value)).collect();
    let (derive_copy, unknown_ty, raw_ty, from_sig, unknown_new, value_fn, decode, encode, query) =
        match kind {
            EnumKind::Integer => (
                quote! { Copy, },
                quote! { wire::UnknownInteger },
                quote! { i64 },
                quote! { pub fn from_value(value: i64) -> Self },
                quote! { wire::UnknownInteger::new(other) },
                quote! {
                    /// The value on the wire.
                    pub fn value(&self) -> i64 {
                        match self { #(#to_arms)* Self::Unknown(value) => value.value(), }
                    }
                    /// The values this SDK knows.
                    pub const fn values() -> &'static [i64] {
                        &[#(#all),*]
                    }
                },
                quote! { <i64 as wire::Decode>::decode(node, path).map(Self::from_value) },
                quote! { w.int(self.value()) },
                quote! { aliyun_runtime::QueryValue::write_query(&self.value(), w, name) },
            ),
            EnumKind::String => (
                quote! {},
                quote! { wire::UnknownString },
                quote! { &str },
                quote! { pub fn from_value(value: &str) -> Self },
                quote! { wire::UnknownString::new(other) },
                quote! {
                    /// The value on the wire.
                    pub fn as_str(&self) -> &str {
                        match self { #(#to_arms)* Self::Unknown(value) => value.as_str(), }
                    }
                    /// The values this SDK knows.
                    pub const fn values() -> &'static [&'static str] {
                        &[#(#all),*]
                    }
                },
                quote! { <String as wire::Decode>::decode(node, path).map(|value| Self::from_value(&value)) },
                quote! { w.text(self.as_str()) },
                quote! { aliyun_runtime::QueryValue::write_query(self.as_str(), w, name) },
            ),
        };
    let read_raw = match kind {
        EnumKind::Integer => quote! { i64 },
        EnumKind::String => quote! { String },
    };
    let from_read = match kind {
        EnumKind::Integer => quote! { Self::from_value },
        EnumKind::String => quote! { |value: String| Self::from_value(&value) },
    };
    quote! {
        #doc
        #[derive(Clone, #derive_copy Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A value this version of the SDK does not know, kept as sent (opaque: read it with
            /// the enum's own methods).
            Unknown(#unknown_ty),
        }

        impl #name {
            /// The variant for a wire value; unknown values are kept in `Unknown`.
            #from_sig {
                match value { #(#from_arms)* other => Self::Unknown(#unknown_new), }
            }
            #value_fn
            /// A short human label of a known value, `"unknown"` otherwise.
            pub fn label(&self) -> &'static str {
                match self { #(#label_arms)* Self::Unknown(_) => "unknown", }
            }
        }

        impl From<#raw_ty> for #name {
            fn from(value: #raw_ty) -> Self {
                Self::from_value(value)
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match self {
                    Self::Unknown(value) => write!(f, "unknown ({value})"),
                    known => f.write_str(known.label()),
                }
            }
        }

        impl wire::Decode for #name {
            fn decode(node: wire::Node<'_>, path: &wire::Path<'_>) -> Result<Self, wire::FieldError> {
                #decode
            }
        }

        impl wire::Encode for #name {
            fn encode(&self, w: &mut wire::Writer) {
                #encode
            }
        }

        impl aliyun_runtime::QueryValue for #name {
            fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
                #query
            }
        }

        #[cfg(feature = "server")]
        impl aliyun_runtime::query::FromQuery for #name {
            fn read_query(
                r: &aliyun_runtime::QueryReader<'_>,
                name: &str,
            ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
                Ok(r.read::<#read_raw>(name)?.map(#from_read))
            }
        }
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
