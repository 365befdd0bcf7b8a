//! The ECS instance metadata service, as much of it as the instance-role credentials need
//! (credentials.md §6): `PUT /latest/api/token` (IMDSv2 session tokens, TTL 1–21,600 s),
//! `GET /latest/meta-data/ram/security-credentials/` (the role's name) and
//! `GET /latest/meta-data/ram/security-credentials/<role>` (its temporary credentials, issued by
//! the emulator's [`Sts`]). A `GET` without a token is IMDSv1, refused when the instance
//! requires IMDSv2.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use aliyun_runtime::jiff;

use crate::sts::Sts;

/// The path prefix of the role credentials.
const CREDENTIALS: &str = "/latest/meta-data/ram/security-credentials/";
/// The header of a token request and of every call that carries one.
const TTL_HEADER: &str = "x-aliyun-ecs-metadata-token-ttl-seconds";
const TOKEN_HEADER: &str = "x-aliyun-ecs-metadata-token";
/// How long the role's credentials last (the real service hands out about six hours).
const ROLE_SESSION_SECONDS: i64 = 6 * 3600;

/// An answer: status, content type and body.
pub type Answer = (u16, &'static str, String);

/// The metadata service of one emulated instance.
pub struct Imds {
    sts: Arc<Sts>,
    clock: crate::sts::Clock,
    role: String,
    account: String,
    require_v2: bool,
    tokens: Mutex<HashMap<String, i64>>,
    counter: Mutex<u64>,
}

impl std::fmt::Debug for Imds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Imds")
            .field("role", &self.role)
            .field("require_v2", &self.require_v2)
            .finish_non_exhaustive()
    }
}

impl Imds {
    /// An instance whose RAM role is `role` in `account`, its credentials issued by `sts`.
    pub fn new(sts: Arc<Sts>, clock: crate::sts::Clock, account: &str, role: &str) -> Self {
        Self {
            sts,
            clock,
            role: role.to_owned(),
            account: account.to_owned(),
            require_v2: false,
            tokens: Mutex::new(HashMap::new()),
            counter: Mutex::new(0),
        }
    }

    /// Refuses calls without a session token (IMDSv2 enforced).
    pub fn require_v2(mut self) -> Self {
        self.require_v2 = true;
        self
    }

    /// Whether `path` is the metadata service's (the handler routes it here).
    pub fn serves(path: &str) -> bool {
        path == "/latest/api/token" || path.starts_with("/latest/meta-data/")
    }

    /// Answers `method path`; `header(name)` reads a request header (lowercase name).
    pub fn answer(
        &self,
        method: &str,
        path: &str,
        header: &dyn Fn(&str) -> Option<String>,
    ) -> Answer {
        let now = (self.clock)();
        if path == "/latest/api/token" {
            if method != "PUT" {
                return (405, "text/plain", "Method Not Allowed".into());
            }
            let ttl = header(TTL_HEADER).and_then(|v| v.trim().parse::<i64>().ok());
            let Some(ttl) = ttl.filter(|t| (1..=21_600).contains(t)) else {
                return (400, "text/plain", "Bad Request".into());
            };
            let token = {
                let mut counter = self.counter.lock().unwrap_or_else(PoisonError::into_inner);
                *counter += 1;
                format!("AQAE{now:x}{:08x}", *counter)
            };
            let mut tokens = self.tokens.lock().unwrap_or_else(PoisonError::into_inner);
            if tokens.len() >= 4096 {
                tokens.retain(|_, expires| now < *expires); // bounded memory
            }
            if tokens.len() >= 100_000 {
                return (503, "text/plain", "Service Unavailable".into());
            }
            tokens.insert(token.clone(), now.saturating_add(ttl.saturating_mul(1000)));
            return (200, "text/plain", token);
        }
        if method != "GET" {
            return (405, "text/plain", "Method Not Allowed".into());
        }
        match header(TOKEN_HEADER) {
            Some(token) => {
                let valid = self
                    .tokens
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .get(token.trim())
                    .is_some_and(|expires| now < *expires);
                if !valid {
                    return (401, "text/plain", "Unauthorized".into());
                }
            }
            None if self.require_v2 => return (401, "text/plain", "Unauthorized".into()),
            None => {}
        }
        match path.strip_prefix(CREDENTIALS) {
            Some("") => (200, "text/plain", self.role.clone()),
            Some(role) if role == self.role => {
                let arn = format!("acs:ram::{}:role/{}", self.account, self.role);
                let Ok(c) = self.sts.issue(&arn, ROLE_SESSION_SECONDS) else {
                    return (503, "text/plain", "Service Unavailable".into());
                };
                let updated = jiff::Timestamp::from_millisecond(now)
                    .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
                    .strftime("%Y-%m-%dT%H:%M:%SZ");
                let body = serde_json::json!({
                    "AccessKeyId": c.access_key_id,
                    "AccessKeySecret": c.access_key_secret,
                    "Expiration": c.expiration.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
                    "SecurityToken": c.security_token,
                    "LastUpdated": updated.to_string(),
                    "Code": "Success",
                });
                (200, "application/json", body.to_string())
            }
            _ => (404, "text/plain", "Not Found".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sts::KeyState;
    use std::sync::atomic::{AtomicI64, Ordering};

    fn imds(require_v2: bool) -> (Arc<Sts>, Imds) {
        let now = Arc::new(AtomicI64::new(1_800_000_000_000));
        let clock: crate::sts::Clock = Arc::new(move || now.load(Ordering::SeqCst));
        let sts = Arc::new(Sts::new(Arc::clone(&clock), "1234567890"));
        let imds = Imds::new(Arc::clone(&sts), clock, "1234567890", "EcsRole");
        (sts, if require_v2 { imds.require_v2() } else { imds })
    }

    #[test]
    fn token_then_role_then_credentials() {
        let (sts, imds) = imds(true);
        let (status, _, token) = imds.answer("PUT", "/latest/api/token", &|h| {
            (h == TTL_HEADER).then(|| "21600".into())
        });
        assert_eq!(status, 200);
        let with_token = |h: &str| (h == TOKEN_HEADER).then(|| token.clone());
        assert_eq!(
            imds.answer("GET", CREDENTIALS, &with_token),
            (200, "text/plain", "EcsRole".into())
        );
        let (status, _, body) = imds.answer(
            "GET",
            "/latest/meta-data/ram/security-credentials/EcsRole",
            &with_token,
        );
        assert_eq!(status, 200);
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(json["Code"], "Success");
        let id = json["AccessKeyId"].as_str().unwrap();
        assert!(matches!(sts.key(id), Some(KeyState::Valid { .. })));
        assert_eq!(
            imds.answer(
                "GET",
                "/latest/meta-data/ram/security-credentials/Other",
                &with_token
            )
            .0,
            404
        );
    }

    #[test]
    fn v1_is_allowed_unless_v2_is_required() {
        let none = |_: &str| None;
        assert_eq!(imds(false).1.answer("GET", CREDENTIALS, &none).0, 200);
        assert_eq!(imds(true).1.answer("GET", CREDENTIALS, &none).0, 401);
        assert_eq!(
            imds(false).1.answer("PUT", "/latest/api/token", &none).0,
            400
        );
        let bad = |h: &str| (h == TOKEN_HEADER).then(|| "forged".to_owned());
        assert_eq!(imds(false).1.answer("GET", CREDENTIALS, &bad).0, 401);
    }
}
