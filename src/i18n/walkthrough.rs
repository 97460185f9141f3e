//! The walkthrough's words: what each key does, field labels, and the
//! short texts on its screens.

use super::Lang;

/// What a key does, as its hint says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    /// Move through the list of norms.
    Move,
    ThisNorm,
    Search,
    Back,
    Clear,
    Field,
    Next,
    ChangeAnswer,
    AnotherNorm,
    LogSignal,
    YesNoAndOn,
    Choose,
    NextCheck,
    PreviousCheck,
    NextPart,
    PreviousPart,
    Done,
    ChooseRole,
    ChooseKey,
    Quit,
    Evidence,
    Present,
    Passphrase,
    Preview,
    Sign,
    SignSignal,
    Leave,
    Stay,
    Help,
    SaveAndQuit,
    Close,
}

/// The walkthrough's screens, as their titles name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenTitle {
    Picker,
    Case,
    Checklist,
    Motivation,
    Sign,
    Signal,
    Done,
}

impl Lang {
    pub fn screen_title(self, screen: ScreenTitle) -> &'static str {
        use ScreenTitle as S;
        match screen {
            S::Picker => self.pick("Kies de afgesproken norm", "Choose the agreed norm"),
            S::Case => self.pick("De zaak", "The case"),
            S::Checklist => self.pick("Controlevragen", "Checks"),
            S::Motivation => self.pick("Motivering", "Motivation"),
            S::Sign => self.pick("Controleren en ondertekenen", "Review and sign"),
            S::Signal => self.pick("Signaal: geen passende norm", "Signal: no agreed norm fits"),
            S::Done => self.pick("Klaar", "Done"),
        }
    }

    pub fn key_action(self, action: KeyAction) -> &'static str {
        use KeyAction as A;
        match action {
            A::Move => self.pick("kiezen", "move"),
            A::ThisNorm => self.pick("deze norm", "this norm"),
            A::Search => self.pick("zoeken", "search"),
            A::Back => self.pick("terug", "back"),
            A::Clear => self.pick("wissen", "clear"),
            A::Field => self.pick("veld", "field"),
            A::Next => self.pick("verder", "next"),
            A::ChangeAnswer => self.pick("antwoord aanpassen", "change the answer"),
            A::AnotherNorm => self.pick("andere norm", "another norm"),
            A::LogSignal => self.pick("signaal melden", "log a signal"),
            A::YesNoAndOn => self.pick("ja of nee, en verder", "yes or no, and on"),
            A::Choose => self.pick("kiezen", "choose"),
            A::NextCheck => self.pick("volgende", "next"),
            A::PreviousCheck => self.pick("vorige", "previous"),
            A::NextPart => self.pick("volgend onderdeel", "next part"),
            A::PreviousPart => self.pick("vorig", "previous"),
            A::Done => self.pick("klaar", "done"),
            A::ChooseRole => self.pick("rol kiezen", "choose role"),
            A::ChooseKey => self.pick("sleutel kiezen", "choose key"),
            A::Quit => self.pick("stoppen", "quit"),
            A::Evidence => self.pick("bewijsstuk", "evidence"),
            A::Present => self.pick("aanwezig", "present"),
            A::Passphrase => self.pick("wachtwoordzin", "passphrase"),
            A::Preview => self.pick("voorbeeld", "preview"),
            A::Sign => self.pick("ondertekenen", "sign"),
            A::SignSignal => self.pick("signaal ondertekenen", "sign the signal"),
            A::Leave => self.pick("verlaten", "leave"),
            A::Stay => self.pick("blijven", "stay"),
            A::Help => self.pick("hulp", "help"),
            A::SaveAndQuit => self.pick("opslaan en stoppen", "save and quit"),
            A::Close => self.any_key_to_close(),
        }
    }

    /// The yes and no keys: `j` and `n` in Dutch, `y` and `n` in English
    /// (both work in both).
    pub fn key_yes_no(self) -> &'static str {
        self.pick("j/n", "y/n")
    }

    pub fn key_space(self) -> &'static str {
        self.pick("Spatie", "Space")
    }

    // Field labels.

    pub fn label_case_field(self) -> &'static str {
        self.pick("Zaaknummer", "Case reference")
    }

    pub fn label_decision_date_field(self) -> &'static str {
        self.pick("Besluitdatum", "Decision date")
    }

    pub fn label_first_day(self) -> &'static str {
        self.pick("Ingangsdatum", "First day")
    }

    pub fn label_last_day(self) -> &'static str {
        self.pick("Tot en met", "Up to and including")
    }

    pub fn label_key_passphrase(self) -> &'static str {
        self.pick("Wachtwoordzin van uw sleutel", "Your key's passphrase")
    }

    pub fn label_your_name(self) -> &'static str {
        self.pick(
            "Uw naam (zoals op uw handtekening)",
            "Your name (as on your signature)",
        )
    }

    pub fn label_your_principal(self) -> &'static str {
        self.pick(
            "Uw principal: een vaste naam, zoals uw e-mailadres",
            "Your principal: a stable name such as your e-mail address",
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

    pub fn label_your_key(self) -> &'static str {
        self.pick("Uw sleutel om mee te ondertekenen", "Your key to sign with")
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

    pub fn welcome(self) -> &'static str {
        self.pick("Welkom bij maatwerk", "Welcome to maatwerk")
    }

    // What is wrong, said at the field.

    pub fn field_before_first_day(self) -> &'static str {
        self.pick("ligt vóór de ingangsdatum", "is before the first day")
    }

    pub fn field_still_empty(self) -> &'static str {
        self.pick("nog leeg", "still empty")
    }

    pub fn field_enter_passphrase(self) -> &'static str {
        self.pick("vul de wachtwoordzin in", "enter the passphrase")
    }

    pub fn field_passphrase_does_not_open(self) -> &'static str {
        self.pick(
            "deze wachtwoordzin opent de sleutel niet; probeer het opnieuw",
            "this passphrase does not open the key; try again",
        )
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

    // Screens.

    pub fn search_label(self) -> &'static str {
        self.pick("Zoek: ", "Search: ")
    }

    pub fn no_norm_matches(self) -> &'static str {
        self.pick(
            "Geen norm past bij deze zoekterm.",
            "No norm matches this search.",
        )
    }

    pub fn not_covered_options(self) -> [&'static str; 3] {
        [
            self.pick(
                "Het antwoord aanpassen (het was onjuist)",
                "Change the answer (it was wrong)",
            ),
            self.pick("Een andere norm kiezen", "Choose another norm"),
            self.pick(
                "Een signaal melden: er is geen passende norm",
                "Log a signal: no agreed norm fits",
            ),
        ]
    }

    pub fn record_as_stored_title(self) -> &'static str {
        self.pick(
            " Zo wordt de verantwoording opgeslagen ",
            " The record as it will be stored ",
        )
    }

    pub fn preview_after_reasons(self) -> &'static str {
        self.pick(
            "Verschijnt zodra de redenen hierboven zijn opgelost.",
            "Appears once the reasons above are resolved.",
        )
    }

    pub fn signal_text_title(self) -> &'static str {
        self.pick(
            " Wat heeft de zaak nodig, en waarom past geen norm? ",
            " What does the case need, and why does no norm fit? ",
        )
    }

    pub fn leave_title(self) -> &'static str {
        self.pick("De walkthrough verlaten?", "Leave the walkthrough?")
    }

    pub fn no_store_yet(self) -> String {
        self.pick(
            "er is nog geen opslag om in te ondertekenen",
            "there is no store to sign in yet",
        )
        .into()
    }

    pub fn keys_title(self) -> &'static str {
        self.pick("Toetsen", "Keys")
    }
}
