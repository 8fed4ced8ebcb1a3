//! Times the stages of one `kennisbank build` in this process, one after the other (the build
//! runs rendering and indexing side by side), with the memory after each, to find what costs:
//! load → views → search index → render → write.
//!
//! cargo run --release -p kennisbank-bench --bin stages -- --root DIR [--out DIR]

use clap::Parser;
use kennisbank::render::{self, normalize_base};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Parser)]
#[command(name = "stages", version, about)]
struct Args {
    /// The project folder (content/ and themes/).
    #[arg(long, value_name = "DIR")]
    root: PathBuf,
    /// Also write the site here, timing the write stage.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// Current and peak resident memory of this process, in MiB.
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| -> f64 {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(0.0, |kib| kib / 1024.0)
    };
    format!(
        "rss {:.0} MiB, peak {:.0} MiB",
        field("VmRSS:"),
        field("VmHWM:")
    )
}

fn main() -> ExitCode {
    let args = Args::parse();
    let total = Instant::now();
    let t = Instant::now();
    let (content, diags) = kennisbank::content::load(&args.root);
    let Some(content) = content else {
        eprintln!(
            "error: the content does not load ({} problems)",
            diags.len()
        );
        return ExitCode::from(1);
    };
    eprintln!(
        "load+validate   {:>7.0} ms  {}",
        t.elapsed().as_secs_f64() * 1e3,
        memory()
    );
    let t = Instant::now();
    let theme = match render::theme::load(&args.root, &content.settings.theme) {
        Ok(theme) => theme,
        Err(d) => {
            eprintln!("error: the theme does not load ({} problems)", d.len());
            return ExitCode::from(1);
        }
    };
    eprintln!(
        "theme           {:>7.0} ms  {}",
        t.elapsed().as_secs_f64() * 1e3,
        memory()
    );
    let base = normalize_base("/");
    let t = Instant::now();
    let views = render::views::build(&content, &base);
    eprintln!(
        "views (alone)   {:>7.0} ms  {}",
        t.elapsed().as_secs_f64() * 1e3,
        memory()
    );
    drop(views);
    let t = Instant::now();
    let index = kennisbank::search_index::files(&content, &base);
    let index_bytes: usize = index.iter().map(|f| f.bytes.len()).sum();
    eprintln!(
        "search index    {:>7.0} ms  {}  ({} files, {:.1} MB)",
        t.elapsed().as_secs_f64() * 1e3,
        memory(),
        index.len(),
        index_bytes as f64 / 1e6
    );
    let t = Instant::now();
    let mut files = match render::render_site(&content, &theme, &base, &[]) {
        Ok(f) => f,
        Err(d) => {
            eprintln!("error: rendering failed ({} problems)", d.len());
            return ExitCode::from(1);
        }
    };
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    eprintln!(
        "render_site     {:>7.0} ms  {}  ({} files, {:.1} MB)",
        t.elapsed().as_secs_f64() * 1e3,
        memory(),
        files.len(),
        bytes as f64 / 1e6
    );
    files.extend(index);
    let mut biggest: Vec<(&str, usize)> = files
        .iter()
        .map(|f| (f.path.as_str(), f.bytes.len()))
        .collect();
    biggest.sort_by_key(|b| std::cmp::Reverse(b.1));
    for (path, size) in biggest.iter().take(5) {
        eprintln!("  {:>9.1} KB  {path}", *size as f64 / 1e3);
    }
    if let Some(out) = &args.out {
        let t = Instant::now();
        if let Err(e) = kennisbank::output::write_site(&args.root, out, &files) {
            eprintln!("error: cannot write: {e}");
            return ExitCode::from(2);
        }
        eprintln!(
            "write           {:>7.0} ms  {}",
            t.elapsed().as_secs_f64() * 1e3,
            memory()
        );
    }
    eprintln!(
        "total           {:>7.0} ms",
        total.elapsed().as_secs_f64() * 1e3
    );
    ExitCode::SUCCESS
}
