//! Encoding typed values straight to JSON or XML text, in the API's own field names and
//! value encodings. No tree is built on the way: the emulator answers every request through
//! this, and a reply used to cost more to build as a tree than to write.

use std::fmt::Write as _;

use super::{Format, Node};

/// A value that can be written as JSON or XML. Implemented by the scalars here, by every
/// generated enum, and through [`EncodeFields`] by every generated structure.
pub trait Encode {
    /// Writes the value at the writer's position.
    fn encode(&self, w: &mut Writer);
}

/// A structure: writes its fields into an object the caller opened, so that a reply's
/// envelope fields can come first in the same object.
pub trait EncodeFields {
    /// Writes each present field with [`Writer::field`] and its siblings.
    fn encode_fields(&self, w: &mut Writer);
}

impl<T: EncodeFields + ?Sized> Encode for T {
    fn encode(&self, w: &mut Writer) {
        w.object(|w| self.encode_fields(w));
    }
}

impl Encode for str {
    fn encode(&self, w: &mut Writer) {
        w.text(self);
    }
}

impl Encode for String {
    fn encode(&self, w: &mut Writer) {
        w.text(self);
    }
}

impl Encode for i64 {
    fn encode(&self, w: &mut Writer) {
        w.int(*self);
    }
}

impl Encode for bool {
    fn encode(&self, w: &mut Writer) {
        w.out.push_str(if *self { "true" } else { "false" });
    }
}

impl Encode for jiff::Timestamp {
    /// UTC with milliseconds, as the API writes it: `2019-12-28T02:42:22.000Z`.
    fn encode(&self, w: &mut Writer) {
        let t = jiff::tz::Offset::UTC.to_datetime(*self);
        if !(0..=9999).contains(&t.year()) {
            w.text(&self.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string());
            return;
        }
        let mut text = [0u8; 24];
        let mut at = 0;
        let mut digits = |value: i32, width: u32, then: u8| {
            for i in (0..width).rev() {
                let digit = (value / 10i32.pow(i)) % 10;
                text[at] = b'0' + u8::try_from(digit).unwrap_or(0);
                at += 1;
            }
            text[at] = then;
            at += 1;
        };
        digits(t.year().into(), 4, b'-');
        digits(t.month().into(), 2, b'-');
        digits(t.day().into(), 2, b'T');
        digits(t.hour().into(), 2, b':');
        digits(t.minute().into(), 2, b':');
        digits(t.second().into(), 2, b'.');
        digits(t.subsec_nanosecond() / 1_000_000, 3, b'Z');
        w.text(std::str::from_utf8(&text).unwrap_or_default());
    }
}

/// Writes JSON or XML text. JSON objects and arrays are opened and closed here; in XML a
/// field is an element and a structure is its child elements, as the API writes them.
#[derive(Debug)]
pub struct Writer {
    out: String,
    format: Format,
}

impl Writer {
    /// An empty writer of `format`.
    pub fn new(format: Format) -> Self {
        Self {
            out: String::with_capacity(1024),
            format,
        }
    }

    /// The format being written.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The text written.
    pub fn into_string(self) -> String {
        self.out
    }

    /// A whole document: in JSON an object holding what `fields` writes; in XML the
    /// declaration and a `root` element around it.
    pub fn document(&mut self, root: &str, fields: impl FnOnce(&mut Self)) {
        match self.format {
            Format::Json => self.object(fields),
            Format::Xml => {
                self.out
                    .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
                self.element(root, fields);
            }
        }
    }

    /// A structure whose fields `fields` writes: braces in JSON, nothing around them in XML.
    pub fn object(&mut self, fields: impl FnOnce(&mut Self)) {
        match self.format {
            Format::Json => {
                self.out.push('{');
                fields(self);
                self.out.push('}');
            }
            Format::Xml => fields(self),
        }
    }

    /// A field of the structure being written.
    pub fn field<T: Encode + ?Sized>(&mut self, name: &str, value: &T) {
        match self.format {
            Format::Json => {
                self.separate();
                json_string(&mut self.out, name);
                self.out.push(':');
                value.encode(self);
            }
            Format::Xml => self.element(name, |w| value.encode(w)),
        }
    }

    /// A field that is written only when set.
    pub fn field_opt<T: Encode>(&mut self, name: &str, value: &Option<T>) {
        if let Some(value) = value {
            self.field(name, value);
        }
    }

    /// A list field, left out when empty (as the API does): a JSON array, or in XML a
    /// wrapper holding one `item_name` element per item (`<MultiFiles><OtaPackageFileDTO>…`).
    /// A `wrapped` list is an object in JSON too: `{"SimpleOTAJobInfo": [...]}`.
    pub fn field_list<T: Encode>(&mut self, name: &str, items: &[T], item: &str, wrapped: bool) {
        if items.is_empty() {
            return;
        }
        match self.format {
            Format::Json if wrapped => {
                self.field(name, &Wrapped { item, items });
            }
            Format::Json => self.field(name, items),
            Format::Xml => self.element(name, |w| {
                for value in items {
                    w.element(item, |w| value.encode(w));
                }
            }),
        }
    }

    /// A string value.
    pub fn text(&mut self, text: &str) {
        match self.format {
            Format::Json => json_string(&mut self.out, text),
            Format::Xml => super::xml::write_text(&mut self.out, text),
        }
    }

    /// An integer value.
    pub fn int(&mut self, value: i64) {
        let _ = write!(self.out, "{value}");
    }

    /// `<name>…</name>`.
    fn element(&mut self, name: &str, content: impl FnOnce(&mut Self)) {
        self.out.push('<');
        self.out.push_str(name);
        self.out.push('>');
        content(self);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// The comma before a JSON member or item that is not the first.
    fn separate(&mut self) {
        if !matches!(self.out.as_bytes().last(), None | Some(b'{' | b'[')) {
            self.out.push(',');
        }
    }
}

/// A JSON array (the XML shapes of lists are written by [`Writer::field_list`]).
impl<T: Encode> Encode for [T] {
    fn encode(&self, w: &mut Writer) {
        w.out.push('[');
        for item in self {
            w.separate();
            item.encode(w);
        }
        w.out.push(']');
    }
}

/// The JSON object around a wrapped list.
struct Wrapped<'a, T> {
    item: &'a str,
    items: &'a [T],
}

impl<T: Encode> EncodeFields for Wrapped<'_, T> {
    fn encode_fields(&self, w: &mut Writer) {
        w.field(self.item, self.items);
    }
}

/// `text` as a JSON string, escaped as serde_json escapes it (quote, backslash and control
/// characters; everything else as it is).
fn json_string(out: &mut String, text: &str) {
    out.push('"');
    let mut rest = text;
    // Runs of plain bytes are copied whole: API strings (URLs, IDs) rarely need an escape.
    while let Some(at) = rest.bytes().position(|b| ESCAPED[usize::from(b)]) {
        let (plain, tail) = rest.split_at(at);
        out.push_str(plain);
        let mut chars = tail.chars();
        match chars.next() {
            Some('"') => out.push_str("\\\""),
            Some('\\') => out.push_str("\\\\"),
            Some('\n') => out.push_str("\\n"),
            Some('\r') => out.push_str("\\r"),
            Some('\t') => out.push_str("\\t"),
            Some('\u{8}') => out.push_str("\\b"),
            Some('\u{c}') => out.push_str("\\f"),
            Some(control) => {
                let _ = write!(out, "\\u{:04x}", u32::from(control));
            }
            None => {}
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
    out.push('"');
}

/// The bytes a JSON string escapes: control characters, `"` and `\\` (a table: the scan for
/// them is the hot loop of writing a reply).
static ESCAPED: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// A value as JSON text.
pub fn encode_json<T: Encode + ?Sized>(value: &T) -> String {
    let mut w = Writer::new(Format::Json);
    value.encode(&mut w);
    w.into_string()
}

/// A value as a JSON-shaped [`Node`], for code that walks the fields (tables, checks).
pub fn to_node<T: Encode + ?Sized>(value: &T) -> Node<'static> {
    // The text was just written by `Writer`, so it parses.
    serde_json::from_str::<Node<'_>>(&encode_json(value))
        .map(Node::into_owned)
        .unwrap_or(Node::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Item {
        name: String,
        size: Option<i64>,
    }

    impl EncodeFields for Item {
        fn encode_fields(&self, w: &mut Writer) {
            w.field("Name", &self.name);
            w.field_opt("Size", &self.size);
        }
    }

    struct Doc {
        items: Vec<Item>,
        wrapped: bool,
    }

    impl EncodeFields for Doc {
        fn encode_fields(&self, w: &mut Writer) {
            w.field("Ok", &true);
            w.field_list("Items", &self.items, "Item", self.wrapped);
        }
    }

    fn doc(wrapped: bool) -> Doc {
        let item = |name: &str, size| Item {
            name: name.into(),
            size,
        };
        Doc {
            items: vec![item("a\"<&\n\u{1}é", Some(1)), item("b", None)],
            wrapped,
        }
    }

    fn write(format: Format, value: &Doc) -> String {
        let mut w = Writer::new(format);
        w.document("R", |w| value.encode_fields(w));
        w.into_string()
    }

    #[test]
    fn json_matches_serde_json() {
        let written = write(Format::Json, &doc(false));
        // What the tree-based writer (serde_json) makes of the same document.
        let parsed: Node = serde_json::from_str(&written).unwrap();
        assert_eq!(super::super::to_json(&parsed, false), written);
        assert_eq!(
            written,
            r#"{"Ok":true,"Items":[{"Name":"a\"<&\n\u0001é","Size":1},{"Name":"b"}]}"#
        );
        assert_eq!(
            write(Format::Json, &doc(true)),
            r#"{"Ok":true,"Items":{"Item":[{"Name":"a\"<&\n\u0001é","Size":1},{"Name":"b"}]}}"#
        );
    }

    #[test]
    fn xml_lists_repeat_their_item_element() {
        let expected = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><R><Ok>true</Ok><Items>\
                        <Item><Name><![CDATA[a\"<&\n\u{1}é]]></Name><Size>1</Size></Item>\
                        <Item><Name>b</Name></Item></Items></R>";
        assert_eq!(write(Format::Xml, &doc(false)), expected);
        assert_eq!(write(Format::Xml, &doc(true)), expected);
    }

    #[test]
    fn empty_lists_are_left_out() {
        let empty = Doc {
            items: vec![],
            wrapped: false,
        };
        assert_eq!(write(Format::Json, &empty), r#"{"Ok":true}"#);
    }

    #[test]
    fn timestamps_keep_milliseconds() {
        for (given, written) in [
            ("2019-12-28T02:42:22Z", "\"2019-12-28T02:42:22.000Z\""),
            (
                "2026-01-05T23:59:09.123456Z",
                "\"2026-01-05T23:59:09.123Z\"",
            ),
            ("0001-01-01T00:00:00Z", "\"0001-01-01T00:00:00.000Z\""),
        ] {
            let ts: jiff::Timestamp = given.parse().unwrap();
            assert_eq!(encode_json(&ts), written, "{given}");
            let strftime = ts.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
            assert_eq!(written.trim_matches('"'), strftime);
        }
    }

    #[test]
    fn nodes_read_back_what_was_written() {
        assert_eq!(
            to_node(&doc(false).items[1]),
            Node::Map(vec![("Name".into(), Node::Text("b".into()))])
        );
    }
}
