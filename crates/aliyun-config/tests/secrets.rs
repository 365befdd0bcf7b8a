//! No secret (AccessKey secret, security token, OIDC token) in any log line at trace level, any
//! error or any `Debug` output, across every kind of provider, successes and failures.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

mod common;

use std::io::Write;
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex};

use aliyun_config::{Environment, Loader};
use aliyun_runtime::ProvideCredentials;
use test_support::TempDir;

/// Every secret the test puts in files or the fake cloud issues.
const SECRETS: &[&str] = &[
    "src-secret",
    "src-token",
    "oidc-secret-token",
    "issued-secret-",
    "issued-token-",
];

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn assert_clean(what: &str, text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{what} shows {secret:?}:\n{text}");
    }
}

#[tokio::test]
async fn no_secret_in_logs_errors_or_debug() {
    let logs = Buffer::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let good = common::Cloud::default().start(Arc::new(AtomicUsize::new(0)));
    let refusing = common::Cloud {
        sts_error: Some("NoPermission".into()),
        ..Default::default()
    }
    .start(Arc::new(AtomicUsize::new(0)));
    let home = TempDir::new();
    let token = home.write("token", "oidc-secret-token");
    // Credential helpers (run with `sh`), given a secret argument: one answers, one fails after
    // printing credentials, one prints something else.
    let answer = r#"{"mode": "StsToken", "access_key_id": "STS.ext", "access_key_secret": "src-secret", "sts_token": "src-token"}"#;
    let helper = |name: &str, body: String| {
        let path = home.write(name, format!("#!/bin/sh\n{body}\n"));
        format!("/bin/sh '{}' --password src-secret", path.display())
    };
    let external = helper("external.sh", format!("echo '{answer}'"));
    let external_failing = helper("failing.sh", format!("echo '{answer}'\nexit 1"));
    let external_garbage = helper("garbage.sh", "echo 'src-secret src-token'".into());
    home.write(
        ".aliyun/config.json",
        format!(
            r#"{{"current": "role", "profiles": [
            {{"name": "role", "mode": "RamRoleArn", "access_key_id": "src-id", "access_key_secret": "src-secret", "ram_role_arn": "acs:ram::1:role/a"}},
            {{"name": "sts", "mode": "StsToken", "access_key_id": "STS.src", "access_key_secret": "src-secret", "sts_token": "src-token"}},
            {{"name": "chain", "mode": "ChainableRamRoleArn", "source_profile": "sts", "ram_role_arn": "acs:ram::1:role/b"}},
            {{"name": "oidc", "mode": "OIDC", "ram_role_arn": "acs:ram::1:role/c", "oidc_provider_arn": "acs:ram::1:oidc-provider/p", "oidc_token_file": "{}"}},
            {{"name": "ecs", "mode": "EcsRamRole"}},
            {{"name": "uri", "mode": "CredentialsURI", "credentials_uri": "{}credentials?token=src-token"}},
            {{"name": "broken", "mode": "StsToken", "access_key_id": "x", "access_key_secret": "src-secret"}},
            {{"name": "external", "mode": "External", "process_command": "{external}"}},
            {{"name": "external-failing", "mode": "External", "process_command": "{external_failing}"}},
            {{"name": "external-garbage", "mode": "External", "process_command": "{external_garbage}"}}
            ]}}"#,
            token.display(),
            good.url()
        ),
    );
    let mut seen = String::new();
    for server in [&good, &refusing] {
        for profile in [
            "role",
            "sts",
            "chain",
            "oidc",
            "ecs",
            "uri",
            "broken",
            "external",
            "external-failing",
            "external-garbage",
        ] {
            let env = Environment::empty()
                .with_home(home.path())
                .with_var("ALIBABA_CLOUD_STS_ENDPOINT", server.url())
                .with_var(
                    "ALIBABA_CLOUD_ECS_METADATA_ENDPOINT",
                    server.addr().to_string(),
                );
            let loaded = Loader::new()
                .with_environment(env)
                .with_profile(profile)
                .load();
            let provider = loaded.credentials_provider();
            let result = provider.provide().await;
            seen.push_str(&format!(
                "{profile}: {result:?}\n{provider:?}\n{:?}\n",
                loaded.profile_files()
            ));
            if let Err(e) = &result {
                seen.push_str(&format!("{e}\n"));
            }
        }
    }
    assert!(seen.contains("NoPermission"), "{seen}");
    assert!(seen.contains("STS.role-by-src-id"), "{seen}");
    assert!(seen.contains("STS.ext"), "{seen}");
    assert!(seen.contains("the command failed"), "{seen}");
    assert!(seen.contains("not credentials JSON"), "{seen}");
    assert_clean("Debug or error output", &seen);
    let logs = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("TRACE") || logs.contains("DEBUG"),
        "no log lines captured"
    );
    assert_clean("the trace log", &logs);
}
