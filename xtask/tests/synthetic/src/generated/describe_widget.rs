// @generated from xtask/tests/synthetic/spec/operations/DescribeWidget.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;
/// The input of `DescribeWidget`: Describes a widget: every type kind in one response.
///
/// Quota: 5 calls per second per account. HTTP methods: GET.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DescribeWidgetInput {
    /// `WidgetId` (required): The widget.
    pub widget_id: String,
    /// `Depth`: How deep to look.
    pub depth: Option<i64>,
    /// `Verbose`: Whether to say more.
    pub verbose: Option<bool>,
}
impl DescribeWidgetInput {
    /// A builder for this input.
    pub fn builder() -> DescribeWidgetInputBuilder {
        DescribeWidgetInputBuilder::default()
    }
}
impl aliyun_runtime::Operation for DescribeWidgetInput {
    type Output = DescribeWidgetResult;
    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
        super::PRODUCT,
        "DescribeWidget",
        super::API_VERSION,
        5,
        aliyun_runtime::wire::Format::Json,
    );
    fn params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::with_capacity(3);
        params.push(("WidgetId", self.widget_id.to_string()));
        if let Some(value) = &self.depth {
            params.push(("Depth", value.to_string()));
        }
        if let Some(value) = &self.verbose {
            params.push(("Verbose", value.to_string()));
        }
        params
    }
}
/// Builds a [`DescribeWidgetInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct DescribeWidgetInputBuilder {
    widget_id: Option<String>,
    depth: Option<i64>,
    verbose: Option<bool>,
}
impl DescribeWidgetInputBuilder {
    /// `WidgetId` (required): The widget.
    pub fn widget_id(mut self, value: impl Into<String>) -> Self {
        self.widget_id = Some(value.into());
        self
    }
    /// Sets or clears `WidgetId`.
    pub fn set_widget_id(mut self, value: Option<String>) -> Self {
        self.widget_id = value;
        self
    }
    /// `Depth`: How deep to look.
    pub fn depth(mut self, value: i64) -> Self {
        self.depth = Some(value);
        self
    }
    /// Sets or clears `Depth`.
    pub fn set_depth(mut self, value: Option<i64>) -> Self {
        self.depth = value;
        self
    }
    /// `Verbose`: Whether to say more.
    pub fn verbose(mut self, value: bool) -> Self {
        self.verbose = Some(value);
        self
    }
    /// Sets or clears `Verbose`.
    pub fn set_verbose(mut self, value: Option<bool>) -> Self {
        self.verbose = value;
        self
    }
    /// The input, or an error naming the first missing required parameter.
    pub fn build(self) -> Result<DescribeWidgetInput, aliyun_runtime::BuildError> {
        Ok(DescribeWidgetInput {
            widget_id: self
                .widget_id
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "DescribeWidget",
                        "WidgetId",
                        "widget_id",
                    ),
                )?,
            depth: self.depth,
            verbose: self.verbose,
        })
    }
}
/// A `DescribeWidget` call being set up: set its parameters, then [`send`](DescribeWidgetFluentBuilder::send) it.
#[derive(Clone, Debug)]
pub struct DescribeWidgetFluentBuilder {
    client: aliyun_runtime::RpcClient,
    input: DescribeWidgetInputBuilder,
}
impl DescribeWidgetFluentBuilder {
    pub(crate) fn new(client: aliyun_runtime::RpcClient) -> Self {
        Self {
            client,
            input: DescribeWidgetInputBuilder::default(),
        }
    }
    /// `WidgetId` (required): The widget.
    pub fn widget_id(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.widget_id(value);
        self
    }
    /// Sets or clears `WidgetId`.
    pub fn set_widget_id(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_widget_id(value);
        self
    }
    /// `Depth`: How deep to look.
    pub fn depth(mut self, value: i64) -> Self {
        self.input = self.input.depth(value);
        self
    }
    /// Sets or clears `Depth`.
    pub fn set_depth(mut self, value: Option<i64>) -> Self {
        self.input = self.input.set_depth(value);
        self
    }
    /// `Verbose`: Whether to say more.
    pub fn verbose(mut self, value: bool) -> Self {
        self.input = self.input.verbose(value);
        self
    }
    /// Sets or clears `Verbose`.
    pub fn set_verbose(mut self, value: Option<bool>) -> Self {
        self.input = self.input.set_verbose(value);
        self
    }
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(self) -> Result<DescribeWidgetResult, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}
/// The result.
///
/// Wire name: `DescribeWidgetResult`.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct DescribeWidgetResult {
    /// `RequestId`: Request ID.
    pub request_id: String,
    /// `Ok`: Success flag.
    pub ok: Option<bool>,
    /// `ErrCode`: Error code.
    pub err_code: Option<String>,
    /// `ErrText`: Error text.
    pub err_text: Option<String>,
    /// `Widget`: The widget.
    pub widget: Option<Widget>,
}
impl wire::Decode for DescribeWidgetResult {
    fn decode(
        node: wire::Node,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        let mut out = Self::default();
        let mut required_request_id = None;
        for (key, value) in wire::struct_entries(node, path)? {
            match key.as_str() {
                "RequestId" => {
                    required_request_id = wire::decode_required(
                        value,
                        &path.field("RequestId"),
                    )?;
                }
                "Ok" => out.ok = wire::Decode::decode_optional(value, &path.field("Ok"))?,
                "ErrCode" => {
                    out.err_code = wire::Decode::decode_optional(
                        value,
                        &path.field("ErrCode"),
                    )?;
                }
                "ErrText" => {
                    out.err_text = wire::Decode::decode_optional(
                        value,
                        &path.field("ErrText"),
                    )?;
                }
                "Widget" => {
                    out.widget = wire::Decode::decode_optional(
                        value,
                        &path.field("Widget"),
                    )?;
                }
                _ => {}
            }
        }
        out.request_id = wire::required(required_request_id, path, "RequestId")?;
        Ok(out)
    }
}
impl wire::Encode for DescribeWidgetResult {
    fn encode(&self, format: wire::Format) -> wire::Node {
        let mut entries = Vec::with_capacity(5);
        wire::put(&mut entries, "RequestId", &self.request_id, format);
        wire::put_opt(&mut entries, "Ok", &self.ok, format);
        wire::put_opt(&mut entries, "ErrCode", &self.err_code, format);
        wire::put_opt(&mut entries, "ErrText", &self.err_text, format);
        wire::put_opt(&mut entries, "Widget", &self.widget, format);
        wire::Node::Map(entries)
    }
}
/// A widget.
///
/// Wire name: `Widget`.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Widget {
    /// `Name`: Required string.
    pub name: String,
    /// `Count`: Required integer.
    pub count: i64,
    /// `Weight`: Optional integer.
    pub weight: Option<i64>,
    /// `Enabled`: Optional boolean.
    pub enabled: Option<bool>,
    /// `Level`: Integer enum.
    pub level: Option<Level>,
    /// `Color`: String enum.
    pub color: Option<Color>,
    /// `Created`: Timestamp.
    pub created: Option<aliyun_runtime::jiff::Timestamp>,
    /// `Owner`: Required nested struct.
    pub owner: Owner,
    /// `Parts`: List of structs.
    pub parts: Vec<Part>,
    /// `Type`: A field whose snake name is a Rust keyword.
    pub r#type: Option<String>,
    /// `Tags`: List of strings.
    pub tags: Vec<String>,
    /// `Levels`: List of enums (XML item name defaults to the type's).
    pub levels: Vec<Level>,
}
impl wire::Decode for Widget {
    fn decode(
        node: wire::Node,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        let mut out = Self::default();
        let mut required_name = None;
        let mut required_count = None;
        let mut required_owner = None;
        for (key, value) in wire::struct_entries(node, path)? {
            match key.as_str() {
                "Name" => {
                    required_name = wire::decode_required(value, &path.field("Name"))?;
                }
                "Count" => {
                    required_count = wire::decode_required(value, &path.field("Count"))?;
                }
                "Weight" => {
                    out.weight = wire::Decode::decode_optional(
                        value,
                        &path.field("Weight"),
                    )?;
                }
                "Enabled" => {
                    out.enabled = wire::Decode::decode_optional(
                        value,
                        &path.field("Enabled"),
                    )?;
                }
                "Level" => {
                    out.level = wire::Decode::decode_optional(
                        value,
                        &path.field("Level"),
                    )?;
                }
                "Color" => {
                    out.color = wire::Decode::decode_optional(
                        value,
                        &path.field("Color"),
                    )?;
                }
                "Created" => {
                    out.created = wire::Decode::decode_optional(
                        value,
                        &path.field("Created"),
                    )?;
                }
                "Owner" => {
                    required_owner = wire::decode_required(value, &path.field("Owner"))?;
                }
                "Parts" => {
                    wire::decode_list_into(
                        &mut out.parts,
                        value,
                        &path.field("Parts"),
                        "PartItem",
                    )?
                }
                "Type" => {
                    out.r#type = wire::Decode::decode_optional(
                        value,
                        &path.field("Type"),
                    )?;
                }
                "Tags" => {
                    wire::decode_list_into(
                        &mut out.tags,
                        value,
                        &path.field("Tags"),
                        "Tag",
                    )?
                }
                "Levels" => {
                    wire::decode_list_into(
                        &mut out.levels,
                        value,
                        &path.field("Levels"),
                        "Level",
                    )?
                }
                _ => {}
            }
        }
        out.name = wire::required(required_name, path, "Name")?;
        out.count = wire::required(required_count, path, "Count")?;
        out.owner = wire::required(required_owner, path, "Owner")?;
        Ok(out)
    }
}
impl wire::Encode for Widget {
    fn encode(&self, format: wire::Format) -> wire::Node {
        let mut entries = Vec::with_capacity(12);
        wire::put(&mut entries, "Name", &self.name, format);
        wire::put(&mut entries, "Count", &self.count, format);
        wire::put_opt(&mut entries, "Weight", &self.weight, format);
        wire::put_opt(&mut entries, "Enabled", &self.enabled, format);
        wire::put_opt(&mut entries, "Level", &self.level, format);
        wire::put_opt(&mut entries, "Color", &self.color, format);
        wire::put_opt(&mut entries, "Created", &self.created, format);
        wire::put(&mut entries, "Owner", &self.owner, format);
        wire::put_list(&mut entries, "Parts", &self.parts, "PartItem", format);
        wire::put_opt(&mut entries, "Type", &self.r#type, format);
        wire::put_list(&mut entries, "Tags", &self.tags, "Tag", format);
        wire::put_list(&mut entries, "Levels", &self.levels, "Level", format);
        wire::Node::Map(entries)
    }
}
/// A nested structure.
///
/// Wire name: `Owner`.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Owner {
    /// `Id`: Owner ID.
    pub id: Option<i64>,
}
impl wire::Decode for Owner {
    #[allow(clippy::single_match)]
    fn decode(
        node: wire::Node,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        let mut out = Self::default();
        for (key, value) in wire::struct_entries(node, path)? {
            match key.as_str() {
                "Id" => out.id = wire::Decode::decode_optional(value, &path.field("Id"))?,
                _ => {}
            }
        }
        Ok(out)
    }
}
impl wire::Encode for Owner {
    fn encode(&self, format: wire::Format) -> wire::Node {
        let mut entries = Vec::with_capacity(1);
        wire::put_opt(&mut entries, "Id", &self.id, format);
        wire::Node::Map(entries)
    }
}
/// A list item.
///
/// Wire name: `Part`.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Part {
    /// `Label`: Label.
    pub label: Option<String>,
    /// `Size`: Size.
    pub size: Option<i64>,
}
impl wire::Decode for Part {
    fn decode(
        node: wire::Node,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        let mut out = Self::default();
        for (key, value) in wire::struct_entries(node, path)? {
            match key.as_str() {
                "Label" => {
                    out.label = wire::Decode::decode_optional(
                        value,
                        &path.field("Label"),
                    )?;
                }
                "Size" => {
                    out.size = wire::Decode::decode_optional(value, &path.field("Size"))?;
                }
                _ => {}
            }
        }
        Ok(out)
    }
}
impl wire::Encode for Part {
    fn encode(&self, format: wire::Format) -> wire::Node {
        let mut entries = Vec::with_capacity(2);
        wire::put_opt(&mut entries, "Label", &self.label, format);
        wire::put_opt(&mut entries, "Size", &self.size, format);
        wire::Node::Map(entries)
    }
}
/// An integer enum.
///
/// Wire name: `Level`. Values this SDK does not know are kept in `Unknown`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Level {
    /// `-1`: Low.
    Low,
    /// `5`: High.
    High,
    /// A value this version of the SDK does not know, kept as sent.
    Unknown(i64),
}
impl Level {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: i64) -> Self {
        match value {
            -1 => Self::Low,
            5 => Self::High,
            other => Self::Unknown(other),
        }
    }
    /// The value on the wire.
    pub fn value(&self) -> i64 {
        match self {
            Self::Low => -1,
            Self::High => 5,
            Self::Unknown(value) => *value,
        }
    }
    /// A short human label of a known value, `"unknown"` otherwise.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::High => "high",
            Self::Unknown(_) => "unknown",
        }
    }
}
impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value})"),
            known => f.write_str(known.label()),
        }
    }
}
impl wire::Decode for Level {
    fn decode(
        node: wire::Node,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <i64 as wire::Decode>::decode(node, path).map(Self::from_value)
    }
}
impl wire::Encode for Level {
    fn encode(&self, _format: wire::Format) -> wire::Node {
        wire::Node::Number(self.value().into())
    }
}
/// A string enum.
///
/// Wire name: `Color`. Values this SDK does not know are kept in `Unknown`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Color {
    /// `red`: Red.
    Red,
    /// `0`: A string that looks like a number.
    Zero,
    /// A value this version of the SDK does not know, kept as sent.
    Unknown(String),
}
impl Color {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: &str) -> Self {
        match value {
            "red" => Self::Red,
            "0" => Self::Zero,
            other => Self::Unknown(other.to_owned()),
        }
    }
    /// The value on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Red => "red",
            Self::Zero => "0",
            Self::Unknown(value) => value,
        }
    }
    /// A short human label of a known value, `"unknown"` otherwise.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Red => "red",
            Self::Zero => "zero",
            Self::Unknown(_) => "unknown",
        }
    }
}
impl std::fmt::Display for Color {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value:?})"),
            known => f.write_str(known.label()),
        }
    }
}
impl wire::Decode for Color {
    fn decode(
        node: wire::Node,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <String as wire::Decode>::decode(node, path)
            .map(|value| Self::from_value(&value))
    }
}
impl wire::Encode for Color {
    fn encode(&self, _format: wire::Format) -> wire::Node {
        wire::Node::Text(self.as_str().to_owned())
    }
}
impl wire::Reply for DescribeWidgetResult {
    fn in_band_error(&self) -> Option<aliyun_runtime::ServiceError> {
        wire::in_band_error(
            self.ok,
            self.err_code.as_deref(),
            self.err_text.as_deref(),
            Some(self.request_id.as_str()),
        )
    }
    fn request_id(&self) -> Option<&str> {
        Some(self.request_id.as_str())
    }
}
#[cfg(test)]
mod sample_tests {
    use aliyun_runtime::wire;
    #[allow(unused_imports)]
    use super::*;
    /// A widget with every field, in JSON. (xtask/tests/synthetic/spec/samples/widget.json)
    #[test]
    fn decodes_widget_json() {
        let body: &[u8] = include_bytes!(
            "../../../../../xtask/tests/synthetic/spec/samples/widget.json"
        );
        let reply = wire::decode_reply::<
            DescribeWidgetResult,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        assert!(reply.is_ok(), "{reply:?}");
    }
    /// The same widget in XML, lists in both XML shapes. (xtask/tests/synthetic/spec/samples/widget.xml)
    #[test]
    fn decodes_widget_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../../xtask/tests/synthetic/spec/samples/widget.xml"
        );
        let reply = wire::decode_reply::<
            DescribeWidgetResult,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        assert!(reply.is_ok(), "{reply:?}");
    }
    /// An in-band failure. (xtask/tests/synthetic/spec/samples/failure.json)
    #[test]
    fn decodes_failure_json() {
        let body: &[u8] = include_bytes!(
            "../../../../../xtask/tests/synthetic/spec/samples/failure.json"
        );
        let reply = wire::decode_reply::<
            DescribeWidgetResult,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        assert!(matches!(reply, Err(aliyun_runtime::Error::Service(_))), "{reply:?}");
    }
}
