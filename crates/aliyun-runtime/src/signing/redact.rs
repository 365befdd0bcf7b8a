//! Keeping secrets out of logs and errors: queries, strings to sign, and the gateway's quote of
//! its own string to sign.

/// The value printed in place of a secret.
pub(crate) const REDACTED: &str = "<redacted>";

/// Query parameters whose values [`redact_query`] hides.
const REDACTED_PARAMS: [&str; 3] = ["Signature", "SecurityToken", "AccessKeyId"];

/// Header names (lowercase) whose values are never shown.
pub(crate) const REDACTED_HEADERS: [&str; 4] = [
    "authorization",
    "x-acs-security-token",
    "x-acs-signature",
    "x-acs-accesskey-id",
];

/// Replaces the values of `Signature`, `SecurityToken` and `AccessKeyId` in an encoded query
/// string with `<redacted>`, for logging. A full URL is accepted too: only the part after the
/// first `?` is touched.
pub fn redact_query(query: &str) -> String {
    match query.split_once('?') {
        Some((base, q)) => format!("{base}?{}", redact_pairs(q, "&", "=")),
        None => redact_pairs(query, "&", "="),
    }
}

/// Redacts a string to sign for logging: in a V1 one (where the query is encoded twice, so
/// pairs are separated by `%26` and names from values by `%3D`) the values of `Signature`,
/// `SecurityToken` and `AccessKeyId`. A V3 one (`ACS3-…` and a hash) holds no secret.
pub fn redact_string_to_sign(string_to_sign: &str) -> String {
    if string_to_sign.starts_with("ACS3-") {
        return string_to_sign.to_owned();
    }
    // `GET&%2F&<query>`: the encoded query has no raw `&`, so it is what follows the second one.
    let mut parts = string_to_sign.splitn(3, '&');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(method), Some(path), Some(query)) => {
            format!("{method}&{path}&{}", redact_pairs(query, "%26", "%3D"))
        }
        _ => redact_pairs(string_to_sign, "%26", "%3D"),
    }
}

/// Redacts the values of [`REDACTED_PARAMS`] in `pairs`, separated by `pair_sep`, each
/// `name<kv_sep>value`.
fn redact_pairs(pairs: &str, pair_sep: &str, kv_sep: &str) -> String {
    let mut out = String::with_capacity(pairs.len());
    for (i, pair) in pairs.split(pair_sep).enumerate() {
        if i > 0 {
            out.push_str(pair_sep);
        }
        match pair.split_once(kv_sep) {
            Some((name, _)) if REDACTED_PARAMS.contains(&name) => {
                out.push_str(name);
                out.push_str(kv_sep);
                out.push_str(REDACTED);
            }
            _ => out.push_str(pair),
        }
    }
    out
}

/// Finds the gateway's string to sign in a `SignatureDoesNotMatch` error message (the text
/// after `server string to sign is:`, matched case-insensitively), so that it can be compared
/// with the one signed. A V1 string to sign ends at the first white space; a V3 one is the
/// algorithm line and the hash line. `None` if the message has no such text.
pub fn parse_server_string_to_sign(message: &str) -> Option<&str> {
    const MARKER: &str = "server string to sign is:";
    // ASCII lowercasing keeps every byte offset, so an offset in `lower` is one in `message`.
    let lower = message.to_ascii_lowercase();
    let start = lower.find(MARKER)? + MARKER.len();
    let rest = message.get(start..)?.trim_start();
    let end = if rest.starts_with("ACS3-") {
        // `ACS3-HMAC-SHA256\n<64 hex>`: through the end of the second line.
        let first = rest.find('\n')?;
        let second = rest.get(first + 1..)?;
        first + 1 + second.find(char::is_whitespace).unwrap_or(second.len())
    } else {
        rest.find(char::is_whitespace).unwrap_or(rest.len())
    };
    let found = rest.get(..end)?;
    (!found.is_empty()).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_and_strings_to_sign_hide_secrets() {
        assert_eq!(
            redact_query("http://h/?A=1&Signature=abc&SecurityToken=t&AccessKeyId=k&B=2"),
            "http://h/?A=1&Signature=<redacted>&SecurityToken=<redacted>&AccessKeyId=<redacted>&B=2"
        );
        let sts = "GET&%2F&AccessKeyId%3Dk%26SecurityToken%3Dtok%26Timestamp%3D1";
        assert_eq!(
            redact_string_to_sign(sts),
            "GET&%2F&AccessKeyId%3D<redacted>%26SecurityToken%3D<redacted>%26Timestamp%3D1"
        );
        let v3 = "ACS3-HMAC-SHA256\nabcdef";
        assert_eq!(redact_string_to_sign(v3), v3);
    }

    #[test]
    fn the_servers_string_to_sign_is_found() {
        let v1 = "Specified signature is not matched with our calculation. server string to sign is:GET&%2F&A%3D1 and more";
        assert_eq!(parse_server_string_to_sign(v1), Some("GET&%2F&A%3D1"));
        let v3 = "Specified signature does not match. Server string to sign is:ACS3-HMAC-SHA256\nd0c12b82 (end)";
        assert_eq!(
            parse_server_string_to_sign(v3),
            Some("ACS3-HMAC-SHA256\nd0c12b82")
        );
        assert_eq!(parse_server_string_to_sign("nothing here"), None);
        assert_eq!(
            parse_server_string_to_sign("server string to sign is:"),
            None
        );
    }
}
