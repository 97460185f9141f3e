//! Drafts: the walkthrough's work kept until it is signed.

use super::Lang;

impl Lang {
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

    pub fn help_draft_note(self) -> &'static str {
        self.pick(
            "Uw werk wordt bij elke stap als concept bewaard, ook bij Ctrl-C of als het venster sluit. `maatwerk new --resume` gaat verder; `maatwerk drafts` toont de concepten.",
            "Your work is kept as a draft at every step, also on Ctrl-C or when the window closes. `maatwerk new --resume` goes on; `maatwerk drafts` lists the drafts.",
        )
    }
}
