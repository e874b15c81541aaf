//! The dedupe benchmark: `cargo bench --bench dedupe` dedupes 1,000, 10,000 and 100,000
//! candidates (30% duplicates of every kind: URL variants, headlines in capitals, near
//! duplicates) in a release build and prints the time of each, the fastest of three, with the
//! ratio to the size before.

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/common/scale.rs"]
mod scale;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let mut before: Option<f64> = None;
    println!("candidates      kept       ms   ratio to the size before");
    for n in [1_000, 10_000, 100_000] {
        let (took, kept) = scale::time(n);
        let ms = took.as_secs_f64() * 1e3;
        let ratio = before.map_or(String::from("-"), |b| format!("{:.2}", ms / b));
        println!("{n:>10} {kept:>9} {ms:>8.1}   {ratio}");
        before = Some(ms);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
