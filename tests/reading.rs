//! Reading real pages nobody here wrote: the saved pages of `tests/fixtures/reading/` (news pages
//! from Fundus's and htmldate's test sets, and trafilatura's evaluation pages, with their
//! labelled headline, authors and publication date; see its README), split once by site into a
//! tuning half and a test half, each set measured apart. Each page goes
//! through the native HTML reader and the extraction the widget runs when a page has no data
//! island; the card's headline, byline and date are compared with the labels.
//!
//! Counted per half: the headline exact (as a reader compares text); a byline found (one of its
//! names is a labelled author) and complete (every labelled author named), on the pages whose
//! labelled authors are people (not the site itself, "ORF.at" on orf.at); a **wrong credit** (a
//! name that is none of the labelled authors, on a page whose authors are labelled); a date found,
//! and a date **wrong** (another day than the labelled one). Both halves are held to floors; the
//! README reports the test half. Also counted: the headline labels out of the headline rule's
//! reach (none of the page's headlines, or one the others outvote), a bound the reader is held to
//! (it must never read such a label exactly).
//!
//! `STORYCARD_TUNING=1` prints the tuning half's misses, `STORYCARD_SHOW_TEST_ERRORS=1` the test
//! half's as well (a rule is chosen on the tuning half only).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::io::Read;
use std::path::PathBuf;

use storycard::extract::{self, byline::is_site};
use storycard::page::Page;
use storycard::unicode::fold_diacritics;

#[path = "common/compare.rs"]
mod compare;

use compare::{instant, norm};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reading")
}

#[derive(serde::Deserialize)]
struct Entry {
    id: String,
    source: String,
    url: Option<String>,
    split: String,
    headline: Option<String>,
    /// `None` where the source labels no authors (htmldate labels dates only); empty where the
    /// page names no author.
    authors: Option<Vec<String>>,
    date: Option<String>,
}

/// A name as people are compared: diacritics, case and punctuation folded, the words sorted.
fn person(name: &str) -> Vec<String> {
    let folded = fold_diacritics(&norm(name)).replace('ß', "ss");
    let mut words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    words.sort();
    words
}

/// Whether a name we read is a labelled author: the same words, or the one's words all among
/// the other's (a middle name given or not).
fn same_person(ours: &str, label: &str) -> bool {
    let (a, b) = (person(ours), person(label));
    !a.is_empty()
        && !b.is_empty()
        && (a == b || a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w)))
}

/// The days a date we read can be: the day as written, and where it has a time and a zone, the
/// day it is somewhere on Earth at that instant (UTC−12 to UTC+14: a labelled day, the page's
/// local one, is one of them).
fn days(s: &str) -> Vec<String> {
    let mut out = vec![s.get(..10).unwrap_or(s).to_owned()];
    let zoned = s.len() > 10 && (s.ends_with('Z') || s[10..].contains(['+', '-']));
    if let Some(t) = instant(s).filter(|_| zoned) {
        for d in [utc_day(t - 12 * 3600), utc_day(t), utc_day(t + 14 * 3600)] {
            if !out.contains(&d) {
                out.push(d);
            }
        }
    }
    out
}

/// `YYYY-MM-DD` of seconds since 1970, in UTC (Howard Hinnant's civil-from-days).
fn utc_day(t: i64) -> String {
    let z = t.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Whether the date we read is the labelled one: the label's day (as written) is one the date we
/// read can be. A date we read is ISO 8601 or it is wrong.
fn same_day(ours: &str, label: &str) -> bool {
    instant(ours).is_some() && days(ours).contains(&label.get(..10).unwrap_or(label).to_owned())
}

#[derive(Default)]
struct Counts {
    pages: u32,
    headlines: u32,
    headline_exact: u32,
    with_byline: u32,
    byline_found: u32,
    byline_complete: u32,
    authors_labelled: u32,
    wrong_credit: u32,
    dated: u32,
    date_found: u32,
    date_wrong: u32,
    /// Headline labels no choice among the page's headlines reaches ([`out_of_reach`]).
    headline_in_none: u32,
    headline_outvoted: u32,
    headline_outvoted_of_three: u32,
    out_of_reach_but_read: Vec<String>,
    misses: Vec<String>,
}

impl Counts {
    fn ratio(a: u32, b: u32) -> f64 {
        f64::from(a) / f64::from(b.max(1))
    }
    fn headline(&self) -> f64 {
        Self::ratio(self.headline_exact, self.headlines)
    }
    fn byline(&self) -> f64 {
        Self::ratio(self.byline_found, self.with_byline)
    }
    fn wrong_credit(&self) -> f64 {
        Self::ratio(self.wrong_credit, self.authors_labelled)
    }
    fn date(&self) -> f64 {
        Self::ratio(self.date_found, self.dated)
    }
    fn date_wrong(&self) -> f64 {
        Self::ratio(self.date_wrong, self.dated)
    }
}

/// A headline (as [`norm`] has it) whole, and each run of its parts between the separators that
/// set off a site's name, a section or a kicker: what a reader can make of it by cutting it,
/// never by rewording it.
fn cuts(h: &str) -> Vec<&str> {
    let mut marks: Vec<(usize, usize)> = [" - ", " | ", ": ", " / ", " · ", " • ", " \" "]
        .iter()
        .flat_map(|sep| h.match_indices(sep).map(|(i, s)| (i, i + s.len())))
        .collect();
    marks.sort_unstable();
    let starts = std::iter::once(0).chain(marks.iter().map(|m| m.1));
    let ends: Vec<usize> = marks.iter().map(|m| m.0).chain([h.len()]).collect();
    let mut out = Vec::new();
    for s in starts {
        for &e in ends.iter().filter(|&&e| e > s) {
            out.push(h[s..e].trim());
        }
    }
    out
}

/// Why a page's headline label is out of reach of the rule that reads the headline
/// ([`extract::headline_keys`]: the page's headlines without the site's name, and where two or
/// more agree, the one most share), counting the votes of `sources` only (of all, without): `Some(false)` where
/// the label is none of the page's headlines, whole or cut at a separator (nor the page's own
/// `og:title`, `<h1>` or `<title>` so cut); `Some(true)` where it is one that two or more others
/// outvote; `None` where the rule can reach it.
fn out_of_reach(page: &Page, label: &str, sources: Option<&[&str]>) -> Option<bool> {
    let want = norm(label);
    let all = extract::headline_keys(page);
    let raw = [
        page.meta("og:title"),
        page.h1.as_deref(),
        page.title.as_deref(),
    ];
    let reaches = |h: &str| cuts(&norm(h)).contains(&want.as_str());
    if !all
        .iter()
        .map(|(h, _, _)| h.as_str())
        .chain(raw.into_iter().flatten())
        .any(reaches)
    {
        return Some(false);
    }
    let voters: Vec<_> = all
        .iter()
        .filter(|(_, s, _)| sources.is_none_or(|only| only.contains(s)))
        .collect();
    let votes = |key: &str| voters.iter().filter(|(_, _, k)| k == key).count();
    let most = voters.iter().map(|(_, _, k)| votes(k)).max().unwrap_or(0);
    let is_label = |h: &str| norm(h) == want;
    let outvoted = most >= 2
        && voters.iter().any(|(h, _, _)| is_label(h))
        && !voters
            .iter()
            .any(|(h, _, k)| votes(k) == most && is_label(h));
    outvoted.then_some(true)
}

/// The sources issue 17's rule names: where `og:title`, the `<h1>` and the `<title>` disagree,
/// the one two of them share wins.
const THREE_HEADLINES: [&str; 3] = ["og:title", "h1", "title"];

fn read_page(id: &str) -> String {
    let path = fixtures().join("pages").join(format!("{id}.html.gz"));
    let mut html = String::new();
    flate2::read::GzDecoder::new(fs::File::open(&path).unwrap())
        .read_to_string(&mut html)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    html
}

/// The sets measured apart: the news pages of Fundus and htmldate, and trafilatura's evaluation
/// pages (news, magazines, blogs, institutions: where a label names no one, the annotators saw no
/// author on the page).
const SETS: [(&str, &[&str]); 2] = [
    ("news", &["fundus", "htmldate"]),
    ("trafilatura", &["trafilatura"]),
];

fn measure(entries: &[Entry], split: &str, sources: &[&str]) -> Counts {
    let mut c = Counts::default();
    for e in entries
        .iter()
        .filter(|e| e.split == split && sources.contains(&e.source.as_str()))
    {
        c.pages += 1;
        let html = read_page(&e.id);
        let page = Page::from_html(&html, e.url.as_deref(), None).unwrap();
        let extracted = extract::from_page(&page).unwrap_or_default();
        let from = |field: &str| {
            extracted
                .provenance
                .iter()
                .find(|(f, _)| *f == field)
                .map_or("", |(_, s)| *s)
        };
        let article = &extracted.article;
        let mut miss = |what: &str, got: String, want: String| {
            let field = match what {
                "headline" => "headline",
                "date" | "WRONG DATE" => "datePublished",
                _ => "author",
            };
            c.misses.push(format!(
                "{} {what}: got {got} [{}], label {want}",
                e.id,
                from(field)
            ));
        };
        if let Some(want) = &e.headline {
            c.headlines += 1;
            let reach = out_of_reach(&page, want, None);
            match reach {
                Some(false) => c.headline_in_none += 1,
                Some(true) => c.headline_outvoted += 1,
                None => {}
            }
            if out_of_reach(&page, want, Some(&THREE_HEADLINES)) == Some(true) {
                c.headline_outvoted_of_three += 1;
            }
            // (what the measure calls out of reach, the reader must not reach)
            if reach.is_some() && norm(&article.headline) == norm(want) {
                c.out_of_reach_but_read.push(e.id.clone());
            }
            if norm(&article.headline) == norm(want) {
                c.headline_exact += 1;
            } else {
                miss(
                    "headline",
                    format!("{:?}", article.headline),
                    format!(
                        "{want:?}{}",
                        match reach {
                            Some(false) => " (none of the page's headlines)",
                            Some(true) => " (outvoted)",
                            None => "",
                        }
                    ),
                );
            }
            if std::env::var_os("STORYCARD_DUMP_HEADLINES").is_some() {
                println!(
                    "H\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    e.split,
                    e.id,
                    want,
                    article.headline,
                    page.meta("og:title").unwrap_or(""),
                    page.h1.as_deref().unwrap_or(""),
                    page.title.as_deref().unwrap_or(""),
                    article.publisher.as_deref().unwrap_or("")
                );
            }
        }
        let names: Vec<&str> = article.authors.iter().map(|p| p.name.as_str()).collect();
        if let Some(labelled) = &e.authors {
            c.authors_labelled += 1;
            let wrong: Vec<&&str> = names
                .iter()
                .filter(|n| !labelled.iter().any(|l| same_person(n, l)))
                .collect();
            if !wrong.is_empty() {
                c.wrong_credit += 1;
                miss(
                    "WRONG CREDIT",
                    format!("{names:?}"),
                    format!("{labelled:?}"),
                );
            }
            // (a label that is the site itself, "ORF.at" on orf.at, credits no one: the card
            // shows the site as the publisher, and a byline is not expected)
            let sites: Vec<&str> = [article.publisher.as_deref(), page.meta("og:site_name")]
                .into_iter()
                .flatten()
                .collect();
            let host = e
                .url
                .as_deref()
                .and_then(|u| u.split("//").nth(1))
                .and_then(|r| r.split('/').next());
            let people: Vec<&String> = labelled
                .iter()
                .filter(|l| !is_site(l, &sites, host))
                .collect();
            if !people.is_empty() {
                c.with_byline += 1;
                let found = people
                    .iter()
                    .filter(|l| names.iter().any(|n| same_person(n, l)))
                    .count();
                if found > 0 {
                    c.byline_found += 1;
                } else if wrong.is_empty() {
                    miss("byline", format!("{names:?}"), format!("{labelled:?}"));
                }
                if found == people.len() {
                    c.byline_complete += 1;
                }
            }
        }
        if let Some(want) = &e.date {
            c.dated += 1;
            match &article.date_published {
                Some(got) if same_day(got, want) => c.date_found += 1,
                Some(got) => {
                    c.date_found += 1;
                    c.date_wrong += 1;
                    miss("WRONG DATE", format!("{got:?}"), format!("{want:?}"));
                }
                None => miss("date", "none".into(), format!("{want:?}")),
            }
        }
    }
    c
}

#[test]
fn the_card_reads_pages_nobody_here_wrote() {
    let entries: Vec<Entry> = serde_json::from_str(
        &fs::read_to_string(fixtures().join("pages.json")).expect("tests/fixtures/reading"),
    )
    .unwrap();
    assert!(entries.len() >= 1_300, "{} pages", entries.len());
    let show = |var: &str| std::env::var_os(var).is_some();
    // (half, set, wrong credit at most, byline found at least, date found at least, date wrong
    // at most, headline exact at least): what was measured, so a change can only hold or raise it
    let floors = [
        // (tuning headline 0.80: a word joiner kept one page's `<h1>` from its JSON-LD headline
        // until headline keys dropped it; the two now tie with `og:title` and `<title>`, and the
        // label is theirs: 113 of 139 then, 112 now)
        // (tuning byline 0.91: 112 of 121 until a name only the metadata gives was credited only
        // where the page's text shows it; one Korean page gives its author in a meta tag and a
        // data attribute alone, its byline written by its scripts: 111 since; 114 with the
        // initials after a name, the collapsed byline text and the signature after a
        // standfirst of docs/reading.md, floor 0.94)
        ("tune", "news", 0.01, 0.94, 0.96, 0.01, 0.81),
        ("test", "news", 0.05, 0.88, 0.93, 0.01, 0.83),
        ("tune", "trafilatura", 0.045, 0.55, 0.86, 0.09, 0.83),
        ("test", "trafilatura", 0.06, 0.49, 0.86, 0.07, 0.81),
    ];
    println!(
        "\n{:<5} {:<11} {:>5}  {:>17}  {:>21}  {:>14}  {:>17}  {:>12}",
        "half",
        "set",
        "pages",
        "headline exact",
        "byline found",
        "complete",
        "wrong credit",
        "date found"
    );
    let mut failures = Vec::new();
    for (half, set, max_wrong, min_byline, min_date, max_date_wrong, min_headline) in floors {
        let sources = SETS.iter().find(|(name, _)| *name == set).unwrap().1;
        let c = measure(&entries, half, sources);
        println!(
            "{half:<5} {set:<11} {:>5}  {:>4}/{:<4} {:>6.3}  {:>4}/{:<4} {:>6.3}  {:>4}/{:<4}  {:>3}/{:<4} {:>6.3}  {:>4}/{:<4} {:>6.3}, {} wrong ({:.3})",
            c.pages,
            c.headline_exact,
            c.headlines,
            c.headline(),
            c.byline_found,
            c.with_byline,
            c.byline(),
            c.byline_complete,
            c.with_byline,
            c.wrong_credit,
            c.authors_labelled,
            c.wrong_credit(),
            c.date_found,
            c.dated,
            c.date(),
            c.date_wrong,
            c.date_wrong(),
        );
        let reach = c.headlines - c.headline_in_none - c.headline_outvoted;
        println!(
            "      headline labels out of the reader's reach: {} none of the page's headlines, whole or cut; {} one of them others outvote ({} where og:title, <h1> and <title> alone vote); {reach} of {} ({:.3}) in reach",
            c.headline_in_none,
            c.headline_outvoted,
            c.headline_outvoted_of_three,
            c.headlines,
            Counts::ratio(reach, c.headlines),
        );
        if (half == "tune" && show("STORYCARD_TUNING")) || show("STORYCARD_SHOW_TEST_ERRORS") {
            for m in &c.misses {
                println!("  {half} {m}");
            }
        }
        assert!(
            c.out_of_reach_but_read.is_empty(),
            "headlines read exactly where the labels are out of reach: {:?}",
            c.out_of_reach_but_read
        );
        let checks = [
            (
                "wrong credit",
                c.wrong_credit() <= max_wrong,
                c.wrong_credit(),
            ),
            ("byline found", c.byline() >= min_byline, c.byline()),
            ("date found", c.date() >= min_date, c.date()),
            (
                "date wrong",
                c.date_wrong() <= max_date_wrong,
                c.date_wrong(),
            ),
            ("headline exact", c.headline() >= min_headline, c.headline()),
        ];
        for (what, ok, got) in checks {
            if !ok {
                failures.push(format!("{half} {set}: {what} {got:.3}"));
            }
        }
    }
    println!("goals (test half): wrong credit ≤ 0.01, byline found ≥ 0.80, date found ≥ 0.90 and wrong ≤ 0.01, headline exact ≥ 0.90");
    assert!(failures.is_empty(), "{failures:?}");
}
