//! Production credentials end to end: the `aliyun-config` providers get temporary keys from the
//! emulator's STS and metadata service, and the IoT API accepts them, until they expire.
//! Every address is the emulator's on 127.0.0.1; the environment is built for each test (never
//! the process's), and the home directory is a temporary one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::time::Duration;

use aliyun_config::{Environment, Loader};
use aliyun_iot_emulator::{Emulator, EmulatorConfig, RunningEmulator};
use aliyun_runtime::{Credentials, Pacing, ProvideCredentials, RetryConfig};
use test_support::{Reply, Server, TempDir};

const SEED_ID: &str = "UfuxnwygsuSkVE0VCN****0100";

async fn start(config: EmulatorConfig) -> RunningEmulator {
    Emulator::start(config).await.expect("the emulator starts")
}

/// A client of the emulator whose credentials come from the `aliyun-config` chain in `env`.
fn client(emu: &RunningEmulator, env: Environment) -> aliyun_iot::Client {
    let loaded = Loader::new().with_environment(env).load();
    let config = emu
        .client_config()
        .unwrap()
        .credentials(loaded.credentials_provider())
        .pacing(Pacing::Off)
        .retry(RetryConfig::disabled())
        .build()
        .unwrap();
    aliyun_iot::Client::new(config).unwrap()
}

/// An environment with only a temporary home, the emulator as STS and metadata service.
fn environment(emu: &RunningEmulator, home: &TempDir) -> Environment {
    Environment::empty()
        .with_home(home.path())
        .with_var("ALIBABA_CLOUD_STS_ENDPOINT", emu.endpoint())
        .with_var("ALIBABA_CLOUD_ECS_METADATA_ENDPOINT", emu.endpoint())
}

async fn query(client: &aliyun_iot::Client) -> Result<(), aliyun_runtime::Error> {
    client
        .query_ota_firmware()
        .firmware_id(SEED_ID)
        .send()
        .await
        .map(drop)
}

#[tokio::test]
async fn the_instance_role_then_a_chained_role_call_the_api() {
    let emu = start(EmulatorConfig::ephemeral()).await;
    let home = TempDir::new();
    // The CLI profile: an instance role (from the metadata service), then a role assumed
    // with its keys (STS, signed with a temporary key and its token).
    home.write(
        ".aliyun/config.json",
        r#"{"current": "chain", "profiles": [
            {"name": "ecs", "mode": "EcsRamRole"},
            {"name": "chain", "mode": "ChainableRamRoleArn", "source_profile": "ecs",
             "ram_role_arn": "acs:ram::1234567890123456:role/deployer",
             "ram_session_name": "release"}]}"#,
    );
    let env = environment(&emu, &home);
    let credentials = Loader::new()
        .with_environment(env.clone())
        .load()
        .credentials_provider()
        .provide()
        .await
        .unwrap();
    assert!(credentials.access_key_id().starts_with("STS."));
    assert!(credentials.security_token().is_some());
    assert!(credentials.expiry().is_some());
    query(&client(&emu, env)).await.unwrap();
    emu.shutdown().await;
}

#[tokio::test]
async fn an_oidc_token_becomes_keys_the_api_accepts() {
    let emu = start(EmulatorConfig::ephemeral()).await;
    let home = TempDir::new();
    let token = home.write("token", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
    let env = environment(&emu, &home)
        .with_var(
            "ALIBABA_CLOUD_ROLE_ARN",
            "acs:ram::1234567890123456:role/pod",
        )
        .with_var(
            "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
            "acs:ram::1234567890123456:oidc-provider/ack",
        )
        .with_var("ALIBABA_CLOUD_OIDC_TOKEN_FILE", token.to_string_lossy());
    query(&client(&emu, env)).await.unwrap();
    emu.shutdown().await;
}

#[tokio::test]
async fn expired_temporary_keys_are_refused() {
    let emu = start(EmulatorConfig::ephemeral().with_manual_clock()).await;
    let home = TempDir::new();
    let env =
        environment(&emu, &home).with_var("ALIBABA_CLOUD_ECS_METADATA", "EmulatorInstanceRole");
    let client = client(&emu, env);
    query(&client).await.unwrap();
    // Seven hours on the emulator's clock: the instance role's six-hour keys have expired
    // (the client's cache, on the system clock, still holds them).
    emu.advance(Duration::from_secs(7 * 3600)).unwrap();
    let error = query(&client).await.unwrap_err();
    assert_eq!(
        error.code(),
        Some("InvalidSecurityToken.Expired"),
        "{error}"
    );
    emu.shutdown().await;
}

/// Temporary keys issued by the emulator's STS (a role assumed with its test key).
async fn temporary_keys(emu: &RunningEmulator) -> Credentials {
    let home = TempDir::new();
    let env = environment(emu, &home)
        .with_var("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
        .with_var(
            "ALIBABA_CLOUD_ROLE_ARN",
            "acs:ram::1234567890123456:role/source",
        )
        .with_var(
            "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
            "acs:ram::1234567890123456:oidc-provider/p",
        )
        .with_var(
            "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
            home.write("token", "eyJ.e30.c2ln").to_string_lossy(),
        );
    Loader::new()
        .with_environment(env)
        .load()
        .credentials_provider()
        .provide()
        .await
        .unwrap()
}

/// One provider, one way of configuring it: what the home holds and the variables set.
struct Case {
    name: &'static str,
    cli_profile: Option<String>,
    ini: Option<&'static str>,
    vars: Vec<(&'static str, String)>,
}

#[tokio::test]
async fn every_provider_ends_in_a_successful_call() {
    let emu = start(EmulatorConfig::ephemeral()).await;
    let keys = temporary_keys(&emu).await;
    let (id, secret) = (keys.access_key_id(), keys.access_key_secret().expose());
    let token = keys
        .security_token()
        .map(|t| t.expose())
        .unwrap_or_default();
    // A credentials URI answering with the temporary keys.
    let expiration = keys
        .expiry()
        .map(|e| e.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap();
    let uri_body = format!(
        r#"{{"Code":"Success","AccessKeyId":"{id}","AccessKeySecret":"{secret}","SecurityToken":"{token}","Expiration":"{expiration}"}}"#
    );
    let uri = Server::scripted(vec![Reply::json(200, uri_body)]);
    // A credential helper printing them (run with `sh`: a script just written can be "busy"
    // for a direct exec while another test thread forks).
    let external_script = format!(
        "#!/bin/sh\necho '{{\"mode\": \"StsToken\", \"access_key_id\": \"{id}\", \"access_key_secret\": \"{secret}\", \"sts_token\": \"{token}\", \"expiration\": \"{expiration}\"}}'\n"
    );
    let uri_url = format!("{}credentials", uri.url());
    let role = "acs:ram::1234567890123456:role/deployer";
    let profile = |fields: String| {
        Some(format!(
            r#"{{"current": "p", "profiles": [{{"name": "p", {fields}}}]}}"#
        ))
    };
    let cases = vec![
        Case {
            name: "environment",
            cli_profile: None,
            ini: None,
            vars: vec![
                ("ALIBABA_CLOUD_ACCESS_KEY_ID", "testid".into()),
                ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "testsecret".into()),
            ],
        },
        Case {
            name: "environment with an STS token",
            cli_profile: None,
            ini: None,
            vars: vec![
                ("ALIBABA_CLOUD_ACCESS_KEY_ID", id.into()),
                ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", secret.into()),
                ("ALIBABA_CLOUD_SECURITY_TOKEN", token.into()),
            ],
        },
        Case {
            name: "CLI profile, AK",
            cli_profile: profile(
                r#""mode": "AK", "access_key_id": "testid", "access_key_secret": "testsecret""#
                    .into(),
            ),
            ini: None,
            vars: vec![],
        },
        Case {
            name: "CLI profile, StsToken",
            cli_profile: profile(format!(
                r#""mode": "StsToken", "access_key_id": "{id}", "access_key_secret": "{secret}", "sts_token": "{token}""#
            )),
            ini: None,
            vars: vec![],
        },
        Case {
            name: "CLI profile, RamRoleArn",
            cli_profile: profile(format!(
                r#""mode": "RamRoleArn", "access_key_id": "testid", "access_key_secret": "testsecret", "ram_role_arn": "{role}", "ram_session_name": "release""#
            )),
            ini: None,
            vars: vec![],
        },
        Case {
            name: "CLI profile, EcsRamRole",
            cli_profile: profile(r#""mode": "EcsRamRole""#.into()),
            ini: None,
            vars: vec![],
        },
        Case {
            name: "CLI profile, OIDC",
            cli_profile: profile(format!(
                r#""mode": "OIDC", "ram_role_arn": "{role}", "oidc_provider_arn": "acs:ram::1234567890123456:oidc-provider/ack", "oidc_token_file": "HOME/token", "ram_session_name": "pod""#
            )),
            ini: None,
            vars: vec![],
        },
        Case {
            name: "CLI profile, CredentialsURI",
            cli_profile: profile(format!(
                r#""mode": "CredentialsURI", "credentials_uri": "{uri_url}""#
            )),
            ini: None,
            vars: vec![],
        },
        Case {
            name: "CLI profile, External",
            cli_profile: profile(
                r#""mode": "External", "process_command": "/bin/sh 'HOME/print-credentials.sh'""#
                    .into(),
            ),
            ini: None,
            vars: vec![],
        },
        Case {
            name: "INI file, access_key",
            cli_profile: None,
            ini: Some(
                "[default]\nenable = true\ntype = access_key\naccess_key_id = testid\naccess_key_secret = testsecret\n",
            ),
            vars: vec![],
        },
        Case {
            name: "ECS instance role",
            cli_profile: None,
            ini: None,
            vars: vec![],
        },
        Case {
            name: "credentials URI",
            cli_profile: None,
            ini: None,
            vars: vec![("ALIBABA_CLOUD_CREDENTIALS_URI", uri_url.clone())],
        },
    ];
    for case in cases {
        let home = TempDir::new();
        home.write("token", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        home.write("print-credentials.sh", &external_script);
        if let Some(config) = &case.cli_profile {
            let config = config.replace("HOME", &home.path().to_string_lossy());
            home.write(".aliyun/config.json", &config);
        }
        if let Some(ini) = case.ini {
            home.write(".alibabacloud/credentials", ini);
        }
        let mut env = environment(&emu, &home);
        if !case.name.contains("Ecs") && !case.name.contains("ECS") {
            // Otherwise a provider that wrongly thought itself unconfigured would be covered
            // by the instance role, which the emulator also serves.
            env = env.with_var("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
        }
        for (name, value) in &case.vars {
            env = env.with_var(*name, value);
        }
        if let Err(error) = query(&client(&emu, env)).await {
            panic!("{}: {error}", case.name);
        }
    }
    emu.shutdown().await;
}
