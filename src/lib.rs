//! # storycard
//!
//! A story card with a carousel of related stories, each story shown once, read from the article
//! data a news page already carries. The core is plain Rust (extraction, dedupe, the view tree,
//! HTML); only [`web`] touches the browser, and only in the WebAssembly build.
//!
//! ```
//! let data: storycard::Json = serde_json::from_str(r#"{
//!   "article": { "headline": "US abandons conflict resolution, resumes aid to Ukraine",
//!                "url": "https://news.example.com/world/us-abandons-2401.html" },
//!   "related": [
//!     { "headline": "Ukraine and expectations after the mineral agreement with the US",
//!       "url": "https://news.example.com/world/ukraine-2391.html?utm_source=related" },
//!     { "headline": "Ukraine and expectations after the mineral agreement with the US",
//!       "url": "https://news.example.com/world/ukraine-2391.html", "author": "Khánh Minh" }
//!   ]
//! }"#).unwrap();
//! let rules = storycard::dedupe::Rules::default();
//! let story = storycard::story_from_json(&data, &rules, storycard::DEFAULT_MAX).unwrap();
//! assert_eq!(story.related.len(), 1);
//! assert_eq!(story.related[0].authors[0].name, "Khánh Minh");
//! assert_eq!(story.removed[0].reason, storycard::dedupe::Reason::SameUrl);
//! ```

#![deny(missing_docs)]

pub mod dates;
pub mod dedupe;
pub mod detail;
pub mod error;
pub mod extract;
pub mod html;
pub mod i18n;
pub mod json;
pub mod model;
pub mod page;
#[cfg(not(target_arch = "wasm32"))]
pub mod page_html;
pub mod server;
pub mod similar;
pub mod text;
pub mod url;
pub mod view;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use dedupe::Story;
pub use error::{Error, Warning};
pub use json::Json;

/// How many related stories the carousel shows when `max` is not set.
pub const DEFAULT_MAX: usize = 20;

/// Reads data-island JSON into the story the card shows: extraction, dedupe under `rules` (the
/// page's address for relative URLs, the site's tracking parameters), then the `max` limit.
pub fn story_from_json(data: &Json, rules: &dedupe::Rules, max: usize) -> Result<Story, Error> {
    let extracted = extract::island::read(data)?;
    let mut story = dedupe::dedupe_with(extracted, rules);
    story.limit(max);
    Ok(story)
}
