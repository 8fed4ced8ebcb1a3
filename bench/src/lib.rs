//! Benchmarks of the kennisbank at scale, side by side with Hugo and Pagefind.
//!
//! - [`corpus`] and [`synth`]: synthetic practices in the project's format, from the words of the
//!   real ones, deterministic for a seed; [`project`] writes them as a kennisbank project and as
//!   the equivalent Hugo site (`bench/hugo/`).
//! - [`measure`]: running a command under `/usr/bin/time -v`, medians, rebuild latency of a
//!   serving process.
//! - [`writes`]: the builds a user runs on an existing site (clean, unchanged, one edit, template).
//! - [`report`] and [`plot`]: the results file, the markdown tables of `BENCHMARKS.md` and the SVG.
//!
//! The binaries are `synth` (write a synthetic site) and `compare` (the side-by-side run).

pub mod corpus;
pub mod measure;
pub mod plot;
pub mod project;
pub mod report;
pub mod rng;
pub mod synth;
pub mod writes;
