//! OTA modules of a product, and the versions devices report for them.

use aliyun_iot::create_ota_module::{CreateOtaModuleInput, CreateOtaModuleResponse};
use aliyun_iot::delete_ota_module::{DeleteOtaModuleInput, DeleteOtaModuleResponse};
use aliyun_iot::list_ota_module_by_product::{
    ListOtaModuleByProductInput, ListOtaModuleByProductResponse, OtaModule,
};
use aliyun_iot::list_ota_module_versions_by_device::{
    ListOtaModuleVersionsByDeviceInput, ListOtaModuleVersionsByDeviceResponse, SimpleOtaModuleInfo,
};
use aliyun_iot::update_ota_module::{UpdateOtaModuleInput, UpdateOtaModuleResponse};
use aliyun_runtime::server::Failure;

use super::firmware::{find_device, find_product};
use super::{Ota, check_len, check_page, is_name, page_of, timestamp};
use crate::codes::{self, illegal, refuse};
use crate::state::{Event, Millis, Module};

/// Custom modules per product.
const MAX_MODULES: usize = 10;

/// The time format of module times (`2020-10-13T09:46Z` in one published sample).
fn gmt(millis: Millis) -> Option<String> {
    timestamp(millis).map(|t| t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
}

fn check_alias_desc(alias: Option<&str>, desc: Option<&str>) -> Result<(), Failure> {
    if alias.is_some_and(|a| a.is_empty()) {
        return Err(illegal("AliasName", "must be 1 to 64 characters"));
    }
    check_len("AliasName", alias, 64)?;
    check_len("Desc", desc, 100)
}

pub(super) fn list(
    ota: &Ota,
    input: ListOtaModuleByProductInput,
) -> Result<ListOtaModuleByProductResponse, Failure> {
    let core = ota.read();
    let product = find_product(
        &core.world,
        &input.product_key,
        input.iot_instance_id.as_deref(),
    )?;
    let item = |name: &str, alias: Option<&str>, desc: Option<&str>, created, modified| {
        let mut m = OtaModule::default();
        m.module_name = Some(name.to_owned());
        m.alias_name = alias.map(str::to_owned);
        m.desc = desc.map(str::to_owned);
        m.product_key = Some(product.product_key.clone());
        m.gmt_create = gmt(created);
        m.gmt_modified = gmt(modified);
        m
    };
    let mut response = ListOtaModuleByProductResponse::default();
    response.data.push(item(
        "default",
        Some("default"),
        None,
        product.created,
        product.created,
    ));
    for module in product.modules.values() {
        response.data.push(item(
            &module.name,
            module.alias.as_deref(),
            module.desc.as_deref(),
            module.created,
            module.modified,
        ));
    }
    Ok(response)
}

pub(super) fn create(
    ota: &Ota,
    input: CreateOtaModuleInput,
) -> Result<CreateOtaModuleResponse, Failure> {
    if !is_name(&input.module_name, 64) {
        return Err(illegal(
            "ModuleName",
            "must be 1 to 64 letters, digits, periods, hyphens and underscores",
        ));
    }
    check_alias_desc(input.alias_name.as_deref(), input.desc.as_deref())?;
    let now = ota.now();
    let mut core = ota.write();
    let product = find_product(
        &core.world,
        &input.product_key,
        input.iot_instance_id.as_deref(),
    )?;
    let taken = input.module_name.eq_ignore_ascii_case("default")
        || product
            .modules
            .keys()
            .any(|m| m.eq_ignore_ascii_case(&input.module_name));
    if taken {
        return Err(refuse(
            codes::MODULE_EXISTS,
            format!(
                "The product already has a module named {:?}.",
                input.module_name
            ),
        ));
    }
    if product.modules.len() >= MAX_MODULES {
        return Err(refuse(
            codes::MODULE_LIMIT,
            "A product has at most 10 custom modules.",
        ));
    }
    let event = Event::ModuleCreated {
        product_key: product.product_key.clone(),
        module: Module {
            name: input.module_name,
            alias: input.alias_name,
            desc: input.desc,
            created: now,
            modified: now,
        },
    };
    core.commit(vec![event], now)?;
    Ok(CreateOtaModuleResponse::default())
}

/// The custom module `name` of the product (`iot.ota.ModuleNotFound` otherwise).
fn module_exists(product: &crate::state::Product, name: &str) -> Result<(), Failure> {
    if product.modules.contains_key(name) {
        Ok(())
    } else {
        Err(refuse(
            codes::MODULE_NOT_FOUND,
            format!("The product has no custom module {name:?}."),
        ))
    }
}

pub(super) fn update(
    ota: &Ota,
    input: UpdateOtaModuleInput,
) -> Result<UpdateOtaModuleResponse, Failure> {
    check_alias_desc(input.alias_name.as_deref(), input.desc.as_deref())?;
    let now = ota.now();
    let mut core = ota.write();
    let product = find_product(
        &core.world,
        &input.product_key,
        input.iot_instance_id.as_deref(),
    )?;
    module_exists(product, &input.module_name)?;
    let event = Event::ModuleUpdated {
        product_key: product.product_key.clone(),
        name: input.module_name,
        alias: input.alias_name,
        desc: input.desc,
    };
    core.commit(vec![event], now)?;
    Ok(UpdateOtaModuleResponse::default())
}

pub(super) fn delete(
    ota: &Ota,
    input: DeleteOtaModuleInput,
) -> Result<DeleteOtaModuleResponse, Failure> {
    let now = ota.now();
    let mut core = ota.write();
    let world = &core.world;
    let product = find_product(world, &input.product_key, input.iot_instance_id.as_deref())?;
    if input.module_name == "default" {
        return Err(refuse(
            codes::MODULE_IN_USE,
            "The default module cannot be deleted.",
        ));
    }
    module_exists(product, &input.module_name)?;
    let in_use = world.packages.values().any(|p| {
        p.product_key.as_deref() == Some(product.product_key.as_str())
            && p.module == input.module_name
    });
    if in_use {
        return Err(refuse(
            codes::MODULE_IN_USE,
            "The module still has update packages: delete them first.",
        ));
    }
    let event = Event::ModuleDeleted {
        product_key: product.product_key.clone(),
        name: input.module_name,
    };
    core.commit(vec![event], now)?;
    Ok(DeleteOtaModuleResponse::default())
}

pub(super) fn list_versions(
    ota: &Ota,
    input: ListOtaModuleVersionsByDeviceInput,
) -> Result<ListOtaModuleVersionsByDeviceResponse, Failure> {
    let (page, size) = check_page(input.current_page, input.page_size, 200)?;
    let core = ota.read();
    let world = &core.world;
    let instance = input.iot_instance_id.as_deref();
    let (product, device) = find_device(
        world,
        input.iot_id.as_deref(),
        input.product_key.as_deref(),
        input.device_name.as_deref(),
        instance,
    )?;
    let versions: Vec<(&String, &String)> = device.versions.iter().collect();
    let (items, page_count, total) = page_of(versions, page, size);
    let mut response = ListOtaModuleVersionsByDeviceResponse::default();
    response.current_page = Some(input.current_page);
    response.page_size = Some(input.page_size);
    response.page_count = Some(page_count);
    response.total = Some(total);
    response.data = items
        .into_iter()
        .map(|(module, version)| {
            let mut item = SimpleOtaModuleInfo::default();
            item.product_key = Some(product.product_key.clone());
            item.device_name = Some(device.name.clone());
            item.iot_id = Some(device.iot_id.clone());
            item.module_name = Some(module.clone());
            item.module_version = Some(version.clone());
            item
        })
        .collect();
    Ok(response)
}
