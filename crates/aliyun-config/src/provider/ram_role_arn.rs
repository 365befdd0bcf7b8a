//! A RAM role assumed with other credentials: STS AssumeRole signed with the source
//! provider's credentials (credentials.md §7). Used by the CLI modes `RamRoleArn` and
//! `ChainableRamRoleArn` and the INI type `ram_role_arn`.

use std::sync::Arc;

use aliyun_runtime::credentials::{CredentialsError, CredentialsFuture, ProvideCredentials};

use crate::sts::RoleSession;

/// The provider's name in chains and errors.
pub const NAME: &str = "ram_role_arn";

/// Credentials of a RAM role, assumed with the credentials of `source`.
#[derive(Clone, Debug)]
pub struct RamRoleArnProvider {
    session: RoleSession,
    source: Arc<dyn ProvideCredentials>,
}

impl RamRoleArnProvider {
    pub(crate) fn new(session: RoleSession, source: Arc<dyn ProvideCredentials>) -> Self {
        Self { session, source }
    }

    async fn load(&self) -> Result<aliyun_runtime::Credentials, CredentialsError> {
        self.session.check(NAME)?;
        let source = self.source.provide().await?;
        tracing::debug!(role = %self.session.role_arn, source = source.access_key_id(), "assuming a role");
        self.session.assume_role(NAME, source).await
    }
}

impl ProvideCredentials for RamRoleArnProvider {
    fn provide(&self) -> CredentialsFuture<'_> {
        Box::pin(self.load())
    }
}
