// @generated from xtask/tests/synthetic/spec/operations/ListWidgets.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The shared types this operation uses, also at `crate::types`.
pub use super::types::{Label, Shade};

/// The input of `ListWidgets`: Lists widgets a page at a time: pagination, a wrapped list and a
/// local type named like another operation's.
///
/// Quota: 2 calls per second per account. HTTP methods: POST.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ListWidgetsInput {
    /// `PageNumber` (required): The page, from 1.
    pub page_number: i64,

    /// `PageSize`: Items per page.
    pub page_size: Option<i64>,

    /// `Shade`: Only widgets of this shade.
    pub shade: Option<Shade>,
}

impl ListWidgetsInput {
    /// A builder for this input.
    pub fn builder() -> ListWidgetsInputBuilder {
        ListWidgetsInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for ListWidgetsInput {
    type Output = ListWidgetsResult;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "ListWidgets",
            super::API_VERSION,
        )
        .quota_per_second(2)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("PageNumber", &self.page_number);
        w.write("PageSize", &self.page_size);
        w.write("Shade", &self.shade);
    }
}

/// Builds a [`ListWidgetsInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct ListWidgetsInputBuilder {
    page_number: Option<i64>,
    page_size: Option<i64>,
    shade: Option<Shade>,
}

impl ListWidgetsInputBuilder {
    /// `PageNumber` (required): The page, from 1.
    pub fn page_number(mut self, value: i64) -> Self {
        self.page_number = Some(value);
        self
    }

    /// Sets or clears `PageNumber`.
    pub fn set_page_number(mut self, value: Option<i64>) -> Self {
        self.page_number = value;
        self
    }

    /// `PageSize`: Items per page.
    pub fn page_size(mut self, value: i64) -> Self {
        self.page_size = Some(value);
        self
    }

    /// Sets or clears `PageSize`.
    pub fn set_page_size(mut self, value: Option<i64>) -> Self {
        self.page_size = value;
        self
    }

    /// `Shade`: Only widgets of this shade.
    pub fn shade(mut self, value: Shade) -> Self {
        self.shade = Some(value);
        self
    }

    /// Sets or clears `Shade`.
    pub fn set_shade(mut self, value: Option<Shade>) -> Self {
        self.shade = value;
        self
    }

    /// The input, or an error naming the first missing (or empty) required parameter.
    pub fn build(self) -> Result<ListWidgetsInput, aliyun_runtime::BuildError> {
        Ok(ListWidgetsInput {
            page_number: self
                .page_number
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "ListWidgets",
                        "PageNumber",
                        "page_number",
                    ),
                )?,
            page_size: self.page_size,
            shade: self.shade,
        })
    }
}

/// A `ListWidgets` call being set up: set its parameters, then `send` it. `C` is the client
/// that sends it: the async `RpcClient`.
#[derive(Clone, Debug)]
pub struct ListWidgetsFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: ListWidgetsInputBuilder,
}

impl<C> ListWidgetsFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: ListWidgetsInputBuilder::default(),
        }
    }

    /// `PageNumber` (required): The page, from 1.
    pub fn page_number(mut self, value: i64) -> Self {
        self.input = self.input.page_number(value);
        self
    }

    /// Sets or clears `PageNumber`.
    pub fn set_page_number(mut self, value: Option<i64>) -> Self {
        self.input = self.input.set_page_number(value);
        self
    }

    /// `PageSize`: Items per page.
    pub fn page_size(mut self, value: i64) -> Self {
        self.input = self.input.page_size(value);
        self
    }

    /// Sets or clears `PageSize`.
    pub fn set_page_size(mut self, value: Option<i64>) -> Self {
        self.input = self.input.set_page_size(value);
        self
    }

    /// `Shade`: Only widgets of this shade.
    pub fn shade(mut self, value: Shade) -> Self {
        self.input = self.input.shade(value);
        self
    }

    /// Sets or clears `Shade`.
    pub fn set_shade(mut self, value: Option<Shade>) -> Self {
        self.input = self.input.set_shade(value);
        self
    }
}

impl ListWidgetsFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(self) -> Result<ListWidgetsResult, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

/// One page of widgets.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ListWidgetsResult {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `PageNumber`: The page returned.
    pub page_number: Option<i64>,

    /// `TotalCount`: The number of widgets in all pages.
    pub total_count: Option<i64>,

    /// `Widgets`: The widgets of this page.
    pub widgets: Vec<WidgetSummary>,
}

impl std::fmt::Debug for ListWidgetsResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListWidgetsResult")
            .field("request_id", &self.request_id)
            .field("page_number", &self.page_number)
            .field("total_count", &self.total_count)
            .field("widgets", &self.widgets)
            .finish()
    }
}

impl wire::Decode for ListWidgetsResult {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "PageNumber" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.page_number,
                        value,
                        &path.field("PageNumber"),
                    )?
                }
                "TotalCount" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.total_count,
                        value,
                        &path.field("TotalCount"),
                    )?
                }
                "Widgets" => {
                    aliyun_runtime::codegen::decode_list_into(
                        &mut out.widgets,
                        value,
                        &path.field("Widgets"),
                        "Widget",
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for ListWidgetsResult {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("PageNumber", &self.page_number);
        w.field_opt("TotalCount", &self.total_count);
        w.field_list("Widgets", &self.widgets, "Widget", true);
    }
}

impl wire::Reply for ListWidgetsResult {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}

/// A widget as listed; DescribeWidget has another shape under the same wire name.
///
/// Wire name: `Widget`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct WidgetSummary {
    /// `Id`: The widget's ID.
    pub id: i64,

    /// `Label`: Its label.
    pub label: Option<Label>,
}

impl std::fmt::Debug for WidgetSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WidgetSummary")
            .field("id", &self.id)
            .field("label", &self.label)
            .finish()
    }
}

impl wire::Decode for WidgetSummary {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        let mut required_id = None;
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "Id" => {
                    required_id = aliyun_runtime::codegen::decode_required(
                        value,
                        &path.field("Id"),
                    )?;
                }
                "Label" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.label,
                        value,
                        &path.field("Label"),
                    )?
                }
                _ => {}
            }
        }
        out.id = aliyun_runtime::codegen::required(required_id, path, "Id")?;
        Ok(out)
    }
}

impl wire::EncodeFields for WidgetSummary {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field("Id", &self.id);
        w.field_opt("Label", &self.label);
    }
}

impl aliyun_runtime::PagedOperation for ListWidgetsInput {
    fn page(&self) -> Option<i64> {
        Some(self.page_number)
    }

    fn set_page(&mut self, page: i64) {
        self.page_number = page;
    }

    fn page_size(&self) -> Option<i64> {
        self.page_size
    }
}

impl aliyun_runtime::PagedOutput for ListWidgetsResult {
    type Item = WidgetSummary;

    fn items(&self) -> &[Self::Item] {
        &self.widgets
    }

    fn into_items(self) -> Vec<Self::Item> {
        self.widgets
    }

    fn total(&self) -> Option<i64> {
        self.total_count
    }

    fn page_count(&self) -> Option<i64> {
        None
    }

    fn current_page(&self) -> Option<i64> {
        self.page_number
    }
}

impl<C> ListWidgetsFluentBuilder<C> {
    /// The client and the first page's input, the page and size defaulted.
    fn first_page(
        mut self,
    ) -> (C, Result<ListWidgetsInput, aliyun_runtime::BuildError>) {
        self.input.page_number.get_or_insert(1);
        self.input.page_size.get_or_insert(2);
        (self.client, self.input.build())
    }
}

impl ListWidgetsFluentBuilder {
    /// Follows every page, from the page set (1 when unset), 2 items a page unless the size is set.
    /// Each page is a paced, retried call; see [`aliyun_runtime::Paginator`] for how the end is
    /// found.
    pub fn into_paginator(
        self,
    ) -> Result<
        aliyun_runtime::Paginator<ListWidgetsInput>,
        aliyun_runtime::BuildError,
    > {
        let (client, input) = self.first_page();
        Ok(aliyun_runtime::Paginator::new(client, input?))
    }
}

#[cfg(test)]
mod sample_tests {
    use aliyun_runtime::wire;

    #[allow(unused_imports)]
    use super::*;

    /// A page of two widgets. (xtask/tests/synthetic/spec/samples/list.json)
    #[test]
    fn decodes_list_json() {
        let body: &[u8] = include_bytes!(
            "../../../../../xtask/tests/synthetic/spec/samples/list.json"
        );
        let reply = wire::decode_reply::<
            ListWidgetsResult,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
