//! The command line: global options, subcommands and their flags (clap derive).

use std::path::PathBuf;
use std::time::Duration;

use aliyun_config::env_vars::ENV_REGION;
use aliyun_runtime::config::ENV_PACING_URL;
use aliyun_runtime::{Format, Secret, SignatureVersion};
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::generated::commands::OperationCommand;

/// Text shown after the options in `--help`: environment and exit status.
const AFTER_HELP: &str = "\
Credentials (every call without --emulator), first found wins (the Python SDK's order):
  ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET [/ ALIBABA_CLOUD_SECURITY_TOKEN]
  OIDC (RRSA): ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE
  the aliyun CLI profile in ~/.aliyun/config.json (ALIBABA_CLOUD_CONFIG_FILE, ALIBABA_CLOUD_PROFILE),
    in any mode: AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC, CredentialsURI,
    External
  ~/.alibabacloud/credentials (ALIBABA_CLOUD_CREDENTIALS_FILE)
  the ECS instance RAM role (off with ALIBABA_CLOUD_ECS_METADATA_DISABLED=true)
  ALIBABA_CLOUD_CREDENTIALS_URI
  With --profile NAME, only NAME is used: its aliyun CLI profile, else its section of the INI file.

Logging: RUST_LOG (default `warn`; `info` for the emulator subcommand), always on stderr.
Secrets (AccessKeySecret, SecurityToken, request signatures) are never printed.

Exit status:
  0  success
  1  the service answered with an error, or the call failed (network, timeout, bad response)
  2  usage or configuration error (bad flags, bad --endpoint or --region, no region)
  3  no usable credentials";

/// `aliyun-iot`: call Alibaba Cloud IoT Platform's OTA update API (one subcommand per
/// operation), or run the local emulator of the API.
#[derive(Debug, Parser)]
#[command(name = "aliyun-iot", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// Options shared by every subcommand (accepted before or after it).
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after any subcommand.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Region ID of the endpoint (e.g. cn-shanghai); default: the aliyun CLI profile's
    /// region_id.
    #[arg(long, global = true, env = ENV_REGION, value_name = "REGION")]
    pub region: Option<String>,

    /// Send calls to this URL instead of the region's endpoint (http:// allowed).
    #[arg(long, global = true, value_name = "URL")]
    pub endpoint: Option<String>,

    /// Use this profile of the aliyun CLI config (or section of ~/.alibabacloud/credentials)
    /// for credentials and region.
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// The response format asked of the service.
    #[arg(
        long,
        global = true,
        ignore_case = true,
        value_parser = format_parser(),
        default_value = "json"
    )]
    pub format: Format,

    /// How the result is printed.
    #[arg(long, global = true, value_enum, default_value_t = Output::Json)]
    pub output: Output,

    /// Start the emulator in-process and send the call to it, with its default test key pair
    /// (no account needed).
    #[arg(long, global = true, conflicts_with_all = ["endpoint", "profile"])]
    pub emulator: bool,

    /// The request signature: v3 (ACS3-HMAC-SHA256, the default, as the official SDKs) or v1
    /// (HMAC-SHA1).
    #[arg(long, global = true, value_name = "VERSION", ignore_case = true, value_parser = signature_parser())]
    pub signature: Option<SignatureVersion>,

    /// Make a single attempt (by default transient failures are retried, 3 attempts in all).
    #[arg(long, global = true)]
    pub no_retry: bool,

    /// Give up on the whole call (retries included) after this many seconds.
    #[arg(long, global = true, value_name = "SECS", value_parser = parse_seconds)]
    pub timeout: Option<Duration>,

    /// Client-side pacing: `quota` (the default: each operation's quota, in this process),
    /// `off`, or `redis://[:PASSWORD@]HOST[:PORT]` to share each quota with every process and
    /// machine pacing through that Redis (the quota is per account). A URL with a password is
    /// best given in the environment variable: it stays out of `ps` and the shell history.
    #[arg(
        long,
        global = true,
        value_name = "MODE",
        env = ENV_PACING_URL,
        hide_env_values = true,
        value_parser = parse_secret
    )]
    pub pacing: Option<Secret>,

    /// With a redis:// --pacing, fail calls while Redis is unavailable instead of pacing them
    /// in this process alone.
    #[arg(long, global = true)]
    pub pacing_fail_closed: bool,
}

/// The subcommands: one per operation of the API (generated from the spec), and `emulator`.
// Parsed once per process: the size of the operation variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// A call of one operation.
    #[command(flatten)]
    Operation(OperationCommand),
    /// Run the local emulator of the OTA API until Ctrl-C, logging one line per request.
    Emulator(EmulatorArgs),
    /// The release pipeline: upload, wait, rollout, watch, download.
    #[command(subcommand)]
    Ota(crate::ota::OtaCommand),
}

/// The flags of `emulator`.
#[derive(Debug, Args)]
pub struct EmulatorArgs {
    /// The address to listen on (port 0 picks a free port).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:18080")]
    pub listen: std::net::SocketAddr,

    /// The AccessKeyId the emulator accepts (default: its public test pair, testid).
    #[arg(long, value_name = "ID", requires = "access_key_secret")]
    pub access_key_id: Option<String>,

    /// The AccessKeySecret of --access-key-id (never printed). Prefer the environment
    /// variable, which keeps the secret out of `ps` and the shell history.
    #[arg(
        long,
        value_name = "SECRET",
        env = ENV_EMULATOR_SECRET,
        hide_env_values = true,
        value_parser = parse_secret,
        requires = "access_key_id"
    )]
    pub access_key_secret: Option<Secret>,

    /// Serve the packages of this JSON data file instead of the built-in ones, and its
    /// products and devices (if it lists any) instead of the demo product. With --state, it
    /// only seeds a directory that holds no state yet.
    #[arg(long, value_name = "FILE")]
    pub data: Option<PathBuf>,

    /// Keep the state in this directory: every change answered with success survives a crash
    /// and a restart, uploaded files included (default: in memory, files in a temporary
    /// directory removed on exit).
    #[arg(long, value_name = "DIR")]
    pub state: Option<PathBuf>,

    /// How often the simulated devices move their update tasks on, such as `300ms` or `2s`.
    #[arg(long, value_name = "DURATION", value_parser = parse_step, default_value = "300ms")]
    pub device_step: std::time::Duration,

    /// Seeds generated IDs and the devices' progress, for reproducible runs.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    /// The largest firmware file an upload may carry, in MB (1 MB = 1,048,576 bytes).
    #[arg(long, value_name = "MB", default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..=5120))]
    pub max_upload_mb: u64,

    /// Answer `Throttling.User` above this many calls per second per AccessKeyId
    /// (default: the API's quota, 20; 0 turns throttling off).
    #[arg(long, value_name = "N")]
    pub qps: Option<u32>,

    /// The share of requests (0 to 1) that get a --fault; default 1 (all of them).
    #[arg(long, value_name = "RATE", value_parser = parse_rate, requires = "fault")]
    pub fault_rate: Option<f64>,

    /// A fault to inject: an HTTP status from 400 to 599 (such as 503), `delay:500ms`, or
    /// `drop` (close the connection). Repeat it to take several faults in turn.
    #[arg(long, value_name = "FAULT")]
    pub fault: Vec<aliyun_iot_emulator::FaultKind>,
}

/// `--device-step`: a positive duration such as `300ms` or `2s`.
fn parse_step(text: &str) -> Result<std::time::Duration, String> {
    aliyun_iot_emulator::parse_duration(text)
        .filter(|d| !d.is_zero())
        .ok_or_else(|| format!("{text:?} is not a positive duration such as 300ms or 2s"))
}

/// The environment variable read for `emulator --access-key-secret`.
pub const ENV_EMULATOR_SECRET: &str = "ALIYUN_IOT_EMULATOR_ACCESS_KEY_SECRET";

/// How results are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Output {
    /// The response as pretty JSON with the API's field names, as the aliyun CLI prints it.
    Json,
    /// A readable summary.
    Table,
}

/// `--format`: `json` or `xml` (any case), read by [`Format::parse`]; the possible values
/// are listed in `--help` and in the error for any other value.
fn format_parser() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new([
        PossibleValue::new("json").help("`Format=JSON`"),
        PossibleValue::new("xml").help("`Format=XML`"),
    ])
    .try_map(|value| Format::parse(&value).ok_or_else(|| format!("{value:?} is not json or xml")))
}

/// `--signature`: `v1` or `v3` (any case), listed in `--help` and in the error for any other
/// value.
fn signature_parser() -> impl TypedValueParser<Value = SignatureVersion> {
    PossibleValuesParser::new([
        PossibleValue::new("v3").help("ACS3-HMAC-SHA256 (the default, as the official SDKs)"),
        PossibleValue::new("v1").help("HMAC-SHA1"),
    ])
    .try_map(|value| {
        SignatureVersion::parse(&value).ok_or_else(|| format!("{value:?} is not v1 or v3"))
    })
}

/// A secret, redacted from `Debug` and from every error clap could print.
fn parse_secret(value: &str) -> Result<Secret, std::convert::Infallible> {
    Ok(Secret::from(value))
}

/// A positive, finite number of seconds (fractions allowed).
fn parse_seconds(value: &str) -> Result<Duration, String> {
    let secs: f64 = value
        .trim()
        .parse()
        .map_err(|_| format!("{value:?} is not a number of seconds"))?;
    if !secs.is_finite() || secs <= 0.0 {
        return Err(format!("{value:?} must be a positive number of seconds"));
    }
    Duration::try_from_secs_f64(secs).map_err(|e| format!("{value:?}: {e}"))
}

/// A fraction between 0 and 1.
fn parse_rate(value: &str) -> Result<f64, String> {
    let rate: f64 = value
        .trim()
        .parse()
        .map_err(|_| format!("{value:?} is not a number"))?;
    if !(0.0..=1.0).contains(&rate) {
        return Err(format!("{value:?} must be between 0 and 1"));
    }
    Ok(rate)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_options_go_before_or_after_the_subcommand() {
        for argv in [
            &[
                "aliyun-iot",
                "--output",
                "table",
                "query-ota-firmware",
                "--firmware-id",
                "x",
            ][..],
            &[
                "aliyun-iot",
                "query-ota-firmware",
                "--firmware-id",
                "x",
                "--output",
                "table",
            ][..],
        ] {
            let cli = Cli::try_parse_from(argv).unwrap();
            assert_eq!(cli.global.output, Output::Table);
        }
    }

    #[test]
    fn format_is_read_by_the_runtime() {
        let parse = |args: &[&str]| {
            let mut argv = vec!["aliyun-iot"];
            argv.extend_from_slice(args);
            argv.extend_from_slice(&["query-ota-firmware", "--firmware-id", "x"]);
            Cli::try_parse_from(argv).map(|cli| cli.global.format)
        };
        assert_eq!(parse(&[]).unwrap(), Format::Json);
        assert_eq!(parse(&["--format", "xml"]).unwrap(), Format::Xml);
        assert_eq!(parse(&["--format=XML"]).unwrap(), Format::Xml);
        assert_eq!(parse(&["--format", "Json"]).unwrap(), Format::Json);
        let error = parse(&["--format", "csv"]).unwrap_err().to_string();
        assert!(error.contains("invalid value 'csv'"), "{error}");
        assert!(error.contains("[possible values: json, xml]"), "{error}");
    }

    #[test]
    fn signature_parses_in_any_case() {
        let parse = |args: &[&str]| {
            let mut argv = vec!["aliyun-iot"];
            argv.extend_from_slice(args);
            argv.extend_from_slice(&["query-ota-firmware", "--firmware-id", "x"]);
            Cli::try_parse_from(argv).map(|cli| cli.global.signature)
        };
        // Unset: the client's default (V3) applies.
        assert_eq!(parse(&[]).unwrap(), None);
        for (value, expected) in [
            ("v1", SignatureVersion::V1),
            ("V1", SignatureVersion::V1),
            ("v3", SignatureVersion::V3),
            ("V3", SignatureVersion::V3),
        ] {
            assert_eq!(parse(&["--signature", value]).unwrap(), Some(expected));
            let joined = format!("--signature={value}");
            assert_eq!(parse(&[&joined]).unwrap(), Some(expected));
        }
        // Global: after the subcommand too.
        let cli = Cli::try_parse_from([
            "aliyun-iot",
            "query-ota-firmware",
            "--firmware-id",
            "x",
            "--signature",
            "V1",
        ])
        .unwrap();
        assert_eq!(cli.global.signature, Some(SignatureVersion::V1));
        for bad in ["v2", "V2", "1", "hmac-sha1", ""] {
            let error = parse(&["--signature", bad]).unwrap_err();
            assert_eq!(error.kind(), clap::error::ErrorKind::InvalidValue, "{bad}");
            assert_eq!(error.exit_code(), 2);
            let text = error.to_string();
            assert!(text.contains("--signature"), "{text}");
            assert!(text.contains("[possible values: v3, v1]"), "{text}");
        }
        // A value is required.
        let error = Cli::try_parse_from([
            "aliyun-iot",
            "query-ota-firmware",
            "--firmware-id",
            "x",
            "--signature",
        ])
        .unwrap_err();
        assert_eq!(error.kind(), clap::error::ErrorKind::InvalidValue);
    }

    #[test]
    fn emulator_secret_is_redacted() {
        let cli = Cli::try_parse_from([
            "aliyun-iot",
            "emulator",
            "--access-key-id",
            "mine",
            "--access-key-secret",
            "s3cr3t-value",
        ])
        .unwrap();
        let Command::Emulator(args) = &cli.command else {
            panic!("{cli:?}");
        };
        assert_eq!(
            args.access_key_secret.as_ref().map(Secret::expose),
            Some("s3cr3t-value")
        );
        let debug = format!("{cli:?}");
        assert!(!debug.contains("s3cr3t-value"), "{debug}");
        assert!(debug.contains("<redacted>"), "{debug}");
    }

    #[test]
    fn one_subcommand_per_operation_and_emulator() {
        let cli = Cli::command();
        let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
        assert_eq!(names.len(), 28, "{names:?}");
        assert!(names.contains(&"emulator"), "{names:?}");
        assert!(names.contains(&"ota"), "{names:?}");
        for name in [
            "query-ota-firmware",
            "list-ota-firmware",
            "generate-ota-upload-url",
        ] {
            assert!(names.contains(&name), "{name} missing: {names:?}");
        }
        for name in names {
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{name} is not kebab case"
            );
        }
    }

    #[test]
    fn list_and_struct_flags_repeat() {
        use crate::generated::commands::OperationCommand;
        let cli = Cli::try_parse_from([
            "aliyun-iot",
            "create-ota-static-upgrade-job",
            "--firmware-id",
            "F",
            "--product-key",
            "P",
            "--target-selection",
            "SPECIFIC",
            "--target-device-name",
            "a",
            "--target-device-name",
            "b",
            "--tag",
            r#"{"Key":"env","Value":"prod"}"#,
            "--tag",
            "Key=team,Value=ota",
            "--need-push",
            "false",
        ])
        .unwrap();
        let Command::Operation(OperationCommand::CreateOtaStaticUpgradeJob(args)) = cli.command
        else {
            panic!("{cli:?}");
        };
        assert_eq!(args.target_device_name, ["a", "b"]);
        let tags: Vec<(Option<&str>, Option<&str>)> = args
            .tag
            .iter()
            .map(|t| (t.key.as_deref(), t.value.as_deref()))
            .collect();
        assert_eq!(
            tags,
            [(Some("env"), Some("prod")), (Some("team"), Some("ota"))]
        );
        assert_eq!(args.need_push, Some(false));
        assert_eq!(args.target_selection.as_str(), "SPECIFIC");
    }

    #[test]
    fn bad_items_and_booleans_are_usage_errors() {
        let parse = |extra: &[&str]| {
            let mut argv = vec![
                "aliyun-iot",
                "create-ota-verify-job",
                "--firmware-id",
                "F",
                "--product-key",
                "P",
                "--target-device-name",
                "d",
            ];
            argv.extend_from_slice(extra);
            Cli::try_parse_from(argv).map(|_| ())
        };
        assert!(parse(&[]).is_ok());
        let error = parse(&["--tag", r#"{"Kee":"x"}"#]).unwrap_err();
        assert_eq!(error.kind(), clap::error::ErrorKind::ValueValidation);
        assert_eq!(error.exit_code(), 2);
        let text = error.to_string();
        assert!(text.contains("unknown field \"Kee\""), "{text}");
        let error = parse(&["--need-confirm"]).unwrap_err();
        assert_eq!(error.kind(), clap::error::ErrorKind::InvalidValue);
        let error = parse(&["--need-confirm", "yes"]).unwrap_err();
        assert_eq!(error.kind(), clap::error::ErrorKind::InvalidValue);
        let error = parse(&["--timeout-in-minutes", "soon"]).unwrap_err();
        assert_eq!(error.kind(), clap::error::ErrorKind::ValueValidation);
    }

    #[test]
    fn seconds_and_rates() {
        assert_eq!(parse_seconds("1.5"), Ok(Duration::from_millis(1500)));
        assert!(parse_seconds("0").is_err());
        assert!(parse_seconds("-1").is_err());
        assert!(parse_seconds("inf").is_err());
        assert!(parse_seconds("soon").is_err());
        assert_eq!(parse_rate("0.2"), Ok(0.2));
        assert!(parse_rate("1.5").is_err());
    }
}
