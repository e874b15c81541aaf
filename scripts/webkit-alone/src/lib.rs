//! A word index like the widget's near-duplicate blocking, without the widget: headlines split
//! into words, each word mapped to the list of headlines that have it, looked up again. Pure
//! safe Rust on the standard library; its checksum is the same on every engine.
use std::collections::HashMap;

pub fn headline(i: u64) -> String {
    let mut x = i
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut out = format!("Story {} on the council budget", i % 70_000);
    for _ in 0..(x % 6) {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
        out.push(' ');
        out.push_str(
            [
                "harbour", "ferry", "returns", "vote", "pier", "plans", "bridge", "works",
            ][(x >> 33) as usize % 8],
        );
        out.push_str(&format!("{}", (x >> 40) % 500));
    }
    out
}

/// Indexes `n` headlines and returns a checksum of every lookup.
pub fn run(n: u64) -> u64 {
    let mut index = Index::default();
    for i in 0..n {
        index.add(&headline(i));
    }
    index.checksum()
}

/// The word index, one headline at a time: what `run` does, for a caller that hands the
/// headlines in one by one (from JavaScript, in `tests/calls.rs`).
#[derive(Default)]
pub struct Index {
    words: HashMap<String, usize>,
    lists: Vec<Vec<usize>>,
    sum: u64,
    next: usize,
}

impl Index {
    /// Looks up the words of headline number `self.next`, then indexes them.
    pub fn add(&mut self, headline: &str) {
        let i = self.next;
        self.next += 1;
        let h = headline.to_lowercase();
        let ws: Vec<String> = h.split(' ').map(str::to_owned).collect();
        for w in &ws {
            if let Some(&l) = self.words.get(w) {
                let list = &self.lists[l];
                if list.len() <= 32 {
                    for &j in list {
                        self.sum = self.sum.wrapping_mul(31).wrapping_add(j as u64);
                    }
                }
            }
        }
        for w in ws {
            let next = self.lists.len();
            let l = *self.words.entry(w).or_insert(next);
            if l == self.lists.len() {
                self.lists.push(Vec::new());
            }
            if self.lists[l].last() != Some(&i) {
                self.lists[l].push(i);
            }
        }
    }

    /// The checksum of every lookup so far, the number of words and of lists.
    pub fn checksum(&self) -> u64 {
        self.sum ^ (self.words.len() as u64) ^ ((self.lists.len() as u64) << 32)
    }
}

#[cfg(feature = "slices")]
pub mod slices;
