//! The command line's subcommands, one per operation (progenitor's generated CLI is the
//! model): an `Args` struct per operation whose flags are its parameters in kebab case, and
//! `run`, which makes the call and gives back what to print.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{docs, ident, kebab, rust_type, summary};
use crate::spec::{FieldType, Operation, Parameter, Product, TypeKind, pascal, snake};

pub(super) fn module(product: &Product) -> TokenStream {
    let krate = ident(&product.crate_name);
    let variants = product.operations.iter().map(|op| {
        let variant = format_ident!("{}", pascal(&op.name));
        let args = format_ident!("{}Args", pascal(&op.name));
        let name = kebab(&op.name);
        let doc = docs(&format!("{} ({})", summary(&op.doc), op.name));
        quote! {
            #doc
            #[command(name = #name)]
            #variant(#args),
        }
    });
    let runs = product.operations.iter().map(|op| {
        let variant = format_ident!("{}", pascal(&op.name));
        quote! { Self::#variant(args) => args.run(client).await, }
    });
    let args = product.operations.iter().map(|op| args(product, op));
    quote! {
        use aliyun_runtime::wire;

        /// One subcommand per operation of the API.
        #[derive(Debug, clap::Subcommand)]
        pub enum OperationCommand {
            #(#variants)*
        }

        impl OperationCommand {
            /// Makes the call (following every page with `--all`).
            pub async fn run(self, client: &#krate::Client) -> Result<CommandOutput, #krate::Error> {
                match self { #(#runs)* }
            }
        }

        /// What a subcommand prints: the reply (envelope included) or, with `--all`, every item,
        /// as a tree in the API's field names, and the typed reply for dedicated renderings.
        pub struct CommandOutput {
            /// The reply or the items, in the API's field names (JSON shapes).
            pub node: wire::Node<'static>,
            /// The typed reply (absent with `--all`).
            pub reply: Option<Box<dyn std::any::Any + Send>>,
        }

        impl CommandOutput {
            fn reply<T: wire::Reply + Send + 'static>(reply: T) -> Self {
                let payload = wire::to_node(&reply);
                Self {
                    node: T::ENVELOPE.wrap(reply.request_id(), payload),
                    reply: Some(Box::new(reply)),
                }
            }

            fn items<T: wire::Encode>(items: Vec<T>) -> Self {
                Self {
                    node: wire::Node::List(items.iter().map(wire::to_node).collect()),
                    reply: None,
                }
            }
        }

        /// An enum value given on the command line: any value is passed on (the service may know
        /// values this build does not).
        fn parse_enum<T: for<'a> From<&'a str>>(text: &str) -> Result<T, String> {
            Ok(T::from(text))
        }

        /// An integer enum value given on the command line.
        fn parse_int_enum<T: From<i64>>(text: &str) -> Result<T, String> {
            text.trim()
                .parse::<i64>()
                .map(T::from)
                .map_err(|_| format!("{text:?} is not an integer"))
        }

        /// One item of a list of structures: a JSON object with the API's field names
        /// (`{"Key":"env","Value":"prod"}`) or the short form `Key=env,Value=prod`. A field the
        /// structure does not have is refused, so a typo is not silently dropped.
        fn parse_item<T: wire::Decode + wire::Encode>(text: &str) -> Result<T, String> {
            let node = if text.trim_start().starts_with(['{', '[']) {
                wire::parse_json(text.as_bytes()).map_err(|e| format!("not valid JSON: {}", e.message))?
            } else {
                let mut entries = Vec::new();
                for pair in text.split(',').filter(|p| !p.trim().is_empty()) {
                    let (key, value) = pair
                        .split_once('=')
                        .ok_or_else(|| format!("{pair:?} is not Field=value"))?;
                    entries.push((key.trim().into(), wire::Node::Text(value.into())));
                }
                wire::Node::Map(entries)
            };
            let wire::Node::Map(entries) = &node else {
                return Err(format!("expected a JSON object or Field=value pairs, found {}", node.kind()));
            };
            let given: Vec<String> = entries
                .iter()
                .filter(|(_, v)| !matches!(v, wire::Node::Null))
                .map(|(k, _)| k.to_string())
                .collect();
            if given.is_empty() {
                return Err("an item needs at least one field".to_owned());
            }
            if let Some(twice) = given.iter().enumerate().find(|(i, k)| given[..*i].contains(k)) {
                return Err(format!("field {:?} is given twice", twice.1));
            }
            let item = T::decode(node, &wire::Path::root()).map_err(|e| format!("{}: {}", e.path, e.message))?;
            // Every field given is read back unless the structure has no such field.
            let wire::Node::Map(known) = wire::to_node(&item) else {
                return Ok(item);
            };
            if let Some(key) = given.iter().find(|k| !known.iter().any(|(name, _)| name == *k)) {
                return Err(format!("unknown field {key:?}"));
            }
            Ok(item)
        }

        #(#args)*
    }
}

fn args(product: &Product, op: &Operation) -> TokenStream {
    let krate = ident(&product.crate_name);
    let name = format_ident!("{}Args", pascal(&op.name));
    let method = ident(&snake(&op.name));
    let doc = docs(&format!("The flags of `{}`.", kebab(&op.name)));
    let fields = op.parameters.iter().map(|p| flag(product, op, p));
    let setters = op.parameters.iter().map(|p| {
        let field = ident(&p.rust_name);
        let set = format_ident!("set_{}", p.rust_name);
        let paging = sets_page(op, p);
        if (p.required && !paging) || p.is_list() {
            quote! { .#set(Some(self.#field)) }
        } else {
            quote! { .#set(self.#field) }
        }
    });
    let (all_field, body) = match &op.pagination {
        Some(_) => (
            quote! {
                /// Follow every page and print all the items (one JSON array, or one table).
                #[arg(long)]
                pub all: bool,
            },
            quote! {
                if self.all {
                    let items = call.into_paginator()?.collect_items().await?;
                    return Ok(CommandOutput::items(items));
                }
                Ok(CommandOutput::reply(call.send().await?))
            },
        ),
        None => (
            quote! {},
            quote! { Ok(CommandOutput::reply(call.send().await?)) },
        ),
    };
    quote! {
        #doc
        #[derive(Debug, clap::Args)]
        pub struct #name {
            #(#fields)*
            #all_field
        }

        impl #name {
            async fn run(self, client: &#krate::Client) -> Result<CommandOutput, #krate::Error> {
                let call = client.#method() #(#setters)*;
                #body
            }
        }
    }
}

/// The clap field of one parameter: `--kebab-name`, required when the API requires it, lists
/// repeated, booleans taking a value, enums any value, structures JSON or `Field=value`.
fn flag(product: &Product, op: &Operation, p: &Parameter) -> TokenStream {
    let field = ident(&p.rust_name);
    let long = kebab(&p.name);
    let item = match &p.ty {
        FieldType::List { item, .. } => item.as_ref(),
        other => other,
    };
    let krate = ident(&product.crate_name);
    let item_path = match item {
        FieldType::Struct(name) | FieldType::Enum(name) => {
            let name = ident(name);
            let module = ident(&snake(&op.name));
            quote! { #krate::#module::#name }
        }
        other => rust_type(other),
    };
    let (value_name, parser) = match item {
        FieldType::String => ("TEXT", quote! {}),
        FieldType::Integer => ("N", quote! {}),
        FieldType::Boolean => ("true|false", quote! {}),
        FieldType::Timestamp => ("TIME", quote! {}),
        FieldType::Enum(name) => {
            let integer = product
                .types
                .iter()
                .chain(&op.types)
                .find(|t| &t.rust_name == name)
                .is_some_and(|t| {
                    matches!(t.kind, TypeKind::Enum(crate::spec::EnumKind::Integer, _))
                });
            if integer {
                ("N", quote! { value_parser = parse_int_enum::<#item_path>, })
            } else {
                ("VALUE", quote! { value_parser = parse_enum::<#item_path>, })
            }
        }
        FieldType::Struct(_) => ("ITEM", quote! { value_parser = parse_item::<#item_path>, }),
        FieldType::List { .. } => ("VALUE", quote! {}),
    };
    let mut text = p.doc.clone();
    if let FieldType::Enum(name) = item
        && let Some(TypeKind::Enum(_, values)) = product
            .types
            .iter()
            .chain(&op.types)
            .find(|t| &t.rust_name == name)
            .map(|t| &t.kind)
    {
        let values: Vec<String> = values
            .iter()
            .map(|v| match &v.value {
                crate::spec::EnumLiteral::Integer(i) => i.to_string(),
                crate::spec::EnumLiteral::String(s) => s.clone(),
            })
            .collect();
        text.push_str(&format!(" Values: {}.", values.join(", ")));
    }
    if let FieldType::Struct(_) = item {
        text.push_str(" One item per flag: a JSON object with the API's field names, or Field=value,Field=value.");
    } else if p.is_list() {
        text.push_str(" Repeat the flag for several values.");
    }
    let doc = docs(&format!(
        "{text} ({}{})",
        p.name,
        if p.is_list() { ".N" } else { "" }
    ));
    // The paginator sets the page and its size when they are not given: with `--all` they are
    // optional even where the API requires them.
    let paging = sets_page(op, p);
    let ty = if p.is_list() {
        quote! { Vec<#item_path> }
    } else if p.required && !paging {
        quote! { #item_path }
    } else {
        quote! { Option<#item_path> }
    };
    let required = if p.required && p.is_list() {
        Some(quote! { required = true, })
    } else if p.required && paging {
        Some(quote! { required_unless_present = "all", })
    } else {
        None
    };
    quote! {
        #doc
        #[arg(long = #long, value_name = #value_name, #required #parser)]
        pub #field: #ty,
    }
}

/// Whether `p` is the page number or size the paginator sets (optional with `--all`).
fn sets_page(op: &Operation, p: &Parameter) -> bool {
    op.pagination
        .as_ref()
        .is_some_and(|pg| pg.page == p.rust_name || pg.size == p.rust_name)
}
