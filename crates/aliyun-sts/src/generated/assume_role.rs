// @generated from spec/sts/operations/AssumeRole.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The shared types this operation uses, also at `crate::types`.
pub use super::types::{AssumedRoleUser, StsCredentials};

/// The input of `AssumeRole`: Obtains temporary credentials (an STS token) of a RAM role, for a
/// RAM user or role allowed to assume it.
///
/// Quota: 100 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `InvalidParameter.DurationSeconds`, `InvalidParameter.RoleArn`,
/// `InvalidParameter.RoleSessionName`, `InvalidParameter.ExternalId`,
/// `InvalidParameter.PolicyGrammar`, `InvalidParameter.PolicySize`, `NoPermission`,
/// `EntityNotExist.Role`, `InternalError` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct AssumeRoleInput {
    /// `RoleArn` (required): The ARN of the role to assume (`acs:ram::<account id>:role/<role
    /// name>`).
    ///
    /// Example: `acs:ram::123456789012****:role/adminrole`
    pub role_arn: String,

    /// `RoleSessionName` (required): A name for the session, 2 to 64 letters, digits and `. @ - _`;
    /// it appears in the temporary identity and in the audit log.
    ///
    /// Example: `alice`
    pub role_session_name: String,

    /// `DurationSeconds`: How long the credentials are valid, from 900 s to the role's maximum
    /// session duration; 3600 when unset.
    ///
    /// Example: `3600`
    pub duration_seconds: Option<i64>,

    /// `Policy`: A policy (1 to 2,048 characters) that further restricts the session's permissions.
    pub policy: Option<String>,

    /// `ExternalId`: The external ID the role's trust policy requires (2 to 1,224 characters).
    pub external_id: Option<String>,

    /// `SourceIdentity`: The identity of the person or program behind the session, kept in the
    /// audit log.
    pub source_identity: Option<String>,
}

impl AssumeRoleInput {
    /// A builder for this input.
    pub fn builder() -> AssumeRoleInputBuilder {
        AssumeRoleInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for AssumeRoleInput {
    type Output = AssumeRoleResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "AssumeRole",
            super::API_VERSION,
        )
        .quota_per_second(100)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("RoleArn", &self.role_arn);
        w.write("RoleSessionName", &self.role_session_name);
        w.write("DurationSeconds", &self.duration_seconds);
        w.write("Policy", &self.policy);
        w.write("ExternalId", &self.external_id);
        w.write("SourceIdentity", &self.source_identity);
    }
}

/// Builds a [`AssumeRoleInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct AssumeRoleInputBuilder {
    role_arn: Option<String>,
    role_session_name: Option<String>,
    duration_seconds: Option<i64>,
    policy: Option<String>,
    external_id: Option<String>,
    source_identity: Option<String>,
}

impl AssumeRoleInputBuilder {
    /// `RoleArn` (required): The ARN of the role to assume (`acs:ram::<account id>:role/<role
    /// name>`).
    ///
    /// Example: `acs:ram::123456789012****:role/adminrole`
    pub fn role_arn(mut self, value: impl Into<String>) -> Self {
        self.role_arn = Some(value.into());
        self
    }

    /// Sets or clears `RoleArn`.
    pub fn set_role_arn(mut self, value: Option<String>) -> Self {
        self.role_arn = value;
        self
    }

    /// `RoleSessionName` (required): A name for the session, 2 to 64 letters, digits and `. @ - _`;
    /// it appears in the temporary identity and in the audit log.
    ///
    /// Example: `alice`
    pub fn role_session_name(mut self, value: impl Into<String>) -> Self {
        self.role_session_name = Some(value.into());
        self
    }

    /// Sets or clears `RoleSessionName`.
    pub fn set_role_session_name(mut self, value: Option<String>) -> Self {
        self.role_session_name = value;
        self
    }

    /// `DurationSeconds`: How long the credentials are valid, from 900 s to the role's maximum
    /// session duration; 3600 when unset.
    ///
    /// Example: `3600`
    pub fn duration_seconds(mut self, value: i64) -> Self {
        self.duration_seconds = Some(value);
        self
    }

    /// Sets or clears `DurationSeconds`.
    pub fn set_duration_seconds(mut self, value: Option<i64>) -> Self {
        self.duration_seconds = value;
        self
    }

    /// `Policy`: A policy (1 to 2,048 characters) that further restricts the session's permissions.
    pub fn policy(mut self, value: impl Into<String>) -> Self {
        self.policy = Some(value.into());
        self
    }

    /// Sets or clears `Policy`.
    pub fn set_policy(mut self, value: Option<String>) -> Self {
        self.policy = value;
        self
    }

    /// `ExternalId`: The external ID the role's trust policy requires (2 to 1,224 characters).
    pub fn external_id(mut self, value: impl Into<String>) -> Self {
        self.external_id = Some(value.into());
        self
    }

    /// Sets or clears `ExternalId`.
    pub fn set_external_id(mut self, value: Option<String>) -> Self {
        self.external_id = value;
        self
    }

    /// `SourceIdentity`: The identity of the person or program behind the session, kept in the
    /// audit log.
    pub fn source_identity(mut self, value: impl Into<String>) -> Self {
        self.source_identity = Some(value.into());
        self
    }

    /// Sets or clears `SourceIdentity`.
    pub fn set_source_identity(mut self, value: Option<String>) -> Self {
        self.source_identity = value;
        self
    }

    /// The input, or an error naming the first missing (or empty) required parameter.
    pub fn build(self) -> Result<AssumeRoleInput, aliyun_runtime::BuildError> {
        Ok(AssumeRoleInput {
            role_arn: self
                .role_arn
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "AssumeRole",
                        "RoleArn",
                        "role_arn",
                    ),
                )?,
            role_session_name: self
                .role_session_name
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "AssumeRole",
                        "RoleSessionName",
                        "role_session_name",
                    ),
                )?,
            duration_seconds: self.duration_seconds,
            policy: self.policy,
            external_id: self.external_id,
            source_identity: self.source_identity,
        })
    }
}

/// A `AssumeRole` call being set up: set its parameters, then `send` it. `C` is the client that
/// sends it: the async `RpcClient`.
#[derive(Clone, Debug)]
pub struct AssumeRoleFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: AssumeRoleInputBuilder,
}

impl<C> AssumeRoleFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: AssumeRoleInputBuilder::default(),
        }
    }

    /// `RoleArn` (required): The ARN of the role to assume (`acs:ram::<account id>:role/<role
    /// name>`).
    ///
    /// Example: `acs:ram::123456789012****:role/adminrole`
    pub fn role_arn(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.role_arn(value);
        self
    }

    /// Sets or clears `RoleArn`.
    pub fn set_role_arn(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_role_arn(value);
        self
    }

    /// `RoleSessionName` (required): A name for the session, 2 to 64 letters, digits and `. @ - _`;
    /// it appears in the temporary identity and in the audit log.
    ///
    /// Example: `alice`
    pub fn role_session_name(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.role_session_name(value);
        self
    }

    /// Sets or clears `RoleSessionName`.
    pub fn set_role_session_name(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_role_session_name(value);
        self
    }

    /// `DurationSeconds`: How long the credentials are valid, from 900 s to the role's maximum
    /// session duration; 3600 when unset.
    ///
    /// Example: `3600`
    pub fn duration_seconds(mut self, value: i64) -> Self {
        self.input = self.input.duration_seconds(value);
        self
    }

    /// Sets or clears `DurationSeconds`.
    pub fn set_duration_seconds(mut self, value: Option<i64>) -> Self {
        self.input = self.input.set_duration_seconds(value);
        self
    }

    /// `Policy`: A policy (1 to 2,048 characters) that further restricts the session's permissions.
    pub fn policy(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.policy(value);
        self
    }

    /// Sets or clears `Policy`.
    pub fn set_policy(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_policy(value);
        self
    }

    /// `ExternalId`: The external ID the role's trust policy requires (2 to 1,224 characters).
    pub fn external_id(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.external_id(value);
        self
    }

    /// Sets or clears `ExternalId`.
    pub fn set_external_id(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_external_id(value);
        self
    }

    /// `SourceIdentity`: The identity of the person or program behind the session, kept in the
    /// audit log.
    pub fn source_identity(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.source_identity(value);
        self
    }

    /// Sets or clears `SourceIdentity`.
    pub fn set_source_identity(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_source_identity(value);
        self
    }
}

impl AssumeRoleFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(self) -> Result<AssumeRoleResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

/// The response of AssumeRole.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct AssumeRoleResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `Credentials`: The temporary credentials.
    pub credentials: Option<StsCredentials>,

    /// `AssumedRoleUser`: The temporary identity.
    pub assumed_role_user: Option<AssumedRoleUser>,

    /// `SourceIdentity`: The source identity given in the request.
    pub source_identity: Option<String>,
}

impl std::fmt::Debug for AssumeRoleResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AssumeRoleResponse")
            .field("request_id", &self.request_id)
            .field("credentials", &self.credentials)
            .field("assumed_role_user", &self.assumed_role_user)
            .field("source_identity", &self.source_identity)
            .finish()
    }
}

impl wire::Decode for AssumeRoleResponse {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "Credentials" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.credentials,
                        value,
                        &path.field("Credentials"),
                    )?
                }
                "AssumedRoleUser" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.assumed_role_user,
                        value,
                        &path.field("AssumedRoleUser"),
                    )?
                }
                "SourceIdentity" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.source_identity,
                        value,
                        &path.field("SourceIdentity"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for AssumeRoleResponse {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("Credentials", &self.credentials);
        w.field_opt("AssumedRoleUser", &self.assumed_role_user);
        w.field_opt("SourceIdentity", &self.source_identity);
    }
}

impl wire::Reply for AssumeRoleResponse {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}

#[cfg(test)]
mod sample_tests {
    use aliyun_runtime::wire;

    #[allow(unused_imports)]
    use super::*;

    /// The JSON sample of the documentation. (spec/sts/samples/AssumeRole.doc.json)
    #[test]
    fn decodes_assume_role_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/sts/samples/AssumeRole.doc.json"
        );
        let reply = wire::decode_reply::<
            AssumeRoleResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
