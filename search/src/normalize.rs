//! Text normalisation shared by indexing and querying: case and diacritics
//! folding, tokenising and Dutch stop words.
//!
//! Everything that turns text into terms goes through [`tokens`], so a word
//! typed in the search box and the same word in a page always meet.

/// One word of a text: its byte span in the original text and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub term: String,
}

/// Lower-cases `c` and strips diacritics, appending the result to `out` (the one table, in
/// `textkit`, that the generator's slugs use too).
pub use textkit::fold_char;

/// Folds a whole string (case and diacritics), keeping every other character.
pub use textkit::fold;

/// Letters and digits make words. Outside ASCII every character counts as a
/// letter except the punctuation and symbol blocks, which avoids Unicode
/// property tables in the WebAssembly module.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(c as u32,
        0x80..=0xBF              // Latin-1 punctuation and symbols, no-break space
        | 0xD7 | 0xF7            // × ÷
        | 0x2000..=0x2BFF        // general punctuation, symbols, arrows, shapes
        | 0x2E00..=0x2E7F        // supplemental punctuation
        | 0x3000..=0x303F        // CJK punctuation
        | 0xFE10..=0xFE6F        // vertical and small forms
        | 0xFEFF                 // byte order mark
        | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65
        | 0xFFF0..=0xFFFF
        | 0x1F000..=0x1FAFF      // emoji and pictographs
    )
}

/// The longest word that an ampersand joins to its neighbour: the letters of an
/// abbreviation such as `B&W` (burgemeester en wethouders), `J&V` or `R&D`.
const AMPERSAND_PART_MAX: usize = 3;

/// Splits `text` into folded words. Anything that is not a letter or digit
/// separates words, so `huur- en zorgtoeslag` gives `huur`, `en`, `zorgtoeslag`;
/// except that an ampersand between short words makes one word of an
/// abbreviation: `B&W` gives `bw` (spanning `B&W`), as `J&V` gives `jv`, while
/// `Zorg&Welzijn` or `B & W` stay apart.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = split_words(text);
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let joined = &text[a.end..b.start] == "&"
            && text[a.start..a.end].chars().count() <= AMPERSAND_PART_MAX
            && text[b.start..b.end].chars().count() <= AMPERSAND_PART_MAX;
        if joined {
            let b = out.remove(i + 1);
            out[i].end = b.end;
            out[i].term.push_str(&b.term);
        } else {
            i += 1;
        }
    }
    out
}

/// [`tokens`] before abbreviations are joined: every run of letters and digits.
fn split_words(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            let (_, term) = current.get_or_insert_with(|| (i, String::new()));
            fold_char(c, term);
        } else if let Some((start, term)) = current.take() {
            out.push(Token {
                start,
                end: i,
                term,
            });
        }
    }
    if let Some((start, term)) = current {
        out.push(Token {
            start,
            end: text.len(),
            term,
        });
    }
    out
}

/// Why a text cannot stand as one searchable word (see [`single_word`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotOneWord {
    /// No letters or digits at all.
    Empty,
    /// Two words or more (`tijdelijke woning`).
    Several,
    /// A stop word or a single character, which the index leaves out.
    Ignored,
}

/// `text` folded as the index folds it, when it is exactly one word the index
/// keeps: how a synonym must be written.
pub fn single_word(text: &str) -> Result<String, NotOneWord> {
    let mut toks = tokens(text);
    if toks.len() > 1 {
        return Err(NotOneWord::Several);
    }
    let term = toks.pop().ok_or(NotOneWord::Empty)?.term;
    if is_indexable(&term) {
        Ok(term)
    } else {
        Err(NotOneWord::Ignored)
    }
}

/// Whether a folded word is worth indexing: two characters or more, or one
/// digit ("stap 2", "uitgangspunt 3", "lid 2" name parts of the text), and
/// not a stop word.
pub fn is_indexable(term: &str) -> bool {
    is_long_enough(term) && !is_stop_word(term)
}

/// Whether a folded word says enough to be searched for: two characters or
/// more, or one digit. A single letter is left out.
pub fn is_long_enough(term: &str) -> bool {
    let mut chars = term.chars();
    match (chars.next(), chars.next()) {
        (Some(_), Some(_)) => true,
        (Some(c), None) => c.is_ascii_digit(),
        (None, _) => false,
    }
}

/// The Snowball list of Dutch stop words (folded). Sorted, for binary search.
const STOP_WORDS: &[&str] = &[
    "aan", "al", "alles", "als", "altijd", "andere", "ben", "bij", "daar", "dan", "dat", "de",
    "der", "deze", "die", "dit", "doch", "doen", "door", "dus", "een", "eens", "en", "er", "ge",
    "geen", "geweest", "haar", "had", "heb", "hebben", "heeft", "hem", "het", "hier", "hij", "hoe",
    "hun", "iemand", "iets", "ik", "in", "is", "ja", "je", "kan", "kon", "kunnen", "maar", "me",
    "meer", "men", "met", "mij", "mijn", "moet", "na", "naar", "niet", "niets", "nog", "nu", "of",
    "om", "omdat", "onder", "ons", "ook", "op", "over", "reeds", "te", "tegen", "toch", "toen",
    "tot", "u", "uit", "uw", "van", "veel", "voor", "want", "waren", "was", "wat", "werd", "wezen",
    "wie", "wil", "worden", "wordt", "zal", "ze", "zelf", "zich", "zij", "zijn", "zo", "zonder",
    "zou",
];

/// Whether a folded word is a Dutch stop word.
pub fn is_stop_word(term: &str) -> bool {
    STOP_WORDS.binary_search(&term).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_word_folds_one_kept_word_and_says_why_not() {
        assert_eq!(
            single_word(" Statushouder "),
            Ok("statushouder".to_string())
        );
        assert_eq!(single_word("tijdelijke woning"), Err(NotOneWord::Several));
        assert_eq!(single_word("de"), Err(NotOneWord::Ignored));
        assert_eq!(single_word("x"), Err(NotOneWord::Ignored));
        assert_eq!(single_word(" - "), Err(NotOneWord::Empty));
    }

    fn terms(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn stop_word_list_is_sorted_for_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOP_WORDS);
    }

    #[test]
    fn folding_removes_case_and_diacritics() {
        assert_eq!(fold("Verhuiscoördinator"), "verhuiscoordinator");
        assert_eq!(fold("Één CRÈME brûlée"), "een creme brulee");
        assert_eq!(fold("ĲSSELMEER"), "ijsselmeer");
    }

    #[test]
    fn tokens_split_on_punctuation_and_keep_spans() {
        let text = "Huur- en zorgtoeslag (J&V), één keer!";
        let toks = tokens(text);
        let words: Vec<&str> = toks.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(words, ["huur", "en", "zorgtoeslag", "jv", "een", "keer"]);
        let een = &toks[4];
        assert_eq!(&text[een.start..een.end], "één");
    }

    #[test]
    fn an_ampersand_joins_the_letters_of_an_abbreviation_only() {
        let text = "college van B&W, COA/J&V/BZK en R&D&A";
        let toks = tokens(text);
        let words: Vec<&str> = toks.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(
            words,
            ["college", "van", "bw", "coa", "jv", "bzk", "en", "rda"]
        );
        assert_eq!(&text[toks[2].start..toks[2].end], "B&W");
        assert_eq!(&text[toks[4].start..toks[4].end], "J&V");
        assert_eq!(
            terms("Zorg&Welzijn, B & W, B&&W, &W"),
            ["zorg", "welzijn", "b", "w", "b", "w", "w"]
        );
        assert_eq!(single_word(" B&W "), Ok("bw".to_string()));
    }

    #[test]
    fn typographic_punctuation_separates_words() {
        assert_eq!(
            terms("“doorschuifwoning” – 2+5 jaar… «test»\u{a0}één"),
            ["doorschuifwoning", "2", "5", "jaar", "test", "een"]
        );
        assert_eq!(terms("ΑΘΗΝΑ Москва"), ["αθηνα", "москва"]);
    }

    #[test]
    fn numbers_are_words() {
        assert_eq!(
            terms("Huisvestingswet 2014, art. 29"),
            ["huisvestingswet", "2014", "art", "29"]
        );
    }

    #[test]
    fn stop_words_and_single_letters_are_not_indexed() {
        assert!(!is_indexable("de"));
        assert!(!is_indexable("van"));
        assert!(!is_indexable("x"));
        assert!(is_indexable("3"));
        assert!(is_indexable("coa"));
        assert!(is_indexable("29"));
    }
}
