//! The twelve provinces and the list of municipalities (`content/gemeenten.yaml`), used to derive a
//! municipality's province and to suggest names ("bedoelt u …?").

use crate::addressees::{Addressees, Ministry, ProvinceAddress};
use crate::error::InputError;
use crate::names::{closest, fold};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use textkit::date::Date;

/// A Dutch province, the interbestuurlijk toezichthouder of its municipalities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Province {
    Groningen,
    Fryslan,
    Drenthe,
    Overijssel,
    Flevoland,
    Gelderland,
    Utrecht,
    NoordHolland,
    ZuidHolland,
    Zeeland,
    NoordBrabant,
    Limburg,
}

impl Province {
    pub const ALL: [Province; 12] = [
        Province::Groningen,
        Province::Fryslan,
        Province::Drenthe,
        Province::Overijssel,
        Province::Flevoland,
        Province::Gelderland,
        Province::Utrecht,
        Province::NoordHolland,
        Province::ZuidHolland,
        Province::Zeeland,
        Province::NoordBrabant,
        Province::Limburg,
    ];

    /// The official name, as written in letters.
    pub fn name(self) -> &'static str {
        match self {
            Province::Groningen => "Groningen",
            Province::Fryslan => "Fryslân",
            Province::Drenthe => "Drenthe",
            Province::Overijssel => "Overijssel",
            Province::Flevoland => "Flevoland",
            Province::Gelderland => "Gelderland",
            Province::Utrecht => "Utrecht",
            Province::NoordHolland => "Noord-Holland",
            Province::ZuidHolland => "Zuid-Holland",
            Province::Zeeland => "Zeeland",
            Province::NoordBrabant => "Noord-Brabant",
            Province::Limburg => "Limburg",
        }
    }

    /// Recognises a province by its official name, ignoring case, diacritics, spaces, hyphens and dots
    /// (`noord holland`, `FRYSLAN`). `Friesland`, the Dutch name used before 1997 and still common,
    /// is accepted as Fryslân. Nothing else is guessed: an unknown name stays unknown.
    pub fn parse(text: &str) -> Option<Province> {
        let key = fold(text);
        if key == "friesland" {
            return Some(Province::Fryslan);
        }
        Province::ALL.into_iter().find(|p| fold(p.name()) == key)
    }
}

impl fmt::Display for Province {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Province {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// One municipality of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Municipality {
    /// Official name as the CBS writes it (`Súdwest-Fryslân`, `Bergen (NH.)`, `'s-Gravenhage`).
    pub naam: String,
    pub provincie: Province,
    /// Other names people use for it (`Den Haag`), recognised but never written in letters.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ook: Vec<String>,
    /// The CBS municipality code, `GM` and four digits (`GM0363`), when the list gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cbs: Option<String>,
}

/// Whether `code` is written as CBS writes municipality codes: `GM` and four digits.
pub fn is_cbs_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 6 && b.starts_with(b"GM") && b[2..].iter().all(u8::is_ascii_digit)
}

/// A municipality that no longer exists (merged or split since 2015), with its successor(s).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Former {
    pub naam: String,
    /// The day it ceased to exist.
    pub datum: Date,
    /// Its successor, or several when it was split.
    pub opgegaan_in: Vec<String>,
}

/// The municipalities list, indexed by folded name and by folded alias, with the former
/// municipalities by folded name.
#[derive(Debug, Clone, Default)]
pub struct MunicipalityList {
    entries: Vec<Municipality>,
    index: HashMap<String, usize>,
    former: Vec<Former>,
    /// The ministries of uitgangspunt 5, from `content/adressen.yaml` (see [`crate::addressees`]).
    ministries: Vec<Ministry>,
    /// The provinces' postal addresses, from `content/adressen.yaml`.
    provinces: Vec<ProvinceAddress>,
}

/// The shape of `content/gemeenten.yaml` (and of its JSON form), before checking.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    gemeenten: Vec<RawEntry>,
    #[serde(default)]
    opgeheven: Vec<RawFormer>,
    /// Only in the JSON form for the page: the addressees, merged in from `content/adressen.yaml`.
    #[serde(default)]
    ministeries: Vec<Ministry>,
    /// Only in the JSON form for the page: the provinces' addresses, as `ministeries`.
    #[serde(default)]
    provincies: Vec<ProvinceAddress>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFormer {
    naam: String,
    datum: String,
    opgegaan_in: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    naam: String,
    provincie: String,
    #[serde(default)]
    ook: Vec<String>,
    #[serde(default)]
    cbs: Option<String>,
}

impl MunicipalityList {
    /// An empty list: every name is then "not in the list" and needs its province.
    pub fn empty() -> MunicipalityList {
        MunicipalityList::default()
    }

    /// Checks the entries: no blank names, no name (or alias) twice after folding.
    pub fn new(entries: Vec<Municipality>) -> Result<MunicipalityList, Vec<InputError>> {
        Self::build(entries, &[])
    }

    fn build(
        entries: Vec<Municipality>,
        lines: &[usize],
    ) -> Result<MunicipalityList, Vec<InputError>> {
        let mut errors = Vec::new();
        let mut index = HashMap::new();
        for (i, m) in entries.iter().enumerate() {
            let line = lines.get(i).copied();
            let names = std::iter::once(&m.naam).chain(m.ook.iter());
            for name in names {
                let key = fold(name);
                if key.is_empty() {
                    errors.push(InputError {
                        hint: None,
                        line,
                        column: None,
                        message: format!("item {}: de naam van de gemeente is leeg", i + 1),
                    });
                    continue;
                }
                if let Some(&first) = index.get(&key) {
                    let first: usize = first;
                    let first_m: &Municipality = &entries[first];
                    let at = lines
                        .get(first)
                        .map(|l| format!(" (regel {l})"))
                        .unwrap_or_default();
                    errors.push(InputError {
                        hint: None,
                        line,
                        column: None,
                        message: format!(
                            "gemeente `{name}` staat er twee keer: dezelfde naam als `{}`{at}",
                            first_m.naam
                        ),
                    });
                } else {
                    index.insert(key, i);
                }
            }
        }
        if errors.is_empty() {
            Ok(MunicipalityList {
                entries,
                index,
                former: Vec::new(),
                ministries: Vec::new(),
                provinces: Vec::new(),
            })
        } else {
            Err(errors)
        }
    }

    fn from_raw(raw: RawList, src: &str) -> Result<MunicipalityList, Vec<InputError>> {
        let lines = entry_lines(src);
        let mut errors = Vec::new();
        let mut entries = Vec::with_capacity(raw.gemeenten.len());
        for (i, e) in raw.gemeenten.into_iter().enumerate() {
            match Province::parse(&e.provincie) {
                Some(p) => entries.push(Municipality {
                    naam: e.naam.trim().to_string(),
                    provincie: p,
                    ook: e.ook.iter().map(|s| s.trim().to_string()).collect(),
                    cbs: e.cbs.as_ref().map(|c| c.trim().to_string()),
                }),
                None => errors.push(InputError {
                    hint: None,
                    line: lines.get(i).copied(),
                    column: None,
                    message: format!(
                        "`{}`: `{}` is geen provincie; kies uit {}",
                        e.naam,
                        e.provincie,
                        Province::ALL.map(|p| p.name()).join(", ")
                    ),
                }),
            }
        }
        check_cbs_codes(&entries, &lines, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut list = Self::build(entries, &lines)?;
        let former_lines = key_lines(src, "opgegaan_in");
        for (i, f) in raw.opgeheven.into_iter().enumerate() {
            let line = former_lines.get(i).copied();
            let datum = match Date::parse(&f.datum) {
                Ok(d) => d,
                Err(e) => {
                    errors.push(InputError::at(
                        line,
                        None,
                        format!(
                            "opgeheven gemeente `{}`: datum `{}`: {}",
                            f.naam,
                            f.datum,
                            textkit::parser_message::explain(&e.to_string()).problem
                        ),
                    ));
                    continue;
                }
            };
            if list.lookup(&f.naam).is_some() {
                errors.push(InputError::at(
                    line,
                    None,
                    format!(
                        "`{}` staat in de lijst als bestaande en als opgeheven gemeente",
                        f.naam
                    ),
                ));
            }
            if f.opgegaan_in.is_empty() {
                errors.push(InputError::at(
                    line,
                    None,
                    format!(
                        "opgeheven gemeente `{}`: `opgegaan_in` noemt geen gemeente",
                        f.naam
                    ),
                ));
            }
            let mut successors = Vec::new();
            for n in &f.opgegaan_in {
                match list.lookup(n) {
                    Some(m) => successors.push(m.naam.clone()),
                    None => errors.push(InputError::at(
                        line,
                        None,
                        format!("opgeheven gemeente `{}`: `{n}` (in `opgegaan_in`) staat niet in de lijst van gemeenten", f.naam),
                    )),
                }
            }
            list.former.push(Former {
                naam: f.naam.trim().to_string(),
                datum,
                opgegaan_in: successors,
            });
        }
        list.ministries = raw.ministeries;
        list.provinces = raw.provincies;
        if errors.is_empty() {
            Ok(list)
        } else {
            Err(errors)
        }
    }

    /// The former municipality with this name (compared by [`fold`]).
    pub fn former(&self, name: &str) -> Option<&Former> {
        let key = fold(name);
        self.former.iter().find(|f| fold(&f.naam) == key)
    }

    pub fn former_entries(&self) -> &[Former] {
        &self.former
    }

    /// The list with the ministries of uitgangspunt 5 (from `content/adressen.yaml`).
    pub fn with_ministries(mut self, ministries: Vec<Ministry>) -> MunicipalityList {
        self.ministries = ministries;
        self
    }

    /// The list with the addressees of `content/adressen.yaml`: the ministries and the provinces'
    /// addresses.
    pub fn with_addressees(mut self, addressees: Addressees) -> MunicipalityList {
        self.ministries = addressees.ministeries;
        self.provinces = addressees.provincies;
        self
    }

    /// The postal address of Gedeputeerde Staten of `province`, when `content/adressen.yaml`
    /// gives one.
    pub fn province_address(&self, province: Province) -> Option<&ProvinceAddress> {
        self.provinces
            .iter()
            .find(|p| p.province() == Some(province))
    }

    /// The ministries told of a redistribution; empty when no addressees were given.
    pub fn ministries(&self) -> &[Ministry] {
        &self.ministries
    }

    /// Reads `content/gemeenten.yaml`: `gemeenten: [{naam, provincie, ook?}]`.
    #[cfg(feature = "yaml")]
    pub fn from_yaml(src: &str) -> Result<MunicipalityList, Vec<InputError>> {
        crate::error::check_nesting(src).map_err(|e| vec![e])?;
        let raw: RawList = serde_yaml::from_str(src).map_err(|e| {
            let loc = e.location();
            vec![InputError::from_parser(
                loc.as_ref().map(|l| l.line()),
                loc.as_ref().map(|l| l.column()),
                &e.to_string(),
            )]
        })?;
        Self::from_raw(raw, src)
    }

    /// Reads the JSON form written by [`MunicipalityList::to_json`]: `{"gemeenten": [...]}`.
    pub fn from_json(src: &str) -> Result<MunicipalityList, Vec<InputError>> {
        let raw: RawList = serde_json::from_str(src).map_err(|e| {
            vec![InputError::from_parser(
                Some(e.line()),
                Some(e.column()),
                &e.to_string(),
            )]
        })?;
        Self::from_raw(raw, src)
    }

    /// `{"gemeenten":[{"naam":"Aa en Hunze","provincie":"Drenthe"},…]}`, aliases as `"ook":[…]`.
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            gemeenten: &'a [Municipality],
            #[serde(skip_serializing_if = "Vec::is_empty")]
            opgeheven: Vec<RawFormerOut<'a>>,
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            ministeries: &'a [Ministry],
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            provincies: &'a [ProvinceAddress],
        }
        #[derive(Serialize)]
        struct RawFormerOut<'a> {
            naam: &'a str,
            datum: String,
            opgegaan_in: &'a [String],
        }
        serde_json::to_string(&Out {
            gemeenten: &self.entries,
            opgeheven: self
                .former
                .iter()
                .map(|f| RawFormerOut {
                    naam: &f.naam,
                    datum: f.datum.to_string(),
                    opgegaan_in: &f.opgegaan_in,
                })
                .collect(),
            ministeries: &self.ministries,
            provincies: &self.provinces,
        })
        .unwrap_or_else(|_| String::from("{\"gemeenten\":[]}"))
    }

    pub fn entries(&self) -> &[Municipality] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The municipality with this name or alias, compared by [`fold`]; "Gemeente Utrecht" is
    /// Utrecht (no municipality's name starts with the word).
    pub fn lookup(&self, name: &str) -> Option<&Municipality> {
        let key = fold(name);
        self.index
            .get(&key)
            .or_else(|| key.strip_prefix("gemeente").and_then(|k| self.index.get(k)))
            .map(|&i| &self.entries[i])
    }

    /// Up to `max` official names close to `name`, closest first.
    pub fn suggest(&self, name: &str, max: usize) -> Vec<&str> {
        // Aliases count too, but the suggestion is always the official name.
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        for m in &self.entries {
            pairs.push((m.naam.as_str(), m.naam.as_str()));
            for a in &m.ook {
                pairs.push((a.as_str(), m.naam.as_str()));
            }
        }
        let found = closest(name, pairs.iter().map(|p| p.0), usize::MAX);
        let mut out: Vec<&str> = Vec::new();
        for f in found {
            if let Some(&(_, official)) = pairs.iter().find(|p| p.0 == f) {
                if !out.contains(&official) {
                    out.push(official);
                }
            }
            if out.len() == max {
                break;
            }
        }
        out
    }
}

/// The 1-based line of each entry, found by its `naam:` key: serde gives no positions for values
/// that parsed fine, and the editors' file has one `naam:` per entry.
/// Every CBS code well formed (`GM` and four digits) and given to one municipality only.
fn check_cbs_codes(entries: &[Municipality], lines: &[usize], errors: &mut Vec<InputError>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, m) in entries.iter().enumerate() {
        let Some(code) = m.cbs.as_deref() else {
            continue;
        };
        let line = lines.get(i).copied();
        if !is_cbs_code(code) {
            errors.push(InputError {
                hint: Some("schrijf de CBS-code als GM en vier cijfers, zoals GM0363".into()),
                line,
                column: None,
                message: format!("`{}`: `{code}` is geen CBS-gemeentecode", m.naam),
            });
        } else if let Some(&first) = seen.get(code) {
            let at = lines
                .get(first)
                .map(|l| format!(" (regel {l})"))
                .unwrap_or_default();
            errors.push(InputError::at(
                line,
                None,
                format!(
                    "`{}`: CBS-code {code} is al de code van `{}`{at}",
                    m.naam, entries[first].naam
                ),
            ));
        } else {
            seen.insert(code, i);
        }
    }
}

fn entry_lines(src: &str) -> Vec<usize> {
    key_lines(src, "naam")
}

/// The 1-based lines where `key:` appears (outside comments).
fn key_lines(src: &str, key: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let code = match line.find('#') {
            Some(pos) if !line[..pos].contains(['"', '\'']) => &line[..pos],
            _ => line,
        };
        let mut rest = code;
        while let Some(pos) = rest.find(key) {
            let before_ok = rest[..pos]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric() && c != '_');
            let after = rest[pos + key.len()..]
                .trim_start_matches(['"', '\''])
                .trim_start();
            if before_ok && after.starts_with(':') {
                lines.push(i + 1);
            }
            rest = &rest[pos + key.len()..];
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provinces_parse_by_official_name_and_variants() {
        assert_eq!(Province::parse("Fryslân"), Some(Province::Fryslan));
        assert_eq!(Province::parse("fryslan"), Some(Province::Fryslan));
        assert_eq!(Province::parse("Friesland"), Some(Province::Fryslan));
        assert_eq!(
            Province::parse(" noord holland "),
            Some(Province::NoordHolland)
        );
        assert_eq!(
            Province::parse("NOORD-BRABANT"),
            Some(Province::NoordBrabant)
        );
        assert_eq!(Province::parse("Brabant"), None);
        assert_eq!(Province::parse("Holland"), None);
        assert_eq!(Province::parse(""), None);
        assert_eq!(Province::ALL.len(), 12);
    }

    #[test]
    fn fold_ignores_case_diacritics_and_punctuation() {
        assert_eq!(fold("Súdwest-Fryslân"), "sudwestfryslan");
        assert_eq!(fold("  Bergen (NH.) "), "bergennh");
        assert_eq!(fold("'s-Hertogenbosch"), fold("S Hertogenbosch"));
    }

    fn sample() -> MunicipalityList {
        MunicipalityList::new(vec![
            Municipality {
                naam: "Ameland".into(),
                provincie: Province::Fryslan,
                ook: vec![],
                cbs: None,
            },
            Municipality {
                naam: "Heerenveen".into(),
                provincie: Province::Fryslan,
                ook: vec![],
                cbs: None,
            },
            Municipality {
                naam: "'s-Gravenhage".into(),
                provincie: Province::ZuidHolland,
                ook: vec!["Den Haag".into()],
                cbs: None,
            },
        ])
        .unwrap()
    }

    #[test]
    fn lookup_finds_names_and_aliases_loosely() {
        let list = sample();
        assert_eq!(list.lookup("ameland").unwrap().naam, "Ameland");
        assert_eq!(list.lookup("den haag").unwrap().naam, "'s-Gravenhage");
        assert!(list.lookup("Amsterdam").is_none());
    }

    #[test]
    fn the_word_gemeente_before_a_name_is_not_part_of_it() {
        let list = sample();
        assert_eq!(list.lookup("Gemeente Ameland").unwrap().naam, "Ameland");
        assert_eq!(
            list.lookup("gemeente den Haag").unwrap().naam,
            "'s-Gravenhage"
        );
        assert!(list.lookup("Gemeente").is_none());
    }

    #[test]
    fn suggests_official_names_for_typing_errors() {
        let list = sample();
        assert_eq!(list.suggest("Amelandt", 3), ["Ameland"]);
        assert_eq!(list.suggest("Den Hag", 3), ["'s-Gravenhage"]);
        assert!(list.suggest("Maastricht", 3).is_empty());
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn duplicate_names_in_the_list_are_reported_with_their_line() {
        let src = "gemeenten:\n  - naam: Ameland\n    provincie: Fryslân\n  - naam: ameland\n    provincie: Fryslân\n";
        let errs = MunicipalityList::from_yaml(src).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].line, Some(4));
        assert!(
            errs[0]
                .message
                .contains("gemeente `ameland` staat er twee keer"),
            "{}",
            errs[0]
        );
        assert!(errs[0].message.contains("(regel 2)"), "{}", errs[0]);
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn unknown_province_in_the_list_is_reported_with_its_line() {
        let src = "gemeenten:\n  - { naam: Ameland, provincie: Fryslân }\n  - { naam: Urk, provincie: Zuiderzee }\n";
        let errs = MunicipalityList::from_yaml(src).unwrap_err();
        assert_eq!(errs[0].line, Some(3));
        assert!(
            errs[0].message.contains("`Zuiderzee` is geen provincie"),
            "{}",
            errs[0]
        );
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn broken_list_yaml_names_line_and_column() {
        let errs = MunicipalityList::from_yaml("gemeenten:\n  - naam: [Ameland\n").unwrap_err();
        assert!(errs[0].line.is_some());
        let errs = MunicipalityList::from_yaml(
            "gemeenten:\n  - naam: Ameland\n    provincie: Fryslân\n    inwoners: 3700\n",
        )
        .unwrap_err();
        assert_eq!(errs[0].line, Some(4));
        assert!(errs[0].message.contains("inwoners"));
    }

    #[test]
    fn json_form_round_trips() {
        let list = sample();
        let again = MunicipalityList::from_json(&list.to_json()).unwrap();
        assert_eq!(again.entries(), list.entries());
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn the_content_list_loads_with_all_342_municipalities() {
        let src = include_str!("../../content/gemeenten.yaml");
        let list = MunicipalityList::from_yaml(src).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(list.len(), 342);
        for p in Province::ALL {
            assert!(list.entries().iter().any(|m| m.provincie == p), "{p}");
        }
        assert_eq!(
            list.lookup("Súdwest-Fryslân").unwrap().provincie,
            Province::Fryslan
        );
        assert_eq!(
            list.lookup("Bergen (L.)").unwrap().provincie,
            Province::Limburg
        );
        assert_eq!(
            list.lookup("Bergen (NH.)").unwrap().provincie,
            Province::NoordHolland
        );
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn cbs_codes_are_well_formed_and_unique_with_their_line() {
        let list = MunicipalityList::from_yaml(
            "gemeenten:\n  - { naam: Urk, cbs: GM0184, provincie: Flevoland }\n  - { naam: Texel, provincie: Noord-Holland }\n",
        )
        .unwrap();
        assert_eq!(list.lookup("Urk").unwrap().cbs.as_deref(), Some("GM0184"));
        assert!(list.to_json().contains("\"cbs\":\"GM0184\""));
        let e = MunicipalityList::from_yaml(
            "gemeenten:\n  - { naam: Urk, cbs: GM184, provincie: Flevoland }\n  - { naam: Texel, cbs: GM0448, provincie: Noord-Holland }\n  - { naam: Vlieland, cbs: GM0448, provincie: Fryslân }\n",
        )
        .unwrap_err();
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(e[0].line, Some(2));
        assert!(
            e[0].message.contains("`GM184` is geen CBS-gemeentecode"),
            "{e:?}"
        );
        assert_eq!(e[1].line, Some(4));
        assert!(
            e[1].message.contains("al de code van `Texel` (regel 3)"),
            "{e:?}"
        );
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn every_municipality_of_the_content_list_has_its_cbs_code() {
        let list =
            MunicipalityList::from_yaml(include_str!("../../content/gemeenten.yaml")).unwrap();
        let missing: Vec<&str> = list
            .entries()
            .iter()
            .filter(|m| m.cbs.is_none())
            .map(|m| m.naam.as_str())
            .collect();
        assert!(missing.is_empty(), "{missing:?}");
        assert_eq!(
            list.lookup("Amsterdam").unwrap().cbs.as_deref(),
            Some("GM0363")
        );
    }
}
