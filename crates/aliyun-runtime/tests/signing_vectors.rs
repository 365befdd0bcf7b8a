//! Signing test vectors, stage by stage, in the style of aws-sigv4's `aws-signing-test-suite`:
//! one folder per case under `tests/signing/v1/` and `tests/signing/v3/`, holding the inputs
//! (`request.json`) and one file per stage with the stage's exact expected bytes (no trailing
//! newline unless the stage ends with one, as the V3 canonical headers do).
//!
//! Each stage is fed the *expected* output of the stages before it, so that a failure names the
//! stage that broke rather than every stage after it; then the whole signer ([`RpcV1Signer`],
//! [`Acs3Signer`]) signs the request with a fixed [`SigningContext`] and must reproduce the final
//! query, string to sign and `Authorization`. Every failure is collected and reported with the
//! case and the stage, and the test fails if a suite folder is empty or a case misses a file.
//!
//! The folders were generated once from the reference vectors (Alibaba's published V1 vectors,
//! and V3 vectors computed with the official SDKs and cross-checked); see each `request.json`'s
//! `source`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::borrow::Cow;
use std::fs;
use std::path::{Path, PathBuf};

use aliyun_runtime::Secret;
use aliyun_runtime::jiff::Timestamp;
use aliyun_runtime::signing::{
    self, Acs3Algorithm, Acs3Signer, RpcV1Signer, SignableRequest, Signer, SigningContext,
    SigningKey, V1_OWNED_PARAMS, percent_encode, v3,
};
use serde::Deserialize;

// ---- Walking the suites ----

/// The case folders of suite `version` (`v1`, `v3`), sorted by name; never empty.
fn cases(version: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/signing")
        .join(version);
    let entries = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read the suite folder {}: {e}", root.display()));
    let mut cases: Vec<PathBuf> = entries
        .map(|entry| {
            entry
                .unwrap_or_else(|e| panic!("cannot list {}: {e}", root.display()))
                .path()
        })
        .filter(|path| path.is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no case in {}", root.display());
    cases
}

/// The folder's name.
fn case_name(case: &Path) -> String {
    case.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| case.display().to_string())
}

/// The exact contents of `file` in `case`; panics, naming both, if it is missing.
fn read(case: &Path, file: &str) -> String {
    let path = case.join(file);
    fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "case {}: missing or unreadable {file} ({}): {e}",
            case_name(case),
            path.display()
        )
    })
}

fn read_request<T: for<'de> Deserialize<'de>>(case: &Path) -> T {
    serde_json::from_str(&read(case, "request.json"))
        .unwrap_or_else(|e| panic!("case {}: bad request.json: {e}", case_name(case)))
}

// ---- Reporting ----

/// The outcome of a suite: every check, passed or failed, and the skips with their reasons.
struct Report {
    suite: &'static str,
    passed: usize,
    failures: Vec<String>,
    skipped: Vec<String>,
}

impl Report {
    fn new(suite: &'static str) -> Self {
        Self {
            suite,
            passed: 0,
            failures: Vec::new(),
            skipped: Vec::new(),
        }
    }

    /// Records whether `stage` of `case` produced `expected`.
    fn check(&mut self, case: &str, stage: &str, actual: &str, expected: &str) {
        if actual == expected {
            self.passed += 1;
        } else {
            self.failures.push(format!(
                "case {case}, stage {stage}: does not reproduce\n{}",
                diff(expected, actual)
            ));
        }
    }

    fn skip(&mut self, case: &str, what: &str, reason: &str) {
        self.skipped
            .push(format!("case {case}: {what} skipped: {reason}"));
    }

    /// Prints the summary; panics with every failure if there is one.
    fn finish(self) {
        eprintln!(
            "{} signing vectors: {} stage checks passed, {} failed",
            self.suite,
            self.passed,
            self.failures.len()
        );
        for skipped in &self.skipped {
            eprintln!("  {skipped}");
        }
        assert!(
            self.failures.is_empty(),
            "{} signing vectors: {} check(s) failed ({} passed):\n\n{}",
            self.suite,
            self.failures.len(),
            self.passed,
            self.failures.join("\n\n")
        );
    }
}

/// Where `actual` departs from `expected`: the first differing byte, the differing lines, and
/// both values in full (escaped).
fn diff(expected: &str, actual: &str) -> String {
    let at = expected
        .bytes()
        .zip(actual.bytes())
        .position(|(e, a)| e != a)
        .unwrap_or_else(|| expected.len().min(actual.len()));
    let mut out = format!(
        "  first difference at byte {at} (expected {} bytes, got {})\n",
        expected.len(),
        actual.len()
    );
    let expected_lines: Vec<&str> = expected.split('\n').collect();
    let actual_lines: Vec<&str> = actual.split('\n').collect();
    if expected_lines.len() > 1 || actual_lines.len() > 1 {
        for i in 0..expected_lines.len().max(actual_lines.len()) {
            let (e, a) = (expected_lines.get(i), actual_lines.get(i));
            if e != a {
                out.push_str(&format!(
                    "  line {}:\n    - {e:?}\n    + {a:?}\n",
                    i + 1,
                    e = e.copied().unwrap_or("<none>"),
                    a = a.copied().unwrap_or("<none>"),
                ));
            }
        }
    }
    out.push_str(&format!("  expected: {expected:?}\n  actual:   {actual:?}"));
    out
}

fn timestamp(case: &str, text: &str) -> Timestamp {
    text.parse()
        .unwrap_or_else(|e| panic!("case {case}: bad timestamp {text:?}: {e}"))
}

// ---- RPC V1 ----

/// `tests/signing/v1/<case>/request.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1Request {
    /// The case's name, which the folder's name ends with.
    id: String,
    description: String,
    /// Where the expected values come from.
    source: String,
    /// `GET` or `POST`.
    method: String,
    /// Every signed parameter, decoded, common ones included.
    params: Vec<(String, String)>,
    /// The key, nonce and time the parameters hold; all `None` when the vector signs no
    /// common parameter, in which case only the stages apply.
    access_key_id: Option<String>,
    access_key_secret: String,
    security_token: Option<String>,
    timestamp: Option<String>,
    nonce: Option<String>,
}

#[test]
fn v1_vectors() {
    let mut report = Report::new("V1");
    for case in cases("v1") {
        let name = case_name(&case);
        let req: V1Request = read_request(&case);
        assert!(
            name.ends_with(&req.id),
            "case {name}: request.json is for {:?} ({}; from {})",
            req.id,
            req.description,
            req.source
        );
        let expected_canonical = read(&case, "canonical-query.txt");
        let expected_sts = read(&case, "string-to-sign.txt");
        let expected_signature = read(&case, "signature.txt");

        // Stage by stage, each fed the expected output of the one before.
        let pairs: Vec<(&str, &str)> = req
            .params
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        report.check(
            &name,
            "canonical_query",
            &signing::canonical_query(&pairs),
            &expected_canonical,
        );
        report.check(
            &name,
            "string_to_sign",
            &signing::string_to_sign(&req.method, &expected_canonical),
            &expected_sts,
        );
        report.check(
            &name,
            "signature",
            &signing::signature(&req.access_key_secret, &expected_sts),
            &expected_signature,
        );

        // The whole signer, given the call's own parameters: it adds the common ones.
        let (Some(key_id), Some(time), Some(nonce)) =
            (&req.access_key_id, &req.timestamp, &req.nonce)
        else {
            report.skip(
                &name,
                "RpcV1Signer",
                "the vector signs no AccessKeyId, Timestamp or SignatureNonce, which the signer always adds",
            );
            continue;
        };
        let secret = Secret::new(req.access_key_secret.as_str());
        let token = req.security_token.as_deref().map(Secret::new);
        let key = SigningKey {
            access_key_id: key_id,
            access_key_secret: &secret,
            security_token: token.as_ref(),
        };
        // V1 signs neither the host nor the headers.
        let mut request = SignableRequest::new(req.method.as_str(), "ecs.aliyuncs.com", "/");
        request.query = req
            .params
            .iter()
            .filter(|(k, _)| !V1_OWNED_PARAMS.contains(&k.as_str()))
            .cloned()
            .collect();
        let ctx = SigningContext::new(timestamp(&name, time), nonce.as_str());
        let signed = RpcV1Signer.sign(&mut request, &key, &ctx);
        report.check(
            &name,
            "RpcV1Signer string to sign",
            &signed.string_to_sign,
            &expected_sts,
        );
        report.check(
            &name,
            "RpcV1Signer query",
            &signed.query,
            &format!(
                "{expected_canonical}&Signature={}",
                percent_encode(&expected_signature)
            ),
        );
    }
    report.finish();
}

// ---- V3 ----

/// `tests/signing/v3/<case>/request.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V3Request {
    /// The case's name, which the folder's name ends with.
    id: String,
    description: String,
    /// Where the expected values come from.
    source: String,
    /// `ACS3-HMAC-SHA256`, `ACS3-HMAC-SM3` or `ACS3-RSA-SHA256`.
    algorithm: String,
    method: String,
    path: String,
    /// The `Host` header.
    host: String,
    /// The headers present before signing, other than `Host`.
    headers: Vec<(String, String)>,
    /// Whether every header is signed (the Python SDK) rather than only `host`,
    /// `content-type` and `x-acs-*` (the Go and Java SDKs, and [`Acs3Signer`]).
    sign_all_headers: bool,
    /// The query parameters, decoded.
    query: Vec<(String, String)>,
    /// The exact body.
    body: String,
    access_key_id: String,
    /// The AccessKey secret (for RSA, the private key, PKCS#8 in base64).
    access_key_secret: String,
    security_token: Option<String>,
    /// `x-acs-date`.
    date: String,
    /// `x-acs-signature-nonce`.
    nonce: String,
}

/// The V3 files of a case.
const V3_FILES: [&str; 8] = [
    "payload-hash.txt",
    "canonical-query.txt",
    "canonical-headers.txt",
    "signed-headers.txt",
    "canonical-request.txt",
    "string-to-sign.txt",
    "signature.txt",
    "authorization.txt",
];

/// Signs every header, as the Python SDK does.
fn every_header(_: &str) -> bool {
    true
}

#[test]
fn v3_vectors() {
    let mut report = Report::new("V3");
    for case in cases("v3") {
        let name = case_name(&case);
        let req: V3Request = read_request(&case);
        assert!(
            name.ends_with(&req.id),
            "case {name}: request.json is for {:?} ({}; from {})",
            req.id,
            req.description,
            req.source
        );
        let [
            payload_hash,
            canonical_query,
            canonical_headers,
            signed_headers,
            canonical_request,
            string_to_sign,
            signature,
            authorization,
        ] = V3_FILES.map(|file| read(&case, file));

        let Some(algorithm) = Acs3Algorithm::parse(&req.algorithm) else {
            assert_eq!(
                req.algorithm, "ACS3-RSA-SHA256",
                "case {name}: unknown algorithm"
            );
            report.skip(
                &name,
                "every stage",
                "ACS3-RSA-SHA256 is not implemented (Acs3Algorithm has no RSA variant); the \
                 case runs once Acs3Algorithm::parse knows it",
            );
            continue;
        };

        // Stage by stage, each fed the expected output of the ones before.
        report.check(
            &name,
            "v3::hashed_payload",
            &v3::hashed_payload(algorithm, req.body.as_bytes()),
            &payload_hash,
        );
        report.check(
            &name,
            "v3::canonical_query",
            &v3::canonical_query(&req.query),
            &canonical_query,
        );
        // The headers at signing time: those of the request plus those the signer adds.
        let mut at_signing =
            SignableRequest::new(req.method.as_str(), req.host.as_str(), req.path.as_str());
        at_signing.headers = owned_headers(&req.headers);
        at_signing.set_header("x-acs-date", req.date.clone());
        at_signing.set_header("x-acs-signature-nonce", req.nonce.clone());
        at_signing.set_header("x-acs-content-sha256", payload_hash.clone());
        if let Some(token) = &req.security_token {
            at_signing.set_header("x-acs-accesskey-id", req.access_key_id.clone());
            at_signing.set_header("x-acs-security-token", token.clone());
        }
        let signed_filter: fn(&str) -> bool = if req.sign_all_headers {
            every_header
        } else {
            v3::signs_by_default
        };
        let (headers, list) = v3::canonical_headers(&req.host, &at_signing.headers, signed_filter);
        report.check(
            &name,
            "v3::canonical_headers (canonical headers)",
            &headers,
            &canonical_headers,
        );
        report.check(
            &name,
            "v3::canonical_headers (signed headers)",
            &list,
            &signed_headers,
        );
        report.check(
            &name,
            "v3::canonical_request",
            &v3::canonical_request(
                &req.method,
                &req.path,
                &canonical_query,
                &canonical_headers,
                &signed_headers,
                &payload_hash,
            ),
            &canonical_request,
        );
        report.check(
            &name,
            "v3::string_to_sign",
            &v3::string_to_sign(algorithm, &canonical_request),
            &string_to_sign,
        );
        report.check(
            &name,
            "v3::signature",
            &v3::signature(algorithm, &req.access_key_secret, &string_to_sign),
            &signature,
        );
        report.check(
            &name,
            "v3::authorization",
            &v3::authorization(algorithm, &req.access_key_id, &signed_headers, &signature),
            &authorization,
        );

        // The whole signer.
        if req.sign_all_headers {
            report.skip(
                &name,
                "Acs3Signer",
                "the Python SDK signed every header; Acs3Signer signs only host, content-type \
                 and x-acs-*",
            );
            continue;
        }
        let secret = Secret::new(req.access_key_secret.as_str());
        let token = req.security_token.as_deref().map(Secret::new);
        let key = SigningKey {
            access_key_id: &req.access_key_id,
            access_key_secret: &secret,
            security_token: token.as_ref(),
        };
        let mut request =
            SignableRequest::new(req.method.as_str(), req.host.as_str(), req.path.as_str());
        request.query = req.query.clone();
        request.headers = owned_headers(&req.headers);
        request.body = req.body.clone().into_bytes();
        let ctx = SigningContext::new(timestamp(&name, &req.date), req.nonce.as_str());
        let signer = Acs3Signer { algorithm };
        let signed = signer.sign(&mut request, &key, &ctx);
        report.check(&name, "Acs3Signer query", &signed.query, &canonical_query);
        report.check(
            &name,
            "Acs3Signer string to sign",
            &signed.string_to_sign,
            &string_to_sign,
        );
        report.check(
            &name,
            "Acs3Signer x-acs-content-sha256",
            request
                .header("x-acs-content-sha256")
                .unwrap_or("<missing>"),
            &payload_hash,
        );
        report.check(
            &name,
            "Acs3Signer Authorization",
            request.header("authorization").unwrap_or("<missing>"),
            &authorization,
        );
    }
    report.finish();
}

/// A vector's headers as a request holds them.
fn owned_headers(headers: &[(String, String)]) -> Vec<(Cow<'static, str>, Cow<'static, str>)> {
    headers
        .iter()
        .map(|(n, v)| (n.clone().into(), v.clone().into()))
        .collect()
}
