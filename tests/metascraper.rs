//! Agreement with real pages: the 88 pages of `../shared/corpus/metascraper/`, each with the
//! metadata a well-known extractor reports. The page goes through the native HTML reader and the
//! same extraction the widget runs; the card's fields are compared with the reference after white
//! space and character-reference normalization, and the agreement per field is printed and held
//! to a floor.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use storycard::extract::{self, byline::is_site, Extracted};
use storycard::page::Page;
use storycard::Json;

#[path = "common/compare.rs"]
mod compare;

use compare::{instant, norm};

/// `../shared/corpus/metascraper` beside the checkout, or where `STORYCARD_CORPUS` says.
fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("STORYCARD_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/metascraper")
        });
    dir.is_dir().then_some(dir)
}

fn reference_key(field: &str) -> &str {
    match field {
        "headline" => "title",
        "byline" => "author",
        other => other,
    }
}

/// The same image: the same address without its query (sites serve one image at several sizes
/// through query parameters).
fn norm_image(s: &str) -> String {
    let key = storycard::url::key(s, None).unwrap_or_else(|| s.to_owned());
    key.split('?').next().unwrap_or(&key).to_owned()
}

fn norm_url(s: &str) -> String {
    storycard::url::key(s, None).unwrap_or_else(|| s.to_owned())
}

/// Whether `ours` names the same publication date as the reference: the same instant, or, where
/// the reference gives a bare day as midnight or noon UTC (its guess from the URL or the text),
/// the same calendar day.
fn same_date(ours: &str, reference: &str) -> bool {
    if instant(ours).is_some() && instant(ours) == instant(reference) {
        return true;
    }
    let guessed_day =
        reference.ends_with("T12:00:00.000Z") || reference.ends_with("T00:00:00.000Z");
    guessed_day
        && (ours.get(..10) == reference.get(..10) || us_day(ours).as_deref() == reference.get(..10))
}

/// `4/6/2016 4:00:00 PM` (month first, as US sites write it) as `2016-04-06`.
fn us_day(s: &str) -> Option<String> {
    let day = s.split_whitespace().next()?;
    let mut parts = day.split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    let n = |p: &str| p.parse::<u32>().ok();
    Some(format!("{:04}-{:02}-{:02}", n(y)?, n(m)?, n(d)?))
}

/// Whether two bylines name the same people ("A, B" and "A and B" alike).
fn same_names(ours: &str, reference: &str) -> bool {
    let names = |s: &str| {
        let mut v: Vec<String> = norm(s)
            .replace(" and ", ", ")
            .split(", ")
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect();
        v.sort();
        v
    };
    names(ours) == names(reference)
        || norm(reference).contains(&norm(ours))
        || norm(ours).contains(&norm(reference))
}

/// Whether `ours` is the reference headline without the site name the reference keeps
/// ("Headline | Site", "Headline - Site", "Headline : Site").
fn same_headline(ours: &str, reference: &str) -> bool {
    let (o, r) = (norm(ours), norm(reference));
    o == r
        || [" | ", " - ", " : ", " :: "]
            .iter()
            .any(|sep| r.starts_with(&[o.as_str(), sep].concat()))
}

/// The reference's date on these pages is the page's own modification date (its `dateModified`,
/// `article:modified_time` or `og:updated_time`), where the card shows the publication date the
/// same page gives as `datePublished` or `article:published_time`.
const MODIFIED: &str =
    "the reference reports the page's modification date, not its publication date";

/// Where the reference disagrees with the page's own data and the page is right: left out of
/// the counts, with the reason. (site, field, why)
const REFERENCE_WRONG: &[(&str, &str, &str)] = &[
    ("arstechnica", "date", MODIFIED),
    ("atlasobscura", "date", MODIFIED),
    ("bbc", "date", MODIFIED),
    ("bfi", "date", MODIFIED),
    ("cio", "date", MODIFIED),
    ("computerworld", "date", MODIFIED),
    ("fast-company", "date", MODIFIED),
    ("fortune", "date", MODIFIED),
    ("jewish-business-news", "date", MODIFIED),
    ("los-angeles-times", "date", MODIFIED),
    ("marketing-land", "date", MODIFIED),
    ("mashable", "date", MODIFIED),
    ("medium", "date", MODIFIED),
    ("milanocittastato", "date", MODIFIED),
    ("nbcnews", "date", MODIFIED),
    ("npr", "date", MODIFIED),
    ("postplanner", "date", MODIFIED),
    ("pr-newswire", "date", MODIFIED),
    ("san-francisco-chronicle", "date", MODIFIED),
    ("sfstandard", "date", MODIFIED),
    ("silicon-beat", "date", MODIFIED),
    ("techcrunch", "date", MODIFIED),
    ("techmonitor", "date", MODIFIED),
    ("the-guardian", "date", MODIFIED),
    ("the-register", "date", MODIFIED),
    ("theflip", "date", MODIFIED),
    ("vimeo", "date", MODIFIED),
    ("wired", "date", MODIFIED),
    ("usa-today", "date", MODIFIED),
    (
        "engadget",
        "date",
        "the reference's date (2021-05-13) is nowhere in the page; its datePublished is Mon, Jan 7 2019 15:37:00 EST",
    ),
    (
        "belfusto",
        "image",
        "the reference's image is a data: URL placeholder, an empty SVG",
    ),
    (
        "milanocittastato",
        "image",
        "the reference's image is an emoji from the site's emoji script",
    ),
    (
        "business-today",
        "byline",
        "the reference's author is the site's Twitter handle; the page credits Sonal Khetarpal",
    ),
    (
        "sfstandard",
        "byline",
        "the reference's author is a mangled e-mail address; the page credits Lauren Saria",
    ),
    (
        "twitter-gif",
        "byline",
        "the reference's author is a URL fragment (#!/kiko/beats)",
    ),
    (
        "transistor",
        "byline",
        "the reference's author is a link text (View the Website)",
    ),
];

struct Field {
    name: &'static str,
    floor: f64,
    target: f64,
    agree: u32,
    total: u32,
    misses: Vec<String>,
}

#[test]
fn card_agrees_with_the_reference_on_real_pages() {
    // (no corpus is a failure, not a pass: only an explicit STORYCARD_CORPUS=none skips it)
    if std::env::var_os("STORYCARD_CORPUS").is_some_and(|v| v == "none") {
        eprintln!("skipped: STORYCARD_CORPUS=none");
        return;
    }
    let dir = corpus().expect(
        "no metascraper corpus: put it at ../shared/corpus/metascraper beside this checkout, \
         point STORYCARD_CORPUS at it, or skip this test with STORYCARD_CORPUS=none",
    );
    // (field, floor asserted now, the agreement the product aims at). Where the two differ the
    // floor is what was measured last, so a change can only raise it.
    let mut fields: Vec<Field> = [
        // (0.966 until the `<h1>` the page marks as the article's came before the sharing
        // title and the `<title>` where no two agree: three pages whose reference takes the
        // `<title>`'s wording; the held-out labels, written from what the pages show, gained
        // more: docs/reading.md)
        ("headline", 0.93, 0.95),
        ("lang", 0.95, 0.95),
        ("description", 0.85, 0.85),
        ("date", 0.85, 0.85),
        ("image", 0.85, 0.85),
        // (0.773 until a word in title case alone stopped counting as initials: the reference
        // credits Yahoo's syndicated story to "Mic", the outlet, which the card no longer shows
        // as a person; 0.758 since)
        ("byline", 0.75, 0.75),
        ("publisher", 0.79, 0.0),
        ("url", 0.98, 0.0),
    ]
    .into_iter()
    .map(|(name, floor, target)| Field {
        name,
        floor,
        target,
        agree: 0,
        total: 0,
        misses: Vec::new(),
    })
    .collect();
    let mut sites: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    sites.sort();
    let mut errors = BTreeMap::new();
    let mut site_credits = Vec::new();
    for site in &sites {
        let name = site.file_name().unwrap().to_string_lossy().to_string();
        let html = fs::read(site.join("page.html")).unwrap();
        let html = String::from_utf8_lossy(&html);
        let expected: Json =
            serde_json::from_str(&fs::read_to_string(site.join("expected.json")).unwrap()).unwrap();
        let page_url = expected.get("pageUrl").and_then(Json::as_str);
        let page = Page::from_html(&html, page_url, None).unwrap();
        let got = match extract::from_page(&page) {
            Ok(e) => e,
            Err(e) => {
                errors.insert(name.clone(), e.to_string());
                Extracted::default()
            }
        };
        let a = &got.article;
        let ours: [(&str, Option<String>); 8] = [
            (
                "headline",
                Some(a.headline.clone()).filter(|h| !h.is_empty()),
            ),
            ("lang", a.language.clone()),
            ("description", a.description.clone()),
            ("date", a.date_published.clone()),
            ("image", a.image.as_ref().map(|i| i.url.clone())),
            (
                "byline",
                (!a.authors.is_empty()).then(|| {
                    a.authors
                        .iter()
                        .map(|p| p.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                }),
            ),
            ("publisher", a.publisher.clone()),
            ("url", a.url.clone()),
        ];
        for (field, value) in ours {
            let Some(want) = expected.get(reference_key(field)).and_then(Json::as_str) else {
                continue;
            };
            if REFERENCE_WRONG
                .iter()
                .any(|(s, f, _)| *s == name && *f == field)
            {
                continue;
            }
            // A reference byline that is the site itself ("Marketing Land" on marketingland.com)
            // credits no one: the card shows the site as the publisher and no byline.
            if field == "byline" {
                let sites: Vec<&str> = [a.publisher.as_deref(), page.meta("og:site_name")]
                    .into_iter()
                    .flatten()
                    .collect();
                let host = page_url
                    .and_then(|u| u.split("//").nth(1))
                    .and_then(|r| r.split('/').next());
                if is_site(want, &sites, host) {
                    site_credits.push(format!("{name}: {want:?}"));
                    continue;
                }
            }
            let same = value.as_deref().is_some_and(|got| match field {
                "lang" => got
                    .split(['-', '_'])
                    .next()
                    .unwrap_or("")
                    .eq_ignore_ascii_case(want.split(['-', '_']).next().unwrap_or("")),
                "date" => same_date(got, want),
                "headline" => same_headline(got, want),
                "image" => norm_image(got) == norm_image(want),
                "url" => norm_url(got) == norm_url(want),
                "byline" => same_names(got, want),
                _ => norm(got) == norm(want),
            });
            let f = fields.iter_mut().find(|f| f.name == field).unwrap();
            f.total += 1;
            if same {
                f.agree += 1;
            } else {
                f.misses
                    .push(format!("{name}: got {value:?}, reference {want:?}"));
            }
        }
    }
    println!(
        "\nagreement with the reference on {} real pages:",
        sites.len()
    );
    println!(
        "{:<12} {:>6} {:>6} {:>7} {:>6} {:>7}",
        "field", "agree", "pages", "ratio", "floor", "target"
    );
    for f in &fields {
        let ratio = f64::from(f.agree) / f64::from(f.total.max(1));
        println!(
            "{:<12} {:>6} {:>6} {:>7.3} {:>6.2} {:>7.2}",
            f.name, f.agree, f.total, ratio, f.floor, f.target
        );
    }
    println!(
        "\nleft out, the reference's byline being the site itself: {}",
        site_credits.join(", ")
    );
    println!("\nleft out where the reference is wrong and the page is right:");
    for (site, field, why) in REFERENCE_WRONG {
        println!("  {site} {field}: {why}");
    }
    for f in &fields {
        if !f.misses.is_empty() {
            println!("\n{} disagreements:", f.name);
            for m in &f.misses {
                println!("  {m}");
            }
        }
    }
    for (site, e) in &errors {
        println!("\n{site}: {e}");
    }
    for f in &fields {
        let ratio = f64::from(f.agree) / f64::from(f.total.max(1));
        assert!(
            ratio >= f.floor,
            "{}: {:.3} is under the floor {:.2}",
            f.name,
            ratio,
            f.floor
        );
    }
}
