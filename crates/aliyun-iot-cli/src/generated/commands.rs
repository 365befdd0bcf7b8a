// @generated from spec/iot/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// One subcommand per operation of the API.
#[derive(Debug, clap::Subcommand)]
pub enum OperationCommand {
    /// Cancels the update policy of a dynamic update batch, which then turns to the `CANCELED`
    /// state. (CancelOTAStrategyByJob)
    #[command(name = "cancel-ota-strategy-by-job")]
    CancelOtaStrategyByJob(CancelOtaStrategyByJobArgs),

    /// Cancels the update tasks of the named devices for one OTA update package, optionally only
    /// those of one batch. (CancelOTATaskByDevice)
    #[command(name = "cancel-ota-task-by-device")]
    CancelOtaTaskByDevice(CancelOtaTaskByDeviceArgs),

    /// Cancels the device tasks of an OTA update batch (static or dynamic) that are in the chosen
    /// states. (CancelOTATaskByJob)
    #[command(name = "cancel-ota-task-by-job")]
    CancelOtaTaskByJob(CancelOtaTaskByJobArgs),

    /// Confirms device update tasks that wait in the CONFIRM state, so that they proceed.
    /// (ConfirmOTATask)
    #[command(name = "confirm-ota-task")]
    ConfirmOtaTask(ConfirmOtaTaskArgs),

    /// Creates a dynamic update batch, a policy that keeps updating the devices that match it (by
    /// source version, or by dynamic device group) as they come along. (CreateOTADynamicUpgradeJob)
    #[command(name = "create-ota-dynamic-upgrade-job")]
    CreateOtaDynamicUpgradeJob(CreateOtaDynamicUpgradeJobArgs),

    /// Creates an OTA update package from one file uploaded with GenerateOTAUploadURL
    /// (`FirmwareUrl`) or from several (`MultiFiles`). (CreateOTAFirmware)
    #[command(name = "create-ota-firmware")]
    CreateOtaFirmware(CreateOtaFirmwareArgs),

    /// Adds a custom OTA module to a product. (CreateOTAModule)
    #[command(name = "create-ota-module")]
    CreateOtaModule(CreateOtaModuleArgs),

    /// Creates a static update batch, which updates a set of devices chosen when the batch is
    /// created (all devices, named devices, a percentage or a device group).
    /// (CreateOTAStaticUpgradeJob)
    #[command(name = "create-ota-static-upgrade-job")]
    CreateOtaStaticUpgradeJob(CreateOtaStaticUpgradeJobArgs),

    /// Creates a verification batch that installs an OTA update package on 1 to 10 test devices
    /// before it is rolled out. (CreateOTAVerifyJob)
    #[command(name = "create-ota-verify-job")]
    CreateOtaVerifyJob(CreateOtaVerifyJobArgs),

    /// Deletes an OTA update package. (DeleteOTAFirmware)
    #[command(name = "delete-ota-firmware")]
    DeleteOtaFirmware(DeleteOtaFirmwareArgs),

    /// Deletes a custom OTA module of a product. (DeleteOTAModule)
    #[command(name = "delete-ota-module")]
    DeleteOtaModule(DeleteOtaModuleArgs),

    /// Generates the Object Storage Service (OSS) form-upload credentials and the object URL for a
    /// device-list file, whose URL a static update batch then takes as `DnListFileUrl`.
    /// (GenerateDeviceNameListURL)
    #[command(name = "generate-device-name-list-url")]
    GenerateDeviceNameListUrl(GenerateDeviceNameListUrlArgs),

    /// Generates the Object Storage Service (OSS) form-upload credentials and the object URL for
    /// one file of an OTA update package. (GenerateOTAUploadURL)
    #[command(name = "generate-ota-upload-url")]
    GenerateOtaUploadUrl(GenerateOtaUploadUrlArgs),

    /// Lists the OTA update packages of the account, a page at a time, optionally only those of one
    /// product or of one destination version. (ListOTAFirmware)
    #[command(name = "list-ota-firmware")]
    ListOtaFirmware(ListOtaFirmwareArgs),

    /// Lists the update batches of an OTA update package that include a given device, a page at a
    /// time. (ListOTAJobByDevice)
    #[command(name = "list-ota-job-by-device")]
    ListOtaJobByDevice(ListOtaJobByDeviceArgs),

    /// Lists the update batches (verification, static and dynamic) created for an OTA update
    /// package, a page at a time. (ListOTAJobByFirmware)
    #[command(name = "list-ota-job-by-firmware")]
    ListOtaJobByFirmware(ListOtaJobByFirmwareArgs),

    /// Lists the OTA modules of a product, all in one response. (ListOTAModuleByProduct)
    #[command(name = "list-ota-module-by-product")]
    ListOtaModuleByProduct(ListOtaModuleByProductArgs),

    /// Lists the OTA module versions a device has reported, a page at a time.
    /// (ListOTAModuleVersionsByDevice)
    #[command(name = "list-ota-module-versions-by-device")]
    ListOtaModuleVersionsByDevice(ListOtaModuleVersionsByDeviceArgs),

    /// Lists the per-device update tasks of an OTA update batch, a page at a time.
    /// (ListOTATaskByJob)
    #[command(name = "list-ota-task-by-job")]
    ListOtaTaskByJob(ListOtaTaskByJobArgs),

    /// Lists the update tasks of one device that have not finished yet (awaiting confirmation,
    /// queued, notified or in progress), all in one response. (ListOTAUnfinishedTaskByDevice)
    #[command(name = "list-ota-unfinished-task-by-device")]
    ListOtaUnfinishedTaskByDevice(ListOtaUnfinishedTaskByDeviceArgs),

    /// Changes the name, the description or the custom information pushed to devices of an OTA
    /// update package. (ModifyOTAFirmware)
    #[command(name = "modify-ota-firmware")]
    ModifyOtaFirmware(ModifyOtaFirmwareArgs),

    /// Queries the details of an OTA update package. (QueryOTAFirmware)
    #[command(name = "query-ota-firmware")]
    QueryOtaFirmware(QueryOtaFirmwareArgs),

    /// Queries the details of an update batch (verification, static or dynamic). (QueryOTAJob)
    #[command(name = "query-ota-job")]
    QueryOtaJob(QueryOtaJobArgs),

    /// Runs failed or canceled device tasks of an OTA update batch again. (ReupgradeOTATask)
    #[command(name = "reupgrade-ota-task")]
    ReupgradeOtaTask(ReupgradeOtaTaskArgs),

    /// Changes the settings of a running static or dynamic update batch. (UpdateOTAJob)
    #[command(name = "update-ota-job")]
    UpdateOtaJob(UpdateOtaJobArgs),

    /// Changes the alias and the description of an OTA module of a product. (UpdateOTAModule)
    #[command(name = "update-ota-module")]
    UpdateOtaModule(UpdateOtaModuleArgs),
}

impl OperationCommand {
    /// Makes the call (following every page with `--all`).
    pub async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        match self {
            Self::CancelOtaStrategyByJob(args) => args.run(client).await,
            Self::CancelOtaTaskByDevice(args) => args.run(client).await,
            Self::CancelOtaTaskByJob(args) => args.run(client).await,
            Self::ConfirmOtaTask(args) => args.run(client).await,
            Self::CreateOtaDynamicUpgradeJob(args) => args.run(client).await,
            Self::CreateOtaFirmware(args) => args.run(client).await,
            Self::CreateOtaModule(args) => args.run(client).await,
            Self::CreateOtaStaticUpgradeJob(args) => args.run(client).await,
            Self::CreateOtaVerifyJob(args) => args.run(client).await,
            Self::DeleteOtaFirmware(args) => args.run(client).await,
            Self::DeleteOtaModule(args) => args.run(client).await,
            Self::GenerateDeviceNameListUrl(args) => args.run(client).await,
            Self::GenerateOtaUploadUrl(args) => args.run(client).await,
            Self::ListOtaFirmware(args) => args.run(client).await,
            Self::ListOtaJobByDevice(args) => args.run(client).await,
            Self::ListOtaJobByFirmware(args) => args.run(client).await,
            Self::ListOtaModuleByProduct(args) => args.run(client).await,
            Self::ListOtaModuleVersionsByDevice(args) => args.run(client).await,
            Self::ListOtaTaskByJob(args) => args.run(client).await,
            Self::ListOtaUnfinishedTaskByDevice(args) => args.run(client).await,
            Self::ModifyOtaFirmware(args) => args.run(client).await,
            Self::QueryOtaFirmware(args) => args.run(client).await,
            Self::QueryOtaJob(args) => args.run(client).await,
            Self::ReupgradeOtaTask(args) => args.run(client).await,
            Self::UpdateOtaJob(args) => args.run(client).await,
            Self::UpdateOtaModule(args) => args.run(client).await,
        }
    }
}

/// What a subcommand prints: the reply (envelope included) or, with `--all`, every item,
/// as a tree in the API's field names, and the typed reply for dedicated renderings.
pub struct CommandOutput {
    /// The reply or the items, in the API's field names (JSON shapes).
    pub node: wire::Node<'static>,

    /// The typed reply (absent with `--all`).
    pub reply: Option<Box<dyn std::any::Any + Send>>,
}

impl CommandOutput {
    fn reply<T: wire::Reply + Send + 'static>(reply: T) -> Self {
        let payload = wire::to_node(&reply);
        Self {
            node: T::ENVELOPE.wrap(reply.request_id(), payload),
            reply: Some(Box::new(reply)),
        }
    }

    fn items<T: wire::Encode>(items: Vec<T>) -> Self {
        Self {
            node: wire::Node::List(items.iter().map(wire::to_node).collect()),
            reply: None,
        }
    }
}

/// An enum value given on the command line: any value is passed on (the service may know
/// values this build does not).
fn parse_enum<T: for<'a> From<&'a str>>(text: &str) -> Result<T, String> {
    Ok(T::from(text))
}

/// An integer enum value given on the command line.
fn parse_int_enum<T: From<i64>>(text: &str) -> Result<T, String> {
    text.trim()
        .parse::<i64>()
        .map(T::from)
        .map_err(|_| format!("{text:?} is not an integer"))
}

/// One item of a list of structures: a JSON object with the API's field names
/// (`{"Key":"env","Value":"prod"}`) or the short form `Key=env,Value=prod`. A field the
/// structure does not have is refused, so a typo is not silently dropped.
fn parse_item<T: wire::Decode + wire::Encode>(text: &str) -> Result<T, String> {
    let node = if text.trim_start().starts_with(['{', '[']) {
        wire::parse_json(text.as_bytes())
            .map_err(|e| format!("not valid JSON: {}", e.message))?
    } else {
        let mut entries = Vec::new();
        for pair in text.split(',').filter(|p| !p.trim().is_empty()) {
            let (key, value) = pair
                .split_once('=')
                .ok_or_else(|| format!("{pair:?} is not Field=value"))?;
            entries.push((key.trim().into(), wire::Node::Text(value.into())));
        }
        wire::Node::Map(entries)
    };
    let wire::Node::Map(entries) = &node else {
        return Err(
            format!("expected a JSON object or Field=value pairs, found {}", node.kind()),
        );
    };
    let given: Vec<String> = entries
        .iter()
        .filter(|(_, v)| !matches!(v, wire::Node::Null))
        .map(|(k, _)| k.to_string())
        .collect();
    if given.is_empty() {
        return Err("an item needs at least one field".to_owned());
    }
    if let Some(twice) = given.iter().enumerate().find(|(i, k)| given[..*i].contains(k))
    {
        return Err(format!("field {:?} is given twice", twice.1));
    }
    let item = T::decode(node, &wire::Path::root())
        .map_err(|e| format!("{}: {}", e.path, e.message))?;
    let wire::Node::Map(known) = wire::to_node(&item) else {
        return Ok(item);
    };
    if let Some(key) = given.iter().find(|k| !known.iter().any(|(name, _)| name == *k)) {
        return Err(format!("unknown field {key:?}"));
    }
    Ok(item)
}

/// The flags of `cancel-ota-strategy-by-job`.
#[derive(Debug, clap::Args)]
pub struct CancelOtaStrategyByJobArgs {
    /// The ID of the dynamic batch whose policy to cancel. (JobId)
    #[arg(long = "job-id", value_name = "TEXT")]
    pub job_id: String,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl CancelOtaStrategyByJobArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .cancel_ota_strategy_by_job()
            .set_job_id(Some(self.job_id))
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `cancel-ota-task-by-device`.
#[derive(Debug, clap::Args)]
pub struct CancelOtaTaskByDeviceArgs {
    /// The ID of the update package whose tasks are canceled. (FirmwareId)
    #[arg(long = "firmware-id", value_name = "TEXT")]
    pub firmware_id: String,

    /// The ProductKey of the product the devices belong to. (ProductKey)
    #[arg(long = "product-key", value_name = "TEXT")]
    pub product_key: String,

    /// The names of the devices whose tasks are canceled: 1–200 names, without duplicates. Sent
    /// as `DeviceName.1`, `DeviceName.2`, … (singular, unlike ListOTATaskByJob's `DeviceNames`).
    /// Repeat the flag for several values. (DeviceName.N)
    #[arg(long = "device-name", value_name = "TEXT", required = true)]
    pub device_name: Vec<String>,

    /// Only the tasks of this update batch are canceled; when unset, the devices' tasks of every
    /// batch of the package are. (JobId)
    #[arg(long = "job-id", value_name = "TEXT")]
    pub job_id: Option<String>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl CancelOtaTaskByDeviceArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .cancel_ota_task_by_device()
            .set_firmware_id(Some(self.firmware_id))
            .set_product_key(Some(self.product_key))
            .set_device_name(Some(self.device_name))
            .set_job_id(self.job_id)
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `cancel-ota-task-by-job`.
#[derive(Debug, clap::Args)]
pub struct CancelOtaTaskByJobArgs {
    /// The ID of the update batch, static or dynamic. (JobId)
    #[arg(long = "job-id", value_name = "TEXT")]
    pub job_id: String,

    /// Whether to cancel the tasks of a batch scheduled for later (created with `ScheduleTime`).
    /// Defaults to false. (CancelScheduledTask)
    #[arg(long = "cancel-scheduled-task", value_name = "true|false")]
    pub cancel_scheduled_task: Option<bool>,

    /// Whether to cancel tasks waiting to be pushed (QUEUED). When `CancelUnconfirmedTask` is
    /// unset, tasks awaiting confirmation (CONFIRM) are canceled with them. Defaults to false.
    /// (CancelQueuedTask)
    #[arg(long = "cancel-queued-task", value_name = "true|false")]
    pub cancel_queued_task: Option<bool>,

    /// Whether to cancel tasks already pushed to their device (NOTIFIED). Defaults to false.
    /// (CancelNotifiedTask)
    #[arg(long = "cancel-notified-task", value_name = "true|false")]
    pub cancel_notified_task: Option<bool>,

    /// Whether to cancel tasks whose device is updating (IN_PROGRESS). Defaults to false.
    /// (CancelInProgressTask)
    #[arg(long = "cancel-in-progress-task", value_name = "true|false")]
    pub cancel_in_progress_task: Option<bool>,

    /// Whether to cancel tasks awaiting confirmation (CONFIRM). When unset, those tasks follow
    /// `CancelQueuedTask`. (CancelUnconfirmedTask)
    #[arg(long = "cancel-unconfirmed-task", value_name = "true|false")]
    pub cancel_unconfirmed_task: Option<bool>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl CancelOtaTaskByJobArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .cancel_ota_task_by_job()
            .set_job_id(Some(self.job_id))
            .set_cancel_scheduled_task(self.cancel_scheduled_task)
            .set_cancel_queued_task(self.cancel_queued_task)
            .set_cancel_notified_task(self.cancel_notified_task)
            .set_cancel_in_progress_task(self.cancel_in_progress_task)
            .set_cancel_unconfirmed_task(self.cancel_unconfirmed_task)
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `confirm-ota-task`.
#[derive(Debug, clap::Args)]
pub struct ConfirmOtaTaskArgs {
    /// The IDs of the tasks to confirm (1–10 task IDs). Sent as `TaskId.1`, `TaskId.2`, …
    /// Repeat the flag for several values. (TaskId.N)
    #[arg(long = "task-id", value_name = "TEXT", required = true)]
    pub task_id: Vec<String>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl ConfirmOtaTaskArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .confirm_ota_task()
            .set_task_id(Some(self.task_id))
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `create-ota-dynamic-upgrade-job`.
#[derive(Debug, clap::Args)]
pub struct CreateOtaDynamicUpgradeJobArgs {
    /// The ID of the update package to install, as returned by CreateOTAFirmware or listed by
    /// ListOTAFirmware. (FirmwareId)
    #[arg(long = "firmware-id", value_name = "TEXT")]
    pub firmware_id: String,

    /// The ProductKey of the product the update package belongs to. (ProductKey)
    #[arg(long = "product-key", value_name = "TEXT")]
    pub product_key: String,

    /// Update the devices that are on (or later report) one of these versions, at most 10 distinct
    /// ones. Required unless `GroupId` and `GroupType` are given; for a delta package it must be
    /// the package's source version (except for group batches). Sent as `SrcVersion.1`,
    /// `SrcVersion.2`, and so on. Repeat the flag for several values. (SrcVersion.N)
    #[arg(long = "src-version", value_name = "TEXT")]
    pub src_version: Vec<String>,

    /// The ID of the dynamic device group whose devices to update, given with `GroupType` instead
    /// of `SrcVersion`. (GroupId)
    #[arg(long = "group-id", value_name = "TEXT")]
    pub group_id: Option<String>,

    /// The type of the group named by `GroupId`; only `LINK_PLATFORM_DYNAMIC`. Values:
    /// LINK_PLATFORM, LINK_PLATFORM_DYNAMIC. (GroupType)
    #[arg(
        long = "group-type",
        value_name = "VALUE",
        value_parser = parse_enum::<aliyun_iot::create_ota_dynamic_upgrade_job::GroupType>,
    )]
    pub group_type: Option<aliyun_iot::create_ota_dynamic_upgrade_job::GroupType>,

    /// Which devices the policy covers: 1 (the default) updates the devices that qualify now and
    /// keeps watching for more; 2 only updates devices that later report a matching version.
    /// (DynamicMode)
    #[arg(long = "dynamic-mode", value_name = "N")]
    pub dynamic_mode: Option<i64>,

    /// Minutes to wait before retrying a device whose update failed: 0 (at once), 10, 30, 60 or
    /// 1440. Must be smaller than `TimeoutInMinutes`. Unset, failed updates are not retried.
    /// (RetryInterval)
    #[arg(long = "retry-interval", value_name = "N")]
    pub retry_interval: Option<i64>,

    /// How many times a failed update is retried, 1, 2 or 5. Required with `RetryInterval`.
    /// (RetryCount)
    #[arg(long = "retry-count", value_name = "N")]
    pub retry_count: Option<i64>,

    /// How long a device may take to update, 1–1440 minutes; a device that has not finished by
    /// then fails. Unset, there is no time limit. (TimeoutInMinutes)
    #[arg(long = "timeout-in-minutes", value_name = "N")]
    pub timeout_in_minutes: Option<i64>,

    /// How many devices are notified per minute at most, 10–10,000, default 10,000 (older
    /// documentation: 0–1,000, default 1,000). (MaximumPerMinute)
    #[arg(long = "maximum-per-minute", value_name = "N")]
    pub maximum_per_minute: Option<i64>,

    /// What to do with a device that already has a pending update task: 1 (the default) keeps that
    /// task, 2 replaces it with this batch's. Tasks already running are never replaced. 2 cannot be
    /// combined with `MultiModuleMode`. For a group batch it must match the group's existing
    /// dynamic batch. (OverwriteMode)
    #[arg(long = "overwrite-mode", value_name = "N")]
    pub overwrite_mode: Option<i64>,

    /// Whether a device may update several modules at the same time. Default `false`. Requires an
    /// Enterprise or new public instance and devices on C Link SDK 4.x, and cannot be combined with
    /// `OverwriteMode` 2. For a group batch it must match the group's existing dynamic batch.
    /// (MultiModuleMode)
    #[arg(long = "multi-module-mode", value_name = "true|false")]
    pub multi_module_mode: Option<bool>,

    /// Whether each device's update waits for a confirmation from your own app (see
    /// ConfirmOTATask): when `true` the tasks start in the `CONFIRM` state. Default `false`.
    /// (NeedConfirm)
    #[arg(long = "need-confirm", value_name = "true|false")]
    pub need_confirm: Option<bool>,

    /// Whether IoT Platform pushes the update to the online devices in scope. Default `true`.
    /// Devices can ask for the update themselves either way. (NeedPush)
    #[arg(long = "need-push", value_name = "true|false")]
    pub need_push: Option<bool>,

    /// How devices download the package: HTTPS (the default) or MQTT (only in some regions, for
    /// files of at most 16 MB). Values: HTTPS, MQTT. (DownloadProtocol)
    #[arg(
        long = "download-protocol",
        value_name = "VALUE",
        value_parser = parse_enum::<aliyun_iot::create_ota_dynamic_upgrade_job::DownloadProtocol>,
    )]
    pub download_protocol: Option<
        aliyun_iot::create_ota_dynamic_upgrade_job::DownloadProtocol,
    >,

    /// Tags of the batch, at most 10, sent to the devices with the update notification
    /// (`Tag.N.Key`, `Tag.N.Value`, always in pairs). A key has 1–30 characters (letters, digits
    /// and `.`); a value has 1–1,024 characters; keys and values together may not exceed 4,096
    /// characters. One item per flag: a JSON object with the API's field names, or
    /// Field=value,Field=value. (Tag.N)
    #[arg(
        long = "tag",
        value_name = "ITEM",
        value_parser = parse_item::<aliyun_iot::create_ota_dynamic_upgrade_job::OtaTag>,
    )]
    pub tag: Vec<aliyun_iot::create_ota_dynamic_upgrade_job::OtaTag>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl CreateOtaDynamicUpgradeJobArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .create_ota_dynamic_upgrade_job()
            .set_firmware_id(Some(self.firmware_id))
            .set_product_key(Some(self.product_key))
            .set_src_version(Some(self.src_version))
            .set_group_id(self.group_id)
            .set_group_type(self.group_type)
            .set_dynamic_mode(self.dynamic_mode)
            .set_retry_interval(self.retry_interval)
            .set_retry_count(self.retry_count)
            .set_timeout_in_minutes(self.timeout_in_minutes)
            .set_maximum_per_minute(self.maximum_per_minute)
            .set_overwrite_mode(self.overwrite_mode)
            .set_multi_module_mode(self.multi_module_mode)
            .set_need_confirm(self.need_confirm)
            .set_need_push(self.need_push)
            .set_download_protocol(self.download_protocol)
            .set_tag(Some(self.tag))
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `create-ota-firmware`.
#[derive(Debug, clap::Args)]
pub struct CreateOtaFirmwareArgs {
    /// The version the package updates devices to: 1 to 64 characters among letters, digits, `.`,
    /// `-` and `_`. (DestVersion)
    #[arg(long = "dest-version", value_name = "TEXT")]
    pub dest_version: String,

    /// The name of the package, unique in the account: 1 to 40 characters among letters (Chinese
    /// and Japanese included), digits, `-`, `_` and parentheses, starting with a letter or a digit.
    /// (FirmwareName)
    #[arg(long = "firmware-name", value_name = "TEXT")]
    pub firmware_name: String,

    /// The URL of the uploaded file (GenerateOTAUploadURL's `FirmwareUrl`). Required for a
    /// single-file package; leave it unset when `MultiFiles` is given. (FirmwareUrl)
    #[arg(long = "firmware-url", value_name = "TEXT")]
    pub firmware_url: Option<String>,

    /// The files of a multi-file package, at most 20 (sent as `MultiFiles.N.Name`, …). Required
    /// for a multi-file package; leave it empty when `FirmwareUrl` is given. One item per flag: a
    /// JSON object with the API's field names, or Field=value,Field=value. (MultiFiles.N)
    #[arg(
        long = "multi-files",
        value_name = "ITEM",
        value_parser = parse_item::<aliyun_iot::create_ota_firmware::FirmwareFileInput>,
    )]
    pub multi_files: Vec<aliyun_iot::create_ota_firmware::FirmwareFileInput>,

    /// The ProductKey of the product the package belongs to. Optional for the API, although the
    /// console now links every package to a product. (ProductKey)
    #[arg(long = "product-key", value_name = "TEXT")]
    pub product_key: Option<String>,

    /// A description of the package, at most 100 characters. (FirmwareDesc)
    #[arg(long = "firmware-desc", value_name = "TEXT")]
    pub firmware_desc: Option<String>,

    /// The signature of the file, single-file packages only. When unset, the MD5 digest of the
    /// uploaded object is used. (FirmwareSign)
    #[arg(long = "firmware-sign", value_name = "TEXT")]
    pub firmware_sign: Option<String>,

    /// The size of the file in bytes, single-file packages only. When unset, the size of the
    /// uploaded object is used. (FirmwareSize)
    #[arg(long = "firmware-size", value_name = "N")]
    pub firmware_size: Option<i64>,

    /// The digest algorithm of the file signatures; `MD5` when unset. Values: MD5, SHA256.
    /// (SignMethod)
    #[arg(
        long = "sign-method",
        value_name = "VALUE",
        value_parser = parse_enum::<aliyun_iot::create_ota_firmware::SignMethod>,
    )]
    pub sign_method: Option<aliyun_iot::create_ota_firmware::SignMethod>,

    /// Whether the package is a full or a delta package; full (`0`) when unset. Values: 0, 1.
    /// (Type)
    #[arg(
        long = "type",
        value_name = "N",
        value_parser = parse_int_enum::<aliyun_iot::create_ota_firmware::FirmwareType>,
    )]
    pub r#type: Option<aliyun_iot::create_ota_firmware::FirmwareType>,

    /// The version a delta package updates from. Required when `Type` is delta (`1`), and then
    /// different from `DestVersion`; unused for full packages. (SrcVersion)
    #[arg(long = "src-version", value_name = "TEXT")]
    pub src_version: Option<String>,

    /// The OTA module the package belongs to; the module `default` when unset. (ModuleName)
    #[arg(long = "module-name", value_name = "TEXT")]
    pub module_name: Option<String>,

    /// Whether the package must pass a verification batch (CreateOTAVerifyJob) on test devices
    /// before it can be rolled out; `true` when unset. (NeedToVerify)
    #[arg(long = "need-to-verify", value_name = "true|false")]
    pub need_to_verify: Option<bool>,

    /// Custom information pushed to devices with the update notification, free-form, at most 4,096
    /// characters. Unset means none. (Udi)
    #[arg(long = "udi", value_name = "TEXT")]
    pub udi: Option<String>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances): without it the call
    /// fails. Leave it unset for instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl CreateOtaFirmwareArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .create_ota_firmware()
            .set_dest_version(Some(self.dest_version))
            .set_firmware_name(Some(self.firmware_name))
            .set_firmware_url(self.firmware_url)
            .set_multi_files(Some(self.multi_files))
            .set_product_key(self.product_key)
            .set_firmware_desc(self.firmware_desc)
            .set_firmware_sign(self.firmware_sign)
            .set_firmware_size(self.firmware_size)
            .set_sign_method(self.sign_method)
            .set_type(self.r#type)
            .set_src_version(self.src_version)
            .set_module_name(self.module_name)
            .set_need_to_verify(self.need_to_verify)
            .set_udi(self.udi)
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `create-ota-module`.
#[derive(Debug, clap::Args)]
pub struct CreateOtaModuleArgs {
    /// The ProductKey of the product the module is added to. (ProductKey)
    #[arg(long = "product-key", value_name = "TEXT")]
    pub product_key: String,

    /// The name of the new module, 1–64 characters among letters, digits, periods (.), hyphens
    /// (-) and underscores (_). It must be unique within the product, ignoring letter case, and
    /// cannot be changed later. (ModuleName)
    #[arg(long = "module-name", value_name = "TEXT")]
    pub module_name: String,

    /// An alias (display name) for the module, 1–64 characters; Chinese characters are allowed.
    /// (AliasName)
    #[arg(long = "alias-name", value_name = "TEXT")]
    pub alias_name: Option<String>,

    /// A description of the module, at most 100 characters. (Desc)
    #[arg(long = "desc", value_name = "TEXT")]
    pub desc: Option<String>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl CreateOtaModuleArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .create_ota_module()
            .set_product_key(Some(self.product_key))
            .set_module_name(Some(self.module_name))
            .set_alias_name(self.alias_name)
            .set_desc(self.desc)
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `create-ota-static-upgrade-job`.
#[derive(Debug, clap::Args)]
pub struct CreateOtaStaticUpgradeJobArgs {
    /// The ID of the update package to install, as returned by CreateOTAFirmware or listed by
    /// ListOTAFirmware. (FirmwareId)
    #[arg(long = "firmware-id", value_name = "TEXT")]
    pub firmware_id: String,

    /// The ProductKey of the product the update package belongs to. (ProductKey)
    #[arg(long = "product-key", value_name = "TEXT")]
    pub product_key: String,

    /// The scope of the batch: every device (`ALL`), named devices (`SPECIFIC`), a percentage of
    /// the devices (`GRAY`) or a device group (`GROUP`). Values: ALL, SPECIFIC, GRAY, GROUP.
    /// (TargetSelection)
    #[arg(
        long = "target-selection",
        value_name = "VALUE",
        value_parser = parse_enum::<aliyun_iot::create_ota_static_upgrade_job::TargetSelection>,
    )]
    pub target_selection: aliyun_iot::create_ota_static_upgrade_job::TargetSelection,

    /// Only update devices currently on one of these versions, at most 10 distinct ones. Only with
    /// the `ALL` and `GRAY` scopes (refused with `SPECIFIC` and `GROUP`); for a delta package it
    /// must be the package's source version. Sent as `SrcVersion.1`, `SrcVersion.2`, and so on.
    /// Repeat the flag for several values. (SrcVersion.N)
    #[arg(long = "src-version", value_name = "TEXT")]
    pub src_version: Vec<String>,

    /// For the `SPECIFIC` scope, the names of the devices to update: at most 200 distinct devices
    /// of the product per call. Give either this or `DnListFileUrl`, not both. Sent as
    /// `TargetDeviceName.1`, `TargetDeviceName.2`, and so on. Repeat the flag for several values.
    /// (TargetDeviceName.N)
    #[arg(long = "target-device-name", value_name = "TEXT")]
    pub target_device_name: Vec<String>,

    /// For the `SPECIFIC` scope, the URL of an uploaded device-list file (see
    /// GenerateDeviceNameListURL), for up to 1,000,000 devices. Give either this or
    /// `TargetDeviceName`, not both. (DnListFileUrl)
    #[arg(long = "dn-list-file-url", value_name = "TEXT")]
    pub dn_list_file_url: Option<String>,

    /// For the `GRAY` scope (and then required), the percentage of devices to update, as a decimal
    /// string with at most 3 decimals. The device count is rounded down and must come to at least
    /// one device. (GrayPercent)
    #[arg(long = "gray-percent", value_name = "TEXT")]
    pub gray_percent: Option<String>,

    /// For the `GROUP` scope (and then required), the ID of the device group. (GroupId)
    #[arg(long = "group-id", value_name = "TEXT")]
    pub group_id: Option<String>,

    /// For the `GROUP` scope (and then required), the group's type; only `LINK_PLATFORM`. Values:
    /// LINK_PLATFORM, LINK_PLATFORM_DYNAMIC. (GroupType)
    #[arg(
        long = "group-type",
        value_name = "VALUE",
        value_parser = parse_enum::<aliyun_iot::create_ota_static_upgrade_job::GroupType>,
    )]
    pub group_type: Option<aliyun_iot::create_ota_static_upgrade_job::GroupType>,

    /// When the batch starts, as a Unix timestamp in milliseconds, from 5 minutes to 7 days ahead.
    /// Unset, the batch starts at once. (ScheduleTime)
    #[arg(long = "schedule-time", value_name = "N")]
    pub schedule_time: Option<i64>,

    /// When the scheduled batch ends, as a Unix timestamp in milliseconds, from 1 hour to 30 days
    /// after `ScheduleTime`. (ScheduleFinishTime)
    #[arg(long = "schedule-finish-time", value_name = "N")]
    pub schedule_finish_time: Option<i64>,

    /// Minutes to wait before retrying a device whose update failed: 0 (at once), 10, 30, 60 or
    /// 1440. Must be smaller than `TimeoutInMinutes`. Unset, failed updates are not retried.
    /// (RetryInterval)
    #[arg(long = "retry-interval", value_name = "N")]
    pub retry_interval: Option<i64>,

    /// How many times a failed update is retried, 1, 2 or 5. Required with `RetryInterval`.
    /// (RetryCount)
    #[arg(long = "retry-count", value_name = "N")]
    pub retry_count: Option<i64>,

    /// How long a device may take to update, 1–1440 minutes; a device that has not finished by
    /// then fails. Unset, there is no time limit. (TimeoutInMinutes)
    #[arg(long = "timeout-in-minutes", value_name = "N")]
    pub timeout_in_minutes: Option<i64>,

    /// How many devices are notified per minute at most, 10–10,000, default 10,000 (older
    /// documentation: 0–1,000, default 1,000). (MaximumPerMinute)
    #[arg(long = "maximum-per-minute", value_name = "N")]
    pub maximum_per_minute: Option<i64>,

    /// What to do with a device that already has a pending update task: 1 (the default) keeps that
    /// task, 2 replaces it with this batch's. Tasks already running are never replaced. 2 cannot be
    /// combined with `MultiModuleMode`. (OverwriteMode)
    #[arg(long = "overwrite-mode", value_name = "N")]
    pub overwrite_mode: Option<i64>,

    /// Whether a device may update several modules at the same time. Default `false`. Requires an
    /// Enterprise or new public instance and devices on C Link SDK 4.x, and cannot be combined with
    /// `OverwriteMode` 2. (MultiModuleMode)
    #[arg(long = "multi-module-mode", value_name = "true|false")]
    pub multi_module_mode: Option<bool>,

    /// Whether each device's update waits for a confirmation from your own app (see
    /// ConfirmOTATask): when `true` the tasks start in the `CONFIRM` state. Default `false`.
    /// (NeedConfirm)
    #[arg(long = "need-confirm", value_name = "true|false")]
    pub need_confirm: Option<bool>,

    /// Whether IoT Platform pushes the update to the online devices in scope. Default `true`.
    /// Devices can ask for the update themselves either way. (NeedPush)
    #[arg(long = "need-push", value_name = "true|false")]
    pub need_push: Option<bool>,

    /// How devices download the package: HTTPS (the default) or MQTT (only in some regions, for
    /// files of at most 16 MB). Values: HTTPS, MQTT. (DownloadProtocol)
    #[arg(
        long = "download-protocol",
        value_name = "VALUE",
        value_parser = parse_enum::<aliyun_iot::create_ota_static_upgrade_job::DownloadProtocol>,
    )]
    pub download_protocol: Option<
        aliyun_iot::create_ota_static_upgrade_job::DownloadProtocol,
    >,

    /// Tags of the batch, at most 10, sent to the devices with the update notification
    /// (`Tag.N.Key`, `Tag.N.Value`, always in pairs). A key has 1–30 characters (letters, digits
    /// and `.`); a value has 1–1,024 characters; keys and values together may not exceed 4,096
    /// characters. One item per flag: a JSON object with the API's field names, or
    /// Field=value,Field=value. (Tag.N)
    #[arg(
        long = "tag",
        value_name = "ITEM",
        value_parser = parse_item::<aliyun_iot::create_ota_static_upgrade_job::OtaTag>,
    )]
    pub tag: Vec<aliyun_iot::create_ota_static_upgrade_job::OtaTag>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl CreateOtaStaticUpgradeJobArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .create_ota_static_upgrade_job()
            .set_firmware_id(Some(self.firmware_id))
            .set_product_key(Some(self.product_key))
            .set_target_selection(Some(self.target_selection))
            .set_src_version(Some(self.src_version))
            .set_target_device_name(Some(self.target_device_name))
            .set_dn_list_file_url(self.dn_list_file_url)
            .set_gray_percent(self.gray_percent)
            .set_group_id(self.group_id)
            .set_group_type(self.group_type)
            .set_schedule_time(self.schedule_time)
            .set_schedule_finish_time(self.schedule_finish_time)
            .set_retry_interval(self.retry_interval)
            .set_retry_count(self.retry_count)
            .set_timeout_in_minutes(self.timeout_in_minutes)
            .set_maximum_per_minute(self.maximum_per_minute)
            .set_overwrite_mode(self.overwrite_mode)
            .set_multi_module_mode(self.multi_module_mode)
            .set_need_confirm(self.need_confirm)
            .set_need_push(self.need_push)
            .set_download_protocol(self.download_protocol)
            .set_tag(Some(self.tag))
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `create-ota-verify-job`.
#[derive(Debug, clap::Args)]
pub struct CreateOtaVerifyJobArgs {
    /// The ID of the update package to verify, as returned by CreateOTAFirmware or listed by
    /// ListOTAFirmware. (FirmwareId)
    #[arg(long = "firmware-id", value_name = "TEXT")]
    pub firmware_id: String,

    /// The ProductKey of the product the update package belongs to. (ProductKey)
    #[arg(long = "product-key", value_name = "TEXT")]
    pub product_key: String,

    /// The names of the test devices, 1 to 10 distinct devices of that product. Sent as
    /// `TargetDeviceName.1`, `TargetDeviceName.2`, and so on. Repeat the flag for several values.
    /// (TargetDeviceName.N)
    #[arg(long = "target-device-name", value_name = "TEXT", required = true)]
    pub target_device_name: Vec<String>,

    /// How long a device may take to update, 1–1440 minutes; a device that has not finished by
    /// then fails. (TimeoutInMinutes)
    #[arg(long = "timeout-in-minutes", value_name = "N")]
    pub timeout_in_minutes: Option<i64>,

    /// Whether each device's update waits for a confirmation from your own app (see
    /// ConfirmOTATask): when `true` the tasks start in the `CONFIRM` state. Default `false`.
    /// (NeedConfirm)
    #[arg(long = "need-confirm", value_name = "true|false")]
    pub need_confirm: Option<bool>,

    /// Whether IoT Platform pushes the update to the online devices in scope. Default `true`.
    /// Devices can ask for the update themselves either way. (NeedPush)
    #[arg(long = "need-push", value_name = "true|false")]
    pub need_push: Option<bool>,

    /// How devices download the package: HTTPS (the default) or MQTT (only in cn-shanghai,
    /// cn-beijing and cn-shenzhen, for files of at most 16 MB). Values: HTTPS, MQTT.
    /// (DownloadProtocol)
    #[arg(
        long = "download-protocol",
        value_name = "VALUE",
        value_parser = parse_enum::<aliyun_iot::create_ota_verify_job::DownloadProtocol>,
    )]
    pub download_protocol: Option<aliyun_iot::create_ota_verify_job::DownloadProtocol>,

    /// Tags of the batch, at most 10, sent to the devices with the update notification
    /// (`Tag.N.Key`, `Tag.N.Value`, always in pairs). A key has 1–30 characters (letters, digits
    /// and `.`); a value has 1–1,024 characters; keys and values together may not exceed 4,096
    /// characters. One item per flag: a JSON object with the API's field names, or
    /// Field=value,Field=value. (Tag.N)
    #[arg(
        long = "tag",
        value_name = "ITEM",
        value_parser = parse_item::<aliyun_iot::create_ota_verify_job::OtaTag>,
    )]
    pub tag: Vec<aliyun_iot::create_ota_verify_job::OtaTag>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl CreateOtaVerifyJobArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .create_ota_verify_job()
            .set_firmware_id(Some(self.firmware_id))
            .set_product_key(Some(self.product_key))
            .set_target_device_name(Some(self.target_device_name))
            .set_timeout_in_minutes(self.timeout_in_minutes)
            .set_need_confirm(self.need_confirm)
            .set_need_push(self.need_push)
            .set_download_protocol(self.download_protocol)
            .set_tag(Some(self.tag))
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `delete-ota-firmware`.
#[derive(Debug, clap::Args)]
pub struct DeleteOtaFirmwareArgs {
    /// The unique ID of the OTA update package, as returned by CreateOTAFirmware or listed by
    /// ListOTAFirmware. (FirmwareId)
    #[arg(long = "firmware-id", value_name = "TEXT")]
    pub firmware_id: String,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances): without it the call
    /// fails. Leave it unset for instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl DeleteOtaFirmwareArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .delete_ota_firmware()
            .set_firmware_id(Some(self.firmware_id))
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `delete-ota-module`.
#[derive(Debug, clap::Args)]
pub struct DeleteOtaModuleArgs {
    /// The ProductKey of the product the module belongs to. (ProductKey)
    #[arg(long = "product-key", value_name = "TEXT")]
    pub product_key: String,

    /// The name of the custom module to delete. (ModuleName)
    #[arg(long = "module-name", value_name = "TEXT")]
    pub module_name: String,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl DeleteOtaModuleArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .delete_ota_module()
            .set_product_key(Some(self.product_key))
            .set_module_name(Some(self.module_name))
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `generate-device-name-list-url`.
#[derive(Debug, clap::Args)]
pub struct GenerateDeviceNameListUrlArgs {
    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances): without it the call
    /// fails. Leave it unset for instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl GenerateDeviceNameListUrlArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .generate_device_name_list_url()
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `generate-ota-upload-url`.
#[derive(Debug, clap::Args)]
pub struct GenerateOtaUploadUrlArgs {
    /// The file name extension of the file to upload; `bin` when unset. Values: bin, dav, apk, tar,
    /// gz, tar.gz, zip, gzip. (FileSuffix)
    #[arg(
        long = "file-suffix",
        value_name = "VALUE",
        value_parser = parse_enum::<aliyun_iot::generate_ota_upload_url::FileSuffix>,
    )]
    pub file_suffix: Option<aliyun_iot::generate_ota_upload_url::FileSuffix>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances): without it the call
    /// fails. Leave it unset for instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl GenerateOtaUploadUrlArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .generate_ota_upload_url()
            .set_file_suffix(self.file_suffix)
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `list-ota-firmware`.
#[derive(Debug, clap::Args)]
pub struct ListOtaFirmwareArgs {
    /// The page to return, from 1. (CurrentPage)
    #[arg(long = "current-page", value_name = "N", required_unless_present = "all")]
    pub current_page: Option<i64>,

    /// Packages per page, at most 100. (PageSize)
    #[arg(long = "page-size", value_name = "N", required_unless_present = "all")]
    pub page_size: Option<i64>,

    /// Only the packages of the product with this ProductKey. Unset lists every package of the
    /// account. (ProductKey)
    #[arg(long = "product-key", value_name = "TEXT")]
    pub product_key: Option<String>,

    /// Only the packages with exactly this destination version. Unset lists every version.
    /// (DestVersion)
    #[arg(long = "dest-version", value_name = "TEXT")]
    pub dest_version: Option<String>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances): without it the call
    /// fails. Leave it unset for instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,

    /// Follow every page and print all the items (one JSON array, or one table).
    #[arg(long)]
    pub all: bool,
}

impl ListOtaFirmwareArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .list_ota_firmware()
            .set_current_page(self.current_page)
            .set_page_size(self.page_size)
            .set_product_key(self.product_key)
            .set_dest_version(self.dest_version)
            .set_iot_instance_id(self.iot_instance_id);
        if self.all {
            let items = call.into_paginator()?.collect_items().await?;
            return Ok(CommandOutput::items(items));
        }
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `list-ota-job-by-device`.
#[derive(Debug, clap::Args)]
pub struct ListOtaJobByDeviceArgs {
    /// The ID of the update package, as returned by CreateOTAFirmware or listed by ListOTAFirmware.
    /// (FirmwareId)
    #[arg(long = "firmware-id", value_name = "TEXT")]
    pub firmware_id: String,

    /// The ProductKey of the product the device belongs to. (ProductKey)
    #[arg(long = "product-key", value_name = "TEXT")]
    pub product_key: String,

    /// The name of the device. (DeviceName)
    #[arg(long = "device-name", value_name = "TEXT")]
    pub device_name: String,

    /// The page to return, from 1. (CurrentPage)
    #[arg(long = "current-page", value_name = "N", required_unless_present = "all")]
    pub current_page: Option<i64>,

    /// How many batches a page holds, at most 100. (PageSize)
    #[arg(long = "page-size", value_name = "N", required_unless_present = "all")]
    pub page_size: Option<i64>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,

    /// Follow every page and print all the items (one JSON array, or one table).
    #[arg(long)]
    pub all: bool,
}

impl ListOtaJobByDeviceArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .list_ota_job_by_device()
            .set_firmware_id(Some(self.firmware_id))
            .set_product_key(Some(self.product_key))
            .set_device_name(Some(self.device_name))
            .set_current_page(self.current_page)
            .set_page_size(self.page_size)
            .set_iot_instance_id(self.iot_instance_id);
        if self.all {
            let items = call.into_paginator()?.collect_items().await?;
            return Ok(CommandOutput::items(items));
        }
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `list-ota-job-by-firmware`.
#[derive(Debug, clap::Args)]
pub struct ListOtaJobByFirmwareArgs {
    /// The ID of the update package, as returned by CreateOTAFirmware or listed by ListOTAFirmware.
    /// (FirmwareId)
    #[arg(long = "firmware-id", value_name = "TEXT")]
    pub firmware_id: String,

    /// The page to return, from 1. (CurrentPage)
    #[arg(long = "current-page", value_name = "N", required_unless_present = "all")]
    pub current_page: Option<i64>,

    /// How many batches a page holds, at most 200. (PageSize)
    #[arg(long = "page-size", value_name = "N", required_unless_present = "all")]
    pub page_size: Option<i64>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,

    /// Follow every page and print all the items (one JSON array, or one table).
    #[arg(long)]
    pub all: bool,
}

impl ListOtaJobByFirmwareArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .list_ota_job_by_firmware()
            .set_firmware_id(Some(self.firmware_id))
            .set_current_page(self.current_page)
            .set_page_size(self.page_size)
            .set_iot_instance_id(self.iot_instance_id);
        if self.all {
            let items = call.into_paginator()?.collect_items().await?;
            return Ok(CommandOutput::items(items));
        }
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `list-ota-module-by-product`.
#[derive(Debug, clap::Args)]
pub struct ListOtaModuleByProductArgs {
    /// The ProductKey of the product whose modules are listed. (ProductKey)
    #[arg(long = "product-key", value_name = "TEXT")]
    pub product_key: String,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl ListOtaModuleByProductArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .list_ota_module_by_product()
            .set_product_key(Some(self.product_key))
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `list-ota-module-versions-by-device`.
#[derive(Debug, clap::Args)]
pub struct ListOtaModuleVersionsByDeviceArgs {
    /// The page to return, from 1. (CurrentPage)
    #[arg(long = "current-page", value_name = "N", required_unless_present = "all")]
    pub current_page: Option<i64>,

    /// Modules per page, at most 200. (PageSize)
    #[arg(long = "page-size", value_name = "N", required_unless_present = "all")]
    pub page_size: Option<i64>,

    /// The IoT Platform ID of the device. Give it, or `ProductKey` and `DeviceName`; when both are
    /// given, `IotId` wins. (IotId)
    #[arg(long = "iot-id", value_name = "TEXT")]
    pub iot_id: Option<String>,

    /// The ProductKey of the device's product; used together with `DeviceName` when `IotId` is
    /// unset. (ProductKey)
    #[arg(long = "product-key", value_name = "TEXT")]
    pub product_key: Option<String>,

    /// The name of the device; used together with `ProductKey` when `IotId` is unset. (DeviceName)
    #[arg(long = "device-name", value_name = "TEXT")]
    pub device_name: Option<String>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,

    /// Follow every page and print all the items (one JSON array, or one table).
    #[arg(long)]
    pub all: bool,
}

impl ListOtaModuleVersionsByDeviceArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .list_ota_module_versions_by_device()
            .set_current_page(self.current_page)
            .set_page_size(self.page_size)
            .set_iot_id(self.iot_id)
            .set_product_key(self.product_key)
            .set_device_name(self.device_name)
            .set_iot_instance_id(self.iot_instance_id);
        if self.all {
            let items = call.into_paginator()?.collect_items().await?;
            return Ok(CommandOutput::items(items));
        }
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `list-ota-task-by-job`.
#[derive(Debug, clap::Args)]
pub struct ListOtaTaskByJobArgs {
    /// The ID of the update batch whose tasks are listed. (JobId)
    #[arg(long = "job-id", value_name = "TEXT")]
    pub job_id: String,

    /// The page to return, from 1. `CurrentPage` times `PageSize` may not exceed 100,000. Ignored
    /// when `DeviceNames` is given. (CurrentPage)
    #[arg(long = "current-page", value_name = "N")]
    pub current_page: Option<i64>,

    /// Tasks per page, at most 100. Ignored when `DeviceNames` is given. (PageSize)
    #[arg(long = "page-size", value_name = "N")]
    pub page_size: Option<i64>,

    /// Only tasks in this state are returned; when unset, tasks in every state are. Values:
    /// CONFIRM, QUEUED, NOTIFIED, IN_PROGRESS, SUCCEEDED, FAILED, CANCELED. (TaskStatus)
    #[arg(
        long = "task-status",
        value_name = "VALUE",
        value_parser = parse_enum::<aliyun_iot::list_ota_task_by_job::TaskStatus>,
    )]
    pub task_status: Option<aliyun_iot::list_ota_task_by_job::TaskStatus>,

    /// Only the tasks of these devices are returned: at most 50 names; when given, paging is
    /// ignored. Repeat the flag for several values. (DeviceNames.N)
    #[arg(long = "device-names", value_name = "TEXT")]
    pub device_names: Vec<String>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,

    /// Follow every page and print all the items (one JSON array, or one table).
    #[arg(long)]
    pub all: bool,
}

impl ListOtaTaskByJobArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .list_ota_task_by_job()
            .set_job_id(Some(self.job_id))
            .set_current_page(self.current_page)
            .set_page_size(self.page_size)
            .set_task_status(self.task_status)
            .set_device_names(Some(self.device_names))
            .set_iot_instance_id(self.iot_instance_id);
        if self.all {
            let items = call.into_paginator()?.collect_items().await?;
            return Ok(CommandOutput::items(items));
        }
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `list-ota-unfinished-task-by-device`.
#[derive(Debug, clap::Args)]
pub struct ListOtaUnfinishedTaskByDeviceArgs {
    /// The IoT Platform ID of the device. Give it, or `ProductKey` and `DeviceName`; when both are
    /// given, `IotId` wins. (IotId)
    #[arg(long = "iot-id", value_name = "TEXT")]
    pub iot_id: Option<String>,

    /// The ProductKey of the device's product; used together with `DeviceName` when `IotId` is
    /// unset. (ProductKey)
    #[arg(long = "product-key", value_name = "TEXT")]
    pub product_key: Option<String>,

    /// The name of the device; used together with `ProductKey` when `IotId` is unset. (DeviceName)
    #[arg(long = "device-name", value_name = "TEXT")]
    pub device_name: Option<String>,

    /// Only tasks of this OTA module are returned; when unset, tasks of every module are.
    /// (ModuleName)
    #[arg(long = "module-name", value_name = "TEXT")]
    pub module_name: Option<String>,

    /// Only tasks in this state are returned. One of the unfinished states (CONFIRM, QUEUED,
    /// NOTIFIED, IN_PROGRESS); set this or `TaskStatusList`. Values: CONFIRM, QUEUED, NOTIFIED,
    /// IN_PROGRESS, SUCCEEDED, FAILED, CANCELED. (TaskStatus)
    #[arg(
        long = "task-status",
        value_name = "VALUE",
        value_parser = parse_enum::<aliyun_iot::list_ota_unfinished_task_by_device::TaskStatus>,
    )]
    pub task_status: Option<aliyun_iot::list_ota_unfinished_task_by_device::TaskStatus>,

    /// Only tasks in one of these states are returned. Each must be an unfinished state (CONFIRM,
    /// QUEUED, NOTIFIED, IN_PROGRESS); set this or `TaskStatus`. Values: CONFIRM, QUEUED, NOTIFIED,
    /// IN_PROGRESS, SUCCEEDED, FAILED, CANCELED. Repeat the flag for several values.
    /// (TaskStatusList.N)
    #[arg(
        long = "task-status-list",
        value_name = "VALUE",
        value_parser = parse_enum::<aliyun_iot::list_ota_unfinished_task_by_device::TaskStatus>,
    )]
    pub task_status_list: Vec<
        aliyun_iot::list_ota_unfinished_task_by_device::TaskStatus,
    >,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl ListOtaUnfinishedTaskByDeviceArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .list_ota_unfinished_task_by_device()
            .set_iot_id(self.iot_id)
            .set_product_key(self.product_key)
            .set_device_name(self.device_name)
            .set_module_name(self.module_name)
            .set_task_status(self.task_status)
            .set_task_status_list(Some(self.task_status_list))
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `modify-ota-firmware`.
#[derive(Debug, clap::Args)]
pub struct ModifyOtaFirmwareArgs {
    /// The unique ID of the OTA update package, as returned by CreateOTAFirmware or listed by
    /// ListOTAFirmware. (FirmwareId)
    #[arg(long = "firmware-id", value_name = "TEXT")]
    pub firmware_id: String,

    /// The ProductKey of the product the package belongs to. (ProductKey)
    #[arg(long = "product-key", value_name = "TEXT")]
    pub product_key: String,

    /// The new name of the package, unique in the account, with the rules of CreateOTAFirmware (1
    /// to 40 characters). (FirmwareName)
    #[arg(long = "firmware-name", value_name = "TEXT")]
    pub firmware_name: Option<String>,

    /// The new description of the package, at most 100 characters. (FirmwareDesc)
    #[arg(long = "firmware-desc", value_name = "TEXT")]
    pub firmware_desc: Option<String>,

    /// The new custom information pushed to devices with the update notification, at most 4,096
    /// characters (the field CreateOTAFirmware calls `Udi`). (FirmwareUdi)
    #[arg(long = "firmware-udi", value_name = "TEXT")]
    pub firmware_udi: Option<String>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances): without it the call
    /// fails. Leave it unset for instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl ModifyOtaFirmwareArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .modify_ota_firmware()
            .set_firmware_id(Some(self.firmware_id))
            .set_product_key(Some(self.product_key))
            .set_firmware_name(self.firmware_name)
            .set_firmware_desc(self.firmware_desc)
            .set_firmware_udi(self.firmware_udi)
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `query-ota-firmware`.
#[derive(Debug, clap::Args)]
pub struct QueryOtaFirmwareArgs {
    /// The unique ID of the OTA update package, as returned by CreateOTAFirmware or listed by
    /// ListOTAFirmware. (FirmwareId)
    #[arg(long = "firmware-id", value_name = "TEXT")]
    pub firmware_id: String,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances): without it the call
    /// fails. Leave it unset for instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl QueryOtaFirmwareArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .query_ota_firmware()
            .set_firmware_id(Some(self.firmware_id))
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `query-ota-job`.
#[derive(Debug, clap::Args)]
pub struct QueryOtaJobArgs {
    /// The ID of the batch, as returned when it was created or listed by ListOTAJobByFirmware.
    /// (JobId)
    #[arg(long = "job-id", value_name = "TEXT")]
    pub job_id: String,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl QueryOtaJobArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .query_ota_job()
            .set_job_id(Some(self.job_id))
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `reupgrade-ota-task`.
#[derive(Debug, clap::Args)]
pub struct ReupgradeOtaTaskArgs {
    /// The ID of the update batch (static or dynamic) the tasks belong to. (JobId)
    #[arg(long = "job-id", value_name = "TEXT")]
    pub job_id: String,

    /// The IDs of the tasks to run again (1–10 task IDs), each FAILED or CANCELED. Sent as
    /// `TaskId.1`, `TaskId.2`, … Repeat the flag for several values. (TaskId.N)
    #[arg(long = "task-id", value_name = "TEXT", required = true)]
    pub task_id: Vec<String>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl ReupgradeOtaTaskArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .reupgrade_ota_task()
            .set_job_id(Some(self.job_id))
            .set_task_id(Some(self.task_id))
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `update-ota-job`.
#[derive(Debug, clap::Args)]
pub struct UpdateOtaJobArgs {
    /// The ID of the batch to change. (JobId)
    #[arg(long = "job-id", value_name = "TEXT")]
    pub job_id: String,

    /// How many devices are notified per minute at most, 10–10,000. Required even when it does
    /// not change. (MaximumPerMinute)
    #[arg(long = "maximum-per-minute", value_name = "N")]
    pub maximum_per_minute: i64,

    /// The scope of the batch (`ALL`, `SPECIFIC`, `GRAY` or `GROUP`). Values: ALL, SPECIFIC, GRAY,
    /// GROUP. (TargetSelection)
    #[arg(
        long = "target-selection",
        value_name = "VALUE",
        value_parser = parse_enum::<aliyun_iot::update_ota_job::TargetSelection>,
    )]
    pub target_selection: aliyun_iot::update_ota_job::TargetSelection,

    /// Whether the batch is static (`STATIC`) or dynamic (`DYNAMIC`). Values: STATIC, DYNAMIC.
    /// (UpgradeType)
    #[arg(
        long = "upgrade-type",
        value_name = "VALUE",
        value_parser = parse_enum::<aliyun_iot::update_ota_job::SelectionType>,
    )]
    pub upgrade_type: aliyun_iot::update_ota_job::SelectionType,

    /// The tags of the batch, at most 10, sent as `Tags.N.Key` and `Tags.N.Value` (plural `Tags`,
    /// unlike the create operations), always in pairs. The list replaces the existing tags, so send
    /// the ones to keep again or they are removed. Same limits as at creation: a key has 1–30
    /// characters (letters, digits and `.`); a value has 1–1,024 characters; keys and values
    /// together may not exceed 4,096 characters. One item per flag: a JSON object with the API's
    /// field names, or Field=value,Field=value. (Tags.N)
    #[arg(
        long = "tags",
        value_name = "ITEM",
        value_parser = parse_item::<aliyun_iot::update_ota_job::OtaTag>,
    )]
    pub tags: Vec<aliyun_iot::update_ota_job::OtaTag>,

    /// How long a device may take to update, 1–1440 minutes. Dynamic batches only.
    /// (TimeoutInMinutes)
    #[arg(long = "timeout-in-minutes", value_name = "N")]
    pub timeout_in_minutes: Option<i64>,

    /// The source versions a version-based dynamic batch updates from; ignored for static batches.
    /// Sent as `SrcVersionList.1`, `SrcVersionList.2`, and so on. Repeat the flag for several
    /// values. (SrcVersionList.N)
    #[arg(long = "src-version-list", value_name = "TEXT")]
    pub src_version_list: Vec<String>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl UpdateOtaJobArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .update_ota_job()
            .set_job_id(Some(self.job_id))
            .set_maximum_per_minute(Some(self.maximum_per_minute))
            .set_target_selection(Some(self.target_selection))
            .set_upgrade_type(Some(self.upgrade_type))
            .set_tags(Some(self.tags))
            .set_timeout_in_minutes(self.timeout_in_minutes)
            .set_src_version_list(Some(self.src_version_list))
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}

/// The flags of `update-ota-module`.
#[derive(Debug, clap::Args)]
pub struct UpdateOtaModuleArgs {
    /// The ProductKey of the product the module belongs to. (ProductKey)
    #[arg(long = "product-key", value_name = "TEXT")]
    pub product_key: String,

    /// The name of the module to change. (ModuleName)
    #[arg(long = "module-name", value_name = "TEXT")]
    pub module_name: String,

    /// The new alias (display name) of the module, 1–64 characters. (AliasName)
    #[arg(long = "alias-name", value_name = "TEXT")]
    pub alias_name: Option<String>,

    /// The new description of the module, at most 100 characters. (Desc)
    #[arg(long = "desc", value_name = "TEXT")]
    pub desc: Option<String>,

    /// The ID of the IoT Platform instance (shown on the instance's Overview page). Required when
    /// the instance has an ID (new public instances and Enterprise instances); leave it unset for
    /// instances that have no ID. (IotInstanceId)
    #[arg(long = "iot-instance-id", value_name = "TEXT")]
    pub iot_instance_id: Option<String>,
}

impl UpdateOtaModuleArgs {
    async fn run(
        self,
        client: &aliyun_iot::Client,
    ) -> Result<CommandOutput, aliyun_iot::Error> {
        let call = client
            .update_ota_module()
            .set_product_key(Some(self.product_key))
            .set_module_name(Some(self.module_name))
            .set_alias_name(self.alias_name)
            .set_desc(self.desc)
            .set_iot_instance_id(self.iot_instance_id);
        Ok(CommandOutput::reply(call.send().await?))
    }
}
