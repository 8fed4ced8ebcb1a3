//! The old addresses of renamed practices (`aliases:`): a static page at each that sends the
//! reader on, for links and bookmarks made before the rename. No script (the pages keep the
//! site's Content-Security-Policy): a `refresh` meta tag, `rel=canonical` and a plain link.

use crate::model::{Content, Practice};
use crate::render::theme::escape_html;
use crate::render::OutputFile;
use crate::routes::Route;

/// One page per alias of every practice.
pub fn files(content: &Content, base: &str) -> Vec<OutputFile> {
    content
        .practices
        .iter()
        .flat_map(|p| {
            p.aliases.iter().map(move |alias| OutputFile {
                path: path(alias),
                bytes: page(p, &Route::practice(p).url(base)).into_bytes(),
            })
        })
        .collect()
}

/// The paths of the redirect pages [`files`] makes, without making them.
pub fn paths(content: &Content) -> impl Iterator<Item = String> + '_ {
    content
        .practices
        .iter()
        .flat_map(|p| p.aliases.iter().map(|alias| path(alias)))
}

/// Where the redirect page of an old address (`praktijken/x/oud/`) is written.
fn path(alias: &str) -> String {
    format!("{alias}index.html")
}

/// The redirect page to `target`.
pub fn page(p: &Practice, target: &str) -> String {
    let title = escape_html(&p.title);
    let target = escape_html(target);
    format!(
        "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; object-src 'none'; base-uri 'none'\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n<link rel=\"canonical\" href=\"{target}\">\n<title>Verplaatst: {title}</title>\n</head>\n<body>\n<main>\n<h1>Deze pagina is verplaatst</h1>\n<p>De praktijk staat nu op <a href=\"{target}\">{title}</a>.</p>\n</main>\n</body>\n</html>\n"
    )
}
