//! A local emulator of Alibaba Cloud IoT Platform's OTA API, speaking the real wire protocol:
//! RPC signature V1, gateway errors, in-band errors, per-operation throttling, and injectable
//! faults for testing clients' retries. Every operation of the OTA family is routed through
//! the SDK's generated server side (`aliyun_iot::server`); the emulator implements
//! `QueryOTAFirmware`, and the other operations answer 400 `UnsupportedOperation`.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use aliyun_iot_emulator::{Emulator, EmulatorConfig};
//!
//! let running = Emulator::start(EmulatorConfig::ephemeral()).await?;
//! println!("point the client at {} with testid / testsecret", running.endpoint());
//! running.shutdown().await;
//! # Ok(())
//! # }
//! ```
//!
//! # What it does, in order
//!
//! Every request gets a fresh `RequestId` (a UUID in uppercase hex), in the body and in the
//! `x-acs-request-id` header, and one `tracing::info!` line (method, Action, status, Code,
//! RequestId, injected fault; never a key secret, a signature or a token).
//!
//! 1. Only `GET` and `POST` on path `/` exist: anything else is 404 `InvalidAction.NotFound`.
//! 2. Parameters come from the raw query and, for `POST` with
//!    `Content-Type: application/x-www-form-urlencoded`, from the body, merged (other bodies
//!    are ignored). `+` is a space, empty values are kept (`SignatureType=`). Malformed
//!    percent-encoding, text that is not UTF-8 once decoded, an empty name or a parameter given
//!    twice (in the query, the body or both) is 400 `InvalidParameter`. A body above
//!    [`MAX_BODY_BYTES`] is 413 `InvalidParameter`; a body not received within the read
//!    timeout is 408 `RequestTimeout`. (A request line above 64 KiB or headers above ~400 KiB
//!    are refused by the HTTP layer itself: 414 or 431 without a body.)
//! 3. Answers are in the requested `Format` (`JSON` or `XML`, case-insensitive; XML when
//!    absent or empty, as IoT's gateway does; any other value is 400 `InvalidParameter`, in
//!    XML). Gateway errors are JSON `{"RequestId","HostId","Code","Message","Recommend"}` or
//!    XML `<Error>` with `RequestId`, `HostId`, `Code`, `Message`; `HostId` is the request's
//!    `Host`.
//! 4. `Action` (missing: 400 `MissingParameter`; not an operation of the API, or sent with an
//!    HTTP method the operation does not accept: 404 `InvalidAction.NotFound`), then `Version`
//!    (not `2018-01-20`: 400 `InvalidVersion`), then
//!    `AccessKeyId`, `Signature`, `SignatureMethod`, `SignatureVersion`, `SignatureNonce`,
//!    `Timestamp` must be present and not empty (400 `MissingParameter` naming the first one
//!    missing).
//! 5. `SignatureMethod` other than `HMAC-SHA1` or `SignatureVersion` other than `1.0`: 400
//!    `IncompleteSignature`.
//! 6. `Timestamp` must parse as an RFC 3339 time with an offset (`2016-02-23T12:46:24Z`;
//!    else 400 `InvalidTimeStamp.Format`) within 15 minutes of the emulator's clock (else 400
//!    `InvalidTimeStamp.Expired`).
//! 7. Unknown `AccessKeyId`: 404 `InvalidAccessKeyId.NotFound`.
//! 8. STS: a key configured with a security token requires the same `SecurityToken` (absent:
//!    400 `MissingSecurityToken`; different: 400 `InvalidSecurityToken.MismatchWithAccessKey`).
//!    A permanent key that comes with a `SecurityToken` is refused the same way
//!    (`InvalidSecurityToken.MismatchWithAccessKey`): the real gateway would try to use it.
//! 9. The V1 signature over every parameter but `Signature`, with the request's real method
//!    (so `GET` and `POST` sign differently), using `aliyun_runtime::signing`. Mismatch: 400
//!    `SignatureDoesNotMatch` whose Message ends with
//!    `server string to sign is:<the emulator's string to sign>`.
//! 10. `SignatureNonce` replay (same AccessKeyId and nonce while its timestamp is in the
//!     window): 400 `SignatureNonceUsed`. Nonces are remembered only for authenticated
//!     requests, each until its request's `Timestamp` + 15 minutes, at most
//!     [`EmulatorConfig::nonce_capacity`]; when the store is full of unexpired nonces, the
//!     request is refused with 503 `ServiceUnavailable` (retryable) rather than letting memory
//!     grow.
//! 11. Fault injection ([`Faults`]), off by default.
//! 12. Throttling: more authenticated calls of one operation by one AccessKeyId within one
//!     second (sliding window) than the operation's quota from the spec (or
//!     [`EmulatorConfig::qps`]): 400 `Throttling.User`, `Request was denied due to request
//!     throttling.` (no `x-acs-retry-after` header).
//! 13. The operation's parameters are decoded by the generated decoder: a required one
//!     missing is 400 `Missing<Name>` (`FirmwareId is mandatory for this action.`), a value
//!     that does not parse or a list with a gap (`TaskId.1`, `TaskId.3`) 400
//!     `InvalidParameter`. Then, for `QueryOTAFirmware`, HTTP 200 with the reply encoded by
//!     the generated types: the package, or `Success: false` with `Code` and `ErrorMessage`:
//!     - an `IotInstanceId` that no package belongs to, or no `IotInstanceId` for a package
//!       that belongs to an instance: [`INSTANCE_NOT_FOUND`] (`iot.system.InstanceNotFound`);
//!     - an unknown `FirmwareId` (or one that is not in the given instance):
//!       [`FIRMWARE_NOT_FOUND`] (`iot.ota.FirmwareNotFound`; no official code is published).
//!
//! Unknown parameters (`RegionId`, `SignatureType`, ...) are signed but otherwise ignored.
//!
//! # Hostile clients
//!
//! Nothing a client sends makes the emulator panic or hang: sizes are capped (above), headers
//! must arrive within [`EmulatorConfig::read_timeout`] (which also closes idle keep-alive
//! connections) and the body within the same time again; at most [`MAX_CONNECTIONS`]
//! connections are served at once.

#![warn(missing_docs)]

mod config;
mod guards;
mod handler;
mod packages;
mod params;
mod server;

pub use config::{
    AccessKey, DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, DEFAULT_NONCE_CAPACITY,
    DEFAULT_PORT, DEFAULT_READ_TIMEOUT, EmulatorConfig, FaultKind, Faults, ParseFaultError,
    operation_quota,
};
pub use handler::{
    FIRMWARE_NOT_FOUND, INSTANCE_NOT_FOUND, MAX_BODY_BYTES, REQUEST_ID_HEADER,
    TIMESTAMP_TOLERANCE_SECS,
};
pub use packages::{
    DELTA_PACKAGE_ID, DataError, MULTI_FILE_INSTANCE, MULTI_FILE_PACKAGE_ID, Package,
    default_packages, load_data_file,
};
pub use server::{Emulator, MAX_CONNECTIONS, RunningEmulator, SHUTDOWN_GRACE};
