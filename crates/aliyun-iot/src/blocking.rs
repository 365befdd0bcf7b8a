//! A blocking client, for scripts and synchronous code bases (as `reqwest::blocking` is to
//! `reqwest`): every operation, paginator and workflow of the async [`crate::Client`], run to
//! completion on a runtime of the client's own.
//!
//! Requests are built exactly as with the async client (it derefs to it); [`Client::run`]
//! waits for any of them, and [`Client::iter`] turns a paginator into an iterator:
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let client = aliyun_iot::blocking::Client::from_env()?;
//! let package = client.run(
//!     client.upload_package("a1ProductKey").file("router.bin").dest_version("2.0.0").send(),
//! )?;
//! let info = client.run(client.wait_verified(&package.firmware_id).wait())?;
//! for task in client.iter(client.list_ota_task_by_job().job_id("job-id").into_paginator()) {
//!     println!("{:?}", task?.task_status);
//! }
//! # let _ = info;
//! # Ok(())
//! # }
//! ```
//!
//! Like `reqwest::blocking`, it must not be used from inside an async runtime (waiting there
//! would block that runtime's thread): [`Client::run`] panics if called within one.

use std::future::Future;
use std::sync::Arc;

use aliyun_runtime::{Error, PagedOperation, PagedOutput, Paginator};

/// A blocking client: the async [`crate::Client`] (which it derefs to, for building requests)
/// and a runtime with one worker thread that keeps its connections alive between calls.
/// Cheap to clone: clones share the connections and the runtime.
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

    /// Runs `future` (a call's `send()`, a workflow's `send()` or `wait()`) to completion.
    pub fn run<F: Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }

    /// The items of every page, fetched a page at a time as the iterator is advanced; a
    /// paginator that could not be built is its one error.
    pub fn iter<O>(
        &self,
        paginator: Result<Paginator<O>, aliyun_runtime::BuildError>,
    ) -> impl Iterator<Item = Result<<O::Output as PagedOutput>::Item, Error>> + use<O>
    where
        O: PagedOperation,
        O::Output: PagedOutput,
        <O::Output as PagedOutput>::Item: PartialEq + Clone,
    {
        let (paginator, error) = match paginator {
            Ok(paginator) => (Some(paginator), None),
            Err(error) => (None, Some(Error::Build(error))),
        };
        let runtime = Arc::clone(&self.runtime);
        let items = paginator.into_iter().flat_map(move |mut pages| {
            let runtime = Arc::clone(&runtime);
            let mut buffered = std::collections::VecDeque::new();
            std::iter::from_fn(move || {
                loop {
                    if let Some(item) = buffered.pop_front() {
                        return Some(Ok(item));
                    }
                    // After an error the paginator ends: the error is the last item.
                    match runtime.block_on(pages.next_page())? {
                        Ok(page) => buffered.extend(page.into_items()),
                        Err(error) => return Some(Err(error)),
                    }
                }
            })
        });
        error.map(Err).into_iter().chain(items)
    }
}

impl std::ops::Deref for Client {
    type Target = crate::Client;

    fn deref(&self) -> &crate::Client {
        &self.inner
    }
}
