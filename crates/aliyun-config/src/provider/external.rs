//! The aliyun CLI mode `External`: a command prints the credentials as JSON on its standard
//! output (credentials.md §10.2).
//!
//! `process_command` is split into words as a POSIX shell would (single and double quotes,
//! backslash escapes) and run directly, with no shell, no standard input and this process's
//! environment. It must exit with status 0 within 60 seconds, having printed at most 64 KiB:
//!
//! ```json
//! {"mode": "StsToken", "access_key_id": "STS.…", "access_key_secret": "…",
//!  "sts_token": "…", "expiration": "2026-09-03T12:00:00Z"}
//! ```
//!
//! `mode` is `AK` or `StsToken` (which needs `sts_token`); `expiration` is optional. Credentials
//! with an expiration are fetched again 180 s before it, those without on every lookup, as the
//! official libraries do.
//!
//! Secrets: no error quotes the output, only the field that was wrong. The command line may
//! hold secrets in its arguments: `Debug` and errors name the program only. When the command
//! fails, the error shows the start of its standard error (at most 200 characters, on one line):
//! the command's own message, which it should keep free of secrets.

use std::fmt;
use std::process::{ExitStatus, Stdio};
use std::time::Duration;

use aliyun_runtime::credentials::{
    CredentialsError, CredentialsErrorKind, CredentialsFuture, ProvideCredentials,
};
use aliyun_runtime::{Credentials, jiff};
use serde::Deserialize;
use tokio::io::{AsyncRead, AsyncReadExt};

use crate::Environment;
use crate::cache::{self, Refresh};
use crate::env_vars::{ENV_DISABLE_EXTERNAL_PROCESS, is_one_or_true};
use crate::http::service;
use crate::profile::invalid;

/// The provider's name in chains and errors.
pub const NAME: &str = "external";

/// How long the command may run (the official libraries' timeout).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// Credentials with an expiration are fetched again this long before it.
pub const REFRESH_MARGIN: Duration = Duration::from_secs(180);

/// The most the command may print: credentials JSON is well under 4 KiB.
const MAX_OUTPUT_BYTES: usize = 64 * 1024;

/// How much of the standard error a failure shows.
const STDERR_EXCERPT_CHARS: usize = 200;

/// Credentials printed by a command. `Debug` shows the program, not its arguments.
#[derive(Clone)]
pub struct ExternalProvider {
    command: String,
    timeout: Duration,
}

impl fmt::Debug for ExternalProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ExternalProvider")
            .field("program", &self.program())
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl ExternalProvider {
    /// Credentials printed by `command` (a `process_command`), given at most
    /// [`DEFAULT_TIMEOUT`] to run.
    pub fn new(command: impl Into<String>) -> Self {
        Self {
            command: command.into(),
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// Gives the command `timeout` to run instead; past it the command is killed.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The program the command runs, without its arguments (they may hold secrets).
    fn program(&self) -> String {
        shlex::split(&self.command)
            .and_then(|words| words.into_iter().next())
            .unwrap_or_default()
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let origin = format!("{NAME} ({})", self.program());
        let words = shlex::split(&self.command).filter(|words| !words.is_empty());
        let Some((program, args)) = words.as_deref().and_then(<[String]>::split_first) else {
            return Err(invalid(
                &origin,
                "process_command is empty or has an unclosed quote",
            ));
        };
        tracing::debug!(program, "running the credentials command");
        let output = tokio::time::timeout(self.timeout, run(&origin, program, args))
            .await
            // Dropping the run kills the command (`kill_on_drop`).
            .map_err(|_| service(&origin, format!("no answer within {:?}", self.timeout)))??;
        if !output.status.success() {
            return Err(service(
                &origin,
                format!(
                    "the command failed ({}); its standard error: {}",
                    output.status,
                    excerpt(&output.stderr)
                ),
            ));
        }
        let credentials = parse(&origin, &output.stdout)?;
        let refresh = match credentials.expiry() {
            Some(_) => Refresh::Before(REFRESH_MARGIN),
            None => Refresh::EveryLookup,
        };
        cache::refresh_as(&credentials, refresh);
        Ok(credentials)
    }
}

impl ProvideCredentials for ExternalProvider {
    fn provide(&self) -> CredentialsFuture<'_> {
        Box::pin(self.load())
    }
}

/// An error naming `ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS` when that variable forbids the CLI
/// profile `mode` (`External`, `CredentialsURI`).
pub(crate) fn ensure_allowed(
    env: &Environment,
    origin: &str,
    mode: &str,
) -> Result<(), CredentialsError> {
    if is_one_or_true(env, ENV_DISABLE_EXTERNAL_PROCESS) {
        return Err(invalid(
            origin,
            format!("mode {mode} is turned off by {ENV_DISABLE_EXTERNAL_PROCESS}"),
        ));
    }
    Ok(())
}

/// What the command left: its exit status, all of its output and the start of its errors.
struct Output {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

async fn run(origin: &str, program: &str, args: &[String]) -> Result<Output, CredentialsError> {
    let io_error = |what: &str, e: std::io::Error| {
        CredentialsError::new(CredentialsErrorKind::Io, origin, format!("{what}: {e}"))
    };
    let mut child = tokio::process::Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| io_error("cannot run the command", e))?;
    let (Some(stdout), Some(stderr)) = (child.stdout.take(), child.stderr.take()) else {
        return Err(io_error(
            "no pipe to the command",
            std::io::ErrorKind::BrokenPipe.into(),
        ));
    };
    let stdout = async {
        // One byte more than allowed tells an answer too large; the read stops there.
        let mut bytes = Vec::new();
        stdout
            .take(MAX_OUTPUT_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .await
            .map_err(|e| io_error("cannot read the command's output", e))?;
        if bytes.len() > MAX_OUTPUT_BYTES {
            // Returning drops the child, which kills it.
            return Err(service(
                origin,
                format!(
                    "the command printed more than {} KiB",
                    MAX_OUTPUT_BYTES / 1024
                ),
            ));
        }
        Ok(bytes)
    };
    // Four bytes a character at most: enough for the excerpt.
    let stderr = async {
        read_start(stderr, STDERR_EXCERPT_CHARS * 4)
            .await
            .map_err(|e| io_error("cannot read the command's standard error", e))
    };
    let (stdout, stderr) = tokio::try_join!(stdout, stderr)?;
    let status = child
        .wait()
        .await
        .map_err(|e| io_error("cannot wait for the command", e))?;
    Ok(Output {
        status,
        stdout,
        stderr,
    })
}

/// The first `keep` bytes of `pipe`. The rest is read and dropped, so that a command that
/// writes much there is not blocked on a full pipe.
async fn read_start(mut pipe: impl AsyncRead + Unpin, keep: usize) -> std::io::Result<Vec<u8>> {
    let mut kept = Vec::new();
    let mut buffer = [0_u8; 8192];
    loop {
        let n = pipe.read(&mut buffer).await?;
        if n == 0 {
            return Ok(kept);
        }
        let room = keep - kept.len();
        kept.extend_from_slice(&buffer[..n.min(room)]);
    }
}

/// The start of the command's standard error on one line, at most [`STDERR_EXCERPT_CHARS`].
fn excerpt(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    let line = words.join(" ");
    if line.is_empty() {
        return "(empty)".to_owned();
    }
    match line.char_indices().nth(STDERR_EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

/// The command's answer; unknown fields are ignored.
#[derive(Deserialize)]
struct Answer {
    mode: Option<String>,
    access_key_id: Option<String>,
    access_key_secret: Option<String>,
    sts_token: Option<String>,
    expiration: Option<String>,
}

/// Reads the command's answer. Errors name the field, never a value.
fn parse(origin: &str, stdout: &[u8]) -> Result<Credentials, CredentialsError> {
    let answer: Answer = serde_json::from_slice(stdout).map_err(|e| {
        service(
            origin,
            format!(
                "the command's output is not credentials JSON ({:?} error at line {}, column {})",
                e.classify(),
                e.line(),
                e.column()
            ),
        )
    })?;
    let field = |name: &str, value: Option<String>| {
        value
            .filter(|v| !v.trim().is_empty())
            .ok_or_else(|| service(origin, format!("the command's output has no `{name}`")))
    };
    let id = field("access_key_id", answer.access_key_id)?;
    let secret = field("access_key_secret", answer.access_key_secret)?;
    let credentials = match answer.mode.as_deref() {
        Some("AK") => Credentials::new(id, secret),
        Some("StsToken") => {
            Credentials::with_security_token(id, secret, field("sts_token", answer.sts_token)?)
        }
        _ => {
            return Err(service(
                origin,
                "the command's output has no `mode` \"AK\" or \"StsToken\"",
            ));
        }
    };
    match answer.expiration.filter(|e| !e.trim().is_empty()) {
        None => Ok(credentials),
        Some(expiration) => {
            let expiry = expiration.trim().parse::<jiff::Timestamp>().map_err(|_| {
                service(
                    origin,
                    "the command's `expiration` is not a UTC time like 2026-09-03T12:00:00Z",
                )
            })?;
            Ok(credentials.with_expiry(expiry))
        }
    }
}

#[cfg(test)]
#[cfg(unix)] // the commands are `sh` scripts
mod tests {
    use std::time::Instant;

    use test_support::TempDir;

    use super::*;
    use crate::LazyCache;

    const SECRET: &str = "s3cr3t-never-shown";

    /// A `#!/bin/sh` script in a temporary directory, and a `process_command` that runs it with
    /// `sh` and `args` (a script just written, executed directly, can fail with "text file
    /// busy" while another test thread forks). `$DIR` in `body` is the directory.
    fn script(body: &str, args: &str) -> (TempDir, String) {
        let dir = TempDir::new();
        let body = body.replace("$DIR", &dir.path().display().to_string());
        let path = dir.write("print-credentials.sh", format!("#!/bin/sh\n{body}\n"));
        let command = format!("/bin/sh '{}' {args}", path.display());
        (dir, command)
    }

    async fn provide(body: &str) -> Result<Credentials, CredentialsError> {
        let (_dir, command) = script(body, "");
        ExternalProvider::new(command).provide().await
    }

    /// The error of `body`; it never holds the secret.
    async fn error_of(body: &str) -> String {
        let error = provide(body).await.unwrap_err().to_string();
        assert!(!error.contains(SECRET), "{error}");
        error
    }

    #[tokio::test]
    async fn an_sts_token_with_its_expiration() {
        let credentials = provide(&format!(
            r#"echo '{{"mode": "StsToken", "access_key_id": "STS.id", "access_key_secret": "{SECRET}", "sts_token": "token", "expiration": "2026-09-03T12:00:00Z", "unknown": 1}}'"#
        ))
        .await
        .unwrap();
        assert_eq!(credentials.access_key_id(), "STS.id");
        assert_eq!(credentials.access_key_secret().expose(), SECRET);
        assert_eq!(credentials.security_token().unwrap().expose(), "token");
        assert_eq!(
            credentials.expiry(),
            Some("2026-09-03T12:00:00Z".parse().unwrap())
        );
    }

    #[tokio::test]
    async fn the_command_line_is_split_into_words_without_a_shell() {
        // Quotes group words; `$`, `;` and `>` mean nothing without a shell.
        let (_dir, command) = script(
            r#"printf '{"mode": "AK", "access_key_id": "%s", "access_key_secret": "%s"}' "$1" "$2""#,
            r#"'$HOME a' "b;'c' > \$x""#,
        );
        let credentials = ExternalProvider::new(command).provide().await.unwrap();
        assert_eq!(credentials.access_key_id(), "$HOME a");
        assert_eq!(credentials.access_key_secret().expose(), "b;'c' > $x");
        assert_eq!(credentials.security_token(), None);
        assert_eq!(credentials.expiry(), None);
    }

    #[tokio::test]
    async fn a_failure_shows_the_start_of_stderr_and_never_stdout() {
        let error = error_of(&format!(
            r#"echo '{{"mode": "AK", "access_key_id": "id", "access_key_secret": "{SECRET}"}}'
echo 'not logged in:' >&2
echo '  run `login`' >&2
exit 3"#
        ))
        .await;
        assert!(error.starts_with("external (/bin/sh): the command failed (exit status: 3)"));
        assert!(
            error.ends_with("its standard error: not logged in: run `login`"),
            "{error}"
        );
    }

    #[tokio::test]
    async fn stderr_is_cut_at_200_characters() {
        let error = error_of(&format!(
            "printf 'é%.0s' $(seq 300) >&2\necho {SECRET} >&2\nexit 1"
        ))
        .await;
        assert!(error.ends_with(&format!("{}…", "é".repeat(200))), "{error}");
    }

    #[tokio::test]
    async fn wrong_output_names_the_field_never_a_value() {
        let cases = [
            (format!("echo 'garbage {SECRET}'"), "not credentials JSON"),
            (
                format!(
                    r#"echo '{{"mode": "AK", "access_key_id": "", "access_key_secret": "{SECRET}"}}'"#
                ),
                "has no `access_key_id`",
            ),
            (
                r#"echo '{"mode": "AK", "access_key_id": "id"}'"#.to_owned(),
                "has no `access_key_secret`",
            ),
            (
                format!(
                    r#"echo '{{"mode": "StsToken", "access_key_id": "id", "access_key_secret": "{SECRET}"}}'"#
                ),
                "has no `sts_token`",
            ),
            (
                format!(
                    r#"echo '{{"mode": "{SECRET}", "access_key_id": "id", "access_key_secret": "x"}}'"#
                ),
                r#"has no `mode` "AK" or "StsToken""#,
            ),
            (
                format!(
                    r#"echo '{{"mode": "AK", "access_key_id": "id", "access_key_secret": "x", "expiration": "{SECRET}"}}'"#
                ),
                "`expiration` is not a UTC time",
            ),
        ];
        for (body, expected) in cases {
            let error = error_of(&body).await;
            assert!(error.contains(expected), "{body}: {error}");
        }
    }

    #[tokio::test]
    async fn a_command_that_does_not_finish_is_killed_at_the_timeout() {
        let (dir, command) = script("echo $$ > $DIR/pid\nexec sleep 30", "");
        let started = Instant::now();
        let error = ExternalProvider::new(command)
            .with_timeout(Duration::from_millis(300))
            .provide()
            .await
            .unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_eq!(
            error.to_string(),
            "external (/bin/sh): no answer within 300ms"
        );
        // `kill -0` fails once the process is gone (killed, then reaped by tokio).
        let pid = dir.read("pid").trim().to_owned();
        let gone = (0..50).any(|_| {
            std::thread::sleep(Duration::from_millis(100));
            !std::process::Command::new("kill")
                .args(["-0", &pid])
                .stderr(Stdio::null())
                .status()
                .unwrap()
                .success()
        });
        assert!(gone, "process {pid} still runs");
    }

    #[tokio::test]
    async fn endless_output_is_cut_at_64_kib() {
        let error = error_of(&format!("exec yes {SECRET}")).await;
        assert_eq!(
            error,
            "external (/bin/sh): the command printed more than 64 KiB"
        );
    }

    #[tokio::test]
    async fn a_missing_program_and_a_broken_command_line_are_errors_without_arguments() {
        let missing = ExternalProvider::new(format!("/nonexistent/get-credentials --key {SECRET}"));
        assert!(!format!("{missing:?}").contains(SECRET));
        let error = missing.provide().await.unwrap_err();
        assert_eq!(error.kind(), CredentialsErrorKind::Io);
        assert!(
            error
                .to_string()
                .starts_with("external (/nonexistent/get-credentials): cannot run the command: "),
            "{error}"
        );
        for command in ["", "  ", "get-credentials 'unclosed"] {
            let error = ExternalProvider::new(command).provide().await.unwrap_err();
            assert_eq!(error.kind(), CredentialsErrorKind::Invalid);
            assert!(error.message().contains("empty or has an unclosed quote"));
        }
    }

    /// A script that counts its runs in `$DIR/runs` and prints `answer`.
    fn counting(answer: &str) -> (TempDir, LazyCache<ExternalProvider>) {
        let (dir, command) = script(
            &format!("echo run >> $DIR/runs\nsleep 0.2\necho '{answer}'"),
            "",
        );
        (dir, LazyCache::new(ExternalProvider::new(command)))
    }

    fn runs(dir: &TempDir) -> usize {
        dir.read("runs").lines().count()
    }

    #[tokio::test]
    async fn without_expiration_the_command_runs_on_every_lookup_shared_by_concurrent_callers() {
        let (dir, cache) =
            counting(r#"{"mode": "AK", "access_key_id": "id", "access_key_secret": "secret"}"#);
        cache.provide().await.unwrap();
        cache.provide().await.unwrap();
        assert_eq!(runs(&dir), 2);
        let (a, b, c) = tokio::join!(cache.provide(), cache.provide(), cache.provide());
        assert_eq!(a.unwrap().access_key_id(), "id");
        assert!(b.is_ok() && c.is_ok());
        assert_eq!(runs(&dir), 3);
    }

    #[tokio::test]
    async fn with_expiration_the_command_runs_again_180_s_before_it() {
        // 182 s (whole seconds: 181 to 182): due again within 2 s, where the cache's default
        // margin would make it a minute.
        let started = Instant::now();
        let expiration = (jiff::Timestamp::now() + Duration::from_secs(182))
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        let (dir, cache) = counting(&format!(
            r#"{{"mode": "StsToken", "access_key_id": "STS.id", "access_key_secret": "secret", "sts_token": "t", "expiration": "{expiration}"}}"#
        ));
        cache.provide().await.unwrap();
        cache.provide().await.unwrap();
        assert_eq!(runs(&dir), 1);
        tokio::time::sleep(Duration::from_millis(2200).saturating_sub(started.elapsed())).await;
        cache.provide().await.unwrap();
        assert_eq!(runs(&dir), 2);
    }
}
