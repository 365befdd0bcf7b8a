//! Wire formats: the response body as a format-neutral tree ([`Node`]) and its decoding into
//! generated types ([`Decode`]); the encoding of those types straight to JSON or XML text
//! ([`Encode`], [`Writer`]).
//!
//! Both formats go through one tree so a generated type has one decoder: JSON is parsed
//! straight into a [`Node`], XML elements become maps (repeated names kept in order) or text.
//! The decoders are lenient the way Alibaba's services need: numbers sent as strings, empty
//! XML elements, lists in every known shape, unknown fields ignored.

pub(crate) mod decode;
pub(crate) mod encode;
mod json;
pub(crate) mod reply;
mod unknown;
mod xml;

use std::borrow::Cow;
use std::fmt;

pub(crate) use decode::struct_entries;
pub use decode::{Decode, FieldError, Path};
pub use encode::{Encode, EncodeFields, Writer, to_node};
pub use json::{parse_json, to_json};
pub use reply::{Envelope, Reply, decode_gateway_error, decode_reply, encode_reply, in_band_error};
pub use unknown::{UnknownInteger, UnknownString};
pub use xml::{parse_xml, to_xml};

/// The format of a request's response body, as asked with the `Format` parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Format {
    /// `Format=JSON`.
    #[default]
    Json,
    /// `Format=XML` (IoT's default when `Format` is absent).
    Xml,
}

impl Format {
    /// The value sent as the `Format` parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Xml => "XML",
        }
    }

    /// Reads a `Format` value, case-insensitively (`json`, `JSON`, `Xml`, ...).
    pub fn parse(value: &str) -> Option<Self> {
        if value.eq_ignore_ascii_case("json") {
            Some(Format::Json)
        } else if value.eq_ignore_ascii_case("xml") {
            Some(Format::Xml)
        } else {
            None
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A format-neutral tree of a response body. Names and text borrow from the body where they
/// can (a JSON string without escapes), so that decoding allocates only for what it keeps;
/// `Node<'static>` is a tree that owns everything.
#[derive(Clone, Debug, PartialEq)]
pub enum Node<'a> {
    /// JSON `null`.
    Null,
    /// A JSON boolean.
    Bool(bool),
    /// A JSON number.
    Number(serde_json::Number),
    /// A JSON string, or the text of an XML element without child elements (`""` when empty).
    Text(Cow<'a, str>),
    /// A JSON array.
    List(Vec<Node<'a>>),
    /// A JSON object, or an XML element with child elements: entries in document order,
    /// repeated names kept.
    Map(Vec<(Cow<'a, str>, Node<'a>)>),
}

impl Node<'_> {
    /// A short name of the node's kind, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "a boolean",
            Node::Number(_) => "a number",
            Node::Text(_) => "a string",
            Node::List(_) => "an array",
            Node::Map(_) => "an object",
        }
    }

    /// True for `null` and for text that is empty or only white space (an empty XML element).
    pub fn is_empty_value(&self) -> bool {
        match self {
            Node::Null => true,
            Node::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The same tree, owning everything (for a tree that outlives its body).
    pub fn into_owned(self) -> Node<'static> {
        match self {
            Node::Null => Node::Null,
            Node::Bool(b) => Node::Bool(b),
            Node::Number(n) => Node::Number(n),
            Node::Text(t) => Node::Text(Cow::Owned(t.into_owned())),
            Node::List(items) => Node::List(items.into_iter().map(Node::into_owned).collect()),
            Node::Map(entries) => Node::Map(
                entries
                    .into_iter()
                    .map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned()))
                    .collect(),
            ),
        }
    }
}

/// Why a body could not be decoded: the format, where (a field path such as
/// `FirmwareInfo.MultiFiles[1].Size`, or a line and column), what was wrong, and a short
/// excerpt of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodeError {
    /// The format that was being decoded.
    pub format: Format,
    /// The field path or position of the problem (empty for the whole body).
    pub path: String,
    /// What was wrong.
    pub message: String,
    /// The start of the body, on one line, cut to a few dozen characters.
    pub excerpt: String,
}

impl DecodeError {
    /// An error about `body`, with the excerpt taken from it.
    pub fn new(
        format: Format,
        path: impl Into<String>,
        message: impl Into<String>,
        body: &[u8],
    ) -> Self {
        Self {
            format,
            path: path.into(),
            message: message.into(),
            excerpt: excerpt(body),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot decode the {} response", self.format)?;
        if !self.path.is_empty() {
            write!(f, " at {}", self.path)?;
        }
        write!(f, ": {} (body starts: {:?})", self.message, self.excerpt)
    }
}

impl std::error::Error for DecodeError {}

/// How many characters of a body an error shows.
const EXCERPT_CHARS: usize = 80;

/// The first characters of a body, white space folded, for error messages.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(EXCERPT_CHARS * 4)]);
    let mut out = String::new();
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.chars().count() > EXCERPT_CHARS {
        out = out.chars().take(EXCERPT_CHARS).collect();
        out.push('…');
    }
    out
}

/// Parses a whole body of `format` into a tree (the XML root element's name is dropped).
pub fn parse_body(format: Format, body: &[u8]) -> Result<Node<'_>, DecodeError> {
    match format {
        Format::Json => parse_json(body),
        Format::Xml => Ok(parse_xml(body)?.1),
    }
}

/// Decodes a whole response body of `format` into `T`.
pub fn decode_body<T: Decode>(format: Format, body: &[u8]) -> Result<T, DecodeError> {
    let node = parse_body(format, body)?;
    T::decode(node, &Path::root()).map_err(|e| DecodeError::new(format, e.path, e.message, body))
}

/// Encodes a value as a JSON body (pretty when `pretty`), with the API's own field names.
pub fn encode_json<T: Encode + ?Sized>(value: &T, pretty: bool) -> String {
    if pretty {
        to_json(&to_node(value), true)
    } else {
        encode::encode_json(value)
    }
}

/// Encodes a structure as an XML body under the root element `root` (such as
/// `QueryOTAFirmwareResponse`), in the API's shape.
pub fn encode_xml<T: EncodeFields + ?Sized>(value: &T, root: &str) -> String {
    let mut w = Writer::new(Format::Xml);
    w.document(root, |w| value.encode_fields(w));
    w.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_folds_and_cuts() {
        assert_eq!(excerpt(b"<a>\n   <b>1</b>\n</a>"), "<a> <b>1</b> </a>");
        let long = "x".repeat(500);
        let e = excerpt(long.as_bytes());
        assert_eq!(e.chars().count(), EXCERPT_CHARS + 1);
    }

    #[test]
    fn format_parses_case_insensitively() {
        assert_eq!(Format::parse("json"), Some(Format::Json));
        assert_eq!(Format::parse("XmL"), Some(Format::Xml));
        assert_eq!(Format::parse("yaml"), None);
    }
}
