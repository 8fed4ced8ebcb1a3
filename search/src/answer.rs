//! Answers worked out when the index is built: the first page of results of the index's most
//! frequent words, and of its most frequent phrases of two words, each asked as a visitor types
//! it on the search page.
//!
//! Without them a query takes two dependent steps after the engine is loaded: the words' term
//! fragments (which documents match), then the ten documents to show, and on HTTP/1.1 ten
//! files are two waves of requests. The first page of such a query depends only on the
//! index, so the build can compute it: `a/N.bin` holds the [`Results`] of the N-th query of
//! [`Meta::answers`], and a searcher asked that query without filters fetches that one file
//! instead (one wave). Anything else (other words, a filter, the next page) takes the usual
//! path. An answer is the usual path's results over the whole index (tested), so the list, the
//! counts and the order are those of any other way to the query; a snippet may mark one form
//! of a word more than a page that loaded only the word's own fragments would.
//!
//! A phrase is two words written next to each other in the text (`grote gezinnen`, `regionaal
//! overleg`), as a visitor types a subject; two words the text never writes together
//! (`tijdelijke huisvesting` where it says `tijdelijke huisvestingsvoorziening`) take the usual
//! path.

use std::collections::HashMap;

use crate::codec::{DecodeError, Reader, Writer};
use crate::format::{Meta, IN_TITLE, TAGS_FILE};
use crate::searcher::{parse_words, Filters, Hit, Results, Searcher};

/// Results per answer: the search page's first page (`PAGE_SIZE` in `zoeken.js`).
pub const ANSWER_LIMIT: usize = 10;
/// A word gets an answer when at least this many documents hold it: on a small site most words a
/// visitor types are held by a few pages (on the real content `huurtoeslag` by 2), and a word of
/// one page is left to the usual path (its fragment, then one document).
pub const MIN_ANSWER_DOCS: usize = 2;
/// At most this many words get an answer, those held by most documents: each costs the build a
/// search (at 10,000 practices the 256 words and 256 phrases take about 0.55 s on two threads),
/// one file of about 2 KB, and every visitor's metadata a few bytes (the word,
/// prefix-compressed: 256 words are 1 KB gzip, 256 phrases 1.3 KB). A small site's index ships
/// whole instead ([`crate::whole`]) and needs none.
pub const MAX_WORD_ANSWERS: usize = 256;
/// At most this many phrases of two words get an answer, those held by most documents; at the
/// same cost per answer as a word.
pub const MAX_PHRASE_ANSWERS: usize = 256;
/// At most this many answers in all.
pub const MAX_ANSWERS: usize = MAX_WORD_ANSWERS + MAX_PHRASE_ANSWERS;

const ANSWER_VERSION: u8 = 2;

/// Path of answer `i`.
pub fn answer_path(i: usize) -> String {
    format!("a/{i}.bin")
}

/// What `query` asks as it is typed, as an answer is named, if it is a query an answer can give:
/// one word, still being typed (no space after it), or two words typed next to each other (no
/// word between them) of which the second is still being typed. Named by the folded words with
/// one space between (`Grote  Gezinnen` is `grote gezinnen`).
pub fn answered_key(query: &str) -> Option<String> {
    let (words, follows) = parse_words(query);
    match words.as_slice() {
        [w] if w.prefix => Some(w.term.clone()),
        [a, b] if !a.prefix && b.prefix && follows[1] => Some(format!("{} {}", a.term, b.term)),
        _ => None,
    }
}

/// Whether a search with these filters and limit may be answered from an answer file.
pub fn answerable(filters: &Filters, limit: usize) -> bool {
    filters.category.is_none() && filters.tag.is_none() && limit == ANSWER_LIMIT
}

/// The words that get an answer, sorted: of the words held by at least [`MIN_ANSWER_DOCS`]
/// documents that a query of the word alone asks for as such, and that are not only digits (a
/// telephone number, a year: rarely searched alone), the [`MAX_WORD_ANSWERS`] held by most documents;
/// among words held by as many, those that weigh most in them (in titles and headings, often),
/// as those are the subjects visitors look for.
pub fn chosen_words(postings: &HashMap<String, (Vec<u32>, Vec<u8>)>) -> Vec<String> {
    let mut frequent: Vec<(&String, usize, u32)> = postings
        .iter()
        .filter(|(term, (docs, _))| {
            docs.len() >= MIN_ANSWER_DOCS
                && !term.bytes().all(|b| b.is_ascii_digit())
                && answered_key(term).as_deref() == Some(term.as_str())
        })
        .map(|(term, (docs, weights))| {
            let weight = weights.iter().map(|&w| u32::from(w & !IN_TITLE)).sum();
            (term, docs.len(), weight)
        })
        .collect();
    frequent.sort_unstable_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| b.2.cmp(&a.2))
            .then_with(|| a.0.cmp(b.0))
    });
    let mut words: Vec<String> = frequent
        .into_iter()
        .take(MAX_WORD_ANSWERS)
        .map(|(t, _, _)| t.clone())
        .collect();
    words.sort_unstable();
    words
}

/// The phrases that get an answer, sorted: of the phrases (two words written next to each
/// other, with the number of documents that do so) that a query of the two words asks for as
/// such, and of which neither word is only digits, the [`MAX_PHRASE_ANSWERS`] held by most
/// documents.
pub fn chosen_phrases(phrases: &HashMap<String, u32>) -> Vec<String> {
    let mut frequent: Vec<(&String, u32)> = phrases
        .iter()
        .filter(|(phrase, &docs)| {
            docs as usize >= MIN_ANSWER_DOCS
                && !phrase
                    .split(' ')
                    .any(|w| w.bytes().all(|b| b.is_ascii_digit()))
                && answered_key(phrase).as_deref() == Some(phrase.as_str())
        })
        .map(|(phrase, &docs)| (phrase, docs))
        .collect();
    frequent.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut chosen: Vec<String> = frequent
        .into_iter()
        .take(MAX_PHRASE_ANSWERS)
        .map(|(p, _)| p.clone())
        .collect();
    chosen.sort_unstable();
    chosen
}

/// Rounds of fetching one word may take before its answer is given up (more than the search
/// page's six; a word needs two or three).
const MAX_ROUNDS: usize = 8;

/// The answers of `words` over the index `files` (whose metadata lists no answers yet), in
/// order, as `(word, answer file)`: each word searched the usual way over the whole index
/// (with the tag file, for the tag counts; of the documents only those shown are decoded);
/// the words shared among the processors. A word whose files do not settle
/// within [`MAX_ROUNDS`] gets none.
pub fn answers(
    meta: &Meta,
    files: &[(String, Vec<u8>)],
    words: &[String],
) -> Result<Vec<(String, Vec<u8>)>, DecodeError> {
    let by_path: HashMap<&str, &[u8]> = files
        .iter()
        .map(|(path, bytes)| (path.as_str(), bytes.as_slice()))
        .collect();
    let meta = meta.encode();
    let threads = worker_count().min(words.len()).max(1);
    // Each thread answers a run of the (alphabetical) words; the runs come back in order.
    let run = words.len().div_ceil(threads).max(1);
    let parts: Vec<Result<Vec<Option<Vec<u8>>>, DecodeError>> = if threads == 1 {
        vec![answer_words(&meta, &by_path, words)]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = words
                .chunks(run)
                .map(|chunk| {
                    let (meta, by_path) = (&meta, &by_path);
                    scope.spawn(move || answer_words(meta, by_path, chunk))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    let mut answers = Vec::with_capacity(words.len());
    for (word, answer) in words.iter().zip(
        parts
            .into_iter()
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .flatten(),
    ) {
        if let Some(bytes) = answer {
            answers.push((word.clone(), bytes));
        }
    }
    Ok(answers)
}

/// Threads to answer on: the processors there are (the build does nothing else meanwhile).
fn worker_count() -> usize {
    if cfg!(target_arch = "wasm32") {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// The answer file of each of `words`, `None` for a word whose files did not settle.
fn answer_words(
    meta: &[u8],
    by_path: &HashMap<&str, &[u8]>,
    words: &[String],
) -> Result<Vec<Option<Vec<u8>>>, DecodeError> {
    // Every term fragment and word list at once (a few milliseconds), so that a word needs
    // one more round (its documents) instead of two or three. With the whole index a word's
    // snippets may mark a form of it more than a page that loaded only its own fragments would.
    let mut searcher = Searcher::new(meta)?;
    for (path, bytes) in by_path {
        if path.starts_with("t/") || path.starts_with("r/") || *path == TAGS_FILE {
            searcher.add_unstamped(path, bytes)?;
        }
    }
    let none = Filters::default();
    let mut answers = Vec::new();
    for word in words {
        let mut settled = false;
        for _ in 0..MAX_ROUNDS {
            let needed = searcher.needed_files(word, &none, ANSWER_LIMIT);
            if needed.is_empty() {
                settled = true;
                break;
            }
            // Documents alone are asked for once nothing else is missing, and then they are
            // all of the first page's: with them added the word is settled, and asking again
            // would rank it once more for nothing (a third of the time answers take).
            let only_documents = needed.iter().all(|p| p.starts_with("d/"));
            for path in needed {
                let bytes = by_path
                    .get(path.as_str())
                    .ok_or_else(|| DecodeError::new(format!("{path}: not in the index")))?;
                searcher.add_unstamped(&path, bytes)?;
            }
            if only_documents {
                settled = true;
                break;
            }
        }
        answers.push(settled.then(|| encode(&searcher.search(word, &none, ANSWER_LIMIT))));
    }
    Ok(answers)
}

fn write_counts(w: &mut Writer, counts: &[(String, usize)]) {
    w.usize(counts.len());
    for (name, n) in counts {
        w.str(name);
        w.usize(*n);
    }
}

fn read_counts(r: &mut Reader<'_>) -> Result<Vec<(String, usize)>, DecodeError> {
    let n = r.count()?;
    let mut counts = Vec::with_capacity(n);
    for _ in 0..n {
        let name = r.str()?.to_string();
        counts.push((name, r.varint()? as usize));
    }
    Ok(counts)
}

/// An answer file: [`Results`] as they are, field by field.
pub fn encode(results: &Results) -> Vec<u8> {
    let mut w = Writer::new();
    w.u8(ANSWER_VERSION);
    w.usize(results.total);
    w.usize(results.exact_total);
    match &results.suggestion {
        Some(s) => {
            w.u8(1);
            w.str(s);
        }
        None => w.u8(0),
    }
    w.usize(results.hits.len());
    for h in &results.hits {
        w.str(&h.url);
        w.str(&h.title);
        w.str(&h.section);
        w.u8(h.exact.into());
        w.usize(h.marks.len());
        for m in &h.marks {
            w.str(m);
        }
        w.str(&h.link);
        w.str(&h.category);
        w.str(&h.category_title);
        w.varint(h.score.to_bits().into());
        w.str(&h.snippet);
        w.usize(h.more);
    }
    write_counts(&mut w, &results.category_counts);
    write_counts(&mut w, &results.tag_counts);
    w.buf
}

pub fn decode(data: &[u8]) -> Result<Results, DecodeError> {
    let mut r = Reader::new(data);
    if r.u8()? != ANSWER_VERSION {
        return Err(DecodeError::new("not an answer file of this version"));
    }
    let total = r.varint()? as usize;
    let exact_total = r.varint()? as usize;
    let suggestion = match r.u8()? {
        0 => None,
        _ => Some(r.str()?.to_string()),
    };
    let n = r.count()?;
    let mut hits = Vec::with_capacity(n.min(ANSWER_LIMIT));
    for _ in 0..n {
        let url = r.str()?.to_string();
        let title = r.str()?.to_string();
        let section = r.str()?.to_string();
        let exact = r.u8()? != 0;
        let m = r.count()?;
        let mut marks = Vec::with_capacity(m);
        for _ in 0..m {
            marks.push(r.str()?.to_string());
        }
        hits.push(Hit {
            url,
            title,
            section,
            exact,
            marks,
            link: r.str()?.to_string(),
            category: r.str()?.to_string(),
            category_title: r.str()?.to_string(),
            score: f32::from_bits(
                u32::try_from(r.varint()?).map_err(|_| DecodeError::new("bad score"))?,
            ),
            snippet: r.str()?.to_string(),
            more: r.varint()? as usize,
        });
    }
    let category_counts = read_counts(&mut r)?;
    let tag_counts = read_counts(&mut r)?;
    if !r.at_end() {
        return Err(DecodeError::new("trailing bytes after the answer"));
    }
    Ok(Results {
        total,
        exact_total,
        suggestion,
        hits,
        category_counts,
        tag_counts,
        only_common_words: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word_or_two_written_together_as_typed_without_filters_on_the_first_page_is_answered() {
        assert_eq!(answered_key("Huurtoeslag").as_deref(), Some("huurtoeslag"));
        assert_eq!(answered_key("huurtoeslag "), None);
        assert_eq!(answered_key(""), None);
        assert_eq!(
            answered_key("Regionaal  Overleg").as_deref(),
            Some("regionaal overleg")
        );
        // The second word done, a word between them, or a third word: asked otherwise.
        assert_eq!(answered_key("regionaal overleg "), None);
        assert_eq!(answered_key("regionaal en overleg"), None);
        assert_eq!(answered_key("grote gezinnen woning"), None);
        assert!(answerable(&Filters::default(), ANSWER_LIMIT));
        assert!(!answerable(&Filters::default(), 2 * ANSWER_LIMIT));
        let category = Filters {
            category: Some("medisch".into()),
            tag: None,
        };
        assert!(!answerable(&category, ANSWER_LIMIT));
    }

    #[test]
    fn the_words_held_by_most_documents_are_answered_and_ties_go_to_the_weightier() {
        let posting =
            |docs: u32, weight: u8| ((0..docs).collect::<Vec<u32>>(), vec![weight; docs as usize]);
        let mut postings: HashMap<String, (Vec<u32>, Vec<u8>)> = HashMap::new();
        postings.insert("huurtoeslag".into(), posting(2, 40 | IN_TITLE));
        postings.insert("woning".into(), posting(30, 10));
        postings.insert("alleen".into(), posting(2, 5));
        // A telephone number or a year, and a word of one page: left to the usual path.
        postings.insert("0881234567".into(), posting(40, 10));
        postings.insert("buddy".into(), posting(1, 90));
        assert_eq!(chosen_words(&postings), ["alleen", "huurtoeslag", "woning"]);

        // Past the limit, of two words held by two pages the one that weighs more is kept.
        for i in 0..MAX_WORD_ANSWERS - 2 {
            postings.insert(format!("woord{i:03}x"), posting(3, 10));
        }
        let chosen = chosen_words(&postings);
        assert_eq!(chosen.len(), MAX_WORD_ANSWERS);
        assert!(chosen.contains(&"huurtoeslag".to_string()));
        assert!(!chosen.contains(&"alleen".to_string()));
    }

    #[test]
    fn the_phrases_held_by_most_documents_are_answered_if_typing_them_asks_for_them() {
        let mut phrases: HashMap<String, u32> = HashMap::new();
        phrases.insert("grote gezinnen".into(), 40);
        phrases.insert("regionaal overleg".into(), 3);
        // Once: left to the usual path. Digits, and a pair a query would not ask as such (a
        // word of one letter, a word twice).
        phrases.insert("medische urgentie".into(), 1);
        phrases.insert("artikel 29".into(), 50);
        phrases.insert("woning woning".into(), 50);
        phrases.insert("a woning".into(), 50);
        assert_eq!(
            chosen_phrases(&phrases),
            ["grote gezinnen", "regionaal overleg"]
        );
        for i in 0..MAX_PHRASE_ANSWERS {
            phrases.insert(format!("woord{i:03}x vaak"), 4);
        }
        let chosen = chosen_phrases(&phrases);
        assert_eq!(chosen.len(), MAX_PHRASE_ANSWERS);
        assert!(chosen.contains(&"grote gezinnen".to_string()));
        assert!(!chosen.contains(&"regionaal overleg".to_string()));
    }

    #[test]
    fn an_answer_file_reads_back_as_written_and_a_cut_one_is_refused() {
        let results = Results {
            total: 12,
            exact_total: 11,
            suggestion: Some("woning".into()),
            hits: vec![Hit {
                url: "/praktijken/a/#stap-2".into(),
                title: "Titel".into(),
                section: "Stap 2".into(),
                exact: true,
                marks: vec!["woning".into(), "woningen".into()],
                link: "/praktijken/a/?q=woning#stap-2".into(),
                category: "algemeen".into(),
                category_title: "Algemeen".into(),
                score: 3.25,
                snippet: "een <mark>woning</mark>".into(),
                more: 4,
            }],
            category_counts: vec![("algemeen".into(), 12)],
            only_common_words: false,
            tag_counts: vec![("huur".into(), 3)],
        };
        let bytes = encode(&results);
        assert_eq!(decode(&bytes).unwrap(), results);
        assert!(decode(&bytes[..bytes.len() - 3]).is_err());
    }
}
