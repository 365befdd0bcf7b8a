//! The OTA service's state: products and their devices and modules, packages, jobs and tasks.
//!
//! The state is event-sourced. Operations check a request against the [`World`] and turn it
//! into [`Event`]s; [`World::apply`] applies them, with every consequence (a finished
//! verification job settles its package's status, a succeeded task updates the device's
//! module version, a job whose tasks are all final is completed). Applying the same events to
//! the same state always gives the same state, which is what makes the journal of
//! [`crate::journal`] enough to survive a crash.

mod device_places;
pub(crate) mod seed;
mod shared;
pub(crate) mod sim;
mod stored;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use device_places::DevicePlaces;
pub(crate) use shared::Shared;

/// Milliseconds since the Unix epoch (UTC): how the state keeps time.
pub(crate) type Millis = i64;

/// Everything the emulated service knows.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct World {
    /// Products by ProductKey.
    pub(crate) products: BTreeMap<String, Product>,
    /// Packages by FirmwareId.
    pub(crate) packages: BTreeMap<String, Package>,
    /// Jobs by JobId.
    pub(crate) jobs: BTreeMap<String, Job>,
    /// Tasks by TaskId (each job lists its own, in creation order).
    pub(crate) tasks: HashMap<String, Shared<Task>>,
    /// Event batches applied so far: seeds the ID generator after a restart.
    pub(crate) batches: u64,
    /// IotId → (ProductKey, DeviceName); rebuilt by [`World::reindex`], not stored.
    #[serde(skip)]
    pub(crate) iot_ids: HashMap<String, (String, String)>,
    /// Each job's tasks by state, by JobId; rebuilt by [`World::reindex`], not stored.
    #[serde(skip)]
    tallies: HashMap<String, Tally>,
    /// Each job's tasks by device, by JobId; rebuilt by [`World::reindex`], not stored.
    #[serde(skip)]
    device_places: HashMap<String, DevicePlaces>,
}

/// A job's tasks by state, as their places in [`Job::tasks`] (creation order): how many are
/// final and how many succeeded (settling a job), and the pages of a `TaskStatus` filter,
/// without looking at each of the job's (maybe 100,000) tasks.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Tally {
    by_state: [BTreeSet<usize>; TaskState::ALL.len()],
}

impl Tally {
    /// Moves the task at `place` from `from` (`None`: a new task) to `to`.
    fn count(&mut self, place: usize, from: Option<TaskState>, to: TaskState) {
        if let Some(from) = from {
            self.by_state[from as usize].remove(&place);
        }
        self.by_state[to as usize].insert(place);
    }

    /// The places of the tasks in `state`, in creation order.
    pub(crate) fn in_state(&self, state: TaskState) -> &BTreeSet<usize> {
        &self.by_state[state as usize]
    }

    /// How many tasks are final.
    fn finished(&self) -> usize {
        TaskState::ALL
            .iter()
            .filter(|state| state.is_final())
            .map(|&state| self.in_state(state).len())
            .sum()
    }
}

/// Moves the task at `place` of `job_id` from state `from` (`None`: a new task) to `to` in
/// the job's tally.
fn retally(
    tallies: &mut HashMap<String, Tally>,
    job_id: &str,
    place: usize,
    from: Option<TaskState>,
    to: TaskState,
) {
    if !tallies.contains_key(job_id) {
        tallies.insert(job_id.to_owned(), Tally::default());
    }
    if let Some(tally) = tallies.get_mut(job_id) {
        tally.count(place, from, to);
    }
}

/// A product and its devices and modules.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Product {
    pub(crate) product_key: String,
    pub(crate) product_name: String,
    /// The IoT instance the product belongs to (`None`: an instance without an ID).
    pub(crate) instance: Option<String>,
    /// Custom modules by name (the `default` module is implicit).
    pub(crate) modules: BTreeMap<String, Module>,
    /// Devices by DeviceName.
    pub(crate) devices: BTreeMap<String, Shared<Device>>,
    pub(crate) created: Millis,
}

/// An OTA module of a product.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Module {
    pub(crate) name: String,
    pub(crate) alias: Option<String>,
    pub(crate) desc: Option<String>,
    pub(crate) created: Millis,
    pub(crate) modified: Millis,
}

/// A simulated device.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Device {
    pub(crate) name: String,
    pub(crate) iot_id: String,
    /// The version the device reports for each module.
    pub(crate) versions: BTreeMap<String, String>,
    /// When each module's version last changed (absent: since the seed).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) changed: BTreeMap<String, Millis>,
    /// The device fails every task.
    pub(crate) fails: bool,
    /// An offline device never progresses: its tasks wait until they time out.
    pub(crate) online: bool,
    /// The device's unfinished task per module.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) open: BTreeMap<String, String>,
}

/// One file of a package.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct PackageFile {
    /// The file's name (multi-file packages; empty for the single file).
    pub(crate) name: String,
    /// The object in the emulator's storage, if the file was uploaded to it.
    pub(crate) object: Option<String>,
    /// The URL given at creation (seeded packages: served as is).
    pub(crate) url: String,
    pub(crate) size: Option<i64>,
    /// `FirmwareSign` (single file) or `SignValue` (multi-file).
    pub(crate) sign: Option<String>,
    pub(crate) md5: Option<String>,
}

/// An update package.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Package {
    pub(crate) id: String,
    pub(crate) instance: Option<String>,
    pub(crate) name: String,
    pub(crate) desc: Option<String>,
    pub(crate) dest_version: String,
    /// `SrcVersion` as given (empty or absent for a full package).
    pub(crate) src_version: Option<String>,
    /// `Type`: 0 full, 1 delta.
    pub(crate) kind: i64,
    /// `Status`: -1 no verification needed, 0 unverified, 1 verified, 2 verifying, 3 failed.
    pub(crate) status: i64,
    pub(crate) verify_progress: Option<i64>,
    /// `SignMethod` (`MD5` when created without one).
    pub(crate) sign_method: Option<String>,
    pub(crate) module: String,
    pub(crate) product_key: Option<String>,
    pub(crate) product_name: Option<String>,
    pub(crate) udi: Option<String>,
    /// The single file (`FirmwareUrl`), or `None` for a multi-file package.
    pub(crate) file: Option<PackageFile>,
    pub(crate) files: Vec<PackageFile>,
    pub(crate) created: Millis,
    pub(crate) modified: Millis,
}

/// `Status` values of a package.
pub(crate) mod package_status {
    pub(crate) const NO_VERIFICATION: i64 = -1;
    pub(crate) const UNVERIFIED: i64 = 0;
    pub(crate) const VERIFIED: i64 = 1;
    pub(crate) const VERIFYING: i64 = 2;
    pub(crate) const FAILED: i64 = 3;
}

/// The state of a job (`JobStatus`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum JobState {
    Planned,
    InProgress,
    Completed,
    Canceled,
}

impl JobState {
    /// The wire value.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "PLANNED",
            Self::InProgress => "IN_PROGRESS",
            Self::Completed => "COMPLETED",
            Self::Canceled => "CANCELED",
        }
    }

    /// Whether the job is over.
    pub(crate) fn is_final(self) -> bool {
        matches!(self, Self::Completed | Self::Canceled)
    }
}

/// What kind of job.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum JobKind {
    /// `VERFIY_FIRMWARE`.
    Verify,
    /// `UPGRADE_FIRMWARE`, `SelectionType` `STATIC`.
    Static,
    /// `UPGRADE_FIRMWARE`, `SelectionType` `DYNAMIC`.
    Dynamic,
}

/// An update batch.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Job {
    pub(crate) id: String,
    pub(crate) firmware_id: String,
    pub(crate) product_key: String,
    pub(crate) instance: Option<String>,
    pub(crate) kind: JobKind,
    pub(crate) state: JobState,
    /// `TargetSelection` as sent (`ALL`, `SPECIFIC`, `GRAY`, `GROUP`).
    pub(crate) target: String,
    pub(crate) gray_percent: Option<String>,
    pub(crate) group_id: Option<String>,
    pub(crate) group_type: Option<String>,
    pub(crate) src_versions: Vec<String>,
    pub(crate) dest_version: String,
    pub(crate) module: String,
    pub(crate) tags: Vec<(String, String)>,
    pub(crate) timeout_minutes: Option<i64>,
    pub(crate) retry_interval: Option<i64>,
    pub(crate) retry_count: Option<i64>,
    pub(crate) maximum_per_minute: i64,
    pub(crate) overwrite_mode: i64,
    pub(crate) dynamic_mode: Option<i64>,
    pub(crate) multi_module_mode: bool,
    pub(crate) need_push: bool,
    pub(crate) need_confirm: bool,
    pub(crate) download_protocol: String,
    pub(crate) schedule_time: Option<Millis>,
    pub(crate) schedule_finish_time: Option<Millis>,
    pub(crate) created: Millis,
    pub(crate) modified: Millis,
    pub(crate) started: Option<Millis>,
    pub(crate) ended: Option<Millis>,
    /// The job's tasks, in creation order.
    pub(crate) tasks: Shared<Vec<String>>,
}

/// The state of a device task (`TaskStatus`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum TaskState {
    Confirm,
    Queued,
    Notified,
    InProgress,
    Succeeded,
    Failed,
    Canceled,
}

impl TaskState {
    /// Every state, in the documented order.
    pub(crate) const ALL: [TaskState; 7] = [
        Self::Confirm,
        Self::Queued,
        Self::Notified,
        Self::InProgress,
        Self::Succeeded,
        Self::Failed,
        Self::Canceled,
    ];

    /// The wire value.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Confirm => "CONFIRM",
            Self::Queued => "QUEUED",
            Self::Notified => "NOTIFIED",
            Self::InProgress => "IN_PROGRESS",
            Self::Succeeded => "SUCCEEDED",
            Self::Failed => "FAILED",
            Self::Canceled => "CANCELED",
        }
    }

    /// The state of a wire value.
    pub(crate) fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Whether the task is over (`SUCCEEDED`, `FAILED`, `CANCELED`).
    pub(crate) fn is_final(self) -> bool {
        matches!(self, Self::Succeeded | Self::Failed | Self::Canceled)
    }
}

/// One device's task in a job.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Task {
    pub(crate) id: String,
    pub(crate) job_id: String,
    pub(crate) product_key: String,
    pub(crate) device: String,
    pub(crate) src_version: String,
    pub(crate) state: TaskState,
    /// Percent, 0–100.
    pub(crate) progress: i64,
    pub(crate) desc: String,
    pub(crate) created: Millis,
    pub(crate) modified: Millis,
    /// When the device first reported progress (the timeout counts from then).
    pub(crate) first_progress: Option<Millis>,
    /// Automatic retries used.
    #[serde(default)]
    pub(crate) retries: i64,
    /// Where in its job's [`Job::tasks`] it is; set when added, not stored.
    #[serde(skip)]
    pub(crate) place: usize,
}

/// A change to one task.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct TaskChange {
    pub(crate) task_id: String,
    pub(crate) state: TaskState,
    pub(crate) progress: i64,
    pub(crate) desc: String,
    #[serde(default)]
    pub(crate) retries: i64,
}

/// The changeable settings of a job (UpdateOTAJob).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct JobSettings {
    pub(crate) maximum_per_minute: i64,
    pub(crate) tags: Option<Vec<(String, String)>>,
    pub(crate) timeout_minutes: Option<i64>,
    pub(crate) src_versions: Option<Vec<String>>,
}

/// A change to the state: what the journal records.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) enum Event {
    ModuleCreated {
        product_key: String,
        module: Module,
    },
    ModuleUpdated {
        product_key: String,
        name: String,
        alias: Option<String>,
        desc: Option<String>,
    },
    ModuleDeleted {
        product_key: String,
        name: String,
    },
    PackageCreated(Box<Package>),
    PackageModified {
        id: String,
        name: Option<String>,
        desc: Option<String>,
        udi: Option<String>,
    },
    PackageDeleted {
        id: String,
    },
    /// A job and its first tasks (a verification job also starts verifying its package).
    JobCreated {
        job: Box<Job>,
        tasks: Vec<Task>,
    },
    /// More tasks for a (dynamic) job.
    TasksAdded {
        job_id: String,
        tasks: Vec<Task>,
    },
    TasksChanged(Vec<TaskChange>),
    JobUpdated {
        job_id: String,
        settings: JobSettings,
    },
    JobStarted {
        job_id: String,
    },
    JobCanceled {
        job_id: String,
    },
}

impl World {
    /// Rebuilds what is derived and not stored (after loading a snapshot).
    pub(crate) fn reindex(&mut self) {
        self.iot_ids.clear();
        for product in self.products.values() {
            for device in product.devices.values() {
                self.iot_ids.insert(
                    device.iot_id.clone(),
                    (product.product_key.clone(), device.name.clone()),
                );
            }
        }
        for job in self.jobs.values() {
            for (place, id) in job.tasks.iter().enumerate() {
                if let Some(task) = self.tasks.get_mut(id) {
                    task.place = place;
                }
            }
        }
        self.tallies = self.count_tasks();
        self.device_places = self.place_devices();
    }

    /// The tally of every job that has tasks, counted task by task.
    fn count_tasks(&self) -> HashMap<String, Tally> {
        let mut tallies = HashMap::with_capacity(self.jobs.len());
        for job in self.jobs.values().filter(|job| !job.tasks.is_empty()) {
            let mut tally = Tally::default();
            for (place, id) in job.tasks.iter().enumerate() {
                if let Some(task) = self.tasks.get(id) {
                    tally.count(place, None, task.state);
                }
            }
            tallies.insert(job.id.clone(), tally);
        }
        tallies
    }

    /// The places of every job's tasks by device, task by task.
    fn place_devices(&self) -> HashMap<String, DevicePlaces> {
        let mut index = HashMap::with_capacity(self.jobs.len());
        for job in self.jobs.values() {
            let mut places = DevicePlaces::default();
            for (place, id) in job.tasks.iter().enumerate() {
                if let Some(task) = self.tasks.get(id) {
                    places.add(&task.device, place);
                }
            }
            index.insert(job.id.clone(), places);
        }
        index
    }

    /// `job`'s tasks of the devices named `names`, in creation order, found without looking
    /// at the job's other tasks.
    pub(crate) fn tasks_of_devices(&self, job: &Job, names: &[String]) -> Vec<&Task> {
        let Some(index) = self.device_places.get(&job.id) else {
            return Vec::new();
        };
        let mut places: Vec<usize> = names
            .iter()
            .flat_map(|name| index.candidates(name))
            .copied()
            .collect();
        places.sort_unstable();
        places.dedup();
        places
            .into_iter()
            .filter_map(|place| self.task(job.tasks.get(place)?))
            .filter(|task| names.contains(&task.device))
            .collect()
    }

    /// The tally of `job_id`'s tasks, if it has any.
    pub(crate) fn tally(&self, job_id: &str) -> Option<&Tally> {
        self.tallies.get(job_id)
    }

    /// Adds a seeded product (before any event).
    pub(crate) fn add_product(&mut self, product: Product) {
        for device in product.devices.values() {
            self.iot_ids.insert(
                device.iot_id.clone(),
                (product.product_key.clone(), device.name.clone()),
            );
        }
        self.products.insert(product.product_key.clone(), product);
    }

    /// The device named `name` of product `product_key`.
    pub(crate) fn device(&self, product_key: &str, name: &str) -> Option<&Device> {
        self.products
            .get(product_key)?
            .devices
            .get(name)
            .map(|d| &**d)
    }

    /// The task `id`.
    pub(crate) fn task(&self, id: &str) -> Option<&Task> {
        self.tasks.get(id).map(|t| &**t)
    }

    /// Applies one batch of events at time `now`. Events were checked when they were made,
    /// so a reference to something missing is skipped rather than refused (it cannot happen
    /// for events this state made).
    pub(crate) fn apply(&mut self, events: &[Event], now: Millis) {
        self.batches += 1;
        for event in events {
            self.apply_one(event, now);
        }
    }

    fn apply_one(&mut self, event: &Event, now: Millis) {
        match event {
            Event::ModuleCreated {
                product_key,
                module,
            } => {
                if let Some(product) = self.products.get_mut(product_key) {
                    product.modules.insert(module.name.clone(), module.clone());
                }
            }
            Event::ModuleUpdated {
                product_key,
                name,
                alias,
                desc,
            } => {
                if let Some(module) = self
                    .products
                    .get_mut(product_key)
                    .and_then(|p| p.modules.get_mut(name))
                {
                    if alias.is_some() {
                        module.alias.clone_from(alias);
                    }
                    if desc.is_some() {
                        module.desc.clone_from(desc);
                    }
                    module.modified = now;
                }
            }
            Event::ModuleDeleted { product_key, name } => {
                if let Some(product) = self.products.get_mut(product_key) {
                    product.modules.remove(name);
                }
            }
            Event::PackageCreated(package) => {
                self.packages
                    .insert(package.id.clone(), (**package).clone());
            }
            Event::PackageModified {
                id,
                name,
                desc,
                udi,
            } => {
                if let Some(package) = self.packages.get_mut(id) {
                    if let Some(name) = name {
                        package.name.clone_from(name);
                    }
                    if desc.is_some() {
                        package.desc.clone_from(desc);
                    }
                    if udi.is_some() {
                        package.udi.clone_from(udi);
                    }
                    package.modified = now;
                }
            }
            Event::PackageDeleted { id } => {
                self.packages.remove(id);
            }
            Event::JobCreated { job, tasks } => {
                let mut job = (**job).clone();
                job.tasks = Shared::new(Vec::with_capacity(tasks.len()));
                if job.kind == JobKind::Verify
                    && let Some(package) = self.packages.get_mut(&job.firmware_id)
                {
                    package.status = package_status::VERIFYING;
                    package.verify_progress = Some(0);
                    package.modified = now;
                }
                let job_id = job.id.clone();
                self.jobs.insert(job_id.clone(), job);
                for overwritten in self.add_tasks(&job_id, tasks) {
                    self.settle(&overwritten, now);
                }
                self.settle(&job_id, now);
            }
            Event::TasksAdded { job_id, tasks } => {
                for overwritten in self.add_tasks(job_id, tasks) {
                    self.settle(&overwritten, now);
                }
            }
            Event::TasksChanged(changes) => {
                let mut jobs: Vec<String> = Vec::new();
                for change in changes {
                    if let Some(job_id) = self.change_task(change, now)
                        && jobs.last() != Some(&job_id)
                    {
                        jobs.push(job_id);
                    }
                }
                jobs.sort_unstable();
                jobs.dedup();
                for job_id in jobs {
                    self.settle(&job_id, now);
                }
            }
            Event::JobUpdated { job_id, settings } => {
                if let Some(job) = self.jobs.get_mut(job_id) {
                    job.maximum_per_minute = settings.maximum_per_minute;
                    if let Some(tags) = &settings.tags {
                        job.tags.clone_from(tags);
                    }
                    if settings.timeout_minutes.is_some() {
                        job.timeout_minutes = settings.timeout_minutes;
                    }
                    if let Some(versions) = &settings.src_versions {
                        job.src_versions.clone_from(versions);
                    }
                    job.modified = now;
                }
            }
            Event::JobStarted { job_id } => {
                if let Some(job) = self.jobs.get_mut(job_id)
                    && job.state == JobState::Planned
                {
                    job.state = JobState::InProgress;
                    job.started = Some(now);
                    job.modified = now;
                }
            }
            Event::JobCanceled { job_id } => {
                if let Some(job) = self.jobs.get_mut(job_id)
                    && !job.state.is_final()
                {
                    job.state = JobState::Canceled;
                    job.ended = Some(now);
                    job.modified = now;
                }
            }
        }
    }

    /// Adds a job's tasks; returns the other jobs whose tasks they overwrote.
    fn add_tasks(&mut self, job_id: &str, tasks: &[Task]) -> Vec<String> {
        let mut overwritten = Vec::new();
        let Some(job) = self.jobs.get_mut(job_id) else {
            return overwritten;
        };
        let module = job.module.clone();
        let device_places = self.device_places.entry(job_id.to_owned()).or_default();
        for task in tasks {
            let place = job.tasks.len();
            job.tasks.push(task.id.clone());
            device_places.add(&task.device, place);
            if !task.state.is_final()
                && let Some(device) = self
                    .products
                    .get_mut(&task.product_key)
                    .and_then(|p| p.devices.get_mut(&task.device))
            {
                // A task that replaces another (OverwriteMode 2) cancels it.
                if let Some(previous) = device.open.insert(module.clone(), task.id.clone())
                    && let Some(old) = self.tasks.get_mut(&previous)
                    && !old.state.is_final()
                {
                    let from = old.state;
                    old.state = TaskState::Canceled;
                    old.desc = "overwritten by a newer job".to_owned();
                    old.modified = task.created;
                    overwritten.push(old.job_id.clone());
                    retally(
                        &mut self.tallies,
                        &old.job_id,
                        old.place,
                        Some(from),
                        old.state,
                    );
                }
            }
            retally(&mut self.tallies, job_id, place, None, task.state);
            let mut task = task.clone();
            task.place = place;
            self.tasks.insert(task.id.clone(), Shared::new(task));
        }
        overwritten.sort_unstable();
        overwritten.dedup();
        overwritten
    }

    /// Applies one task change; returns the task's job.
    fn change_task(&mut self, change: &TaskChange, now: Millis) -> Option<String> {
        let task = self.tasks.get_mut(&change.task_id)?;
        let job = self.jobs.get(&task.job_id)?;
        let was_open = !task.state.is_final();
        if task.first_progress.is_none()
            && matches!(change.state, TaskState::InProgress | TaskState::Succeeded)
        {
            task.first_progress = Some(now);
        }
        if matches!(change.state, TaskState::Confirm | TaskState::Queued) {
            // A task put back to the start (ReupgradeOTATask) times out afresh.
            task.first_progress = None;
        }
        retally(
            &mut self.tallies,
            &task.job_id,
            task.place,
            Some(task.state),
            change.state,
        );
        task.state = change.state;
        task.progress = change.progress;
        task.desc.clone_from(&change.desc);
        task.retries = change.retries;
        task.modified = now;
        let module = job.module.clone();
        let dest = job.dest_version.clone();
        let device = self
            .products
            .get_mut(&task.product_key)
            .and_then(|p| p.devices.get_mut(&task.device))?;
        if change.state.is_final() {
            if was_open && device.open.get(&module) == Some(&task.id) {
                device.open.remove(&module);
            }
            if change.state == TaskState::Succeeded {
                device.versions.insert(module.clone(), dest);
                device.changed.insert(module, now);
            }
        } else {
            device.open.insert(module, task.id.clone());
        }
        Some(task.job_id.clone())
    }

    /// Settles what follows from a job's tasks: a verification job's package status and
    /// progress, and the job's completion once every task is final (dynamic jobs stay open
    /// until their policy is canceled).
    fn settle(&mut self, job_id: &str, now: Millis) {
        let Some(job) = self.jobs.get(job_id) else {
            return;
        };
        let total = job.tasks.len();
        let (finished, succeeded) = self.tallies.get(job_id).map_or((0, 0), |tally| {
            (tally.finished(), tally.in_state(TaskState::Succeeded).len())
        });
        let all_final = finished == total;
        if job.kind == JobKind::Verify
            && let Some(package) = self.packages.get_mut(&job.firmware_id)
            && package.status == package_status::VERIFYING
            && total > 0
        {
            package.verify_progress = i64::try_from(finished * 100 / total).ok();
            if all_final {
                package.status = if succeeded == total {
                    package_status::VERIFIED
                } else {
                    package_status::FAILED
                };
            }
            package.modified = now;
        }
        let (state, kind) = (job.state, job.kind);
        let Some(job) = self.jobs.get_mut(job_id) else {
            return;
        };
        if all_final && state == JobState::InProgress && kind != JobKind::Dynamic {
            job.state = JobState::Completed;
            job.ended = Some(now);
            job.modified = now;
        } else if !all_final && state == JobState::Completed {
            // A re-run task (ReupgradeOTATask) reopens its job.
            job.state = JobState::InProgress;
            job.ended = None;
            job.modified = now;
        }
    }
}

/// IDs in the style of the service's (26 characters, a two-digit kind code near the end:
/// `…03****`-like for packages, `02` for jobs, `01` for tasks), from a seeded generator, so a
/// run with the same `--seed` makes the same IDs.
#[derive(Debug)]
pub(crate) struct Ids {
    state: u64,
}

/// What an ID names.
#[derive(Clone, Copy, Debug)]
pub(crate) enum IdKind {
    Task,
    Job,
    Package,
    Device,
}

impl Ids {
    /// A generator for `seed` and the number of change batches the state has seen: a
    /// restarted emulator starts from a point of the sequence unrelated to the first run's
    /// (a hash of both, not an offset of the same sequence), and [`Ids::fresh`] checks new IDs
    /// against the state anyway.
    pub(crate) fn new(seed: u64, batches: u64) -> Self {
        let mut mixer = Self { state: seed };
        let a = mixer.next_u64();
        mixer.state ^= batches;
        let b = mixer.next_u64();
        Self {
            state: a.rotate_left(32) ^ b,
        }
    }

    /// The next pseudo-random number (splitmix64: small, fast and good enough for test data).
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    pub(crate) fn between(&mut self, low: i64, high: i64) -> i64 {
        let span = u64::try_from(high - low + 1).unwrap_or(1).max(1);
        low + i64::try_from(self.next_u64() % span).unwrap_or(0)
    }

    /// A new ID of `kind` that `taken` does not hold.
    pub(crate) fn fresh(&mut self, kind: IdKind, taken: impl Fn(&str) -> bool) -> String {
        loop {
            let id = self.id(kind);
            if !taken(&id) {
                return id;
            }
        }
    }

    /// A new ID of `kind`.
    pub(crate) fn id(&mut self, kind: IdKind) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        let mut id = String::with_capacity(26);
        let mut bits = 0;
        for i in 0..24 {
            // Ten base-62 digits use 60 of a draw's 64 bits.
            if i % 10 == 0 {
                bits = self.next_u64();
            }
            id.push(char::from(ALPHABET[(bits % 62) as usize]));
            bits /= 62;
            if i == 19 {
                id.push_str(match kind {
                    IdKind::Task => "01",
                    IdKind::Job => "02",
                    IdKind::Package => "03",
                    IdKind::Device => "00",
                });
            }
        }
        id
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn ids_are_deterministic_and_shaped() {
        let a: Vec<String> = (0..3).map(|_| Ids::new(7, 0).id(IdKind::Job)).collect();
        assert_eq!(a[0], a[1]);
        let mut ids = Ids::new(7, 0);
        let first = ids.id(IdKind::Package);
        assert!(!first.ends_with("AAA"), "{first}");
        let second = ids.id(IdKind::Package);
        assert_ne!(first, second);
        assert_eq!(first.len(), 26);
        assert_eq!(&first[20..22], "03");
        assert_ne!(Ids::new(7, 1).id(IdKind::Job), a[0]);
        let again = Ids::new(7, 0).fresh(IdKind::Job, |id| id == a[0]);
        assert_ne!(again, a[0]);
    }

    #[test]
    fn a_restart_does_not_replay_the_ids_of_the_first_run() {
        // The first run made `n` IDs in `n` batches; the restart must not repeat any.
        for seed in [0, 1, 7, 42] {
            let mut first = Ids::new(seed, 0);
            let made: std::collections::HashSet<String> =
                (0..2000).map(|_| first.id(IdKind::Job)).collect();
            for batches in [1, 8, 64, 1000, 2000] {
                let mut restarted = Ids::new(seed, batches);
                for _ in 0..2000 {
                    assert!(
                        !made.contains(&restarted.id(IdKind::Job)),
                        "seed {seed}, batches {batches}"
                    );
                }
            }
        }
    }

    /// A job of `product_key`'s `default` module, as CreateOTAStaticUpgradeJob makes it.
    pub(crate) fn job(id: &str, product_key: &str, timeout_minutes: Option<i64>) -> Job {
        Job {
            id: id.to_owned(),
            firmware_id: "pkg".to_owned(),
            product_key: product_key.to_owned(),
            instance: None,
            kind: JobKind::Static,
            state: JobState::InProgress,
            target: "ALL".to_owned(),
            gray_percent: None,
            group_id: None,
            group_type: None,
            src_versions: Vec::new(),
            dest_version: "2.0".to_owned(),
            module: "default".to_owned(),
            tags: Vec::new(),
            timeout_minutes,
            retry_interval: None,
            retry_count: None,
            maximum_per_minute: 7,
            overwrite_mode: 2,
            dynamic_mode: None,
            multi_module_mode: false,
            need_push: true,
            need_confirm: false,
            download_protocol: "HTTPS".to_owned(),
            schedule_time: None,
            schedule_finish_time: None,
            created: 0,
            modified: 0,
            started: Some(0),
            ended: None,
            tasks: Shared::default(),
        }
    }

    /// Checks the indexes kept as tasks change against the same counted task by task.
    fn assert_indexed(world: &World) {
        assert_eq!(world.tallies, world.count_tasks());
        assert_eq!(world.device_places, world.place_devices());
        let names = |range: std::ops::Range<usize>| -> Vec<String> {
            range.map(|i| format!("d{i:02}")).collect()
        };
        let wanted = [
            names(0..1),
            names(12..18),
            names(0..30),
            vec!["d03".to_owned(); 2],
        ];
        for job in world.jobs.values() {
            for names in wanted.iter().chain([&vec!["nope".to_owned()]]) {
                let scanned: Vec<&str> = job
                    .tasks
                    .iter()
                    .filter_map(|id| world.tasks.get(id))
                    .filter(|t| names.contains(&t.device))
                    .map(|t| t.id.as_str())
                    .collect();
                let found = world.tasks_of_devices(job, names);
                let found: Vec<&str> = found.iter().map(|t| t.id.as_str()).collect();
                assert_eq!(found, scanned, "job {}, devices {names:?}", job.id);
            }
        }
    }

    /// Product `pk` with `count` devices `d00`, `d01`… at version 1.0 of the `default` module
    /// (every fifth failing its tasks, every seventh offline).
    fn product(count: usize) -> Product {
        let devices = (0..count)
            .map(|i| {
                let device = Device {
                    name: format!("d{i:02}"),
                    iot_id: format!("iot{i}"),
                    versions: BTreeMap::from([("default".to_owned(), "1.0".to_owned())]),
                    changed: BTreeMap::new(),
                    fails: i % 5 == 0,
                    online: i % 7 != 0,
                    open: BTreeMap::new(),
                };
                (device.name.clone(), Shared::new(device))
            })
            .collect();
        Product {
            product_key: "pk".to_owned(),
            product_name: "p".to_owned(),
            instance: None,
            modules: BTreeMap::new(),
            devices,
            created: 0,
        }
    }

    #[test]
    fn job_indexes_follow_every_task_change() {
        let mut world = World::default();
        world.add_product(product(30));
        let (mut ids, mut pushes) = (Ids::new(3, 0), sim::Pushes::default());
        let mut now = 0;
        // The second job overwrites the first's tasks of devices 0–14 half-way through.
        for (job_id, devices) in [("j1", 0..30), ("j2", 0..15)] {
            let job = job(job_id, "pk", Some(3));
            let tasks = devices
                .map(|i| sim::new_task(&world, &job, &format!("d{i:02}"), "1.0", now, &mut ids))
                .collect();
            let job = Box::new(job);
            world.apply(&[Event::JobCreated { job, tasks }], now);
            assert_indexed(&world);
            for _ in 0..4 {
                now += 30_000;
                let events = sim::step(&world, now, &mut ids, &mut pushes);
                world.apply(&events, now);
                assert_indexed(&world);
            }
        }
        // A dynamic job: its tasks come one step after the other (the failed devices').
        let mut dynamic = job("j3", "pk", Some(3));
        dynamic.kind = JobKind::Dynamic;
        dynamic.src_versions = vec!["1.0".to_owned()];
        let job = Box::new(dynamic);
        world.apply(
            &[Event::JobCreated {
                job,
                tasks: Vec::new(),
            }],
            now,
        );
        for _ in 0..20 {
            now += 30_000;
            let events = sim::step(&world, now, &mut ids, &mut pushes);
            world.apply(&events, now);
            assert_indexed(&world);
        }
        assert!(!world.jobs["j3"].tasks.is_empty());
        let done = world
            .jobs
            .values()
            .filter(|j| j.state == JobState::Completed);
        assert_eq!(done.count(), 2, "every task final (timeouts included)");
        let tally = &world.tallies["j1"];
        assert!(
            tally.finished() == 30 && !tally.in_state(TaskState::Succeeded).is_empty(),
            "{tally:?}"
        );
        // What a compaction copies is stored as the world is; rebuilt the same when read back.
        let stored = serde_json::to_value(world.stored()).unwrap();
        assert_eq!(stored, serde_json::to_value(&world).unwrap());
        let mut restored: World = serde_json::from_value(stored).unwrap();
        restored.reindex();
        assert_eq!(restored.tallies, world.tallies);
        assert_eq!(restored.device_places, world.device_places);
    }

    /// `cargo test -p aliyun-iot-emulator --release --lib -- --ignored --nocapture compaction_copy`
    #[test]
    #[ignore = "measures, asserts nothing"]
    fn compaction_copy_costs_less_than_serializing() {
        let mut world = World::default();
        world.add_product(product(100_000));
        let job = job("j", "pk", None);
        let mut ids = Ids::new(3, 0);
        let tasks = world.products["pk"].devices.keys();
        let tasks = tasks
            .map(|name| sim::new_task(&world, &job, name, "1.0", 0, &mut ids))
            .collect();
        let job = Box::new(job);
        world.apply(&[Event::JobCreated { job, tasks }], 0);
        for _ in 0..3 {
            let start = std::time::Instant::now();
            let bytes = serde_json::to_vec(&world).unwrap();
            let serialized = start.elapsed();
            let start = std::time::Instant::now();
            let copy = world.stored();
            let copied = start.elapsed();
            let start = std::time::Instant::now();
            drop(copy);
            println!(
                "100,000 devices, a job of 100,000 tasks ({} MB): serialized in {serialized:?}, \
                 copied in {copied:?}, copy dropped in {:?}",
                bytes.len() / 1_000_000,
                start.elapsed()
            );
        }
    }

    #[test]
    fn task_states_round_trip() {
        for state in TaskState::ALL {
            assert_eq!(TaskState::parse(state.as_str()), Some(state));
        }
        assert_eq!(TaskState::parse("TIMEOUT"), None);
    }
}
