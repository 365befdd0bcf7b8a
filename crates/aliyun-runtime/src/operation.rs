//! What a generated operation tells the runtime about itself.

use crate::config::Method;
use crate::query::QueryWriter;
use crate::signing::SignatureVersion;
use crate::wire::{Format, Reply};

/// Static facts about an operation, from the spec. Built with [`OperationInfo::new`] and the
/// `const` setters, so generated code names every fact.
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
    /// The HTTP methods the service accepts, the preferred first.
    pub methods: &'static [Method],
    /// The signature version the product's official SDKs use.
    pub signature: SignatureVersion,
}

impl OperationInfo {
    /// An operation of `product` with these facts; quota 0 (no pacing), JSON, POST and GET,
    /// signature V3.
    pub const fn new(product: &'static str, action: &'static str, version: &'static str) -> Self {
        Self {
            product,
            action,
            version,
            quota_per_second: 0,
            default_format: Format::Json,
            methods: &[Method::Post, Method::Get],
            signature: SignatureVersion::V3,
        }
    }

    /// With this signature version.
    pub const fn signature(mut self, version: SignatureVersion) -> Self {
        self.signature = version;
        self
    }

    /// With this quota, in calls per second per account.
    pub const fn quota_per_second(mut self, quota: u32) -> Self {
        self.quota_per_second = quota;
        self
    }

    /// With this default response format.
    pub const fn default_format(mut self, format: Format) -> Self {
        self.default_format = format;
        self
    }

    /// With these accepted HTTP methods.
    pub const fn methods(mut self, methods: &'static [Method]) -> Self {
        self.methods = methods;
        self
    }

    /// The method to send with: `preferred` when the operation accepts it, else the
    /// operation's first (ListOTAModuleByProduct accepts only GET).
    pub fn method_for(&self, preferred: Method) -> Method {
        if self.methods.contains(&preferred) {
            preferred
        } else {
            self.methods.first().copied().unwrap_or(preferred)
        }
    }
}

/// A request input that the runtime can send: generated for every operation's input.
pub trait Operation {
    /// The decoded response.
    type Output: Reply;
    /// Static facts about the operation.
    const INFO: OperationInfo;
    /// Writes the operation's own parameters (the runtime adds the common ones and signs).
    fn serialize(&self, w: &mut QueryWriter);
}
