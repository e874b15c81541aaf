//! What the widget reads from a page, as plain data. The browser layer fills it from the live
//! document and the native reader from HTML text, so extraction is the same code in both; the
//! one piece of tree walking both need, finding the stories in a related-links container, is
//! written once over the [`Tree`] trait.

use crate::text::clean;
use crate::url::safe_href;

/// The parts of a page the extractors read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The page's address.
    pub url: Option<String>,
    /// The base for relative URLs: `<base href>` resolved against the address, else the address.
    pub base: Option<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// `<html dir>`.
    pub dir: Option<String>,
    /// The text of `<title>`.
    pub title: Option<String>,
    /// The text of the first `<h1>`.
    pub h1: Option<String>,
    /// The visible byline: the text of the first of `[itemprop~=author] [itemprop~=name]`,
    /// `[itemprop~=author]`, `a[rel~=author]`, `.byline .author`, `.author-name`, `.byline`.
    pub byline: Option<String>,
    /// A publication date written out in the page's text: the first of
    /// `[itemprop~=datePublished]`, `time`, `.post-timestamp`, `.publishdate`, `.published`,
    /// `.post-date`, `.entry-date`, `.date`, `.dateline` whose text holds a date
    /// ([`crate::text::date_in_text`]), as an ISO 8601 date.
    pub dateline: Option<String>,
    /// The page's publication time from its markup: the `datetime` (or `title`) of the first of
    /// `[itemprop~=datePublished]`, `time[pubdate]`, `article time`, `time` that has one.
    pub time: Option<String>,
    /// Every `<meta>` with content, as (key, content): the key is its `property`, `name`,
    /// `itemprop` or `http-equiv`, lowercased, in document order; microdata values given as
    /// `content` on other elements, and the text of the page's `itemprop=headline` element (when
    /// there is exactly one) as `headline`.
    pub metas: Vec<(String, String)>,
    /// Every `<link rel href>`, as (rel lowercased, href).
    pub links: Vec<(String, String)>,
    /// The text of each `<script type="application/ld+json">`, in document order.
    pub json_ld: Vec<String>,
    /// Related-story candidates from the page's own link lists, in document order.
    pub related: Vec<LinkItem>,
}

impl Page {
    /// The content of the first `<meta>` with `key` (lowercase) that is not empty.
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.metas
            .iter()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// The href of the first `<link>` whose `rel` holds `rel`.
    pub fn link(&self, rel: &str) -> Option<&str> {
        self.links
            .iter()
            .find(|(r, _)| r.split_ascii_whitespace().any(|r| r == rel))
            .map(|(_, h)| h.as_str())
    }
}

/// One story link found in a related-links container.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkItem {
    /// The link's href as written (relative URLs resolve later).
    pub url: String,
    /// A heading inside the item, else its longest link text.
    pub headline: String,
    /// The item's first paragraph outside the headline.
    pub summary: Option<String>,
    /// The item's first image.
    pub image: Option<String>,
}

/// An element of a document tree, as both the browser and the native HTML reader can give it.
pub trait Tree: Sized {
    /// The tag name, lowercase.
    fn tag(&self) -> String;
    /// An attribute's value.
    fn attr(&self, name: &str) -> Option<String>;
    /// The child elements, in order.
    fn children(&self) -> Vec<Self>;
    /// All text below the element.
    fn text(&self) -> String;
}

/// The stories in a related-links container: each is the largest part of the tree that links to
/// exactly one address. Its headline is a heading inside it, else its longest link text; its
/// summary the first paragraph that is not that headline; its image the first `<img>`. Links
/// that are not `http(s)` or relative, and "headlines" under three words, are left out.
pub fn link_items<T: Tree>(container: &T) -> Vec<LinkItem> {
    let mut out = Vec::new();
    collect(container, &mut out);
    out
}

fn hrefs<T: Tree>(el: &T, out: &mut Vec<String>) {
    if el.tag() == "a" {
        if let Some(href) = el.attr("href").as_deref().and_then(safe_href) {
            if !href.starts_with('#') && !out.contains(&href) {
                out.push(href);
            }
        }
    }
    for c in el.children() {
        hrefs(&c, out);
    }
}

fn collect<T: Tree>(el: &T, out: &mut Vec<LinkItem>) {
    let mut urls = Vec::new();
    hrefs(el, &mut urls);
    match urls.len() {
        0 => {}
        1 => {
            if let Some(item) = item(el, urls.swap_remove(0)) {
                out.push(item);
            }
        }
        _ => {
            for c in el.children() {
                collect(&c, out);
            }
        }
    }
}

#[derive(Default)]
struct Found {
    heading: Option<String>,
    link_text: String,
    paragraphs: Vec<String>,
    image: Option<String>,
}

fn walk<T: Tree>(el: &T, found: &mut Found) {
    let tag = el.tag();
    match tag.as_str() {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if found.heading.is_none() => {
            found.heading = Some(clean(&el.text())).filter(|t| !t.is_empty());
        }
        "a" => {
            let t = clean(&el.text());
            if t.chars().count() > found.link_text.chars().count() {
                found.link_text = t;
            }
        }
        "p" => found.paragraphs.push(clean(&el.text())),
        "img" if found.image.is_none() => {
            found.image = ["src", "data-src"]
                .iter()
                .filter_map(|a| el.attr(a))
                .find_map(|s| safe_href(&s).filter(|s| !s.starts_with("data:")));
        }
        _ => {}
    }
    if !matches!(tag.as_str(), "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
        for c in el.children() {
            walk(&c, found);
        }
    }
}

fn item<T: Tree>(el: &T, url: String) -> Option<LinkItem> {
    let mut found = Found::default();
    walk(el, &mut found);
    let headline = found.heading.unwrap_or(found.link_text);
    if headline.split_whitespace().count() < 3 {
        return None;
    }
    let summary = found
        .paragraphs
        .into_iter()
        .find(|p| !p.is_empty() && *p != headline && p.chars().count() > 20);
    Some(LinkItem {
        url,
        headline,
        summary,
        image: found.image,
    })
}
