//! Decoding a [`Node`] into typed values: the building blocks generated code calls.

use std::borrow::Cow;
use std::fmt;

use super::Node;

/// Where a value sits in a body, such as `FirmwareInfo.MultiFiles[1].Size`. Built on the
/// stack as decoding descends; rendered to text only when an error needs it.
#[derive(Clone, Copy, Debug)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

#[derive(Clone, Copy, Debug)]
enum Segment<'a> {
    Root,
    Field(&'a str),
    Index(usize),
}

impl<'a> Path<'a> {
    /// The whole body.
    pub fn root() -> Path<'static> {
        Path {
            parent: None,
            segment: Segment::Root,
        }
    }

    /// The field `name` below this path.
    pub fn field(&'a self, name: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Field(name),
        }
    }

    /// The list item `index` below this path.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }

    /// An error at this path.
    pub fn error(&self, message: impl Into<String>) -> FieldError {
        FieldError {
            path: self.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(parent) = self.parent {
            parent.fmt(f)?;
        }
        match self.segment {
            Segment::Root => Ok(()),
            Segment::Field(name)
                if matches!(self.parent.map(|p| p.segment), Some(Segment::Root)) =>
            {
                f.write_str(name)
            }
            Segment::Field(name) => write!(f, ".{name}"),
            Segment::Index(i) => write!(f, "[{i}]"),
        }
    }
}

/// A decoding failure inside a body: the field path and what was wrong. The caller adds the
/// format and an excerpt of the body (see [`super::DecodeError`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field path, such as `FirmwareInfo.Status`.
    pub path: String,
    /// What was wrong.
    pub message: String,
}

/// A value that can be read from a [`Node`]. Implemented by the scalars here and by every
/// generated structure and enum.
pub trait Decode: Sized {
    /// Reads a present value.
    fn decode(node: Node<'_>, path: &Path<'_>) -> Result<Self, FieldError>;

    /// Reads an optional value: `null` and an empty XML element mean absent.
    fn decode_optional(node: Node<'_>, path: &Path<'_>) -> Result<Option<Self>, FieldError> {
        if node.is_empty_value() {
            Ok(None)
        } else {
            Self::decode(node, path).map(Some)
        }
    }
}

/// Reads a required field's value: only `null` counts as absent, so an empty element is read
/// as the type's own empty value (`<Owner/>` is an owner with no fields) or refused.
pub fn decode_required<T: Decode>(
    node: Node<'_>,
    path: &Path<'_>,
) -> Result<Option<T>, FieldError> {
    match node {
        Node::Null => Ok(None),
        n => T::decode(n, path).map(Some),
    }
}

impl Decode for String {
    fn decode(node: Node<'_>, path: &Path<'_>) -> Result<Self, FieldError> {
        match node {
            Node::Text(t) => Ok(t.into_owned()),
            Node::Number(n) => Ok(n.to_string()),
            Node::Bool(b) => Ok(b.to_string()),
            other => Err(path.error(format!("expected a string, found {}", other.kind()))),
        }
    }

    /// An empty string is a value (`SrcVersion` is `""` for full packages): only `null` is absent.
    fn decode_optional(node: Node<'_>, path: &Path<'_>) -> Result<Option<Self>, FieldError> {
        decode_required(node, path)
    }
}

impl Decode for i64 {
    fn decode(node: Node<'_>, path: &Path<'_>) -> Result<Self, FieldError> {
        match &node {
            Node::Number(n) => n
                .as_i64()
                .or_else(|| {
                    n.as_f64()
                        .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                        .map(|f| f as i64)
                })
                .ok_or_else(|| path.error(format!("expected a 64-bit integer, found {n}"))),
            Node::Text(t) => t
                .trim()
                .parse()
                .map_err(|_| path.error(format!("expected an integer, found {t:?}"))),
            other => Err(path.error(format!("expected an integer, found {}", other.kind()))),
        }
    }
}

impl Decode for bool {
    fn decode(node: Node<'_>, path: &Path<'_>) -> Result<Self, FieldError> {
        match &node {
            Node::Bool(b) => Ok(*b),
            Node::Text(t) => match t.trim() {
                s if s.eq_ignore_ascii_case("true") || s == "1" => Ok(true),
                s if s.eq_ignore_ascii_case("false") || s == "0" => Ok(false),
                _ => Err(path.error(format!("expected a boolean, found {t:?}"))),
            },
            Node::Number(n) if n.as_u64() == Some(1) => Ok(true),
            Node::Number(n) if n.as_u64() == Some(0) => Ok(false),
            other => Err(path.error(format!("expected a boolean, found {}", other.kind()))),
        }
    }
}

impl Decode for jiff::Timestamp {
    /// An RFC 3339 UTC time (`2019-12-28T02:42:22.000Z`), or milliseconds since the epoch.
    fn decode(node: Node<'_>, path: &Path<'_>) -> Result<Self, FieldError> {
        match &node {
            Node::Text(t) => t
                .trim()
                .parse()
                .map_err(|e| path.error(format!("expected a UTC timestamp, found {t:?} ({e})"))),
            Node::Number(n) => n
                .as_i64()
                .and_then(|ms| jiff::Timestamp::from_millisecond(ms).ok())
                .ok_or_else(|| path.error(format!("expected a timestamp, found {n}"))),
            other => Err(path.error(format!("expected a timestamp, found {}", other.kind()))),
        }
    }
}

/// Decodes an optional field into its slot (generated decoders call this once per field).
pub fn decode_into<T: Decode>(
    slot: &mut Option<T>,
    node: Node<'_>,
    path: &Path<'_>,
) -> Result<(), FieldError> {
    *slot = T::decode_optional(node, path)?;
    Ok(())
}

/// The entries of a structure: an object, or nothing for `null` and an empty XML element.
#[allow(clippy::type_complexity)] // the entries of a `Node::Map`, as they are
pub fn struct_entries<'a>(
    node: Node<'a>,
    path: &Path<'_>,
) -> Result<Vec<(Cow<'a, str>, Node<'a>)>, FieldError> {
    match node {
        Node::Map(entries) => Ok(entries),
        n if n.is_empty_value() => Ok(Vec::new()),
        other => Err(path.error(format!("expected an object, found {}", other.kind()))),
    }
}

/// A required field's value, or an error naming the missing field.
pub fn required<T>(value: Option<T>, path: &Path<'_>, field: &str) -> Result<T, FieldError> {
    value.ok_or_else(|| path.field(field).error("required field is missing"))
}

/// Adds the items of a list field to `out`, whatever shape the list came in:
/// a JSON array; a wrapper holding entries named `item_name` (`{"Item": [...]}` in JSON,
/// `<List><Item/>...</List>` in XML; other entries beside them are ignored); or a single
/// object (a one-element list in JSON, or one of repeated `<List>` siblings holding the
/// fields directly in XML: each sibling adds its item). `null`, empty elements, empty
/// objects and `null` items add nothing.
pub fn decode_list_into<T: Decode>(
    out: &mut Vec<T>,
    node: Node<'_>,
    path: &Path<'_>,
    item_name: &str,
) -> Result<(), FieldError> {
    match node {
        Node::List(items) => push_items(out, items, path),
        Node::Map(entries) if entries.iter().any(|(k, _)| k == item_name) => {
            for (_, value) in entries.into_iter().filter(|(k, _)| k == item_name) {
                match value {
                    Node::List(items) => push_items(out, items, path)?,
                    one => push_items(out, [one], path)?,
                }
            }
            Ok(())
        }
        Node::Map(entries) if entries.is_empty() => Ok(()),
        one => push_items(out, [one], path),
    }
}

fn push_items<'a, T: Decode>(
    out: &mut Vec<T>,
    items: impl IntoIterator<Item = Node<'a>>,
    path: &Path<'_>,
) -> Result<(), FieldError> {
    for item in items.into_iter().filter(|item| !item.is_empty_value()) {
        let value = T::decode(item, &path.index(out.len()))?;
        out.push(value);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Node<'_> {
        Node::Text(s.into())
    }

    #[test]
    fn paths_render_like_field_accessors() {
        let root = Path::root();
        let a = root.field("FirmwareInfo");
        let b = a.field("MultiFiles");
        let c = b.index(1);
        let d = c.field("Size");
        assert_eq!(d.to_string(), "FirmwareInfo.MultiFiles[1].Size");
    }

    #[test]
    fn integers_accept_numbers_and_strings() {
        let p = Path::root();
        assert_eq!(i64::decode(Node::Number(924.into()), &p), Ok(924));
        assert_eq!(i64::decode(t(" -1 "), &p), Ok(-1));
        assert_eq!(i64::decode_optional(t(""), &p), Ok(None));
        assert!(
            i64::decode(t("x3"), &p)
                .unwrap_err()
                .message
                .contains("\"x3\"")
        );
        assert!(i64::decode(Node::Bool(true), &p).is_err());
        let big = serde_json::Number::from(u64::MAX);
        assert!(i64::decode(Node::Number(big), &p).is_err());
    }

    #[test]
    fn strings_keep_empty_values() {
        let p = Path::root();
        assert_eq!(String::decode_optional(t(""), &p), Ok(Some(String::new())));
        assert_eq!(String::decode_optional(Node::Null, &p), Ok(None));
        assert_eq!(String::decode(Node::Number(7.into()), &p), Ok("7".into()));
    }

    #[test]
    fn booleans_and_timestamps() {
        let p = Path::root();
        assert_eq!(bool::decode(t("true"), &p), Ok(true));
        assert_eq!(bool::decode(t("0"), &p), Ok(false));
        assert!(bool::decode(t("yes"), &p).is_err());
        let ts = jiff::Timestamp::decode(t("2019-12-28T02:42:22.000Z"), &p).unwrap();
        assert_eq!(ts.as_second(), 1_577_500_942);
        assert!(jiff::Timestamp::decode(t("2019-12-28 02:42"), &p).is_err());
    }

    #[test]
    fn lists_in_every_shape() {
        let p = Path::root();
        let one = || Node::Map(vec![("X".into(), t("1"))]);
        let decode = |node: Node| {
            let mut out: Vec<String> = Vec::new();
            let mut seen = Vec::new();
            decode_list_into(&mut seen, node, &p, "Item").map(|()| {
                out.extend(seen.iter().map(|n: &Wrapped| n.0.clone()));
                out
            })
        };
        assert_eq!(decode(Node::List(vec![one(), one()])).unwrap().len(), 2);
        assert_eq!(
            decode(Node::Map(vec![(
                "Item".into(),
                Node::List(vec![one(), one()])
            )]))
            .unwrap()
            .len(),
            2
        );
        assert_eq!(
            decode(Node::Map(vec![
                ("Item".into(), one()),
                ("Item".into(), one())
            ]))
            .unwrap()
            .len(),
            2
        );
        assert_eq!(decode(one()).unwrap().len(), 1);
        assert_eq!(decode(t("")).unwrap().len(), 0);
        // Unknown entries beside the items are ignored; empty shapes add nothing.
        let wrapped_with_count = Node::Map(vec![
            ("Item".into(), Node::List(vec![one(), one()])),
            ("TotalCount".into(), Node::Number(2.into())),
        ]);
        assert_eq!(decode(wrapped_with_count).unwrap().len(), 2);
        assert_eq!(decode(Node::Map(vec![])).unwrap().len(), 0);
        assert_eq!(
            decode(Node::Map(vec![("Item".into(), Node::Null)]))
                .unwrap()
                .len(),
            0
        );
        assert_eq!(decode(Node::List(vec![Node::Null])).unwrap().len(), 0);
        let err = decode(Node::List(vec![one(), t("oops")])).unwrap_err();
        assert_eq!(err.path, "[1]");
    }

    /// A minimal structure for the list tests.
    struct Wrapped(String);

    impl Decode for Wrapped {
        fn decode(node: Node<'_>, path: &Path<'_>) -> Result<Self, FieldError> {
            let mut x = None;
            for (k, v) in struct_entries(node, path)? {
                if k == "X" {
                    x = String::decode_optional(v, &path.field("X"))?;
                }
            }
            required(x, path, "X").map(Wrapped)
        }
    }
}
