//! The in-band error codes the emulator answers (HTTP 200, `Success: false`).
//!
//! The service publishes one OTA code (`iot.ota.FirmwareNotFound`) and a few general ones;
//! the rest are the emulator's choice, in the `iot.ota.` family, one per kind of refusal:
//!
//! | Code | When |
//! |---|---|
//! | `iot.system.InstanceNotFound` (published) | an `IotInstanceId` nothing belongs to, or none for something inside an instance |
//! | `iot.system.IllegalRequest` (published) | a value outside its documented rule (length, range, count, format, combination) |
//! | `iot.common.InvalidPageParams` (published) | `CurrentPage` < 1, `PageSize` outside its range, or past 100,000 tasks |
//! | `iot.prod.NotExistedProduct` (published) | an unknown ProductKey |
//! | `iot.device.NotExistedDevice` (published) | an unknown device |
//! | `iot.ota.FirmwareNotFound` (published) | an unknown FirmwareId |
//! | `iot.ota.JobNotFound` | an unknown JobId |
//! | `iot.ota.TaskNotFound` | a TaskId not in the job (or unknown) |
//! | `iot.ota.ModuleNotFound` | an unknown module of the product |
//! | `iot.ota.ModuleAlreadyExists` | CreateOTAModule with a name the product has (case-insensitively) |
//! | `iot.ota.ModuleLimitExceeded` | an eleventh custom module |
//! | `iot.ota.ModuleInUse` | DeleteOTAModule of `default` or of a module with packages |
//! | `iot.ota.FirmwareNameAlreadyExists` | a FirmwareName another package of the account has |
//! | `iot.ota.FirmwareLimitExceeded` | a 501st package |
//! | `iot.ota.FileNotFound` | a FirmwareUrl or MultiFiles URL that names no uploaded object |
//! | `iot.ota.FirmwareSignMismatch` | a FirmwareSign, SignValue, FileMd5 or size that does not match the uploaded file |
//! | `iot.ota.FirmwareInUse` | DeleteOTAFirmware while a job of the package is unfinished |
//! | `iot.ota.FirmwareNotVerified` | an update job for a package that must be verified first |
//! | `iot.ota.FirmwareVerifyStateInvalid` | a verification job for a package verifying or verified, or that needs none |
//! | `iot.ota.DynamicJobExists` | a second running dynamic job for one package |
//! | `iot.ota.NoDeviceMatched` | an update job that selects no device |
//! | `iot.ota.InvalidJobStatus` | a change a job's state or kind does not allow (cancel the policy of a static job, update a finished job…) |
//! | `iot.ota.InvalidTaskStatus` | a change a task's state does not allow (confirm a task not waiting for confirmation, re-upgrade one that did not fail…) |
//! | `iot.ota.DeviceTaskExists` | ReupgradeOTATask of a task whose device has another unfinished task (a new job's task for such a device is created `FAILED` instead) |

use aliyun_runtime::server::Failure;

/// `iot.system.InstanceNotFound`.
pub(crate) const INSTANCE_NOT_FOUND: &str = aliyun_iot::error_codes::INSTANCE_NOT_FOUND;
/// `iot.ota.FirmwareNotFound`.
pub(crate) const FIRMWARE_NOT_FOUND: &str = aliyun_iot::error_codes::FIRMWARE_NOT_FOUND;
/// `iot.system.IllegalRequest`.
pub(crate) const ILLEGAL_REQUEST: &str = "iot.system.IllegalRequest";
/// `iot.common.InvalidPageParams`.
pub(crate) const INVALID_PAGE_PARAMS: &str = "iot.common.InvalidPageParams";
/// `iot.prod.NotExistedProduct`.
pub(crate) const PRODUCT_NOT_FOUND: &str = "iot.prod.NotExistedProduct";
/// `iot.device.NotExistedDevice`.
pub(crate) const DEVICE_NOT_FOUND: &str = "iot.device.NotExistedDevice";
/// `iot.ota.JobNotFound`.
pub(crate) const JOB_NOT_FOUND: &str = "iot.ota.JobNotFound";
/// `iot.ota.TaskNotFound`.
pub(crate) const TASK_NOT_FOUND: &str = "iot.ota.TaskNotFound";
/// `iot.ota.ModuleNotFound`.
pub(crate) const MODULE_NOT_FOUND: &str = "iot.ota.ModuleNotFound";
/// `iot.ota.ModuleAlreadyExists`.
pub(crate) const MODULE_EXISTS: &str = "iot.ota.ModuleAlreadyExists";
/// `iot.ota.ModuleLimitExceeded`.
pub(crate) const MODULE_LIMIT: &str = "iot.ota.ModuleLimitExceeded";
/// `iot.ota.ModuleInUse`.
pub(crate) const MODULE_IN_USE: &str = "iot.ota.ModuleInUse";
/// `iot.ota.FirmwareNameAlreadyExists`.
pub(crate) const FIRMWARE_NAME_EXISTS: &str = "iot.ota.FirmwareNameAlreadyExists";
/// `iot.ota.FirmwareLimitExceeded`.
pub(crate) const FIRMWARE_LIMIT: &str = "iot.ota.FirmwareLimitExceeded";
/// `iot.ota.FileNotFound`.
pub(crate) const FILE_NOT_FOUND: &str = "iot.ota.FileNotFound";
/// `iot.ota.FirmwareSignMismatch`.
pub(crate) const SIGN_MISMATCH: &str = "iot.ota.FirmwareSignMismatch";
/// `iot.ota.FirmwareInUse`.
pub(crate) const FIRMWARE_IN_USE: &str = "iot.ota.FirmwareInUse";
/// `iot.ota.FirmwareNotVerified`.
pub(crate) const NOT_VERIFIED: &str = "iot.ota.FirmwareNotVerified";
/// `iot.ota.FirmwareVerifyStateInvalid`.
pub(crate) const VERIFY_STATE: &str = "iot.ota.FirmwareVerifyStateInvalid";
/// `iot.ota.DynamicJobExists`.
pub(crate) const DYNAMIC_JOB_EXISTS: &str = "iot.ota.DynamicJobExists";
/// `iot.ota.NoDeviceMatched`.
pub(crate) const NO_DEVICE: &str = "iot.ota.NoDeviceMatched";
/// `iot.ota.InvalidJobStatus`.
pub(crate) const JOB_STATUS: &str = "iot.ota.InvalidJobStatus";
/// `iot.ota.InvalidTaskStatus`.
pub(crate) const TASK_STATUS: &str = "iot.ota.InvalidTaskStatus";
/// `iot.ota.DeviceTaskExists`.
pub(crate) const DEVICE_TASK_EXISTS: &str = "iot.ota.DeviceTaskExists";

/// `iot.system.InstanceNotFound`, with the service's message.
pub(crate) fn instance_not_found() -> Failure {
    Failure::in_band(
        INSTANCE_NOT_FOUND,
        "The specified instance ID does not exist.",
    )
}

/// `iot.ota.FirmwareNotFound`, with the service's message.
pub(crate) fn firmware_not_found() -> Failure {
    Failure::in_band(FIRMWARE_NOT_FOUND, "The specified firmware does not exist.")
}

/// `iot.system.IllegalRequest` naming the parameter and what is wrong with it.
pub(crate) fn illegal(parameter: &str, problem: &str) -> Failure {
    Failure::in_band(ILLEGAL_REQUEST, format!("{parameter} {problem}."))
}

/// An in-band failure with `code` and `message`.
pub(crate) fn refuse(code: &str, message: impl Into<String>) -> Failure {
    Failure::in_band(code, message)
}
