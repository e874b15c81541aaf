//! What the widget reads from a page, as plain data. [`Page::read`] builds it over the
//! [`Document`] and [`Tree`] traits, which the browser layer implements on the live DOM and the
//! native reader on parsed HTML text: which elements are read, and how, is written once, so both
//! readers give the same `Page` for the same page.

use crate::error::Error;
use crate::text::clean;
use crate::url::{absolute, safe_href};

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
    /// The text of the article's `<h1>` (the one marked `itemprop=headline`, else the first in
    /// an `<article>`, the main content or `role=main`, else the page's first), without a
    /// kicker set inside it.
    pub h1: Option<String>,
    /// Whether that `<h1>` is one the page marks as the article's (not only the page's first).
    pub h1_marked: bool,
    /// The visible byline: the text of the first of `[itemprop~=author] [itemprop~=name]`,
    /// `[itemprop~=author]`, `a[rel~=author]`, `.byline .author`, `.author-name`, `.byline`
    /// that is in the article's part of the page (not in a related list, comments, an
    /// advertisement, a sidebar or the site's footer) and the article's own (not an image's
    /// microdata author).
    pub byline: Option<String>,
    /// The texts of the links in the visible byline, in order: the authors' names where the
    /// byline links to their pages ("By <a>A</a> and <a>B</a>").
    pub byline_links: Vec<String>,
    /// Whether [`Page::byline`] was found by its words ("By Jane Doe", near the headline) rather
    /// than by an element that says it is a byline: a weaker sign, which does not vouch for a
    /// name that only the page's metadata gives ([`Page::text`] is read for those).
    pub byline_written: bool,
    /// A signature: the text of a paragraph that is all in bold, first or last of the
    /// paragraphs it stands among or after a standfirst in emphasis, in the article's part of
    /// the page (`<p><strong>Lê Phương</strong></p>` at the end of the story, as many sites sign
    /// it).
    pub signature: Option<String>,
    /// A publication date written out in the page's text: the first of the elements `DATELINE`
    /// lists (`[itemprop~=datePublished]`, `time`, a class that says published, a post's or
    /// an entry's date, `.date`, `.dateline`, a timestamp, then any class that says `date`, then
    /// `time`, but not `update`), in the article's part of the page,
    /// whose text holds a date ([`crate::extract::date::iso`]), as ISO 8601.
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
    /// The text of each `<script type="application/ld+json">`, in document order; `None` for a
    /// block that would take the page past [`MAX_JSON_LD_BYTES`], which is not read.
    pub json_ld: Vec<Option<String>>,
    /// Related-story candidates from the page's own link lists, in document order: at most
    /// [`MAX_CANDIDATES`].
    pub related: Vec<LinkItem>,
    /// The text of the page's `<body>`, when it is at most [`MAX_TEXT_BYTES`] and the page has
    /// no visible byline nor signature: a name that only the page's metadata gives is credited
    /// only where the page shows it to its reader too. `None` (a larger page, or none read)
    /// leaves every such name credited.
    pub text: Option<String>,
}

/// How much of a page's text is read to check that a name its metadata gives is one it shows:
/// real article pages have tens of kilobytes of text.
pub const MAX_TEXT_BYTES: usize = 256 * 1024;

/// How many related candidates a page is read for, from its link lists and its JSON-LD
/// together. The carousel shows 20 by default; a page with thousands of related links (an
/// archive, a sitemap in the footer) is read for its first ones only, which keeps reading it
/// within a frame's budget. The rest are counted as not read, with a warning.
pub const MAX_CANDIDATES: usize = 100;

/// How many levels below a related-links container the reader looks. A story's link sits a few
/// levels down in real lists; the bound keeps a page nested thousands deep (script can build one;
/// Chromium renders 2,000 levels) from overflowing the WebAssembly stack, which it did at 2,000
/// (a trap, and no event), and keeps the reading linear in the elements looked at.
pub const MAX_NESTING: usize = 32;

/// How much JSON-LD a page is read for, in bytes, all blocks together. Real article pages carry a
/// few kilobytes (a few hundred with a long `articleBody`); parsing costs about 25 ms a megabyte
/// in the browser. A block that would take the total past this is not read (nor copied into the
/// WebAssembly memory), and extraction warns about it, so a page with megabytes of JSON-LD does
/// not hold up the main thread.
pub const MAX_JSON_LD_BYTES: usize = 512 * 1024;

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

/// A document to read, as both the browser and the native HTML reader can give it.
pub trait Document {
    /// Its elements.
    type El: Tree;
    /// The elements matching a CSS selector list, in document order; `None` when the selector is
    /// invalid.
    fn select(&self, css: &str) -> Option<Vec<Self::El>>;
    /// The root element (`<html>`).
    fn root(&self) -> Option<Self::El>;
}

/// Where the visible byline is, most specific first.
const BYLINE: [&str; 17] = [
    "[itemprop~=author] [itemprop~=name]",
    "[itemprop~=author]",
    "a[rel~=author]",
    ".byline .author",
    ".author-name",
    "[class*=author-name]",
    "[class*=authorname]",
    "[class*=authorName]",
    "[class*=AuthorName]",
    ".byline",
    "[class*=byline]",
    "[class*=Byline]",
    "[data-testid*=byline]",
    // (Drupal's field of the story's author: `field--name-field-author`, `-term-author`)
    "[class*=field--name-field-][class*=author]",
    ".article-author",
    ".post-author",
    ".author",
];

/// Where the publication time is given as an attribute, most specific first.
const TIME: [(&str, &str); 5] = [
    ("[itemprop~=datePublished][datetime]", "datetime"),
    ("[itemprop~=datePublished][title]", "title"),
    ("time[pubdate][datetime]", "datetime"),
    ("article time[datetime]", "datetime"),
    ("time[datetime]", "datetime"),
];

/// Whether `el` or an element in it has a class that says it gives an update (`updated`,
/// `last-update`, but not `published updated`), not the publication. (Only for small elements:
/// it looks at every element in it.)
fn marks_an_update<T: Tree>(el: &T) -> bool {
    el.attr("class").is_some_and(|c| {
        let c = c.to_ascii_lowercase();
        // (WordPress marks its publication date "published updated")
        c.contains("update") && !c.contains("publish")
    }) || el.children().any(|c| marks_an_update(&c))
}

/// The elements a date's label is looked for in ([`labelled_date`]).
const DATE_LABELLED: &str = "span, strong, b, dt, th, label";

/// Labels a page writes before its date, lowercase, without the colon: "<span
/// class=label>Datum</span> <span class=value>18.10.2021</span>".
const DATE_LABELS: [&str; 11] = [
    "datum",
    "date",
    "published",
    "date published",
    "publication date",
    "veröffentlicht",
    "veröffentlicht am",
    "erschienen am",
    "publié le",
    "fecha",
    "publicado",
];

/// The date an element labels (its text one of [`DATE_LABELS`], with or without a colon): the
/// text of the element after it, else the text that follows it in its parent, where that is a
/// date ([`crate::extract::date::iso`]).
fn labelled_date<T: Tree>(label: &T) -> Option<String> {
    use crate::extract::date::iso;
    let said = short_text(label, 24)?;
    let name = said.trim_end_matches(':').trim_end().to_lowercase();
    if !DATE_LABELS.contains(&name.as_str()) {
        return None;
    }
    if let Some(value) = label.next_sibling_element() {
        if let Some(date) = short_text(&value, DATE_PARAGRAPH).and_then(|t| iso(&t)) {
            return Some(date);
        }
    }
    // (the date a text after the label in the same parent: "<span>Datum:</span> 19.11.2021")
    let parent = label.parent_element()?;
    let whole = short_text(&parent, 4 * DATE_PARAGRAPH)?;
    let (_, after) = whole.split_once(said.as_str())?;
    let after: String = after.chars().take(DATE_PARAGRAPH).collect();
    iso(after.trim())
}

/// Words a line begins with before the page's date, lowercase: "Pressemitteilung vom
/// 20.01.2022", "Posted on September 21, 2020 by …".
const DATE_WORDS: [&str; 10] = [
    "pressemitteilung vom",
    "veröffentlicht am",
    "veröffentlichung:",
    "erschienen am",
    "published on",
    "posted on",
    "publié le",
    "mis en ligne le",
    "publicado el",
    "publicado em",
];

/// The date of a short element (at most 80 bytes) whose text begins with [`DATE_WORDS`].
fn date_after_words<T: Tree>(el: &T) -> Option<String> {
    let said = short_text(el, 2 * DATE_PARAGRAPH)?;
    let lower = said.to_lowercase();
    let words = DATE_WORDS.iter().find(|w| lower.starts_with(*w))?;
    let after: String = lower[words.len()..].chars().take(DATE_PARAGRAPH).collect();
    crate::extract::date::iso(after.trim_start_matches([':', ' ']))
}

/// Class words that mark a kicker, the label a site sets above or before a headline inside
/// its `<h1>` ("<span class=dachzeile>Nach Corona-Lockerungen</span> <span>Autohäuser
/// rechnen…</span>"), and the separator set between them (`article-title__separator`).
const KICKER: [&str; 7] = [
    "kicker",
    "overline",
    "dachzeile",
    "topline",
    "roofline",
    "eyebrow",
    "separator",
];

/// The text of the page's `<h1>` without a kicker: an element whose class says it is one
/// ([`KICKER`]), or a first child in emphasis or small print that the headline's own text
/// follows ("<h1><em>Holocaust-Gedenktag </em>Erinnerung an die Opfer…</h1>", also inside a
/// `<span>` or an `<a>` that wraps the whole headline); a colon or a dash left before the
/// headline goes with it. The whole text where what would follow a kicker is under three words.
fn headline_text<T: Tree>(h1: &T) -> String {
    let whole = clean(&h1.text());
    let mut kickers: Vec<T> = Vec::new();
    // (in document order: the stack holds each element's children last first)
    let children = |el: &T, depth: usize| {
        let mut c: Vec<(T, usize)> = el.children().take(16).map(|c| (c, depth)).collect();
        c.reverse();
        c
    };
    let mut stack = children(h1, 1);
    while let Some((el, depth)) = stack.pop() {
        let marked = el.attr("class").is_some_and(|c| {
            let c = c.to_ascii_lowercase();
            KICKER.iter().any(|k| c.contains(k))
        });
        if marked {
            kickers.push(el);
        } else if depth < 3 {
            stack.extend(children(&el, depth + 1));
        }
    }
    if kickers.is_empty() {
        // (a first child in emphasis or small print, the headline's text after it, looked for
        // through a `<span>` or an `<a>` that wraps all of the headline)
        let mut first = h1.first_child_element();
        while let Some(el) = first.clone().filter(|e| {
            matches!(e.tag().as_str(), "span" | "a") && e.next_sibling_element().is_none()
        }) {
            first = el.first_child_element();
        }
        kickers.extend(first.filter(|e| matches!(e.tag().as_str(), "em" | "small" | "strong" | "b")));
    }
    let separator = |c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '|');
    let mut rest = whole.as_str();
    for k in &kickers {
        let said = clean(&k.text());
        let said = said.trim_matches(separator);
        if said.is_empty() {
            continue;
        }
        match rest.strip_prefix(said) {
            Some(after) => rest = after.trim_start_matches(separator),
            None => return whole,
        }
    }
    // (a kicker is a label: the headline after it is the longer part, three words at least)
    if rest.split_whitespace().count() < 3 {
        return whole;
    }
    rest.to_owned()
}

/// The longest paragraph read as a date where no dateline is found: a date written out in
/// full ("Wednesday, September 30, 2020 14:05") and no more.
const DATE_PARAGRAPH: usize = 40;

/// Where a publication date is written out as text, most specific first (near the end, any
/// element whose class says `date`, then `time`: `news-list-date`, `odate`, `h-time`; not an
/// update's, which is no publication; last, a content system's post meta line).
const DATELINE: [&str; 19] = [
    "[itemprop~=datePublished]",
    "time",
    ".post-timestamp",
    ".publishdate",
    ".published",
    "[class*=published]",
    "[class*=publish-date]",
    "[class*=pubdate]",
    ".post-date",
    ".entry-date",
    "[class*=article-date]",
    ".date",
    ".dateline",
    "[class*=timestamp]",
    "[class*=date]:not([class*=update])",
    "[class*=time]:not([class*=update])",
    // (a content system's line of the post's meta: Drupal's "Submitted by … on …", the
    // WordPress theme's `postmetadata`)
    ".submitted",
    "[class*=postmeta]",
    "[class*=post_meta]",
];

impl Page {
    /// Reads a page. `url` is its address; `related` the CSS selector list of its related-link
    /// containers (the `related` attribute); `light` further containers whose links are
    /// candidates (the `<story-card>` element's own children).
    ///
    /// Fails only when `related` is not a valid selector.
    pub fn read<D: Document>(
        doc: &D,
        url: Option<&str>,
        related: Option<&str>,
        light: &[D::El],
    ) -> Result<Page, Error> {
        let all = |css: &str| doc.select(css).unwrap_or_default();
        let text = |el: &D::El| clean(&el.text());
        let first_text = |css: &str| all(css).first().map(text).filter(|t| !t.is_empty());
        let root = doc.root();
        let root_attr = |name: &str| root.as_ref().and_then(|r| r.attr(name));
        let base = base_of(doc, url);
        // Bylines and dates only from the article's part of the page (`outside_article`).
        // (the article's `<h1>`: the one marked as its headline, else the first in an
        // `<article>` or the main content, else the first; a site's own `<h1>` may come first)
        let (headline, h1_marked): (Vec<D::El>, bool) = ["h1[itemprop~=headline]", "article h1", "main h1", "[role=main] h1", "h1"]
            .iter()
            .find_map(|css| all(css).into_iter().next().map(|h| (h, *css != "h1")))
            .map(|(h1, m)| (ancestors(&h1), m))
            .unwrap_or_default();
        let article_h1 = headline
            .first()
            .map(headline_text)
            .filter(|t| !t.is_empty());
        // (an empty marked `<h1>`, a logo's, marks nothing: the page's first is read instead)
        let h1_marked = h1_marked && article_h1.is_some();
        let in_article = |el: &D::El| !outside_article(el, &headline);
        // (looked at one at a time: the first that is in the article ends the search)
        let found = |css: &str| {
            all(css)
                .into_iter()
                .filter(move |el| in_article(el) && of_the_article(el))
        };
        // (the first value `read` gives of an element `css` selects that is the article's)
        let found_where = |css: &str, read: fn(&D::El) -> Option<String>| {
            all(css)
                .iter()
                .filter_map(|el| read(el).filter(|_| in_article(el) && of_the_article(el)))
                .next()
        };
        let (byline, byline_links) = BYLINE
            .iter()
            .find_map(|css| {
                let el = found(css).find(|el| !text(el).is_empty())?;
                let (links, lists) = link_texts(&el);
                let mut said = text(&el);
                for l in &lists {
                    said = said.replace(l.as_str(), " ");
                }
                let said = clean(&said);
                (!said.is_empty()).then_some((Some(said), links))
            })
            .or_else(|| {
                // (a link to the author's page whose address names them: "/author/jane-doe")
                let el = found("a[href*=\"/author/\"]").find(|a| {
                    let said = clean(&text(a));
                    a.attr("href").is_some_and(|href| {
                        crate::extract::byline::name_in_profile(&href, &[said]).is_some()
                    })
                })?;
                let said = clean(&text(&el));
                Some((Some(said.clone()), vec![said]))
            })
            .unwrap_or_default();
        // (else a byline written out near the headline, in no element a selector names, or at
        // the top of the story's body)
        let mine = |el: &D::El| in_article(el) && of_the_article(el);
        let written = byline
            .is_none()
            .then(|| {
                headline
                    .first()
                    .and_then(|h1| byline_in_header(h1, mine))
                    .or_else(|| {
                        let body = ["[itemprop~=articleBody]", "article", "main", "[role=main]"]
                            .iter()
                            .find_map(|css| all(css).into_iter().next())?;
                        byline_before_story(body, mine)
                    })
            })
            .flatten();
        let byline_written = written.is_some();
        let byline = byline.or(written);
        let signature = found("p > strong, p > b").find_map(|bold| {
            let p = bold.parent_element()?;
            let said = text(&bold);
            (!said.is_empty() && text(&p) == said && first_or_last_paragraph(&p)).then_some(said)
        });
        let time = TIME
            .iter()
            .find_map(|(css, attr)| found(css).next()?.attr(attr));
        let dateline = DATELINE
            .iter()
            .find_map(|css| found(css).find_map(|el| crate::extract::date::iso(&text(&el))))
            .or_else(|| {
                // (else a paragraph that is a date and nothing else, "<p>January 18, 2020</p>",
                // and not an update's)
                found("p").find_map(|el| {
                    let said = short_text(&el, DATE_PARAGRAPH)?;
                    (!marks_an_update(&el))
                        .then(|| crate::extract::date::iso(&said))
                        .flatten()
                })
            })
            // (each element's short text read first, and where it is placed only for the few
            // that give a date: a page has thousands of `<span>`s and `<div>`s)
            .or_else(|| found_where(DATE_LABELLED, labelled_date))
            .or_else(|| found_where("p, div", date_after_words));
        let mut metas = Vec::new();
        // `<meta>`, and microdata values given as `content` on any element: the article's own
        // (not an image's author, nor a comment's date).
        for m in all("meta[content], [itemprop][content]") {
            if m.attr("itemprop").is_some() && !(in_article(&m) && of_the_article(&m)) {
                continue;
            }
            let key = ["property", "name", "itemprop", "http-equiv"]
                .iter()
                .find_map(|a| m.attr(a));
            if let (Some(key), Some(content)) = (key, m.attr("content")) {
                metas.push((key.trim().to_ascii_lowercase(), content));
            }
        }
        // A microdata headline is usually the element's text, not a `content` attribute. Only
        // the page's one headline counts: feeds and lists mark every item's headline too.
        if let [h] = all("[itemprop~=headline]:not([content])").as_slice() {
            metas.push(("headline".to_owned(), headline_text(h)));
        }
        let links = all("link[rel][href]")
            .iter()
            .filter_map(|l| Some((l.attr("rel")?.to_ascii_lowercase(), l.attr("href")?)))
            .collect();
        let mut budget = MAX_JSON_LD_BYTES;
        let json_ld = all("script[type]")
            .iter()
            .filter(|s| {
                s.attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            })
            .map(|s| {
                let text = s.text_within(budget)?;
                budget -= text.len();
                Some(text)
            })
            .collect();
        // (needed only where no byline shows a name: see `extract::byline::credit`; a byline
        // element that names no one, a date in a "byline" class, vouches for no name)
        let names_someone = |t: &String| !crate::extract::byline::names(t).is_empty();
        let byline_names = byline_links.iter().any(names_someone)
            || byline.as_ref().is_some_and(names_someone);
        let text = (!byline_names && signature.is_none() || byline_written)
            .then(|| all("body").first()?.text_within(MAX_TEXT_BYTES))
            .flatten();
        let mut containers = match related.map(str::trim).filter(|r| !r.is_empty()) {
            Some(css) => doc
                .select(css)
                .ok_or_else(|| Error::BadSelector(css.into()))?,
            None => Vec::new(),
        };
        containers.extend(light.iter().cloned());
        Ok(Page {
            url: url.map(str::to_owned),
            base,
            lang: root_attr("lang"),
            dir: root_attr("dir"),
            title: first_text("title"),
            h1: article_h1.or_else(|| first_text("h1")),
            h1_marked,
            byline,
            byline_links,
            byline_written,
            signature,
            dateline,
            time,
            metas,
            links,
            json_ld,
            related: link_items(&containers),
            text,
        })
    }
}

/// How many levels above the `<h1>` the reader looks for a byline written out as text ("By
/// <span>Jane Doe</span>", in an element no byline selector names), and how many elements it
/// looks at there; and the most text such an element has.
const WRITTEN_LEVELS: usize = 3;
const WRITTEN_ELEMENTS: usize = 400;
const WRITTEN_TEXT: usize = 160;
/// The text of `el` with its spaces collapsed, when that is at most `limit` bytes. It is read
/// only up to four times that as the page writes it, with the spaces and line breaks of its
/// markup's indentation (a byline of 40 letters in a `<li>` indented over six lines has 300
/// bytes of text before they are collapsed); a longer text is not copied (`Tree::text_within`).
fn short_text<T: Tree>(el: &T, limit: usize) -> Option<String> {
    el.text_within(4 * limit)
        .map(|t| clean(&t))
        .filter(|t| t.len() <= limit)
}

/// A byline written out near the headline `h1`: the first element, in document order, within
/// [`WRITTEN_LEVELS`] above it and before the story's first paragraph (a `<p>` of more than
/// [`WRITTEN_TEXT`] bytes), whose whole text is a byline
/// ([`crate::extract::byline::written_byline`]) and that `mine` says is the article's.
fn byline_in_header<T: Tree>(h1: &T, mine: impl Fn(&T) -> bool) -> Option<String> {
    let top = ancestors(h1)
        .into_iter()
        .skip(1)
        .take(WRITTEN_LEVELS)
        .take_while(|e| !matches!(e.tag().as_str(), "body" | "html"))
        .last()?;
    byline_before_story(top, mine)
}

/// The first element below `top`, in document order and before the story's first paragraph,
/// whose whole text is a byline written out and that `mine` says is the article's.
fn byline_before_story<T: Tree>(top: T, mine: impl Fn(&T) -> bool) -> Option<String> {
    let mut stack = vec![top];
    let mut seen = 0;
    while let Some(el) = stack.pop() {
        seen += 1;
        if seen > WRITTEN_ELEMENTS {
            break;
        }
        if matches!(
            el.tag().as_str(),
            "script" | "style" | "noscript" | "template" | "svg" | "h1" | "figure" | "figcaption"
        ) {
            continue;
        }
        match short_text(&el, WRITTEN_TEXT) {
            Some(text) if text.is_empty() => continue,
            Some(text) if crate::extract::byline::written_byline(&text) && mine(&el) => {
                return Some(innermost_byline(el, text));
            }
            // (a paragraph of the story: the byline is in its header, before the text; a "Von"
            // or a "By" further down names a reviewed book's author, or is a biography)
            None if el.tag() == "p" => break,
            _ => {}
        }
        let children: Vec<T> = el.children().collect();
        stack.extend(children.into_iter().rev());
    }
    None
}

/// The innermost element below `el` (whose text, `text`, is a byline written out) that is a
/// byline too, and its text: a page runs its elements' texts together, and the byline's box
/// may hold its share links as well ("By Michael Hingstonfacebooktwitter").
fn innermost_byline<T: Tree>(el: T, text: String) -> String {
    let mut found = (el, text);
    loop {
        let inner = found.0.children().find_map(|c| {
            let t = short_text(&c, WRITTEN_TEXT)?;
            crate::extract::byline::written_byline(&t).then_some((c, t))
        });
        match inner {
            Some(inner) => found = inner,
            None => return found.1,
        }
    }
}

/// How far up from an element the reader looks for the part of the page it is in.
pub const MAX_ANCESTORS: usize = 64;

/// The element and its ancestors, nearest first, at most [`MAX_ANCESTORS`].
fn ancestors<T: Tree>(el: &T) -> Vec<T> {
    std::iter::successors(Some(el.clone()), T::parent_element)
        .take(MAX_ANCESTORS)
        .collect()
}

/// Words of a class or id that mark a part of the page other than the article: other stories
/// (related, recommended, popular, teasers), comments, advertisements and sponsored content, a
/// sidebar, navigation, newsletters, the site's footer. A word counts when it begins with one of
/// these (`comments`, `related` in `related-articles`)...
const ELSEWHERE: [&str; 17] = [
    "related",
    "recommend",
    "popular",
    "trending",
    "teaser",
    "comment",
    "advert",
    "sponsor",
    "outbrain",
    "taboola",
    "sidebar",
    "aside",
    "newsletter",
    "footer",
    "navbar",
    "navigation",
    "breadcrumb",
];

/// ... or is one of these short words whole (not `header`, `adjust`, `navy`, `trailer`).
const ELSEWHERE_WHOLE: [&str; 5] = ["ad", "ads", "nav", "menu", "rail"];

/// Whether a class or id word marks a part of the page other than the article.
fn elsewhere_word(word: &str) -> bool {
    ELSEWHERE.iter().any(|w| word.starts_with(w)) || ELSEWHERE_WHOLE.contains(&word)
}

/// Whether `el` is outside the article: between it and the nearest element that also holds the
/// page's headline (`headline`: the `<h1>` and its ancestors, from [`ancestors`]) there is an
/// `<aside>`, a `<nav>`, a `<form>`, a `<footer>` (or an element whose class is `footer`) that
/// is not inside an `<article>` (or an element whose class is `article`, or an `Article` item),
/// or an element whose class or id says it holds other stories, comments, an advertisement, a
/// sidebar or the site's navigation ([`ELSEWHERE`]). A byline or date found there belongs to someone else's
/// story, or to no story.
fn outside_article<T: Tree>(el: &T, headline: &[T]) -> bool {
    let mut footer = false;
    for e in ancestors(el) {
        if headline.contains(&e) {
            return footer;
        }
        let tag = e.tag();
        match tag.as_str() {
            "aside" | "nav" | "form" => return true,
            "footer" => footer = true,
            "article" => footer = false,
            "body" | "html" => break,
            _ => {}
        }
        let words = [e.attr("class"), e.attr("id")]
            .into_iter()
            .flatten()
            .flat_map(|v| {
                v.to_ascii_lowercase()
                    .split(|c: char| c.is_ascii_whitespace() || c == '_' || c == '-')
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>();
        // (an element whose class is the word "footer" is a footer, the article's own inside an
        // element marked as the article: a content system's "article" box, an `Article` item)
        if words.iter().any(|w| w == "footer")
            && !words.iter().any(|w| w != "footer" && elsewhere_word(w))
        {
            footer = true;
            continue;
        }
        if words.iter().any(|w| w == "article")
            || e.attr("itemtype").is_some_and(|t| t.ends_with("Article") || t.ends_with("BlogPosting"))
        {
            footer = false;
        }
        let role = e.attr("role").unwrap_or_default();
        if words.iter().any(|w| elsewhere_word(w))
            || matches!(
                role.as_str(),
                "complementary" | "navigation" | "contentinfo"
            )
        {
            return true;
        }
    }
    footer
}

/// Whether a microdata author or date at `el` belongs to the article: the property (`el`, or the
/// `itemprop=author` it is the name of) is of no item (`itemscope`), or of an article or a web
/// page (`NewsArticle`, `BlogPosting`, `WebPage`, or a `CreativeWork`, as some themes mark a
/// post), not of an image, a video or a comment, nor
/// of a work the article cites (an item that is its `citation`). An element that is no such
/// property belongs to it.
fn of_the_article<T: Tree>(el: &T) -> bool {
    let up = ancestors(el);
    let property = up.iter().position(|e| {
        e.attr("itemprop").is_some_and(|p| {
            p.split_ascii_whitespace()
                .any(|p| matches!(p, "author" | "creator" | "datePublished" | "dateCreated"))
        })
    });
    let Some(at) = property else {
        return true;
    };
    let Some(item) = up[at + 1..].iter().find(|e| e.attr("itemscope").is_some()) else {
        return true;
    };
    // (a work the article cites, `itemprop="citation"`, is an article of other authors)
    if item
        .attr("itemprop")
        .is_some_and(|p| p.split_ascii_whitespace().any(|p| p == "citation"))
    {
        return false;
    }
    let kind = item.attr("itemtype").unwrap_or_default();
    let kind = kind.rsplit('/').next().unwrap_or_default();
    kind.is_empty()
        || ["Article", "Posting", "WebPage", "Report", "Blog", "CreativeWork"]
            .iter()
            .any(|k| kind.contains(k))
}

/// The base of a page's relative addresses: its `<base href>` resolved against `url`, else `url`.
pub fn base_of<D: Document>(doc: &D, url: Option<&str>) -> Option<String> {
    doc.select("base[href]")
        .unwrap_or_default()
        .first()
        .and_then(|b| b.attr("href"))
        .map(|h| absolute(&h, url))
        .or_else(|| url.map(str::to_owned))
}

/// An element of a document tree, as both the browser and the native HTML reader can give it.
pub trait Tree: Sized + Clone + PartialEq {
    /// The tag name, lowercase.
    fn tag(&self) -> String;
    /// An attribute's value.
    fn attr(&self, name: &str) -> Option<String>;
    /// The first child element.
    fn first_child_element(&self) -> Option<Self>;
    /// The next sibling element.
    fn next_sibling_element(&self) -> Option<Self>;
    /// The parent element.
    fn parent_element(&self) -> Option<Self>;
    /// The child elements, in order, read one at a time: a walk that stops early (at
    /// [`MAX_CANDIDATES`]) never touches the rest of a container with thousands of links.
    fn children(&self) -> impl Iterator<Item = Self> {
        std::iter::successors(self.first_child_element(), Self::next_sibling_element)
    }
    /// All text below the element.
    fn text(&self) -> String;
    /// All text below the element, if it is at most `limit` bytes of UTF-8.
    fn text_within(&self, limit: usize) -> Option<String> {
        Some(self.text()).filter(|t| t.len() <= limit)
    }
}

/// The stories in related-links containers: each is the largest part of the tree that links to
/// exactly one address. Its headline is a heading inside it, else its longest link text; its
/// summary the first paragraph that is not that headline; its image the first `<img>`. Links
/// that are not `http(s)` or relative, and "headlines" under three words, are left out.
/// At most [`MAX_CANDIDATES`] from all `containers` together (the walk stops there), and
/// nothing more than [`MAX_NESTING`] levels below a container.
pub fn link_items<T: Tree>(containers: &[T]) -> Vec<LinkItem> {
    let mut out = Vec::new();
    for c in containers {
        collect(c, &mut out, MAX_NESTING);
    }
    out
}

/// Whether a paragraph is the first or the last of the paragraphs with text among its siblings,
/// or comes after a standfirst (at most [`STANDFIRST_PARAGRAPHS`] paragraphs, each emphasis
/// alone).
fn first_or_last_paragraph<T: Tree>(p: &T) -> bool {
    let Some(parent) = p.parent_element() else {
        return false;
    };
    let paragraphs: Vec<T> = parent
        .children()
        .take(10_000)
        .filter(|c| c.tag() == "p" && !clean(&c.text()).is_empty())
        .collect();
    let Some(at) = paragraphs.iter().position(|q| q == p) else {
        return false;
    };
    // (after a standfirst in italics or bold, a few paragraphs that are emphasis and nothing
    // else: "<p><em>…as communities cry foul</em></p> <p><strong>Jane Doe/John Roe</strong></p>")
    let standfirst = |q: &T| {
        let said: String = q
            .children()
            .filter(|c| matches!(c.tag().as_str(), "em" | "i" | "strong" | "b"))
            .map(|c| c.text())
            .collect();
        clean(&said) == clean(&q.text())
    };
    paragraphs.len() >= 2
        && (at == 0
            || at == paragraphs.len() - 1
            || (at <= STANDFIRST_PARAGRAPHS && paragraphs[..at].iter().all(standfirst)))
}

/// The most paragraphs of a standfirst before a signature ([`first_or_last_paragraph`]).
const STANDFIRST_PARAGRAPHS: usize = 3;

/// The texts of the links below `el` (at most [`MAX_NESTING`] levels), in order, each once: those
/// to a person's page, and apart those to a list of stories (a category, tag, topic or section
/// page: `/category/…`, `/thema/…`) or marked as a tag (`rel="tag"`), which name no one.
fn link_texts<T: Tree>(el: &T) -> (Vec<String>, Vec<String>) {
    fn walk<T: Tree>(el: &T, out: &mut (Vec<String>, Vec<String>), levels: usize) {
        if el.tag() == "a" {
            let t = clean(&el.text());
            let href = el.attr("href").unwrap_or_default().to_ascii_lowercase();
            // (a link to a list of stories, or one the page marks as a tag, `rel="tag"`, names
            // a topic: "CSP" on a solar news site's "Solarserver / CSP / International")
            let tag = el
                .attr("rel")
                .is_some_and(|r| r.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("tag")));
            let list = tag
                || [
                    "/category/",
                    "/tag/",
                    "/tags/",
                    "/topic/",
                    "/topics/",
                    "/section/",
                    "/thema/",
                    "/themen/",
                    "/schlagwort/",
                    "/rubrik/",
                ]
                .iter()
                .any(|p| href.contains(p));
            let into = if list { &mut out.1 } else { &mut out.0 };
            if !t.is_empty() && !into.contains(&t) {
                into.push(t);
            }
            return;
        }
        if levels > 0 {
            for c in el.children() {
                walk(&c, out, levels - 1);
            }
        }
    }
    let mut out = (Vec::new(), Vec::new());
    walk(el, &mut out, MAX_NESTING);
    out
}

/// The distinct addresses `el` links to, up to two, looking at most `levels` below it: all
/// `collect` needs to know.
fn hrefs<T: Tree>(el: &T, out: &mut Vec<String>, levels: usize) {
    if out.len() > 1 {
        return;
    }
    if el.tag() == "a" {
        if let Some(href) = el.attr("href").as_deref().and_then(safe_href) {
            if !href.starts_with('#') && !out.contains(&href) {
                out.push(href);
            }
        }
    }
    if levels == 0 {
        return;
    }
    for c in el.children() {
        if out.len() > 1 {
            break;
        }
        hrefs(&c, out, levels - 1);
    }
}

/// The stories below `el`, looking at most `levels` below it.
fn collect<T: Tree>(el: &T, out: &mut Vec<LinkItem>, levels: usize) {
    if out.len() > MAX_CANDIDATES {
        return;
    }
    let mut urls = Vec::new();
    hrefs(el, &mut urls, levels);
    match urls.len() {
        0 => {}
        1 => {
            if let Some(item) = item(el, urls.swap_remove(0), levels) {
                out.push(item);
            }
        }
        _ if levels > 0 => {
            for c in el.children() {
                if out.len() > MAX_CANDIDATES {
                    break;
                }
                collect(&c, out, levels - 1);
            }
        }
        _ => {}
    }
}

#[derive(Default)]
struct Found {
    heading: Option<String>,
    link_text: String,
    paragraphs: Vec<String>,
    image: Option<String>,
}

fn walk<T: Tree>(el: &T, found: &mut Found, levels: usize) {
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
    // Inside a paragraph, for its link (`<p><a>…</a></p>`) and image; not inside a heading.
    if levels > 0 && !matches!(tag.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
        for c in el.children() {
            walk(&c, found, levels - 1);
        }
    }
}

fn item<T: Tree>(el: &T, url: String, levels: usize) -> Option<LinkItem> {
    let mut found = Found::default();
    walk(el, &mut found, levels);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A related-links container (`ul`) whose first child links to `/near`, and whose second is a
    /// chain of `depth` nested `div`s with a link to `/deep` at its bottom.
    #[derive(Clone, Copy, PartialEq)]
    struct Chain {
        depth: usize,
        node: Node,
    }

    #[derive(Clone, Copy, PartialEq)]
    enum Node {
        Container,
        Near,
        Div(usize),
        Deep,
    }

    const NEAR: &str = "A story near the top of the list";
    const DEEP: &str = "A story far down a nested page";

    impl Tree for Chain {
        fn tag(&self) -> String {
            match self.node {
                Node::Container => "ul",
                Node::Near | Node::Deep => "a",
                Node::Div(_) => "div",
            }
            .into()
        }
        fn attr(&self, name: &str) -> Option<String> {
            match (self.node, name) {
                (Node::Near, "href") => Some("/near".into()),
                (Node::Deep, "href") => Some("/deep".into()),
                _ => None,
            }
        }
        fn first_child_element(&self) -> Option<Self> {
            let node = match self.node {
                Node::Container => Node::Near,
                Node::Div(k) if k < self.depth => Node::Div(k + 1),
                Node::Div(_) => Node::Deep,
                Node::Near | Node::Deep => return None,
            };
            Some(Chain { node, ..*self })
        }
        fn parent_element(&self) -> Option<Self> {
            None
        }
        fn next_sibling_element(&self) -> Option<Self> {
            (self.node == Node::Near).then_some(Chain {
                node: Node::Div(1),
                ..*self
            })
        }
        fn text(&self) -> String {
            match self.node {
                Node::Container => [NEAR, DEEP].join(" "),
                Node::Near => NEAR.into(),
                Node::Div(_) | Node::Deep => DEEP.into(),
            }
        }
    }

    fn read(depth: usize) -> Vec<(String, String)> {
        let container = Chain {
            depth,
            node: Node::Container,
        };
        link_items(&[container])
            .into_iter()
            .map(|i| (i.url, i.headline))
            .collect()
    }

    #[test]
    fn a_link_nested_a_few_levels_down_is_read() {
        assert_eq!(
            read(10),
            [("/near".into(), NEAR.into()), ("/deep".into(), DEEP.into())]
        );
    }

    #[test]
    fn nesting_past_the_bound_is_not_read_and_does_not_overflow_the_stack() {
        // (without the bound, a million levels overflow any thread's stack)
        let items = read(1_000_000);
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(items[0].0, "/near");
        assert_eq!(read(MAX_NESTING - 1).len(), 2, "at the bound");
        assert_eq!(read(MAX_NESTING).len(), 1, "just past the bound");
    }
}
