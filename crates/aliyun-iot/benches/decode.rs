//! Decoding a `QueryOTAFirmware` answer: the typed decoder (`decode_reply`, which also checks
//! for an in-band failure) against a plain `serde_json::Value` parse of the same bytes, and the
//! typed decoding of the documentation's XML sample.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::hint::black_box;

use aliyun_iot::query_ota_firmware::QueryOtaFirmwareResponse;
use aliyun_runtime::wire::{Format, decode_reply};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SEED_JSON: &[u8] = include_bytes!("../../../spec/iot/samples/QueryOTAFirmware.seed.json");
const DOC_XML: &[u8] = include_bytes!("../../../spec/iot/samples/QueryOTAFirmware.doc.xml");

fn decode(c: &mut Criterion) {
    // Both must actually decode, or the figures mean nothing.
    let typed = decode_reply::<QueryOtaFirmwareResponse>(Format::Json, 200, SEED_JSON)
        .expect("the seed decodes");
    assert!(typed.firmware_info.is_some());
    let xml = decode_reply::<QueryOtaFirmwareResponse>(Format::Xml, 200, DOC_XML)
        .expect("the XML sample decodes");
    assert!(xml.firmware_info.is_some());

    let mut json = c.benchmark_group("decode/seed JSON");
    json.throughput(Throughput::Bytes(SEED_JSON.len() as u64));
    json.bench_function("typed decode_reply", |b| {
        b.iter(|| decode_reply::<QueryOtaFirmwareResponse>(Format::Json, 200, black_box(SEED_JSON)))
    });
    json.bench_function("serde_json::Value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(SEED_JSON)))
    });
    json.finish();

    let mut doc = c.benchmark_group("decode/doc XML");
    doc.throughput(Throughput::Bytes(DOC_XML.len() as u64));
    doc.bench_function("typed decode_reply", |b| {
        b.iter(|| decode_reply::<QueryOtaFirmwareResponse>(Format::Xml, 200, black_box(DOC_XML)))
    });
    doc.finish();
}

criterion_group!(benches, decode);
criterion_main!(benches);
