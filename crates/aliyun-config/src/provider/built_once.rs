//! What the providers over the profile files share: the provider a file configures is built
//! on first use and kept (the profile is chosen once, as the official libraries do), and a
//! file's error is told with the provider's name in front.

use std::sync::{Arc, OnceLock};

use aliyun_runtime::credentials::{CredentialsError, CredentialsFuture, ProvideCredentials};

/// The provider built on first use, or why none could be.
#[derive(Debug, Default)]
pub(crate) struct BuiltOnce(OnceLock<Result<Arc<dyn ProvideCredentials>, CredentialsError>>);

impl BuiltOnce {
    /// Asks the provider `build` makes on the first call (and every later call) for credentials.
    pub(crate) fn provide(
        &self,
        build: impl FnOnce() -> Result<Arc<dyn ProvideCredentials>, CredentialsError>,
    ) -> CredentialsFuture<'_> {
        match self.0.get_or_init(build) {
            Ok(provider) => provider.provide(),
            Err(e) => Box::pin(std::future::ready(Err(e.clone()))),
        }
    }
}

/// A profile file's `error` with the `provider`'s name in front of its origin.
pub(crate) fn prefixed(provider: &str, error: &CredentialsError) -> CredentialsError {
    CredentialsError::new(
        error.kind(),
        format!("{provider} {}", error.origin()),
        error.message(),
    )
}
