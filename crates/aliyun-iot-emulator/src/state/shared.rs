//! Values that a compaction's copy of the state shares with the state instead of copying
//! them (see [`super::World::stored`]).

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value held by the state and by the copies compactions take of it: copying one is
/// counting a reference, and changing one copies it first only while a copy still holds it
/// (the snapshot's thread is serializing it). Stored and read back as the value itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub(crate) fn new(value: T) -> Self {
        Self(Arc::new(value))
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    /// The value, copied first if a compaction's copy still holds it.
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Self::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_leaves_the_copies_as_they_were() {
        let mut value = Shared::new(vec![1]);
        let copy = value.clone();
        value.push(2);
        assert_eq!((*copy).clone(), [1]);
        assert_eq!(*value, [1, 2]);
        assert_eq!(serde_json::to_string(&value).unwrap(), "[1,2]");
        let back: Shared<Vec<i32>> = serde_json::from_str("[1,2]").unwrap();
        assert_eq!(back, value);
    }
}
