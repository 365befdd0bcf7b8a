//! The content of a generated enum's `Unknown` variant: opaque, so that code cannot match on
//! a value the SDK does not know yet (when a later SDK knows it, such an arm would silently
//! stop matching; smithy-rs RFC 39 explains the hazard). Read it through the enum's own
//! `value()` or `as_str()`.

use std::fmt;

/// An integer enum value this SDK does not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownInteger(i64);

impl UnknownInteger {
    /// Wraps a value (called by generated code).
    #[doc(hidden)]
    pub fn new(value: i64) -> Self {
        Self(value)
    }

    /// The value as sent.
    pub fn value(&self) -> i64 {
        self.0
    }
}

impl fmt::Display for UnknownInteger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A string enum value this SDK does not know.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UnknownString(String);

impl UnknownString {
    /// Wraps a value (called by generated code).
    #[doc(hidden)]
    pub fn new(value: &str) -> Self {
        Self(value.to_owned())
    }

    /// The value as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}
