//! The key facts of QueryOTAFirmware response decoding, asserted explicitly for the documented
//! samples and every fixture in `tests/fixtures/` (MultiFiles in every shape, delta packages,
//! in-band errors, shape drift, malformed bodies), so that a snapshot accepted by mistake
//! (`samples.rs` snapshots every body) does not hide a regression.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use aliyun_iot::jiff::Timestamp;
use aliyun_iot::query_ota_firmware::{
    FirmwareInfo, FirmwareStatus, FirmwareType, QueryOtaFirmwareResponse, SignMethod,
};
use aliyun_runtime::wire::{self, DecodeError, Format};
use aliyun_runtime::{Error, ErrorOrigin, ServiceError};
use serde_json::json;

use workspace_tests::{fixture, sample};

/// The typed reply of an HTTP 200 body, as the client would see it.
fn reply(format: Format, body: &[u8]) -> Result<QueryOtaFirmwareResponse, Error> {
    wire::decode_reply::<QueryOtaFirmwareResponse>(format, 200, body)
}

/// A reply that must decode.
fn ok(format: Format, body: &[u8]) -> QueryOtaFirmwareResponse {
    reply(format, body).unwrap_or_else(|e| panic!("expected a reply, got: {e}"))
}

/// The package of a reply that must decode and carry one.
fn info(format: Format, body: &[u8]) -> FirmwareInfo {
    ok(format, body)
        .firmware_info
        .expect("the reply has a FirmwareInfo")
}

/// The decode error of a body that must not decode.
fn decode_error(format: Format, body: &[u8]) -> DecodeError {
    match reply(format, body) {
        Err(Error::Decode(e)) => e,
        other => panic!("expected a decode error, got: {other:?}"),
    }
}

/// The service error of a body that reports a failure in band.
fn service_error(format: Format, body: &[u8]) -> ServiceError {
    match reply(format, body) {
        Err(Error::Service(e)) => *e,
        other => panic!("expected a service error, got: {other:?}"),
    }
}

fn ts(text: &str) -> Timestamp {
    text.parse().expect("a valid timestamp")
}

const DOC_URL: &str = "https://ota-pre.iot-thing.cn-shanghai.aliyuncs.com/ota/572ef2fd12ca4791a5b21a9eb948****/5E962CF83DB1495E8337E9C8A4D1****.bin?Expires=1577587360&OSSAccessKeyId=cS8uRRy54Rsz****&Signature=farzC8%2FVMN4HYdEtXvdiC2OevH****";
const DRIVER_URL: &str = "https://iotx-ota.oss-cn-shanghai.aliyuncs.com/ota/9c1f7e5a2b3d4c6e8f0a1b2c3d4e****/driver.bin?Expires=1678791600&OSSAccessKeyId=LTAI5tQ8****&Signature=Zk3rV0%2Bq9mT1yB7xW2cN8pL4dE****%3D";
const APP_URL: &str = "https://iotx-ota.oss-cn-shanghai.aliyuncs.com/ota/9c1f7e5a2b3d4c6e8f0a1b2c3d4e****/app.bin?Expires=1678791600&OSSAccessKeyId=LTAI5tQ8****&Signature=Hq7uN2%2FfK8sW0bX5vJ3mR9tA1c****%3D";

// ---------------------------------------------------------------------------------------
// Documented samples
// ---------------------------------------------------------------------------------------

#[test]
fn seed_json() {
    let body = sample!("QueryOTAFirmware.seed.json");

    let resp = ok(Format::Json, body);
    assert_eq!(resp.request_id, "A01829CE-75A1-4920-B775-921146A1AB79");
    let info = resp.firmware_info.expect("FirmwareInfo");
    assert_eq!(info.status, Some(FirmwareStatus::Verifying));
    assert_eq!(info.r#type, Some(FirmwareType::Full));
    assert_eq!(info.sign_method, Some(SignMethod::Md5));
    assert_eq!(info.firmware_size, Some(924_i64));
    assert_eq!(info.verify_progress, Some(0));
    assert_eq!(
        info.src_version.as_deref(),
        Some(""),
        "SrcVersion is \"\" for full packages"
    );
    assert_eq!(info.dest_version.as_deref(), Some("4.0.0"));
    assert_eq!(info.utc_create, Some(ts("2019-12-28T02:42:22Z")));
    assert_eq!(info.utc_create.unwrap().as_second(), 1_577_500_942);
    assert_eq!(info.utc_modified, Some(ts("2019-12-28T02:42:41Z")));
    assert!(
        info.firmware_url
            .as_deref()
            .unwrap()
            .contains("?Expires=1577587360&OSSAccessKeyId=")
    );
    assert!(info.multi_files.is_empty());
    assert_eq!(
        info.udi_json(),
        Some(json!({
            "ota_notice": " Upgrade the underlying camera driver to solve the problem of blurred video images. "
        }))
    );
}

#[test]
fn doc_json() {
    let body = sample!("QueryOTAFirmware.doc.json");

    let info = info(Format::Json, body);
    assert_eq!(
        info.firmware_id.as_deref(),
        Some("UfuxnwygsuSkVE0VCN****0100")
    );
    assert_eq!(info.status, Some(FirmwareStatus::Verifying));
    assert_eq!(info.firmware_size, Some(924));
    assert_eq!(info.firmware_url.as_deref(), Some(DOC_URL));
    assert_eq!(info.utc_create, Some(ts("2019-12-28T02:42:22Z")));
    assert_eq!(info.udi, None, "the older revision has no Udi");
    assert_eq!(info.udi_json(), None);
    assert!(info.multi_files.is_empty());
}

#[test]
fn doc_xml() {
    let body = sample!("QueryOTAFirmware.doc.xml");

    let resp = ok(Format::Xml, body);
    assert_eq!(resp.request_id, "A01829CE-75A1-4920-B775-921146A1AB79");
    let info = resp.firmware_info.expect("FirmwareInfo");
    // The XML sample disagrees with the JSON one: another package.
    assert_eq!(
        info.firmware_id.as_deref(),
        Some("yLYuCqfqQNQ1JOqkDa****0100")
    );
    assert_eq!(info.status, Some(FirmwareStatus::Unverified));
    assert_eq!(info.utc_create, Some(ts("2019-12-28T02:42:41Z")));
    assert_eq!(info.r#type, Some(FirmwareType::Full));
    assert_eq!(info.sign_method, Some(SignMethod::Md5));
    assert_eq!(info.firmware_size, Some(924));
    assert_eq!(
        info.src_version.as_deref(),
        Some(""),
        "<SrcVersion></SrcVersion> is \"\""
    );
    assert_eq!(
        info.firmware_url.as_deref(),
        Some(DOC_URL),
        "CDATA is unwrapped"
    );
}

#[test]
fn gateway_error_json() {
    let body = sample!("gateway-error.json");
    let error = wire::decode_gateway_error(Format::Json, 400, body);

    assert_eq!(error.origin, ErrorOrigin::Gateway);
    assert_eq!(error.status, 400);
    assert_eq!(error.code, "SignatureNonceUsed");
    assert_eq!(error.message, "Specified signature nonce was used already.");
    assert_eq!(
        error.request_id.as_deref(),
        Some("4BC02B9F-6E54-4346-9B2C-5B9896F66540")
    );
    assert_eq!(
        error.host_id.as_deref(),
        Some("rds.ap-southeast-3.aliyuncs.com")
    );
    assert_eq!(
        error.recommend.as_deref(),
        Some(
            "https://error-center.aliyun.com/status/search?Keyword=SignatureNonceUsed&source=PopGw"
        )
    );
    // The same body through `decode_reply` is the same service error.
    match wire::decode_reply::<QueryOtaFirmwareResponse>(Format::Json, 400, body) {
        Err(Error::Service(e)) => assert_eq!(*e, error),
        other => panic!("expected a service error, got: {other:?}"),
    }
}

#[test]
fn gateway_error_xml() {
    let body = sample!("gateway-error.xml");
    let error = wire::decode_gateway_error(Format::Xml, 404, body);

    assert_eq!(error.origin, ErrorOrigin::Gateway);
    assert_eq!(error.status, 404);
    assert_eq!(error.code, "InvalidAction.NotFound");
    assert_eq!(
        error.message,
        "Specified api is not found, please check your url and method."
    );
    assert_eq!(
        error.request_id.as_deref(),
        Some("9823FD72-9A5D-4D3F-BA2C-F8238696A81C")
    );
    assert_eq!(error.host_id.as_deref(), Some("business.aliyuncs.com"));
    assert_eq!(error.recommend, None);
    match wire::decode_reply::<QueryOtaFirmwareResponse>(Format::Xml, 404, body) {
        Err(Error::Service(e)) => assert_eq!(*e, error),
        other => panic!("expected a service error, got: {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------
// MultiFiles in every shape: all five fixtures describe the same two-file package (the
// single-object one a one-file package).
// ---------------------------------------------------------------------------------------

/// The two-file package, as decoded from the flat JSON array (the most likely shape).
fn two_file_package() -> QueryOtaFirmwareResponse {
    ok(Format::Json, fixture!("multi_files_array.json"))
}

#[test]
fn multi_files_array_json() {
    let body = fixture!("multi_files_array.json");

    let info = info(Format::Json, body);
    assert_eq!(info.multi_files.len(), 2);
    let (driver, app) = (&info.multi_files[0], &info.multi_files[1]);
    assert_eq!(driver.name.as_deref(), Some("driver.bin"));
    assert_eq!(driver.size, Some(524_288_i64));
    assert_eq!(driver.url.as_deref(), Some(DRIVER_URL));
    assert_eq!(
        driver.sign_value.as_deref(),
        Some("b4def8217cadae26d4da633fd2a4e58e326cbb5d570afdc3989484da07af3579")
    );
    assert_eq!(
        driver.file_md5.as_deref(),
        Some("e2d45d57c7e2941b65c6ccd64af4223e")
    );
    assert_eq!(app.name.as_deref(), Some("app.bin"));
    assert_eq!(app.size, Some(1_048_576_000_i64), "a 1,000 MB file");
    assert_eq!(app.url.as_deref(), Some(APP_URL));
    // Single-file fields are absent for multi-file packages.
    assert_eq!(
        (&info.firmware_sign, info.firmware_size, &info.firmware_url),
        (&None, None, &None)
    );
    assert_eq!(info.sign_method, Some(SignMethod::Sha256));
    assert_eq!(info.status, Some(FirmwareStatus::Verified));
    assert_eq!(info.verify_progress, Some(100));
    assert_eq!(info.utc_modified, Some(ts("2023-03-14T09:02:11.123Z")));
    assert_eq!(
        info.udi_json(),
        Some(json!({"ota_notice": "Driver and app are updated together.", "reboot": true}))
    );
}

#[test]
fn multi_files_wrapped_json() {
    let body = fixture!("multi_files_wrapped.json");
    assert_eq!(ok(Format::Json, body), two_file_package());
}

#[test]
fn multi_files_single_object_json() {
    let body = fixture!("multi_files_single_object.json");

    let info = info(Format::Json, body);
    assert_eq!(
        info.multi_files.len(),
        1,
        "a single object is a one-element list"
    );
    assert_eq!(
        info.multi_files[0],
        two_file_package().firmware_info.unwrap().multi_files[0]
    );
    assert_eq!(info.udi.as_deref(), Some("Driver update only."));
    assert_eq!(info.udi_json(), None, "plain-text Udi is not JSON");
}

#[test]
fn multi_files_wrapped_xml() {
    let body = fixture!("multi_files_wrapped.xml");
    assert_eq!(ok(Format::Xml, body), two_file_package());
}

#[test]
fn multi_files_siblings_xml() {
    let body = fixture!("multi_files_siblings.xml");
    assert_eq!(ok(Format::Xml, body), two_file_package());
}

// ---------------------------------------------------------------------------------------
// Delta package
// ---------------------------------------------------------------------------------------

#[test]
fn delta_json() {
    let body = fixture!("delta.json");

    let info = info(Format::Json, body);
    assert_eq!(info.r#type, Some(FirmwareType::Delta));
    assert_eq!(info.src_version.as_deref(), Some("4.0.0"));
    assert_eq!(info.dest_version.as_deref(), Some("4.0.1"));
    assert_eq!(info.status, Some(FirmwareStatus::NoVerificationRequired));
    assert_eq!(info.status.unwrap().value(), -1);
    assert_eq!(info.firmware_size, Some(20_480));
    assert_eq!(info.udi_json(), None, "plain-text Udi is not JSON");
}

#[test]
fn delta_xml() {
    let body = fixture!("delta.xml");
    assert_eq!(
        ok(Format::Xml, body),
        ok(Format::Json, fixture!("delta.json"))
    );
}

// ---------------------------------------------------------------------------------------
// In-band errors: HTTP 200 with Success false
// ---------------------------------------------------------------------------------------

#[test]
fn in_band_error_json() {
    let body = fixture!("in_band_error.json");

    let e = service_error(Format::Json, body);
    assert_eq!(e.origin, ErrorOrigin::InBand);
    assert_eq!(e.status, 200);
    assert_eq!(e.code, "iot.system.SystemException");
    assert_eq!(e.message, "A system exception occurred.");
    assert_eq!(
        e.request_id.as_deref(),
        Some("E4B1A7C2-9D3F-4B6E-8A15-2C7D9E0F1A2B")
    );
    assert!(e.is_retryable(), "a system exception is transient");
}

#[test]
fn in_band_error_xml() {
    let body = fixture!("in_band_error.xml");

    let e = service_error(Format::Xml, body);
    assert_eq!(e.origin, ErrorOrigin::InBand);
    assert_eq!(e.status, 200);
    assert_eq!(e.code, "iot.system.InstanceNotFound");
    assert_eq!(e.message, "The specified instance does not exist.");
    assert_eq!(
        e.request_id.as_deref(),
        Some("5A8C3E1F-7B2D-4C9A-B6E4-0F1D2C3B4A59")
    );
    assert!(!e.is_retryable(), "a wrong instance stays wrong");
}

// ---------------------------------------------------------------------------------------
// Shape drift
// ---------------------------------------------------------------------------------------

#[test]
fn drift_numbers_as_strings_json() {
    let body = fixture!("drift_numbers_as_strings.json");

    // `"Success":"true"` is true: the reply is not an error.
    let resp = ok(Format::Json, body);
    let info = resp.firmware_info.as_ref().unwrap();
    assert_eq!(
        info.status,
        Some(FirmwareStatus::Verifying),
        "\"Status\":\"2\""
    );
    assert_eq!(info.firmware_size, Some(924), "\"FirmwareSize\":\"924\"");
    assert_eq!(info.r#type, Some(FirmwareType::Full));
    assert_eq!(info.verify_progress, Some(0));
    // The same values as the documented JSON sample, sent as numbers there.
    assert_eq!(resp, ok(Format::Json, sample!("QueryOTAFirmware.doc.json")));
}

#[test]
fn drift_unknown_fields_json() {
    let body = fixture!("drift_unknown_fields.json");

    let info = info(Format::Json, body);
    assert_eq!(info.multi_files.len(), 1);
    assert_eq!(info.multi_files[0].size, Some(524_288));
    assert_eq!(info.multi_files[0].url.as_deref(), Some(DRIVER_URL));
    assert_eq!(
        info.firmware_desc.as_deref(),
        Some("Camera driver with new fields around it"),
        "fields after unknown nested values are still read"
    );
    assert_eq!(info.status, Some(FirmwareStatus::Verified));
}

#[test]
fn drift_unknown_fields_xml() {
    let body = fixture!("drift_unknown_fields.xml");
    assert_eq!(
        ok(Format::Xml, body),
        ok(Format::Json, fixture!("drift_unknown_fields.json"))
    );
}

#[test]
fn drift_unknown_enums_json() {
    let body = fixture!("drift_unknown_enums.json");

    let resp = ok(Format::Json, body);
    let info = resp.firmware_info.as_ref().unwrap();
    assert_eq!(info.status, Some(FirmwareStatus::from_value(7)));
    assert_eq!(info.sign_method, Some(SignMethod::from_value("SM3")));
    assert_eq!(info.r#type, Some(FirmwareType::from_value(2)));
    assert_eq!(info.status.unwrap().to_string(), "unknown (7)");

    // Unknown values are written back as sent.
    let json: serde_json::Value = serde_json::from_str(&wire::encode_reply(
        &resp,
        Format::Json,
        "QueryOTAFirmwareResponse",
    ))
    .expect("valid JSON");
    assert_eq!(json["FirmwareInfo"]["Status"], json!(7));
    assert_eq!(json["FirmwareInfo"]["SignMethod"], json!("SM3"));
    assert_eq!(json["FirmwareInfo"]["Type"], json!(2));
    let xml = wire::encode_reply(&resp, Format::Xml, "QueryOTAFirmwareResponse");
    assert!(xml.contains("<Status>7</Status>"), "{xml}");
    assert!(xml.contains("<SignMethod>SM3</SignMethod>"), "{xml}");
    assert!(xml.contains("<Type>2</Type>"), "{xml}");
}

#[test]
fn drift_empty_elements_xml() {
    let body = fixture!("drift_empty_elements.xml");

    let info = info(Format::Xml, body);
    // Empty strings are values; an empty number is absent; an empty list has no items.
    assert_eq!(info.src_version.as_deref(), Some(""), "<SrcVersion/>");
    assert_eq!(info.firmware_sign.as_deref(), Some(""), "<FirmwareSign/>");
    assert_eq!(info.firmware_url.as_deref(), Some(""), "<FirmwareUrl/>");
    assert_eq!(
        info.firmware_desc.as_deref(),
        Some(""),
        "<FirmwareDesc></FirmwareDesc>"
    );
    assert_eq!(info.firmware_size, None, "<FirmwareSize></FirmwareSize>");
    assert_eq!(
        info.verify_progress, None,
        "<VerifyProgress></VerifyProgress>"
    );
    assert_eq!(info.udi.as_deref(), Some(""));
    assert_eq!(info.udi_json(), None);
    assert!(info.multi_files.is_empty(), "<MultiFiles/>");
    assert_eq!(info.status, Some(FirmwareStatus::Unverified));
}

#[test]
fn xml_declaration_shuffled() {
    let body = fixture!("xml_declaration_shuffled.xml");
    // The documented XML sample, with a double-quoted declaration and every element moved.
    assert_eq!(
        ok(Format::Xml, body),
        ok(Format::Xml, sample!("QueryOTAFirmware.doc.xml"))
    );
}

#[test]
fn xml_declaration_single_quotes() {
    let body = fixture!("xml_declaration_single_quotes.xml");
    assert_eq!(
        ok(Format::Xml, body),
        ok(Format::Xml, sample!("QueryOTAFirmware.doc.xml"))
    );
}

// ---------------------------------------------------------------------------------------
// Malformed bodies: the error names the format, where, and shows the start of the body.
// ---------------------------------------------------------------------------------------

#[test]
fn malformed_truncated_json() {
    let body = fixture!("malformed_truncated.json");
    let e = decode_error(Format::Json, body);
    assert_eq!(e.format, Format::Json);
    assert!(e.path == "line 15 column 144", "{e}");
    assert!(e.message.contains("EOF"), "{e}");
    assert!(e.excerpt.starts_with("{ \"RequestId\": \"A01829CE"), "{e}");
}

#[test]
fn malformed_wrong_type_json() {
    let body = fixture!("malformed_wrong_type.json");
    let e = decode_error(Format::Json, body);
    assert_eq!(e.format, Format::Json);
    assert_eq!(e.path, "FirmwareInfo.FirmwareSize");
    assert!(e.message.contains("\"big\""), "{e}");
}

#[test]
fn malformed_multi_files_size_json() {
    let body = fixture!("malformed_multi_files_size.json");
    let e = decode_error(Format::Json, body);
    assert_eq!(e.format, Format::Json);
    assert_eq!(e.path, "FirmwareInfo.MultiFiles[0].Size");
    assert!(e.message.contains("\"x\""), "{e}");
}

#[test]
fn malformed_multi_files_size_xml() {
    let body = fixture!("malformed_multi_files_size.xml");
    let e = decode_error(Format::Xml, body);
    assert_eq!(e.format, Format::Xml);
    assert_eq!(
        e.path, "FirmwareInfo.MultiFiles[1].Size",
        "the second sibling"
    );
    assert!(e.message.contains("\"1,000 MB\""), "{e}");
}

#[test]
fn malformed_missing_request_id_json() {
    let body = fixture!("malformed_missing_request_id.json");
    let e = decode_error(Format::Json, body);
    assert_eq!(e.format, Format::Json);
    assert_eq!(e.path, "RequestId");
    assert_eq!(e.message, "required field is missing");
}

#[test]
fn malformed_cdata_typo_xml() {
    // The English copy of the documented XML sample: `<![ CDATA[` is not CDATA.
    let body = fixture!("malformed_cdata_typo.xml");
    let e = decode_error(Format::Xml, body);
    assert_eq!(e.format, Format::Xml);
    assert!(e.path.starts_with("byte "), "{e}");
    assert!(
        e.excerpt
            .starts_with("<QueryOTAFirmwareResponse> <RequestId>"),
        "{e}"
    );
}

// ---------------------------------------------------------------------------------------
// List shapes that once decoded wrongly (`decode_list_into`): kept as regression tests.
// ---------------------------------------------------------------------------------------

#[test]
fn unknown_key_in_list_wrapper_json() {
    let body = fixture!("drift_unknown_field_in_list_wrapper.json");
    let info = info(Format::Json, body);
    assert_eq!(
        info.multi_files,
        two_file_package().firmware_info.unwrap().multi_files
    );
}

#[test]
fn unknown_key_in_list_wrapper_xml() {
    let body = fixture!("drift_unknown_field_in_list_wrapper.xml");
    let info = info(Format::Xml, body);
    assert_eq!(
        info.multi_files,
        two_file_package().firmware_info.unwrap().multi_files
    );
}

#[test]
fn empty_wrapper_or_null_item_adds_no_file() {
    for multi_files in [
        r#"{}"#,
        r#"{"OtaPackageFileDTO": null}"#,
        r#"{"OtaPackageFileDTO": []}"#,
        r#"[null]"#,
    ] {
        let body = format!(
            r#"{{"RequestId":"7C3E5A1B-2F4D-4E8A-9B6C-1D2E3F4A5B6C","Success":true,"FirmwareInfo":{{"MultiFiles":{multi_files}}}}}"#
        );
        let info = info(Format::Json, body.as_bytes());
        assert_eq!(info.multi_files, vec![], "MultiFiles: {multi_files}");
    }
}

// ---------------------------------------------------------------------------------------
// The rest of the OTA family: wrapper shapes and disputed spellings
// ---------------------------------------------------------------------------------------

#[test]
fn list_ota_module_by_product_data_in_every_shape() {
    use aliyun_iot::list_ota_module_by_product::ListOtaModuleByProductResponse;
    let modules = |format, body: &[u8]| -> Vec<String> {
        let reply: ListOtaModuleByProductResponse =
            wire::decode_reply(format, 200, body).unwrap_or_else(|e| panic!("{e}"));
        reply
            .data
            .into_iter()
            .filter_map(|m| m.module_name)
            .collect()
    };
    let both = ["default", "barcodeScanner"];
    assert_eq!(
        modules(
            Format::Json,
            fixture!("ListOTAModuleByProduct.flat_array.json")
        ),
        both
    );
    assert_eq!(
        modules(
            Format::Json,
            fixture!("ListOTAModuleByProduct.wrapped.json")
        ),
        both
    );
    assert_eq!(
        modules(Format::Xml, fixture!("ListOTAModuleByProduct.repeated.xml")),
        both
    );
    assert_eq!(
        modules(Format::Xml, fixture!("ListOTAModuleByProduct.wrapped.xml")),
        both
    );
    // The documented sample: a single object.
    assert_eq!(
        modules(Format::Json, sample!("ListOTAModuleByProduct.doc.json")),
        ["barcodeScanner"]
    );
    assert_eq!(
        modules(Format::Xml, sample!("ListOTAModuleByProduct.doc.xml")),
        ["barcodeScanner"]
    );
}

#[test]
fn disputed_job_spellings_decode_to_one_variant() {
    use aliyun_iot::query_ota_job::{JobStatus, JobType, QueryOtaJobResponse};
    for (format, body) in [
        (Format::Json, fixture!("QueryOTAJob.spellings.json")),
        (Format::Xml, fixture!("QueryOTAJob.spellings.xml")),
    ] {
        let reply: QueryOtaJobResponse =
            wire::decode_reply(format, 200, body).unwrap_or_else(|e| panic!("{e}"));
        let job = reply.data.expect("Data");
        assert_eq!(job.job_type, Some(JobType::VerifyFirmware), "{format}");
        assert_eq!(job.job_status, Some(JobStatus::Completed), "{format}");
        assert_eq!(job.src_versions, ["1.0.0", "1.0.1"], "{format}");
        assert_eq!(job.tags.len(), 1, "{format}");
        assert_eq!(job.need_push, Some(true), "{format}");
    }
    // What is sent is the documented spelling.
    assert_eq!(JobType::VerifyFirmware.as_str(), "VERFIY_FIRMWARE");
    assert_eq!(JobStatus::Completed.as_str(), "COMPLETED");
}

#[test]
fn camel_case_envelope_and_confirm_root() {
    use aliyun_iot::confirm_ota_task::ConfirmOtaTaskResponse;
    use aliyun_iot::list_ota_module_versions_by_device::ListOtaModuleVersionsByDeviceResponse;
    let reply: ListOtaModuleVersionsByDeviceResponse = wire::decode_reply(
        Format::Json,
        200,
        sample!("ListOTAModuleVersionsByDevice.doc.json"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reply.request_id, "67AF7881-704C-40CC-B296-72F91380A117");
    assert_eq!((reply.total, reply.data.len()), (Some(1), 1));
    let reply: ConfirmOtaTaskResponse =
        wire::decode_reply(Format::Xml, 200, sample!("ConfirmOTATask.doc.xml"))
            .unwrap_or_else(|e| panic!("{e}"));
    assert!(!reply.request_id.is_empty());
}

#[test]
fn an_in_band_failure_of_any_operation() {
    use aliyun_iot::list_ota_task_by_job::ListOtaTaskByJobResponse;
    match wire::decode_reply::<ListOtaTaskByJobResponse>(
        Format::Json,
        200,
        fixture!("ListOTATaskByJob.in_band_error.json"),
    ) {
        Err(Error::Service(e)) => {
            assert_eq!(e.code, aliyun_iot::error_codes::SYSTEM_EXCEPTION);
            assert_eq!(e.request_id.as_deref(), Some("6F1C2E3A-0007"));
            assert!(e.is_retryable());
        }
        other => panic!("expected an in-band failure, got {other:?}"),
    }
}
