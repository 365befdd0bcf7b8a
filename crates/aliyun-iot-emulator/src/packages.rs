//! What an emulator is seeded with: the OTA update packages it serves (the built-in set,
//! [`default_packages`]), the products and devices it simulates (the built-in
//! [`demo_product`]), and data files giving both ([`load_data_file`]).

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io;
use std::path::{Path as FsPath, PathBuf};

use aliyun_iot::query_ota_firmware::{
    FirmwareInfo, FirmwareStatus, FirmwareType, OtaPackageFile, QueryOtaFirmwareResponse,
    SignMethod,
};
use aliyun_runtime::jiff::Timestamp;
use aliyun_runtime::wire::{self, Decode, Format, Node, Path};

/// The current document's JSON sample (the seed): package `UfuxnwygsuSkVE0VCN****0100`.
const SEED_JSON: &[u8] = include_bytes!("../../../spec/iot/samples/QueryOTAFirmware.seed.json");

/// The older document's XML sample: package `yLYuCqfqQNQ1JOqkDa****0100`.
const DOC_XML: &[u8] = include_bytes!("../../../spec/iot/samples/QueryOTAFirmware.doc.xml");

/// The ID of the built-in multi-file package (it belongs to [`MULTI_FILE_INSTANCE`]).
pub const MULTI_FILE_PACKAGE_ID: &str = "mUltIfIlEsPkG7Xq2H****0100";

/// The IoT instance the built-in multi-file package belongs to: calls for it must send this
/// `IotInstanceId` (the example ID of the API document).
pub const MULTI_FILE_INSTANCE: &str = "iot_instc_pu****_c*-v64********";

/// The ID of the built-in delta package (`Type` 1, `SrcVersion` 4.0.0).
pub const DELTA_PACKAGE_ID: &str = "dEltApKgQz81LmVt0B****0100";

/// An OTA update package the emulator knows.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Package {
    /// What `QueryOTAFirmware` answers for it; `firmware.firmware_id` is the ID it is found by.
    pub firmware: FirmwareInfo,
    /// The IoT instance it belongs to, if any: calls must then send the same `IotInstanceId`
    /// (otherwise in-band `iot.system.InstanceNotFound`).
    pub iot_instance_id: Option<String>,
}

impl Package {
    /// A package outside any instance.
    pub fn new(firmware: FirmwareInfo) -> Self {
        Self {
            firmware,
            iot_instance_id: None,
        }
    }

    /// The same package inside the instance `iot_instance_id`.
    pub fn with_instance(mut self, iot_instance_id: impl Into<String>) -> Self {
        self.iot_instance_id = Some(iot_instance_id.into());
        self
    }

    /// The package's `FirmwareId` (empty when unset).
    pub fn firmware_id(&self) -> &str {
        self.firmware.firmware_id.as_deref().unwrap_or_default()
    }
}

/// The `ProductKey` of the demo product ([`demo_product`]).
pub const DEMO_PRODUCT_KEY: &str = "a1DemoProd";

/// The module a device reports when it is given none: `default`.
const DEFAULT_MODULE: &str = "default";

/// The version of [`DEFAULT_MODULE`] a device reports when it is given no modules: `1.0.0`.
const DEFAULT_VERSION: &str = "1.0.0";

/// At most this many devices generated for one product (`DeviceCount`).
const MAX_DEVICE_COUNT: u64 = 1_000_000;

/// The prefix of generated device names when `DeviceNamePrefix` is absent.
const DEFAULT_DEVICE_PREFIX: &str = "sim-";

/// What a data file holds: the products (with their devices) and the OTA packages to seed
/// an emulator with.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct DataFile {
    /// The file's `Products`, in file order, generated devices expanded (empty when absent).
    pub products: Vec<ProductSeed>,
    /// The file's `Packages`, in file order (empty when absent).
    pub packages: Vec<Package>,
}

/// A product and its devices, as seeded into an emulator.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ProductSeed {
    /// The `ProductKey`, unique among the products seeded.
    pub product_key: String,
    /// The `ProductName`.
    pub product_name: String,
    /// The IoT instance the product belongs to, if any: calls for it must then send the same
    /// `IotInstanceId`.
    pub iot_instance_id: Option<String>,
    /// The devices: those listed first, then the generated ones; names are unique.
    pub devices: Vec<DeviceSeed>,
}

impl ProductSeed {
    /// A product outside any instance, without devices.
    pub fn new(product_key: impl Into<String>, product_name: impl Into<String>) -> Self {
        Self {
            product_key: product_key.into(),
            product_name: product_name.into(),
            iot_instance_id: None,
            devices: Vec::new(),
        }
    }

    /// The same product inside the instance `iot_instance_id` (an empty string means no
    /// instance, as in a data file).
    pub fn with_instance(mut self, iot_instance_id: impl Into<String>) -> Self {
        let id = iot_instance_id.into();
        self.iot_instance_id = (!id.is_empty()).then_some(id);
        self
    }

    /// The same product with `device` added after its devices. Names are not checked here
    /// (the data file loader checks them).
    pub fn with_device(mut self, device: DeviceSeed) -> Self {
        self.devices.push(device);
        self
    }

    /// The same product with `count` devices added after its devices, named as a data file's
    /// `DeviceCount` names them: `<prefix><n>`, n from 1, zero-padded to the digits of
    /// `count` (200 gives `sim-001` … `sim-200`; 9 gives `sim-1` … `sim-9`). Each reports
    /// module `default` at `1.0.0`, is online and does not fail. Names are not checked here
    /// (the data file loader checks them).
    pub fn with_generated_devices(mut self, count: usize, prefix: &str) -> Self {
        generate_devices(&mut self.devices, count, prefix, &default_modules());
        self
    }
}

/// A simulated device of a product.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct DeviceSeed {
    /// The `DeviceName`, unique within its product.
    pub device_name: String,
    /// The version each module reports (module name → version).
    pub modules: BTreeMap<String, String>,
    /// True when the device fails the update tasks sent to it.
    pub fails: bool,
    /// False when the device is offline: its update tasks never progress.
    pub online: bool,
}

impl DeviceSeed {
    /// An online device that does not fail, reporting module `default` at `1.0.0`.
    pub fn new(device_name: impl Into<String>) -> Self {
        Self {
            device_name: device_name.into(),
            modules: default_modules(),
            fails: false,
            online: true,
        }
    }

    /// The same device reporting `module` at `version`, besides its other modules (a new
    /// seed already reports `default` at `1.0.0`; assign [`DeviceSeed::modules`] to replace
    /// the whole map).
    pub fn with_module(mut self, module: impl Into<String>, version: impl Into<String>) -> Self {
        self.modules.insert(module.into(), version.into());
        self
    }

    /// The same device, failing the update tasks sent to it.
    pub fn failing(mut self) -> Self {
        self.fails = true;
        self
    }

    /// The same device, offline: its update tasks never progress.
    pub fn offline(mut self) -> Self {
        self.online = false;
        self
    }
}

/// The demo product seeded when no data file gives products: `ProductKey`
/// [`DEMO_PRODUCT_KEY`] (`a1DemoProd`), name `Demo`, no instance, devices `dev-001` …
/// `dev-005`, each online, not failing, reporting module `default` at `1.0.0`.
pub fn demo_product() -> ProductSeed {
    (1..=5).fold(ProductSeed::new(DEMO_PRODUCT_KEY, "Demo"), |product, n| {
        product.with_device(DeviceSeed::new(format!("dev-{n:03}")))
    })
}

/// `{"default": "1.0.0"}`.
fn default_modules() -> BTreeMap<String, String> {
    BTreeMap::from([(DEFAULT_MODULE.to_owned(), DEFAULT_VERSION.to_owned())])
}

/// The number of decimal digits of `count` (1 for 0).
fn digits(count: usize) -> usize {
    count.checked_ilog10().map_or(1, |log| log as usize + 1)
}

/// Appends `count` devices named `<prefix><n>` (n from 1, zero-padded to the digits of
/// `count`), each reporting `modules`, online and not failing.
fn generate_devices(
    devices: &mut Vec<DeviceSeed>,
    count: usize,
    prefix: &str,
    modules: &BTreeMap<String, String>,
) {
    let width = digits(count);
    devices.reserve(count);
    devices.extend((1..=count).map(|n| DeviceSeed {
        device_name: format!("{prefix}{n:0width$}"),
        modules: modules.clone(),
        fails: false,
        online: true,
    }));
}

/// The built-in packages:
///
/// 1. `UfuxnwygsuSkVE0VCN****0100`: the seed JSON sample (`spec/iot/samples/QueryOTAFirmware.seed.json`),
///    a single-file full package with a `Udi`;
/// 2. `yLYuCqfqQNQ1JOqkDa****0100`: the XML sample (`spec/iot/samples/QueryOTAFirmware.doc.xml`),
///    whose `FirmwareUrl` holds `&` (CDATA in XML);
/// 3. [`MULTI_FILE_PACKAGE_ID`]: a verified multi-file package (three files in `MultiFiles`, no
///    single-file fields), in the instance [`MULTI_FILE_INSTANCE`];
/// 4. [`DELTA_PACKAGE_ID`]: a delta package (`Type` 1, `SrcVersion` `4.0.0`, `Status` -1).
///
/// The first two are decoded from the sample files, embedded at build time, with the
/// generated decoders; should one ever fail to decode, it is left out (and logged).
pub fn default_packages() -> Vec<Package> {
    let mut packages = Vec::with_capacity(4);
    for (format, body, file) in [
        (Format::Json, SEED_JSON, "QueryOTAFirmware.seed.json"),
        (Format::Xml, DOC_XML, "QueryOTAFirmware.doc.xml"),
    ] {
        match wire::decode_body::<QueryOtaFirmwareResponse>(format, body) {
            Ok(response) => match response.firmware_info {
                Some(firmware) => packages.push(Package::new(firmware)),
                None => tracing::error!(file, "the sample has no FirmwareInfo"),
            },
            Err(error) => tracing::error!(file, %error, "cannot decode the sample"),
        }
    }
    packages.push(Package::new(multi_file_package()).with_instance(MULTI_FILE_INSTANCE));
    packages.push(Package::new(delta_package()));
    packages
}

/// A UTC time from seconds since the epoch (the constants below are all in range).
fn at(second: i64) -> Option<Timestamp> {
    Timestamp::from_second(second).ok()
}

fn multi_file_package() -> FirmwareInfo {
    let file = |name: &str, size: i64, sign: &str, md5: &str| {
        let mut f = OtaPackageFile::default();
        f.name = Some(name.to_owned());
        f.size = Some(size);
        f.url = Some(format!(
            "https://ota-***.aliyuncs.com/ota/9b1c2d3e4f5a6b7c8d9e0f1a2b3c****/{name}?Expires=1893456000&OSSAccessKeyId=cS8uRRy54Rsz****&Signature=Zm9vYmFy%2Bk9xT2****"
        ));
        f.sign_value = Some(sign.to_owned());
        f.file_md5 = Some(md5.to_owned());
        f
    };
    let mut f = FirmwareInfo::default();
    f.firmware_id = Some(MULTI_FILE_PACKAGE_ID.to_owned());
    f.firmware_name = Some("camera-bundle-5.2".to_owned());
    f.firmware_desc =
        Some("Kernel, root file system and model weights, <signed> & verified".to_owned());
    f.src_version = Some(String::new());
    f.dest_version = Some("5.2.0".to_owned());
    f.r#type = Some(FirmwareType::Full);
    f.status = Some(FirmwareStatus::Verified);
    f.verify_progress = Some(100);
    f.sign_method = Some(SignMethod::Sha256);
    f.module_name = Some("default".to_owned());
    f.product_key = Some("a1cAmErA****".to_owned());
    f.product_name = Some("SmartCamera".to_owned());
    f.udi = Some(r#"{"ota_notice":"Multi-file update: reboot required."}"#.to_owned());
    f.utc_create = at(1_717_200_000);
    f.utc_modified = at(1_717_203_600);
    f.multi_files = vec![
        file(
            "kernel.bin",
            4_194_304,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f0****",
            "0cc175b9c0f1b6a831c399e26977****",
        ),
        file(
            "rootfs.squashfs",
            1_073_741_824,
            "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11****",
            "92eb5ffee6ae2fec3ad71c777531****",
        ),
        file(
            "model.tflite",
            12_582_912,
            "fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74a****",
            "4a8a08f09d37b73795649038408b****",
        ),
    ];
    f
}

fn delta_package() -> FirmwareInfo {
    let mut f = FirmwareInfo::default();
    f.firmware_id = Some(DELTA_PACKAGE_ID.to_owned());
    f.firmware_name = Some("wifi-delta-4.0.0-4.1.0".to_owned());
    f.firmware_desc = Some("Differences from 4.0.0 only".to_owned());
    f.src_version = Some("4.0.0".to_owned());
    f.dest_version = Some("4.1.0".to_owned());
    f.r#type = Some(FirmwareType::Delta);
    f.status = Some(FirmwareStatus::NoVerificationRequired);
    f.verify_progress = Some(0);
    f.sign_method = Some(SignMethod::Md5);
    f.firmware_sign = Some("5d41402abc4b2a76b9719d911017****".to_owned());
    f.firmware_size = Some(65_536);
    f.firmware_url = Some(
        "https://ota-***.aliyuncs.com/ota/572ef2fd12ca4791a5b21a9eb948****/dElTa0001****.bin?Expires=1893456000&OSSAccessKeyId=cS8uRRy54Rsz****&Signature=dGVzdA%3D%3D****".to_owned(),
    );
    f.module_name = Some("WifiConfigModify".to_owned());
    f.product_key = Some("a19mzPZ****".to_owned());
    f.product_name = Some("MyProduct".to_owned());
    f.utc_create = at(1_700_000_000);
    f.utc_modified = at(1_700_000_042);
    f
}

/// Why a data file could not be loaded: the file, where in it (a field path such as
/// `Packages[2].FirmwareInfo.Type`, or a line and column), and what was wrong.
#[derive(Debug)]
#[non_exhaustive]
pub struct DataError {
    /// The file.
    pub file: PathBuf,
    /// Where in the file (empty when the problem is the whole file).
    pub location: String,
    /// What was wrong.
    pub message: String,
    source: Option<io::Error>,
}

impl DataError {
    fn new(file: &FsPath, location: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            location: location.into(),
            message: message.into(),
            source: None,
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file.display())?;
        if !self.location.is_empty() {
            write!(f, "at {}: ", self.location)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for DataError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}
/// Loads a JSON data file: the products (with their devices) and the OTA packages to seed an
/// emulator with, instead of the built-in ones.
///
/// ```json
/// {
///   "Products": [
///     {
///       "ProductKey": "a1DemoProd", "ProductName": "Demo", "IotInstanceId": "",
///       "Devices": [
///         {"DeviceName": "dev-001", "Modules": {"default": "1.0.0"}},
///         {"DeviceName": "dev-002", "Modules": {"default": "1.0.0"}, "Fails": true},
///         {"DeviceName": "dev-003", "Online": false}
///       ],
///       "DeviceCount": 200, "DeviceNamePrefix": "sim-", "DeviceModules": {"default": "1.0.0"}
///     }
///   ],
///   "Packages": [
///     {
///       "IotInstanceId": "iot-cn-0pp1n8t****",
///       "FirmwareInfo": {
///         "FirmwareId": "s8SSHiKjpBfrM3BSN0z803****",
///         "FirmwareName": "wifi-4.2", "DestVersion": "4.2.0", "SrcVersion": "",
///         "Type": 0, "Status": 1, "VerifyProgress": 100, "SignMethod": "MD5",
///         "FirmwareSign": "3d04ab6462633508606e5f3daac8****", "FirmwareSize": 924,
///         "FirmwareUrl": "https://example.com/fw.bin?Expires=1&Signature=x",
///         "UtcCreate": "2024-01-02T03:04:05.000Z"
///       }
///     }
///   ]
/// }
/// ```
///
/// The keys, all case-sensitive (any other key is refused, as is a key given twice in one
/// object). Inside a product or a device, `null` is the same as leaving an optional key out;
/// the top-level keys, when given, must be arrays.
///
/// | Key | Type | Default | Rule |
/// |-----|------|---------|------|
/// | `Products` | array of products | none | at least one of `Products` and `Packages` |
/// | `Packages` | array of packages | none | at least one of `Products` and `Packages` |
/// | `Products[i].ProductKey` | string | required | not empty; unique in the file |
/// | `Products[i].ProductName` | string | the `ProductKey` | `""` counts as absent |
/// | `Products[i].IotInstanceId` | string | no instance | `""` means no instance |
/// | `Products[i].Devices` | array of devices | `[]` | listed devices, kept first |
/// | `Products[i].DeviceCount` | integer | `0` | 0 to 1,000,000: devices generated after the listed ones |
/// | `Products[i].DeviceNamePrefix` | string | `"sim-"` | not empty; letters, digits, `-` `_` `@` `.` `:`; generated names are `<prefix><n>`, n from 1 zero-padded to the digits of `DeviceCount` (200: `sim-001` … `sim-200`), 4 to 32 characters |
/// | `Products[i].DeviceModules` | object: module → version | `{"default": "1.0.0"}` | what every generated device reports; rules as `Modules` |
/// | `Products[i].Devices[j].DeviceName` | string | required | 4 to 32 characters: letters, digits, `-` `_` `@` `.` `:`; unique within the product, generated devices included |
/// | `Products[i].Devices[j].Modules` | object: module → version | `{"default": "1.0.0"}` | at least one module; module names and versions (strings) 1 to 64 characters: letters, digits, `.` `-` `_` |
/// | `Products[i].Devices[j].Fails` | boolean | `false` | `true`: the device fails the update tasks sent to it |
/// | `Products[i].Devices[j].Online` | boolean | `true` | `false`: the device's update tasks never progress |
/// | `Packages[k].IotInstanceId` | string | no instance | `""` or `null` means no instance |
/// | `Packages[k].FirmwareInfo` | object | required | as `QueryOTAFirmware` returns it (see below); `FirmwareId` required, unique within an instance |
///
/// Numbers in `Products` are JSON integers (`200`, not `"200"` or `200.0`) and booleans JSON
/// booleans (`true`, not `"true"`). `FirmwareInfo`, in contrast, is decoded by the API's
/// generated decoder, as leniently as a response: numbers may also be strings and
/// `MultiFiles` may be a plain array or `{"OtaPackageFileDTO": [...]}`; unknown fields are
/// refused there too (they are most likely typos), except those the decoder itself ignores
/// in a shape it does not compare (a wrapped `MultiFiles`).
///
/// Every error names the file and the field path (`Products[0].Devices[2].DeviceName`,
/// `Packages[2].FirmwareInfo.Type`) or, for JSON syntax, the line and column.
pub fn load_data_file(path: impl AsRef<FsPath>) -> Result<DataFile, DataError> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| DataError {
        file: path.to_owned(),
        location: String::new(),
        message: format!("cannot read the file: {e}"),
        source: Some(e),
    })?;
    parse_data(path, &bytes)
}

/// Decodes the content of a data file (see [`load_data_file`]); `file` only names it in
/// errors.
fn parse_data(file: &FsPath, bytes: &[u8]) -> Result<DataFile, DataError> {
    let root = wire::parse_json(bytes).map_err(|e| {
        let message = if e.path.is_empty() {
            format!(
                "{} (expected {{\"Products\":[...], \"Packages\":[...]}})",
                e.message
            )
        } else {
            format!("not valid JSON: {}", e.message)
        };
        DataError::new(file, e.path, message)
    })?;
    let root_path = Path::root();
    let [products, packages] = fields(
        file,
        root,
        &root_path,
        "the top level",
        ["Products", "Packages"],
    )?;
    if products.is_none() && packages.is_none() {
        return Err(DataError::new(
            file,
            "",
            "missing field: the file needs \"Products\", \"Packages\" or both",
        ));
    }
    let products = match products {
        Some(list) => parse_products(file, list, &root_path.field("Products"))?,
        None => Vec::new(),
    };
    let packages = match packages {
        Some(list) => parse_packages(file, list, &root_path.field("Packages"))?,
        None => Vec::new(),
    };
    Ok(DataFile { products, packages })
}

/// The values of an object's `known` keys, in the order of `known` (`None` when absent), or
/// an error at `path`: not an object, an unknown key, a key given twice. `what` names the
/// object in messages ("a product").
fn fields<'a, const N: usize>(
    file: &FsPath,
    node: Node<'a>,
    path: &Path<'_>,
    what: &str,
    known: [&str; N],
) -> Result<[Option<Node<'a>>; N], DataError> {
    let Node::Map(entries) = node else {
        return Err(DataError::new(
            file,
            path.to_string(),
            format!("expected {what} (an object), found {}", node.kind()),
        ));
    };
    let mut slots: [Option<Node<'a>>; N] = std::array::from_fn(|_| None);
    for (key, value) in entries {
        let field = path.field(&key);
        let Some(slot) = known
            .iter()
            .position(|k| *k == key)
            .and_then(|i| slots.get_mut(i))
        else {
            let hint = known
                .iter()
                .find(|k| k.eq_ignore_ascii_case(&key))
                .map(|k| format!("; did you mean \"{k}\"?"))
                .unwrap_or_default();
            let list: Vec<String> = known.iter().map(|k| format!("\"{k}\"")).collect();
            return Err(DataError::new(
                file,
                field.to_string(),
                format!(
                    "unknown field{hint} ({what} holds only {}; names are case-sensitive)",
                    list.join(", ")
                ),
            ));
        };
        if slot.is_some() {
            return Err(DataError::new(
                file,
                field.to_string(),
                "field given twice in the same object",
            ));
        }
        *slot = Some(value);
    }
    Ok(slots)
}

/// An optional string: absent and `null` give `None`.
fn string(
    file: &FsPath,
    node: Option<Node<'_>>,
    path: &Path<'_>,
) -> Result<Option<String>, DataError> {
    match node {
        None | Some(Node::Null) => Ok(None),
        Some(Node::Text(text)) => Ok(Some(text.into_owned())),
        Some(other) => Err(DataError::new(
            file,
            path.to_string(),
            format!("expected a string, found {}", other.kind()),
        )),
    }
}

/// The required string field `name` of the object at `parent`.
fn required_string(
    file: &FsPath,
    node: Option<Node<'_>>,
    parent: &Path<'_>,
    name: &str,
) -> Result<String, DataError> {
    let field = parent.field(name);
    match node {
        None => Err(DataError::new(
            file,
            parent.to_string(),
            format!("missing field \"{name}\""),
        )),
        Some(Node::Text(text)) => Ok(text.into_owned()),
        Some(other) => Err(DataError::new(
            file,
            field.to_string(),
            format!("expected a string, found {}", other.kind()),
        )),
    }
}

/// An optional integer ≥ 0: absent and `null` give `None`.
fn integer(
    file: &FsPath,
    node: Option<Node<'_>>,
    path: &Path<'_>,
) -> Result<Option<u64>, DataError> {
    let problem = match node {
        None | Some(Node::Null) => return Ok(None),
        Some(Node::Number(number)) => match number.as_u64() {
            Some(value) => return Ok(Some(value)),
            None => format!("expected an integer ≥ 0, found {number}"),
        },
        Some(Node::Text(text)) if text.trim().parse::<u64>().is_ok() => format!(
            "expected an integer ≥ 0, found a string (write {}, without quotes)",
            text.trim()
        ),
        Some(other) => format!("expected an integer ≥ 0, found {}", other.kind()),
    };
    Err(DataError::new(file, path.to_string(), problem))
}

/// An optional boolean: absent and `null` give `None`.
fn boolean(
    file: &FsPath,
    node: Option<Node<'_>>,
    path: &Path<'_>,
) -> Result<Option<bool>, DataError> {
    let problem = match node {
        None | Some(Node::Null) => return Ok(None),
        Some(Node::Bool(value)) => return Ok(Some(value)),
        Some(Node::Text(text)) if matches!(&*text, "true" | "false") => {
            format!("expected a boolean, found a string (write {text}, without quotes)")
        }
        Some(other) => format!("expected a boolean (true or false), found {}", other.kind()),
    };
    Err(DataError::new(file, path.to_string(), problem))
}

/// What a name (or a version) may hold.
struct NameRule {
    /// What is named, for messages ("a device name").
    what: &'static str,
    /// The fewest characters.
    min: usize,
    /// The most characters.
    max: usize,
    /// The characters allowed besides ASCII letters and digits.
    extra: &'static str,
}

/// IoT Platform's rule for a `DeviceName`.
const DEVICE_NAME: NameRule = NameRule {
    what: "a device name",
    min: 4,
    max: 32,
    extra: "-_@.:",
};

/// The rule for a module name.
const MODULE_NAME: NameRule = NameRule {
    what: "a module name",
    min: 1,
    max: 64,
    extra: ".-_",
};

/// The rule for a module's version.
const VERSION: NameRule = NameRule {
    what: "a version",
    min: 1,
    max: 64,
    extra: ".-_",
};

impl NameRule {
    /// True for a character the rule allows.
    fn allows(&self, c: char) -> bool {
        c.is_ascii_alphanumeric() || self.extra.contains(c)
    }

    /// What is wrong with `text`, with the rule; `None` when it follows the rule.
    fn problem(&self, text: &str) -> Option<String> {
        let length = text.chars().count();
        let fault = if length == 0 {
            "empty".to_owned()
        } else if length < self.min {
            format!("{length} characters, too short")
        } else if length > self.max {
            format!("{length} characters, too long")
        } else {
            format!(
                "{:?} is not allowed",
                text.chars().find(|c| !self.allows(*c))?
            )
        };
        Some(format!("{fault}; {}", self.describe()))
    }

    /// The rule in words.
    fn describe(&self) -> String {
        let extra: Vec<String> = self.extra.chars().map(|c| format!("`{c}`")).collect();
        format!(
            "{} has {} to {} characters: letters, digits, {}",
            self.what,
            self.min,
            self.max,
            extra.join(" ")
        )
    }
}

/// An optional module map (module name → version): absent and `null` give `None`.
fn modules(
    file: &FsPath,
    node: Option<Node<'_>>,
    path: &Path<'_>,
) -> Result<Option<BTreeMap<String, String>>, DataError> {
    let entries = match node {
        None | Some(Node::Null) => return Ok(None),
        Some(Node::Map(entries)) => entries,
        Some(other) => {
            return Err(DataError::new(
                file,
                path.to_string(),
                format!(
                    "expected an object of module name → version, such as {{\"default\": \"1.0.0\"}}, found {}",
                    other.kind()
                ),
            ));
        }
    };
    if entries.is_empty() {
        return Err(DataError::new(
            file,
            path.to_string(),
            "no module: name at least one (leave the field out for {\"default\": \"1.0.0\"})",
        ));
    }
    let mut map = BTreeMap::new();
    for (name, version) in entries {
        if let Some(problem) = MODULE_NAME.problem(&name) {
            return Err(DataError::new(
                file,
                path.to_string(),
                format!("invalid module name {name:?}: {problem}"),
            ));
        }
        let field = path.field(&name);
        if map.contains_key(&*name) {
            return Err(DataError::new(
                file,
                field.to_string(),
                "module given twice in the same object",
            ));
        }
        let version = match version {
            Node::Text(version) => version,
            Node::Number(number) => {
                return Err(DataError::new(
                    file,
                    field.to_string(),
                    format!("expected a version string, found a number (write \"{number}\")"),
                ));
            }
            other => {
                return Err(DataError::new(
                    file,
                    field.to_string(),
                    format!("expected a version string, found {}", other.kind()),
                ));
            }
        };
        if let Some(problem) = VERSION.problem(&version) {
            return Err(DataError::new(
                file,
                field.to_string(),
                format!("invalid version {version:?}: {problem}"),
            ));
        }
        map.insert(name.into_owned(), version.into_owned());
    }
    Ok(Some(map))
}

/// The `Products` list.
fn parse_products(
    file: &FsPath,
    list: Node<'_>,
    path: &Path<'_>,
) -> Result<Vec<ProductSeed>, DataError> {
    let Node::List(items) = list else {
        return Err(DataError::new(
            file,
            path.to_string(),
            format!("expected an array of products, found {}", list.kind()),
        ));
    };
    let mut products: Vec<ProductSeed> = Vec::with_capacity(items.len());
    let mut keys: HashMap<String, usize> = HashMap::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        let item_path = path.index(index);
        let product = parse_product(file, item, &item_path)?;
        if let Some(&first) = keys.get(&product.product_key) {
            return Err(DataError::new(
                file,
                item_path.field("ProductKey").to_string(),
                format!(
                    "duplicate product {:?} (already at {})",
                    product.product_key,
                    path.index(first).field("ProductKey")
                ),
            ));
        }
        keys.insert(product.product_key.clone(), index);
        products.push(product);
    }
    Ok(products)
}

/// One entry of `Products`, its generated devices expanded.
fn parse_product(file: &FsPath, item: Node<'_>, path: &Path<'_>) -> Result<ProductSeed, DataError> {
    let [key, name, instance, devices, count, prefix, device_modules] = fields(
        file,
        item,
        path,
        "a product",
        [
            "ProductKey",
            "ProductName",
            "IotInstanceId",
            "Devices",
            "DeviceCount",
            "DeviceNamePrefix",
            "DeviceModules",
        ],
    )?;
    let product_key = required_string(file, key, path, "ProductKey")?;
    if product_key.trim().is_empty() {
        return Err(DataError::new(
            file,
            path.field("ProductKey").to_string(),
            "must not be empty",
        ));
    }
    let product_name = string(file, name, &path.field("ProductName"))?
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| product_key.clone());
    let iot_instance_id =
        string(file, instance, &path.field("IotInstanceId"))?.filter(|i| !i.is_empty());

    let count_path = path.field("DeviceCount");
    let count = integer(file, count, &count_path)?.unwrap_or(0);
    if count > MAX_DEVICE_COUNT {
        return Err(DataError::new(
            file,
            count_path.to_string(),
            format!("{count} devices: at most 1,000,000 per product"),
        ));
    }
    let count = usize::try_from(count).map_err(|_| {
        DataError::new(
            file,
            count_path.to_string(),
            format!("{count} devices: too many for this machine"),
        )
    })?;
    let width = digits(count);
    let prefix_path = path.field("DeviceNamePrefix");
    let prefix =
        string(file, prefix, &prefix_path)?.unwrap_or_else(|| DEFAULT_DEVICE_PREFIX.to_owned());
    check_prefix(file, &prefix, count, &prefix_path)?;
    let device_modules = modules(file, device_modules, &path.field("DeviceModules"))?
        .unwrap_or_else(default_modules);

    let devices_path = path.field("Devices");
    let mut seeds = Vec::new();
    match devices {
        None | Some(Node::Null) => {}
        Some(Node::List(items)) => {
            seeds.reserve(items.len().saturating_add(count));
            for (index, item) in items.into_iter().enumerate() {
                seeds.push(parse_device(file, item, &devices_path.index(index))?);
            }
        }
        Some(other) => {
            return Err(DataError::new(
                file,
                devices_path.to_string(),
                format!("expected an array of devices, found {}", other.kind()),
            ));
        }
    }
    // Duplicates among the listed devices, then with the generated ones (whose names all
    // have the prefix and `width` digits, so no need to make them first).
    let mut names: HashMap<&str, usize> = HashMap::with_capacity(seeds.len());
    for (index, seed) in seeds.iter().enumerate() {
        let name = seed.device_name.as_str();
        let name_path = devices_path.index(index);
        let name_path = name_path.field("DeviceName");
        if let Some(&first) = names.get(name) {
            let first_path = devices_path.index(first);
            return Err(DataError::new(
                file,
                name_path.to_string(),
                format!(
                    "duplicate device {name:?} (already at {})",
                    first_path.field("DeviceName")
                ),
            ));
        }
        if let Some(n) = generated_number(name, &prefix, width, count) {
            return Err(DataError::new(
                file,
                name_path.to_string(),
                format!(
                    "duplicate device {name:?}: {count_path} ({count}) with {prefix_path} \
                     ({prefix:?}) generates it too (device {n} of {count})"
                ),
            ));
        }
        names.insert(name, index);
    }
    generate_devices(&mut seeds, count, &prefix, &device_modules);
    Ok(ProductSeed {
        product_key,
        product_name,
        iot_instance_id,
        devices: seeds,
    })
}

/// Checks a `DeviceNamePrefix`: not empty, only characters of a device name, and (when
/// devices are generated) generated names of an allowed length.
fn check_prefix(
    file: &FsPath,
    prefix: &str,
    count: usize,
    path: &Path<'_>,
) -> Result<(), DataError> {
    let fail = |message: String| Err(DataError::new(file, path.to_string(), message));
    if prefix.is_empty() {
        return fail(format!(
            "must not be empty (leave the field out for {DEFAULT_DEVICE_PREFIX:?})"
        ));
    }
    if let Some(c) = prefix.chars().find(|c| !DEVICE_NAME.allows(*c)) {
        return fail(format!(
            "{c:?} is not allowed in a device name; {}",
            DEVICE_NAME.describe()
        ));
    }
    let length = prefix.chars().count().saturating_add(digits(count));
    if count > 0 && !(DEVICE_NAME.min..=DEVICE_NAME.max).contains(&length) {
        let width = digits(count);
        return fail(format!(
            "the generated names (\"{prefix}{:0width$}\" … \"{prefix}{count}\") have {length} \
             characters; {}",
            1,
            DEVICE_NAME.describe()
        ));
    }
    Ok(())
}

/// The n (1 ..= `count`) of the generated device named `name`, if `name` is one.
fn generated_number(name: &str, prefix: &str, width: usize, count: usize) -> Option<usize> {
    let digits = name.strip_prefix(prefix)?;
    if digits.len() != width || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: usize = digits.parse().ok()?;
    (1..=count).contains(&n).then_some(n)
}

/// One entry of a product's `Devices`.
fn parse_device(file: &FsPath, item: Node<'_>, path: &Path<'_>) -> Result<DeviceSeed, DataError> {
    let [name, modules_node, fails, online] = fields(
        file,
        item,
        path,
        "a device",
        ["DeviceName", "Modules", "Fails", "Online"],
    )?;
    let device_name = required_string(file, name, path, "DeviceName")?;
    if let Some(problem) = DEVICE_NAME.problem(&device_name) {
        return Err(DataError::new(
            file,
            path.field("DeviceName").to_string(),
            format!("invalid device name {device_name:?}: {problem}"),
        ));
    }
    Ok(DeviceSeed {
        device_name,
        modules: modules(file, modules_node, &path.field("Modules"))?
            .unwrap_or_else(default_modules),
        fails: boolean(file, fails, &path.field("Fails"))?.unwrap_or(false),
        online: boolean(file, online, &path.field("Online"))?.unwrap_or(true),
    })
}

/// The `Packages` list.
fn parse_packages(
    file: &FsPath,
    list: Node<'_>,
    path: &Path<'_>,
) -> Result<Vec<Package>, DataError> {
    let Node::List(items) = list else {
        return Err(DataError::new(
            file,
            path.to_string(),
            format!("expected an array, found {}", list.kind()),
        ));
    };
    let mut packages: Vec<Package> = Vec::with_capacity(items.len());
    // (instance, firmware ID) → index: a file may hold tens of thousands of packages.
    let mut seen: std::collections::HashMap<(Option<String>, String), usize> =
        std::collections::HashMap::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        let item_path = path.index(index);
        let package = parse_package(file, item, &item_path)?;
        let key = (
            package.iot_instance_id.clone(),
            package.firmware_id().to_owned(),
        );
        if let Some(&first) = seen.get(&key) {
            return Err(DataError::new(
                file,
                item_path
                    .field("FirmwareInfo")
                    .field("FirmwareId")
                    .to_string(),
                format!(
                    "duplicate package {:?} (already at Packages[{first}] in the same instance)",
                    package.firmware_id()
                ),
            ));
        }
        seen.insert(key, index);
        packages.push(package);
    }
    Ok(packages)
}

/// One entry of `Packages`.
fn parse_package(file: &FsPath, item: Node<'_>, path: &Path<'_>) -> Result<Package, DataError> {
    let Node::Map(entries) = item else {
        return Err(DataError::new(
            file,
            path.to_string(),
            format!(
                "expected an object {{\"IotInstanceId\":..., \"FirmwareInfo\":{{...}}}}, found {}",
                item.kind()
            ),
        ));
    };
    let mut instance = None;
    let mut firmware = None;
    for (key, value) in entries {
        match &*key {
            "IotInstanceId" => {
                let field = path.field("IotInstanceId");
                instance = match value {
                    Node::Null => None,
                    Node::Text(t) if t.is_empty() => None,
                    Node::Text(t) => Some(t.into_owned()),
                    other => {
                        return Err(DataError::new(
                            file,
                            field.to_string(),
                            format!("expected a string, found {}", other.kind()),
                        ));
                    }
                };
            }
            "FirmwareInfo" => {
                let field = path.field("FirmwareInfo");
                let decoded = FirmwareInfo::decode(value.clone(), &field)
                    .map_err(|e| DataError::new(file, e.path, e.message))?;
                let encoded = wire::to_node(&decoded);
                if let Some(unknown) = unknown_field(&value, &encoded, &field) {
                    return Err(DataError::new(
                        file,
                        unknown,
                        "unknown field (not a field of FirmwareInfo; names are case-sensitive)",
                    ));
                }
                firmware = Some(decoded);
            }
            other => {
                return Err(DataError::new(
                    file,
                    path.field(other).to_string(),
                    "unknown field (a package holds only \"IotInstanceId\" and \"FirmwareInfo\")",
                ));
            }
        }
    }
    let Some(firmware) = firmware else {
        return Err(DataError::new(
            file,
            path.to_string(),
            "missing field \"FirmwareInfo\"",
        ));
    };
    if firmware.firmware_id.as_deref().is_none_or(str::is_empty) {
        return Err(DataError::new(
            file,
            path.field("FirmwareInfo").field("FirmwareId").to_string(),
            "missing or empty: every package needs a FirmwareId",
        ));
    }
    Ok(Package {
        firmware,
        iot_instance_id: instance,
    })
}

/// The path of the first field of `input` that the generated decoder dropped: a key with a
/// non-empty value that is not in the re-encoded value. Maps are compared key by key and
/// lists item by item (when both sides have the same shape); other shapes are not compared.
fn unknown_field(input: &Node, encoded: &Node, path: &Path<'_>) -> Option<String> {
    match (input, encoded) {
        (Node::Map(given), Node::Map(kept)) => {
            for (key, value) in given {
                let field = path.field(key);
                match kept.iter().find(|(k, _)| k == key) {
                    Some((_, kept_value)) => {
                        if let Some(found) = unknown_field(value, kept_value, &field) {
                            return Some(found);
                        }
                    }
                    None => {
                        let empty = value.is_empty_value()
                            || matches!(value, Node::List(items) if items.is_empty());
                        if !empty {
                            return Some(field.to_string());
                        }
                    }
                }
            }
            None
        }
        (Node::List(given), Node::List(kept)) if given.len() == kept.len() => given
            .iter()
            .zip(kept)
            .enumerate()
            .find_map(|(i, (g, k))| unknown_field(g, k, &path.index(i))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_file(text: &str) -> Result<DataFile, DataError> {
        parse_data(FsPath::new("pkgs.json"), text.as_bytes())
    }

    fn parse(text: &str) -> Result<Vec<Package>, DataError> {
        parse_file(text).map(|data| data.packages)
    }

    #[test]
    fn default_packages_are_all_there() {
        let packages = default_packages();
        let ids: Vec<&str> = packages.iter().map(Package::firmware_id).collect();
        assert_eq!(
            ids,
            [
                "UfuxnwygsuSkVE0VCN****0100",
                "yLYuCqfqQNQ1JOqkDa****0100",
                MULTI_FILE_PACKAGE_ID,
                DELTA_PACKAGE_ID
            ]
        );
        let seed = &packages[0].firmware;
        assert_eq!(seed.firmware_size, Some(924));
        assert_eq!(seed.status, Some(FirmwareStatus::Verifying));
        assert!(
            seed.udi
                .as_deref()
                .is_some_and(|u| u.contains("ota_notice"))
        );
        let xml = &packages[1].firmware;
        assert_eq!(xml.status, Some(FirmwareStatus::Unverified));
        assert!(xml.firmware_url.as_deref().is_some_and(|u| u.contains('&')));
        assert_eq!(xml.src_version.as_deref(), Some(""));
        let multi = &packages[2];
        assert_eq!(multi.iot_instance_id.as_deref(), Some(MULTI_FILE_INSTANCE));
        assert!(multi.firmware.multi_files.len() >= 2);
        assert!(multi.firmware.firmware_url.is_none());
        assert!(multi.firmware.firmware_size.is_none());
        assert!(multi.firmware.firmware_sign.is_none());
        let delta = &packages[3].firmware;
        assert_eq!(delta.r#type, Some(FirmwareType::Delta));
        assert_eq!(delta.src_version.as_deref(), Some("4.0.0"));
        assert!(packages[..2].iter().all(|p| p.iot_instance_id.is_none()));
        assert!(packages[3].iot_instance_id.is_none());
    }

    #[test]
    fn data_round_trips_the_defaults() {
        // Encode the defaults as a data file, then load it back.
        let items: Vec<Node<'_>> = default_packages()
            .iter()
            .map(|p| {
                let mut entries = Vec::new();
                if let Some(i) = &p.iot_instance_id {
                    entries.push(("IotInstanceId".into(), Node::Text(i.clone().into())));
                }
                entries.push(("FirmwareInfo".into(), wire::to_node(&p.firmware)));
                Node::Map(entries)
            })
            .collect();
        let doc = Node::Map(vec![("Packages".into(), Node::List(items))]);
        let text = wire::to_json(&doc, true);
        assert_eq!(parse(&text).unwrap(), default_packages());
    }

    #[test]
    fn lenient_shapes_are_accepted() {
        let packages = parse(
            r#"{"Packages":[{"IotInstanceId":"","FirmwareInfo":{"FirmwareId":"a","Type":"1","Status":-1,
                "MultiFiles":{"OtaPackageFileDTO":[{"Name":"x","Size":"3"}]}}},
               {"IotInstanceId":"iot-1","FirmwareInfo":{"FirmwareId":"a","MultiFiles":[]}}]}"#,
        )
        .unwrap();
        assert_eq!(packages.len(), 2);
        assert_eq!(packages[0].iot_instance_id, None);
        assert_eq!(packages[0].firmware.r#type, Some(FirmwareType::Delta));
        assert_eq!(packages[0].firmware.multi_files[0].size, Some(3));
        assert_eq!(packages[1].iot_instance_id.as_deref(), Some("iot-1"));
        assert!(parse(r#"{"Packages":[]}"#).unwrap().is_empty());
    }

    #[track_caller]
    fn fails(text: &str, location: &str, message: &str) {
        let err = parse(text).unwrap_err();
        assert_eq!(err.location, location, "{err}");
        assert!(err.message.contains(message), "{err}");
        let shown = err.to_string();
        assert!(shown.starts_with("pkgs.json: "), "{shown}");
        if !location.is_empty() {
            assert!(shown.contains(location), "{shown}");
        }
    }

    #[test]
    fn errors_name_the_place_and_the_problem() {
        fails("{\"Packages\": [", "line 1 column 14", "not valid JSON");
        fails("[]", "", "expected an object at the top level");
        fails(
            "{}",
            "",
            "the file needs \"Products\", \"Packages\" or both",
        );
        fails(r#"{"Package":[]}"#, "Package", "unknown field");
        fails(r#"{"Packages":{}}"#, "Packages", "expected an array");
        fails(r#"{"Packages":[1]}"#, "Packages[0]", "expected an object");
        fails(
            r#"{"Packages":[{}]}"#,
            "Packages[0]",
            "missing field \"FirmwareInfo\"",
        );
        fails(
            r#"{"Packages":[{"FirmwareInfo":{"FirmwareId":"a"}},{"FirmwareInfo":{"FirmwareId":"b","Type":"x3"}}]}"#,
            "Packages[1].FirmwareInfo.Type",
            "expected an integer",
        );
        fails(
            r#"{"Packages":[{"FirmwareInfo":{"FirmwareName":"a"}}]}"#,
            "Packages[0].FirmwareInfo.FirmwareId",
            "every package needs a FirmwareId",
        );
        fails(
            r#"{"Packages":[{"FirmwareInfo":{"FirmwareId":"a","FirmwareID":"b"}}]}"#,
            "Packages[0].FirmwareInfo.FirmwareID",
            "unknown field",
        );
        fails(
            r#"{"Packages":[{"FirmwareInfo":{"FirmwareId":"a","MultiFiles":[{"Name":"x","Sise":1}]}}]}"#,
            "Packages[0].FirmwareInfo.MultiFiles[0].Sise",
            "unknown field",
        );
        fails(
            r#"{"Packages":[{"IotInstanceId":7,"FirmwareInfo":{"FirmwareId":"a"}}]}"#,
            "Packages[0].IotInstanceId",
            "expected a string",
        );
        fails(
            r#"{"Packages":[{"IotInstanceID":"i","FirmwareInfo":{"FirmwareId":"a"}}]}"#,
            "Packages[0].IotInstanceID",
            "unknown field",
        );
        fails(
            r#"{"Packages":[{"FirmwareInfo":{"FirmwareId":"a"}},{"FirmwareInfo":{"FirmwareId":"a"}}]}"#,
            "Packages[1].FirmwareInfo.FirmwareId",
            "duplicate package \"a\" (already at Packages[0]",
        );
    }

    #[test]
    fn missing_file_names_the_file() {
        let err = load_data_file("/nonexistent/emulator-data.json").unwrap_err();
        let shown = err.to_string();
        assert!(
            shown.starts_with("/nonexistent/emulator-data.json: cannot read the file"),
            "{shown}"
        );
        assert!(std::error::Error::source(&err).is_some());
    }

    /// The names of a product's devices.
    fn names(product: &ProductSeed) -> Vec<&str> {
        product
            .devices
            .iter()
            .map(|d| d.device_name.as_str())
            .collect()
    }

    #[test]
    fn seeds_are_built_with_their_defaults() {
        let device = DeviceSeed::new("dev-001");
        assert_eq!(device.device_name, "dev-001");
        assert_eq!(device.modules, default_modules());
        assert!(!device.fails && device.online);
        let device = DeviceSeed::new("dev-002")
            .with_module("wifi", "2.0")
            .with_module("default", "1.1")
            .failing()
            .offline();
        let modules: Vec<(&str, &str)> = device
            .modules
            .iter()
            .map(|(m, v)| (m.as_str(), v.as_str()))
            .collect();
        assert_eq!(modules, [("default", "1.1"), ("wifi", "2.0")]);
        assert!(device.fails && !device.online);

        let product = ProductSeed::new("p1", "P").with_instance("");
        assert_eq!(product.iot_instance_id, None);
        assert!(product.devices.is_empty());
        let product = product
            .with_instance("iot-1")
            .with_device(DeviceSeed::new("first"))
            .with_generated_devices(10, "sim-");
        assert_eq!(product.iot_instance_id.as_deref(), Some("iot-1"));
        assert_eq!(product.devices.len(), 11);
        assert_eq!(product.devices[0].device_name, "first");
        assert_eq!(product.devices[1], DeviceSeed::new("sim-01"));
        assert_eq!(product.devices[10].device_name, "sim-10");
        assert!(
            ProductSeed::new("p", "p")
                .with_generated_devices(0, "sim-")
                .devices
                .is_empty()
        );
    }

    #[test]
    fn the_demo_product() {
        let demo = demo_product();
        assert_eq!(demo.product_key, DEMO_PRODUCT_KEY);
        assert_eq!(demo.product_key, "a1DemoProd");
        assert_eq!(demo.product_name, "Demo");
        assert_eq!(demo.iot_instance_id, None);
        assert_eq!(
            names(&demo),
            ["dev-001", "dev-002", "dev-003", "dev-004", "dev-005"]
        );
        assert!(
            demo.devices
                .iter()
                .all(|d| d.online && !d.fails && d.modules == default_modules())
        );
    }

    #[test]
    fn products_load_as_built() {
        let data = parse_file(
            r#"{"Products": [{"ProductKey": "a1DemoProd", "ProductName": "Demo", "IotInstanceId": "",
                "Devices": [{"DeviceName": "dev-001", "Modules": {"default": "1.0.0"}},
                            {"DeviceName": "dev-002", "Modules": {"default": "1.0.0"}, "Fails": true},
                            {"DeviceName": "dev-003", "Online": false}],
                "DeviceCount": 3, "DeviceNamePrefix": "sim-", "DeviceModules": {"mcu": "2.0-rc_1", "default": "1.2"}},
               {"ProductKey": "p2", "IotInstanceId": "iot-2", "ProductName": null, "Devices": null,
                "DeviceCount": null, "DeviceNamePrefix": null, "DeviceModules": null},
               {"ProductKey": "p3", "DeviceCount": 2}],
              "Packages": []}"#,
        )
        .unwrap();
        assert!(data.packages.is_empty());
        let generated = |name: &str| {
            let mut device = DeviceSeed::new(name).with_module("mcu", "2.0-rc_1");
            device.modules.insert("default".into(), "1.2".into());
            device
        };
        let expected = vec![
            ProductSeed::new("a1DemoProd", "Demo")
                .with_device(DeviceSeed::new("dev-001"))
                .with_device(DeviceSeed::new("dev-002").failing())
                .with_device(DeviceSeed::new("dev-003").offline())
                .with_device(generated("sim-1"))
                .with_device(generated("sim-2"))
                .with_device(generated("sim-3")),
            ProductSeed::new("p2", "p2").with_instance("iot-2"),
            ProductSeed::new("p3", "p3").with_generated_devices(2, "sim-"),
        ];
        assert_eq!(data.products, expected);
        assert!(
            parse_file(r#"{"Products":[]}"#)
                .unwrap()
                .products
                .is_empty()
        );
    }

    #[test]
    fn generated_devices_are_zero_padded_to_the_count() {
        let load = |count: usize, prefix: &str| {
            let text = format!(
                r#"{{"Products":[{{"ProductKey":"p","DeviceCount":{count},"DeviceNamePrefix":"{prefix}"}}]}}"#
            );
            let mut data = parse_file(&text).unwrap();
            let product = data.products.remove(0);
            assert_eq!(
                product,
                ProductSeed::new("p", "p").with_generated_devices(count, prefix)
            );
            product
        };
        let product = load(200, "sim-");
        let all = names(&product);
        assert_eq!(all.len(), 200);
        assert_eq!(&all[..3], ["sim-001", "sim-002", "sim-003"]);
        assert_eq!(all[98..100], ["sim-099", "sim-100"]);
        assert_eq!(all[199], "sim-200");
        assert_eq!(
            names(&load(9, "sim-")),
            (1..=9).map(|n| format!("sim-{n}")).collect::<Vec<_>>()
        );
        let ten = load(10, "sim-");
        assert_eq!(names(&ten)[..2], ["sim-01", "sim-02"]);
        assert_eq!(names(&ten)[9], "sim-10");
        assert_eq!(names(&load(1000, "x")).last(), Some(&"x1000"));
        assert_eq!(names(&load(1, "dev:")), ["dev:1"]);
        // Listed names that only look like generated ones are not duplicates.
        let data = parse_file(
            r#"{"Products":[{"ProductKey":"p","DeviceCount":200,"Devices":[
                {"DeviceName":"sim-7"},{"DeviceName":"sim-000"},{"DeviceName":"sim-201"},
                {"DeviceName":"sim-0001"},{"DeviceName":"SIM-001"}]}]}"#,
        )
        .unwrap();
        assert_eq!(data.products[0].devices.len(), 205);
    }

    #[test]
    fn product_errors_name_the_place_and_the_problem() {
        // The top level.
        fails(r#"{"Product":[]}"#, "Product", "unknown field");
        fails(
            r#"{"products":[]}"#,
            "products",
            "did you mean \"Products\"",
        );
        fails(
            r#"{"Products":[],"Products":[]}"#,
            "Products",
            "given twice",
        );
        fails(
            r#"{"Products":{}}"#,
            "Products",
            "expected an array of products",
        );
        fails(r#"{"Products":null}"#, "Products", "found null");
        fails(
            r#"{"Products":[1]}"#,
            "Products[0]",
            "expected a product (an object)",
        );
        // A product.
        fails(
            r#"{"Products":[{"ProductKey":"a","DeviceCont":3}]}"#,
            "Products[0].DeviceCont",
            "unknown field (a product holds only \"ProductKey\"",
        );
        fails(
            r#"{"Products":[{"ProductKey":"a","ProductKey":"b"}]}"#,
            "Products[0].ProductKey",
            "given twice",
        );
        fails(
            r#"{"Products":[{}]}"#,
            "Products[0]",
            "missing field \"ProductKey\"",
        );
        fails(
            r#"{"Products":[{"ProductKey":" "}]}"#,
            "Products[0].ProductKey",
            "must not be empty",
        );
        fails(
            r#"{"Products":[{"ProductKey":7}]}"#,
            "Products[0].ProductKey",
            "expected a string, found a number",
        );
        fails(
            r#"{"Products":[{"ProductKey":"a","ProductName":false}]}"#,
            "Products[0].ProductName",
            "expected a string, found a boolean",
        );
        fails(
            r#"{"Products":[{"ProductKey":"a"},{"ProductKey":"b"},{"ProductKey":"a"}]}"#,
            "Products[2].ProductKey",
            "duplicate product \"a\" (already at Products[0].ProductKey)",
        );
        // Numbers.
        for (value, message) in [
            (r#""200""#, "found a string (write 200, without quotes)"),
            ("-1", "expected an integer ≥ 0, found -1"),
            ("2.5", "expected an integer ≥ 0, found 2.5"),
            ("true", "expected an integer ≥ 0, found a boolean"),
            ("1000001", "at most 1,000,000 per product"),
        ] {
            fails(
                &format!(r#"{{"Products":[{{"ProductKey":"a","DeviceCount":{value}}}]}}"#),
                "Products[0].DeviceCount",
                message,
            );
        }
        // The prefix.
        for (prefix, count, message) in [
            ("", 1, "must not be empty"),
            ("sim 1", 0, "' ' is not allowed in a device name"),
            ("a", 9, "(\"a1\" … \"a9\") have 2 characters"),
            ("abcdefghijabcdefghijabcdefghij", 100, "have 33 characters"),
        ] {
            fails(
                &format!(
                    r#"{{"Products":[{{"ProductKey":"a","DeviceCount":{count},"DeviceNamePrefix":"{prefix}"}}]}}"#
                ),
                "Products[0].DeviceNamePrefix",
                message,
            );
        }
        // Devices.
        fails(
            r#"{"Products":[{"ProductKey":"a","Devices":{}}]}"#,
            "Products[0].Devices",
            "expected an array of devices",
        );
        fails(
            r#"{"Products":[{"ProductKey":"a","Devices":["dev-1"]}]}"#,
            "Products[0].Devices[0]",
            "expected a device (an object), found a string",
        );
        fails(
            r#"{"Products":[{"ProductKey":"a"},{"ProductKey":"b","Devices":[{"DeviceName":"dev-1"},{"DeviceName":"dev-2","Module":{}}]}]}"#,
            "Products[1].Devices[1].Module",
            "unknown field (a device holds only \"DeviceName\", \"Modules\", \"Fails\", \"Online\"",
        );
        fails(
            r#"{"Products":[{"ProductKey":"a","Devices":[{"DeviceName":"dev-1","online":false}]}]}"#,
            "Products[0].Devices[0].online",
            "did you mean \"Online\"",
        );
        fails(
            r#"{"Products":[{"ProductKey":"a","Devices":[{"Modules":{"default":"1"}}]}]}"#,
            "Products[0].Devices[0]",
            "missing field \"DeviceName\"",
        );
        fails(
            r#"{"Products":[{"ProductKey":"a","Devices":[{"DeviceName":null}]}]}"#,
            "Products[0].Devices[0].DeviceName",
            "expected a string, found null",
        );
        fails(
            r#"{"Products":[{"ProductKey":"a","Devices":[{"DeviceName":"dev-1","Fails":"true"}]}]}"#,
            "Products[0].Devices[0].Fails",
            "expected a boolean, found a string (write true, without quotes)",
        );
        fails(
            r#"{"Products":[{"ProductKey":"a","Devices":[{"DeviceName":"dev-1","Online":1}]}]}"#,
            "Products[0].Devices[0].Online",
            "expected a boolean (true or false), found a number",
        );
        for (name, message) in [
            ("", "empty; a device name has 4 to 32 characters"),
            ("ab", "2 characters, too short"),
            ("dev 1", "' ' is not allowed"),
            ("dév-1", "'é' is not allowed"),
            ("d/ev", "'/' is not allowed"),
            (
                "abcdefghijabcdefghijabcdefghijabc",
                "33 characters, too long",
            ),
        ] {
            fails(
                &format!(
                    r#"{{"Products":[{{"ProductKey":"a","Devices":[{{"DeviceName":"{name}"}}]}}]}}"#
                ),
                "Products[0].Devices[0].DeviceName",
                message,
            );
        }
        assert!(
            parse_file(r#"{"Products":[{"ProductKey":"a","Devices":[{"DeviceName":"A-b_c@d.e:9"},{"DeviceName":"abcdefghijabcdefghijabcdefghijab"}]}]}"#)
                .is_ok()
        );
        fails(
            r#"{"Products":[{"ProductKey":"a","Devices":[{"DeviceName":"dev-1"},{"DeviceName":"dev-2"},{"DeviceName":"dev-1"}]}]}"#,
            "Products[0].Devices[2].DeviceName",
            "duplicate device \"dev-1\" (already at Products[0].Devices[0].DeviceName)",
        );
        fails(
            r#"{"Products":[{"ProductKey":"a","DeviceCount":200,"Devices":[{"DeviceName":"sim-007"}]}]}"#,
            "Products[0].Devices[0].DeviceName",
            "duplicate device \"sim-007\": Products[0].DeviceCount (200) with Products[0].DeviceNamePrefix (\"sim-\") generates it too (device 7 of 200)",
        );
        // Modules.
        for (modules, location, message) in [
            (
                "[]",
                "Modules",
                "expected an object of module name → version",
            ),
            ("{}", "Modules", "no module: name at least one"),
            (
                r#"{"bad name":"1.0"}"#,
                "Modules",
                "invalid module name \"bad name\": ' ' is not allowed; a module name has 1 to 64",
            ),
            (
                r#"{"":"1.0"}"#,
                "Modules",
                "invalid module name \"\": empty",
            ),
            (
                r#"{"default":"1.0 beta"}"#,
                "Modules.default",
                "invalid version \"1.0 beta\": ' ' is not allowed",
            ),
            (
                r#"{"default":""}"#,
                "Modules.default",
                "invalid version \"\": empty",
            ),
            (
                r#"{"default":1.5}"#,
                "Modules.default",
                "found a number (write \"1.5\")",
            ),
            (
                r#"{"default":null}"#,
                "Modules.default",
                "expected a version string, found null",
            ),
            (
                r#"{"default":"1","default":"2"}"#,
                "Modules.default",
                "given twice",
            ),
        ] {
            fails(
                &format!(
                    r#"{{"Products":[{{"ProductKey":"a","Devices":[{{"DeviceName":"dev-1","Modules":{modules}}}]}}]}}"#
                ),
                &format!("Products[0].Devices[0].{location}"),
                message,
            );
        }
        let long = "m".repeat(65);
        fails(
            &format!(r#"{{"Products":[{{"ProductKey":"a","DeviceModules":{{"{long}":"1"}}}}]}}"#),
            "Products[0].DeviceModules",
            "65 characters, too long",
        );
        fails(
            r#"{"Products":[{"ProductKey":"a","DeviceModules":{"default":"v/1"}}]}"#,
            "Products[0].DeviceModules.default",
            "invalid version \"v/1\"",
        );
        // Products are checked before Packages.
        fails(
            r#"{"Products":[{"ProductKey":"a","Typo":1}],"Packages":[{"Typo":1}]}"#,
            "Products[0].Typo",
            "unknown field",
        );
    }
}
