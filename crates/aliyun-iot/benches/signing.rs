//! Signing one `QueryOTAFirmware` attempt as the client does (the request as
//! `aliyun_runtime::protocol::request` builds it, then `Signer::sign`), under each version, next
//! to the bare cryptography of that version as a baseline:
//!
//! - V1: `RpcV1Signer` (canonical query, string to sign, HMAC-SHA1, encoded query) against
//!   `Base64(HMAC-SHA1(secret + "&", string to sign))` of the same string to sign;
//! - V3: `Acs3Signer::HMAC_SHA256` (payload hash, canonical query and headers, canonical
//!   request, string to sign, HMAC-SHA256, `x-acs-*` and `Authorization` headers) against the
//!   hex SHA-256 of the same canonical request and the hex HMAC-SHA256 of the resulting string
//!   to sign.
//!
//! Each signing gets a fresh copy of the unsigned request (as each attempt builds one); the
//! copy is made outside the measurement, in batches of [`BATCH`]: an attempt signs the request
//! it has just built, still in cache, and the baselines hash one string over and over.
//! Criterion's `SmallInput` batches hold thousands of copies and results at once instead, so
//! that each signing first waits on memory (and page faults) that neither the client nor the
//! baselines wait on.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::hint::black_box;

use aliyun_iot::query_ota_firmware::QueryOtaFirmwareInput;
use aliyun_runtime::jiff::Timestamp;
use aliyun_runtime::secret::Secret;
use aliyun_runtime::signing::{
    Acs3Signer, RpcV1Signer, SignableRequest, SignatureVersion, Signed, Signer, SigningContext,
    SigningKey, v3,
};
use aliyun_runtime::{Format, Method, Operation, QueryWriter, protocol};
use base64::Engine as _;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

const HOST: &str = "iot.cn-shanghai.aliyuncs.com";
const SECRET: &str = "testsecret";
const NONCE: &str = "3ee8c1b83d3444afa94f4e0ad82fd6cf";
/// Requests copied, then signed, per timed batch.
const BATCH: u64 = 16;

/// The unsigned `QueryOTAFirmware` request of `version`, as the client builds it (POST, JSON).
fn unsigned(version: SignatureVersion) -> SignableRequest {
    let input = QueryOtaFirmwareInput::builder()
        .firmware_id("s8SSHiKjpBfrM3BSN0z803****")
        .iot_instance_id("iot_instc_pu****_c*-v64********")
        .build()
        .expect("a complete input");
    let mut writer = QueryWriter::new();
    input.serialize(&mut writer);
    let params = writer.into_pairs();
    protocol::request(
        &QueryOtaFirmwareInput::INFO,
        &params,
        version,
        Format::Json,
        Method::Post,
        HOST,
        "/",
    )
}

/// Benchmarks `signer` on fresh copies of `request`.
fn bench_signer(
    c: &mut Criterion,
    name: &str,
    signer: &dyn Signer,
    request: &SignableRequest,
    key: &SigningKey<'_>,
    ctx: &SigningContext,
) {
    c.bench_function(name, |b| {
        b.iter_batched(
            || request.clone(),
            |mut request| {
                let signed = signer.sign(black_box(&mut request), black_box(key), ctx);
                (request, signed)
            },
            BatchSize::NumIterations(BATCH),
        )
    });
}

/// `Base64(HMAC-SHA1(secret + "&", string_to_sign))`: all the V1 signature computes.
#[inline(never)] // a function of its own, whose calls a profiler counts
fn hmac_sha1_base64(key: &[u8], string_to_sign: &str) -> String {
    let mac = <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(key).expect("HMAC takes any key");
    base64::engine::general_purpose::STANDARD.encode(
        mac.chain_update(string_to_sign.as_bytes())
            .finalize()
            .into_bytes(),
    )
}

/// Appends the lowercase hex of `bytes` (a table, not `fmt`, so the baseline stays bare).
fn hex_into(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
}

/// The hex HMAC-SHA256 of `ACS3-HMAC-SHA256\n<hex SHA-256 of canonical_request>`: all the V3
/// signature computes once the canonical request is written.
#[inline(never)] // a function of its own, whose calls a profiler counts
fn sha256_then_hmac_sha256(key: &[u8], canonical_request: &str) -> String {
    let mut string_to_sign = String::with_capacity(17 + 64);
    string_to_sign.push_str("ACS3-HMAC-SHA256\n");
    hex_into(
        &mut string_to_sign,
        &Sha256::digest(canonical_request.as_bytes()),
    );
    let mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes any key");
    let mut signature = String::with_capacity(64);
    hex_into(
        &mut signature,
        &mac.chain_update(string_to_sign.as_bytes())
            .finalize()
            .into_bytes(),
    );
    signature
}

/// The canonical request `signed` was computed from (the runtime's own stages, read back from
/// the signed request), checked against the string to sign it produced.
fn canonical_request_of(request: &SignableRequest, signed: &Signed) -> String {
    let algorithm = v3::Acs3Algorithm::HmacSha256;
    let (headers, signed_headers) =
        v3::canonical_headers(&request.host, &request.headers, v3::signs_by_default);
    let canonical = v3::canonical_request(
        &request.method,
        &request.path,
        &v3::canonical_query(&request.query),
        &headers,
        &signed_headers,
        &v3::hashed_payload(algorithm, &request.body),
    );
    assert_eq!(
        v3::string_to_sign(algorithm, &canonical),
        signed.string_to_sign,
        "the baseline must hash the canonical request that was signed"
    );
    canonical
}

fn signing(c: &mut Criterion) {
    let secret = Secret::new(SECRET);
    let token = Secret::new("CAIS/temporary+security=token".repeat(8));
    let now: Timestamp = "2016-02-23T12:46:24Z".parse().expect("a timestamp");
    let ctx = SigningContext::new(now, NONCE);
    let key = SigningKey {
        access_key_id: "testid",
        access_key_secret: &secret,
        security_token: None,
    };
    let sts_key = SigningKey {
        security_token: Some(&token),
        ..key
    };

    // V1 and its baseline.
    let v1_request = unsigned(SignatureVersion::V1);
    bench_signer(
        c,
        "sign/v1 QueryOTAFirmware POST",
        &RpcV1Signer,
        &v1_request,
        &key,
        &ctx,
    );
    let v1_signed = RpcV1Signer.sign(&mut v1_request.clone(), &key, &ctx);
    let v1_key = format!("{SECRET}&");
    // The baseline computes the very signature that was sent.
    let v1_signature = hmac_sha1_base64(v1_key.as_bytes(), &v1_signed.string_to_sign);
    assert!(
        v1_signed.query.ends_with(&format!(
            "Signature={}",
            aliyun_runtime::signing::percent_encode(&v1_signature)
        )),
        "{v1_signed:?}"
    );
    c.bench_function("sign/v1 baseline: HMAC-SHA1 + base64", |b| {
        b.iter(|| {
            hmac_sha1_base64(
                black_box(v1_key.as_bytes()),
                black_box(&v1_signed.string_to_sign),
            )
        })
    });
    bench_signer(
        c,
        "sign/v1 QueryOTAFirmware POST with STS token",
        &RpcV1Signer,
        &v1_request,
        &sts_key,
        &ctx,
    );

    // V3 and its baseline.
    let v3_request = unsigned(SignatureVersion::V3);
    bench_signer(
        c,
        "sign/v3 QueryOTAFirmware POST",
        &Acs3Signer::HMAC_SHA256,
        &v3_request,
        &key,
        &ctx,
    );
    let mut v3_signed_request = v3_request.clone();
    let v3_signed = Acs3Signer::HMAC_SHA256.sign(&mut v3_signed_request, &key, &ctx);
    let canonical = canonical_request_of(&v3_signed_request, &v3_signed);
    let v3_signature = sha256_then_hmac_sha256(SECRET.as_bytes(), &canonical);
    assert!(
        v3_signed_request
            .header("authorization")
            .is_some_and(|a| a.ends_with(&format!("Signature={v3_signature}"))),
        "the baseline computes the signature that was sent"
    );
    c.bench_function("sign/v3 baseline: SHA-256 + HMAC-SHA256", |b| {
        b.iter(|| sha256_then_hmac_sha256(black_box(SECRET.as_bytes()), black_box(&canonical)))
    });
    bench_signer(
        c,
        "sign/v3 QueryOTAFirmware POST with STS token",
        &Acs3Signer::HMAC_SHA256,
        &v3_request,
        &sts_key,
        &ctx,
    );
}

criterion_group!(benches, signing);
criterion_main!(benches);
