//! The story as plain data: what every source is read into and what the views are built from.
//!
//! They serialize (serde) with the schema.org names the data island uses, so the `storycard:ready`
//! event hands a site developer back the vocabulary they wrote ([`crate::detail`]).

use serde::Serialize;

/// A person (or organization) credited for a story.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    /// The name as it is shown in the byline.
    pub name: String,
    /// A profile page, when the data gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An image with the size that reserves its space before it loads.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Image {
    /// Where the image is: an `http(s)` or relative URL.
    pub url: String,
    /// Intrinsic width in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// Intrinsic height in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Alternative text; empty when the image is decorative.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
}

/// The article the card shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// The headline, as plain text.
    pub headline: String,
    /// The article's own address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Every credited author, in order.
    #[serde(rename = "author")]
    pub authors: Vec<Person>,
    /// Publication date and time as given (ISO 8601 expected).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    /// The lede.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The full text, one string a paragraph.
    #[serde(rename = "articleBody")]
    pub body: Vec<String>,
    /// The lead image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    /// The section or desk, such as "World".
    #[serde(rename = "articleSection", skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The language of the article as a BCP 47 tag.
    #[serde(rename = "inLanguage", skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The publication or site name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
}

/// One related story.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Related {
    /// The headline, as plain text.
    pub headline: String,
    /// Where the story is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A one-line summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Every credited author, in order.
    #[serde(rename = "author")]
    pub authors: Vec<Person>,
    /// A thumbnail.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    /// Publication date as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_published: Option<String>,
    /// Where the entry stood in the input list (0-based), before anything was removed.
    #[serde(skip)]
    pub position: usize,
}
