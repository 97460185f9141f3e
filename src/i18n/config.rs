//! Configuration, paths and files: what is wrong with the flags and the
//! environment, and with reading or writing a file.

use std::io;

use super::Lang;

impl Lang {
    /// What went wrong reading or writing a file, in the reader's language
    /// for what people meet; the system's own words otherwise.
    pub fn io_problem(self, error: &io::Error) -> String {
        use io::ErrorKind as K;
        let known = match error.kind() {
            K::NotFound => Some(self.pick("bestaat niet", "does not exist")),
            K::PermissionDenied => Some(self.pick("geen toegang", "permission denied")),
            K::AlreadyExists => Some(self.pick("bestaat al", "already exists")),
            K::IsADirectory => Some(self.pick("is een map", "is a directory")),
            K::NotADirectory => Some(self.pick("is geen map", "is not a directory")),
            K::InvalidData => Some(self.pick("is geen tekst (UTF-8)", "is not text (UTF-8)")),
            K::StorageFull => Some(self.pick("de schijf is vol", "the disk is full")),
            K::ReadOnlyFilesystem => Some(self.pick(
                "het bestandssysteem is alleen-lezen",
                "the file system is read-only",
            )),
            _ => None,
        };
        known.map_or_else(|| error.to_string(), str::to_owned)
    }

    pub fn bad_sync_warn(self, value: &str) -> String {
        match self {
            Self::Nl => format!(
                "MAATWERK_SYNC_WARN_AFTER={value:?} is geen duur; schrijf bijvoorbeeld 8h, 24h of 3d"
            ),
            Self::En => format!(
                "MAATWERK_SYNC_WARN_AFTER={value:?} is not a duration; write for example 8h, 24h or 3d"
            ),
        }
    }

    pub fn bad_clock(self, value: &str) -> String {
        match self {
            Self::Nl => format!(
                "MAATWERK_NOW={value:?} is geen RFC 3339-tijdstip zoals 2026-11-23T09:30:00Z"
            ),
            Self::En => format!(
                "MAATWERK_NOW={value:?} is not an RFC 3339 timestamp such as 2026-11-23T09:30:00Z"
            ),
        }
    }

    pub fn bad_lang(self, value: &str) -> String {
        match self {
            Self::Nl => format!("MAATWERK_LANG={value:?}: kies `nl` of `en`"),
            Self::En => format!("MAATWERK_LANG={value:?}: choose `nl` or `en`"),
        }
    }

    pub fn bad_date_arg(self, flag: &str, text: &str) -> String {
        match self {
            Self::Nl => format!("{flag} `{text}`: is geen datum (JJJJ-MM-DD)"),
            Self::En => format!("{flag} `{text}`: is not a date (YYYY-MM-DD)"),
        }
    }

    pub fn bad_moment_arg(self, flag: &str, text: &str) -> String {
        match self {
            Self::Nl => {
                format!("{flag} `{text}`: is geen datum (JJJJ-MM-DD) of tijdstip (RFC 3339)")
            }
            Self::En => {
                format!("{flag} `{text}`: is not a date (YYYY-MM-DD) or timestamp (RFC 3339)")
            }
        }
    }

    pub fn norms_dir_missing(self, dir: &str) -> String {
        match self {
            Self::Nl => format!("de normmap `{dir}` bestaat niet of is geen map"),
            Self::En => format!("the norms directory `{dir}` does not exist or is not a directory"),
        }
    }

    pub fn norms_dir_missing_help(self) -> String {
        self.pick(
            "geef een bestaande map met --norms of MAATWERK_NORMS, of laat beide weg om ./norms of de ingebouwde normen te gebruiken",
            "name an existing directory with --norms or MAATWERK_NORMS, or leave both out to use ./norms or the bundled norms",
        )
        .to_owned()
    }

    pub fn no_home(self) -> String {
        self.pick(
            "kan de map van de gebruiker niet bepalen; geef --store en --key op",
            "cannot find the user's directories; give --store and --key",
        )
        .into()
    }

    pub fn cannot_list(self, path: &str, error: &std::io::Error) -> String {
        let error = self.io_problem(error);
        match self {
            Self::Nl => format!("kan `{path}` niet lezen: {error}"),
            Self::En => format!("cannot read `{path}`: {error}"),
        }
    }

    pub fn cannot_write(self, path: &str, error: &std::io::Error) -> String {
        let error = self.io_problem(error);
        match self {
            Self::Nl => format!("kan `{path}` niet schrijven: {error}"),
            Self::En => format!("cannot write `{path}`: {error}"),
        }
    }
}
