//! Waiters: until a package is verified, until a job is complete.
//!
//! A waiter only reads (QueryOTAFirmware, QueryOTAJob, ListOTATaskByJob): dropping its future
//! at any point leaves nothing behind, so it can be cancelled or raced against a timeout
//! freely. Every call is paced to its operation's quota by the client; between polls the
//! waiter pauses, longer and longer while nothing changes (back to the first pause when
//! something does), and gives up at its deadline.

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt as _;

use super::error::{DeviceFailure, ErrorKind, Step, WorkflowError};
use super::{ProgressFn, report};
use crate::Client;
use crate::query_ota_firmware::FirmwareInfo;
use crate::types::{FirmwareStatus, JobStatus, JobType, TaskStatus};

/// The shortest pause between polls, whatever [`Polling::first`] says: no busy loop.
const MIN_PAUSE: Duration = Duration::from_millis(10);

/// How a waiter polls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Polling {
    /// The pause after a poll that saw a change (and after the first); at least 10 ms.
    pub first: Duration,
    /// The longest pause: pauses grow by half while nothing changes, up to this.
    pub max: Duration,
    /// How long to wait in all before giving up with [`ErrorKind::DeadlineExceeded`]; `None`
    /// waits for ever.
    pub deadline: Option<Duration>,
}

impl Default for Polling {
    /// Pauses of 2 to 30 seconds, a deadline of one hour.
    fn default() -> Self {
        Self {
            first: Duration::from_secs(2),
            max: Duration::from_secs(30),
            deadline: Some(Duration::from_secs(3600)),
        }
    }
}

impl Polling {
    /// Pauses from `first` up to `max` (at least `first`), with the default deadline.
    pub fn new(first: Duration, max: Duration) -> Self {
        Self {
            first,
            max: max.max(first),
            ..Self::default()
        }
    }

    /// Sets [`Polling::deadline`].
    pub fn with_deadline(mut self, deadline: Option<Duration>) -> Self {
        self.deadline = deadline;
        self
    }

    fn first_pause(&self) -> Duration {
        self.first.max(MIN_PAUSE)
    }

    /// The pause after `pause` while nothing changes: half as long again, up to `max`.
    fn longer(&self, pause: Duration) -> Duration {
        pause
            .saturating_add(pause / 2)
            .min(self.max)
            .max(self.first_pause())
    }
}

/// What one poll saw.
pub(crate) enum Seen<T> {
    /// The awaited state.
    Done(T),
    /// Not yet; how things stand, in words (a change in it resets the pause).
    Pending(String),
}

/// Polls until `poll` sees the awaited state, an error, or the deadline.
pub(crate) async fn poll_until<T, Fut>(
    polling: &Polling,
    step: Step,
    mut poll: impl FnMut() -> Fut,
) -> Result<T, WorkflowError>
where
    Fut: Future<Output = Result<Seen<T>, WorkflowError>>,
{
    let mut last_seen: Option<String> = None;
    let work = async {
        let mut pause = polling.first_pause();
        loop {
            match poll().await? {
                Seen::Done(value) => return Ok(value),
                Seen::Pending(now) => {
                    pause = if last_seen.as_deref() == Some(now.as_str()) {
                        polling.longer(pause)
                    } else {
                        polling.first_pause()
                    };
                    last_seen = Some(now);
                }
            }
            tokio::time::sleep(pause).await;
        }
    };
    let Some(deadline) = polling.deadline else {
        return work.await;
    };
    match tokio::time::timeout(deadline, work).await {
        Ok(result) => result,
        Err(_) => Err(WorkflowError::new(
            step,
            ErrorKind::DeadlineExceeded {
                after: deadline,
                last_seen,
            },
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------------------------

/// How a package's verification stands, given to [`VerifyWaiter::on_progress`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct VerifyProgress {
    /// The package's `Status`.
    pub status: FirmwareStatus,
    /// `VerifyProgress`: the share of test devices done, in percent.
    pub percent: i64,
}

impl fmt::Display for VerifyProgress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Status {} ({}), {}% verified",
            self.status.value(),
            self.status.label(),
            self.percent
        )
    }
}

/// Waits until a package is verified: from [`Client::wait_verified`].
///
/// Done when `Status` is 1 (verified) or -1 (needs no verification), with the package's
/// details; `Status` 3 is [`ErrorKind::VerificationFailed`] naming the devices whose task
/// failed; a package that is unverified with no verification job is
/// [`ErrorKind::Invalid`] rather than a wait until the deadline.
#[derive(Clone)]
#[must_use = "a waiter does nothing until `wait` is awaited"]
pub struct VerifyWaiter {
    client: Client,
    firmware_id: String,
    iot_instance_id: Option<String>,
    polling: Polling,
    progress: Option<ProgressFn<VerifyProgress>>,
}

impl fmt::Debug for VerifyWaiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VerifyWaiter")
            .field("firmware_id", &self.firmware_id)
            .field("polling", &self.polling)
            .finish_non_exhaustive()
    }
}

impl VerifyWaiter {
    pub(crate) fn new(client: Client, firmware_id: String) -> Self {
        Self {
            client,
            firmware_id,
            iot_instance_id: None,
            polling: Polling::default(),
            progress: None,
        }
    }

    /// How to poll (default [`Polling::default`]).
    pub fn polling(mut self, polling: Polling) -> Self {
        self.polling = polling;
        self
    }

    /// The instance the package belongs to (`IotInstanceId`).
    pub fn iot_instance_id(mut self, id: impl Into<String>) -> Self {
        self.iot_instance_id = Some(id.into());
        self
    }

    /// Called after every poll.
    pub fn on_progress(
        mut self,
        progress: impl Fn(&VerifyProgress) + Send + Sync + 'static,
    ) -> Self {
        self.progress = Some(Arc::new(progress));
        self
    }

    /// Waits; the package's details once it is verified (or needs no verification).
    pub async fn wait(self) -> Result<FirmwareInfo, WorkflowError> {
        let mut job_checked = false;
        poll_until(&self.polling, Step::WaitVerified, || {
            let first = !std::mem::replace(&mut job_checked, true);
            self.poll(first)
        })
        .await
    }

    async fn poll(&self, first: bool) -> Result<Seen<FirmwareInfo>, WorkflowError> {
        let info = super::query_package(
            &self.client,
            &self.firmware_id,
            self.iot_instance_id.as_deref(),
        )
        .await?;
        let status = info
            .status
            .ok_or_else(|| WorkflowError::missing(Step::QueryPackage, "FirmwareInfo.Status"))?;
        let now = VerifyProgress {
            status,
            percent: info.verify_progress.unwrap_or(0),
        };
        report(&self.progress, &now);
        match now.status {
            FirmwareStatus::Verified | FirmwareStatus::NoVerificationRequired => {
                Ok(Seen::Done(info))
            }
            FirmwareStatus::VerificationFailed => Err(self.failure().await),
            FirmwareStatus::Unverified if first && self.verify_job().await?.is_none() => {
                Err(WorkflowError::invalid(
                    Step::WaitVerified,
                    format!(
                        "package {} is not verified and no verification job was started (CreateOTAVerifyJob)",
                        self.firmware_id
                    ),
                ))
            }
            _ => Ok(Seen::Pending(now.to_string())),
        }
    }

    /// The newest verification job of the package, if any.
    async fn verify_job(&self) -> Result<Option<String>, WorkflowError> {
        let jobs = self
            .client
            .stream_jobs_of_package(&self.firmware_id, self.iot_instance_id.as_deref());
        let mut jobs = std::pin::pin!(jobs);
        while let Some(job) = jobs.next().await {
            let job = job.map_err(|e| WorkflowError::api(Step::WaitVerified, e))?;
            if job.job_type == Some(JobType::VerifyFirmware) {
                return Ok(job.job_id);
            }
        }
        Ok(None)
    }

    /// The error for `Status` 3: the verification job and its devices that did not succeed,
    /// as far as they can be read.
    async fn failure(&self) -> WorkflowError {
        let job_id = self.verify_job().await.ok().flatten();
        let mut failures = Vec::new();
        if let Some(job) = &job_id {
            let tasks = self
                .client
                .stream_tasks_of_job(job, None, self.iot_instance_id.as_deref());
            let mut tasks = std::pin::pin!(tasks);
            while let Some(Ok(task)) = tasks.next().await {
                let status = task.task_status.unwrap_or(TaskStatus::from_value(""));
                if matches!(status, TaskStatus::Failed | TaskStatus::Canceled) {
                    failures.push(DeviceFailure {
                        device_name: task.device_name.unwrap_or_default(),
                        status: status.as_str().to_owned(),
                        reason: task.task_desc.unwrap_or_default(),
                    });
                }
            }
        }
        WorkflowError::new(
            Step::WaitVerified,
            ErrorKind::VerificationFailed { job_id, failures },
        )
    }
}

// ---------------------------------------------------------------------------------------------
// Jobs
// ---------------------------------------------------------------------------------------------

/// How many tasks of a job are in each state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct TaskCounts {
    /// `CONFIRM`: waiting for ConfirmOTATask.
    pub confirm: u64,
    /// `QUEUED`: not pushed yet.
    pub queued: u64,
    /// `NOTIFIED`: pushed, no progress yet.
    pub notified: u64,
    /// `IN_PROGRESS`: the device reports progress.
    pub in_progress: u64,
    /// `SUCCEEDED`.
    pub succeeded: u64,
    /// `FAILED`.
    pub failed: u64,
    /// `CANCELED`.
    pub canceled: u64,
}

impl TaskCounts {
    /// Every task.
    pub fn total(&self) -> u64 {
        [self.confirm, self.queued, self.notified, self.in_progress]
            .into_iter()
            .fold(self.finished(), u64::saturating_add)
    }

    /// The tasks in a final state (succeeded, failed or canceled).
    pub fn finished(&self) -> u64 {
        self.succeeded
            .saturating_add(self.failed)
            .saturating_add(self.canceled)
    }

    fn slot(&mut self, status: &TaskStatus) -> Option<&mut u64> {
        Some(match status {
            TaskStatus::Confirm => &mut self.confirm,
            TaskStatus::Queued => &mut self.queued,
            TaskStatus::Notified => &mut self.notified,
            TaskStatus::InProgress => &mut self.in_progress,
            TaskStatus::Succeeded => &mut self.succeeded,
            TaskStatus::Failed => &mut self.failed,
            TaskStatus::Canceled => &mut self.canceled,
            _ => return None,
        })
    }
}

impl fmt::Display for TaskCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{} tasks finished", self.finished(), self.total())?;
        let parts = [
            (self.succeeded, "succeeded"),
            (self.failed, "failed"),
            (self.canceled, "canceled"),
            (self.in_progress, "in progress"),
            (self.notified, "notified"),
            (self.queued, "queued"),
            (self.confirm, "to confirm"),
        ];
        for (i, (count, what)) in parts.iter().filter(|(n, _)| *n > 0).enumerate() {
            f.write_str(if i == 0 { ": " } else { ", " })?;
            write!(f, "{count} {what}")?;
        }
        Ok(())
    }
}

/// How a job stands, given to [`JobWatcher::on_progress`] and returned by its polls.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct JobProgress {
    /// The job's ID.
    pub job_id: String,
    /// The job's `JobStatus`.
    pub status: JobStatus,
    /// Its tasks by state.
    pub tasks: TaskCounts,
}

impl JobProgress {
    /// Whether the job has ended (`COMPLETED` or `CANCELED`).
    pub fn is_done(&self) -> bool {
        matches!(self.status, JobStatus::Completed | JobStatus::Canceled)
    }
}

impl fmt::Display for JobProgress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "job {} {}, {}", self.job_id, self.status, self.tasks)
    }
}

/// The task states a job's tasks are counted in.
const STATES: [TaskStatus; 7] = [
    TaskStatus::Confirm,
    TaskStatus::Queued,
    TaskStatus::Notified,
    TaskStatus::InProgress,
    TaskStatus::Succeeded,
    TaskStatus::Failed,
    TaskStatus::Canceled,
];

/// Follows a job: from [`Client::watch_job`] or a [`Rollout`](super::Rollout).
///
/// One poll is QueryOTAJob and one single-item ListOTATaskByJob per task state (its `Total`),
/// so its cost does not grow with the number of devices. A dynamic job stays `IN_PROGRESS`
/// until its policy is cancelled: [`wait`](Self::wait) on one ends at the deadline.
#[derive(Clone)]
#[must_use = "a watcher does nothing until it is polled"]
pub struct JobWatcher {
    client: Client,
    job_id: String,
    iot_instance_id: Option<String>,
    polling: Polling,
    progress: Option<ProgressFn<JobProgress>>,
}

impl fmt::Debug for JobWatcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JobWatcher")
            .field("job_id", &self.job_id)
            .field("polling", &self.polling)
            .finish_non_exhaustive()
    }
}

impl JobWatcher {
    pub(crate) fn new(client: Client, job_id: String, iot_instance_id: Option<String>) -> Self {
        Self {
            client,
            job_id,
            iot_instance_id,
            polling: Polling::default(),
            progress: None,
        }
    }

    /// The job's ID.
    pub fn job_id(&self) -> &str {
        &self.job_id
    }

    /// How to poll (default [`Polling::default`]).
    pub fn polling(mut self, polling: Polling) -> Self {
        self.polling = polling;
        self
    }

    /// The instance the job belongs to (`IotInstanceId`).
    pub fn iot_instance_id(mut self, id: impl Into<String>) -> Self {
        self.iot_instance_id = Some(id.into());
        self
    }

    /// Called after every poll of [`wait`](Self::wait).
    pub fn on_progress(mut self, progress: impl Fn(&JobProgress) + Send + Sync + 'static) -> Self {
        self.progress = Some(Arc::new(progress));
        self
    }

    /// How the job stands now (one poll).
    pub async fn progress(&self) -> Result<JobProgress, WorkflowError> {
        let api = |e| WorkflowError::api(Step::WatchJob, e);
        // The status first: once it says COMPLETED, the counts read after it are final.
        let status = self
            .client
            .query_ota_job()
            .job_id(&self.job_id)
            .set_iot_instance_id(self.iot_instance_id.clone())
            .send()
            .await
            .map_err(api)?
            .data
            .and_then(|d| d.job_status)
            .ok_or_else(|| WorkflowError::missing(Step::WatchJob, "Data.JobStatus"))?;
        let mut tasks = TaskCounts::default();
        for state in STATES {
            let page = self
                .client
                .list_ota_task_by_job()
                .job_id(&self.job_id)
                .task_status(state.clone())
                .current_page(1)
                .page_size(1)
                .set_iot_instance_id(self.iot_instance_id.clone())
                .send()
                .await
                .map_err(api)?;
            // A page holds one task: without Total there is no count.
            let count = page.total.ok_or_else(|| {
                WorkflowError::missing(Step::WatchJob, "Total (ListOTATaskByJob)")
            })?;
            if let Some(slot) = tasks.slot(&state) {
                *slot = u64::try_from(count).unwrap_or(0);
            }
        }
        Ok(JobProgress {
            job_id: self.job_id.clone(),
            status,
            tasks,
        })
    }

    /// Waits until the job is `COMPLETED` or `CANCELED`; how it ended.
    pub async fn wait(&self) -> Result<JobProgress, WorkflowError> {
        poll_until(&self.polling, Step::WatchJob, || async {
            let now = self.progress().await?;
            report(&self.progress, &now);
            Ok(if now.is_done() {
                Seen::Done(now)
            } else {
                Seen::Pending(now.to_string())
            })
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_grow_within_bounds() {
        let polling = Polling::new(Duration::from_millis(100), Duration::from_millis(200));
        assert_eq!(polling.first_pause(), Duration::from_millis(100));
        assert_eq!(
            polling.longer(Duration::from_millis(100)),
            Duration::from_millis(150)
        );
        assert_eq!(
            polling.longer(Duration::from_millis(150)),
            Duration::from_millis(200)
        );
        let zero = Polling::new(Duration::ZERO, Duration::ZERO);
        assert_eq!(zero.first_pause(), MIN_PAUSE);
        assert_eq!(zero.longer(Duration::ZERO), MIN_PAUSE);
        let huge = Polling::new(Duration::MAX, Duration::MAX);
        assert_eq!(huge.longer(Duration::MAX), Duration::MAX);
    }

    #[test]
    fn task_counts_saturate() {
        let counts = TaskCounts {
            succeeded: u64::MAX,
            failed: 1,
            queued: u64::MAX,
            ..TaskCounts::default()
        };
        assert_eq!(counts.finished(), u64::MAX);
        assert_eq!(counts.total(), u64::MAX);
        let counts = TaskCounts {
            queued: 2,
            succeeded: 3,
            canceled: 1,
            ..TaskCounts::default()
        };
        assert_eq!((counts.finished(), counts.total()), (4, 6));
    }
}
