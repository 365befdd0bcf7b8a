//! Snapshots of every documented response body in `spec/iot/samples/` and every fixture in
//! `tests/fixtures/`, decoded as the client would (HTTP 200 for replies; the gateway's
//! status for error bodies): the typed model, or the error. One glob per folder: a sample
//! added to the spec is snapshot without a line of test code.
//!
//! A sample's operation is the start of its file name (`ListOTAJobByFirmware.doc.json`);
//! `gateway-error.*` are gateway error bodies; fixtures are QueryOTAFirmware replies unless
//! named `<Action>.<case>.<ext>`. The key facts of each are asserted explicitly in
//! `decoding.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::path::Path;

use aliyun_runtime::wire::{self, Format};

/// The format of a body, from its file extension.
fn format_of(path: &Path) -> Format {
    match path.extension().and_then(|e| e.to_str()) {
        Some("xml") => Format::Xml,
        _ => Format::Json,
    }
}

/// A body decoded as a reply of `action`, as text to snapshot: the `{:#?}` of the typed reply,
/// or the error's `Display` (which names the path, the message and the start of the body).
fn decoded(action: &str, path: &Path) -> String {
    let body = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let format = format_of(path);
    if action == "gateway-error" {
        return format!("{:#?}", wire::decode_gateway_error(format, 400, &body));
    }
    match aliyun_iot::debug_reply(action, format, 200, &body) {
        Some(Ok(reply)) => reply,
        Some(Err(error)) => format!("error: {error}"),
        None => panic!("{}: no operation named {action:?}", path.display()),
    }
}

#[test]
fn every_documented_sample() {
    insta::glob!("../../spec/iot/samples", "*.{json,xml}", |path| {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let action = name.split('.').next().unwrap_or_default();
        let text = decoded(action, path);
        // Documented samples all decode: none is an error body but the gateway's.
        assert!(!text.starts_with("error:"), "{name}: {text}");
        insta::assert_snapshot!(text);
    });
}

#[test]
fn every_fixture() {
    insta::glob!("../fixtures", "*.{json,xml}", |path| {
        // `<Action>.<case>.<ext>` for other operations, QueryOTAFirmware otherwise.
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let action = match name.split_once('.') {
            Some((action, _)) if action.starts_with(|c: char| c.is_ascii_uppercase()) => action,
            _ => "QueryOTAFirmware",
        };
        insta::assert_snapshot!(decoded(action, path));
    });
}
