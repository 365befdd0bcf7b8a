//! Talking to object storage (the upload host of GenerateOTAUploadURL, the pre-signed download
//! URLs of QueryOTAFirmware): the HTTP client, and reading OSS's XML errors.

use super::error::{ErrorKind, Step, WorkflowError};
use crate::Client;

/// The most of an error body read: OSS's are well under it.
const MAX_ERROR_BODY_BYTES: usize = 16 * 1024;

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
pub(crate) async fn storage_error(mut response: reqwest::Response) -> ErrorKind {
    let status = response.status().as_u16();
    // Error bodies are small; of a long one only the start is read, and a broken one is kept
    // as far as it came.
    let mut body = Vec::new();
    while body.len() < MAX_ERROR_BODY_BYTES {
        let Ok(Some(chunk)) = response.chunk().await else {
            break;
        };
        let room = MAX_ERROR_BODY_BYTES - body.len();
        body.extend_from_slice(&chunk[..chunk.len().min(room)]);
    }
    let body = String::from_utf8_lossy(&body);
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

    /// A body that announces a gigabyte and sends far less is read only up to the limit:
    /// the error comes back without waiting for the rest.
    #[tokio::test]
    async fn reads_only_the_start_of_a_long_error_body() {
        use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/x", listener.local_addr().unwrap());
        let server = tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut head = [0; 1024];
            let _ = socket.read(&mut head).await.unwrap();
            let mut answer = b"HTTP/1.1 403 Forbidden\r\nContent-Length: 1073741824\r\n\r\n<Error>\
                <Code>AccessDenied</Code><Message>Request has expired.</Message>"
                .to_vec();
            answer.resize(answer.len() + 2 * MAX_ERROR_BODY_BYTES, b' ');
            socket.write_all(&answer).await.unwrap();
            // Hold the connection open: the rest never comes.
            tokio::time::sleep(std::time::Duration::from_secs(60)).await;
        });
        aliyun_runtime::client::install_crypto_provider();
        let http = reqwest::Client::builder().no_proxy().build().unwrap();
        let response = http.get(&url).send().await.unwrap();
        let kind =
            tokio::time::timeout(std::time::Duration::from_secs(10), storage_error(response))
                .await
                .unwrap();
        assert!(is_expired(&kind), "{kind}");
        server.abort();
    }
}
