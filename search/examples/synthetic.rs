//! Measures the index on a synthetic corpus of Dutch-like practices built
//! from the words of the seed list (plus compounds of them), and what a
//! one-word query costs to fetch and to answer.
//!
//! cargo run --release -p search --example synthetic -- [DOCS] [OUT_DIR]
//!
//! Writes the index to OUT_DIR (default /tmp/kennisbank-synthetic) and prints
//! sizes; gzip sizes come from `gzip -9` as a web server would serve them.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use search::{build_index, Document, Filters, Searcher};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: deterministic, no dependency.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Samples word ranks with a Zipf-like distribution.
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize) -> Zipf {
        let mut cumulative = Vec::with_capacity(n);
        let mut sum = 0.0;
        for i in 0..n {
            sum += 1.0 / (i as f64 + 2.7);
            cumulative.push(sum);
        }
        Zipf { cumulative }
    }
    fn sample(&self, rng: &mut Rng) -> usize {
        let total = *self.cumulative.last().unwrap_or(&1.0);
        let x = rng.unit() * total;
        self.cumulative
            .partition_point(|&c| c < x)
            .min(self.cumulative.len() - 1)
    }
}

pub fn synthetic_docs(count: usize) -> Vec<Document> {
    let base: Vec<&str> = include_str!("../tests/data/dutch_words.txt")
        .lines()
        .filter(|w| w.len() >= 3)
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    // Vocabulary: the seed's words, then compounds of two of them.
    let mut vocab: Vec<String> = base.iter().map(|w| w.to_string()).collect();
    let nouns: Vec<&str> = base
        .iter()
        .copied()
        .filter(|w| (4..=10).contains(&w.len()))
        .collect();
    let target = 40_000;
    while vocab.len() < target {
        let a = nouns[rng.below(nouns.len())];
        let b = nouns[rng.below(nouns.len())];
        let link = ["", "", "s", "en"][rng.below(4)];
        vocab.push(format!("{a}{link}{b}"));
    }
    // Shuffle so compounds and base words mix in frequency.
    for i in (1..vocab.len()).rev() {
        let j = rng.below(i + 1);
        vocab.swap(i, j);
    }
    let zipf = Zipf::new(vocab.len());
    let categories = [
        ("algemeen", "Algemeen"),
        ("alleenstaanden", "Alleenstaanden"),
        ("grote-gezinnen", "Grote gezinnen"),
        ("medisch", "Medisch"),
        ("regionaal", "Regionale samenwerking"),
        ("financien", "Financiën"),
        ("wonen", "Woonvormen"),
        ("bijlage", "Bijlage"),
    ];
    let tags: Vec<String> = (0..30).map(|i| format!("Thema {i}")).collect();
    let sentence = |rng: &mut Rng, words: usize| -> String {
        let mut s = String::new();
        for i in 0..words {
            if i > 0 {
                s.push(' ');
            }
            let w = &vocab[zipf.sample(rng)];
            if i == 0 {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    s.extend(f.to_uppercase());
                    s.push_str(c.as_str());
                }
            } else {
                s.push_str(w);
            }
            if i + 1 < words && rng.below(12) == 0 {
                s.push(',');
            }
        }
        s.push('.');
        s
    };
    (0..count)
        .map(|i| {
            let (slug, title) = categories[rng.below(categories.len())];
            let n_tags = rng.below(4);
            let doc_tags = (0..n_tags)
                .map(|_| tags[rng.below(tags.len())].clone())
                .collect();
            let t_len = 4 + rng.below(6);
            let mut body = String::new();
            let paragraphs = 1 + rng.below(4);
            for _ in 0..paragraphs {
                for _ in 0..(2 + rng.below(4)) {
                    let n = 8 + rng.below(14);
                    body.push_str(&sentence(&mut rng, n));
                    body.push(' ');
                }
                body.push('\n');
            }
            let s_len = 12 + rng.below(12);
            Document {
                url: format!("praktijken/{slug}/praktijk-{i}/"),
                title: sentence(&mut rng, t_len).trim_end_matches('.').to_string(),
                category: slug.to_string(),
                category_title: title.to_string(),
                tags: doc_tags,
                summary: sentence(&mut rng, s_len),
                body,
            }
        })
        .collect()
}

fn gzip_size(path: &Path) -> u64 {
    let out = Command::new("gzip").arg("-9c").arg(path).output();
    match out {
        Ok(o) => o.stdout.len() as u64,
        Err(_) => 0,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let count: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let out = Path::new(
        args.get(2)
            .map(String::as_str)
            .unwrap_or("/tmp/kennisbank-synthetic"),
    );
    let docs = synthetic_docs(count);
    let text_bytes: usize = docs
        .iter()
        .map(|d| d.body.len() + d.summary.len() + d.title.len())
        .sum();

    let t = Instant::now();
    let files = build_index(&docs);
    let build_time = t.elapsed();
    let _ = std::fs::remove_dir_all(out);
    let mut per_kind: BTreeMap<&str, (usize, u64)> = BTreeMap::new();
    for (rel, bytes) in &files {
        let path = out.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create index dir");
        }
        std::fs::write(&path, bytes).expect("write index file");
        let kind = if rel.starts_with("t/") {
            "term fragments"
        } else if rel.starts_with("d/") {
            "documents"
        } else {
            rel.as_str()
        };
        let e = per_kind.entry(kind).or_default();
        e.0 += 1;
        e.1 += bytes.len() as u64;
    }
    println!("documents: {count}, text {:.1} MB", text_bytes as f64 / 1e6);
    println!("build_index: {:.2} s", build_time.as_secs_f64());
    for (kind, (n, bytes)) in &per_kind {
        println!("  {kind}: {n} files, {:.1} KB raw", *bytes as f64 / 1024.0);
    }
    let meta_path = out.join("meta.bin");
    println!(
        "meta.bin: {} B raw, {} B gzip; tags.bin: {} B gzip",
        std::fs::metadata(&meta_path).map(|m| m.len()).unwrap_or(0),
        gzip_size(&meta_path),
        gzip_size(&out.join("tags.bin"))
    );

    let meta = std::fs::read(&meta_path).expect("read meta");
    let queries = [
        "vergunninghouders",
        "woningcorporatie",
        "toeslag",
        "verzorgingshuis",
        "kamerverhuur",
        "leegstandswet",
        "huisv",
        "gemeente",
        "coordinator",
        "alleenstaande",
    ];
    println!(
        "one-word first queries (limit 10): files, gzip KB of fragments + documents, native time"
    );
    let mut searcher = Searcher::new(&meta).expect("meta decodes");
    for q in queries {
        let mut fresh = Searcher::new(&meta).expect("meta decodes");
        let (mut frag_gz, mut doc_gz, mut frags, mut docs_n) = (0u64, 0u64, 0, 0);
        for _ in 0..6 {
            let needed = fresh.needed_files(q, &Filters::default(), 10);
            if needed.is_empty() {
                break;
            }
            for rel in needed {
                let path = out.join(&rel);
                let bytes = std::fs::read(&path).expect("read file");
                fresh.add_file(&rel, &bytes).expect("file decodes");
                searcher.add_file(&rel, &bytes).expect("file decodes");
                if rel.starts_with("d/") {
                    docs_n += 1;
                    doc_gz += gzip_size(&path);
                } else {
                    frags += 1;
                    frag_gz += gzip_size(&path);
                }
            }
        }
        let t = Instant::now();
        let rounds = 20;
        let mut total = 0;
        for _ in 0..rounds {
            total = fresh.search(q, &Filters::default(), 10).total;
        }
        let per_query = t.elapsed().as_secs_f64() * 1000.0 / rounds as f64;
        println!(
            "  {q:<18} {frags} fragments {:.1} KB + {docs_n} docs {:.1} KB = {:.1} KB gzip; {total} matches; {per_query:.2} ms",
            frag_gz as f64 / 1024.0,
            doc_gz as f64 / 1024.0,
            (frag_gz + doc_gz) as f64 / 1024.0
        );
    }
    let fragments = per_kind.get("term fragments").map(|k| k.0).unwrap_or(0);
    println!("(of {fragments} fragments in all)");
}
