//! The widget's way of working through a long related list, without the widget: JavaScript
//! hands the module an array of plain objects and calls [`Job::step`] in task after task; each
//! step reads entries with serde-wasm-bindgen (as the widget reads a data island's entries),
//! dedupes them by address and by headline and indexes their words ([`crate::Index`]), converts
//! each removal back into a JavaScript object pushed onto an array, and checks `Date.now()`
//! every 8 entries to end the slice after 10 ms, as the widget's `Widget::step` does. Loaded in a
//! fresh page for each round by `scripts/webkit-fresh.mjs` (`MODULE=alone`): every fault counted
//! here is one without storycard's code.
use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[derive(Deserialize)]
struct Entry {
    headline: String,
    url: Option<String>,
}

#[derive(Serialize)]
struct Removed<'a> {
    position: u32,
    reason: &'a str,
    kept: u32,
    headline: &'a str,
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console)]
    fn error(message: &str);
}

/// Makes a panic say what it was on the console (where the page's round reads it) before the
/// module traps.
#[wasm_bindgen]
pub fn tell_panics() {
    std::panic::set_hook(Box::new(|info| error(&format!("panic: {info}"))));
}

/// One long list worked through a slice at a time.
#[wasm_bindgen]
pub struct Job {
    list: js_sys::Array,
    next: u32,
    by_url: HashMap<String, u32>,
    by_headline: HashMap<String, u32>,
    index: crate::Index,
    kept: Vec<Entry>,
    removed: js_sys::Array,
}

#[wasm_bindgen]
impl Job {
    #[wasm_bindgen(constructor)]
    pub fn new(list: js_sys::Array) -> Job {
        Job {
            list,
            next: 0,
            by_url: HashMap::new(),
            by_headline: HashMap::new(),
            index: crate::Index::default(),
            kept: Vec::new(),
            removed: js_sys::Array::new(),
        }
    }

    /// Works for about 10 ms; `true` once every entry is read.
    pub fn step(&mut self) -> Result<bool, JsError> {
        let deadline = js_sys::Date::now() + 10.0;
        loop {
            for _ in 0..8 {
                if self.next >= self.list.length() {
                    return Ok(true);
                }
                let position = self.next;
                let entry: Entry = serde_wasm_bindgen::from_value(self.list.get(position))
                    .map_err(|e| JsError::new(&e.to_string()))?;
                self.next += 1;
                self.add(position, entry)?;
            }
            if js_sys::Date::now() > deadline {
                return Ok(false);
            }
        }
    }

    fn add(&mut self, position: u32, entry: Entry) -> Result<(), JsError> {
        let url = entry.url.as_deref().map(|u| {
            u.trim_end_matches('/')
                .replace("://www.", "://")
                .to_lowercase()
        });
        let headline: String = entry
            .headline
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let seen = url
            .as_ref()
            .and_then(|u| self.by_url.get(u).map(|&k| (k, "same-url")))
            .or_else(|| self.by_headline.get(&headline).map(|&k| (k, "same-headline")));
        if let Some((kept, reason)) = seen {
            let removed = Removed {
                position,
                reason,
                kept,
                headline: &entry.headline,
            };
            let value = serde_wasm_bindgen::to_value(&removed)
                .map_err(|e| JsError::new(&e.to_string()))?;
            self.removed.push(&value);
            return Ok(());
        }
        let k = self.kept.len() as u32;
        if let Some(u) = url {
            self.by_url.insert(u, k);
        }
        self.by_headline.insert(headline.clone(), k);
        self.index.add(&headline);
        self.kept.push(entry);
        Ok(())
    }

    /// How many entries were kept.
    pub fn kept(&self) -> u32 {
        self.kept.len() as u32
    }

    /// The removals, as objects.
    pub fn removed(&self) -> js_sys::Array {
        self.removed.clone()
    }

    /// The word index's checksum, as text (JavaScript numbers hold 53 bits).
    pub fn checksum(&self) -> String {
        self.index.checksum().to_string()
    }
}
