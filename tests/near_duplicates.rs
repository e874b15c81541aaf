//! The near-duplicate test on real headlines: `fixtures/headline-pairs/pairs.tsv`, 2,403 pairs
//! from 1,037 outlets in English, Vietnamese, German, French and Spanish, each read and labelled
//! (`fixtures/headline-pairs/README.md`). The set is split by story into a tuning half, on which
//! the rules and the threshold were chosen, and a test half, on which they were not. Each pair
//! goes through dedupe as two related entries of one widget with the default rules: under their
//! own addresses where the source gives them (two sites), else under two sites' addresses, with
//! their summaries where the source has them. A pair counts as merged when dedupe keeps one story.
//!
//! The goals are precision 0.99 and recall 0.90; the test does not meet them yet (the README
//! reports the test half's figures and what is missing), so each half is held to a floor just
//! below what it measures, to catch a change that makes either worse. The tuning half's misses
//! are printed; the test half's only when `STORYCARD_SHOW_TEST_ERRORS=1`, so that no rule is
//! written against them.

use std::collections::BTreeMap;

use storycard::dedupe::dedupe;
use storycard::extract::Extracted;
use storycard::model::{Article, Related};

struct Pair {
    split: String,
    same: bool,
    lang: String,
    source: String,
    url_a: String,
    url_b: String,
    a: String,
    b: String,
    summary_a: String,
    summary_b: String,
}

fn pairs() -> Vec<Pair> {
    include_str!("fixtures/headline-pairs/pairs.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 14, "{l}");
            Pair {
                split: f[0].into(),
                same: match f[1] {
                    "same" => true,
                    "different" => false,
                    other => panic!("label {other}"),
                },
                lang: f[2].into(),
                source: f[3].into(),
                url_a: f[8].into(),
                url_b: f[9].into(),
                a: f[10].into(),
                b: f[11].into(),
                summary_a: f[12].into(),
                summary_b: f[13].into(),
            }
        })
        .collect()
}

/// Whether dedupe, with the default rules, shows the pair as one story.
fn merged(p: &Pair, n: usize) -> bool {
    let entry = |headline: &str, url: &str, site: &str, summary: &str, position| Related {
        headline: headline.into(),
        url: Some(if url.is_empty() {
            format!("https://{site}.example/story-{n}")
        } else {
            url.into()
        }),
        description: (!summary.is_empty()).then(|| summary.into()),
        position,
        ..Related::default()
    };
    let story = dedupe(
        Extracted {
            article: Article {
                headline: "The article the card shows".into(),
                url: Some("https://news.example/the-article".into()),
                ..Article::default()
            },
            related: vec![
                entry(&p.a, &p.url_a, "one-site", &p.summary_a, 0),
                entry(&p.b, &p.url_b, "another-site", &p.summary_b, 1),
            ],
            ..Extracted::default()
        },
        None,
    );
    story.related.len() == 1
}

#[derive(Default, Clone, Copy)]
struct Count {
    tp: u32,
    fp: u32,
    fneg: u32,
    tn: u32,
}

impl Count {
    fn add(&mut self, same: bool, merged: bool) {
        match (same, merged) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fneg += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn precision(&self) -> f64 {
        f64::from(self.tp) / f64::from((self.tp + self.fp).max(1))
    }
    fn recall(&self) -> f64 {
        f64::from(self.tp) / f64::from((self.tp + self.fneg).max(1))
    }
}

#[test]
fn near_duplicates_on_real_headlines_meet_the_goals_on_both_halves() {
    let all = pairs();
    assert!(
        all.len() >= 1_000,
        "the labelled set is there: {}",
        all.len()
    );
    let show_test = std::env::var_os("STORYCARD_SHOW_TEST_ERRORS").is_some();
    // (while rules are being chosen: the tuning half only, nothing of the test half shown)
    let tuning = std::env::var_os("STORYCARD_TUNING").is_some();
    let mut totals: BTreeMap<&str, Count> = BTreeMap::new();
    let mut by_lang: BTreeMap<(String, String), Count> = BTreeMap::new();
    for (n, p) in all.iter().enumerate() {
        if tuning && p.split != "tune" {
            continue;
        }
        let m = merged(p, n);
        totals.entry(p.split.as_str()).or_default().add(p.same, m);
        by_lang
            .entry((p.split.clone(), p.lang.clone()))
            .or_default()
            .add(p.same, m);
        if m != p.same && (p.split == "tune" || show_test) {
            let what = if m {
                "merged, different"
            } else {
                "missed, same"
            };
            println!(
                "{} {what} [{} {} {:.2}]: {:?} / {:?}",
                p.split,
                p.lang,
                p.source,
                storycard::similar::score(&p.a, &p.b),
                p.a,
                p.b
            );
        }
    }
    println!("half  lang  pairs  precision  recall");
    for ((split, lang), c) in &by_lang {
        println!(
            "{split:<5} {lang:<4} {:>6}  {:>9.3}  {:>6.3}",
            c.tp + c.fp + c.fneg + c.tn,
            c.precision(),
            c.recall()
        );
    }
    for (split, c) in &totals {
        println!(
            "{split}: {} pairs ({} same), precision {:.3}, recall {:.3} ({} merged), {} false merges",
            c.tp + c.fp + c.fneg + c.tn,
            c.tp + c.fneg,
            c.precision(),
            c.recall(),
            c.tp,
            c.fp
        );
    }
    println!("goals: precision 0.99, recall 0.90");
    // (floors: what each half measures, rounded down)
    for (split, precision, recall) in [("tune", 0.98, 0.49), ("test", 0.97, 0.47)] {
        let Some(&c) = totals.get(split) else {
            continue;
        };
        assert!(
            c.precision() >= precision,
            "{split}: precision {:.3}",
            c.precision()
        );
        assert!(c.recall() >= recall, "{split}: recall {:.3}", c.recall());
    }
}

/// The hand-written pairs of `fixtures/headline-pairs/written.tsv`: each a rule's hard case
/// (antonyms, other numbers, places, subjects), scored alone.
#[test]
fn near_duplicates_on_the_written_hard_cases() {
    use storycard::similar::{score, NEAR_DUPLICATE};
    let mut count = Count::default();
    for l in include_str!("fixtures/headline-pairs/written.tsv").lines() {
        if l.starts_with('#') || l.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = l.split('\t').collect();
        let same = f[0] == "same";
        let merged = score(f[1], f[2]) >= NEAR_DUPLICATE;
        count.add(same, merged);
        if merged != same {
            println!(
                "written: {}: {:?} / {:?}",
                if merged {
                    "merged, different"
                } else {
                    "missed, same"
                },
                f[1],
                f[2]
            );
        }
    }
    println!(
        "written: precision {:.3}, recall {:.3}",
        count.precision(),
        count.recall()
    );
    assert!(
        count.precision() >= 0.98,
        "precision {:.3}",
        count.precision()
    );
    assert!(count.recall() >= 0.95, "recall {:.3}", count.recall());
}

/// (tuning aid) The tuning half's headline scores at each threshold.
#[test]
#[ignore]
fn sweep_thresholds_on_the_tuning_half() {
    use storycard::similar::score;
    let all: Vec<Pair> = pairs().into_iter().filter(|p| p.split == "tune").collect();
    let scores: Vec<(bool, f64)> = all.iter().map(|p| (p.same, score(&p.a, &p.b))).collect();
    for t in [
        0.3, 0.4, 0.5, 0.55, 0.6, 0.61, 0.62, 0.63, 0.64, 0.65, 0.7, 0.75, 0.8,
    ] {
        let mut c = Count::default();
        for (same, s) in &scores {
            c.add(*same, *s >= t);
        }
        println!(
            "{t:.2}  precision {:.3}  recall {:.3}  false merges {}",
            c.precision(),
            c.recall(),
            c.fp
        );
    }
    if let Ok(t) = std::env::var("STORYCARD_SHOW_AT") {
        let t: f64 = t.parse().unwrap();
        for (p, (_, s)) in all.iter().zip(&scores) {
            if !p.same && *s >= t {
                println!("false {s:.2} [{}]: {:?} / {:?}", p.lang, p.a, p.b);
            }
        }
    }
}

/// (tuning aid) The tuning half with what the comparison sees of each pair, to a file
/// (`STORYCARD_DUMP`): the label, the language, `similar::explain` of the headlines, the headlines,
/// then `explain` of the two summaries where both have one (else `-`).
#[test]
#[ignore]
fn dump_the_tuning_half() {
    let mut out = String::new();
    for p in pairs().into_iter().filter(|p| p.split == "tune") {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            if p.same { "same" } else { "different" },
            p.lang,
            storycard::similar::explain(&p.a, &p.b),
            p.a,
            p.b,
            if p.summary_a.is_empty() || p.summary_b.is_empty() {
                "-".to_owned()
            } else {
                storycard::similar::explain(&p.summary_a, &p.summary_b)
            }
        ));
    }
    std::fs::write(std::env::var("STORYCARD_DUMP").unwrap(), out).unwrap();
}

/// (tuning aid) Scores a file of candidate pairs (`STORYCARD_CANDIDATES`: tab-separated, the
/// headlines in the 9th and 10th fields), to find the ones worth labelling.
#[test]
#[ignore]
fn score_candidates() {
    let path = std::env::var("STORYCARD_CANDIDATES").unwrap();
    let mut out = String::new();
    for line in std::fs::read_to_string(&path).unwrap().lines() {
        let f: Vec<&str> = line.split('\t').collect();
        out.push_str(&format!(
            "{:.3}\t{line}\n",
            storycard::similar::score(f[8], f[9])
        ));
    }
    std::fs::write(format!("{path}.scored"), out).unwrap();
}

/// The score of two headlines does not depend on which is read first: dedupe compares each
/// entry with the stories kept before it, so a pair would otherwise merge in one order of the
/// list and not in the other. Every labelled pair, real and written, both ways.
#[test]
fn a_pairs_score_is_the_same_either_way_round() {
    use storycard::similar::score;
    let written = include_str!("fixtures/headline-pairs/written.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[1].to_owned(), f[2].to_owned())
        });
    let real = pairs().into_iter().map(|p| (p.a, p.b));
    let mut n = 0;
    for (a, b) in real.chain(written) {
        let (ab, ba) = (score(&a, &b), score(&b, &a));
        assert!((ab - ba).abs() < 1e-9, "{ab} / {ba}: {a:?} / {b:?}");
        n += 1;
    }
    assert!(n > 2_500, "{n} pairs");
}
