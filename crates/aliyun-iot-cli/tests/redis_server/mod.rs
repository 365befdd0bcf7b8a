//! A real `redis-server` for tests and examples: on a free loopback port, without persistence,
//! in a temporary directory, killed on drop. Where `redis-server` is missing the tests are
//! skipped with a message, except under `CI=true`, where they fail: CI installs it (`.ci/run`).

#![allow(dead_code)] // each test binary or example uses part of it

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use test_support::TempDir;

/// How long a starting server may take to answer `PING`.
const START_TIMEOUT: Duration = Duration::from_secs(10);

/// A running `redis-server` (or, between [`RedisServer::kill`] and
/// [`RedisServer::restart`], a stopped one keeping its port).
pub struct RedisServer {
    port: u16,
    password: Option<String>,
    dir: TempDir,
    child: Option<Child>,
}

impl RedisServer {
    /// A server without password, or `None` (after saying why) where `redis-server` is not
    /// installed and `CI` is not `true`.
    pub fn start() -> Option<Self> {
        Self::start_with_password(None)
    }

    /// A server that requires `password` (`--requirepass`), or `None` as [`Self::start`].
    pub fn start_with_password(password: Option<&str>) -> Option<Self> {
        if !installed() {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "redis-server is not installed: CI must install it (see .ci/run)"
            );
            eprintln!(
                "skipped: redis-server is not installed (apt-get install redis-server runs these tests)"
            );
            return None;
        }
        // A free port can be taken between its probe and the server's bind: try a few.
        for _ in 0..5 {
            let mut server = Self {
                port: free_port(),
                password: password.map(str::to_owned),
                dir: TempDir::new(),
                child: None,
            };
            if server.spawn() {
                return Some(server);
            }
        }
        panic!("redis-server did not start on a free port");
    }

    /// `redis://[:PASSWORD@]127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        match &self.password {
            Some(password) => format!("redis://:{password}@127.0.0.1:{}", self.port),
            None => format!("redis://127.0.0.1:{}", self.port),
        }
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Kills the server at once (SIGKILL), as a crash would.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts it again on the same port, empty, and waits until it answers.
    pub fn restart(&mut self) {
        self.kill();
        let deadline = Instant::now() + START_TIMEOUT;
        // The port may stay busy for a moment after the kill.
        while !self.spawn() {
            assert!(Instant::now() < deadline, "redis-server did not restart");
            sleep(Duration::from_millis(20));
        }
    }

    /// A connection for looking into the server.
    pub fn connection(&self) -> redis::Connection {
        redis::Client::open(self.url())
            .and_then(|client| client.get_connection())
            .expect("a connection to the test redis-server")
    }

    /// The keys of the pacing schedules it holds.
    pub fn schedules(&self) -> Vec<String> {
        redis::cmd("KEYS")
            .arg("aliyun:pacing:*")
            .query(&mut self.connection())
            .expect("KEYS")
    }

    /// Starts the process and waits until it answers; `false` if it exited (port taken).
    fn spawn(&mut self) -> bool {
        let mut command = Command::new("redis-server");
        command
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .arg("--dir")
            .arg(self.dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some(password) = &self.password {
            command.args(["--requirepass", password]);
        }
        let mut child = command.spawn().expect("redis-server starts");
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            if answers(self.port) {
                self.child = Some(child);
                return true;
            }
            if child.try_wait().expect("redis-server's status").is_some() {
                return false;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("redis-server did not answer within {START_TIMEOUT:?}");
            }
            sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Whether `redis-server` can be run.
fn installed() -> bool {
    Command::new("redis-server")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
    listener.local_addr().expect("its address").port()
}

/// Whether a server on `port` answers `PING` (with a password set it answers `-NOAUTH`,
/// which is an answer too).
fn answers(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
    let mut reply = [0u8; 1];
    stream.write_all(b"PING\r\n").is_ok()
        && stream.read_exact(&mut reply).is_ok()
        && matches!(reply[0], b'+' | b'-')
}
