//! The first run: who you are, your role, your key.

use super::Lang;

impl Lang {
    pub fn onboarding_intro(self, needs_key: bool, found: bool) -> &'static str {
        match (self, needs_key) {
            (Self::Nl, true) if found => {
                "Er is nog geen opslag. maatwerk ondertekent met een OpenSSH-sleutel — uw bestaande of een nieuwe — en maakt een opslag op deze computer, met u als eerste beheerder. Collega's voegt u later toe met `maatwerk keyring add`."
            }
            (Self::En, true) if found => {
                "There is no store yet. maatwerk signs with an OpenSSH key — your existing one or a new one — and makes a store on this computer, with you as its first beheerder. Add colleagues later with `maatwerk keyring add`."
            }
            (Self::Nl, true) => {
                "Er is nog geen sleutel en geen opslag. maatwerk maakt een OpenSSH-sleutel om mee te ondertekenen en een opslag op deze computer, met u als eerste beheerder. Collega's voegt u later toe met `maatwerk keyring add`."
            }
            (Self::Nl, false) => {
                "Er is nog geen opslag. maatwerk maakt er een op deze computer, met u (en uw sleutel) als eerste beheerder. Collega's voegt u later toe met `maatwerk keyring add`."
            }
            (Self::En, true) => {
                "There is no key and no store yet. maatwerk makes an OpenSSH key to sign with and a store on this computer, with you as its first beheerder. Add colleagues later with `maatwerk keyring add`."
            }
            (Self::En, false) => {
                "There is no store yet. maatwerk makes one on this computer, with you (and your key) as its first beheerder. Add colleagues later with `maatwerk keyring add`."
            }
        }
    }

    pub fn welcome(self) -> &'static str {
        self.pick("Welkom bij maatwerk", "Welcome to maatwerk")
    }

    pub fn label_your_name(self) -> &'static str {
        self.pick(
            "Uw naam (zoals op uw handtekening)",
            "Your name (as on your signature)",
        )
    }

    pub fn label_your_principal(self) -> &'static str {
        self.pick(
            "Uw e-mailadres op het werk: zo kent de sleutelring u",
            "Your work e-mail address: how the keyring knows you",
        )
    }

    pub fn onboarding_stop_question(self) -> &'static str {
        self.pick(
            "Stoppen? Druk nog eens op Esc. Er is nog niets gemaakt en wat u invulde wordt niet bewaard.",
            "Stop? Press Esc again. Nothing has been made yet and what you entered is not kept.",
        )
    }

    pub fn help_onboarding_note(self) -> &'static str {
        self.pick(
            "Uw naam staat leesbaar in elke verantwoording; uw werk-e-mailadres noemt u in elke handtekening. De sleutel blijft op deze computer; met een wachtwoordzin kan niemand anders er iets mee ondertekenen. Als eerste beheerder voegt u later collega's toe met `maatwerk keyring add`.",
            "Your name is in every record, readable; your work e-mail address names you in every signature. The key stays on this computer; with a passphrase nobody else can sign with it. As first beheerder you add colleagues later with `maatwerk keyring add`.",
        )
    }

    pub fn onboarding_role_label(self) -> &'static str {
        self.pick("Uw rol in het mandaat", "Your role in the mandaat")
    }

    pub fn onboarding_role_note(self) -> &'static str {
        self.pick(
            "elke norm bepaalt per rol wat u zelf mag besluiten. Los daarvan beheert u als eerste beheerder de sleutelring: u voegt collega's toe en trekt toegang in (`maatwerk keyring`).",
            "each norm sets per role what you may decide alone. Apart from that, as first beheerder you manage the keyring: you add colleagues and revoke access (`maatwerk keyring`).",
        )
    }

    /// Said once key and store are made, above the first screen.
    pub fn set_up_done(self, fingerprint: &str) -> String {
        match self {
            Self::Nl => format!(
                "✓ Klaar: uw sleutel ({fingerprint}) staat in de sleutelring en u bent de eerste beheerder van de opslag. Kies nu de norm waarop uw besluit steunt."
            ),
            Self::En => format!(
                "✓ Done: your key ({fingerprint}) is in the keyring and you are the store's first beheerder. Now choose the norm your decision relies on."
            ),
        }
    }

    pub fn label_your_key(self) -> &'static str {
        self.pick("Uw sleutel om mee te ondertekenen", "Your key to sign with")
    }

    pub fn use_found_key(self, path: &str) -> String {
        match self {
            Self::Nl => format!("{path} gebruiken"),
            Self::En => format!("use {path}"),
        }
    }

    pub fn make_new_key(self) -> &'static str {
        self.pick("een nieuwe sleutel maken", "make a new key")
    }

    pub fn note_same_key_for_ssh(self) -> &'static str {
        self.pick(
            "dezelfde sleutel werkt ook voor SSH; handtekeningen blijven gescheiden",
            "the same key also works for SSH; the signatures stay apart",
        )
    }

    pub fn label_existing_passphrase(self) -> &'static str {
        self.pick(
            "De wachtwoordzin van uw sleutel",
            "The passphrase of your key",
        )
    }

    pub fn label_new_passphrase(self) -> &'static str {
        self.pick(
            "Wachtwoordzin voor uw nieuwe sleutel (minstens 8 tekens)",
            "Passphrase for your new key (at least 8 characters)",
        )
    }

    pub fn note_empty_passphrase(self) -> &'static str {
        self.pick(
            "leeg laten = sleutel niet versleutelen",
            "leave empty = do not encrypt the key",
        )
    }

    pub fn label_repeat_passphrase(self) -> &'static str {
        self.pick("Herhaal de wachtwoordzin", "Repeat the passphrase")
    }

    pub fn field_enter_name(self) -> &'static str {
        self.pick("vul uw naam in", "enter your name")
    }

    pub fn field_passphrase_short(self) -> &'static str {
        self.pick(
            "minstens 8 tekens, of leeg",
            "at least 8 characters, or empty",
        )
    }

    pub fn field_passphrases_differ(self) -> &'static str {
        self.pick("de wachtwoordzinnen verschillen", "the passphrases differ")
    }

    pub fn field_passphrase_does_not_open(self) -> &'static str {
        self.pick(
            "deze wachtwoordzin opent de sleutel niet; probeer het opnieuw",
            "this passphrase does not open the key; try again",
        )
    }

    pub fn no_key_for_store(self, path: &str) -> String {
        match self {
            Self::Nl => format!("er is een opslag, maar geen sleutel op {path}"),
            Self::En => format!("there is a store, but no key at {path}"),
        }
    }

    pub fn no_key_for_store_help(self) -> String {
        self.pick(
            "maak een sleutel met `maatwerk keys new` en vraag de beheerder u toe te voegen met `maatwerk keyring add`",
            "make a key with `maatwerk keys new` and ask the beheerder to add you with `maatwerk keyring add`",
        )
        .into()
    }

    pub fn adopt_norms_label(self) -> &'static str {
        self.pick("Normen in deze opslag", "Norms in this store")
    }

    pub fn adopt_norms_yes(self, count: usize, bundled: bool) -> String {
        match (self, bundled) {
            (Self::Nl, true) => format!("de {count} voorbeeldnormen opnemen"),
            (Self::Nl, false) => format!("de {count} normen in gebruik opnemen"),
            (Self::En, true) => format!("adopt the {count} example norms"),
            (Self::En, false) => format!("adopt the {count} norms in use"),
        }
    }

    pub fn adopt_norms_no(self) -> &'static str {
        self.pick("later", "later")
    }

    pub fn adopt_norms_note(self, bundled: bool) -> &'static str {
        match (self, bundled) {
            (Self::Nl, true) => {
                "dit zijn voorbeelden; uw organisatie stelt haar eigen normen vast met `maatwerk norms adopt`"
            }
            (Self::En, true) => {
                "these are examples; your organisation adopts its own norms with `maatwerk norms adopt`"
            }
            (Self::Nl, false) => "later kan het met `maatwerk norms adopt`",
            (Self::En, false) => "later with `maatwerk norms adopt`",
        }
    }
}
