//! The walkthrough's last screen: what was signed, who reviews it now,
//! and what to note in the case file.

use super::Lang;

impl Lang {
    pub fn done_title(self) -> &'static str {
        self.pick("Ondertekend en opgeslagen", "Signed and stored")
    }

    pub fn done_for_review(self, role: &str) -> String {
        match self {
            Self::Nl => format!(
                "⚠ Dit besluit wacht nu op beoordeling door een {role} of hoger; het staat in diens `maatwerk review`. U ziet de uitkomst met `maatwerk show`."
            ),
            Self::En => format!(
                "⚠ This decision now waits for review by {} or higher; it is in their `maatwerk review`. `maatwerk show` tells you the outcome.",
                super::a_role(role)
            ),
        }
    }

    pub fn done_note(self, id: &str) -> String {
        match self {
            Self::Nl => format!(
                "Noteer {id} in het zaakdossier, bijvoorbeeld in het rapport bij het besluit. Iedereen met de opslag kan de handtekening controleren met `maatwerk verify`."
            ),
            Self::En => format!(
                "Note {id} in the case file, for example in the report with the decision. Anyone with the store can check the signature with `maatwerk verify`."
            ),
        }
    }

    /// After signing a decision for review that nobody in the store can
    /// review yet.
    pub fn nobody_reviews(self, role: &str) -> String {
        match self {
            Self::Nl => format!(
                "Er is in deze opslag nog niemand die als {role} of hoger kan beoordelen. Laat de beheerder die toevoegen: `maatwerk keyring add --principal … --role {role} --public-key …`."
            ),
            Self::En => format!(
                "Nobody in this store can review as {} or higher yet. Ask the beheerder to add someone: `maatwerk keyring add --principal … --role {role} --public-key …`.",
                super::a_role(role)
            ),
        }
    }

    pub fn signal_done_note(self, id: &str) -> String {
        match self {
            Self::Nl => format!(
                "Signaal {id} is ondertekend en bewaard voor de beleidseigenaar. Er is geen besluit vastgelegd."
            ),
            Self::En => format!(
                "Signal {id} is signed and kept for the policy owner. No decision was recorded."
            ),
        }
    }

    pub fn any_key_to_close(self) -> &'static str {
        self.pick(
            "Druk op een toets om af te sluiten.",
            "Press any key to close.",
        )
    }
}
