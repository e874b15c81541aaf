//! Real-world page shapes (`fixtures/pages/*.html`, each with `*.expected.json`): the native HTML
//! reader builds the same `Page` the browser glue builds, extraction and dedupe run as in the
//! widget, and every field the expectation names is compared.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::PathBuf;

use storycard::extract;
use storycard::page::Page;
use storycard::Json;

fn fixtures() -> Vec<(String, String, Json)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let mut out: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            let expected = fs::read_to_string(dir.join(format!("{name}.expected.json"))).unwrap();
            (
                name,
                fs::read_to_string(&p).unwrap(),
                serde_json::from_str(&expected).unwrap(),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn strings(v: Option<&Json>) -> Vec<String> {
    match v {
        Some(Json::Array(items)) => items
            .iter()
            .filter_map(Json::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

#[test]
fn every_fixture_page_reads_as_expected() {
    let all = fixtures();
    assert!(all.len() >= 32, "the fixture corpus is there");
    for (name, html, want) in all {
        let selectors = strings(want.get("related")).join(", ");
        let page = Page::from_html(
            &html,
            want.get("pageUrl").and_then(Json::as_str),
            Some(&selectors),
        )
        .unwrap();
        if let Some(dir) = want.get("dir") {
            assert_eq!(page.dir.as_deref(), dir.as_str(), "{name}: dir");
        }
        let extracted = extract::from_page(&page);
        if let Some(message) = want.get("error").and_then(Json::as_str) {
            assert_eq!(extracted.unwrap_err().to_string(), message, "{name}");
            continue;
        }
        let story = storycard::dedupe::dedupe(extracted.unwrap(), page.base.as_deref());
        let detail = Json::from(&story);
        let article = detail.get("article").unwrap();
        let Some(Json::Object(fields)) = want.get("article") else {
            panic!("{name}: no article")
        };
        for (field, expected) in fields {
            let got = article.get(field);
            match field.as_str() {
                "author" => {
                    let names: Vec<String> = match got {
                        Some(Json::Array(people)) => people
                            .iter()
                            .filter_map(|p| p.get("name").and_then(Json::as_str).map(str::to_owned))
                            .collect(),
                        _ => Vec::new(),
                    };
                    assert_eq!(names, strings(Some(expected)), "{name}: author");
                }
                "image" => assert_eq!(
                    got.and_then(|i| i.get("url")).and_then(Json::as_str),
                    expected.as_str(),
                    "{name}: image"
                ),
                _ => assert_eq!(
                    got.and_then(Json::as_str),
                    expected.as_str(),
                    "{name}: {field}"
                ),
            }
        }
        if let Some(body) = want.get("articleBody") {
            assert_eq!(
                article.get("articleBody"),
                Some(body),
                "{name}: articleBody"
            );
        }
        if let Some(Json::Object(sources)) = want.get("provenance") {
            for (field, source) in sources {
                assert_eq!(
                    detail.get("provenance").and_then(|p| p.get(field)),
                    Some(source),
                    "{name}: provenance of {field}"
                );
            }
        }
        let headlines: Vec<&str> = story.related.iter().map(|r| r.headline.as_str()).collect();
        assert_eq!(
            headlines,
            strings(want.get("relatedHeadlines")),
            "{name}: related stories"
        );
        // Per related story, by headline: its image and its summary.
        type Field = fn(&storycard::model::Related) -> Option<&str>;
        let per_story: [(&str, Field); 2] = [
            ("relatedImages", |r| {
                r.image.as_ref().map(|i| i.url.as_str())
            }),
            ("relatedSummaries", |r| r.description.as_deref()),
        ];
        for (key, field) in per_story {
            let Some(Json::Object(expected)) = want.get(key) else {
                continue;
            };
            for (headline, value) in expected {
                let r = story
                    .related
                    .iter()
                    .find(|r| &r.headline == headline)
                    .unwrap();
                assert_eq!(field(r), value.as_str(), "{name}: {key} of {headline}");
            }
        }
        // Per removed entry, by headline: why it was removed.
        if let Some(Json::Object(expected)) = want.get("removed") {
            for (headline, reason) in expected {
                let r = story
                    .removed
                    .iter()
                    .find(|r| &r.headline == headline)
                    .unwrap_or_else(|| panic!("{name}: {headline:?} is not removed"));
                assert_eq!(
                    Some(r.reason.as_str()),
                    reason.as_str(),
                    "{name}: why {headline:?} is removed"
                );
            }
        }
        if let Some(Json::Number(n)) = want.get("warnings") {
            assert_eq!(
                story.warnings.len(),
                *n as usize,
                "{name}: warnings {:?}",
                story.warnings
            );
        }
    }
}
