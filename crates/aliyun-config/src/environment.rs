//! The variables and home directory the providers read, injectable so that tests never touch
//! the real environment or home directory.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

/// The variables and home directory providers read: the real process ([`Environment::process`])
/// or a fixed set for tests ([`Environment::from_vars`]).
///
/// A variable whose value is empty (or only whitespace) counts as unset. The home directory is the
/// one given to [`Environment::with_home`], else `HOME`, else `USERPROFILE` as seen through this
/// environment. `Debug` shows variable names, never values.
#[derive(Clone)]
pub struct Environment {
    process: bool,
    vars: BTreeMap<String, String>,
    home: Option<PathBuf>,
}

impl Environment {
    /// The real process environment (variables read at each lookup).
    pub fn process() -> Self {
        Self {
            process: true,
            vars: BTreeMap::new(),
            home: None,
        }
    }

    /// An environment with no variables and no home directory.
    pub fn empty() -> Self {
        Self {
            process: false,
            vars: BTreeMap::new(),
            home: None,
        }
    }

    /// An environment holding exactly these variables (and nothing from the process).
    pub fn from_vars<I, K, V>(vars: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        Self {
            process: false,
            vars: vars
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
            home: None,
        }
    }

    /// Sets a variable; on [`Environment::process`] it shadows the real one (an empty value
    /// hides it).
    pub fn with_var(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.vars.insert(name.into(), value.into());
        self
    }

    /// Uses this directory as the home directory.
    pub fn with_home(mut self, home: impl Into<PathBuf>) -> Self {
        self.home = Some(home.into());
        self
    }

    /// A variable's value; `None` when unset, empty, only whitespace or (process) not Unicode.
    pub fn var(&self, name: &str) -> Option<String> {
        let value = match self.vars.get(name) {
            Some(v) => Some(v.clone()),
            None if self.process => std::env::var(name).ok(),
            None => None,
        };
        value.filter(|v| !v.trim().is_empty())
    }

    /// The home directory, if known.
    pub fn home_dir(&self) -> Option<PathBuf> {
        self.home
            .clone()
            .or_else(|| self.var("HOME").map(PathBuf::from))
            .or_else(|| self.var("USERPROFILE").map(PathBuf::from))
    }
}

impl fmt::Debug for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Environment")
            .field("process", &self.process)
            .field("vars", &self.vars.keys().collect::<Vec<_>>())
            .field("home", &self.home)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_values_count_as_unset() {
        let env = Environment::from_vars([("A", ""), ("B", "  "), ("C", "x")]);
        assert_eq!(env.var("A"), None);
        assert_eq!(env.var("B"), None);
        assert_eq!(env.var("C").as_deref(), Some("x"));
        assert_eq!(env.var("D"), None);
        assert_eq!(env.home_dir(), None);
        let env = env.with_var("HOME", "/h");
        assert_eq!(env.home_dir(), Some(PathBuf::from("/h")));
        let env = env.with_home("/explicit");
        assert_eq!(env.home_dir(), Some(PathBuf::from("/explicit")));
    }

    #[test]
    fn an_overlay_hides_a_process_variable() {
        // PATH is set in any test process; an empty overlay hides it.
        let env = Environment::process().with_var("PATH", "");
        assert_eq!(env.var("PATH"), None);
    }

    #[test]
    fn debug_shows_names_never_values() {
        let env = Environment::empty().with_var("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "s3cr3t");
        let debug = format!("{env:?}");
        assert!(debug.contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), "{debug}");
        assert!(!debug.contains("s3cr3t"), "{debug}");
    }
}
