//! The HTTP server: listening, connections (with header and idle timeouts), shutdown.

use std::future::Future;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, watch};
use tokio::task::{JoinHandle, JoinSet};

use aliyun_runtime::{ConfigBuilder, Credentials};

use crate::config::{AccessKey, EmulatorConfig};
use crate::handler::{ConnState, Shared, handle};

/// The most connections served at once; more are closed as soon as they are accepted.
pub const MAX_CONNECTIONS: usize = 512;

/// How long a shutdown waits for requests in flight before cutting their connections.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// The shortest read timeout used (a zero timeout would close every connection at once).
const MIN_READ_TIMEOUT: Duration = Duration::from_millis(1);

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
        let listener = TcpListener::bind(config.listen).await?;
        let addr = listener.local_addr()?;
        tracing::info!(
            %addr,
            keys = config.keys.len(),
            packages = config.packages.len(),
            qps = config.qps,
            faults = ?config.faults,
            "emulator started"
        );
        let mut http = http1::Builder::new();
        http.timer(TokioTimer::new())
            .header_read_timeout(config.read_timeout.max(MIN_READ_TIMEOUT))
            .keep_alive(true);
        let key = config.keys.first().cloned();
        let shared =
            Arc::new(Shared::new(config, format!("http://{addr}")).map_err(io::Error::other)?);
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
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = shutdown.changed() => break,
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => match Arc::clone(&slots).try_acquire_owned() {
                    Ok(permit) => {
                        connections.spawn(serve_connection(
                            stream,
                            Arc::clone(&shared),
                            Arc::clone(&http),
                            shutdown.clone(),
                            permit,
                        ));
                    }
                    Err(_) => {
                        tracing::warn!(%peer, "too many connections: closing a new one");
                        drop(stream);
                    }
                },
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

/// Serves one connection until it closes, its kill switch fires (the `Drop` fault) or the
/// emulator shuts down (gracefully: the request in flight is answered first).
async fn serve_connection(
    stream: TcpStream,
    shared: Arc<Shared>,
    http: Arc<http1::Builder>,
    mut shutdown: watch::Receiver<bool>,
    _permit: OwnedSemaphorePermit,
) {
    let _ = stream.set_nodelay(true);
    let kill = Arc::new(Notify::new());
    let router = Router::new().fallback(handle).with_state(ConnState {
        shared,
        kill: Arc::clone(&kill),
    });
    let connection = http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(router));
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
}
