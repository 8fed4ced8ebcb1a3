//! The CMS for editors who do not use git or a terminal: Decap CMS (vendored, see
//! `scripts/fetch-cms.sh`) at `/admin/`, its `config.yml` made from the content schema
//! ([`config`]), and for `kennisbank serve` a local backend on the files of `content/`
//! ([`backend`]) that refuses every save `check` would reject ([`validate`]).

pub mod backend;
mod bundle_files;
pub mod config;
pub mod naming;
pub mod paths;
pub mod serve;
pub mod validate;

pub use bundle_files::{FILES as BUNDLE, VERSION};

/// The admin page's own Content-Security-Policy. Decap CMS needs inline styles (its CSS-in-JS),
/// `eval` (without it Decap does not start: tried in Chromium) and WebAssembly; it talks to its
/// backend and, when published, to the GitHub or GitLab API. The public pages keep their own,
/// stricter policy.
pub const ADMIN_CSP: &str = "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; font-src 'self' data:; connect-src 'self' https://api.github.com https://gitlab.com; frame-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'";

/// `/admin/index.html`. `local`: served by `kennisbank serve`, which also offers the rename
/// page (renaming needs the local backend: a git host's API cannot move a practice with its links)
/// and opens a new practice the backend saved under another name ([`SAVE_SCRIPT`]).
pub fn admin_page(local: bool) -> String {
    let local_parts = if local {
        "<script src=\"opslaan.js\"></script>\n<a href=\"hernoemen.html\" style=\"position:fixed;right:1rem;bottom:1rem;z-index:10000;background:#fff;color:#1a4e8a;padding:.4rem .8rem;border:2px solid #1a4e8a;border-radius:4px;font:600 15px system-ui,sans-serif\">Praktijk hernoemen</a>\n"
    } else {
        ""
    };
    format!(
        "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{ADMIN_CSP}\">\n<meta name=\"robots\" content=\"noindex\">\n<title>Beheer van de kennisbank</title>\n<style>{NARROW_SCREEN_STYLE}</style>\n</head>\n<body>\n<noscript>De beheeromgeving werkt alleen met JavaScript aan.</noscript>\n{local_parts}<script src=\"decap-cms.js\"></script>\n</body>\n</html>\n"
    )
}

/// Decap CMS's editor is at least 800 px wide, with the form and the preview side by side: on a
/// phone (360 px) the form was a narrow strip, scrolled sideways, and a refusal's message out of
/// sight. Below 800 px the form takes the whole width and the preview (its button still shows it)
/// and the account menu make room. Decap's class names end in the component's name.
const NARROW_SCREEN_STYLE: &str = "@media (max-width: 799px) { [class*=\"-EditorContainer\"], [class*=\"-ToolbarContainer\"] { min-width: 0 !important; } .SplitPane .Pane2, .SplitPane .Resizer, [class*=\"-ToolbarSectionMeta\"] { display: none !important; } .SplitPane .Pane1 { width: 100% !important; } }";

/// The rename page and its script (`kennisbank serve` only).
pub const RENAME_PAGE: &str = include_str!("hernoemen.html");
pub const RENAME_SCRIPT: &str = include_str!("hernoemen.js");
/// The admin page's script that follows a practice saved under another name (see [`naming`]).
pub const SAVE_SCRIPT: &str = include_str!("opslaan.js");

/// The files of the published `/admin/` when `content/site.yaml` has a `cms:` block: the page,
/// `config.yml` for the git host, and the bundle. Nothing without the block.
pub fn files(content: &crate::model::Content) -> Vec<crate::render::OutputFile> {
    let Some(cms) = &content.settings.cms else {
        return Vec::new();
    };
    let backend = config::Backend::Git {
        name: cms.backend.clone(),
        repo: cms.repo.clone(),
        branch: cms.branch.clone(),
        app_id: cms.app_id.clone(),
        base_url: cms.base_url.clone(),
    };
    let yaml = config::to_yaml(&config::config(
        &content.settings,
        &content.practices,
        &backend,
    ));
    let mut files = vec![
        crate::render::OutputFile {
            path: "admin/index.html".into(),
            bytes: admin_page(false).into_bytes(),
        },
        crate::render::OutputFile {
            path: "admin/config.yml".into(),
            bytes: yaml.into_bytes(),
        },
    ];
    files.extend(
        BUNDLE
            .iter()
            .map(|(name, bytes)| crate::render::OutputFile {
                path: format!("admin/{name}"),
                bytes: bytes.to_vec(),
            }),
    );
    files
}
