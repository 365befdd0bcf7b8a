//! Each job's tasks by device, so that the tasks of a few named devices are found without
//! looking at each of a job's (maybe 100,000) tasks.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{DefaultHasher, Hash, Hasher};

/// The places in [`super::Job::tasks`] (creation order) of a job's tasks, by device.
///
/// Keyed by a hash of the device's name rather than a copy of it, which would about triple
/// the index's memory (~33 bytes a task): devices whose names share a hash share an entry,
/// so a place found here is a candidate, and its task's device must be compared with the
/// name.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct DevicePlaces {
    by_hash: HashMap<u64, Places>,
}

/// The places of one hash's tasks, in creation order: almost always one (a job has one task
/// per device, and hashes of different names rarely meet).
#[derive(Clone, Debug, PartialEq)]
enum Places {
    One(usize),
    Many(Box<[usize]>),
}

/// The hash of a device's name: the same in every run (nothing outside the process sees it).
fn hash(device: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    device.hash(&mut hasher);
    hasher.finish()
}

impl Places {
    fn as_slice(&self) -> &[usize] {
        match self {
            Self::One(place) => std::slice::from_ref(place),
            Self::Many(places) => places,
        }
    }
}

impl DevicePlaces {
    /// Adds the task at `place` (after every place already added) of `device`.
    pub(crate) fn add(&mut self, device: &str, place: usize) {
        match self.by_hash.entry(hash(device)) {
            Entry::Vacant(entry) => {
                entry.insert(Places::One(place));
            }
            Entry::Occupied(mut entry) => {
                let places = entry.get().as_slice().iter().copied().chain([place]);
                *entry.get_mut() = Places::Many(places.collect());
            }
        }
    }

    /// The places of `device`'s tasks, in creation order, and maybe of other devices' (whose
    /// names have the same hash).
    pub(crate) fn candidates(&self, device: &str) -> &[usize] {
        self.by_hash
            .get(&hash(device))
            .map_or(&[], Places::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_come_back_in_order_and_an_entry_stays_small() {
        let mut index = DevicePlaces::default();
        index.add("a", 0);
        index.add("b", 1);
        index.add("a", 2);
        index.add("a", 5);
        assert_eq!(index.candidates("a"), [0, 2, 5]);
        assert_eq!(index.candidates("b"), [1]);
        assert!(index.candidates("c").is_empty());
        // A key and its places: 24 bytes an entry on 64-bit targets (the table adds a byte).
        assert!(std::mem::size_of::<(u64, Places)>() <= 24);
    }
}
