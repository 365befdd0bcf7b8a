// @generated from spec/iot/operations/CreateOTAFirmware.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The shared types this operation uses, also at `crate::types`.
pub use super::types::{FirmwareType, SignMethod};

/// The input of `CreateOTAFirmware`: Creates an OTA update package from one file uploaded with
/// GenerateOTAUploadURL (`FirmwareUrl`) or from several (`MultiFiles`). Give exactly one of the
/// two; an instance holds at most 500 packages.
///
/// Quota: 10 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct CreateOtaFirmwareInput {
    /// `DestVersion` (required): The version the package updates devices to: 1 to 64 characters
    /// among letters, digits, `.`, `-` and `_`.
    ///
    /// Example: `4.0.0`
    pub dest_version: String,

    /// `FirmwareName` (required): The name of the package, unique in the account: 1 to 40
    /// characters among letters (Chinese and Japanese included), digits, `-`, `_` and parentheses,
    /// starting with a letter or a digit.
    ///
    /// Example: `t3q5rkNm`
    pub firmware_name: String,

    /// `FirmwareUrl`: The URL of the uploaded file (GenerateOTAUploadURL's `FirmwareUrl`). Required
    /// for a single-file package; leave it unset when `MultiFiles` is given.
    ///
    /// Example:
    /// `https://iotx-ota.oss-cn-shanghai.aliyuncs.com/ota/65dfcda0473be29836dfde585472****/ck2nfzljo00023g7kysg0****.bin`
    pub firmware_url: Option<String>,

    /// `MultiFiles`.N: The files of a multi-file package, at most 20 (sent as `MultiFiles.N.Name`,
    /// …). Required for a multi-file package; leave it empty when `FirmwareUrl` is given.
    ///
    /// A list: each call of the setter adds one item.
    pub multi_files: Vec<FirmwareFileInput>,

    /// `ProductKey`: The ProductKey of the product the package belongs to. Optional for the API,
    /// although the console now links every package to a product.
    ///
    /// Example: `a19mzPZ****`
    pub product_key: Option<String>,

    /// `FirmwareDesc`: A description of the package, at most 100 characters.
    pub firmware_desc: Option<String>,

    /// `FirmwareSign`: The signature of the file, single-file packages only. When unset, the MD5
    /// digest of the uploaded object is used.
    pub firmware_sign: Option<String>,

    /// `FirmwareSize`: The size of the file in bytes, single-file packages only. When unset, the
    /// size of the uploaded object is used.
    pub firmware_size: Option<i64>,

    /// `SignMethod`: The digest algorithm of the file signatures; `MD5` when unset.
    ///
    /// Example: `MD5`
    pub sign_method: Option<SignMethod>,

    /// `Type`: Whether the package is a full or a delta package; full (`0`) when unset.
    ///
    /// Example: `0`
    pub r#type: Option<FirmwareType>,

    /// `SrcVersion`: The version a delta package updates from. Required when `Type` is delta (`1`),
    /// and then different from `DestVersion`; unused for full packages.
    pub src_version: Option<String>,

    /// `ModuleName`: The OTA module the package belongs to; the module `default` when unset.
    pub module_name: Option<String>,

    /// `NeedToVerify`: Whether the package must pass a verification batch (CreateOTAVerifyJob) on
    /// test devices before it can be rolled out; `true` when unset.
    pub need_to_verify: Option<bool>,

    /// `Udi`: Custom information pushed to devices with the update notification, free-form, at most
    /// 4,096 characters. Unset means none.
    pub udi: Option<String>,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances):
    /// without it the call fails. Leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl CreateOtaFirmwareInput {
    /// A builder for this input.
    pub fn builder() -> CreateOtaFirmwareInputBuilder {
        CreateOtaFirmwareInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for CreateOtaFirmwareInput {
    type Output = CreateOtaFirmwareResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "CreateOTAFirmware",
            super::API_VERSION,
        )
        .quota_per_second(10)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("DestVersion", &self.dest_version);
        w.write("FirmwareName", &self.firmware_name);
        w.write("FirmwareUrl", &self.firmware_url);
        w.write("MultiFiles", &self.multi_files);
        w.write("ProductKey", &self.product_key);
        w.write("FirmwareDesc", &self.firmware_desc);
        w.write("FirmwareSign", &self.firmware_sign);
        w.write("FirmwareSize", &self.firmware_size);
        w.write("SignMethod", &self.sign_method);
        w.write("Type", &self.r#type);
        w.write("SrcVersion", &self.src_version);
        w.write("ModuleName", &self.module_name);
        w.write("NeedToVerify", &self.need_to_verify);
        w.write("Udi", &self.udi);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`CreateOtaFirmwareInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct CreateOtaFirmwareInputBuilder {
    dest_version: Option<String>,
    firmware_name: Option<String>,
    firmware_url: Option<String>,
    multi_files: Vec<FirmwareFileInput>,
    product_key: Option<String>,
    firmware_desc: Option<String>,
    firmware_sign: Option<String>,
    firmware_size: Option<i64>,
    sign_method: Option<SignMethod>,
    r#type: Option<FirmwareType>,
    src_version: Option<String>,
    module_name: Option<String>,
    need_to_verify: Option<bool>,
    udi: Option<String>,
    iot_instance_id: Option<String>,
}

impl CreateOtaFirmwareInputBuilder {
    /// `DestVersion` (required): The version the package updates devices to: 1 to 64 characters
    /// among letters, digits, `.`, `-` and `_`.
    ///
    /// Example: `4.0.0`
    pub fn dest_version(mut self, value: impl Into<String>) -> Self {
        self.dest_version = Some(value.into());
        self
    }

    /// Sets or clears `DestVersion`.
    pub fn set_dest_version(mut self, value: Option<String>) -> Self {
        self.dest_version = value;
        self
    }

    /// `FirmwareName` (required): The name of the package, unique in the account: 1 to 40
    /// characters among letters (Chinese and Japanese included), digits, `-`, `_` and parentheses,
    /// starting with a letter or a digit.
    ///
    /// Example: `t3q5rkNm`
    pub fn firmware_name(mut self, value: impl Into<String>) -> Self {
        self.firmware_name = Some(value.into());
        self
    }

    /// Sets or clears `FirmwareName`.
    pub fn set_firmware_name(mut self, value: Option<String>) -> Self {
        self.firmware_name = value;
        self
    }

    /// `FirmwareUrl`: The URL of the uploaded file (GenerateOTAUploadURL's `FirmwareUrl`). Required
    /// for a single-file package; leave it unset when `MultiFiles` is given.
    ///
    /// Example:
    /// `https://iotx-ota.oss-cn-shanghai.aliyuncs.com/ota/65dfcda0473be29836dfde585472****/ck2nfzljo00023g7kysg0****.bin`
    pub fn firmware_url(mut self, value: impl Into<String>) -> Self {
        self.firmware_url = Some(value.into());
        self
    }

    /// Sets or clears `FirmwareUrl`.
    pub fn set_firmware_url(mut self, value: Option<String>) -> Self {
        self.firmware_url = value;
        self
    }

    /// `MultiFiles`.N: The files of a multi-file package, at most 20 (sent as `MultiFiles.N.Name`,
    /// …). Required for a multi-file package; leave it empty when `FirmwareUrl` is given.
    ///
    /// A list: each call of the setter adds one item.
    pub fn multi_files(mut self, value: FirmwareFileInput) -> Self {
        self.multi_files.push(value);
        self
    }

    /// Replaces every item of `MultiFiles` (`None` empties it).
    pub fn set_multi_files(mut self, value: Option<Vec<FirmwareFileInput>>) -> Self {
        self.multi_files = value.unwrap_or_default();
        self
    }

    /// `ProductKey`: The ProductKey of the product the package belongs to. Optional for the API,
    /// although the console now links every package to a product.
    ///
    /// Example: `a19mzPZ****`
    pub fn product_key(mut self, value: impl Into<String>) -> Self {
        self.product_key = Some(value.into());
        self
    }

    /// Sets or clears `ProductKey`.
    pub fn set_product_key(mut self, value: Option<String>) -> Self {
        self.product_key = value;
        self
    }

    /// `FirmwareDesc`: A description of the package, at most 100 characters.
    pub fn firmware_desc(mut self, value: impl Into<String>) -> Self {
        self.firmware_desc = Some(value.into());
        self
    }

    /// Sets or clears `FirmwareDesc`.
    pub fn set_firmware_desc(mut self, value: Option<String>) -> Self {
        self.firmware_desc = value;
        self
    }

    /// `FirmwareSign`: The signature of the file, single-file packages only. When unset, the MD5
    /// digest of the uploaded object is used.
    pub fn firmware_sign(mut self, value: impl Into<String>) -> Self {
        self.firmware_sign = Some(value.into());
        self
    }

    /// Sets or clears `FirmwareSign`.
    pub fn set_firmware_sign(mut self, value: Option<String>) -> Self {
        self.firmware_sign = value;
        self
    }

    /// `FirmwareSize`: The size of the file in bytes, single-file packages only. When unset, the
    /// size of the uploaded object is used.
    pub fn firmware_size(mut self, value: i64) -> Self {
        self.firmware_size = Some(value);
        self
    }

    /// Sets or clears `FirmwareSize`.
    pub fn set_firmware_size(mut self, value: Option<i64>) -> Self {
        self.firmware_size = value;
        self
    }

    /// `SignMethod`: The digest algorithm of the file signatures; `MD5` when unset.
    ///
    /// Example: `MD5`
    pub fn sign_method(mut self, value: SignMethod) -> Self {
        self.sign_method = Some(value);
        self
    }

    /// Sets or clears `SignMethod`.
    pub fn set_sign_method(mut self, value: Option<SignMethod>) -> Self {
        self.sign_method = value;
        self
    }

    /// `Type`: Whether the package is a full or a delta package; full (`0`) when unset.
    ///
    /// Example: `0`
    pub fn r#type(mut self, value: FirmwareType) -> Self {
        self.r#type = Some(value);
        self
    }

    /// Sets or clears `Type`.
    pub fn set_type(mut self, value: Option<FirmwareType>) -> Self {
        self.r#type = value;
        self
    }

    /// `SrcVersion`: The version a delta package updates from. Required when `Type` is delta (`1`),
    /// and then different from `DestVersion`; unused for full packages.
    pub fn src_version(mut self, value: impl Into<String>) -> Self {
        self.src_version = Some(value.into());
        self
    }

    /// Sets or clears `SrcVersion`.
    pub fn set_src_version(mut self, value: Option<String>) -> Self {
        self.src_version = value;
        self
    }

    /// `ModuleName`: The OTA module the package belongs to; the module `default` when unset.
    pub fn module_name(mut self, value: impl Into<String>) -> Self {
        self.module_name = Some(value.into());
        self
    }

    /// Sets or clears `ModuleName`.
    pub fn set_module_name(mut self, value: Option<String>) -> Self {
        self.module_name = value;
        self
    }

    /// `NeedToVerify`: Whether the package must pass a verification batch (CreateOTAVerifyJob) on
    /// test devices before it can be rolled out; `true` when unset.
    pub fn need_to_verify(mut self, value: bool) -> Self {
        self.need_to_verify = Some(value);
        self
    }

    /// Sets or clears `NeedToVerify`.
    pub fn set_need_to_verify(mut self, value: Option<bool>) -> Self {
        self.need_to_verify = value;
        self
    }

    /// `Udi`: Custom information pushed to devices with the update notification, free-form, at most
    /// 4,096 characters. Unset means none.
    pub fn udi(mut self, value: impl Into<String>) -> Self {
        self.udi = Some(value.into());
        self
    }

    /// Sets or clears `Udi`.
    pub fn set_udi(mut self, value: Option<String>) -> Self {
        self.udi = value;
        self
    }

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances):
    /// without it the call fails. Leave it unset for instances that have no ID.
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
    pub fn build(self) -> Result<CreateOtaFirmwareInput, aliyun_runtime::BuildError> {
        Ok(CreateOtaFirmwareInput {
            dest_version: self
                .dest_version
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "CreateOTAFirmware",
                        "DestVersion",
                        "dest_version",
                    ),
                )?,
            firmware_name: self
                .firmware_name
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "CreateOTAFirmware",
                        "FirmwareName",
                        "firmware_name",
                    ),
                )?,
            firmware_url: self.firmware_url,
            multi_files: self.multi_files,
            product_key: self.product_key,
            firmware_desc: self.firmware_desc,
            firmware_sign: self.firmware_sign,
            firmware_size: self.firmware_size,
            sign_method: self.sign_method,
            r#type: self.r#type,
            src_version: self.src_version,
            module_name: self.module_name,
            need_to_verify: self.need_to_verify,
            udi: self.udi,
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `CreateOTAFirmware` call being set up: set its parameters, then `send` it. `C` is the
/// client that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send`
/// waits for the reply.
#[derive(Clone, Debug)]
pub struct CreateOtaFirmwareFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: CreateOtaFirmwareInputBuilder,
}

impl<C> CreateOtaFirmwareFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: CreateOtaFirmwareInputBuilder::default(),
        }
    }

    /// `DestVersion` (required): The version the package updates devices to: 1 to 64 characters
    /// among letters, digits, `.`, `-` and `_`.
    ///
    /// Example: `4.0.0`
    pub fn dest_version(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.dest_version(value);
        self
    }

    /// Sets or clears `DestVersion`.
    pub fn set_dest_version(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_dest_version(value);
        self
    }

    /// `FirmwareName` (required): The name of the package, unique in the account: 1 to 40
    /// characters among letters (Chinese and Japanese included), digits, `-`, `_` and parentheses,
    /// starting with a letter or a digit.
    ///
    /// Example: `t3q5rkNm`
    pub fn firmware_name(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.firmware_name(value);
        self
    }

    /// Sets or clears `FirmwareName`.
    pub fn set_firmware_name(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_firmware_name(value);
        self
    }

    /// `FirmwareUrl`: The URL of the uploaded file (GenerateOTAUploadURL's `FirmwareUrl`). Required
    /// for a single-file package; leave it unset when `MultiFiles` is given.
    ///
    /// Example:
    /// `https://iotx-ota.oss-cn-shanghai.aliyuncs.com/ota/65dfcda0473be29836dfde585472****/ck2nfzljo00023g7kysg0****.bin`
    pub fn firmware_url(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.firmware_url(value);
        self
    }

    /// Sets or clears `FirmwareUrl`.
    pub fn set_firmware_url(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_firmware_url(value);
        self
    }

    /// `MultiFiles`.N: The files of a multi-file package, at most 20 (sent as `MultiFiles.N.Name`,
    /// …). Required for a multi-file package; leave it empty when `FirmwareUrl` is given.
    ///
    /// A list: each call of the setter adds one item.
    pub fn multi_files(mut self, value: FirmwareFileInput) -> Self {
        self.input = self.input.multi_files(value);
        self
    }

    /// Replaces every item of `MultiFiles` (`None` empties it).
    pub fn set_multi_files(mut self, value: Option<Vec<FirmwareFileInput>>) -> Self {
        self.input = self.input.set_multi_files(value);
        self
    }

    /// `ProductKey`: The ProductKey of the product the package belongs to. Optional for the API,
    /// although the console now links every package to a product.
    ///
    /// Example: `a19mzPZ****`
    pub fn product_key(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.product_key(value);
        self
    }

    /// Sets or clears `ProductKey`.
    pub fn set_product_key(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_product_key(value);
        self
    }

    /// `FirmwareDesc`: A description of the package, at most 100 characters.
    pub fn firmware_desc(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.firmware_desc(value);
        self
    }

    /// Sets or clears `FirmwareDesc`.
    pub fn set_firmware_desc(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_firmware_desc(value);
        self
    }

    /// `FirmwareSign`: The signature of the file, single-file packages only. When unset, the MD5
    /// digest of the uploaded object is used.
    pub fn firmware_sign(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.firmware_sign(value);
        self
    }

    /// Sets or clears `FirmwareSign`.
    pub fn set_firmware_sign(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_firmware_sign(value);
        self
    }

    /// `FirmwareSize`: The size of the file in bytes, single-file packages only. When unset, the
    /// size of the uploaded object is used.
    pub fn firmware_size(mut self, value: i64) -> Self {
        self.input = self.input.firmware_size(value);
        self
    }

    /// Sets or clears `FirmwareSize`.
    pub fn set_firmware_size(mut self, value: Option<i64>) -> Self {
        self.input = self.input.set_firmware_size(value);
        self
    }

    /// `SignMethod`: The digest algorithm of the file signatures; `MD5` when unset.
    ///
    /// Example: `MD5`
    pub fn sign_method(mut self, value: SignMethod) -> Self {
        self.input = self.input.sign_method(value);
        self
    }

    /// Sets or clears `SignMethod`.
    pub fn set_sign_method(mut self, value: Option<SignMethod>) -> Self {
        self.input = self.input.set_sign_method(value);
        self
    }

    /// `Type`: Whether the package is a full or a delta package; full (`0`) when unset.
    ///
    /// Example: `0`
    pub fn r#type(mut self, value: FirmwareType) -> Self {
        self.input = self.input.r#type(value);
        self
    }

    /// Sets or clears `Type`.
    pub fn set_type(mut self, value: Option<FirmwareType>) -> Self {
        self.input = self.input.set_type(value);
        self
    }

    /// `SrcVersion`: The version a delta package updates from. Required when `Type` is delta (`1`),
    /// and then different from `DestVersion`; unused for full packages.
    pub fn src_version(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.src_version(value);
        self
    }

    /// Sets or clears `SrcVersion`.
    pub fn set_src_version(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_src_version(value);
        self
    }

    /// `ModuleName`: The OTA module the package belongs to; the module `default` when unset.
    pub fn module_name(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.module_name(value);
        self
    }

    /// Sets or clears `ModuleName`.
    pub fn set_module_name(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_module_name(value);
        self
    }

    /// `NeedToVerify`: Whether the package must pass a verification batch (CreateOTAVerifyJob) on
    /// test devices before it can be rolled out; `true` when unset.
    pub fn need_to_verify(mut self, value: bool) -> Self {
        self.input = self.input.need_to_verify(value);
        self
    }

    /// Sets or clears `NeedToVerify`.
    pub fn set_need_to_verify(mut self, value: Option<bool>) -> Self {
        self.input = self.input.set_need_to_verify(value);
        self
    }

    /// `Udi`: Custom information pushed to devices with the update notification, free-form, at most
    /// 4,096 characters. Unset means none.
    pub fn udi(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.udi(value);
        self
    }

    /// Sets or clears `Udi`.
    pub fn set_udi(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_udi(value);
        self
    }

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances):
    /// without it the call fails. Leave it unset for instances that have no ID.
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

impl CreateOtaFirmwareFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(self) -> Result<CreateOtaFirmwareResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl CreateOtaFirmwareFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(self) -> Result<CreateOtaFirmwareResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of CreateOTAFirmware.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct CreateOtaFirmwareResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `Data`: The new package, when the call succeeded.
    pub data: Option<CreatedFirmware>,
}

impl std::fmt::Debug for CreateOtaFirmwareResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateOtaFirmwareResponse")
            .field("request_id", &self.request_id)
            .field("data", &self.data)
            .finish()
    }
}

impl wire::Decode for CreateOtaFirmwareResponse {
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
                    aliyun_runtime::codegen::decode_into(
                        &mut out.data,
                        value,
                        &path.field("Data"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for CreateOtaFirmwareResponse {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("Data", &self.data);
    }
}

impl wire::Reply for CreateOtaFirmwareResponse {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}

/// The identity of a newly created OTA update package.
///
/// Wire name: `Data`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct CreatedFirmware {
    /// `FirmwareId`: The unique ID of the new package, for QueryOTAFirmware and the batch
    /// operations.
    pub firmware_id: Option<String>,

    /// `UtcCreate`: When the package was created (UTC).
    pub utc_create: Option<aliyun_runtime::jiff::Timestamp>,
}

impl std::fmt::Debug for CreatedFirmware {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreatedFirmware")
            .field("firmware_id", &self.firmware_id)
            .field("utc_create", &self.utc_create)
            .finish()
    }
}

impl wire::Decode for CreatedFirmware {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "FirmwareId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_id,
                        value,
                        &path.field("FirmwareId"),
                    )?
                }
                "UtcCreate" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.utc_create,
                        value,
                        &path.field("UtcCreate"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for CreatedFirmware {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("FirmwareId", &self.firmware_id);
        w.field_opt("UtcCreate", &self.utc_create);
    }
}

/// One file of a multi-file OTA update package, as given to CreateOTAFirmware.
///
/// Wire name: `MultiFilesItem`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct FirmwareFileInput {
    /// `Name`: The name of the file, 1 to 32 characters, unique within the package.
    pub name: String,

    /// `Url`: The URL of the uploaded file (GenerateOTAUploadURL's `FirmwareUrl`).
    pub url: String,

    /// `Size`: The size of the file in bytes. When unset, the size of the uploaded object is used.
    pub size: Option<i64>,

    /// `SignValue`: The signature of the file. When unset, the MD5 digest of the uploaded object is
    /// used.
    pub sign_value: Option<String>,

    /// `FileMd5`: The MD5 digest of the file. When unset, the MD5 digest of the uploaded object is
    /// used.
    pub file_md5: Option<String>,
}

impl std::fmt::Debug for FirmwareFileInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FirmwareFileInput")
            .field("name", &self.name)
            .field("url", &self.url)
            .field("size", &self.size)
            .field("sign_value", &self.sign_value)
            .field("file_md5", &self.file_md5)
            .finish()
    }
}

impl wire::Decode for FirmwareFileInput {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        let mut required_name = None;
        let mut required_url = None;
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "Name" => {
                    required_name = aliyun_runtime::codegen::decode_required(
                        value,
                        &path.field("Name"),
                    )?;
                }
                "Url" => {
                    required_url = aliyun_runtime::codegen::decode_required(
                        value,
                        &path.field("Url"),
                    )?;
                }
                "Size" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.size,
                        value,
                        &path.field("Size"),
                    )?
                }
                "SignValue" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.sign_value,
                        value,
                        &path.field("SignValue"),
                    )?
                }
                "FileMd5" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.file_md5,
                        value,
                        &path.field("FileMd5"),
                    )?
                }
                _ => {}
            }
        }
        out.name = aliyun_runtime::codegen::required(required_name, path, "Name")?;
        out.url = aliyun_runtime::codegen::required(required_url, path, "Url")?;
        Ok(out)
    }
}

impl wire::EncodeFields for FirmwareFileInput {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field("Name", &self.name);
        w.field("Url", &self.url);
        w.field_opt("Size", &self.size);
        w.field_opt("SignValue", &self.sign_value);
        w.field_opt("FileMd5", &self.file_md5);
    }
}

impl FirmwareFileInput {
    /// Sets `Name`: The name of the file, 1 to 32 characters, unique within the package.
    pub fn with_name(mut self, value: impl Into<String>) -> Self {
        self.name = value.into();
        self
    }

    /// Sets `Url`: The URL of the uploaded file (GenerateOTAUploadURL's `FirmwareUrl`).
    pub fn with_url(mut self, value: impl Into<String>) -> Self {
        self.url = value.into();
        self
    }

    /// Sets `Size`: The size of the file in bytes. When unset, the size of the uploaded object is
    /// used.
    pub fn with_size(mut self, value: i64) -> Self {
        self.size = Some(value);
        self
    }

    /// Sets `SignValue`: The signature of the file. When unset, the MD5 digest of the uploaded
    /// object is used.
    pub fn with_sign_value(mut self, value: impl Into<String>) -> Self {
        self.sign_value = Some(value.into());
        self
    }

    /// Sets `FileMd5`: The MD5 digest of the file. When unset, the MD5 digest of the uploaded
    /// object is used.
    pub fn with_file_md5(mut self, value: impl Into<String>) -> Self {
        self.file_md5 = Some(value.into());
        self
    }
}

impl aliyun_runtime::QueryValue for FirmwareFileInput {
    fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
        w.write(&format!("{name}.Name"), &self.name);
        w.write(&format!("{name}.Url"), &self.url);
        w.write(&format!("{name}.Size"), &self.size);
        w.write(&format!("{name}.SignValue"), &self.sign_value);
        w.write(&format!("{name}.FileMd5"), &self.file_md5);
    }
}

#[cfg(feature = "server")]
impl aliyun_runtime::query::FromQuery for FirmwareFileInput {
    fn read_query(
        r: &aliyun_runtime::QueryReader<'_>,
        name: &str,
    ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
        if !r.has_struct(name) {
            return Ok(None);
        }
        Ok(
            Some(Self {
                name: r.required(&format!("{name}.Name"))?,
                url: r.required(&format!("{name}.Url"))?,
                size: r.read(&format!("{name}.Size"))?,
                sign_value: r.read(&format!("{name}.SignValue"))?,
                file_md5: r.read(&format!("{name}.FileMd5"))?,
            }),
        )
    }
}

#[cfg(test)]
mod sample_tests {
    use aliyun_runtime::wire;

    #[allow(unused_imports)]
    use super::*;

    /// The JSON sample of the documentation. (spec/iot/samples/CreateOTAFirmware.doc.json)
    #[test]
    fn decodes_create_ota_firmware_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/CreateOTAFirmware.doc.json"
        );
        let reply = wire::decode_reply::<
            CreateOtaFirmwareResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the documentation (its RequestId differs from the JSON one).
    /// (spec/iot/samples/CreateOTAFirmware.doc.xml)
    #[test]
    fn decodes_create_ota_firmware_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/CreateOTAFirmware.doc.xml"
        );
        let reply = wire::decode_reply::<
            CreateOtaFirmwareResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
