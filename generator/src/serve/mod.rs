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
    /// The watcher failed; live reload stops, serving goes on.
    WatchError(String),
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
            eprintln!(
                "error: cannot open the project folder `{}`: {e}",
                options.root.display()
            );
            return 2;
        }
    };
    let address = SocketAddr::new(options.bind, options.port);
    let listener = match TcpListener::bind(address) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot listen on {address}: {e}");
            if e.kind() == std::io::ErrorKind::AddrInUse {
                eprintln!("  = help: another program uses the port; choose another with `--port`, such as `--port 1112`");
            }
            return 2;
        }
    };
    let address = listener.local_addr().unwrap_or(address);
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: serving on {address}: other computers on the network can see the preview"
        );
    }

    let shared = Arc::new(Shared::new(root.clone()));
    let (tx, rx) = mpsc::channel::<Message>();
    let shutdown_tx = tx.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = shutdown_tx.send(Message::Shutdown);
    }) {
        eprintln!(
            "warning: Ctrl-C cannot be caught ({e}); stop the server by closing the terminal"
        );
    }

    eprintln!("Building the site from `{}`…", root.display());
    let mut rebuilder = Rebuilder::new(&root, "/");
    rebuilder.set_background_index(true);
    let outcome = rebuilder.full(&mut |step| shared.publish(step));
    shared.set_status(&outcome);
    report(&outcome, None);

    // Watch before serving, so no change made after the first page is seen can be missed.
    let mut watcher = watch::start(&root, tx.clone());
    let watching = match &watcher {
        Ok(_) => "watching content/ and themes/",
        Err(e) => {
            eprintln!("warning: cannot watch the files ({e}); pages will not reload by themselves");
            "not watching files"
        }
    };

    let workers = match pool::Workers::start(&shared, address.ip()) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: cannot start the server threads: {e}");
            return 2;
        }
    };
    let accept_shared = Arc::clone(&shared);
    let accept = std::thread::Builder::new()
        .name("kennisbank-accept".into())
        .spawn(move || listen::run(listener, accept_shared, workers));
    if let Err(e) = accept {
        eprintln!("error: cannot start the server thread: {e}");
        return 2;
    }
    let url = format!("http://{address}/");
    eprintln!("Serving {url} ({watching}; press Ctrl-C to stop).");
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
    eprintln!("Stopped.");
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
            Err(e) => eprintln!("warning: cannot make the search index: {e}"),
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
                eprintln!("warning: watching the files failed: {e}");
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
                        eprintln!("warning: watching the files again failed: {e}");
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
            let shown: Vec<&str> = names.iter().take(3).map(String::as_str).collect();
            let more = names.len().saturating_sub(3);
            if names.is_empty() {
                return finish(outcome, &mut err, "left by the last rebuild");
            }
            let mut s = format!("after a change to {}", shown.join(", "));
            if more > 0 {
                s.push_str(&format!(" and {more} more"));
            }
            s
        }
        None => "the whole site".into(),
    };
    finish(outcome, &mut err, &what);
}

fn finish(outcome: &Outcome, err: &mut impl Write, what: &str) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    if outcome.ok() {
        let kind = if outcome.full() { "built" } else { "rebuilt" };
        let first = match outcome.first_published {
            Some(d) if !outcome.full() && d < outcome.elapsed => {
                format!("; the edited page was served after {:.0} ms", ms(d))
            }
            _ => String::new(),
        };
        let later = if outcome.deferred() {
            " (the other pages follow with the next change)"
        } else {
            ""
        };
        let _ = writeln!(
            err,
            "[{}] {kind} {} files {what} in {:.0} ms{first}{later}.",
            clock(),
            outcome.files,
            ms(outcome.elapsed)
        );
    } else {
        let _ = writeln!(
            err,
            "[{}] {what}: the site has errors; the last good version stays served and the page shows the errors.",
            clock()
        );
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
        eprintln!("warning: cannot open a browser ({program}: {e}); open {url} yourself");
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
