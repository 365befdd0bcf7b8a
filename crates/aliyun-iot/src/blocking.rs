//! A blocking client, for scripts and synchronous code bases (as `reqwest::blocking` is to
//! `reqwest`): every operation of the async [`crate::Client`], with its paginators as
//! iterators, run to completion on a runtime of the client's own.
//!
//! Calls are set up as with the async client, and `send()` returns the reply; a paged
//! operation's builder is an iterator of the items of every page. The workflows are the async
//! client's (reached through `Deref`), waited for with [`Client::run`]:
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let client = aliyun_iot::blocking::Client::from_env()?;
//! let firmware = client.query_ota_firmware().firmware_id("firmware-id").send()?;
//! println!("{:?}", firmware.firmware_info);
//! for task in client.list_ota_task_by_job().job_id("job-id").page_size(50) {
//!     println!("{:?}", task?.task_status);
//! }
//! let package = client.run(
//!     client.upload_package("a1ProductKey").file("router.bin").dest_version("2.0.0").send(),
//! )?;
//! let info = client.run(client.wait_verified(&package.firmware_id).wait())?;
//! # let _ = info;
//! # Ok(())
//! # }
//! ```
//!
//! Like `reqwest::blocking`, it must not be used from inside an async runtime (waiting there
//! would block that runtime's thread): sending, iterating and [`Client::run`] panic if called
//! within one.

use std::collections::VecDeque;
use std::future::Future;
use std::sync::Arc;

use aliyun_runtime::{BuildError, Error, Operation, PagedOperation, PagedOutput, Paginator};

/// A blocking client: the async [`crate::Client`] and a runtime with one worker thread that
/// keeps its connections alive between calls. Its operation methods (generated, one per
/// operation) shadow the async client's; the async client, which it derefs to, gives the
/// workflows, and [`Client::as_async`] the async builders. Cheap to clone: clones share the
/// connections and the runtime.
#[derive(Clone, Debug)]
pub struct Client {
    inner: crate::Client,
    runtime: Arc<tokio::runtime::Runtime>,
}

impl Client {
    /// A client with this configuration.
    pub fn new(config: aliyun_runtime::Config) -> Result<Self, Error> {
        Self::from_async(crate::Client::new(config)?)
    }

    /// A client set up from the environment, as [`crate::Client::from_env`].
    pub fn from_env() -> Result<Self, Error> {
        Self::from_async(crate::Client::from_env()?)
    }

    /// Wraps an async client.
    pub fn from_async(inner: crate::Client) -> Result<Self, Error> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("aliyun-iot-blocking")
            .enable_all()
            .build()
            .map_err(|e| {
                Error::Config(format!("cannot start the blocking client's runtime: {e}"))
            })?;
        Ok(Self {
            inner,
            runtime: Arc::new(runtime),
        })
    }

    /// The async client underneath.
    pub fn as_async(&self) -> &crate::Client {
        &self.inner
    }

    /// Runs `future` (a workflow's `send()` or `wait()`, an async call) to completion.
    pub fn run<F: Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }

    /// The items of every page of an async paginator, fetched a page at a time as the
    /// iterator advances; a paginator that could not be built is its one error.
    pub fn iter<O>(&self, paginator: Result<Paginator<O>, BuildError>) -> Items<O>
    where
        O: PagedOperation,
        O::Output: PagedOutput,
    {
        let (pages, error) = match paginator {
            Ok(pages) => (Some(pages), None),
            Err(error) => (None, Some(Error::Build(error))),
        };
        Items {
            runtime: Arc::clone(&self.runtime),
            pages,
            buffered: VecDeque::new(),
            error,
        }
    }

    /// Sends one call and waits for its reply: the generated blocking `send`s.
    pub(crate) fn call<O: Operation>(
        &self,
        input: Result<O, BuildError>,
    ) -> Result<O::Output, Error> {
        self.run(self.inner.runtime().call(&input?))
    }

    /// The items of every page from `input` on: the generated paged builders' iterators.
    pub(crate) fn items<O>(&self, input: Result<O, BuildError>) -> Items<O>
    where
        O: PagedOperation,
        O::Output: PagedOutput,
        <O::Output as PagedOutput>::Item: PartialEq + Clone,
    {
        self.iter(input.map(|input| Paginator::new(self.inner.runtime().clone(), input)))
    }
}

impl std::ops::Deref for Client {
    type Target = crate::Client;

    fn deref(&self) -> &crate::Client {
        &self.inner
    }
}

/// The items of every page of a paged operation, fetched a page at a time on the blocking
/// client's runtime. After an error the iteration ends: the error is the last item.
pub struct Items<O: PagedOperation>
where
    O::Output: PagedOutput,
{
    runtime: Arc<tokio::runtime::Runtime>,
    /// `None` once the pages are exhausted (or could not be built).
    pages: Option<Paginator<O>>,
    buffered: VecDeque<<O::Output as PagedOutput>::Item>,
    /// The build error, given before anything else.
    error: Option<Error>,
}

impl<O> Iterator for Items<O>
where
    O: PagedOperation,
    O::Output: PagedOutput,
    <O::Output as PagedOutput>::Item: PartialEq + Clone,
{
    type Item = Result<<O::Output as PagedOutput>::Item, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(error) = self.error.take() {
            return Some(Err(error));
        }
        loop {
            if let Some(item) = self.buffered.pop_front() {
                return Some(Ok(item));
            }
            match self.runtime.block_on(self.pages.as_mut()?.next_page()) {
                Some(Ok(page)) => self.buffered.extend(page.into_items()),
                Some(Err(error)) => return Some(Err(error)),
                None => {
                    self.pages = None;
                    return None;
                }
            }
        }
    }
}

impl<O: PagedOperation + std::fmt::Debug> std::fmt::Debug for Items<O>
where
    O::Output: PagedOutput,
{
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Items")
            .field("pages", &self.pages)
            .field("buffered", &self.buffered.len())
            .finish_non_exhaustive()
    }
}
