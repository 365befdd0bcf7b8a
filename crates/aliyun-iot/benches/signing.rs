//! RPC V1 signing of a `QueryOTAFirmware` request: canonical query, string to sign,
//! HMAC-SHA1 and the encoded query, as the client does once per attempt.

use std::hint::black_box;

use aliyun_runtime::jiff::Timestamp;
use aliyun_runtime::secret::Secret;
use aliyun_runtime::signing::{RpcV1Signer, Signer, SigningKey, SigningRequest};
use criterion::{Criterion, criterion_group, criterion_main};

const NONCE: &str = "3ee8c1b83d3444afa94f4e0ad82fd6cf";

fn signing(c: &mut Criterion) {
    let params = [
        ("Action", "QueryOTAFirmware"),
        ("Version", "2018-01-20"),
        ("Format", "JSON"),
        ("FirmwareId", "s8SSHiKjpBfrM3BSN0z803****"),
        ("IotInstanceId", "iot_instc_pu****_c*-v64********"),
    ];
    let request = SigningRequest {
        method: "POST",
        params: &params,
    };
    let secret = Secret::new("testsecret");
    let token = Secret::new("CAIS/temporary+security=token".repeat(8));
    let now: Timestamp = "2016-02-23T12:46:24Z".parse().expect("a timestamp");

    let key = SigningKey {
        access_key_id: "testid",
        access_key_secret: &secret,
        security_token: None,
    };
    c.bench_function("sign/QueryOTAFirmware POST", |b| {
        b.iter(|| RpcV1Signer.sign(black_box(&request), black_box(&key), now, black_box(NONCE)))
    });

    let sts_key = SigningKey {
        security_token: Some(&token),
        ..key
    };
    c.bench_function("sign/QueryOTAFirmware POST with STS token", |b| {
        b.iter(|| {
            RpcV1Signer.sign(
                black_box(&request),
                black_box(&sts_key),
                now,
                black_box(NONCE),
            )
        })
    });
}

criterion_group!(benches, signing);
criterion_main!(benches);
