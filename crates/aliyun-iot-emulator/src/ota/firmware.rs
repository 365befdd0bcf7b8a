//! Packages: upload credentials, creation from uploaded files, queries, changes, deletion.

use std::time::Duration;

use aliyun_iot::create_ota_firmware::{
    CreateOtaFirmwareInput, CreateOtaFirmwareResponse, CreatedFirmware,
};
use aliyun_iot::delete_ota_firmware::{DeleteOtaFirmwareInput, DeleteOtaFirmwareResponse};
use aliyun_iot::generate_device_name_list_url::{
    DeviceListUploadCredentials, GenerateDeviceNameListUrlInput, GenerateDeviceNameListUrlResponse,
};
use aliyun_iot::generate_ota_upload_url::{
    GenerateOtaUploadUrlInput, GenerateOtaUploadUrlResponse, UploadCredentials,
};
use aliyun_iot::list_ota_firmware::{
    ListOtaFirmwareInput, ListOtaFirmwareResponse, SimpleFirmwareInfo,
};
use aliyun_iot::modify_ota_firmware::{ModifyOtaFirmwareInput, ModifyOtaFirmwareResponse};
use aliyun_iot::query_ota_firmware::{
    FirmwareInfo, FirmwareStatus, FirmwareType, OtaPackageFile, QueryOtaFirmwareInput,
    QueryOtaFirmwareResponse, SignMethod,
};
use aliyun_runtime::jiff::Timestamp;
use aliyun_runtime::server::Failure;

use super::{Ota, check_len, check_page, is_name, page_of, same_instance, timestamp};
use crate::codes::{self, illegal, refuse};
use crate::state::{Event, IdKind, Package, PackageFile, World, package_status};
use crate::storage::UploadForm;

/// How long upload credentials are valid (the service: one minute).
const UPLOAD_VALIDITY: Duration = Duration::from_secs(60);

/// How long a download URL answered by QueryOTAFirmware is valid.
const DOWNLOAD_VALIDITY_MILLIS: i64 = 3_600_000;

/// Packages per instance (the service's limit).
const MAX_PACKAGES: usize = 500;

/// Files per multi-file package.
const MAX_FILES: usize = 20;

/// The file suffixes GenerateOTAUploadURL accepts.
const SUFFIXES: [&str; 8] = ["bin", "dav", "apk", "tar", "gz", "tar.gz", "zip", "gzip"];

/// Upload credentials for a new object `<folder>/<random>/<id>.<suffix>`, and when they were
/// made.
fn upload_form(
    ota: &Ota,
    instance: Option<&str>,
    folder: &str,
    suffix: &str,
) -> Result<(UploadForm, Timestamp), Failure> {
    let key = {
        let mut core = ota.write();
        same_instance(&core.world, instance, None)?;
        let account = core.ids.next_u64();
        let name = core.ids.id(IdKind::Package);
        format!("{folder}/{account:016x}/{name}.{suffix}")
    };
    let now = ota.clock.now();
    let form = ota
        .store
        .upload_form(&ota.base_url, &key, now, UPLOAD_VALIDITY);
    Ok((form, now))
}

pub(super) fn generate_upload_url(
    ota: &Ota,
    input: GenerateOtaUploadUrlInput,
) -> Result<GenerateOtaUploadUrlResponse, Failure> {
    let suffix = input.file_suffix.as_ref().map_or("bin", |s| s.as_str());
    if !SUFFIXES.contains(&suffix) {
        return Err(illegal(
            "FileSuffix",
            &format!("must be one of {}", SUFFIXES.join(", ")),
        ));
    }
    let (form, now) = upload_form(ota, input.iot_instance_id.as_deref(), "ota", suffix)?;
    let mut data = UploadCredentials::default();
    data.key = Some(form.key);
    data.host = Some(form.host);
    data.policy = Some(form.policy);
    data.oss_access_key_id = Some(form.access_key_id);
    data.signature = Some(form.signature);
    data.object_storage = Some("OSS".to_owned());
    data.firmware_url = Some(form.object_url);
    data.utc_create = Some(now);
    let mut response = GenerateOtaUploadUrlResponse::default();
    response.data = Some(data);
    Ok(response)
}

pub(super) fn generate_device_list_url(
    ota: &Ota,
    input: GenerateDeviceNameListUrlInput,
) -> Result<GenerateDeviceNameListUrlResponse, Failure> {
    let (form, now) = upload_form(ota, input.iot_instance_id.as_deref(), "dn-list", "csv")?;
    let mut data = DeviceListUploadCredentials::default();
    data.key = Some(form.key);
    data.host = Some(form.host);
    data.policy = Some(form.policy);
    data.access_key_id = Some(form.access_key_id);
    data.signature = Some(form.signature);
    data.object_storage = Some("OSS".to_owned());
    data.file_url = Some(form.object_url);
    data.utc_create = Some(now);
    let mut response = GenerateDeviceNameListUrlResponse::default();
    response.data = Some(data);
    Ok(response)
}

/// Whether `name` follows FirmwareName's rule: 1–40 characters, letters (any script),
/// digits, `-`, `_`, `(`, `)`, starting with a letter or digit.
fn is_firmware_name(name: &str) -> bool {
    let count = name.chars().count();
    (1..=40).contains(&count)
        && name.chars().next().is_some_and(char::is_alphanumeric)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '(' | ')'))
}

/// A file as a request describes it: what the caller claims about the object it names.
struct Claimed<'a> {
    name: &'a str,
    url: &'a str,
    size: Option<i64>,
    sign: Option<&'a str>,
    md5: Option<&'a str>,
}

/// A file of the request, checked against the object it names (`field` names it in errors).
fn stored_file(
    ota: &Ota,
    claimed: &Claimed<'_>,
    sign_method: &str,
    field: &str,
) -> Result<PackageFile, Failure> {
    let Claimed {
        name,
        url,
        size,
        sign,
        md5,
    } = *claimed;
    let not_found = || {
        refuse(
            codes::FILE_NOT_FOUND,
            format!("{field} does not name a file uploaded with GenerateOTAUploadURL."),
        )
    };
    let key = crate::storage::ObjectStore::key_of_url(url).ok_or_else(not_found)?;
    let info = ota
        .store
        .stat(&key)
        .map_err(|e| {
            tracing::error!(key, error = %e, "cannot read an uploaded object's digests");
            Failure::gateway(
                500,
                "InternalError",
                "The request processing has failed due to some unknown error.",
            )
        })?
        .ok_or_else(not_found)?;
    let actual_size = i64::try_from(info.size).unwrap_or(i64::MAX);
    if size.is_some_and(|s| s != actual_size) {
        return Err(refuse(
            codes::SIGN_MISMATCH,
            format!("the size given for {field} is not the uploaded file's ({actual_size} bytes)."),
        ));
    }
    let actual_sign = if sign_method.eq_ignore_ascii_case("SHA256") {
        &info.sha256
    } else {
        &info.md5
    };
    if sign.is_some_and(|s| !s.eq_ignore_ascii_case(actual_sign)) {
        return Err(refuse(
            codes::SIGN_MISMATCH,
            format!(
                "the signature given for {field} does not match the uploaded file's {sign_method}."
            ),
        ));
    }
    if md5.is_some_and(|m| !m.eq_ignore_ascii_case(&info.md5)) {
        return Err(refuse(
            codes::SIGN_MISMATCH,
            format!("the FileMd5 given for {field} does not match the uploaded file."),
        ));
    }
    Ok(PackageFile {
        name: name.to_owned(),
        object: Some(key),
        url: url.to_owned(),
        size: Some(actual_size),
        sign: Some(actual_sign.clone()),
        md5: Some(info.md5),
    })
}

pub(super) fn create(
    ota: &Ota,
    input: CreateOtaFirmwareInput,
) -> Result<CreateOtaFirmwareResponse, Failure> {
    if !is_firmware_name(&input.firmware_name) {
        return Err(illegal(
            "FirmwareName",
            "must be 1 to 40 letters, digits, hyphens, underscores and parentheses, starting with a letter or digit",
        ));
    }
    if !is_name(&input.dest_version, 64) {
        return Err(illegal(
            "DestVersion",
            "must be 1 to 64 letters, digits, periods, hyphens and underscores",
        ));
    }
    check_len("FirmwareDesc", input.firmware_desc.as_deref(), 100)?;
    check_len("Udi", input.udi.as_deref(), 4096)?;
    let sign_method = input
        .sign_method
        .as_ref()
        .map_or("MD5", SignMethod::as_str)
        .to_owned();
    if sign_method != "MD5" && sign_method != "SHA256" {
        return Err(illegal("SignMethod", "must be MD5 or SHA256"));
    }
    let kind = input.r#type.as_ref().map_or(0, FirmwareType::value);
    let src_version = input.src_version.clone().filter(|s| !s.is_empty());
    match (kind, &src_version) {
        (0, _) => {}
        (1, Some(src)) if is_name(src, 64) && *src != input.dest_version => {}
        (1, _) => {
            return Err(illegal(
                "SrcVersion",
                "is required for a delta package (Type 1) and must differ from DestVersion",
            ));
        }
        _ => return Err(illegal("Type", "must be 0 (full) or 1 (delta)")),
    }
    let (file, files) = match (&input.firmware_url, input.multi_files.is_empty()) {
        (Some(url), true) => {
            let claimed = Claimed {
                name: "",
                url,
                size: input.firmware_size,
                sign: input.firmware_sign.as_deref(),
                md5: None,
            };
            let file = stored_file(ota, &claimed, &sign_method, "FirmwareUrl")?;
            (Some(file), Vec::new())
        }
        (None, false) => {
            if input.multi_files.len() > MAX_FILES {
                return Err(illegal("MultiFiles", "may list at most 20 files"));
            }
            if input.firmware_sign.is_some() || input.firmware_size.is_some() {
                return Err(illegal(
                    "FirmwareSign",
                    "and FirmwareSize apply to single-file packages only",
                ));
            }
            let mut files: Vec<PackageFile> = Vec::with_capacity(input.multi_files.len());
            for (i, f) in input.multi_files.iter().enumerate() {
                let field = format!("MultiFiles.{}", i + 1);
                if !(1..=32).contains(&f.name.chars().count()) {
                    return Err(illegal(
                        &format!("{field}.Name"),
                        "must be 1 to 32 characters",
                    ));
                }
                if files.iter().any(|g| g.name == f.name) {
                    return Err(illegal(
                        &format!("{field}.Name"),
                        "repeats another file's name",
                    ));
                }
                let claimed = Claimed {
                    name: &f.name,
                    url: &f.url,
                    size: f.size,
                    sign: f.sign_value.as_deref(),
                    md5: f.file_md5.as_deref(),
                };
                files.push(stored_file(
                    ota,
                    &claimed,
                    &sign_method,
                    &format!("{field}.Url"),
                )?);
            }
            (None, files)
        }
        _ => {
            return Err(illegal(
                "FirmwareUrl",
                "or MultiFiles (exactly one of them) is required",
            ));
        }
    };
    let module = input
        .module_name
        .clone()
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| "default".to_owned());
    let now = ota.now();
    let mut core = ota.write();
    let world = &core.world;
    let instance = input.iot_instance_id.clone().filter(|s| !s.is_empty());
    same_instance(world, instance.as_deref(), None)?;
    let product = match input.product_key.as_deref().filter(|s| !s.is_empty()) {
        Some(key) => {
            let product = find_product(world, key, instance.as_deref())?;
            if module != "default" && !product.modules.contains_key(&module) {
                return Err(refuse(
                    codes::MODULE_NOT_FOUND,
                    format!("the product has no OTA module {module:?}."),
                ));
            }
            Some((product.product_key.clone(), product.product_name.clone()))
        }
        None => None,
    };
    if world
        .packages
        .values()
        .any(|p| p.name == input.firmware_name)
    {
        return Err(refuse(
            codes::FIRMWARE_NAME_EXISTS,
            format!("a package named {:?} already exists.", input.firmware_name),
        ));
    }
    if world
        .packages
        .values()
        .filter(|p| p.instance == instance)
        .count()
        >= MAX_PACKAGES
    {
        return Err(refuse(
            codes::FIRMWARE_LIMIT,
            "the instance already has 500 update packages.",
        ));
    }
    let core = &mut *core;
    let id = core
        .ids
        .fresh(IdKind::Package, |id| core.world.packages.contains_key(id));
    let package = Package {
        id: id.clone(),
        instance,
        name: input.firmware_name,
        desc: input.firmware_desc,
        dest_version: input.dest_version,
        src_version: Some(src_version.unwrap_or_default()),
        kind,
        status: if input.need_to_verify.unwrap_or(true) {
            package_status::UNVERIFIED
        } else {
            package_status::NO_VERIFICATION
        },
        verify_progress: Some(0),
        sign_method: Some(sign_method),
        module,
        product_key: product.as_ref().map(|p| p.0.clone()),
        product_name: product.map(|p| p.1),
        udi: input.udi,
        file,
        files,
        created: now,
        modified: now,
    };
    core.commit(vec![Event::PackageCreated(Box::new(package))], now)?;
    let mut data = CreatedFirmware::default();
    data.firmware_id = Some(id);
    data.utc_create = timestamp(now);
    let mut response = CreateOtaFirmwareResponse::default();
    response.data = Some(data);
    Ok(response)
}

/// The product `key` as seen from `instance` (`iot.prod.NotExistedProduct` otherwise).
pub(super) fn find_product<'w>(
    world: &'w World,
    key: &str,
    instance: Option<&str>,
) -> Result<&'w crate::state::Product, Failure> {
    let not_found = || {
        refuse(
            codes::PRODUCT_NOT_FOUND,
            format!("The product {key} does not exist."),
        )
    };
    let product = world.products.get(key);
    let owner = product.and_then(|p| p.instance.as_deref());
    if !same_instance(world, instance, owner)? {
        return Err(not_found());
    }
    product.ok_or_else(not_found)
}

/// The device a request names by `IotId` (which wins) or by ProductKey and DeviceName, as
/// seen from `instance`, with its product.
pub(super) fn find_device<'w>(
    world: &'w World,
    iot_id: Option<&str>,
    product_key: Option<&str>,
    device_name: Option<&str>,
    instance: Option<&str>,
) -> Result<(&'w crate::state::Product, &'w crate::state::Device), Failure> {
    let not_found = |name: &str| {
        refuse(
            codes::DEVICE_NOT_FOUND,
            format!("The device {name} does not exist."),
        )
    };
    let (product_key, device_name) =
        match (iot_id.filter(|s| !s.is_empty()), product_key, device_name) {
            (Some(iot_id), _, _) => {
                same_instance(world, instance, None)?;
                let (key, name) = world.iot_ids.get(iot_id).ok_or_else(|| not_found(iot_id))?;
                (key.as_str(), name.as_str())
            }
            (None, Some(key), Some(name)) => (key, name),
            _ => {
                return Err(illegal(
                    "IotId",
                    "or ProductKey and DeviceName are required",
                ));
            }
        };
    let product = find_product(world, product_key, instance)?;
    let device = product
        .devices
        .get(device_name)
        .ok_or_else(|| not_found(device_name))?;
    Ok((product, device))
}

/// The package `id` as seen from `instance` (`iot.ota.FirmwareNotFound` otherwise).
pub(super) fn find_package<'w>(
    world: &'w World,
    id: &str,
    instance: Option<&str>,
) -> Result<&'w Package, Failure> {
    let package = world.packages.get(id);
    let owner = package.and_then(|p| p.instance.as_deref());
    if !same_instance(world, instance, owner)? {
        return Err(codes::firmware_not_found());
    }
    package.ok_or_else(codes::firmware_not_found)
}

/// `Some(text)` unless empty (a configured package may leave fields out).
fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

/// A file's URL as answered: a pre-signed download URL for an uploaded object.
fn download_url(ota: &Ota, file: &PackageFile, now: i64) -> String {
    match (&file.object, timestamp(now + DOWNLOAD_VALIDITY_MILLIS)) {
        (Some(key), Some(expires)) => ota.store.presign(&ota.base_url, key, expires),
        _ => file.url.clone(),
    }
}

pub(super) fn query(
    ota: &Ota,
    input: QueryOtaFirmwareInput,
) -> Result<QueryOtaFirmwareResponse, Failure> {
    let now = ota.now();
    let core = ota.read();
    let package = find_package(
        &core.world,
        &input.firmware_id,
        input.iot_instance_id.as_deref(),
    )?;
    let mut info = FirmwareInfo::default();
    info.firmware_id = Some(package.id.clone());
    info.firmware_name = non_empty(&package.name);
    info.firmware_desc.clone_from(&package.desc);
    info.src_version.clone_from(&package.src_version);
    info.dest_version = non_empty(&package.dest_version);
    info.r#type = Some(FirmwareType::from(package.kind));
    info.status = Some(FirmwareStatus::from(package.status));
    info.verify_progress = package.verify_progress;
    info.sign_method = package.sign_method.as_deref().map(SignMethod::from);
    info.module_name = Some(package.module.clone());
    info.product_key.clone_from(&package.product_key);
    info.product_name.clone_from(&package.product_name);
    info.udi.clone_from(&package.udi);
    info.utc_create = timestamp(package.created);
    info.utc_modified = timestamp(package.modified);
    if let Some(file) = &package.file {
        info.firmware_sign.clone_from(&file.sign);
        info.firmware_size = file.size;
        info.firmware_url = non_empty(&download_url(ota, file, now));
    }
    info.multi_files = package
        .files
        .iter()
        .map(|f| {
            let mut file = OtaPackageFile::default();
            file.name = Some(f.name.clone());
            file.size = f.size;
            file.url = non_empty(&download_url(ota, f, now));
            file.sign_value.clone_from(&f.sign);
            file.file_md5.clone_from(&f.md5);
            file
        })
        .collect();
    let mut response = QueryOtaFirmwareResponse::default();
    response.firmware_info = Some(info);
    Ok(response)
}

pub(super) fn list(
    ota: &Ota,
    input: ListOtaFirmwareInput,
) -> Result<ListOtaFirmwareResponse, Failure> {
    let (page, size) = check_page(input.current_page, input.page_size, 100)?;
    let core = ota.read();
    let world = &core.world;
    let instance = input.iot_instance_id.as_deref().filter(|s| !s.is_empty());
    same_instance(world, instance, None)?;
    if let Some(key) = input.product_key.as_deref().filter(|s| !s.is_empty()) {
        find_product(world, key, instance)?;
    }
    let mut matching: Vec<&Package> = world
        .packages
        .values()
        .filter(|p| p.instance.as_deref() == instance)
        .filter(|p| {
            input
                .product_key
                .as_deref()
                .is_none_or(|k| k.is_empty() || p.product_key.as_deref() == Some(k))
        })
        .filter(|p| {
            input
                .dest_version
                .as_deref()
                .is_none_or(|v| v.is_empty() || p.dest_version == v)
        })
        .collect();
    // Newest first, as the console lists them.
    matching.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| a.id.cmp(&b.id)));
    let (items, page_count, total) = page_of(matching, page, size);
    let mut response = ListOtaFirmwareResponse::default();
    response.current_page = Some(input.current_page);
    response.page_size = Some(input.page_size);
    response.page_count = Some(page_count);
    response.total = Some(total);
    response.firmwares = items
        .into_iter()
        .map(|p| {
            let mut item = SimpleFirmwareInfo::default();
            item.firmware_id = Some(p.id.clone());
            item.firmware_name = non_empty(&p.name);
            item.firmware_desc.clone_from(&p.desc);
            item.dest_version = non_empty(&p.dest_version);
            item.src_version.clone_from(&p.src_version);
            item.r#type = Some(FirmwareType::from(p.kind));
            item.status = Some(FirmwareStatus::from(p.status));
            item.firmware_sign = p.file.as_ref().and_then(|f| f.sign.clone());
            item.firmware_size = p.file.as_ref().and_then(|f| f.size);
            item.sign_method = p.sign_method.as_deref().map(SignMethod::from);
            item.module_name = Some(p.module.clone());
            item.product_key.clone_from(&p.product_key);
            item.product_name.clone_from(&p.product_name);
            item.utc_create = timestamp(p.created);
            item.utc_modified = timestamp(p.modified);
            item
        })
        .collect();
    Ok(response)
}

pub(super) fn modify(
    ota: &Ota,
    input: ModifyOtaFirmwareInput,
) -> Result<ModifyOtaFirmwareResponse, Failure> {
    if let Some(name) = &input.firmware_name
        && !is_firmware_name(name)
    {
        return Err(illegal(
            "FirmwareName",
            "must be 1 to 40 letters, digits, hyphens, underscores and parentheses, starting with a letter or digit",
        ));
    }
    check_len("FirmwareDesc", input.firmware_desc.as_deref(), 100)?;
    check_len("FirmwareUdi", input.firmware_udi.as_deref(), 4096)?;
    let now = ota.now();
    let mut core = ota.write();
    let world = &core.world;
    let package = find_package(world, &input.firmware_id, input.iot_instance_id.as_deref())?;
    if package.product_key.as_deref() != Some(input.product_key.as_str()) {
        return Err(codes::firmware_not_found());
    }
    if let Some(name) = &input.firmware_name
        && world
            .packages
            .values()
            .any(|p| p.name == *name && p.id != package.id)
    {
        return Err(refuse(
            codes::FIRMWARE_NAME_EXISTS,
            format!("a package named {name:?} already exists."),
        ));
    }
    let event = Event::PackageModified {
        id: package.id.clone(),
        name: input.firmware_name,
        desc: input.firmware_desc,
        udi: input.firmware_udi,
    };
    core.commit(vec![event], now)?;
    Ok(ModifyOtaFirmwareResponse::default())
}

pub(super) fn delete(
    ota: &Ota,
    input: DeleteOtaFirmwareInput,
) -> Result<DeleteOtaFirmwareResponse, Failure> {
    let now = ota.now();
    let mut core = ota.write();
    let world = &core.world;
    let package = find_package(world, &input.firmware_id, input.iot_instance_id.as_deref())?;
    if world
        .jobs
        .values()
        .any(|j| j.firmware_id == package.id && !j.state.is_final())
    {
        return Err(refuse(
            codes::FIRMWARE_IN_USE,
            "the package has an unfinished job: cancel it or wait until it completes.",
        ));
    }
    // Two packages may be made from one uploaded file: keep what another still uses.
    let used_elsewhere = |key: &str| {
        world
            .packages
            .values()
            .filter(|p| p.id != package.id)
            .any(|p| {
                p.file
                    .iter()
                    .chain(&p.files)
                    .any(|f| f.object.as_deref() == Some(key))
            })
    };
    let objects: Vec<String> = package
        .file
        .iter()
        .chain(&package.files)
        .filter_map(|f| f.object.clone())
        .filter(|key| !used_elsewhere(key))
        .collect();
    let id = package.id.clone();
    core.commit(vec![Event::PackageDeleted { id }], now)?;
    drop(core);
    for key in objects {
        if let Err(e) = ota.store.delete(&key) {
            tracing::warn!(key, error = %e, "cannot remove a deleted package's file");
        }
    }
    Ok(DeleteOtaFirmwareResponse::default())
}
