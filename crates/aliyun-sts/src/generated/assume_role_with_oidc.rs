// @generated from spec/sts/operations/AssumeRoleWithOIDC.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The shared types this operation uses, also at `crate::types`.
pub use super::types::{AssumedRoleUser, StsCredentials};

/// The input of `AssumeRoleWithOIDC`: Obtains temporary credentials of a RAM role for the
/// holder of an OIDC token issued by an identity provider the role trusts (RRSA in Container
/// Service for Kubernetes).
///
/// Quota: 100 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `InvalidParameter.DurationSeconds`, `InvalidParameter.RoleArn`,
/// `InvalidParameter.RoleSessionName`, `InvalidParameter.PolicyGrammar`, `NoPermission`,
/// `EntityNotExist.Role`, `InternalError` (see `crate::error_codes`). Anonymous: sent without
/// `AccessKeyId` and unsigned (a credential in the parameters is the proof).
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct AssumeRoleWithOidcInput {
    /// `RoleArn` (required): The ARN of the role to assume.
    ///
    /// Example: `acs:ram::113511544585****:role/testoidc`
    pub role_arn: String,

    /// `OIDCProviderArn` (required): The ARN of the OIDC identity provider registered in RAM.
    ///
    /// Example: `acs:ram::113511544585****:oidc-provider/TestOidcIdp`
    pub oidc_provider_arn: String,

    /// `OIDCToken` (required): The OIDC token (4 to 20,000 characters), as the identity provider
    /// issued it.
    pub oidc_token: String,

    /// `RoleSessionName`: A name for the session, 2 to 64 letters, digits and `. @ - _`.
    ///
    /// Example: `session`
    pub role_session_name: Option<String>,

    /// `DurationSeconds`: How long the credentials are valid, from 900 s; 3600 when unset.
    ///
    /// Example: `3600`
    pub duration_seconds: Option<i64>,

    /// `Policy`: A policy (1 to 2,048 characters) that further restricts the session's permissions.
    pub policy: Option<String>,
}

impl std::fmt::Debug for AssumeRoleWithOidcInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AssumeRoleWithOidcInput")
            .field("role_arn", &self.role_arn)
            .field("oidc_provider_arn", &self.oidc_provider_arn)
            .field("oidc_token", &aliyun_runtime::secret::Redacted)
            .field("role_session_name", &self.role_session_name)
            .field("duration_seconds", &self.duration_seconds)
            .field("policy", &self.policy)
            .finish()
    }
}

impl std::fmt::Debug for AssumeRoleWithOidcInputBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AssumeRoleWithOidcInputBuilder")
            .field("role_arn", &self.role_arn)
            .field("oidc_provider_arn", &self.oidc_provider_arn)
            .field(
                "oidc_token",
                &self.oidc_token.as_ref().map(|_| aliyun_runtime::secret::Redacted),
            )
            .field("role_session_name", &self.role_session_name)
            .field("duration_seconds", &self.duration_seconds)
            .field("policy", &self.policy)
            .finish()
    }
}

impl AssumeRoleWithOidcInput {
    /// A builder for this input.
    pub fn builder() -> AssumeRoleWithOidcInputBuilder {
        AssumeRoleWithOidcInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for AssumeRoleWithOidcInput {
    type Output = AssumeRoleWithOidcResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "AssumeRoleWithOIDC",
            super::API_VERSION,
        )
        .quota_per_second(100)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("RoleArn", &self.role_arn);
        w.write("OIDCProviderArn", &self.oidc_provider_arn);
        w.write("OIDCToken", &self.oidc_token);
        w.write("RoleSessionName", &self.role_session_name);
        w.write("DurationSeconds", &self.duration_seconds);
        w.write("Policy", &self.policy);
    }
}

/// Builds a [`AssumeRoleWithOidcInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Default)]
pub struct AssumeRoleWithOidcInputBuilder {
    role_arn: Option<String>,
    oidc_provider_arn: Option<String>,
    oidc_token: Option<String>,
    role_session_name: Option<String>,
    duration_seconds: Option<i64>,
    policy: Option<String>,
}

impl AssumeRoleWithOidcInputBuilder {
    /// `RoleArn` (required): The ARN of the role to assume.
    ///
    /// Example: `acs:ram::113511544585****:role/testoidc`
    pub fn role_arn(mut self, value: impl Into<String>) -> Self {
        self.role_arn = Some(value.into());
        self
    }

    /// Sets or clears `RoleArn`.
    pub fn set_role_arn(mut self, value: Option<String>) -> Self {
        self.role_arn = value;
        self
    }

    /// `OIDCProviderArn` (required): The ARN of the OIDC identity provider registered in RAM.
    ///
    /// Example: `acs:ram::113511544585****:oidc-provider/TestOidcIdp`
    pub fn oidc_provider_arn(mut self, value: impl Into<String>) -> Self {
        self.oidc_provider_arn = Some(value.into());
        self
    }

    /// Sets or clears `OIDCProviderArn`.
    pub fn set_oidc_provider_arn(mut self, value: Option<String>) -> Self {
        self.oidc_provider_arn = value;
        self
    }

    /// `OIDCToken` (required): The OIDC token (4 to 20,000 characters), as the identity provider
    /// issued it.
    pub fn oidc_token(mut self, value: impl Into<String>) -> Self {
        self.oidc_token = Some(value.into());
        self
    }

    /// Sets or clears `OIDCToken`.
    pub fn set_oidc_token(mut self, value: Option<String>) -> Self {
        self.oidc_token = value;
        self
    }

    /// `RoleSessionName`: A name for the session, 2 to 64 letters, digits and `. @ - _`.
    ///
    /// Example: `session`
    pub fn role_session_name(mut self, value: impl Into<String>) -> Self {
        self.role_session_name = Some(value.into());
        self
    }

    /// Sets or clears `RoleSessionName`.
    pub fn set_role_session_name(mut self, value: Option<String>) -> Self {
        self.role_session_name = value;
        self
    }

    /// `DurationSeconds`: How long the credentials are valid, from 900 s; 3600 when unset.
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

    /// The input, or an error naming the first missing (or empty) required parameter.
    pub fn build(self) -> Result<AssumeRoleWithOidcInput, aliyun_runtime::BuildError> {
        Ok(AssumeRoleWithOidcInput {
            role_arn: self
                .role_arn
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "AssumeRoleWithOIDC",
                        "RoleArn",
                        "role_arn",
                    ),
                )?,
            oidc_provider_arn: self
                .oidc_provider_arn
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "AssumeRoleWithOIDC",
                        "OIDCProviderArn",
                        "oidc_provider_arn",
                    ),
                )?,
            oidc_token: self
                .oidc_token
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "AssumeRoleWithOIDC",
                        "OIDCToken",
                        "oidc_token",
                    ),
                )?,
            role_session_name: self.role_session_name,
            duration_seconds: self.duration_seconds,
            policy: self.policy,
        })
    }
}

/// A `AssumeRoleWithOIDC` call being set up: set its parameters, then `send` it. `C` is the
/// client that sends it: the async `RpcClient`.
#[derive(Clone, Debug)]
pub struct AssumeRoleWithOidcFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: AssumeRoleWithOidcInputBuilder,
}

impl<C> AssumeRoleWithOidcFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: AssumeRoleWithOidcInputBuilder::default(),
        }
    }

    /// `RoleArn` (required): The ARN of the role to assume.
    ///
    /// Example: `acs:ram::113511544585****:role/testoidc`
    pub fn role_arn(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.role_arn(value);
        self
    }

    /// Sets or clears `RoleArn`.
    pub fn set_role_arn(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_role_arn(value);
        self
    }

    /// `OIDCProviderArn` (required): The ARN of the OIDC identity provider registered in RAM.
    ///
    /// Example: `acs:ram::113511544585****:oidc-provider/TestOidcIdp`
    pub fn oidc_provider_arn(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.oidc_provider_arn(value);
        self
    }

    /// Sets or clears `OIDCProviderArn`.
    pub fn set_oidc_provider_arn(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_oidc_provider_arn(value);
        self
    }

    /// `OIDCToken` (required): The OIDC token (4 to 20,000 characters), as the identity provider
    /// issued it.
    pub fn oidc_token(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.oidc_token(value);
        self
    }

    /// Sets or clears `OIDCToken`.
    pub fn set_oidc_token(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_oidc_token(value);
        self
    }

    /// `RoleSessionName`: A name for the session, 2 to 64 letters, digits and `. @ - _`.
    ///
    /// Example: `session`
    pub fn role_session_name(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.role_session_name(value);
        self
    }

    /// Sets or clears `RoleSessionName`.
    pub fn set_role_session_name(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_role_session_name(value);
        self
    }

    /// `DurationSeconds`: How long the credentials are valid, from 900 s; 3600 when unset.
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
}

impl AssumeRoleWithOidcFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(
        self,
    ) -> Result<AssumeRoleWithOidcResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

/// The response of AssumeRoleWithOIDC.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct AssumeRoleWithOidcResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `Credentials`: The temporary credentials.
    pub credentials: Option<StsCredentials>,

    /// `AssumedRoleUser`: The temporary identity.
    pub assumed_role_user: Option<AssumedRoleUser>,

    /// `OIDCTokenInfo`: What STS read from the OIDC token.
    pub oidc_token_info: Option<OidcTokenInfo>,

    /// `SourceIdentity`: The source identity.
    pub source_identity: Option<String>,
}

impl std::fmt::Debug for AssumeRoleWithOidcResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AssumeRoleWithOidcResponse")
            .field("request_id", &self.request_id)
            .field("credentials", &self.credentials)
            .field("assumed_role_user", &self.assumed_role_user)
            .field("oidc_token_info", &self.oidc_token_info)
            .field("source_identity", &self.source_identity)
            .finish()
    }
}

impl wire::Decode for AssumeRoleWithOidcResponse {
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
                "OIDCTokenInfo" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.oidc_token_info,
                        value,
                        &path.field("OIDCTokenInfo"),
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

impl wire::EncodeFields for AssumeRoleWithOidcResponse {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("Credentials", &self.credentials);
        w.field_opt("AssumedRoleUser", &self.assumed_role_user);
        w.field_opt("OIDCTokenInfo", &self.oidc_token_info);
        w.field_opt("SourceIdentity", &self.source_identity);
    }
}

impl wire::Reply for AssumeRoleWithOidcResponse {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}

/// The claims of the OIDC token STS verified.
///
/// Wire name: `OIDCTokenInfo`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct OidcTokenInfo {
    /// `Subject`: The token's subject (`sub`).
    pub subject: Option<String>,

    /// `Issuer`: The token's issuer (`iss`).
    pub issuer: Option<String>,

    /// `ClientIds`: The token's audiences (`aud`), separated by commas.
    pub client_ids: Option<String>,

    /// `ExpirationTime`: When the token expires.
    pub expiration_time: Option<aliyun_runtime::jiff::Timestamp>,

    /// `IssuanceTime`: When the token was issued.
    pub issuance_time: Option<aliyun_runtime::jiff::Timestamp>,

    /// `VerificationInfo`: The result of the verification.
    pub verification_info: Option<String>,
}

impl std::fmt::Debug for OidcTokenInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcTokenInfo")
            .field("subject", &self.subject)
            .field("issuer", &self.issuer)
            .field("client_ids", &self.client_ids)
            .field("expiration_time", &self.expiration_time)
            .field("issuance_time", &self.issuance_time)
            .field("verification_info", &self.verification_info)
            .finish()
    }
}

impl wire::Decode for OidcTokenInfo {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "Subject" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.subject,
                        value,
                        &path.field("Subject"),
                    )?
                }
                "Issuer" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.issuer,
                        value,
                        &path.field("Issuer"),
                    )?
                }
                "ClientIds" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.client_ids,
                        value,
                        &path.field("ClientIds"),
                    )?
                }
                "ExpirationTime" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.expiration_time,
                        value,
                        &path.field("ExpirationTime"),
                    )?
                }
                "IssuanceTime" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.issuance_time,
                        value,
                        &path.field("IssuanceTime"),
                    )?
                }
                "VerificationInfo" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.verification_info,
                        value,
                        &path.field("VerificationInfo"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for OidcTokenInfo {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("Subject", &self.subject);
        w.field_opt("Issuer", &self.issuer);
        w.field_opt("ClientIds", &self.client_ids);
        w.field_opt("ExpirationTime", &self.expiration_time);
        w.field_opt("IssuanceTime", &self.issuance_time);
        w.field_opt("VerificationInfo", &self.verification_info);
    }
}

#[cfg(test)]
mod sample_tests {
    use aliyun_runtime::wire;

    #[allow(unused_imports)]
    use super::*;

    /// The JSON sample of the documentation. (spec/sts/samples/AssumeRoleWithOIDC.doc.json)
    #[test]
    fn decodes_assume_role_with_oidc_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/sts/samples/AssumeRoleWithOIDC.doc.json"
        );
        let reply = wire::decode_reply::<
            AssumeRoleWithOidcResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
