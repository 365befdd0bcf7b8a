//! Durable state (`--state DIR`): a snapshot plus an append-only journal of event batches.
//!
//! The emulator's state machine is event-sourced, so the state on disk is the last snapshot
//! and the batches of events journaled after it; [`Journal::open`] hands both back for replay.
//! Files in DIR, all JSON (one value per line, so `jq` reads them):
//!
//! - `journal.<first>.jsonl` (segments; `<first>` is the sequence number of the segment's
//!   first batch in 20 digits, so `cat DIR/journal.*.jsonl | jq` reads them in order): one
//!   line per batch, `{"seq":42,"events":[...],"crc":"1a2b3c4d"}`. Sequence numbers go up by
//!   exactly 1 from one line to the next and from one segment to the next (a gap or a repeat
//!   is damage). A line is written with one `write` and made durable with `sync_data` (and,
//!   for a segment's first, a sync of DIR) before it is acknowledged. Batches are appended to
//!   the newest segment only.
//! - `snapshot.json`: `{"format":1,"seq":N,"state":...,"crc":"1a2b3c4d"}` and a newline: the
//!   state after batch N. Replay applies only batches with `seq > N`, so batches that older
//!   segments still hold after an interrupted compaction are never applied twice.
//! - `journal.jsonl`: the single journal of emulators from before segments, read as the
//!   oldest segment (its first line tells where it starts) and appended to until the first
//!   compaction, which removes it.
//! - `lock`: held (`flock`) by the emulator using DIR.
//!
//! Compaction ([`Journal::compact`]) rotates: under the state's lock it only takes a copy of
//! the state after batch N and starts segment N+1; a thread of its own then serializes the
//! copy, writes `snapshot.json.tmp`, syncs it, renames it to `snapshot.json`, syncs DIR and
//! removes the segments before N+1, oldest first (one compaction at a time). A crash at any
//! point leaves the old snapshot and every segment after it, or the new snapshot and
//! segments it may already cover: [`Journal::open`] removes those and a leftover
//! `snapshot.json.tmp`.
//!
//! `crc` is the CRC-32 (IEEE, as in zlib) of every byte before `,"crc":`, in lowercase hex, so
//! bit rot in a complete line or in the snapshot is reported, not replayed. A last line with no
//! newline in the newest segment was being written when the process died (it was never
//! acknowledged): it is cut off with a warning. Any other damage is a [`StateError`] naming
//! the file and the line.

use std::error::Error;
use std::fmt;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, BufRead, BufReader, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

const LOCK: &str = "lock";
const SNAPSHOT: &str = "snapshot.json";
const SNAPSHOT_TMP: &str = "snapshot.json.tmp";
/// The journal of the layout before segments.
const LEGACY_JOURNAL: &str = "journal.jsonl";
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
    /// The newest segment, appended to.
    path: PathBuf,
    file: Arc<File>,
    /// Holds the lock on DIR until the journal is dropped.
    _lock: File,
    /// Reused for every line.
    buf: Vec<u8>,
    /// Length of the newest segment up to its last complete line.
    len: u64,
    next_seq: u64,
    since_snapshot: u64,
    /// A write failed in a way that leaves the file in doubt: every later call fails.
    broken: bool,
    /// Syncs written batches, outside the state lock.
    sync: Arc<Syncer>,
    /// The thread writing the last snapshot taken, until it has been joined; it returns the
    /// size of the snapshot's state.
    compaction: Option<JoinHandle<io::Result<usize>>>,
    /// The size of the last snapshot's state written.
    snapshot_len: usize,
}

/// Makes written batches durable: one `sync_data` covers every batch written before it, so
/// changes answered at the same time share one (group commit).
#[derive(Debug)]
pub(crate) struct Syncer {
    dir: PathBuf,
    /// The files the next sync covers.
    files: Mutex<SyncFiles>,
    /// The last batch written (not necessarily synced).
    written: AtomicU64,
    /// The last batch known to be on disk.
    synced: AtomicU64,
    /// Held while syncing: who waits for it finds their batch synced when they get it.
    syncing: Mutex<()>,
    /// A sync failed: what was written may not be on disk.
    broken: AtomicBool,
}

/// The segments that may hold batches not yet synced.
#[derive(Debug)]
struct SyncFiles {
    /// The newest segment.
    current: Arc<File>,
    /// Segments replaced by a newer one since the last sync.
    retired: Vec<Arc<File>>,
    /// The newest segment was created since the last sync: its name in DIR must be synced
    /// too before a batch in it is acknowledged.
    created: bool,
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
        // Whatever was written up to now is covered by this sync: it went to the files taken
        // next (a segment is retired only after its last write).
        let covered = self.written.load(Ordering::Acquire);
        let (files, created) = {
            let mut pending = self.files.lock().unwrap_or_else(PoisonError::into_inner);
            let mut files = std::mem::take(&mut pending.retired);
            files.push(Arc::clone(&pending.current));
            (files, std::mem::take(&mut pending.created))
        };
        let synced = files.iter().try_for_each(|f| f.sync_data());
        if let Err(e) = synced.and_then(|()| if created { sync_dir(&self.dir) } else { Ok(()) }) {
            self.broken.store(true, Ordering::Release);
            return Err(e);
        }
        self.synced.store(covered, Ordering::Release);
        Ok(())
    }

    /// Batches go to `file`, a segment just created, from now on.
    fn rotate(&self, file: Arc<File>) {
        let mut files = self.files.lock().unwrap_or_else(PoisonError::into_inner);
        let old = std::mem::replace(&mut files.current, file);
        files.retired.push(old);
        files.created = true;
    }
}

/// A journal file: a segment, or the journal of the layout before segments.
struct Segment {
    path: PathBuf,
    /// The batch its name says it starts at (`None`: the legacy `journal.jsonl`).
    first: Option<u64>,
}

/// The name of the segment starting at batch `first`.
fn segment_name(first: u64) -> String {
    format!("journal.{first:020}.jsonl")
}

/// The journal files in `dir`, oldest first.
fn segments(dir: &Path) -> io::Result<Vec<Segment>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let first = if name == LEGACY_JOURNAL {
            None
        } else {
            let digits = name
                .strip_prefix("journal.")
                .and_then(|n| n.strip_suffix(".jsonl"))
                .filter(|n| n.bytes().all(|b| b.is_ascii_digit()));
            let Some(first) = digits.and_then(|n| n.parse::<u64>().ok()) else {
                continue; // not a journal file
            };
            Some(first)
        };
        found.push(Segment { path, first });
    }
    // `None` (the legacy journal) sorts first.
    found.sort_by_key(|s| s.first);
    Ok(found)
}

/// Removes the segments (all but the newest) that hold no batch after `base`: those followed
/// by a segment starting at or before `base + 1`.
fn remove_covered(dir: &Path, segments: &[Segment], base: u64) -> io::Result<()> {
    let mut removed = false;
    for pair in segments.windows(2) {
        if pair[1].first.is_some_and(|first| first <= base + 1) {
            fs::remove_file(&pair[0].path)?;
            removed = true;
        }
    }
    if removed {
        sync_dir(dir)?;
    }
    Ok(())
}

/// Creates the (empty) segment starting at batch `first`.
fn create_segment(dir: &Path, first: u64) -> io::Result<(PathBuf, File)> {
    let path = dir.join(segment_name(first));
    let mut options = OpenOptions::new();
    options.append(true).create_new(true);
    let file = options.open(&path)?;
    Ok((path, file))
}

/// The second half of a compaction, on a thread of its own: writes `state` as the snapshot
/// after batch `seq`, then removes the segments it covers.
fn persist_snapshot(dir: &Path, seq: u64, state: &[u8]) -> io::Result<()> {
    let tmp = dir.join(SNAPSHOT_TMP);
    if let Err(e) = write_snapshot(&tmp, seq, state) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    fs::rename(&tmp, dir.join(SNAPSHOT))?;
    sync_dir(dir)?;
    remove_covered(dir, &segments(dir)?, seq)
}

impl Journal {
    /// Opens DIR (creating it), takes an exclusive lock on `DIR/lock` (another emulator
    /// already using DIR is an error), reads the snapshot (if any) and every event journaled
    /// after it, in order, and removes what an interrupted compaction left.
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

        let list_error = |e| StateError::io(dir, "cannot list the journal's segments", e);
        let mut found = segments(dir).map_err(list_error)?;
        if found.is_empty() && snapshot.is_some() {
            let message = format!("is missing, but {} exists", snapshot_path.display());
            return Err(StateError::new(
                &dir.join(segment_name(base + 1)),
                "",
                message,
            ));
        }
        let mut replay = Replay {
            events: Vec::new(),
            batches: 0,
            next: None,
            len: 0,
        };
        let mut newest = None;
        for (i, segment) in found.iter().enumerate() {
            let is_newest = i + 1 == found.len();
            let mut options = OpenOptions::new();
            options.read(true).append(is_newest);
            let opened = options.open(&segment.path);
            let file =
                opened.map_err(|e| StateError::io(&segment.path, "cannot open the journal", e))?;
            read_segment(segment, &file, base, is_newest, &mut replay)?;
            if is_newest {
                newest = Some((segment.path.clone(), file));
            }
        }
        let next_seq = replay.next.unwrap_or(1).max(base + 1);
        let (path, file, len) = match newest {
            // The newest segment goes on with the batch after the snapshot.
            Some((path, file)) if replay.next.is_none_or(|next| next == next_seq) => {
                (path, file, replay.len)
            }
            // None yet, or only batches the snapshot holds (a directory of the layout before
            // segments, whose compaction stopped after its snapshot): a new one.
            _ => {
                let (path, file) = create_segment(dir, next_seq)
                    .and_then(|(path, file)| sync_dir(dir).map(|()| (path, file)))
                    .map_err(|e| StateError::io(dir, "cannot create a journal segment", e))?;
                found.push(Segment {
                    path: path.clone(),
                    first: Some(next_seq),
                });
                (path, file, 0)
            }
        };
        remove_covered(dir, &found, base)
            .map_err(|e| StateError::io(dir, "cannot remove segments the snapshot holds", e))?;
        let file = Arc::new(file);
        let journal = Journal {
            dir: dir.to_path_buf(),
            path,
            file: Arc::clone(&file),
            _lock: lock,
            buf: Vec::new(),
            len,
            next_seq,
            since_snapshot: replay.batches,
            broken: false,
            sync: Arc::new(Syncer {
                dir: dir.to_path_buf(),
                files: Mutex::new(SyncFiles {
                    current: file,
                    retired: Vec::new(),
                    created: false,
                }),
                written: AtomicU64::new(0),
                synced: AtomicU64::new(0),
                syncing: Mutex::new(()),
                broken: AtomicBool::new(false),
            }),
            compaction: None,
            snapshot_len: 0,
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
        if let Err(e) = self.file.as_ref().write_all(&self.buf) {
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

    /// Starts a compaction into a snapshot of the state, which must be the result of every
    /// batch written so far. Here, under the caller's lock: `copy` takes a copy of the state
    /// and later batches go to a new segment. On a thread of its own: the copy is serialized
    /// and the snapshot written, synced and renamed in, then the segments it covers are
    /// removed (a failure there is logged; the segments stay until a later compaction).
    /// Returns `false`, doing nothing (`copy` is not called), while the previous compaction is
    /// still running.
    pub(crate) fn compact<S, F>(&mut self, copy: F) -> io::Result<bool>
    where
        S: Serialize + Send + 'static,
        F: FnOnce() -> S,
    {
        self.usable()?;
        if self.compaction.as_ref().is_some_and(|c| !c.is_finished()) {
            return Ok(false);
        }
        let _ = self.finish_compaction(); // its failure was logged
        let seq = self.next_seq - 1;
        // First the new segment: if it cannot be created, no copy is taken in vain (it is
        // tried again at the next change).
        if self.len > 0 {
            let (path, file) = create_segment(&self.dir, self.next_seq)?;
            let file = Arc::new(file);
            self.sync.rotate(Arc::clone(&file));
            (self.path, self.file, self.len) = (path, file, 0);
        }
        let state = copy();
        self.since_snapshot = 0;
        // Sized as the last one: a 50 MB state is not copied over and over as it grows.
        let capacity = self.snapshot_len + self.snapshot_len / 16;
        let dir = self.dir.clone();
        let logs = tracing::dispatcher::get_default(Clone::clone);
        let thread = std::thread::Builder::new()
            .name("snapshot".to_owned())
            .spawn(move || {
                let mut bytes = Vec::with_capacity(capacity);
                let serialized = serde_json::to_writer(Yielding::new(&mut bytes), &state);
                drop(state); // before the write: the copy and the bytes are both large
                let written = serialized
                    .map_err(io::Error::from)
                    .and_then(|()| persist_snapshot(&dir, seq, &bytes))
                    .map(|()| bytes.len());
                if let Err(e) = &written {
                    tracing::dispatcher::with_default(&logs, || {
                        tracing::warn!(dir = %dir.display(), error = %e, "cannot write a snapshot; the journal keeps every change");
                    });
                }
                written
            })?;
        self.compaction = Some(thread);
        Ok(true)
    }

    /// Waits for the compaction started last, if it is still running, and returns how it
    /// ended (each one's is returned once).
    pub(crate) fn finish_compaction(&mut self) -> io::Result<()> {
        match self.compaction.take().map(JoinHandle::join) {
            None => Ok(()),
            Some(Ok(Ok(len))) => {
                self.snapshot_len = len;
                Ok(())
            }
            Some(Ok(Err(e))) => Err(e),
            Some(Err(_)) => Err(io::Error::other("the snapshot's thread panicked")),
        }
    }

    /// Batches written since the last snapshot was taken (the emulator compacts when this
    /// grows large).
    pub(crate) fn batches_since_snapshot(&self) -> u64 {
        self.since_snapshot
    }

    /// The directory.
    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    fn usable(&self) -> io::Result<()> {
        if self.broken || self.sync.broken.load(Ordering::Acquire) {
            let path = self.path.display();
            let message = format!("{path} is in doubt after a failed write; restart the emulator");
            return Err(io::Error::other(message));
        }
        Ok(())
    }
}

impl Drop for Journal {
    /// Lets a running compaction finish before the directory's lock is released.
    fn drop(&mut self) {
        let _ = self.finish_compaction();
    }
}

/// Collects a snapshot's bytes, yielding the processor every MiB: serializing takes the
/// snapshot's thread hundreds of milliseconds, and under a real-time policy (`chrt -f`), which
/// it shares with the threads answering requests, a thread that never yields keeps its
/// processor from them until it is done.
struct Yielding<'a> {
    bytes: &'a mut Vec<u8>,
    since_yield: usize,
}

impl<'a> Yielding<'a> {
    fn new(bytes: &'a mut Vec<u8>) -> Self {
        Self {
            bytes,
            since_yield: 0,
        }
    }
}

impl Write for Yielding<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes.extend_from_slice(buf);
        self.since_yield += buf.len();
        if self.since_yield >= 1 << 20 {
            self.since_yield = 0;
            std::thread::yield_now();
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
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

/// What the segments hold after the snapshot.
struct Replay<E> {
    events: Vec<E>,
    /// Batches after the snapshot.
    batches: u64,
    /// The batch the next line must hold (`None`: before the first line or named segment).
    next: Option<u64>,
    /// Length of the segment read last, up to its last complete line.
    len: u64,
}

/// Why batch `seq` cannot come next (`next`: the one expected; `None` at the start of the
/// journal, after a snapshot of batch `base`).
fn out_of_sequence(seq: u64, next: Option<u64>, base: u64) -> Option<String> {
    match next {
        Some(next) if seq != next => Some(format!("batch {seq} where batch {next} was expected")),
        None if seq == 0 => Some("batch 0: batches are numbered from 1".to_owned()),
        None if seq > base + 1 => Some(format!(
            "the journal starts at batch {seq}, but the snapshot (if any) ends at batch {base}: \
             batches {} to {} are missing",
            base + 1,
            seq - 1
        )),
        _ => None,
    }
}

/// Reads every line of a segment, checking checksums and sequence numbers, keeping the
/// events of batches after `base`, and cutting off a torn last line if it is the newest.
fn read_segment<E: DeserializeOwned>(
    segment: &Segment,
    file: &File,
    base: u64,
    is_newest: bool,
    replay: &mut Replay<E>,
) -> Result<(), StateError> {
    let path = segment.path.as_path();
    if let Some(first) = segment.first {
        // Segments removed out of order (their removals reached the disk so) leave a gap
        // that the snapshot covers.
        let covered = replay.next.is_some_and(|next| next < first) && first <= base + 1;
        if !covered && let Some(message) = out_of_sequence(first, replay.next, base) {
            return Err(StateError::new(path, "file name", message));
        }
        replay.next = Some(first);
    }
    let mut reader = BufReader::with_capacity(1 << 16, file);
    replay.len = 0;
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        let read = reader.read_until(b'\n', &mut line);
        let n = read.map_err(|e| StateError::io(path, "cannot read the journal", e))?;
        number += 1;
        let at = format!("line {number}");
        let Some(body) = line.strip_suffix(b"\n") else {
            if n > 0 && !is_newest {
                let message = "unfinished last line, but a newer segment follows";
                return Err(StateError::new(path, at, message));
            }
            if n > 0 {
                // Being written when the process died: never acknowledged.
                let offset = replay.len;
                tracing::warn!(file = %path.display(), offset, "cutting off a torn last line");
                file.set_len(offset)
                    .and_then(|()| file.sync_all())
                    .map_err(|e| StateError::io(path, "cannot cut off a torn last line", e))?;
            }
            return Ok(());
        };
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
        if let Some(message) = out_of_sequence(batch.seq, replay.next, base) {
            return Err(StateError::new(path, at, message));
        }
        replay.next = Some(batch.seq + 1);
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

/// Writes and syncs a snapshot of `state` (serialized) after batch `seq` at `path`.
fn write_snapshot(path: &Path, seq: u64, state: &[u8]) -> io::Result<()> {
    let head = format!("{{\"format\":{FORMAT},\"seq\":{seq},\"state\":");
    let mut crc = Crc32::new();
    crc.update(head.as_bytes());
    crc.update(state);
    let crc = crc.finish();
    let mut file = File::create(path)?;
    file.write_all(head.as_bytes())?;
    file.write_all(state)?;
    writeln!(file, ",\"crc\":\"{crc:08x}\"}}")?;
    file.sync_all()
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

    /// Opens `dir`, waiting up to a second while it is locked: the child process of
    /// [`kill_9_at_any_point_loses_nothing_acknowledged`] holds copies of every descriptor
    /// this process has open (locks included) between its fork and its exec.
    fn try_open(dir: &Path) -> Result<Opened, StateError> {
        for _ in 0..100 {
            match Journal::open(dir) {
                Err(e) if e.message == "is in use by another emulator" => {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                opened => return opened,
            }
        }
        Journal::open(dir)
    }

    fn open(dir: &Path) -> Opened {
        match try_open(dir) {
            Ok(opened) => opened,
            Err(e) => panic!("open failed: {e}"),
        }
    }

    fn open_err(dir: &Path) -> StateError {
        match try_open(dir) {
            Ok(_) => panic!("{} opened", dir.display()),
            Err(e) => e,
        }
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    /// The lines of batches `["b<seq>"]`, one per sequence number.
    fn lines(seqs: &[u64]) -> Vec<u8> {
        let mut text = Vec::new();
        for &seq in seqs {
            let mut buf = Vec::new();
            encode_batch(&mut buf, seq, &[format!("b{seq}")]).unwrap();
            text.extend(buf);
        }
        text
    }

    /// Writes the segment starting at batch `first`, holding `seqs`; returns its path.
    fn segment(dir: &Path, first: u64, seqs: &[u64]) -> PathBuf {
        let path = dir.join(segment_name(first));
        fs::write(&path, lines(seqs)).unwrap();
        path
    }

    /// Writes the snapshot after batch `seq`, holding `state`.
    fn snapshot(dir: &Path, seq: u64, state: &[&str]) {
        let state = serde_json::to_vec(&strings(state)).unwrap();
        write_snapshot(&dir.join(SNAPSHOT), seq, &state).unwrap();
    }

    /// The names of the journal files in `dir`, oldest first.
    fn journal_files(dir: &Path) -> Vec<String> {
        let found = segments(dir).unwrap().into_iter();
        found
            .map(|s| s.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    }

    /// A state directory whose one segment holds one batch `["b<seq>"]` per sequence number.
    fn with_journal(seqs: &[u64]) -> TempDir {
        let tmp = TempDir::new().unwrap();
        segment(tmp.path(), seqs[0], seqs);
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
        assert_eq!(journal_files(&dir), ["journal.00000000000000000001.jsonl"]);
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
        let text = fs::read_to_string(tmp.path().join(segment_name(1))).unwrap();
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
    fn compaction_rotates_to_a_new_segment_and_removes_the_old() {
        let tmp = TempDir::new().unwrap();
        let (mut journal, _) = open(tmp.path());
        journal.append(&strings(&["a"])).unwrap();
        journal.append(&strings(&["b"])).unwrap();
        assert!(journal.compact(|| strings(&["a", "b"])).unwrap());
        assert_eq!(journal.batches_since_snapshot(), 0);
        journal.finish_compaction().unwrap();
        assert_eq!(journal_files(tmp.path()), [segment_name(3)]);
        // Without a batch since, the (empty) segment stays.
        journal.compact(|| strings(&["a", "b"])).unwrap();
        journal.finish_compaction().unwrap();
        assert_eq!(journal_files(tmp.path()), [segment_name(3)]);
        journal.append(&strings(&["c"])).unwrap();
        journal.compact(|| strings(&["a", "b", "c"])).unwrap();
        journal.append(&strings(&["d"])).unwrap();
        journal.append(&strings(&["e"])).unwrap();
        drop(journal);
        assert_eq!(journal_files(tmp.path()), [segment_name(4)]);
        let text = fs::read_to_string(tmp.path().join(segment_name(4))).unwrap();
        assert!(text.starts_with(r#"{"seq":4,"#), "{text}");
        assert_eq!(text.lines().count(), 2);

        let (mut journal, recovered) = open(tmp.path());
        assert_eq!(recovered.snapshot, Some(strings(&["a", "b", "c"])));
        assert_eq!(recovered.events, strings(&["d", "e"]));
        assert_eq!(journal.batches_since_snapshot(), 2);
        // Rotation after rotation (skipped while the last snapshot is being written): the
        // snapshot and the batches after it are the whole history, once, in order.
        let mut history = strings(&["a", "b", "c", "d", "e"]);
        for round in 0..50 {
            let batch = vec![format!("x{round}")];
            journal.append(&batch).unwrap();
            history.extend(batch);
            let mut copied = false;
            let started = journal.compact(|| {
                copied = true;
                history.clone()
            });
            assert_eq!(
                started.unwrap(),
                copied,
                "a copy only for a compaction started"
            );
        }
        drop(journal); // waits for the last snapshot
        let (_, recovered) = open(tmp.path());
        let mut replayed = recovered.snapshot.unwrap();
        replayed.extend(recovered.events);
        assert_eq!(replayed, history);
        assert_eq!(journal_files(tmp.path()).len(), 1);
    }

    #[test]
    fn a_crash_before_the_snapshot_replays_every_segment() {
        // The new segment was created (and written to), the snapshot not renamed in.
        let tmp = TempDir::new().unwrap();
        snapshot(tmp.path(), 0, &[]);
        segment(tmp.path(), 1, &[1, 2]);
        segment(tmp.path(), 3, &[3]);
        fs::write(tmp.path().join(SNAPSHOT_TMP), "{\"form").unwrap();
        let (mut journal, recovered) = open(tmp.path());
        assert_eq!(recovered.snapshot, Some(Vec::new()));
        assert_eq!(recovered.events, strings(&["b1", "b2", "b3"]));
        assert_eq!(journal.batches_since_snapshot(), 3);
        assert!(!tmp.path().join(SNAPSHOT_TMP).exists());
        journal.append(&strings(&["b4"])).unwrap();
        drop(journal);
        assert_eq!(
            journal_files(tmp.path()),
            [segment_name(1), segment_name(3)]
        );
        let events = open(tmp.path()).1.events;
        assert_eq!(events, strings(&["b1", "b2", "b3", "b4"]));

        // The new segment is still empty: batches go on in it.
        let tmp = TempDir::new().unwrap();
        snapshot(tmp.path(), 0, &[]);
        segment(tmp.path(), 1, &[1, 2]);
        segment(tmp.path(), 3, &[]);
        let (mut journal, recovered) = open(tmp.path());
        assert_eq!(recovered.events, strings(&["b1", "b2"]));
        journal.append(&strings(&["b3"])).unwrap();
        drop(journal);
        let text = fs::read_to_string(tmp.path().join(segment_name(3))).unwrap();
        assert!(text.starts_with(r#"{"seq":3,"#), "{text}");
    }

    #[test]
    fn a_crash_before_old_segments_are_removed_applies_no_batch_twice() {
        // The snapshot of batch 2 was renamed in, segment 1 not yet removed.
        let tmp = TempDir::new().unwrap();
        snapshot(tmp.path(), 2, &["b1", "b2"]);
        segment(tmp.path(), 1, &[1, 2]);
        segment(tmp.path(), 3, &[3]);
        let (mut journal, recovered) = open(tmp.path());
        assert_eq!(recovered.snapshot, Some(strings(&["b1", "b2"])));
        assert_eq!(recovered.events, strings(&["b3"]));
        assert_eq!(journal_files(tmp.path()), [segment_name(3)]);
        journal.append(&strings(&["b4"])).unwrap();
        drop(journal);
        assert_eq!(open(tmp.path()).1.events, strings(&["b3", "b4"]));

        // Of segments 1, 3 and 5, the removal of 3 only reached the disk.
        let tmp = TempDir::new().unwrap();
        snapshot(tmp.path(), 4, &["b1", "b2", "b3", "b4"]);
        segment(tmp.path(), 1, &[1, 2]);
        segment(tmp.path(), 5, &[5]);
        assert_eq!(open(tmp.path()).1.events, strings(&["b5"]));
        assert_eq!(journal_files(tmp.path()), [segment_name(5)]);

        // A snapshot in the middle of the only segment: the batches after it only.
        let tmp = with_journal(&[1, 2]);
        snapshot(tmp.path(), 1, &["b1"]);
        assert_eq!(open(tmp.path()).1.events, strings(&["b2"]));
    }

    #[test]
    fn a_torn_last_line_is_cut_off() {
        let tmp = with_journal(&[1, 2]);
        let path = tmp.path().join(segment_name(1));
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

    /// Replaces `from` by `to` in `file` of `tmp`.
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
        let path = damage(&tmp, &segment_name(1), r#"["b2"]"#, r#"["b2""#);
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
        let path = damage(&tmp, &segment_name(1), "\"b2\"", "\"c2\"");
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
        assert_eq!(e.file.file_name(), Some(segment_name(2).as_ref()));
        assert_eq!(e.location, "file name");
        assert!(e.message.contains("batches 1 to 1 are missing"), "{e}");
        // A segment whose first line is not the batch its name says.
        let tmp = TempDir::new().unwrap();
        segment(tmp.path(), 1, &[2]);
        assert_eq!(
            open_err(tmp.path()).message,
            "batch 2 where batch 1 was expected"
        );
    }

    #[test]
    fn damage_in_a_middle_segment_is_an_error_naming_it() {
        let dir = TempDir::new().unwrap();
        segment(dir.path(), 1, &[1, 2]);
        let middle = segment(dir.path(), 3, &[3, 4]);
        segment(dir.path(), 5, &[5]);
        let text = fs::read_to_string(&middle).unwrap();

        damage(&dir, &segment_name(3), "\"b4\"", "\"c4\"");
        let e = open_err(dir.path());
        assert_eq!((&e.file, e.location.as_str()), (&middle, "line 2"));
        assert!(e.message.starts_with("checksum mismatch"), "{e}");

        // A torn line is cut off in the newest segment only.
        fs::write(&middle, &text[..text.len() - 1]).unwrap();
        let e = open_err(dir.path());
        assert_eq!((&e.file, e.location.as_str()), (&middle, "line 2"));
        assert!(e.message.starts_with("unfinished last line"), "{e}");

        // A missing segment is a gap.
        fs::remove_file(&middle).unwrap();
        let e = open_err(dir.path());
        assert_eq!(e.file, dir.path().join(segment_name(5)));
        assert_eq!(e.location, "file name");
        assert_eq!(e.message, "batch 5 where batch 3 was expected");
        assert_eq!(journal_files(dir.path()).len(), 2, "nothing removed");
    }

    #[test]
    fn the_layout_before_segments_opens_and_is_compacted_away() {
        let tmp = TempDir::new().unwrap();
        snapshot(tmp.path(), 1, &["b1"]);
        fs::write(tmp.path().join(LEGACY_JOURNAL), lines(&[1, 2, 3])).unwrap();
        let (mut journal, recovered) = open(tmp.path());
        assert_eq!(recovered.snapshot, Some(strings(&["b1"])));
        assert_eq!(recovered.events, strings(&["b2", "b3"]));
        journal.append(&strings(&["b4"])).unwrap();
        drop(journal);
        assert_eq!(journal_files(tmp.path()), [LEGACY_JOURNAL]);
        let (mut journal, recovered) = open(tmp.path());
        assert_eq!(recovered.events, strings(&["b2", "b3", "b4"]));
        journal
            .compact(|| strings(&["b1", "b2", "b3", "b4"]))
            .unwrap();
        journal.append(&strings(&["b5"])).unwrap();
        drop(journal);
        assert_eq!(journal_files(tmp.path()), [segment_name(5)]);
        let (_, recovered) = open(tmp.path());
        assert_eq!(recovered.snapshot.map(|s| s.len()), Some(4));
        assert_eq!(recovered.events, strings(&["b5"]));

        // A compaction of that layout that stopped after its snapshot: batches go on.
        let tmp = TempDir::new().unwrap();
        snapshot(tmp.path(), 2, &["b1", "b2"]);
        fs::write(tmp.path().join(LEGACY_JOURNAL), lines(&[1, 2])).unwrap();
        let (mut journal, recovered) = open(tmp.path());
        assert!(recovered.events.is_empty());
        journal.append(&strings(&["b3"])).unwrap();
        drop(journal);
        assert_eq!(open(tmp.path()).1.events, strings(&["b3"]));

        // The usual state of that layout: an empty journal after the snapshot.
        let tmp = TempDir::new().unwrap();
        snapshot(tmp.path(), 7, &["s"]);
        fs::write(tmp.path().join(LEGACY_JOURNAL), "").unwrap();
        let (mut journal, _) = open(tmp.path());
        journal.append(&strings(&["b8"])).unwrap();
        drop(journal);
        assert_eq!(open(tmp.path()).1.events, strings(&["b8"]));
    }

    #[test]
    fn a_failed_snapshot_loses_nothing_and_is_retried() {
        let tmp = TempDir::new().unwrap();
        let (mut journal, _) = open(tmp.path());
        journal.append(&strings(&["a"])).unwrap();
        // Something in the way of the temporary file.
        fs::create_dir(tmp.path().join(SNAPSHOT_TMP)).unwrap();
        assert!(journal.compact(|| strings(&["a"])).unwrap());
        assert!(journal.finish_compaction().is_err());
        journal.append(&strings(&["b"])).unwrap();
        fs::remove_dir(tmp.path().join(SNAPSHOT_TMP)).unwrap();
        drop(journal);
        assert_eq!(
            journal_files(tmp.path()),
            [segment_name(1), segment_name(2)]
        );
        let (mut journal, recovered) = open(tmp.path());
        assert_eq!(recovered.events, strings(&["a", "b"]));
        journal.compact(|| strings(&["a", "b"])).unwrap();
        journal.finish_compaction().unwrap();
        assert_eq!(journal_files(tmp.path()), [segment_name(3)]);
        drop(journal);
        assert_eq!(open(tmp.path()).1.snapshot, Some(strings(&["a", "b"])));
    }

    #[test]
    fn a_damaged_snapshot_is_an_error_naming_it() {
        let tmp = TempDir::new().unwrap();
        let (mut journal, _) = open(tmp.path());
        journal.append(&strings(&["a"])).unwrap();
        journal.compact(|| strings(&["a", "some state"])).unwrap();
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
        fs::remove_file(tmp.path().join(segment_name(2))).unwrap();
        let e = open_err(tmp.path());
        assert_eq!(e.file, tmp.path().join(segment_name(2)));
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

    /// Where [`journal_writer_child`] writes (set for the child process only).
    const CRASH_DIR: &str = "ALIYUN_IOT_EMULATOR_JOURNAL_CRASH_DIR";

    /// A child of [`kill_9_at_any_point_loses_nothing_acknowledged`]: appends batches
    /// `["<n> xxx…"]` to the directory (going on from what it recovers), compacting every 10,
    /// and prints `acked <n>` once batch `n` is durable, until it is killed.
    #[test]
    #[ignore = "a child process of kill_9_at_any_point_loses_nothing_acknowledged"]
    fn journal_writer_child() {
        let Some(dir) = std::env::var_os(CRASH_DIR) else {
            return;
        };
        let (mut journal, recovered) = open(Path::new(&dir));
        let mut history = recovered.snapshot.unwrap_or_default();
        history.extend(recovered.events);
        let mut out = io::stdout().lock();
        loop {
            let event = format!("{} {}", history.len(), "x".repeat(1000));
            journal.append(std::slice::from_ref(&event)).unwrap();
            history.push(event);
            writeln!(out, "acked {}", history.len()).unwrap();
            out.flush().unwrap();
            if history.len() % 10 == 0 {
                journal.compact(|| history.clone()).unwrap();
            }
        }
    }

    #[test]
    fn kill_9_at_any_point_loses_nothing_acknowledged() {
        use std::process::{Command, Stdio};
        let tmp = TempDir::new().unwrap();
        let exe = std::env::current_exe().unwrap();
        let mut acked = 0;
        for round in 0..6 {
            let mut child = Command::new(&exe)
                .args([
                    "journal::tests::journal_writer_child",
                    "--exact",
                    "--ignored",
                ])
                .args(["--nocapture", "--test-threads=1"])
                .env(CRASH_DIR, tmp.path())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            let lines = BufReader::new(child.stdout.take().unwrap()).lines();
            // Killed after a different number of batches each round (compactions take
            // longer as the history grows, so the kill lands at different steps).
            let kill_at = acked + 40 + round * 17;
            let mut killed = false;
            for line in lines {
                if let Some(n) = line.unwrap().strip_prefix("acked ") {
                    acked = n.parse().unwrap();
                }
                if acked >= kill_at && !killed {
                    child.kill().unwrap(); // SIGKILL; what is still in the pipe was acked too
                    killed = true;
                }
            }
            child.wait().unwrap();
            assert!(killed, "the child stopped by itself at batch {acked}");

            let (journal, recovered) = open(tmp.path());
            let mut history = recovered.snapshot.unwrap_or_default();
            history.extend(recovered.events);
            assert!(
                history.len() >= acked,
                "{} of {acked} batches",
                history.len()
            );
            for (i, event) in history.iter().enumerate() {
                assert!(
                    event.starts_with(&format!("{i} ")),
                    "batch {i}: {event:.20}"
                );
            }
            assert!(!tmp.path().join(SNAPSHOT_TMP).exists());
            acked = history.len();
            drop(journal);
        }
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
        journal.compact(|| state).unwrap();
        let taken = start.elapsed();
        journal.finish_compaction().unwrap();
        println!(
            "snapshot of 100 MB taken in {taken:?} (under the lock), written in {:?}",
            start.elapsed()
        );
        drop(journal);
        let start = std::time::Instant::now();
        let (_, recovered) = open(tmp.path());
        assert_eq!(recovered.snapshot.map(|s| s.len()), Some(100_000));
        println!("snapshot of 100 MB read in {:?}", start.elapsed());
    }
}
