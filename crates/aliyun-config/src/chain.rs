//! A generic chain: providers tried in order until one answers.
//!
//! A provider that is not configured is skipped; one that is configured but fails stops the
//! chain with its error (a broken profile should not silently fall through to other
//! credentials). When none answers, the error lists each provider tried and why it was
//! skipped. After a success the chain asks only the provider that answered, as the Python and
//! Java libraries do (`reuse_last_provider_enabled`).

use std::sync::{Arc, Mutex, PoisonError};

use aliyun_runtime::Credentials;
use aliyun_runtime::credentials::{
    CredentialsError, CredentialsErrorKind, CredentialsFuture, ProvideCredentials,
};

/// Providers tried in order, each with its name.
#[derive(Debug, Default)]
pub struct Chain {
    providers: Vec<(&'static str, Arc<dyn ProvideCredentials>)>,
    last: Mutex<Option<usize>>,
}

impl Chain {
    /// A chain that starts with `provider`.
    pub fn first_try(name: &'static str, provider: impl ProvideCredentials + 'static) -> Self {
        Self::default().or_else(name, provider)
    }

    /// The chain, then `provider`.
    pub fn or_else(
        mut self,
        name: &'static str,
        provider: impl ProvideCredentials + 'static,
    ) -> Self {
        self.providers.push((name, Arc::new(provider)));
        self
    }

    /// The name of the provider that answered last, if one has.
    pub fn last_provider(&self) -> Option<&'static str> {
        let last = *self.last.lock().unwrap_or_else(PoisonError::into_inner);
        last.and_then(|i| self.providers.get(i))
            .map(|(name, _)| *name)
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let last = *self.last.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((name, provider)) = last.and_then(|i| self.providers.get(i)) {
            tracing::trace!(provider = name, "asking the provider that answered last");
            return provider.provide().await;
        }
        let mut tried = Vec::new();
        for (i, (name, provider)) in self.providers.iter().enumerate() {
            match provider.provide().await {
                Ok(credentials) => {
                    tracing::debug!(provider = name, "credentials found");
                    *self.last.lock().unwrap_or_else(PoisonError::into_inner) = Some(i);
                    return Ok(credentials);
                }
                Err(e) if e.is_not_configured() => {
                    tracing::debug!(provider = name, reason = %e, "skipped");
                    tried.push(e);
                }
                Err(e) => return Err(e),
            }
        }
        let names: Vec<&str> = self.providers.iter().map(|(name, _)| *name).collect();
        Err(CredentialsError::new(
            CredentialsErrorKind::NotConfigured,
            "default credentials chain",
            format!("no credentials found (tried {})", names.join(", ")),
        )
        .with_tried(tried))
    }
}

impl ProvideCredentials for Chain {
    fn provide(&self) -> CredentialsFuture<'_> {
        Box::pin(self.load())
    }
}
