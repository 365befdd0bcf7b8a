// @generated from spec/iot/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

//! Alibaba Cloud IoT Platform: over-the-air (OTA) update operations.
//!
//! Generated from `spec/iot/product.yaml` by `cargo xtask codegen`.
/// `CancelOTAStrategyByJob`: Cancels the update policy of a dynamic update batch, which then
/// turns to the `CANCELED` state.
pub mod cancel_ota_strategy_by_job;

/// `CancelOTATaskByDevice`: Cancels the update tasks of the named devices for one OTA update
/// package, optionally only those of one batch.
pub mod cancel_ota_task_by_device;

/// `CancelOTATaskByJob`: Cancels the device tasks of an OTA update batch (static or dynamic)
/// that are in the chosen states.
pub mod cancel_ota_task_by_job;

/// `ConfirmOTATask`: Confirms device update tasks that wait in the CONFIRM state, so that they
/// proceed.
pub mod confirm_ota_task;

/// `CreateOTADynamicUpgradeJob`: Creates a dynamic update batch, a policy that keeps updating
/// the devices that match it (by source version, or by dynamic device group) as they come
/// along.
pub mod create_ota_dynamic_upgrade_job;

/// `CreateOTAFirmware`: Creates an OTA update package from one file uploaded with
/// GenerateOTAUploadURL (`FirmwareUrl`) or from several (`MultiFiles`).
pub mod create_ota_firmware;

/// `CreateOTAModule`: Adds a custom OTA module to a product.
pub mod create_ota_module;

/// `CreateOTAStaticUpgradeJob`: Creates a static update batch, which updates a set of devices
/// chosen when the batch is created (all devices, named devices, a percentage or a device
/// group).
pub mod create_ota_static_upgrade_job;

/// `CreateOTAVerifyJob`: Creates a verification batch that installs an OTA update package on 1
/// to 10 test devices before it is rolled out.
pub mod create_ota_verify_job;

/// `DeleteOTAFirmware`: Deletes an OTA update package.
pub mod delete_ota_firmware;

/// `DeleteOTAModule`: Deletes a custom OTA module of a product.
pub mod delete_ota_module;

/// `GenerateDeviceNameListURL`: Generates the Object Storage Service (OSS) form-upload
/// credentials and the object URL for a device-list file, whose URL a static update batch then
/// takes as `DnListFileUrl`.
pub mod generate_device_name_list_url;

/// `GenerateOTAUploadURL`: Generates the Object Storage Service (OSS) form-upload credentials
/// and the object URL for one file of an OTA update package.
pub mod generate_ota_upload_url;

/// `ListOTAFirmware`: Lists the OTA update packages of the account, a page at a time,
/// optionally only those of one product or of one destination version.
pub mod list_ota_firmware;

/// `ListOTAJobByDevice`: Lists the update batches of an OTA update package that include a given
/// device, a page at a time.
pub mod list_ota_job_by_device;

/// `ListOTAJobByFirmware`: Lists the update batches (verification, static and dynamic) created
/// for an OTA update package, a page at a time.
pub mod list_ota_job_by_firmware;

/// `ListOTAModuleByProduct`: Lists the OTA modules of a product, all in one response.
pub mod list_ota_module_by_product;

/// `ListOTAModuleVersionsByDevice`: Lists the OTA module versions a device has reported, a page
/// at a time.
pub mod list_ota_module_versions_by_device;

/// `ListOTATaskByJob`: Lists the per-device update tasks of an OTA update batch, a page at a
/// time.
pub mod list_ota_task_by_job;

/// `ListOTAUnfinishedTaskByDevice`: Lists the update tasks of one device that have not finished
/// yet (awaiting confirmation, queued, notified or in progress), all in one response.
pub mod list_ota_unfinished_task_by_device;

/// `ModifyOTAFirmware`: Changes the name, the description or the custom information pushed to
/// devices of an OTA update package.
pub mod modify_ota_firmware;

/// `QueryOTAFirmware`: Queries the details of an OTA update package.
pub mod query_ota_firmware;

/// `QueryOTAJob`: Queries the details of an update batch (verification, static or dynamic).
pub mod query_ota_job;

/// `ReupgradeOTATask`: Runs failed or canceled device tasks of an OTA update batch again.
pub mod reupgrade_ota_task;

/// `UpdateOTAJob`: Changes the settings of a running static or dynamic update batch.
pub mod update_ota_job;

/// `UpdateOTAModule`: Changes the alias and the description of an OTA module of a product.
pub mod update_ota_module;

/// The client: one method per operation.
mod client;

pub use client::Client;

/// Business error codes the documentation names, to compare with `Error::code()`.
pub mod error_codes;

/// The server side of every operation, for emulators and tests: request decoders, the
/// `Service` trait and the dispatcher (cargo feature `server`).
#[cfg(feature = "server")]
pub mod server;

/// Shapes shared by several operations.
pub mod types;

/// The product code.
pub const PRODUCT: &str = "Iot";

/// The API version every operation of this product sends.
pub const API_VERSION: &str = "2018-01-20";

/// The endpoint URL template; `{region}` is replaced by the region ID.
pub const ENDPOINT_TEMPLATE: &str = "https://iot.{region}.aliyuncs.com/";

/// The format the service answers a V1 request in when it does not ask for one.
pub const DEFAULT_FORMAT: aliyun_runtime::wire::Format = aliyun_runtime::wire::Format::Xml;

/// The signature version the product's official SDKs use (`Config::signature`
/// overrides it).
pub const SIGNATURE: aliyun_runtime::SignatureVersion = aliyun_runtime::SignatureVersion::V3;

/// The fields every reply of this product carries.
pub const ENVELOPE: aliyun_runtime::wire::Envelope = aliyun_runtime::wire::Envelope {
    request_id: "RequestId",
    success: "Success",
    code: "Code",
    message: "ErrorMessage",
};

pub use aliyun_runtime::{Config, Error};

/// Decodes a reply of the operation `action` (HTTP `status`, body in `format`) and
/// prints it with `{:#?}`: for snapshot tests and tools that treat every operation
/// alike. `None` for an Action the product does not have.
pub fn debug_reply(
    action: &str,
    format: aliyun_runtime::wire::Format,
    status: u16,
    body: &[u8],
) -> Option<Result<String, aliyun_runtime::Error>> {
    fn decode<T: aliyun_runtime::wire::Reply + std::fmt::Debug>(
        format: aliyun_runtime::wire::Format,
        status: u16,
        body: &[u8],
    ) -> Result<String, aliyun_runtime::Error> {
        aliyun_runtime::wire::decode_reply::<T>(format, status, body)
            .map(|reply| format!("{reply:#?}"))
    }
    Some(
        match action {
            "CancelOTAStrategyByJob" => {
                decode::<
                    cancel_ota_strategy_by_job::CancelOtaStrategyByJobResponse,
                >(format, status, body)
            }
            "CancelOTATaskByDevice" => {
                decode::<
                    cancel_ota_task_by_device::CancelOtaTaskByDeviceResponse,
                >(format, status, body)
            }
            "CancelOTATaskByJob" => {
                decode::<
                    cancel_ota_task_by_job::CancelOtaTaskByJobResponse,
                >(format, status, body)
            }
            "ConfirmOTATask" => {
                decode::<confirm_ota_task::ConfirmOtaTaskResponse>(format, status, body)
            }
            "CreateOTADynamicUpgradeJob" => {
                decode::<
                    create_ota_dynamic_upgrade_job::CreateOtaDynamicUpgradeJobResponse,
                >(format, status, body)
            }
            "CreateOTAFirmware" => {
                decode::<
                    create_ota_firmware::CreateOtaFirmwareResponse,
                >(format, status, body)
            }
            "CreateOTAModule" => {
                decode::<
                    create_ota_module::CreateOtaModuleResponse,
                >(format, status, body)
            }
            "CreateOTAStaticUpgradeJob" => {
                decode::<
                    create_ota_static_upgrade_job::CreateOtaStaticUpgradeJobResponse,
                >(format, status, body)
            }
            "CreateOTAVerifyJob" => {
                decode::<
                    create_ota_verify_job::CreateOtaVerifyJobResponse,
                >(format, status, body)
            }
            "DeleteOTAFirmware" => {
                decode::<
                    delete_ota_firmware::DeleteOtaFirmwareResponse,
                >(format, status, body)
            }
            "DeleteOTAModule" => {
                decode::<
                    delete_ota_module::DeleteOtaModuleResponse,
                >(format, status, body)
            }
            "GenerateDeviceNameListURL" => {
                decode::<
                    generate_device_name_list_url::GenerateDeviceNameListUrlResponse,
                >(format, status, body)
            }
            "GenerateOTAUploadURL" => {
                decode::<
                    generate_ota_upload_url::GenerateOtaUploadUrlResponse,
                >(format, status, body)
            }
            "ListOTAFirmware" => {
                decode::<
                    list_ota_firmware::ListOtaFirmwareResponse,
                >(format, status, body)
            }
            "ListOTAJobByDevice" => {
                decode::<
                    list_ota_job_by_device::ListOtaJobByDeviceResponse,
                >(format, status, body)
            }
            "ListOTAJobByFirmware" => {
                decode::<
                    list_ota_job_by_firmware::ListOtaJobByFirmwareResponse,
                >(format, status, body)
            }
            "ListOTAModuleByProduct" => {
                decode::<
                    list_ota_module_by_product::ListOtaModuleByProductResponse,
                >(format, status, body)
            }
            "ListOTAModuleVersionsByDevice" => {
                decode::<
                    list_ota_module_versions_by_device::ListOtaModuleVersionsByDeviceResponse,
                >(format, status, body)
            }
            "ListOTATaskByJob" => {
                decode::<
                    list_ota_task_by_job::ListOtaTaskByJobResponse,
                >(format, status, body)
            }
            "ListOTAUnfinishedTaskByDevice" => {
                decode::<
                    list_ota_unfinished_task_by_device::ListOtaUnfinishedTaskByDeviceResponse,
                >(format, status, body)
            }
            "ModifyOTAFirmware" => {
                decode::<
                    modify_ota_firmware::ModifyOtaFirmwareResponse,
                >(format, status, body)
            }
            "QueryOTAFirmware" => {
                decode::<
                    query_ota_firmware::QueryOtaFirmwareResponse,
                >(format, status, body)
            }
            "QueryOTAJob" => {
                decode::<query_ota_job::QueryOtaJobResponse>(format, status, body)
            }
            "ReupgradeOTATask" => {
                decode::<
                    reupgrade_ota_task::ReupgradeOtaTaskResponse,
                >(format, status, body)
            }
            "UpdateOTAJob" => {
                decode::<update_ota_job::UpdateOtaJobResponse>(format, status, body)
            }
            "UpdateOTAModule" => {
                decode::<
                    update_ota_module::UpdateOtaModuleResponse,
                >(format, status, body)
            }
            _ => return None,
        },
    )
}

#[cfg(test)]
mod sample_tests {
    use aliyun_runtime::wire;

    #[allow(unused_imports)]
    use super::*;

    /// A gateway error (SignatureNonceUsed), as documented. (spec/iot/samples/gateway-error.json)
    #[test]
    fn decodes_gateway_error_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/gateway-error.json"
        );
        let error = wire::decode_gateway_error(
            aliyun_runtime::wire::Format::Json,
            400,
            body,
        );
        assert!(! error.code.starts_with("Http"), "{error:?}");
        assert!(error.request_id.is_some(), "{error:?}");
    }

    /// A gateway error (InvalidAction.NotFound) in XML, with an XML declaration.
    /// (spec/iot/samples/gateway-error.xml)
    #[test]
    fn decodes_gateway_error_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/gateway-error.xml"
        );
        let error = wire::decode_gateway_error(
            aliyun_runtime::wire::Format::Xml,
            400,
            body,
        );
        assert!(! error.code.starts_with("Http"), "{error:?}");
        assert!(error.request_id.is_some(), "{error:?}");
    }
}
