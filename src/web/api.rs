//! The `#[wasm_bindgen]` facade: one [`Widget`] per host element. Errors become a visible notice,
//! one `console.error` and a `storycard:error` event; nothing throws into the host page.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, CustomEvent, CustomEventInit, Document, Element, ShadowRoot};

use super::page;
use super::render::build;
use crate::error::Error;
use crate::i18n::Labels;
use crate::view::{self, ViewOptions};
use crate::{Json, Story, DEFAULT_MAX};

/// The widget's stylesheet, shared by every widget on the page.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/storycard.css"));

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// What `mount` was given. Read once from the JavaScript options object.
struct Options {
    source: Option<String>,
    data: Option<JsValue>,
    max: usize,
    lang: Option<String>,
    /// The page's replacements for the widget's words: (name, text) pairs of the `labels` option.
    labels: Vec<(String, String)>,
    /// Whether the slides may rotate by themselves (the `autoplay` option).
    autoplay: bool,
    tracking: Vec<String>,
    /// CSS selectors of the page's related-link containers, read when there is no data.
    #[cfg(feature = "page")]
    related: Option<String>,
    /// The story keys other widgets on the page show, to skip: a `Set`, which only the element
    /// module passes (it keeps the page's list, shared by both WebAssembly modules). Absent: this widget takes no part in
    /// showing each story once per page.
    taken: Option<js_sys::Set>,
}

impl Options {
    fn read(options: &JsValue) -> Options {
        let field = |object: &JsValue, key: &str| {
            js_sys::Reflect::get(object, &JsValue::from_str(key))
                .ok()
                .filter(|v| !v.is_undefined() && !v.is_null())
        };
        let get = |key: &str| field(options, key);
        let text_of = |object: &JsValue, key: &str| {
            field(object, key)
                .and_then(|v| v.as_string())
                .filter(|s| !s.trim().is_empty())
        };
        let text = |key: &str| text_of(options, key);
        let labels = get("labels")
            .map(|given| {
                Labels::NAMES
                    .iter()
                    .filter_map(|name| Some(((*name).to_owned(), text_of(&given, name)?)))
                    .collect()
            })
            .unwrap_or_default();
        let max = get("max")
            .and_then(|v| {
                v.as_f64().or_else(|| {
                    v.as_string()
                        .and_then(|s| s.trim().parse::<u32>().ok().map(f64::from))
                })
            })
            .filter(|n| n.is_finite() && *n >= 0.0)
            .map_or(DEFAULT_MAX, |n| n.min(u32::MAX as f64) as usize);
        Options {
            source: text("source"),
            data: get("data"),
            max,
            lang: text("lang"),
            labels,
            autoplay: get("autoplay").is_some_and(|v| v.is_truthy()),
            #[cfg(feature = "page")]
            related: text("related"),
            taken: get("taken").map(JsCast::unchecked_into),
            tracking: get("trackingParams")
                .map(|v| {
                    js_sys::Array::from(&v)
                        .iter()
                        .filter_map(|p| p.as_string())
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

struct State {
    host: Element,
    root: ShadowRoot,
    options: Options,
    /// The keys of the related stories shown, for the page's shared list.
    keys: Vec<String>,
    destroyed: bool,
}

/// A story card mounted in one host element.
#[wasm_bindgen]
pub struct Widget {
    state: RefCell<State>,
}

#[wasm_bindgen]
impl Widget {
    /// Renders into `root`, the open shadow root of `host` (the element module attaches it).
    /// `options`: `source` (a CSS selector of a JSON data island), `data` (the same JSON as an
    /// object, preferred over `source`), `max` (related stories shown, default 20), `lang`
    /// (labels and dates), `labels` (replacements for the widget's words, by the names of
    /// `Labels::NAMES`), `autoplay`, `trackingParams`, `related` (selectors of the page's related-link
    /// containers, read with the page when there is no data), `taken` (story keys other widgets
    /// show). Never throws: bad data gives `storycard:error`.
    #[wasm_bindgen(constructor)]
    pub fn new(host: Element, root: ShadowRoot, options: JsValue) -> Widget {
        #[cfg(feature = "console_error_panic_hook")]
        console_error_panic_hook::set_once();
        adopt_sheet(&root);
        let widget = Widget {
            state: RefCell::new(State {
                host,
                root,
                options: Options::read(&options),
                keys: Vec::new(),
                destroyed: false,
            }),
        };
        widget.render();
        widget
    }

    /// Renders new data (the data-island JSON as an object), replacing what is shown; `taken`
    /// is the page's list of keys other widgets now show (undefined keeps the widget's own
    /// choice of taking part).
    pub fn update(&self, data: JsValue, taken: JsValue) {
        {
            let mut state = self.state.borrow_mut();
            if state.destroyed {
                return;
            }
            state.options.data = Some(data).filter(|d| !d.is_undefined() && !d.is_null());
            if state.options.taken.is_some() {
                state.options.taken = Some(taken.unchecked_into());
            }
        }
        self.render();
    }

    /// The keys of the related stories this widget shows (for the page's shared list).
    pub fn keys(&self) -> js_sys::Array {
        let state = self.state.borrow();
        state.keys.iter().map(|k| JsValue::from_str(k)).collect()
    }

    /// Empties the shadow root and removes the stylesheet; a later `update` does nothing.
    pub fn destroy(&self) {
        let mut state = self.state.borrow_mut();
        state.destroyed = true;
        state.clear();
        state.root.set_adopted_style_sheets(&js_sys::Array::new());
    }
}

impl Widget {
    /// Renders, then fires the event with no borrow held, so a listener may call `update`.
    fn render(&self) {
        let (host, kind, detail) = {
            let mut state = self.state.borrow_mut();
            let (kind, detail) = state.render();
            (state.host.clone(), kind, detail)
        };
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(kind, &init) {
            let _ = host.dispatch_event(&event);
        }
    }
}

impl State {
    fn clear(&mut self) {
        self.keys.clear();
        while let Some(child) = self.root.first_child() {
            let _ = self.root.remove_child(&child);
        }
    }

    fn load(&mut self) -> Result<Story, Error> {
        let base = self.host.base_uri().ok().flatten();
        let island = |json: Json| {
            let mut extracted = crate::extract::island::read(&json)?;
            // The page the widget is on is the article too.
            extracted
                .aliases
                .extend(self.host.owner_document().and_then(|d| d.url().ok()));
            Ok::<_, Error>(extracted)
        };
        let extracted = match (&self.options.data, &self.options.source) {
            (Some(data), _) => island(page::from_js(data)?)?,
            (None, Some(selector)) => island(page::read_source(&self.host, selector)?)?,
            #[cfg(feature = "page")]
            (None, None) => crate::extract::from_page(&super::reader::read(
                &self.host,
                self.options.related.as_deref(),
            )?)?,
            #[cfg(not(feature = "page"))]
            (None, None) => return Err(Error::NoSource),
        };
        let rules = crate::dedupe::Rules {
            base: base.as_deref(),
            tracking: &self.options.tracking,
        };
        let mut story = crate::dedupe::dedupe_with(extracted, &rules);
        if let Some(taken) = &self.options.taken {
            story.skip_taken(&rules, |key| taken.has(&JsValue::from_str(key)));
        }
        story.limit(self.options.max);
        if self.options.taken.is_some() {
            self.keys = story.keys(&rules);
        }
        Ok(story)
    }

    fn lang(&self, story: Option<&Story>) -> String {
        self.options
            .lang
            .clone()
            .or_else(|| story.and_then(|s| s.article.language.clone()))
            .or_else(|| page::lang_around(&self.host))
            .unwrap_or_else(|| "en".into())
    }

    /// Replaces the shadow content; returns the event to fire and its detail.
    fn render(&mut self) -> (&'static str, JsValue) {
        self.clear();
        let Some(doc) = self.host.owner_document() else {
            return (
                "storycard:error",
                error_detail("the host element has no document"),
            );
        };
        let story = self.load();
        let lang = self.lang(story.as_ref().ok());
        let replaced = self.options.labels.clone();
        let labels = Labels::with(&lang, &replaced);
        let result = story.and_then(|story| {
            let format_date = page::date_formatter(&lang);
            let els = view::story(
                &story,
                &ViewOptions {
                    labels: &labels,
                    format_date: &format_date,
                    autoplay: self.options.autoplay,
                },
            );
            self.append(&doc, &els)
                .map_err(|e| Error::Render(page::message_of(&e)))?;
            Ok(story)
        });
        match result {
            Ok(story) => {
                for w in &story.warnings {
                    web_sys::console::warn_1(&["storycard: ", &w.line()].concat().into());
                }
                ("storycard:ready", page::to_js(&Json::from(&story)))
            }
            Err(e) => {
                self.clear();
                let message = e.message();
                web_sys::console::error_1(&["storycard: ", &message].concat().into());
                let _ = self.append(&doc, &view::error(&labels));
                ("storycard:error", error_detail(&message))
            }
        }
    }

    fn append(&self, doc: &Document, els: &[view::El]) -> Result<(), JsValue> {
        for el in els {
            let node = build(doc, el)?;
            self.root.append_child(&node)?;
        }
        Ok(())
    }
}

fn error_detail(message: &str) -> JsValue {
    page::to_js(&Json::object().with("message", message))
}

/// Adds the shared stylesheet to a shadow root (constructed stylesheets pass a strict
/// `style-src 'self'` policy, where a `<style>` element would not).
fn adopt_sheet(root: &ShadowRoot) {
    let sheet = SHEET.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = CssStyleSheet::new()
                .ok()
                .filter(|sheet| sheet.replace_sync(CSS).is_ok());
        }
        cell.clone()
    });
    if let Some(sheet) = sheet {
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
}
