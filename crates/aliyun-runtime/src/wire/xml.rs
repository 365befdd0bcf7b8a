//! XML ⇄ [`Node`]: an element with child elements becomes a map (repeated names kept, in
//! document order), any other element its text. Attributes, comments, processing
//! instructions and the XML declaration are ignored.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;

use super::{DecodeError, Format, Node};

/// Deeper nesting than this is refused: no Alibaba response comes close, a hostile one could.
const MAX_DEPTH: usize = 64;

/// An element being read: its name, its children so far and its text so far.
struct Open {
    name: String,
    children: Vec<(Cow<'static, str>, Node<'static>)>,
    text: String,
    /// Whether the text holds CDATA: white space around a CDATA section is layout.
    cdata: bool,
}

impl Open {
    fn new(name: String) -> Self {
        Self {
            name,
            children: Vec::new(),
            text: String::new(),
            cdata: false,
        }
    }

    fn into_node(self) -> (String, Node<'static>) {
        let node = if self.children.is_empty() {
            Node::Text(self.text.into())
        } else {
            Node::Map(self.children)
        };
        (self.name, node)
    }
}

/// Parses an XML body into its root element's name and content.
pub fn parse_xml(body: &[u8]) -> Result<(String, Node<'static>), DecodeError> {
    let fail = |path: String, message: String| DecodeError::new(Format::Xml, path, message, body);
    let text = std::str::from_utf8(body)
        .map_err(|e| fail(format!("byte {}", e.valid_up_to()), "invalid UTF-8".into()))?;
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<(String, Node<'static>)> = None;
    loop {
        let at = |reader: &Reader<&[u8]>| format!("byte {}", reader.buffer_position());
        let event = reader
            .read_event()
            .map_err(|e| fail(format!("byte {}", reader.error_position()), e.to_string()))?;
        match event {
            Event::Start(start) => {
                if root.is_some() {
                    return Err(fail(at(&reader), "content after the root element".into()));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(fail(at(&reader), format!("nested deeper than {MAX_DEPTH}")));
                }
                let name = start.local_name().as_ref().to_owned();
                stack.push(Open::new(name));
            }
            Event::Empty(start) => {
                let name = start.local_name().as_ref().to_owned();
                match stack.last_mut() {
                    Some(parent) => parent
                        .children
                        .push((name.into(), Node::Text(Cow::Borrowed("")))),
                    None if root.is_none() => root = Some((name, Node::Text(Cow::Borrowed("")))),
                    None => return Err(fail(at(&reader), "content after the root element".into())),
                }
            }
            Event::End(_) => {
                // quick-xml checks that end tags match their start tags.
                let Some(done) = stack.pop() else {
                    return Err(fail(at(&reader), "an end tag without a start tag".into()));
                };
                let (name, node) = done.into_node();
                match stack.last_mut() {
                    Some(parent) => parent.children.push((name.into(), node)),
                    None => root = Some((name, node)),
                }
            }
            Event::Text(t) => {
                if let Some(open) = stack.last_mut() {
                    if open.cdata && t.trim().is_empty() {
                        continue;
                    }
                    open.text.push_str(&t.xml10_content());
                } else if !t.trim().is_empty() {
                    return Err(fail(at(&reader), "text outside the root element".into()));
                }
            }
            Event::CData(c) => match stack.last_mut() {
                Some(open) => {
                    if open.text.trim().is_empty() {
                        open.text.clear();
                    }
                    open.cdata = true;
                    open.text.push_str(&c.xml10_content());
                }
                None => return Err(fail(at(&reader), "CDATA outside the root element".into())),
            },
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match resolve_predefined_entity(&r) {
                        Some(s) => s.to_owned(),
                        None => {
                            return Err(fail(at(&reader), format!("unknown entity &{};", &*r)));
                        }
                    },
                    Err(e) => return Err(fail(at(&reader), e.to_string())),
                };
                if let Some(open) = stack.last_mut() {
                    open.text.push_str(&resolved);
                }
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(fail(
            "end of body".into(),
            format!("element <{}> is not closed", open.name),
        ));
    }
    root.ok_or_else(|| fail(String::new(), "no root element".into()))
}

/// Writes `node` as an XML document whose root element is `root`. Text holding `&` or `<`
/// goes into CDATA, as Alibaba's services write it.
pub fn to_xml(root: &str, node: &Node<'_>) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    write_element(&mut out, root, node);
    out
}

fn write_element(out: &mut String, name: &str, node: &Node<'_>) {
    match node {
        Node::List(items) => {
            // No item name is known here: repeat the element, the other shape XML lists take.
            for item in items {
                write_element(out, name, item);
            }
            return;
        }
        Node::Null => return,
        _ => {}
    }
    out.push('<');
    out.push_str(name);
    out.push('>');
    match node {
        Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Node::Number(n) => out.push_str(&n.to_string()),
        Node::Text(t) => write_text(out, t),
        Node::Map(entries) => {
            for (key, value) in entries {
                write_element(out, key, value);
            }
        }
        Node::Null | Node::List(_) => {}
    }
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// Text content: in CDATA when it holds `&` or `<` (as Alibaba's services write it), else
/// escaped.
pub(super) fn write_text(out: &mut String, text: &str) {
    if (text.contains('&') || text.contains('<')) && !text.contains("]]>") {
        out.push_str("<![CDATA[");
        out.push_str(text);
        out.push_str("]]>");
        return;
    }
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Node<'_> {
        Node::Text(s.into())
    }

    #[test]
    fn elements_become_maps_and_text() {
        let (root, node) = parse_xml(
            b"<?xml version='1.0' encoding='UTF-8'?><R><A>1</A><B/><C></C><A>2</A><D><![CDATA[x&y]]></D><E>a&amp;b&#x41;</E></R>",
        )
        .unwrap();
        assert_eq!(root, "R");
        assert_eq!(
            node,
            Node::Map(vec![
                ("A".into(), text("1")),
                ("B".into(), text("")),
                ("C".into(), text("")),
                ("A".into(), text("2")),
                ("D".into(), text("x&y")),
                ("E".into(), text("a&bA")),
            ])
        );
    }

    #[test]
    fn layout_around_cdata_is_dropped() {
        let (_, node) = parse_xml(b"<R><U>\n  <![CDATA[a&b]]>\n</U></R>").unwrap();
        assert_eq!(node, Node::Map(vec![("U".into(), text("a&b"))]));
    }

    #[test]
    fn malformed_bodies_are_errors() {
        for body in [
            &b"<R><A>1</B></R>"[..],
            b"<R><A>1</A>",
            b"",
            b"<R>&bogus;</R>",
            b"<R/><S/>",
            b"\xff\xfe",
        ] {
            let err = parse_xml(body).unwrap_err();
            assert_eq!(err.format, Format::Xml);
            assert!(!err.message.is_empty());
        }
    }

    #[test]
    fn deep_nesting_is_refused() {
        let body = "<a>".repeat(MAX_DEPTH + 1);
        let err = parse_xml(body.as_bytes()).unwrap_err();
        assert!(err.message.contains("nested deeper"), "{err}");
    }

    #[test]
    fn writes_cdata_for_ampersands_and_round_trips() {
        let node = Node::Map(vec![
            ("Url".into(), text("https://x/?a=1&b=2")),
            ("Name".into(), text("a>b")),
            ("N".into(), Node::Number(5.into())),
        ]);
        let xml = to_xml("R", &node);
        assert_eq!(
            xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><R><Url><![CDATA[https://x/?a=1&b=2]]></Url><Name>a&gt;b</Name><N>5</N></R>"
        );
        let (_, back) = parse_xml(xml.as_bytes()).unwrap();
        assert_eq!(
            back,
            Node::Map(vec![
                ("Url".into(), text("https://x/?a=1&b=2")),
                ("Name".into(), text("a>b")),
                ("N".into(), text("5")),
            ])
        );
    }
}
