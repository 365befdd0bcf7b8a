//! Download and verify: each file of a package streamed to a temporary file beside its
//! destination, its size and digest checked on the way, renamed into place only when both
//! match.
//!
//! The temporary file (`.<name>.<digest>.part`) is named after the digest the package states,
//! so a download that was interrupted (a cut connection, a dropped future, a killed process)
//! resumes from it with `Range`, and only ever towards the same bytes. Bytes that turn out
//! wrong are deleted, never renamed: the destination holds the whole right file or is left
//! as it was. The temporary file is locked while a download writes it: a second download of
//! the same file into the same place fails at once instead of adding its bytes to it.

use std::fmt;
use std::io::SeekFrom;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tokio::io::{AsyncReadExt as _, AsyncSeekExt as _, AsyncWriteExt as _, BufWriter};

use super::digest::{Algorithm, Digests, Hashers};
use super::error::{ErrorKind, Step, WorkflowError};
use super::storage::{http_client, storage_error};
use super::{ProgressFn, report};
use crate::Client;
use crate::query_ota_firmware::FirmwareInfo;
use crate::types::SignMethod;

/// How much of the body is buffered before it is written.
const WRITE_BUFFER_BYTES: usize = 256 * 1024;
/// How many times one call resumes after the connection broke, while each attempt brings
/// bytes.
const MAX_RESUMES: u32 = 5;

/// How far a download has got, given to [`DownloadBuilder::on_progress`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DownloadProgress {
    /// The file's name in the package.
    pub file_name: String,
    /// Which file (from 0) of [`files`](Self::files).
    pub file_index: usize,
    /// How many files are downloaded.
    pub files: usize,
    /// The bytes of this file on disk so far (resumed ones included).
    pub received: u64,
    /// The file's size, when known.
    pub total: Option<u64>,
    /// The bytes that were already on disk from an interrupted download.
    pub resumed_from: u64,
}

/// A file [`DownloadBuilder::send`] downloaded and verified.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DownloadedFile {
    /// Its name in the package.
    pub name: String,
    /// Where it is now.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// The digests checked: algorithm (`MD5`, `SHA256`) and lowercase hex.
    pub digests: Vec<(&'static str, String)>,
    /// The bytes that were already on disk from an interrupted download (0 if none).
    pub resumed_from: u64,
}

/// Downloads a package's files and verifies them: from [`Client::download_package`].
///
/// A single-file package is written to the destination path (or, when that is a directory,
/// to a file inside it named as in the URL); a multi-file package's files go into the
/// destination directory, each under its name. The default destination is the current
/// directory. A pre-signed URL refused with 403 (it expires) is renewed once through
/// QueryOTAFirmware.
#[derive(Clone)]
#[must_use = "a download does nothing until `send` is awaited"]
pub struct DownloadBuilder {
    client: Client,
    firmware_id: String,
    info: Option<FirmwareInfo>,
    dest: Option<PathBuf>,
    iot_instance_id: Option<String>,
    progress: Option<ProgressFn<DownloadProgress>>,
}

impl fmt::Debug for DownloadBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DownloadBuilder")
            .field("firmware_id", &self.firmware_id)
            .field("dest", &self.dest)
            .finish_non_exhaustive()
    }
}

/// One file to fetch.
struct Target {
    name: String,
    url: String,
    size: Option<u64>,
    /// The digests the package states, lowercase hex.
    expected: Digests,
    dest: PathBuf,
    part: PathBuf,
}

impl DownloadBuilder {
    pub(crate) fn new(client: Client, firmware_id: String) -> Self {
        Self {
            client,
            firmware_id,
            info: None,
            dest: None,
            iot_instance_id: None,
            progress: None,
        }
    }

    /// Where to put the file (single-file package) or the files (a directory).
    pub fn to(mut self, dest: impl Into<PathBuf>) -> Self {
        self.dest = Some(dest.into());
        self
    }

    /// Uses details of the package already read (QueryOTAFirmware) instead of reading them
    /// first; their URLs are renewed if they have expired.
    pub fn package_info(mut self, info: FirmwareInfo) -> Self {
        self.info = Some(info);
        self
    }

    /// The instance the package belongs to (`IotInstanceId`).
    pub fn iot_instance_id(mut self, id: impl Into<String>) -> Self {
        self.iot_instance_id = Some(id.into());
        self
    }

    /// Called as bytes arrive. Keep it quick.
    pub fn on_progress(
        mut self,
        progress: impl Fn(&DownloadProgress) + Send + Sync + 'static,
    ) -> Self {
        self.progress = Some(Arc::new(progress));
        self
    }

    /// Downloads and verifies every file; the files, in the package's order.
    pub async fn send(mut self) -> Result<Vec<DownloadedFile>, WorkflowError> {
        let info = match self.info.take() {
            Some(info) => info,
            None => self.query().await?,
        };
        let targets = self.targets(&info).await?;
        let http = http_client(&self.client, Step::Download, true)?;
        let mut done = Vec::with_capacity(targets.len());
        for (index, target) in targets.iter().enumerate() {
            let file = self
                .download(&http, target, index, targets.len())
                .await
                .map_err(|e| e.with_file(target.name.as_str()))?;
            done.push(file);
        }
        Ok(done)
    }

    async fn query(&self) -> Result<FirmwareInfo, WorkflowError> {
        super::query_package(
            &self.client,
            &self.firmware_id,
            self.iot_instance_id.as_deref(),
        )
        .await
    }

    /// The files of `info`, with their destinations; refuses a file without a digest or with
    /// a name that is not a plain file name.
    async fn targets(&self, info: &FirmwareInfo) -> Result<Vec<Target>, WorkflowError> {
        let method = info.sign_method.clone().unwrap_or(SignMethod::Md5);
        let algorithm = Algorithm::of(&method).ok_or_else(|| {
            WorkflowError::invalid(Step::Download, format!("unknown SignMethod {method:?}"))
        })?;
        let dest = self.dest.clone().unwrap_or_else(|| PathBuf::from("."));
        let mut targets = Vec::new();
        if info.multi_files.is_empty() {
            let url = info.firmware_url.clone().ok_or_else(|| {
                WorkflowError::missing(Step::QueryPackage, "FirmwareInfo.FirmwareUrl")
            })?;
            let name = name_in_url(&url);
            let path = if tokio::fs::metadata(&dest).await.is_ok_and(|m| m.is_dir()) {
                dest.join(&name)
            } else {
                if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
                    tokio::fs::create_dir_all(dir)
                        .await
                        .map_err(|e| WorkflowError::io(Step::Download, dir, e))?;
                }
                dest
            };
            let expected = [(algorithm, info.firmware_sign.clone())];
            targets.push(Target::new(name, url, info.firmware_size, &expected, path)?);
        } else {
            tokio::fs::create_dir_all(&dest)
                .await
                .map_err(|e| WorkflowError::io(Step::Download, &dest, e))?;
            for file in &info.multi_files {
                let name = file
                    .name
                    .clone()
                    .ok_or_else(|| WorkflowError::missing(Step::QueryPackage, "MultiFiles.Name"))?;
                if !is_plain_file_name(&name) {
                    return Err(WorkflowError::invalid(
                        Step::Download,
                        format!(
                            "the package names a file {name:?}, which is not a plain file name"
                        ),
                    ));
                }
                let url = file.url.clone().ok_or_else(|| {
                    WorkflowError::missing(Step::QueryPackage, "MultiFiles.Url")
                        .with_file(name.as_str())
                })?;
                let expected = [
                    (Algorithm::Md5, file.file_md5.clone()),
                    (algorithm, file.sign_value.clone()),
                ];
                let path = dest.join(&name);
                targets.push(Target::new(name, url, file.size, &expected, path)?);
            }
        }
        Ok(targets)
    }

    /// Downloads one file, renewing its URL once if storage refuses it with 403.
    async fn download(
        &self,
        http: &reqwest::Client,
        target: &Target,
        index: usize,
        files: usize,
    ) -> Result<DownloadedFile, WorkflowError> {
        let mut url = target.url.clone();
        let mut renewed = false;
        loop {
            match fetch(http, target, &url, index, files, &self.progress).await {
                Err(error)
                    if !renewed
                        && matches!(error.kind(), ErrorKind::Storage { status: 403, .. }) =>
                {
                    renewed = true;
                    url = self.fresh_url(target).await?;
                }
                result => return result,
            }
        }
    }

    /// The file's URL as QueryOTAFirmware gives it now.
    async fn fresh_url(&self, target: &Target) -> Result<String, WorkflowError> {
        let info = self.query().await?;
        let url = if info.multi_files.is_empty() {
            info.firmware_url
        } else {
            info.multi_files
                .into_iter()
                .find(|f| f.name.as_deref() == Some(target.name.as_str()))
                .and_then(|f| f.url)
        };
        url.ok_or_else(|| WorkflowError::missing(Step::QueryPackage, "the file's URL"))
    }
}

impl Target {
    fn new(
        name: String,
        url: String,
        size: Option<i64>,
        expected: &[(Algorithm, Option<String>)],
        dest: PathBuf,
    ) -> Result<Self, WorkflowError> {
        let expected: Digests = expected
            .iter()
            .filter_map(|(algorithm, hex)| {
                let hex = hex.as_deref()?.trim();
                (!hex.is_empty()).then(|| (*algorithm, hex.to_ascii_lowercase()))
            })
            .collect();
        let Some((_, first)) = expected.first() else {
            return Err(WorkflowError::invalid(
                Step::Download,
                "the package states no digest for the file: its bytes could not be verified",
            )
            .with_file(name));
        };
        let tag: String = first
            .chars()
            .filter(char::is_ascii_hexdigit)
            .take(16)
            .collect();
        let part = dest.with_file_name(format!(".{name}.{tag}.part"));
        Ok(Self {
            size: size.and_then(|s| u64::try_from(s).ok()),
            name,
            url,
            expected,
            dest,
            part,
        })
    }
}

/// Fetches one file through `url` into its temporary file (resuming what is there), checks
/// it and renames it into place.
async fn fetch(
    http: &reqwest::Client,
    target: &Target,
    url: &str,
    index: usize,
    files: usize,
    progress: &Option<ProgressFn<DownloadProgress>>,
) -> Result<DownloadedFile, WorkflowError> {
    let io = |path: &Path, e| WorkflowError::io(Step::Download, path, e);
    let algorithms: Vec<Algorithm> = target.expected.iter().map(|(a, _)| *a).collect();
    // One handle, locked, for reading what is there, writing and the rename.
    let mut part = open_locked(&target.part).await?;
    let (mut have, mut hashers) = resume(target, &mut part, &algorithms).await?;
    let mut state = DownloadProgress {
        file_name: target.name.clone(),
        file_index: index,
        files,
        received: have,
        total: target.size,
        resumed_from: have,
    };
    report(progress, &state);
    let mut resumes = 0;
    'attempts: loop {
        let mut request = http.get(url);
        if have > 0 {
            request = request.header(reqwest::header::RANGE, format!("bytes={have}-"));
        }
        let mut response = request
            .send()
            .await
            .map_err(|e| WorkflowError::http(Step::Download, e))?;
        let restart = match response.status().as_u16() {
            206 if have > 0 => {
                let starts_at = response
                    .headers()
                    .get(reqwest::header::CONTENT_RANGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(range_start);
                if starts_at != Some(have) {
                    return Err(WorkflowError::invalid(
                        Step::Download,
                        "storage answered another range than the one asked for",
                    ));
                }
                false
            }
            // The whole file: what is on disk is dropped.
            200 => have > 0,
            // Nothing left to send: the file on disk may be whole; the size (when the package
            // states one) and the digests decide.
            416 if have > 0 && target.size.is_none_or(|size| size == have) => break 'attempts,
            status => {
                if status == 416 {
                    // What is on disk does not fit the object: the next try starts afresh.
                    remove(&target.part).await;
                }
                return Err(WorkflowError::new(
                    Step::Download,
                    storage_error(response).await,
                ));
            }
        };
        if restart {
            have = 0;
            hashers = Hashers::new(&algorithms);
            state.resumed_from = 0;
            truncate(&mut part).await.map_err(|e| io(&target.part, e))?;
        }
        // Writes go on at the handle's position: the end of what is on disk.
        let mut file = BufWriter::with_capacity(WRITE_BUFFER_BYTES, &mut part);
        let at_start = have;
        loop {
            let chunk = match response.chunk().await {
                Ok(Some(chunk)) => chunk,
                Ok(None) => break,
                Err(error) => {
                    file.flush().await.map_err(|e| io(&target.part, e))?;
                    // The connection broke: go on from what arrived, while attempts bring bytes.
                    if have > at_start && resumes < MAX_RESUMES {
                        resumes += 1;
                        continue 'attempts;
                    }
                    return Err(WorkflowError::http(Step::Download, error));
                }
            };
            let received = have + chunk.len() as u64;
            if let Some(size) = target.size
                && received > size
            {
                remove(&target.part).await;
                return Err(WorkflowError::new(
                    Step::Download,
                    ErrorKind::SizeMismatch {
                        expected: size,
                        actual: received,
                    },
                ));
            }
            file.write_all(&chunk)
                .await
                .map_err(|e| io(&target.part, e))?;
            hashers.update(&chunk);
            have = received;
            state.received = have;
            report(progress, &state);
        }
        file.flush().await.map_err(|e| io(&target.part, e))?;
        part.sync_all().await.map_err(|e| io(&target.part, e))?;
        break;
    }
    let on_disk = (part.metadata().await)
        .map_err(|e| io(&target.part, e))?
        .len();
    let checked = check(target, have, on_disk, hashers).await?;
    tokio::fs::rename(&target.part, &target.dest)
        .await
        .map_err(|e| io(&target.dest, e))?;
    // Unlocked only now, so that no other download takes the file between check and rename.
    drop(part);
    let dir = (target.dest.parent())
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let Ok(dir) = tokio::fs::File::open(dir).await {
        // Best effort: the rename survives a power cut on file systems that need this.
        let _ = dir.sync_all().await;
    }
    Ok(DownloadedFile {
        name: target.name.clone(),
        path: target.dest.clone(),
        size: have,
        digests: checked,
        resumed_from: state.resumed_from,
    })
}

/// Opens (or creates) the temporary file and locks it, failing at once if another download
/// holds it.
async fn open_locked(path: &Path) -> Result<tokio::fs::File, WorkflowError> {
    let io = |e| WorkflowError::io(Step::Download, path, e);
    let file = tokio::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(path)
        .await
        .map_err(io)?
        .into_std()
        .await;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            return Err(WorkflowError::invalid(
                Step::Download,
                format!(
                    "another download is writing {}: wait for it to finish, or stop it",
                    path.display()
                ),
            ));
        }
        // A file system without locks: go on unlocked rather than not at all.
        Err(std::fs::TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {}
        Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
    }
    Ok(tokio::fs::File::from_std(file))
}

/// Empties the file and moves its position to the start.
async fn truncate(file: &mut tokio::fs::File) -> std::io::Result<()> {
    file.set_len(0).await?;
    file.seek(SeekFrom::Start(0)).await.map(drop)
}

/// The bytes already in the temporary file and their running digests (none if it is longer
/// than the file should be: it is emptied). Leaves `file`'s position at the end of what it
/// keeps.
async fn resume(
    target: &Target,
    file: &mut tokio::fs::File,
    algorithms: &[Algorithm],
) -> Result<(u64, Hashers), WorkflowError> {
    let mut hashers = Hashers::new(algorithms);
    let mut buffer = vec![0; WRITE_BUFFER_BYTES];
    let mut have = 0u64;
    loop {
        let n = file
            .read(&mut buffer)
            .await
            .map_err(|e| WorkflowError::io(Step::Download, &target.part, e))?;
        if n == 0 {
            break;
        }
        hashers.update(&buffer[..n]);
        have += n as u64;
    }
    if target.size.is_some_and(|size| have > size) {
        truncate(file)
            .await
            .map_err(|e| WorkflowError::io(Step::Download, &target.part, e))?;
        return Ok((0, Hashers::new(algorithms)));
    }
    Ok((have, hashers))
}

/// Checks the size and the digests of the downloaded bytes (`size` of them hashed, `on_disk`
/// in the temporary file); on a mismatch the temporary file is deleted.
async fn check(
    target: &Target,
    size: u64,
    on_disk: u64,
    hashers: Hashers,
) -> Result<Vec<(&'static str, String)>, WorkflowError> {
    let mismatch = |kind| async {
        remove(&target.part).await;
        Err(WorkflowError::new(Step::Download, kind))
    };
    if on_disk != size {
        // Something else wrote to the file: its bytes are not the ones hashed.
        return mismatch(ErrorKind::SizeMismatch {
            expected: size,
            actual: on_disk,
        })
        .await;
    }
    if let Some(expected) = target.size
        && expected != size
    {
        return mismatch(ErrorKind::SizeMismatch {
            expected,
            actual: size,
        })
        .await;
    }
    let actual = hashers.finish();
    for (algorithm, expected) in &target.expected {
        let got = actual
            .iter()
            .find(|(a, _)| a == algorithm)
            .map(|(_, hex)| hex.clone())
            .unwrap_or_default();
        if got != *expected {
            return mismatch(ErrorKind::DigestMismatch {
                algorithm: algorithm.name(),
                expected: expected.clone(),
                actual: got,
            })
            .await;
        }
    }
    Ok(actual.into_iter().map(|(a, hex)| (a.name(), hex)).collect())
}

async fn remove(path: &Path) {
    // Already gone is fine; anything else leaves a temporary file, never a destination.
    let _ = tokio::fs::remove_file(path).await;
}

/// The first byte of `Content-Range: bytes <first>-<last>/<size>`.
fn range_start(value: &str) -> Option<u64> {
    let range = value.trim().strip_prefix("bytes")?.trim_start();
    range.split('-').next()?.trim().parse().ok()
}

/// The file name at the end of a URL's path, when it is a plain one; else `firmware.bin`.
fn name_in_url(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let last = path.rsplit('/').next().unwrap_or_default();
    if is_plain_file_name(last) {
        last.to_owned()
    } else {
        "firmware.bin".to_owned()
    }
}

/// A name that stays inside the directory it is joined to.
fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', '\0', '%'])
        && !name.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_ranges() {
        assert_eq!(
            name_in_url("http://h/oss/ota/a/b.bin?Expires=1&Signature=x"),
            "b.bin"
        );
        assert_eq!(name_in_url("http://h/oss/ota/..?x"), "firmware.bin");
        assert_eq!(name_in_url("http://h/"), "firmware.bin");
        assert_eq!(name_in_url("http://h/a%2Fb"), "firmware.bin");
        assert!(!is_plain_file_name("../x"));
        assert!(!is_plain_file_name("a\\b"));
        assert!(is_plain_file_name("fw-1.bin"));
        assert_eq!(range_start("bytes 100-199/300"), Some(100));
        assert_eq!(range_start("bytes */300"), None);
        assert_eq!(range_start("items 1-2/3"), None);
    }

    /// A temporary file longer than the bytes hashed (another writer added to it) is refused
    /// and deleted, even when the package states no size.
    #[tokio::test]
    async fn a_part_file_grown_by_another_writer_is_refused() {
        let dir = test_support::TempDir::new();
        let digest = [(
            Algorithm::Md5,
            Some("0123456789abcdef0123456789abcdef".into()),
        )];
        let dest = dir.path().join("fw.bin");
        let target = Target::new("fw.bin".into(), "http://h/".into(), None, &digest, dest).unwrap();
        std::fs::write(&target.part, [0; 20]).unwrap();
        let error = check(&target, 10, 20, Hashers::new(&[Algorithm::Md5]))
            .await
            .unwrap_err();
        assert!(
            matches!(
                error.kind(),
                ErrorKind::SizeMismatch {
                    expected: 10,
                    actual: 20
                }
            ),
            "{error}"
        );
        assert!(!target.part.exists());
    }
}
