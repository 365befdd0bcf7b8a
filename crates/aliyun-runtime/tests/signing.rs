//! Property tests for the V1 signing stages: percent-encoding and canonical query.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use aliyun_runtime::signing::{canonical_query, percent_encode};
use percent_encoding::percent_decode_str;
use proptest::prelude::*;

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

fn is_upper_hex(b: u8) -> bool {
    b.is_ascii_digit() || (b'A'..=b'F').contains(&b)
}

/// `encoded` is made only of unreserved characters and `%XY` triplets with uppercase hex.
fn well_formed(encoded: &str) -> bool {
    let bytes = encoded.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if i + 2 >= bytes.len() {
                return false;
            }
            if !(is_upper_hex(bytes[i + 1]) && is_upper_hex(bytes[i + 2])) {
                return false;
            }
            i += 3;
        } else if is_unreserved(bytes[i]) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

fn decode(encoded: &str) -> String {
    percent_decode_str(encoded)
        .decode_utf8()
        .expect("valid UTF-8")
        .into_owned()
}

/// Any Unicode text, control characters included (`any::<String>()` leaves those out), with
/// ASCII over-represented so that reserved and unreserved ASCII characters mix with the rest.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            any::<char>(),
            any::<u8>().prop_map(|b| char::from(b & 0x7f))
        ],
        0..24,
    )
    .prop_map(String::from_iter)
}

/// Parameters with arbitrary Unicode names and values (names short, so that duplicates and
/// shared prefixes happen).
fn params() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec((prop_oneof![text(), "[a-cA-C~.é中]{0,3}"], text()), 0..12)
}

fn as_refs(params: &[(String, String)]) -> Vec<(&str, &str)> {
    params
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn encoding_is_well_formed(s in text()) {
        let encoded = percent_encode(&s);
        prop_assert!(well_formed(&encoded), "{:?} -> {:?}", s, encoded);
    }

    #[test]
    fn encoding_round_trips(s in text()) {
        prop_assert_eq!(decode(&percent_encode(&s)), s);
    }

    #[test]
    fn encoding_is_one_triplet_per_reserved_byte(s in text()) {
        let reserved = s.bytes().filter(|&b| !is_unreserved(b)).count();
        prop_assert_eq!(percent_encode(&s).len(), s.len() + 2 * reserved);
    }

    #[test]
    fn unreserved_chars_are_never_encoded(s in "[A-Za-z0-9._~-]*") {
        prop_assert_eq!(percent_encode(&s), s);
    }

    #[test]
    fn unreserved_chars_survive_among_others(s in text()) {
        // Every unreserved character of the input appears unchanged, in order.
        let kept: String = s.chars().filter(|c| c.is_ascii() && is_unreserved(*c as u8)).collect();
        let encoded = percent_encode(&s);
        let mut out = String::new();
        let bytes = encoded.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' { i += 3; } else { out.push(char::from(bytes[i])); i += 1; }
        }
        prop_assert_eq!(out, kept);
    }

    #[test]
    fn space_never_becomes_plus(s in "[ a+b]{0,5}", t in text()) {
        let input = format!("{s}{t}");
        let encoded = percent_encode(&input);
        prop_assert!(!encoded.contains('+'), "{:?}", encoded);
        prop_assert!(!encoded.contains(' '), "{:?}", encoded);
        prop_assert_eq!(encoded.matches("%20").count(), input.matches(' ').count());
        prop_assert_eq!(encoded.matches("%2B").count(), input.matches('+').count());
    }

    #[test]
    fn canonical_query_is_sorted_and_complete(ps in params()) {
        let query = canonical_query(&as_refs(&ps));
        let pairs: Vec<(String, String)> = if query.is_empty() {
            Vec::new()
        } else {
            query
                .split('&')
                .map(|pair| {
                    let (n, v) = pair.split_once('=').expect("name=value");
                    prop_assert!(well_formed(n) && well_formed(v), "{:?}", pair);
                    Ok((decode(n), decode(v)))
                })
                .collect::<Result<_, TestCaseError>>()?
        };
        // Sorted by name in byte order, then by value.
        for w in pairs.windows(2) {
            let a = (w[0].0.as_bytes(), w[0].1.as_bytes());
            let b = (w[1].0.as_bytes(), w[1].1.as_bytes());
            prop_assert!(a <= b, "{:?} before {:?}", w[0], w[1]);
        }
        // Exactly the input parameters, each once.
        let mut expected = ps.clone();
        expected.sort();
        let mut got = pairs;
        got.sort();
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn canonical_query_ignores_input_order(
        (ps, shuffled) in params().prop_flat_map(|ps| (Just(ps.clone()), Just(ps).prop_shuffle()))
    ) {
        prop_assert_eq!(canonical_query(&as_refs(&ps)), canonical_query(&as_refs(&shuffled)));
    }
}
