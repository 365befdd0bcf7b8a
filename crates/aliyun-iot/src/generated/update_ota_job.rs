// @generated from spec/iot/operations/UpdateOTAJob.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The shared types this operation uses, also at `crate::types`.
pub use super::types::{OtaTag, SelectionType, TargetSelection};

/// The input of `UpdateOTAJob`: Changes the settings of a running static or dynamic update
/// batch: its notification rate, tags, timeout and source versions.
///
/// Quota: 10 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct UpdateOtaJobInput {
    /// `JobId` (required): The ID of the batch to change.
    ///
    /// Example: `HvKuBpuk3rdk6E92CP****0200`
    pub job_id: String,

    /// `MaximumPerMinute` (required): How many devices are notified per minute at most,
    /// 10–10,000. Required even when it does not change.
    pub maximum_per_minute: i64,

    /// `TargetSelection` (required): The scope of the batch (`ALL`, `SPECIFIC`, `GRAY` or `GROUP`).
    pub target_selection: TargetSelection,

    /// `UpgradeType` (required): Whether the batch is static (`STATIC`) or dynamic (`DYNAMIC`).
    pub upgrade_type: SelectionType,

    /// `Tags`.N: The tags of the batch, at most 10, sent as `Tags.N.Key` and `Tags.N.Value` (plural
    /// `Tags`, unlike the create operations), always in pairs. The list replaces the existing tags,
    /// so send the ones to keep again or they are removed. Same limits as at creation: a key has
    /// 1–30 characters (letters, digits and `.`); a value has 1–1,024 characters; keys and
    /// values together may not exceed 4,096 characters.
    ///
    /// A list: each call of the setter adds one item.
    pub tags: Vec<OtaTag>,

    /// `TimeoutInMinutes`: How long a device may take to update, 1–1440 minutes. Dynamic batches
    /// only.
    pub timeout_in_minutes: Option<i64>,

    /// `SrcVersionList`.N: The source versions a version-based dynamic batch updates from; ignored
    /// for static batches. Sent as `SrcVersionList.1`, `SrcVersionList.2`, and so on.
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `V1.0.1`
    pub src_version_list: Vec<String>,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances);
    /// leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl UpdateOtaJobInput {
    /// A builder for this input.
    pub fn builder() -> UpdateOtaJobInputBuilder {
        UpdateOtaJobInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for UpdateOtaJobInput {
    type Output = UpdateOtaJobResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "UpdateOTAJob",
            super::API_VERSION,
        )
        .quota_per_second(10)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("JobId", &self.job_id);
        w.write("MaximumPerMinute", &self.maximum_per_minute);
        w.write("TargetSelection", &self.target_selection);
        w.write("UpgradeType", &self.upgrade_type);
        w.write("Tags", &self.tags);
        w.write("TimeoutInMinutes", &self.timeout_in_minutes);
        w.write("SrcVersionList", &self.src_version_list);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`UpdateOtaJobInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct UpdateOtaJobInputBuilder {
    job_id: Option<String>,
    maximum_per_minute: Option<i64>,
    target_selection: Option<TargetSelection>,
    upgrade_type: Option<SelectionType>,
    tags: Vec<OtaTag>,
    timeout_in_minutes: Option<i64>,
    src_version_list: Vec<String>,
    iot_instance_id: Option<String>,
}

impl UpdateOtaJobInputBuilder {
    /// `JobId` (required): The ID of the batch to change.
    ///
    /// Example: `HvKuBpuk3rdk6E92CP****0200`
    pub fn job_id(mut self, value: impl Into<String>) -> Self {
        self.job_id = Some(value.into());
        self
    }

    /// Sets or clears `JobId`.
    pub fn set_job_id(mut self, value: Option<String>) -> Self {
        self.job_id = value;
        self
    }

    /// `MaximumPerMinute` (required): How many devices are notified per minute at most,
    /// 10–10,000. Required even when it does not change.
    pub fn maximum_per_minute(mut self, value: i64) -> Self {
        self.maximum_per_minute = Some(value);
        self
    }

    /// Sets or clears `MaximumPerMinute`.
    pub fn set_maximum_per_minute(mut self, value: Option<i64>) -> Self {
        self.maximum_per_minute = value;
        self
    }

    /// `TargetSelection` (required): The scope of the batch (`ALL`, `SPECIFIC`, `GRAY` or `GROUP`).
    pub fn target_selection(mut self, value: TargetSelection) -> Self {
        self.target_selection = Some(value);
        self
    }

    /// Sets or clears `TargetSelection`.
    pub fn set_target_selection(mut self, value: Option<TargetSelection>) -> Self {
        self.target_selection = value;
        self
    }

    /// `UpgradeType` (required): Whether the batch is static (`STATIC`) or dynamic (`DYNAMIC`).
    pub fn upgrade_type(mut self, value: SelectionType) -> Self {
        self.upgrade_type = Some(value);
        self
    }

    /// Sets or clears `UpgradeType`.
    pub fn set_upgrade_type(mut self, value: Option<SelectionType>) -> Self {
        self.upgrade_type = value;
        self
    }

    /// `Tags`.N: The tags of the batch, at most 10, sent as `Tags.N.Key` and `Tags.N.Value` (plural
    /// `Tags`, unlike the create operations), always in pairs. The list replaces the existing tags,
    /// so send the ones to keep again or they are removed. Same limits as at creation: a key has
    /// 1–30 characters (letters, digits and `.`); a value has 1–1,024 characters; keys and
    /// values together may not exceed 4,096 characters.
    ///
    /// A list: each call of the setter adds one item.
    pub fn tags(mut self, value: OtaTag) -> Self {
        self.tags.push(value);
        self
    }

    /// Replaces every item of `Tags` (`None` empties it).
    pub fn set_tags(mut self, value: Option<Vec<OtaTag>>) -> Self {
        self.tags = value.unwrap_or_default();
        self
    }

    /// `TimeoutInMinutes`: How long a device may take to update, 1–1440 minutes. Dynamic batches
    /// only.
    pub fn timeout_in_minutes(mut self, value: i64) -> Self {
        self.timeout_in_minutes = Some(value);
        self
    }

    /// Sets or clears `TimeoutInMinutes`.
    pub fn set_timeout_in_minutes(mut self, value: Option<i64>) -> Self {
        self.timeout_in_minutes = value;
        self
    }

    /// `SrcVersionList`.N: The source versions a version-based dynamic batch updates from; ignored
    /// for static batches. Sent as `SrcVersionList.1`, `SrcVersionList.2`, and so on.
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `V1.0.1`
    pub fn src_version_list(mut self, value: impl Into<String>) -> Self {
        self.src_version_list.push(value.into());
        self
    }

    /// Replaces every item of `SrcVersionList` (`None` empties it).
    pub fn set_src_version_list(mut self, value: Option<Vec<String>>) -> Self {
        self.src_version_list = value.unwrap_or_default();
        self
    }

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances);
    /// leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub fn iot_instance_id(mut self, value: impl Into<String>) -> Self {
        self.iot_instance_id = Some(value.into());
        self
    }

    /// Sets or clears `IotInstanceId`.
    pub fn set_iot_instance_id(mut self, value: Option<String>) -> Self {
        self.iot_instance_id = value;
        self
    }

    /// The input, or an error naming the first missing (or empty) required parameter.
    pub fn build(self) -> Result<UpdateOtaJobInput, aliyun_runtime::BuildError> {
        Ok(UpdateOtaJobInput {
            job_id: self
                .job_id
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "UpdateOTAJob",
                        "JobId",
                        "job_id",
                    ),
                )?,
            maximum_per_minute: self
                .maximum_per_minute
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "UpdateOTAJob",
                        "MaximumPerMinute",
                        "maximum_per_minute",
                    ),
                )?,
            target_selection: self
                .target_selection
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "UpdateOTAJob",
                        "TargetSelection",
                        "target_selection",
                    ),
                )?,
            upgrade_type: self
                .upgrade_type
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "UpdateOTAJob",
                        "UpgradeType",
                        "upgrade_type",
                    ),
                )?,
            tags: self.tags,
            timeout_in_minutes: self.timeout_in_minutes,
            src_version_list: self.src_version_list,
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `UpdateOTAJob` call being set up: set its parameters, then `send` it. `C` is the client
/// that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send` waits for
/// the reply.
#[derive(Clone, Debug)]
pub struct UpdateOtaJobFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: UpdateOtaJobInputBuilder,
}

impl<C> UpdateOtaJobFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: UpdateOtaJobInputBuilder::default(),
        }
    }

    /// `JobId` (required): The ID of the batch to change.
    ///
    /// Example: `HvKuBpuk3rdk6E92CP****0200`
    pub fn job_id(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.job_id(value);
        self
    }

    /// Sets or clears `JobId`.
    pub fn set_job_id(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_job_id(value);
        self
    }

    /// `MaximumPerMinute` (required): How many devices are notified per minute at most,
    /// 10–10,000. Required even when it does not change.
    pub fn maximum_per_minute(mut self, value: i64) -> Self {
        self.input = self.input.maximum_per_minute(value);
        self
    }

    /// Sets or clears `MaximumPerMinute`.
    pub fn set_maximum_per_minute(mut self, value: Option<i64>) -> Self {
        self.input = self.input.set_maximum_per_minute(value);
        self
    }

    /// `TargetSelection` (required): The scope of the batch (`ALL`, `SPECIFIC`, `GRAY` or `GROUP`).
    pub fn target_selection(mut self, value: TargetSelection) -> Self {
        self.input = self.input.target_selection(value);
        self
    }

    /// Sets or clears `TargetSelection`.
    pub fn set_target_selection(mut self, value: Option<TargetSelection>) -> Self {
        self.input = self.input.set_target_selection(value);
        self
    }

    /// `UpgradeType` (required): Whether the batch is static (`STATIC`) or dynamic (`DYNAMIC`).
    pub fn upgrade_type(mut self, value: SelectionType) -> Self {
        self.input = self.input.upgrade_type(value);
        self
    }

    /// Sets or clears `UpgradeType`.
    pub fn set_upgrade_type(mut self, value: Option<SelectionType>) -> Self {
        self.input = self.input.set_upgrade_type(value);
        self
    }

    /// `Tags`.N: The tags of the batch, at most 10, sent as `Tags.N.Key` and `Tags.N.Value` (plural
    /// `Tags`, unlike the create operations), always in pairs. The list replaces the existing tags,
    /// so send the ones to keep again or they are removed. Same limits as at creation: a key has
    /// 1–30 characters (letters, digits and `.`); a value has 1–1,024 characters; keys and
    /// values together may not exceed 4,096 characters.
    ///
    /// A list: each call of the setter adds one item.
    pub fn tags(mut self, value: OtaTag) -> Self {
        self.input = self.input.tags(value);
        self
    }

    /// Replaces every item of `Tags` (`None` empties it).
    pub fn set_tags(mut self, value: Option<Vec<OtaTag>>) -> Self {
        self.input = self.input.set_tags(value);
        self
    }

    /// `TimeoutInMinutes`: How long a device may take to update, 1–1440 minutes. Dynamic batches
    /// only.
    pub fn timeout_in_minutes(mut self, value: i64) -> Self {
        self.input = self.input.timeout_in_minutes(value);
        self
    }

    /// Sets or clears `TimeoutInMinutes`.
    pub fn set_timeout_in_minutes(mut self, value: Option<i64>) -> Self {
        self.input = self.input.set_timeout_in_minutes(value);
        self
    }

    /// `SrcVersionList`.N: The source versions a version-based dynamic batch updates from; ignored
    /// for static batches. Sent as `SrcVersionList.1`, `SrcVersionList.2`, and so on.
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `V1.0.1`
    pub fn src_version_list(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.src_version_list(value);
        self
    }

    /// Replaces every item of `SrcVersionList` (`None` empties it).
    pub fn set_src_version_list(mut self, value: Option<Vec<String>>) -> Self {
        self.input = self.input.set_src_version_list(value);
        self
    }

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances);
    /// leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub fn iot_instance_id(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.iot_instance_id(value);
        self
    }

    /// Sets or clears `IotInstanceId`.
    pub fn set_iot_instance_id(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_iot_instance_id(value);
        self
    }
}

impl UpdateOtaJobFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(self) -> Result<UpdateOtaJobResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl UpdateOtaJobFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(self) -> Result<UpdateOtaJobResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of UpdateOTAJob, which carries nothing beyond the common fields.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct UpdateOtaJobResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,
}

impl std::fmt::Debug for UpdateOtaJobResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UpdateOtaJobResponse")
            .field("request_id", &self.request_id)
            .finish()
    }
}

impl wire::Decode for UpdateOtaJobResponse {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        let _ = (node, path);
        Ok(out)
    }
}

impl wire::EncodeFields for UpdateOtaJobResponse {
    fn encode_fields(&self, _w: &mut wire::Writer) {}
}

impl wire::Reply for UpdateOtaJobResponse {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}
