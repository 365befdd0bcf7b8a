//! The emulated service's clock: the system's, or one a test moves by hand.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use aliyun_runtime::jiff::Timestamp;

use crate::state::Millis;

/// Where the OTA state's time comes from (signature checks always use the system clock).
#[derive(Clone, Debug)]
pub(crate) enum Clock {
    /// The system clock; the devices step on a timer.
    System,
    /// A clock that moves only when told to ([`crate::RunningEmulator::advance`]).
    Manual(Arc<AtomicI64>),
}

impl Clock {
    /// A manual clock starting at the system's time.
    pub(crate) fn manual() -> Self {
        Self::Manual(Arc::new(AtomicI64::new(Timestamp::now().as_millisecond())))
    }

    /// The time now, in milliseconds since the epoch.
    pub(crate) fn now_millis(&self) -> Millis {
        match self {
            Self::System => Timestamp::now().as_millisecond(),
            Self::Manual(at) => at.load(Ordering::SeqCst),
        }
    }

    /// The time now.
    pub(crate) fn now(&self) -> Timestamp {
        Timestamp::from_millisecond(self.now_millis()).unwrap_or_else(|_| Timestamp::now())
    }

    /// Moves a manual clock on by `by` (a system clock moves by itself).
    pub(crate) fn advance(&self, by: Duration) {
        if let Self::Manual(at) = self {
            let millis = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
            at.fetch_add(millis, Ordering::SeqCst);
        }
    }
}
