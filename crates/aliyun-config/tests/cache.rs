//! The lazy cache: one refresh however many callers (a failed one too), refresh before expiry,
//! cached credentials served while a refresh fails until they expire, no refetch on every call
//! of credentials that arrive expired.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use aliyun_config::LazyCache;
use aliyun_runtime::credentials::{
    CredentialsError, CredentialsErrorKind, CredentialsFuture, ProvideCredentials,
};
use aliyun_runtime::{Credentials, jiff};

/// Answers `script[n]` on its n-th call (the last entry after that): `Some(lifetime)` for
/// credentials that last that long, `None` for a failure. Counts its calls.
#[derive(Debug)]
struct Scripted {
    script: Vec<Option<Option<Duration>>>,
    /// How long each call takes.
    delay: Duration,
    calls: AtomicUsize,
}

impl Scripted {
    fn new(script: Vec<Option<Option<Duration>>>) -> Self {
        Self {
            script,
            // Slow enough that concurrent callers pile up behind the refresh.
            delay: Duration::from_millis(20),
            calls: AtomicUsize::new(0),
        }
    }
    fn taking(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }
    fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }
}

impl ProvideCredentials for Scripted {
    fn provide(&self) -> CredentialsFuture<'_> {
        Box::pin(async move {
            let n = self.calls.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(self.delay).await;
            match self.script[n.min(self.script.len() - 1)] {
                Some(lifetime) => {
                    let c = Credentials::with_security_token(format!("id-{n}"), "secret", "token");
                    Ok(match lifetime {
                        Some(l) => c.with_expiry(jiff::Timestamp::now() + l),
                        None => c,
                    })
                }
                None => Err(CredentialsError::new(
                    CredentialsErrorKind::Service,
                    "scripted",
                    "down",
                )),
            }
        })
    }
}

async fn call_concurrently(
    cache: &Arc<LazyCache<Scripted>>,
    n: usize,
) -> Vec<Result<Credentials, CredentialsError>> {
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            let cache = Arc::clone(cache);
            tokio::spawn(async move { cache.provide().await })
        })
        .collect();
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.unwrap());
    }
    results
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_calls_cause_one_refresh_and_again_one_after_expiry() {
    let lifetime = Some(Some(Duration::from_secs(3)));
    let cache = Arc::new(
        LazyCache::new(Scripted::new(vec![lifetime])).with_refresh_margin(Duration::from_secs(2)),
    );
    let first = call_concurrently(&cache, 1000).await;
    assert!(
        first
            .iter()
            .all(|r| r.as_ref().unwrap().access_key_id() == "id-0")
    );
    assert_eq!(cache.provider().calls(), 1);

    // Inside the margin: the next wave refreshes once, and nobody fails.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let second = call_concurrently(&cache, 1000).await;
    assert!(
        second
            .iter()
            .all(|r| r.as_ref().unwrap().access_key_id() == "id-1")
    );
    assert_eq!(cache.provider().calls(), 2);
}

#[tokio::test]
async fn credentials_that_do_not_expire_are_fetched_once() {
    let cache = LazyCache::new(Scripted::new(vec![Some(None)]));
    for _ in 0..5 {
        cache.provide().await.unwrap();
    }
    assert_eq!(cache.provider().calls(), 1);
}

#[tokio::test]
async fn a_failed_refresh_serves_the_cached_credentials_until_they_expire() {
    let cache = LazyCache::new(Scripted::new(vec![
        Some(Some(Duration::from_millis(1500))),
        None,
    ]))
    .with_refresh_margin(Duration::from_millis(1200));
    assert_eq!(cache.provide().await.unwrap().access_key_id(), "id-0");
    // Past the refresh time, before expiry: the refresh fails, the cached credentials serve.
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(cache.provide().await.unwrap().access_key_id(), "id-0");
    assert_eq!(cache.provider().calls(), 2);
    // Right after a failure, callers are served without hammering the provider.
    for _ in 0..10 {
        assert_eq!(cache.provide().await.unwrap().access_key_id(), "id-0");
    }
    assert!(
        cache.provider().calls() <= 3,
        "{} calls",
        cache.provider().calls()
    );
    // Once expired, the failure shows.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let error = cache.provide().await.unwrap_err();
    assert_eq!(error.to_string(), "scripted: down");
}

#[tokio::test]
async fn credentials_shorter_than_the_margin_are_used_and_not_refetched_on_every_call() {
    let cache = LazyCache::new(Scripted::new(vec![Some(Some(Duration::from_secs(600)))]));
    for _ in 0..5 {
        cache.provide().await.unwrap();
    }
    assert_eq!(cache.provider().calls(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn callers_waiting_behind_a_failed_refresh_get_its_error_without_asking_again() {
    let cache = Arc::new(LazyCache::new(
        Scripted::new(vec![None]).taking(Duration::from_millis(300)),
    ));
    let results = call_concurrently(&cache, 100).await;
    assert_eq!(cache.provider().calls(), 1);
    for result in results {
        assert_eq!(result.unwrap_err().to_string(), "scripted: down");
    }
    // A caller that comes after the failure asks again.
    cache.provide().await.unwrap_err();
    assert_eq!(cache.provider().calls(), 2);
}

/// Gives credentials that expired a minute ago (a local clock ahead of the issuer's).
#[derive(Debug, Default)]
struct AlreadyExpired {
    calls: AtomicUsize,
}

impl ProvideCredentials for AlreadyExpired {
    fn provide(&self) -> CredentialsFuture<'_> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        let expiry = jiff::Timestamp::now() - jiff::SignedDuration::from_secs(60);
        Box::pin(std::future::ready(Ok(Credentials::with_security_token(
            "id", "secret", "token",
        )
        .with_expiry(expiry))))
    }
}

#[tokio::test]
async fn credentials_that_arrive_expired_are_not_refetched_on_every_call() {
    let cache = LazyCache::new(AlreadyExpired::default());
    for _ in 0..50 {
        assert_eq!(cache.provide().await.unwrap().access_key_id(), "id");
    }
    assert_eq!(cache.provider().calls.load(Ordering::SeqCst), 1);
    // Asked again a second later.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    cache.provide().await.unwrap();
    assert_eq!(cache.provider().calls.load(Ordering::SeqCst), 2);
}
