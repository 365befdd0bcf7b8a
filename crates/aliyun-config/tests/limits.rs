//! Answers and files too large to be credentials are refused with an error that says so,
//! without holding them in memory.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

use std::io::{Read, Write};
use std::net::TcpListener;

use aliyun_config::Environment;
use aliyun_config::provider::{OidcProvider, UriProvider};
use aliyun_runtime::ProvideCredentials;
use test_support::{Reply, Server, TempDir};

const TOO_LARGE: usize = 100 * 1024;

#[tokio::test]
async fn a_credentials_uri_answer_declared_too_large_is_refused() {
    let server = Server::scripted(vec![Reply::json(200, vec![b' '; TOO_LARGE])]);
    let error = UriProvider::new(format!("{}credentials", server.url()))
        .provide()
        .await
        .unwrap_err();
    assert!(error.message().contains("larger than 64 KiB"), "{error}");
}

#[tokio::test]
async fn a_credentials_uri_answer_without_length_is_cut_at_the_limit() {
    // An answer that declares no length and runs until the connection closes.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = [0u8; 4096];
        let _ = stream.read(&mut request);
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
        // The client may hang up once it has read enough: a failed write is expected.
        let _ = stream.write_all(&vec![b' '; TOO_LARGE]);
    });
    let error = UriProvider::new(format!("http://{addr}/credentials"))
        .provide()
        .await
        .unwrap_err();
    assert!(error.message().contains("larger than 64 KiB"), "{error}");
    server.join().unwrap();
}

#[tokio::test]
async fn an_oidc_token_file_too_large_is_refused_before_calling_sts() {
    let server = Server::scripted(vec![Reply::empty(500)]);
    let home = TempDir::new();
    let token = home.write("token", vec![b'a'; TOO_LARGE]);
    let env = Environment::empty()
        .with_home(home.path())
        .with_var("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/pod")
        .with_var(
            "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
            "acs:ram::1:oidc-provider/ack",
        )
        .with_var("ALIBABA_CLOUD_OIDC_TOKEN_FILE", token.display().to_string())
        .with_var("ALIBABA_CLOUD_STS_ENDPOINT", server.url());
    let error = OidcProvider::from_env(&env)
        .unwrap()
        .provide()
        .await
        .unwrap_err();
    assert_eq!(
        error.message(),
        format!(
            "the OIDC token file {} is larger than 64 KiB: not a token",
            token.display()
        )
    );
    assert_eq!(server.count(), 0);
}
