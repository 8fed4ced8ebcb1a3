//! Dutch compound words: splitting a word into parts that are themselves
//! words of the index vocabulary, with the linking morphemes -s-, -e- and
//! -en- between them (`huisvesting+s+wet`, `woning+bouw+corporaties`).
//!
//! Only the build knows the whole vocabulary, so indexed words are split at
//! build time and each part gets a posting list of its own. Query words are
//! split in the searcher against the terms of the fetched fragments.

use std::collections::{HashMap, HashSet};

use crate::stem::stem;

/// Shortest part that may start a compound (`huur`, `zorg`, `bouw`).
pub const MIN_MODIFIER: usize = 4;
/// Shortest part that may end a compound (`wet` in `leegstandwet`).
pub const MIN_HEAD: usize = 3;
/// Words shorter than this are not split.
pub const MIN_COMPOUND: usize = 7;
/// Shortest unknown rest after a known first part (see `split_known_modifier`).
pub const MIN_UNKNOWN_HEAD: usize = 6;
/// Shortest known last part after an unknown first part (see `split_known_head`).
pub const MIN_KNOWN_HEAD: usize = 5;
/// Longest word that is split, and longest word whose tail may be learned as a head: splitting
/// costs time cubic in the length, and no Dutch compound is this long (the longest in the
/// dictionaries have about 60 letters). A pasted hash or token is not split at all.
pub const MAX_COMPOUND: usize = 64;
/// The prefix `her-` (again, as in `herverdeling`, `herhuisvesting`): the one first part
/// shorter than [`MIN_MODIFIER`], taken off only before a known last part (see
/// `split_known_head`).
pub const AGAIN: &str = "her";
/// Linking morphemes allowed between two parts, longest first.
pub const LINKS: [&str; 3] = ["en", "s", "e"];

/// The set of words a compound may be built from.
pub struct Lexicon {
    words: HashSet<String>,
}

impl Lexicon {
    /// Builds the lexicon from the folded words of a corpus and their stems.
    ///
    /// A head that is never used alone but ends at least two words whose
    /// modifiers are words (`toeslag` in `huurtoeslag` and `zorgtoeslag`) is
    /// added as well: small corpora rarely contain every head on its own.
    pub fn new<'a>(words: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut set: HashSet<String> = HashSet::new();
        let mut surfaces: Vec<&str> = Vec::new();
        for (word, stem) in words {
            if word.chars().count() >= MIN_HEAD {
                set.insert(word.to_string());
                surfaces.push(word);
            }
            if stem.chars().count() >= MIN_HEAD {
                set.insert(stem.to_string());
            }
        }
        let mut tails: HashMap<&str, u32> = HashMap::new();
        for word in &surfaces {
            if !word.is_ascii() || word.len() < MIN_MODIFIER + 6 || word.len() > MAX_COMPOUND {
                continue;
            }
            for cut in MIN_MODIFIER..=word.len() - 6 {
                if !set.contains(&word[..cut]) {
                    continue;
                }
                for start in [cut, cut + 1, cut + 2] {
                    if start == cut || link_at(word, cut, start) {
                        if let Some(tail) = word.get(start..) {
                            if tail.len() >= 6 {
                                *tails.entry(tail).or_insert(0) += 1;
                            }
                        }
                    }
                }
            }
        }
        let mut induced: Vec<&str> = tails
            .into_iter()
            .filter(|&(_, n)| n >= 2)
            .map(|(t, _)| t)
            .collect();
        induced.sort_unstable();
        let mut words = set;
        for tail in induced {
            words.insert(tail.to_string());
        }
        Lexicon { words }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Every part of `word` found by splitting it into the fewest lexicon
    /// words and then splitting those parts again; empty when `word` is not
    /// a compound. Parts are returned sorted and without duplicates.
    pub fn parts(&self, word: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.collect_parts(word, &mut out, 0);
        out.sort_unstable();
        out.dedup();
        out
    }

    fn collect_parts(&self, word: &str, out: &mut Vec<String>, depth: u32) {
        if depth > 4 {
            return;
        }
        if let Some(split) = self.split(word) {
            for part in split {
                self.collect_parts(&part, out, depth + 1);
                out.push(part);
            }
        }
    }

    /// The split of `word` into the fewest lexicon words (at least two),
    /// preferring the longest first part among equals.
    pub fn split(&self, word: &str) -> Option<Vec<String>> {
        if !word.is_ascii() || word.len() < MIN_COMPOUND || word.len() > MAX_COMPOUND {
            return None;
        }
        let n = word.len();
        // best[i]: fewest parts covering word[i..], with the end of the first part.
        let mut best: Vec<Option<(u32, usize, usize)>> = vec![None; n + 1];
        best[n] = Some((0, n, n));
        for i in (0..n).rev() {
            let mut choice: Option<(u32, usize, usize)> = None;
            for end in (i + MIN_HEAD..=n).rev() {
                let part = &word[i..end];
                if end == n && i == 0 {
                    continue;
                }
                let min_len = if end == n { MIN_HEAD } else { MIN_MODIFIER };
                if part.len() < min_len || !self.words.contains(part) {
                    continue;
                }
                let mut nexts = vec![end];
                if end < n {
                    for link in LINKS {
                        if word[end..].starts_with(link) && end + link.len() < n {
                            nexts.push(end + link.len());
                        }
                    }
                }
                for next in nexts {
                    if let Some((count, _, _)) = best[next] {
                        let candidate = (count + 1, end, next);
                        if choice.is_none_or(|c| candidate.0 < c.0) {
                            choice = Some(candidate);
                        }
                    }
                }
            }
            best[i] = choice;
        }
        if best[0].is_none_or(|b| b.0 < 2) {
            return self
                .split_known_modifier(word)
                .or_else(|| self.split_known_head(word));
        }
        let mut parts = Vec::new();
        let mut i = 0;
        while i < n {
            let (_, end, next) = best[i]?;
            parts.push(word[i..end].to_string());
            i = next;
        }
        Some(parts)
    }
}

impl Lexicon {
    /// The fallback split: the longest lexicon word that starts `word`, and
    /// a rest of [`MIN_UNKNOWN_HEAD`] letters or more that the lexicon does
    /// not know (`verhuis+coordinator`, `kamer+gewijze`). A wrong split only
    /// adds postings under a word nobody searches for.
    fn split_known_modifier(&self, word: &str) -> Option<Vec<String>> {
        let n = word.len();
        for cut in (MIN_MODIFIER..=n.saturating_sub(MIN_UNKNOWN_HEAD)).rev() {
            let modifier = &word[..cut];
            if !self.words.contains(modifier) || crate::normalize::is_stop_word(modifier) {
                continue;
            }
            let mut start = cut;
            for link in LINKS {
                if word[cut..].starts_with(link) && n - cut - link.len() >= MIN_UNKNOWN_HEAD {
                    // A linking -s-/-e-/-en- only when the rest without it is
                    // no worse a word: keep `verhuis+coordinator` intact.
                    // After -ing, -heid, -schap, -teit the -s- is the rule of
                    // the language (`huisvesting+s+verordening`), so it goes
                    // even when the rest is unknown.
                    let rest = &word[cut + link.len()..];
                    if self.knows(rest) || (link == "s" && takes_linking_s(modifier)) {
                        start = cut + link.len();
                    }
                    break;
                }
            }
            return Some(vec![modifier.to_string(), word[start..].to_string()]);
        }
        None
    }

    /// The other fallback: the longest lexicon word of [`MIN_KNOWN_HEAD`]
    /// letters or more that ends `word`, after an unknown first part
    /// (`zorg+toeslag` when only `toeslag` is known). The head may be known
    /// by its stem only: the last part carries the inflection of the whole
    /// (`bouw+corporaties` when the corpus has `corporatie`).
    fn split_known_head(&self, word: &str) -> Option<Vec<String>> {
        let n = word.len();
        // `her-` (again) is shorter than any first part, but begins words whose rest is what
        // they are about: `herverdeling` is a `verdeling` done again.
        let first_cut = if word.starts_with(AGAIN) {
            AGAIN.len()
        } else {
            MIN_MODIFIER
        };
        for cut in first_cut..=n.saturating_sub(MIN_KNOWN_HEAD) {
            let head = &word[cut..];
            if self.knows(head) && !crate::normalize::is_stop_word(head) {
                return Some(vec![word[..cut].to_string(), head.to_string()]);
            }
        }
        None
    }

    /// `word` or its stem is a lexicon word.
    fn knows(&self, word: &str) -> bool {
        self.words.contains(word) || self.words.contains(&stem(word))
    }
}

/// Dutch nouns ending in these take a linking -s- in compounds
/// (`huisvesting+s+wet`, `gezondheid+s+zorg`, `universiteit+s+bibliotheek`).
const LINKING_S_SUFFIXES: [&str; 4] = ["ing", "heid", "schap", "teit"];

fn takes_linking_s(modifier: &str) -> bool {
    LINKING_S_SUFFIXES.iter().any(|s| modifier.ends_with(s))
}

/// Whether `word[cut..start]` is a linking morpheme.
fn link_at(word: &str, cut: usize, start: usize) -> bool {
    word.get(cut..start).is_some_and(|l| LINKS.contains(&l))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(words: &[&str]) -> Lexicon {
        let stems: Vec<(String, String)> = words.iter().map(|w| (w.to_string(), stem(w))).collect();
        Lexicon::new(stems.iter().map(|(w, s)| (w.as_str(), s.as_str())))
    }

    #[test]
    fn compound_splits_into_lexicon_words() {
        let lex = lexicon(&["huur", "zorg", "toeslag", "huurtoeslag"]);
        assert_eq!(lex.split("huurtoeslag").unwrap(), ["huur", "toeslag"]);
        assert_eq!(lex.split("zorgtoeslag").unwrap(), ["zorg", "toeslag"]);
    }

    #[test]
    fn linking_s_between_parts_is_skipped() {
        let lex = lexicon(&["huisvesting", "wet", "leegstand"]);
        assert_eq!(
            lex.split("huisvestingswet").unwrap(),
            ["huisvesting", "wet"]
        );
        assert_eq!(lex.split("leegstandwet").unwrap(), ["leegstand", "wet"]);
    }

    #[test]
    fn nested_compounds_give_all_parts() {
        let lex = lexicon(&["woning", "bouw", "corporaties", "woningbouw"]);
        assert_eq!(
            lex.split("woningbouwcorporaties").unwrap(),
            ["woningbouw", "corporaties"]
        );
        assert_eq!(
            lex.parts("woningbouwcorporaties"),
            ["bouw", "corporaties", "woning", "woningbouw"]
        );
    }

    #[test]
    fn head_shared_by_two_compounds_is_learned() {
        // `toeslag` never occurs alone, but ends two compounds of known words.
        let lex = lexicon(&["huur", "zorg", "huurtoeslag", "zorgtoeslag"]);
        assert!(lex.contains("toeslag"));
        assert_eq!(lex.split("zorgtoeslag").unwrap(), ["zorg", "toeslag"]);
    }

    #[test]
    fn known_first_part_splits_off_an_unknown_rest() {
        let lex = lexicon(&["verhuizen", "kamer", "zorg"]);
        assert_eq!(
            lex.split("verhuiscoordinator").unwrap(),
            ["verhuis", "coordinator"]
        );
        assert_eq!(lex.split("kamergewijze").unwrap(), ["kamer", "gewijze"]);
        // The rest must be long enough to be a word of its own.
        assert!(lex.split("zorgen").is_none());
    }

    #[test]
    fn known_last_part_splits_off_an_unknown_first_part() {
        let lex = lexicon(&["toeslagen"]);
        assert_eq!(lex.split("zorgtoeslag").unwrap(), ["zorg", "toeslag"]);
        assert!(lex.split("toeslagen").is_none());
    }

    #[test]
    fn unknown_rest_after_an_ing_word_drops_the_linking_s() {
        // `verordening` never occurs alone; the -s- after -ing still links.
        let lex = lexicon(&["huisvesting", "zorg"]);
        assert_eq!(
            lex.split("huisvestingsverordening").unwrap(),
            ["huisvesting", "verordening"]
        );
        // Other first parts keep an `s` that may belong to the rest.
        let lex = lexicon(&["verhuis"]);
        assert_eq!(
            lex.split("verhuisstrategie").unwrap(),
            ["verhuis", "strategie"]
        );
    }

    #[test]
    fn head_known_by_its_stem_splits_off_an_unknown_first_part() {
        // Only the singular `corporatie` is a word of the corpus.
        let lex = lexicon(&["woning", "corporatie"]);
        assert_eq!(
            lex.split("bouwcorporaties").unwrap(),
            ["bouw", "corporaties"]
        );
        assert_eq!(
            lex.parts("woningbouwcorporaties"),
            ["bouw", "bouwcorporaties", "corporaties", "woning"]
        );
    }

    #[test]
    fn the_prefix_her_splits_off_before_a_known_word() {
        let lex = lexicon(&["verdeling", "komst"]);
        assert_eq!(lex.split("herverdeling").unwrap(), ["her", "verdeling"]);
        // Only `her-`: other three-letter beginnings stay too short to be a part.
        assert!(lex.split("onverdeling").is_none());
        // Only before a known word of five letters or more.
        assert!(lex.split("hervestiging").is_none());
    }

    #[test]
    fn overlong_words_are_not_split() {
        let long = "huur".repeat(25_000);
        let lex = lexicon(&["huur", "toeslag", &long, &"a".repeat(100_000)]);
        assert!(lex.split(&long).is_none());
        assert!(lex.parts(&"a".repeat(100_000)).is_empty());
        // The longest word that is still split.
        let longest = format!("{}toeslag", "huur".repeat((MAX_COMPOUND - 7) / 4));
        assert!(longest.len() <= MAX_COMPOUND);
        assert_eq!(lex.split(&longest).unwrap().len(), longest.len() / 4);
    }

    #[test]
    fn plain_words_are_not_split() {
        let lex = lexicon(&["huis", "vesting", "ver", "huur", "verhuur", "zorg"]);
        // `ver` is shorter than a modifier may be.
        assert!(lex.split("verhuur").is_none());
        assert!(lex.split("huur").is_none());
        assert!(lex.parts("gemeente").is_empty());
    }
}
