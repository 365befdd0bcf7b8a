//! Production credentials end to end: the `aliyun-config` providers get temporary keys from the
//! emulator's STS and metadata service, and the IoT API accepts them, until they expire.
//! Every address is the emulator's on 127.0.0.1; the environment is built for each test (never
//! the process's), and the home directory is a temporary one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::time::Duration;

use aliyun_config::{Environment, Loader};
use aliyun_iot_emulator::{Emulator, EmulatorConfig, RunningEmulator};
use aliyun_runtime::{Pacing, ProvideCredentials, RetryConfig};
use test_support::TempDir;

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
