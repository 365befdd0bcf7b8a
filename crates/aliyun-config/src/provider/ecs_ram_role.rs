//! The ECS instance's RAM role, from the metadata service (credentials.md §6): an IMDSv2
//! session token first (`PUT /latest/api/token`), then the role name (unless given) and the
//! role's credentials, each `GET` carrying the token. Without a token the calls go without it
//! (IMDSv1) unless `ALIBABA_CLOUD_IMDSV1_DISABLED=true`.

use std::time::Duration;

use aliyun_runtime::Credentials;
use aliyun_runtime::credentials::{
    CredentialsError, CredentialsErrorKind, CredentialsFuture, ProvideCredentials,
};

use crate::Environment;
use crate::env_vars::{ENV_ECS_METADATA, ENV_ECS_METADATA_ENDPOINT, ENV_IMDSV1_DISABLED, is_true};
use crate::http;

/// The provider's name in chains and errors.
pub const NAME: &str = "ecs_ram_role";

/// The metadata service of every ECS instance.
const DEFAULT_ENDPOINT: &str = "http://100.100.100.200";
/// The official libraries' timeouts: the service answers at once or is not there.
const TIMEOUT: Duration = Duration::from_secs(1);
/// The session token's lifetime asked for (the longest the service grants).
const TOKEN_TTL_SECONDS: &str = "21600";
const CREDENTIALS_PATH: &str = "/latest/meta-data/ram/security-credentials/";

/// Credentials of the ECS instance's RAM role.
#[derive(Clone, Debug)]
pub struct EcsRamRoleProvider {
    endpoint: String,
    role_name: Option<String>,
    imdsv1_disabled: bool,
}

impl EcsRamRoleProvider {
    /// The provider as `env` configures it, for the role `role_name` (else
    /// `ALIBABA_CLOUD_ECS_METADATA`, else the instance's role, discovered). The address comes
    /// from `ALIBABA_CLOUD_ECS_METADATA_ENDPOINT` (our extension: `http://host:port` or
    /// `host:port`), else `100.100.100.200`.
    pub fn new(env: &Environment, role_name: Option<String>) -> Self {
        let endpoint = match env.var(ENV_ECS_METADATA_ENDPOINT) {
            Some(e) if e.starts_with("http://") || e.starts_with("https://") => {
                e.trim().trim_end_matches('/').to_owned()
            }
            Some(e) => format!("http://{}", e.trim().trim_end_matches('/')),
            None => DEFAULT_ENDPOINT.to_owned(),
        };
        Self {
            endpoint,
            role_name: role_name
                .filter(|r| !r.trim().is_empty())
                .or_else(|| env.var(ENV_ECS_METADATA)),
            imdsv1_disabled: is_true(env, ENV_IMDSV1_DISABLED),
        }
    }

    fn origin(&self) -> String {
        format!("{NAME} ({})", self.endpoint)
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let origin = self.origin();
        let client = http::client(&origin, TIMEOUT, TIMEOUT)?;
        let token = self.token(&client, &origin).await?;
        let role = match &self.role_name {
            Some(role) => role.clone(),
            None => {
                let body = self
                    .get(&client, &origin, CREDENTIALS_PATH, token.as_deref())
                    .await?;
                let text = String::from_utf8_lossy(&body);
                let role = text.lines().next().unwrap_or_default().trim().to_owned();
                if role.is_empty() {
                    return Err(http::service(&origin, "the instance has no RAM role"));
                }
                role
            }
        };
        let path = format!("{CREDENTIALS_PATH}{role}");
        let body = self.get(&client, &origin, &path, token.as_deref()).await?;
        http::parse_credentials_body(&origin, &body)
    }

    /// An IMDSv2 session token, or `None` (IMDSv1) when the service gives none and v1 is
    /// allowed. An unreachable service is "not configured": this is not an ECS instance.
    async fn token(
        &self,
        client: &reqwest::Client,
        origin: &str,
    ) -> Result<Option<String>, CredentialsError> {
        let result = client
            .put(format!("{}/latest/api/token", self.endpoint))
            .header("X-aliyun-ecs-metadata-token-ttl-seconds", TOKEN_TTL_SECONDS)
            .send()
            .await;
        let why = match result {
            Ok(response) if response.status().as_u16() == 200 => {
                match http::read_body(origin, "the IMDSv2 token", response).await {
                    Ok(body) => match String::from_utf8_lossy(&body).trim() {
                        "" => "an empty token".to_owned(),
                        token => return Ok(Some(token.to_owned())),
                    },
                    Err(e) => e.message().to_owned(),
                }
            }
            Ok(response) => format!("HTTP {}", response.status().as_u16()),
            Err(e) if e.is_connect() || e.is_timeout() => {
                return Err(unreachable(origin));
            }
            Err(_) => "a failed exchange".to_owned(),
        };
        if self.imdsv1_disabled {
            return Err(http::service(
                origin,
                format!("no IMDSv2 session token ({why}) and {ENV_IMDSV1_DISABLED} forbids IMDSv1"),
            ));
        }
        tracing::debug!(why, "no IMDSv2 session token: falling back to IMDSv1");
        Ok(None)
    }

    async fn get(
        &self,
        client: &reqwest::Client,
        origin: &str,
        path: &str,
        token: Option<&str>,
    ) -> Result<Vec<u8>, CredentialsError> {
        let mut request = client.get(format!("{}{path}", self.endpoint));
        if let Some(token) = token {
            request = request.header("X-aliyun-ecs-metadata-token", token);
        }
        let response = request.send().await.map_err(|e| {
            if e.is_connect() || e.is_timeout() {
                unreachable(origin)
            } else {
                http::transport(origin, "the metadata service", e)
            }
        })?;
        let status = response.status().as_u16();
        if status == 404 {
            return Err(http::service(
                origin,
                format!("{path}: not found (HTTP 404): no such role on this instance"),
            ));
        }
        if status != 200 {
            return Err(http::service(origin, format!("{path}: HTTP {status}")));
        }
        http::read_body(origin, "the metadata service", response).await
    }
}

/// Not an ECS instance (or the service is down): a chain moves on (decisions.md).
fn unreachable(origin: &str) -> CredentialsError {
    CredentialsError::new(
        CredentialsErrorKind::NotConfigured,
        origin,
        "the metadata service cannot be reached (not an ECS instance?)",
    )
}

impl ProvideCredentials for EcsRamRoleProvider {
    fn provide(&self) -> CredentialsFuture<'_> {
        Box::pin(self.load())
    }
}
