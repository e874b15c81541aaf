//! The widget in a real browser (wasm-bindgen-test, headless Chromium): mount, the rendered
//! parts, events, `update`, `destroy`, and every bad input of the first issue.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Reflect, JSON};
use storycard::web::Widget;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Document, Element, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The data island of the demo page, as text.
fn seed_text() -> &'static str {
    let page = include_str!("../index.html");
    let open = r#"<script type="application/json" id="article-data">"#;
    let start = page.find(open).unwrap() + open.len();
    let end = start + page[start..].find("</script>").unwrap();
    &page[start..end]
}

fn seed() -> JsValue {
    JSON::parse(seed_text()).unwrap()
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

/// A host element in the page, with the events it receives and the console.error calls made.
struct Fixture {
    host: Element,
    root: ShadowRoot,
    events: Rc<RefCell<Vec<(String, JsValue)>>>,
    _listeners: Vec<Closure<dyn FnMut(CustomEvent)>>,
}

impl Fixture {
    fn new() -> Fixture {
        let host = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&host).unwrap();
        let root = host
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .unwrap();
        let events = Rc::new(RefCell::new(Vec::new()));
        let mut listeners = Vec::new();
        // Listen on the document: the events must bubble and cross shadow boundaries.
        for kind in ["storycard:ready", "storycard:error"] {
            let events = events.clone();
            let target = host.clone();
            let cb = Closure::<dyn FnMut(CustomEvent)>::new(move |e: CustomEvent| {
                if e.target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .as_ref()
                    == Some(&target)
                {
                    events.borrow_mut().push((e.type_(), e.detail()));
                }
            });
            document()
                .add_event_listener_with_callback(kind, cb.as_ref().unchecked_ref())
                .unwrap();
            listeners.push(cb);
        }
        Fixture {
            host,
            root,
            events,
            _listeners: listeners,
        }
    }

    fn mount(&self, opts: JsValue) -> Widget {
        let widget = Widget::new(self.host.clone(), self.root.clone(), opts);
        finish(&widget, JsValue::UNDEFINED);
        widget
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().dyn_into().unwrap())
            .collect()
    }

    fn one(&self, part: &str) -> Element {
        let found = self.all(&format!("[part~=\"{part}\"]"));
        assert_eq!(found.len(), 1, "one element with part {part}");
        found.into_iter().next().unwrap()
    }

    fn last_event(&self) -> (String, JsValue) {
        self.events
            .borrow()
            .last()
            .cloned()
            .expect("an event was fired")
    }

    fn text(&self, part: &str) -> String {
        self.one(part).text_content().unwrap_or_default()
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        for cb in &self._listeners {
            for kind in ["storycard:ready", "storycard:error"] {
                let _ = document()
                    .remove_event_listener_with_callback(kind, cb.as_ref().unchecked_ref());
            }
        }
        self.host.remove();
    }
}

fn get(v: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(v.clone(), |v, k| {
        Reflect::get(&v, &JsValue::from_str(k)).unwrap()
    })
}

fn len(v: &JsValue) -> u32 {
    v.dyn_ref::<Array>().map(|a| a.length()).unwrap_or(u32::MAX)
}

/// Replaces console.error for the duration of `f`, returning the messages it received.
fn console_errors(f: impl FnOnce()) -> Vec<String> {
    let console = get(&web_sys::window().unwrap().into(), &["console"]);
    let original = get(&console, &["error"]);
    let seen = Array::new();
    let spy = Function::new_with_args("...args", "this.push(args.join(' '))").bind0(&seen);
    Reflect::set(&console, &"error".into(), &spy).unwrap();
    f();
    Reflect::set(&console, &"error".into(), &original).unwrap();
    seen.iter().map(|v| v.as_string().unwrap()).collect()
}

#[wasm_bindgen_test]
fn renders_the_seed_card_and_eight_stories() {
    let fx = Fixture::new();
    let _w = fx.mount(options(&[("data", seed())]));
    assert_eq!(
        fx.text("headline"),
        "US abandons conflict resolution, resumes aid to Ukraine"
    );
    assert_eq!(
        fx.one("headline").query_selector("a").unwrap().unwrap().get_attribute("href").as_deref(),
        Some("https://news.example.com/world/us-abandons-conflict-resolution-resumes-aid-to-ukraine-2401.html")
    );
    assert_eq!(fx.text("byline"), "Bùi Đức");
    assert_eq!(fx.text("section"), "World");
    assert_eq!(fx.text("related-heading"), "TIN LIÊN QUAN");
    let slides = fx.all("[part~=slide]");
    assert_eq!(slides.len(), 8);
    assert_eq!(
        slides[2].get_attribute("aria-label").as_deref(),
        Some("3 of 8")
    );
    let bylines: Vec<String> = fx
        .all("[part~=slide-byline]")
        .iter()
        .map(|b| b.text_content().unwrap())
        .collect();
    assert_eq!(
        bylines.len(),
        3,
        "the three Ukraine stories carry their authors"
    );
    assert_eq!(bylines[0], "Khánh Minh");
    assert_eq!(bylines[1], "Song Minh");
    let img = fx.one("image");
    assert_eq!(img.get_attribute("width").as_deref(), Some("1200"));
    assert_eq!(img.get_attribute("height").as_deref(), Some("675"));
    let prev = fx.one("prev");
    assert_eq!(prev.get_attribute("aria-disabled").as_deref(), Some("true"));
    assert!(prev
        .get_attribute("aria-label")
        .is_some_and(|l| !l.is_empty()));
    for part in ["card", "date", "lede", "body", "more", "related", "next"] {
        fx.one(part);
    }
}

/// `raw` as this browser's `Intl.DateTimeFormat(lang, { dateStyle: "long" })` writes it (in UTC
/// with `utc`, else in the reader's zone).
fn intl_date(lang: &str, raw: &str, utc: bool) -> Option<String> {
    let zone = if utc { ", timeZone: 'UTC'" } else { "" };
    js_sys::eval(&format!(
        "new Intl.DateTimeFormat('{lang}', {{dateStyle: 'long'{zone}}}).format(new Date('{raw}'))"
    ))
    .unwrap()
    .as_string()
}

#[wasm_bindgen_test]
fn formats_the_date_with_intl_in_the_article_language() {
    let fx = Fixture::new();
    let _w = fx.mount(options(&[("data", seed())]));
    let date = fx.one("date");
    assert_eq!(
        date.get_attribute("datetime").as_deref(),
        Some("2025-05-03T09:30:00+07:00")
    );
    let expected = intl_date("en", "2025-05-03T09:30:00+07:00", false);
    assert_eq!(date.text_content(), expected);
    let _vi = fx.mount(options(&[("data", seed()), ("lang", "vi".into())]));
    let expected = intl_date("vi", "2025-05-03T09:30:00+07:00", false);
    assert_eq!(Some(fx.text("date")), expected);
    assert_ne!(
        Some(fx.text("date")),
        Some(date.text_content().unwrap_or_default()),
        "not the English date"
    );
    assert_eq!(fx.text("more"), "Đọc tiếp");
}

/// The languages the widget writes dates in itself (`storycard::dates::writes`, so that a page
/// makes no `Intl.DateTimeFormat`, whose first one loads the browser's locale data) are written
/// as this browser's `Intl` writes them: every language, every month, a day of one digit and of
/// two. (Arabic is not one of them: WebKit's digits are not Chromium's and Firefox's.)
#[wasm_bindgen_test]
fn writes_each_native_language_as_the_browsers_intl_does() {
    let mut differ = Vec::new();
    let mut checked = 0;
    let mut languages = 0;
    for tag in storycard::dates::languages() {
        // ("en-" stands for English outside the US and Canada)
        let lang = if tag.ends_with('-') {
            format!("{tag}gb")
        } else {
            tag.to_owned()
        };
        if !storycard::dates::writes(&lang) {
            continue;
        }
        languages += 1;
        for month in 1..=12 {
            let raw = format!(
                "2025-{month:02}-{}",
                if month % 2 == 0 { "07" } else { "23" }
            );
            let expected = intl_date(&lang, &raw, true);
            let native = storycard::dates::long_date(&raw, &lang);
            checked += 1;
            if native != expected {
                differ.push(format!(
                    "{lang} {raw}: {native:?} against Intl's {expected:?}"
                ));
            }
        }
    }
    assert_eq!(checked, 12 * languages);
    assert!(languages >= 20, "{languages} languages");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// The widget writes the English seed's date without making an `Intl.DateTimeFormat`, and a
/// language not written natively (Japanese is; Thai is not) through one.
#[wasm_bindgen_test]
fn makes_no_intl_formatter_for_a_language_it_writes() {
    js_sys::eval(
        "window.__formatters = 0; if (!window.__counting) { window.__counting = true; const O = Intl.DateTimeFormat; \
         Intl.DateTimeFormat = function (...a) { window.__formatters += 1; return new O(...a); }; \
         Intl.DateTimeFormat.prototype = O.prototype; }",
    )
    .unwrap();
    let count = || {
        js_sys::eval("window.__formatters")
            .unwrap()
            .as_f64()
            .unwrap()
    };
    let fx = Fixture::new();
    let _en = fx.mount(options(&[("data", seed())]));
    assert!(!fx.text("date").is_empty());
    assert_eq!(count(), 0.0, "no formatter for English");
    let fx = Fixture::new();
    let _th = fx.mount(options(&[("data", seed()), ("lang", "th".into())]));
    let expected = intl_date("th", "2025-05-03T09:30:00+07:00", false);
    assert_eq!(Some(fx.text("date")), expected);
    assert!(
        count() >= 2.0,
        "Thai through Intl (and the expected value's own)"
    );
}

#[wasm_bindgen_test]
fn fires_ready_with_article_stories_and_removals() {
    let fx = Fixture::new();
    let _w = fx.mount(options(&[("data", seed())]));
    let (kind, detail) = fx.last_event();
    assert_eq!(kind, "storycard:ready");
    assert_eq!(
        get(&detail, &["article", "headline"]).as_string().unwrap(),
        fx.text("headline")
    );
    assert_eq!(len(&get(&detail, &["related"])), 8);
    let removed = get(&detail, &["removed"]);
    assert_eq!(len(&removed), 3);
    let first = removed.dyn_ref::<Array>().unwrap().get(0);
    assert_eq!(
        get(&first, &["reason"]).as_string().as_deref(),
        Some("same-url")
    );
    assert_eq!(get(&first, &["mergedInto"]).as_f64(), Some(0.0));
    assert_eq!(get(&first, &["position"]).as_f64(), Some(8.0));
}

#[wasm_bindgen_test]
fn tells_each_shown_story_as_the_ready_detail_gives_it() {
    let fx = Fixture::new();
    let widget = fx.mount(options(&[("data", seed())]));
    let (_, detail) = fx.last_event();
    let related = get(&detail, &["related"]);
    let json = |v: &JsValue| JSON::stringify(v).unwrap().as_string().unwrap();
    for i in 0..len(&related) {
        let told = widget.related(i as usize);
        assert_eq!(
            json(&told),
            json(&Array::from(&related).get(i)),
            "story {i}"
        );
    }
    assert!(widget.related(len(&related) as usize).is_undefined());
    // (an update clears it until its own render; destroy clears it for good)
    widget.update(seed());
    assert!(
        widget.related(0).is_undefined(),
        "none while the update renders"
    );
    finish(&widget, JsValue::UNDEFINED);
    assert!(!widget.related(0).is_undefined());
    widget.destroy();
    assert!(widget.related(0).is_undefined());
}

#[wasm_bindgen_test]
fn full_text_starts_hidden_behind_a_labelled_toggle() {
    // The toggling itself is the element module's (tests/e2e); here, what it works on.
    let fx = Fixture::new();
    let _w = fx.mount(options(&[("data", seed()), ("lang", "vi".into())]));
    let more = fx.one("more");
    let body = fx.one("body");
    assert!(body.has_attribute("hidden"));
    assert_eq!(more.tag_name(), "BUTTON");
    assert_eq!(
        more.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        more.get_attribute("aria-controls"),
        body.get_attribute("id")
    );
    assert_eq!(more.text_content().as_deref(), Some("Đọc tiếp"));
    assert_eq!(more.get_attribute("data-less").as_deref(), Some("Thu gọn"));
    assert_eq!(more.get_attribute("data-more").as_deref(), Some("Đọc tiếp"));
}

#[wasm_bindgen_test]
fn reads_a_data_island_by_selector() {
    let island = document().create_element("script").unwrap();
    island.set_attribute("type", "application/json").unwrap();
    island.set_id("web-test-island");
    island.set_text_content(Some(seed_text()));
    document().body().unwrap().append_child(&island).unwrap();
    let fx = Fixture::new();
    let _w = fx.mount(options(&[
        ("source", "#web-test-island".into()),
        ("max", "5".into()),
    ]));
    assert_eq!(fx.all("[part~=slide]").len(), 5, "max counts after dedupe");
    assert_eq!(get(&fx.last_event().1, &["omitted"]).as_f64(), Some(3.0));
    island.remove();
}

#[wasm_bindgen_test]
fn update_replaces_and_destroy_leaves_nothing() {
    let fx = Fixture::new();
    let w = fx.mount(options(&[("data", seed())]));
    update(
        &w,
        JSON::parse(r#"{"article":{"headline":"Second story"}}"#).unwrap(),
        JsValue::UNDEFINED,
    );
    assert_eq!(fx.text("headline"), "Second story");
    assert!(fx.all("[part~=related]").is_empty());
    w.destroy();
    assert_eq!(
        fx.root.child_nodes().length(),
        0,
        "the shadow root is empty"
    );
    assert_eq!(fx.root.adopted_style_sheets().length(), 0);
    let events = fx.events.borrow().len();
    update(&w, seed(), JsValue::UNDEFINED);
    assert_eq!(
        fx.root.child_nodes().length(),
        0,
        "a destroyed widget stays empty"
    );
    assert_eq!(fx.events.borrow().len(), events);
}

/// Runs a widget's render to the end and frees what it left, as the element module does over
/// several tasks.
fn finish(widget: &Widget, taken: JsValue) {
    while !widget.step(taken.clone()) {}
    while !widget.step(JsValue::UNDEFINED) {}
}

fn update(widget: &Widget, data: JsValue, taken: JsValue) {
    widget.update(data);
    finish(widget, taken);
}

/// `Date.now` replaced by a clock that moves one millisecond each time it is read, until dropped:
/// a slice then ends after a number of looks at the clock that no load can change.
struct CountingClock;

impl CountingClock {
    fn install() -> CountingClock {
        js_sys::eval("globalThis.__realNow = Date.now; { let t = 0; Date.now = () => (t += 1); }")
            .unwrap();
        CountingClock
    }
}

impl Drop for CountingClock {
    fn drop(&mut self) {
        let _ = js_sys::eval("Date.now = globalThis.__realNow");
    }
}

#[wasm_bindgen_test]
fn a_long_related_list_is_read_in_slices() {
    let fx = Fixture::new();
    let related = Array::new();
    let entries = 30_000;
    for i in 0..entries {
        let entry = js_sys::Object::new();
        let story = i % 20_000;
        js_sys::Reflect::set(
            &entry,
            &"headline".into(),
            &format!("Story {story} on the harbour").into(),
        )
        .unwrap();
        js_sys::Reflect::set(
            &entry,
            &"url".into(),
            &format!("https://news.example/story-{story}").into(),
        )
        .unwrap();
        related.push(&entry);
    }
    let data = JSON::parse(r#"{"article":{"headline":"The harbour"}}"#).unwrap();
    js_sys::Reflect::set(&data, &"related".into(), &related).unwrap();
    let clock = CountingClock::install();
    let widget = Widget::new(fx.host.clone(), fx.root.clone(), options(&[("data", data)]));
    // A step reads 8 entries between two looks at the clock and ends at the first look past its
    // 10 ms: with a clock that moves 1 ms a look, the 11th, so 88 entries a step. The first
    // step, after which the card is shown ahead, ends at the first look past 4 ms: the 5th, 40
    // entries.
    let mut reading = 0;
    while !widget.step(JsValue::UNDEFINED) {
        assert!(fx.events.borrow().is_empty(), "no event before the render");
        // (the card shows from the first step on; the carousel comes with the render)
        assert_eq!(
            fx.all("[part~=card]").len(),
            1,
            "the card after step {reading}"
        );
        assert!(
            fx.all("[part~=related]").is_empty(),
            "no carousel before the render"
        );
        reading += 1;
    }
    assert_eq!(
        fx.events.borrow().len(),
        1,
        "the step that renders fires the event"
    );
    let (first, per_step) = (8 * 5, 8 * 11);
    assert_eq!(
        reading,
        1 + (entries - first) / per_step,
        "{reading} steps, of {first} entries and then {per_step}, before the render"
    );
    // Then the indexes and the stories left out are freed, a part a step.
    let mut freeing = 0u32;
    while !widget.step(JsValue::UNDEFINED) {
        freeing += 1;
    }
    drop(clock);
    assert!(freeing > 0, "freed over several steps");
    assert_eq!(
        fx.events.borrow().len(),
        1,
        "one event, after {freeing} steps freeing"
    );
    let (kind, detail) = fx.last_event();
    assert_eq!(kind, "storycard:ready");
    assert_eq!(
        get(&detail, &["removed"])
            .dyn_ref::<Array>()
            .unwrap()
            .length(),
        10_000
    );
    assert_eq!(fx.all("[part~=slide]").len(), 20);
}

/// Each bad input: storycard:error with a message, the visible error part, exactly one
/// console.error naming the problem, nothing thrown; then good data recovers.
fn assert_bad(opts: JsValue, message_has: &str) {
    let fx = Fixture::new();
    let mut widget = None;
    let errors = console_errors(|| widget = Some(fx.mount(opts)));
    let (kind, detail) = fx.last_event();
    assert_eq!(kind, "storycard:error");
    let message = get(&detail, &["message"]).as_string().unwrap();
    assert!(
        message.contains(message_has),
        "{message:?} should mention {message_has:?}"
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains(&message));
    assert_eq!(fx.text("error"), "This story could not be shown.");
    assert!(fx.all("[part~=card]").is_empty());
    let widget = widget.unwrap();
    update(&widget, seed(), JsValue::UNDEFINED);
    assert_eq!(fx.last_event().0, "storycard:ready");
    assert!(fx.all("[part~=error]").is_empty());
    assert_eq!(fx.all("[part~=slide]").len(), 8);
}

#[cfg(not(feature = "page"))]
#[wasm_bindgen_test]
fn no_source_is_an_error() {
    assert_bad(options(&[]), "no article data");
}

#[wasm_bindgen_test]
fn selector_matching_nothing_is_an_error() {
    assert_bad(
        options(&[("source", "#does-not-exist".into())]),
        "no element in the page matches",
    );
}

#[wasm_bindgen_test]
fn invalid_selector_is_an_error() {
    assert_bad(
        options(&[("source", "##".into())]),
        "not a valid CSS selector",
    );
}

#[wasm_bindgen_test]
fn invalid_json_is_an_error() {
    let island = document().create_element("script").unwrap();
    island.set_attribute("type", "application/json").unwrap();
    island.set_id("web-test-broken");
    island.set_text_content(Some(r#"{"article": {"headline": "x",}"#));
    document().body().unwrap().append_child(&island).unwrap();
    assert_bad(
        options(&[("source", "#web-test-broken".into())]),
        "not valid JSON",
    );
    island.remove();
}

#[wasm_bindgen_test]
fn wrong_shape_is_an_error() {
    assert_bad(
        options(&[("data", JSON::parse("[1,2]").unwrap())]),
        "must be an object, found an array",
    );
}

#[wasm_bindgen_test]
fn missing_headline_is_an_error() {
    assert_bad(
        options(&[(
            "data",
            JSON::parse(r#"{"article":{"url":"https://x.example/"}}"#).unwrap(),
        )]),
        "article.headline is missing",
    );
}

#[wasm_bindgen_test]
fn related_entry_that_is_not_an_object_is_an_error() {
    assert_bad(
        options(&[(
            "data",
            JSON::parse(r#"{"article":{"headline":"h"},"related":[{"headline":"a"},42]}"#).unwrap(),
        )]),
        "related[1] must be an object, found a number",
    );
}

#[wasm_bindgen_test]
fn related_entry_without_headline_is_skipped_with_a_warning() {
    let fx = Fixture::new();
    let _w = fx.mount(options(&[(
        "data",
        JSON::parse(r#"{"article":{"headline":"h"},"related":[{"url":"/a"},{"headline":"b"}]}"#)
            .unwrap(),
    )]));
    let (kind, detail) = fx.last_event();
    assert_eq!(kind, "storycard:ready");
    assert_eq!(fx.all("[part~=slide]").len(), 1);
    let warnings = get(&detail, &["warnings"]);
    assert_eq!(len(&warnings), 1);
    assert_eq!(
        get(&warnings.dyn_ref::<Array>().unwrap().get(0), &["path"])
            .as_string()
            .as_deref(),
        Some("related[0]")
    );
}

#[wasm_bindgen_test]
fn unsafe_urls_never_reach_the_dom() {
    let fx = Fixture::new();
    let _w = fx.mount(options(&[(
        "data",
        JSON::parse(
            r#"{"article":{"headline":"<b>h</b>","url":"javascript:alert(1)","image":"data:text/html,x"},
                "related":[{"headline":"a","url":" JaVa\tScRiPt:alert(1)"},{"headline":"b","url":"vbscript:x"}]}"#,
        )
        .unwrap(),
    )]));
    assert_eq!(
        fx.text("headline"),
        "<b>h</b>",
        "markup in data is shown as text"
    );
    assert!(fx.all("b").is_empty());
    let hrefs: Vec<_> = fx.all("[href]").iter().map(|e| e.outer_html()).collect();
    assert!(hrefs.is_empty(), "no link from a refused URL: {hrefs:?}");
    assert!(fx.all("img").is_empty());
}

#[wasm_bindgen_test]
fn headline_keys_fold_nfd_and_case_in_the_browser() {
    // The wasm build folds through String.prototype.normalize("NFKC") and toLowerCase; these are
    // the native build's text.rs cases, which must come out the same.
    use storycard::dedupe::headline_key as key;
    assert_eq!(key("ANH VU\u{303}"), key("anh vũ"));
    assert_ne!(key("Anh Vu"), key("anh vũ"));
    assert_eq!(key("İSTANBUL'da seçim"), key("istanbulda seçim"));
    assert_eq!(key("ıstanbul"), key("ISTANBUL"));
    assert_eq!(key("The ﬁnal ＡＢＣ"), key("the final abc"));
    assert_eq!(key("J.D. Vance says"), key("J.D Vance says"));
    assert_ne!(key("Rates at 3.5%"), key("Rates at 35%"));
}

#[wasm_bindgen_test]
fn skips_the_stories_other_widgets_show_and_reports_its_own() {
    let empty: JsValue = js_sys::Set::new(&JsValue::UNDEFINED).into();
    let first = Fixture::new();
    let w1 = first.mount(options(&[("data", seed()), ("taken", empty.clone())]));
    assert_eq!(first.all("[part~=slide]").len(), 8);
    let shown = w1.keys();
    assert_eq!(shown.length(), 8, "one key per story shown");
    let second = Fixture::new();
    let w2 = second.mount(options(&[
        ("data", seed()),
        ("taken", js_sys::Set::new(&shown).into()),
    ]));
    assert!(
        second.all("[part~=slide]").is_empty(),
        "the first widget shows them all"
    );
    assert_eq!(w2.keys().length(), 0);
    let removed = get(&second.last_event().1, &["removed"]);
    let elsewhere = removed
        .dyn_ref::<Array>()
        .unwrap()
        .iter()
        .filter(|r| get(r, &["reason"]).as_string().as_deref() == Some("shown-elsewhere"))
        .count();
    assert_eq!(elsewhere, 8);
    let opted_out = Fixture::new();
    let w3 = opted_out.mount(options(&[("data", seed())]));
    assert_eq!(
        opted_out.all("[part~=slide]").len(),
        8,
        "without `taken` a widget takes no part"
    );
    assert_eq!(w3.keys().length(), 0, "and claims nothing");
    update(&w2, seed(), empty);
    assert_eq!(
        second.all("[part~=slide]").len(),
        8,
        "update() takes the page's new list"
    );
    w1.destroy();
    assert_eq!(w1.keys().length(), 0, "destroy() gives the stories up");
}

#[wasm_bindgen_test]
fn a_story_past_max_is_read_again_when_other_widgets_show_those_before_it() {
    // A widget holds whole only the `max` stories it would show; the others are read again from
    // the list when other widgets show stories before them, with what their duplicates added.
    let data = JSON::parse(
        r#"{"article":{"headline":"The article"},
            "related":[
              {"headline":"Ferry returns to the harbour","url":"https://ex.com/1"},
              {"headline":"Council approves new budget","url":"https://ex.com/2"},
              {"headline":"Storm closes coast road","url":"https://ex.com/3?utm_source=x"},
              {"headline":"Library opens late on Fridays","url":"https://ex.com/4"},
              {"headline":"Museum wins national award","url":"https://ex.com/5"},
              {"headline":"Storm closes coast road","url":"https://ex.com/3","author":"Anh Vũ"}
            ]}"#,
    )
    .unwrap();
    let empty: JsValue = js_sys::Set::new(&JsValue::UNDEFINED).into();
    let first = Fixture::new();
    let w1 = first.mount(options(&[
        ("data", data.clone()),
        ("max", "2".into()),
        ("taken", empty),
    ]));
    let second = Fixture::new();
    second.mount(options(&[
        ("data", data),
        ("max", "2".into()),
        ("taken", js_sys::Set::new(&w1.keys()).into()),
    ]));
    let headlines = |fx: &Fixture| -> Vec<String> {
        fx.all("[part~=slide-title]")
            .iter()
            .map(|h| h.text_content().unwrap().trim().to_owned())
            .collect()
    };
    assert_eq!(
        headlines(&first),
        [
            "Ferry returns to the harbour",
            "Council approves new budget"
        ]
    );
    assert_eq!(
        headlines(&second),
        ["Storm closes coast road", "Library opens late on Fridays"]
    );
    let bylines: Vec<String> = second
        .all("[part~=slide-byline]")
        .iter()
        .map(|b| b.text_content().unwrap())
        .collect();
    assert_eq!(bylines, ["Anh Vũ"], "the duplicate's author, merged in");
    let detail = second.last_event().1;
    let url = get(
        &get(&detail, &["related"])
            .dyn_into::<Array>()
            .unwrap()
            .get(0),
        &["url"],
    );
    assert_eq!(
        url.as_string().as_deref(),
        Some("https://ex.com/3"),
        "the canonical address from the duplicate"
    );
    assert_eq!(get(&detail, &["omitted"]).as_f64(), Some(1.0));
}

/// Adds markup to the test page for the duration of a test.
#[cfg(feature = "page")]
struct Markup(Vec<Element>);

#[cfg(feature = "page")]
impl Markup {
    fn add(parent: &Element, html: &str) -> Markup {
        use storycard::page::Tree;
        let before = parent.child_element_count() as usize;
        parent.insert_adjacent_html("beforeend", html).unwrap();
        Markup(parent.children().skip(before).collect())
    }
}

#[cfg(feature = "page")]
fn head() -> Element {
    document().query_selector("head").unwrap().unwrap()
}

#[cfg(feature = "page")]
impl Drop for Markup {
    fn drop(&mut self) {
        for el in &self.0 {
            el.remove();
        }
    }
}

#[cfg(feature = "page")]
#[wasm_bindgen_test]
fn without_data_reads_the_page_json_ld_and_related_lists() {
    let doc = document();
    let _head = Markup::add(
        &head(),
        r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Harbour ferry returns after a decade","datePublished":"2025-04-02T08:00:00Z",
            "author":{"@type":"Person","name":"Lan Pham"}}</script>
           <script type="application/ld+json">{"broken": </script>
           <meta property="og:description" content="The crossing takes twelve minutes.">"#,
    );
    let _body = Markup::add(
        &doc.body().unwrap(),
        r#"<ul class="test-related">
             <li><a href="/ferry-timetable">New ferry timetable announced today</a></li>
             <li><a href="/bridge-closure">Bridge closure extended for repairs</a></li></ul>
           <ol class="test-related">
             <li><a href="/ferry-timetable?utm_source=list">New ferry timetable announced today</a></li></ol>"#,
    );
    let f = Fixture::new();
    let _w = f.mount(options(&[("related", ".test-related".into())]));
    let (kind, detail) = f.last_event();
    assert_eq!(kind, "storycard:ready", "{:?}", detail);
    assert_eq!(f.text("headline"), "Harbour ferry returns after a decade");
    assert_eq!(f.all("[part~=slide]").len(), 2, "the repeat is removed");
    let provenance = get(&detail, &["provenance"]);
    assert_eq!(
        get(&provenance, &["headline"]).as_string().as_deref(),
        Some("json-ld")
    );
    assert_eq!(
        get(&provenance, &["description"]).as_string().as_deref(),
        Some("og:description")
    );
    assert_eq!(len(&get(&detail, &["warnings"])), 1, "the broken block");
    assert_eq!(
        get(&detail, &["removed", "0", "reason"])
            .as_string()
            .as_deref(),
        Some("same-url")
    );
}

#[cfg(feature = "page")]
#[wasm_bindgen_test]
fn links_in_the_host_element_are_candidates() {
    let f = Fixture::new();
    let _links = Markup::add(
        &f.host,
        r#"<p><a href="https://news.example/a">First linked story in the element</a></p>
           <p><a href="https://news.example/b">Second linked story in the element</a></p>"#,
    );
    let _head = Markup::add(
        &head(),
        r#"<meta property="og:title" content="A story read from meta tags">"#,
    );
    let _w = f.mount(options(&[]));
    assert_eq!(f.text("headline"), "A story read from meta tags");
    assert_eq!(
        f.all("[part~=slide]").len(),
        2,
        "{:?}",
        JSON::stringify(&f.last_event().1)
    );
}

#[cfg(feature = "page")]
#[wasm_bindgen_test]
fn an_invalid_related_selector_is_an_error() {
    assert_bad(options(&[("related", "ul[".into())]), "ul[");
}

#[wasm_bindgen_test]
fn a_related_entry_at_the_pages_own_address_is_the_article() {
    let here = document().url().unwrap();
    let data = JSON::parse(&format!(
        r#"{{"article":{{"headline":"The article","url":"https://news.example/elsewhere"}},
            "related":[{{"headline":"This very page, listed","url":"{here}"}},
                       {{"headline":"Another story to read","url":"https://news.example/b"}}]}}"#
    ))
    .unwrap();
    let f = Fixture::new();
    let _w = f.mount(options(&[("data", data)]));
    assert_eq!(f.all("[part~=slide]").len(), 1);
    let removed = get(&f.last_event().1, &["removed", "0"]);
    assert_eq!(
        get(&removed, &["reason"]).as_string().as_deref(),
        Some("self")
    );
}

/// The memory limit lowered to `extra` bytes above what is in use now, for one test.
struct LowLimit(usize);

impl LowLimit {
    fn set(extra: usize) -> LowLimit {
        LowLimit(storycard::memory::set_limit(
            storycard::memory::in_use() + extra,
        ))
    }
}

impl Drop for LowLimit {
    fn drop(&mut self) {
        storycard::memory::set_limit(self.0);
    }
}

/// `count` related entries, each a story of its own.
fn entries(count: u32) -> Array {
    let related = Array::new();
    for i in 0..count {
        let entry = Object::new();
        Reflect::set(
            &entry,
            &"headline".into(),
            &format!("Story {i} on the harbour budget").into(),
        )
        .unwrap();
        Reflect::set(
            &entry,
            &"url".into(),
            &format!("https://news.example/story-{i}").into(),
        )
        .unwrap();
        related.push(&entry);
    }
    related
}

/// Renders `data` with the memory limit `extra` bytes above what is in use: the render ends in
/// `storycard:error` saying where it stopped (never a trap), and frees what it read; a widget
/// rendered after it, under the usual limit, is ready.
fn needs_more_memory(data: JsValue, extra: usize, at: &str) {
    let before = storycard::memory::in_use();
    {
        let _limit = LowLimit::set(extra);
        let fx = Fixture::new();
        let _widget = fx.mount(options(&[("data", data)]));
        let (kind, detail) = fx.last_event();
        assert_eq!(kind, "storycard:error");
        let message = get(&detail, &["message"]).as_string().unwrap();
        assert!(
            message.starts_with("the article data needs more memory than the widget may use (")
                && message.contains(" MiB): it stopped reading at ")
                && message.contains(at),
            "{message}"
        );
        assert_eq!(fx.all("[part~=error]").len(), 1, "the reader's notice");
    }
    let after = storycard::memory::in_use();
    assert!(
        after < before + (64 << 10),
        "what the render read is freed: {before} bytes in use before, {after} after"
    );
    let fx = Fixture::new();
    let _widget = fx.mount(options(&[("data", seed())]));
    assert_eq!(fx.last_event().0, "storycard:ready");
    assert_eq!(fx.all("[part~=slide]").len(), 8);
}

#[wasm_bindgen_test]
fn related_entries_past_the_memory_limit_end_in_an_error_and_the_next_widget_renders() {
    let data = JSON::parse(r#"{"article":{"headline":"The harbour"}}"#).unwrap();
    Reflect::set(&data, &"related".into(), &entries(100_000)).unwrap();
    // (100,000 entries take about 100 MiB; 4 MiB is used up a few thousand entries in)
    needs_more_memory(data, 4 << 20, "related[");
}

#[wasm_bindgen_test]
fn article_text_past_the_memory_limit_ends_in_an_error_and_the_next_widget_renders() {
    let paragraph = "The council voted for the new harbour ferry. ".repeat(20);
    let body = Array::new();
    for _ in 0..(10_000_000 / paragraph.len()) {
        body.push(&JsValue::from_str(&paragraph));
    }
    let data = JSON::parse(r#"{"article":{"headline":"The harbour"}}"#).unwrap();
    Reflect::set(&get(&data, &["article"]), &"articleBody".into(), &body).unwrap();
    // (the body is read up to its limit, 200,000 characters: more than 64 KiB)
    needs_more_memory(data, 64 << 10, "the article");
}

#[cfg(feature = "page")]
#[wasm_bindgen_test]
fn a_page_past_the_memory_limit_ends_in_an_error_and_the_next_widget_renders() {
    // 10 MB of article text in the page the widget reads.
    let paragraph = format!(
        "<p>{}</p>",
        "The council voted for the new harbour ferry. ".repeat(20)
    );
    let _body = Markup::add(
        &document().body().unwrap(),
        &format!(
            "<article><h1>The harbour ferry returns</h1>{}</article>",
            paragraph.repeat(10_000_000 / paragraph.len())
        ),
    );
    let before = storycard::memory::in_use();
    {
        // (of the 10 MB the reader holds about 500 bytes when it checks, the article's fields:
        // the limit is set below that)
        let _limit = LowLimit::set(256);
        let fx = Fixture::new();
        let _widget = fx.mount(options(&[]));
        let (kind, detail) = fx.last_event();
        assert_eq!(kind, "storycard:error");
        let message = get(&detail, &["message"]).as_string().unwrap();
        assert!(
            message.contains("needs more memory than the widget may use"),
            "{message}"
        );
    }
    assert!(
        storycard::memory::in_use() < before + (64 << 10),
        "what the render read is freed"
    );
    let fx = Fixture::new();
    let _widget = fx.mount(options(&[]));
    assert_eq!(fx.last_event().0, "storycard:ready");
    assert_eq!(fx.text("headline"), "The harbour ferry returns");
}
