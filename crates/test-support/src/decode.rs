//! Percent-decoding, written here so that it is independent of the code under test, and strict:
//! a malformed escape fails the test instead of passing through.

/// Decodes the `%XX` escapes of `text` (a `+` stays a `+`, as RFC 3986 has it); panics on a
/// malformed escape or a result that is not UTF-8.
pub fn percent_decode(text: &str) -> String {
    decode(text, false)
}

/// `a=1&b=x%20y&c` → `[("a", "1"), ("b", "x y"), ("c", "")]`, each part [`percent_decode`]d.
pub(crate) fn decode_query(query: &str) -> Vec<(String, String)> {
    decode_pairs(query, false)
}

/// As [`decode_query`], for a form body: a `+` is a space.
pub(crate) fn decode_form(body: &str) -> Vec<(String, String)> {
    decode_pairs(body, true)
}

fn decode_pairs(text: &str, plus_is_space: bool) -> Vec<(String, String)> {
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name, plus_is_space), decode(value, plus_is_space))
        })
        .collect()
}

fn decode(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
                    .unwrap_or_else(|| panic!("a malformed escape at byte {i} of {text:?}"));
                let digit = |b: u8| char::from(b).to_digit(16).unwrap_or(0) as u8;
                out.push(digit(hex[0]) << 4 | digit(hex[1]));
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|e| panic!("{text:?} is not UTF-8 decoded: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn escapes_are_decoded_and_a_plus_is_a_space_in_forms_only() {
        assert_eq!(percent_decode("a%20b+c%E6%89%AB%2a"), "a b+c扫*");
        assert_eq!(
            decode_form("X=a%20b+c%E6%89%AB%2A&Y"),
            pairs(&[("X", "a b c扫*"), ("Y", "")])
        );
        assert_eq!(
            decode_query("A=1&B=x%26y&&C&D=a+b"),
            pairs(&[("A", "1"), ("B", "x&y"), ("C", ""), ("D", "a+b")])
        );
    }

    #[test]
    fn a_malformed_escape_fails() {
        for malformed in ["%2", "%zz", "%+1", "%FF"] {
            let result = std::panic::catch_unwind(|| percent_decode(malformed));
            assert!(result.is_err(), "{malformed:?} decoded");
        }
    }
}
