//! Roll out: static and dynamic update jobs from one builder, returning the job and a watcher.

use aliyun_runtime::jiff::Timestamp;

use super::error::{Step, WorkflowError};
use super::wait::JobWatcher;
use crate::Client;
use crate::types::{DownloadProtocol, GroupType, OtaTag, TargetSelection};

/// The most device names one static job takes.
const MAX_DEVICES: usize = 200;

/// Which devices a rollout updates.
#[derive(Clone, Debug, PartialEq)]
enum Target {
    Unset,
    All,
    Devices(Vec<String>),
    /// `GrayPercent` as sent, or why the percentage given cannot be.
    Gray(Result<String, String>),
    Group(String),
    Dynamic,
    DynamicGroup(String),
}

/// Creates an update job for a package: from [`Client::rollout`].
///
/// Choose the devices with one of [`all`](Self::all), [`devices`](Self::devices),
/// [`gray`](Self::gray) or [`group`](Self::group) (a static job,
/// CreateOTAStaticUpgradeJob), or [`dynamic`](Self::dynamic) /
/// [`dynamic_group`](Self::dynamic_group) (a dynamic job, CreateOTADynamicUpgradeJob, that
/// keeps taking devices as they come to match). The other settings apply to both, except the
/// schedule (static only). The service checks the values; the builder refuses only what cannot
/// be expressed.
#[derive(Clone, Debug)]
#[must_use = "a rollout does nothing until `start` is awaited"]
pub struct RolloutBuilder {
    client: Client,
    firmware_id: String,
    product_key: Option<String>,
    target: Target,
    src_versions: Vec<String>,
    rate_per_minute: Option<i64>,
    schedule: Option<Timestamp>,
    schedule_finish: Option<Timestamp>,
    retries: Option<(i64, i64)>,
    timeout_minutes: Option<i64>,
    tags: Vec<OtaTag>,
    need_confirm: Option<bool>,
    need_push: Option<bool>,
    overwrite: Option<bool>,
    download_protocol: Option<DownloadProtocol>,
    multi_module: Option<bool>,
    only_new_devices: Option<bool>,
    iot_instance_id: Option<String>,
}

/// A job [`RolloutBuilder::start`] created.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Rollout {
    /// The job's ID.
    pub job_id: String,
    /// Whether it is a dynamic job.
    pub dynamic: bool,
    watcher: JobWatcher,
}

impl Rollout {
    /// A watcher of the job (set its polling and progress, then [`JobWatcher::wait`]).
    pub fn watch(&self) -> JobWatcher {
        self.watcher.clone()
    }
}

impl RolloutBuilder {
    pub(crate) fn new(client: Client, firmware_id: String) -> Self {
        Self {
            client,
            firmware_id,
            product_key: None,
            target: Target::Unset,
            src_versions: Vec::new(),
            rate_per_minute: None,
            schedule: None,
            schedule_finish: None,
            retries: None,
            timeout_minutes: None,
            tags: Vec::new(),
            need_confirm: None,
            need_push: None,
            overwrite: None,
            download_protocol: None,
            multi_module: None,
            only_new_devices: None,
            iot_instance_id: None,
        }
    }

    /// The package's product; default read from the package (one QueryOTAFirmware).
    pub fn product_key(mut self, product_key: impl Into<String>) -> Self {
        self.product_key = Some(product_key.into());
        self
    }

    /// Every device of the product (static, `ALL`).
    pub fn all(mut self) -> Self {
        self.target = Target::All;
        self
    }

    /// These devices (static, `SPECIFIC`, at most 200 names).
    pub fn devices<S: Into<String>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.target = Target::Devices(names.into_iter().map(Into::into).collect());
        self
    }

    /// A share of the devices, in percent with at most 3 decimals (static, `GRAY`).
    pub fn gray(mut self, percent: f64) -> Self {
        self.target = Target::Gray(format_percent(percent));
        self
    }

    /// The devices of a group (static, `GROUP`, `LINK_PLATFORM`).
    pub fn group(mut self, group_id: impl Into<String>) -> Self {
        self.target = Target::Group(group_id.into());
        self
    }

    /// A dynamic job over the devices on the [`src_versions`](Self::src_versions), now and as
    /// they come.
    pub fn dynamic(mut self) -> Self {
        self.target = Target::Dynamic;
        self
    }

    /// A dynamic job over a dynamic group (`LINK_PLATFORM_DYNAMIC`).
    pub fn dynamic_group(mut self, group_id: impl Into<String>) -> Self {
        self.target = Target::DynamicGroup(group_id.into());
        self
    }

    /// Only devices on these versions (`SrcVersion.N`; required for [`dynamic`](Self::dynamic),
    /// refused by the service with named devices or a group).
    pub fn src_versions<S: Into<String>>(mut self, versions: impl IntoIterator<Item = S>) -> Self {
        self.src_versions
            .extend(versions.into_iter().map(Into::into));
        self
    }

    /// At most this many devices notified a minute (`MaximumPerMinute`).
    pub fn rate_per_minute(mut self, rate: u32) -> Self {
        self.rate_per_minute = Some(rate.into());
        self
    }

    /// Starts at `start` instead of now (`ScheduleTime`; static jobs).
    pub fn schedule(mut self, start: Timestamp) -> Self {
        self.schedule = Some(start);
        self
    }

    /// Ends the scheduled window at `finish` (`ScheduleFinishTime`; static jobs).
    pub fn schedule_finish(mut self, finish: Timestamp) -> Self {
        self.schedule_finish = Some(finish);
        self
    }

    /// Retries a failed device `count` times, `interval_minutes` apart (`RetryCount`,
    /// `RetryInterval`).
    pub fn retries(mut self, count: u32, interval_minutes: u32) -> Self {
        self.retries = Some((count.into(), interval_minutes.into()));
        self
    }

    /// Fails a device's task not done within this many minutes (`TimeoutInMinutes`).
    pub fn timeout_minutes(mut self, minutes: u32) -> Self {
        self.timeout_minutes = Some(minutes.into());
        self
    }

    /// Adds a tag sent to devices with the update (`Tag.N`).
    pub fn tag(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.tags
            .push(OtaTag::default().with_key(key).with_value(value));
        self
    }

    /// Whether devices' tasks wait for ConfirmOTATask (`NeedConfirm`).
    pub fn need_confirm(mut self, need: bool) -> Self {
        self.need_confirm = Some(need);
        self
    }

    /// Whether the update is pushed to online devices (`NeedPush`, default `true`).
    pub fn need_push(mut self, push: bool) -> Self {
        self.need_push = Some(push);
        self
    }

    /// Whether a device's pending task of another job is replaced (`OverwriteMode` 2).
    pub fn overwrite_pending(mut self, overwrite: bool) -> Self {
        self.overwrite = Some(overwrite);
        self
    }

    /// How devices download the package (`DownloadProtocol`).
    pub fn download_protocol(mut self, protocol: DownloadProtocol) -> Self {
        self.download_protocol = Some(protocol);
        self
    }

    /// Whether several modules update at once (`MultiModuleMode`).
    pub fn multi_module(mut self, multi: bool) -> Self {
        self.multi_module = Some(multi);
        self
    }

    /// Dynamic jobs: only devices that report a new version from now on (`DynamicMode` 2).
    pub fn only_new_devices(mut self, only_new: bool) -> Self {
        self.only_new_devices = Some(only_new);
        self
    }

    /// The instance the package belongs to (`IotInstanceId`).
    pub fn iot_instance_id(mut self, id: impl Into<String>) -> Self {
        self.iot_instance_id = Some(id.into());
        self
    }

    /// Creates the job.
    pub async fn start(self) -> Result<Rollout, WorkflowError> {
        let invalid = |why: &str| Err(WorkflowError::invalid(Step::Prepare, why));
        let dynamic = matches!(self.target, Target::Dynamic | Target::DynamicGroup(_));
        match &self.target {
            Target::Unset => {
                return invalid(
                    "no devices chosen: call .all(), .devices(..), .gray(..), .group(..), .dynamic() or .dynamic_group(..)",
                );
            }
            Target::Devices(names) if names.is_empty() || names.len() > MAX_DEVICES => {
                return invalid(
                    "a static job names 1 to 200 devices: use .all() or .gray(..) for more",
                );
            }
            Target::Gray(Err(why)) => return invalid(why),
            Target::Dynamic if self.src_versions.is_empty() => {
                return invalid(
                    "a dynamic job needs source versions (.src_versions(..)) or a group",
                );
            }
            _ if dynamic && (self.schedule.is_some() || self.schedule_finish.is_some()) => {
                return invalid("a dynamic job cannot be scheduled");
            }
            _ => {}
        }
        let product_key = match &self.product_key {
            Some(key) => key.clone(),
            None => self.package_product().await?,
        };
        let api = |e| WorkflowError::api(Step::CreateJob, e);
        macro_rules! common {
            ($builder:expr) => {
                $builder
                    .firmware_id(&self.firmware_id)
                    .product_key(&product_key)
                    .set_src_version(
                        (!self.src_versions.is_empty()).then(|| self.src_versions.clone()),
                    )
                    .set_maximum_per_minute(self.rate_per_minute)
                    .set_retry_count(self.retries.map(|r| r.0))
                    .set_retry_interval(self.retries.map(|r| r.1))
                    .set_timeout_in_minutes(self.timeout_minutes)
                    .set_tag((!self.tags.is_empty()).then(|| self.tags.clone()))
                    .set_need_confirm(self.need_confirm)
                    .set_need_push(self.need_push)
                    .set_overwrite_mode(self.overwrite.map(|o| if o { 2 } else { 1 }))
                    .set_download_protocol(self.download_protocol.clone())
                    .set_multi_module_mode(self.multi_module)
                    .set_iot_instance_id(self.iot_instance_id.clone())
            };
        }
        let created = if dynamic {
            let mut builder = common!(self.client.create_ota_dynamic_upgrade_job())
                .set_dynamic_mode(self.only_new_devices.map(|o| if o { 2 } else { 1 }));
            if let Target::DynamicGroup(group) = &self.target {
                builder = builder
                    .group_id(group)
                    .group_type(GroupType::LinkPlatformDynamic);
            }
            builder.send().await.map_err(api)?.data
        } else {
            let mut builder = common!(self.client.create_ota_static_upgrade_job())
                .set_schedule_time(self.schedule.map(|t| t.as_millisecond()))
                .set_schedule_finish_time(self.schedule_finish.map(|t| t.as_millisecond()));
            builder = match &self.target {
                Target::Devices(names) => builder
                    .target_selection(TargetSelection::Specific)
                    .set_target_device_name(Some(names.clone())),
                Target::Gray(Ok(percent)) => builder
                    .target_selection(TargetSelection::Gray)
                    .gray_percent(percent),
                Target::Group(group) => builder
                    .target_selection(TargetSelection::Group)
                    .group_id(group)
                    .group_type(GroupType::LinkPlatform),
                _ => builder.target_selection(TargetSelection::All),
            };
            builder.send().await.map_err(api)?.data
        };
        let job_id = created
            .and_then(|d| d.job_id)
            .ok_or_else(|| WorkflowError::missing(Step::CreateJob, "Data.JobId"))?;
        let watcher = JobWatcher::new(
            self.client.clone(),
            job_id.clone(),
            self.iot_instance_id.clone(),
        );
        Ok(Rollout {
            job_id,
            dynamic,
            watcher,
        })
    }

    /// The package's product key, read from the package.
    async fn package_product(&self) -> Result<String, WorkflowError> {
        super::query_package(
            &self.client,
            &self.firmware_id,
            self.iot_instance_id.as_deref(),
        )
        .await?
        .product_key
        .ok_or_else(|| WorkflowError::missing(Step::QueryPackage, "FirmwareInfo.ProductKey"))
    }
}

/// A percentage as `GrayPercent` takes it (at most 3 decimals, no trailing zeros); why not
/// when it is outside (0, 100] or rounds to 0.
fn format_percent(percent: f64) -> Result<String, String> {
    if !(percent > 0.0 && percent <= 100.0) {
        return Err(format!(
            "the gray percentage must be above 0 and at most 100, not {percent}"
        ));
    }
    let text = format!("{percent:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "0" {
        return Err(format!(
            "the gray percentage {percent} rounds to 0 at 3 decimals: the least is 0.001"
        ));
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::format_percent;

    #[test]
    fn percentages() {
        let ok = |p| format_percent(p).unwrap();
        assert_eq!(ok(50.0), "50");
        assert_eq!(ok(12.5), "12.5");
        assert_eq!(ok(0.0125), "0.013");
        assert_eq!(ok(0.0005), "0.001");
        assert_eq!(ok(99.9999), "100");
        assert_eq!(ok(100.0), "100");
        for refused in [0.0, -1.0, f64::NAN, 100.0001, 101.0, f64::INFINITY] {
            assert!(format_percent(refused).is_err(), "{refused}");
        }
        let why = format_percent(0.0004).unwrap_err();
        assert!(why.contains("rounds to 0"), "{why}");
    }
}
