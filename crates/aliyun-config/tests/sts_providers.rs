//! The RAM-role providers against a loopback STS: what AssumeRole and AssumeRoleWithOIDC send,
//! refresh under load, and a rotated OIDC token file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use aliyun_config::{Environment, Loader};
use aliyun_runtime::ProvideCredentials;
use test_support::TempDir;

fn config(profile: &str) -> String {
    format!(r#"{{"current": "p", "profiles": [{profile}]}}"#)
}

fn loader(home: &TempDir, server: &test_support::Server) -> Loader {
    let env = Environment::empty()
        .with_home(home.path())
        .with_var("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
        .with_var(
            "ALIBABA_CLOUD_STS_ENDPOINT",
            format!("http://{}", server.addr()),
        );
    Loader::new().with_environment(env)
}

#[tokio::test]
async fn assume_role_is_signed_v1_with_the_source_token() {
    let server = common::Cloud::default().start(Arc::new(AtomicUsize::new(0)));
    let home = TempDir::new();
    home.write(
        ".aliyun/config.json",
        config(r#"{"name": "p", "mode": "RamRoleArn", "access_key_id": "src-id", "access_key_secret": "src-secret", "ram_role_arn": "acs:ram::1:role/admin", "ram_session_name": "alice", "expired_seconds": 1800, "policy": "{\"Version\": \"1\"}", "external_id": "ext-1"}"#),
    );
    let credentials = loader(&home, &server)
        .load()
        .credentials_provider()
        .provide()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "STS.role-by-src-id");
    assert!(credentials.expiry().is_some());
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let r = &requests[0];
    for (name, value) in [
        ("Action", "AssumeRole"),
        ("Version", "2015-04-01"),
        ("RoleArn", "acs:ram::1:role/admin"),
        ("RoleSessionName", "alice"),
        ("DurationSeconds", "1800"),
        ("Policy", "{\"Version\": \"1\"}"),
        ("ExternalId", "ext-1"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"),
        ("AccessKeyId", "src-id"),
    ] {
        assert_eq!(r.param(name).as_deref(), Some(value), "{name}");
    }
    assert!(r.param("Signature").is_some());
    assert_eq!(r.param("SecurityToken"), None);
}

#[tokio::test]
async fn chained_role_sends_the_source_security_token() {
    let server = common::Cloud::default().start(Arc::new(AtomicUsize::new(0)));
    let home = TempDir::new();
    home.write(
        ".aliyun/config.json",
        r#"{"current": "p", "profiles": [
            {"name": "src", "mode": "StsToken", "access_key_id": "STS.src", "access_key_secret": "s", "sts_token": "src-token"},
            {"name": "p", "mode": "ChainableRamRoleArn", "source_profile": "src", "ram_role_arn": "acs:ram::1:role/x"}]}"#,
    );
    let credentials = loader(&home, &server)
        .load()
        .credentials_provider()
        .provide()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "STS.role-by-STS.src");
    let r = &server.requests()[0];
    assert_eq!(r.param("SecurityToken").as_deref(), Some("src-token"));
    // No session name configured: a default one is made up.
    assert!(
        r.param("RoleSessionName")
            .unwrap()
            .starts_with("aliyun-config-rs-")
    );
}

#[tokio::test]
async fn oidc_is_an_anonymous_form_post() {
    let server = common::Cloud::default().start(Arc::new(AtomicUsize::new(0)));
    let home = TempDir::new();
    let token = home.write("token", "header.payload.sig\n");
    let env = Environment::empty()
        .with_home(home.path())
        .with_var("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
        .with_var("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/pod")
        .with_var(
            "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
            "acs:ram::1:oidc-provider/ack",
        )
        .with_var("ALIBABA_CLOUD_OIDC_TOKEN_FILE", token.display().to_string())
        .with_var("ALIBABA_CLOUD_ROLE_SESSION_NAME", "pod-session")
        .with_var("ALIBABA_CLOUD_STS_ENDPOINT", server.url());
    let credentials = Loader::new()
        .with_environment(env)
        .load()
        .credentials_provider()
        .provide()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "STS.oidc");
    let r = &server.requests()[0];
    assert_eq!(r.method, "POST");
    let query: Vec<String> = r.query().into_iter().map(|(k, _)| k).collect();
    assert_eq!(query, ["Action", "Version", "Format", "Timestamp"]);
    let form: Vec<(String, String)> = r.form();
    assert!(
        form.contains(&("OIDCToken".into(), "header.payload.sig".into())),
        "{form:?}"
    );
    assert!(form.contains(&("RoleSessionName".into(), "pod-session".into())));
    assert!(form.contains(&(
        "OIDCProviderArn".into(),
        "acs:ram::1:oidc-provider/ack".into()
    )));
    for absent in [
        "AccessKeyId",
        "Signature",
        "SignatureMethod",
        "SignatureVersion",
        "SignatureNonce",
    ] {
        assert_eq!(r.param(absent), None, "{absent}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expiring_role_credentials_are_refreshed_once_for_200_concurrent_calls() {
    let issued = Arc::new(AtomicUsize::new(0));
    let cloud = common::Cloud {
        lifetime: Duration::from_secs(3),
        ..Default::default()
    };
    let server = cloud.start(Arc::clone(&issued));
    let home = TempDir::new();
    home.write(
        ".aliyun/config.json",
        config(r#"{"name": "p", "mode": "RamRoleArn", "access_key_id": "src-id", "access_key_secret": "src-secret", "ram_role_arn": "acs:ram::1:role/admin"}"#),
    );
    let provider = loader(&home, &server)
        .with_refresh_margin(Duration::from_secs(2))
        .load()
        .credentials_provider();
    let first = provider.provide().await.unwrap();
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let tasks: Vec<_> = (0..200)
        .map(|_| {
            let provider = Arc::clone(&provider);
            tokio::spawn(async move { provider.provide().await })
        })
        .collect();
    for task in tasks {
        let credentials = task.await.unwrap().unwrap();
        assert_ne!(credentials.access_key_secret(), first.access_key_secret());
    }
    assert_eq!(issued.load(Ordering::SeqCst), 2);
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn a_rotated_oidc_token_file_is_read_at_the_next_refresh() {
    let server = common::Cloud {
        lifetime: Duration::from_secs(3),
        ..Default::default()
    }
    .start(Arc::new(AtomicUsize::new(0)));
    let home = TempDir::new();
    home.write("token", "token-one");
    home.write(
        ".aliyun/config.json",
        config(&format!(
            r#"{{"name": "p", "mode": "OIDC", "ram_role_arn": "acs:ram::1:role/pod", "oidc_provider_arn": "acs:ram::1:oidc-provider/ack", "oidc_token_file": "{}"}}"#,
            home.join("token").display()
        )),
    );
    let provider = loader(&home, &server)
        .with_refresh_margin(Duration::from_secs(2))
        .load()
        .credentials_provider();
    provider.provide().await.unwrap();
    home.write("token", "token-two");
    // Expirations have whole seconds: these keys expire 2–3 s from now, so they are due for
    // refresh within a second and never arrive inside the 2 s margin.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    provider.provide().await.unwrap();
    let tokens: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.param("OIDCToken").unwrap())
        .collect();
    assert_eq!(tokens, ["token-one", "token-two"]);
}
