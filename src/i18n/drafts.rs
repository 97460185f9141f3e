//! Drafts: the walkthrough's work kept until it is signed.

use super::Lang;

impl Lang {
    pub fn drafts_open(self, n: usize) -> String {
        match (self, n) {
            (Self::Nl, 1) => {
                "U heeft 1 open concept. Gaat u daarmee verder, of begint u een nieuw besluit?"
                    .into()
            }
            (Self::Nl, n) => format!(
                "U heeft {n} open concepten. Met welk gaat u verder, of begint u een nieuw besluit?"
            ),
            (Self::En, 1) => {
                "You have 1 open draft. Go on with it, or start a new decision?".into()
            }
            (Self::En, n) => format!(
                "You have {n} open drafts. Which do you go on with, or do you start a new decision?"
            ),
        }
    }

    pub fn draft_without_case(self) -> &'static str {
        self.pick("(nog geen zaaknummer)", "(no case reference yet)")
    }

    pub fn draft_without_norm(self) -> &'static str {
        self.pick("nog geen norm gekozen", "no norm chosen yet")
    }

    pub fn start_new_decision(self) -> &'static str {
        self.pick("Nieuw besluit beginnen", "Start a new decision")
    }

    /// Where a draft stopped.
    pub fn draft_step(self, step: crate::domain::draft::Step) -> &'static str {
        use crate::domain::draft::Step;
        match step {
            Step::Norm => self.pick("bij de keuze van de norm", "at choosing the norm"),
            Step::Case => self.pick("bij de zaak", "at the case"),
            Step::Checklist => self.pick("bij de controlevragen", "at the checks"),
            Step::Motivation => self.pick("bij de motivering", "at the motivation"),
            Step::Review => self.pick("klaar om te ondertekenen", "ready to sign"),
        }
    }

    /// How long ago, roughly: `5 minuten geleden`, `3 uur geleden`, `2
    /// dagen geleden`.
    pub fn ago(self, age: jiff::SignedDuration) -> String {
        let minutes = age.as_secs().max(0) / 60;
        let (n, nl, en) = match minutes {
            0 => return self.pick("zojuist", "just now").into(),
            m if m < 60 => (m, ("minuut", "minuten"), ("minute", "minutes")),
            m if m < 60 * 24 => (m / 60, ("uur", "uur"), ("hour", "hours")),
            m => (m / (60 * 24), ("dag", "dagen"), ("day", "days")),
        };
        let one = n == 1;
        match self {
            Self::Nl => format!("{n} {} geleden", if one { nl.0 } else { nl.1 }),
            Self::En => format!("{n} {} ago", if one { en.0 } else { en.1 }),
        }
    }

    pub fn no_drafts(self) -> &'static str {
        self.pick("Geen concepten.", "No drafts.")
    }

    pub fn drafts_header(self) -> [&'static str; 4] {
        match self {
            Self::Nl => ["id", "bijgewerkt", "zaak", "norm"],
            Self::En => ["id", "updated", "case", "norm"],
        }
    }

    pub fn draft_norm_changed(self, id: &str) -> String {
        match self {
            Self::Nl => format!("{id} (norm gewijzigd)"),
            Self::En => format!("{id} (norm changed)"),
        }
    }

    pub fn no_such_draft(self, id: &str) -> String {
        match self {
            Self::Nl => format!("er is geen concept met id `{id}`"),
            Self::En => format!("there is no draft with id `{id}`"),
        }
    }

    pub fn no_such_draft_help(self) -> String {
        self.pick(
            "`maatwerk drafts` toont alle concepten",
            "`maatwerk drafts` shows every draft",
        )
        .into()
    }

    pub fn draft_discarded(self, id: &str) -> String {
        match self {
            Self::Nl => format!("Concept {id} weggegooid."),
            Self::En => format!("Draft {id} discarded."),
        }
    }

    pub fn draft_saved(self, id: &str) -> String {
        match self {
            Self::Nl => format!(
                "Niet ondertekend; uw werk is bewaard als concept {id}. Ga verder met `maatwerk new --resume`."
            ),
            Self::En => format!(
                "Not signed; your work is kept as draft {id}. Go on with `maatwerk new --resume`."
            ),
        }
    }

    pub fn draft_norm_changed_resume(self, then: u32, now: u32) -> String {
        match self {
            Self::Nl => format!(
                "Let op: de norm van dit concept is gewijzigd (versie {then} → {now}). Loop de controlevragen opnieuw na."
            ),
            Self::En => format!(
                "Note: the norm of this draft has changed (version {then} → {now}). Go through the checks again."
            ),
        }
    }

    pub fn leave_question(self, draft: &str) -> String {
        match self {
            Self::Nl => format!(
                "Wat u invulde blijft bewaard als concept {draft}. Met `maatwerk new --resume {draft}` gaat u later verder."
            ),
            Self::En => format!(
                "What you entered is kept as draft {draft}. `maatwerk new --resume {draft}` goes on later."
            ),
        }
    }

    pub fn help_unusable_mark(self) -> &'static str {
        self.pick(
            "✗ voor een norm: die kunt u nu niet kiezen; Enter of de beschrijving zegt waarom (concept, ingetrokken, niet geldig, niet in de opslag). Past geen norm? Meld een signaal.",
            "✗ before a norm: you cannot choose it now; Enter or its description says why (concept, withdrawn, not in force, not in the store). No norm fits? Log a signal.",
        )
    }

    pub fn help_draft_note(self) -> &'static str {
        self.pick(
            "Uw werk wordt bij elke stap als concept bewaard, ook bij Ctrl-C of als het venster sluit. `maatwerk new --resume` gaat verder; `maatwerk drafts` toont de concepten.",
            "Your work is kept as a draft at every step, also on Ctrl-C or when the window closes. `maatwerk new --resume` goes on; `maatwerk drafts` lists the drafts.",
        )
    }
}
