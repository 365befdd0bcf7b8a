//! `Udi`: free-form text pushed to devices, often (not always) JSON.

use crate::query_ota_firmware::FirmwareInfo;

impl FirmwareInfo {
    /// `Udi` parsed as JSON, when it is JSON; `None` when it is absent or plain text.
    /// The raw text stays in [`FirmwareInfo::udi`].
    pub fn udi_json(&self) -> Option<serde_json::Value> {
        serde_json::from_str(self.udi.as_deref()?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_udi_parses_and_text_does_not() {
        let mut info = FirmwareInfo::default();
        assert_eq!(info.udi_json(), None);
        info.udi = Some(r#"{"ota_notice":"fix"}"#.into());
        assert_eq!(
            info.udi_json(),
            Some(serde_json::json!({"ota_notice": "fix"}))
        );
        info.udi = Some("plain words".into());
        assert_eq!(info.udi_json(), None);
    }
}
