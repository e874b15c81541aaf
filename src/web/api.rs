//! The `#[wasm_bindgen]` facade: one [`Widget`] per host element. Errors become a visible notice,
//! one `console.error` and a `storycard:error` event; nothing throws into the host page.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, CustomEvent, CustomEventInit, Document, Element, ShadowRoot};

use super::page;
use super::render::{build, take as take_node};
use crate::dedupe::{Deduper, Rules};
use crate::error::{Error, Warning};
use crate::i18n::Labels;
use crate::text::cat;
use crate::view::{self, ViewOptions};
use crate::{detail, Story, DEFAULT_MAX};

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
    /// Whether the shadow root holds server-rendered markup to take over (the `hydrate` option):
    /// the first render keeps its nodes when they are the view's.
    hydrate: bool,
    tracking: Vec<String>,
    /// Whether near duplicates go too (the `nearDuplicates` option): unless it is `false` or
    /// `"off"`.
    near_duplicates: bool,
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
            hydrate: get("hydrate").is_some_and(|v| v.is_truthy()),
            near_duplicates: get("nearDuplicates").is_none_or(|v| {
                v.as_bool() != Some(false)
                    && !v
                        .as_string()
                        .is_some_and(|s| matches!(s.trim(), "off" | "false"))
            }),
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
    /// The render under way: its story so far, or why it failed.
    job: Option<Result<Job, Error>>,
    destroyed: bool,
}

/// One render, spread over [`Widget::step`] calls: the related entries are read and deduped a
/// slice at a time, so that a long list never holds the page's main thread; the render itself is
/// one step, and the stories it left out are freed in one more.
struct Job {
    /// The dedupe under way; once every entry is read, its indexes, freed after the render.
    deduper: Deduper,
    /// Whether every entry is read.
    read: bool,
    /// The story, once every entry is read, until it is rendered.
    story: Option<Story>,
    entries: Entries,
    /// The next entry to read.
    next: u32,
    /// What reading the entries found wrong.
    warnings: Vec<Warning>,
    /// The ready event's `removed`, converted as entries are removed.
    removed: js_sys::Array,
    /// The related stories the render left out, freed after it.
    left_out: Vec<crate::model::Related>,
    /// Whether it has rendered (and only memory is left to free).
    rendered: bool,
}

/// The related entries still to dedupe.
enum Entries {
    /// The data's `related` array, read an entry at a time.
    Data(js_sys::Array),
    /// Entries already read (from the page).
    #[cfg(feature = "page")]
    Read(std::vec::IntoIter<crate::model::Related>),
}

impl Entries {
    fn len(&self) -> usize {
        match self {
            Entries::Data(list) => list.length() as usize,
            #[cfg(feature = "page")]
            Entries::Read(rest) => rest.len(),
        }
    }
}

/// The longest a slice of a render may hold the main thread, in milliseconds.
const SLICE_MS: f64 = 10.0;

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
        let mut state = State {
            host,
            root,
            options: Options::read(&options),
            keys: Vec::new(),
            job: None,
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
            if !taken.is_undefined() && state.options.taken.is_some() {
                state.options.taken = Some(taken.unchecked_into());
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
            state.options.data = Some(data).filter(|d| !d.is_undefined() && !d.is_null());
            state.start();
        }
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
        let (head, entries) = match (&self.options.data, &self.options.source) {
            (Some(data), _) => island(data)?,
            (None, Some(selector)) => island(&page::read_source(&self.host, selector)?)?,
            #[cfg(feature = "page")]
            (None, None) => {
                let mut extracted = crate::extract::from_page(&super::reader::read(
                    &self.host,
                    self.options.related.as_deref(),
                )?)?;
                let related = std::mem::take(&mut extracted.related);
                (extracted, Entries::Read(related.into_iter()))
            }
            #[cfg(not(feature = "page"))]
            (None, None) => return Err(Error::NoSource),
        };
        let base = self.host.base_uri().ok().flatten();
        let rules = Rules {
            base: base.as_deref(),
            tracking: &self.options.tracking,
            near_duplicates: self.options.near_duplicates,
        };
        let mut deduper = Deduper::new(head, &rules);
        deduper.reserve(entries.len());
        Ok(Job {
            deduper,
            read: false,
            story: None,
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
        let deadline = js_sys::Date::now() + SLICE_MS;
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
                self.job = Some(Ok(job));
                return Step::Working;
            }
        }
        let Some(story) = job.story.take() else {
            self.job = Some(Ok(job));
            return Step::Working;
        };
        let (story, left_out) = self.finish(story);
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

    /// The read story without what other widgets show, limited to `max`; and the stories left
    /// out. Only the first `max` stories and as many as the other widgets show are compared
    /// with theirs: the rest are left out either way.
    fn finish(&mut self, mut story: Story) -> (Story, Vec<crate::model::Related>) {
        let base = self.host.base_uri().ok().flatten();
        let rules = Rules {
            base: base.as_deref(),
            tracking: &self.options.tracking,
            near_duplicates: self.options.near_duplicates,
        };
        let max = self.options.max;
        let taken = self.options.taken.as_ref();
        let compared = max.saturating_add(taken.map_or(0, |t| t.size() as usize));
        let mut left_out = Vec::new();
        if story.related.len() > compared {
            left_out = story.related.split_off(compared);
            story.omitted += left_out.len();
        }
        if let Some(taken) = taken {
            story.skip_taken(&rules, |key| taken.has(&JsValue::from_str(key)));
        }
        story.limit(max);
        if taken.is_some() {
            self.keys = story.keys(&rules);
        }
        (story, left_out)
    }

    fn lang(&self, story: Option<&Story>) -> String {
        self.options
            .lang
            .clone()
            .or_else(|| story.and_then(|s| s.article.language.clone()))
            .or_else(|| page::lang_around(&self.host))
            .unwrap_or_else(|| "en".into())
    }

    /// Replaces the shadow content with the finished job's story, or with the error notice;
    /// returns the event to fire and its detail.
    fn render(&mut self, story: Result<(Story, js_sys::Array), Error>) -> Step {
        // (server-rendered markup is taken over by the first render only)
        let hydrate = std::mem::take(&mut self.options.hydrate);
        if !hydrate {
            self.clear();
        }
        let Some(doc) = self.host.owner_document() else {
            return Step::Fire(
                "storycard:error",
                error_detail("the host element has no document"),
            );
        };
        let lang = self.lang(story.as_ref().ok().map(|(story, _)| story));
        let replaced = self.options.labels.clone();
        let labels = Labels::with(&lang, &replaced);
        let result = story.and_then(|(story, removed)| {
            let format_date = page::date_formatter(&lang);
            let opts = ViewOptions {
                labels: &labels,
                format_date: &format_date,
                autoplay: self.options.autoplay,
            };
            // The card and the carousel without its slides, then the slides one at a time: a
            // long list's tree is never held whole.
            let shell = view::shell(&story, &opts);
            if !(hydrate
                && super::render::hydrate(&self.root, &shell)
                && self.slides(&doc, &story, &opts, true).unwrap_or(false))
            {
                self.clear();
                self.append(&doc, &shell)
                    .and_then(|()| self.slides(&doc, &story, &opts, false))
                    .map_err(|e| Error::Render(page::message_of(&e)))?;
            }
            Ok((story, removed))
        });
        match result {
            Ok((mut story, removed)) => {
                for w in &story.warnings {
                    web_sys::console::warn_1(&cat(&["storycard: ", &w.line()]).into());
                }
                // (the entries removed while reading are in `removed` already; those shown
                // elsewhere are added now)
                for r in &story.removed[removed.length() as usize..] {
                    removed.push(&page::from_text(&detail::removed(r)));
                }
                story.removed.clear();
                let detail = page::from_text(&detail::story(&story));
                let _ = js_sys::Reflect::set(&detail, &JsValue::from_str("removed"), &removed);
                Step::Fire("storycard:ready", detail)
            }
            Err(e) => {
                self.clear();
                self.keys.clear();
                let message = e.message();
                web_sys::console::error_1(&cat(&["storycard: ", &message]).into());
                let _ = self.append(&doc, &view::error(&labels));
                Step::Fire("storycard:error", error_detail(&message))
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

impl Job {
    /// Reads and dedupes entries, and converts the removals for the ready event, until every
    /// entry is read (`true`, with [`Job::story`] set) or `deadline` (a `Date.now()`) has passed
    /// (`false`). Checks the clock every 8 entries.
    fn advance(&mut self, deadline: f64) -> Result<bool, Error> {
        while !self.read {
            for _ in 0..8 {
                let entry = match &mut self.entries {
                    Entries::Data(list) => {
                        if self.next >= list.length() {
                            self.read = true;
                            break;
                        }
                        let item = page::from_js(&list.get(self.next))?;
                        let position = self.next as usize;
                        self.next += 1;
                        crate::extract::island::related(&item, position, &mut self.warnings)?
                    }
                    #[cfg(feature = "page")]
                    Entries::Read(rest) => match rest.next() {
                        Some(entry) => Some(entry),
                        None => {
                            self.read = true;
                            break;
                        }
                    },
                };
                if let Some(entry) = entry {
                    self.deduper.push(entry);
                }
            }
            for r in &self.deduper.removed()[self.removed.length() as usize..] {
                self.removed.push(&page::from_text(&detail::removed(r)));
            }
            if self.read {
                // (rendered in this same step, however long the reading took: a short list on
                // a first load, where compiling the module takes the slice, shows in this task)
                self.deduper.warn(std::mem::take(&mut self.warnings));
                self.story = Some(self.deduper.take_story());
                return Ok(true);
            }
            if js_sys::Date::now() > deadline {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Frees what the render no longer needs, 4,096 entries at a time, until done (`true`) or
    /// `deadline` has passed (`false`).
    fn tidy(&mut self, deadline: f64) -> bool {
        loop {
            let keep = self.left_out.len().saturating_sub(4096);
            self.left_out.truncate(keep);
            let freed = self.deduper.release(4096);
            if freed && self.left_out.is_empty() {
                return true;
            }
            if js_sys::Date::now() > deadline {
                return false;
            }
        }
    }
}
