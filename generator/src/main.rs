//! The `kennisbank` command line.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};
use kennisbank::cmd::{self, Exit};
use kennisbank::diagnostics::Format;
use kennisbank::messages::{self, Lang};
use std::path::PathBuf;
use std::process::ExitCode;

/// The help heading of `herverdeling`'s output choice.
const OUTPUT: &str = "Output (choose one; default: the report)";

/// Builds and checks the PHV kennisbank huisvesting vergunninghouders: a static, searchable site.
#[derive(Parser)]
#[command(name = "kennisbank", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of the messages for editors: `nl` or `en` (default: from LC_ALL, LC_MESSAGES or
    /// LANG when that is English, else Dutch).
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    lang: Option<LangArg>,
}

/// The names of [`Lang`] on the command line.
#[derive(Clone, Copy, clap::ValueEnum)]
enum LangArg {
    Nl,
    En,
}

#[derive(clap::Args)]
struct RootArg {
    /// The project folder that holds `content/` and `themes/`.
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
}

/// The names of [`Format`] on the command line.
#[derive(Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Human,
    Json,
    Github,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Github => Format::Github,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Validate the content and write the site (nothing is written when there are errors).
    Build {
        #[command(flatten)]
        root: RootArg,
        /// Output folder (relative to --root): new, empty, or written by an earlier build (never
        /// another folder). Replaced in one step when the build succeeds; only changed files are written.
        #[arg(long, value_name = "DIR", default_value = "public")]
        out: PathBuf,
        /// URL path (or full URL) the site is served under, such as `/kennisbank/`.
        #[arg(long, value_name = "URL", default_value = "/")]
        base_url: String,
        /// How to print problems.
        #[arg(long, value_enum, default_value = "human")]
        format: FormatArg,
    },
    /// Check a planned redistribution of the taakstelling (herverdelingscheck); exit 0 valid, 1 invalid, 2 unreadable.
    #[command(group(
        // One output choice (see herverdeling_cmd::Output): at most one of these flags.
        clap::ArgGroup::new("output").args(["json", "brief", "link", "document"]).multiple(false)
    ))]
    Herverdeling {
        #[command(flatten)]
        root: RootArg,
        /// Scenario file (YAML or JSON); `-` reads standard input. See README.md for the format.
        file: PathBuf,
        /// Print the verdict as JSON.
        #[arg(long, help_heading = OUTPUT)]
        json: bool,
        /// Print the letter to COA (HTML), for a valid scenario.
        #[arg(long, help_heading = OUTPUT)]
        brief: bool,
        /// Print the site-relative link that opens this check in the page.
        #[arg(long, help_heading = OUTPUT)]
        link: bool,
        /// Write a document for a valid scenario: `coa` (the letter to COA), `provincie` (the
        /// notice to Gedeputeerde Staten of each province), `ministerie` (the notice to each
        /// ministry of uitgangspunt 5, from content/adressen.yaml), `besluit` (a draft B&W decision
        /// per municipality) or `bekendmaking` (its publication text).
        #[arg(long, help_heading = OUTPUT, value_name = "DOCUMENT", value_parser = ["coa", "provincie", "ministerie", "besluit", "bekendmaking"])]
        document: Option<String>,
        /// The document's format: odt, docx or html.
        #[arg(long = "format", value_name = "FORMAT", value_parser = ["odt", "docx", "html"], default_value = "odt", requires = "document")]
        doc_format: String,
        /// A new file to write the document to, ending in the format's extension, outside content/
        /// and themes/; an existing file is never replaced (default: standard output, not a terminal
        /// for odt and docx).
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
        /// Print `[{"url", "link", "title", "section", "exact", "category", "score", "snippet", "more"}]`, best first.
        #[arg(long)]
        json: bool,
        /// How many results (pages, each with its matching sections) at most (1 to 1000).
        #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=1000))]
        limit: u16,
        /// Only practices of this category (its slug, such as `grote-gezinnen`, or its name).
        #[arg(long, value_name = "SLUG")]
        category: Option<String>,
        /// Only practices with this tag (as written in the practices, in any capitals, or as its page's address, such as `woningcorporaties`).
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
    },
    /// Validate everything (content, templates, links) without writing; exit 1 on errors.
    Check {
        #[command(flatten)]
        root: RootArg,
        /// How to print problems: for people, as JSON, or as GitHub Actions annotations.
        #[arg(long, value_enum, default_value = "human")]
        format: FormatArg,
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
    /// Rename a practice (and move it with --category): `related` entries and internal links in all
    /// content follow, and the old address redirects (it is added to the practice's `aliases`).
    Mv {
        #[command(flatten)]
        root: RootArg,
        /// The practice's id now (its file name without `.md`).
        old_id: String,
        /// Its new id.
        new_id: String,
        /// Move it to this category (default: where it is).
        #[arg(long, value_name = "CAT")]
        category: Option<String>,
    },
    /// Write JSON Schemas of the content files (practice front matter, site.yaml, stappenplan.yaml,
    /// synoniemen.yaml, gemeenten.yaml, adressen.yaml) for editors such as VS Code; the repository keeps them in docs/schemas/.
    Schema {
        /// The folder to write them into (made when missing; files of the same names are replaced).
        #[arg(long, value_name = "DIR", default_value = "docs/schemas")]
        out: PathBuf,
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

impl Command {
    /// The project folder of a command that reads the project's content.
    fn project(&self) -> Option<&std::path::Path> {
        match self {
            Command::Build { root, .. }
            | Command::Check { root, .. }
            | Command::Serve { root, .. }
            | Command::Mv { root, .. }
            | Command::New { root, .. } => Some(&root.root),
            _ => None,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    messages::set_lang(match cli.lang {
        Some(LangArg::Nl) => Lang::Nl,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_env_vars(|k| std::env::var(k).ok()),
    });
    // Run in the wrong folder, every file of a project would be missing: say that once.
    if let Some(root) = cli.command.project() {
        if !root.join("content").is_dir() {
            let label = kennisbank::msg!("label-error");
            let why = kennisbank::msg!("not-a-project", root = root.display().to_string());
            eprintln!("{label}: {why}");
            return ExitCode::from(Exit::Failed.code());
        }
    }
    let exit: Exit = match cli.command {
        Command::Build {
            root,
            out,
            base_url,
            format,
        } => cmd::build::run(root.root, out, &base_url, format.into()),
        Command::Check { root, format } => cmd::check::run(root.root, format.into()),
        Command::Serve {
            root,
            bind,
            port,
            open,
        } => cmd::serve::run(cmd::serve::Options {
            root: root.root,
            bind,
            port,
            open,
        }),
        Command::Mv {
            root,
            old_id,
            new_id,
            category,
        } => cmd::mv::run(root.root, &old_id, &new_id, category.as_deref()),
        Command::New {
            root,
            category,
            title,
            date,
        } => cmd::new::run(root.root, &category, &title, date.as_deref()),
        Command::Schema { out } => cmd::schema::run(&out),
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
            use kennisbank::herverdeling_cmd::{DocumentRequest, Output};
            let document = document.map(|name| DocumentRequest {
                name,
                format: doc_format,
                out,
            });
            match Output::from_flags(json, brief, link, document) {
                Ok(output) => {
                    Exit::from_code(kennisbank::herverdeling_cmd::run(&file, output, &root.root))
                }
                Err(message) => {
                    eprintln!("{}: {message}", kennisbank::msg!("label-error"));
                    Exit::Failed
                }
            }
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
            cmd::search::run(&root.root, &out, &query, &filters, json, usize::from(limit))
        }
    };
    exit.into()
}
