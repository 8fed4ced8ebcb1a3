//! The side-by-side benchmark: kennisbank against Hugo (build, rebuild in serve mode) and our
//! search against Pagefind (bytes and time to first results), on the same synthetic content.
//!
//! cargo build --release -p kennisbank -p kennisbank-bench
//! target/release/compare --sizes 10,1000,10000,50000 --runs 5
//!
//! See BENCHMARKS.md for what each figure means and how it is taken.

use clap::Parser;
use kennisbank_bench::measure::{
    self, free_port, interleave, measure_rebuild, repeat, run_timed, Contender, Server,
};
use kennisbank_bench::plot;
use kennisbank_bench::project::{
    default_hugo_skeleton, default_source_root, load_source, write_hugo_site, write_project,
};
use kennisbank_bench::report::{
    all_tables, Machine, Outcome, Results, SearchReport, SizeResult, Tools, WriteCase,
};
use kennisbank_bench::synth::{generate, SynthPractice};
use kennisbank_bench::writes;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

const ONE_WORD: &[&str] = &[
    "huurtoeslag",
    "leegstand",
    "gezinshereniging",
    "prikkelarme",
];
const TWO_WORDS: &[&str] = &[
    "grote gezinnen",
    "regionaal overleg",
    "bijzondere bijstand",
    "leegstaand vastgoed",
];

/// Runs the side-by-side benchmark and writes the results (JSON), the tables (markdown) and the
/// plots (SVG). Tools that are missing are reported as "not available", not as failures.
#[derive(Parser)]
#[command(name = "compare", version, about)]
struct Args {
    /// Numbers of practices to measure at.
    #[arg(long, value_delimiter = ',', default_values_t = vec![10, 1000, 10_000])]
    sizes: Vec<usize>,
    /// Measured runs per figure (after one unmeasured warm-up run); the median is reported.
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Seed of the synthetic content.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Folder for the synthetic sites and their builds.
    #[arg(long, value_name = "DIR", default_value = "/tmp/kennisbank-bench")]
    work: PathBuf,
    /// The kennisbank binary (build it with `cargo build --release -p kennisbank`).
    #[arg(long, value_name = "FILE")]
    kennisbank: Option<PathBuf>,
    /// The hugo binary (default: `hugo` on PATH).
    #[arg(long, value_name = "FILE", default_value = "hugo")]
    hugo: PathBuf,
    /// Folder with `node_modules/` holding pagefind and playwright-core (`npm ci` in bench/).
    #[arg(long, value_name = "DIR")]
    node_dir: Option<PathBuf>,
    /// Largest size Hugo is measured at (its 50,000-page builds take long).
    #[arg(long, default_value_t = 50_000)]
    hugo_max: usize,
    /// Largest size the serve-mode rebuild is measured at.
    #[arg(long, default_value_t = 50_000)]
    serve_max: usize,
    /// Sizes at which search and page weight are measured (default: 1,000 and 10,000 when
    /// measured, else the smallest size).
    #[arg(long, value_delimiter = ',')]
    search_at: Vec<usize>,
    /// Measures to take: `build` (clean builds, output removed outside the timing), `serve`,
    /// `search`, and `writes` (clean, unchanged, one edited practice, template change, on the
    /// disk of --work and on --tmpfs). Not by default: `settled` (a clean build on the disk of
    /// --work after the removal was written back and a minute passed, as after a fresh clone;
    /// about two minutes per run and tool).
    #[arg(long, value_delimiter = ',', default_values_t = ["build".to_string(), "serve".to_string(), "search".to_string(), "writes".to_string()])]
    only: Vec<String>,
    /// Unmeasured runs before the measured ones in each case of the `writes` measure (0 for a
    /// quick run at 50,000 practices: every case changes its input before each run anyway).
    #[arg(long, default_value_t = 1)]
    writes_warmup: usize,
    /// A folder on tmpfs for the `writes` measure's second place; `none` to measure on --work only.
    #[arg(long, value_name = "DIR", default_value = "/dev/shm/kennisbank-bench")]
    tmpfs: PathBuf,
    /// Results file; sizes measured now replace those already in it.
    #[arg(long, value_name = "FILE")]
    results: Option<PathBuf>,
    /// Small check that the harness works (10 practices, one run, results under --work); no
    /// timing is judged.
    #[arg(long)]
    smoke: bool,
}

fn workspace_root() -> PathBuf {
    default_source_root()
}

fn find_on_path(name: &Path) -> Option<PathBuf> {
    if name.components().count() > 1 {
        return name.is_file().then(|| name.to_path_buf());
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

fn output_of(program: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let text = if text.is_empty() {
        String::from_utf8_lossy(&out.stderr).trim().to_string()
    } else {
        text
    };
    out.status.success().then_some(text)
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn machine() -> Machine {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|v| v.trim_start_matches([' ', '\t', ':']).trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    let memory_gib = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map(|kib| kib / 1024.0 / 1024.0)
        .unwrap_or(0.0);
    Machine {
        cpu,
        cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
        memory_gib,
        kernel: output_of(Path::new("uname"), &["-sr"]).unwrap_or_default(),
        load_at_start: load_average(),
        load_at_end: String::new(),
    }
}

/// The pagefind binary itself (not the node wrapper), so GNU time measures Pagefind's memory.
fn pagefind_binary(node_dir: &Path) -> Option<PathBuf> {
    let platform = node_dir.join("node_modules/@pagefind");
    let mut candidates: Vec<PathBuf> = std::fs::read_dir(&platform)
        .ok()?
        .filter_map(Result::ok)
        .flat_map(|d| {
            ["pagefind_extended", "pagefind"]
                .iter()
                .map(move |b| d.path().join("bin").join(b))
        })
        .filter(|p| p.is_file())
        .collect();
    candidates.sort();
    candidates.into_iter().next()
}

fn dir_size(dir: &Path) -> (usize, u64) {
    let mut files = 0;
    let mut bytes = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(e.path()),
                Ok(_) => {
                    files += 1;
                    bytes += e.metadata().map_or(0, |m| m.len());
                }
                Err(_) => {}
            }
        }
    }
    (files, bytes)
}

/// Removes a kennisbank output folder and the state folder `build` keeps beside it (its spare
/// tree), so that the next build is a clean one.
fn remove_output(out: &Path) -> Result<(), String> {
    remove(out)?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match out.parent() {
        Some(parent) => remove(&parent.join(format!(".{name}.kennisbank"))),
        None => Ok(()),
    }
}

/// Runs a build outside the timing (the clean build before [`writes::Case::FirstEdit`]); its
/// output is not kept, only whether it succeeded.
fn untimed(program: &Path, args: &[String]) -> Result<(), String> {
    let status = std::process::Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map_err(|e| format!("cannot run `{}`: {e}", program.display()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "`{}` failed before the timed run: {status}",
            program.display()
        ))
    }
}

fn remove(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)
            .map_err(|e| format!("cannot remove `{}`: {e}", dir.display()))?;
    }
    Ok(())
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

fn path_arg(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn outcome<T>(r: Result<T, String>) -> Outcome<T> {
    match r {
        Ok(value) => Outcome::Measured { value },
        Err(error) => {
            eprintln!("  failed: {error}");
            Outcome::Failed { error }
        }
    }
}

struct Setup {
    kennisbank: PathBuf,
    hugo: Option<PathBuf>,
    pagefind: Option<PathBuf>,
    node_dir: PathBuf,
    node_ready: bool,
    serve_available: Result<(), String>,
}

/// Whether `kennisbank serve --port` exists in this build of the generator.
fn serve_support(kennisbank: &Path) -> Result<(), String> {
    match output_of(kennisbank, &["serve", "--help"]) {
        Some(help) if help.contains("--port") => Ok(()),
        Some(_) => Err("`kennisbank serve` has no --port option".into()),
        None => Err("`kennisbank serve` does not exist in this build".into()),
    }
}

/// Measures one size; `practices` is the generated content (for relevance checks).
fn measure_size(
    args: &Args,
    setup: &Setup,
    n: usize,
    search_sizes: &BTreeSet<usize>,
) -> Result<SizeResult, String> {
    let source = workspace_root();
    let dir = args.work.join(n.to_string());
    let kb_root = dir.join("kennisbank");
    let kb_out = dir.join("kennisbank-public");
    let hugo_root = dir.join("hugo");
    let hugo_out = dir.join("hugo-public");
    let mut result = SizeResult {
        practices: n,
        load_at_start: load_average(),
        ..SizeResult::default()
    };
    eprintln!("== {n} practices (load {})", result.load_at_start);

    let (content, corpus) = load_source(&source)?;
    let categories: Vec<String> = content
        .settings
        .categories
        .iter()
        .map(|c| c.slug.clone())
        .collect();
    let started = Instant::now();
    let practices = generate(&corpus, &categories, n, args.seed);
    write_project(&source, &kb_root, &practices).map_err(|e| e.to_string())?;
    write_hugo_site(
        &default_hugo_skeleton(),
        &source,
        &content,
        &hugo_root,
        &practices,
    )
    .map_err(|e| e.to_string())?;
    result.content_bytes = dir_size(&kb_root.join("content/praktijken")).1;
    eprintln!(
        "  synthetic content written in {:.1} s ({:.1} MB of markdown)",
        started.elapsed().as_secs_f64(),
        result.content_bytes as f64 / 1e6
    );
    let wants = |m: &str| args.only.iter().any(|o| o == m);
    let warmup = 1;

    // Full builds, interleaved run by run; the output folder is removed before every run,
    // outside the timing.
    if wants("build") {
        let ours = Contender {
            program: &setup.kennisbank,
            args: vec![
                "build".into(),
                "--root".into(),
                path_arg(&kb_root),
                "--out".into(),
                path_arg(&kb_out),
            ],
            runs: args.runs,
            before: Box::new(|| remove_output(&kb_out)),
        };
        let cache = args.work.join("hugo-cache");
        let mut contenders = vec![ours];
        result.build_hugo = match &setup.hugo {
            None => Outcome::NotAvailable {
                reason: "hugo not found (apt-get install -y hugo)".into(),
            },
            Some(_) if n > args.hugo_max => Outcome::Skipped {
                reason: format!("above --hugo-max {}", args.hugo_max),
            },
            Some(hugo) => {
                contenders.push(Contender {
                    program: hugo,
                    args: vec![
                        "--source".into(),
                        path_arg(&hugo_root),
                        "--destination".into(),
                        path_arg(&hugo_out),
                        "--cacheDir".into(),
                        path_arg(&cache),
                        "--quiet".into(),
                    ],
                    // Hugo at 50,000 pages takes minutes a run: fewer runs there.
                    runs: if n >= 50_000 {
                        args.runs.min(3)
                    } else {
                        args.runs
                    },
                    before: Box::new(|| remove(&hugo_out)),
                });
                Outcome::Skipped {
                    reason: "not run".into(),
                }
            }
        };
        let mut stats = interleave(contenders, warmup).into_iter();
        result.build_ours = outcome(stats.next().unwrap_or_else(|| Err("not run".into())));
        if let Some(hugo) = stats.next() {
            result.build_hugo = outcome(hugo);
        }
        for (name, o) in [
            ("kennisbank", &result.build_ours),
            ("hugo", &result.build_hugo),
        ] {
            if let Some(s) = o.value() {
                eprintln!(
                    "  {name} build: median {:.0} ms wall, {:.0} ms CPU, {:?} KiB",
                    s.median_ms,
                    s.median_cpu_ms.unwrap_or_default(),
                    s.median_rss_kib
                );
            }
        }
        (result.ours_files, result.ours_bytes) = dir_size(&kb_out);
        (result.hugo_files, result.hugo_bytes) = dir_size(&hugo_out);
    }

    // Rebuild in serve mode: the practice in the middle of the list is edited.
    if wants("serve") && n <= args.serve_max && !practices.is_empty() {
        let target = &practices[practices.len() / 2];
        result.serve_ours = match &setup.serve_available {
            Err(reason) => Outcome::NotAvailable {
                reason: reason.clone(),
            },
            Ok(()) => outcome(serve_ours(args, setup, &kb_root, &dir, target)),
        };
        if let Some(s) = result.serve_ours.value() {
            eprintln!(
                "  kennisbank serve rebuild: median {:.0} ms",
                s.stat.median_ms
            );
        }
        result.serve_hugo = match &setup.hugo {
            None => Outcome::NotAvailable {
                reason: "hugo not found".into(),
            },
            Some(_) if n > args.hugo_max => Outcome::Skipped {
                reason: format!("above --hugo-max {}", args.hugo_max),
            },
            Some(hugo) => outcome(serve_hugo(args, hugo, &hugo_root, &dir, target)),
        };
        if let Some(s) = result.serve_hugo.value() {
            eprintln!("  hugo server rebuild: median {:.0} ms", s.stat.median_ms);
        }
    }

    if wants("search") && search_sizes.contains(&n) {
        if !wants("build") || !kb_out.join("index.html").is_file() {
            // The search measures need a site built by this binary even when builds were not
            // measured in this run.
            run_timed(
                &setup.kennisbank,
                &strings(&[
                    "build",
                    "--root",
                    &path_arg(&kb_root),
                    "--out",
                    &path_arg(&kb_out),
                ]),
                None,
            )?;
        }
        result.pagefind_index = match &setup.pagefind {
            None => Outcome::NotAvailable {
                reason: "pagefind not installed (npm ci in bench/)".into(),
            },
            Some(pf) => {
                let pf_args = vec![
                    "--site".into(),
                    path_arg(&kb_out),
                    "--glob".into(),
                    "praktijken/*/*/index.html".into(),
                    "--root-selector".into(),
                    "article".into(),
                    "--quiet".into(),
                ];
                let runs = args.runs.clamp(1, 3);
                outcome(repeat(pf, &pf_args, 0, runs, || {
                    remove(&kb_out.join("pagefind"))
                }))
            }
        };
        if let Some(s) = result.pagefind_index.value() {
            eprintln!(
                "  pagefind index: median {:.0} ms, {:?} KiB",
                s.median_ms, s.median_rss_kib
            );
        }
        result.search = if setup.node_ready {
            let titles: BTreeMap<String, String> = content
                .settings
                .categories
                .iter()
                .map(|c| (c.slug.clone(), c.title.clone()))
                .collect();
            outcome(search(args, setup, &kb_out, &practices, &titles))
        } else {
            Outcome::NotAvailable {
                reason: "playwright-core not installed (npm ci in bench/) or no chromium".into(),
            }
        };
    }

    // Last, as it edits the content: the builds a user runs, on the disk and on tmpfs.
    if wants("writes") && !practices.is_empty() {
        let theme = content.settings.theme.clone();
        let mut places = vec![("disk", dir.clone())];
        if args.tmpfs != Path::new("none") {
            let shm = args.tmpfs.join(n.to_string());
            write_project(&source, &shm.join("kennisbank"), &practices)
                .map_err(|e| e.to_string())?;
            write_hugo_site(
                &default_hugo_skeleton(),
                &source,
                &content,
                &shm.join("hugo"),
                &practices,
            )
            .map_err(|e| e.to_string())?;
            places.push(("tmpfs", shm));
        }
        let target = &practices[practices.len() / 2];
        for (name, place) in places {
            let fs = writes::filesystem(&place);
            let label = format!("{name} ({fs})");
            for case in writes::Case::ALL {
                eprintln!("  writes, {label}: {}", case.label());
                let w = measure_writes(args, setup, n, &place, &theme, target, case, &label);
                print_medians(&w);
                result.writes.push(w);
            }
        }
    }
    // A clean build on a settled disk (as after a fresh clone), on the disk of --work only.
    if wants("settled") && !practices.is_empty() {
        let theme = content.settings.theme.clone();
        let target = &practices[practices.len() / 2];
        let label = format!("disk ({})", writes::filesystem(&dir));
        let case = writes::Case::CleanSettled;
        eprintln!("  {label}: {}", case.label());
        let w = measure_writes(args, setup, n, &dir, &theme, target, case, &label);
        print_medians(&w);
        result.writes.push(w);
    }
    Ok(result)
}

/// The medians of one case of the `writes` measure, on the terminal while the run goes on.
fn print_medians(w: &WriteCase) {
    for (who, o) in [("kennisbank", &w.ours), ("hugo", &w.hugo)] {
        if let Some(s) = o.value() {
            eprintln!(
                "    {who}: median {:.0} ms wall, {:.0} ms CPU, {:?} KiB",
                s.median_ms,
                s.median_cpu_ms.unwrap_or_default(),
                s.median_rss_kib
            );
        }
    }
}

/// One case of the `writes` measure at `place` (which holds `kennisbank/` and `hugo/`):
/// kennisbank and Hugo alternate run by run, each changed alike before its run.
#[allow(clippy::too_many_arguments)]
fn measure_writes(
    args: &Args,
    setup: &Setup,
    n: usize,
    place: &Path,
    theme: &str,
    target: &SynthPractice,
    case: writes::Case,
    label: &str,
) -> WriteCase {
    use writes::Case;
    let kb_root = place.join("kennisbank");
    let kb_out = place.join("kennisbank-public");
    let hugo_root = place.join("hugo");
    let hugo_out = place.join("hugo-public");
    let load_at_start = load_average();
    let kb_practice = kb_root.join(target.path());
    let kb_template = kb_root.join(format!("themes/{theme}/templates/base.html"));
    let hugo_practice = hugo_root.join(format!(
        "content/praktijken/{}/{}.md",
        target.category, target.id
    ));
    let hugo_template = hugo_root.join("layouts/_default/baseof.html");
    let err = |e: std::io::Error| e.to_string();
    let mut our_round = 0;
    let kb_build = strings(&[
        "build",
        "--root",
        &path_arg(&kb_root),
        "--out",
        &path_arg(&kb_out),
    ]);
    let ours = Contender {
        program: &setup.kennisbank,
        args: kb_build.clone(),
        runs: args.runs,
        before: Box::new(move || {
            our_round += 1;
            match case {
                Case::Clean => remove_output(&kb_out),
                Case::CleanSettled => {
                    remove_output(&kb_out)?;
                    writes::settle()
                }
                Case::Unchanged => Ok(()),
                Case::OnePractice => {
                    writes::edit_file(&kb_practice, |t| writes::edited_practice(t, our_round))
                        .map_err(err)
                }
                Case::Template => {
                    writes::edit_file(&kb_template, |t| writes::edited_template(t, our_round))
                        .map_err(err)
                }
                Case::FirstEdit => {
                    remove_output(&kb_out)?;
                    untimed(&setup.kennisbank, &kb_build)?;
                    writes::edit_file(&kb_practice, |t| {
                        writes::edited_practice(t, writes::FIRST_EDIT_ROUNDS + our_round)
                    })
                    .map_err(err)
                }
            }
        }),
    };
    let mut contenders = vec![ours];
    let mut hugo_outcome = match &setup.hugo {
        None => Outcome::NotAvailable {
            reason: "hugo not found (apt-get install -y hugo)".into(),
        },
        Some(_) if n > args.hugo_max => Outcome::Skipped {
            reason: format!("above --hugo-max {}", args.hugo_max),
        },
        Some(_) => Outcome::Skipped {
            reason: "not run".into(),
        },
    };
    if let (Some(hugo), true) = (&setup.hugo, n <= args.hugo_max) {
        let mut hugo_round = 0;
        let out = hugo_out.clone();
        let hugo_args = strings(&[
            "--source",
            &path_arg(&hugo_root),
            "--destination",
            &path_arg(&hugo_out),
            "--cacheDir",
            &path_arg(&place.join("hugo-cache")),
            "--quiet",
        ]);
        contenders.push(Contender {
            program: hugo,
            args: hugo_args.clone(),
            runs: if n >= 50_000 {
                args.runs.min(3)
            } else {
                args.runs
            },
            before: Box::new(move || {
                hugo_round += 1;
                match case {
                    Case::Clean => remove(&out),
                    Case::CleanSettled => {
                        remove(&out)?;
                        writes::settle()
                    }
                    Case::Unchanged => Ok(()),
                    Case::OnePractice => writes::edit_file(&hugo_practice, |t| {
                        writes::edited_practice(t, hugo_round)
                    })
                    .map_err(err),
                    Case::Template => writes::edit_file(&hugo_template, |t| {
                        writes::edited_template(t, hugo_round)
                    })
                    .map_err(err),
                    Case::FirstEdit => {
                        remove(&out)?;
                        untimed(hugo, &hugo_args)?;
                        writes::edit_file(&hugo_practice, |t| {
                            writes::edited_practice(t, writes::FIRST_EDIT_ROUNDS + hugo_round)
                        })
                        .map_err(err)
                    }
                }
            }),
        });
    }
    let mut stats = interleave(contenders, args.writes_warmup).into_iter();
    let ours = outcome(stats.next().unwrap_or_else(|| Err("not run".into())));
    if let Some(h) = stats.next() {
        hugo_outcome = outcome(h);
    }
    WriteCase {
        place: format!("{label}, `{}`", place.display()),
        case: case.label().into(),
        ours,
        hugo: hugo_outcome,
        load_at_start,
        load_at_end: load_average(),
    }
}

fn serve_ours(
    args: &Args,
    setup: &Setup,
    root: &Path,
    dir: &Path,
    target: &SynthPractice,
) -> Result<measure::Rebuild, String> {
    let port = free_port()?;
    let mut server = Server::start(
        &setup.kennisbank,
        &strings(&[
            "serve",
            "--root",
            &path_arg(root),
            "--port",
            &port.to_string(),
        ]),
        port,
        &dir.join("kennisbank-serve.log"),
    )?;
    measure_rebuild(
        &mut server,
        &format!("/{}", target.url()),
        &root.join(target.path()),
        args.runs,
        Duration::from_secs(1800),
    )
}

fn serve_hugo(
    args: &Args,
    hugo: &Path,
    root: &Path,
    dir: &Path,
    target: &SynthPractice,
) -> Result<measure::Rebuild, String> {
    let port = free_port()?;
    let mut server = Server::start(
        hugo,
        &strings(&[
            "server",
            "--source",
            &path_arg(root),
            "--bind",
            "127.0.0.1",
            "--port",
            &port.to_string(),
            "--baseURL",
            &format!("http://127.0.0.1:{port}/"),
            "--cacheDir",
            &path_arg(&args.work.join("hugo-cache")),
        ]),
        port,
        &dir.join("hugo-server.log"),
    )?;
    measure_rebuild(
        &mut server,
        &format!("/{}", target.url()),
        &root.join(format!(
            "content/{}",
            target.path().trim_start_matches("content/")
        )),
        args.runs,
        Duration::from_secs(1800),
    )
}

/// The words of a practice as a reader sees them (folded as the search crate folds them), with
/// their Snowball Dutch stems: the yardstick for "is this result relevant".
struct Words {
    url: String,
    tokens: BTreeSet<String>,
    stems: BTreeSet<String>,
}

fn practice_words(p: &SynthPractice, category_title: &str) -> Words {
    let labels: Vec<&str> = p.links.iter().map(|l| l.label.as_str()).collect();
    let text = format!(
        "{} {} {} {} {} {}",
        p.title,
        category_title,
        p.summary.as_deref().unwrap_or_default(),
        kennisbank::markdown::to_plain_text(&p.body),
        p.tags.join(" "),
        labels.join(" ")
    );
    let tokens: BTreeSet<String> = search::normalize::tokens(&text)
        .into_iter()
        .map(|t| t.term)
        .collect();
    let stems = tokens
        .iter()
        .map(|t| search::stem::snowball_dutch(t))
        .collect();
    Words {
        url: p.url(),
        tokens,
        stems,
    }
}

/// Whether a practice holds every query word: a word with the same Snowball Dutch stem (the
/// stemmer both engines use), or a compound containing that stem (`leegstandwet` for
/// `leegstand`).
fn holds_query(words: &Words, query: &str) -> bool {
    search::normalize::tokens(query).iter().all(|q| {
        let stem = search::stem::snowball_dutch(&q.term);
        words.stems.contains(&stem)
            || (stem.chars().count() >= 4 && words.tokens.iter().any(|t| t.contains(&stem)))
    })
}

fn search(
    args: &Args,
    setup: &Setup,
    site: &Path,
    practices: &[SynthPractice],
    category_titles: &BTreeMap<String, String>,
) -> Result<SearchReport, String> {
    let script = workspace_root().join("bench/js/search-bench.mjs");
    let queries: Vec<&str> = ONE_WORD.iter().chain(TWO_WORDS).copied().collect();
    let practice_page = practices
        .get(practices.len() / 2)
        .map(|p| format!("/{}", p.url()))
        .unwrap_or_else(|| "/".into());
    let pages = [
        ("checker (herverdelingscheck)", "/herverdeling/".to_string()),
        ("practice page", practice_page),
        ("search page", "/zoeken/".to_string()),
        ("home page", "/".to_string()),
    ];
    let page_paths: Vec<&str> = pages.iter().map(|(_, p)| p.as_str()).collect();
    let out = Command::new("node")
        .arg(&script)
        .args(["--site", &path_arg(site)])
        .args(["--queries", &queries.join(",")])
        .args(["--runs", &args.runs.max(1).to_string()])
        .args(["--pages", &page_paths.join(",")])
        .env("NODE_PATH", setup.node_dir.join("node_modules"))
        .current_dir(&setup.node_dir)
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "search-bench.mjs failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let mut report: SearchReport = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("search-bench.mjs printed no results: {e}"))?;
    for (page, (name, _)) in report.pages.iter_mut().zip(pages.iter()) {
        page.name = (*name).to_string();
    }
    // Relevance: a result counts when its practice holds every query word (see `holds_query`).
    let words: Vec<Words> = practices
        .iter()
        .map(|p| {
            let title = category_titles.get(&p.category).map_or("", String::as_str);
            practice_words(p, title)
        })
        .collect();
    for engine in report.engines.values_mut() {
        for q in &mut engine.queries {
            q.containing = Some(words.iter().filter(|w| holds_query(w, &q.q)).count());
            if !q.top.is_empty() {
                let good = q
                    .top
                    .iter()
                    .filter(|url| {
                        let url = url.trim_start_matches('/');
                        words.iter().any(|w| w.url == url && holds_query(w, &q.q))
                    })
                    .count();
                q.precision = Some(good as f64 / q.top.len() as f64);
            }
        }
    }
    Ok(report)
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(mut args: Args) -> Result<(), String> {
    let root = workspace_root();
    if args.smoke {
        args.sizes = vec![10];
        args.runs = 1;
        args.search_at = vec![10];
        if args.work == Path::new("/tmp/kennisbank-bench") {
            args.work = std::env::temp_dir().join("kennisbank-bench-smoke");
        }
        if args.tmpfs == Path::new("/dev/shm/kennisbank-bench") {
            args.tmpfs = PathBuf::from("/dev/shm/kennisbank-bench-smoke");
        }
    }
    let kennisbank = match &args.kennisbank {
        Some(k) => k.clone(),
        None => root.join("target/release/kennisbank"),
    };
    if !kennisbank.is_file() {
        return Err(format!(
            "no kennisbank binary at `{}`: run `cargo build --release -p kennisbank` or pass --kennisbank",
            kennisbank.display()
        ));
    }
    let node_dir = args.node_dir.clone().unwrap_or_else(|| root.join("bench"));
    let node_ready = node_dir.join("node_modules/playwright-core").is_dir()
        && Path::new("/usr/bin/chromium").is_file()
        && find_on_path(Path::new("node")).is_some();
    let setup = Setup {
        serve_available: serve_support(&kennisbank),
        hugo: find_on_path(&args.hugo),
        pagefind: pagefind_binary(&node_dir),
        kennisbank,
        node_dir,
        node_ready,
    };
    std::fs::create_dir_all(&args.work)
        .map_err(|e| format!("cannot create `{}`: {e}", args.work.display()))?;
    let results_path = args.results.clone().unwrap_or_else(|| {
        if args.smoke {
            args.work.join("results.json")
        } else {
            root.join("bench/results/results.json")
        }
    });
    let mut results: Results = std::fs::read(&results_path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    results.machine = machine();
    results.date = output_of(Path::new("date"), &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_default();
    results.seed = args.seed;
    results.runs = args.runs;
    let git = output_of(
        Path::new("git"),
        &["-C", &path_arg(&root), "rev-parse", "--short", "HEAD"],
    )
    .unwrap_or_default();
    // Others may be changing the working tree; say so, as the binary may hold their changes.
    let dirty = output_of(
        Path::new("git"),
        &[
            "-C",
            &path_arg(&root),
            "status",
            "--porcelain",
            "--untracked-files=no",
        ],
    )
    .is_some_and(|s| !s.is_empty());
    results.tools = Tools {
        kennisbank: format!(
            "{} (commit {git}{})",
            output_of(&setup.kennisbank, &["--version"]).unwrap_or_default(),
            if dirty {
                ", working tree with uncommitted changes"
            } else {
                ""
            }
        ),
        hugo: setup
            .hugo
            .as_ref()
            .and_then(|h| output_of(h, &["version"]))
            .unwrap_or_else(|| "not found".into()),
        pagefind: setup
            .pagefind
            .as_ref()
            .and_then(|p| output_of(p, &["--version"]))
            .unwrap_or_else(|| "not installed".into()),
        chromium: output_of(Path::new("/usr/bin/chromium"), &["--version"])
            .unwrap_or_else(|| "not found".into()),
        node: output_of(Path::new("node"), &["--version"]).unwrap_or_else(|| "not found".into()),
    };
    results.commands = vec![
        format!(
            "compare --sizes {} --runs {} --seed {}",
            args.sizes.iter().map(ToString::to_string).collect::<Vec<_>>().join(","),
            args.runs,
            args.seed
        ),
        "kennisbank build --root <work>/<n>/kennisbank --out <work>/<n>/kennisbank-public".into(),
        "hugo --source <work>/<n>/hugo --destination <work>/<n>/hugo-public --cacheDir <work>/hugo-cache --quiet".into(),
        "kennisbank serve --root <work>/<n>/kennisbank --port <p>".into(),
        "hugo server --source <work>/<n>/hugo --bind 127.0.0.1 --port <p> --baseURL http://127.0.0.1:<p>/ --cacheDir <work>/hugo-cache".into(),
        "pagefind_extended --site <work>/<n>/kennisbank-public --glob 'praktijken/*/*/index.html' --root-selector article --quiet".into(),
        "node bench/js/search-bench.mjs --site <work>/<n>/kennisbank-public --queries ... --runs <runs> --pages ...".into(),
    ];
    let search_sizes: BTreeSet<usize> = if args.search_at.is_empty() {
        let wanted: BTreeSet<usize> = args
            .sizes
            .iter()
            .copied()
            .filter(|n| [1000, 10_000].contains(n))
            .collect();
        if wanted.is_empty() {
            args.sizes.iter().copied().min().into_iter().collect()
        } else {
            wanted
        }
    } else {
        args.search_at.iter().copied().collect()
    };
    if let Err(why) = &setup.serve_available {
        eprintln!("note: serve-mode rebuilds of kennisbank are not measured: {why}");
    }
    let mut failures = Vec::new();
    for &n in &args.sizes {
        let size = measure_size(&args, &setup, n, &search_sizes)?;
        for (what, failed) in [
            (
                "kennisbank build",
                matches!(size.build_ours, Outcome::Failed { .. }),
            ),
            (
                "hugo build",
                matches!(size.build_hugo, Outcome::Failed { .. }),
            ),
            (
                "kennisbank serve",
                matches!(size.serve_ours, Outcome::Failed { .. }),
            ),
            (
                "hugo server",
                matches!(size.serve_hugo, Outcome::Failed { .. }),
            ),
            (
                "pagefind",
                matches!(size.pagefind_index, Outcome::Failed { .. }),
            ),
            ("search", matches!(size.search, Outcome::Failed { .. })),
        ] {
            if failed {
                failures.push(format!("{what} at {n} practices"));
            }
        }
        results.put(size);
        results.machine.load_at_end = load_average();
        save(&results, &results_path)?;
    }
    let tables = all_tables(&results);
    let dir = results_path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    std::fs::write(dir.join("tables.md"), &tables)
        .map_err(|e| format!("cannot write tables.md: {e}"))?;
    for (name, f) in [
        (
            "build-time.svg",
            plot::build_time_svg as fn(&Results, &Path) -> Result<(), String>,
        ),
        ("build-memory.svg", plot::memory_svg),
    ] {
        if let Err(e) = f(&results, &dir.join(name)) {
            eprintln!("note: {e}");
        }
    }
    println!("{tables}");
    eprintln!(
        "Results in `{}`, tables and plots beside it (load at the end: {}).",
        results_path.display(),
        results.machine.load_at_end
    );
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("failed: {}", failures.join(", ")))
    }
}

fn save(results: &Results, path: &Path) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create `{}`: {e}", parent.display()))?;
    }
    let text = serde_json::to_string_pretty(results).map_err(|e| e.to_string())?;
    std::fs::write(path, text + "\n").map_err(|e| format!("cannot write `{}`: {e}", path.display()))
}
