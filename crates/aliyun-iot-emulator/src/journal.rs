//! Durable state (`--state DIR`): a snapshot plus an append-only journal of event batches.
//!
//! The emulator's state machine is event-sourced, so the state on disk is the last snapshot
//! and the batches of events journaled after it; [`Journal::open`] hands both back for replay.
//! Files in DIR, all JSON (one value per line, so `jq` reads them):
//!
//! - `journal.jsonl`: one line per batch, `{"seq":42,"events":[...],"crc":"1a2b3c4d"}`.
//!   Sequence numbers go up by exactly 1 (a gap or a repeat is damage). A line is written with
//!   one `write` and made durable with `sync_data` before [`Journal::append`] returns.
//! - `snapshot.json`: `{"format":1,"seq":N,"state":...,"crc":"1a2b3c4d"}` and a newline: the
//!   state after batch N. Replay applies only batches with `seq > N`, so batches the journal
//!   still holds after an interrupted compaction are never applied twice.
//! - `lock`: held (`flock`) by the emulator using DIR.
//!
//! `crc` is the CRC-32 (IEEE, as in zlib) of every byte before `,"crc":`, in lowercase hex, so
//! bit rot in a complete line or in the snapshot is reported, not replayed. A last line with no
//! newline was being written when the process died (it was never acknowledged): it is cut off
//! with a warning. Any other damage is a [`StateError`] naming the file and the line.

use std::error::Error;
use std::fmt;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, BufRead, BufReader, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

const LOCK: &str = "lock";
const SNAPSHOT: &str = "snapshot.json";
const SNAPSHOT_TMP: &str = "snapshot.json.tmp";
const JOURNAL: &str = "journal.jsonl";
/// The snapshot format this code writes and reads.
const FORMAT: u32 = 1;
/// Length of the checksum trailer `,"crc":"xxxxxxxx"}` that ends every line.
const TRAILER_LEN: usize = 18;

/// Why the state directory cannot be used: the file, where in it, what was wrong.
#[derive(Debug)]
#[non_exhaustive]
pub struct StateError {
    /// The file (or the directory) at fault.
    pub file: PathBuf,
    /// Where in the file, e.g. `line 12, column 5`; empty for the whole file.
    pub location: String,
    /// What was wrong (including the text of the underlying error, if any).
    pub message: String,
    source: Option<Box<dyn Error + Send + Sync>>,
}

impl StateError {
    /// An error at `location` in `file` (`""`: the whole file), without an underlying cause.
    pub(crate) fn new(
        file: &Path,
        location: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        let (file, location, message) = (file.to_path_buf(), location.into(), message.into());
        StateError {
            file,
            location,
            message,
            source: None,
        }
    }

    /// An I/O error on the whole of `file`: the message is `what` and the error's text.
    pub(crate) fn io(file: &Path, what: &str, e: io::Error) -> Self {
        let message = format!("{what}: {e}");
        StateError {
            source: Some(Box::new(e)),
            ..Self::new(file, "", message)
        }
    }

    /// A JSON error in `file`, whose line 1 is line `first_line` of the file.
    fn json(file: &Path, first_line: u64, e: serde_json::Error) -> Self {
        let location = match e.line() {
            0 => String::new(),
            line => format!(
                "line {}, column {}",
                line as u64 + first_line - 1,
                e.column()
            ),
        };
        // serde_json's text ends with its own "at line L column C"; the location says it.
        let text = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let message = text.strip_suffix(&suffix).unwrap_or(&text).to_owned();
        StateError {
            source: Some(Box::new(e)),
            ..Self::new(file, location, message)
        }
    }
}

impl fmt::Display for StateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location.as_str() {
            "" => write!(f, "{}: {}", self.file.display(), self.message),
            at => write!(f, "{}: at {at}: {}", self.file.display(), self.message),
        }
    }
}

impl Error for StateError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn Error + 'static))
    }
}

/// What [`Journal::open`] found in the directory.
pub(crate) struct Recovered<S, E> {
    /// The last snapshot, if one was taken.
    pub snapshot: Option<S>,
    /// The events of every batch journaled after the snapshot, in order.
    pub events: Vec<E>,
}

/// The open, locked state directory: appends batches of events and takes snapshots.
pub(crate) struct Journal {
    dir: PathBuf,
    journal_path: PathBuf,
    /// `journal.jsonl`, opened for appending.
    file: File,
    /// Holds the lock on DIR until the journal is dropped.
    _lock: File,
    /// Reused for every line.
    buf: Vec<u8>,
    /// Length of the journal up to its last durable line.
    len: u64,
    next_seq: u64,
    since_snapshot: u64,
    /// A write or sync failed in a way that leaves the file in doubt: every later call fails.
    broken: bool,
    /// Syncs written batches, outside the state lock.
    sync: Arc<Syncer>,
}

/// Makes written batches durable: one `sync_data` covers every batch written before it, so
/// changes answered at the same time share one (group commit).
#[derive(Debug)]
pub(crate) struct Syncer {
    /// Another handle on the journal file.
    file: File,
    /// The last batch written (not necessarily synced).
    written: AtomicU64,
    /// The last batch known to be on disk.
    synced: AtomicU64,
    /// Held while syncing: who waits for it finds their batch synced when they get it.
    syncing: Mutex<()>,
    /// A sync failed: what was written may not be on disk.
    broken: AtomicBool,
}

impl Syncer {
    /// Whether every batch written so far is on disk (no lock taken: readers ask this on
    /// every request).
    pub(crate) fn is_synced(&self) -> bool {
        !self.broken.load(Ordering::Acquire)
            && self.synced.load(Ordering::Acquire) >= self.written.load(Ordering::Acquire)
    }

    /// Returns once every batch written so far is on disk (syncing if no one else has).
    /// Blocks for the length of a `sync_data`: call it off the async workers.
    pub(crate) fn sync(&self) -> io::Result<()> {
        let target = self.written.load(Ordering::Acquire);
        let broken =
            || io::Error::other("an earlier sync of the journal failed; restart the emulator");
        if self.broken.load(Ordering::Acquire) {
            return Err(broken());
        }
        if self.synced.load(Ordering::Acquire) >= target {
            return Ok(());
        }
        let _syncing = self.syncing.lock().unwrap_or_else(PoisonError::into_inner);
        if self.broken.load(Ordering::Acquire) {
            return Err(broken());
        }
        if self.synced.load(Ordering::Acquire) >= target {
            return Ok(()); // the sync just finished covered it
        }
        // Whatever was written up to now is covered by this sync.
        let covered = self.written.load(Ordering::Acquire);
        if let Err(e) = self.file.sync_data() {
            self.broken.store(true, Ordering::Release);
            return Err(e);
        }
        self.synced.store(covered, Ordering::Release);
        Ok(())
    }
}

impl Journal {
    /// Opens DIR (creating it), takes an exclusive lock on `DIR/lock` (another emulator
    /// already using DIR is an error), reads the snapshot (if any) and every event journaled
    /// after it, in order.
    pub(crate) fn open<S: DeserializeOwned, E: DeserializeOwned>(
        dir: &Path,
    ) -> Result<(Journal, Recovered<S, E>), StateError> {
        let created = !dir.is_dir();
        fs::create_dir_all(dir)
            .map_err(|e| StateError::io(dir, "cannot create the state directory", e))?;
        if created {
            let parent = dir.parent().filter(|p| !p.as_os_str().is_empty());
            sync_dir(parent.unwrap_or(Path::new(".")))
                .map_err(|e| StateError::io(dir, "cannot sync the parent directory", e))?;
        }
        let lock_path = dir.join(LOCK);
        let lock = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path);
        let lock = lock.map_err(|e| StateError::io(&lock_path, "cannot open the lock file", e))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(StateError::new(dir, "", "is in use by another emulator"));
            }
            Err(TryLockError::Error(e)) => {
                return Err(StateError::io(&lock_path, "cannot lock", e));
            }
        }
        let tmp = dir.join(SNAPSHOT_TMP);
        match fs::remove_file(&tmp) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                return Err(StateError::io(
                    &tmp,
                    "cannot remove an unfinished snapshot",
                    e,
                ));
            }
            _ => {}
        }
        let snapshot_path = dir.join(SNAPSHOT);
        let snapshot = read_snapshot::<S>(&snapshot_path)?;
        let base = snapshot.as_ref().map_or(0, |(seq, _)| *seq);

        let journal_path = dir.join(JOURNAL);
        let opened = OpenOptions::new()
            .read(true)
            .append(true)
            .open(&journal_path);
        let file = match opened {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound && snapshot.is_some() => {
                let message = format!("is missing, but {} exists", snapshot_path.display());
                return Err(StateError::new(&journal_path, "", message));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let mut options = OpenOptions::new();
                options.read(true).append(true).create_new(true);
                let file = options.open(&journal_path).and_then(|f| {
                    sync_dir(dir)?;
                    Ok(f)
                });
                file.map_err(|e| StateError::io(&journal_path, "cannot create the journal", e))?
            }
            Err(e) => return Err(StateError::io(&journal_path, "cannot open the journal", e)),
        };
        let replay = read_journal::<E>(&journal_path, &file, base)?;
        let mut len = replay.len;
        if replay.last_seq.is_some_and(|last| last <= base) {
            // A compaction stopped after its snapshot: finish it (those batches are in it).
            file.set_len(0)
                .and_then(|()| file.sync_all())
                .map_err(|e| StateError::io(&journal_path, "cannot reset the journal", e))?;
            len = 0;
        }
        let file_clone = file
            .try_clone()
            .map_err(|e| StateError::io(&journal_path, "cannot open the journal", e))?;
        let journal = Journal {
            dir: dir.to_path_buf(),
            journal_path,
            file,
            _lock: lock,
            buf: Vec::new(),
            len,
            next_seq: base.max(replay.last_seq.unwrap_or(0)) + 1,
            since_snapshot: replay.batches,
            broken: false,
            sync: Arc::new(Syncer {
                file: file_clone,
                written: AtomicU64::new(0),
                synced: AtomicU64::new(0),
                syncing: Mutex::new(()),
                broken: AtomicBool::new(false),
            }),
        };
        let recovered = Recovered {
            snapshot: snapshot.map(|(_, state)| state),
            events: replay.events,
        };
        Ok((journal, recovered))
    }

    /// Appends one batch of events durably: [`Journal::write`], then `sync_data`; returns
    /// only when the batch is on disk (the emulator writes under its state lock and syncs
    /// outside it instead).
    #[cfg(test)]
    pub(crate) fn append<E: Serialize>(&mut self, events: &[E]) -> io::Result<()> {
        self.write(events)?;
        self.sync.sync()
    }

    /// The syncer of this journal, to make written batches durable without holding the
    /// journal (see [`Syncer::sync`]).
    pub(crate) fn syncer(&self) -> Arc<Syncer> {
        Arc::clone(&self.sync)
    }

    /// Writes one batch of events: one write of one line, not yet synced (nothing may be
    /// acknowledged before [`Syncer::sync`] returns). An empty batch does nothing. On an error
    /// the batch must not be applied; if the file is left in doubt (a failed write or sync),
    /// every later call fails too and the emulator must be restarted.
    pub(crate) fn write<E: Serialize>(&mut self, events: &[E]) -> io::Result<()> {
        if events.is_empty() {
            return Ok(());
        }
        self.usable()?;
        if self.buf.capacity() > 1 << 20 {
            self.buf = Vec::new(); // do not keep the memory of one huge batch forever
        }
        encode_batch(&mut self.buf, self.next_seq, events)?;
        if let Err(e) = self.file.write_all(&self.buf) {
            // Cut a partial line off, so that the next batch starts on a line of its own.
            self.broken = self.file.set_len(self.len).is_err();
            return Err(e);
        }
        self.len += self.buf.len() as u64;
        self.sync.written.store(self.next_seq, Ordering::Release);
        self.next_seq += 1;
        self.since_snapshot += 1;
        Ok(())
    }

    /// Replaces the snapshot by `state`, which must be the result of every batch appended so
    /// far, then empties the journal. The snapshot is written to a temporary file, synced,
    /// renamed and the directory synced before the journal is touched; a crash at any point
    /// leaves either the old snapshot and the full journal, or the new snapshot and batches it
    /// already holds (skipped on replay by their sequence numbers).
    pub(crate) fn compact<S: Serialize>(&mut self, state: &S) -> io::Result<()> {
        self.usable()?;
        let tmp = self.dir.join(SNAPSHOT_TMP);
        if let Err(e) = write_snapshot(&tmp, self.next_seq - 1, state) {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        fs::rename(&tmp, self.dir.join(SNAPSHOT))?;
        sync_dir(&self.dir)?;
        if let Err(e) = self.file.set_len(0).and_then(|()| self.file.sync_all()) {
            self.broken = true;
            return Err(e);
        }
        self.len = 0;
        self.since_snapshot = 0;
        Ok(())
    }

    /// Batches appended since the last snapshot (the emulator compacts when this grows large).
    pub(crate) fn batches_since_snapshot(&self) -> u64 {
        self.since_snapshot
    }

    /// The directory.
    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    fn usable(&self) -> io::Result<()> {
        if self.broken || self.sync.broken.load(Ordering::Acquire) {
            let path = self.journal_path.display();
            let message = format!("{path} is in doubt after a failed write; restart the emulator");
            return Err(io::Error::other(message));
        }
        Ok(())
    }
}

/// Replaces `buf` by the journal line of batch `seq`, newline included.
fn encode_batch<E: Serialize>(buf: &mut Vec<u8>, seq: u64, events: &[E]) -> io::Result<()> {
    buf.clear();
    write!(buf, "{{\"seq\":{seq},\"events\":")?;
    serde_json::to_writer(&mut *buf, events)?;
    let crc = crc32(buf);
    writeln!(buf, ",\"crc\":\"{crc:08x}\"}}")
}

/// One journal line as read.
#[derive(Deserialize)]
struct Batch<E> {
    seq: u64,
    events: Vec<E>,
    crc: String,
}

/// What the journal holds after the snapshot.
struct Replay<E> {
    events: Vec<E>,
    /// Batches after the snapshot.
    batches: u64,
    last_seq: Option<u64>,
    /// Length up to the last complete line.
    len: u64,
}

/// Reads every line of the journal, checking checksums and sequence numbers, keeping the
/// events of batches after `base`, and cutting off a torn last line.
fn read_journal<E: DeserializeOwned>(
    path: &Path,
    file: &File,
    base: u64,
) -> Result<Replay<E>, StateError> {
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut replay = Replay {
        events: Vec::new(),
        batches: 0,
        last_seq: None,
        len: 0,
    };
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        let read = reader.read_until(b'\n', &mut line);
        let n = read.map_err(|e| StateError::io(path, "cannot read the journal", e))?;
        let Some(body) = line.strip_suffix(b"\n") else {
            if n > 0 {
                // Being written when the process died: never acknowledged.
                let offset = replay.len;
                tracing::warn!(file = %path.display(), offset, "cutting off a torn last line");
                file.set_len(offset)
                    .and_then(|()| file.sync_all())
                    .map_err(|e| StateError::io(path, "cannot cut off a torn last line", e))?;
            }
            return Ok(replay);
        };
        number += 1;
        let at = format!("line {number}");
        let batch: Batch<E> =
            serde_json::from_slice(body).map_err(|e| StateError::json(path, number, e))?;
        let crc = crc32(&body[..body.len().saturating_sub(TRAILER_LEN)]);
        if !body.ends_with(format!(",\"crc\":\"{crc:08x}\"}}").as_bytes()) {
            let message = format!(
                "checksum mismatch: stored {}, computed {crc:08x}",
                batch.crc
            );
            return Err(StateError::new(path, at, message));
        }
        let message = match replay.last_seq {
            Some(last) if batch.seq != last + 1 => Some(format!(
                "batch {} where batch {} was expected",
                batch.seq,
                last + 1
            )),
            None if batch.seq == 0 => Some("batch 0: batches are numbered from 1".to_owned()),
            None if batch.seq > base + 1 => Some(format!(
                "the journal starts at batch {}, but the snapshot (if any) ends at batch {base}: \
                 batches {} to {} are missing",
                batch.seq,
                base + 1,
                batch.seq - 1
            )),
            _ => None,
        };
        if let Some(message) = message {
            return Err(StateError::new(path, at, message));
        }
        replay.last_seq = Some(batch.seq);
        if batch.seq > base {
            replay.events.extend(batch.events);
            replay.batches += 1;
        }
        replay.len += n as u64;
    }
}

/// The snapshot as read.
#[derive(Deserialize)]
struct Snapshot<S> {
    format: u32,
    seq: u64,
    state: S,
    crc: String,
}

/// Writes and syncs a snapshot of `state` after batch `seq` at `path`.
fn write_snapshot<S: Serialize>(path: &Path, seq: u64, state: &S) -> io::Result<()> {
    let file = BufWriter::with_capacity(1 << 20, File::create(path)?);
    let mut out = CrcWriter {
        inner: file,
        crc: Crc32::new(),
    };
    write!(out, "{{\"format\":{FORMAT},\"seq\":{seq},\"state\":")?;
    serde_json::to_writer(&mut out, state)?;
    let crc = out.crc.finish();
    let mut file = out.inner;
    writeln!(file, ",\"crc\":\"{crc:08x}\"}}")?;
    file.into_inner().map_err(|e| e.into_error())?.sync_all()
}

/// Reads the snapshot at `path`, if there is one, and the batch it was taken after.
fn read_snapshot<S: DeserializeOwned>(path: &Path) -> Result<Option<(u64, S)>, StateError> {
    let io_error = |e| StateError::io(path, "cannot read the snapshot", e);
    let mut file = match File::open(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        file => file.map_err(io_error)?,
    };
    // A format this code does not know is named as such, before its state fails to parse.
    let mut head = Vec::new();
    (&file).take(32).read_to_end(&mut head).map_err(io_error)?;
    if let Some(rest) = head.strip_prefix(b"{\"format\":") {
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let format = String::from_utf8_lossy(&rest[..digits]);
        if digits > 0 && format != FORMAT.to_string() {
            let message =
                format!("unknown snapshot format {format} (this emulator reads {FORMAT})");
            return Err(StateError::new(path, "", message));
        }
    }
    file.rewind().map_err(io_error)?;
    let len = file.metadata().map_err(io_error)?.len();
    let limit = len.saturating_sub(TRAILER_LEN as u64 + 1);
    let mut reader = CrcReader {
        inner: file,
        crc: Crc32::new(),
        pos: 0,
        limit,
        tail: Vec::new(),
    };
    let parsed = serde_json::from_reader(BufReader::with_capacity(1 << 20, &mut reader));
    let snapshot: Snapshot<S> = parsed.map_err(|e| StateError::json(path, 1, e))?;
    io::copy(&mut reader, &mut io::sink()).map_err(io_error)?;
    let crc = reader.crc.finish();
    if reader.tail != format!(",\"crc\":\"{crc:08x}\"}}\n").as_bytes() {
        let message = format!(
            "checksum mismatch: stored {}, computed {crc:08x}",
            snapshot.crc
        );
        return Err(StateError::new(path, "", message));
    }
    if snapshot.format != FORMAT {
        let message = format!(
            "unknown snapshot format {} (this emulator reads {FORMAT})",
            snapshot.format
        );
        return Err(StateError::new(path, "", message));
    }
    Ok(Some((snapshot.seq, snapshot.state)))
}

/// Makes the creations and renames in `dir` durable.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir; // directories cannot be opened (nor synced) this way elsewhere
    Ok(())
}

/// CRC-32 (IEEE 802.3, reflected, as in zlib and PNG), one byte at a time.
#[derive(Clone, Copy)]
struct Crc32(u32);

const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut bit = 0;
        while bit < 8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            bit += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

impl Crc32 {
    fn new() -> Self {
        Crc32(!0)
    }

    fn update(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = CRC_TABLE[((self.0 ^ u32::from(b)) & 0xff) as usize] ^ (self.0 >> 8);
        }
    }

    fn finish(self) -> u32 {
        !self.0
    }
}

/// The CRC-32 of `bytes`.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = Crc32::new();
    crc.update(bytes);
    crc.finish()
}

/// Passes bytes through, computing their CRC-32.
struct CrcWriter<W> {
    inner: W,
    crc: Crc32,
}

impl<W: Write> Write for CrcWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.crc.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Passes bytes through, computing the CRC-32 of those before `limit` and keeping the rest.
struct CrcReader<R> {
    inner: R,
    crc: Crc32,
    pos: u64,
    limit: u64,
    tail: Vec<u8>,
}

impl<R: Read> Read for CrcReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let read = &buf[..n];
        let hashed = usize::try_from(self.limit.saturating_sub(self.pos)).map_or(n, |h| h.min(n));
        self.crc.update(&read[..hashed]);
        self.tail.extend_from_slice(&read[hashed..]);
        self.pos += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tempfile::TempDir;

    type Opened = (Journal, Recovered<Vec<String>, String>);

    fn open(dir: &Path) -> Opened {
        match Journal::open(dir) {
            Ok(opened) => opened,
            Err(e) => panic!("open failed: {e}"),
        }
    }

    fn open_err(dir: &Path) -> StateError {
        match Journal::open::<Vec<String>, String>(dir) {
            Ok(_) => panic!("{} opened", dir.display()),
            Err(e) => e,
        }
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    /// A state directory whose journal holds one batch `["b<seq>"]` per sequence number.
    fn with_journal(seqs: &[u64]) -> TempDir {
        let tmp = TempDir::new().unwrap();
        let mut text = Vec::new();
        for &seq in seqs {
            let mut buf = Vec::new();
            encode_batch(&mut buf, seq, &[format!("b{seq}")]).unwrap();
            text.extend(buf);
        }
        fs::write(tmp.path().join(JOURNAL), text).unwrap();
        tmp
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn opens_an_empty_directory() {
        let tmp = TempDir::new().unwrap();
        let dir = tmp.path().join("state");
        let (journal, recovered) = open(&dir);
        assert!(recovered.snapshot.is_none());
        assert!(recovered.events.is_empty());
        assert_eq!(journal.batches_since_snapshot(), 0);
        assert_eq!(journal.dir(), dir);
        assert!(dir.join(JOURNAL).is_file());
    }

    #[test]
    fn appended_batches_replay_in_order() {
        let tmp = TempDir::new().unwrap();
        let (mut journal, _) = open(tmp.path());
        journal.append(&strings(&["a", "b"])).unwrap();
        journal.append::<String>(&[]).unwrap();
        journal.append(&strings(&["c"])).unwrap();
        assert_eq!(journal.batches_since_snapshot(), 2);
        drop(journal);
        let text = fs::read_to_string(tmp.path().join(JOURNAL)).unwrap();
        assert!(
            text.starts_with(r#"{"seq":1,"events":["a","b"],"crc":""#),
            "{text}"
        );

        let (mut journal, recovered) = open(tmp.path());
        assert_eq!(recovered.events, strings(&["a", "b", "c"]));
        assert_eq!(journal.batches_since_snapshot(), 2);
        journal.append(&strings(&["d"])).unwrap();
        drop(journal);
        assert_eq!(open(tmp.path()).1.events, strings(&["a", "b", "c", "d"]));
    }

    #[test]
    fn compaction_keeps_only_later_batches_in_the_journal() {
        let tmp = TempDir::new().unwrap();
        let (mut journal, _) = open(tmp.path());
        journal.append(&strings(&["a"])).unwrap();
        journal.append(&strings(&["b"])).unwrap();
        journal.compact(&strings(&["a", "b"])).unwrap();
        assert_eq!(journal.batches_since_snapshot(), 0);
        journal.append(&strings(&["c"])).unwrap();
        drop(journal);
        let text = fs::read_to_string(tmp.path().join(JOURNAL)).unwrap();
        assert!(
            text.starts_with(r#"{"seq":3,"#) && text.lines().count() == 1,
            "{text}"
        );

        let (journal, recovered) = open(tmp.path());
        assert_eq!(recovered.snapshot, Some(strings(&["a", "b"])));
        assert_eq!(recovered.events, strings(&["c"]));
        assert_eq!(journal.batches_since_snapshot(), 1);
    }

    #[test]
    fn a_compaction_cut_short_applies_no_batch_twice() {
        // The snapshot was renamed in, the journal not yet emptied.
        let tmp = with_journal(&[1, 2]);
        write_snapshot(&tmp.path().join(SNAPSHOT), 2, &strings(&["b1", "b2"])).unwrap();
        fs::write(tmp.path().join(SNAPSHOT_TMP), "{\"form").unwrap();
        let (mut journal, recovered) = open(tmp.path());
        assert_eq!(recovered.snapshot, Some(strings(&["b1", "b2"])));
        assert!(recovered.events.is_empty());
        assert!(!tmp.path().join(SNAPSHOT_TMP).exists());
        journal.append(&strings(&["b3"])).unwrap();
        drop(journal);
        assert_eq!(open(tmp.path()).1.events, strings(&["b3"]));

        // A snapshot after batch 1 of 2: batch 2 only is replayed.
        let tmp = with_journal(&[1, 2]);
        write_snapshot(&tmp.path().join(SNAPSHOT), 1, &strings(&["b1"])).unwrap();
        assert_eq!(open(tmp.path()).1.events, strings(&["b2"]));
    }

    #[test]
    fn a_torn_last_line_is_cut_off() {
        let tmp = with_journal(&[1, 2]);
        let path = tmp.path().join(JOURNAL);
        let whole = fs::metadata(&path).unwrap().len();
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(br#"{"seq":3,"events":["b"#).unwrap();
        drop(file);

        let (mut journal, recovered) = open(tmp.path());
        assert_eq!(recovered.events, strings(&["b1", "b2"]));
        assert_eq!(fs::metadata(&path).unwrap().len(), whole);
        journal.append(&strings(&["b3"])).unwrap();
        drop(journal);
        assert_eq!(open(tmp.path()).1.events, strings(&["b1", "b2", "b3"]));
    }

    /// Replaces `from` by `to` in the journal of `tmp`.
    fn damage(tmp: &TempDir, file: &str, from: &str, to: &str) -> PathBuf {
        let path = tmp.path().join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{text}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
        path
    }

    #[test]
    fn a_damaged_line_is_an_error_naming_it() {
        let tmp = with_journal(&[1, 2, 3]);
        let path = damage(&tmp, JOURNAL, r#"["b2"]"#, r#"["b2""#);
        let e = open_err(tmp.path());
        assert_eq!(e.file, path);
        assert_eq!(e.location, "line 2, column 30");
        assert!(e.source().is_some());
        let shown = e.to_string();
        assert!(shown.starts_with(&format!("{}: at line 2, column 30: ", path.display())));
        assert!(!shown.contains(" at line 1 column"), "{shown}");
    }

    #[test]
    fn a_bad_checksum_is_an_error() {
        let tmp = with_journal(&[1, 2, 3]);
        let path = damage(&tmp, JOURNAL, "\"b2\"", "\"c2\"");
        let e = open_err(tmp.path());
        assert_eq!((e.file, e.location.as_str()), (path, "line 2"));
        assert!(e.message.starts_with("checksum mismatch"), "{}", e.message);
    }

    #[test]
    fn a_gap_or_a_repeat_in_sequence_numbers_is_an_error() {
        let e = open_err(with_journal(&[1, 2, 4]).path());
        assert_eq!(e.location, "line 3");
        assert_eq!(e.message, "batch 4 where batch 3 was expected");
        assert_eq!(open_err(with_journal(&[1, 2, 2]).path()).location, "line 3");
        let e = open_err(with_journal(&[2, 3]).path());
        assert_eq!(e.location, "line 1");
        assert!(e.message.contains("batches 1 to 1 are missing"), "{e}");
    }

    #[test]
    fn a_damaged_snapshot_is_an_error_naming_it() {
        let tmp = TempDir::new().unwrap();
        let (mut journal, _) = open(tmp.path());
        journal.append(&strings(&["a"])).unwrap();
        journal.compact(&strings(&["a", "some state"])).unwrap();
        drop(journal);
        let snapshot = fs::read_to_string(tmp.path().join(SNAPSHOT)).unwrap();

        let path = damage(&tmp, SNAPSHOT, "\"some", "some");
        let e = open_err(tmp.path());
        assert_eq!((&e.file, e.location.as_str()), (&path, "line 1, column 34"));

        fs::write(&path, snapshot.replace("some", "same")).unwrap();
        let e = open_err(tmp.path());
        assert_eq!((&e.file, e.location.as_str()), (&path, ""));
        assert!(e.message.starts_with("checksum mismatch"), "{e}");

        fs::write(&path, snapshot.replace("\"format\":1", "\"format\":2")).unwrap();
        let e = open_err(tmp.path());
        assert!(e.message.starts_with("unknown snapshot format 2"), "{e}");

        fs::write(&path, &snapshot).unwrap();
        fs::remove_file(tmp.path().join(JOURNAL)).unwrap();
        let e = open_err(tmp.path());
        assert_eq!(e.file, tmp.path().join(JOURNAL));
        assert!(e.message.starts_with("is missing"), "{e}");
    }

    #[test]
    fn a_directory_in_use_is_refused() {
        let tmp = TempDir::new().unwrap();
        let (journal, _) = open(tmp.path());
        let e = open_err(tmp.path());
        assert_eq!(e.file, tmp.path());
        assert_eq!(e.message, "is in use by another emulator");
        drop(journal);
        open(tmp.path());
    }

    /// `cargo test -p aliyun-iot-emulator --release -- --ignored --nocapture appends_per_second`
    #[test]
    #[ignore = "measures the disk, asserts nothing"]
    fn appends_per_second() {
        let tmp = TempDir::new().unwrap();
        let (mut journal, _) = open(tmp.path());
        let batch = strings(&["{\"Action\":\"CreateOTAFirmware\",\"FirmwareId\":\"abc\"}"]);
        let start = std::time::Instant::now();
        let count = 2000;
        for _ in 0..count {
            journal.append(&batch).unwrap();
        }
        let elapsed = start.elapsed();
        println!(
            "{count} appends in {elapsed:?}: {:.0}/s",
            count as f64 / elapsed.as_secs_f64()
        );

        // About 100 MB: 100,000 devices of ~1 KB.
        let state: Vec<String> = (0..100_000).map(|i| format!("{i:01000}")).collect();
        let start = std::time::Instant::now();
        journal.compact(&state).unwrap();
        println!("snapshot of 100 MB written in {:?}", start.elapsed());
        drop(journal);
        let start = std::time::Instant::now();
        let (_, recovered) = open(tmp.path());
        assert_eq!(recovered.snapshot.map(|s| s.len()), Some(100_000));
        println!("snapshot of 100 MB read in {:?}", start.elapsed());
    }
}
