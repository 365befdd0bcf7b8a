//! Local object storage for firmware files, speaking as much of OSS as the OTA upload step
//! needs: `PostObject` form uploads signed with a POST policy (signature V1), and pre-signed
//! `GET` URLs (URL signature V1). Served on the emulator's own port under [`ObjectStore::PATH`].
//!
//! # On disk
//!
//! Under the store's directory: `objects/<key>` (the bytes), `objects.meta/<key>` (a JSON
//! sidecar: size, MD5, SHA-256 and the object file's modification time), `objects.tmp/`
//! (uploads in flight, emptied on open) and `objects.secret` (the signing secret, created
//! once, so that pre-signed URLs and upload forms survive a restart). One process per
//! directory.
//!
//! An upload is streamed to a temporary file while both digests are computed; only after the
//! file and its sidecar are fsynced, renamed into place and their directories fsynced is it
//! answered. A crash between the two renames can leave a sidecar that does not describe the
//! object (its size or modification time differ): the digests are then computed again from
//! the file, which is always complete, and the sidecar rewritten.
//!
//! # Keys
//!
//! 1 to 1,023 bytes of UTF-8, a relative path: no leading `/`, no empty, `.` or `..` segment,
//! no backslash, no control character (NUL included). A key cannot be both an object and a
//! "directory" of another (`a` and `a/b`), unlike in OSS.
//!
//! # Errors (OSS XML `<Error>` with `Code`, `Message`, `RequestId`, `HostId`)
//!
//! | Status | Code | When |
//! |---|---|---|
//! | 400 | `MalformedPOSTRequest` | not `multipart/form-data`, broken multipart, a part without a name, a field other than `file` above 64 KiB or not UTF-8, more than 64 fields before `file`, more than 2 MiB of the body buffered that is not field values (a part header that does not end) |
//! | 400 | `IncompleteBody` | reading the request body failed (a body that merely ends early is `MalformedPOSTRequest`) |
//! | 400 | `InvalidArgument` | `key`, `OSSAccessKeyId`, `policy`, `Signature` or `file` missing (fields after `file` are read and ignored, as OSS does, so a field sent after `file` counts as missing), a field given twice, a download query that is not valid percent-encoded UTF-8, `Expires` not a number |
//! | 400 | `InvalidPolicyDocument` | a signed policy that is not Base64 JSON with `expiration` and `conditions`, or with a condition this store does not know |
//! | 400 | `InvalidObjectName` | a key that is not a safe relative path, or that collides with another object's path |
//! | 400 | `InvalidURI` | a download path whose percent-encoding is malformed or not UTF-8 |
//! | 400 | `EntityTooLarge` / `EntityTooSmall` | the file is outside the policy's `content-length-range` or above the store's maximum |
//! | 403 | `InvalidAccessKeyId` | `OSSAccessKeyId` is not the store's |
//! | 403 | `SignatureDoesNotMatch` | the policy or URL signature is not the store's (a URL is signed for its method: a `GET` URL does not serve `HEAD`, as in OSS) |
//! | 403 | `AccessDenied` | policy expired, a policy condition failed, URL expired (`Request has expired.`), URL without `Expires`, `OSSAccessKeyId` or `Signature` |
//! | 404 | `NoSuchKey` | no such object |
//! | 405 | `MethodNotAllowed` | a download that is neither `GET` nor `HEAD` |
//! | 416 | `InvalidRange` | a single range that starts past the end (with `Content-Range: bytes */<size>`) |
//! | 500 | `InternalError` | the disk failed (logged) |

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Component, Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aliyun_runtime::jiff::Timestamp;
use aliyun_runtime::signing::{NonceSource, RandomNonce, percent_encode};
use axum::body::{Body, BodyDataStream, Bytes};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use futures_util::stream::{self, Stream, StreamExt};
use hmac::{Hmac, KeyInit, Mac};
use md5::Md5;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha1::Sha1;
use sha2::{Digest, Sha256};
use tempfile::{NamedTempFile, TempDir};

use crate::params::{parse_pairs, shorten};

/// The bucket name signed into pre-signed URLs and shown in `PostResponse`.
const BUCKET: &str = "iotx-ota-emulator";
/// The longest key OSS accepts, in bytes.
const MAX_KEY_BYTES: usize = 1023;
/// The largest form field other than `file`.
const MAX_FIELD_BYTES: usize = 64 * 1024;
/// The most form fields before `file`.
const MAX_FIELDS: usize = 64;
/// How many bytes of the body may be read and not handed out as field values or file bytes:
/// bounds what multer buffers (read ahead, part headers, boundaries), e.g. for a part header
/// that never ends.
const FORM_BUDGET: u64 = 2 * 1024 * 1024;
/// The largest piece of the body handed to multer at once, and how much it gets per poll
/// outside the file.
const SLICE_BYTES: usize = 8 * 1024;
/// How much multer gets per poll while the file streams (it hands all of it out each time).
const FILE_PACE_BYTES: usize = 256 * 1024;
/// How much is written to or read from disk per blocking task.
const IO_BATCH: usize = 256 * 1024;

/// Local OSS-like object storage: upload forms, pre-signed URLs, and the files themselves.
pub(crate) struct ObjectStore {
    dirs: Arc<Dirs>,
    /// HMAC-SHA1 keyed with the secret, cloned for each signature.
    mac: Hmac<Sha1>,
    access_key_id: String,
    max_object_bytes: u64,
    /// The directory of a state-less store, removed with it.
    _temp: Option<TempDir>,
}

/// The form fields of a POST-policy upload (what GenerateOTAUploadURL returns).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UploadForm {
    /// Where to POST the form: `<base_url>/oss`.
    pub host: String,
    /// The `key` field.
    pub key: String,
    /// The `policy` field (Base64 JSON).
    pub policy: String,
    /// The `Signature` field.
    pub signature: String,
    /// The `OSSAccessKeyId` field.
    pub access_key_id: String,
    /// The object's URL once uploaded: `<host>/<key>`.
    pub object_url: String,
}

/// What the store knows of an object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ObjectInfo {
    /// Size in bytes.
    pub size: u64,
    /// MD5, lowercase hex.
    pub md5: String,
    /// SHA-256, lowercase hex.
    pub sha256: String,
}

/// The store's directories.
#[derive(Debug)]
struct Dirs {
    objects: PathBuf,
    meta: PathBuf,
    tmp: PathBuf,
}

impl fmt::Debug for ObjectStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ObjectStore")
            .field("objects", &self.dirs.objects)
            .field("access_key_id", &self.access_key_id)
            .field("secret", &"<redacted>")
            .field("max_object_bytes", &self.max_object_bytes)
            .finish()
    }
}

impl ObjectStore {
    /// Path prefix of the store on the emulator's own port.
    pub(crate) const PATH: &'static str = "/oss";

    /// Opens the store in `dir` (created if needed; objects and the signing secret persist
    /// there), or in a temporary directory removed when the store is dropped.
    pub(crate) fn open(dir: Option<&Path>, max_object_bytes: u64) -> io::Result<Self> {
        let (root, temp) = match dir {
            Some(dir) => (dir.to_path_buf(), None),
            None => {
                let temp = tempfile::Builder::new()
                    .prefix("iot-emulator-oss-")
                    .tempdir()?;
                (temp.path().to_path_buf(), Some(temp))
            }
        };
        let dirs = Dirs {
            objects: root.join("objects"),
            meta: root.join("objects.meta"),
            tmp: root.join("objects.tmp"),
        };
        for dir in [&dirs.objects, &dirs.meta, &dirs.tmp] {
            fs::create_dir_all(dir).map_err(at("cannot create", dir))?;
        }
        clear_dir(&dirs.tmp);
        let secret = load_or_create_secret(&root.join("objects.secret"), &dirs.tmp)?;
        let mac = <Hmac<Sha1> as KeyInit>::new_from_slice(secret.as_bytes())
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
        let id_digest = Sha256::new()
            .chain_update(b"OSSAccessKeyId:")
            .chain_update(secret.as_bytes())
            .finalize();
        let access_key_id = format!(
            "LTAI{}",
            hex::encode(id_digest.get(..10).unwrap_or_default())
        );
        Ok(Self {
            dirs: Arc::new(dirs),
            mac,
            access_key_id,
            max_object_bytes,
            _temp: temp,
        })
    }

    /// Upload credentials for `key`, valid until `now + valid_for`: a policy that requires
    /// exactly this key and at most the store's maximum size.
    pub(crate) fn upload_form(
        &self,
        base_url: &str,
        key: &str,
        now: Timestamp,
        valid_for: Duration,
    ) -> UploadForm {
        let expiration = now.saturating_add(valid_for).unwrap_or(Timestamp::MAX);
        let document = serde_json::json!({
            "expiration": format!("{expiration:.3}"),
            "conditions": [
                ["eq", "$key", key],
                ["content-length-range", 0, self.max_object_bytes],
            ],
        });
        let policy = BASE64.encode(document.to_string());
        let signature = BASE64.encode(self.sign(policy.as_bytes()));
        let host = format!("{}{}", base_url.trim_end_matches('/'), Self::PATH);
        let object_url = format!("{host}/{}", encode_key(key));
        UploadForm {
            host,
            key: key.to_owned(),
            policy,
            signature,
            access_key_id: self.access_key_id.clone(),
            object_url,
        }
    }

    /// A pre-signed `GET` URL for `key`, valid until `expires` (OSS URL signature V1).
    pub(crate) fn presign(&self, base_url: &str, key: &str, expires: Timestamp) -> String {
        let expires = expires.as_second();
        let signature =
            BASE64.encode(self.sign(url_string_to_sign("GET", expires, key).as_bytes()));
        format!(
            "{}{}/{}?Expires={expires}&OSSAccessKeyId={}&Signature={}",
            base_url.trim_end_matches('/'),
            Self::PATH,
            encode_key(key),
            percent_encode(&self.access_key_id),
            percent_encode(&signature)
        )
    }

    /// The key of a URL that points into this store (`…/oss/<key>`, any host, with or without
    /// a query), percent-decoded; `None` for any other URL or an unsafe key.
    pub(crate) fn key_of_url(url: &str) -> Option<String> {
        let path = match url.split_once("://") {
            Some((_, rest)) => rest.get(rest.find('/')?..)?,
            None if url.starts_with('/') => url,
            None => return None,
        };
        let path = path.split(['?', '#']).next()?;
        let key = decode_path(path.strip_prefix(Self::PATH)?.strip_prefix('/')?)?;
        check_key(&key).ok()?;
        Some(key)
    }

    /// The size and digests of a stored object, from its sidecar (recomputed only when the
    /// sidecar is missing or stale); `Ok(None)` when absent or when `key` cannot be a key.
    pub(crate) fn stat(&self, key: &str) -> io::Result<Option<ObjectInfo>> {
        Ok(open_object(&self.dirs, key)?.map(|opened| opened.info))
    }

    /// Removes an object and its sidecar; an absent object (or a key that cannot be one) is
    /// fine. Emptied directories are left in place.
    pub(crate) fn delete(&self, key: &str) -> io::Result<()> {
        if check_key(key).is_err() {
            return Ok(());
        }
        // The object first: a sidecar without its object is ignored, then overwritten.
        for path in [self.dirs.objects.join(key), self.dirs.meta.join(key)] {
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if is_absent(&e) => {}
                Err(e) => return Err(at("cannot remove", &path)(e)),
            }
        }
        Ok(())
    }

    /// Handles `POST /oss/` (a `PostObject` form upload), answering as OSS does.
    pub(crate) async fn upload(&self, headers: &HeaderMap, body: Body, now: Timestamp) -> Response {
        let reply = Reply::new(headers, false);
        match self.receive(headers, body, now).await {
            Ok((key, info, status)) => {
                let etag = format!("\"{}\"", info.md5.to_ascii_uppercase());
                let (status, body) = match status.as_deref() {
                    Some("200") => (StatusCode::OK, Body::empty()),
                    Some("201") => {
                        let location = format!(
                            "http://{}{}/{}",
                            reply.host_id,
                            Self::PATH,
                            encode_key(&key)
                        );
                        let xml = format!(
                            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PostResponse><Bucket>{}</Bucket><Location>{}</Location><Key>{}</Key><ETag>{}</ETag></PostResponse>",
                            BUCKET,
                            xml_escape(&location),
                            xml_escape(&key),
                            xml_escape(&etag)
                        );
                        (StatusCode::CREATED, Body::from(xml))
                    }
                    // OSS answers 204 to an absent or invalid `success_action_status`.
                    _ => (StatusCode::NO_CONTENT, Body::empty()),
                };
                let mut response = reply.response(status, body);
                if status == StatusCode::CREATED {
                    set(&mut response, header::CONTENT_TYPE, "application/xml");
                }
                set(&mut response, header::ETAG, &etag);
                response
            }
            Err(error) => reply.error(error),
        }
    }

    /// Handles `GET`/`HEAD /oss/<key>?Expires&OSSAccessKeyId&Signature`; `key` is the path after
    /// `/oss/` as sent (percent-encoded), `query` the raw query.
    pub(crate) async fn download(
        &self,
        method: &Method,
        key: &str,
        query: Option<&str>,
        headers: &HeaderMap,
        now: Timestamp,
    ) -> Response {
        let reply = Reply::new(headers, *method == Method::HEAD);
        match self.serve(method, key, query, headers, now).await {
            Ok(response) => {
                let mut response = response;
                set(
                    &mut response,
                    HeaderName::from_static("x-oss-request-id"),
                    &reply.request_id,
                );
                response
            }
            Err(error) => {
                let allow = error.status == StatusCode::METHOD_NOT_ALLOWED;
                let range = error.range_size;
                let mut response = reply.error(error);
                if allow {
                    set(&mut response, header::ALLOW, "GET, HEAD");
                }
                if let Some(size) = range {
                    set(
                        &mut response,
                        header::CONTENT_RANGE,
                        &format!("bytes */{size}"),
                    );
                }
                response
            }
        }
    }

    /// HMAC-SHA1 of `message` under the store's secret.
    fn sign(&self, message: &[u8]) -> Vec<u8> {
        self.mac
            .clone()
            .chain_update(message)
            .finalize()
            .into_bytes()
            .to_vec()
    }

    /// Whether `signature` (Base64) is the store's over `message`, compared in constant time.
    fn verify(&self, message: &[u8], signature: &str) -> bool {
        let given = BASE64.decode(signature).unwrap_or_default();
        self.mac
            .clone()
            .chain_update(message)
            .verify_slice(&given)
            .is_ok()
    }

    /// Reads the form, checks it, streams the file to disk and commits it: the key, what was
    /// stored and the `success_action_status` asked for.
    async fn receive(
        &self,
        headers: &HeaderMap,
        body: Body,
        now: Timestamp,
    ) -> Result<(String, ObjectInfo, Option<String>), OssError> {
        let boundary = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| multer::parse_boundary(v).ok())
            .ok_or_else(|| {
                OssError::malformed("the Content-Type is not multipart/form-data with a boundary")
            })?;
        let meter = Arc::new(Meter::default());
        let metered = Metered::new(body.into_data_stream(), Arc::clone(&meter));
        let mut multipart = multer::Multipart::new(metered, boundary);

        let mut form = Form::default();
        let mut file = loop {
            let Some(mut field) = multipart.next_field().await.map_err(form_error)? else {
                return Err(OssError::invalid_argument("The form has no `file` field."));
            };
            let Some(name) = field.name().map(str::to_ascii_lowercase) else {
                return Err(OssError::malformed("a part has no form field name"));
            };
            if name == "file" {
                break field;
            }
            if form.fields.len() == MAX_FIELDS {
                return Err(OssError::malformed(&format!(
                    "more than {MAX_FIELDS} form fields"
                )));
            }
            if form.get(&name).is_some() {
                return Err(OssError::invalid_argument(format!(
                    "The form field `{}` is given twice.",
                    shorten(&name, 64)
                )));
            }
            let value = read_value(&mut field, &name, &meter).await?;
            form.fields.push((name, value));
        };

        let (key, range) = self.authorize(&form, now)?;
        let dirs = Arc::clone(&self.dirs);
        let key_for_check = key.clone();
        if blocking(move || Ok(collides(&dirs.objects, &key_for_check)))
            .await
            .map_err(OssError::internal)?
        {
            return Err(OssError::bad_key(
                &key,
                "collides with the path of another object",
            ));
        }

        let limit = range.1.min(self.max_object_bytes);
        let tmp = self.dirs.tmp.clone();
        let mut sink = blocking(move || Sink::create(&tmp))
            .await
            .map_err(OssError::internal)?;
        let mut batch = Vec::with_capacity(IO_BATCH);
        let mut received = 0u64;
        meter.in_file.store(true, Ordering::Relaxed);
        while let Some(chunk) = file.chunk().await.map_err(form_error)? {
            let len = meter.take(&chunk);
            received = received.saturating_add(len);
            if received > limit {
                // Dropping the sink deletes its temporary file.
                return Err(OssError::new(
                    StatusCode::BAD_REQUEST,
                    "EntityTooLarge",
                    format!(
                        "Your proposed upload exceeds the maximum allowed size ({limit} bytes)."
                    ),
                ));
            }
            batch.extend_from_slice(&chunk);
            if batch.len() >= IO_BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(IO_BATCH));
                sink = blocking(move || sink.write(&full).map(|()| sink))
                    .await
                    .map_err(OssError::internal)?;
            }
        }
        if received < range.0 {
            return Err(OssError::new(
                StatusCode::BAD_REQUEST,
                "EntityTooSmall",
                format!(
                    "Your proposed upload is smaller than the minimum allowed size ({} bytes).",
                    range.0
                ),
            ));
        }
        drop(file);
        meter.in_file.store(false, Ordering::Relaxed);
        // Fields after `file` are ignored, as OSS does, but read to the closing boundary so that
        // a body cut short is not taken for a whole upload.
        while let Some(mut rest) = multipart.next_field().await.map_err(form_error)? {
            while let Some(chunk) = rest.chunk().await.map_err(form_error)? {
                meter.take(&chunk);
            }
        }

        let dirs = Arc::clone(&self.dirs);
        let key_for_commit = key.clone();
        let info = blocking(move || {
            sink.write(&batch)?;
            commit(&dirs, &key_for_commit, sink)
        })
        .await
        .map_err(OssError::internal)?;
        Ok((
            key,
            info,
            form.get("success_action_status").map(str::to_owned),
        ))
    }

    /// Checks the form's credentials and policy: the key and the allowed size range.
    fn authorize(&self, form: &Form, now: Timestamp) -> Result<(String, (u64, u64)), OssError> {
        let required = |name: &str| {
            form.get(&name.to_ascii_lowercase()).ok_or_else(|| {
                OssError::invalid_argument(format!(
                    "The form has no `{name}` field (it must come before `file`)."
                ))
            })
        };
        let key = required("key")?;
        let access_key_id = required("OSSAccessKeyId")?;
        let policy = required("policy")?;
        let signature = required("Signature")?;
        if access_key_id != self.access_key_id {
            return Err(OssError::invalid_access_key_id());
        }
        if !self.verify(policy.as_bytes(), signature) {
            return Err(OssError::signature_mismatch());
        }
        let document = BASE64
            .decode(policy)
            .map_err(|e| OssError::bad_policy(&format!("not Base64 ({e})")))?;
        let document: PolicyDocument = serde_json::from_slice(&document)
            .map_err(|e| OssError::bad_policy(&format!("not a policy document ({e})")))?;
        let expiration: Timestamp = document.expiration.parse().map_err(|_| {
            OssError::bad_policy(&format!(
                "invalid expiration {:?}",
                shorten(&document.expiration, 64)
            ))
        })?;
        if now >= expiration {
            return Err(OssError::denied(
                "Invalid according to Policy: Policy expired.",
            ));
        }
        let range = check_conditions(&document.conditions, form)?;
        check_key(key).map_err(|why| OssError::bad_key(key, why))?;
        Ok((key.to_owned(), range))
    }

    /// Checks a pre-signed request and answers with the object or the asked part of it.
    async fn serve(
        &self,
        method: &Method,
        raw_key: &str,
        query: Option<&str>,
        headers: &HeaderMap,
        now: Timestamp,
    ) -> Result<Response, OssError> {
        if *method != Method::GET && *method != Method::HEAD {
            return Err(OssError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "MethodNotAllowed",
                "The specified method is not allowed against this resource.",
            ));
        }
        let key = decode_path(raw_key).ok_or_else(|| {
            OssError::new(
                StatusCode::BAD_REQUEST,
                "InvalidURI",
                format!(
                    "Couldn't parse the specified URI: {:?}.",
                    shorten(raw_key, 64)
                ),
            )
        })?;
        let pairs = parse_pairs(query.unwrap_or_default().as_bytes(), "query string")
            .map_err(|e| OssError::invalid_argument(e.to_string()))?;
        let param = |name: &str| {
            pairs.iter().find(|(n, _)| n == name).map(|(_, v)| &**v).ok_or_else(|| {
                OssError::denied(&format!(
                    "You have no right to access this object: the URL has no {name} (anonymous access is refused by the bucket acl)."
                ))
            })
        };
        let (expires, access_key_id, signature) = (
            param("Expires")?,
            param("OSSAccessKeyId")?,
            param("Signature")?,
        );
        if access_key_id != self.access_key_id {
            return Err(OssError::invalid_access_key_id());
        }
        let expires: i64 = expires.parse().map_err(|_| {
            OssError::invalid_argument(format!(
                "Expires must be a number of seconds since 1970, not {:?}.",
                shorten(expires, 64)
            ))
        })?;
        if now.as_second() > expires {
            return Err(OssError::denied("Request has expired."));
        }
        let to_sign = url_string_to_sign(method.as_str(), expires, &key);
        if !self.verify(to_sign.as_bytes(), signature) {
            return Err(OssError::signature_mismatch());
        }
        check_key(&key).map_err(|why| OssError::bad_key(&key, why))?;

        let dirs = Arc::clone(&self.dirs);
        let Some(opened) = blocking(move || open_object(&dirs, &key))
            .await
            .map_err(OssError::internal)?
        else {
            return Err(OssError::new(
                StatusCode::NOT_FOUND,
                "NoSuchKey",
                "The specified key does not exist.",
            ));
        };
        let size = opened.info.size;
        let (status, start, len) = match parse_range(headers.get(header::RANGE), size) {
            Ranged::Whole => (StatusCode::OK, 0, size),
            Ranged::Part(first, last) => (StatusCode::PARTIAL_CONTENT, first, last - first + 1),
            Ranged::Unsatisfiable => {
                let mut error = OssError::new(
                    StatusCode::RANGE_NOT_SATISFIABLE,
                    "InvalidRange",
                    "The requested range cannot be satisfied.",
                );
                error.range_size = Some(size);
                return Err(error);
            }
        };
        let body = if *method == Method::HEAD {
            Body::empty()
        } else {
            let mut file = opened.file;
            let file = blocking(move || file.seek(SeekFrom::Start(start)).map(|_| file))
                .await
                .map_err(OssError::internal)?;
            file_body(file, len)
        };
        let mut response = Response::new(body);
        *response.status_mut() = status;
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
        for (name, value) in [
            (header::CONTENT_TYPE, "application/octet-stream".to_owned()),
            (header::ACCEPT_RANGES, "bytes".to_owned()),
            (
                header::ETAG,
                format!("\"{}\"", opened.info.md5.to_ascii_uppercase()),
            ),
        ] {
            if let Ok(value) = HeaderValue::from_str(&value) {
                headers.insert(name, value);
            }
        }
        if let Some(modified) = http_date(opened.modified) {
            set(&mut response, header::LAST_MODIFIED, &modified);
        }
        if status == StatusCode::PARTIAL_CONTENT {
            let range = format!("bytes {start}-{}/{size}", start + len - 1);
            set(&mut response, header::CONTENT_RANGE, &range);
        }
        Ok(response)
    }
}

// ---------------------------------------------------------------------------------------------
// Errors and answers

/// An OSS error answer.
#[derive(Debug)]
struct OssError {
    status: StatusCode,
    code: &'static str,
    message: String,
    /// For 416: the object's size, for `Content-Range: bytes */<size>`.
    range_size: Option<u64>,
}

impl OssError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            range_size: None,
        }
    }

    fn malformed(why: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "MalformedPOSTRequest",
            format!("The body of your POST request is not well-formed multipart/form-data: {why}."),
        )
    }

    fn invalid_argument(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "InvalidArgument", message)
    }

    fn bad_policy(why: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "InvalidPolicyDocument",
            format!("Invalid Policy: {why}."),
        )
    }

    fn bad_key(key: &str, why: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "InvalidObjectName",
            format!(
                "The specified object is not valid: the key {:?} {why}.",
                shorten(key, 64)
            ),
        )
    }

    fn denied(message: &str) -> Self {
        Self::new(StatusCode::FORBIDDEN, "AccessDenied", message)
    }

    fn invalid_access_key_id() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "InvalidAccessKeyId",
            "The OSS Access Key Id you provided does not exist in our records.",
        )
    }

    fn signature_mismatch() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided.",
        )
    }

    fn internal(error: io::Error) -> Self {
        tracing::warn!(%error, "object storage failed");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "InternalError",
            format!("We encountered an internal error: {error}."),
        )
    }
}

/// What every answer of one request shares.
struct Reply {
    request_id: String,
    host_id: String,
    head: bool,
}

impl Reply {
    fn new(headers: &HeaderMap, head: bool) -> Self {
        // OSS request IDs are 24 uppercase hex digits.
        let mut request_id = RandomNonce.nonce().to_ascii_uppercase();
        request_id.truncate(24);
        let host_id = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .filter(|h| !h.is_empty() && h.len() <= 255 && h.bytes().all(|b| b.is_ascii_graphic()))
            .unwrap_or("localhost")
            .to_owned();
        Self {
            request_id,
            host_id,
            head,
        }
    }

    fn response(&self, status: StatusCode, body: Body) -> Response {
        let mut response = Response::new(body);
        *response.status_mut() = status;
        set(
            &mut response,
            HeaderName::from_static("x-oss-request-id"),
            &self.request_id,
        );
        response
    }

    fn error(&self, error: OssError) -> Response {
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{}</Code><Message>{}</Message><RequestId>{}</RequestId><HostId>{}</HostId></Error>",
            error.code,
            xml_escape(&error.message),
            self.request_id,
            xml_escape(&self.host_id)
        );
        let body = if self.head {
            Body::empty()
        } else {
            Body::from(xml)
        };
        let mut response = self.response(error.status, body);
        set(&mut response, header::CONTENT_TYPE, "application/xml");
        response
    }
}

/// Sets a header whose value is built by this module (always valid; skipped if not).
fn set(response: &mut Response, name: HeaderName, value: &str) {
    if let Ok(value) = HeaderValue::from_str(value) {
        response.headers_mut().insert(name, value);
    }
}

/// Escapes text for an XML element's content (quotes need no escaping there, and OSS writes
/// the ETag's quotes as they are).
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// `Last-Modified` as HTTP writes dates.
fn http_date(time: SystemTime) -> Option<String> {
    let time = Timestamp::try_from(time).ok()?;
    Some(time.strftime("%a, %d %b %Y %H:%M:%S GMT").to_string())
}

// ---------------------------------------------------------------------------------------------
// Signing, keys, URLs

/// The string an OSS V1 URL signature covers (no Content-MD5, no Content-Type, no headers).
fn url_string_to_sign(verb: &str, expires: i64, key: &str) -> String {
    format!("{verb}\n\n\n{expires}\n/{BUCKET}/{key}")
}

/// Why `key` cannot be an object key here, if it cannot.
fn check_key(key: &str) -> Result<(), &'static str> {
    if key.is_empty() {
        return Err("is empty");
    }
    if key.len() > MAX_KEY_BYTES {
        return Err("is longer than 1023 bytes");
    }
    if key.chars().any(char::is_control) {
        return Err("has a control character");
    }
    if key.contains('\\') {
        return Err("has a backslash");
    }
    if key.starts_with('/') || Path::new(key).is_absolute() {
        return Err("is an absolute path");
    }
    if key
        .split('/')
        .any(|s| s.is_empty() || s == "." || s == "..")
    {
        return Err("has an empty, `.` or `..` path segment");
    }
    // What the platform would read differently (a Windows drive prefix, say).
    if !Path::new(key)
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return Err("is not a plain relative path");
    }
    Ok(())
}

/// Percent-encodes each segment of a key, keeping the `/`.
fn encode_key(key: &str) -> String {
    key.split('/')
        .map(percent_encode)
        .collect::<Vec<_>>()
        .join("/")
}

/// Decodes `%XY` in a URL path (`+` is a plus there); `None` for a malformed escape or bytes
/// that are not UTF-8.
fn decode_path(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let digit = |at: usize| bytes.get(at).and_then(|&d| char::from(d).to_digit(16));
            out.push(u8::try_from(digit(i + 1)? * 16 + digit(i + 2)?).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

// ---------------------------------------------------------------------------------------------
// The form and its policy

/// The form fields before `file`: names lowercased (they are case-insensitive), values as sent.
#[derive(Default)]
struct Form {
    fields: Vec<(String, String)>,
}

impl Form {
    /// The value of a field, by lowercase name.
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A decoded POST policy.
#[derive(Deserialize)]
struct PolicyDocument {
    expiration: String,
    conditions: Vec<Value>,
}

/// Checks the policy's conditions against the form: the allowed size range, or the first
/// failed condition. `eq` and `starts-with` (array form) and `{"field": "value"}` compare form
/// fields (`$bucket` is the bucket); `content-length-range` bounds the size.
fn check_conditions(conditions: &[Value], form: &Form) -> Result<(u64, u64), OssError> {
    let mut range = (0, u64::MAX);
    for condition in conditions {
        let failed = || {
            OssError::denied(&format!(
                "Invalid according to Policy: Policy Condition failed: {}",
                shorten(&condition.to_string(), 256)
            ))
        };
        let unknown = || {
            OssError::bad_policy(&format!(
                "unknown condition {}",
                shorten(&condition.to_string(), 128)
            ))
        };
        let value_of = |name: &str| {
            let name = name.to_ascii_lowercase();
            if name == "bucket" {
                Some(BUCKET)
            } else {
                form.get(&name)
            }
        };
        match condition {
            Value::Object(map) => {
                for (name, want) in map {
                    let want = want.as_str().ok_or_else(unknown)?;
                    if value_of(name) != Some(want) {
                        return Err(failed());
                    }
                }
            }
            Value::Array(items) => match items.as_slice() {
                [Value::String(op), Value::String(var), Value::String(want)]
                    if op.eq_ignore_ascii_case("eq") || op.eq_ignore_ascii_case("starts-with") =>
                {
                    let have =
                        value_of(var.strip_prefix('$').ok_or_else(unknown)?).unwrap_or_default();
                    let ok = if op.eq_ignore_ascii_case("eq") {
                        have == want
                    } else {
                        have.starts_with(want.as_str())
                    };
                    if !ok {
                        return Err(failed());
                    }
                }
                [Value::String(op), min, max]
                    if op.eq_ignore_ascii_case("content-length-range") =>
                {
                    let (Some(min), Some(max)) = (min.as_u64(), max.as_u64()) else {
                        return Err(unknown());
                    };
                    range = (range.0.max(min), range.1.min(max));
                }
                _ => return Err(unknown()),
            },
            _ => return Err(unknown()),
        }
    }
    Ok(range)
}

/// Reads a form field other than `file`, at most [`MAX_FIELD_BYTES`].
async fn read_value(
    field: &mut multer::Field<'_>,
    name: &str,
    meter: &Meter,
) -> Result<String, OssError> {
    let mut value = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(form_error)? {
        meter.take(&chunk);
        if value.len() + chunk.len() > MAX_FIELD_BYTES {
            return Err(OssError::malformed(&format!(
                "the form field `{}` is longer than {MAX_FIELD_BYTES} bytes",
                shorten(name, 64)
            )));
        }
        value.extend_from_slice(&chunk);
    }
    String::from_utf8(value).map_err(|_| {
        OssError::malformed(&format!(
            "the form field `{}` is not UTF-8",
            shorten(name, 64)
        ))
    })
}

/// The answer to a multipart error.
fn form_error(error: multer::Error) -> OssError {
    if let multer::Error::StreamReadFailed(cause) = &error {
        return match cause.downcast_ref::<BodyError>() {
            Some(BodyError::FormTooLarge) => OssError::malformed(&format!(
                "more than {FORM_BUDGET} bytes of it are not field values (a part header that does not end?)"
            )),
            Some(BodyError::Read(why)) => OssError::new(
                StatusCode::BAD_REQUEST,
                "IncompleteBody",
                format!("The request body could not be read to its end: {why}."),
            ),
            None => OssError::new(
                StatusCode::BAD_REQUEST,
                "IncompleteBody",
                format!("{cause}"),
            ),
        };
    }
    OssError::malformed(&error.to_string())
}

/// Why [`Metered`] stopped the body.
#[derive(Debug)]
enum BodyError {
    /// More than [`FORM_BUDGET`] bytes read and not taken.
    FormTooLarge,
    /// The body itself failed.
    Read(String),
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BodyError::FormTooLarge => write!(f, "the form is too large"),
            BodyError::Read(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for BodyError {}

/// What the upload tells [`Metered`]: how many bytes it took out of multer (field values and
/// file bytes), and whether the file is streaming.
#[derive(Default)]
struct Meter {
    taken: AtomicU64,
    in_file: AtomicBool,
}

impl Meter {
    /// Counts a chunk taken out of multer; its length.
    fn take(&self, chunk: &[u8]) -> u64 {
        let len = u64::try_from(chunk.len()).unwrap_or(u64::MAX);
        self.taken.fetch_add(len, Ordering::Relaxed);
        len
    }
}

/// The request body as multer reads it. multer reads everything the body has ready into its
/// buffer on every poll, whether it needs it or not, and looks for the end of a part header
/// however long the buffer grows. So the body is handed over in slices, with a pause (a
/// `Pending` that wakes at once) after one slice per poll outside the file, which bounds the
/// read-ahead by the number of polls, and after [`FILE_PACE_BYTES`] while the file streams
/// (multer then hands out all it has each time); and it is refused once more than
/// [`FORM_BUDGET`] bytes have been read and not taken out.
struct Metered {
    inner: BodyDataStream,
    held: Bytes,
    fed: u64,
    since_pause: usize,
    meter: Arc<Meter>,
}

impl Metered {
    fn new(inner: BodyDataStream, meter: Arc<Meter>) -> Self {
        Self {
            inner,
            held: Bytes::new(),
            fed: 0,
            since_pause: 0,
            meter,
        }
    }
}

impl Stream for Metered {
    type Item = Result<Bytes, BodyError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        let pace = if this.meter.in_file.load(Ordering::Relaxed) {
            FILE_PACE_BYTES
        } else {
            SLICE_BYTES
        };
        if this.since_pause >= pace {
            this.since_pause = 0;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        let taken = this.meter.taken.load(Ordering::Relaxed);
        if this.fed.saturating_sub(taken) > FORM_BUDGET {
            return Poll::Ready(Some(Err(BodyError::FormTooLarge)));
        }
        if this.held.is_empty() {
            match this.inner.poll_next_unpin(cx) {
                Poll::Pending => {
                    this.since_pause = 0;
                    return Poll::Pending;
                }
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Ready(Some(Err(e))) => {
                    return Poll::Ready(Some(Err(BodyError::Read(e.to_string()))));
                }
                Poll::Ready(Some(Ok(bytes))) => this.held = bytes,
            }
        }
        let slice = this.held.split_to(this.held.len().min(SLICE_BYTES));
        this.fed = this
            .fed
            .saturating_add(u64::try_from(slice.len()).unwrap_or(u64::MAX));
        this.since_pause += slice.len();
        Poll::Ready(Some(Ok(slice)))
    }
}

// ---------------------------------------------------------------------------------------------
// Files

/// Runs blocking file work off the async threads (the `fs` feature of tokio is not enabled;
/// this is what it would do).
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> io::Result<T> + Send + 'static,
) -> io::Result<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| io::Error::other(format!("object storage task failed: {e}")))?
}

/// Adds the path to an I/O error's message.
fn at(what: &'static str, path: &Path) -> impl FnOnce(io::Error) -> io::Error {
    let path = path.display().to_string();
    move |e| io::Error::new(e.kind(), format!("{what} {path}: {e}"))
}

/// Whether an error opening or removing a file means there is no such file.
fn is_absent(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
    )
}

/// Removes what uploads interrupted by a crash left behind.
fn clear_dir(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if let Err(error) = fs::remove_file(entry.path()) {
            tracing::warn!(%error, path = %entry.path().display(), "cannot remove a leftover upload");
        }
    }
}

/// The store's secret: read from `path`, or created there once (64 hex digits of system
/// randomness). Created under a temporary name then linked without overwriting, so that a
/// reader never sees half a secret.
fn load_or_create_secret(path: &Path, tmp: &Path) -> io::Result<String> {
    let check = |text: String| {
        let secret = text.trim();
        if secret.len() == 64 && secret.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(secret.to_owned())
        } else {
            Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "{} is not a secret of 64 hex digits (delete it to make a new one)",
                    path.display()
                ),
            ))
        }
    };
    match fs::read_to_string(path) {
        Ok(text) => return check(text),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(at("cannot read", path)(e)),
    }
    let secret = format!("{}{}", RandomNonce.nonce(), RandomNonce.nonce());
    let mut file = NamedTempFile::new_in(tmp).map_err(at("cannot create a file in", tmp))?;
    file.write_all(secret.as_bytes())?;
    file.as_file().sync_all()?;
    match file.persist_noclobber(path) {
        Ok(_) => {
            if let Some(parent) = path.parent() {
                sync_dir(parent)?;
            }
            Ok(secret)
        }
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {
            check(fs::read_to_string(path).map_err(at("cannot read", path))?)
        }
        Err(e) => Err(at("cannot create", path)(e.error)),
    }
}

/// Makes a rename or creation in `dir` durable.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(at("cannot sync", dir))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Whether storing `key` would need a file where a directory is, or the reverse.
fn collides(objects: &Path, key: &str) -> bool {
    let path = objects.join(key);
    path.is_dir()
        || path
            .ancestors()
            .skip(1)
            .take_while(|a| *a != objects)
            .any(|a| a.exists() && !a.is_dir())
}

/// What the sidecar of an object records.
#[derive(Serialize, Deserialize)]
struct Sidecar {
    size: u64,
    md5: String,
    sha256: String,
    /// The object file's modification time: a sidecar that disagrees is stale.
    modified_secs: u64,
    modified_nanos: u32,
}

/// A time as seconds and nanoseconds since 1970 (`None` before).
fn since_epoch(time: SystemTime) -> Option<(u64, u32)> {
    let since = time.duration_since(UNIX_EPOCH).ok()?;
    Some((since.as_secs(), since.subsec_nanos()))
}

/// Writes the sidecar of `key` through a temporary file; the returned directories must be
/// fsynced once the object is in place too.
fn write_sidecar(
    dirs: &Dirs,
    key: &str,
    info: &ObjectInfo,
    modified: SystemTime,
) -> io::Result<Vec<PathBuf>> {
    let (modified_secs, modified_nanos) = since_epoch(modified).unwrap_or_default();
    let sidecar = Sidecar {
        size: info.size,
        md5: info.md5.clone(),
        sha256: info.sha256.clone(),
        modified_secs,
        modified_nanos,
    };
    let mut file =
        NamedTempFile::new_in(&dirs.tmp).map_err(at("cannot create a file in", &dirs.tmp))?;
    serde_json::to_writer(&mut file, &sidecar)?;
    file.as_file().sync_all()?;
    let mut touched = Vec::new();
    make_parents(&dirs.meta, key, &mut touched)?;
    let path = dirs.meta.join(key);
    file.persist(&path)
        .map_err(|e| at("cannot write", &path)(e.error))?;
    Ok(touched)
}

/// Creates the directories of `key` under `root`, noting each directory that gained an entry
/// (the key's own directory included) for fsyncing.
fn make_parents(root: &Path, key: &str, touched: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut dir = root.to_path_buf();
    let mut segments: Vec<&str> = key.split('/').collect();
    segments.pop();
    for segment in segments {
        let next = dir.join(segment);
        match fs::create_dir(&next) {
            Ok(()) => touched.push(dir.clone()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(at("cannot create", &next)(e)),
        }
        dir = next;
    }
    touched.push(dir);
    Ok(())
}

/// An object being received: its temporary file and running digests.
struct Sink {
    file: NamedTempFile,
    md5: Md5,
    sha256: Sha256,
    size: u64,
}

impl Sink {
    fn create(tmp: &Path) -> io::Result<Self> {
        let file = NamedTempFile::new_in(tmp).map_err(at("cannot create a file in", tmp))?;
        Ok(Self {
            file,
            md5: Md5::new(),
            sha256: Sha256::new(),
            size: 0,
        })
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.md5.update(bytes);
        self.sha256.update(bytes);
        self.size = self
            .size
            .saturating_add(u64::try_from(bytes.len()).unwrap_or(u64::MAX));
        self.file.write_all(bytes)
    }
}

/// Makes a received object durable and visible: file fsynced, sidecar written, both renamed
/// into place, their directories fsynced.
fn commit(dirs: &Dirs, key: &str, sink: Sink) -> io::Result<ObjectInfo> {
    let Sink {
        file,
        md5,
        sha256,
        size,
    } = sink;
    file.as_file().sync_all()?;
    let modified = file.as_file().metadata()?.modified()?;
    let info = ObjectInfo {
        size,
        md5: hex::encode(md5.finalize()),
        sha256: hex::encode(sha256.finalize()),
    };
    let mut touched = Vec::new();
    make_parents(&dirs.objects, key, &mut touched)?;
    let path = dirs.objects.join(key);
    file.persist(&path)
        .map_err(|e| at("cannot write", &path)(e.error))?;
    // The sidecar second: until it lands, a stale one (of an overwritten object) is detected
    // by its modification time.
    touched.extend(write_sidecar(dirs, key, &info, modified)?);
    touched.sort();
    touched.dedup();
    for dir in &touched {
        sync_dir(dir)?;
    }
    Ok(info)
}

/// A stored object opened for reading.
struct Opened {
    file: File,
    info: ObjectInfo,
    modified: SystemTime,
}

/// Opens an object and reads its sidecar, recomputing it when missing or stale.
fn open_object(dirs: &Dirs, key: &str) -> io::Result<Option<Opened>> {
    if check_key(key).is_err() {
        return Ok(None);
    }
    let path = dirs.objects.join(key);
    let mut file = match File::open(&path) {
        Ok(file) => file,
        Err(e) if is_absent(&e) => return Ok(None),
        Err(e) => return Err(at("cannot open", &path)(e)),
    };
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Ok(None);
    }
    let modified = metadata.modified()?;
    let sidecar = fs::read(dirs.meta.join(key))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Sidecar>(&bytes).ok())
        .filter(|s| {
            s.size == metadata.len()
                && Some((s.modified_secs, s.modified_nanos)) == since_epoch(modified)
        });
    let info = match sidecar {
        Some(s) => ObjectInfo {
            size: s.size,
            md5: s.md5,
            sha256: s.sha256,
        },
        None => {
            let info = digest_file(&mut file).map_err(at("cannot read", &path))?;
            file.rewind()?;
            if let Err(error) = write_sidecar(dirs, key, &info, modified) {
                tracing::warn!(%error, key, "cannot rewrite the sidecar of an object");
            }
            info
        }
    };
    Ok(Some(Opened {
        file,
        info,
        modified,
    }))
}

/// The size and digests of a whole file.
fn digest_file(file: &mut File) -> io::Result<ObjectInfo> {
    let (mut md5, mut sha256, mut size) = (Md5::new(), Sha256::new(), 0u64);
    let mut buf = vec![0; IO_BATCH];
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let chunk = buf.get(..n).unwrap_or_default();
        md5.update(chunk);
        sha256.update(chunk);
        size = size.saturating_add(u64::try_from(n).unwrap_or(u64::MAX));
    }
    Ok(ObjectInfo {
        size,
        md5: hex::encode(md5.finalize()),
        sha256: hex::encode(sha256.finalize()),
    })
}

/// `len` bytes of `file` from its current position, read off the async threads as the client
/// takes them. A file that ends early ends the body with an error (the connection is cut).
fn file_body(file: File, len: u64) -> Body {
    let chunks = stream::unfold(Some((file, len)), |state| async move {
        let (mut file, left) = state?;
        if left == 0 {
            return None;
        }
        let want = usize::try_from(left).unwrap_or(usize::MAX).min(IO_BATCH);
        let read = blocking(move || {
            let mut buf = vec![0; want];
            loop {
                match file.read(&mut buf) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                    Ok(0) => {
                        return Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            "the object file is shorter than its size",
                        ));
                    }
                    Ok(n) => {
                        buf.truncate(n);
                        return Ok((file, buf));
                    }
                }
            }
        })
        .await;
        Some(match read {
            Ok((file, buf)) => {
                let left = left.saturating_sub(u64::try_from(buf.len()).unwrap_or(u64::MAX));
                (Ok(Bytes::from(buf)), Some((file, left)))
            }
            Err(e) => (Err(e), None),
        })
    });
    Body::from_stream(chunks)
}

/// What a `Range` header asks of an object of a given size.
#[derive(Debug, PartialEq, Eq)]
enum Ranged {
    /// No range, an unreadable one or several: the whole object, 200.
    Whole,
    /// Bytes `first..=last`, 206.
    Part(u64, u64),
    /// A range starting past the end, 416.
    Unsatisfiable,
}

/// Reads `bytes=a-b`, `bytes=a-` or `bytes=-n`. Several ranges get the whole object, as OSS
/// answers them; a header that does not parse is ignored, as HTTP says.
fn parse_range(header: Option<&HeaderValue>, size: u64) -> Ranged {
    let Some(text) = header.and_then(|h| h.to_str().ok()).map(str::trim) else {
        return Ranged::Whole;
    };
    let Some(spec) = text
        .get(..6)
        .filter(|unit| unit.eq_ignore_ascii_case("bytes="))
        .and_then(|_| text.get(6..))
    else {
        return Ranged::Whole;
    };
    let Some((first, last)) = spec.split_once('-').filter(|_| !spec.contains(',')) else {
        return Ranged::Whole;
    };
    let number = |s: &str| {
        let s = s.trim();
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            s.parse::<u64>().ok()
        }
    };
    match (first.trim().is_empty(), number(first), number(last)) {
        (true, _, Some(0)) => Ranged::Unsatisfiable,
        (true, _, Some(_)) if size == 0 => Ranged::Unsatisfiable,
        (true, _, Some(n)) => Ranged::Part(size - n.min(size), size - 1),
        (false, Some(first), _)
            if first >= size
                && (last.trim().is_empty() || number(last).is_some_and(|l| l >= first)) =>
        {
            Ranged::Unsatisfiable
        }
        (false, Some(first), None) if last.trim().is_empty() => Ranged::Part(first, size - 1),
        (false, Some(first), Some(last)) if first <= last => {
            Ranged::Part(first, last.min(size - 1))
        }
        _ => Ranged::Whole,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDARY: &str = "----emulatorBoundary7MA4YWxk";
    const BASE: &str = "http://127.0.0.1:8080";
    const KEY: &str = "ota/65dfcda0473be29836dfde585472abcd/ck2nfzljo00023g7kysg0abcd.bin";

    fn now() -> Timestamp {
        Timestamp::from_second(1_700_000_000).unwrap()
    }

    fn store(max: u64) -> (TempDir, ObjectStore) {
        let dir = TempDir::new().unwrap();
        let store = ObjectStore::open(Some(dir.path()), max).unwrap();
        (dir, store)
    }

    fn form_fields(form: &UploadForm) -> Vec<(&'static str, Vec<u8>)> {
        vec![
            ("key", form.key.clone().into_bytes()),
            ("policy", form.policy.clone().into_bytes()),
            ("OSSAccessKeyId", form.access_key_id.clone().into_bytes()),
            ("Signature", form.signature.clone().into_bytes()),
        ]
    }

    /// A multipart body of `parts` in order; a part named `file` gets a file name.
    fn multipart(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut body = Vec::new();
        for (name, value) in parts {
            body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
            if name.eq_ignore_ascii_case("file") {
                body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"fw.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
                );
            } else {
                body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
                );
            }
            body.extend_from_slice(value);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        body
    }

    fn headers() -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_str(&format!("multipart/form-data; boundary={BOUNDARY}")).unwrap(),
        );
        headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1:8080"));
        headers
    }

    /// The standard form for `form` with `extra` fields before `file`.
    fn upload_body(form: &UploadForm, extra: &[(&str, &[u8])], file: &[u8]) -> Vec<u8> {
        let fields = form_fields(form);
        let mut parts: Vec<(&str, &[u8])> =
            fields.iter().map(|(n, v)| (*n, v.as_slice())).collect();
        parts.extend_from_slice(extra);
        parts.push(("file", file));
        multipart(&parts)
    }

    async fn text(response: Response) -> String {
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    async fn bytes(response: Response) -> Vec<u8> {
        axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec()
    }

    /// Asserts an OSS error answer and returns its message.
    async fn oss_error(response: Response, status: StatusCode, code: &str) -> String {
        assert_eq!(response.status(), status);
        assert_eq!(response.headers()[header::CONTENT_TYPE], "application/xml");
        assert_eq!(response.headers()["x-oss-request-id"].len(), 24);
        let body = text(response).await;
        assert!(
            body.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"),
            "{body}"
        );
        assert!(body.contains(&format!("<Code>{code}</Code>")), "{body}");
        assert!(body.contains("<HostId>127.0.0.1:8080</HostId>"), "{body}");
        let start = body.find("<Message>").unwrap() + 9;
        let end = body.find("</Message>").unwrap();
        body[start..end].to_owned()
    }

    fn file_bytes(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i * 31 % 251) as u8).collect()
    }

    /// Nothing left in flight, nothing stored.
    fn assert_nothing_stored(dir: &Path) {
        assert_eq!(
            fs::read_dir(dir.join("objects.tmp")).unwrap().count(),
            0,
            "temporary file left"
        );
        assert_eq!(
            fs::read_dir(dir.join("objects")).unwrap().count(),
            0,
            "object stored"
        );
    }

    async fn put(store: &ObjectStore, key: &str, file: &[u8]) {
        let form = store.upload_form(BASE, key, now(), Duration::from_secs(60));
        let response = store
            .upload(&headers(), Body::from(upload_body(&form, &[], file)), now())
            .await;
        assert_eq!(
            response.status(),
            StatusCode::NO_CONTENT,
            "{}",
            text(response).await
        );
    }

    #[tokio::test]
    async fn upload_stores_the_file_and_its_digests() {
        let (dir, store) = store(1 << 20);
        let form = store.upload_form(BASE, KEY, now(), Duration::from_secs(60));
        assert_eq!(form.host, "http://127.0.0.1:8080/oss");
        assert_eq!(form.object_url, format!("http://127.0.0.1:8080/oss/{KEY}"));
        let policy: Value = serde_json::from_slice(&BASE64.decode(&form.policy).unwrap()).unwrap();
        assert_eq!(policy["expiration"], "2023-11-14T22:14:20.000Z");
        assert_eq!(
            policy["conditions"][0],
            serde_json::json!(["eq", "$key", KEY])
        );
        assert_eq!(
            policy["conditions"][1],
            serde_json::json!(["content-length-range", 0, 1 << 20])
        );

        let file = file_bytes(100_000);
        let response = store
            .upload(
                &headers(),
                Body::from(upload_body(&form, &[], &file)),
                now(),
            )
            .await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        let md5 = hex::encode(Md5::digest(&file));
        assert_eq!(
            response.headers()[header::ETAG],
            format!("\"{}\"", md5.to_ascii_uppercase()).as_str()
        );
        assert!(text(response).await.is_empty());

        assert_eq!(
            fs::read(dir.path().join("objects").join(KEY)).unwrap(),
            file
        );
        let info = store.stat(KEY).unwrap().unwrap();
        assert_eq!(
            info,
            ObjectInfo {
                size: 100_000,
                md5,
                sha256: hex::encode(Sha256::digest(&file))
            }
        );
        assert_eq!(
            fs::read_dir(dir.path().join("objects.tmp"))
                .unwrap()
                .count(),
            0
        );
        assert_eq!(store.stat("ota/none.bin").unwrap(), None);
    }

    #[tokio::test]
    async fn success_action_status_picks_the_answer() {
        let (_dir, store) = store(1 << 20);
        for (asked, status) in [("200", 200), ("201", 201), ("204", 204), ("302", 204)] {
            let form = store.upload_form(BASE, KEY, now(), Duration::from_secs(60));
            let body = upload_body(
                &form,
                &[("success_action_status", asked.as_bytes())],
                b"firmware",
            );
            let response = store.upload(&headers(), Body::from(body), now()).await;
            assert_eq!(
                response.status().as_u16(),
                status,
                "success_action_status={asked}"
            );
            let etag = response.headers()[header::ETAG]
                .to_str()
                .unwrap()
                .to_owned();
            let body = text(response).await;
            if status == 201 {
                assert_eq!(
                    body,
                    format!(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PostResponse><Bucket>iotx-ota-emulator</Bucket><Location>http://127.0.0.1:8080/oss/{KEY}</Location><Key>{KEY}</Key><ETag>\"{}\"</ETag></PostResponse>",
                        &etag[1..33]
                    )
                );
            } else {
                assert!(body.is_empty());
            }
        }
    }

    #[tokio::test]
    async fn field_names_are_case_insensitive_and_fields_after_file_ignored() {
        let (_dir, store) = store(1 << 20);
        let form = store.upload_form(BASE, KEY, now(), Duration::from_secs(60));
        let body = multipart(&[
            ("KEY", form.key.as_bytes()),
            ("Policy", form.policy.as_bytes()),
            ("ossaccesskeyid", form.access_key_id.as_bytes()),
            ("SIGNATURE", form.signature.as_bytes()),
            ("x-oss-meta-build", b"42"),
            ("File", b"abc"),
            ("after", b"ignored"),
        ]);
        let response = store.upload(&headers(), Body::from(body), now()).await;
        assert_eq!(
            response.status(),
            StatusCode::NO_CONTENT,
            "{}",
            text(response).await
        );
        assert_eq!(store.stat(KEY).unwrap().unwrap().size, 3);
    }

    #[tokio::test]
    async fn the_largest_form_fits_the_budget() {
        let (_dir, store) = store(1 << 20);
        let form = store.upload_form(BASE, KEY, now(), Duration::from_secs(60));
        let names: Vec<String> = (0..MAX_FIELDS - 4)
            .map(|i| format!("x-oss-meta-{i}"))
            .collect();
        let value = vec![b'v'; MAX_FIELD_BYTES];
        let extra: Vec<(&str, &[u8])> = names
            .iter()
            .map(|n| (n.as_str(), value.as_slice()))
            .collect();
        let body = upload_body(&form, &extra, &file_bytes(1 << 20));
        let response = store.upload(&headers(), Body::from(body), now()).await;
        assert_eq!(
            response.status(),
            StatusCode::NO_CONTENT,
            "{}",
            text(response).await
        );

        let names: Vec<String> = (0..=MAX_FIELDS - 4)
            .map(|i| format!("x-oss-meta-{i}"))
            .collect();
        let extra: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"v"[..])).collect();
        let response = store
            .upload(
                &headers(),
                Body::from(upload_body(&form, &extra, b"x")),
                now(),
            )
            .await;
        let message = oss_error(response, StatusCode::BAD_REQUEST, "MalformedPOSTRequest").await;
        assert!(message.contains("more than 64 form fields"), "{message}");
    }

    #[tokio::test]
    async fn refuses_bad_credentials_and_policies() {
        let (dir, store) = store(1 << 20);
        let form = store.upload_form(BASE, KEY, now(), Duration::from_secs(60));
        let expired = store.upload_form(BASE, KEY, now(), Duration::from_secs(0));
        let forged = UploadForm {
            signature: BASE64.encode([7u8; 20]),
            ..form.clone()
        };
        let stranger = UploadForm {
            access_key_id: "LTAIsomeoneelse".into(),
            ..form.clone()
        };
        let other_key = UploadForm {
            key: "ota/other.bin".into(),
            ..form.clone()
        };
        let cases = [
            (
                &expired,
                "AccessDenied",
                "Invalid according to Policy: Policy expired.",
            ),
            (
                &forged,
                "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided.",
            ),
            (
                &stranger,
                "InvalidAccessKeyId",
                "The OSS Access Key Id you provided does not exist in our records.",
            ),
        ];
        for (form, code, message) in cases {
            let response = store
                .upload(&headers(), Body::from(upload_body(form, &[], b"x")), now())
                .await;
            assert_eq!(
                oss_error(response, StatusCode::FORBIDDEN, code).await,
                message
            );
        }
        let response = store
            .upload(
                &headers(),
                Body::from(upload_body(&other_key, &[], b"x")),
                now(),
            )
            .await;
        let message = oss_error(response, StatusCode::FORBIDDEN, "AccessDenied").await;
        assert!(
            message.starts_with("Invalid according to Policy: Policy Condition failed: [\"eq\","),
            "{message}"
        );
        // Valid a moment before expiry, refused at it.
        let later = now().checked_add(Duration::from_secs(60)).unwrap();
        let response = store
            .upload(&headers(), Body::from(upload_body(&form, &[], b"x")), later)
            .await;
        oss_error(response, StatusCode::FORBIDDEN, "AccessDenied").await;
        assert_nothing_stored(dir.path());
    }

    #[tokio::test]
    async fn enforces_the_size_limit_while_streaming() {
        let (dir, store) = store(1000);
        let form = store.upload_form(BASE, KEY, now(), Duration::from_secs(60));
        let response = store
            .upload(
                &headers(),
                Body::from(upload_body(&form, &[], &file_bytes(1001))),
                now(),
            )
            .await;
        let message = oss_error(response, StatusCode::BAD_REQUEST, "EntityTooLarge").await;
        assert!(message.contains("1000 bytes"), "{message}");
        assert_nothing_stored(dir.path());
        // The limit itself is fine.
        let response = store
            .upload(
                &headers(),
                Body::from(upload_body(&form, &[], &file_bytes(1000))),
                now(),
            )
            .await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        // Reopened with a larger limit: the form's policy still says 1000.
        drop(store);
        let store = ObjectStore::open(Some(dir.path()), 1 << 20).unwrap();
        let body = upload_body(&form, &[], &file_bytes(1001));
        let response = store.upload(&headers(), Body::from(body), now()).await;
        oss_error(response, StatusCode::BAD_REQUEST, "EntityTooLarge").await;
    }

    /// A form for `key` whose policy has `conditions`, signed by `store`.
    fn custom_form(store: &ObjectStore, key: &str, conditions: Value) -> UploadForm {
        let policy =
            serde_json::json!({"expiration": "2030-01-01T00:00:00.000Z", "conditions": conditions});
        let policy = BASE64.encode(policy.to_string());
        let signature = BASE64.encode(store.sign(policy.as_bytes()));
        UploadForm {
            policy,
            signature,
            ..store.upload_form(BASE, key, now(), Duration::ZERO)
        }
    }

    #[tokio::test]
    async fn evaluates_policy_conditions() {
        let (_dir, store) = store(1 << 20);
        let conditions = serde_json::json!([
            ["starts-with", "$key", "ota/"],
            {"bucket": "iotx-ota-emulator"},
            ["eq", "$x-oss-meta-build", "42"],
            ["content-length-range", 10, 20],
        ]);
        let form = custom_form(&store, KEY, conditions);
        let meta: &[(&str, &[u8])] = &[("X-OSS-Meta-Build", b"42")];
        for (len, expected) in [
            (9, Some("EntityTooSmall")),
            (10, None),
            (20, None),
            (21, Some("EntityTooLarge")),
        ] {
            let body = upload_body(&form, meta, &file_bytes(len));
            let response = store.upload(&headers(), Body::from(body), now()).await;
            match expected {
                None => assert_eq!(response.status(), StatusCode::NO_CONTENT, "{len}"),
                Some(code) => drop(oss_error(response, StatusCode::BAD_REQUEST, code).await),
            }
        }
        // A condition on a field that is missing or different.
        for extra in [&[][..], &[("x-oss-meta-build", &b"41"[..])][..]] {
            let body = upload_body(&form, extra, &file_bytes(15));
            let response = store.upload(&headers(), Body::from(body), now()).await;
            let message = oss_error(response, StatusCode::FORBIDDEN, "AccessDenied").await;
            assert!(message.contains("x-oss-meta-build"), "{message}");
        }
        let form = custom_form(
            &store,
            "fw/x.bin",
            serde_json::json!([["starts-with", "$key", "ota/"]]),
        );
        let response = store
            .upload(&headers(), Body::from(upload_body(&form, &[], b"x")), now())
            .await;
        oss_error(response, StatusCode::FORBIDDEN, "AccessDenied").await;
        for conditions in [
            serde_json::json!([["in", "$key", "ota/"]]),
            serde_json::json!([7]),
        ] {
            let form = custom_form(&store, KEY, conditions);
            let response = store
                .upload(&headers(), Body::from(upload_body(&form, &[], b"x")), now())
                .await;
            oss_error(response, StatusCode::BAD_REQUEST, "InvalidPolicyDocument").await;
        }
    }

    #[tokio::test]
    async fn refuses_incomplete_forms() {
        let (dir, store) = store(1 << 20);
        let form = store.upload_form(BASE, KEY, now(), Duration::from_secs(60));
        let fields = form_fields(&form);
        // Each required field missing in turn.
        for (skip, name) in ["key", "policy", "OSSAccessKeyId", "Signature"]
            .iter()
            .enumerate()
        {
            let mut parts: Vec<(&str, &[u8])> = fields
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, (n, v))| (*n, v.as_slice()))
                .collect();
            parts.push(("file", b"x"));
            let response = store
                .upload(&headers(), Body::from(multipart(&parts)), now())
                .await;
            let message = oss_error(response, StatusCode::BAD_REQUEST, "InvalidArgument").await;
            assert!(message.contains(&format!("`{name}`")), "{message}");
        }
        // `file` first: the fields after it do not count.
        let mut parts: Vec<(&str, &[u8])> = vec![("file", b"x")];
        parts.extend(fields.iter().map(|(n, v)| (*n, v.as_slice())));
        let response = store
            .upload(&headers(), Body::from(multipart(&parts)), now())
            .await;
        oss_error(response, StatusCode::BAD_REQUEST, "InvalidArgument").await;
        // No file at all.
        let parts: Vec<(&str, &[u8])> = fields.iter().map(|(n, v)| (*n, v.as_slice())).collect();
        let response = store
            .upload(&headers(), Body::from(multipart(&parts)), now())
            .await;
        let message = oss_error(response, StatusCode::BAD_REQUEST, "InvalidArgument").await;
        assert!(message.contains("`file`"), "{message}");
        // A field twice.
        let body = upload_body(&form, &[("KEY", b"again")], b"x");
        let response = store.upload(&headers(), Body::from(body), now()).await;
        oss_error(response, StatusCode::BAD_REQUEST, "InvalidArgument").await;
        assert_nothing_stored(dir.path());
    }

    #[tokio::test]
    async fn refuses_malformed_bodies() {
        let (dir, store) = store(1 << 20);
        let form = store.upload_form(BASE, KEY, now(), Duration::from_secs(60));
        let mut plain = headers();
        plain.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/octet-stream"),
        );
        let response = store.upload(&plain, Body::from("x"), now()).await;
        oss_error(response, StatusCode::BAD_REQUEST, "MalformedPOSTRequest").await;

        // Cut short inside the file: nothing stored, no temporary file left.
        let mut body = upload_body(&form, &[], &file_bytes(300_000));
        body.truncate(body.len() - 100);
        let response = store.upload(&headers(), Body::from(body), now()).await;
        oss_error(response, StatusCode::BAD_REQUEST, "MalformedPOSTRequest").await;

        // A field too long.
        let long = vec![b'a'; MAX_FIELD_BYTES + 1];
        let body = upload_body(&form, &[("x-oss-meta-long", &long)], b"x");
        let response = store.upload(&headers(), Body::from(body), now()).await;
        let message = oss_error(response, StatusCode::BAD_REQUEST, "MalformedPOSTRequest").await;
        assert!(message.contains("x-oss-meta-long"), "{message}");

        // A part header that never ends: refused once the form budget is spent.
        let mut body =
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"key\"\r\nX-Pad: ")
                .into_bytes();
        body.extend(std::iter::repeat_n(
            b'p',
            FORM_BUDGET as usize + SLICE_BYTES,
        ));
        let response = store.upload(&headers(), Body::from(body), now()).await;
        let message = oss_error(response, StatusCode::BAD_REQUEST, "MalformedPOSTRequest").await;
        assert!(message.contains("not field values"), "{message}");

        // A failing body.
        let failing = stream::iter([
            Ok(Bytes::from(upload_body(&form, &[], b"x")[..200].to_vec())),
            Err(io::Error::other("reset")),
        ]);
        let response = store
            .upload(&headers(), Body::from_stream(failing), now())
            .await;
        oss_error(response, StatusCode::BAD_REQUEST, "IncompleteBody").await;
        assert_nothing_stored(dir.path());
    }

    #[tokio::test]
    async fn a_dropped_upload_leaves_nothing() {
        let (dir, store) = store(1 << 20);
        let form = store.upload_form(BASE, KEY, now(), Duration::from_secs(60));
        let mut body = upload_body(&form, &[], &file_bytes(600_000));
        body.truncate(body.len() - 1000);
        // The client stops sending (and then goes away) in the middle of the file.
        let stalled =
            stream::iter([Ok::<_, io::Error>(Bytes::from(body))]).chain(stream::pending());
        let headers = headers();
        let mut upload = Box::pin(store.upload(&headers, Body::from_stream(stalled), now()));
        let waited = tokio::time::timeout(Duration::from_millis(300), &mut upload).await;
        assert!(waited.is_err(), "the upload waits for the rest of the body");
        let in_flight = fs::read_dir(dir.path().join("objects.tmp"))
            .unwrap()
            .count();
        assert_eq!(in_flight, 1, "the file is being received");
        drop(upload);
        assert_nothing_stored(dir.path());
    }

    #[tokio::test]
    async fn refuses_hostile_keys() {
        for key in [
            "",
            "/etc/passwd",
            "../x",
            "ota/../../x",
            "ota//x",
            "ota/./x",
            "ota/x/",
            "a\\b",
            "a\0b",
            "a\nb",
        ] {
            assert!(check_key(key).is_err(), "{key:?}");
        }
        assert!(check_key(&"k".repeat(1024)).is_err());
        assert!(check_key(KEY).is_ok());
        assert!(check_key("ota/a b/ü+%.bin").is_ok());

        let (dir, store) = store(1 << 20);
        // Even when the policy was signed by the store.
        for key in ["../x", "/abs", "ota//x"] {
            let form = store.upload_form(BASE, key, now(), Duration::from_secs(60));
            let response = store
                .upload(&headers(), Body::from(upload_body(&form, &[], b"x")), now())
                .await;
            oss_error(response, StatusCode::BAD_REQUEST, "InvalidObjectName").await;
            assert_eq!(store.stat(key).unwrap(), None);
            store.delete(key).unwrap();
        }
        assert!(!dir.path().join("x").exists());
        // A key that is a directory of another.
        put(&store, "ota/a/b.bin", b"x").await;
        let form = store.upload_form(BASE, "ota/a", now(), Duration::from_secs(60));
        let response = store
            .upload(&headers(), Body::from(upload_body(&form, &[], b"x")), now())
            .await;
        oss_error(response, StatusCode::BAD_REQUEST, "InvalidObjectName").await;
        assert_eq!(store.stat("ota/a").unwrap(), None);
    }

    fn get_headers(range: Option<&str>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1:8080"));
        if let Some(range) = range {
            headers.insert(header::RANGE, HeaderValue::from_str(range).unwrap());
        }
        headers
    }

    /// The path after `/oss/` and the query of a pre-signed URL.
    fn split(url: &str) -> (String, String) {
        let rest = url.strip_prefix("http://127.0.0.1:8080/oss/").unwrap();
        let (path, query) = rest.split_once('?').unwrap();
        (path.to_owned(), query.to_owned())
    }

    async fn get(store: &ObjectStore, url: &str, range: Option<&str>, at: Timestamp) -> Response {
        let (path, query) = split(url);
        store
            .download(&Method::GET, &path, Some(&query), &get_headers(range), at)
            .await
    }

    #[tokio::test]
    async fn downloads_whole_and_in_ranges() {
        let (_dir, store) = store(1 << 20);
        let file = file_bytes(1000);
        put(&store, KEY, &file).await;
        let url = store.presign(
            BASE,
            KEY,
            now().checked_add(Duration::from_secs(3600)).unwrap(),
        );
        assert!(
            url.starts_with(&format!(
                "http://127.0.0.1:8080/oss/{KEY}?Expires=1700003600&OSSAccessKeyId=LTAI"
            )),
            "{url}"
        );

        let response = get(&store, &url, None, now()).await;
        assert_eq!(response.status(), StatusCode::OK);
        let h = response.headers().clone();
        assert_eq!(h[header::CONTENT_LENGTH], "1000");
        assert_eq!(h[header::ACCEPT_RANGES], "bytes");
        assert_eq!(h[header::CONTENT_TYPE], "application/octet-stream");
        assert_eq!(
            h[header::ETAG],
            format!(
                "\"{}\"",
                hex::encode(Md5::digest(&file)).to_ascii_uppercase()
            )
            .as_str()
        );
        assert!(h[header::LAST_MODIFIED].to_str().unwrap().ends_with(" GMT"));
        assert_eq!(bytes(response).await, file);

        let (path, query) = split(&url);
        let head = store
            .download(
                &Method::HEAD,
                &path,
                Some(&query),
                &get_headers(None),
                now(),
            )
            .await;
        assert_eq!(head.status(), StatusCode::FORBIDDEN);
        assert!(bytes(head).await.is_empty());

        for (range, first, last) in [
            ("bytes=0-99", 0, 99),
            ("bytes=900-", 900, 999),
            ("bytes=-10", 990, 999),
            ("bytes=990-5000", 990, 999),
            ("bytes=-5000", 0, 999),
            ("BYTES=5-5", 5, 5),
        ] {
            let response = get(&store, &url, Some(range), now()).await;
            assert_eq!(response.status(), StatusCode::PARTIAL_CONTENT, "{range}");
            assert_eq!(
                response.headers()[header::CONTENT_RANGE],
                format!("bytes {first}-{last}/1000").as_str()
            );
            assert_eq!(
                response.headers()[header::CONTENT_LENGTH],
                (last - first + 1).to_string().as_str()
            );
            assert_eq!(bytes(response).await, &file[first..=last], "{range}");
        }
        for range in [
            "bytes=0-1,5-6",
            "bytes=9-3",
            "bytes=abc",
            "items=0-1",
            "bytes=-",
        ] {
            let response = get(&store, &url, Some(range), now()).await;
            assert_eq!(response.status(), StatusCode::OK, "{range}");
            assert_eq!(bytes(response).await, file);
        }
        for range in ["bytes=1000-", "bytes=1000-2000", "bytes=-0"] {
            let response = get(&store, &url, Some(range), now()).await;
            assert_eq!(response.headers()[header::CONTENT_RANGE], "bytes */1000");
            oss_error(response, StatusCode::RANGE_NOT_SATISFIABLE, "InvalidRange").await;
        }
    }

    #[tokio::test]
    async fn head_needs_a_head_signature() {
        let (_dir, store) = store(1 << 20);
        put(&store, KEY, b"0123456789").await;
        let expires = now().as_second() + 60;
        let signature =
            BASE64.encode(store.sign(url_string_to_sign("HEAD", expires, KEY).as_bytes()));
        let query = format!(
            "Expires={expires}&OSSAccessKeyId={}&Signature={}",
            store.access_key_id,
            percent_encode(&signature)
        );
        let response = store
            .download(&Method::HEAD, KEY, Some(&query), &get_headers(None), now())
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[header::CONTENT_LENGTH], "10");
        assert!(bytes(response).await.is_empty());
    }

    #[tokio::test]
    async fn refuses_bad_download_urls() {
        let (_dir, store) = store(1 << 20);
        put(&store, KEY, b"firmware").await;
        let url = store.presign(BASE, KEY, now());
        // Valid up to and including its second of expiry.
        assert_eq!(
            get(&store, &url, None, now()).await.status(),
            StatusCode::OK
        );
        let later = now().checked_add(Duration::from_secs(1)).unwrap();
        let message = oss_error(
            get(&store, &url, None, later).await,
            StatusCode::FORBIDDEN,
            "AccessDenied",
        )
        .await;
        assert_eq!(message, "Request has expired.");

        let forged = url.replace("&Signature=", "&Signature=A");
        oss_error(
            get(&store, &forged, None, now()).await,
            StatusCode::FORBIDDEN,
            "SignatureDoesNotMatch",
        )
        .await;
        let longer = url.replace("?Expires=1700000000", "?Expires=1700009999");
        oss_error(
            get(&store, &longer, None, now()).await,
            StatusCode::FORBIDDEN,
            "SignatureDoesNotMatch",
        )
        .await;
        let other = store.presign(BASE, "ota/other.bin", now());
        let (_, query) = split(&other);
        let response = store
            .download(&Method::GET, KEY, Some(&query), &get_headers(None), now())
            .await;
        oss_error(response, StatusCode::FORBIDDEN, "SignatureDoesNotMatch").await;

        let response = store
            .download(&Method::GET, KEY, None, &get_headers(None), now())
            .await;
        let message = oss_error(response, StatusCode::FORBIDDEN, "AccessDenied").await;
        assert!(message.contains("Expires"), "{message}");
        let stranger = url.replace("OSSAccessKeyId=LTAI", "OSSAccessKeyId=LTAX");
        oss_error(
            get(&store, &stranger, None, now()).await,
            StatusCode::FORBIDDEN,
            "InvalidAccessKeyId",
        )
        .await;

        oss_error(
            get(&store, &other, None, now()).await,
            StatusCode::NOT_FOUND,
            "NoSuchKey",
        )
        .await;
        let response = store
            .download(&Method::GET, "ota/%zz", Some(""), &get_headers(None), now())
            .await;
        oss_error(response, StatusCode::BAD_REQUEST, "InvalidURI").await;
        let response = store
            .download(&Method::DELETE, KEY, None, &get_headers(None), now())
            .await;
        assert_eq!(response.headers()[header::ALLOW], "GET, HEAD");
        oss_error(response, StatusCode::METHOD_NOT_ALLOWED, "MethodNotAllowed").await;
    }

    #[tokio::test]
    async fn odd_keys_round_trip_through_urls() {
        let (_dir, store) = store(1 << 20);
        let key = "ota/a b/ü+x.bin";
        put(&store, key, b"odd").await;
        let form = store.upload_form(BASE, key, now(), Duration::from_secs(60));
        assert_eq!(
            form.object_url,
            "http://127.0.0.1:8080/oss/ota/a%20b/%C3%BC%2Bx.bin"
        );
        assert_eq!(
            ObjectStore::key_of_url(&form.object_url).as_deref(),
            Some(key)
        );
        let url = store.presign(BASE, key, now());
        assert_eq!(ObjectStore::key_of_url(&url).as_deref(), Some(key));
        assert_eq!(bytes(get(&store, &url, None, now()).await).await, b"odd");
    }

    #[test]
    fn finds_keys_in_urls() {
        let key = Some(KEY.to_owned());
        assert_eq!(
            ObjectStore::key_of_url(&format!("http://127.0.0.1:8080/oss/{KEY}")),
            key
        );
        assert_eq!(
            ObjectStore::key_of_url(&format!("https://other.example:9/oss/{KEY}?Expires=1&x=2")),
            key
        );
        assert_eq!(ObjectStore::key_of_url(&format!("/oss/{KEY}#frag")), key);
        for url in [
            "https://iotx-ota.oss-cn-shanghai.aliyuncs.com/ota/x.bin",
            "http://h/oss/",
            "http://h/oss",
            "http://h/ossx/a.bin",
            "http://h/oss/../secret",
            "http://h/oss/a%2F..%2F..%2Fsecret",
            "http://h/oss/%zz",
            "http://h",
            "oss/a.bin",
        ] {
            assert_eq!(ObjectStore::key_of_url(url), None, "{url}");
        }
    }

    #[tokio::test]
    async fn survives_a_restart_and_deletes() {
        let dir = TempDir::new().unwrap();
        let url;
        let form;
        {
            let store = ObjectStore::open(Some(dir.path()), 1 << 20).unwrap();
            put(&store, KEY, b"persisted").await;
            url = store.presign(
                BASE,
                KEY,
                now().checked_add(Duration::from_secs(60)).unwrap(),
            );
            form = store.upload_form(BASE, "ota/next.bin", now(), Duration::from_secs(60));
        }
        let store = ObjectStore::open(Some(dir.path()), 1 << 20).unwrap();
        assert_eq!(
            store.upload_form(BASE, "ota/next.bin", now(), Duration::from_secs(60)),
            form
        );
        assert_eq!(
            bytes(get(&store, &url, None, now()).await).await,
            b"persisted"
        );
        let response = store
            .upload(
                &headers(),
                Body::from(upload_body(&form, &[], b"next")),
                now(),
            )
            .await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);

        // A damaged secret is reported, not replaced.
        let other = TempDir::new().unwrap();
        fs::write(other.path().join("objects.secret"), "short").unwrap();
        let error = ObjectStore::open(Some(other.path()), 1).unwrap_err();
        assert!(error.to_string().contains("objects.secret"), "{error}");

        store.delete(KEY).unwrap();
        store.delete(KEY).unwrap();
        assert_eq!(store.stat(KEY).unwrap(), None);
        assert!(!dir.path().join("objects.meta").join(KEY).exists());
        oss_error(
            get(&store, &url, None, now()).await,
            StatusCode::NOT_FOUND,
            "NoSuchKey",
        )
        .await;
    }

    #[tokio::test]
    async fn stale_or_missing_sidecars_are_recomputed() {
        let (dir, store) = store(1 << 20);
        put(&store, KEY, b"version one").await;
        let sidecar = dir.path().join("objects.meta").join(KEY);
        let old = fs::read(&sidecar).unwrap();
        // As if a crash fell between the renames of an overwrite.
        put(&store, KEY, b"version two!").await;
        fs::write(&sidecar, old).unwrap();
        let expected = ObjectInfo {
            size: 12,
            md5: hex::encode(Md5::digest(b"version two!")),
            sha256: hex::encode(Sha256::digest(b"version two!")),
        };
        assert_eq!(store.stat(KEY).unwrap().unwrap(), expected);
        fs::remove_file(&sidecar).unwrap();
        assert_eq!(store.stat(KEY).unwrap().unwrap(), expected);
        assert!(sidecar.exists(), "the sidecar is rewritten");
    }

    #[tokio::test]
    async fn a_temporary_store_is_removed_on_drop() {
        let store = ObjectStore::open(None, 1 << 20).unwrap();
        let root = store.dirs.objects.parent().unwrap().to_path_buf();
        put(&store, KEY, b"gone soon").await;
        let secret = fs::read_to_string(root.join("objects.secret")).unwrap();
        let debug = format!("{store:?}");
        assert!(
            !debug.contains(&secret) && debug.contains("<redacted>"),
            "{debug}"
        );
        assert!(root.exists());
        drop(store);
        assert!(!root.exists());
    }

    #[tokio::test]
    async fn streams_a_large_upload_and_download() {
        let (dir, store) = store(16 << 20);
        let form = store.upload_form(BASE, KEY, now(), Duration::from_secs(60));
        let file = file_bytes(8 << 20);
        let body = upload_body(&form, &[], &file);
        // Many small chunks, as a network would deliver them.
        let chunks: Vec<Result<Bytes, io::Error>> = body
            .chunks(16 * 1024 + 3)
            .map(|c| Ok(Bytes::copy_from_slice(c)))
            .collect();
        let response = store
            .upload(&headers(), Body::from_stream(stream::iter(chunks)), now())
            .await;
        assert_eq!(
            response.status(),
            StatusCode::NO_CONTENT,
            "{}",
            text(response).await
        );
        let info = store.stat(KEY).unwrap().unwrap();
        assert_eq!(info.size, 8 << 20);
        assert_eq!(info.sha256, hex::encode(Sha256::digest(&file)));
        assert_eq!(
            fs::metadata(dir.path().join("objects").join(KEY))
                .unwrap()
                .len(),
            8 << 20
        );
        let url = store.presign(BASE, KEY, now());
        let response = get(&store, &url, None, now()).await;
        let mut stream = response.into_body().into_data_stream();
        let (mut md5, mut count, mut chunks) = (Md5::new(), 0usize, 0);
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.unwrap();
            assert!(chunk.len() <= IO_BATCH);
            md5.update(&chunk);
            count += chunk.len();
            chunks += 1;
        }
        assert_eq!(count, 8 << 20);
        assert!(chunks >= 32);
        assert_eq!(hex::encode(md5.finalize()), info.md5);
    }
}
