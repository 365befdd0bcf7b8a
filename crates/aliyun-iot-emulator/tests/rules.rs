//! The OTA service's rules as the emulator applies them, through the generated client over real
//! HTTP on loopback, on a clock the tests move by hand:
//!
//! - every in-band error code of the crate docs' table is produced by some call;
//! - parameters outside their documented rules (lengths, ranges, counts, combinations, pages);
//! - changes the state of a package, job or task does not allow;
//! - flows: confirmation, schedules, overwriting, scopes, delta packages, dynamic jobs, the
//!   notification rate, automatic retries, offline devices and timeouts;
//! - instances, and the lists (paging, filters, order).
//!
//! Refusals are tables of rows (what is tried, the code expected or `OK`, the call), run in
//! order against one emulator, every wrong row reported at once. Tests marked
//! `#[ignore = "BUG: …"]`, should any appear, mark a known contradiction between the emulator
//! and what the crate docs or `ota-family.md` say it does: such a test asserts the documented
//! behaviour and fails until the emulator is fixed (`cargo test -- --ignored` runs them).
//!
//! Every test starts its own emulator ([`Emu`]): a manual clock that moves one device step
//! ([`STEP`], a second) at a time, no throttling, a fixed seed, and usually the products,
//! devices and packages of [`fixture_config`].

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use aliyun_iot::create_ota_dynamic_upgrade_job::CreateOtaDynamicUpgradeJobFluentBuilder;
use aliyun_iot::create_ota_firmware::{CreateOtaFirmwareFluentBuilder, FirmwareFileInput};
use aliyun_iot::create_ota_static_upgrade_job::CreateOtaStaticUpgradeJobFluentBuilder;
use aliyun_iot::create_ota_verify_job::CreateOtaVerifyJobFluentBuilder;
use aliyun_iot::query_ota_firmware::{FirmwareInfo, FirmwareStatus};
use aliyun_iot::types::{
    CreatedJob, DownloadProtocol, FirmwareType, GroupType, JobStatus, OtaTag, SelectionType,
    SignMethod, TargetSelection, TaskStatus,
};
use aliyun_iot::{Client, Error};
use aliyun_iot_emulator::{
    DeviceSeed, Emulator, EmulatorConfig, FIRMWARE_NOT_FOUND, INSTANCE_NOT_FOUND, Package,
    ProductSeed, RunningEmulator,
};
use aliyun_runtime::ErrorOrigin;
use md5::Md5;
use sha2::{Digest, Sha256};

// ---------------------------------------------------------------------------------------------
// The fixture
// ---------------------------------------------------------------------------------------------

/// The product of the fixture's devices and packages.
const PRODUCT: &str = "a1RulesProd";
/// Another product, with one device (`other-01`) and no package.
const OTHER: &str = "a1OtherProd";

/// Packages of [`PRODUCT`], each named as its ID. Three need no verification: full packages
/// to 3.0.0, 4.0.0 and 5.0.0.
const FREE: &str = "pkg-free";
const FREE2: &str = "pkg-free2";
const FREE3: &str = "pkg-free3";
/// A full package to 2.1.0 that must be verified before an update job.
const UNVERIFIED: &str = "pkg-unverified";
/// A full package to 2.2.0, verified.
const VERIFIED: &str = "pkg-verified";
/// A delta package from 1.0.0 to 1.1.0, needing no verification.
const DELTA: &str = "pkg-delta";

/// One step of the simulated devices: each task moves on by at most one state a step.
const STEP: Duration = Duration::from_secs(1);
const MINUTE: Duration = Duration::from_secs(60);

/// What a row expects when the call succeeds.
const OK: &str = "OK";

// The in-band codes of the crate docs' table.
const ILLEGAL: &str = "iot.system.IllegalRequest";
const PAGE: &str = "iot.common.InvalidPageParams";
const NO_PRODUCT: &str = "iot.prod.NotExistedProduct";
const NO_DEVICE: &str = "iot.device.NotExistedDevice";
const NO_GROUP: &str = "iot.group.NotExistedGroup";
const JOB_NOT_FOUND: &str = "iot.ota.JobNotFound";
const TASK_NOT_FOUND: &str = "iot.ota.TaskNotFound";
const MODULE_NOT_FOUND: &str = "iot.ota.ModuleNotFound";
const MODULE_EXISTS: &str = "iot.ota.ModuleAlreadyExists";
const MODULE_LIMIT: &str = "iot.ota.ModuleLimitExceeded";
const MODULE_IN_USE: &str = "iot.ota.ModuleInUse";
const NAME_EXISTS: &str = "iot.ota.FirmwareNameAlreadyExists";
const FIRMWARE_LIMIT: &str = "iot.ota.FirmwareLimitExceeded";
const FILE_NOT_FOUND: &str = "iot.ota.FileNotFound";
const SIGN_MISMATCH: &str = "iot.ota.FirmwareSignMismatch";
const FIRMWARE_IN_USE: &str = "iot.ota.FirmwareInUse";
const NOT_VERIFIED: &str = "iot.ota.FirmwareNotVerified";
const VERIFY_STATE: &str = "iot.ota.FirmwareVerifyStateInvalid";
const DYNAMIC_EXISTS: &str = "iot.ota.DynamicJobExists";
const NO_MATCH: &str = "iot.ota.NoDeviceMatched";
const JOB_STATE: &str = "iot.ota.InvalidJobStatus";
const TASK_STATE: &str = "iot.ota.InvalidTaskStatus";
const DEVICE_BUSY: &str = "iot.ota.DeviceTaskExists";

/// A package of `product` seeded into an emulator: ID and name `id`, a full package of
/// module `default` to `dest`, in `status`.
fn package(product: &str, id: &str, dest: &str, status: FirmwareStatus) -> Package {
    let mut firmware = FirmwareInfo::default();
    firmware.firmware_id = Some(id.to_owned());
    firmware.firmware_name = Some(id.to_owned());
    firmware.dest_version = Some(dest.to_owned());
    firmware.r#type = Some(FirmwareType::Full);
    firmware.verify_progress = Some(if status == FirmwareStatus::Verified {
        100
    } else {
        0
    });
    firmware.status = Some(status);
    firmware.module_name = Some("default".to_owned());
    firmware.product_key = Some(product.to_owned());
    Package::new(firmware)
}

/// [`PRODUCT`] with nine devices, each reporting module `default`: `dev-01` … `dev-06` on
/// 1.0.0, `fail-01` on 1.0.0 failing every update, `off-01` on 1.0.0 offline, `old-01` on
/// 0.9.0; and [`OTHER`] with `other-01`.
fn fixture_products() -> Vec<ProductSeed> {
    let product = (1..=6).fold(ProductSeed::new(PRODUCT, "Rules"), |product, n| {
        product.with_device(DeviceSeed::new(format!("dev-{n:02}")))
    });
    vec![
        product
            .with_device(DeviceSeed::new("fail-01").failing())
            .with_device(DeviceSeed::new("off-01").offline())
            .with_device(DeviceSeed::new("old-01").with_module("default", "0.9.0")),
        ProductSeed::new(OTHER, "Other").with_device(DeviceSeed::new("other-01")),
    ]
}

/// The packages of [`PRODUCT`]: [`FREE`], [`FREE2`], [`FREE3`], [`UNVERIFIED`], [`VERIFIED`]
/// and [`DELTA`].
fn fixture_packages() -> Vec<Package> {
    use FirmwareStatus::NoVerificationRequired as Free;
    let mut delta = package(PRODUCT, DELTA, "1.1.0", Free);
    delta.firmware.r#type = Some(FirmwareType::Delta);
    delta.firmware.src_version = Some("1.0.0".to_owned());
    vec![
        package(PRODUCT, FREE, "3.0.0", Free),
        package(PRODUCT, FREE2, "4.0.0", Free),
        package(PRODUCT, FREE3, "5.0.0", Free),
        package(PRODUCT, UNVERIFIED, "2.1.0", FirmwareStatus::Unverified),
        package(PRODUCT, VERIFIED, "2.2.0", FirmwareStatus::Verified),
        delta,
    ]
}

/// The fixture's products and packages.
fn fixture_config() -> EmulatorConfig {
    EmulatorConfig::ephemeral()
        .with_products(fixture_products())
        .with_packages(fixture_packages())
}

/// [`PRODUCT`] named `Crowd` with 25 devices `r-01` … `r-25` on 1.0.0, and [`FREE`], a
/// package to 2.0.0 that needs no verification.
fn crowd_config() -> EmulatorConfig {
    EmulatorConfig::ephemeral()
        .with_products(vec![
            ProductSeed::new(PRODUCT, "Crowd").with_generated_devices(25, "r-"),
        ])
        .with_packages(vec![package(
            PRODUCT,
            FREE,
            "2.0.0",
            FirmwareStatus::NoVerificationRequired,
        )])
}

/// A running emulator on a manual clock, and a client of it.
struct Emu {
    running: RunningEmulator,
    client: Client,
}

impl Emu {
    /// Starts `config` on a manual clock moving [`STEP`] a step, without throttling, with a
    /// fixed seed.
    async fn start(config: EmulatorConfig) -> Self {
        let config = config
            .with_manual_clock()
            .with_device_step(STEP)
            .with_qps(0)
            .with_seed(7);
        let running = Emulator::start(config).await.unwrap();
        let client = running.client().unwrap();
        Self { running, client }
    }

    /// Starts the fixture ([`fixture_config`]).
    async fn fixture() -> Self {
        Self::start(fixture_config()).await
    }

    /// Moves the clock on by `by`, one device step at a time.
    fn advance(&self, by: Duration) {
        self.running.advance(by).unwrap();
    }

    /// Moves the clock on by `count` device steps.
    fn steps(&self, count: u32) {
        self.advance(STEP * count);
    }
}

// ---------------------------------------------------------------------------------------------
// Calls
// ---------------------------------------------------------------------------------------------

/// The emulator's time, in milliseconds (when GenerateOTAUploadURL says it answered).
async fn now_millis(c: &Client) -> i64 {
    let reply = c.generate_ota_upload_url().send().await.unwrap();
    reply.data.unwrap().utc_create.unwrap().as_millisecond()
}

/// A firmware file: 64 KiB of bytes that are not all alike.
fn firmware_bytes() -> Vec<u8> {
    (0..65_536u32)
        .map(|i| (i.wrapping_mul(40_503).rotate_left(7) ^ i) as u8)
        .collect()
}

fn md5_hex(bytes: &[u8]) -> String {
    hex::encode(Md5::digest(bytes))
}

/// Uploads `bytes` with the POST-policy form GenerateOTAUploadURL answers; returns the URL
/// to create a package from.
async fn upload(c: &Client, bytes: &[u8]) -> String {
    let data = c
        .generate_ota_upload_url()
        .send()
        .await
        .unwrap()
        .data
        .unwrap();
    let boundary = "rules-upload-5f3a9c";
    let fields = [
        ("key", data.key.clone().unwrap()),
        ("policy", data.policy.clone().unwrap()),
        ("OSSAccessKeyId", data.oss_access_key_id.clone().unwrap()),
        ("Signature", data.signature.clone().unwrap()),
        ("success_action_status", "200".to_owned()),
    ];
    let mut body = Vec::with_capacity(bytes.len() + 1024);
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fw.bin\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let response = reqwest::Client::new()
        .post(format!("{}/", data.host.unwrap()))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    assert_eq!(status, 200, "upload: {:?}", response.text().await);
    data.firmware_url.unwrap()
}

/// CreateOTAFirmware of a package of [`PRODUCT`] named `name`, to 9.0.0, from `url`.
fn new_package(c: &Client, name: &str, url: &str) -> CreateOtaFirmwareFluentBuilder {
    c.create_ota_firmware()
        .firmware_name(name)
        .dest_version("9.0.0")
        .product_key(PRODUCT)
        .firmware_url(url)
}

/// A static job of `package` on the named devices of [`PRODUCT`].
fn specific(c: &Client, package: &str, devices: &[&str]) -> CreateOtaStaticUpgradeJobFluentBuilder {
    c.create_ota_static_upgrade_job()
        .firmware_id(package)
        .product_key(PRODUCT)
        .target_selection(TargetSelection::Specific)
        .set_target_device_name(Some(devices.iter().map(|d| (*d).to_owned()).collect()))
}

/// A static job of `package` on every device of [`PRODUCT`] it applies to.
fn all(c: &Client, package: &str) -> CreateOtaStaticUpgradeJobFluentBuilder {
    c.create_ota_static_upgrade_job()
        .firmware_id(package)
        .product_key(PRODUCT)
        .target_selection(TargetSelection::All)
}

/// A static job of `package` on `percent` % of the devices of [`PRODUCT`].
fn gray(c: &Client, package: &str, percent: &str) -> CreateOtaStaticUpgradeJobFluentBuilder {
    all(c, package)
        .target_selection(TargetSelection::Gray)
        .gray_percent(percent)
}

/// A verification job of `package` on the named devices of [`PRODUCT`].
fn verify(c: &Client, package: &str, devices: &[&str]) -> CreateOtaVerifyJobFluentBuilder {
    c.create_ota_verify_job()
        .firmware_id(package)
        .product_key(PRODUCT)
        .set_target_device_name(Some(devices.iter().map(|d| (*d).to_owned()).collect()))
}

/// A dynamic job of `package` for the devices of [`PRODUCT`] on `src`.
fn dynamic(c: &Client, package: &str, src: &str) -> CreateOtaDynamicUpgradeJobFluentBuilder {
    c.create_ota_dynamic_upgrade_job()
        .firmware_id(package)
        .product_key(PRODUCT)
        .src_version(src)
}

/// The JobId of a created job.
fn id_of(data: Option<CreatedJob>) -> String {
    data.and_then(|d| d.job_id).expect("a JobId")
}

/// `count` names `<prefix>01`, `<prefix>02`, … (at least two digits).
fn names(prefix: &str, count: usize) -> Vec<String> {
    (1..=count).map(|n| format!("{prefix}{n:02}")).collect()
}

fn tag(key: &str, value: &str) -> OtaTag {
    let mut tag = OtaTag::default();
    tag.key = Some(key.to_owned());
    tag.value = Some(value.to_owned());
    tag
}

/// `count` tags `k1`, `k2`, … whose values are `value_len` characters.
fn tags(count: usize, value_len: usize) -> Vec<OtaTag> {
    (1..=count)
        .map(|n| tag(&format!("k{n}"), &"v".repeat(value_len)))
        .collect()
}

/// A device's task in a job.
#[derive(Clone, Debug)]
struct Task {
    device: String,
    id: String,
    status: TaskStatus,
    desc: String,
}

/// The tasks of `job`, by device name.
async fn tasks(c: &Client, job: &str) -> Vec<Task> {
    let reply = c
        .list_ota_task_by_job()
        .job_id(job)
        .current_page(1)
        .page_size(100)
        .send()
        .await
        .unwrap();
    let mut tasks: Vec<Task> = reply
        .data
        .into_iter()
        .map(|t| Task {
            device: t.device_name.unwrap(),
            id: t.task_id.unwrap(),
            status: t.task_status.unwrap(),
            desc: t.task_desc.unwrap_or_default(),
        })
        .collect();
    tasks.sort_by(|a, b| a.device.cmp(&b.device));
    tasks
}

/// The task of `device` in `job`.
async fn task(c: &Client, job: &str, device: &str) -> Task {
    tasks(c, job)
        .await
        .into_iter()
        .find(|t| t.device == device)
        .unwrap_or_else(|| panic!("job {job} has no task for {device}"))
}

/// `device=STATUS` for each task of `job`, by device name.
async fn states(c: &Client, job: &str) -> Vec<String> {
    tasks(c, job)
        .await
        .into_iter()
        .map(|t| format!("{}={}", t.device, t.status.as_str()))
        .collect()
}

/// The devices `job` has tasks for, by name.
async fn devices_of(c: &Client, job: &str) -> Vec<String> {
    tasks(c, job).await.into_iter().map(|t| t.device).collect()
}

/// How many devices of `job` have been notified (their task is past `QUEUED`).
async fn notified(c: &Client, job: &str) -> usize {
    tasks(c, job)
        .await
        .iter()
        .filter(|t| !matches!(t.status, TaskStatus::Queued | TaskStatus::Confirm))
        .count()
}

async fn job_status(c: &Client, job: &str) -> JobStatus {
    let reply = c.query_ota_job().job_id(job).send().await.unwrap();
    reply.data.unwrap().job_status.unwrap()
}

/// A package's `Status` and `VerifyProgress`.
async fn package_status(c: &Client, id: &str) -> (FirmwareStatus, Option<i64>) {
    let info = c
        .query_ota_firmware()
        .firmware_id(id)
        .send()
        .await
        .unwrap()
        .firmware_info
        .unwrap();
    (info.status.unwrap(), info.verify_progress)
}

/// The version of module `default` a device of [`PRODUCT`] reports.
async fn version(c: &Client, device: &str) -> String {
    let reply = c
        .list_ota_module_versions_by_device()
        .product_key(PRODUCT)
        .device_name(device)
        .current_page(1)
        .page_size(10)
        .send()
        .await
        .unwrap();
    reply
        .data
        .into_iter()
        .find(|m| m.module_name.as_deref() == Some("default"))
        .and_then(|m| m.module_version)
        .unwrap_or_else(|| panic!("{device} reports no version of module default"))
}

// ---------------------------------------------------------------------------------------------
// Tables of rows
// ---------------------------------------------------------------------------------------------

/// A call of a row, its reply dropped.
type Call = Pin<Box<dyn Future<Output = Result<(), Error>>>>;

/// A row: what is tried, the code expected (or [`OK`]), the parameter an
/// `iot.system.IllegalRequest` message must name, and the call (not sent yet).
struct Case {
    what: String,
    expected: &'static str,
    naming: Option<&'static str>,
    call: Call,
}

fn case<T: 'static>(
    what: impl Into<String>,
    expected: &'static str,
    call: impl Future<Output = Result<T, Error>> + 'static,
) -> Case {
    Case {
        what: what.into(),
        expected,
        naming: None,
        call: Box::pin(async move { call.await.map(drop) }),
    }
}

impl Case {
    /// The row's `iot.system.IllegalRequest` message must name `parameter`.
    fn naming(mut self, parameter: &'static str) -> Self {
        self.naming = Some(parameter);
        self
    }

    /// Sends the call; what is wrong with its answer, if anything, and the in-band code
    /// answered, if any.
    async fn run(self) -> (Option<String>, Option<String>) {
        let Case {
            what,
            expected,
            naming,
            call,
        } = self;
        let wrong = |problem: String| Some(format!("{what}: {problem}"));
        if expected == ILLEGAL && naming.is_none() {
            return (
                wrong("the row expects IllegalRequest but names no parameter".into()),
                None,
            );
        }
        let error = match call.await {
            Ok(()) if expected == OK => return (None, None),
            Ok(()) => return (wrong(format!("succeeded, expected {expected}")), None),
            Err(error) => error,
        };
        let Some(service) = error.as_service() else {
            return (
                wrong(format!("expected {expected}, failed with: {error}")),
                None,
            );
        };
        if service.origin != ErrorOrigin::InBand || service.status != 200 {
            return (
                wrong(format!(
                    "expected {expected} in band (HTTP 200), got HTTP {} {:?}: {error}",
                    service.status, service.origin
                )),
                None,
            );
        }
        let code = Some(service.code.clone());
        if service.code != expected {
            return (
                wrong(format!(
                    "expected {expected}, got {}: {}",
                    service.code, service.message
                )),
                code,
            );
        }
        match naming {
            Some(parameter) if !service.message.contains(parameter) => (
                wrong(format!(
                    "the message does not name {parameter}: {}",
                    service.message
                )),
                code,
            ),
            _ => (None, code),
        }
    }
}

/// Runs `rows` in order and fails listing every wrong row; returns the in-band codes
/// answered.
async fn check(rows: Vec<Case>) -> BTreeSet<String> {
    let count = rows.len();
    let mut wrong = Vec::new();
    let mut seen = BTreeSet::new();
    for row in rows {
        let (problem, code) = row.run().await;
        wrong.extend(problem);
        seen.extend(code);
    }
    if !wrong.is_empty() {
        let mut report = format!("{} of {count} rows wrong:", wrong.len());
        for problem in &wrong {
            let _ = write!(report, "\n  - {problem}");
        }
        panic!("{report}");
    }
    seen
}

// ---------------------------------------------------------------------------------------------
// The codes of the crate docs
// ---------------------------------------------------------------------------------------------

/// Every backticked `iot.…` code of the table of section "The operations" of the crate docs,
/// then [`INSTANCE_NOT_FOUND`] and [`FIRMWARE_NOT_FOUND`] (named above the table), in order,
/// once each.
fn documented_codes() -> Vec<String> {
    let docs = include_str!("../src/lib.rs");
    let section: Vec<&str> = docs
        .lines()
        .skip_while(|line| line.trim() != "//! # The operations")
        .skip(1)
        .take_while(|line| !line.starts_with("//! # "))
        .collect();
    assert!(
        !section.is_empty(),
        "no section \"The operations\" in the crate docs"
    );
    let mut codes: Vec<String> = Vec::new();
    for row in section.iter().filter(|l| l.starts_with("//! |")) {
        for (i, piece) in row.split('`').enumerate() {
            if i % 2 == 1 && piece.starts_with("iot.") && !codes.iter().any(|c| c == piece) {
                codes.push(piece.to_owned());
            }
        }
    }
    assert!(
        codes.len() >= 20,
        "too few codes read from the table of \"The operations\": {codes:?}"
    );
    for code in [INSTANCE_NOT_FOUND, FIRMWARE_NOT_FOUND] {
        if !codes.iter().any(|c| c == code) {
            codes.push(code.to_owned());
        }
    }
    codes
}

#[tokio::test]
async fn every_documented_in_band_code_is_produced() {
    use FirmwareStatus::NoVerificationRequired as Free;
    let documented = documented_codes();
    // The fixture, and an instance that holds 500 packages already.
    let mut config = fixture_config();
    config
        .products
        .push(ProductSeed::new("a1FullProd", "Full").with_instance("iot-full"));
    config.packages.extend((0..500).map(|n| {
        package("a1FullProd", &format!("full-{n:03}"), "2.0.0", Free).with_instance("iot-full")
    }));
    let emu = Emu::start(config).await;
    let c = &emu.client;
    let url = upload(c, &firmware_bytes()).await;
    // A completed job: dev-01 succeeded, fail-01 failed; then a QUEUED task for fail-01 in a
    // job of another package (which keeps that package in use).
    let done = id_of(
        specific(c, FREE, &["dev-01", "fail-01"])
            .send()
            .await
            .unwrap()
            .data,
    );
    emu.steps(10);
    assert_eq!(
        states(c, &done).await,
        ["dev-01=SUCCEEDED", "fail-01=FAILED"]
    );
    let failed = task(c, &done, "fail-01").await.id;
    let open = id_of(specific(c, FREE2, &["fail-01"]).send().await.unwrap().data);
    let queued = task(c, &open, "fail-01").await.id;
    // A custom module, and ten of them on the other product.
    c.create_ota_module()
        .product_key(PRODUCT)
        .module_name("MCU")
        .send()
        .await
        .unwrap();
    for n in 1..=10 {
        c.create_ota_module()
            .product_key(OTHER)
            .module_name(format!("m{n}"))
            .send()
            .await
            .unwrap();
    }

    let seen = check(vec![
        case(
            "TimeoutInMinutes 0",
            ILLEGAL,
            specific(c, FREE3, &["dev-02"]).timeout_in_minutes(0).send(),
        )
        .naming("TimeoutInMinutes"),
        case(
            "ListOTAFirmware PageSize 101",
            PAGE,
            c.list_ota_firmware().current_page(1).page_size(101).send(),
        ),
        case(
            "an unknown ProductKey",
            NO_PRODUCT,
            c.list_ota_module_by_product()
                .product_key("a1NoSuchProd")
                .send(),
        ),
        case(
            "an unknown device",
            NO_DEVICE,
            specific(c, FREE3, &["ghost"]).send(),
        ),
        case(
            "a device group",
            NO_GROUP,
            all(c, FREE3)
                .target_selection(TargetSelection::Group)
                .group_id("group-1")
                .group_type(GroupType::LinkPlatform)
                .send(),
        ),
        case(
            "an unknown JobId",
            JOB_NOT_FOUND,
            c.query_ota_job().job_id("no-such-job").send(),
        ),
        case(
            "an unknown TaskId",
            TASK_NOT_FOUND,
            c.confirm_ota_task().task_id("no-such-task").send(),
        ),
        case(
            "an unknown custom module",
            MODULE_NOT_FOUND,
            c.update_ota_module()
                .product_key(PRODUCT)
                .module_name("GPS")
                .alias_name("gps")
                .send(),
        ),
        case(
            "a module name taken, case aside",
            MODULE_EXISTS,
            c.create_ota_module()
                .product_key(PRODUCT)
                .module_name("mcu")
                .send(),
        ),
        case(
            "an eleventh custom module",
            MODULE_LIMIT,
            c.create_ota_module()
                .product_key(OTHER)
                .module_name("m11")
                .send(),
        ),
        case(
            "deleting the default module",
            MODULE_IN_USE,
            c.delete_ota_module()
                .product_key(PRODUCT)
                .module_name("default")
                .send(),
        ),
        case(
            "a FirmwareName taken",
            NAME_EXISTS,
            new_package(c, FREE, &url).send(),
        ),
        case(
            "a 501st package in the instance",
            FIRMWARE_LIMIT,
            new_package(c, "full-500", &url)
                .product_key("a1FullProd")
                .iot_instance_id("iot-full")
                .send(),
        ),
        case(
            "a FirmwareUrl naming no uploaded file",
            FILE_NOT_FOUND,
            new_package(c, "fw-nowhere", "https://example.invalid/fw.bin").send(),
        ),
        case(
            "a FirmwareSign that is not the file's",
            SIGN_MISMATCH,
            new_package(c, "fw-bad-sign", &url)
                .firmware_sign("0".repeat(32))
                .send(),
        ),
        case(
            "deleting a package with an unfinished job",
            FIRMWARE_IN_USE,
            c.delete_ota_firmware().firmware_id(FREE2).send(),
        ),
        case(
            "a static job of an unverified package",
            NOT_VERIFIED,
            specific(c, UNVERIFIED, &["dev-02"]).send(),
        ),
        case(
            "verifying a verified package",
            VERIFY_STATE,
            verify(c, VERIFIED, &["dev-02"]).send(),
        ),
        case(
            "a first dynamic job",
            OK,
            dynamic(c, VERIFIED, "1.0.0").send(),
        ),
        case(
            "a second dynamic job of the package",
            DYNAMIC_EXISTS,
            dynamic(c, VERIFIED, "1.0.0").send(),
        ),
        case(
            "a source version no device has",
            NO_MATCH,
            all(c, FREE3).src_version("7.7.7").send(),
        ),
        case(
            "cancelling the policy of a static job",
            JOB_STATE,
            c.cancel_ota_strategy_by_job().job_id(&done).send(),
        ),
        case(
            "confirming a QUEUED task",
            TASK_STATE,
            c.confirm_ota_task().task_id(&queued).send(),
        ),
        case(
            "re-running the task of a device that has another unfinished task",
            DEVICE_BUSY,
            c.reupgrade_ota_task().job_id(&done).task_id(&failed).send(),
        ),
        case(
            "an IotInstanceId nothing belongs to",
            INSTANCE_NOT_FOUND,
            c.query_ota_firmware()
                .firmware_id(FREE)
                .iot_instance_id("iot-nowhere")
                .send(),
        ),
        case(
            "an unknown FirmwareId",
            FIRMWARE_NOT_FOUND,
            c.query_ota_firmware().firmware_id("no-such-package").send(),
        ),
    ])
    .await;
    let missing: Vec<&String> = documented.iter().filter(|c| !seen.contains(*c)).collect();
    assert!(missing.is_empty(), "no call produced {missing:?}");
}

// ---------------------------------------------------------------------------------------------
// Parameter limits
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn job_parameters_outside_their_rules_are_refused() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let now = now_millis(c).await;
    let min = 60_000i64;
    let day = 24 * 60 * min;
    let on = || specific(c, FREE, &["dev-01"]);
    // The running job UpdateOTAJob changes below (made first: the rows below give every
    // device more tasks, which fail beside this one; no row overwrites dev-06's).
    let job = id_of(specific(c, FREE2, &["dev-06"]).send().await.unwrap().data);
    check(vec![
        // Verification jobs: 1–10 distinct test devices of the package's product. (Every row
        // fails, so the package stays unverified.)
        case(
            "verify on 11 devices",
            ILLEGAL,
            verify(c, UNVERIFIED, &[])
                .set_target_device_name(Some(names("dev-", 11)))
                .send(),
        )
        .naming("TargetDeviceName"),
        case(
            "verify naming a device twice",
            ILLEGAL,
            verify(c, UNVERIFIED, &["dev-01", "dev-01"]).send(),
        )
        .naming("TargetDeviceName.2"),
        case(
            "verify on an unknown device",
            NO_DEVICE,
            verify(c, UNVERIFIED, &["ghost"]).send(),
        ),
        case(
            "verify with another product's key",
            ILLEGAL,
            verify(c, UNVERIFIED, &["other-01"])
                .product_key(OTHER)
                .send(),
        )
        .naming("ProductKey"),
        case(
            "verify with TimeoutInMinutes 1441",
            ILLEGAL,
            verify(c, UNVERIFIED, &["dev-01"])
                .timeout_in_minutes(1441)
                .send(),
        )
        .naming("TimeoutInMinutes"),
        case(
            "verify with 11 tags",
            ILLEGAL,
            verify(c, UNVERIFIED, &["dev-01"])
                .set_tag(Some(tags(11, 1)))
                .send(),
        )
        .naming("Tag"),
        // SPECIFIC: 1–200 distinct devices of the product, no source versions, no list file.
        case(
            "SPECIFIC naming 201 devices",
            ILLEGAL,
            on().set_target_device_name(Some(names("dev-", 201))).send(),
        )
        .naming("TargetDeviceName"),
        case(
            "SPECIFIC naming 200 devices passes the count (then the first unknown one is refused)",
            NO_DEVICE,
            on().set_target_device_name(Some(names("dev-", 200))).send(),
        ),
        case(
            "SPECIFIC without devices",
            ILLEGAL,
            on().set_target_device_name(None).send(),
        )
        .naming("TargetDeviceName"),
        case(
            "SPECIFIC naming a device twice",
            ILLEGAL,
            specific(c, FREE, &["dev-01", "dev-02", "dev-01"]).send(),
        )
        .naming("TargetDeviceName.3"),
        case(
            "SPECIFIC with SrcVersion",
            ILLEGAL,
            on().src_version("1.0.0").send(),
        )
        .naming("SrcVersion"),
        case(
            "SPECIFIC with DnListFileUrl",
            ILLEGAL,
            on().dn_list_file_url("https://example.invalid/dn.csv")
                .send(),
        )
        .naming("DnListFileUrl"),
        case(
            "a ProductKey that is not the package's",
            ILLEGAL,
            specific(c, FREE, &["other-01"]).product_key(OTHER).send(),
        )
        .naming("ProductKey"),
        case(
            "an unknown ProductKey",
            NO_PRODUCT,
            on().product_key("a1NoSuchProd").send(),
        ),
        case(
            "an unknown FirmwareId",
            FIRMWARE_NOT_FOUND,
            on().firmware_id("no-such-package").send(),
        ),
        // Tags: at most 10; keys 1–30 letters, digits and periods; values 1–1,024 characters;
        // 4,096 characters in all.
        case("11 tags", ILLEGAL, on().set_tag(Some(tags(11, 1))).send()).naming("Tag"),
        case("10 tags", OK, on().set_tag(Some(tags(10, 1))).send()),
        case(
            "a tag key with a space",
            ILLEGAL,
            on().tag(tag("bad key", "v")).send(),
        )
        .naming("Tag.1.Key"),
        case(
            "a tag key with an underscore",
            ILLEGAL,
            on().tag(tag("ok", "v")).tag(tag("a_b", "v")).send(),
        )
        .naming("Tag.2.Key"),
        case("an empty tag key", ILLEGAL, on().tag(tag("", "v")).send()).naming("Tag.1.Key"),
        case(
            "a tag key of 31 characters",
            ILLEGAL,
            on().tag(tag(&"k".repeat(31), "v")).send(),
        )
        .naming("Tag.1.Key"),
        case(
            "a tag key of 30 letters, digits and periods",
            OK,
            on().tag(tag(&"a.1".repeat(10), "v")).send(),
        ),
        case("an empty tag value", ILLEGAL, on().tag(tag("k", "")).send()).naming("Tag.1.Value"),
        case(
            "a tag value of 1025 characters",
            ILLEGAL,
            on().tag(tag("k", &"v".repeat(1025))).send(),
        )
        .naming("Tag.1.Value"),
        case(
            "a tag value of 1024 characters",
            OK,
            on().tag(tag("k", &"v".repeat(1024))).send(),
        ),
        case(
            "tags of 4,100 characters in all",
            ILLEGAL,
            on().set_tag(Some(tags(4, 1023)))
                .tag(tag("k5", "vv"))
                .send(),
        )
        .naming("4096"),
        case(
            "tags of 4,096 characters in all",
            OK,
            on().set_tag(Some(tags(4, 1022))).send(),
        ),
        // TimeoutInMinutes 1–1440.
        case(
            "TimeoutInMinutes 0",
            ILLEGAL,
            on().timeout_in_minutes(0).send(),
        )
        .naming("TimeoutInMinutes"),
        case(
            "TimeoutInMinutes 1441",
            ILLEGAL,
            on().timeout_in_minutes(1441).send(),
        )
        .naming("TimeoutInMinutes"),
        case("TimeoutInMinutes 1", OK, on().timeout_in_minutes(1).send()),
        case(
            "TimeoutInMinutes 1440",
            OK,
            on().timeout_in_minutes(1440).send(),
        ),
        // RetryInterval 0/10/30/60/1440 below the timeout, with a RetryCount of 1, 2 or 5.
        case(
            "RetryInterval 15",
            ILLEGAL,
            on().retry_interval(15).retry_count(1).send(),
        )
        .naming("RetryInterval"),
        case(
            "RetryInterval without RetryCount",
            ILLEGAL,
            on().retry_interval(10).send(),
        )
        .naming("RetryCount"),
        case(
            "RetryCount 3",
            ILLEGAL,
            on().retry_interval(10).retry_count(3).send(),
        )
        .naming("RetryCount"),
        case(
            "RetryInterval 60 with TimeoutInMinutes 60",
            ILLEGAL,
            on().retry_interval(60)
                .retry_count(1)
                .timeout_in_minutes(60)
                .send(),
        )
        .naming("RetryInterval"),
        case(
            "RetryInterval 1440 with TimeoutInMinutes 1440",
            ILLEGAL,
            on().retry_interval(1440)
                .retry_count(1)
                .timeout_in_minutes(1440)
                .send(),
        )
        .naming("RetryInterval"),
        case(
            "RetryInterval 30, TimeoutInMinutes 60, RetryCount 2",
            OK,
            on().retry_interval(30)
                .retry_count(2)
                .timeout_in_minutes(60)
                .send(),
        ),
        case(
            "RetryInterval 60, TimeoutInMinutes 1440, RetryCount 5",
            OK,
            on().retry_interval(60)
                .retry_count(5)
                .timeout_in_minutes(1440)
                .send(),
        ),
        case(
            "RetryInterval 0, RetryCount 1, no timeout",
            OK,
            on().retry_interval(0).retry_count(1).send(),
        ),
        case("RetryCount alone", OK, on().retry_count(5).send()),
        // MaximumPerMinute 10–10,000.
        case(
            "MaximumPerMinute 9",
            ILLEGAL,
            on().maximum_per_minute(9).send(),
        )
        .naming("MaximumPerMinute"),
        case(
            "MaximumPerMinute 10001",
            ILLEGAL,
            on().maximum_per_minute(10_001).send(),
        )
        .naming("MaximumPerMinute"),
        case(
            "MaximumPerMinute 10",
            OK,
            on().maximum_per_minute(10).send(),
        ),
        case(
            "MaximumPerMinute 10000",
            OK,
            on().maximum_per_minute(10_000).send(),
        ),
        // OverwriteMode 1 or 2, and 2 not with MultiModuleMode.
        case("OverwriteMode 3", ILLEGAL, on().overwrite_mode(3).send()).naming("OverwriteMode"),
        case("OverwriteMode 0", ILLEGAL, on().overwrite_mode(0).send()).naming("OverwriteMode"),
        case(
            "OverwriteMode 2 with MultiModuleMode",
            ILLEGAL,
            on().overwrite_mode(2).multi_module_mode(true).send(),
        )
        .naming("MultiModuleMode"),
        case(
            "OverwriteMode 1 with MultiModuleMode",
            OK,
            on().overwrite_mode(1).multi_module_mode(true).send(),
        ),
        case("OverwriteMode 2", OK, on().overwrite_mode(2).send()),
        case(
            "DownloadProtocol FTP",
            ILLEGAL,
            on().download_protocol(DownloadProtocol::from_value("FTP"))
                .send(),
        )
        .naming("DownloadProtocol"),
        case(
            "DownloadProtocol MQTT",
            OK,
            on().download_protocol(DownloadProtocol::Mqtt).send(),
        ),
        // GRAY: a percentage above 0, at most 100, at most 3 decimals, selecting ≥ 1 of the 9
        // devices.
        case(
            "GRAY without GrayPercent",
            ILLEGAL,
            all(c, FREE).target_selection(TargetSelection::Gray).send(),
        )
        .naming("GrayPercent"),
        case("GrayPercent 0", ILLEGAL, gray(c, FREE, "0").send()).naming("GrayPercent"),
        case("GrayPercent -5", ILLEGAL, gray(c, FREE, "-5").send()).naming("GrayPercent"),
        case(
            "GrayPercent 100.0001",
            ILLEGAL,
            gray(c, FREE, "100.0001").send(),
        )
        .naming("GrayPercent"),
        case(
            "GrayPercent 100.001",
            ILLEGAL,
            gray(c, FREE, "100.001").send(),
        )
        .naming("GrayPercent"),
        case(
            "GrayPercent 33.3333 (4 decimals)",
            ILLEGAL,
            gray(c, FREE, "33.3333").send(),
        )
        .naming("GrayPercent"),
        case("GrayPercent abc", ILLEGAL, gray(c, FREE, "abc").send()).naming("GrayPercent"),
        case(
            "GrayPercent 10 of 9 devices (none)",
            NO_MATCH,
            gray(c, FREE, "10").send(),
        ),
        case("GrayPercent 33.333", OK, gray(c, FREE, "33.333").send()),
        case("GrayPercent 100", OK, gray(c, FREE, "100").send()),
        // SrcVersion: at most 10 distinct versions; a delta package's own source version only.
        case(
            "11 source versions",
            ILLEGAL,
            all(c, FREE)
                .set_src_version(Some((1..=11).map(|i| format!("1.0.{i}")).collect()))
                .send(),
        )
        .naming("SrcVersion"),
        case(
            "a source version twice",
            ILLEGAL,
            all(c, FREE)
                .src_version("1.0.0")
                .src_version("1.0.0")
                .send(),
        )
        .naming("SrcVersion.2"),
        case(
            "a source version with a space",
            ILLEGAL,
            all(c, FREE).src_version("1.0 beta").send(),
        )
        .naming("SrcVersion.1"),
        case(
            "a delta package with another source version",
            ILLEGAL,
            all(c, DELTA).src_version("0.9.0").send(),
        )
        .naming("SrcVersion"),
        case(
            "10 source versions",
            OK,
            all(c, FREE)
                .set_src_version(Some((0..=9).map(|i| format!("1.0.{i}")).collect()))
                .send(),
        ),
        // GROUP needs GroupId and GroupType LINK_PLATFORM, and no source versions.
        case(
            "GROUP without GroupId",
            ILLEGAL,
            all(c, FREE).target_selection(TargetSelection::Group).send(),
        )
        .naming("GroupId"),
        case(
            "GROUP with SrcVersion",
            ILLEGAL,
            all(c, FREE)
                .target_selection(TargetSelection::Group)
                .group_id("g")
                .group_type(GroupType::LinkPlatform)
                .src_version("1.0.0")
                .send(),
        )
        .naming("SrcVersion"),
        // ScheduleTime 5 minutes to 7 days ahead; ScheduleFinishTime 1 hour to 30 days after it.
        case(
            "ScheduleTime 4 minutes ahead",
            ILLEGAL,
            on().schedule_time(now + 4 * min).send(),
        )
        .naming("ScheduleTime"),
        case(
            "ScheduleTime in the past",
            ILLEGAL,
            on().schedule_time(now - min).send(),
        )
        .naming("ScheduleTime"),
        case(
            "ScheduleTime 7 days and a minute ahead",
            ILLEGAL,
            on().schedule_time(now + 7 * day + min).send(),
        )
        .naming("ScheduleTime"),
        case(
            "ScheduleFinishTime without ScheduleTime",
            ILLEGAL,
            on().schedule_finish_time(now + day).send(),
        )
        .naming("ScheduleFinishTime"),
        case(
            "ScheduleFinishTime 30 minutes after ScheduleTime",
            ILLEGAL,
            on().schedule_time(now + 10 * min)
                .schedule_finish_time(now + 40 * min)
                .send(),
        )
        .naming("ScheduleFinishTime"),
        case(
            "ScheduleFinishTime 31 days after ScheduleTime",
            ILLEGAL,
            on().schedule_time(now + 10 * min)
                .schedule_finish_time(now + 10 * min + 31 * day)
                .send(),
        )
        .naming("ScheduleFinishTime"),
        case(
            "ScheduleTime 10 minutes ahead, ScheduleFinishTime 2 hours after",
            OK,
            on().schedule_time(now + 10 * min)
                .schedule_finish_time(now + 130 * min)
                .send(),
        ),
        case(
            "ScheduleTime 6 days ahead",
            OK,
            on().schedule_time(now + 6 * day).send(),
        ),
        // Dynamic jobs: source versions (or a dynamic group), DynamicMode 1 or 2.
        case(
            "dynamic without SrcVersion",
            ILLEGAL,
            dynamic(c, FREE2, "1.0.0").set_src_version(None).send(),
        )
        .naming("SrcVersion"),
        case(
            "DynamicMode 3",
            ILLEGAL,
            dynamic(c, FREE2, "1.0.0").dynamic_mode(3).send(),
        )
        .naming("DynamicMode"),
        case(
            "dynamic with GroupType LINK_PLATFORM",
            ILLEGAL,
            dynamic(c, FREE2, "1.0.0")
                .group_id("g")
                .group_type(GroupType::LinkPlatform)
                .send(),
        )
        .naming("GroupType"),
        case(
            "dynamic with a dynamic group",
            NO_GROUP,
            dynamic(c, FREE2, "1.0.0")
                .set_src_version(None)
                .group_id("g")
                .group_type(GroupType::LinkPlatformDynamic)
                .send(),
        ),
        case(
            "dynamic with MaximumPerMinute 9",
            ILLEGAL,
            dynamic(c, FREE2, "1.0.0").maximum_per_minute(9).send(),
        )
        .naming("MaximumPerMinute"),
        case(
            "dynamic with TimeoutInMinutes 0",
            ILLEGAL,
            dynamic(c, FREE2, "1.0.0").timeout_in_minutes(0).send(),
        )
        .naming("TimeoutInMinutes"),
        case(
            "dynamic with OverwriteMode 2 and MultiModuleMode",
            ILLEGAL,
            dynamic(c, FREE2, "1.0.0")
                .overwrite_mode(2)
                .multi_module_mode(true)
                .send(),
        )
        .naming("OverwriteMode"),
        case(
            "dynamic of a delta package on another source version",
            ILLEGAL,
            dynamic(c, DELTA, "0.9.0").send(),
        )
        .naming("SrcVersion"),
    ])
    .await;

    // UpdateOTAJob: the same limits, on a running job of the same kind and scope.
    assert_eq!(job_status(c, &job).await, JobStatus::InProgress);
    let update = || {
        c.update_ota_job()
            .job_id(&job)
            .maximum_per_minute(100)
            .target_selection(TargetSelection::Specific)
            .upgrade_type(SelectionType::Static)
    };
    check(vec![
        case(
            "UpdateOTAJob MaximumPerMinute 9",
            ILLEGAL,
            update().maximum_per_minute(9).send(),
        )
        .naming("MaximumPerMinute"),
        case(
            "UpdateOTAJob MaximumPerMinute 10001",
            ILLEGAL,
            update().maximum_per_minute(10_001).send(),
        )
        .naming("MaximumPerMinute"),
        case(
            "UpdateOTAJob 11 tags",
            ILLEGAL,
            update().set_tags(Some(tags(11, 1))).send(),
        )
        .naming("Tags"),
        case(
            "UpdateOTAJob TimeoutInMinutes 1441",
            ILLEGAL,
            update().timeout_in_minutes(1441).send(),
        )
        .naming("TimeoutInMinutes"),
        case(
            "UpdateOTAJob calling a static job dynamic",
            ILLEGAL,
            update().upgrade_type(SelectionType::Dynamic).send(),
        )
        .naming("UpgradeType"),
        case(
            "UpdateOTAJob with another scope",
            ILLEGAL,
            update().target_selection(TargetSelection::All).send(),
        )
        .naming("TargetSelection"),
        case(
            "UpdateOTAJob of an unknown job",
            JOB_NOT_FOUND,
            update().job_id("no-such-job").send(),
        ),
        case(
            "UpdateOTAJob within the rules",
            OK,
            update().tags(tag("k", "v")).send(),
        ),
    ])
    .await;
    let info = c
        .query_ota_job()
        .job_id(&job)
        .send()
        .await
        .unwrap()
        .data
        .unwrap();
    assert_eq!(info.maximum_per_minute, Some(100));
    assert_eq!(info.tags, [tag("k", "v")]);
}

#[tokio::test]
async fn update_ota_job_without_tags_clears_them() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let job = id_of(
        specific(c, FREE, &["off-01"])
            .tag(tag("env", "test"))
            .send()
            .await
            .unwrap()
            .data,
    );
    c.update_ota_job()
        .job_id(&job)
        .maximum_per_minute(100)
        .target_selection(TargetSelection::Specific)
        .upgrade_type(SelectionType::Static)
        .send()
        .await
        .unwrap();
    let info = c
        .query_ota_job()
        .job_id(&job)
        .send()
        .await
        .unwrap()
        .data
        .unwrap();
    assert!(info.tags.is_empty(), "{:?}", info.tags);
}

#[tokio::test]
async fn update_ota_job_ignores_source_versions_of_a_static_job() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let job = id_of(all(c, FREE).src_version("1.0.0").send().await.unwrap().data);
    c.update_ota_job()
        .job_id(&job)
        .maximum_per_minute(100)
        .target_selection(TargetSelection::All)
        .upgrade_type(SelectionType::Static)
        .src_version_list("0.9.0")
        .send()
        .await
        .unwrap();
    let info = c
        .query_ota_job()
        .job_id(&job)
        .send()
        .await
        .unwrap()
        .data
        .unwrap();
    assert_eq!(info.src_versions, ["1.0.0"]);
}

#[tokio::test]
async fn package_parameters_outside_their_rules_are_refused() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let bytes = firmware_bytes();
    let url = upload(c, &bytes).await;
    let other_url = upload(c, &bytes[..100]).await;
    let md5 = md5_hex(&bytes);
    let sha256 = hex::encode(Sha256::digest(&bytes));
    let file = |name: &str, url: &str| {
        let mut file = FirmwareFileInput::default();
        file.name = name.to_owned();
        file.url = url.to_owned();
        file
    };
    let named = |name: &str| new_package(c, name, &url);
    let forty = format!("a{}", "b".repeat(39));
    check(vec![
        // FirmwareName: 1–40 letters (any script), digits, -, _, ( ), from a letter or digit.
        case(
            "FirmwareName of 41 characters",
            ILLEGAL,
            named(&"a".repeat(41)).send(),
        )
        .naming("FirmwareName"),
        case("FirmwareName of 40 characters", OK, named(&forty).send()),
        case("FirmwareName starting with -", ILLEGAL, named("-fw").send()).naming("FirmwareName"),
        case("FirmwareName with a space", ILLEGAL, named("my fw").send()).naming("FirmwareName"),
        case("FirmwareName with a slash", ILLEGAL, named("fw/2").send()).naming("FirmwareName"),
        case(
            "FirmwareName in Chinese with ( ) _ -",
            OK,
            named("固件(v2)_a-b").send(),
        ),
        case(
            "FirmwareName of a seeded package",
            NAME_EXISTS,
            named(FREE).send(),
        ),
        case(
            "FirmwareName of a package created above",
            NAME_EXISTS,
            named(&forty).send(),
        ),
        // DestVersion: 1–64 letters, digits, periods, hyphens, underscores.
        case(
            "DestVersion with a space",
            ILLEGAL,
            named("fw-v1").dest_version("1.0 beta").send(),
        )
        .naming("DestVersion"),
        case(
            "DestVersion of 65 characters",
            ILLEGAL,
            named("fw-v2").dest_version("1".repeat(65)).send(),
        )
        .naming("DestVersion"),
        case(
            "DestVersion v1.0_rc-2",
            OK,
            named("fw-v3").dest_version("v1.0_rc-2").send(),
        ),
        // Lengths of the free texts.
        case(
            "FirmwareDesc of 101 characters",
            ILLEGAL,
            named("fw-d1").firmware_desc("d".repeat(101)).send(),
        )
        .naming("FirmwareDesc"),
        case(
            "FirmwareDesc of 100 characters",
            OK,
            named("fw-d2").firmware_desc("d".repeat(100)).send(),
        ),
        case(
            "Udi of 4097 characters",
            ILLEGAL,
            named("fw-u1").udi("u".repeat(4097)).send(),
        )
        .naming("Udi"),
        // Type and SrcVersion.
        case(
            "Type 1 without SrcVersion",
            ILLEGAL,
            named("fw-t1").r#type(FirmwareType::Delta).send(),
        )
        .naming("SrcVersion"),
        case(
            "Type 1 with SrcVersion = DestVersion",
            ILLEGAL,
            named("fw-t2")
                .r#type(FirmwareType::Delta)
                .src_version("9.0.0")
                .send(),
        )
        .naming("SrcVersion"),
        case(
            "Type 2",
            ILLEGAL,
            named("fw-t3").r#type(FirmwareType::from_value(2)).send(),
        )
        .naming("Type"),
        case(
            "Type 1 from 8.0.0",
            OK,
            named("fw-t4")
                .r#type(FirmwareType::Delta)
                .src_version("8.0.0")
                .send(),
        ),
        // Sign method and digests.
        case(
            "SignMethod SHA1",
            ILLEGAL,
            named("fw-s1")
                .sign_method(SignMethod::from_value("SHA1"))
                .send(),
        )
        .naming("SignMethod"),
        case(
            "FirmwareSign not the file's MD5",
            SIGN_MISMATCH,
            named("fw-s2").firmware_sign("0".repeat(32)).send(),
        ),
        case(
            "FirmwareSign the file's MD5",
            OK,
            named("fw-s3").firmware_sign(&md5).send(),
        ),
        case(
            "SHA256 with the file's MD5",
            SIGN_MISMATCH,
            named("fw-s4")
                .sign_method(SignMethod::from_value("SHA256"))
                .firmware_sign(&md5)
                .send(),
        ),
        case(
            "SHA256 with the file's SHA-256",
            OK,
            named("fw-s5")
                .sign_method(SignMethod::from_value("SHA256"))
                .firmware_sign(&sha256)
                .send(),
        ),
        case(
            "FirmwareSize not the file's",
            SIGN_MISMATCH,
            named("fw-s6").firmware_size(1).send(),
        ),
        case(
            "a URL naming no uploaded file",
            FILE_NOT_FOUND,
            named("fw-f1")
                .firmware_url("https://example.invalid/a.bin")
                .send(),
        ),
        // Exactly one of FirmwareUrl and MultiFiles; at most 20 files of distinct names.
        case(
            "neither FirmwareUrl nor MultiFiles",
            ILLEGAL,
            c.create_ota_firmware()
                .firmware_name("fw-m1")
                .dest_version("9.0.0")
                .product_key(PRODUCT)
                .send(),
        )
        .naming("FirmwareUrl"),
        case(
            "both FirmwareUrl and MultiFiles",
            ILLEGAL,
            named("fw-m2").multi_files(file("a", &url)).send(),
        )
        .naming("FirmwareUrl"),
        case(
            "21 files",
            ILLEGAL,
            c.create_ota_firmware()
                .firmware_name("fw-m3")
                .dest_version("9.0.0")
                .set_multi_files(Some(
                    (0..21).map(|i| file(&format!("f{i}"), &url)).collect(),
                ))
                .send(),
        )
        .naming("MultiFiles"),
        case(
            "a file name of 33 characters",
            ILLEGAL,
            c.create_ota_firmware()
                .firmware_name("fw-m4")
                .dest_version("9.0.0")
                .multi_files(file(&"n".repeat(33), &url))
                .send(),
        )
        .naming("MultiFiles.1.Name"),
        case(
            "two files of one name",
            ILLEGAL,
            c.create_ota_firmware()
                .firmware_name("fw-m5")
                .dest_version("9.0.0")
                .multi_files(file("a", &url))
                .multi_files(file("a", &other_url))
                .send(),
        )
        .naming("MultiFiles.2.Name"),
        case(
            "FirmwareSign with MultiFiles",
            ILLEGAL,
            c.create_ota_firmware()
                .firmware_name("fw-m6")
                .dest_version("9.0.0")
                .firmware_sign(&md5)
                .multi_files(file("a", &url))
                .send(),
        )
        .naming("FirmwareSign"),
        case(
            "a file's FileMd5 not its own",
            SIGN_MISMATCH,
            c.create_ota_firmware()
                .firmware_name("fw-m7")
                .dest_version("9.0.0")
                .multi_files({
                    let mut f = file("a", &url);
                    f.file_md5 = Some("0".repeat(32));
                    f
                })
                .send(),
        ),
        case(
            "two files",
            OK,
            c.create_ota_firmware()
                .firmware_name("fw-m8")
                .dest_version("9.0.0")
                .product_key(PRODUCT)
                .multi_files(file("a", &url))
                .multi_files(file("b", &other_url))
                .send(),
        ),
        // Product and module.
        case(
            "an unknown ProductKey",
            NO_PRODUCT,
            named("fw-p1").product_key("a1NoSuchProd").send(),
        ),
        case(
            "an unknown ModuleName",
            MODULE_NOT_FOUND,
            named("fw-p2").module_name("GPS").send(),
        ),
        case(
            "NeedToVerify false",
            OK,
            named("fw-no-verify").need_to_verify(false).send(),
        ),
        case("NeedToVerify by default", OK, named("fw-verify").send()),
        // ModifyOTAFirmware: the same rules; the ProductKey must be the package's.
        case(
            "renaming to a taken name",
            NAME_EXISTS,
            c.modify_ota_firmware()
                .firmware_id(FREE)
                .product_key(PRODUCT)
                .firmware_name(FREE2)
                .send(),
        ),
        case(
            "renaming against the rule",
            ILLEGAL,
            c.modify_ota_firmware()
                .firmware_id(FREE)
                .product_key(PRODUCT)
                .firmware_name("(x")
                .send(),
        )
        .naming("FirmwareName"),
        case(
            "FirmwareDesc of 101 characters",
            ILLEGAL,
            c.modify_ota_firmware()
                .firmware_id(FREE)
                .product_key(PRODUCT)
                .firmware_desc("d".repeat(101))
                .send(),
        )
        .naming("FirmwareDesc"),
        case(
            "FirmwareUdi of 4097 characters",
            ILLEGAL,
            c.modify_ota_firmware()
                .firmware_id(FREE)
                .product_key(PRODUCT)
                .firmware_udi("u".repeat(4097))
                .send(),
        )
        .naming("FirmwareUdi"),
        case(
            "another product's key",
            FIRMWARE_NOT_FOUND,
            c.modify_ota_firmware()
                .firmware_id(FREE)
                .product_key(OTHER)
                .firmware_desc("d")
                .send(),
        ),
        case(
            "keeping its own name",
            OK,
            c.modify_ota_firmware()
                .firmware_id(FREE)
                .product_key(PRODUCT)
                .firmware_name(FREE)
                .firmware_desc("d")
                .send(),
        ),
    ])
    .await;

    // What the package was created with.
    let listed = c
        .list_ota_firmware()
        .current_page(1)
        .page_size(100)
        .send()
        .await
        .unwrap();
    let id = |name: &str| {
        listed
            .firmwares
            .iter()
            .find(|f| f.firmware_name.as_deref() == Some(name))
            .and_then(|f| f.firmware_id.clone())
            .unwrap_or_else(|| panic!("no package {name}"))
    };
    assert_eq!(
        package_status(c, &id("fw-no-verify")).await.0,
        FirmwareStatus::NoVerificationRequired
    );
    assert_eq!(
        package_status(c, &id("fw-verify")).await.0,
        FirmwareStatus::Unverified
    );
    let info = c
        .query_ota_firmware()
        .firmware_id(id("fw-s5"))
        .send()
        .await
        .unwrap()
        .firmware_info
        .unwrap();
    assert_eq!(info.firmware_sign.as_deref(), Some(sha256.as_str()));
    assert_eq!(info.firmware_size, Some(bytes.len() as i64));
    let info = c
        .query_ota_firmware()
        .firmware_id(id("fw-t4"))
        .send()
        .await
        .unwrap()
        .firmware_info
        .unwrap();
    assert_eq!(info.r#type, Some(FirmwareType::Delta));
    assert_eq!(info.src_version.as_deref(), Some("8.0.0"));
}

#[tokio::test]
async fn module_rules() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let url = upload(c, &firmware_bytes()).await;
    let create = |name: &str| c.create_ota_module().product_key(PRODUCT).module_name(name);
    let update = |name: &str| c.update_ota_module().product_key(PRODUCT).module_name(name);
    let delete = |name: &str| c.delete_ota_module().product_key(PRODUCT).module_name(name);
    let long_name = "m".repeat(64);
    check(vec![
        // ModuleName: 1–64 letters, digits, periods, hyphens, underscores; AliasName 1–64;
        // Desc up to 100.
        case(
            "a module name with a space",
            ILLEGAL,
            create("my module").send(),
        )
        .naming("ModuleName"),
        case(
            "a module name of 65 characters",
            ILLEGAL,
            create(&"m".repeat(65)).send(),
        )
        .naming("ModuleName"),
        case(
            "an alias of 65 characters",
            ILLEGAL,
            create("wifi").alias_name("a".repeat(65)).send(),
        )
        .naming("AliasName"),
        case(
            "a description of 101 characters",
            ILLEGAL,
            create("wifi").desc("d".repeat(101)).send(),
        )
        .naming("Desc"),
        case(
            "an unknown product",
            NO_PRODUCT,
            create("wifi").product_key("a1NoSuchProd").send(),
        ),
        case(
            "module MCU, alias and description",
            OK,
            create("MCU")
                .alias_name("主控")
                .desc("d".repeat(100))
                .send(),
        ),
        case(
            "a module name of 64 characters",
            OK,
            create(&long_name).alias_name("a".repeat(64)).send(),
        ),
        case("a-1.b_2", OK, create("a-1.b_2").send()),
        // Taken names, case aside; `default` is always taken.
        case("mcu (MCU exists)", MODULE_EXISTS, create("mcu").send()),
        case("MCU again", MODULE_EXISTS, create("MCU").send()),
        case("DEFAULT", MODULE_EXISTS, create("DEFAULT").send()),
        // UpdateOTAModule: custom modules only, same rules.
        case(
            "updating an unknown module",
            MODULE_NOT_FOUND,
            update("GPS").alias_name("gps").send(),
        ),
        case(
            "updating with an alias of 65 characters",
            ILLEGAL,
            update("MCU").alias_name("a".repeat(65)).send(),
        )
        .naming("AliasName"),
        case(
            "updating MCU",
            OK,
            update("MCU").alias_name("main").desc("main board").send(),
        ),
        // DeleteOTAModule: not `default`, not a module with packages.
        case(
            "a package of module MCU",
            OK,
            new_package(c, "fw-mcu", &url).module_name("MCU").send(),
        ),
        case("deleting default", MODULE_IN_USE, delete("default").send()),
        case(
            "deleting MCU, which has a package",
            MODULE_IN_USE,
            delete("MCU").send(),
        ),
        case(
            "deleting an unknown module",
            MODULE_NOT_FOUND,
            delete("GPS").send(),
        ),
        case("deleting a-1.b_2", OK, delete("a-1.b_2").send()),
        case(
            "deleting it twice",
            MODULE_NOT_FOUND,
            delete("a-1.b_2").send(),
        ),
    ])
    .await;
    // Ten custom modules at most: two exist (MCU and the long one).
    let mut rows: Vec<Case> = (3..=10)
        .map(|n| {
            case(
                format!("custom module {n}"),
                OK,
                create(&format!("m{n}")).send(),
            )
        })
        .collect();
    rows.extend([
        case(
            "an eleventh custom module",
            MODULE_LIMIT,
            create("m11").send(),
        ),
        case("deleting one of them", OK, delete("m10").send()),
        case("the tenth again", OK, create("m11").send()),
        case("an eleventh again", MODULE_LIMIT, create("m12").send()),
        case(
            "the other product has room",
            OK,
            c.create_ota_module()
                .product_key(OTHER)
                .module_name("m12")
                .send(),
        ),
    ]);
    check(rows).await;
    let modules = c
        .list_ota_module_by_product()
        .product_key(PRODUCT)
        .send()
        .await
        .unwrap();
    let mcu = modules
        .data
        .iter()
        .find(|m| m.module_name.as_deref() == Some("MCU"))
        .unwrap();
    assert_eq!(
        (mcu.alias_name.as_deref(), mcu.desc.as_deref()),
        (Some("main"), Some("main board"))
    );
    assert_eq!(modules.data.len(), 11, "default and ten custom modules");
}

#[tokio::test]
async fn page_and_list_parameters_outside_their_rules_are_refused() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let job = id_of(specific(c, FREE, &["dev-01"]).send().await.unwrap().data);
    let other = id_of(specific(c, FREE2, &["dev-02"]).send().await.unwrap().data);
    let task_id = task(c, &job, "dev-01").await.id;
    let by_job = |page: i64, size: i64| {
        c.list_ota_task_by_job()
            .job_id(&job)
            .current_page(page)
            .page_size(size)
    };
    let versions = |page: i64, size: i64| {
        c.list_ota_module_versions_by_device()
            .product_key(PRODUCT)
            .device_name("dev-01")
            .current_page(page)
            .page_size(size)
    };
    let unfinished = || {
        c.list_ota_unfinished_task_by_device()
            .product_key(PRODUCT)
            .device_name("dev-01")
    };
    let cancel = |names: Vec<String>| {
        c.cancel_ota_task_by_device()
            .firmware_id(FREE)
            .product_key(PRODUCT)
            .set_device_name(Some(names))
    };
    check(vec![
        // ListOTAFirmware: PageSize 1–100.
        case(
            "ListOTAFirmware PageSize 101",
            PAGE,
            c.list_ota_firmware().current_page(1).page_size(101).send(),
        ),
        case(
            "ListOTAFirmware PageSize 0",
            PAGE,
            c.list_ota_firmware().current_page(1).page_size(0).send(),
        ),
        case(
            "ListOTAFirmware CurrentPage 0",
            PAGE,
            c.list_ota_firmware().current_page(0).page_size(10).send(),
        ),
        case(
            "ListOTAFirmware PageSize 100",
            OK,
            c.list_ota_firmware().current_page(1).page_size(100).send(),
        ),
        // ListOTAModuleVersionsByDevice: PageSize 1–200.
        case(
            "ListOTAModuleVersionsByDevice PageSize 201",
            PAGE,
            versions(1, 201).send(),
        ),
        case(
            "ListOTAModuleVersionsByDevice PageSize 200",
            OK,
            versions(1, 200).send(),
        ),
        case(
            "ListOTAModuleVersionsByDevice CurrentPage 0",
            PAGE,
            versions(0, 10).send(),
        ),
        case(
            "ListOTAModuleVersionsByDevice without a device",
            ILLEGAL,
            c.list_ota_module_versions_by_device()
                .current_page(1)
                .page_size(10)
                .send(),
        )
        .naming("IotId"),
        case(
            "ListOTAModuleVersionsByDevice of an unknown device",
            NO_DEVICE,
            versions(1, 10).device_name("ghost").send(),
        ),
        // ListOTATaskByJob: PageSize 1–100, CurrentPage × PageSize ≤ 100,000, DeviceNames ≤ 50.
        case("ListOTATaskByJob PageSize 101", PAGE, by_job(1, 101).send()),
        case("ListOTATaskByJob CurrentPage 0", PAGE, by_job(0, 10).send()),
        case(
            "ListOTATaskByJob page 1001 of 100",
            PAGE,
            by_job(1001, 100).send(),
        ),
        case(
            "ListOTATaskByJob page 100001 of 1",
            PAGE,
            by_job(100_001, 1).send(),
        ),
        case(
            "ListOTATaskByJob page 1000 of 100",
            OK,
            by_job(1000, 100).send(),
        ),
        case(
            "ListOTATaskByJob page 100000 of 1",
            OK,
            by_job(100_000, 1).send(),
        ),
        case(
            "ListOTATaskByJob 51 DeviceNames",
            ILLEGAL,
            by_job(1, 10)
                .set_device_names(Some(names("dev-", 51)))
                .send(),
        )
        .naming("DeviceNames"),
        case(
            "ListOTATaskByJob 50 DeviceNames",
            OK,
            by_job(1, 10)
                .set_device_names(Some(names("dev-", 50)))
                .send(),
        ),
        case(
            "ListOTATaskByJob of an unknown job",
            JOB_NOT_FOUND,
            by_job(1, 10).job_id("no-such-job").send(),
        ),
        // ListOTAJobByFirmware: PageSize up to 200 (101–200: `list_ota_job_by_firmware_takes_pages_of_200`).
        case(
            "ListOTAJobByFirmware PageSize 201",
            PAGE,
            c.list_ota_job_by_firmware()
                .firmware_id(FREE)
                .current_page(1)
                .page_size(201)
                .send(),
        ),
        case(
            "ListOTAJobByFirmware CurrentPage 0",
            PAGE,
            c.list_ota_job_by_firmware()
                .firmware_id(FREE)
                .current_page(0)
                .page_size(10)
                .send(),
        ),
        // ListOTAJobByDevice: PageSize 1–100.
        case(
            "ListOTAJobByDevice PageSize 101",
            PAGE,
            c.list_ota_job_by_device()
                .firmware_id(FREE)
                .product_key(PRODUCT)
                .device_name("dev-01")
                .current_page(1)
                .page_size(101)
                .send(),
        ),
        case(
            "ListOTAJobByDevice PageSize 100",
            OK,
            c.list_ota_job_by_device()
                .firmware_id(FREE)
                .product_key(PRODUCT)
                .device_name("dev-01")
                .current_page(1)
                .page_size(100)
                .send(),
        ),
        case(
            "ListOTAJobByDevice of an unknown device",
            NO_DEVICE,
            c.list_ota_job_by_device()
                .firmware_id(FREE)
                .product_key(PRODUCT)
                .device_name("ghost")
                .current_page(1)
                .page_size(10)
                .send(),
        ),
        // ListOTAUnfinishedTaskByDevice: unfinished states only, a device required.
        case(
            "unfinished tasks with TaskStatus SUCCEEDED",
            ILLEGAL,
            unfinished().task_status(TaskStatus::Succeeded).send(),
        )
        .naming("TaskStatus"),
        case(
            "unfinished tasks with TaskStatusList QUEUED, FAILED",
            ILLEGAL,
            unfinished()
                .task_status_list(TaskStatus::Queued)
                .task_status_list(TaskStatus::Failed)
                .send(),
        )
        .naming("TaskStatus"),
        case(
            "unfinished tasks without a device",
            ILLEGAL,
            c.list_ota_unfinished_task_by_device().send(),
        )
        .naming("IotId"),
        case(
            "unfinished tasks of an unknown IotId",
            NO_DEVICE,
            c.list_ota_unfinished_task_by_device()
                .iot_id("no-such-iot-id")
                .send(),
        ),
        case(
            "unfinished tasks of an unknown device",
            NO_DEVICE,
            unfinished().device_name("ghost").send(),
        ),
        case(
            "unfinished tasks with TaskStatus IN_PROGRESS",
            OK,
            unfinished().task_status(TaskStatus::InProgress).send(),
        ),
        // CancelOTATaskByDevice: 1–200 distinct devices; JobId a job of the package.
        case(
            "cancelling 201 devices",
            ILLEGAL,
            cancel(names("dev-", 201)).send(),
        )
        .naming("DeviceName"),
        case(
            "cancelling a device twice",
            ILLEGAL,
            cancel(vec!["dev-01".into(), "dev-01".into()]).send(),
        )
        .naming("DeviceName.2"),
        case(
            "cancelling with a job of another package",
            ILLEGAL,
            cancel(vec!["dev-01".into()]).job_id(&other).send(),
        )
        .naming("JobId"),
        case(
            "cancelling an unknown device",
            NO_DEVICE,
            cancel(vec!["ghost".into()]).send(),
        ),
        // ReupgradeOTATask and ConfirmOTATask: 1–10 distinct tasks.
        case(
            "re-running 11 tasks",
            ILLEGAL,
            c.reupgrade_ota_task()
                .job_id(&job)
                .set_task_id(Some(names("t", 11)))
                .send(),
        )
        .naming("TaskId"),
        case(
            "confirming 11 tasks",
            ILLEGAL,
            c.confirm_ota_task()
                .set_task_id(Some(names("t", 11)))
                .send(),
        )
        .naming("TaskId"),
        case(
            "confirming a task twice",
            ILLEGAL,
            c.confirm_ota_task()
                .task_id(&task_id)
                .task_id(&task_id)
                .send(),
        )
        .naming("TaskId.2"),
        // CancelOTATaskByJob: at least one flag.
        case(
            "cancelling by job without a flag",
            ILLEGAL,
            c.cancel_ota_task_by_job().job_id(&job).send(),
        )
        .naming("Cancel"),
    ])
    .await;
}

// ---------------------------------------------------------------------------------------------
// State changes the service refuses
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_package_status_decides_which_jobs_it_may_have() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    check(vec![
        case(
            "a static job of a package that must be verified",
            NOT_VERIFIED,
            specific(c, UNVERIFIED, &["dev-01"]).send(),
        ),
        case(
            "a dynamic job of it",
            NOT_VERIFIED,
            dynamic(c, UNVERIFIED, "1.0.0").send(),
        ),
        case(
            "verifying a verified package",
            VERIFY_STATE,
            verify(c, VERIFIED, &["dev-01"]).send(),
        ),
        case(
            "verifying a package that needs none",
            VERIFY_STATE,
            verify(c, FREE, &["dev-01"]).send(),
        ),
        case(
            "verifying on dev-01 and the offline device, 5 minutes at most",
            OK,
            verify(c, UNVERIFIED, &["dev-01", "off-01"])
                .timeout_in_minutes(5)
                .send(),
        ),
        case(
            "verifying it while it is verifying",
            VERIFY_STATE,
            verify(c, UNVERIFIED, &["dev-02"]).send(),
        ),
        case(
            "a static job while it is verifying",
            NOT_VERIFIED,
            specific(c, UNVERIFIED, &["dev-02"]).send(),
        ),
    ])
    .await;
    assert_eq!(
        package_status(c, UNVERIFIED).await,
        (FirmwareStatus::Verifying, Some(0))
    );
    // dev-01 finishes (and gets the package); the offline device does not: half done.
    emu.steps(10);
    assert_eq!(
        package_status(c, UNVERIFIED).await,
        (FirmwareStatus::Verifying, Some(50))
    );
    assert_eq!(version(c, "dev-01").await, "2.1.0");
    // The offline device times out: verification failed.
    emu.advance(5 * MINUTE);
    assert_eq!(
        package_status(c, UNVERIFIED).await,
        (FirmwareStatus::VerificationFailed, Some(100))
    );
    let first = c
        .list_ota_job_by_firmware()
        .firmware_id(UNVERIFIED)
        .current_page(1)
        .page_size(10)
        .send()
        .await
        .unwrap()
        .data[0]
        .job_id
        .clone()
        .unwrap();
    let timed_out = task(c, &first, "off-01").await;
    assert!(timed_out.desc.contains("timeout"), "{timed_out:?}");
    check(vec![
        case(
            "a static job after a failed verification",
            NOT_VERIFIED,
            specific(c, UNVERIFIED, &["dev-02"]).send(),
        ),
        case(
            "cancelling the tasks of a verification job",
            JOB_STATE,
            c.cancel_ota_task_by_job()
                .job_id(&first)
                .cancel_queued_task(true)
                .send(),
        ),
        case(
            "re-running a task of a verification job",
            JOB_STATE,
            c.reupgrade_ota_task()
                .job_id(&first)
                .task_id(&timed_out.id)
                .send(),
        ),
        case(
            "verifying again after a failure",
            OK,
            verify(c, UNVERIFIED, &["dev-02"]).send(),
        ),
    ])
    .await;
    emu.steps(10);
    assert_eq!(
        package_status(c, UNVERIFIED).await,
        (FirmwareStatus::Verified, Some(100))
    );
    check(vec![
        case(
            "verifying it once verified",
            VERIFY_STATE,
            verify(c, UNVERIFIED, &["dev-03"]).send(),
        ),
        case(
            "a static job once verified",
            OK,
            specific(c, UNVERIFIED, &["dev-03"]).send(),
        ),
        case(
            "a dynamic job once verified",
            OK,
            dynamic(c, UNVERIFIED, "1.0.0").send(),
        ),
    ])
    .await;
}

#[tokio::test]
async fn dynamic_job_rules() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let first = id_of(dynamic(c, FREE, "1.0.0").send().await.unwrap().data);
    let fixed = id_of(specific(c, FREE2, &["dev-01"]).send().await.unwrap().data);
    let update = |job: &str| {
        c.update_ota_job()
            .job_id(job)
            .maximum_per_minute(100)
            .target_selection(TargetSelection::All)
            .upgrade_type(SelectionType::Dynamic)
    };
    check(vec![
        case(
            "a second dynamic job of the package",
            DYNAMIC_EXISTS,
            dynamic(c, FREE, "0.9.0").send(),
        ),
        case(
            "a dynamic job of another package",
            OK,
            dynamic(c, FREE3, "0.9.0").send(),
        ),
        case(
            "cancelling the policy of a static job",
            JOB_STATE,
            c.cancel_ota_strategy_by_job().job_id(&fixed).send(),
        ),
        case(
            "cancelling an unknown job's policy",
            JOB_NOT_FOUND,
            c.cancel_ota_strategy_by_job().job_id("no-such-job").send(),
        ),
        case(
            "updating the running dynamic job",
            OK,
            update(&first)
                .src_version_list("1.0.0")
                .src_version_list("0.9.0")
                .send(),
        ),
        case(
            "cancelling its policy",
            OK,
            c.cancel_ota_strategy_by_job().job_id(&first).send(),
        ),
        case(
            "cancelling it twice",
            JOB_STATE,
            c.cancel_ota_strategy_by_job().job_id(&first).send(),
        ),
        case(
            "updating the canceled job",
            JOB_STATE,
            update(&first).send(),
        ),
        case(
            "a new dynamic job once the first is canceled",
            OK,
            dynamic(c, FREE, "1.0.0").send(),
        ),
    ])
    .await;
    let info = c
        .query_ota_job()
        .job_id(&first)
        .send()
        .await
        .unwrap()
        .data
        .unwrap();
    assert_eq!(info.job_status, Some(JobStatus::Canceled));
    assert_eq!(info.selection_type, Some(SelectionType::Dynamic));
    assert_eq!(info.target_selection, Some(TargetSelection::All));
    assert_eq!(info.src_versions, ["1.0.0", "0.9.0"]);
    assert!(info.utc_end_time.is_some());
}

#[tokio::test]
async fn task_state_rules() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    // A completed job: dev-01 succeeded, fail-01 failed.
    let done = id_of(
        specific(c, FREE, &["dev-01", "fail-01"])
            .send()
            .await
            .unwrap()
            .data,
    );
    emu.steps(10);
    assert_eq!(
        states(c, &done).await,
        ["dev-01=SUCCEEDED", "fail-01=FAILED"]
    );
    assert_eq!(job_status(c, &done).await, JobStatus::Completed);
    let succeeded = task(c, &done, "dev-01").await.id;
    let failed = task(c, &done, "fail-01").await.id;
    // Another package's job keeps fail-01 busy; one more has a QUEUED task on dev-02.
    let busy = id_of(specific(c, FREE2, &["fail-01"]).send().await.unwrap().data);
    let queued_job = id_of(specific(c, FREE3, &["off-01"]).send().await.unwrap().data);
    let queued = task(c, &queued_job, "off-01").await.id;
    let cancel_device = |package: &str, device: &str| {
        c.cancel_ota_task_by_device()
            .firmware_id(package)
            .product_key(PRODUCT)
            .device_name(device)
    };
    check(vec![
        case(
            "confirming a QUEUED task",
            TASK_STATE,
            c.confirm_ota_task().task_id(&queued).send(),
        ),
        case(
            "confirming a SUCCEEDED task",
            TASK_STATE,
            c.confirm_ota_task().task_id(&succeeded).send(),
        ),
        case(
            "confirming an unknown task",
            TASK_NOT_FOUND,
            c.confirm_ota_task().task_id("no-such-task").send(),
        ),
        case(
            "re-running a SUCCEEDED task",
            TASK_STATE,
            c.reupgrade_ota_task()
                .job_id(&done)
                .task_id(&succeeded)
                .send(),
        ),
        case(
            "re-running a QUEUED task",
            TASK_STATE,
            c.reupgrade_ota_task()
                .job_id(&queued_job)
                .task_id(&queued)
                .send(),
        ),
        case(
            "re-running a task of another job",
            TASK_NOT_FOUND,
            c.reupgrade_ota_task().job_id(&done).task_id(&queued).send(),
        ),
        case(
            "re-running a task of an unknown job",
            JOB_NOT_FOUND,
            c.reupgrade_ota_task()
                .job_id("no-such-job")
                .task_id(&failed)
                .send(),
        ),
        case(
            "re-running fail-01's task while it has another one",
            DEVICE_BUSY,
            c.reupgrade_ota_task().job_id(&done).task_id(&failed).send(),
        ),
        case(
            "cancelling by job without a flag",
            ILLEGAL,
            c.cancel_ota_task_by_job().job_id(&busy).send(),
        )
        .naming("Cancel"),
        case(
            "cancelling the tasks of a completed job",
            JOB_STATE,
            c.cancel_ota_task_by_job()
                .job_id(&done)
                .cancel_queued_task(true)
                .send(),
        ),
        case(
            "cancelling a device with no task of the package",
            TASK_STATE,
            cancel_device(FREE, "dev-03").send(),
        ),
        case(
            "cancelling a device whose task is over",
            TASK_STATE,
            cancel_device(FREE, "dev-01").send(),
        ),
        case(
            "cancelling fail-01's other task",
            OK,
            cancel_device(FREE2, "fail-01").send(),
        ),
        case(
            "cancelling it twice",
            TASK_STATE,
            cancel_device(FREE2, "fail-01").send(),
        ),
        case(
            "re-running the failed task now",
            OK,
            c.reupgrade_ota_task().job_id(&done).task_id(&failed).send(),
        ),
        case(
            "re-running it again",
            TASK_STATE,
            c.reupgrade_ota_task().job_id(&done).task_id(&failed).send(),
        ),
    ])
    .await;
    // The re-run task keeps its TaskId, starts over and reopens its job; it fails again.
    assert_eq!(states(c, &busy).await, ["fail-01=CANCELED"]);
    assert_eq!(task(c, &done, "fail-01").await.id, failed);
    assert_eq!(
        states(c, &done).await,
        ["dev-01=SUCCEEDED", "fail-01=QUEUED"]
    );
    assert_eq!(job_status(c, &done).await, JobStatus::InProgress);
    emu.steps(10);
    assert_eq!(
        states(c, &done).await,
        ["dev-01=SUCCEEDED", "fail-01=FAILED"]
    );
    assert_eq!(job_status(c, &done).await, JobStatus::Completed);
}

#[tokio::test]
async fn cancelling_reaches_the_states_asked_for() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    // By job: each flag cancels its state only.
    let job = id_of(
        specific(c, FREE, &["dev-03", "dev-04", "off-01"])
            .send()
            .await
            .unwrap()
            .data,
    );
    emu.steps(1);
    assert_eq!(
        states(c, &job).await,
        ["dev-03=NOTIFIED", "dev-04=NOTIFIED", "off-01=QUEUED"]
    );
    let by_job = || c.cancel_ota_task_by_job().job_id(&job);
    by_job().cancel_in_progress_task(true).send().await.unwrap();
    assert_eq!(
        states(c, &job).await,
        ["dev-03=NOTIFIED", "dev-04=NOTIFIED", "off-01=QUEUED"]
    );
    by_job().cancel_notified_task(true).send().await.unwrap();
    assert_eq!(
        states(c, &job).await,
        ["dev-03=CANCELED", "dev-04=CANCELED", "off-01=QUEUED"]
    );
    by_job().cancel_queued_task(false).send().await.unwrap();
    assert_eq!(job_status(c, &job).await, JobStatus::InProgress);
    by_job().cancel_queued_task(true).send().await.unwrap();
    assert_eq!(
        states(c, &job).await,
        ["dev-03=CANCELED", "dev-04=CANCELED", "off-01=CANCELED"]
    );
    assert_eq!(job_status(c, &job).await, JobStatus::Completed);
    let running = id_of(specific(c, FREE2, &["dev-05"]).send().await.unwrap().data);
    emu.steps(2);
    assert_eq!(states(c, &running).await, ["dev-05=IN_PROGRESS"]);
    c.cancel_ota_task_by_job()
        .job_id(&running)
        .cancel_queued_task(true)
        .cancel_notified_task(true)
        .send()
        .await
        .unwrap();
    assert_eq!(states(c, &running).await, ["dev-05=IN_PROGRESS"]);
    c.cancel_ota_task_by_job()
        .job_id(&running)
        .cancel_in_progress_task(true)
        .send()
        .await
        .unwrap();
    assert_eq!(states(c, &running).await, ["dev-05=CANCELED"]);

    // By device: the package's unfinished tasks of the named devices, in all four states.
    let confirm = id_of(
        specific(c, FREE3, &["dev-01"])
            .need_confirm(true)
            .send()
            .await
            .unwrap()
            .data,
    );
    let queued = id_of(specific(c, FREE3, &["off-01"]).send().await.unwrap().data);
    let in_progress = id_of(specific(c, FREE3, &["dev-03"]).send().await.unwrap().data);
    emu.steps(2);
    let notified = id_of(specific(c, FREE3, &["dev-04"]).send().await.unwrap().data);
    let untouched = id_of(specific(c, FREE3, &["dev-06"]).send().await.unwrap().data);
    emu.steps(1);
    assert_eq!(states(c, &confirm).await, ["dev-01=CONFIRM"]);
    assert_eq!(states(c, &queued).await, ["off-01=QUEUED"]);
    assert_eq!(states(c, &in_progress).await, ["dev-03=IN_PROGRESS"]);
    assert_eq!(states(c, &notified).await, ["dev-04=NOTIFIED"]);
    c.cancel_ota_task_by_device()
        .firmware_id(FREE3)
        .product_key(PRODUCT)
        .set_device_name(Some(
            ["dev-01", "off-01", "dev-03", "dev-04"]
                .map(String::from)
                .to_vec(),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(states(c, &confirm).await, ["dev-01=CANCELED"]);
    assert_eq!(states(c, &queued).await, ["off-01=CANCELED"]);
    assert_eq!(states(c, &in_progress).await, ["dev-03=CANCELED"]);
    assert_eq!(states(c, &notified).await, ["dev-04=CANCELED"]);
    assert_eq!(states(c, &untouched).await, ["dev-06=NOTIFIED"]);
    // JobId limits the cancel to that job's task.
    let again = id_of(specific(c, FREE3, &["off-01"]).send().await.unwrap().data);
    let error = c
        .cancel_ota_task_by_device()
        .firmware_id(FREE3)
        .product_key(PRODUCT)
        .device_name("off-01")
        .job_id(&queued)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some(TASK_STATE), "{error}");
    c.cancel_ota_task_by_device()
        .firmware_id(FREE3)
        .product_key(PRODUCT)
        .device_name("off-01")
        .job_id(&again)
        .send()
        .await
        .unwrap();
    assert_eq!(states(c, &again).await, ["off-01=CANCELED"]);
}

#[tokio::test]
async fn a_package_with_an_unfinished_job_cannot_be_deleted() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let job = id_of(specific(c, FREE, &["dev-01"]).send().await.unwrap().data);
    let delete = |id: &str| c.delete_ota_firmware().firmware_id(id);
    check(vec![case(
        "deleting it while its job runs",
        FIRMWARE_IN_USE,
        delete(FREE).send(),
    )])
    .await;
    emu.steps(10);
    assert_eq!(job_status(c, &job).await, JobStatus::Completed);
    // A dynamic job is unfinished until its policy is canceled.
    let policy = id_of(dynamic(c, FREE2, "9.9.9").send().await.unwrap().data);
    let stopped = id_of(specific(c, FREE3, &["off-01"]).send().await.unwrap().data);
    check(vec![
        case(
            "deleting it once its job completed",
            OK,
            delete(FREE).send(),
        ),
        case("deleting it twice", FIRMWARE_NOT_FOUND, delete(FREE).send()),
        case(
            "deleting a package with a running dynamic job",
            FIRMWARE_IN_USE,
            delete(FREE2).send(),
        ),
        case(
            "cancelling the policy",
            OK,
            c.cancel_ota_strategy_by_job().job_id(&policy).send(),
        ),
        case("deleting it then", OK, delete(FREE2).send()),
        case(
            "deleting a package with a QUEUED task",
            FIRMWARE_IN_USE,
            delete(FREE3).send(),
        ),
        case(
            "cancelling the task",
            OK,
            c.cancel_ota_task_by_job()
                .job_id(&stopped)
                .cancel_queued_task(true)
                .send(),
        ),
        case("deleting it then", OK, delete(FREE3).send()),
        case(
            "querying a deleted package",
            FIRMWARE_NOT_FOUND,
            c.query_ota_firmware().firmware_id(FREE).send(),
        ),
        case(
            "listing its jobs",
            FIRMWARE_NOT_FOUND,
            c.list_ota_job_by_firmware()
                .firmware_id(FREE)
                .current_page(1)
                .page_size(10)
                .send(),
        ),
    ])
    .await;
    // Its jobs stay queryable.
    let info = c
        .query_ota_job()
        .job_id(&job)
        .send()
        .await
        .unwrap()
        .data
        .unwrap();
    assert_eq!(info.firmware_id.as_deref(), Some(FREE));
    assert_eq!(info.job_status, Some(JobStatus::Completed));
    assert_eq!(states(c, &job).await, ["dev-01=SUCCEEDED"]);
}

// ---------------------------------------------------------------------------------------------
// Flows
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn tasks_that_need_confirmation_wait_for_it() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let job = id_of(
        specific(c, FREE, &["dev-01", "dev-02"])
            .need_confirm(true)
            .send()
            .await
            .unwrap()
            .data,
    );
    assert_eq!(states(c, &job).await, ["dev-01=CONFIRM", "dev-02=CONFIRM"]);
    emu.steps(10);
    assert_eq!(states(c, &job).await, ["dev-01=CONFIRM", "dev-02=CONFIRM"]);
    let first = task(c, &job, "dev-01").await.id;
    c.confirm_ota_task().task_id(&first).send().await.unwrap();
    assert_eq!(states(c, &job).await, ["dev-01=QUEUED", "dev-02=CONFIRM"]);
    emu.steps(1);
    assert_eq!(states(c, &job).await, ["dev-01=NOTIFIED", "dev-02=CONFIRM"]);
    emu.steps(10);
    assert_eq!(
        states(c, &job).await,
        ["dev-01=SUCCEEDED", "dev-02=CONFIRM"]
    );
    assert_eq!(version(c, "dev-01").await, "3.0.0");
    assert_eq!(job_status(c, &job).await, JobStatus::InProgress);
    // CancelQueuedTask covers CONFIRM tasks when CancelUnconfirmedTask is not given.
    c.cancel_ota_task_by_job()
        .job_id(&job)
        .cancel_queued_task(true)
        .send()
        .await
        .unwrap();
    assert_eq!(
        states(c, &job).await,
        ["dev-01=SUCCEEDED", "dev-02=CANCELED"]
    );
    assert_eq!(job_status(c, &job).await, JobStatus::Completed);
    // Re-run in a job that needs confirmation: back to CONFIRM, the job reopened.
    let second = task(c, &job, "dev-02").await.id;
    c.reupgrade_ota_task()
        .job_id(&job)
        .task_id(&second)
        .send()
        .await
        .unwrap();
    assert_eq!(
        states(c, &job).await,
        ["dev-01=SUCCEEDED", "dev-02=CONFIRM"]
    );
    assert_eq!(job_status(c, &job).await, JobStatus::InProgress);

    // CancelUnconfirmedTask false keeps CONFIRM tasks; true cancels them.
    let other = id_of(
        specific(c, FREE2, &["dev-03"])
            .need_confirm(true)
            .send()
            .await
            .unwrap()
            .data,
    );
    c.cancel_ota_task_by_job()
        .job_id(&other)
        .cancel_queued_task(true)
        .cancel_unconfirmed_task(false)
        .send()
        .await
        .unwrap();
    assert_eq!(states(c, &other).await, ["dev-03=CONFIRM"]);
    c.cancel_ota_task_by_job()
        .job_id(&other)
        .cancel_unconfirmed_task(true)
        .send()
        .await
        .unwrap();
    assert_eq!(states(c, &other).await, ["dev-03=CANCELED"]);
}

#[tokio::test]
async fn a_planned_job_starts_at_its_schedule_time() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let now = now_millis(c).await;
    let at = now + 10 * 60_000;
    let job = id_of(
        specific(c, FREE, &["dev-01", "dev-02"])
            .schedule_time(at)
            .schedule_finish_time(at + 2 * 3_600_000)
            .send()
            .await
            .unwrap()
            .data,
    );
    let info = c
        .query_ota_job()
        .job_id(&job)
        .send()
        .await
        .unwrap()
        .data
        .unwrap();
    assert_eq!(info.job_status, Some(JobStatus::Planned));
    assert_eq!(
        info.utc_schedule_time.map(|t| t.as_millisecond() / 1000),
        Some(at / 1000)
    );
    assert!(info.utc_schedule_finish_time.is_some());
    assert_eq!(info.utc_start_time, None);
    emu.advance(9 * MINUTE + 50 * STEP);
    assert_eq!(job_status(c, &job).await, JobStatus::Planned);
    assert_eq!(states(c, &job).await, ["dev-01=QUEUED", "dev-02=QUEUED"]);
    emu.steps(20);
    assert_ne!(job_status(c, &job).await, JobStatus::Planned);
    assert_ne!(states(c, &job).await, ["dev-01=QUEUED", "dev-02=QUEUED"]);
    emu.steps(10);
    assert_eq!(
        states(c, &job).await,
        ["dev-01=SUCCEEDED", "dev-02=SUCCEEDED"]
    );
    let info = c
        .query_ota_job()
        .job_id(&job)
        .send()
        .await
        .unwrap()
        .data
        .unwrap();
    assert_eq!(info.job_status, Some(JobStatus::Completed));
    assert!(info.utc_start_time.is_some() && info.utc_end_time.is_some());
}

#[tokio::test]
async fn cancel_scheduled_task_cancels_a_planned_job() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let now = now_millis(c).await;
    let job = id_of(
        specific(c, FREE, &["dev-01"])
            .schedule_time(now + 10 * 60_000)
            .send()
            .await
            .unwrap()
            .data,
    );
    // Other flags leave a planned job alone.
    c.cancel_ota_task_by_job()
        .job_id(&job)
        .cancel_queued_task(true)
        .send()
        .await
        .unwrap();
    assert_eq!(job_status(c, &job).await, JobStatus::Planned);
    assert_eq!(states(c, &job).await, ["dev-01=QUEUED"]);
    c.cancel_ota_task_by_job()
        .job_id(&job)
        .cancel_scheduled_task(true)
        .send()
        .await
        .unwrap();
    assert_eq!(job_status(c, &job).await, JobStatus::Canceled);
    assert_eq!(states(c, &job).await, ["dev-01=CANCELED"]);
    emu.advance(11 * MINUTE);
    assert_eq!(job_status(c, &job).await, JobStatus::Canceled);
    assert_eq!(states(c, &job).await, ["dev-01=CANCELED"]);
    assert_eq!(version(c, "dev-01").await, "1.0.0");
}

#[tokio::test]
async fn overwrite_mode_decides_what_happens_to_a_device_with_an_unfinished_task() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    // dev-01 waits for confirmation in one job, dev-02 is in progress in another.
    let waiting = id_of(
        specific(c, FREE, &["dev-01"])
            .need_confirm(true)
            .send()
            .await
            .unwrap()
            .data,
    );
    let running = id_of(specific(c, FREE, &["dev-02"]).send().await.unwrap().data);
    emu.steps(2);
    assert_eq!(states(c, &waiting).await, ["dev-01=CONFIRM"]);
    assert_eq!(states(c, &running).await, ["dev-02=IN_PROGRESS"]);
    let waiting_task = task(c, &waiting, "dev-01").await.id;
    let running_task = task(c, &running, "dev-02").await.id;

    // OverwriteMode 1 (default): the new tasks fail, naming the unfinished ones.
    let kept = id_of(
        specific(c, FREE2, &["dev-01", "dev-02"])
            .send()
            .await
            .unwrap()
            .data,
    );
    let new = tasks(c, &kept).await;
    assert_eq!(states(c, &kept).await, ["dev-01=FAILED", "dev-02=FAILED"]);
    assert!(new[0].desc.contains(&waiting_task), "{:?}", new[0]);
    assert!(new[1].desc.contains(&running_task), "{:?}", new[1]);
    assert_eq!(job_status(c, &kept).await, JobStatus::Completed);
    assert_eq!(states(c, &waiting).await, ["dev-01=CONFIRM"]);

    // OverwriteMode 2: the waiting task is canceled and replaced; the one in progress is not.
    let replacing = id_of(
        specific(c, FREE2, &["dev-01", "dev-02"])
            .overwrite_mode(2)
            .send()
            .await
            .unwrap()
            .data,
    );
    assert_eq!(states(c, &waiting).await, ["dev-01=CANCELED"]);
    assert_eq!(job_status(c, &waiting).await, JobStatus::Completed);
    assert_eq!(
        states(c, &replacing).await,
        ["dev-01=QUEUED", "dev-02=FAILED"]
    );
    assert!(
        task(c, &replacing, "dev-02")
            .await
            .desc
            .contains(&running_task)
    );
    emu.steps(10);
    assert_eq!(
        states(c, &replacing).await,
        ["dev-01=SUCCEEDED", "dev-02=FAILED"]
    );
    assert_eq!(states(c, &running).await, ["dev-02=SUCCEEDED"]);
    assert_eq!(version(c, "dev-01").await, "4.0.0");
    assert_eq!(version(c, "dev-02").await, "3.0.0");
}

#[tokio::test]
async fn gray_takes_the_first_devices_rounded_down() {
    use FirmwareStatus::NoVerificationRequired as Free;
    let product = ProductSeed::new(PRODUCT, "Gray").with_generated_devices(20, "g-");
    let emu = Emu::start(
        EmulatorConfig::ephemeral()
            .with_products(vec![product])
            .with_packages(vec![
                package(PRODUCT, "p1", "2.0.0", Free),
                package(PRODUCT, "p2", "2.0.0", Free),
                package(PRODUCT, "p3", "2.0.0", Free),
            ]),
    )
    .await;
    let c = &emu.client;
    let expected = |n: usize| (1..=n).map(|i| format!("g-{i:02}")).collect::<Vec<_>>();
    // 20 × 25 % = 5; 20 × 33.333 % = 6.67 → 6; 20 × 5 % = 1; 20 × 4.999 % < 1.
    let job = id_of(gray(c, "p1", "25").send().await.unwrap().data);
    assert_eq!(devices_of(c, &job).await, expected(5));
    let job = id_of(gray(c, "p2", "33.333").send().await.unwrap().data);
    assert_eq!(devices_of(c, &job).await, expected(6));
    let job = id_of(gray(c, "p3", "5").send().await.unwrap().data);
    assert_eq!(devices_of(c, &job).await, expected(1));
    let error = gray(c, "p3", "4.999").send().await.unwrap_err();
    assert_eq!(error.code(), Some(NO_MATCH), "{error}");
    let info = c
        .query_ota_job()
        .job_id(&job)
        .send()
        .await
        .unwrap()
        .data
        .unwrap();
    assert_eq!(info.target_selection, Some(TargetSelection::Gray));
    assert_eq!(info.gray_percent.as_deref(), Some("5"));
}

#[tokio::test]
async fn all_takes_the_devices_on_the_source_versions_and_not_on_the_target() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let job = id_of(all(c, FREE).src_version("0.9.0").send().await.unwrap().data);
    assert_eq!(devices_of(c, &job).await, ["old-01"]);
    emu.steps(10);
    assert_eq!(version(c, "old-01").await, "3.0.0");
    // Nobody is on 0.9.0 any more.
    let error = all(c, FREE).src_version("0.9.0").send().await.unwrap_err();
    assert_eq!(error.code(), Some(NO_MATCH), "{error}");
    // Several source versions.
    let job = id_of(
        all(c, FREE2)
            .src_version("3.0.0")
            .src_version("1.0.0")
            .send()
            .await
            .unwrap()
            .data,
    );
    let everyone = [
        "dev-01", "dev-02", "dev-03", "dev-04", "dev-05", "dev-06", "fail-01", "off-01", "old-01",
    ];
    assert_eq!(devices_of(c, &job).await, everyone);
    let info = c
        .query_ota_job()
        .job_id(&job)
        .send()
        .await
        .unwrap()
        .data
        .unwrap();
    assert_eq!(info.src_versions, ["3.0.0", "1.0.0"]);
    // Without source versions: every device not on the target version (old-01 is on 3.0.0).
    let job = id_of(all(c, FREE).send().await.unwrap().data);
    assert_eq!(devices_of(c, &job).await, everyone[..8]);
    // SPECIFIC skips a device on the target version too.
    let job = id_of(
        specific(c, FREE, &["old-01", "dev-01"])
            .send()
            .await
            .unwrap()
            .data,
    );
    assert_eq!(devices_of(c, &job).await, ["dev-01"]);
    let error = specific(c, FREE, &["old-01"]).send().await.unwrap_err();
    assert_eq!(error.code(), Some(NO_MATCH), "{error}");
}

#[tokio::test]
async fn a_delta_package_targets_the_devices_on_its_source_version() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let job = id_of(all(c, DELTA).send().await.unwrap().data);
    let on_source = [
        "dev-01", "dev-02", "dev-03", "dev-04", "dev-05", "dev-06", "fail-01", "off-01",
    ];
    assert_eq!(devices_of(c, &job).await, on_source);
    emu.steps(10);
    assert_eq!(version(c, "dev-01").await, "1.1.0");
    assert_eq!(version(c, "old-01").await, "0.9.0");
    // With its own source version named: the devices still on it (one failed, one offline).
    let job = id_of(
        all(c, DELTA)
            .src_version("1.0.0")
            .send()
            .await
            .unwrap()
            .data,
    );
    assert_eq!(devices_of(c, &job).await, ["fail-01", "off-01"]);
}

#[tokio::test]
async fn a_delta_package_skips_named_devices_not_on_its_source_version() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    // old-01 is on 0.9.0, the delta package updates from 1.0.0.
    let job = id_of(
        specific(c, DELTA, &["dev-01", "old-01"])
            .send()
            .await
            .unwrap()
            .data,
    );
    assert_eq!(devices_of(c, &job).await, ["dev-01"]);
    let error = specific(c, DELTA, &["old-01"]).send().await.unwrap_err();
    assert_eq!(error.code(), Some(NO_MATCH), "{error}");
}

#[tokio::test]
async fn a_dynamic_job_takes_devices_that_come_to_match_it() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    // Nobody is on 3.0.0 yet: a dynamic job with no task.
    let policy = id_of(dynamic(c, FREE2, "3.0.0").send().await.unwrap().data);
    assert!(tasks(c, &policy).await.is_empty());
    // Another package's job moves dev-01 to 3.0.0; the dynamic job takes it, updates it to
    // 4.0.0, and stays in progress.
    let mover = id_of(specific(c, FREE, &["dev-01"]).send().await.unwrap().data);
    emu.steps(10);
    assert_eq!(states(c, &mover).await, ["dev-01=SUCCEEDED"]);
    emu.steps(10);
    assert_eq!(states(c, &policy).await, ["dev-01=SUCCEEDED"]);
    assert_eq!(version(c, "dev-01").await, "4.0.0");
    assert_eq!(
        task(c, &policy, "dev-01").await.id.len(),
        26,
        "a service-shaped TaskId"
    );
    emu.steps(10);
    assert_eq!(job_status(c, &policy).await, JobStatus::InProgress);
    assert_eq!(tasks(c, &policy).await.len(), 1);
    c.cancel_ota_strategy_by_job()
        .job_id(&policy)
        .send()
        .await
        .unwrap();
    assert_eq!(job_status(c, &policy).await, JobStatus::Canceled);
    // A device that reaches 3.0.0 afterwards is left alone.
    specific(c, FREE, &["dev-02"]).send().await.unwrap();
    emu.steps(20);
    assert_eq!(version(c, "dev-02").await, "3.0.0");
    assert_eq!(devices_of(c, &policy).await, ["dev-01"]);
}

#[tokio::test]
async fn dynamic_mode_2_takes_only_devices_whose_version_changed_after_it() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    // dev-01 is on 3.0.0 before the jobs exist.
    specific(c, FREE, &["dev-01"]).send().await.unwrap();
    emu.steps(10);
    assert_eq!(version(c, "dev-01").await, "3.0.0");
    emu.steps(1);
    let mode_2 = id_of(
        dynamic(c, FREE2, "3.0.0")
            .dynamic_mode(2)
            .send()
            .await
            .unwrap()
            .data,
    );
    emu.steps(10);
    assert!(tasks(c, &mode_2).await.is_empty());
    // dev-02 reaches 3.0.0 afterwards: taken.
    specific(c, FREE, &["dev-02"]).send().await.unwrap();
    emu.steps(20);
    assert_eq!(states(c, &mode_2).await, ["dev-02=SUCCEEDED"]);
    assert_eq!(version(c, "dev-01").await, "3.0.0");
    let info = c
        .query_ota_job()
        .job_id(&mode_2)
        .send()
        .await
        .unwrap()
        .data
        .unwrap();
    assert_eq!(info.dynamic_mode, Some(2));
    // Mode 1 takes dev-01 at once.
    c.cancel_ota_strategy_by_job()
        .job_id(&mode_2)
        .send()
        .await
        .unwrap();
    let mode_1 = id_of(dynamic(c, FREE2, "3.0.0").send().await.unwrap().data);
    assert_eq!(devices_of(c, &mode_1).await, ["dev-01"]);
}

#[tokio::test]
async fn the_tasks_of_a_canceled_dynamic_job_go_on() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let policy = id_of(dynamic(c, FREE, "0.9.0").send().await.unwrap().data);
    assert_eq!(states(c, &policy).await, ["old-01=QUEUED"]);
    c.cancel_ota_strategy_by_job()
        .job_id(&policy)
        .send()
        .await
        .unwrap();
    emu.steps(10);
    assert_eq!(states(c, &policy).await, ["old-01=SUCCEEDED"]);
    assert_eq!(version(c, "old-01").await, "3.0.0");
}

/// ota-family.md §5: "if a device falls under dynamic policies of several packages, the newest
/// applies"; the older job does not get a task for it at all.
#[tokio::test]
async fn of_two_dynamic_jobs_matching_a_device_the_newest_applies() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let older = id_of(dynamic(c, FREE2, "3.0.0").send().await.unwrap().data);
    emu.steps(1);
    let newer = id_of(dynamic(c, FREE3, "3.0.0").send().await.unwrap().data);
    specific(c, FREE, &["dev-01"]).send().await.unwrap();
    emu.steps(20);
    assert_eq!(states(c, &newer).await, ["dev-01=SUCCEEDED"]);
    assert_eq!(states(c, &older).await, Vec::<String>::new());
    assert_eq!(version(c, "dev-01").await, "5.0.0");
}

#[tokio::test]
async fn maximum_per_minute_limits_the_notifications_of_a_minute() {
    let emu = Emu::start(crowd_config()).await;
    let c = &emu.client;
    // Start at the beginning of a minute of the emulator's clock.
    let now = now_millis(c).await;
    let to_next_minute = 60_000 - now.rem_euclid(60_000);
    emu.advance(Duration::from_millis(
        u64::try_from(to_next_minute).unwrap(),
    ));
    let job = id_of(
        all(c, FREE)
            .maximum_per_minute(10)
            .send()
            .await
            .unwrap()
            .data,
    );
    assert_eq!(notified(c, &job).await, 0);
    emu.steps(1);
    assert_eq!(notified(c, &job).await, 10);
    emu.steps(30);
    assert_eq!(notified(c, &job).await, 10, "still the first minute");
    emu.steps(30);
    assert_eq!(notified(c, &job).await, 20, "the second minute");
    emu.steps(60);
    assert_eq!(notified(c, &job).await, 25, "the third minute");
    emu.steps(10);
    let all_done = tasks(c, &job)
        .await
        .iter()
        .all(|t| t.status == TaskStatus::Succeeded);
    assert!(all_done, "{:?}", states(c, &job).await);
    assert_eq!(job_status(c, &job).await, JobStatus::Completed);
}

#[tokio::test]
async fn automatic_retries_need_source_versions_and_end_in_failure() {
    use FirmwareStatus::NoVerificationRequired as Free;
    let product = ProductSeed::new(PRODUCT, "Retries")
        .with_device(DeviceSeed::new("f-src").failing())
        .with_device(
            DeviceSeed::new("f-plain")
                .failing()
                .with_module("default", "0.5.0"),
        )
        .with_device(
            DeviceSeed::new("f-wait")
                .failing()
                .with_module("default", "1.1.0"),
        );
    let emu = Emu::start(
        EmulatorConfig::ephemeral()
            .with_products(vec![product])
            .with_packages(vec![package(PRODUCT, FREE, "2.0.0", Free)]),
    )
    .await;
    let c = &emu.client;
    // Two retries at once (RetryInterval 0), with source versions: retried.
    let retried = id_of(
        all(c, FREE)
            .src_version("1.0.0")
            .retry_count(2)
            .send()
            .await
            .unwrap()
            .data,
    );
    // The same without source versions: not retried.
    let plain = id_of(
        specific(c, FREE, &["f-plain"])
            .retry_count(2)
            .send()
            .await
            .unwrap()
            .data,
    );
    // One retry after 10 minutes.
    let waiting = id_of(
        all(c, FREE)
            .src_version("1.1.0")
            .retry_interval(10)
            .retry_count(1)
            .send()
            .await
            .unwrap()
            .data,
    );
    // Notified, in progress, then the devices report failure.
    emu.steps(3);
    assert_eq!(states(c, &retried).await, ["f-src=IN_PROGRESS"]);
    assert_eq!(states(c, &waiting).await, ["f-wait=IN_PROGRESS"]);
    let failed = task(c, &plain, "f-plain").await;
    assert_eq!(failed.status, TaskStatus::Failed);
    assert!(failed.desc.contains("progress -1"), "{failed:?}");
    emu.steps(1);
    assert_eq!(states(c, &retried).await, ["f-src=IN_PROGRESS"]);
    emu.steps(5);
    let failed = task(c, &retried, "f-src").await;
    assert_eq!(failed.status, TaskStatus::Failed);
    assert!(failed.desc.contains("progress -1"), "{failed:?}");
    assert_eq!(job_status(c, &retried).await, JobStatus::Completed);
    // The retry waits its interval.
    emu.advance(9 * MINUTE);
    assert_eq!(states(c, &waiting).await, ["f-wait=IN_PROGRESS"]);
    emu.advance(2 * MINUTE);
    assert_eq!(states(c, &waiting).await, ["f-wait=FAILED"]);
}

#[tokio::test]
async fn an_offline_device_waits_until_its_timeout_if_any() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let limited = id_of(
        specific(c, FREE2, &["off-01"])
            .timeout_in_minutes(5)
            .send()
            .await
            .unwrap()
            .data,
    );
    emu.advance(4 * MINUTE);
    assert_eq!(states(c, &limited).await, ["off-01=QUEUED"]);
    emu.advance(2 * MINUTE);
    let timed_out = task(c, &limited, "off-01").await;
    assert_eq!(timed_out.status, TaskStatus::Failed);
    assert!(timed_out.desc.contains("timeout"), "{timed_out:?}");
    assert_eq!(job_status(c, &limited).await, JobStatus::Completed);
    let listed = c
        .list_ota_task_by_job()
        .job_id(&limited)
        .send()
        .await
        .unwrap();
    assert_eq!(listed.data[0].timeout.as_deref(), Some("5"));
    // Without a timeout: still waiting a day later.
    let unlimited = id_of(specific(c, FREE, &["off-01"]).send().await.unwrap().data);
    emu.advance(Duration::from_secs(24 * 3600));
    assert_eq!(states(c, &unlimited).await, ["off-01=QUEUED"]);
    assert_eq!(job_status(c, &unlimited).await, JobStatus::InProgress);
    let listed = c
        .list_ota_task_by_job()
        .job_id(&unlimited)
        .send()
        .await
        .unwrap();
    assert_eq!(listed.data[0].timeout.as_deref().unwrap_or_default(), "");
}

#[tokio::test]
async fn the_timeout_of_a_device_that_reported_progress_counts_from_its_first_report() {
    let product =
        ProductSeed::new(PRODUCT, "Slow").with_device(DeviceSeed::new("f-long").failing());
    let emu = Emu::start(
        EmulatorConfig::ephemeral()
            .with_products(vec![product])
            .with_packages(vec![package(
                PRODUCT,
                FREE,
                "2.0.0",
                FirmwareStatus::NoVerificationRequired,
            )]),
    )
    .await;
    let c = &emu.client;
    // Retries every 10 minutes keep the failing device in progress; 30 minutes at most.
    let job = id_of(
        all(c, FREE)
            .src_version("1.0.0")
            .need_confirm(true)
            .timeout_in_minutes(30)
            .retry_interval(10)
            .retry_count(5)
            .send()
            .await
            .unwrap()
            .data,
    );
    emu.advance(20 * MINUTE);
    assert_eq!(states(c, &job).await, ["f-long=CONFIRM"]);
    let id = task(c, &job, "f-long").await.id;
    c.confirm_ota_task().task_id(&id).send().await.unwrap();
    emu.steps(2);
    assert_eq!(states(c, &job).await, ["f-long=IN_PROGRESS"]);
    // 40 minutes after creation, 20 after the first report: still going.
    emu.advance(20 * MINUTE);
    assert_eq!(states(c, &job).await, ["f-long=IN_PROGRESS"]);
    emu.advance(11 * MINUTE);
    let over = task(c, &job, "f-long").await;
    assert_eq!(over.status, TaskStatus::Failed);
    assert!(over.desc.contains("timeout"), "{over:?}");
}

#[tokio::test]
async fn a_scheduled_job_with_a_timeout_runs_when_it_starts() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let now = now_millis(c).await;
    let job = id_of(
        specific(c, FREE, &["dev-01"])
            .schedule_time(now + 10 * 60_000)
            .timeout_in_minutes(5)
            .send()
            .await
            .unwrap()
            .data,
    );
    emu.advance(10 * MINUTE + 20 * STEP);
    assert_eq!(states(c, &job).await, ["dev-01=SUCCEEDED"]);
}

#[tokio::test]
async fn a_task_confirmed_late_runs() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let job = id_of(
        specific(c, FREE, &["dev-01"])
            .need_confirm(true)
            .timeout_in_minutes(5)
            .send()
            .await
            .unwrap()
            .data,
    );
    emu.advance(6 * MINUTE);
    let id = task(c, &job, "dev-01").await.id;
    c.confirm_ota_task().task_id(&id).send().await.unwrap();
    emu.steps(10);
    assert_eq!(states(c, &job).await, ["dev-01=SUCCEEDED"]);
}

#[tokio::test]
async fn a_reupgraded_task_times_out_afresh() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let job = id_of(
        specific(c, FREE, &["dev-01"])
            .timeout_in_minutes(5)
            .send()
            .await
            .unwrap()
            .data,
    );
    c.cancel_ota_task_by_device()
        .firmware_id(FREE)
        .product_key(PRODUCT)
        .device_name("dev-01")
        .send()
        .await
        .unwrap();
    emu.advance(6 * MINUTE);
    let id = task(c, &job, "dev-01").await.id;
    c.reupgrade_ota_task()
        .job_id(&job)
        .task_id(&id)
        .send()
        .await
        .unwrap();
    emu.steps(10);
    assert_eq!(states(c, &job).await, ["dev-01=SUCCEEDED"]);
}

#[tokio::test]
async fn a_planned_job_cannot_be_confirmed_before_its_schedule() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let now = now_millis(c).await;
    let job = id_of(
        specific(c, FREE, &["dev-01"])
            .need_confirm(true)
            .schedule_time(now + 10 * 60_000)
            .send()
            .await
            .unwrap()
            .data,
    );
    let id = task(c, &job, "dev-01").await.id;
    let error = c.confirm_ota_task().task_id(&id).send().await.unwrap_err();
    assert_eq!(error.code(), Some(JOB_STATE), "{error}");
}

// ---------------------------------------------------------------------------------------------
// Instances
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn instances_separate_what_they_hold() {
    use FirmwareStatus::NoVerificationRequired as Free;
    let products = vec![
        ProductSeed::new("a1PlainProd", "Plain").with_device(DeviceSeed::new("plain-01")),
        ProductSeed::new("a1InstProd", "Inst")
            .with_instance("iot-test-1")
            .with_device(DeviceSeed::new("inst-01")),
        ProductSeed::new("a1SecondProd", "Second")
            .with_instance("iot-test-2")
            .with_device(DeviceSeed::new("second-01")),
    ];
    let packages = vec![
        package("a1PlainProd", "pkg-plain", "2.0.0", Free),
        package("a1InstProd", "pkg-inst", "2.0.0", Free).with_instance("iot-test-1"),
        package("a1SecondProd", "pkg-second", "2.0.0", Free).with_instance("iot-test-2"),
    ];
    let emu = Emu::start(
        EmulatorConfig::ephemeral()
            .with_products(products)
            .with_packages(packages),
    )
    .await;
    let c = &emu.client;
    let url = upload(c, &firmware_bytes()).await;
    let modules = || c.list_ota_module_by_product().product_key("a1InstProd");
    let query = |id: &str| c.query_ota_firmware().firmware_id(id);
    let job = || {
        c.create_ota_static_upgrade_job()
            .firmware_id("pkg-inst")
            .product_key("a1InstProd")
            .target_selection(TargetSelection::Specific)
            .target_device_name("inst-01")
    };
    check(vec![
        case(
            "a product of an instance, without IotInstanceId",
            INSTANCE_NOT_FOUND,
            modules().send(),
        ),
        case(
            "with an unknown IotInstanceId",
            INSTANCE_NOT_FOUND,
            modules().iot_instance_id("iot-unknown").send(),
        ),
        case(
            "with its IotInstanceId",
            OK,
            modules().iot_instance_id("iot-test-1").send(),
        ),
        case(
            "from another instance",
            NO_PRODUCT,
            modules().iot_instance_id("iot-test-2").send(),
        ),
        case(
            "a package of an instance, without IotInstanceId",
            INSTANCE_NOT_FOUND,
            query("pkg-inst").send(),
        ),
        case(
            "with an unknown IotInstanceId",
            INSTANCE_NOT_FOUND,
            query("pkg-inst").iot_instance_id("iot-unknown").send(),
        ),
        case(
            "with its IotInstanceId",
            OK,
            query("pkg-inst").iot_instance_id("iot-test-1").send(),
        ),
        case(
            "from another instance",
            FIRMWARE_NOT_FOUND,
            query("pkg-inst").iot_instance_id("iot-test-2").send(),
        ),
        case(
            "a package outside instances, from an instance",
            FIRMWARE_NOT_FOUND,
            query("pkg-plain").iot_instance_id("iot-test-1").send(),
        ),
        case(
            "a package outside instances, without IotInstanceId",
            OK,
            query("pkg-plain").send(),
        ),
        case(
            "a job in an instance, without IotInstanceId",
            INSTANCE_NOT_FOUND,
            job().send(),
        ),
        case(
            "a job in an instance, with it",
            OK,
            job().iot_instance_id("iot-test-1").send(),
        ),
        case(
            "upload credentials for an unknown instance",
            INSTANCE_NOT_FOUND,
            c.generate_ota_upload_url()
                .iot_instance_id("iot-unknown")
                .send(),
        ),
        case(
            "a package in an instance for a product outside it",
            NO_PRODUCT,
            c.create_ota_firmware()
                .firmware_name("fw-cross")
                .dest_version("3.0.0")
                .product_key("a1PlainProd")
                .firmware_url(&url)
                .iot_instance_id("iot-test-1")
                .send(),
        ),
        case(
            "a package in an instance for its product",
            OK,
            c.create_ota_firmware()
                .firmware_name("fw-inst")
                .dest_version("3.0.0")
                .product_key("a1InstProd")
                .firmware_url(&url)
                .iot_instance_id("iot-test-1")
                .send(),
        ),
    ])
    .await;
    // Lists show only the instance's packages.
    let listed = |instance: Option<&str>| {
        let list = c
            .list_ota_firmware()
            .current_page(1)
            .page_size(10)
            .set_iot_instance_id(instance.map(str::to_owned));
        async move {
            let mut names: Vec<String> = list
                .send()
                .await
                .unwrap()
                .firmwares
                .into_iter()
                .map(|f| f.firmware_name.unwrap())
                .collect();
            names.sort();
            names
        }
    };
    assert_eq!(listed(None).await, ["pkg-plain"]);
    assert_eq!(listed(Some("iot-test-1")).await, ["fw-inst", "pkg-inst"]);
    // The job of the instance is found from it only.
    let jobs = c
        .list_ota_job_by_firmware()
        .firmware_id("pkg-inst")
        .current_page(1)
        .page_size(10)
        .iot_instance_id("iot-test-1")
        .send()
        .await
        .unwrap();
    let job = jobs.data[0].job_id.clone().unwrap();
    let query_job = || c.query_ota_job().job_id(&job);
    check(vec![
        case(
            "its job, without IotInstanceId",
            INSTANCE_NOT_FOUND,
            query_job().send(),
        ),
        case(
            "its job, from another instance",
            JOB_NOT_FOUND,
            query_job().iot_instance_id("iot-test-2").send(),
        ),
        case(
            "its job, from its instance",
            OK,
            query_job().iot_instance_id("iot-test-1").send(),
        ),
        case(
            "its tasks, from its instance",
            OK,
            c.list_ota_task_by_job()
                .job_id(&job)
                .iot_instance_id("iot-test-1")
                .send(),
        ),
    ])
    .await;
}

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn list_ota_task_by_job_pages_and_filters() {
    let emu = Emu::start(crowd_config()).await;
    let c = &emu.client;
    let job = id_of(
        all(c, FREE)
            .maximum_per_minute(10)
            .send()
            .await
            .unwrap()
            .data,
    );
    let page = |page: i64, size: i64| {
        let list = c
            .list_ota_task_by_job()
            .job_id(&job)
            .current_page(page)
            .page_size(size);
        async move {
            let reply = list.send().await.unwrap();
            let devices: Vec<String> = reply
                .data
                .into_iter()
                .map(|t| t.device_name.unwrap())
                .collect();
            (reply.total, reply.page_count, devices)
        }
    };
    let names =
        |from: usize, to: usize| (from..=to).map(|i| format!("r-{i:02}")).collect::<Vec<_>>();
    // Creation order, which is name order for ALL.
    assert_eq!(page(1, 10).await, (Some(25), Some(3), names(1, 10)));
    assert_eq!(page(3, 10).await, (Some(25), Some(3), names(21, 25)));
    assert_eq!(page(4, 10).await, (Some(25), Some(3), vec![]));
    assert_eq!(page(1, 100).await, (Some(25), Some(1), names(1, 25)));
    // Without paging parameters: the first 10.
    let reply = c.list_ota_task_by_job().job_id(&job).send().await.unwrap();
    assert_eq!((reply.data.len(), reply.total), (10, Some(25)));
    // One step: 10 notified, 15 queued.
    emu.steps(1);
    let filtered = |status: TaskStatus, page: i64| {
        let list = c
            .list_ota_task_by_job()
            .job_id(&job)
            .task_status(status)
            .current_page(page)
            .page_size(10);
        async move {
            let reply = list.send().await.unwrap();
            let devices: Vec<String> = reply
                .data
                .into_iter()
                .map(|t| t.device_name.unwrap())
                .collect();
            (reply.total, reply.page_count, devices)
        }
    };
    assert_eq!(
        filtered(TaskStatus::Notified, 1).await,
        (Some(10), Some(1), names(1, 10))
    );
    assert_eq!(
        filtered(TaskStatus::Queued, 1).await,
        (Some(15), Some(2), names(11, 20))
    );
    assert_eq!(
        filtered(TaskStatus::Queued, 2).await,
        (Some(15), Some(2), names(21, 25))
    );
    assert_eq!(
        filtered(TaskStatus::Failed, 1).await,
        (Some(0), Some(0), vec![])
    );
    // DeviceNames: paging ignored; with TaskStatus, both apply.
    let reply = c
        .list_ota_task_by_job()
        .job_id(&job)
        .current_page(5)
        .page_size(1)
        .device_names("r-03")
        .device_names("r-25")
        .device_names("ghost")
        .send()
        .await
        .unwrap();
    let devices: Vec<String> = reply
        .data
        .iter()
        .map(|t| t.device_name.clone().unwrap())
        .collect();
    assert_eq!(devices, ["r-03", "r-25"]);
    assert_eq!(reply.total, Some(2));
    let reply = c
        .list_ota_task_by_job()
        .job_id(&job)
        .device_names("r-03")
        .device_names("r-25")
        .task_status(TaskStatus::Queued)
        .send()
        .await
        .unwrap();
    let devices: Vec<String> = reply
        .data
        .iter()
        .map(|t| t.device_name.clone().unwrap())
        .collect();
    assert_eq!(devices, ["r-25"]);
    // What a task shows.
    let first = &c
        .list_ota_task_by_job()
        .job_id(&job)
        .device_names("r-01")
        .send()
        .await
        .unwrap()
        .data[0];
    assert_eq!(first.job_id.as_deref(), Some(job.as_str()));
    assert_eq!(first.firmware_id.as_deref(), Some(FREE));
    assert_eq!(first.product_key.as_deref(), Some(PRODUCT));
    assert_eq!(first.product_name.as_deref(), Some("Crowd"));
    assert_eq!(first.src_version.as_deref(), Some("1.0.0"));
    assert_eq!(first.dest_version.as_deref(), Some("2.0.0"));
    assert_eq!(first.progress.as_deref(), Some("0.00"));
    assert!(first.iot_id.is_some() && first.utc_create.is_some());
}

#[tokio::test]
async fn list_ota_firmware_newest_first_and_filtered() {
    use FirmwareStatus::Verified;
    let dated = |product: &str, id: &str, dest: &str, at: &str| {
        let mut package = package(product, id, dest, Verified);
        package.firmware.utc_create = Some(at.parse().unwrap());
        package
    };
    let emu = Emu::start(
        EmulatorConfig::ephemeral()
            .with_products(fixture_products())
            .with_packages(vec![
                dated(PRODUCT, "fw-jan", "1.1.0", "2024-01-01T00:00:00Z"),
                dated(PRODUCT, "fw-feb", "1.2.0", "2024-02-01T00:00:00Z"),
                dated(OTHER, "fw-mar", "1.2.0", "2024-03-01T00:00:00Z"),
                dated(PRODUCT, "fw-apr", "1.2.0", "2024-04-01T00:00:00Z"),
                // Created when the emulator starts: the newest.
                package(PRODUCT, "fw-now", "1.3.0", Verified),
            ]),
    )
    .await;
    let c = &emu.client;
    let list = |page: i64, size: i64, product: Option<&str>, dest: Option<&str>| {
        let call = c
            .list_ota_firmware()
            .current_page(page)
            .page_size(size)
            .set_product_key(product.map(str::to_owned))
            .set_dest_version(dest.map(str::to_owned));
        async move {
            let reply = call.send().await.unwrap();
            let ids: Vec<String> = reply
                .firmwares
                .into_iter()
                .map(|f| f.firmware_id.unwrap())
                .collect();
            (reply.total, reply.page_count, ids)
        }
    };
    assert_eq!(
        list(1, 10, None, None).await,
        (
            Some(5),
            Some(1),
            ["fw-now", "fw-apr", "fw-mar", "fw-feb", "fw-jan"]
                .map(String::from)
                .to_vec()
        )
    );
    assert_eq!(
        list(1, 2, None, None).await,
        (
            Some(5),
            Some(3),
            ["fw-now", "fw-apr"].map(String::from).to_vec()
        )
    );
    assert_eq!(
        list(3, 2, None, None).await,
        (Some(5), Some(3), ["fw-jan"].map(String::from).to_vec())
    );
    assert_eq!(
        list(1, 10, Some(PRODUCT), None).await,
        (
            Some(4),
            Some(1),
            ["fw-now", "fw-apr", "fw-feb", "fw-jan"]
                .map(String::from)
                .to_vec()
        )
    );
    assert_eq!(
        list(1, 10, None, Some("1.2.0")).await,
        (
            Some(3),
            Some(1),
            ["fw-apr", "fw-mar", "fw-feb"].map(String::from).to_vec()
        )
    );
    assert_eq!(
        list(1, 10, Some(PRODUCT), Some("1.2.0")).await,
        (
            Some(2),
            Some(1),
            ["fw-apr", "fw-feb"].map(String::from).to_vec()
        )
    );
    assert_eq!(
        list(1, 10, None, Some("7.7.7")).await,
        (Some(0), Some(0), vec![])
    );
    let error = c
        .list_ota_firmware()
        .current_page(1)
        .page_size(10)
        .product_key("a1NoSuchProd")
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some(NO_PRODUCT), "{error}");
}

#[tokio::test]
async fn jobs_are_listed_newest_first_by_package_and_by_device() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let first = id_of(specific(c, FREE, &["dev-01"]).send().await.unwrap().data);
    emu.steps(1);
    let second = id_of(specific(c, FREE, &["dev-02"]).send().await.unwrap().data);
    emu.steps(1);
    let third = id_of(
        specific(c, FREE, &["dev-01", "dev-03"])
            .send()
            .await
            .unwrap()
            .data,
    );
    emu.steps(1);
    let verification = id_of(
        verify(c, UNVERIFIED, &["dev-05"])
            .send()
            .await
            .unwrap()
            .data,
    );
    let by_firmware = |id: &str, page: i64, size: i64| {
        let call = c
            .list_ota_job_by_firmware()
            .firmware_id(id)
            .current_page(page)
            .page_size(size);
        async move {
            let reply = call.send().await.unwrap();
            let ids: Vec<String> = reply.data.into_iter().map(|j| j.job_id.unwrap()).collect();
            (reply.total, reply.page_count, ids)
        }
    };
    assert_eq!(
        by_firmware(FREE, 1, 10).await,
        (
            Some(3),
            Some(1),
            vec![third.clone(), second.clone(), first.clone()]
        )
    );
    assert_eq!(
        by_firmware(FREE, 2, 2).await,
        (Some(3), Some(2), vec![first.clone()])
    );
    assert_eq!(
        by_firmware(UNVERIFIED, 1, 10).await,
        (Some(1), Some(1), vec![verification.clone()])
    );
    assert_eq!(by_firmware(FREE2, 1, 10).await, (Some(0), Some(0), vec![]));
    let by_device = |device: &str, page: i64, size: i64| {
        let call = c
            .list_ota_job_by_device()
            .firmware_id(FREE)
            .product_key(PRODUCT)
            .device_name(device)
            .current_page(page)
            .page_size(size);
        async move {
            let reply = call.send().await.unwrap();
            let ids: Vec<String> = reply.data.into_iter().map(|j| j.job_id.unwrap()).collect();
            (reply.total, reply.page_count, ids)
        }
    };
    assert_eq!(
        by_device("dev-01", 1, 10).await,
        (Some(2), Some(1), vec![third.clone(), first.clone()])
    );
    assert_eq!(
        by_device("dev-01", 2, 1).await,
        (Some(2), Some(2), vec![first.clone()])
    );
    assert_eq!(
        by_device("dev-02", 1, 10).await,
        (Some(1), Some(1), vec![second.clone()])
    );
    assert_eq!(by_device("dev-04", 1, 10).await, (Some(0), Some(0), vec![]));
    // What a job summary shows.
    let reply = c
        .list_ota_job_by_firmware()
        .firmware_id(UNVERIFIED)
        .current_page(1)
        .page_size(10)
        .send()
        .await
        .unwrap();
    let summary = &reply.data[0];
    assert_eq!(
        summary.job_type,
        Some(aliyun_iot::types::JobType::VerifyFirmware)
    );
    assert_eq!(summary.target_selection, Some(TargetSelection::Specific));
    assert_eq!(summary.job_status, Some(JobStatus::InProgress));
    let reply = c
        .list_ota_job_by_firmware()
        .firmware_id(FREE)
        .current_page(1)
        .page_size(10)
        .send()
        .await
        .unwrap();
    assert!(reply.data.iter().all(|j| {
        j.job_type == Some(aliyun_iot::types::JobType::UpgradeFirmware)
            && j.selection_type == Some(SelectionType::Static)
    }));
}

#[tokio::test]
async fn list_ota_job_by_firmware_takes_pages_of_200() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    specific(c, FREE, &["dev-01"]).send().await.unwrap();
    let reply = c
        .list_ota_job_by_firmware()
        .firmware_id(FREE)
        .current_page(1)
        .page_size(200)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.total, Some(1));
}

#[tokio::test]
async fn unfinished_tasks_of_a_device_by_iot_id_or_by_name() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let url = upload(c, &firmware_bytes()).await;
    c.create_ota_module()
        .product_key(PRODUCT)
        .module_name("MCU")
        .send()
        .await
        .unwrap();
    let mcu = c
        .create_ota_firmware()
        .firmware_name("fw-mcu")
        .dest_version("7.0.0")
        .product_key(PRODUCT)
        .module_name("MCU")
        .need_to_verify(false)
        .firmware_url(&url)
        .send()
        .await
        .unwrap()
        .data
        .unwrap()
        .firmware_id
        .unwrap();
    // dev-01: a CONFIRM task for `default` and a QUEUED one for MCU; a finished one too.
    let done = id_of(specific(c, FREE3, &["dev-01"]).send().await.unwrap().data);
    emu.steps(10);
    assert_eq!(states(c, &done).await, ["dev-01=SUCCEEDED"]);
    let waiting = id_of(
        specific(c, FREE, &["dev-01"])
            .need_confirm(true)
            .send()
            .await
            .unwrap()
            .data,
    );
    let queued = id_of(specific(c, &mcu, &["dev-01"]).send().await.unwrap().data);
    let iot_id = c
        .list_ota_module_versions_by_device()
        .product_key(PRODUCT)
        .device_name("dev-01")
        .current_page(1)
        .page_size(10)
        .send()
        .await
        .unwrap()
        .data[0]
        .iot_id
        .clone()
        .unwrap();
    let jobs_of = |reply: aliyun_iot::list_ota_unfinished_task_by_device::ListOtaUnfinishedTaskByDeviceResponse| {
        let mut found: Vec<(String, String, String)> = reply
            .data
            .into_iter()
            .map(|t| {
                (
                    t.job_id.unwrap(),
                    t.module_name.unwrap(),
                    t.task_status.unwrap().as_str().to_owned(),
                )
            })
            .collect();
        found.sort();
        found
    };
    let confirm = (waiting.clone(), "default".to_owned(), "CONFIRM".to_owned());
    let mcu_queued = (queued.clone(), "MCU".to_owned(), "QUEUED".to_owned());
    let mut both = vec![confirm.clone(), mcu_queued.clone()];
    both.sort();
    let by_iot_id = || c.list_ota_unfinished_task_by_device().iot_id(&iot_id);
    let by_name = || {
        c.list_ota_unfinished_task_by_device()
            .product_key(PRODUCT)
            .device_name("dev-01")
    };
    assert_eq!(jobs_of(by_iot_id().send().await.unwrap()), both);
    assert_eq!(jobs_of(by_name().send().await.unwrap()), both);
    // IotId wins over ProductKey and DeviceName.
    let reply = by_iot_id()
        .product_key(PRODUCT)
        .device_name("dev-02")
        .send()
        .await
        .unwrap();
    assert_eq!(jobs_of(reply), both);
    // Filters: one status, a list of statuses, a module.
    let reply = by_name()
        .task_status(TaskStatus::Confirm)
        .send()
        .await
        .unwrap();
    assert_eq!(jobs_of(reply), [confirm]);
    let reply = by_iot_id()
        .task_status_list(TaskStatus::Queued)
        .task_status_list(TaskStatus::Notified)
        .send()
        .await
        .unwrap();
    assert_eq!(jobs_of(reply), std::slice::from_ref(&mcu_queued));
    let reply = by_name().module_name("MCU").send().await.unwrap();
    assert_eq!(jobs_of(reply), std::slice::from_ref(&mcu_queued));
    let reply = by_name()
        .task_status(TaskStatus::InProgress)
        .send()
        .await
        .unwrap();
    assert!(jobs_of(reply).is_empty());
    let reply = by_name().device_name("dev-02").send().await.unwrap();
    assert!(jobs_of(reply).is_empty());
    // What an unfinished task shows: no progress, description or timeout.
    let reply = by_name().module_name("MCU").send().await.unwrap();
    let shown = &reply.data[0];
    assert_eq!(shown.iot_id.as_deref(), Some(iot_id.as_str()));
    assert_eq!(shown.firmware_id.as_deref(), Some(mcu.as_str()));
    assert_eq!(shown.dest_version.as_deref(), Some("7.0.0"));
    assert_eq!(
        (shown.progress.as_deref(), shown.task_desc.as_deref()),
        (None, None)
    );
}

#[tokio::test]
async fn modules_are_listed_default_first_then_by_name() {
    let emu = Emu::fixture().await;
    let c = &emu.client;
    let names = |reply: aliyun_iot::list_ota_module_by_product::ListOtaModuleByProductResponse| {
        reply
            .data
            .into_iter()
            .map(|m| m.module_name.unwrap())
            .collect::<Vec<_>>()
    };
    let list = || c.list_ota_module_by_product().product_key(PRODUCT);
    assert_eq!(names(list().send().await.unwrap()), ["default"]);
    for name in ["zeta", "Alpha", "beta"] {
        c.create_ota_module()
            .product_key(PRODUCT)
            .module_name(name)
            .send()
            .await
            .unwrap();
    }
    assert_eq!(
        names(list().send().await.unwrap()),
        ["default", "Alpha", "beta", "zeta"]
    );
    let reply = list().send().await.unwrap();
    assert_eq!(reply.data[0].product_key.as_deref(), Some(PRODUCT));
    // A device reports each module it has a version of.
    let reply = c
        .list_ota_module_versions_by_device()
        .product_key(PRODUCT)
        .device_name("old-01")
        .current_page(1)
        .page_size(10)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.total, Some(1));
    assert_eq!(reply.data[0].module_version.as_deref(), Some("0.9.0"));
}
