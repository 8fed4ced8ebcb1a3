//! Atom feeds (all practices, and one per category) and the order of "Nieuw en gewijzigd".
//!
//! Feeds are written by hand rather than by a template: every value goes through one XML
//! escaper, so a title with `&` or a stray control character cannot make a feed invalid.
//!
//! Atom requires absolute IRIs for ids. Ids are `urn:uuid:` names derived from the practice id
//! (or the category slug), so they stay the same when the site moves to another address or a
//! practice moves to another category, and they need no setting. Links are absolute when the
//! site's address is known ([`site_url`]), else paths from the server root, which RFC 4287
//! allows (relative references, resolved against the feed's own address).

use super::views::{PracticeSummary, Views};
use super::OutputFile;
use crate::model::Settings;
use crate::routes::Route;
use std::fmt::Write as _;

/// How many practices "Nieuw en gewijzigd" lists.
pub const RECENT_LIMIT: usize = 50;

/// The absolute URL of the site root, ending in `/`, for feeds and the sitemap: the base when
/// `--base-url` is a full URL, else `url:` from `content/site.yaml`, else `None`.
pub fn site_url(settings: &Settings, base: &str) -> Option<String> {
    if is_absolute(base) {
        return Some(base.to_string());
    }
    settings.url.as_ref().map(|u| {
        let mut u = u.trim().to_string();
        if !u.ends_with('/') {
            u.push('/');
        }
        u
    })
}

fn is_absolute(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Where a site path (such as `praktijken/x/`) is linked from outside the pages: absolute under
/// `site` when known, else under the base.
pub fn link(site: Option<&str>, base: &str, path: &str) -> String {
    match site {
        Some(site) => format!("{site}{path}"),
        None => format!("{base}{path}"),
    }
}

/// The site path of a page URL made with `base` (`/kb/praktijken/x/` → `praktijken/x/`).
pub fn site_path<'a>(url: &'a str, base: &str) -> &'a str {
    url.strip_prefix(base)
        .unwrap_or(url.trim_start_matches('/'))
}

/// Practices newest first: by the date of the last change, then the date added, then title.
pub fn newest_first(views: &Views) -> Vec<&PracticeSummary> {
    let mut all: Vec<&PracticeSummary> = views.practices.iter().map(|p| &p.summary).collect();
    all.sort_by(|a, b| {
        (&b.changed, &b.added, &a.title, &a.id).cmp(&(&a.changed, &a.added, &b.title, &b.id))
    });
    all
}

/// The practices of "Nieuw en gewijzigd", grouped by the month of their last change.
#[derive(serde::Serialize)]
pub struct RecentMonth<'a> {
    /// `november 2026`.
    pub title: String,
    /// `2026-11`, for a stable anchor.
    pub id: String,
    pub practices: Vec<&'a PracticeSummary>,
}

pub fn recent_by_month(views: &Views) -> Vec<RecentMonth<'_>> {
    let mut months: Vec<RecentMonth> = Vec::new();
    for p in newest_first(views).into_iter().take(RECENT_LIMIT) {
        let id = p.changed.get(..7).unwrap_or(&p.changed).to_string();
        match months.last_mut() {
            Some(m) if m.id == id => m.practices.push(p),
            _ => months.push(RecentMonth {
                // `changed_nl` is `25 november 2026`: the month is all but the day.
                title: p
                    .changed_nl
                    .split_once(' ')
                    .map_or(p.changed_nl.as_str(), |(_, rest)| rest)
                    .to_string(),
                id,
                practices: vec![p],
            }),
        }
    }
    months
}

/// The feeds: all practices at [`Route::Feed`], and one per category.
pub fn files(settings: &Settings, views: &Views, base: &str) -> Vec<OutputFile> {
    let site = site_url(settings, base);
    let all = newest_first(views);
    let mut feeds = vec![OutputFile {
        path: Route::Feed.output_path(),
        bytes: feed(
            &FeedHead {
                title: views.site.title.clone(),
                subtitle: views.site.description.clone(),
                id_name: "kennisbank:feed".into(),
                self_path: Route::Feed.site_path(),
                page_path: Route::Home.site_path(),
            },
            &all,
            views,
            site.as_deref(),
            base,
        )
        .into_bytes(),
    }];
    for c in &views.categories {
        let members: Vec<&PracticeSummary> = all
            .iter()
            .copied()
            .filter(|p| p.category == c.slug)
            .collect();
        feeds.push(OutputFile {
            path: Route::CategoryFeed(&c.slug).output_path(),
            bytes: feed(
                &FeedHead {
                    title: format!("{} — {}", views.site.title, c.title),
                    subtitle: c.description.clone(),
                    id_name: format!("kennisbank:feed:{}", c.slug),
                    self_path: Route::CategoryFeed(&c.slug).site_path(),
                    page_path: Route::Category(&c.slug).site_path(),
                },
                &members,
                views,
                site.as_deref(),
                base,
            )
            .into_bytes(),
        });
    }
    feeds
}

struct FeedHead {
    title: String,
    subtitle: String,
    id_name: String,
    self_path: String,
    page_path: String,
}

fn feed(
    head: &FeedHead,
    entries: &[&PracticeSummary],
    views: &Views,
    site: Option<&str>,
    base: &str,
) -> String {
    // The feed changed when its newest entry did; with no entries, the content's reference
    // date. Never the clock: the same content gives the same bytes.
    let updated = entries
        .first()
        .map(|p| p.changed.clone())
        .or_else(|| views.reference_date.map(|d| d.to_string()))
        .unwrap_or_else(|| "1970-01-01".into());
    let author = if views.site.publisher.trim().is_empty() {
        &views.site.title
    } else {
        &views.site.publisher
    };
    let mut x = String::with_capacity(512 + entries.len() * 700);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">\n");
    let _ = writeln!(x, "  <title>{}</title>", escape(&head.title));
    if !head.subtitle.trim().is_empty() {
        let _ = writeln!(x, "  <subtitle>{}</subtitle>", escape(&head.subtitle));
    }
    let _ = writeln!(x, "  <id>{}</id>", uuid_urn(&head.id_name));
    let _ = writeln!(
        x,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape(&link(site, base, &head.self_path))
    );
    let _ = writeln!(
        x,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&link(site, base, &head.page_path))
    );
    let _ = writeln!(x, "  <updated>{}</updated>", timestamp(&updated));
    let _ = writeln!(x, "  <author><name>{}</name></author>", escape(author));
    x.push_str("  <generator>kennisbank</generator>\n");
    for p in entries {
        x.push_str("  <entry>\n");
        let _ = writeln!(x, "    <title>{}</title>", escape(&p.title));
        let _ = writeln!(
            x,
            "    <id>{}</id>",
            uuid_urn(&format!("kennisbank:praktijk:{}", p.id))
        );
        let _ = writeln!(
            x,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape(&link(site, base, site_path(&p.url, base)))
        );
        let _ = writeln!(x, "    <published>{}</published>", timestamp(&p.added));
        let _ = writeln!(x, "    <updated>{}</updated>", timestamp(&p.changed));
        let _ = writeln!(
            x,
            "    <category term=\"{}\" label=\"{}\"/>",
            escape(&p.category),
            escape(&p.category_title)
        );
        if !p.summary.trim().is_empty() {
            let _ = writeln!(x, "    <summary>{}</summary>", escape(&p.summary));
        }
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

/// A date `YYYY-MM-DD` as the RFC 3339 date-time Atom requires (midnight UTC).
fn timestamp(date: &str) -> String {
    format!("{date}T00:00:00Z")
}

/// Text for XML content and attribute values (the escaper of `textkit`).
pub use textkit::escape_xml as escape;

/// A name-based UUID URN (RFC 9562 version 8: a 128-bit FNV-1a hash of `name` with the
/// version and variant bits set), so ids are stable and need no registry or clock.
pub fn uuid_urn(name: &str) -> String {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut h = OFFSET;
    for b in name.bytes() {
        h ^= u128::from(b);
        h = h.wrapping_mul(PRIME);
    }
    h = (h & !(0xf << 76)) | (0x8 << 76);
    h = (h & !(0x3 << 62)) | (0x2 << 62);
    let hex = format!("{h:032x}");
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_urns_are_stable_and_well_formed() {
        let a = uuid_urn("kennisbank:praktijk:flexwonen");
        assert_eq!(a, uuid_urn("kennisbank:praktijk:flexwonen"));
        assert_ne!(a, uuid_urn("kennisbank:praktijk:leegstandwet"));
        let hex = a.strip_prefix("urn:uuid:").unwrap();
        let groups: Vec<usize> = hex.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12]);
        assert_eq!(&hex[14..15], "8", "version 8: {a}");
        assert!("89ab".contains(&hex[19..20]), "RFC variant: {a}");
    }

    #[test]
    fn escaping_drops_characters_xml_forbids() {
        assert_eq!(
            escape("a & b <c> \"d\" 'e'\u{1}f"),
            "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;f"
        );
    }

    #[test]
    fn site_url_prefers_a_full_base_then_the_setting() {
        let mut s = crate::content::settings::parse("title: T\nintro: I\ncategories: []\n")
            .0
            .unwrap();
        assert_eq!(site_url(&s, "/"), None);
        s.url = Some("https://www.example.nl/kennisbank".into());
        assert_eq!(
            site_url(&s, "/kennisbank/").as_deref(),
            Some("https://www.example.nl/kennisbank/")
        );
        assert_eq!(
            site_url(&s, "https://elders.nl/kb/").as_deref(),
            Some("https://elders.nl/kb/")
        );
        assert_eq!(site_path("/kb/praktijken/x/", "/kb/"), "praktijken/x/");
    }
}
