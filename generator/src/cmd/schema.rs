//! `kennisbank schema --out DIR`: writes the JSON Schemas of the content files (see
//! `crate::json_schema`) for editors' tools. The repository keeps them in `docs/schemas/`, which
//! `.vscode/settings.json` maps onto the content files; a test keeps them equal to this output.

use super::Exit;
use crate::json_schema;
use std::path::Path;

/// Writes every schema into `out` (made when missing), replacing only files of the same names,
/// and prints each path written.
pub fn run(out: &Path) -> Exit {
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("error: cannot create {}: {e}", out.display());
        return Exit::Failed;
    }
    for (name, text) in json_schema::all() {
        let path = out.join(name);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return Exit::Failed;
        }
        println!("{}", path.display());
    }
    Exit::Success
}
