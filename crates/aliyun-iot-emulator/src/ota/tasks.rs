//! Device tasks: listing, cancelling, re-running and confirming.

use aliyun_iot::cancel_ota_task_by_device::{
    CancelOtaTaskByDeviceInput, CancelOtaTaskByDeviceResponse,
};
use aliyun_iot::cancel_ota_task_by_job::{CancelOtaTaskByJobInput, CancelOtaTaskByJobResponse};
use aliyun_iot::confirm_ota_task::{ConfirmOtaTaskInput, ConfirmOtaTaskResponse};
use aliyun_iot::list_ota_task_by_job::{ListOtaTaskByJobInput, ListOtaTaskByJobResponse};
use aliyun_iot::list_ota_unfinished_task_by_device::{
    ListOtaUnfinishedTaskByDeviceInput, ListOtaUnfinishedTaskByDeviceResponse,
};
use aliyun_iot::reupgrade_ota_task::{ReupgradeOtaTaskInput, ReupgradeOtaTaskResponse};
use aliyun_iot::types::{SimpleOtaTaskInfo, TaskStatus};
use aliyun_runtime::server::Failure;

use super::firmware::{find_device, find_package, find_product};
use super::jobs::find_job;
use super::{Ota, check_page, same_instance, timestamp};
use crate::codes::{self, illegal, refuse};
use crate::state::{Event, Job, JobKind, JobState, Task, TaskChange, TaskState, World};

/// The most tasks ListOTATaskByJob pages reach (`CurrentPage × PageSize`).
const MAX_PAGED_TASKS: i64 = 100_000;

/// A task as ListOTATaskByJob (`detailed`) or ListOTAUnfinishedTaskByDevice shows it.
fn info(world: &World, job: &Job, task: &Task, detailed: bool) -> SimpleOtaTaskInfo {
    let product = world.products.get(&task.product_key);
    let device = product.and_then(|p| p.devices.get(&task.device));
    let mut item = SimpleOtaTaskInfo::default();
    item.task_id = Some(task.id.clone());
    item.job_id = Some(job.id.clone());
    item.firmware_id = Some(job.firmware_id.clone());
    item.iot_id = device.map(|d| d.iot_id.clone());
    item.device_name = Some(task.device.clone());
    item.product_key = Some(task.product_key.clone());
    item.product_name = product.map(|p| p.product_name.clone());
    item.src_version = Some(task.src_version.clone());
    item.dest_version = Some(job.dest_version.clone());
    item.task_status = Some(TaskStatus::from(task.state.as_str()));
    item.utc_create = timestamp(task.created);
    item.utc_modified = timestamp(task.modified);
    if detailed {
        item.progress = Some(format!("{}.00", task.progress.clamp(0, 100)));
        item.task_desc = Some(task.desc.clone());
        item.timeout = Some(
            job.timeout_minutes
                .map(|t| t.to_string())
                .unwrap_or_default(),
        );
    } else {
        item.module_name = Some(job.module.clone());
    }
    item
}

fn status_of(status: &TaskStatus, field: &str) -> Result<TaskState, Failure> {
    TaskState::parse(status.as_str()).ok_or_else(|| illegal(field, "is not a task status"))
}

pub(super) fn list_by_job(
    ota: &Ota,
    input: ListOtaTaskByJobInput,
) -> Result<ListOtaTaskByJobResponse, Failure> {
    let filter = input
        .task_status
        .as_ref()
        .map(|s| status_of(s, "TaskStatus"))
        .transpose()?;
    if input.device_names.len() > 50 {
        return Err(illegal("DeviceNames", "may list at most 50 devices"));
    }
    let core = ota.read();
    let world = &core.world;
    let job = find_job(world, &input.job_id, input.iot_instance_id.as_deref())?;
    let wanted = |task: &&Task| {
        filter.is_none_or(|s| task.state == s)
            && (input.device_names.is_empty() || input.device_names.contains(&task.device))
    };
    let mut response = ListOtaTaskByJobResponse::default();
    if !input.device_names.is_empty() {
        // Paging is ignored when devices are named.
        let tasks: Vec<&Task> = world
            .tasks_of_devices(job, &input.device_names)
            .into_iter()
            .filter(wanted)
            .collect();
        let total = i64::try_from(tasks.len()).unwrap_or(i64::MAX);
        response.current_page = Some(1);
        response.page_size = Some(total);
        response.page_count = Some(1);
        response.total = Some(total);
        response.data = tasks
            .into_iter()
            .map(|t| info(world, job, t, true))
            .collect();
        return Ok(response);
    }
    let current_page = input.current_page.unwrap_or(1);
    let page_size = input.page_size.unwrap_or(10);
    let (page, size) = check_page(current_page, page_size, 100)?;
    if current_page.saturating_mul(page_size) > MAX_PAGED_TASKS {
        return Err(refuse(
            codes::INVALID_PAGE_PARAMS,
            "CurrentPage times PageSize may not exceed 100000.",
        ));
    }
    let start = (page - 1) * size;
    let (items, total): (Vec<&Task>, usize) = match filter {
        // Without a filter, the page is a slice of the job's task list.
        None => (
            job.tasks
                .iter()
                .skip(start)
                .take(size)
                .filter_map(|id| world.task(id))
                .collect(),
            job.tasks.len(),
        ),
        // With one, a slice of the places of the job's tasks in that state.
        Some(state) => match world.tally(&job.id).map(|tally| tally.in_state(state)) {
            Some(places) => (
                places
                    .iter()
                    .skip(start)
                    .take(size)
                    .filter_map(|&place| job.tasks.get(place))
                    .filter_map(|id| world.task(id))
                    .collect(),
                places.len(),
            ),
            None => (Vec::new(), 0),
        },
    };
    response.current_page = Some(current_page);
    response.page_size = Some(page_size);
    response.page_count = Some(i64::try_from(total.div_ceil(size)).unwrap_or(i64::MAX));
    response.total = Some(i64::try_from(total).unwrap_or(i64::MAX));
    response.data = items
        .into_iter()
        .map(|t| info(world, job, t, true))
        .collect();
    Ok(response)
}

pub(super) fn list_unfinished(
    ota: &Ota,
    input: ListOtaUnfinishedTaskByDeviceInput,
) -> Result<ListOtaUnfinishedTaskByDeviceResponse, Failure> {
    let mut states = Vec::new();
    if let Some(status) = &input.task_status {
        states.push(status_of(status, "TaskStatus")?);
    }
    for (i, status) in input.task_status_list.iter().enumerate() {
        states.push(status_of(status, &format!("TaskStatusList.{}", i + 1))?);
    }
    if states.iter().any(|s| s.is_final()) {
        return Err(illegal(
            "TaskStatus",
            "must be CONFIRM, QUEUED, NOTIFIED or IN_PROGRESS",
        ));
    }
    let core = ota.read();
    let world = &core.world;
    let instance = input.iot_instance_id.as_deref();
    let (_, device) = find_device(
        world,
        input.iot_id.as_deref(),
        input.product_key.as_deref(),
        input.device_name.as_deref(),
        instance,
    )?;
    let mut response = ListOtaUnfinishedTaskByDeviceResponse::default();
    response.data = device
        .open
        .iter()
        .filter(|(module, _)| input.module_name.as_ref().is_none_or(|m| m == *module))
        .filter_map(|(_, id)| world.tasks.get(id))
        .filter(|t| states.is_empty() || states.contains(&t.state))
        .filter_map(|t| Some(info(world, world.jobs.get(&t.job_id)?, t, false)))
        .collect();
    Ok(response)
}

/// A change of `task` to `state`, progress and retries reset, `desc` given.
fn to(task: &Task, state: TaskState, desc: &str) -> TaskChange {
    TaskChange {
        task_id: task.id.clone(),
        state,
        progress: if state == TaskState::Canceled {
            task.progress
        } else {
            0
        },
        desc: desc.to_owned(),
        retries: 0,
    }
}

const CANCELED_BY_USER: &str = "canceled by the user";

pub(super) fn cancel_by_job(
    ota: &Ota,
    input: CancelOtaTaskByJobInput,
) -> Result<CancelOtaTaskByJobResponse, Failure> {
    let flags = [
        input.cancel_scheduled_task,
        input.cancel_queued_task,
        input.cancel_notified_task,
        input.cancel_in_progress_task,
        input.cancel_unconfirmed_task,
    ];
    if flags.iter().all(Option::is_none) {
        return Err(illegal(
            "CancelQueuedTask",
            "or another Cancel*Task flag is required",
        ));
    }
    let yes = |flag: Option<bool>| flag == Some(true);
    // Queued also covers unconfirmed tasks when CancelUnconfirmedTask is not given.
    let unconfirmed = match input.cancel_unconfirmed_task {
        Some(flag) => flag,
        None => yes(input.cancel_queued_task),
    };
    let now = ota.now();
    let mut core = ota.write();
    let world = &core.world;
    let job = find_job(world, &input.job_id, input.iot_instance_id.as_deref())?;
    if job.kind == JobKind::Verify {
        return Err(refuse(
            codes::JOB_STATUS,
            "the tasks of a verification job cannot be canceled.",
        ));
    }
    if job.state.is_final() {
        return Err(refuse(codes::JOB_STATUS, "the job has ended."));
    }
    let scheduled = job.state == JobState::Planned;
    if scheduled && !yes(input.cancel_scheduled_task) {
        return Ok(CancelOtaTaskByJobResponse::default());
    }
    let changes: Vec<TaskChange> = job
        .tasks
        .iter()
        .filter_map(|id| world.tasks.get(id))
        .filter(|t| {
            scheduled && !t.state.is_final()
                || match t.state {
                    TaskState::Confirm => unconfirmed,
                    TaskState::Queued => yes(input.cancel_queued_task),
                    TaskState::Notified => yes(input.cancel_notified_task),
                    TaskState::InProgress => yes(input.cancel_in_progress_task),
                    _ => false,
                }
        })
        .map(|t| to(t, TaskState::Canceled, CANCELED_BY_USER))
        .collect();
    let mut events = Vec::new();
    if scheduled {
        events.push(Event::JobCanceled {
            job_id: job.id.clone(),
        });
    }
    if !changes.is_empty() {
        events.push(Event::TasksChanged(changes));
    }
    core.commit(events, now)?;
    Ok(CancelOtaTaskByJobResponse::default())
}

pub(super) fn cancel_by_device(
    ota: &Ota,
    input: CancelOtaTaskByDeviceInput,
) -> Result<CancelOtaTaskByDeviceResponse, Failure> {
    let names = &input.device_name;
    if names.len() > 200 {
        return Err(illegal("DeviceName", "may list at most 200 devices"));
    }
    let now = ota.now();
    let mut core = ota.write();
    let world = &core.world;
    let instance = input.iot_instance_id.as_deref();
    let package = find_package(world, &input.firmware_id, instance)?;
    let product = find_product(world, &input.product_key, instance)?;
    if let Some(job_id) = &input.job_id {
        let job = find_job(world, job_id, instance)?;
        if job.firmware_id != package.id {
            return Err(illegal("JobId", "is not a job of the package"));
        }
    }
    let mut changes = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            return Err(illegal(
                &format!("DeviceName.{}", i + 1),
                "repeats a device",
            ));
        }
        let device = product.devices.get(name).ok_or_else(|| {
            refuse(
                codes::DEVICE_NOT_FOUND,
                format!("The device {name} does not exist."),
            )
        })?;
        let task = device
            .open
            .values()
            .filter_map(|id| world.tasks.get(id))
            .find(|t| {
                world.jobs.get(&t.job_id).is_some_and(|j| {
                    j.firmware_id == package.id
                        && input.job_id.as_ref().is_none_or(|id| *id == j.id)
                })
            })
            .ok_or_else(|| {
                refuse(
                    codes::TASK_STATUS,
                    format!("The device {name} has no unfinished task of the package."),
                )
            })?;
        changes.push(to(task, TaskState::Canceled, CANCELED_BY_USER));
    }
    core.commit(vec![Event::TasksChanged(changes)], now)?;
    Ok(CancelOtaTaskByDeviceResponse::default())
}

/// The tasks `ids` (1 to 10), found in `world` and seen from `instance`.
fn named_tasks<'w>(
    world: &'w World,
    ids: &[String],
    instance: Option<&str>,
) -> Result<Vec<&'w Task>, Failure> {
    if ids.is_empty() || ids.len() > 10 {
        return Err(illegal("TaskId", "must list 1 to 10 tasks"));
    }
    let mut tasks = Vec::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        if ids[..i].contains(id) {
            return Err(illegal(&format!("TaskId.{}", i + 1), "repeats a task"));
        }
        let not_found = || {
            refuse(
                codes::TASK_NOT_FOUND,
                format!("The task {id} does not exist."),
            )
        };
        let task = world.task(id).ok_or_else(not_found)?;
        let owner = world
            .jobs
            .get(&task.job_id)
            .and_then(|j| j.instance.as_deref());
        if !same_instance(world, instance, owner)? {
            return Err(not_found());
        }
        tasks.push(task);
    }
    Ok(tasks)
}

pub(super) fn reupgrade(
    ota: &Ota,
    input: ReupgradeOtaTaskInput,
) -> Result<ReupgradeOtaTaskResponse, Failure> {
    let now = ota.now();
    let mut core = ota.write();
    let world = &core.world;
    let instance = input.iot_instance_id.as_deref();
    let job = find_job(world, &input.job_id, instance)?;
    if job.kind == JobKind::Verify {
        return Err(refuse(
            codes::JOB_STATUS,
            "the tasks of a verification job cannot be re-run: create a new verification job.",
        ));
    }
    if job.state == JobState::Canceled {
        return Err(refuse(codes::JOB_STATUS, "the job is canceled."));
    }
    let mut changes = Vec::new();
    for task in named_tasks(world, &input.task_id, instance)? {
        if task.job_id != job.id {
            return Err(refuse(
                codes::TASK_NOT_FOUND,
                format!("The task {} is not a task of job {}.", task.id, job.id),
            ));
        }
        if !matches!(task.state, TaskState::Failed | TaskState::Canceled) {
            return Err(refuse(
                codes::TASK_STATUS,
                format!("The task {} has not failed or been canceled.", task.id),
            ));
        }
        let busy = world
            .device(&task.product_key, &task.device)
            .and_then(|d| d.open.get(&job.module));
        if let Some(other) = busy {
            return Err(refuse(
                codes::DEVICE_TASK_EXISTS,
                format!("The device {} has an unfinished task {other}.", task.device),
            ));
        }
        let state = if job.need_confirm {
            TaskState::Confirm
        } else {
            TaskState::Queued
        };
        changes.push(to(task, state, ""));
    }
    core.commit(vec![Event::TasksChanged(changes)], now)?;
    Ok(ReupgradeOtaTaskResponse::default())
}

pub(super) fn confirm(
    ota: &Ota,
    input: ConfirmOtaTaskInput,
) -> Result<ConfirmOtaTaskResponse, Failure> {
    let now = ota.now();
    let mut core = ota.write();
    let world = &core.world;
    let mut changes = Vec::new();
    for task in named_tasks(world, &input.task_id, input.iot_instance_id.as_deref())? {
        if task.state != TaskState::Confirm {
            return Err(refuse(
                codes::TASK_STATUS,
                format!("The task {} is not waiting for confirmation.", task.id),
            ));
        }
        if world
            .jobs
            .get(&task.job_id)
            .is_some_and(|j| j.state == JobState::Planned)
        {
            return Err(refuse(
                codes::JOB_STATUS,
                format!(
                    "The job of task {} has not reached its scheduled start.",
                    task.id
                ),
            ));
        }
        changes.push(to(task, TaskState::Queued, ""));
    }
    core.commit(vec![Event::TasksChanged(changes)], now)?;
    Ok(ConfirmOtaTaskResponse::default())
}
