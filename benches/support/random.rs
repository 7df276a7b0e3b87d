//! Randomness for generated text, shared by the bench targets (`#[path]`-included) so that a
//! seed means one corpus: the SplitMix64 generator (Steele, Lea and Flood 2014) and pseudo-words.

/// SplitMix64: small, deterministic, good enough to make text.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0), by multiply-shift.
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next() as u128 * n as u128) >> 64) as usize
    }

    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `n` distinct pseudo-words made of consonant-vowel syllables (no `s`, so no plural is ever
/// stripped), for corpora that must not meet the engine's word lists.
pub fn pseudo_words(n: usize) -> Vec<String> {
    const C: &[&str] = &["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "t", "v", "br", "gr", "kl", "tr"];
    const V: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou"];
    let syllables: Vec<String> = C.iter().flat_map(|c| V.iter().map(move |v| format!("{c}{v}"))).collect();
    let base = syllables.len();
    (0..n)
        .map(|i| {
            // Two to four syllables; the index written in base `base` makes every word unique.
            let mut x = i + base; // at least two syllables
            let mut w = String::new();
            while x > 0 {
                w.push_str(&syllables[x % base]);
                x /= base;
            }
            if i % 3 == 0 {
                w.push_str(&syllables[(i * 7) % base]);
            }
            w
        })
        .collect()
}
