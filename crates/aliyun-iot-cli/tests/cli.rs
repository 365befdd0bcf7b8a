//! End-to-end tests of the `aliyun-iot` binary: each runs the built command with a clean
//! environment (only `PATH`, a temporary `HOME` and the ECS metadata service turned off), so no
//! real credentials or aliyun CLI configuration are ever read, and no call leaves the machine
//! (the emulator, or a loopback server, serves them all).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::io::{BufRead, BufReader, Read};
use std::net::TcpListener;
use std::process::{Child, ChildStdout, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;
use test_support::{TempDir, clean_command};

const BIN: &str = env!("CARGO_BIN_EXE_aliyun-iot");
/// The package of the seed sample, served by the emulator by default.
const SEED_ID: &str = "UfuxnwygsuSkVE0VCN****0100";
/// The multi-file package of the emulator, and its instance.
const MULTI_ID: &str = "mUltIfIlEsPkG7Xq2H****0100";
const MULTI_INSTANCE: &str = "iot_instc_pu****_c*-v64********";
/// The `Signature` of the seed's (fake) pre-signed OSS URL: response data, not a secret.
const SEED_URL_SIGNATURE: &str = "farzC8%2FVMN4HYdEtXvdiC2OevH****";

/// The result of one run: exit code, stdout and stderr.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn from(output: Output) -> Self {
        Self {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    fn assert_code(&self, expected: i32) -> &Self {
        assert_eq!(
            self.code,
            Some(expected),
            "stdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {:?}\nstdout:\n{}\nstderr:\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs the command with `args` and a fresh home.
fn run(args: &[&str]) -> Run {
    let home = TempDir::new();
    run_in(&home, args, &[])
}

/// Runs the command with `args` in `home`, with extra environment variables.
fn run_in(home: &TempDir, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = clean_command(BIN, home.path());
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    Run::from(cmd.output().expect("the binary runs"))
}

/// Checks a reply printed as JSON is the seed package.
fn assert_seed_json(run: &Run) {
    let json = run.json();
    assert_eq!(json["FirmwareInfo"]["FirmwareId"], SEED_ID, "{run}");
    assert_eq!(json["FirmwareInfo"]["Status"], 2, "{run}");
    assert_eq!(json["FirmwareInfo"]["FirmwareName"], "t3q5rkNm", "{run}");
    assert_eq!(json["FirmwareInfo"]["FirmwareSize"], 924, "{run}");
    assert_eq!(json["Success"], true, "{run}");
    assert!(
        json["RequestId"].as_str().is_some_and(|id| !id.is_empty()),
        "{run}"
    );
}

// ---- query-ota-firmware against the in-process emulator ----------------------------------

#[test]
fn emulator_query_prints_the_seed_as_json() {
    let run = run(&["--emulator", "query-ota-firmware", "--firmware-id", SEED_ID]);
    run.assert_code(0);
    assert_seed_json(&run);
    // Pretty-printed, with the API's own field names.
    assert!(run.stdout.contains("\n  \"FirmwareInfo\": {\n"), "{run}");
    assert!(run.stdout.ends_with("}\n"), "{run}");
}

#[test]
fn emulator_query_as_table() {
    let run = run(&[
        "--emulator",
        "--output",
        "table",
        "query-ota-firmware",
        "--firmware-id",
        SEED_ID,
    ]);
    run.assert_code(0);
    for expected in [
        SEED_ID,
        "2 (verifying)",
        "0 (full package)",
        "924 bytes",
        "t3q5rkNm",
        "4.0.0",
        "MD5",
        "WifiConfigModify",
        "\"ota_notice\"",
        "2019-12-28T02:42:22Z",
    ] {
        assert!(run.stdout.contains(expected), "{expected:?} missing: {run}");
    }
}

#[test]
fn emulator_query_multi_files_table() {
    let run = run(&[
        "--emulator",
        "--output=table",
        "query-ota-firmware",
        "--firmware-id",
        MULTI_ID,
        "--iot-instance-id",
        MULTI_INSTANCE,
    ]);
    run.assert_code(0);
    assert!(run.stdout.contains("MultiFiles"), "{run}");
    assert!(run.stdout.contains("  #  NAME"), "{run}");
    assert!(run.stdout.contains("1 (verified)"), "{run}");
}

#[test]
fn emulator_query_in_xml() {
    let run = run(&[
        "--emulator",
        "--format",
        "xml",
        "query-ota-firmware",
        "--firmware-id",
        SEED_ID,
    ]);
    run.assert_code(0);
    assert_seed_json(&run);
}

/// The `sending` debug log line of a run (with `RUST_LOG=debug`).
fn sending_line(run: &Run) -> &str {
    run.stderr
        .lines()
        .find(|l| l.contains(" sending "))
        .unwrap_or_else(|| panic!("no sending line: {run}"))
}

#[test]
fn emulator_query_with_either_signature() {
    let home = TempDir::new();
    let debug = [("RUST_LOG", "aliyun_runtime=debug")];
    let query = ["query-ota-firmware", "--firmware-id", SEED_ID];

    // V1: every parameter, the signature's included, in the query.
    let mut args = vec!["--emulator", "--signature", "v1"];
    args.extend(query);
    let run = run_in(&home, &args, &debug);
    run.assert_code(0);
    assert_seed_json(&run);
    let line = sending_line(&run);
    assert!(line.contains(" version=v1"), "{line}");
    assert!(line.contains("&SignatureMethod=HMAC-SHA1&"), "{line}");
    assert!(line.contains("Action=QueryOTAFirmware"), "{line}");

    // V3, the default and as asked for: the operation's parameters alone in the query.
    for flags in [&[][..], &["--signature", "v3"]] {
        let mut args = vec!["--emulator"];
        args.extend(flags);
        args.extend(query);
        let run = run_in(&home, &args, &debug);
        run.assert_code(0);
        assert_seed_json(&run);
        let line = sending_line(&run);
        assert!(line.contains(" version=v3"), "{line}");
        assert!(
            line.contains("/?FirmwareId=UfuxnwygsuSkVE0VCN%2A%2A%2A%2A0100 "),
            "{line}"
        );
        assert!(!line.contains("Action="), "{line}");
        assert!(!line.contains("Signature"), "{line}");
    }

    // Both in XML, and after the subcommand.
    for version in ["v1", "v3"] {
        let mut args = query.to_vec();
        args.extend(["--emulator", "--format", "xml", "--signature", version]);
        let run = run_in(&home, &args, &debug);
        run.assert_code(0);
        assert_seed_json(&run);
        let line = sending_line(&run);
        assert!(line.contains(&format!(" version={version}")), "{line}");
        assert!(line.contains("Format=XML"), "{line}");
    }
}

#[test]
fn global_options_after_the_subcommand() {
    let run = run(&[
        "query-ota-firmware",
        "--firmware-id",
        SEED_ID,
        "--emulator",
        "--format=xml",
        "--output",
        "table",
        "--no-retry",
        "--timeout",
        "30",
    ]);
    run.assert_code(0);
    assert!(run.stdout.contains("2 (verifying)"), "{run}");
}

#[test]
fn unknown_package_is_a_service_error() {
    let run = run(&[
        "--emulator",
        "query-ota-firmware",
        "--firmware-id",
        "NoSuchPackage****0100",
    ]);
    run.assert_code(1);
    assert!(run.stdout.is_empty(), "{run}");
    assert!(run.stderr.contains("iot.ota.FirmwareNotFound"), "{run}");
    assert!(run.stderr.contains("RequestId: "), "{run}");
}

#[test]
fn unknown_instance_is_a_service_error() {
    let run = run(&[
        "--emulator",
        "query-ota-firmware",
        "--firmware-id",
        SEED_ID,
        "--iot-instance-id",
        "iot-nope",
    ]);
    run.assert_code(1);
    assert!(run.stderr.contains("iot.system.InstanceNotFound"), "{run}");
}

// ---- usage and configuration errors ------------------------------------------------------

#[test]
fn missing_firmware_id_is_a_usage_error() {
    let run = run(&["--emulator", "query-ota-firmware"]);
    run.assert_code(2);
    assert!(run.stderr.contains("--firmware-id"), "{run}");
    assert!(run.stdout.is_empty(), "{run}");
}

#[test]
fn bad_flag_values_are_usage_errors() {
    for args in [
        &[
            "--output",
            "yaml",
            "query-ota-firmware",
            "--firmware-id",
            "x",
        ][..],
        &[
            "--format",
            "csv",
            "query-ota-firmware",
            "--firmware-id",
            "x",
        ][..],
        &["--timeout", "0", "query-ota-firmware", "--firmware-id", "x"][..],
        &["query-ota-firmware", "--firmware-id", "x", "--bogus"][..],
        &[
            "--emulator",
            "--endpoint",
            "http://127.0.0.1:1/",
            "query-ota-firmware",
            "--firmware-id",
            "x",
        ][..],
        &["emulator", "--access-key-id", "only-the-id"][..],
        &["emulator", "--listen", "not-an-address"][..],
        &["emulator", "--fault", "boom"][..],
        &[
            "--signature",
            "v2",
            "query-ota-firmware",
            "--firmware-id",
            "x",
        ][..],
        &["no-such-command"][..],
        &[][..],
    ] {
        let run = run(args);
        run.assert_code(2);
        assert!(run.stderr.contains("error"), "{args:?}: {run}");
    }
}

#[test]
fn bad_endpoint_is_a_configuration_error() {
    let run = run(&[
        "query-ota-firmware",
        "--firmware-id",
        SEED_ID,
        "--endpoint",
        "not a url",
    ]);
    run.assert_code(2);
    assert!(run.stderr.contains("invalid configuration"), "{run}");
    assert!(
        run.stderr.contains("endpoint \"not a url\" is not a URL"),
        "{run}"
    );

    let run = self::run(&[
        "--endpoint",
        "ftp://example.com/",
        "query-ota-firmware",
        "--firmware-id",
        SEED_ID,
    ]);
    run.assert_code(2);
    assert!(run.stderr.contains("http:// or https://"), "{run}");
}

#[test]
fn unknown_signature_version_names_the_valid_ones() {
    for value in ["v2", "V2", "hmac-sha1"] {
        let run = run(&[
            "--emulator",
            "--signature",
            value,
            "query-ota-firmware",
            "--firmware-id",
            SEED_ID,
        ]);
        run.assert_code(2);
        assert!(run.stdout.is_empty(), "{run}");
        assert!(
            run.stderr.contains(&format!(
                "invalid value '{value}' for '--signature <VERSION>'"
            )),
            "{run}"
        );
        assert!(run.stderr.contains("[possible values: v3, v1]"), "{run}");
    }
}

#[test]
fn bad_region_is_a_configuration_error() {
    let run = run(&[
        "--region",
        "Shanghai!",
        "query-ota-firmware",
        "--firmware-id",
        SEED_ID,
    ]);
    run.assert_code(2);
    assert!(run.stderr.contains("invalid configuration"), "{run}");
    assert!(
        run.stderr.contains("\"Shanghai!\" is not a region ID"),
        "{run}"
    );

    // The same from the environment.
    let home = TempDir::new();
    let run = run_in(
        &home,
        &["query-ota-firmware", "--firmware-id", SEED_ID],
        &[("ALIBABA_CLOUD_REGION_ID", "cn_shanghai")],
    );
    run.assert_code(2);
    assert!(
        run.stderr.contains("\"cn_shanghai\" is not a region ID"),
        "{run}"
    );
}

#[test]
fn no_region_is_a_configuration_error() {
    let run = run(&["query-ota-firmware", "--firmware-id", SEED_ID]);
    run.assert_code(2);
    assert!(run.stderr.contains("no region"), "{run}");
    assert!(run.stderr.contains("--region"), "{run}");
    assert!(run.stderr.contains("ALIBABA_CLOUD_REGION_ID"), "{run}");
}

#[test]
fn region_comes_from_the_cli_profile() {
    let home = TempDir::new();
    std::fs::create_dir_all(home.path().join(".aliyun")).unwrap();
    std::fs::write(
        home.path().join(".aliyun/config.json"),
        r#"{"current": "main", "profiles": [
            {"name": "main", "mode": "AK", "region_id": "Bad Region"},
            {"name": "other", "mode": "AK", "region_id": "cn-beijing"}
        ]}"#,
    )
    .unwrap();
    // The (bad) region of the current profile is read, and reported as such.
    let run = run_in(
        &home,
        &["query-ota-firmware", "--firmware-id", SEED_ID],
        &[],
    );
    run.assert_code(2);
    assert!(run.stderr.contains("\"Bad Region\""), "{run}");
    assert!(run.stderr.contains("aliyun CLI profile"), "{run}");
    // With --profile, that profile's region is used; it has no key, so credentials fail
    // before any call is sent.
    let run = run_in(
        &home,
        &[
            "--profile",
            "other",
            "query-ota-firmware",
            "--firmware-id",
            SEED_ID,
        ],
        &[],
    );
    run.assert_code(3);
    assert!(run.stderr.contains("profile \"other\""), "{run}");
    assert!(
        run.stderr.contains("mode AK needs `access_key_id`"),
        "{run}"
    );
}

#[test]
fn no_credentials_names_every_source_tried() {
    let home = TempDir::new();
    let run = run_in(
        &home,
        &[
            "--region",
            "cn-shanghai",
            "query-ota-firmware",
            "--firmware-id",
            SEED_ID,
        ],
        &[],
    );
    run.assert_code(3);
    // Every provider of the chain, in order, and why it was skipped; the metadata service is
    // turned off by the test environment (ALIBABA_CLOUD_ECS_METADATA_DISABLED).
    let home_dir = home.path().display();
    let reasons = [
        "env: ALIBABA_CLOUD_ACCESS_KEY_ID not set".to_owned(),
        "oidc_role_arn: needs ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE".to_owned(),
        format!("cli_profile {home_dir}/.aliyun/config.json: not found"),
        format!("profile {home_dir}/.alibabacloud/credentials: not found"),
        "credential_uri: ALIBABA_CLOUD_CREDENTIALS_URI not set".to_owned(),
    ];
    assert_tried_in_order(&run, &reasons);
    assert!(!run.stderr.contains("ecs_ram_role"), "{run}");
    for expected in ["no usable credentials", "hint:", "--emulator"] {
        assert!(run.stderr.contains(expected), "{expected:?} missing: {run}");
    }
    assert!(run.stdout.is_empty(), "{run}");

    // With the metadata service on but unreachable (a closed loopback port), it is tried too.
    let metadata = format!("http://127.0.0.1:{}", free_port());
    let run = run_in(
        &home,
        &[
            "--region",
            "cn-shanghai",
            "query-ota-firmware",
            "--firmware-id",
            SEED_ID,
        ],
        &[
            ("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "false"),
            ("ALIBABA_CLOUD_ECS_METADATA_ENDPOINT", &metadata),
        ],
    );
    run.assert_code(3);
    let mut reasons = reasons.to_vec();
    reasons.insert(
        4,
        format!("ecs_ram_role ({metadata}): the metadata service cannot be reached"),
    );
    assert_tried_in_order(&run, &reasons);
}

/// Checks stderr names each provider's reason, in this order.
fn assert_tried_in_order(run: &Run, reasons: &[String]) {
    let mut from = 0;
    for reason in reasons {
        match run.stderr[from..].find(reason.as_str()) {
            Some(at) => from += at + reason.len(),
            None => panic!("{reason:?} missing or out of order: {run}"),
        }
    }
}

#[test]
fn help_documents_usage_and_exit_codes() {
    let run = run(&["--help"]);
    run.assert_code(0);
    for expected in [
        "query-ota-firmware",
        "emulator",
        "--region",
        "--endpoint",
        "--profile",
        "--format",
        "--output",
        "--emulator",
        "--signature <VERSION>",
        "v3 (ACS3-HMAC-SHA256, the default",
        "v1 (HMAC-SHA1)",
        "Exit status",
        "3  no usable credentials",
    ] {
        assert!(run.stdout.contains(expected), "{expected:?} missing: {run}");
    }
    let run = self::run(&["emulator", "--help"]);
    run.assert_code(0);
    assert!(run.stdout.contains("--listen"), "{run}");
    // A global option: in every operation's help too.
    let run = self::run(&["query-ota-firmware", "--help"]);
    run.assert_code(0);
    assert!(run.stdout.contains("--signature <VERSION>"), "{run}");
}

// ---- the emulator subcommand -------------------------------------------------------------

/// A free port on 127.0.0.1 (bound, then released).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `aliyun-iot emulator` running in the background; killed on drop.
struct Server {
    child: Child,
    /// Everything the server printed on stdout up to and including its address line.
    banner: String,
    addr: String,
}

impl Server {
    fn start(home: &TempDir, args: &[&str], env: &[(&str, &str)]) -> Server {
        let port = free_port();
        let listen = format!("127.0.0.1:{port}");
        let mut cmd = clean_command(BIN, home.path());
        cmd.arg("emulator")
            .arg("--listen")
            .arg(&listen)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("the emulator starts");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || read_banner(stdout, &tx));
        let banner = match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(banner) => banner,
            Err(_) => {
                let _ = child.kill();
                let output = child.wait_with_output().unwrap();
                panic!("no address line: {}", Run::from(output));
            }
        };
        assert!(banner.contains(&format!("http://{listen}/")), "{banner}");
        Server {
            child,
            banner,
            addr: listen,
        }
    }

    /// Stops the server and returns what it printed on stderr (its logs).
    fn stop(mut self) -> String {
        let _ = self.child.kill();
        let mut stderr = String::new();
        if let Some(mut pipe) = self.child.stderr.take() {
            let _ = pipe.read_to_string(&mut stderr);
        }
        let _ = self.child.wait();
        stderr
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads stdout until the line with the address, then sends all that was read.
fn read_banner(stdout: ChildStdout, tx: &mpsc::Sender<String>) {
    let mut reader = BufReader::new(stdout);
    let mut banner = String::new();
    let mut line = String::new();
    loop {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => banner.push_str(&line),
        }
        if line.contains("http://") {
            // Keep reading the rest of the banner lines that follow immediately.
            break;
        }
    }
    // The key pair is printed right after the address.
    for _ in 0..2 {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) => banner.push_str(&line),
        }
    }
    let _ = tx.send(banner);
    // Drain the rest so the server never blocks on a full pipe.
    let _ = std::io::copy(&mut reader, &mut std::io::sink());
}

#[test]
fn emulator_subcommand_serves_signed_calls() {
    let home = TempDir::new();
    let server = Server::start(&home, &[], &[]);
    // The default pair is public test data, so it is shown.
    assert!(server.banner.contains("testid"), "{}", server.banner);
    assert!(server.banner.contains("testsecret"), "{}", server.banner);

    let endpoint = format!("http://{}/", server.addr);
    let creds = [
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "testid"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "testsecret"),
    ];
    // V3 (the default, and as asked for) and V1 alike.
    for version in [None, Some("v3"), Some("v1")] {
        let mut args = vec![
            "query-ota-firmware",
            "--firmware-id",
            SEED_ID,
            "--endpoint",
            &endpoint,
        ];
        if let Some(version) = version {
            args.extend(["--signature", version]);
        }
        let run = run_in(&home, &args, &creds);
        run.assert_code(0);
        assert_seed_json(&run);

        // A wrong secret is refused by the emulator's signature check.
        let run = run_in(
            &home,
            &args,
            &[
                ("ALIBABA_CLOUD_ACCESS_KEY_ID", "testid"),
                ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "not-the-secret"),
            ],
        );
        run.assert_code(1);
        assert!(
            run.stderr.contains("SignatureDoesNotMatch"),
            "{version:?}: {run}"
        );
        assert!(!run.stderr.contains("not-the-secret"), "{run}");
    }

    // One log line per request.
    let logs = server.stop();
    let lines: Vec<&str> = logs
        .lines()
        .filter(|l| l.contains("QueryOTAFirmware") && l.contains("status="))
        .collect();
    assert_eq!(lines.len(), 6, "{logs}");
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.contains("SignatureDoesNotMatch"))
            .count(),
        3,
        "{logs}"
    );
}

#[test]
fn emulator_subcommand_with_own_key_profile_and_faults() {
    let home = TempDir::new();
    let secret = "my-very-own-secret-1234";
    let server = Server::start(
        &home,
        &[
            "--access-key-id",
            "my-key",
            "--access-key-secret",
            secret,
            "--fault-rate",
            "1",
            "--fault",
            "503",
        ],
        &[],
    );
    assert!(server.banner.contains("my-key"), "{}", server.banner);
    assert!(server.banner.contains("<as given>"), "{}", server.banner);
    assert!(!server.banner.contains(secret), "{}", server.banner);

    // Credentials from an aliyun CLI profile chosen with --profile.
    std::fs::create_dir_all(home.path().join(".aliyun")).unwrap();
    std::fs::write(
        home.path().join(".aliyun/config.json"),
        format!(
            r#"{{"current": "default", "profiles": [
                {{"name": "emu", "mode": "AK", "access_key_id": "my-key",
                  "access_key_secret": "{secret}", "region_id": "cn-shanghai"}}
            ]}}"#
        ),
    )
    .unwrap();
    let endpoint = format!("http://{}/", server.addr);
    let run = run_in(
        &home,
        &[
            "--profile",
            "emu",
            "--endpoint",
            &endpoint,
            "--no-retry",
            "query-ota-firmware",
            "--firmware-id",
            SEED_ID,
        ],
        &[("RUST_LOG", "trace")],
    );
    // Every request is faulted with 503; --no-retry makes one attempt only.
    run.assert_code(1);
    assert!(run.stderr.contains("ServiceUnavailable"), "{run}");
    assert!(run.stderr.contains("HTTP 503"), "{run}");
    assert!(
        !run.stderr.contains(secret) && !run.stdout.contains(secret),
        "{run}"
    );
    assert_no_request_signature(&format!("{}{}", run.stdout, run.stderr));
    let logs = server.stop();
    let faulted = logs
        .lines()
        .filter(|l| l.contains("QueryOTAFirmware") && l.contains("ServiceUnavailable"))
        .count();
    assert_eq!(faulted, 1, "{logs}");
    assert!(!logs.contains(secret), "{logs}");
}

#[test]
fn emulator_subcommand_takes_the_secret_from_the_environment() {
    let home = TempDir::new();
    let secret = "secret-from-the-environment-5678";
    let server = Server::start(
        &home,
        &["--access-key-id", "env-key"],
        &[("ALIYUN_IOT_EMULATOR_ACCESS_KEY_SECRET", secret)],
    );
    assert!(server.banner.contains("env-key"), "{}", server.banner);
    assert!(server.banner.contains("<as given>"), "{}", server.banner);
    assert!(!server.banner.contains(secret), "{}", server.banner);

    let endpoint = format!("http://{}/", server.addr);
    let run = run_in(
        &home,
        &[
            "query-ota-firmware",
            "--firmware-id",
            SEED_ID,
            "--endpoint",
            &endpoint,
        ],
        &[
            ("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-key"),
            ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", secret),
        ],
    );
    run.assert_code(0);
    assert_seed_json(&run);
    let logs = server.stop();
    assert!(!logs.contains(secret), "{logs}");

    // The help names the variable but never shows its value.
    let run = run_in(
        &home,
        &["emulator", "--help"],
        &[("ALIYUN_IOT_EMULATOR_ACCESS_KEY_SECRET", secret)],
    );
    run.assert_code(0);
    assert!(
        run.stdout.contains("ALIYUN_IOT_EMULATOR_ACCESS_KEY_SECRET"),
        "{run}"
    );
    assert!(!run.stdout.contains(secret), "{run}");

    // The variable alone, without --access-key-id, is a usage error that does not echo it.
    let run = run_in(
        &home,
        &["emulator", "--listen", "127.0.0.1:0"],
        &[("ALIYUN_IOT_EMULATOR_ACCESS_KEY_SECRET", secret)],
    );
    run.assert_code(2);
    assert!(run.stderr.contains("--access-key-id"), "{run}");
    assert!(!run.stderr.contains(secret), "{run}");
}

// ---- credentials of the default chain, end to end through the emulator -------------------

/// Writes `~/.aliyun/config.json` with one profile, `p`.
fn write_cli_profile(home: &TempDir, profile: &str) {
    std::fs::create_dir_all(home.path().join(".aliyun")).unwrap();
    std::fs::write(
        home.path().join(".aliyun/config.json"),
        format!(r#"{{"current": "p", "profiles": [{{"name": "p", {profile}}}]}}"#),
    )
    .unwrap();
}

/// The emulator's instance-role credentials, as its metadata service serves them: temporary
/// STS credentials that its IoT API accepts.
fn instance_role_credentials(emulator: &Server) -> String {
    let addr = emulator.addr.parse().unwrap();
    let answer = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(test_support::send_request(
            addr,
            "GET",
            "/latest/meta-data/ram/security-credentials/EmulatorInstanceRole",
            &[],
            b"",
        ));
    assert_eq!(answer.status, 200, "{}", answer.text());
    answer.text()
}

#[test]
fn credentials_uri_profile_calls_the_emulator() {
    let home = TempDir::new();
    let emulator = Server::start(&home, &[], &[]);
    let credentials = instance_role_credentials(&emulator);
    let json: Value = serde_json::from_str(&credentials).unwrap();
    let secret = json["AccessKeySecret"].as_str().unwrap().to_owned();
    let token = json["SecurityToken"].as_str().unwrap().to_owned();
    // A credentials server on loopback, as a sidecar would serve them.
    let uri_server =
        test_support::Server::scripted(vec![test_support::Reply::json(200, credentials)]);
    let uri_base = uri_server.url();
    write_cli_profile(
        &home,
        &format!(
            r#""mode": "CredentialsURI", "credentials_uri": "{uri_base}credentials?token=abc""#
        ),
    );
    let endpoint = format!("http://{}/", emulator.addr);
    let run = run_in(
        &home,
        &[
            "--profile",
            "p",
            "--endpoint",
            &endpoint,
            "query-ota-firmware",
            "--firmware-id",
            SEED_ID,
        ],
        // An explicit --profile wins over a key in the environment.
        &[
            ("RUST_LOG", "trace"),
            ("ALIBABA_CLOUD_ACCESS_KEY_ID", "not-this-key"),
            ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "not-this-secret"),
        ],
    );
    run.assert_code(0);
    assert_seed_json(&run);
    let requests = uri_server.requests();
    assert_eq!(requests.len(), 1, "{run}");
    assert_eq!(requests[0].method, "GET");
    assert_eq!(requests[0].path(), "/credentials");
    for leaked in [&secret, &token, &"token=abc".to_owned()] {
        assert!(!run.stderr.contains(leaked.as_str()), "{run}");
    }

    // The server down: the error names the provider and the address, not the query.
    drop(uri_server);
    let run = run_in(
        &home,
        &[
            "--profile",
            "p",
            "--endpoint",
            &endpoint,
            "query-ota-firmware",
            "--firmware-id",
            SEED_ID,
        ],
        &[],
    );
    run.assert_code(3);
    let expected = format!("credential_uri ({uri_base}credentials): GET: cannot connect");
    assert!(run.stderr.contains(&expected), "{run}");
    assert!(!run.stderr.contains("token=abc"), "{run}");
}

#[test]
fn ecs_instance_role_through_the_emulators_metadata_service() {
    let home = TempDir::new();
    let emulator = Server::start(&home, &[], &[]);
    let endpoint = format!("http://{}/", emulator.addr);
    let run = run_in(
        &home,
        &[
            "--endpoint",
            &endpoint,
            "query-ota-firmware",
            "--firmware-id",
            SEED_ID,
        ],
        &[
            ("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "false"),
            ("ALIBABA_CLOUD_ECS_METADATA_ENDPOINT", &emulator.addr),
        ],
    );
    run.assert_code(0);
    assert_seed_json(&run);
}

#[test]
fn emulator_subcommand_serves_a_data_file_and_delays() {
    let home = TempDir::new();
    let data = home.path().join("packages.json");
    std::fs::write(
        &data,
        r#"{"Packages": [{"FirmwareInfo": {
            "FirmwareId": "MyOwnPackage****0100", "FirmwareName": "mine",
            "DestVersion": "9.9.9", "Type": 1, "SrcVersion": "9.9.8", "Status": 3,
            "FirmwareSize": 1536
        }}]}"#,
    )
    .unwrap();
    let server = Server::start(
        &home,
        &["--data", data.to_str().unwrap(), "--fault", "delay:1500ms"],
        &[],
    );
    assert!(server.banner.contains("testid"), "{}", server.banner);
    let endpoint = format!("http://{}/", server.addr);
    let creds = [
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "testid"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "testsecret"),
    ];
    let query = [
        "--endpoint",
        &endpoint,
        "query-ota-firmware",
        "--firmware-id",
    ];

    // Every request is delayed by 1.5 s: a 0.3 s deadline gives up.
    let mut args = query.to_vec();
    args.extend(["MyOwnPackage****0100", "--timeout", "0.3", "--no-retry"]);
    let run = run_in(&home, &args, &creds);
    run.assert_code(1);
    assert!(run.stderr.contains("timed out"), "{run}");

    let mut args = query.to_vec();
    args.extend(["MyOwnPackage****0100", "--output", "table"]);
    let run = run_in(&home, &args, &creds);
    run.assert_code(0);
    for expected in [
        "mine",
        "1 (delta package)",
        "3 (verification failed)",
        "1,536 bytes (1.5 KiB)",
        "9.9.8",
    ] {
        assert!(run.stdout.contains(expected), "{expected:?} missing: {run}");
    }

    // The built-in packages are not served with --data.
    let mut args = query.to_vec();
    args.push(SEED_ID);
    let run = run_in(&home, &args, &creds);
    run.assert_code(1);
    assert!(run.stderr.contains("iot.ota.FirmwareNotFound"), "{run}");
}

#[test]
fn emulator_subcommand_with_a_bad_data_file() {
    let home = TempDir::new();
    let missing = home.path().join("missing.json");
    let run = run_in(
        &home,
        &[
            "emulator",
            "--listen",
            "127.0.0.1:0",
            "--data",
            missing.to_str().unwrap(),
        ],
        &[],
    );
    run.assert_code(2);
    assert!(run.stderr.contains("missing.json"), "{run}");
    assert!(run.stderr.contains("cannot read the file"), "{run}");
}

#[test]
fn emulator_subcommand_names_the_field_of_a_bad_product() {
    let home = TempDir::new();
    let data = home.path().join("products.json");
    std::fs::write(
        &data,
        r#"{"Products": [{"ProductKey": "a1Demo", "Devices": [{"DeviceName": "d1"}]}]}"#,
    )
    .unwrap();
    let run = run_in(
        &home,
        &[
            "emulator",
            "--listen",
            "127.0.0.1:0",
            "--data",
            data.to_str().unwrap(),
        ],
        &[],
    );
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("products.json: at Products[0].Devices[0].DeviceName: invalid device name"),
        "{run}"
    );
}

// ---- secrets -----------------------------------------------------------------------------

/// Fails if `text` holds a request signature: a `Signature` parameter (raw or inside an
/// encoded string to sign) whose value is neither redacted nor the seed's OSS URL one, or a
/// `signature` log field.
fn assert_no_request_signature(text: &str) {
    for marker in ["Signature=", "Signature%3D", "Signature%253D"] {
        for (at, _) in text.match_indices(marker) {
            let value = &text[at + marker.len()..];
            assert!(
                value.starts_with("<redacted>")
                    || value.starts_with("%3Credacted%3E")
                    || value.starts_with(SEED_URL_SIGNATURE),
                "a signature is printed: {}",
                &text[at..(at + 80).min(text.len())]
            );
        }
    }
    assert!(!text.to_ascii_lowercase().contains(" signature="), "{text}");
}

#[test]
fn trace_logging_never_prints_secrets_or_signatures() {
    let home = TempDir::new();
    let mut all = String::new();
    for args in [
        &["--emulator", "query-ota-firmware", "--firmware-id", SEED_ID][..],
        &[
            "--emulator",
            "--format",
            "xml",
            "query-ota-firmware",
            "--firmware-id",
            "nope",
        ][..],
        &[
            "--emulator",
            "--signature",
            "v1",
            "query-ota-firmware",
            "--firmware-id",
            SEED_ID,
        ][..],
        &[
            "--emulator",
            "--signature",
            "v1",
            "--format",
            "xml",
            "query-ota-firmware",
            "--firmware-id",
            "nope",
        ][..],
    ] {
        let run = run_in(&home, args, &[("RUST_LOG", "trace")]);
        assert!(run.code.is_some(), "{run}");
        // The trace logs are really on (on stderr).
        assert!(run.stderr.contains("aliyun.call"), "{run}");
        all.push_str(&run.stdout);
        all.push_str(&run.stderr);
    }
    // The signing key of the in-process emulator's default pair.
    assert!(!all.contains("testsecret"), "{all}");
    assert_no_request_signature(&all);
}

#[test]
#[should_panic(expected = "a signature is printed")]
fn the_signature_check_catches_a_leak() {
    assert_no_request_signature("sending url=http://127.0.0.1/?Action=A&Signature=Zm9vYmFy%3D");
}
