//! The one error type of the crate, and the warnings that lenient reading collects.

use crate::text::{cat, decimal};
use std::fmt;

/// Why a story could not be shown. Each message is short, lowercase, and written for the site
/// developer who has to fix the page; the reader sees a localized notice instead.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// Occurs when the widget was given neither a `source` selector nor `data`.
    NoSource,
    /// Occurs when the `source` attribute is not a valid CSS selector.
    BadSelector(String),
    /// Occurs when the `source` selector matches no element in the page.
    SourceNotFound(String),
    /// Occurs when the data island's text is not valid JSON; holds the parser's message.
    InvalidJson(String),
    /// Occurs when a value has the wrong JSON type, such as an `article` that is an array.
    WrongShape {
        /// Where the value is, such as `related[2]`.
        path: String,
        /// What it must be, such as "an object".
        expected: &'static str,
        /// What it is, such as "a string", or "missing".
        found: &'static str,
    },
    /// Occurs when the article has no headline, or only white space.
    MissingHeadline,
    /// Occurs when a page without a data island gives no headline in any source.
    PageWithoutHeadline,
    /// Occurs when the data needs more memory than the widget may use
    /// ([`crate::memory::limit`]): reading stopped, and what it made is freed.
    OutOfMemory {
        /// What was being read, such as `related[15123]`.
        at: String,
        /// The limit, in bytes.
        limit: usize,
    },
    /// Occurs when the browser refuses to build the widget's elements; holds its message.
    Render(String),
}

impl Error {
    /// The message for the site developer, as `Display` shows it.
    ///
    /// Built by concatenation rather than `format!`, which keeps the formatting machinery out of
    /// the WebAssembly module.
    pub fn message(&self) -> String {
        match self {
            Error::NoSource => "no article data: set the source attribute to the selector of a \
                 <script type=\"application/json\"> element, or pass data to mount()"
                .into(),
            Error::BadSelector(s) => cat(&["source \"", s, "\" is not a valid CSS selector"]),
            Error::SourceNotFound(s) => cat(&["no element in the page matches source \"", s, "\""]),
            Error::InvalidJson(m) => cat(&["the article data is not valid JSON: ", m]),
            Error::WrongShape {
                path,
                expected,
                found,
            } => cat(&[path, " must be ", expected, ", found ", found]),
            Error::MissingHeadline => "article.headline is missing or empty".into(),
            Error::PageWithoutHeadline => "no headline in the page: looked for a JSON-LD Article \
                 headline, og:title, twitter:title, dc.title, <title> and <h1>"
                .into(),
            Error::OutOfMemory { at, limit } => cat(&[
                "the article data needs more memory than the widget may use (",
                &decimal(limit >> 20),
                " MiB): it stopped reading at ",
                at,
            ]),
            Error::Render(m) => cat(&["the widget could not be rendered: ", m]),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {}

/// Something in the data that was ignored so the rest could be shown: a related entry without a
/// headline, a field of the wrong type.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Warning {
    /// Where in the data, such as `related[4].headline`.
    pub path: String,
    /// What was wrong and what the widget did about it.
    pub message: String,
}

impl Warning {
    /// `path: message`, as `Display` shows it.
    pub fn line(&self) -> String {
        cat(&[&self.path, ": ", &self.message])
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line())
    }
}
