//! The CMS in `kennisbank serve`: `/admin/` (the page, the generated `config.yml`, the bundle)
//! and the local backend at `/api/v1`, which answers only requests from this computer.

use super::config::{self, Backend};
use crate::content::{self, settings};
use std::path::Path;

/// Longest request body the backend reads (a practice is a few kilobytes).
const MAX_BODY: usize = 8 * 1024 * 1024;

/// An HTTP answer for the server to write.
pub struct Answer {
    pub status: u16,
    pub content_type: &'static str,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Answer {
        Answer {
            status,
            content_type,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    fn text(status: u16, message: &str) -> Answer {
        Answer::new(status, "text/plain; charset=utf-8", format!("{message}\n"))
    }

    /// A refusal of the backend as the JSON the admin page shows the editor, `{"error": …}`
    /// (Decap reads the answer as JSON, and shows its `error`; plain text it cannot show).
    fn refused(status: u16, message: impl std::fmt::Display) -> Answer {
        let body = serde_json::json!({ "error": message.to_string() });
        Answer::new(status, "application/json", body.to_string())
    }
}

/// Whether `path` (decoded, without its leading `/`) belongs to the CMS.
pub fn is_cms_path(path: &str) -> bool {
    path == "admin" || path.starts_with("admin/") || path == "api/v1"
}

/// The body length a request head announces, when the backend would read a body that long (the
/// server reads it before the request is answered, within its time limit for a request).
pub fn body_length(head: &str) -> Option<usize> {
    header(head, "Content-Length")
        .and_then(|l| l.parse::<usize>().ok())
        .filter(|&l| l <= MAX_BODY)
}

/// Answers a request for a CMS path. `head` is the request head (request line and headers),
/// `body` what was read after it: for a POST to the backend, the whole body the server waited
/// for ([`body_length`]), or less when the client closed the connection early.
pub fn answer(
    root: &Path,
    method: &str,
    path: &str,
    head: &str,
    body: Vec<u8>,
    peer_is_loopback: bool,
) -> Answer {
    match (method, path) {
        ("POST", "api/v1") => api(root, head, body, peer_is_loopback),
        (_, "api/v1") => {
            let mut a = Answer::refused(405, crate::msg!("cms-only-post"));
            a.headers.push(("Allow", "POST".into()));
            a
        }
        ("GET" | "HEAD", "admin") => {
            let mut a = Answer::text(301, "/admin/");
            a.headers.push(("Location", "/admin/".into()));
            a
        }
        ("GET" | "HEAD", "admin/" | "admin/index.html") => {
            let mut a = Answer::new(200, "text/html; charset=utf-8", super::admin_page(true));
            a.headers
                .push(("Content-Security-Policy", super::ADMIN_CSP.into()));
            a
        }
        ("GET" | "HEAD", "admin/hernoemen.html") => {
            let mut a = Answer::new(200, "text/html; charset=utf-8", super::RENAME_PAGE);
            a.headers
                .push(("Content-Security-Policy", super::ADMIN_CSP.into()));
            a
        }
        ("GET" | "HEAD", "admin/hernoemen.js") => {
            Answer::new(200, "text/javascript; charset=utf-8", super::RENAME_SCRIPT)
        }
        ("GET" | "HEAD", "admin/opslaan.js") => {
            Answer::new(200, "text/javascript; charset=utf-8", super::SAVE_SCRIPT)
        }
        ("GET" | "HEAD", "admin/config.yml") => match local_config(root) {
            Ok(yaml) => Answer::new(200, "text/yaml; charset=utf-8", yaml),
            Err(message) => Answer::text(503, &message),
        },
        ("GET" | "HEAD", _) => {
            let name = path.strip_prefix("admin/").unwrap_or_default();
            match super::BUNDLE.iter().find(|(n, _)| *n == name) {
                Some((n, bytes)) => {
                    let kind = if n.ends_with(".wasm") {
                        "application/wasm"
                    } else if n.ends_with(".js") {
                        "text/javascript; charset=utf-8"
                    } else {
                        "text/plain; charset=utf-8"
                    };
                    Answer::new(200, kind, bytes.to_vec())
                }
                None => Answer::text(404, &crate::msg!("cms-admin-not-found").to_string()),
            }
        }
        _ => {
            let mut a = Answer::text(405, &crate::msg!("cms-admin-only-get").to_string());
            a.headers.push(("Allow", "GET, HEAD".into()));
            a
        }
    }
}

/// `config.yml` for the local backend, from the content on disk now.
pub fn local_config(root: &Path) -> Result<String, String> {
    let text = content::read_text(root, &root.join(settings::PATH)).map_err(|d| d.text())?;
    let Some(settings) = settings::parse(&text).0 else {
        return Err(crate::msg!("cms-cannot-start", path = settings::PATH).to_string());
    };
    let (practices, _) = content::load_practices(root, &settings);
    Ok(config::to_yaml(&config::config(
        &settings,
        &practices,
        &Backend::Local,
    )))
}

fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().skip(1).find_map(|line| {
        let (n, v) = line.split_once(':')?;
        n.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

fn api(root: &Path, head: &str, mut body: Vec<u8>, peer_is_loopback: bool) -> Answer {
    // Only the editor's own browser: not other computers, nor pages of other sites (they cannot
    // send JSON without CORS, and their Origin differs from the Host).
    if !peer_is_loopback {
        return Answer::refused(403, crate::msg!("cms-only-this-computer"));
    }
    if !header(head, "Content-Type").is_some_and(|t| t.starts_with("application/json")) {
        return Answer::refused(415, crate::msg!("cms-send-json"));
    }
    if let (Some(origin), Some(host)) = (header(head, "Origin"), header(head, "Host")) {
        let origin_host = origin.split_once("://").map_or(origin, |(_, h)| h);
        if origin_host != host {
            return Answer::refused(
                403,
                crate::msg!("cms-other-origin", origin = origin, host = host),
            );
        }
    }
    let Some(length) = header(head, "Content-Length").and_then(|l| l.parse::<usize>().ok()) else {
        return Answer::refused(411, crate::msg!("cms-length-required"));
    };
    if length > MAX_BODY {
        let limit = MAX_BODY / (1024 * 1024);
        return Answer::refused(413, crate::msg!("cms-too-large", limit = limit));
    }
    // The server read the body before this (never here: a worker waiting on a client that
    // sends less than it announced would be a worker the preview lacks).
    if body.len() < length {
        return Answer::refused(400, crate::msg!("cms-incomplete"));
    }
    body.truncate(length);
    let reply = super::backend::handle(root, &body);
    let json = serde_json::to_vec(&reply.body).unwrap_or_default();
    Answer::new(reply.status, "application/json", json)
}
