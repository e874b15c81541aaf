//! What the widget reads from the page: the data island, the language, the dates' formatter.

use std::cell::OnceCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DocumentFragment, Element};

use crate::error::Error;
use crate::json::{Json, MAX_DEPTH};

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat`, bound with `catch` so a bad language tag is an error, not a throw.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locale: &str, options: &JsValue) -> Result<DateTimeFormat, JsValue>;

    #[wasm_bindgen(method, js_class = "DateTimeFormat")]
    fn format(this: &DateTimeFormat, date: &js_sys::Date) -> String;

    /// `JSON.parse` of a JavaScript string: the island's text is not copied into the module.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &JsValue) -> Result<JsValue, JsValue>;
}

/// The most UTF-16 units of one string read from the data: more than any field keeps (see
/// [`crate::text::PARAGRAPH`] and the body's limit), so a 10 MB string costs no 10 MB copy.
pub(super) const STRING_MAX: u32 = 200_000;

/// The most UTF-16 units of strings read in one conversion (the article, or one related
/// entry): five times the body's limit; strings past it are read as empty.
const STRINGS_MAX: u32 = 1_000_000;

/// Reads and parses the data island that `selector` names, searched in the host's own tree (its
/// shadow root when it lives in one, else its document).
pub fn read_source(host: &Element, selector: &str) -> Result<JsValue, Error> {
    let root = host.get_root_node();
    let found = match root.dyn_ref::<DocumentFragment>() {
        Some(fragment) => fragment.query_selector(selector),
        None => host
            .owner_document()
            .ok_or_else(|| Error::SourceNotFound(selector.into()))?
            .query_selector(selector),
    };
    let island = found
        .map_err(|_| Error::BadSelector(selector.into()))?
        .ok_or_else(|| Error::SourceNotFound(selector.into()))?;
    parse(&js_sys::Reflect::get(&island, &JsValue::from_str("textContent")).unwrap_or_default())
}

/// Parses JSON text (a JavaScript string) by `JSON.parse`: the text is not copied into the
/// module.
pub fn parse(text: &JsValue) -> Result<JsValue, Error> {
    parse_json(text).map_err(|e| Error::InvalidJson(message_of(&e)))
}

/// Converts the article data (a data island's parsed JSON, or an object given to `mount`) but
/// for its `related` array, which is returned as it is, to be read an entry at a time.
pub fn split(value: &JsValue) -> Result<(Json, Option<js_sys::Array>), Error> {
    let related = JsValue::from_str("related");
    let list = (value.is_object() && !js_sys::Array::is_array(value))
        .then(|| js_sys::Reflect::get(value, &related).ok())
        .flatten()
        .filter(js_sys::Array::is_array);
    let Some(list) = list else {
        return Ok((from_js(value)?, None));
    };
    Ok((
        object(value, 0, &related, &mut { STRINGS_MAX })?,
        Some(list.unchecked_into()),
    ))
}

/// Converts a JavaScript value (already parsed JSON, or an object given to `mount`).
///
/// Walked by hand rather than by serde-wasm-bindgen (which the options and the ready event's
/// detail go through) for one thing it cannot do: read a string only in part. It copies every
/// string whole into the module's memory, so a 10 MB headline held the main thread for one task
/// of over 200 ms (`tests/e2e/bad-input.test.mjs`, measured); here at most [`STRING_MAX`] units of
/// each string are copied. The depth is bounded as serde's reading of [`Json`] bounds it.
pub fn from_js(value: &JsValue) -> Result<Json, Error> {
    to_json(value, 0, &mut { STRINGS_MAX })
}

/// `v` as JSON at `depth`, with `left` UTF-16 units of strings still to read.
fn to_json(v: &JsValue, depth: usize, left: &mut u32) -> Result<Json, Error> {
    if depth > MAX_DEPTH {
        return Err(Error::InvalidJson("nested deeper than 64 levels".into()));
    }
    if let Some(s) = v.dyn_ref::<js_sys::JsString>() {
        let take = s.length().min(STRING_MAX).min(*left);
        *left -= take;
        let s = if take < s.length() {
            s.slice(0, take)
        } else {
            s.clone()
        };
        return Ok(Json::String(s.into()));
    }
    if let Some(n) = v.as_f64() {
        return Ok(Json::Number(n));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Json::Bool(b));
    }
    if v.is_null() || v.is_undefined() {
        return Ok(Json::Null);
    }
    if let Some(array) = v.dyn_ref::<js_sys::Array>() {
        return array
            .iter()
            .map(|item| to_json(&item, depth + 1, left))
            .collect::<Result<_, _>>()
            .map(Json::Array);
    }
    if v.is_function() || !v.is_object() {
        return Err(Error::InvalidJson(
            "it holds a value JSON cannot (a function, symbol or bigint)".into(),
        ));
    }
    object(v, depth, &JsValue::UNDEFINED, left)
}

/// An object's members but `skip`, as JSON at `depth`.
fn object(v: &JsValue, depth: usize, skip: &JsValue, left: &mut u32) -> Result<Json, Error> {
    let object: &js_sys::Object = v.unchecked_ref();
    let keys = js_sys::Object::keys(object);
    let mut members = Vec::with_capacity(keys.length() as usize);
    for key in keys.iter() {
        if key == *skip {
            continue;
        }
        let value = js_sys::Reflect::get(object, &key).unwrap_or(JsValue::NULL);
        members.push((
            key.as_string().unwrap_or_default(),
            to_json(&value, depth + 1, left)?,
        ));
    }
    Ok(Json::Object(members))
}

/// The message of a thrown JavaScript error.
pub fn message_of(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// The language of the host's surroundings: the nearest ancestor's `lang`, else the document's.
pub fn lang_around(host: &Element) -> Option<String> {
    let start = host.parent_element()?;
    let el = start.closest("[lang]").ok()??;
    el.get_attribute("lang").filter(|l| !l.trim().is_empty())
}

/// A date formatter for `lang`: long dates, and date-only values (`2025-05-03`) shown as that
/// calendar day in every time zone, a date and time as the reader's own day.
///
/// In the languages [`crate::dates`] writes, they are written there, as `Intl` writes them
/// (`tests/web.rs` checks every one, every month, against the browser's): the first
/// `Intl.DateTimeFormat` a page makes loads the browser's locale and time zone data, 13 to 26 ms
/// in Chromium here, the largest part of a first render (`bench/`). Other languages go through
/// `Intl.DateTimeFormat` (English for a tag `Intl` refuses), each made on first use: a card
/// without dates needs none.
pub fn date_formatter(lang: String) -> impl Fn(&str) -> Option<String> {
    let native = crate::dates::writes(&lang);
    let make = move |lang: &str, time_zone: Option<&str>| {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
        if let Some(tz) = time_zone {
            let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &tz.into());
        }
        DateTimeFormat::new(lang, &options)
            .or_else(|_| DateTimeFormat::new("en", &options))
            .ok()
    };
    let local = OnceCell::new();
    let utc = OnceCell::new();
    move |raw: &str| {
        let date = js_sys::Date::new(&JsValue::from_str(raw));
        if date.get_time().is_nan() {
            return None;
        }
        let date_only = raw.len() == 10 && raw.as_bytes().get(4) == Some(&b'-');
        // (the day as the browser reads the value: its own calendar day, or the reader's)
        let (year, month, day) = if date_only {
            (
                date.get_utc_full_year(),
                date.get_utc_month(),
                date.get_utc_date(),
            )
        } else {
            (date.get_full_year(), date.get_month(), date.get_date())
        };
        if native && (1..=9999).contains(&year) {
            return Some(crate::dates::long_day(
                i64::from(year),
                month + 1,
                day,
                &lang,
            ));
        }
        let formatter = if date_only {
            utc.get_or_init(|| make(&lang, Some("UTC")))
        } else {
            local.get_or_init(|| make(&lang, None))
        };
        formatter.as_ref().map(|f| f.format(&date))
    }
}

/// A value of the story (the ready event's detail, one removal) as a plain JavaScript object, by
/// serde-wasm-bindgen.
pub fn to_js(value: &impl serde::Serialize) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}
