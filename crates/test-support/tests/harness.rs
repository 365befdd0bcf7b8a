//! The helpers themselves: the server reads and records what clients send and answers as
//! scripted, the raw client reads what servers answer, temporary directories and clean
//! commands.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::io::{Read, Write};
use std::time::Duration;

use test_support::{
    Action, Reply, Server, TempDir, clean_command, exchange, parse_response, send_request,
};

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

#[tokio::test]
async fn the_server_records_get_and_post_requests() {
    let server = Server::start(|_, request| {
        Reply::json(200, format!("{} {}", request.method, request.path()))
    });
    let answer = send_request(server.addr(), "GET", "/?A=1&B=a%20b", &[], b"").await;
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.header("content-type"),
        Some("application/json;charset=utf-8")
    );
    assert_eq!(answer.text(), "GET /");
    let answer = send_request(
        server.addr(),
        "POST",
        "/p?A=1",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        b"C=x+y",
    )
    .await;
    assert_eq!(answer.text(), "POST /p");

    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(server.count(), 2);
    assert_eq!(requests[0].method, "GET");
    assert_eq!(requests[0].target, "/?A=1&B=a%20b");
    assert_eq!(requests[0].raw_query(), "A=1&B=a%20b");
    assert_eq!(requests[0].params(), pairs(&[("A", "1"), ("B", "a b")]));
    assert_eq!(requests[0].header("host"), Some(server.host().as_str()));
    assert_eq!(requests[0].header_names(), ["connection", "host"]);
    assert!(requests[0].body.is_empty());
    assert_eq!(requests[1].path(), "/p");
    assert_eq!(requests[1].query(), pairs(&[("A", "1")]));
    assert_eq!(requests[1].form(), pairs(&[("C", "x y")]));
    assert_eq!(requests[1].params(), pairs(&[("A", "1"), ("C", "x y")]));
    assert_eq!(requests[1].param("C").as_deref(), Some("x y"));
    assert_eq!(requests[1].param("D"), None);
    assert_eq!(requests[1].body, b"C=x+y");
    assert_eq!(
        requests[1].header("Content-Type"),
        Some("application/x-www-form-urlencoded")
    );
    assert!(requests[0].at <= requests[1].at);
}

#[test]
fn the_server_keeps_connections_alive_and_numbers_requests_across_them() {
    // No runtime here: the server runs on its own.
    let server = Server::start(|i, _| {
        let reply = Reply::json(200, format!("{i}"));
        if i == 1 { reply.closing() } else { reply }
    });
    let mut stream = std::net::TcpStream::connect(server.addr()).unwrap();
    stream
        .write_all(b"GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    // The second answer closes the connection.
    let mut answers = String::new();
    stream.read_to_string(&mut answers).unwrap();
    assert_eq!(
        answers.matches("HTTP/1.1 200 OK\r\n").count(),
        2,
        "{answers}"
    );
    assert!(answers.ends_with("Connection: close\r\n\r\n1"), "{answers}");
    let paths: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.path().to_owned())
        .collect();
    assert_eq!(paths, ["/a", "/b"]);
}

#[tokio::test]
async fn a_scripted_server_repeats_its_last_reply() {
    let server = Server::scripted(vec![
        Reply::empty(503).with_header("Retry-After", "1"),
        Reply::xml(200, "<A/>"),
    ]);
    let first = send_request(server.addr(), "GET", "/", &[], b"").await;
    assert_eq!(first.status, 503);
    assert_eq!(first.header("retry-after"), Some("1"));
    assert_eq!(first.header("content-length"), Some("0"));
    assert_eq!(first.header("content-type"), None);
    for _ in 0..2 {
        let next = send_request(server.addr(), "GET", "/", &[], b"").await;
        assert_eq!((next.status, next.text()), (200, "<A/>".to_owned()));
        assert_eq!(next.header("content-type"), Some("text/xml;charset=utf-8"));
    }
    assert_eq!(server.count(), 3);
    assert_eq!(server.url(), format!("http://{}/", server.addr()));
}

#[test]
fn a_hanging_server_never_answers_and_closes_when_dropped() {
    let server = Server::start(|_, _| Action::Hang);
    let mut stream = std::net::TcpStream::connect(server.addr()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    // Recorded, never answered.
    while server.count() == 0 {
        std::thread::sleep(Duration::from_millis(5));
    }
    stream
        .set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    let mut buf = [0u8; 16];
    assert!(stream.read(&mut buf).is_err(), "an answer");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    drop(server);
    assert_eq!(stream.read(&mut buf).unwrap_or(0), 0, "still open");
}

#[tokio::test]
#[should_panic(expected = "the test server reads Content-Length bodies only")]
async fn a_chunked_request_is_an_error_of_the_server() {
    let server = Server::scripted(vec![Reply::empty(200)]);
    let raw = exchange(
        server.addr(),
        b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nA\r\n0\r\n\r\n",
    )
    .await;
    assert!(raw.is_empty(), "answered: {raw:?}");
    server.requests();
}

#[tokio::test]
#[should_panic(expected = "not HTTP/1.1")]
async fn another_version_is_an_error_of_the_server() {
    let server = Server::scripted(vec![Reply::empty(200)]);
    exchange(server.addr(), b"GET / HTTP/1.0\r\n\r\n").await;
    server.count();
}

#[tokio::test]
#[should_panic(expected = "the handler panicked on request 0 (GET /x): no such page")]
async fn a_panicking_handler_is_an_error_of_the_server() {
    let server = Server::start(|_, _| -> Reply { panic!("no such page") });
    let raw = exchange(server.addr(), b"GET /x HTTP/1.1\r\nHost: x\r\n\r\n").await;
    assert!(raw.is_empty(), "answered: {raw:?}");
    server.requests();
}

#[test]
fn responses_are_parsed_by_length_chunks_or_end() {
    let by_length =
        parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-A:  b \r\n\r\nhiEXTRA").unwrap();
    assert_eq!((by_length.status, by_length.text()), (200, "hi".to_owned()));
    assert_eq!(by_length.header("x-a"), Some("b"));
    let chunked = parse_response(
        b"HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
    )
    .unwrap();
    assert_eq!((chunked.status, chunked.text()), (400, "abcde".to_owned()));
    let to_end = parse_response(b"HTTP/1.1 204 No Content\r\n\r\nrest").unwrap();
    assert_eq!(to_end.body, b"rest");
    assert!(parse_response(b"HTTP/1.1 200 OK\r\n").is_none());
    assert!(parse_response(b"HTTP/1.1 2x0 OK\r\n\r\n").is_none());
    assert!(
        parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n").is_none()
    );
}

#[test]
fn a_temporary_directory_is_removed_when_dropped() {
    let dir = TempDir::new();
    let path = dir.path().to_path_buf();
    let file = dir.write("a/b/c.txt", "text");
    assert_eq!(file, path.join("a/b/c.txt"));
    assert_eq!(dir.read("a/b/c.txt"), "text");
    assert_eq!(dir.join("x"), path.join("x"));
    drop(dir);
    assert!(!path.exists());
}

#[cfg(unix)]
#[test]
fn a_clean_command_sees_only_path_its_home_and_no_metadata_service() {
    let home = TempDir::new();
    let output = clean_command("env", home.path()).output().unwrap();
    let mut env: Vec<String> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    env.sort();
    assert_eq!(env.len(), 3, "{env:?}");
    assert_eq!(env[0], "ALIBABA_CLOUD_ECS_METADATA_DISABLED=true");
    assert_eq!(env[1], format!("HOME={}", home.path().display()));
    assert!(env[2].starts_with("PATH="), "{env:?}");
    // Nothing was written to the home.
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 0);
}
