//! Dedupe stays near-linear: 100,000 candidates, 30% of them duplicates of every kind, cost at most
//! 12 times what 10,000 cost (each size timed three times, the fastest kept, in one run).
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use storycard::dedupe::dedupe;
use storycard::extract::Extracted;
use storycard::model::{Article, Person, Related};

/// `n` candidates: 70% distinct stories, then 30% duplicates of them under URL variants
/// (tracking parameters, `www.`, AMP, a fragment), by headline without a URL (in capitals), as
/// near duplicates (reworded without a URL, or reworded under another site's address), and
/// carrying an author the first listing lacks.
fn candidates(n: usize) -> Vec<Related> {
    let distinct = n * 7 / 10;
    let story = |i: usize| Related {
        headline: format!("Story number {i} about the council budget vote"),
        url: (i % 5 != 0)
            .then(|| format!("https://news.example.com/section-{}/story-{i}.html", i % 17)),
        position: i,
        ..Related::default()
    };
    let mut out: Vec<Related> = (0..distinct).map(story).collect();
    for d in 0..n - distinct {
        let i = (d * 7919) % distinct;
        let mut dup = story(i);
        dup.position = distinct + d;
        dup.authors = vec![Person {
            name: "Anh Vu\u{303}".into(),
            url: None,
        }];
        dup.url = match (d % 4, dup.url) {
            (_, None) => None,
            (0, Some(u)) => Some(format!("{u}?utm_source=related&fbclid=x{d}")),
            (1, Some(u)) => Some(u.replace("://news.", "://www.news.")),
            (2, Some(u)) => Some(u.replace(".html", ".amp.html")),
            (3, Some(u)) if d % 8 == 3 => Some(format!("{u}#comments")),
            // Syndicated: another site's address, the headline reworded (a near duplicate).
            (_, Some(u)) => {
                dup.headline = format!("Council budget vote: story number {i}");
                Some(u.replace("news.example.com", "wire.example.net"))
            }
        };
        if dup.url.is_none() {
            dup.headline = if d % 2 == 0 {
                dup.headline.to_uppercase()
            } else {
                // Reworded, without a URL (a near duplicate).
                format!("{}, officials say", dup.headline)
            };
        }
        out.push(dup);
    }
    out
}

fn time(n: usize) -> (Duration, usize) {
    let input = candidates(n);
    let mut best = Duration::MAX;
    let mut kept = 0;
    for _ in 0..3 {
        let extracted = Extracted {
            article: Article {
                headline: "The article".into(),
                ..Article::default()
            },
            related: input.clone(),
            ..Extracted::default()
        };
        let start = Instant::now();
        let story = dedupe(extracted, None);
        best = best.min(start.elapsed());
        kept = story.related.len();
    }
    (best, kept)
}

#[test]
fn dedupe_is_near_linear_up_to_100000_candidates() {
    let (small, kept_small) = time(10_000);
    let (large, kept_large) = time(100_000);
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
