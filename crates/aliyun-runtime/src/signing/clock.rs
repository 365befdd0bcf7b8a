//! Where signing gets the time and nonces from: injectable, so that tests are deterministic.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use sha1::{Digest, Sha1};

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

/// Random nonces as the official SDKs send them: 32 lowercase hex characters from 16 bytes of
/// system randomness. If the system cannot provide randomness, it falls back to a hash of the
/// time, the process ID and a counter, which is still unique; it never panics.
#[derive(Debug, Clone, Copy, Default)]
pub struct RandomNonce;

impl NonceSource for RandomNonce {
    fn nonce(&self) -> String {
        let mut bytes = [0u8; 16];
        match getrandom::fill(&mut bytes) {
            Ok(()) => to_hex(&bytes),
            Err(_) => fallback_nonce(),
        }
    }
}

/// A nonce that is unique within the process (and very likely across processes) without
/// system randomness: the first 16 bytes of SHA-1 over the time, the process ID and a counter.
fn fallback_nonce() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let now = jiff::Timestamp::now();
    let mut hasher = Sha1::new();
    hasher.update(now.as_second().to_le_bytes());
    hasher.update(now.subsec_nanosecond().to_le_bytes());
    hasher.update(std::process::id().to_le_bytes());
    hasher.update(count.to_le_bytes());
    let digest = hasher.finalize();
    to_hex(digest.get(..16).unwrap_or(digest.as_slice()))
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
        assert_ne!(a, RandomNonce.nonce());
        assert_ne!(fallback_nonce(), fallback_nonce());
        assert_eq!(FixedNonce("n".into()).nonce(), "n");
    }
}
