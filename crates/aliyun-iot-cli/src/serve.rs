//! The emulator: the `emulator` subcommand, and the in-process one behind `--emulator`.

use std::io::Write;

use aliyun_iot_emulator::{
    AccessKey, DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, Emulator, EmulatorConfig, Faults,
    RunningEmulator, StateError, load_data_file,
};

use crate::args::EmulatorArgs;
use crate::error::CliError;

/// Starts the emulator on 127.0.0.1 with a free port, its default key pair and packages.
pub async fn start_in_process() -> Result<RunningEmulator, CliError> {
    Emulator::start(EmulatorConfig::ephemeral())
        .await
        .map_err(|e| CliError::Other(format!("cannot start the emulator on 127.0.0.1: {e}")))
}

/// Runs the emulator until Ctrl-C: prints its address and key pair on stdout; its log (one
/// line per request) goes to stderr.
pub async fn run(args: &EmulatorArgs) -> Result<(), CliError> {
    let mut config = EmulatorConfig::default().with_listen(args.listen);
    let own_key = match (&args.access_key_id, &args.access_key_secret) {
        (Some(id), Some(secret)) => {
            if id.trim().is_empty() || secret.expose().is_empty() {
                return Err(CliError::Config(format!(
                    "--access-key-id and --access-key-secret ({}) must not be empty",
                    crate::args::ENV_EMULATOR_SECRET
                )));
            }
            config = config.with_keys(vec![AccessKey::new(id.clone(), secret.expose())]);
            true
        }
        _ => false,
    };
    if let Some(path) = &args.data {
        let data = load_data_file(path).map_err(|e| CliError::Config(e.to_string()))?;
        config = config.with_packages(data.packages);
        if !data.products.is_empty() {
            config = config.with_products(data.products);
        }
    }
    if let Some(dir) = &args.state {
        config = config.with_state_dir(dir);
    }
    config = config
        .with_device_step(args.device_step)
        .with_max_upload_bytes(args.max_upload_mb * 1024 * 1024);
    if let Some(seed) = args.seed {
        config = config.with_seed(seed);
    }
    if let Some(qps) = args.qps {
        config = config.with_qps(qps);
    }
    if !args.fault.is_empty() {
        let rate = args.fault_rate.unwrap_or(1.0);
        config = config.with_faults(Faults::with_kinds(rate, args.fault.clone()));
    }
    let banner_info = Banner::of(&config, own_key);
    let running = Emulator::start(config).await.map_err(|e| {
        // A state directory that cannot be used is the user's to fix, not a network error.
        let state = e
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<StateError>());
        match state {
            Some(state) => CliError::Config(format!("cannot use the state directory: {state}")),
            None => CliError::Other(format!("cannot listen on {}: {e}", args.listen)),
        }
    })?;
    let banner = banner_info.render(&running.endpoint());
    let mut stdout = std::io::stdout().lock();
    // A closed stdout does not stop the server.
    let _ = stdout
        .write_all(banner.as_bytes())
        .and_then(|()| stdout.flush());
    drop(stdout);
    running
        .run_until_ctrl_c()
        .await
        .map_err(|e| CliError::Other(format!("cannot wait for Ctrl-C: {e}")))
}

/// What the start-up banner shows, taken from the configuration before it is handed over.
struct Banner {
    /// The AccessKeyId accepted.
    key_id: String,
    /// The secret when it is the public test one; `None` for a secret given by the user.
    public_secret: Option<&'static str>,
    /// Each package's FirmwareId and IotInstanceId.
    packages: Vec<(String, Option<String>)>,
    /// Calls per second per AccessKeyId and operation (0: no throttling; `None`: each
    /// operation's quota).
    qps: Option<u32>,
    /// The faults injected, described.
    faults: Option<String>,
}

impl Banner {
    /// The banner of `config`; `own_key` when the key pair was given by the user.
    fn of(config: &EmulatorConfig, own_key: bool) -> Self {
        let key_id = config
            .keys
            .first()
            .map_or_else(|| DEFAULT_ACCESS_KEY_ID.to_owned(), |k| k.id.clone());
        let faults = config.faults.as_ref().map(|f| {
            let kinds: Vec<String> = f.kinds.iter().map(ToString::to_string).collect();
            // Rounded so that 0.07 shows as 7, not 7.000000000000001.
            let percent = (f.rate.clamp(0.0, 1.0) * 100_000.0).round() / 1000.0;
            format!("{} on {percent}% of requests", kinds.join(", "))
        });
        Self {
            key_id,
            public_secret: (!own_key).then_some(DEFAULT_ACCESS_KEY_SECRET),
            packages: config
                .packages
                .iter()
                .map(|p| (p.firmware_id().to_owned(), p.iot_instance_id.clone()))
                .collect(),
            qps: config.qps,
            faults,
        }
    }

    /// The banner: the address line first, then the key pair, then the rest.
    fn render(&self, endpoint: &str) -> String {
        let secret = self.public_secret.map_or_else(
            || "<as given>".to_owned(),
            |s| format!("{s} (the public test pair)"),
        );
        let mut out = format!(
            "aliyun-iot emulator listening on {endpoint}\n  AccessKeyId      {}\n  AccessKeySecret  {secret}\n",
            self.key_id
        );
        let qps = match self.qps {
            Some(0) => "no throttling".to_owned(),
            Some(n) => format!("{n} calls per second per AccessKeyId and operation"),
            None => "each operation's quota per AccessKeyId (QueryOTAFirmware 20/s)".to_owned(),
        };
        out.push_str(&format!("  Quota            {qps}\n"));
        let faults = self.faults.as_deref().unwrap_or("none");
        out.push_str(&format!("  Faults           {faults}\n"));
        out.push_str(&format!("  Packages         {}\n", self.packages.len()));
        for (id, instance) in &self.packages {
            match instance {
                Some(instance) => {
                    out.push_str(&format!("    {id}  (IotInstanceId {instance})\n"));
                }
                None => out.push_str(&format!("    {id}\n")),
            }
        }
        let secret_value = self.public_secret.unwrap_or("<your secret>");
        if let Some((id, instance)) = self.packages.first() {
            let instance = instance
                .as_ref()
                .map(|i| format!(" --iot-instance-id '{i}'"))
                .unwrap_or_default();
            out.push_str(&format!(
                "Try:\n  ALIBABA_CLOUD_ACCESS_KEY_ID={} ALIBABA_CLOUD_ACCESS_KEY_SECRET={secret_value} \\\n    aliyun-iot --endpoint {endpoint} query-ota-firmware --firmware-id '{id}'{instance}\n",
                self.key_id
            ));
        }
        out.push_str("Ctrl-C stops it. One log line per request follows on stderr.\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banner_shows_the_public_secret_only() {
        let config = EmulatorConfig::default();
        let text = Banner::of(&config, false).render("http://127.0.0.1:1/");
        assert!(text.starts_with("aliyun-iot emulator listening on http://127.0.0.1:1/\n"));
        assert!(text.contains("AccessKeyId      testid\n"), "{text}");
        assert!(
            text.contains("AccessKeySecret  testsecret (the public test pair)\n"),
            "{text}"
        );
        assert!(text.contains("UfuxnwygsuSkVE0VCN****0100"), "{text}");

        let config = config.with_keys(vec![AccessKey::new("mine", "s3cr3t-value")]);
        let text = Banner::of(&config, true).render("http://127.0.0.1:1/");
        assert!(text.contains("AccessKeyId      mine\n"), "{text}");
        assert!(text.contains("AccessKeySecret  <as given>\n"), "{text}");
        assert!(!text.contains("s3cr3t-value"), "{text}");
        assert!(
            text.contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET=<your secret>"),
            "{text}"
        );

        let config = EmulatorConfig::default().with_faults(Faults::with_kinds(
            0.07,
            vec!["503".parse().unwrap(), "drop".parse().unwrap()],
        ));
        let text = Banner::of(&config, false).render("http://127.0.0.1:1/");
        assert!(
            text.contains("Faults           503, drop on 7% of requests\n"),
            "{text}"
        );
    }
}
