//! The data island: any text as JSON, extracted, deduped, limited and rendered.
#![no_main]
use libfuzzer_sys::fuzz_target;
use storycard::Json;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(json) = serde_json::from_str::<Json>(text) else {
        return;
    };
    if let Ok(story) = storycard::story(&json, &Default::default()) {
        common::render(&story);
    }
});
