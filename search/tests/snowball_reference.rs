//! Our Snowball Dutch stemmer gives the same stems as the reference
//! implementation (rust-stemmers) on a list of Dutch words.

use rust_stemmers::{Algorithm, Stemmer};
use search::stem::snowball_dutch;

#[test]
fn snowball_dutch_matches_the_reference_implementation() {
    let words = include_str!("data/dutch_words.txt");
    let reference = Stemmer::create(Algorithm::Dutch);
    let mut differences = Vec::new();
    let mut checked = 0;
    for word in words.lines().filter(|w| !w.is_empty()) {
        checked += 1;
        let ours = snowball_dutch(word);
        let theirs = reference.stem(word);
        if ours != theirs {
            differences.push(format!("{word}: ours {ours}, reference {theirs}"));
        }
    }
    assert!(checked > 500, "word list too short: {checked}");
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}
