//! What templates see: plain serializable values built from the content, with HTML already rendered
//! from markdown and dates already written in Dutch.

use crate::markdown::{self, MarkdownOptions};
use crate::model::{Category, Contact, Content, Link, Practice};
use crate::routes::Route;
use crate::text::{first_sentence, slugify};
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use textkit::date::Date;

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
            heading_anchors: Some(&content.theme_ids),
        },
    )
}

/// What a practice's HTML depends on besides its text: raw HTML allowed, the base, the ids of
/// the theme's templates (which its headings' anchors avoid).
type TextOptions = (bool, String, std::collections::BTreeSet<String>);

fn text_options(content: &Content, base: &str) -> TextOptions {
    (
        content.settings.allow_raw_html,
        base.to_string(),
        content.theme_ids.clone(),
    )
}

/// The markdown work of each practice, kept between builds by `serve` so that a rebuild renders
/// only the texts that changed. Entries are keyed by file and checked against the text.
#[derive(Default)]
pub struct ViewCache {
    /// The options the entries were rendered with: raw HTML allowed, base, the theme's ids.
    options: Option<TextOptions>,
    texts: HashMap<String, CachedText>,
    /// Emptied once the views are made (a single build: see [`ViewCache::for_one_build`]).
    forget: bool,
}

#[derive(Clone)]
struct CachedText {
    body: String,
    body_html: String,
    /// The first sentence of the plain text: the summary when the editor gave none.
    first_sentence: String,
}

impl CachedText {
    /// The markdown work of one practice text: the recipe every view uses.
    fn make(p: &Practice, content: &Content, base: &str) -> CachedText {
        let plain = markdown::to_plain_text(&p.body);
        CachedText {
            body: p.body.clone(),
            body_html: md(&p.body, content, base),
            first_sentence: first_sentence(&plain, 220),
        }
    }
}

impl ViewCache {
    /// A cache for a build that is not followed by another one (`kennisbank build`): its texts
    /// (a copy of every practice's markdown and HTML) are let go as soon as the views hold what
    /// they need, instead of staying in memory until the end of the build.
    pub fn for_one_build() -> ViewCache {
        ViewCache {
            forget: true,
            ..ViewCache::default()
        }
    }

    fn get(&self, p: &Practice) -> Option<&CachedText> {
        self.texts.get(&p.path).filter(|c| c.body == p.body)
    }

    /// The text of `p`, from the cache or (when it is not there) made now.
    fn text(&self, p: &Practice, content: &Content, base: &str) -> Cow<'_, CachedText> {
        match self.get(p) {
            Some(c) => Cow::Borrowed(c),
            None => Cow::Owned(CachedText::make(p, content, base)),
        }
    }

    /// Renders the text of `p` when it is not cached yet (with the options of the cache).
    fn update_one(&mut self, p: &Practice, content: &Content, base: &str) {
        let options = text_options(content, base);
        if self.options.as_ref() != Some(&options) || self.get(p).is_some() {
            return;
        }
        self.texts
            .insert(p.path.clone(), CachedText::make(p, content, base));
    }

    /// Renders the texts that are not cached yet (in parallel) and forgets removed files.
    fn update(&mut self, content: &Content, base: &str) {
        let options = text_options(content, base);
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
            .map(|p| (p.path.clone(), CachedText::make(p, content, base)))
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
    let text = cache.text(p, content, base);
    let (body_html, auto_summary) = (text.body_html.clone(), text.first_sentence.clone());
    let mut summary = previous.summary.clone();
    summary.title = p.title.clone();
    summary.summary = p.summary.clone().unwrap_or(auto_summary);
    let related = p
        .related
        .iter()
        .filter_map(|r| {
            // A practice is not its own "Zie ook" (`check` warns about it).
            if *r == p.id {
                return None;
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
    let (tags, tag_members) = tag_views(content, base);
    let reference_date = content.reference_date();
    let summaries = practice_summaries(content, base, cache, &tags, reference_date);
    let practices = practice_views(content, base, cache, &summaries);
    if cache.forget {
        cache.texts = HashMap::new();
    }
    Views {
        site: site_view(content, base),
        categories: category_views(content, base),
        practices,
        tags,
        stappenplan: stappenplan_view(content, base),
        tag_members,
        reference_date,
        new_days: content.settings.new_days,
    }
}

fn site_view(content: &Content, base: &str) -> SiteView {
    let settings = &content.settings;
    SiteView {
        title: settings.title.clone(),
        publisher: settings.publisher.clone(),
        description: settings.description.clone(),
        intro_html: md(&settings.intro, content, base),
        contact: settings.contact.clone(),
    }
}

fn category_views(content: &Content, base: &str) -> Vec<CategoryView> {
    content
        .settings
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
        .collect()
}

/// Tags, sorted by slug, with the name as first written and the count; and for each slug, the
/// indexes of its practices.
fn tag_views(content: &Content, base: &str) -> (Vec<TagView>, BTreeMap<String, Vec<usize>>) {
    let mut tag_members: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut tag_names: BTreeMap<String, String> = BTreeMap::new();
    for (i, p) in content.practices.iter().enumerate() {
        for t in &p.tags {
            let slug = slugify(t);
            tag_names.entry(slug.clone()).or_insert_with(|| t.clone());
            tag_members.entry(slug).or_default().push(i);
        }
    }
    let tags = tag_names
        .iter()
        .map(|(slug, name)| TagView {
            name: name.clone(),
            slug: slug.clone(),
            url: Route::Tag(slug).url(base),
            count: tag_members[slug].len(),
        })
        .collect();
    (tags, tag_members)
}

/// The summary of each practice, in content order: its number in its category, tags, dates and
/// "Nieuw" mark.
fn practice_summaries(
    content: &Content,
    base: &str,
    cache: &ViewCache,
    tags: &[TagView],
    reference_date: Option<Date>,
) -> Vec<PracticeSummary> {
    let settings = &content.settings;
    let tag_by_slug: BTreeMap<&str, &TagView> = tags.iter().map(|t| (t.slug.as_str(), t)).collect();
    let new_since = reference_date.and_then(|d| d.add_days(-i64::from(settings.new_days)));
    let mut numbers: BTreeMap<&str, usize> = BTreeMap::new();
    content
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
                summary: p
                    .summary
                    .clone()
                    .unwrap_or_else(|| cache.text(p, content, base).first_sentence.clone()),
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
        .collect()
}

/// The view of each practice page, in content order.
fn practice_views(
    content: &Content,
    base: &str,
    cache: &ViewCache,
    summaries: &[PracticeSummary],
) -> Vec<PracticeView> {
    let index: BTreeMap<&str, usize> = content
        .practices
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    content
        .practices
        .iter()
        .zip(summaries)
        .map(|(p, summary)| PracticeView {
            summary: summary.clone(),
            body_html: cache.text(p, content, base).body_html.clone(),
            links: p.links.clone(),
            related: p
                .related
                .iter()
                .filter(|r| **r != p.id)
                .filter_map(|r| index.get(r.as_str()).map(|&i| summaries[i].clone()))
                .collect(),
            contact: p.contact.clone(),
            source_path: p.path.clone(),
        })
        .collect()
}

/// The stappenplan, its footnote references numbered across all its texts.
fn stappenplan_view(content: &Content, base: &str) -> StappenplanView {
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
                allow_raw_html: content.settings.allow_raw_html,
                base,
                external_footnotes: Some(&footnote_numbers),
                heading_anchors: None,
            },
        )
    };
    StappenplanView {
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
    }
}
