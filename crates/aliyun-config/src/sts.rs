//! STS for the RAM-role providers: which endpoint, AssumeRole (signed, through the generated
//! `aliyun-sts` client) and AssumeRoleWithOIDC (anonymous: a form POST of the generated
//! input's parameters, decoded into the generated output).

use std::fmt;
use std::time::Duration;

use aliyun_runtime::credentials::CredentialsError;
use aliyun_runtime::{Config, Credentials, Operation, QueryWriter, jiff, wire};
use aliyun_sts::assume_role_with_oidc::AssumeRoleWithOidcInput;
use aliyun_sts::types::StsCredentials;

use crate::Environment;
use crate::env_vars::{ENV_STS_ENDPOINT, ENV_STS_REGION, ENV_VPC_ENDPOINT_ENABLED, is_true};
use crate::http;

/// The official libraries' STS timeouts (credentials.md §7).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// The session length when none is configured, and the shortest STS grants.
pub(crate) const DEFAULT_DURATION_SECONDS: i64 = 3600;
const MIN_DURATION_SECONDS: i64 = 900;

/// Where STS calls go, from the profile's fields and the environment (decisions.md):
/// `sts_endpoint`, else `ALIBABA_CLOUD_STS_ENDPOINT` (a bare host means HTTPS; an explicit
/// `http://` URL means plain HTTP, for loopback tests), else `sts[-vpc].<region>.aliyuncs.com`
/// with the region from `sts_region` or `ALIBABA_CLOUD_STS_REGION`, else `sts.aliyuncs.com`.
pub(crate) fn endpoint(
    env: &Environment,
    sts_endpoint: Option<&str>,
    sts_region: Option<&str>,
    enable_vpc: Option<bool>,
) -> String {
    let explicit = sts_endpoint
        .map(str::to_owned)
        .filter(|e| !e.trim().is_empty())
        .or_else(|| env.var(ENV_STS_ENDPOINT));
    if let Some(endpoint) = explicit {
        let endpoint = endpoint.trim();
        return if endpoint.starts_with("http://") || endpoint.starts_with("https://") {
            endpoint.to_owned()
        } else {
            format!("https://{endpoint}/")
        };
    }
    let region = sts_region
        .map(str::to_owned)
        .filter(|r| !r.trim().is_empty())
        .or_else(|| env.var(ENV_STS_REGION));
    match region {
        Some(region) => {
            // An explicit `enable_vpc` wins over the variable (Python and Java; Go lets the
            // variable win).
            let vpc = enable_vpc.unwrap_or_else(|| is_true(env, ENV_VPC_ENDPOINT_ENABLED));
            let prefix = if vpc { "sts-vpc" } else { "sts" };
            format!("https://{prefix}.{}.aliyuncs.com/", region.trim())
        }
        None => "https://sts.aliyuncs.com/".to_owned(),
    }
}

/// What a role session asks STS for.
#[derive(Clone)]
pub(crate) struct RoleSession {
    /// The role to assume.
    pub role_arn: String,
    /// The session's name; a default made of the time when absent.
    pub session_name: Option<String>,
    /// How long the credentials last.
    pub duration_seconds: i64,
    /// A policy restricting the session.
    pub policy: Option<String>,
    /// The external ID the role's trust policy wants (AssumeRole only).
    pub external_id: Option<String>,
    /// The STS base URL.
    pub endpoint: String,
}

impl fmt::Debug for RoleSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RoleSession")
            .field("role_arn", &self.role_arn)
            .field("session_name", &self.session_name)
            .field("duration_seconds", &self.duration_seconds)
            .field("endpoint", &self.endpoint)
            .finish_non_exhaustive()
    }
}

impl RoleSession {
    /// Refuses what STS would refuse anyway, before calling it.
    pub(crate) fn check(&self, origin: &str) -> Result<(), CredentialsError> {
        if self.role_arn.trim().is_empty() {
            return Err(crate::profile::invalid(origin, "no role ARN"));
        }
        if self.duration_seconds < MIN_DURATION_SECONDS {
            return Err(crate::profile::invalid(
                origin,
                format!(
                    "the session duration {} s is below the minimum of {MIN_DURATION_SECONDS} s",
                    self.duration_seconds
                ),
            ));
        }
        Ok(())
    }

    fn session_name(&self) -> String {
        self.session_name
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| {
                format!(
                    "aliyun-config-rs-{}",
                    jiff::Timestamp::now().as_millisecond()
                )
            })
    }

    /// AssumeRole signed with `source` (its token, if any, sent as `SecurityToken`).
    pub(crate) async fn assume_role(
        &self,
        origin: &str,
        source: Credentials,
    ) -> Result<Credentials, CredentialsError> {
        let sts_error = |e: aliyun_runtime::Error| sts_error(origin, "AssumeRole", &e);
        let config = Config::builder()
            .endpoint_url(&self.endpoint)
            .map_err(sts_error)?
            .credentials(source)
            .connect_timeout(CONNECT_TIMEOUT)
            .read_timeout(READ_TIMEOUT)
            .build()
            .map_err(sts_error)?;
        let reply = aliyun_sts::Client::new(config)
            .map_err(sts_error)?
            .assume_role()
            .role_arn(&self.role_arn)
            .role_session_name(self.session_name())
            .duration_seconds(self.duration_seconds)
            .set_policy(self.policy.clone())
            .set_external_id(self.external_id.clone())
            .send()
            .await
            .map_err(sts_error)?;
        credentials_from(origin, "AssumeRole", reply.credentials)
    }

    /// AssumeRoleWithOIDC: anonymous, the token is the proof. Sent as credentials-go does:
    /// POST, the common parameters in the query, the operation's in a form body.
    pub(crate) async fn assume_role_with_oidc(
        &self,
        origin: &str,
        provider_arn: &str,
        token: String,
    ) -> Result<Credentials, CredentialsError> {
        let input = AssumeRoleWithOidcInput::builder()
            .role_arn(&self.role_arn)
            .oidc_provider_arn(provider_arn)
            .oidc_token(token)
            .role_session_name(self.session_name())
            .duration_seconds(self.duration_seconds)
            .set_policy(self.policy.clone())
            .build()
            .map_err(|e| crate::profile::invalid(origin, e.to_string()))?;
        let info = AssumeRoleWithOidcInput::INFO;
        let mut writer = QueryWriter::new();
        input.serialize(&mut writer);
        let timestamp = jiff::Timestamp::now()
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        let query = form(&[
            ("Action", info.action),
            ("Version", info.version),
            ("Format", "JSON"),
            ("Timestamp", &timestamp),
        ]);
        let body = form(
            &writer
                .pairs()
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect::<Vec<_>>(),
        );
        let url = format!("{}?{query}", self.endpoint);
        let client = http::client(origin, CONNECT_TIMEOUT, READ_TIMEOUT)?;
        let response = client
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .map_err(|e| http::transport(origin, "STS AssumeRoleWithOIDC", e))?;
        let status = response.status().as_u16();
        let bytes = http::read_body(origin, "STS AssumeRoleWithOIDC", response).await?;
        let reply = wire::decode_reply::<<AssumeRoleWithOidcInput as Operation>::Output>(
            wire::Format::Json,
            status,
            &bytes,
        )
        .map_err(|e| sts_error(origin, "AssumeRoleWithOIDC", &e))?;
        credentials_from(origin, "AssumeRoleWithOIDC", reply.credentials)
    }
}

fn credentials_from(
    origin: &str,
    action: &str,
    credentials: Option<StsCredentials>,
) -> Result<Credentials, CredentialsError> {
    let c = credentials.ok_or_else(|| {
        http::service(origin, format!("STS {action} answered without Credentials"))
    })?;
    Ok(
        Credentials::with_security_token(c.access_key_id, c.access_key_secret, c.security_token)
            .with_expiry(c.expiration),
    )
}

/// An STS failure in words that hold no secret: the service's code and message, or what
/// failed on the way (a reply that does not decode is not quoted: it may hold credentials).
fn sts_error(origin: &str, action: &str, error: &aliyun_runtime::Error) -> CredentialsError {
    use aliyun_runtime::Error;
    let message = match error {
        Error::Service(service) => format!(
            "STS {action} refused (HTTP {}): {}: {}",
            service.status, service.code, service.message
        ),
        Error::Decode(_) => format!("STS {action} answered a reply that does not decode"),
        Error::Credentials(e) => format!("the credentials to call STS {action} with: {e}"),
        other => format!("STS {action}: {other}"),
    };
    http::service(origin, message)
}

/// `application/x-www-form-urlencoded` text, percent-encoded as RFC 3986 wants.
fn form(pairs: &[(&str, &str)]) -> String {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
    const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    pairs
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                utf8_percent_encode(k, UNRESERVED),
                utf8_percent_encode(v, UNRESERVED)
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &[(&str, &str)]) -> Environment {
        Environment::from_vars(vars.iter().copied())
    }

    #[test]
    fn the_endpoint_follows_the_profile_then_the_variable_then_the_region() {
        let none = env(&[]);
        let var = env(&[(ENV_STS_ENDPOINT, "sts.example.com")]);
        // (environment, profile sts_endpoint, profile sts_region, profile enable_vpc, endpoint)
        type Case<'a> = (
            &'a Environment,
            Option<&'a str>,
            Option<&'a str>,
            Option<bool>,
            &'a str,
        );
        let cases: [Case<'_>; 9] = [
            (&none, None, None, None, "https://sts.aliyuncs.com/"),
            (
                &none,
                Some("sts.internal"),
                None,
                None,
                "https://sts.internal/",
            ),
            (
                &none,
                Some("http://127.0.0.1:9/"),
                None,
                None,
                "http://127.0.0.1:9/",
            ),
            (&var, None, None, None, "https://sts.example.com/"),
            (
                &var,
                Some("http://127.0.0.1:9"),
                None,
                None,
                "http://127.0.0.1:9",
            ),
            (
                &none,
                None,
                Some("cn-hangzhou"),
                None,
                "https://sts.cn-hangzhou.aliyuncs.com/",
            ),
            (
                &none,
                None,
                Some("cn-hangzhou"),
                Some(true),
                "https://sts-vpc.cn-hangzhou.aliyuncs.com/",
            ),
            (
                &env(&[
                    (ENV_STS_REGION, "cn-beijing"),
                    (ENV_VPC_ENDPOINT_ENABLED, "true"),
                ]),
                None,
                None,
                None,
                "https://sts-vpc.cn-beijing.aliyuncs.com/",
            ),
            (
                &env(&[
                    (ENV_STS_REGION, "cn-beijing"),
                    (ENV_VPC_ENDPOINT_ENABLED, "true"),
                ]),
                None,
                None,
                Some(false),
                "https://sts.cn-beijing.aliyuncs.com/",
            ),
        ];
        for (env, endpoint, region, vpc, want) in cases {
            assert_eq!(
                super::endpoint(env, endpoint, region, vpc),
                want,
                "{endpoint:?} {region:?} {vpc:?}"
            );
        }
    }

    #[test]
    fn the_form_encodes_as_rfc_3986() {
        assert_eq!(
            form(&[("Policy", "{\"a\": 1}"), ("K~", "a+b c")]),
            "Policy=%7B%22a%22%3A%201%7D&K~=a%2Bb%20c"
        );
    }
}
