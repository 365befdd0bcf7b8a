//! Jobs (update batches): verification, static and dynamic jobs, queries and changes.

use aliyun_iot::cancel_ota_strategy_by_job::{
    CancelOtaStrategyByJobInput, CancelOtaStrategyByJobResponse,
};
use aliyun_iot::create_ota_dynamic_upgrade_job::{
    CreateOtaDynamicUpgradeJobInput, CreateOtaDynamicUpgradeJobResponse,
};
use aliyun_iot::create_ota_static_upgrade_job::{
    CreateOtaStaticUpgradeJobInput, CreateOtaStaticUpgradeJobResponse,
};
use aliyun_iot::create_ota_verify_job::{CreateOtaVerifyJobInput, CreateOtaVerifyJobResponse};
use aliyun_iot::list_ota_job_by_device::{ListOtaJobByDeviceInput, ListOtaJobByDeviceResponse};
use aliyun_iot::list_ota_job_by_firmware::{
    ListOtaJobByFirmwareInput, ListOtaJobByFirmwareResponse,
};
use aliyun_iot::query_ota_job::{OtaJobInfo, QueryOtaJobInput, QueryOtaJobResponse};
use aliyun_iot::types::{
    CreatedJob, DownloadProtocol, GroupType, JobStatus, JobType, OtaTag, SelectionType,
    SimpleOtaJobInfo, TargetSelection,
};
use aliyun_iot::update_ota_job::{UpdateOtaJobInput, UpdateOtaJobResponse};
use aliyun_runtime::server::Failure;

use super::firmware::{find_package, find_product};
use super::{Core, Ota, check_page, is_name, page_of, same_instance, timestamp};
use crate::codes::{self, illegal, refuse};
use crate::state::sim::new_task;
use crate::state::{
    Event, IdKind, Ids, Job, JobKind, JobSettings, JobState, Millis, Package, Product, Shared,
    Task, TaskState, World, package_status,
};

const MINUTE: Millis = 60_000;

/// The settings every kind of job shares, as sent.
struct Common<'a> {
    tags: &'a [OtaTag],
    timeout: Option<i64>,
    retry_interval: Option<i64>,
    retry_count: Option<i64>,
    maximum_per_minute: Option<i64>,
    overwrite_mode: Option<i64>,
    multi_module_mode: Option<bool>,
    need_confirm: Option<bool>,
    need_push: Option<bool>,
    download_protocol: Option<&'a DownloadProtocol>,
}

/// The [`Common`] settings of an update job's input (static and dynamic inputs name them
/// alike).
macro_rules! common_settings {
    ($input:expr) => {
        Common {
            tags: &$input.tag,
            timeout: $input.timeout_in_minutes,
            retry_interval: $input.retry_interval,
            retry_count: $input.retry_count,
            maximum_per_minute: $input.maximum_per_minute,
            overwrite_mode: $input.overwrite_mode,
            multi_module_mode: $input.multi_module_mode,
            need_confirm: $input.need_confirm,
            need_push: $input.need_push,
            download_protocol: $input.download_protocol.as_ref(),
        }
    };
}

/// Checks tags: at most 10, keys 1–30 letters, digits and periods, values 1–1,024
/// characters, 4,096 characters in all.
fn check_tags(name: &str, tags: &[OtaTag]) -> Result<Vec<(String, String)>, Failure> {
    if tags.len() > 10 {
        return Err(illegal(name, "may hold at most 10 tags"));
    }
    let mut total = 0usize;
    let mut checked = Vec::with_capacity(tags.len());
    for (i, tag) in tags.iter().enumerate() {
        let field = format!("{name}.{}", i + 1);
        let key = tag.key.as_deref().unwrap_or_default();
        let value = tag.value.as_deref().unwrap_or_default();
        let key_ok = (1..=30).contains(&key.chars().count())
            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
        if !key_ok {
            return Err(illegal(
                &format!("{field}.Key"),
                "must be 1 to 30 letters, digits and periods",
            ));
        }
        if !(1..=1024).contains(&value.chars().count()) {
            return Err(illegal(
                &format!("{field}.Value"),
                "must be 1 to 1024 characters",
            ));
        }
        total += key.chars().count() + value.chars().count();
        checked.push((key.to_owned(), value.to_owned()));
    }
    if total > 4096 {
        return Err(illegal(name, "may hold at most 4096 characters in all"));
    }
    Ok(checked)
}

fn check_timeout(timeout: Option<i64>) -> Result<(), Failure> {
    match timeout {
        Some(t) if !(1..=1440).contains(&t) => {
            Err(illegal("TimeoutInMinutes", "must be from 1 to 1440"))
        }
        _ => Ok(()),
    }
}

fn check_src_versions(versions: &[String], name: &str) -> Result<(), Failure> {
    if versions.len() > 10 {
        return Err(illegal(name, "may list at most 10 versions"));
    }
    for (i, v) in versions.iter().enumerate() {
        if !is_name(v, 64) {
            return Err(illegal(
                &format!("{name}.{}", i + 1),
                "is not a valid version",
            ));
        }
        if versions[..i].contains(v) {
            return Err(illegal(&format!("{name}.{}", i + 1), "repeats a version"));
        }
    }
    Ok(())
}

/// A job with the common settings checked and filled in.
fn new_job(
    world: &World,
    ids: &mut Ids,
    package: &Package,
    product: &Product,
    kind: JobKind,
    common: &Common<'_>,
    now: Millis,
) -> Result<Job, Failure> {
    let tags = check_tags("Tag", common.tags)?;
    check_timeout(common.timeout)?;
    if let Some(interval) = common.retry_interval {
        if ![0, 10, 30, 60, 1440].contains(&interval) {
            return Err(illegal("RetryInterval", "must be 0, 10, 30, 60 or 1440"));
        }
        if common.timeout.is_some_and(|t| interval >= t) {
            return Err(illegal(
                "RetryInterval",
                "must be less than TimeoutInMinutes",
            ));
        }
        if common.retry_count.is_none() {
            return Err(illegal("RetryCount", "is required with RetryInterval"));
        }
    }
    if let Some(count) = common.retry_count
        && ![1, 2, 5].contains(&count)
    {
        return Err(illegal("RetryCount", "must be 1, 2 or 5"));
    }
    let maximum_per_minute = common.maximum_per_minute.unwrap_or(10_000);
    if !(10..=10_000).contains(&maximum_per_minute) {
        return Err(illegal("MaximumPerMinute", "must be from 10 to 10000"));
    }
    let overwrite_mode = common.overwrite_mode.unwrap_or(1);
    if overwrite_mode != 1 && overwrite_mode != 2 {
        return Err(illegal("OverwriteMode", "must be 1 or 2"));
    }
    let multi_module_mode = common.multi_module_mode.unwrap_or(false);
    if overwrite_mode == 2 && multi_module_mode {
        return Err(illegal(
            "OverwriteMode",
            "2 cannot be combined with MultiModuleMode",
        ));
    }
    let download_protocol = common
        .download_protocol
        .map_or("HTTPS", DownloadProtocol::as_str);
    if download_protocol != "HTTPS" && download_protocol != "MQTT" {
        return Err(illegal("DownloadProtocol", "must be HTTPS or MQTT"));
    }
    Ok(Job {
        id: ids.fresh(IdKind::Job, |id| world.jobs.contains_key(id)),
        firmware_id: package.id.clone(),
        product_key: product.product_key.clone(),
        instance: product.instance.clone(),
        kind,
        state: JobState::InProgress,
        target: "ALL".to_owned(),
        gray_percent: None,
        group_id: None,
        group_type: None,
        src_versions: Vec::new(),
        dest_version: package.dest_version.clone(),
        module: package.module.clone(),
        tags,
        timeout_minutes: common.timeout,
        retry_interval: common.retry_interval,
        retry_count: common.retry_count,
        maximum_per_minute,
        overwrite_mode,
        dynamic_mode: None,
        multi_module_mode,
        need_push: common.need_push.unwrap_or(true),
        need_confirm: common.need_confirm.unwrap_or(false),
        download_protocol: download_protocol.to_owned(),
        schedule_time: None,
        schedule_finish_time: None,
        created: now,
        modified: now,
        started: Some(now),
        ended: None,
        tasks: Shared::default(),
    })
}

/// The package and product a job creation names, checked together.
fn package_and_product<'w>(
    world: &'w World,
    firmware_id: &str,
    product_key: &str,
    instance: Option<&str>,
) -> Result<(&'w Package, &'w Product), Failure> {
    let package = find_package(world, firmware_id, instance)?;
    let product = find_product(world, product_key, instance)?;
    if package
        .product_key
        .as_deref()
        .is_some_and(|k| k != product_key)
    {
        return Err(illegal("ProductKey", "is not the product of the package"));
    }
    Ok((package, product))
}

/// The tasks of a new job for `devices` (name, current version): a device with an
/// unfinished task for the module gets a failed task, unless the job overwrites it
/// (`OverwriteMode` 2) and it is not in progress yet.
fn tasks_for(
    world: &World,
    core_ids: &mut Ids,
    job: &Job,
    devices: &[(String, String)],
    now: Millis,
) -> Vec<Task> {
    devices
        .iter()
        .map(|(name, version)| {
            let mut task = new_task(world, job, name, version, now, core_ids);
            let open = world
                .device(&job.product_key, name)
                .and_then(|d| d.open.get(&job.module))
                .and_then(|id| world.tasks.get(id));
            if let Some(open) = open {
                let overwrite = job.overwrite_mode == 2 && open.state != TaskState::InProgress;
                if !overwrite {
                    task.state = TaskState::Failed;
                    task.desc = format!(
                        "the device has an unfinished task {} of job {}",
                        open.id, open.job_id
                    );
                }
            }
            task
        })
        .collect()
}

/// Creates `job` with a task for each of `devices` (name, version); answers its identity.
fn commit_job(
    core: &mut Core,
    job: Job,
    devices: &[(String, String)],
    now: Millis,
) -> Result<CreatedJob, Failure> {
    let tasks = tasks_for(&core.world, &mut core.ids, &job, devices, now);
    let mut data = CreatedJob::default();
    data.job_id = Some(job.id.clone());
    data.utc_create = timestamp(now);
    let job = Box::new(job);
    core.commit(vec![Event::JobCreated { job, tasks }], now)?;
    Ok(data)
}

pub(super) fn create_verify(
    ota: &Ota,
    input: CreateOtaVerifyJobInput,
) -> Result<CreateOtaVerifyJobResponse, Failure> {
    let names = &input.target_device_name;
    if names.is_empty() || names.len() > 10 {
        return Err(illegal("TargetDeviceName", "must list 1 to 10 devices"));
    }
    let now = ota.now();
    let mut guard = ota.write();
    let core = &mut *guard;
    let (package, product) = package_and_product(
        &core.world,
        &input.firmware_id,
        &input.product_key,
        input.iot_instance_id.as_deref(),
    )?;
    if !matches!(
        package.status,
        package_status::UNVERIFIED | package_status::FAILED
    ) {
        return Err(refuse(
            codes::VERIFY_STATE,
            "the package is being verified, is verified, or needs no verification.",
        ));
    }
    let devices = named_devices(product, names, "TargetDeviceName", &package.module)?;
    let common = Common {
        tags: &input.tag,
        timeout: input.timeout_in_minutes,
        retry_interval: None,
        retry_count: None,
        maximum_per_minute: None,
        overwrite_mode: None,
        multi_module_mode: None,
        need_confirm: input.need_confirm,
        need_push: input.need_push,
        download_protocol: input.download_protocol.as_ref(),
    };
    let mut job = new_job(
        &core.world,
        &mut core.ids,
        package,
        product,
        JobKind::Verify,
        &common,
        now,
    )?;
    job.target = "SPECIFIC".to_owned();
    let mut response = CreateOtaVerifyJobResponse::default();
    response.data = Some(commit_job(core, job, &devices, now)?);
    Ok(response)
}

/// The named devices of `product` with their version of `module`: 1–200 unique names that
/// exist.
fn named_devices(
    product: &Product,
    names: &[String],
    field: &str,
    module: &str,
) -> Result<Vec<(String, String)>, Failure> {
    if names.len() > 200 {
        return Err(illegal(field, "may list at most 200 devices"));
    }
    let mut devices = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            return Err(illegal(&format!("{field}.{}", i + 1), "repeats a device"));
        }
        let device = product.devices.get(name).ok_or_else(|| {
            refuse(
                codes::DEVICE_NOT_FOUND,
                format!(
                    "The device {name} does not exist in product {}.",
                    product.product_key
                ),
            )
        })?;
        let version = device.versions.get(module).cloned().unwrap_or_default();
        devices.push((name.clone(), version));
    }
    Ok(devices)
}

/// Whether a package may be used by an update job: verified, or needing no verification.
fn check_usable(package: &Package) -> Result<(), Failure> {
    if matches!(
        package.status,
        package_status::VERIFIED | package_status::NO_VERIFICATION
    ) {
        Ok(())
    } else {
        Err(refuse(
            codes::NOT_VERIFIED,
            "the package must be verified (CreateOTAVerifyJob) before an update job.",
        ))
    }
}

/// Checks the source versions of an update job against a delta package's.
fn check_delta(package: &Package, versions: &[String], field: &str) -> Result<(), Failure> {
    if package.kind == 1
        && let Some(src) = &package.src_version
        && versions.iter().any(|v| v != src)
    {
        return Err(illegal(field, "must be the delta package's SrcVersion"));
    }
    Ok(())
}

/// Whether a device on `version` is a candidate for `package` (not on the target version
/// already; on the package's source version for a delta package; on one of `versions` if
/// any are given).
fn candidate(package: &Package, versions: &[String], version: &str) -> bool {
    version != package.dest_version
        && (package.kind != 1 || package.src_version.as_deref() == Some(version))
        && (versions.is_empty() || versions.iter().any(|v| v == version))
}

pub(super) fn create_static(
    ota: &Ota,
    input: CreateOtaStaticUpgradeJobInput,
) -> Result<CreateOtaStaticUpgradeJobResponse, Failure> {
    check_src_versions(&input.src_version, "SrcVersion")?;
    let target = input.target_selection.as_str().to_owned();
    let now = ota.now();
    let mut guard = ota.write();
    let core = &mut *guard;
    let (package, product) = package_and_product(
        &core.world,
        &input.firmware_id,
        &input.product_key,
        input.iot_instance_id.as_deref(),
    )?;
    check_usable(package)?;
    check_delta(package, &input.src_version, "SrcVersion")?;
    let module = package.module.as_str();
    let versions = &input.src_version;
    let everyone = || -> Vec<(String, String)> {
        product
            .devices
            .values()
            .filter_map(|d| {
                let version = d.versions.get(module).map_or("", String::as_str);
                candidate(package, versions, version).then(|| (d.name.clone(), version.to_owned()))
            })
            .collect()
    };
    let devices = match input.target_selection {
        TargetSelection::All => everyone(),
        TargetSelection::Specific => {
            if !versions.is_empty() {
                return Err(illegal(
                    "SrcVersion",
                    "is not allowed with TargetSelection SPECIFIC",
                ));
            }
            if input.dn_list_file_url.is_some() {
                return Err(illegal(
                    "DnListFileUrl",
                    "is not supported by the emulator: list the devices in TargetDeviceName",
                ));
            }
            if input.target_device_name.is_empty() {
                return Err(illegal(
                    "TargetDeviceName",
                    "is required with TargetSelection SPECIFIC",
                ));
            }
            named_devices(
                product,
                &input.target_device_name,
                "TargetDeviceName",
                module,
            )?
            .into_iter()
            .filter(|(_, version)| candidate(package, &[], version))
            .collect()
        }
        TargetSelection::Gray => {
            let text = input
                .gray_percent
                .as_deref()
                .ok_or_else(|| illegal("GrayPercent", "is required with TargetSelection GRAY"))?;
            let percent = parse_percent(text)?;
            let all = everyone();
            let count = (all.len() as f64 * percent / 100.0).floor() as usize;
            if count == 0 {
                return Err(refuse(codes::NO_DEVICE, "GrayPercent selects no device."));
            }
            all.into_iter().take(count).collect()
        }
        TargetSelection::Group => {
            if !versions.is_empty() {
                return Err(illegal(
                    "SrcVersion",
                    "is not allowed with TargetSelection GROUP",
                ));
            }
            if input.group_id.is_none() || input.group_type != Some(GroupType::LinkPlatform) {
                return Err(illegal(
                    "GroupId",
                    "and GroupType LINK_PLATFORM are required with TargetSelection GROUP",
                ));
            }
            return Err(refuse(
                "iot.group.NotExistedGroup",
                "The device group does not exist (the emulator has no device groups).",
            ));
        }
        _ => {
            return Err(illegal(
                "TargetSelection",
                "must be ALL, SPECIFIC, GRAY or GROUP",
            ));
        }
    };
    if devices.is_empty() {
        return Err(refuse(codes::NO_DEVICE, "No device matches the job."));
    }
    let (schedule_time, schedule_finish_time) =
        check_schedule(input.schedule_time, input.schedule_finish_time, now)?;
    let common = common_settings!(input);
    let mut job = new_job(
        &core.world,
        &mut core.ids,
        package,
        product,
        JobKind::Static,
        &common,
        now,
    )?;
    job.target = target;
    job.gray_percent = input.gray_percent.clone();
    job.src_versions = input.src_version.clone();
    if schedule_time.is_some() {
        job.state = JobState::Planned;
        job.started = None;
    }
    job.schedule_time = schedule_time;
    job.schedule_finish_time = schedule_finish_time;
    let mut response = CreateOtaStaticUpgradeJobResponse::default();
    response.data = Some(commit_job(core, job, &devices, now)?);
    Ok(response)
}

/// `GrayPercent`: a number above 0 and at most 100 with at most 3 decimals.
fn parse_percent(text: &str) -> Result<f64, Failure> {
    let bad = || {
        illegal(
            "GrayPercent",
            "must be a percentage above 0 and at most 100, with at most 3 decimals",
        )
    };
    let (whole, decimals) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(decimals) || decimals.len() > 3 {
        return Err(bad());
    }
    let value: f64 = text.parse().map_err(|_| bad())?;
    if !(value > 0.0 && value <= 100.0) {
        return Err(bad());
    }
    Ok(value)
}

/// `ScheduleTime` 5 minutes to 7 days ahead, `ScheduleFinishTime` 1 hour to 30 days after it.
fn check_schedule(
    start: Option<i64>,
    finish: Option<i64>,
    now: Millis,
) -> Result<(Option<Millis>, Option<Millis>), Failure> {
    if let Some(start) = start
        && !(now + 5 * MINUTE..=now + 7 * 24 * 60 * MINUTE).contains(&start)
    {
        return Err(illegal("ScheduleTime", "must be 5 minutes to 7 days ahead"));
    }
    if let Some(finish) = finish {
        let Some(start) = start else {
            return Err(illegal("ScheduleFinishTime", "needs ScheduleTime"));
        };
        if !(start + 60 * MINUTE..=start + 30 * 24 * 60 * MINUTE).contains(&finish) {
            return Err(illegal(
                "ScheduleFinishTime",
                "must be 1 hour to 30 days after ScheduleTime",
            ));
        }
    }
    Ok((start, finish))
}

pub(super) fn create_dynamic(
    ota: &Ota,
    input: CreateOtaDynamicUpgradeJobInput,
) -> Result<CreateOtaDynamicUpgradeJobResponse, Failure> {
    check_src_versions(&input.src_version, "SrcVersion")?;
    if input.group_id.is_some() || input.group_type.is_some() {
        if input.group_type != Some(GroupType::LinkPlatformDynamic) {
            return Err(illegal("GroupType", "must be LINK_PLATFORM_DYNAMIC"));
        }
        return Err(refuse(
            "iot.group.NotExistedGroup",
            "The device group does not exist (the emulator has no device groups).",
        ));
    }
    if input.src_version.is_empty() {
        return Err(illegal(
            "SrcVersion",
            "is required (or GroupId and GroupType)",
        ));
    }
    let mode = input.dynamic_mode.unwrap_or(1);
    if mode != 1 && mode != 2 {
        return Err(illegal("DynamicMode", "must be 1 or 2"));
    }
    let now = ota.now();
    let mut guard = ota.write();
    let core = &mut *guard;
    let (package, product) = package_and_product(
        &core.world,
        &input.firmware_id,
        &input.product_key,
        input.iot_instance_id.as_deref(),
    )?;
    check_usable(package)?;
    check_delta(package, &input.src_version, "SrcVersion")?;
    if core
        .world
        .jobs
        .values()
        .any(|j| j.firmware_id == package.id && j.kind == JobKind::Dynamic && !j.state.is_final())
    {
        return Err(refuse(
            codes::DYNAMIC_JOB_EXISTS,
            "the package already has a running dynamic job.",
        ));
    }
    let common = common_settings!(input);
    let mut job = new_job(
        &core.world,
        &mut core.ids,
        package,
        product,
        JobKind::Dynamic,
        &common,
        now,
    )?;
    job.src_versions = input.src_version.clone();
    job.dynamic_mode = Some(mode);
    // Mode 1 takes the devices that match now; mode 2 waits for devices to report a version.
    let devices: Vec<(String, String)> = if mode == 1 {
        product
            .devices
            .values()
            .filter(|d| !d.open.contains_key(&job.module))
            .filter_map(|d| {
                let version = d.versions.get(&job.module).map_or("", String::as_str);
                candidate(package, &job.src_versions, version)
                    .then(|| (d.name.clone(), version.to_owned()))
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut response = CreateOtaDynamicUpgradeJobResponse::default();
    response.data = Some(commit_job(core, job, &devices, now)?);
    Ok(response)
}

/// The job `id` as seen from `instance` (`iot.ota.JobNotFound` otherwise).
pub(super) fn find_job<'w>(
    world: &'w World,
    id: &str,
    instance: Option<&str>,
) -> Result<&'w Job, Failure> {
    let not_found = || {
        refuse(
            codes::JOB_NOT_FOUND,
            format!("The job {id} does not exist."),
        )
    };
    let job = world.jobs.get(id);
    if !same_instance(world, instance, job.and_then(|j| j.instance.as_deref()))? {
        return Err(not_found());
    }
    job.ok_or_else(not_found)
}

fn job_type(job: &Job) -> JobType {
    match job.kind {
        JobKind::Verify => JobType::VerifyFirmware,
        JobKind::Static | JobKind::Dynamic => JobType::UpgradeFirmware,
    }
}

fn selection_type(job: &Job) -> Option<SelectionType> {
    match job.kind {
        JobKind::Verify => None,
        JobKind::Static => Some(SelectionType::Static),
        JobKind::Dynamic => Some(SelectionType::Dynamic),
    }
}

fn tags_of(job: &Job) -> Vec<OtaTag> {
    job.tags
        .iter()
        .map(|(k, v)| {
            let mut tag = OtaTag::default();
            tag.key = Some(k.clone());
            tag.value = Some(v.clone());
            tag
        })
        .collect()
}

pub(super) fn query(ota: &Ota, input: QueryOtaJobInput) -> Result<QueryOtaJobResponse, Failure> {
    let core = ota.read();
    let job = find_job(&core.world, &input.job_id, input.iot_instance_id.as_deref())?;
    let mut info = OtaJobInfo::default();
    info.job_id = Some(job.id.clone());
    info.firmware_id = Some(job.firmware_id.clone());
    info.product_key = Some(job.product_key.clone());
    info.name = core
        .world
        .packages
        .get(&job.firmware_id)
        .map(|p| p.name.clone());
    info.dest_version = Some(job.dest_version.clone());
    info.job_status = Some(JobStatus::from(job.state.as_str()));
    info.job_type = Some(job_type(job));
    info.selection_type = selection_type(job);
    info.target_selection = Some(TargetSelection::from(job.target.as_str()));
    info.gray_percent.clone_from(&job.gray_percent);
    info.group_id.clone_from(&job.group_id);
    info.download_protocol = Some(DownloadProtocol::from(job.download_protocol.as_str()));
    info.dynamic_mode = job.dynamic_mode;
    info.overwrite_mode = Some(job.overwrite_mode);
    info.maximum_per_minute = Some(job.maximum_per_minute);
    info.retry_count = job.retry_count;
    info.retry_interval = job.retry_interval;
    info.timeout_in_minutes = job.timeout_minutes;
    info.need_push = Some(job.need_push);
    info.need_confirm = Some(job.need_confirm);
    info.multi_module_mode = Some(job.multi_module_mode);
    info.src_versions.clone_from(&job.src_versions);
    info.tags = tags_of(job);
    info.utc_create = timestamp(job.created);
    info.utc_modified = timestamp(job.modified);
    info.utc_start_time = job.started.and_then(timestamp);
    info.utc_end_time = job.ended.and_then(timestamp);
    info.utc_schedule_time = job.schedule_time.and_then(timestamp);
    info.utc_schedule_finish_time = job.schedule_finish_time.and_then(timestamp);
    let mut response = QueryOtaJobResponse::default();
    response.data = Some(info);
    Ok(response)
}

pub(super) fn update(ota: &Ota, input: UpdateOtaJobInput) -> Result<UpdateOtaJobResponse, Failure> {
    let tags = check_tags("Tags", &input.tags)?;
    check_timeout(input.timeout_in_minutes)?;
    check_src_versions(&input.src_version_list, "SrcVersionList")?;
    if !(10..=10_000).contains(&input.maximum_per_minute) {
        return Err(illegal("MaximumPerMinute", "must be from 10 to 10000"));
    }
    let now = ota.now();
    let mut core = ota.write();
    let job = find_job(&core.world, &input.job_id, input.iot_instance_id.as_deref())?;
    if job.state.is_final() {
        return Err(refuse(
            codes::JOB_STATUS,
            "the job has ended and cannot be changed.",
        ));
    }
    if selection_type(job).as_ref() != Some(&input.upgrade_type) {
        return Err(illegal("UpgradeType", "is not the job's kind"));
    }
    if input.target_selection.as_str() != job.target {
        return Err(illegal("TargetSelection", "is not the job's scope"));
    }
    // Tags not re-sent are cleared; the timeout and source versions of a static job are
    // ignored, as the service documents.
    let dynamic = job.kind == JobKind::Dynamic;
    let settings = JobSettings {
        maximum_per_minute: input.maximum_per_minute,
        tags: Some(tags),
        timeout_minutes: input.timeout_in_minutes.filter(|_| dynamic),
        src_versions: (dynamic && !input.src_version_list.is_empty())
            .then_some(input.src_version_list),
    };
    let event = Event::JobUpdated {
        job_id: job.id.clone(),
        settings,
    };
    core.commit(vec![event], now)?;
    Ok(UpdateOtaJobResponse::default())
}

fn summary(job: &Job) -> SimpleOtaJobInfo {
    let mut item = SimpleOtaJobInfo::default();
    item.job_id = Some(job.id.clone());
    item.firmware_id = Some(job.firmware_id.clone());
    item.product_key = Some(job.product_key.clone());
    item.job_status = Some(JobStatus::from(job.state.as_str()));
    item.job_type = Some(job_type(job));
    item.selection_type = selection_type(job);
    item.target_selection = Some(TargetSelection::from(job.target.as_str()));
    item.utc_create = timestamp(job.created);
    item.utc_modified = timestamp(job.modified);
    item.utc_start_time = job.started.and_then(timestamp);
    item.utc_end_time = job.ended.and_then(timestamp);
    item.tags = tags_of(job);
    item
}

/// Jobs newest first.
fn newest_first(mut jobs: Vec<&Job>) -> Vec<&Job> {
    jobs.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| a.id.cmp(&b.id)));
    jobs
}

pub(super) fn list_by_firmware(
    ota: &Ota,
    input: ListOtaJobByFirmwareInput,
) -> Result<ListOtaJobByFirmwareResponse, Failure> {
    let (page, size) = check_page(input.current_page, input.page_size, 200)?;
    let core = ota.read();
    let world = &core.world;
    let package = find_package(world, &input.firmware_id, input.iot_instance_id.as_deref())?;
    let jobs = newest_first(
        world
            .jobs
            .values()
            .filter(|j| j.firmware_id == package.id)
            .collect(),
    );
    let (items, page_count, total) = page_of(jobs, page, size);
    let mut response = ListOtaJobByFirmwareResponse::default();
    response.current_page = Some(input.current_page);
    response.page_size = Some(input.page_size);
    response.page_count = Some(page_count);
    response.total = Some(total);
    response.data = items.into_iter().map(summary).collect();
    Ok(response)
}

pub(super) fn list_by_device(
    ota: &Ota,
    input: ListOtaJobByDeviceInput,
) -> Result<ListOtaJobByDeviceResponse, Failure> {
    let (page, size) = check_page(input.current_page, input.page_size, 100)?;
    let core = ota.read();
    let world = &core.world;
    let instance = input.iot_instance_id.as_deref();
    let package = find_package(world, &input.firmware_id, instance)?;
    let product = find_product(world, &input.product_key, instance)?;
    if !product.devices.contains_key(&input.device_name) {
        return Err(refuse(
            codes::DEVICE_NOT_FOUND,
            format!("The device {} does not exist.", input.device_name),
        ));
    }
    let jobs = newest_first(
        world
            .jobs
            .values()
            .filter(|j| j.firmware_id == package.id && j.product_key == product.product_key)
            .filter(|j| {
                !world
                    .tasks_of_devices(j, std::slice::from_ref(&input.device_name))
                    .is_empty()
            })
            .collect(),
    );
    let (items, page_count, total) = page_of(jobs, page, size);
    let mut response = ListOtaJobByDeviceResponse::default();
    response.current_page = Some(input.current_page);
    response.page_size = Some(input.page_size);
    response.page_count = Some(page_count);
    response.total = Some(total);
    response.data = items.into_iter().map(summary).collect();
    Ok(response)
}

pub(super) fn cancel_strategy(
    ota: &Ota,
    input: CancelOtaStrategyByJobInput,
) -> Result<CancelOtaStrategyByJobResponse, Failure> {
    let now = ota.now();
    let mut core = ota.write();
    let job = find_job(&core.world, &input.job_id, input.iot_instance_id.as_deref())?;
    if job.kind != JobKind::Dynamic {
        return Err(refuse(
            codes::JOB_STATUS,
            "only a dynamic job has an update policy.",
        ));
    }
    if job.state.is_final() {
        return Err(refuse(
            codes::JOB_STATUS,
            "the job's policy is already canceled.",
        ));
    }
    let job_id = job.id.clone();
    core.commit(vec![Event::JobCanceled { job_id }], now)?;
    Ok(CancelOtaStrategyByJobResponse::default())
}
