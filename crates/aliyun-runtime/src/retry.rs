//! Retry policy: how many attempts to make and how long to wait between them.
//!
//! This module only holds the policy data and the backoff arithmetic; the request loop that
//! decides *whether* an error is retryable lives with the transport.

use std::time::Duration;

/// Upper bound on how long a server's `x-acs-retry-after` hint can make one wait last,
/// unless the configured [`RetryConfig::max_backoff`] is larger still.
///
/// A garbage or hostile hint (say, a day) must not hang a call; a hint this long means the
/// caller is better served by the error than by waiting.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// How a client retries failed calls: attempt count and exponential backoff bounds.
///
/// The wait before retry `n` (1-based) is `initial_backoff * 2^(n-1)`, capped at
/// `max_backoff`, with "equal jitter" (a random point in the upper half of that value); see
/// [`RetryConfig::backoff`].
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryConfig {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
}

impl Default for RetryConfig {
    /// Three attempts in total, backoff starting at 100 ms and capped at 20 s.
    fn default() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(20),
        }
    }
}

impl RetryConfig {
    /// A policy that never retries: exactly one attempt.
    pub fn disabled() -> Self {
        Self::default().with_max_attempts(1)
    }

    /// Sets the total number of attempts, the first one included. `0` is treated as `1`:
    /// a call is always attempted once.
    #[must_use]
    pub fn with_max_attempts(mut self, max_attempts: u32) -> Self {
        self.max_attempts = max_attempts.max(1);
        self
    }

    /// Sets the wait before the first retry (the base of the exponential backoff).
    #[must_use]
    pub fn with_initial_backoff(mut self, initial_backoff: Duration) -> Self {
        self.initial_backoff = initial_backoff;
        self
    }

    /// Sets the longest wait between two attempts computed from the exponential backoff.
    #[must_use]
    pub fn with_max_backoff(mut self, max_backoff: Duration) -> Self {
        self.max_backoff = max_backoff;
        self
    }

    /// Total number of attempts, the first one included (always at least 1).
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The wait before the first retry, before jitter.
    pub fn initial_backoff(&self) -> Duration {
        self.initial_backoff
    }

    /// The cap on the exponential backoff.
    pub fn max_backoff(&self) -> Duration {
        self.max_backoff
    }

    /// How long to wait before retry number `retry_number` (1 for the first retry; 0 is
    /// treated as 1).
    ///
    /// The exponential value `e = min(initial_backoff * 2^(retry_number - 1), max_backoff)`
    /// (saturating, so any `retry_number` is safe) is jittered with "equal jitter": the result
    /// lies in `[e / 2, e]`, uniformly. Randomness comes from the OS; should it be
    /// unavailable, `e` itself is used (no jitter) rather than failing.
    ///
    /// If the server sent a retry hint (`retry_after`, see [`parse_retry_after`]), the wait
    /// is at least that hint, so the retry does not land inside the throttled period. The
    /// hint is however capped at `max(max_backoff, MAX_RETRY_AFTER)` (see
    /// [`MAX_RETRY_AFTER`]), so the result never exceeds that bound.
    pub fn backoff(&self, retry_number: u32, retry_after: Option<Duration>) -> Duration {
        let exponent = retry_number.max(1) - 1;
        let exponential = match 2u32.checked_pow(exponent) {
            Some(factor) => self.initial_backoff.saturating_mul(factor),
            None => self.max_backoff,
        }
        .min(self.max_backoff);
        let jittered = equal_jitter(exponential);
        match retry_after {
            Some(hint) => {
                let ceiling = self.max_backoff.max(MAX_RETRY_AFTER);
                jittered.max(hint.min(ceiling))
            }
            None => jittered,
        }
    }
}

/// A uniformly random duration in `[value / 2, value]`; `value` itself if the OS has no
/// randomness to give.
fn equal_jitter(value: Duration) -> Duration {
    let Ok(random) = getrandom::u64() else {
        return value;
    };
    let half = value / 2;
    let floor = value.saturating_sub(half);
    // Scale `random / 2^64` onto `[0, half]`; ranges beyond u64 nanoseconds (584 years)
    // are clamped, which only matters for absurd configurations.
    let range = u64::try_from(half.as_nanos()).unwrap_or(u64::MAX);
    let offset = (u128::from(range) * u128::from(random)) >> 64;
    let offset = u64::try_from(offset).unwrap_or(range);
    floor.saturating_add(Duration::from_nanos(offset))
}

/// Parses an `x-acs-retry-after` header value into a duration.
///
/// Accepts a whole number of seconds (`"3"`) and, to be lenient, a whole number of
/// milliseconds with an `ms` suffix (`"1500ms"`, case-insensitive, optional space before the
/// suffix). Surrounding whitespace is ignored. Anything else (empty, signs, fractions,
/// dates, numbers too large for `u64`) gives `None`.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    let (digits, millis) = match value.len().checked_sub(2) {
        Some(split)
            if value.is_char_boundary(split) && value[split..].eq_ignore_ascii_case("ms") =>
        {
            (value[..split].trim_end(), true)
        }
        _ => (value, false),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: u64 = digits.parse().ok()?;
    Some(if millis {
        Duration::from_millis(number)
    } else {
        Duration::from_secs(number)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    #[test]
    fn defaults_and_builders() {
        let config = RetryConfig::default();
        assert_eq!(config.max_attempts(), 3);
        assert_eq!(config.initial_backoff(), 100 * MS);
        assert_eq!(config.max_backoff(), Duration::from_secs(20));

        assert_eq!(RetryConfig::disabled().max_attempts(), 1);

        let custom = RetryConfig::default()
            .with_max_attempts(5)
            .with_initial_backoff(10 * MS)
            .with_max_backoff(Duration::from_secs(1));
        assert_eq!(custom.max_attempts(), 5);
        assert_eq!(custom.initial_backoff(), 10 * MS);
        assert_eq!(custom.max_backoff(), Duration::from_secs(1));
        assert_eq!(custom.clone(), custom);
        assert_ne!(custom, RetryConfig::default());

        assert_eq!(
            RetryConfig::default().with_max_attempts(0).max_attempts(),
            1
        );
    }

    #[test]
    fn backoff_doubles_within_equal_jitter_bounds() {
        let config = RetryConfig::default();
        for (n, expected) in [
            (1, 100),
            (2, 200),
            (3, 400),
            (4, 800),
            (5, 1600),
            (8, 12_800),
        ] {
            let expected = expected * MS;
            for _ in 0..200 {
                let wait = config.backoff(n, None);
                assert!(
                    wait >= expected / 2 && wait <= expected,
                    "retry {n}: {wait:?} not in [{:?}, {expected:?}]",
                    expected / 2
                );
            }
        }
        // Retry number 0 is treated as the first retry.
        let wait = config.backoff(0, None);
        assert!(wait >= 50 * MS && wait <= 100 * MS, "{wait:?}");
    }

    #[test]
    fn backoff_is_actually_jittered() {
        let config = RetryConfig::default();
        let waits: std::collections::HashSet<_> =
            (0..50).map(|_| config.backoff(3, None)).collect();
        assert!(waits.len() > 1, "no jitter: {waits:?}");
    }

    #[test]
    fn backoff_respects_the_cap() {
        let config = RetryConfig::default().with_max_backoff(Duration::from_secs(1));
        for n in 5..40 {
            let wait = config.backoff(n, None);
            assert!(
                wait >= 500 * MS && wait <= Duration::from_secs(1),
                "{n}: {wait:?}"
            );
        }
    }

    #[test]
    fn huge_retry_numbers_do_not_overflow() {
        let config = RetryConfig::default();
        for n in [31, 32, 33, 64, 1000, u32::MAX] {
            let wait = config.backoff(n, None);
            assert!(wait >= Duration::from_secs(10) && wait <= Duration::from_secs(20));
        }
        let extreme = RetryConfig::default()
            .with_initial_backoff(Duration::MAX)
            .with_max_backoff(Duration::MAX);
        for n in [1, 2, 31, u32::MAX] {
            let wait = extreme.backoff(n, Some(Duration::MAX));
            assert!(wait >= Duration::MAX / 2, "{n}: {wait:?}");
        }
    }

    #[test]
    fn zero_backoff_is_zero() {
        let config = RetryConfig::default().with_initial_backoff(Duration::ZERO);
        assert_eq!(config.backoff(3, None), Duration::ZERO);
        let config = RetryConfig::default().with_max_backoff(Duration::ZERO);
        assert_eq!(config.backoff(3, None), Duration::ZERO);
    }

    #[test]
    fn retry_after_is_a_lower_bound() {
        let config = RetryConfig::default();
        // Longer than the exponential value: honoured exactly.
        assert_eq!(
            config.backoff(1, Some(Duration::from_secs(3))),
            Duration::from_secs(3)
        );
        // Longer than max_backoff but under the ceiling: still honoured.
        assert_eq!(
            config.backoff(1, Some(Duration::from_secs(45))),
            Duration::from_secs(45)
        );
        // Shorter than the exponential value: the exponential value wins.
        let wait = config.backoff(4, Some(10 * MS));
        assert!(wait >= 400 * MS && wait <= 800 * MS, "{wait:?}");
        // Zero hint changes nothing.
        let wait = config.backoff(1, Some(Duration::ZERO));
        assert!(wait >= 50 * MS && wait <= 100 * MS, "{wait:?}");
    }

    #[test]
    fn retry_after_is_capped() {
        let config = RetryConfig::default();
        assert_eq!(
            config.backoff(1, Some(Duration::from_secs(86_400))),
            MAX_RETRY_AFTER
        );
        // A larger max_backoff raises the ceiling.
        let patient = config.with_max_backoff(Duration::from_secs(300));
        assert_eq!(
            patient.backoff(1, Some(Duration::from_secs(200))),
            Duration::from_secs(200)
        );
        assert_eq!(
            patient.backoff(1, Some(Duration::from_secs(86_400))),
            Duration::from_secs(300)
        );
    }

    #[test]
    fn parse_seconds() {
        assert_eq!(parse_retry_after("0"), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(parse_retry_after(" 120 "), Some(Duration::from_secs(120)));
        assert_eq!(parse_retry_after("007"), Some(Duration::from_secs(7)));
        assert_eq!(
            parse_retry_after("18446744073709551615"),
            Some(Duration::from_secs(u64::MAX))
        );
    }

    #[test]
    fn parse_milliseconds() {
        assert_eq!(parse_retry_after("1500ms"), Some(1500 * MS));
        assert_eq!(parse_retry_after("250MS"), Some(250 * MS));
        assert_eq!(parse_retry_after("250 ms"), Some(250 * MS));
        assert_eq!(parse_retry_after("0ms"), Some(Duration::ZERO));
    }

    #[test]
    fn parse_rejects_garbage() {
        for value in [
            "",
            "   ",
            "ms",
            " ms",
            "-1",
            "+1",
            "1.5",
            "1e3",
            "1s",
            "5 s",
            "abc",
            "10msx",
            "1 0",
            "Wed, 21 Oct 2015 07:28:00 GMT",
            "18446744073709551616",
            "١٢",
            "3é",
            "é",
        ] {
            assert_eq!(parse_retry_after(value), None, "{value:?}");
        }
    }
}
