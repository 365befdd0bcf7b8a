//! `into_paginator()` against a scripted loopback server answering ListOTAFirmware and
//! ListOTAJobByFirmware pages in JSON: which pages are asked for, where the walk stops (page
//! count, total, empty page, a server that ignores the page number), the item stream, and an
//! error in the middle of a walk. The walks that check parameters run under both signature
//! versions; the others use the default (V3).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

mod common;

use std::pin::pin;
use std::time::Duration;

use aliyun_iot::Client;
use aliyun_runtime::{Error, RetryConfig};
use common::{
    RecordedExt as _, SignatureVersion, TestResult, VERSIONS, client_for, client_with, config_for,
    owned,
};
use futures_util::StreamExt as _;
use serde_json::{Value, json};
use test_support::{Recorded, Reply, Server};

const FIRMWARE_ID: &str = "UfuxnwygsuSkVE0VCN****0100";

/// Any walk here takes well under a second; a paginator that loops is stopped by this.
const WALK_LIMIT: Duration = Duration::from_secs(10);

/// The page a request asks for.
fn asked_page(request: &Recorded) -> i64 {
    request
        .param("CurrentPage")
        .expect("a CurrentPage parameter")
        .parse()
        .expect("a numeric CurrentPage")
}

/// The pages asked for, in order.
fn pages_asked(server: &Server) -> Vec<i64> {
    server.requests().iter().map(asked_page).collect()
}

/// The paging fields of a page; `None` leaves the field out.
struct Paging {
    current_page: Option<i64>,
    page_size: i64,
    page_count: Option<i64>,
    total: Option<i64>,
}

impl Paging {
    fn fields(&self, request_id: String) -> serde_json::Map<String, Value> {
        let mut fields = serde_json::Map::new();
        fields.insert("RequestId".into(), json!(request_id));
        fields.insert("Success".into(), json!(true));
        fields.insert("PageSize".into(), json!(self.page_size));
        for (name, value) in [
            ("CurrentPage", self.current_page),
            ("PageCount", self.page_count),
            ("Total", self.total),
        ] {
            if let Some(value) = value {
                fields.insert(name.into(), json!(value));
            }
        }
        fields
    }
}

/// A ListOTAFirmware page holding the packages `ids`.
fn firmware_page(paging: &Paging, ids: &[String]) -> Reply {
    let mut fields = paging.fields(format!("FW-PAGE-{:?}", paging.current_page));
    let items: Vec<Value> = ids
        .iter()
        .map(|id| json!({ "FirmwareId": id, "FirmwareName": format!("name of {id}"), "Status": 1 }))
        .collect();
    fields.insert(
        "FirmwareInfo".into(),
        json!({ "SimpleFirmwareInfo": items }),
    );
    Reply::json(200, Value::Object(fields).to_string())
}

/// A ListOTAJobByFirmware page holding the batches `ids`.
fn job_page(paging: &Paging, ids: &[String]) -> Reply {
    let mut fields = paging.fields(format!("JOB-PAGE-{:?}", paging.current_page));
    let items: Vec<Value> = ids
        .iter()
        .map(|id| json!({ "JobId": id, "FirmwareId": FIRMWARE_ID, "JobStatus": "COMPLETED" }))
        .collect();
    fields.insert("Data".into(), json!({ "SimpleOTAJobInfo": items }));
    Reply::json(200, Value::Object(fields).to_string())
}

/// `count` IDs of page `page` of pages of `size`: `fw-<page>-<n>`.
fn ids(prefix: &str, page: i64, size: i64, count: i64) -> Vec<String> {
    let first = (page - 1) * size + 1;
    (first..first + count)
        .map(|n| format!("{prefix}-{n}"))
        .collect()
}

fn firmware_ids(items: &[aliyun_iot::list_ota_firmware::SimpleFirmwareInfo]) -> Vec<String> {
    items
        .iter()
        .map(|item| item.firmware_id.clone().unwrap_or_default())
        .collect()
}

fn expected_ids(prefix: &str, count: i64) -> Vec<String> {
    (1..=count).map(|n| format!("{prefix}-{n}")).collect()
}

async fn list_all_firmware(client: &Client, page_size: i64) -> Result<Vec<String>, Error> {
    let paginator = client
        .list_ota_firmware()
        .page_size(page_size)
        .into_paginator()?;
    let items = tokio::time::timeout(WALK_LIMIT, paginator.collect_items())
        .await
        .expect("the paginator must stop")?;
    Ok(firmware_ids(&items))
}

#[tokio::test]
async fn follows_pages_until_the_page_count() -> TestResult {
    for version in VERSIONS {
        // Full pages of 2, as many as asked for, saying there are 3 pages (and no total).
        let server = Server::start(|_, request| {
            let page = asked_page(request);
            let paging = Paging {
                current_page: Some(page),
                page_size: 2,
                page_count: Some(3),
                total: None,
            };
            firmware_page(&paging, &ids("fw", page, 2, 2))
        });
        let client = client_with(&server, version)?;
        let items = list_all_firmware(&client, 2).await?;
        assert_eq!(items, expected_ids("fw", 6), "{version}");
        assert_eq!(pages_asked(&server), [1, 2, 3], "{version}");
        for (request, page) in server.requests().iter().zip(["1", "2", "3"]) {
            assert_eq!(request.action(version).as_deref(), Some("ListOTAFirmware"));
            common::assert_signed(request, version, common::KEY_ID, common::SECRET);
            assert_eq!(
                request.operation_params(version),
                owned(&[("CurrentPage", page), ("PageSize", "2")]),
                "{version}"
            );
        }
    }
    Ok(())
}

#[tokio::test]
async fn stops_when_the_total_is_reached() -> TestResult {
    // Full pages of 2 whatever the page, a total of 4 and no page count: two pages.
    let server = Server::start(|_, request| {
        let page = asked_page(request);
        let paging = Paging {
            current_page: Some(page),
            page_size: 2,
            page_count: None,
            total: Some(4),
        };
        firmware_page(&paging, &ids("fw", page, 2, 2))
    });
    let client = client_for(&server)?;
    let items = list_all_firmware(&client, 2).await?;
    assert_eq!(items, expected_ids("fw", 4));
    assert_eq!(pages_asked(&server), [1, 2]);
    Ok(())
}

#[tokio::test]
async fn stops_on_an_empty_page_when_total_and_page_count_are_absent() -> TestResult {
    // Two full pages, then an empty one; a fourth page would have items again.
    let server = Server::start(|_, request| {
        let page = asked_page(request);
        let paging = Paging {
            current_page: Some(page),
            page_size: 2,
            page_count: None,
            total: None,
        };
        let count = if page == 3 { 0 } else { 2 };
        firmware_page(&paging, &ids("fw", page, 2, count))
    });
    let client = client_for(&server)?;
    let mut paginator = client.list_ota_firmware().page_size(2).into_paginator()?;
    let mut sizes = Vec::new();
    while let Some(page) = tokio::time::timeout(WALK_LIMIT, paginator.next_page())
        .await
        .expect("the paginator must stop")
    {
        sizes.push(page?.firmwares.len());
    }
    assert_eq!(sizes, [2, 2, 0]);
    assert_eq!(pages_asked(&server), [1, 2, 3]);
    // Past the end, nothing more is asked for.
    assert!(paginator.next_page().await.is_none());
    assert_eq!(server.count(), 3);
    Ok(())
}

#[tokio::test]
async fn does_not_loop_when_the_server_repeats_page_one_numbered_one() -> TestResult {
    // Whatever page is asked for, the server answers page 1 (numbered 1) of 5.
    let server = Server::start(|_, _| {
        let paging = Paging {
            current_page: Some(1),
            page_size: 2,
            page_count: Some(5),
            total: Some(10),
        };
        firmware_page(&paging, &ids("fw", 1, 2, 2))
    });
    let client = client_for(&server)?;
    // A truncated walk is an error, not a short list that looks whole.
    let mut pages = client.list_ota_firmware().page_size(2).into_paginator()?;
    let first = pages.next_page().await.expect("page 1")?;
    assert_eq!(firmware_ids(&first.firmwares), expected_ids("fw", 2));
    match pages.next_page().await {
        Some(Err(Error::Pagination(message))) => {
            assert!(message.contains("when page 2 was asked for"), "{message}");
        }
        other => panic!("expected a pagination error, got {other:?}"),
    }
    assert!(pages.next_page().await.is_none(), "the walk has ended");
    assert!(matches!(
        list_all_firmware(&client, 2).await,
        Err(Error::Pagination(_))
    ));
    assert_eq!(
        pages_asked(&server),
        [1, 2, 1, 2],
        "one request past page 1 at most, per walk"
    );
    Ok(())
}

#[tokio::test]
async fn does_not_loop_when_the_server_repeats_page_one_unnumbered() -> TestResult {
    // No CurrentPage, PageCount or Total in the answer: the same full page every time.
    let server = Server::start(|_, _| {
        let paging = Paging {
            current_page: None,
            page_size: 2,
            page_count: None,
            total: None,
        };
        firmware_page(&paging, &ids("fw", 1, 2, 2))
    });
    let client = client_for(&server)?;
    // A truncated walk is an error, not a short list that looks whole.
    let mut pages = client.list_ota_firmware().page_size(2).into_paginator()?;
    let first = pages.next_page().await.expect("page 1")?;
    assert_eq!(firmware_ids(&first.firmwares), expected_ids("fw", 2));
    match pages.next_page().await {
        Some(Err(Error::Pagination(message))) => {
            assert!(message.contains("when page 2 was asked for"), "{message}");
        }
        other => panic!("expected a pagination error, got {other:?}"),
    }
    assert!(pages.next_page().await.is_none(), "the walk has ended");
    assert!(matches!(
        list_all_firmware(&client, 2).await,
        Err(Error::Pagination(_))
    ));
    assert_eq!(
        pages_asked(&server),
        [1, 2, 1, 2],
        "one request past page 1 at most, per walk"
    );
    Ok(())
}

#[tokio::test]
async fn the_item_stream_yields_every_item_across_pages_in_order() -> TestResult {
    // Five batches in pages of 2: 2, 2 and 1.
    let server = Server::start(|_, request| {
        let page = asked_page(request);
        let paging = Paging {
            current_page: Some(page),
            page_size: 2,
            page_count: Some(3),
            total: Some(5),
        };
        let count = match page {
            1 | 2 => 2,
            3 => 1,
            _ => 0,
        };
        job_page(&paging, &ids("job", page, 2, count))
    });
    let client = client_for(&server)?;
    let walk = || {
        client
            .list_ota_job_by_firmware()
            .firmware_id(FIRMWARE_ID)
            .page_size(2)
            .into_paginator()
    };

    let mut items = pin!(walk()?.items());
    let mut job_ids = Vec::new();
    while let Some(item) = tokio::time::timeout(WALK_LIMIT, items.next())
        .await
        .expect("the stream must end")
    {
        job_ids.push(item?.job_id.unwrap_or_default());
    }
    assert_eq!(job_ids, expected_ids("job", 5));
    assert_eq!(pages_asked(&server), [1, 2, 3]);
    for request in server.requests() {
        assert_eq!(
            request.action(aliyun_iot::SIGNATURE).as_deref(),
            Some("ListOTAJobByFirmware")
        );
        assert_eq!(request.param("FirmwareId").as_deref(), Some(FIRMWARE_ID));
    }

    // The page stream walks the same pages.
    let pages: Vec<Result<_, Error>> = walk()?.pages().collect().await;
    let request_ids: Vec<String> = pages
        .into_iter()
        .map(|page| page.map(|p| p.request_id))
        .collect::<Result<_, _>>()?;
    assert_eq!(
        request_ids,
        ["JOB-PAGE-Some(1)", "JOB-PAGE-Some(2)", "JOB-PAGE-Some(3)"]
    );
    assert_eq!(server.count(), 6);
    Ok(())
}

#[tokio::test]
async fn an_error_on_page_two_is_yielded_then_the_stream_ends() -> TestResult {
    // Page 2 fails with a permanent error; page 3 would succeed if it were asked for.
    let server = Server::start(|_, request| {
        let page = asked_page(request);
        if page == 2 {
            return Reply::json(
                400,
                r#"{"RequestId":"PAGE-2-FAILED","Code":"InvalidParameter","Message":"The page is invalid."}"#,
            );
        }
        let paging = Paging {
            current_page: Some(page),
            page_size: 2,
            page_count: Some(3),
            total: Some(6),
        };
        job_page(&paging, &ids("job", page, 2, 2))
    });
    let client = Client::new(
        config_for(&server)?
            .retry(RetryConfig::disabled())
            .build()?,
    )?;
    let paginator = client
        .list_ota_job_by_firmware()
        .firmware_id(FIRMWARE_ID)
        .page_size(2)
        .into_paginator()?;
    let mut items = pin!(paginator.items());
    let mut seen = Vec::new();
    while let Some(item) = tokio::time::timeout(WALK_LIMIT, items.next())
        .await
        .expect("the stream must end")
    {
        seen.push(item.map(|job| job.job_id.unwrap_or_default()));
    }
    assert_eq!(seen.len(), 3, "{seen:?}");
    assert_eq!(seen[0].as_deref().ok(), Some("job-1"));
    assert_eq!(seen[1].as_deref().ok(), Some("job-2"));
    let error = seen[2].as_ref().expect_err("page 2's error");
    assert_eq!(error.code(), Some("InvalidParameter"));
    assert_eq!(error.request_id(), Some("PAGE-2-FAILED"));
    assert_eq!(
        pages_asked(&server),
        [1, 2],
        "nothing is asked for after the error"
    );

    // collect_items gives the error too, and nothing of page 1.
    let error = client
        .list_ota_job_by_firmware()
        .firmware_id(FIRMWARE_ID)
        .page_size(2)
        .into_paginator()?
        .collect_items()
        .await
        .expect_err("page 2's error");
    assert_eq!(error.code(), Some("InvalidParameter"));
    assert_eq!(server.count(), 4);
    Ok(())
}

#[tokio::test]
async fn into_paginator_starts_at_page_one_with_ten_items_a_page_by_default() -> TestResult {
    for version in VERSIONS {
        starts_at_page_one_with_ten_items_a_page_with(version).await?;
    }
    Ok(())
}

async fn starts_at_page_one_with_ten_items_a_page_with(version: SignatureVersion) -> TestResult {
    let server = Server::start(|_, request| {
        let page = asked_page(request);
        let paging = Paging {
            current_page: Some(page),
            page_size: 10,
            page_count: Some(1),
            total: Some(1),
        };
        firmware_page(&paging, &ids("fw", page, 10, 1))
    });
    let client = client_with(&server, version)?;
    let items = client
        .list_ota_firmware()
        .product_key("a19mzPZ****")
        .into_paginator()?
        .collect_items()
        .await?;
    assert_eq!(firmware_ids(&items), ["fw-1"]);
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].operation_params(version),
        owned(&[
            ("CurrentPage", "1"),
            ("PageSize", "10"),
            ("ProductKey", "a19mzPZ****"),
        ]),
        "{version}"
    );

    // ListOTAJobByFirmware likewise, and ListOTATaskByJob, whose page parameters are optional.
    client
        .list_ota_job_by_firmware()
        .firmware_id(FIRMWARE_ID)
        .into_paginator()?
        .next_page()
        .await
        .expect("a first page")?;
    client
        .list_ota_task_by_job()
        .job_id("job-1")
        .into_paginator()?
        .next_page()
        .await
        .expect("a first page")?;
    for request in &server.requests()[1..] {
        assert_eq!(request.param("CurrentPage").as_deref(), Some("1"));
        assert_eq!(request.param("PageSize").as_deref(), Some("10"));
    }
    assert_eq!(server.count(), 3);
    Ok(())
}

#[tokio::test]
async fn into_paginator_keeps_a_page_and_size_that_are_set() -> TestResult {
    let server = Server::start(|_, request| {
        let page = asked_page(request);
        let paging = Paging {
            current_page: Some(page),
            page_size: 50,
            page_count: Some(4),
            total: None,
        };
        firmware_page(&paging, &ids("fw", page, 50, 50))
    });
    let client = client_for(&server)?;
    let items = client
        .list_ota_firmware()
        .current_page(3)
        .page_size(50)
        .into_paginator()?
        .collect_items()
        .await?;
    assert_eq!(items.len(), 100);
    assert_eq!(firmware_ids(&items[..1]), ["fw-101"]);
    assert_eq!(pages_asked(&server), [3, 4]);
    for request in server.requests() {
        assert_eq!(request.param("PageSize").as_deref(), Some("50"));
    }
    Ok(())
}

#[tokio::test]
async fn into_paginator_refuses_a_missing_required_parameter() -> TestResult {
    let server = Server::scripted(vec![Reply::json(
        200,
        json!({"RequestId": "R", "Success": true}).to_string(),
    )]);
    let client = client_for(&server)?;
    let error = client
        .list_ota_job_by_firmware()
        .into_paginator()
        .expect_err("FirmwareId is required");
    assert_eq!(error.operation, "ListOTAJobByFirmware");
    assert_eq!(error.parameter, "FirmwareId");
    assert_eq!(server.count(), 0);
    Ok(())
}
