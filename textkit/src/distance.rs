//! Edit distance, and when a word is close enough to another to be suggested or matched.

use std::collections::HashMap;

/// The Damerau–Levenshtein distance between `a` and `b`, in characters: the fewest insertions,
/// deletions, substitutions and swaps of two neighbours that turn one into the other (the
/// unrestricted variant, where a swapped pair may be edited further).
pub fn damerau_levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return n.max(m);
    }
    // The table of Lowrance and Wagner, with a border row and column holding `far`.
    let far = n + m;
    let width = m + 2;
    let mut d = vec![0usize; (n + 2) * width];
    let at = |i: usize, j: usize| i * width + j;
    d[at(0, 0)] = far;
    for i in 0..=n {
        d[at(i + 1, 0)] = far;
        d[at(i + 1, 1)] = i;
    }
    for j in 0..=m {
        d[at(0, j + 1)] = far;
        d[at(1, j + 1)] = j;
    }
    let mut last_row: HashMap<char, usize> = HashMap::new();
    for i in 1..=n {
        let mut last_match_col = 0;
        for j in 1..=m {
            let i1 = last_row.get(&b[j - 1]).copied().unwrap_or(0);
            let j1 = last_match_col;
            let cost = if a[i - 1] == b[j - 1] {
                last_match_col = j;
                0
            } else {
                1
            };
            let substitute = d[at(i, j)] + cost;
            let insert = d[at(i + 1, j)] + 1;
            let delete = d[at(i, j + 1)] + 1;
            let swap = d[at(i1, j1)] + (i - i1 - 1) + 1 + (j - j1 - 1);
            d[at(i + 1, j + 1)] = substitute.min(insert).min(delete).min(swap);
        }
        last_row.insert(a[i - 1], i);
    }
    d[at(n + 1, m + 1)]
}

/// How many edits a word of `len` characters may be off and still count as meant: a third of
/// its length, at least 2.
pub fn max_typos(len: usize) -> usize {
    (len / 3).max(2)
}

/// Whether `typed` is close enough to `known` to be taken as a misspelling of it (see
/// [`max_typos`], measured on `known`).
pub fn is_close(typed: &str, known: &str) -> bool {
    damerau_levenshtein(typed, known) <= max_typos(known.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_count_edits_and_swaps() {
        assert_eq!(damerau_levenshtein("", ""), 0);
        assert_eq!(damerau_levenshtein("abc", ""), 3);
        assert_eq!(damerau_levenshtein("titel", "title"), 1);
        assert_eq!(damerau_levenshtein("kitten", "sitting"), 3);
        assert_eq!(damerau_levenshtein("gemeente", "gemeente"), 0);
        // Unrestricted: swap `ca` → `ac`, then insert `b`.
        assert_eq!(damerau_levenshtein("ca", "abc"), 2);
        assert_eq!(damerau_levenshtein("één", "een"), 2);
    }

    #[test]
    fn a_third_of_the_length_at_least_two() {
        assert_eq!(max_typos(3), 2);
        assert_eq!(max_typos(8), 2);
        assert_eq!(max_typos(9), 3);
        assert_eq!(max_typos(15), 5);
        assert!(is_close("sumary", "summary"));
        assert!(is_close("tgas", "tags"));
        assert!(!is_close("datum", "added"));
    }
}
