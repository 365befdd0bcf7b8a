// @generated from spec/iot/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

/// A client for Iot: one method per operation; retries, pacing and signing come from the
/// runtime. Cheap to clone.
///
/// ```no_run
/// # async fn example() -> Result<(), aliyun_iot::Error> {
/// let client = aliyun_iot::Client::from_env()?;
/// let reply = client.query_ota_firmware().firmware_id("s8SSHiKjpBfrM3BSN0z803****").send().await?;
/// # let _ = reply;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct Client {
    inner: aliyun_runtime::RpcClient,
}

impl Client {
    /// A client with this configuration.
    pub fn new(config: aliyun_runtime::Config) -> Result<Self, aliyun_runtime::Error> {
        Ok(Self {
            inner: aliyun_runtime::RpcClient::new(config, super::ENDPOINT_TEMPLATE)?,
        })
    }

    /// A client set up from the environment: region from `ALIBABA_CLOUD_REGION_ID` or the
    /// aliyun CLI profile, credentials from the default chain.
    pub fn from_env() -> Result<Self, aliyun_runtime::Error> {
        Self::new(crate::config_from_env()?)
    }

    /// The runtime client underneath, for generic calls (`call(&input)`).
    pub fn runtime(&self) -> &aliyun_runtime::RpcClient {
        &self.inner
    }

    /// Calls `CancelOTAStrategyByJob`: Cancels the update policy of a dynamic update batch, which
    /// then turns to the `CANCELED` state. Static batches have no policy to cancel. The
    /// documentation does not say whether tasks the policy already created are canceled too.
    pub fn cancel_ota_strategy_by_job(
        &self,
    ) -> super::cancel_ota_strategy_by_job::CancelOtaStrategyByJobFluentBuilder {
        super::cancel_ota_strategy_by_job::CancelOtaStrategyByJobFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `CancelOTATaskByDevice`: Cancels the update tasks of the named devices for one OTA
    /// update package, optionally only those of one batch. Tasks that have not finished yet
    /// (queued, notified or in progress) can be canceled.
    pub fn cancel_ota_task_by_device(
        &self,
    ) -> super::cancel_ota_task_by_device::CancelOtaTaskByDeviceFluentBuilder {
        super::cancel_ota_task_by_device::CancelOtaTaskByDeviceFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `CancelOTATaskByJob`: Cancels the device tasks of an OTA update batch (static or
    /// dynamic) that are in the chosen states. At least one of the five `Cancel*` flags must be
    /// set, or the call fails.
    pub fn cancel_ota_task_by_job(
        &self,
    ) -> super::cancel_ota_task_by_job::CancelOtaTaskByJobFluentBuilder {
        super::cancel_ota_task_by_job::CancelOtaTaskByJobFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `ConfirmOTATask`: Confirms device update tasks that wait in the CONFIRM state, so that
    /// they proceed. Such tasks exist only in batches created with confirmation required; for a
    /// scheduled batch, confirmation works only within its scheduled window. The service accepts
    /// POST only.
    pub fn confirm_ota_task(
        &self,
    ) -> super::confirm_ota_task::ConfirmOtaTaskFluentBuilder {
        super::confirm_ota_task::ConfirmOtaTaskFluentBuilder::new(self.inner.clone())
    }

    /// Calls `CreateOTADynamicUpgradeJob`: Creates a dynamic update batch, a policy that keeps
    /// updating the devices that match it (by source version, or by dynamic device group) as they
    /// come along. A package can have only one running dynamic batch; unless the package was
    /// created as needing no verification, it must have been verified first. Cancel the policy with
    /// CancelOTAStrategyByJob.
    pub fn create_ota_dynamic_upgrade_job(
        &self,
    ) -> super::create_ota_dynamic_upgrade_job::CreateOtaDynamicUpgradeJobFluentBuilder {
        super::create_ota_dynamic_upgrade_job::CreateOtaDynamicUpgradeJobFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `CreateOTAFirmware`: Creates an OTA update package from one file uploaded with
    /// GenerateOTAUploadURL (`FirmwareUrl`) or from several (`MultiFiles`). Give exactly one of the
    /// two; an instance holds at most 500 packages.
    pub fn create_ota_firmware(
        &self,
    ) -> super::create_ota_firmware::CreateOtaFirmwareFluentBuilder {
        super::create_ota_firmware::CreateOtaFirmwareFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `CreateOTAModule`: Adds a custom OTA module to a product. A product can have at most
    /// 10 custom modules. The service accepts POST only.
    pub fn create_ota_module(
        &self,
    ) -> super::create_ota_module::CreateOtaModuleFluentBuilder {
        super::create_ota_module::CreateOtaModuleFluentBuilder::new(self.inner.clone())
    }

    /// Calls `CreateOTAStaticUpgradeJob`: Creates a static update batch, which updates a set of
    /// devices chosen when the batch is created (all devices, named devices, a percentage or a
    /// device group). Unless the package was created as needing no verification, it must have been
    /// verified first. Devices already on the target version are skipped, and a device that already
    /// has a pending or running task fails the new one unless `OverwriteMode` allows replacing it.
    pub fn create_ota_static_upgrade_job(
        &self,
    ) -> super::create_ota_static_upgrade_job::CreateOtaStaticUpgradeJobFluentBuilder {
        super::create_ota_static_upgrade_job::CreateOtaStaticUpgradeJobFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `CreateOTAVerifyJob`: Creates a verification batch that installs an OTA update package
    /// on 1 to 10 test devices before it is rolled out. The call is refused while the package is
    /// being verified or once it has been verified.
    pub fn create_ota_verify_job(
        &self,
    ) -> super::create_ota_verify_job::CreateOtaVerifyJobFluentBuilder {
        super::create_ota_verify_job::CreateOtaVerifyJobFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `DeleteOTAFirmware`: Deletes an OTA update package.
    pub fn delete_ota_firmware(
        &self,
    ) -> super::delete_ota_firmware::DeleteOtaFirmwareFluentBuilder {
        super::delete_ota_firmware::DeleteOtaFirmwareFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `DeleteOTAModule`: Deletes a custom OTA module of a product. The `default` module
    /// cannot be deleted, nor can a module that still has update packages. The service accepts POST
    /// only.
    pub fn delete_ota_module(
        &self,
    ) -> super::delete_ota_module::DeleteOtaModuleFluentBuilder {
        super::delete_ota_module::DeleteOtaModuleFluentBuilder::new(self.inner.clone())
    }

    /// Calls `GenerateDeviceNameListURL`: Generates the Object Storage Service (OSS) form-upload
    /// credentials and the object URL for a device-list file, whose URL a static update batch then
    /// takes as `DnListFileUrl`. Upload the file within one minute and create the batch within 60
    /// minutes.
    pub fn generate_device_name_list_url(
        &self,
    ) -> super::generate_device_name_list_url::GenerateDeviceNameListUrlFluentBuilder {
        super::generate_device_name_list_url::GenerateDeviceNameListUrlFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `GenerateOTAUploadURL`: Generates the Object Storage Service (OSS) form-upload
    /// credentials and the object URL for one file of an OTA update package. Upload the file with
    /// them within one minute, then pass `FirmwareUrl` to CreateOTAFirmware within 60 minutes.
    pub fn generate_ota_upload_url(
        &self,
    ) -> super::generate_ota_upload_url::GenerateOtaUploadUrlFluentBuilder {
        super::generate_ota_upload_url::GenerateOtaUploadUrlFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `ListOTAFirmware`: Lists the OTA update packages of the account, a page at a time,
    /// optionally only those of one product or of one destination version.
    pub fn list_ota_firmware(
        &self,
    ) -> super::list_ota_firmware::ListOtaFirmwareFluentBuilder {
        super::list_ota_firmware::ListOtaFirmwareFluentBuilder::new(self.inner.clone())
    }

    /// Calls `ListOTAJobByDevice`: Lists the update batches of an OTA update package that include a
    /// given device, a page at a time.
    pub fn list_ota_job_by_device(
        &self,
    ) -> super::list_ota_job_by_device::ListOtaJobByDeviceFluentBuilder {
        super::list_ota_job_by_device::ListOtaJobByDeviceFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `ListOTAJobByFirmware`: Lists the update batches (verification, static and dynamic)
    /// created for an OTA update package, a page at a time.
    pub fn list_ota_job_by_firmware(
        &self,
    ) -> super::list_ota_job_by_firmware::ListOtaJobByFirmwareFluentBuilder {
        super::list_ota_job_by_firmware::ListOtaJobByFirmwareFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `ListOTAModuleByProduct`: Lists the OTA modules of a product, all in one response. The
    /// service accepts GET only.
    pub fn list_ota_module_by_product(
        &self,
    ) -> super::list_ota_module_by_product::ListOtaModuleByProductFluentBuilder {
        super::list_ota_module_by_product::ListOtaModuleByProductFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `ListOTAModuleVersionsByDevice`: Lists the OTA module versions a device has reported,
    /// a page at a time. Identify the device by `IotId` or by `ProductKey` and `DeviceName`.
    pub fn list_ota_module_versions_by_device(
        &self,
    ) -> super::list_ota_module_versions_by_device::ListOtaModuleVersionsByDeviceFluentBuilder {
        super::list_ota_module_versions_by_device::ListOtaModuleVersionsByDeviceFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `ListOTATaskByJob`: Lists the per-device update tasks of an OTA update batch, a page
    /// at a time. The tasks can be filtered by state or by device names.
    pub fn list_ota_task_by_job(
        &self,
    ) -> super::list_ota_task_by_job::ListOtaTaskByJobFluentBuilder {
        super::list_ota_task_by_job::ListOtaTaskByJobFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `ListOTAUnfinishedTaskByDevice`: Lists the update tasks of one device that have not
    /// finished yet (awaiting confirmation, queued, notified or in progress), all in one response.
    /// Identify the device by `IotId` or by `ProductKey` and `DeviceName`, and set `TaskStatus` or
    /// `TaskStatusList`.
    pub fn list_ota_unfinished_task_by_device(
        &self,
    ) -> super::list_ota_unfinished_task_by_device::ListOtaUnfinishedTaskByDeviceFluentBuilder {
        super::list_ota_unfinished_task_by_device::ListOtaUnfinishedTaskByDeviceFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `ModifyOTAFirmware`: Changes the name, the description or the custom information
    /// pushed to devices of an OTA update package.
    pub fn modify_ota_firmware(
        &self,
    ) -> super::modify_ota_firmware::ModifyOtaFirmwareFluentBuilder {
        super::modify_ota_firmware::ModifyOtaFirmwareFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `QueryOTAFirmware`: Queries the details of an OTA update package: its name, versions,
    /// type, verification status, size, signature and download URL(s).
    pub fn query_ota_firmware(
        &self,
    ) -> super::query_ota_firmware::QueryOtaFirmwareFluentBuilder {
        super::query_ota_firmware::QueryOtaFirmwareFluentBuilder::new(self.inner.clone())
    }

    /// Calls `QueryOTAJob`: Queries the details of an update batch (verification, static or
    /// dynamic): its package, scope, state, schedule, rate and retry settings, and tags.
    pub fn query_ota_job(&self) -> super::query_ota_job::QueryOtaJobFluentBuilder {
        super::query_ota_job::QueryOtaJobFluentBuilder::new(self.inner.clone())
    }

    /// Calls `ReupgradeOTATask`: Runs failed or canceled device tasks of an OTA update batch again.
    /// In a batch that requires confirmation, the tasks have to be confirmed again with
    /// ConfirmOTATask before they are retried. The service accepts POST only.
    pub fn reupgrade_ota_task(
        &self,
    ) -> super::reupgrade_ota_task::ReupgradeOtaTaskFluentBuilder {
        super::reupgrade_ota_task::ReupgradeOtaTaskFluentBuilder::new(self.inner.clone())
    }

    /// Calls `UpdateOTAJob`: Changes the settings of a running static or dynamic update batch: its
    /// notification rate, tags, timeout and source versions.
    pub fn update_ota_job(&self) -> super::update_ota_job::UpdateOtaJobFluentBuilder {
        super::update_ota_job::UpdateOtaJobFluentBuilder::new(self.inner.clone())
    }

    /// Calls `UpdateOTAModule`: Changes the alias and the description of an OTA module of a
    /// product. The module's name cannot be changed. The service accepts POST only.
    pub fn update_ota_module(
        &self,
    ) -> super::update_ota_module::UpdateOtaModuleFluentBuilder {
        super::update_ota_module::UpdateOtaModuleFluentBuilder::new(self.inner.clone())
    }
}

impl crate::blocking::Client {
    /// Calls `CancelOTAStrategyByJob`, waiting for the reply: Cancels the update policy of a
    /// dynamic update batch, which then turns to the `CANCELED` state.
    pub fn cancel_ota_strategy_by_job(
        &self,
    ) -> super::cancel_ota_strategy_by_job::CancelOtaStrategyByJobFluentBuilder<
        crate::blocking::Client,
    > {
        super::cancel_ota_strategy_by_job::CancelOtaStrategyByJobFluentBuilder::new(
            self.clone(),
        )
    }

    /// Calls `CancelOTATaskByDevice`, waiting for the reply: Cancels the update tasks of the named
    /// devices for one OTA update package, optionally only those of one batch.
    pub fn cancel_ota_task_by_device(
        &self,
    ) -> super::cancel_ota_task_by_device::CancelOtaTaskByDeviceFluentBuilder<
        crate::blocking::Client,
    > {
        super::cancel_ota_task_by_device::CancelOtaTaskByDeviceFluentBuilder::new(
            self.clone(),
        )
    }

    /// Calls `CancelOTATaskByJob`, waiting for the reply: Cancels the device tasks of an OTA update
    /// batch (static or dynamic) that are in the chosen states.
    pub fn cancel_ota_task_by_job(
        &self,
    ) -> super::cancel_ota_task_by_job::CancelOtaTaskByJobFluentBuilder<
        crate::blocking::Client,
    > {
        super::cancel_ota_task_by_job::CancelOtaTaskByJobFluentBuilder::new(self.clone())
    }

    /// Calls `ConfirmOTATask`, waiting for the reply: Confirms device update tasks that wait in the
    /// CONFIRM state, so that they proceed.
    pub fn confirm_ota_task(
        &self,
    ) -> super::confirm_ota_task::ConfirmOtaTaskFluentBuilder<crate::blocking::Client> {
        super::confirm_ota_task::ConfirmOtaTaskFluentBuilder::new(self.clone())
    }

    /// Calls `CreateOTADynamicUpgradeJob`, waiting for the reply: Creates a dynamic update batch, a
    /// policy that keeps updating the devices that match it (by source version, or by dynamic
    /// device group) as they come along.
    pub fn create_ota_dynamic_upgrade_job(
        &self,
    ) -> super::create_ota_dynamic_upgrade_job::CreateOtaDynamicUpgradeJobFluentBuilder<
        crate::blocking::Client,
    > {
        super::create_ota_dynamic_upgrade_job::CreateOtaDynamicUpgradeJobFluentBuilder::new(
            self.clone(),
        )
    }

    /// Calls `CreateOTAFirmware`, waiting for the reply: Creates an OTA update package from one
    /// file uploaded with GenerateOTAUploadURL (`FirmwareUrl`) or from several (`MultiFiles`).
    pub fn create_ota_firmware(
        &self,
    ) -> super::create_ota_firmware::CreateOtaFirmwareFluentBuilder<
        crate::blocking::Client,
    > {
        super::create_ota_firmware::CreateOtaFirmwareFluentBuilder::new(self.clone())
    }

    /// Calls `CreateOTAModule`, waiting for the reply: Adds a custom OTA module to a product.
    pub fn create_ota_module(
        &self,
    ) -> super::create_ota_module::CreateOtaModuleFluentBuilder<
        crate::blocking::Client,
    > {
        super::create_ota_module::CreateOtaModuleFluentBuilder::new(self.clone())
    }

    /// Calls `CreateOTAStaticUpgradeJob`, waiting for the reply: Creates a static update batch,
    /// which updates a set of devices chosen when the batch is created (all devices, named devices,
    /// a percentage or a device group).
    pub fn create_ota_static_upgrade_job(
        &self,
    ) -> super::create_ota_static_upgrade_job::CreateOtaStaticUpgradeJobFluentBuilder<
        crate::blocking::Client,
    > {
        super::create_ota_static_upgrade_job::CreateOtaStaticUpgradeJobFluentBuilder::new(
            self.clone(),
        )
    }

    /// Calls `CreateOTAVerifyJob`, waiting for the reply: Creates a verification batch that
    /// installs an OTA update package on 1 to 10 test devices before it is rolled out.
    pub fn create_ota_verify_job(
        &self,
    ) -> super::create_ota_verify_job::CreateOtaVerifyJobFluentBuilder<
        crate::blocking::Client,
    > {
        super::create_ota_verify_job::CreateOtaVerifyJobFluentBuilder::new(self.clone())
    }

    /// Calls `DeleteOTAFirmware`, waiting for the reply: Deletes an OTA update package.
    pub fn delete_ota_firmware(
        &self,
    ) -> super::delete_ota_firmware::DeleteOtaFirmwareFluentBuilder<
        crate::blocking::Client,
    > {
        super::delete_ota_firmware::DeleteOtaFirmwareFluentBuilder::new(self.clone())
    }

    /// Calls `DeleteOTAModule`, waiting for the reply: Deletes a custom OTA module of a product.
    pub fn delete_ota_module(
        &self,
    ) -> super::delete_ota_module::DeleteOtaModuleFluentBuilder<
        crate::blocking::Client,
    > {
        super::delete_ota_module::DeleteOtaModuleFluentBuilder::new(self.clone())
    }

    /// Calls `GenerateDeviceNameListURL`, waiting for the reply: Generates the Object Storage
    /// Service (OSS) form-upload credentials and the object URL for a device-list file, whose URL a
    /// static update batch then takes as `DnListFileUrl`.
    pub fn generate_device_name_list_url(
        &self,
    ) -> super::generate_device_name_list_url::GenerateDeviceNameListUrlFluentBuilder<
        crate::blocking::Client,
    > {
        super::generate_device_name_list_url::GenerateDeviceNameListUrlFluentBuilder::new(
            self.clone(),
        )
    }

    /// Calls `GenerateOTAUploadURL`, waiting for the reply: Generates the Object Storage Service
    /// (OSS) form-upload credentials and the object URL for one file of an OTA update package.
    pub fn generate_ota_upload_url(
        &self,
    ) -> super::generate_ota_upload_url::GenerateOtaUploadUrlFluentBuilder<
        crate::blocking::Client,
    > {
        super::generate_ota_upload_url::GenerateOtaUploadUrlFluentBuilder::new(
            self.clone(),
        )
    }

    /// Calls `ListOTAFirmware`, waiting for the reply: Lists the OTA update packages of the
    /// account, a page at a time, optionally only those of one product or of one destination
    /// version.
    pub fn list_ota_firmware(
        &self,
    ) -> super::list_ota_firmware::ListOtaFirmwareFluentBuilder<
        crate::blocking::Client,
    > {
        super::list_ota_firmware::ListOtaFirmwareFluentBuilder::new(self.clone())
    }

    /// Calls `ListOTAJobByDevice`, waiting for the reply: Lists the update batches of an OTA update
    /// package that include a given device, a page at a time.
    pub fn list_ota_job_by_device(
        &self,
    ) -> super::list_ota_job_by_device::ListOtaJobByDeviceFluentBuilder<
        crate::blocking::Client,
    > {
        super::list_ota_job_by_device::ListOtaJobByDeviceFluentBuilder::new(self.clone())
    }

    /// Calls `ListOTAJobByFirmware`, waiting for the reply: Lists the update batches (verification,
    /// static and dynamic) created for an OTA update package, a page at a time.
    pub fn list_ota_job_by_firmware(
        &self,
    ) -> super::list_ota_job_by_firmware::ListOtaJobByFirmwareFluentBuilder<
        crate::blocking::Client,
    > {
        super::list_ota_job_by_firmware::ListOtaJobByFirmwareFluentBuilder::new(
            self.clone(),
        )
    }

    /// Calls `ListOTAModuleByProduct`, waiting for the reply: Lists the OTA modules of a product,
    /// all in one response.
    pub fn list_ota_module_by_product(
        &self,
    ) -> super::list_ota_module_by_product::ListOtaModuleByProductFluentBuilder<
        crate::blocking::Client,
    > {
        super::list_ota_module_by_product::ListOtaModuleByProductFluentBuilder::new(
            self.clone(),
        )
    }

    /// Calls `ListOTAModuleVersionsByDevice`, waiting for the reply: Lists the OTA module versions
    /// a device has reported, a page at a time.
    pub fn list_ota_module_versions_by_device(
        &self,
    ) -> super::list_ota_module_versions_by_device::ListOtaModuleVersionsByDeviceFluentBuilder<
        crate::blocking::Client,
    > {
        super::list_ota_module_versions_by_device::ListOtaModuleVersionsByDeviceFluentBuilder::new(
            self.clone(),
        )
    }

    /// Calls `ListOTATaskByJob`, waiting for the reply: Lists the per-device update tasks of an OTA
    /// update batch, a page at a time.
    pub fn list_ota_task_by_job(
        &self,
    ) -> super::list_ota_task_by_job::ListOtaTaskByJobFluentBuilder<
        crate::blocking::Client,
    > {
        super::list_ota_task_by_job::ListOtaTaskByJobFluentBuilder::new(self.clone())
    }

    /// Calls `ListOTAUnfinishedTaskByDevice`, waiting for the reply: Lists the update tasks of one
    /// device that have not finished yet (awaiting confirmation, queued, notified or in progress),
    /// all in one response.
    pub fn list_ota_unfinished_task_by_device(
        &self,
    ) -> super::list_ota_unfinished_task_by_device::ListOtaUnfinishedTaskByDeviceFluentBuilder<
        crate::blocking::Client,
    > {
        super::list_ota_unfinished_task_by_device::ListOtaUnfinishedTaskByDeviceFluentBuilder::new(
            self.clone(),
        )
    }

    /// Calls `ModifyOTAFirmware`, waiting for the reply: Changes the name, the description or the
    /// custom information pushed to devices of an OTA update package.
    pub fn modify_ota_firmware(
        &self,
    ) -> super::modify_ota_firmware::ModifyOtaFirmwareFluentBuilder<
        crate::blocking::Client,
    > {
        super::modify_ota_firmware::ModifyOtaFirmwareFluentBuilder::new(self.clone())
    }

    /// Calls `QueryOTAFirmware`, waiting for the reply: Queries the details of an OTA update
    /// package.
    pub fn query_ota_firmware(
        &self,
    ) -> super::query_ota_firmware::QueryOtaFirmwareFluentBuilder<
        crate::blocking::Client,
    > {
        super::query_ota_firmware::QueryOtaFirmwareFluentBuilder::new(self.clone())
    }

    /// Calls `QueryOTAJob`, waiting for the reply: Queries the details of an update batch
    /// (verification, static or dynamic).
    pub fn query_ota_job(
        &self,
    ) -> super::query_ota_job::QueryOtaJobFluentBuilder<crate::blocking::Client> {
        super::query_ota_job::QueryOtaJobFluentBuilder::new(self.clone())
    }

    /// Calls `ReupgradeOTATask`, waiting for the reply: Runs failed or canceled device tasks of an
    /// OTA update batch again.
    pub fn reupgrade_ota_task(
        &self,
    ) -> super::reupgrade_ota_task::ReupgradeOtaTaskFluentBuilder<
        crate::blocking::Client,
    > {
        super::reupgrade_ota_task::ReupgradeOtaTaskFluentBuilder::new(self.clone())
    }

    /// Calls `UpdateOTAJob`, waiting for the reply: Changes the settings of a running static or
    /// dynamic update batch.
    pub fn update_ota_job(
        &self,
    ) -> super::update_ota_job::UpdateOtaJobFluentBuilder<crate::blocking::Client> {
        super::update_ota_job::UpdateOtaJobFluentBuilder::new(self.clone())
    }

    /// Calls `UpdateOTAModule`, waiting for the reply: Changes the alias and the description of an
    /// OTA module of a product.
    pub fn update_ota_module(
        &self,
    ) -> super::update_ota_module::UpdateOtaModuleFluentBuilder<
        crate::blocking::Client,
    > {
        super::update_ota_module::UpdateOtaModuleFluentBuilder::new(self.clone())
    }
}
