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
    let mut words: HashMap<String, usize> = HashMap::new();
    let mut lists: Vec<Vec<usize>> = Vec::new();
    let mut sum = 0u64;
    for i in 0..n {
        let h = headline(i).to_lowercase();
        let ws: Vec<String> = h.split(' ').map(str::to_owned).collect();
        for w in &ws {
            if let Some(&l) = words.get(w) {
                let list = &lists[l];
                if list.len() <= 32 {
                    for &j in list {
                        sum = sum.wrapping_mul(31).wrapping_add(j as u64);
                    }
                }
            }
        }
        for w in ws {
            let next = lists.len();
            let l = *words.entry(w).or_insert(next);
            if l == lists.len() {
                lists.push(Vec::new());
            }
            if lists[l].last() != Some(&(i as usize)) {
                lists[l].push(i as usize);
            }
        }
    }
    sum ^ (words.len() as u64) ^ ((lists.len() as u64) << 32)
}
