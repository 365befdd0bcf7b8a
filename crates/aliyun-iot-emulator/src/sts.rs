//! The emulator's Security Token Service (STS 2015-04-01), generated server side of
//! `spec/sts/`: `AssumeRole` (the handler checks its V1/V3 signature against the emulator's
//! keys before dispatching it here), `AssumeRoleWithOIDC` (anonymous: any well-formed token of
//! a well-formed provider is trusted) and `GetCallerIdentity`.
//!
//! Every issued key is temporary: [`Sts::key`] gives its secret and token until it expires and
//! [`KeyState::Expired`] after, which the handler answers with `InvalidSecurityToken.Expired`
//! as the service does. The clock is the emulator's (hand-driven in tests), and
//! [`Sts::with_lifetime_cap`] shortens every session so that refresh can be tested in real time.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use aliyun_runtime::Secret;
use aliyun_runtime::jiff;
use aliyun_runtime::server::{Failure, RequestContext};
use aliyun_sts::assume_role::{AssumeRoleInput, AssumeRoleResponse};
use aliyun_sts::assume_role_with_oidc::{AssumeRoleWithOidcInput, AssumeRoleWithOidcResponse};
use aliyun_sts::get_caller_identity::{GetCallerIdentityInput, GetCallerIdentityResponse};
use aliyun_sts::types::{AssumedRoleUser, StsCredentials};

/// The session length STS grants when none is asked for, and the bounds it accepts.
const DEFAULT_DURATION: i64 = 3600;
const MIN_DURATION: i64 = 900;
const MAX_DURATION: i64 = 43_200;

/// How many issued keys make [`Sts::issue`] forget those expired for over
/// [`EXPIRED_KEPT_MS`].
const PRUNE_AT: usize = 4096;
const EXPIRED_KEPT_MS: i64 = 3_600_000;
/// The most live sessions the emulated STS holds.
const MAX_ISSUED: usize = 100_000;

/// The emulator's clock, in Unix milliseconds.
pub type Clock = Arc<dyn Fn() -> i64 + Send + Sync>;

/// What [`Sts::key`] knows of an AccessKeyId.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyState {
    /// A temporary key still valid: its secret and the token calls must carry.
    Valid {
        /// The AccessKeySecret.
        secret: Secret,
        /// The SecurityToken.
        token: Secret,
    },
    /// A temporary key past its expiry: `InvalidSecurityToken.Expired`.
    Expired,
}

#[derive(Clone)]
struct Issued {
    secret: Secret,
    token: Secret,
    expires_ms: i64,
    arn: String,
}

/// The STS service: issues temporary keys and remembers them.
pub struct Sts {
    clock: Clock,
    cap: Option<Duration>,
    issued: Mutex<HashMap<String, Issued>>,
    counter: AtomicU64,
    hasher: RandomState,
    account: String,
}

impl std::fmt::Debug for Sts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sts")
            .field("cap", &self.cap)
            .field("issued", &self.lock().len())
            .finish_non_exhaustive()
    }
}

impl Sts {
    /// An STS on `clock` for the account `account` (the digits of role ARNs it issues for).
    pub fn new(clock: Clock, account: impl Into<String>) -> Self {
        Self {
            clock,
            cap: None,
            issued: Mutex::new(HashMap::new()),
            counter: AtomicU64::new(0),
            hasher: RandomState::new(),
            account: account.into(),
        }
    }

    /// Issues sessions of at most `cap`, whatever `DurationSeconds` asks (tests of refresh).
    pub fn with_lifetime_cap(mut self, cap: Duration) -> Self {
        self.cap = Some(cap);
        self
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Issued>> {
        self.issued.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The state of `id` if the emulator's STS issued it; `None` for any other key.
    pub fn key(&self, id: &str) -> Option<KeyState> {
        let now = (self.clock)();
        let issued = self.lock();
        let key = issued.get(id)?;
        Some(if now < key.expires_ms {
            KeyState::Valid {
                secret: key.secret.clone(),
                token: key.token.clone(),
            }
        } else {
            KeyState::Expired
        })
    }

    /// Random-looking text: a counter hashed under random keys (not a secret generator; an
    /// emulator's keys protect nothing).
    fn random(&self, len: usize) -> String {
        let mut out = String::new();
        while out.len() < len {
            let n = self.counter.fetch_add(1, Ordering::Relaxed);
            out.push_str(&format!("{:016x}", self.hasher.hash_one(n)));
        }
        out.truncate(len);
        out
    }

    /// Issues a key for `arn`, valid `duration_seconds` (capped) from now.
    pub fn issue(&self, arn: &str, duration_seconds: i64) -> Result<StsCredentials, Failure> {
        let now = (self.clock)();
        let mut lifetime_ms = duration_seconds.saturating_mul(1000);
        if let Some(cap) = self.cap {
            lifetime_ms = lifetime_ms.min(i64::try_from(cap.as_millis()).unwrap_or(i64::MAX));
        }
        let expires_ms = now.saturating_add(lifetime_ms);
        let id = format!("STS.{}", self.random(24));
        let secret = self.random(30);
        let token = format!("CAIS{}", self.random(60));
        let mut issued = self.lock();
        if issued.len() >= PRUNE_AT {
            // Expired keys are only needed to answer `Expired` for a while: forget them
            // rather than grow without bound (a hostile caller could ask for keys forever).
            issued.retain(|_, key| key.expires_ms > now.saturating_sub(EXPIRED_KEPT_MS));
        }
        if issued.len() >= MAX_ISSUED {
            return Err(Failure::gateway(
                503,
                "ServiceUnavailable",
                "The emulated STS holds too many live sessions; ask for shorter ones.",
            ));
        }
        issued.insert(
            id.clone(),
            Issued {
                secret: Secret::new(secret.clone()),
                token: Secret::new(token.clone()),
                expires_ms,
                arn: arn.to_owned(),
            },
        );
        let mut credentials = StsCredentials::default();
        credentials.access_key_id = id;
        credentials.access_key_secret = secret;
        credentials.security_token = token;
        credentials.expiration =
            jiff::Timestamp::from_millisecond(expires_ms).unwrap_or(jiff::Timestamp::MAX);
        Ok(credentials)
    }

    fn role_user(&self, role_arn: &str, session: &str) -> AssumedRoleUser {
        let mut user = AssumedRoleUser::default();
        user.assumed_role_id = Some(format!("3{}:{session}", &self.random(16)));
        user.arn = Some(format!("{role_arn}/{session}"));
        user
    }
}

fn invalid(code: &str, message: &str) -> Failure {
    Failure::gateway(400, code, message)
}

fn check_role_arn(arn: &str) -> Result<(), Failure> {
    let ok = arn
        .strip_prefix("acs:ram::")
        .and_then(|rest| rest.split_once(":role/"))
        .is_some_and(|(account, role)| !account.is_empty() && !role.is_empty());
    if ok {
        Ok(())
    } else {
        Err(invalid(
            "InvalidParameter.RoleArn",
            "The parameter RoleArn is wrongly formed.",
        ))
    }
}

fn check_session_name(name: &str) -> Result<(), Failure> {
    let ok = (2..=64).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '@' | '-' | '_'));
    if ok {
        Ok(())
    } else {
        Err(invalid(
            "InvalidParameter.RoleSessionName",
            "The parameter RoleSessionName is wrongly formed.",
        ))
    }
}

fn check_duration(duration: Option<i64>) -> Result<i64, Failure> {
    let duration = duration.unwrap_or(DEFAULT_DURATION);
    if (MIN_DURATION..=MAX_DURATION).contains(&duration) {
        Ok(duration)
    } else {
        Err(invalid(
            "InvalidParameter.DurationSeconds",
            "The Min/Max value of DurationSeconds is 15min/12hr.",
        ))
    }
}

impl aliyun_sts::server::Service for Sts {
    async fn assume_role(
        &self,
        _ctx: &RequestContext,
        input: AssumeRoleInput,
    ) -> Result<AssumeRoleResponse, Failure> {
        check_role_arn(&input.role_arn)?;
        check_session_name(&input.role_session_name)?;
        let duration = check_duration(input.duration_seconds)?;
        let user = self.role_user(&input.role_arn, &input.role_session_name);
        let mut reply = AssumeRoleResponse::default();
        reply.credentials = Some(self.issue(user.arn.as_deref().unwrap_or_default(), duration)?);
        reply.assumed_role_user = Some(user);
        reply.source_identity = input.source_identity;
        Ok(reply)
    }

    async fn assume_role_with_oidc(
        &self,
        _ctx: &RequestContext,
        input: AssumeRoleWithOidcInput,
    ) -> Result<AssumeRoleWithOidcResponse, Failure> {
        check_role_arn(&input.role_arn)?;
        if !input.oidc_provider_arn.contains(":oidc-provider/") {
            return Err(invalid(
                "InvalidParameter.OIDCProviderArn",
                "The parameter OIDCProviderArn is wrongly formed.",
            ));
        }
        if !(4..=20_000).contains(&input.oidc_token.len()) {
            return Err(invalid(
                "InvalidParameter.OIDCToken",
                "The OIDC token is invalid.",
            ));
        }
        let session = input
            .role_session_name
            .unwrap_or_else(|| "oidc-session".to_owned());
        check_session_name(&session)?;
        let duration = check_duration(input.duration_seconds)?;
        let user = self.role_user(&input.role_arn, &session);
        let mut reply = AssumeRoleWithOidcResponse::default();
        reply.credentials = Some(self.issue(user.arn.as_deref().unwrap_or_default(), duration)?);
        reply.assumed_role_user = Some(user);
        Ok(reply)
    }

    async fn get_caller_identity(
        &self,
        ctx: &RequestContext,
        _input: GetCallerIdentityInput,
    ) -> Result<GetCallerIdentityResponse, Failure> {
        let mut reply = GetCallerIdentityResponse::default();
        reply.account_id = Some(self.account.clone());
        let role_arn = self.lock().get(ctx.access_key_id()).map(|k| k.arn.clone());
        match role_arn {
            Some(arn) => {
                reply.identity_type = Some("AssumedRoleUser".into());
                reply.arn = Some(arn);
            }
            None => {
                reply.identity_type = Some("RAMUser".into());
                reply.arn = Some(format!(
                    "acs:ram::{}:user/{}",
                    self.account,
                    ctx.access_key_id()
                ));
            }
        }
        Ok(reply)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aliyun_runtime::QueryReader;
    use aliyun_runtime::wire::Format;
    use std::sync::atomic::AtomicI64;

    fn sts() -> (Arc<AtomicI64>, Sts) {
        let now = Arc::new(AtomicI64::new(1_800_000_000_000));
        let clock = Arc::clone(&now);
        (
            now,
            Sts::new(Arc::new(move || clock.load(Ordering::SeqCst)), "1234567890"),
        )
    }

    async fn call(sts: &Sts, action: &str, params: &[(&str, &str)]) -> Result<String, Failure> {
        let ctx = RequestContext::new(action, "R-1", Format::Json, "caller-id");
        aliyun_sts::server::dispatch(sts, &ctx, &QueryReader::new(params.iter().copied())).await
    }

    #[tokio::test]
    async fn assume_role_issues_a_key_that_expires() {
        let (now, sts) = sts();
        let body = call(
            &sts,
            "AssumeRole",
            &[
                ("RoleArn", "acs:ram::1:role/admin"),
                ("RoleSessionName", "alice"),
                ("DurationSeconds", "900"),
            ],
        )
        .await
        .unwrap();
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        let id = json["Credentials"]["AccessKeyId"].as_str().unwrap();
        assert!(id.starts_with("STS."));
        assert_eq!(
            json["AssumedRoleUser"]["Arn"],
            "acs:ram::1:role/admin/alice"
        );
        let secret = json["Credentials"]["AccessKeySecret"].as_str().unwrap();
        match sts.key(id) {
            Some(KeyState::Valid { secret: s, .. }) => assert_eq!(s.expose(), secret),
            other => panic!("{other:?}"),
        }
        now.fetch_add(900_000, Ordering::SeqCst);
        assert_eq!(sts.key(id), Some(KeyState::Expired));
        assert_eq!(sts.key("other"), None);
    }

    #[tokio::test]
    async fn assume_role_refuses_what_sts_refuses() {
        let (_, sts) = sts();
        for (params, code) in [
            (
                vec![("RoleArn", "nope"), ("RoleSessionName", "alice")],
                "InvalidParameter.RoleArn",
            ),
            (
                vec![("RoleArn", "acs:ram::1:role/a"), ("RoleSessionName", "a")],
                "InvalidParameter.RoleSessionName",
            ),
            (
                vec![
                    ("RoleArn", "acs:ram::1:role/a"),
                    ("RoleSessionName", "alice"),
                    ("DurationSeconds", "60"),
                ],
                "InvalidParameter.DurationSeconds",
            ),
        ] {
            let error = call(&sts, "AssumeRole", &params).await.unwrap_err();
            assert_eq!(error.code(), code);
        }
    }

    #[tokio::test]
    async fn oidc_and_the_lifetime_cap() {
        let (now, sts) = sts();
        let sts = sts.with_lifetime_cap(Duration::from_secs(3));
        let body = call(
            &sts,
            "AssumeRoleWithOIDC",
            &[
                ("RoleArn", "acs:ram::1:role/pod"),
                ("OIDCProviderArn", "acs:ram::1:oidc-provider/ack"),
                ("OIDCToken", "eyJ.token.sig"),
            ],
        )
        .await
        .unwrap();
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        let id = json["Credentials"]["AccessKeyId"]
            .as_str()
            .unwrap()
            .to_owned();
        now.fetch_add(2_999, Ordering::SeqCst);
        assert!(matches!(sts.key(&id), Some(KeyState::Valid { .. })));
        now.fetch_add(1, Ordering::SeqCst);
        assert_eq!(sts.key(&id), Some(KeyState::Expired));
    }
}
