//! What verification finds: one file and what is wrong with it.

use super::super::keyring::EntryProblem;
use super::super::norm::Unusable;

/// What is wrong with one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindingKind {
    /// Left by a write that was interrupted; never part of the store.
    IncompleteWrite,
    /// A signature whose file is missing: a write interrupted between the
    /// two, or a removed file.
    OrphanSignature,
    Unsigned,
    StrayFile,
    Unreadable(String),
    Malformed(String),
    BadSignature,
    WrongNamespace {
        found: String,
    },
    SignerUnknown,
    SignerNotValidThen,
    RoleNotGiven {
        claimed: String,
        given: String,
    },
    AuthorMismatch,
    KeyMismatch,
    NameMismatch,
    DuplicateId,
    Keyring(EntryProblem),
    RootNotPinned {
        expected: String,
        found: String,
    },
    NoRoot,
    ConfigRootMismatch,
    NormMissing {
        sha256: String,
    },
    NormAltered,
    NormMismatch,
    /// The norm was not adopted, or not in force, on the decision date.
    NormNotInForce(Unusable),
    ChainGap {
        after: u64,
        next: u64,
    },
    ChainFork {
        seq: u64,
    },
    ChainBroken {
        seq: u64,
    },
    ChainStart,
}

impl FindingKind {
    /// A stable, kebab-case identifier for scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Self::IncompleteWrite => "incomplete-write",
            Self::OrphanSignature => "orphan-signature",
            Self::Unsigned => "unsigned",
            Self::StrayFile => "stray-file",
            Self::Unreadable(_) => "unreadable",
            Self::Malformed(_) => "malformed",
            Self::BadSignature => "bad-signature",
            Self::WrongNamespace { .. } => "wrong-namespace",
            Self::SignerUnknown => "signer-unknown",
            Self::SignerNotValidThen => "signer-not-valid-then",
            Self::RoleNotGiven { .. } => "role-not-given",
            Self::AuthorMismatch => "author-mismatch",
            Self::KeyMismatch => "key-mismatch",
            Self::NameMismatch => "name-mismatch",
            Self::DuplicateId => "duplicate-id",
            Self::Keyring(_) => "keyring-entry",
            Self::RootNotPinned { .. } => "root-not-pinned",
            Self::NoRoot => "no-root",
            Self::ConfigRootMismatch => "config-root-mismatch",
            Self::NormMissing { .. } => "norm-missing",
            Self::NormAltered => "norm-altered",
            Self::NormMismatch => "norm-mismatch",
            Self::NormNotInForce(_) => "norm-not-in-force",
            Self::ChainGap { .. } => "chain-gap",
            Self::ChainFork { .. } => "chain-fork",
            Self::ChainBroken { .. } => "chain-broken",
            Self::ChainStart => "chain-start",
        }
    }

    /// Interrupted writes are named, not counted as tampering.
    pub fn is_warning(&self) -> bool {
        matches!(self, Self::IncompleteWrite | Self::OrphanSignature)
    }
}

/// One file and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Path relative to the store, `/`-separated.
    pub file: String,
    pub kind: FindingKind,
}

impl Finding {
    pub fn new(file: impl Into<String>, kind: FindingKind) -> Self {
        Self {
            file: file.into(),
            kind,
        }
    }
}
