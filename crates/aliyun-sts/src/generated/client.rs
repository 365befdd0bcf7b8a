// @generated from spec/sts/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

/// A client for Sts: one method per operation; retries, pacing and signing come from the
/// runtime. Cheap to clone.
///
/// ```no_run
/// # async fn example() -> Result<(), aliyun_sts::Error> {
/// // A key, or a provider such as aliyun-config's default chain.
/// let credentials = aliyun_runtime::Credentials::new("AccessKeyId", "AccessKeySecret");
/// let config = aliyun_sts::Config::builder()
///     .region("cn-shanghai")?
///     .credentials(credentials)
///     .build()?;
/// let client = aliyun_sts::Client::new(config)?;
/// let reply = client.assume_role().role_arn("acs:ram::123456789012****:role/adminrole").role_session_name("alice").send().await?;
/// # let _ = reply;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct Client {
    inner: aliyun_runtime::RpcClient,
}

impl Client {
    /// A client with this configuration.
    pub fn new(config: aliyun_runtime::Config) -> Result<Self, aliyun_runtime::Error> {
        Ok(Self {
            inner: aliyun_runtime::RpcClient::new(config, super::ENDPOINT_TEMPLATE)?,
        })
    }

    /// The runtime client underneath, for generic calls (`call(&input)`).
    pub fn runtime(&self) -> &aliyun_runtime::RpcClient {
        &self.inner
    }

    /// Calls `AssumeRole`: Obtains temporary credentials (an STS token) of a RAM role, for a RAM
    /// user or role allowed to assume it.
    pub fn assume_role(&self) -> super::assume_role::AssumeRoleFluentBuilder {
        super::assume_role::AssumeRoleFluentBuilder::new(self.inner.clone())
    }

    /// Calls `AssumeRoleWithOIDC`: Obtains temporary credentials of a RAM role for the holder of an
    /// OIDC token issued by an identity provider the role trusts (RRSA in Container Service for
    /// Kubernetes).
    pub fn assume_role_with_oidc(
        &self,
    ) -> super::assume_role_with_oidc::AssumeRoleWithOidcFluentBuilder {
        super::assume_role_with_oidc::AssumeRoleWithOidcFluentBuilder::new(
            self.inner.clone(),
        )
    }

    /// Calls `GetCallerIdentity`: Returns the identity of the caller: the account, the RAM user or
    /// role session the credentials belong to.
    pub fn get_caller_identity(
        &self,
    ) -> super::get_caller_identity::GetCallerIdentityFluentBuilder {
        super::get_caller_identity::GetCallerIdentityFluentBuilder::new(
            self.inner.clone(),
        )
    }
}
