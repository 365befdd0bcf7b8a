//! Encoding typed values into a [`Node`], in the API's own field names and value encodings.

use super::{Format, Node};

/// A value that can be written as JSON or XML. Implemented by the scalars here and by every
/// generated structure and enum.
pub trait Encode {
    /// The value as a tree for `format` (lists take a different shape in XML).
    fn encode(&self, format: Format) -> Node;
}

impl Encode for String {
    fn encode(&self, _: Format) -> Node {
        Node::Text(self.clone())
    }
}

impl Encode for i64 {
    fn encode(&self, _: Format) -> Node {
        Node::Number((*self).into())
    }
}

impl Encode for bool {
    fn encode(&self, _: Format) -> Node {
        Node::Bool(*self)
    }
}

impl Encode for jiff::Timestamp {
    /// UTC with milliseconds, as the API writes it: `2019-12-28T02:42:22.000Z`.
    fn encode(&self, _: Format) -> Node {
        Node::Text(self.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
    }
}

/// A list field's value: a JSON array, or in XML a wrapper holding one `item_name` element
/// per item (`<MultiFiles><OtaPackageFileDTO>...</OtaPackageFileDTO></MultiFiles>`).
pub fn list_node<T: Encode>(items: &[T], item_name: &str, format: Format) -> Node {
    match format {
        Format::Json => Node::List(items.iter().map(|i| i.encode(format)).collect()),
        Format::Xml => Node::Map(
            items
                .iter()
                .map(|i| (item_name.to_owned(), i.encode(format)))
                .collect(),
        ),
    }
}

/// Adds a present field to a structure's entries.
pub fn put<T: Encode>(entries: &mut Vec<(String, Node)>, name: &str, value: &T, format: Format) {
    entries.push((name.to_owned(), value.encode(format)));
}

/// Adds an optional field to a structure's entries when it is set.
pub fn put_opt<T: Encode>(
    entries: &mut Vec<(String, Node)>,
    name: &str,
    value: &Option<T>,
    format: Format,
) {
    if let Some(value) = value {
        put(entries, name, value, format);
    }
}

/// Adds a list field to a structure's entries when it has items (the API omits empty lists).
/// `wrapped` lists are objects in JSON too: `{"SimpleOTAJobInfo": [...]}`.
pub fn put_list<T: Encode>(
    entries: &mut Vec<(String, Node)>,
    name: &str,
    items: &[T],
    item_name: &str,
    wrapped: bool,
    format: Format,
) {
    if items.is_empty() {
        return;
    }
    let list = list_node(items, item_name, format);
    let value = match (wrapped, format) {
        (true, Format::Json) => Node::Map(vec![(item_name.to_owned(), list)]),
        _ => list,
    };
    entries.push((name.to_owned(), value));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_keep_milliseconds() {
        let ts: jiff::Timestamp = "2019-12-28T02:42:22Z".parse().unwrap();
        assert_eq!(
            ts.encode(Format::Json),
            Node::Text("2019-12-28T02:42:22.000Z".into())
        );
    }

    #[test]
    fn lists_take_each_format_shape() {
        let items = vec![1i64, 2];
        assert_eq!(
            list_node(&items, "I", Format::Json),
            Node::List(vec![Node::Number(1.into()), Node::Number(2.into())])
        );
        assert_eq!(
            list_node(&items, "I", Format::Xml),
            Node::Map(vec![
                ("I".into(), Node::Number(1.into())),
                ("I".into(), Node::Number(2.into()))
            ])
        );
    }
}
