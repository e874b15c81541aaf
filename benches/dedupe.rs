//! The dedupe benchmark: `cargo bench --bench dedupe` dedupes 1,000, 10,000 and 100,000
//! candidates (30% duplicates of every kind: URL variants, headlines in capitals, near
//! duplicates) in a release build and prints the time of each, the fastest of three, with the
//! ratio to the size before; then the headlines of `tests/fixtures/headline-pairs/pairs.tsv`
//! (real news of many outlets, with their addresses and summaries, in the file's order, where a
//! headline is followed by one of the same story or a near miss) as one list, its first 1,000
//! and all of it: the time, the stories kept and how many pairs of headlines the near-duplicate
//! test judged.

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
    real_headlines();
}

/// Dedupes the labelled pairs' headlines as one list of related entries.
#[cfg(not(target_arch = "wasm32"))]
fn real_headlines() {
    use storycard::dedupe::{Deduper, Rules};
    use storycard::extract::Extracted;
    use storycard::model::Related;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/headline-pairs/pairs.tsv"
    );
    let text = std::fs::read_to_string(path).expect("the labelled pairs");
    let field = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let mut entries = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        for (url, headline, summary) in [(f[8], f[10], f[12]), (f[9], f[11], f[13])] {
            entries.push(Related {
                headline: headline.to_owned(),
                url: field(url),
                description: field(summary),
                position: entries.len(),
                ..Related::default()
            });
        }
    }
    println!("\nreal headlines      kept       ms   pairs judged");
    for n in [1_000, entries.len()] {
        let mut best = f64::INFINITY;
        let (mut kept, mut judged) = (0, 0);
        for _ in 0..3 {
            let list = entries[..n].to_vec();
            let started = std::time::Instant::now();
            let mut deduper = Deduper::new(Extracted::default(), &Rules::default());
            for entry in list {
                deduper.push(entry);
            }
            judged = deduper.judged();
            kept = deduper.finish().related.len();
            best = best.min(started.elapsed().as_secs_f64() * 1e3);
        }
        println!("{n:>14} {kept:>9} {best:>8.1}   {judged}");
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
