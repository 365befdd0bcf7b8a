//! The INI credentials file (`ALIBABA_CLOUD_CREDENTIALS_FILE`, else
//! `~/.alibabacloud/credentials`, else `~/.alibabacloud/credentials.ini`), section
//! `ALIBABA_CLOUD_PROFILE` else `default`, types `access_key`, `ram_role_arn`,
//! `ecs_ram_role` and `oidc_role_arn` (credentials.md §5). A section with `enable = false`
//! is skipped.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use aliyun_runtime::Credentials;
use aliyun_runtime::credentials::{
    CredentialsError, CredentialsErrorKind, CredentialsFuture, ProvideCredentials,
};

use crate::Environment;
use crate::profile::{ProfileFiles, invalid, not_configured};
use crate::provider::built_once::{BuiltOnce, prefixed};
use crate::provider::{EcsRamRoleProvider, OidcProvider, RamRoleArnProvider};
use crate::sts::{self, DEFAULT_DURATION_SECONDS, RoleSession};

/// The provider's name in chains and errors.
pub const NAME: &str = "profile";

/// Credentials from a section of the INI file.
#[derive(Debug)]
pub struct IniProvider {
    files: Arc<ProfileFiles>,
    env: Environment,
    inner: BuiltOnce,
}

impl IniProvider {
    /// The provider over files already read.
    pub fn new(files: Arc<ProfileFiles>, env: Environment) -> Self {
        Self {
            files,
            env,
            inner: BuiltOnce::default(),
        }
    }

    /// The provider the selected section configures, or why there is none.
    fn build_from_files(&self) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
        let file = self.files.ini.as_ref().map_err(|e| prefixed(NAME, e))?;
        let name = self.files.selected.as_deref().unwrap_or("default");
        let origin = format!("{NAME} {}, section [{name}]", file.origin);
        let section = file
            .section(name)
            .ok_or_else(|| not_configured(&origin, "no such section"))?;
        if section
            .get("enable")
            .is_some_and(|v| v.eq_ignore_ascii_case("false"))
        {
            return Err(not_configured(&origin, "enable = false"));
        }
        build(&origin, section, &self.env)
    }
}

fn build(
    origin: &str,
    section: &BTreeMap<String, String>,
    env: &Environment,
) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
    let get = |key: &str| section.get(key).filter(|v| !v.is_empty()).cloned();
    let ty = get("type").unwrap_or_default();
    let field =
        |key: &str| get(key).ok_or_else(|| invalid(origin, format!("type {ty} needs `{key}`")));
    let access_key = || -> Result<Credentials, CredentialsError> {
        Ok(Credentials::new(
            field("access_key_id")?,
            field("access_key_secret")?,
        ))
    };
    let session = || -> Result<RoleSession, CredentialsError> {
        Ok(RoleSession {
            role_arn: field("role_arn")?,
            session_name: get("role_session_name"),
            duration_seconds: DEFAULT_DURATION_SECONDS,
            policy: get("policy"),
            external_id: None,
            endpoint: sts::endpoint(
                env,
                get("sts_endpoint").as_deref(),
                get("sts_region").as_deref(),
                None,
            ),
        })
    };
    Ok(match ty.as_str() {
        "access_key" => Arc::new(access_key()?),
        "ram_role_arn" => Arc::new(RamRoleArnProvider::new(session()?, Arc::new(access_key()?))),
        "ecs_ram_role" => Arc::new(EcsRamRoleProvider::new(env, get("role_name"))),
        "oidc_role_arn" => Arc::new(OidcProvider::new(
            session()?,
            field("oidc_provider_arn")?,
            PathBuf::from(field("oidc_token_file_path")?),
        )),
        "" => return Err(invalid(origin, "the section has no `type`")),
        other => {
            return Err(CredentialsError::new(
                CredentialsErrorKind::Unsupported,
                origin,
                format!(
                    "type {other:?} is not supported (supported: access_key, ram_role_arn, ecs_ram_role, oidc_role_arn)"
                ),
            ));
        }
    })
}

impl ProvideCredentials for IniProvider {
    fn provide(&self) -> CredentialsFuture<'_> {
        self.inner.provide(|| self.build_from_files())
    }
}
