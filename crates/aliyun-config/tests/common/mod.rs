//! What the tests share: a fake cloud on 127.0.0.1 that answers STS (AssumeRole,
//! AssumeRoleWithOIDC), the ECS metadata service and a credentials URI, and a one-line summary
//! of each request it read.

#![allow(dead_code)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use aliyun_runtime::jiff;
use test_support::{Recorded, Reply, Server};

/// How the fake cloud behaves.
#[derive(Clone, Debug)]
pub struct Cloud {
    /// Whether the metadata service hands out IMDSv2 tokens (else it answers 403).
    pub imds_token: bool,
    /// The instance's role.
    pub role: String,
    /// How long issued credentials last.
    pub lifetime: Duration,
    /// STS answers this error code instead of credentials.
    pub sts_error: Option<String>,
}

impl Default for Cloud {
    fn default() -> Self {
        Self {
            imds_token: true,
            role: "EcsRole".into(),
            lifetime: Duration::from_secs(3600),
            sts_error: None,
        }
    }
}

impl Cloud {
    /// Starts the server; `counter` counts the credentials it issued.
    pub fn start(self, counter: Arc<AtomicUsize>) -> Server {
        Server::start(move |_, request| self.answer(request, &counter))
    }

    fn answer(&self, request: &Recorded, counter: &AtomicUsize) -> Reply {
        let expiry = jiff::Timestamp::now() + self.lifetime;
        let expiration = expiry.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        let creds = |id: &str| {
            let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
            format!(
                r#""AccessKeyId":"{id}","AccessKeySecret":"issued-secret-{n}","SecurityToken":"issued-token-{n}","Expiration":"{expiration}""#
            )
        };
        let path = request.path().to_owned();
        if path == "/latest/api/token" && request.method == "PUT" {
            return if self.imds_token {
                Reply::new(200, "text/plain", "imds-session-token")
            } else {
                Reply::empty(403)
            };
        }
        if let Some(role) = path.strip_prefix("/latest/meta-data/ram/security-credentials/") {
            if role.is_empty() {
                return Reply::new(200, "text/plain", self.role.clone());
            }
            if role != self.role {
                return Reply::empty(404);
            }
            return Reply::json(200, format!(r#"{{"Code":"Success",{}}}"#, creds("STS.ecs")));
        }
        if path == "/credentials" {
            return Reply::json(200, format!(r#"{{"Code":"Success",{}}}"#, creds("STS.uri")));
        }
        match request.param("Action").as_deref() {
            Some(action @ ("AssumeRole" | "AssumeRoleWithOIDC")) => {
                if let Some(code) = &self.sts_error {
                    return Reply::json(
                        403,
                        format!(r#"{{"RequestId":"R","Code":"{code}","Message":"refused"}}"#),
                    );
                }
                let id = if action == "AssumeRole" {
                    format!(
                        "STS.role-by-{}",
                        request.param("AccessKeyId").unwrap_or_default()
                    )
                } else {
                    "STS.oidc".to_owned()
                };
                Reply::json(
                    200,
                    format!(r#"{{"RequestId":"R","Credentials":{{{}}}}}"#, creds(&id)),
                )
            }
            _ => Reply::empty(400),
        }
    }
}

/// `METHOD path`, the Action and signer of an STS call, and `+token` when the IMDSv2 token
/// header is present.
pub fn summary(request: &Recorded) -> String {
    let mut line = format!("{} {}", request.method, request.path());
    if let Some(action) = request.param("Action") {
        line.push_str(&format!(" {action}"));
        match request.param("AccessKeyId") {
            Some(id) => line.push_str(&format!(" by {id}")),
            None => line.push_str(" anonymous"),
        }
    }
    if request.header("x-aliyun-ecs-metadata-token").is_some() {
        line.push_str(" +token");
    }
    line
}
