//! A synthetic corpus of Dutch-like practices: the words of the seed list
//! and compounds of them, with Zipf-like frequencies. Deterministic. Shared
//! by the fragment-selection test and `examples/synthetic.rs`.

use search::Document;

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
    let base: Vec<&str> = include_str!("../data/dutch_words.txt")
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
                section: String::new(),
            }
        })
        .collect()
}
