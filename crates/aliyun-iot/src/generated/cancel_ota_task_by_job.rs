// @generated from spec/iot/operations/CancelOTATaskByJob.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The input of `CancelOTATaskByJob`: Cancels the device tasks of an OTA update batch (static
/// or dynamic) that are in the chosen states. At least one of the five `Cancel*` flags must be
/// set, or the call fails.
///
/// Quota: 5 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct CancelOtaTaskByJobInput {
    /// `JobId` (required): The ID of the update batch, static or dynamic.
    ///
    /// Example: `wahVIzGkCMuAUE2gDERM02****`
    pub job_id: String,

    /// `CancelScheduledTask`: Whether to cancel the tasks of a batch scheduled for later (created
    /// with `ScheduleTime`). Defaults to false.
    ///
    /// Example: `false`
    pub cancel_scheduled_task: Option<bool>,

    /// `CancelQueuedTask`: Whether to cancel tasks waiting to be pushed (QUEUED). When
    /// `CancelUnconfirmedTask` is unset, tasks awaiting confirmation (CONFIRM) are canceled with
    /// them. Defaults to false.
    ///
    /// Example: `true`
    pub cancel_queued_task: Option<bool>,

    /// `CancelNotifiedTask`: Whether to cancel tasks already pushed to their device (NOTIFIED).
    /// Defaults to false.
    ///
    /// Example: `true`
    pub cancel_notified_task: Option<bool>,

    /// `CancelInProgressTask`: Whether to cancel tasks whose device is updating (IN_PROGRESS).
    /// Defaults to false.
    ///
    /// Example: `true`
    pub cancel_in_progress_task: Option<bool>,

    /// `CancelUnconfirmedTask`: Whether to cancel tasks awaiting confirmation (CONFIRM). When
    /// unset, those tasks follow `CancelQueuedTask`.
    ///
    /// Example: `true`
    pub cancel_unconfirmed_task: Option<bool>,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances);
    /// leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl CancelOtaTaskByJobInput {
    /// A builder for this input.
    pub fn builder() -> CancelOtaTaskByJobInputBuilder {
        CancelOtaTaskByJobInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for CancelOtaTaskByJobInput {
    type Output = CancelOtaTaskByJobResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "CancelOTATaskByJob",
            super::API_VERSION,
        )
        .quota_per_second(5)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("JobId", &self.job_id);
        w.write("CancelScheduledTask", &self.cancel_scheduled_task);
        w.write("CancelQueuedTask", &self.cancel_queued_task);
        w.write("CancelNotifiedTask", &self.cancel_notified_task);
        w.write("CancelInProgressTask", &self.cancel_in_progress_task);
        w.write("CancelUnconfirmedTask", &self.cancel_unconfirmed_task);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`CancelOtaTaskByJobInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct CancelOtaTaskByJobInputBuilder {
    job_id: Option<String>,
    cancel_scheduled_task: Option<bool>,
    cancel_queued_task: Option<bool>,
    cancel_notified_task: Option<bool>,
    cancel_in_progress_task: Option<bool>,
    cancel_unconfirmed_task: Option<bool>,
    iot_instance_id: Option<String>,
}

impl CancelOtaTaskByJobInputBuilder {
    /// `JobId` (required): The ID of the update batch, static or dynamic.
    ///
    /// Example: `wahVIzGkCMuAUE2gDERM02****`
    pub fn job_id(mut self, value: impl Into<String>) -> Self {
        self.job_id = Some(value.into());
        self
    }

    /// Sets or clears `JobId`.
    pub fn set_job_id(mut self, value: Option<String>) -> Self {
        self.job_id = value;
        self
    }

    /// `CancelScheduledTask`: Whether to cancel the tasks of a batch scheduled for later (created
    /// with `ScheduleTime`). Defaults to false.
    ///
    /// Example: `false`
    pub fn cancel_scheduled_task(mut self, value: bool) -> Self {
        self.cancel_scheduled_task = Some(value);
        self
    }

    /// Sets or clears `CancelScheduledTask`.
    pub fn set_cancel_scheduled_task(mut self, value: Option<bool>) -> Self {
        self.cancel_scheduled_task = value;
        self
    }

    /// `CancelQueuedTask`: Whether to cancel tasks waiting to be pushed (QUEUED). When
    /// `CancelUnconfirmedTask` is unset, tasks awaiting confirmation (CONFIRM) are canceled with
    /// them. Defaults to false.
    ///
    /// Example: `true`
    pub fn cancel_queued_task(mut self, value: bool) -> Self {
        self.cancel_queued_task = Some(value);
        self
    }

    /// Sets or clears `CancelQueuedTask`.
    pub fn set_cancel_queued_task(mut self, value: Option<bool>) -> Self {
        self.cancel_queued_task = value;
        self
    }

    /// `CancelNotifiedTask`: Whether to cancel tasks already pushed to their device (NOTIFIED).
    /// Defaults to false.
    ///
    /// Example: `true`
    pub fn cancel_notified_task(mut self, value: bool) -> Self {
        self.cancel_notified_task = Some(value);
        self
    }

    /// Sets or clears `CancelNotifiedTask`.
    pub fn set_cancel_notified_task(mut self, value: Option<bool>) -> Self {
        self.cancel_notified_task = value;
        self
    }

    /// `CancelInProgressTask`: Whether to cancel tasks whose device is updating (IN_PROGRESS).
    /// Defaults to false.
    ///
    /// Example: `true`
    pub fn cancel_in_progress_task(mut self, value: bool) -> Self {
        self.cancel_in_progress_task = Some(value);
        self
    }

    /// Sets or clears `CancelInProgressTask`.
    pub fn set_cancel_in_progress_task(mut self, value: Option<bool>) -> Self {
        self.cancel_in_progress_task = value;
        self
    }

    /// `CancelUnconfirmedTask`: Whether to cancel tasks awaiting confirmation (CONFIRM). When
    /// unset, those tasks follow `CancelQueuedTask`.
    ///
    /// Example: `true`
    pub fn cancel_unconfirmed_task(mut self, value: bool) -> Self {
        self.cancel_unconfirmed_task = Some(value);
        self
    }

    /// Sets or clears `CancelUnconfirmedTask`.
    pub fn set_cancel_unconfirmed_task(mut self, value: Option<bool>) -> Self {
        self.cancel_unconfirmed_task = value;
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
    pub fn build(self) -> Result<CancelOtaTaskByJobInput, aliyun_runtime::BuildError> {
        Ok(CancelOtaTaskByJobInput {
            job_id: self
                .job_id
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "CancelOTATaskByJob",
                        "JobId",
                        "job_id",
                    ),
                )?,
            cancel_scheduled_task: self.cancel_scheduled_task,
            cancel_queued_task: self.cancel_queued_task,
            cancel_notified_task: self.cancel_notified_task,
            cancel_in_progress_task: self.cancel_in_progress_task,
            cancel_unconfirmed_task: self.cancel_unconfirmed_task,
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `CancelOTATaskByJob` call being set up: set its parameters, then `send` it. `C` is the
/// client that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send`
/// waits for the reply.
#[derive(Clone, Debug)]
pub struct CancelOtaTaskByJobFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: CancelOtaTaskByJobInputBuilder,
}

impl<C> CancelOtaTaskByJobFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: CancelOtaTaskByJobInputBuilder::default(),
        }
    }

    /// `JobId` (required): The ID of the update batch, static or dynamic.
    ///
    /// Example: `wahVIzGkCMuAUE2gDERM02****`
    pub fn job_id(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.job_id(value);
        self
    }

    /// Sets or clears `JobId`.
    pub fn set_job_id(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_job_id(value);
        self
    }

    /// `CancelScheduledTask`: Whether to cancel the tasks of a batch scheduled for later (created
    /// with `ScheduleTime`). Defaults to false.
    ///
    /// Example: `false`
    pub fn cancel_scheduled_task(mut self, value: bool) -> Self {
        self.input = self.input.cancel_scheduled_task(value);
        self
    }

    /// Sets or clears `CancelScheduledTask`.
    pub fn set_cancel_scheduled_task(mut self, value: Option<bool>) -> Self {
        self.input = self.input.set_cancel_scheduled_task(value);
        self
    }

    /// `CancelQueuedTask`: Whether to cancel tasks waiting to be pushed (QUEUED). When
    /// `CancelUnconfirmedTask` is unset, tasks awaiting confirmation (CONFIRM) are canceled with
    /// them. Defaults to false.
    ///
    /// Example: `true`
    pub fn cancel_queued_task(mut self, value: bool) -> Self {
        self.input = self.input.cancel_queued_task(value);
        self
    }

    /// Sets or clears `CancelQueuedTask`.
    pub fn set_cancel_queued_task(mut self, value: Option<bool>) -> Self {
        self.input = self.input.set_cancel_queued_task(value);
        self
    }

    /// `CancelNotifiedTask`: Whether to cancel tasks already pushed to their device (NOTIFIED).
    /// Defaults to false.
    ///
    /// Example: `true`
    pub fn cancel_notified_task(mut self, value: bool) -> Self {
        self.input = self.input.cancel_notified_task(value);
        self
    }

    /// Sets or clears `CancelNotifiedTask`.
    pub fn set_cancel_notified_task(mut self, value: Option<bool>) -> Self {
        self.input = self.input.set_cancel_notified_task(value);
        self
    }

    /// `CancelInProgressTask`: Whether to cancel tasks whose device is updating (IN_PROGRESS).
    /// Defaults to false.
    ///
    /// Example: `true`
    pub fn cancel_in_progress_task(mut self, value: bool) -> Self {
        self.input = self.input.cancel_in_progress_task(value);
        self
    }

    /// Sets or clears `CancelInProgressTask`.
    pub fn set_cancel_in_progress_task(mut self, value: Option<bool>) -> Self {
        self.input = self.input.set_cancel_in_progress_task(value);
        self
    }

    /// `CancelUnconfirmedTask`: Whether to cancel tasks awaiting confirmation (CONFIRM). When
    /// unset, those tasks follow `CancelQueuedTask`.
    ///
    /// Example: `true`
    pub fn cancel_unconfirmed_task(mut self, value: bool) -> Self {
        self.input = self.input.cancel_unconfirmed_task(value);
        self
    }

    /// Sets or clears `CancelUnconfirmedTask`.
    pub fn set_cancel_unconfirmed_task(mut self, value: Option<bool>) -> Self {
        self.input = self.input.set_cancel_unconfirmed_task(value);
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

impl CancelOtaTaskByJobFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(
        self,
    ) -> Result<CancelOtaTaskByJobResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl CancelOtaTaskByJobFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(self) -> Result<CancelOtaTaskByJobResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of CancelOTATaskByJob, which carries nothing beyond the common envelope.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct CancelOtaTaskByJobResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,
}

impl std::fmt::Debug for CancelOtaTaskByJobResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CancelOtaTaskByJobResponse")
            .field("request_id", &self.request_id)
            .finish()
    }
}

impl wire::Decode for CancelOtaTaskByJobResponse {
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

impl wire::EncodeFields for CancelOtaTaskByJobResponse {
    fn encode_fields(&self, _w: &mut wire::Writer) {}
}

impl wire::Reply for CancelOtaTaskByJobResponse {
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

    /// The JSON sample of the documentation. (spec/iot/samples/CancelOTATaskByJob.doc.json)
    #[test]
    fn decodes_cancel_ota_task_by_job_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/CancelOTATaskByJob.doc.json"
        );
        let reply = wire::decode_reply::<
            CancelOtaTaskByJobResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the documentation (its RequestId differs from the JSON one).
    /// (spec/iot/samples/CancelOTATaskByJob.doc.xml)
    #[test]
    fn decodes_cancel_ota_task_by_job_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/CancelOTATaskByJob.doc.xml"
        );
        let reply = wire::decode_reply::<
            CancelOtaTaskByJobResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
