//! The one error type of the workflows: which step failed, and why, with its cause kept.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// The step of a workflow that failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Step {
    /// Checking what the caller asked for, before any call.
    Prepare,
    /// Asking for upload credentials (GenerateOTAUploadURL).
    RequestUploadUrl,
    /// Sending a file to object storage (the POST-policy form).
    UploadFile,
    /// Creating the package (CreateOTAFirmware).
    CreatePackage,
    /// Starting a verification job (CreateOTAVerifyJob).
    StartVerification,
    /// Reading the package (QueryOTAFirmware).
    QueryPackage,
    /// Waiting until the package is verified.
    WaitVerified,
    /// Creating an update job (CreateOTAStaticUpgradeJob or CreateOTADynamicUpgradeJob).
    CreateJob,
    /// Following a job (QueryOTAJob, ListOTATaskByJob).
    WatchJob,
    /// Downloading a file of the package.
    Download,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Step::Prepare => "preparing",
            Step::RequestUploadUrl => "requesting upload credentials (GenerateOTAUploadURL)",
            Step::UploadFile => "uploading to object storage",
            Step::CreatePackage => "creating the package (CreateOTAFirmware)",
            Step::StartVerification => "starting the verification (CreateOTAVerifyJob)",
            Step::QueryPackage => "reading the package (QueryOTAFirmware)",
            Step::WaitVerified => "waiting for the verification",
            Step::CreateJob => "creating the update job",
            Step::WatchJob => "watching the job",
            Step::Download => "downloading",
        })
    }
}

/// A device whose verification task did not succeed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeviceFailure {
    /// The device's name.
    pub device_name: String,
    /// The task's state (`FAILED`, `CANCELED`).
    pub status: String,
    /// Why, as the service says (`TaskDesc`); often empty.
    pub reason: String,
}

/// What went wrong in a step.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An API call failed (the service's error, a transport failure, a timeout).
    Api(aliyun_runtime::Error),
    /// Object storage answered with an error status.
    Storage {
        /// The HTTP status.
        status: u16,
        /// OSS's error code (`AccessDenied`, `NoSuchKey`, ...), when it sent one.
        code: Option<String>,
        /// OSS's message, when it sent one.
        message: Option<String>,
    },
    /// The exchange with object storage failed (connection, read); the URL is left out, as
    /// it carries a signature.
    Http(reqwest::Error),
    /// Reading or writing a local file failed.
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The bytes' digest is not the one the package states.
    DigestMismatch {
        /// `MD5` or `SHA256`.
        algorithm: &'static str,
        /// The digest the package states (lowercase hex).
        expected: String,
        /// The digest of the bytes received (lowercase hex).
        actual: String,
    },
    /// The bytes' count is not the size the package states.
    SizeMismatch {
        /// The size the package states.
        expected: u64,
        /// The bytes received (so far, when there were too many).
        actual: u64,
    },
    /// The package's verification failed (`Status` 3).
    VerificationFailed {
        /// The verification job, when found.
        job_id: Option<String>,
        /// The devices whose task did not succeed, when found.
        failures: Vec<DeviceFailure>,
    },
    /// The deadline passed before the awaited state.
    DeadlineExceeded {
        /// The deadline.
        after: Duration,
        /// The last state seen, when any.
        last_seen: Option<String>,
    },
    /// A reply lacked a field the workflow needs.
    MissingField(&'static str),
    /// The request cannot be carried out as given.
    Invalid(String),
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Api(error) => write!(f, "{error}"),
            ErrorKind::Storage {
                status,
                code,
                message,
            } => {
                write!(f, "object storage answered HTTP {status}")?;
                if let Some(code) = code {
                    write!(f, " {code}")?;
                }
                if let Some(message) = message {
                    write!(f, ": {message}")?;
                }
                Ok(())
            }
            ErrorKind::Http(error) => write!(f, "{error}"),
            ErrorKind::Io { path, source } => write!(f, "{}: {source}", path.display()),
            ErrorKind::DigestMismatch {
                algorithm,
                expected,
                actual,
            } => write!(f, "{algorithm} mismatch: expected {expected}, got {actual}"),
            ErrorKind::SizeMismatch { expected, actual } => {
                write!(f, "size mismatch: expected {expected} bytes, got {actual}")
            }
            ErrorKind::VerificationFailed { job_id, failures } => {
                f.write_str("the verification failed (Status 3)")?;
                if let Some(job) = job_id {
                    write!(f, " in job {job}")?;
                }
                for (i, failure) in failures.iter().enumerate() {
                    f.write_str(if i == 0 { ": " } else { "; " })?;
                    write!(f, "{} {}", failure.device_name, failure.status)?;
                    if !failure.reason.is_empty() {
                        write!(f, " ({})", failure.reason)?;
                    }
                }
                Ok(())
            }
            ErrorKind::DeadlineExceeded { after, last_seen } => {
                write!(f, "not done after {after:?}")?;
                if let Some(last) = last_seen {
                    write!(f, " (last seen: {last})")?;
                }
                Ok(())
            }
            ErrorKind::MissingField(field) => write!(f, "the reply has no {field}"),
            ErrorKind::Invalid(why) => f.write_str(why),
        }
    }
}

/// A workflow failed: at which [`Step`], for which file when it concerns one, and why
/// ([`ErrorKind`]; the underlying error is also the [`source`](std::error::Error::source)).
#[derive(Debug)]
pub struct WorkflowError {
    step: Step,
    file: Option<String>,
    kind: ErrorKind,
}

impl WorkflowError {
    /// An error of `step`.
    pub(crate) fn new(step: Step, kind: ErrorKind) -> Self {
        Self {
            step,
            file: None,
            kind,
        }
    }

    /// Names the file the error concerns.
    pub(crate) fn with_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// The step that failed.
    pub fn step(&self) -> Step {
        self.step
    }

    /// The file the error concerns (the name in the package), when it concerns one.
    pub fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// What went wrong, owned (the underlying API error, for one).
    pub fn into_kind(self) -> ErrorKind {
        self.kind
    }

    /// The service's error code, when an API call failed with one.
    pub fn code(&self) -> Option<&str> {
        match &self.kind {
            ErrorKind::Api(error) => error.code(),
            ErrorKind::Storage { code, .. } => code.as_deref(),
            _ => None,
        }
    }

    pub(crate) fn api(step: Step, error: aliyun_runtime::Error) -> Self {
        Self::new(step, ErrorKind::Api(error))
    }

    pub(crate) fn io(step: Step, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::new(
            step,
            ErrorKind::Io {
                path: path.into(),
                source,
            },
        )
    }

    pub(crate) fn http(step: Step, error: reqwest::Error) -> Self {
        // The URL of a pre-signed download or an upload carries a signature.
        Self::new(step, ErrorKind::Http(error.without_url()))
    }

    pub(crate) fn missing(step: Step, field: &'static str) -> Self {
        Self::new(step, ErrorKind::MissingField(field))
    }

    pub(crate) fn invalid(step: Step, why: impl Into<String>) -> Self {
        Self::new(step, ErrorKind::Invalid(why.into()))
    }
}

impl fmt::Display for WorkflowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.step)?;
        if let Some(file) = &self.file {
            write!(f, " ({file})")?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl std::error::Error for WorkflowError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Api(error) => Some(error),
            ErrorKind::Http(error) => Some(error),
            ErrorKind::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
