//! Digests computed while bytes stream by: MD5 and SHA-256, as the package's `SignMethod`
//! names them.

use md5::{Digest as _, Md5};
use sha2::Sha256;

use crate::types::SignMethod;

/// A digest algorithm a package's signature can use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Algorithm {
    Md5,
    Sha256,
}

impl Algorithm {
    /// The algorithm of `method`; `None` for a method this SDK does not know.
    pub(crate) fn of(method: &SignMethod) -> Option<Self> {
        match method {
            SignMethod::Md5 => Some(Self::Md5),
            SignMethod::Sha256 => Some(Self::Sha256),
            _ => None,
        }
    }

    /// The wire name (`MD5`, `SHA256`).
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Md5 => "MD5",
            Self::Sha256 => "SHA256",
        }
    }

    pub(crate) fn hasher(self) -> Hasher {
        match self {
            Self::Md5 => Hasher::Md5(Md5::new()),
            Self::Sha256 => Hasher::Sha256(Box::default()),
        }
    }
}

/// Digests of the same bytes: each algorithm and its lowercase hex.
pub(crate) type Digests = Vec<(Algorithm, String)>;

/// A running digest.
#[derive(Clone)]
pub(crate) enum Hasher {
    Md5(Md5),
    Sha256(Box<Sha256>),
}

impl Hasher {
    pub(crate) fn update(&mut self, bytes: &[u8]) {
        match self {
            Self::Md5(h) => h.update(bytes),
            Self::Sha256(h) => h.update(bytes),
        }
    }

    pub(crate) fn algorithm(&self) -> Algorithm {
        match self {
            Self::Md5(_) => Algorithm::Md5,
            Self::Sha256(_) => Algorithm::Sha256,
        }
    }

    /// The digest in lowercase hex.
    pub(crate) fn finish(self) -> String {
        match self {
            Self::Md5(h) => hex::encode(h.finalize()),
            Self::Sha256(h) => hex::encode(h.finalize()),
        }
    }
}

/// Several digests of the same bytes at once (MD5 for `FileMd5`, the package's method for
/// its signature), each algorithm once.
#[derive(Clone)]
pub(crate) struct Hashers(Vec<Hasher>);

impl Hashers {
    pub(crate) fn new(algorithms: &[Algorithm]) -> Self {
        let mut hashers: Vec<Hasher> = Vec::with_capacity(algorithms.len());
        for &algorithm in algorithms {
            if !hashers.iter().any(|h| h.algorithm() == algorithm) {
                hashers.push(algorithm.hasher());
            }
        }
        Self(hashers)
    }

    pub(crate) fn update(&mut self, bytes: &[u8]) {
        for hasher in &mut self.0 {
            hasher.update(bytes);
        }
    }

    /// Each algorithm's digest, lowercase hex.
    pub(crate) fn finish(self) -> Digests {
        self.0
            .into_iter()
            .map(|h| (h.algorithm(), h.finish()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_digests() {
        let mut both = Hashers::new(&[Algorithm::Md5, Algorithm::Sha256, Algorithm::Md5]);
        both.update(b"a");
        both.update(b"bc");
        assert_eq!(
            both.finish(),
            [
                (
                    Algorithm::Md5,
                    "900150983cd24fb0d6963f7d28e17f72".to_owned()
                ),
                (
                    Algorithm::Sha256,
                    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad".to_owned()
                )
            ]
        );
    }
}
