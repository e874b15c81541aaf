//! # storycard
//!
//! A story card with a carousel of related stories, each story shown once, read from the article
//! data a news page already carries. The core is plain Rust (extraction, dedupe, the view tree,
//! HTML); only [`web`] touches the browser, and only in the WebAssembly build.
//!
//! The one way a story is made is [`pipeline`]; its [`Options`] are read by one set of rules.
//!
//! ```
//! let data: storycard::Json = serde_json::from_str(r#"{
//!   "article": { "headline": "US abandons conflict resolution, resumes aid to Ukraine" },
//!   "related": [{ "headline": "Ukraine and expectations after the mineral agreement with the US" }]
//! }"#).unwrap();
//! let options = storycard::Options { max: 5, ..Default::default() };
//! let story = storycard::story(&data, &options).unwrap();
//! assert_eq!(story.related.len(), 1);
//! ```

#![deny(missing_docs)]

/// Everything but the carousel's arithmetic, left out of the WebAssembly module built with the
/// `behaviour` feature (`storycard_behaviour`: what a server-rendered card needs to work before
/// the widget's own module has loaded; natively the feature changes nothing).
macro_rules! widget {
    ($($item:item)*) => {
        $(#[cfg(not(all(target_arch = "wasm32", feature = "behaviour")))] $item)*
    };
}

pub mod carousel;

widget! {
    pub mod dates;
    pub mod dedupe;
    pub mod detail;
    pub mod error;
    pub mod extract;
    pub mod html;
    pub mod i18n;
    pub mod json;
    pub mod markup;
    pub mod memory;
    pub mod model;
    pub mod options;
    pub mod page;
    pub mod pipeline;
    pub mod server;
    pub mod similar;
    pub mod text;
    pub mod unicode;
    pub mod url;
    pub mod view;
    pub mod vocabulary;
    #[cfg(target_arch = "wasm32")]
    pub mod web;

    pub use dedupe::Story;
    pub use error::{Error, Warning};
    pub use json::Json;

    pub use options::{Options, DEFAULT_MAX};

    /// The story a card shows for article data (a data island's JSON) under `options`:
    /// [`pipeline::story`] of [`pipeline::Input::Data`], relative addresses resolved against
    /// `options.url`.
    pub fn story(data: &Json, options: &Options) -> Result<Story, Error> {
        pipeline::story(pipeline::Input::Data(data), options, None)
    }
}

#[cfg(any(not(target_arch = "wasm32"), feature = "edge"))]
pub mod page_html;

/// The carousel's arithmetic alone, for the element module to give a server-rendered card its
/// behaviour before the widget's module has loaded.
#[cfg(all(target_arch = "wasm32", feature = "behaviour"))]
#[path = "web/carousel.rs"]
mod behaviour;
