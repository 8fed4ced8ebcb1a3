//! The JSON Schemas for editors (`docs/schemas/`, made by `kennisbank schema`): they are what the
//! command writes (so they cannot drift from `content::schema`), they accept the real content,
//! and they refuse a wrong field, as `check` does.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

/// A small JSON Schema checker for the keywords the schemas use; the first problem found.
fn validate(schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    if let Some(options) = schema.get("anyOf").and_then(Value::as_array) {
        if !options.iter().any(|s| validate(s, value, at).is_ok()) {
            return Err(format!("{at}: matches none of anyOf"));
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
        if !allowed.contains(value) {
            return Err(format!("{at}: {value} is not one of {allowed:?}"));
        }
    }
    if let Some(kind) = schema.get("type").and_then(Value::as_str) {
        let ok = match kind {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "boolean" => value.is_boolean(),
            other => panic!("unknown type {other}"),
        };
        if !ok {
            return Err(format!("{at}: {value} is not of type {kind}"));
        }
    }
    if let (Some(pattern), Some(text)) = (
        schema.get("pattern").and_then(Value::as_str),
        value.as_str(),
    ) {
        if !regex::Regex::new(pattern).unwrap().is_match(text) {
            return Err(format!("{at}: {text:?} does not match {pattern}"));
        }
    }
    if let Some(object) = value.as_object() {
        let properties = schema.get("properties").and_then(Value::as_object);
        for name in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !object.contains_key(name.as_str().unwrap()) {
                return Err(format!("{at}: required field {name} is missing"));
            }
        }
        for (key, v) in object {
            match properties.and_then(|p| p.get(key)) {
                Some(s) => validate(s, v, &format!("{at}.{key}"))?,
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    return Err(format!("{at}: field `{key}` is not allowed"))
                }
                None => {}
            }
        }
    }
    if let Some(items) = value.as_array() {
        if let Some(max) = schema.get("maxItems").and_then(Value::as_u64) {
            if items.len() as u64 > max {
                return Err(format!("{at}: more than {max} items"));
            }
        }
        if let Some(min) = schema.get("minItems").and_then(Value::as_u64) {
            if (items.len() as u64) < min {
                return Err(format!("{at}: fewer than {min} items"));
            }
        }
        if let Some(s) = schema.get("items") {
            for (i, item) in items.iter().enumerate() {
                validate(s, item, &format!("{at}[{i}]"))?;
            }
        }
    }
    Ok(())
}

fn schema(name: &str) -> Value {
    let text = std::fs::read_to_string(repo_root().join("docs/schemas").join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).unwrap()
}

fn front_matter(text: &str) -> Value {
    let rest = text.strip_prefix("---\n").expect("front matter");
    yaml(&rest[..rest.find("\n---").expect("end of front matter")])
}

#[test]
fn the_committed_schemas_are_what_the_command_writes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("schemas");
    let run = kennisbank(&["schema", "--out", out.to_str().unwrap()], dir.path());
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let written = tree(&out);
    let committed = tree(&repo_root().join("docs/schemas"));
    assert_eq!(
        written.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        committed.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    for ((path, new), (_, old)) in written.iter().zip(&committed) {
        assert!(
            new == old,
            "docs/schemas/{path} is not what `kennisbank schema` writes: run `cargo run -p kennisbank -- schema` and commit it"
        );
    }
}

#[test]
fn the_schemas_accept_the_real_content() {
    let root = repo_root();
    let practice = schema("practice.schema.json");
    let mut count = 0;
    for entry in walkdir::WalkDir::new(root.join("content/praktijken")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "md") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            validate(
                &practice,
                &front_matter(&text),
                &entry.path().display().to_string(),
            )
            .unwrap();
            count += 1;
        }
    }
    assert!(count > 20, "{count} practices");
    for (schema_file, content) in [
        ("site.schema.json", "content/site.yaml"),
        ("stappenplan.schema.json", "content/stappenplan.yaml"),
        ("synoniemen.schema.json", "content/synoniemen.yaml"),
        ("gemeenten.schema.json", "content/gemeenten.yaml"),
        ("adressen.schema.json", "content/adressen.yaml"),
    ] {
        let text = std::fs::read_to_string(root.join(content)).unwrap();
        validate(&schema(schema_file), &yaml(&text), content).unwrap();
    }
}

#[test]
fn the_schemas_refuse_what_check_refuses() {
    let practice = schema("practice.schema.json");
    let good = "title: A\nadded: 2026-01-01\n";
    validate(&practice, &yaml(good), "p").unwrap();
    for (bad, why) in [
        (
            "title: A\ntitel: A\nadded: 2026-01-01\n",
            "field `titel` is not allowed",
        ),
        ("added: 2026-01-01\n", "required field \"title\" is missing"),
        ("title: A\nadded: 1-1-2026\n", "does not match"),
        (
            "title: A\nadded: 2026-01-01\norder: tien\n",
            "is not of type integer",
        ),
        (
            "title: A\nadded: 2026-01-01\nlinks:\n  - url: www.vng.nl\n    label: VNG\n",
            "does not match",
        ),
        (
            "title: A\nadded: 2026-01-01\ncontact:\n  naam: Jan\n",
            "field `naam` is not allowed",
        ),
    ] {
        let e = validate(&practice, &yaml(bad), "p").unwrap_err();
        assert!(e.contains(why), "{bad:?}: {e}");
    }
    let e = validate(
        &schema("gemeenten.schema.json"),
        &yaml("gemeenten:\n  - { naam: Ameland }\n"),
        "g",
    )
    .unwrap_err();
    assert!(e.contains("\"provincie\" is missing"), "{e}");
    let addresses = schema("adressen.schema.json");
    for (bad, why) in [
        (
            "ministeries:\n  - { rol: wonen, naam: A }\n",
            "is not one of",
        ),
        (
            "ministeries: []\nprovincies:\n  - { naam: Fryslân }\n",
            "\"postadres\" is missing",
        ),
        (
            "ministeries: []\nprovincies:\n  - { naam: Fryslân, postadres: [Postbus 1, ''] }\n",
            "does not match",
        ),
    ] {
        let e = validate(&addresses, &yaml(bad), "a").unwrap_err();
        assert!(e.contains(why), "{bad:?}: {e}");
    }
    let e = validate(
        &schema("site.schema.json"),
        &yaml("title: X\nintro: Y\ncategories: []\nthema: x\n"),
        "s",
    )
    .unwrap_err();
    assert!(e.contains("field `thema` is not allowed"), "{e}");
}

#[test]
fn vscode_maps_each_yaml_schema_onto_its_file() {
    let root = repo_root();
    let settings: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join(".vscode/settings.json")).unwrap())
            .unwrap();
    let mapped = settings["yaml.schemas"].as_object().expect("yaml.schemas");
    for (schema_file, content) in [
        ("site.schema.json", "content/site.yaml"),
        ("stappenplan.schema.json", "content/stappenplan.yaml"),
        ("synoniemen.schema.json", "content/synoniemen.yaml"),
        ("gemeenten.schema.json", "content/gemeenten.yaml"),
        ("adressen.schema.json", "content/adressen.yaml"),
    ] {
        let key = format!("./docs/schemas/{schema_file}");
        assert!(Path::new(&root.join(&key[2..])).is_file(), "{key}");
        let globs = &mapped[&key];
        assert!(
            globs == content
                || globs
                    .as_array()
                    .is_some_and(|a| a.iter().any(|g| g == content)),
            "{key} is not mapped onto {content}: {globs}"
        );
    }
}
