//! The checks of the content during partial rebuilds, reusing the link check of every practice
//! text that did not change.

use super::State;
use crate::diagnostics::Diagnostic;
use crate::model::Practice;
use crate::validate;
use std::collections::HashMap;

/// Whether an edited practice has problems of its own: in its file, its `related` ids or the
/// links in its text. For an edit in place (see [`same_place`]) of content that had no errors,
/// these are the only errors a whole check could find.
pub(super) fn own_errors(
    state: &State,
    p: &Practice,
    checks: &mut HashMap<String, (String, Vec<Diagnostic>)>,
) -> bool {
    let in_file = state
        .file_diags
        .get(&p.path)
        .is_some_and(|d| d.iter().any(Diagnostic::is_error));
    let unknown_related = p
        .related
        .iter()
        .any(|r| !state.content.practices.iter().any(|q| q.id == *r));
    in_file || unknown_related || cached_check(checks, p).iter().any(Diagnostic::is_error)
}

/// The link check of one practice text, from the cache when the text did not change.
pub(super) fn cached_check(
    checks: &mut HashMap<String, (String, Vec<Diagnostic>)>,
    p: &Practice,
) -> Vec<Diagnostic> {
    if let Some((body, diags)) = checks.get(&p.path) {
        if *body == p.body {
            return diags.clone();
        }
    }
    let diags = validate::text_links(p);
    checks.insert(p.path.clone(), (p.body.clone(), diags.clone()));
    diags
}

/// Every problem of the content as the partial rebuild knows it, sorted.
pub(super) fn current_diagnostics(
    state: &State,
    checks: &mut HashMap<String, (String, Vec<Diagnostic>)>,
) -> Vec<Diagnostic> {
    let mut diags = state.base_diags.clone();
    diags.extend(state.file_diags.values().flatten().cloned());
    diags.extend(validate::validate_with(&state.content, |p| {
        cached_check(checks, p)
    }));
    crate::diagnostics::sort(&mut diags);
    diags
}
