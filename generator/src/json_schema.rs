//! JSON Schemas of the content files, for editors who write them in VS Code (or another editor
//! with a YAML language server): made from `content::schema`, the description that `check` and
//! the CMS use, so completion, hover texts and red underlines follow the same fields. Pure: the
//! schemas are values; `cmd::schema` writes them.

use crate::content::schema::{self, Field, Kind};
use calculator_wasm::addressees::MinistryRole;
use calculator_wasm::Province;
use serde_json::{json, Map, Value};

/// The schema files by name, with the file (or files) of `content/` each describes.
pub const FILES: [(&str, &str); 6] = [
    (
        "practice.schema.json",
        "content/praktijken/*/*.md (front matter)",
    ),
    ("site.schema.json", "content/site.yaml"),
    ("stappenplan.schema.json", "content/stappenplan.yaml"),
    ("synoniemen.schema.json", "content/synoniemen.yaml"),
    ("gemeenten.schema.json", "content/gemeenten.yaml"),
    ("adressen.schema.json", "content/adressen.yaml"),
];

/// Every schema: (file name, its text), in the order of [`FILES`]. The text is pretty-printed
/// JSON with a final newline, the same on every run.
pub fn all() -> Vec<(&'static str, String)> {
    let schemas = [
        document("Praktijk (front matter)", schema::PRACTICE),
        document("content/site.yaml", schema::SITE),
        document("content/stappenplan.yaml", schema::STAPPENPLAN),
        document("content/synoniemen.yaml", schema::SYNONYMS),
        municipalities(),
        addresses(),
    ];
    FILES
        .iter()
        .zip(schemas)
        .map(|((name, _), schema)| {
            let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
            text.push('\n');
            (*name, text)
        })
        .collect()
}

fn document(title: &str, fields: &[Field]) -> Value {
    let mut root = object(fields);
    if let Value::Object(map) = &mut root {
        map.insert(
            "$schema".into(),
            json!("http://json-schema.org/draft-07/schema#"),
        );
        map.insert("title".into(), json!(title));
    }
    root
}

/// An object with exactly these fields (`check` reports any other as an unknown field).
fn object(fields: &[Field]) -> Value {
    let properties: Map<String, Value> = fields
        .iter()
        .map(|f| (f.name.to_string(), property(f)))
        .collect();
    json!({
        "type": "object",
        "properties": properties,
        "required": schema::required(fields),
        "additionalProperties": false,
    })
}

fn property(f: &Field) -> Value {
    let mut value = kind(f.kind);
    if let Value::Object(map) = &mut value {
        map.insert("title".into(), json!(f.label));
        if !f.hint.is_empty() {
            map.insert("description".into(), json!(f.hint));
        }
    }
    value
}

const SLUG: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// The schema of one kind of value: as strict as `check` where a pattern says it exactly, looser
/// where `check` accepts more than a pattern can say (it gives the precise message).
fn kind(kind: Kind) -> Value {
    match kind {
        Kind::Text | Kind::LongText | Kind::Markdown => json!({"type": "string"}),
        Kind::Date => json!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}),
        Kind::Integer => json!({"type": "integer"}),
        Kind::Bool => json!({"type": "boolean"}),
        Kind::Url => json!({
            "type": "string",
            "pattern": "^(https?://[^\\s/?#]+|mailto:[^\\s@]+@[^\\s@]+)[^\\s]*$",
        }),
        Kind::Email => json!({"type": "string", "pattern": "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$"}),
        Kind::Slug => json!({"type": "string", "pattern": SLUG}),
        Kind::Aliases => json!({
            "type": "array",
            "items": {
                "type": "string",
                "pattern": "^\\s*/*praktijken/[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*/*\\s*$",
            },
        }),
        Kind::Choice(words) => json!({"type": "string", "enum": words}),
        Kind::Tags => json!({"type": "array", "items": {"type": "string"}, "maxItems": 50}),
        Kind::Related => json!({"type": "array", "items": {"type": "string"}, "maxItems": 50}),
        Kind::Blocks(fields) => json!({"type": "array", "items": object(fields)}),
        Kind::Block(fields) => object(fields),
        Kind::WordGroups => json!({
            "type": "array",
            "items": {"type": "array", "items": {"type": "string"}, "minItems": 2},
        }),
    }
}

/// `content/gemeenten.yaml`, as `calculator_wasm::MunicipalityList::from_yaml` reads it. The
/// province is offered from the official names; `check` also accepts other spellings
/// ("Friesland"), so the schema does not refuse them.
fn municipalities() -> Value {
    let provinces: Vec<&str> = Province::ALL.iter().map(|p| p.name()).collect();
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "content/gemeenten.yaml",
        "type": "object",
        "properties": {
            "gemeenten": {
                "title": "Gemeenten",
                "description": "Elke gemeente van Nederland met haar provincie.",
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "naam": {"title": "Naam", "description": "Zoals het CBS de gemeente schrijft.", "type": "string"},
                        "cbs": {
                            "title": "CBS-code",
                            "description": "De gemeentecode van het CBS: GM en vier cijfers, zoals GM0363 (uniek).",
                            "type": "string",
                            "pattern": "^GM[0-9]{4}$",
                        },
                        "provincie": {
                            "title": "Provincie",
                            "description": format!("Een van: {}.", provinces.join(", ")),
                            "anyOf": [{"enum": provinces}, {"type": "string"}],
                        },
                        "ook": {
                            "title": "Ook genoemd",
                            "description": "Andere namen voor dezelfde gemeente (herkend, nooit in brieven).",
                            "type": "array",
                            "items": {"type": "string"},
                        },
                    },
                    "required": ["naam", "provincie"],
                    "additionalProperties": false,
                },
            },
            "opgeheven": {
                "title": "Opgeheven gemeenten",
                "description": "Gemeenten die zijn opgegaan in andere, met de datum.",
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "naam": {"title": "Naam", "type": "string"},
                        "datum": {"title": "Datum", "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                        "opgegaan_in": {"title": "Opgegaan in", "type": "array", "items": {"type": "string"}},
                    },
                    "required": ["naam", "datum", "opgegaan_in"],
                    "additionalProperties": false,
                },
            },
        },
        "required": ["gemeenten"],
        "additionalProperties": false,
    })
}

/// `content/adressen.yaml`, as `calculator_wasm::addressees::addressees_from_yaml` reads it.
/// `check` also accepts other spellings of a province ("Friesland"), so the schema offers the
/// official names without refusing others; that a role or province is there once is for `check`.
fn addresses() -> Value {
    let provinces: Vec<&str> = Province::ALL.iter().map(|p| p.name()).collect();
    let lines = json!({
        "title": "Postadres",
        "description": "De regels van het postadres, zoals [Postbus 20120, 8900 HM Leeuwarden].",
        "type": "array",
        "items": {"type": "string", "pattern": "\\S"},
        "minItems": 1,
    });
    let tav = json!({
        "title": "T.a.v.",
        "description": "De regel \"t.a.v.\" in het adresvak (optioneel).",
        "type": "string",
    });
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "content/adressen.yaml",
        "type": "object",
        "properties": {
            "ministeries": {
                "title": "Ministeries",
                "description": "De twee ministeries van uitgangspunt 5, elke rol één keer.",
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "rol": {
                            "title": "Rol",
                            "description": "taakstelling: stelt de taakstelling op; huisvestingswet: verantwoordelijk voor de Huisvestingswet 2014.",
                            "type": "string",
                            "enum": MinistryRole::ALL.map(MinistryRole::as_str),
                        },
                        "naam": {"title": "Naam", "description": "Zoals het ministerie zichzelf schrijft.", "type": "string"},
                        "tav": tav,
                        "postadres": lines,
                    },
                    "required": ["rol", "naam"],
                    "additionalProperties": false,
                },
            },
            "provincies": {
                "title": "Provincies",
                "description": "Het postadres van Gedeputeerde Staten, per provincie hoogstens één keer.",
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "naam": {
                            "title": "Provincie",
                            "description": format!("Een van: {}.", provinces.join(", ")),
                            "anyOf": [{"enum": provinces}, {"type": "string"}],
                        },
                        "tav": tav,
                        "postadres": lines,
                    },
                    "required": ["naam", "postadres"],
                    "additionalProperties": false,
                },
            },
        },
        "required": ["ministeries"],
        "additionalProperties": false,
    })
}
