// @generated from spec/sts/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// Temporary credentials issued by STS.
///
/// Wire name: `Credentials`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct StsCredentials {
    /// `AccessKeyId`: The temporary AccessKey ID (`STS.` followed by letters and digits).
    pub access_key_id: String,

    /// `AccessKeySecret`: The temporary AccessKey secret.
    pub access_key_secret: String,

    /// `SecurityToken`: The security token sent with every call signed with these credentials.
    pub security_token: String,

    /// `Expiration`: When the credentials expire (UTC).
    pub expiration: aliyun_runtime::jiff::Timestamp,
}

impl std::fmt::Debug for StsCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StsCredentials")
            .field("access_key_id", &self.access_key_id)
            .field("access_key_secret", &aliyun_runtime::secret::Redacted)
            .field("security_token", &aliyun_runtime::secret::Redacted)
            .field("expiration", &self.expiration)
            .finish()
    }
}

impl wire::Decode for StsCredentials {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        let mut required_access_key_id = None;
        let mut required_access_key_secret = None;
        let mut required_security_token = None;
        let mut required_expiration = None;
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "AccessKeyId" => {
                    required_access_key_id = aliyun_runtime::codegen::decode_required(
                        value,
                        &path.field("AccessKeyId"),
                    )?;
                }
                "AccessKeySecret" => {
                    required_access_key_secret = aliyun_runtime::codegen::decode_required(
                        value,
                        &path.field("AccessKeySecret"),
                    )?;
                }
                "SecurityToken" => {
                    required_security_token = aliyun_runtime::codegen::decode_required(
                        value,
                        &path.field("SecurityToken"),
                    )?;
                }
                "Expiration" => {
                    required_expiration = aliyun_runtime::codegen::decode_required(
                        value,
                        &path.field("Expiration"),
                    )?;
                }
                _ => {}
            }
        }
        out.access_key_id = aliyun_runtime::codegen::required(
            required_access_key_id,
            path,
            "AccessKeyId",
        )?;
        out.access_key_secret = aliyun_runtime::codegen::required(
            required_access_key_secret,
            path,
            "AccessKeySecret",
        )?;
        out.security_token = aliyun_runtime::codegen::required(
            required_security_token,
            path,
            "SecurityToken",
        )?;
        out.expiration = aliyun_runtime::codegen::required(
            required_expiration,
            path,
            "Expiration",
        )?;
        Ok(out)
    }
}

impl wire::EncodeFields for StsCredentials {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field("AccessKeyId", &self.access_key_id);
        w.field("AccessKeySecret", &self.access_key_secret);
        w.field("SecurityToken", &self.security_token);
        w.field("Expiration", &self.expiration);
    }
}

/// The temporary identity of the role session.
///
/// Wire name: `AssumedRoleUser`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct AssumedRoleUser {
    /// `AssumedRoleId`: The ID of the temporary identity (`<role id>:<session name>`).
    pub assumed_role_id: Option<String>,

    /// `Arn`: The ARN of the temporary identity.
    pub arn: Option<String>,
}

impl std::fmt::Debug for AssumedRoleUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AssumedRoleUser")
            .field("assumed_role_id", &self.assumed_role_id)
            .field("arn", &self.arn)
            .finish()
    }
}

impl wire::Decode for AssumedRoleUser {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "AssumedRoleId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.assumed_role_id,
                        value,
                        &path.field("AssumedRoleId"),
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

impl wire::EncodeFields for AssumedRoleUser {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("AssumedRoleId", &self.assumed_role_id);
        w.field_opt("Arn", &self.arn);
    }
}
