//! `content/stappenplan.yaml`: the BIJLAGE with the steps, the uitgangspunten and footnotes.

use super::schema;
use super::yaml::YamlDoc;
use crate::codes::Code;
use crate::diagnostics::Diagnostic;
use crate::model::Stappenplan;

pub const PATH: &str = "content/stappenplan.yaml";

pub fn parse(text: &str) -> (Option<Stappenplan>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let doc = match YamlDoc::parse(PATH, text, text, 0) {
        Ok(d) => d,
        Err(d) => return (None, vec![d]),
    };
    doc.check_keys(
        &schema::names(schema::STAPPENPLAN),
        &schema::required(schema::STAPPENPLAN),
        crate::msg!("what-stappenplan"),
        &mut diags,
    );
    diags.extend(super::hidden::in_yaml(PATH, text, 0));
    if !diags.is_empty() {
        return (None, diags);
    }
    diags.extend(
        super::lint::folded_blocks(PATH, text, 1)
            .into_iter()
            .map(|d| d.with_source(text)),
    );
    // The nested structure is checked by serde, which knows the line of the first problem.
    match serde_yaml::from_str::<Stappenplan>(text) {
        Ok(plan) => {
            // The page would be a title over nothing.
            for (key, empty) in [
                ("steps", plan.steps.is_empty()),
                ("uitgangspunten", plan.uitgangspunten.is_empty()),
            ] {
                if empty {
                    diags.push(
                        doc.error_at(
                            Code::EmptyField,
                            doc.key_line(key),
                            crate::msg!("field-empty", key = key),
                        )
                        .hint(crate::msg!("stappenplan-list-empty-hint", key = key)),
                    );
                }
            }
            let mut ids = std::collections::BTreeSet::new();
            for f in &plan.footnotes {
                if !ids.insert(f.id.as_str()) {
                    diags.push(doc.error_at(
                        Code::DuplicateFootnote,
                        doc.line_of("footnotes", &format!("id: {}", f.id)),
                        crate::msg!("footnote-twice", id = f.id.as_str()),
                    ));
                }
            }
            let texts = plan
                .steps
                .iter()
                .map(|s| ("steps", s.text.as_str()))
                .chain(
                    plan.uitgangspunten
                        .iter()
                        .map(|u| ("uitgangspunten", u.text.as_str())),
                )
                .chain(
                    plan.footnotes
                        .iter()
                        .map(|f| ("footnotes", f.text.as_str())),
                )
                .chain([("intro", plan.intro.as_str())]);
            for (key, text_of) in texts.clone() {
                diags.extend(crate::validate::markdown_links(
                    PATH,
                    text_of,
                    crate::msg!("where-field", key = key),
                    |_, url| doc.line_of(key, url),
                ));
            }
            for (_, text_of) in texts.filter(|(key, _)| matches!(*key, "steps" | "uitgangspunten"))
            {
                for reference in footnote_refs(text_of) {
                    if !ids.contains(reference) {
                        diags.push(
                            doc.error_at(
                                Code::UnknownFootnote,
                                doc.line_of("steps", &format!("[^{reference}]")),
                                crate::msg!("footnote-undefined", id = reference),
                            )
                            .hint(crate::msg!("footnote-undefined-hint", id = reference)),
                        );
                    }
                }
            }
            let ok = !diags.iter().any(Diagnostic::is_error);
            (ok.then_some(plan), diags)
        }
        Err(e) => {
            let line = e.location().map(|l| l.line()).unwrap_or(1);
            let column = e.location().map(|l| l.column()).unwrap_or(0);
            let message = crate::messages::Arg::parser(e);
            diags.push(
                Diagnostic::error(
                    Code::InvalidStappenplan,
                    PATH,
                    crate::msg!("stappenplan-invalid", detail = message),
                )
                .at(line, column)
                .hint(crate::msg!("stappenplan-invalid-hint"))
                .with_source(text),
            );
            (None, diags)
        }
    }
}

/// The footnote ids referred to as `[^id]` in a markdown text.
pub fn footnote_refs(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices("[^").filter_map(move |(i, _)| {
        let rest = &text[i + 2..];
        let end = rest.find(']')?;
        Some(&rest[..end])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_without_steps_is_an_error_at_the_key() {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/stappenplan.yaml"),
        )
        .unwrap();
        let start = text.find("\nsteps:").unwrap() + 1;
        let end = start + text[start..].find("\nuitgangspunten:").unwrap() + 1;
        let emptied = format!("{}steps: []\n{}", &text[..start], &text[end..]);
        let (plan, d) = parse(&emptied);
        assert!(plan.is_none(), "{d:?}");
        let e = d
            .iter()
            .find(|d| d.code == "empty-field")
            .expect("empty-field");
        assert_eq!(e.line, emptied[..start].lines().count() + 1);
    }

    const OK: &str = "title: S\nsteps:\n  - {title: a, actor: b, text: c}\nuitgangspunten:\n  - {title: u, text: \"t[^n]\"}\nfootnotes:\n  - {id: n, text: voet}\n";

    #[test]
    fn reads_steps_uitgangspunten_and_footnotes() {
        let (p, d) = parse(OK);
        assert!(d.is_empty(), "{d:?}");
        let p = p.unwrap();
        assert_eq!(p.steps.len(), 1);
        assert_eq!(p.footnotes[0].id, "n");
    }

    #[test]
    fn undefined_footnote_is_an_error() {
        let (p, d) = parse(&OK.replace("id: n", "id: m"));
        assert!(p.is_none());
        assert_eq!(d[0].code, "unknown-footnote");
    }

    #[test]
    fn script_links_in_steps_and_footnotes_are_refused_at_their_lines() {
        let text = OK
            .replace("text: c}", "text: \"[a](javascript:alert(1))\"}")
            .replace("text: voet}", "text: \"[b](data:text/html,x)\"}");
        let (p, d) = parse(&text);
        assert!(p.is_none());
        let lines: Vec<(&str, usize)> = d.iter().map(|d| (d.code, d.line)).collect();
        assert_eq!(lines, [("unsafe-link", 3), ("unsafe-link", 7)], "{d:?}");
    }

    #[test]
    fn unknown_step_field_names_the_line() {
        let (_, d) = parse(
            "title: S\nsteps:\n  - title: a\n    actor: b\n    tekst: c\nuitgangspunten: []\n",
        );
        assert_eq!(d[0].code, "invalid-stappenplan");
        assert!(d[0].text().contains("tekst"), "{:?}", d[0]);
        assert!(d[0].line >= 3, "{:?}", d[0]);
    }
}
