// @generated from spec/iot/operations/ReupgradeOTATask.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The input of `ReupgradeOTATask`: Runs failed or canceled device tasks of an OTA update batch
/// again. In a batch that requires confirmation, the tasks have to be confirmed again with
/// ConfirmOTATask before they are retried. The service accepts POST only.
///
/// Quota: 20 calls per second per account. HTTP methods: POST. Documented error codes:
/// `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ReupgradeOtaTaskInput {
    /// `JobId` (required): The ID of the update batch (static or dynamic) the tasks belong to.
    ///
    /// Example: `7glPHmaDYLAYMD1HHutT02****`
    pub job_id: String,

    /// `TaskId`.N (required): The IDs of the tasks to run again (1–10 task IDs), each FAILED or
    /// CANCELED. Sent as `TaskId.1`, `TaskId.2`, …
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `y3tOmCDNgpR8F9jnVEzC01****`
    pub task_id: Vec<String>,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances);
    /// leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl ReupgradeOtaTaskInput {
    /// A builder for this input.
    pub fn builder() -> ReupgradeOtaTaskInputBuilder {
        ReupgradeOtaTaskInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for ReupgradeOtaTaskInput {
    type Output = ReupgradeOtaTaskResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "ReupgradeOTATask",
            super::API_VERSION,
        )
        .quota_per_second(20)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("JobId", &self.job_id);
        w.write("TaskId", &self.task_id);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`ReupgradeOtaTaskInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct ReupgradeOtaTaskInputBuilder {
    job_id: Option<String>,
    task_id: Vec<String>,
    iot_instance_id: Option<String>,
}

impl ReupgradeOtaTaskInputBuilder {
    /// `JobId` (required): The ID of the update batch (static or dynamic) the tasks belong to.
    ///
    /// Example: `7glPHmaDYLAYMD1HHutT02****`
    pub fn job_id(mut self, value: impl Into<String>) -> Self {
        self.job_id = Some(value.into());
        self
    }

    /// Sets or clears `JobId`.
    pub fn set_job_id(mut self, value: Option<String>) -> Self {
        self.job_id = value;
        self
    }

    /// `TaskId`.N (required): The IDs of the tasks to run again (1–10 task IDs), each FAILED or
    /// CANCELED. Sent as `TaskId.1`, `TaskId.2`, …
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `y3tOmCDNgpR8F9jnVEzC01****`
    pub fn task_id(mut self, value: impl Into<String>) -> Self {
        self.task_id.push(value.into());
        self
    }

    /// Replaces every item of `TaskId` (`None` empties it).
    pub fn set_task_id(mut self, value: Option<Vec<String>>) -> Self {
        self.task_id = value.unwrap_or_default();
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
    pub fn build(self) -> Result<ReupgradeOtaTaskInput, aliyun_runtime::BuildError> {
        Ok(ReupgradeOtaTaskInput {
            job_id: self
                .job_id
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "ReupgradeOTATask",
                        "JobId",
                        "job_id",
                    ),
                )?,
            task_id: if self.task_id.is_empty() {
                return Err(
                    aliyun_runtime::BuildError::missing(
                        "ReupgradeOTATask",
                        "TaskId",
                        "task_id",
                    ),
                )
            } else {
                self.task_id
            },
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `ReupgradeOTATask` call being set up: set its parameters, then `send` it. `C` is the
/// client that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send`
/// waits for the reply.
#[derive(Clone, Debug)]
pub struct ReupgradeOtaTaskFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: ReupgradeOtaTaskInputBuilder,
}

impl<C> ReupgradeOtaTaskFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: ReupgradeOtaTaskInputBuilder::default(),
        }
    }

    /// `JobId` (required): The ID of the update batch (static or dynamic) the tasks belong to.
    ///
    /// Example: `7glPHmaDYLAYMD1HHutT02****`
    pub fn job_id(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.job_id(value);
        self
    }

    /// Sets or clears `JobId`.
    pub fn set_job_id(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_job_id(value);
        self
    }

    /// `TaskId`.N (required): The IDs of the tasks to run again (1–10 task IDs), each FAILED or
    /// CANCELED. Sent as `TaskId.1`, `TaskId.2`, …
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `y3tOmCDNgpR8F9jnVEzC01****`
    pub fn task_id(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.task_id(value);
        self
    }

    /// Replaces every item of `TaskId` (`None` empties it).
    pub fn set_task_id(mut self, value: Option<Vec<String>>) -> Self {
        self.input = self.input.set_task_id(value);
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

impl ReupgradeOtaTaskFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(self) -> Result<ReupgradeOtaTaskResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl ReupgradeOtaTaskFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(self) -> Result<ReupgradeOtaTaskResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of ReupgradeOTATask, which carries nothing beyond the common envelope.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ReupgradeOtaTaskResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,
}

impl std::fmt::Debug for ReupgradeOtaTaskResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReupgradeOtaTaskResponse")
            .field("request_id", &self.request_id)
            .finish()
    }
}

impl wire::Decode for ReupgradeOtaTaskResponse {
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

impl wire::EncodeFields for ReupgradeOtaTaskResponse {
    fn encode_fields(&self, _w: &mut wire::Writer) {}
}

impl wire::Reply for ReupgradeOtaTaskResponse {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}

#[cfg(test)]
mod sample_tests {
    use aliyun_runtime::wire;

    #[allow(unused_imports)]
    use super::*;

    /// The JSON sample of the documentation. (spec/iot/samples/ReupgradeOTATask.doc.json)
    #[test]
    fn decodes_reupgrade_ota_task_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/ReupgradeOTATask.doc.json"
        );
        let reply = wire::decode_reply::<
            ReupgradeOtaTaskResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the documentation. (spec/iot/samples/ReupgradeOTATask.doc.xml)
    #[test]
    fn decodes_reupgrade_ota_task_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/ReupgradeOTATask.doc.xml"
        );
        let reply = wire::decode_reply::<
            ReupgradeOtaTaskResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
