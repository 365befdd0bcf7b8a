//! The generated dispatcher behind the gateway: every Action of the spec is routed to its
//! operation, each with the HTTP methods it accepts; operation parameters are decoded as the
//! generated server code reads them (`Missing<Name>`, `InvalidParameter`) before the operation
//! answers; throttling counts each operation apart, at its own quota.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

mod common;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use aliyun_iot::server::OPERATIONS;
use aliyun_iot::types::{DownloadProtocol, GroupType, OtaTag, SelectionType, TargetSelection};
use aliyun_iot::{
    cancel_ota_strategy_by_job, cancel_ota_task_by_device, cancel_ota_task_by_job,
    confirm_ota_task, create_ota_dynamic_upgrade_job, create_ota_firmware, create_ota_module,
    create_ota_static_upgrade_job, create_ota_verify_job, delete_ota_firmware, delete_ota_module,
    generate_device_name_list_url, generate_ota_upload_url, list_ota_firmware,
    list_ota_job_by_device, list_ota_job_by_firmware, list_ota_module_by_product,
    list_ota_module_versions_by_device, list_ota_task_by_job, list_ota_unfinished_task_by_device,
    modify_ota_firmware, query_ota_firmware, query_ota_job, reupgrade_ota_task, update_ota_job,
    update_ota_module,
};
use aliyun_iot_emulator::{EmulatorConfig, operation_quota};
use aliyun_runtime::wire::Format;
use aliyun_runtime::{Method, OperationInfo};
use common::{Call, ResponseExt as _, SEED_ID, start};
use test_support::Response;

/// The one operation the emulator implements (so far).
const IMPLEMENTED: &str = "QueryOTAFirmware";

/// The operations that accept POST only, and the one that accepts GET only (from the spec).
const POST_ONLY: [&str; 5] = [
    "ConfirmOTATask",
    "ReupgradeOTATask",
    "CreateOTAModule",
    "UpdateOTAModule",
    "DeleteOTAModule",
];
const GET_ONLY: &str = "ListOTAModuleByProduct";

const JOB: &str = "HvKuBpuk3rdk6E92CP****0200";
const PRODUCT_KEY: &str = "a1Le6d0****";

/// A correctly signed call of each of the 26 operations with only its required parameters,
/// written by the client's serializer (the inverse of what the emulator decodes), sent with
/// the first method the operation accepts.
fn one_call_of_each_operation() -> Vec<Call> {
    vec![
        Call::of(
            &cancel_ota_strategy_by_job::CancelOtaStrategyByJobInput::builder()
                .job_id(JOB)
                .build()
                .unwrap(),
        ),
        Call::of(
            &cancel_ota_task_by_device::CancelOtaTaskByDeviceInput::builder()
                .firmware_id(SEED_ID)
                .product_key(PRODUCT_KEY)
                .device_name("dev1")
                .device_name("dev2")
                .build()
                .unwrap(),
        ),
        Call::of(
            &cancel_ota_task_by_job::CancelOtaTaskByJobInput::builder()
                .job_id(JOB)
                .build()
                .unwrap(),
        ),
        Call::of(
            &confirm_ota_task::ConfirmOtaTaskInput::builder()
                .task_id("t1")
                .build()
                .unwrap(),
        ),
        Call::of(
            &create_ota_dynamic_upgrade_job::CreateOtaDynamicUpgradeJobInput::builder()
                .firmware_id(SEED_ID)
                .product_key(PRODUCT_KEY)
                .build()
                .unwrap(),
        ),
        Call::of(
            &create_ota_firmware::CreateOtaFirmwareInput::builder()
                .dest_version("2.0.0")
                .firmware_name("fw")
                .build()
                .unwrap(),
        ),
        Call::of(
            &create_ota_module::CreateOtaModuleInput::builder()
                .product_key(PRODUCT_KEY)
                .module_name("mcu")
                .build()
                .unwrap(),
        ),
        Call::of(
            &create_ota_static_upgrade_job::CreateOtaStaticUpgradeJobInput::builder()
                .firmware_id(SEED_ID)
                .product_key(PRODUCT_KEY)
                .target_selection(TargetSelection::All)
                .build()
                .unwrap(),
        ),
        Call::of(
            &create_ota_verify_job::CreateOtaVerifyJobInput::builder()
                .firmware_id(SEED_ID)
                .product_key(PRODUCT_KEY)
                .target_device_name("dev1")
                .build()
                .unwrap(),
        ),
        Call::of(
            &delete_ota_firmware::DeleteOtaFirmwareInput::builder()
                .firmware_id(SEED_ID)
                .build()
                .unwrap(),
        ),
        Call::of(
            &delete_ota_module::DeleteOtaModuleInput::builder()
                .product_key(PRODUCT_KEY)
                .module_name("mcu")
                .build()
                .unwrap(),
        ),
        Call::of(
            &generate_device_name_list_url::GenerateDeviceNameListUrlInput::builder()
                .build()
                .unwrap(),
        ),
        Call::of(
            &generate_ota_upload_url::GenerateOtaUploadUrlInput::builder()
                .build()
                .unwrap(),
        ),
        Call::of(
            &list_ota_firmware::ListOtaFirmwareInput::builder()
                .current_page(1)
                .page_size(10)
                .build()
                .unwrap(),
        ),
        Call::of(
            &list_ota_job_by_device::ListOtaJobByDeviceInput::builder()
                .firmware_id(SEED_ID)
                .product_key(PRODUCT_KEY)
                .device_name("dev1")
                .current_page(1)
                .page_size(10)
                .build()
                .unwrap(),
        ),
        Call::of(
            &list_ota_job_by_firmware::ListOtaJobByFirmwareInput::builder()
                .firmware_id(SEED_ID)
                .current_page(1)
                .page_size(10)
                .build()
                .unwrap(),
        ),
        Call::of(
            &list_ota_module_by_product::ListOtaModuleByProductInput::builder()
                .product_key(PRODUCT_KEY)
                .build()
                .unwrap(),
        ),
        Call::of(
            &list_ota_module_versions_by_device::ListOtaModuleVersionsByDeviceInput::builder()
                .current_page(1)
                .page_size(10)
                .build()
                .unwrap(),
        ),
        Call::of(
            &list_ota_task_by_job::ListOtaTaskByJobInput::builder()
                .job_id(JOB)
                .build()
                .unwrap(),
        ),
        Call::of(
            &list_ota_unfinished_task_by_device::ListOtaUnfinishedTaskByDeviceInput::builder()
                .build()
                .unwrap(),
        ),
        Call::of(
            &modify_ota_firmware::ModifyOtaFirmwareInput::builder()
                .firmware_id(SEED_ID)
                .product_key(PRODUCT_KEY)
                .build()
                .unwrap(),
        ),
        Call::of(
            &query_ota_firmware::QueryOtaFirmwareInput::builder()
                .firmware_id(SEED_ID)
                .build()
                .unwrap(),
        ),
        Call::of(
            &query_ota_job::QueryOtaJobInput::builder()
                .job_id(JOB)
                .build()
                .unwrap(),
        ),
        Call::of(
            &reupgrade_ota_task::ReupgradeOtaTaskInput::builder()
                .job_id(JOB)
                .task_id("t1")
                .build()
                .unwrap(),
        ),
        Call::of(
            &update_ota_job::UpdateOtaJobInput::builder()
                .job_id(JOB)
                .maximum_per_minute(100)
                .target_selection(TargetSelection::Specific)
                .upgrade_type(SelectionType::Static)
                .build()
                .unwrap(),
        ),
        Call::of(
            &update_ota_module::UpdateOtaModuleInput::builder()
                .product_key(PRODUCT_KEY)
                .module_name("mcu")
                .build()
                .unwrap(),
        ),
    ]
}

/// The spec's facts about the call's operation.
fn info(call: &Call) -> &'static OperationInfo {
    let action = call.get("Action").expect("an Action");
    OPERATIONS
        .iter()
        .find(|info| info.action == action)
        .unwrap_or_else(|| panic!("{action} is not in OPERATIONS"))
}

fn method_name(method: Method) -> &'static str {
    match method {
        Method::Get => "GET",
        Method::Post => "POST",
        other => panic!("unexpected method {other:?}"),
    }
}

/// The HTTP methods `info`'s operation refuses.
fn refused_methods(info: &OperationInfo) -> Vec<&'static str> {
    ["GET", "POST"]
        .into_iter()
        .filter(|m| !info.methods.iter().any(|&a| method_name(a) == *m))
        .collect()
}

/// Sends the call in `format` with a fresh nonce: a POST with its parameters in the query
/// (JSON) or in a form body (XML), a GET in the query.
async fn send(call: &Call, format: &str, addr: std::net::SocketAddr) -> Response {
    let call = call.clone().set("Format", format).renew();
    if call.method == "POST" && format == "XML" {
        call.send_form(addr).await
    } else {
        call.send(addr).await
    }
}

fn format_of(name: &str) -> Format {
    Format::parse(name).expect("JSON or XML")
}

/// The answer of an operation that reached the service: HTTP 200 in the format asked for,
/// `Success` true or false (an in-band error for the made-up IDs these tests send), the
/// RequestId of the `x-acs-request-id` header, and for XML the `<Action>Response` root.
#[track_caller]
fn assert_served(reply: &Response, action: &str, format: &str) {
    assert_eq!(reply.status, 200, "{action}: {}", reply.text());
    assert_eq!(
        reply.format(),
        format_of(format),
        "{action}: {}",
        reply.text()
    );
    assert!(reply.success_flag().is_some(), "{action}: {}", reply.text());
    let id = reply
        .header("x-acs-request-id")
        .expect("a request ID header");
    assert!(reply.text().contains(id), "{action}: {}", reply.text());
    if format == "XML" {
        assert!(
            reply.text().starts_with(&format!("<{action}Response>"))
                || reply.text().contains(&format!("<{action}Response>")),
            "{action}: {}",
            reply.text()
        );
    }
}

#[test]
fn the_table_covers_every_operation_of_the_spec() {
    let calls = one_call_of_each_operation();
    assert_eq!(calls.len(), 26);
    assert_eq!(OPERATIONS.len(), 26);
    let called: BTreeSet<&str> = calls.iter().filter_map(|c| c.get("Action")).collect();
    let spec: BTreeSet<&str> = OPERATIONS.iter().map(|info| info.action).collect();
    assert_eq!(called, spec);
    // The methods, as the emulator is expected to enforce them.
    for info in &OPERATIONS {
        let methods: Vec<&str> = info.methods.iter().map(|&m| method_name(m)).collect();
        let expected: &[&str] = if POST_ONLY.contains(&info.action) {
            &["POST"]
        } else if info.action == GET_ONLY {
            &["GET"]
        } else {
            &["POST", "GET"]
        };
        assert_eq!(methods, expected, "{}", info.action);
        assert_eq!(
            operation_quota(info.action),
            Some(info.quota_per_second),
            "{}",
            info.action
        );
        assert!(info.quota_per_second > 0, "{}", info.action);
    }
}

#[tokio::test]
async fn every_action_is_routed_with_each_method_it_accepts() {
    // Throttling off: this test is about routing (throttling has its own tests below).
    let emu = start(EmulatorConfig::ephemeral().with_qps(0)).await;
    let addr = emu.addr();
    let mut served = BTreeSet::new();
    for call in one_call_of_each_operation() {
        let info = info(&call);
        let action = info.action;
        for &method in info.methods {
            let call = call.clone().method(method_name(method));
            for format in ["JSON", "XML"] {
                // The calls change the state (one deletes the seed package), so each is
                // only checked to have reached its operation.
                let reply = send(&call, format, addr).await;
                assert_served(&reply, action, format);
                served.insert(action);
            }
        }
    }
    assert_eq!(served.len(), 26, "{served:?}");
}

#[tokio::test]
async fn every_action_refuses_the_methods_it_does_not_accept() {
    let emu = start(EmulatorConfig::ephemeral().with_qps(0)).await;
    let addr = emu.addr();
    let mut refused = Vec::new();
    for call in one_call_of_each_operation() {
        let info = info(&call);
        for method in refused_methods(info) {
            // Correctly signed for the method it is sent with.
            let call = call.clone().method(method);
            for format in ["JSON", "XML"] {
                let reply = send(&call, format, addr).await;
                assert_eq!(reply.format(), format_of(format), "{}", info.action);
                let error = reply.expect_error(404, "InvalidAction.NotFound");
                assert_eq!(
                    error.message,
                    "Specified api is not found, please check your url and method."
                );
            }
            refused.push((info.action, method));
        }
    }
    refused.sort_unstable();
    let mut expected: Vec<(&str, &str)> = POST_ONLY.iter().map(|&a| (a, "GET")).collect();
    expected.push((GET_ONLY, "POST"));
    expected.sort_unstable();
    assert_eq!(refused, expected);
}

#[tokio::test]
async fn confirm_is_post_only_and_list_modules_get_only() {
    let emu = start(EmulatorConfig::ephemeral()).await;
    let addr = emu.addr();
    let confirm = Call::action("ConfirmOTATask", &[("TaskId.1".into(), "t1".into())]);
    let list_modules = Call::action(
        "ListOTAModuleByProduct",
        &[("ProductKey".into(), PRODUCT_KEY.into())],
    );
    for format in ["JSON", "XML"] {
        let confirm = confirm.clone().set("Format", format).renew();
        let list_modules = list_modules.clone().set("Format", format).renew();
        // GET ConfirmOTATask: no such API.
        confirm
            .clone()
            .method("GET")
            .send(addr)
            .await
            .expect_error(404, "InvalidAction.NotFound");
        // POST ConfirmOTATask (query or form body): reaches the service.
        let reply = confirm.clone().method("POST").send(addr).await;
        assert_served(&reply, "ConfirmOTATask", format);
        let reply = confirm.clone().renew().method("POST").send_form(addr).await;
        assert_served(&reply, "ConfirmOTATask", format);
        // POST ListOTAModuleByProduct, in the query or a form body: no such API.
        list_modules
            .clone()
            .method("POST")
            .send(addr)
            .await
            .expect_error(404, "InvalidAction.NotFound");
        list_modules
            .clone()
            .method("POST")
            .send_form(addr)
            .await
            .expect_error(404, "InvalidAction.NotFound");
        // GET ListOTAModuleByProduct: reaches the service.
        let reply = list_modules.clone().method("GET").send(addr).await;
        assert_served(&reply, "ListOTAModuleByProduct", format);
    }
    // The method is checked before the signature: a GET signed as a POST is still refused as
    // an unknown API, not as a bad signature.
    let mut call = confirm.clone().method("GET");
    call.sign_method = Some("POST");
    call.send(addr)
        .await
        .expect_error(404, "InvalidAction.NotFound");
}

#[tokio::test]
async fn missing_firmware_id_in_both_formats() {
    let emu = start(EmulatorConfig::ephemeral()).await;
    let addr = emu.addr();
    for format in ["JSON", "XML"] {
        for call in [
            Call::new(SEED_ID).without("FirmwareId"),
            Call::new(SEED_ID).set("FirmwareId", ""),
            Call::new(SEED_ID).without("FirmwareId").method("POST"),
        ] {
            let reply = if call.method == "POST" {
                call.set("Format", format).send_form(addr).await
            } else {
                call.set("Format", format).send(addr).await
            };
            assert_eq!(reply.format(), format_of(format));
            let error = reply.expect_error(400, "MissingFirmwareId");
            assert_eq!(error.message, "FirmwareId is mandatory for this action.");
            if format == "XML" {
                let text = reply.text();
                assert!(text.contains("<Code>MissingFirmwareId</Code>"), "{text}");
                assert!(
                    text.contains("<Message>FirmwareId is mandatory for this action.</Message>"),
                    "{text}"
                );
            }
        }
    }
    // A parameter of another operation does not stand in for it.
    Call::new(SEED_ID)
        .without("FirmwareId")
        .set("JobId", JOB)
        .send(addr)
        .await
        .expect_error(400, "MissingFirmwareId");
}

#[tokio::test]
async fn every_required_parameter_of_every_operation_is_named_when_missing() {
    let emu = start(EmulatorConfig::ephemeral().with_qps(0)).await;
    let addr = emu.addr();
    let common: BTreeSet<String> = Call::action("X", &[])
        .params
        .iter()
        .map(|(n, _)| n.clone())
        .collect();
    let mut checked = 0;
    for call in one_call_of_each_operation() {
        let action = info(&call).action;
        // The operation's own parameters: the table sets the required ones only. A list is
        // named by its prefix (`TaskId.1` → `TaskId`).
        let names: BTreeSet<String> = call
            .params
            .iter()
            .map(|(n, _)| n.split('.').next().unwrap_or_default().to_owned())
            .filter(|n| !common.contains(n))
            .collect();
        for name in names {
            let mut without = call.clone();
            without
                .params
                .retain(|(n, _)| n != &name && !n.starts_with(&format!("{name}.")));
            for format in ["JSON", "XML"] {
                let reply = send(&without, format, addr).await;
                let error = reply.expect_error(400, &format!("Missing{name}"));
                assert_eq!(
                    error.message,
                    format!("{name} is mandatory for this action."),
                    "{action}"
                );
            }
            checked += 1;
        }
    }
    // Every required parameter of the spec: the table sets no optional one (removing it would
    // not give `Missing<Name>`) and misses no required one (the routing test would see it).
    assert_eq!(checked, 47);
}

#[tokio::test]
async fn a_list_with_a_gap_is_an_invalid_parameter() {
    let emu = start(EmulatorConfig::ephemeral()).await;
    let addr = emu.addr();
    let pairs = |items: &[(&str, &str)]| -> Vec<(String, String)> {
        items
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    };
    for format in ["JSON", "XML"] {
        let gap = Call::action(
            "ConfirmOTATask",
            &pairs(&[("TaskId.1", "t1"), ("TaskId.3", "t3")]),
        )
        .method("POST")
        .set("Format", format);
        let reply = gap.send(addr).await;
        assert_eq!(reply.format(), format_of(format));
        let error = reply.expect_error(400, "InvalidParameter");
        assert!(error.message.contains("TaskId.3"), "{}", error.message);
        assert!(error.message.contains("TaskId.2"), "{}", error.message);
        // The same in a form body.
        gap.renew()
            .send_form(addr)
            .await
            .expect_error(400, "InvalidParameter");
        // A list numbered from 0, or with an index that is not a number.
        for stray in ["TaskId.0", "TaskId.x"] {
            Call::action(
                "ConfirmOTATask",
                &pairs(&[("TaskId.1", "t1"), (stray, "t")]),
            )
            .method("POST")
            .set("Format", format)
            .send(addr)
            .await
            .expect_error(400, "InvalidParameter");
        }
        // Without the gap, the call reaches the service.
        let reply = Call::action(
            "ConfirmOTATask",
            &pairs(&[("TaskId.1", "t1"), ("TaskId.2", "t2"), ("TaskId.3", "t3")]),
        )
        .method("POST")
        .set("Format", format)
        .send(addr)
        .await;
        assert_served(&reply, "ConfirmOTATask", format);
    }
}

#[tokio::test]
async fn a_number_or_a_boolean_that_does_not_parse_is_an_invalid_parameter() {
    let emu = start(EmulatorConfig::ephemeral()).await;
    let addr = emu.addr();
    let list = |page_size: &str| {
        Call::action(
            "ListOTAFirmware",
            &[
                ("CurrentPage".into(), "1".into()),
                ("PageSize".into(), page_size.into()),
            ],
        )
    };
    for format in ["JSON", "XML"] {
        for bad in ["ten", "1.5", "0x10", "99999999999999999999"] {
            let reply = list(bad).set("Format", format).send(addr).await;
            assert_eq!(reply.format(), format_of(format));
            let error = reply.expect_error(400, "InvalidParameter");
            assert!(
                error.message.contains("PageSize"),
                "{bad}: {}",
                error.message
            );
        }
        let reply = list("10").set("Format", format).send(addr).await;
        assert_served(&reply, "ListOTAFirmware", format);
    }
    // A boolean is `true` or `false`, in any letter case.
    let cancel = |value: &str| {
        Call::action(
            "CancelOTATaskByJob",
            &[
                ("JobId".into(), JOB.into()),
                ("CancelScheduledTask".into(), value.into()),
            ],
        )
    };
    let error = cancel("maybe")
        .send(addr)
        .await
        .expect_error(400, "InvalidParameter");
    assert!(
        error.message.contains("CancelScheduledTask"),
        "{}",
        error.message
    );
    let reply = cancel("True").send(addr).await;
    assert_served(&reply, "CancelOTATaskByJob", "JSON");
}

#[tokio::test]
async fn optional_parameters_as_the_client_writes_them_are_read() {
    let emu = start(EmulatorConfig::ephemeral()).await;
    let addr = emu.addr();
    let tag = |key: &str, value: &str| {
        let mut tag = OtaTag::default();
        tag.key = Some(key.to_owned());
        tag.value = Some(value.to_owned());
        tag
    };
    let input = create_ota_static_upgrade_job::CreateOtaStaticUpgradeJobInput::builder()
        .firmware_id(SEED_ID)
        .product_key(PRODUCT_KEY)
        .target_selection(TargetSelection::Specific)
        .src_version("1.0.0")
        .src_version("1.0.1")
        .target_device_name("dev1")
        .target_device_name("dev2")
        .gray_percent("33.33")
        .group_type(GroupType::from_value(GroupType::values()[0]))
        .schedule_time(1_700_000_000_000)
        .retry_interval(60)
        .retry_count(3)
        .overwrite_mode(2)
        .multi_module_mode(true)
        .need_confirm(false)
        .need_push(true)
        .download_protocol(DownloadProtocol::Mqtt)
        .tag(tag("env", "prod"))
        .tag(tag("team", "a b&c=d"))
        .build()
        .unwrap();
    let call = Call::of(&input);
    assert!(call.get("Tag.2.Value").is_some() && call.get("TargetDeviceName.2").is_some());
    for format in ["JSON", "XML"] {
        let reply = send(&call, format, addr).await;
        assert_served(&reply, "CreateOTAStaticUpgradeJob", format);
    }
    // A list of structures with a gap in it is refused like a list of strings.
    let gap = call
        .clone()
        .renew()
        .without("Tag.2.Key")
        .without("Tag.2.Value")
        .set("Tag.3.Key", "late");
    gap.send(addr).await.expect_error(400, "InvalidParameter");
}

#[tokio::test]
async fn throttling_counts_each_operation_apart() {
    let emu = start(EmulatorConfig::ephemeral().with_qps(2)).await;
    let addr = emu.addr();
    let list = || {
        Call::action(
            "ListOTAFirmware",
            &[
                ("CurrentPage".into(), "1".into()),
                ("PageSize".into(), "10".into()),
            ],
        )
    };
    let started = Instant::now();
    let mut replies = Vec::new();
    for _ in 0..2 {
        replies.push(("QueryOTAFirmware", Call::new(SEED_ID).send(addr).await));
        replies.push(("ListOTAFirmware", list().send(addr).await));
    }
    let third_query = Call::new(SEED_ID).send(addr).await;
    let third_list = list().send(addr).await;
    let elapsed = started.elapsed();
    // The first two of each passed the throttle: the implemented one succeeded, the other
    // reached the service.
    for (action, reply) in &replies {
        if *action == IMPLEMENTED {
            reply.response();
        } else {
            assert_served(reply, action, "JSON");
        }
    }
    // (On a machine so slow that these calls take a second, the window moved on.)
    if elapsed < Duration::from_millis(900) {
        for reply in [&third_query, &third_list] {
            let error = reply.expect_error(400, "Throttling.User");
            assert!(error.is_throttling());
        }
    }
    // A second later both quotas are back.
    tokio::time::sleep(Duration::from_millis(1050)).await;
    Call::new(SEED_ID).send(addr).await.response();
    assert_served(&list().send(addr).await, "ListOTAFirmware", "JSON");
}

#[tokio::test]
async fn by_default_each_operation_is_throttled_at_its_own_quota() {
    let emu = start(EmulatorConfig::ephemeral()).await;
    let addr = emu.addr();
    let quota = operation_quota("CancelOTATaskByJob").expect("a known Action");
    assert_eq!(quota, 5);
    let query_quota = operation_quota(IMPLEMENTED).expect("a known Action");
    assert!(query_quota > quota + 1);
    assert_eq!(operation_quota("NoSuchAction"), None);
    let cancel = || Call::action("CancelOTATaskByJob", &[("JobId".into(), JOB.into())]);
    let started = Instant::now();
    // More QueryOTAFirmware calls than CancelOTATaskByJob's quota: they do not use up its
    // quota (nor do they reach their own).
    for _ in 0..=quota {
        Call::new(SEED_ID).send(addr).await.response();
    }
    for _ in 0..quota {
        assert_served(&cancel().send(addr).await, "CancelOTATaskByJob", "JSON");
    }
    let over = cancel().send(addr).await;
    // QueryOTAFirmware still has room at its own, higher quota.
    Call::new(SEED_ID).send(addr).await.response();
    // (On a machine so slow that these calls take a second, the window moved on.)
    if started.elapsed() < Duration::from_millis(900) {
        let error = over.expect_error(400, "Throttling.User");
        assert_eq!(
            error.message,
            "Request was denied due to request throttling."
        );
    }
}
