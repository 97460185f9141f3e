//! Keys, passphrases, the store and its keyring.

use jiff::Timestamp;

use super::Lang;

impl Lang {
    pub fn passphrase_prompt(self) -> String {
        self.pick(
            "Wachtwoordzin voor uw sleutel: ",
            "Passphrase for your key: ",
        )
        .into()
    }

    pub fn new_passphrase_prompt(self) -> String {
        self.pick(
            "Nieuwe wachtwoordzin (minstens 8 tekens): ",
            "New passphrase (at least 8 characters): ",
        )
        .into()
    }

    pub fn repeat_passphrase_prompt(self) -> String {
        self.pick("Herhaal de wachtwoordzin: ", "Repeat the passphrase: ")
            .into()
    }

    pub fn passphrases_differ(self) -> String {
        self.pick(
            "de wachtwoordzinnen verschillen; er is niets geschreven",
            "the passphrases differ; nothing was written",
        )
        .into()
    }

    pub fn passphrase_too_short(self) -> String {
        self.pick(
            "de wachtwoordzin is korter dan 8 tekens; er is niets geschreven",
            "the passphrase is shorter than 8 characters; nothing was written",
        )
        .into()
    }

    pub fn wrong_passphrase(self) -> String {
        self.pick("verkeerde wachtwoordzin", "wrong passphrase")
            .into()
    }

    pub fn no_terminal_for_passphrase(self) -> String {
        self.pick(
            "de sleutel is versleuteld en er is geen terminal om de wachtwoordzin te vragen",
            "the key is encrypted and there is no terminal to ask for the passphrase",
        )
        .into()
    }

    pub fn passphrase_file_help(self) -> String {
        self.pick(
            "zet voor scripts MAATWERK_PASSPHRASE_FILE op een bestand met de wachtwoordzin",
            "for scripts, set MAATWERK_PASSPHRASE_FILE to a file holding the passphrase",
        )
        .into()
    }

    pub fn cannot_read_passphrase_file(self, file: &str, error: &std::io::Error) -> String {
        let error = self.io_problem(error);
        match self {
            Self::Nl => format!("kan MAATWERK_PASSPHRASE_FILE `{file}` niet lezen: {error}"),
            Self::En => format!("cannot read MAATWERK_PASSPHRASE_FILE `{file}`: {error}"),
        }
    }

    pub fn cannot_read_key(self, error: &std::io::Error) -> String {
        let error = self.io_problem(error);
        match self {
            Self::Nl => format!("kan de sleutel niet lezen: {error}"),
            Self::En => format!("cannot read the key: {error}"),
        }
    }

    pub fn cannot_read_key_at(self, path: &str, error: &std::io::Error) -> String {
        let error = self.io_problem(error);
        match self {
            Self::Nl => format!("kan de sleutel `{path}` niet lezen: {error}"),
            Self::En => format!("cannot read the key `{path}`: {error}"),
        }
    }

    pub fn cannot_read_key_help(self) -> String {
        self.pick(
            "maak een sleutel met `maatwerk keys new`, of wijs een bestaande OpenSSH ed25519-sleutel aan met --key",
            "make a key with `maatwerk keys new`, or point at an existing OpenSSH ed25519 key with --key",
        )
        .into()
    }

    pub fn not_an_ed25519_key(self) -> String {
        self.pick(
            "dit is geen OpenSSH ed25519-privésleutel",
            "this is not an OpenSSH ed25519 private key",
        )
        .into()
    }

    pub fn key_exists(self, path: &str) -> String {
        match self {
            Self::Nl => format!("`{path}` bestaat al; een sleutel wordt nooit overschreven"),
            Self::En => format!("`{path}` already exists; a key is never overwritten"),
        }
    }

    pub fn key_exists_help(self) -> String {
        self.pick(
            "kies een andere plek met --out",
            "choose another place with --out",
        )
        .into()
    }

    pub fn key_written(self, path: &str, encrypted: bool) -> String {
        match (self, encrypted) {
            (Self::Nl, true) => format!(
                "Sleutel geschreven naar {path} (versleuteld), publieke sleutel naar {path}.pub. Vingerafdruk:"
            ),
            (Self::Nl, false) => format!(
                "Sleutel geschreven naar {path} (NIET versleuteld), publieke sleutel naar {path}.pub. Vingerafdruk:"
            ),
            (Self::En, true) => {
                format!("Key written to {path} (encrypted), public key to {path}.pub. Fingerprint:")
            }
            (Self::En, false) => format!(
                "Key written to {path} (NOT encrypted), public key to {path}.pub. Fingerprint:"
            ),
        }
    }

    pub fn bad_fingerprint(self, text: &str) -> String {
        match self {
            Self::Nl => format!(
                "`{text}` is geen vingerafdruk zoals SHA256:… (43 tekens na de dubbele punt)"
            ),
            Self::En => format!(
                "`{text}` is not a fingerprint like SHA256:… (43 characters after the colon)"
            ),
        }
    }

    /// A store error in one sentence.
    pub fn store_problem(self, error: &crate::domain::store::StoreError) -> String {
        use crate::domain::store::StoreError as E;
        match error {
            E::NotAStore { dir } => self.not_a_store(&dir.display().to_string()),
            E::AlreadyAStore { dir } => self.already_a_store(&dir.display().to_string()),
            E::Io { path, source } => {
                format!("`{}`: {}", path.display(), self.io_problem(source))
            }
            E::Corrupt { path, what } => match self {
                Self::Nl => format!("`{}` is onleesbaar of beschadigd: {what}", path.display()),
                Self::En => format!("`{}` is unreadable or damaged: {what}", path.display()),
            },
            E::NotAMember(fp) => self.key_not_in_keyring(fp.as_str()),
            E::NotBeheerder => self.not_beheerder(),
            E::BadPrincipal(p) => self.bad_principal(p),
            E::Key(e) => self.key_problem(e),
        }
    }

    /// A key that could not be made, in one sentence.
    pub fn key_file_problem(self, error: &crate::domain::ops::keys::KeyFileError) -> String {
        use crate::domain::ops::keys::KeyFileError as E;
        match error {
            E::Exists(path) => self.key_exists(&path.display().to_string()),
            E::Io { path, source } => self.cannot_write(&path.display().to_string(), source),
            E::Key(e) => self.key_problem(e),
        }
    }

    /// A key error in one sentence.
    pub fn key_problem(self, error: &crate::domain::keys::KeyError) -> String {
        use crate::domain::keys::KeyError as E;
        match error {
            E::Read(e) => self.cannot_read_key(e),
            E::Format(_) | E::NotEd25519 => self.not_an_ed25519_key(),
            E::Passphrase => self.wrong_passphrase(),
            E::Unprotected { path, mode } => match self {
                Self::Nl => format!(
                    "anderen kunnen de sleutel {} lezen (rechten {mode:04o}); maak hem alleen voor uzelf leesbaar met `chmod 600 {}`",
                    path.display(),
                    path.display()
                ),
                Self::En => format!(
                    "others can read the key {} (permissions {mode:04o}); make it readable to you alone with `chmod 600 {}`",
                    path.display(),
                    path.display()
                ),
            },
            E::Sign(e) => match self {
                Self::Nl => format!("ondertekenen mislukt: {e}"),
                Self::En => format!("signing failed: {e}"),
            },
            E::NoAgent => self
                .pick(
                    "u noemt een publieke sleutel (.pub), maar er draait geen ssh-agent (SSH_AUTH_SOCK is leeg): start `ssh-agent` en voeg de sleutel toe met `ssh-add`, of noem de privésleutel zelf",
                    "you named a public key (.pub), but no ssh-agent is running (SSH_AUTH_SOCK is empty): start `ssh-agent` and add the key with `ssh-add`, or name the private key itself",
                )
                .into(),
            E::Agent(crate::domain::keys::agent::AgentError::Refused) => self
                .pick(
                    "de ssh-agent ondertekent niet met deze sleutel: voeg hem toe met `ssh-add`, of bevestig op uw sleutel (token) als die daarom vraagt",
                    "the ssh-agent does not sign with this key: add it with `ssh-add`, or confirm on your key (token) when it asks",
                )
                .into(),
            E::Agent(crate::domain::keys::agent::AgentError::Connect { path, .. }) => match self {
                Self::Nl => format!(
                    "de ssh-agent op {path} is niet bereikbaar: start `ssh-agent` en voeg de sleutel toe met `ssh-add`"
                ),
                Self::En => format!(
                    "cannot reach the ssh-agent at {path}: start `ssh-agent` and add the key with `ssh-add`"
                ),
            },
            E::Agent(crate::domain::keys::agent::AgentError::Io(_)) => self
                .pick(
                    "de ssh-agent antwoordde niet (binnen een minuut); er is niets ondertekend",
                    "the ssh-agent did not answer (within a minute); nothing was signed",
                )
                .into(),
            E::Agent(crate::domain::keys::agent::AgentError::Garbled) => self
                .pick(
                    "het antwoord van de ssh-agent is geen handtekening; er is niets ondertekend",
                    "the ssh-agent's answer is not a signature; nothing was signed",
                )
                .into(),
            E::AgentMismatch => self
                .pick(
                    "de handtekening van de ssh-agent klopt niet bij deze sleutel; er is niets ondertekend",
                    "the ssh-agent's signature does not match this key; nothing was signed",
                )
                .into(),
            E::InAgent => self
                .pick(
                    "de privésleutel staat in de ssh-agent, niet in een bestand",
                    "the private key is in the ssh-agent, not in a file",
                )
                .into(),
        }
    }

    pub fn not_a_store(self, dir: &str) -> String {
        match self {
            Self::Nl => format!("`{dir}` is geen maatwerk-opslag (er is geen store.toml)"),
            Self::En => format!("`{dir}` is not a maatwerk store (there is no store.toml)"),
        }
    }

    pub fn not_a_store_help(self) -> String {
        self.pick(
            "maak er een met `maatwerk init`, of wijs de opslag aan met --store of MAATWERK_STORE",
            "make one with `maatwerk init`, or point at the store with --store or MAATWERK_STORE",
        )
        .into()
    }

    pub fn already_a_store(self, dir: &str) -> String {
        match self {
            Self::Nl => format!("`{dir}` is al een maatwerk-opslag; er is niets veranderd"),
            Self::En => format!("`{dir}` is already a maatwerk store; nothing was changed"),
        }
    }

    pub fn store_made(self, dir: &str) -> String {
        match self {
            Self::Nl => format!(
                "Opslag gemaakt in {dir}. U bent de eerste beheerder: het vertrouwensanker. Geef auditors deze vingerafdruk (voor `maatwerk verify --expect-root`):"
            ),
            Self::En => format!(
                "Store made in {dir}. You are its first beheerder: the trust root. Give auditors this fingerprint (for `maatwerk verify --expect-root`):"
            ),
        }
    }

    pub fn key_not_in_keyring(self, fingerprint: &str) -> String {
        match self {
            Self::Nl => format!(
                "uw sleutel {fingerprint} staat niet (of nu niet geldig) in de sleutelring van deze opslag"
            ),
            Self::En => {
                format!("your key {fingerprint} is not in this store's keyring, or not valid now")
            }
        }
    }

    pub fn key_not_in_keyring_help(self) -> String {
        self.pick(
            "vraag een beheerder u toe te voegen met `maatwerk keyring add`, met uw publieke sleutel (.pub)",
            "ask a beheerder to add you with `maatwerk keyring add`, giving your public key (.pub)",
        )
        .into()
    }

    pub fn not_beheerder(self) -> String {
        self.pick(
            "alleen een beheerder mag de sleutelring wijzigen",
            "only a beheerder may change the keyring",
        )
        .into()
    }

    pub fn bad_principal(self, principal: &str) -> String {
        match self {
            Self::Nl => format!("`{principal}` is geen geldige principal"),
            Self::En => format!("`{principal}` is not a valid principal"),
        }
    }

    pub fn bad_principal_help(self) -> String {
        self.pick(
            "gebruik een vaste naam van kleine letters, cijfers en . _ - @, zoals een e-mailadres",
            "use a stable name of lower-case letters, digits and . _ - @, such as an e-mail address",
        )
        .into()
    }

    pub fn empty_name(self) -> String {
        self.pick("de naam is leeg", "the name is empty").into()
    }

    pub fn already_member(self, principal: &str) -> String {
        match self {
            Self::Nl => format!("`{principal}` staat al in de sleutelring"),
            Self::En => format!("`{principal}` is already in the keyring"),
        }
    }

    pub fn already_member_help(self) -> String {
        self.pick(
            "gebruik --change om rol, sleutel of naam te wijzigen",
            "use --change to change their role, key or name",
        )
        .into()
    }

    pub fn not_a_member(self, principal: &str) -> String {
        match self {
            Self::Nl => format!("`{principal}` staat (op dat moment) niet in de sleutelring"),
            Self::En => format!("`{principal}` is not in the keyring (at that moment)"),
        }
    }

    pub fn unknown_role(self, role: &str) -> String {
        match self {
            Self::Nl => format!("de rol `{role}` bestaat niet in deze opslag"),
            Self::En => format!("the role `{role}` does not exist in this store"),
        }
    }

    pub fn known_roles(self, roles: &[String]) -> String {
        match self {
            Self::Nl => format!("rollen: {}", roles.join(", ")),
            Self::En => format!("roles: {}", roles.join(", ")),
        }
    }

    pub fn bad_public_key(self) -> String {
        self.pick(
            "geen OpenSSH ed25519 publieke sleutel (een regel `ssh-ed25519 AAAA…` of een .pub-bestand)",
            "not an OpenSSH ed25519 public key (an `ssh-ed25519 AAAA…` line or a .pub file)",
        )
        .into()
    }

    pub fn key_belongs_to(self, principal: &str) -> String {
        match self {
            Self::Nl => {
                format!("deze sleutel hoort al bij `{principal}`; iedereen heeft een eigen sleutel")
            }
            Self::En => format!(
                "this key already belongs to `{principal}`; everyone has a key of their own"
            ),
        }
    }

    pub fn public_key_help(self) -> String {
        self.pick(
            "geef het .pub-bestand van de nieuwe collega (bijvoorbeeld ~/.ssh/id_ed25519.pub) of de regel `ssh-ed25519 AAAA…` zelf",
            "give the new colleague's .pub file (for example ~/.ssh/id_ed25519.pub) or the `ssh-ed25519 AAAA…` line itself",
        )
        .into()
    }

    pub fn bad_member_name(self) -> String {
        self.pick(
            "--name moet een naam op één regel zijn, zoals mensen hem lezen",
            "--name must be a name on one line, as people read it",
        )
        .into()
    }

    pub fn ends_before_start(self, from: jiff::Timestamp, until: jiff::Timestamp) -> String {
        match self {
            Self::Nl => format!("--valid-until ({until}) ligt niet na --valid-from ({from})"),
            Self::En => format!("--valid-until ({until}) is not after --valid-from ({from})"),
        }
    }

    pub fn ends_before_start_help(self) -> String {
        self.pick(
            "geef een einde na het begin; om iemand per direct te laten stoppen: `maatwerk keyring revoke`",
            "give an end after the start; to stop someone now: `maatwerk keyring revoke`",
        )
        .into()
    }

    pub fn valid_from_in_past(self, from: Timestamp) -> String {
        match self {
            Self::Nl => format!("--valid-from ({from}) ligt in het verleden"),
            Self::En => format!("--valid-from ({from}) lies in the past"),
        }
    }

    pub fn valid_from_in_past_help(self) -> String {
        self.pick(
            "een toegang of rol geldt vanaf nu of later, nooit met terugwerkende kracht: dat zou eerdere besluiten achteraf anders maken. Een intrekking mag wel terug in de tijd (`maatwerk keyring revoke --from`)",
            "access or a role counts from now or later, never retroactively: that would change earlier decisions after the fact. A revocation may reach back (`maatwerk keyring revoke --from`)",
        )
        .into()
    }

    pub fn revocation_needs_reason(self) -> String {
        self.pick(
            "een intrekking heeft een reden nodig: --reason \"…\"",
            "a revocation needs a reason: --reason \"…\"",
        )
        .into()
    }

    pub fn add_needs(self, flags: &str) -> String {
        match self {
            Self::Nl => format!("voor een nieuw lid zijn nodig: {flags}"),
            Self::En => format!("a new member needs: {flags}"),
        }
    }

    pub fn keyring_entry_written(self, path: &str) -> String {
        match self {
            Self::Nl => format!("Ondertekende wijziging van de sleutelring geschreven: {path}"),
            Self::En => format!("Signed keyring change written: {path}"),
        }
    }

    /// A role held with the right to manage the keyring besides it.
    pub fn role_and_beheerder(self, role: &str) -> String {
        format!("{role} + beheerder")
    }

    pub fn grant_not_now(self) -> &'static str {
        self.pick("✗ nee", "✗ no")
    }

    pub fn keyring_header(self) -> [&'static str; 6] {
        match self {
            Self::Nl => ["principal", "naam", "rol", "vingerafdruk", "geldig", "nu"],
            Self::En => ["principal", "name", "role", "fingerprint", "valid", "now"],
        }
    }

    pub fn grant_window(self, from: Timestamp, until: Option<Timestamp>) -> String {
        let day = |t: Timestamp| self.day(t.to_zoned(jiff::tz::TimeZone::UTC).date());
        match until {
            Some(u) => format!("{} – {}", day(from), day(u)),
            None => format!("{} –", day(from)),
        }
    }

    pub fn store_made_with_root(self, fingerprint: &str) -> String {
        match self {
            Self::Nl => format!(
                "Uw opslag is gemaakt. Het vertrouwensanker is {fingerprint}: geef dit aan wie uw besluiten controleert (`maatwerk verify --expect-root {fingerprint}`)."
            ),
            Self::En => format!(
                "Your store was made. Its trust root is {fingerprint}: give this to whoever audits your decisions (`maatwerk verify --expect-root {fingerprint}`)."
            ),
        }
    }

    pub fn trust_root_line(self, fingerprint: &str) -> String {
        match self {
            Self::Nl => format!("Vertrouwensanker: {fingerprint}"),
            Self::En => format!("Trust root: {fingerprint}"),
        }
    }
}
