//! A lazy credentials cache in front of any provider: the first call fetches; later calls get
//! the cached credentials until `margin` before they expire; then one caller refreshes while the
//! others wait for its result (single flight), a failure included: the callers that waited
//! behind a failed refresh get its error, they do not each ask the provider again. When a
//! refresh fails, the cached credentials keep being served until they expire, and the next
//! attempt waits a few seconds.
//!
//! The margin follows the Python library (`RefreshCachedSupplier`, 15 minutes stale time).
//! A refresh that brings credentials already inside the margin (a session shorter than the
//! margin) is used and asked again a minute later at the earliest, as Python's `ALLOW` mode.
//! Credentials that arrive already expired (a clock ahead of the issuer's) are used too, and
//! asked again no sooner than a second later.
//!
//! A provider may ask for another rule for the credentials it gives (the CLI mode `External`:
//! 180 s before expiry, or on every lookup when they have no expiry); callers that arrive while
//! such a lookup runs share its result.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{PoisonError, RwLock};
use std::time::Duration;

use aliyun_runtime::credentials::{CredentialsError, CredentialsFuture, ProvideCredentials};
use aliyun_runtime::{Credentials, jiff};

/// Refresh this long before the credentials expire (Python and Java: 15 minutes; Go: 3).
pub const DEFAULT_REFRESH_MARGIN: Duration = Duration::from_secs(15 * 60);
/// After a failed refresh, the cached credentials are served this long before trying again.
const RETRY_AFTER_FAILURE: Duration = Duration::from_secs(5);
/// Credentials that arrive already inside the margin are not asked for again sooner than this.
const RETRY_WHEN_STALE: Duration = Duration::from_secs(60);
/// The shortest wait before asking again, whatever the expiry says (already expired ones).
const MIN_RETRY: jiff::SignedDuration = jiff::SignedDuration::from_secs(1);

/// When a provider wants the credentials it just gave fetched again, instead of the cache's
/// margin before expiry.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Refresh {
    /// This long before they expire (never, for credentials without expiry).
    Before(Duration),
    /// On every lookup.
    EveryLookup,
}

tokio::task_local! {
    /// What the provider asked for the credentials of the fetch in progress: a side channel,
    /// because providers answer bare `Credentials` from below chains and profile wrappers.
    static REFRESH: RefCell<Option<(Credentials, Refresh)>>;
}

/// Asks the cache that is fetching `credentials` to refresh them as `refresh` says. Only these
/// very credentials are concerned: those made from them (a role assumed with them) follow the
/// cache's margin. Outside a cache's fetch, does nothing.
pub(crate) fn refresh_as(credentials: &Credentials, refresh: Refresh) {
    // An error only means no cache is fetching: nobody to tell.
    let _ = REFRESH.try_with(|asked| *asked.borrow_mut() = Some((credentials.clone(), refresh)));
}

/// A provider with a cache in front.
#[derive(Debug)]
pub struct LazyCache<P> {
    provider: P,
    margin: Duration,
    cached: RwLock<Option<Entry>>,
    /// Held by the caller that refreshes. It keeps the last refresh's result, for the callers
    /// that waited behind that refresh.
    refresh: tokio::sync::Mutex<Option<Result<Credentials, CredentialsError>>>,
    /// How many refreshes have finished: a caller that sees it move while it waited for
    /// `refresh` waited behind a refresh, and takes its result.
    refreshes: AtomicU64,
}

#[derive(Clone, Debug)]
struct Entry {
    credentials: Credentials,
    /// When to fetch again (`None`: never, for credentials that do not expire).
    refresh_at: Option<jiff::Timestamp>,
}

impl<P: ProvideCredentials> LazyCache<P> {
    /// `provider` behind a cache refreshing [`DEFAULT_REFRESH_MARGIN`] before expiry.
    pub fn new(provider: P) -> Self {
        Self {
            provider,
            margin: DEFAULT_REFRESH_MARGIN,
            cached: RwLock::new(None),
            refresh: tokio::sync::Mutex::new(None),
            refreshes: AtomicU64::new(0),
        }
    }

    /// Refreshes `margin` before expiry instead.
    pub fn with_refresh_margin(mut self, margin: Duration) -> Self {
        self.margin = margin;
        self
    }

    /// The provider behind the cache.
    pub fn provider(&self) -> &P {
        &self.provider
    }

    fn current(&self, now: jiff::Timestamp) -> Option<Credentials> {
        let cached = self.cached.read().unwrap_or_else(PoisonError::into_inner);
        cached
            .as_ref()
            .filter(|e| e.refresh_at.is_none_or(|at| now < at))
            .map(|e| e.credentials.clone())
    }

    fn store(&self, entry: Entry) {
        *self.cached.write().unwrap_or_else(PoisonError::into_inner) = Some(entry);
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        // Read before looking at the cache, so that a refresh finishing after a miss counts.
        let refreshes_seen = self.refreshes.load(Ordering::Acquire);
        if let Some(credentials) = self.current(jiff::Timestamp::now()) {
            return Ok(credentials);
        }
        let mut last = self.refresh.lock().await;
        // Another caller may have refreshed while this one waited: its result is this
        // caller's too (even credentials to be fetched on every lookup).
        if self.refreshes.load(Ordering::Acquire) != refreshes_seen
            && let Some(result) = last.as_ref()
        {
            return result.clone();
        }
        let result = self.fetch(jiff::Timestamp::now()).await;
        *last = Some(result.clone());
        self.refreshes.fetch_add(1, Ordering::Release);
        result
    }

    /// Asks the provider and caches what it gives; on failure, serves the cached credentials
    /// while they last.
    async fn fetch(&self, now: jiff::Timestamp) -> Result<Credentials, CredentialsError> {
        let (result, asked) = REFRESH
            .scope(RefCell::new(None), async {
                let result = self.provider.provide().await;
                (result, REFRESH.with(RefCell::take))
            })
            .await;
        match result {
            Ok(credentials) => {
                let refresh = asked
                    .filter(|(asked_for, _)| *asked_for == credentials)
                    .map_or(Refresh::Before(self.margin), |(_, refresh)| refresh);
                let refresh_at = match (refresh, credentials.expiry()) {
                    (Refresh::EveryLookup, _) => Some(now),
                    (Refresh::Before(_), None) => None,
                    (Refresh::Before(margin), Some(expiry)) => {
                        if expiry <= now {
                            tracing::warn!(%expiry, "the credentials arrived already expired (clock skew?)");
                        }
                        Some(
                            expiry
                                .checked_sub(margin)
                                .ok()
                                .filter(|at| *at > now)
                                .unwrap_or_else(|| later(now, RETRY_WHEN_STALE, expiry)),
                        )
                    }
                };
                tracing::debug!(expiry = ?credentials.expiry(), ?refresh_at, "credentials refreshed");
                self.store(Entry {
                    credentials: credentials.clone(),
                    refresh_at,
                });
                Ok(credentials)
            }
            Err(error) => {
                let previous = self
                    .cached
                    .read()
                    .unwrap_or_else(PoisonError::into_inner)
                    .clone();
                match previous {
                    Some(entry) if entry.credentials.expiry().is_none_or(|e| now < e) => {
                        tracing::warn!(%error, "refreshing credentials failed; the cached ones are still valid");
                        let expiry = entry.credentials.expiry().unwrap_or(now);
                        let credentials = entry.credentials.clone();
                        self.store(Entry {
                            refresh_at: Some(later(now, RETRY_AFTER_FAILURE, expiry)),
                            ..entry
                        });
                        Ok(credentials)
                    }
                    _ => Err(error),
                }
            }
        }
    }
}

/// `now + wait`, but no later than halfway to `expiry` (at least one more try before it), and
/// no sooner than [`MIN_RETRY`] (else credentials already expired would be fetched on every
/// call).
fn later(now: jiff::Timestamp, wait: Duration, expiry: jiff::Timestamp) -> jiff::Timestamp {
    let halfway = now.duration_until(expiry) / 2;
    let wait = jiff::SignedDuration::try_from(wait).unwrap_or(jiff::SignedDuration::MAX);
    let step = wait.min(halfway).max(MIN_RETRY);
    now.checked_add(step).unwrap_or(now)
}

impl<P: ProvideCredentials> ProvideCredentials for LazyCache<P> {
    fn provide(&self) -> CredentialsFuture<'_> {
        Box::pin(self.load())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;

    use super::*;

    /// Asks for a refresh on every lookup of `asked_for`, and gives `gives`.
    #[derive(Debug)]
    struct Asking {
        asked_for: Credentials,
        gives: Credentials,
        calls: AtomicUsize,
    }

    impl ProvideCredentials for Asking {
        fn provide(&self) -> CredentialsFuture<'_> {
            self.calls.fetch_add(1, Ordering::SeqCst);
            refresh_as(&self.asked_for, Refresh::EveryLookup);
            Box::pin(std::future::ready(Ok(self.gives.clone())))
        }
    }

    async fn calls_for_three_lookups(asked_for: &str, gives: &str) -> usize {
        let cache = LazyCache::new(Asking {
            asked_for: Credentials::new(asked_for, "secret"),
            gives: Credentials::new(gives, "secret"),
            calls: AtomicUsize::new(0),
        });
        for _ in 0..3 {
            cache.provide().await.unwrap();
        }
        cache.provider().calls.load(Ordering::SeqCst)
    }

    #[tokio::test]
    async fn a_provider_rule_applies_to_its_own_credentials_only() {
        assert_eq!(calls_for_three_lookups("external", "external").await, 3);
        // Credentials made from them (a role assumed with them) are cached as usual.
        assert_eq!(calls_for_three_lookups("external", "assumed").await, 1);
    }

    #[test]
    fn outside_a_cache_a_rule_goes_nowhere() {
        refresh_as(&Credentials::new("id", "secret"), Refresh::EveryLookup);
    }
}
