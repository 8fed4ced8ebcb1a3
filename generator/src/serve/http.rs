//! A small HTTP/1.1 server for the preview: `GET` and `HEAD` of the files built in memory, one
//! request per connection, and the event stream that tells pages to reload.
//!
//! Only files of the build are ever served: a request path is decoded once, and a path with a
//! `.` or `..` segment (also written as `%2e%2e`, or with `%2f` or `%5c` for the slash) is
//! refused before anything is looked up.

use super::{sse_event, Shared};
use crate::diagnostics::Diagnostic;
use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::Duration;

/// The prefix of the server's own files; no site path starts with it.
pub(crate) const OWN: &str = "/__kennisbank/";
pub(crate) const RELOAD_SCRIPT: &str = include_str!("reload.js");
pub(crate) const OVERLAY_STYLE: &str = include_str!("overlay.css");
/// The tag `serve` adds to every HTML page it serves.
pub(crate) const RELOAD_TAG: &str =
    "<script type=\"module\" src=\"/__kennisbank/reload.js\"></script>";

/// Longest request head read.
const MAX_HEAD: usize = 16 * 1024;
/// An open event stream sends a comment this often, so a closed page is noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

struct Request {
    method: String,
    target: String,
}

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
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        503 => "Service Unavailable",
        _ => "Error",
    }
}

/// Answers one connection.
pub(crate) fn handle(mut stream: TcpStream, shared: &Shared) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = stream.set_nodelay(true);
    let request = match read_head(&mut stream) {
        Ok(Some(r)) => r,
        Ok(None) => return,
        Err(_) => {
            let _ = write_response(&mut stream, &Response::text(400, "Bad request"), false);
            return;
        }
    };
    let head_only = request.method == "HEAD";
    if request.method != "GET" && !head_only {
        let mut r = Response::text(405, "Only GET and HEAD are served");
        r.extra.push(("Allow", "GET, HEAD".into()));
        let _ = write_response(&mut stream, &r, false);
        return;
    }
    let path = match decode_target(&request.target) {
        Ok(p) => p,
        Err(why) => {
            let _ = write_response(&mut stream, &Response::text(400, why), head_only);
            return;
        }
    };
    if path == "__kennisbank/events" && !head_only {
        let _ = event_stream(&mut stream, shared);
        return;
    }
    let response = respond(&path, &request.target, shared);
    let _ = write_response(&mut stream, &response, head_only);
}

/// Reads the request line and headers; `None` when the client sent nothing.
fn read_head(stream: &mut TcpStream) -> io::Result<Option<Request>> {
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 2048];
    loop {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            if head.is_empty() {
                return Ok(None);
            }
            break;
        }
        head.extend_from_slice(&buf[..n]);
        if head.windows(4).any(|w| w == b"\r\n\r\n") || head.windows(2).any(|w| w == b"\n\n") {
            break;
        }
        if head.len() > MAX_HEAD {
            return Err(io::Error::other("request head too long"));
        }
    }
    let text = String::from_utf8_lossy(&head);
    let line = text.lines().next().unwrap_or_default();
    let mut parts = line.split_whitespace();
    match (parts.next(), parts.next(), parts.next()) {
        (Some(method), Some(target), Some(version)) if version.starts_with("HTTP/") => {
            Ok(Some(Request {
                method: method.to_string(),
                target: target.to_string(),
            }))
        }
        _ => Err(io::Error::other("not an HTTP request")),
    }
}

/// The request target's path, percent-decoded, without its leading `/`; `Err` says why it is
/// refused.
pub(crate) fn decode_target(target: &str) -> Result<String, &'static str> {
    let Some(path) = target.strip_prefix('/') else {
        return Err("Bad request: only paths starting with / are served");
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match hex {
                Some(b) => {
                    decoded.push(b);
                    i += 3;
                }
                None => return Err("Bad request: broken %-escape in the path"),
            }
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    let decoded =
        String::from_utf8(decoded).map_err(|_| "Bad request: the path is not UTF-8 text")?;
    if decoded.contains(['\\', '\0']) {
        return Err("Bad request: the path leaves the site");
    }
    if decoded.split('/').any(|s| s == ".." || s == ".") {
        return Err("Bad request: the path leaves the site");
    }
    // Escapes left after decoding once are a second layer meant for a server that decodes twice.
    let lower = decoded.to_ascii_lowercase();
    if ["%2e", "%2f", "%5c", "%00"]
        .iter()
        .any(|e| lower.contains(e))
    {
        return Err("Bad request: the path leaves the site");
    }
    Ok(decoded)
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
                RELOAD_SCRIPT.as_bytes().to_vec(),
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
            escape(&d.message),
            d.hint
                .as_deref()
                .map(|h| format!("<br>{}", escape(h)))
                .unwrap_or_default()
        ));
    }
    format!(
        "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>De site bevat fouten</title>\n{RELOAD_TAG}\n</head>\n<body>\n<main>\n<h1>De site bevat fouten</h1>\n<p>Er is nog geen versie van de site gebouwd. Herstel de fouten hieronder; deze pagina laadt daarna vanzelf opnieuw.</p>\n<ul>\n{items}</ul>\n</main>\n</body>\n</html>\n"
    )
}

fn write_response(stream: &mut TcpStream, r: &Response, head_only: bool) -> io::Result<()> {
    let body = r.body.bytes();
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        r.status,
        reason(r.status),
        r.content_type,
        body.len()
    );
    for (name, value) in &r.extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()?;
    let _ = stream.shutdown(std::net::Shutdown::Write);
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
    fn paths_leaving_the_site_are_refused_in_every_spelling() {
        for bad in [
            "/../Cargo.toml",
            "/static/../../etc/passwd",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E/%2e%2e/etc/passwd",
            "/static/..%2f..%2fetc%2fpasswd",
            "/static/%2e%2e%5c%2e%2e%5cwindows",
            "/..\\..\\etc",
            "/static/%252e%252e/%252e%252e/etc/passwd",
            "/./index.html",
            "/index.html%00.css",
            "http://example.org/",
            "*",
        ] {
            assert!(decode_target(bad).is_err(), "{bad} must be refused");
        }
    }

    #[test]
    fn ordinary_paths_are_decoded() {
        assert_eq!(decode_target("/").unwrap(), "");
        assert_eq!(
            decode_target("/praktijken/algemeen/?q=1#x").unwrap(),
            "praktijken/algemeen/"
        );
        assert_eq!(decode_target("/a%20b.txt").unwrap(), "a b.txt");
        assert!(decode_target("/a%zz").is_err());
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
