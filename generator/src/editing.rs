//! What the tools that change content on an editor's behalf share (the CMS's saves, checked in
//! `cms::validate`, and `kennisbank mv`): the settings they work with and the category check,
//! each with the one sentence (from the message catalogue) the editor reads when it fails.

use crate::content::{self, settings};
use crate::model::Settings;
use std::path::Path;

/// The project's settings, as the tool needs them to know the categories. `Err`: why not.
pub fn load_settings(root: &Path) -> Result<Settings, String> {
    let text = content::read_text(root, &root.join(settings::PATH)).map_err(|d| d.text())?;
    settings::parse(&text)
        .0
        .ok_or_else(|| crate::msg!("settings-broken-first", path = settings::PATH).to_string())
}

/// `Ok` when `slug` is one of the settings' categories; else the sentence that lists them.
pub fn check_category(settings: &Settings, slug: &str) -> Result<(), String> {
    if settings.categories.iter().any(|c| c.slug == slug) {
        return Ok(());
    }
    let known: Vec<&str> = settings
        .categories
        .iter()
        .map(|c| c.slug.as_str())
        .collect();
    let why = crate::msg!(
        "category-choose",
        name = slug,
        categories = known.join(", ")
    );
    Err(why.to_string())
}
