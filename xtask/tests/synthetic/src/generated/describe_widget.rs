// @generated from xtask/tests/synthetic/spec/operations/DescribeWidget.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The shared types this operation uses, also at `crate::types`.
pub use super::types::{Label, Shade};

/// The input of `DescribeWidget`: Describes a widget: every type kind in one response.
///
/// Quota: 5 calls per second per account. HTTP methods: GET. Documented error codes:
/// `widget.NotFound` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct DescribeWidgetInput {
    /// `WidgetId` (required): The widget.
    pub widget_id: String,

    /// `Depth`: How deep to look.
    pub depth: Option<i64>,

    /// `Verbose`: Whether to say more.
    pub verbose: Option<bool>,

    /// `Names`.N: A list of strings (Names.1, Names.2).
    ///
    /// A list: each call of the setter adds one item.
    pub names: Vec<String>,

    /// `Label`.N: A list of shared structures (Label.1.Key, Label.1.Value, Label.1.Shade).
    ///
    /// A list: each call of the setter adds one item.
    pub label: Vec<Label>,

    /// `Shade`: A shared enum parameter.
    pub shade: Option<Shade>,

    /// `Levels`.N: A list of a local integer enum.
    ///
    /// A list: each call of the setter adds one item.
    pub levels: Vec<Level>,
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
        )
        .quota_per_second(5)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("WidgetId", &self.widget_id);
        w.write("Depth", &self.depth);
        w.write("Verbose", &self.verbose);
        w.write("Names", &self.names);
        w.write("Label", &self.label);
        w.write("Shade", &self.shade);
        w.write("Levels", &self.levels);
    }
}

/// Builds a [`DescribeWidgetInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct DescribeWidgetInputBuilder {
    widget_id: Option<String>,
    depth: Option<i64>,
    verbose: Option<bool>,
    names: Vec<String>,
    label: Vec<Label>,
    shade: Option<Shade>,
    levels: Vec<Level>,
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

    /// `Names`.N: A list of strings (Names.1, Names.2).
    ///
    /// A list: each call of the setter adds one item.
    pub fn names(mut self, value: impl Into<String>) -> Self {
        self.names.push(value.into());
        self
    }

    /// Replaces every item of `Names` (`None` empties it).
    pub fn set_names(mut self, value: Option<Vec<String>>) -> Self {
        self.names = value.unwrap_or_default();
        self
    }

    /// `Label`.N: A list of shared structures (Label.1.Key, Label.1.Value, Label.1.Shade).
    ///
    /// A list: each call of the setter adds one item.
    pub fn label(mut self, value: Label) -> Self {
        self.label.push(value);
        self
    }

    /// Replaces every item of `Label` (`None` empties it).
    pub fn set_label(mut self, value: Option<Vec<Label>>) -> Self {
        self.label = value.unwrap_or_default();
        self
    }

    /// `Shade`: A shared enum parameter.
    pub fn shade(mut self, value: Shade) -> Self {
        self.shade = Some(value);
        self
    }

    /// Sets or clears `Shade`.
    pub fn set_shade(mut self, value: Option<Shade>) -> Self {
        self.shade = value;
        self
    }

    /// `Levels`.N: A list of a local integer enum.
    ///
    /// A list: each call of the setter adds one item.
    pub fn levels(mut self, value: Level) -> Self {
        self.levels.push(value);
        self
    }

    /// Replaces every item of `Levels` (`None` empties it).
    pub fn set_levels(mut self, value: Option<Vec<Level>>) -> Self {
        self.levels = value.unwrap_or_default();
        self
    }

    /// The input, or an error naming the first missing (or empty) required parameter.
    pub fn build(self) -> Result<DescribeWidgetInput, aliyun_runtime::BuildError> {
        Ok(DescribeWidgetInput {
            widget_id: self
                .widget_id
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "DescribeWidget",
                        "WidgetId",
                        "widget_id",
                    ),
                )?,
            depth: self.depth,
            verbose: self.verbose,
            names: self.names,
            label: self.label,
            shade: self.shade,
            levels: self.levels,
        })
    }
}

/// A `DescribeWidget` call being set up: set its parameters, then `send` it. `C` is the client
/// that sends it: the async `RpcClient`.
#[derive(Clone, Debug)]
pub struct DescribeWidgetFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: DescribeWidgetInputBuilder,
}

impl<C> DescribeWidgetFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
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

    /// `Names`.N: A list of strings (Names.1, Names.2).
    ///
    /// A list: each call of the setter adds one item.
    pub fn names(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.names(value);
        self
    }

    /// Replaces every item of `Names` (`None` empties it).
    pub fn set_names(mut self, value: Option<Vec<String>>) -> Self {
        self.input = self.input.set_names(value);
        self
    }

    /// `Label`.N: A list of shared structures (Label.1.Key, Label.1.Value, Label.1.Shade).
    ///
    /// A list: each call of the setter adds one item.
    pub fn label(mut self, value: Label) -> Self {
        self.input = self.input.label(value);
        self
    }

    /// Replaces every item of `Label` (`None` empties it).
    pub fn set_label(mut self, value: Option<Vec<Label>>) -> Self {
        self.input = self.input.set_label(value);
        self
    }

    /// `Shade`: A shared enum parameter.
    pub fn shade(mut self, value: Shade) -> Self {
        self.input = self.input.shade(value);
        self
    }

    /// Sets or clears `Shade`.
    pub fn set_shade(mut self, value: Option<Shade>) -> Self {
        self.input = self.input.set_shade(value);
        self
    }

    /// `Levels`.N: A list of a local integer enum.
    ///
    /// A list: each call of the setter adds one item.
    pub fn levels(mut self, value: Level) -> Self {
        self.input = self.input.levels(value);
        self
    }

    /// Replaces every item of `Levels` (`None` empties it).
    pub fn set_levels(mut self, value: Option<Vec<Level>>) -> Self {
        self.input = self.input.set_levels(value);
        self
    }
}

impl DescribeWidgetFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(self) -> Result<DescribeWidgetResult, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

/// The result.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct DescribeWidgetResult {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `Widget`: The widget.
    pub widget: Option<Widget>,
}

impl std::fmt::Debug for DescribeWidgetResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DescribeWidgetResult")
            .field("request_id", &self.request_id)
            .field("widget", &self.widget)
            .finish()
    }
}

impl wire::Decode for DescribeWidgetResult {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        #[allow(clippy::single_match)]
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "Widget" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.widget,
                        value,
                        &path.field("Widget"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for DescribeWidgetResult {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("Widget", &self.widget);
    }
}

impl wire::Reply for DescribeWidgetResult {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}

/// A widget.
///
/// Wire name: `Widget`.
#[derive(Clone, Default, PartialEq)]
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

    /// `Labels`: A wrapped list of a shared structure.
    pub labels: Vec<Label>,

    /// `Secret`: A sensitive value, redacted in Debug.
    pub secret: Option<String>,
}

impl std::fmt::Debug for Widget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Widget")
            .field("name", &self.name)
            .field("count", &self.count)
            .field("weight", &self.weight)
            .field("enabled", &self.enabled)
            .field("level", &self.level)
            .field("color", &self.color)
            .field("created", &self.created)
            .field("owner", &self.owner)
            .field("parts", &self.parts)
            .field("type", &self.r#type)
            .field("tags", &self.tags)
            .field("levels", &self.levels)
            .field("labels", &self.labels)
            .field(
                "secret",
                &self.secret.as_ref().map(|_| aliyun_runtime::secret::Redacted),
            )
            .finish()
    }
}

impl wire::Decode for Widget {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        let mut required_name = None;
        let mut required_count = None;
        let mut required_owner = None;
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "Name" => {
                    required_name = aliyun_runtime::codegen::decode_required(
                        value,
                        &path.field("Name"),
                    )?;
                }
                "Count" => {
                    required_count = aliyun_runtime::codegen::decode_required(
                        value,
                        &path.field("Count"),
                    )?;
                }
                "Weight" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.weight,
                        value,
                        &path.field("Weight"),
                    )?
                }
                "Enabled" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.enabled,
                        value,
                        &path.field("Enabled"),
                    )?
                }
                "Level" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.level,
                        value,
                        &path.field("Level"),
                    )?
                }
                "Color" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.color,
                        value,
                        &path.field("Color"),
                    )?
                }
                "Created" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.created,
                        value,
                        &path.field("Created"),
                    )?
                }
                "Owner" => {
                    required_owner = aliyun_runtime::codegen::decode_required(
                        value,
                        &path.field("Owner"),
                    )?;
                }
                "Parts" => {
                    aliyun_runtime::codegen::decode_list_into(
                        &mut out.parts,
                        value,
                        &path.field("Parts"),
                        "PartItem",
                    )?
                }
                "Type" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.r#type,
                        value,
                        &path.field("Type"),
                    )?
                }
                "Tags" => {
                    aliyun_runtime::codegen::decode_list_into(
                        &mut out.tags,
                        value,
                        &path.field("Tags"),
                        "Tag",
                    )?
                }
                "Levels" => {
                    aliyun_runtime::codegen::decode_list_into(
                        &mut out.levels,
                        value,
                        &path.field("Levels"),
                        "Level",
                    )?
                }
                "Labels" => {
                    aliyun_runtime::codegen::decode_list_into(
                        &mut out.labels,
                        value,
                        &path.field("Labels"),
                        "LabelDTO",
                    )?
                }
                "Secret" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.secret,
                        value,
                        &path.field("Secret"),
                    )?
                }
                _ => {}
            }
        }
        out.name = aliyun_runtime::codegen::required(required_name, path, "Name")?;
        out.count = aliyun_runtime::codegen::required(required_count, path, "Count")?;
        out.owner = aliyun_runtime::codegen::required(required_owner, path, "Owner")?;
        Ok(out)
    }
}

impl wire::EncodeFields for Widget {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field("Name", &self.name);
        w.field("Count", &self.count);
        w.field_opt("Weight", &self.weight);
        w.field_opt("Enabled", &self.enabled);
        w.field_opt("Level", &self.level);
        w.field_opt("Color", &self.color);
        w.field_opt("Created", &self.created);
        w.field("Owner", &self.owner);
        w.field_list("Parts", &self.parts, "PartItem", false);
        w.field_opt("Type", &self.r#type);
        w.field_list("Tags", &self.tags, "Tag", false);
        w.field_list("Levels", &self.levels, "Level", false);
        w.field_list("Labels", &self.labels, "LabelDTO", true);
        w.field_opt("Secret", &self.secret);
    }
}

/// A nested structure.
///
/// Wire name: `Owner`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Owner {
    /// `Id`: Owner ID.
    pub id: Option<i64>,
}

impl std::fmt::Debug for Owner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Owner").field("id", &self.id).finish()
    }
}

impl wire::Decode for Owner {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        #[allow(clippy::single_match)]
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "Id" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.id,
                        value,
                        &path.field("Id"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for Owner {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("Id", &self.id);
    }
}

/// A list item.
///
/// Wire name: `Part`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Part {
    /// `Label`: Label.
    pub label: Option<String>,

    /// `Size`: Size.
    pub size: Option<i64>,
}

impl std::fmt::Debug for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Part")
            .field("label", &self.label)
            .field("size", &self.size)
            .finish()
    }
}

impl wire::Decode for Part {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "Label" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.label,
                        value,
                        &path.field("Label"),
                    )?
                }
                "Size" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.size,
                        value,
                        &path.field("Size"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for Part {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("Label", &self.label);
        w.field_opt("Size", &self.size);
    }
}

/// An integer enum.
///
/// Wire name: `Level`. A value this SDK does not know is kept in `Unknown`, whose content is
/// opaque: match known variants and handle the rest with a wildcard arm, so that code keeps
/// working when a later SDK knows the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Level {
    /// `-1`: Low.
    Low,

    /// `5`: High.
    High,

    /// A value this version of the SDK does not know, kept as sent (opaque: read it with
    /// the enum's own methods).
    Unknown(wire::UnknownInteger),
}

impl Level {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: i64) -> Self {
        match value {
            -1 => Self::Low,
            5 => Self::High,
            other => Self::Unknown(wire::UnknownInteger::new(other)),
        }
    }

    /// The value on the wire.
    pub fn value(&self) -> i64 {
        match self {
            Self::Low => -1,
            Self::High => 5,
            Self::Unknown(value) => value.value(),
        }
    }

    /// The values this SDK knows.
    pub const fn values() -> &'static [i64] {
        &[-1, 5]
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

impl From<i64> for Level {
    fn from(value: i64) -> Self {
        Self::from_value(value)
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
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <i64 as wire::Decode>::decode(node, path).map(Self::from_value)
    }
}

impl wire::Encode for Level {
    fn encode(&self, w: &mut wire::Writer) {
        w.int(self.value())
    }
}

impl aliyun_runtime::QueryValue for Level {
    fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
        aliyun_runtime::QueryValue::write_query(&self.value(), w, name)
    }
}

#[cfg(feature = "server")]
impl aliyun_runtime::query::FromQuery for Level {
    fn read_query(
        r: &aliyun_runtime::QueryReader<'_>,
        name: &str,
    ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
        Ok(r.read::<i64>(name)?.map(Self::from_value))
    }
}

/// A string enum.
///
/// Wire name: `Color`. A value this SDK does not know is kept in `Unknown`, whose content is
/// opaque: match known variants and handle the rest with a wildcard arm, so that code keeps
/// working when a later SDK knows the value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Color {
    /// `red`: Red.
    Red,

    /// `0`: A string that looks like a number.
    Zero,

    /// A value this version of the SDK does not know, kept as sent (opaque: read it with
    /// the enum's own methods).
    Unknown(wire::UnknownString),
}

impl Color {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: &str) -> Self {
        match value {
            "red" => Self::Red,
            "0" => Self::Zero,
            other => Self::Unknown(wire::UnknownString::new(other)),
        }
    }

    /// The value on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Red => "red",
            Self::Zero => "0",
            Self::Unknown(value) => value.as_str(),
        }
    }

    /// The values this SDK knows.
    pub const fn values() -> &'static [&'static str] {
        &["red", "0"]
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

impl From<&str> for Color {
    fn from(value: &str) -> Self {
        Self::from_value(value)
    }
}

impl std::fmt::Display for Color {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value})"),
            known => f.write_str(known.label()),
        }
    }
}

impl wire::Decode for Color {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <String as wire::Decode>::decode(node, path)
            .map(|value| Self::from_value(&value))
    }
}

impl wire::Encode for Color {
    fn encode(&self, w: &mut wire::Writer) {
        w.text(self.as_str())
    }
}

impl aliyun_runtime::QueryValue for Color {
    fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
        aliyun_runtime::QueryValue::write_query(self.as_str(), w, name)
    }
}

#[cfg(feature = "server")]
impl aliyun_runtime::query::FromQuery for Color {
    fn read_query(
        r: &aliyun_runtime::QueryReader<'_>,
        name: &str,
    ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
        Ok(r.read::<String>(name)?.map(|value: String| Self::from_value(&value)))
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
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The same widget in XML, lists in both XML shapes.
    /// (xtask/tests/synthetic/spec/samples/widget.xml)
    #[test]
    fn decodes_widget_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../../xtask/tests/synthetic/spec/samples/widget.xml"
        );
        let reply = wire::decode_reply::<
            DescribeWidgetResult,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
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
