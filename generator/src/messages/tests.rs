use super::*;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The variables of each message of a catalogue.
fn catalogue(source: &'static str, name: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{name} does not parse: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            assert!(
                out.insert(m.id.name.to_string(), vars).is_none(),
                "{name}: `{}` twice",
                m.id.name
            );
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        _ => {}
    }
}

/// Every `msg!("id", name = …)` in the generator's source: the id, the names of its arguments
/// and where it is.
fn uses() -> Vec<(String, BTreeSet<String>, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        // This file names `msg!(` in its own code.
        if entry.path().extension().is_none_or(|e| e != "rs")
            || entry.path().ends_with("messages/tests.rs")
        {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let code: String = text
            .lines()
            .map(|l| {
                if l.trim_start().starts_with("//") {
                    ""
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let mut rest = code.as_str();
        while let Some(at) = rest.find("msg!(") {
            rest = rest[at + 5..].trim_start();
            let Some(after_quote) = rest.strip_prefix('"') else {
                continue; // the macro's own definition
            };
            rest = after_quote;
            let end = rest.find('"').unwrap();
            let id = rest[..end].to_string();
            let names = arg_names(&rest[end + 1..]);
            let line = code.len() - rest.len();
            let line = code[..line].lines().count();
            found.push((id, names, format!("{}:{line}", entry.path().display())));
        }
    }
    found
}

/// The names before `=` of the top-level arguments up to the closing `)`.
fn arg_names(after_id: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut piece = String::new();
    for c in after_id.chars() {
        if in_string {
            in_string = c != '"' || escaped;
            escaped = c == '\\' && !escaped;
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth > 0 => depth -= 1,
            ')' => break,
            ',' if depth == 0 => {
                if let Some((name, _)) = piece.split_once('=') {
                    names.insert(name.trim().to_string());
                }
                piece.clear();
                continue;
            }
            _ => {}
        }
        if depth == 0 {
            piece.push(c);
        }
    }
    if let Some((name, _)) = piece.split_once('=') {
        names.insert(name.trim().to_string());
    }
    names.retain(|n| !n.is_empty() && !n.contains(|c: char| !c.is_alphanumeric() && c != '_'));
    names
}

#[test]
fn both_catalogues_have_the_same_messages_with_the_same_variables() {
    let nl = catalogue(NL_FTL, "nl.ftl");
    let en = catalogue(EN_FTL, "en.ftl");
    let only_nl: Vec<_> = nl.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !nl.contains_key(*k)).collect();
    assert!(only_nl.is_empty(), "only in nl.ftl: {only_nl:?}");
    assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
    for (id, vars) in &nl {
        assert_eq!(
            vars, &en[id],
            "`{id}` has other variables in nl.ftl and en.ftl"
        );
    }
}

#[test]
fn every_message_the_code_uses_is_in_the_catalogue_with_its_arguments() {
    let nl = catalogue(NL_FTL, "nl.ftl");
    let used = uses();
    assert!(used.len() > 20, "found only {} uses of msg!", used.len());
    let mut wrong = Vec::new();
    for (id, names, at) in &used {
        match nl.get(id) {
            None => wrong.push(format!("{at}: `{id}` is not in the catalogue")),
            Some(vars) if vars != names => wrong.push(format!(
                "{at}: `{id}` is given {names:?} but its text uses {vars:?}"
            )),
            Some(_) => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let used: BTreeSet<&String> = used.iter().map(|(id, _, _)| id).collect();
    let unused: Vec<_> = nl.keys().filter(|k| !used.contains(k)).collect();
    assert!(
        unused.is_empty(),
        "in the catalogue but not used: {unused:?}"
    );
}

#[test]
fn renders_in_the_chosen_language_with_nested_messages() {
    let m = crate::msg!("field-not-text", key = "title");
    assert_eq!(m.render(Lang::Nl), "`title` moet tekst zijn");
    assert_eq!(m.render(Lang::En), "`title` must be text");
    let outer = crate::msg!(
        "url-invalid",
        url = "htp://x",
        why = crate::msg!("url-no-scheme")
    );
    assert!(
        outer.render(Lang::Nl).contains("htp://x"),
        "{}",
        outer.render(Lang::Nl)
    );
    assert_ne!(outer.render(Lang::Nl), outer.render(Lang::En));
    assert_eq!(
        Message::raw("zoals het staat").render(Lang::En),
        "zoals het staat"
    );
}

#[test]
fn the_language_comes_from_the_environment_as_posix_orders_it() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(Lang::from_env_vars(env(&[])), Lang::Nl);
    assert_eq!(
        Lang::from_env_vars(env(&[("LANG", "en_US.UTF-8")])),
        Lang::En
    );
    assert_eq!(Lang::from_env_vars(env(&[("LANG", "C.UTF-8")])), Lang::Nl);
    assert_eq!(
        Lang::from_env_vars(env(&[("LC_ALL", "nl_NL.UTF-8"), ("LANG", "en_GB")])),
        Lang::Nl
    );
    assert_eq!(
        Lang::from_env_vars(env(&[("LC_ALL", ""), ("LANG", "en")])),
        Lang::En
    );
}

#[test]
fn system_errors_are_in_the_words_of_the_language() {
    let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
    assert_eq!(
        io_detail(&denied).render(Lang::Nl),
        "geen toestemming; controleer de rechten van het bestand en de map"
    );
    assert_eq!(
        io_detail(&denied).render(Lang::En),
        "permission denied; check the permissions of the file and the folder"
    );
    let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
    assert_eq!(
        io_detail(&missing).render(Lang::Nl),
        "het bestand of de map bestaat niet"
    );
    // A kind without words of its own still says what the system said, after a Dutch lead.
    let odd = std::io::Error::other("iets vreemds");
    assert_eq!(
        io_detail(&odd).render(Lang::Nl),
        "fout van het systeem: iets vreemds"
    );
}
