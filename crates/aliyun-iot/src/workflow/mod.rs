//! The release pipeline, one call per step: upload a package, wait until it is verified, roll
//! it out and watch the job, download and verify what devices download.
//!
//! Each step is a builder on [`Client`] over the generated operations:
//!
//! | Step | Call | Operations |
//! |---|---|---|
//! | upload | [`Client::upload_package`] | GenerateOTAUploadURL, the OSS POST-policy form, CreateOTAFirmware (CreateOTAVerifyJob) |
//! | wait until verified | [`Client::wait_verified`] | QueryOTAFirmware |
//! | roll out | [`Client::rollout`] | CreateOTAStaticUpgradeJob or CreateOTADynamicUpgradeJob |
//! | watch a job | [`Client::watch_job`], [`Rollout::watch`] | QueryOTAJob, ListOTATaskByJob |
//! | download and verify | [`Client::download_package`] | QueryOTAFirmware, the pre-signed URLs |
//!
//! ```no_run
//! # async fn pipeline(client: aliyun_iot::Client) -> Result<(), aliyun_iot::workflow::WorkflowError> {
//! let package = client
//!     .upload_package("a1ProductKey")
//!     .file("build/router.bin")
//!     .dest_version("2.0.0")
//!     .verify_on(["tester-1", "tester-2"])
//!     .send()
//!     .await?;
//! client.wait_verified(&package.firmware_id).wait().await?;
//! let rollout = client.rollout(&package.firmware_id).all().rate_per_minute(1000).start().await?;
//! let done = rollout.watch().on_progress(|p| println!("{p}")).wait().await?;
//! println!("{} succeeded, {} failed", done.tasks.succeeded, done.tasks.failed);
//! client.download_package(&package.firmware_id).to("check.bin").send().await?;
//! # Ok(())
//! # }
//! ```
//!
//! Files are streamed, never held whole in memory, and their digests computed on the way.
//! Every API call is paced, signed and retried as any other; a failure is a
//! [`WorkflowError`] that names the [`Step`] and keeps its cause.

mod digest;
mod download;
mod error;
mod listing;
mod rollout;
mod storage;
mod upload;
mod wait;

use std::sync::Arc;

pub use download::{DownloadBuilder, DownloadProgress, DownloadedFile};
pub use error::{DeviceFailure, ErrorKind, Step, WorkflowError};
pub use rollout::{Rollout, RolloutBuilder};
pub use upload::{UploadBuilder, UploadProgress, UploadedFile, UploadedPackage};
pub use wait::{JobProgress, JobWatcher, Polling, TaskCounts, VerifyProgress, VerifyWaiter};

use crate::Client;

/// A progress callback, shared by the clones of a builder.
type ProgressFn<T> = Arc<dyn Fn(&T) + Send + Sync>;

/// Calls `progress` with `state`, if there is a callback.
fn report<T>(progress: &Option<ProgressFn<T>>, state: &T) {
    if let Some(progress) = progress {
        progress(state);
    }
}

impl Client {
    /// Uploads one or more files and creates a package of `product_key` from them (see
    /// [`UploadBuilder`]).
    pub fn upload_package(&self, product_key: impl Into<String>) -> UploadBuilder {
        UploadBuilder::new(self.clone(), product_key.into())
    }

    /// Waits until a package is verified (see [`VerifyWaiter`]).
    pub fn wait_verified(&self, firmware_id: impl Into<String>) -> VerifyWaiter {
        VerifyWaiter::new(self.clone(), firmware_id.into())
    }

    /// Creates an update job for a package (see [`RolloutBuilder`]).
    pub fn rollout(&self, firmware_id: impl Into<String>) -> RolloutBuilder {
        RolloutBuilder::new(self.clone(), firmware_id.into())
    }

    /// Follows a job until it ends (see [`JobWatcher`]).
    pub fn watch_job(&self, job_id: impl Into<String>) -> JobWatcher {
        JobWatcher::new(self.clone(), job_id.into(), None)
    }

    /// Downloads a package's files and verifies them (see [`DownloadBuilder`]).
    pub fn download_package(&self, firmware_id: impl Into<String>) -> DownloadBuilder {
        DownloadBuilder::new(self.clone(), firmware_id.into())
    }
}

/// The details of package `firmware_id` (QueryOTAFirmware), as every workflow step that reads
/// them asks for them.
async fn query_package(
    client: &Client,
    firmware_id: &str,
    iot_instance_id: Option<&str>,
) -> Result<crate::query_ota_firmware::FirmwareInfo, WorkflowError> {
    client
        .query_ota_firmware()
        .firmware_id(firmware_id)
        .set_iot_instance_id(iot_instance_id.map(str::to_owned))
        .send()
        .await
        .map_err(|e| WorkflowError::api(Step::QueryPackage, e))?
        .firmware_info
        .ok_or_else(|| WorkflowError::missing(Step::QueryPackage, "FirmwareInfo"))
}
