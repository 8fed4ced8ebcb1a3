//! Building the index: documents in, files out.

use std::collections::{BTreeMap, HashMap};

use crate::answer;
use crate::build_stamp;
use crate::compound::Lexicon;
use crate::format::{
    backwards_path, doc_path, encode_tags, fragment_path, CategoryInfo, DocData, Fragment, Group,
    Meta, Postings, Surface, TagInfo, WordList, IDF_SCALE, IN_TITLE, META_FILE, TAGS_FILE,
    WEIGHT_SCALE,
};
use crate::normalize::{is_indexable, single_word, tokens};
use crate::searcher::{page_url, MIN_TYPO_LEN};
use crate::stem::stem;
use crate::whole;

/// Each term's documents (ids, ascending) and their weight bytes.
type TermPostings = HashMap<String, (Vec<u32>, Vec<u8>)>;
/// Two terms written next to each other (`"grote gezinnen"`), and how many documents do so;
/// only those of at least [`answer::MIN_ANSWER_DOCS`] documents.
type Phrases = HashMap<String, u32>;
/// Index files: path relative to the index folder, and bytes.
type Files = Vec<(String, Vec<u8>)>;

/// A page, or a section of one, to index. Text fields are plain text (no markup).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Document {
    /// Site-relative URL, returned as given (e.g. `praktijken/algemeen/monitoring/`); a
    /// section's ends in its anchor (`stappenplan/#stap-2`).
    pub url: String,
    /// The page's title.
    pub title: String,
    /// The section's heading (`Stap 2: Kennisgeving aan het COA`); empty for a whole page
    /// or the part of a page before its first section. A section's heading is its title
    /// for ranking; the page's title is only indexed with the page's opening part.
    #[serde(default)]
    pub section: String,
    /// Category slug.
    pub category: String,
    pub category_title: String,
    pub tags: Vec<String>,
    pub summary: String,
    pub body: String,
}

/// Field weights: a word in the title counts more than one in the body.
const FIELD_WEIGHTS: [f32; 4] = [3.0, 2.0, 1.5, 1.0];
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A fragment is closed once it holds this many bytes; a single stem group
/// larger than this gets a fragment of its own.
pub const FRAGMENT_TARGET_BYTES: usize = 4 * 1024;
/// A list of words spelt backwards is closed once its words hold this many bytes.
pub const WORD_LIST_TARGET_BYTES: usize = 4 * 1024;
/// Snippets come from the summary and the first this-many bytes of the body.
pub const MAX_BODY_BYTES: usize = 6000;

/// Hashes a pair of term numbers (one `u64`) by one multiplication: the numbers are the
/// build's own, so SipHash's guard against chosen keys buys nothing, and it was most of the
/// time counting phrases took.
#[derive(Default)]
struct PairHasher(u64);

impl std::hash::Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(self.0.rotate_left(8) ^ u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        let h = n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = h ^ (h >> 32);
    }
}

/// Pairs of term numbers (the first in the high half) to a value.
type PairMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<PairHasher>>;

/// One document's terms (numbered) with their counts per field, and the fields' lengths.
#[derive(Default)]
struct DocTerms {
    counts: Vec<(u32, [u32; 4])>,
    lengths: [u32; 4],
}

fn idf(doc_count: usize, df: usize) -> u32 {
    let n = doc_count as f32;
    let df = df as f32;
    let v = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
    (v * IDF_SCALE).round() as u32
}

fn cut_at_char_boundary(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Builds the index files for `docs`: `(relative path, bytes)` pairs in a
/// stable order. The output depends only on the input (not on its order
/// beyond ties of category and URL).
pub fn build_index(docs: &[Document]) -> Vec<(String, Vec<u8>)> {
    build_index_with_synonyms(docs, &[])
}

/// Folds the words of synonym groups the way documents are read and keeps
/// what a search can use: single words that are not stop words, each once,
/// in groups of at least two. See [`Meta::synonyms`].
pub fn normalize_synonyms(groups: &[Vec<String>]) -> Vec<Vec<String>> {
    groups
        .iter()
        .filter_map(|group| {
            let mut words: Vec<String> = Vec::with_capacity(group.len());
            for word in group.iter().filter_map(|w| single_word(w).ok()) {
                if !words.contains(&word) {
                    words.push(word);
                }
            }
            (words.len() >= 2).then_some(words)
        })
        .collect()
}

/// [`build_index`], with groups of words that a search treats as the same
/// (as editors write them; see [`normalize_synonyms`]).
pub fn build_index_with_synonyms(
    docs: &[Document],
    synonyms: &[Vec<String>],
) -> Vec<(String, Vec<u8>)> {
    let (meta, postings, phrases, files) = sharded(docs, synonyms);
    build_stamp::stamp_all(add_answers(meta, &postings, &phrases, files))
}

/// The index as a site ships it: [`build_index_with_synonyms`], or, when it is small, the
/// whole of it in one file (see [`crate::whole`]; the answers are then not needed).
pub fn build_site_index(docs: &[Document], synonyms: &[Vec<String>]) -> Vec<(String, Vec<u8>)> {
    let (meta, postings, phrases, files) = sharded(docs, synonyms);
    build_stamp::stamp_all(match whole::bundle(&meta, &files) {
        Some(whole) => whole,
        None => add_answers(meta, &postings, &phrases, files),
    })
}

/// The metadata, the postings by term, the phrases and the files of the sharded index, without
/// answers.
fn sharded(docs: &[Document], synonyms: &[Vec<String>]) -> (Meta, TermPostings, Phrases, Files) {
    let (order, categories) = number_documents(docs);
    let (postings, phrases) = postings_by_term(&order);
    let doc_count = order.len();
    let mut terms: Vec<&String> = postings.keys().collect();
    terms.sort_unstable();
    let stems: HashMap<&str, String> = terms.iter().map(|t| (t.as_str(), stem(t))).collect();
    let part_docs = compound_part_postings(&terms, &stems, &postings);
    let groups = stem_groups(&terms, &stems, &postings, part_docs, doc_count);
    let (fragments, fragment_starts) = cut_fragments(groups);
    let (word_lists, backwards_starts) = backwards_word_lists(&terms);
    let (tags, tag_lists) = tag_lists(&order);

    let meta = Meta {
        doc_count: doc_count as u32,
        categories,
        tags,
        fragment_starts,
        synonyms: normalize_synonyms(synonyms),
        backwards_starts,
        answers: Vec::new(),
        whole: false,
        pages: number_pages(&order),
    };

    let mut files = Vec::with_capacity(2 + fragments.len() + word_lists.len() + doc_count);
    files.push((META_FILE.to_string(), meta.encode()));
    files.push((TAGS_FILE.to_string(), encode_tags(&tag_lists)));
    for (i, f) in fragments.iter().enumerate() {
        files.push((fragment_path(i), f.encode()));
    }
    for (i, list) in word_lists.iter().enumerate() {
        files.push((backwards_path(i), list.encode()));
    }
    for (id, d) in order.iter().enumerate() {
        files.push((doc_path(id as u32), doc_data(d).encode()));
    }
    (meta, postings, phrases, files)
}

/// `files` with the answers of the most frequent words and phrases (see [`crate::answer`]) and
/// the metadata that lists them.
fn add_answers(
    mut meta: Meta,
    postings: &TermPostings,
    phrases: &Phrases,
    mut files: Vec<(String, Vec<u8>)>,
) -> Vec<(String, Vec<u8>)> {
    let mut words = answer::chosen_words(postings);
    words.extend(answer::chosen_phrases(phrases));
    words.sort_unstable();
    if words.is_empty() {
        return files;
    }
    // The files were all just encoded here, so they decode; were one not to, the index is
    // still whole without answers.
    let Ok(answers) = answer::answers(&meta, &files, &words) else {
        return files;
    };
    meta.answers = answers.iter().map(|(word, _)| word.clone()).collect();
    files[0] = (META_FILE.to_string(), meta.encode());
    for (i, (_, bytes)) in answers.into_iter().enumerate() {
        files.push((answer::answer_path(i), bytes));
    }
    files
}

/// The documents in id order (by category, so a category is a range of ids), and the
/// categories with their id ranges.
fn number_documents(docs: &[Document]) -> (Vec<&Document>, Vec<CategoryInfo>) {
    let mut order: Vec<&Document> = docs.iter().collect();
    order.sort_by(|a, b| {
        (&a.category, &a.url, &a.title, &a.body).cmp(&(&b.category, &b.url, &b.title, &b.body))
    });
    let mut categories: Vec<CategoryInfo> = Vec::new();
    for (id, d) in order.iter().enumerate() {
        match categories.last_mut() {
            Some(c) if c.slug == d.category => c.count += 1,
            _ => categories.push(CategoryInfo {
                slug: d.category.clone(),
                title: d.category_title.clone(),
                first: id as u32,
                count: 1,
            }),
        }
    }
    (order, categories)
}

/// The page of each document in id order: a section continues the page of the document
/// before it when they share the page's URL (numbering puts a page's sections after it).
fn number_pages(order: &[&Document]) -> Vec<u32> {
    let mut pages = Vec::with_capacity(order.len());
    let mut page = 0u32;
    for (id, d) in order.iter().enumerate() {
        if id > 0 && page_url(&order[id - 1].url) != page_url(&d.url) {
            page += 1;
        }
        pages.push(page);
    }
    pages
}

/// Per document: how often each term occurs in each field, and the fields' lengths in
/// words; the terms by number; and for each two terms written next to each other in a title,
/// summary or body (no word between them, not even a common one), how many documents do so.
/// Terms are numbered as first seen, so a document holds numbers, not strings: a big site's
/// words, each kept as its own string, were most of the memory of a build.
fn count_terms(order: &[&Document]) -> (Vec<String>, Vec<DocTerms>, PairMap<u32>) {
    let mut term_ids: HashMap<String, u32> = HashMap::new();
    let mut term_names: Vec<String> = Vec::new();
    let mut pair_docs: PairMap<u32> = PairMap::default();
    let counted: Vec<DocTerms> = order
        .iter()
        .map(|d| {
            let mut doc = DocTerms::default();
            let mut slot: HashMap<u32, usize> = HashMap::new();
            let mut pairs: Vec<u64> = Vec::new();
            // The page's title and tags are not a section's: their words would match every
            // section. A section keeps its page's tags for the tag filter only.
            let (title, tags) = if d.section.is_empty() {
                (&d.title, d.tags.join(" "))
            } else {
                (&d.section, String::new())
            };
            for (field, text) in [title, &tags, &d.summary, &d.body].into_iter().enumerate() {
                // The term before, and its place among the field's tokens.
                let mut before: Option<(usize, u32)> = None;
                for (at_token, token) in tokens(text).into_iter().enumerate() {
                    if !is_indexable(&token.term) {
                        continue;
                    }
                    let id = match term_ids.get(&token.term) {
                        Some(&id) => id,
                        None => {
                            let id = term_names.len() as u32;
                            term_ids.insert(token.term.clone(), id);
                            term_names.push(token.term);
                            id
                        }
                    };
                    // Tags are a list, not a text: two tags are no phrase.
                    if let Some((at, prev)) = before {
                        if field != 1 && at + 1 == at_token && prev != id {
                            pairs.push(u64::from(prev) << 32 | u64::from(id));
                        }
                    }
                    before = Some((at_token, id));
                    let at = *slot.entry(id).or_insert_with(|| {
                        doc.counts.push((id, [0; 4]));
                        doc.counts.len() - 1
                    });
                    doc.counts[at].1[field] += 1;
                    doc.lengths[field] += 1;
                }
            }
            pairs.sort_unstable();
            pairs.dedup();
            for pair in pairs {
                *pair_docs.entry(pair).or_insert(0) += 1;
            }
            doc
        })
        .collect();
    (term_names, counted, pair_docs)
}

/// Term → (documents, weight bytes): BM25 over the fields, built in document order so ids
/// come sorted; and the phrases of two terms.
fn postings_by_term(order: &[&Document]) -> (TermPostings, Phrases) {
    let (term_names, counted, pair_docs) = count_terms(order);
    let name = |id: u64| term_names[id as usize].as_str();
    let phrases: Phrases = pair_docs
        .into_iter()
        .filter(|&(_, docs)| docs as usize >= answer::MIN_ANSWER_DOCS)
        .map(|(pair, docs)| {
            (
                format!("{} {}", name(pair >> 32), name(pair & 0xffff_ffff)),
                docs,
            )
        })
        .collect();
    let n = order.len().max(1) as f32;
    let mut avg_len = [0f32; 4];
    for doc in &counted {
        for (i, len) in doc.lengths.iter().enumerate() {
            avg_len[i] += *len as f32 / n;
        }
    }
    let mut by_term: Vec<(Vec<u32>, Vec<u8>)> = vec![Default::default(); term_names.len()];
    for (id, doc) in counted.iter().enumerate() {
        for (term, counts) in &doc.counts {
            let mut weight = 0f32;
            for i in 0..4 {
                if counts[i] == 0 {
                    continue;
                }
                let tf = counts[i] as f32;
                let avg = if avg_len[i] > 0.0 { avg_len[i] } else { 1.0 };
                let norm = 1.0 - B + B * doc.lengths[i] as f32 / avg;
                weight += FIELD_WEIGHTS[i] * tf * (K1 + 1.0) / (tf + K1 * norm);
            }
            let mut q = (weight * WEIGHT_SCALE).round().clamp(1.0, 127.0) as u8;
            if counts[0] > 0 {
                q |= IN_TITLE;
            }
            let entry = &mut by_term[*term as usize];
            entry.0.push(id as u32);
            entry.1.push(q);
        }
    }
    drop(counted);
    (term_names.into_iter().zip(by_term).collect(), phrases)
}

/// Compound parts: every document containing a compound gets a posting under each part's
/// stem, with the compound's weight. Part stem → (document → weight byte).
fn compound_part_postings(
    terms: &[&String],
    stems: &HashMap<&str, String>,
    postings: &HashMap<String, (Vec<u32>, Vec<u8>)>,
) -> BTreeMap<String, BTreeMap<u32, u8>> {
    let lexicon = Lexicon::new(
        terms
            .iter()
            .map(|t| (t.as_str(), stems[t.as_str()].as_str())),
    );
    let mut part_docs: BTreeMap<String, BTreeMap<u32, u8>> = BTreeMap::new();
    for term in terms {
        let parts = lexicon.parts(term);
        if parts.is_empty() {
            continue;
        }
        let (ids, weights) = &postings[*term];
        let own_stem = &stems[term.as_str()];
        let mut part_stems: Vec<String> = parts
            .iter()
            .filter(|p| is_indexable(p))
            .map(|p| stem(p))
            .filter(|s| s != own_stem)
            .collect();
        part_stems.sort_unstable();
        part_stems.dedup();
        for ps in part_stems {
            let entry = part_docs.entry(ps).or_default();
            for (&d, &q) in ids.iter().zip(weights) {
                // A part is not the word of the title: only the weight carries over.
                let slot = entry.entry(d).or_insert(0);
                *slot = (*slot).max(q & !IN_TITLE);
            }
        }
    }
    part_docs
}

/// Stem groups in byte order of stems: each stem's word forms with their postings, and
/// its postings as a compound part.
fn stem_groups(
    terms: &[&String],
    stems: &HashMap<&str, String>,
    postings: &HashMap<String, (Vec<u32>, Vec<u8>)>,
    part_docs: BTreeMap<String, BTreeMap<u32, u8>>,
    doc_count: usize,
) -> BTreeMap<String, Group> {
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    let new_group = |s: &String| Group {
        stem: s.clone(),
        surfaces: Vec::new(),
        parts: None,
    };
    for term in terms {
        let s = &stems[term.as_str()];
        let (ids, weights) = &postings[*term];
        let group = groups.entry(s.clone()).or_insert_with(|| new_group(s));
        group.surfaces.push(Surface {
            term: (*term).clone(),
            postings: Postings {
                idf: idf(doc_count, ids.len()),
                docs: ids.clone(),
                weights: weights.clone(),
            },
        });
    }
    for (ps, docs) in part_docs {
        let group = groups.entry(ps.clone()).or_insert_with(|| new_group(&ps));
        group.parts = Some(Postings {
            idf: idf(doc_count, docs.len()),
            docs: docs.keys().copied().collect(),
            weights: docs.values().copied().collect(),
        });
    }
    groups
}

/// The shortest start of `first` that sorts after `last` (which sorts before `first`): where
/// a sorted file that begins with `first` begins, for a lookup, when the file before it ends
/// with `last`. Every key from the start on is at or after the start, every key of the file
/// before sorts before it, and a prefix that `first` begins with is a prefix of the start too
/// (so the start says whether the file may hold completions of a prefix).
pub fn separator(last: &str, first: &str) -> String {
    let mut end = 0;
    for ((i, a), b) in first
        .char_indices()
        .zip(last.chars().map(Some).chain(std::iter::repeat(None)))
    {
        end = i + a.len_utf8();
        if Some(a) != b {
            break;
        }
    }
    first[..end].to_string()
}

/// The groups cut into fragments of about [`FRAGMENT_TARGET_BYTES`], and where each begins
/// (see [`separator`]; the first begins at "", so every key falls in one).
fn cut_fragments(groups: BTreeMap<String, Group>) -> (Vec<Fragment>, Vec<String>) {
    let mut fragments: Vec<Fragment> = Vec::new();
    let mut starts: Vec<String> = Vec::new();
    let mut current = Fragment::default();
    let mut current_bytes = 0usize;
    for group in groups.into_values() {
        let mut w = crate::codec::Writer::new();
        group.encode(&mut w, "");
        if current_bytes > 0 && current_bytes + w.len() > FRAGMENT_TARGET_BYTES {
            fragments.push(std::mem::take(&mut current));
            current_bytes = 0;
        }
        if current.groups.is_empty() {
            starts.push(match fragments.last().and_then(|f| f.groups.last()) {
                Some(last) => separator(&last.stem, &group.stem),
                None => String::new(),
            });
        }
        current_bytes += w.len();
        current.groups.push(group);
    }
    if !current.groups.is_empty() || fragments.is_empty() {
        if current.groups.is_empty() {
            starts.push(String::new());
        }
        fragments.push(current);
    }
    (fragments, starts)
}

/// The indexed words that tolerate a typo, spelt backwards and sorted, cut into lists of
/// about [`WORD_LIST_TARGET_BYTES`]; and where each begins (see [`separator`]; the first
/// begins at "").
fn backwards_word_lists(terms: &[&String]) -> (Vec<WordList>, Vec<String>) {
    let mut backwards: Vec<String> = terms
        .iter()
        .filter(|t| t.chars().count() >= MIN_TYPO_LEN)
        .map(|t| t.chars().rev().collect())
        .collect();
    backwards.sort_unstable();
    let mut lists: Vec<WordList> = Vec::new();
    let mut starts: Vec<String> = Vec::new();
    let mut current = WordList::default();
    let mut current_bytes = 0usize;
    for word in backwards {
        if current_bytes + word.len() > WORD_LIST_TARGET_BYTES && !current.words.is_empty() {
            lists.push(std::mem::take(&mut current));
            current_bytes = 0;
        }
        if current.words.is_empty() {
            starts.push(match lists.last().and_then(|l| l.words.last()) {
                Some(last) => separator(last, &word),
                None => String::new(),
            });
        }
        current_bytes += word.len();
        current.words.push(word);
    }
    if !current.words.is_empty() {
        lists.push(current);
    }
    (lists, starts)
}

/// Tags (display names as given, sorted) with their counts, and the documents of each.
fn tag_lists(order: &[&Document]) -> (Vec<TagInfo>, Vec<Vec<u32>>) {
    let mut tag_docs: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (id, d) in order.iter().enumerate() {
        let mut tags: Vec<&str> = d.tags.iter().map(String::as_str).collect();
        tags.sort_unstable();
        tags.dedup();
        for t in tags {
            tag_docs.entry(t).or_default().push(id as u32);
        }
    }
    let tags: Vec<TagInfo> = tag_docs
        .iter()
        .map(|(name, docs)| TagInfo {
            name: name.to_string(),
            count: docs.len() as u32,
        })
        .collect();
    (tags, tag_docs.into_values().collect())
}

/// What a result shows of a document, and the text its snippet comes from.
fn doc_data(d: &Document) -> DocData {
    DocData {
        url: d.url.clone(),
        title: d.title.clone(),
        section: d.section.clone(),
        tags: d.tags.clone(),
        summary: d.summary.clone(),
        body: cut_at_char_boundary(&d.body, MAX_BODY_BYTES).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{postings_by_term, separator, Document};

    #[test]
    fn a_phrase_is_two_words_written_together_counted_once_per_document() {
        let doc = |title: &str, tags: &[&str], body: &str| Document {
            url: format!("praktijken/{title}/"),
            title: title.into(),
            category: "algemeen".into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            body: body.into(),
            ..Document::default()
        };
        let docs = [
            doc(
                "Een",
                &[],
                "Grote gezinnen wonen in grote gezinnen-woningen.",
            ),
            doc("Twee", &[], "Voor grote gezinnen."),
            // A word between them, or tags side by side: no phrase.
            doc("Drie", &[], "grote en gezinnen"),
            doc("Vier", &["grote", "gezinnen"], "woning"),
            doc("Vijf", &[], "Regionaal overleg."),
        ];
        let order: Vec<&Document> = docs.iter().collect();
        let (postings, phrases) = postings_by_term(&order);
        assert_eq!(postings["gezinnen"].0.len(), 4);
        assert_eq!(phrases.get("grote gezinnen"), Some(&2));
        // Written by one document only: left out.
        assert_eq!(phrases.get("regionaal overleg"), None);
        assert_eq!(phrases.get("gezinnen grote"), None);
        assert_eq!(phrases.len(), 1, "{phrases:?}");
    }

    #[test]
    fn a_separator_is_the_shortest_start_between_two_files() {
        assert_eq!(separator("huurtoeslag", "huurwoning"), "huurw");
        assert_eq!(separator("huur", "huurder"), "huurd");
        assert_eq!(separator("gemeente", "woning"), "w");
        assert_eq!(separator("coordinator", "coördinatie"), "coö");
        for (last, first) in [
            ("huurtoeslag", "huurwoning"),
            ("huur", "huurder"),
            ("a", "b"),
        ] {
            let s = separator(last, first);
            assert!(last < s.as_str() && s.as_str() <= first && first.starts_with(&s));
        }
    }
}
