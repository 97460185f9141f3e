//! What verification finds: one file and what is wrong with it.

use super::super::adoption::AdoptionProblem;
use super::super::decision::Refusal;
use super::super::keyring::EntryProblem;
use super::super::lifecycle::ActProblem;
use super::super::norm::Unusable;
use super::super::review::TextProblem;
use super::super::signal::SignalProblem;

/// How much a finding weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth knowing; the store still verifies.
    Notice,
    /// An interrupted write; not tampering, but to be cleaned up.
    Warning,
    /// The store does not prove what it claims.
    Error,
}

/// What is wrong with one file.
#[derive(Debug, Clone, PartialEq)]
pub enum FindingKind {
    /// Left by a write that was interrupted; never part of the store.
    IncompleteWrite,
    /// A signature whose file is missing: a write interrupted between the
    /// two, or a removed file.
    OrphanSignature,
    Unsigned,
    StrayFile,
    /// A symbolic link, FIFO, socket or device where the store keeps
    /// files; never followed or opened.
    NotARegularFile {
        kind: &'static str,
    },
    Unreadable(String),
    Malformed(String),
    /// A format this release does not know.
    UnknownFormat {
        found: String,
    },
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
    Adoption(AdoptionProblem),
    RootNotPinned {
        expected: String,
        found: String,
    },
    NoRoot,
    ConfigRootMismatch,
    /// `store.toml` is not the description the trust root's entry pins
    /// (or, in a store of release 0.1, not one that release wrote).
    ConfigAltered,
    /// Not, byte for byte, what this program writes for its content: it
    /// holds a comment, spacing or order that verify does not read.
    NotAsWritten,
    /// A file in `norms/` that no adoption and no record names: an
    /// interrupted adoption (`valid`), or something else kept there.
    NormUnused {
        valid: bool,
    },
    NormMissing {
        sha256: String,
    },
    NormAltered,
    NormMismatch,
    /// The norm was not adopted, withdrawn, or not in force on the
    /// decision date.
    NormNotInForce(Unusable),
    /// A keyring or adoption change the file names is not there.
    HistoryMissing {
        hash: String,
    },
    /// The file says it was signed before a change it names.
    SignedBeforeItsHistory,
    /// The signer's grant is not in the keyring the file was signed under.
    GrantNotSeen,
    /// Signed after the store began to name its histories, in the old
    /// format that names none.
    OldFormatAfterUpgrade,
    /// A record of release 0.1, signed before norms were adopted in the
    /// store: it rests on its norm's own adoption facts.
    SignedBeforeAdoption,
    /// Signed at a time later than now.
    CreatedInFuture,
    /// Signed earlier than the record before it in the author's chain.
    ChainTimeBackwards,
    /// In an older format than the record before it in the author's chain.
    FormatDowngrade,
    /// What the record says contradicts what its norm and the keyring give:
    /// `field` is where.
    Contradicts {
        field: String,
    },
    /// The decision should never have been signed: the norm refuses it.
    Refused(Refusal),
    /// The signal should never have been signed.
    SignalRefused(SignalProblem),
    /// A review, withdrawal or revision that does not count.
    Act(ActProblem),
    /// A review or withdrawal of a record the store does not hold, or a
    /// revision of a record that was never returned.
    ActRecordMissing,
    /// A review's remark or a withdrawal's reason that should never have
    /// been signed.
    ActText(TextProblem),
    /// A signed draw that, done again from the store, gives another
    /// `field` (population or records drawn).
    SampleNotRedone {
        field: String,
    },
    /// A draw that left out `missed` records signed in the 72 hours
    /// before it on other machines, which had not reached its drawer's:
    /// it holds, and those records wait for a later draw.
    SampleLate {
        missed: u64,
    },
    /// A draw that should never have been signed.
    SampleRefused(crate::domain::sample::SampleProblem),
    /// A decision that extends another as its norm does not allow.
    Extension(crate::domain::extension::ExtensionProblem),
    /// A total over several decisions that the record states otherwise
    /// than the store gives: the decisions signed before it that count
    /// come to `found`, the record says `stated` (`None`: it says nothing,
    /// in a format that cannot).
    TotalMisstated {
        total: String,
        stated: Option<crate::domain::number::Decimal>,
        found: crate::domain::number::Decimal,
        /// The summed check's unit; `None` with `counted` for decisions.
        unit: Option<String>,
        counted: bool,
        /// The record stopped holding since (withdrawn, returned, rejected
        /// or revised): what it missed no longer counts against anyone.
        stopped: bool,
    },
    /// A record that states its total rightly as its signer could see it,
    /// but that, with decisions signed elsewhere less than 72 hours
    /// before it, comes to `found` (this decision included): past the
    /// total's `max`, without the review or refusal the norm asks there.
    TotalPassedTogether {
        total: String,
        found: crate::domain::number::Decimal,
        max: crate::domain::number::Decimal,
        unit: Option<String>,
        counted: bool,
    },
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
    /// A place a checkpoint names (`None`: a signal) that the chain no
    /// longer reaches: removed after it was witnessed.
    WitnessedMissing {
        place: Option<u64>,
        checkpoint: String,
    },
    /// A file at a place a checkpoint names, other than the one witnessed.
    WitnessedChanged {
        checkpoint: String,
    },
    /// A file dated well before a checkpoint that does not name it.
    Backdated {
        checkpoint: String,
        at: jiff::Timestamp,
        /// A record that stopped holding since (withdrawn, returned,
        /// rejected or revised): it no longer decides anything.
        stopped: bool,
    },
    /// A checkpoint by a role that witnesses nothing.
    WitnessRole {
        role: String,
    },
}

impl FindingKind {
    /// A stable, kebab-case identifier for scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Self::IncompleteWrite => "incomplete-write",
            Self::OrphanSignature => "orphan-signature",
            Self::Unsigned => "unsigned",
            Self::StrayFile => "stray-file",
            Self::NotARegularFile { .. } => "not-a-regular-file",
            Self::Unreadable(_) => "unreadable",
            Self::Malformed(_) => "malformed",
            Self::UnknownFormat { .. } => "unknown-format",
            Self::BadSignature => "bad-signature",
            Self::WrongNamespace { .. } => "wrong-namespace",
            Self::SignerUnknown => "signer-unknown",
            Self::SignerNotValidThen => "signer-not-valid-then",
            Self::RoleNotGiven { .. } => "role-not-given",
            Self::AuthorMismatch => "author-mismatch",
            Self::KeyMismatch => "key-mismatch",
            Self::NameMismatch => "name-mismatch",
            Self::DuplicateId => "duplicate-id",
            Self::Keyring(EntryProblem::History(_)) => "keyring-history",
            Self::Keyring(_) => "keyring-entry",
            Self::Adoption(_) => "adoption",
            Self::RootNotPinned { .. } => "root-not-pinned",
            Self::NoRoot => "no-root",
            Self::ConfigRootMismatch => "config-root-mismatch",
            Self::ConfigAltered => "config-altered",
            Self::NotAsWritten => "not-as-written",
            Self::NormUnused { .. } => "norm-unused",
            Self::NormMissing { .. } => "norm-missing",
            Self::NormAltered => "norm-altered",
            Self::NormMismatch => "norm-mismatch",
            Self::NormNotInForce(Unusable::NotAdopted) => "norm-not-adopted",
            Self::NormNotInForce(Unusable::WithdrawnInStore { .. }) => "norm-withdrawn",
            Self::NormNotInForce(_) => "norm-not-in-force",
            Self::HistoryMissing { .. } => "history-missing",
            Self::SignedBeforeItsHistory => "signed-before-its-history",
            Self::GrantNotSeen => "grant-not-seen",
            Self::OldFormatAfterUpgrade => "old-format-after-upgrade",
            Self::SignedBeforeAdoption => "signed-before-adoption",
            Self::CreatedInFuture => "created-in-future",
            Self::ChainTimeBackwards => "chain-time-backwards",
            Self::FormatDowngrade => "format-downgrade",
            Self::Contradicts { .. } => "contradicts",
            Self::Refused(r) => r.code(),
            Self::SignalRefused(_) => "signal-refused",
            Self::Act(problem) => problem.code(),
            Self::ActRecordMissing => "act-record-missing",
            Self::ActText(_) => "act-text-refused",
            Self::SampleNotRedone { .. } => "sample-not-redone",
            Self::SampleLate { .. } => "sample-late",
            Self::Extension(problem) => problem.code(),
            Self::TotalMisstated {
                stated: Some(s),
                found,
                ..
            } if s > found => "total-overstated",
            Self::TotalMisstated { .. } => "total-understated",
            Self::TotalPassedTogether { .. } => "total-passed-together",
            Self::SampleRefused(problem) => problem.code(),
            Self::ChainGap { .. } => "chain-gap",
            Self::ChainFork { .. } => "chain-fork",
            Self::ChainBroken { .. } => "chain-broken",
            Self::ChainStart => "chain-start",
            Self::WitnessedMissing { .. } => "witnessed-missing",
            Self::WitnessedChanged { .. } => "witnessed-changed",
            Self::Backdated { .. } => "backdated",
            Self::WitnessRole { .. } => "witness-role",
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            // More than the store shows: something counted then is gone.
            Self::TotalMisstated {
                stated: Some(stated),
                found,
                ..
            } if stated > found => Severity::Warning,
            Self::IncompleteWrite
            | Self::OrphanSignature
            | Self::NormUnused { valid: true }
            | Self::SampleLate { .. }
            | Self::TotalPassedTogether { .. }
            // Late, or short of what it missed, but no longer in force: an
            // author whose copy was offline too long corrects it so.
            | Self::TotalMisstated { stopped: true, .. }
            | Self::Backdated { stopped: true, .. } => Severity::Warning,
            Self::SignedBeforeAdoption => Severity::Notice,
            _ => Severity::Error,
        }
    }

    /// Interrupted writes are named, not counted as tampering.
    pub fn is_warning(&self) -> bool {
        self.severity() == Severity::Warning
    }
}

/// One file and what is wrong with it.
#[derive(Debug, Clone, PartialEq)]
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
