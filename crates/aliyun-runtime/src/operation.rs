//! What a generated operation tells the runtime about itself.

use crate::wire::{Format, Reply};

/// Static facts about an operation, from the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct OperationInfo {
    /// The product code, such as `Iot`.
    pub product: &'static str,
    /// The `Action`, such as `QueryOTAFirmware`.
    pub action: &'static str,
    /// The API `Version`, such as `2018-01-20`.
    pub version: &'static str,
    /// The service's quota in calls per second per account (the client paces to it).
    pub quota_per_second: u32,
    /// The format the service answers in when none is asked for.
    pub default_format: Format,
}

impl OperationInfo {
    /// Facts about an operation (called by generated code).
    pub const fn new(
        product: &'static str,
        action: &'static str,
        version: &'static str,
        quota_per_second: u32,
        default_format: Format,
    ) -> Self {
        Self {
            product,
            action,
            version,
            quota_per_second,
            default_format,
        }
    }
}

/// A request input that the runtime can send: generated for every operation's input.
pub trait Operation {
    /// The decoded response.
    type Output: Reply;
    /// Static facts about the operation.
    const INFO: OperationInfo;
    /// The operation's own parameters, wire names and values (the runtime adds the common
    /// ones and signs).
    fn params(&self) -> Vec<(&'static str, String)>;
}
