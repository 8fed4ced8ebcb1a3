//! Writes a synthetic kennisbank project (and optionally the same site for Hugo).
//!
//! cargo run --release -p kennisbank-bench --bin synth -- --count 1000 --seed 7 --out /tmp/kb-1000 [--hugo /tmp/hugo-1000]

use clap::Parser;
use kennisbank_bench::project::{
    default_hugo_skeleton, default_source_root, load_source, write_hugo_site, write_project,
};
use kennisbank_bench::synth::generate;
use std::path::PathBuf;
use std::process::ExitCode;

/// Generates N practices of realistic Dutch text from the words of the real practices, spread
/// over the four categories, with links, tags and related ids. The same seed gives the same bytes.
#[derive(Parser)]
#[command(name = "synth", version, about)]
struct Args {
    /// How many practices.
    #[arg(long, default_value_t = 1000)]
    count: usize,
    /// Seed of the generator.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Folder to write the kennisbank project to (content/ and themes/); must be new, empty or
    /// written by synth before.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Also write the same practices as a Hugo site to this folder.
    #[arg(long, value_name = "DIR")]
    hugo: Option<PathBuf>,
    /// The real project whose content, settings and theme are used.
    #[arg(long, value_name = "DIR")]
    source: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let source = args.source.unwrap_or_else(default_source_root);
    let (content, corpus) = match load_source(&source) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let categories: Vec<String> = content
        .settings
        .categories
        .iter()
        .map(|c| c.slug.clone())
        .collect();
    let practices = generate(&corpus, &categories, args.count, args.seed);
    if let Err(e) = write_project(&source, &args.out, &practices) {
        eprintln!("error: cannot write `{}`: {e}", args.out.display());
        return ExitCode::from(2);
    }
    eprintln!(
        "Wrote {} practices ({} words known) to `{}`.",
        practices.len(),
        corpus.vocabulary(),
        args.out.display()
    );
    if let Some(hugo) = args.hugo {
        if let Err(e) = write_hugo_site(
            &default_hugo_skeleton(),
            &source,
            &content,
            &hugo,
            &practices,
        ) {
            eprintln!("error: cannot write `{}`: {e}", hugo.display());
            return ExitCode::from(2);
        }
        eprintln!("Wrote the Hugo site to `{}`.", hugo.display());
    }
    ExitCode::SUCCESS
}
