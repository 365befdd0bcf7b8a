//! Simulated devices: one step moves every open task of every running job on by at most
//! one state, as the devices would report it.
//!
//! Per step, for a device that is online and does not fail: `QUEUED` → `NOTIFIED` (at most
//! the job's `MaximumPerMinute` per minute) → `IN_PROGRESS` (10–40 %) → more progress (20–50 %
//! a step) → `SUCCEEDED` at 100 %, which also updates the device's module version. A device
//! that `Fails` reports progress -1 once in progress: the task fails (`TaskDesc` says why)
//! unless the job has automatic retries left (`RetryCount`, only when the job names source
//! versions, as the service), which restart it after `RetryInterval` minutes. An offline
//! device never moves. A job's `TimeoutInMinutes` fails any task not finished in time, counted
//! from the first progress report, or, for a device that never reported, from when the task
//! could start (queued, confirmed, re-run, or the job's scheduled start). `CONFIRM` tasks wait for ConfirmOTATask; a `PLANNED` job starts at its
//! `ScheduleTime`. Dynamic jobs add tasks for devices that come to match them.

use std::collections::{HashMap, HashSet};

use super::{
    Event, IdKind, Ids, Job, JobKind, JobState, Millis, Task, TaskChange, TaskState, World,
};

/// Why a task failed on a device that `Fails`.
pub(crate) const DEVICE_FAILED: &str = "upgrade failed: the device reported progress -1";

/// Why a task failed when its time ran out.
pub(crate) const TIMED_OUT: &str = "timeout: the device did not finish the update in time";

const MINUTE: Millis = 60_000;

/// Notifications sent per job in the current minute (not durable: after a restart a job may
/// notify up to one extra minute's worth early).
#[derive(Debug, Default)]
pub(crate) struct Pushes {
    per_job: HashMap<String, (Millis, i64)>,
}

impl Pushes {
    /// How many more devices `job` may notify in the minute of `now`.
    fn left(&self, job: &Job, now: Millis) -> i64 {
        let minute = now.div_euclid(MINUTE);
        match self.per_job.get(&job.id) {
            Some(&(at, sent)) if at == minute => job.maximum_per_minute - sent,
            _ => job.maximum_per_minute,
        }
    }

    /// Counts `sent` more notifications of `job` in the minute of `now`.
    fn count(&mut self, job: &Job, now: Millis, sent: i64) {
        if sent == 0 {
            return;
        }
        let minute = now.div_euclid(MINUTE);
        let entry = self.per_job.entry(job.id.clone()).or_insert((minute, 0));
        if entry.0 != minute {
            *entry = (minute, 0);
        }
        entry.1 += sent;
    }
}

/// The events of one simulation step at `now`.
pub(crate) fn step(world: &World, now: Millis, ids: &mut Ids, pushes: &mut Pushes) -> Vec<Event> {
    let mut events = Vec::new();
    // Dynamic jobs first, newest first: when a device comes to match the policies of several
    // packages, the newest takes it (and the others see it busy).
    let mut dynamic: Vec<&Job> = world
        .jobs
        .values()
        .filter(|j| j.kind == JobKind::Dynamic && j.state == JobState::InProgress)
        .collect();
    dynamic.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| a.id.cmp(&b.id)));
    let mut claimed = HashSet::new();
    for job in dynamic {
        let tasks = dynamic_tasks(world, job, now, ids, &mut claimed);
        if !tasks.is_empty() {
            events.push(Event::TasksAdded {
                job_id: job.id.clone(),
                tasks,
            });
        }
    }
    let mut changes = Vec::new();
    for job in world.jobs.values() {
        match job.state {
            JobState::Planned => {
                if job.schedule_time.is_some_and(|at| at <= now) {
                    events.push(Event::JobStarted {
                        job_id: job.id.clone(),
                    });
                }
                continue;
            }
            JobState::InProgress => {}
            // A canceled dynamic policy adds no device, but the tasks it made go on.
            JobState::Canceled if job.kind == JobKind::Dynamic => {}
            JobState::Completed | JobState::Canceled => continue,
        }
        // The job's notifications left this minute, counted here rather than looked up per
        // task: a job may have 100,000 tasks queued.
        let left = pushes.left(job, now);
        let mut quota = left;
        for task_id in job.tasks.iter() {
            if let Some(task) = world.tasks.get(task_id)
                && let Some(change) = advance(world, job, task, now, ids, &mut quota)
            {
                changes.push(change);
            }
        }
        pushes.count(job, now, left - quota);
    }
    if !changes.is_empty() {
        events.push(Event::TasksChanged(changes));
    }
    events
}

/// What one task's device does in this step.
fn advance(
    world: &World,
    job: &Job,
    task: &Task,
    now: Millis,
    ids: &mut Ids,
    notifications_left: &mut i64,
) -> Option<TaskChange> {
    if task.state.is_final() || task.state == TaskState::Confirm {
        return None;
    }
    let change = |state, progress: i64, desc: &str, retries| TaskChange {
        task_id: task.id.clone(),
        state,
        progress,
        desc: desc.to_owned(),
        retries,
    };
    if let Some(minutes) = job.timeout_minutes {
        // From the first progress report; for a device that never reported, from when the
        // task could start (queued, confirmed, re-run, or its job's scheduled start).
        let waiting_since = task.modified.max(job.started.unwrap_or(task.created));
        let since = task.first_progress.unwrap_or(waiting_since);
        if now >= since.saturating_add(minutes.saturating_mul(MINUTE)) {
            return Some(change(
                TaskState::Failed,
                task.progress,
                TIMED_OUT,
                task.retries,
            ));
        }
    }
    if task.state == TaskState::Queued && *notifications_left <= 0 {
        return None; // waits for the next minute whatever its device does
    }
    let device = world.device(&task.product_key, &task.device)?;
    if !device.online {
        return None;
    }
    match task.state {
        TaskState::Queued => {
            *notifications_left -= 1;
            Some(change(TaskState::Notified, 0, "", task.retries))
        }
        TaskState::Notified => Some(change(
            TaskState::InProgress,
            ids.between(10, 40),
            "",
            task.retries,
        )),
        TaskState::InProgress if device.fails => {
            let retry_after = job.retry_interval.unwrap_or(0).saturating_mul(MINUTE);
            if task.retries > 0 && now < task.modified.saturating_add(retry_after) {
                return None;
            }
            let retries_left = job.retry_count.unwrap_or(0) > task.retries;
            if retries_left && !job.src_versions.is_empty() {
                Some(change(TaskState::InProgress, 0, "", task.retries + 1))
            } else {
                Some(change(
                    TaskState::Failed,
                    task.progress,
                    DEVICE_FAILED,
                    task.retries,
                ))
            }
        }
        TaskState::InProgress => {
            let progress = task.progress + ids.between(20, 50);
            Some(if progress >= 100 {
                change(TaskState::Succeeded, 100, "", task.retries)
            } else {
                change(TaskState::InProgress, progress, "", task.retries)
            })
        }
        TaskState::Confirm | TaskState::Succeeded | TaskState::Failed | TaskState::Canceled => None,
    }
}

/// New tasks of a dynamic job: devices of its product whose module version is one of the
/// job's source versions (`DynamicMode` 2: and changed since the job was created), that have
/// no task in the job, no unfinished task for the module, and were not `claimed` by a newer
/// job in this step (those it takes are added to `claimed`).
fn dynamic_tasks<'w>(
    world: &'w World,
    job: &'w Job,
    now: Millis,
    ids: &mut Ids,
    claimed: &mut HashSet<(&'w str, &'w str, &'w str)>,
) -> Vec<Task> {
    let Some(product) = world.products.get(&job.product_key) else {
        return Vec::new();
    };
    let mut tasks = Vec::new();
    for device in product.devices.values() {
        let Some(version) = device.versions.get(&job.module) else {
            continue;
        };
        if !job.src_versions.contains(version)
            || *version == job.dest_version
            || device.open.contains_key(&job.module)
        {
            continue;
        }
        if job.dynamic_mode == Some(2)
            && device
                .changed
                .get(&job.module)
                .is_none_or(|&at| at <= job.created)
        {
            continue;
        }
        let has_task = !world
            .tasks_of_devices(job, std::slice::from_ref(&device.name))
            .is_empty();
        if has_task
            || !claimed.insert((
                product.product_key.as_str(),
                device.name.as_str(),
                job.module.as_str(),
            ))
        {
            continue;
        }
        tasks.push(new_task(world, job, &device.name, version, now, ids));
    }
    tasks
}

/// A new task of `job` for `device`, currently on `src_version`.
pub(crate) fn new_task(
    world: &World,
    job: &Job,
    device: &str,
    src_version: &str,
    now: Millis,
    ids: &mut Ids,
) -> Task {
    Task {
        id: ids.fresh(IdKind::Task, |id| world.tasks.contains_key(id)),
        job_id: job.id.clone(),
        product_key: job.product_key.clone(),
        device: device.to_owned(),
        src_version: src_version.to_owned(),
        state: if job.need_confirm {
            TaskState::Confirm
        } else {
            TaskState::Queued
        },
        progress: 0,
        desc: String::new(),
        created: now,
        modified: now,
        first_progress: None,
        place: 0,
        retries: 0,
    }
}
