//! A generic chain: providers tried in order until one answers.
//!
//! A provider that is not configured is skipped; one that is configured but fails stops the
//! chain with its error (a broken profile should not silently fall through to other
//! credentials). When none answers, the error lists each provider tried, once, with why it was
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
                    tried.push(named(name, e));
                }
                Err(e) => return Err(e),
            }
        }
        // The reasons name the providers: the message does not list them again.
        Err(CredentialsError::new(
            CredentialsErrorKind::NotConfigured,
            "default credentials chain",
            "no credentials found",
        )
        .with_tried(tried))
    }
}

/// `e` with an origin that starts with the provider's name (the built-in providers' do
/// already), so that the chain's error names every provider it tried.
fn named(name: &str, e: CredentialsError) -> CredentialsError {
    if e.origin().starts_with(name) {
        return e;
    }
    CredentialsError::new(e.kind(), format!("{name} ({})", e.origin()), e.message())
        .with_tried(e.tried().to_vec())
}

impl ProvideCredentials for Chain {
    fn provide(&self) -> CredentialsFuture<'_> {
        Box::pin(self.load())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Environment, Loader, env_vars, provider};

    /// A provider that is never configured, with this origin in its error.
    #[derive(Debug)]
    struct Absent(&'static str);

    impl ProvideCredentials for Absent {
        fn provide(&self) -> CredentialsFuture<'_> {
            Box::pin(std::future::ready(Err(CredentialsError::new(
                CredentialsErrorKind::NotConfigured,
                self.0,
                "not set",
            ))))
        }
    }

    /// How often `name` appears in `text` as a whole word (`profile`, not `cli_profile`).
    fn occurrences(text: &str, name: &str) -> usize {
        let part_of_word = |c: char| c.is_alphanumeric() || c == '_';
        text.match_indices(name)
            .filter(|(at, _)| {
                !text[..*at].ends_with(part_of_word)
                    && !text[at + name.len()..].starts_with(part_of_word)
            })
            .count()
    }

    #[tokio::test]
    async fn nothing_found_names_each_provider_once_with_its_reason() {
        let chain = Chain::first_try("first", Absent("first"))
            .or_else("second", Absent("/etc/second.json"));
        let e = chain.provide().await.unwrap_err();
        assert!(e.is_not_configured());
        assert_eq!(
            e.to_string(),
            "default credentials chain: no credentials found \
             (tried: first: not set; second (/etc/second.json): not set)"
        );
    }

    #[tokio::test]
    async fn the_default_chain_names_each_provider_once() {
        let home = test_support::TempDir::new();
        // A closed loopback port: the metadata service is tried, and cannot be reached.
        let env = Environment::empty()
            .with_home(home.path())
            .with_var(env_vars::ENV_ECS_METADATA_ENDPOINT, "127.0.0.1:1");
        let loaded = Loader::new().with_environment(env).load();
        let e = loaded.credentials_provider().provide().await.unwrap_err();
        let text = e.to_string();
        for name in [
            provider::environment::NAME,
            provider::oidc::NAME,
            provider::cli_profile::NAME,
            provider::ini::NAME,
            provider::ecs_ram_role::NAME,
            provider::uri::NAME,
        ] {
            assert_eq!(occurrences(&text, name), 1, "{name} in {text}");
        }
        assert_eq!(e.tried().len(), 6, "{text}");
    }
}
