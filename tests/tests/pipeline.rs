//! The release pipeline through the library's workflows (`aliyun_iot::workflow`) against the
//! emulator, on a clock the tests move by hand: upload a 50 MB file → verify it on two devices
//! → wait → roll it out to 1,000 simulated devices → watch the job to its end → download it →
//! the same bytes. Then what can go wrong on the way: wrong bytes served, a download cut or
//! dropped halfway, an expired download URL, an expired upload policy, a failed verification,
//! a multi-file package; and the same steps through the blocking client.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::future::Future;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use aliyun_iot::Client;
use aliyun_iot::query_ota_firmware::{FirmwareInfo, FirmwareStatus};
use aliyun_iot::types::{JobStatus, SignMethod};
use aliyun_iot::workflow::{ErrorKind, Polling, Step};
use aliyun_iot_emulator::{DeviceSeed, Emulator, EmulatorConfig, ProductSeed, RunningEmulator};
use test_support::TempDir;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const PRODUCT: &str = "a1PipeProd";

/// One device step of the emulator: every task moves at most one state a step.
const STEP: Duration = Duration::from_secs(10);

/// The product: `devices` simulated devices and two test devices.
fn product(devices: usize) -> ProductSeed {
    ProductSeed::new(PRODUCT, "Pipeline")
        .with_generated_devices(devices, "sim-")
        .with_device(DeviceSeed::new("tester-1"))
        .with_device(DeviceSeed::new("tester-2"))
}

async fn start(devices: usize) -> RunningEmulator {
    start_with(product(devices)).await
}

async fn start_with(product: ProductSeed) -> RunningEmulator {
    let config = EmulatorConfig::ephemeral()
        .with_products(vec![product])
        .with_manual_clock()
        .with_device_step(STEP)
        .with_seed(11);
    Emulator::start(config).await.unwrap()
}

/// Polls every few milliseconds: the clock the devices follow is moved by the test.
fn fast() -> Polling {
    Polling::new(Duration::from_millis(5), Duration::from_millis(40))
        .with_deadline(Some(Duration::from_secs(60)))
}

/// Runs `work` while the devices' clock moves on, a step every few milliseconds.
async fn driven<T>(emulator: &RunningEmulator, work: impl Future<Output = T>) -> T {
    let done = AtomicBool::new(false);
    let (out, ()) = tokio::join!(
        async {
            let out = work.await;
            done.store(true, Ordering::SeqCst);
            out
        },
        async {
            while !done.load(Ordering::SeqCst) {
                emulator.advance(STEP).unwrap();
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        }
    );
    out
}

/// The test firmware's first `len` bytes: a MiB of bytes not all alike, repeated, each MiB
/// starting with its number (so that no two are the same).
fn firmware(len: u64) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(len as usize);
    let mib = mib();
    while (bytes.len() as u64) < len {
        let at = bytes.len();
        bytes.extend_from_slice(&mib[..mib.len().min(len as usize - at)]);
        stamp(&mut bytes[at..], at);
    }
    bytes
}

const MIB: usize = 1 << 20;

fn mib() -> Vec<u8> {
    (0..MIB as u64)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect()
}

/// Writes the MiB's number at its start.
fn stamp(chunk: &mut [u8], at: usize) {
    let number = (at / MIB).to_le_bytes();
    let n = chunk.len().min(number.len());
    chunk[..n].copy_from_slice(&number[..n]);
}

/// Writes [`firmware`] of `len` bytes to `path`, a MiB at a time.
fn write_firmware(path: &Path, len: u64) {
    let mut file = std::fs::File::create(path).unwrap();
    let mut chunk = mib();
    let mut at = 0;
    while (at as u64) < len {
        let n = MIB.min(len as usize - at);
        stamp(&mut chunk[..n], at);
        file.write_all(&chunk[..n]).unwrap();
        at += n;
    }
    file.flush().unwrap();
}

/// Whether two files hold the same bytes, compared a MiB at a time.
fn same_bytes(a: &Path, b: &Path) -> bool {
    let (mut a, mut b) = (
        std::fs::File::open(a).unwrap(),
        std::fs::File::open(b).unwrap(),
    );
    if a.metadata().unwrap().len() != b.metadata().unwrap().len() {
        return false;
    }
    let (mut x, mut y) = (vec![0; 1 << 20], vec![0; 1 << 20]);
    loop {
        let n = a.read(&mut x).unwrap();
        if n == 0 {
            return true;
        }
        b.read_exact(&mut y[..n]).unwrap();
        if x[..n] != y[..n] {
            return false;
        }
    }
}

/// The files of `dir`, by name.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Uploads `len` bytes as a package that needs no verification; its details.
async fn small_package(client: &Client, dir: &Path, name: &str, len: u64) -> FirmwareInfo {
    let path = dir.join(format!("{name}.bin"));
    write_firmware(&path, len);
    let package = client
        .upload_package(PRODUCT)
        .file(&path)
        .dest_version("3.0.0")
        .firmware_name(name)
        .need_to_verify(false)
        .send()
        .await
        .unwrap();
    client
        .query_ota_firmware()
        .firmware_id(&package.firmware_id)
        .send()
        .await
        .unwrap()
        .firmware_info
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_pipeline() {
    const SIZE: u64 = 50 * 1024 * 1024;
    const DEVICES: usize = 1000;
    let started = Instant::now();
    let emulator = start(DEVICES).await;
    let client = emulator.client().unwrap();
    let dir = TempDir::new();
    let source = dir.path().join("router.bin");
    write_firmware(&source, SIZE);
    let made = started.elapsed();

    // Upload, verification started on two test devices.
    let sent = Arc::new(AtomicU64::new(0));
    let package = client
        .upload_package(PRODUCT)
        .file(&source)
        .dest_version("2.0.0")
        .verify_on(["tester-1", "tester-2"])
        .on_progress({
            let sent = Arc::clone(&sent);
            move |p| {
                assert!(p.sent <= p.total && p.total == SIZE, "{p:?}");
                sent.fetch_max(p.sent, Ordering::SeqCst);
            }
        })
        .send()
        .await
        .unwrap();
    assert_eq!(sent.load(Ordering::SeqCst), SIZE);
    assert_eq!(package.files.len(), 1);
    assert_eq!(package.files[0].size, SIZE);
    assert!(package.verify_job_id.is_some());
    let uploaded = started.elapsed();

    // Wait until verified, the devices moving on meanwhile.
    let seen = Arc::new(Mutex::new(Vec::new()));
    let info = driven(
        &emulator,
        client
            .wait_verified(&package.firmware_id)
            .polling(fast())
            .on_progress({
                let seen = Arc::clone(&seen);
                move |p| seen.lock().unwrap().push(p.status)
            })
            .wait(),
    )
    .await
    .unwrap();
    assert_eq!(info.status, Some(FirmwareStatus::Verified));
    assert_eq!(info.firmware_size, Some(SIZE as i64));
    assert_eq!(
        info.firmware_sign.as_deref(),
        Some(package.files[0].sign.as_str())
    );
    assert!(seen.lock().unwrap().contains(&FirmwareStatus::Verified));

    // Roll out to every device of the product (the testers already run 2.0.0), and watch.
    let rollout = client
        .rollout(&package.firmware_id)
        .all()
        .rate_per_minute(1000)
        .timeout_minutes(60)
        .tag("release", "2.0.0")
        .start()
        .await
        .unwrap();
    assert!(!rollout.dynamic);
    let polls = Arc::new(AtomicUsize::new(0));
    let done = driven(
        &emulator,
        rollout
            .watch()
            .polling(fast())
            .on_progress({
                let polls = Arc::clone(&polls);
                move |p| {
                    assert!(p.tasks.total() <= DEVICES as u64, "{p}");
                    polls.fetch_add(1, Ordering::SeqCst);
                }
            })
            .wait(),
    )
    .await
    .unwrap();
    assert_eq!(done.status, JobStatus::Completed, "{done}");
    assert_eq!(done.tasks.succeeded, DEVICES as u64, "{done}");
    assert_eq!(done.tasks.total(), DEVICES as u64, "{done}");
    assert!(polls.load(Ordering::SeqCst) >= 2);
    let rolled_out = started.elapsed();

    // Download what devices download: the same bytes.
    let dest = dir.path().join("out").join("router-2.0.0.bin");
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let files = client
        .download_package(&package.firmware_id)
        .to(&dest)
        .send()
        .await
        .unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].path, dest);
    assert_eq!(files[0].size, SIZE);
    assert_eq!(files[0].resumed_from, 0);
    assert_eq!(files[0].digests, [("MD5", package.files[0].md5.clone())]);
    assert!(same_bytes(&source, &dest));
    assert_eq!(entries(&dir.path().join("out")), ["router-2.0.0.bin"]);
    eprintln!(
        "pipeline: file made {made:?}, uploaded {:?}, verified and rolled out {:?}, downloaded {:?}",
        uploaded - made,
        rolled_out - uploaded,
        started.elapsed() - rolled_out
    );
    emulator.shutdown().await;
}

/// A loopback HTTP/1.1 server that answers request `i` (its head) with the bytes
/// `answer(i, head)` says, then closes the connection; the heads it read.
struct Loopback {
    url: String,
    heads: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Loopback {
    async fn start(answer: impl Fn(usize, &str) -> Vec<u8> + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/ota/fw.bin", listener.local_addr().unwrap());
        let heads = Arc::new(Mutex::new(Vec::new()));
        let task = tokio::spawn({
            let heads = Arc::clone(&heads);
            async move {
                loop {
                    let (mut socket, _) = listener.accept().await.unwrap();
                    let mut head = Vec::new();
                    while !head.ends_with(b"\r\n\r\n") {
                        let mut byte = [0];
                        if socket.read(&mut byte).await.unwrap() == 0 {
                            break;
                        }
                        head.push(byte[0]);
                    }
                    let head = String::from_utf8(head).unwrap();
                    let index = {
                        let mut heads = heads.lock().unwrap();
                        heads.push(head.clone());
                        heads.len() - 1
                    };
                    let _ = socket.write_all(&answer(index, &head)).await;
                    let _ = socket.shutdown().await;
                }
            }
        });
        Self { url, heads, task }
    }

    fn heads(&self) -> Vec<String> {
        self.heads.lock().unwrap().clone()
    }
}

impl Drop for Loopback {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn http_head(status: &str, length: usize, extra: &str) -> Vec<u8> {
    format!("HTTP/1.1 {status}\r\nContent-Length: {length}\r\nConnection: close\r\n{extra}\r\n")
        .into_bytes()
}

#[tokio::test]
async fn wrong_bytes_fail_with_both_digests_and_leave_no_file() {
    let emulator = start(1).await;
    let client = emulator.client().unwrap();
    let dir = TempDir::new();
    let mut info = small_package(&client, dir.path(), "wrong-bytes", 200_000).await;
    let expected = info.firmware_sign.clone().unwrap();

    // Same length, one byte different.
    let mut wrong = firmware(200_000);
    wrong[123_456] ^= 0xff;
    let server = Loopback::start(move |_, _| {
        let mut answer = http_head("200 OK", wrong.len(), "");
        answer.extend_from_slice(&wrong);
        answer
    })
    .await;
    info.firmware_url = Some(server.url.clone());
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let error = client
        .download_package(info.firmware_id.clone().unwrap())
        .package_info(info)
        .to(out.join("fw.bin"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.step(), Step::Download);
    let ErrorKind::DigestMismatch {
        algorithm,
        expected: stated,
        actual,
    } = error.kind()
    else {
        panic!("{error}");
    };
    assert_eq!((*algorithm, stated.as_str()), ("MD5", expected.as_str()));
    assert_ne!(actual, stated);
    let text = error.to_string();
    assert!(
        text.contains(&expected) && text.contains(actual.as_str()),
        "{text}"
    );
    assert!(entries(&out).is_empty(), "{:?}", entries(&out));
    emulator.shutdown().await;
}

#[tokio::test]
async fn a_cut_connection_resumes_with_range() {
    const LEN: usize = 400_000;
    let emulator = start(1).await;
    let client = emulator.client().unwrap();
    let dir = TempDir::new();
    let mut info = small_package(&client, dir.path(), "cut", LEN as u64).await;

    // The first answer stops halfway; the next serves the rest of the range asked for.
    let bytes = firmware(LEN as u64);
    let server = Loopback::start(move |i, head| {
        if i == 0 {
            let mut answer = http_head("200 OK", LEN, "");
            answer.extend_from_slice(&bytes[..LEN / 2]);
            return answer;
        }
        let from: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("range: bytes="))
            .and_then(|r| r.strip_suffix('-'))
            .unwrap()
            .parse()
            .unwrap();
        let range = format!("Content-Range: bytes {from}-{}/{LEN}\r\n", LEN - 1);
        let mut answer = http_head("206 Partial Content", LEN - from, &range);
        answer.extend_from_slice(&bytes[from..]);
        answer
    })
    .await;
    info.firmware_url = Some(server.url.clone());
    let dest = dir.path().join("cut-copy.bin");
    let files = client
        .download_package(info.firmware_id.clone().unwrap())
        .package_info(info)
        .to(&dest)
        .send()
        .await
        .unwrap();
    assert!(same_bytes(&dest, &dir.path().join("cut.bin")));
    assert_eq!(files[0].size, LEN as u64);
    let heads = server.heads();
    assert_eq!(heads.len(), 2, "{heads:?}");
    assert!(!heads[0].contains("range:"), "{}", heads[0]);
    assert!(heads[1].contains("range: bytes="), "{}", heads[1]);
    emulator.shutdown().await;
}

/// The temporary file a download of `info` (served as `fw.bin`) into `dir` writes.
fn part_file(dir: &Path, info: &FirmwareInfo) -> PathBuf {
    let sign = info.firmware_sign.as_deref().unwrap();
    dir.join(format!(".fw.bin.{}.part", &sign[..16]))
}

#[tokio::test]
async fn a_second_download_into_the_same_place_fails_at_once() {
    const LEN: usize = 100_000;
    let emulator = start(1).await;
    let client = emulator.client().unwrap();
    let dir = TempDir::new();
    let mut info = small_package(&client, dir.path(), "locked", LEN as u64).await;
    let bytes = firmware(LEN as u64);
    let server = Loopback::start(move |_, _| {
        let mut answer = http_head("200 OK", LEN, "");
        answer.extend_from_slice(&bytes);
        answer
    })
    .await;
    info.firmware_url = Some(server.url.clone());
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();

    // Another download holds the temporary file: this one neither waits nor writes.
    let other = std::fs::File::create(part_file(&out, &info)).unwrap();
    other.lock().unwrap();
    let download = client
        .download_package(info.firmware_id.clone().unwrap())
        .package_info(info)
        .to(out.join("fw.bin"));
    let error = download.clone().send().await.unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::Invalid(_)), "{error}");
    assert!(error.to_string().contains("another download"), "{error}");
    assert!(server.heads().is_empty(), "{:?}", server.heads());
    assert_eq!(other.metadata().unwrap().len(), 0);

    // Once it is done, the file downloads.
    drop(other);
    download.send().await.unwrap();
    assert!(same_bytes(
        &out.join("fw.bin"),
        &dir.path().join("locked.bin")
    ));
    assert_eq!(entries(&out), ["fw.bin"]);
    emulator.shutdown().await;
}

#[tokio::test]
async fn a_whole_part_file_of_unknown_size_is_checked_by_its_digest() {
    const LEN: usize = 100_000;
    let emulator = start(1).await;
    let client = emulator.client().unwrap();
    let dir = TempDir::new();
    let mut info = small_package(&client, dir.path(), "no-size", LEN as u64).await;
    // Storage has nothing after what is on disk; the package states no size.
    let server = Loopback::start(|_, _| http_head("416 Range Not Satisfiable", 0, "")).await;
    info.firmware_url = Some(server.url.clone());
    info.firmware_size = None;
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let download = client
        .download_package(info.firmware_id.clone().unwrap())
        .package_info(info.clone())
        .to(out.join("fw.bin"));

    // The right bytes: kept.
    let mut bytes = firmware(LEN as u64);
    std::fs::write(part_file(&out, &info), &bytes).unwrap();
    let files = download.clone().send().await.unwrap();
    assert_eq!(
        (files[0].size, files[0].resumed_from),
        (LEN as u64, LEN as u64)
    );
    assert!(same_bytes(
        &out.join("fw.bin"),
        &dir.path().join("no-size.bin")
    ));

    // Wrong ones: refused, and deleted.
    std::fs::remove_file(out.join("fw.bin")).unwrap();
    bytes[7] ^= 0xff;
    std::fs::write(part_file(&out, &info), &bytes).unwrap();
    let error = download.send().await.unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::DigestMismatch { .. }),
        "{error}"
    );
    assert!(entries(&out).is_empty(), "{:?}", entries(&out));
    let heads = server.heads();
    assert!(
        heads
            .iter()
            .all(|h| h.contains(&format!("range: bytes={LEN}-"))),
        "{heads:?}"
    );
    emulator.shutdown().await;
}

#[tokio::test]
async fn a_download_dropped_halfway_resumes_later() {
    const LEN: u64 = 16 * 1024 * 1024;
    let emulator = start(1).await;
    let client = emulator.client().unwrap();
    let dir = TempDir::new();
    let info = small_package(&client, dir.path(), "dropped", LEN).await;
    let id = info.firmware_id.clone().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let dest = out.join("dropped.bin");

    // Stop (drop the future) once half of it is on disk.
    let half = Arc::new(tokio::sync::Notify::new());
    let download = client
        .download_package(&id)
        .to(&dest)
        .on_progress({
            let half = Arc::clone(&half);
            move |p| {
                if p.received >= LEN / 2 {
                    half.notify_one();
                }
            }
        })
        .send();
    tokio::select! {
        biased;
        () = half.notified() => {}
        result = download => panic!("finished before it was dropped: {result:?}"),
    }
    let left = entries(&out);
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].ends_with(".part"), "{left:?}");
    let partial = std::fs::metadata(out.join(&left[0])).unwrap().len();
    assert!(partial > 0 && partial < LEN, "{partial}");

    // Again: it goes on from what is on disk.
    let files = client.download_package(&id).to(&dest).send().await.unwrap();
    assert!(files[0].resumed_from > 0, "{:?}", files[0]);
    assert!(same_bytes(&dest, &dir.path().join("dropped.bin")));
    assert_eq!(entries(&out), ["dropped.bin"]);
    emulator.shutdown().await;
}

#[tokio::test]
async fn an_expired_download_url_is_renewed() {
    let emulator = start(1).await;
    let client = emulator.client().unwrap();
    let dir = TempDir::new();
    let info = small_package(&client, dir.path(), "expired-url", 100_000).await;
    let old_url = info.firmware_url.clone().unwrap();

    // Two hours later the URL read before has expired.
    emulator.advance(Duration::from_secs(2 * 3600)).unwrap();
    let status = reqwest::get(&old_url).await.unwrap().status();
    assert_eq!(status, 403);
    let dest = dir.path().join("copy.bin");
    client
        .download_package(info.firmware_id.clone().unwrap())
        .package_info(info)
        .to(&dest)
        .send()
        .await
        .unwrap();
    assert!(same_bytes(&dest, &dir.path().join("expired-url.bin")));
    emulator.shutdown().await;
}

#[tokio::test]
async fn an_expired_upload_policy_is_renewed_once() {
    let emulator = Arc::new(start(1).await);
    let client = emulator.client().unwrap();
    let dir = TempDir::new();
    let path: PathBuf = dir.path().join("late.bin");
    write_firmware(&path, 50_000);

    // The first transfer starts two minutes after its credentials: the policy has expired.
    let upload = |expire_every_time: bool, name: &'static str| {
        let starts = Arc::new(AtomicUsize::new(0));
        let builder = client
            .upload_package(PRODUCT)
            .file(&path)
            .dest_version("4.0.0")
            .firmware_name(name)
            .need_to_verify(false)
            .on_progress({
                let (starts, emulator) = (Arc::clone(&starts), Arc::clone(&emulator));
                move |p| {
                    if p.sent == 0 {
                        let n = starts.fetch_add(1, Ordering::SeqCst);
                        if n == 0 || expire_every_time {
                            emulator.advance(Duration::from_secs(120)).unwrap();
                        }
                    }
                }
            });
        (builder, starts)
    };
    let (builder, starts) = upload(false, "late-once");
    let package = builder.send().await.unwrap();
    assert_eq!(starts.load(Ordering::SeqCst), 2);
    assert_eq!(package.files[0].size, 50_000);

    let (builder, starts) = upload(true, "late-always");
    let error = builder.send().await.unwrap_err();
    assert_eq!(starts.load(Ordering::SeqCst), 2);
    assert_eq!(error.step(), Step::UploadFile);
    assert_eq!(error.code(), Some("AccessDenied"), "{error}");
    assert_eq!(error.file(), Some("late.bin"));
    assert!(error.to_string().contains("expired"), "{error}");
    drop(client);
    Arc::try_unwrap(emulator).unwrap().shutdown().await;
}

#[tokio::test]
async fn a_multi_file_package_round_trips_with_sha256() {
    let emulator = start(1).await;
    let client = emulator.client().unwrap();
    let dir = TempDir::new();
    let (app, data) = (dir.path().join("app.bin"), dir.path().join("data.tar.gz"));
    write_firmware(&app, 300_000);
    write_firmware(&data, 123_457);
    let package = client
        .upload_package(PRODUCT)
        .files([&app, &data])
        .dest_version("5.0.0")
        .sign_method(SignMethod::Sha256)
        .need_to_verify(false)
        .send()
        .await
        .unwrap();
    assert_eq!(package.firmware_name, "app-5_0_0");
    let names: Vec<&str> = package.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["app.bin", "data.tar.gz"]);
    assert_eq!(package.files[0].sign.len(), 64);

    let out = dir.path().join("out");
    let files = client
        .download_package(&package.firmware_id)
        .to(&out)
        .send()
        .await
        .unwrap();
    assert_eq!(files.len(), 2);
    for (file, source) in files.iter().zip([&app, &data]) {
        assert!(same_bytes(&file.path, source), "{file:?}");
        let algorithms: Vec<&str> = file.digests.iter().map(|d| d.0).collect();
        assert_eq!(algorithms, ["MD5", "SHA256"]);
    }
    assert_eq!(entries(&out), ["app.bin", "data.tar.gz"]);
    emulator.shutdown().await;
}

#[tokio::test]
async fn a_failed_verification_names_the_device() {
    let emulator =
        start_with(product(1).with_device(DeviceSeed::new("tester-bad").failing())).await;
    let client = emulator.client().unwrap();
    let dir = TempDir::new();
    let path = dir.path().join("bad.bin");
    write_firmware(&path, 10_000);
    let package = client
        .upload_package(PRODUCT)
        .file(&path)
        .dest_version("6.0.0")
        .verify_on(["tester-1", "tester-bad"])
        .send()
        .await
        .unwrap();
    let error = driven(
        &emulator,
        client
            .wait_verified(&package.firmware_id)
            .polling(fast())
            .wait(),
    )
    .await
    .unwrap_err();
    assert_eq!(error.step(), Step::WaitVerified);
    let ErrorKind::VerificationFailed { job_id, failures } = error.kind() else {
        panic!("{error}");
    };
    assert_eq!(job_id, &package.verify_job_id);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert_eq!(failures[0].device_name, "tester-bad");
    assert!(error.to_string().contains("tester-bad FAILED"), "{error}");

    // A package nobody verifies is an error at once, not a wait until the deadline.
    let other = client
        .upload_package(PRODUCT)
        .file(&path)
        .dest_version("6.0.1")
        .send()
        .await
        .unwrap();
    let error = client
        .wait_verified(&other.firmware_id)
        .polling(fast())
        .wait()
        .await
        .unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::Invalid(_)), "{error}");
    emulator.shutdown().await;
}

/// Sets its flag when dropped, even by a panic.
struct SetOnDrop<'a>(&'a AtomicBool);

impl Drop for SetOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

#[test]
fn the_blocking_client_runs_the_pipeline() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let emulator = runtime.block_on(start(20));
    let client =
        aliyun_iot::blocking::Client::new(emulator.client_config().unwrap().build().unwrap())
            .unwrap();
    let dir = TempDir::new();
    let path = dir.path().join("sync.bin");
    write_firmware(&path, 300_000);
    let package = client
        .run(
            client
                .upload_package(PRODUCT)
                .file(&path)
                .dest_version("7.0.0")
                .verify_on(["tester-1"])
                .send(),
        )
        .unwrap();

    // The devices move on in a thread of their own while the client blocks.
    let stop = AtomicBool::new(false);
    let job_id = std::thread::scope(|scope| {
        scope.spawn(|| {
            while !stop.load(Ordering::SeqCst) {
                emulator.advance(STEP).unwrap();
                std::thread::sleep(Duration::from_millis(5));
            }
        });
        let _stop = SetOnDrop(&stop);
        client
            .run(
                client
                    .wait_verified(&package.firmware_id)
                    .polling(fast())
                    .wait(),
            )
            .unwrap();
        let rollout = client
            .run(client.rollout(&package.firmware_id).all().start())
            .unwrap();
        let done = client.run(rollout.watch().polling(fast()).wait()).unwrap();
        // 20 devices and tester-2 (tester-1 runs 7.0.0 since its verification).
        assert_eq!(done.tasks.succeeded, 21, "{done}");
        rollout.job_id
    });

    // Operations sent synchronously, paged ones iterated: 21 tasks in pages of 5; a call that
    // cannot be built is its one error.
    let job = client.query_ota_job().job_id(&job_id).send().unwrap();
    assert_eq!(job.data.and_then(|d| d.job_id), Some(job_id.clone()));
    let tasks: Vec<_> = client
        .list_ota_task_by_job()
        .job_id(&job_id)
        .page_size(5)
        .into_iter()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(tasks.len(), 21);
    let mut unbuilt = client.list_ota_task_by_job().into_iter();
    assert!(matches!(
        unbuilt.next(),
        Some(Err(aliyun_runtime::Error::Build(_)))
    ));
    assert!(unbuilt.next().is_none());
    // The async paginators still iterate through `iter`.
    let async_tasks = client
        .iter(
            client
                .as_async()
                .list_ota_task_by_job()
                .job_id(&job_id)
                .page_size(5)
                .into_paginator(),
        )
        .count();
    assert_eq!(async_tasks, 21);

    let dest = dir.path().join("sync-copy.bin");
    client
        .run(
            client
                .download_package(&package.firmware_id)
                .to(&dest)
                .send(),
        )
        .unwrap();
    assert!(same_bytes(&path, &dest));
    drop(client);
    runtime.block_on(emulator.shutdown());
}
