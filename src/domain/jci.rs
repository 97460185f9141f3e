//! References to law: Juriconnect identifiers for national law (BWB) and CVDR
//! identifiers for local rules (verordeningen, beleidsregels).
//!
//! A Juriconnect identifier such as `jci1.3:c:BWBR0015703&artikel=41&lid=4`
//! names one provision of one consolidated regulation; appending `&g=DATE`
//! pins the text that applied on that date. wetten.overheid.nl resolves them.

use std::fmt::{self, Write as _};
use std::str::FromStr;

use jiff::civil::Date;

/// Location parameters the Juriconnect BWB standard defines, in the order they
/// nest. `g` and `z` are the validity and view dates.
const LOCATION_KEYS: &[&str] = &[
    "boek",
    "deel",
    "titel",
    "titeldeel",
    "hoofdstuk",
    "afdeling",
    "paragraaf",
    "sub-paragraaf",
    "artikel",
    "lid",
    "onderdeel",
    "sub",
    "bijlage",
];
const DATE_KEYS: &[&str] = &["g", "z"];

/// A syntactically valid Juriconnect reference to a BWB regulation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jci {
    raw: String,
    bwb_id: String,
    params: Vec<(String, String)>,
}

/// Why a text is not a usable Juriconnect identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JciError {
    #[error("does not start with `jci1.3:c:` (or another jci version and type)")]
    Prefix,
    #[error("unknown Juriconnect version `{0}`")]
    Version(String),
    #[error("unknown reference type `{0}`, expected `c` (consolidated text)")]
    Kind(String),
    #[error("`{0}` is not a BWB id (BWBR or BWBV followed by 7 digits)")]
    BwbId(String),
    #[error("`{0}` is not a `key=value` parameter")]
    Param(String),
    #[error("unknown parameter `{key}`")]
    UnknownParam {
        key: String,
        suggestion: Option<String>,
    },
    #[error("parameter `{0}` appears twice")]
    DuplicateParam(String),
    #[error("parameter `{0}` has no value")]
    EmptyValue(String),
    #[error("`{key}={value}` is not a date (YYYY-MM-DD)")]
    Date { key: String, value: String },
    #[error("`lid` needs an `artikel`")]
    LidWithoutArtikel,
    #[error("contains white space")]
    Whitespace,
    /// A link to the law (a wetten.overheid.nl address, or the `1.0:v:`
    /// form CVDR uses) where the identifier belongs: what it converts to.
    #[error("a link, not a Juriconnect identifier; did you mean `{0}`?")]
    Link(String),
}

/// The Juriconnect identifier a link to the law stands for, when it is one:
/// `https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=41`,
/// `https://wetten.overheid.nl/BWBR0015703/2026-01-01#Artikel41`, or
/// `1.0:v:BWBR0015703&artikel=41` as CVDR writes its references.
pub fn from_link(text: &str) -> Option<String> {
    let text = text.trim();
    let path = ["https://", "http://"]
        .iter()
        .find_map(|scheme| text.strip_prefix(scheme))
        .map(|rest| rest.strip_prefix("www.").unwrap_or(rest))
        .and_then(|rest| rest.strip_prefix("wetten.overheid.nl/"));
    if let Some(path) = path {
        if path.starts_with("jci") {
            return Some(path.to_owned());
        }
        let (path, fragment) = path.split_once('#').unwrap_or((path, ""));
        let bwb = path
            .split('/')
            .find(|s| !s.is_empty())
            .filter(|s| is_bwb_id(s))?;
        let mut jci = format!("jci1.3:c:{bwb}");
        // The article named last in the fragment (`Hoofdstuk3_Artikel41`).
        if let Some(article) = fragment
            .split('_')
            .rev()
            .find_map(|part| part.strip_prefix("Artikel"))
            .filter(|a| !a.is_empty() && a.chars().all(|c| c.is_ascii_alphanumeric() || c == '.'))
        {
            let _ = write!(jci, "&artikel={article}");
        }
        // The version date in the address is not kept: a record pins its
        // basis to its own decision date.
        return Some(jci);
    }
    let rest = text
        .strip_prefix("jci1.0:v:")
        .or_else(|| text.strip_prefix("1.0:v:"))?;
    rest.split('&').next().filter(|id| is_bwb_id(id))?;
    Some(format!("jci1.3:c:{rest}"))
}

impl FromStr for Jci {
    type Err = JciError;

    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        if let Some(converted) = from_link(raw) {
            return Err(JciError::Link(converted));
        }
        if raw.chars().any(char::is_whitespace) {
            return Err(JciError::Whitespace);
        }
        let rest = raw.strip_prefix("jci").ok_or(JciError::Prefix)?;
        let (version, rest) = rest.split_once(':').ok_or(JciError::Prefix)?;
        if !matches!(version, "1.0" | "1.1" | "1.2" | "1.3") {
            return Err(JciError::Version(version.to_owned()));
        }
        let (kind, rest) = rest.split_once(':').ok_or(JciError::Prefix)?;
        if kind != "c" {
            return Err(JciError::Kind(kind.to_owned()));
        }
        let mut parts = rest.split('&');
        let bwb_id = parts.next().unwrap_or_default();
        if !is_bwb_id(bwb_id) {
            return Err(JciError::BwbId(bwb_id.to_owned()));
        }
        let mut params: Vec<(String, String)> = Vec::new();
        for part in parts {
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| JciError::Param(part.to_owned()))?;
            if !LOCATION_KEYS.contains(&key) && !DATE_KEYS.contains(&key) {
                return Err(JciError::UnknownParam {
                    key: key.to_owned(),
                    suggestion: crate::domain::suggest(key, LOCATION_KEYS.iter().chain(DATE_KEYS))
                        .map(str::to_owned),
                });
            }
            if value.is_empty() {
                return Err(JciError::EmptyValue(key.to_owned()));
            }
            if params.iter().any(|(k, _)| k == key) {
                return Err(JciError::DuplicateParam(key.to_owned()));
            }
            if DATE_KEYS.contains(&key) && !is_iso_date(value) {
                return Err(JciError::Date {
                    key: key.to_owned(),
                    value: value.to_owned(),
                });
            }
            params.push((key.to_owned(), value.to_owned()));
        }
        let has = |k: &str| params.iter().any(|(key, _)| key == k);
        if has("lid") && !has("artikel") {
            return Err(JciError::LidWithoutArtikel);
        }
        Ok(Self {
            raw: raw.to_owned(),
            bwb_id: bwb_id.to_owned(),
            params,
        })
    }
}

fn is_bwb_id(s: &str) -> bool {
    let Some(digits) = s.strip_prefix("BWBR").or_else(|| s.strip_prefix("BWBV")) else {
        return false;
    };
    digits.len() == 7 && digits.bytes().all(|b| b.is_ascii_digit())
}

fn is_iso_date(s: &str) -> bool {
    s.len() == 10 && s.parse::<Date>().is_ok()
}

impl Jci {
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    pub fn bwb_id(&self) -> &str {
        &self.bwb_id
    }

    fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The page on wetten.overheid.nl that shows this provision.
    pub fn url(&self) -> String {
        format!("https://wetten.overheid.nl/{}", self.raw)
    }

    /// The same reference pinned to the text in force on `date` (`&g=`),
    /// as a decision should cite it. An existing pin is replaced.
    #[must_use]
    pub fn pinned(&self, date: Date) -> Self {
        let mut params: Vec<(String, String)> = self
            .params
            .iter()
            .filter(|(k, _)| k != "g")
            .cloned()
            .collect();
        params.push(("g".to_owned(), date.to_string()));
        let mut raw = self.raw.split('&').next().unwrap_or_default().to_owned();
        for (k, v) in &params {
            raw.push('&');
            raw.push_str(k);
            raw.push('=');
            raw.push_str(v);
        }
        Self {
            raw,
            bwb_id: self.bwb_id.clone(),
            params,
        }
    }

    /// The regulation's citation title, when it is one the social domain
    /// cites often; otherwise `None` (then the BWB id stands for it).
    pub fn law_title(&self) -> Option<&'static str> {
        law_title(&self.bwb_id)
    }

    /// The location parameters (`artikel`, `lid`, …) in the order they
    /// nest, whatever order the identifier wrote them in.
    pub fn location(&self) -> impl Iterator<Item = (&'static str, &str)> {
        LOCATION_KEYS
            .iter()
            .filter_map(|key| self.param(key).map(|value| (*key, value)))
    }

    /// How Dutch law cites it: "Participatiewet, artikel 41 lid 4". Records
    /// are Dutch legal documents, so they carry this form whatever the
    /// interface language.
    pub fn citation(&self) -> String {
        self.label_with(dutch_part)
    }

    /// The citation with each location part named by `part` ("artikel",
    /// "article", …).
    pub fn label_with(&self, part: impl Fn(&str) -> &'static str) -> String {
        let law = self.law_title().unwrap_or(&self.bwb_id);
        let parts: Vec<String> = self
            .location()
            .map(|(key, value)| format!("{} {value}", part(key)))
            .collect();
        if parts.is_empty() {
            law.to_owned()
        } else {
            format!("{law}, {}", parts.join(" "))
        }
    }
}

/// The Dutch word for a location parameter, as citations write it.
fn dutch_part(key: &str) -> &'static str {
    match key {
        "boek" => "boek",
        "deel" => "deel",
        "titel" | "titeldeel" => "titel",
        "hoofdstuk" => "hoofdstuk",
        "afdeling" => "afdeling",
        "paragraaf" => "paragraaf",
        "sub-paragraaf" => "subparagraaf",
        "artikel" => "artikel",
        "lid" => "lid",
        "onderdeel" => "onderdeel",
        "sub" => "sub",
        "bijlage" => "bijlage",
        _ => "",
    }
}

impl fmt::Display for Jci {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl serde::Serialize for Jci {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

/// Citation titles of the regulations the social domain cites most.
fn law_title(bwb_id: &str) -> Option<&'static str> {
    Some(match bwb_id {
        "BWBR0005537" => "Algemene wet bestuursrecht",
        "BWBR0015703" => "Participatiewet",
        "BWBR0051679" => "Participatiewet in balans",
        "BWBR0035362" => "Wet maatschappelijke ondersteuning 2015",
        "BWBR0034925" => "Jeugdwet",
        "BWBR0031331" => "Wet gemeentelijke schuldhulpverlening",
        "BWBR0015711" => "Besluit bijstandverlening zelfstandigen 2004",
        _ => return None,
    })
}

/// A CVDR identifier of a local rule, optionally with its version suffix
/// (`CVDR719087` or `CVDR719087_2`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cvdr(String);

impl FromStr for Cvdr {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let digits = s.strip_prefix("CVDR").ok_or(())?;
        let (number, version) = match digits.split_once('_') {
            Some((n, v)) => (n, Some(v)),
            None => (digits, None),
        };
        let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if all_digits(number) && version.is_none_or(all_digits) {
            Ok(Self(s.to_owned()))
        } else {
            Err(())
        }
    }
}

impl Cvdr {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The page on lokaleregelgeving.overheid.nl.
    pub fn url(&self) -> String {
        format!("https://lokaleregelgeving.overheid.nl/{}", self.0)
    }
}

impl serde::Serialize for Cvdr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_the_law_convert_to_their_identifier() {
        for (link, jci) in [
            (
                "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=41&lid=4",
                "jci1.3:c:BWBR0015703&artikel=41&lid=4",
            ),
            (
                "https://wetten.overheid.nl/BWBR0015703/2026-01-01#Hoofdstuk3_Paragraaf3.1_Artikel41",
                "jci1.3:c:BWBR0015703&artikel=41",
            ),
            (
                "https://wetten.overheid.nl/BWBR0035362/2025-07-01/0",
                "jci1.3:c:BWBR0035362",
            ),
            (
                "1.0:v:BWBR0015703&artikel=35",
                "jci1.3:c:BWBR0015703&artikel=35",
            ),
            ("jci1.0:v:BWBR0015703", "jci1.3:c:BWBR0015703"),
        ] {
            assert_eq!(from_link(link).as_deref(), Some(jci), "{link}");
            assert!(jci.parse::<Jci>().is_ok(), "{jci}");
            assert_eq!(link.parse::<Jci>(), Err(JciError::Link(jci.to_owned())));
        }
        for other in [
            "jci1.3:c:BWBR0015703",
            "https://example.org/BWBR0015703",
            "1.0:v:CVDR1",
        ] {
            assert_eq!(from_link(other), None, "{other}");
        }
    }

    #[track_caller]
    fn err(s: &str) -> JciError {
        match s.parse::<Jci>() {
            Ok(jci) => panic!("{s} parsed as {jci:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn accepts_real_references() {
        for ok in [
            "jci1.3:c:BWBR0015703&artikel=41&lid=4",
            "jci1.3:c:BWBR0005537&artikel=4:84",
            "jci1.3:c:BWBR0015703&hoofdstuk=4&paragraaf=4.1&artikel=36&z=2026-07-01&g=2026-07-01",
            "jci1.3:c:BWBR0034925&artikel=1.1",
            "jci1.0:c:BWBV0001234",
        ] {
            assert!(ok.parse::<Jci>().is_ok(), "{ok}");
        }
    }

    #[test]
    fn rejects_each_kind_of_mistake_with_its_own_reason() {
        assert_eq!(err("BWBR0015703&artikel=41"), JciError::Prefix);
        assert_eq!(err("jci2.0:c:BWBR0015703"), JciError::Version("2.0".into()));
        assert_eq!(err("jci1.3:x:BWBR0015703"), JciError::Kind("x".into()));
        assert_eq!(
            err("jci1.3:c:BWBR001570"),
            JciError::BwbId("BWBR001570".into())
        );
        assert_eq!(
            err("jci1.3:c:BWBR0015703&artikel"),
            JciError::Param("artikel".into())
        );
        assert_eq!(
            err("jci1.3:c:BWBR0015703&artikle=41"),
            JciError::UnknownParam {
                key: "artikle".into(),
                suggestion: Some("artikel".into())
            }
        );
        assert_eq!(
            err("jci1.3:c:BWBR0015703&artikel="),
            JciError::EmptyValue("artikel".into())
        );
        assert_eq!(
            err("jci1.3:c:BWBR0015703&artikel=1&artikel=2"),
            JciError::DuplicateParam("artikel".into())
        );
        assert_eq!(
            err("jci1.3:c:BWBR0015703&artikel=41&g=2026-13-01"),
            JciError::Date {
                key: "g".into(),
                value: "2026-13-01".into()
            }
        );
        assert_eq!(
            err("jci1.3:c:BWBR0015703&lid=4"),
            JciError::LidWithoutArtikel
        );
        assert_eq!(err("jci1.3:c:BWBR0015703 &artikel=4"), JciError::Whitespace);
    }

    #[test]
    fn labels_and_links() {
        let jci: Jci = "jci1.3:c:BWBR0015703&artikel=41&lid=4"
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(jci.citation(), "Participatiewet, artikel 41 lid 4");
        assert_eq!(
            jci.url(),
            "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=41&lid=4"
        );
        let unknown: Jci = "jci1.3:c:BWBR9999999"
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(unknown.citation(), "BWBR9999999");
    }

    #[test]
    fn pinning_adds_or_replaces_the_validity_date() {
        let jci: Jci = "jci1.3:c:BWBR0005537&artikel=4:84&g=2020-01-01"
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        let pinned = jci.pinned(jiff::civil::date(2026, 11, 23));
        assert_eq!(
            pinned.as_str(),
            "jci1.3:c:BWBR0005537&artikel=4:84&g=2026-11-23"
        );
        assert_eq!(pinned.as_str().parse::<Jci>(), Ok(pinned.clone()));
    }

    #[test]
    fn cvdr_ids() {
        assert!("CVDR719087".parse::<Cvdr>().is_ok());
        assert!("CVDR719087_2".parse::<Cvdr>().is_ok());
        for bad in ["CVDR", "cvdr719087", "CVDR71a", "CVDR719087_", "719087"] {
            assert!(bad.parse::<Cvdr>().is_err(), "{bad}");
        }
        let id: Cvdr = "CVDR719087".parse().unwrap_or_else(|()| panic!());
        assert_eq!(id.url(), "https://lokaleregelgeving.overheid.nl/CVDR719087");
    }
}
