//! Every operation's subcommand: one call (or, with `--all`, every page), printed as JSON in
//! the API's field names or as a table. The subcommands themselves are generated from the
//! spec (`generated/commands.rs`); this module sets up the client and prints.

use std::sync::Arc;

use aliyun_config::env_vars::ENV_REGION;
use aliyun_config::provider::{self, CliProfileProvider, IniProvider};
use aliyun_config::{Chain, Environment, LazyCache, Loaded};
use aliyun_runtime::config::SharedPacing;
use aliyun_runtime::{Config, ConfigBuilder, Pacing, RetryConfig};

use crate::args::{GlobalArgs, Output};
use crate::error::CliError;
use crate::generated::commands::OperationCommand;
use crate::{serve, table};

/// Makes the call and returns what to print on stdout.
pub async fn run(global: &GlobalArgs, command: OperationCommand) -> Result<String, CliError> {
    // The emulator, when asked for, is kept alive until the call is done.
    let (client, _emulator) = client(global).await?;
    let output = command.run(&client).await?;
    Ok(match global.output {
        Output::Json => {
            let mut json = aliyun_runtime::wire::to_json(&output.node, true);
            json.push('\n');
            json
        }
        Output::Table => table::render(&output),
    })
}

/// The client the global options describe, and the in-process emulator it talks to with
/// `--emulator` (keep it alive while the client is used).
pub async fn client(
    global: &GlobalArgs,
) -> Result<
    (
        aliyun_iot::Client,
        Option<aliyun_iot_emulator::RunningEmulator>,
    ),
    CliError,
> {
    let mut emulator = None;
    let mut builder = if global.emulator {
        let running = serve::start_in_process().await?;
        let builder = running.client_config()?;
        emulator = Some(running);
        builder
    } else {
        // The profile files are read once, for the region and the credentials.
        let mut loader = aliyun_config::Loader::new();
        if let Some(profile) = &global.profile {
            loader = loader.with_profile(profile.clone());
        }
        let loaded = loader.load();
        let builder = match &global.endpoint {
            Some(url) => Config::builder().endpoint_url(url)?,
            None => region_builder(global, &loaded)?,
        };
        if global.profile.is_some() {
            builder.credentials(profile_only(&loaded))
        } else {
            builder.credentials(loaded.credentials_provider())
        }
    };
    builder = builder.format(global.format);
    if let Some(version) = global.signature {
        builder = builder.signature(version);
    }
    if global.no_retry {
        builder = builder.retry(RetryConfig::disabled());
    }
    if let Some(timeout) = global.timeout {
        builder = builder.call_timeout(timeout);
    }
    if let Some(pacing) = pacing(global)? {
        builder = builder.pacing(pacing);
    }
    Ok((aliyun_iot::Client::new(builder.build()?)?, emulator))
}

/// The credentials of `--profile` alone: its aliyun CLI profile, else its section of the INI
/// file. Asked for by name, it is not overridden by the chain's other sources (the
/// environment's key, the instance role), which the default chain would try first or after.
fn profile_only(loaded: &Loaded) -> LazyCache<Chain> {
    let files = Arc::new(loaded.profile_files().clone());
    let env = Environment::process();
    LazyCache::new(
        Chain::first_try(
            provider::cli_profile::NAME,
            CliProfileProvider::new(Arc::clone(&files), env.clone()),
        )
        .or_else(provider::ini::NAME, IniProvider::new(files, env)),
    )
}

/// `--pacing` (or its environment variable) and `--pacing-fail-closed`; `None`: the default.
/// Errors never repeat the value, which may hold a password.
fn pacing(global: &GlobalArgs) -> Result<Option<Pacing>, CliError> {
    let mode = global.pacing.as_ref().map(|mode| mode.expose().trim());
    let pacing = match mode {
        None | Some("") => None,
        Some(mode) if mode.eq_ignore_ascii_case("quota") => Some(Pacing::Quota),
        Some(mode) if mode.eq_ignore_ascii_case("off") => Some(Pacing::Off),
        Some(url) if url.contains("://") => {
            let shared = SharedPacing::new(url)?;
            Some(Pacing::Shared(if global.pacing_fail_closed {
                shared.fail_closed()
            } else {
                shared
            }))
        }
        Some(_) => {
            return Err(CliError::Config(
                "--pacing takes quota, off or redis://HOST:PORT".into(),
            ));
        }
    };
    if global.pacing_fail_closed && !matches!(pacing, Some(Pacing::Shared(_))) {
        return Err(CliError::Config(
            "--pacing-fail-closed needs a redis:// --pacing".into(),
        ));
    }
    Ok(pacing)
}

/// The endpoint's region: `--region` / `ALIBABA_CLOUD_REGION_ID`, else the `region_id` of the
/// aliyun CLI profile (of `--profile` when given). The builder refuses a region that is not a
/// region ID; the error then says where it came from.
fn region_builder(global: &GlobalArgs, loaded: &Loaded) -> Result<ConfigBuilder, CliError> {
    if let Some(region) = global.region.as_deref().map(str::trim)
        && !region.is_empty()
    {
        return Ok(Config::builder().region(region)?);
    }
    let files = loaded.profile_files();
    let config_file = match &files.cli {
        Ok(config) => format!(" ({})", config.origin),
        Err(_) => String::new(),
    };
    let region = loaded
        .region()?
        .filter(|region| !region.is_empty())
        .ok_or_else(|| {
            CliError::NoRegion(aliyun_runtime::Error::Config(format!(
                "no region: set {ENV_REGION}, or region_id in the aliyun CLI profile{config_file}, or give an endpoint"
            )))
        })?;
    Config::builder().region(&region).map_err(|e| match e {
        aliyun_runtime::Error::Config(message) => {
            let profile = match files.cli_profile() {
                Ok(profile) => format!(
                    "the region_id of the aliyun CLI profile `{}`{config_file}",
                    profile.name
                ),
                Err(_) => format!("the region_id of the aliyun CLI profile{config_file}"),
            };
            // `--region` and its variable are unset, so the region is the profile's; a blank
            // `--region` may have hidden a value of the variable, though.
            let source = if global.region.is_none() {
                format!("it is {profile}")
            } else {
                format!("it comes from {ENV_REGION} or {profile}")
            };
            CliError::Config(format!(
                "{message}; {source}: fix it there, or pass --region"
            ))
        }
        e => CliError::Sdk(e),
    })
}
