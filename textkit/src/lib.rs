//! Text primitives shared by the kennisbank crates, each written once: folding case and
//! diacritics ([`fold`]), edit distance with the rule for "close enough" ([`distance`]), HTML and
//! XML escaping ([`escape`]), the characters a reader cannot see ([`hidden`]), percent-decoding
//! ([`percent`]), calendar dates without a clock ([`date`]), the nesting depth of YAML text ([`yaml_nesting`]) and the Dutch words for a YAML or
//! JSON parser's English message ([`parser_message`]).
//!
//! No dependencies (serde only with the `serde` feature) and no I/O, so it builds for WebAssembly as it is.

pub mod date;
pub mod distance;
pub mod escape;
pub mod fold;
pub mod hidden;
pub mod parser_message;
pub mod percent;
pub mod yaml_nesting;

pub use date::{Date, DateError};
pub use distance::{damerau_levenshtein, is_close, max_typos};
pub use escape::{escape_html, escape_xml};
pub use fold::{fold, fold_char};
pub use percent::{percent_decode, percent_decode_lossy, BrokenEscape};
