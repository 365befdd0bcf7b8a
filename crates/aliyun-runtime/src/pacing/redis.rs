//! Pacing shared through Redis ([`Pacing::Shared`](crate::Pacing::Shared)): every process and
//! machine of an account takes its call slots from one schedule kept in Redis, so together they
//! stay within the account's quota.
//!
//! Each acquisition is one atomic round trip: a Lua script reads the server's clock (`TIME`, so
//! clients whose clocks differ agree), reserves the next free slot of the account's and
//! operation's schedule and answers how long to wait for it. The schedule is the local
//! [`RateLimiter`](super::RateLimiter)'s (GCRA without burst): slots `1 s / quota` apart plus
//! [`MARGIN_PERCENT`](super::MARGIN_PERCENT), no credit while idle, so any one-second window
//! holds at most `quota` slots across the fleet. Keys are
//! `aliyun:pacing:{product}:{action}:{AccessKeyId hash}` and expire a second after their last
//! slot. Redis 5 or later (scripts that read `TIME` before writing).
//!
//! Faults: when Redis refuses the connection, errs or takes longer than the configured timeout,
//! calls are paced by their process alone (the process-wide limiter of
//! [`shared`](super::shared)), with one warning, until Redis answers again (an info line then);
//! with [`SharedPacing::fail_closed`] they fail instead. A refused connection is retried at the
//! next call; after a timeout, Redis is left alone for [`PROBE_INTERVAL`]. A restarted Redis
//! has lost its schedules and scripts: the script is loaded again, and each schedule starts
//! again, without burst credit, after the slots its callers remember handing out.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use sha2::{Digest, Sha256};
use tokio::time::Instant;

use crate::config::SharedPacing;
use crate::error::{Error, TransportError};
use crate::operation::OperationInfo;

/// After a round trip timed out, how long calls are paced without asking Redis (a host that
/// does not answer costs each try the whole timeout).
pub const PROBE_INTERVAL: Duration = Duration::from_secs(1);

/// KEYS[1]: the schedule; ARGV[1]: the spacing of slots in microseconds; ARGV[2]: the end of
/// the schedule as this client last saw it (0: never). Reserves the next free slot, never
/// earlier than now, and returns the wait for it and the schedule's new end, in microseconds.
///
/// A restarted server has lost the schedule while callers still hold slots it handed out: the
/// callers' floors keep those slots from being handed out again, unless a floor is more than a
/// minute ahead (another server's clock). Microseconds since the epoch stay exact in Lua's
/// doubles (below 2^53); `%.0f` keeps them out of exponent notation.
const SCRIPT: &str = r"
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local floor = tonumber(ARGV[2])
if floor > now + 60000000 then floor = 0 end
local slot = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), floor, now)
local next_free = slot + tonumber(ARGV[1])
redis.call('SET', KEYS[1], string.format('%.0f', next_free),
    'PX', math.ceil((next_free - now) / 1000) + 1000)
return {slot - now, next_free}
";

/// Paces calls through one Redis server (one per client: clones of a client share it).
pub struct RedisLimiter {
    settings: SharedPacing,
    client: redis::Client,
    /// Made at the first acquisition: it spawns its I/O task on the runtime that runs it.
    connection: Mutex<Option<ConnectionManager>>,
    script: redis::Script,
    /// The end of each schedule as last seen (microseconds by the server's clock).
    floors: Mutex<HashMap<String, u64>>,
    health: Mutex<Health>,
}

/// What the limiter knows of Redis's availability.
#[derive(Debug, Default)]
struct Health {
    /// Redis failed the last round trip (it was warned about).
    down: bool,
    /// No round trip before this instant (after a timeout, and while one probe runs).
    quiet_until: Option<Instant>,
}

impl std::fmt::Debug for RedisLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisLimiter")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl RedisLimiter {
    /// A limiter using the Redis server of `settings` (connected at the first acquisition).
    pub fn new(settings: &SharedPacing) -> Result<Self, Error> {
        // redis-rs's messages never repeat the URL, so never its password.
        let client = redis::Client::open(settings.expose_url()).map_err(|e| {
            Error::Config(format!(
                "the shared pacing URL {} is not usable: {e}",
                settings.redacted_url()
            ))
        })?;
        Ok(Self {
            settings: settings.clone(),
            client,
            connection: Mutex::new(None),
            script: redis::Script::new(SCRIPT),
            floors: Mutex::new(HashMap::new()),
            health: Mutex::new(Health::default()),
        })
    }

    /// Waits until `access_key_id` may start one call of the operation `info`, at its quota
    /// across every process using this Redis. While Redis is unavailable, paces per process,
    /// or fails with a retryable [`Error::Transport`] when fail-closed.
    pub async fn acquire(&self, access_key_id: &str, info: &OperationInfo) -> Result<(), Error> {
        let Some(interval) = super::interval(info.quota_per_second) else {
            return Ok(());
        };
        if self.may_try() {
            let key = schedule_key(info, access_key_id);
            let timeout = self.settings.timeout();
            match tokio::time::timeout(timeout, self.reserve(&key, interval)).await {
                Ok(Ok(wait)) => {
                    self.answered();
                    if !wait.is_zero() {
                        tokio::time::sleep(wait).await;
                    }
                    return Ok(());
                }
                Ok(Err(error)) if !error.is_timeout() => self.failed(&error.to_string(), false),
                // Our deadline, or the connection's (the same).
                _ => self.failed(&format!("no answer within {timeout:?}"), true),
            }
        }
        if self.settings.is_fail_closed() {
            return Err(Error::Transport(TransportError::new(
                format!(
                    "shared pacing: Redis at {} is unavailable (fail-closed)",
                    self.settings.redacted_url()
                ),
                None,
            )));
        }
        super::shared(access_key_id, info.action, info.quota_per_second)
            .acquire()
            .await;
        Ok(())
    }

    /// One round trip: reserves a slot of `key`'s schedule and returns the wait for it.
    async fn reserve(&self, key: &str, interval: Duration) -> redis::RedisResult<Duration> {
        let mut connection = self.connection()?;
        let floor = self.floors().get(key).copied().unwrap_or(0);
        let mut invocation = self.script.prepare_invoke();
        invocation
            .key(key)
            .arg(u64::try_from(interval.as_micros()).unwrap_or(u64::MAX))
            .arg(floor);
        let (wait, end): (u64, u64) = match invocation.invoke_async(&mut connection).await {
            // The manager reconnects on a lost connection: a second try tells whether Redis is
            // back (it may have restarted since the first connection).
            Err(e) if (e.is_io_error() || e.is_connection_dropped()) && !e.is_timeout() => {
                invocation.invoke_async(&mut connection).await?
            }
            other => other?,
        };
        let mut floors = self.floors();
        let floor = floors.entry(key.to_owned()).or_default();
        *floor = (*floor).max(end);
        Ok(Duration::from_micros(wait))
    }

    fn floors(&self) -> MutexGuard<'_, HashMap<String, u64>> {
        self.floors.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The connection manager, made on first use. It reconnects by itself after a failure;
    /// its own retries are off, as the next call tries again anyway.
    fn connection(&self) -> redis::RedisResult<ConnectionManager> {
        let mut connection = self
            .connection
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(manager) = connection.as_ref() {
            return Ok(manager.clone());
        }
        let timeout = Some(self.settings.timeout());
        let config = ConnectionManagerConfig::new()
            .set_number_of_retries(0)
            .set_connection_timeout(timeout)
            .set_response_timeout(timeout);
        let manager = ConnectionManager::new_lazy_with_config(self.client.clone(), config)?;
        *connection = Some(manager.clone());
        Ok(manager)
    }

    fn health(&self) -> MutexGuard<'_, Health> {
        self.health.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether to ask Redis now. After a timeout, one call probes once the quiet period is
    /// over, and the others keep pacing per process while it does.
    fn may_try(&self) -> bool {
        let mut health = self.health();
        let now = Instant::now();
        match health.quiet_until {
            Some(until) if now < until => false,
            Some(_) => {
                health.quiet_until = Some(now + self.settings.timeout());
                true
            }
            None => true,
        }
    }

    /// Redis answered: back to shared pacing if it had failed.
    fn answered(&self) {
        let mut health = self.health();
        health.quiet_until = None;
        if std::mem::take(&mut health.down) {
            tracing::info!(
                redis = self.settings.redacted_url(),
                "shared pacing: Redis answers again; calls are paced across processes"
            );
        }
    }

    /// Redis failed a round trip: one warning until it answers again.
    fn failed(&self, reason: &str, timed_out: bool) {
        let mut health = self.health();
        health.quiet_until = timed_out.then(|| Instant::now() + PROBE_INTERVAL);
        if !std::mem::replace(&mut health.down, true) {
            let meanwhile = if self.settings.is_fail_closed() {
                "calls fail (fail-closed)"
            } else {
                "calls are paced per process"
            };
            tracing::warn!(
                redis = self.settings.redacted_url(),
                reason,
                "shared pacing: Redis is unavailable; {meanwhile} until it answers again"
            );
        }
    }
}

/// The Redis key of the schedule of `info`'s operation for `access_key_id`. The AccessKeyId is
/// not a secret, but it is hashed all the same: it has no business in Redis listings.
fn schedule_key(info: &OperationInfo, access_key_id: &str) -> String {
    let digest = Sha256::digest(access_key_id.as_bytes());
    let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("aliyun:pacing:{}:{}:{hash}", info.product, info.action)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_product_and_operation_and_hide_the_access_key_id() {
        let info = OperationInfo::new("Iot", "QueryOTAFirmware", "2018-01-20");
        let key = schedule_key(&info, "LTAI-example-key");
        assert!(
            key.starts_with("aliyun:pacing:Iot:QueryOTAFirmware:"),
            "{key}"
        );
        assert!(!key.contains("LTAI"), "{key}");
        assert_eq!(key.len(), "aliyun:pacing:Iot:QueryOTAFirmware:".len() + 16);
        assert_ne!(key, schedule_key(&info, "another-key"));
    }

    #[test]
    fn debug_and_errors_never_show_the_password() {
        let settings = SharedPacing::new("redis://:hunter2@127.0.0.1:1/0").unwrap();
        let limiter = RedisLimiter::new(&settings).unwrap();
        let debug = format!("{limiter:?}");
        assert!(!debug.contains("hunter2"), "{debug}");
        assert!(debug.contains("redis://:****@127.0.0.1:1/0"), "{debug}");
    }
}
