//! Every operation, on the wire: one test per operation (spec/iot/operations/*.yaml) builds a
//! request with every parameter set (lists with two items, list-of-structure items with every
//! field, every optional scalar, enums), sends it through `aliyun_iot::Client` to a scripted
//! loopback server under each signature version (V1 and V3), and checks exactly what the
//! server received: the action, the HTTP method, a valid signature (checked independently of
//! the runtime), and the operation's own parameters (under V3 the whole query), compared with
//! a list written out literally here (not derived from the generated code). The server answers
//! the documented JSON sample (spec/iot/samples/<Action>.doc.json), or an envelope-only body
//! for the operations without one, and the reply must decode with the sample's request ID.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

mod common;

use std::future::Future;

use aliyun_iot::Client;
use aliyun_iot::create_ota_firmware::FirmwareFileInput;
use aliyun_iot::generate_ota_upload_url::FileSuffix;
use aliyun_iot::types::{
    DownloadProtocol, FirmwareType, GroupType, OtaTag, SelectionType, SignMethod, TargetSelection,
    TaskStatus,
};
use aliyun_runtime::{Error, Method};
use common::{
    KEY_ID, RecordedExt as _, SECRET, SignatureVersion, TestResult, VERSIONS, client_for,
    client_with, config_for, owned,
};
use test_support::{Reply, Server};

const INSTANCE_ID: &str = "iot_instc_pu****_c*-v64********";
const FIRMWARE_ID: &str = "UfuxnwygsuSkVE0VCN****0100";
const JOB_ID: &str = "HvKuBpuk3rdk6E92CP****0200";
const PRODUCT_KEY: &str = "a19mzPZ****";
const API_VERSION: &str = "2018-01-20";

macro_rules! sample {
    ($action:literal) => {
        include_bytes!(concat!("../../../spec/iot/samples/", $action, ".doc.json")).as_slice()
    };
}

/// What one call must put on the wire.
struct Expected<'a> {
    action: &'a str,
    method: &'a str,
    /// The operation's own parameters (the common ones left out), in any order.
    params: &'a [(&'a str, &'a str)],
}

/// The request ID of a JSON reply body (its envelope key matched without regard to case, as
/// one documented sample writes `requestId`).
fn body_request_id(body: &[u8]) -> String {
    let value: serde_json::Value = serde_json::from_slice(body).expect("a JSON body");
    value
        .as_object()
        .expect("a JSON object")
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case("RequestId"))
        .and_then(|(_, id)| id.as_str())
        .expect("a RequestId")
        .to_owned()
}

/// An envelope-only success body, for the operations whose documentation has no sample.
fn envelope_only(action: &str) -> Vec<u8> {
    serde_json::json!({ "RequestId": format!("ENVELOPE-ONLY-{action}"), "Success": true })
        .to_string()
        .into_bytes()
}

/// Sends one call (`send`, with a client of the default configuration, POST and JSON, signing
/// with each version in turn) to a server that answers `body`, checks the one request it
/// received against `expected` and the reply's request ID against the body's, and returns the
/// last reply (V3's).
async fn check<T, Fut>(
    expected: Expected<'_>,
    body: &[u8],
    send: impl Fn(Client) -> Fut,
) -> Result<T, Box<dyn std::error::Error>>
where
    T: aliyun_runtime::wire::Reply,
    Fut: Future<Output = Result<T, Error>>,
{
    let mut last = None;
    for version in VERSIONS {
        let action = format!("{} ({version})", expected.action);
        let server = Server::scripted(vec![Reply::json(200, body)]);
        let reply = send(client_with(&server, version)?).await?;
        assert_eq!(reply.request_id(), body_request_id(body), "{action}");

        let requests = server.requests();
        assert_eq!(requests.len(), 1, "{action}: one request");
        let request = &requests[0];
        assert_eq!(request.method, expected.method, "{action}: HTTP method");
        assert!(request.body.is_empty(), "{action}: a body");
        assert_eq!(
            request.action(version).as_deref(),
            Some(expected.action),
            "{action}"
        );
        assert_eq!(
            request.api_version(version).as_deref(),
            Some(API_VERSION),
            "{action}"
        );
        // V1 asks for JSON; V3 gets JSON without asking.
        let format = (version == SignatureVersion::V1).then_some("JSON");
        assert_eq!(request.param("Format").as_deref(), format, "{action}");
        common::assert_signed(request, version, KEY_ID, SECRET);

        let mut want = owned(expected.params);
        want.sort();
        assert_eq!(
            request.operation_params(version),
            want,
            "{action}: operation parameters of {}",
            request.raw_query()
        );
        last = Some(reply);
    }
    Ok(last.expect("at least one version"))
}

fn tag(key: &str, value: &str) -> OtaTag {
    let mut tag = OtaTag::default();
    tag.key = Some(key.to_owned());
    tag.value = Some(value.to_owned());
    tag
}

fn file(name: &str, url: &str, size: i64, sign_value: &str, md5: &str) -> FirmwareFileInput {
    let mut file = FirmwareFileInput::default();
    file.name = name.to_owned();
    file.url = url.to_owned();
    file.size = Some(size);
    file.sign_value = Some(sign_value.to_owned());
    file.file_md5 = Some(md5.to_owned());
    file
}

// ---------------------------------------------------------------------------------------------
// One test per operation, in file-name order
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn cancel_ota_strategy_by_job() -> TestResult {
    check(
        Expected {
            action: "CancelOTAStrategyByJob",
            method: "POST",
            params: &[("JobId", JOB_ID), ("IotInstanceId", INSTANCE_ID)],
        },
        sample!("CancelOTAStrategyByJob"),
        |client| async move {
            client
                .cancel_ota_strategy_by_job()
                .job_id(JOB_ID)
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn cancel_ota_task_by_device() -> TestResult {
    check(
        Expected {
            action: "CancelOTATaskByDevice",
            method: "POST",
            params: &[
                ("FirmwareId", FIRMWARE_ID),
                ("ProductKey", PRODUCT_KEY),
                ("DeviceName.1", "dev-1"),
                ("DeviceName.2", "dev-2"),
                ("JobId", JOB_ID),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        sample!("CancelOTATaskByDevice"),
        |client| async move {
            client
                .cancel_ota_task_by_device()
                .firmware_id(FIRMWARE_ID)
                .product_key(PRODUCT_KEY)
                .device_name("dev-1")
                .device_name("dev-2")
                .job_id(JOB_ID)
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn cancel_ota_task_by_job() -> TestResult {
    check(
        Expected {
            action: "CancelOTATaskByJob",
            method: "POST",
            params: &[
                ("JobId", JOB_ID),
                ("CancelScheduledTask", "false"),
                ("CancelQueuedTask", "true"),
                ("CancelNotifiedTask", "true"),
                ("CancelInProgressTask", "false"),
                ("CancelUnconfirmedTask", "true"),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        sample!("CancelOTATaskByJob"),
        |client| async move {
            client
                .cancel_ota_task_by_job()
                .job_id(JOB_ID)
                .cancel_scheduled_task(false)
                .cancel_queued_task(true)
                .cancel_notified_task(true)
                .cancel_in_progress_task(false)
                .cancel_unconfirmed_task(true)
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn confirm_ota_task() -> TestResult {
    check(
        Expected {
            action: "ConfirmOTATask",
            method: "POST",
            params: &[
                ("TaskId.1", "y3tOmCDNgpR8F9jnVEzC01****"),
                ("TaskId.2", "ZS9sNBb1ahsu6khqr9II01****"),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        sample!("ConfirmOTATask"),
        |client| async move {
            client
                .confirm_ota_task()
                .task_id("y3tOmCDNgpR8F9jnVEzC01****")
                .task_id("ZS9sNBb1ahsu6khqr9II01****")
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn create_ota_dynamic_upgrade_job() -> TestResult {
    let reply = check(
        Expected {
            action: "CreateOTADynamicUpgradeJob",
            method: "POST",
            params: &[
                ("FirmwareId", FIRMWARE_ID),
                ("ProductKey", PRODUCT_KEY),
                ("SrcVersion.1", "1.0.0"),
                ("SrcVersion.2", "1.0.1"),
                ("GroupId", "group-7"),
                ("GroupType", "LINK_PLATFORM_DYNAMIC"),
                ("DynamicMode", "2"),
                ("RetryInterval", "60"),
                ("RetryCount", "5"),
                ("TimeoutInMinutes", "1440"),
                ("MaximumPerMinute", "1000"),
                ("OverwriteMode", "1"),
                ("MultiModuleMode", "false"),
                ("NeedConfirm", "true"),
                ("NeedPush", "false"),
                ("DownloadProtocol", "MQTT"),
                ("Tag.1.Key", "env"),
                ("Tag.1.Value", "prod"),
                ("Tag.2.Key", "team"),
                ("Tag.2.Value", "ota core"),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        sample!("CreateOTADynamicUpgradeJob"),
        |client| async move {
            client
                .create_ota_dynamic_upgrade_job()
                .firmware_id(FIRMWARE_ID)
                .product_key(PRODUCT_KEY)
                .src_version("1.0.0")
                .src_version("1.0.1")
                .group_id("group-7")
                .group_type(GroupType::LinkPlatformDynamic)
                .dynamic_mode(2)
                .retry_interval(60)
                .retry_count(5)
                .timeout_in_minutes(1440)
                .maximum_per_minute(1000)
                .overwrite_mode(1)
                .multi_module_mode(false)
                .need_confirm(true)
                .need_push(false)
                .download_protocol(DownloadProtocol::Mqtt)
                .tag(tag("env", "prod"))
                .tag(tag("team", "ota core"))
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    let data = reply.data.expect("Data");
    assert_eq!(data.job_id.as_deref(), Some("XUbmsMHmkqv0PiAG****010001"));
    assert_eq!(data.utc_create, Some("2019-05-10T02:18:53Z".parse()?));
    Ok(())
}

#[tokio::test]
async fn create_ota_firmware() -> TestResult {
    let reply = check(
        Expected {
            action: "CreateOTAFirmware",
            method: "POST",
            params: &[
                ("DestVersion", "4.0.0"),
                ("FirmwareName", "t3q5rkNm"),
                ("FirmwareUrl", "https://oss.example/ota/whole.bin"),
                ("MultiFiles.1.Name", "part-a"),
                ("MultiFiles.1.Url", "https://oss.example/ota/a.bin"),
                ("MultiFiles.1.Size", "1024"),
                ("MultiFiles.1.SignValue", "sig-a"),
                ("MultiFiles.1.FileMd5", "md5-a"),
                ("MultiFiles.2.Name", "part-b"),
                ("MultiFiles.2.Url", "https://oss.example/ota/b.bin"),
                ("MultiFiles.2.Size", "2048"),
                ("MultiFiles.2.SignValue", "sig-b"),
                ("MultiFiles.2.FileMd5", "md5-b"),
                ("ProductKey", PRODUCT_KEY),
                ("FirmwareDesc", "a delta package: 中文 & more"),
                ("FirmwareSign", "3d04ab6462633508606e5f3daac8****"),
                ("FirmwareSize", "924"),
                ("SignMethod", "SHA256"),
                ("Type", "1"),
                ("SrcVersion", "3.9.0"),
                ("ModuleName", "WifiConfigModify"),
                ("NeedToVerify", "false"),
                ("Udi", r#"{"ota_notice":"x"}"#),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        sample!("CreateOTAFirmware"),
        |client| async move {
            client
                .create_ota_firmware()
                .dest_version("4.0.0")
                .firmware_name("t3q5rkNm")
                .firmware_url("https://oss.example/ota/whole.bin")
                .multi_files(file(
                    "part-a",
                    "https://oss.example/ota/a.bin",
                    1024,
                    "sig-a",
                    "md5-a",
                ))
                .multi_files(file(
                    "part-b",
                    "https://oss.example/ota/b.bin",
                    2048,
                    "sig-b",
                    "md5-b",
                ))
                .product_key(PRODUCT_KEY)
                .firmware_desc("a delta package: 中文 & more")
                .firmware_sign("3d04ab6462633508606e5f3daac8****")
                .firmware_size(924)
                .sign_method(SignMethod::Sha256)
                .r#type(FirmwareType::Delta)
                .src_version("3.9.0")
                .module_name("WifiConfigModify")
                .need_to_verify(false)
                .udi(r#"{"ota_notice":"x"}"#)
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    let data = reply.data.expect("Data");
    assert_eq!(
        data.firmware_id.as_deref(),
        Some("s8SSHiKjpBfrM3BSN0z803****")
    );
    assert_eq!(data.utc_create, Some("2019-11-04T06:21:54.607Z".parse()?));
    Ok(())
}

#[tokio::test]
async fn create_ota_module() -> TestResult {
    check(
        Expected {
            action: "CreateOTAModule",
            method: "POST",
            params: &[
                ("ProductKey", PRODUCT_KEY),
                ("ModuleName", "barcodeScanner"),
                ("AliasName", "Barcode_scanner"),
                ("Desc", "The barcode scanner's firmware."),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        sample!("CreateOTAModule"),
        |client| async move {
            client
                .create_ota_module()
                .product_key(PRODUCT_KEY)
                .module_name("barcodeScanner")
                .alias_name("Barcode_scanner")
                .desc("The barcode scanner's firmware.")
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn create_ota_static_upgrade_job() -> TestResult {
    let reply = check(
        Expected {
            action: "CreateOTAStaticUpgradeJob",
            method: "POST",
            params: &[
                ("FirmwareId", FIRMWARE_ID),
                ("ProductKey", PRODUCT_KEY),
                ("TargetSelection", "SPECIFIC"),
                ("SrcVersion.1", "1.0.0"),
                ("SrcVersion.2", "1.0.1"),
                ("TargetDeviceName.1", "dev-1"),
                ("TargetDeviceName.2", "dev-2"),
                ("DnListFileUrl", "https://oss.example/ota/devices.csv"),
                ("GrayPercent", "33.33"),
                ("GroupId", "group-3"),
                ("GroupType", "LINK_PLATFORM"),
                ("ScheduleTime", "1577836800000"),
                ("ScheduleFinishTime", "1577923200000"),
                ("RetryInterval", "10"),
                ("RetryCount", "2"),
                ("TimeoutInMinutes", "30"),
                ("MaximumPerMinute", "500"),
                ("OverwriteMode", "2"),
                ("MultiModuleMode", "true"),
                ("NeedConfirm", "false"),
                ("NeedPush", "true"),
                ("DownloadProtocol", "HTTPS"),
                ("Tag.1.Key", "env"),
                ("Tag.1.Value", "prod"),
                ("Tag.2.Key", "wave"),
                ("Tag.2.Value", "2"),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        sample!("CreateOTAStaticUpgradeJob"),
        |client| async move {
            client
                .create_ota_static_upgrade_job()
                .firmware_id(FIRMWARE_ID)
                .product_key(PRODUCT_KEY)
                .target_selection(TargetSelection::Specific)
                .src_version("1.0.0")
                .src_version("1.0.1")
                .target_device_name("dev-1")
                .target_device_name("dev-2")
                .dn_list_file_url("https://oss.example/ota/devices.csv")
                .gray_percent("33.33")
                .group_id("group-3")
                .group_type(GroupType::LinkPlatform)
                .schedule_time(1_577_836_800_000)
                .schedule_finish_time(1_577_923_200_000)
                .retry_interval(10)
                .retry_count(2)
                .timeout_in_minutes(30)
                .maximum_per_minute(500)
                .overwrite_mode(2)
                .multi_module_mode(true)
                .need_confirm(false)
                .need_push(true)
                .download_protocol(DownloadProtocol::Https)
                .tag(tag("env", "prod"))
                .tag(tag("wave", "2"))
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    let data = reply.data.expect("Data");
    assert_eq!(data.job_id.as_deref(), Some("wahVIzGkCMuAUE2gDERM02****"));
    Ok(())
}

#[tokio::test]
async fn create_ota_verify_job() -> TestResult {
    let reply = check(
        Expected {
            action: "CreateOTAVerifyJob",
            method: "POST",
            params: &[
                ("FirmwareId", FIRMWARE_ID),
                ("ProductKey", PRODUCT_KEY),
                ("TargetDeviceName.1", "dev-1"),
                ("TargetDeviceName.2", "dev-2"),
                ("TimeoutInMinutes", "5"),
                ("NeedConfirm", "true"),
                ("NeedPush", "false"),
                ("DownloadProtocol", "MQTT"),
                ("Tag.1.Key", "env"),
                ("Tag.1.Value", "prod"),
                ("Tag.2.Key", "owner"),
                ("Tag.2.Value", "qa"),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        sample!("CreateOTAVerifyJob"),
        |client| async move {
            client
                .create_ota_verify_job()
                .firmware_id(FIRMWARE_ID)
                .product_key(PRODUCT_KEY)
                .target_device_name("dev-1")
                .target_device_name("dev-2")
                .timeout_in_minutes(5)
                .need_confirm(true)
                .need_push(false)
                .download_protocol(DownloadProtocol::Mqtt)
                .tag(tag("env", "prod"))
                .tag(tag("owner", "qa"))
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    let data = reply.data.expect("Data");
    assert_eq!(data.job_id.as_deref(), Some("wahVIzGkCMuAUE2gDERM02****"));
    assert_eq!(data.utc_create, Some("2019-11-04T06:22:19.566Z".parse()?));
    Ok(())
}

#[tokio::test]
async fn delete_ota_firmware() -> TestResult {
    check(
        Expected {
            action: "DeleteOTAFirmware",
            method: "POST",
            params: &[("FirmwareId", FIRMWARE_ID), ("IotInstanceId", INSTANCE_ID)],
        },
        sample!("DeleteOTAFirmware"),
        |client| async move {
            client
                .delete_ota_firmware()
                .firmware_id(FIRMWARE_ID)
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn delete_ota_module() -> TestResult {
    check(
        Expected {
            action: "DeleteOTAModule",
            method: "POST",
            params: &[
                ("ProductKey", PRODUCT_KEY),
                ("ModuleName", "barcodeScanner"),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        sample!("DeleteOTAModule"),
        |client| async move {
            client
                .delete_ota_module()
                .product_key(PRODUCT_KEY)
                .module_name("barcodeScanner")
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn generate_device_name_list_url() -> TestResult {
    let reply = check(
        Expected {
            action: "GenerateDeviceNameListURL",
            method: "POST",
            params: &[("IotInstanceId", INSTANCE_ID)],
        },
        sample!("GenerateDeviceNameListURL"),
        |client| async move {
            client
                .generate_device_name_list_url()
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    let data = reply.data.expect("Data");
    assert_eq!(
        data.file_url.as_deref(),
        Some(
            "https://iotx-ota.oss-cn-shanghai.aliyuncs.com/ota/65dfcda0473be29836dfde585472****/ck2nfzljo00023g7kysg0****.csv"
        )
    );
    assert_eq!(data.access_key_id.as_deref(), Some("cS8uRRy54Rsz****"));
    assert_eq!(
        data.signature.as_deref(),
        Some("v6lViO4FBvfquajQjg20K5hK****")
    );
    Ok(())
}

#[tokio::test]
async fn generate_ota_upload_url() -> TestResult {
    let reply = check(
        Expected {
            action: "GenerateOTAUploadURL",
            method: "POST",
            params: &[("FileSuffix", "tar.gz"), ("IotInstanceId", INSTANCE_ID)],
        },
        sample!("GenerateOTAUploadURL"),
        |client| async move {
            client
                .generate_ota_upload_url()
                .file_suffix(FileSuffix::TarGz)
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    let data = reply.data.expect("Data");
    assert_eq!(data.oss_access_key_id.as_deref(), Some("cS8uRRy54Rsz****"));
    assert_eq!(data.object_storage.as_deref(), Some("OSS"));
    Ok(())
}

#[tokio::test]
async fn list_ota_firmware() -> TestResult {
    let reply = check(
        Expected {
            action: "ListOTAFirmware",
            method: "POST",
            params: &[
                ("CurrentPage", "2"),
                ("PageSize", "50"),
                ("ProductKey", PRODUCT_KEY),
                ("DestVersion", "4.0.0"),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        sample!("ListOTAFirmware"),
        |client| async move {
            client
                .list_ota_firmware()
                .current_page(2)
                .page_size(50)
                .product_key(PRODUCT_KEY)
                .dest_version("4.0.0")
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    assert_eq!(
        (
            reply.current_page,
            reply.page_size,
            reply.page_count,
            reply.total
        ),
        (Some(1), Some(10), Some(1), Some(1))
    );
    assert_eq!(reply.firmwares.len(), 1);
    assert_eq!(
        reply.firmwares[0].firmware_name.as_deref(),
        Some("t3q5rkNm")
    );
    assert_eq!(reply.firmwares[0].r#type, Some(FirmwareType::Full));
    Ok(())
}

#[tokio::test]
async fn list_ota_job_by_device() -> TestResult {
    let reply = check(
        Expected {
            action: "ListOTAJobByDevice",
            method: "POST",
            params: &[
                ("FirmwareId", FIRMWARE_ID),
                ("ProductKey", PRODUCT_KEY),
                ("DeviceName", "newDevice"),
                ("CurrentPage", "3"),
                ("PageSize", "20"),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        sample!("ListOTAJobByDevice"),
        |client| async move {
            client
                .list_ota_job_by_device()
                .firmware_id(FIRMWARE_ID)
                .product_key(PRODUCT_KEY)
                .device_name("newDevice")
                .current_page(3)
                .page_size(20)
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    assert_eq!(reply.data.len(), 1);
    assert_eq!(
        reply.data[0].job_id.as_deref(),
        Some("HvKuBpuk3rdk6E92CPQN02****")
    );
    assert_eq!(
        reply.data[0].target_selection,
        Some(TargetSelection::Specific)
    );
    Ok(())
}

#[tokio::test]
async fn list_ota_job_by_firmware() -> TestResult {
    let reply = check(
        Expected {
            action: "ListOTAJobByFirmware",
            method: "POST",
            params: &[
                ("FirmwareId", FIRMWARE_ID),
                ("CurrentPage", "1"),
                ("PageSize", "200"),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        sample!("ListOTAJobByFirmware"),
        |client| async move {
            client
                .list_ota_job_by_firmware()
                .firmware_id(FIRMWARE_ID)
                .current_page(1)
                .page_size(200)
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    assert_eq!(reply.data.len(), 1);
    assert_eq!(reply.data[0].job_id.as_deref(), Some(JOB_ID));
    assert_eq!(reply.data[0].selection_type, Some(SelectionType::Static));
    Ok(())
}

#[tokio::test]
async fn list_ota_module_by_product() -> TestResult {
    // The service accepts GET only: GET although the client is configured for POST (the
    // default), and signed as GET (`check` verifies the signature with the method sent).
    let reply = check(
        Expected {
            action: "ListOTAModuleByProduct",
            method: "GET",
            params: &[
                ("ProductKey", "a1uctKe****"),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        sample!("ListOTAModuleByProduct"),
        |client| async move {
            client
                .list_ota_module_by_product()
                .product_key("a1uctKe****")
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    // The sample's `Data` is a single object: one module.
    assert_eq!(reply.data.len(), 1);
    assert_eq!(reply.data[0].module_name.as_deref(), Some("barcodeScanner"));
    assert_eq!(reply.data[0].alias_name.as_deref(), Some("Barcode_scanner"));
    Ok(())
}

#[tokio::test]
async fn list_ota_module_versions_by_device() -> TestResult {
    // Its documented sample writes the envelope in camel case (`requestId`, `success`).
    let reply = check(
        Expected {
            action: "ListOTAModuleVersionsByDevice",
            method: "POST",
            params: &[
                ("CurrentPage", "4"),
                ("PageSize", "15"),
                ("IotId", "QjIFT***000101"),
                ("ProductKey", "a14***S"),
                ("DeviceName", "newDevice"),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        sample!("ListOTAModuleVersionsByDevice"),
        |client| async move {
            client
                .list_ota_module_versions_by_device()
                .current_page(4)
                .page_size(15)
                .iot_id("QjIFT***000101")
                .product_key("a14***S")
                .device_name("newDevice")
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    assert_eq!(reply.request_id, "67AF7881-704C-40CC-B296-72F91380A117");
    assert_eq!(reply.data.len(), 1);
    assert_eq!(reply.data[0].module_version.as_deref(), Some("1.6940.1"));
    Ok(())
}

#[tokio::test]
async fn list_ota_task_by_job() -> TestResult {
    let reply = check(
        Expected {
            action: "ListOTATaskByJob",
            method: "POST",
            params: &[
                ("JobId", JOB_ID),
                ("CurrentPage", "2"),
                ("PageSize", "100"),
                ("TaskStatus", "IN_PROGRESS"),
                ("DeviceNames.1", "testDevice1"),
                ("DeviceNames.2", "testDevice2"),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        sample!("ListOTATaskByJob"),
        |client| async move {
            client
                .list_ota_task_by_job()
                .job_id(JOB_ID)
                .current_page(2)
                .page_size(100)
                .task_status(TaskStatus::InProgress)
                .device_names("testDevice1")
                .device_names("testDevice2")
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    let statuses: Vec<_> = reply.data.iter().map(|t| t.task_status.clone()).collect();
    assert_eq!(
        statuses,
        [Some(TaskStatus::Failed), Some(TaskStatus::Succeeded)]
    );
    Ok(())
}

#[tokio::test]
async fn list_ota_unfinished_task_by_device() -> TestResult {
    let body = envelope_only("ListOTAUnfinishedTaskByDevice");
    let reply = check(
        Expected {
            action: "ListOTAUnfinishedTaskByDevice",
            method: "POST",
            params: &[
                ("IotId", "SR8FiTu1R9tlUR2V1bmi00105****"),
                ("ProductKey", "a1GUfrM****"),
                ("DeviceName", "light"),
                ("ModuleName", "WifiConfigModify"),
                ("TaskStatus", "CONFIRM"),
                ("TaskStatusList.1", "QUEUED"),
                ("TaskStatusList.2", "NOTIFIED"),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        &body,
        |client| async move {
            client
                .list_ota_unfinished_task_by_device()
                .iot_id("SR8FiTu1R9tlUR2V1bmi00105****")
                .product_key("a1GUfrM****")
                .device_name("light")
                .module_name("WifiConfigModify")
                .task_status(TaskStatus::Confirm)
                .task_status_list(TaskStatus::Queued)
                .task_status_list(TaskStatus::Notified)
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    assert!(reply.data.is_empty());
    Ok(())
}

#[tokio::test]
async fn modify_ota_firmware() -> TestResult {
    let body = envelope_only("ModifyOTAFirmware");
    check(
        Expected {
            action: "ModifyOTAFirmware",
            method: "POST",
            params: &[
                ("FirmwareId", FIRMWARE_ID),
                ("ProductKey", PRODUCT_KEY),
                ("FirmwareName", "renamed-package"),
                ("FirmwareDesc", "new description"),
                ("FirmwareUdi", r#"{"ota_notice":"reboot after update"}"#),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        &body,
        |client| async move {
            client
                .modify_ota_firmware()
                .firmware_id(FIRMWARE_ID)
                .product_key(PRODUCT_KEY)
                .firmware_name("renamed-package")
                .firmware_desc("new description")
                .firmware_udi(r#"{"ota_notice":"reboot after update"}"#)
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn query_ota_firmware() -> TestResult {
    let reply = check(
        Expected {
            action: "QueryOTAFirmware",
            method: "POST",
            params: &[("FirmwareId", FIRMWARE_ID), ("IotInstanceId", INSTANCE_ID)],
        },
        sample!("QueryOTAFirmware"),
        |client| async move {
            client
                .query_ota_firmware()
                .firmware_id(FIRMWARE_ID)
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    let info = reply.firmware_info.expect("FirmwareInfo");
    assert_eq!(info.firmware_id.as_deref(), Some(FIRMWARE_ID));
    assert_eq!(info.firmware_size, Some(924));
    Ok(())
}

#[tokio::test]
async fn query_ota_job() -> TestResult {
    let reply = check(
        Expected {
            action: "QueryOTAJob",
            method: "POST",
            params: &[("JobId", JOB_ID), ("IotInstanceId", INSTANCE_ID)],
        },
        sample!("QueryOTAJob"),
        |client| async move {
            client
                .query_ota_job()
                .job_id(JOB_ID)
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    let job = reply.data.expect("Data");
    assert_eq!(job.job_id.as_deref(), Some(JOB_ID));
    assert_eq!(job.src_versions, ["1.0.0"]);
    assert_eq!(job.maximum_per_minute, Some(1000));
    assert_eq!(job.target_selection, Some(TargetSelection::Specific));
    Ok(())
}

#[tokio::test]
async fn reupgrade_ota_task() -> TestResult {
    check(
        Expected {
            action: "ReupgradeOTATask",
            method: "POST",
            params: &[
                ("JobId", JOB_ID),
                ("TaskId.1", "y3tOmCDNgpR8F9jnVEzC01****"),
                ("TaskId.2", "ZS9sNBb1ahsu6khqr9II01****"),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        sample!("ReupgradeOTATask"),
        |client| async move {
            client
                .reupgrade_ota_task()
                .job_id(JOB_ID)
                .task_id("y3tOmCDNgpR8F9jnVEzC01****")
                .task_id("ZS9sNBb1ahsu6khqr9II01****")
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn update_ota_job() -> TestResult {
    let body = envelope_only("UpdateOTAJob");
    check(
        Expected {
            action: "UpdateOTAJob",
            method: "POST",
            params: &[
                ("JobId", JOB_ID),
                ("MaximumPerMinute", "10000"),
                ("TargetSelection", "GRAY"),
                ("UpgradeType", "DYNAMIC"),
                // Plural `Tags`, unlike the create operations' `Tag`.
                ("Tags.1.Key", "env"),
                ("Tags.1.Value", "staging"),
                ("Tags.2.Key", "ring"),
                ("Tags.2.Value", "canary"),
                ("TimeoutInMinutes", "90"),
                ("SrcVersionList.1", "2.0.0"),
                ("SrcVersionList.2", "2.0.1"),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        &body,
        |client| async move {
            client
                .update_ota_job()
                .job_id(JOB_ID)
                .maximum_per_minute(10_000)
                .target_selection(TargetSelection::Gray)
                .upgrade_type(SelectionType::Dynamic)
                .tags(tag("env", "staging"))
                .tags(tag("ring", "canary"))
                .timeout_in_minutes(90)
                .src_version_list("2.0.0")
                .src_version_list("2.0.1")
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn update_ota_module() -> TestResult {
    check(
        Expected {
            action: "UpdateOTAModule",
            method: "POST",
            params: &[
                ("ProductKey", "a1uctKe****"),
                ("ModuleName", "barcodeScanner"),
                ("AliasName", "Barcode_scanner_v2"),
                (
                    "Desc",
                    "This module represents the firmware of the barcode scanner.",
                ),
                ("IotInstanceId", INSTANCE_ID),
            ],
        },
        sample!("UpdateOTAModule"),
        |client| async move {
            client
                .update_ota_module()
                .product_key("a1uctKe****")
                .module_name("barcodeScanner")
                .alias_name("Barcode_scanner_v2")
                .desc("This module represents the firmware of the barcode scanner.")
                .iot_instance_id(INSTANCE_ID)
                .send()
                .await
        },
    )
    .await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Across operations
// ---------------------------------------------------------------------------------------------

#[test]
fn every_operation_of_the_spec_has_a_test_here() {
    // A new operation file must come with its test above (named after it in snake case).
    let this_file = include_str!("operations_wire.rs");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../spec/iot/operations");
    let mut actions: Vec<String> = std::fs::read_dir(dir)
        .expect("spec/iot/operations")
        .map(|entry| entry.expect("a directory entry").file_name())
        .filter_map(|name| name.to_str()?.strip_suffix(".yaml").map(str::to_owned))
        .collect();
    actions.sort();
    assert_eq!(actions.len(), 26, "{actions:?}");
    for action in &actions {
        assert!(
            this_file.contains(&format!("action: \"{action}\",")),
            "no test sends {action}"
        );
    }
}

#[tokio::test]
async fn the_configured_method_is_used_when_the_operation_accepts_it() -> TestResult {
    for version in VERSIONS {
        the_configured_method_is_used_with(version).await?;
    }
    Ok(())
}

async fn the_configured_method_is_used_with(version: SignatureVersion) -> TestResult {
    let envelope = envelope_only("Any");
    let server = Server::scripted(vec![Reply::json(200, envelope)]);
    let client = Client::new(
        config_for(&server)?
            .method(Method::Get)
            .signature(version)
            .build()?,
    )?;
    // POST and GET: GET, as configured.
    client.query_ota_job().job_id(JOB_ID).send().await?;
    // GET only: GET.
    client
        .list_ota_module_by_product()
        .product_key(PRODUCT_KEY)
        .send()
        .await?;
    // POST only: POST, although GET is configured.
    client.confirm_ota_task().task_id("task-1").send().await?;
    client
        .create_ota_module()
        .product_key(PRODUCT_KEY)
        .module_name("m")
        .send()
        .await?;
    client
        .delete_ota_module()
        .product_key(PRODUCT_KEY)
        .module_name("m")
        .send()
        .await?;
    client
        .reupgrade_ota_task()
        .job_id(JOB_ID)
        .task_id("task-1")
        .send()
        .await?;
    client
        .update_ota_module()
        .product_key(PRODUCT_KEY)
        .module_name("m")
        .send()
        .await?;

    let sent: Vec<(String, String)> = server
        .requests()
        .iter()
        .map(|r| {
            common::assert_signed(r, version, KEY_ID, SECRET);
            (r.action(version).unwrap_or_default(), r.method.clone())
        })
        .collect();
    assert_eq!(
        sent,
        owned(&[
            ("QueryOTAJob", "GET"),
            ("ListOTAModuleByProduct", "GET"),
            ("ConfirmOTATask", "POST"),
            ("CreateOTAModule", "POST"),
            ("DeleteOTAModule", "POST"),
            ("ReupgradeOTATask", "POST"),
            ("UpdateOTAModule", "POST"),
        ]),
        "{version}"
    );
    Ok(())
}

#[tokio::test]
async fn unknown_enum_values_are_sent_unchanged() -> TestResult {
    for version in VERSIONS {
        unknown_enum_values_are_sent_unchanged_with(version).await?;
    }
    // A known value given as text is the known variant.
    assert_eq!(TaskStatus::from("QUEUED"), TaskStatus::Queued);
    assert_ne!(TaskStatus::from("PAUSED"), TaskStatus::Queued);
    Ok(())
}

async fn unknown_enum_values_are_sent_unchanged_with(version: SignatureVersion) -> TestResult {
    let body = envelope_only("Unknown");
    let server = Server::scripted(vec![Reply::json(200, body)]);
    let client = client_with(&server, version)?;
    client
        .create_ota_firmware()
        .dest_version("2.0.0")
        .firmware_name("fw")
        .firmware_url("https://oss.example/fw.bin")
        .r#type(FirmwareType::from(7))
        .sign_method(SignMethod::from("SM3"))
        .send()
        .await?;
    client
        .list_ota_unfinished_task_by_device()
        .iot_id("iot-1")
        .task_status_list(TaskStatus::from("PAUSED"))
        .task_status_list(TaskStatus::from("QUEUED"))
        .send()
        .await?;
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].operation_params(version),
        owned(&[
            ("DestVersion", "2.0.0"),
            ("FirmwareName", "fw"),
            ("FirmwareUrl", "https://oss.example/fw.bin"),
            ("SignMethod", "SM3"),
            ("Type", "7"),
        ]),
        "{version}"
    );
    assert_eq!(
        requests[1].operation_params(version),
        owned(&[
            ("IotId", "iot-1"),
            ("TaskStatusList.1", "PAUSED"),
            ("TaskStatusList.2", "QUEUED"),
        ]),
        "{version}"
    );
    Ok(())
}

#[tokio::test]
async fn unset_optional_parameters_and_empty_lists_are_left_out() -> TestResult {
    for version in VERSIONS {
        unset_optional_parameters_are_left_out_with(version).await?;
    }
    Ok(())
}

async fn unset_optional_parameters_are_left_out_with(version: SignatureVersion) -> TestResult {
    let body = envelope_only("CreateOTAStaticUpgradeJob");
    let server = Server::scripted(vec![Reply::json(200, body)]);
    let client = client_with(&server, version)?;
    client
        .create_ota_static_upgrade_job()
        .firmware_id(FIRMWARE_ID)
        .product_key(PRODUCT_KEY)
        .target_selection(TargetSelection::All)
        // Set, then cleared.
        .tag(tag("env", "prod"))
        .set_tag(None)
        .src_version("1.0.0")
        .set_src_version(Some(Vec::new()))
        .need_push(true)
        .set_need_push(None)
        .send()
        .await?;
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].operation_params(version),
        owned(&[
            ("FirmwareId", FIRMWARE_ID),
            ("ProductKey", PRODUCT_KEY),
            ("TargetSelection", "ALL"),
        ]),
        "{version}"
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Builds that are refused
// ---------------------------------------------------------------------------------------------

fn build_error(error: &Error) -> &aliyun_runtime::BuildError {
    match error {
        Error::Build(build) => build,
        other => panic!("expected a build error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_missing_required_list_is_a_build_error_and_sends_nothing() -> TestResult {
    let server = Server::scripted(vec![Reply::json(200, sample!("CreateOTAVerifyJob"))]);
    let client = client_for(&server)?;
    let verify_job = || {
        client
            .create_ota_verify_job()
            .firmware_id(FIRMWARE_ID)
            .product_key(PRODUCT_KEY)
            .need_push(true)
    };

    let error = verify_job()
        .send()
        .await
        .expect_err("TargetDeviceName is required");
    let build = build_error(&error);
    assert_eq!(build.operation, "CreateOTAVerifyJob");
    assert_eq!(build.parameter, "TargetDeviceName");
    assert_eq!(build.setter, "target_device_name");
    let display = error.to_string();
    assert!(display.contains("TargetDeviceName"), "{display}");
    assert!(!error.is_retryable());

    // An explicitly empty list is missing too, and so is one that was set and then cleared.
    for builder in [
        verify_job().set_target_device_name(Some(Vec::new())),
        verify_job()
            .target_device_name("dev-1")
            .set_target_device_name(None),
    ] {
        let error = builder.send().await.expect_err("an empty TargetDeviceName");
        assert_eq!(build_error(&error).parameter, "TargetDeviceName");
    }
    assert_eq!(server.count(), 0, "nothing is sent for a refused build");

    // The same builder with one device goes out.
    verify_job().target_device_name("dev-1").send().await?;
    assert_eq!(server.count(), 1);
    Ok(())
}

#[tokio::test]
async fn other_missing_required_parameters_are_named() -> TestResult {
    let server = Server::scripted(vec![Reply::json(200, envelope_only("Any"))]);
    let client = client_for(&server)?;
    let cases: [(Result<(), Error>, &str, &str, &str); 4] = [
        (
            client.confirm_ota_task().send().await.map(drop),
            "ConfirmOTATask",
            "TaskId",
            "task_id",
        ),
        (
            client
                .update_ota_job()
                .job_id(JOB_ID)
                .maximum_per_minute(100)
                .upgrade_type(SelectionType::Static)
                .send()
                .await
                .map(drop),
            "UpdateOTAJob",
            "TargetSelection",
            "target_selection",
        ),
        (
            client
                .list_ota_firmware()
                .current_page(1)
                .send()
                .await
                .map(drop),
            "ListOTAFirmware",
            "PageSize",
            "page_size",
        ),
        (
            client
                .reupgrade_ota_task()
                .task_id("task-1")
                .send()
                .await
                .map(drop),
            "ReupgradeOTATask",
            "JobId",
            "job_id",
        ),
    ];
    for (result, operation, parameter, setter) in cases {
        let error = result.expect_err(parameter);
        let build = build_error(&error);
        assert_eq!(
            (build.operation, build.parameter, build.setter),
            (operation, parameter, setter)
        );
    }
    assert_eq!(server.count(), 0);
    Ok(())
}
