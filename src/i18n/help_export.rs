//! Dutch texts for `maatwerk export --help` and `maatwerk report --help`:
//! what auditors and policy officers read.

use super::Lang;

impl Lang {
    pub(super) fn help_about_export(path: &str) -> Option<&'static str> {
        Some(match path {
            "maatwerk export" => {
                "Exporteer de verantwoordingen voor de accountant of controller: één rij per verantwoording met haar status, geschiedenis en de uitkomst van verify, als CSV, JSON Lines, Excel-werkmap of ZGW-besluiten; geanonimiseerd op verzoek"
            }
            "maatwerk report" => {
                "Het leerrapport: van welke regels wordt afgeweken, hoe vaak en met welke uitkomst, hoe lang beoordeling duurt, waar geen norm past en welke normen ongebruikt blijven; met aandachtspunten waar een regel steeds opnieuw wordt losgelaten. Alleen aantallen: geen zaken, geen namen"
            }
            _ => return None,
        })
    }

    pub(super) fn help_arg_export(path: &str, id: &str) -> Option<&'static str> {
        Some(match (path, id) {
            ("maatwerk export", "format") => {
                "Het formaat: csv, jsonl, xlsx (alleen met --out) of zgw (Besluit-objecten van de ZGW Besluiten API)"
            }
            ("maatwerk export", "out") => {
                "Schrijf naar dit bestand (eerst naar een tijdelijk bestand ernaast, dan hernoemd) [standaard: de standaarduitvoer]"
            }
            ("maatwerk export", "from") => "Alleen besluiten op of na deze datum",
            ("maatwerk export", "to") => "Alleen besluiten op of vóór deze datum",
            ("maatwerk export", "norm") => "Alleen verantwoordingen die op deze norm steunen",
            ("maatwerk export", "author") => "Alleen verantwoordingen van deze principal",
            ("maatwerk export", "status") => {
                "Alleen besluiten met deze status: decided, for-review, approved, returned, rejected, superseded, withdrawn, expired"
            }
            ("maatwerk export", "case") => "Alleen verantwoordingen voor dit zaaknummer",
            ("maatwerk export", "anonymised") => {
                "Geanonimiseerd: zaaknummers als token (met een sleutel per export), personen als hun rol, vrije tekst weggelaten"
            }
            ("maatwerk export", "anonymise_key") => {
                "De sleutel voor de tokens (64 hexadecimale tekens), om dezelfde tokens te krijgen als in een eerdere export [standaard: een nieuwe, die eenmaal wordt getoond]"
            }
            ("maatwerk export", "with_text") => {
                "Ook in een geanonimiseerde export de vrije tekst: motivering, tekstantwoorden, opmerkingen"
            }
            ("maatwerk export", "signals") => {
                "Exporteer de signalen (waar geen norm paste) in plaats van de verantwoordingen; een werkmap heeft ze altijd op een eigen blad"
            }
            ("maatwerk export", "rsin") => {
                "Voor --format zgw: het RSIN van de organisatie die de besluiten neemt (negen cijfers)"
            }
            ("maatwerk export", "besluittype_url") => {
                "Voor --format zgw: de URL van het BESLUITTYPE van een norm in de Catalogi API, met {norm} (en {version}) waar de norm komt"
            }
            ("maatwerk export", "zaak_url") => {
                "Voor --format zgw: de URL van een zaak in de Zaken API, met {case} waar het zaaknummer komt [standaard: geen zaak genoemd]"
            }
            ("maatwerk export", "strict") => {
                "Exporteer niets, en eindig met code 1, als verify iets vindt"
            }
            ("maatwerk export", "delimiter") => {
                "Het scheidingsteken in CSV: , of ; (voor Nederlandse Excel; getallen dan met een decimale komma)"
            }
            ("maatwerk export", "bom") => {
                "Zet een UTF-8-bytevolgordemarkering vooraan de CSV, waaraan Excel de codering herkent"
            }
            ("maatwerk export" | "maatwerk report", "expect_root") => {
                "De vingerafdruk van het vertrouwensanker dat u verwacht (SHA256:…), zoals `maatwerk init` die toonde; een opslag met een ander anker geldt als niet geverifieerd [standaard: het anker dat de opslag zelf noemt, met een opmerking]"
            }
            ("maatwerk report", "from") => {
                "De eerste besluitdatum die meetelt [standaard: twaalf maanden vóór --to]"
            }
            ("maatwerk report", "to") => "De laatste besluitdatum die meetelt [standaard: vandaag]",
            ("maatwerk report", "html") => {
                "Schrijf het rapport ook als één HTML-bestand dat op zichzelf staat (geen scripts, niets van buiten; drukt af op A4)"
            }
            ("maatwerk report", "flag_rule") => {
                "Markeer een regel waarvan in de twaalf maanden tot en met --to minstens zo vaak is afgeweken"
            }
            ("maatwerk report", "flag_signals") => {
                "Markeer een domein met minstens zoveel signalen in de periode"
            }
            _ => return None,
        })
    }
}
