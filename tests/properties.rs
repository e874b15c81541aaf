//! Property tests (proptest) for the invariants the widget rests on: dedupe is idempotent, never
//! drops a story that has no duplicate, and keeps first occurrences in order; the URL key is
//! idempotent; no address the widget keeps has a scheme other than http(s).
//!
//! Found by these and fixed: `//` (no host) was kept as an address; `/` and `./` had the empty
//! key, which keyed again to none.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use storycard::dedupe::dedupe;
use storycard::extract::Extracted;
use storycard::model::{Article, Related};
use storycard::url::{key, safe_href};

const WORDS: [&str; 24] = [
    "harbour", "ferry", "council", "budget", "vote", "bridge", "school", "river", "storm",
    "market", "court", "minister", "festival", "league", "museum", "railway", "police", "port",
    "energy", "water", "tax", "mayor", "airport", "library",
];

/// A related entry: a headline of a few words and an address from a small set (so that repeats
/// happen), in one of its variants, or none.
fn entry() -> impl Strategy<Value = Related> {
    (
        prop::collection::vec(prop::sample::select(&WORDS[..]), 2..7),
        prop::option::of((0..12usize, 0..5usize)),
    )
        .prop_map(|(words, url)| Related {
            headline: words.join(" "),
            url: url.map(|(page, variant)| {
                let u = format!(
                    "https://news.example/{}/story-{page}",
                    ["city", "world", "sport"][page % 3]
                );
                match variant {
                    0 => u,
                    1 => format!("{u}?utm_source=x"),
                    2 => u.replace("https://", "https://www."),
                    3 => format!("{u}#comments"),
                    _ => format!("{u}/"),
                }
            }),
            ..Related::default()
        })
}

fn extracted(related: Vec<Related>) -> Extracted {
    let related = related
        .into_iter()
        .enumerate()
        .map(|(i, r)| Related { position: i, ..r })
        .collect();
    Extracted {
        article: Article {
            headline: "The article itself".into(),
            url: Some("https://news.example/article".into()),
            ..Article::default()
        },
        related,
        ..Extracted::default()
    }
}

/// Any string, weighted toward the shapes addresses take.
fn address() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ \\t\\n\\x00-\\x1f]{0,2}[a-zA-Z]{1,10}[\\t\\n]?[a-zA-Z]{0,4}:[^ ]{0,20}",
        "(https?|javascript|data|vbscript|file|blob)://?[a-z.]{1,12}/[a-z0-9/?=&#%]{0,20}",
        "(/|\\./|\\.\\./|//)[a-z0-9/?=&#%:]{0,24}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn dedupe_is_idempotent_and_keeps_first_occurrences_in_order(related in prop::collection::vec(entry(), 0..40)) {
        let once = dedupe(extracted(related), None);
        let positions: Vec<usize> = once.related.iter().map(|r| r.position).collect();
        prop_assert!(positions.windows(2).all(|w| w[0] < w[1]), "order: {positions:?}");
        let twice = dedupe(extracted(once.related.clone()), None);
        prop_assert!(twice.removed.is_empty(), "the second pass removed {:?}", twice.removed);
        let names = |s: &storycard::Story| s.related.iter().map(|r| (r.headline.clone(), r.url.clone())).collect::<Vec<_>>();
        prop_assert_eq!(names(&once), names(&twice));
    }

    #[test]
    fn dedupe_never_drops_a_story_without_a_duplicate(n in 1..40usize, seed in any::<u64>()) {
        // Distinct addresses and headlines that share no number: nothing is a duplicate.
        let related: Vec<Related> = (0..n)
            .map(|i| Related {
                headline: format!("{} {} report {i}", WORDS[(seed as usize + i) % WORDS.len()], WORDS[(i * 7) % WORDS.len()]),
                url: Some(format!("https://news.example/page-{seed}-{i}")),
                ..Related::default()
            })
            .collect();
        let story = dedupe(extracted(related), None);
        prop_assert_eq!(story.related.len(), n, "removed: {:?}", story.removed);
    }

    #[test]
    fn the_url_key_is_idempotent(raw in address()) {
        if let Some(k) = key(&raw, None) {
            prop_assert_eq!(key(&k, None), Some(k.clone()), "key of {:?}", raw);
        }
    }

    #[test]
    fn no_kept_address_has_a_disallowed_scheme(raw in address()) {
        if let Some(href) = safe_href(&raw) {
            let page = url::Url::parse("https://page.example/a/").unwrap();
            let scheme = page.join(&href).map(|u| u.scheme().to_owned());
            // (An address the URL parser refuses has no scheme at all: a browser resolves it to
            // nothing and a link to it goes nowhere.)
            prop_assert!(matches!(scheme.as_deref(), Ok("http" | "https") | Err(_)), "{raw:?} -> {href:?} -> {scheme:?}");
        }
    }
}
