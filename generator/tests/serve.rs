//! `kennisbank serve` on a free port: edits are served and announced, a broken file leaves the
//! last good site served with the error shown, fixing it recovers; paths outside the site are
//! refused; Ctrl-C stops it. And the partial rebuild gives the same files as a whole build.

mod common;
use common::*;
use kennisbank::rebuild::Rebuilder;
use kennisbank::serve::store::SiteFiles;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PAGE: &str = "/praktijken/algemeen/eerste-praktijk/";
const FILE: &str = "content/praktijken/algemeen/eerste-praktijk.md";

/// A `serve` process of this test; killed (by its own handle) when dropped.
struct Server {
    child: Child,
    port: u16,
    log: Arc<Mutex<String>>,
}

impl Server {
    fn start(root: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kennisbank"))
            .args(["serve", "--port", "0", "--lang", "nl", "--root"])
            .arg(root)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start kennisbank serve");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                // "De site staat op http://127.0.0.1:PORT/ (…)."
                if let Some(rest) = line.split("op http://127.0.0.1:").nth(1) {
                    let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    let _ = tx.send(port.parse::<u16>().unwrap_or(0));
                }
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let port = rx
            .recv_timeout(Duration::from_secs(120))
            .unwrap_or_else(|_| panic!("serve did not start: {}", log.lock().unwrap()));
        Server { child, port, log }
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One request; returns the status, the head and the body.
fn request(port: u16, method: &str, target: &str) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let end = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&response[..end]).into_owned();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap();
    (status, head, response[end + 4..].to_vec())
}

/// Sends `head` as it is; returns the status and the body.
fn raw(port: u16, head: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = response.split_once("\r\n\r\n").expect("a response head");
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap();
    (status, body.to_string())
}

fn get(port: u16, target: &str) -> (u16, String) {
    let (status, _, body) = request(port, "GET", target);
    (status, String::from_utf8_lossy(&body).into_owned())
}

fn wait_until(what: &str, mut ok: impl FnMut() -> bool) {
    let started = Instant::now();
    while !ok() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Collects the server-sent events of one open page.
fn listen(port: u16) -> Arc<Mutex<String>> {
    let events = Arc::new(Mutex::new(String::new()));
    let sink = Arc::clone(&events);
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /__kennisbank/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stream.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    events
}

#[test]
fn serve_shows_edits_keeps_the_last_good_site_on_errors_and_recovers() {
    let dir = project("minimal");
    let mut server = Server::start(dir.path());
    let port = server.port;

    let (status, page) = get(port, PAGE);
    assert_eq!(status, 200);
    assert!(page.contains("<h1"), "{page}");
    assert!(
        page.contains("<script type=\"module\" src=\"/__kennisbank/reload.js\"></script>"),
        "served pages get the reload script"
    );
    let (status, script) = get(port, "/__kennisbank/reload.js");
    assert_eq!(status, 200);
    assert!(script.contains("EventSource"));

    let events = listen(port);
    wait_until("the hello event", || {
        events.lock().unwrap().contains("event: hello")
    });

    // An edit: the new text is served and the open page is told to reload.
    let original = read(dir.path(), FILE);
    write(
        dir.path(),
        FILE,
        &format!("{original}\nEen zin die tijdens de test is toegevoegd: bewerking-een.\n"),
    );
    wait_until("the edited text", || {
        get(port, PAGE).1.contains("bewerking-een")
    });
    wait_until("a reload event for the page", || {
        let e = events.lock().unwrap();
        e.contains("event: reload") && e.contains(PAGE)
    });

    // At once a broken save, while the search index of the edit is still being made on its own
    // thread: when that index is served after the broken save's rebuild, the error must stay
    // shown (it used to be cleared, so the overlay never came: run this test in a loop to see).
    // A broken edit: the server stays up, serves the last good page and shows the error.
    write(
        dir.path(),
        FILE,
        "---\ntitle: [kapot\nadded: 2026-01-01\n---\nTekst bewerking-twee.\n",
    );
    wait_until("the error", || {
        get(port, "/__kennisbank/errors.json").1.contains(FILE)
    });
    let (_, errors) = get(port, "/__kennisbank/errors.json");
    let errors: serde_json::Value = serde_json::from_str(&errors).unwrap();
    assert_eq!(errors[0]["path"], FILE);
    assert_eq!(errors[0]["line"], 2, "{errors}");
    assert_eq!(errors[0]["code"], "yaml-syntax");
    wait_until("the errors event", || {
        let e = events.lock().unwrap();
        e.contains("event: errors") && e.contains("yaml-syntax")
    });
    assert!(server.alive(), "the server survives a broken file");
    let (status, page) = get(port, PAGE);
    assert_eq!(status, 200);
    assert!(
        page.contains("bewerking-een") && !page.contains("bewerking-twee"),
        "the last good version stays served"
    );
    // The terminal report follows the status the page reads; wait for it rather than race it.
    wait_until("the error in the terminal", || {
        let log = server.log();
        log.contains("fout[yaml-syntax]") && log.contains(&format!("--> {FILE}:2"))
    });

    // Fixing the file recovers by itself.
    write(
        dir.path(),
        FILE,
        &format!("{original}\nHersteld: bewerking-drie.\n"),
    );
    wait_until("the fixed text", || {
        get(port, PAGE).1.contains("bewerking-drie")
    });
    assert_eq!(get(port, "/__kennisbank/errors.json").1, "[]");
    wait_until("the errors to be cleared on the page", || {
        events
            .lock()
            .unwrap()
            .contains("event: errors\ndata: []\n\n")
    });
    assert!(server.alive());
}

#[test]
fn serve_refuses_paths_outside_the_site_and_sends_correct_types() {
    let dir = project("minimal");
    // A file beside the site that must never be served.
    write(dir.path(), "geheim.txt", "geheim");
    let server = Server::start(dir.path());
    let port = server.port;
    for target in [
        "/../geheim.txt",
        "/static/../../geheim.txt",
        "/%2e%2e/geheim.txt",
        "/%2E%2E/%2e%2e/geheim.txt",
        "/static/..%2f..%2fgeheim.txt",
        "/static/%2e%2e%5c%2e%2e%5cgeheim.txt",
        "/..%5cgeheim.txt",
        "/%252e%252e/geheim.txt",
        "/static/%c0%ae%c0%ae/geheim.txt",
    ] {
        let (status, body) = get(port, target);
        assert!(status == 400 || status == 404, "{target}: status {status}");
        assert!(!body.contains("geheim\n") && body != "geheim", "{target}");
    }
    let (status, _) = get(port, "/../geheim.txt");
    assert_eq!(status, 400, "traversal is refused, not looked up");

    let (status, head, body) = request(port, "GET", "/static/wasm/search_bg.wasm");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: application/wasm"), "{head}");
    assert_eq!(&body[..4], b"\0asm");
    let (_, head, _) = request(port, "GET", "/static/style.css");
    assert!(head.contains("Content-Type: text/css"), "{head}");
    let (_, head, _) = request(port, "GET", "/atom.xml");
    assert!(
        head.contains("Content-Type: application/atom+xml"),
        "{head}"
    );
    let (status, head, body) = request(port, "HEAD", "/");
    assert_eq!(status, 200);
    assert!(head.contains("text/html") && body.is_empty());

    let (status, head, _) = request(port, "GET", "/praktijken?x=1");
    assert_eq!(status, 301);
    assert!(head.contains("Location: /praktijken/?x=1"), "{head}");
    let (status, body) = get(port, "/bestaat-niet/");
    assert_eq!(status, 404);
    assert!(body.contains("Pagina niet gevonden"));
    let (status, _, _) = request(port, "POST", "/");
    assert_eq!(status, 405);
}

#[test]
fn build_output_never_contains_the_reload_script() {
    let dir = project("minimal");
    let out = kennisbank(&["build"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    for (path, bytes) in tree(&dir.path().join("public")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("__kennisbank") && !text.contains("reload.js"),
            "{path} contains the serve-only reload script"
        );
    }
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let dir = project("minimal");
    let mut server = Server::start(dir.path());
    let pid = server.child.id().to_string();
    let status = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(status.success());
    let started = Instant::now();
    let code = loop {
        if let Some(s) = server.child.try_wait().unwrap() {
            break s;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "serve did not stop"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(code.success(), "{code:?}");
    wait_until("the goodbye", || server.log().contains("Gestopt."));
    assert!(
        TcpStream::connect(("127.0.0.1", server.port)).is_err(),
        "the port is released"
    );
}

/// The files a rebuild publishes, against a whole build of the same files.
struct Session {
    dir: tempfile::TempDir,
    rebuilder: Rebuilder,
    site: SiteFiles,
}

impl Session {
    fn new(fixture: &str) -> Session {
        let dir = project(fixture);
        let mut rebuilder = Rebuilder::new(dir.path(), "/");
        let mut site = SiteFiles::default();
        let outcome = rebuilder.full(&mut |step| {
            site.apply(step);
        });
        assert!(outcome.ok(), "{:?}", outcome.diagnostics);
        Session {
            dir,
            rebuilder,
            site,
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Applies `edit`, tells the rebuilder which files changed and returns whether the rebuild
    /// was partial.
    fn change(
        &mut self,
        changed: &[&str],
        edit: impl FnOnce(&Path),
    ) -> kennisbank::rebuild::Outcome {
        edit(self.dir.path());
        let paths: Vec<PathBuf> = changed.iter().map(|c| self.path(c)).collect();
        let site = &mut self.site;
        self.rebuilder.changed(&paths, &mut |step| {
            site.apply(step);
        })
    }

    fn assert_same_as_whole_build(&self, after: &str) {
        let built = kennisbank::build::build_in_memory(self.dir.path(), "/");
        assert!(!built.has_errors(), "{after}: {:?}", built.diagnostics);
        let served = self.site.sorted();
        let whole: Vec<(&str, &[u8])> = built
            .files
            .iter()
            .map(|f| (f.path.as_str(), f.bytes.as_slice()))
            .collect();
        let served_paths: Vec<&str> = served.iter().map(|f| f.0).collect();
        let whole_paths: Vec<&str> = whole.iter().map(|f| f.0).collect();
        assert_eq!(served_paths, whole_paths, "{after}: the same files");
        for ((path, a), (_, b)) in served.iter().zip(&whole) {
            assert!(a == b, "{after}: {path} differs from a whole build");
        }
    }
}

#[test]
fn partial_rebuilds_serve_the_same_files_as_a_whole_build() {
    let mut s = Session::new("minimal");
    let file = FILE;

    let outcome = s.change(&[file], |root| {
        let text = read(root, file);
        write(root, file, &format!("{text}\nEen extra alinea.\n"));
    });
    assert!(outcome.ok() && !outcome.full(), "{outcome:?}");
    s.assert_same_as_whole_build("a text edit");

    let outcome = s.change(&[file], |root| {
        let text =
            read(root, file).replace("title: Eerste praktijk", "title: Eerste praktijk, herzien");
        write(root, file, &text);
    });
    assert!(outcome.ok() && !outcome.full());
    s.assert_same_as_whole_build("a title edit");

    let second = "content/praktijken/algemeen/tweede-praktijk.md";
    let outcome = s.change(&[second], |root| {
        let text = read(root, second).replacen(
            "---\n",
            "---\nsummary: Een eigen samenvatting.\nrelated: [eerste-praktijk]\nlinks:\n  - url: https://www.example.org/\n    label: Voorbeeld\n",
            1,
        );
        write(root, second, &text);
    });
    assert!(outcome.ok() && !outcome.full(), "{outcome:?}");
    s.assert_same_as_whole_build("a summary, related and links edit");

    // Edits in quick succession: each publishes its own page and leaves the lists for the next
    // rebuild, which makes them all.
    let edit = |rel: &'static str, word: &'static str| {
        move |root: &Path| {
            let text = read(root, rel);
            write(root, rel, &format!("{text}\nSnel na elkaar: {word}.\n"));
        }
    };
    for (rel, word) in [(file, "een"), (file, "twee"), (second, "drie")] {
        edit(rel, word)(s.dir.path());
        let site = &mut s.site;
        let outcome = s.rebuilder.changed_until(
            &[s.dir.path().join(rel)],
            &mut |step| {
                site.apply(step);
            },
            &|| true,
        );
        assert!(outcome.ok() && outcome.deferred(), "{outcome:?}");
        let page = rel.replace("content/", "").replace(".md", "/index.html");
        let served = String::from_utf8(s.site.get(&page).unwrap().to_vec()).unwrap();
        assert!(served.contains(word), "{page} is served at once");
    }
    let outcome = s.change(&[], |_| {});
    assert!(
        outcome.rebuilt() && outcome.ok() && !outcome.deferred(),
        "{outcome:?}"
    );
    s.assert_same_as_whole_build("edits whose lists were left for later");

    // A change that arrives while the lists are made: only the search index waits.
    edit(second, "vier")(s.dir.path());
    let asked = std::cell::Cell::new(0);
    let site = &mut s.site;
    let outcome = s.rebuilder.changed_until(
        &[s.dir.path().join(second)],
        &mut |step| {
            site.apply(step);
        },
        &|| {
            asked.set(asked.get() + 1);
            asked.get() > 1
        },
    );
    assert!(outcome.ok() && outcome.deferred(), "{outcome:?}");
    let outcome = s.change(&[], |_| {});
    assert!(outcome.rebuilt() && outcome.ok(), "{outcome:?}");
    s.assert_same_as_whole_build("an edit whose search index was left for later");

    s.change(&[file], |root| {
        let text = read(root, file).replace(
            "tags: [woningcorporaties, Bestuur]",
            "tags: [woningcorporaties, Gloednieuw onderwerp]",
        );
        write(root, file, &text);
    });
    assert!(
        !s.site.contains("tags/bestuur/index.html"),
        "a tag without practices has no page"
    );
    s.assert_same_as_whole_build("a tag change");

    let added = "content/praktijken/medisch/nieuwe-praktijk.md";
    let outcome = s.change(&[added], |root| {
        write(
            root,
            added,
            "---\ntitle: Een nieuwe praktijk\nadded: 2026-01-05\nupdated: 2027-02-01\n---\nNieuwe tekst.\n",
        );
    });
    assert!(outcome.ok() && !outcome.full());
    s.assert_same_as_whole_build("a new practice with a newer date");

    let renamed = "content/praktijken/medisch/hernoemde-praktijk.md";
    s.change(&[added, renamed], |root| {
        std::fs::rename(root.join(added), root.join(renamed)).unwrap();
    });
    s.assert_same_as_whole_build("a renamed practice");

    let outcome = s.change(&[file], |root| {
        write(root, file, "---\ntitle: [kapot\n---\n")
    });
    assert!(!outcome.ok(), "a broken file is an error");
    assert!(outcome
        .diagnostics
        .iter()
        .any(|d| d.is_error() && d.path == file));
    let outcome = s.change(&[file], |root| {
        write(
            root,
            file,
            "---\ntitle: Weer heel\nadded: 2026-01-01\nrelated: [hernoemde-praktijk]\n---\nWeer goed.\n",
        )
    });
    assert!(outcome.ok(), "{:?}", outcome.diagnostics);
    s.assert_same_as_whole_build("a broken file fixed");

    s.change(&[renamed], |root| {
        std::fs::remove_file(root.join(renamed)).unwrap()
    });
    let outcome = s.change(&[], |_| {});
    assert!(!outcome.rebuilt());
    let text = read(s.dir.path(), file);
    assert!(text.contains("related: [hernoemde-praktijk]"));
    let outcome = s.change(&[file], |root| {
        write(
            root,
            file,
            &text.replace("related: [hernoemde-praktijk]\n", ""),
        )
    });
    assert!(outcome.ok(), "{:?}", outcome.diagnostics);
    s.assert_same_as_whole_build("a deleted practice");

    let css = "themes/default/static/style.css";
    let outcome = s.change(&[css], |root| {
        let text = read(root, css);
        write(root, css, &format!("{text}\n/* bewerkt */\n"));
    });
    // Every page names the style sheet with a hash of its bytes: all are made again.
    assert!(outcome.ok() && outcome.full());
    s.assert_same_as_whole_build("a style sheet edit");

    let template = "themes/default/templates/practice.html";
    let outcome = s.change(&[template], |root| {
        let text = read(root, template);
        write(root, template, &text.replace("Zie ook", "Lees ook"));
    });
    assert!(
        outcome.ok() && outcome.full(),
        "a template change builds everything"
    );
    s.assert_same_as_whole_build("a template edit");

    let outcome = s.change(
        &["content/praktijken/algemeen/.eerste-praktijk.md.swp"],
        |root| {
            write(
                root,
                "content/praktijken/algemeen/.eerste-praktijk.md.swp",
                "x",
            )
        },
    );
    assert!(!outcome.rebuilt(), "hidden files are not content");
}

#[test]
fn a_deleted_related_practice_is_an_error_until_the_reference_goes() {
    let mut s = Session::new("minimal");
    let target = "content/praktijken/medisch/medische-woning.md";
    assert!(read(s.dir.path(), FILE).contains("related: [medische-woning]"));
    let outcome = s.change(&[target], |root| {
        std::fs::remove_file(root.join(target)).unwrap()
    });
    assert!(!outcome.ok());
    assert!(outcome
        .diagnostics
        .iter()
        .any(|d| d.code == "unknown-related" && d.path == FILE));
    assert!(
        s.site
            .contains("praktijken/medisch/medische-woning/index.html"),
        "the last good site stays"
    );
}

#[test]
fn the_search_index_can_be_made_on_another_thread_and_old_results_are_dropped() {
    let mut s = Session::new("minimal");
    s.rebuilder.set_background_index(true);
    let mut jobs = Vec::new();
    for word in ["eerste", "tweede"] {
        let mut outcome = s.change(&[FILE], |root| {
            let text = read(root, FILE);
            write(root, FILE, &format!("{text}\nIndexwoord{word}.\n"));
        });
        assert!(outcome.ok(), "{outcome:?}");
        jobs.push(outcome.index_job.take().expect("an index job"));
    }
    let older = jobs.remove(0);
    let newer = jobs.remove(0);
    let site = &mut s.site;
    let newer = std::thread::spawn(move || newer.run()).join().unwrap();
    assert!(s.rebuilder.index_ready(newer, &mut |step| {
        site.apply(step);
    }));
    let older = older.run();
    assert!(
        !s.rebuilder.index_ready(older, &mut |step| {
            site.apply(step);
        }),
        "an older index does not replace a newer one"
    );
    s.assert_same_as_whole_build("an index made on another thread");
}

#[test]
fn requests_for_another_host_are_refused_and_absolute_form_is_served() {
    let dir = project("minimal");
    let server = Server::start(dir.path());
    let port = server.port;
    for host in [
        "localhost".to_string(),
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        let (status, body) = raw(
            port,
            &format!("GET {PAGE} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        );
        assert_eq!(status, 200, "Host: {host}");
        assert!(body.contains("<h1"), "Host: {host}");
    }
    // A page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) must not read the
    // preview or its errors.
    for (target, host) in [
        ("/", Some(format!("rebind.example:{port}"))),
        (
            "/__kennisbank/errors.json",
            Some("evil.example".to_string()),
        ),
        (
            "/__kennisbank/events",
            Some("localhost.evil.example".to_string()),
        ),
        ("/", None),
    ] {
        let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
        let (status, body) = raw(
            port,
            &format!("GET {target} HTTP/1.1\r\n{host}Connection: close\r\n\r\n"),
        );
        assert_eq!(status, 421, "{target} {host}");
        assert!(body.contains("Onbekende host"), "{body}");
    }
    // The CMS's backend answers in the JSON its page shows.
    let (status, body) = raw(
        port,
        &format!("POST /api/v1 HTTP/1.1\r\nHost: rebind.example:{port}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"),
    );
    assert_eq!(status, 421);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap_or_else(|_| panic!("{body}"));
    assert!(
        v["error"].as_str().unwrap().contains("Onbekende host"),
        "{body}"
    );

    // Absolute form (as proxies send it): served for this computer, its host wins over Host:.
    let (status, body) = raw(
        port,
        &format!("GET http://127.0.0.1:{port}{PAGE} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"),
    );
    assert_eq!(status, 200);
    assert!(body.contains("<h1"), "{body}");
    let (status, _) = raw(
        port,
        &format!("GET http://localhost:{port} HTTP/1.1\r\nHost: localhost\r\n\r\n"),
    );
    assert_eq!(
        status, 200,
        "an absolute URL without a path is the home page"
    );
    let (status, _) = raw(
        port,
        &format!("GET http://evil.example{PAGE} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
    );
    assert_eq!(status, 421);
    let (status, _) = raw(
        port,
        "GET http://127.0.0.1/../geheim.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    );
    assert_eq!(status, 400, "absolute form is refused outside the site too");

    // A head longer than 16 KB is refused, not read on for ever.
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let long = format!(
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Lang: {}",
        "a".repeat(17_000)
    );
    stream.write_all(long.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 431 "), "{answer}");
    assert!(answer.contains("te lang"), "{answer}");
}

/// The threads of a process, from /proc.
#[cfg(target_os = "linux")]
fn threads(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn slow_clients_and_many_open_pages_neither_lock_out_a_reader_nor_grow_the_threads() {
    let dir = project("minimal");
    let server = Server::start(dir.path());
    let port = server.port;
    let pid = server.child.id();
    let idle = threads(pid);

    // 300 clients that send a head one byte at a time, a byte every 200 ms, for ever.
    let mut slow: Vec<TcpStream> = (0..300)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
            s.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .unwrap();
            s
        })
        .collect();
    let started = Instant::now();
    let trickled = slow.split_off(250);
    // The last 50 go on sending a byte every 200 ms: the head time limit is for the whole head,
    // so they are cut off all the same (a limit per read would keep them for ever).
    let trickler = std::thread::spawn(move || {
        let mut closed_after: Vec<Option<Duration>> = vec![None; trickled.len()];
        let mut streams = trickled;
        while started.elapsed() < Duration::from_secs(40)
            && closed_after.iter().any(Option::is_none)
        {
            for (s, closed) in streams.iter_mut().zip(closed_after.iter_mut()) {
                if closed.is_none() && s.write_all(b"X").is_err() {
                    *closed = Some(started.elapsed());
                }
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        closed_after
    });
    // One more that sends half a head and waits.
    let mut silent = TcpStream::connect(("127.0.0.1", port)).unwrap();
    silent.write_all(b"GET / HTTP/1.1\r\n").unwrap();
    std::thread::sleep(Duration::from_millis(500));

    // 40 open pages, more than the server keeps event streams for.
    let pages: Vec<Arc<Mutex<String>>> = (0..40).map(|_| listen(port)).collect();
    wait_until("every page an answer", || {
        pages.iter().all(|p| {
            let p = p.lock().unwrap();
            p.contains("event: hello") || p.contains(" 503 ")
        })
    });
    let streaming = pages
        .iter()
        .filter(|p| p.lock().unwrap().contains("event: hello"))
        .count();
    assert_eq!(streaming, 32, "event streams are capped");
    let refused = pages
        .iter()
        .find(|p| p.lock().unwrap().contains(" 503 "))
        .unwrap();
    assert!(
        refused.lock().unwrap().contains("te veel pagina"),
        "{}",
        refused.lock().unwrap()
    );

    // A reader still gets the page, and the threads stay bounded: no thread per connection.
    let asked = Instant::now();
    let (status, page) = get(port, PAGE);
    let answered = asked.elapsed();
    assert_eq!(status, 200);
    assert!(page.contains("<h1"));
    let busy = threads(pid);
    eprintln!(
        "threads: {idle} idle, {busy} with 300 slow clients and 32 event streams; a page answered in {answered:?}"
    );
    assert!(
        busy <= idle + 32 + 1,
        "threads grew from {idle} to {busy} under 300 slow clients"
    );
    assert!(
        answered < Duration::from_secs(5),
        "a page took {answered:?} under attack"
    );

    silent
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut answer = String::new();
    let _ = silent.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 408 "), "{answer}");
    assert!(answer.contains("niet op tijd"), "{answer}");
    let closed_after = trickler.join().unwrap();
    let last = closed_after.iter().max().unwrap();
    eprintln!("trickling clients cut off after at most {last:?}");
    assert!(
        closed_after.iter().all(Option::is_some),
        "clients that keep sending bytes are cut off at the head time limit"
    );
    drop(slow);
}

#[test]
fn a_category_folder_that_comes_back_is_served_again() {
    let dir = project("minimal");
    let server = Server::start(dir.path());
    let port = server.port;
    let folder = dir.path().join("content/praktijken/medisch");
    let page = "/praktijken/medisch/medische-woning/";
    let file = "content/praktijken/medisch/medische-woning.md";
    let original = read(dir.path(), file);
    let aside = dir.path().join("opzij");
    std::fs::create_dir(&aside).unwrap();

    // As `git stash` and `git stash pop` do: the folder goes, then comes back with its files
    // written before the watcher can see the new folder; and once more moved back in whole.
    for (round, word) in [(0, "teruggezet-een"), (1, "teruggezet-twee")] {
        std::fs::rename(&folder, aside.join("medisch")).unwrap();
        wait_until("the missing practice to be an error", || {
            get(port, "/__kennisbank/errors.json")
                .1
                .contains("unknown-related")
        });
        let changed = format!("{original}\nTerug: {word}.\n");
        std::fs::write(aside.join("medisch/medische-woning.md"), &changed).unwrap();
        if round == 0 {
            std::fs::create_dir(&folder).unwrap();
            for entry in std::fs::read_dir(aside.join("medisch")).unwrap() {
                let entry = entry.unwrap();
                std::fs::copy(entry.path(), folder.join(entry.file_name())).unwrap();
            }
            std::fs::remove_dir_all(aside.join("medisch")).unwrap();
        } else {
            std::fs::rename(aside.join("medisch"), &folder).unwrap();
        }
        wait_until("the restored practice", || get(port, page).1.contains(word));
        wait_until("the error to go", || {
            get(port, "/__kennisbank/errors.json").1 == "[]"
        });
    }
}

#[test]
fn the_content_folder_removed_and_restored_is_watched_again() {
    let dir = project("minimal");
    let server = Server::start(dir.path());
    let port = server.port;
    let content = dir.path().join("content");
    let aside = dir.path().join("opzij");
    let original = read(dir.path(), FILE);

    // As `git checkout` of a commit without the folder and back, or `git stash` of everything:
    // the whole of `content/` goes, then comes back (moved back in whole, and written anew).
    for (round, word) in [(0, "terug-een"), (1, "terug-twee")] {
        std::fs::rename(&content, &aside).unwrap();
        wait_until("the missing content to be an error", || {
            get(port, "/__kennisbank/errors.json")
                .1
                .contains("content/site.yaml")
        });
        if round == 0 {
            std::fs::rename(&aside, &content).unwrap();
        } else {
            copy_dir(&aside, &content);
            std::fs::remove_dir_all(&aside).unwrap();
        }
        wait_until("the restored site", || {
            get(port, "/__kennisbank/errors.json").1 == "[]"
        });
        // An edit made after the folder came back is seen: the new folder is watched.
        write(
            dir.path(),
            FILE,
            &format!("{original}\nNa het terugzetten: {word}.\n"),
        );
        wait_until("the edit in the restored folder", || {
            get(port, PAGE).1.contains(word)
        });
    }
    let log = server.log();
    assert!(
        log.contains("] Gebouwd: ") || log.contains("] Opnieuw gebouwd: "),
        "{log}"
    );
}

#[test]
fn a_theme_file_over_the_limit_saved_while_serving_is_an_error_until_it_shrinks() {
    let dir = project("minimal");
    let server = Server::start(dir.path());
    let port = server.port;
    let file = dir.path().join("themes/default/static/groot.bin");
    // Saved in one step (written beside the theme, then renamed), as editors save: a file written
    // in pieces can be seen, and served as the last good site, while it is still under the limit.
    let part = dir.path().join("groot.bin.part");
    std::fs::write(&part, vec![0u8; 10 * 1024 * 1024 + 1]).unwrap();
    std::fs::rename(&part, &file).unwrap();
    wait_until("the size error", || {
        get(port, "/__kennisbank/errors.json")
            .1
            .contains("themes/default/static/groot.bin")
    });
    let (_, errors) = get(port, "/__kennisbank/errors.json");
    assert!(errors.contains("file-too-large"), "{errors}");
    assert_eq!(get(port, "/static/groot.bin").0, 404, "it is not served");
    std::fs::write(&file, b"klein").unwrap();
    wait_until("the error to go", || {
        get(port, "/__kennisbank/errors.json").1 == "[]"
    });
    assert_eq!(get(port, "/static/groot.bin").1, "klein");
    assert!(
        server.log().contains("fout[file-too-large]"),
        "{}",
        server.log()
    );
}

/// `serve` on a port another program holds: it stops with exit code 2 and says, in the editor's
/// language, which port is taken and which `--port` to try instead.
#[test]
fn a_port_in_use_is_named_with_the_port_to_use_instead() {
    let dir = project("minimal");
    let taken = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = taken.local_addr().unwrap().port();
    let next = port.checked_add(1).unwrap_or(port - 1);
    let run = |extra: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kennisbank"))
            .args(["serve", "--port", &port.to_string()])
            .args(extra)
            .current_dir(dir.path())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > Duration::from_secs(30) {
                let _ = child.kill();
                panic!("serve kept running on a port in use");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };

    let (code, text) = run(&[]);
    assert_eq!(code, Some(2), "{text}");
    assert_eq!(
        text,
        format!(
            "fout: de voorvertoning kan niet starten op 127.0.0.1:{port}: poort {port} is al in \
             gebruik, door een ander programma of door een andere `kennisbank serve`\n  \
             = hulp: kies een andere poort met `--port {next}`, of stop het programma dat poort \
             {port} gebruikt\n"
        )
    );

    let (code, text) = run(&["--lang", "en"]);
    assert_eq!(code, Some(2), "{text}");
    assert_eq!(
        text,
        format!(
            "error: cannot listen on 127.0.0.1:{port}: port {port} is already in use, by another \
             program or another `kennisbank serve`\n  = help: choose another port with \
             `--port {next}`, or stop the program that uses port {port}\n"
        )
    );
    drop(taken);
}

#[test]
fn cms_requests_whose_body_never_arrives_hold_no_worker_and_get_a_dutch_408() {
    let dir = project("minimal");
    let server = Server::start(dir.path());
    let port = server.port;
    // More clients than the server has workers, each announcing a body of 1000 bytes and
    // sending one: an aborted save, or a tool that waits for `100 Continue`.
    let mut stalled: Vec<TcpStream> = (0..6)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
            write!(
                s,
                "POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{"
            )
            .unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));

    // The preview and the CMS still answer at once.
    let asked = Instant::now();
    let (status, page) = get(port, PAGE);
    assert_eq!(status, 200);
    assert!(page.contains("<h1"));
    let body = r#"{"action":"info","params":{}}"#;
    let (status, reply) = raw(
        port,
        &format!(
            "POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    );
    assert_eq!(status, 200, "{reply}");
    assert!(reply.contains("local_fs"), "{reply}");
    let answered = asked.elapsed();
    assert!(
        answered < Duration::from_secs(5),
        "answers took {answered:?} while 6 clients held back their bodies"
    );

    // Each stalled client is told, in Dutch and as the JSON the editor's page shows, that its
    // request did not arrive, once the time limit for a request has passed.
    for s in &mut stalled {
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let mut answer = String::new();
        let _ = s.read_to_string(&mut answer);
        assert!(
            answer.starts_with("HTTP/1.1 408 Request Timeout\r\n"),
            "{answer}"
        );
        assert!(
            answer.contains("Content-Type: application/json"),
            "{answer}"
        );
        let json: serde_json::Value =
            serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
        let error = json["error"].as_str().unwrap();
        assert!(error.contains("niet binnen 10 seconden"), "{error}");
        assert!(error.contains("niets gewijzigd"), "{error}");
    }
}

#[test]
fn no_answer_of_the_preview_or_the_cms_may_be_framed_by_another_site() {
    let dir = project("minimal");
    let server = Server::start(dir.path());
    let port = server.port;
    let framing_refused = |what: &str, head: &str| {
        let lower = head.to_ascii_lowercase();
        assert!(
            lower.contains("\r\nx-frame-options: deny\r\n"),
            "{what}: {head}"
        );
        assert!(
            lower.contains("\r\ncontent-security-policy: frame-ancestors 'none'\r\n"),
            "{what}: {head}"
        );
    };
    for target in [
        "/admin/",
        "/admin/hernoemen.html",
        "/admin/config.yml",
        "/",
        PAGE,
        "/bestaat-niet/",
    ] {
        let (_, head, _) = request(port, "GET", target);
        framing_refused(target, &head);
    }
    // The backend's answers too.
    let body = r#"{"action":"practices","params":{}}"#;
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200 "), "{answer}");
    framing_refused("/api/v1", answer.split("\r\n\r\n").next().unwrap());
}
