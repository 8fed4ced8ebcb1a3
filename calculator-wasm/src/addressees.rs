//! The addressees of the notices besides COA (`content/adressen.yaml`): the ministries that hold
//! the two roles of uitgangspunt 5 (setting the taakstelling; the Huisvestingswet 2014), with their
//! postal addresses. Data, not code: cabinets move these roles (in 2024 from Justitie en
//! Veiligheid and BZK to Asiel en Migratie and Volkshuisvesting en Ruimtelijke Ordening).

use crate::error::InputError;
use crate::municipalities::Province;
use serde::{Deserialize, Serialize};

/// Which of the two roles of uitgangspunt 5 a ministry holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MinistryRole {
    /// Sets the taakstelling huisvesting vergunninghouders (asylum and migration).
    Taakstelling,
    /// Responsible for the Huisvestingswet 2014 (volkshuisvesting).
    Huisvestingswet,
}

impl MinistryRole {
    pub const ALL: [MinistryRole; 2] = [MinistryRole::Taakstelling, MinistryRole::Huisvestingswet];

    pub fn as_str(self) -> &'static str {
        match self {
            MinistryRole::Taakstelling => "taakstelling",
            MinistryRole::Huisvestingswet => "huisvestingswet",
        }
    }

    /// What it does, to finish "omdat uw ministerie …" in the notice.
    pub fn duty(self) -> &'static str {
        match self {
            MinistryRole::Taakstelling => "de taakstelling opstelt",
            MinistryRole::Huisvestingswet => "verantwoordelijk is voor de Huisvestingswet 2014",
        }
    }

    /// The role whose [`MinistryRole::reason`] this is (the verdict's recipients carry the reason).
    pub fn from_reason(reason: &str) -> Option<MinistryRole> {
        MinistryRole::ALL.into_iter().find(|r| r.reason() == reason)
    }

    /// Why this ministry is told, in Dutch (the verdict's recipient list and the notice).
    pub fn reason(self) -> &'static str {
        match self {
            MinistryRole::Taakstelling => "Stelt de taakstelling op (uitgangspunt 5).",
            MinistryRole::Huisvestingswet => {
                "Verantwoordelijk voor de Huisvestingswet 2014 (uitgangspunt 5)."
            }
        }
    }
}

/// A ministry and where its notice goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ministry {
    pub rol: MinistryRole,
    /// "Ministerie van Asiel en Migratie".
    pub naam: String,
    /// "t.a.v." line, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tav: Option<String>,
    /// Postal address lines ("Postbus …", "2500 .. Den Haag"); empty when not (yet) checked, and the
    /// notice then leaves room to write it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub postadres: Vec<String>,
}

/// Gedeputeerde Staten of a province and where its notice goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvinceAddress {
    /// The province as `content/gemeenten.yaml` names it: "Fryslân", "Noord-Brabant".
    pub naam: String,
    /// "t.a.v." line, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tav: Option<String>,
    /// Postal address lines ("Postbus …", "8900 HM Leeuwarden").
    pub postadres: Vec<String>,
}

impl ProvinceAddress {
    /// The province this entry is for (`None` for a name that is not one of the twelve, which
    /// [`check_addressees`] refuses).
    pub fn province(&self) -> Option<Province> {
        Province::parse(&self.naam)
    }
}

/// The contents of `content/adressen.yaml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Addressees {
    pub ministeries: Vec<Ministry>,
    /// Provinces whose postal address was checked; a province without an entry gets a notice
    /// with room to write the address.
    #[serde(default)]
    pub provincies: Vec<ProvinceAddress>,
}

/// What is wrong in `content/adressen.yaml`; the generator words each in the catalogue's Dutch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddressProblem {
    /// The YAML does not parse or has an unknown field: what is wrong and how to fix it, in Dutch
    /// (from [`InputError::from_parser`]).
    Syntax {
        problem: String,
        fix: Option<String>,
    },
    /// A ministry or province entry with an empty `naam`.
    EmptyName,
    /// An empty line in the `postadres` of `naam`.
    EmptyLine { naam: String },
    /// `naam` holds role `rol`, which the entry `first` (at `first_line`) already holds.
    RoleTwice {
        naam: String,
        rol: MinistryRole,
        first: String,
        first_line: Option<usize>,
    },
    /// No ministry holds `rol`.
    RoleMissing { rol: MinistryRole },
    /// `naam` is not one of the twelve provinces.
    UnknownProvince { naam: String },
    /// The province `naam` is listed twice; the first entry is at `first_line`.
    ProvinceTwice {
        naam: String,
        first_line: Option<usize>,
    },
}

/// An [`AddressProblem`] at its line in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressError {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub problem: AddressProblem,
}

impl AddressError {
    fn at(line: Option<usize>, problem: AddressProblem) -> AddressError {
        AddressError {
            line,
            column: None,
            problem,
        }
    }

    /// The error in English, for [`ministries_from_yaml`] and tests; the CLI and `check` word
    /// each problem in the generator's Dutch catalogue.
    pub fn to_input_error(&self) -> InputError {
        let at = |l: &Option<usize>| l.map(|l| format!(" (line {l})")).unwrap_or_default();
        let message = match &self.problem {
            AddressProblem::Syntax { problem, .. } => problem.clone(),
            AddressProblem::EmptyName => "empty naam".into(),
            AddressProblem::EmptyLine { naam } => format!("`{naam}`: empty line in postadres"),
            AddressProblem::RoleTwice {
                naam,
                rol,
                first,
                first_line,
            } => format!(
                "`{naam}`: role `{}` is already held by `{first}`{}; each role is held by one ministry",
                rol.as_str(),
                at(first_line)
            ),
            AddressProblem::RoleMissing { rol } => {
                format!("no ministry with role `{}`", rol.as_str())
            }
            AddressProblem::UnknownProvince { naam } => format!(
                "`{naam}` is not a province; expected one of {}",
                Province::ALL.map(|p| p.name()).join(", ")
            ),
            AddressProblem::ProvinceTwice { naam, first_line } => {
                format!("province `{naam}` is listed twice{}", at(first_line))
            }
        };
        InputError::at(self.line, self.column, message)
    }
}

/// The lines (1-based) of the items of the top-level list `key` (`ministeries:`), in order: a
/// `- ` at the indentation of the list's first item, block or flow style alike.
fn item_lines(src: &str, key: &str) -> Vec<usize> {
    let mut in_section = false;
    let mut indent = None;
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let depth = line.len() - trimmed.len();
        if depth == 0 && !trimmed.starts_with('-') {
            in_section = trimmed.split(':').next().map(str::trim) == Some(key);
            indent = None;
            continue;
        }
        if in_section && (trimmed.starts_with("- ") || trimmed == "-") {
            match indent {
                None => {
                    indent = Some(depth);
                    out.push(i + 1);
                }
                Some(d) if d == depth => out.push(i + 1),
                _ => {}
            }
        }
    }
    out
}

/// Reads `content/adressen.yaml`: `ministeries: [{rol, naam, tav?, postadres?}]`, each role once,
/// and `provincies: [{naam, tav?, postadres}]`, each province at most once.
#[cfg(feature = "yaml")]
pub fn addressees_from_yaml(src: &str) -> Result<Addressees, Vec<AddressError>> {
    crate::error::check_nesting(src).map_err(|e| {
        vec![AddressError {
            line: e.line,
            column: e.column,
            problem: AddressProblem::Syntax {
                problem: e.message,
                fix: e.hint,
            },
        }]
    })?;
    let raw: Addressees = serde_yaml::from_str(src).map_err(|e| {
        let loc = e.location();
        let e = InputError::from_parser(
            loc.as_ref().map(|l| l.line()),
            loc.as_ref().map(|l| l.column()),
            &e.to_string(),
        );
        vec![AddressError {
            line: e.line,
            column: e.column,
            problem: AddressProblem::Syntax {
                problem: e.message,
                fix: e.hint,
            },
        }]
    })?;
    check_addressees(raw, src)
}

/// Only the ministries of [`addressees_from_yaml`], with the errors in English.
#[cfg(feature = "yaml")]
pub fn ministries_from_yaml(src: &str) -> Result<Vec<Ministry>, Vec<InputError>> {
    addressees_from_yaml(src)
        .map(|a| a.ministeries)
        .map_err(|errors| errors.iter().map(AddressError::to_input_error).collect())
}

/// Each role exactly once, each province at most once and one of the twelve, names and address
/// lines not blank; errors carry the entry's line in `src`.
pub fn check_addressees(a: Addressees, src: &str) -> Result<Addressees, Vec<AddressError>> {
    let mut errors = Vec::new();
    let lines = item_lines(src, "ministeries");
    let ministries = &a.ministeries;
    for (i, m) in ministries.iter().enumerate() {
        let line = lines.get(i).copied();
        if m.naam.trim().is_empty() {
            errors.push(AddressError::at(line, AddressProblem::EmptyName));
        }
        if m.postadres.iter().any(|l| l.trim().is_empty()) {
            errors.push(AddressError::at(
                line,
                AddressProblem::EmptyLine {
                    naam: m.naam.trim().to_string(),
                },
            ));
        }
        if let Some(first) = ministries[..i].iter().position(|o| o.rol == m.rol) {
            errors.push(AddressError::at(
                line,
                AddressProblem::RoleTwice {
                    naam: m.naam.trim().to_string(),
                    rol: m.rol,
                    first: ministries[first].naam.trim().to_string(),
                    first_line: lines.get(first).copied(),
                },
            ));
        }
    }
    for rol in MinistryRole::ALL {
        if !ministries.iter().any(|m| m.rol == rol) {
            errors.push(AddressError::at(
                src.lines()
                    .position(|l| l.starts_with("ministeries"))
                    .map(|i| i + 1),
                AddressProblem::RoleMissing { rol },
            ));
        }
    }
    let lines = item_lines(src, "provincies");
    let mut seen: Vec<(Province, usize)> = Vec::new();
    for (i, p) in a.provincies.iter().enumerate() {
        let line = lines.get(i).copied();
        let naam = p.naam.trim().to_string();
        if naam.is_empty() {
            errors.push(AddressError::at(line, AddressProblem::EmptyName));
        } else {
            match p.province() {
                None => errors.push(AddressError::at(
                    line,
                    AddressProblem::UnknownProvince { naam: naam.clone() },
                )),
                Some(province) => match seen.iter().find(|(q, _)| *q == province) {
                    Some(&(_, first)) => errors.push(AddressError::at(
                        line,
                        AddressProblem::ProvinceTwice {
                            naam: province.name().to_string(),
                            first_line: lines.get(first).copied(),
                        },
                    )),
                    None => seen.push((province, i)),
                },
            }
        }
        if p.postadres.is_empty() || p.postadres.iter().any(|l| l.trim().is_empty()) {
            errors.push(AddressError::at(line, AddressProblem::EmptyLine { naam }));
        }
    }
    if errors.is_empty() {
        Ok(a)
    } else {
        Err(errors)
    }
}

#[cfg(all(test, feature = "yaml"))]
mod tests {
    use super::*;

    const BOTH: &str = "ministeries:\n  - { rol: taakstelling, naam: A, postadres: [Postbus 1, 2500 AA Den Haag] }\n  - { rol: huisvestingswet, naam: B }\n";

    #[test]
    fn reads_both_roles_and_refuses_gaps_and_doubles() {
        let ok = ministries_from_yaml(BOTH).unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].postadres, ["Postbus 1", "2500 AA Den Haag"]);
        let e = ministries_from_yaml(
            "ministeries:\n  - { rol: taakstelling, naam: A }\n  - { rol: taakstelling, naam: B }\n",
        )
        .unwrap_err();
        assert_eq!(e[0].line, Some(3), "{e:?}");
        assert!(
            e[0].message.contains("already held by `A` (line 2)"),
            "{e:?}"
        );
        assert!(e[1].message.contains("huisvestingswet"), "{e:?}");
        assert_eq!(e[1].line, Some(1), "{e:?}");
        let e = ministries_from_yaml("ministeries:\n  - { rol: wonen, naam: A }\n").unwrap_err();
        assert!(
            e[0].message.contains("`wonen` is hier geen geldige waarde"),
            "{e:?}"
        );
    }

    #[test]
    fn the_second_of_a_role_is_reported_at_its_own_line_in_block_style() {
        let src = "# kop\nministeries:\n  - naam: A\n    rol: taakstelling\n    postadres:\n      - Postbus 1\n  - naam: B\n    rol: taakstelling\n";
        let e = addressees_from_yaml(src).unwrap_err();
        assert_eq!(
            e[0],
            AddressError {
                line: Some(7),
                column: None,
                problem: AddressProblem::RoleTwice {
                    naam: "B".into(),
                    rol: MinistryRole::Taakstelling,
                    first: "A".into(),
                    first_line: Some(3),
                },
            }
        );
    }

    #[test]
    fn provinces_are_one_of_the_twelve_once_each_with_an_address() {
        let ok = addressees_from_yaml(&format!(
            "{BOTH}provincies:\n  - {{ naam: Friesland, postadres: [Postbus 20120, 8900 HM Leeuwarden] }}\n"
        ))
        .unwrap();
        assert_eq!(ok.provincies[0].province(), Some(Province::Fryslan));
        let src = format!(
            "{BOTH}provincies:\n  - naam: Fryslân\n    postadres: [Postbus 20120]\n  - naam: Brabant\n    postadres: [Postbus 1]\n  - naam: Fryslan\n    postadres: [Postbus 1, '  ']\n"
        );
        let e = addressees_from_yaml(&src).unwrap_err();
        let found: Vec<(Option<usize>, &AddressProblem)> =
            e.iter().map(|e| (e.line, &e.problem)).collect();
        assert_eq!(
            found,
            [
                (
                    Some(7),
                    &AddressProblem::UnknownProvince {
                        naam: "Brabant".into()
                    }
                ),
                (
                    Some(9),
                    &AddressProblem::ProvinceTwice {
                        naam: "Fryslân".into(),
                        first_line: Some(5)
                    }
                ),
                (
                    Some(9),
                    &AddressProblem::EmptyLine {
                        naam: "Fryslan".into()
                    }
                ),
            ]
        );
    }
}
