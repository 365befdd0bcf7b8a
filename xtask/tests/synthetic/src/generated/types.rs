// @generated from xtask/tests/synthetic/spec/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// A label, shared by both operations and sent as a list-of-structures parameter.
///
/// Wire name: `LabelDTO`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Label {
    /// `Key`: The key.
    pub key: Option<String>,

    /// `Value`: The value.
    pub value: Option<String>,

    /// `Shade`: A shared enum inside a shared structure.
    pub shade: Option<Shade>,
}

impl std::fmt::Debug for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Label")
            .field("key", &self.key)
            .field("value", &self.value)
            .field("shade", &self.shade)
            .finish()
    }
}

impl wire::Decode for Label {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "Key" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.key,
                        value,
                        &path.field("Key"),
                    )?
                }
                "Value" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.value,
                        value,
                        &path.field("Value"),
                    )?
                }
                "Shade" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.shade,
                        value,
                        &path.field("Shade"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for Label {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("Key", &self.key);
        w.field_opt("Value", &self.value);
        w.field_opt("Shade", &self.shade);
    }
}

impl Label {
    /// Sets `Key`: The key.
    pub fn with_key(mut self, value: impl Into<String>) -> Self {
        self.key = Some(value.into());
        self
    }

    /// Sets `Value`: The value.
    pub fn with_value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// Sets `Shade`: A shared enum inside a shared structure.
    pub fn with_shade(mut self, value: Shade) -> Self {
        self.shade = Some(value);
        self
    }
}

impl aliyun_runtime::QueryValue for Label {
    fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
        w.write(&format!("{name}.Key"), &self.key);
        w.write(&format!("{name}.Value"), &self.value);
        w.write(&format!("{name}.Shade"), &self.shade);
    }
}

#[cfg(feature = "server")]
impl aliyun_runtime::query::FromQuery for Label {
    fn read_query(
        r: &aliyun_runtime::QueryReader<'_>,
        name: &str,
    ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
        if !r.has_struct(name) {
            return Ok(None);
        }
        Ok(
            Some(Self {
                key: r.read(&format!("{name}.Key"))?,
                value: r.read(&format!("{name}.Value"))?,
                shade: r.read(&format!("{name}.Shade"))?,
            }),
        )
    }
}

/// A shared string enum with a second spelling.
///
/// Wire name: `Shade`. A value this SDK does not know is kept in `Unknown`, whose content is
/// opaque: match known variants and handle the rest with a wildcard arm, so that code keeps
/// working when a later SDK knows the value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Shade {
    /// `light`: Light.
    Light,

    /// `dark`: Dark. Also read from `DARK`, `drak` (spellings seen in the documentation).
    Dark,

    /// A value this version of the SDK does not know, kept as sent (opaque: read it with
    /// the enum's own methods).
    Unknown(wire::UnknownString),
}

impl Shade {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: &str) -> Self {
        match value {
            "light" => Self::Light,
            "dark" | "DARK" | "drak" => Self::Dark,
            other => Self::Unknown(wire::UnknownString::new(other)),
        }
    }

    /// The value on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
            Self::Unknown(value) => value.as_str(),
        }
    }

    /// The values this SDK knows.
    pub const fn values() -> &'static [&'static str] {
        &["light", "dark"]
    }

    /// A short human label of a known value, `"unknown"` otherwise.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
            Self::Unknown(_) => "unknown",
        }
    }
}

impl From<&str> for Shade {
    fn from(value: &str) -> Self {
        Self::from_value(value)
    }
}

impl std::fmt::Display for Shade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value})"),
            known => f.write_str(known.label()),
        }
    }
}

impl wire::Decode for Shade {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <String as wire::Decode>::decode(node, path)
            .map(|value| Self::from_value(&value))
    }
}

impl wire::Encode for Shade {
    fn encode(&self, w: &mut wire::Writer) {
        w.text(self.as_str())
    }
}

impl aliyun_runtime::QueryValue for Shade {
    fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
        aliyun_runtime::QueryValue::write_query(self.as_str(), w, name)
    }
}

#[cfg(feature = "server")]
impl aliyun_runtime::query::FromQuery for Shade {
    fn read_query(
        r: &aliyun_runtime::QueryReader<'_>,
        name: &str,
    ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
        Ok(r.read::<String>(name)?.map(|value: String| Self::from_value(&value)))
    }
}
