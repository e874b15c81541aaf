//! The browser layer: reads the page, turns the view tree into DOM, owns the listeners, and is
//! the `#[wasm_bindgen]` facade. Nothing outside this module touches `web_sys` or `js_sys`.

mod api;
mod events;
mod page;
mod render;

pub use api::Widget;

/// The allocator: smaller and faster than the default dlmalloc in WebAssembly.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
