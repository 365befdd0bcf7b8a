//! RPC signature V1 (`SignatureMethod=HMAC-SHA1`, `SignatureVersion=1.0`), in pure stages
//! so that each can be tested on its own and a failure names the stage that broke:
//!
//! 1. [`canonical_query`]: sorted, RFC 3986-encoded `name=value` pairs joined with `&`;
//! 2. [`string_to_sign`]: `METHOD&%2F&` + the canonical query encoded a second time;
//! 3. [`signature`]: `Base64(HMAC-SHA1(secret + "&", string to sign))`.
//!
//! [`RpcV1Signer`] signs the request's query with the signature's own parameters: what these
//! stages compute, in one pass.

use std::cell::RefCell;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

use crate::secret::Secret;

use super::{
    SignableRequest, Signed, Signer, SigningContext, SigningKey, ascii, encode_into,
    encode_twice_into,
};

/// The parameters [`RpcV1Signer`] sets itself; copies of them in the request are ignored.
/// Public so that a verifier (such as the emulator) can check it expects the same set.
pub const V1_OWNED_PARAMS: [&str; 7] = [
    "AccessKeyId",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
    "SecurityToken",
    "Signature",
];

/// Builds the canonicalized query string: the parameters sorted by name in byte order (equal
/// names then by value, so the result does not depend on the input order), each name and value
/// encoded with [`percent_encode`](super::percent_encode), joined as `name=value` with `&`.
/// Empty values are kept.
///
/// The caller must pass every parameter that is sent (query and form body alike) **except**
/// `Signature`, which is never part of what is signed.
pub fn canonical_query(params: &[(&str, &str)]) -> String {
    sorted_query(params.to_vec())
}

/// [`canonical_query`] of `params`, sorted here.
pub(crate) fn sorted_query(mut params: Vec<(&str, &str)>) -> String {
    // `str`s order by bytes: by name, then value.
    params.sort_unstable();
    let raw = raw_len(params.iter().copied());
    let mut out = Vec::with_capacity(raw + raw / 4);
    for (i, (name, value)) in params.into_iter().enumerate() {
        if i > 0 {
            out.push(b'&');
        }
        encode_into(&mut out, name.as_bytes());
        out.push(b'=');
        encode_into(&mut out, value.as_bytes());
    }
    ascii(out)
}

/// The bytes of `params`' names and values, and two per pair (`=` and `&`).
fn raw_len<'a>(params: impl Iterator<Item = (&'a str, &'a str)>) -> usize {
    params.map(|(k, v)| k.len() + v.len() + 2).sum()
}

/// The pairs of `a` and `b`, each sorted, in order.
fn merge<'a>(
    a: impl Iterator<Item = (&'a str, &'a str)>,
    b: impl Iterator<Item = (&'a str, &'a str)>,
) -> impl Iterator<Item = (&'a str, &'a str)> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if y < x => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}

/// Builds the V1 string to sign: `<method>&%2F&<percent_encode(canonical_query)>`.
///
/// `method` is the HTTP method actually used, in uppercase (`GET` and `POST` sign
/// differently); `canonical_query` is the output of [`canonical_query`], which gets encoded a
/// second time here (so `%3A` becomes `%253A`).
pub fn string_to_sign(method: &str, canonical_query: &str) -> String {
    let mut out = Vec::with_capacity(method.len() + 5 + canonical_query.len() * 3 / 2);
    out.extend_from_slice(method.as_bytes());
    out.extend_from_slice(b"&%2F&");
    encode_into(&mut out, canonical_query.as_bytes());
    ascii(out)
}

/// The V1 string to sign of a received request's parameters (decoded, in any order, all but
/// `Signature`) under `method`: what [`canonical_query`] then [`string_to_sign`] give, in one
/// pass, for servers that verify signatures.
pub fn string_to_sign_of(method: &str, mut params: Vec<(&str, &str)>) -> String {
    params.sort_unstable();
    let raw = raw_len(params.iter().copied());
    let mut query = Vec::with_capacity(raw + raw / 4);
    let mut sts = Vec::with_capacity(method.len() + 5 + raw * 3 / 2);
    write_canonical(method, params.into_iter(), &mut query, &mut sts);
    ascii(sts)
}

/// Writes `pairs`, in the order given, as the canonical query to `query` and as the string to
/// sign of `method` to `sts`: both encodings in one pass.
fn write_canonical<'a>(
    method: &str,
    pairs: impl Iterator<Item = (&'a str, &'a str)>,
    query: &mut Vec<u8>,
    sts: &mut Vec<u8>,
) {
    sts.extend_from_slice(method.as_bytes());
    sts.extend_from_slice(b"&%2F&");
    for (i, (name, value)) in pairs.enumerate() {
        if i > 0 {
            query.push(b'&');
            sts.extend_from_slice(b"%26");
        }
        encode_twice_into(query, sts, name.as_bytes());
        query.push(b'=');
        sts.extend_from_slice(b"%3D");
        encode_twice_into(query, sts, value.as_bytes());
    }
}

/// Computes the V1 signature: `Base64(HMAC-SHA1(key = secret + "&", string_to_sign))`, in the
/// standard alphabet with padding. The result is not yet encoded for the wire: pass it through
/// [`percent_encode`](super::percent_encode) before putting it in a query or form body.
pub fn signature(secret: &str, string_to_sign: &str) -> String {
    ascii(signature_base64(secret, string_to_sign.as_bytes()).to_vec())
}

/// [`signature`] as the 28 bytes of its base64 (of the 20 of HMAC-SHA1), on the stack.
fn signature_base64(secret: &str, string_to_sign: &[u8]) -> [u8; 28] {
    // The key `secret&`, on the stack when it fits a SHA-1 block (as keys do); a longer one
    // is hashed by HMAC anyway.
    let secret = secret.as_bytes();
    let mut block = [0u8; 64];
    let digest = match block.get_mut(..=secret.len()) {
        Some(key) => {
            if let Some((amp, head)) = key.split_last_mut() {
                head.copy_from_slice(secret);
                *amp = b'&';
            }
            hmac_sha1(key, string_to_sign)
        }
        None => hmac_sha1(&[secret, b"&"].concat(), string_to_sign),
    };
    let mut out = [0u8; 28];
    // 20 bytes always make 28 base64 characters, so this cannot fail.
    let _ = BASE64.encode_slice(digest, &mut out);
    out
}

/// HMAC-SHA1 of `message` under `key`. Each thread keeps the state keyed with the last key it
/// used, so that the key's two blocks (a fifth of the hashing of a QueryOTAFirmware
/// signature) are hashed once per key rather than on every attempt.
fn hmac_sha1(key: &[u8], message: &[u8]) -> [u8; 20] {
    thread_local! {
        static LAST: RefCell<Option<(Vec<u8>, Hmac<Sha1>)>> = const { RefCell::new(None) };
    }
    // HMAC takes keys of any length, so this cannot fail; were it ever to, the zero
    // signature would be refused by the server rather than a panic here.
    let fresh = || <Hmac<Sha1> as KeyInit>::new_from_slice(key).ok();
    let cached = LAST.try_with(|last| {
        // Busy only if re-entered, which signing never is: then it is simply not used.
        let mut last = last.try_borrow_mut().ok()?;
        match &*last {
            Some((known, mac)) if known.as_slice() == key => Some(mac.clone()),
            _ => {
                let mac = fresh()?;
                *last = Some((key.to_vec(), mac.clone()));
                Some(mac)
            }
        }
    });
    cached
        .ok()
        .flatten()
        .or_else(fresh)
        .map(|mac| mac.chain_update(message).finalize().into_bytes().into())
        .unwrap_or_default()
}

/// Formats a timestamp as the `Timestamp` parameter wants it: UTC, whole seconds (the
/// fraction is dropped), `YYYY-MM-DDThh:mm:ssZ`, e.g. `2016-02-23T12:46:24Z`.
pub fn format_timestamp(t: jiff::Timestamp) -> String {
    match timestamp_text(t) {
        Some(text) => ascii(text.to_vec()),
        None => t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
    }
}

/// [`format_timestamp`] as the 20 bytes of its text for the years 0 to 9999 (what clocks
/// give); `None` for the others, which `strftime` writes.
fn timestamp_text(t: jiff::Timestamp) -> Option<[u8; 20]> {
    let secs = t.as_second();
    let (year, month, day) = civil_from_days(secs.div_euclid(86_400));
    if !(0..=9999).contains(&year) {
        return None;
    }
    // Written by hand: signing runs on every attempt, and strftime is a tenth of its cost.
    let time = secs.rem_euclid(86_400);
    let [c1, c2] = two_digits(year / 100);
    let [y1, y2] = two_digits(year % 100);
    let [mo1, mo2] = two_digits(month);
    let [d1, d2] = two_digits(day);
    let [h1, h2] = two_digits(time / 3600);
    let [mi1, mi2] = two_digits(time % 3600 / 60);
    let [s1, s2] = two_digits(time % 60);
    Some([
        c1, c2, y1, y2, b'-', mo1, mo2, b'-', d1, d2, b'T', h1, h2, b':', mi1, mi2, b':', s1, s2,
        b'Z',
    ])
}

/// The two decimal digits of `value`, which is from 0 to 99.
fn two_digits(value: i64) -> [u8; 2] {
    let value = u8::try_from(value).unwrap_or(0);
    [b'0' + value / 10, b'0' + value % 10]
}

/// The proleptic Gregorian (year, month, day) of a count of days since 1970-01-01 (Howard
/// Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// RPC signature V1 (`SignatureMethod=HMAC-SHA1`, `SignatureVersion=1.0`).
///
/// Signs the request's query parameters together with the ones this signature adds
/// (`AccessKeyId`, `SignatureMethod`, `SignatureVersion`, `SignatureNonce`, `Timestamp` and,
/// with temporary credentials, `SecurityToken`) and returns the encoded query to send: all of
/// them, with `Signature` last. The request itself is left as it is: the added parameters are
/// in [`Signed::query`] only. Copies of them (or of `Signature`) in the request are ignored, so
/// they are never sent twice. Headers and body are not signed (a form body's parameters belong
/// in the query here).
///
/// It computes what [`canonical_query`], [`string_to_sign`] and [`signature`] do, with the
/// query and the string to sign (the query encoded again) written side by side in one pass.
#[derive(Debug, Clone, Copy, Default)]
pub struct RpcV1Signer;

impl Signer for RpcV1Signer {
    fn sign(
        &self,
        request: &mut SignableRequest,
        key: &SigningKey<'_>,
        ctx: &SigningContext,
    ) -> Signed {
        let text = timestamp_text(ctx.time);
        let timestamp = match &text {
            Some(bytes) => std::str::from_utf8(bytes).unwrap_or_default(),
            None => &format_timestamp(ctx.time),
        };
        // The request's pairs, sorted (a handful, on the stack when they fit), merged with
        // this signature's own, which are in order already: fewer comparisons than sorting
        // them all.
        let pairs = request
            .query
            .iter()
            .filter(|(name, _)| !V1_OWNED_PARAMS.contains(&name.as_str()))
            .map(|(name, value)| (name.as_str(), value.as_str()));
        let mut on_stack = [("", ""); 16];
        let mut spilled = Vec::new();
        let theirs = if request.query.len() <= on_stack.len() {
            let mut n = 0;
            for (slot, pair) in on_stack.iter_mut().zip(pairs) {
                *slot = pair;
                n += 1;
            }
            &mut on_stack[..n]
        } else {
            spilled.extend(pairs);
            &mut spilled[..]
        };
        theirs.sort_unstable();
        let theirs = &*theirs;
        let own = [
            ("AccessKeyId", Some(key.access_key_id)),
            ("SecurityToken", key.security_token.map(Secret::expose)),
            ("SignatureMethod", Some("HMAC-SHA1")),
            ("SignatureNonce", Some(ctx.nonce.as_str())),
            ("SignatureVersion", Some("1.0")),
            ("Timestamp", Some(timestamp)),
        ];
        let own = own.iter().filter_map(|&(name, value)| Some((name, value?)));
        let raw = raw_len(theirs.iter().copied()) + raw_len(own.clone());
        // Room for `&Signature=` and the signature too: 28 base64 characters, 3 bytes each at
        // most once encoded.
        let mut query = Vec::with_capacity(raw + raw / 4 + 11 + 3 * 28);
        let mut sts = Vec::with_capacity(request.method.len() + 5 + raw * 3 / 2);
        write_canonical(
            &request.method,
            merge(theirs.iter().copied(), own),
            &mut query,
            &mut sts,
        );
        let sig = signature_base64(key.access_key_secret.expose(), &sts);
        if !query.is_empty() {
            query.push(b'&');
        }
        query.extend_from_slice(b"Signature=");
        encode_into(&mut query, &sig);
        Signed {
            query: ascii(query),
            // The method is a `str`, the rest ASCII.
            string_to_sign: ascii(sts),
        }
    }

    fn version(&self) -> super::SignatureVersion {
        super::SignatureVersion::V1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;
    use crate::signing::percent_encode;

    const NONCE_1: &str = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf";

    #[test]
    fn signatures_follow_the_key_as_it_changes() {
        // Each thread keeps the last key's HMAC state: a new key must not reuse it.
        let long = "k".repeat(100); // longer than a SHA-1 block: hashed first
        for secret in ["a", "testsecret", "a", &long, "testsecret", "b"] {
            let mac = <Hmac<Sha1> as KeyInit>::new_from_slice(format!("{secret}&").as_bytes())
                .unwrap()
                .chain_update(b"GET&%2F&A%3D1");
            let expected = BASE64.encode(mac.finalize().into_bytes());
            assert_eq!(signature(secret, "GET&%2F&A%3D1"), expected, "{secret}");
        }
    }

    fn ts(s: &str) -> jiff::Timestamp {
        s.parse().unwrap()
    }

    // ---- Published vector 1: ECS DescribeRegions, secret `testsecret` ----

    const V1_PARAMS: [(&str, &str); 8] = [
        ("AccessKeyId", "testid"),
        ("Action", "DescribeRegions"),
        ("Format", "XML"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", NONCE_1),
        ("SignatureVersion", "1.0"),
        ("Timestamp", "2016-02-23T12:46:24Z"),
        ("Version", "2014-05-26"),
    ];
    const V1_CANONICAL: &str = "AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26";
    const V1_STS_GET: &str = "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26";
    const V1_SIG_GET: &str = "OLeaidS1JvxuMvnyHOwuJ+uX5qY=";
    const V1_SIG_GET_WIRE: &str = "OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D";
    const V1_SIG_POST: &str = "MxbnVAM4w6sft9xjVpe/GCKueuk=";

    #[test]
    fn vector1_canonical_query() {
        assert_eq!(canonical_query(&V1_PARAMS), V1_CANONICAL);
        // Independent of input order.
        let mut reversed = V1_PARAMS;
        reversed.reverse();
        assert_eq!(canonical_query(&reversed), V1_CANONICAL);
    }

    #[test]
    fn vector1_string_to_sign() {
        assert_eq!(string_to_sign("GET", V1_CANONICAL), V1_STS_GET);
    }

    #[test]
    fn vector1_get_signature() {
        assert_eq!(signature("testsecret", V1_STS_GET), V1_SIG_GET);
    }

    #[test]
    fn vector1_post_signature() {
        let sts = string_to_sign("POST", V1_CANONICAL);
        assert_eq!(sts, V1_STS_GET.replacen("GET", "POST", 1));
        assert_eq!(signature("testsecret", &sts), V1_SIG_POST);
    }

    #[test]
    fn vector1_signature_on_the_wire() {
        assert_eq!(percent_encode(V1_SIG_GET), V1_SIG_GET_WIRE);
        assert_eq!(
            percent_encode(V1_SIG_POST),
            "MxbnVAM4w6sft9xjVpe%2FGCKueuk%3D"
        );
    }

    // ---- Published vector 2: SMS SendSms, Unicode, secret `testSecret` ----

    const V2_PARAMS: [(&str, &str); 14] = [
        ("AccessKeyId", "testId"),
        ("Action", "SendSms"),
        ("Format", "XML"),
        ("OutId", "123"),
        ("PhoneNumbers", "15300000001"),
        ("RegionId", "cn-hangzhou"),
        ("SignName", "阿里云短信测试专用"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466"),
        ("SignatureVersion", "1.0"),
        ("TemplateCode", "SMS_71390007"),
        ("TemplateParam", r#"{"customer":"test"}"#),
        ("Timestamp", "2017-07-12T02:42:19Z"),
        ("Version", "2017-05-25"),
    ];

    #[test]
    fn vector2_sms_unicode() {
        let canonical = canonical_query(&V2_PARAMS);
        assert!(canonical.contains(
            "&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8&"
        ));
        assert!(canonical.contains("&TemplateParam=%7B%22customer%22%3A%22test%22%7D&"));
        let sts = string_to_sign("GET", &canonical);
        assert!(sts.starts_with("GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26"));
        assert!(sts.contains("%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591"));
        assert_eq!(
            signature("testSecret", &sts),
            "zJDF+Lrzhj/ThnlvIToysFRq6t4="
        );
    }

    // ---- Computed vectors: IoT QueryOTAFirmware, secret `testsecret` ----

    const OTA_PARAMS: [(&str, &str); 11] = [
        ("AccessKeyId", "testid"),
        ("Action", "QueryOTAFirmware"),
        ("FirmwareId", "s8SSHiKjpBfrM3BSN0z803****"),
        ("IotInstanceId", "iot_instc_pu****_c*-v64********"),
        ("Format", "JSON"),
        ("RegionId", "cn-shanghai"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", NONCE_1),
        ("SignatureVersion", "1.0"),
        ("Timestamp", "2016-02-23T12:46:24Z"),
        ("Version", "2018-01-20"),
    ];
    const OTA_CANONICAL: &str = "AccessKeyId=testid&Action=QueryOTAFirmware&FirmwareId=s8SSHiKjpBfrM3BSN0z803%2A%2A%2A%2A&Format=JSON&IotInstanceId=iot_instc_pu%2A%2A%2A%2A_c%2A-v64%2A%2A%2A%2A%2A%2A%2A%2A&RegionId=cn-shanghai&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2018-01-20";
    const OTA_SIG_GET: &str = "9jiBw0IJL2MdfSpWd7y9vMXhZ9g=";
    const OTA_SIG_POST: &str = "vOUe71MI2b0hde+2qzRhAf+v4mE=";

    #[test]
    fn ota_canonical_query() {
        assert_eq!(canonical_query(&OTA_PARAMS), OTA_CANONICAL);
    }

    #[test]
    fn ota_string_to_sign() {
        let sts = string_to_sign("GET", OTA_CANONICAL);
        assert!(sts.starts_with("GET&%2F&AccessKeyId%3Dtestid%26"));
        assert!(sts.contains("FirmwareId%3Ds8SSHiKjpBfrM3BSN0z803%252A%252A%252A%252A%26"));
        assert!(sts.ends_with("%26Version%3D2018-01-20"));
    }

    #[test]
    fn ota_get_signature() {
        let sts = string_to_sign("GET", OTA_CANONICAL);
        assert_eq!(signature("testsecret", &sts), OTA_SIG_GET);
    }

    #[test]
    fn ota_post_signature() {
        let sts = string_to_sign("POST", OTA_CANONICAL);
        assert_eq!(signature("testsecret", &sts), OTA_SIG_POST);
    }

    // ---- Encoding check vector ----

    #[test]
    fn encoding_check_vector() {
        let params = [("A", "a b~c*d+e/f!g'h(i)j"), ("B", "中文")];
        let canonical = canonical_query(&params);
        assert_eq!(
            canonical,
            "A=a%20b~c%2Ad%2Be%2Ff%21g%27h%28i%29j&B=%E4%B8%AD%E6%96%87"
        );
        let sts = string_to_sign("GET", &canonical);
        assert_eq!(
            signature("testsecret", &sts),
            "QUb+VjMLuBlkdLMyVb1n8GDoKWw="
        );
    }

    #[test]
    fn percent_encode_basics_in_v1() {
        assert_eq!(percent_encode(""), "");
        assert_eq!(percent_encode("AZaz09-_.~"), "AZaz09-_.~");
        assert_eq!(percent_encode(" "), "%20");
        assert_eq!(percent_encode("*+/=&%:"), "%2A%2B%2F%3D%26%25%3A");
        assert_eq!(percent_encode("é"), "%C3%A9");
        assert_eq!(percent_encode("\u{0}\u{7f}"), "%00%7F");
    }

    #[test]
    fn canonical_query_edge_cases() {
        assert_eq!(canonical_query(&[]), "");
        // Empty values are kept; equal names are ordered by value.
        assert_eq!(
            canonical_query(&[("b", "2"), ("SignatureType", ""), ("b", "1")]),
            "SignatureType=&b=1&b=2"
        );
    }

    #[test]
    fn hmac_matches_rfc_2202() {
        assert_eq!(
            super::super::to_hex(&hmac_sha1(b"Jefe", b"what do ya want for nothing?")),
            "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"
        );
    }

    // ---- Time ----

    #[test]
    fn timestamps_format_like_strftime() {
        for seconds in [
            0_i64,
            951_782_400,   // 2000-02-29, a leap day of a century leap year
            4_107_542_400, // 2100-03-01, after a century non-leap February
            1_456_231_584,
            253_402_207_200, // the last second jiff represents (9999-12-30)
            -1,
        ] {
            let t = jiff::Timestamp::from_second(seconds).unwrap();
            assert_eq!(
                format_timestamp(t),
                t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
                "{seconds}"
            );
        }
    }

    #[test]
    fn timestamp_format() {
        assert_eq!(
            format_timestamp(ts("2016-02-23T12:46:24Z")),
            "2016-02-23T12:46:24Z"
        );
        assert_eq!(
            format_timestamp(ts("2016-02-23T12:46:24.999Z")),
            "2016-02-23T12:46:24Z"
        );
        assert_eq!(
            format_timestamp(ts("2016-02-23T20:46:24+08:00")),
            "2016-02-23T12:46:24Z"
        );
    }

    // ---- The signer ----

    fn sign_v1(
        method: &str,
        params: &[(&str, &str)],
        token: Option<&Secret>,
    ) -> (SignableRequest, Signed) {
        let secret = Secret::new("testsecret");
        let key = SigningKey {
            access_key_id: "testid",
            access_key_secret: &secret,
            security_token: token,
        };
        let mut request = SignableRequest::new(method, "ecs.aliyuncs.com", "/");
        request.query = params
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let ctx = SigningContext::new(ts("2016-02-23T12:46:24Z"), NONCE_1);
        let signed = RpcV1Signer.sign(&mut request, &key, &ctx);
        (request, signed)
    }

    const V1_CALL_PARAMS: [(&str, &str); 3] = [
        ("Action", "DescribeRegions"),
        ("Format", "XML"),
        ("Version", "2014-05-26"),
    ];

    #[test]
    fn signer_reproduces_vector1_get() {
        let (request, signed) = sign_v1("GET", &V1_CALL_PARAMS, None);
        assert_eq!(signed.string_to_sign, V1_STS_GET);
        assert_eq!(
            signed.query,
            format!("{V1_CANONICAL}&Signature={V1_SIG_GET_WIRE}")
        );
        assert!(request.headers.is_empty(), "V1 signs no header");
    }

    #[test]
    fn signer_reproduces_vector1_post() {
        let (_, signed) = sign_v1("POST", &V1_CALL_PARAMS, None);
        assert_eq!(
            signed.query,
            format!("{V1_CANONICAL}&Signature=MxbnVAM4w6sft9xjVpe%2FGCKueuk%3D")
        );
    }

    #[test]
    fn signer_reproduces_ota_vectors() {
        let params = [
            ("Action", "QueryOTAFirmware"),
            ("FirmwareId", "s8SSHiKjpBfrM3BSN0z803****"),
            ("IotInstanceId", "iot_instc_pu****_c*-v64********"),
            ("Format", "JSON"),
            ("RegionId", "cn-shanghai"),
            ("Version", "2018-01-20"),
        ];
        let (_, get) = sign_v1("GET", &params, None);
        assert_eq!(
            get.query,
            format!("{OTA_CANONICAL}&Signature={}", percent_encode(OTA_SIG_GET))
        );
        let (_, post) = sign_v1("POST", &params, None);
        assert_eq!(
            post.query,
            format!("{OTA_CANONICAL}&Signature={}", percent_encode(OTA_SIG_POST))
        );
    }

    #[test]
    fn signer_ignores_params_it_owns() {
        let mut params = V1_CALL_PARAMS.to_vec();
        params.push(("Signature", "stale"));
        params.push(("AccessKeyId", "other"));
        params.push(("SignatureNonce", "reused"));
        let (_, signed) = sign_v1("GET", &params, None);
        assert_eq!(
            signed.query,
            format!("{V1_CANONICAL}&Signature={V1_SIG_GET_WIRE}")
        );
    }

    #[test]
    fn signer_adds_and_signs_security_token() {
        let token = Secret::new("CAIS/token+value=");
        let (_, signed) = sign_v1("GET", &V1_CALL_PARAMS, Some(&token));
        let mut params = V1_PARAMS.to_vec();
        params.push(("SecurityToken", "CAIS/token+value="));
        let canonical = canonical_query(&params);
        assert!(canonical.contains("&SecurityToken=CAIS%2Ftoken%2Bvalue%3D&"));
        let sts = string_to_sign("GET", &canonical);
        assert_eq!(signed.string_to_sign, sts);
        let sig = signature("testsecret", &sts);
        assert_ne!(sig, V1_SIG_GET);
        assert_eq!(
            signed.query,
            format!("{canonical}&Signature={}", percent_encode(&sig))
        );
    }

    #[test]
    fn signed_debug_hides_signature_and_token() {
        let token = Secret::new("TOPSECRETTOKEN");
        let (request, signed) = sign_v1("GET", &V1_CALL_PARAMS, Some(&token));
        let sig = signed.query.rsplit_once("Signature=").unwrap().1.to_owned();
        for debug in [format!("{signed:?}"), format!("{request:?}")] {
            assert!(!debug.contains("TOPSECRETTOKEN"), "{debug}");
            assert!(!debug.contains(&sig), "{debug}");
            assert!(!debug.contains("testid"), "{debug}");
            assert!(debug.contains("DescribeRegions"), "{debug}");
        }
        // The real values are untouched.
        assert!(signed.query.contains("SecurityToken=TOPSECRETTOKEN"));
    }

    #[test]
    fn signer_leaves_the_query_as_it_is() {
        let mut params = V1_CALL_PARAMS.to_vec();
        params.push(("Signature", "stale"));
        let (request, _) = sign_v1("GET", &params, None);
        let names: Vec<&str> = request.query.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["Action", "Format", "Version", "Signature"]);
    }

    proptest::proptest! {
        /// The one-pass signer gives what its stages give, whatever the parameters.
        #[test]
        fn signer_agrees_with_its_stages(
            params in proptest::collection::vec(("[a-zA-Z*:é]{0,12}", "[a-z0-9 *:/=&é-]{0,20}"), 0..24),
            token in proptest::option::of("[a-zA-Z0-9/+=]{0,30}"),
            post in proptest::bool::ANY,
        ) {
            let secret = Secret::new("testsecret");
            let token = token.map(Secret::new);
            let key = SigningKey {
                access_key_id: "testid",
                access_key_secret: &secret,
                security_token: token.as_ref(),
            };
            let method = if post { "POST" } else { "GET" };
            let mut request = SignableRequest::new(method, "ecs.aliyuncs.com", "/");
            request.query = params.clone();
            let ctx = SigningContext::new(ts("2016-02-23T12:46:24Z"), NONCE_1);
            let signed = RpcV1Signer.sign(&mut request, &key, &ctx);

            let mut all: Vec<(&str, &str)> = params
                .iter()
                .filter(|(k, _)| !V1_OWNED_PARAMS.contains(&k.as_str()))
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            all.extend([
                ("AccessKeyId", "testid"),
                ("SignatureMethod", "HMAC-SHA1"),
                ("SignatureVersion", "1.0"),
                ("SignatureNonce", NONCE_1),
                ("Timestamp", "2016-02-23T12:46:24Z"),
            ]);
            if let Some(token) = &token {
                all.push(("SecurityToken", token.expose()));
            }
            let canonical = canonical_query(&all);
            let sts = string_to_sign(method, &canonical);
            proptest::prop_assert_eq!(&signed.string_to_sign, &sts);
            proptest::prop_assert_eq!(&string_to_sign_of(method, all), &sts);
            let sig = percent_encode(&signature("testsecret", &sts));
            proptest::prop_assert_eq!(signed.query, format!("{canonical}&Signature={sig}"));
        }
    }
}
