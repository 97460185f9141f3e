//! Dutch texts for `--help`. The English texts are the doc comments on the
//! argument structs in `src/cli`, so they cannot drift from the code; each
//! entry here is keyed by command path and argument id.

use super::Lang;

impl Lang {
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
            "maatwerk norms check" => {
                "Controleer normbestanden en meld alle problemen tegelijk, elk met bestand:regel:kolom, de regel zelf, wat er mis is en hoe het op te lossen. Eindigt met code 1 als een bestand een fout bevat"
            }
            _ => return None,
        })
    }

    /// Help for one argument of a command; `None` keeps the English text.
    pub fn help_arg(self, id: &str) -> Option<&'static str> {
        if self == Self::En {
            return None;
        }
        Some(match id {
            "norms" => {
                "Map met de afgesproken normen [standaard: ./norms als die bestaat, anders de ingebouwde normen]"
            }
            "lang" => {
                "Taal van de interface: nl of en [standaard: uit LC_ALL/LANG: Nederlands bij nl*, anders Engels]"
            }
            "color" => {
                "Wanneer kleur te gebruiken: auto (op een terminal, tenzij NO_COLOR is gezet), always of never"
            }
            "all" => {
                "Toon ook concept-, ingetrokken en verlopen normen, met de reden waarom ze niet kunnen worden gekozen"
            }
            "on" => "Antwoord voor deze datum in plaats van vandaag (JJJJ-MM-DD)",
            "json" => "Uitvoer als JSON",
            "id" => "De id van de norm (zie `maatwerk norms list --all`)",
            "paths" => "Normbestanden of mappen daarmee [standaard: de normen in gebruik]",
            "help" => "Toon deze hulp",
            "version" => "Toon de versie",
            _ => return None,
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
