//! A whole page: any text as HTML, read (JSON-LD, meta tags, related links), extracted, deduped
//! and rendered.
#![no_main]
use libfuzzer_sys::fuzz_target;
use storycard::page::Page;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(page) = Page::from_html(
        html,
        Some("https://news.example/a/page.html"),
        Some(".related, aside"),
    ) else {
        return;
    };
    if let Ok(extracted) = storycard::extract::from_page(&page) {
        let mut story =
            storycard::dedupe::dedupe(extracted, Some("https://news.example/a/page.html"));
        story.limit(20);
        common::render(&story);
    }
});
