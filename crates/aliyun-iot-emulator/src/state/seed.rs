//! The first state of an emulator: the configured products and packages.

use std::collections::BTreeMap;

use aliyun_iot::query_ota_firmware::FirmwareInfo;

use super::{
    Device, IdKind, Ids, Millis, Package, PackageFile, Product, Shared, World, package_status,
};
use crate::packages::{Package as SeedPackage, ProductSeed};

/// A world holding `products` (devices get fresh IotIds) and `packages` as configured.
pub(crate) fn world(
    products: &[ProductSeed],
    packages: &[SeedPackage],
    now: Millis,
    ids: &mut Ids,
) -> World {
    let mut world = World::default();
    for seed in products {
        let devices = seed
            .devices
            .iter()
            .map(|d| {
                let device = Device {
                    name: d.device_name.clone(),
                    iot_id: ids.id(IdKind::Device),
                    versions: d.modules.clone(),
                    changed: BTreeMap::new(),
                    fails: d.fails,
                    online: d.online,
                    open: BTreeMap::new(),
                };
                (device.name.clone(), Shared::new(device))
            })
            .collect();
        world.add_product(Product {
            product_key: seed.product_key.clone(),
            product_name: seed.product_name.clone(),
            instance: seed.iot_instance_id.clone().filter(|s| !s.is_empty()),
            modules: BTreeMap::new(),
            devices,
            created: now,
        });
    }
    for seed in packages {
        let package = package(&seed.firmware, seed.iot_instance_id.clone(), now);
        world.packages.insert(package.id.clone(), package);
    }
    world
}

/// A configured package (its files are served by their given URLs, not stored).
fn package(f: &FirmwareInfo, instance: Option<String>, now: Millis) -> Package {
    let millis = |t: Option<aliyun_runtime::jiff::Timestamp>| t.map_or(now, |t| t.as_millisecond());
    let single = f.firmware_url.is_some() || f.firmware_size.is_some() || f.firmware_sign.is_some();
    let file = single.then(|| PackageFile {
        name: String::new(),
        object: None,
        url: f.firmware_url.clone().unwrap_or_default(),
        size: f.firmware_size,
        sign: f.firmware_sign.clone(),
        md5: None,
    });
    let files = f
        .multi_files
        .iter()
        .map(|m| PackageFile {
            name: m.name.clone().unwrap_or_default(),
            object: None,
            url: m.url.clone().unwrap_or_default(),
            size: m.size,
            sign: m.sign_value.clone(),
            md5: m.file_md5.clone(),
        })
        .collect();
    Package {
        id: f.firmware_id.clone().unwrap_or_default(),
        instance: instance.filter(|s| !s.is_empty()),
        name: f.firmware_name.clone().unwrap_or_default(),
        desc: f.firmware_desc.clone(),
        dest_version: f.dest_version.clone().unwrap_or_default(),
        src_version: f.src_version.clone(),
        kind: f.r#type.as_ref().map_or(0, |t| t.value()),
        status: f
            .status
            .as_ref()
            .map_or(package_status::UNVERIFIED, |s| s.value()),
        verify_progress: f.verify_progress,
        sign_method: f.sign_method.as_ref().map(|s| s.as_str().to_owned()),
        module: f
            .module_name
            .clone()
            .unwrap_or_else(|| "default".to_owned()),
        product_key: f.product_key.clone(),
        product_name: f.product_name.clone(),
        udi: f.udi.clone(),
        file,
        files,
        created: millis(f.utc_create),
        modified: millis(f.utc_modified),
    }
}
