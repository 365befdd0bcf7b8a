//! Client-side pacing of API calls.
//!
//! Alibaba Cloud throttles each account (Alibaba IoT: 20 calls per second per AccessKey). A
//! burst of concurrent calls would be rejected by the server; a [`RateLimiter`] smooths the
//! burst out on the client instead, by handing out evenly spaced time slots in FIFO order.
//! [`shared`] gives every client in the process the same limiter for the same account, so the
//! quota is respected however many clients are built. With the `redis` feature, `redis`
//! shares the quota across processes and machines too ([`Pacing::Shared`]).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Duration;

use tokio::time::Instant;

use crate::config::Pacing;
use crate::error::Error;
use crate::operation::OperationInfo;

#[cfg(feature = "redis")]
pub mod redis;

/// How much wider than `1 s / rate` slots are spaced. Calls leave on time but reach the server
/// with jitter; without a margin, call k + rate can land within the same server-side second as
/// call k and be throttled (measured: 4 of 100 calls on loopback).
pub const MARGIN_PERCENT: u64 = 5;

/// A GCRA-style rate limiter that never lets more than `per_second` calls start in any
/// one-second window.
///
/// Slots are spaced `1 s / per_second` apart plus a [`MARGIN_PERCENT`] margin (a burst of
/// one, then one slot every interval); no credit accumulates while idle, so after a quiet period the first call goes
/// at once and the rest are spaced again. Hence any half-open window `[t, t + 1 s)` contains
/// at most `per_second` slots, whichever `t` is chosen, which is what a server counting
/// calls per second needs.
///
/// [`RateLimiter::acquire`] reserves the next free slot under a short, synchronous lock and
/// then sleeps outside it, so waiters are served in the order they first called `acquire`.
/// It uses [`tokio::time`], so paused test time (`#[tokio::test(start_paused = true)]`)
/// drives it deterministically.
///
/// A limiter built with `per_second == 0` is disabled: `acquire` returns at once.
#[derive(Debug)]
pub struct RateLimiter {
    per_second: u32,
    /// Spacing between two slots; `None` when the limiter is disabled.
    interval: Option<Duration>,
    /// The earliest instant the next slot may start at (`None` until the first call).
    next_free: Mutex<Option<Instant>>,
}

impl RateLimiter {
    /// A limiter allowing at most `per_second` calls to start in any one-second window.
    ///
    /// `per_second == 0` means "no limit": the limiter is disabled and never waits.
    pub fn new(per_second: u32) -> Self {
        Self {
            per_second,
            interval: interval(per_second),
            next_free: Mutex::new(None),
        }
    }

    /// The rate this limiter was built with (0 when disabled).
    pub fn per_second(&self) -> u32 {
        self.per_second
    }

    /// Whether the limiter actually paces calls (`false` when built with `per_second == 0`).
    pub fn is_enabled(&self) -> bool {
        self.interval.is_some()
    }

    /// Waits until the caller may start one call.
    ///
    /// The slot is reserved when the returned future is first polled, so concurrent callers
    /// are served first come, first served. Dropping the future while it waits forfeits its
    /// slot (the limiter stays conservative: later slots are not moved earlier).
    pub async fn acquire(&self) {
        let Some(slot) = self.reserve() else {
            return;
        };
        let wait = slot.saturating_duration_since(Instant::now());
        if !wait.is_zero() {
            tracing::trace!(
                wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                per_second = self.per_second,
                "pacing: waiting for a call slot"
            );
            tokio::time::sleep_until(slot).await;
        }
    }

    /// Reserves the next free slot and returns its start, or `None` when disabled.
    fn reserve(&self) -> Option<Instant> {
        let interval = self.interval?;
        // Never hold this lock across an await: it only guards the reservation itself.
        let mut next_free = self
            .next_free
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        let slot = match *next_free {
            Some(free) if free > now => free,
            _ => now,
        };
        // Saturate instead of panicking on (practically impossible) overflow.
        *next_free = Some(slot.checked_add(interval).unwrap_or(slot));
        Some(slot)
    }
}

/// The spacing of slots at `per_second` calls per second, margin included (`None` for 0: no
/// pacing). Rounded up, so that `per_second` intervals never add up to less than one second.
fn interval(per_second: u32) -> Option<Duration> {
    (per_second > 0).then(|| {
        let nanos =
            (1_000_000_000u64 * (100 + MARGIN_PERCENT) / 100).div_ceil(u64::from(per_second));
        Duration::from_nanos(nanos)
    })
}

/// A client's pacing, set up once from its [`Pacing`] when the client is built.
#[derive(Debug)]
pub(crate) enum Pacer {
    /// The process-wide limiter of the account and operation ([`shared`]) at this rate
    /// (`None`: the operation's quota; 0: no pacing).
    Process(Option<u32>),
    /// Through Redis, at the operation's quota (boxed: it is much the larger).
    #[cfg(feature = "redis")]
    Redis(Box<redis::RedisLimiter>),
}

impl Pacer {
    /// The pacer for `pacing`; an error for [`Pacing::Shared`] without the `redis` feature.
    pub(crate) fn new(pacing: &Pacing) -> Result<Self, Error> {
        Ok(match pacing {
            Pacing::Quota => Pacer::Process(None),
            Pacing::PerSecond(n) => Pacer::Process(Some(*n)),
            Pacing::Off => Pacer::Process(Some(0)),
            #[cfg(feature = "redis")]
            Pacing::Shared(shared) => Pacer::Redis(Box::new(redis::RedisLimiter::new(shared)?)),
            #[cfg(not(feature = "redis"))]
            Pacing::Shared(shared) => {
                return Err(Error::Config(format!(
                    "pacing shared through {} needs aliyun-runtime's `redis` feature",
                    shared.redacted_url()
                )));
            }
        })
    }

    /// Waits until `access_key_id` may start one attempt of the operation `info`.
    pub(crate) async fn acquire(
        &self,
        access_key_id: &str,
        info: &OperationInfo,
    ) -> Result<(), Error> {
        match self {
            // Off: not even a look-up in the registry.
            Pacer::Process(Some(0)) => Ok(()),
            Pacer::Process(rate) => {
                let rate = rate.unwrap_or(info.quota_per_second);
                shared(access_key_id, info.action, rate).acquire().await;
                Ok(())
            }
            #[cfg(feature = "redis")]
            Pacer::Redis(limiter) => limiter.acquire(access_key_id, info).await,
        }
    }
}

/// The limiters by account (AccessKey ID), then by operation (each has its own quota) and
/// rate: nested so that a call finds its limiter without allocating a key.
type Registry = HashMap<String, HashMap<(&'static str, u32), Arc<RateLimiter>>>;

fn registry() -> &'static Mutex<Registry> {
    static REGISTRY: OnceLock<Mutex<Registry>> = OnceLock::new();
    REGISTRY.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The process-wide limiter for the operation `action` of the account `access_key_id` at
/// `per_second` calls per second.
///
/// Every call with the same `(access_key_id, action, per_second)` returns the same [`RateLimiter`],
/// so all clients of one account in the process, and successive calls of one client, share
/// one quota. Limiters live as long as the process: one small entry per account and rate
/// used, which keeps the slots handed out remembered between calls. (The AccessKey ID is
/// not a secret; the AccessKey secret is never involved.)
pub fn shared(access_key_id: &str, action: &'static str, per_second: u32) -> Arc<RateLimiter> {
    let mut map = registry().lock().unwrap_or_else(PoisonError::into_inner);
    if !map.contains_key(access_key_id) {
        map.insert(access_key_id.to_owned(), HashMap::new());
    }
    let by_operation = map.get_mut(access_key_id);
    let limiter = by_operation.map(|limiters| {
        Arc::clone(
            limiters
                .entry((action, per_second))
                .or_insert_with(|| Arc::new(RateLimiter::new(per_second))),
        )
    });
    // Just inserted when missing, so always found.
    limiter.unwrap_or_else(|| Arc::new(RateLimiter::new(per_second)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry_has(access_key_id: &str, per_second: u32) -> bool {
        registry()
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(access_key_id)
            .is_some_and(|limiters| limiters.contains_key(&("Op", per_second)))
    }

    /// Asserts that no half-open window `[t, t + 1 s)` holds more than `limit` instants.
    fn assert_window_bound(times: &mut [Instant], limit: usize) {
        times.sort();
        for (i, &start) in times.iter().enumerate() {
            let in_window = times[i..]
                .iter()
                .take_while(|&&t| t < start + Duration::from_secs(1))
                .count();
            assert!(
                in_window <= limit,
                "{in_window} acquisitions within 1 s starting at #{i}"
            );
        }
    }

    #[tokio::test(start_paused = true)]
    async fn hundred_concurrent_callers_are_spread_over_five_seconds() {
        let limiter = Arc::new(RateLimiter::new(20));
        let times = Arc::new(Mutex::new(Vec::new()));
        let start = Instant::now();
        let tasks: Vec<_> = (0..100)
            .map(|_| {
                let limiter = Arc::clone(&limiter);
                let times = Arc::clone(&times);
                tokio::spawn(async move {
                    limiter.acquire().await;
                    times.lock().unwrap().push(Instant::now());
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap();
        }
        let elapsed = start.elapsed();
        assert!(
            elapsed >= Duration::from_millis(5150) && elapsed <= Duration::from_millis(5250),
            "took {elapsed:?}"
        );
        let mut times = times.lock().unwrap().clone();
        assert_eq!(times.len(), 100);
        assert_window_bound(&mut times, 20);
        // Spacing, not bunching: consecutive acquisitions are one interval apart.
        for pair in times.windows(2) {
            assert_near(pair[1] - pair[0], Duration::from_micros(52_500));
        }
    }

    #[tokio::test(start_paused = true)]
    async fn callers_are_served_in_fifo_order() {
        let limiter = Arc::new(RateLimiter::new(10));
        let order = Arc::new(Mutex::new(Vec::new()));
        let tasks: Vec<_> = (0..30)
            .map(|i| {
                let limiter = Arc::clone(&limiter);
                let order = Arc::clone(&order);
                tokio::spawn(async move {
                    limiter.acquire().await;
                    order.lock().unwrap().push(i);
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap();
        }
        let order = order.lock().unwrap().clone();
        assert_eq!(order, (0..30).collect::<Vec<_>>());
    }

    #[tokio::test(start_paused = true)]
    async fn first_call_is_immediate_and_idle_time_builds_no_burst() {
        let limiter = RateLimiter::new(4);
        let start = Instant::now();
        limiter.acquire().await;
        assert_eq!(start.elapsed(), Duration::ZERO);
        limiter.acquire().await;
        assert_near(start.elapsed(), Duration::from_micros(262_500));

        tokio::time::sleep(Duration::from_secs(10)).await;
        let after_idle = Instant::now();
        let mut times = Vec::new();
        for _ in 0..9 {
            limiter.acquire().await;
            times.push(Instant::now());
        }
        assert_eq!(times[0], after_idle);
        assert_near(times[8] - times[0], Duration::from_millis(2100));
        assert_window_bound(&mut times, 4);
    }

    #[tokio::test(start_paused = true)]
    async fn odd_rates_never_exceed_the_quota() {
        let limiter = Arc::new(RateLimiter::new(3));
        let mut times = Vec::new();
        for _ in 0..20 {
            limiter.acquire().await;
            times.push(Instant::now());
        }
        assert_window_bound(&mut times, 3);
    }

    #[tokio::test(start_paused = true)]
    async fn zero_rate_is_disabled_and_never_waits() {
        let limiter = RateLimiter::new(0);
        assert!(!limiter.is_enabled());
        assert_eq!(limiter.per_second(), 0);
        let start = Instant::now();
        for _ in 0..1000 {
            limiter.acquire().await;
        }
        assert_eq!(start.elapsed(), Duration::ZERO);
    }

    #[tokio::test(start_paused = true)]
    async fn dropped_waiter_forfeits_its_slot_without_breaking_the_limiter() {
        let limiter = RateLimiter::new(2);
        limiter.acquire().await;
        let start = Instant::now();
        // Times out before its slot (at 525 ms) comes up.
        let timed_out = tokio::time::timeout(Duration::from_millis(100), limiter.acquire()).await;
        assert!(timed_out.is_err());
        limiter.acquire().await;
        assert_near(start.elapsed(), Duration::from_millis(1050));
    }

    /// Tokio's timer wakes on whole milliseconds: allow that much either way.
    fn assert_near(actual: Duration, expected: Duration) {
        let diff = actual.abs_diff(expected);
        assert!(
            diff <= Duration::from_millis(1),
            "{actual:?} is not {expected:?}"
        );
    }

    #[test]
    fn shared_pacing_needs_the_redis_feature() {
        let pacer = Pacer::new(&Pacing::shared("redis://:hunter2@127.0.0.1:6379").unwrap());
        #[cfg(feature = "redis")]
        assert!(matches!(pacer, Ok(Pacer::Redis(_))));
        #[cfg(not(feature = "redis"))]
        {
            let message = pacer.unwrap_err().to_string();
            assert!(message.contains("`redis` feature"), "{message}");
            assert!(!message.contains("hunter2"), "{message}");
        }
    }

    #[test]
    fn shared_returns_one_limiter_per_account_operation_and_rate() {
        let a1 = shared("pacing-test-key-a", "Op", 20);
        let a2 = shared("pacing-test-key-a", "Op", 20);
        let b = shared("pacing-test-key-b", "Op", 20);
        let a_other_rate = shared("pacing-test-key-a", "Op", 10);
        let a_other_op = shared("pacing-test-key-a", "OtherOp", 20);
        assert!(Arc::ptr_eq(&a1, &a2));
        assert!(!Arc::ptr_eq(&a1, &b));
        assert!(!Arc::ptr_eq(&a1, &a_other_rate));
        assert!(!Arc::ptr_eq(&a1, &a_other_op));
        assert_eq!(a1.per_second(), 20);
        assert_eq!(a_other_rate.per_second(), 10);
    }

    #[test]
    fn shared_limiters_outlive_their_clients() {
        let limiter = shared("pacing-test-key-dropped", "Op", 5);
        drop(limiter);
        // A later call of the same account must see the slots handed out before.
        assert!(registry_has("pacing-test-key-dropped", 5));
    }
}
