//! `renderToString` for JavaScript servers: the same element `storycard render` prints, from the
//! data-island object, in the WebAssembly build for Node (`storycard/server`). Dates are written
//! by `Intl`, as the browser writes them.

use wasm_bindgen::prelude::*;

use super::page;
use crate::server::{self, Options};
use crate::text::cat;
use crate::Story;

/// Renders `data` (the data-island object, or its JSON text) as the HTML of a data island and a
/// server-rendered `<story-card>`. `options`: `lang`, `max`, `labels` (as the element's
/// `labels` option), `autoplay`, `nearDuplicates` (`false` or `"off"` keeps them), `id` (the
/// data island's), `stylesheet` (the address of
/// `storycard.css`, linked instead of written in) and `url` (the page's address, for relative
/// links). Throws an `Error` with the widget's message when the data cannot be shown.
#[wasm_bindgen(js_name = renderToString)]
pub fn render_to_string(data: JsValue, options: JsValue) -> Result<String, JsValue> {
    let fail = |message: String| JsValue::from(js_sys::Error::new(&message));
    let data = match data.as_string() {
        Some(text) => js_sys::JSON::parse(&text).map_err(|e| {
            fail(cat(&[
                "the article data is not valid JSON: ",
                &page::message_of(&e),
            ]))
        })?,
        None => data,
    };
    let get = |key: &str| {
        js_sys::Reflect::get(&options, &JsValue::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    let text = |key: &str| get(key).and_then(|v| v.as_string());
    let labels = get("labels")
        .map(|given| {
            crate::i18n::Labels::NAMES
                .iter()
                .filter_map(|name| {
                    let value = js_sys::Reflect::get(&given, &JsValue::from_str(name)).ok()?;
                    Some(((*name).to_owned(), value.as_string()?))
                })
                .collect()
        })
        .unwrap_or_default();
    let opts = Options {
        lang: text("lang"),
        max: get("max")
            .and_then(|v| v.as_f64())
            .map(|n| n.max(0.0) as usize),
        labels,
        autoplay: get("autoplay").is_some_and(|v| v.is_truthy()),
        keep_near_duplicates: get("nearDuplicates").is_some_and(|v| {
            v.as_bool() == Some(false)
                || v.as_string()
                    .is_some_and(|s| matches!(s.trim(), "off" | "false"))
        }),
        id: text("id"),
        stylesheet: text("stylesheet"),
    };
    let json = page::from_js(&data).map_err(|e| fail(e.message()))?;
    let extracted = crate::extract::island::read(&json).map_err(|e| fail(e.message()))?;
    let url = text("url");
    let rules = crate::dedupe::Rules {
        base: url.as_deref(),
        near_duplicates: !opts.keep_near_duplicates,
        ..crate::dedupe::Rules::default()
    };
    let mut story: Story = crate::dedupe::dedupe_with(extracted, &rules);
    story.limit(opts.max.unwrap_or(crate::DEFAULT_MAX));
    let lang = server::language(&story, &opts).to_owned();
    let format_date = page::date_formatter(&lang);
    let island = server::island(&story);
    Ok(server::element(&story, &opts, &island, &format_date))
}
