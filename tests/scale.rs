//! Dedupe stays near-linear: 100,000 candidates, 30% of them duplicates of every kind, cost at most
//! 12 times what 10,000 cost (each size timed six times in two interleaved rounds, the fastest
//! kept, so that the machine's drift during the run weighs on both sizes alike).
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/scale.rs"]
mod scale;

use scale::time;

#[test]
fn dedupe_is_near_linear_up_to_100000_candidates() {
    let (mut small, kept_small) = time(10_000);
    let (mut large, kept_large) = time(100_000);
    small = small.min(time(10_000).0);
    large = large.min(time(100_000).0);
    assert_eq!(kept_small, 7_000, "every duplicate found at 10,000");
    assert_eq!(kept_large, 70_000, "every duplicate found at 100,000");
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    println!(
        "dedupe: 10,000 candidates {:.1} ms, 100,000 candidates {:.1} ms, ratio {ratio:.2} (at most 12)",
        small.as_secs_f64() * 1e3,
        large.as_secs_f64() * 1e3
    );
    assert!(
        ratio <= 12.0,
        "100,000 candidates cost {ratio:.2} times 10,000"
    );
}
