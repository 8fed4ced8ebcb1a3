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
                let label = crate::msg!("label-error");
                let why = crate::msg!(
                    "new-bad-date",
                    text = text,
                    detail = crate::messages::Arg::parser(e)
                );
                eprintln!("{label}: {why}");
                return Exit::Failed;
            }
        },
        None => match today() {
            Some(d) => d,
            None => {
                let label = crate::msg!("label-error");
                eprintln!("{label}: {}", crate::msg!("new-no-clock"));
                return Exit::Failed;
            }
        },
    };
    match create(&root, category, title, added) {
        Ok(path) => {
            println!("{path}");
            eprintln!("{}", crate::msg!("new-created", path = path.as_str()));
            Exit::Success
        }
        Err(e) => {
            if let NewError::Settings(diags) = &e {
                print_diagnostics(diags, Format::Human);
            }
            eprintln!("{}: {e}", crate::msg!("label-error"));
            Exit::from_code(e.exit_code())
        }
    }
}
