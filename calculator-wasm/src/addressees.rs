//! The addressees of the notices besides COA (`content/adressen.yaml`): the ministries that hold
//! the two roles of uitgangspunt 5 (setting the taakstelling; the Huisvestingswet 2014), with their
//! postal addresses. Data, not code: cabinets move these roles (in 2024 from Justitie en
//! Veiligheid and BZK to Asiel en Migratie and Volkshuisvesting en Ruimtelijke Ordening).

#[cfg(feature = "yaml")]
use crate::error::strip_location;
use crate::error::InputError;
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

#[cfg(feature = "yaml")]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAddressees {
    ministeries: Vec<Ministry>,
}

/// Reads `content/adressen.yaml`: `ministeries: [{rol, naam, tav?, postadres?}]`, each role once.
#[cfg(feature = "yaml")]
pub fn ministries_from_yaml(src: &str) -> Result<Vec<Ministry>, Vec<InputError>> {
    crate::error::check_nesting(src).map_err(|e| vec![e])?;
    let raw: RawAddressees = serde_yaml::from_str(src).map_err(|e| {
        let loc = e.location();
        vec![InputError {
            hint: Some("each entry is `- { rol: taakstelling|huisvestingswet, naam: …, postadres: [regel, regel] }`".into()),
            line: loc.as_ref().map(|l| l.line()),
            column: loc.as_ref().map(|l| l.column()),
            message: strip_location(&e.to_string()),
        }]
    })?;
    check_ministries(raw.ministeries, src)
}

/// Each role exactly once, names and address lines not blank; errors carry the entry's line.
pub fn check_ministries(
    ministries: Vec<Ministry>,
    src: &str,
) -> Result<Vec<Ministry>, Vec<InputError>> {
    let lines: Vec<usize> = src
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("- ") && l.contains("rol"))
        .map(|(i, _)| i + 1)
        .collect();
    let mut errors = Vec::new();
    for (i, m) in ministries.iter().enumerate() {
        let line = lines.get(i).copied();
        if m.naam.trim().is_empty() {
            errors.push(InputError::at(
                line,
                None,
                format!("ministry {}: empty naam", i + 1),
            ));
        }
        if m.postadres.iter().any(|l| l.trim().is_empty()) {
            errors.push(InputError::at(
                line,
                None,
                format!("`{}`: empty line in postadres", m.naam),
            ));
        }
        if ministries[..i].iter().any(|o| o.rol == m.rol) {
            errors.push(InputError::at(
                line,
                None,
                format!(
                    "`{}`: role `{}` is already held by an earlier entry; each role is held by one ministry",
                    m.naam,
                    m.rol.as_str()
                ),
            ));
        }
    }
    for role in MinistryRole::ALL {
        if !ministries.iter().any(|m| m.rol == role) {
            errors.push(InputError::at(
                None,
                None,
                format!("no ministry with role `{}`", role.as_str()),
            ));
        }
    }
    if errors.is_empty() {
        Ok(ministries)
    } else {
        Err(errors)
    }
}

#[cfg(all(test, feature = "yaml"))]
mod tests {
    use super::*;

    #[test]
    fn reads_both_roles_and_refuses_gaps_and_doubles() {
        let ok = ministries_from_yaml(
            "ministeries:\n  - { rol: taakstelling, naam: A, postadres: [Postbus 1, 2500 AA Den Haag] }\n  - { rol: huisvestingswet, naam: B }\n",
        )
        .unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].postadres, ["Postbus 1", "2500 AA Den Haag"]);
        let e = ministries_from_yaml(
            "ministeries:\n  - { rol: taakstelling, naam: A }\n  - { rol: taakstelling, naam: B }\n",
        )
        .unwrap_err();
        assert_eq!(e[0].line, Some(3), "{e:?}");
        assert!(e[0].message.contains("already held"), "{e:?}");
        assert!(e[1].message.contains("huisvestingswet"), "{e:?}");
        let e = ministries_from_yaml("ministeries:\n  - { rol: wonen, naam: A }\n").unwrap_err();
        assert!(e[0].message.contains("unknown variant"), "{e:?}");
    }
}
