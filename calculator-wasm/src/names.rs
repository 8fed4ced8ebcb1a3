//! Comparing names as people type them: folding case, diacritics and punctuation away, and
//! finding the closest candidates for a suggestion ("bedoelt u …?", "did you mean …?").

/// The key under which names are compared: lower case, without diacritics, and with only letters and
/// digits kept, so that `Súdwest-Fryslân`, `sudwest fryslan` and `Bergen (NH.)` / `bergen nh` meet.
pub fn fold(text: &str) -> String {
    // The diacritics table is textkit's, shared with the search and the generator's slugs.
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        textkit::fold_char(c, &mut folded);
    }
    folded.retain(char::is_alphanumeric);
    folded
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
    let length = key.chars().count();
    let limit = textkit::max_typos(length);
    // (distance, with a name that starts with the word counted as 1; the plain distance, so that
    // of several such names the closest comes first, as `Bergen (L.)` for `Bergen`; order)
    let mut scored: Vec<(usize, usize, usize, &str)> = candidates
        .into_iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let ck = fold(c);
            let prefix = ck.starts_with(&key) && length >= 3;
            // Lengths further apart than the limit are further apart than it in edits too: the
            // distance (whose cost grows with both lengths) is not computed, so a long name
            // costs no more than one as long as the longest candidate.
            if !prefix && ck.chars().count().abs_diff(length) > limit {
                return None;
            }
            let plain = textkit::damerau_levenshtein(&key, &ck);
            let d = if prefix { plain.min(1) } else { plain };
            (d <= limit).then_some((d, plain, i, c))
        })
        .collect();
    scored.sort();
    let mut out: Vec<&str> = Vec::new();
    for (_, _, _, c) in scored {
        if !out.contains(&c) {
            out.push(c);
        }
        if out.len() == max {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_of_another_length_are_skipped_but_names_that_start_with_the_word_are_not() {
        let list = ["Bergen (L.)", "Bergen op Zoom", "Ameland", "Heerenveen"];
        assert_eq!(
            closest("Bergen", list, 3),
            ["Bergen (L.)", "Bergen op Zoom"]
        );
        assert_eq!(closest("Heerenven", list, 3), ["Heerenveen"]);
        assert!(closest(&"Heerenveen".repeat(100), list, 3).is_empty());
    }
}
