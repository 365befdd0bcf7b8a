//! Upload: one or more files → GenerateOTAUploadURL → the OSS POST-policy form, streamed from
//! disk with its digests computed on the way → CreateOTAFirmware (→ CreateOTAVerifyJob).

use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use bytes::Bytes;
use http_body::{Frame, SizeHint};
use tokio::io::{AsyncRead, ReadBuf};

use super::ProgressFn;
use super::digest::{Algorithm, Digests, Hashers};
use super::error::{Step, WorkflowError};
use super::storage::{http_client, is_expired, storage_error};
use crate::Client;
use crate::create_ota_firmware::FirmwareFileInput;
use crate::generate_ota_upload_url::{FileSuffix, UploadCredentials};
use crate::types::{FirmwareType, SignMethod};

/// How much of a file is read and sent at a time.
const CHUNK_BYTES: usize = 256 * 1024;
/// The slowest upload given time to finish: 64 KiB/s.
const SLOWEST_BYTES_PER_SECOND: u64 = 64 * 1024;
/// The most files in one package (CreateOTAFirmware's `MultiFiles`).
const MAX_FILES: usize = 20;
/// The longest file name in a multi-file package.
const MAX_FILE_NAME_CHARS: usize = 32;
/// The longest package name.
const MAX_PACKAGE_NAME_CHARS: usize = 40;

/// How far an upload has got, given to [`UploadBuilder::on_progress`]: once with `sent` 0 when
/// a file's transfer starts (again if it restarts with fresh credentials), then after every
/// chunk.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct UploadProgress {
    /// The file's name in the package.
    pub file_name: String,
    /// Which file (from 0) of [`files`](Self::files).
    pub file_index: usize,
    /// How many files the package has.
    pub files: usize,
    /// The bytes of this file sent so far.
    pub sent: u64,
    /// The file's size.
    pub total: u64,
}

/// A file of a package created by [`UploadBuilder::send`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct UploadedFile {
    /// Its name in the package.
    pub name: String,
    /// Where it was read from.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// Its MD5 digest, lowercase hex.
    pub md5: String,
    /// Its signature as given to the package (the digest of the package's `SignMethod`).
    pub sign: String,
}

/// The package [`UploadBuilder::send`] created.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct UploadedPackage {
    /// The package's ID.
    pub firmware_id: String,
    /// Its name.
    pub firmware_name: String,
    /// Its files, in the order given.
    pub files: Vec<UploadedFile>,
    /// The verification job started with [`UploadBuilder::verify_on`], if any.
    pub verify_job_id: Option<String>,
}

/// Uploads files and creates a package from them: from [`Client::upload_package`].
///
/// Each file is sent to the host GenerateOTAUploadURL names as the OSS POST-policy form (the
/// file last, streamed from disk, never held whole in memory) while its size and digests are
/// computed; then CreateOTAFirmware gets them. An upload policy that has expired (OSS 403
/// `AccessDenied`, "Policy expired.") is renewed once.
#[derive(Clone)]
#[must_use = "an upload does nothing until `send` is awaited"]
pub struct UploadBuilder {
    client: Client,
    product_key: String,
    files: Vec<PathBuf>,
    firmware_name: Option<String>,
    dest_version: Option<String>,
    src_version: Option<String>,
    module_name: Option<String>,
    description: Option<String>,
    sign_method: SignMethod,
    need_to_verify: Option<bool>,
    udi: Option<String>,
    iot_instance_id: Option<String>,
    verify_on: Vec<String>,
    progress: Option<ProgressFn<UploadProgress>>,
}

impl std::fmt::Debug for UploadBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UploadBuilder")
            .field("product_key", &self.product_key)
            .field("files", &self.files)
            .field("firmware_name", &self.firmware_name)
            .field("dest_version", &self.dest_version)
            .field("sign_method", &self.sign_method)
            .field("verify_on", &self.verify_on)
            .finish_non_exhaustive()
    }
}

impl UploadBuilder {
    pub(crate) fn new(client: Client, product_key: String) -> Self {
        Self {
            client,
            product_key,
            files: Vec::new(),
            firmware_name: None,
            dest_version: None,
            src_version: None,
            module_name: None,
            description: None,
            sign_method: SignMethod::Md5,
            need_to_verify: None,
            udi: None,
            iot_instance_id: None,
            verify_on: Vec::new(),
            progress: None,
        }
    }

    /// Adds a file. One file makes a single-file package; several (up to 20, with distinct
    /// names of at most 32 characters) a multi-file package.
    pub fn file(mut self, path: impl Into<PathBuf>) -> Self {
        self.files.push(path.into());
        self
    }

    /// Adds several files.
    pub fn files<P: Into<PathBuf>>(mut self, paths: impl IntoIterator<Item = P>) -> Self {
        self.files.extend(paths.into_iter().map(Into::into));
        self
    }

    /// The version devices are updated to (`DestVersion`, required).
    pub fn dest_version(mut self, version: impl Into<String>) -> Self {
        self.dest_version = Some(version.into());
        self
    }

    /// The package's name (`FirmwareName`, unique in the account); default the first file's
    /// name and the version, with characters a name cannot hold replaced by `_`.
    pub fn firmware_name(mut self, name: impl Into<String>) -> Self {
        self.firmware_name = Some(name.into());
        self
    }

    /// Makes a delta package that updates from `version` (`Type` 1, `SrcVersion`).
    pub fn delta_from(mut self, version: impl Into<String>) -> Self {
        self.src_version = Some(version.into());
        self
    }

    /// The OTA module (`ModuleName`); default the product's `default` module.
    pub fn module_name(mut self, module: impl Into<String>) -> Self {
        self.module_name = Some(module.into());
        self
    }

    /// The package's description (`FirmwareDesc`).
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// The digest the package is signed with (`SignMethod`); default MD5.
    pub fn sign_method(mut self, method: SignMethod) -> Self {
        self.sign_method = method;
        self
    }

    /// Whether the package must be verified before update jobs (`NeedToVerify`, the service's
    /// default `true`).
    pub fn need_to_verify(mut self, need: bool) -> Self {
        self.need_to_verify = Some(need);
        self
    }

    /// Custom information pushed to devices with the update (`Udi`).
    pub fn udi(mut self, udi: impl Into<String>) -> Self {
        self.udi = Some(udi.into());
        self
    }

    /// The instance the product belongs to (`IotInstanceId`).
    pub fn iot_instance_id(mut self, id: impl Into<String>) -> Self {
        self.iot_instance_id = Some(id.into());
        self
    }

    /// Once created, starts verifying the package on these test devices (CreateOTAVerifyJob,
    /// 1 to 10 devices of the product); wait for it with [`Client::wait_verified`].
    pub fn verify_on<S: Into<String>>(mut self, devices: impl IntoIterator<Item = S>) -> Self {
        self.verify_on.extend(devices.into_iter().map(Into::into));
        self
    }

    /// Called as the files are sent. Called from the upload itself: keep it quick.
    pub fn on_progress(
        mut self,
        progress: impl Fn(&UploadProgress) + Send + Sync + 'static,
    ) -> Self {
        self.progress = Some(Arc::new(progress));
        self
    }

    /// Uploads the files, creates the package and, when asked, starts its verification.
    pub async fn send(self) -> Result<UploadedPackage, WorkflowError> {
        let dest_version = self.dest_version.clone().ok_or_else(|| {
            WorkflowError::invalid(
                Step::Prepare,
                "the DestVersion is not set (call .dest_version(...))",
            )
        })?;
        let files = self.check_files().await?;
        let algorithm = Algorithm::of(&self.sign_method).ok_or_else(|| {
            WorkflowError::invalid(
                Step::Prepare,
                format!("unknown SignMethod {:?}", self.sign_method),
            )
        })?;
        let firmware_name = match &self.firmware_name {
            Some(name) => name.clone(),
            None => default_name(&files[0].name, &dest_version),
        };
        let http = http_client(&self.client, Step::UploadFile, false)?;
        let mut uploaded = Vec::with_capacity(files.len());
        for (index, file) in files.iter().enumerate() {
            let sent = self
                .upload_file(&http, file, index, files.len(), algorithm)
                .await
                .map_err(|e| e.with_file(file.name.as_str()))?;
            uploaded.push(sent);
        }

        let mut create = self
            .client
            .create_ota_firmware()
            .product_key(&self.product_key)
            .firmware_name(&firmware_name)
            .dest_version(&dest_version)
            .sign_method(self.sign_method.clone())
            .set_module_name(self.module_name.clone())
            .set_firmware_desc(self.description.clone())
            .set_need_to_verify(self.need_to_verify)
            .set_udi(self.udi.clone())
            .set_iot_instance_id(self.iot_instance_id.clone());
        if let Some(src) = &self.src_version {
            create = create.src_version(src).r#type(FirmwareType::Delta);
        }
        if let [(file, url)] = &uploaded[..] {
            create = create
                .firmware_url(url)
                .firmware_sign(&file.sign)
                .firmware_size(to_i64(file.size));
        } else {
            for (file, url) in &uploaded {
                create = create.multi_files(
                    FirmwareFileInput::default()
                        .with_name(&file.name)
                        .with_url(url)
                        .with_size(to_i64(file.size))
                        .with_sign_value(&file.sign)
                        .with_file_md5(&file.md5),
                );
            }
        }
        let created = create
            .send()
            .await
            .map_err(|e| WorkflowError::api(Step::CreatePackage, e))?;
        let firmware_id = created
            .data
            .and_then(|d| d.firmware_id)
            .ok_or_else(|| WorkflowError::missing(Step::CreatePackage, "Data.FirmwareId"))?;

        let verify_job_id = if self.verify_on.is_empty() {
            None
        } else {
            let job = self
                .client
                .create_ota_verify_job()
                .firmware_id(&firmware_id)
                .product_key(&self.product_key)
                .set_target_device_name(Some(self.verify_on.clone()))
                .set_iot_instance_id(self.iot_instance_id.clone())
                .send()
                .await
                .map_err(|e| WorkflowError::api(Step::StartVerification, e))?;
            Some(
                job.data
                    .and_then(|d| d.job_id)
                    .ok_or_else(|| WorkflowError::missing(Step::StartVerification, "Data.JobId"))?,
            )
        };
        Ok(UploadedPackage {
            firmware_id,
            firmware_name,
            files: uploaded.into_iter().map(|(file, _)| file).collect(),
            verify_job_id,
        })
    }

    /// Each file's name in the package, path and size; refuses what the service would.
    async fn check_files(&self) -> Result<Vec<LocalFile>, WorkflowError> {
        let invalid = |why: String| WorkflowError::invalid(Step::Prepare, why);
        if self.files.is_empty() {
            return Err(invalid("no file to upload (call .file(...))".into()));
        }
        if self.files.len() > MAX_FILES {
            return Err(invalid(format!(
                "{} files: a package holds at most {MAX_FILES}",
                self.files.len()
            )));
        }
        let mut files: Vec<LocalFile> = Vec::with_capacity(self.files.len());
        for path in &self.files {
            let metadata = tokio::fs::metadata(path)
                .await
                .map_err(|e| WorkflowError::io(Step::Prepare, path, e))?;
            if !metadata.is_file() {
                return Err(invalid(format!("{} is not a file", path.display())));
            }
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if self.files.len() > 1 {
                if name.chars().count() > MAX_FILE_NAME_CHARS {
                    return Err(invalid(format!(
                        "{name}: a file of a multi-file package has a name of at most {MAX_FILE_NAME_CHARS} characters"
                    )));
                }
                if files.iter().any(|other| other.name == name) {
                    return Err(invalid(format!("two files are named {name}")));
                }
            }
            files.push(LocalFile {
                name,
                path: path.clone(),
                size: metadata.len(),
            });
        }
        Ok(files)
    }

    /// Uploads one file, renewing expired credentials once; the file and its object URL.
    async fn upload_file(
        &self,
        http: &reqwest::Client,
        file: &LocalFile,
        index: usize,
        files: usize,
        algorithm: Algorithm,
    ) -> Result<(UploadedFile, String), WorkflowError> {
        let mut renewed = false;
        loop {
            let credentials = self
                .client
                .generate_ota_upload_url()
                .file_suffix(file_suffix(&file.name))
                .set_iot_instance_id(self.iot_instance_id.clone())
                .send()
                .await
                .map_err(|e| WorkflowError::api(Step::RequestUploadUrl, e))?
                .data
                .ok_or_else(|| WorkflowError::missing(Step::RequestUploadUrl, "Data"))?;
            let form = Form::from(&credentials)?;
            let progress = self.progress.clone().map(|callback| FileProgress {
                callback,
                state: UploadProgress {
                    file_name: file.name.clone(),
                    file_index: index,
                    files,
                    sent: 0,
                    total: file.size,
                },
            });
            if let Some(p) = &progress {
                (p.callback)(&p.state);
            }
            let read_timeout = self.client.runtime().config().read_timeout;
            match post_form(http, read_timeout, &form, file, algorithm, progress).await {
                Ok((md5, sign)) => {
                    let sent = UploadedFile {
                        name: file.name.clone(),
                        path: file.path.clone(),
                        size: file.size,
                        md5,
                        sign,
                    };
                    return Ok((sent, form.object_url.to_owned()));
                }
                Err(error) if !renewed && is_expired(error.kind()) => renewed = true,
                Err(error) => return Err(error),
            }
        }
    }
}

/// A file to upload: its name in the package, where it is, its size.
struct LocalFile {
    name: String,
    path: PathBuf,
    size: u64,
}

/// The fields of an upload form, borrowed from GenerateOTAUploadURL's answer.
struct Form<'a> {
    host: &'a str,
    key: &'a str,
    policy: &'a str,
    access_key_id: &'a str,
    signature: &'a str,
    object_url: &'a str,
}

impl<'a> Form<'a> {
    fn from(data: &'a UploadCredentials) -> Result<Self, WorkflowError> {
        let field = |value: &'a Option<String>, name| {
            value
                .as_deref()
                .ok_or_else(|| WorkflowError::missing(Step::RequestUploadUrl, name))
        };
        Ok(Self {
            host: field(&data.host, "Data.Host")?,
            key: field(&data.key, "Data.Key")?,
            policy: field(&data.policy, "Data.Policy")?,
            access_key_id: field(&data.oss_access_key_id, "Data.OSSAccessKeyId")?,
            signature: field(&data.signature, "Data.Signature")?,
            object_url: field(&data.firmware_url, "Data.FirmwareUrl")?,
        })
    }

    /// The multipart text before and after the file's bytes.
    fn framing(&self, boundary: &str, file_name: &str) -> (Bytes, Bytes) {
        let mut head = String::new();
        for (name, value) in [
            ("key", self.key),
            ("policy", self.policy),
            ("OSSAccessKeyId", self.access_key_id),
            ("Signature", self.signature),
            ("success_action_status", "200"),
        ] {
            head.push_str(&format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            ));
        }
        let file_name: String = file_name
            .chars()
            .map(|c| if c == '"' || c.is_control() { '_' } else { c })
            .collect();
        head.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        ));
        (
            Bytes::from(head),
            Bytes::from(format!("\r\n--{boundary}--\r\n")),
        )
    }
}

/// Sends one file as the POST-policy form; its MD5 and its signature (digest of `algorithm`).
async fn post_form(
    http: &reqwest::Client,
    read_timeout: Duration,
    form: &Form<'_>,
    local: &LocalFile,
    algorithm: Algorithm,
    progress: Option<FileProgress>,
) -> Result<(String, String), WorkflowError> {
    let file = tokio::fs::File::open(&local.path)
        .await
        .map_err(|e| WorkflowError::io(Step::UploadFile, &local.path, e))?;
    let boundary = boundary();
    let (head, tail) = form.framing(&boundary, &local.name);
    let length = head.len() as u64 + local.size + tail.len() as u64;
    let digests = Arc::new(Mutex::new(None));
    let body = FileFormBody {
        head: Some(head),
        file,
        left: local.size,
        tail: Some(tail),
        buffer: vec![0; CHUNK_BYTES],
        hashers: Some(Hashers::new(&[Algorithm::Md5, algorithm])),
        digests: Arc::clone(&digests),
        progress,
    };
    let response = http
        .post(format!("{}/", form.host.trim_end_matches('/')))
        .header(
            reqwest::header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(reqwest::header::CONTENT_LENGTH, length)
        .timeout(upload_time_limit(read_timeout, length))
        .body(reqwest::Body::wrap(body))
        .send()
        .await
        .map_err(|e| WorkflowError::http(Step::UploadFile, e))?;
    if !response.status().is_success() {
        return Err(WorkflowError::new(
            Step::UploadFile,
            storage_error(response).await,
        ));
    }
    let digests: Digests = digests
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take()
        .ok_or_else(|| {
            WorkflowError::invalid(
                Step::UploadFile,
                "storage answered before the whole file was sent",
            )
        })?;
    let digest_of = |wanted: Algorithm| {
        digests
            .iter()
            .find(|(a, _)| *a == wanted)
            .map(|(_, hex)| hex.clone())
            .unwrap_or_default()
    };
    Ok((digest_of(Algorithm::Md5), digest_of(algorithm)))
}

/// A progress callback and the state it is given.
struct FileProgress {
    callback: ProgressFn<UploadProgress>,
    state: UploadProgress,
}

/// The form as a request body: the fields, then the file read a chunk at a time and hashed on
/// the way, then the closing boundary. Its exact length is known up front.
struct FileFormBody {
    head: Option<Bytes>,
    file: tokio::fs::File,
    /// File bytes still to send.
    left: u64,
    tail: Option<Bytes>,
    buffer: Vec<u8>,
    hashers: Option<Hashers>,
    /// Where the digests go once the last byte is read (the body itself is consumed by the
    /// HTTP client).
    digests: Arc<Mutex<Option<Digests>>>,
    progress: Option<FileProgress>,
}

impl http_body::Body for FileFormBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        let this = self.get_mut();
        if let Some(head) = this.head.take() {
            return Poll::Ready(Some(Ok(Frame::data(head))));
        }
        if this.left > 0 {
            let want = usize::try_from(this.left)
                .unwrap_or(usize::MAX)
                .min(this.buffer.len());
            let mut read = ReadBuf::new(&mut this.buffer[..want]);
            ready!(Pin::new(&mut this.file).poll_read(cx, &mut read))?;
            let chunk = read.filled();
            if chunk.is_empty() {
                return Poll::Ready(Some(Err(std::io::Error::new(
                    std::io::ErrorKind::UnexpectedEof,
                    "the file became shorter while it was uploaded",
                ))));
            }
            if let Some(hashers) = &mut this.hashers {
                hashers.update(chunk);
            }
            this.left -= chunk.len() as u64;
            if let Some(progress) = &mut this.progress {
                progress.state.sent += chunk.len() as u64;
                (progress.callback)(&progress.state);
            }
            return Poll::Ready(Some(Ok(Frame::data(Bytes::copy_from_slice(chunk)))));
        }
        // Every byte of the file is out (none, for an empty file): its digests are known.
        if let Some(hashers) = this.hashers.take() {
            *this.digests.lock().unwrap_or_else(PoisonError::into_inner) = Some(hashers.finish());
        }
        Poll::Ready(this.tail.take().map(|tail| Ok(Frame::data(tail))))
    }

    fn is_end_stream(&self) -> bool {
        self.head.is_none() && self.left == 0 && self.tail.is_none()
    }

    fn size_hint(&self) -> SizeHint {
        let framing = |part: &Option<Bytes>| part.as_ref().map_or(0, |b| b.len() as u64);
        SizeHint::with_exact(framing(&self.head) + self.left + framing(&self.tail))
    }
}

/// How long one form upload may take: the read timeout (the answer comes only once the whole
/// file is in), plus the time to send it at [`SLOWEST_BYTES_PER_SECOND`].
fn upload_time_limit(read_timeout: Duration, length: u64) -> Duration {
    read_timeout.saturating_add(Duration::from_secs(length / SLOWEST_BYTES_PER_SECOND))
}

/// A multipart boundary unlikely to occur in a file: 32 hex digits from the clock and a counter.
fn boundary() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!(
        "----aliyun-iot-{:016x}{count:016x}",
        nanos as u64 ^ 0x9e37_79b9_7f4a_7c15
    )
}

/// The `FileSuffix` for a file name: its extension when the service knows it, else `bin`.
fn file_suffix(name: &str) -> FileSuffix {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".tar.gz") {
        return FileSuffix::from_value("tar.gz");
    }
    match lower.rsplit_once('.').map(|(_, ext)| ext) {
        Some(ext @ ("bin" | "dav" | "apk" | "tar" | "gz" | "zip" | "gzip")) => {
            FileSuffix::from_value(ext)
        }
        _ => FileSuffix::from_value("bin"),
    }
}

/// A package name from a file name and a version: letters, digits, `-`, `_` and parentheses,
/// starting with a letter or digit, at most 40 characters.
fn default_name(file_name: &str, version: &str) -> String {
    let stem = file_name.split('.').next().unwrap_or_default();
    let mut name: String = format!("{stem}-{version}")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '(' | ')') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if !name.chars().next().is_some_and(char::is_alphanumeric) {
        name.insert_str(0, "fw");
    }
    name.chars().take(MAX_PACKAGE_NAME_CHARS).collect()
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body::Body as _;

    /// The form body of a file of `len` bytes: every byte, as announced, and the digests.
    async fn body_of(len: usize) {
        let dir = test_support::TempDir::new();
        let path = dir.path().join("fw.bin");
        let content: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &content).unwrap();
        let digests = Arc::new(Mutex::new(None));
        let mut body = FileFormBody {
            head: Some(Bytes::from_static(b"head")),
            file: tokio::fs::File::open(&path).await.unwrap(),
            left: len as u64,
            tail: Some(Bytes::from_static(b"tail")),
            buffer: vec![0; 1000],
            hashers: Some(Hashers::new(&[Algorithm::Md5])),
            digests: Arc::clone(&digests),
            progress: None,
        };
        assert_eq!(body.size_hint().exact(), Some(len as u64 + 8));
        let mut sent = Vec::new();
        while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await
        {
            sent.extend_from_slice(frame.unwrap().data_ref().unwrap());
        }
        assert!(body.is_end_stream());
        assert_eq!(sent.len(), len + 8);
        assert_eq!(&sent[4..4 + len], &content[..]);
        let mut md5 = Hashers::new(&[Algorithm::Md5]);
        md5.update(&content);
        assert_eq!(digests.lock().unwrap().take(), Some(md5.finish()));
    }

    #[tokio::test]
    async fn the_form_body_carries_the_whole_file() {
        body_of(0).await;
        body_of(999).await;
        body_of(2500).await;
    }

    #[test]
    fn suffixes_and_names() {
        assert_eq!(file_suffix("fw.TAR.gz").as_str(), "tar.gz");
        assert_eq!(file_suffix("fw.zip").as_str(), "zip");
        assert_eq!(file_suffix("fw.img").as_str(), "bin");
        assert_eq!(file_suffix("fw").as_str(), "bin");
        assert_eq!(default_name("router.bin", "2.0.1"), "router-2_0_1");
        assert_eq!(default_name(".hidden", "1"), "fw-1");
        assert_eq!(default_name(&"x".repeat(50), "1").chars().count(), 40);
    }

    #[test]
    fn upload_time_limits() {
        let limit = upload_time_limit(Duration::from_secs(30), 10 * SLOWEST_BYTES_PER_SECOND);
        assert_eq!(limit, Duration::from_secs(40));
        assert_eq!(upload_time_limit(Duration::MAX, u64::MAX), Duration::MAX);
    }
}
