//! The CMS: `config.yml` cannot drift from what `check` accepts (a file filled in from every
//! widget passes `check`, each required widget is a field `check` requires, and the fields
//! `check` knows are exactly the form's); the local backend answers Decap's proxy protocol,
//! stays inside `content/`, and refuses a save `check` rejects without writing anything.

mod common;
use common::*;
use kennisbank::cms::{backend, config, serve};
use kennisbank::content::{self, settings, stappenplan, synonyms};
use serde_json::{json, Value};
use std::os::unix::fs::FileTypeExt;
use std::path::Path;

fn local_config(root: &Path) -> Value {
    let yaml = serve::local_config(root).unwrap();
    serde_yaml::from_str(&yaml).unwrap()
}

fn practice_collection<'a>(config: &'a Value, category: &str) -> &'a Value {
    config["collections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == config::collection_name(category))
        .unwrap()
}

fn file_collection<'a>(config: &'a Value, file: &str) -> &'a Value {
    config["collections"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["files"].as_array())
        .flatten()
        .find(|f| f["file"] == file)
        .unwrap_or_else(|| panic!("no file collection for {file}"))
}

/// A value the widget would produce, as the CMS writes it.
fn sample(widget: &Value) -> serde_yaml::Value {
    let v: Value = match widget["widget"].as_str().unwrap() {
        "string" => match widget["pattern"][0].as_str() {
            Some(p) if p.starts_with("^https?") => json!("https://www.voorbeeld.nl/pagina"),
            Some(p) if p.contains('@') => json!("naam@gemeente.nl"),
            Some(p) if p.starts_with("^/praktijken") => json!("/praktijken/algemeen/oud-adres/"),
            Some(_) => json!("woord-2"),
            None => json!("Tekst"),
        },
        "text" | "markdown" => json!("Tekst met **nadruk**."),
        "datetime" => json!("2026-01-02"),
        "number" => json!(3),
        "boolean" => json!(false),
        "select" => {
            let first = &widget["options"][0];
            let value = if first.is_object() {
                first["value"].clone()
            } else {
                first.clone()
            };
            if widget["multiple"] == json!(true) {
                json!([value])
            } else {
                value
            }
        }
        "object" => return fields_sample(&widget["fields"]),
        "list" => {
            if widget["fields"].is_array() {
                return serde_yaml::Value::Sequence(vec![fields_sample(&widget["fields"])]);
            } else if widget["field"].is_object() {
                return serde_yaml::Value::Sequence(vec![sample(&widget["field"])]);
            }
            json!(["woord", "term"])
        }
        other => panic!("no sample for widget {other}"),
    };
    serde_yaml::to_value(v).unwrap()
}

fn fields_sample(fields: &Value) -> serde_yaml::Value {
    let mut map = serde_yaml::Mapping::new();
    for f in fields.as_array().unwrap() {
        map.insert(f["name"].as_str().unwrap().into(), sample(f));
    }
    serde_yaml::Value::Mapping(map)
}

/// A practice file with the given front matter fields of the form (without `body`).
fn practice_text(fields: &[&Value]) -> String {
    let mut map = serde_yaml::Mapping::new();
    for f in fields {
        map.insert(f["name"].as_str().unwrap().into(), sample(f));
    }
    format!(
        "---\n{}---\nDe tekst.\n",
        serde_yaml::to_string(&map).unwrap()
    )
}

fn check_json(root: &Path) -> Vec<Value> {
    let out = kennisbank(
        &[
            "check",
            "--format",
            "json",
            "--root",
            root.to_str().unwrap(),
        ],
        root,
    );
    serde_json::from_slice(&out.stdout).unwrap_or_default()
}

/// The field names `check` lists in an unknown-field hint: the fields it knows.
fn known_fields(diags: &[Value]) -> Vec<String> {
    let hint = diags
        .iter()
        .find(|d| d["code"] == "unknown-field")
        .expect("unknown-field")["hint"]
        .as_str()
        .unwrap()
        .to_string();
    let list = hint.rsplit(": ").next().unwrap();
    let mut names: Vec<String> = list.split(", ").map(str::to_string).collect();
    names.sort();
    names
}

fn form_fields(fields: &Value) -> Vec<String> {
    let mut names: Vec<String> = fields
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap().to_string())
        .filter(|n| n != "body")
        .collect();
    names.sort();
    names
}

#[test]
fn a_practice_filled_in_from_every_widget_passes_check() {
    let project = project("minimal");
    let root = project.path();
    let config = local_config(root);
    let fields: Vec<&Value> = practice_collection(&config, "algemeen")["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["name"] != "body")
        .collect();
    let file = root.join("content/praktijken/algemeen/alle-velden.md");
    std::fs::write(&file, practice_text(&fields)).unwrap();
    let diags = check_json(root);
    assert!(
        diags.iter().all(|d| d["severity"] != "error"),
        "{diags:#?}\n{}",
        std::fs::read_to_string(&file).unwrap()
    );
}

#[test]
fn required_widgets_are_the_fields_check_requires() {
    let project = project("minimal");
    let root = project.path();
    let config = local_config(root);
    let fields: Vec<&Value> = practice_collection(&config, "algemeen")["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["name"] != "body")
        .collect();
    let file = root.join("content/praktijken/algemeen/zonder-veld.md");
    for left_out in &fields {
        let name = left_out["name"].as_str().unwrap();
        let rest: Vec<&Value> = fields
            .iter()
            .copied()
            .filter(|f| f["name"] != name)
            .collect();
        std::fs::write(&file, practice_text(&rest)).unwrap();
        let diags = check_json(root);
        let missing = diags.iter().any(|d| {
            d["code"] == "missing-field"
                && d["message"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("`{name}`"))
        });
        let required_in_form = left_out["required"] != json!(false);
        assert_eq!(
            missing, required_in_form,
            "field `{name}`: check requires it: {missing}, the form: {required_in_form}"
        );
    }
}

#[test]
fn the_form_has_exactly_the_fields_check_knows() {
    let project = project("minimal");
    let root = project.path();
    let config = local_config(root);
    let file = root.join("content/praktijken/algemeen/onbekend.md");
    std::fs::write(
        &file,
        "---\ntitle: T\nadded: 2026-01-02\nzzz: 1\n---\nTekst.\n",
    )
    .unwrap();
    assert_eq!(
        known_fields(&check_json(root)),
        form_fields(&practice_collection(&config, "algemeen")["fields"])
    );

    let site = std::fs::read_to_string(root.join(settings::PATH)).unwrap();
    let (_, d) = settings::parse(&format!("{site}\nzzz: 1\n"));
    let d: Vec<Value> = d.iter().map(|d| serde_json::to_value(d).unwrap()).collect();
    assert_eq!(
        known_fields(&d),
        form_fields(&file_collection(&config, settings::PATH)["fields"])
    );
}

#[test]
fn the_settings_stappenplan_and_synonyms_forms_produce_files_check_accepts() {
    let project = project("minimal");
    let config = local_config(project.path());
    for (path, parse) in [
        (
            settings::PATH,
            (|t: &str| settings::parse(t).1)
                as fn(&str) -> Vec<kennisbank::diagnostics::Diagnostic>,
        ),
        (stappenplan::PATH, |t: &str| stappenplan::parse(t).1),
        (synonyms::PATH, |t: &str| synonyms::parse(t).1),
    ] {
        let text = serde_yaml::to_string(&fields_sample(&file_collection(&config, path)["fields"]))
            .unwrap();
        let diags = parse(&text);
        assert!(
            diags.iter().all(|d| !d.is_error()),
            "{path}:\n{text}\n{diags:#?}"
        );
    }
}

#[test]
fn a_collection_per_category_and_related_offers_every_practice() {
    let project = project("minimal");
    let config = local_config(project.path());
    for category in ["algemeen", "medisch"] {
        let c = practice_collection(&config, category);
        assert_eq!(
            c["folder"],
            format!("{}/{category}", content::PRACTICES_DIR)
        );
        assert_eq!(c["format"], "frontmatter");
        let related = c["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == "related")
            .unwrap();
        let ids: Vec<&str> = related["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["value"].as_str().unwrap())
            .collect();
        assert_eq!(
            ids,
            ["eerste-praktijk", "tweede-praktijk", "medische-woning"]
        );
    }
    assert_eq!(config["locale"], "nl");
    assert_eq!(config["backend"]["proxy_url"], "/api/v1");
}

fn call(root: &Path, request: Value) -> backend::Reply {
    backend::handle(root, request.to_string().as_bytes())
}

const PRACTICE: &str = "content/praktijken/algemeen/nieuw.md";

#[test]
fn the_backend_lists_reads_and_saves_entries() {
    let project = project("minimal");
    let root = project.path();
    let info = call(root, json!({ "action": "info", "params": {} }));
    assert_eq!(info.body["type"], "local_fs");
    let list = call(
        root,
        json!({ "action": "entriesByFolder", "params": { "folder": "content/praktijken/algemeen", "extension": "md", "depth": 1 } }),
    );
    let paths: Vec<&str> = list
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["file"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "content/praktijken/algemeen/eerste-praktijk.md",
            "content/praktijken/algemeen/tweede-praktijk.md"
        ]
    );
    let one = call(
        root,
        json!({ "action": "getEntry", "params": { "path": paths[0] } }),
    );
    assert!(one.body["data"].as_str().unwrap().starts_with("---\n"));
    let raw = "---\ntitle: Nieuw\nadded: 2026-01-02\nupdated: ''\nrelated: [eerste-praktijk]\n---\nTekst.\n";
    let saved = call(
        root,
        json!({ "action": "persistEntry", "params": { "dataFiles": [{ "path": PRACTICE, "raw": raw }], "assets": [], "options": {} } }),
    );
    assert_eq!(saved.status, 200, "{:?}", saved.body);
    // The empty optional field the CMS wrote is left out, so `check` accepts the file.
    assert_eq!(
        std::fs::read_to_string(root.join(PRACTICE)).unwrap(),
        "---\ntitle: Nieuw\nadded: 2026-01-02\nrelated: [eerste-praktijk]\n---\nTekst.\n"
    );
    let files = call(
        root,
        json!({ "action": "entriesByFiles", "params": { "files": [{ "path": "content/site.yaml", "label": "Site" }] } }),
    );
    assert_eq!(files.body[0]["file"]["label"], "Site");
    let deleted = call(
        root,
        json!({ "action": "deleteFile", "params": { "path": PRACTICE } }),
    );
    assert_eq!(deleted.status, 200);
    assert!(!root.join(PRACTICE).exists());
}

#[test]
fn an_invalid_save_is_refused_in_dutch_and_writes_nothing() {
    let project = project("minimal");
    let root = project.path();
    let target = root.join("content/praktijken/algemeen/eerste-praktijk.md");
    let before = std::fs::read_to_string(&target).unwrap();
    for (raw, expected) in [
        (
            "---\ntitle: T\nadded: 2026-02-30\n---\nTekst.\n",
            "regel 3, veld ‘Toegevoegd op’: `added` is geen geldige datum",
        ),
        (
            "---\ntitle: T\nadded: 2026-01-02\nrelated: [bestaat-niet]\n---\nTekst.\n",
            "er is geen praktijk met die naam",
        ),
        (
            // A tag twice, as the form's list makes it: named by the form field.
            "---\ntitle: T\nadded: 2026-01-02\ntags:\n  - Wonen\n  - wonen\n---\nTekst.\n",
            "regel 6, veld ‘Tags’: de tag `wonen` staat twee keer",
        ),
        (
            "---\ntitle: T\nadded: 2026-01-02\n---\n",
            "de praktijk heeft geen tekst",
        ),
        (
            // A mistake in the text is named by the form field and its line there, not the
            // file's line counted from the fields the editor sees apart.
            "---\ntitle: T\nadded: 2026-01-02\n---\nEerste regel.\n\nZie [x](javascript:alert(1))\n",
            "veld ‘Tekst’, regel 3 van de tekst: ",
        ),
    ] {
        let reply = call(
            root,
            json!({ "action": "persistEntry", "params": { "entry": { "path": "content/praktijken/algemeen/eerste-praktijk.md", "raw": raw }, "assets": [], "options": {} } }),
        );
        assert_eq!(reply.status, 422);
        let message = reply.body["error"].as_str().unwrap();
        assert!(message.starts_with("Niet opgeslagen: content/praktijken/algemeen/eerste-praktijk.md bevat fouten. Er is niets gewijzigd."), "{message}");
        assert!(message.contains(expected), "{message}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), before);
    }
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(target.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    // An unknown category is refused too.
    let reply = call(
        root,
        json!({ "action": "persistEntry", "params": { "entry": { "path": "content/praktijken/onbekend/x.md", "raw": "---\ntitle: T\nadded: 2026-01-02\n---\nTekst.\n" }, "assets": [] } }),
    );
    assert_eq!(reply.status, 422);
    assert!(reply.body["error"]
        .as_str()
        .unwrap()
        .contains("`onbekend` is geen categorie"));
    assert!(!root.join("content/praktijken/onbekend").exists());
}

#[test]
fn the_backend_stays_inside_content() {
    let project = project("minimal");
    let root = project.path();
    std::fs::write(root.join("geheim.txt"), "x").unwrap();
    for path in [
        "geheim.txt",
        "../geheim.txt",
        "content/../geheim.txt",
        "/etc/passwd",
        "content/praktijken/../../geheim.txt",
    ] {
        for request in [
            json!({ "action": "getEntry", "params": { "path": path } }),
            json!({ "action": "persistEntry", "params": { "entry": { "path": path, "raw": "x" }, "assets": [] } }),
            json!({ "action": "deleteFile", "params": { "path": path } }),
            json!({ "action": "entriesByFolder", "params": { "folder": path, "extension": "", "depth": 3 } }),
        ] {
            let reply = call(root, request.clone());
            assert_eq!(reply.status, 422, "{request}");
            assert!(
                reply.body["error"]
                    .as_str()
                    .unwrap()
                    .contains("buiten de map content/"),
                "{request}: {:?}",
                reply.body
            );
        }
    }
    assert!(root.join("geheim.txt").exists());
    // The settings cannot be deleted, and files cannot be uploaded.
    let reply = call(
        root,
        json!({ "action": "deleteFile", "params": { "path": settings::PATH } }),
    );
    assert_eq!(reply.status, 422);
    assert!(root.join(settings::PATH).exists());
    let reply = call(
        root,
        json!({ "action": "persistMedia", "params": { "asset": { "path": "content/media/x.png", "content": "", "encoding": "base64" } } }),
    );
    assert_eq!(reply.status, 422);
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_content_is_not_followed() {
    let project = project("minimal");
    let root = project.path();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("x.md"), "---\ntitle: Buiten\n---\n").unwrap();
    std::os::unix::fs::symlink(outside.path(), root.join("content/praktijken/algemeen/uit"))
        .unwrap();
    let list = call(
        root,
        json!({ "action": "entriesByFolder", "params": { "folder": "content/praktijken/algemeen", "extension": "md", "depth": 3 } }),
    );
    assert!(!list.body.to_string().contains("Buiten"));
    let reply = call(
        root,
        json!({ "action": "getEntry", "params": { "path": "content/praktijken/algemeen/uit/x.md" } }),
    );
    assert_eq!(reply.status, 422);
}

#[test]
fn build_publishes_admin_only_with_a_cms_block() {
    let project = project("minimal");
    let root = project.path();
    let out = kennisbank(
        &["build", "--root", root.to_str().unwrap(), "--out", "public"],
        root,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!root.join("public/admin").exists());

    let site = root.join(settings::PATH);
    let text = std::fs::read_to_string(&site).unwrap();
    std::fs::write(
        &site,
        format!("{text}\ncms:\n  backend: gitlab\n  repo: phv/kennisbank\n  app_id: abc123\n"),
    )
    .unwrap();
    let out = kennisbank(
        &["build", "--root", root.to_str().unwrap(), "--out", "public"],
        root,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(root.join("public/admin/index.html")).unwrap();
    assert!(
        page.contains("Content-Security-Policy") && page.contains("<script src=\"decap-cms.js\">")
    );
    assert!(root.join("public/admin/decap-cms.js").is_file());
    let config: Value = serde_yaml::from_str(
        &std::fs::read_to_string(root.join("public/admin/config.yml")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        config["backend"],
        json!({ "name": "gitlab", "repo": "phv/kennisbank", "branch": "main", "auth_type": "pkce", "app_id": "abc123" })
    );
    assert_eq!(config["publish_mode"], "editorial_workflow");

    std::fs::write(
        &site,
        format!("{text}\ncms:\n  backend: bitbucket\n  repo: phv/kennisbank\n"),
    )
    .unwrap();
    let diags = check_json(root);
    assert!(
        diags.iter().any(|d| d["path"] == settings::PATH
            && d["message"]
                .as_str()
                .unwrap()
                .contains("`cms.backend` is `bitbucket`")),
        "{diags:#?}"
    );
}

/// Sends a raw request to a running `serve` and returns the status and body.
fn raw_request(port: u16, head: &str, body: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    // The body in a second write, as browsers often send it.
    stream.write_all(head.as_bytes()).unwrap();
    stream.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    stream.write_all(body.as_bytes()).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap();
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn serve_answers_the_protocol_only_for_json_from_its_own_pages() {
    use std::io::BufRead;
    let project = project("minimal");
    let root = project.path();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kennisbank"))
        .args(["serve", "--port", "0", "--lang", "nl", "--root"])
        .arg(root)
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut port = 0;
    for line in stderr.lines() {
        let line = line.unwrap();
        // "De site staat op http://127.0.0.1:PORT/ (…)."
        if let Some(rest) = line.split("op http://127.0.0.1:").nth(1) {
            port = rest
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap();
            break;
        }
    }
    let body = r#"{"action":"info","params":{}}"#;
    let post = |headers: &str| {
        raw_request(
            port,
            &format!("POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n", body.len()),
            body,
        )
    };
    let (status, reply) = post(&format!(
        "Content-Type: application/json\r\nOrigin: http://127.0.0.1:{port}\r\n"
    ));
    assert_eq!(status, 200, "{reply}");
    assert!(reply.contains("\"type\":\"local_fs\""), "{reply}");
    // Another site's page, or a form post without JSON, gets nothing.
    let (status, _) = post("Content-Type: application/json\r\nOrigin: https://evil.example\r\n");
    assert_eq!(status, 403);
    let (status, _) = post("Content-Type: text/plain\r\n");
    assert_eq!(status, 415);
    // /admin/ and its config are served; GET is not the protocol.
    let (status, page) = raw_request(
        port,
        &format!("GET /admin/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"),
        "",
    );
    assert_eq!(status, 200);
    assert!(page.contains("decap-cms.js"));
    let (status, _) = raw_request(
        port,
        &format!("GET /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"),
        "",
    );
    assert_eq!(status, 405);
    // A page on another site that points its name at this computer (DNS rebinding) is refused
    // before the CMS sees the request.
    let (status, _) = raw_request(
        port,
        &format!("POST /api/v1 HTTP/1.1\r\nHost: evil.example:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len()),
        body,
    );
    assert_eq!(status, 421);
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn the_rename_page_renames_a_practice_as_mv_does_and_refuses_in_dutch() {
    let project = project("minimal");
    let root = project.path();
    let listed = call(root, json!({ "action": "practices", "params": {} }));
    let ids: Vec<&str> = listed.body["practices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["eerste-praktijk", "tweede-praktijk", "medische-woning"]
    );

    // A bad new id is refused with the Dutch reason and the fix; nothing moves.
    let before = tree(root);
    let refused = call(
        root,
        json!({ "action": "renamePractice", "params": { "id": "medische-woning", "newId": "Medische Woning!" } }),
    );
    assert_eq!(refused.status, 422);
    let why = refused.body["error"].as_str().unwrap();
    assert!(
        why.contains("geen geldige naam") && why.contains("`medische-woning`"),
        "{why}"
    );
    assert_eq!(tree(root), before, "a refused rename changes no file");

    // Renamed into another category: the file moves, `related` follows, the old address stays.
    let done = call(
        root,
        json!({ "action": "renamePractice", "params": { "id": "medische-woning", "newId": "woning-met-zorg", "category": "algemeen" } }),
    );
    assert_eq!(done.status, 200, "{:?}", done.body);
    assert_eq!(
        done.body["to"],
        "content/praktijken/algemeen/woning-met-zorg.md"
    );
    assert!(!root
        .join("content/praktijken/medisch/medische-woning.md")
        .exists());
    let moved =
        std::fs::read_to_string(root.join("content/praktijken/algemeen/woning-met-zorg.md"))
            .unwrap();
    assert!(
        moved.contains("/praktijken/medisch/medische-woning/"),
        "{moved}"
    );
    let first =
        std::fs::read_to_string(root.join("content/praktijken/algemeen/eerste-praktijk.md"))
            .unwrap();
    assert!(first.contains("related: [woning-met-zorg]"), "{first}");
    assert!(check_json(root).iter().all(|d| d["severity"] != "error"));

    // Renaming to an id that exists is refused.
    let taken = call(
        root,
        json!({ "action": "renamePractice", "params": { "id": "woning-met-zorg", "newId": "eerste-praktijk" } }),
    );
    assert_eq!(taken.status, 422);
    assert!(taken.body["error"]
        .as_str()
        .unwrap()
        .contains("eerste-praktijk"));
}

#[test]
fn a_fifo_in_content_is_answered_as_unreadable_not_waited_for() {
    let project = project("minimal");
    let root = project.path().to_path_buf();
    let fifo = root.join("content/praktijken/algemeen/pijp.md");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    // Reading it used to block the worker for good (four such requests and the server stood still).
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let one = call(
            &root,
            json!({ "action": "getEntry", "params": { "path": "content/praktijken/algemeen/pijp.md" } }),
        );
        let all = call(
            &root,
            json!({ "action": "entriesByFolder", "params": { "folder": "content/praktijken/algemeen", "extension": "md", "depth": 1 } }),
        );
        let _ = send.send((one.body, all.body));
    });
    let (one, all) = receive
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("the backend answers");
    assert_eq!(one["data"], Value::Null, "{one}");
    assert!(all.to_string().contains("eerste-praktijk"), "{all}");
}

#[test]
fn a_save_never_replaces_another_practice_or_a_file_it_did_not_write() {
    let project = project("minimal");
    let root = project.path();
    let first = "content/praktijken/algemeen/eerste-praktijk.md";
    let second = "content/praktijken/algemeen/tweede-praktijk.md";
    let (first_text, second_text) = (read(root, first), read(root, second));
    // Renaming the second onto the first wrote over the first and removed the second: both lost.
    let moved = call(
        root,
        json!({ "action": "persistEntry", "params": { "entry": { "path": second, "newPath": first, "raw": second_text }, "assets": [], "options": {} } }),
    );
    assert_eq!(moved.status, 422, "{:?}", moved.body);
    assert!(
        moved.body["error"].as_str().unwrap().contains("bestaat al"),
        "{:?}",
        moved.body
    );
    // A new entry whose file name is taken (the CMS says `newEntry`).
    let new = call(
        root,
        json!({ "action": "persistEntry", "params": { "dataFiles": [{ "path": first, "raw": second_text }], "assets": [], "options": { "newEntry": true } } }),
    );
    assert_eq!(new.status, 422, "{:?}", new.body);
    // A folder or a FIFO at the new name is not replaced either.
    let fifo = "content/praktijken/medisch/pijp.md";
    assert!(std::process::Command::new("mkfifo")
        .arg(root.join(fifo))
        .status()
        .unwrap()
        .success());
    let onto_fifo = call(
        root,
        json!({ "action": "persistEntry", "params": { "entry": { "path": second, "newPath": fifo, "raw": second_text }, "assets": [], "options": {} } }),
    );
    assert_eq!(onto_fifo.status, 422, "{:?}", onto_fifo.body);
    assert!(std::fs::symlink_metadata(root.join(fifo))
        .unwrap()
        .file_type()
        .is_fifo());
    assert_eq!(
        (read(root, first), read(root, second)),
        (first_text, second_text)
    );
}

/// The CMS makes a new practice's file name from its title: a title such as "Con" or "Nul" would
/// give `con.md`, which Windows and zip files cannot hold (Decap CMS itself asks for `.md`, having
/// dropped the name). A new practice is saved as `kennisbank new` names it (`nul-praktijk.md`);
/// an existing file with such a name, and a rename to one, are refused with the reason and the
/// fix, and nothing is written.
#[test]
fn the_cms_never_makes_a_name_windows_reserves() {
    let project = project("minimal");
    let root = project.path();
    let text = "---\ntitle: Nul\nadded: 2026-01-02\n---\nTekst.\n";
    for (asked, title, saved) in [
        (
            "content/praktijken/algemeen/.md",
            "Nul",
            "content/praktijken/algemeen/nul-praktijk.md",
        ),
        (
            "content/praktijken/medisch/con.md",
            "con",
            "content/praktijken/medisch/con-praktijk.md",
        ),
    ] {
        let raw = text.replace("Nul", title);
        let reply = call(
            root,
            json!({ "action": "persistEntry", "params": { "entry": { "path": asked, "raw": raw }, "assets": [], "options": { "newEntry": true } } }),
        );
        assert_eq!(reply.status, 200, "{:?}", reply.body);
        assert_eq!(
            reply.body["paths"],
            json!([saved]),
            "the admin page opens it there"
        );
        assert_eq!(read(root, saved), raw);
        assert!(!root.join(asked).exists());
    }
    // A title with nothing to name the file by: refused, naming the field and the fix.
    let before = tree(root);
    let reply = call(
        root,
        json!({ "action": "persistEntry", "params": { "entry": { "path": "content/praktijken/algemeen/.md", "raw": "---\ntitle: '?!'\nadded: 2026-01-02\n---\nTekst.\n" }, "assets": [], "options": { "newEntry": true } } }),
    );
    assert_eq!(reply.status, 422);
    let why = reply.body["error"].as_str().unwrap();
    assert!(
        why.contains("het veld Titel") && why.contains("Voeg een woord aan de titel toe"),
        "{why}"
    );
    // A file named so outside the CMS (not new): `check`'s refusal, with the rename as the fix.
    std::fs::write(root.join("content/praktijken/algemeen/aux.md"), text).unwrap();
    let before_aux = tree(root);
    let reply = call(
        root,
        json!({ "action": "persistEntry", "params": { "entry": { "path": "content/praktijken/algemeen/aux.md", "raw": text.replace("Tekst", "Anders") }, "assets": [], "options": {} } }),
    );
    assert_eq!(reply.status, 422);
    let why = reply.body["error"].as_str().unwrap();
    assert!(
        why.contains("Windows") && why.contains("Praktijk hernoemen"),
        "{why}"
    );
    assert_eq!(tree(root), before_aux, "nothing is written");
    std::fs::remove_file(root.join("content/praktijken/algemeen/aux.md")).unwrap();
    assert_eq!(tree(root), before);
    let reply = call(
        root,
        json!({ "action": "renamePractice", "params": { "id": "medische-woning", "newId": "lpt1" } }),
    );
    assert_eq!(reply.status, 422);
    let why = reply.body["error"].as_str().unwrap();
    assert!(
        why.contains("Windows") && why.contains("`lpt1-praktijk`"),
        "{why}"
    );
    assert_eq!(tree(root), before, "nothing is written");
}

/// Two editors open the same practice; the first saves. The second's save, made from the
/// version both loaded (the admin page sends its id as `baseIds`), is refused in Dutch and the
/// first's change stays; a save from the version now on disk goes through.
#[test]
fn a_save_from_an_older_version_does_not_erase_anothers_change() {
    let project = project("minimal");
    let root = project.path();
    let path = "content/praktijken/algemeen/eerste-praktijk.md";
    let loaded = call(
        root,
        json!({ "action": "getEntry", "params": { "path": path } }),
    );
    let base = loaded.body["file"]["id"].as_str().unwrap().to_string();
    let original = read(root, path);
    let save = |summary: &str, base: &str| {
        let raw = original.replacen(
            "order: 10\n",
            &format!("order: 10\nsummary: {summary}\n"),
            1,
        );
        assert_ne!(raw, original);
        call(
            root,
            json!({ "action": "persistEntry", "params": { "entry": { "path": path, "raw": raw }, "assets": [], "options": {}, "baseIds": { path: base } } }),
        )
    };
    let first = save("Van de eerste.", &base);
    assert_eq!(first.status, 200, "{:?}", first.body);
    let after_first = read(root, path);
    let second = save("Van de tweede.", &base);
    assert_eq!(second.status, 422);
    let why = second.body["error"].as_str().unwrap();
    assert!(
        why.contains("door iemand anders") && why.contains("Er is niets gewijzigd"),
        "{why}"
    );
    assert_eq!(
        read(root, path),
        after_first,
        "the first editor's change stays"
    );
    let current = first.body["ids"][0].as_str().unwrap();
    let again = save("Van de tweede.", current);
    assert_eq!(again.status, 200, "{:?}", again.body);
    assert!(read(root, path).contains("Van de tweede."));
}

/// A valid practice whose text is `paragraphs` paragraphs naming `who`.
fn race_text(who: usize, paragraphs: usize) -> String {
    let mut raw =
        format!("---\ntitle: Gelijktijdig\nadded: 2026-01-02\nsummary: Versie {who}.\n---\n");
    for _ in 0..paragraphs {
        raw.push_str(&format!("Tekst van versie {who}, nummer in de reeks.\n\n"));
    }
    raw
}

/// Sends one save per text at the same moment, from as many threads; the replies in order.
fn save_at_once(root: &Path, texts: &[String], base: Option<&str>) -> Vec<backend::Reply> {
    let start = std::sync::Barrier::new(texts.len());
    std::thread::scope(|s| {
        let handles: Vec<_> = texts
            .iter()
            .map(|raw| {
                let start = &start;
                s.spawn(move || {
                    let mut params = json!({ "entry": { "path": PRACTICE, "raw": raw }, "assets": [], "options": {} });
                    if let Some(base) = base {
                        params["baseIds"] = json!({ PRACTICE: base });
                    }
                    start.wait();
                    call(root, json!({ "action": "persistEntry", "params": params }))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

/// No temporary file of a save is left beside the practices.
fn no_temporary_files(root: &Path) {
    let left: Vec<String> = std::fs::read_dir(root.join("content/praktijken/algemeen"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn saves_of_one_practice_at_the_same_time_never_mix_texts_nor_report_a_false_failure() {
    let project = project("minimal");
    let root = project.path();
    // Two tabs, a double-clicked *Publiceren*: texts of very different lengths, so a write into
    // another's temporary file would leave a tail of the longer text.
    let sizes = [4000, 3, 1500, 1, 800, 40, 2500, 10];
    let texts: Vec<String> = sizes
        .iter()
        .enumerate()
        .map(|(who, n)| race_text(who, *n))
        .collect();
    for round in 0..12 {
        let replies = save_at_once(root, &texts, None);
        for (who, reply) in replies.iter().enumerate() {
            assert_eq!(
                reply.status, 200,
                "round {round}: save {who} was told it failed: {:?}",
                reply.body
            );
        }
        let on_disk = read(root, PRACTICE);
        assert!(
            texts.contains(&on_disk),
            "round {round}: the file is none of the texts saved ({} bytes, starts {:?})",
            on_disk.len(),
            &on_disk[..on_disk.len().min(120)]
        );
        no_temporary_files(root);
    }
}

#[test]
fn of_saves_from_one_loaded_version_at_the_same_time_one_is_written_and_the_others_refused() {
    let project = project("minimal");
    let root = project.path();
    let first = save_at_once(root, &[race_text(99, 1)], None);
    assert_eq!(first[0].status, 200, "{:?}", first[0].body);
    let sizes = [2000, 2, 700, 1, 300, 20];
    for round in 0..12 {
        // New texts each round: a save of the text the file already has leaves its version as
        // it was, so a second save from that version would rightly pass.
        let texts: Vec<String> = sizes
            .iter()
            .enumerate()
            .map(|(who, n)| race_text(100 * round + who, *n))
            .collect();
        let loaded = call(
            root,
            json!({ "action": "getEntry", "params": { "path": PRACTICE } }),
        );
        let base = loaded.body["file"]["id"].as_str().unwrap().to_string();
        let replies = save_at_once(root, &texts, Some(&base));
        let saved: Vec<usize> = (0..texts.len())
            .filter(|&who| replies[who].status == 200)
            .collect();
        assert_eq!(
            saved.len(),
            1,
            "round {round}: saves from one version that were written: {saved:?}"
        );
        for (who, reply) in replies.iter().enumerate() {
            if who != saved[0] {
                let why = reply.body["error"].as_str().unwrap_or_default();
                assert!(why.contains("door iemand anders"), "round {round}: {why}");
            }
        }
        assert_eq!(
            read(root, PRACTICE),
            texts[saved[0]],
            "round {round}: the file is the text of the save that was told it was saved"
        );
        no_temporary_files(root);
    }
}

#[test]
fn only_practices_the_site_loads_are_deleted_and_a_partial_deletion_names_what_is_gone() {
    let project = project("minimal");
    let root = project.path();
    let delete = |path: &str| {
        call(
            root,
            json!({ "action": "deleteFile", "params": { "path": path } }),
        )
    };
    // Files beside the categories, in a folder inside one, or in a folder that is no category
    // are not practices: the site does not load them, and the CMS did not write them.
    for other in [
        "content/praktijken/LEESMIJ.md",
        "content/praktijken/algemeen/archief/oud.md",
        "content/praktijken/geen-categorie/iets.md",
    ] {
        write(root, other, "# Lees mij\n");
        let reply = delete(other);
        assert_eq!(reply.status, 422, "{other}: {:?}", reply.body);
        let why = reply.body["error"].as_str().unwrap();
        assert!(
            why.contains(other)
                && why.contains("alleen praktijken (content/praktijken/<categorie>/<id>.md)"),
            "{why}"
        );
        assert!(root.join(other).exists(), "{other} was deleted");
    }
    // Every path is checked before any file is deleted.
    let first = "content/praktijken/medisch/medische-woning.md";
    let last = "content/praktijken/algemeen/tweede-praktijk.md";
    let reply = call(
        root,
        json!({ "action": "deleteFiles", "params": { "paths": [first, "content/site.yaml", last] } }),
    );
    assert_eq!(reply.status, 422, "{:?}", reply.body);
    let why = reply.body["error"].as_str().unwrap();
    assert!(why.contains("Er is niets verwijderd"), "{why}");
    assert!(root.join(first).exists() && root.join(last).exists());
    // A deletion that fails after others succeeded says which files are gone.
    std::fs::create_dir(root.join("content/praktijken/medisch/map.md")).unwrap();
    let reply = call(
        root,
        json!({ "action": "deleteFiles", "params": { "paths": [last, "content/praktijken/medisch/map.md"] } }),
    );
    assert_eq!(reply.status, 422, "{:?}", reply.body);
    let why = reply.body["error"].as_str().unwrap();
    assert!(
        why.contains("content/praktijken/medisch/map.md kon niet worden verwijderd")
            && why.contains(&format!("Al wel verwijderd: {last}.")),
        "{why}"
    );
    assert!(!root.join(last).exists());
    // A practice is still deleted.
    let reply = delete(first);
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert!(!root.join(first).exists());
}

#[test]
fn the_backends_own_refusals_are_dutch_json_the_editors_page_shows() {
    let project = project("minimal");
    let root = project.path();
    let body = r#"{"action":"info","params":{}}"#;
    let head =
        |extra: &str| format!("POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:1111\r\n{extra}\r\n");
    let json_length = format!(
        "Content-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    let cases: Vec<(&str, u16, String, &str, bool, &str)> = vec![
        (
            "another computer",
            403,
            head(&json_length),
            "POST",
            false,
            "alleen verzoeken van deze computer",
        ),
        (
            "not JSON",
            415,
            head(&format!(
                "Content-Type: text/plain\r\nContent-Length: {}\r\n",
                body.len()
            )),
            "POST",
            true,
            "alleen verzoeken van de beheeromgeving",
        ),
        (
            "another site's page",
            403,
            head(&format!("{json_length}Origin: https://evil.example\r\n")),
            "POST",
            true,
            "maar dit verzoek kwam van `https://evil.example`",
        ),
        (
            "no length",
            411,
            head("Content-Type: application/json\r\n"),
            "POST",
            true,
            "Content-Length ontbreekt",
        ),
        (
            "too large",
            413,
            head("Content-Type: application/json\r\nContent-Length: 104857600\r\n"),
            "POST",
            true,
            "groter dan 8 MB",
        ),
        (
            "incomplete",
            400,
            head("Content-Type: application/json\r\nContent-Length: 1000\r\n"),
            "POST",
            true,
            "kwam niet helemaal aan",
        ),
        (
            "not POST",
            405,
            head(""),
            "GET",
            true,
            "alleen de beheeromgeving",
        ),
    ];
    for (what, status, head, method, loopback, says) in cases {
        let a = serve::answer(
            root,
            method,
            "api/v1",
            &head,
            body.as_bytes().to_vec(),
            loopback,
        );
        assert_eq!(a.status, status, "{what}");
        assert_eq!(a.content_type, "application/json", "{what}");
        let reply: Value = serde_json::from_slice(&a.body).unwrap_or_else(|e| {
            panic!(
                "{what}: not JSON ({e}): {}",
                String::from_utf8_lossy(&a.body)
            )
        });
        let error = reply["error"].as_str().unwrap_or_default();
        assert!(error.contains(says), "{what}: {error}");
    }
}
