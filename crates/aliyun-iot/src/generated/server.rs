// @generated from spec/iot/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::query::QueryError;
use aliyun_runtime::server::{Failure, RequestContext};
use aliyun_runtime::{Operation, QueryReader, wire};

impl super::cancel_ota_strategy_by_job::CancelOtaStrategyByJobInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            job_id: r.required("JobId")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::cancel_ota_task_by_device::CancelOtaTaskByDeviceInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            firmware_id: r.required("FirmwareId")?,
            product_key: r.required("ProductKey")?,
            device_name: r.required_list("DeviceName")?,
            job_id: r.read("JobId")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::cancel_ota_task_by_job::CancelOtaTaskByJobInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            job_id: r.required("JobId")?,
            cancel_scheduled_task: r.read("CancelScheduledTask")?,
            cancel_queued_task: r.read("CancelQueuedTask")?,
            cancel_notified_task: r.read("CancelNotifiedTask")?,
            cancel_in_progress_task: r.read("CancelInProgressTask")?,
            cancel_unconfirmed_task: r.read("CancelUnconfirmedTask")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::confirm_ota_task::ConfirmOtaTaskInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            task_id: r.required_list("TaskId")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::create_ota_dynamic_upgrade_job::CreateOtaDynamicUpgradeJobInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            firmware_id: r.required("FirmwareId")?,
            product_key: r.required("ProductKey")?,
            src_version: r.list("SrcVersion")?,
            group_id: r.read("GroupId")?,
            group_type: r.read("GroupType")?,
            dynamic_mode: r.read("DynamicMode")?,
            retry_interval: r.read("RetryInterval")?,
            retry_count: r.read("RetryCount")?,
            timeout_in_minutes: r.read("TimeoutInMinutes")?,
            maximum_per_minute: r.read("MaximumPerMinute")?,
            overwrite_mode: r.read("OverwriteMode")?,
            multi_module_mode: r.read("MultiModuleMode")?,
            need_confirm: r.read("NeedConfirm")?,
            need_push: r.read("NeedPush")?,
            download_protocol: r.read("DownloadProtocol")?,
            tag: r.list("Tag")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::create_ota_firmware::CreateOtaFirmwareInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            dest_version: r.required("DestVersion")?,
            firmware_name: r.required("FirmwareName")?,
            firmware_url: r.read("FirmwareUrl")?,
            multi_files: r.list("MultiFiles")?,
            product_key: r.read("ProductKey")?,
            firmware_desc: r.read("FirmwareDesc")?,
            firmware_sign: r.read("FirmwareSign")?,
            firmware_size: r.read("FirmwareSize")?,
            sign_method: r.read("SignMethod")?,
            r#type: r.read("Type")?,
            src_version: r.read("SrcVersion")?,
            module_name: r.read("ModuleName")?,
            need_to_verify: r.read("NeedToVerify")?,
            udi: r.read("Udi")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::create_ota_module::CreateOtaModuleInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            product_key: r.required("ProductKey")?,
            module_name: r.required("ModuleName")?,
            alias_name: r.read("AliasName")?,
            desc: r.read("Desc")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::create_ota_static_upgrade_job::CreateOtaStaticUpgradeJobInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            firmware_id: r.required("FirmwareId")?,
            product_key: r.required("ProductKey")?,
            target_selection: r.required("TargetSelection")?,
            src_version: r.list("SrcVersion")?,
            target_device_name: r.list("TargetDeviceName")?,
            dn_list_file_url: r.read("DnListFileUrl")?,
            gray_percent: r.read("GrayPercent")?,
            group_id: r.read("GroupId")?,
            group_type: r.read("GroupType")?,
            schedule_time: r.read("ScheduleTime")?,
            schedule_finish_time: r.read("ScheduleFinishTime")?,
            retry_interval: r.read("RetryInterval")?,
            retry_count: r.read("RetryCount")?,
            timeout_in_minutes: r.read("TimeoutInMinutes")?,
            maximum_per_minute: r.read("MaximumPerMinute")?,
            overwrite_mode: r.read("OverwriteMode")?,
            multi_module_mode: r.read("MultiModuleMode")?,
            need_confirm: r.read("NeedConfirm")?,
            need_push: r.read("NeedPush")?,
            download_protocol: r.read("DownloadProtocol")?,
            tag: r.list("Tag")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::create_ota_verify_job::CreateOtaVerifyJobInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            firmware_id: r.required("FirmwareId")?,
            product_key: r.required("ProductKey")?,
            target_device_name: r.required_list("TargetDeviceName")?,
            timeout_in_minutes: r.read("TimeoutInMinutes")?,
            need_confirm: r.read("NeedConfirm")?,
            need_push: r.read("NeedPush")?,
            download_protocol: r.read("DownloadProtocol")?,
            tag: r.list("Tag")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::delete_ota_firmware::DeleteOtaFirmwareInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            firmware_id: r.required("FirmwareId")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::delete_ota_module::DeleteOtaModuleInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            product_key: r.required("ProductKey")?,
            module_name: r.required("ModuleName")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::generate_device_name_list_url::GenerateDeviceNameListUrlInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::generate_ota_upload_url::GenerateOtaUploadUrlInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            file_suffix: r.read("FileSuffix")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::list_ota_firmware::ListOtaFirmwareInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            current_page: r.required("CurrentPage")?,
            page_size: r.required("PageSize")?,
            product_key: r.read("ProductKey")?,
            dest_version: r.read("DestVersion")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::list_ota_job_by_device::ListOtaJobByDeviceInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            firmware_id: r.required("FirmwareId")?,
            product_key: r.required("ProductKey")?,
            device_name: r.required("DeviceName")?,
            current_page: r.required("CurrentPage")?,
            page_size: r.required("PageSize")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::list_ota_job_by_firmware::ListOtaJobByFirmwareInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            firmware_id: r.required("FirmwareId")?,
            current_page: r.required("CurrentPage")?,
            page_size: r.required("PageSize")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::list_ota_module_by_product::ListOtaModuleByProductInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            product_key: r.required("ProductKey")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::list_ota_module_versions_by_device::ListOtaModuleVersionsByDeviceInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            current_page: r.required("CurrentPage")?,
            page_size: r.required("PageSize")?,
            iot_id: r.read("IotId")?,
            product_key: r.read("ProductKey")?,
            device_name: r.read("DeviceName")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::list_ota_task_by_job::ListOtaTaskByJobInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            job_id: r.required("JobId")?,
            current_page: r.read("CurrentPage")?,
            page_size: r.read("PageSize")?,
            task_status: r.read("TaskStatus")?,
            device_names: r.list("DeviceNames")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::list_ota_unfinished_task_by_device::ListOtaUnfinishedTaskByDeviceInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            iot_id: r.read("IotId")?,
            product_key: r.read("ProductKey")?,
            device_name: r.read("DeviceName")?,
            module_name: r.read("ModuleName")?,
            task_status: r.read("TaskStatus")?,
            task_status_list: r.list("TaskStatusList")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::modify_ota_firmware::ModifyOtaFirmwareInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            firmware_id: r.required("FirmwareId")?,
            product_key: r.required("ProductKey")?,
            firmware_name: r.read("FirmwareName")?,
            firmware_desc: r.read("FirmwareDesc")?,
            firmware_udi: r.read("FirmwareUdi")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::query_ota_firmware::QueryOtaFirmwareInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            firmware_id: r.required("FirmwareId")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::query_ota_job::QueryOtaJobInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            job_id: r.required("JobId")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::reupgrade_ota_task::ReupgradeOtaTaskInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            job_id: r.required("JobId")?,
            task_id: r.required_list("TaskId")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::update_ota_job::UpdateOtaJobInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            job_id: r.required("JobId")?,
            maximum_per_minute: r.required("MaximumPerMinute")?,
            target_selection: r.required("TargetSelection")?,
            upgrade_type: r.required("UpgradeType")?,
            tags: r.list("Tags")?,
            timeout_in_minutes: r.read("TimeoutInMinutes")?,
            src_version_list: r.list("SrcVersionList")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

impl super::update_ota_module::UpdateOtaModuleInput {
    /// Reads the input from a request's decoded parameters: a missing required
    /// parameter is `QueryError::Missing`, a value that does not parse
    /// `QueryError::Invalid`.
    pub fn from_query(r: &QueryReader<'_>) -> Result<Self, QueryError> {
        Ok(Self {
            product_key: r.required("ProductKey")?,
            module_name: r.required("ModuleName")?,
            alias_name: r.read("AliasName")?,
            desc: r.read("Desc")?,
            iot_instance_id: r.read("IotInstanceId")?,
        })
    }
}

/// The Iot service, one method per operation. Each method has a default that answers "not
/// implemented", so an implementation (an emulator, a test double) provides only the operations
/// it serves.
pub trait Service: Send + Sync {
    /// `CancelOTAStrategyByJob`: Cancels the update policy of a dynamic update batch, which then
    /// turns to the `CANCELED` state.
    fn cancel_ota_strategy_by_job(
        &self,
        ctx: &RequestContext,
        input: super::cancel_ota_strategy_by_job::CancelOtaStrategyByJobInput,
    ) -> impl Future<
        Output = Result<
            super::cancel_ota_strategy_by_job::CancelOtaStrategyByJobResponse,
            Failure,
        >,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("CancelOTAStrategyByJob"))
        }
    }

    /// `CancelOTATaskByDevice`: Cancels the update tasks of the named devices for one OTA update
    /// package, optionally only those of one batch.
    fn cancel_ota_task_by_device(
        &self,
        ctx: &RequestContext,
        input: super::cancel_ota_task_by_device::CancelOtaTaskByDeviceInput,
    ) -> impl Future<
        Output = Result<
            super::cancel_ota_task_by_device::CancelOtaTaskByDeviceResponse,
            Failure,
        >,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("CancelOTATaskByDevice"))
        }
    }

    /// `CancelOTATaskByJob`: Cancels the device tasks of an OTA update batch (static or dynamic)
    /// that are in the chosen states.
    fn cancel_ota_task_by_job(
        &self,
        ctx: &RequestContext,
        input: super::cancel_ota_task_by_job::CancelOtaTaskByJobInput,
    ) -> impl Future<
        Output = Result<
            super::cancel_ota_task_by_job::CancelOtaTaskByJobResponse,
            Failure,
        >,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("CancelOTATaskByJob"))
        }
    }

    /// `ConfirmOTATask`: Confirms device update tasks that wait in the CONFIRM state, so that they
    /// proceed.
    fn confirm_ota_task(
        &self,
        ctx: &RequestContext,
        input: super::confirm_ota_task::ConfirmOtaTaskInput,
    ) -> impl Future<
        Output = Result<super::confirm_ota_task::ConfirmOtaTaskResponse, Failure>,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("ConfirmOTATask"))
        }
    }

    /// `CreateOTADynamicUpgradeJob`: Creates a dynamic update batch, a policy that keeps updating
    /// the devices that match it (by source version, or by dynamic device group) as they come
    /// along.
    fn create_ota_dynamic_upgrade_job(
        &self,
        ctx: &RequestContext,
        input: super::create_ota_dynamic_upgrade_job::CreateOtaDynamicUpgradeJobInput,
    ) -> impl Future<
        Output = Result<
            super::create_ota_dynamic_upgrade_job::CreateOtaDynamicUpgradeJobResponse,
            Failure,
        >,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("CreateOTADynamicUpgradeJob"))
        }
    }

    /// `CreateOTAFirmware`: Creates an OTA update package from one file uploaded with
    /// GenerateOTAUploadURL (`FirmwareUrl`) or from several (`MultiFiles`).
    fn create_ota_firmware(
        &self,
        ctx: &RequestContext,
        input: super::create_ota_firmware::CreateOtaFirmwareInput,
    ) -> impl Future<
        Output = Result<super::create_ota_firmware::CreateOtaFirmwareResponse, Failure>,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("CreateOTAFirmware"))
        }
    }

    /// `CreateOTAModule`: Adds a custom OTA module to a product.
    fn create_ota_module(
        &self,
        ctx: &RequestContext,
        input: super::create_ota_module::CreateOtaModuleInput,
    ) -> impl Future<
        Output = Result<super::create_ota_module::CreateOtaModuleResponse, Failure>,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("CreateOTAModule"))
        }
    }

    /// `CreateOTAStaticUpgradeJob`: Creates a static update batch, which updates a set of devices
    /// chosen when the batch is created (all devices, named devices, a percentage or a device
    /// group).
    fn create_ota_static_upgrade_job(
        &self,
        ctx: &RequestContext,
        input: super::create_ota_static_upgrade_job::CreateOtaStaticUpgradeJobInput,
    ) -> impl Future<
        Output = Result<
            super::create_ota_static_upgrade_job::CreateOtaStaticUpgradeJobResponse,
            Failure,
        >,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("CreateOTAStaticUpgradeJob"))
        }
    }

    /// `CreateOTAVerifyJob`: Creates a verification batch that installs an OTA update package on 1
    /// to 10 test devices before it is rolled out.
    fn create_ota_verify_job(
        &self,
        ctx: &RequestContext,
        input: super::create_ota_verify_job::CreateOtaVerifyJobInput,
    ) -> impl Future<
        Output = Result<
            super::create_ota_verify_job::CreateOtaVerifyJobResponse,
            Failure,
        >,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("CreateOTAVerifyJob"))
        }
    }

    /// `DeleteOTAFirmware`: Deletes an OTA update package.
    fn delete_ota_firmware(
        &self,
        ctx: &RequestContext,
        input: super::delete_ota_firmware::DeleteOtaFirmwareInput,
    ) -> impl Future<
        Output = Result<super::delete_ota_firmware::DeleteOtaFirmwareResponse, Failure>,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("DeleteOTAFirmware"))
        }
    }

    /// `DeleteOTAModule`: Deletes a custom OTA module of a product.
    fn delete_ota_module(
        &self,
        ctx: &RequestContext,
        input: super::delete_ota_module::DeleteOtaModuleInput,
    ) -> impl Future<
        Output = Result<super::delete_ota_module::DeleteOtaModuleResponse, Failure>,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("DeleteOTAModule"))
        }
    }

    /// `GenerateDeviceNameListURL`: Generates the Object Storage Service (OSS) form-upload
    /// credentials and the object URL for a device-list file, whose URL a static update batch then
    /// takes as `DnListFileUrl`.
    fn generate_device_name_list_url(
        &self,
        ctx: &RequestContext,
        input: super::generate_device_name_list_url::GenerateDeviceNameListUrlInput,
    ) -> impl Future<
        Output = Result<
            super::generate_device_name_list_url::GenerateDeviceNameListUrlResponse,
            Failure,
        >,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("GenerateDeviceNameListURL"))
        }
    }

    /// `GenerateOTAUploadURL`: Generates the Object Storage Service (OSS) form-upload credentials
    /// and the object URL for one file of an OTA update package.
    fn generate_ota_upload_url(
        &self,
        ctx: &RequestContext,
        input: super::generate_ota_upload_url::GenerateOtaUploadUrlInput,
    ) -> impl Future<
        Output = Result<
            super::generate_ota_upload_url::GenerateOtaUploadUrlResponse,
            Failure,
        >,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("GenerateOTAUploadURL"))
        }
    }

    /// `ListOTAFirmware`: Lists the OTA update packages of the account, a page at a time,
    /// optionally only those of one product or of one destination version.
    fn list_ota_firmware(
        &self,
        ctx: &RequestContext,
        input: super::list_ota_firmware::ListOtaFirmwareInput,
    ) -> impl Future<
        Output = Result<super::list_ota_firmware::ListOtaFirmwareResponse, Failure>,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("ListOTAFirmware"))
        }
    }

    /// `ListOTAJobByDevice`: Lists the update batches of an OTA update package that include a given
    /// device, a page at a time.
    fn list_ota_job_by_device(
        &self,
        ctx: &RequestContext,
        input: super::list_ota_job_by_device::ListOtaJobByDeviceInput,
    ) -> impl Future<
        Output = Result<
            super::list_ota_job_by_device::ListOtaJobByDeviceResponse,
            Failure,
        >,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("ListOTAJobByDevice"))
        }
    }

    /// `ListOTAJobByFirmware`: Lists the update batches (verification, static and dynamic) created
    /// for an OTA update package, a page at a time.
    fn list_ota_job_by_firmware(
        &self,
        ctx: &RequestContext,
        input: super::list_ota_job_by_firmware::ListOtaJobByFirmwareInput,
    ) -> impl Future<
        Output = Result<
            super::list_ota_job_by_firmware::ListOtaJobByFirmwareResponse,
            Failure,
        >,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("ListOTAJobByFirmware"))
        }
    }

    /// `ListOTAModuleByProduct`: Lists the OTA modules of a product, all in one response.
    fn list_ota_module_by_product(
        &self,
        ctx: &RequestContext,
        input: super::list_ota_module_by_product::ListOtaModuleByProductInput,
    ) -> impl Future<
        Output = Result<
            super::list_ota_module_by_product::ListOtaModuleByProductResponse,
            Failure,
        >,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("ListOTAModuleByProduct"))
        }
    }

    /// `ListOTAModuleVersionsByDevice`: Lists the OTA module versions a device has reported, a page
    /// at a time.
    fn list_ota_module_versions_by_device(
        &self,
        ctx: &RequestContext,
        input: super::list_ota_module_versions_by_device::ListOtaModuleVersionsByDeviceInput,
    ) -> impl Future<
        Output = Result<
            super::list_ota_module_versions_by_device::ListOtaModuleVersionsByDeviceResponse,
            Failure,
        >,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("ListOTAModuleVersionsByDevice"))
        }
    }

    /// `ListOTATaskByJob`: Lists the per-device update tasks of an OTA update batch, a page at a
    /// time.
    fn list_ota_task_by_job(
        &self,
        ctx: &RequestContext,
        input: super::list_ota_task_by_job::ListOtaTaskByJobInput,
    ) -> impl Future<
        Output = Result<super::list_ota_task_by_job::ListOtaTaskByJobResponse, Failure>,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("ListOTATaskByJob"))
        }
    }

    /// `ListOTAUnfinishedTaskByDevice`: Lists the update tasks of one device that have not finished
    /// yet (awaiting confirmation, queued, notified or in progress), all in one response.
    fn list_ota_unfinished_task_by_device(
        &self,
        ctx: &RequestContext,
        input: super::list_ota_unfinished_task_by_device::ListOtaUnfinishedTaskByDeviceInput,
    ) -> impl Future<
        Output = Result<
            super::list_ota_unfinished_task_by_device::ListOtaUnfinishedTaskByDeviceResponse,
            Failure,
        >,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("ListOTAUnfinishedTaskByDevice"))
        }
    }

    /// `ModifyOTAFirmware`: Changes the name, the description or the custom information pushed to
    /// devices of an OTA update package.
    fn modify_ota_firmware(
        &self,
        ctx: &RequestContext,
        input: super::modify_ota_firmware::ModifyOtaFirmwareInput,
    ) -> impl Future<
        Output = Result<super::modify_ota_firmware::ModifyOtaFirmwareResponse, Failure>,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("ModifyOTAFirmware"))
        }
    }

    /// `QueryOTAFirmware`: Queries the details of an OTA update package.
    fn query_ota_firmware(
        &self,
        ctx: &RequestContext,
        input: super::query_ota_firmware::QueryOtaFirmwareInput,
    ) -> impl Future<
        Output = Result<super::query_ota_firmware::QueryOtaFirmwareResponse, Failure>,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("QueryOTAFirmware"))
        }
    }

    /// `QueryOTAJob`: Queries the details of an update batch (verification, static or dynamic).
    fn query_ota_job(
        &self,
        ctx: &RequestContext,
        input: super::query_ota_job::QueryOtaJobInput,
    ) -> impl Future<
        Output = Result<super::query_ota_job::QueryOtaJobResponse, Failure>,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("QueryOTAJob"))
        }
    }

    /// `ReupgradeOTATask`: Runs failed or canceled device tasks of an OTA update batch again.
    fn reupgrade_ota_task(
        &self,
        ctx: &RequestContext,
        input: super::reupgrade_ota_task::ReupgradeOtaTaskInput,
    ) -> impl Future<
        Output = Result<super::reupgrade_ota_task::ReupgradeOtaTaskResponse, Failure>,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("ReupgradeOTATask"))
        }
    }

    /// `UpdateOTAJob`: Changes the settings of a running static or dynamic update batch.
    fn update_ota_job(
        &self,
        ctx: &RequestContext,
        input: super::update_ota_job::UpdateOtaJobInput,
    ) -> impl Future<
        Output = Result<super::update_ota_job::UpdateOtaJobResponse, Failure>,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("UpdateOTAJob"))
        }
    }

    /// `UpdateOTAModule`: Changes the alias and the description of an OTA module of a product.
    fn update_ota_module(
        &self,
        ctx: &RequestContext,
        input: super::update_ota_module::UpdateOtaModuleInput,
    ) -> impl Future<
        Output = Result<super::update_ota_module::UpdateOtaModuleResponse, Failure>,
    > + Send {
        async move {
            let _ = (ctx, input);
            Err(Failure::not_implemented("UpdateOTAModule"))
        }
    }
}

/// Every operation of the product: its Action, HTTP methods and quota.
pub const OPERATIONS: [aliyun_runtime::OperationInfo; 26usize] = [
    <super::cancel_ota_strategy_by_job::CancelOtaStrategyByJobInput as Operation>::INFO,
    <super::cancel_ota_task_by_device::CancelOtaTaskByDeviceInput as Operation>::INFO,
    <super::cancel_ota_task_by_job::CancelOtaTaskByJobInput as Operation>::INFO,
    <super::confirm_ota_task::ConfirmOtaTaskInput as Operation>::INFO,
    <super::create_ota_dynamic_upgrade_job::CreateOtaDynamicUpgradeJobInput as Operation>::INFO,
    <super::create_ota_firmware::CreateOtaFirmwareInput as Operation>::INFO,
    <super::create_ota_module::CreateOtaModuleInput as Operation>::INFO,
    <super::create_ota_static_upgrade_job::CreateOtaStaticUpgradeJobInput as Operation>::INFO,
    <super::create_ota_verify_job::CreateOtaVerifyJobInput as Operation>::INFO,
    <super::delete_ota_firmware::DeleteOtaFirmwareInput as Operation>::INFO,
    <super::delete_ota_module::DeleteOtaModuleInput as Operation>::INFO,
    <super::generate_device_name_list_url::GenerateDeviceNameListUrlInput as Operation>::INFO,
    <super::generate_ota_upload_url::GenerateOtaUploadUrlInput as Operation>::INFO,
    <super::list_ota_firmware::ListOtaFirmwareInput as Operation>::INFO,
    <super::list_ota_job_by_device::ListOtaJobByDeviceInput as Operation>::INFO,
    <super::list_ota_job_by_firmware::ListOtaJobByFirmwareInput as Operation>::INFO,
    <super::list_ota_module_by_product::ListOtaModuleByProductInput as Operation>::INFO,
    <super::list_ota_module_versions_by_device::ListOtaModuleVersionsByDeviceInput as Operation>::INFO,
    <super::list_ota_task_by_job::ListOtaTaskByJobInput as Operation>::INFO,
    <super::list_ota_unfinished_task_by_device::ListOtaUnfinishedTaskByDeviceInput as Operation>::INFO,
    <super::modify_ota_firmware::ModifyOtaFirmwareInput as Operation>::INFO,
    <super::query_ota_firmware::QueryOtaFirmwareInput as Operation>::INFO,
    <super::query_ota_job::QueryOtaJobInput as Operation>::INFO,
    <super::reupgrade_ota_task::ReupgradeOtaTaskInput as Operation>::INFO,
    <super::update_ota_job::UpdateOtaJobInput as Operation>::INFO,
    <super::update_ota_module::UpdateOtaModuleInput as Operation>::INFO,
];

/// The operation named `action`, if the product has it.
pub fn operation(action: &str) -> Option<&'static aliyun_runtime::OperationInfo> {
    OPERATIONS.iter().find(|info| info.action == action)
}

/// Decodes the request's parameters into the operation's input, calls the service and
/// encodes its reply (envelope included, in the context's format). An unknown Action is
/// `InvalidAction.NotFound`; bad parameters are `Missing<Name>` or `InvalidParameter`.
pub async fn dispatch<S: Service>(
    service: &S,
    ctx: &RequestContext,
    params: &QueryReader<'_>,
) -> Result<String, Failure> {
    match ctx.action() {
        "CancelOTAStrategyByJob" => {
            let input = super::cancel_ota_strategy_by_job::CancelOtaStrategyByJobInput::from_query(
                params,
            )?;
            let reply = service.cancel_ota_strategy_by_job(ctx, input).await?;
            Ok(answer(ctx, reply, "CancelOTAStrategyByJobResponse"))
        }
        "CancelOTATaskByDevice" => {
            let input = super::cancel_ota_task_by_device::CancelOtaTaskByDeviceInput::from_query(
                params,
            )?;
            let reply = service.cancel_ota_task_by_device(ctx, input).await?;
            Ok(answer(ctx, reply, "CancelOTATaskByDeviceResponse"))
        }
        "CancelOTATaskByJob" => {
            let input = super::cancel_ota_task_by_job::CancelOtaTaskByJobInput::from_query(
                params,
            )?;
            let reply = service.cancel_ota_task_by_job(ctx, input).await?;
            Ok(answer(ctx, reply, "CancelOTATaskByJobResponse"))
        }
        "ConfirmOTATask" => {
            let input = super::confirm_ota_task::ConfirmOtaTaskInput::from_query(
                params,
            )?;
            let reply = service.confirm_ota_task(ctx, input).await?;
            Ok(answer(ctx, reply, "ConfirmOTATaskResponse"))
        }
        "CreateOTADynamicUpgradeJob" => {
            let input = super::create_ota_dynamic_upgrade_job::CreateOtaDynamicUpgradeJobInput::from_query(
                params,
            )?;
            let reply = service.create_ota_dynamic_upgrade_job(ctx, input).await?;
            Ok(answer(ctx, reply, "CreateOTADynamicUpgradeJobResponse"))
        }
        "CreateOTAFirmware" => {
            let input = super::create_ota_firmware::CreateOtaFirmwareInput::from_query(
                params,
            )?;
            let reply = service.create_ota_firmware(ctx, input).await?;
            Ok(answer(ctx, reply, "CreateOTAFirmwareResponse"))
        }
        "CreateOTAModule" => {
            let input = super::create_ota_module::CreateOtaModuleInput::from_query(
                params,
            )?;
            let reply = service.create_ota_module(ctx, input).await?;
            Ok(answer(ctx, reply, "CreateOTAModuleResponse"))
        }
        "CreateOTAStaticUpgradeJob" => {
            let input = super::create_ota_static_upgrade_job::CreateOtaStaticUpgradeJobInput::from_query(
                params,
            )?;
            let reply = service.create_ota_static_upgrade_job(ctx, input).await?;
            Ok(answer(ctx, reply, "CreateOTAStaticUpgradeJobResponse"))
        }
        "CreateOTAVerifyJob" => {
            let input = super::create_ota_verify_job::CreateOtaVerifyJobInput::from_query(
                params,
            )?;
            let reply = service.create_ota_verify_job(ctx, input).await?;
            Ok(answer(ctx, reply, "CreateOTAVerifyJobResponse"))
        }
        "DeleteOTAFirmware" => {
            let input = super::delete_ota_firmware::DeleteOtaFirmwareInput::from_query(
                params,
            )?;
            let reply = service.delete_ota_firmware(ctx, input).await?;
            Ok(answer(ctx, reply, "DeleteOTAFirmwareResponse"))
        }
        "DeleteOTAModule" => {
            let input = super::delete_ota_module::DeleteOtaModuleInput::from_query(
                params,
            )?;
            let reply = service.delete_ota_module(ctx, input).await?;
            Ok(answer(ctx, reply, "DeleteOTAModuleResponse"))
        }
        "GenerateDeviceNameListURL" => {
            let input = super::generate_device_name_list_url::GenerateDeviceNameListUrlInput::from_query(
                params,
            )?;
            let reply = service.generate_device_name_list_url(ctx, input).await?;
            Ok(answer(ctx, reply, "GenerateDeviceNameListURLResponse"))
        }
        "GenerateOTAUploadURL" => {
            let input = super::generate_ota_upload_url::GenerateOtaUploadUrlInput::from_query(
                params,
            )?;
            let reply = service.generate_ota_upload_url(ctx, input).await?;
            Ok(answer(ctx, reply, "GenerateOTAUploadURLResponse"))
        }
        "ListOTAFirmware" => {
            let input = super::list_ota_firmware::ListOtaFirmwareInput::from_query(
                params,
            )?;
            let reply = service.list_ota_firmware(ctx, input).await?;
            Ok(answer(ctx, reply, "ListOTAFirmwareResponse"))
        }
        "ListOTAJobByDevice" => {
            let input = super::list_ota_job_by_device::ListOtaJobByDeviceInput::from_query(
                params,
            )?;
            let reply = service.list_ota_job_by_device(ctx, input).await?;
            Ok(answer(ctx, reply, "ListOTAJobByDeviceResponse"))
        }
        "ListOTAJobByFirmware" => {
            let input = super::list_ota_job_by_firmware::ListOtaJobByFirmwareInput::from_query(
                params,
            )?;
            let reply = service.list_ota_job_by_firmware(ctx, input).await?;
            Ok(answer(ctx, reply, "ListOTAJobByFirmwareResponse"))
        }
        "ListOTAModuleByProduct" => {
            let input = super::list_ota_module_by_product::ListOtaModuleByProductInput::from_query(
                params,
            )?;
            let reply = service.list_ota_module_by_product(ctx, input).await?;
            Ok(answer(ctx, reply, "ListOTAModuleByProductResponse"))
        }
        "ListOTAModuleVersionsByDevice" => {
            let input = super::list_ota_module_versions_by_device::ListOtaModuleVersionsByDeviceInput::from_query(
                params,
            )?;
            let reply = service.list_ota_module_versions_by_device(ctx, input).await?;
            Ok(answer(ctx, reply, "ListOTAModuleVersionsByDeviceResponse"))
        }
        "ListOTATaskByJob" => {
            let input = super::list_ota_task_by_job::ListOtaTaskByJobInput::from_query(
                params,
            )?;
            let reply = service.list_ota_task_by_job(ctx, input).await?;
            Ok(answer(ctx, reply, "ListOTATaskByJobResponse"))
        }
        "ListOTAUnfinishedTaskByDevice" => {
            let input = super::list_ota_unfinished_task_by_device::ListOtaUnfinishedTaskByDeviceInput::from_query(
                params,
            )?;
            let reply = service.list_ota_unfinished_task_by_device(ctx, input).await?;
            Ok(answer(ctx, reply, "ListOTAUnfinishedTaskByDeviceResponse"))
        }
        "ModifyOTAFirmware" => {
            let input = super::modify_ota_firmware::ModifyOtaFirmwareInput::from_query(
                params,
            )?;
            let reply = service.modify_ota_firmware(ctx, input).await?;
            Ok(answer(ctx, reply, "ModifyOTAFirmwareResponse"))
        }
        "QueryOTAFirmware" => {
            let input = super::query_ota_firmware::QueryOtaFirmwareInput::from_query(
                params,
            )?;
            let reply = service.query_ota_firmware(ctx, input).await?;
            Ok(answer(ctx, reply, "QueryOTAFirmwareResponse"))
        }
        "QueryOTAJob" => {
            let input = super::query_ota_job::QueryOtaJobInput::from_query(params)?;
            let reply = service.query_ota_job(ctx, input).await?;
            Ok(answer(ctx, reply, "QueryOTAJobResponse"))
        }
        "ReupgradeOTATask" => {
            let input = super::reupgrade_ota_task::ReupgradeOtaTaskInput::from_query(
                params,
            )?;
            let reply = service.reupgrade_ota_task(ctx, input).await?;
            Ok(answer(ctx, reply, "ReupgradeOTATaskResponse"))
        }
        "UpdateOTAJob" => {
            let input = super::update_ota_job::UpdateOtaJobInput::from_query(params)?;
            let reply = service.update_ota_job(ctx, input).await?;
            Ok(answer(ctx, reply, "UpdateOTAJobResponse"))
        }
        "UpdateOTAModule" => {
            let input = super::update_ota_module::UpdateOtaModuleInput::from_query(
                params,
            )?;
            let reply = service.update_ota_module(ctx, input).await?;
            Ok(answer(ctx, reply, "UpdateOTAModuleResponse"))
        }
        _ => Err(Failure::action_not_found()),
    }
}

/// A reply with the request's ID, as a body in the request's format.
fn answer<T: wire::Reply>(ctx: &RequestContext, mut reply: T, root: &str) -> String {
    reply.set_request_id(ctx.request_id().to_owned());
    wire::encode_reply(&reply, ctx.format(), root)
}
