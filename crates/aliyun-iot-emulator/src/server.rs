//! The HTTP server: listening, connections (with header and idle timeouts, and a cap on how
//! many are served at once), shutdown.
//!
//! # Making room at the cap
//!
//! Every served connection has an [`Activity`]: one atomic word saying since when it has had
//! no request in flight (since it connected, or since its last response), or that a request is
//! in flight, or that it waits for its slot, or that it is gone. The connection's service
//! ([`Tracked`]) updates it when hyper hands it a request (the headers are complete) and when
//! hyper drops the response body (sent, or abandoned): requests take no lock.
//!
//! The accept loop alone keeps the [`Registry`], a min-heap of the connections keyed by a lower
//! bound of the time they have been idle since, corrected lazily. When a new connection finds
//! the [`MAX_CONNECTIONS`] slots taken, the accept loop pops the heap until it finds a
//! connection idle since exactly its key: as every other key is a lower bound, that one has
//! been idle the longest. Half-open connections (headers never finished) and keep-alive ones
//! between requests are alike. The accept loop closes it through its kill switch, and its task,
//! ending (microseconds later), hands its semaphore permit over to the new connection's task,
//! which waits for it; no other connection can take the slot in between. Connections found
//! with a request in flight go back with the current time as key (they can only be idle since
//! later), stale keys are corrected, and gone connections are dropped (or swept when the heap
//! reaches twice the cap). A flood of half-open connections thus costs O(log n) per accept;
//! the worst case, every connection with a request in flight (and the new one closed), is
//! O(n log n) over at most [`MAX_CONNECTIONS`] entries.
//!
//! A compare-and-swap from "idle since t" to "gone" settles every race with a request arriving
//! at the same moment: a connection with a request in flight is never closed to make room, and
//! a request whose headers complete just after its connection was chosen is not served (its
//! connection is closed, as an idle keep-alive connection may always be).

use std::cmp::{Ordering as CmpOrdering, Reverse};
use std::collections::BinaryHeap;
use std::future::Future;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use hyper::body::{Frame, Incoming, SizeHint};
use hyper::server::conn::http1;
use hyper::service::Service;
use hyper::{Request, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, oneshot, watch};
use tokio::task::{JoinHandle, JoinSet};

use aliyun_runtime::{ConfigBuilder, Credentials};

use crate::config::{AccessKey, EmulatorConfig};
use crate::handler::{ConnState, Shared, handle};

/// The most connections served at once. At the cap, a new connection makes room by closing the
/// served connection that has gone the longest without a request in flight (its request
/// headers still incomplete, or idle between keep-alive requests); a connection with a request
/// in flight is never closed for that. Only when every served connection has a request in
/// flight is the new connection closed instead, as soon as it is accepted.
pub const MAX_CONNECTIONS: usize = 512;

/// How long a shutdown waits for requests in flight before cutting their connections.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// The shortest read timeout used (a zero timeout would close every connection at once).
const MIN_READ_TIMEOUT: Duration = Duration::from_millis(1);

/// How long a new connection waits for the slot of the connection closed to make room for it
/// (that connection's task hands it over as soon as it runs: microseconds). Past it, the new
/// connection is closed.
const EVICTION_WAIT: Duration = Duration::from_secs(1);

/// The emulator: [`Emulator::start`] runs one.
#[derive(Debug)]
#[non_exhaustive]
pub struct Emulator;

impl Emulator {
    /// Binds `config.listen` and serves in the background on the current Tokio runtime until
    /// [`RunningEmulator::shutdown`] (or the [`RunningEmulator`] is dropped).
    ///
    /// Fails if the address cannot be bound or the state directory cannot be used (the error
    /// then wraps a [`crate::StateError`] naming the file and where). Port 0 picks a free port:
    /// read it back with [`RunningEmulator::addr`] or [`RunningEmulator::endpoint`].
    pub async fn start(config: EmulatorConfig) -> io::Result<RunningEmulator> {
        let listener = listen(config.listen)?;
        let addr = listener.local_addr()?;
        let (keys, packages, products) = (
            config.keys.len(),
            config.packages.len(),
            config.products.len(),
        );
        let mut http = http1::Builder::new();
        http.timer(TokioTimer::new())
            .header_read_timeout(config.read_timeout.max(MIN_READ_TIMEOUT))
            .keep_alive(true);
        let key = config.keys.first().cloned();
        let shared =
            Arc::new(Shared::new(config, format!("http://{addr}")).map_err(io::Error::other)?);
        tracing::info!(
            %addr,
            keys,
            packages,
            products,
            state = ?shared.config.state_dir,
            qps = shared.config.qps,
            faults = ?shared.config.faults,
            "emulator started"
        );
        let (shutdown, signal) = watch::channel(false);
        if !shared.config.manual_clock {
            tokio::spawn(crate::ota::run_devices(
                Arc::downgrade(&shared),
                shared.config.device_step,
                signal.clone(),
            ));
        }
        let task = tokio::spawn(accept_loop(listener, Arc::clone(&shared), http, signal));
        Ok(RunningEmulator {
            addr,
            key,
            shared,
            shutdown,
            task: Some(task),
        })
    }
}

/// The pending connections the kernel queues before the accept loop takes them (tokio's
/// default is 128: under a flood of connections the kernel would drop anyone's attempt, and
/// the client would retry only a second later).
const LISTEN_BACKLOG: u32 = 1024;

/// Binds `addr` with [`LISTEN_BACKLOG`].
fn listen(addr: SocketAddr) -> io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    // As std's and tokio's `bind` do, so that a restart can reuse the port at once.
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(LISTEN_BACKLOG)
}

/// A started emulator. Dropping it stops the server too (in the background, gracefully);
/// [`RunningEmulator::shutdown`] also waits until it has stopped.
#[derive(Debug)]
pub struct RunningEmulator {
    addr: SocketAddr,
    /// The first configured key pair, for [`RunningEmulator::client`].
    key: Option<AccessKey>,
    shared: Arc<Shared>,
    shutdown: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl RunningEmulator {
    /// A client configuration pointed at this emulator and signing with its first key pair
    /// (with its security token, if it has one): adjust it, then build a client from it.
    pub fn client_config(&self) -> Result<ConfigBuilder, aliyun_runtime::Error> {
        let key = self.key.as_ref().ok_or_else(|| {
            aliyun_runtime::Error::Config("the emulator has no access key configured".into())
        })?;
        let credentials = match &key.security_token {
            Some(token) => {
                Credentials::with_security_token(key.id.clone(), key.secret.clone(), token.clone())
            }
            None => Credentials::new(key.id.clone(), key.secret.clone()),
        };
        Ok(aliyun_runtime::Config::builder()
            .endpoint_url(&self.endpoint())?
            .credentials(credentials))
    }

    /// An IoT client pointed at this emulator, with the defaults of [`Self::client_config`].
    ///
    /// This is the entry point for testing your own code against the emulator:
    ///
    /// ```
    /// use aliyun_iot_emulator::{Emulator, EmulatorConfig, Package};
    /// use aliyun_iot::query_ota_firmware::{FirmwareInfo, FirmwareStatus};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # tokio::runtime::Runtime::new()?.block_on(async {
    /// // Seed the emulator with your own package.
    /// let mut firmware = FirmwareInfo::default();
    /// firmware.firmware_id = Some("my-package-0001".into());
    /// firmware.status = Some(FirmwareStatus::Verified);
    /// let config = EmulatorConfig::ephemeral().with_packages(vec![Package::new(firmware)]);
    /// let emulator = Emulator::start(config).await?;
    ///
    /// // Your code under test gets a real client talking real HTTP to it.
    /// let client = emulator.client()?;
    /// let reply = client.query_ota_firmware().firmware_id("my-package-0001").send().await?;
    /// let info = reply.firmware_info.ok_or("no package")?;
    /// assert_eq!(info.status, Some(FirmwareStatus::Verified));
    /// emulator.shutdown().await;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// # })
    /// # }
    /// ```
    pub fn client(&self) -> Result<aliyun_iot::Client, aliyun_runtime::Error> {
        aliyun_iot::Client::new(self.client_config()?.build()?)
    }

    /// The address the emulator listens on (with the real port when port 0 was asked).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The endpoint URL to point a client at, such as `http://127.0.0.1:18080/`. An
    /// unspecified listen address (`0.0.0.0`, `::`) is given as the loopback address.
    pub fn endpoint(&self) -> String {
        let ip = match self.addr.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
            ip => ip,
        };
        format!("http://{}/", SocketAddr::new(ip, self.addr.port()))
    }

    /// Stops accepting connections, lets requests in flight finish (for at most
    /// [`SHUTDOWN_GRACE`]), closes every connection and waits until all of it is done.
    pub async fn shutdown(mut self) {
        let _ = self.shutdown.send(true);
        if let Some(task) = self.task.take()
            && let Err(error) = task.await
        {
            tracing::warn!(%error, "the emulator's server task failed");
        }
    }

    /// Moves the simulated devices' clock on by `by`, one device step at a time (an emulator
    /// started with [`EmulatorConfig::with_manual_clock`]; with the system clock, time moves
    /// by itself and this only runs one step now). Fails if a change cannot be journaled.
    pub fn advance(&self, by: Duration) -> io::Result<()> {
        let ota = &self.shared.ota;
        let step = self.shared.config.device_step.max(Duration::from_millis(1));
        let mut left = by;
        loop {
            let next = left.min(step);
            ota.clock.advance(next);
            ota.step().map_err(|f| io::Error::other(f.to_string()))?;
            left -= next;
            if left.is_zero() {
                return Ok(());
            }
        }
    }

    /// Serves until `signal` completes, then shuts down (see [`RunningEmulator::shutdown`]).
    pub async fn run_until(self, signal: impl Future<Output = ()>) {
        signal.await;
        self.shutdown().await;
    }

    /// Serves until Ctrl-C (SIGINT), then shuts down. Fails if the signal handler cannot be
    /// installed (the emulator is shut down then too).
    pub async fn run_until_ctrl_c(self) -> io::Result<()> {
        let result = tokio::signal::ctrl_c().await;
        if result.is_ok() {
            tracing::info!("Ctrl-C: shutting down the emulator");
        }
        self.shutdown().await;
        result
    }
}

impl Drop for RunningEmulator {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
    }
}

/// Accepts connections until the shutdown signal, then winds the connections down.
async fn accept_loop(
    listener: TcpListener,
    shared: Arc<Shared>,
    http: http1::Builder,
    mut shutdown: watch::Receiver<bool>,
) {
    let http = Arc::new(http);
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let clock = Clock::new();
    let mut registry = Registry::new(clock);
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = shutdown.changed() => break,
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    let now = clock.now();
                    let admission = match Arc::clone(&slots).try_acquire_owned() {
                        Ok(permit) => Some(Admission::Now(permit)),
                        Err(_) => registry
                            .evict_oldest_idle()
                            .map(|slot| Admission::Heir { slot, accepted: now }),
                    };
                    let Some(admission) = admission else {
                        tracing::warn!(
                            %peer,
                            "too many connections, all with a request in flight: closing a new one"
                        );
                        drop(stream);
                        continue;
                    };
                    let activity = Arc::new(match admission {
                        Admission::Now(_) => Activity::idle_since(now),
                        Admission::Heir { .. } => Activity::waiting(),
                    });
                    let kill = Arc::new(Notify::new());
                    registry.insert(now, Arc::clone(&activity), Arc::clone(&kill));
                    connections.spawn(serve_connection(
                        stream,
                        Arc::clone(&shared),
                        Arc::clone(&http),
                        shutdown.clone(),
                        Served {
                            activity,
                            clock,
                            permit: None,
                        },
                        admission,
                        kill,
                    ));
                }
                Err(error) => {
                    // Out of file descriptors and the like: wait a little rather than spin.
                    tracing::warn!(%error, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            },
        }
    }
    drop(listener);
    let drained = tokio::time::timeout(SHUTDOWN_GRACE, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        tracing::warn!(
            open = connections.len(),
            "requests still running after the grace period: closing their connections"
        );
    }
    connections.shutdown().await;
    tracing::info!("emulator stopped");
}

/// How a new connection gets its slot.
enum Admission {
    /// A free one.
    Now(OwnedSemaphorePermit),
    /// The slot of the connection just closed to make room, once its task hands it over.
    Heir {
        slot: oneshot::Receiver<OwnedSemaphorePermit>,
        /// When the new connection was accepted.
        accepted: u64,
    },
}

/// Serves one connection until it closes, its kill switch fires (the `Drop` fault, or the
/// accept loop making room) or the emulator shuts down (gracefully: the request in flight is
/// answered first).
async fn serve_connection(
    stream: TcpStream,
    shared: Arc<Shared>,
    http: Arc<http1::Builder>,
    mut shutdown: watch::Receiver<bool>,
    mut served: Served,
    admission: Admission,
    kill: Arc<Notify>,
) {
    match admission {
        Admission::Now(permit) => served.permit = Some(permit),
        Admission::Heir { slot, accepted } => {
            let handed_over = tokio::select! {
                handed_over = tokio::time::timeout(EVICTION_WAIT, slot) => handed_over,
                _ = shutdown.changed() => return,
            };
            let Ok(Ok(permit)) = handed_over else {
                tracing::warn!("no connection slot came free: closing a new connection");
                return;
            };
            served.permit = Some(permit);
            // Served from now on, idle since it connected (it can be closed to make room in
            // turn, in its place among the others).
            served.activity.admit(accepted);
        }
    }
    let _ = stream.set_nodelay(true);
    let service = Tracked {
        state: ConnState {
            shared,
            kill: Arc::clone(&kill),
        },
        activity: Arc::clone(&served.activity),
        clock: served.clock,
    };
    let connection = http.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    tokio::select! {
        result = connection.as_mut() => {
            if let Err(error) = result {
                tracing::debug!(%error, "connection ended with an error");
            }
        }
        () = kill.notified() => {}
        _ = shutdown.changed() => {
            connection.as_mut().graceful_shutdown();
            tokio::select! {
                _ = connection.as_mut() => {}
                () = kill.notified() => {}
            }
        }
    }
    // `connection` is dropped (closed) first, then `served` marks it gone and passes its slot
    // on.
}

/// A connection's hold on its slot. Dropped (when the connection's task ends, however it
/// ends), it marks the connection gone, then hands the slot over to the connection it was
/// closed for, if it was, or gives it back.
#[derive(Debug)]
struct Served {
    activity: Arc<Activity>,
    clock: Clock,
    /// `None` while waiting for the slot of a connection closed to make room.
    permit: Option<OwnedSemaphorePermit>,
}

impl Drop for Served {
    fn drop(&mut self) {
        if let (Some(heir), Some(permit)) = (self.activity.end(), self.permit.take()) {
            // If the heir gave up waiting, the permit comes back and drops: the slot is free.
            let _ = heir.send(permit);
        }
    }
}

/// The time the activity states count in: nanoseconds since the start of the accept loop.
#[derive(Clone, Copy, Debug)]
struct Clock {
    epoch: Instant,
}

impl Clock {
    fn new() -> Self {
        Self {
            epoch: Instant::now(),
        }
    }

    /// Nanoseconds since the epoch (saturating after 146 years, below [`IN_FLIGHT`]).
    fn now(self) -> u64 {
        let nanos = self.epoch.elapsed().as_nanos();
        u64::try_from(nanos).map_or(IN_FLIGHT - 1, |n| n.min(IN_FLIGHT - 1))
    }
}

/// The state of an [`Activity`] whose connection has ended or was closed to make room.
const GONE: u64 = 1 << 63;

/// The state of an [`Activity`] whose connection waits for the slot of a connection closed to
/// make room for it; plus one: a request in flight (plus two: two; and so on). Below it, the
/// state is the [`Clock`] time since which the connection has had no request in flight.
const IN_FLIGHT: u64 = 1 << 62;

/// What a served connection is doing, as the accept loop needs to know to make room: one
/// atomic word, updated by the connection and read, or swapped to gone, by the accept loop.
#[derive(Debug)]
struct Activity {
    /// Below [`IN_FLIGHT`]: no request in flight since then (the connection time, or the end
    /// of the last response). [`IN_FLIGHT`]: waiting for its slot. [`IN_FLIGHT`] + n: n
    /// requests in flight (hyper's HTTP/1 serves one at a time). [`GONE`]: ended, or closed
    /// to make room.
    state: AtomicU64,
    /// Where to send the slot when the connection ends, once it was closed to make room. Locked
    /// only to close the connection to make room and when it ends (requests use `state` only),
    /// around the change to [`GONE`], so that the slot cannot be given back in between.
    heir: Mutex<Option<Heir>>,
}

/// The new connection that a connection closed to make room hands its slot over to.
type Heir = oneshot::Sender<OwnedSemaphorePermit>;

/// What an [`Activity`] says, read at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// No request in flight since this [`Clock`] time.
    Idle(u64),
    /// A request in flight.
    Busy,
    /// Waiting for the slot of a connection closed to make room for it.
    Waiting,
    /// Ended, or closed to make room.
    Gone,
}

impl Activity {
    /// A connection with no request in flight since `since`.
    fn idle_since(since: u64) -> Self {
        Self {
            state: AtomicU64::new(since.min(IN_FLIGHT - 1)),
            heir: Mutex::new(None),
        }
    }

    /// A connection waiting for its slot (not to be closed to make room before it is served)
    /// until [`Activity::admit`].
    fn waiting() -> Self {
        Self {
            state: AtomicU64::new(IN_FLIGHT),
            heir: Mutex::new(None),
        }
    }

    fn heir(&self) -> MutexGuard<'_, Option<Heir>> {
        // Nothing panics with the lock held; were it poisoned, its content is still sound.
        self.heir.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn read(&self) -> State {
        match self.state.load(Ordering::Acquire) {
            GONE => State::Gone,
            IN_FLIGHT => State::Waiting,
            busy if busy > IN_FLIGHT => State::Busy,
            idle => State::Idle(idle),
        }
    }

    /// A request begins (its headers are complete). False if the connection was closed to make
    /// room (or has ended): the request must not be served.
    fn begin_request(&self) -> bool {
        self.state
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |state| match state {
                GONE => None,
                busy if busy >= IN_FLIGHT => Some(busy + 1),
                _idle => Some(IN_FLIGHT + 1),
            })
            .is_ok()
    }

    /// The connection got its slot: idle since `accepted`.
    fn admit(&self, accepted: u64) {
        let _ = self.state.compare_exchange(
            IN_FLIGHT,
            accepted.min(IN_FLIGHT - 1),
            Ordering::AcqRel,
            Ordering::Acquire,
        );
    }

    /// A request has ended (its response was sent, or abandoned).
    fn end_request(&self, clock: Clock) {
        let _ = self
            .state
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |state| match state {
                last if last == IN_FLIGHT + 1 => Some(clock.now()),
                busy if busy > IN_FLIGHT && busy != GONE => Some(busy - 1),
                // Gone, or no request in flight: nothing to end.
                _ => None,
            });
    }

    /// Marks the connection gone if it has had no request in flight since `since` (what
    /// [`Activity::read`] said), for `heir` to get its slot when it ends: `Ok` if it was, and
    /// it must now be closed; else `heir` comes back.
    fn evict(&self, since: u64, heir: Heir) -> Result<(), Heir> {
        let mut slot = self.heir();
        let evicted = since < IN_FLIGHT
            && self
                .state
                .compare_exchange(since, GONE, Ordering::AcqRel, Ordering::Acquire)
                .is_ok();
        if !evicted {
            return Err(heir);
        }
        *slot = Some(heir);
        Ok(())
    }

    /// The connection has ended: the connection to hand its slot over to, if it was closed to
    /// make room.
    fn end(&self) -> Option<Heir> {
        let mut slot = self.heir();
        self.state.store(GONE, Ordering::Release);
        slot.take()
    }
}

/// A connection in the [`Registry`]: its activity and its kill switch, with a lower bound of
/// the time it has had no request in flight since.
#[derive(Debug)]
struct Candidate {
    /// At most the [`Clock`] time the connection has been idle since, whenever it is idle
    /// (give or take the instant of a race: see [`Registry::evict_oldest_idle`]).
    key: u64,
    activity: Arc<Activity>,
    /// Notified, the connection's task drops the connection.
    kill: Arc<Notify>,
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for Candidate {}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<CmpOrdering> {
        Some(self.cmp(other))
    }
}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> CmpOrdering {
        self.key.cmp(&other.key)
    }
}

/// The connections served, kept by the accept loop alone: a min-heap by [`Candidate::key`],
/// one candidate per connection. Keys are lower bounds of the idle times, so a popped
/// connection idle since exactly its key is the one idle for the longest. Gone connections
/// are dropped when popped, or in a sweep when the heap reaches twice [`MAX_CONNECTIONS`].
#[derive(Debug)]
struct Registry {
    heap: BinaryHeap<Reverse<Candidate>>,
    clock: Clock,
}

impl Registry {
    fn new(clock: Clock) -> Self {
        Self {
            heap: BinaryHeap::new(),
            clock,
        }
    }

    /// Adds a new connection, idle since `now` or waiting for its slot.
    fn insert(&mut self, now: u64, activity: Arc<Activity>, kill: Arc<Notify>) {
        if self.heap.len() >= 2 * MAX_CONNECTIONS {
            // Amortized O(1): at most MAX_CONNECTIONS (and the few being closed) stay.
            self.heap
                .retain(|Reverse(candidate)| candidate.activity.read() != State::Gone);
        }
        self.heap.push(Reverse(Candidate {
            key: now,
            activity,
            kill,
        }));
    }

    /// Closes the connection that has had no request in flight for the longest, if there is
    /// one: its slot comes through the receiver when its task has dropped it. `None` if every
    /// connection has a request in flight.
    fn evict_oldest_idle(&mut self) -> Option<oneshot::Receiver<OwnedSemaphorePermit>> {
        let (mut heir, slot) = oneshot::channel();
        // Read before any state: a connection seen busy becomes idle after it.
        let now = self.clock.now();
        // Put back once the search is over, not to be popped again meanwhile.
        let mut busy = Vec::new();
        let mut waiting = Vec::new();
        // Each connection is popped about once (more only if it keeps changing meanwhile).
        let mut budget = 2 * self.heap.len() + 4;
        let evicted = loop {
            let Some(budget_left) = budget.checked_sub(1) else {
                break false;
            };
            budget = budget_left;
            let Some(Reverse(candidate)) = self.heap.pop() else {
                break false;
            };
            match candidate.activity.read() {
                State::Gone => {}
                State::Busy => busy.push(candidate),
                // Idle since its key once served: the key stays.
                State::Waiting => waiting.push(candidate),
                // Idle since its key (or before, if it went idle as `now` was read): every
                // other connection has been idle for less time.
                State::Idle(since) if since <= candidate.key => {
                    match candidate.activity.evict(since, heir) {
                        Ok(()) => {
                            candidate.kill.notify_one();
                            break true;
                        }
                        // A request came in the meantime (or it ended): look at it again.
                        Err(unused) => heir = unused,
                    }
                    self.heap.push(Reverse(candidate));
                }
                // Busy then idle again since it was pushed: put it back in its place.
                State::Idle(since) => self.heap.push(Reverse(Candidate {
                    key: since,
                    ..candidate
                })),
            }
        };
        for candidate in busy {
            // Idle again later than `now`, if ever.
            self.heap.push(Reverse(Candidate {
                key: now,
                ..candidate
            }));
        }
        self.heap.extend(waiting.into_iter().map(Reverse));
        if !evicted {
            return None;
        }
        tracing::debug!("at the connection cap: closed the connection idle the longest");
        Some(slot)
    }
}

/// A request in flight on a connection: ends it (in the connection's [`Activity`]) when
/// dropped, which hyper does once the response body is sent (or the connection is dropped).
#[derive(Debug)]
struct InFlight {
    activity: Arc<Activity>,
    clock: Clock,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.activity.end_request(self.clock);
    }
}

/// The service of a connection: [`handle`], called directly (every method and path goes
/// there; an axum `Router` in between cost a tenth of the throughput of small requests), with
/// the connection's [`Activity`] kept up to date (a request is in flight from the end of its
/// headers to the end of its response body).
#[derive(Debug)]
struct Tracked {
    state: ConnState,
    activity: Arc<Activity>,
    clock: Clock,
}

/// The error of a request that arrived on a connection just closed to make room: hyper closes
/// the connection without serving it.
#[derive(Debug)]
struct Evicted;

impl std::fmt::Display for Evicted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the connection was closed to make room for a new one")
    }
}

impl std::error::Error for Evicted {}

impl Service<Request<Incoming>> for Tracked {
    type Response = Response<TrackedBody>;
    type Error = Evicted;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Evicted>> + Send>>;

    fn call(&self, request: Request<Incoming>) -> Self::Future {
        if !self.activity.begin_request() {
            return Box::pin(std::future::ready(Err(Evicted)));
        }
        let in_flight = InFlight {
            activity: Arc::clone(&self.activity),
            clock: self.clock,
        };
        let response = handle(
            axum::extract::State(self.state.clone()),
            request.map(Body::new),
        );
        Box::pin(async move {
            Ok(response.await.map(|body| TrackedBody {
                body,
                _in_flight: in_flight,
            }))
        })
    }
}

/// A response body that keeps its request in flight until hyper drops it.
#[derive(Debug)]
struct TrackedBody {
    body: Body,
    _in_flight: InFlight,
}

impl hyper::body::Body for TrackedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A connection's activity and kill switch.
    type Connection = (Arc<Activity>, Arc<Notify>);

    /// A registry of connections idle since these times (`None`: a request in flight).
    fn registry(states: &[Option<u64>]) -> (Registry, Vec<Connection>) {
        let mut registry = Registry::new(Clock::new());
        let connections: Vec<_> = states
            .iter()
            .enumerate()
            .map(|(i, state)| {
                let activity = Arc::new(Activity::idle_since(state.unwrap_or(0)));
                if state.is_none() {
                    assert!(activity.begin_request());
                }
                let kill = Arc::new(Notify::new());
                let key = u64::try_from(i).unwrap_or(u64::MAX);
                registry.insert(key, Arc::clone(&activity), Arc::clone(&kill));
                (activity, kill)
            })
            .collect();
        (registry, connections)
    }

    fn gone(connections: &[Connection]) -> Vec<usize> {
        (0..connections.len())
            .filter(|&i| connections[i].0.read() == State::Gone)
            .collect()
    }

    #[test]
    fn the_connection_idle_the_longest_is_closed_first() {
        let (mut registry, connections) = registry(&[Some(0), Some(1), Some(2)]);
        assert!(registry.evict_oldest_idle().is_some());
        assert_eq!(gone(&connections), [0]);
        assert!(registry.evict_oldest_idle().is_some());
        assert_eq!(gone(&connections), [0, 1]);
    }

    #[test]
    fn a_connection_with_a_request_in_flight_is_never_closed() {
        let (mut registry, connections) = registry(&[None, Some(1), None]);
        assert!(registry.evict_oldest_idle().is_some());
        assert_eq!(gone(&connections), [1]);
        assert!(registry.evict_oldest_idle().is_none());
        assert_eq!(gone(&connections), [1]);
        // Once its request is answered, the first one is idle, and can be closed.
        connections[0].0.end_request(registry.clock);
        assert!(registry.evict_oldest_idle().is_some());
        assert_eq!(gone(&connections), [0, 1]);
    }

    #[test]
    fn a_connection_waiting_for_its_slot_is_not_closed_then_takes_its_place() {
        let (mut registry, connections) = registry(&[Some(0), Some(5)]);
        let waiting = Arc::new(Activity::waiting());
        registry.insert(3, Arc::clone(&waiting), Arc::new(Notify::new()));
        assert!(registry.evict_oldest_idle().is_some());
        assert_eq!(gone(&connections), [0]);
        assert!(registry.evict_oldest_idle().is_some());
        assert_eq!(gone(&connections), [0, 1]);
        assert!(registry.evict_oldest_idle().is_none());
        assert_eq!(waiting.read(), State::Waiting);
        // Served, it is idle since it connected.
        waiting.admit(3);
        assert_eq!(waiting.read(), State::Idle(3));
        assert!(registry.evict_oldest_idle().is_some());
        assert_eq!(waiting.read(), State::Gone);
    }

    #[test]
    fn idle_time_counts_from_the_last_response() {
        let (mut registry, connections) = registry(&[Some(0), Some(1), Some(2)]);
        // The oldest connection had a request answered after the others connected.
        assert!(connections[0].0.begin_request());
        connections[0].0.end_request(registry.clock);
        assert!(matches!(connections[0].0.read(), State::Idle(t) if t > 2));
        assert!(registry.evict_oldest_idle().is_some());
        assert_eq!(gone(&connections), [1]);
        assert!(registry.evict_oldest_idle().is_some());
        assert_eq!(gone(&connections), [1, 2]);
        assert!(registry.evict_oldest_idle().is_some());
        assert_eq!(gone(&connections), [0, 1, 2]);
        assert!(registry.evict_oldest_idle().is_none());
    }

    #[test]
    fn a_closed_connection_serves_no_request_and_notices_its_kill_switch() {
        let (mut registry, connections) = registry(&[Some(0)]);
        assert!(registry.evict_oldest_idle().is_some());
        assert!(!connections[0].0.begin_request());
        // The permit stored by `notify_one` is there for the connection's task.
        let notified = connections[0].1.notified();
        tokio::pin!(notified);
        assert!(notified.as_mut().enable());
    }

    #[test]
    fn a_closed_connection_hands_its_slot_over() {
        let slots = Arc::new(Semaphore::new(1));
        let (mut registry, connections) = registry(&[Some(0)]);
        let served = Served {
            activity: Arc::clone(&connections[0].0),
            clock: registry.clock,
            permit: Arc::clone(&slots).try_acquire_owned().ok(),
        };
        let Some(mut slot) = registry.evict_oldest_idle() else {
            panic!("nothing closed");
        };
        assert!(slot.try_recv().is_err());
        drop(served);
        // Handed over, not given back to the semaphore (where anyone could take it).
        let permit = slot.try_recv();
        assert!(permit.is_ok());
        assert_eq!(slots.available_permits(), 0);
    }

    #[test]
    fn a_connection_that_ends_by_itself_gives_its_slot_back() {
        let slots = Arc::new(Semaphore::new(1));
        let (mut registry, connections) = registry(&[Some(0)]);
        let served = Served {
            activity: Arc::clone(&connections[0].0),
            clock: registry.clock,
            permit: Arc::clone(&slots).try_acquire_owned().ok(),
        };
        drop(served);
        assert_eq!(slots.available_permits(), 1);
        assert!(registry.evict_oldest_idle().is_none());
    }

    #[test]
    fn gone_connections_are_swept() {
        let mut registry = Registry::new(Clock::new());
        for key in 0..10 * MAX_CONNECTIONS {
            let activity = Arc::new(Activity::idle_since(0));
            registry.insert(
                u64::try_from(key).unwrap_or(u64::MAX),
                Arc::clone(&activity),
                Arc::new(Notify::new()),
            );
            assert!(activity.end().is_none());
        }
        assert!(registry.heap.len() <= 2 * MAX_CONNECTIONS);
        assert!(registry.evict_oldest_idle().is_none());
        assert!(registry.heap.is_empty());
    }
}
