//! Where credentials come from: the [`ProvideCredentials`] trait, the individual sources and the
//! [`DefaultCredentialsChain`].
//!
//! # Sources
//!
//! | provider | reads |
//! |---|---|
//! | a [`Credentials`] value itself | the key it holds |
//! | [`EnvironmentCredentials`] | `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, optional `ALIBABA_CLOUD_SECURITY_TOKEN` |
//! | [`CliProfileCredentials`] | the aliyun CLI's `~/.aliyun/config.json` (override `ALIBABA_CLOUD_CONFIG_FILE`), modes `AK` and `StsToken` |
//! | [`CredentialsFileCredentials`] | the INI file `~/.alibabacloud/credentials` (override `ALIBABA_CLOUD_CREDENTIALS_FILE`), `type = access_key` |
//!
//! [`DefaultCredentialsChain`] tries environment → CLI config → credentials file, in the official
//! order. A source that is simply absent (variable unset, default file missing, selected profile not
//! in the file) is skipped; a source that is present but broken (invalid JSON, a profile without a
//! secret, a mode this crate cannot handle, an override path that does not exist) stops the chain
//! with an error naming the file and the problem, rather than silently falling through to other
//! credentials. When nothing is found, the error lists every source tried and why it was skipped.
//!
//! Errors never contain secret values: they name variables, files, profiles and keys only.
//!
//! # The full chain lives in `aliyun-config`
//!
//! The `aliyun-config` crate has the official default chain with every provider (OIDC/RRSA,
//! every aliyun CLI profile mode including RamRoleArn and EcsRamRole, the INI file, the ECS
//! instance role, credentials URIs) behind a refreshing, single-flight cache; clients built with
//! `aliyun_iot::Client::from_env` use it. The providers here are what
//! [`Config::from_env`](crate::Config::from_env) still uses until it moves there; credentials
//! with an [`expiry`](Credentials::expiry) come only from `aliyun-config`.
//!
//! # Testing
//!
//! Every provider reads variables and the home directory through an [`Environment`] value:
//! [`Environment::process`] for the real process, [`Environment::from_vars`] /
//! [`Environment::empty`] with [`Environment::with_home`] for tests, so tests never need to touch
//! the real environment or home directory.

use std::collections::BTreeMap;
use std::fmt;
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::secret::Secret;

/// Environment variable holding the AccessKey id.
pub const ENV_ACCESS_KEY_ID: &str = "ALIBABA_CLOUD_ACCESS_KEY_ID";
/// Environment variable holding the AccessKey secret.
pub const ENV_ACCESS_KEY_SECRET: &str = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
/// Environment variable holding an optional STS security token.
pub const ENV_SECURITY_TOKEN: &str = "ALIBABA_CLOUD_SECURITY_TOKEN";
/// Environment variable selecting the profile (CLI config) or section (credentials file).
pub const ENV_PROFILE: &str = "ALIBABA_CLOUD_PROFILE";
/// Environment variable overriding the path of the aliyun CLI config file.
pub const ENV_CONFIG_FILE: &str = "ALIBABA_CLOUD_CONFIG_FILE";
/// Environment variable overriding the path of the INI credentials file.
pub const ENV_CREDENTIALS_FILE: &str = "ALIBABA_CLOUD_CREDENTIALS_FILE";

/// Default path of the aliyun CLI config, relative to the home directory.
const CLI_CONFIG_DEFAULT: &[&str] = &[".aliyun", "config.json"];
/// Default path of the INI credentials file, relative to the home directory.
const CREDENTIALS_FILE_DEFAULT: &[&str] = &[".alibabacloud", "credentials"];

/// OIDC (RRSA) variables: recognised only to report that OIDC is not supported yet.
const OIDC_VARS: [&str; 3] = [
    "ALIBABA_CLOUD_ROLE_ARN",
    "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
    "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
];

// ---------------------------------------------------------------------------------------------
// Credentials
// ---------------------------------------------------------------------------------------------

/// An AccessKey pair, optionally with an STS security token.
///
/// `Debug` shows the AccessKey id but prints the secret and the token as `<redacted>`.
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct Credentials {
    access_key_id: String,
    access_key_secret: Secret,
    security_token: Option<Secret>,
    expiry: Option<jiff::Timestamp>,
}

impl Credentials {
    /// Long-term credentials: an AccessKey id and its secret.
    pub fn new(access_key_id: impl Into<String>, access_key_secret: impl Into<Secret>) -> Self {
        Self {
            access_key_id: access_key_id.into(),
            access_key_secret: access_key_secret.into(),
            security_token: None,
            expiry: None,
        }
    }

    /// Temporary (STS) credentials: an AccessKey id, its secret and the security token.
    pub fn with_security_token(
        access_key_id: impl Into<String>,
        access_key_secret: impl Into<Secret>,
        security_token: impl Into<Secret>,
    ) -> Self {
        Self {
            access_key_id: access_key_id.into(),
            access_key_secret: access_key_secret.into(),
            security_token: Some(security_token.into()),
            expiry: None,
        }
    }

    /// The AccessKey id (not secret; it is sent in every request).
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// The AccessKey secret, used only to sign.
    pub fn access_key_secret(&self) -> &Secret {
        &self.access_key_secret
    }

    /// The STS security token, if these are temporary credentials.
    pub fn security_token(&self) -> Option<&Secret> {
        self.security_token.as_ref()
    }

    /// The same credentials, valid until `expiry` (temporary credentials from STS, the ECS
    /// metadata service or a credentials URI).
    pub fn with_expiry(mut self, expiry: jiff::Timestamp) -> Self {
        self.expiry = Some(expiry);
        self
    }

    /// When these credentials stop working; `None` for long-term keys.
    pub fn expiry(&self) -> Option<jiff::Timestamp> {
        self.expiry
    }
}

// ---------------------------------------------------------------------------------------------
// Provider trait
// ---------------------------------------------------------------------------------------------

/// The future returned by [`ProvideCredentials::provide`].
pub type CredentialsFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Credentials, CredentialsError>> + Send + 'a>>;

/// A source of credentials. Asynchronous so that providers which call a service (ECS metadata,
/// STS) can implement it; the file and environment providers here answer immediately.
pub trait ProvideCredentials: Send + Sync + fmt::Debug {
    /// Resolves credentials, or explains why none could be found.
    fn provide(&self) -> CredentialsFuture<'_>;
}

fn ready(result: Result<Credentials, CredentialsError>) -> CredentialsFuture<'static> {
    Box::pin(std::future::ready(result))
}

/// A `Credentials` value is itself a provider that always returns a copy of itself.
impl ProvideCredentials for Credentials {
    fn provide(&self) -> CredentialsFuture<'_> {
        ready(Ok(self.clone()))
    }
}

impl<T: ProvideCredentials + ?Sized> ProvideCredentials for Arc<T> {
    fn provide(&self) -> CredentialsFuture<'_> {
        (**self).provide()
    }
}

impl<T: ProvideCredentials + ?Sized> ProvideCredentials for Box<T> {
    fn provide(&self) -> CredentialsFuture<'_> {
        (**self).provide()
    }
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// What kind of failure a [`CredentialsError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialsErrorKind {
    /// The source is not configured: variables unset, default file absent, or the selected
    /// profile is not in the file. A chain moves on to its next source.
    NotConfigured,
    /// The source is configured but unusable: broken file, missing field, dangling `current`,
    /// an override path that does not exist.
    Invalid,
    /// The source asks for a mechanism not implemented yet (e.g. CLI mode `RamRoleArn`).
    Unsupported,
    /// The source could not be read (permissions and other I/O errors).
    Io,
    /// The service behind the source (STS, the ECS metadata service, a credentials URI)
    /// refused or could not be reached.
    Service,
}

/// Why credentials could not be resolved: where they were looked for and what was wrong.
///
/// `Display` reads `<origin>: <message>`, followed by `(tried: ...)` with each skipped source when
/// a chain found nothing. It never contains secret values.
#[derive(Clone, Debug)]
pub struct CredentialsError {
    kind: CredentialsErrorKind,
    origin: String,
    message: String,
    tried: Vec<CredentialsError>,
}

impl CredentialsError {
    /// A new error. `origin` names where credentials were looked for (`environment`, a file
    /// path); `message` says what was wrong there, without any secret value.
    pub fn new(
        kind: CredentialsErrorKind,
        origin: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            kind,
            origin: origin.into(),
            message: message.into(),
            tried: Vec::new(),
        }
    }

    fn not_configured(origin: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(CredentialsErrorKind::NotConfigured, origin, message)
    }

    fn invalid(origin: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(CredentialsErrorKind::Invalid, origin, message)
    }

    fn unsupported(origin: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(CredentialsErrorKind::Unsupported, origin, message)
    }

    /// The same error, listing the sources a chain tried before giving up.
    pub fn with_tried(mut self, tried: Vec<CredentialsError>) -> Self {
        self.tried = tried;
        self
    }

    /// The kind of failure.
    pub fn kind(&self) -> CredentialsErrorKind {
        self.kind
    }

    /// Where credentials were looked for: `environment`, a file path, or the chain's name.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// What was wrong there.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// For a chain that found nothing: each source tried, with why it was skipped.
    pub fn tried(&self) -> &[CredentialsError] {
        &self.tried
    }

    /// True when the source was simply not configured (a chain would move on).
    pub fn is_not_configured(&self) -> bool {
        self.kind == CredentialsErrorKind::NotConfigured
    }
}

impl fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)?;
        if !self.tried.is_empty() {
            f.write_str(" (tried: ")?;
            for (i, e) in self.tried.iter().enumerate() {
                if i > 0 {
                    f.write_str("; ")?;
                }
                write!(f, "{e}")?;
            }
            f.write_str(")")?;
        }
        Ok(())
    }
}

impl std::error::Error for CredentialsError {}

// ---------------------------------------------------------------------------------------------
// Environment
// ---------------------------------------------------------------------------------------------

/// The variables and home directory providers read: the real process ([`Environment::process`])
/// or a fixed set for tests ([`Environment::from_vars`]).
///
/// A variable whose value is empty (or only whitespace) counts as unset. The home directory is the
/// one given to [`Environment::with_home`], else `HOME`, else `USERPROFILE` as seen through this
/// environment. `Debug` shows variable names, never values.
#[derive(Clone)]
pub struct Environment {
    process: bool,
    vars: BTreeMap<String, String>,
    home: Option<PathBuf>,
}

impl Environment {
    /// The real process environment (variables read at each lookup).
    pub fn process() -> Self {
        Self {
            process: true,
            vars: BTreeMap::new(),
            home: None,
        }
    }

    /// An environment with no variables and no home directory.
    pub fn empty() -> Self {
        Self {
            process: false,
            vars: BTreeMap::new(),
            home: None,
        }
    }

    /// An environment holding exactly these variables (and nothing from the process).
    pub fn from_vars<I, K, V>(vars: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        Self {
            process: false,
            vars: vars
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
            home: None,
        }
    }

    /// Sets a variable; on [`Environment::process`] it shadows the real one (an empty value
    /// hides it).
    pub fn with_var(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.vars.insert(name.into(), value.into());
        self
    }

    /// Uses this directory as the home directory.
    pub fn with_home(mut self, home: impl Into<PathBuf>) -> Self {
        self.home = Some(home.into());
        self
    }

    /// A variable's value; `None` when unset, empty, only whitespace or (process) not Unicode.
    pub fn var(&self, name: &str) -> Option<String> {
        let value = match self.vars.get(name) {
            Some(v) => Some(v.clone()),
            None if self.process => std::env::var(name).ok(),
            None => None,
        };
        value.filter(|v| !v.trim().is_empty())
    }

    /// The home directory, if known.
    pub fn home_dir(&self) -> Option<PathBuf> {
        self.home
            .clone()
            .or_else(|| self.var("HOME").map(PathBuf::from))
            .or_else(|| self.var("USERPROFILE").map(PathBuf::from))
    }
}

impl fmt::Debug for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Environment")
            .field("process", &self.process)
            .field("vars", &self.vars.keys().collect::<Vec<_>>())
            .field("home", &self.home)
            .finish()
    }
}

// ---------------------------------------------------------------------------------------------
// Provider boilerplate
// ---------------------------------------------------------------------------------------------

/// Declares a provider struct holding an [`Environment`] (and, when it lists
/// `profile: Option<String>`, an explicit profile name), with `new` (documented by the doc comment
/// before `fn new;`), `with_environment`, `with_profile` (when there is a profile, documented by
/// the doc comment before `fn with_profile;`), `Default`, and a [`ProvideCredentials`] impl that
/// answers with the provider's own `load()`, which the provider writes itself.
macro_rules! provider {
    (
        $(#[$attr:meta])*
        pub struct $name:ident {
            env: Environment,
            $($profile:ident: Option<String>,)?
        }
        $(#[$new_doc:meta])*
        fn new;
        $(
            $(#[$profile_doc:meta])*
            fn with_profile;
        )?
    ) => {
        $(#[$attr])*
        #[derive(Clone, Debug)]
        pub struct $name {
            env: Environment,
            $($profile: Option<String>,)?
        }

        impl $name {
            $(#[$new_doc])*
            pub fn new() -> Self {
                Self::with_environment(Environment::process())
            }

            /// Reads the given environment.
            pub fn with_environment(env: Environment) -> Self {
                Self {
                    env,
                    $($profile: None,)?
                }
            }

            $(
                $(#[$profile_doc])*
                pub fn with_profile(mut self, name: impl Into<String>) -> Self {
                    self.$profile = Some(name.into());
                    self
                }
            )?
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl ProvideCredentials for $name {
            fn provide(&self) -> CredentialsFuture<'_> {
                ready(self.load())
            }
        }
    };
}

// ---------------------------------------------------------------------------------------------
// Environment variables provider
// ---------------------------------------------------------------------------------------------

provider! {
    /// Credentials from `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and the
    /// optional `ALIBABA_CLOUD_SECURITY_TOKEN`.
    ///
    /// Neither id nor secret set: not configured. Only one of them set: invalid.
    pub struct EnvironmentCredentials {
        env: Environment,
    }
    /// Reads the process environment.
    fn new;
}

impl EnvironmentCredentials {
    /// Resolves credentials now.
    pub fn load(&self) -> Result<Credentials, CredentialsError> {
        const ORIGIN: &str = "environment";
        let id = self.env.var(ENV_ACCESS_KEY_ID);
        let secret = self.env.var(ENV_ACCESS_KEY_SECRET);
        match (id, secret) {
            (None, None) => Err(CredentialsError::not_configured(
                ORIGIN,
                format!("{ENV_ACCESS_KEY_ID} not set"),
            )),
            (Some(_), None) => Err(CredentialsError::invalid(
                ORIGIN,
                format!("{ENV_ACCESS_KEY_ID} is set but {ENV_ACCESS_KEY_SECRET} is not"),
            )),
            (None, Some(_)) => Err(CredentialsError::invalid(
                ORIGIN,
                format!("{ENV_ACCESS_KEY_SECRET} is set but {ENV_ACCESS_KEY_ID} is not"),
            )),
            (Some(id), Some(secret)) => Ok(match self.env.var(ENV_SECURITY_TOKEN) {
                Some(token) => Credentials::with_security_token(id, secret, token),
                None => Credentials::new(id, secret),
            }),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Shared file helpers
// ---------------------------------------------------------------------------------------------

/// A file to read: its path, and the variable that named it when overridden.
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

fn locate(
    env: &Environment,
    override_var: &'static str,
    default_rel: &[&str],
) -> Result<Location, CredentialsError> {
    if let Some(path) = env.var(override_var) {
        return Ok(Location {
            path: PathBuf::from(path),
            from_var: Some(override_var),
        });
    }
    match env.home_dir() {
        Some(home) => Ok(Location {
            path: default_rel.iter().fold(home, |p, part| p.join(part)),
            from_var: None,
        }),
        None => Err(CredentialsError::not_configured(
            format!("~/{}", default_rel.join("/")),
            format!("home directory unknown (HOME not set) and {override_var} not set"),
        )),
    }
}

fn default_path(env: &Environment, override_var: &'static str, rel: &[&str]) -> Option<PathBuf> {
    locate(env, override_var, rel).ok().map(|l| l.path)
}

/// Reads a file: a missing default file is "not configured"; a missing override is invalid.
fn read_source(location: &Location) -> Result<String, CredentialsError> {
    match std::fs::read_to_string(&location.path) {
        Ok(text) => Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if location.from_var.is_some() {
                Err(CredentialsError::invalid(location.origin(), "not found"))
            } else {
                Err(CredentialsError::not_configured(
                    location.origin(),
                    "not found",
                ))
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => Err(CredentialsError::invalid(
            location.origin(),
            "not valid UTF-8",
        )),
        Err(e) => Err(CredentialsError::new(
            CredentialsErrorKind::Io,
            location.origin(),
            format!("cannot read: {e}"),
        )),
    }
}

/// How a profile (or INI section) name was chosen, for error messages.
#[derive(Clone, Copy)]
enum Selection {
    Explicit,
    EnvVar,
    Current,
    Default,
}

impl Selection {
    fn describe(self) -> &'static str {
        match self {
            Selection::Explicit => "",
            Selection::EnvVar => " (from ALIBABA_CLOUD_PROFILE)",
            Selection::Current => " (named by `current`)",
            Selection::Default => "",
        }
    }
}

/// Chooses the profile (or INI section) name: the explicit one, else `ALIBABA_CLOUD_PROFILE`,
/// else the file's `current` (the CLI config has one, the INI file does not), else `default`.
fn select_profile(
    explicit: Option<&str>,
    env: &Environment,
    current: Option<String>,
) -> (String, Selection) {
    if let Some(name) = explicit {
        (name.to_owned(), Selection::Explicit)
    } else if let Some(name) = env.var(ENV_PROFILE) {
        (name, Selection::EnvVar)
    } else if let Some(name) = current {
        (name, Selection::Current)
    } else {
        ("default".to_owned(), Selection::Default)
    }
}

fn available<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.collect();
    if names.is_empty() {
        "none in the file".to_owned()
    } else {
        format!("available: {}", names.join(", "))
    }
}

// ---------------------------------------------------------------------------------------------
// aliyun CLI config (~/.aliyun/config.json)
// ---------------------------------------------------------------------------------------------

provider! {
    /// Credentials from a profile of the aliyun CLI's `~/.aliyun/config.json` (path overridden by
    /// `ALIBABA_CLOUD_CONFIG_FILE`).
    ///
    /// The profile is the one given to [`CliProfileCredentials::with_profile`], else
    /// `ALIBABA_CLOUD_PROFILE`, else the file's `current`, else `default`. Modes `AK`
    /// (`access_key_id`, `access_key_secret`; also assumed when `mode` is absent) and `StsToken`
    /// (plus `sts_token`) are supported; other modes give a "not supported yet" error.
    pub struct CliProfileCredentials {
        env: Environment,
        profile: Option<String>,
    }
    /// Reads the process environment and the real home directory.
    fn new;
    /// Uses this profile, whatever `ALIBABA_CLOUD_PROFILE` and `current` say.
    fn with_profile;
}

/// The selected profile of a parsed CLI config.
struct CliProfile {
    origin: String,
    name: String,
    fields: Map<String, Value>,
}

impl CliProfileCredentials {
    /// The file that would be read, if it can be determined.
    pub fn config_path(&self) -> Option<PathBuf> {
        default_path(&self.env, ENV_CONFIG_FILE, CLI_CONFIG_DEFAULT)
    }

    /// Resolves credentials now.
    pub fn load(&self) -> Result<Credentials, CredentialsError> {
        let profile = self.select()?;
        profile.credentials()
    }

    /// The selected profile's `region_id`, for use as a default region. `Ok(None)` when the file
    /// or the profile is absent or has no region; `Err` when the file is broken.
    pub fn region_id(&self) -> Result<Option<String>, CredentialsError> {
        let profile = match self.select() {
            Ok(p) => p,
            Err(e) if e.is_not_configured() => return Ok(None),
            Err(e) => return Err(e),
        };
        profile
            .string("region_id")
            .map(|r| r.map(str::to_owned))
            .map_err(|m| CredentialsError::invalid(profile.origin.clone(), m))
    }

    fn select(&self) -> Result<CliProfile, CredentialsError> {
        let location = locate(&self.env, ENV_CONFIG_FILE, CLI_CONFIG_DEFAULT)?;
        let text = read_source(&location)?;
        let origin = location.origin();
        let invalid = |m: String| CredentialsError::invalid(origin.clone(), m);

        let root: Value = serde_json::from_str(&text).map_err(|e| {
            let full = e.to_string();
            let reason = full
                .rsplit_once(" at line ")
                .map_or(full.as_str(), |(r, _)| r);
            invalid(format!(
                "invalid JSON at line {}, column {}: {reason}",
                e.line(),
                e.column()
            ))
        })?;
        let Value::Object(mut root) = root else {
            return Err(invalid(
                "expected a JSON object at the top level".to_owned(),
            ));
        };
        let current = match root.get("current") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => return Err(invalid("`current` must be a string".to_owned())),
        };
        let profiles = match root.remove("profiles") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(a)) => a,
            Some(_) => return Err(invalid("`profiles` must be an array".to_owned())),
        };
        let mut named = Vec::with_capacity(profiles.len());
        for (i, p) in profiles.into_iter().enumerate() {
            let Value::Object(fields) = p else {
                return Err(invalid(format!("profiles[{i}] is not an object")));
            };
            let name = match fields.get("name") {
                Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
                _ => return Err(invalid(format!("profiles[{i}] has no `name`"))),
            };
            named.push((name, fields));
        }

        let (wanted, how) = select_profile(self.profile.as_deref(), &self.env, current);

        let Some(index) = named.iter().position(|(n, _)| *n == wanted) else {
            let list = available(named.iter().map(|(n, _)| n.as_str()));
            let message = match how {
                Selection::Default => {
                    format!("no `current` profile set and no profile named `default` ({list})")
                }
                _ => format!("profile `{wanted}`{} not found ({list})", how.describe()),
            };
            // A dangling `current` is a broken file; a requested profile that is absent simply
            // means this file does not configure it.
            return Err(match how {
                Selection::Current => invalid(message),
                _ => CredentialsError::not_configured(origin.clone(), message),
            });
        };
        let (name, fields) = named.swap_remove(index);
        Ok(CliProfile {
            origin,
            name,
            fields,
        })
    }
}

impl CliProfile {
    /// A string field; absent, null or blank is `None`; any other type is an error (whose
    /// message never includes the value).
    fn string(&self, key: &str) -> Result<Option<&str>, String> {
        match self.fields.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(format!("profile `{}`: `{key}` must be a string", self.name)),
        }
    }

    fn required(&self, key: &str, mode: &str) -> Result<&str, CredentialsError> {
        match self.string(key) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(CredentialsError::invalid(
                self.origin.clone(),
                format!("profile `{}` (mode {mode}): missing {key}", self.name),
            )),
            Err(m) => Err(CredentialsError::invalid(self.origin.clone(), m)),
        }
    }

    fn credentials(&self) -> Result<Credentials, CredentialsError> {
        let mode = self
            .string("mode")
            .map_err(|m| CredentialsError::invalid(self.origin.clone(), m))?
            .unwrap_or("AK");
        match mode {
            "AK" => Ok(Credentials::new(
                self.required("access_key_id", mode)?,
                self.required("access_key_secret", mode)?,
            )),
            "StsToken" => Ok(Credentials::with_security_token(
                self.required("access_key_id", mode)?,
                self.required("access_key_secret", mode)?,
                self.required("sts_token", mode)?,
            )),
            other => Err(CredentialsError::unsupported(
                self.origin.clone(),
                format!(
                    "profile `{}`: mode {other} is not supported yet (supported: AK, StsToken)",
                    self.name
                ),
            )),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// INI credentials file (~/.alibabacloud/credentials)
// ---------------------------------------------------------------------------------------------

provider! {
    /// Credentials from a section of the INI file `~/.alibabacloud/credentials` (path overridden
    /// by `ALIBABA_CLOUD_CREDENTIALS_FILE`).
    ///
    /// The section is the one given to [`CredentialsFileCredentials::with_profile`], else
    /// `ALIBABA_CLOUD_PROFILE`, else `default`. Only `type = access_key` (with `access_key_id` and
    /// `access_key_secret`) is supported; other types give a "not supported yet" error.
    ///
    /// The INI dialect: `[section]` headers, `key = value` lines, whole-line comments starting
    /// with `#` or `;`, inline comments after whitespace (` # ...`, ` ; ...`), optional `"` or `'`
    /// quotes around values.
    pub struct CredentialsFileCredentials {
        env: Environment,
        profile: Option<String>,
    }
    /// Reads the process environment and the real home directory.
    fn new;
    /// Uses this section, whatever `ALIBABA_CLOUD_PROFILE` says.
    fn with_profile;
}

impl CredentialsFileCredentials {
    /// The file that would be read, if it can be determined.
    pub fn credentials_path(&self) -> Option<PathBuf> {
        default_path(&self.env, ENV_CREDENTIALS_FILE, CREDENTIALS_FILE_DEFAULT)
    }

    /// Resolves credentials now.
    pub fn load(&self) -> Result<Credentials, CredentialsError> {
        let location = locate(&self.env, ENV_CREDENTIALS_FILE, CREDENTIALS_FILE_DEFAULT)?;
        let text = read_source(&location)?;
        let origin = location.origin();
        let sections = parse_ini(&text).map_err(|m| CredentialsError::invalid(&origin, m))?;

        let (wanted, how) = select_profile(self.profile.as_deref(), &self.env, None);
        let Some(section) = sections.iter().find(|s| s.name == wanted) else {
            return Err(CredentialsError::not_configured(
                origin,
                format!(
                    "section `{wanted}`{} not found ({})",
                    how.describe(),
                    available(sections.iter().map(|s| s.name.as_str()))
                ),
            ));
        };

        let Some(kind) = section.get("type") else {
            return Err(CredentialsError::invalid(
                origin,
                format!("section `{wanted}`: missing `type` (expected `type = access_key`)"),
            ));
        };
        match kind {
            "access_key" => {
                let field = |key: &str| {
                    section.get(key).ok_or_else(|| {
                        CredentialsError::invalid(
                            &origin,
                            format!("section `{wanted}` (type access_key): missing {key}"),
                        )
                    })
                };
                Ok(Credentials::new(
                    field("access_key_id")?,
                    field("access_key_secret")?,
                ))
            }
            other => Err(CredentialsError::unsupported(
                origin,
                format!(
                    "section `{wanted}`: type {other} is not supported yet (supported: access_key)"
                ),
            )),
        }
    }
}

/// One `[section]` of an INI file; repeated sections are merged.
struct IniSection {
    name: String,
    entries: Vec<(String, String)>,
}

impl IniSection {
    /// The last value of `key`, if not blank.
    fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.trim().is_empty())
    }
}

/// Parses the INI dialect described on [`CredentialsFileCredentials`]. Errors name the line
/// number and never echo the line (it may hold a secret).
fn parse_ini(text: &str) -> Result<Vec<IniSection>, String> {
    let mut sections: Vec<IniSection> = Vec::new();
    let mut current: Option<usize> = None;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let Some(name) = strip_inline_comment(rest).trim_end().strip_suffix(']') else {
                return Err(format!("line {n}: section header without closing `]`"));
            };
            let name = name.trim();
            if name.is_empty() {
                return Err(format!("line {n}: empty section name"));
            }
            current = Some(match sections.iter().position(|s| s.name == name) {
                Some(index) => index,
                None => {
                    sections.push(IniSection {
                        name: name.to_owned(),
                        entries: Vec::new(),
                    });
                    sections.len() - 1
                }
            });
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(format!(
                "line {n}: expected `key = value`, a `[section]` header or a comment"
            ));
        };
        let key = key.trim();
        if key.is_empty() {
            return Err(format!("line {n}: missing key before `=`"));
        }
        let Some(index) = current else {
            return Err(format!("line {n}: `{key}` appears before any [section]"));
        };
        sections[index]
            .entries
            .push((key.to_owned(), ini_value(value).to_owned()));
    }
    Ok(sections)
}

/// A value: quoted (`"..."`, `'...'`, taken verbatim) or bare (inline comment removed).
fn ini_value(raw: &str) -> &str {
    let raw = raw.trim();
    for quote in ['"', '\''] {
        if let Some(rest) = raw.strip_prefix(quote)
            && let Some(end) = rest.find(quote)
        {
            return &rest[..end];
        }
    }
    strip_inline_comment(raw).trim_end()
}

/// Cuts at the first `#` or `;` that follows whitespace.
fn strip_inline_comment(s: &str) -> &str {
    let mut previous_is_space = false;
    for (i, c) in s.char_indices() {
        if (c == '#' || c == ';') && previous_is_space {
            return &s[..i];
        }
        previous_is_space = c.is_whitespace();
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Default chain
// ---------------------------------------------------------------------------------------------

provider! {
    /// The official lookup order, as far as implemented: environment variables, then the aliyun
    /// CLI config, then the INI credentials file.
    ///
    /// A source that is not configured is skipped; the first one that yields credentials wins; a
    /// source that is configured but broken or unsupported stops the chain with its error. When
    /// no source is configured the error lists each source tried and why it was skipped. If OIDC
    /// (RRSA) variables are set, a warning is logged and they are noted as skipped (not supported
    /// yet).
    ///
    /// With an explicit profile ([`DefaultCredentialsChain::with_profile`]) the environment
    /// variables are not used: the profile is looked up in the CLI config, then in the
    /// credentials file.
    ///
    /// Files are read on every call; nothing is cached.
    pub struct DefaultCredentialsChain {
        env: Environment,
        profile: Option<String>,
    }
    /// Reads the process environment and the real home directory.
    fn new;
    /// Requests this profile (CLI config) / section (credentials file) explicitly.
    fn with_profile;
}

impl DefaultCredentialsChain {
    /// Resolves credentials now.
    pub fn load(&self) -> Result<Credentials, CredentialsError> {
        let mut tried = Vec::new();

        if let Some(name) = &self.profile {
            tried.push(CredentialsError::not_configured(
                "environment",
                format!("not used because profile `{name}` was requested explicitly"),
            ));
        } else if let Some(found) = step(
            "environment",
            EnvironmentCredentials::with_environment(self.env.clone()).load(),
            &mut tried,
        )? {
            return Ok(found);
        }

        let oidc: Vec<&str> = OIDC_VARS
            .iter()
            .copied()
            .filter(|v| self.env.var(v).is_some())
            .collect();
        if !oidc.is_empty() {
            let note = CredentialsError::unsupported(
                "environment",
                format!(
                    "{} set, but OIDC (RRSA) credentials are not supported yet; skipped",
                    oidc.join(", ")
                ),
            );
            tracing::warn!(note = %note, "credentials source skipped");
            tried.push(note);
        }

        let mut cli = CliProfileCredentials::with_environment(self.env.clone());
        let mut file = CredentialsFileCredentials::with_environment(self.env.clone());
        if let Some(name) = &self.profile {
            cli = cli.with_profile(name.clone());
            file = file.with_profile(name.clone());
        }
        if let Some(found) = step("aliyun CLI config", cli.load(), &mut tried)? {
            return Ok(found);
        }
        if let Some(found) = step("credentials file", file.load(), &mut tried)? {
            return Ok(found);
        }

        let mut error =
            CredentialsError::not_configured("default credentials chain", "no credentials found");
        error.tried = tried;
        Err(error)
    }
}

/// One chain step: `Ok(Some)` found, `Ok(None)` skipped (recorded in `tried`), `Err` stop.
fn step(
    source: &str,
    result: Result<Credentials, CredentialsError>,
    tried: &mut Vec<CredentialsError>,
) -> Result<Option<Credentials>, CredentialsError> {
    match result {
        Ok(credentials) => {
            tracing::debug!(source, "credentials loaded");
            Ok(Some(credentials))
        }
        Err(e) if e.is_not_configured() => {
            tracing::debug!(source, reason = %e, "credentials source skipped");
            tried.push(e);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_support::TempDir;

    const SECRET: &str = "s3cr3t-VALUE-do-not-leak";
    const TOKEN: &str = "t0ken-VALUE-do-not-leak";

    /// A temporary directory as a home: the files the providers read in it, and an environment
    /// pointing at it.
    trait HomeExt {
        fn cli_config(&self, contents: &str) -> PathBuf;
        fn ini(&self, contents: &str) -> PathBuf;
        fn env(&self) -> Environment;
    }

    impl HomeExt for TempDir {
        fn cli_config(&self, contents: &str) -> PathBuf {
            self.write(".aliyun/config.json", contents)
        }

        fn ini(&self, contents: &str) -> PathBuf {
            self.write(".alibabacloud/credentials", contents)
        }

        fn env(&self) -> Environment {
            Environment::empty().with_home(self.path())
        }
    }

    fn assert_no_secret(text: &str) {
        assert!(!text.contains(SECRET), "secret leaked: {text}");
        assert!(!text.contains(TOKEN), "token leaked: {text}");
    }

    fn cli_json() -> String {
        format!(
            r#"{{
  "current": "main",
  "profiles": [
    {{"name": "main", "mode": "AK", "access_key_id": "id-main", "access_key_secret": "{SECRET}", "region_id": "cn-shanghai"}},
    {{"name": "sts", "mode": "StsToken", "access_key_id": "id-sts", "access_key_secret": "{SECRET}", "sts_token": "{TOKEN}", "region_id": ""}},
    {{"name": "other", "mode": "AK", "access_key_id": "id-other", "access_key_secret": "{SECRET}"}},
    {{"name": "role", "mode": "RamRoleArn", "access_key_id": "x", "access_key_secret": "{SECRET}", "ram_role_arn": "acs:ram::1:role/r"}},
    {{"name": "ecs", "mode": "EcsRamRole", "ram_role_name": "r", "region_id": "cn-beijing"}}
  ],
  "meta_path": ""
}}"#
        )
    }

    fn ini_text() -> String {
        format!(
            "# comment\n; another\n[default]\ntype = access_key\naccess_key_id = id-default\naccess_key_secret = {SECRET}\n\n[other]\ntype=access_key\naccess_key_id=id-other ; trailing comment\naccess_key_secret = \"{SECRET}\"\n\n[ecs]\ntype = ecs_ram_role\nrole_name = r\n"
        )
    }

    // ---- Credentials and Debug ------------------------------------------------------------

    #[test]
    fn credentials_accessors() {
        let c = Credentials::new("id", SECRET);
        assert_eq!(c.access_key_id(), "id");
        assert_eq!(c.access_key_secret().expose(), SECRET);
        assert!(c.security_token().is_none());
        let s = Credentials::with_security_token("id", SECRET, TOKEN);
        assert_eq!(s.security_token().map(Secret::expose), Some(TOKEN));
    }

    #[test]
    fn credentials_debug_redacts_secret_and_token() {
        let c = Credentials::with_security_token("LTAI-visible-id", SECRET, TOKEN);
        let debug = format!("{c:?}");
        assert!(debug.contains("LTAI-visible-id"), "{debug}");
        assert!(debug.contains("<redacted>"), "{debug}");
        assert_no_secret(&debug);
        assert_no_secret(&format!("{c:#?}"));
    }

    #[test]
    fn credentials_provider_debug_never_shows_values() {
        let home = TempDir::new();
        let env = home
            .env()
            .with_var(ENV_ACCESS_KEY_ID, "id")
            .with_var(ENV_ACCESS_KEY_SECRET, SECRET)
            .with_var(ENV_SECURITY_TOKEN, TOKEN);
        let providers: Vec<Box<dyn ProvideCredentials>> = vec![
            Box::new(EnvironmentCredentials::with_environment(env.clone())),
            Box::new(CliProfileCredentials::with_environment(env.clone()).with_profile("p")),
            Box::new(CredentialsFileCredentials::with_environment(env.clone())),
            Box::new(DefaultCredentialsChain::with_environment(env.clone())),
        ];
        for p in &providers {
            let debug = format!("{p:?}");
            assert_no_secret(&debug);
            assert!(debug.contains(ENV_ACCESS_KEY_SECRET), "{debug}");
        }
        assert_no_secret(&format!("{env:?}"));
    }

    #[tokio::test]
    async fn credentials_static_and_dyn_providers() {
        let c = Credentials::new("id", SECRET);
        assert_eq!(c.provide().await.unwrap(), c);
        let p: Arc<dyn ProvideCredentials> = Arc::new(c.clone());
        assert_eq!(p.provide().await.unwrap(), c);
        let home = TempDir::new();
        let env = home
            .env()
            .with_var(ENV_ACCESS_KEY_ID, "id")
            .with_var(ENV_ACCESS_KEY_SECRET, SECRET);
        let chain: Box<dyn ProvideCredentials> =
            Box::new(DefaultCredentialsChain::with_environment(env));
        assert_eq!(chain.provide().await.unwrap(), c);
    }

    // ---- Environment ----------------------------------------------------------------------

    #[test]
    fn credentials_environment_empty_counts_as_unset() {
        let env = Environment::from_vars([("A", ""), ("B", "  "), ("C", "x")]);
        assert_eq!(env.var("A"), None);
        assert_eq!(env.var("B"), None);
        assert_eq!(env.var("C").as_deref(), Some("x"));
        assert_eq!(env.var("D"), None);
        assert_eq!(env.home_dir(), None);
        let env = env.with_var("HOME", "/h");
        assert_eq!(env.home_dir(), Some(PathBuf::from("/h")));
        let env = env.with_home("/explicit");
        assert_eq!(env.home_dir(), Some(PathBuf::from("/explicit")));
    }

    #[test]
    fn credentials_environment_overlay_hides_process_var() {
        // PATH is set in any test process; an empty overlay hides it.
        let env = Environment::process().with_var("PATH", "");
        assert_eq!(env.var("PATH"), None);
    }

    #[test]
    fn credentials_env_happy_path() {
        let env =
            Environment::from_vars([(ENV_ACCESS_KEY_ID, "id"), (ENV_ACCESS_KEY_SECRET, SECRET)]);
        let c = EnvironmentCredentials::with_environment(env)
            .load()
            .unwrap();
        assert_eq!(c, Credentials::new("id", SECRET));
    }

    #[test]
    fn credentials_env_sts() {
        let env = Environment::from_vars([
            (ENV_ACCESS_KEY_ID, "id"),
            (ENV_ACCESS_KEY_SECRET, SECRET),
            (ENV_SECURITY_TOKEN, TOKEN),
        ]);
        let c = EnvironmentCredentials::with_environment(env)
            .load()
            .unwrap();
        assert_eq!(c, Credentials::with_security_token("id", SECRET, TOKEN));
    }

    #[test]
    fn credentials_env_empty_token_is_unset() {
        let env = Environment::from_vars([
            (ENV_ACCESS_KEY_ID, "id"),
            (ENV_ACCESS_KEY_SECRET, SECRET),
            (ENV_SECURITY_TOKEN, ""),
        ]);
        let c = EnvironmentCredentials::with_environment(env)
            .load()
            .unwrap();
        assert!(c.security_token().is_none());
    }

    #[test]
    fn credentials_env_missing_and_partial() {
        let e = EnvironmentCredentials::with_environment(Environment::from_vars([
            (ENV_ACCESS_KEY_ID, ""),
            (ENV_ACCESS_KEY_SECRET, ""),
        ]))
        .load()
        .unwrap_err();
        assert_eq!(e.kind(), CredentialsErrorKind::NotConfigured);
        assert_eq!(
            e.to_string(),
            "environment: ALIBABA_CLOUD_ACCESS_KEY_ID not set"
        );

        let e = EnvironmentCredentials::with_environment(Environment::from_vars([(
            ENV_ACCESS_KEY_ID,
            "id",
        )]))
        .load()
        .unwrap_err();
        assert_eq!(e.kind(), CredentialsErrorKind::Invalid);
        assert_eq!(
            e.to_string(),
            "environment: ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not"
        );

        let e = EnvironmentCredentials::with_environment(Environment::from_vars([(
            ENV_ACCESS_KEY_SECRET,
            SECRET,
        )]))
        .load()
        .unwrap_err();
        assert_eq!(e.kind(), CredentialsErrorKind::Invalid);
        assert_no_secret(&e.to_string());
        assert_no_secret(&format!("{e:?}"));
    }

    // ---- aliyun CLI config ----------------------------------------------------------------

    #[test]
    fn credentials_cli_ak_happy_path_and_region() {
        let home = TempDir::new();
        home.cli_config(&cli_json());
        let p = CliProfileCredentials::with_environment(home.env());
        assert_eq!(p.load().unwrap(), Credentials::new("id-main", SECRET));
        assert_eq!(p.region_id().unwrap().as_deref(), Some("cn-shanghai"));
        assert_eq!(
            p.config_path(),
            Some(home.path().join(".aliyun").join("config.json"))
        );
    }

    #[test]
    fn credentials_cli_sts_mode() {
        let home = TempDir::new();
        home.cli_config(&cli_json());
        let p = CliProfileCredentials::with_environment(home.env()).with_profile("sts");
        assert_eq!(
            p.load().unwrap(),
            Credentials::with_security_token("id-sts", SECRET, TOKEN)
        );
        // An empty region_id counts as absent.
        assert_eq!(p.region_id().unwrap(), None);
    }

    #[test]
    fn credentials_cli_profile_precedence() {
        let home = TempDir::new();
        home.cli_config(&cli_json());
        // `current` when nothing else says otherwise.
        let id = |p: CliProfileCredentials| p.load().unwrap().access_key_id().to_owned();
        assert_eq!(
            id(CliProfileCredentials::with_environment(home.env())),
            "id-main"
        );
        // ALIBABA_CLOUD_PROFILE beats `current`.
        let env = home.env().with_var(ENV_PROFILE, "other");
        assert_eq!(
            id(CliProfileCredentials::with_environment(env.clone())),
            "id-other"
        );
        // An explicit name beats ALIBABA_CLOUD_PROFILE.
        assert_eq!(
            id(CliProfileCredentials::with_environment(env).with_profile("sts")),
            "id-sts"
        );
    }

    #[test]
    fn credentials_cli_no_current_falls_back_to_default() {
        let home = TempDir::new();
        home.cli_config(&format!(
            r#"{{"profiles":[{{"name":"default","access_key_id":"id-d","access_key_secret":"{SECRET}"}}]}}"#
        ));
        let c = CliProfileCredentials::with_environment(home.env())
            .load()
            .unwrap();
        assert_eq!(c, Credentials::new("id-d", SECRET));

        home.cli_config(r#"{"current":"","profiles":[{"name":"a"},{"name":"b"}]}"#);
        let e = CliProfileCredentials::with_environment(home.env())
            .load()
            .unwrap_err();
        assert!(e.is_not_configured());
        assert!(
            e.to_string().ends_with(
                "config.json: no `current` profile set and no profile named `default` (available: a, b)"
            ),
            "{e}"
        );
    }

    #[test]
    fn credentials_cli_missing_default_file_is_not_configured() {
        let home = TempDir::new();
        let p = CliProfileCredentials::with_environment(home.env());
        let e = p.load().unwrap_err();
        assert!(e.is_not_configured());
        let path = home.path().join(".aliyun").join("config.json");
        assert_eq!(e.to_string(), format!("{}: not found", path.display()));
        assert_eq!(p.region_id().unwrap(), None);
    }

    #[test]
    fn credentials_cli_override_path() {
        let home = TempDir::new();
        let path = home.write("elsewhere/cli.json", cli_json());
        let env = home.env().with_var(ENV_CONFIG_FILE, path.to_string_lossy());
        let p = CliProfileCredentials::with_environment(env);
        assert_eq!(p.config_path(), Some(path));
        assert_eq!(p.load().unwrap().access_key_id(), "id-main");
    }

    #[test]
    fn credentials_cli_missing_override_is_an_error() {
        let home = TempDir::new();
        home.cli_config(&cli_json()); // must not be used instead
        let missing = home.path().join("nope.json");
        let env = home
            .env()
            .with_var(ENV_CONFIG_FILE, missing.to_string_lossy());
        let p = CliProfileCredentials::with_environment(env);
        let e = p.load().unwrap_err();
        assert_eq!(e.kind(), CredentialsErrorKind::Invalid);
        assert_eq!(
            e.to_string(),
            format!(
                "{} (from ALIBABA_CLOUD_CONFIG_FILE): not found",
                missing.display()
            )
        );
        assert!(p.region_id().is_err());
    }

    #[test]
    fn credentials_cli_invalid_json_names_line() {
        let home = TempDir::new();
        let path = home.cli_config(&format!(
            "{{\n  \"current\": \"main\",\n  \"profiles\": [\n    {{\"name\": \"main\" \"access_key_secret\": \"{SECRET}\"}}\n  ]\n}}\n"
        ));
        let e = CliProfileCredentials::with_environment(home.env())
            .load()
            .unwrap_err();
        assert_eq!(e.kind(), CredentialsErrorKind::Invalid);
        let text = e.to_string();
        assert!(
            text.starts_with(&format!(
                "{}: invalid JSON at line 4, column ",
                path.display()
            )),
            "{text}"
        );
        assert_no_secret(&text);
    }

    #[test]
    fn credentials_cli_profile_not_found_lists_available() {
        let home = TempDir::new();
        home.cli_config(&cli_json());
        let e = CliProfileCredentials::with_environment(home.env())
            .with_profile("foo")
            .load()
            .unwrap_err();
        assert!(e.is_not_configured());
        assert!(
            e.to_string()
                .ends_with("profile `foo` not found (available: main, sts, other, role, ecs)"),
            "{e}"
        );

        let env = home.env().with_var(ENV_PROFILE, "bar");
        let e = CliProfileCredentials::with_environment(env)
            .load()
            .unwrap_err();
        assert!(
            e.to_string()
                .contains("profile `bar` (from ALIBABA_CLOUD_PROFILE) not found"),
            "{e}"
        );
    }

    #[test]
    fn credentials_cli_dangling_current_is_invalid() {
        let home = TempDir::new();
        home.cli_config(r#"{"current":"gone","profiles":[{"name":"a","mode":"AK"}]}"#);
        let e = CliProfileCredentials::with_environment(home.env())
            .load()
            .unwrap_err();
        assert_eq!(e.kind(), CredentialsErrorKind::Invalid);
        assert!(
            e.to_string()
                .ends_with("profile `gone` (named by `current`) not found (available: a)"),
            "{e}"
        );
    }

    #[test]
    fn credentials_cli_unsupported_modes() {
        let home = TempDir::new();
        home.cli_config(&cli_json());
        for (profile, mode) in [("role", "RamRoleArn"), ("ecs", "EcsRamRole")] {
            let p = CliProfileCredentials::with_environment(home.env()).with_profile(profile);
            let e = p.load().unwrap_err();
            assert_eq!(e.kind(), CredentialsErrorKind::Unsupported);
            assert!(
                e.to_string().ends_with(&format!(
                    "profile `{profile}`: mode {mode} is not supported yet (supported: AK, StsToken)"
                )),
                "{e}"
            );
            assert_no_secret(&e.to_string());
        }
        // The region is still usable from a profile whose mode is not supported.
        let p = CliProfileCredentials::with_environment(home.env()).with_profile("ecs");
        assert_eq!(p.region_id().unwrap().as_deref(), Some("cn-beijing"));
    }

    #[test]
    fn credentials_cli_missing_fields() {
        let home = TempDir::new();
        home.cli_config(&format!(
            r#"{{"current":"a","profiles":[
                {{"name":"a","mode":"AK","access_key_id":"id","access_key_secret":""}},
                {{"name":"b","mode":"StsToken","access_key_id":"id","access_key_secret":"{SECRET}"}},
                {{"name":"c","mode":"AK","access_key_id":"id","access_key_secret":12345}}
            ]}}"#
        ));
        let load = |name: &str| {
            CliProfileCredentials::with_environment(home.env())
                .with_profile(name)
                .load()
                .unwrap_err()
        };
        let e = load("a");
        assert_eq!(e.kind(), CredentialsErrorKind::Invalid);
        assert!(
            e.to_string()
                .ends_with("profile `a` (mode AK): missing access_key_secret"),
            "{e}"
        );
        let e = load("b");
        assert!(
            e.to_string()
                .ends_with("profile `b` (mode StsToken): missing sts_token"),
            "{e}"
        );
        assert_no_secret(&e.to_string());
        let e = load("c");
        assert!(
            e.to_string()
                .ends_with("profile `c`: `access_key_secret` must be a string"),
            "{e}"
        );
        assert!(!e.to_string().contains("12345"), "{e}");
    }

    #[test]
    fn credentials_cli_bad_shapes() {
        let home = TempDir::new();
        for (json, expected) in [
            ("[1, 2]", "expected a JSON object at the top level"),
            (r#"{"profiles": {}}"#, "`profiles` must be an array"),
            (r#"{"current": 3}"#, "`current` must be a string"),
            (r#"{"profiles": [1]}"#, "profiles[0] is not an object"),
            (
                r#"{"profiles": [{"mode": "AK"}]}"#,
                "profiles[0] has no `name`",
            ),
        ] {
            home.cli_config(json);
            let e = CliProfileCredentials::with_environment(home.env())
                .load()
                .unwrap_err();
            assert_eq!(e.kind(), CredentialsErrorKind::Invalid, "{json}");
            assert!(e.to_string().ends_with(expected), "{json}: {e}");
        }
    }

    #[test]
    fn credentials_no_home_directory() {
        let e = CliProfileCredentials::with_environment(Environment::empty())
            .load()
            .unwrap_err();
        assert!(e.is_not_configured());
        assert_eq!(
            e.to_string(),
            "~/.aliyun/config.json: home directory unknown (HOME not set) and ALIBABA_CLOUD_CONFIG_FILE not set"
        );
        let p = CredentialsFileCredentials::with_environment(Environment::empty());
        assert_eq!(p.credentials_path(), None);
        assert!(p.load().unwrap_err().is_not_configured());
    }

    // ---- INI credentials file -------------------------------------------------------------

    #[test]
    fn credentials_file_happy_path() {
        let home = TempDir::new();
        home.ini(&ini_text());
        let p = CredentialsFileCredentials::with_environment(home.env());
        assert_eq!(p.load().unwrap(), Credentials::new("id-default", SECRET));
        assert_eq!(
            p.credentials_path(),
            Some(home.path().join(".alibabacloud").join("credentials"))
        );
    }

    #[test]
    fn credentials_file_section_precedence_comments_and_quotes() {
        let home = TempDir::new();
        home.ini(&ini_text());
        let env = home.env().with_var(ENV_PROFILE, "other");
        // ALIBABA_CLOUD_PROFILE beats `default`; inline comment and quotes are removed.
        let c = CredentialsFileCredentials::with_environment(env.clone())
            .load()
            .unwrap();
        assert_eq!(c, Credentials::new("id-other", SECRET));
        // An explicit name beats ALIBABA_CLOUD_PROFILE.
        let c = CredentialsFileCredentials::with_environment(env)
            .with_profile("default")
            .load()
            .unwrap();
        assert_eq!(c.access_key_id(), "id-default");
    }

    #[test]
    fn credentials_file_override_path_and_missing_override() {
        let home = TempDir::new();
        let path = home.write("custom/creds.ini", ini_text());
        let env = home
            .env()
            .with_var(ENV_CREDENTIALS_FILE, path.to_string_lossy());
        let c = CredentialsFileCredentials::with_environment(env)
            .load()
            .unwrap();
        assert_eq!(c.access_key_id(), "id-default");

        let missing = home.path().join("missing.ini");
        let env = home
            .env()
            .with_var(ENV_CREDENTIALS_FILE, missing.to_string_lossy());
        let e = CredentialsFileCredentials::with_environment(env)
            .load()
            .unwrap_err();
        assert_eq!(e.kind(), CredentialsErrorKind::Invalid);
        assert_eq!(
            e.to_string(),
            format!(
                "{} (from ALIBABA_CLOUD_CREDENTIALS_FILE): not found",
                missing.display()
            )
        );
    }

    #[test]
    fn credentials_file_missing_default_file_and_section() {
        let home = TempDir::new();
        let e = CredentialsFileCredentials::with_environment(home.env())
            .load()
            .unwrap_err();
        assert!(e.is_not_configured());
        assert!(e.to_string().ends_with("credentials: not found"), "{e}");

        home.ini(&ini_text());
        let e =
            CredentialsFileCredentials::with_environment(home.env().with_var(ENV_PROFILE, "foo"))
                .load()
                .unwrap_err();
        assert!(e.is_not_configured());
        assert!(
            e.to_string().ends_with(
                "section `foo` (from ALIBABA_CLOUD_PROFILE) not found (available: default, other, ecs)"
            ),
            "{e}"
        );
    }

    #[test]
    fn credentials_file_unsupported_type_and_missing_fields() {
        let home = TempDir::new();
        home.ini(&format!(
            "{}\n[notype]\naccess_key_id = x\n[nosecret]\ntype = access_key\naccess_key_id = x\naccess_key_secret =\n",
            ini_text()
        ));
        let load = |name: &str| {
            CredentialsFileCredentials::with_environment(home.env())
                .with_profile(name)
                .load()
                .unwrap_err()
        };
        let e = load("ecs");
        assert_eq!(e.kind(), CredentialsErrorKind::Unsupported);
        assert!(
            e.to_string().ends_with(
                "section `ecs`: type ecs_ram_role is not supported yet (supported: access_key)"
            ),
            "{e}"
        );
        let e = load("notype");
        assert_eq!(e.kind(), CredentialsErrorKind::Invalid);
        assert!(
            e.to_string()
                .ends_with("section `notype`: missing `type` (expected `type = access_key`)"),
            "{e}"
        );
        let e = load("nosecret");
        assert!(
            e.to_string()
                .ends_with("section `nosecret` (type access_key): missing access_key_secret"),
            "{e}"
        );
    }

    #[test]
    fn credentials_file_syntax_errors_name_the_line_without_content() {
        let home = TempDir::new();
        for (text, expected) in [
            (
                format!("[default]\ntype = access_key\n{SECRET}\n"),
                "line 3: expected `key = value`, a `[section]` header or a comment",
            ),
            (
                format!("access_key_secret = {SECRET}\n"),
                "line 1: `access_key_secret` appears before any [section]",
            ),
            (
                "# c\n[default\n".to_owned(),
                "line 2: section header without closing `]`",
            ),
            ("[ ]\n".to_owned(), "line 1: empty section name"),
            ("[a]\n = v\n".to_owned(), "line 2: missing key before `=`"),
        ] {
            let path = home.ini(&text);
            let e = CredentialsFileCredentials::with_environment(home.env())
                .load()
                .unwrap_err();
            assert_eq!(e.kind(), CredentialsErrorKind::Invalid);
            assert_eq!(e.to_string(), format!("{}: {expected}", path.display()));
            assert_no_secret(&e.to_string());
        }
    }

    #[test]
    fn credentials_ini_parser_details() {
        let sections = parse_ini(
            "\u{feff}[a]\nk = v1\n[b]\nk = 'q ; not comment'\n[a]\nk = v2 # comment\nh = x#y\nempty =\n",
        );
        // A BOM is stripped by read_source, not by the parser: the first line is then garbage.
        assert!(sections.is_err());
        let sections = parse_ini(
            "[a]\r\nk = v1\r\n[b]\nk = 'q ; not comment'\n[a]\nk = v2 # comment\nh = x#y\nempty =\n",
        )
        .unwrap();
        assert_eq!(sections.len(), 2);
        assert_eq!(sections[0].get("k"), Some("v2"));
        assert_eq!(sections[0].get("h"), Some("x#y"));
        assert_eq!(sections[0].get("empty"), None);
        assert_eq!(sections[1].get("k"), Some("q ; not comment"));
    }

    #[test]
    fn credentials_file_with_bom() {
        let home = TempDir::new();
        home.ini(&format!("\u{feff}{}", ini_text()));
        let c = CredentialsFileCredentials::with_environment(home.env())
            .load()
            .unwrap();
        assert_eq!(c.access_key_id(), "id-default");
    }

    // ---- Default chain --------------------------------------------------------------------

    fn env_vars(env: Environment) -> Environment {
        env.with_var(ENV_ACCESS_KEY_ID, "id-env")
            .with_var(ENV_ACCESS_KEY_SECRET, SECRET)
    }

    #[test]
    fn credentials_chain_env_wins_over_files() {
        let home = TempDir::new();
        home.cli_config(&cli_json());
        home.ini(&ini_text());
        let chain = DefaultCredentialsChain::with_environment(env_vars(home.env()));
        assert_eq!(chain.load().unwrap().access_key_id(), "id-env");
    }

    #[test]
    fn credentials_chain_cli_wins_over_ini() {
        let home = TempDir::new();
        home.cli_config(&cli_json());
        home.ini(&ini_text());
        let chain = DefaultCredentialsChain::with_environment(home.env());
        assert_eq!(chain.load().unwrap().access_key_id(), "id-main");
    }

    #[test]
    fn credentials_chain_falls_through_to_ini() {
        let home = TempDir::new();
        home.ini(&ini_text());
        let chain = DefaultCredentialsChain::with_environment(home.env());
        assert_eq!(chain.load().unwrap().access_key_id(), "id-default");

        // A profile absent from the CLI config but present in the INI file.
        home.cli_config(&cli_json());
        home.ini("[only-ini]\ntype = access_key\naccess_key_id = id-ini\naccess_key_secret = x\n");
        let env = home.env().with_var(ENV_PROFILE, "only-ini");
        let chain = DefaultCredentialsChain::with_environment(env);
        assert_eq!(chain.load().unwrap().access_key_id(), "id-ini");
    }

    #[test]
    fn credentials_chain_nothing_found_lists_every_source() {
        let home = TempDir::new();
        let e = DefaultCredentialsChain::with_environment(home.env())
            .load()
            .unwrap_err();
        assert!(e.is_not_configured());
        assert_eq!(e.tried().len(), 3);
        let h = home.path().display();
        let sep = std::path::MAIN_SEPARATOR;
        assert_eq!(
            e.to_string(),
            format!(
                "default credentials chain: no credentials found (tried: \
                 environment: ALIBABA_CLOUD_ACCESS_KEY_ID not set; \
                 {h}{sep}.aliyun{sep}config.json: not found; \
                 {h}{sep}.alibabacloud{sep}credentials: not found)"
            )
        );
    }

    #[test]
    fn credentials_chain_notes_unsupported_oidc() {
        let home = TempDir::new();
        let env = home
            .env()
            .with_var("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/r")
            .with_var("ALIBABA_CLOUD_OIDC_TOKEN_FILE", "/var/run/token");
        let e = DefaultCredentialsChain::with_environment(env.clone())
            .load()
            .unwrap_err();
        assert_eq!(e.tried().len(), 4);
        assert!(
            e.to_string().contains(
                "environment: ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE set, but OIDC (RRSA) credentials are not supported yet; skipped"
            ),
            "{e}"
        );
        // Other sources are still used.
        home.ini(&ini_text());
        let c = DefaultCredentialsChain::with_environment(env)
            .load()
            .unwrap();
        assert_eq!(c.access_key_id(), "id-default");
    }

    #[test]
    fn credentials_chain_stops_on_broken_source() {
        let home = TempDir::new();
        let path = home.cli_config("{ not json");
        home.ini(&ini_text());
        let e = DefaultCredentialsChain::with_environment(home.env())
            .load()
            .unwrap_err();
        assert_eq!(e.kind(), CredentialsErrorKind::Invalid);
        assert!(
            e.to_string()
                .starts_with(&format!("{}: invalid JSON at line 1", path.display())),
            "{e}"
        );

        // A missing override stops the chain too.
        std::fs::remove_file(&path).unwrap();
        let env = home.env().with_var(
            ENV_CONFIG_FILE,
            home.path().join("nope.json").to_string_lossy(),
        );
        let e = DefaultCredentialsChain::with_environment(env)
            .load()
            .unwrap_err();
        assert_eq!(e.kind(), CredentialsErrorKind::Invalid);

        // A partial environment stops it before any file is read.
        let env = home.env().with_var(ENV_ACCESS_KEY_ID, "id");
        let e = DefaultCredentialsChain::with_environment(env)
            .load()
            .unwrap_err();
        assert_eq!(e.origin(), "environment");
        assert_eq!(e.kind(), CredentialsErrorKind::Invalid);
    }

    #[test]
    fn credentials_chain_explicit_profile_skips_env() {
        let home = TempDir::new();
        home.cli_config(&cli_json());
        home.ini(&ini_text());
        let env = env_vars(home.env());
        let chain = DefaultCredentialsChain::with_environment(env.clone()).with_profile("sts");
        assert_eq!(chain.load().unwrap().access_key_id(), "id-sts");

        let chain = DefaultCredentialsChain::with_environment(env).with_profile("missing");
        let e = chain.load().unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains(
                "environment: not used because profile `missing` was requested explicitly"
            ),
            "{text}"
        );
        assert!(
            text.contains("profile `missing` not found (available: main, sts, other, role, ecs)"),
            "{text}"
        );
        assert!(
            text.contains("section `missing` not found (available: default, other, ecs)"),
            "{text}"
        );
        assert_no_secret(&text);
        assert_no_secret(&format!("{e:?}"));
    }
}
