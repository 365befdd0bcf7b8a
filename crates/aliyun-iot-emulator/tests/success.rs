//! Successful calls over real HTTP: formats, methods, where parameters go, encodings.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

mod common;

use aliyun_iot::query_ota_firmware::{FirmwareType, QueryOtaFirmwareResponse};
use aliyun_iot_emulator::{
    DELTA_PACKAGE_ID, MULTI_FILE_INSTANCE, MULTI_FILE_PACKAGE_ID, default_packages,
};
use aliyun_runtime::wire::{self, Format};
use common::{Call, ResponseExt as _, SEED_ID, XML_ID, assert_request_id, start_default};
use test_support::{Response, send_request};

fn package(id: &str) -> aliyun_iot::query_ota_firmware::FirmwareInfo {
    default_packages()
        .into_iter()
        .find(|p| p.firmware_id() == id)
        .expect("a default package")
        .firmware
}

/// A successful reply (HTTP 200, `Success: true`, decoded with the generated types) carrying
/// the package `id` exactly as the emulator holds it.
#[track_caller]
fn assert_success(reply: &Response, id: &str) -> QueryOtaFirmwareResponse {
    let response = reply.response();
    assert_package(&response, id);
    response
}

#[track_caller]
fn assert_package(response: &QueryOtaFirmwareResponse, id: &str) {
    assert_eq!(response.firmware_info.as_ref(), Some(&package(id)));
    assert_request_id(&response.request_id);
}

#[tokio::test]
async fn json_success_decodes_with_the_generated_types() {
    let emu = start_default().await;
    let reply = Call::new(SEED_ID).send(emu.addr()).await;
    assert!(
        reply
            .header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    assert!(reply.body.starts_with(b"{"));
    let response = assert_success(&reply, SEED_ID);
    assert_eq!(
        reply.header("x-acs-request-id"),
        Some(response.request_id.as_str())
    );
    let info = response.firmware_info.clone().unwrap();
    assert_eq!(info.firmware_size, Some(924));
    assert_eq!(info.dest_version.as_deref(), Some("4.0.0"));
    assert!(info.udi.unwrap().contains("ota_notice"));
    // Exactly what the generated encoder writes, the envelope first.
    let mut expected = QueryOtaFirmwareResponse::default();
    expected.request_id = response.request_id.clone();
    expected.firmware_info = Some(package(SEED_ID));
    let body = wire::encode_reply(&expected, Format::Json, "QueryOTAFirmwareResponse");
    assert_eq!(reply.text(), body);
    let prefix = format!(
        r#"{{"RequestId":"{}","Success":true,"FirmwareInfo":{{"#,
        response.request_id
    );
    assert!(body.starts_with(&prefix), "{body}");
}

#[tokio::test]
async fn xml_success_with_cdata() {
    let emu = start_default().await;
    let reply = Call::new(XML_ID)
        .set("Format", "XML")
        .send(emu.addr())
        .await;
    assert!(
        reply
            .header("content-type")
            .unwrap()
            .starts_with("text/xml")
    );
    let text = reply.text();
    assert!(text.contains("<QueryOTAFirmwareResponse>"), "{text}");
    assert!(text.contains("<FirmwareUrl><![CDATA[https://"), "{text}");
    assert!(
        text.contains("<RequestId>") && text.contains("<Success>true</Success>"),
        "{text}"
    );
    assert_success(&reply, XML_ID);
}

#[tokio::test]
async fn xml_is_the_default_and_format_is_case_insensitive() {
    let emu = start_default().await;
    let reply = Call::new(SEED_ID).without("Format").send(emu.addr()).await;
    assert_eq!(reply.format(), Format::Xml);
    assert_success(&reply, SEED_ID);
    let reply = Call::new(SEED_ID).set("Format", "").send(emu.addr()).await;
    assert_eq!(reply.format(), Format::Xml);

    for (value, format) in [
        ("json", Format::Json),
        ("Json", Format::Json),
        ("xml", Format::Xml),
    ] {
        let reply = Call::new(SEED_ID)
            .set("Format", value)
            .send(emu.addr())
            .await;
        assert_eq!(reply.format(), format, "{value}");
        assert_success(&reply, SEED_ID);
    }
}

#[tokio::test]
async fn get_and_post_sign_differently() {
    let emu = start_default().await;
    // POST with everything in the query, as the official Python SDK sends it.
    let reply = Call::new(SEED_ID).method("POST").send(emu.addr()).await;
    assert_success(&reply, SEED_ID);
    // Signed for GET, sent as POST: refused, and the server's string to sign says POST.
    let mut call = Call::new(SEED_ID).method("POST");
    call.sign_method = Some("GET");
    let error = call
        .send(emu.addr())
        .await
        .expect_error(400, "SignatureDoesNotMatch");
    let server = aliyun_runtime::signing::parse_server_string_to_sign(&error.message).unwrap();
    assert!(server.starts_with("POST&%2F&"), "{server}");
    let mut as_sent = call.clone();
    as_sent.sign_method = None;
    assert_eq!(server, as_sent.string_to_sign());
    let mut call = Call::new(SEED_ID).method("GET");
    call.sign_method = Some("POST");
    call.send(emu.addr())
        .await
        .expect_error(400, "SignatureDoesNotMatch");
}

#[tokio::test]
async fn post_form_body_and_merged_query_and_body() {
    let emu = start_default().await;
    // Everything in the form body, as Node's pop-core sends a POST.
    let reply = Call::new(SEED_ID)
        .method("POST")
        .send_form(emu.addr())
        .await;
    assert_success(&reply, SEED_ID);

    // Half in the query, half in the body: the signature covers both.
    let call = Call::new(XML_ID).method("POST");
    let signed = call.signed();
    let (query, body) = signed.split_at(4);
    let reply = send_request(
        emu.addr(),
        "POST",
        &format!("/?{}", common::encode(query)),
        &[(
            "Content-Type",
            "application/x-www-form-urlencoded; charset=UTF-8",
        )],
        common::encode(body).as_bytes(),
    )
    .await;
    assert_success(&reply, XML_ID);

    // A form body on GET, or a POST body of another type, is not read.
    let reply = send_request(
        emu.addr(),
        "POST",
        "/",
        &[("Content-Type", "application/json")],
        Call::new(SEED_ID).method("POST").encoded().as_bytes(),
    )
    .await;
    let error = reply.expect_error(400, "MissingParameter");
    assert!(error.message.contains("\"Action\""), "{}", error.message);
}

#[tokio::test]
async fn plus_is_a_space_and_empty_values_are_signed() {
    let emu = start_default().await;
    // A value with spaces (an unknown parameter is signed and otherwise ignored), sent with
    // `+` as one official SDK does, and an empty SignatureType as the old SDKs send.
    let call = Call::new(SEED_ID)
        .set("RegionId", "cn shanghai  x")
        .set("SignatureType", "");
    let query = call.encoded().replace("%20", "+");
    assert!(query.contains("RegionId=cn+shanghai++x"), "{query}");
    assert!(query.contains("SignatureType=&"), "{query}");
    let reply = send_request(emu.addr(), "GET", &format!("/?{query}"), &[], b"").await;
    assert_success(&reply, SEED_ID);

    // The same in a form body.
    let call = Call::new(SEED_ID)
        .method("POST")
        .set("RegionId", "a b")
        .set("SignatureType", "");
    let body = call.encoded().replace("%20", "+");
    let reply = send_request(
        emu.addr(),
        "POST",
        "/",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        body.as_bytes(),
    )
    .await;
    assert_success(&reply, SEED_ID);

    // Without SignatureType in what was signed, its presence breaks the signature.
    let call = Call::new(SEED_ID);
    let query = format!("{}&SignatureType=", call.encoded());
    let reply = send_request(emu.addr(), "GET", &format!("/?{query}"), &[], b"").await;
    reply.expect_error(400, "SignatureDoesNotMatch");
}

#[tokio::test]
async fn multi_file_and_delta_packages_in_both_formats() {
    let emu = start_default().await;
    for format in ["JSON", "XML"] {
        let reply = Call::new(MULTI_FILE_PACKAGE_ID)
            .set("IotInstanceId", MULTI_FILE_INSTANCE)
            .set("Format", format)
            .send(emu.addr())
            .await;
        let response = assert_success(&reply, MULTI_FILE_PACKAGE_ID);
        let info = response.firmware_info.unwrap();
        assert_eq!(info.multi_files.len(), 3, "{format}");
        assert!(info.firmware_url.is_none());
        if format == "XML" {
            assert!(
                reply
                    .text()
                    .contains("<MultiFiles><OtaPackageFileDTO><Name>"),
                "{}",
                reply.text()
            );
        }

        let reply = Call::new(DELTA_PACKAGE_ID)
            .set("Format", format)
            .send(emu.addr())
            .await;
        let response = assert_success(&reply, DELTA_PACKAGE_ID);
        let info = response.firmware_info.unwrap();
        assert_eq!(info.r#type, Some(FirmwareType::Delta));
        assert_eq!(info.src_version.as_deref(), Some("4.0.0"));
    }
}

#[tokio::test]
async fn a_signed_call_with_thousands_of_extra_parameters_succeeds() {
    let emu = start_default().await;
    let mut call = Call::new(SEED_ID).method("POST");
    for i in 0..3000 {
        call = call.set(&format!("X{i:04}"), "v");
    }
    let reply = call.send_form(emu.addr()).await;
    assert_success(&reply, SEED_ID);
}

#[tokio::test]
async fn unicode_and_reserved_characters_in_values() {
    let emu = start_default().await;
    let call = Call::new(SEED_ID).set("Note", "中文 a*b~c/d+e=f&g'h!(i)");
    let reply = call.send(emu.addr()).await;
    assert_success(&reply, SEED_ID);
}

#[tokio::test]
async fn a_real_client_keeps_the_connection_alive() {
    let emu = start_default().await;
    aliyun_runtime::client::install_crypto_provider();
    let client = reqwest::Client::new();
    for id in [SEED_ID, XML_ID, DELTA_PACKAGE_ID] {
        let call = Call::new(id).method("POST");
        let url = format!("{}?{}", emu.endpoint(), call.encoded());
        let response = client.post(url).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200);
        let body = response.bytes().await.unwrap();
        let decoded: QueryOtaFirmwareResponse =
            wire::decode_reply(Format::Json, 200, &body).unwrap();
        assert_package(&decoded, id);
    }
}

#[tokio::test]
async fn endpoint_names_the_bound_port() {
    let emu = start_default().await;
    let port = emu.addr().port();
    assert_ne!(port, 0);
    assert_eq!(emu.endpoint(), format!("http://127.0.0.1:{port}/"));
    emu.shutdown().await;
}
