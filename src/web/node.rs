//! `renderToString` for JavaScript servers: the same element `storycard render` prints, from the
//! data-island object, in the WebAssembly build for Node (`storycard/server`). Dates are written
//! by `Intl`, as the browser writes them.

use std::cell::OnceCell;

use wasm_bindgen::prelude::*;

use super::page;
use crate::error::Error;
use crate::json::Json;
use crate::memory;
use crate::options::Options;
use crate::pipeline::{Input, RESERVED_MAX};
use crate::server;
use crate::text::cat;

/// Renders `data` (the data-island object, or its JSON text) as the HTML of a data island and a
/// server-rendered `<story-card>`. `options`: the element's ([`Options`], by the names `mount()`
/// takes: `lang`, `max`, `labels`, `autoplay`, `nearDuplicates`, `trackingParams`), and `id`
/// (the data island's), `stylesheet` (the address of `storycard.css`, linked instead of written
/// in) and `url` (the page's address, for relative links). Throws an `Error` with the widget's
/// message when the data cannot be shown; options it cannot use are warned about on the
/// console, as in the browser.
#[wasm_bindgen(js_name = renderToString)]
pub fn render_to_string(data: JsValue, options: JsValue) -> Result<String, JsValue> {
    super::unicode::install();
    let fail = |message: String| JsValue::from(js_sys::Error::new(&message));
    let options: Options = serde_wasm_bindgen::from_value(options)
        .map_err(|e| fail(cat(&["the options could not be read: ", &e.to_string()])))?;
    let json = read(&data).map_err(|e| fail(e.message()))?;
    let formatter = OnceCell::new();
    let format_date = |raw: &str, lang: &str| {
        formatter.get_or_init(|| page::date_formatter(lang.to_owned()))(raw)
    };
    let (story, html) = server::render(Input::Data(&json), &options, None, None, &format_date)
        .map_err(|e| fail(e.message()))?;
    for w in &story.warnings {
        web_sys::console::warn_1(&cat(&["storycard: ", &w.line()]).into());
    }
    Ok(html)
}

/// The data (JSON text, parsed by `JSON.parse` without a copy into the module, or an object) as
/// [`Json`], read as the browser reads it: the article, then the related entries one at a time,
/// each with the strings' bounds of [`page::from_js`], and the memory checked after each.
fn read(data: &JsValue) -> Result<Json, Error> {
    let data = if data.is_string() {
        page::parse(data)?
    } else {
        data.clone()
    };
    let (mut json, related) = page::split(&data)?;
    memory::check(|| "the article".into())?;
    if let (Json::Object(members), Some(related)) = (&mut json, related) {
        let mut entries = Vec::with_capacity((related.length() as usize).min(RESERVED_MAX));
        for (i, entry) in related.iter().enumerate() {
            entries.push(page::from_js(&entry)?);
            memory::check(|| memory::entry(i))?;
        }
        members.push(("related".into(), Json::Array(entries)));
    }
    Ok(json)
}
