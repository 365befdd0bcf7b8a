//! Credentials and region for Alibaba Cloud clients, the way production finds them: the
//! default provider chain, a refreshing cache, and the profile files read once and shared by
//! the credentials and the region.
//!
//! ```no_run
//! # async fn example() -> Result<(), Box<dyn std::error::Error>> {
//! let loaded = aliyun_config::Loader::new().load();
//! let region = loaded.region()?;
//! let credentials = loaded.credentials_provider();
//! # let _ = (region, credentials);
//! # Ok(())
//! # }
//! ```
//!
//! # The default chain
//!
//! The order and the refresh margin follow the official **Python** library
//! (`alibabacloud-credentials` 1.0.12, `DefaultCredentialsProvider` and
//! `RefreshCachedSupplier`):
//!
//! | # | provider ([`provider`]) | configured by |
//! |---|---|---|
//! | 1 | `env` | `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, optional `ALIBABA_CLOUD_SECURITY_TOKEN` |
//! | 2 | `oidc_role_arn` | `ALIBABA_CLOUD_ROLE_ARN`, `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`, `ALIBABA_CLOUD_OIDC_TOKEN_FILE` (all three) |
//! | 3 | `cli_profile` | `~/.aliyun/config.json` (`ALIBABA_CLOUD_CONFIG_FILE`), profile `ALIBABA_CLOUD_PROFILE` else `current`; off with `ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true` |
//! | 4 | `profile` | `~/.alibabacloud/credentials`, else `credentials.ini` (`ALIBABA_CLOUD_CREDENTIALS_FILE`), section `ALIBABA_CLOUD_PROFILE` else `default` |
//! | 5 | `ecs_ram_role` | the ECS metadata service, unless `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true` |
//! | 6 | `credential_uri` | `ALIBABA_CLOUD_CREDENTIALS_URI` |
//!
//! The CLI profile's `mode` chooses how it gets credentials ([`provider::cli_profile`]):
//!
//! | mode | fields | credentials |
//! |---|---|---|
//! | `AK`, `StsToken` | `access_key_id`, `access_key_secret` (and `sts_token`) | as written |
//! | `RamRoleArn` | the AccessKey, `ram_role_arn`, `ram_session_name`, `expired_seconds`, `policy`, `external_id`, `sts_region`, `enable_vpc`, `sts_endpoint` | STS AssumeRole |
//! | `ChainableRamRoleArn` | `source_profile` and the role's fields | AssumeRole with another profile's credentials |
//! | `EcsRamRole` | `ram_role_name` (optional) | the ECS metadata service |
//! | `OIDC` | `ram_role_arn`, `oidc_provider_arn`, `oidc_token_file` and the session's fields | STS AssumeRoleWithOIDC |
//! | `CredentialsURI` | `credentials_uri` | `GET` the URL; off with `ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS=1` or `true` |
//! | `External` | `process_command` | the JSON the command prints ([`provider::external`]); off with `ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS=1` or `true` |
//!
//! Temporary credentials are refreshed 15 minutes before they expire
//! ([`cache::DEFAULT_REFRESH_MARGIN`]; those of the mode `External` 180 s before, or on every
//! lookup when the command gives no expiration, as the official libraries do), one refresh at a
//! time, and served from the cache while a refresh fails until they expire. After a success the
//! chain asks only the provider that answered (Python's and Java's `reuse_last_provider_enabled`).
//!
//! Where the other official libraries differ (credentials.md §1, §5, §8, §11):
//! - **Go** (`credentials-go`) refreshes 3 minutes before expiry, reads the INI file at
//!   `~/.alibabacloud/credentials` (Python and Java: `credentials.ini`; we read the first, then
//!   the second), reads `ALIBABA_CLOUD_CONFIG_FILE` (Python and Java do not; we do), lets
//!   `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED` win over a profile's `enable_vpc=false`, and records
//!   the last provider before trying it.
//! - **Java** first reads the system properties `alibabacloud.accessKeyId`/`…Secret`, and
//!   ignores INI sections without `enable = true` (we skip only `enable = false`).
//! - **Python** reads `role_session_name` in OIDC profiles (we accept both it and
//!   `ram_session_name`), and skips a provider whatever its error; we skip only a provider that
//!   is not configured (or an unreachable metadata service) and stop at a broken one, naming it.
//! - None of the libraries supports the CLI mode `CredentialsURI`; the aliyun CLI does, and so
//!   do we.
//! - `ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS` (`1` or `true`) turns the CLI modes `External` and
//!   `CredentialsURI` off, as in the aliyun CLI (the libraries do not read it); it leaves
//!   `ALIBABA_CLOUD_CREDENTIALS_URI` alone.
//! - `External`: the libraries and the CLI write the command's fresh credentials back into
//!   `config.json`; we never write to the file (the command runs again when they are due). The
//!   command is split into words as a POSIX shell would, on every platform, and run without a
//!   shell.
//!
//! # Endpoints
//!
//! STS: a profile's `sts_endpoint`, else `ALIBABA_CLOUD_STS_ENDPOINT` (a bare host means HTTPS;
//! an explicit `http://` URL means plain HTTP, for loopback tests), else
//! `sts[-vpc].<sts_region>.aliyuncs.com`, else `sts.aliyuncs.com`. The metadata service:
//! `ALIBABA_CLOUD_ECS_METADATA_ENDPOINT` (**our extension**, `http://host:port` or
//! `host:port`), else `100.100.100.200`.
//!
//! # Secrets
//!
//! No error, log line (at any level) or `Debug` output holds an AccessKey secret, a security
//! token or an OIDC token. One exception is out of our hands: when an `External` command fails,
//! the error shows the start of its standard error (200 characters), the command's own message.

#![warn(missing_docs)]

pub mod cache;
pub mod chain;
pub mod env_vars;
mod environment;
mod http;
pub mod profile;
pub mod provider;
mod sts;

use std::sync::Arc;
use std::time::Duration;

use aliyun_runtime::credentials::CredentialsError;

pub use cache::LazyCache;
pub use chain::Chain;
use env_vars::{ENV_ECS_METADATA_DISABLED, ENV_REGION, is_true};
pub use environment::Environment;
use profile::ProfileFiles;
use provider::{
    CliProfileProvider, EcsRamRoleProvider, EnvironmentProvider, IniProvider, OidcProvider,
    UriProvider,
};

/// The default chain behind its cache: what clients use.
pub type DefaultCredentialsProvider = LazyCache<Chain>;

/// Reads the configuration: which environment, which profile.
#[derive(Clone, Debug)]
pub struct Loader {
    env: Environment,
    profile: Option<String>,
    refresh_margin: Duration,
}

impl Default for Loader {
    fn default() -> Self {
        Self::new()
    }
}

impl Loader {
    /// The process's environment and home directory.
    pub fn new() -> Self {
        Self {
            env: Environment::process(),
            profile: None,
            refresh_margin: cache::DEFAULT_REFRESH_MARGIN,
        }
    }

    /// Reads `env` instead (tests: fixed variables and a temporary home).
    pub fn with_environment(mut self, env: Environment) -> Self {
        self.env = env;
        self
    }

    /// Uses this profile (in `config.json` and the INI file) instead of
    /// `ALIBABA_CLOUD_PROFILE` or the file's `current`.
    pub fn with_profile(mut self, name: impl Into<String>) -> Self {
        self.profile = Some(name.into());
        self
    }

    /// Refreshes temporary credentials this long before they expire instead of
    /// [`cache::DEFAULT_REFRESH_MARGIN`] (the mode `External` keeps its own rule).
    pub fn with_refresh_margin(mut self, margin: Duration) -> Self {
        self.refresh_margin = margin;
        self
    }

    /// Reads the profile files (once) and sets up the chain; nothing is fetched yet.
    pub fn load(self) -> Loaded {
        let files = Arc::new(ProfileFiles::load(&self.env, self.profile.as_deref()));
        Loaded {
            credentials: Arc::new(
                LazyCache::new(default_chain(&self.env, &files))
                    .with_refresh_margin(self.refresh_margin),
            ),
            env: self.env,
            files,
        }
    }
}

/// The configuration as read: region and credentials over the same files.
#[derive(Clone, Debug)]
pub struct Loaded {
    env: Environment,
    files: Arc<ProfileFiles>,
    credentials: Arc<DefaultCredentialsProvider>,
}

impl Loaded {
    /// The region: `ALIBABA_CLOUD_REGION_ID`, else the CLI profile's `region_id`; `None` when
    /// neither is set, an error when the config file is broken.
    pub fn region(&self) -> Result<Option<String>, CredentialsError> {
        if let Some(region) = self.env.var(ENV_REGION) {
            return Ok(Some(region.trim().to_owned()));
        }
        self.files.region()
    }

    /// The default chain behind its cache (cheap to clone, shared).
    pub fn credentials_provider(&self) -> Arc<DefaultCredentialsProvider> {
        Arc::clone(&self.credentials)
    }

    /// The files as read.
    pub fn profile_files(&self) -> &ProfileFiles {
        &self.files
    }
}

/// The official chain (order above) over files already read.
fn default_chain(env: &Environment, files: &Arc<ProfileFiles>) -> Chain {
    let mut chain = Chain::first_try(
        provider::environment::NAME,
        EnvironmentProvider::new(env.clone()),
    )
    .or_else(
        provider::oidc::NAME,
        Configured(OidcProvider::from_env(env)),
    )
    .or_else(
        provider::cli_profile::NAME,
        CliProfileProvider::new(Arc::clone(files), env.clone()),
    )
    .or_else(
        provider::ini::NAME,
        IniProvider::new(Arc::clone(files), env.clone()),
    );
    if !is_true(env, ENV_ECS_METADATA_DISABLED) {
        chain = chain.or_else(
            provider::ecs_ram_role::NAME,
            EcsRamRoleProvider::new(env, None),
        );
    }
    chain.or_else(provider::uri::NAME, Configured(UriProvider::from_env(env)))
}

/// A provider the environment configures, or why it does not.
#[derive(Debug)]
struct Configured<P>(Result<P, CredentialsError>);

impl<P: aliyun_runtime::ProvideCredentials> aliyun_runtime::ProvideCredentials for Configured<P> {
    fn provide(&self) -> aliyun_runtime::credentials::CredentialsFuture<'_> {
        match &self.0 {
            Ok(provider) => provider.provide(),
            Err(e) => Box::pin(std::future::ready(Err(e.clone()))),
        }
    }
}
