//! A lean load generator for pre-signed requests, so that a throughput figure measures the
//! server more than the client: hyper's own HTTP/1.1 client connection over a Tokio TCP
//! stream (no pool, no URL parsing, no middleware), the requests built before the timer
//! starts, and each connection driven in the task that sends its requests (no wake-up of
//! another task per request). Shared by `benches/throughput.rs` and `examples/scale.rs`
//! (included by `#[path]`, after `presigned.rs`).

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper::client::conn::http1;
use hyper::{Method, Request};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

use crate::presigned::Presigned;

/// Requests ready to send, one list per connection.
pub type Batches = Vec<Vec<Request<Empty<Bytes>>>>;

/// `requests` for the server at `host`, dealt round-robin into `connections` lists. Their
/// URLs must be origin-form targets (`/?…`: pre-signed with `/` as the endpoint).
pub fn batches(requests: Vec<Presigned>, host: &str, connections: usize) -> Batches {
    let mut batches: Batches = (0..connections)
        .map(|_| Vec::with_capacity(requests.len() / connections + 1))
        .collect();
    for (i, request) in requests.into_iter().enumerate() {
        let method = if request.post {
            Method::POST
        } else {
            Method::GET
        };
        let mut builder = Request::builder()
            .method(method)
            .uri(request.url)
            .header(hyper::header::HOST, host);
        for (name, value) in request.headers {
            builder = builder.header(&*name, &*value);
        }
        batches[i % connections].push(builder.body(Empty::new()).expect("a valid request"));
    }
    batches
}

/// One open keep-alive connection.
pub struct Connection {
    sender: http1::SendRequest<Empty<Bytes>>,
    io: http1::Connection<TokioIo<TcpStream>, Empty<Bytes>>,
}

/// `n` connections to `addr`, handshakes done.
pub async fn connect(addr: SocketAddr, n: usize) -> Vec<Connection> {
    let mut connections = Vec::with_capacity(n);
    for _ in 0..n {
        let stream = TcpStream::connect(addr).await.expect("a connection");
        stream.set_nodelay(true).expect("TCP_NODELAY");
        let (sender, io) = http1::handshake(TokioIo::new(stream))
            .await
            .expect("an HTTP/1.1 handshake");
        connections.push(Connection { sender, io });
    }
    connections
}

/// Sends each batch over its connection (one task each, one request after the other, every
/// answer read whole) and returns the time taken; the connections are closed after. Panics on
/// any answer but 200.
pub async fn send_all(connections: Vec<Connection>, batches: Batches) -> Duration {
    assert_eq!(connections.len(), batches.len(), "one batch per connection");
    let started = Instant::now();
    let tasks: Vec<_> = connections
        .into_iter()
        .zip(batches)
        .map(|(Connection { mut sender, io }, batch)| {
            tokio::spawn(async move {
                let work = async move {
                    for request in batch {
                        sender
                            .ready()
                            .await
                            .expect("a connection ready for a request");
                        let response = sender.send_request(request).await.expect("an answer");
                        let status = response.status();
                        let body = response
                            .into_body()
                            .collect()
                            .await
                            .expect("a body")
                            .to_bytes();
                        assert!(
                            status.is_success(),
                            "{status}: {}",
                            String::from_utf8_lossy(&body)
                        );
                        std::hint::black_box(body);
                    }
                };
                tokio::select! {
                    biased;
                    () = work => {}
                    result = io => panic!("the connection ended early: {result:?}"),
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("a sender");
    }
    started.elapsed()
}
