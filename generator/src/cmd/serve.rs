//! `kennisbank serve`: the command around the preview server ([`crate::serve`]).

use super::Exit;
pub use crate::serve::Options;

/// Serves the site until stopped.
pub fn run(options: Options) -> Exit {
    Exit::from_code(crate::serve::run(options))
}
