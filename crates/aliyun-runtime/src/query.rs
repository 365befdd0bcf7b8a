//! RPC request parameters: writing typed inputs as flat `Name=value` pairs, and reading them
//! back on the server side.
//!
//! Lists are flattened 1-based as the official SDKs do ("RepeatList"): `TargetDeviceName.1`,
//! `TargetDeviceName.2`; a list of structures adds each field: `Tag.1.Key`, `Tag.1.Value`.
//! Unset optional values and empty lists are left out.

use std::borrow::Cow;
use std::fmt;

/// The parameters of one request, in the order they were written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueryWriter {
    pairs: Vec<(String, String)>,
}

impl QueryWriter {
    /// An empty parameter list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Writes `value` under `name` (flattening lists and structures below it).
    pub fn write<V: QueryValue + ?Sized>(&mut self, name: &str, value: &V) {
        value.write_query(self, name);
    }

    /// Adds one `name=value` pair as it is.
    pub fn push(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.pairs.push((name.into(), value.into()));
    }

    /// The pairs written so far.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// The pairs, owned.
    pub fn into_pairs(self) -> Vec<(String, String)> {
        self.pairs
    }
}

/// A value that can be written as request parameters: scalars as one pair, lists and
/// structures as several. Implemented here for scalars, lists and options, and by generated
/// code for enums and structures.
pub trait QueryValue {
    /// Writes the value under `name`.
    fn write_query(&self, w: &mut QueryWriter, name: &str);
}

impl QueryValue for str {
    fn write_query(&self, w: &mut QueryWriter, name: &str) {
        w.push(name, self);
    }
}

impl QueryValue for String {
    fn write_query(&self, w: &mut QueryWriter, name: &str) {
        w.push(name, self.as_str());
    }
}

impl QueryValue for i64 {
    fn write_query(&self, w: &mut QueryWriter, name: &str) {
        w.push(name, self.to_string());
    }
}

impl QueryValue for bool {
    fn write_query(&self, w: &mut QueryWriter, name: &str) {
        w.push(name, if *self { "true" } else { "false" });
    }
}

impl<T: QueryValue> QueryValue for Option<T> {
    fn write_query(&self, w: &mut QueryWriter, name: &str) {
        if let Some(value) = self {
            value.write_query(w, name);
        }
    }
}

impl<T: QueryValue> QueryValue for Vec<T> {
    /// `Name.1`, `Name.2`, … (nothing for an empty list).
    fn write_query(&self, w: &mut QueryWriter, name: &str) {
        for (i, item) in self.iter().enumerate() {
            item.write_query(w, &format!("{name}.{}", i + 1));
        }
    }
}

/// A parameter that could not be read on the server side.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum QueryError {
    /// A required parameter is absent or empty (the gateway answers `Missing<Name>`).
    Missing {
        /// The parameter's wire name (for a list, its prefix: `TargetDeviceName`).
        name: String,
    },
    /// A value does not parse as its type (the gateway answers `InvalidParameter`).
    Invalid {
        /// The parameter's wire name, such as `Tag.2.Key` or `PageSize`.
        name: String,
        /// What was expected and what came.
        message: String,
    },
}

impl QueryError {
    /// An invalid value of `name`.
    pub fn invalid(name: &str, message: impl Into<String>) -> Self {
        Self::Invalid {
            name: name.to_owned(),
            message: message.into(),
        }
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryError::Missing { name } => write!(f, "{name} is mandatory for this action."),
            QueryError::Invalid { name, message } => {
                write!(f, "The specified parameter {name} is not valid: {message}")
            }
        }
    }
}

impl std::error::Error for QueryError {}

/// The decoded parameters of a request, for reading typed inputs on the server side. Names
/// and values may borrow from the request (a server decodes only what holds escapes).
#[derive(Clone, Debug, Default)]
pub struct QueryReader<'a> {
    /// Sorted by name (a request has a dozen parameters: a sorted list beats a tree).
    params: Vec<(Cow<'a, str>, Cow<'a, str>)>,
}

impl<'a> QueryReader<'a> {
    /// The reader of these (already percent-decoded, de-duplicated) pairs.
    pub fn new<K: Into<Cow<'a, str>>, V: Into<Cow<'a, str>>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        let mut params: Vec<(Cow<'a, str>, Cow<'a, str>)> = pairs
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        params.sort_by(|a, b| a.0.cmp(&b.0));
        // Of names given twice, the last counts (as a map would keep it).
        params.reverse();
        params.dedup_by(|later, earlier| later.0 == earlier.0);
        params.reverse();
        Self { params }
    }

    /// The value of `name`, when present.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.params
            .binary_search_by(|(k, _)| (**k).cmp(name))
            .ok()
            .and_then(|i| self.params.get(i))
            .map(|(_, v)| &**v)
    }

    /// The parameters whose names start with `prefix`, in name order.
    fn starting_with<'s>(
        &'s self,
        prefix: &'s str,
    ) -> impl Iterator<Item = &'s (Cow<'a, str>, Cow<'a, str>)> {
        let from = self.params.partition_point(|(k, _)| &**k < prefix);
        self.params
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(move |(k, _)| k.starts_with(prefix))
    }

    /// Whether any parameter is named `prefix.<something>`.
    fn has_below(&self, prefix: &str) -> bool {
        self.starting_with(&format!("{prefix}.")).next().is_some()
    }

    /// Reads an optional parameter.
    pub fn read<T: FromQuery>(&self, name: &str) -> Result<Option<T>, QueryError> {
        T::read_query(self, name)
    }

    /// Reads a required parameter: absent (or, for text, empty) is [`QueryError::Missing`].
    pub fn required<T: FromQuery>(&self, name: &str) -> Result<T, QueryError> {
        match T::read_query(self, name)? {
            Some(value) => Ok(value),
            None => Err(QueryError::Missing {
                name: name.to_owned(),
            }),
        }
    }

    /// Reads a list (`name.1`, `name.2`, …), empty when absent. A gap (`name.3` without
    /// `name.2`) is refused rather than silently dropping what follows it.
    pub fn list<T: FromQuery>(&self, name: &str) -> Result<Vec<T>, QueryError> {
        let mut out = Vec::new();
        loop {
            let item = format!("{name}.{}", out.len() + 1);
            match T::read_query(self, &item)? {
                Some(value) => out.push(value),
                None => break,
            }
        }
        let start = format!("{name}.");
        let stray = self
            .starting_with(&start)
            // An empty value is absent, as for any parameter (`TaskId.1=` alone is missing).
            .filter(|(_, v)| !v.is_empty())
            .find(|(k, _)| {
                let index = k[start.len()..].split('.').next().unwrap_or_default();
                index
                    .parse::<usize>()
                    .map_or(true, |i| i == 0 || i > out.len())
            });
        if let Some((key, _)) = stray {
            return Err(QueryError::invalid(
                key,
                format!(
                    "list items are numbered from 1 without gaps, and {name}.{} is missing",
                    out.len() + 1
                ),
            ));
        }
        Ok(out)
    }

    /// Reads a required list: empty is [`QueryError::Missing`].
    pub fn required_list<T: FromQuery>(&self, name: &str) -> Result<Vec<T>, QueryError> {
        let list = self.list(name)?;
        if list.is_empty() {
            return Err(QueryError::Missing {
                name: name.to_owned(),
            });
        }
        Ok(list)
    }

    /// True when the structure at `prefix` has any field set (for reading list items).
    pub fn has_struct(&self, prefix: &str) -> bool {
        self.has_below(prefix)
    }
}

/// A value read from request parameters: the inverse of [`QueryValue`]. Implemented here for
/// scalars and by generated code (behind the SDK's `server` feature) for enums and structures.
pub trait FromQuery: Sized {
    /// The value under `name`, `None` when absent.
    fn read_query(r: &QueryReader<'_>, name: &str) -> Result<Option<Self>, QueryError>;
}

impl FromQuery for String {
    /// An empty value counts as absent, as the gateway treats it.
    fn read_query(r: &QueryReader<'_>, name: &str) -> Result<Option<Self>, QueryError> {
        Ok(r.get(name).filter(|v| !v.is_empty()).map(str::to_owned))
    }
}

impl FromQuery for i64 {
    fn read_query(r: &QueryReader<'_>, name: &str) -> Result<Option<Self>, QueryError> {
        match r.get(name).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(v) => v
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| QueryError::invalid(name, format!("{v:?} is not an integer"))),
        }
    }
}

impl FromQuery for bool {
    /// `true` or `false` in any letter case (the official Python SDK sends `True`).
    fn read_query(r: &QueryReader<'_>, name: &str) -> Result<Option<Self>, QueryError> {
        match r.get(name).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(v) if v.eq_ignore_ascii_case("true") => Ok(Some(true)),
            Some(v) if v.eq_ignore_ascii_case("false") => Ok(Some(false)),
            Some(v) => Err(QueryError::invalid(
                name,
                format!("{v:?} is not true or false"),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Tag {
        key: Option<String>,
        value: Option<String>,
    }

    impl QueryValue for Tag {
        fn write_query(&self, w: &mut QueryWriter, name: &str) {
            w.write(&format!("{name}.Key"), &self.key);
            w.write(&format!("{name}.Value"), &self.value);
        }
    }

    impl FromQuery for Tag {
        fn read_query(r: &QueryReader<'_>, name: &str) -> Result<Option<Self>, QueryError> {
            if !r.has_struct(name) {
                return Ok(None);
            }
            Ok(Some(Tag {
                key: r.read(&format!("{name}.Key"))?,
                value: r.read(&format!("{name}.Value"))?,
            }))
        }
    }

    #[test]
    fn lists_flatten_one_based() {
        let mut w = QueryWriter::new();
        w.write("FirmwareId", "f");
        w.write("TargetDeviceName", &vec!["a".to_owned(), "b".to_owned()]);
        w.write("Empty", &Vec::<String>::new());
        w.write("Unset", &None::<i64>);
        w.write("NeedPush", &false);
        w.write(
            "Tag",
            &vec![
                Tag {
                    key: Some("env".into()),
                    value: Some("prod".into()),
                },
                Tag {
                    key: Some("k".into()),
                    value: None,
                },
            ],
        );
        let pairs: Vec<(&str, &str)> = w
            .pairs()
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("FirmwareId", "f"),
                ("TargetDeviceName.1", "a"),
                ("TargetDeviceName.2", "b"),
                ("NeedPush", "false"),
                ("Tag.1.Key", "env"),
                ("Tag.1.Value", "prod"),
                ("Tag.2.Key", "k"),
            ]
        );
        // And back.
        let r = QueryReader::new(w.into_pairs());
        assert_eq!(r.list::<String>("TargetDeviceName").unwrap(), ["a", "b"]);
        let tags: Vec<Tag> = r.list("Tag").unwrap();
        assert_eq!(tags.len(), 2);
        assert_eq!(tags[1].value, None);
        assert_eq!(r.read::<bool>("NeedPush").unwrap(), Some(false));
        assert_eq!(r.list::<String>("Nothing").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn reading_names_what_is_wrong() {
        let r = QueryReader::new([
            ("PageSize", "ten"),
            ("D.1", "a"),
            ("D.3", "c"),
            ("B", "TRUE"),
            ("E", ""),
            ("X.0", "zero"),
        ]);
        assert!(matches!(
            r.read::<i64>("PageSize"),
            Err(QueryError::Invalid { name, .. }) if name == "PageSize"
        ));
        let gap = r.list::<String>("D").unwrap_err().to_string();
        assert!(
            gap.contains("D.3") && gap.contains("D.2 is missing"),
            "{gap}"
        );
        assert!(r.list::<String>("X").is_err());
        assert_eq!(r.read::<bool>("B").unwrap(), Some(true));
        assert_eq!(
            r.required::<String>("E").unwrap_err(),
            QueryError::Missing { name: "E".into() }
        );
        assert_eq!(
            r.required_list::<String>("Z").unwrap_err().to_string(),
            "Z is mandatory for this action."
        );
    }
}
