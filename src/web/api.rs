//! The `#[wasm_bindgen]` facade: one [`Widget`] per host element. Errors become a visible notice,
//! one `console.error` and a `storycard:error` event; nothing throws into the host page.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, CustomEvent, CustomEventInit, Document, Element, ShadowRoot};

use super::job::{Entries, Job};
use super::page;
use super::render::{build, take as take_node};
use crate::error::{Error, Warning};
use crate::i18n::Labels;
use crate::model::{Article, Related};
use crate::options::Options;
use crate::pipeline::{Making, Taken};
use crate::text::cat;
use crate::view::{self, ViewOptions};
use crate::vocabulary::event;
use crate::Story;

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// What `mount` was given: the [`Options`], read by serde-wasm-bindgen under their documented
/// names, and the two members that stay JavaScript values.
struct Given {
    options: Options,
    /// The article data as an object (preferred over `source`), read an entry at a time.
    data: Option<JsValue>,
    /// The story keys other widgets on the page show, to skip: a `Set`, which only the element
    /// module passes (it keeps the page's list, shared by both WebAssembly modules). Absent:
    /// this widget takes no part in showing each story once per page.
    taken: Option<js_sys::Set>,
    /// A document to read instead of the host's (the page module only): one a web app parsed
    /// from a page's HTML, or the playground's pasted page.
    #[cfg(feature = "page")]
    page: Option<web_sys::Document>,
}

impl Given {
    fn read(given: &JsValue) -> Given {
        let field = |key: &str| {
            js_sys::Reflect::get(given, &JsValue::from_str(key))
                .ok()
                .filter(|v| !v.is_undefined() && !v.is_null())
        };
        let options = serde_wasm_bindgen::from_value(given.clone()).unwrap_or_else(|e| Options {
            warnings: vec![Warning {
                path: "options".into(),
                message: cat(&[
                    "could not be read (",
                    &e.to_string(),
                    "); the defaults are used",
                ]),
            }],
            ..Options::default()
        });
        Given {
            options,
            data: field("data"),
            taken: field("taken").map(JsCast::unchecked_into),
            #[cfg(feature = "page")]
            page: field("page").and_then(|p| p.dyn_into().ok()),
        }
    }
}

struct State {
    host: Element,
    root: ShadowRoot,
    given: Given,
    /// The keys of the related stories shown, for the page's shared list.
    keys: Vec<String>,
    /// The related stories shown, for the events that tell of one ([`Widget::related`]): kept
    /// here, in memory the render has already used, rather than as a second copy in
    /// JavaScript for the widget's life.
    shown: Vec<Related>,
    /// The render under way: its story so far, or why it failed.
    job: Option<Result<Job, Error>>,
    /// Whether the shadow root holds the card of the render under way, shown ahead of its
    /// carousel ([`State::card`]).
    card_ahead: bool,
    destroyed: bool,
}

/// The longest a slice of a render may hold the main thread, in milliseconds.
const SLICE_MS: f64 = crate::vocabulary::SLICE_MS as f64;

/// The first slice of a first render, after which the card is shown ahead of the carousel if
/// the list is not read by then: shorter than the others, so that the card paints sooner.
const CARD_SLICE_MS: f64 = 4.0;

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
        super::unicode::install();
        adopt_sheet(&root);
        let mut state = State {
            host,
            root,
            given: Given::read(&options),
            keys: Vec::new(),
            shown: Vec::new(),
            job: None,
            card_ahead: false,
            destroyed: false,
        };
        state.start();
        Widget {
            state: RefCell::new(state),
        }
    }

    /// Goes on with the render, for about 10 ms: reads and dedupes related entries; once they are
    /// all read, renders and fires `storycard:ready` or `storycard:error`. Returns `false` while
    /// that is still to come, to be called again in a later task. After the render, each call
    /// frees a part of what the render no longer needs, and returns `true` once all is freed.
    /// `taken`: the page's list of keys other widgets now show (undefined keeps the one given to
    /// the constructor).
    pub fn step(&self, taken: JsValue) -> bool {
        let event = {
            let mut state = self.state.borrow_mut();
            if !taken.is_undefined() && state.given.taken.is_some() {
                state.given.taken = Some(taken.unchecked_into());
            }
            match state.step() {
                Step::Working => return false,
                Step::Done => return true,
                Step::Fire(kind, detail) => (state.host.clone(), kind, detail),
            }
        };
        // (the event fires with no borrow held, so a listener may call `update`)
        let (host, kind, detail) = event;
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(kind, &init) {
            let _ = host.dispatch_event(&event);
        }
        true
    }

    /// Starts rendering new data (the data-island JSON as an object), which [`Widget::step`]
    /// goes on with.
    pub fn update(&self, data: JsValue) {
        let mut state = self.state.borrow_mut();
        if !state.destroyed {
            state.given.data = Some(data).filter(|d| !d.is_undefined() && !d.is_null());
            state.start();
        }
    }

    /// The related story shown at `position`, as the ready detail gives it (for the events
    /// that tell of a reader opening or seeing it); `undefined` before the render, or past the
    /// end.
    pub fn related(&self, position: usize) -> JsValue {
        let state = self.state.borrow();
        state.shown.get(position).map_or(JsValue::UNDEFINED, page::to_js)
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
        state.job = None;
        state.keys.clear();
        state.shown = Vec::new();
        state.clear();
        state.root.set_adopted_style_sheets(&js_sys::Array::new());
    }
}

impl State {
    /// Empties the shadow root.
    fn clear(&self) {
        while let Some(child) = self.root.first_child() {
            let _ = self.root.remove_child(&child);
        }
    }

    /// Starts a render: reads the article (and, from the page, the related entries), and leaves
    /// the related entries to [`State::step`].
    fn start(&mut self) {
        self.keys.clear();
        self.shown = Vec::new();
        self.card_ahead = false;
        self.job = Some(self.begin());
    }

    fn begin(&self) -> Result<Job, Error> {
        let island = |value: &JsValue| {
            let (head, related) = page::split(value)?;
            let mut head = crate::extract::island::read_head(&head)?;
            // The page the widget is on is the article too.
            head.aliases
                .extend(self.host.owner_document().and_then(|d| d.url().ok()));
            let entries = related.unwrap_or_default();
            Ok::<_, Error>((head, Entries::Data(entries)))
        };
        let options = &self.given.options;
        // (relative addresses: against the `url` given, else the host's page, or the page read)
        #[cfg_attr(not(feature = "page"), allow(unused_mut))]
        let mut base = options
            .url
            .clone()
            .or_else(|| self.host.base_uri().ok().flatten());
        let (head, entries) = match (&self.given.data, &options.source) {
            (Some(data), _) => island(data)?,
            (None, Some(selector)) => island(&page::read_source(&self.host, selector)?)?,
            #[cfg(feature = "page")]
            (None, None) => {
                let related = options.related.as_deref();
                let page = match &self.given.page {
                    Some(doc) => {
                        let url = options.url.clone().or_else(|| doc.url().ok());
                        super::reader::read_document(doc, url.as_deref(), related)?
                    }
                    None => super::reader::read(&self.host, related)?,
                };
                base = page.base.clone();
                let mut extracted = crate::extract::from_page(&page)?;
                let related = std::mem::take(&mut extracted.related);
                (extracted, Entries::Read(related.into_iter()))
            }
            #[cfg(not(feature = "page"))]
            (None, None) => return Err(Error::NoSource),
        };
        crate::memory::check(|| "the article".into())?;
        let mut making = Making::new(head, options, base.as_deref());
        if matches!(entries, Entries::Data(_)) {
            // (the list stays in JavaScript: a story past `max` is read again if it is shown)
            making.hold_shown();
        }
        making.reserve(entries.len());
        Ok(Job {
            making,
            read: false,
            entries,
            next: 0,
            warnings: Vec::new(),
            removed: js_sys::Array::new(),
            left_out: Vec::new(),
            rendered: false,
        })
    }

    /// Works on the render for up to [`SLICE_MS`]: reads entries, then renders (in a slice
    /// of its own unless the reading left time), then frees what was left out.
    fn step(&mut self) -> Step {
        let card_next = !self.given.options.hydrate && self.root.first_child().is_none();
        let deadline = js_sys::Date::now() + if card_next { CARD_SLICE_MS } else { SLICE_MS };
        let mut job = match self.job.take() {
            None => return Step::Done,
            Some(Err(e)) => return self.render(Err(e)),
            Some(Ok(job)) => job,
        };
        if job.rendered {
            if job.tidy(deadline) {
                return Step::Done;
            }
            self.job = Some(Ok(job));
            return Step::Working;
        }
        match job.advance(deadline) {
            Err(e) => return self.render(Err(e)),
            Ok(true) => {}
            Ok(false) => {
                // (a first render that takes more than one slice shows its card after the
                // first: the page paints it while the rest of the entries are read and deduped;
                // a render of new data leaves the card and carousel shown until it is done)
                if card_next {
                    self.card(job.making.article());
                }
                self.job = Some(Ok(job));
                return Step::Working;
            }
        }
        let taken = self.given.taken.as_ref();
        let has = |key: &str| taken.is_some_and(|t| t.has(&JsValue::from_str(key)));
        let entries = &job.entries;
        let finished = job.making.finish(
            taken.map(|t| Taken {
                count: t.size() as usize,
                has: &has,
            }),
            &mut |position| Job::read_again(entries, position),
        );
        if taken.is_some() {
            self.keys = finished.keys;
        }
        let (story, left_out) = (finished.story, finished.left_out);
        let removed = std::mem::replace(&mut job.removed, js_sys::Array::new());
        let fire = self.render(Ok((story, removed)));
        job.left_out = left_out;
        job.rendered = true;
        // (a short list is freed at once: the render ends in this step)
        if !job.tidy(deadline) {
            self.job = Some(Ok(job));
        }
        fire
    }

    /// Shows the card of `article` alone in the empty shadow root, ahead of the carousel.
    fn card(&mut self, article: &Article) {
        let Some(doc) = self.host.owner_document() else {
            return;
        };
        let lang = self.lang(Some(article));
        let labels = Labels::with(&lang, &self.given.options.labels);
        let format_date = page::date_formatter(lang.clone());
        let opts = ViewOptions {
            labels: &labels,
            format_date: &format_date,
            autoplay: self.given.options.autoplay,
        };
        self.card_ahead = self.append(&doc, &[view::card(article, &opts)]).is_ok();
    }

    fn lang(&self, article: Option<&Article>) -> String {
        let around = page::lang_around(&self.host);
        self.given
            .options
            .language_of(article, around.as_deref())
            .to_owned()
    }

    /// Replaces the shadow content with the finished job's story, or with the error notice;
    /// returns the event to fire and its detail.
    fn render(&mut self, story: Result<(Story, js_sys::Array), Error>) -> Step {
        // (server-rendered markup is taken over by the first render only)
        let hydrate = std::mem::take(&mut self.given.options.hydrate);
        // (the card shown ahead is kept where the story's card is the same)
        let ahead = std::mem::take(&mut self.card_ahead).then(|| self.root.first_child());
        let Some(doc) = self.host.owner_document() else {
            return Step::Fire(
                event::ERROR,
                error_detail("the host element has no document"),
            );
        };
        let lang = self.lang(story.as_ref().ok().map(|(story, _)| &story.article));
        let replaced = self.given.options.labels.clone();
        let labels = Labels::with(&lang, &replaced);
        let result = story.and_then(|(story, removed)| {
            let format_date = page::date_formatter(lang.clone());
            let opts = ViewOptions {
                labels: &labels,
                format_date: &format_date,
                autoplay: self.given.options.autoplay,
            };
            // The card and the carousel without its slides, then the slides one at a time: a
            // long list's tree is never held whole.
            // (markup a server wrote from this very view is taken over without reading it
            // back: only its dates are written in, in the reader's own day; other markup is
            // checked node by node, and built afresh when it is not the view's)
            let written = hydrate
                && self
                    .host
                    .get_attribute(view::data::VIEW)
                    .is_some_and(|f| f == view::fingerprint(&story, &opts));
            if written {
                super::render::write_dates(&self.root, &format_date);
                return Ok((story, removed));
            }
            let shell = view::shell(&story, &opts);
            if hydrate
                && super::render::hydrate(&self.root, &shell)
                && self.slides(&doc, &story, &opts, true).unwrap_or(false)
            {
                return Ok((story, removed));
            }
            let kept = self.root.child_nodes().length() == 1
                && ahead
                    .flatten()
                    .is_some_and(|card| take_node(&card, &shell[0]));
            let rest = if kept { &shell[1..] } else { &shell[..] };
            if !kept {
                self.clear();
            }
            self.append(&doc, rest)
                .and_then(|()| self.slides(&doc, &story, &opts, false))
                .map_err(|e| Error::Render(page::message_of(&e)))?;
            Ok((story, removed))
        });
        match result {
            Ok((mut story, removed)) => {
                for w in &story.warnings {
                    web_sys::console::warn_1(&cat(&["storycard: ", &w.line()]).into());
                }
                // (the entries removed while reading are in `removed` already, and no longer in
                // the story; those shown elsewhere are added now)
                for r in &story.removed {
                    removed.push(&page::to_js(r));
                }
                story.removed.clear();
                let detail = page::to_js(&story);
                let _ = js_sys::Reflect::set(&detail, &JsValue::from_str("removed"), &removed);
                self.shown = story.related;
                Step::Fire(event::READY, detail)
            }
            Err(e) => {
                self.clear();
                self.keys.clear();
                let message = e.message();
                web_sys::console::error_1(&cat(&["storycard: ", &message]).into());
                let _ = self.append(&doc, &view::error(&labels));
                Step::Fire(event::ERROR, error_detail(&message))
            }
        }
    }

    /// Builds the slides into the rendered shell's track, or, with `take`, takes over the ones
    /// a server rendered there (`false` when they are not the view's).
    fn slides(
        &self,
        doc: &Document,
        story: &Story,
        opts: &ViewOptions,
        take: bool,
    ) -> Result<bool, JsValue> {
        let total = story.related.len();
        let Some(track) = self.root.get_element_by_id(view::id::TRACK) else {
            return Ok(total == 0);
        };
        let kids = track.child_nodes();
        if take && kids.length() as usize != total {
            return Ok(false);
        }
        for i in 0..total {
            let slide = view::slide(story, i, opts);
            if take {
                if !kids
                    .get(i as u32)
                    .is_some_and(|kid| take_node(&kid, &slide))
                {
                    return Ok(false);
                }
            } else {
                let node = build(doc, &slide)?;
                track.append_child(&node)?;
            }
        }
        Ok(true)
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
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"message".into(), &message.into());
    detail.into()
}

/// Adds the shared stylesheet to a shadow root (constructed stylesheets pass a strict
/// `style-src 'self'` policy, where a `<style>` element would not).
fn adopt_sheet(root: &ShadowRoot) {
    let sheet = SHEET.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = CssStyleSheet::new()
                .ok()
                .filter(|sheet| sheet.replace_sync(crate::view::STYLESHEET).is_ok());
        }
        cell.clone()
    });
    if let Some(sheet) = sheet {
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
}

/// What a step did.
enum Step {
    /// There is more to do.
    Working,
    /// It rendered: the event to fire, and its detail.
    Fire(&'static str, JsValue),
    /// Nothing is left to do.
    Done,
}
