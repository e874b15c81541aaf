//! The native HTML reader: the same [`Page`] the browser layer builds from the live document,
//! built from HTML text (for the fixture tests, and for rendering on a server).

use scraper::{ElementRef, Html, Selector};

use crate::error::Error;
use crate::page::{Document, Page, Tree};

impl Tree for ElementRef<'_> {
    fn tag(&self) -> String {
        self.value().name().to_ascii_lowercase()
    }

    fn attr(&self, name: &str) -> Option<String> {
        self.value().attr(name).map(str::to_owned)
    }

    fn first_child_element(&self) -> Option<Self> {
        self.child_elements().next()
    }

    fn next_sibling_element(&self) -> Option<Self> {
        self.next_siblings().find_map(ElementRef::wrap)
    }

    fn text(&self) -> String {
        ElementRef::text(self).collect()
    }
}

impl<'a> Document for &'a Html {
    type El = ElementRef<'a>;

    fn select(&self, css: &str) -> Option<Vec<ElementRef<'a>>> {
        let selector = Selector::parse(css).ok()?;
        Some(Html::select(self, &selector).collect())
    }

    fn root(&self) -> Option<ElementRef<'a>> {
        Some(self.root_element())
    }
}

impl Page {
    /// Reads a page's HTML. `url` is the address it was served from; `related` the CSS selector
    /// list of its related-link containers (the `related` attribute). Links inside
    /// `<story-card>` elements are related candidates too. Fails only when `related`
    /// is not a valid selector.
    ///
    /// ```
    /// let page = storycard::page::Page::from_html(
    ///     r#"<html lang="vi"><head><title>Tin | Báo</title>
    ///        <meta property="og:title" content="Tin mới"></head>
    ///        <body><ul class="rel"><li><a href="/a">Một tin liên quan khác</a></li></ul></body></html>"#,
    ///     Some("https://bao.example/x"),
    ///     Some(".rel"),
    /// ).unwrap();
    /// assert_eq!(page.meta("og:title"), Some("Tin mới"));
    /// assert_eq!(page.related[0].url, "/a");
    /// ```
    pub fn from_html(html: &str, url: Option<&str>, related: Option<&str>) -> Result<Page, Error> {
        let doc = Html::parse_document(html);
        let doc = &doc;
        let light = Document::select(&doc, "story-card").unwrap_or_default();
        Page::read(&doc, url, related, &light)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_that_is_one_link_is_a_story() {
        let page = Page::from_html(
            r#"<div class="more"><p><a href="/a">A first linked story here</a></p>
               <p><a href="/b">A second linked story here</a></p></div>"#,
            None,
            Some(".more"),
        )
        .unwrap();
        let headlines: Vec<_> = page.related.iter().map(|r| r.headline.as_str()).collect();
        assert_eq!(
            headlines,
            ["A first linked story here", "A second linked story here"]
        );
    }

    #[test]
    fn an_invalid_related_selector_is_an_error() {
        assert_eq!(
            Page::from_html("<p>x</p>", None, Some("ul[")),
            Err(Error::BadSelector("ul[".into()))
        );
    }

    #[test]
    fn json_ld_past_the_byte_budget_is_not_read() {
        let block = |n: usize| {
            [
                r#"<script type="application/ld+json">{"@type":"Thing","name":""#,
                &"x".repeat(n),
                r#""}</script>"#,
            ]
            .concat()
        };
        let half = crate::page::MAX_JSON_LD_BYTES / 2;
        let html = [block(half), block(half), block(10)].concat();
        let page = Page::from_html(&html, None, None).unwrap();
        let read: Vec<bool> = page.json_ld.iter().map(Option::is_some).collect();
        assert_eq!(
            read,
            [true, false, true],
            "the second takes it past; the third fits"
        );
    }
}
