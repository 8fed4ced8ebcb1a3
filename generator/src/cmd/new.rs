//! `kennisbank new CATEGORY TITLE`: creates the file of a new practice and prints its path.

use super::{print_diagnostics, Exit};
use crate::diagnostics::Format;
use crate::new_practice::{create, today, NewError};
use std::path::PathBuf;

pub fn run(root: PathBuf, category: &str, title: &str, date: Option<&str>) -> Exit {
    let added = match date {
        Some(text) => match textkit::date::Date::parse(text) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("error: `--date {text}` is not a date: {e}; write it as YYYY-MM-DD");
                return Exit::Failed;
            }
        },
        None => match today() {
            Some(d) => d,
            None => {
                eprintln!(
                    "error: the system clock gives no date; give one with `--date YYYY-MM-DD`"
                );
                return Exit::Failed;
            }
        },
    };
    match create(&root, category, title, added) {
        Ok(path) => {
            println!("{path}");
            eprintln!("Created {path}: write the text below the `---` line, and uncomment the fields you need.");
            Exit::Success
        }
        Err(e) => {
            if let NewError::Settings(diags) = &e {
                print_diagnostics(diags, Format::Human);
            }
            eprintln!("error: {e}");
            Exit::from_code(e.exit_code())
        }
    }
}
