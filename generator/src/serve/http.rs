//! Answering a request whose head has been read ([`super::listen`]): `GET` and `HEAD` of the
//! files built in memory, one request per connection, and the event stream that tells pages to
//! reload. Requests for another host than this computer are refused (see
//! [`super::request::host_allowed`]).

use super::request::{decode_target, head_end, host_allowed, parse_head};
use super::{sse_event, Shared};
use crate::diagnostics::Diagnostic;
use std::io::{self, Write};
use std::net::{IpAddr, TcpStream};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The prefix of the server's own files; no site path starts with it.
pub(crate) const OWN: &str = "/__kennisbank/";
pub(crate) const RELOAD_SCRIPT: &str = include_str!("reload.js");
pub(crate) const OVERLAY_STYLE: &str = include_str!("overlay.css");
/// The tag `serve` adds to every HTML page it serves.
pub(crate) const RELOAD_TAG: &str =
    "<script type=\"module\" src=\"/__kennisbank/reload.js\"></script>";

/// Sent with every answer: no page of another site may show these in a frame. Inside a frame the
/// CMS and its rename page are of this server, so their saves and deletions would pass the
/// backend's origin check, and a page could lay them invisibly under a button of its own
/// (clickjacking). Neither the CMS (its preview is a frame of its own making, with no address)
/// nor the site frames a page of the preview. `X-Frame-Options` for browsers that predate
/// `frame-ancestors`; the second policy header is enforced beside a page's own.
const NO_FRAMING: &str =
    "X-Frame-Options: DENY\r\nContent-Security-Policy: frame-ancestors 'none'\r\n";

/// An open event stream sends a comment this often, so a closed page is noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// Longest time to write one answer; a client that reads slower is cut off.
pub(crate) const WRITE_TIME: Duration = Duration::from_secs(20);
/// Most event streams (open pages) at once. Each has a thread, apart from the workers, so
/// open pages never take the threads that answer requests.
pub(crate) const MAX_EVENT_STREAMS: usize = 32;

enum Body {
    Shared(Arc<Vec<u8>>),
    Owned(Vec<u8>),
}

impl Body {
    fn bytes(&self) -> &[u8] {
        match self {
            Body::Shared(b) => b,
            Body::Owned(b) => b,
        }
    }
}

struct Response {
    status: u16,
    content_type: &'static str,
    extra: Vec<(&'static str, String)>,
    body: Body,
}

impl Response {
    fn text(status: u16, message: &str) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            extra: Vec::new(),
            body: Body::Owned(format!("{message}\n").into_bytes()),
        }
    }

    /// The CMS backend's form of a refusal, `{"error": message}`, which the admin page shows.
    fn json_error(status: u16, message: &str) -> Response {
        Response {
            status,
            content_type: "application/json",
            extra: Vec::new(),
            body: Body::Owned(
                serde_json::json!({ "error": message })
                    .to_string()
                    .into_bytes(),
            ),
        }
    }
}

/// The standard reason phrase (RFC 9110) of every status the server sends.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Error",
    }
}

/// A complete plain-text answer, for refusals written before a request is read.
pub(crate) fn short_answer(status: u16, text: &str) -> String {
    format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}\n",
        reason(status),
        text.len() + 1
    )
}

/// [`short_answer`] as the CMS backend's JSON, `{"error": text}`.
pub(crate) fn short_json_answer(status: u16, text: &str) -> String {
    let body = serde_json::json!({ "error": text }).to_string();
    format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        reason(status),
        body.len()
    )
}

/// Answers one request; `bound` is the address the server listens on.
pub(crate) fn handle(mut stream: TcpStream, head: &[u8], shared: &Arc<Shared>, bound: IpAddr) {
    let _ = stream.set_nodelay(true);
    let deadline = Instant::now() + WRITE_TIME;
    // What came after the head (the start of a body) stays apart: only the CMS reads bodies.
    let (head, rest) = head.split_at(head_end(head).unwrap_or(head.len()));
    let head_text = String::from_utf8_lossy(head);
    let request = match parse_head(head) {
        Ok(r) => r,
        Err(why) => {
            let _ = write_response(&mut stream, &Response::text(400, why), false, deadline);
            return;
        }
    };
    let head_only = request.method == "HEAD";
    match request.host.as_deref() {
        Some(host) if host_allowed(host, bound) => {}
        _ => {
            let why = "Onbekende host: deze voorbeeldweergave antwoordt alleen op localhost, 127.0.0.1 en [::1].";
            // The CMS shows a refusal only in its own JSON form.
            let r = if request.target.starts_with("/api/") {
                Response::json_error(421, why)
            } else {
                Response::text(421, why)
            };
            let _ = write_response(&mut stream, &r, head_only, deadline);
            return;
        }
    }
    if let Ok(cms_path) = decode_target(&request.target) {
        if crate::cms::serve::is_cms_path(&cms_path) {
            let loopback = stream.peer_addr().is_ok_and(|a| a.ip().is_loopback());
            let a = crate::cms::serve::answer(
                shared.root(),
                &request.method,
                &cms_path,
                head_text.as_ref(),
                rest.to_vec(),
                loopback,
            );
            let r = Response {
                status: a.status,
                content_type: a.content_type,
                extra: a.headers,
                body: Body::Owned(a.body),
            };
            let _ = write_response(&mut stream, &r, request.method == "HEAD", deadline);
            return;
        }
    }
    if request.method != "GET" && !head_only {
        let mut r = Response::text(405, "Alleen GET en HEAD worden beantwoord.");
        r.extra.push(("Allow", "GET, HEAD".into()));
        let _ = write_response(&mut stream, &r, false, deadline);
        return;
    }
    let path = match decode_target(&request.target) {
        Ok(p) => p,
        Err(why) => {
            let _ = write_response(&mut stream, &Response::text(400, why), head_only, deadline);
            return;
        }
    };
    if path == "__kennisbank/events" && !head_only {
        start_event_stream(stream, shared, deadline);
        return;
    }
    let response = respond(&path, &request.target, shared);
    let _ = write_response(&mut stream, &response, head_only, deadline);
}

/// Gives the stream its own thread, unless [`MAX_EVENT_STREAMS`] are open.
fn start_event_stream(mut stream: TcpStream, shared: &Arc<Shared>, deadline: Instant) {
    let open = shared.event_streams.fetch_add(1, Ordering::SeqCst);
    let busy = || {
        Response::text(
            503,
            "Er staan te veel pagina's van de voorbeeldweergave open; sluit er een paar en laad deze pagina opnieuw.",
        )
    };
    if open >= MAX_EVENT_STREAMS {
        shared.event_streams.fetch_sub(1, Ordering::SeqCst);
        let _ = write_response(&mut stream, &busy(), false, deadline);
        return;
    }
    let thread_shared = Arc::clone(shared);
    let spawned = std::thread::Builder::new()
        .name("kennisbank-events".into())
        .spawn(move || {
            let _ = event_stream(&mut stream, &thread_shared);
            thread_shared.event_streams.fetch_sub(1, Ordering::SeqCst);
        });
    if spawned.is_err() {
        shared.event_streams.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The media type of an output file, by its extension.
pub(crate) fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "xml" if name == "atom.xml" => "application/atom+xml; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn respond(path: &str, target: &str, shared: &Shared) -> Response {
    if let Some(own) = format!("/{path}").strip_prefix(OWN) {
        let (content_type, body) = match own {
            "reload.js" => (
                "text/javascript; charset=utf-8",
                reload_script().into_bytes(),
            ),
            "overlay.css" => ("text/css; charset=utf-8", OVERLAY_STYLE.as_bytes().to_vec()),
            "errors.json" => ("application/json", shared.errors_json().into_bytes()),
            _ => return Response::text(404, "Not found"),
        };
        return Response {
            status: 200,
            content_type,
            extra: Vec::new(),
            body: Body::Owned(body),
        };
    }
    if !shared.built() {
        return Response {
            status: 503,
            content_type: "text/html; charset=utf-8",
            extra: Vec::new(),
            body: Body::Owned(error_page(&shared.errors()).into_bytes()),
        };
    }
    let file = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    if let Some(bytes) = shared.file(&file) {
        return page_response(200, &file, bytes);
    }
    // A folder without its slash: send the browser to the slash, as static hosts do, so that
    // relative links in the page resolve as they will when published.
    if !path.is_empty() && !path.ends_with('/') && shared.has_file(&format!("{path}/index.html")) {
        let (raw_path, query) = match target.split_once('?') {
            Some((p, q)) => (p, format!("?{q}")),
            None => (target, String::new()),
        };
        let mut r = Response::text(301, "Moved");
        r.extra.push(("Location", format!("{raw_path}/{query}")));
        return r;
    }
    match shared.file("404.html") {
        Some(bytes) => page_response(404, "404.html", bytes),
        None => Response::text(404, "Not found"),
    }
}

fn page_response(status: u16, file: &str, bytes: Arc<Vec<u8>>) -> Response {
    let content_type = content_type(file);
    let body = if content_type.starts_with("text/html") {
        Body::Owned(with_reload_tag(&bytes))
    } else {
        Body::Shared(bytes)
    };
    Response {
        status,
        content_type,
        extra: Vec::new(),
        body,
    }
}

/// The page with the reload script added at the end of its `<head>` (or at its start when it
/// has none).
pub(crate) fn with_reload_tag(html: &[u8]) -> Vec<u8> {
    let at = html
        .windows(7)
        .position(|w| w.eq_ignore_ascii_case(b"</head>"))
        .unwrap_or(0);
    let mut out = Vec::with_capacity(html.len() + RELOAD_TAG.len() + 1);
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(RELOAD_TAG.as_bytes());
    out.push(b'\n');
    out.extend_from_slice(&html[at..]);
    out
}

/// The live-reload script with the overlay's texts in the language of the process.
fn reload_script() -> String {
    let texts = serde_json::json!({
        "headingOne": crate::msg!("overlay-heading-one").to_string(),
        "headingMany": crate::msg!("overlay-heading-many", n = "{n}").to_string(),
        "intro": crate::msg!("overlay-intro").to_string(),
        "close": crate::msg!("overlay-close").to_string(),
    });
    RELOAD_SCRIPT.replacen("/*KB_TEXTS*/ {}", &texts.to_string(), 1)
}

/// What every page shows while the site has never built: the errors, for readers without the
/// script too; the script shows them over the page and reloads once they are fixed.
fn error_page(errors: &[Diagnostic]) -> String {
    let escape = textkit::escape_html;
    let mut items = String::new();
    for d in errors {
        let location = match d.line {
            0 => d.path.clone(),
            l => format!("{}:{l}", d.path),
        };
        items.push_str(&format!(
            "<li><code>{}</code>: {}{}</li>\n",
            escape(&location),
            escape(&d.text()),
            d.hint_text()
                .map(|h| format!("<br>{}", escape(&h)))
                .unwrap_or_default()
        ));
    }
    let lang = crate::messages::Lang::current().code();
    let title = escape(&crate::msg!("error-page-title").to_string());
    let intro = escape(&crate::msg!("error-page-intro").to_string());
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n{RELOAD_TAG}\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<p>{intro}</p>\n<ul>\n{items}</ul>\n</main>\n</body>\n</html>\n"
    )
}

fn write_response(
    stream: &mut TcpStream,
    r: &Response,
    head_only: bool,
    deadline: Instant,
) -> io::Result<()> {
    let body = r.body.bytes();
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n{NO_FRAMING}Connection: close\r\n",
        r.status,
        reason(r.status),
        r.content_type,
        body.len()
    );
    for (name, value) in &r.extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    write_by(stream, head.as_bytes(), deadline)?;
    if !head_only {
        write_by(stream, body, deadline)?;
    }
    let _ = stream.shutdown(std::net::Shutdown::Write);
    Ok(())
}

/// Writes all of `bytes` before `deadline`, however slowly the client reads.
fn write_by(stream: &mut TcpStream, mut bytes: &[u8], deadline: Instant) -> io::Result<()> {
    while !bytes.is_empty() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        stream.set_write_timeout(Some(left))?;
        match stream.write(&bytes[..bytes.len().min(64 * 1024)]) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => bytes = &bytes[n..],
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Holds the connection open and sends events until the page or the server goes away.
fn event_stream(stream: &mut TcpStream, shared: &Shared) -> io::Result<()> {
    // Subscribe before sending the current state, so no change falls between the two.
    let events = shared.subscribe();
    let hello = serde_json::json!({ "instance": shared.instance() }).to_string();
    let mut start = String::from(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\nretry: 500\n\n",
    );
    start.push_str(&sse_event("hello", &hello));
    start.push_str(&sse_event("errors", &shared.errors_json()));
    // A page that stops reading is dropped at the next event that does not fit.
    stream.set_write_timeout(Some(WRITE_TIME))?;
    stream.write_all(start.as_bytes())?;
    stream.flush()?;
    loop {
        match events.recv_timeout(KEEP_ALIVE) {
            Ok(event) => stream.write_all(event.as_bytes())?,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                if shared.is_shutting_down() {
                    return Ok(());
                }
                stream.write_all(b": ping\n\n")?;
            }
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        }
        stream.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overlay_script_gets_its_texts_from_the_catalogue() {
        let script = reload_script();
        assert!(
            !script.contains("/*KB_TEXTS*/"),
            "the texts were not filled in"
        );
        assert!(script.contains("\"headingOne\":\"De laatste wijziging bevat een fout\""));
        assert!(script.contains("\"headingMany\":\"De laatste wijziging bevat {n} fouten\""));
    }

    #[test]
    fn every_status_the_server_sends_has_its_standard_reason_phrase() {
        for (status, phrase) in [
            (200, "OK"),
            (301, "Moved Permanently"),
            (400, "Bad Request"),
            (403, "Forbidden"),
            (404, "Not Found"),
            (405, "Method Not Allowed"),
            (408, "Request Timeout"),
            (411, "Length Required"),
            (413, "Content Too Large"),
            (415, "Unsupported Media Type"),
            (421, "Misdirected Request"),
            (422, "Unprocessable Content"),
            (431, "Request Header Fields Too Large"),
            (503, "Service Unavailable"),
        ] {
            assert_eq!(reason(status), phrase, "{status}");
            assert!(
                short_answer(status, "x").starts_with(&format!("HTTP/1.1 {status} {phrase}\r\n"))
            );
        }
    }

    #[test]
    fn media_types_by_extension() {
        assert_eq!(
            content_type("static/wasm/search_bg.wasm"),
            "application/wasm"
        );
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(
            content_type("static/zoeken.js"),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            content_type("praktijken/algemeen/atom.xml"),
            "application/atom+xml; charset=utf-8"
        );
        assert_eq!(
            content_type("sitemap.xml"),
            "application/xml; charset=utf-8"
        );
        assert_eq!(
            content_type("zoeken/index/meta.bin"),
            "application/octet-stream"
        );
    }

    #[test]
    fn the_reload_tag_goes_at_the_end_of_the_head() {
        let out = with_reload_tag(b"<html><head><title>x</title></head><body></body></html>");
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains(&format!("<title>x</title>{RELOAD_TAG}\n</head>")),
            "{out}"
        );
    }
}
