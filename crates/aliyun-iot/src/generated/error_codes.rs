// @generated from spec/iot/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

/// `iot.ota.FirmwareNotFound`: The update package does not exist (or is not in the given
/// instance).
pub const FIRMWARE_NOT_FOUND: &str = "iot.ota.FirmwareNotFound";

/// `iot.system.SystemException`: A transient failure of the service; the client retries it.
pub const SYSTEM_EXCEPTION: &str = "iot.system.SystemException";

/// `iot.system.InstanceNotFound`: The `IotInstanceId` names no instance, or a required one is
/// missing.
pub const INSTANCE_NOT_FOUND: &str = "iot.system.InstanceNotFound";
