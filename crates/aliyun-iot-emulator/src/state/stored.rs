//! The copy of the state a compaction takes under the state's lock and serializes outside it.

use std::collections::BTreeMap;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::{Device, Job, Millis, Module, Package, Product, Shared, Task, World};

/// What a snapshot stores of a [`World`] (not what [`World::reindex`] rebuilds), serialized
/// exactly as the world is. Devices, tasks and the jobs' task lists are shared with the
/// world, not copied, and the maps holding them are lists (each value names its own key): a
/// copy of a world with 100,000 devices and tasks is a few pointers each.
#[derive(Debug)]
pub(crate) struct Stored {
    products: Vec<StoredProduct>,
    packages: BTreeMap<String, Package>,
    jobs: BTreeMap<String, Job>,
    tasks: Vec<Shared<Task>>,
    /// [`World::batches`].
    pub(crate) batches: u64,
}

/// A [`Product`] as [`Stored`] holds it.
#[derive(Debug)]
struct StoredProduct {
    product_key: String,
    product_name: String,
    instance: Option<String>,
    modules: BTreeMap<String, Module>,
    devices: Vec<Shared<Device>>,
    created: Millis,
}

impl World {
    /// A copy of what a snapshot stores, for a compaction to serialize outside the state's
    /// lock.
    pub(crate) fn stored(&self) -> Stored {
        // Every field named: a field added to the world is either stored or said not to be.
        let World {
            products,
            packages,
            jobs,
            tasks,
            batches,
            iot_ids: _,
            tallies: _,
            device_places: _,
        } = self;
        Stored {
            products: products.values().map(StoredProduct::of).collect(),
            packages: packages.clone(),
            jobs: jobs.clone(),
            tasks: tasks.values().cloned().collect(),
            batches: *batches,
        }
    }
}

impl StoredProduct {
    fn of(product: &Product) -> Self {
        let Product {
            product_key,
            product_name,
            instance,
            modules,
            devices,
            created,
        } = product;
        Self {
            product_key: product_key.clone(),
            product_name: product_name.clone(),
            instance: instance.clone(),
            modules: modules.clone(),
            devices: devices.values().cloned().collect(),
            created: *created,
        }
    }
}

/// Values serialized as a map, each under its own name (its key in the world's map).
struct Keyed<'a, T>(&'a [T], fn(&T) -> &str);

impl<T: Serialize> Serialize for Keyed<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|value| (self.1(value), value)))
    }
}

impl Serialize for Stored {
    /// As the derived `Serialize` of [`World`] does.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut world = serializer.serialize_struct("World", 5)?;
        let products = Keyed(&self.products, |p| &p.product_key);
        world.serialize_field("products", &products)?;
        world.serialize_field("packages", &self.packages)?;
        world.serialize_field("jobs", &self.jobs)?;
        world.serialize_field("tasks", &Keyed(&self.tasks, |t| &t.id))?;
        world.serialize_field("batches", &self.batches)?;
        world.end()
    }
}

impl Serialize for StoredProduct {
    /// As the derived `Serialize` of [`Product`] does.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut product = serializer.serialize_struct("Product", 6)?;
        product.serialize_field("product_key", &self.product_key)?;
        product.serialize_field("product_name", &self.product_name)?;
        product.serialize_field("instance", &self.instance)?;
        product.serialize_field("modules", &self.modules)?;
        product.serialize_field("devices", &Keyed(&self.devices, |d| &d.name))?;
        product.serialize_field("created", &self.created)?;
        product.end()
    }
}
