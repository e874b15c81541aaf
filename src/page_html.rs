//! The native HTML reader: the same [`Page`] the browser layer builds from the live document,
//! built from HTML text (for the fixture tests, and for rendering on a server).

use scraper::{ElementRef, Html, Selector};

use crate::page::{link_items, Page, Tree};
use crate::url::absolute;

impl Tree for ElementRef<'_> {
    fn tag(&self) -> String {
        self.value().name().to_ascii_lowercase()
    }

    fn attr(&self, name: &str) -> Option<String> {
        self.value().attr(name).map(str::to_owned)
    }

    fn children(&self) -> Vec<Self> {
        self.child_elements().collect()
    }

    fn text(&self) -> String {
        ElementRef::text(self).collect()
    }
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    match Selector::parse(css) {
        Ok(s) => doc.select(&s).collect(),
        Err(_) => Vec::new(),
    }
}

impl Page {
    /// Reads a page's HTML. `url` is the address it was served from; `related` the CSS selectors
    /// of its related-link containers (the `related` attribute). Links inside `<story-card>`
    /// elements are related candidates too.
    ///
    /// ```
    /// let page = storycard::page::Page::from_html(
    ///     r#"<html lang="vi"><head><title>Tin | Báo</title>
    ///        <meta property="og:title" content="Tin mới"></head>
    ///        <body><ul class="rel"><li><a href="/a">Một tin liên quan khác</a></li></ul></body></html>"#,
    ///     Some("https://bao.example/x"),
    ///     &[".rel"],
    /// );
    /// assert_eq!(page.meta("og:title"), Some("Tin mới"));
    /// assert_eq!(page.related[0].url, "/a");
    /// ```
    pub fn from_html(html: &str, url: Option<&str>, related: &[&str]) -> Page {
        let doc = Html::parse_document(html);
        let text = |el: &ElementRef| crate::text::clean(&ElementRef::text(el).collect::<String>());
        let first_text = |css: &str| {
            select(&doc, css)
                .first()
                .map(text)
                .filter(|t| !t.is_empty())
        };
        let root = doc.root_element();
        let base = select(&doc, "base[href]")
            .first()
            .and_then(|b| b.value().attr("href"))
            .map(|h| absolute(h, url))
            .or_else(|| url.map(str::to_owned));
        let byline = [
            "[itemprop~=author] [itemprop~=name]",
            "[itemprop~=author]",
            "a[rel~=author]",
            ".byline .author",
            ".author-name",
            ".byline",
        ]
        .iter()
        .find_map(|css| first_text(css));
        let time = [
            ("[itemprop~=datePublished][datetime]", "datetime"),
            ("[itemprop~=datePublished][title]", "title"),
            ("time[pubdate][datetime]", "datetime"),
            ("article time[datetime]", "datetime"),
            ("time[datetime]", "datetime"),
        ]
        .iter()
        .find_map(|(css, attr)| {
            select(&doc, css)
                .first()?
                .value()
                .attr(attr)
                .map(str::to_owned)
        });
        let dateline = [
            "[itemprop~=datePublished]",
            "time",
            ".post-timestamp",
            ".publishdate",
            ".published",
            ".post-date",
            ".entry-date",
            ".date",
            ".dateline",
        ]
        .iter()
        .find_map(|css| {
            select(&doc, css)
                .iter()
                .find_map(|el| crate::text::date_in_text(&text(el)))
        });
        let mut metas = Vec::new();
        // `<meta>`, and microdata values given as `content` on any element.
        for m in select(&doc, "meta[content], [itemprop][content]") {
            let v = m.value();
            let key = ["property", "name", "itemprop", "http-equiv"]
                .iter()
                .find_map(|a| v.attr(a));
            if let (Some(key), Some(content)) = (key, v.attr("content")) {
                metas.push((key.trim().to_ascii_lowercase(), content.to_owned()));
            }
        }
        // A microdata headline is usually the element's text, not a `content` attribute. Only
        // the page's one headline counts: feeds and lists mark every item's headline too.
        if let [h] = select(&doc, "[itemprop~=headline]:not([content])").as_slice() {
            metas.push(("headline".to_owned(), text(h)));
        }
        let links = select(&doc, "link[rel][href]")
            .iter()
            .filter_map(|l| {
                Some((
                    l.value().attr("rel")?.to_ascii_lowercase(),
                    l.value().attr("href")?.to_owned(),
                ))
            })
            .collect();
        let json_ld = select(&doc, "script")
            .iter()
            .filter(|s| {
                s.value()
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            })
            .map(|s| ElementRef::text(s).collect())
            .collect();
        let mut items = Vec::new();
        for css in related.iter().copied().chain(["story-card"]) {
            for container in select(&doc, css) {
                items.extend(link_items(&container));
            }
        }
        Page {
            url: url.map(str::to_owned),
            base,
            lang: root.value().attr("lang").map(str::to_owned),
            dir: root.value().attr("dir").map(str::to_owned),
            title: first_text("title"),
            h1: first_text("h1"),
            byline,
            dateline,
            time,
            metas,
            links,
            json_ld,
            related: items,
        }
    }
}
