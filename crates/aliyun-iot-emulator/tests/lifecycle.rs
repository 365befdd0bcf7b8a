//! The whole OTA lifecycle through the generated client against the emulator, on a clock the
//! test moves by hand: upload a file → create the package → verify it → a static job on three
//! devices (one failing, one offline) → tasks and job reach their final states → re-run the
//! failed task → download the package through its `FirmwareUrl` → delete it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::time::Duration;

use aliyun_iot::Client;
use aliyun_iot::query_ota_firmware::FirmwareStatus;
use aliyun_iot::types::{JobStatus, TargetSelection, TaskStatus};
use aliyun_iot_emulator::{DeviceSeed, Emulator, EmulatorConfig, ProductSeed, RunningEmulator};
use md5::{Digest, Md5};

const PRODUCT: &str = "a1LifeProd";

/// A firmware file: a few hundred KiB of bytes that are not all alike.
fn firmware() -> Vec<u8> {
    (0..300_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect()
}

fn md5_hex(bytes: &[u8]) -> String {
    hex::encode(Md5::digest(bytes))
}

async fn start() -> RunningEmulator {
    let product = ProductSeed::new(PRODUCT, "Lifecycle")
        .with_device(DeviceSeed::new("dev-001"))
        .with_device(DeviceSeed::new("dev-002").failing())
        .with_device(DeviceSeed::new("dev-003").offline())
        .with_device(DeviceSeed::new("tester-01"));
    let config = EmulatorConfig::ephemeral()
        .with_products(vec![product])
        .with_manual_clock()
        .with_seed(42)
        .with_qps(0);
    Emulator::start(config).await.unwrap()
}

/// Uploads `bytes` with the form of GenerateOTAUploadURL, as OSS PostObject does; returns
/// the URL to create the package from.
async fn upload(client: &Client, bytes: &[u8]) -> String {
    let reply = client.generate_ota_upload_url().send().await.unwrap();
    let data = reply.data.unwrap();
    let boundary = "----lifecycle-7d1f0c";
    let mut body = Vec::new();
    for (name, value) in [
        ("key", data.key.as_deref().unwrap()),
        ("policy", data.policy.as_deref().unwrap()),
        ("OSSAccessKeyId", data.oss_access_key_id.as_deref().unwrap()),
        ("Signature", data.signature.as_deref().unwrap()),
        ("success_action_status", "200"),
    ] {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fw.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let response = reqwest::Client::new()
        .post(format!("{}/", data.host.as_deref().unwrap()))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{:?}", response.text().await);
    data.firmware_url.unwrap()
}

async fn package_status(client: &Client, id: &str) -> (FirmwareStatus, i64) {
    let info = client
        .query_ota_firmware()
        .firmware_id(id)
        .send()
        .await
        .unwrap()
        .firmware_info
        .unwrap();
    (info.status.unwrap(), info.verify_progress.unwrap_or(-1))
}

/// The state of each device's task in `job`.
async fn tasks(client: &Client, job: &str) -> Vec<(String, TaskStatus, String, String)> {
    let reply = client
        .list_ota_task_by_job()
        .job_id(job)
        .current_page(1)
        .page_size(100)
        .send()
        .await
        .unwrap();
    let mut tasks: Vec<_> = reply
        .data
        .into_iter()
        .map(|t| {
            (
                t.device_name.unwrap(),
                t.task_status.unwrap(),
                t.task_id.unwrap(),
                t.task_desc.unwrap_or_default(),
            )
        })
        .collect();
    tasks.sort_by(|a, b| a.0.cmp(&b.0));
    tasks
}

async fn job_status(client: &Client, job: &str) -> JobStatus {
    let reply = client.query_ota_job().job_id(job).send().await.unwrap();
    reply.data.unwrap().job_status.unwrap()
}

#[tokio::test]
async fn the_whole_lifecycle() {
    let emulator = start().await;
    let client = emulator.client().unwrap();
    let bytes = firmware();

    // Upload, then create the package from the uploaded file: size and digest are the file's.
    let url = upload(&client, &bytes).await;
    let error = client
        .create_ota_firmware()
        .firmware_name("life-2")
        .dest_version("2.0.0")
        .product_key(PRODUCT)
        .firmware_url(&url)
        .firmware_sign("00000000000000000000000000000000")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        error.code(),
        Some("iot.ota.FirmwareSignMismatch"),
        "{error}"
    );
    let created = client
        .create_ota_firmware()
        .firmware_name("life-2")
        .dest_version("2.0.0")
        .product_key(PRODUCT)
        .firmware_url(&url)
        .firmware_sign(md5_hex(&bytes))
        .send()
        .await
        .unwrap();
    let firmware_id = created.data.unwrap().firmware_id.unwrap();
    let info = client
        .query_ota_firmware()
        .firmware_id(&firmware_id)
        .send()
        .await
        .unwrap()
        .firmware_info
        .unwrap();
    assert_eq!(info.status, Some(FirmwareStatus::Unverified));
    assert_eq!(info.firmware_size, Some(bytes.len() as i64));
    assert_eq!(
        info.firmware_sign.as_deref(),
        Some(md5_hex(&bytes).as_str())
    );

    // An update job before verification is refused.
    let error = client
        .create_ota_static_upgrade_job()
        .firmware_id(&firmware_id)
        .product_key(PRODUCT)
        .target_selection(TargetSelection::All)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some("iot.ota.FirmwareNotVerified"), "{error}");

    // Verification: 0 → 2 (verifying) → 1 (verified), the test device updated.
    let verify = client
        .create_ota_verify_job()
        .firmware_id(&firmware_id)
        .product_key(PRODUCT)
        .target_device_name("tester-01")
        .send()
        .await
        .unwrap();
    let verify_job = verify.data.unwrap().job_id.unwrap();
    assert_eq!(
        package_status(&client, &firmware_id).await,
        (FirmwareStatus::Verifying, 0)
    );
    emulator.advance(Duration::from_secs(5)).unwrap();
    assert_eq!(
        package_status(&client, &firmware_id).await,
        (FirmwareStatus::Verified, 100)
    );
    assert_eq!(job_status(&client, &verify_job).await, JobStatus::Completed);

    // A static job on three devices: one succeeds, one fails, one is offline (timeout).
    let job = client
        .create_ota_static_upgrade_job()
        .firmware_id(&firmware_id)
        .product_key(PRODUCT)
        .target_selection(TargetSelection::Specific)
        .target_device_name("dev-001")
        .target_device_name("dev-002")
        .target_device_name("dev-003")
        .timeout_in_minutes(5)
        .send()
        .await
        .unwrap()
        .data
        .unwrap()
        .job_id
        .unwrap();
    let states = |tasks: &[(String, TaskStatus, String, String)]| {
        tasks.iter().map(|t| t.1.clone()).collect::<Vec<_>>()
    };
    assert_eq!(
        states(&tasks(&client, &job).await),
        [TaskStatus::Queued, TaskStatus::Queued, TaskStatus::Queued]
    );
    emulator.advance(Duration::from_secs(10)).unwrap();
    let now = tasks(&client, &job).await;
    assert_eq!(
        states(&now),
        [
            TaskStatus::Succeeded,
            TaskStatus::Failed,
            TaskStatus::Queued
        ]
    );
    assert!(now[1].3.contains("failed"), "{:?}", now[1]);
    assert_eq!(job_status(&client, &job).await, JobStatus::InProgress);
    emulator.advance(Duration::from_secs(5 * 60)).unwrap();
    let now = tasks(&client, &job).await;
    assert_eq!(
        states(&now),
        [
            TaskStatus::Succeeded,
            TaskStatus::Failed,
            TaskStatus::Failed
        ]
    );
    assert!(now[2].3.contains("timeout"), "{:?}", now[2]);
    assert_eq!(job_status(&client, &job).await, JobStatus::Completed);

    // The updated device reports the new version.
    let versions = client
        .list_ota_module_versions_by_device()
        .product_key(PRODUCT)
        .device_name("dev-001")
        .current_page(1)
        .page_size(10)
        .send()
        .await
        .unwrap();
    let reported: Vec<_> = versions
        .data
        .iter()
        .map(|m| {
            (
                m.module_name.clone().unwrap(),
                m.module_version.clone().unwrap(),
            )
        })
        .collect();
    assert_eq!(reported, [("default".to_owned(), "2.0.0".to_owned())]);

    // Deleting the package while a job is unfinished is refused; re-running the failed task
    // reopens the job; a task that did not fail cannot be re-run.
    let failed = now[1].2.clone();
    let error = client
        .reupgrade_ota_task()
        .job_id(&job)
        .task_id(&now[0].2)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some("iot.ota.InvalidTaskStatus"), "{error}");
    client
        .reupgrade_ota_task()
        .job_id(&job)
        .task_id(&failed)
        .send()
        .await
        .unwrap();
    assert_eq!(job_status(&client, &job).await, JobStatus::InProgress);
    let error = client
        .delete_ota_firmware()
        .firmware_id(&firmware_id)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some("iot.ota.FirmwareInUse"), "{error}");
    let unfinished = client
        .list_ota_unfinished_task_by_device()
        .product_key(PRODUCT)
        .device_name("dev-002")
        .task_status(TaskStatus::Queued)
        .send()
        .await
        .unwrap();
    assert_eq!(unfinished.data.len(), 1);
    assert_eq!(unfinished.data[0].task_id.as_deref(), Some(failed.as_str()));
    emulator.advance(Duration::from_secs(10)).unwrap();
    assert_eq!(tasks(&client, &job).await[1].1, TaskStatus::Failed);
    assert_eq!(job_status(&client, &job).await, JobStatus::Completed);

    // Download what devices would download: the same bytes, and a range of them.
    let info = client
        .query_ota_firmware()
        .firmware_id(&firmware_id)
        .send()
        .await
        .unwrap()
        .firmware_info
        .unwrap();
    let download = info.firmware_url.unwrap();
    assert!(download.contains("Expires=") && download.contains("Signature="));
    let http = reqwest::Client::new();
    let got = http.get(&download).send().await.unwrap();
    assert_eq!(got.status(), 200);
    let got = got.bytes().await.unwrap();
    assert_eq!(md5_hex(&got), md5_hex(&bytes));
    assert!(got[..] == bytes[..]);
    let part = http
        .get(&download)
        .header("range", "bytes=100-199")
        .send()
        .await
        .unwrap();
    assert_eq!(part.status(), 206);
    assert_eq!(&part.bytes().await.unwrap()[..], &bytes[100..200]);
    let forged = download.replace("Signature=", "Signature=x");
    assert_eq!(http.get(&forged).send().await.unwrap().status(), 403);

    // Delete: the package is gone.
    client
        .delete_ota_firmware()
        .firmware_id(&firmware_id)
        .send()
        .await
        .unwrap();
    let error = client
        .query_ota_firmware()
        .firmware_id(&firmware_id)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some("iot.ota.FirmwareNotFound"), "{error}");
    emulator.shutdown().await;
}
