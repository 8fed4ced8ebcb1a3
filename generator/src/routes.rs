//! The site's addresses: every page and derived file the generator makes, with its output path
//! and URL. The only place the URL scheme is written; render walks these values, rebuild parses
//! output paths back into them, and the feeds, sitemap, views and link check ask them for paths.

use crate::model::Practice;

/// A file of the built site that the generator makes from the content (not the theme's
/// `static/` files, the search index or the checker's data files).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route<'a> {
    /// `index.html`.
    Home,
    /// `praktijken/`: every practice.
    AllPractices,
    /// `praktijken/<slug>/`.
    Category(&'a str),
    /// `praktijken/<category>/<id>/`.
    Practice { category: &'a str, id: &'a str },
    /// `tags/`.
    TagIndex,
    /// `tags/<slug>/`.
    Tag(&'a str),
    /// `stappenplan/`.
    Stappenplan,
    /// `nieuw/`: "Nieuw en gewijzigd".
    Recent,
    /// `zoeken/`.
    Search,
    /// `herverdeling/`: the checker.
    Herverdeling,
    /// `toegankelijkheid/`: the accessibility statement.
    Statement,
    /// `404.html`.
    NotFound,
    /// `atom.xml`: the feed of all practices.
    Feed,
    /// `praktijken/<slug>/atom.xml`: the feed of a category, beside its page.
    CategoryFeed(&'a str),
    /// `sitemap.xml`.
    Sitemap,
    /// `robots.txt`.
    Robots,
}

/// The pages that exist only when the theme has their template.
pub const OPTIONAL_PAGES: [Route<'static>; 4] = [
    Route::Recent,
    Route::Search,
    Route::Herverdeling,
    Route::Statement,
];

impl<'a> Route<'a> {
    /// The page of a practice.
    pub fn practice(p: &'a Practice) -> Route<'a> {
        Route::Practice {
            category: &p.category,
            id: &p.id,
        }
    }

    /// The path below the site root that a link names: a folder (`praktijken/a/`, the home
    /// page `""`) for a page, the file itself for anything else (`404.html`, `atom.xml`).
    pub fn site_path(&self) -> String {
        match self {
            Route::Home => String::new(),
            Route::AllPractices => "praktijken/".into(),
            Route::Category(slug) => format!("praktijken/{slug}/"),
            Route::Practice { category, id } => format!("praktijken/{category}/{id}/"),
            Route::TagIndex => "tags/".into(),
            Route::Tag(slug) => format!("tags/{slug}/"),
            Route::Stappenplan => "stappenplan/".into(),
            Route::Recent => "nieuw/".into(),
            Route::Search => "zoeken/".into(),
            Route::Herverdeling => "herverdeling/".into(),
            Route::Statement => "toegankelijkheid/".into(),
            Route::NotFound => "404.html".into(),
            Route::Feed => "atom.xml".into(),
            Route::CategoryFeed(slug) => format!("praktijken/{slug}/atom.xml"),
            Route::Sitemap => "sitemap.xml".into(),
            Route::Robots => "robots.txt".into(),
        }
    }

    /// The file written, relative to the output folder: a page's folder gets `index.html`.
    pub fn output_path(&self) -> String {
        let mut path = self.site_path();
        if self.is_folder() {
            path.push_str("index.html");
        }
        path
    }

    /// The address of the page under `base` (as made by `render::normalize_base`).
    pub fn url(&self, base: &str) -> String {
        format!("{base}{}", self.site_path())
    }

    /// The theme template that renders the page; `None` for the files made without a template.
    pub fn template(&self) -> Option<&'static str> {
        Some(match self {
            Route::Home => "index.html",
            Route::AllPractices => "praktijken.html",
            Route::Category(_) => "category.html",
            Route::Practice { .. } => "practice.html",
            Route::TagIndex => "tags.html",
            Route::Tag(_) => "tag.html",
            Route::Stappenplan => "stappenplan.html",
            Route::Recent => "nieuw.html",
            Route::Search => "zoeken.html",
            Route::Herverdeling => "herverdeling.html",
            Route::Statement => "toegankelijkheid.html",
            Route::NotFound => "404.html",
            Route::Feed | Route::CategoryFeed(_) | Route::Sitemap | Route::Robots => return None,
        })
    }

    /// Whether the route is an HTML page (rendered from a template).
    pub fn is_page(&self) -> bool {
        self.template().is_some()
    }

    fn is_folder(&self) -> bool {
        self.is_page() && *self != Route::NotFound
    }

    /// The route of an output path, the inverse of [`Route::output_path`]; `None` for a path
    /// the scheme does not make.
    pub fn from_output_path(path: &'a str) -> Option<Route<'a>> {
        let fixed = [Route::NotFound, Route::Feed, Route::Sitemap, Route::Robots];
        if let Some(route) = fixed.into_iter().find(|r| r.site_path() == path) {
            return Some(route);
        }
        if let Some(dir) = path.strip_suffix("atom.xml") {
            return match segments(dir)?.as_slice() {
                ["praktijken", slug] => Some(Route::CategoryFeed(slug)),
                _ => None,
            };
        }
        let dir = path.strip_suffix("index.html")?;
        Some(match segments(dir)?.as_slice() {
            [] => Route::Home,
            ["praktijken"] => Route::AllPractices,
            ["praktijken", slug] => Route::Category(slug),
            ["praktijken", category, id] => Route::Practice { category, id },
            ["tags"] => Route::TagIndex,
            ["tags", slug] => Route::Tag(slug),
            ["stappenplan"] => Route::Stappenplan,
            ["nieuw"] => Route::Recent,
            ["zoeken"] => Route::Search,
            ["herverdeling"] => Route::Herverdeling,
            ["toegankelijkheid"] => Route::Statement,
            _ => return None,
        })
    }
}

/// The non-empty segments of a folder path that ends in `/` (or is empty); `None` when it is
/// not such a path.
fn segments(dir: &str) -> Option<Vec<&str>> {
    if dir.is_empty() {
        return Some(Vec::new());
    }
    let inner = dir.strip_suffix('/')?;
    let parts: Vec<&str> = inner.split('/').collect();
    if parts.iter().any(|s| s.is_empty()) {
        return None;
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<Route<'static>> {
        vec![
            Route::Home,
            Route::AllPractices,
            Route::Category("algemeen"),
            Route::Practice {
                category: "algemeen",
                id: "flexwonen",
            },
            Route::TagIndex,
            Route::Tag("huur"),
            Route::Stappenplan,
            Route::Recent,
            Route::Search,
            Route::Herverdeling,
            Route::Statement,
            Route::NotFound,
            Route::Feed,
            Route::CategoryFeed("medisch"),
            Route::Sitemap,
            Route::Robots,
        ]
    }

    #[test]
    fn every_route_is_found_back_from_its_output_path() {
        for route in every_kind() {
            let path = route.output_path();
            assert_eq!(Route::from_output_path(&path), Some(route), "{path}");
        }
    }

    #[test]
    fn output_paths_and_urls_follow_the_scheme() {
        let practice = Route::Practice {
            category: "algemeen",
            id: "flexwonen",
        };
        assert_eq!(
            practice.output_path(),
            "praktijken/algemeen/flexwonen/index.html"
        );
        assert_eq!(practice.url("/kb/"), "/kb/praktijken/algemeen/flexwonen/");
        assert_eq!(Route::Home.output_path(), "index.html");
        assert_eq!(Route::Home.url("/"), "/");
        assert_eq!(Route::NotFound.output_path(), "404.html");
        assert_eq!(
            Route::CategoryFeed("medisch").url("https://x.nl/"),
            "https://x.nl/praktijken/medisch/atom.xml"
        );
        assert_eq!(Route::Tag("huur").output_path(), "tags/huur/index.html");
    }

    #[test]
    fn paths_outside_the_scheme_have_no_route() {
        for path in [
            "static/style.css",
            "zoeken/index/meta.bin",
            "herverdeling/gemeenten.json",
            "praktijken/a/b/c/index.html",
            "onbekend/index.html",
            "praktijken//index.html",
            "tags/atom.xml",
        ] {
            assert_eq!(Route::from_output_path(path), None, "{path}");
        }
    }

    #[test]
    fn only_pages_have_templates() {
        let pages: Vec<Route> = every_kind().into_iter().filter(Route::is_page).collect();
        assert_eq!(pages.len(), 12);
        assert!(Route::Sitemap.template().is_none());
    }
}
