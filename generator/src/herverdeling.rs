//! The herverdelingscheck's content for the site: the municipalities list and the letter template,
//! checked like all content and written beside the page for its script.

use crate::codes::Code;
use crate::content::read_text;
use crate::diagnostics::{display_path, Diagnostic};
use crate::messages::Message;
use crate::render::{template_check, OutputFile};
use calculator_wasm::addressees::{addressees_from_yaml, AddressError, AddressProblem, Addressees};
use calculator_wasm::{validate_letter_template, LetterError, MunicipalityList};
use std::path::Path;

pub const MUNICIPALITIES_FILE: &str = "content/gemeenten.yaml";
pub const LETTER_TEMPLATE_FILE: &str = "content/herverdeling/brief-coa.html";
/// The ministries of uitgangspunt 5 and the provinces' postal addresses (optional: without it the
/// documents name no ministry and leave room for every address).
pub const ADDRESSES_FILE: &str = "content/adressen.yaml";

/// Why `content/adressen.yaml` could not be used: its text (when it could be read) and the errors.
pub type AddressesError = (Option<String>, Vec<AddressError>);

/// Reads `content/adressen.yaml` when it exists: `Ok(None)` without the file; errors with the
/// file's text for the caller to report with lines.
pub fn read_addressees(root: &Path) -> Result<Option<Addressees>, AddressesError> {
    let path = root.join(ADDRESSES_FILE);
    if std::fs::symlink_metadata(&path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
        return Ok(None);
    }
    // Through the project's reading rules: a FIFO here blocked `check` and `herverdeling`.
    let text = read_text(root, &path).map_err(|d| {
        (
            None,
            vec![AddressError {
                line: None,
                column: None,
                problem: AddressProblem::Syntax {
                    problem: d.text(),
                    fix: None,
                },
            }],
        )
    })?;
    addressees_from_yaml(&text)
        .map(Some)
        .map_err(|errors| (Some(text), errors))
}

/// The catalogue's message and hint for a problem in `content/adressen.yaml`.
pub(crate) fn address_message(problem: &AddressProblem) -> (Message, Message) {
    let line = |l: &Option<usize>| l.unwrap_or(0);
    match problem {
        AddressProblem::Syntax { problem, fix } => (
            crate::msg!("addresses-invalid", detail = problem.as_str()),
            fix.as_deref()
                .map(Message::raw)
                .unwrap_or_else(|| crate::msg!("addresses-invalid-hint")),
        ),
        AddressProblem::EmptyName => (
            crate::msg!("addresses-empty-name"),
            crate::msg!("addresses-empty-name-hint"),
        ),
        AddressProblem::EmptyLine { naam } => (
            crate::msg!("addresses-empty-line", name = naam),
            crate::msg!("addresses-empty-line-hint"),
        ),
        AddressProblem::RoleTwice {
            naam,
            rol,
            first,
            first_line,
        } => (
            crate::msg!(
                "addresses-role-twice",
                name = naam,
                role = rol.as_str(),
                first = first,
                first_line = line(first_line)
            ),
            crate::msg!("addresses-role-twice-hint"),
        ),
        AddressProblem::RoleMissing { rol } => (
            crate::msg!("addresses-role-missing", role = rol.as_str()),
            crate::msg!("addresses-role-missing-hint", role = rol.as_str()),
        ),
        AddressProblem::UnknownProvince { naam } => (
            crate::msg!("addresses-unknown-province", name = naam),
            crate::msg!(
                "addresses-unknown-province-hint",
                provinces = calculator_wasm::Province::ALL.map(|p| p.name()).join(", ")
            ),
        ),
        AddressProblem::ProvinceTwice { naam, first_line } => (
            crate::msg!(
                "addresses-province-twice",
                name = naam,
                first_line = line(first_line)
            ),
            crate::msg!("addresses-province-twice-hint"),
        ),
    }
}

/// The diagnostics for the errors of `content/adressen.yaml`, each at its line.
pub fn address_diagnostics((text, errors): &AddressesError) -> Vec<Diagnostic> {
    errors
        .iter()
        .map(|e| {
            let (message, hint) = address_message(&e.problem);
            let mut d = Diagnostic::error(Code::InvalidAddresses, ADDRESSES_FILE, message)
                .at(e.line.unwrap_or(0), e.column.unwrap_or(0))
                .hint(hint);
            if let Some(text) = text {
                d = d.with_source(text);
            }
            d
        })
        .collect()
}

/// The documents' templates by name (the names of `calculator_wasm::office::DOCUMENTS`); the letter
/// to COA first. Each is validated by `check` and written beside the page for its script.
pub const DOCUMENT_TEMPLATES: [(&str, &str); 5] = [
    ("coa", LETTER_TEMPLATE_FILE),
    ("provincie", "content/herverdeling/melding-provincie.html"),
    (
        "ministerie",
        "content/herverdeling/melding-ministeries.html",
    ),
    ("besluit", "content/herverdeling/besluit.html"),
    ("bekendmaking", "content/herverdeling/bekendmaking.html"),
];

/// The template file of document `name`.
pub fn template_file(name: &str) -> Option<&'static str> {
    DOCUMENT_TEMPLATES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, f)| *f)
}

/// What the checker page needs from `content/`.
pub struct CheckerContent {
    pub municipalities: MunicipalityList,
    pub letter_template: String,
    /// The other documents' templates: (file relative to the root, text).
    pub other_templates: Vec<(&'static str, String)>,
}

impl CheckerContent {
    /// Files the page's script fetches.
    pub fn files(&self) -> Vec<OutputFile> {
        vec![
            OutputFile {
                path: "herverdeling/gemeenten.json".into(),
                bytes: self.municipalities.to_json().into_bytes(),
            },
            OutputFile {
                path: "herverdeling/brief-coa.html".into(),
                bytes: self.letter_template.clone().into_bytes(),
            },
        ]
        .into_iter()
        .chain(self.other_templates.iter().map(|(file, text)| OutputFile {
            path: format!("herverdeling/{}", file.rsplit('/').next().unwrap_or(file)),
            bytes: text.clone().into_bytes(),
        }))
        .collect()
    }

    /// The page template's context: the list for the name suggestions.
    pub fn page_data(&self) -> serde_json::Value {
        serde_json::to_value(self.municipalities.entries()).unwrap_or(serde_json::Value::Null)
    }
}

/// The URLs of the checker's `files` ([`CheckerContent::files`]) for the page, by file name
/// (`brief-coa.html`), each with a hash of its bytes (see [`crate::render::static_urls`]): after
/// a deploy the page asks for the templates of its own build, never an older one kept in the
/// browser's cache.
pub fn file_urls(files: &[OutputFile], base: &str) -> serde_json::Value {
    files
        .iter()
        .map(|f| {
            let name = f.path.trim_start_matches("herverdeling/").to_string();
            let url = crate::render::static_urls::versioned(&format!("{base}{}", f.path), &f.bytes);
            (name, serde_json::Value::String(url))
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

pub fn load(root: &Path) -> (Option<CheckerContent>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let list_path = root.join(MUNICIPALITIES_FILE);
    let list_text = read_text(root, &list_path);
    // Names go into the letters: a hidden or direction-changing character is an error there too.
    if let Ok(text) = &list_text {
        diags.extend(crate::content::hidden::in_yaml(
            &display_path(root, &list_path),
            text,
            0,
        ));
    }
    let municipalities = match list_text {
        Ok(text) => match MunicipalityList::from_yaml(&text) {
            Ok(list) => Some(list),
            Err(errors) => {
                for e in errors {
                    diags.push(
                        Diagnostic::error(
                            Code::InvalidMunicipalities,
                            display_path(root, &list_path),
                            crate::msg!("municipalities-invalid", detail = e.message.as_str()),
                        )
                        .at(e.line.unwrap_or(0), e.column.unwrap_or(0))
                        .hint(
                            e.hint
                                .as_deref()
                                .map(Message::raw)
                                .unwrap_or_else(|| crate::msg!("municipalities-invalid-hint")),
                        )
                        .with_source(&text),
                    );
                }
                None
            }
        },
        Err(d) => {
            diags.push(d);
            None
        }
    };
    let municipalities = match read_addressees(root) {
        Ok(addressees) => {
            if addressees.is_some() {
                let path = root.join(ADDRESSES_FILE);
                if let Ok(text) = read_text(root, &path) {
                    diags.extend(crate::content::hidden::in_yaml(
                        &display_path(root, &path),
                        &text,
                        0,
                    ));
                }
            }
            municipalities.map(|list| list.with_addressees(addressees.unwrap_or_default()))
        }
        Err(e) => {
            diags.extend(address_diagnostics(&e));
            None
        }
    };
    let mut templates = Vec::new();
    let mut all_templates = true;
    let variables = calculator_wasm::letter_variables();
    for (_, file) in DOCUMENT_TEMPLATES {
        match load_template(root, file, &variables, &mut diags) {
            Some(text) => templates.push((file, text)),
            None => all_templates = false,
        }
    }
    let letter_template = if all_templates {
        templates.first().map(|(_, t)| t.clone())
    } else {
        None
    };
    let other_templates = templates.into_iter().skip(1).collect();
    match (municipalities, letter_template) {
        (Some(municipalities), Some(letter_template)) => (
            Some(CheckerContent {
                municipalities,
                letter_template,
                other_templates,
            }),
            diags,
        ),
        _ => (None, diags),
    }
}

/// One document template, read and checked as `check` reads it: its problems (a hidden
/// character, a block without its end, a variable it does not get) when `check` would refuse
/// it, so that `kennisbank herverdeling --document` never writes a document `build` would not.
pub fn checked_template(root: &Path, file: &str) -> Result<String, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let text = load_template(root, file, &calculator_wasm::letter_variables(), &mut diags);
    diags.retain(Diagnostic::is_error);
    match text {
        Some(text) if diags.is_empty() => Ok(text),
        _ => Err(diags),
    }
}

/// Reads and validates one document template; problems go to `diags` with the line. A hidden
/// character ([`crate::content::hidden::in_template`]) is reported with the other problems. The
/// template's own checks (blocks, HTML, the variables it gets) come first: they name the problem
/// where the engine's message does not.
fn load_template(
    root: &Path,
    file: &str,
    variables: &template_check::Variables,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let path = root.join(file);
    let shown = display_path(root, &path);
    let text = match read_text(root, &path) {
        Ok(text) => text,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    // A character nobody sees would stand in every document signed from this template.
    let hidden =
        crate::content::hidden::in_template(&shown, &text, &template_check::comment_ranges(&text));
    let has_hidden = !hidden.is_empty();
    diags.extend(hidden);
    let problems = template_check::check(&shown, &text, Some(variables));
    if !problems.is_empty() {
        diags.extend(problems);
        return None;
    }
    match validate_letter_template(&text) {
        Ok(()) => (!has_hidden).then_some(text),
        Err(e) => {
            let line = match &e {
                LetterError::Template { line, .. } => line.unwrap_or(0),
                LetterError::Invalid { .. } => 0,
            };
            diags.push(
                Diagnostic::error(
                    Code::LetterTemplate,
                    shown,
                    crate::msg!("letter-template", detail = e.to_string()),
                )
                .at(line, 0)
                .hint(crate::msg!("letter-template-hint"))
                .with_source(&text),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> &'static Path {
        Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
    }

    /// A temporary project with the project's municipalities list and document templates, and no
    /// `content/adressen.yaml`; tests overwrite what they break.
    fn temp_project() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/herverdeling")).unwrap();
        let files = std::iter::once(MUNICIPALITIES_FILE).chain(DOCUMENT_TEMPLATES.map(|(_, f)| f));
        for file in files {
            std::fs::copy(project().join(file), dir.path().join(file)).unwrap();
        }
        dir
    }

    fn found(diags: &[Diagnostic]) -> Vec<(&str, &str, usize)> {
        diags
            .iter()
            .map(|d| (d.code, d.path.as_str(), d.line))
            .collect()
    }

    #[test]
    fn project_content_loads_without_problems() {
        let (checker, diags) = load(project());
        assert!(diags.is_empty(), "{diags:?}");
        let checker = checker.unwrap();
        assert!(checker.municipalities.len() > 300);
        let json = String::from_utf8(checker.files()[0].bytes.clone()).unwrap();
        assert!(json.contains("\"naam\":\"Ameland\""), "{json}");
    }

    #[test]
    fn broken_list_and_template_are_reported_with_lines() {
        let dir = temp_project();
        std::fs::write(
            dir.path().join(MUNICIPALITIES_FILE),
            "gemeenten:\n  - { naam: Urk, provincie: Flevoland }\n  - { naam: urk, provincie: Flevoland }\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join(LETTER_TEMPLATE_FILE),
            "<p>\n{{ gemeenten | upper }}</p>",
        )
        .unwrap();
        let (checker, diags) = load(dir.path());
        assert!(checker.is_none());
        assert_eq!(
            found(&diags),
            [
                ("invalid-municipalities", MUNICIPALITIES_FILE, 3),
                ("letter-template", LETTER_TEMPLATE_FILE, 2)
            ]
        );
    }

    #[test]
    fn addressees_reach_the_page_data_and_bad_ones_are_reported_with_lines() {
        let (checker, _) = load(project());
        let json = String::from_utf8(checker.unwrap().files()[0].bytes.clone()).unwrap();
        assert!(
            json.contains("\"ministeries\":[{\"rol\":\"taakstelling\""),
            "{json}"
        );
        assert!(json.contains("\"provincies\":[{\"naam\":"), "{json}");

        let dir = temp_project();
        std::fs::write(
            dir.path().join(ADDRESSES_FILE),
            "ministeries:\n  - { rol: taakstelling, naam: A }\n  - { rol: taakstelling, naam: B }\n",
        )
        .unwrap();
        let (checker, diags) = load(dir.path());
        assert!(checker.is_none());
        assert_eq!(
            found(&diags),
            [
                ("invalid-addresses", ADDRESSES_FILE, 3),
                ("invalid-addresses", ADDRESSES_FILE, 1)
            ]
        );
        // The second holder of a role is named with the first and its line, in Dutch.
        let text = diags[0].message.render(crate::messages::Lang::Nl);
        assert_eq!(
            text,
            "`B` heeft de rol `taakstelling`, die `A` (regel 2) al heeft"
        );
        // Without the file the documents name no ministry, and nothing is wrong.
        std::fs::remove_file(dir.path().join(ADDRESSES_FILE)).unwrap();
        let (checker, diags) = load(dir.path());
        assert!(diags.is_empty(), "{diags:?}");
        assert!(checker.unwrap().municipalities.ministries().is_empty());
    }

    #[test]
    fn a_wrong_province_a_double_and_an_empty_line_are_reported_at_their_lines() {
        let dir = temp_project();
        std::fs::write(
            dir.path().join(ADDRESSES_FILE),
            "ministeries:\n  - { rol: taakstelling, naam: A }\n  - { rol: huisvestingswet, naam: B }\nprovincies:\n  - naam: Fryslân\n    postadres: [Postbus 20120, 8900 HM Leeuwarden]\n  - naam: Zuid-Limburg\n    postadres: [Postbus 1]\n  - naam: Friesland\n    postadres: [Postbus 1]\n  - naam: Overijssel\n    postadres:\n      - Postbus 10078\n      - ''\n",
        )
        .unwrap();
        let (checker, diags) = load(dir.path());
        assert!(checker.is_none());
        assert_eq!(
            found(&diags),
            [
                ("invalid-addresses", ADDRESSES_FILE, 7),
                ("invalid-addresses", ADDRESSES_FILE, 9),
                ("invalid-addresses", ADDRESSES_FILE, 11),
            ]
        );
        let texts: Vec<String> = diags
            .iter()
            .map(|d| d.message.render(crate::messages::Lang::Nl))
            .collect();
        assert_eq!(
            texts,
            [
                "`Zuid-Limburg` is geen provincie",
                "de provincie `Fryslân` staat er twee keer in (eerst op regel 5)",
                "`Overijssel`: het postadres heeft een lege regel of geen regels",
            ]
        );
    }
}
