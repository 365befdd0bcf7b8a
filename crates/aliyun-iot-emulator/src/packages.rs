//! The OTA update packages an emulator serves: the built-in set ([`default_packages`]) and
//! data files ([`load_data_file`]).

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

/// Loads the packages of a JSON data file, to serve instead of (or besides) the built-in
/// ones.
///
/// The format, with the API's own field names inside `FirmwareInfo` (as `QueryOTAFirmware`
/// returns them; decoded by the generated decoder, so numbers may also be strings and
/// `MultiFiles` may be a plain array or `{"OtaPackageFileDTO": [...]}`):
///
/// ```json
/// {
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
/// `IotInstanceId` is optional (an empty string counts as absent); `FirmwareInfo.FirmwareId`
/// is required and must be unique within an instance. Unknown fields are refused (they are
/// most likely typos), except those the generated decoder itself ignores in a shape it does
/// not compare (a wrapped `MultiFiles`).
pub fn load_data_file(path: impl AsRef<FsPath>) -> Result<Vec<Package>, DataError> {
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
fn parse_data(file: &FsPath, bytes: &[u8]) -> Result<Vec<Package>, DataError> {
    let root = wire::parse_json(bytes).map_err(|e| {
        let message = if e.path.is_empty() {
            format!("{} (expected {{\"Packages\":[...]}})", e.message)
        } else {
            format!("not valid JSON: {}", e.message)
        };
        DataError::new(file, e.path, message)
    })?;
    // `parse_json` refuses anything but an object at the top level.
    let entries = match root {
        Node::Map(entries) => entries,
        _ => Vec::new(),
    };
    let mut list = None;
    for (key, value) in entries {
        match key.as_str() {
            "Packages" => list = Some(value),
            other => {
                return Err(DataError::new(
                    file,
                    other,
                    "unknown field (the top level holds only \"Packages\")",
                ));
            }
        }
    }
    let items = match list {
        Some(Node::List(items)) => items,
        Some(other) => {
            return Err(DataError::new(
                file,
                "Packages",
                format!("expected an array, found {}", other.kind()),
            ));
        }
        None => return Err(DataError::new(file, "", "missing field \"Packages\"")),
    };
    let root_path = Path::root();
    let packages_path = root_path.field("Packages");
    let mut packages: Vec<Package> = Vec::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        let item_path = packages_path.index(index);
        let package = parse_package(file, item, &item_path)?;
        if let Some(first) = packages.iter().position(|p| {
            p.firmware_id() == package.firmware_id() && p.iot_instance_id == package.iot_instance_id
        }) {
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
        packages.push(package);
    }
    Ok(packages)
}

/// One entry of `Packages`.
fn parse_package(file: &FsPath, item: Node, path: &Path<'_>) -> Result<Package, DataError> {
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
        match key.as_str() {
            "IotInstanceId" => {
                let field = path.field("IotInstanceId");
                instance = match value {
                    Node::Null => None,
                    Node::Text(t) if t.is_empty() => None,
                    Node::Text(t) => Some(t),
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
                let encoded = wire::Encode::encode(&decoded, Format::Json);
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

    fn parse(text: &str) -> Result<Vec<Package>, DataError> {
        parse_data(FsPath::new("pkgs.json"), text.as_bytes())
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
        let items: Vec<Node> = default_packages()
            .iter()
            .map(|p| {
                let mut entries = Vec::new();
                if let Some(i) = &p.iot_instance_id {
                    entries.push(("IotInstanceId".to_owned(), Node::Text(i.clone())));
                }
                entries.push((
                    "FirmwareInfo".to_owned(),
                    wire::Encode::encode(&p.firmware, Format::Json),
                ));
                Node::Map(entries)
            })
            .collect();
        let doc = Node::Map(vec![("Packages".to_owned(), Node::List(items))]);
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
        fails("{}", "", "missing field \"Packages\"");
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
}
