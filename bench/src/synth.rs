//! Synthetic practices in the project's own format, deterministic for a seed.
//!
//! Practice `i` depends only on the seed, `i` and the number of practices (through the ids its
//! `related` and links may name), so the same command always writes the same bytes.

use crate::corpus::{join_words, Corpus};
use crate::rng::Rng;
use kennisbank::text::slugify;
use std::fmt::Write as _;
use textkit::date::Date;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthLink {
    pub url: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthContact {
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthPractice {
    pub id: String,
    /// Category slug.
    pub category: String,
    pub title: String,
    pub added: Date,
    pub updated: Option<Date>,
    pub order: Option<i64>,
    pub summary: Option<String>,
    pub tags: Vec<String>,
    pub links: Vec<SynthLink>,
    /// Indexes of other practices in the generated list.
    pub related: Vec<usize>,
    pub contact: Option<SynthContact>,
    /// Markdown.
    pub body: String,
}

impl SynthPractice {
    /// Path below the project root.
    pub fn path(&self) -> String {
        format!("content/praktijken/{}/{}.md", self.category, self.id)
    }

    /// Site-relative URL of its page.
    pub fn url(&self) -> String {
        format!("praktijken/{}/{}/", self.category, self.id)
    }
}

const FIRST_NAMES: &[&str] = &[
    "Anouk", "Bram", "Fatima", "Jeroen", "Lotte", "Mohamed", "Noor", "Pieter", "Sanne", "Yusuf",
    "Esther", "Daan", "Ingrid", "Karim", "Marloes", "Ruben",
];
const LAST_NAMES: &[&str] = &[
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Dijk",
    "El Amrani",
    "Yılmaz",
    "van den Berg",
];
const ROLES: &[&str] = &[
    "beleidsadviseur wonen",
    "regisseur huisvesting statushouders",
    "accountmanager woningcorporatie",
    "coördinator maatschappelijke begeleiding",
    "projectleider flexwonen",
    "adviseur sociaal domein",
];
const LINK_WORDS: &[&str] = &[
    "Beleidsregel",
    "Handreiking",
    "Factsheet",
    "Raadsinformatiebrief",
    "Evaluatie",
    "Convenant",
];

/// Share of practices per category: the first (general) category holds the most, as in the real
/// list; the others share the rest.
fn category_of(rng: &mut Rng, categories: &[String]) -> String {
    let first = rng.chance(0.4);
    if first || categories.len() == 1 {
        categories[0].clone()
    } else {
        categories[1 + rng.below(categories.len() - 1)].clone()
    }
}

fn date_between(rng: &mut Rng, from: Date, days: usize) -> Date {
    from.add_days(rng.below(days) as i64).unwrap_or(from)
}

/// The tags a site of `count` practices uses: the real ones first, then long content words, so
/// that big sites have more (and smaller) tag pages, as a growing list would.
pub fn tag_pool(corpus: &Corpus, count: usize) -> Vec<String> {
    let want = (20 + count / 100).max(corpus.tags.len().min(20));
    corpus
        .tags
        .iter()
        .chain(corpus.long_words.iter())
        .take(want)
        .cloned()
        .collect()
}

/// Generates `count` practices over `categories` (slugs, in site order).
pub fn generate(
    corpus: &Corpus,
    categories: &[String],
    count: usize,
    seed: u64,
) -> Vec<SynthPractice> {
    if categories.is_empty() {
        return Vec::new();
    }
    let Ok(start) = Date::new(2016, 1, 1) else {
        return Vec::new();
    };
    let span_days = 11 * 365;
    // Pass 1: what other practices refer to (id, category, title).
    let heads: Vec<(String, String, String)> = (0..count)
        .map(|i| {
            let mut rng = Rng::for_item(seed, i as u64);
            let category = category_of(&mut rng, categories);
            let title = match rng.pick(&corpus.titles) {
                Some(t) if rng.chance(0.1) => t.clone(),
                _ => corpus.phrase(&mut rng, 3, 8),
            };
            let words: Vec<&str> = title.split_whitespace().take(5).collect();
            let mut id = slugify(&words.join(" "));
            if id.is_empty() {
                id = "praktijk".into();
            }
            (format!("{id}-{}", i + 1), category, title)
        })
        .collect();
    // Titles are unique, as `check` asks of an editor (a repeated one gets its number).
    let mut seen = std::collections::HashSet::new();
    let heads: Vec<(String, String, String)> = heads
        .into_iter()
        .enumerate()
        .map(|(i, (id, category, title))| {
            let title = if seen.insert(title.to_lowercase()) {
                title
            } else {
                let numbered = format!("{title} ({})", i + 1);
                seen.insert(numbered.to_lowercase());
                numbered
            };
            (id, category, title)
        })
        .collect();
    let tags = tag_pool(corpus, count);
    heads
        .iter()
        .enumerate()
        .map(|(i, (id, category, title))| {
            let mut rng = Rng::for_item(seed ^ 0x5eed_b0d1, i as u64);
            let added = date_between(&mut rng, start, span_days);
            let updated = if rng.chance(0.3) {
                added.add_days(rng.between(1, 700) as i64)
            } else {
                None
            };
            let order = rng.chance(0.1).then(|| rng.between(1, 200) as i64);
            let summary = rng.chance(0.1).then(|| corpus.sentence(&mut rng));
            let mut practice_tags: Vec<String> = Vec::new();
            for _ in 0..rng.between(1, 4) {
                if let Some(t) = tags.get(rng.zipf(tags.len())) {
                    if !practice_tags.contains(t) {
                        practice_tags.push(t.clone());
                    }
                }
            }
            let mut related: Vec<usize> = Vec::new();
            if count > 1 {
                for _ in 0..rng.between(0, 3) {
                    let r = rng.below(count);
                    if r != i && !related.contains(&r) {
                        related.push(r);
                    }
                }
            }
            let links = (0..rng.between(0, 3))
                .map(|_| external_link(corpus, &mut rng))
                .collect();
            let contact = rng.chance(0.2).then(|| contact(&mut rng));
            let body = body(corpus, &mut rng, &heads, i);
            SynthPractice {
                id: id.clone(),
                category: category.clone(),
                title: title.clone(),
                added,
                updated,
                order,
                summary,
                tags: practice_tags,
                links,
                related,
                contact,
                body,
            }
        })
        .collect()
}

fn external_link(corpus: &Corpus, rng: &mut Rng) -> SynthLink {
    let gemeente = rng
        .pick(&corpus.gemeenten)
        .cloned()
        .unwrap_or_else(|| "Utrecht".into());
    let phrase = corpus.phrase(rng, 2, 5);
    let kind = rng.pick(LINK_WORDS).copied().unwrap_or("Handreiking");
    SynthLink {
        url: format!(
            "https://www.{}.nl/{}",
            slugify(&gemeente),
            slugify(&format!("{kind} {phrase}"))
        ),
        label: format!("Gemeente {gemeente}: {kind} {}", phrase.to_lowercase()),
    }
}

fn contact(rng: &mut Rng) -> SynthContact {
    let first = rng.pick(FIRST_NAMES).copied().unwrap_or("Noor");
    let last = rng.pick(LAST_NAMES).copied().unwrap_or("Jansen");
    SynthContact {
        name: format!("{first} {last}"),
        role: rng
            .pick(ROLES)
            .copied()
            .unwrap_or("beleidsadviseur wonen")
            .into(),
        email: format!(
            "{}.{}@gemeente-voorbeeld.nl",
            slugify(first),
            slugify(last).replace('-', "")
        ),
        phone: format!(
            "0{} {:03} {:04}",
            rng.between(10, 79),
            rng.below(1000),
            rng.below(10_000)
        ),
    }
}

/// A sentence with, sometimes, a link (to another practice or outside) or bold text on a few of
/// its words.
fn sentence(
    corpus: &Corpus,
    rng: &mut Rng,
    heads: &[(String, String, String)],
    me: usize,
) -> String {
    let mut words = corpus.sentence_words(rng, 40);
    let plain: Vec<usize> = (0..words.len())
        .filter(|&k| words[k].chars().all(|c| c.is_alphanumeric() || c == '-'))
        .collect();
    let roll = rng.unit();
    if words.len() >= 4 && plain.len() >= 2 && roll < 0.25 {
        let from = plain[rng.below(plain.len() - 1)];
        let len = (1 + rng.below(3)).min(words.len() - from);
        let span = join_words(&words[from..from + len]);
        let wrapped = if roll < 0.12 && heads.len() > 1 {
            let mut other = rng.below(heads.len());
            if other == me {
                other = (other + 1) % heads.len();
            }
            let (id, category, _) = &heads[other];
            format!("[{span}](/praktijken/{category}/{id}/)")
        } else if roll < 0.2 {
            format!("[{span}]({})", external_link(corpus, rng).url)
        } else {
            format!("**{span}**")
        };
        words.splice(from..from + len, [wrapped]);
    }
    let mut s = join_words(&words);
    s.push('.');
    s
}

fn body(corpus: &Corpus, rng: &mut Rng, heads: &[(String, String, String)], me: usize) -> String {
    let mut out = String::new();
    let paragraphs = 1 + rng.zipf(5);
    for p in 0..paragraphs {
        if p > 0 && rng.chance(0.3) {
            let _ = write!(out, "## {}\n\n", corpus.phrase(rng, 2, 5));
        }
        let sentences: Vec<String> = (0..rng.between(2, 5))
            .map(|_| sentence(corpus, rng, heads, me))
            .collect();
        out.push_str(&sentences.join(" "));
        out.push_str("\n\n");
        if rng.chance(0.2) {
            for _ in 0..rng.between(2, 5) {
                let _ = writeln!(out, "- {}", corpus.phrase(rng, 3, 9));
            }
            out.push('\n');
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// A YAML double-quoted string.
pub fn yaml_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

fn quoted_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| yaml_quote(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// The practice file as the editors would write it (see README "Content reference").
pub fn to_markdown(p: &SynthPractice, all: &[SynthPractice]) -> String {
    let mut s = String::with_capacity(p.body.len() + 512);
    s.push_str("---\n");
    let _ = writeln!(s, "title: {}", yaml_quote(&p.title));
    let _ = writeln!(s, "added: {}", p.added);
    if let Some(u) = p.updated {
        let _ = writeln!(s, "updated: {u}");
    }
    if let Some(o) = p.order {
        let _ = writeln!(s, "order: {o}");
    }
    if let Some(summary) = &p.summary {
        let _ = writeln!(s, "summary: {}", yaml_quote(summary));
    }
    if !p.tags.is_empty() {
        let _ = writeln!(s, "tags: {}", quoted_list(&p.tags));
    }
    if !p.links.is_empty() {
        s.push_str("links:\n");
        for l in &p.links {
            let _ = writeln!(s, "  - url: {}\n    label: {}", l.url, yaml_quote(&l.label));
        }
    }
    let related: Vec<String> = p
        .related
        .iter()
        .filter_map(|&i| all.get(i).map(|r| r.id.clone()))
        .collect();
    if !related.is_empty() {
        let _ = writeln!(s, "related: [{}]", related.join(", "));
    }
    if let Some(c) = &p.contact {
        let _ = writeln!(
            s,
            "contact:\n  name: {}\n  role: {}\n  email: {}\n  phone: {}",
            yaml_quote(&c.name),
            yaml_quote(&c.role),
            c.email,
            yaml_quote(&c.phone)
        );
    }
    s.push_str("---\n");
    s.push_str(&p.body);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        Corpus::from_texts(
            &["De gemeente zoekt woningen voor vergunninghouders in de regio. Corporaties helpen bij het vinden van leegstaande kantoren. Maak afspraken over de taakstelling met de provincie.".into()],
            vec!["Afspraken met corporaties".into()],
            vec!["woningcorporaties".into(), "leegstand".into()],
            vec!["Súdwest-Fryslân".into()],
        )
    }

    fn cats() -> Vec<String> {
        ["algemeen", "alleenstaanden", "grote-gezinnen", "medisch"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn same_seed_same_practices_other_seed_other_practices() {
        let c = corpus();
        let a = generate(&c, &cats(), 40, 7);
        assert_eq!(a, generate(&c, &cats(), 40, 7));
        assert_ne!(a, generate(&c, &cats(), 40, 8));
    }

    #[test]
    fn ids_are_unique_slugs_and_related_point_elsewhere() {
        let ps = generate(&corpus(), &cats(), 300, 1);
        let mut ids: Vec<&str> = ps.iter().map(|p| p.id.as_str()).collect();
        assert!(ids.iter().all(|id| kennisbank::text::is_slug(id)));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 300);
        for (i, p) in ps.iter().enumerate() {
            assert!(p.related.iter().all(|&r| r != i && r < ps.len()));
        }
    }

    #[test]
    fn every_category_gets_practices() {
        let ps = generate(&corpus(), &cats(), 200, 3);
        for c in cats() {
            assert!(ps.iter().any(|p| p.category == c), "no practice in {c}");
        }
    }

    #[test]
    fn links_are_full_https_addresses() {
        let ps = generate(&corpus(), &cats(), 100, 5);
        for l in ps.iter().flat_map(|p| &p.links) {
            assert!(
                kennisbank::text::check_external_url(&l.url).is_ok(),
                "{}",
                l.url
            );
        }
    }

    #[test]
    fn quoting_escapes_quotes_and_backslashes() {
        assert_eq!(yaml_quote(r#"a "b" \c"#), r#""a \"b\" \\c""#);
    }
}
