//! The OIDC token (a `sensitive` parameter) and issued secrets never show in `Debug`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use aliyun_sts::assume_role_with_oidc::AssumeRoleWithOidcInput;
use aliyun_sts::types::StsCredentials;

#[test]
fn the_oidc_token_and_issued_secrets_are_redacted() {
    let builder = AssumeRoleWithOidcInput::builder()
        .role_arn("acs:ram::1:role/pod")
        .oidc_provider_arn("acs:ram::1:oidc-provider/ack")
        .oidc_token("the-oidc-token");
    let input = builder.clone().build().unwrap();
    let mut credentials = StsCredentials::default();
    credentials.access_key_id = "STS.id".into();
    credentials.access_key_secret = "the-secret".into();
    credentials.security_token = "the-token".into();
    let shown = format!("{builder:?} {input:?} {credentials:?}");
    for secret in ["the-oidc-token", "the-secret", "the-token"] {
        assert!(!shown.contains(secret), "{shown}");
    }
    assert!(
        shown.contains("acs:ram::1:role/pod") && shown.contains("STS.id"),
        "{shown}"
    );
    assert!(shown.contains("oidc_token: <redacted>"), "{shown}");
}
