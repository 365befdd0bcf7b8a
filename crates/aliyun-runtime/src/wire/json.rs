//! JSON ⇄ [`Node`], through serde_json (which also bounds nesting depth). Names and strings
//! without escapes borrow from the body; each object and array is gathered on one scratch
//! stack shared by the whole parse and moved out in one allocation of its exact size.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::{DecodeError, Format, Node};

/// Parses a JSON body into a [`Node`]. The top level must be an object.
pub fn parse_json(body: &[u8]) -> Result<Node<'_>, DecodeError> {
    let fail = |e: serde_json::Error| {
        let position = format!("line {} column {}", e.line(), e.column());
        // serde_json ends its message with the position, which the path already gives.
        let message = e.to_string();
        let message = message
            .strip_suffix(&format!(" at {position}"))
            .unwrap_or(&message)
            .to_owned();
        DecodeError::new(Format::Json, position, message, body)
    };
    // One check of the whole body is cheaper than serde_json's check of every string.
    let text = std::str::from_utf8(body).map_err(|e| {
        let message = format!("invalid UTF-8 at byte {}", e.valid_up_to());
        DecodeError::new(Format::Json, "", message, body)
    })?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let node = Node::deserialize(&mut deserializer).map_err(fail)?;
    deserializer.end().map_err(fail)?;
    match node {
        Node::Map(_) => Ok(node),
        other => Err(DecodeError::new(
            Format::Json,
            "",
            format!(
                "expected an object at the top level, found {}",
                other.kind()
            ),
            body,
        )),
    }
}

/// Writes a [`Node`] as JSON text.
pub fn to_json(node: &Node<'_>, pretty: bool) -> String {
    let written = if pretty {
        serde_json::to_string_pretty(node)
    } else {
        serde_json::to_string(node)
    };
    // A `Node` has only string keys and finite numbers, so serialising it cannot fail.
    written.unwrap_or_default()
}

impl<'de> Deserialize<'de> for Node<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut scratch = Scratch {
            // Room for a typical reply's objects, so that the stack does not grow while
            // reading one (profiled: growing from empty cost a fifth of the parse).
            entries: Vec::with_capacity(32),
            items: Vec::new(),
        };
        NodeSeed {
            scratch: &mut scratch,
        }
        .deserialize(deserializer)
    }
}

/// The entries and items of the objects and arrays being read, innermost last.
struct Scratch<'de> {
    entries: Vec<(Cow<'de, str>, Node<'de>)>,
    items: Vec<Node<'de>>,
}

/// Reads one value, gathering its entries or items on the scratch stack.
struct NodeSeed<'s, 'de> {
    scratch: &'s mut Scratch<'de>,
}

impl<'de> DeserializeSeed<'de> for NodeSeed<'_, 'de> {
    type Value = Node<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NodeSeed<'_, 'de> {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_none<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Node<'de>, E> {
        Ok(Node::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Node<'de>, E> {
        Ok(Node::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node<'de>, E> {
        serde_json::Number::from_f64(v)
            .map(Node::Number)
            .ok_or_else(|| E::custom("a number that is not finite"))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::Text(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Node<'de>, E> {
        Ok(Node::Text(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Node<'de>, E> {
        Ok(Node::Text(Cow::Owned(v)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        let start = self.scratch.items.len();
        while let Some(item) = seq.next_element_seed(NodeSeed {
            scratch: &mut *self.scratch,
        })? {
            self.scratch.items.push(item);
        }
        Ok(Node::List(self.scratch.items.drain(start..).collect()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        let start = self.scratch.entries.len();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let value = map.next_value_seed(NodeSeed {
                scratch: &mut *self.scratch,
            })?;
            self.scratch.entries.push((key, value));
        }
        Ok(Node::Map(self.scratch.entries.drain(start..).collect()))
    }
}

/// Reads an object's key, borrowed from the body unless it holds escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

impl Serialize for Node<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Null => serializer.serialize_unit(),
            Node::Bool(b) => serializer.serialize_bool(*b),
            Node::Number(n) => n.serialize(serializer),
            Node::Text(t) => serializer.serialize_str(t),
            Node::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Node::Map(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_and_keeps_order() {
        let node = parse_json(br#"{"b":1,"a":[true,null,"x",-2.5],"c":{}}"#).unwrap();
        let Node::Map(entries) = &node else {
            panic!("not a map")
        };
        let keys: Vec<&str> = entries.iter().map(|(k, _)| &**k).collect();
        assert_eq!(keys, ["b", "a", "c"]);
        assert_eq!(
            to_json(&node, false),
            r#"{"b":1,"a":[true,null,"x",-2.5],"c":{}}"#
        );
    }

    #[test]
    fn nested_containers_come_out_whole_and_in_order() {
        let text = r#"{"a":[{"x":1,"y":[2,{"z":[]}]},3],"b":{"c":{"d":null}},"e":[[],[4,5]]}"#;
        let node = parse_json(text.as_bytes()).unwrap();
        assert_eq!(to_json(&node, false), text);
    }

    #[test]
    fn strings_borrow_from_the_body_unless_escaped() {
        let node = parse_json(br#"{"plain":"text","esc\u0041ped":"a\nb"}"#).unwrap();
        let Node::Map(entries) = node else {
            panic!("not a map")
        };
        assert!(matches!(&entries[0].0, Cow::Borrowed("plain")));
        assert!(matches!(&entries[0].1, Node::Text(Cow::Borrowed("text"))));
        assert!(matches!(&entries[1].0, Cow::Owned(k) if k == "escAped"));
        assert!(matches!(&entries[1].1, Node::Text(Cow::Owned(t)) if t == "a\nb"));
    }

    #[test]
    fn invalid_utf8_is_refused_with_its_place() {
        let err = parse_json(b"{\"a\":\"\xff\"}").unwrap_err();
        assert_eq!(err.message, "invalid UTF-8 at byte 6", "{err}");
    }

    #[test]
    fn trailing_content_is_refused() {
        let err = parse_json(br#"{"a":1} x"#).unwrap_err();
        assert!(err.message.contains("trailing"), "{err}");
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let err = parse_json(b"{\n \"a\": tru }").unwrap_err();
        assert_eq!(err.path, "line 2 column 10");
        assert_eq!(err.format, Format::Json);
    }

    #[test]
    fn top_level_must_be_an_object() {
        let err = parse_json(b"[1]").unwrap_err();
        assert!(err.message.contains("found an array"), "{err}");
    }
}
