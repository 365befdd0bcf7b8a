//! Pacing shared through Redis (`Pacing::Shared`, `--pacing redis://…`) with a real
//! `redis-server` and the emulator: eight processes keep within the account's quota together
//! (and, paced each on its own, do not), a Redis restart mid-run loses no call, an unreachable
//! or slow Redis gives per-process pacing with one warning and then shared pacing again,
//! fail-closed fails calls instead, and the password of the URL never shows.
//!
//! The fleet tests start eight copies of this test binary as worker processes
//! ([`pacing_worker_process`]), each with its own client, so that per-process pacing really is
//! per process. The emulator runs in the test process; its log of requests gives the
//! server-side time of every admitted and throttled call. Skipped where `redis-server` is not
//! installed, except under `CI=true`, where that fails.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

mod redis_server;

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use aliyun_iot_emulator::{AccessKey, Emulator, EmulatorConfig, RunningEmulator};
use aliyun_runtime::OperationInfo;
use aliyun_runtime::config::{ENV_PACING_URL, SharedPacing};
use aliyun_runtime::pacing::redis::RedisLimiter;
use aliyun_runtime::{Config, Credentials, Error, Pacing, RetryConfig};
use redis_server::RedisServer;
use test_support::{TempDir, clean_command};
use tracing_subscriber::filter::LevelFilter;
use tracing_subscriber::fmt::time::Uptime;
use tracing_subscriber::util::SubscriberInitExt;

/// The package of the seed sample, served by the emulator by default.
const SEED_ID: &str = "UfuxnwygsuSkVE0VCN****0100";
/// QueryOTAFirmware's quota, which the emulator enforces per key in any one-second window.
const QUOTA: f64 = 20.0;
const WORKERS: usize = 8;
const CALLS: usize = 40;
/// A password for the servers that require one: it must never show.
const PASSWORD: &str = "pacing-test-password-Zq81";
/// The runtime's one warning when Redis fails, and its line when Redis is back.
const UNAVAILABLE: &str = "shared pacing: Redis is unavailable";
const BACK: &str = "Redis answers again";

/// Set in a worker process: the emulator's endpoint.
const ENV_WORKER_ENDPOINT: &str = "SHARED_PACING_TEST_ENDPOINT";
/// Set in a worker process that paces through Redis; unset: per-process pacing.
const ENV_WORKER_REDIS: &str = "SHARED_PACING_TEST_REDIS";
/// Set in a worker process that makes a single attempt per call.
const ENV_WORKER_NO_RETRY: &str = "SHARED_PACING_TEST_NO_RETRY";

/// Not a test by itself: the body of the worker processes that the fleet tests start (in a
/// normal run it returns at once). Makes [`CALLS`] calls one after the other and prints what
/// came of them; the runtime's warnings go to stderr.
#[test]
fn pacing_worker_process() {
    let Ok(endpoint) = std::env::var(ENV_WORKER_ENDPOINT) else {
        return;
    };
    let pacing = match std::env::var(ENV_WORKER_REDIS) {
        Ok(url) => Pacing::shared(&url).unwrap(),
        Err(_) => Pacing::Quota,
    };
    let retry = match std::env::var(ENV_WORKER_NO_RETRY) {
        Ok(_) => RetryConfig::disabled(),
        Err(_) => RetryConfig::default(),
    };
    let _ = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_max_level(LevelFilter::WARN)
        .with_writer(std::io::stderr)
        .try_init();
    let key = AccessKey::default();
    let config = Config::builder()
        .endpoint_url(&endpoint)
        .unwrap()
        .credentials(Credentials::new(key.id, key.secret))
        .pacing(pacing)
        .retry(retry)
        .build()
        .unwrap();
    let client = aliyun_iot::Client::new(config).unwrap();
    let (mut ok, mut throttled, mut failed) = (0, 0, 0);
    runtime().block_on(async {
        for _ in 0..CALLS {
            match client
                .query_ota_firmware()
                .firmware_id(SEED_ID)
                .send()
                .await
            {
                Ok(_) => ok += 1,
                Err(e) if e.is_throttling() => throttled += 1,
                Err(e) => {
                    eprintln!("call failed: {e}");
                    failed += 1;
                }
            }
        }
    });
    println!("worker-result {ok} {throttled} {failed}");
}

/// What one worker process reported.
#[derive(Debug)]
struct Worker {
    ok: usize,
    throttled: usize,
    failed: usize,
    /// How many times its runtime warned that Redis is unavailable.
    warnings: usize,
    stderr: String,
}

/// A run of [`WORKERS`] worker processes against an emulator serving from a thread of its own
/// (nothing the test does delays it), whose request log it keeps.
struct FleetRun {
    epoch: Instant,
    emulator: EmulatorThread,
    workers: Vec<Child>,
}

impl FleetRun {
    /// Starts the emulator and the workers: pacing through `redis` (`None`: each on its own),
    /// with the default retries or none.
    fn start(redis: Option<&str>, retries: bool) -> Self {
        let epoch = Instant::now();
        let emulator = EmulatorThread::start(epoch);
        let workers = (0..WORKERS)
            .map(|_| {
                let mut command = Command::new(std::env::current_exe().unwrap());
                command
                    .args(["--exact", "pacing_worker_process", "--nocapture"])
                    .args(["--test-threads", "1", "--quiet"])
                    .env(ENV_WORKER_ENDPOINT, &emulator.endpoint)
                    .env_remove(ENV_WORKER_REDIS)
                    .env_remove(ENV_WORKER_NO_RETRY)
                    .env_remove("RUST_LOG")
                    .stdin(Stdio::null())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped());
                if let Some(url) = redis {
                    command.env(ENV_WORKER_REDIS, url);
                }
                if !retries {
                    command.env(ENV_WORKER_NO_RETRY, "1");
                }
                command.spawn().unwrap()
            })
            .collect();
        Self {
            epoch,
            emulator,
            workers,
        }
    }

    /// Seconds since the run started, on the clock of the request log.
    fn now(&self) -> f64 {
        self.epoch.elapsed().as_secs_f64()
    }

    /// Waits for the workers: their reports, and the QueryOTAFirmware requests the emulator
    /// logged.
    fn finish(self) -> (Vec<Worker>, Vec<Request>) {
        let workers = self.workers.into_iter().map(|child| {
            let output = child.wait_with_output().unwrap();
            let stdout = String::from_utf8_lossy(&output.stdout);
            let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
            let report = stdout
                .lines()
                .find_map(|line| line.strip_prefix("worker-result "))
                .unwrap_or_else(|| panic!("a worker did not report:\n{stdout}\n{stderr}"));
            let numbers: Vec<usize> = report.split(' ').map(|n| n.parse().unwrap()).collect();
            assert!(output.status.success(), "a worker failed:\n{stderr}");
            Worker {
                ok: numbers[0],
                throttled: numbers[1],
                failed: numbers[2],
                warnings: stderr.matches(UNAVAILABLE).count(),
                stderr,
            }
        });
        let workers = workers.collect();
        (workers, requests(&self.emulator.stop()))
    }
}

/// The emulator, serving from a thread of its own and logging its requests there.
struct EmulatorThread {
    endpoint: String,
    stop: tokio::sync::oneshot::Sender<()>,
    thread: std::thread::JoinHandle<String>,
}

impl EmulatorThread {
    /// Starts it, logging with timestamps counted from `epoch`.
    fn start(epoch: Instant) -> Self {
        let (ready, endpoint) = std::sync::mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let log = Log::capture(epoch);
            runtime().block_on(async {
                let emulator = Emulator::start(EmulatorConfig::ephemeral()).await.unwrap();
                ready.send(emulator.endpoint()).unwrap();
                let _ = stopped.await;
                emulator.shutdown().await;
            });
            log.text()
        });
        let endpoint = endpoint.recv().unwrap();
        Self {
            endpoint,
            stop,
            thread,
        }
    }

    /// Stops it; what it logged.
    fn stop(self) -> String {
        let _ = self.stop.send(());
        self.thread.join().unwrap()
    }
}

/// A call the emulator logged: when (seconds since the log started), and whether it was
/// throttled.
#[derive(Clone, Copy, Debug)]
struct Request {
    at: f64,
    throttled: bool,
}

/// The QueryOTAFirmware requests in a log of the emulator.
fn requests(log: &str) -> Vec<Request> {
    log.lines()
        .filter(|line| line.contains(" request ") && line.contains("\"QueryOTAFirmware\""))
        .map(|line| {
            let stamp = line.split_whitespace().next().unwrap();
            Request {
                at: stamp.trim_end_matches('s').parse().unwrap(),
                throttled: line.contains("Throttling.User"),
            }
        })
        .collect()
}

/// Everything logged on this thread (the emulator's requests, the runtime's warnings), each
/// line stamped with the seconds since `epoch`.
struct Log {
    lines: Arc<Mutex<Vec<u8>>>,
    _guard: tracing::dispatcher::DefaultGuard,
}

impl Log {
    /// Captures what this thread logs until dropped (a current-thread runtime runs its tasks,
    /// the emulator's too, on the thread that blocks on it).
    fn capture(epoch: Instant) -> Self {
        let lines = Arc::new(Mutex::new(Vec::new()));
        let sink = Sink(Arc::clone(&lines));
        let guard = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_max_level(LevelFilter::INFO)
            .with_timer(Uptime::from(epoch))
            .with_writer(move || sink.clone())
            .finish()
            .set_default();
        Self {
            lines,
            _guard: guard,
        }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.lines.lock().unwrap()).into_owned()
    }
}

#[derive(Clone)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// The tests of this file run one at a time: the fleet tests keep the cores busy, and the
/// rest measure time too.
fn one_at_a_time() -> MutexGuard<'static, ()> {
    static SERIAL: Mutex<()> = Mutex::new(());
    SERIAL.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Admitted calls per second, from the first admitted call to the last.
fn admitted_rate(requests: &[Request]) -> f64 {
    let admitted: Vec<f64> = requests
        .iter()
        .filter(|r| !r.throttled)
        .map(|r| r.at)
        .collect();
    let first = admitted.iter().copied().fold(f64::INFINITY, f64::min);
    let last = admitted.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (admitted.len() - 1) as f64 / (last - first)
}

fn throttled(requests: &[Request]) -> usize {
    requests.iter().filter(|r| r.throttled).count()
}

/// The shortest time between a call and the one `QUOTA` calls after it (the emulator throttles
/// when that is under a second): how much the fleet's timing jittered.
fn tightest_window(requests: &[Request]) -> f64 {
    let mut times: Vec<f64> = requests.iter().map(|r| r.at).collect();
    times.sort_by(f64::total_cmp);
    times
        .windows(QUOTA as usize + 1)
        .map(|w| w[QUOTA as usize] - w[0])
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn eight_processes_pacing_through_redis_stay_within_the_quota_together() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let _serial = one_at_a_time();

    let (workers, requests) = FleetRun::start(Some(&redis.url()), false).finish();
    let rate = admitted_rate(&requests);
    // Slots 52.5 ms apart put 21 calls 1.05 s apart: a call reaching the emulator 50 ms later
    // than its slot gets the next one throttled. On an overloaded machine a process can stall
    // that long; then the tightest window and the load say so.
    let summary = format!(
        "{} calls, {} throttled, {rate:.2} admitted calls/s (quota {QUOTA}), 21 calls in \
         {:.3} s at the tightest, load average {}",
        requests.len(),
        throttled(&requests),
        tightest_window(&requests),
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    eprintln!("shared pacing: {summary}");
    for worker in &workers {
        assert_eq!(worker.warnings, 0, "{}", worker.stderr);
        assert_eq!((worker.ok, worker.failed), (CALLS, 0), "{worker:?}");
    }
    assert_eq!(requests.len(), WORKERS * CALLS);
    assert_eq!(throttled(&requests), 0, "{summary}");
    // At the quota less its 5 % margin (19/s), never above it: within 10 % of it.
    assert!(
        (QUOTA * 0.9..=QUOTA).contains(&rate),
        "{rate:.2} calls/s is not within 10 % below the quota"
    );
    assert_eq!(
        redis.schedules().len(),
        1,
        "one schedule: one key, one operation"
    );

    // The same fleet, each process pacing on its own: eight times the quota, throttled.
    let (workers, requests) = FleetRun::start(None, false).finish();
    let per_process_throttled = throttled(&requests);
    eprintln!(
        "per-process pacing: {} calls, {per_process_throttled} throttled",
        requests.len()
    );
    assert!(
        per_process_throttled > WORKERS * CALLS / 2,
        "only {per_process_throttled} calls throttled"
    );
    let reported: usize = workers.iter().map(|w| w.throttled).sum();
    assert_eq!(reported, per_process_throttled);
}

#[test]
fn a_redis_restart_mid_run_loses_no_call_and_brings_no_burst() {
    let Some(mut redis) = RedisServer::start() else {
        return;
    };
    let _serial = one_at_a_time();

    let run = FleetRun::start(Some(&redis.url()), true);
    // Mid-run: the 320 calls take 17 s.
    std::thread::sleep(Duration::from_secs(6));
    let killed_at = run.now();
    redis.restart();
    let back_at = run.now();
    let (workers, requests) = run.finish();

    eprintln!(
        "restart: Redis down {:.0} ms; {} throttled attempts, retried; {} warnings",
        (back_at - killed_at) * 1000.0,
        throttled(&requests),
        workers.iter().map(|w| w.warnings).sum::<usize>()
    );
    for worker in &workers {
        // Every call done within the default retry budget (3 attempts).
        assert_eq!((worker.ok, worker.failed), (CALLS, 0), "{worker:?}");
        assert!(worker.warnings <= 1, "{}", worker.stderr);
    }
    // Once Redis is back (and the slots reserved before it went are used), no call beyond the
    // quota: the new server's schedule starts without burst credit.
    let late = requests
        .iter()
        .filter(|r| r.throttled && r.at > back_at + 1.5)
        .count();
    let throttled_at: Vec<String> = requests
        .iter()
        .filter(|r| r.throttled)
        .map(|r| format!("{:+.3}", r.at - back_at))
        .collect();
    assert_eq!(
        late,
        0,
        "{late} calls throttled after Redis came back; throttled at (s from its return): {}",
        throttled_at.join(" ")
    );
    assert_eq!(
        redis.schedules().len(),
        1,
        "the workers pace through the new server"
    );
}

#[test]
fn a_redis_that_lost_its_schedules_hands_out_no_slot_twice() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let _serial = one_at_a_time();
    runtime().block_on(async {
        let shared = SharedPacing::new(&redis.url()).unwrap();
        let limiter = Arc::new(RedisLimiter::new(&shared).unwrap());
        let info = OperationInfo::new("Iot", "LostScheduleTest", "2018-01-20").quota_per_second(20);
        let start = Instant::now();
        // 30 callers at once: the last of their slots is 1.5 s ahead.
        let mut callers = tokio::task::JoinSet::new();
        for _ in 0..30 {
            let limiter = Arc::clone(&limiter);
            callers.spawn(async move { limiter.acquire("testid", &info).await });
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        // As a restart without persistence would: every schedule gone.
        let _: () = redis::cmd("FLUSHALL")
            .query(&mut redis.connection())
            .unwrap();
        limiter.acquire("testid", &info).await.unwrap();
        // After the 30 slots handed out before (52.5 ms apart), not at once.
        let elapsed = start.elapsed();
        assert!(elapsed >= Duration::from_micros(30 * 52_500), "{elapsed:?}");
        while let Some(done) = callers.join_next().await {
            done.unwrap().unwrap();
        }
    });
}

/// A client of `emulator` pacing through `shared`.
fn client(emulator: &RunningEmulator, shared: SharedPacing) -> aliyun_iot::Client {
    let config = emulator
        .client_config()
        .unwrap()
        .pacing(Pacing::Shared(shared))
        .build()
        .unwrap();
    aliyun_iot::Client::new(config).unwrap()
}

async fn calls(client: &aliyun_iot::Client, n: usize) -> Result<(), Error> {
    for _ in 0..n {
        client
            .query_ota_firmware()
            .firmware_id(SEED_ID)
            .send()
            .await?;
    }
    Ok(())
}

#[test]
fn an_unreachable_redis_gives_per_process_pacing_with_one_warning_until_it_is_back() {
    let Some(mut redis) = RedisServer::start_with_password(Some(PASSWORD)) else {
        return;
    };
    let _serial = one_at_a_time();
    runtime().block_on(async {
        let log = Log::capture(Instant::now());
        let emulator = Emulator::start(EmulatorConfig::ephemeral()).await.unwrap();
        let client = client(&emulator, SharedPacing::new(&redis.url()).unwrap());
        assert!(!format!("{:?}", client).contains(PASSWORD));

        calls(&client, 3).await.unwrap();
        assert_eq!(redis.schedules().len(), 1, "paced through Redis");

        redis.kill();
        calls(&client, 5).await.unwrap();
        let text = log.text();
        assert_eq!(text.matches(UNAVAILABLE).count(), 1, "{text}");
        let redacted = format!("redis://:****@127.0.0.1:{}", redis.port());
        assert!(text.contains(&redacted), "{text}");

        redis.restart();
        calls(&client, 3).await.unwrap();
        let text = log.text();
        assert_eq!(text.matches(UNAVAILABLE).count(), 1, "{text}");
        assert_eq!(text.matches(BACK).count(), 1, "{text}");
        assert!(!text.contains(PASSWORD), "{text}");
        assert_eq!(redis.schedules().len(), 1, "paced through Redis again");
    });
}

#[test]
fn a_slow_redis_costs_one_timeout_then_calls_are_paced_per_process() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let _serial = one_at_a_time();
    runtime().block_on(async {
        let log = Log::capture(Instant::now());
        let emulator = Emulator::start(EmulatorConfig::ephemeral()).await.unwrap();
        let timeout = Duration::from_millis(200);
        let shared = SharedPacing::new(&redis.url())
            .unwrap()
            .with_timeout(timeout);
        let client = client(&emulator, shared);
        calls(&client, 1).await.unwrap();

        // Redis holds every command for a second: as slow as a server gets.
        let _: () = redis::cmd("CLIENT")
            .arg("PAUSE")
            .arg(1000)
            .arg("ALL")
            .query(&mut redis.connection())
            .unwrap();
        let start = Instant::now();
        calls(&client, 4).await.unwrap();
        let elapsed = start.elapsed();
        // One timeout, then no more waiting on Redis for a while; 4 calls at 20/s take 160 ms.
        assert!(elapsed < Duration::from_millis(800), "took {elapsed:?}");
        let text = log.text();
        assert_eq!(text.matches(UNAVAILABLE).count(), 1, "{text}");
        assert!(text.contains("no answer within 200ms"), "{text}");

        // Past the pause and the quiet period after a timeout, Redis is asked again.
        tokio::time::sleep(Duration::from_millis(1300)).await;
        calls(&client, 2).await.unwrap();
        assert_eq!(log.text().matches(BACK).count(), 1, "{}", log.text());
    });
}

#[test]
fn fail_closed_fails_calls_while_redis_is_down() {
    let Some(mut redis) = RedisServer::start_with_password(Some(PASSWORD)) else {
        return;
    };
    let _serial = one_at_a_time();
    runtime().block_on(async {
        let _log = Log::capture(Instant::now());
        let emulator = Emulator::start(EmulatorConfig::ephemeral()).await.unwrap();
        let shared = SharedPacing::new(&redis.url()).unwrap().fail_closed();
        let config = emulator
            .client_config()
            .unwrap()
            .pacing(Pacing::Shared(shared))
            .retry(RetryConfig::disabled())
            .build()
            .unwrap();
        let client = aliyun_iot::Client::new(config).unwrap();
        calls(&client, 1).await.unwrap();

        redis.kill();
        let error = calls(&client, 1).await.unwrap_err();
        assert!(matches!(error, Error::Transport(_)), "{error:?}");
        assert!(error.is_retryable());
        let message = format!("{error} {error:?}");
        assert!(message.contains("fail-closed"), "{message}");
        assert!(
            message.contains(&format!("redis://:****@127.0.0.1:{}", redis.port())),
            "{message}"
        );
        assert!(!message.contains(PASSWORD), "{message}");

        redis.restart();
        calls(&client, 1).await.unwrap();
    });
}

/// Runs `aliyun-iot` with `args` and `env` in a fresh home, on a blocking thread (the
/// emulator of the test goes on serving); its exit code and stderr.
async fn run_cli(args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String) {
    let home = TempDir::new();
    let mut command = clean_command(env!("CARGO_BIN_EXE_aliyun-iot"), home.path());
    command.args(args).envs(env.iter().copied());
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .unwrap()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_command_paces_through_redis_from_its_flag_or_the_environment() {
    let Some(redis) = RedisServer::start_with_password(Some(PASSWORD)) else {
        return;
    };
    let _serial = one_at_a_time();
    runtime().block_on(async {
        let emulator = Emulator::start(EmulatorConfig::ephemeral()).await.unwrap();
        let endpoint = emulator.endpoint();
        let key = AccessKey::default();
        let credentials = [
            ("ALIBABA_CLOUD_ACCESS_KEY_ID", key.id.as_str()),
            ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", key.secret.expose()),
        ];
        let call = ["query-ota-firmware", "--firmware-id", SEED_ID];
        let url = redis.url();

        let args = [&["--endpoint", &endpoint, "--pacing", &url][..], &call].concat();
        let (code, stderr) = run_cli(&args, &credentials).await;
        assert_eq!(code, Some(0), "{stderr}");
        assert_eq!(
            redis.schedules().len(),
            1,
            "the command paced through Redis"
        );
        let _: () = redis::cmd("FLUSHALL")
            .query(&mut redis.connection())
            .unwrap();

        let args = [&["--endpoint", &endpoint][..], &call].concat();
        let env = [&credentials[..], &[(ENV_PACING_URL, url.as_str())]].concat();
        let (code, stderr) = run_cli(&args, &env).await;
        assert_eq!(code, Some(0), "{stderr}");
        assert_eq!(
            redis.schedules().len(),
            1,
            "{ENV_PACING_URL} paces through Redis"
        );

        // Usage errors never repeat the value, which may hold a password.
        let bad_url = format!("rediss://:{PASSWORD}@127.0.0.1:1");
        for (args, env) in [
            (vec!["--pacing", bad_url.as_str()], vec![]),
            (vec![], vec![(ENV_PACING_URL, bad_url.as_str())]),
            (vec!["--pacing", PASSWORD], vec![]),
            (vec!["--pacing", "quota", "--pacing-fail-closed"], vec![]),
        ] {
            let args = [&args[..], &["--emulator"], &call].concat();
            let (code, stderr) = run_cli(&args, &env).await;
            assert_eq!(code, Some(2), "{args:?}: {stderr}");
            assert!(!stderr.contains(PASSWORD), "{stderr}");
        }
    });
}
