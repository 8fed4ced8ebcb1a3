//! The herverdelingscheck: pure rules for redistributing the taakstelling huisvesting
//! vergunninghouders between municipalities (art. 29 lid 2 Huisvestingswet 2014).
//! No WebAssembly types in the core; the binding lives in `wasm.rs`.
//!
//! The flow: [`Scenario`] (as written) → [`check`] with a [`MunicipalityList`] → [`Verdict`];
//! for a valid verdict [`render_letter`] writes the letter to COA; [`share`] turns a scenario into
//! a link and back.

pub mod date;
pub mod dutch;
pub mod error;
#[cfg(feature = "letter")]
pub mod letter;
pub mod municipalities;
pub mod names;
#[cfg(feature = "letter")]
pub mod office;
pub mod period;
pub mod rules;
pub mod scenario;
pub mod share;
pub mod verdict;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::InputError;
#[cfg(feature = "letter")]
pub use letter::{letter_variables, render_letter, validate_letter_template, LetterError};
pub use municipalities::{Municipality, MunicipalityList, Province};
pub use period::Period;
pub use rules::check;
pub use scenario::{ParseError, Scenario};
pub use verdict::{Code, Issue, Verdict};
