//! The carousel's arithmetic ([`crate::carousel`]) for the element module, which measures the
//! track and calls these on every scroll, resize, button, dot and key: plain numbers in and out.

use wasm_bindgen::prelude::*;

use crate::carousel::Layout;

fn layout(slides: u32, pitch: f64, width: f64, offset: f64, end: f64) -> Layout {
    Layout {
        slides: slides as usize,
        pitch,
        width,
        offset,
        end,
    }
}

/// `[overflows, atStart, atEnd, pages, page]` for the measured track.
#[wasm_bindgen(js_name = carouselView)]
pub fn carousel_view(slides: u32, pitch: f64, width: f64, offset: f64, end: f64) -> Vec<u32> {
    let v = layout(slides, pitch, width, offset, end).view();
    vec![
        u32::from(v.overflows),
        u32::from(v.at_start),
        u32::from(v.at_end),
        v.pages as u32,
        v.page as u32,
    ]
}

/// The slide "next" (`forward`) or "previous" brings to the start; -1 at that end.
#[wasm_bindgen(js_name = carouselStep)]
pub fn carousel_step(
    slides: u32,
    pitch: f64,
    width: f64,
    offset: f64,
    end: f64,
    forward: bool,
) -> i32 {
    layout(slides, pitch, width, offset, end)
        .step(forward)
        .map_or(-1, |i| i as i32)
}

/// The slide page `page`'s dot brings to the start.
#[wasm_bindgen(js_name = carouselPageStart)]
pub fn carousel_page_start(
    slides: u32,
    pitch: f64,
    width: f64,
    offset: f64,
    end: f64,
    page: u32,
) -> u32 {
    layout(slides, pitch, width, offset, end).page_start(page as usize) as u32
}

/// The slide `key` moves to from slide `from` (-1: the first in view); -1 for another key.
#[wasm_bindgen(js_name = carouselKey)]
#[allow(clippy::too_many_arguments)]
pub fn carousel_key(
    slides: u32,
    pitch: f64,
    width: f64,
    offset: f64,
    end: f64,
    key: &str,
    from: i32,
    rtl: bool,
) -> i32 {
    layout(slides, pitch, width, offset, end)
        .key(key, usize::try_from(from).ok(), rtl)
        .map_or(-1, |i| i as i32)
}
