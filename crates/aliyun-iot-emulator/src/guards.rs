//! The gateway's bookkeeping: nonce replay detection, per-key throttling and the fault plan.

use std::cmp::Reverse;
use std::collections::hash_map::RandomState;
use std::collections::{BinaryHeap, HashMap, HashSet, VecDeque};
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::config::{FaultKind, Faults};

/// What [`NonceStore::check_and_remember`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NonceCheck {
    /// Never seen in the window: now remembered.
    Fresh,
    /// Seen before, and its window is still open.
    Used,
    /// The store is full of unexpired nonces: the request cannot be checked.
    Full,
}

/// The nonces seen, each until its request's timestamp leaves the acceptance window, at most
/// `capacity` of them.
///
/// Nonces are remembered as 64-bit keyed hashes of (AccessKeyId, nonce), so a hostile
/// megabyte-long nonce costs no more memory than a short one; two different nonces would
/// collide with a probability around 10^-10 when the store is full.
#[derive(Debug)]
pub(crate) struct NonceStore {
    capacity: usize,
    hasher: RandomState,
    seen: HashSet<u64>,
    /// (expiry in seconds since the epoch, hash), the earliest on top. A heap, not an ordered
    /// set: expiries mostly come in increasing order, so that a push costs a comparison or two
    /// (a B-tree insertion was 2% of a verified request's server time).
    by_expiry: BinaryHeap<Reverse<(i64, u64)>>,
}

impl NonceStore {
    /// An empty store holding at most `capacity` nonces.
    pub(crate) fn new(capacity: usize) -> Self {
        Self {
            capacity,
            hasher: RandomState::new(),
            seen: HashSet::new(),
            by_expiry: BinaryHeap::new(),
        }
    }

    /// Forgets the nonces whose window closed at or before `now` (seconds since the epoch).
    fn prune(&mut self, now: i64) {
        while let Some(&Reverse((expiry, hash))) = self.by_expiry.peek() {
            if expiry > now {
                break;
            }
            self.by_expiry.pop();
            self.seen.remove(&hash);
        }
    }

    /// Checks a nonce of `key_id` and remembers it until `expiry` (both times in seconds
    /// since the epoch).
    pub(crate) fn check_and_remember(
        &mut self,
        key_id: &str,
        nonce: &str,
        now: i64,
        expiry: i64,
    ) -> NonceCheck {
        self.prune(now);
        let hash = self.hasher.hash_one((key_id, nonce));
        if self.seen.len() >= self.capacity {
            return if self.seen.contains(&hash) {
                NonceCheck::Used
            } else {
                NonceCheck::Full
            };
        }
        // One lookup: the insertion says whether it was there.
        if !self.seen.insert(hash) {
            return NonceCheck::Used;
        }
        self.by_expiry.push(Reverse((expiry, hash)));
        NonceCheck::Fresh
    }
}

/// Calls per AccessKeyId in a sliding one-second window.
#[derive(Debug, Default)]
pub(crate) struct Throttle {
    /// By AccessKeyId, then operation.
    calls: HashMap<String, HashMap<&'static str, VecDeque<Instant>>>,
}

impl Throttle {
    /// Counts a call of `action` by `key_id` at `now`, or refuses it (`false`) when `qps`
    /// such calls were already counted in the second before (quotas are per account and
    /// operation). A `qps` of 0 allows everything. Only accepted calls are counted, so memory
    /// stays at `qps` entries per configured key and operation.
    pub(crate) fn admit(
        &mut self,
        key_id: &str,
        action: &'static str,
        qps: u32,
        now: Instant,
    ) -> bool {
        if qps == 0 {
            return true;
        }
        let window = Duration::from_secs(1);
        // Looked up by reference: no allocation per call once the key has been seen.
        if !self.calls.contains_key(key_id) {
            self.calls.insert(key_id.to_owned(), HashMap::new());
        }
        let Some(by_action) = self.calls.get_mut(key_id) else {
            return true;
        };
        let calls = by_action.entry(action).or_default();
        while calls
            .front()
            .is_some_and(|&t| now.saturating_duration_since(t) >= window)
        {
            calls.pop_front();
        }
        if calls.len() >= qps as usize {
            return false;
        }
        calls.push_back(now);
        true
    }
}

/// Which requests get a fault (see [`Faults`]).
#[derive(Debug)]
pub(crate) struct FaultPlan {
    /// The rate in parts per million.
    ppm: u64,
    kinds: Vec<FaultKind>,
    requests: AtomicU64,
    faulted: AtomicU64,
}

const MILLION: u128 = 1_000_000;

impl FaultPlan {
    /// The plan for `faults` (none: never).
    pub(crate) fn new(faults: Option<&Faults>) -> Self {
        let (ppm, kinds) = match faults {
            Some(f) if f.rate.is_finite() && f.rate > 0.0 && !f.kinds.is_empty() => {
                // In [1, 1_000_000] after clamping, so the cast is exact.
                let ppm = (f.rate.min(1.0) * 1_000_000.0).round().max(1.0) as u64;
                (ppm, f.kinds.clone())
            }
            _ => (0, Vec::new()),
        };
        Self {
            ppm,
            kinds,
            requests: AtomicU64::new(0),
            faulted: AtomicU64::new(0),
        }
    }

    /// Counts one request and says which fault it gets, if any.
    pub(crate) fn next(&self) -> Option<FaultKind> {
        if self.ppm == 0 {
            return None;
        }
        let n = u128::from(self.requests.fetch_add(1, Ordering::Relaxed)) + 1;
        let ppm = u128::from(self.ppm);
        let ceil = |k: u128| (k * ppm).div_ceil(MILLION);
        if ceil(n) <= ceil(n - 1) {
            return None;
        }
        let turn = self.faulted.fetch_add(1, Ordering::Relaxed);
        let index = usize::try_from(turn % self.kinds.len() as u64).unwrap_or(0);
        self.kinds.get(index).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_are_remembered_until_their_window_closes() {
        let mut store = NonceStore::new(10);
        assert_eq!(
            store.check_and_remember("k", "n1", 100, 200),
            NonceCheck::Fresh
        );
        assert_eq!(
            store.check_and_remember("k", "n1", 150, 250),
            NonceCheck::Used
        );
        // Another key's nonce is another nonce.
        assert_eq!(
            store.check_and_remember("j", "n1", 150, 250),
            NonceCheck::Fresh
        );
        // After expiry the nonce is forgotten (its request would be expired anyway).
        assert_eq!(
            store.check_and_remember("k", "n1", 200, 300),
            NonceCheck::Fresh
        );
    }

    #[test]
    fn a_full_store_refuses_instead_of_growing() {
        let mut store = NonceStore::new(2);
        assert_eq!(store.check_and_remember("k", "a", 0, 10), NonceCheck::Fresh);
        assert_eq!(store.check_and_remember("k", "b", 0, 20), NonceCheck::Fresh);
        assert_eq!(store.check_and_remember("k", "c", 5, 20), NonceCheck::Full);
        assert_eq!(store.check_and_remember("k", "a", 5, 20), NonceCheck::Used);
        // Once the first expires there is room again.
        assert_eq!(
            store.check_and_remember("k", "c", 10, 20),
            NonceCheck::Fresh
        );
        assert_eq!(store.seen.len(), 2);
        assert_eq!(store.by_expiry.len(), 2);
    }

    #[test]
    fn throttle_is_a_sliding_second_per_key() {
        let mut t = Throttle::default();
        let t0 = Instant::now();
        let ms = Duration::from_millis;
        assert!(t.admit("k", "Op", 2, t0));
        assert!(t.admit("k", "Op", 2, t0 + ms(10)));
        assert!(!t.admit("k", "Op", 2, t0 + ms(20)));
        assert!(t.admit("other", "Op", 2, t0 + ms(20)));
        assert!(!t.admit("k", "Op", 2, t0 + ms(999)));
        assert!(t.admit("k", "Op", 2, t0 + ms(1000)));
        assert!(!t.admit("k", "Op", 2, t0 + ms(1005)));
        assert!(t.admit("k", "Op", 2, t0 + ms(1010)));
        assert!((0..1000).all(|_| t.admit("k", "Op", 0, t0)));
    }

    fn pattern(rate: f64, n: usize) -> String {
        let plan = FaultPlan::new(Some(&Faults::new(rate, FaultKind::Drop)));
        (0..n)
            .map(|_| if plan.next().is_some() { 'X' } else { '.' })
            .collect()
    }

    #[test]
    fn faults_hit_a_deterministic_share() {
        assert_eq!(pattern(0.5, 6), "X.X.X.");
        assert_eq!(pattern(1.0 / 3.0, 7), "X..X..X");
        assert_eq!(pattern(1.0, 3), "XXX");
        assert_eq!(pattern(0.0, 3), "...");
        assert_eq!(pattern(f64::NAN, 3), "...");
        assert_eq!(pattern(7.0, 3), "XXX");
        assert_eq!(pattern(0.25, 8), "X...X...");
        assert_eq!(FaultPlan::new(None).next(), None);
    }

    #[test]
    fn fault_kinds_are_taken_in_turn() {
        let plan = FaultPlan::new(Some(&Faults::with_kinds(
            1.0,
            vec![FaultKind::ServerError(503), FaultKind::Drop],
        )));
        let got: Vec<_> = (0..4).map(|_| plan.next()).collect();
        assert_eq!(
            got,
            [
                Some(FaultKind::ServerError(503)),
                Some(FaultKind::Drop),
                Some(FaultKind::ServerError(503)),
                Some(FaultKind::Drop)
            ]
        );
    }
}
