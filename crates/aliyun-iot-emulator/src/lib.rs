//! A local emulator of Alibaba Cloud IoT Platform's OTA API, speaking the real wire protocol
//! (signatures V1 and V3, gateway errors, in-band errors, per-operation throttling, injectable
//! faults), and behaving as the OTA service does: all 26 operations of the OTA family over a
//! state of products, devices, modules, packages, jobs and tasks; object storage for firmware
//! files, as OSS does it (POST-policy uploads streamed to disk, pre-signed downloads with
//! `Range`); simulated devices that move tasks through their states; and, with
//! [`EmulatorConfig::state_dir`], a state that survives a crash. Requests are routed through
//! the SDK's generated server side (`aliyun_iot::server`).
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
//!     `InvalidParameter`. Then the operation answers HTTP 200 with the reply encoded by the
//!     generated types: its result, or `Success: false` with `Code` and `ErrorMessage` (see
//!     [the operations](#the-operations)).
//!
//! Unknown parameters (`RegionId`, `SignatureType`, ...) are signed but otherwise ignored.
//!
//! # The operations
//!
//! Each operation checks its parameters against the service's documented rules, then the
//! state, and answers an in-band error for anything the service refuses. An `IotInstanceId`
//! that nothing belongs to, or none for something inside an instance, is
//! [`INSTANCE_NOT_FOUND`]; an unknown package is [`FIRMWARE_NOT_FOUND`]. The codes the service
//! does not publish are the emulator's choice:
//!
//! | Code | When |
//! |---|---|
//! | `iot.system.IllegalRequest` | a value outside its documented rule (length, range, count, format, combination), named in the message |
//! | `iot.common.InvalidPageParams` | `CurrentPage` < 1, `PageSize` outside its range, or past 100,000 tasks |
//! | `iot.prod.NotExistedProduct`, `iot.device.NotExistedDevice` | an unknown product or device |
//! | `iot.group.NotExistedGroup` | any device group (the emulator has none) |
//! | `iot.ota.JobNotFound`, `iot.ota.TaskNotFound`, `iot.ota.ModuleNotFound` | an unknown job, task (or one not of the job) or custom module |
//! | `iot.ota.ModuleAlreadyExists`, `iot.ota.ModuleLimitExceeded`, `iot.ota.ModuleInUse` | a module name taken (case-insensitively), an eleventh custom module, deleting `default` or a module with packages |
//! | `iot.ota.FirmwareNameAlreadyExists`, `iot.ota.FirmwareLimitExceeded` | a taken `FirmwareName`, a 501st package in the instance |
//! | `iot.ota.FileNotFound`, `iot.ota.FirmwareSignMismatch` | a file URL that names no uploaded object; a `FirmwareSign`, `SignValue`, `FileMd5` or size that is not the file's |
//! | `iot.ota.FirmwareInUse` | deleting a package that has an unfinished job |
//! | `iot.ota.FirmwareNotVerified`, `iot.ota.FirmwareVerifyStateInvalid` | an update job for a package that must be verified first; a verification job for a package verifying, verified or needing none |
//! | `iot.ota.DynamicJobExists`, `iot.ota.NoDeviceMatched` | a second running dynamic job for a package; an update job that selects no device |
//! | `iot.ota.InvalidJobStatus`, `iot.ota.InvalidTaskStatus`, `iot.ota.DeviceTaskExists` | a change the job's or task's state does not allow; re-running a task of a device that has another unfinished task |
//!
//! # Behaviour where the service's is not published
//!
//! `shared/reference/decisions.md` gives the project's answers; these are all the choices:
//!
//! | Question | The emulator's answer |
//! |---|---|
//! | Package `Status` after CreateOTAFirmware | `0` (unverified); `-1` with `NeedToVerify=false` |
//! | Verification | `Status` 2 while the job runs, `VerifyProgress` = share of test tasks finished, then 1 if every task succeeded, else 3; a verification task installs the package on its device |
//! | Which `SignMethod` | `MD5` (default) and `SHA256`; `FirmwareSign` is checked against that digest of the stored file |
//! | `FirmwareUrl` for CreateOTAFirmware | must name a file uploaded with GenerateOTAUploadURL (the service's own storage); other URLs are `iot.ota.FileNotFound` |
//! | Both or neither of `FirmwareUrl` and `MultiFiles` | `iot.system.IllegalRequest` |
//! | Upload credentials | valid 1 minute; policy conditions: the exact key and `content-length-range` 0 to [`EmulatorConfig::max_upload_bytes`]; `success_action_status` 200, 201 or 204 (default 204) |
//! | Download URLs (QueryOTAFirmware) | pre-signed, valid 1 hour; packages seeded from a data file keep the URL given |
//! | Task flow | `CONFIRM` (with `NeedConfirm`) → `QUEUED` → `NOTIFIED` (at most `MaximumPerMinute` a minute) → `IN_PROGRESS` → `SUCCEEDED`, one state per device step |
//! | A device that `Fails` | reports progress -1 once in progress: `FAILED` with `upgrade failed: the device reported progress -1`, after the job's automatic retries (only when the job names source versions) |
//! | An offline device | its task stays `QUEUED` until the job's `TimeoutInMinutes` (counted from when it was queued, or its job's scheduled start) fails it with a `timeout` description; without a timeout it waits forever |
//! | Timeout of a device that reported progress | counted from the first progress report |
//! | A device with an unfinished task for the module | a new task for it is created `FAILED` (naming the other task), unless `OverwriteMode` 2 and the other is not `IN_PROGRESS`, which cancels the other |
//! | ReupgradeOTATask | keeps the `TaskId`, back to `QUEUED` (`CONFIRM` if the job needs confirmation), reopens a completed job; not for verification jobs; refused while the device has another unfinished task |
//! | When a job is `COMPLETED` | when every task is final; a dynamic job stays `IN_PROGRESS` until CancelOTAStrategyByJob |
//! | CancelOTAStrategyByJob | the job becomes `CANCELED` and adds no device; its existing tasks go on |
//! | `ScheduleTime` / `ScheduleFinishTime` | the job is `PLANNED` until `ScheduleTime`; `ScheduleFinishTime` is kept and answered, not enforced |
//! | CancelOTATaskByJob | static and dynamic jobs; none of the flags is `iot.system.IllegalRequest`; `CancelScheduledTask` on a `PLANNED` job cancels the job and its tasks |
//! | CancelOTATaskByDevice | the named devices' unfinished tasks of the package (all four unfinished states); a named device with none is `iot.ota.InvalidTaskStatus` |
//! | ListOTAUnfinishedTaskByDevice without `TaskStatus` or `TaskStatusList` | every unfinished task |
//! | DeleteOTAFirmware | refused while a job of the package is unfinished; jobs stay queryable after; uploaded files no other package uses are removed |
//! | `GRAY` scope | the first ⌊n × percent / 100⌋ eligible devices in name order; none is `iot.ota.NoDeviceMatched` |
//! | UpdateOTAJob | tags not re-sent are cleared; `TimeoutInMinutes` and `SrcVersionList` apply to dynamic jobs and are ignored for static ones |
//! | ConfirmOTATask on a `PLANNED` job | `iot.ota.InvalidJobStatus` (confirmation opens at the scheduled start) |
//! | `GROUP` scope, dynamic groups, `DnListFileUrl` | not emulated: `iot.group.NotExistedGroup` / `iot.system.IllegalRequest` |
//! | Dynamic jobs | `DynamicMode` 1 takes matching devices at creation and at every device step; mode 2 only devices whose version changed after the job was created |
//! | ListOTAModuleByProduct | `default` first, then custom modules by name |
//! | Lists | packages and jobs newest first; tasks in creation order |
//! | IDs | 26 characters, the kind in characters 21–22 (`03` package, `02` job, `01` task), from [`EmulatorConfig::seed`] |
//! | STS | account `1234567890123456`; `AssumeRoleWithOIDC` trusts any well-formed token of a well-formed provider ARN; sessions 900–43,200 s (default 3,600, capped by [`EmulatorConfig::sts_session_cap`]); at most 100,000 live sessions (then `ServiceUnavailable`) |
//! | Instance metadata | on the API's port; role `EmulatorInstanceRole`, six-hour keys from the emulator's STS; IMDSv1 accepted unless [`EmulatorConfig::imds_v2_only`] |
//!
//! # State
//!
//! Products and devices come from [`EmulatorConfig::products`] (a `--data` file's `Products`,
//! else [`demo_product`]) and packages from [`EmulatorConfig::packages`]. Without a state
//! directory everything lives in memory and uploaded files in a temporary directory removed
//! when the emulator stops. With one, every change is an event appended to a journal
//! (`journal.<first change>.jsonl` segments, a checksummed JSON line per change) and synced
//! before the answer, so whatever was answered survives `kill -9`; every 10,000 changes the
//! journal moves on to a new segment and a background thread writes `snapshot.json` and then
//! removes the older segments (requests go on meanwhile), and uploaded files are synced before
//! their upload is answered. A damaged file stops the start with a [`StateError`] naming the
//! file and line. The seed only initialises an empty directory; a restart replays the
//! directory (a directory with the single `journal.jsonl` of earlier versions included).
//!
//! Devices step every [`EmulatorConfig::device_step`]; with
//! [`EmulatorConfig::with_manual_clock`], a test moves time with [`RunningEmulator::advance`]
//! instead.
//!
//! # Hostile clients
//!
//! Nothing a client sends makes the emulator panic or hang: sizes are capped (above), headers
//! must arrive within [`EmulatorConfig::read_timeout`] (which also closes idle keep-alive
//! connections) and the body within the same time again. At most [`MAX_CONNECTIONS`]
//! connections are served at once; at the cap, a new connection makes room by closing the one
//! that has gone longest without a request in flight (headers never finished, or idle between
//! keep-alive requests), so a flood of half-open connections cannot lock a well-behaved client
//! out. A connection with a request in flight is never closed for that: only when every one
//! has a request in flight is the new connection closed.

#![warn(missing_docs)]

mod clock;
mod codes;
mod config;
mod guards;
mod handler;
mod imds;
mod journal;
mod ota;
mod packages;
mod params;
mod server;
mod state;
mod storage;
mod sts;

pub use config::{
    AccessKey, DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, DEFAULT_DEVICE_STEP,
    DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_NONCE_CAPACITY, DEFAULT_PORT, DEFAULT_READ_TIMEOUT,
    EmulatorConfig, FaultKind, Faults, ParseFaultError, operation_quota, parse_duration,
};
pub use handler::{
    FIRMWARE_NOT_FOUND, INSTANCE_NOT_FOUND, MAX_BODY_BYTES, REQUEST_ID_HEADER,
    TIMESTAMP_TOLERANCE_SECS,
};
pub use journal::StateError;
pub use packages::{
    DELTA_PACKAGE_ID, DEMO_PRODUCT_KEY, DataError, DataFile, DeviceSeed, MULTI_FILE_INSTANCE,
    MULTI_FILE_PACKAGE_ID, Package, ProductSeed, default_packages, demo_product, load_data_file,
};
pub use server::{Emulator, MAX_CONNECTIONS, RunningEmulator, SHUTDOWN_GRACE};
