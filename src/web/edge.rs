//! The card written into an article as it streams through a CDN worker (`storycard/edge`): the
//! page's HTML goes through lol-html (the streaming rewriter Cloudflare's `HTMLRewriter` is built
//! on) and comes out byte for byte, except for the page's `<story-card>` element (or the place
//! the worker's configuration names), which becomes the server-rendered card of
//! [`server::element`], the same HTML `renderToString` and `storycard render` write.
//!
//! Where the card is written:
//! - **At once**, when its data is known at the element: a `<story-card source="#id">` after the
//!   data island `#id` (the shape a server that writes islands gives). Nothing is held.
//! - **When the island has ended**, for an island after the element: the output from the element
//!   on is held until then.
//! - **At the end of the page**, otherwise (the data is the page itself): the output from the
//!   element on is held, the whole page is read as the browser's element reads it ([`HtmlPage`],
//!   the native reader), and the card is written in the element's place.
//!
//! A page longer than [`HOLD_LIMIT`] while held, or whose data cannot be shown (an error the
//! widget would show), gets the element as it was: the browser's element then reads the page, as
//! without the worker.
//!
//! An element already rendered (`data-storycard-view`) is left as it is, and only the first
//! element is rendered.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use lol_html::html_content::{ContentType, Element};
use lol_html::{element, end_tag, HtmlRewriter, OutputSink, Settings};
use wasm_bindgen::prelude::*;

use super::page;
use crate::error::Error;
use crate::json::Json;
use crate::options::Options;
use crate::page_html::HtmlPage;
use crate::pipeline::Input;
use crate::server;
use crate::view;

/// How many bytes of the page the rewriter keeps to read it whole, and so how far past the
/// card's place the output is held at most: 2 MiB (a news article's HTML is rarely over 1 MB).
pub const HOLD_LIMIT: usize = 2 << 20;

/// A data island kept for the element, at most this long (the widget's own limit on data).
const ISLAND_LIMIT: usize = 1 << 20;

/// The streaming rewriter of one response. `write` each chunk of the origin's body as it comes
/// and send on what it returns; `end` when the body ends, and send that too.
#[wasm_bindgen(js_name = EdgeRewriter)]
pub struct EdgeRewriter {
    rewriter: Option<HtmlRewriter<'static, Sink>>,
    state: Rc<RefCell<State>>,
}

/// What a rewriter has done so far, for the worker's log: `"pending"`, `"written"` (the card is
/// in the page), `"held"` (waiting for the island or the page's end), `"rendered"` (the element was already a
/// card), `"none"` (no place for the card), or `"kept: REASON"` (the element passed as it was).
#[derive(Default)]
struct State {
    /// The output not yet handed back.
    out: Vec<u8>,
    /// How many bytes were handed back before `out`.
    flushed: usize,
    /// The page as it came, while it may still be needed whole (until the card is written or
    /// cannot be).
    input: Option<Vec<u8>>,
    /// The elements with an id, in the page's order, and the text of those that are scripts
    /// (the data islands).
    islands: Vec<Island>,
    /// The page's `<base href>`.
    base: Option<String>,
    /// The `lang` of the open elements that have one, innermost last.
    langs: Vec<String>,
    /// The card's place, once found.
    hold: Option<Hold>,
    /// Whether the card's place is settled: written, held for, or passed.
    settled: bool,
    outcome: String,
}

/// An element with an id: a data island when it is a script whose text was kept.
struct Island {
    id: String,
    /// The script's text, once it has ended; `None` for another element, or a text too long
    /// to keep (over 1 MiB, or past what the rewriter keeps of the page).
    text: Option<String>,
}

/// The card's place in the output, held until the page ends.
struct Hold {
    /// Where the held output starts: at the element (or the configured place).
    start: usize,
    /// Where the element's end tag was (taken out, written again if the card is not).
    end: Option<usize>,
    /// Whether the place is the configured one (the card goes before it) or an element (the
    /// card replaces it).
    before: bool,
    options: Options,
    /// The page's language around the place.
    around: Option<String>,
}

struct Sink(Rc<RefCell<State>>);

impl OutputSink for Sink {
    fn handle_chunk(&mut self, chunk: &[u8]) {
        self.0.borrow_mut().out.extend_from_slice(chunk);
    }
}

#[wasm_bindgen(js_class = EdgeRewriter)]
impl EdgeRewriter {
    /// A rewriter for the page at `url`. `config`: the worker's options, under the element's
    /// own attributes (by the names `mount()` takes: `lang`, `max`, `labels`, `related`,
    /// `stylesheet`, `nearDuplicates`, `autoplay`, `trackingParams`), and `at`: a CSS selector
    /// for pages without a `<story-card>` element, the card then written before the first
    /// element it matches.
    #[wasm_bindgen(constructor)]
    pub fn new(url: String, config: JsValue) -> Result<EdgeRewriter, JsValue> {
        super::unicode::install();
        let config: Json = if config.is_undefined() || config.is_null() {
            Json::object()
        } else {
            serde_wasm_bindgen::from_value(config).map_err(|e| {
                JsValue::from(js_sys::Error::new(&crate::text::cat(&[
                    "storycard edge: the options could not be read: ",
                    &e.to_string(),
                ])))
            })?
        };
        let at = config.get("at").and_then(Json::as_str).map(str::to_owned);
        let config = Rc::new(match config {
            Json::Object(members) => {
                Json::Object(members.into_iter().filter(|(n, _)| n != "at").collect())
            }
            other => other,
        });
        let url = Rc::new(url);
        let state = Rc::new(RefCell::new(State {
            input: Some(Vec::new()),
            outcome: "pending".into(),
            ..State::default()
        }));

        let islands = state.clone();
        let base = state.clone();
        let encoding = state.clone();
        let card = state.clone();
        let (card_config, card_url) = (config.clone(), url.clone());
        let mut settings = Settings::new()
            .append_element_content_handler(element!("[id]", move |el| {
                let mut s = islands.borrow_mut();
                let id = decoded(&el.get_attribute("id").unwrap_or_default());
                s.islands.push(Island { id, text: None });
                if el.tag_name() != "script" {
                    return Ok(());
                }
                // A script's text is read from the page as it came, between its tags (a text
                // handler would have lol-html write the text again, from its decoding).
                let start = el.source_location().bytes().end;
                let Some(handlers) = el.end_tag_handlers() else {
                    return Ok(());
                };
                let island_text = islands.clone();
                handlers.push(end_tag!(move |end| {
                    let mut s = island_text.borrow_mut();
                    let end = end.source_location().bytes().start;
                    let text = s
                        .input
                        .as_ref()
                        .filter(|_| end >= start && end - start <= ISLAND_LIMIT)
                        .and_then(|input| input.get(start..end))
                        .map(|bytes| String::from_utf8_lossy(bytes).into_owned());
                    if let Some(text) = text {
                        s.islands.last_mut().expect("the island").text = Some(text);
                        island_complete(&mut s);
                    }
                    Ok(())
                }));
                Ok(())
            }))
            .append_element_content_handler(element!("meta[charset], meta[http-equiv]", move |el| {
                // A page that says it is in another encoding than UTF-8 (its response did not):
                // the card, in UTF-8, would not read right in it.
                let declared = el.get_attribute("charset").or_else(|| {
                    let equiv = el.get_attribute("http-equiv")?;
                    let content = el.get_attribute("content")?.to_ascii_lowercase();
                    let at = content.find("charset=")?;
                    equiv.eq_ignore_ascii_case("content-type").then(|| content[at + 8..].to_owned())
                });
                if let Some(charset) = declared {
                    let charset = charset.trim().trim_matches(['"', '\'']).to_ascii_lowercase();
                    let mut s = encoding.borrow_mut();
                    if charset != "utf-8" && charset != "utf8" && !s.settled {
                        s.settled = true;
                        s.hold = None;
                        s.outcome = "kept: the page is not in UTF-8".into();
                    }
                }
                Ok(())
            }))
            .append_element_content_handler(element!("base[href]", move |el| {
                let mut s = base.borrow_mut();
                if s.base.is_none() {
                    s.base = el.get_attribute("href").map(|h| decoded(&h));
                }
                Ok(())
            }))
            .append_element_content_handler(element!("story-card", move |el| {
                let ready = card.borrow().settled && card.borrow().hold.as_ref().is_none_or(|h| !h.before);
                if ready {
                    return Ok(());
                }
                place(&card, el, &card_config, &card_url);
                Ok(())
            }));
        if let Some(at) = at {
            if at.parse::<lol_html::Selector>().is_err() {
                return Err(js_sys::Error::new(&crate::text::cat(&[
                    "storycard edge: `at` is not a selector this rewriter reads: ",
                    &at,
                ]))
                .into());
            }
            let state = state.clone();
            let mut options = Options::from_json(&config);
            options.url.get_or_insert_with(|| url.to_string());
            settings = settings.append_element_content_handler(element!(at, move |_el| {
                let mut s = state.borrow_mut();
                if !s.settled {
                    s.settled = true;
                    s.outcome = "held".into();
                    s.hold = Some(Hold {
                        start: s.flushed + s.out.len(),
                        end: None,
                        before: true,
                        options: options.clone(),
                        around: s.around(),
                    });
                }
                Ok(())
            }));
        }
        // (after the card's handlers: the language around an element is its ancestors')
        let langs = state.clone();
        settings = settings.append_element_content_handler(element!("[lang]", move |el| {
            let lang = decoded(&el.get_attribute("lang").unwrap_or_default());
            if let Some(handlers) = el.end_tag_handlers() {
                langs.borrow_mut().langs.push(lang);
                let langs = langs.clone();
                handlers.push(end_tag!(move |_| {
                    langs.borrow_mut().langs.pop();
                    Ok(())
                }));
            }
            Ok(())
        }));
        let rewriter = HtmlRewriter::new(settings, Sink(state.clone()));
        Ok(EdgeRewriter {
            rewriter: Some(rewriter),
            state,
        })
    }

    /// Takes the next chunk of the page; returns what can be sent on now (maybe nothing).
    pub fn write(&mut self, chunk: &[u8]) -> Result<Vec<u8>, JsValue> {
        {
            let mut s = self.state.borrow_mut();
            let over = match &mut s.input {
                Some(input) if input.len() + chunk.len() > HOLD_LIMIT => true,
                Some(input) => {
                    input.extend_from_slice(chunk);
                    false
                }
                None => false,
            };
            if over {
                s.input = None;
                give_up(&mut s, "the page is longer than the rewriter keeps");
            }
        }
        match &mut self.rewriter {
            Some(r) => r.write(chunk).map_err(rewriter_error)?,
            None => return Err(js_sys::Error::new("storycard edge: written after the end").into()),
        }
        let mut s = self.state.borrow_mut();
        if s.settled && s.hold.is_none() {
            // (the card's place is settled: the page is not needed whole)
            s.input = None;
        }
        Ok(s.take())
    }

    /// The page has ended: the rest of the output, with the card if it was held for.
    pub fn end(&mut self) -> Result<Vec<u8>, JsValue> {
        let rewriter = self
            .rewriter
            .take()
            .ok_or_else(|| js_sys::Error::new("storycard edge: ended twice"))?;
        rewriter.end().map_err(rewriter_error)?;
        let mut s = self.state.borrow_mut();
        if let Some(hold) = s.hold.take() {
            let page = s.input.take().unwrap_or_default();
            let page = String::from_utf8_lossy(&page);
            let made = memoized(&page, &hold.options, &None, &hold.around, || {
                let html = HtmlPage::parse(&page, hold.options.url.as_deref());
                html.input(&hold.options, |input, base| {
                    card(input, &hold.options, base, hold.around.as_deref())
                })
            });
            write_held(&mut s, hold, made);
        } else if !s.settled {
            s.outcome = "none".into();
        }
        Ok(s.take())
    }

    /// What the rewriter did (see [`State`]), for the worker's log.
    #[wasm_bindgen(getter)]
    pub fn outcome(&self) -> String {
        self.state.borrow().outcome.clone()
    }
}

/// The element's end tag, written again when the card is not.
const END_TAG: &str = "</story-card>";

impl State {
    /// The first element with the id the options' `source` names (`#id`), as the browser's
    /// `querySelector` finds it, when it has been seen; `None` for another kind of selector.
    fn island_named(&self, options: &Options) -> Option<&Island> {
        let id = options.source.as_deref()?.strip_prefix('#')?;
        let plain = !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || "-_".contains(c));
        if !plain {
            return None;
        }
        self.islands.iter().find(|i| i.id == id)
    }

    /// The card of a data island's text, made or kept.
    fn card_of_island(
        &self,
        text: &str,
        options: &Options,
        around: &Option<String>,
    ) -> Result<String, Error> {
        // (the page's base as the native reader takes it: `<base href>` against the address)
        let url = options.url.as_deref();
        let base = self.base.as_deref().map(|h| crate::url::absolute(h, url));
        let base = base.or_else(|| url.map(str::to_owned));
        memoized(text, options, &base, around, || {
            let data = serde_json::from_str::<Json>(text)
                .map_err(|e| Error::InvalidJson(e.to_string()))?;
            card(Input::Data(&data), options, base.as_deref(), around.as_deref())
        })
    }

    /// The page's language around what comes next, as the browser's element reads it: the
    /// nearest `lang`, unless that is blank.
    fn around(&self) -> Option<String> {
        self.langs.last().filter(|l| !l.trim().is_empty()).cloned()
    }

    /// The output up to the held place, handed back.
    fn take(&mut self) -> Vec<u8> {
        let upto = match &self.hold {
            Some(hold) => hold.start - self.flushed,
            None => self.out.len(),
        };
        self.flushed += upto;
        let rest = self.out.split_off(upto);
        std::mem::replace(&mut self.out, rest)
    }
}

/// The card's place found at the page's `<story-card>` element `el`.
fn place(state: &Rc<RefCell<State>>, el: &mut Element, config: &Json, url: &str) {
    let mut s = state.borrow_mut();
    // (the page's own element takes the place from a configured one)
    s.hold = None;
    s.settled = true;
    if el.has_attribute(view::data::VIEW) {
        s.outcome = "rendered".into();
        return;
    }
    let raw: Vec<(String, String)> = el
        .attributes()
        .iter()
        .map(|a| (a.name(), decoded(&a.value())))
        .collect();
    let attributes = Options::attributes_json(raw.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    let mut options = Options::from_json(&config.clone().merged(attributes));
    if options.url.is_none() {
        options.url = Some(url.to_owned());
    }
    // The card at once: the island the element names is known.
    if let Some(Some(text)) = s.island_named(&options).map(|i| i.text.clone()) {
        let around = s.around();
        match s.card_of_island(&text, &options, &around) {
            Ok(card) => {
                el.replace(&card, ContentType::Html);
                s.outcome = "written".into();
                s.input = None;
            }
            Err(e) => s.outcome = crate::text::cat(&["kept: ", &e.message()]),
        }
        return;
    }
    if s.input.is_none() {
        s.outcome = "kept: the page is longer than the rewriter keeps".into();
        return;
    }
    // The card at the end: the output is held from here.
    let Some(handlers) = el.end_tag_handlers() else {
        s.outcome = "kept: the element is not closed".into();
        return;
    };
    let at_end = state.clone();
    handlers.push(end_tag!(move |end| {
        let mut s = at_end.borrow_mut();
        let offset = s.flushed + s.out.len();
        if let Some(hold) = &mut s.hold {
            hold.end = Some(offset);
            end.remove();
        }
        Ok(())
    }));
    s.outcome = "held".into();
    s.hold = Some(Hold {
        start: s.flushed + s.out.len(),
        end: None,
        before: false,
        options,
        around: s.around(),
    });
}

/// A data island's text has ended: when it is the one the held element names (the first element
/// with its id), the card is written now rather than at the page's end.
fn island_complete(s: &mut State) {
    let Some(hold) = &s.hold else { return };
    if hold.before || hold.end.is_none() {
        return;
    }
    let is_this = match s.island_named(&hold.options) {
        Some(first) => std::ptr::eq(first, s.islands.last().expect("an island")),
        None => false,
    };
    if !is_this {
        return;
    }
    let hold = s.hold.take().expect("held");
    let text = s.islands.last().and_then(|i| i.text.clone()).unwrap_or_default();
    let made = s.card_of_island(&text, &hold.options, &hold.around);
    write_held(s, hold, made);
    s.input = None;
}

/// The card (or the error) written in the held place, and the place let go.
fn write_held(s: &mut State, hold: Hold, made: Result<String, Error>) {
    let (start, end) = (hold.start - s.flushed, hold.end.map(|e| e - s.flushed));
    match (made, end) {
        (Ok(card), _) if hold.before => {
            s.out.splice(start..start, card.into_bytes());
            s.outcome = "written".into();
        }
        (Ok(card), Some(end)) => {
            s.out.splice(start..end, card.into_bytes());
            s.outcome = "written".into();
        }
        (Ok(_), None) => s.outcome = "kept: the element is not closed".into(),
        (Err(e), end) => {
            // (the element's end tag, taken out, is written again)
            if let (Some(end), false) = (end, hold.before) {
                s.out.splice(end..end, END_TAG.bytes());
            }
            s.outcome = crate::text::cat(&["kept: ", &e.message()]);
        }
    }
}

/// The place held for is given up: the element, whole again, goes on as it was.
fn give_up(s: &mut State, why: &str) {
    if let Some(hold) = s.hold.take() {
        if let Some(end) = hold.end {
            let end = end - s.flushed;
            s.out.splice(end..end, END_TAG.bytes());
        }
        s.outcome = crate::text::cat(&["kept: ", why]);
    }
}

/// The card's HTML for `input`, dates written by `Intl` as in the browser. The data island it
/// writes gets an id of its own, so that no id is in the page twice.
fn card(
    input: Input,
    options: &Options,
    base: Option<&str>,
    around: Option<&str>,
) -> Result<String, Error> {
    let mut options = options.clone();
    if options.id.is_none() {
        options.id = Some("storycard-edge-data".into());
    }
    let formatter = OnceCell::new();
    let format_date = |raw: &str, lang: &str| {
        formatter.get_or_init(|| page::date_formatter(lang.to_owned()))(raw)
    };
    let (story, html) = server::render(input, &options, base, around, &format_date)?;
    for w in &story.warnings {
        web_sys::console::warn_1(&crate::text::cat(&["storycard edge: ", &w.line()]).into());
    }
    Ok(html)
}

/// A card made before in this isolate, with all it was made from.
struct Made {
    /// The data island's text, or the whole page.
    source: String,
    options: Options,
    base: Option<String>,
    around: Option<String>,
    html: String,
}

/// How many cards the isolate keeps, and how many bytes of what they were made from at most.
const MEMO_CARDS: usize = 16;
const MEMO_BYTES: usize = 8 << 20;

thread_local! {
    /// The cards made last, newest last: a page asked for again (the usual traffic of an
    /// article) gets its card without making it again. Each is kept with everything it was
    /// made from, compared whole, so a card is only ever given for the same input.
    static MEMO: RefCell<Vec<Made>> = const { RefCell::new(Vec::new()) };
}

/// The card `make` makes from `source` under `options` (with `base` and `around`), or the one
/// made before from the same; a card is kept when made (an error is not).
fn memoized(
    source: &str,
    options: &Options,
    base: &Option<String>,
    around: &Option<String>,
    make: impl FnOnce() -> Result<String, Error>,
) -> Result<String, Error> {
    let same = |m: &Made| {
        m.source == source && m.options == *options && m.base == *base && m.around == *around
    };
    if let Some(html) = MEMO.with_borrow(|memo| memo.iter().find(|m| same(m)).map(|m| m.html.clone())) {
        return Ok(html);
    }
    let html = make()?;
    if source.len() <= MEMO_BYTES / MEMO_CARDS {
        MEMO.with_borrow_mut(|memo| {
            if memo.len() == MEMO_CARDS {
                memo.remove(0);
            }
            memo.push(Made {
                source: source.to_owned(),
                options: options.clone(),
                base: base.clone(),
                around: around.clone(),
                html: html.clone(),
            });
        });
    }
    Ok(html)
}

/// An attribute's value as lol-html gives it (with its character references) as the browser
/// reads it: decoded by the HTML parser of the page reader.
fn decoded(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_owned();
    }
    let html = crate::text::cat(&["<p title=\"", &raw.replace('"', "&quot;"), "\">"]);
    let fragment = scraper::Html::parse_fragment(&html);
    let p = scraper::Selector::parse("p").expect("a valid selector");
    fragment
        .select(&p)
        .next()
        .and_then(|p| p.value().attr("title"))
        .unwrap_or(raw)
        .to_owned()
}

fn rewriter_error(e: lol_html::errors::RewritingError) -> JsValue {
    js_sys::Error::new(&crate::text::cat(&["storycard edge: ", &e.to_string()])).into()
}
