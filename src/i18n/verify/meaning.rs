//! What a verify finding means for an auditor.

use crate::domain::verify::FindingKind;
use crate::i18n::Lang;

impl Lang {
    /// What a finding about the life of a decision means.
    fn act_meaning(self, p: &FindingKind) -> String {
        if matches!(
            p,
            FindingKind::SampleNotRedone { .. } | FindingKind::SampleRefused(_)
        ) {
            self.pick(
                "De steekproef is niet de trekking die de seed geeft: er is gekozen welke besluiten een tweede blik kregen.",
                "The sample is not the draw its seed gives: someone chose which decisions got a second look.",
            )
        } else {
            self.pick(
                "Een beoordeling, intrekking of herziening telt niet: wie haar ondertekende mocht dat toen niet, of zij past niet bij de verantwoording. De status van het besluit volgt er niet uit.",
                "A review, withdrawal or revision does not count: its signer was not allowed to sign it then, or it does not fit the record. The decision's status does not follow from it.",
            )
        }
        .to_owned()
    }

    /// What a finding means for the auditor.
    #[allow(clippy::too_many_lines)] // a table: one arm per kind of finding
    pub fn verify_meaning(self, p: &FindingKind) -> String {
        let nl = self == Self::Nl;
        let t = |a: &str, b: &str| if nl { a.to_owned() } else { b.to_owned() };
        match p {
            FindingKind::NormUnused { valid: true } => t(
                "Een opname is onderbroken voordat ze werd ondertekend; de kopie kan weg, of de norm kan opnieuw worden opgenomen.",
                "An adoption was interrupted before it was signed; the copy can go, or the norm can be adopted again.",
            ),
            FindingKind::NormUnused { valid: false } => t(
                "Dit hoort niet in een opslag; het is niet gelezen als norm.",
                "This does not belong in a store; it was not read as a norm.",
            ),
            FindingKind::SampleLate { .. } => t(
                "Besluiten die op een andere computer werden ondertekend, kunnen de computer van wie trok tot 72 uur later bereiken; de steekproef is de trekking die de seed geeft over alles van daarvoor en een deel van die laatste besluiten. Wie trekt kan zo ook besluiten van die laatste 72 uur weglaten, en daarmee de steekproef door afronding één of meer besluiten kleiner maken. Kijk of de trekking die besluiten kon hebben (waren ze al gesynchroniseerd?); de gemiste besluiten komen in een volgende trekking aan bod.",
                "Decisions signed on another computer may reach the drawer's up to 72 hours later; the sample is the draw its seed gives over everything before that and some of those latest decisions. A drawer can so also leave out decisions of those last 72 hours, and by rounding make the sample one or more decisions smaller. Check whether the draw could have had them (were they synced already?); the decisions missed come up in a next draw.",
            ),
            FindingKind::IncompleteWrite | FindingKind::OrphanSignature => t(
                "Een schrijfactie is onderbroken (bijvoorbeeld een crash); dit is geen besluit en kan veilig worden verwijderd. Blijkt het een verwijderd besluit, dan meldt de keten van de auteur een gat.",
                "A write was interrupted (a crash, for example); this is no decision and can safely be removed. Had a decision been removed, its author's chain would show a gap.",
            ),
            FindingKind::BadSignature
            | FindingKind::WrongNamespace { .. }
            | FindingKind::Malformed(_)
            | FindingKind::NotAsWritten
            | FindingKind::NormAltered => t(
                "De inhoud is gewijzigd nadat hij werd ondertekend, of de handtekening hoort bij een ander bestand.",
                "The content was changed after it was signed, or the signature belongs to another file.",
            ),
            FindingKind::SignerUnknown
            | FindingKind::SignerNotValidThen
            | FindingKind::RoleNotGiven { .. }
            | FindingKind::AuthorMismatch
            | FindingKind::KeyMismatch => t(
                "Niet vast te stellen dat een bevoegd persoon in de geclaimde rol dit heeft ondertekend.",
                "It cannot be established that an authorised person in the claimed role signed this.",
            ),
            FindingKind::ChainGap { .. }
            | FindingKind::ChainBroken { .. }
            | FindingKind::ChainStart => t(
                "Er is een verantwoording van deze auteur verwijderd, vervangen of verplaatst.",
                "A record by this author was removed, replaced or moved.",
            ),
            FindingKind::ChainFork { .. } | FindingKind::DuplicateId => t(
                "Twee versies van dezelfde plek in de keten: een verantwoording is gekopieerd of dubbel aangemaakt.",
                "Two versions of the same place in the chain: a record was copied or made twice.",
            ),
            FindingKind::NormNotInForce(_) => t(
                "Het besluit steunt op een norm die op de besluitdatum niet was vastgesteld of niet gold.",
                "The decision relies on a norm that was not adopted or not in force on its decision date.",
            ),
            FindingKind::NormMissing { .. } | FindingKind::NormMismatch => t(
                "Niet aan te tonen op welke versie van de norm het besluit steunde.",
                "It cannot be shown which version of the norm the decision relied on.",
            ),
            FindingKind::Keyring(_)
            | FindingKind::NoRoot
            | FindingKind::RootNotPinned { .. }
            | FindingKind::ConfigRootMismatch
            | FindingKind::ConfigAltered => t(
                "De sleutelring leidt niet (alleen) terug naar het vertrouwde anker; handtekeningen die erop steunen zijn niet te vertrouwen.",
                "The keyring does not lead (only) back to the trusted root; signatures that rely on it cannot be trusted.",
            ),
            FindingKind::Adoption(_) => t(
                "De opname van een norm in de opslag is niet te vertrouwen; besluiten die erop steunen evenmin.",
                "A norm's adoption in the store cannot be trusted; nor can decisions that rely on it.",
            ),
            FindingKind::HistoryMissing { .. }
            | FindingKind::SignedBeforeItsHistory
            | FindingKind::GrantNotSeen
            | FindingKind::OldFormatAfterUpgrade => t(
                "Er is een wijziging van de sleutelring of een opname verwijderd of vervangen, of het bestand is met een valse datum gemaakt.",
                "A keyring change or an adoption was removed or replaced, or the file was made with a false date.",
            ),
            FindingKind::SignedBeforeAdoption => t(
                "Gemaakt met release 0.1, voordat normen in de opslag werden vastgesteld. De handtekening en de inhoud zijn gecontroleerd; dat de norm is vastgesteld staat alleen in de norm zelf.",
                "Made with release 0.1, before norms were adopted in the store. Its signature and content were checked; that the norm was adopted is stated only in the norm itself.",
            ),
            FindingKind::CreatedInFuture | FindingKind::ChainTimeBackwards => t(
                "Het tijdstip van ondertekening is niet waar: het bestand is met een valse datum gemaakt.",
                "The moment of signing is not true: the file was made with a false date.",
            ),
            FindingKind::SampleNotRedone { .. }
            | FindingKind::SampleRefused(_)
            | FindingKind::Act(_)
            | FindingKind::ActRecordMissing => self.act_meaning(p),
            FindingKind::Contradicts { .. }
            | FindingKind::FormatDowngrade
            | FindingKind::Refused(_)
            | FindingKind::SignalRefused(_)
            | FindingKind::ActText(_)
            | FindingKind::Extension(_) => t(
                "De ondertekenaar legde iets vast dat de norm niet toestaat of niet zegt; de handtekening bewijst wie het zei, niet dat het mocht.",
                "The signer recorded something the norm does not allow or does not say; the signature proves who said it, not that it was allowed.",
            ),
            FindingKind::TotalMisstated { .. } => t(
                "Wat eerdere besluiten samen opleverden is opnieuw geteld uit de opslag: alleen besluiten die vóór deze zijn ondertekend en toen nog golden (een besluit dat minder dan 72 uur eerder door een ander werd getekend, mag ontbreken: het kan de computer van de ondertekenaar nog niet hebben bereikt; eigen besluiten tellen altijd mee, op welk apparaat ook getekend). Een lager getal in de verantwoording verbergt een overschrijding; een hoger wijst op een besluit dat uit de opslag verdwenen is. Een besluit dat sindsdien is ingetrokken of herzien, is alleen een waarschuwing.",
                "What earlier decisions came to was counted again from the store: only decisions signed before this one that still held then (one signed less than 72 hours before by someone else may be left out: it may not have reached the signer's computer yet; one's own decisions always count, on whichever device they were signed). A lower figure in the record hides going past the maximum; a higher one points to a decision gone from the store. A decision withdrawn or revised since is only a warning.",
            ),
            FindingKind::TotalPassedTogether { .. } => t(
                "Besluiten die kort na elkaar op verschillende computers werden ondertekend, gaan samen boven een maximum van hun norm. Elk is geldig: wie tekende kon het andere nog niet zien. Maar het maximum is overschreden zonder de beoordeling of weigering die de norm daar vraagt; kijk of dat zo bedoeld was, en trek zo nodig een besluit in.",
                "Decisions signed shortly after each other on different computers together go past a maximum of their norm. Each is valid: whoever signed could not see the other yet. But the maximum was passed without the review or refusal the norm asks there; check whether that was meant, and withdraw a decision where needed.",
            ),
            FindingKind::WitnessedMissing { .. } | FindingKind::WitnessedChanged { .. } => t(
                "Een getuige legde vast waar deze keten stond; wat toen al was ondertekend, is daarna verwijderd of vervangen.",
                "A witness recorded where this chain stood; what had been signed by then was removed or replaced afterwards.",
            ),
            FindingKind::Backdated { .. } => t(
                "Het bestand zegt ondertekend te zijn voordat een getuige de opslag vastlegde, maar die getuige zag het niet, ook niet binnen de 72 uur die een computer mag doen over synchroniseren: het is met een valse, vroegere datum gemaakt, of de computer waarop het werd ondertekend synchroniseerde langer niet. Een besluit dat sindsdien is ingetrokken of herzien, is alleen een waarschuwing.",
                "The file says it was signed before a witness recorded the store, but that witness did not see it, not even within the 72 hours a computer may take to sync: it was made with a false, earlier date, or the computer it was signed on did not sync for longer. A decision withdrawn or revised since is only a warning.",
            ),
            FindingKind::WitnessRole { .. } => t(
                "Alleen een teamleider, afdelingshoofd, controller of beheerder kan getuige zijn; dit checkpoint bewijst niets.",
                "Only a teamleider, afdelingshoofd, controller or beheerder can witness; this checkpoint proves nothing.",
            ),
            FindingKind::NotARegularFile { .. } | FindingKind::UnknownFormat { .. } => t(
                "Dit hoort niet in een opslag; het is niet gelezen.",
                "This does not belong in a store; it was not read.",
            ),
            FindingKind::Unsigned
            | FindingKind::StrayFile
            | FindingKind::NameMismatch
            | FindingKind::Unreadable(_) => t(
                "Dit bestand is niet door maatwerk geschreven of is later veranderd of verplaatst.",
                "This file was not written by maatwerk, or was changed or moved later.",
            ),
        }
    }
}
