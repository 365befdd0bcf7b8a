// @generated from spec/iot/operations/ConfirmOTATask.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The input of `ConfirmOTATask`: Confirms device update tasks that wait in the CONFIRM state,
/// so that they proceed. Such tasks exist only in batches created with confirmation required;
/// for a scheduled batch, confirmation works only within its scheduled window. The service
/// accepts POST only.
///
/// Quota: 20 calls per second per account. HTTP methods: POST. Documented error codes:
/// `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ConfirmOtaTaskInput {
    /// `TaskId`.N (required): The IDs of the tasks to confirm (1–10 task IDs). Sent as
    /// `TaskId.1`, `TaskId.2`, …
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

impl ConfirmOtaTaskInput {
    /// A builder for this input.
    pub fn builder() -> ConfirmOtaTaskInputBuilder {
        ConfirmOtaTaskInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for ConfirmOtaTaskInput {
    type Output = ConfirmOtaTaskResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "ConfirmOTATask",
            super::API_VERSION,
        )
        .quota_per_second(20)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("TaskId", &self.task_id);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`ConfirmOtaTaskInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct ConfirmOtaTaskInputBuilder {
    task_id: Vec<String>,
    iot_instance_id: Option<String>,
}

impl ConfirmOtaTaskInputBuilder {
    /// `TaskId`.N (required): The IDs of the tasks to confirm (1–10 task IDs). Sent as
    /// `TaskId.1`, `TaskId.2`, …
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
    pub fn build(self) -> Result<ConfirmOtaTaskInput, aliyun_runtime::BuildError> {
        Ok(ConfirmOtaTaskInput {
            task_id: if self.task_id.is_empty() {
                return Err(
                    aliyun_runtime::BuildError::missing(
                        "ConfirmOTATask",
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

/// A `ConfirmOTATask` call being set up: set its parameters, then `send` it. `C` is the client
/// that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send` waits for
/// the reply.
#[derive(Clone, Debug)]
pub struct ConfirmOtaTaskFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: ConfirmOtaTaskInputBuilder,
}

impl<C> ConfirmOtaTaskFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: ConfirmOtaTaskInputBuilder::default(),
        }
    }

    /// `TaskId`.N (required): The IDs of the tasks to confirm (1–10 task IDs). Sent as
    /// `TaskId.1`, `TaskId.2`, …
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

impl ConfirmOtaTaskFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(self) -> Result<ConfirmOtaTaskResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl ConfirmOtaTaskFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(self) -> Result<ConfirmOtaTaskResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of ConfirmOTATask, which carries nothing beyond the common envelope.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ConfirmOtaTaskResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,
}

impl std::fmt::Debug for ConfirmOtaTaskResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConfirmOtaTaskResponse")
            .field("request_id", &self.request_id)
            .finish()
    }
}

impl wire::Decode for ConfirmOtaTaskResponse {
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

impl wire::EncodeFields for ConfirmOtaTaskResponse {
    fn encode_fields(&self, _w: &mut wire::Writer) {}
}

impl wire::Reply for ConfirmOtaTaskResponse {
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

    /// The JSON sample of the documentation. (spec/iot/samples/ConfirmOTATask.doc.json)
    #[test]
    fn decodes_confirm_ota_task_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/ConfirmOTATask.doc.json"
        );
        let reply = wire::decode_reply::<
            ConfirmOtaTaskResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the documentation, with the root element `<ConfirmOTATask>` as published
    /// (every other sample uses `<Action>Response`). (spec/iot/samples/ConfirmOTATask.doc.xml)
    #[test]
    fn decodes_confirm_ota_task_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/ConfirmOTATask.doc.xml"
        );
        let reply = wire::decode_reply::<
            ConfirmOtaTaskResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
