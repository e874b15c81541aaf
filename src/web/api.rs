//! The `#[wasm_bindgen]` facade: one [`Widget`] per host element. Errors become a visible notice,
//! one `console.error` and a `storycard:error` event; nothing throws into the host page.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, CustomEvent, CustomEventInit, Document, Element, Event, ShadowRoot};

use super::events::{Listener, Resize};
use super::page;
use super::render::build;
use crate::carousel::Track;
use crate::error::Error;
use crate::i18n::{labels, Labels};
use crate::view::{self, id, ViewOptions};
use crate::{story_from_json, Json, Story, DEFAULT_MAX};

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
}

impl Options {
    fn read(options: &JsValue) -> Options {
        let get = |key: &str| {
            js_sys::Reflect::get(options, &JsValue::from_str(key))
                .ok()
                .filter(|v| !v.is_undefined() && !v.is_null())
        };
        let text = |key: &str| {
            get(key)
                .and_then(|v| v.as_string())
                .filter(|s| !s.trim().is_empty())
        };
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
        }
    }
}

struct State {
    host: Element,
    root: ShadowRoot,
    options: Options,
    listeners: Vec<Listener>,
    resize: Option<Resize>,
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
    /// (labels and dates). Never throws: bad data gives `storycard:error`.
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
                listeners: Vec::new(),
                resize: None,
                destroyed: false,
            }),
        };
        widget.render();
        widget
    }

    /// Renders new data (the data-island JSON as an object), replacing what is shown.
    pub fn update(&self, data: JsValue) {
        {
            let mut state = self.state.borrow_mut();
            if state.destroyed {
                return;
            }
            state.options.data = Some(data).filter(|d| !d.is_undefined() && !d.is_null());
        }
        self.render();
    }

    /// Removes every listener and observer and empties the shadow root.
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
        self.listeners.clear();
        self.resize = None;
        while let Some(child) = self.root.first_child() {
            let _ = self.root.remove_child(&child);
        }
    }

    fn load(&self) -> Result<Story, Error> {
        let json = match (&self.options.data, &self.options.source) {
            (Some(data), _) => page::from_js(data)?,
            (None, Some(selector)) => page::read_source(&self.host, selector)?,
            (None, None) => return Err(Error::NoSource),
        };
        let base = self.host.base_uri().ok().flatten();
        story_from_json(&json, base.as_deref(), self.options.max)
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
        let result = story.and_then(|story| {
            let format_date = page::date_formatter(&lang);
            let els = view::story(
                &story,
                &ViewOptions {
                    lang: &lang,
                    format_date: &format_date,
                },
            );
            self.append(&doc, &els)
                .map_err(|e| Error::Render(page::message_of(&e)))?;
            self.wire(&lang);
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
                let _ = self.append(&doc, &view::error(&lang));
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

    /// Attaches the behaviour: one click listener for the "Read more" toggle and the carousel
    /// buttons, and the track's position kept on the buttons as it scrolls or resizes.
    fn wire(&mut self, lang: &str) {
        let by_id = |id: &str| self.root.get_element_by_id(id);
        let controls = Rc::new(Controls {
            labels: labels(lang),
            more: by_id(id::MORE),
            body: by_id(id::BODY),
            track: by_id(id::TRACK),
            prev: by_id(id::PREV),
            next: by_id(id::NEXT),
            nav: by_id(id::CONTROLS),
        });
        let on_click = controls.clone();
        self.listeners
            .push(Listener::new(&self.root, "click", false, move |e| {
                on_click.click(&e)
            }));
        if let Some(track) = &controls.track {
            let on_scroll = controls.clone();
            self.listeners
                .push(Listener::new(track, "scroll", true, move |_| {
                    on_scroll.refresh()
                }));
            let on_resize = controls.clone();
            self.resize = Resize::new(track, move || on_resize.refresh());
            if self.resize.is_none() {
                controls.refresh();
            }
        }
    }
}

/// The interactive elements of one render, found once.
struct Controls {
    labels: &'static Labels,
    more: Option<Element>,
    body: Option<Element>,
    track: Option<Element>,
    prev: Option<Element>,
    next: Option<Element>,
    nav: Option<Element>,
}

impl Controls {
    fn click(&self, event: &Event) {
        let Some(button) = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("button").ok().flatten())
        else {
            return;
        };
        let is = |el: &Option<Element>| el.as_ref() == Some(&button);
        if is(&self.more) {
            let open = button.get_attribute("aria-expanded").as_deref() != Some("true");
            let _ = button.set_attribute("aria-expanded", bool_str(open));
            let l = self.labels;
            button.set_text_content(Some(if open { l.read_less } else { l.read_more }));
            if let Some(body) = &self.body {
                let _ = body.toggle_attribute_with_force("hidden", !open);
            }
        } else if let (Some(track), true) = (&self.track, is(&self.prev) || is(&self.next)) {
            scroll(track, is(&self.next));
        }
    }

    /// Shows the buttons only when the slides overflow, and disables each at its end.
    fn refresh(&self) {
        let (Some(track), Some(prev), Some(next), Some(nav)) =
            (&self.track, &self.prev, &self.next, &self.nav)
        else {
            return;
        };
        let t = measure(track);
        let _ = nav.toggle_attribute_with_force("hidden", t.fits());
        let _ = prev.set_attribute("aria-disabled", bool_str(!t.can_prev()));
        let _ = next.set_attribute("aria-disabled", bool_str(!t.can_next()));
    }
}

fn bool_str(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

fn error_detail(message: &str) -> JsValue {
    page::to_js(&Json::object().with("message", message))
}

/// The track's position from the browser's measures (scrollLeft is negative in right-to-left).
fn measure(track: &Element) -> Track {
    Track {
        offset: f64::from(track.scroll_left()).abs(),
        viewport: f64::from(track.client_width()),
        content: f64::from(track.scroll_width()),
    }
}

/// Scrolls by whole visible slides, mirrored in right-to-left; CSS decides whether it is smooth.
fn scroll(track: &Element, forward: bool) {
    let t = measure(track);
    if (forward && !t.can_next()) || (!forward && !t.can_prev()) {
        return;
    }
    let slides = track.children();
    let pitch = match (slides.item(0), slides.item(1)) {
        (Some(a), Some(b)) => {
            let (a, b) = (a.get_bounding_client_rect(), b.get_bounding_client_rect());
            (b.left() - a.left()).abs()
        }
        (Some(a), None) => a.get_bounding_client_rect().width(),
        _ => 0.0,
    };
    let rtl = track.matches(":dir(rtl)").unwrap_or(false);
    let sign = if forward != rtl { 1.0 } else { -1.0 };
    let options = web_sys::ScrollToOptions::new();
    options.set_left(sign * t.step(pitch));
    track.scroll_by_with_scroll_to_options(&options);
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
