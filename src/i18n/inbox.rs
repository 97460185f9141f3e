//! The review inbox and the words around a verdict.

use super::Lang;
use crate::domain::review::{TextProblem, Verdict};

impl Lang {
    pub fn heading_why_review(self) -> &'static str {
        self.pick("Waarom beoordeling nodig is", "Why review is needed")
    }

    /// A remark's problem as the inbox says it (no command-line flags).
    pub fn text_problem_in_inbox(self, problem: TextProblem) -> String {
        match (self, problem) {
            (Self::Nl, TextProblem::RemarkMissing) => {
                "schrijf bij terugsturen en afwijzen een opmerking voor de auteur".into()
            }
            (Self::En, TextProblem::RemarkMissing) => {
                "write a remark for the author when returning or rejecting".into()
            }
            (_, other) => self.text_problem(other),
        }
    }

    pub fn passphrase_needed(self) -> &'static str {
        self.pick(
            "typ de wachtwoordzin van uw sleutel",
            "type your key's passphrase",
        )
    }

    pub fn inbox_title(self, reviewer: &str) -> String {
        match self {
            Self::Nl => format!("beoordelen · {reviewer}"),
            Self::En => format!("review · {reviewer}"),
        }
    }

    pub fn inbox_heading(self, count: usize) -> String {
        match (self, count) {
            (Self::Nl, 1) => "1 verantwoording wacht op uw beoordeling.".into(),
            (Self::Nl, n) => {
                format!("{n} verantwoordingen wachten op uw beoordeling, oudste eerst.")
            }
            (Self::En, 1) => "1 record is waiting for your review.".into(),
            (Self::En, n) => format!("{n} records are waiting for your review, oldest first."),
        }
    }

    pub fn waited(self, days: i64) -> String {
        match (self, days) {
            (Self::Nl, 0) => "sinds vandaag".into(),
            (Self::En, 0) => "since today".into(),
            (Self::Nl, _) => format!("wacht {}", self.waiting_days(days)),
            (Self::En, _) => format!("waiting {}", self.waiting_days(days)),
        }
    }

    pub fn label_verdict_on(self, record: &str) -> String {
        match self {
            Self::Nl => format!("Uw oordeel over {record}"),
            Self::En => format!("Your verdict on {record}"),
        }
    }

    pub fn too_small_to_sign(self) -> &'static str {
        self.pick(
            "Het venster is te klein om te ondertekenen: het oordeel, de verantwoording waar het over gaat en wat uw handtekening betekent moeten alle drie te zien zijn. Maak het venster groter.",
            "The window is too small to sign in: the verdict, the record it is about and what your signature means must all show. Make the window larger.",
        )
    }

    pub fn verdict_choice(self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Approve => self.pick("goedkeuren", "approve"),
            Verdict::Return => self.pick("terugsturen", "return"),
            Verdict::Reject => self.pick("afwijzen", "reject"),
        }
    }

    pub fn label_remark(self, verdict: Verdict) -> &'static str {
        if verdict.needs_remark() {
            self.pick(
                "Opmerking voor de auteur (verplicht)",
                "Remark for the author (required)",
            )
        } else {
            self.pick(
                "Opmerking voor de auteur (mag leeg)",
                "Remark for the author (may be empty)",
            )
        }
    }

    /// What the signature on a verdict means.
    pub fn verdict_meaning(self, verdict: Verdict, record: &str) -> String {
        match (self, verdict) {
            (Self::Nl, Verdict::Approve) => format!(
                "Met uw handtekening keurt u {record} goed: het besluit mag worden genomen zoals opgesteld."
            ),
            (Self::Nl, Verdict::Return) => format!(
                "Met uw handtekening stuurt u {record} terug: de auteur herziet de verantwoording met uw opmerking."
            ),
            (Self::Nl, Verdict::Reject) => {
                format!("Met uw handtekening wijst u {record} af: het besluit wordt niet genomen.")
            }
            (Self::En, Verdict::Approve) => {
                format!("Your signature approves {record}: the decision may be taken as drawn up.")
            }
            (Self::En, Verdict::Return) => {
                format!(
                    "Your signature returns {record}: the author revises the record with your remark."
                )
            }
            (Self::En, Verdict::Reject) => {
                format!("Your signature rejects {record}: the decision is not taken.")
            }
        }
    }

    pub fn review_done(
        self,
        id: &str,
        record: &str,
        verdict: Verdict,
        passed_on: Option<&str>,
    ) -> String {
        let head = match self {
            Self::Nl => format!(
                "Beoordeling {id} ondertekend: {record} {}.",
                self.verdict(verdict)
            ),
            Self::En => format!("Review {id} signed: {record} {}.", self.verdict(verdict)),
        };
        match passed_on {
            Some(role) => format!("{head} {}", self.review_passed_on(role)),
            None => head,
        }
    }

    pub fn inbox_help_note(self) -> &'static str {
        self.pick(
            "Wat u bij een oordeel typt, blijft bewaard tot u ondertekent, ook als u stopt of het venster sluit. Een oordeel is ondertekend en wordt nooit meer gewijzigd; een teruggestuurde verantwoording herziet de auteur met `maatwerk new --revises`.",
            "What you type with a verdict is kept until you sign, also when you stop or the window closes. A verdict is signed and never changed; the author revises a returned record with `maatwerk new --revises`.",
        )
    }

    pub fn inbox_needs_terminal(self) -> String {
        self.pick(
            "de inbox van `maatwerk review` heeft een terminal nodig",
            "the inbox of `maatwerk review` needs a terminal",
        )
        .to_owned()
    }

    pub fn inbox_needs_terminal_help(self) -> String {
        self.pick(
            "in een script: `maatwerk reviews` toont wat wacht, `maatwerk review ID --approve|--return|--reject` ondertekent een oordeel",
            "in a script: `maatwerk reviews` shows what waits, `maatwerk review ID --approve|--return|--reject` signs a verdict",
        )
        .to_owned()
    }
}
