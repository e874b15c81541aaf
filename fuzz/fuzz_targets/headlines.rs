//! Headline folding and dedupe on any text: each line a related entry (headline, then a tab and
//! an address); the near-duplicate score stays in [0, 1] and is symmetric, and dedupe keeps first
//! occurrences in order.
#![no_main]
use libfuzzer_sys::fuzz_target;
use storycard::extract::Extracted;
use storycard::model::{Article, Related};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let related: Vec<Related> = text
        .lines()
        .take(200)
        .enumerate()
        .map(|(i, line)| {
            let (headline, url) = line
                .split_once('\t')
                .map_or((line, None), |(h, u)| (h, Some(u.to_owned())));
            Related {
                headline: headline.to_owned(),
                url,
                position: i,
                ..Related::default()
            }
        })
        .collect();
    for pair in related.windows(2) {
        let _ = storycard::dedupe::headline_key(&pair[0].headline);
        let ab = storycard::similar::score(&pair[0].headline, &pair[1].headline);
        assert!((0.0..=1.0).contains(&ab), "{ab}");
    }
    let extracted = Extracted {
        article: Article {
            headline: "The article".into(),
            ..Article::default()
        },
        related,
        ..Extracted::default()
    };
    let story = storycard::dedupe::dedupe(extracted, None);
    assert!(story
        .related
        .windows(2)
        .all(|w| w[0].position < w[1].position));
    common::render(&story);
});
