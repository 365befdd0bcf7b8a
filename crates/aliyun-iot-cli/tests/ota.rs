//! The release pipeline through the command, against `aliyun-iot emulator` in a process of its
//! own (devices stepping on the system clock): `ota upload` a 50 MB file with `--verify-on`
//! two devices and `--wait` → `ota rollout --all --watch` over 1,000 simulated devices →
//! `ota watch` → `ota download` → the same bytes. Every process runs with a clean environment
//! and a temporary `HOME`, on 127.0.0.1; the emulator is killed at the end.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;
use test_support::{TempDir, clean_command};

const BIN: &str = env!("CARGO_BIN_EXE_aliyun-iot");
const PRODUCT: &str = "a1CliPipe";

/// Kills the emulator when the test ends, however it ends.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn command(home: &Path, endpoint: &str, args: &[&str]) -> Command {
    let mut cmd = clean_command(BIN, home);
    cmd.env("ALIBABA_CLOUD_ACCESS_KEY_ID", "testid")
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "testsecret")
        .args(["--endpoint", endpoint])
        .args(args);
    cmd
}

/// Runs `aliyun-iot --endpoint ENDPOINT ARGS…`; its output (a failure is shown whole).
fn run(home: &Path, endpoint: &str, args: &[&str]) -> Output {
    command(home, endpoint, args).output().unwrap()
}

/// Runs it and reads its stdout as JSON; it must succeed.
fn run_json(home: &Path, endpoint: &str, args: &[&str]) -> Value {
    let out = run(home, endpoint, args);
    assert!(
        out.status.success(),
        "{args:?}: {}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_pipeline_through_the_command() {
    let dir = TempDir::new();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let data = dir.path().join("data.json");
    std::fs::write(
        &data,
        format!(
            r#"{{"Products": [{{"ProductKey": "{PRODUCT}", "ProductName": "CLI pipeline",
                "Devices": [{{"DeviceName": "tester-1"}}, {{"DeviceName": "tester-2"}}],
                "DeviceCount": 1000, "DeviceNamePrefix": "sim-"}}]}}"#
        ),
    )
    .unwrap();
    let mut emulator = clean_command(BIN, &home);
    emulator
        .args([
            "emulator",
            "--listen",
            "127.0.0.1:0",
            "--device-step",
            "20ms",
        ])
        .args(["--qps", "0", "--seed", "5", "--data"])
        .arg(&data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut emulator = Killed(emulator.spawn().unwrap());
    let mut banner = String::new();
    BufReader::new(emulator.0.stdout.take().unwrap())
        .read_line(&mut banner)
        .unwrap();
    let endpoint = banner
        .strip_prefix("aliyun-iot emulator listening on ")
        .unwrap_or_else(|| panic!("{banner:?}"))
        .trim()
        .to_owned();

    // A 50 MB file, written a MiB at a time.
    let source = dir.path().join("router.bin");
    let mut file = std::fs::File::create(&source).unwrap();
    let mut chunk: Vec<u8> = (0..1u64 << 20).map(|i| (i * 7 + i / 251) as u8).collect();
    for n in 0..50u64 {
        chunk[..8].copy_from_slice(&n.to_le_bytes());
        file.write_all(&chunk).unwrap();
    }
    drop(file);
    let source_text = source.to_str().unwrap();

    let package = run_json(
        &home,
        &endpoint,
        &[
            "ota",
            "upload",
            source_text,
            "--product-key",
            PRODUCT,
            "--dest-version",
            "2.0.0",
            "--verify-on",
            "tester-1",
            "tester-2",
            "--wait",
            "--deadline",
            "120",
        ],
    );
    let id = package["FirmwareId"].as_str().unwrap().to_owned();
    assert_eq!(package["Status"], 1, "{package}");
    assert_eq!(package["Files"][0]["Size"], 50 << 20, "{package}");

    let job = run_json(
        &home,
        &endpoint,
        &[
            "ota",
            "rollout",
            &id,
            "--all",
            "--rate",
            "1000",
            "--watch",
            "--deadline",
            "120",
        ],
    );
    assert_eq!(job["JobStatus"], "COMPLETED", "{job}");
    assert_eq!(job["Tasks"]["Succeeded"], 1000, "{job}");
    assert_eq!(job["Tasks"]["Total"], 1000, "{job}");
    let watched = run_json(
        &home,
        &endpoint,
        &["ota", "watch", job["JobId"].as_str().unwrap()],
    );
    assert_eq!(watched, job);

    let dest = dir.path().join("copy.bin");
    let out = run(
        &home,
        &endpoint,
        &[
            "--output",
            "table",
            "ota",
            "download",
            &id,
            "-o",
            dest.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("verified"));
    let (mut a, mut b) = (Vec::new(), Vec::new());
    std::fs::File::open(&source)
        .unwrap()
        .read_to_end(&mut a)
        .unwrap();
    std::fs::File::open(&dest)
        .unwrap()
        .read_to_end(&mut b)
        .unwrap();
    assert!(a == b, "the downloaded file differs");

    // No devices chosen: a usage error (2); an unknown package: a failure (1) naming the step.
    let out = run(&home, &endpoint, &["ota", "rollout", &id]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(
        &home,
        &endpoint,
        &["ota", "download", "nope", "-o", dest.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("QueryOTAFirmware"), "{stderr}");
}
