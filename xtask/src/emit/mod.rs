//! Rust code from the checked spec, built with `quote`, validated by `syn`, printed by
//! `prettyplease`. One module per output: `product` (mod.rs, client.rs, types.rs,
//! error_codes.rs), `operation` (one module per operation), `types` (structures and enums),
//! `server` (request decoders, the `Service` trait, the dispatcher) and `cli` (subcommands).

mod cli;
mod operation;
mod product;
mod server;
mod types;

use std::path::{Component, Path, PathBuf};

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::spec::{FieldType, Product, WireFormat};

/// How every generated file starts; codegen deletes only files that start so.
pub const HEADER_START: &str = "// @generated from ";

/// Doc text is wrapped at this many columns (the `///` and indentation come on top).
const DOC_WIDTH: usize = 92;

/// Every file a product generates, by path relative to the workspace root.
pub fn files(product: &Product) -> Result<Vec<(PathBuf, String)>, String> {
    let out = &product.output;
    let mut files = vec![
        (
            out.join("mod.rs"),
            render(&product.file, product::module(product))?,
        ),
        (
            out.join("client.rs"),
            render(&product.file, product::client(product))?,
        ),
        (
            out.join("types.rs"),
            render(&product.file, product::types(product))?,
        ),
        (
            out.join("error_codes.rs"),
            render(&product.file, product::error_codes(product))?,
        ),
        (
            out.join("server.rs"),
            render(&product.file, server::module(product))?,
        ),
    ];
    for op in &product.operations {
        let name = format!("{}.rs", crate::spec::snake(&op.name));
        files.push((
            out.join(name),
            render(&op.file, operation::module(product, op))?,
        ));
    }
    if let Some(cli_dir) = &product.cli {
        files.push((
            cli_dir.join("commands.rs"),
            render(&product.file, cli::module(product))?,
        ));
    }
    Ok(files)
}

/// The text of one generated file, header included.
fn render(source: &Path, tokens: TokenStream) -> Result<String, String> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| {
        format!(
            "generated code for {} does not parse: {e}",
            source.display()
        )
    })?;
    Ok(format!(
        "{HEADER_START}{} by `cargo xtask codegen`. Do not edit by hand:\n// change the spec or the generator, then run `cargo xtask codegen`.\n\n{}",
        slash(source),
        space_out(&prettyplease::unparse(&file))
    ))
}

/// A blank line between top-level items (and between items of `impl` blocks), which
/// prettyplease does not put, so the files read like hand-written ones.
fn space_out(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut previous = "";
    for line in text.lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let starts_item = (indent == 0 || indent == 4)
            && (trimmed.starts_with("///")
                || trimmed.starts_with("#[")
                || trimmed.starts_with("pub ")
                || trimmed.starts_with("impl")
                || trimmed.starts_with("fn ")
                || trimmed.starts_with("mod ")
                || trimmed.starts_with("const ")
                || trimmed.starts_with("use "));
        let prev_trim = previous.trim_start();
        let prev_is_prefix = prev_trim.starts_with("///")
            || prev_trim.starts_with("#[")
            || prev_trim == ")]"
            || prev_trim.starts_with("//!")
            || prev_trim.ends_with('{')
            || prev_trim.is_empty();
        let both_use = trimmed.starts_with("use ") && prev_trim.starts_with("use ");
        if starts_item && !prev_is_prefix && !both_use {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
        previous = line;
    }
    out
}

/// `#![doc]` attributes (a module's own docs), one per line.
fn inner_docs(text: &str) -> TokenStream {
    let lines = doc_lines(text);
    quote! { #(#![doc = #lines])* }
}

/// `#[doc]` attributes, one per line.
fn docs(text: &str) -> TokenStream {
    let lines = doc_lines(text);
    quote! { #(#[doc = #lines])* }
}

/// The lines of a doc text, wrapped at [`DOC_WIDTH`] outside code blocks, each with a leading
/// space as `///` would have.
fn doc_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_code = false;
    for line in text.trim().lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        if line.is_empty() {
            out.push(String::new());
            continue;
        }
        if in_code || line.len() <= DOC_WIDTH || line.trim_start().starts_with("```") {
            out.push(format!(" {line}"));
            continue;
        }
        let mut current = String::new();
        for word in line.split(' ') {
            if !current.is_empty() && current.len() + 1 + word.len() > DOC_WIDTH {
                out.push(format!(" {current}"));
                current.clear();
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        if !current.is_empty() {
            out.push(format!(" {current}"));
        }
    }
    out
}

/// The first sentence of a doc text (up to `. ` or `: `), for one-line summaries.
fn summary(text: &str) -> String {
    let text = text.trim();
    let end = [". ", ": "]
        .iter()
        .filter_map(|sep| text.find(sep))
        .min()
        .unwrap_or(text.len());
    let first = text[..end].trim_end_matches('.');
    format!("{first}.")
}

/// An identifier; Rust keywords become raw identifiers (`r#type`).
fn ident(name: &str) -> Ident {
    if syn::parse_str::<Ident>(name).is_ok() {
        Ident::new(name, Span::call_site())
    } else {
        Ident::new_raw(name, Span::call_site())
    }
}

/// A path with `/` separators, whatever the platform.
fn slash(path: &Path) -> String {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The Rust type of a field or parameter type.
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

/// `QueryOTAFirmware` → `query-ota-firmware`.
fn kebab(name: &str) -> String {
    heck::ToKebabCase::to_kebab_case(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_wrap_outside_code() {
        let long = "word ".repeat(40);
        let lines = doc_lines(&format!("{long}\n\n```\n{long}\n```"));
        assert!(lines[0].len() <= DOC_WIDTH + 1, "{lines:?}");
        assert!(
            lines.iter().any(|l| l.len() > DOC_WIDTH + 1),
            "code kept whole"
        );
        assert_eq!(summary("Lists jobs: by page. More."), "Lists jobs.");
        assert_eq!(
            summary("Deletes a module. Custom only."),
            "Deletes a module."
        );
    }
}
