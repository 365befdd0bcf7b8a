//! Where signing gets the time and nonces from: injectable, so that tests are deterministic.

use std::fmt;
use std::hash::{BuildHasher, RandomState};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use super::to_hex;

/// Where the signer gets the current time from; injectable so that tests are deterministic.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current time.
    fn now(&self) -> jiff::Timestamp;
}

/// The system's wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> jiff::Timestamp {
        jiff::Timestamp::now()
    }
}

/// A clock stopped at a given time, for tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedClock(pub jiff::Timestamp);

impl Clock for FixedClock {
    fn now(&self) -> jiff::Timestamp {
        self.0
    }
}

/// Where the signer gets nonces (`SignatureNonce`, `x-acs-signature-nonce`) from; injectable
/// so that tests are deterministic. Every call must return a new value: a retry must not
/// reuse a nonce, or the gateway answers `SignatureNonceUsed`.
pub trait NonceSource: Send + Sync + fmt::Debug {
    /// A fresh nonce.
    fn nonce(&self) -> String;
}

/// Random nonces as the official SDKs send them: 32 lowercase hex characters (128 bits).
///
/// Each is a process-wide counter hashed twice (SipHash, the standard library's
/// `RandomState`) under a key drawn from system randomness once per process: unique within
/// the process, unpredictable from outside it, and without the system call per nonce that
/// drawing 16 random bytes costs on every attempt.
#[derive(Debug, Clone, Copy, Default)]
pub struct RandomNonce;

impl NonceSource for RandomNonce {
    fn nonce(&self) -> String {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        static KEY: OnceLock<RandomState> = OnceLock::new();
        let count = COUNTER.fetch_add(1, Ordering::Relaxed);
        let key = KEY.get_or_init(RandomState::new);
        let [high, low] = [0u8, 1].map(|half| u128::from(key.hash_one((count, half))));
        to_hex(&(high << 64 | low).to_be_bytes())
    }
}

/// The same nonce every time, for tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixedNonce(pub String);

impl NonceSource for FixedNonce {
    fn nonce(&self) -> String {
        self.0.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_are_fresh_hex() {
        let a = RandomNonce.nonce();
        assert_eq!(a.len(), 32);
        assert!(
            a.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        let distinct: std::collections::HashSet<String> =
            (0..10_000).map(|_| RandomNonce.nonce()).collect();
        assert_eq!(distinct.len(), 10_000);
        assert_eq!(FixedNonce("n".into()).nonce(), "n");
    }
}
