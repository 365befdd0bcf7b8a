//! Credentials from `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and the
//! optional `ALIBABA_CLOUD_SECURITY_TOKEN` (credentials.md §2).

use aliyun_runtime::Credentials;
use aliyun_runtime::credentials::{CredentialsError, CredentialsFuture, ProvideCredentials};

use crate::Environment;
use crate::env_vars::{ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN};
use crate::profile::{invalid, not_configured};

/// The provider's name in chains and errors, as the official libraries call it.
pub const NAME: &str = "env";

/// Credentials from the environment. Neither variable set: not configured; only one: invalid.
#[derive(Clone, Debug)]
pub struct EnvironmentProvider {
    env: Environment,
}

impl EnvironmentProvider {
    /// Reads `env`.
    pub fn new(env: Environment) -> Self {
        Self { env }
    }

    /// Resolves credentials now.
    pub fn load(&self) -> Result<Credentials, CredentialsError> {
        let id = self.env.var(ENV_ACCESS_KEY_ID);
        let secret = self.env.var(ENV_ACCESS_KEY_SECRET);
        match (id, secret) {
            (None, None) => Err(not_configured(NAME, format!("{ENV_ACCESS_KEY_ID} not set"))),
            (Some(_), None) => Err(invalid(
                NAME,
                format!("{ENV_ACCESS_KEY_ID} is set but {ENV_ACCESS_KEY_SECRET} is not"),
            )),
            (None, Some(_)) => Err(invalid(
                NAME,
                format!("{ENV_ACCESS_KEY_SECRET} is set but {ENV_ACCESS_KEY_ID} is not"),
            )),
            (Some(id), Some(secret)) => Ok(match self.env.var(ENV_SECURITY_TOKEN) {
                Some(token) => Credentials::with_security_token(id, secret, token),
                None => Credentials::new(id, secret),
            }),
        }
    }
}

impl ProvideCredentials for EnvironmentProvider {
    fn provide(&self) -> CredentialsFuture<'_> {
        Box::pin(std::future::ready(self.load()))
    }
}
