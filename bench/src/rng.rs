//! A small deterministic random number generator, so that the synthetic content depends only on
//! the seed (no dependency whose algorithm could change between versions).

/// SplitMix64: tiny, fast and good enough for generating text.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// An independent stream for item `index` of the stream `seed`, so that item 7 comes out the
    /// same whatever else is generated before it.
    pub fn for_item(seed: u64, index: u64) -> Rng {
        let mut r = Rng(seed ^ index.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        r.next_u64();
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`; `0` when `n` is 0.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            Some(&items[self.below(items.len())])
        }
    }

    /// An index in `0..n` where low indexes are much more likely (Zipf-like, as word and tag
    /// frequencies are).
    pub fn zipf(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        // Inverse of the continuous 1/x distribution over [1, n + 1).
        let x = ((n as f64 + 1.0).ln() * self.unit()).exp() - 1.0;
        (x as usize).min(n - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_gives_same_numbers() {
        let a: Vec<u64> = (0..5).map(|_| Rng::new(42).next_u64()).collect();
        let mut r = Rng::new(42);
        let first = r.next_u64();
        assert!(a.iter().all(|&x| x == first));
        assert_ne!(
            Rng::for_item(1, 2).next_u64(),
            Rng::for_item(1, 3).next_u64()
        );
    }

    #[test]
    fn zipf_favours_low_indexes_and_stays_in_range() {
        let mut r = Rng::new(3);
        let mut counts = [0usize; 10];
        for _ in 0..10_000 {
            counts[r.zipf(10)] += 1;
        }
        assert!(counts[0] > counts[9] * 3, "{counts:?}");
        assert_eq!(counts.iter().sum::<usize>(), 10_000);
    }
}
