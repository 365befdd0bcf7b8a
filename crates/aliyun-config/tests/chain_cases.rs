//! The default chain, case by case: each folder of `tests/cases/` holds `case.json` (the
//! environment, the fake cloud's behaviour, the expected provider and credentials or error,
//! and the requests the cloud must see) and `home/`, copied to a temporary home directory.
//! `${HOME}` and `${SERVER}` (`http://127.0.0.1:<port>`) are replaced in both.
//!
//! Every case runs against a loopback fake cloud: the metadata service's address always points
//! to it (a case that leaves `ALIBABA_CLOUD_ECS_METADATA_ENDPOINT` unset gets it), so no case
//! can reach 100.100.100.200.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

mod common;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use aliyun_config::{Environment, Loader};
use aliyun_runtime::ProvideCredentials;
use serde_json::Value;
use test_support::TempDir;

fn copy_tree(from: &Path, to: &Path, replace: &dyn Fn(&str) -> String) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target, replace);
        } else {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            std::fs::write(&target, replace(&text)).unwrap();
        }
    }
}

async fn run_case(dir: &Path) -> Result<(), String> {
    let case: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("case.json")).unwrap())
            .map_err(|e| format!("case.json: {e}"))?;
    let mut cloud = common::Cloud::default();
    if let Some(server) = case.get("cloud") {
        if let Some(v) = server.get("imds_token").and_then(Value::as_bool) {
            cloud.imds_token = v;
        }
        if let Some(v) = server.get("role").and_then(Value::as_str) {
            cloud.role = v.to_owned();
        }
        if let Some(v) = server.get("sts_error").and_then(Value::as_str) {
            cloud.sts_error = Some(v.to_owned());
        }
    }
    let server = cloud.start(Arc::new(AtomicUsize::new(0)));
    let base = format!("http://{}", server.addr());
    let home = TempDir::new();
    let replace = |text: &str| {
        text.replace("${HOME}", &home.path().display().to_string())
            .replace("${SERVER}", &base)
    };
    if dir.join("home").is_dir() {
        copy_tree(&dir.join("home"), home.path(), &replace);
    }
    let mut env = Environment::empty().with_home(home.path());
    let mut metadata_set = false;
    for (name, value) in case["env"].as_object().into_iter().flatten() {
        metadata_set |= name == "ALIBABA_CLOUD_ECS_METADATA_ENDPOINT";
        env = env.with_var(name.as_str(), replace(value.as_str().unwrap_or_default()));
    }
    if !metadata_set {
        env = env.with_var("ALIBABA_CLOUD_ECS_METADATA_ENDPOINT", base.clone());
    }
    let mut loader = Loader::new().with_environment(env);
    if let Some(profile) = case.get("profile").and_then(Value::as_str) {
        loader = loader.with_profile(profile);
    }
    let loaded = loader.load();
    let provider = loaded.credentials_provider();
    let result = provider.provide().await;
    let expect = &case["expect"];
    match (result, expect.get("error")) {
        (Ok(c), None) => {
            let got_provider = provider.provider().last_provider().unwrap_or_default();
            let want = |key: &str| expect.get(key).and_then(Value::as_str);
            let checks = [
                ("provider", Some(got_provider.to_owned())),
                ("access_key_id", Some(c.access_key_id().to_owned())),
                (
                    "access_key_secret",
                    Some(c.access_key_secret().expose().to_owned()),
                ),
                (
                    "security_token",
                    c.security_token().map(|t| t.expose().to_owned()),
                ),
            ];
            for (key, got) in checks {
                if want(key).map(str::to_owned) != got {
                    return Err(format!("{key}: expected {:?}, got {got:?}", want(key)));
                }
            }
            let expires = expect
                .get("expires")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            if c.expiry().is_some() != expires {
                return Err(format!("expiry: expected {expires}, got {:?}", c.expiry()));
            }
        }
        (Err(e), Some(parts)) => {
            let text = e.to_string();
            for part in parts.as_array().into_iter().flatten() {
                let part = replace(part.as_str().unwrap_or_default());
                if !text.contains(&part) {
                    return Err(format!("error {text:?} does not contain {part:?}"));
                }
            }
        }
        (Ok(c), Some(_)) => return Err(format!("expected an error, got credentials {c:?}")),
        (Err(e), None) => return Err(format!("expected credentials, got {e}")),
    }
    if let Some(region) = case.get("region") {
        let got = loaded.region().map_err(|e| e.to_string())?;
        if got.as_deref() != region.as_str() {
            return Err(format!("region: expected {region}, got {got:?}"));
        }
    }
    if let Some(requests) = case.get("requests").and_then(Value::as_array) {
        let got: Vec<String> = server.requests().iter().map(common::summary).collect();
        let want: Vec<String> = requests
            .iter()
            .map(|r| r.as_str().unwrap_or_default().to_owned())
            .collect();
        if got != want {
            return Err(format!("requests: expected {want:#?}, got {got:#?}"));
        }
    }
    Ok(())
}

#[tokio::test]
async fn every_case_in_the_cases_folder_gives_the_expected_provider_and_credentials() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 20, "only {} cases", dirs.len());
    let mut failures = Vec::new();
    for dir in &dirs {
        if let Err(message) = run_case(dir).await {
            failures.push(format!(
                "{}: {message}",
                dir.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        dirs.len(),
        failures.join("\n")
    );
}
