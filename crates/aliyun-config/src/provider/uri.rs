//! Credentials served by a URL (`ALIBABA_CLOUD_CREDENTIALS_URI`, or the CLI mode
//! `CredentialsURI`): `GET` it, expect HTTP 200 and the credentials JSON (credentials.md §10.4).

use std::time::Duration;

use aliyun_runtime::Credentials;
use aliyun_runtime::credentials::{CredentialsError, CredentialsFuture, ProvideCredentials};

use crate::Environment;
use crate::env_vars::ENV_CREDENTIALS_URI;
use crate::http;
use crate::profile::not_configured;

/// The provider's name in chains and errors.
pub const NAME: &str = "credential_uri";

const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Credentials from a URL. `Debug` and errors never show the URL's query (it may hold a token).
#[derive(Clone)]
pub struct UriProvider {
    uri: String,
}

impl std::fmt::Debug for UriProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UriProvider")
            .field("uri", &without_query(&self.uri))
            .finish()
    }
}

fn without_query(uri: &str) -> &str {
    uri.split_once('?').map_or(uri, |(base, _)| base)
}

impl UriProvider {
    /// Credentials from `uri`.
    pub fn new(uri: impl Into<String>) -> Self {
        Self { uri: uri.into() }
    }

    /// The provider `ALIBABA_CLOUD_CREDENTIALS_URI` configures, or not configured.
    pub fn from_env(env: &Environment) -> Result<Self, CredentialsError> {
        env.var(ENV_CREDENTIALS_URI)
            .map(Self::new)
            .ok_or_else(|| not_configured(NAME, format!("{ENV_CREDENTIALS_URI} not set")))
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let origin = format!("{NAME} ({})", without_query(&self.uri));
        let client = http::client(&origin, CONNECT_TIMEOUT, READ_TIMEOUT)?;
        let response = client
            .get(&self.uri)
            .send()
            .await
            .map_err(|e| http::transport(&origin, "GET", e))?;
        let status = response.status().as_u16();
        if status != 200 {
            return Err(http::service(&origin, format!("HTTP {status}")));
        }
        let body = http::read_body(&origin, "GET", response).await?;
        http::parse_credentials_body(&origin, &body)
    }
}

impl ProvideCredentials for UriProvider {
    fn provide(&self) -> CredentialsFuture<'_> {
        Box::pin(self.load())
    }
}
