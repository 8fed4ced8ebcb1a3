//! The `kennisbank` command line.

use clap::{Parser, Subcommand};
use kennisbank::build::build_in_memory;
use kennisbank::diagnostics::{self, Format};
use kennisbank::output;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Builds and checks the PHV kennisbank huisvesting vergunninghouders: a static, searchable site.
#[derive(Parser)]
#[command(name = "kennisbank", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct RootArg {
    /// The project folder that holds `content/` and `themes/`.
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the content and write the site (nothing is written when there are errors).
    Build {
        #[command(flatten)]
        root: RootArg,
        /// Output folder (relative to --root); replaced as a whole when the build succeeds.
        #[arg(long, value_name = "DIR", default_value = "public")]
        out: PathBuf,
        /// URL path (or full URL) the site is served under, such as `/kennisbank/`.
        #[arg(long, value_name = "URL", default_value = "/")]
        base_url: String,
        /// How to print problems.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Check a planned redistribution of the taakstelling (herverdelingscheck); exit 0 valid, 1 invalid, 2 unreadable.
    Herverdeling {
        #[command(flatten)]
        root: RootArg,
        /// Scenario file (YAML or JSON); `-` reads standard input. See README.md for the format.
        file: PathBuf,
        /// Print the verdict as JSON.
        #[arg(long)]
        json: bool,
        /// Print the letter to COA (HTML), for a valid scenario.
        #[arg(long)]
        brief: bool,
        /// Print the site-relative link that opens this check in the page.
        #[arg(long)]
        link: bool,
    },
    /// Search the built site's index with the same engine as the page.
    Search {
        #[command(flatten)]
        root: RootArg,
        /// The words to search for.
        query: String,
        /// The built site (relative to --root), as written by `build`.
        #[arg(long, value_name = "DIR", default_value = "public")]
        out: PathBuf,
        /// Print `[{"url", "title", "category", "score", "snippet"}]`, best first.
        #[arg(long)]
        json: bool,
        /// How many results at most.
        #[arg(long, value_name = "N", default_value_t = 10)]
        limit: usize,
    },
    /// Validate everything (content, templates, links) without writing; exit 1 on errors.
    Check {
        #[command(flatten)]
        root: RootArg,
        /// How to print problems: for people, as JSON, or as GitHub Actions annotations.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            out,
            base_url,
            format,
        } => build(root.root, out, &base_url, format),
        Command::Check { root, format } => check(root.root, format),
        Command::Herverdeling {
            root,
            file,
            json,
            brief,
            link,
        } => exit(kennisbank::herverdeling_cmd::run(
            &file, json, brief, link, &root.root,
        )),
        Command::Search {
            root,
            query,
            out,
            json,
            limit,
        } => exit(kennisbank::search_cmd::run(
            &root.root, &out, &query, json, limit,
        )),
    }
}

fn exit(code: i32) -> ExitCode {
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

fn print_diagnostics(diags: &[diagnostics::Diagnostic], format: Format) {
    if diags.is_empty() {
        return;
    }
    let text = diagnostics::render(diags, format);
    // Machine formats go to stdout so tools can read them; human text to stderr.
    if format == Format::Human {
        let _ = std::io::stderr().write_all(text.as_bytes());
    } else {
        let _ = std::io::stdout().write_all(text.as_bytes());
    }
}

fn build(root: PathBuf, out: PathBuf, base_url: &str, format: Format) -> ExitCode {
    // A relative output folder is relative to the project, like everything else the project holds.
    let out = if out.is_relative() {
        root.join(&out)
    } else {
        out
    };
    if let Err(why) = output::check_out_dir(&root, &out) {
        eprintln!("error: {why}");
        return ExitCode::from(2);
    }
    let started = std::time::Instant::now();
    let built = build_in_memory(&root, base_url);
    print_diagnostics(&built.diagnostics, format);
    if built.has_errors() {
        eprintln!(
            "Build failed: nothing was written; `{}` is unchanged.",
            out.display()
        );
        return ExitCode::from(1);
    }
    if let Err(e) = output::write_atomically(&out, &built.files) {
        eprintln!("error: cannot write `{}`: {e}", out.display());
        return ExitCode::from(2);
    }
    let practices = built.content.as_ref().map_or(0, |c| c.practices.len());
    eprintln!(
        "Built {} files ({practices} practices) into `{}` in {} ms.",
        built.files.len(),
        out.display(),
        started.elapsed().as_millis()
    );
    ExitCode::SUCCESS
}

fn check(root: PathBuf, format: Format) -> ExitCode {
    let built = build_in_memory(&root, "/");
    print_diagnostics(&built.diagnostics, format);
    if built.has_errors() {
        ExitCode::from(1)
    } else {
        if format == Format::Human {
            let practices = built.content.as_ref().map_or(0, |c| c.practices.len());
            eprintln!(
                "All good: {practices} practices checked, {} pages rendered.",
                built.files.len()
            );
        }
        ExitCode::SUCCESS
    }
}
