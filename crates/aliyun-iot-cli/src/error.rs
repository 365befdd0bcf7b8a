//! The command's errors and their exit codes.

use std::fmt;

/// Exit code of a failed call or any other failure.
pub const EXIT_FAILURE: u8 = 1;
/// Exit code of a usage or configuration error (clap uses it for bad flags too).
pub const EXIT_USAGE: u8 = 2;
/// Exit code when no usable credentials were found.
pub const EXIT_CREDENTIALS: u8 = 3;

/// Why the command failed. `Display` never shows a secret: the runtime's errors name
/// variables, files and profiles, never their values.
#[derive(Debug)]
pub enum CliError {
    /// An error of the SDK: configuration, credentials, service, transport, decoding.
    Sdk(aliyun_runtime::Error),
    /// No region was given or configured (the runtime's error), and no `--endpoint`.
    NoRegion(aliyun_runtime::Error),
    /// The command line or configuration is wrong in a way the SDK does not check.
    Config(String),
    /// Anything else (the emulator could not start, stdout is gone, ...).
    Other(String),
}

impl CliError {
    /// The process exit code: 1 failure, 2 usage/configuration, 3 credentials.
    pub fn exit_code(&self) -> u8 {
        use aliyun_runtime::Error;
        match self {
            CliError::Sdk(Error::Config(_) | Error::Build(_))
            | CliError::NoRegion(_)
            | CliError::Config(_) => EXIT_USAGE,
            CliError::Sdk(Error::Credentials(_)) => EXIT_CREDENTIALS,
            CliError::Sdk(_) | CliError::Other(_) => EXIT_FAILURE,
        }
    }

    /// A line of advice printed after the error, when there is one.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            CliError::Sdk(aliyun_runtime::Error::Credentials(e)) if e.is_not_configured() => Some(
                "set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, run `aliyun configure`, \
                 or pass --emulator to try the command against the local emulator",
            ),
            CliError::NoRegion(_) => {
                Some("pass --region (e.g. --region cn-shanghai), or --endpoint URL")
            }
            _ => None,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Sdk(e) | CliError::NoRegion(e) => {
                // One line: the error, then each cause (a refused connection, a TLS alert).
                e.fmt(f)?;
                let mut cause = std::error::Error::source(e);
                while let Some(c) = cause {
                    write!(f, ": {c}")?;
                    cause = c.source();
                }
                Ok(())
            }
            CliError::Config(m) => write!(f, "invalid configuration: {m}"),
            CliError::Other(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for CliError {}

impl From<aliyun_runtime::Error> for CliError {
    fn from(e: aliyun_runtime::Error) -> Self {
        CliError::Sdk(e)
    }
}

impl From<aliyun_runtime::credentials::CredentialsError> for CliError {
    fn from(e: aliyun_runtime::credentials::CredentialsError) -> Self {
        CliError::Sdk(e.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aliyun_runtime::credentials::{CredentialsError, CredentialsErrorKind};

    #[test]
    fn exit_codes() {
        let config = CliError::from(aliyun_runtime::Error::Config("x".into()));
        assert_eq!(config.exit_code(), EXIT_USAGE);
        assert_eq!(CliError::Config("x".into()).exit_code(), EXIT_USAGE);
        let creds = CliError::from(CredentialsError::new(
            CredentialsErrorKind::NotConfigured,
            "environment",
            "not set",
        ));
        assert_eq!(creds.exit_code(), EXIT_CREDENTIALS);
        assert!(creds.hint().is_some());
        let transport = CliError::from(aliyun_runtime::Error::Transport("reset".into()));
        assert_eq!(transport.exit_code(), EXIT_FAILURE);
        assert_eq!(transport.hint(), None);
        let no_region = CliError::NoRegion(aliyun_runtime::Error::Config("no region".into()));
        assert_eq!(no_region.exit_code(), EXIT_USAGE);
        assert!(no_region.hint().unwrap().contains("--region"));
    }
}
