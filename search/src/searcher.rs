//! Answering queries from a partly loaded index.
//!
//! A [`Searcher`] starts with the metadata only. [`Searcher::needed_files`]
//! says which files a query still needs (term fragments first, then the
//! documents of the results to show); the caller fetches them, hands them to
//! [`Searcher::add_file`] and asks again until nothing is missing, then calls
//! [`Searcher::search`]. Compound splitting of query words needs a second
//! round, because the parts are only known once the word's fragment is there.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::codec::DecodeError;
use crate::compound::{LINKS, MIN_COMPOUND, MIN_HEAD, MIN_MODIFIER};
use crate::format::{
    decode_tags, doc_path, fragment_path, DocData, Fragment, Group, Meta, Postings, IDF_SCALE,
    META_FILE, TAGS_FILE, WEIGHT_SCALE,
};
use crate::normalize::{is_stop_word, tokens};
use crate::snippet::snippet;
use crate::stem::stem;

/// How much a match of each kind counts, relative to an exact match.
pub const EXACT: f32 = 1.0;
pub const STEM: f32 = 0.75;
pub const PREFIX: f32 = 0.6;
pub const PART: f32 = 0.5;
pub const SPLIT: f32 = 0.4;
pub const TYPO: f32 = 0.3;

/// Query words at least this long (in characters) tolerate one typo.
pub const MIN_TYPO_LEN: usize = 5;
/// A prefix (the last query word while typing) looks at most this many
/// fragments past its own; longer completions lists are cut there.
pub const MAX_PREFIX_FRAGMENTS: usize = 2;

/// Restrictions on the results.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Category slug.
    pub category: Option<String>,
    /// Tag, as written by the editors.
    pub tag: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    pub url: String,
    pub title: String,
    pub category: String,
    pub category_title: String,
    pub score: f32,
    /// HTML: the text around the matches, escaped, with `<mark>` around
    /// matched words.
    pub snippet: String,
}

#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Results {
    /// Number of matching documents (after filters).
    pub total: usize,
    pub hits: Vec<Hit>,
    /// `(category slug, matches)` for the query and the tag filter, in the
    /// order of the metadata; categories without matches are left out.
    pub category_counts: Vec<(String, usize)>,
    /// `(tag, matches)` for the query and the category filter, most frequent
    /// first. Empty until the tag file is loaded.
    pub tag_counts: Vec<(String, usize)>,
}

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    pub term: String,
    /// The last word, still being typed: it also matches longer words.
    pub prefix: bool,
}

/// Splits a query into words the way documents are split. The last word is a
/// prefix unless the query ends in a space or punctuation. Stop words are
/// dropped, except a lone last word while typing (`die` on the way to
/// `dienst`).
pub fn parse_query(query: &str) -> Vec<QueryWord> {
    let toks = tokens(query);
    let last = toks.len().wrapping_sub(1);
    let mut words: Vec<QueryWord> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let prefix = i == last && t.end == query.len();
        if t.term.chars().nth(1).is_none() {
            continue;
        }
        if is_stop_word(&t.term) && !(prefix && toks.len() == 1) {
            continue;
        }
        if words.iter().all(|w| w.term != t.term) {
            words.push(QueryWord {
                term: t.term.clone(),
                prefix,
            });
        } else if prefix {
            if let Some(w) = words.iter_mut().find(|w| w.term == t.term) {
                w.prefix = true;
            }
        }
    }
    words
}

/// Optimal string alignment distance is at most one (one insertion,
/// deletion, substitution or swap of neighbours).
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if prefix == a.len() && prefix == b.len() {
        return true;
    }
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
    }
}

/// What matched a query word: the best score per document, and the words to
/// mark in snippets.
#[derive(Default)]
struct WordMatch {
    scores: HashMap<u32, f32>,
    surfaces: HashSet<String>,
    part_stems: HashSet<String>,
}

impl WordMatch {
    fn add(&mut self, postings: &Postings, tier: f32) {
        let idf = postings.idf as f32 / IDF_SCALE;
        for (&d, &w) in postings.docs.iter().zip(&postings.weights) {
            let s = tier * idf * (w as f32 / WEIGHT_SCALE);
            let slot = self.scores.entry(d).or_insert(0.0);
            if s > *slot {
                *slot = s;
            }
        }
    }

    fn merge(&mut self, other: WordMatch) {
        for (d, s) in other.scores {
            let slot = self.scores.entry(d).or_insert(0.0);
            if s > *slot {
                *slot = s;
            }
        }
        self.surfaces.extend(other.surfaces);
        self.part_stems.extend(other.part_stems);
    }
}

/// The loaded part of an index and the means to query it.
pub struct Searcher {
    meta: Meta,
    fragments: HashMap<usize, Fragment>,
    docs: HashMap<u32, DocData>,
    tags: Option<Vec<Vec<u32>>>,
}

/// `(name, matching documents)` per category or tag.
type Counts = Vec<(String, usize)>;

/// A ranked document: id, number of query words matched, score.
type Ranked = (u32, usize, f32);

/// Collects the fragments a lookup wanted but did not have.
struct Lookup<'a> {
    searcher: &'a Searcher,
    missing: BTreeSet<usize>,
}

impl<'a> Lookup<'a> {
    fn fragment(&mut self, i: usize) -> Option<&'a Fragment> {
        let f = self.searcher.fragments.get(&i);
        if f.is_none() {
            self.missing.insert(i);
        }
        f
    }

    fn group(&mut self, stem: &str) -> Option<&'a Group> {
        let i = self.searcher.meta.fragment_of(stem);
        self.fragment(i)?.group(stem)
    }

    /// Fragments holding stems that start with `prefix`, capped.
    fn prefix_fragments(&mut self, prefix: &str) -> Vec<&'a Fragment> {
        let starts = &self.searcher.meta.fragment_starts;
        let first = self.searcher.meta.fragment_of(prefix);
        let mut out = Vec::new();
        let mut i = first;
        while i < starts.len() && (i == first || starts[i].starts_with(prefix)) {
            if i > first + MAX_PREFIX_FRAGMENTS {
                break;
            }
            if let Some(f) = self.fragment(i) {
                out.push(f);
            }
            i += 1;
        }
        out
    }

    /// Exact, stem and compound-part matches of `term`; with `prefix`, also
    /// the words that start with it.
    fn match_term(&mut self, term: &str, prefix: bool) -> (WordMatch, bool) {
        let mut m = WordMatch::default();
        let s = stem(term);
        let mut exact = false;
        if let Some(g) = self.group(&s) {
            for surface in &g.surfaces {
                if surface.term == term {
                    exact = true;
                    m.add(&surface.postings, EXACT);
                } else {
                    m.add(&surface.postings, STEM);
                }
                m.surfaces.insert(surface.term.clone());
            }
            if let Some(p) = &g.parts {
                m.add(p, PART);
                m.part_stems.insert(s.clone());
            }
        }
        if prefix && term.chars().nth(1).is_some() {
            // Stems of longer words start with the prefix, or are a prefix of
            // it themselves (`woning` for `woningen`).
            let mut frags = self.prefix_fragments(term);
            for (i, _) in term.char_indices().skip(3) {
                let i = self.searcher.meta.fragment_of(&term[..i]);
                if let Some(f) = self.fragment(i) {
                    frags.push(f);
                }
            }
            let mut seen = HashSet::new();
            for f in frags {
                if !seen.insert(f as *const Fragment) {
                    continue;
                }
                for g in &f.groups {
                    let longer = g.stem.starts_with(term);
                    if !longer && !term.starts_with(g.stem.as_str()) {
                        continue;
                    }
                    for surface in &g.surfaces {
                        if surface.term != term && surface.term.starts_with(term) {
                            m.add(&surface.postings, PREFIX);
                            m.surfaces.insert(surface.term.clone());
                        }
                    }
                    if longer && g.stem != s {
                        if let Some(p) = &g.parts {
                            m.add(p, PART * PREFIX);
                            m.part_stems.insert(g.stem.clone());
                        }
                    }
                }
            }
        }
        (m, exact)
    }

    /// Indexed words one edit away from `term`, in the fragments around it.
    fn match_typos(&mut self, term: &str) -> WordMatch {
        let mut m = WordMatch::default();
        let mut frags: Vec<usize> = vec![
            self.searcher.meta.fragment_of(term),
            self.searcher.meta.fragment_of(&stem(term)),
        ];
        frags.sort_unstable();
        frags.dedup();
        for i in frags {
            let Some(f) = self.fragment(i) else { continue };
            for g in &f.groups {
                for surface in &g.surfaces {
                    if within_one_edit(&surface.term, term) {
                        m.add(&surface.postings, TYPO);
                        m.surfaces.insert(surface.term.clone());
                    }
                }
            }
        }
        m
    }

    /// Splits `term` into a known first part and a rest (with an optional
    /// linking -s-, -e-, -en-); a document matches when it has both.
    fn match_split(&mut self, term: &str, prefix: bool) -> WordMatch {
        let mut m = WordMatch::default();
        if !term.is_ascii() || term.len() < MIN_COMPOUND {
            return m;
        }
        for cut in MIN_MODIFIER..=term.len() - MIN_HEAD {
            let first = &term[..cut];
            if is_stop_word(first) || self.group(&stem(first)).is_none() {
                continue;
            }
            let mut starts = vec![cut];
            for link in LINKS {
                if term[cut..].starts_with(link) && term.len() - cut - link.len() >= MIN_HEAD {
                    starts.push(cut + link.len());
                }
            }
            let mut first_match: Option<WordMatch> = None;
            for start in starts {
                let rest = &term[start..];
                if is_stop_word(rest) {
                    continue;
                }
                let (rest_match, _) = self.match_term(rest, prefix);
                if rest_match.scores.is_empty() {
                    continue;
                }
                // The first part also matches words it begins (`kamer` in
                // `kamergewijze`): that is how Dutch compounds are written.
                let fm = first_match.get_or_insert_with(|| self.match_term(first, true).0);
                for (d, rs) in &rest_match.scores {
                    if let Some(fs) = fm.scores.get(d) {
                        let s = SPLIT * (fs + rs) / 2.0;
                        let slot = m.scores.entry(*d).or_insert(0.0);
                        if s > *slot {
                            *slot = s;
                        }
                    }
                }
                m.surfaces.extend(rest_match.surfaces);
                m.part_stems.extend(rest_match.part_stems);
            }
            if let Some(fm) = first_match {
                m.surfaces.extend(fm.surfaces);
                m.part_stems.extend(fm.part_stems);
            }
        }
        m
    }

    fn match_word(&mut self, word: &QueryWord) -> WordMatch {
        let only_prefix = is_stop_word(&word.term);
        let (mut m, exact) = self.match_term(&word.term, word.prefix);
        if only_prefix {
            // A lone stop word being typed: only its completions count.
            m.scores.clear();
            m.surfaces.clear();
            m.part_stems.clear();
            let mut completions = self.match_term(&word.term, true).0;
            completions.surfaces.remove(&word.term);
            return completions;
        }
        if !exact && word.term.chars().count() >= MIN_TYPO_LEN {
            let typos = self.match_typos(&word.term);
            m.merge(typos);
        }
        let split = self.match_split(&word.term, word.prefix);
        m.merge(split);
        m
    }
}

impl Searcher {
    /// A searcher over the index whose `meta.bin` is `meta`.
    pub fn new(meta: &[u8]) -> Result<Searcher, DecodeError> {
        Ok(Searcher {
            meta: Meta::decode(meta)?,
            fragments: HashMap::new(),
            docs: HashMap::new(),
            tags: None,
        })
    }

    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// Hands over a file named by [`Searcher::needed_files`].
    pub fn add_file(&mut self, path: &str, bytes: &[u8]) -> Result<(), DecodeError> {
        let context = |e: DecodeError| DecodeError::new(format!("{path}: {e}"));
        if path == TAGS_FILE {
            self.tags = Some(decode_tags(bytes).map_err(context)?);
        } else if let Some(i) = numbered(path, "t/") {
            self.fragments
                .insert(i as usize, Fragment::decode(bytes).map_err(context)?);
        } else if let Some(id) = numbered(path, "d/") {
            self.docs
                .insert(id, DocData::decode(bytes).map_err(context)?);
        } else if path != META_FILE {
            return Err(DecodeError::new(format!(
                "{path}: not a file of the search index"
            )));
        }
        Ok(())
    }

    /// Files still needed to answer `query` with `limit` results: term
    /// fragments, then the tag file (with a tag filter), then the documents
    /// to show. Empty when [`Searcher::search`] can answer.
    pub fn needed_files(&self, query: &str, filters: &Filters, limit: usize) -> Vec<String> {
        let (ranked, missing) = self.rank(query, filters);
        let mut out: Vec<String> = missing.into_iter().map(fragment_path).collect();
        if filters.tag.is_some() && self.tags.is_none() {
            out.push(TAGS_FILE.to_string());
        }
        if out.is_empty() {
            for &(id, _, _) in ranked.iter().take(limit) {
                if !self.docs.contains_key(&id) {
                    out.push(doc_path(id));
                }
            }
        }
        out
    }

    /// Matches and ranks; also returns the fragments that were missing (the
    /// ranking is then incomplete).
    fn rank(&self, query: &str, filters: &Filters) -> (Vec<Ranked>, BTreeSet<usize>) {
        let (matches, missing) = self.match_words(query);
        let ranked = self.combine(&matches, filters, None).0;
        (ranked, missing)
    }

    fn match_words(&self, query: &str) -> (Vec<WordMatch>, BTreeSet<usize>) {
        let mut lookup = Lookup {
            searcher: self,
            missing: BTreeSet::new(),
        };
        let words = parse_query(query);
        let matches = words.iter().map(|w| lookup.match_word(w)).collect();
        (matches, lookup.missing)
    }

    fn category_range(&self, slug: &str) -> Option<(u32, u32)> {
        self.meta
            .categories
            .iter()
            .find(|c| c.slug == slug)
            .map(|c| (c.first, c.first + c.count))
    }

    fn tag_docs(&self, tag: &str) -> Option<&Vec<u32>> {
        let i = self.meta.tags.iter().position(|t| t.name == tag)?;
        self.tags.as_ref()?.get(i)
    }

    /// Ranks the documents matching any word; also counts categories (over
    /// the tag filter only) and tags (over the category filter only).
    fn combine(
        &self,
        matches: &[WordMatch],
        filters: &Filters,
        counts: Option<(&mut Counts, &mut Counts)>,
    ) -> (Vec<Ranked>, usize) {
        let mut docs: HashMap<u32, (usize, f32)> = HashMap::new();
        for m in matches {
            for (&d, &s) in &m.scores {
                let e = docs.entry(d).or_insert((0, 0.0));
                e.0 += 1;
                e.1 += s;
            }
        }
        let in_category = match &filters.category {
            Some(slug) => match self.category_range(slug) {
                Some(r) => Some(r),
                None => Some((0, 0)),
            },
            None => None,
        };
        let empty = Vec::new();
        let tag_set: Option<HashSet<u32>> = filters
            .tag
            .as_ref()
            .map(|t| self.tag_docs(t).unwrap_or(&empty).iter().copied().collect());
        let cat_ok = |d: u32| in_category.is_none_or(|(a, b)| d >= a && d < b);
        let tag_ok = |d: u32| tag_set.as_ref().is_none_or(|s| s.contains(&d));

        if let Some((cat_counts, tag_counts)) = counts {
            let mut per_cat = vec![0usize; self.meta.categories.len()];
            for &d in docs.keys() {
                if tag_ok(d) {
                    if let Some(c) = self.meta.category_of(d) {
                        per_cat[c] += 1;
                    }
                }
            }
            *cat_counts = self
                .meta
                .categories
                .iter()
                .zip(per_cat)
                .filter(|(_, n)| *n > 0)
                .map(|(c, n)| (c.slug.clone(), n))
                .collect();
            if let Some(lists) = &self.tags {
                let mut tc: Vec<(String, usize)> = self
                    .meta
                    .tags
                    .iter()
                    .zip(lists)
                    .map(|(t, list)| {
                        let n = list
                            .iter()
                            .filter(|d| cat_ok(**d) && docs.contains_key(d))
                            .count();
                        (t.name.clone(), n)
                    })
                    .filter(|(_, n)| *n > 0)
                    .collect();
                tc.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                *tag_counts = tc;
            }
        }

        let mut ranked: Vec<Ranked> = docs
            .into_iter()
            .filter(|&(d, _)| cat_ok(d) && tag_ok(d))
            .map(|(d, (n, s))| (d, n, s))
            .collect();
        ranked.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| b.2.total_cmp(&a.2))
                .then_with(|| a.0.cmp(&b.0))
        });
        let total = ranked.len();
        (ranked, total)
    }

    /// Answers `query`. Documents not loaded yet are left out of the hits
    /// (see [`Searcher::needed_files`]); `total` counts them all.
    pub fn search(&self, query: &str, filters: &Filters, limit: usize) -> Results {
        let (matches, _) = self.match_words(query);
        let mut results = Results::default();
        let (ranked, total) = self.combine(
            &matches,
            filters,
            Some((&mut results.category_counts, &mut results.tag_counts)),
        );
        results.total = total;
        let marks: Vec<(&HashSet<String>, &HashSet<String>)> = matches
            .iter()
            .map(|m| (&m.surfaces, &m.part_stems))
            .collect();
        for &(id, _, score) in ranked.iter().take(limit) {
            let Some(doc) = self.docs.get(&id) else {
                continue;
            };
            let category = self.meta.category_of(id).map(|c| &self.meta.categories[c]);
            results.hits.push(Hit {
                url: doc.url.clone(),
                title: doc.title.clone(),
                category: category.map(|c| c.slug.clone()).unwrap_or_default(),
                category_title: category.map(|c| c.title.clone()).unwrap_or_default(),
                score: (score * 1000.0).round() / 1000.0,
                snippet: snippet(doc, &marks),
            });
        }
        results
    }
}

fn numbered(path: &str, dir: &str) -> Option<u32> {
    path.strip_prefix(dir)?.strip_suffix(".bin")?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_word_is_a_prefix_unless_followed_by_space() {
        assert_eq!(
            parse_query("huur toesl"),
            [
                QueryWord {
                    term: "huur".into(),
                    prefix: false
                },
                QueryWord {
                    term: "toesl".into(),
                    prefix: true
                }
            ]
        );
        assert!(parse_query("huurtoeslag ").iter().all(|w| !w.prefix));
    }

    #[test]
    fn stop_words_are_dropped_but_a_lone_one_is_kept_as_prefix() {
        let words: Vec<String> = parse_query("de huisvesting van")
            .into_iter()
            .map(|w| w.term)
            .collect();
        assert_eq!(words, ["huisvesting"]);
        assert_eq!(parse_query("die")[0].term, "die");
        assert!(parse_query("die ").is_empty());
    }

    #[test]
    fn one_edit_includes_swaps() {
        assert!(within_one_edit("vergunninhouders", "vergunninghouders"));
        assert!(within_one_edit("leegstandswet", "leegstandwet"));
        assert!(within_one_edit("gemeetne", "gemeente"));
        assert!(within_one_edit("woning", "woning"));
        assert!(within_one_edit("woning", "wonong"));
        assert!(!within_one_edit("woning", "wonign2"));
        assert!(!within_one_edit("huur", "huurder"));
        assert!(!within_one_edit("abcd", "badc"));
    }
}
