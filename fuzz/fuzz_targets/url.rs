//! URL normalization on any text: an address kept is never of a disallowed scheme, and the key is
//! idempotent. The base is a page's address, as in the widget (`document.baseURI` is always a
//! valid absolute URL); the raw address is anything.
#![no_main]
use libfuzzer_sys::fuzz_target;
use storycard::url::{absolute, key, safe_href};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (raw, base) = (text, "https://news.example/a/b");
    if let Some(href) = safe_href(raw) {
        // (trimmed as a browser trims an address: C0 controls and space; U+2000 and the like stay)
        let lower = href.trim_start_matches(|c: char| c <= ' ').to_ascii_lowercase();
        assert!(
            !lower.starts_with("javascript:") && !lower.starts_with("data:"),
            "{href:?}"
        );
        let _ = absolute(&href, Some(base));
    }
    if let Some(k) = key(raw, Some(base)) {
        assert_eq!(key(&k, None), Some(k.clone()), "key of {raw:?}");
    }
});
