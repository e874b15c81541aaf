//! Dedupe stays near-linear: on 10,000 and 100,000 candidates, 30% of them duplicates of every kind,
//! it finds every duplicate, and the pairs of headlines it judges per entry do not grow with the
//! number of entries (each entry is judged against at most `BLOCK` stories a word of its headline,
//! whatever came before). The time it takes, up to 100,000 candidates, is `cargo bench --bench
//! dedupe`'s to measure.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/scale.rs"]
mod scale;

use storycard::dedupe::BLOCK;

#[test]
fn dedupe_finds_every_duplicate_and_judges_a_bounded_number_of_pairs_per_entry() {
    let (kept_small, judged_small) = scale::count(10_000);
    let (kept_large, judged_large) = scale::count(100_000);
    assert_eq!(kept_small, 7_000, "every duplicate found at 10,000");
    assert_eq!(kept_large, 70_000, "every duplicate found at 100,000");
    let per_entry = |judged: usize, n: usize| judged as f64 / n as f64;
    let (small, large) = (
        per_entry(judged_small, 10_000),
        per_entry(judged_large, 100_000),
    );
    println!("pairs judged per entry: {small:.2} at 10,000, {large:.2} at 100,000");
    assert!(judged_small > 0, "the near-duplicate test ran");
    assert!(
        large <= small * 1.25,
        "pairs judged per entry grew from {small:.2} to {large:.2}"
    );
    // (the headlines here have at most 10 words)
    assert!(
        large <= (10 * BLOCK) as f64,
        "{large:.2} pairs judged per entry"
    );
}
