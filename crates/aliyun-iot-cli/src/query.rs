//! `query-ota-firmware`: one `QueryOTAFirmware` call, printed as JSON or as a table.

use aliyun_runtime::credentials::{CliProfileCredentials, DefaultCredentialsChain};
use aliyun_runtime::{Config, Endpoint, RetryConfig};

use crate::args::{GlobalArgs, Output, QueryArgs};
use crate::error::CliError;
use crate::{serve, table};

/// Makes the call and returns what to print on stdout.
pub async fn run(global: &GlobalArgs, args: &QueryArgs) -> Result<String, CliError> {
    // The emulator, when asked for, is kept alive until the call is done.
    let mut _emulator = None;
    let mut builder = if global.emulator {
        let running = serve::start_in_process().await?;
        let builder = running.client_config()?;
        _emulator = Some(running);
        builder
    } else {
        let builder = match &global.endpoint {
            Some(url) => Config::builder().endpoint_url(url)?,
            None => Config::builder().region(&region(global)?)?,
        };
        let mut chain = DefaultCredentialsChain::new();
        if let Some(profile) = &global.profile {
            chain = chain.with_profile(profile.clone());
        }
        builder.credentials(chain)
    };
    builder = builder.format(global.format.into());
    if global.no_retry {
        builder = builder.retry(RetryConfig::disabled());
    }
    if let Some(timeout) = global.timeout {
        builder = builder.call_timeout(timeout);
    }
    let client = aliyun_iot::Client::new(builder.build()?)?;

    let mut call = client
        .query_ota_firmware()
        .firmware_id(args.firmware_id.clone());
    if let Some(instance) = &args.iot_instance_id {
        call = call.iot_instance_id(instance.clone());
    }
    let reply = call.send().await?;

    Ok(match global.output {
        Output::Json => {
            let mut json = aliyun_runtime::wire::encode_json(&reply, true);
            json.push('\n');
            json
        }
        Output::Table => table::render(&reply),
    })
}

/// The region: `--region` / `ALIBABA_CLOUD_REGION_ID`, else the aliyun CLI profile's
/// `region_id` (of `--profile` when given).
fn region(global: &GlobalArgs) -> Result<String, CliError> {
    if let Some(region) = global.region.as_deref().map(str::trim)
        && !region.is_empty()
    {
        return Ok(region.to_owned());
    }
    let mut profile = CliProfileCredentials::new();
    if let Some(name) = &global.profile {
        profile = profile.with_profile(name.clone());
    }
    match profile.region_id()? {
        Some(region) => {
            Endpoint::region(&region).map_err(|_| {
                CliError::Config(format!(
                    "region_id {region:?} of the aliyun CLI profile is not a region ID (like cn-shanghai); pass --region"
                ))
            })?;
            Ok(region)
        }
        None => Err(CliError::Config(format!(
            "no region: pass --region (e.g. --region cn-shanghai), set {}, set region_id in the aliyun CLI profile{}, or pass --endpoint",
            aliyun_runtime::config::ENV_REGION,
            profile
                .config_path()
                .map(|p| format!(" ({})", p.display()))
                .unwrap_or_default(),
        ))),
    }
}
