//! One operation's module: the input with its builder and fluent builder, the output and the
//! operation's own types, the paginator glue, and tests of its documented samples.

use std::collections::BTreeSet;
use std::path::{Component, Path};

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::types::{struct_parts, type_def};
use super::{docs, format_tokens, ident, rust_type, slash};
use crate::spec::{
    FieldType, HttpMethod, Operation, Parameter, Product, Sample, SampleExpectation, TypeKind,
    pascal,
};

/// The Rust names of the operation's own structures sent as request parameters.
pub(super) fn query_structs(op: &Operation) -> BTreeSet<String> {
    op.parameters
        .iter()
        .filter_map(|p| match &p.ty {
            FieldType::List { item, .. } => match item.as_ref() {
                FieldType::Struct(name) => Some(name.clone()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

pub(super) fn module(product: &Product, op: &Operation) -> TokenStream {
    let shared = op.shared_types.iter().map(|name| ident(name));
    let shared = (!op.shared_types.is_empty()).then(|| {
        quote! {
            /// The shared types this operation uses, also at `crate::types`.
            pub use super::types::{#(#shared),*};
        }
    });
    let input = input(op, product.blocking);
    let query = query_structs(op);
    let types = op.types.iter().map(|t| {
        if t.rust_name == op.response {
            output(t)
        } else {
            type_def(t, query.contains(&t.rust_name))
        }
    });
    let paged = paged(op, product.blocking);
    let samples = sample_tests(&product.output, &op.samples, Some(op));
    quote! {
        use aliyun_runtime::wire;
        #shared
        #input
        #(#types)*
        #paged
        #samples
    }
}

pub(super) fn input_name(op: &Operation) -> Ident {
    format_ident!("{}Input", pascal(&op.name))
}

pub(super) fn fluent_name(op: &Operation) -> Ident {
    format_ident!("{}FluentBuilder", pascal(&op.name))
}

/// The input's type for a parameter: lists are `Vec`s, optional scalars `Option`s.
fn param_type(p: &Parameter) -> TokenStream {
    let ty = rust_type(&p.ty);
    if p.required || p.is_list() {
        ty
    } else {
        quote! { Option<#ty> }
    }
}

/// The input, its builder and the fluent builder. The fluent builder is generic over the
/// client that sends it, so the blocking client's builders share its setters: the async
/// `send` is on the default (`RpcClient`), and with `blocking` a synchronous one is on
/// `crate::blocking::Client`'s.
fn input(op: &Operation, blocking: bool) -> TokenStream {
    let input = input_name(op);
    let builder = format_ident!("{}InputBuilder", pascal(&op.name));
    let fluent = fluent_name(op);
    let output = ident(&op.response);
    let action = &op.name;
    let quota = proc_macro2::Literal::u32_unsuffixed(op.quota_per_second);
    let method_names: Vec<&str> = op
        .methods
        .iter()
        .map(|m| match m {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
        })
        .collect();
    let methods = op.methods.iter().map(|m| match m {
        HttpMethod::Get => quote! { aliyun_runtime::Method::Get },
        HttpMethod::Post => quote! { aliyun_runtime::Method::Post },
    });
    let mut text = format!(
        "The input of `{action}`: {}\n\nQuota: {quota} calls per second per account. HTTP methods: {}.",
        op.doc,
        method_names.join(", ")
    );
    if !op.errors.is_empty() {
        let codes: Vec<String> = op.errors.iter().map(|c| format!("`{c}`")).collect();
        text.push_str(&format!(
            " Documented error codes: {} (see `crate::error_codes`).",
            codes.join(", ")
        ));
    }
    if op.anonymous {
        text.push_str(
            " Anonymous: sent without `AccessKeyId` and unsigned (a credential in the parameters is the proof).",
        );
    }
    let doc = docs(&text);
    let fields = op.parameters.iter().map(|p| {
        let name = ident(&p.rust_name);
        let ty = param_type(p);
        let doc = param_doc(p);
        quote! { #doc pub #name: #ty, }
    });
    let builder_fields = op.parameters.iter().map(|p| {
        let name = ident(&p.rust_name);
        let ty = rust_type(&p.ty);
        if p.is_list() {
            quote! { #name: #ty, }
        } else {
            quote! { #name: Option<#ty>, }
        }
    });
    let builder_setters = setters(&op.parameters, |method, field, value, list| {
        if list == Setter::Push {
            quote! { self.#field.push(#value); }
        } else if list == Setter::SetList {
            quote! { self.#field = #value.unwrap_or_default(); }
        } else {
            let _ = method;
            quote! { self.#field = #value; }
        }
    });
    let build_fields = op.parameters.iter().map(|p| {
        let name = ident(&p.rust_name);
        let wire_name = &p.name;
        let setter = &p.rust_name;
        let missing = quote! { aliyun_runtime::BuildError::missing(#action, #wire_name, #setter) };
        match (p.required, p.is_list()) {
            (true, true) => quote! {
                #name: if self.#name.is_empty() { return Err(#missing) } else { self.#name },
            },
            // An empty required string is as missing as an absent one: the gateway says so.
            (true, false) if p.ty == FieldType::String => quote! {
                #name: self.#name.filter(|v| !v.is_empty()).ok_or(#missing)?,
            },
            (true, false) => quote! { #name: self.#name.ok_or(#missing)?, },
            (false, _) => quote! { #name: self.#name, },
        }
    });
    let writes = op.parameters.iter().map(|p| {
        let name = ident(&p.rust_name);
        let wire_name = &p.name;
        quote! { w.write(#wire_name, &self.#name); }
    });
    let writer_arg = if op.parameters.is_empty() {
        quote! { _w }
    } else {
        quote! { w }
    };
    let builder_doc = docs(&format!(
        "Builds a [`{input}`]; `build` refuses a missing required parameter."
    ));
    let fluent_doc = docs(&format!(
        "A `{action}` call being set up: set its parameters, then `send` it. `C` is the client \
         that sends it: the async `RpcClient`{}.",
        if blocking {
            ", or `crate::blocking::Client`, whose `send` waits for the reply"
        } else {
            ""
        }
    ));
    let blocking_send = blocking.then(|| {
        quote! {
            impl #fluent<crate::blocking::Client> {
                /// Sends the call and waits for the reply, as the async `send` does.
                pub fn send(self) -> Result<#output, aliyun_runtime::Error> {
                    self.client.call(self.input.build())
                }
            }
        }
    });
    let fluent_setters = setters(&op.parameters, |method, _, _, _| {
        quote! { self.input = self.input.#method(value); }
    });
    // With a secret among the parameters, `Debug` is written out to redact it.
    let redacting = op.parameters.iter().any(|p| p.sensitive);
    let (input_derives, builder_derives, debug_impls) = if redacting {
        let input_debug = debug_impl(&input, &op.parameters, false);
        let builder_debug = debug_impl(&builder, &op.parameters, true);
        (
            quote! { #[derive(Clone, PartialEq)] },
            quote! { #[derive(Clone, Default)] },
            quote! { #input_debug #builder_debug },
        )
    } else {
        (
            quote! { #[derive(Clone, Debug, PartialEq)] },
            quote! { #[derive(Clone, Debug, Default)] },
            quote! {},
        )
    };
    quote! {
        #doc
        #input_derives
        #[non_exhaustive]
        pub struct #input { #(#fields)* }

        #debug_impls

        impl #input {
            /// A builder for this input.
            pub fn builder() -> #builder {
                #builder::default()
            }
        }

        impl aliyun_runtime::Operation for #input {
            type Output = #output;
            const INFO: aliyun_runtime::OperationInfo =
                aliyun_runtime::OperationInfo::new(super::PRODUCT, #action, super::API_VERSION)
                    .quota_per_second(#quota)
                    .default_format(super::DEFAULT_FORMAT)
                    .methods(&[#(#methods),*])
                    .signature(super::SIGNATURE);
            fn serialize(&self, #writer_arg: &mut aliyun_runtime::QueryWriter) {
                #(#writes)*
            }
        }

        #builder_doc
        #builder_derives
        pub struct #builder { #(#builder_fields)* }

        impl #builder {
            #builder_setters
            /// The input, or an error naming the first missing (or empty) required parameter.
            pub fn build(self) -> Result<#input, aliyun_runtime::BuildError> {
                Ok(#input { #(#build_fields)* })
            }
        }

        #fluent_doc
        #[derive(Clone, Debug)]
        pub struct #fluent<C = aliyun_runtime::RpcClient> {
            client: C,
            input: #builder,
        }

        impl<C> #fluent<C> {
            pub(crate) fn new(client: C) -> Self {
                Self { client, input: #builder::default() }
            }
            #fluent_setters
        }

        impl #fluent {
            /// Sends the call: the typed reply, or an error (a missing parameter, the service's
            /// error, a transport failure, a timeout).
            pub async fn send(self) -> Result<#output, aliyun_runtime::Error> {
                let input = self.input.build()?;
                self.client.call(&input).await
            }
        }

        #blocking_send
    }
}

/// A `Debug` impl for an input (or, `in_builder`, its builder, where every scalar is an
/// `Option`) that prints sensitive parameters as `<redacted>` (or `None` when unset).
fn debug_impl(ty: &Ident, parameters: &[Parameter], in_builder: bool) -> TokenStream {
    let label = ty.to_string();
    let fields = parameters.iter().map(|p| {
        let optional = !p.is_list() && (in_builder || !p.required);
        super::types::debug_field(&p.rust_name, p.sensitive, optional)
    });
    quote! {
        impl std::fmt::Debug for #ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(#label) #(#fields)* .finish()
            }
        }
    }
}

/// What a generated setter does with its value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Setter {
    /// Sets a scalar (`Some(value)`) or clears it (`set_x(None)`).
    Scalar,
    /// Appends one item to a list.
    Push,
    /// Replaces a whole list (`None` empties it).
    SetList,
}

/// A `name(value)` and a `set_name(Option<…>)` method per parameter, for the input builder and
/// the fluent builder alike; `assign(method, field, value, kind)` writes the statement.
fn setters(
    parameters: &[Parameter],
    assign: impl Fn(&Ident, &Ident, TokenStream, Setter) -> TokenStream,
) -> TokenStream {
    let methods = parameters.iter().map(|p| {
        let name = ident(&p.rust_name);
        let set = format_ident!("set_{}", p.rust_name);
        let doc = param_doc(p);
        let (one_ty, whole_ty) = match &p.ty {
            FieldType::List { item, .. } => (rust_type(item), rust_type(&p.ty)),
            other => (rust_type(other), rust_type(other)),
        };
        let is_string = match &p.ty {
            FieldType::List { item, .. } => **item == FieldType::String,
            other => *other == FieldType::String,
        };
        let (arg, conv) = if is_string {
            (quote! { impl Into<String> }, quote! { value.into() })
        } else {
            (quote! { #one_ty }, quote! { value })
        };
        let (one, whole, set_doc) = if p.is_list() {
            (
                assign(&name, &name, conv, Setter::Push),
                assign(&set, &name, quote! { value }, Setter::SetList),
                format!("Replaces every item of `{}` (`None` empties it).", p.name),
            )
        } else {
            (
                assign(&name, &name, quote! { Some(#conv) }, Setter::Scalar),
                assign(&set, &name, quote! { value }, Setter::Scalar),
                format!("Sets or clears `{}`.", p.name),
            )
        };
        let set_doc = docs(&set_doc);
        quote! {
            #doc
            pub fn #name(mut self, value: #arg) -> Self {
                #one
                self
            }
            #set_doc
            pub fn #set(mut self, value: Option<#whole_ty>) -> Self {
                #whole
                self
            }
        }
    });
    quote! { #(#methods)* }
}

fn param_doc(p: &Parameter) -> TokenStream {
    let mut text = format!(
        "`{}`{}{}: {}",
        p.name,
        if p.is_list() { ".N" } else { "" },
        if p.required { " (required)" } else { "" },
        p.doc
    );
    if p.is_list() {
        text.push_str("\n\nA list: each call of the setter adds one item.");
    }
    if let Some(example) = &p.example {
        text.push_str(&format!("\n\nExample: `{example}`"));
    }
    docs(&text)
}

/// The output: the request ID from the envelope, then the payload.
fn output(ty: &crate::spec::TypeDef) -> TokenStream {
    let TypeKind::Struct(fields) = &ty.kind else {
        return quote! {};
    };
    let name = ident(&ty.rust_name);
    let label = &ty.rust_name;
    let doc = docs(&format!(
        "{}\n\nThe payload of the reply; the envelope's `Success`, `Code` and message become an \
         `Err` when the call fails, and its request ID is kept in `request_id`.",
        ty.doc
    ));
    let parts = struct_parts(fields);
    let decls = parts.decls;
    let debug = parts.debug;
    let decode = parts.decode;
    let encode = parts.encode;
    quote! {
        #doc
        #[derive(Clone, Default, PartialEq)]
        #[non_exhaustive]
        pub struct #name {
            /// The ID of the request, from the reply's envelope: quote it in support tickets.
            pub request_id: String,
            #(#decls)*
        }

        impl std::fmt::Debug for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(#label).field("request_id", &self.request_id) #(#debug)* .finish()
            }
        }

        impl wire::Decode for #name { #decode }

        impl wire::EncodeFields for #name { #encode }

        impl wire::Reply for #name {
            const ENVELOPE: wire::Envelope = super::ENVELOPE;
            fn request_id(&self) -> &str {
                &self.request_id
            }
            fn set_request_id(&mut self, request_id: String) {
                self.request_id = request_id;
            }
        }
    }
}

/// For operations with `pagination`: the paginator traits and `into_paginator()`.
fn paged(op: &Operation, blocking: bool) -> TokenStream {
    let Some(p) = &op.pagination else {
        return quote! {};
    };
    let input = input_name(op);
    let fluent = fluent_name(op);
    let output = ident(&op.response);
    let page = ident(&p.page);
    let size = ident(&p.size);
    let items = ident(&p.items);
    let item = rust_type(&p.item_type);
    let get_page = if p.page_required {
        quote! { Some(self.#page) }
    } else {
        quote! { self.#page }
    };
    let set_page = if p.page_required {
        quote! { self.#page = page; }
    } else {
        quote! { self.#page = Some(page); }
    };
    let get_size = if p.size_required {
        quote! { Some(self.#size) }
    } else {
        quote! { self.#size }
    };
    let optional = |field: &Option<String>| match field {
        Some(name) => {
            let name = ident(name);
            quote! { self.#name }
        }
        None => quote! { None },
    };
    let total = optional(&p.total);
    let page_count = optional(&p.page_count);
    let current_page = optional(&p.current_page);
    let default_size = proc_macro2::Literal::i64_unsuffixed(i64::from(p.default_size));
    let doc = docs(&format!(
        "Follows every page, from the page set (1 when unset), {} items a page unless the size is \
         set. Each page is a paced, retried call; see [`aliyun_runtime::Paginator`] for how the \
         end is found.",
        p.default_size
    ));
    let blocking_items = blocking.then(|| {
        let doc = docs(&format!(
            "The items of every page, fetched a page at a time as the iterator advances (as \
             `into_paginator`, {} items a page unless the size is set); an error ends it, and \
             a call that cannot be built is its one error.",
            p.default_size
        ));
        quote! {
            #doc
            impl IntoIterator for #fluent<crate::blocking::Client> {
                type Item = Result<#item, aliyun_runtime::Error>;
                type IntoIter = crate::blocking::Items<#input>;
                fn into_iter(self) -> Self::IntoIter {
                    let (client, input) = self.first_page();
                    client.items(input)
                }
            }
        }
    });
    quote! {
        impl aliyun_runtime::PagedOperation for #input {
            fn page(&self) -> Option<i64> {
                #get_page
            }
            fn set_page(&mut self, page: i64) {
                #set_page
            }
            fn page_size(&self) -> Option<i64> {
                #get_size
            }
        }

        impl aliyun_runtime::PagedOutput for #output {
            type Item = #item;
            fn items(&self) -> &[Self::Item] {
                &self.#items
            }
            fn into_items(self) -> Vec<Self::Item> {
                self.#items
            }
            fn total(&self) -> Option<i64> {
                #total
            }
            fn page_count(&self) -> Option<i64> {
                #page_count
            }
            fn current_page(&self) -> Option<i64> {
                #current_page
            }
        }

        impl<C> #fluent<C> {
            /// The client and the first page's input, the page and size defaulted.
            fn first_page(mut self) -> (C, Result<#input, aliyun_runtime::BuildError>) {
                self.input.#page.get_or_insert(1);
                self.input.#size.get_or_insert(#default_size);
                (self.client, self.input.build())
            }
        }

        impl #fluent {
            #doc
            pub fn into_paginator(
                self,
            ) -> Result<aliyun_runtime::Paginator<#input>, aliyun_runtime::BuildError> {
                let (client, input) = self.first_page();
                Ok(aliyun_runtime::Paginator::new(client, input?))
            }
        }

        #blocking_items
    }
}

/// Tests that decode each documented sample, so the spec's samples become protocol tests.
pub(super) fn sample_tests(
    output: &Path,
    samples: &[Sample],
    op: Option<&Operation>,
) -> TokenStream {
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
                let output = ident(&op.response);
                let assertion = if expect == SampleExpectation::Success {
                    quote! {
                        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
                        assert!(!reply.request_id.is_empty());
                    }
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
    format!("decodes_{}", crate::spec::snake(&cleaned))
}
