//! The commands of the `kennisbank` command line, one module each. Each takes its arguments as
//! plain values, prints what it has to say, and returns how it ended as an [`Exit`]; `main.rs`
//! only parses the command line and dispatches.

pub mod build;
pub mod check;
pub mod mv;
pub mod new;
pub mod schema;
pub mod search;
pub mod serve;

use crate::diagnostics::{self, Diagnostic, Format};
use std::io::Write;

/// How a command ended; its exit code is [`Exit::code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: done (a check without errors, a search with or without results).
    Success,
    /// 1: the input has problems: errors in the content, an invalid scenario.
    Problems,
    /// 2: the command could not do its work: bad arguments, unreadable or unwritable files.
    Failed,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Problems => 1,
            Exit::Failed => 2,
        }
    }

    /// The exit of a command that reports a number (0, 1, or anything else for 2).
    pub fn from_code(code: i32) -> Exit {
        match code {
            0 => Exit::Success,
            1 => Exit::Problems,
            _ => Exit::Failed,
        }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> std::process::ExitCode {
        std::process::ExitCode::from(exit.code())
    }
}

/// Prints problems: machine formats to stdout so tools can read them, human text to stderr.
pub fn print_diagnostics(diags: &[Diagnostic], format: Format) {
    if diags.is_empty() {
        return;
    }
    // Machine formats go to stdout so tools can read them; human text to stderr. Written as it
    // goes: the text of thousands of problems is never held whole.
    let result = if format == Format::Human {
        let mut err = std::io::BufWriter::new(std::io::stderr().lock());
        diagnostics::write(diags, format, &mut err).and_then(|()| err.flush())
    } else {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        diagnostics::write(diags, format, &mut out).and_then(|()| out.flush())
    };
    drop(result); // a closed pipe (`check | head`) is not an error of the content
}

/// Prints a report kept from an earlier build (see `output::Update::up_to_date`) where
/// [`print_diagnostics`] would have printed it.
pub fn print_report(report: &[u8], format: Format) {
    let _ = if format == Format::Human {
        std::io::stderr().write_all(report)
    } else {
        std::io::stdout().write_all(report)
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_0_done_1_problems_2_failed() {
        for exit in [Exit::Success, Exit::Problems, Exit::Failed] {
            assert_eq!(Exit::from_code(i32::from(exit.code())), exit);
        }
        assert_eq!(Exit::Problems.code(), 1);
        assert_eq!(Exit::from_code(3), Exit::Failed);
    }
}
