//! What templates see: plain serializable values built from the content, with HTML already rendered
//! from markdown and dates already written in Dutch.

use crate::markdown::{self, MarkdownOptions};
use crate::model::{Category, Contact, Content, Link, Practice};
use crate::routes::Route;
use crate::text::{first_sentence, slugify};
use calculator_wasm::date::Date;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Serialize, Clone, PartialEq)]
pub struct SiteView {
    pub title: String,
    pub publisher: String,
    pub description: String,
    pub intro_html: String,
    pub contact: Option<crate::model::SiteContact>,
}

#[derive(Serialize, Clone, PartialEq)]
pub struct CategoryView {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub count: usize,
    pub url: String,
}

#[derive(Serialize, Clone, PartialEq)]
pub struct TagView {
    pub name: String,
    pub slug: String,
    pub url: String,
    pub count: usize,
}

/// A practice as listed on overview pages.
#[derive(Serialize, Clone, PartialEq)]
pub struct PracticeSummary {
    pub id: String,
    /// Position within its category, from 1.
    pub number: usize,
    pub title: String,
    pub summary: String,
    pub url: String,
    pub category: String,
    pub category_title: String,
    pub tags: Vec<TagView>,
    pub added: String,
    pub added_nl: String,
    pub changed: String,
    pub changed_nl: String,
    pub updated: bool,
    pub is_new: bool,
}

#[derive(Serialize, Clone, PartialEq)]
pub struct PracticeView {
    #[serde(flatten)]
    pub summary: PracticeSummary,
    pub body_html: String,
    pub links: Vec<Link>,
    pub related: Vec<PracticeSummary>,
    pub contact: Option<Contact>,
    pub source_path: String,
}

#[derive(Serialize, Clone, PartialEq)]
pub struct StepView {
    pub number: usize,
    pub title: String,
    pub actor: String,
    pub text_html: String,
    pub deadline: Option<String>,
}

#[derive(Serialize, Clone, PartialEq)]
pub struct UitgangspuntView {
    pub number: usize,
    pub title: String,
    pub text_html: String,
}

#[derive(Serialize, Clone, PartialEq)]
pub struct FootnoteView {
    pub id: String,
    pub number: usize,
    pub text_html: String,
}

#[derive(Serialize, Clone, PartialEq)]
pub struct StappenplanView {
    pub title: String,
    pub intro_html: String,
    pub steps: Vec<StepView>,
    pub uitgangspunten: Vec<UitgangspuntView>,
    pub footnotes: Vec<FootnoteView>,
}

/// All views of a site, built once and shared by the pages.
pub struct Views {
    pub site: SiteView,
    pub categories: Vec<CategoryView>,
    /// In content order.
    pub practices: Vec<PracticeView>,
    /// Sorted by slug.
    pub tags: Vec<TagView>,
    pub stappenplan: StappenplanView,
    /// For each tag slug, the indexes of its practices (content order).
    pub tag_members: BTreeMap<String, Vec<usize>>,
    /// The date "Nieuw" is measured from.
    pub reference_date: Option<Date>,
    /// Practices changed within this many days of the reference date are "Nieuw".
    pub new_days: u32,
}

fn md(text: &str, content: &Content, base: &str) -> String {
    markdown::to_html(
        text,
        &MarkdownOptions {
            allow_raw_html: content.settings.allow_raw_html,
            base,
            external_footnotes: None,
        },
    )
}

/// The markdown work of each practice, kept between builds by `serve` so that a rebuild renders
/// only the texts that changed. Entries are keyed by file and checked against the text.
#[derive(Default)]
pub struct ViewCache {
    /// The options the entries were rendered with: raw HTML allowed, base.
    options: Option<(bool, String)>,
    texts: HashMap<String, CachedText>,
}

struct CachedText {
    body: String,
    body_html: String,
    /// The first sentence of the plain text: the summary when the editor gave none.
    first_sentence: String,
}

impl ViewCache {
    fn get(&self, p: &Practice) -> Option<&CachedText> {
        self.texts.get(&p.path).filter(|c| c.body == p.body)
    }

    /// Renders the text of `p` when it is not cached yet (with the options of the cache).
    fn update_one(&mut self, p: &Practice, content: &Content, base: &str) {
        let options = (content.settings.allow_raw_html, base.to_string());
        if self.options.as_ref() != Some(&options) || self.get(p).is_some() {
            return;
        }
        let plain = markdown::to_plain_text(&p.body);
        let text = CachedText {
            body: p.body.clone(),
            body_html: md(&p.body, content, base),
            first_sentence: first_sentence(&plain, 220),
        };
        self.texts.insert(p.path.clone(), text);
    }

    /// Renders the texts that are not cached yet (in parallel) and forgets removed files.
    fn update(&mut self, content: &Content, base: &str) {
        let options = (content.settings.allow_raw_html, base.to_string());
        if self.options.as_ref() != Some(&options) {
            self.texts.clear();
            self.options = Some(options);
        }
        let missing: Vec<&Practice> = content
            .practices
            .iter()
            .filter(|p| self.get(p).is_none())
            .collect();
        let fresh: Vec<(String, CachedText)> = missing
            .par_iter()
            .map(|p| {
                let plain = markdown::to_plain_text(&p.body);
                let text = CachedText {
                    body: p.body.clone(),
                    body_html: md(&p.body, content, base),
                    first_sentence: first_sentence(&plain, 220),
                };
                (p.path.clone(), text)
            })
            .collect();
        self.texts.extend(fresh);
        if self.texts.len() > content.practices.len() {
            let present: std::collections::HashSet<&str> =
                content.practices.iter().map(|p| p.path.as_str()).collect();
            self.texts.retain(|path, _| present.contains(path.as_str()));
        }
    }
}

pub fn build(content: &Content, base: &str) -> Views {
    build_cached(content, base, &mut ViewCache::default())
}

/// The view of practice `p` when only its own texts changed since `views` were built: the same
/// category, order, dates and tags, so its number, tags and "Nieuw" mark are as in `views`, and
/// no other practice changed. `serve` renders an edited page from it before it builds all views
/// again. `None` when `views` has no practice with its id.
pub fn patched_practice(
    views: &Views,
    p: &Practice,
    content: &Content,
    base: &str,
    cache: &mut ViewCache,
) -> Option<PracticeView> {
    let previous = views.practices.iter().find(|v| v.summary.id == p.id)?;
    cache.update_one(p, content, base);
    let (body_html, auto_summary) = match cache.get(p) {
        Some(c) => (c.body_html.clone(), c.first_sentence.clone()),
        None => (
            md(&p.body, content, base),
            first_sentence(&markdown::to_plain_text(&p.body), 220),
        ),
    };
    let mut summary = previous.summary.clone();
    summary.title = p.title.clone();
    summary.summary = p.summary.clone().unwrap_or(auto_summary);
    let related = p
        .related
        .iter()
        .filter_map(|r| {
            if *r == p.id {
                return Some(summary.clone());
            }
            views
                .practices
                .iter()
                .find(|v| v.summary.id == *r)
                .map(|v| v.summary.clone())
        })
        .collect();
    Some(PracticeView {
        summary,
        body_html,
        links: p.links.clone(),
        related,
        contact: p.contact.clone(),
        source_path: p.path.clone(),
    })
}

/// [`build`], reusing (and filling) `cache` for the practice texts.
pub fn build_cached(content: &Content, base: &str, cache: &mut ViewCache) -> Views {
    cache.update(content, base);
    // `update` has rendered every text; rendering again is only a fallback.
    let body_html = |p: &Practice| match cache.get(p) {
        Some(c) => c.body_html.clone(),
        None => md(&p.body, content, base),
    };
    let auto_summary = |p: &Practice| match cache.get(p) {
        Some(c) => c.first_sentence.clone(),
        None => first_sentence(&markdown::to_plain_text(&p.body), 220),
    };
    let settings = &content.settings;
    let site = SiteView {
        title: settings.title.clone(),
        publisher: settings.publisher.clone(),
        description: settings.description.clone(),
        intro_html: md(&settings.intro, content, base),
        contact: settings.contact.clone(),
    };
    let categories: Vec<CategoryView> = settings
        .categories
        .iter()
        .map(|c: &Category| CategoryView {
            slug: c.slug.clone(),
            title: c.title.clone(),
            description: c.description.clone(),
            count: content
                .practices
                .iter()
                .filter(|p| p.category == c.slug)
                .count(),
            url: Route::Category(&c.slug).url(base),
        })
        .collect();

    // Tags: name as first written, count, members.
    let mut tag_members: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut tag_names: BTreeMap<String, String> = BTreeMap::new();
    for (i, p) in content.practices.iter().enumerate() {
        for t in &p.tags {
            let slug = slugify(t);
            tag_names.entry(slug.clone()).or_insert_with(|| t.clone());
            tag_members.entry(slug).or_default().push(i);
        }
    }
    let tags: Vec<TagView> = tag_names
        .iter()
        .map(|(slug, name)| TagView {
            name: name.clone(),
            slug: slug.clone(),
            url: Route::Tag(slug).url(base),
            count: tag_members[slug].len(),
        })
        .collect();
    let tag_by_slug: BTreeMap<&str, &TagView> = tags.iter().map(|t| (t.slug.as_str(), t)).collect();

    let reference_date = content.reference_date();
    let new_since = reference_date.and_then(|d| d.add_days(-i64::from(settings.new_days)));
    let mut numbers: BTreeMap<&str, usize> = BTreeMap::new();
    let summaries: Vec<PracticeSummary> = content
        .practices
        .iter()
        .map(|p| {
            let n = numbers.entry(p.category.as_str()).or_insert(0);
            *n += 1;
            let category_title = settings
                .categories
                .iter()
                .find(|c| c.slug == p.category)
                .map(|c| c.title.clone())
                .unwrap_or_default();
            PracticeSummary {
                id: p.id.clone(),
                number: *n,
                title: p.title.clone(),
                summary: p.summary.clone().unwrap_or_else(|| auto_summary(p)),
                url: Route::practice(p).url(base),
                category: p.category.clone(),
                category_title,
                tags: p
                    .tags
                    .iter()
                    .filter_map(|t| tag_by_slug.get(slugify(t).as_str()).map(|v| (*v).clone()))
                    .collect(),
                added: p.added.to_string(),
                added_nl: p.added.in_dutch(),
                changed: p.changed().to_string(),
                changed_nl: p.changed().in_dutch(),
                updated: p.updated.is_some_and(|u| u > p.added),
                is_new: new_since.is_some_and(|since| p.changed() > since),
            }
        })
        .collect();
    let index: BTreeMap<&str, usize> = content
        .practices
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let practices: Vec<PracticeView> = content
        .practices
        .iter()
        .zip(&summaries)
        .map(|(p, summary)| PracticeView {
            summary: summary.clone(),
            body_html: body_html(p),
            links: p.links.clone(),
            related: p
                .related
                .iter()
                .filter_map(|r| index.get(r.as_str()).map(|&i| summaries[i].clone()))
                .collect(),
            contact: p.contact.clone(),
            source_path: p.path.clone(),
        })
        .collect();

    let plan = &content.stappenplan;
    let footnote_numbers: BTreeMap<String, usize> = plan
        .footnotes
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.clone(), i + 1))
        .collect();
    let with_notes = |text: &str| {
        markdown::to_html(
            text,
            &MarkdownOptions {
                allow_raw_html: settings.allow_raw_html,
                base,
                external_footnotes: Some(&footnote_numbers),
            },
        )
    };
    let stappenplan = StappenplanView {
        title: plan.title.clone(),
        intro_html: with_notes(&plan.intro),
        steps: plan
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| StepView {
                number: i + 1,
                title: s.title.clone(),
                actor: s.actor.clone(),
                text_html: with_notes(&s.text),
                deadline: s.deadline.clone(),
            })
            .collect(),
        uitgangspunten: plan
            .uitgangspunten
            .iter()
            .enumerate()
            .map(|(i, u)| UitgangspuntView {
                number: i + 1,
                title: u.title.clone(),
                text_html: with_notes(&u.text),
            })
            .collect(),
        footnotes: plan
            .footnotes
            .iter()
            .enumerate()
            .map(|(i, f)| FootnoteView {
                id: f.id.clone(),
                number: i + 1,
                text_html: with_notes(&f.text),
            })
            .collect(),
    };
    Views {
        site,
        categories,
        practices,
        tags,
        stappenplan,
        tag_members,
        reference_date,
        new_days: settings.new_days,
    }
}
