//! The browser's door to the rules: thin functions that take and return JSON text.
//! Every function answers with JSON, also on bad input, so the page never sees an exception.

use crate::municipalities::MunicipalityList;
use crate::rules::check as check_rules;
use crate::scenario::Scenario;
use crate::share;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
struct Failure<'a> {
    error: Problem<'a>,
}

#[derive(Serialize)]
struct Problem<'a> {
    /// `scenario`, `municipalities`, `link` or `letter`.
    source: &'a str,
    message: String,
    line: Option<usize>,
    column: Option<usize>,
}

fn failure(source: &str, message: String, line: Option<usize>, column: Option<usize>) -> String {
    serde_json::to_string(&Failure {
        error: Problem {
            source,
            message,
            line,
            column,
        },
    })
    .unwrap_or_else(|_| String::from("{\"error\":{\"source\":\"internal\"}}"))
}

fn inputs(
    scenario_json: &str,
    municipalities_json: &str,
) -> Result<(Scenario, MunicipalityList), String> {
    let scenario = Scenario::from_json(scenario_json)
        .map_err(|e| failure("scenario", e.to_string(), e.line, e.column))?;
    let list = MunicipalityList::from_json(municipalities_json).map_err(|errs| {
        let first = errs.first();
        failure(
            "municipalities",
            errs.iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("; "),
            first.and_then(|e| e.line),
            first.and_then(|e| e.column),
        )
    })?;
    Ok((scenario, list))
}

/// The verdict JSON for a scenario (JSON, every value may be a string) and the municipalities
/// list (`{"gemeenten":[{"naam","provincie","ook"?}]}`); `{"error":{…}}` when either is unreadable.
#[wasm_bindgen]
pub fn check(scenario_json: &str, municipalities_json: &str) -> String {
    match inputs(scenario_json, municipalities_json) {
        Ok((scenario, list)) => check_rules(&scenario, &list).to_json(),
        Err(failure) => failure,
    }
}

/// The site-relative link `/herverdeling/#…` for a scenario, as `{"link":"…"}`.
#[wasm_bindgen]
pub fn encode_link(scenario_json: &str) -> String {
    #[derive(Serialize)]
    struct Out {
        link: String,
    }
    match Scenario::from_json(scenario_json) {
        Ok(s) => match share::encode_link(&s) {
            Ok(link) => serde_json::to_string(&Out { link }).unwrap_or_default(),
            Err(e) => failure("link", e.message, None, None),
        },
        Err(e) => failure("scenario", e.to_string(), e.line, e.column),
    }
}

/// The scenario in a link (or its query string), as `{"scenario":{…}}`.
#[wasm_bindgen]
pub fn decode_link(link: &str) -> String {
    #[derive(Serialize)]
    struct Out {
        scenario: Scenario,
    }
    match share::decode_link(link) {
        Ok(scenario) => serde_json::to_string(&Out { scenario }).unwrap_or_default(),
        Err(e) => failure("link", e.message, None, None),
    }
}

/// The letter to COA as `{"html":"…"}`; `{"error":{…}}` for a broken template or input, and
/// `{"error":{…},"errors":[…]}` when the scenario is not valid.
#[cfg(feature = "letter")]
#[wasm_bindgen]
pub fn letter(template: &str, scenario_json: &str, municipalities_json: &str) -> String {
    use crate::letter::{render_letter, LetterError};
    #[derive(Serialize)]
    struct Out {
        html: String,
    }
    #[derive(Serialize)]
    struct Invalid<'a> {
        error: Problem<'a>,
        errors: Vec<crate::verdict::Issue>,
    }
    let (scenario, list) = match inputs(scenario_json, municipalities_json) {
        Ok(x) => x,
        Err(failure) => return failure,
    };
    match render_letter(template, &check_rules(&scenario, &list)) {
        Ok(html) => serde_json::to_string(&Out { html }).unwrap_or_default(),
        Err(LetterError::Template { line, message }) => failure("letter", message, line, None),
        Err(LetterError::Invalid { errors }) => serde_json::to_string(&Invalid {
            error: Problem {
                source: "scenario",
                message: "De herverdeling klopt nog niet; eerst de fouten herstellen.".into(),
                line: None,
                column: None,
            },
            errors,
        })
        .unwrap_or_default(),
    }
}

/// A document for a valid scenario as file bytes: `template` (of document `name`: `coa`,
/// `provincie`, `besluit`, `bekendmaking`) rendered and written as `format` (`odt` or `docx`). Empty when the scenario is invalid, the template broken
/// or the format unknown; the page asks [`letter`] first, which says why.
#[cfg(feature = "letter")]
#[wasm_bindgen]
pub fn document(
    template: &str,
    scenario_json: &str,
    municipalities_json: &str,
    format: &str,
    name: &str,
) -> Vec<u8> {
    use crate::office::{self, Format};
    let Ok((scenario, list)) = inputs(scenario_json, municipalities_json) else {
        return Vec::new();
    };
    let Some(format) = Format::parse(format) else {
        return Vec::new();
    };
    match crate::letter::render_letter(template, &check_rules(&scenario, &list)) {
        Ok(html) => office::write(&html, office::title(name), format),
        Err(_) => Vec::new(),
    }
}

/// Document `name`'s rendered HTML (from [`letter`]) as a standalone page to print or save, with
/// the same title and style as `kennisbank herverdeling --document NAME --format html`.
#[cfg(feature = "letter")]
#[wasm_bindgen]
pub fn printable(body: &str, name: &str) -> String {
    crate::office::print::printable_html(body, crate::office::title(name))
}

/// A scenario file as the page opens it, YAML (as the CLI reads it) or JSON: `{"scenario":{…}}`,
/// or `{"error":{…}}` with the line and column of what could not be read.
#[cfg(feature = "yaml")]
#[wasm_bindgen]
pub fn scenario_from_text(text: &str) -> String {
    #[derive(Serialize)]
    struct Out {
        scenario: Scenario,
    }
    match Scenario::parse(text) {
        Ok(scenario) => serde_json::to_string(&Out { scenario }).unwrap_or_default(),
        Err(e) => failure("scenario", e.to_string(), e.line, e.column),
    }
}

/// The scenario (JSON, as the page holds it) as the YAML file the CLI reads; empty when the JSON
/// cannot be read.
#[cfg(feature = "yaml")]
#[wasm_bindgen]
pub fn scenario_to_yaml(scenario_json: &str) -> String {
    Scenario::from_json(scenario_json)
        .map(|s| s.to_yaml())
        .unwrap_or_default()
}
