//! The hostile corpus (tests/fixtures/hostile/payloads.json) through the HTML writer: every
//! payload in every field of the data island, the story rendered to HTML, and the HTML parsed
//! back with a real parser (html5ever, through scraper). The parsed tree must be exactly the view
//! tree: the same elements with the same attributes and the same text, so nothing escaped its
//! text or attribute context; and every address, read by the WHATWG URL parser against a page's
//! address, must be http(s).
#![cfg(not(target_arch = "wasm32"))]

use scraper::{ElementRef, Html, Node as Parsed};
use serde_json::Value;
use storycard::view::{El, Node, ViewOptions};
use storycard::{html, i18n, view, Json};

fn payloads() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string("tests/fixtures/hostile/payloads.json").expect("corpus");
    let list: Vec<Value> = serde_json::from_str(&text).expect("JSON");
    list.iter()
        .map(|p| {
            let s = |k: &str| p[k].as_str().expect("string").to_owned();
            (s("kind"), s("name"), s("value"))
        })
        .collect()
}

fn base() -> Value {
    serde_json::json!({
        "article": {
            "headline": "Harbour ferry returns",
            "url": "https://news.example/city/ferry",
            "author": [{ "name": "Mara Lindqvist", "url": "https://news.example/author/mara" }],
            "description": "The council voted to bring back the ferry.",
            "articleBody": ["The council voted to bring back the ferry.", "Four vessels will run from June."],
            "articleSection": "City",
            "datePublished": "2025-04-02",
            "image": { "url": "https://news.example/ferry.jpg", "alt": "The ferry", "width": 1200, "height": 675 }
        },
        "relatedHeading": "More on this",
        "related": [
            { "headline": "Bridge deck to be rebuilt", "url": "https://news.example/city/bridge",
              "description": "Lane closures from July.",
              "author": { "name": "Tomás Reyes", "url": "https://news.example/author/tomas" },
              "image": { "url": "https://news.example/bridge.jpg", "alt": "The bridge" } },
            { "headline": "Pier plans on show", "url": "https://news.example/city/pier" }
        ]
    })
}

/// Where a payload goes in the data: a JSON pointer.
const TEXT_FIELDS: [&str; 11] = [
    "/article/headline",
    "/article/author/0/name",
    "/article/description",
    "/article/articleBody/1",
    "/article/articleSection",
    "/relatedHeading",
    "/article/image/alt",
    "/related/0/headline",
    "/related/0/description",
    "/related/0/author/name",
    "/related/0/image/alt",
];
const URL_FIELDS: [&str; 5] = [
    "/article/url",
    "/related/0/url",
    "/article/image/url",
    "/related/0/image/url",
    "/article/author/0/url",
];

/// The element's children as the parser sees them: elements, and text with adjacent runs joined.
fn same_tree(expected: &El, got: ElementRef, path: &str, failures: &mut Vec<String>) {
    let el = got.value();
    if el.name() != expected.tag {
        failures.push(format!(
            "{path}: <{}> where the view has <{}>",
            el.name(),
            expected.tag
        ));
        return;
    }
    let mut attrs: Vec<(String, String)> = el
        .attrs()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let mut want: Vec<(String, String)> = expected
        .attrs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    attrs.sort();
    want.sort();
    if attrs != want {
        failures.push(format!(
            "{path}/{}: attributes {attrs:?}, the view has {want:?}",
            expected.tag
        ));
    }
    let mut children = Vec::new();
    for child in got.children() {
        match child.value() {
            Parsed::Element(_) => children.push(Err(ElementRef::wrap(child).expect("element"))),
            Parsed::Text(t) => match children.last_mut() {
                Some(Ok(text)) => *text += &**t,
                _ => children.push(Ok(t.to_string())),
            },
            _ => failures.push(format!(
                "{path}/{}: a node that is neither element nor text",
                expected.tag
            )),
        }
    }
    let mut want_children: Vec<Result<String, &El>> = Vec::new();
    for child in &expected.children {
        match child {
            Node::El(e) => want_children.push(Err(e)),
            Node::Text(t) if t.is_empty() => {}
            Node::Text(t) => match want_children.last_mut() {
                Some(Ok(text)) => text.push_str(t),
                _ => want_children.push(Ok(t.clone())),
            },
        }
    }
    if children.len() != want_children.len() {
        failures.push(format!(
            "{path}/{}: {} children, the view has {}",
            expected.tag,
            children.len(),
            want_children.len()
        ));
        return;
    }
    for (got, want) in children.into_iter().zip(want_children) {
        match (got, want) {
            (Ok(a), Ok(b)) if a == b => {}
            (Ok(a), Ok(b)) => failures.push(format!(
                "{path}/{}: text {a:?}, the view has {b:?}",
                expected.tag
            )),
            (Err(g), Err(w)) => same_tree(w, g, &format!("{path}/{}", expected.tag), failures),
            _ => failures.push(format!(
                "{path}/{}: an element where the view has text, or the reverse",
                expected.tag
            )),
        }
    }
}

fn addresses(el: &El, out: &mut Vec<String>) {
    for (name, value) in &el.attrs {
        if *name == "href" || *name == "src" {
            out.push(value.clone());
        }
    }
    for child in &el.children {
        if let Node::El(e) = child {
            addresses(e, out);
        }
    }
}

#[test]
fn the_hostile_corpus_cannot_escape_the_html_writer() {
    let corpus = payloads();
    assert!(corpus.len() >= 60, "{} payloads", corpus.len());
    let dates = |raw: &str| Some(raw.to_owned());
    let opts = ViewOptions {
        labels: i18n::labels("en"),
        format_date: &dates,
        autoplay: true,
    };
    let mut failures = Vec::new();
    let mut renders = 0;
    for (kind, name, value) in &corpus {
        let fields: &[&str] = if kind == "url" {
            &URL_FIELDS
        } else {
            &TEXT_FIELDS
        };
        for field in fields {
            let mut data = base();
            *data.pointer_mut(field).expect(field) = Value::String(value.clone());
            let json: Json = serde_json::from_value(data).expect("Json");
            let Ok(story) = storycard::story(&json, &Default::default()) else {
                continue; // refused as data: nothing rendered
            };
            let els = view::story(&story, &opts);
            let written = html::to_html(&els);
            // Parsed as the content of a <div>, as the browser parses a shadow root's HTML.
            let parsed = Html::parse_fragment(&written);
            let top: Vec<ElementRef> = parsed
                .root_element()
                .children()
                .filter_map(ElementRef::wrap)
                .collect();
            let at = format!("{name} in {field}");
            if top.len() != els.len() {
                failures.push(format!(
                    "{at}: {} top-level elements, the view has {}",
                    top.len(),
                    els.len()
                ));
                continue;
            }
            for (el, got) in els.iter().zip(top) {
                same_tree(el, got, &at, &mut failures);
                let mut urls = Vec::new();
                addresses(el, &mut urls);
                // Read as a browser reads an address in a page at https://page.example/.
                let page = url::Url::parse("https://page.example/").expect("base");
                for address in urls {
                    let scheme = page.join(&address).map(|u| u.scheme().to_owned());
                    if !matches!(scheme.as_deref(), Ok("http" | "https")) {
                        failures.push(format!("{at}: address {address:?} ({scheme:?})"));
                    }
                }
            }
            renders += 1;
        }
    }
    println!("{renders} renders of {} payloads parsed back", corpus.len());
    assert!(renders > 500, "{renders}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
