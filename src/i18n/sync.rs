//! Sharing the store through git: sync, clone and how long ago.

use std::fmt::Write as _;

use super::Lang;
use crate::domain::ops::sync::{Change, SyncError};

impl Lang {
    /// What went wrong in a sync or clone, and what to do about it.
    pub fn sync_error(self, error: &SyncError) -> (String, Option<String>) {
        let list = |files: &[String]| files.join(", ");
        match (self, error) {
            (Self::Nl, SyncError::NotShared) => (
                "Deze opslag wordt nog niet gedeeld.".into(),
                Some("Deel hem met het team via `maatwerk sync --remote URL` (een pad, file://… of ssh://…).".into()),
            ),
            (Self::En, SyncError::NotShared) => (
                "This store is not shared yet.".into(),
                Some("Share it with the team with `maatwerk sync --remote URL` (a path, file://… or ssh://…).".into()),
            ),
            (Self::Nl, SyncError::NoRemote) => (
                "Deze kopie van de opslag heeft geen remote.".into(),
                Some("Geef er een met `maatwerk sync --remote URL`.".into()),
            ),
            (Self::En, SyncError::NoRemote) => (
                "This copy of the store has no remote.".into(),
                Some("Give it one with `maatwerk sync --remote URL`.".into()),
            ),
            (Self::Nl, SyncError::GitMissing { program }) => (
                format!("Het programma `{program}` is niet gevonden; maatwerk deelt de opslag via git."),
                Some("Installeer git (op Debian of Ubuntu: `apt-get install git`), of wijs het programma aan met MAATWERK_GIT.".into()),
            ),
            (Self::En, SyncError::GitMissing { program }) => (
                format!("The program `{program}` was not found; maatwerk shares the store through git."),
                Some("Install git (on Debian or Ubuntu: `apt-get install git`), or point to it with MAATWERK_GIT.".into()),
            ),
            (Self::Nl, SyncError::Git { command, said }) => (
                format!("`{command}` mislukte:\n{said}"),
                Some("Controleer de remote en uw toegang ertoe (voor ssh: uw sleutel en ssh-agent). Er is niets overgenomen; wat u hier ondertekende, staat veilig in deze opslag en gaat mee met de volgende `maatwerk sync`.".into()),
            ),
            (Self::En, SyncError::Git { command, said }) => (
                format!("`{command}` failed:\n{said}"),
                Some("Check the remote and your access to it (for ssh: your key and ssh-agent). Nothing was taken in; what you signed here is safe in this store and goes along with the next `maatwerk sync`.".into()),
            ),
            (Self::Nl, SyncError::Io { path, message }) => {
                (format!("{}: {message}", path.display()), None)
            }
            (Self::En, SyncError::Io { path, message }) => {
                (format!("{}: {message}", path.display()), None)
            }
            (Self::Nl, SyncError::LocalChanged { files }) => (
                format!("Ondertekende bestanden zijn in deze kopie gewijzigd of verwijderd: {}.", list(files)),
                Some("Ondertekende bestanden veranderen nooit. Zet ze terug met `git -C <opslag> checkout -- <bestand>`; er is niets gedeeld.".into()),
            ),
            (Self::En, SyncError::LocalChanged { files }) => (
                format!("Signed files were changed or removed in this copy: {}.", list(files)),
                Some("Signed files never change. Restore them with `git -C <store> checkout -- <file>`; nothing was shared.".into()),
            ),
            (Self::Nl, SyncError::LocalStray { files }) => (
                format!("Deze bestanden horen niet bij de opslag: {}.", list(files)),
                Some("Zet ze buiten de opslag; er is niets gedeeld.".into()),
            ),
            (Self::En, SyncError::LocalStray { files }) => (
                format!("These files are not part of the store: {}.", list(files)),
                Some("Move them out of the store; nothing was shared.".into()),
            ),
            (Self::Nl, SyncError::IgnoreChanged) => (
                "Het bestand .gitignore van de opslag is gewijzigd: wat het uitsluit, zou niet gedeeld worden.".into(),
                Some("Zet het terug met `git -C <opslag> checkout -- .gitignore`.".into()),
            ),
            (Self::En, SyncError::IgnoreChanged) => (
                "The store's .gitignore was changed: what it leaves out would not be shared.".into(),
                Some("Restore it with `git -C <store> checkout -- .gitignore`.".into()),
            ),
            _ => self.remote_error(error),
        }
    }

    /// What went wrong with the remote or what came from it.
    fn remote_error(self, error: &SyncError) -> (String, Option<String>) {
        match (self, error) {
            (Self::Nl, SyncError::Rewritten) => (
                "De geschiedenis op de remote is herschreven: wat deze kopie eerder ontving, staat er niet meer in.".into(),
                Some("Er is niets overgenomen en niets verstuurd. Meld het aan de beheerder; `maatwerk verify` op een verse kopie toont wat er ontbreekt.".into()),
            ),
            (Self::En, SyncError::Rewritten) => (
                "The remote's history was rewritten: what this copy took in before is no longer in it.".into(),
                Some("Nothing was taken in or sent. Tell the beheerder; `maatwerk verify` on a fresh copy shows what is missing.".into()),
            ),
            (Self::Nl, SyncError::Unrelated) => (
                "De remote bevat een andere opslag dan deze.".into(),
                Some("Een nieuw teamlid begint met `maatwerk clone URL`.".into()),
            ),
            (Self::En, SyncError::Unrelated) => (
                "The remote holds another store than this one.".into(),
                Some("A new member of the team starts with `maatwerk clone URL`.".into()),
            ),
            (_, SyncError::Incoming { changes }) => (
                self.incoming_changes(changes),
                Some(self.pick(
                    "Er is niets overgenomen: de opslag is gebleven zoals hij was. Een opslag groeit alleen; meld dit aan de beheerder.",
                    "Nothing was taken in: the store is as it was. A store only grows; tell the beheerder.",
                ).into()),
            ),
            (Self::Nl, SyncError::Conflict { file }) => (
                format!("Beide kanten schreven {file}, met een andere inhoud."),
                Some("Er is niets overgenomen. Dat kan alleen als één bestand op twee plaatsen is gemaakt; meld het aan de beheerder.".into()),
            ),
            (Self::En, SyncError::Conflict { file }) => (
                format!("Both sides wrote {file}, with other contents."),
                Some("Nothing was taken in. That only happens when one file was made in two places; tell the beheerder.".into()),
            ),
            (Self::Nl, SyncError::Empty) => (
                "De remote bevat nog geen opslag.".into(),
                Some("Wie de opslag maakte, deelt hem eerst met `maatwerk sync --remote URL`.".into()),
            ),
            (Self::En, SyncError::Empty) => (
                "The remote holds no store yet.".into(),
                Some("Whoever made the store shares it first with `maatwerk sync --remote URL`.".into()),
            ),
            (Self::Nl, SyncError::NotEmpty { dir }) => (
                format!("{} is niet leeg.", dir.display()),
                Some("Kies met --store een nieuwe of lege map voor de kopie.".into()),
            ),
            (Self::En, SyncError::NotEmpty { dir }) => (
                format!("{} is not empty.", dir.display()),
                Some("Choose a new or empty directory for the copy with --store.".into()),
            ),
            (Self::Nl, SyncError::Busy) => (
                "De remote weigerde het versturen steeds: telkens had iemand anders net iets verstuurd.".into(),
                Some("Probeer het zo nog eens.".into()),
            ),
            (Self::En, SyncError::Busy) => (
                "The remote kept refusing the push: each time someone else had just pushed.".into(),
                Some("Try again in a moment.".into()),
            ),
            (Self::Nl, SyncError::CheckedOut { kept }) => (
                "De remote is een repository met een werkmap waarin de tak main is uitgecheckt; git werkt die niet bij.".into(),
                Some(match kept {
                    Some(url) => format!("Deze kopie blijft synchroniseren met {url}; er is niets verstuurd. Een team deelt de opslag via een kale repository (`git init --bare`): geef die van het team op."),
                    None => "Een team deelt de opslag via een kale repository: geef die van het team op met `maatwerk sync URL` (een nieuwe maakt u met `git init --bare <pad>`, maar dan alleen als het team er nog geen heeft). Er is niets verstuurd; wat u hier ondertekende, staat veilig in deze opslag.".into(),
                }),
            ),
            (Self::En, SyncError::CheckedOut { kept }) => (
                "The remote is a repository with a working tree in which the branch main is checked out; git does not update it.".into(),
                Some(match kept {
                    Some(url) => format!("This copy goes on syncing with {url}; nothing was sent. A team shares the store through a bare repository (`git init --bare`): give the team's."),
                    None => "A team shares the store through a bare repository: give the team's with `maatwerk sync URL` (make a new one with `git init --bare <path>`, but only when the team has none yet). Nothing was sent; what you signed here is safe in this store.".into(),
                }),
            ),
            // Worded by `sync_error`.
            _ => (error.to_string(), None),
        }
    }

    fn incoming_changes(self, changes: &[(Change, String)]) -> String {
        let mut out = self
            .pick(
                "Wat binnenkwam verandert de opslag in plaats van hem aan te vullen:",
                "What came in changes the store instead of adding to it:",
            )
            .to_owned();
        for (change, file) in changes.iter().take(20) {
            let what = match (self, change) {
                (Self::Nl, Change::Removed) => "verwijderd",
                (Self::En, Change::Removed) => "removed",
                (Self::Nl, Change::Changed) => "gewijzigd",
                (Self::En, Change::Changed) => "changed",
                (Self::Nl, Change::NotAFile) => "geen gewoon bestand",
                (Self::En, Change::NotAFile) => "not a plain file",
                (Self::Nl, Change::Stray) => "hoort niet bij een opslag",
                (Self::En, Change::Stray) => "not part of a store",
            };
            let _ = write!(out, "\n  {what}: {file}");
        }
        if changes.len() > 20 {
            let more = changes.len() - 20;
            let _ = match self {
                Self::Nl => write!(out, "\n  en nog {more}"),
                Self::En => write!(out, "\n  and {more} more"),
            };
        }
        out
    }

    /// What a sync did, by the signed files that came in and went out
    /// (their signatures go along unsaid).
    pub fn sync_done(self, received: &[String], sent: &[String], first: bool) -> String {
        let (came, went) = (self.signed_files(received), self.signed_files(sent));
        match (self, first) {
            (Self::Nl, true) => format!("De opslag wordt nu gedeeld: {went} verstuurd."),
            (Self::En, true) => format!("The store is shared now: {went} sent."),
            (_, false) if received.is_empty() && sent.is_empty() => self
                .pick(
                    "Niets nieuws: deze kopie is bij.",
                    "Nothing new: this copy is up to date.",
                )
                .into(),
            (Self::Nl, false) if sent.is_empty() => {
                format!("Gesynchroniseerd: binnengekomen en gecontroleerd: {came}.")
            }
            (Self::En, false) if sent.is_empty() => format!("Synced: came in and checked: {came}."),
            (Self::Nl, false) if received.is_empty() => {
                format!("Gesynchroniseerd: verstuurd: {went}.")
            }
            (Self::En, false) if received.is_empty() => format!("Synced: sent: {went}."),
            (Self::Nl, false) => format!(
                "Gesynchroniseerd: binnengekomen en gecontroleerd: {came}; verstuurd: {went}."
            ),
            (Self::En, false) => format!("Synced: came in and checked: {came}; sent: {went}."),
        }
    }

    /// Signed files by what they are: "2 verantwoordingen, 1 beoordeling".
    fn signed_files(self, files: &[String]) -> String {
        // (directory, Dutch one and many, English one and many)
        const KINDS: &[(&str, [&str; 4])] = &[
            (
                "records/",
                ["verantwoording", "verantwoordingen", "record", "records"],
            ),
            (
                "reviews/",
                ["beoordeling", "beoordelingen", "review", "reviews"],
            ),
            (
                "withdrawals/",
                ["intrekking", "intrekkingen", "withdrawal", "withdrawals"],
            ),
            (
                "samples/",
                ["steekproef", "steekproeven", "sample", "samples"],
            ),
            (
                "checkpoints/",
                ["checkpoint", "checkpoints", "checkpoint", "checkpoints"],
            ),
            ("signals/", ["signaal", "signalen", "signal", "signals"]),
            (
                "keyring/",
                [
                    "wijziging van de sleutelring",
                    "wijzigingen van de sleutelring",
                    "keyring change",
                    "keyring changes",
                ],
            ),
            ("adoptions/", ["opname", "opnames", "adoption", "adoptions"]),
            ("norms/", ["norm", "normen", "norm", "norms"]),
            (
                "",
                [
                    "ander bestand",
                    "andere bestanden",
                    "other file",
                    "other files",
                ],
            ),
        ];
        let signed = files.iter().filter(|f| {
            std::path::Path::new(f)
                .extension()
                .is_none_or(|e| e != "sig")
        });
        let mut counts = [0usize; KINDS.len()];
        for file in signed {
            if let Some(k) = KINDS.iter().position(|(dir, _)| file.starts_with(dir)) {
                counts[k] += 1;
            }
        }
        let said: Vec<String> = KINDS
            .iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|((_, words), n)| {
                let word = match (self, n) {
                    (Self::Nl, 1) => words[0],
                    (Self::Nl, _) => words[1],
                    (Self::En, 1) => words[2],
                    (Self::En, _) => words[3],
                };
                format!("{n} {word}")
            })
            .collect();
        if said.is_empty() {
            self.pick("alleen handtekeningen", "signatures only").into()
        } else {
            said.join(", ")
        }
    }

    /// A copy given another remote by a sync that went through.
    pub fn sync_switched(self, was: &str, now: &str) -> String {
        match self {
            Self::Nl => format!("Deze kopie synchroniseert voortaan met {now} (was {was})."),
            Self::En => format!("This copy syncs with {now} from now on (was {was})."),
        }
    }

    /// A sync refused what came in.
    pub fn sync_refused(self, errors: usize, received: usize) -> String {
        match self {
            Self::Nl => format!(
                "Geweigerd: met wat binnenkwam ({received} bestanden) vindt verify {errors} fout(en) die er eerder niet waren. Er is niets overgenomen en niets verstuurd; de opslag is gebleven zoals hij was."
            ),
            Self::En => format!(
                "Refused: with what came in ({received} files) verify finds {errors} error(s) that were not there before. Nothing was taken in or sent; the store is as it was."
            ),
        }
    }

    /// A sync refused because this copy's own unshared files do not fit
    /// with what came in.
    pub fn sync_refused_own(self, errors: usize) -> String {
        match self {
            Self::Nl => format!(
                "Geweigerd: wat u hier ondertekende en nog niet deelde, geeft met wat binnenkwam {errors} fout(en). Dat gebeurt als wat hier ondertekend is niet binnen 72 uur werd gedeeld, of als u intussen op een andere computer tekende: een totaal mist besluiten die eerder werden getekend (ruim eerder door collega's, of door uzelf elders), of een checkpoint van intussen kon uw bestand niet noemen. Een ondertekend besluit verandert nooit: trek het in met `maatwerk withdraw ID --reason …` (of laat de teamleider het terugsturen) en leg het zo nodig opnieuw vast; daarna lukt `maatwerk sync`, en verify noemt het oude alleen nog als waarschuwing. Er is niets overgenomen en niets verstuurd."
            ),
            Self::En => format!(
                "Refused: what you signed here and did not share yet gives {errors} error(s) with what came in. That happens when what was signed here was not shared within 72 hours, or when you signed on another computer meanwhile: a total misses decisions signed before (well before by colleagues, or by yourself elsewhere), or a checkpoint made meanwhile could not name your file. A signed decision never changes: withdraw it with `maatwerk withdraw ID --reason …` (or have the teamleider return it) and record it again where needed; then `maatwerk sync` goes through, and verify names the old one as a warning only. Nothing was taken in or sent."
            ),
        }
    }

    /// Warnings about totals and times the combination gave.
    pub fn sync_noted(self) -> &'static str {
        self.pick(
            "Let op: verify noemt deze bestanden als waarschuwing. Een besluit dat laat kwam of anders telt dan het zelf zegt en niet meer geldt; een totaal dat hoger is dan de opslag nu geeft (een besluit dat meetelde, geldt niet meer); besluiten die kort na elkaar op verschillende computers werden ondertekend en samen boven een maximum gaan; een steekproef die besluiten van kort ervoor nog niet had.",
            "Note: verify names these files as warnings. A decision that came late or counts otherwise than it says and no longer holds; a total higher than the store now gives (a decision that counted no longer holds); decisions signed shortly after each other on different computers that together go past a maximum; a sample that did not have decisions of just before it yet.",
        )
    }

    /// A clone made.
    /// `expected`: the root was given with --expect-root, and is this one.
    pub fn clone_done(self, dir: &str, device: &str, root: &str, expected: bool) -> String {
        match (self, expected) {
            (Self::Nl, false) => format!(
                "De opslag staat nu in {dir}, gecontroleerd. Wat u hier ondertekent, komt op uw keten voor dit apparaat ({device}). Het vertrouwensanker is {root}: vergelijk het met wat de beheerder u gaf."
            ),
            (Self::En, false) => format!(
                "The store is now in {dir}, verified. What you sign here goes on your chain for this device ({device}). Its trust root is {root}: compare it with what the beheerder gave you."
            ),
            (Self::Nl, true) => format!(
                "De opslag staat nu in {dir}, gecontroleerd tegen het vertrouwensanker dat u gaf ({root}). Wat u hier ondertekent, komt op uw keten voor dit apparaat ({device})."
            ),
            (Self::En, true) => format!(
                "The store is now in {dir}, verified against the trust root you gave ({root}). What you sign here goes on your chain for this device ({device})."
            ),
        }
    }

    /// A clone whose git command failed.
    pub fn clone_git_help(self) -> &'static str {
        self.pick(
            "Controleer het adres van de remote en uw toegang ertoe (voor ssh: uw sleutel en ssh-agent). Er is geen kopie gemaakt.",
            "Check the remote's address and your access to it (for ssh: your key and ssh-agent). No copy was made.",
        )
    }

    pub fn clone_refused(self, errors: usize) -> String {
        match self {
            Self::Nl => format!(
                "Geweigerd: verify vindt {errors} fout(en) in de opslag op de remote. Er is geen kopie gemaakt."
            ),
            Self::En => format!(
                "Refused: verify finds {errors} error(s) in the store on the remote. No copy was made."
            ),
        }
    }

    /// The store has not been synced for a while.
    /// `since`: how long ago, and whether that is longer than the 72
    /// hours verify allows a copy.
    pub fn sync_stale(self, since: Option<(&str, bool)>) -> String {
        match (self, since) {
            (Self::Nl, Some((ago, false))) => format!(
                "Deze opslag is voor het laatst {ago} gesynchroniseerd: wat collega's sindsdien tekenden, ziet u nog niet. Draai `maatwerk sync`."
            ),
            (Self::En, Some((ago, false))) => format!(
                "This store was last synced {ago}: what colleagues signed since, you do not see yet. Run `maatwerk sync`."
            ),
            (Self::Nl, Some((ago, true))) => format!(
                "Deze opslag is voor het laatst {ago} gesynchroniseerd, langer dan de 72 uur die verify een kopie toestaat: een totaal dat u nu vermeldt, kan besluiten van collega's missen, en dan weigert sync uw besluit tot u het intrekt. Draai eerst `maatwerk sync`."
            ),
            (Self::En, Some((ago, true))) => format!(
                "This store was last synced {ago}, longer than the 72 hours verify allows a copy: a total you state now may miss colleagues' decisions, and sync then refuses your decision until you withdraw it. Run `maatwerk sync` first."
            ),
            (Self::Nl, None) => {
                "Deze kopie van de opslag is nog nooit gesynchroniseerd. Draai `maatwerk sync`."
                    .into()
            }
            (Self::En, None) => {
                "This copy of the store was never synced. Run `maatwerk sync`.".into()
            }
        }
    }

    /// A line that warns: `waarschuwing: …`.
    pub fn warning_line(self, text: &str) -> String {
        format!(
            "{}: {text}",
            self.severity(crate::domain::diagnostic::Severity::Warning)
        )
    }

    /// Something signed in a shared store.
    pub fn sync_to_share(self) -> &'static str {
        self.pick(
            "Het team ziet dit na uw volgende `maatwerk sync`.",
            "The team sees this after your next `maatwerk sync`.",
        )
    }

    pub fn sync_progress(self) -> &'static str {
        self.pick("Synchroniseren…", "Syncing…")
    }
}

impl Lang {
    pub fn checkpoint_role(self, role: &str) -> String {
        match self {
            Self::Nl => format!("Als {role} kunt u geen checkpoint ondertekenen."),
            Self::En => format!("As {role} you cannot sign a checkpoint."),
        }
    }

    pub fn checkpoint_role_help(self) -> String {
        self.pick(
            "Een checkpoint is een getuigenis van wie de besluiten niet zelf neemt: een teamleider, afdelingshoofd, controller of beheerder.",
            "A checkpoint is witnessed by someone who does not take the decisions: a teamleider, afdelingshoofd, controller or beheerder.",
        )
        .to_owned()
    }

    pub fn checkpoint_written(self, chains: usize, file: &str) -> String {
        match self {
            Self::Nl => {
                format!("Checkpoint ondertekend: {chains} ketens vastgelegd. Bestand: {file}.")
            }
            Self::En => format!("Checkpoint signed: {chains} chains witnessed. File: {file}."),
        }
    }

    /// A sync made a checkpoint on the way.
    pub fn sync_checkpoint(self, file: &str) -> String {
        match self {
            Self::Nl => format!("Checkpoint ondertekend en gedeeld: {file}."),
            Self::En => format!("Checkpoint signed and shared: {file}."),
        }
    }

    /// A sync could not make the checkpoint the person may make.
    pub fn sync_no_checkpoint(self, why: &str) -> String {
        match self {
            Self::Nl => format!("Geen checkpoint gemaakt: {why}"),
            Self::En => format!("No checkpoint made: {why}"),
        }
    }
}

impl Lang {
    /// How the chains stand against the checkpoints, for verify: one line
    /// for all, then one for each chain with files after its last witness.
    pub fn witnessed_summary(self, checkpoints: usize, chains: usize, behind: usize) -> String {
        match (self, checkpoints) {
            (Self::Nl, 0) => "Getuigd: er is nog geen checkpoint; wat het laatst is ondertekend, kan worden verwijderd of vroeger gedateerd zonder dat verify het ziet (`maatwerk checkpoint`).".into(),
            (Self::En, 0) => "Witnessed: there is no checkpoint yet; what was signed last can be removed or dated earlier without verify seeing it (`maatwerk checkpoint`).".into(),
            (Self::Nl, n) => format!(
                "Getuigd: {n} {}; {} van {chains} ketens tot hun laatste bestand{}",
                if n == 1 { "checkpoint" } else { "checkpoints" },
                chains - behind,
                if behind == 0 { ".".to_owned() } else { format!(", {behind} met bestanden daarna:") }
            ),
            (Self::En, n) => format!(
                "Witnessed: {n} {}; {} of {chains} chains up to their last file{}",
                if n == 1 { "checkpoint" } else { "checkpoints" },
                chains - behind,
                if behind == 0 { ".".to_owned() } else { format!(", {behind} with files after:") }
            ),
        }
    }

    /// One chain with files after what was last witnessed of it.
    pub fn witnessed_chain(
        self,
        dir: &str,
        witnessed: Option<(u64, jiff::Timestamp)>,
        after: u64,
    ) -> String {
        let utc = jiff::tz::TimeZone::UTC;
        match (self, witnessed) {
            (Self::Nl, Some((seq, at))) => format!(
                "  {dir}: getuigd t/m nr. {seq} ({}), {after} daarna",
                self.moment(at, &utc)
            ),
            (Self::En, Some((seq, at))) => format!(
                "  {dir}: witnessed up to no. {seq} ({}), {after} after",
                self.moment(at, &utc)
            ),
            (Self::Nl, None) => format!(
                "  {dir}: nooit getuigd, {after} {}",
                if after == 1 { "bestand" } else { "bestanden" }
            ),
            (Self::En, None) => format!(
                "  {dir}: never witnessed, {after} {}",
                if after == 1 { "file" } else { "files" }
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sync_says_what_came_in_and_went_out_by_what_it_is() {
        let files = |names: &[&str]| -> Vec<String> {
            names
                .iter()
                .flat_map(|n| [(*n).to_owned(), format!("{n}.sig")])
                .collect()
        };
        let came = files(&[
            "records/anna@gemeente.example+k7p2q9x3/000002-MW-20261124-7X41JRQT.toml",
            "records/eve@gemeente.example/000001-MW-20261124-7X41JRQV.toml",
            "reviews/tom@gemeente.example/000001-RV-20261124-8S853SXT.toml",
        ]);
        let went = files(&["checkpoints/tom@gemeente.example/000001-CP-20261124-8S853SXT.toml"]);
        assert_eq!(
            Lang::Nl.sync_done(&came, &went, false),
            "Gesynchroniseerd: binnengekomen en gecontroleerd: 2 verantwoordingen, 1 beoordeling; \
             verstuurd: 1 checkpoint."
        );
        assert_eq!(
            Lang::En.sync_done(&came, &[], false),
            "Synced: came in and checked: 2 records, 1 review."
        );
        assert_eq!(
            Lang::Nl.sync_done(&[], &[], false),
            "Niets nieuws: deze kopie is bij."
        );
        assert_eq!(
            Lang::Nl.sync_done(&[], &files(&["keyring/KR-20261124-7X41JRQT.toml"]), false),
            "Gesynchroniseerd: verstuurd: 1 wijziging van de sleutelring."
        );
    }
}
