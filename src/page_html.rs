//! The native HTML reader: the same [`Page`] the browser layer builds from the live document,
//! built from HTML text (for the fixture tests, and for rendering on a server).

use scraper::{ElementRef, Html, Selector};

use crate::error::Error;
use crate::json::Json;
use crate::page::{Document, Page, Tree};
use crate::pipeline::Input;

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

    fn parent_element(&self) -> Option<Self> {
        self.parent().and_then(ElementRef::wrap)
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

/// A page's HTML read as the `<story-card>` element in it reads it: the options its attributes
/// give, and the data island its `source` names, or else the page itself.
pub struct HtmlPage {
    doc: Html,
    url: Option<String>,
}

impl HtmlPage {
    /// Parses `html`, served from `url`.
    pub fn parse(html: &str, url: Option<&str>) -> HtmlPage {
        HtmlPage {
            doc: Html::parse_document(html),
            url: url.map(str::to_owned),
        }
    }

    /// The options of the page's first `<story-card>` element, as the JSON object of option
    /// names its attributes stand for ([`crate::Options::attributes_json`]); an empty object
    /// when the page has none.
    pub fn element_options(&self) -> Json {
        let doc = &self.doc;
        match Document::select(&doc, "story-card")
            .unwrap_or_default()
            .first()
        {
            Some(el) => crate::Options::attributes_json(el.value().attrs()),
            None => Json::object(),
        }
    }

    /// The base of the page's relative addresses: its `<base href>`, else its address.
    pub fn base(&self) -> Option<String> {
        crate::page::base_of(&&self.doc, self.url.as_deref())
    }

    /// The data island `selector` names, parsed as the browser's `JSON.parse` parses it; the
    /// widget's errors when the selector is not valid, matches nothing or the text is not JSON.
    pub fn island(&self, selector: &str) -> Result<Json, Error> {
        let css = Selector::parse(selector).map_err(|_| Error::BadSelector(selector.into()))?;
        let island = self
            .doc
            .select(&css)
            .next()
            .ok_or_else(|| Error::SourceNotFound(selector.into()))?;
        let text: String = ElementRef::text(&island).collect();
        serde_json::from_str(&text).map_err(|e| Error::InvalidJson(e.to_string()))
    }

    /// What the card is made from under `options`, as the element reads it: the data island its
    /// `source` names (relative addresses against [`HtmlPage::base`]), else the page itself
    /// (against `options.url`), given to `make` with the base.
    pub fn input<T>(
        &self,
        options: &crate::Options,
        make: impl FnOnce(Input, Option<&str>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        match &options.source {
            Some(selector) => make(Input::Data(&self.island(selector)?), self.base().as_deref()),
            None => make(Input::Page(&self.page(options.related.as_deref())?), None),
        }
    }

    /// The page as the widget reads one without data, `related` naming its related lists.
    pub fn page(&self, related: Option<&str>) -> Result<Page, Error> {
        let doc = &self.doc;
        let light = Document::select(&doc, "story-card").unwrap_or_default();
        Page::read(&doc, self.url.as_deref(), related, &light)
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

    /// The byline, the time and the signature the page gives `body`.
    fn read(body: &str) -> (Option<String>, Option<String>, Option<String>) {
        let page = Page::from_html(
            &["<html><body>", body, "</body></html>"].concat(),
            None,
            None,
        )
        .unwrap();
        (page.byline, page.time, page.signature)
    }

    #[test]
    fn bylines_and_dates_come_from_the_article_not_from_other_stories_or_ads() {
        let related = r#"<aside class="related"><article><h3>Another story</h3>
            <span class="byline">By Someone Else</span><time datetime="2020-01-01">1 Jan</time>
            </article></aside>"#;
        let ad = r#"<div class="ad-slot"><span class="author">Sponsor Person</span></div>"#;
        let comments = r#"<section id="comments"><span class="byline">By A Reader</span>
            <time datetime="2021-02-02">2 Feb</time></section>"#;
        let footer = r#"<footer><span class="author">Site Owner</span></footer>"#;
        let article = r#"<article><header><h1>The story</h1><p class="byline">By Jane Doe</p>
            <time datetime="2025-05-03T10:00:00Z">3 May</time></header><p>Text.</p>
            <footer><span>Filed under news</span></footer></article>"#;
        for noise in [related, ad, comments, footer] {
            let (byline, time, _) = read(&[noise, article].concat());
            assert_eq!(byline.as_deref(), Some("By Jane Doe"), "{noise}");
            assert_eq!(time.as_deref(), Some("2025-05-03T10:00:00Z"), "{noise}");
            // With only the noise, nothing.
            let (byline, time, _) = read(&["<h1>The story</h1>", noise].concat());
            assert_eq!((byline, time), (None, None), "{noise}");
        }
    }

    #[test]
    fn a_drupal_field_of_the_author_is_a_byline() {
        let field = |class: &str| {
            read(&format!(
                r#"<article><h1>The story</h1><div class="meta"><div class="{class}"><a href="/autor/jil-schuller">Jil Schuller</a></div></div><p>Text.</p></article>"#
            ))
            .0
        };
        for class in [
            "field field--name-field-tag-author field--type-entity-reference",
            "field field--name-field-author field__item",
        ] {
            assert_eq!(field(class).as_deref(), Some("Jil Schuller"), "{class}");
        }
        // (another of its fields is no byline)
        assert_eq!(field("field field--name-field-tags"), None);
    }

    #[test]
    fn a_dateline_is_an_element_whose_class_says_date_but_not_update() {
        let dateline = |body: &str| {
            Page::from_html(
                &["<html><body><h1>The story</h1>", body, "</body></html>"].concat(),
                None,
                None,
            )
            .unwrap()
            .dateline
        };
        assert_eq!(
            dateline(r#"<p><span class="news-list-date">12. Januar 2022,</span></p>"#).as_deref(),
            Some("2022-01-12")
        );
        assert_eq!(
            dateline(r#"<p><span class="last-updated-date">12. Januar 2022</span></p>"#),
            None,
            "an update is not the publication"
        );
        // A date after its label, in the element after it or in the text after it.
        for body in [
            r#"<div class="docData"><span class="label">Ausgabejahr</span> <span class="value">2022</span><br><span class="label">Datum</span> <span class="value">25.01.2022</span></div>"#,
            r#"<div class="block"><span class="x">Datum:</span> 25.01.2022 <br><span class="x">Autor:</span> Fritz Imhof</div>"#,
            r#"<dl><dt>Published</dt><dd>January 25, 2022</dd></dl>"#,
        ] {
            assert_eq!(dateline(body).as_deref(), Some("2022-01-25"), "{body}");
        }
        assert_eq!(
            dateline(r#"<div><span>Ausgabejahr</span> <span>25.01.2022</span></div>"#),
            None,
            "a date under another label"
        );
        // A line that begins with the words a date follows, and a theme's post meta line.
        for body in [
            r#"<div style="text-align:left">Pressemitteilung vom 25.01.2022</div>"#,
            r#"<div class="meta">Posted on January 25, 2022 by Adi Tzlil</div>"#,
            r#"<div class="post_meta"><span class="dot">&sdot;</span> January 25, 2022</div>"#,
        ] {
            assert_eq!(dateline(body).as_deref(), Some("2022-01-25"), "{body}");
        }
    }

    #[test]
    fn the_articles_region_is_around_its_own_h1_not_the_sites() {
        // A greeting's `<h1>` before the article's own, whose date is beside it in a block a
        // class calls a teaser (which, seen from the greeting, would be another story).
        let page = Page::from_html(
            r#"<html><body><div class="welcome"><h1>Liebe Handballfans,</h1></div>
            <main><section class="news"><figure class="teaser"><figcaption>
            <div class="info"><span class="date">02.02.2022</span></div>
            <h1>Erneuter Verzicht auf Regionallehrgang</h1></figcaption></figure></section></main>
            </body></html>"#,
            None,
            None,
        )
        .unwrap();
        assert_eq!(page.dateline.as_deref(), Some("2022-02-02"));
        assert_eq!(
            page.h1.as_deref(),
            Some("Erneuter Verzicht auf Regionallehrgang")
        );
        // A post typed as a CreativeWork (a WordPress theme's markup) is the article.
        let body = r#"<article itemscope itemtype="https://schema.org/CreativeWork">
            <h1 itemprop="headline">The story</h1><time itemprop="datePublished"
            datetime="2019-10-19T17:05:55+00:00">October 19, 2019</time></article>"#;
        let (_, time, _) = read(body);
        assert_eq!(time.as_deref(), Some("2019-10-19T17:05:55+00:00"));
    }

    #[test]
    fn the_headline_is_the_articles_h1_without_its_kicker() {
        let h1 = |body: &str| {
            Page::from_html(
                &[
                    r#"<html><body><h1><a href="/">Site</a></h1><main>"#,
                    body,
                    "</main></body></html>",
                ]
                .concat(),
                None,
                None,
            )
            .unwrap()
            .h1
        };
        let headline = "Autohäuser rechnen mit langsamem Anlaufen des Geschäfts";
        // (a kicker the class names, a separator the class names, a first child in emphasis)
        for body in [
            r#"<h1> <span class="dachzeile ">Nach Corona-Lockerungen</span> <span class="headline ">Autohäuser rechnen mit langsamem Anlaufen des Geschäfts</span> </h1>"#,
            r#"<h1><span class="article-title__kicker">Nach Corona-Lockerungen</span><span class="article-title__separator">: </span><span>Autohäuser rechnen mit langsamem Anlaufen des Geschäfts</span></h1>"#,
            r#"<h1><span class="ts-overline">Nach Corona-Lockerungen </span><span>: </span><span>Autohäuser rechnen mit langsamem Anlaufen des Geschäfts</span></h1>"#,
            r#"<h1><em>Nach Corona-Lockerungen </em>Autohäuser rechnen mit langsamem Anlaufen des Geschäfts</h1>"#,
            r#"<h1><span class="post-title" itemprop="headline"><small>Nach Corona-Lockerungen</small><br>Autohäuser rechnen mit langsamem Anlaufen des Geschäfts</span></h1>"#,
        ] {
            assert_eq!(h1(body).as_deref(), Some(headline), "{body}");
        }
        // Emphasis inside the headline, or a headline too short to follow a kicker, stays.
        assert_eq!(
            h1("<h1>Why <em>Dune</em> keeps its fans</h1>").as_deref(),
            Some("Why Dune keeps its fans")
        );
        assert_eq!(
            h1("<h1><em>Review:</em> Dune</h1>").as_deref(),
            Some("Review: Dune")
        );
    }

    #[test]
    fn an_image_credit_in_microdata_is_not_the_author() {
        let page = Page::from_html(
            r#"<article itemscope itemtype="https://schema.org/NewsArticle"><h1>The story</h1>
               <meta itemprop="author" content="Jane Doe">
               <figure itemprop="image" itemscope itemtype="https://schema.org/ImageObject">
               <meta itemprop="author" content="(Image: Getty Images)"></figure></article>"#,
            None,
            None,
        )
        .unwrap();
        assert_eq!(page.metas, [("author".to_owned(), "Jane Doe".to_owned())]);
    }

    #[test]
    fn the_authors_of_a_cited_work_are_not_the_articles() {
        // (a journal's reference list marks each cited work up as an article of its own)
        let page = Page::from_html(
            r#"<article itemscope itemtype="https://schema.org/ScholarlyArticle"><h1>A study</h1>
               <meta itemprop="author" content="Marwan H. Adwan">
               <ol><li itemprop="citation" itemscope itemtype="http://schema.org/ScholarlyArticle">
               <meta itemprop="author" content="H. Peyriere, "></li></ol></article>"#,
            None,
            None,
        )
        .unwrap();
        assert_eq!(
            page.metas,
            [("author".to_owned(), "Marwan H. Adwan".to_owned())]
        );
    }

    #[test]
    fn a_paragraph_all_in_bold_at_either_end_of_the_story_is_its_signature() {
        let story = |first: &str, last: &str| {
            [
                "<h1>The story</h1><div class=\"body\">",
                first,
                "<p>The first paragraph of the story.</p><p>The last one.</p>",
                last,
                "</div>",
            ]
            .concat()
        };
        let signed = "<p><strong>Lê Phương</strong></p>";
        assert_eq!(read(&story("", signed)).2.as_deref(), Some("Lê Phương"));
        assert_eq!(read(&story(signed, "")).2.as_deref(), Some("Lê Phương"));
        // Bold inside a paragraph, or a bold paragraph in the middle, is no signature.
        let middle = "<h1>The story</h1><div><p>One.</p><p><b>Read more</b></p><p>Two.</p></div>";
        assert_eq!(read(middle).2, None);
        let inline = story("", "<p><strong>Lê Phương</strong> reports.</p>");
        assert_eq!(read(&inline).2, None);
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
