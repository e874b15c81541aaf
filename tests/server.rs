//! Server-side rendering natively: the element `storycard render` prints, parsed back with a real
//! HTML parser (html5ever, through scraper). Every hostile payload in the data and in the
//! options (labels, language, island id, stylesheet address) stays in its place: one data island
//! whose text is the story's JSON, one `<story-card>` whose attributes are the options, a
//! `<template shadowrootmode="open">` whose content is exactly the view tree after the stylesheet,
//! and light-DOM links to the same stories.
#![cfg(not(target_arch = "wasm32"))]

use scraper::{Html, Node as Parsed, Selector};
use storycard::view::{El, Node, ViewOptions};
use storycard::{dates, dedupe, extract, html, i18n, view, Json};
use storycard::{server, Options};

fn story(headline: &str, label: &str) -> storycard::Story {
    let data: Json = serde_json::from_value(serde_json::json!({
        "article": {
            "headline": headline,
            "url": "https://news.example/city/ferry",
            "datePublished": "2025-04-02T23:30:00-05:00",
            "articleBody": ["One.", label],
            "author": { "name": label }
        },
        "related": [
            { "headline": label, "url": "https://news.example/a" },
            { "headline": "Pier plans on show", "url": "https://news.example/b" }
        ]
    }))
    .unwrap();
    dedupe::dedupe(extract::island::read(&data).unwrap(), None)
}

fn render(story: &storycard::Story, opts: &Options) -> String {
    let island = server::island(story);
    let lang = opts.language(Some(story), None).to_owned();
    server::element(story, opts, &island, &|raw| dates::long_date(raw, &lang))
}

/// The parsed children of `node` as the view's kind of tree (texts merged as the parser merges
/// them), with `<style>` and `<link>` left out; a template's content (a fragment) read through.
fn tree(node: ego_tree::NodeRef<Parsed>) -> Vec<String> {
    let mut out = Vec::new();
    for child in node.children() {
        match child.value() {
            Parsed::Text(t) => out.push(["#", t].concat()),
            Parsed::Fragment => out.extend(tree(child)),
            Parsed::Element(e) if e.name() == "style" || e.name() == "link" => {}
            Parsed::Element(e) => {
                let mut attrs: Vec<String> = e.attrs().map(|(n, v)| [n, "=", v].concat()).collect();
                attrs.sort();
                out.push(["<", e.name(), " ", &attrs.join(" ")].concat());
                out.extend(tree(child));
                out.push("/".into());
            }
            _ => {}
        }
    }
    out
}

fn view_tree(els: &[El]) -> Vec<String> {
    let mut out = Vec::new();
    for e in els {
        let mut attrs: Vec<String> = e
            .attrs
            .iter()
            .map(|(n, v)| [n, "=", v.as_str()].concat())
            .collect();
        attrs.sort();
        out.push(["<", e.tag, " ", &attrs.join(" ")].concat());
        for c in &e.children {
            match c {
                Node::El(child) => out.extend(view_tree(std::slice::from_ref(child))),
                Node::Text(t) => out.push(["#", t.as_str()].concat()),
            }
        }
        out.push("/".into());
    }
    out
}

#[test]
fn hostile_data_and_options_stay_in_their_place() {
    let text = std::fs::read_to_string("tests/fixtures/hostile/payloads.json").unwrap();
    let payloads: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let mut renders = 0;
    for p in payloads.iter().filter(|p| p["kind"] == "text") {
        let value = p["value"].as_str().unwrap();
        let story = story(&["Harbour ", value].concat(), value);
        let opts = Options {
            lang: Some(["en\" x=\"", value].concat()),
            labels: vec![
                ("readMore".into(), value.into()),
                ("next".into(), value.into()),
            ],
            id: Some(["island\"", value].concat()),
            stylesheet: Some(["/s.css\"", value].concat()),
            ..Options::default()
        };
        let out = render(&story, &opts);
        // (control characters are left out of what the element carries)
        let opts = server::plain_options(&opts);
        let value = &server::plain(value);
        let doc = Html::parse_fragment(&out);
        let scripts: Vec<_> = doc.select(&Selector::parse("script").unwrap()).collect();
        let name = p["name"].as_str().unwrap();
        assert_eq!(scripts.len(), 1, "{name}: one script element, the island");
        assert_eq!(scripts[0].value().attr("type"), Some("application/json"));
        assert_eq!(scripts[0].value().attr("id"), opts.id.as_deref());
        let island: Json = serde_json::from_str(&scripts[0].text().collect::<String>()).unwrap();
        let written: Json = serde_json::from_str(&server::island(&story)).unwrap();
        assert_eq!(island, written, "{name}: the island's JSON");
        let cards: Vec<_> = doc
            .select(&Selector::parse("story-card").unwrap())
            .collect();
        assert_eq!(cards.len(), 1, "{name}");
        let card = cards[0].value();
        assert_eq!(
            card.attr("source"),
            Some(["#", opts.id.as_deref().unwrap()].concat().as_str())
        );
        assert_eq!(card.attr("lang"), opts.lang.as_deref());
        assert_eq!(card.attr("label-read-more"), Some(value.as_str()));
        assert_eq!(card.attr("label-next"), Some(value.as_str()));
        let view = card.attr(view::data::VIEW).unwrap_or_default();
        assert!(
            view.len() == 16 && view.bytes().all(|b| b.is_ascii_hexdigit()),
            "{name}: the view's fingerprint, 16 hex digits: {view:?}"
        );
        assert_eq!(card.attrs().count(), 5, "{name}: no attribute from data");
        // The declarative shadow root: the stylesheet link, then exactly the view tree.
        let template = doc
            .select(&Selector::parse("story-card > template").unwrap())
            .next()
            .unwrap();
        assert_eq!(template.value().attr("shadowrootmode"), Some("open"));
        let lang = opts.lang.as_deref().unwrap();
        let labels = i18n::Labels::with(lang, &opts.labels);
        let els = view::story(
            &story,
            &ViewOptions {
                labels: &labels,
                format_date: &|raw| dates::long_date(raw, lang),
                autoplay: false,
            },
        );
        let shadow = tree(*template);
        assert_eq!(
            shadow,
            view_tree(&els),
            "{name}: the shadow root is the view"
        );
        let link = template.select(&Selector::parse("link").unwrap()).next();
        assert_eq!(
            link.and_then(|l| l.value().attr("href")),
            opts.stylesheet.as_deref()
        );
        renders += 1;
    }
    assert!(renders >= 35, "{renders} renders");
}

#[test]
fn renders_the_seed_with_its_stylesheet_and_links_for_browsers_without_shadow_roots() {
    let index = std::fs::read_to_string("index.html").unwrap();
    let start = index.find("id=\"article-data\">").unwrap() + "id=\"article-data\">".len();
    let end = start + index[start..].find("</script>").unwrap();
    let data: Json = serde_json::from_str(&index[start..end]).unwrap();
    let story = dedupe::dedupe(extract::island::read(&data).unwrap(), None);
    let out = render(&story, &Options::default());
    assert!(out.contains(&["<style>", view::STYLESHEET, "</style>"].concat()));
    let doc = Html::parse_fragment(&out);
    let light: Vec<String> = doc
        .select(&Selector::parse("story-card > ul a, story-card > p a").unwrap())
        .map(|a| a.text().collect())
        .collect();
    let mut want = vec![story.article.headline.clone()];
    want.extend(
        story
            .related
            .iter()
            .filter(|r| r.url.is_some())
            .map(|r| r.headline.clone()),
    );
    assert_eq!(light, want);
    assert_eq!(
        html::to_html(&view::links(&story)).matches("<li>").count(),
        story.related.len()
    );
}
