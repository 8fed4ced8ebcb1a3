//! `kennisbank mv`: renames a practice, rewrites the references to it, and checks the result.

use super::Exit;
use crate::diagnostics::{display_path, Format};
use std::path::PathBuf;

pub fn run(root: PathBuf, old: &str, new: &str, category: Option<&str>) -> Exit {
    let plan = match crate::mv::plan(&root, old, new, category) {
        Ok(p) => p,
        Err(message) => {
            eprintln!("{}: {message}", crate::msg!("label-error"));
            return Exit::Failed;
        }
    };
    if let Err(e) = crate::mv::apply(&plan) {
        let why = crate::msg!("mv-failed", detail = crate::messages::io_detail(&e));
        eprintln!("{}: {why}", crate::msg!("label-error"));
        return Exit::Problems;
    }
    for (path, _) in &plan.write {
        println!("{}", display_path(&root, path));
    }
    eprintln!(
        "{}",
        crate::msg!(
            "mv-done",
            from = display_path(&root, &plan.remove),
            count = plan.write.len() - 1
        )
    );
    super::check::run(root, Format::Human)
}
