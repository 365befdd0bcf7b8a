//! One parse of the two profile files, shared by the credentials and the region providers:
//! the aliyun CLI's `~/.aliyun/config.json` and the INI file `~/.alibabacloud/credentials`.
//!
//! A default file that does not exist is "not configured"; a file named by a variable that does
//! not exist, or a file that does not parse, is an error that names the file (never a value).

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use aliyun_runtime::credentials::{CredentialsError, CredentialsErrorKind};
use serde::Deserialize;

use crate::Environment;
use crate::env_vars::{ENV_CONFIG_FILE, ENV_CREDENTIALS_FILE, ENV_PROFILE};

/// The profile files as read once: each one parsed, absent, or broken.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ProfileFiles {
    /// The aliyun CLI's config file.
    pub cli: Result<CliConfig, CredentialsError>,
    /// The INI credentials file.
    pub ini: Result<IniFile, CredentialsError>,
    /// The profile asked for: explicit, else `ALIBABA_CLOUD_PROFILE`.
    pub selected: Option<String>,
}

impl ProfileFiles {
    /// Reads both files as `env` says (home directory, overrides, profile).
    pub fn load(env: &Environment, profile: Option<&str>) -> Self {
        let selected = profile.map(str::to_owned).or_else(|| env.var(ENV_PROFILE));
        Self {
            cli: locate(env, ENV_CONFIG_FILE, &[&[".aliyun", "config.json"]])
                .and_then(|location| CliConfig::parse(&location)),
            ini: locate(
                env,
                ENV_CREDENTIALS_FILE,
                &[
                    &[".alibabacloud", "credentials"],
                    &[".alibabacloud", "credentials.ini"],
                ],
            )
            .and_then(|location| IniFile::parse(&location)),
            selected,
        }
    }

    /// The CLI profile in use: the selected one, else the file's `current`.
    pub fn cli_profile(&self) -> Result<&CliProfile, CredentialsError> {
        let config = self.cli.as_ref().map_err(Clone::clone)?;
        let name = match (&self.selected, &config.current) {
            (Some(name), _) => name.as_str(),
            (None, Some(current)) if !current.is_empty() => current.as_str(),
            _ => {
                return Err(not_configured(
                    &config.origin,
                    "no profile selected (no ALIBABA_CLOUD_PROFILE, no `current`)",
                ));
            }
        };
        config.profile(name)
    }

    /// The region of the CLI profile in use (`region_id`), if any.
    pub fn region(&self) -> Result<Option<String>, CredentialsError> {
        match self.cli_profile() {
            Ok(profile) => Ok(profile.region_id.clone().filter(|r| !r.trim().is_empty())),
            Err(e) if e.is_not_configured() => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// The aliyun CLI's `config.json`.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct CliConfig {
    /// Where it was read, for messages.
    pub origin: String,
    /// The profile named `current`.
    pub current: Option<String>,
    /// Every profile.
    pub profiles: Vec<CliProfile>,
}

#[derive(Deserialize)]
struct RawCliConfig {
    #[serde(default)]
    current: Option<String>,
    #[serde(default)]
    profiles: Vec<CliProfile>,
}

impl CliConfig {
    fn parse(location: &Location) -> Result<Self, CredentialsError> {
        let origin = location.origin();
        let text = read(location)?;
        // Where the problem is, not serde's message: that can quote a value (a secret).
        let raw: RawCliConfig = serde_json::from_str(&text).map_err(|e| {
            invalid(
                &origin,
                format!(
                    "not a valid config file ({:?} error at line {}, column {})",
                    e.classify(),
                    e.line(),
                    e.column()
                ),
            )
        })?;
        Ok(Self {
            origin,
            current: raw.current,
            profiles: raw.profiles,
        })
    }

    /// The profile called `name`: not configured when the file has none of that name.
    pub fn profile(&self, name: &str) -> Result<&CliProfile, CredentialsError> {
        self.profiles
            .iter()
            .find(|p| p.name == name)
            .ok_or_else(|| {
                let names: Vec<&str> = self.profiles.iter().map(|p| p.name.as_str()).collect();
                not_configured(
                    &self.origin,
                    format!("no profile {name:?} (profiles: {})", names.join(", ")),
                )
            })
    }
}

/// One profile of `config.json`: every field the credential modes read
/// (credentials.md §4). Unknown fields are ignored. `Debug` shows the name and mode only.
#[derive(Clone, Default, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct CliProfile {
    /// The profile's name.
    pub name: String,
    /// `AK`, `StsToken`, `RamRoleArn`, `EcsRamRole`, `ChainableRamRoleArn`, `OIDC`,
    /// `CredentialsURI`, `External`, …
    pub mode: String,
    /// The AccessKey ID (AK, StsToken, RamRoleArn).
    pub access_key_id: Option<String>,
    /// The AccessKey secret.
    pub access_key_secret: Option<String>,
    /// The STS token (StsToken).
    pub sts_token: Option<String>,
    /// The role to assume (RamRoleArn, ChainableRamRoleArn, OIDC).
    pub ram_role_arn: Option<String>,
    /// The role session name.
    pub ram_session_name: Option<String>,
    /// The role session name as the Python library writes it in OIDC profiles.
    pub role_session_name: Option<String>,
    /// The session's duration in seconds (`DurationSeconds`; 0 or absent: 3600).
    pub expired_seconds: Option<i64>,
    /// A policy restricting the session.
    pub policy: Option<String>,
    /// The external ID the role's trust policy wants.
    pub external_id: Option<String>,
    /// The STS region (`sts.<region>.aliyuncs.com`).
    pub sts_region: Option<String>,
    /// Whether to call the STS VPC endpoint.
    pub enable_vpc: Option<bool>,
    /// An explicit STS endpoint: a bare host (HTTPS) or a URL.
    pub sts_endpoint: Option<String>,
    /// The ECS instance's role (EcsRamRole); discovered when absent.
    pub ram_role_name: Option<String>,
    /// The OIDC provider's ARN (OIDC).
    pub oidc_provider_arn: Option<String>,
    /// The file holding the OIDC token (OIDC).
    pub oidc_token_file: Option<String>,
    /// The profile whose credentials assume the role (ChainableRamRoleArn).
    pub source_profile: Option<String>,
    /// The URL that serves credentials (CredentialsURI).
    pub credentials_uri: Option<String>,
    /// The command that prints credentials (External). It may hold secrets in its arguments.
    pub process_command: Option<String>,
    /// The profile's default region.
    pub region_id: Option<String>,
}

impl fmt::Debug for CliProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CliProfile")
            .field("name", &self.name)
            .field("mode", &self.mode)
            .finish_non_exhaustive()
    }
}

/// The INI credentials file: sections of `key = value`.
#[derive(Clone)]
pub struct IniFile {
    /// Where it was read, for messages.
    pub origin: String,
    sections: BTreeMap<String, BTreeMap<String, String>>,
}

impl fmt::Debug for IniFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IniFile")
            .field("origin", &self.origin)
            .field("sections", &self.sections.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl IniFile {
    fn parse(location: &Location) -> Result<Self, CredentialsError> {
        let origin = location.origin();
        let text = read(location)?;
        let sections = parse_ini(&text).map_err(|message| invalid(&origin, message))?;
        Ok(Self { origin, sections })
    }

    /// The section called `name`, if the file has it.
    pub fn section(&self, name: &str) -> Option<&BTreeMap<String, String>> {
        self.sections.get(name)
    }
}

/// Parses `[section]` headers and `key = value` lines; `#` and `;` start comments (also after a
/// value, as the Python library strips them). Errors name the line, never its content.
fn parse_ini(text: &str) -> Result<BTreeMap<String, BTreeMap<String, String>>, String> {
    let mut sections: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let name = name.trim().to_owned();
            sections.entry(name.clone()).or_default();
            current = Some(name);
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(format!("line {}: expected `key = value`", i + 1));
        };
        let Some(section) = &current else {
            return Err(format!("line {}: a value before any [section]", i + 1));
        };
        let value = value
            .split_once(" #")
            .or_else(|| value.split_once(" ;"))
            .map_or(value, |(v, _)| v);
        sections
            .entry(section.clone())
            .or_default()
            .insert(key.trim().to_owned(), value.trim().to_owned());
    }
    Ok(sections)
}

/// A file to read: its path, and the variable that named it.
#[derive(Clone, Debug)]
struct Location {
    path: PathBuf,
    from_var: Option<&'static str>,
}

impl Location {
    fn origin(&self) -> String {
        match self.from_var {
            Some(var) => format!("{} (from {var})", self.path.display()),
            None => self.path.display().to_string(),
        }
    }
}

/// The file named by `var`, else the first of the default paths (under the home directory)
/// that exists, else the first default path.
fn locate(
    env: &Environment,
    var: &'static str,
    defaults: &[&[&str]],
) -> Result<Location, CredentialsError> {
    if let Some(path) = env.var(var) {
        return Ok(Location {
            path: PathBuf::from(path),
            from_var: Some(var),
        });
    }
    let first = defaults.first().map(|d| d.join("/")).unwrap_or_default();
    let Some(home) = env.home_dir() else {
        return Err(not_configured(
            &format!("~/{first}"),
            format!("home directory unknown and {var} not set"),
        ));
    };
    let paths: Vec<PathBuf> = defaults
        .iter()
        .map(|parts| parts.iter().fold(home.clone(), |p, part| p.join(part)))
        .collect();
    let path = paths
        .iter()
        .find(|p| p.is_file())
        .or(paths.first())
        .cloned()
        .unwrap_or(home);
    Ok(Location {
        path,
        from_var: None,
    })
}

fn read(location: &Location) -> Result<String, CredentialsError> {
    match std::fs::read_to_string(&location.path) {
        // A byte order mark (Windows editors write one) is not part of the text.
        Ok(text) => Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && location.from_var.is_none() => {
            Err(not_configured(&location.origin(), "not found"))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(invalid(&location.origin(), "not found"))
        }
        Err(e) => Err(CredentialsError::new(
            CredentialsErrorKind::Io,
            location.origin(),
            format!("cannot read: {e}"),
        )),
    }
}

pub(crate) fn not_configured(origin: &str, message: impl Into<String>) -> CredentialsError {
    CredentialsError::new(CredentialsErrorKind::NotConfigured, origin, message)
}

pub(crate) fn invalid(origin: &str, message: impl Into<String>) -> CredentialsError {
    CredentialsError::new(CredentialsErrorKind::Invalid, origin, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ini_sections_comments_and_errors() {
        let text = "# top\n[default]\ntype = access_key  # why\n; note\naccess_key_id=id\n\n[other]\nk = v ; x\n";
        let sections = parse_ini(text).unwrap();
        assert_eq!(sections["default"]["type"], "access_key");
        assert_eq!(sections["default"]["access_key_id"], "id");
        assert_eq!(sections["other"]["k"], "v");
        assert_eq!(
            parse_ini("k = v\n").unwrap_err(),
            "line 1: a value before any [section]"
        );
        assert_eq!(
            parse_ini("[a]\nsecret-without-equals\n").unwrap_err(),
            "line 2: expected `key = value`"
        );
    }
}
