//! The candidates of the scale test and the dedupe benchmark: `n` related entries, 30% of them
//! duplicates of every kind; what dedupe keeps of them and the work it does (the test), and the
//! time it takes (the benchmark).

use std::time::{Duration, Instant};

use storycard::dedupe::{dedupe, Deduper, Rules};
use storycard::extract::Extracted;
use storycard::model::{Article, Person, Related};

/// `n` candidates: 70% distinct stories, then 30% duplicates of them under URL variants
/// (tracking parameters, `www.`, AMP, a fragment), by headline without a URL (in capitals), as
/// near duplicates (reworded without a URL, or reworded under another site's address), and
/// carrying an author the first listing lacks.
pub fn candidates(n: usize) -> Vec<Related> {
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

/// How many stories dedupe keeps of `n` candidates, and how many pairs of headlines it judged.
#[allow(dead_code, reason = "the test counts, the benchmark times")]
pub fn count(n: usize) -> (usize, usize) {
    let mut deduper = Deduper::new(Extracted::default(), &Rules::default());
    deduper.reserve(n);
    for entry in candidates(n) {
        deduper.push(entry);
    }
    let judged = deduper.judged();
    (deduper.finish().related.len(), judged)
}

/// The fastest of three dedupes of `n` candidates, and how many stories it kept.
#[allow(dead_code, reason = "the test counts, the benchmark times")]
pub fn time(n: usize) -> (Duration, usize) {
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
