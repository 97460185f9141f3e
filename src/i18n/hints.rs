//! What each key does, as the walkthrough's hints say it.

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
    /// Open a record in the review inbox.
    Read,
    /// Go to the verdict.
    Judge,
    RecordOrNorm,
    Scroll,
    Approve,
    Return,
    Reject,
    NextInInbox,
    NextField,
    CloseHelp,
    NewDecision,
    /// Between the record as it reads and its exact stored text.
    StoredText,
}

impl Lang {
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
            A::Read => self.pick("lezen", "read"),
            A::Judge => self.pick("beoordelen", "review"),
            A::RecordOrNorm => self.pick("verantwoording of norm", "record or norm"),
            A::Scroll => self.pick("bladeren", "scroll"),
            A::Approve => self.pick("goedkeuren", "approve"),
            A::Return => self.pick("terugsturen", "return"),
            A::Reject => self.pick("afwijzen", "reject"),
            A::NextInInbox => self.pick("volgende", "next"),
            A::NextField => self.pick("volgend veld", "next field"),
            A::CloseHelp => self.pick("hulp sluiten", "close help"),
            A::NewDecision => self.pick("nieuw besluit", "new decision"),
            A::StoredText => self.pick("opgeslagen tekst", "stored text"),
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
}
