//! The `kennisbank` command line.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};
use kennisbank::build::{build_in_memory, build_into};
use kennisbank::diagnostics::{self, Format};
use kennisbank::output;
use kennisbank::render::views::ViewCache;
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
        /// Write a document for a valid scenario: `coa` (the letter to COA), `provincie` (the
        /// notice to Gedeputeerde Staten of each province), `besluit` (a draft B&W decision per
        /// municipality) or `bekendmaking` (its publication text).
        #[arg(long, value_name = "DOCUMENT", value_parser = ["coa", "provincie", "besluit", "bekendmaking"])]
        document: Option<String>,
        /// The document's format: odt, docx or html.
        #[arg(long = "format", value_name = "FORMAT", value_parser = ["odt", "docx", "html"], default_value = "odt", requires = "document")]
        doc_format: String,
        /// Where to write the document (default: standard output).
        #[arg(long, value_name = "PATH", requires = "document")]
        out: Option<PathBuf>,
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
        /// Only practices of this category (its slug, such as `grote-gezinnen`).
        #[arg(long, value_name = "SLUG")]
        category: Option<String>,
        /// Only practices with this tag (as written in the practices, such as `woningcorporaties`).
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
    },
    /// Validate everything (content, templates, links) without writing; exit 1 on errors.
    Check {
        #[command(flatten)]
        root: RootArg,
        /// How to print problems: for people, as JSON, or as GitHub Actions annotations.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Build in memory and serve the site, rebuilding and reloading open pages on every change.
    Serve {
        #[command(flatten)]
        root: RootArg,
        /// Address to listen on; another than 127.0.0.1 makes the preview visible on the network.
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Port to listen on; 0 picks a free one (the address is printed).
        #[arg(long, value_name = "N", default_value_t = 1111)]
        port: u16,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Create the file of a new practice (with every field explained) and print its path.
    New {
        #[command(flatten)]
        root: RootArg,
        /// The category's slug, as in content/site.yaml, such as `algemeen`.
        category: String,
        /// The practice's title; its file name is made from it.
        title: String,
        /// The date for `added`, as YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
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
        Command::Serve {
            root,
            bind,
            port,
            open,
        } => exit(kennisbank::serve::run(kennisbank::serve::Options {
            root: root.root,
            bind,
            port,
            open,
        })),
        Command::New {
            root,
            category,
            title,
            date,
        } => new_practice(root.root, &category, &title, date.as_deref()),
        Command::Herverdeling {
            root,
            file,
            json,
            brief,
            link,
            document,
            doc_format,
            out,
        } => {
            let document = document.map(|name| kennisbank::herverdeling_cmd::DocumentRequest {
                name,
                format: doc_format,
                out,
            });
            exit(kennisbank::herverdeling_cmd::run(
                &file, json, brief, link, document, &root.root,
            ))
        }
        Command::Search {
            root,
            query,
            out,
            json,
            limit,
            category,
            tag,
        } => {
            let filters = search::Filters { category, tag };
            exit(kennisbank::search_cmd::run(
                &root.root, &out, &query, &filters, json, limit,
            ))
        }
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
    // Pages go to disk as they are rendered, into a new folder that replaces `out` only when
    // the whole build succeeded.
    let staging = match output::Staging::begin(&out) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot write beside `{}`: {e}", out.display());
            return ExitCode::from(2);
        }
    };
    let (built, _) = build_into(&root, base_url, &mut ViewCache::default(), &staging);
    print_diagnostics(&built.diagnostics, format);
    if built.has_errors() {
        drop(staging);
        eprintln!(
            "Build failed: nothing was written; `{}` is unchanged.",
            out.display()
        );
        return ExitCode::from(1);
    }
    if let Err(e) = staging.commit() {
        eprintln!("error: cannot write `{}`: {e}", out.display());
        return ExitCode::from(2);
    }
    let practices = built.content.as_ref().map_or(0, |c| c.practices.len());
    eprintln!(
        "Built {} files ({practices} practices) into `{}` in {} ms.",
        built.file_count,
        out.display(),
        started.elapsed().as_millis()
    );
    ExitCode::SUCCESS
}

fn new_practice(root: PathBuf, category: &str, title: &str, date: Option<&str>) -> ExitCode {
    use kennisbank::new_practice::{create, today};
    let added = match date {
        Some(text) => match calculator_wasm::date::Date::parse(text) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("error: `--date {text}` is not a date: {e}; write it as YYYY-MM-DD");
                return ExitCode::from(2);
            }
        },
        None => match today() {
            Some(d) => d,
            None => {
                eprintln!(
                    "error: the system clock gives no date; give one with `--date YYYY-MM-DD`"
                );
                return ExitCode::from(2);
            }
        },
    };
    match create(&root, category, title, added) {
        Ok(path) => {
            println!("{path}");
            eprintln!("Created {path}: write the text below the `---` line, and uncomment the fields you need.");
            ExitCode::SUCCESS
        }
        Err(e) => {
            if let kennisbank::new_practice::NewError::Settings(diags) = &e {
                print_diagnostics(diags, Format::Human);
            }
            eprintln!("error: {e}");
            exit(e.exit_code())
        }
    }
}

fn check(root: PathBuf, format: Format) -> ExitCode {
    use kennisbank::linkcheck::{self, CHECK_BASE};
    let mut built = build_in_memory(&root, CHECK_BASE);
    // The links are checked in the rendered pages, so only when everything rendered.
    if let (false, Some(content)) = (built.has_errors(), &built.content) {
        let links = linkcheck::check(&root, content, &built.files, CHECK_BASE);
        built.diagnostics.extend(links);
        diagnostics::sort(&mut built.diagnostics);
    }
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
