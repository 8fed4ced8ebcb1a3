//! `kennisbank serve`: builds the site in memory, serves it over HTTP on the loopback interface,
//! watches `content/` and `themes/`, and rebuilds what a change touches ([`crate::rebuild`]).
//!
//! Served pages get one extra tag, `<script type="module" src="/__kennisbank/reload.js">`, that
//! listens to server-sent events: it reloads the page when it changed and shows the errors of a
//! broken edit over the page (the Content-Security-Policy of the pages allows no inline script,
//! so it is a file, and it exists only here: `build` never writes it).
//!
//! Threads: the main thread rebuilds (one change after another); one thread accepts connections
//! and reads request heads ([`listen`]), a fixed pool answers them ([`pool`]), and each open
//! event stream has its own thread, up to a cap ([`http::MAX_EVENT_STREAMS`]). However many
//! clients connect, the number of threads stays bounded. They share the files being served and
//! the current problems.

mod http;
mod listen;
mod pool;
mod request;
pub mod store;
mod watch;

use crate::diagnostics::{self, Diagnostic, Format};
use crate::messages::{io_detail, Message as Text};
use crate::msg;
use crate::rebuild::{IndexDone, IndexJob, Outcome, Rebuilder, Step, StepKind};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use store::{reload_urls, SiteFiles};

/// How `serve` was asked to run.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    /// Open the site in the default browser.
    pub open: bool,
}

/// Quiet time after a file event before rebuilding: the writes of one save (or of saving several
/// files at once) arrive within it and make one rebuild.
const QUIET: Duration = Duration::from_millis(15);
/// Longest wait for quiet, so a steady stream of events still shows its changes.
const MAX_WAIT: Duration = Duration::from_millis(300);

/// What the main loop is told.
pub(crate) enum Message {
    /// Paths that changed on disk.
    Changed(Vec<PathBuf>),
    /// The watcher failed (what went wrong, in words); live reload stops, serving goes on.
    WatchError(Text),
    /// Ctrl-C or SIGTERM.
    Shutdown,
    /// A search index made on another thread.
    IndexDone(IndexDone),
}

/// The state shared by the rebuilding thread and the connections.
pub(crate) struct Shared {
    site: RwLock<SiteFiles>,
    status: RwLock<Status>,
    /// One sender per open event stream; a message is one complete event.
    clients: Mutex<Vec<Sender<String>>>,
    /// Changes with every start, so pages reload when the server restarts.
    instance: String,
    shutdown: AtomicBool,
    /// Event streams open now.
    event_streams: AtomicUsize,
    /// The project folder (the CMS reads and saves in its `content/`).
    root: PathBuf,
}

#[derive(Default)]
pub(crate) struct Status {
    /// Whether a build has succeeded since the start.
    built: bool,
    /// The errors of the last rebuild (warnings are only printed).
    errors: Vec<Diagnostic>,
}

impl Shared {
    fn new(root: PathBuf) -> Shared {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Shared {
            site: RwLock::new(SiteFiles::default()),
            status: RwLock::new(Status::default()),
            clients: Mutex::new(Vec::new()),
            instance: format!("{}-{nanos}", std::process::id()),
            shutdown: AtomicBool::new(false),
            event_streams: AtomicUsize::new(0),
            root,
        }
    }

    pub(crate) fn file(&self, path: &str) -> Option<Arc<Vec<u8>>> {
        self.site
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(path)
    }

    pub(crate) fn has_file(&self, path: &str) -> bool {
        self.site
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .contains(path)
    }

    pub(crate) fn built(&self) -> bool {
        self.status.read().unwrap_or_else(|e| e.into_inner()).built
    }

    pub(crate) fn errors_json(&self) -> String {
        let status = self.status.read().unwrap_or_else(|e| e.into_inner());
        serde_json::to_string(&status.errors).unwrap_or_else(|_| "[]".into())
    }

    pub(crate) fn errors(&self) -> Vec<Diagnostic> {
        self.status
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .errors
            .clone()
    }

    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    pub(crate) fn instance(&self) -> &str {
        &self.instance
    }

    pub(crate) fn is_shutting_down(&self) -> bool {
        self.shutdown.load(Ordering::SeqCst)
    }

    /// Registers an event stream.
    pub(crate) fn subscribe(&self) -> Receiver<String> {
        let (tx, rx) = mpsc::channel();
        self.clients
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(tx);
        rx
    }

    /// Sends an event to every open page; closed streams are forgotten.
    fn broadcast(&self, event: &str, data: &str) {
        let message = sse_event(event, data);
        self.clients
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|tx| tx.send(message.clone()).is_ok());
    }

    /// Serves a step of a rebuild. Pages are published only by a rebuild without errors (style
    /// sheets are copied whatever the content), so the errors shown are those of an earlier
    /// rebuild: the overlay goes before the page reloads.
    fn publish(&self, step: Step) {
        if step.kind != StepKind::Static {
            let had_errors = {
                let mut status = self.status.write().unwrap_or_else(|e| e.into_inner());
                status.built = true;
                !std::mem::take(&mut status.errors).is_empty()
            };
            if had_errors {
                self.broadcast("errors", "[]");
            }
        }
        self.serve_files(step);
    }

    /// Serves a search index made on another thread. It belongs to the rebuild that asked for
    /// it, which may be older than the last one: it never touches the errors, which are those of
    /// the last rebuild (a broken save made while the index of the edit before it was being made
    /// stays shown).
    fn publish_index(&self, step: Step) {
        self.serve_files(step);
    }

    /// Serves the step's files and tells the open pages that changed to reload.
    fn serve_files(&self, step: Step) {
        let changed = self
            .site
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .apply(step);
        let urls = reload_urls(&changed);
        if !urls.is_empty() {
            let data = serde_json::json!({ "paths": urls }).to_string();
            self.broadcast("reload", &data);
        }
    }

    fn set_status(&self, outcome: &Outcome) {
        let errors: Vec<Diagnostic> = outcome
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .cloned()
            .collect();
        let changed = {
            let mut status = self.status.write().unwrap_or_else(|e| e.into_inner());
            status.built |= outcome.ok();
            let changed = status.errors != errors;
            status.errors = errors;
            changed
        };
        if changed {
            self.broadcast("errors", &self.errors_json());
        }
    }
}

/// One server-sent event; every line of `data` gets its own `data:` field.
pub(crate) fn sse_event(event: &str, data: &str) -> String {
    let mut out = format!("event: {event}\n");
    for line in data.split('\n') {
        out.push_str("data: ");
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    out
}

/// Runs the server until Ctrl-C. Returns the exit status.
pub fn run(options: Options) -> i32 {
    let root = match std::fs::canonicalize(&options.root) {
        Ok(r) => r,
        Err(e) => {
            error(msg!(
                "serve-cannot-open-project",
                root = options.root.display().to_string(),
                detail = io_detail(&e)
            ));
            return 2;
        }
    };
    let address = SocketAddr::new(options.bind, options.port);
    let listener = match TcpListener::bind(address) {
        Ok(l) => l,
        Err(e) => {
            let (detail, hint) = cannot_listen(&e, address);
            error(msg!(
                "serve-cannot-listen",
                address = address.to_string(),
                detail = detail
            ));
            if let Some(hint) = hint {
                help(hint);
            }
            return 2;
        }
    };
    let address = listener.local_addr().unwrap_or(address);
    if !options.bind.is_loopback() {
        warning(msg!("serve-public-bind", address = address.to_string()));
    }

    let shared = Arc::new(Shared::new(root.clone()));
    let (tx, rx) = mpsc::channel::<Message>();
    let shutdown_tx = tx.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = shutdown_tx.send(Message::Shutdown);
    }) {
        let detail = match &e {
            ctrlc::Error::System(e) => io_detail(e),
            other => Text::raw(other.to_string()),
        };
        warning(msg!("serve-no-ctrl-c", detail = detail));
    }

    eprintln!(
        "{}",
        msg!("serve-building", root = root.display().to_string())
    );
    let mut rebuilder = Rebuilder::new(&root, "/");
    rebuilder.set_background_index(true);
    let outcome = rebuilder.full(&mut |step| shared.publish(step));
    shared.set_status(&outcome);
    report(&outcome, None);

    // Watch before serving, so no change made after the first page is seen can be missed.
    let mut watcher = watch::start(&root, tx.clone());
    let watching = match &watcher {
        Ok(_) => msg!("serve-watching"),
        Err(e) => {
            warning(msg!("serve-cannot-watch", detail = watch::detail(e)));
            msg!("serve-not-watching")
        }
    };

    let workers = match pool::Workers::start(&shared, address.ip()) {
        Ok(w) => w,
        Err(e) => {
            error(msg!("serve-cannot-start", detail = io_detail(&e)));
            return 2;
        }
    };
    let accept_shared = Arc::clone(&shared);
    let accept = std::thread::Builder::new()
        .name("kennisbank-accept".into())
        .spawn(move || listen::run(listener, accept_shared, workers));
    if let Err(e) = accept {
        error(msg!("serve-cannot-start", detail = io_detail(&e)));
        return 2;
    }
    let url = format!("http://{address}/");
    eprintln!(
        "{}",
        msg!("serve-serving", url = url.as_str(), watching = watching)
    );
    if options.open {
        open_browser(&url);
    }

    main_loop(&rx, tx, &mut rebuilder, &shared, watcher.as_mut().ok());

    shared.shutdown.store(true, Ordering::SeqCst);
    // Closing the event streams lets their threads end; a connection to ourselves wakes the
    // accepting thread so it sees the flag.
    shared
        .clients
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clear();
    let _ = TcpStream::connect_timeout(&wake_address(address), Duration::from_millis(200));
    drop(watcher);
    eprintln!("{}", msg!("serve-stopped"));
    0
}

/// Where to connect to wake the accepting thread (an unspecified bind address is not connectable).
fn wake_address(address: SocketAddr) -> SocketAddr {
    if address.ip().is_unspecified() {
        let local: IpAddr = match address {
            SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
            SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
        };
        SocketAddr::new(local, address.port())
    } else {
        address
    }
}

/// The search index jobs: one runs at a time on its own thread; of those waiting, only the
/// newest is kept.
struct IndexJobs {
    tx: Sender<Message>,
    running: bool,
    waiting: Option<IndexJob>,
}

impl IndexJobs {
    fn add(&mut self, job: IndexJob) {
        if self.running {
            self.waiting = Some(job);
            return;
        }
        let tx = self.tx.clone();
        let spawned = std::thread::Builder::new()
            .name("kennisbank-index".into())
            .spawn(move || {
                let _ = tx.send(Message::IndexDone(job.run()));
            });
        match spawned {
            Ok(_) => self.running = true,
            Err(e) => warning(msg!("serve-index-failed", detail = io_detail(&e))),
        }
    }

    fn done(&mut self) {
        self.running = false;
        if let Some(job) = self.waiting.take() {
            self.add(job);
        }
    }
}

/// Rebuilds after each batch of changes until shutdown.
fn main_loop(
    rx: &Receiver<Message>,
    tx: Sender<Message>,
    rebuilder: &mut Rebuilder,
    shared: &Shared,
    mut watch: Option<&mut watch::Watch>,
) {
    let mut jobs = IndexJobs {
        tx,
        running: false,
        waiting: None,
    };
    // Messages taken from the channel while a rebuild looked for newer changes.
    let waiting: RefCell<VecDeque<Message>> = RefCell::new(VecDeque::new());
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut first: Option<Instant> = None;
    loop {
        // Gather the changes of one save: until no event came for QUIET (at most MAX_WAIT).
        let next = waiting.borrow_mut().pop_front();
        let message = match (next, first) {
            (Some(m), _) => Some(m),
            (None, None) => match rx.recv() {
                Ok(m) => Some(m),
                Err(_) => return,
            },
            (None, Some(t)) => {
                let left = MAX_WAIT.saturating_sub(t.elapsed());
                match rx.recv_timeout(QUIET.min(left)) {
                    Ok(m) if !left.is_zero() => Some(m),
                    Ok(m) => {
                        waiting.borrow_mut().push_back(m);
                        None
                    }
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
        };
        match message {
            Some(Message::Shutdown) => return,
            Some(Message::WatchError(e)) => {
                warning(msg!("serve-watch-failed", detail = e));
                continue;
            }
            Some(Message::IndexDone(done)) => {
                rebuilder.index_ready(done, &mut |step| shared.publish_index(step));
                jobs.done();
                continue;
            }
            Some(Message::Changed(more)) => {
                // `content/` or `themes/` removed or made again: watch the new folder at once,
                // before the rebuild reads it, so no file written after that is missed.
                if let Some(w) = watch
                    .as_deref_mut()
                    .filter(|w| w.touches_watched_folder(&more))
                {
                    if let Err(e) = w.refresh() {
                        warning(msg!("serve-watch-again-failed", detail = watch::detail(&e)));
                    }
                }
                paths.extend(more);
                first.get_or_insert_with(Instant::now);
                continue;
            }
            None => {}
        }
        first = None;
        let batch = std::mem::take(&mut paths);
        // Another change waiting: the rebuild leaves what it can for the next one.
        let newer_change = || {
            let mut waiting = waiting.borrow_mut();
            while let Ok(m) = rx.try_recv() {
                waiting.push_back(m);
            }
            waiting
                .iter()
                .any(|m| matches!(m, Message::Changed(_) | Message::Shutdown))
        };
        let mut outcome =
            rebuilder.changed_until(&batch, &mut |step| shared.publish(step), &newer_change);
        if let Some(job) = outcome.index_job.take() {
            jobs.add(job);
        }
        if outcome.rebuilt() {
            shared.set_status(&outcome);
            report(&outcome, Some((rebuilder.root(), &batch)));
        }
    }
}

/// Prints what a rebuild did and its problems to the terminal.
fn report(outcome: &Outcome, changed: Option<(&Path, &[PathBuf])>) {
    let mut err = std::io::stderr().lock();
    if !outcome.diagnostics.is_empty() {
        let _ = err.write_all(diagnostics::render(&outcome.diagnostics, Format::Human).as_bytes());
    }
    let what = match changed {
        Some((root, paths)) => {
            // Name what the build reads: not editors' temporary files that came and went.
            let mut names: Vec<String> = paths
                .iter()
                .filter(|p| p.exists() || p.extension().is_some_and(|e| e == "md"))
                .filter_map(|p| p.strip_prefix(root).ok())
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .filter(|p| !p.split('/').any(|part| part.starts_with('.')))
                .collect();
            names.sort();
            names.dedup();
            if names.is_empty() {
                msg!("serve-what-left")
            } else {
                let shown: Vec<&str> = names.iter().take(3).map(String::as_str).collect();
                msg!(
                    "serve-what-changed",
                    files = shown.join(", "),
                    more = names.len().saturating_sub(3)
                )
            }
        }
        None => msg!("serve-what-whole"),
    };
    let _ = writeln!(err, "{}", summary(outcome, what, &clock()));
}

/// The line that ends the report of a rebuild: what was built, or that the site has errors.
fn summary(outcome: &Outcome, what: Text, clock: &str) -> Text {
    let ms = |d: Duration| (d.as_secs_f64() * 1000.0).round() as u64;
    if !outcome.ok() {
        return msg!("serve-has-errors", clock = clock, what = what);
    }
    let first = match outcome.first_published {
        Some(d) if !outcome.full() && d < outcome.elapsed => {
            msg!("serve-first-served", ms = ms(d))
        }
        _ => Text::raw(""),
    };
    msg!(
        "serve-built",
        clock = clock,
        kind = if outcome.full() { "full" } else { "partial" },
        files = outcome.files,
        what = what,
        ms = ms(outcome.elapsed),
        first = first,
        deferred = if outcome.deferred() { "yes" } else { "no" }
    )
}

/// Prints an error (`fout: …`, `error: …` in English).
fn error(what: Text) {
    eprintln!("{}: {what}", msg!("label-error"));
}

/// Prints a warning.
fn warning(what: Text) {
    eprintln!("{}: {what}", msg!("label-warning"));
}

/// Prints what to do about the error before it, as the reports of `check` do.
fn help(what: Text) {
    eprintln!("  = {}: {what}", msg!("label-help"));
}

/// Why the port cannot be listened on, and what to do about it.
fn cannot_listen(e: &std::io::Error, address: SocketAddr) -> (Text, Option<Text>) {
    use std::io::ErrorKind as K;
    let port = address.port();
    match e.kind() {
        K::AddrInUse => {
            let other = port.checked_add(1).unwrap_or(port - 1);
            (
                msg!("serve-port-in-use", port = port.to_string()),
                Some(msg!(
                    "serve-port-in-use-hint",
                    port = port.to_string(),
                    other = other.to_string()
                )),
            )
        }
        K::PermissionDenied => (
            msg!("serve-port-denied"),
            Some(msg!("serve-port-denied-hint")),
        ),
        K::AddrNotAvailable => (
            msg!("serve-address-unavailable", ip = address.ip().to_string()),
            Some(msg!("serve-address-unavailable-hint")),
        ),
        _ => (io_detail(e), None),
    }
}

/// The time of day (UTC) for the terminal log.
fn clock() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let day = seconds % 86_400;
    format!("{:02}:{:02}:{:02}", day / 3600, day % 3600 / 60, day % 60)
}

fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let spawned = std::process::Command::new(program)
        .args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(e) = spawned {
        warning(msg!(
            "serve-no-browser",
            program = program,
            detail = io_detail(&e),
            url = url
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::Code;
    use crate::rebuild::Status as Ended;
    use crate::render::OutputFile;

    fn step(kind: StepKind, path: &str) -> Step {
        Step {
            kind,
            files: vec![OutputFile {
                path: path.into(),
                bytes: b"x".to_vec(),
            }],
            removed: Vec::new(),
        }
    }

    fn outcome(status: Ended, files: usize, first_ms: Option<u64>, ms: u64) -> Outcome {
        Outcome {
            status,
            diagnostics: Vec::new(),
            files,
            first_published: first_ms.map(Duration::from_millis),
            index_job: None,
            elapsed: Duration::from_millis(ms),
        }
    }

    #[test]
    fn the_rebuild_lines_are_dutch_by_default_and_english_with_lang_en() {
        use crate::messages::Lang;
        let changed = || {
            msg!(
                "serve-what-changed",
                files = "content/a.md, content/b.md, content/c.md",
                more = 2usize
            )
        };
        let whole = summary(
            &outcome(Ended::Built, 120, Some(5), 300),
            msg!("serve-what-whole"),
            "09:30:00",
        );
        assert_eq!(
            whole.render(Lang::Nl),
            "[09:30:00] Gebouwd: 120 bestanden, de hele site, in 300 ms."
        );
        assert_eq!(
            whole.render(Lang::En),
            "[09:30:00] built 120 files the whole site in 300 ms."
        );
        let deferred = summary(
            &outcome(Ended::Deferred, 1, Some(12), 40),
            changed(),
            "09:31:02",
        );
        assert_eq!(
            deferred.render(Lang::Nl),
            "[09:31:02] Opnieuw gebouwd: 1 bestand, na een wijziging in content/a.md, content/b.md, \
             content/c.md en 2 andere, in 40 ms; de bewerkte pagina stond klaar na 12 ms \
             (de andere pagina's volgen bij de volgende wijziging)."
        );
        assert_eq!(
            deferred.render(Lang::En),
            "[09:31:02] rebuilt 1 files after a change to content/a.md, content/b.md, content/c.md \
             and 2 more in 40 ms; the edited page was served after 12 ms (the other pages follow \
             with the next change)."
        );
        let broken = summary(
            &outcome(Ended::Failed { whole: false }, 0, None, 8),
            msg!("serve-what-left"),
            "09:32:00",
        );
        assert_eq!(
            broken.render(Lang::Nl),
            "[09:32:00] De site heeft fouten (de rest van de vorige wijziging): de laatste versie \
             zonder fouten blijft te zien, en de pagina toont wat er mis is."
        );
        assert_eq!(
            broken.render(Lang::En),
            "[09:32:00] left by the last rebuild: the site has errors; the last good version stays \
             served and the page shows the errors."
        );
    }

    #[test]
    fn a_port_in_use_names_the_port_and_the_next_one_to_try() {
        use crate::messages::Lang;
        let e = std::io::Error::from(std::io::ErrorKind::AddrInUse);
        let (detail, hint) = cannot_listen(&e, "127.0.0.1:1111".parse().unwrap());
        assert!(detail
            .render(Lang::Nl)
            .contains("poort 1111 is al in gebruik"));
        let hint = hint.expect("a port in use has a way out");
        assert!(hint.render(Lang::Nl).contains("`--port 1112`"));
        assert!(hint.render(Lang::En).contains("`--port 1112`"));
        // The last port has no next one: the one before it.
        let (_, hint) = cannot_listen(&e, "127.0.0.1:65535".parse().unwrap());
        assert!(hint.unwrap().render(Lang::Nl).contains("`--port 65534`"));
    }

    #[test]
    fn an_index_served_after_a_broken_save_keeps_its_errors() {
        let shared = Shared::new(PathBuf::from("."));
        let broken = Outcome {
            status: Ended::Failed { whole: false },
            diagnostics: vec![Diagnostic::error(
                Code::YamlSyntax,
                "content/x.md",
                crate::messages::Message::raw("kapot"),
            )],
            files: 0,
            first_published: None,
            index_job: None,
            elapsed: Duration::ZERO,
        };
        shared.set_status(&broken);
        // The index of the edit before the broken save, made on its own thread, comes in now.
        shared.publish_index(step(StepKind::Rest, "zoeken/index/meta.json"));
        assert!(shared.has_file("zoeken/index/meta.json"));
        assert_eq!(
            shared.errors().len(),
            1,
            "the broken save's error stays shown"
        );
        // A rebuild that publishes pages has no errors: the overlay goes.
        shared.publish(step(StepKind::EditedPages, "index.html"));
        assert!(shared.errors().is_empty());
    }
}
