//! The scripted HTTP/1.1 server.

use std::net::SocketAddr;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

use crate::decode::{decode_form, decode_query};

// ---------------------------------------------------------------------------------------------
// A received request
// ---------------------------------------------------------------------------------------------

/// One request as the server read it.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// The method, as sent.
    pub method: String,
    /// The request target, `/path?query`, as sent.
    pub target: String,
    /// Header names lowercased, values trimmed, in the order sent (`host` included).
    pub headers: Vec<(String, String)>,
    /// The body bytes (`Content-Length` of them).
    pub body: Vec<u8>,
    /// When the request head had been read.
    pub at: Instant,
}

impl Recorded {
    /// The path of the target, without the query.
    pub fn path(&self) -> &str {
        self.target.split_once('?').map_or(&self.target, |(p, _)| p)
    }

    /// The query of the target as sent (still percent-encoded), without the `?`.
    pub fn raw_query(&self) -> &str {
        self.target.split_once('?').map_or("", |(_, q)| q)
    }

    /// The value of header `name` (the first one if repeated).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The header names, sorted.
    pub fn header_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        names.sort_unstable();
        names
    }

    /// The query parameters, percent-decoded (a `+` is a `+`), in the order sent.
    pub fn query(&self) -> Vec<(String, String)> {
        decode_query(self.raw_query())
    }

    /// The parameters of a form body (`application/x-www-form-urlencoded`; a `+` is a space),
    /// in the order sent; none when the body is not a form.
    pub fn form(&self) -> Vec<(String, String)> {
        let is_form = self.header("content-type").is_some_and(|v| {
            v.to_ascii_lowercase()
                .starts_with("application/x-www-form-urlencoded")
        });
        if !is_form {
            return Vec::new();
        }
        let body = std::str::from_utf8(&self.body)
            .unwrap_or_else(|e| panic!("a form body that is not UTF-8 ({e}): {self:?}"));
        decode_form(body)
    }

    /// Every parameter: the query's, then the form body's.
    pub fn params(&self) -> Vec<(String, String)> {
        let mut params = self.query();
        params.extend(self.form());
        params
    }

    /// The decoded value of the one parameter `name` (panics if it is sent more than once).
    pub fn param(&self, name: &str) -> Option<String> {
        let values: Vec<String> = self
            .params()
            .into_iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v)
            .collect();
        assert!(values.len() <= 1, "{name} sent {} times", values.len());
        values.into_iter().next()
    }
}

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

/// One scripted answer: a status, headers (`Content-Length` is added) and a body.
#[derive(Clone, Debug)]
pub struct Reply {
    /// The status code.
    pub status: u16,
    /// The headers, in the order written.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Reply {
    /// `status` with no body and no `Content-Type`.
    pub fn empty(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// `status` with this body and `Content-Type`.
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    /// `status` with a JSON body, as the API answers (`application/json;charset=utf-8`).
    pub fn json(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self::new(status, "application/json;charset=utf-8", body)
    }

    /// `status` with an XML body, as the API answers (`text/xml;charset=utf-8`).
    pub fn xml(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self::new(status, "text/xml;charset=utf-8", body)
    }

    /// Adds a header.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Adds `Connection: close`: the server closes the connection once it has answered.
    pub fn closing(self) -> Self {
        self.with_header("Connection", "close")
    }

    fn closes(&self) -> bool {
        self.headers
            .iter()
            .any(|(n, v)| n.eq_ignore_ascii_case("connection") && v.eq_ignore_ascii_case("close"))
    }

    /// The answer as it goes on the wire: one buffer, so that it leaves in one write (a head
    /// and a body written apart meet Nagle's algorithm and delayed ACKs).
    fn to_bytes(&self) -> Vec<u8> {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nContent-Length: {}\r\n",
            self.status,
            reason(self.status),
            self.body.len()
        );
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(&self.body);
        bytes
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// What the server does with a request.
#[derive(Clone, Debug)]
pub enum Action {
    /// Answer it (and read the next request on the connection, unless the request or the
    /// answer says `Connection: close`).
    Reply(Reply),
    /// Keep the connection open and never answer.
    Hang,
}

impl From<Reply> for Action {
    fn from(reply: Reply) -> Self {
        Action::Reply(reply)
    }
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

type Handler = Arc<dyn Fn(usize, &Recorded) -> Action + Send + Sync>;

/// What the server saw.
#[derive(Default)]
struct Log {
    requests: Mutex<Vec<Recorded>>,
    /// Requests it could not read, and handlers that panicked.
    errors: Mutex<Vec<String>>,
}

impl Log {
    fn error(&self, error: String) {
        lock(&self.errors).push(error);
    }
}

/// The lock's data, even if a panicking thread held it: the log stays readable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A scripted HTTP/1.1 server on a free port of 127.0.0.1, with keep-alive, that records every
/// request before it answers it. It runs on a thread (and Tokio runtime) of its own, so tests
/// with or without a runtime can use it; dropping it closes every connection and stops it.
///
/// A request it cannot read (not HTTP/1.1, a malformed head, a chunked body) and a handler that
/// panics are errors, which [`Server::requests`] and [`Server::count`] report.
pub struct Server {
    addr: SocketAddr,
    log: Arc<Log>,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// A server that answers request number `i` (0-based, in the order read, across
    /// connections) as `handler(i, &request)` says: a [`Reply`] or an [`Action`].
    pub fn start<A: Into<Action>>(
        handler: impl Fn(usize, &Recorded) -> A + Send + Sync + 'static,
    ) -> Self {
        // The rest is not generic: compiled once, here, not in every test crate for every
        // handler.
        Self::spawn(Arc::new(move |i, request| handler(i, request).into()))
    }

    fn spawn(handler: Handler) -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        listener
            .set_nonblocking(true)
            .expect("a non-blocking socket");
        let addr = listener.local_addr().expect("a local address");
        let log = Arc::new(Log::default());
        let (stop, stopped) = oneshot::channel::<()>();
        let thread = {
            let log = Arc::clone(&log);
            std::thread::Builder::new()
                .name(format!("test server {addr}"))
                .spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .expect("a Tokio runtime");
                    runtime.block_on(async move {
                        let listener = TcpListener::from_std(listener).expect("a Tokio listener");
                        tokio::select! {
                            _ = stopped => {}
                            () = accept(listener, handler, log) => {}
                        }
                    });
                    // Dropping the runtime drops every connection still open.
                })
                .expect("a server thread")
        };
        Self {
            addr,
            log,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// A server answering the i-th request with `replies[i]`, and the last reply after that.
    pub fn scripted(replies: Vec<Reply>) -> Self {
        assert!(!replies.is_empty(), "a scripted server needs a reply");
        Self::start(move |i, _| replies[i.min(replies.len() - 1)].clone())
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Its URL, `http://127.0.0.1:<port>/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// The `Host` header a client of [`Server::url`] sends.
    pub fn host(&self) -> String {
        self.addr.to_string()
    }

    /// The requests read so far, in order; panics if the server met an error.
    #[track_caller]
    pub fn requests(&self) -> Vec<Recorded> {
        self.check();
        lock(&self.log.requests).clone()
    }

    /// How many requests it has read so far; panics if the server met an error.
    #[track_caller]
    pub fn count(&self) -> usize {
        self.check();
        lock(&self.log.requests).len()
    }

    #[track_caller]
    fn check(&self) {
        let errors = lock(&self.log.errors);
        assert!(errors.is_empty(), "the test server failed: {errors:?}");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server").field("addr", &self.addr).finish()
    }
}

async fn accept(listener: TcpListener, handler: Handler, log: Arc<Log>) {
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
                tokio::spawn(serve(stream, Arc::clone(&handler), Arc::clone(&log)));
            }
            // Out of descriptors, say: try again shortly.
            Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
}

/// Serves the requests of one connection until either side closes it.
async fn serve(stream: TcpStream, handler: Handler, log: Arc<Log>) {
    let mut reader = BufReader::new(stream);
    loop {
        let request = match read_request(&mut reader).await {
            Ok(Some(request)) => request,
            Ok(None) => return,
            Err(error) => return log.error(error),
        };
        let close = request
            .header("connection")
            .is_some_and(|v| v.eq_ignore_ascii_case("close"));
        let index = {
            let mut requests = lock(&log.requests);
            requests.push(request.clone());
            requests.len() - 1
        };
        let action = match std::panic::catch_unwind(AssertUnwindSafe(|| handler(index, &request))) {
            Ok(action) => action,
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                return log.error(format!(
                    "the handler panicked on request {index} ({} {}): {message}",
                    request.method, request.target
                ));
            }
        };
        let reply = match action {
            Action::Hang => std::future::pending().await,
            Action::Reply(reply) => reply,
        };
        let stream = reader.get_mut();
        if stream.write_all(&reply.to_bytes()).await.is_err() {
            return;
        }
        if close || reply.closes() {
            let _ = stream.shutdown().await;
            return;
        }
    }
}

/// Reads one request (head and `Content-Length` body): `Ok(None)` when the client closed the
/// connection (before or in the middle of a request), `Err` when it is not a request this
/// server reads.
async fn read_request(reader: &mut BufReader<TcpStream>) -> Result<Option<Recorded>, String> {
    // Blank lines before a request line are allowed (RFC 9112, 2.2).
    let request_line = loop {
        match read_line(reader).await? {
            None => return Ok(None),
            Some(line) if line.is_empty() => {}
            Some(line) => break line,
        }
    };
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(format!("a malformed request line {request_line:?}"));
    };
    if version != "HTTP/1.1" {
        return Err(format!("not HTTP/1.1: {request_line:?}"));
    }
    let (method, target) = (method.to_owned(), target.to_owned());
    let mut headers = Vec::new();
    loop {
        let Some(line) = read_line(reader).await? else {
            return Ok(None);
        };
        if line.is_empty() {
            break;
        }
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| format!("a malformed header line {line:?}"))?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let at = Instant::now();
    let header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    if let Some(encoding) = header("transfer-encoding") {
        return Err(format!(
            "Transfer-Encoding {encoding:?} in {request_line:?}: the test server reads \
             Content-Length bodies only"
        ));
    }
    let length: usize = match header("content-length") {
        None => 0,
        Some(v) => v
            .parse()
            .map_err(|_| format!("a malformed Content-Length {v:?}"))?,
    };
    let mut body = vec![0; length];
    if reader.read_exact(&mut body).await.is_err() {
        return Ok(None);
    }
    Ok(Some(Recorded {
        method,
        target,
        headers,
        body,
        at,
    }))
}

/// One line without its line break: `Ok(None)` at the end of the stream (or on a read error).
async fn read_line(reader: &mut BufReader<TcpStream>) -> Result<Option<String>, String> {
    let mut line = Vec::new();
    match reader.read_until(b'\n', &mut line).await {
        Ok(0) | Err(_) => return Ok(None),
        Ok(_) => {}
    }
    if line.last() != Some(&b'\n') {
        // The stream ended in the middle of a line.
        return Ok(None);
    }
    let line = String::from_utf8(line)
        .map_err(|e| format!("a line that is not UTF-8: {:?}", e.as_bytes()))?;
    Ok(Some(line.trim_end_matches(['\r', '\n']).to_owned()))
}
