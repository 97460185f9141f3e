//! What `maatwerk export` says on standard error.

use super::Lang;

impl Lang {
    pub fn export_bad_key(self) -> String {
        self.pick(
            "de sleutel voor de tokens is 64 hexadecimale tekens (0-9, a-f), zoals een eerdere export die toonde",
            "the key for the tokens is 64 hex digits (0-9, a-f), as an earlier export showed it",
        )
        .into()
    }

    pub fn export_key(self, hex: &str) -> String {
        match self {
            Self::Nl => format!(
                "Sleutel van de zaaktokens in deze export (eenmalig getoond; geef hem met --key-hex voor dezelfde tokens, en bewaar hem niet bij de export): {hex}"
            ),
            Self::En => format!(
                "Key of the case tokens in this export (shown once; give it with --key-hex for the same tokens, and do not keep it with the export): {hex}"
            ),
        }
    }

    pub fn export_strict_refused(self, findings: usize) -> String {
        match self {
            Self::Nl => format!(
                "niets geëxporteerd: verify vond {findings} bevinding(en) (--strict); zie `maatwerk verify`"
            ),
            Self::En => format!(
                "nothing exported: verify found {findings} finding(s) (--strict); see `maatwerk verify`"
            ),
        }
    }

    /// How many findings verify made in all, whether on a row or not.
    pub fn export_findings_in_all(self, findings: usize) -> String {
        match self {
            Self::Nl => format!(
                "Let op: verify vond in de hele opslag {findings} bevinding(en), ook op wat geen rij is (beoordelingen, sleutelring, ontbrekende of vreemde bestanden); zie `maatwerk verify`"
            ),
            Self::En => format!(
                "Note: verify found {findings} finding(s) in the whole store, also on what is no row (reviews, keyring, missing or stray files); see `maatwerk verify`"
            ),
        }
    }

    pub fn export_write_failed(self, error: &std::io::Error) -> String {
        match self {
            Self::Nl => {
                format!("kan de export niet schrijven: {error}; er is niets half weggeschreven")
            }
            Self::En => format!("cannot write the export: {error}; nothing was left half written"),
        }
    }

    pub fn export_done(self, records: usize, with_findings: usize, to: Option<&str>) -> String {
        let whither = match (self, to) {
            (Self::Nl, Some(file)) => format!(" naar {file}"),
            (Self::En, Some(file)) => format!(" to {file}"),
            (_, None) => String::new(),
        };
        match self {
            Self::Nl => format!(
                "{records} verantwoording(en) geëxporteerd{whither}; {with_findings} met een bevinding van verify"
            ),
            Self::En => format!(
                "{records} record(s) exported{whither}; {with_findings} with a finding of verify"
            ),
        }
    }

    /// The name of the records' sheet in a workbook.
    pub fn export_sheet(self) -> &'static str {
        self.pick("Verantwoordingen", "Records")
    }

    pub fn export_xlsx_needs_out(self) -> String {
        self.pick(
            "een XLSX-export gaat naar een bestand, niet naar de standaarduitvoer",
            "an XLSX export goes to a file, not to standard output",
        )
        .into()
    }

    pub fn export_xlsx_needs_out_help(self) -> String {
        self.pick(
            "geef het bestand met --out, bijvoorbeeld --out export.xlsx",
            "name the file with --out, for example --out export.xlsx",
        )
        .into()
    }

    /// The name of the signals' sheet in a workbook.
    pub fn export_signals_sheet(self) -> &'static str {
        self.pick("Signalen", "Signals")
    }

    pub fn export_signals_done(self, signals: usize, to: Option<&str>) -> String {
        let whither = match (self, to) {
            (Self::Nl, Some(file)) => format!(" naar {file}"),
            (Self::En, Some(file)) => format!(" to {file}"),
            (_, None) => String::new(),
        };
        match self {
            Self::Nl => format!("{signals} signaal/signalen geëxporteerd{whither}"),
            Self::En => format!("{signals} signal(s) exported{whither}"),
        }
    }

    /// Progress on standard error, redrawn in place.
    pub fn export_progress(self, records: usize) -> String {
        match self {
            Self::Nl => format!("Exporteren: {records} verantwoordingen geschreven"),
            Self::En => format!("Exporting: {records} records written"),
        }
    }

    pub fn export_zgw_needs(self) -> String {
        self.pick(
            "een ZGW-export heeft het RSIN van de organisatie en de URL van het besluittype nodig",
            "a ZGW export needs the organisation's RSIN and the URL of the decision type",
        )
        .into()
    }

    pub fn export_zgw_needs_help(self) -> String {
        self.pick(
            "geef --rsin 123456782 --besluittype-url 'https://…/catalogi/api/v1/besluittypen/{norm}' (en eventueel --zaak-url 'https://…/zaken/api/v1/zaken?identificatie={case}')",
            "give --rsin 123456782 --besluittype-url 'https://…/catalogi/api/v1/besluittypen/{norm}' (and if you like --zaak-url 'https://…/zaken/api/v1/zaken?identificatie={case}')",
        )
        .into()
    }

    /// How many records were left out of a ZGW export as no decision that
    /// took effect.
    pub fn export_not_besluiten(self, records: usize) -> String {
        match self {
            Self::Nl => format!(
                "{records} verantwoording(en) niet als besluit geëxporteerd: nooit van kracht geworden (nog ter beoordeling, teruggestuurd, afgewezen of vervangen door een herziening) of met een fout van verify"
            ),
            Self::En => format!(
                "{records} record(s) not exported as a Besluit: never took effect (still for review, returned, rejected or replaced by a revision) or with an error of verify"
            ),
        }
    }

    pub fn out_protected(self, path: &str) -> String {
        match self {
            Self::Nl => format!(
                "{path} is beveiligd tegen schrijven; er is niets veranderd. Haal de beveiliging weg of kies een ander bestand"
            ),
            Self::En => format!(
                "{path} is protected against writing; nothing was changed. Remove the protection or choose another file"
            ),
        }
    }

    pub fn out_in_store(self, path: &str, store: &str) -> String {
        match self {
            Self::Nl => format!(
                "{path} ligt in de store ({store}); daar hoort alleen wat maatwerk zelf schrijft. Kies een bestand buiten de store"
            ),
            Self::En => format!(
                "{path} is inside the store ({store}), which holds only what maatwerk itself writes. Choose a file outside the store"
            ),
        }
    }

    pub fn export_not_a_workbook(self, path: &str) -> String {
        match self {
            Self::Nl => format!(
                "{path} heet een werkmap, maar --format vraagt iets anders; geef --format xlsx of een andere bestandsnaam"
            ),
            Self::En => format!(
                "{path} is named as a workbook, but --format asks for something else; give --format xlsx or another file name"
            ),
        }
    }

    pub fn out_is_dir(self, path: &str) -> String {
        match self {
            Self::Nl => format!("{path} is een map; geef een bestandsnaam"),
            Self::En => format!("{path} is a directory; give a file name"),
        }
    }

    pub fn export_bad_rsin(self, given: &str) -> String {
        match self {
            Self::Nl => format!(
                "--rsin '{given}': het RSIN is negen cijfers die de elfproef doorstaan, zoals het Handelsregister het geeft"
            ),
            Self::En => format!(
                "--rsin '{given}': the RSIN is nine digits that pass the eleven test, as the trade register gives it"
            ),
        }
    }

    pub fn export_bad_url(
        self,
        flag: &str,
        given: &str,
        problem: &crate::domain::export::zgw::UrlProblem,
    ) -> String {
        use crate::domain::export::zgw::UrlProblem as P;
        let why = match (self, problem) {
            (Self::Nl, P::NotUrl) => {
                "dat is geen URL die met https:// of http:// begint".to_owned()
            }
            (Self::En, P::NotUrl) => "that is no URL starting with https:// or http://".to_owned(),
            (Self::Nl, P::UnknownPlaceholder(p)) => {
                format!("{p} wordt niet ingevuld; gebruik {{norm}}, {{version}} of {{case}}")
            }
            (Self::En, P::UnknownPlaceholder(p)) => {
                format!("{p} is not filled in; use {{norm}}, {{version}} or {{case}}")
            }
            (Self::Nl, P::Missing(p)) => {
                format!("zonder {p} krijgt elk besluit dezelfde URL; zet {p} waar het hoort")
            }
            (Self::En, P::Missing(p)) => {
                format!("without {p} every decision gets the same URL; put {p} where it goes")
            }
        };
        format!("{flag} '{given}': {why}")
    }
}
