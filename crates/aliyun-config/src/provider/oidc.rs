//! OIDC / RRSA: STS AssumeRoleWithOIDC with the token of a file that Kubernetes rotates, so
//! the file is read again on every refresh (credentials.md §3).

use std::io::Read;
use std::path::PathBuf;

use aliyun_runtime::credentials::{CredentialsError, CredentialsFuture, ProvideCredentials};

use crate::Environment;
use crate::env_vars::{
    ENV_OIDC_PROVIDER_ARN, ENV_OIDC_TOKEN_FILE, ENV_ROLE_ARN, ENV_ROLE_SESSION_NAME,
};
use crate::profile::{invalid, not_configured};
use crate::sts::{self, DEFAULT_DURATION_SECONDS, RoleSession};

/// The provider's name in chains and errors.
pub const NAME: &str = "oidc_role_arn";

/// The largest token file read: a Kubernetes service account token is about 1 KiB.
const MAX_TOKEN_FILE_BYTES: u64 = 64 * 1024;

/// Credentials of a RAM role for the holder of an OIDC token.
#[derive(Clone, Debug)]
pub struct OidcProvider {
    session: RoleSession,
    provider_arn: String,
    token_file: PathBuf,
}

impl OidcProvider {
    pub(crate) fn new(session: RoleSession, provider_arn: String, token_file: PathBuf) -> Self {
        Self {
            session,
            provider_arn,
            token_file,
        }
    }

    /// The provider the environment configures: `ALIBABA_CLOUD_ROLE_ARN`,
    /// `ALIBABA_CLOUD_OIDC_PROVIDER_ARN` and `ALIBABA_CLOUD_OIDC_TOKEN_FILE` all set (else not
    /// configured), optional `ALIBABA_CLOUD_ROLE_SESSION_NAME`; the STS endpoint from
    /// `ALIBABA_CLOUD_STS_ENDPOINT` or `ALIBABA_CLOUD_STS_REGION`.
    pub fn from_env(env: &Environment) -> Result<Self, CredentialsError> {
        let (Some(role_arn), Some(provider_arn), Some(token_file)) = (
            env.var(ENV_ROLE_ARN),
            env.var(ENV_OIDC_PROVIDER_ARN),
            env.var(ENV_OIDC_TOKEN_FILE),
        ) else {
            return Err(not_configured(
                NAME,
                format!("needs {ENV_ROLE_ARN}, {ENV_OIDC_PROVIDER_ARN} and {ENV_OIDC_TOKEN_FILE}"),
            ));
        };
        let session = RoleSession {
            role_arn,
            session_name: env.var(ENV_ROLE_SESSION_NAME),
            duration_seconds: DEFAULT_DURATION_SECONDS,
            policy: None,
            external_id: None,
            endpoint: sts::endpoint(env, None, None, None),
        };
        Ok(Self::new(session, provider_arn, PathBuf::from(token_file)))
    }

    async fn load(&self) -> Result<aliyun_runtime::Credentials, CredentialsError> {
        self.session.check(NAME)?;
        let token = self.read_token().await?;
        tracing::debug!(role = %self.session.role_arn, "assuming a role with an OIDC token");
        self.session
            .assume_role_with_oidc(NAME, &self.provider_arn, token)
            .await
    }

    /// The token file's text, trimmed; read off the async threads, and no more than
    /// [`MAX_TOKEN_FILE_BYTES`] of it.
    async fn read_token(&self) -> Result<String, CredentialsError> {
        let shown = self.token_file.display();
        let path = self.token_file.clone();
        let read = tokio::task::spawn_blocking(move || {
            let mut bytes = Vec::new();
            std::fs::File::open(path)?
                .take(MAX_TOKEN_FILE_BYTES + 1)
                .read_to_end(&mut bytes)?;
            Ok::<_, std::io::Error>(bytes)
        })
        .await;
        // A task that cannot finish (the runtime shutting down) is a failed read too.
        let bytes = read
            .unwrap_or_else(|join| Err(std::io::Error::other(join)))
            .map_err(|e| {
                invalid(
                    NAME,
                    format!("cannot read the OIDC token file {shown}: {e}"),
                )
            })?;
        if bytes.len() as u64 > MAX_TOKEN_FILE_BYTES {
            return Err(invalid(
                NAME,
                format!(
                    "the OIDC token file {shown} is larger than {} KiB: not a token",
                    MAX_TOKEN_FILE_BYTES / 1024
                ),
            ));
        }
        let token = String::from_utf8(bytes)
            .map_err(|_| invalid(NAME, format!("the OIDC token file {shown} is not UTF-8")))?;
        let token = token.trim();
        if token.is_empty() {
            return Err(invalid(
                NAME,
                format!("the OIDC token file {shown} is empty"),
            ));
        }
        Ok(token.to_owned())
    }
}

impl ProvideCredentials for OidcProvider {
    fn provide(&self) -> CredentialsFuture<'_> {
        Box::pin(self.load())
    }
}
