//! Who is told of the decision: COA, the provinces involved and the ministries (uitgangspunt 5).

use crate::municipalities::{MunicipalityList, Province};
use crate::verdict::{MunicipalityResult, Recipient, RecipientKind};
use std::collections::BTreeSet;

/// COA's address for these letters, from stap 2 of the stappenplan.
pub const COA_NAME: &str = "Centraal Orgaan opvang asielzoekers (COA)";
pub const COA_ATTENTION: &str = "unit Plaatsing";
pub const COA_ADDRESS: [&str; 2] = ["Postbus 30203", "2500 GE Den Haag"];
pub const COA_PHONE: &str = "088-7157000";

/// COA, the provinces of the municipalities whose taakstelling changes (with Gedeputeerde Staten's postal address when
/// `content/adressen.yaml` gives it), then the ministries of uitgangspunt 5 as the list gives them
/// (none without that file).
pub(super) fn recipients(
    municipalities: &[MunicipalityResult],
    list: &MunicipalityList,
) -> Vec<Recipient> {
    let mut out = vec![Recipient {
        kind: RecipientKind::Coa,
        name: COA_NAME.to_string(),
        attention: Some(COA_ATTENTION.to_string()),
        address: COA_ADDRESS.iter().map(|s| s.to_string()).collect(),
        phone: Some(COA_PHONE.to_string()),
        reason: "Toetst de som en verwerkt de herverdeling binnen één maand in de cijfers (uitgangspunten 4 en 5).".into(),
    }];
    // By name, as the letter lists them.
    let provinces: BTreeSet<(&str, Province)> = municipalities
        .iter()
        .filter(|m| !m.unchanged())
        .filter_map(|m| m.province.map(|p| (p.name(), p)))
        .collect();
    for (_, p) in provinces {
        let known = list.province_address(p);
        out.push(Recipient {
            kind: RecipientKind::Provincie,
            name: format!("Provincie {}", p.name()),
            attention: known.and_then(|a| a.tav.as_ref()).map(|t| t.trim().to_string()),
            address: known
                .map(|a| a.postadres.iter().map(|l| l.trim().to_string()).collect())
                .unwrap_or_default(),
            phone: None,
            reason: "Interbestuurlijk toezichthouder; houdt rekening met de herverdeling (uitgangspunten 2 en 4).".into(),
        });
    }
    for m in list.ministries() {
        out.push(Recipient {
            kind: RecipientKind::Ministerie,
            name: m.naam.trim().to_string(),
            attention: m.tav.as_ref().map(|t| t.trim().to_string()),
            address: m.postadres.iter().map(|l| l.trim().to_string()).collect(),
            phone: None,
            reason: m.rol.reason().into(),
        });
    }
    out
}
