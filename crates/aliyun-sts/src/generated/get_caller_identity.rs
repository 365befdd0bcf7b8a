// @generated from spec/sts/operations/GetCallerIdentity.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The input of `GetCallerIdentity`: Returns the identity of the caller: the account, the RAM
/// user or role session the credentials belong to.
///
/// Quota: 100 calls per second per account. HTTP methods: POST, GET.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GetCallerIdentityInput {}

impl GetCallerIdentityInput {
    /// A builder for this input.
    pub fn builder() -> GetCallerIdentityInputBuilder {
        GetCallerIdentityInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for GetCallerIdentityInput {
    type Output = GetCallerIdentityResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "GetCallerIdentity",
            super::API_VERSION,
        )
        .quota_per_second(100)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, _w: &mut aliyun_runtime::QueryWriter) {}
}

/// Builds a [`GetCallerIdentityInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct GetCallerIdentityInputBuilder {}

impl GetCallerIdentityInputBuilder {
    /// The input, or an error naming the first missing (or empty) required parameter.
    pub fn build(self) -> Result<GetCallerIdentityInput, aliyun_runtime::BuildError> {
        Ok(GetCallerIdentityInput {})
    }
}

/// A `GetCallerIdentity` call being set up: set its parameters, then `send` it. `C` is the
/// client that sends it: the async `RpcClient`.
#[derive(Clone, Debug)]
pub struct GetCallerIdentityFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: GetCallerIdentityInputBuilder,
}

impl<C> GetCallerIdentityFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: GetCallerIdentityInputBuilder::default(),
        }
    }
}

impl GetCallerIdentityFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(self) -> Result<GetCallerIdentityResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

/// The response of GetCallerIdentity.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct GetCallerIdentityResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `IdentityType`: The kind of identity: `Account`, `RAMUser` or `AssumedRoleUser`.
    pub identity_type: Option<String>,

    /// `AccountId`: The ID of the Alibaba Cloud account.
    pub account_id: Option<String>,

    /// `PrincipalId`: The ID of the principal.
    pub principal_id: Option<String>,

    /// `UserId`: The ID of the RAM user (for a RAM user).
    pub user_id: Option<String>,

    /// `RoleId`: The ID of the RAM role (for a role session).
    pub role_id: Option<String>,

    /// `Arn`: The ARN of the caller.
    pub arn: Option<String>,
}

impl std::fmt::Debug for GetCallerIdentityResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GetCallerIdentityResponse")
            .field("request_id", &self.request_id)
            .field("identity_type", &self.identity_type)
            .field("account_id", &self.account_id)
            .field("principal_id", &self.principal_id)
            .field("user_id", &self.user_id)
            .field("role_id", &self.role_id)
            .field("arn", &self.arn)
            .finish()
    }
}

impl wire::Decode for GetCallerIdentityResponse {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "IdentityType" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.identity_type,
                        value,
                        &path.field("IdentityType"),
                    )?
                }
                "AccountId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.account_id,
                        value,
                        &path.field("AccountId"),
                    )?
                }
                "PrincipalId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.principal_id,
                        value,
                        &path.field("PrincipalId"),
                    )?
                }
                "UserId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.user_id,
                        value,
                        &path.field("UserId"),
                    )?
                }
                "RoleId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.role_id,
                        value,
                        &path.field("RoleId"),
                    )?
                }
                "Arn" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.arn,
                        value,
                        &path.field("Arn"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for GetCallerIdentityResponse {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("IdentityType", &self.identity_type);
        w.field_opt("AccountId", &self.account_id);
        w.field_opt("PrincipalId", &self.principal_id);
        w.field_opt("UserId", &self.user_id);
        w.field_opt("RoleId", &self.role_id);
        w.field_opt("Arn", &self.arn);
    }
}

impl wire::Reply for GetCallerIdentityResponse {
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

    /// The JSON sample of the documentation. (spec/sts/samples/GetCallerIdentity.doc.json)
    #[test]
    fn decodes_get_caller_identity_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/sts/samples/GetCallerIdentity.doc.json"
        );
        let reply = wire::decode_reply::<
            GetCallerIdentityResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
