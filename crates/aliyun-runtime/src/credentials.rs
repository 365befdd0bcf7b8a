//! Credentials and where they come from: the [`Credentials`] value (an AccessKey pair, with an
//! optional STS token and expiry) and the [`ProvideCredentials`] trait a client asks for them.
//!
//! The providers themselves live in the `aliyun-config` crate: the official default chain
//! (environment, OIDC/RRSA, every aliyun CLI profile mode, the INI file, the ECS instance role,
//! credentials URIs) behind a refreshing, single-flight cache, which
//! `aliyun_iot::Client::from_env` uses. A [`Credentials`] value is itself a provider, for a key
//! given explicitly.
//!
//! Errors never contain secret values: they name variables, files, profiles and keys only.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use crate::secret::Secret;

// ---------------------------------------------------------------------------------------------
// Credentials
// ---------------------------------------------------------------------------------------------

/// An AccessKey pair, optionally with an STS security token.
///
/// Cheap to clone (the values are shared), as every call takes a copy. `Debug` shows the
/// AccessKey id but prints the secret and the token as `<redacted>`.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Credentials {
    inner: Arc<Values>,
}

/// What a [`Credentials`] holds.
#[derive(Clone, PartialEq, Eq)]
struct Values {
    access_key_id: String,
    access_key_secret: Secret,
    security_token: Option<Secret>,
    expiry: Option<jiff::Timestamp>,
}

impl Credentials {
    /// Long-term credentials: an AccessKey id and its secret.
    pub fn new(access_key_id: impl Into<String>, access_key_secret: impl Into<Secret>) -> Self {
        Self::from_values(access_key_id.into(), access_key_secret.into(), None)
    }

    /// Temporary (STS) credentials: an AccessKey id, its secret and the security token.
    pub fn with_security_token(
        access_key_id: impl Into<String>,
        access_key_secret: impl Into<Secret>,
        security_token: impl Into<Secret>,
    ) -> Self {
        Self::from_values(
            access_key_id.into(),
            access_key_secret.into(),
            Some(security_token.into()),
        )
    }

    fn from_values(
        access_key_id: String,
        access_key_secret: Secret,
        security_token: Option<Secret>,
    ) -> Self {
        Self {
            inner: Arc::new(Values {
                access_key_id,
                access_key_secret,
                security_token,
                expiry: None,
            }),
        }
    }

    /// The AccessKey id (not secret; it is sent in every request).
    pub fn access_key_id(&self) -> &str {
        &self.inner.access_key_id
    }

    /// The AccessKey secret, used only to sign.
    pub fn access_key_secret(&self) -> &Secret {
        &self.inner.access_key_secret
    }

    /// The STS security token, if these are temporary credentials.
    pub fn security_token(&self) -> Option<&Secret> {
        self.inner.security_token.as_ref()
    }

    /// The same credentials, valid until `expiry` (temporary credentials from STS, the ECS
    /// metadata service or a credentials URI).
    pub fn with_expiry(mut self, expiry: jiff::Timestamp) -> Self {
        Arc::make_mut(&mut self.inner).expiry = Some(expiry);
        self
    }

    /// When these credentials stop working; `None` for long-term keys.
    pub fn expiry(&self) -> Option<jiff::Timestamp> {
        self.inner.expiry
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `Secret`'s own `Debug` redacts.
        f.debug_struct("Credentials")
            .field("access_key_id", &self.inner.access_key_id)
            .field("access_key_secret", &self.inner.access_key_secret)
            .field("security_token", &self.inner.security_token)
            .field("expiry", &self.inner.expiry)
            .finish()
    }
}

// ---------------------------------------------------------------------------------------------
// Provider trait
// ---------------------------------------------------------------------------------------------

/// The future returned by [`ProvideCredentials::provide`].
pub type CredentialsFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Credentials, CredentialsError>> + Send + 'a>>;

/// A source of credentials. Asynchronous so that providers which call a service (ECS metadata,
/// STS) can implement it; a [`Credentials`] value answers immediately.
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

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "s3cr3t-VALUE-do-not-leak";
    const TOKEN: &str = "t0ken-VALUE-do-not-leak";

    fn assert_no_secret(text: &str) {
        assert!(!text.contains(SECRET), "secret leaked: {text}");
        assert!(!text.contains(TOKEN), "token leaked: {text}");
    }

    #[test]
    fn credentials_accessors() {
        let c = Credentials::new("id", SECRET);
        assert_eq!(c.access_key_id(), "id");
        assert_eq!(c.access_key_secret().expose(), SECRET);
        assert!(c.security_token().is_none());
        assert!(c.expiry().is_none());
        let expiry = jiff::Timestamp::from_second(1_700_000_000).unwrap();
        let s = Credentials::with_security_token("id", SECRET, TOKEN).with_expiry(expiry);
        assert_eq!(s.security_token().map(Secret::expose), Some(TOKEN));
        assert_eq!(s.expiry(), Some(expiry));
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

    #[tokio::test]
    async fn credentials_static_and_dyn_providers() {
        let c = Credentials::new("id", SECRET);
        assert_eq!(c.provide().await.unwrap(), c);
        let shared: Arc<dyn ProvideCredentials> = Arc::new(c.clone());
        assert_eq!(shared.provide().await.unwrap(), c);
        let boxed: Box<dyn ProvideCredentials> = Box::new(c.clone());
        assert_eq!(boxed.provide().await.unwrap(), c);
    }

    #[test]
    fn a_chain_error_lists_each_source_tried() {
        let tried = vec![
            CredentialsError::new(
                CredentialsErrorKind::NotConfigured,
                "env",
                "ALIBABA_CLOUD_ACCESS_KEY_ID not set",
            ),
            CredentialsError::new(CredentialsErrorKind::NotConfigured, "profile", "no file"),
        ];
        let e = CredentialsError::new(
            CredentialsErrorKind::NotConfigured,
            "chain",
            "no credentials found",
        )
        .with_tried(tried);
        assert!(e.is_not_configured());
        assert_eq!(e.tried().len(), 2);
        assert_eq!(
            e.to_string(),
            "chain: no credentials found (tried: env: ALIBABA_CLOUD_ACCESS_KEY_ID not set; profile: no file)"
        );
    }
}
