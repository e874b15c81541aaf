//! The browser layer: reads the page, turns the view tree into DOM, and is the
//! `#[wasm_bindgen]` facade. Nothing outside this module touches `web_sys` or `js_sys`.
//!
//! Behaviour (the "Read more" toggle, the carousel buttons and their state) lives in the element
//! module, `www/storycard.js`, on the nodes this layer renders: a listener costs a few bytes of
//! JavaScript there and a closure adapter, imports and glue here (3.7 KB of the gzipped package,
//! measured).

mod api;
mod carousel;
#[cfg(feature = "edge")]
mod edge;
mod job;
#[cfg(feature = "server")]
mod node;
mod page;
#[cfg(feature = "page")]
mod reader;
mod render;
mod unicode;

pub use api::Widget;
pub use carousel::{carousel_key, carousel_page_start, carousel_step, carousel_view};
#[cfg(feature = "edge")]
pub use edge::EdgeRewriter;
#[cfg(feature = "server")]
pub use node::render_to_string;

// The allocator is the standard library's (dlmalloc). talc was 1.8 KB gzipped smaller, but in
// WebKit its heap was corrupted now and then: a string index of 8 MB into a short string, and
// out-of-bounds traps inside its allocate, in about one run in twenty of the browser tests;
// with dlmalloc, none in 80. Failures of the same kind came back later with dlmalloc (an object
// read back as another value, out-of-bounds traps), with and without reference types: WebKit's
// WebAssembly, not talc, is the likelier cause (README, Browsers). Tried again with the declared
// maximum memory, talc faulted in 2 of 200 runs (docs/browsers.md), no fewer than dlmalloc.
