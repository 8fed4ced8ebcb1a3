//! The word model synthetic practices are written with: a first-order Markov chain over the
//! sentences of the real practices (and the stappenplan), so that the text has the words, word
//! lengths, compounds and word pairs of real Dutch policy text, as the search index and the
//! markdown renderer will meet them.

use crate::rng::Rng;
use kennisbank::model::Content;
use std::collections::{BTreeMap, BTreeSet};

/// Sentence end marker in the chain.
const END: u32 = u32::MAX;

/// Short words that make a poor end of a title or heading.
const FUNCTION_WORDS: &[&str] = &[
    "de", "het", "een", "en", "van", "voor", "in", "met", "te", "op", "aan", "om", "die", "dat",
    "of", "bij", "naar", "door", "als", "is", "zijn", "wordt", "worden", "er", "ook", "tot", "uit",
    "over", "dan", "maar", "zo", "niet", "nog", "wel", "kan", "kunnen", "hun", "haar", "zich",
];

#[derive(Debug, Clone)]
pub struct Corpus {
    tokens: Vec<String>,
    /// Lowercased token → the tokens seen after it (with repetition, so frequent pairs are likely).
    next: BTreeMap<String, Vec<u32>>,
    /// Tokens that start a sentence.
    starts: Vec<u32>,
    /// The real titles, for a share of realistic titles.
    pub titles: Vec<String>,
    /// The real tags, most used first.
    pub tags: Vec<String>,
    /// Long content words, for extra tags in big sites.
    pub long_words: Vec<String>,
    /// Municipality names, for link labels and addresses.
    pub gemeenten: Vec<String>,
}

fn is_punctuation(token: &str) -> bool {
    matches!(token, "," | ";" | ":")
}

/// Splits plain text into word and punctuation tokens, with [`END`] after each sentence.
fn tokenize(text: &str, intern: &mut impl FnMut(&str) -> u32) -> Vec<u32> {
    let chunks: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, chunk) in chunks.iter().enumerate() {
        // Brackets and quotes would come out unbalanced once the chain recombines words.
        let cleaned: String = chunk
            .chars()
            .filter(|c| !"()\"‘’“”[]*".contains(*c))
            .collect();
        let chunk = cleaned.trim_matches('\'');
        if chunk.is_empty() {
            continue;
        }
        let next_is_lower = chunks
            .get(i + 1)
            .and_then(|n| {
                n.trim_start_matches(|c: char| !c.is_alphanumeric())
                    .chars()
                    .next()
            })
            .is_some_and(char::is_lowercase);
        let (word, tail) = match chunk
            .char_indices()
            .rev()
            .find(|(_, c)| !",;:.?!".contains(*c))
        {
            Some((at, c)) => chunk.split_at(at + c.len_utf8()),
            None => continue,
        };
        // "bijv." and "t.a.v." end in a full stop without ending the sentence.
        let abbreviation = tail.starts_with('.') && (word.contains('.') || next_is_lower);
        if abbreviation {
            out.push(intern(&format!("{word}.")));
            continue;
        }
        out.push(intern(word));
        if tail.contains(['.', '?', '!']) {
            out.push(END);
        } else if let Some(p) = tail.chars().next() {
            out.push(intern(&p.to_string()));
        }
    }
    if out.last().is_some_and(|&t| t != END) {
        out.push(END);
    }
    out
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Corpus {
    /// Builds the model from the real content and the municipality names.
    pub fn from_content(content: &Content, gemeenten: Vec<String>) -> Corpus {
        let mut texts: Vec<String> = content
            .practices
            .iter()
            .map(|p| kennisbank::markdown::to_plain_text(&p.body))
            .collect();
        let plan = &content.stappenplan;
        texts.push(kennisbank::markdown::to_plain_text(&plan.intro));
        for s in &plan.steps {
            texts.push(kennisbank::markdown::to_plain_text(&s.text));
        }
        for u in &plan.uitgangspunten {
            texts.push(kennisbank::markdown::to_plain_text(&u.text));
        }
        let mut tag_counts: BTreeMap<String, usize> = BTreeMap::new();
        for p in &content.practices {
            for t in &p.tags {
                *tag_counts.entry(t.clone()).or_default() += 1;
            }
        }
        let mut tags: Vec<(String, usize)> = tag_counts.into_iter().collect();
        tags.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let titles = content.practices.iter().map(|p| p.title.clone()).collect();
        Corpus::from_texts(
            &texts,
            titles,
            tags.into_iter().map(|(t, _)| t).collect(),
            gemeenten,
        )
    }

    /// Builds the model from plain texts.
    pub fn from_texts(
        texts: &[String],
        titles: Vec<String>,
        tags: Vec<String>,
        gemeenten: Vec<String>,
    ) -> Corpus {
        let mut tokens: Vec<String> = Vec::new();
        let mut ids: BTreeMap<String, u32> = BTreeMap::new();
        let mut intern = |t: &str| -> u32 {
            *ids.entry(t.to_string()).or_insert_with(|| {
                tokens.push(t.to_string());
                (tokens.len() - 1) as u32
            })
        };
        let streams: Vec<Vec<u32>> = texts.iter().map(|t| tokenize(t, &mut intern)).collect();
        let mut next: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut starts = Vec::new();
        for stream in &streams {
            let mut at_start = true;
            for pair in stream.windows(2) {
                if at_start && pair[0] != END {
                    starts.push(pair[0]);
                }
                at_start = pair[0] == END;
                if pair[0] != END {
                    next.entry(tokens[pair[0] as usize].to_lowercase())
                        .or_default()
                        .push(pair[1]);
                }
            }
            if stream.len() == 1 && stream[0] != END {
                starts.push(stream[0]);
            }
        }
        let known_tags: BTreeSet<String> = tags.iter().map(|t| t.to_lowercase()).collect();
        let long_words: BTreeSet<String> = tokens
            .iter()
            .filter(|t| t.chars().count() >= 9 && t.chars().all(|c| c.is_alphabetic()))
            .map(|t| t.to_lowercase())
            .filter(|t| !known_tags.contains(t))
            .collect();
        Corpus {
            tokens,
            next,
            starts,
            titles,
            tags,
            long_words: long_words.into_iter().collect(),
            gemeenten,
        }
    }

    /// How many different words the model knows.
    pub fn vocabulary(&self) -> usize {
        self.tokens.iter().filter(|t| !is_punctuation(t)).count()
    }

    /// The words of one sentence (punctuation as separate entries), `max` words at most.
    pub fn sentence_words(&self, rng: &mut Rng, max: usize) -> Vec<String> {
        let mut best: Vec<String> = Vec::new();
        // A chain can end after two words; retry a few times for a sentence of normal length.
        for _ in 0..4 {
            let mut words = Vec::new();
            let Some(&start) = rng.pick(&self.starts) else {
                return vec!["Tekst".into()];
            };
            let mut cur = start;
            loop {
                words.push(self.tokens[cur as usize].clone());
                if words.len() >= max {
                    break;
                }
                let Some(options) = self.next.get(&self.tokens[cur as usize].to_lowercase()) else {
                    break;
                };
                match rng.pick(options) {
                    Some(&END) | None => break,
                    Some(&t) => cur = t,
                }
            }
            while words.last().is_some_and(|w| is_punctuation(w)) {
                words.pop();
            }
            if words.len() > best.len() {
                best = words;
            }
            if best.len() >= 5 {
                break;
            }
        }
        if let Some(first) = best.first_mut() {
            *first = capitalize(first);
        }
        best
    }

    /// A sentence as text, ending in a full stop.
    pub fn sentence(&self, rng: &mut Rng) -> String {
        let mut s = join_words(&self.sentence_words(rng, 40));
        s.push('.');
        s
    }

    /// A short phrase for a title or heading: `min..=max` words, no punctuation, not ending in a
    /// function word.
    pub fn phrase(&self, rng: &mut Rng, min: usize, max: usize) -> String {
        let want = rng.between(min, max);
        let mut words: Vec<String> = self
            .sentence_words(rng, want + 3)
            .into_iter()
            .filter(|w| !is_punctuation(w) && !w.ends_with('.'))
            .take(want)
            .collect();
        while words.len() > 1
            && words
                .last()
                .is_some_and(|w| FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
        {
            words.pop();
        }
        if words.is_empty() {
            return "Praktijk".into();
        }
        words[0] = capitalize(&words[0]);
        words.join(" ")
    }
}

/// Joins words into text: punctuation sticks to the word before it.
pub fn join_words(words: &[String]) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() && !is_punctuation(w) {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Corpus {
        Corpus::from_texts(
            &[
                "De gemeente zoekt woningen voor vergunninghouders. Zij werkt samen met corporaties, bijv. in de regio.".into(),
                "Maak afspraken met woningcorporaties over de taakstelling: dat helpt. Leegstaande kantoren zijn geschikt.".into(),
            ],
            vec!["Afspraken met corporaties".into()],
            vec!["woningcorporaties".into()],
            vec!["Utrecht".into()],
        )
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let c = sample();
        assert!(c.tokens.iter().any(|t| t == "bijv."));
        assert!(c.starts.iter().all(|&s| c.tokens[s as usize] != "in"));
    }

    #[test]
    fn sentences_use_only_corpus_words_and_end_in_a_full_stop() {
        let c = sample();
        let mut rng = Rng::new(1);
        for _ in 0..50 {
            let s = c.sentence(&mut rng);
            assert!(s.ends_with('.'), "{s}");
            assert!(s.chars().next().is_some_and(char::is_uppercase), "{s}");
            for w in s.trim_end_matches('.').split_whitespace() {
                let w = w.trim_end_matches([',', ':', ';']).to_lowercase();
                assert!(
                    c.tokens.iter().any(|t| t.to_lowercase() == w),
                    "`{w}` is not a corpus word"
                );
            }
        }
    }

    #[test]
    fn phrases_do_not_end_in_function_words() {
        let c = sample();
        let mut rng = Rng::new(9);
        for _ in 0..50 {
            let p = c.phrase(&mut rng, 2, 6);
            let last = p
                .split_whitespace()
                .last()
                .unwrap_or_default()
                .to_lowercase();
            assert!(
                p.split_whitespace().count() == 1 || !FUNCTION_WORDS.contains(&last.as_str()),
                "{p}"
            );
            assert!(!p.contains(','), "{p}");
        }
    }
}
