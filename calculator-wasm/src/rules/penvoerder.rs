//! The penvoerder: the lead municipality that COA answers.

use super::contact::{email_problem, phone_problem};
use super::findings::{shorten, Findings};
use super::municipalities::Resolved;
use crate::municipalities::MunicipalityList;
use crate::names::fold;
use crate::scenario::{filled, Penvoerder, Scenario};
use crate::verdict::{Code, MunicipalityResult, PenvoerderInfo};

/// The penvoerder must be one of the municipalities that decide: named among them, and with a
/// taakstelling that changes (one that stays the same takes no decision and is left out of the
/// documents, so it cannot send them or sign for the colleges).
pub(super) fn check_penvoerder(
    s: &Scenario,
    list: &MunicipalityList,
    resolved: &[Resolved],
    municipalities: &[MunicipalityResult],
    f: &mut Findings,
) -> Option<PenvoerderInfo> {
    let p = s.penvoerder.as_ref()?;
    let text = |v: &Option<String>| filled(v).map(|t| t.trim().to_string());
    let gemeente = match filled(&p.gemeente) {
        None => None,
        Some(raw) => {
            let key = fold(raw);
            let official = list.lookup(raw).map(|m| fold(&m.naam));
            match resolved.iter().find(|r| {
                !r.key.is_empty() && (r.key == key || official.as_deref() == Some(r.key.as_str()))
            }) {
                Some(r)
                    if municipalities
                        .iter()
                        .any(|m| m.name == r.name && m.unchanged()) =>
                {
                    let deciding: Vec<&str> = municipalities
                        .iter()
                        .filter(|m| !m.unchanged())
                        .map(|m| m.name.as_str())
                        .collect();
                    let choice = match deciding.as_slice() {
                        [] => String::new(),
                        [one] => format!(": {one}"),
                        [rest @ .., last] => format!(": {} of {last}", rest.join(", ")),
                    };
                    f.error(
                        Code::PenvoerderUnchanged,
                        "penvoerder.gemeente",
                        4,
                        format!("De penvoerder ({}) neemt geen besluit: haar taakstelling verandert niet, dus staat ze niet in de brieven en kan ze niet namens de colleges tekenen. Kies als penvoerder een gemeente waarvan de taakstelling verandert{choice}.", r.name),
                    );
                    None
                }
                Some(r) => Some(r.name.clone()),
                None => {
                    f.error(
                        Code::UnknownMunicipality,
                        "penvoerder.gemeente",
                        4,
                        format!("De penvoerder ({}) staat niet bij de betrokken gemeenten. Kies een van de gemeenten die meebesluiten.", shorten(raw.trim())),
                    );
                    None
                }
            }
        }
    };
    check_contact(p, f);
    Some(PenvoerderInfo {
        gemeente,
        naam: text(&p.naam),
        email: text(&p.email),
        telefoon: text(&p.telefoon),
        kenmerk: text(&p.kenmerk),
    })
}

/// The contact person's e-mail address and telephone number go into the letters an official
/// signs: when given, they must be ones that reach someone (both may be left empty).
fn check_contact(p: &Penvoerder, f: &mut Findings) {
    if let Some(raw) = filled(&p.email) {
        if let Some(why) = email_problem(raw) {
            f.error(
                Code::InvalidEmail,
                "penvoerder.email",
                4,
                format!("Het e-mailadres van de penvoerder (\"{}\") is geen e-mailadres: {why}. Schrijf één adres als naam@gemeente.nl, zonder naam of spaties eromheen, of laat het veld leeg; het komt zo in de brieven.", shorten(raw.trim())),
            );
        }
    }
    if let Some(raw) = filled(&p.telefoon) {
        if let Some(why) = phone_problem(raw) {
            f.error(
                Code::InvalidPhone,
                "penvoerder.telefoon",
                4,
                format!("Het telefoonnummer van de penvoerder (\"{}\") is geen Nederlands telefoonnummer: {why}. Schrijf één nummer, zoals 0513-617617, 06-12345678, +31 513 617 617, een 0800- of 0900-nummer of het 14-nummer van de gemeente (14 0513), of laat het veld leeg; het komt zo in de brieven.", shorten(raw.trim())),
            );
        }
    }
}
