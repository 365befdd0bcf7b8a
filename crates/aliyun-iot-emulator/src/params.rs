//! Request parameters: `application/x-www-form-urlencoded` decoding of the query and the body,
//! strict about malformed input.

use std::borrow::Cow;
use std::fmt;

use aliyun_runtime::wire::Format;

/// How much of a hostile name or value an error message repeats.
const ECHO_CHARS: usize = 64;

/// Why a query or form body could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ParamError {
    /// A `%` not followed by two hex digits.
    BadPercent { place: &'static str, pair: String },
    /// The decoded bytes are not UTF-8.
    NotUtf8 { place: &'static str, pair: String },
    /// `=value` with no name.
    EmptyName { place: &'static str },
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamError::BadPercent { place, pair } => write!(
                f,
                "The {place} has a malformed percent-encoding (a % not followed by two hex digits) in {pair:?}."
            ),
            ParamError::NotUtf8 { place, pair } => write!(
                f,
                "The {place} has a parameter that is not valid UTF-8 once decoded: {pair:?}."
            ),
            ParamError::EmptyName { place } => {
                write!(f, "The {place} has a parameter with an empty name.")
            }
        }
    }
}

/// The first `max` characters of `text`, control characters replaced, for repeating
/// client input in messages and logs.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let mut out: String = text
        .chars()
        .take(max)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// The start of a raw pair, lossily decoded as text, for error messages.
fn echo(raw: &[u8]) -> String {
    // A character takes at most 4 bytes, so the cut keeps at least `ECHO_CHARS` of them.
    shorten(
        &String::from_utf8_lossy(&raw[..raw.len().min(ECHO_CHARS * 4)]),
        ECHO_CHARS,
    )
}

/// The value of a hex digit.
fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes one name or value: `+` is a space, `%XY` a byte; anything else is kept (and
/// borrowed). `None` for a `%` not followed by two hex digits.
fn decode_bytes(raw: &[u8]) -> Option<Cow<'_, [u8]>> {
    if !raw.iter().any(|&b| b == b'%' || b == b'+') {
        return Some(Cow::Borrowed(raw));
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hi = raw.get(i + 1).copied().and_then(hex)?;
                let lo = raw.get(i + 2).copied().and_then(hex)?;
                out.push(hi << 4 | lo);
                i += 2;
            }
            other => out.push(other),
        }
        i += 1;
    }
    Some(Cow::Owned(out))
}

/// Decodes a query string or form body into `(name, value)` pairs, in order. Empty segments
/// (`a=1&&b=2`, a trailing `&`) are skipped; a segment without `=` is a name with an empty
/// value; empty values are kept. `place` names the source in errors (`query string`,
/// `request body`). What holds no escape is borrowed from `raw`.
pub(crate) fn parse_pairs<'a>(
    raw: &'a [u8],
    place: &'static str,
) -> Result<Vec<Pair<'a>>, ParamError> {
    // Sized once (a V1 request has a dozen pairs): growing it was 1% of the request.
    let mut pairs = Vec::with_capacity(raw.iter().filter(|&&b| b == b'&').count() + 1);
    for segment in raw.split(|&b| b == b'&') {
        if segment.is_empty() {
            continue;
        }
        let (name, value) = match segment.iter().position(|&b| b == b'=') {
            Some(eq) => (&segment[..eq], &segment[eq + 1..]),
            None => (segment, &b""[..]),
        };
        if name.is_empty() {
            return Err(ParamError::EmptyName { place });
        }
        let decode = |part: &'a [u8]| -> Result<Cow<'a, str>, ParamError> {
            let bytes = decode_bytes(part).ok_or_else(|| ParamError::BadPercent {
                place,
                pair: echo(segment),
            })?;
            let not_utf8 = |_| ParamError::NotUtf8 {
                place,
                pair: echo(segment),
            };
            match bytes {
                Cow::Borrowed(bytes) => std::str::from_utf8(bytes).map(Cow::Borrowed),
                Cow::Owned(bytes) => String::from_utf8(bytes)
                    .map(Cow::Owned)
                    .map_err(|e| e.utf8_error()),
            }
            .map_err(not_utf8)
        };
        pairs.push((decode(name)?, decode(value)?));
    }
    Ok(pairs)
}

/// The `Format` a raw query or body asks for, read leniently (for answering in the right
/// format even when the parameters as a whole cannot be decoded). `None` if absent or
/// unreadable.
pub(crate) fn sniff_format(raw: &[u8]) -> Option<Format> {
    raw.split(|&b| b == b'&').find_map(|segment| {
        let value = segment.strip_prefix(b"Format=")?;
        let decoded = decode_bytes(value)?;
        Format::parse(std::str::from_utf8(&decoded).ok()?)
    })
}

/// A decoded `name=value` pair, borrowed from the request where nothing was escaped.
pub(crate) type Pair<'a> = (Cow<'a, str>, Cow<'a, str>);

/// The decoded parameters of a request (query and form body merged).
#[derive(Debug, Default)]
pub(crate) struct Params<'a> {
    pairs: Vec<Pair<'a>>,
}

impl<'a> Params<'a> {
    /// Wraps decoded pairs.
    pub(crate) fn new(pairs: Vec<Pair<'a>>) -> Self {
        Self { pairs }
    }

    /// The first name that appears more than once, if any.
    pub(crate) fn duplicate(&self) -> Option<&str> {
        let mut names: Vec<&str> = self.pairs.iter().map(|(n, _)| &**n).collect();
        names.sort_unstable();
        names.windows(2).find(|w| w[0] == w[1]).map(|w| w[0])
    }

    /// The value of `name`, if present and not empty.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| &**v)
            .filter(|v| !v.is_empty())
    }

    /// The first `n` pairs (those of the query, when a form body's follow).
    pub(crate) fn first(&self, n: usize) -> &[Pair<'a>] {
        self.pairs.get(..n).unwrap_or(&self.pairs)
    }

    /// The pairs.
    pub(crate) fn into_pairs(self) -> Vec<Pair<'a>> {
        self.pairs
    }

    /// Every parameter except `Signature`, as the signature covers them.
    pub(crate) fn signed(&self) -> Vec<(&str, &str)> {
        self.pairs
            .iter()
            .filter(|(n, _)| n != "Signature")
            .map(|(n, v)| (&**n, &**v))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(raw: &str) -> Vec<Pair<'_>> {
        parse_pairs(raw.as_bytes(), "query string").unwrap()
    }

    fn p<'a>(n: &'a str, v: &'a str) -> Pair<'a> {
        (n.into(), v.into())
    }

    #[test]
    fn decodes_plus_percent_and_empty_values() {
        assert_eq!(
            pairs("A=a+b%20c&SignatureType=&&flag&B=%E4%B8%AD%2B&"),
            vec![
                p("A", "a b c"),
                p("SignatureType", ""),
                p("flag", ""),
                p("B", "中+"),
            ]
        );
        assert_eq!(pairs("a=b=c"), vec![p("a", "b=c")]);
        assert!(pairs("").is_empty());
    }

    #[test]
    fn refuses_malformed_input() {
        for raw in ["A=%", "A=%4", "A=%ZZ", "A%G0=1", "A=%4g"] {
            let err = parse_pairs(raw.as_bytes(), "query string").unwrap_err();
            assert!(matches!(err, ParamError::BadPercent { .. }), "{raw}: {err}");
        }
        let err = parse_pairs(b"A=%FF%FE", "request body").unwrap_err();
        assert!(matches!(err, ParamError::NotUtf8 { .. }), "{err}");
        assert!(err.to_string().contains("request body"));
        let err = parse_pairs(b"A=\xff", "request body").unwrap_err();
        assert!(matches!(err, ParamError::NotUtf8 { .. }), "{err}");
        let err = parse_pairs(b"=x", "query string").unwrap_err();
        assert_eq!(
            err,
            ParamError::EmptyName {
                place: "query string"
            }
        );
    }

    #[test]
    fn error_messages_cut_hostile_input() {
        let long = format!("A={}%ZZ", "x".repeat(10_000));
        let err = parse_pairs(long.as_bytes(), "query string").unwrap_err();
        assert!(err.to_string().len() < 300, "{err}");
        let err = parse_pairs(b"A=\x01%ZZ", "query string").unwrap_err();
        assert!(!err.to_string().contains('\u{1}'));
    }

    #[test]
    fn shorten_cuts_and_cleans() {
        assert_eq!(shorten("abc", 5), "abc");
        assert_eq!(shorten("abcdef", 3), "abc…");
        assert_eq!(shorten("a\nb", 5), "a?b");
    }

    #[test]
    fn sniffs_the_format() {
        assert_eq!(sniff_format(b"a=%ZZ&Format=json"), Some(Format::Json));
        assert_eq!(sniff_format(b"Format=XML&Format=JSON"), Some(Format::Xml));
        assert_eq!(sniff_format(b"Format=yaml"), None);
        assert_eq!(sniff_format(b"XFormat=JSON"), None);
    }

    #[test]
    fn params_lookup() {
        let params = Params::new(vec![
            p("B", "2"),
            p("Signature", "s"),
            p("A", ""),
            p("C", "3"),
        ]);
        assert_eq!(params.get("B"), Some("2"));
        assert_eq!(params.get("A"), None);
        assert_eq!(params.duplicate(), None);
        assert_eq!(params.signed(), vec![("B", "2"), ("A", ""), ("C", "3")]);
        let dup = Params::new(vec![p("X", "1"), p("Y", "1"), p("X", "2")]);
        assert_eq!(dup.duplicate(), Some("X"));
    }
}
