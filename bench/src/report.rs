//! The results of a `compare` run (saved as JSON) and their tables in markdown.

use crate::measure::{Rebuild, Stat};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// How a measure turned out: measured, or why not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome<T> {
    Measured {
        value: T,
    },
    /// The tool or feature is not there (yet), such as `kennisbank serve` before it lands.
    NotAvailable {
        reason: String,
    },
    /// Left out on purpose (size limit, `--only`).
    Skipped {
        reason: String,
    },
    /// It was there but failed; the error is kept for the report.
    Failed {
        error: String,
    },
}

impl<T> Outcome<T> {
    pub fn value(&self) -> Option<&T> {
        match self {
            Outcome::Measured { value } => Some(value),
            _ => None,
        }
    }

    /// Text for a table cell when there is no value.
    pub fn why_not(&self) -> String {
        match self {
            Outcome::Measured { .. } => String::new(),
            Outcome::NotAvailable { .. } => "not available yet".into(),
            Outcome::Skipped { .. } => "not measured".into(),
            Outcome::Failed { .. } => "failed".into(),
        }
    }
}

impl<T> Default for Outcome<T> {
    fn default() -> Self {
        Outcome::Skipped {
            reason: "not run".into(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub memory_gib: f64,
    pub kernel: String,
    pub load_at_start: String,
    pub load_at_end: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tools {
    pub kennisbank: String,
    pub hugo: String,
    pub pagefind: String,
    pub chromium: String,
    pub node: String,
}

/// One search query as measured in the browser (written by `bench/js/search-bench.mjs`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QueryReport {
    pub q: String,
    pub words: usize,
    pub total: usize,
    /// URLs of the first results, as the engine returns them.
    pub top: Vec<String>,
    pub titles: Vec<Option<String>>,
    pub cold_ms: Option<f64>,
    pub cold_bytes: Option<f64>,
    pub cold_requests: Option<f64>,
    pub warm_ms: Option<f64>,
    pub warm_bytes: Option<f64>,
    pub warm_requests: Option<f64>,
    /// Files of the last cold run: (path, bytes sent).
    pub files: Vec<(String, u64)>,
    /// Share of the first results whose practice contains every query word (filled in by
    /// `compare` from the synthetic content).
    pub precision: Option<f64>,
    /// How many practices contain every query word.
    pub containing: Option<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EngineReport {
    pub available: bool,
    pub queries: Vec<QueryReport>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PageReport {
    pub path: String,
    /// What the page is, for the table ("checker", "practice").
    pub name: String,
    pub status: u16,
    pub bytes: Option<f64>,
    pub requests: usize,
    pub files: Vec<(String, u64)>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchReport {
    pub engines: BTreeMap<String, EngineReport>,
    pub pages: Vec<PageReport>,
    pub method: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SizeResult {
    pub practices: usize,
    pub load_at_start: String,
    pub content_bytes: u64,
    pub ours_files: usize,
    pub ours_bytes: u64,
    pub hugo_files: usize,
    pub hugo_bytes: u64,
    pub build_ours: Outcome<Stat>,
    pub build_hugo: Outcome<Stat>,
    pub serve_ours: Outcome<Rebuild>,
    pub serve_hugo: Outcome<Rebuild>,
    pub pagefind_index: Outcome<Stat>,
    pub search: Outcome<SearchReport>,
    /// The builds a user runs on an existing site, per place (disk, tmpfs) and case.
    pub writes: Vec<WriteCase>,
}

/// One case of [`crate::writes::Case`] at one place, kennisbank and Hugo run pair by pair.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WriteCase {
    /// Such as `disk (ext2/ext3, /tmp/kennisbank-bench)`.
    pub place: String,
    pub case: String,
    pub ours: Outcome<Stat>,
    pub hugo: Outcome<Stat>,
    /// The 1-minute load average before and after the case (other work on the machine).
    pub load_at_start: String,
    pub load_at_end: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Results {
    pub date: String,
    pub machine: Machine,
    pub tools: Tools,
    pub seed: u64,
    pub runs: usize,
    pub commands: Vec<String>,
    pub sizes: Vec<SizeResult>,
}

fn keep<T>(new: &mut Outcome<T>, old: Outcome<T>) {
    if matches!(new, Outcome::Skipped { .. }) {
        *new = old;
    }
}

impl SizeResult {
    /// Takes from `old` every measure this run left out, so a partial run (`--only serve`)
    /// updates its own figures and keeps the rest.
    pub fn keep_missing_from(&mut self, old: SizeResult) {
        if self.build_ours.value().is_none() && old.build_ours.value().is_some() {
            (self.ours_files, self.ours_bytes) = (old.ours_files, old.ours_bytes);
        }
        if self.build_hugo.value().is_none() && old.build_hugo.value().is_some() {
            (self.hugo_files, self.hugo_bytes) = (old.hugo_files, old.hugo_bytes);
        }
        keep(&mut self.build_ours, old.build_ours);
        keep(&mut self.build_hugo, old.build_hugo);
        keep(&mut self.serve_ours, old.serve_ours);
        keep(&mut self.serve_hugo, old.serve_hugo);
        keep(&mut self.pagefind_index, old.pagefind_index);
        keep(&mut self.search, old.search);
        if self.writes.is_empty() {
            self.writes = old.writes;
        }
    }
}

impl Results {
    /// Adds the result for one size, keeping sizes in order; measures it left out are kept from
    /// an earlier result for the same size.
    pub fn put(&mut self, mut size: SizeResult) {
        if let Some(at) = self
            .sizes
            .iter()
            .position(|s| s.practices == size.practices)
        {
            let old = self.sizes.remove(at);
            size.keep_missing_from(old);
        }
        self.sizes.push(size);
        self.sizes.sort_by_key(|s| s.practices);
    }
}

fn seconds(ms: f64) -> String {
    if ms >= 10_000.0 {
        format!("{:.1} s", ms / 1000.0)
    } else if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else {
        format!("{ms:.0} ms")
    }
}

fn mib(kib: u64) -> String {
    format!("{:.0} MiB", kib as f64 / 1024.0)
}

fn kb(bytes: f64) -> String {
    if bytes >= 10_000.0 {
        format!("{:.0} KB", bytes / 1000.0)
    } else {
        format!("{:.1} KB", bytes / 1000.0)
    }
}

/// `ours / theirs`, written so that below 1 means ours is smaller or faster.
pub fn ratio(ours: f64, theirs: f64) -> String {
    if theirs <= 0.0 || !ours.is_finite() || !theirs.is_finite() {
        return "–".into();
    }
    format!("{:.2}×", ours / theirs)
}

fn count(n: usize) -> String {
    let digits = n.to_string();
    let groups: Vec<&str> = digits
        .as_bytes()
        .rchunks(3)
        .rev()
        .map(|g| std::str::from_utf8(g).unwrap_or_default())
        .collect();
    groups.join(",")
}

fn time_cell(stat: &Stat) -> String {
    if stat.runs.len() > 1 {
        format!(
            "{} ({}–{})",
            seconds(stat.median_ms),
            seconds(stat.min_ms()),
            seconds(stat.max_ms())
        )
    } else {
        seconds(stat.median_ms)
    }
}

fn cell<T>(o: &Outcome<T>, f: impl Fn(&T) -> String) -> String {
    match o.value() {
        Some(v) => f(v),
        None => o.why_not(),
    }
}

/// The build table: wall time, CPU time and peak memory per size, with ratios.
pub fn build_table(r: &Results) -> String {
    let mut t = String::from(
        "| practices | kennisbank build | Hugo build | time ratio | kennisbank CPU | Hugo CPU | CPU ratio | kennisbank peak memory | Hugo peak memory | memory ratio |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for s in &r.sizes {
        let ours = s.build_ours.value();
        let hugo = s.build_hugo.value();
        let pair = |f: fn(&Stat) -> Option<f64>| match (ours.and_then(f), hugo.and_then(f)) {
            (Some(o), Some(h)) => ratio(o, h),
            _ => "–".into(),
        };
        let cpu = |o: &Outcome<Stat>| match o.value() {
            Some(v) => v.median_cpu_ms.map(seconds).unwrap_or_else(|| "–".into()),
            None => o.why_not(),
        };
        let _ = writeln!(
            t,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            count(s.practices),
            cell(&s.build_ours, time_cell),
            cell(&s.build_hugo, time_cell),
            pair(|v| Some(v.median_ms)),
            cpu(&s.build_ours),
            cpu(&s.build_hugo),
            pair(|v| v.median_cpu_ms),
            cell(&s.build_ours, |v| v
                .median_rss_kib
                .map(mib)
                .unwrap_or_default()),
            cell(&s.build_hugo, |v| v
                .median_rss_kib
                .map(mib)
                .unwrap_or_default()),
            pair(|v| v.median_rss_kib.map(|k| k as f64)),
        );
    }
    t
}

/// Memory per practice at each size, to show whether growth is linear.
pub fn memory_table(r: &Results) -> String {
    let mut t = String::from(
        "| practices | content (markdown) | kennisbank output | kennisbank peak | per practice | Hugo peak | per practice |\n|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for s in &r.sizes {
        let per = |o: &Outcome<Stat>| -> String {
            o.value()
                .and_then(|v| v.median_rss_kib)
                .map(|k| format!("{:.1} KiB", k as f64 / s.practices.max(1) as f64))
                .unwrap_or_else(|| o.why_not())
        };
        let _ = writeln!(
            t,
            "| {} | {:.1} MB | {:.1} MB in {} files | {} | {} | {} | {} |",
            count(s.practices),
            s.content_bytes as f64 / 1e6,
            s.ours_bytes as f64 / 1e6,
            count(s.ours_files),
            cell(&s.build_ours, |v| v
                .median_rss_kib
                .map(mib)
                .unwrap_or_default()),
            per(&s.build_ours),
            cell(&s.build_hugo, |v| v
                .median_rss_kib
                .map(mib)
                .unwrap_or_default()),
            per(&s.build_hugo),
        );
    }
    t
}

/// Rebuild after editing one practice, file write to new page served.
pub fn serve_table(r: &Results) -> String {
    let mut t = String::from(
        "| practices | `kennisbank serve` rebuild | `hugo server` rebuild | ratio | kennisbank first page served | Hugo first page served | kennisbank serve peak memory | Hugo server peak memory |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for s in &r.sizes {
        let ratio_cell = match (s.serve_ours.value(), s.serve_hugo.value()) {
            (Some(o), Some(h)) => ratio(o.stat.median_ms, h.stat.median_ms),
            _ => "–".into(),
        };
        let _ = writeln!(
            t,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            count(s.practices),
            cell(&s.serve_ours, |v| time_cell(&v.stat)),
            cell(&s.serve_hugo, |v| time_cell(&v.stat)),
            ratio_cell,
            cell(&s.serve_ours, |v| seconds(v.startup_ms)),
            cell(&s.serve_hugo, |v| seconds(v.startup_ms)),
            cell(&s.serve_ours, |v| v
                .peak_rss_kib
                .map(mib)
                .unwrap_or_default()),
            cell(&s.serve_hugo, |v| v
                .peak_rss_kib
                .map(mib)
                .unwrap_or_default()),
        );
    }
    t
}

/// Pagefind's indexing of the built practice pages.
pub fn pagefind_table(r: &Results) -> String {
    let mut t = String::from(
        "| practices | Pagefind indexing | Pagefind peak memory |\n|---:|---:|---:|\n",
    );
    for s in r
        .sizes
        .iter()
        .filter(|s| s.pagefind_index.value().is_some())
    {
        let _ = writeln!(
            t,
            "| {} | {} | {} |",
            count(s.practices),
            cell(&s.pagefind_index, time_cell),
            cell(&s.pagefind_index, |v| v
                .median_rss_kib
                .map(mib)
                .unwrap_or_default()),
        );
    }
    t
}

fn query_of<'a>(e: Option<&'a EngineReport>, q: &str) -> Option<&'a QueryReport> {
    e.filter(|e| e.available)?.queries.iter().find(|x| x.q == q)
}

fn opt_ratio(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) => ratio(a, b),
        _ => "–".into(),
    }
}

/// Search: bytes and time to the first results, ours against Pagefind, per query.
pub fn search_tables(r: &Results) -> String {
    let mut out = String::new();
    for s in &r.sizes {
        let Some(search) = s.search.value() else {
            continue;
        };
        let ours = search.engines.get("ours");
        let pf = search.engines.get("pagefind");
        let queries: Vec<&QueryReport> = pf
            .filter(|e| e.available)
            .or(ours.filter(|e| e.available))
            .map(|e| e.queries.iter().collect())
            .unwrap_or_default();
        if queries.is_empty() {
            continue;
        }
        let na = "not available yet".to_string();
        let _ = writeln!(out, "\n#### {} practices\n", count(s.practices));
        out.push_str("| query | kennisbank bytes (cold) | Pagefind bytes (cold) | ratio | kennisbank ms (cold) | Pagefind ms (cold) | ratio | kennisbank bytes / ms (warm) | Pagefind bytes / ms (warm) | matches kennisbank / Pagefind / containing all words | top-10 precision kennisbank / Pagefind |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for q in queries {
            let o = query_of(ours, &q.q);
            let p = query_of(pf, &q.q);
            let bytes = |x: Option<&QueryReport>, f: fn(&QueryReport) -> Option<f64>| {
                x.and_then(f).map(kb).unwrap_or_else(|| na.clone())
            };
            let ms = |x: Option<&QueryReport>, f: fn(&QueryReport) -> Option<f64>| {
                x.and_then(f)
                    .map(|v| format!("{v:.0}"))
                    .unwrap_or_else(|| na.clone())
            };
            let warm = |x: Option<&QueryReport>| match x {
                Some(x) => format!(
                    "{} / {}",
                    x.warm_bytes.map(kb).unwrap_or_default(),
                    x.warm_ms.map(|v| format!("{v:.0}")).unwrap_or_default()
                ),
                None => na.clone(),
            };
            let precision = |x: Option<&QueryReport>| {
                x.and_then(|x| x.precision)
                    .map(|p| format!("{:.0}%", p * 100.0))
                    .unwrap_or_else(|| "–".into())
            };
            let containing = o.or(p).and_then(|x| x.containing);
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {} | {} | {} | {} | {} | {} / {} / {} | {} / {} |",
                q.q,
                bytes(o, |x| x.cold_bytes),
                bytes(p, |x| x.cold_bytes),
                opt_ratio(o.and_then(|x| x.cold_bytes), p.and_then(|x| x.cold_bytes)),
                ms(o, |x| x.cold_ms),
                ms(p, |x| x.cold_ms),
                opt_ratio(o.and_then(|x| x.cold_ms), p.and_then(|x| x.cold_ms)),
                warm(o),
                warm(p),
                o.map(|x| count(x.total)).unwrap_or_else(|| "–".into()),
                p.map(|x| count(x.total)).unwrap_or_else(|| "–".into()),
                containing.map(count).unwrap_or_else(|| "–".into()),
                precision(o),
                precision(p),
            );
        }
    }
    out
}

/// What pages download, gzip-compressed.
pub fn pages_table(r: &Results) -> String {
    let mut out = String::new();
    for s in &r.sizes {
        let Some(search) = s.search.value() else {
            continue;
        };
        if search.pages.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n#### {} practices\n", count(s.practices));
        out.push_str(
            "| page | path | bytes (gzip) | requests | files |\n|---|---|---:|---:|---|\n",
        );
        for p in &search.pages {
            let bytes = match (p.status, p.bytes) {
                (200, Some(b)) => kb(b),
                (404, _) => "page not built yet".into(),
                (status, _) => format!("HTTP {status}"),
            };
            let files: Vec<String> = p
                .files
                .iter()
                .map(|(f, b)| format!("`{f}` {}", kb(*b as f64)))
                .collect();
            let _ = writeln!(
                out,
                "| {} | `{}` | {} | {} | {} |",
                p.name,
                p.path,
                bytes,
                p.requests,
                files.join(", ")
            );
        }
    }
    out
}

/// The builds a user runs on an existing site: wall time, CPU and peak memory of both tools.
pub fn writes_table(r: &Results) -> String {
    let mut t = String::from(
        "| practices | where | build | kennisbank | Hugo | time ratio | kennisbank CPU | Hugo CPU | kennisbank peak | Hugo peak | memory ratio | load before → after |\n|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n",
    );
    for s in &r.sizes {
        for w in &s.writes {
            let (ours, hugo) = (w.ours.value(), w.hugo.value());
            let pair = |f: fn(&Stat) -> Option<f64>| match (ours.and_then(f), hugo.and_then(f)) {
                (Some(o), Some(h)) => ratio(o, h),
                _ => "–".into(),
            };
            let cpu = |o: &Outcome<Stat>| match o.value() {
                Some(v) => v.median_cpu_ms.map(seconds).unwrap_or_else(|| "–".into()),
                None => o.why_not(),
            };
            let peak =
                |o: &Outcome<Stat>| cell(o, |v| v.median_rss_kib.map(mib).unwrap_or_default());
            let _ = writeln!(
                t,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} → {} |",
                count(s.practices),
                w.place,
                w.case,
                cell(&w.ours, time_cell),
                cell(&w.hugo, time_cell),
                pair(|v| Some(v.median_ms)),
                cpu(&w.ours),
                cpu(&w.hugo),
                peak(&w.ours),
                peak(&w.hugo),
                pair(|v| v.median_rss_kib.map(|k| k as f64)),
                w.load_at_start,
                w.load_at_end,
            );
        }
    }
    t
}

/// Every table, as `BENCHMARKS.md` shows them.
pub fn all_tables(r: &Results) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "### Full build\n\n{}", build_table(r));
    let _ = writeln!(out, "### Memory growth\n\n{}", memory_table(r));
    let _ = writeln!(
        out,
        "### Builds on an existing site (clean, unchanged, one edit, template)\n\n{}",
        writes_table(r)
    );
    let _ = writeln!(
        out,
        "### Rebuild after editing one practice\n\n{}",
        serve_table(r)
    );
    let _ = writeln!(out, "### Pagefind indexing\n\n{}", pagefind_table(r));
    let _ = writeln!(out, "### Search\n{}", search_tables(r));
    let _ = writeln!(out, "### Page weight\n{}", pages_table(r));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::Run;

    fn stat(ms: f64, kib: u64) -> Stat {
        Stat::from_runs(vec![Run {
            wall_ms: ms,
            max_rss_kib: Some(kib),
            cpu_ms: None,
        }])
    }

    #[test]
    fn ratio_below_one_means_ours_is_smaller() {
        assert_eq!(ratio(50.0, 200.0), "0.25×");
        assert_eq!(ratio(1.0, 0.0), "–");
    }

    #[test]
    fn counts_get_thousands_separators() {
        assert_eq!(count(50_000), "50,000");
        assert_eq!(count(10), "10");
        assert_eq!(count(1000), "1,000");
    }

    #[test]
    fn build_table_shows_missing_tools_as_text() {
        let mut r = Results::default();
        r.put(SizeResult {
            practices: 1000,
            build_ours: Outcome::Measured {
                value: stat(250.0, 102_400),
            },
            build_hugo: Outcome::NotAvailable {
                reason: "hugo not found".into(),
            },
            ..SizeResult::default()
        });
        let t = build_table(&r);
        assert!(
            t.contains(
                "| 1,000 | 250 ms | not available yet | – | – | not available yet | – | 100 MiB |"
            ),
            "{t}"
        );
    }

    #[test]
    fn put_replaces_a_size_and_keeps_order() {
        let mut r = Results::default();
        for n in [1000, 10, 1000] {
            r.put(SizeResult {
                practices: n,
                ..SizeResult::default()
            });
        }
        let sizes: Vec<usize> = r.sizes.iter().map(|s| s.practices).collect();
        assert_eq!(sizes, vec![10, 1000]);
    }

    #[test]
    fn partial_run_keeps_the_other_measures() {
        let mut r = Results::default();
        r.put(SizeResult {
            practices: 10,
            build_ours: Outcome::Measured {
                value: stat(20.0, 1000),
            },
            ours_files: 57,
            ..SizeResult::default()
        });
        r.put(SizeResult {
            practices: 10,
            serve_ours: Outcome::NotAvailable {
                reason: "no serve".into(),
            },
            ..SizeResult::default()
        });
        let s = &r.sizes[0];
        assert_eq!(s.build_ours.value().map(|v| v.median_ms), Some(20.0));
        assert_eq!(s.ours_files, 57);
        assert!(matches!(s.serve_ours, Outcome::NotAvailable { .. }));
    }

    #[test]
    fn outcome_round_trips_through_json() {
        let o: Outcome<Stat> = Outcome::Failed {
            error: "boom".into(),
        };
        let text = serde_json::to_string(&o).unwrap();
        assert!(text.contains("\"status\":\"failed\""), "{text}");
        assert_eq!(serde_json::from_str::<Outcome<Stat>>(&text).unwrap(), o);
    }
}
