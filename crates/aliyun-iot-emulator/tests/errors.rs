//! Gateway errors and in-band errors over real HTTP.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

mod common;

use std::time::Duration;

use aliyun_iot_emulator::{
    AccessKey, EmulatorConfig, FIRMWARE_NOT_FOUND, INSTANCE_NOT_FOUND, MULTI_FILE_INSTANCE,
    MULTI_FILE_PACKAGE_ID,
};
use aliyun_runtime::signing::parse_server_string_to_sign;
use aliyun_runtime::wire::Format;
use common::{Call, ResponseExt as _, SEED_ID, start, start_default};
use test_support::{Response, send_request};

#[tokio::test]
async fn wrong_secret_gives_the_servers_string_to_sign() {
    let emu = start_default().await;
    for format in ["JSON", "XML"] {
        let call = Call::new(SEED_ID).set("Format", format).secret("wrong");
        let reply = call.send(emu.addr()).await;
        let error = reply.expect_error(400, "SignatureDoesNotMatch");
        let expected = format!("server string to sign is:{}", call.string_to_sign());
        assert!(error.message.ends_with(&expected), "{}", error.message);
        assert!(
            error
                .message
                .starts_with("Specified signature is not matched with our calculation.")
        );
        assert_eq!(
            parse_server_string_to_sign(&error.message),
            Some(call.string_to_sign().as_str())
        );
        assert_eq!(
            reply.format(),
            if format == "XML" {
                Format::Xml
            } else {
                Format::Json
            }
        );
        if format == "XML" {
            let text = reply.text();
            assert!(text.contains("<Error><RequestId>"), "{text}");
            assert!(text.contains("<HostId>"), "{text}");
        }
    }
    // A tampered parameter (signed with one FirmwareId, sent with another).
    let call = Call::new(SEED_ID);
    let query = call.encoded().replace("FirmwareId=Ufux", "FirmwareId=Xfux");
    let reply = send_request(emu.addr(), "GET", &format!("/?{query}"), &[], b"").await;
    reply.expect_error(400, "SignatureDoesNotMatch");
}

#[tokio::test]
async fn unknown_key() {
    let emu = start_default().await;
    let error = Call::new(SEED_ID)
        .set("AccessKeyId", "nobody")
        .send(emu.addr())
        .await
        .expect_error(404, "InvalidAccessKeyId.NotFound");
    assert!(!error.message.is_empty());
}

#[tokio::test]
async fn every_missing_parameter_is_named() {
    let emu = start_default().await;
    for name in [
        "Action",
        "Version",
        "AccessKeyId",
        "Signature",
        "SignatureMethod",
        "SignatureVersion",
        "SignatureNonce",
        "Timestamp",
    ] {
        let call = Call::new(SEED_ID).without(name);
        let reply = if name == "Signature" {
            let query = common::encode(&call.params);
            send_request(emu.addr(), "GET", &format!("/?{query}"), &[], b"").await
        } else {
            call.send(emu.addr()).await
        };
        let error = reply.expect_error(400, "MissingParameter");
        assert_eq!(
            error.message,
            format!(
                "The input parameter \"{name}\" that is mandatory for processing this request is not supplied."
            )
        );
        // An empty value is as good as none.
        let reply = Call::new(SEED_ID).set(name, "").send(emu.addr()).await;
        if name != "Signature" {
            let error = reply.expect_error(400, "MissingParameter");
            assert!(
                error.message.contains(&format!("\"{name}\"")),
                "{}",
                error.message
            );
        }
    }
    // A missing operation parameter is the operation's own code, in both formats.
    for format in ["JSON", "XML"] {
        for call in [
            Call::new(SEED_ID).without("FirmwareId"),
            Call::new(SEED_ID).set("FirmwareId", ""),
        ] {
            let reply = call.set("Format", format).send(emu.addr()).await;
            let error = reply.expect_error(400, "MissingFirmwareId");
            assert_eq!(error.message, "FirmwareId is mandatory for this action.");
        }
    }
}

#[tokio::test]
async fn unsupported_signature_method_or_version() {
    let emu = start_default().await;
    let error = Call::new(SEED_ID)
        .set("SignatureMethod", "HMAC-SHA256")
        .send(emu.addr())
        .await
        .expect_error(400, "IncompleteSignature");
    assert!(error.message.contains("HMAC-SHA256"), "{}", error.message);
    let error = Call::new(SEED_ID)
        .set("SignatureVersion", "2.0")
        .send(emu.addr())
        .await
        .expect_error(400, "IncompleteSignature");
    assert!(error.message.contains("2.0"), "{}", error.message);
}

#[tokio::test]
async fn unknown_action_version_path_or_method() {
    let emu = start_default().await;
    // Actions the product does not have (an IoT Action outside OTA, a near miss): refused
    // before the signature is even checked.
    for action in ["CreateProduct", "QueryOTAFirmwares"] {
        Call::new(SEED_ID)
            .set("Action", action)
            .send(emu.addr())
            .await
            .expect_error(404, "InvalidAction.NotFound");
        Call::new(SEED_ID)
            .set("Action", action)
            .secret("wrong")
            .send(emu.addr())
            .await
            .expect_error(404, "InvalidAction.NotFound");
    }
    Call::new(SEED_ID)
        .set("Version", "2017-04-20")
        .send(emu.addr())
        .await
        .expect_error(400, "InvalidVersion");
    let call = Call::new(SEED_ID);
    send_request(
        emu.addr(),
        "GET",
        &format!("/other?{}", call.encoded()),
        &[],
        b"",
    )
    .await
    .expect_error(404, "InvalidAction.NotFound");
    let call = Call::new(SEED_ID).method("PUT");
    call.send(emu.addr())
        .await
        .expect_error(404, "InvalidAction.NotFound");
}

#[tokio::test]
async fn timestamps() {
    let emu = start_default().await;
    for bad in [
        "yesterday",
        "2016-02-23 12:46:24",
        "2016-02-23T12:46:24",
        "1456231584",
    ] {
        Call::new(SEED_ID)
            .set("Timestamp", bad)
            .send(emu.addr())
            .await
            .expect_error(400, "InvalidTimeStamp.Format");
    }
    for minutes in [-20, 20, -60 * 24 * 365] {
        let error = Call::new(SEED_ID)
            .timestamp_offset(minutes)
            .send(emu.addr())
            .await
            .expect_error(400, "InvalidTimeStamp.Expired");
        assert_eq!(
            error.message,
            "Specified time stamp or date value is expired."
        );
    }
    for minutes in [-14, 14] {
        let reply = Call::new(SEED_ID)
            .timestamp_offset(minutes)
            .send(emu.addr())
            .await;
        assert_eq!(reply.status, 200, "{minutes}: {}", reply.text());
        reply.response();
    }
}

#[tokio::test]
async fn nonce_replay_is_refused() {
    let emu = start_default().await;
    let call = Call::new(SEED_ID);
    call.send(emu.addr()).await.response();
    let error = call
        .send(emu.addr())
        .await
        .expect_error(400, "SignatureNonceUsed");
    assert_eq!(error.message, "Specified signature nonce was used already.");
    // Also across methods and formats: the nonce is what counts.
    call.clone()
        .method("POST")
        .set("Format", "XML")
        .send(emu.addr())
        .await
        .expect_error(400, "SignatureNonceUsed");
    // A fresh nonce works.
    call.renew().send(emu.addr()).await.response();
    // A request refused before authentication does not burn its nonce.
    let call = Call::new(SEED_ID);
    call.clone()
        .secret("wrong")
        .send(emu.addr())
        .await
        .expect_error(400, "SignatureDoesNotMatch");
    call.send(emu.addr()).await.response();
}

#[tokio::test]
async fn a_full_nonce_store_refuses_rather_than_grows() {
    let emu = start(EmulatorConfig::ephemeral().with_nonce_capacity(2)).await;
    for _ in 0..2 {
        Call::new(SEED_ID).send(emu.addr()).await.response();
    }
    let error = Call::new(SEED_ID)
        .send(emu.addr())
        .await
        .expect_error(503, "ServiceUnavailable");
    assert!(error.is_retryable());
}

#[tokio::test]
async fn security_tokens() {
    let keys = vec![
        AccessKey::default(),
        AccessKey::new("STS.temp", "tempsecret").with_security_token("CAIS/token+value="),
    ];
    let emu = start(EmulatorConfig::ephemeral().with_keys(keys)).await;
    let sts = || {
        Call::new(SEED_ID)
            .set("AccessKeyId", "STS.temp")
            .secret("tempsecret")
    };
    sts()
        .send(emu.addr())
        .await
        .expect_error(400, "MissingSecurityToken");
    sts()
        .set("SecurityToken", "CAIS/other")
        .send(emu.addr())
        .await
        .expect_error(400, "InvalidSecurityToken.MismatchWithAccessKey");
    let reply = sts()
        .set("SecurityToken", "CAIS/token+value=")
        .send(emu.addr())
        .await;
    reply.response();
    // The token is signed like any parameter.
    let call = sts().set("SecurityToken", "CAIS/token+value=");
    let query = call.encoded().replace(
        "SecurityToken=CAIS%2Ftoken%2Bvalue%3D",
        "SecurityToken=CAIS%2Ftoken+value%3D",
    );
    send_request(emu.addr(), "GET", &format!("/?{query}"), &[], b"")
        .await
        .expect_error(400, "InvalidSecurityToken.MismatchWithAccessKey");
    // A permanent key with a token: refused.
    Call::new(SEED_ID)
        .set("SecurityToken", "CAIS/token+value=")
        .send(emu.addr())
        .await
        .expect_error(400, "InvalidSecurityToken.MismatchWithAccessKey");
}

#[tokio::test]
async fn throttling_per_key_at_qps() {
    let keys = vec![AccessKey::default(), AccessKey::new("other", "othersecret")];
    let emu = start(EmulatorConfig::ephemeral().with_keys(keys).with_qps(3)).await;
    for _ in 0..3 {
        Call::new(SEED_ID).send(emu.addr()).await.response();
    }
    let error = Call::new(SEED_ID)
        .send(emu.addr())
        .await
        .expect_error(400, "Throttling.User");
    assert_eq!(
        error.message,
        "Request was denied due to request throttling."
    );
    assert!(error.is_throttling() && error.is_retryable());
    // Another key has its own quota.
    let reply = Call::new(SEED_ID)
        .set("AccessKeyId", "other")
        .secret("othersecret")
        .send(emu.addr())
        .await;
    reply.response();
    // Unauthenticated calls do not count against the key (and are not throttled).
    Call::new(SEED_ID)
        .secret("x")
        .send(emu.addr())
        .await
        .expect_error(400, "SignatureDoesNotMatch");
    // A second later the quota is back.
    tokio::time::sleep(Duration::from_millis(1050)).await;
    Call::new(SEED_ID).send(emu.addr()).await.response();
}

#[tokio::test]
async fn default_quota_is_the_operations() {
    let emu = start_default().await;
    let started = std::time::Instant::now();
    let mut codes = Vec::new();
    for _ in 0..21 {
        let reply = Call::new(SEED_ID).send(emu.addr()).await;
        codes.push(reply.status);
    }
    assert!(codes[..20].iter().all(|&s| s == 200), "{codes:?}");
    // (On a machine so slow that 21 calls take a second, the window moved on.)
    if started.elapsed() < Duration::from_millis(900) {
        assert_eq!(codes[20], 400);
    }
}

/// An in-band failure with `code`: HTTP 200, `Success: false`, the code and a message, and no
/// package.
#[track_caller]
fn in_band(reply: &Response, code: &str) {
    let error = reply.in_band();
    assert_eq!(error.code, code, "{}", reply.text());
    assert!(!error.is_retryable());
    let text = reply.text();
    assert!(!text.contains("FirmwareInfo"), "{text}");
    assert!(text.contains("ErrorMessage"), "{text}");
}

#[tokio::test]
async fn unknown_packages_and_instances_are_in_band_errors() {
    let emu = start_default().await;
    for format in ["JSON", "XML"] {
        let call = |id: &str| Call::new(id).set("Format", format);
        in_band(
            &call("nope****0100").send(emu.addr()).await,
            FIRMWARE_NOT_FOUND,
        );
        // A package in an instance needs its IotInstanceId...
        in_band(
            &call(MULTI_FILE_PACKAGE_ID).send(emu.addr()).await,
            INSTANCE_NOT_FOUND,
        );
        // ...and the right one.
        in_band(
            &call(MULTI_FILE_PACKAGE_ID)
                .set("IotInstanceId", "iot-cn-0pp1n8t****")
                .send(emu.addr())
                .await,
            INSTANCE_NOT_FOUND,
        );
        // An instance that exists, for a package outside it.
        in_band(
            &call(SEED_ID)
                .set("IotInstanceId", MULTI_FILE_INSTANCE)
                .send(emu.addr())
                .await,
            FIRMWARE_NOT_FOUND,
        );
        // An empty IotInstanceId is no IotInstanceId.
        let reply = call(SEED_ID)
            .set("IotInstanceId", "")
            .send(emu.addr())
            .await;
        reply.response();
    }
    // The runtime's reply decoder turns it into an in-band service error.
    let reply = Call::new("nope").send(emu.addr()).await;
    let error = aliyun_runtime::wire::decode_reply::<
        aliyun_iot::query_ota_firmware::QueryOtaFirmwareResponse,
    >(Format::Json, reply.status, &reply.body)
    .unwrap_err();
    let shown = error.to_string();
    assert!(shown.contains(FIRMWARE_NOT_FOUND), "{shown}");
}

#[tokio::test]
async fn bad_format_and_duplicate_parameters() {
    let emu = start_default().await;
    let reply = Call::new(SEED_ID)
        .set("Format", "yaml")
        .send(emu.addr())
        .await;
    assert_eq!(reply.format(), Format::Xml);
    reply.expect_error(400, "InvalidParameter");

    let call = Call::new(SEED_ID);
    let query = format!("{}&FirmwareId=other", call.encoded());
    let error = send_request(emu.addr(), "GET", &format!("/?{query}"), &[], b"")
        .await
        .expect_error(400, "InvalidParameter");
    assert!(error.message.contains("FirmwareId"), "{}", error.message);

    // The same parameter in the query and in the body.
    let call = Call::new(SEED_ID).method("POST");
    let body = call.encoded();
    send_request(
        emu.addr(),
        "POST",
        "/?Action=QueryOTAFirmware",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        body.as_bytes(),
    )
    .await
    .expect_error(400, "InvalidParameter");
}
