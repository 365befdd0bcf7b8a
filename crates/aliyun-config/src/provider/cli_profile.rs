//! The aliyun CLI's profiles (`~/.aliyun/config.json`) in every credential mode: `AK`,
//! `StsToken`, `RamRoleArn`, `ChainableRamRoleArn`, `EcsRamRole`, `OIDC`, `CredentialsURI` and
//! `External` (credentials.md §4); `ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS` forbids the last
//! two, as in the aliyun CLI. The profile is chosen once and its provider built once, as the
//! official libraries do; the providers it builds fetch again on each call (the cache sits above
//! them).

use std::path::PathBuf;
use std::sync::Arc;

use aliyun_runtime::Credentials;
use aliyun_runtime::credentials::{
    CredentialsError, CredentialsErrorKind, CredentialsFuture, ProvideCredentials,
};

use crate::Environment;
use crate::env_vars::ENV_CLI_PROFILE_DISABLED;
use crate::env_vars::is_true;
use crate::profile::{CliConfig, CliProfile, ProfileFiles, invalid, not_configured};
use crate::provider::built_once::{BuiltOnce, prefixed};
use crate::provider::external::ensure_allowed;
use crate::provider::{
    EcsRamRoleProvider, ExternalProvider, OidcProvider, RamRoleArnProvider, UriProvider,
};
use crate::sts::{self, DEFAULT_DURATION_SECONDS, RoleSession};

/// The provider's name in chains and errors.
pub const NAME: &str = "cli_profile";

/// How deep `source_profile` links may go before they count as a loop.
const MAX_SOURCE_DEPTH: usize = 8;

/// Credentials from the selected profile of the aliyun CLI's config file.
#[derive(Debug)]
pub struct CliProfileProvider {
    files: Arc<ProfileFiles>,
    env: Environment,
    inner: BuiltOnce,
}

impl CliProfileProvider {
    /// The provider over files already read.
    pub fn new(files: Arc<ProfileFiles>, env: Environment) -> Self {
        Self {
            files,
            env,
            inner: BuiltOnce::default(),
        }
    }

    /// The provider the selected profile configures, or why there is none.
    fn build_from_files(&self) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
        if is_true(&self.env, ENV_CLI_PROFILE_DISABLED) {
            return Err(not_configured(
                NAME,
                format!("turned off by {ENV_CLI_PROFILE_DISABLED}"),
            ));
        }
        let config = self.files.cli.as_ref().map_err(|e| prefixed(NAME, e))?;
        let profile = self.files.cli_profile().map_err(|e| prefixed(NAME, &e))?;
        build(config, profile, &self.env, 0)
    }
}

/// The provider for `profile`'s mode.
fn build(
    config: &CliConfig,
    profile: &CliProfile,
    env: &Environment,
    depth: usize,
) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
    let origin = format!("{NAME} {}, profile {:?}", config.origin, profile.name);
    let field = |name: &str, value: &Option<String>| {
        value
            .clone()
            .filter(|v| !v.trim().is_empty())
            .ok_or_else(|| invalid(&origin, format!("mode {} needs `{name}`", profile.mode)))
    };
    let access_key = || -> Result<Credentials, CredentialsError> {
        Ok(Credentials::new(
            field("access_key_id", &profile.access_key_id)?,
            field("access_key_secret", &profile.access_key_secret)?,
        ))
    };
    let session = || -> Result<RoleSession, CredentialsError> {
        Ok(RoleSession {
            role_arn: field("ram_role_arn", &profile.ram_role_arn)?,
            session_name: profile
                .ram_session_name
                .clone()
                .or_else(|| profile.role_session_name.clone()),
            duration_seconds: profile
                .expired_seconds
                .filter(|s| *s > 0)
                .unwrap_or(DEFAULT_DURATION_SECONDS),
            policy: profile.policy.clone().filter(|p| !p.is_empty()),
            external_id: profile.external_id.clone().filter(|p| !p.is_empty()),
            endpoint: sts::endpoint(
                env,
                profile.sts_endpoint.as_deref(),
                profile.sts_region.as_deref(),
                profile.enable_vpc,
            ),
        })
    };
    Ok(match profile.mode.as_str() {
        "AK" => Arc::new(access_key()?),
        "StsToken" => Arc::new(Credentials::with_security_token(
            field("access_key_id", &profile.access_key_id)?,
            field("access_key_secret", &profile.access_key_secret)?,
            field("sts_token", &profile.sts_token)?,
        )),
        "RamRoleArn" => Arc::new(RamRoleArnProvider::new(session()?, Arc::new(access_key()?))),
        "ChainableRamRoleArn" => {
            let source_name = field("source_profile", &profile.source_profile)?;
            if depth >= MAX_SOURCE_DEPTH {
                return Err(invalid(
                    &origin,
                    format!("source_profile links go deeper than {MAX_SOURCE_DEPTH}: a loop?"),
                ));
            }
            let source = config
                .profile(&source_name)
                .map_err(|e| invalid(&origin, format!("source_profile: {}", e.message())))?;
            let source = build(config, source, env, depth + 1)?;
            Arc::new(RamRoleArnProvider::new(session()?, source))
        }
        "EcsRamRole" => Arc::new(EcsRamRoleProvider::new(env, profile.ram_role_name.clone())),
        "OIDC" => Arc::new(OidcProvider::new(
            session()?,
            field("oidc_provider_arn", &profile.oidc_provider_arn)?,
            PathBuf::from(field("oidc_token_file", &profile.oidc_token_file)?),
        )),
        "CredentialsURI" => {
            ensure_allowed(env, &origin, "CredentialsURI")?;
            Arc::new(UriProvider::new(field(
                "credentials_uri",
                &profile.credentials_uri,
            )?))
        }
        "External" => {
            ensure_allowed(env, &origin, "External")?;
            Arc::new(ExternalProvider::new(field(
                "process_command",
                &profile.process_command,
            )?))
        }
        "" => return Err(invalid(&origin, "the profile has no `mode`")),
        other => {
            return Err(CredentialsError::new(
                CredentialsErrorKind::Unsupported,
                origin,
                format!(
                    "mode {other:?} is not supported (supported: AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC, CredentialsURI, External)"
                ),
            ));
        }
    })
}

impl ProvideCredentials for CliProfileProvider {
    fn provide(&self) -> CredentialsFuture<'_> {
        self.inner.provide(|| self.build_from_files())
    }
}
