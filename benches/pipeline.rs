//! The native pipeline benchmark, for the N of `npm run bench`: `cargo bench --bench pipeline`
//! times, for 10, 30, 100 and 1,000 related entries (30% duplicates of every kind), reading the
//! data-island text (JSON parse and extraction), dedupe, and the view (the view tree written as
//! HTML), in a release build. Criterion's method, without the dependency: a warm-up, then at
//! least 30 samples of batches sized to about a millisecond each; it prints the median time per
//! run and the spread (the middle half of the samples).

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/common/scale.rs"]
#[allow(dead_code)] // (its timing function is the dedupe benchmark's)
mod scale;

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    use storycard::dedupe::{dedupe_with, Rules};
    use storycard::extract::island;
    use storycard::i18n::labels;
    use storycard::view::{self, ViewOptions};
    use storycard::{html, Json};

    /// The data island of `n` related entries, as text.
    fn island(n: usize) -> String {
        let related: Vec<Json> = super::scale::candidates(n)
            .iter()
            .map(|r| {
                Json::object()
                    .with("headline", &r.headline)
                    .with_some("url", r.url.as_ref())
                    .with_some("author", r.authors.first().map(|p| &p.name))
                    .with(
                        "description",
                        "What happened, in one sentence for the slide.",
                    )
                    .with("datePublished", "2025-04-02T08:00:00Z")
            })
            .collect();
        let data = Json::object()
            .with(
                "article",
                Json::object()
                    .with("headline", "Harbour ferry returns after a decade")
                    .with("url", "https://news.example.com/city/ferry.html"),
            )
            .with("related", related);
        serde_json::to_string(&data).expect("JSON")
    }

    /// Median and middle half of the time per call of `f`, in microseconds.
    fn measure<T>(mut f: impl FnMut() -> T) -> (f64, f64, f64) {
        let warm = Instant::now();
        let mut calls = 0u32;
        while warm.elapsed() < Duration::from_millis(200) {
            black_box(f());
            calls += 1;
        }
        let per = warm.elapsed().as_secs_f64() / f64::from(calls);
        let batch = ((1e-3 / per).ceil() as u32).max(1);
        let mut samples = Vec::new();
        let start = Instant::now();
        while samples.len() < 30 || start.elapsed() < Duration::from_millis(600) {
            let t = Instant::now();
            for _ in 0..batch {
                black_box(f());
            }
            samples.push(t.elapsed().as_secs_f64() * 1e6 / f64::from(batch));
        }
        samples.sort_by(f64::total_cmp);
        let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
        (at(0.5), at(0.25), at(0.75))
    }

    pub fn main() {
        let rules = Rules::default();
        let no_dates = |_: &str| None;
        println!("     N  stage      median µs   middle half µs");
        let mut totals = Vec::new();
        for n in [10, 30, 100, 1_000] {
            let text = island(n);
            let read = || {
                let json: Json = serde_json::from_str(&text).expect("JSON");
                island::read(&json).expect("extracted")
            };
            let extracted = read();
            let story = dedupe_with(extracted.clone(), &rules);
            let opts = ViewOptions {
                labels: labels("en"),
                format_date: &no_dates,
                autoplay: false,
            };
            let stages: [(&str, (f64, f64, f64)); 3] = [
                ("read", measure(read)),
                ("dedupe", measure(|| dedupe_with(extracted.clone(), &rules))),
                (
                    "view",
                    measure(|| html::to_html(&view::story(&story, &opts))),
                ),
            ];
            let mut total = 0.0;
            for (stage, (median, low, high)) in stages {
                total += median;
                println!("{n:>6}  {stage:<8} {median:>11.1}   {low:.1} – {high:.1}");
            }
            println!(
                "{n:>6}  total    {total:>11.1}   ({} stories kept)",
                story.related.len()
            );
            totals.push((n, total));
        }
        let (_, t100) = totals[2];
        let (_, t1000) = totals[3];
        println!("N = 1,000 takes {:.1} times N = 100", t1000 / t100);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    bench::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
