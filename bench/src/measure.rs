//! Measuring: wall time and peak memory of a command, medians, HTTP polling of a serving process
//! for the time from a file write to the new page being served.

use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// GNU time, for the peak resident memory of a command and its children.
pub const GNU_TIME: &str = "/usr/bin/time";

/// One timed run of a command.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Run {
    pub wall_ms: f64,
    /// Peak resident set size in KiB (`None` without GNU time).
    pub max_rss_kib: Option<u64>,
    /// User plus system CPU time: unlike wall time, hardly changed by other load on the machine.
    #[serde(default)]
    pub cpu_ms: Option<f64>,
}

/// Several runs of one measure, with their medians.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stat {
    pub runs: Vec<Run>,
    pub median_ms: f64,
    pub median_rss_kib: Option<u64>,
    #[serde(default)]
    pub median_cpu_ms: Option<f64>,
}

impl Stat {
    pub fn from_runs(runs: Vec<Run>) -> Stat {
        let walls: Vec<f64> = runs.iter().map(|r| r.wall_ms).collect();
        let rss: Vec<f64> = runs
            .iter()
            .filter_map(|r| r.max_rss_kib.map(|k| k as f64))
            .collect();
        let cpu: Vec<f64> = runs.iter().filter_map(|r| r.cpu_ms).collect();
        Stat {
            median_ms: median(&walls),
            median_rss_kib: (!rss.is_empty()).then(|| median(&rss).round() as u64),
            median_cpu_ms: (!cpu.is_empty()).then(|| median(&cpu)),
            runs,
        }
    }

    pub fn min_ms(&self) -> f64 {
        self.runs
            .iter()
            .map(|r| r.wall_ms)
            .fold(f64::INFINITY, f64::min)
    }

    pub fn max_ms(&self) -> f64 {
        self.runs.iter().map(|r| r.wall_ms).fold(0.0, f64::max)
    }
}

/// The median (mean of the middle two for an even count); 0 for no values.
pub fn median(values: &[f64]) -> f64 {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    }
}

/// Reads "Maximum resident set size (kbytes): N" from the output of `time -v`.
pub fn parse_max_rss(time_output: &str) -> Option<u64> {
    time_output
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse().ok())
}

/// Reads user plus system time from the output of `time -v`, in milliseconds.
pub fn parse_cpu_ms(time_output: &str) -> Option<f64> {
    let field = |name: &str| -> Option<f64> {
        time_output
            .lines()
            .find_map(|l| l.trim().strip_prefix(name))
            .and_then(|v| v.trim().parse::<f64>().ok())
    };
    Some((field("User time (seconds):")? + field("System time (seconds):")?) * 1000.0)
}

/// Runs `program args` to completion under GNU time (when present), timing the wall clock here.
/// Fails with the command's own error output when it exits unsuccessfully.
pub fn run_timed(program: &Path, args: &[String], dir: Option<&Path>) -> Result<Run, String> {
    let use_time = Path::new(GNU_TIME).is_file();
    let mut cmd = if use_time {
        let mut c = Command::new(GNU_TIME);
        c.arg("-v").arg(program);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args).stdout(Stdio::null()).stderr(Stdio::piped());
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let started = Instant::now();
    let out = cmd
        .output()
        .map_err(|e| format!("cannot run `{}`: {e}", program.display()))?;
    let wall_ms = started.elapsed().as_secs_f64() * 1000.0;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        let tail: Vec<&str> = stderr.lines().rev().take(25).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!(
            "`{} {}` failed ({}):\n{}",
            program.display(),
            args.join(" "),
            out.status,
            tail.join("\n")
        ));
    }
    Ok(Run {
        wall_ms,
        max_rss_kib: if use_time {
            parse_max_rss(&stderr)
        } else {
            None
        },
        cpu_ms: if use_time {
            parse_cpu_ms(&stderr)
        } else {
            None
        },
    })
}

/// Runs a command `warmup + runs` times, calling `before` ahead of each (to reset the output
/// folder, outside the timing), and keeps the last `runs`.
pub fn repeat(
    program: &Path,
    args: &[String],
    warmup: usize,
    runs: usize,
    mut before: impl FnMut() -> Result<(), String>,
) -> Result<Stat, String> {
    let mut kept = Vec::with_capacity(runs);
    for i in 0..warmup + runs {
        before()?;
        let r = run_timed(program, args, None)?;
        if i >= warmup {
            kept.push(r);
        }
    }
    Ok(Stat::from_runs(kept))
}

/// One command of a side-by-side measure.
pub struct Contender<'a> {
    pub program: &'a Path,
    pub args: Vec<String>,
    /// Measured runs (after the warm-up).
    pub runs: usize,
    /// Called before each run, outside the timing (such as removing the output folder).
    pub before: Box<dyn FnMut() -> Result<(), String> + 'a>,
}

/// Runs the contenders in turn, one run of each per round, so that a change in the machine's
/// load falls on all of them alike; the first `warmup` rounds are not kept. A contender that
/// fails is not run again and gets its error.
pub fn interleave(mut contenders: Vec<Contender<'_>>, warmup: usize) -> Vec<Result<Stat, String>> {
    let mut runs: Vec<Result<Vec<Run>, String>> =
        contenders.iter().map(|_| Ok(Vec::new())).collect();
    let rounds = warmup + contenders.iter().map(|c| c.runs).max().unwrap_or(0);
    for round in 0..rounds {
        for (c, kept) in contenders.iter_mut().zip(runs.iter_mut()) {
            let Ok(list) = kept else {
                continue;
            };
            if round >= warmup + c.runs {
                continue;
            }
            let result = (c.before)().and_then(|()| run_timed(c.program, &c.args, None));
            match result {
                Ok(r) if round >= warmup => list.push(r),
                Ok(_) => {}
                Err(e) => *kept = Err(e),
            }
        }
    }
    runs.into_iter().map(|r| r.map(Stat::from_runs)).collect()
}

/// A minimal HTTP/1.0 GET (HTTP/1.0, so the body is never chunked): status and body.
pub fn http_get(port: u16, path: &str, timeout: Duration) -> std::io::Result<(u16, Vec<u8>)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nAccept-Encoding: identity\r\nCache-Control: no-cache\r\n\r\n"
    )?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let head_end = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| std::io::Error::other("no HTTP header in the response"))?;
    let status = std::str::from_utf8(&response[..head_end])
        .ok()
        .and_then(|h| h.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("no HTTP status in the response"))?;
    Ok((status, response[head_end + 4..].to_vec()))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Polls `path` until its body contains `marker` (or, with no marker, until it answers 200).
/// Returns the time from `since`, or `None` after `timeout`.
pub fn wait_for(
    port: u16,
    path: &str,
    marker: Option<&str>,
    since: Instant,
    timeout: Duration,
    every: Duration,
) -> Option<Duration> {
    loop {
        if let Ok((status, body)) = http_get(port, path, Duration::from_secs(30)) {
            let ok = match marker {
                Some(m) => status == 200 && contains(&body, m.as_bytes()),
                None => status == 200,
            };
            if ok {
                return Some(since.elapsed());
            }
        }
        if since.elapsed() > timeout {
            return None;
        }
        std::thread::sleep(every);
    }
}

/// A server process we started; killed (by its own handle) when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
}

impl Server {
    pub fn start(program: &Path, args: &[String], port: u16, log: &Path) -> Result<Server, String> {
        let log_file = std::fs::File::create(log)
            .map_err(|e| format!("cannot create `{}`: {e}", log.display()))?;
        let err_file = log_file
            .try_clone()
            .map_err(|e| format!("cannot open `{}` twice: {e}", log.display()))?;
        let child = Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(log_file)
            .stderr(err_file)
            .spawn()
            .map_err(|e| format!("cannot start `{}`: {e}", program.display()))?;
        Ok(Server { child, port })
    }

    /// Whether the process has exited (it should not, while serving).
    pub fn exited(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(Some(_)))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A free TCP port on the loopback interface.
pub fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

/// What a rebuild measurement found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rebuild {
    /// From starting the server to the first page being served (includes the first full build).
    pub startup_ms: f64,
    /// From each file write to the edited page being served with the new text.
    pub stat: Stat,
    /// Peak resident memory of the server process by the end (`VmHWM`).
    pub peak_rss_kib: Option<u64>,
}

/// Starts a server, waits for it, then edits `file` `runs` times (appending a paragraph with a
/// unique word) and times each write until `page` is served with that word. The file is put
/// back afterwards.
pub fn measure_rebuild(
    server: &mut Server,
    page: &str,
    file: &Path,
    runs: usize,
    startup_timeout: Duration,
) -> Result<Rebuild, String> {
    let started = Instant::now();
    let startup = loop {
        if let Some(d) = wait_for(
            server.port,
            page,
            None,
            started,
            Duration::from_millis(0),
            Duration::from_millis(0),
        ) {
            break d;
        }
        if server.exited() {
            return Err("the server exited before serving".into());
        }
        if started.elapsed() > startup_timeout {
            return Err(format!(
                "the server did not serve `{page}` within {} s",
                startup_timeout.as_secs()
            ));
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let original = std::fs::read_to_string(file)
        .map_err(|e| format!("cannot read `{}`: {e}", file.display()))?;
    let mut measured = Vec::with_capacity(runs);
    let mut failure = None;
    // One unmeasured edit first: some servers load lazily on the first change.
    for i in 0..=runs {
        let marker = format!("kbbenchedit{i}x{}", std::process::id());
        let edited = format!(
            "{}\n\nBewerkt tijdens de meting: {marker}.\n",
            original.trim_end()
        );
        std::thread::sleep(Duration::from_millis(1200));
        let t0 = Instant::now();
        if let Err(e) = std::fs::write(file, &edited) {
            failure = Some(format!("cannot write `{}`: {e}", file.display()));
            break;
        }
        match wait_for(
            server.port,
            page,
            Some(&marker),
            t0,
            Duration::from_secs(120),
            Duration::from_millis(2),
        ) {
            Some(d) if i > 0 => measured.push(Run {
                wall_ms: d.as_secs_f64() * 1000.0,
                max_rss_kib: None,
                cpu_ms: None,
            }),
            Some(_) => {}
            None => {
                failure = Some(format!(
                    "`{page}` did not show the edit within 120 s after writing `{}`",
                    file.display()
                ));
                break;
            }
        }
    }
    let _ = std::fs::write(file, &original);
    if let Some(f) = failure {
        return Err(f);
    }
    Ok(Rebuild {
        startup_ms: startup.as_secs_f64() * 1000.0,
        stat: Stat::from_runs(measured),
        peak_rss_kib: peak_rss_of(server.id()),
    })
}

/// Peak resident memory of a running process so far (`VmHWM`), in KiB.
pub fn peak_rss_of(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

impl Server {
    pub fn id(&self) -> u32 {
        self.child.id()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        assert_eq!(median(&[]), 0.0);
    }

    #[test]
    fn reads_peak_memory_from_gnu_time() {
        let out = "\tCommand being timed: \"x\"\n\tUser time (seconds): 1.25\n\tSystem time (seconds): 0.50\n\tMaximum resident set size (kbytes): 12345\n\tExit status: 0\n";
        assert_eq!(parse_max_rss(out), Some(12345));
        assert_eq!(parse_cpu_ms(out), Some(1750.0));
        assert_eq!(parse_max_rss("nothing"), None);
        assert_eq!(parse_cpu_ms("nothing"), None);
    }

    #[test]
    fn stat_takes_medians_of_time_and_memory() {
        let s = Stat::from_runs(vec![
            Run {
                wall_ms: 10.0,
                max_rss_kib: Some(100),
                cpu_ms: None,
            },
            Run {
                wall_ms: 30.0,
                max_rss_kib: Some(300),
                cpu_ms: None,
            },
            Run {
                wall_ms: 20.0,
                max_rss_kib: Some(200),
                cpu_ms: None,
            },
        ]);
        assert_eq!(s.median_ms, 20.0);
        assert_eq!(s.median_rss_kib, Some(200));
        assert_eq!((s.min_ms(), s.max_ms()), (10.0, 30.0));
    }

    #[test]
    fn interleave_alternates_runs_keeps_all_but_warmup_and_stops_a_failing_command() {
        let order = std::cell::RefCell::new(Vec::new());
        let contender = |name: &'static str, program: &'static str, runs: usize| Contender {
            program: Path::new(program),
            args: Vec::new(),
            runs,
            before: Box::new({
                let order = &order;
                move || {
                    order.borrow_mut().push(name);
                    Ok(())
                }
            }),
        };
        let stats = interleave(
            vec![
                contender("ok", "/bin/true", 3),
                contender("bad", "/bin/false", 3),
                contender("short", "/bin/true", 1),
            ],
            1,
        );
        assert_eq!(stats[0].as_ref().map(|s| s.runs.len()), Ok(3));
        assert!(stats[1].is_err());
        assert_eq!(stats[2].as_ref().map(|s| s.runs.len()), Ok(1));
        assert_eq!(
            *order.borrow(),
            vec!["ok", "bad", "short", "ok", "short", "ok", "ok"]
        );
    }

    #[test]
    fn http_get_reads_status_and_body() {
        let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = std::thread::spawn(move || {
            let (mut s, _) = listener.accept().unwrap();
            // Read the whole request first: closing with unread input resets the connection.
            let mut request = Vec::new();
            let mut buf = [0u8; 512];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                let n = s.read(&mut buf).unwrap();
                assert!(n > 0, "the request ended early");
                request.extend_from_slice(&buf[..n]);
            }
            s.write_all(b"HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhallo")
                .unwrap();
        });
        let (status, body) = http_get(port, "/", Duration::from_secs(5)).unwrap();
        server.join().unwrap();
        assert_eq!((status, body.as_slice()), (200, b"hallo".as_slice()));
    }
}
