//! `sitemap.xml` and `robots.txt`.
//!
//! The sitemap protocol allows only absolute URLs, so `sitemap.xml` is written only when the
//! site's address is known ([`super::feeds::site_url`]); `robots.txt` then names it.

use super::feeds::{escape, site_path, site_url};
use super::views::Views;
use super::OutputFile;
use crate::model::Settings;
use crate::routes::Route;
use std::collections::HashMap;
use std::fmt::Write as _;

/// Whether a rendered page belongs in the sitemap: every page except the error page.
fn listed(page: &str) -> bool {
    Route::from_output_path(page).is_some_and(|r| r.is_page() && r != Route::NotFound)
}

/// The sitemap (when the site's address is known) and `robots.txt`, for the pages `page_paths`.
pub fn files(
    settings: &Settings,
    views: &Views,
    base: &str,
    page_paths: &[String],
) -> Vec<OutputFile> {
    let site = site_url(settings, base);
    let mut files = Vec::new();
    let mut robots = String::from("# Every page may be indexed.\nUser-agent: *\nDisallow:\n");
    if let Some(site) = &site {
        let changed: HashMap<&str, &str> = views
            .practices
            .iter()
            .map(|p| (site_path(&p.summary.url, base), p.summary.changed.as_str()))
            .collect();
        let mut pages: Vec<&str> = page_paths
            .iter()
            .map(String::as_str)
            .filter(|p| listed(p))
            .collect();
        pages.sort_unstable();
        let mut x = String::with_capacity(128 + pages.len() * 120);
        x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for page in pages {
            let path = Route::from_output_path(page).map_or_else(String::new, |r| r.site_path());
            let path = path.as_str();
            let _ = write!(x, "  <url><loc>{}</loc>", escape(&format!("{site}{path}")));
            if let Some(date) = changed.get(path) {
                let _ = write!(x, "<lastmod>{date}</lastmod>");
            }
            x.push_str("</url>\n");
        }
        x.push_str("</urlset>\n");
        files.push(OutputFile {
            path: Route::Sitemap.output_path(),
            bytes: x.into_bytes(),
        });
        let _ = writeln!(robots, "Sitemap: {}", Route::Sitemap.url(site));
    }
    files.push(OutputFile {
        path: Route::Robots.output_path(),
        bytes: robots.into_bytes(),
    });
    files
}
