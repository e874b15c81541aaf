//! The story as plain data: what every source is read into and what the views are built from.
//!
//! [`crate::detail`] turns these back into JSON with the schema.org names the data island uses, so
//! the `storycard:ready` event hands a site developer back the vocabulary they wrote.

/// A person (or organization) credited for a story.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Person {
    /// The name as it is shown in the byline.
    pub name: String,
    /// A profile page, when the data gives one.
    pub url: Option<String>,
}

/// An image with the size that reserves its space before it loads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Image {
    /// Where the image is: an `http(s)` or relative URL.
    pub url: String,
    /// Intrinsic width in pixels.
    pub width: Option<u32>,
    /// Intrinsic height in pixels.
    pub height: Option<u32>,
    /// Alternative text; empty when the image is decorative.
    pub alt: Option<String>,
}

/// The article the card shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// The headline, as plain text.
    pub headline: String,
    /// The article's own address.
    pub url: Option<String>,
    /// Every credited author, in order.
    pub authors: Vec<Person>,
    /// Publication date and time as given (ISO 8601 expected).
    pub date_published: Option<String>,
    /// The lede.
    pub description: Option<String>,
    /// The full text, one string a paragraph.
    pub body: Vec<String>,
    /// The lead image.
    pub image: Option<Image>,
    /// The section or desk, such as "World".
    pub section: Option<String>,
    /// The language of the article as a BCP 47 tag.
    pub language: Option<String>,
    /// The publication or site name.
    pub publisher: Option<String>,
}

/// One related story.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Related {
    /// The headline, as plain text.
    pub headline: String,
    /// Where the story is.
    pub url: Option<String>,
    /// A one-line summary.
    pub description: Option<String>,
    /// Every credited author, in order.
    pub authors: Vec<Person>,
    /// A thumbnail.
    pub image: Option<Image>,
    /// Publication date as given.
    pub date_published: Option<String>,
    /// Where the entry stood in the input list (0-based), before anything was removed.
    pub position: usize,
}
