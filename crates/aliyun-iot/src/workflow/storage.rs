//! Talking to object storage (the upload host of GenerateOTAUploadURL, the pre-signed download
//! URLs of QueryOTAFirmware): the HTTP client, and reading OSS's XML errors.

use super::error::{ErrorKind, Step, WorkflowError};
use crate::Client;

/// An HTTP client for object storage with the API client's connect timeout, and its read
/// timeout when `read_timeout` (not for uploads: their answer comes only once the whole file
/// is in). Not the API client's own: that one sends signed API calls only.
pub(crate) fn http_client(
    client: &Client,
    step: Step,
    read_timeout: bool,
) -> Result<reqwest::Client, WorkflowError> {
    aliyun_runtime::client::install_crypto_provider();
    let config = client.runtime().config();
    let builder = if read_timeout {
        reqwest::Client::builder().read_timeout(config.read_timeout)
    } else {
        reqwest::Client::builder()
    };
    builder
        // A pre-signed URL is the object's: following a redirect would take its signature
        // elsewhere.
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(config.connect_timeout)
        .user_agent(aliyun_runtime::client::USER_AGENT)
        .build()
        .map_err(|e| WorkflowError::http(step, e))
}

/// An OSS error answer: its status, and `Code` and `Message` from the XML body when present.
pub(crate) async fn storage_error(response: reqwest::Response) -> ErrorKind {
    let status = response.status().as_u16();
    // Error bodies are small; a long one is cut rather than read whole.
    let body = match response.bytes().await {
        Ok(bytes) => String::from_utf8_lossy(&bytes[..bytes.len().min(16 * 1024)]).into_owned(),
        Err(_) => String::new(),
    };
    ErrorKind::Storage {
        status,
        code: xml_text(&body, "Code"),
        message: xml_text(&body, "Message"),
    }
}

/// Whether `kind` is OSS refusing an expired upload policy or pre-signed URL (403
/// `AccessDenied`, "Policy expired." / "Request has expired.").
pub(crate) fn is_expired(kind: &ErrorKind) -> bool {
    match kind {
        ErrorKind::Storage {
            status: 403,
            code,
            message,
        } => {
            code.as_deref() == Some("AccessDenied")
                && message
                    .as_deref()
                    .is_some_and(|m| m.to_ascii_lowercase().contains("expired"))
        }
        _ => false,
    }
}

/// The text of the first `<tag>…</tag>` in `xml`, when there is one (OSS error bodies are flat).
fn xml_text(xml: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    let start = xml.find(&open)? + open.len();
    let end = xml[start..].find(&format!("</{tag}>"))? + start;
    let text = xml[start..end].trim();
    (!text.is_empty()).then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_oss_errors() {
        let body = "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code>\
            <Message>Invalid according to Policy: Policy expired.</Message></Error>";
        assert_eq!(xml_text(body, "Code").as_deref(), Some("AccessDenied"));
        let kind = ErrorKind::Storage {
            status: 403,
            code: xml_text(body, "Code"),
            message: xml_text(body, "Message"),
        };
        assert!(is_expired(&kind));
        assert_eq!(xml_text("<Error><Code></Code></Error>", "Code"), None);
        assert_eq!(xml_text("<Error>", "Code"), None);
    }
}
