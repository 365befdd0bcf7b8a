//! The environment variables this crate reads, by name (credentials.md §2–§8).

/// The AccessKey ID.
pub const ENV_ACCESS_KEY_ID: &str = "ALIBABA_CLOUD_ACCESS_KEY_ID";
/// The AccessKey secret.
pub const ENV_ACCESS_KEY_SECRET: &str = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
/// The STS token that goes with a temporary AccessKey.
pub const ENV_SECURITY_TOKEN: &str = "ALIBABA_CLOUD_SECURITY_TOKEN";
/// The profile to use, in `config.json` and in the INI file.
pub const ENV_PROFILE: &str = "ALIBABA_CLOUD_PROFILE";
/// The aliyun CLI config file, instead of `~/.aliyun/config.json`.
pub const ENV_CONFIG_FILE: &str = "ALIBABA_CLOUD_CONFIG_FILE";
/// `true` turns the CLI profile provider off.
pub const ENV_CLI_PROFILE_DISABLED: &str = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";
/// The INI credentials file, instead of `~/.alibabacloud/credentials` (or `credentials.ini`).
pub const ENV_CREDENTIALS_FILE: &str = "ALIBABA_CLOUD_CREDENTIALS_FILE";
/// The default region.
pub const ENV_REGION: &str = "ALIBABA_CLOUD_REGION_ID";
/// The role to assume (OIDC from the environment).
pub const ENV_ROLE_ARN: &str = "ALIBABA_CLOUD_ROLE_ARN";
/// The OIDC identity provider's ARN.
pub const ENV_OIDC_PROVIDER_ARN: &str = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";
/// The file holding the OIDC token (Kubernetes rotates it).
pub const ENV_OIDC_TOKEN_FILE: &str = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";
/// The role session name.
pub const ENV_ROLE_SESSION_NAME: &str = "ALIBABA_CLOUD_ROLE_SESSION_NAME";
/// The STS endpoint: a bare host (HTTPS) or a URL (`http://` for loopback tests).
pub const ENV_STS_ENDPOINT: &str = "ALIBABA_CLOUD_STS_ENDPOINT";
/// The STS region, for `sts.<region>.aliyuncs.com`.
pub const ENV_STS_REGION: &str = "ALIBABA_CLOUD_STS_REGION";
/// `true`: call STS on its VPC endpoint (`sts-vpc.<region>.aliyuncs.com`).
pub const ENV_VPC_ENDPOINT_ENABLED: &str = "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED";
/// The ECS instance's role name (else discovered).
pub const ENV_ECS_METADATA: &str = "ALIBABA_CLOUD_ECS_METADATA";
/// `true` removes the ECS instance role from the chain.
pub const ENV_ECS_METADATA_DISABLED: &str = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";
/// `true` forbids falling back to IMDSv1 when no session token can be had.
pub const ENV_IMDSV1_DISABLED: &str = "ALIBABA_CLOUD_IMDSV1_DISABLED";
/// The metadata service's address, `http://host:port` or `host:port`: **our extension** (for
/// tests and proxies), not read by the official libraries.
pub const ENV_ECS_METADATA_ENDPOINT: &str = "ALIBABA_CLOUD_ECS_METADATA_ENDPOINT";
/// A URL that serves credentials.
pub const ENV_CREDENTIALS_URI: &str = "ALIBABA_CLOUD_CREDENTIALS_URI";
/// `1` or `true` forbids the CLI profile modes that run a command or fetch a URL the profile
/// names (`External`, `CredentialsURI`), as the aliyun CLI does.
pub const ENV_DISABLE_EXTERNAL_PROCESS: &str = "ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS";

/// Whether a flag variable says `true` (any letter case), as the official libraries read them.
pub(crate) fn is_true(env: &crate::Environment, name: &str) -> bool {
    env.var(name)
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// Whether a flag variable says `1` or `true` (any letter case), as the aliyun CLI reads
/// [`ENV_DISABLE_EXTERNAL_PROCESS`].
pub(crate) fn is_one_or_true(env: &crate::Environment, name: &str) -> bool {
    env.var(name)
        .is_some_and(|v| v.trim() == "1" || v.trim().eq_ignore_ascii_case("true"))
}
