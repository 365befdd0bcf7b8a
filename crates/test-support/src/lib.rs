//! What the workspace's tests share (a dev-dependency of its crates, never published):
//!
//! - [`Server`]: a scripted HTTP/1.1 server on a free port of 127.0.0.1 that records every
//!   request it reads ([`Recorded`]) and answers each as a handler says ([`Reply`], or
//!   [`Action::Hang`]); it runs on a thread of its own, so sync and async tests alike can use
//!   it, and stops when dropped.
//! - [`send_request`], [`exchange`] and [`parse_response`]: a raw HTTP/1.1 client, so that
//!   a test controls every byte it puts on the wire and sees every byte of the answer.
//! - [`percent_decode`]: strict percent-decoding, independent of the code under test.
//! - [`TempDir`]: a temporary directory (`tempfile`), removed when dropped, and
//!   [`clean_command`] to run a program with one as its home in an otherwise empty environment
//!   (but for [`ECS_METADATA_DISABLED`]: no run asks the ECS metadata service).
//!
//! Nothing here reaches beyond 127.0.0.1 or touches the real home directory.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed assumption is a failure

mod client;
mod decode;
mod server;
mod temp;

pub use client::{Response, exchange, parse_response, send_request};
pub use decode::percent_decode;
pub use server::{Action, Recorded, Reply, Server};
pub use temp::{ECS_METADATA_DISABLED, TempDir, clean_command};
