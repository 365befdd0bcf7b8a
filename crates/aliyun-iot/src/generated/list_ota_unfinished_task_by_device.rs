// @generated from spec/iot/operations/ListOTAUnfinishedTaskByDevice.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The shared types this operation uses, also at `crate::types`.
pub use super::types::{SimpleOtaTaskInfo, TaskStatus};

/// The input of `ListOTAUnfinishedTaskByDevice`: Lists the update tasks of one device that have
/// not finished yet (awaiting confirmation, queued, notified or in progress), all in one
/// response. Identify the device by `IotId` or by `ProductKey` and `DeviceName`, and set
/// `TaskStatus` or `TaskStatusList`.
///
/// Quota: 10 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ListOtaUnfinishedTaskByDeviceInput {
    /// `IotId`: The IoT Platform ID of the device. Give it, or `ProductKey` and `DeviceName`; when
    /// both are given, `IotId` wins.
    ///
    /// Example: `SR8FiTu1R9tlUR2V1bmi00105****`
    pub iot_id: Option<String>,

    /// `ProductKey`: The ProductKey of the device's product; used together with `DeviceName` when
    /// `IotId` is unset.
    ///
    /// Example: `a1GUfrM****`
    pub product_key: Option<String>,

    /// `DeviceName`: The name of the device; used together with `ProductKey` when `IotId` is unset.
    ///
    /// Example: `light`
    pub device_name: Option<String>,

    /// `ModuleName`: Only tasks of this OTA module are returned; when unset, tasks of every module
    /// are.
    ///
    /// Example: `WifiConfigModify`
    pub module_name: Option<String>,

    /// `TaskStatus`: Only tasks in this state are returned. One of the unfinished states (CONFIRM,
    /// QUEUED, NOTIFIED, IN_PROGRESS); set this or `TaskStatusList`.
    ///
    /// Example: `CONFIRM`
    pub task_status: Option<TaskStatus>,

    /// `TaskStatusList`.N: Only tasks in one of these states are returned. Each must be an
    /// unfinished state (CONFIRM, QUEUED, NOTIFIED, IN_PROGRESS); set this or `TaskStatus`.
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `QUEUED`
    pub task_status_list: Vec<TaskStatus>,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances);
    /// leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl ListOtaUnfinishedTaskByDeviceInput {
    /// A builder for this input.
    pub fn builder() -> ListOtaUnfinishedTaskByDeviceInputBuilder {
        ListOtaUnfinishedTaskByDeviceInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for ListOtaUnfinishedTaskByDeviceInput {
    type Output = ListOtaUnfinishedTaskByDeviceResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "ListOTAUnfinishedTaskByDevice",
            super::API_VERSION,
        )
        .quota_per_second(10)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("IotId", &self.iot_id);
        w.write("ProductKey", &self.product_key);
        w.write("DeviceName", &self.device_name);
        w.write("ModuleName", &self.module_name);
        w.write("TaskStatus", &self.task_status);
        w.write("TaskStatusList", &self.task_status_list);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`ListOtaUnfinishedTaskByDeviceInput`]; `build` refuses a missing required
/// parameter.
#[derive(Clone, Debug, Default)]
pub struct ListOtaUnfinishedTaskByDeviceInputBuilder {
    iot_id: Option<String>,
    product_key: Option<String>,
    device_name: Option<String>,
    module_name: Option<String>,
    task_status: Option<TaskStatus>,
    task_status_list: Vec<TaskStatus>,
    iot_instance_id: Option<String>,
}

impl ListOtaUnfinishedTaskByDeviceInputBuilder {
    /// `IotId`: The IoT Platform ID of the device. Give it, or `ProductKey` and `DeviceName`; when
    /// both are given, `IotId` wins.
    ///
    /// Example: `SR8FiTu1R9tlUR2V1bmi00105****`
    pub fn iot_id(mut self, value: impl Into<String>) -> Self {
        self.iot_id = Some(value.into());
        self
    }

    /// Sets or clears `IotId`.
    pub fn set_iot_id(mut self, value: Option<String>) -> Self {
        self.iot_id = value;
        self
    }

    /// `ProductKey`: The ProductKey of the device's product; used together with `DeviceName` when
    /// `IotId` is unset.
    ///
    /// Example: `a1GUfrM****`
    pub fn product_key(mut self, value: impl Into<String>) -> Self {
        self.product_key = Some(value.into());
        self
    }

    /// Sets or clears `ProductKey`.
    pub fn set_product_key(mut self, value: Option<String>) -> Self {
        self.product_key = value;
        self
    }

    /// `DeviceName`: The name of the device; used together with `ProductKey` when `IotId` is unset.
    ///
    /// Example: `light`
    pub fn device_name(mut self, value: impl Into<String>) -> Self {
        self.device_name = Some(value.into());
        self
    }

    /// Sets or clears `DeviceName`.
    pub fn set_device_name(mut self, value: Option<String>) -> Self {
        self.device_name = value;
        self
    }

    /// `ModuleName`: Only tasks of this OTA module are returned; when unset, tasks of every module
    /// are.
    ///
    /// Example: `WifiConfigModify`
    pub fn module_name(mut self, value: impl Into<String>) -> Self {
        self.module_name = Some(value.into());
        self
    }

    /// Sets or clears `ModuleName`.
    pub fn set_module_name(mut self, value: Option<String>) -> Self {
        self.module_name = value;
        self
    }

    /// `TaskStatus`: Only tasks in this state are returned. One of the unfinished states (CONFIRM,
    /// QUEUED, NOTIFIED, IN_PROGRESS); set this or `TaskStatusList`.
    ///
    /// Example: `CONFIRM`
    pub fn task_status(mut self, value: TaskStatus) -> Self {
        self.task_status = Some(value);
        self
    }

    /// Sets or clears `TaskStatus`.
    pub fn set_task_status(mut self, value: Option<TaskStatus>) -> Self {
        self.task_status = value;
        self
    }

    /// `TaskStatusList`.N: Only tasks in one of these states are returned. Each must be an
    /// unfinished state (CONFIRM, QUEUED, NOTIFIED, IN_PROGRESS); set this or `TaskStatus`.
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `QUEUED`
    pub fn task_status_list(mut self, value: TaskStatus) -> Self {
        self.task_status_list.push(value);
        self
    }

    /// Replaces every item of `TaskStatusList` (`None` empties it).
    pub fn set_task_status_list(mut self, value: Option<Vec<TaskStatus>>) -> Self {
        self.task_status_list = value.unwrap_or_default();
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
    pub fn build(
        self,
    ) -> Result<ListOtaUnfinishedTaskByDeviceInput, aliyun_runtime::BuildError> {
        Ok(ListOtaUnfinishedTaskByDeviceInput {
            iot_id: self.iot_id,
            product_key: self.product_key,
            device_name: self.device_name,
            module_name: self.module_name,
            task_status: self.task_status,
            task_status_list: self.task_status_list,
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `ListOTAUnfinishedTaskByDevice` call being set up: set its parameters, then `send` it. `C`
/// is the client that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose
/// `send` waits for the reply.
#[derive(Clone, Debug)]
pub struct ListOtaUnfinishedTaskByDeviceFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: ListOtaUnfinishedTaskByDeviceInputBuilder,
}

impl<C> ListOtaUnfinishedTaskByDeviceFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: ListOtaUnfinishedTaskByDeviceInputBuilder::default(),
        }
    }

    /// `IotId`: The IoT Platform ID of the device. Give it, or `ProductKey` and `DeviceName`; when
    /// both are given, `IotId` wins.
    ///
    /// Example: `SR8FiTu1R9tlUR2V1bmi00105****`
    pub fn iot_id(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.iot_id(value);
        self
    }

    /// Sets or clears `IotId`.
    pub fn set_iot_id(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_iot_id(value);
        self
    }

    /// `ProductKey`: The ProductKey of the device's product; used together with `DeviceName` when
    /// `IotId` is unset.
    ///
    /// Example: `a1GUfrM****`
    pub fn product_key(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.product_key(value);
        self
    }

    /// Sets or clears `ProductKey`.
    pub fn set_product_key(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_product_key(value);
        self
    }

    /// `DeviceName`: The name of the device; used together with `ProductKey` when `IotId` is unset.
    ///
    /// Example: `light`
    pub fn device_name(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.device_name(value);
        self
    }

    /// Sets or clears `DeviceName`.
    pub fn set_device_name(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_device_name(value);
        self
    }

    /// `ModuleName`: Only tasks of this OTA module are returned; when unset, tasks of every module
    /// are.
    ///
    /// Example: `WifiConfigModify`
    pub fn module_name(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.module_name(value);
        self
    }

    /// Sets or clears `ModuleName`.
    pub fn set_module_name(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_module_name(value);
        self
    }

    /// `TaskStatus`: Only tasks in this state are returned. One of the unfinished states (CONFIRM,
    /// QUEUED, NOTIFIED, IN_PROGRESS); set this or `TaskStatusList`.
    ///
    /// Example: `CONFIRM`
    pub fn task_status(mut self, value: TaskStatus) -> Self {
        self.input = self.input.task_status(value);
        self
    }

    /// Sets or clears `TaskStatus`.
    pub fn set_task_status(mut self, value: Option<TaskStatus>) -> Self {
        self.input = self.input.set_task_status(value);
        self
    }

    /// `TaskStatusList`.N: Only tasks in one of these states are returned. Each must be an
    /// unfinished state (CONFIRM, QUEUED, NOTIFIED, IN_PROGRESS); set this or `TaskStatus`.
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `QUEUED`
    pub fn task_status_list(mut self, value: TaskStatus) -> Self {
        self.input = self.input.task_status_list(value);
        self
    }

    /// Replaces every item of `TaskStatusList` (`None` empties it).
    pub fn set_task_status_list(mut self, value: Option<Vec<TaskStatus>>) -> Self {
        self.input = self.input.set_task_status_list(value);
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

impl ListOtaUnfinishedTaskByDeviceFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(
        self,
    ) -> Result<ListOtaUnfinishedTaskByDeviceResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl ListOtaUnfinishedTaskByDeviceFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(
        self,
    ) -> Result<ListOtaUnfinishedTaskByDeviceResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of ListOTAUnfinishedTaskByDevice.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ListOtaUnfinishedTaskByDeviceResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `Data`: The device's unfinished tasks. `Progress`, `TaskDesc` and `Timeout` are not filled
    /// here; `ModuleName` is.
    pub data: Vec<SimpleOtaTaskInfo>,
}

impl std::fmt::Debug for ListOtaUnfinishedTaskByDeviceResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListOtaUnfinishedTaskByDeviceResponse")
            .field("request_id", &self.request_id)
            .field("data", &self.data)
            .finish()
    }
}

impl wire::Decode for ListOtaUnfinishedTaskByDeviceResponse {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        #[allow(clippy::single_match)]
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "Data" => {
                    aliyun_runtime::codegen::decode_list_into(
                        &mut out.data,
                        value,
                        &path.field("Data"),
                        "SimpleOTATaskInfo",
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for ListOtaUnfinishedTaskByDeviceResponse {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_list("Data", &self.data, "SimpleOTATaskInfo", true);
    }
}

impl wire::Reply for ListOtaUnfinishedTaskByDeviceResponse {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}
