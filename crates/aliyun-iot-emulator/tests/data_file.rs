//! Data files (`--data FILE`) read from disk: products and devices, packages, errors naming
//! the file and the field, and the load time of a large file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::path::PathBuf;
use std::time::Instant;

use aliyun_iot_emulator::load_data_file;
use test_support::TempDir;

/// A data file in a directory of its own, removed when dropped.
struct TempFile {
    _dir: TempDir,
    path: PathBuf,
}

impl TempFile {
    fn new(name: &str, content: &str) -> Self {
        let dir = TempDir::new();
        let path = dir.write(format!("{name}.json"), content);
        Self { _dir: dir, path }
    }
}

/// The example of the decisions ("Emulator data file").
const EXAMPLE: &str = r#"{"Products": [{"ProductKey": "a1DemoProd", "ProductName": "Demo", "IotInstanceId": "",
               "Devices": [{"DeviceName": "dev-001", "Modules": {"default": "1.0.0"}},
                           {"DeviceName": "dev-002", "Modules": {"default": "1.0.0"}, "Fails": true},
                           {"DeviceName": "dev-003", "Online": false}],
               "DeviceCount": 0, "DeviceNamePrefix": "sim-", "DeviceModules": {"default": "1.0.0"}}],
 "Packages": []}"#;

#[test]
fn the_example_loads() {
    let file = TempFile::new("example", EXAMPLE);
    let data = load_data_file(&file.path).unwrap();
    assert!(data.packages.is_empty());
    assert_eq!(data.products.len(), 1);
    let product = &data.products[0];
    assert_eq!(product.product_key, "a1DemoProd");
    assert_eq!(product.product_name, "Demo");
    assert_eq!(product.iot_instance_id, None);
    let devices: Vec<(&str, bool, bool)> = product
        .devices
        .iter()
        .map(|d| (d.device_name.as_str(), d.fails, d.online))
        .collect();
    assert_eq!(
        devices,
        [
            ("dev-001", false, true),
            ("dev-002", true, true),
            ("dev-003", false, false)
        ]
    );
    for device in &product.devices {
        let modules: Vec<(&str, &str)> = device
            .modules
            .iter()
            .map(|(m, v)| (m.as_str(), v.as_str()))
            .collect();
        assert_eq!(modules, [("default", "1.0.0")], "{}", device.device_name);
    }
}

#[test]
fn generated_devices_follow_listed_ones() {
    let file = TempFile::new(
        "generated",
        r#"{"Products": [{"ProductKey": "a1Sim", "IotInstanceId": "iot-cn-1",
             "Devices": [{"DeviceName": "gateway-1", "Modules": {"mcu": "3.1", "default": "2.0.0"}}],
             "DeviceCount": 200, "DeviceModules": {"mcu": "3.0"}}]}"#,
    );
    let data = load_data_file(&file.path).unwrap();
    assert!(data.packages.is_empty());
    let product = &data.products[0];
    assert_eq!(product.product_name, "a1Sim");
    assert_eq!(product.iot_instance_id.as_deref(), Some("iot-cn-1"));
    let names: Vec<&str> = product
        .devices
        .iter()
        .map(|d| d.device_name.as_str())
        .collect();
    assert_eq!(names.len(), 201);
    assert_eq!(names[..3], ["gateway-1", "sim-001", "sim-002"]);
    assert_eq!(names[200], "sim-200");
    assert_eq!(product.devices[0].modules.len(), 2);
    for device in &product.devices[1..] {
        assert_eq!(device.modules.len(), 1);
        assert_eq!(device.modules.get("mcu").map(String::as_str), Some("3.0"));
        assert!(device.online && !device.fails);
    }
}

#[test]
fn a_file_with_only_packages_still_loads() {
    let file = TempFile::new(
        "packages",
        r#"{"Packages":[{"IotInstanceId":"iot-cn-0pp1n8t****",
             "FirmwareInfo":{"FirmwareId":"s8SSHiKjpBfrM3BSN0z803****","DestVersion":"4.2.0","Type":0}}]}"#,
    );
    let data = load_data_file(&file.path).unwrap();
    assert!(data.products.is_empty());
    assert_eq!(data.packages.len(), 1);
    assert_eq!(data.packages[0].firmware_id(), "s8SSHiKjpBfrM3BSN0z803****");
    assert_eq!(
        data.packages[0].iot_instance_id.as_deref(),
        Some("iot-cn-0pp1n8t****")
    );
}

#[test]
fn errors_name_the_file_and_the_field() {
    for (name, content, expected) in [
        (
            "top",
            r#"{"Products":[],"Devices":[]}"#,
            "at Devices: unknown field (the top level holds only \"Products\", \"Packages\"",
        ),
        (
            "product",
            r#"{"Products":[{"ProductKey":"a","Typo":1}]}"#,
            "at Products[0].Typo: unknown field",
        ),
        (
            "device",
            r#"{"Products":[{"ProductKey":"a","Devices":[{"DeviceName":"dev-1","Fail":true}]}]}"#,
            "at Products[0].Devices[0].Fail: unknown field",
        ),
        (
            "count",
            r#"{"Products":[{"ProductKey":"a","DeviceCount":"20"}]}"#,
            "at Products[0].DeviceCount: expected an integer ≥ 0, found a string (write 20, without quotes)",
        ),
        (
            "duplicate",
            r#"{"Products":[{"ProductKey":"a","DeviceCount":20,"Devices":[{"DeviceName":"sim-20"}]}]}"#,
            "at Products[0].Devices[0].DeviceName: duplicate device \"sim-20\": Products[0].DeviceCount (20)",
        ),
        (
            "firmware",
            r#"{"Products":[],"Packages":[{"FirmwareInfo":{"FirmwareId":"a","Typo":1}}]}"#,
            "at Packages[0].FirmwareInfo.Typo: unknown field",
        ),
        (
            "empty",
            "{}",
            "the file needs \"Products\", \"Packages\" or both",
        ),
    ] {
        let file = TempFile::new(name, content);
        let shown = load_data_file(&file.path).unwrap_err().to_string();
        println!("{shown}");
        assert!(
            shown.starts_with(&format!("{}: ", file.path.display())),
            "{shown}"
        );
        assert!(shown.contains(expected), "{shown}");
    }
}

/// Loads `content` as a data file, printing how long it took.
fn timed_load(name: &str, content: &str) -> usize {
    let file = TempFile::new(name, content);
    let start = Instant::now();
    let data = load_data_file(&file.path).unwrap();
    let elapsed = start.elapsed();
    let devices = data.products.iter().map(|p| p.devices.len()).sum();
    println!(
        "{name}: {devices} devices ({} bytes) loaded in {elapsed:?}",
        content.len()
    );
    devices
}

#[test]
fn a_hundred_thousand_devices_load() {
    // Generated.
    let generated = r#"{"Products":[{"ProductKey":"a1Big","DeviceCount":100000,
        "DeviceModules":{"default":"1.0.0","mcu":"2.1.0"}}]}"#;
    assert_eq!(timed_load("generated-100k", generated), 100_000);

    // Listed one by one.
    let devices: Vec<String> = (1..=100_000)
        .map(|n| {
            format!(
                r#"{{"DeviceName":"device-{n:06}","Modules":{{"default":"1.0.{}"}},"Online":{}}}"#,
                n % 7,
                n % 10 != 0
            )
        })
        .collect();
    let listed = format!(
        r#"{{"Products":[{{"ProductKey":"a1Listed","Devices":[{}]}}]}}"#,
        devices.join(",")
    );
    assert_eq!(timed_load("listed-100k", &listed), 100_000);
}
