//! Round trips of QueryOTAFirmware responses: body → model → body → model gives the same
//! model, in JSON, in XML and across formats; the re-encoded bodies of the seed sample and
//! of the multi-file fixture are snapshotted so their shape can be checked against the API's.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use aliyun_iot::query_ota_firmware::QueryOtaFirmwareResponse;
use aliyun_runtime::wire::{self, Format};

/// The root element of the XML response.
const ROOT: &str = "QueryOTAFirmwareResponse";

use workspace_tests::{fixture, sample};

/// Every successful body with its format: the documented samples, the MultiFiles fixtures
/// and the other fixtures that decode to a model.
fn bodies() -> Vec<(&'static str, Format, &'static [u8])> {
    vec![
        (
            "QueryOTAFirmware.seed.json",
            Format::Json,
            sample!("QueryOTAFirmware.seed.json"),
        ),
        (
            "QueryOTAFirmware.doc.json",
            Format::Json,
            sample!("QueryOTAFirmware.doc.json"),
        ),
        (
            "QueryOTAFirmware.doc.xml",
            Format::Xml,
            sample!("QueryOTAFirmware.doc.xml"),
        ),
        (
            "multi_files_array.json",
            Format::Json,
            fixture!("multi_files_array.json"),
        ),
        (
            "multi_files_wrapped.json",
            Format::Json,
            fixture!("multi_files_wrapped.json"),
        ),
        (
            "multi_files_single_object.json",
            Format::Json,
            fixture!("multi_files_single_object.json"),
        ),
        (
            "multi_files_wrapped.xml",
            Format::Xml,
            fixture!("multi_files_wrapped.xml"),
        ),
        (
            "multi_files_siblings.xml",
            Format::Xml,
            fixture!("multi_files_siblings.xml"),
        ),
        ("delta.json", Format::Json, fixture!("delta.json")),
        ("delta.xml", Format::Xml, fixture!("delta.xml")),
        (
            "drift_numbers_as_strings.json",
            Format::Json,
            fixture!("drift_numbers_as_strings.json"),
        ),
        (
            "drift_unknown_fields.json",
            Format::Json,
            fixture!("drift_unknown_fields.json"),
        ),
        (
            "drift_unknown_fields.xml",
            Format::Xml,
            fixture!("drift_unknown_fields.xml"),
        ),
        (
            "drift_unknown_enums.json",
            Format::Json,
            fixture!("drift_unknown_enums.json"),
        ),
        (
            "drift_empty_elements.xml",
            Format::Xml,
            fixture!("drift_empty_elements.xml"),
        ),
        (
            "xml_declaration_shuffled.xml",
            Format::Xml,
            fixture!("xml_declaration_shuffled.xml"),
        ),
        (
            "xml_declaration_single_quotes.xml",
            Format::Xml,
            fixture!("xml_declaration_single_quotes.xml"),
        ),
    ]
}

fn decode(name: &str, format: Format, body: &[u8]) -> QueryOtaFirmwareResponse {
    wire::decode_reply::<QueryOtaFirmwareResponse>(format, 200, body)
        .unwrap_or_else(|e| panic!("{name} ({format}): {e}\n{}", String::from_utf8_lossy(body)))
}

fn reencode_json(resp: &QueryOtaFirmwareResponse) -> String {
    let payload = wire::to_node(resp);
    wire::to_json(&aliyun_iot::ENVELOPE.wrap(&resp.request_id, payload), true)
}

fn reencode_xml(resp: &QueryOtaFirmwareResponse) -> String {
    wire::encode_reply(resp, Format::Xml, ROOT)
}

#[test]
fn json_round_trips() {
    for (name, format, body) in bodies() {
        let model = decode(name, format, body);
        let json = reencode_json(&model);
        let back = decode(name, Format::Json, json.as_bytes());
        assert_eq!(
            back, model,
            "{name}: JSON → model → JSON changed the model\n{json}"
        );
        // Encoding is stable: the second pass writes the same text.
        assert_eq!(reencode_json(&back), json, "{name}");
    }
}

#[test]
fn xml_round_trips() {
    for (name, format, body) in bodies() {
        let model = decode(name, format, body);
        let xml = reencode_xml(&model);
        let back = decode(name, Format::Xml, xml.as_bytes());
        assert_eq!(
            back, model,
            "{name}: XML → model → XML changed the model\n{xml}"
        );
        assert_eq!(reencode_xml(&back), xml, "{name}");
    }
}

#[test]
fn in_band_errors_round_trip() {
    // `decode_reply` turns these into errors; written back through the product's envelope
    // they decode to the same error.
    for (name, format, body) in [
        (
            "in_band_error.json",
            Format::Json,
            fixture!("in_band_error.json"),
        ),
        (
            "in_band_error.xml",
            Format::Xml,
            fixture!("in_band_error.xml"),
        ),
    ] {
        let error = match wire::decode_reply::<QueryOtaFirmwareResponse>(format, 200, body) {
            Err(aliyun_runtime::Error::Service(e)) => e,
            other => panic!("{name}: expected an in-band failure, got {other:?}"),
        };
        let request_id = error.request_id.clone().unwrap_or_default();
        let node = aliyun_iot::ENVELOPE.failure(&request_id, &error.code, &error.message);
        for (format, text) in [
            (Format::Json, wire::to_json(&node, false)),
            (Format::Xml, wire::to_xml(ROOT, &node)),
        ] {
            match wire::decode_reply::<QueryOtaFirmwareResponse>(format, 200, text.as_bytes()) {
                Err(aliyun_runtime::Error::Service(again)) => {
                    assert_eq!(again, error, "{name}\n{text}")
                }
                other => panic!("{name}: {text}: {other:?}"),
            }
        }
    }
}

/// The JSON the API wrote and the JSON re-encoded from the model are the same document
/// (same names, same values, numbers as numbers, `.000Z` timestamps), up to key order.
#[test]
fn reencoded_json_is_the_original_document() {
    for (name, body) in [
        (
            "QueryOTAFirmware.seed.json",
            sample!("QueryOTAFirmware.seed.json"),
        ),
        (
            "QueryOTAFirmware.doc.json",
            sample!("QueryOTAFirmware.doc.json"),
        ),
        ("multi_files_array.json", fixture!("multi_files_array.json")),
        ("delta.json", fixture!("delta.json")),
        (
            "drift_unknown_enums.json",
            fixture!("drift_unknown_enums.json"),
        ),
    ] {
        let original: serde_json::Value = serde_json::from_slice(body).unwrap();
        let model = decode(name, Format::Json, body);
        let reencoded: serde_json::Value = serde_json::from_str(&reencode_json(&model)).unwrap();
        assert_eq!(reencoded, original, "{name}");
    }
}

#[test]
fn seed_reencoded_json() {
    let model = decode("seed", Format::Json, sample!("QueryOTAFirmware.seed.json"));
    let json = reencode_json(&model);
    insta::assert_snapshot!("seed_reencoded_json", json);
    assert!(
        json.contains(r#""UtcCreate": "2019-12-28T02:42:22.000Z""#),
        "{json}"
    );
    assert!(json.contains(r#""FirmwareSize": 924,"#), "{json}");
    assert!(json.contains(r#""Status": 2,"#), "{json}");
    assert!(json.contains(r#""Success": true"#), "{json}");
    assert!(json.contains(r#""SrcVersion": "","#), "{json}");
}

#[test]
fn seed_reencoded_xml() {
    let model = decode("seed", Format::Json, sample!("QueryOTAFirmware.seed.json"));
    let xml = reencode_xml(&model);
    insta::assert_snapshot!("seed_reencoded_xml", xml);
    assert!(
        xml.starts_with(
            r#"<?xml version="1.0" encoding="UTF-8"?><QueryOTAFirmwareResponse><RequestId>"#
        ),
        "{xml}"
    );
    assert!(xml.contains("<Success>true</Success>"), "{xml}");
    assert!(
        xml.ends_with("</FirmwareInfo></QueryOTAFirmwareResponse>"),
        "{xml}"
    );
    assert!(
        xml.contains("<FirmwareUrl><![CDATA[https://ota-***.aliyuncs.com/"),
        "{xml}"
    );
    assert!(
        xml.contains("<UtcCreate>2019-12-28T02:42:22.000Z</UtcCreate>"),
        "{xml}"
    );
    assert!(xml.contains("<FirmwareSize>924</FirmwareSize>"), "{xml}");
    assert!(xml.contains("<SrcVersion></SrcVersion>"), "{xml}");
    // The JSON seed and its XML encoding describe the same model.
    assert_eq!(decode("seed.xml", Format::Xml, xml.as_bytes()), model);
}

#[test]
fn doc_xml_reencoded_xml() {
    let model = decode("doc.xml", Format::Xml, sample!("QueryOTAFirmware.doc.xml"));
    let xml = reencode_xml(&model);
    insta::assert_snapshot!("doc_xml_reencoded_xml", xml);
    assert!(xml.contains("<FirmwareUrl><![CDATA[https://ota-pre.iot-thing.cn-shanghai.aliyuncs.com/ota/572ef2fd12ca4791a5b21a9eb948****/5E962CF83DB1495E8337E9C8A4D1****.bin?Expires=1577587360&OSSAccessKeyId=cS8uRRy54Rsz****&Signature=farzC8%2FVMN4HYdEtXvdiC2OevH****]]></FirmwareUrl>"), "{xml}");
}

#[test]
fn multi_files_reencoded_json() {
    let model = decode(
        "multi_files_array.json",
        Format::Json,
        fixture!("multi_files_array.json"),
    );
    let json = reencode_json(&model);
    insta::assert_snapshot!("multi_files_reencoded_json", json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let files = &value["FirmwareInfo"]["MultiFiles"];
    assert!(files.is_array(), "a flat array: {json}");
    assert_eq!(files[1]["Size"], serde_json::json!(1_048_576_000_i64));
    assert_eq!(
        value["FirmwareInfo"]["UtcModified"],
        serde_json::json!("2023-03-14T09:02:11.123Z"),
        "milliseconds are kept"
    );
}

#[test]
fn multi_files_reencoded_xml() {
    let model = decode(
        "multi_files_array.json",
        Format::Json,
        fixture!("multi_files_array.json"),
    );
    let xml = reencode_xml(&model);
    insta::assert_snapshot!("multi_files_reencoded_xml", xml);
    assert!(
        xml.contains("<MultiFiles><OtaPackageFileDTO><Name>driver.bin</Name><Size>524288</Size><Url><![CDATA[https://iotx-ota.oss-cn-shanghai.aliyuncs.com/"),
        "{xml}"
    );
    assert!(
        xml.contains(
            "</OtaPackageFileDTO><OtaPackageFileDTO><Name>app.bin</Name><Size>1048576000</Size>"
        ),
        "{xml}"
    );
    assert_eq!(xml.matches("<MultiFiles>").count(), 1, "one wrapper: {xml}");
    assert!(
        xml.contains("<UtcModified>2023-03-14T09:02:11.123Z</UtcModified>"),
        "{xml}"
    );
    // The XML written from the JSON model reads back as the documented XML shape does.
    assert_eq!(
        decode("xml", Format::Xml, xml.as_bytes()),
        decode(
            "multi_files_wrapped.xml",
            Format::Xml,
            fixture!("multi_files_wrapped.xml")
        )
    );
}
