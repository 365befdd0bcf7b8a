//! The IoT service's part of the emulator: the 26 OTA operations over the [`World`], the
//! simulated devices' clock, the object storage and the journal.
//!
//! Every operation takes the state lock, checks its request, turns it into events, journals
//! them (when the emulator has a state directory: the answer waits for the disk) and applies
//! them. Reads take the same lock and copy what they answer.

mod firmware;
mod jobs;
mod modules;
mod tasks;

use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use aliyun_iot::server::Service;
use aliyun_runtime::jiff::Timestamp;
use aliyun_runtime::server::{Failure, RequestContext};

use serde::{Deserialize, Serialize};

use crate::clock::Clock;
use crate::codes;
use crate::config::EmulatorConfig;
use crate::journal::{Journal, StateError, Syncer};
use crate::state::sim::{self, Pushes};
use crate::state::{Event, Ids, Millis, World, seed};
use crate::storage::ObjectStore;

/// One journal record: the events of one change and when it happened.
#[derive(Debug, Serialize, Deserialize)]
struct Batch {
    at: Millis,
    events: Vec<Event>,
}

/// The state and what changes it, behind one lock.
pub(crate) struct Core {
    pub(crate) world: World,
    pub(crate) ids: Ids,
    pushes: Pushes,
    journal: Option<Journal>,
}

/// Journal batches after which the state is compacted into a new snapshot.
const COMPACT_AFTER: u64 = 10_000;

impl Core {
    /// The state of a new emulator, or the one kept in `config.state_dir` (then `products`
    /// and `packages` of the configuration only seed a directory that holds no state yet).
    fn open(config: &EmulatorConfig, seed: u64, now: Millis) -> Result<Self, StateError> {
        let fresh = |ids: &mut Ids| seed::world(&config.products, &config.packages, now, ids);
        let Some(dir) = &config.state_dir else {
            let mut ids = Ids::new(seed, 0);
            let world = fresh(&mut ids);
            return Ok(Self::with(world, ids, None));
        };
        let (mut journal, recovered) = Journal::open::<World, Batch>(dir)?;
        let world = match recovered.snapshot {
            Some(mut world) => {
                world.reindex();
                let batches = recovered.events.len();
                for batch in recovered.events {
                    world.apply(&batch.events, batch.at);
                }
                tracing::info!(dir = %dir.display(), batches, "state recovered");
                world
            }
            None if recovered.events.is_empty() => {
                let mut ids = Ids::new(seed, 0);
                let world = fresh(&mut ids);
                journal
                    .compact(|| world.stored())
                    .and_then(|_| journal.finish_compaction())
                    .map_err(|e| StateError::io(dir, "cannot write the first snapshot", e))?;
                return Ok(Self::with(world, ids, Some(journal)));
            }
            None => {
                return Err(StateError::new(
                    dir,
                    "",
                    "the journal holds changes but there is no snapshot to apply them to",
                ));
            }
        };
        let ids = Ids::new(seed, world.batches);
        Ok(Self::with(world, ids, Some(journal)))
    }

    fn with(world: World, ids: Ids, journal: Option<Journal>) -> Self {
        Self {
            world,
            ids,
            pushes: Pushes::default(),
            journal,
        }
    }

    /// Journals `events` (written, not yet synced: [`Ota`] syncs before it answers) and
    /// applies them.
    pub(crate) fn commit(&mut self, events: Vec<Event>, now: Millis) -> Result<(), Failure> {
        if events.is_empty() {
            return Ok(());
        }
        let batch = Batch { at: now, events };
        if let Some(journal) = &mut self.journal {
            journal.write(std::slice::from_ref(&batch)).map_err(|e| {
                tracing::error!(dir = %journal.dir().display(), error = %e, "cannot journal a change");
                internal_error()
            })?;
        }
        self.world.apply(&batch.events, now);
        // Only a copy of the state (a few pointers a device and a task) and the switch to a
        // new journal segment happen here, under the lock; a thread of its own serializes the
        // copy and writes the snapshot. While the last one is still being written (or if this
        // fails) it is tried again at the next change; a snapshot that cannot be written (its
        // thread logs why) after another COMPACT_AFTER changes. The journal keeps every change
        // meanwhile.
        if let Some(journal) = &mut self.journal
            && journal.batches_since_snapshot() >= COMPACT_AFTER
            && let Err(e) = journal.compact(|| self.world.stored())
        {
            tracing::warn!(dir = %journal.dir().display(), error = %e, "cannot start a snapshot");
        }
        Ok(())
    }

    /// One step of the simulated devices at `now`.
    pub(crate) fn step(&mut self, now: Millis) -> Result<(), Failure> {
        let events = sim::step(&self.world, now, &mut self.ids, &mut self.pushes);
        self.commit(events, now)
    }
}

/// The answer when the journal cannot be synced (logged).
fn sync_failed(e: std::io::Error) -> Failure {
    tracing::error!(error = %e, "cannot sync the journal");
    internal_error()
}

/// HTTP 500 `InternalError`, as the gateway answers it.
fn internal_error() -> Failure {
    Failure::gateway(
        500,
        "InternalError",
        "The request processing has failed due to some unknown error.",
    )
}

/// The emulated IoT service.
pub(crate) struct Ota {
    core: RwLock<Core>,
    /// Makes journaled changes durable (with a state directory).
    sync: Option<Arc<Syncer>>,
    pub(crate) clock: Clock,
    pub(crate) store: ObjectStore,
    /// `http://host:port` of the emulator, for upload hosts and download URLs.
    pub(crate) base_url: String,
}

impl std::fmt::Debug for Ota {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ota")
            .field("base_url", &self.base_url)
            .field("clock", &self.clock)
            .field("store", &self.store)
            .finish_non_exhaustive()
    }
}

impl Ota {
    /// The service `config` describes, answering at `base_url` (`http://host:port`).
    pub(crate) fn open(config: &EmulatorConfig, base_url: String) -> Result<Self, StateError> {
        let clock = if config.manual_clock {
            Clock::manual()
        } else {
            Clock::System
        };
        let now = clock.now_millis();
        let seed = config
            .seed
            .unwrap_or_else(|| u64::try_from(now).unwrap_or(0) ^ u64::from(std::process::id()));
        let core = Core::open(config, seed, now)?;
        let store = ObjectStore::open(config.state_dir.as_deref(), config.max_upload_bytes)
            .map_err(|e| {
                let dir = config.state_dir.clone().unwrap_or_else(std::env::temp_dir);
                StateError::io(&dir, "cannot open the object storage", e)
            })?;
        let sync = core.journal.as_ref().map(Journal::syncer);
        Ok(Self {
            core: RwLock::new(core),
            sync,
            clock,
            store,
            base_url,
        })
    }

    /// Locks the state to read it (usable even if a thread panicked while holding it).
    pub(crate) fn read(&self) -> RwLockReadGuard<'_, Core> {
        self.core.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Locks the state to change it.
    pub(crate) fn write(&self) -> RwLockWriteGuard<'_, Core> {
        self.core.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// The emulator's time, in milliseconds.
    pub(crate) fn now(&self) -> Millis {
        self.clock.now_millis()
    }

    /// One step of the simulated devices, durable when it returns (blocks for the sync).
    pub(crate) fn step(&self) -> Result<(), Failure> {
        let now = self.now();
        self.write().step(now)?;
        match &self.sync {
            Some(sync) => sync.sync().map_err(sync_failed),
            None => Ok(()),
        }
    }

    /// Returns once every change journaled so far is on disk. Awaited before every answer,
    /// outside the state lock, so that concurrent changes share one sync, and so that no
    /// answer shows a change that a crash could still lose. The sync runs on a blocking
    /// thread: an async worker held for a `sync_data` would stall every connection on it.
    pub(crate) async fn settle(&self) -> Result<(), Failure> {
        let Some(sync) = &self.sync else {
            return Ok(());
        };
        if sync.is_synced() {
            return Ok(());
        }
        let sync = Arc::clone(sync);
        match tokio::task::spawn_blocking(move || sync.sync()).await {
            Ok(synced) => synced.map_err(sync_failed),
            Err(e) => {
                tracing::error!(error = %e, "the journal's sync did not finish");
                Err(internal_error())
            }
        }
    }
}

/// The time of `millis`, for answers.
pub(crate) fn timestamp(millis: Millis) -> Option<Timestamp> {
    Timestamp::from_millisecond(millis).ok()
}

/// Checks a request's `IotInstanceId` against the instance of what it names (`owner`): an
/// instance nothing belongs to, or a missing ID for something inside an instance, is
/// `iot.system.InstanceNotFound`; `Ok(false)` means the thing is in another instance (the
/// caller answers "not found").
pub(crate) fn same_instance(
    world: &World,
    given: Option<&str>,
    owner: Option<&str>,
) -> Result<bool, Failure> {
    let given = given.filter(|s| !s.is_empty());
    if let Some(given) = given
        && !instance_exists(world, given)
    {
        return Err(codes::instance_not_found());
    }
    match (given, owner) {
        (None, Some(_)) => Err(codes::instance_not_found()),
        (given, owner) => Ok(given == owner),
    }
}

fn instance_exists(world: &World, instance: &str) -> bool {
    world
        .products
        .values()
        .any(|p| p.instance.as_deref() == Some(instance))
        || world
            .packages
            .values()
            .any(|p| p.instance.as_deref() == Some(instance))
}

/// Checks paging parameters: `page` from 1, `size` from 1 to `max_size`
/// (`iot.common.InvalidPageParams` otherwise).
pub(crate) fn check_page(page: i64, size: i64, max_size: i64) -> Result<(usize, usize), Failure> {
    if page < 1 || size < 1 || size > max_size {
        return Err(Failure::in_band(
            codes::INVALID_PAGE_PARAMS,
            format!("CurrentPage must be at least 1 and PageSize from 1 to {max_size}."),
        ));
    }
    let page = usize::try_from(page).map_err(|_| codes::illegal("CurrentPage", "is too large"))?;
    let size = usize::try_from(size).map_err(|_| codes::illegal("PageSize", "is too large"))?;
    Ok((page, size))
}

/// A page of `items`: the items and `(PageCount, Total)`.
pub(crate) fn page_of<T>(items: Vec<T>, page: usize, size: usize) -> (Vec<T>, i64, i64) {
    let total = items.len();
    let count = total.div_ceil(size);
    let start = (page - 1).saturating_mul(size);
    let items = items.into_iter().skip(start).take(size).collect();
    (
        items,
        i64::try_from(count).unwrap_or(i64::MAX),
        i64::try_from(total).unwrap_or(i64::MAX),
    )
}

/// Whether `text` is 1–`max` characters of letters, digits, `.`, `-` and `_` (versions and
/// module names).
pub(crate) fn is_name(text: &str, max: usize) -> bool {
    let count = text.chars().count();
    (1..=max).contains(&count)
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// Checks an optional text's length in characters.
pub(crate) fn check_len(name: &str, value: Option<&str>, max: usize) -> Result<(), Failure> {
    match value {
        Some(v) if v.chars().count() > max => Err(codes::illegal(
            name,
            &format!("is longer than {max} characters"),
        )),
        _ => Ok(()),
    }
}

macro_rules! operations {
    ($($method:ident => $module:ident :: $function:ident ($op:ident :: $input:ident, $response:ident);)*) => {
        impl Service for Ota {
            $(
                async fn $method(
                    &self,
                    _ctx: &RequestContext,
                    input: aliyun_iot::$op::$input,
                ) -> Result<aliyun_iot::$op::$response, Failure> {
                    let answer = $module::$function(self, input);
                    self.settle().await?;
                    answer
                }
            )*
        }
    };
}

operations! {
    generate_ota_upload_url => firmware::generate_upload_url(generate_ota_upload_url::GenerateOtaUploadUrlInput, GenerateOtaUploadUrlResponse);
    generate_device_name_list_url => firmware::generate_device_list_url(generate_device_name_list_url::GenerateDeviceNameListUrlInput, GenerateDeviceNameListUrlResponse);
    create_ota_firmware => firmware::create(create_ota_firmware::CreateOtaFirmwareInput, CreateOtaFirmwareResponse);
    query_ota_firmware => firmware::query(query_ota_firmware::QueryOtaFirmwareInput, QueryOtaFirmwareResponse);
    list_ota_firmware => firmware::list(list_ota_firmware::ListOtaFirmwareInput, ListOtaFirmwareResponse);
    modify_ota_firmware => firmware::modify(modify_ota_firmware::ModifyOtaFirmwareInput, ModifyOtaFirmwareResponse);
    delete_ota_firmware => firmware::delete(delete_ota_firmware::DeleteOtaFirmwareInput, DeleteOtaFirmwareResponse);
    create_ota_verify_job => jobs::create_verify(create_ota_verify_job::CreateOtaVerifyJobInput, CreateOtaVerifyJobResponse);
    create_ota_static_upgrade_job => jobs::create_static(create_ota_static_upgrade_job::CreateOtaStaticUpgradeJobInput, CreateOtaStaticUpgradeJobResponse);
    create_ota_dynamic_upgrade_job => jobs::create_dynamic(create_ota_dynamic_upgrade_job::CreateOtaDynamicUpgradeJobInput, CreateOtaDynamicUpgradeJobResponse);
    query_ota_job => jobs::query(query_ota_job::QueryOtaJobInput, QueryOtaJobResponse);
    update_ota_job => jobs::update(update_ota_job::UpdateOtaJobInput, UpdateOtaJobResponse);
    list_ota_job_by_firmware => jobs::list_by_firmware(list_ota_job_by_firmware::ListOtaJobByFirmwareInput, ListOtaJobByFirmwareResponse);
    list_ota_job_by_device => jobs::list_by_device(list_ota_job_by_device::ListOtaJobByDeviceInput, ListOtaJobByDeviceResponse);
    cancel_ota_strategy_by_job => jobs::cancel_strategy(cancel_ota_strategy_by_job::CancelOtaStrategyByJobInput, CancelOtaStrategyByJobResponse);
    list_ota_task_by_job => tasks::list_by_job(list_ota_task_by_job::ListOtaTaskByJobInput, ListOtaTaskByJobResponse);
    list_ota_unfinished_task_by_device => tasks::list_unfinished(list_ota_unfinished_task_by_device::ListOtaUnfinishedTaskByDeviceInput, ListOtaUnfinishedTaskByDeviceResponse);
    cancel_ota_task_by_job => tasks::cancel_by_job(cancel_ota_task_by_job::CancelOtaTaskByJobInput, CancelOtaTaskByJobResponse);
    cancel_ota_task_by_device => tasks::cancel_by_device(cancel_ota_task_by_device::CancelOtaTaskByDeviceInput, CancelOtaTaskByDeviceResponse);
    reupgrade_ota_task => tasks::reupgrade(reupgrade_ota_task::ReupgradeOtaTaskInput, ReupgradeOtaTaskResponse);
    confirm_ota_task => tasks::confirm(confirm_ota_task::ConfirmOtaTaskInput, ConfirmOtaTaskResponse);
    list_ota_module_by_product => modules::list(list_ota_module_by_product::ListOtaModuleByProductInput, ListOtaModuleByProductResponse);
    create_ota_module => modules::create(create_ota_module::CreateOtaModuleInput, CreateOtaModuleResponse);
    update_ota_module => modules::update(update_ota_module::UpdateOtaModuleInput, UpdateOtaModuleResponse);
    delete_ota_module => modules::delete(delete_ota_module::DeleteOtaModuleInput, DeleteOtaModuleResponse);
    list_ota_module_versions_by_device => modules::list_versions(list_ota_module_versions_by_device::ListOtaModuleVersionsByDeviceInput, ListOtaModuleVersionsByDeviceResponse);
}

/// Moves the simulated devices on every `step` until the emulator shuts down (or is gone).
pub(crate) async fn run_devices(
    shared: std::sync::Weak<crate::handler::Shared>,
    step: std::time::Duration,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    let mut ticker = tokio::time::interval(step.max(std::time::Duration::from_millis(1)));
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = ticker.tick() => {}
            _ = shutdown.changed() => return,
        }
        let Some(shared) = shared.upgrade() else {
            return;
        };
        let now = shared.ota.now();
        let stepped = shared.ota.write().step(now);
        if let Err(failure) = stepped {
            tracing::error!(error = %failure, "the simulated devices cannot move on");
        }
        // Synced by the next answer at the latest; no one waits for it here.
        let _ = shared.ota.settle().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packages::ProductSeed;
    use crate::state::tests::job;
    use crate::state::{Module, TaskChange, TaskState};

    /// The state as its snapshot holds it.
    fn stored(world: &World) -> serde_json::Value {
        serde_json::to_value(world.stored()).unwrap()
    }

    #[test]
    fn a_snapshot_holds_the_state_after_its_batch_and_a_restart_recovers_every_change() {
        let dir = tempfile::TempDir::new().unwrap();
        let devices = ProductSeed::new("pk", "p").with_generated_devices(2000, "d");
        let config = EmulatorConfig::ephemeral()
            .with_state_dir(dir.path())
            .with_products(vec![devices]);
        let mut core = Core::open(&config, 7, 0).unwrap();
        let job = job("j", "pk", Some(3));
        let tasks = core.world.products["pk"].devices.keys();
        let tasks = tasks
            .map(|name| sim::new_task(&core.world, &job, name, "1.0", 0, &mut core.ids))
            .collect();
        let module = Module {
            name: "m".to_owned(),
            alias: None,
            desc: None,
            created: 0,
            modified: 0,
        };
        let product_key = "pk".to_owned();
        let events = vec![
            Event::JobCreated {
                job: Box::new(job),
                tasks,
            },
            Event::ModuleCreated {
                product_key: product_key.clone(),
                module,
            },
        ];
        core.commit(events, 0).unwrap();
        let mut at_compaction = None;
        for i in 0..COMPACT_AFTER + 100 {
            let now = Millis::try_from(i).unwrap() * 1000;
            let desc = Some(i.to_string());
            let (product_key, name) = (product_key.clone(), "m".to_owned());
            let change = Event::ModuleUpdated {
                product_key,
                name,
                alias: None,
                desc,
            };
            core.commit(vec![change], now).unwrap();
            if i % 500 == 0 {
                core.step(now).unwrap();
            }
            let journal = core.journal.as_ref().unwrap();
            if journal.batches_since_snapshot() == 0 && at_compaction.is_none() {
                // Every task and device changes while the snapshot's thread writes.
                at_compaction = Some(core.world.stored());
                let changes = core.world.tasks.values().map(|task| TaskChange {
                    task_id: task.id.clone(),
                    state: TaskState::Canceled,
                    progress: task.progress,
                    desc: "canceled".to_owned(),
                    retries: 0,
                });
                let changes = Event::TasksChanged(changes.collect());
                core.commit(vec![changes], now).unwrap();
            }
        }
        let at_compaction = at_compaction.expect("a compaction");
        core.journal.as_mut().unwrap().finish_compaction().unwrap();
        let snapshot = std::fs::read(dir.path().join("snapshot.json")).unwrap();
        let snapshot: serde_json::Value = serde_json::from_slice(&snapshot).unwrap();
        assert_eq!(snapshot["seq"], at_compaction.batches);
        let at_compaction_state = serde_json::to_value(&at_compaction).unwrap();
        assert!(
            snapshot["state"] == at_compaction_state,
            "the snapshot's state"
        );

        let before = stored(&core.world);
        drop(core);
        let core = Core::open(&config, 7, 0).unwrap();
        assert!(stored(&core.world) == before, "the state after a restart");
    }
}
