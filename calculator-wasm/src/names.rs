//! Comparing names as people type them: folding case, diacritics and punctuation away, and
//! finding the closest candidates for a suggestion ("bedoelt u …?", "did you mean …?").

/// The key under which names are compared: lower case, without diacritics, and with only letters and
/// digits kept, so that `Súdwest-Fryslân`, `sudwest fryslan` and `Bergen (NH.)` / `bergen nh` meet.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let base = strip_diacritic(c);
        if base.is_alphanumeric() {
            out.push(base);
        }
    }
    out
}

/// The letter without its accent, for the Latin letters used in Dutch and Frisian names.
fn strip_diacritic(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

/// Edit distance between two folded names (for suggestions).
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Up to `max` candidates close to `word` (by folded edit distance), closest first; ties keep the
/// candidates' order. Used for municipality names and for misspelt field names.
pub fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> Vec<&'a str> {
    let key = fold(word);
    if key.is_empty() {
        return Vec::new();
    }
    // A third of the length, at least 2: catches one or two typing errors without proposing
    // unrelated short names.
    let limit = (key.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, usize, &str)> = candidates
        .into_iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let ck = fold(c);
            let d = levenshtein(&key, &ck);
            let prefix = ck.starts_with(&key) && key.chars().count() >= 3;
            let d = if prefix { d.min(1) } else { d };
            (d <= limit).then_some((d, i, c))
        })
        .collect();
    scored.sort();
    let mut out: Vec<&str> = Vec::new();
    for (_, _, c) in scored {
        if !out.contains(&c) {
            out.push(c);
        }
        if out.len() == max {
            break;
        }
    }
    out
}
