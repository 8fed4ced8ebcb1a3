//! `kennisbank`: a static site generator for the PHV best practices huisvesting vergunninghouders.
//!
//! The pipeline, one module per stage: [`content`] (load and parse) → [`validate`] (checks across
//! files) → [`render`] (views and templates) → [`output`] (atomic write). [`build`] runs it.

// Diagnostics are the error values of the loaders; they are built once per problem, so their size
// does not matter and boxing them would only add noise.
#![allow(clippy::result_large_err)]

pub mod assets;
pub mod base_url;
pub mod build;
pub mod cmd;
pub mod cms;
pub mod codes;
pub mod content;
pub mod diagnostics;
pub mod editing;
pub mod heading_anchors;
pub mod herverdeling;
pub mod herverdeling_cmd;
pub mod json_schema;
pub mod lines;
pub mod linkcheck;
pub mod markdown;
pub mod messages;
pub mod model;
pub mod mv;
pub mod new_practice;
pub mod output;
pub mod rebuild;
pub mod redirects;
pub mod render;
pub mod routes;
pub mod search_index;
pub mod search_sections;
pub mod serve;
pub mod source;
pub mod text;
pub mod validate;
