//! Dutch texts for `--help`. The English texts are the doc comments on the
//! argument structs in `src/cli`, so they cannot drift from the code; each
//! entry here is keyed by command path and argument id.

use super::Lang;

impl Lang {
    /// The heading of the options every command has.
    pub fn global_options_heading(self) -> &'static str {
        self.pick("Algemene opties", "Global options")
    }

    /// What a command does, for `--help`; `None` keeps the English text.
    pub fn help_about(self, path: &str) -> Option<&'static str> {
        if self == Self::En {
            return None;
        }
        Some(match path {
            "maatwerk" => {
                "Leg een maatwerkbesluit vast dat afwijkt van een standaardregel, gebonden aan de afgesproken norm waarop het steunt, en onderteken het.\n\nZonder opdracht: de normen die vandaag bruikbaar zijn, en hoe u verder gaat."
            }
            "maatwerk norms" => "Afgesproken normen tonen, lezen en controleren",
            "maatwerk norms list" => {
                "Toon de afgesproken normen: standaard de normen waarop een nieuw besluit vandaag mag steunen"
            }
            "maatwerk norms show" => {
                "Toon één norm volledig, zoals een consulent hem leest: de regel, de grondslag, de bedoeling, de controlevragen, de bewijsstukken en het mandaat"
            }
            "maatwerk norms adopt" => {
                "Neem normen op in de opslag: een ondertekende verklaring dat precies deze versie van de norm mag worden gebruikt, vanaf haar valid_from. Alleen normen met status `vastgesteld` kunnen worden opgenomen; de norm komt uit de normen in gebruik (`--norms`). U moet normen mogen opnemen (standaard afdelingshoofd of beheerder). Toont het id van de opname"
            }
            "maatwerk norms withdraw" => {
                "Trek een norm in de opslag in: vanaf de gegeven datum mag geen besluit er meer op steunen. Ondertekend; u moet normen mogen opnemen. Toont het id van de intrekking"
            }
            "maatwerk norms check" => {
                "Controleer normbestanden en meld alle problemen tegelijk, elk met bestand:regel:kolom, de regel zelf, wat er mis is en hoe het op te lossen. Eindigt met code 1 als een bestand een fout bevat"
            }
            "maatwerk new" => {
                "Leg een ondertekend besluit vast: met de doorloop op het scherm, of vanuit een antwoordenbestand voor scripts. Toont alleen het id van de nieuwe verantwoording, voor scripts en het zaakdossier"
            }
            "maatwerk show" => {
                "Toon één verantwoording: het besluit, de norm waarop het steunt, de antwoorden, de motivering, wie ondertekende en of de handtekening klopt"
            }
            "maatwerk list" => {
                "Toon de verantwoordingen, nieuwste onderaan; filter op auteur, norm en besluitdatum"
            }
            "maatwerk verify" => {
                "Controleer elk bestand in de opslag: handtekeningen, ondertekenaars en hun rollen, de sleutelring tot het vertrouwensanker, de normkopieën en de keten van elke auteur. Eindigt met 0 als alles klopt en 1 als er iets mis is"
            }
            "maatwerk review" => {
                "Beoordeel verantwoordingen die ter beoordeling zijn opgesteld: zonder id opent de inbox met wat op u wacht; met een id keurt u haar goed, stuurt u haar met opmerkingen terug naar de auteur, of wijst u haar af. Ondertekend; u beoordeelt nooit uw eigen verantwoording, en uw rol moet reiken tot de rol die de norm vraagt"
            }
            "maatwerk reviews" => {
                "Toon de verantwoordingen die op uw beoordeling wachten, oudste eerst, met hoe lang ze wachten en waarom ze beoordeling vragen. Zonder sleutel in de sleutelring (of met --all): alle verantwoordingen die op beoordeling wachten"
            }
            "maatwerk withdraw" => {
                "Trek een besluit in: vanaf nu geldt het niet meer. Ondertekend door de auteur, door wie het beoordeelde, of door wie in de norm boven de auteur staat. Toont het id van de intrekking"
            }
            "maatwerk completions" => {
                "Toon een script dat de opdrachten van maatwerk aanvult in de shell, bijvoorbeeld `maatwerk completions bash > ~/.local/share/bash-completion/completions/maatwerk`"
            }
            "maatwerk man" => {
                "Toon de handleiding (roff), bijvoorbeeld `maatwerk man > ~/.local/share/man/man1/maatwerk.1`"
            }
            "maatwerk due" => {
                "Toon wat afgehandeld moet worden: besluiten die volgens hun norm opnieuw beoordeeld moeten worden (review_after), ook te late, en afwijkingen waarvan de looptijd binnenkort eindigt; eerstvolgende eerst"
            }
            "maatwerk signal" => {
                "Meld een signaal: een ondertekende notitie dat geen afgesproken norm past bij een zaak die er een nodig heeft, voor de beleidseigenaar. Toont het id van het signaal"
            }
            "maatwerk signals" => {
                "Toon de signalen: zaken waarvoor geen afgesproken norm paste, nieuwste onderaan"
            }
            "maatwerk drafts" => {
                "Toon niet-ondertekende concepten van de doorloop, of gooi er een weg. Concepten zijn werkversies: nooit ondertekend, nooit geëxporteerd, nooit in de opslag"
            }
            "maatwerk init" => {
                "Maak een nieuwe opslag voor verantwoordingen en sleutelring, met u als eerste beheerder: het vertrouwensanker waar elke handtekening op terugvoert. Toont de vingerafdruk daarvan, die auditors vastleggen met `verify --expect-root`"
            }
            "maatwerk sync" => {
                "Deel de opslag met het team via git: haal op wat de anderen toevoegden, controleer het voordat het wordt overgenomen, voeg het samen met wat hier werd ondertekend, verifieer en verstuur. De eerste keer met --remote. Eindigt met 1 als wat binnenkwam werd geweigerd; de opslag blijft dan zoals hij was"
            }
            "maatwerk clone" => {
                "Maak een kopie van de opslag van een team vanaf zijn remote, om in te werken: elk bestand wordt gecontroleerd voordat het wordt geschreven en de kopie wordt geverifieerd; wat u erin ondertekent, komt op een keten van dit apparaat. In --store, of de standaardopslag"
            }
            "maatwerk checkpoint" => {
                "Onderteken een checkpoint: waar elke keten van de opslag nu staat — de verantwoordingen, beoordelingen, intrekkingen en steekproeven van elke auteur, de sleutelring, de opnames en de signalen — met u als getuige (teamleider, afdelingshoofd, controller of beheerder). Wie daarna iets verwijdert wat het noemt, of een bestand van vóór het checkpoint dateert, wordt gevonden door verify. Toont het id van het checkpoint"
            }
            "maatwerk keys" => "Uw eigen sleutel maken of beheren",
            "maatwerk keys new" => {
                "Maak een nieuw OpenSSH ed25519-sleutelpaar om mee te ondertekenen, versleuteld met een wachtwoordzin tenzij --no-passphrase"
            }
            "maatwerk keyring" => "De mensen, rollen en publieke sleutels van het team",
            "maatwerk keyring add" => {
                "Voeg iemand toe aan de sleutelring, of wijzig rol, sleutel of naam (`--change`). Ondertekend met uw sleutel; u moet beheerder zijn"
            }
            "maatwerk keyring revoke" => {
                "Trek iemands recht om te ondertekenen in, vanaf nu of vanaf een gegeven moment. Ondertekend met uw sleutel; u moet beheerder zijn"
            }
            "maatwerk keyring list" => {
                "Toon wie mag ondertekenen, in welke rol, met welke sleutel en wanneer"
            }
            "maatwerk keyring allowed-signers" => {
                "Maak een OpenSSH allowed_signers-bestand waarmee `ssh-keygen -Y verify` precies de handtekeningen aanvaardt die `maatwerk verify` aanvaardt"
            }
            _ => return Self::help_about_export(path),
        })
    }

    /// Help for argument `id` of the command at `path`; `None` keeps the
    /// English text.
    pub fn help_arg(self, path: &str, id: &str) -> Option<&'static str> {
        if self == Self::En {
            return None;
        }
        Some(match (path, id) {
            (_, "norms") => {
                "Map met de afgesproken normen (ook `MAATWERK_NORMS`) [standaard: ./norms als die bestaat, anders de ingebouwde normen]"
            }
            (_, "lang") => {
                "Taal van de interface: nl of en (ook `MAATWERK_LANG`) [standaard: uit LC_ALL/LANG: Nederlands bij nl*, anders Engels]"
            }
            (_, "color") => {
                "Wanneer kleur te gebruiken: auto (op een terminal, tenzij NO_COLOR is gezet), always of never"
            }
            (_, "store") => {
                "De opslag met verantwoordingen en sleutelring (ook `MAATWERK_STORE`) [standaard: `maatwerk/store` in de gegevensmap van de gebruiker]"
            }
            (_, "key") => {
                "De OpenSSH ed25519-privésleutel om mee te ondertekenen (ook `MAATWERK_KEY`); de wachtwoordzin van een versleutelde sleutel wordt gevraagd, of gelezen uit het bestand dat `MAATWERK_PASSPHRASE_FILE` noemt. Een publieke sleutel (`.pub`) ondertekent via de ssh-agent op `SSH_AUTH_SOCK` die de privésleutel vasthoudt [standaard: `maatwerk/id_ed25519` in de configuratiemap van de gebruiker]"
            }
            (_, "json") => "Uitvoer als JSON",
            (_, "help") => "Toon deze hulp",
            (_, "version") => "Toon de versie",
            ("maatwerk norms list", "all") => {
                "Toon ook concept-, ingetrokken en verlopen normen, met de reden waarom ze niet kunnen worden gekozen"
            }
            ("maatwerk norms withdraw", "on") => {
                "Vanaf wanneer geen besluit meer op de norm mag steunen (JJJJ-MM-DD, vandaag of later)"
            }
            ("maatwerk norms withdraw", "reason") => "Waarom, voor het dossier",
            ("maatwerk norms withdraw", "id") => "De id van de opgenomen norm",
            ("maatwerk norms adopt", "ids") => "De id's van de normen die worden vastgesteld",
            ("maatwerk norms adopt", "all") => {
                "Elke norm in gebruik die in zijn bestand is vastgesteld en vandaag geldt"
            }
            (_, "on") => "Antwoord voor deze datum in plaats van vandaag (JJJJ-MM-DD)",
            ("maatwerk norms show", "id") => "De id van de norm (zie `maatwerk norms list --all`)",
            ("maatwerk show", "id") => {
                "Het id van de verantwoording, bijvoorbeeld MW-20261123-K7QF2XAB"
            }
            ("maatwerk norms check", "paths") => {
                "Normbestanden of mappen daarmee [standaard: de normen in gebruik]"
            }
            ("maatwerk new", "norm") => {
                "De id van de afgesproken norm waarop het besluit steunt (verplicht bij --answers, tenzij --revises of --extends; in de doorloop slaat het de keuze over)"
            }
            ("maatwerk new", "resume") => {
                "Ga verder met een concept van de doorloop: het meest recente, of dat met dit id (zie `maatwerk drafts`)"
            }
            ("maatwerk new", "answers") => {
                "De antwoorden: zaaknummer, antwoorden op de controlevragen, motivering en looptijd (zie examples/answers/); zonder opent de doorloop"
            }
            ("maatwerk list", "author") => "Alleen verantwoordingen van deze principal",
            ("maatwerk list", "norm") => "Alleen verantwoordingen die op deze norm steunen",
            ("maatwerk list", "from") => "Alleen besluiten op of na deze datum",
            ("maatwerk list", "to") => "Alleen besluiten op of vóór deze datum",
            ("maatwerk sync", "remote") => {
                "De remote waarlangs de opslag gedeeld wordt: een pad, file://… of ssh://…; onthouden zodra een sync ermee lukte"
            }
            ("maatwerk sync", "url") => "Hetzelfde als --remote URL",
            ("maatwerk sync", "no_checkpoint") => {
                "Maak geen checkpoint, ook niet als u getuige mag zijn (teamleider, afdelingshoofd, controller, beheerder) en er sinds uw vorige iets veranderde"
            }
            ("maatwerk clone", "url") => {
                "Waar de opslag gedeeld wordt: een pad, file://… of ssh://…"
            }
            ("maatwerk clone", "expect_root") => {
                "De vingerafdruk van het vertrouwensanker die u kreeg (SHA256:…); een opslag met een ander anker wordt geweigerd"
            }
            ("maatwerk verify", "expect_root") => {
                "De vingerafdruk van het vertrouwensanker die u verwacht (SHA256:…), zoals `maatwerk init` die toonde; elk ander anker is een bevinding"
            }
            ("maatwerk signal", "case") => "Het zaaknummer — nooit een BSN",
            ("maatwerk signal", "text") => {
                "Wat de zaak nodig heeft en waarom geen afgesproken norm past (minstens 20 tekens)"
            }
            ("maatwerk signal", "norm") => "De norm die is geprobeerd en de zaak niet dekte",
            ("maatwerk signal", "check") => "De check van die norm waaraan niet werd voldaan",
            ("maatwerk drafts", "discard") => "Gooi het concept met dit id weg",
            ("maatwerk signals", "norm") => "Alleen signalen over deze norm",
            _ => return Self::help_arg_reviews(path, id),
        })
    }

    /// Dutch help for the arguments of the commands about keys, the keyring
    /// and the store.
    /// Arguments of reviewing and the life of a decision.
    fn help_arg_reviews(path: &str, id: &str) -> Option<&'static str> {
        Some(match (path, id) {
            ("maatwerk list", "status") => {
                "Alleen besluiten met deze status: decided, for-review, approved, returned, rejected, superseded, withdrawn, expired"
            }
            ("maatwerk due", "within") => "Hoe ver vooruit, als ISO 8601-periode (P30D, P2M)",
            ("maatwerk completions", "shell") => "De shell waarin wordt aangevuld",
            ("maatwerk list", "case") => "Alleen verantwoordingen voor dit zaaknummer",
            ("maatwerk new", "extends") => {
                "Verleng een besluit: de nieuwe verantwoording zet het voort, haar looptijd begint de dag na het einde van de vorige, binnen wat de norm aan verlengingen toestaat. Zonder --answers begint de doorloop met zijn antwoorden"
            }
            ("maatwerk new", "revises") => {
                "Herzie een teruggestuurde verantwoording: de nieuwe noemt haar en vervangt haar (zelfde zaak; de norm is die van de herziene, tenzij --norm anders zegt). Zonder --answers begint de doorloop met haar antwoorden"
            }
            ("maatwerk review", "id") => {
                "Het id van de verantwoording, bijvoorbeeld MW-20261123-K7QF2XAB (met --approve, --return of --reject); zonder opent de inbox"
            }
            ("maatwerk withdraw", "id") => {
                "Het id van de verantwoording, bijvoorbeeld MW-20261123-K7QF2XAB"
            }
            ("maatwerk review", "sample") => {
                "Trek een steekproef uit de besluiten die binnen mandaat zijn genomen voor een tweede blik, bijvoorbeeld 10%: toont hun id's en ondertekent de trekking"
            }
            ("maatwerk review", "seed") => {
                "De seed (startwaarde) van de trekking: dezelfde seed op dezelfde opslag trekt dezelfde besluiten"
            }
            ("maatwerk review", "from") => "Alleen besluiten op of na deze datum (met --sample)",
            ("maatwerk review", "to") => "Alleen besluiten op of vóór deze datum (met --sample)",
            ("maatwerk review", "approve") => "Het besluit mag worden genomen zoals opgesteld",
            ("maatwerk review", "return_") => {
                "Terug naar de auteur om te herzien (een opmerking is verplicht)"
            }
            ("maatwerk review", "reject") => {
                "Het besluit wordt niet genomen (een opmerking is verplicht)"
            }
            ("maatwerk review", "comment") => "De opmerking voor de auteur",
            ("maatwerk review", "comment_file") => "Een bestand met de opmerking",
            ("maatwerk reviews", "all") => {
                "Alle verantwoordingen die op beoordeling wachten, niet alleen die u mag beoordelen"
            }
            ("maatwerk withdraw", "reason") => {
                "Waarom het besluit niet meer staat (minstens 10 tekens)"
            }
            _ => return Self::help_arg_keys(path, id),
        })
    }

    fn help_arg_keys(path: &str, id: &str) -> Option<&'static str> {
        Some(match (path, id) {
            ("maatwerk init", "principal") => "Uw principal: een vaste naam zoals uw e-mailadres",
            ("maatwerk init", "name") => "Uw naam zoals die op uw handtekeningen staat",
            ("maatwerk init", "role") => {
                "Uw rol in het mandaat (consulent, teamleider, …); de sleutelring beheert u hoe dan ook"
            }
            ("maatwerk keys new", "out") => {
                "Waar de privésleutel komt; de publieke sleutel komt ernaast met `.pub` [standaard: --key, anders `maatwerk/id_ed25519` in de configuratiemap]"
            }
            ("maatwerk keys new", "no_passphrase") => {
                "Versleutel de privésleutel niet (alleen voor sleutels op een versleutelde schijf of in testopstellingen)"
            }
            ("maatwerk keys new", "comment") => {
                "Opmerking in de sleutel, meestal uw principal (e-mailadres)"
            }
            ("maatwerk keyring add", "principal") => {
                "Diens principal, bijvoorbeeld het e-mailadres"
            }
            ("maatwerk keyring add", "name") => "Diens naam zoals die op handtekeningen staat",
            ("maatwerk keyring add", "role") => {
                "Diens rol; een van de rollen in de configuratie van de opslag"
            }
            ("maatwerk keyring add", "public_key") => {
                "Diens publieke sleutel: een regel `ssh-ed25519 AAAA…` of een .pub-bestand"
            }
            ("maatwerk keyring add", "valid_from") => {
                "Vanaf wanneer (datum of RFC 3339-tijdstip) [standaard: nu]"
            }
            ("maatwerk keyring add", "valid_until") => {
                "Tot wanneer, exclusief (datum of RFC 3339-tijdstip)"
            }
            ("maatwerk keyring add", "beheerder") => {
                "Of diegene naast de rol ook de sleutelring mag beheren (`true` of `false`; bij --change blijft het zonder deze optie zoals het was)"
            }
            ("maatwerk keyring add", "change") => {
                "Wijzig een bestaand lid in plaats van iemand toe te voegen"
            }
            ("maatwerk keyring revoke", "principal") => {
                "De principal wiens recht wordt ingetrokken"
            }
            ("maatwerk keyring revoke", "reason") => "Waarom, voor het dossier",
            ("maatwerk keyring revoke", "from") => {
                "Vanaf wanneer (datum of RFC 3339-tijdstip) [standaard: nu]"
            }
            _ => return Self::help_arg_export(path, id),
        })
    }

    /// Headings of the help screen: usage, commands, options, arguments.
    pub fn help_headings(self) -> Option<[&'static str; 4]> {
        match self {
            Self::Nl => Some(["Gebruik:", "Opdrachten", "Opties", "Argumenten"]),
            Self::En => None,
        }
    }
}
