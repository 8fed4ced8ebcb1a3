//! `sitemap.xml` and `robots.txt`.
//!
//! The sitemap protocol allows only absolute URLs, so `sitemap.xml` is written only when the
//! site's address is known ([`super::feeds::site_url`]); `robots.txt` then names it.

use super::feeds::{escape, site_path, site_url};
use super::views::Views;
use super::OutputFile;
use crate::model::Settings;
use std::collections::HashMap;
use std::fmt::Write as _;

pub const SITEMAP_PATH: &str = "sitemap.xml";
pub const ROBOTS_PATH: &str = "robots.txt";

/// Whether a rendered page belongs in the sitemap: every page except the error page.
fn listed(page: &str) -> bool {
    page.ends_with("index.html") && page != "404.html"
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
            let path = page.strip_suffix("index.html").unwrap_or(page);
            let _ = write!(x, "  <url><loc>{}</loc>", escape(&format!("{site}{path}")));
            if let Some(date) = changed.get(path) {
                let _ = write!(x, "<lastmod>{date}</lastmod>");
            }
            x.push_str("</url>\n");
        }
        x.push_str("</urlset>\n");
        files.push(OutputFile {
            path: SITEMAP_PATH.into(),
            bytes: x.into_bytes(),
        });
        let _ = writeln!(robots, "Sitemap: {site}{SITEMAP_PATH}");
    }
    files.push(OutputFile {
        path: ROBOTS_PATH.into(),
        bytes: robots.into_bytes(),
    });
    files
}
