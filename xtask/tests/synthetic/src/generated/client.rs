// @generated from xtask/tests/synthetic/spec/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

/// A client for Synthetic: one method per operation; retries, pacing and signing come from the
/// runtime. Cheap to clone.
///
/// ```no_run
/// # async fn example() -> Result<(), synthetic_sdk::Error> {
/// // A key, or a provider such as aliyun-config's default chain.
/// let credentials = aliyun_runtime::Credentials::new("AccessKeyId", "AccessKeySecret");
/// let config = synthetic_sdk::Config::builder()
///     .region("cn-shanghai")?
///     .credentials(credentials)
///     .build()?;
/// let client = synthetic_sdk::Client::new(config)?;
/// let reply = client.describe_widget().widget_id("").send().await?;
/// # let _ = reply;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct Client {
    inner: aliyun_runtime::RpcClient,
}

impl Client {
    /// A client with this configuration.
    pub fn new(config: aliyun_runtime::Config) -> Result<Self, aliyun_runtime::Error> {
        Ok(Self {
            inner: aliyun_runtime::RpcClient::new(config, super::ENDPOINT_TEMPLATE)?,
        })
    }

    /// The runtime client underneath, for generic calls (`call(&input)`).
    pub fn runtime(&self) -> &aliyun_runtime::RpcClient {
        &self.inner
    }

    /// Calls `DescribeWidget`: Describes a widget: every type kind in one response.
    pub fn describe_widget(
        &self,
    ) -> super::describe_widget::DescribeWidgetFluentBuilder {
        super::describe_widget::DescribeWidgetFluentBuilder::new(self.inner.clone())
    }

    /// Calls `ListWidgets`: Lists widgets a page at a time: pagination, a wrapped list and a local
    /// type named like another operation's.
    pub fn list_widgets(&self) -> super::list_widgets::ListWidgetsFluentBuilder {
        super::list_widgets::ListWidgetsFluentBuilder::new(self.inner.clone())
    }
}
