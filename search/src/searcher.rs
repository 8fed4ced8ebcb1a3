//! Answering queries from a partly loaded index.
//!
//! A [`Searcher`] starts with the metadata only. [`Searcher::needed_files`]
//! says which files a query still needs (term fragments first, then the
//! documents of the results to show); the caller fetches them, hands them to
//! [`Searcher::add_file`] and asks again until nothing is missing, then calls
//! [`Searcher::search`]. Compound splitting of query words needs a second
//! round, because the parts are only known once the word's fragment is there.

use crate::answer;
use crate::build_stamp;
use crate::codec::DecodeError;
use crate::compound::{LINKS, MIN_COMPOUND, MIN_HEAD, MIN_MODIFIER};
use crate::format::{
    backwards_path, decode_tags, doc_path, fragment_path, weight_of, DocData, Fragment, Group,
    Meta, Postings, WordList, IDF_SCALE, IN_TITLE, META_FILE, TAGS_FILE,
};
use crate::normalize::{is_long_enough, is_stop_word, tokens};
use crate::snippet::{landing_link, marked_words, snippet};
use crate::stem::stem;
use crate::whole::{self, WHOLE_FILE};
use textkit::hidden::{self, Kind};

/// How much a match of each kind counts, relative to an exact match.
pub const EXACT: f32 = 1.0;
pub const STEM: f32 = 0.75;
/// A word of the query's synonym group (as its own word, stem or compound part).
pub const SYNONYM: f32 = 0.7;
pub const PREFIX: f32 = 0.6;
pub const PART: f32 = 0.5;
/// Another word of the same family: the query word's root with a
/// derivational or verb ending (`hervestiging` → `hervestigers`,
/// `begeleiding` → `begeleiden`).
pub const DERIVED: f32 = 0.45;
pub const SPLIT: f32 = 0.4;
pub const TYPO: f32 = 0.3;

/// Roots shorter than this (in characters) find no family: `woning` is not
/// `won` + `-ing`.
pub const MIN_ROOT: usize = 5;
/// What may follow the root in a word of its family: inflections of a verb
/// and its nouns of action and agent. A closed list, so that `regel` (from
/// `regeling`) finds `regels` and `regelen` but not `regelmatig`.
/// In the order they are tried when finding a root: `-en` before `-den`, so
/// that `begeleiden` has the root `begeleid`.
const FAMILY_ENDINGS: &[&str] = &[
    "ingen", "sters", "ing", "ers", "ster", "en", "er", "den", "ten", "de", "te", "e", "t", "d",
];

/// The root of a word's family: the word without the first ending of
/// [`FAMILY_ENDINGS`] of two letters or more that leaves [`MIN_ROOT`]
/// letters (`hervestiging` → `hervestig`), or the word itself; `None` when
/// shorter than that. Single letters are not taken off: the `-d` of
/// `leegstand` is no ending.
pub fn family_root(term: &str) -> Option<&str> {
    let long_enough = |root: &str| root.chars().count() >= MIN_ROOT;
    let root = FAMILY_ENDINGS
        .iter()
        .filter(|ending| ending.len() >= 2)
        .filter_map(|ending| term.strip_suffix(*ending))
        .find(|root| long_enough(root))
        .unwrap_or(term);
    long_enough(root).then_some(root)
}

/// Fragments fetched for the first parts of a split query word, besides
/// the word's own.
pub const MAX_SPLIT_FRAGMENTS: usize = 2;
/// Query words at least this long (in characters) tolerate one typo.
pub const MIN_TYPO_LEN: usize = 5;
/// A prefix (the last query word while typing) looks at most this many
/// fragments past its own; longer completions lists are cut there.
pub const MAX_PREFIX_FRAGMENTS: usize = 1;
/// Up to this many exact matches (a first page, as the search page and the CLI show it), they
/// are ranked by all that a query word matched, separate words of a query split included
/// (`kamerverhuur`: "Kamergewijze verhuur" above a practice with only `kamer`). With more, by what
/// the query's own fragments say: the first page of them is then known a round before the
/// fragments of compound parts, and its documents are fetched with those fragments, never in vain
/// (see [`Searcher::needed_files`]). Fixed, not the `limit` of a query, so that asking for more
/// results never reorders the first ones.
pub const FULLY_RANKED_EXACT: usize = 10;

/// At most this many matching parts of one page (its opening part and sections) are listed under
/// it, the best first; the result says how many more there are. On a phone, the seven steps and
/// uitgangspunten of the stappenplan that hold `taakstelling` took three screens before the next
/// result.
pub const SECTIONS_PER_PAGE: usize = 3;

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
    /// The page's URL, with the section's anchor for a section.
    pub url: String,
    /// The page's title.
    pub title: String,
    /// The section's heading; empty for a whole page or its opening part.
    pub section: String,
    /// Every query word matched as written or in another form of it (not
    /// only as a compound part, typo, word-family or synonym).
    pub exact: bool,
    /// The words of the page that matched, as written there.
    pub marks: Vec<String>,
    /// [`Hit::url`] with the marks for the page's own script to mark.
    pub link: String,
    pub category: String,
    pub category_title: String,
    pub score: f32,
    /// HTML: the text around the matches, escaped, with `<mark>` around
    /// matched words.
    pub snippet: String,
    /// On a page's first hit: how many more of the page's parts match than are listed (see
    /// [`SECTIONS_PER_PAGE`]).
    pub more: usize,
}

#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Results {
    /// Number of matching pages (after filters): a page counts once, however many of its
    /// sections match.
    pub total: usize,
    /// How many of them match exactly (a page or one of its sections: see [`Hit::exact`]);
    /// they come first.
    pub exact_total: usize,
    /// When nothing matches exactly: the query with its words replaced by
    /// indexed words one typo away or split into known parts.
    pub suggestion: Option<String>,
    pub hits: Vec<Hit>,
    /// `(category slug, matching pages)` for the query and the tag filter, in the
    /// order of the metadata; categories without matches are left out.
    pub category_counts: Vec<(String, usize)>,
    /// `(tag, matching pages)` for the query and the category filter, in the order
    /// of the metadata (alphabetical); tags without matches are left out.
    /// Empty until the tag file is loaded.
    pub tag_counts: Vec<(String, usize)>,
    /// The query has words, but none that is searched for: only words too common to say
    /// anything (`wat is het`) or single letters (`z.s.m.`). The page says so, rather than
    /// a bare "geen resultaten".
    pub only_common_words: bool,
}

impl Results {
    /// How many results (pages) the hits show: a page's matching sections are hits of their own,
    /// listed under it.
    pub fn shown(&self) -> usize {
        let mut pages = 0;
        let mut last = None;
        for h in &self.hits {
            let page = Some(page_url(&h.url));
            if std::mem::replace(&mut last, page) != page {
                pages += 1;
            }
        }
        pages
    }
}

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    pub term: String,
    /// The last word, still being typed: it also matches longer words.
    pub prefix: bool,
}

/// The longest query read, in bytes; the rest is ignored (the work per word grows with its
/// length, and no real question is longer).
pub const MAX_QUERY_BYTES: usize = 200;
/// The most distinct words of a query that are searched for.
pub const MAX_QUERY_WORDS: usize = 12;

/// Splits a query into words the way documents are split. The last word is a
/// prefix unless the query ends in a space or punctuation. Stop words are
/// dropped, except a lone last word while typing (`die` on the way to
/// `dienst`).
pub fn parse_query(query: &str) -> Vec<QueryWord> {
    parse_words(query).0
}

/// [`parse_query`], and for each word whether it was typed right after the one before (no
/// word dropped between them): such a pair may be one word written apart (`woning
/// corporatie`, `leegstand wet`).
pub(crate) fn parse_words(query: &str) -> (Vec<QueryWord>, Vec<bool>) {
    let query = read_part(query);
    let query = query.as_ref();
    let toks = tokens(query);
    let last = toks.len().wrapping_sub(1);
    let mut words: Vec<QueryWord> = Vec::new();
    let mut follows: Vec<bool> = Vec::new();
    // The token of the last word pushed.
    let mut previous: Option<usize> = None;
    for (i, t) in toks.iter().enumerate() {
        let prefix = i == last && t.end == query.len();
        if !is_long_enough(&t.term) {
            continue;
        }
        if is_stop_word(&t.term) && !(prefix && toks.len() == 1) {
            continue;
        }
        if words.iter().all(|w| w.term != t.term) {
            if words.len() == MAX_QUERY_WORDS {
                break;
            }
            follows.push(previous.is_some_and(|p| p + 1 == i));
            previous = Some(i);
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
    (words, follows)
}

/// The part of a query that is read: a pasted blob is no question, so only its
/// first [`MAX_QUERY_BYTES`] (at a character boundary). A character a reader cannot
/// see (a soft hyphen or a zero-width space copied along from a document, a direction
/// mark) is left out, so it does not split the word it is in: `huur\u{AD}toeslag` looks
/// like one word in the search field, and is searched as one.
fn read_part(query: &str) -> std::borrow::Cow<'_, str> {
    let mut cut = query.len().min(MAX_QUERY_BYTES);
    while !query.is_char_boundary(cut) {
        cut -= 1;
    }
    let query = &query[..cut];
    let unseen = |c: char| matches!(hidden::kind(c), Some(Kind::Invisible | Kind::Direction));
    if query.chars().any(unseen) {
        std::borrow::Cow::Owned(query.chars().filter(|&c| !unseen(c)).collect())
    } else {
        std::borrow::Cow::Borrowed(query)
    }
}

/// `query` as the visitor typed it (the part that is read, trimmed), with each
/// word whose folded form is in `better` replaced by its better word: stop
/// words, punctuation, case and accents of the other words stay as typed
/// (`college van B&W` → `colleges van B&W`); a replaced word keeps a capital.
fn retyped(query: &str, better: &[(String, String)]) -> String {
    let query = read_part(query);
    let query = query.as_ref();
    let mut out = String::with_capacity(query.len() + 8);
    let mut at = 0;
    for t in tokens(query) {
        if let Some((_, word)) = better.iter().find(|(term, _)| *term == t.term) {
            out.push_str(&query[at..t.start]);
            // A capital typed stays (`Wadeneilanden` → `Waddeneilanden`); ASCII only, as the
            // Unicode case tables would make the WebAssembly larger.
            let capital = query.as_bytes()[t.start].is_ascii_uppercase();
            match word.as_bytes().first() {
                Some(b) if capital && b.is_ascii_lowercase() => {
                    out.push(b.to_ascii_uppercase() as char);
                    out.push_str(&word[1..]);
                }
                _ => out.push_str(word),
            }
            at = t.end;
        }
    }
    out.push_str(&query[at..]);
    out.trim().to_string()
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

/// The other words of the synonym groups of `meta` that `term` belongs to: a
/// member with the same stem, one typo away from it, its plural in -s or -en,
/// or its stem (words of at least [`MIN_TYPO_LEN`] letters), or, for a word
/// still being typed (`prefix`, at least that long too), one it begins.
fn synonyms_of(meta: &Meta, term: &str, prefix: bool) -> Vec<String> {
    let own = stem(term);
    let long = term.chars().count() >= MIN_TYPO_LEN;
    let mut out: Vec<String> = Vec::new();
    for group in &meta.synonyms {
        let hit = group.iter().any(|w| {
            let member_stem = stem(w);
            member_stem == own
                || (long
                    && ([w.clone(), format!("{w}s"), format!("{w}en")]
                        .iter()
                        .any(|form| within_one_edit(form, term))
                        || within_one_edit(&member_stem, &own)))
                || (long && prefix && w.starts_with(term))
        });
        if !hit {
            continue;
        }
        for w in group {
            if stem(w) != own && !out.contains(w) {
                out.push(w.clone());
            }
        }
    }
    out
}

/// What matched a query word: the best score per document, and the words to
/// mark in snippets.
///
/// Sorted vectors rather than hash maps: sorting once is fast, and the
/// WebAssembly module stays small.
#[derive(Default)]
struct WordMatch {
    /// `(document, score)`; after [`WordMatch::finish`] sorted by document
    /// with one entry per document (its best score).
    scores: Vec<(u32, f32)>,
    surfaces: Vec<String>,
    part_stems: Vec<String>,
    /// Documents with the word itself or another form of it, unsorted, a
    /// document possibly more than once. Never carried over by
    /// [`WordMatch::merge`]: what is merged is a looser reading of the word.
    exact: Vec<u32>,
    /// Those of `exact` with the word in their title.
    titled: Vec<u32>,
    /// `(document, score)` as [`WordMatch::scores`] but from the readings known once the
    /// query's own fragments are loaded (no query split), sorted by document: what an
    /// exact match is ranked by, so the first `limit` of them are known a round before the
    /// fragments of compound parts (see [`Searcher::needed_files`]).
    own: Vec<(u32, f32)>,
}

/// Sorts `(document, score)` by document and keeps the best score of each.
fn best_per_document(scores: &mut Vec<(u32, f32)>) {
    let last = scores.iter().map(|&(d, _)| d).max().unwrap_or(0) as usize;
    // A frequent word has tens of thousands of entries over a few times fewer documents: one
    // slot per document then takes a pass over each instead of a sort (which was a quarter of
    // the time the build takes to work out its answers).
    if scores.len() >= DENSE_BEST_MIN && last < scores.len().saturating_mul(4) {
        let mut best: Vec<Option<f32>> = vec![None; last + 1];
        for &(d, score) in scores.iter() {
            let slot = &mut best[d as usize];
            if slot.is_none_or(|b| score.total_cmp(&b).is_gt()) {
                *slot = Some(score);
            }
        }
        scores.clear();
        scores.extend(
            best.into_iter()
                .enumerate()
                .filter_map(|(d, b)| Some((d as u32, b?))),
        );
        return;
    }
    best_per_document_sorted(scores);
}

/// [`best_per_document`] by sorting: for few entries, or entries spread over many documents.
fn best_per_document_sorted(scores: &mut Vec<(u32, f32)>) {
    // Best score first within a document, so dedup keeps it. Sorted by one integer key (the
    // document, then the score in `f32::total_cmp` order, reversed): a frequent word has tens
    // of thousands of entries, and comparing a key is several times faster than two fields.
    let key = |&(doc, score): &(u32, f32)| {
        let bits = score.to_bits();
        let ascending = if bits >> 31 == 1 {
            !bits
        } else {
            bits | 0x8000_0000
        };
        (u64::from(doc) << 32) | u64::from(!ascending)
    };
    scores.sort_unstable_by_key(key);
    scores.dedup_by_key(|e| e.0);
}

/// From this many entries [`best_per_document`] may keep one slot per document.
const DENSE_BEST_MIN: usize = 1024;

/// Adds `more` to `scores`, both sorted by document with one entry each.
fn add_per_document(scores: &mut Vec<(u32, f32)>, more: &[(u32, f32)]) {
    for &(d, s) in more {
        match scores.binary_search_by_key(&d, |&(x, _)| x) {
            Ok(i) => scores[i].1 += s,
            Err(i) => scores.insert(i, (d, s)),
        }
    }
}

fn add_sorted(list: &mut Vec<String>, s: &str) {
    if let Err(i) = list.binary_search_by(|x| x.as_str().cmp(s)) {
        list.insert(i, s.to_string());
    }
}

impl WordMatch {
    fn add(&mut self, postings: &Postings, tier: f32) {
        let idf = postings.idf as f32 / IDF_SCALE;
        let scaled = postings
            .docs
            .iter()
            .zip(&postings.weights)
            .map(|(&d, &w)| (d, tier * idf * weight_of(w)));
        self.scores.extend(scaled);
    }

    /// [`WordMatch::add`] for a form of the word itself.
    fn add_exact(&mut self, postings: &Postings, tier: f32) {
        self.add(postings, tier);
        for (&d, &w) in postings.docs.iter().zip(&postings.weights) {
            self.exact.push(d);
            if w & IN_TITLE != 0 {
                self.titled.push(d);
            }
        }
    }

    /// Sorts by document and keeps the best score of each.
    fn finish(mut self) -> WordMatch {
        best_per_document(&mut self.scores);
        self
    }

    /// Takes in the matches of two query words written as one (`woning corporatie` →
    /// `woningcorporaties`): a document with the joined word holds this word itself, so it
    /// counts as exact, and the two words side by side in the order typed add to what the
    /// word matched on its own (as a phrase would). Both after [`WordMatch::finish`].
    fn absorb_joined(&mut self, joined: &WordMatch) {
        add_per_document(&mut self.scores, &joined.scores);
        add_per_document(&mut self.own, &joined.scores);
        self.exact.extend_from_slice(&joined.exact);
        self.titled.extend_from_slice(&joined.titled);
        for s in &joined.surfaces {
            self.mark_surface(s);
        }
        for s in &joined.part_stems {
            self.mark_part(s);
        }
    }

    /// The score of `doc`; only after [`WordMatch::finish`].
    fn get(&self, doc: u32) -> Option<f32> {
        self.scores
            .binary_search_by_key(&doc, |&(d, _)| d)
            .ok()
            .map(|i| self.scores[i].1)
    }

    fn mark_surface(&mut self, s: &str) {
        add_sorted(&mut self.surfaces, s);
    }

    fn mark_part(&mut self, s: &str) {
        add_sorted(&mut self.part_stems, s);
    }

    /// Adds the score `other` gives a document to the score here, for the
    /// documents matched here; both after [`WordMatch::finish`].
    fn boosted_by(mut self, other: &WordMatch) -> WordMatch {
        for (d, score) in &mut self.scores {
            if let Some(more) = other.get(*d) {
                *score += more;
            }
        }
        self
    }

    fn merge(&mut self, other: WordMatch) {
        self.scores.extend(other.scores);
        for s in &other.surfaces {
            self.mark_surface(s);
        }
        for s in &other.part_stems {
            self.mark_part(s);
        }
    }
}

/// Which matches of a term count.
#[derive(Clone, Copy)]
enum Evidence<'a> {
    /// Word forms, completions and compound-part postings.
    All,
    /// Word forms and completions only, and none in the group of this stem:
    /// what the separate words of a document say, beside a compound that
    /// has been counted already.
    WordsOtherThan(&'a str),
}

impl Evidence<'_> {
    fn counts(&self, group_stem: &str) -> bool {
        match self {
            Evidence::All => true,
            Evidence::WordsOtherThan(skip) => group_stem != *skip,
        }
    }
}

/// Documents with both parts of a split word, scored by the mean of the
/// parts at the [`SPLIT`] tier. `first` is finished, `rest` need not be.
fn both_parts(first: &WordMatch, rest: WordMatch) -> WordMatch {
    let scores = rest
        .scores
        .iter()
        .filter_map(|&(d, rs)| first.get(d).map(|fs| (d, SPLIT * (fs + rs) / 2.0)))
        .collect();
    WordMatch {
        scores,
        surfaces: rest.surfaces,
        part_stems: rest.part_stems,
        ..WordMatch::default()
    }
}

/// The loaded part of an index and the means to query it.
pub struct Searcher {
    meta: Meta,
    /// Indexed by fragment number; `None` until fetched.
    fragments: Vec<Option<Fragment>>,
    /// Fetched documents (a few dozen at most, so a list).
    docs: Vec<(u32, DocData)>,
    tags: Option<Vec<Vec<u32>>>,
    /// Indexed by list number; `None` until fetched (see [`WordList`]).
    backwards: Vec<Option<WordList>>,
    /// Indexed like [`Meta::answers`]; `None` until fetched (see [`crate::answer`]).
    answers: Vec<Option<Results>>,
    /// Whether the whole index came in one file (see [`crate::whole`]).
    whole_loaded: bool,
    /// The stamp of `meta.bin`, which the other files must carry (see [`crate::build_stamp`]).
    stamp: [u8; build_stamp::STAMP_BYTES],
}

/// Term fragments and lists of words spelt backwards that a lookup wanted but did not have.
type Missing = (Vec<usize>, Vec<usize>);

/// `(name, matching documents)` per category or tag.
type Counts = Vec<(String, usize)>;

/// A ranked document.
#[derive(Clone, Copy)]
struct Ranked {
    id: u32,
    /// Every query word matched exactly (see [`Hit::exact`]).
    exact: bool,
    /// Every query word matched exactly in the title (or heading).
    titled: bool,
    /// Query words matched in any way.
    words: u16,
    score: f32,
    /// On a page's first document: how many more of its documents match but are not listed
    /// (see [`SECTIONS_PER_PAGE`]).
    more: u32,
}

/// Collects the fragments a lookup wanted but did not have.
struct Lookup<'a> {
    searcher: &'a Searcher,
    /// In the order first wanted.
    missing: Vec<usize>,
    /// Lists of words spelt backwards wanted but not loaded, in the order first wanted.
    missing_lists: Vec<usize>,
}

impl<'a> Lookup<'a> {
    fn fragment(&mut self, i: usize) -> Option<&'a Fragment> {
        let f = self.searcher.fragments.get(i).and_then(Option::as_ref);
        if f.is_none() && i < self.searcher.fragments.len() && !self.missing.contains(&i) {
            self.missing.push(i);
        }
        f
    }

    fn backwards_list(&mut self, i: usize) -> Option<&'a WordList> {
        let list = self.searcher.backwards.get(i).and_then(Option::as_ref);
        if list.is_none() && i < self.searcher.backwards.len() && !self.missing_lists.contains(&i) {
            self.missing_lists.push(i);
        }
        list
    }

    /// Whether fragment `i` is loaded, without asking for it.
    fn has_fragment(&self, i: usize) -> bool {
        self.searcher.fragments.get(i).is_some_and(Option::is_some)
    }

    fn group(&mut self, stem: &str) -> Option<&'a Group> {
        let i = self.searcher.meta.fragment_of(stem);
        self.fragment(i)?.group(stem)
    }

    /// Fragments holding stems that start with `prefix`: its own and at
    /// most `extra` more.
    fn prefix_fragments(&mut self, prefix: &str, extra: usize) -> Vec<&'a Fragment> {
        let starts = &self.searcher.meta.fragment_starts;
        let first = self.searcher.meta.fragment_of(prefix);
        let mut out = Vec::new();
        let mut i = first;
        while i < starts.len() && (i == first || starts[i].starts_with(prefix)) {
            if i > first + extra {
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
    /// the words that start with it, looking at most `extra` fragments past
    /// the prefix's own. `evidence` says which of these count.
    fn match_term(
        &mut self,
        term: &str,
        prefix: bool,
        extra: usize,
        evidence: Evidence<'_>,
    ) -> (WordMatch, bool) {
        let mut m = WordMatch::default();
        let s = stem(term);
        let mut exact = false;
        if let Some(g) = self.group(&s).filter(|g| evidence.counts(&g.stem)) {
            for surface in &g.surfaces {
                if surface.term == term {
                    exact = true;
                    m.add_exact(&surface.postings, EXACT);
                } else {
                    m.add_exact(&surface.postings, STEM);
                }
                m.mark_surface(&surface.term);
            }
            if let (Some(p), Evidence::All) = (&g.parts, evidence) {
                m.add(p, PART);
                m.mark_part(&s);
            }
        }
        if prefix && term.chars().nth(1).is_some() {
            // Completions of a word being typed are what it will be, unless it
            // is a whole word already: then they are other words.
            let completing = !exact;
            for f in self.prefix_fragments(term, extra) {
                Self::add_completions(f, term, &s, &mut m, evidence, completing);
            }
        }
        (m, exact)
    }

    /// Every form of `synonym` at the [`SYNONYM`] tier, and the compounds
    /// it is a part of below that.
    fn match_synonym(&mut self, synonym: &str) -> WordMatch {
        let mut m = WordMatch::default();
        let s = stem(synonym);
        if let Some(g) = self.group(&s) {
            for surface in &g.surfaces {
                m.add(&surface.postings, SYNONYM);
                m.mark_surface(&surface.term);
            }
            if let Some(p) = &g.parts {
                m.add(p, PART * SYNONYM);
                m.mark_part(&s);
            }
        }
        m
    }

    /// Words of fragment `f` that start with `term` (and are not `term`),
    /// and compound parts whose stem starts with it.
    fn add_completions(
        f: &Fragment,
        term: &str,
        own_stem: &str,
        m: &mut WordMatch,
        evidence: Evidence<'_>,
        completing: bool,
    ) {
        let from = f.groups.partition_point(|g| g.stem.as_str() < term);
        for g in f.groups[from..]
            .iter()
            .take_while(|g| g.stem.starts_with(term))
            .filter(|g| evidence.counts(&g.stem))
        {
            for surface in &g.surfaces {
                if surface.term != term && surface.term.starts_with(term) {
                    if completing {
                        m.add_exact(&surface.postings, PREFIX);
                    } else {
                        m.add(&surface.postings, PREFIX);
                    }
                    m.mark_surface(&surface.term);
                }
            }
            if g.stem != own_stem {
                if let (Some(p), Evidence::All) = (&g.parts, evidence) {
                    m.add(p, PART * PREFIX);
                    m.mark_part(&g.stem);
                }
            }
        }
    }

    /// Indexed words one edit away from `term`, in the fragments around it; with
    /// `by_end` (the word matched nothing else) and none found there, those found by their
    /// end in the list of words spelt backwards, which costs a round for the list and one
    /// for the candidates' fragments.
    fn match_typos(&mut self, term: &str, by_end: bool) -> WordMatch {
        let mut m = WordMatch::default();
        let mut frags: Vec<usize> = vec![
            self.searcher.meta.fragment_of(term),
            self.searcher.meta.fragment_of(&stem(term)),
        ];
        frags.sort_unstable();
        frags.dedup();
        for &i in &frags {
            let Some(f) = self.fragment(i) else { continue };
            for g in &f.groups {
                for surface in &g.surfaces {
                    if within_one_edit(&surface.term, term) {
                        m.add(&surface.postings, TYPO);
                        m.mark_surface(&surface.term);
                    }
                }
            }
        }
        // Found near the word (or not known yet): no need to look by the end.
        if !by_end || !m.scores.is_empty() || frags.iter().any(|&i| !self.has_fragment(i)) {
            return m;
        }
        for candidate in self.typos_by_end(term) {
            let s = stem(&candidate);
            if frags.contains(&self.searcher.meta.fragment_of(&s)) {
                continue; // seen above
            }
            let Some(g) = self.group(&s) else { continue };
            for surface in g.surfaces.iter().filter(|x| x.term == candidate) {
                m.add(&surface.postings, TYPO);
                m.mark_surface(&surface.term);
            }
        }
        m
    }

    /// Indexed words one edit away from `term` in the list of words spelt backwards where
    /// `term` spelt backwards falls (asked for when not loaded).
    fn typos_by_end(&mut self, term: &str) -> Vec<String> {
        let backwards: String = term.chars().rev().collect();
        let i = self.searcher.meta.backwards_of(&backwards);
        let Some(list) = self.backwards_list(i) else {
            return Vec::new();
        };
        list.words
            .iter()
            .filter(|w| within_one_edit(w, &backwards))
            .map(|w| w.chars().rev().collect())
            .collect()
    }

    /// Splits `term` into a known first part and a rest (with an optional
    /// linking -s-, -e-, -en-); a document matches when it has both.
    ///
    /// First parts are looked for in the fragments of `term` itself (and the
    /// one before), and in at most [`MAX_SPLIT_FRAGMENTS`] others, longest
    /// first parts first; each rest costs its own fragment.
    ///
    /// Returns two measures of the same: all matches of the parts, and only
    /// those by separate words of a document (no compound-part postings, no
    /// forms of `term` itself), which is what a split adds to a document that
    /// has the whole word too.
    fn match_split(&mut self, term: &str, prefix: bool) -> (WordMatch, WordMatch) {
        let mut all = WordMatch::default();
        let mut separate = WordMatch::default();
        if !term.is_ascii()
            || term.len() < MIN_COMPOUND
            || term.len() > crate::compound::MAX_COMPOUND
        {
            return (all, separate);
        }
        let meta = &self.searcher.meta;
        let own = meta.fragment_of(term);
        let term_stem = stem(term);
        let mut near = vec![own.saturating_sub(1), own, meta.fragment_of(&term_stem)];
        let others = Evidence::WordsOtherThan(&term_stem);
        let mut extra = 0;
        for cut in (MIN_MODIFIER..=term.len() - MIN_HEAD).rev() {
            let first = &term[..cut];
            let first_stem = stem(first);
            let fi = meta.fragment_of(&first_stem);
            if is_stop_word(first) {
                continue;
            }
            if !near.contains(&fi) {
                if extra == MAX_SPLIT_FRAGMENTS {
                    continue;
                }
                extra += 1;
                near.push(fi);
            }
            let Some(first_fragment) = self.fragment(fi) else {
                continue;
            };
            if first_fragment.group(&first_stem).is_none() {
                continue;
            }
            let mut starts = vec![cut];
            for link in LINKS {
                if term[cut..].starts_with(link) && term.len() - cut - link.len() >= MIN_HEAD {
                    starts.push(cut + link.len());
                }
            }
            let mut first_match: Option<(WordMatch, WordMatch)> = None;
            for start in starts {
                let rest = &term[start..];
                if is_stop_word(rest) {
                    continue;
                }
                let (rest_all, _) = self.match_term(rest, prefix, 0, Evidence::All);
                if rest_all.scores.is_empty() {
                    continue;
                }
                let (rest_separate, _) = self.match_term(rest, prefix, 0, others);
                let (first_all, first_separate) = first_match.get_or_insert_with(|| {
                    (
                        self.match_first_part(first, &near, Evidence::All),
                        self.match_first_part(first, &near, others),
                    )
                });
                all.merge(both_parts(first_all, rest_all));
                separate.merge(both_parts(first_separate, rest_separate));
            }
            if let Some((first_all, _)) = first_match {
                all.merge(WordMatch {
                    surfaces: first_all.surfaces,
                    part_stems: first_all.part_stems,
                    ..WordMatch::default()
                });
            }
        }
        (all, separate)
    }

    /// The first part of a split query word. It also matches words it
    /// begins (`kamer` in `kamergewijze`): that is how Dutch compounds are
    /// written.
    fn match_first_part(
        &mut self,
        first: &str,
        near: &[usize],
        evidence: Evidence<'_>,
    ) -> WordMatch {
        let first_stem = stem(first);
        let (mut m, _) = self.match_term(first, false, 0, evidence);
        for i in near {
            if let Some(Some(f)) = self.searcher.fragments.get(*i) {
                Self::add_completions(f, first, &first_stem, &mut m, evidence, false);
            }
        }
        m.finish()
    }

    /// Words of the family of `term` (see [`family_root`]) other than its
    /// own forms, at the [`DERIVED`] tier.
    fn match_family(&mut self, term: &str) -> WordMatch {
        let mut m = WordMatch::default();
        let Some(root) = family_root(term) else {
            return m;
        };
        let own = stem(term);
        // Groups are keyed by stem, and the stem of a family word may not
        // begin with the root (`plaats` → `plat`): look under both.
        let root_stem = stem(root);
        let mut scans = vec![root];
        if root_stem != root && root_stem.chars().count() >= MIN_ROOT - 1 {
            scans.push(&root_stem);
        }
        for scan in scans {
            for f in self.prefix_fragments(scan, 0) {
                let from = f.groups.partition_point(|g| g.stem.as_str() < scan);
                for g in f.groups[from..]
                    .iter()
                    .take_while(|g| g.stem.starts_with(scan))
                    .filter(|g| g.stem != own)
                {
                    for surface in &g.surfaces {
                        let ending = surface.term.strip_prefix(root);
                        if ending.is_some_and(|e| e.is_empty() || FAMILY_ENDINGS.contains(&e)) {
                            m.add(&surface.postings, DERIVED);
                            m.mark_surface(&surface.term);
                        }
                    }
                }
            }
        }
        m
    }

    fn match_word(&mut self, word: &QueryWord) -> WordMatch {
        let only_prefix = is_stop_word(&word.term);
        let (mut m, exact) =
            self.match_term(&word.term, word.prefix, MAX_PREFIX_FRAGMENTS, Evidence::All);
        if only_prefix {
            // A lone stop word being typed: only its completions count (the
            // word itself is not indexed).
            m.surfaces.retain(|s| s != &word.term);
            let mut m = m.finish();
            m.own = m.scores.clone();
            return m;
        }
        let family = self.match_family(&word.term);
        m.merge(family);
        // A word being typed that already begins indexed words is not a typo:
        // `woningc` on the way to `woningcorporatie` should not bring up every
        // `woning` one edit away.
        let completed = word.prefix && !m.scores.is_empty();
        if !exact && !completed && word.term.chars().count() >= MIN_TYPO_LEN {
            // A word that matched nothing at all may have its typo in its first letters,
            // where the fragments around it cannot see it: look it up by its end.
            let by_end = m.scores.is_empty();
            let typos = self.match_typos(&word.term, by_end);
            m.merge(typos);
        }
        for other in synonyms_of(&self.searcher.meta, &word.term, word.prefix) {
            let synonym = self.match_synonym(&other);
            m.merge(synonym);
        }
        // Separate words with both parts of a split are more evidence for a
        // document that has the whole word too: `Kamergewijze verhuur` in the
        // title and text, beside the editors' tag `kamerverhuur`, ranks above
        // the tag with only `kamer` in the text. Elsewhere a split is one
        // more reading of the word, and the best reading counts.
        let (split, separate) = self.match_split(&word.term, word.prefix);
        let m = m.finish();
        let own = m.scores.clone();
        let mut m = m.boosted_by(&separate.finish());
        m.merge(split);
        let mut m = m.finish();
        m.own = own;
        m
    }
}

impl Searcher {
    /// A searcher over the index whose `meta.bin` is `meta`.
    pub fn new(meta_bytes: &[u8]) -> Result<Searcher, DecodeError> {
        let meta = Meta::decode(meta_bytes)?;
        let mut fragments = Vec::new();
        fragments.resize_with(meta.fragment_starts.len(), || None);
        let mut backwards = Vec::new();
        backwards.resize_with(meta.backwards_starts.len(), || None);
        let mut answers = Vec::new();
        answers.resize_with(meta.answers.len(), || None);
        Ok(Searcher {
            meta,
            fragments,
            docs: Vec::new(),
            tags: None,
            backwards,
            answers,
            whole_loaded: false,
            stamp: build_stamp::of_meta(meta_bytes),
        })
    }

    /// The stamp of this index's build, as written in the URLs of its files (`?v=`).
    pub fn build_stamp(&self) -> String {
        build_stamp::hex(self.stamp)
    }

    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// Hands over a file named by [`Searcher::needed_files`], as the build wrote it. A file
    /// of another build than `meta.bin` is refused ([`DecodeError::is_other_build`]).
    pub fn add_file(&mut self, path: &str, bytes: &[u8]) -> Result<(), DecodeError> {
        let bytes = build_stamp::strip(path, bytes, self.stamp)?;
        self.add_unstamped(path, bytes)
    }

    /// [`Searcher::add_file`] for a file without its stamp: the build's own, before it stamps
    /// them, and the parts of the whole index (whose file is stamped).
    pub(crate) fn add_unstamped(&mut self, path: &str, bytes: &[u8]) -> Result<(), DecodeError> {
        let context = |e: DecodeError| DecodeError::new(format!("{path}: {e}"));
        if path == WHOLE_FILE {
            for (part, part_bytes) in whole::unbundle(bytes).map_err(context)? {
                self.add_unstamped(part, part_bytes)?;
            }
            self.whole_loaded = true;
        } else if path == TAGS_FILE {
            self.tags = Some(decode_tags(bytes).map_err(context)?);
        } else if let Some(i) = numbered(path, "t/") {
            let slot = self
                .fragments
                .get_mut(i as usize)
                .ok_or_else(|| DecodeError::new(format!("{path}: no such fragment")))?;
            *slot = Some(Fragment::decode(bytes).map_err(context)?);
        } else if let Some(i) = numbered(path, "r/") {
            let slot = self
                .backwards
                .get_mut(i as usize)
                .ok_or_else(|| DecodeError::new(format!("{path}: no such word list")))?;
            *slot = Some(WordList::decode(bytes).map_err(context)?);
        } else if let Some(i) = numbered(path, "a/") {
            let slot = self
                .answers
                .get_mut(i as usize)
                .ok_or_else(|| DecodeError::new(format!("{path}: no such answer")))?;
            *slot = Some(answer::decode(bytes).map_err(context)?);
        } else if let Some(id) = numbered(path, "d/") {
            if id >= self.meta.doc_count {
                return Err(DecodeError::new(format!("{path}: no such document")));
            }
            let doc = DocData::decode(bytes).map_err(context)?;
            match self.docs.iter_mut().find(|(d, _)| *d == id) {
                Some(slot) => slot.1 = doc,
                None => self.docs.push((id, doc)),
            }
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
    ///
    /// Once the fragments of the query's own words are loaded, the documents that match
    /// every word exactly are known (what later rounds add are looser matches, which rank
    /// after them): the first `limit` of those come in the same round as the fragments
    /// still missing (compound parts, mostly), which saves a round trip. With more than
    /// [`FULLY_RANKED_EXACT`] of them, their order is settled then too (they are ranked by
    /// what the query's own fragments say), so these are the final first `limit`. With
    /// fewer, all of them are in the first page whatever their order (unless `limit` is
    /// below [`FULLY_RANKED_EXACT`]: then the separate words of a compound can still move one
    /// in, and it comes in the next round), and looser matches follow in the next round.
    pub fn needed_files(&self, query: &str, filters: &Filters, limit: usize) -> Vec<String> {
        if let Some(whole) = self.missing_whole() {
            return whole;
        }
        if let Some(i) = self.answer_of(query, filters, limit) {
            return self.missing_answer(i);
        }
        let (matches, (missing, missing_lists), words_loaded) = self.match_words(query);
        let ranked = self.combine(&matches, filters, None, limit).0;
        let mut out: Vec<String> = missing.into_iter().map(fragment_path).collect();
        out.extend(missing_lists.into_iter().map(backwards_path));
        let tags_missing = filters.tag.is_some() && self.tags.is_none();
        if tags_missing {
            out.push(TAGS_FILE.to_string());
        }
        let settled = out.is_empty();
        if settled || (words_loaded && !tags_missing) {
            for r in ranked.iter().take_while(|r| settled || r.exact) {
                if self.doc(r.id).is_none() {
                    out.push(doc_path(r.id));
                }
            }
        }
        out
    }

    /// The index files (term fragments, word lists) still needed to match `query`, without the
    /// documents of its results: what a page may fetch while the visitor is still typing (the
    /// words' fragments change little from letter to letter; the results and their documents
    /// change with each), or, for a word with one, its answer (see [`crate::answer`]). Fetched
    /// and added, they leave [`Searcher::needed_files`] the documents and nothing of these.
    pub fn needed_index_files(&self, query: &str) -> Vec<String> {
        if let Some(whole) = self.missing_whole() {
            return whole;
        }
        if let Some(i) = self.answer_of(query, &Filters::default(), answer::ANSWER_LIMIT) {
            return self.missing_answer(i);
        }
        let (_, (missing, missing_lists), _) = self.match_words(query);
        let fragments = missing.into_iter().map(fragment_path);
        fragments
            .chain(missing_lists.into_iter().map(backwards_path))
            .collect()
    }

    /// With the index in one file (see [`crate::whole`]): that file until it is loaded, then
    /// nothing; `None` for a sharded index.
    fn missing_whole(&self) -> Option<Vec<String>> {
        match (self.meta.whole, self.whole_loaded) {
            (false, _) => None,
            (true, false) => Some(vec![WHOLE_FILE.to_string()]),
            (true, true) => Some(Vec::new()),
        }
    }

    /// The answer (see [`crate::answer`]) that gives the results of `query`, if there is one.
    fn answer_of(&self, query: &str, filters: &Filters, limit: usize) -> Option<usize> {
        if !answer::answerable(filters, limit) || self.meta.answers.is_empty() {
            return None;
        }
        let key = answer::answered_key(query)?;
        self.meta.answers.binary_search(&key).ok()
    }

    fn missing_answer(&self, i: usize) -> Vec<String> {
        match self.answers[i] {
            Some(_) => Vec::new(),
            None => vec![answer::answer_path(i)],
        }
    }

    fn doc(&self, id: u32) -> Option<&DocData> {
        self.docs.iter().find(|(d, _)| *d == id).map(|(_, doc)| doc)
    }

    /// What matched each query word; the files that were missing (the matches are then
    /// incomplete); and whether the fragments of the words themselves were all there (then
    /// the exact matches are complete).
    fn match_words(&self, query: &str) -> (Vec<WordMatch>, Missing, bool) {
        let mut lookup = Lookup {
            searcher: self,
            missing: Vec::new(),
            missing_lists: Vec::new(),
        };
        let (words, follows) = parse_words(query);
        let mut matches: Vec<WordMatch> = words.iter().map(|w| lookup.match_word(w)).collect();
        // Two words typed one after the other may be one word written apart: `woning
        // corporatie` is `woningcorporatie`, `leegstand wet` the Leegstandwet. Asked for in the
        // first round, with the words' own fragments.
        let mut keys: Vec<String> = Vec::new();
        for i in (1..words.len()).filter(|&i| follows[i]) {
            let joined = format!("{}{}", words[i - 1].term, words[i].term);
            let (m, _) = lookup.match_term(&joined, words[i].prefix, 0, Evidence::All);
            let m = m.finish();
            if !m.exact.is_empty() {
                matches[i - 1].absorb_joined(&m);
                matches[i].absorb_joined(&m);
            }
            keys.push(stem(&joined));
            keys.push(joined);
        }
        keys.extend(words.iter().flat_map(|w| [stem(&w.term), w.term.clone()]));
        let loaded = keys
            .iter()
            .all(|k| lookup.has_fragment(self.meta.fragment_of(k)));
        (matches, (lookup.missing, lookup.missing_lists), loaded)
    }

    fn tag_docs(&self, tag: &str) -> Option<&Vec<u32>> {
        let i = self.meta.tags.iter().position(|t| t.name == tag)?;
        self.tags.as_ref()?.get(i)
    }

    /// Ranks the documents matching any word and returns the first `limit` of them, how many
    /// match and how many of those exactly; also counts categories (over the tag filter only)
    /// and tags (over the category filter only).
    fn combine(
        &self,
        matches: &[WordMatch],
        filters: &Filters,
        counts: Option<(&mut Counts, &mut Counts)>,
        limit: usize,
    ) -> (Vec<Ranked>, usize, usize) {
        // Dense per-document tallies: the corpus is small enough, and it
        // avoids hashing.
        let n = self.meta.doc_count as usize;
        let mut words = vec![0u16; n];
        let mut sums = vec![0f32; n];
        let mut own_sums = vec![0f32; n];
        let mut exact = vec![0u16; n];
        let mut titled = vec![0u16; n];
        // The last query word (numbered from 1) that counted for a document in `exact` and
        // `titled`: a document listed twice for one word counts once.
        let mut exact_by = vec![0u16; n];
        let mut titled_by = vec![0u16; n];
        let mut touched: Vec<u32> = Vec::new();
        for (w, m) in matches.iter().enumerate() {
            let w = w as u16 + 1;
            for &(d, s) in &m.scores {
                let Some(slot) = words.get_mut(d as usize) else {
                    continue;
                };
                if *slot == 0 {
                    touched.push(d);
                }
                *slot += 1;
                sums[d as usize] += s;
            }
            for &(d, s) in &m.own {
                if let Some(sum) = own_sums.get_mut(d as usize) {
                    *sum += s;
                }
            }
            for (list, tally, by) in [
                (&m.exact, &mut exact, &mut exact_by),
                (&m.titled, &mut titled, &mut titled_by),
            ] {
                for &d in list {
                    let d = d as usize;
                    if d < n && by[d] != w {
                        by[d] = w;
                        tally[d] += 1;
                    }
                }
            }
        }
        let all_words = matches.len() as u16;
        let in_category = filters.category.as_ref().map(|slug| {
            self.meta
                .categories
                .iter()
                .find(|c| &c.slug == slug)
                .map_or((0, 0), |c| (c.first, c.first + c.count))
        });
        let empty = Vec::new();
        let tag_list: Option<&Vec<u32>> = filters
            .tag
            .as_ref()
            .map(|t| self.tag_docs(t).unwrap_or(&empty));
        let cat_ok = |d: u32| in_category.is_none_or(|(a, b)| d >= a && d < b);
        let tag_ok = |d: u32| tag_list.is_none_or(|l| l.binary_search(&d).is_ok());

        // A result is a page: counts count pages, each once, however many of its sections match.
        let mut pages = PageMarks::new(&self.meta);
        if let Some((cat_counts, tag_counts)) = counts {
            let mut per_cat = vec![0usize; self.meta.categories.len()];
            for &d in &touched {
                if tag_ok(d) && pages.first_time(d) {
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
                *tag_counts = self
                    .meta
                    .tags
                    .iter()
                    .zip(lists)
                    .map(|(t, list)| {
                        // Sorted by document, so a page's documents are next to each other.
                        let mut last_page = None;
                        let n = list
                            .iter()
                            .filter(|&&d| {
                                cat_ok(d) && words.get(d as usize).is_some_and(|&w| w > 0)
                            })
                            .filter(|&&d| {
                                let page = Some(self.meta.page_of(d));
                                std::mem::replace(&mut last_page, page) != page
                            })
                            .count();
                        (t.name.clone(), n)
                    })
                    .filter(|(_, n)| *n > 0)
                    .collect();
            }
        }

        touched.retain(|&d| cat_ok(d) && tag_ok(d));
        pages.clear();
        let exact_pages = touched
            .iter()
            .filter(|&&d| exact[d as usize] == all_words && pages.first_time(d))
            .count();
        let total = exact_pages
            + touched
                .iter()
                .filter(|&&d| exact[d as usize] != all_words && pages.first_time(d))
                .count();
        let by_own = exact_pages > FULLY_RANKED_EXACT;
        let ranked: Vec<Ranked> = touched
            .into_iter()
            .map(|d| {
                let i = d as usize;
                let exact = exact[i] == all_words;
                Ranked {
                    id: d,
                    exact,
                    titled: titled[i] == all_words,
                    words: words[i],
                    score: if exact && by_own {
                        own_sums[i]
                    } else {
                        sums[i]
                    },
                    more: 0,
                }
            })
            .collect();
        let ranked = in_rank_order(ranked, rank_order, &mut pages, limit);
        (first_pages(ranked, &mut pages, limit), total, exact_pages)
    }

    /// Answers `query`. Documents not loaded yet are left out of the hits
    /// (see [`Searcher::needed_files`]); `total` counts them all.
    pub fn search(&self, query: &str, filters: &Filters, limit: usize) -> Results {
        if let Some(answer) = self
            .answer_of(query, filters, limit)
            .and_then(|i| self.answers[i].as_ref())
        {
            let mut results = answer.clone();
            // As a search without the tag file counts no tags.
            if self.tags.is_none() {
                results.tag_counts.clear();
            }
            return results;
        }
        let (matches, _, _) = self.match_words(query);
        let mut results = Results {
            only_common_words: matches.is_empty() && !tokens(&read_part(query)).is_empty(),
            ..Results::default()
        };
        let (ranked, total, exact_total) = self.combine(
            &matches,
            filters,
            Some((&mut results.category_counts, &mut results.tag_counts)),
            limit,
        );
        results.total = total;
        results.exact_total = exact_total;
        let marks: Vec<(&[String], &[String])> = matches
            .iter()
            .map(|m| (&m.surfaces[..], &m.part_stems[..]))
            .collect();
        let mut hits = Vec::new();
        for r in &ranked {
            let Some(doc) = self.doc(r.id) else {
                continue;
            };
            let category = self
                .meta
                .category_of(r.id)
                .map(|c| &self.meta.categories[c]);
            let words = marked_words(doc, &marks);
            hits.push(Hit {
                link: landing_link(&doc.url, &words),
                url: doc.url.clone(),
                title: doc.title.clone(),
                section: doc.section.clone(),
                exact: r.exact,
                marks: words,
                category: category.map(|c| c.slug.clone()).unwrap_or_default(),
                category_title: category.map(|c| c.title.clone()).unwrap_or_default(),
                score: (r.score * 1000.0).round() / 1000.0,
                snippet: snippet(doc, &marks),
                more: r.more as usize,
            });
        }
        results.hits = group_by_page(hits);
        if results.exact_total == 0 {
            results.suggestion = self.suggest(query, &parse_query(query), &matches);
        }
        results
    }

    /// "Bedoelde u …?": the query as typed, with each word without an exact
    /// match replaced by the indexed word one edit away that most documents
    /// have, or else split into two indexed words (`huurtoeslagbijzonder` →
    /// `huurtoeslag bijzonder`). Looks in the fragments loaded for the query only.
    fn suggest(&self, query: &str, words: &[QueryWord], matches: &[WordMatch]) -> Option<String> {
        let better: Vec<(String, String)> = words
            .iter()
            .zip(matches)
            .filter(|(_, m)| m.exact.is_empty())
            .filter_map(|(word, _)| {
                let b = self
                    .nearest_word(&word.term)
                    .or_else(|| self.known_split(&word.term))?;
                let shown = self.written_form(&b).unwrap_or(b);
                Some((word.term.clone(), shown))
            })
            .collect();
        (!better.is_empty()).then(|| retyped(query, &better))
    }

    /// How the indexed word `folded` is written in the documents loaded, for "Bedoelde u":
    /// `financiën`, not the index's `financien`. Written with a small letter somewhere, it is
    /// shown so (`verhuiscoördinator`, though a title starts `Verhuiscoördinator`); always with a
    /// capital, it is a name and keeps it (`Waddeneilanden`, `COA`). `None` when no loaded
    /// document writes it (the suggestion is then the folded word).
    fn written_form(&self, folded: &str) -> Option<String> {
        let mut capitalised = None;
        for (_, doc) in &self.docs {
            let fields = [&doc.title, &doc.section, &doc.summary, &doc.body];
            for text in fields.into_iter().chain(&doc.tags) {
                for t in tokens(text).into_iter().filter(|t| t.term == folded) {
                    let word = &text[t.start..t.end];
                    if !word.as_bytes()[0].is_ascii_uppercase() {
                        return Some(word.to_string());
                    }
                    capitalised.get_or_insert(word);
                }
            }
        }
        capitalised.map(str::to_string)
    }

    fn loaded_group(&self, stem: &str) -> Option<&Group> {
        let i = self.meta.fragment_of(stem);
        self.fragments.get(i)?.as_ref()?.group(stem)
    }

    /// The indexed word one edit from `term` in the most documents.
    fn nearest_word(&self, term: &str) -> Option<String> {
        if term.chars().count() < 4 {
            return None;
        }
        let mut frags = vec![
            self.meta.fragment_of(term),
            self.meta.fragment_of(&stem(term)),
        ];
        frags.dedup();
        let mut best: Option<(usize, &str)> = None;
        for f in frags
            .iter()
            .filter_map(|&i| self.fragments.get(i)?.as_ref())
        {
            for surface in f.groups.iter().flat_map(|g| &g.surfaces) {
                let n = surface.postings.docs.len();
                if surface.term != term
                    && within_one_edit(&surface.term, term)
                    && best.is_none_or(|(b, t)| (n, t) > (b, surface.term.as_str()))
                {
                    best = Some((n, &surface.term));
                }
            }
        }
        // Words found by their end (a typo in the first letters), where the query loaded them.
        let backwards: String = term.chars().rev().collect();
        let list = self
            .backwards
            .get(self.meta.backwards_of(&backwards))
            .and_then(Option::as_ref);
        for w in list.iter().flat_map(|l| &l.words) {
            if !within_one_edit(w, &backwards) {
                continue;
            }
            let candidate: String = w.chars().rev().collect();
            let Some(surface) = self
                .loaded_group(&stem(&candidate))
                .and_then(|g| g.surfaces.iter().find(|s| s.term == candidate))
            else {
                continue;
            };
            let n = surface.postings.docs.len();
            if surface.term != term && best.is_none_or(|(b, t)| (n, t) > (b, surface.term.as_str()))
            {
                best = Some((n, &surface.term));
            }
        }
        best.map(|(_, t)| t.to_string())
    }

    /// `term` as two indexed words, the longest first part first.
    fn known_split(&self, term: &str) -> Option<String> {
        if !term.is_ascii() || term.len() < MIN_COMPOUND {
            return None;
        }
        (MIN_MODIFIER..=term.len() - MIN_HEAD)
            .rev()
            .find_map(|cut| {
                let (first, rest) = term.split_at(cut);
                let known = |w: &str| {
                    !is_stop_word(w)
                        && self
                            .loaded_group(&stem(w))
                            .is_some_and(|g| g.surfaces.iter().any(|s| s.term == w))
                };
                (known(first) && known(rest)).then(|| format!("{first} {rest}"))
            })
    }
}

/// Which pages a pass over documents has seen, for counting each page once.
struct PageMarks<'a> {
    meta: &'a Meta,
    /// Per page, the pass that last saw it.
    seen: Vec<u32>,
    pass: u32,
}

impl<'a> PageMarks<'a> {
    fn new(meta: &'a Meta) -> Self {
        let pages = meta.pages.last().map_or(0, |&p| p as usize + 1);
        PageMarks {
            meta,
            seen: vec![0; pages],
            pass: 1,
        }
    }

    /// Starts a new pass: every page unseen again.
    fn clear(&mut self) {
        self.pass += 1;
    }

    /// Whether this pass meets `doc`'s page for the first time (and marks it seen).
    fn first_time(&mut self, doc: u32) -> bool {
        match self.seen.get_mut(self.meta.page_of(doc) as usize) {
            Some(seen) if *seen != self.pass => {
                *seen = self.pass;
                true
            }
            _ => false,
        }
    }
}

/// The order of results: exact matches first; among them, those with the words in the title or
/// heading; then the number of words matched and the score; then the document, so that the
/// order is total.
fn rank_order(a: &Ranked, b: &Ranked) -> std::cmp::Ordering {
    b.exact
        .cmp(&a.exact)
        .then_with(|| b.titled.cmp(&a.titled))
        .then_with(|| b.words.cmp(&a.words))
        .then_with(|| b.score.total_cmp(&a.score))
        .then_with(|| a.id.cmp(&b.id))
}

/// Of `ranked`, what [`first_pages`] reads, in rank order (`order`): the best documents
/// sorted, as many as hold the first `limit` pages, and after them, sorted, only the other
/// documents of those pages. A frequent word touches thousands of documents and only the first
/// page of results is shown, so sorting them all was most of a query's time (and of the time
/// the build takes to work out its answers); when the best few do not hold `limit` pages (a
/// page with many matching sections), all are sorted.
fn in_rank_order(
    mut ranked: Vec<Ranked>,
    order: impl Fn(&Ranked, &Ranked) -> std::cmp::Ordering,
    pages: &mut PageMarks<'_>,
    limit: usize,
) -> Vec<Ranked> {
    let best = limit.saturating_mul(BEST_PER_PAGE_SHOWN).max(1);
    // Few documents for the pages asked (a long `--limit`): the insertions below would cost
    // more than the sort.
    if ranked.len() <= best.saturating_mul(4) {
        ranked.sort_unstable_by(&order);
        return ranked;
    }
    // The best `best`, kept sorted as they are met (a few hundred insertions into a short
    // list; `select_nth_unstable_by` was 3 KB more of WebAssembly).
    let mut top: Vec<Ranked> = Vec::with_capacity(best + 1);
    for r in &ranked {
        if top.len() == best && order(r, &top[best - 1]).is_ge() {
            continue;
        }
        let at = top.partition_point(|t| order(t, r).is_lt());
        top.insert(at, *r);
        top.truncate(best);
    }
    pages.clear();
    let mut chosen: Vec<u32> = Vec::new();
    for r in &top {
        if chosen.len() == limit {
            break;
        }
        if pages.first_time(r.id) {
            chosen.push(pages.meta.page_of(r.id));
        }
    }
    if chosen.len() < limit {
        ranked.sort_unstable_by(&order);
        return ranked;
    }
    let worst = top[best - 1];
    let mut rest: Vec<Ranked> = ranked
        .into_iter()
        .filter(|r| order(r, &worst).is_gt() && chosen.contains(&pages.meta.page_of(r.id)))
        .collect();
    rest.sort_unstable_by(&order);
    top.append(&mut rest);
    top
}

/// How many of the best documents per page of results [`in_rank_order`] sorts first: enough
/// for the pages shown when a few of them have several matching sections.
const BEST_PER_PAGE_SHOWN: usize = 8;

/// Of `ranked` (in rank order), the documents of the first `limit` pages, in rank order, at
/// most [`SECTIONS_PER_PAGE`] of a page (its first one counts the others in `more`). A page is
/// exact when one of its documents is, and then lists its exact documents only: its looser
/// matches are no result of their own, and a compound part found later would add a section to
/// a page already shown.
fn first_pages(ranked: Vec<Ranked>, pages: &mut PageMarks<'_>, limit: usize) -> Vec<Ranked> {
    pages.clear();
    // Per page chosen: the page, whether it is exact, where its first document is in `out`, and
    // how many of its documents are listed.
    let mut chosen: Vec<(u32, bool, usize, usize)> = Vec::new();
    let mut out: Vec<Ranked> = Vec::new();
    for r in ranked {
        let page = pages.meta.page_of(r.id);
        if pages.first_time(r.id) {
            if chosen.len() < limit {
                chosen.push((page, r.exact, out.len(), 1));
                out.push(r);
            }
        } else if let Some(c) = chosen.iter_mut().find(|c| c.0 == page && c.1 == r.exact) {
            if c.3 < SECTIONS_PER_PAGE {
                c.3 += 1;
                out.push(r);
            } else {
                out[c.2].more += 1;
            }
        }
    }
    out
}

/// The page of a hit's URL: without the section's anchor.
pub fn page_url(url: &str) -> &str {
    url.split_once('#').map_or(url, |(page, _)| page)
}

/// Hits in rank order of their pages (a page where its best hit is), each page's opening part
/// first and its sections after it in rank order; the page's count of parts not listed on its
/// first hit.
fn group_by_page(hits: Vec<Hit>) -> Vec<Hit> {
    let mut pages: Vec<&str> = Vec::new();
    for h in &hits {
        let page = page_url(&h.url);
        if !pages.contains(&page) {
            pages.push(page);
        }
    }
    let pages: Vec<String> = pages.into_iter().map(String::from).collect();
    // A few dozen hits at most: one pass per page keeps rank order within a page (and no
    // stable sort in the WebAssembly).
    let mut rest: Vec<Option<Hit>> = hits.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(rest.len());
    for page in &pages {
        let first = out.len();
        // The page's opening part first, under its title; then its sections, best first.
        for opening in [true, false] {
            for slot in rest.iter_mut() {
                if slot
                    .as_ref()
                    .is_some_and(|h| page_url(&h.url) == page && h.section.is_empty() == opening)
                {
                    out.extend(slot.take());
                }
            }
        }
        let more = out[first..]
            .iter_mut()
            .map(|h| std::mem::take(&mut h.more))
            .sum();
        out[first].more = more;
    }
    out
}

fn numbered(path: &str, dir: &str) -> Option<u32> {
    path.strip_prefix(dir)?.strip_suffix(".bin")?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pseudo-random numbers below `n` (xorshift), the same ones for the same seed.
    fn numbers_below(mut seed: u64) -> impl FnMut(u64) -> u64 {
        move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        }
    }

    /// Sorting only the best documents (and the rest of their pages) lists the same pages, the
    /// same parts and the same counts of parts not listed as sorting them all, whatever the
    /// pages' sizes, ties and limits.
    #[test]
    fn ranking_the_best_first_gives_what_ranking_all_gives() {
        let mut next = numbers_below(0x2545_f491_4f6c_dd1d);
        for round in 0..200 {
            let mut pages = Vec::new();
            let mut page = 0u32;
            // Pages of one document (practices) to many (the stappenplan's sections).
            while pages.len() < 1500 {
                let size = if next(5) == 0 {
                    1 + next(20)
                } else {
                    1 + next(3)
                };
                pages.extend(std::iter::repeat_n(page, size as usize));
                page += 1;
            }
            let meta = Meta {
                doc_count: pages.len() as u32,
                categories: Vec::new(),
                tags: Vec::new(),
                fragment_starts: Vec::new(),
                synonyms: Vec::new(),
                backwards_starts: Vec::new(),
                answers: Vec::new(),
                whole: false,
                pages,
            };
            let mut ranked: Vec<Ranked> = Vec::new();
            for id in 0..meta.doc_count {
                if next(3) == 0 {
                    continue;
                }
                ranked.push(Ranked {
                    id,
                    // Half exact, few, or none: pages of related results are chosen too.
                    exact: next([2, 30, u64::MAX][round % 3]) == 0,
                    titled: next(4) == 0,
                    words: 1 + next(2) as u16,
                    // Few distinct scores: many ties, broken by the id.
                    score: next(6) as f32 / 2.0,
                    more: 0,
                });
            }
            let order = rank_order;
            // Sorting the best few (1 to 25) and sorting all (50: few documents per page asked).
            let limit = [1, 3, 10, 25, 50][round % 5];
            let mut marks = PageMarks::new(&meta);
            let mut all = ranked.clone();
            all.sort_unstable_by(order);
            let expected: Vec<(u32, u32)> = first_pages(all, &mut marks, limit)
                .iter()
                .map(|r| (r.id, r.more))
                .collect();
            let best_first = in_rank_order(ranked, order, &mut marks, limit);
            let got: Vec<(u32, u32)> = first_pages(best_first, &mut marks, limit)
                .iter()
                .map(|r| (r.id, r.more))
                .collect();
            assert_eq!(got, expected, "round {round}, limit {limit}");
        }
    }

    #[test]
    fn best_per_document_keeps_each_documents_best_score_in_document_order() {
        let mut scores = vec![
            (7, 0.5),
            (2, -1.0),
            (7, 2.25),
            (2, -0.5),
            (0, 0.0),
            (7, 1.0),
            (0, 3.0),
        ];
        best_per_document(&mut scores);
        assert_eq!(scores, vec![(0, 3.0), (2, -0.5), (7, 2.25)]);

        // Many entries (a frequent word's forms): one slot per document, the same result as
        // sorting, negative and equal scores included.
        let mut next = numbers_below(0x9e37_79b9_7f4a_7c15);
        for docs in [300u64, 3000, 50_000] {
            let many: Vec<(u32, f32)> = (0..DENSE_BEST_MIN as u64 * 4)
                .map(|_| (next(docs) as u32, next(9) as f32 / 4.0 - 1.0))
                .collect();
            let mut dense = many.clone();
            best_per_document(&mut dense);
            let mut sorted = many;
            best_per_document_sorted(&mut sorted);
            assert_eq!(dense, sorted, "over {docs} documents");
        }
    }

    #[test]
    fn a_pasted_blob_is_read_only_as_far_as_a_question_goes() {
        let blob = "ab".repeat(20_000);
        let words = parse_query(&blob);
        assert_eq!(words.len(), 1);
        assert_eq!(words[0].term.len(), MAX_QUERY_BYTES);
        let many: String = (0..100).map(|i| format!("woord{i} ")).collect();
        assert!(parse_query(&many).len() <= MAX_QUERY_WORDS);
        // A cut never splits a letter.
        let dutch = "ë".repeat(MAX_QUERY_BYTES);
        assert!(parse_query(&dutch).iter().all(|w| !w.term.is_empty()));
    }

    #[test]
    fn a_query_of_only_common_words_says_so() {
        let files = crate::index::build_index(&[]);
        let (_, meta) = files
            .iter()
            .find(|(path, _)| path == crate::format::META_FILE)
            .expect("meta.bin");
        let empty = Searcher::new(meta).unwrap();
        for (query, only_common) in [
            ("wat is het ", true),
            ("z.s.m.", true),
            ("de het een ", true),
            ("", false),
            ("  ?! ", false),
            ("huurtoeslag ", false),
            ("het huurtoeslag ", false),
        ] {
            let r = empty.search(query, &Filters::default(), 10);
            assert_eq!(r.only_common_words, only_common, "{query:?}");
        }
    }

    #[test]
    fn a_character_a_reader_cannot_see_does_not_split_a_word() {
        // Copied along from a document: a soft hyphen, a zero-width space, a word joiner, a
        // direction mark, a tag character. The word looks whole in the search field, and is.
        for hidden in [
            '\u{AD}',
            '\u{200B}',
            '\u{2060}',
            '\u{200E}',
            '\u{FEFF}',
            '\u{E0041}',
        ] {
            let query = format!("huur{hidden}toeslag aanvragen");
            let words: Vec<String> = parse_query(&query).into_iter().map(|w| w.term).collect();
            assert_eq!(words, ["huurtoeslag", "aanvragen"], "{query:?}");
        }
        // Last, it leaves the word a prefix, as typed.
        assert_eq!(
            parse_query("huurtoesl\u{200B}"),
            [QueryWord {
                term: "huurtoesl".into(),
                prefix: true
            }]
        );
    }

    #[test]
    fn family_roots_strip_one_ending_and_keep_five_letters() {
        assert_eq!(family_root("hervestiging"), Some("hervestig"));
        assert_eq!(family_root("hervestigers"), Some("hervestig"));
        assert_eq!(family_root("begeleiden"), Some("begeleid"));
        assert_eq!(family_root("woning"), Some("woning"));
        assert_eq!(family_root("wonen"), Some("wonen"));
        assert_eq!(family_root("leegstand"), Some("leegstand"));
        assert_eq!(family_root("aangepaste"), Some("aangepas"));
        assert_eq!(family_root("huis"), None);
    }

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

    fn match_of(scores: &[(u32, f32)]) -> WordMatch {
        WordMatch {
            scores: scores.to_vec(),
            surfaces: Vec::new(),
            part_stems: Vec::new(),
            ..WordMatch::default()
        }
    }

    #[test]
    fn separate_words_add_to_documents_with_the_whole_word_only() {
        let whole = match_of(&[(1, 2.0), (4, 1.0)]).finish();
        let separate = match_of(&[(0, 0.5), (4, 0.25), (4, 0.5), (7, 0.5)]).finish();
        let sum = whole.boosted_by(&separate);
        assert_eq!(sum.scores, [(1, 2.0), (4, 1.5)]);
    }

    #[test]
    fn sections_of_a_page_follow_its_best_one() {
        let hit = |url: &str| Hit {
            url: url.into(),
            title: String::new(),
            section: url
                .split_once('#')
                .map(|(_, s)| s.into())
                .unwrap_or_default(),
            exact: true,
            marks: Vec::new(),
            link: url.into(),
            category: String::new(),
            category_title: String::new(),
            score: 0.0,
            snippet: String::new(),
            more: 0,
        };
        let urls: Vec<String> = group_by_page(vec![
            hit("s/#b"),
            hit("p/"),
            hit("s/"),
            hit("q/"),
            hit("s/#a"),
        ])
        .into_iter()
        .map(|h| h.url)
        .collect();
        // A page's opening part comes first, under its title, then its sections best first.
        assert_eq!(urls, ["s/", "s/#b", "s/#a", "p/", "q/"]);
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
