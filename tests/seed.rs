//! The seed article, end to end in the pure core: the data island that `index.html` embeds goes
//! through extraction, dedupe and the view, and is checked against `fixtures/seed.expected.json`.

use storycard::{html, view, Json};

/// The JSON inside `index.html`'s `<script type="application/json" id="article-data">`.
fn seed_island() -> Json {
    let page = include_str!("../index.html");
    let open = r#"<script type="application/json" id="article-data">"#;
    let start = page.find(open).expect("index.html has the data island") + open.len();
    let end = start
        + page[start..]
            .find("</script>")
            .expect("the island is closed");
    serde_json::from_str(&page[start..end]).expect("the island is valid JSON")
}

fn expected() -> Json {
    serde_json::from_str(include_str!("fixtures/seed.expected.json")).unwrap()
}

fn story() -> storycard::Story {
    storycard::story(&seed_island(), &Default::default()).unwrap()
}

fn strings(v: &Json) -> Vec<String> {
    match v {
        Json::Array(items) => items
            .iter()
            .map(|i| {
                let s = i.as_str().or_else(|| i.get("name").and_then(Json::as_str));
                storycard::dedupe::headline_key(s.unwrap_or_default())
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[test]
fn seed_has_eleven_entries_and_eight_stories() {
    let Some(Json::Array(entries)) = seed_island().get("related").cloned() else {
        panic!("no related list")
    };
    assert_eq!(entries.len(), 11);
    assert_eq!(story().related.len(), 8);
}

#[test]
fn seed_stories_match_the_expectation_file() {
    let detail = Json::from(&story());
    let (Some(Json::Array(got)), Some(Json::Array(want))) =
        (detail.get("related"), expected().get("related").cloned())
    else {
        panic!("related lists missing")
    };
    assert_eq!(got.len(), want.len());
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g.get("headline"), w.get("headline"), "story {i}");
        // Names compare by their NFC key: the seed sends "Anh Vũ" decomposed.
        assert_eq!(
            strings(g.get("author").unwrap()),
            strings(w.get("author").unwrap()),
            "story {i}"
        );
        if let Some(url) = w.get("url") {
            assert_eq!(g.get("url"), Some(url), "story {i} keeps its canonical URL");
        }
    }
}

#[test]
fn seed_removals_name_reason_and_target() {
    let detail = Json::from(&story());
    let Some(Json::Array(want)) = expected().get("removed").cloned() else {
        panic!("no removed list")
    };
    let Some(Json::Array(got)) = detail.get("removed") else {
        panic!("no removed list in the detail")
    };
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        for key in ["position", "reason", "mergedInto"] {
            assert_eq!(g.get(key), w.get(key), "{key} of {g:?}");
        }
    }
}

#[test]
fn seed_article_is_read_whole() {
    let s = story();
    assert_eq!(
        s.article.headline,
        "US abandons conflict resolution, resumes aid to Ukraine"
    );
    assert_eq!(s.article.authors[0].name, "Bùi Đức");
    assert_eq!(s.article.body.len(), 8);
    assert_eq!(s.related_heading.as_deref(), Some("TIN LIÊN QUAN"));
    let img = s.article.image.as_ref().unwrap();
    assert_eq!((img.width, img.height), (Some(1200), Some(675)));
}

#[test]
fn seed_view_shows_card_and_eight_labelled_slides() {
    let s = story();
    let dates = |raw: &str| Some(raw[..10].to_owned());
    let els = view::story(
        &s,
        &view::ViewOptions {
            labels: storycard::i18n::labels("en"),
            format_date: &dates,
            autoplay: false,
        },
    );
    let out = html::to_html(&els);
    assert_eq!(out.matches(r#"part="slide" role="group""#).count(), 8);
    assert!(out.contains(r#"aria-label="8 of 8""#));
    assert!(out.contains(r#"aria-roledescription="carousel" aria-labelledby="related-heading""#));
    assert!(out.contains(r#"<h2 part="related-heading" id="related-heading">TIN LIÊN QUAN</h2>"#));
    assert!(
        out.contains(r#"width="1200" height="675""#),
        "the lead image reserves its space"
    );
    assert!(
        out.contains(r#"<time part="date" datetime="2025-05-03T09:30:00+07:00">2025-05-03</time>"#)
    );
    // The lede is shown once: not again as the first paragraph of the hidden body.
    let lede = &s.article.description.clone().unwrap();
    assert_eq!(out.matches(lede.as_str()).count(), 1);
    for part in [
        "card",
        "image",
        "section",
        "headline",
        "byline",
        "date",
        "lede",
        "body",
        "more",
        "related",
        "related-heading",
        "slide",
        "slide-title",
        "slide-summary",
        "slide-byline",
        "prev",
        "next",
    ] {
        assert!(
            out.contains(&format!(r#"part="{part}""#)),
            "part {part} is rendered"
        );
    }
}

#[test]
fn seed_view_escapes_what_it_writes() {
    let data: Json = serde_json::from_str(
        r#"{"article":{"headline":"<img src=x onerror=alert(1)> & \"quotes\""},
            "related":[{"headline":"a\" onmouseover=\"alert(1)","url":"https://x.example/?a=1&b=<2>"}]}"#,
    )
    .unwrap();
    let s = storycard::story(&data, &Default::default()).unwrap();
    let out = html::to_html(&view::story(
        &s,
        &view::ViewOptions {
            labels: storycard::i18n::labels("en"),
            format_date: &|_| None,
            autoplay: false,
        },
    ));
    assert!(out.contains("&lt;img src=x onerror=alert(1)&gt; &amp; \"quotes\""));
    assert!(out.contains(r#"href="https://x.example/?a=1&amp;b=&lt;2&gt;""#));
    assert!(
        out.contains(r#"a" onmouseover="alert(1)</a>"#),
        "text stays text"
    );
    assert!(!out.contains("<img src=x"));
}
