// @generated from spec/iot/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The verification status of an OTA update package.
///
/// Wire name: `FirmwareStatus`. A value this SDK does not know is kept in `Unknown`, whose
/// content is opaque: match known variants and handle the rest with a wildcard arm, so that
/// code keeps working when a later SDK knows the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FirmwareStatus {
    /// `-1`: The package needs no verification.
    NoVerificationRequired,

    /// `0`: The package has not been verified.
    Unverified,

    /// `1`: The package has been verified.
    Verified,

    /// `2`: The package is being verified.
    Verifying,

    /// `3`: The verification of the package failed.
    VerificationFailed,

    /// A value this version of the SDK does not know, kept as sent (opaque: read it with
    /// the enum's own methods).
    Unknown(wire::UnknownInteger),
}

impl FirmwareStatus {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: i64) -> Self {
        match value {
            -1 => Self::NoVerificationRequired,
            0 => Self::Unverified,
            1 => Self::Verified,
            2 => Self::Verifying,
            3 => Self::VerificationFailed,
            other => Self::Unknown(wire::UnknownInteger::new(other)),
        }
    }

    /// The value on the wire.
    pub fn value(&self) -> i64 {
        match self {
            Self::NoVerificationRequired => -1,
            Self::Unverified => 0,
            Self::Verified => 1,
            Self::Verifying => 2,
            Self::VerificationFailed => 3,
            Self::Unknown(value) => value.value(),
        }
    }

    /// The values this SDK knows.
    pub const fn values() -> &'static [i64] {
        &[-1, 0, 1, 2, 3]
    }

    /// A short human label of a known value, `"unknown"` otherwise.
    pub fn label(&self) -> &'static str {
        match self {
            Self::NoVerificationRequired => "no verification required",
            Self::Unverified => "unverified",
            Self::Verified => "verified",
            Self::Verifying => "verifying",
            Self::VerificationFailed => "verification failed",
            Self::Unknown(_) => "unknown",
        }
    }
}

impl From<i64> for FirmwareStatus {
    fn from(value: i64) -> Self {
        Self::from_value(value)
    }
}

impl std::fmt::Display for FirmwareStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value})"),
            known => f.write_str(known.label()),
        }
    }
}

impl wire::Decode for FirmwareStatus {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <i64 as wire::Decode>::decode(node, path).map(Self::from_value)
    }
}

impl wire::Encode for FirmwareStatus {
    fn encode(&self, w: &mut wire::Writer) {
        w.int(self.value())
    }
}

impl aliyun_runtime::QueryValue for FirmwareStatus {
    fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
        aliyun_runtime::QueryValue::write_query(&self.value(), w, name)
    }
}

#[cfg(feature = "server")]
impl aliyun_runtime::query::FromQuery for FirmwareStatus {
    fn read_query(
        r: &aliyun_runtime::QueryReader<'_>,
        name: &str,
    ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
        Ok(r.read::<i64>(name)?.map(Self::from_value))
    }
}

/// The type of an OTA update package.
///
/// Wire name: `FirmwareType`. A value this SDK does not know is kept in `Unknown`, whose
/// content is opaque: match known variants and handle the rest with a wildcard arm, so that
/// code keeps working when a later SDK knows the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FirmwareType {
    /// `0`: The file is a full update package; devices receive the whole package.
    Full,

    /// `1`: The file holds only the differences from the previous package; devices receive only the
    /// differences.
    Delta,

    /// A value this version of the SDK does not know, kept as sent (opaque: read it with
    /// the enum's own methods).
    Unknown(wire::UnknownInteger),
}

impl FirmwareType {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: i64) -> Self {
        match value {
            0 => Self::Full,
            1 => Self::Delta,
            other => Self::Unknown(wire::UnknownInteger::new(other)),
        }
    }

    /// The value on the wire.
    pub fn value(&self) -> i64 {
        match self {
            Self::Full => 0,
            Self::Delta => 1,
            Self::Unknown(value) => value.value(),
        }
    }

    /// The values this SDK knows.
    pub const fn values() -> &'static [i64] {
        &[0, 1]
    }

    /// A short human label of a known value, `"unknown"` otherwise.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Full => "full package",
            Self::Delta => "delta package",
            Self::Unknown(_) => "unknown",
        }
    }
}

impl From<i64> for FirmwareType {
    fn from(value: i64) -> Self {
        Self::from_value(value)
    }
}

impl std::fmt::Display for FirmwareType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value})"),
            known => f.write_str(known.label()),
        }
    }
}

impl wire::Decode for FirmwareType {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <i64 as wire::Decode>::decode(node, path).map(Self::from_value)
    }
}

impl wire::Encode for FirmwareType {
    fn encode(&self, w: &mut wire::Writer) {
        w.int(self.value())
    }
}

impl aliyun_runtime::QueryValue for FirmwareType {
    fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
        aliyun_runtime::QueryValue::write_query(&self.value(), w, name)
    }
}

#[cfg(feature = "server")]
impl aliyun_runtime::query::FromQuery for FirmwareType {
    fn read_query(
        r: &aliyun_runtime::QueryReader<'_>,
        name: &str,
    ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
        Ok(r.read::<i64>(name)?.map(Self::from_value))
    }
}

/// The digest algorithm used to sign an OTA update package's files.
///
/// Wire name: `SignMethod`. A value this SDK does not know is kept in `Unknown`, whose content
/// is opaque: match known variants and handle the rest with a wildcard arm, so that code keeps
/// working when a later SDK knows the value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignMethod {
    /// `MD5`: MD5 digest.
    Md5,

    /// `SHA256`: SHA-256 digest.
    Sha256,

    /// A value this version of the SDK does not know, kept as sent (opaque: read it with
    /// the enum's own methods).
    Unknown(wire::UnknownString),
}

impl SignMethod {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: &str) -> Self {
        match value {
            "MD5" => Self::Md5,
            "SHA256" => Self::Sha256,
            other => Self::Unknown(wire::UnknownString::new(other)),
        }
    }

    /// The value on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Md5 => "MD5",
            Self::Sha256 => "SHA256",
            Self::Unknown(value) => value.as_str(),
        }
    }

    /// The values this SDK knows.
    pub const fn values() -> &'static [&'static str] {
        &["MD5", "SHA256"]
    }

    /// A short human label of a known value, `"unknown"` otherwise.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Md5 => "MD5",
            Self::Sha256 => "SHA-256",
            Self::Unknown(_) => "unknown",
        }
    }
}

impl From<&str> for SignMethod {
    fn from(value: &str) -> Self {
        Self::from_value(value)
    }
}

impl std::fmt::Display for SignMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value})"),
            known => f.write_str(known.label()),
        }
    }
}

impl wire::Decode for SignMethod {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <String as wire::Decode>::decode(node, path)
            .map(|value| Self::from_value(&value))
    }
}

impl wire::Encode for SignMethod {
    fn encode(&self, w: &mut wire::Writer) {
        w.text(self.as_str())
    }
}

impl aliyun_runtime::QueryValue for SignMethod {
    fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
        aliyun_runtime::QueryValue::write_query(self.as_str(), w, name)
    }
}

#[cfg(feature = "server")]
impl aliyun_runtime::query::FromQuery for SignMethod {
    fn read_query(
        r: &aliyun_runtime::QueryReader<'_>,
        name: &str,
    ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
        Ok(r.read::<String>(name)?.map(|value: String| Self::from_value(&value)))
    }
}

/// A tag of an update batch: a key and a value that IoT Platform sends to the devices together
/// with the update notification.
///
/// Wire name: `OtaTagDTO`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct OtaTag {
    /// `Key`: The tag's key.
    pub key: Option<String>,

    /// `Value`: The tag's value.
    pub value: Option<String>,
}

impl std::fmt::Debug for OtaTag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OtaTag")
            .field("key", &self.key)
            .field("value", &self.value)
            .finish()
    }
}

impl wire::Decode for OtaTag {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "Key" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.key,
                        value,
                        &path.field("Key"),
                    )?
                }
                "Value" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.value,
                        value,
                        &path.field("Value"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for OtaTag {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("Key", &self.key);
        w.field_opt("Value", &self.value);
    }
}

impl OtaTag {
    /// Sets `Key`: The tag's key.
    pub fn with_key(mut self, value: impl Into<String>) -> Self {
        self.key = Some(value.into());
        self
    }

    /// Sets `Value`: The tag's value.
    pub fn with_value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }
}

impl aliyun_runtime::QueryValue for OtaTag {
    fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
        w.write(&format!("{name}.Key"), &self.key);
        w.write(&format!("{name}.Value"), &self.value);
    }
}

#[cfg(feature = "server")]
impl aliyun_runtime::query::FromQuery for OtaTag {
    fn read_query(
        r: &aliyun_runtime::QueryReader<'_>,
        name: &str,
    ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
        if !r.has_struct(name) {
            return Ok(None);
        }
        Ok(
            Some(Self {
                key: r.read(&format!("{name}.Key"))?,
                value: r.read(&format!("{name}.Value"))?,
            }),
        )
    }
}

/// The state of an update batch.
///
/// Wire name: `JobStatus`. A value this SDK does not know is kept in `Unknown`, whose content
/// is opaque: match known variants and handle the rest with a wildcard arm, so that code keeps
/// working when a later SDK knows the value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JobStatus {
    /// `PLANNED`: The batch exists but its scheduled start time has not come yet (scheduled static
    /// batches only).
    Planned,

    /// `IN_PROGRESS`: The batch is running.
    InProgress,

    /// `COMPLETED`: The batch has finished. Some English pages spell the value `COMPLETE`; both
    /// spellings decode to this variant and `COMPLETED` is sent. Also read from `COMPLETE`
    /// (spellings seen in the documentation).
    Completed,

    /// `CANCELED`: The batch was canceled.
    Canceled,

    /// A value this version of the SDK does not know, kept as sent (opaque: read it with
    /// the enum's own methods).
    Unknown(wire::UnknownString),
}

impl JobStatus {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: &str) -> Self {
        match value {
            "PLANNED" => Self::Planned,
            "IN_PROGRESS" => Self::InProgress,
            "COMPLETED" | "COMPLETE" => Self::Completed,
            "CANCELED" => Self::Canceled,
            other => Self::Unknown(wire::UnknownString::new(other)),
        }
    }

    /// The value on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Planned => "PLANNED",
            Self::InProgress => "IN_PROGRESS",
            Self::Completed => "COMPLETED",
            Self::Canceled => "CANCELED",
            Self::Unknown(value) => value.as_str(),
        }
    }

    /// The values this SDK knows.
    pub const fn values() -> &'static [&'static str] {
        &["PLANNED", "IN_PROGRESS", "COMPLETED", "CANCELED"]
    }

    /// A short human label of a known value, `"unknown"` otherwise.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::InProgress => "in progress",
            Self::Completed => "completed",
            Self::Canceled => "canceled",
            Self::Unknown(_) => "unknown",
        }
    }
}

impl From<&str> for JobStatus {
    fn from(value: &str) -> Self {
        Self::from_value(value)
    }
}

impl std::fmt::Display for JobStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value})"),
            known => f.write_str(known.label()),
        }
    }
}

impl wire::Decode for JobStatus {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <String as wire::Decode>::decode(node, path)
            .map(|value| Self::from_value(&value))
    }
}

impl wire::Encode for JobStatus {
    fn encode(&self, w: &mut wire::Writer) {
        w.text(self.as_str())
    }
}

impl aliyun_runtime::QueryValue for JobStatus {
    fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
        aliyun_runtime::QueryValue::write_query(self.as_str(), w, name)
    }
}

#[cfg(feature = "server")]
impl aliyun_runtime::query::FromQuery for JobStatus {
    fn read_query(
        r: &aliyun_runtime::QueryReader<'_>,
        name: &str,
    ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
        Ok(r.read::<String>(name)?.map(|value: String| Self::from_value(&value)))
    }
}

/// The kind of an update batch.
///
/// Wire name: `JobType`. A value this SDK does not know is kept in `Unknown`, whose content is
/// opaque: match known variants and handle the rest with a wildcard arm, so that code keeps
/// working when a later SDK knows the value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JobType {
    /// `VERFIY_FIRMWARE`: A verification batch, which tries the package on a few test devices. Most
    /// sources spell the wire value with the typo `VERFIY_FIRMWARE`, a few write `VERIFY_FIRMWARE`;
    /// both decode to this variant and the misspelt one is sent. Also read from `VERIFY_FIRMWARE`
    /// (spellings seen in the documentation).
    VerifyFirmware,

    /// `UPGRADE_FIRMWARE`: A batch update of devices (static or dynamic).
    UpgradeFirmware,

    /// A value this version of the SDK does not know, kept as sent (opaque: read it with
    /// the enum's own methods).
    Unknown(wire::UnknownString),
}

impl JobType {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: &str) -> Self {
        match value {
            "VERFIY_FIRMWARE" | "VERIFY_FIRMWARE" => Self::VerifyFirmware,
            "UPGRADE_FIRMWARE" => Self::UpgradeFirmware,
            other => Self::Unknown(wire::UnknownString::new(other)),
        }
    }

    /// The value on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::VerifyFirmware => "VERFIY_FIRMWARE",
            Self::UpgradeFirmware => "UPGRADE_FIRMWARE",
            Self::Unknown(value) => value.as_str(),
        }
    }

    /// The values this SDK knows.
    pub const fn values() -> &'static [&'static str] {
        &["VERFIY_FIRMWARE", "UPGRADE_FIRMWARE"]
    }

    /// A short human label of a known value, `"unknown"` otherwise.
    pub fn label(&self) -> &'static str {
        match self {
            Self::VerifyFirmware => "verification",
            Self::UpgradeFirmware => "update",
            Self::Unknown(_) => "unknown",
        }
    }
}

impl From<&str> for JobType {
    fn from(value: &str) -> Self {
        Self::from_value(value)
    }
}

impl std::fmt::Display for JobType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value})"),
            known => f.write_str(known.label()),
        }
    }
}

impl wire::Decode for JobType {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <String as wire::Decode>::decode(node, path)
            .map(|value| Self::from_value(&value))
    }
}

impl wire::Encode for JobType {
    fn encode(&self, w: &mut wire::Writer) {
        w.text(self.as_str())
    }
}

impl aliyun_runtime::QueryValue for JobType {
    fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
        aliyun_runtime::QueryValue::write_query(self.as_str(), w, name)
    }
}

#[cfg(feature = "server")]
impl aliyun_runtime::query::FromQuery for JobType {
    fn read_query(
        r: &aliyun_runtime::QueryReader<'_>,
        name: &str,
    ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
        Ok(r.read::<String>(name)?.map(|value: String| Self::from_value(&value)))
    }
}

/// How an update batch chooses its devices.
///
/// Wire name: `SelectionType`. A value this SDK does not know is kept in `Unknown`, whose
/// content is opaque: match known variants and handle the rest with a wildcard arm, so that
/// code keeps working when a later SDK knows the value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SelectionType {
    /// `STATIC`: A static batch (CreateOTAStaticUpgradeJob): the devices are fixed when the batch
    /// is created.
    Static,

    /// `DYNAMIC`: A dynamic batch (CreateOTADynamicUpgradeJob): a policy that keeps updating the
    /// devices that come to match it.
    Dynamic,

    /// A value this version of the SDK does not know, kept as sent (opaque: read it with
    /// the enum's own methods).
    Unknown(wire::UnknownString),
}

impl SelectionType {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: &str) -> Self {
        match value {
            "STATIC" => Self::Static,
            "DYNAMIC" => Self::Dynamic,
            other => Self::Unknown(wire::UnknownString::new(other)),
        }
    }

    /// The value on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Static => "STATIC",
            Self::Dynamic => "DYNAMIC",
            Self::Unknown(value) => value.as_str(),
        }
    }

    /// The values this SDK knows.
    pub const fn values() -> &'static [&'static str] {
        &["STATIC", "DYNAMIC"]
    }

    /// A short human label of a known value, `"unknown"` otherwise.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Static => "static",
            Self::Dynamic => "dynamic",
            Self::Unknown(_) => "unknown",
        }
    }
}

impl From<&str> for SelectionType {
    fn from(value: &str) -> Self {
        Self::from_value(value)
    }
}

impl std::fmt::Display for SelectionType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value})"),
            known => f.write_str(known.label()),
        }
    }
}

impl wire::Decode for SelectionType {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <String as wire::Decode>::decode(node, path)
            .map(|value| Self::from_value(&value))
    }
}

impl wire::Encode for SelectionType {
    fn encode(&self, w: &mut wire::Writer) {
        w.text(self.as_str())
    }
}

impl aliyun_runtime::QueryValue for SelectionType {
    fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
        aliyun_runtime::QueryValue::write_query(self.as_str(), w, name)
    }
}

#[cfg(feature = "server")]
impl aliyun_runtime::query::FromQuery for SelectionType {
    fn read_query(
        r: &aliyun_runtime::QueryReader<'_>,
        name: &str,
    ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
        Ok(r.read::<String>(name)?.map(|value: String| Self::from_value(&value)))
    }
}

/// The scope of an update batch.
///
/// Wire name: `TargetSelection`. A value this SDK does not know is kept in `Unknown`, whose
/// content is opaque: match known variants and handle the rest with a wildcard arm, so that
/// code keeps working when a later SDK knows the value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TargetSelection {
    /// `ALL`: Every device of the product (optionally only those on given source versions). Dynamic
    /// batches always report this scope.
    All,

    /// `SPECIFIC`: Only the named devices (or those in an uploaded device-list file).
    Specific,

    /// `GRAY`: A phased (canary) update of a percentage of the devices.
    Gray,

    /// `GROUP`: The devices of one device group.
    Group,

    /// A value this version of the SDK does not know, kept as sent (opaque: read it with
    /// the enum's own methods).
    Unknown(wire::UnknownString),
}

impl TargetSelection {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: &str) -> Self {
        match value {
            "ALL" => Self::All,
            "SPECIFIC" => Self::Specific,
            "GRAY" => Self::Gray,
            "GROUP" => Self::Group,
            other => Self::Unknown(wire::UnknownString::new(other)),
        }
    }

    /// The value on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::All => "ALL",
            Self::Specific => "SPECIFIC",
            Self::Gray => "GRAY",
            Self::Group => "GROUP",
            Self::Unknown(value) => value.as_str(),
        }
    }

    /// The values this SDK knows.
    pub const fn values() -> &'static [&'static str] {
        &["ALL", "SPECIFIC", "GRAY", "GROUP"]
    }

    /// A short human label of a known value, `"unknown"` otherwise.
    pub fn label(&self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Specific => "specific",
            Self::Gray => "phased",
            Self::Group => "group",
            Self::Unknown(_) => "unknown",
        }
    }
}

impl From<&str> for TargetSelection {
    fn from(value: &str) -> Self {
        Self::from_value(value)
    }
}

impl std::fmt::Display for TargetSelection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value})"),
            known => f.write_str(known.label()),
        }
    }
}

impl wire::Decode for TargetSelection {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <String as wire::Decode>::decode(node, path)
            .map(|value| Self::from_value(&value))
    }
}

impl wire::Encode for TargetSelection {
    fn encode(&self, w: &mut wire::Writer) {
        w.text(self.as_str())
    }
}

impl aliyun_runtime::QueryValue for TargetSelection {
    fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
        aliyun_runtime::QueryValue::write_query(self.as_str(), w, name)
    }
}

#[cfg(feature = "server")]
impl aliyun_runtime::query::FromQuery for TargetSelection {
    fn read_query(
        r: &aliyun_runtime::QueryReader<'_>,
        name: &str,
    ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
        Ok(r.read::<String>(name)?.map(|value: String| Self::from_value(&value)))
    }
}

/// The protocol devices use to download the update package.
///
/// Wire name: `DownloadProtocol`. A value this SDK does not know is kept in `Unknown`, whose
/// content is opaque: match known variants and handle the rest with a wildcard arm, so that
/// code keeps working when a later SDK knows the value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DownloadProtocol {
    /// `HTTPS`: Download over HTTPS (the default).
    Https,

    /// `MQTT`: Download over MQTT. Only in some regions (cn-shanghai, cn-beijing, cn-shenzhen),
    /// only for files of at most 16 MB, and only for devices on the latest C Link SDK.
    Mqtt,

    /// A value this version of the SDK does not know, kept as sent (opaque: read it with
    /// the enum's own methods).
    Unknown(wire::UnknownString),
}

impl DownloadProtocol {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: &str) -> Self {
        match value {
            "HTTPS" => Self::Https,
            "MQTT" => Self::Mqtt,
            other => Self::Unknown(wire::UnknownString::new(other)),
        }
    }

    /// The value on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Https => "HTTPS",
            Self::Mqtt => "MQTT",
            Self::Unknown(value) => value.as_str(),
        }
    }

    /// The values this SDK knows.
    pub const fn values() -> &'static [&'static str] {
        &["HTTPS", "MQTT"]
    }

    /// A short human label of a known value, `"unknown"` otherwise.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Https => "https",
            Self::Mqtt => "mqtt",
            Self::Unknown(_) => "unknown",
        }
    }
}

impl From<&str> for DownloadProtocol {
    fn from(value: &str) -> Self {
        Self::from_value(value)
    }
}

impl std::fmt::Display for DownloadProtocol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value})"),
            known => f.write_str(known.label()),
        }
    }
}

impl wire::Decode for DownloadProtocol {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <String as wire::Decode>::decode(node, path)
            .map(|value| Self::from_value(&value))
    }
}

impl wire::Encode for DownloadProtocol {
    fn encode(&self, w: &mut wire::Writer) {
        w.text(self.as_str())
    }
}

impl aliyun_runtime::QueryValue for DownloadProtocol {
    fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
        aliyun_runtime::QueryValue::write_query(self.as_str(), w, name)
    }
}

#[cfg(feature = "server")]
impl aliyun_runtime::query::FromQuery for DownloadProtocol {
    fn read_query(
        r: &aliyun_runtime::QueryReader<'_>,
        name: &str,
    ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
        Ok(r.read::<String>(name)?.map(|value: String| Self::from_value(&value)))
    }
}

/// The kind of device group an update batch targets.
///
/// Wire name: `GroupType`. A value this SDK does not know is kept in `Unknown`, whose content
/// is opaque: match known variants and handle the rest with a wildcard arm, so that code keeps
/// working when a later SDK knows the value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GroupType {
    /// `LINK_PLATFORM`: An IoT Platform device group, for static batches whose scope is `GROUP`.
    LinkPlatform,

    /// `LINK_PLATFORM_DYNAMIC`: An IoT Platform dynamic device group, for dynamic batches.
    LinkPlatformDynamic,

    /// A value this version of the SDK does not know, kept as sent (opaque: read it with
    /// the enum's own methods).
    Unknown(wire::UnknownString),
}

impl GroupType {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: &str) -> Self {
        match value {
            "LINK_PLATFORM" => Self::LinkPlatform,
            "LINK_PLATFORM_DYNAMIC" => Self::LinkPlatformDynamic,
            other => Self::Unknown(wire::UnknownString::new(other)),
        }
    }

    /// The value on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::LinkPlatform => "LINK_PLATFORM",
            Self::LinkPlatformDynamic => "LINK_PLATFORM_DYNAMIC",
            Self::Unknown(value) => value.as_str(),
        }
    }

    /// The values this SDK knows.
    pub const fn values() -> &'static [&'static str] {
        &["LINK_PLATFORM", "LINK_PLATFORM_DYNAMIC"]
    }

    /// A short human label of a known value, `"unknown"` otherwise.
    pub fn label(&self) -> &'static str {
        match self {
            Self::LinkPlatform => "platform group",
            Self::LinkPlatformDynamic => "dynamic group",
            Self::Unknown(_) => "unknown",
        }
    }
}

impl From<&str> for GroupType {
    fn from(value: &str) -> Self {
        Self::from_value(value)
    }
}

impl std::fmt::Display for GroupType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value})"),
            known => f.write_str(known.label()),
        }
    }
}

impl wire::Decode for GroupType {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <String as wire::Decode>::decode(node, path)
            .map(|value| Self::from_value(&value))
    }
}

impl wire::Encode for GroupType {
    fn encode(&self, w: &mut wire::Writer) {
        w.text(self.as_str())
    }
}

impl aliyun_runtime::QueryValue for GroupType {
    fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
        aliyun_runtime::QueryValue::write_query(self.as_str(), w, name)
    }
}

#[cfg(feature = "server")]
impl aliyun_runtime::query::FromQuery for GroupType {
    fn read_query(
        r: &aliyun_runtime::QueryReader<'_>,
        name: &str,
    ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
        Ok(r.read::<String>(name)?.map(|value: String| Self::from_value(&value)))
    }
}

/// The summary of an update batch, as listed by ListOTAJobByFirmware and ListOTAJobByDevice.
///
/// Wire name: `SimpleOTAJobInfo`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct SimpleOtaJobInfo {
    /// `JobId`: The ID of the batch.
    pub job_id: Option<String>,

    /// `FirmwareId`: The ID of the update package the batch installs.
    pub firmware_id: Option<String>,

    /// `ProductKey`: The ProductKey of the product the package belongs to.
    pub product_key: Option<String>,

    /// `JobStatus`: The state of the batch.
    pub job_status: Option<JobStatus>,

    /// `JobType`: Whether the batch is a verification batch or an update batch.
    pub job_type: Option<JobType>,

    /// `SelectionType`: Whether the batch is static or dynamic.
    pub selection_type: Option<SelectionType>,

    /// `TargetSelection`: The scope of the batch.
    pub target_selection: Option<TargetSelection>,

    /// `UtcCreate`: When the batch was created (UTC).
    pub utc_create: Option<aliyun_runtime::jiff::Timestamp>,

    /// `UtcModified`: When the batch was last changed (UTC).
    pub utc_modified: Option<aliyun_runtime::jiff::Timestamp>,

    /// `UtcStartTime`: When the batch started (UTC).
    pub utc_start_time: Option<aliyun_runtime::jiff::Timestamp>,

    /// `UtcEndTime`: When the batch ended (UTC); present only once it has finished.
    pub utc_end_time: Option<aliyun_runtime::jiff::Timestamp>,

    /// `Tags`: The tags of the batch.
    pub tags: Vec<OtaTag>,
}

impl std::fmt::Debug for SimpleOtaJobInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimpleOtaJobInfo")
            .field("job_id", &self.job_id)
            .field("firmware_id", &self.firmware_id)
            .field("product_key", &self.product_key)
            .field("job_status", &self.job_status)
            .field("job_type", &self.job_type)
            .field("selection_type", &self.selection_type)
            .field("target_selection", &self.target_selection)
            .field("utc_create", &self.utc_create)
            .field("utc_modified", &self.utc_modified)
            .field("utc_start_time", &self.utc_start_time)
            .field("utc_end_time", &self.utc_end_time)
            .field("tags", &self.tags)
            .finish()
    }
}

impl wire::Decode for SimpleOtaJobInfo {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "JobId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.job_id,
                        value,
                        &path.field("JobId"),
                    )?
                }
                "FirmwareId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_id,
                        value,
                        &path.field("FirmwareId"),
                    )?
                }
                "ProductKey" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.product_key,
                        value,
                        &path.field("ProductKey"),
                    )?
                }
                "JobStatus" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.job_status,
                        value,
                        &path.field("JobStatus"),
                    )?
                }
                "JobType" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.job_type,
                        value,
                        &path.field("JobType"),
                    )?
                }
                "SelectionType" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.selection_type,
                        value,
                        &path.field("SelectionType"),
                    )?
                }
                "TargetSelection" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.target_selection,
                        value,
                        &path.field("TargetSelection"),
                    )?
                }
                "UtcCreate" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.utc_create,
                        value,
                        &path.field("UtcCreate"),
                    )?
                }
                "UtcModified" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.utc_modified,
                        value,
                        &path.field("UtcModified"),
                    )?
                }
                "UtcStartTime" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.utc_start_time,
                        value,
                        &path.field("UtcStartTime"),
                    )?
                }
                "UtcEndTime" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.utc_end_time,
                        value,
                        &path.field("UtcEndTime"),
                    )?
                }
                "Tags" => {
                    aliyun_runtime::codegen::decode_list_into(
                        &mut out.tags,
                        value,
                        &path.field("Tags"),
                        "OtaTagDTO",
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for SimpleOtaJobInfo {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("JobId", &self.job_id);
        w.field_opt("FirmwareId", &self.firmware_id);
        w.field_opt("ProductKey", &self.product_key);
        w.field_opt("JobStatus", &self.job_status);
        w.field_opt("JobType", &self.job_type);
        w.field_opt("SelectionType", &self.selection_type);
        w.field_opt("TargetSelection", &self.target_selection);
        w.field_opt("UtcCreate", &self.utc_create);
        w.field_opt("UtcModified", &self.utc_modified);
        w.field_opt("UtcStartTime", &self.utc_start_time);
        w.field_opt("UtcEndTime", &self.utc_end_time);
        w.field_list("Tags", &self.tags, "OtaTagDTO", true);
    }
}

/// The identity of a batch created by CreateOTAVerifyJob, CreateOTAStaticUpgradeJob or
/// CreateOTADynamicUpgradeJob (their `Data`).
///
/// Wire name: `CreatedJob`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct CreatedJob {
    /// `JobId`: The ID of the new batch.
    pub job_id: Option<String>,

    /// `UtcCreate`: When the batch was created (UTC).
    pub utc_create: Option<aliyun_runtime::jiff::Timestamp>,
}

impl std::fmt::Debug for CreatedJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreatedJob")
            .field("job_id", &self.job_id)
            .field("utc_create", &self.utc_create)
            .finish()
    }
}

impl wire::Decode for CreatedJob {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "JobId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.job_id,
                        value,
                        &path.field("JobId"),
                    )?
                }
                "UtcCreate" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.utc_create,
                        value,
                        &path.field("UtcCreate"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for CreatedJob {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("JobId", &self.job_id);
        w.field_opt("UtcCreate", &self.utc_create);
    }
}

/// The state of one device's update task within a batch. There is no timeout state: a task that
/// runs out of time is reported as failed, with the reason in its description.
///
/// Wire name: `TaskStatus`. A value this SDK does not know is kept in `Unknown`, whose content
/// is opaque: match known variants and handle the rest with a wildcard arm, so that code keeps
/// working when a later SDK knows the value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TaskStatus {
    /// `CONFIRM`: The task waits for the user to confirm it (see ConfirmOTATask). Only batches
    /// created with confirmation required have tasks in this state.
    Confirm,

    /// `QUEUED`: The update notification has not been pushed to the device yet, for example because
    /// the device is offline, the batch is scheduled for later, or the push rate is limited.
    Queued,

    /// `NOTIFIED`: The device has been notified but has not reported any progress yet.
    Notified,

    /// `IN_PROGRESS`: The device has reported update progress.
    InProgress,

    /// `SUCCEEDED`: The device finished the update successfully.
    Succeeded,

    /// `FAILED`: The update failed (timeouts included); the task's description gives the reason.
    Failed,

    /// `CANCELED`: The task was canceled before it finished.
    Canceled,

    /// A value this version of the SDK does not know, kept as sent (opaque: read it with
    /// the enum's own methods).
    Unknown(wire::UnknownString),
}

impl TaskStatus {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: &str) -> Self {
        match value {
            "CONFIRM" => Self::Confirm,
            "QUEUED" => Self::Queued,
            "NOTIFIED" => Self::Notified,
            "IN_PROGRESS" => Self::InProgress,
            "SUCCEEDED" => Self::Succeeded,
            "FAILED" => Self::Failed,
            "CANCELED" => Self::Canceled,
            other => Self::Unknown(wire::UnknownString::new(other)),
        }
    }

    /// The value on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Confirm => "CONFIRM",
            Self::Queued => "QUEUED",
            Self::Notified => "NOTIFIED",
            Self::InProgress => "IN_PROGRESS",
            Self::Succeeded => "SUCCEEDED",
            Self::Failed => "FAILED",
            Self::Canceled => "CANCELED",
            Self::Unknown(value) => value.as_str(),
        }
    }

    /// The values this SDK knows.
    pub const fn values() -> &'static [&'static str] {
        &[
            "CONFIRM",
            "QUEUED",
            "NOTIFIED",
            "IN_PROGRESS",
            "SUCCEEDED",
            "FAILED",
            "CANCELED",
        ]
    }

    /// A short human label of a known value, `"unknown"` otherwise.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Confirm => "awaiting confirmation",
            Self::Queued => "queued",
            Self::Notified => "notified",
            Self::InProgress => "in progress",
            Self::Succeeded => "succeeded",
            Self::Failed => "failed",
            Self::Canceled => "canceled",
            Self::Unknown(_) => "unknown",
        }
    }
}

impl From<&str> for TaskStatus {
    fn from(value: &str) -> Self {
        Self::from_value(value)
    }
}

impl std::fmt::Display for TaskStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value})"),
            known => f.write_str(known.label()),
        }
    }
}

impl wire::Decode for TaskStatus {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <String as wire::Decode>::decode(node, path)
            .map(|value| Self::from_value(&value))
    }
}

impl wire::Encode for TaskStatus {
    fn encode(&self, w: &mut wire::Writer) {
        w.text(self.as_str())
    }
}

impl aliyun_runtime::QueryValue for TaskStatus {
    fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
        aliyun_runtime::QueryValue::write_query(self.as_str(), w, name)
    }
}

#[cfg(feature = "server")]
impl aliyun_runtime::query::FromQuery for TaskStatus {
    fn read_query(
        r: &aliyun_runtime::QueryReader<'_>,
        name: &str,
    ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
        Ok(r.read::<String>(name)?.map(|value: String| Self::from_value(&value)))
    }
}

/// A summary of one device's update task. ListOTATaskByJob fills every field except
/// `ModuleName`; ListOTAUnfinishedTaskByDevice fills `ModuleName` but leaves out `Progress`,
/// `TaskDesc` and `Timeout`.
///
/// Wire name: `SimpleOTATaskInfo`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct SimpleOtaTaskInfo {
    /// `TaskId`: The ID of the device task.
    pub task_id: Option<String>,

    /// `JobId`: The ID of the update batch the task belongs to.
    pub job_id: Option<String>,

    /// `FirmwareId`: The ID of the update package the task installs.
    pub firmware_id: Option<String>,

    /// `IotId`: The IoT Platform ID of the device.
    pub iot_id: Option<String>,

    /// `DeviceName`: The name of the device.
    pub device_name: Option<String>,

    /// `ProductKey`: The ProductKey of the product the device belongs to.
    pub product_key: Option<String>,

    /// `ProductName`: The name of the product the device belongs to.
    pub product_name: Option<String>,

    /// `ModuleName`: The OTA module being updated. Filled by ListOTAUnfinishedTaskByDevice only.
    pub module_name: Option<String>,

    /// `SrcVersion`: The module version the device had before the update.
    pub src_version: Option<String>,

    /// `DestVersion`: The module version the update brings the device to.
    pub dest_version: Option<String>,

    /// `TaskStatus`: The current state of the task.
    pub task_status: Option<TaskStatus>,

    /// `Progress`: How far the update has got, in percent, as text with two decimals (for example
    /// `100.00`). Filled by ListOTATaskByJob only.
    pub progress: Option<String>,

    /// `TaskDesc`: A description of the task; holds the error message when the task timed out,
    /// failed or was canceled, and is often an empty string. Filled by ListOTATaskByJob only.
    pub task_desc: Option<String>,

    /// `Timeout`: The batch's update timeout in minutes, as text (for example `1440`); empty when
    /// the batch sets none. Filled by ListOTATaskByJob only.
    pub timeout: Option<String>,

    /// `UtcCreate`: When the task was created (UTC).
    pub utc_create: Option<aliyun_runtime::jiff::Timestamp>,

    /// `UtcModified`: When the task was last modified (UTC).
    pub utc_modified: Option<aliyun_runtime::jiff::Timestamp>,
}

impl std::fmt::Debug for SimpleOtaTaskInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimpleOtaTaskInfo")
            .field("task_id", &self.task_id)
            .field("job_id", &self.job_id)
            .field("firmware_id", &self.firmware_id)
            .field("iot_id", &self.iot_id)
            .field("device_name", &self.device_name)
            .field("product_key", &self.product_key)
            .field("product_name", &self.product_name)
            .field("module_name", &self.module_name)
            .field("src_version", &self.src_version)
            .field("dest_version", &self.dest_version)
            .field("task_status", &self.task_status)
            .field("progress", &self.progress)
            .field("task_desc", &self.task_desc)
            .field("timeout", &self.timeout)
            .field("utc_create", &self.utc_create)
            .field("utc_modified", &self.utc_modified)
            .finish()
    }
}

impl wire::Decode for SimpleOtaTaskInfo {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "TaskId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.task_id,
                        value,
                        &path.field("TaskId"),
                    )?
                }
                "JobId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.job_id,
                        value,
                        &path.field("JobId"),
                    )?
                }
                "FirmwareId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_id,
                        value,
                        &path.field("FirmwareId"),
                    )?
                }
                "IotId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.iot_id,
                        value,
                        &path.field("IotId"),
                    )?
                }
                "DeviceName" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.device_name,
                        value,
                        &path.field("DeviceName"),
                    )?
                }
                "ProductKey" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.product_key,
                        value,
                        &path.field("ProductKey"),
                    )?
                }
                "ProductName" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.product_name,
                        value,
                        &path.field("ProductName"),
                    )?
                }
                "ModuleName" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.module_name,
                        value,
                        &path.field("ModuleName"),
                    )?
                }
                "SrcVersion" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.src_version,
                        value,
                        &path.field("SrcVersion"),
                    )?
                }
                "DestVersion" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.dest_version,
                        value,
                        &path.field("DestVersion"),
                    )?
                }
                "TaskStatus" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.task_status,
                        value,
                        &path.field("TaskStatus"),
                    )?
                }
                "Progress" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.progress,
                        value,
                        &path.field("Progress"),
                    )?
                }
                "TaskDesc" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.task_desc,
                        value,
                        &path.field("TaskDesc"),
                    )?
                }
                "Timeout" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.timeout,
                        value,
                        &path.field("Timeout"),
                    )?
                }
                "UtcCreate" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.utc_create,
                        value,
                        &path.field("UtcCreate"),
                    )?
                }
                "UtcModified" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.utc_modified,
                        value,
                        &path.field("UtcModified"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for SimpleOtaTaskInfo {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("TaskId", &self.task_id);
        w.field_opt("JobId", &self.job_id);
        w.field_opt("FirmwareId", &self.firmware_id);
        w.field_opt("IotId", &self.iot_id);
        w.field_opt("DeviceName", &self.device_name);
        w.field_opt("ProductKey", &self.product_key);
        w.field_opt("ProductName", &self.product_name);
        w.field_opt("ModuleName", &self.module_name);
        w.field_opt("SrcVersion", &self.src_version);
        w.field_opt("DestVersion", &self.dest_version);
        w.field_opt("TaskStatus", &self.task_status);
        w.field_opt("Progress", &self.progress);
        w.field_opt("TaskDesc", &self.task_desc);
        w.field_opt("Timeout", &self.timeout);
        w.field_opt("UtcCreate", &self.utc_create);
        w.field_opt("UtcModified", &self.utc_modified);
    }
}
