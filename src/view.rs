//! The one place that decides the widget's markup: a [`Story`] becomes a tree of plain nodes that
//! the browser layer turns into DOM and [`crate::html`] into text. Data only ever becomes text
//! nodes and attribute values; URLs have passed [`crate::url::safe_href`] when they were read.

use crate::dedupe::Story;
use crate::i18n::Labels;
use crate::model::{Article, Image, Person};
use crate::text::{cat, decimal};
use crate::url::safe_href;
use crate::vocabulary::names;

names! {
    /// Public `part` names: the styling API, documented in the README.
    pub mod part {
        /// The article card.
        CARD = "card";
        /// The article's lead image.
        IMAGE = "image";
        /// The section or desk line above the headline.
        SECTION = "section";
        /// The article headline.
        HEADLINE = "headline";
        /// The article's authors.
        BYLINE = "byline";
        /// The article's date.
        DATE = "date";
        /// The article's reading time, in the byline.
        READING_TIME = "reading-time";
        /// The lede.
        LEDE = "lede";
        /// The full text, hidden until "Read more".
        BODY = "body";
        /// The "Read more" toggle.
        MORE = "more";
        /// The related-stories carousel.
        RELATED = "related";
        /// The carousel's heading.
        RELATED_HEADING = "related-heading";
        /// One related story.
        SLIDE = "slide";
        /// A related story's image.
        SLIDE_IMAGE = "slide-image";
        /// A related story's headline.
        SLIDE_TITLE = "slide-title";
        /// A related story's summary.
        SLIDE_SUMMARY = "slide-summary";
        /// A related story's authors.
        SLIDE_BYLINE = "slide-byline";
        /// A related story's date.
        SLIDE_DATE = "slide-date";
        /// The "previous" button.
        PREV = "prev";
        /// The "next" button.
        NEXT = "next";
        /// The button that starts and stops the automatic rotation (with `autoplay` only).
        ROTATE = "rotate";
        /// The pager below the slides: a dot per page, or "2 / 14" when there are many pages.
        PAGER = "pager";
        /// One dot of the pager (`dot current` for the page in view).
        DOT = "dot";
        /// The notice shown when the story cannot be shown.
        ERROR = "error";
        /// Added to the dot of the page in view (`dot current`).
        CURRENT = "current";
        /// Added to the rotation button while the slides rotate (`rotate playing`).
        PLAYING = "playing";
    }
}

names! {
    /// Element ids inside the shadow root (unique there, whatever the page holds).
    pub mod id {
        /// The full text.
        BODY = "body";
        /// The carousel heading.
        RELATED_HEADING = "related-heading";
        /// The scrolling track of slides.
        TRACK = "track";
        /// The "Read more" toggle.
        MORE = "more";
        /// The wrapper of the previous/next buttons.
        CONTROLS = "controls";
        /// The "previous" button.
        PREV = "prev";
        /// The "next" button.
        NEXT = "next";
        /// The live region that announces the slide moved to.
        STATUS = "status";
        /// The automatic rotation's start/stop button.
        ROTATE = "rotate";
        /// The pager, filled by the element module from the carousel's layout.
        PAGER = "pager";
    }
}

names! {
    /// The `data-` attributes the element module's behaviour reads and writes.
    pub mod data {
        /// On "Read more": its label once the text is shown.
        LESS = "data-less";
        /// On "Read more": its label while the text is hidden.
        MORE = "data-more";
        /// On the rotation button: its name while the slides are still.
        PLAY = "data-play";
        /// On the rotation button: its name while they rotate.
        PAUSE = "data-pause";
        /// On a pager dot: the page it brings into view.
        PAGE = "data-page";
        /// On the pager, past ten pages: "2 / 14", which the stylesheet shows.
        COUNT = "data-count";
        /// On the host element a server rendered: the [`super::fingerprint`] of the view it
        /// wrote, which the browser's first render compares with its own to take the markup
        /// over without reading it back.
        VIEW = "data-storycard-view";
    }
}

/// A node of the view tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// An element.
    El(El),
    /// Text, always inserted as text.
    Text(String),
}

/// An element with its attributes and children.
#[derive(Debug, Clone, PartialEq)]
pub struct El {
    /// The tag name (lowercase HTML).
    pub tag: &'static str,
    /// Attributes in order; names are fixed by this module, values may come from data.
    pub attrs: Vec<(&'static str, String)>,
    /// Children in order.
    pub children: Vec<Node>,
}

impl El {
    fn new(tag: &'static str) -> El {
        El {
            tag,
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    fn attr(mut self, name: &'static str, value: impl Into<String>) -> El {
        self.attrs.push((name, value.into()));
        self
    }

    fn part(self, name: &'static str) -> El {
        self.attr("part", name)
    }

    fn text(mut self, text: impl Into<String>) -> El {
        self.children.push(Node::Text(text.into()));
        self
    }

    fn child(mut self, child: El) -> El {
        self.children.push(Node::El(child));
        self
    }

    fn child_opt(self, child: Option<El>) -> El {
        match child {
            Some(c) => self.child(c),
            None => self,
        }
    }

    /// The value of attribute `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// All text below this element, concatenated.
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        collect_text(&self.children, &mut out);
        out
    }

    /// Every element below (and including) this one whose `part` is `name`, in document order.
    pub fn find_parts<'a>(&'a self, name: &str, out: &mut Vec<&'a El>) {
        if self.get("part") == Some(name) {
            out.push(self);
        }
        for c in &self.children {
            if let Node::El(e) = c {
                e.find_parts(name, out);
            }
        }
    }
}

fn collect_text(nodes: &[Node], out: &mut String) {
    for n in nodes {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::El(e) => collect_text(&e.children, out),
        }
    }
}

/// What the view needs beyond the story.
pub struct ViewOptions<'a> {
    /// The widget's own words, in the language of the page or of the `lang` option.
    pub labels: &'a Labels<'a>,
    /// Formats a date as given in the data for display; `None` hides a date that is not valid.
    pub format_date: &'a dyn Fn(&str) -> Option<String>,
    /// Whether the slides may rotate by themselves: adds the button that starts and stops it.
    pub autoplay: bool,
}

/// The widget's stylesheet (minified): adopted by every shadow root in the browser, written into
/// server-rendered ones.
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/storycard.css"));

/// Plain links to the article and each related story: what a server-rendered element carries in
/// its light DOM for browsers without declarative shadow DOM.
pub fn links(story: &Story) -> Vec<El> {
    let link = |url: &Option<String>, text: &str| match safe(url) {
        Some(url) => El::new("a").attr("href", url).text(text),
        None => El::new("span").text(text),
    };
    let mut out = vec![El::new("p").child(link(&story.article.url, &story.article.headline))];
    if !story.related.is_empty() {
        let mut list = El::new("ul");
        for r in &story.related {
            list = list.child(El::new("li").child(link(&r.url, &r.headline)));
        }
        out.push(list);
    }
    out
}

/// The card and the related carousel.
pub fn story(story: &Story, opts: &ViewOptions) -> Vec<El> {
    tree(story, opts, true)
}

/// [`story`] with the carousel's track left empty: its slides are [`slide`] 0 to
/// `story.related.len()`, in order.
pub fn shell(story: &Story, opts: &ViewOptions) -> Vec<El> {
    tree(story, opts, false)
}

fn tree(story: &Story, opts: &ViewOptions, slides: bool) -> Vec<El> {
    let l = opts.labels;
    let mut out = vec![card(&story.article, opts)];
    if !story.related.is_empty() {
        out.push(related(story, l, opts, slides));
    }
    out
}

/// A fingerprint of the view of `story` (64-bit FNV-1a of every tag, attribute and text in
/// order, as 16 hex digits), the same for [`story`]'s tree and for [`shell`] with its [`slide`]s:
/// the server writes it on the element ([`data::VIEW`]), and a browser whose own view of the story
/// has the same one takes the server's markup over without reading it back. The texts of `<time>`
/// elements are left out: a server writes a date and time as its UTC day, the browser as the
/// reader's own, and writes them in when it takes the card over.
pub fn fingerprint(story: &Story, opts: &ViewOptions) -> String {
    let mut hash = Fnv::new();
    let mut slides = |hash: &mut Fnv| {
        for i in 0..story.related.len() {
            hash.el(&slide(story, i, opts), &mut |_| {});
        }
    };
    for el in shell(story, opts) {
        hash.el(&el, &mut slides);
    }
    hash.hex()
}

/// [`fingerprint`] of a tree already made ([`story`]'s, its slides in the track).
pub fn fingerprint_of(els: &[El]) -> String {
    let mut hash = Fnv::new();
    for el in els {
        hash.el(el, &mut |_| {});
    }
    hash.hex()
}

/// The fingerprint's hash, over a tree in order.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// A string, ended by a byte no UTF-8 string holds: "ab" + "c" is not "a" + "bc".
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
        self.bytes(&[0xff]);
    }

    /// `el` and its children; an empty track's slides are `slides`'s.
    fn el(&mut self, el: &El, slides: &mut dyn FnMut(&mut Fnv)) {
        self.str(el.tag);
        for (name, value) in &el.attrs {
            self.str(name);
            self.str(value);
        }
        self.bytes(&[0xfe]);
        if el.children.is_empty() && el.get("id") == Some(id::TRACK) {
            slides(self);
        }
        for child in &el.children {
            match child {
                Node::El(e) => self.el(e, slides),
                Node::Text(t) if el.tag != "time" => self.str(t),
                Node::Text(_) => {}
            }
        }
        self.bytes(&[0xfd]);
    }
}

/// The notice shown instead of a story that cannot be shown.
pub fn error(l: &Labels) -> Vec<El> {
    vec![El::new("p")
        .part(part::ERROR)
        .attr("role", "status")
        .text(l.unavailable)]
}

/// The card of `a`, the first element of [`story`]'s tree: what the browser shows ahead of the
/// carousel while a long related list is read.
pub fn card(a: &Article, opts: &ViewOptions) -> El {
    let l = opts.labels;
    let headline = El::new("h2")
        .part(part::HEADLINE)
        .child(match safe(&a.url) {
            Some(url) => El::new("a").attr("href", url).text(&a.headline),
            None => El::new("span").text(&a.headline),
        });
    let body: Vec<&String> = a
        .body
        .iter()
        .skip_while(|p| Some(p.as_str()) == a.description.as_deref())
        .collect();
    let mut content = El::new("div")
        .attr("class", "content")
        .child_opt(
            a.section
                .as_ref()
                .map(|s| El::new("p").part(part::SECTION).text(s)),
        )
        .child(headline)
        .child_opt(byline(a, l, opts))
        .child_opt(
            a.description
                .as_ref()
                .map(|d| El::new("p").part(part::LEDE).text(d)),
        );
    if !body.is_empty() {
        let mut text = El::new("div")
            .part(part::BODY)
            .attr("id", id::BODY)
            .attr("hidden", "");
        for p in body {
            text = text.child(El::new("p").text(p));
        }
        // (hidden until the element module gives it its behaviour: a server-rendered card
        // read without script shows no button that does nothing)
        content = content.child(text).child(
            El::new("button")
                .part(part::MORE)
                .attr("id", id::MORE)
                .attr("type", "button")
                .attr("hidden", "")
                .attr("aria-expanded", "false")
                .attr("aria-controls", id::BODY)
                .attr(data::LESS, l.read_less)
                .attr(data::MORE, l.read_more)
                .text(l.read_more),
        );
    }
    El::new("article")
        .part(part::CARD)
        .child_opt(
            a.image
                .as_ref()
                .filter(|i| safe_href(&i.url).is_some())
                .map(|i| image(i, part::IMAGE, true)),
        )
        .child(content)
}

fn related(story: &Story, l: &Labels, opts: &ViewOptions, slides: bool) -> El {
    let heading = story.related_heading.as_deref().unwrap_or(l.related);
    let total = story.related.len();
    let button = |p: &'static str, label: &str| {
        El::new("button")
            .part(p)
            .attr("id", p)
            .attr("type", "button")
            .attr("aria-label", label)
            .attr("aria-controls", id::TRACK)
            .attr("aria-disabled", "true")
    };
    let mut track = El::new("div").attr("id", id::TRACK);
    if slides {
        for i in 0..total {
            track = track.child(slide(story, i, opts));
        }
    }
    El::new("section")
        .part(part::RELATED)
        .attr("aria-roledescription", l.carousel_role)
        .attr("aria-labelledby", id::RELATED_HEADING)
        .child(
            El::new("div")
                .attr("class", "head")
                .child(
                    El::new("h2")
                        .part(part::RELATED_HEADING)
                        .attr("id", id::RELATED_HEADING)
                        .text(heading),
                )
                .child(
                    El::new("div")
                        .attr("id", id::CONTROLS)
                        // (shown by the element module when the slides overflow: a
                        // server-rendered card read without script shows no dead buttons)
                        .attr("hidden", "")
                        // First in the carousel's tab order, as the rotation control should be.
                        .child_opt(opts.autoplay.then(|| {
                            El::new("button")
                                .part(part::ROTATE)
                                .attr("id", id::ROTATE)
                                .attr("type", "button")
                                .attr("aria-label", l.play)
                                .attr("aria-controls", id::TRACK)
                                .attr(data::PLAY, l.play)
                                .attr(data::PAUSE, l.pause)
                        }))
                        .child(button(part::PREV, l.previous))
                        .child(button(part::NEXT, l.next)),
                ),
        )
        .child(track)
        // For pointer users: screen readers have the slides' own names.
        .child(pager(total))
        // Where the element module announces the slide a reader moved to with a button or key.
        .child(
            El::new("div")
                .attr("id", id::STATUS)
                .attr("class", "sr")
                .attr("aria-live", "polite"),
        )
}

/// Related story `i` of the carousel, as [`story`] places it in the track: for a caller that
/// builds the slides one at a time (the browser, which so never holds the whole tree of a long
/// list).
pub fn slide(story: &Story, i: usize, opts: &ViewOptions) -> El {
    let l = opts.labels;
    let total = story.related.len();
    let r = &story.related[i];
    let title = El::new("h3")
        .part(part::SLIDE_TITLE)
        .child(match safe(&r.url) {
            Some(url) => El::new("a").attr("href", url).text(&r.headline),
            None => El::new("span").text(&r.headline),
        });
    El::new("div")
        .part(part::SLIDE)
        .attr("role", "group")
        .attr("aria-roledescription", l.slide_role)
        .attr("aria-label", l.slide_name(i + 1, total))
        .child_opt(
            r.image
                .as_ref()
                .filter(|i| safe_href(&i.url).is_some())
                .map(|img| image(img, part::SLIDE_IMAGE, false)),
        )
        .child(title)
        .child_opt(
            r.description
                .as_ref()
                .map(|d| El::new("p").part(part::SLIDE_SUMMARY).text(d)),
        )
        .child_opt(meta(
            &r.authors,
            r.date_published.as_deref(),
            l,
            opts,
            part::SLIDE_BYLINE,
            part::SLIDE_DATE,
        ))
}

/// The most dots the pager shows; past that many pages it counts them ("2 / 14").
pub const PAGER_DOTS: usize = 10;

/// The pager: a dot per page, all hidden until the element module has measured how many pages
/// the slides make (at most one a slide, and [`PAGER_DOTS`]); past that it writes the count in
/// `data-count`, which the stylesheet shows. The module only shows, hides and marks these dots:
/// it never adds a node, so a server-rendered card is taken over as it is.
fn pager(slides: usize) -> El {
    let mut pager = El::new("div")
        .part(part::PAGER)
        .attr("id", id::PAGER)
        .attr("aria-hidden", "true");
    for i in 0..slides.min(PAGER_DOTS) {
        pager = pager.child(
            El::new("button")
                .part(part::DOT)
                .attr("type", "button")
                .attr("tabindex", "-1")
                .attr(data::PAGE, decimal(i))
                .attr("hidden", ""),
        );
    }
    pager
}

/// The article's byline: its authors, its date, and the reading time of its full text.
fn byline(a: &crate::model::Article, l: &Labels, opts: &ViewOptions) -> Option<El> {
    let line = meta(
        &a.authors,
        a.date_published.as_deref(),
        l,
        opts,
        part::BYLINE,
        part::DATE,
    );
    let words: usize = a.body.iter().map(|p| p.split_whitespace().count()).sum();
    if words == 0 {
        return line;
    }
    let time = El::new("span")
        .part(part::READING_TIME)
        .text(l.reading_time(words));
    Some(
        line.unwrap_or_else(|| El::new("p").attr("class", "meta"))
            .child(time),
    )
}

/// The byline and date line; `None` when there is neither.
fn meta(
    authors: &[Person],
    date: Option<&str>,
    l: &Labels,
    opts: &ViewOptions,
    byline_part: &'static str,
    date_part: &'static str,
) -> Option<El> {
    let date = date.and_then(|raw| Some((raw, (opts.format_date)(raw)?)));
    if authors.is_empty() && date.is_none() {
        return None;
    }
    let mut line = El::new("p").attr("class", "meta");
    if !authors.is_empty() {
        let mut byline = El::new("span").part(byline_part);
        for (i, person) in authors.iter().enumerate() {
            if i > 0 {
                let sep = if i + 1 == authors.len() {
                    cat(&[" ", l.and, " "])
                } else {
                    ", ".to_owned()
                };
                byline = byline.text(sep);
            }
            byline = byline.child(match safe(&person.url) {
                Some(url) => El::new("a")
                    .attr("href", url)
                    .attr("rel", "author")
                    .text(&person.name),
                None => El::new("span").text(&person.name),
            });
        }
        line = line.child(byline);
    }
    if let Some((raw, shown)) = date {
        line = line.child(
            El::new("time")
                .part(date_part)
                .attr("datetime", raw)
                .text(shown),
        );
    }
    Some(line)
}

/// `url` when it is an address a link may carry. The readers keep only such addresses; the view
/// checks again, so a story built some other way (a Rust caller, a server) cannot put a
/// `javascript:` address into the markup.
fn safe(url: &Option<String>) -> Option<&String> {
    url.as_ref().filter(|u| safe_href(u).is_some())
}

fn image(img: &Image, part_name: &'static str, lead: bool) -> El {
    let mut el = El::new("img")
        .part(part_name)
        .attr("src", &img.url)
        .attr("alt", img.alt.as_deref().unwrap_or(""))
        .attr("decoding", "async");
    if !lead {
        el = el.attr("loading", "lazy");
    }
    if let (Some(w), Some(h)) = (img.width, img.height) {
        el = el
            .attr("width", decimal(w as usize))
            .attr("height", decimal(h as usize));
    }
    el
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Related};

    fn no_dates(_: &str) -> Option<String> {
        None
    }

    fn opts() -> ViewOptions<'static> {
        ViewOptions {
            labels: crate::i18n::labels("en"),
            format_date: &no_dates,
            autoplay: false,
        }
    }

    fn parts<'a>(els: &'a [El], name: &str) -> Vec<&'a El> {
        let mut out = Vec::new();
        for e in els {
            e.find_parts(name, &mut out);
        }
        out
    }

    #[test]
    fn the_shell_and_its_slides_are_the_story() {
        let s = Story {
            article: Article {
                headline: "H".into(),
                ..Article::default()
            },
            related: ["A", "B", "C"]
                .iter()
                .map(|h| Related {
                    headline: (*h).into(),
                    url: Some(["https://ex.com/", h].concat()),
                    ..Related::default()
                })
                .collect(),
            ..Story::default()
        };
        let mut shell = shell(&s, &opts());
        let slides: Vec<Node> = (0..3).map(|i| Node::El(slide(&s, i, &opts()))).collect();
        let Node::El(track) = &mut shell[1].children[1] else {
            panic!("the track is the carousel's second child");
        };
        assert_eq!(track.get("id"), Some(id::TRACK));
        assert!(track.children.is_empty());
        track.children = slides;
        assert_eq!(shell, story(&s, &opts()));
    }

    #[test]
    fn the_fingerprint_is_the_trees_whatever_the_dates_say() {
        let related = |h: &str| Related {
            headline: h.into(),
            url: Some(["https://ex.com/", h].concat()),
            date_published: Some("2025-04-02T23:30:00-05:00".into()),
            ..Related::default()
        };
        let s = Story {
            article: Article {
                headline: "H".into(),
                date_published: Some("2025-04-02".into()),
                ..Article::default()
            },
            related: ["A", "B", "C"].iter().map(|h| related(h)).collect(),
            ..Story::default()
        };
        fn utc(raw: &str) -> Option<String> {
            crate::dates::long_date(raw, "en")
        }
        fn local(_: &str) -> Option<String> {
            Some("April 2, 2025".to_owned())
        }
        let with = |f: &'static dyn Fn(&str) -> Option<String>| ViewOptions {
            labels: crate::i18n::labels("en"),
            format_date: f,
            autoplay: false,
        };
        let server = fingerprint_of(&story(&s, &with(&utc)));
        assert_eq!(server.len(), 16);
        assert_eq!(fingerprint(&s, &with(&utc)), server, "the shell and its slides, as the tree");
        assert_eq!(fingerprint(&s, &with(&local)), server, "another day's text");
        let mut other = s.clone();
        other.related[2].headline = "D".into();
        assert_ne!(fingerprint(&other, &with(&utc)), server, "another headline");
        assert_ne!(fingerprint(&s, &with(&no_dates)), server, "no date at all");
        let mut fewer = s.clone();
        fewer.related.pop();
        assert_ne!(fingerprint(&fewer, &with(&utc)), server, "a slide fewer");
    }

    #[test]
    fn hides_the_lede_from_the_body_and_offers_read_more() {
        let s = Story {
            article: Article {
                headline: "H".into(),
                description: Some("Lede".into()),
                body: vec!["Lede".into(), "Second".into()],
                ..Article::default()
            },
            ..Story::default()
        };
        let v = story(&s, &opts());
        let body = parts(&v, part::BODY);
        assert_eq!(body[0].text_content(), "Second");
        assert_eq!(body[0].get("hidden"), Some(""));
        let more = parts(&v, part::MORE);
        assert_eq!(more[0].get("aria-expanded"), Some("false"));
        assert_eq!(more[0].get("aria-controls"), Some(id::BODY));
        assert!(
            parts(&v, part::RELATED).is_empty(),
            "no carousel without related stories"
        );
    }

    #[test]
    fn joins_authors_in_the_language() {
        let people = |names: &[&str]| {
            names
                .iter()
                .map(|n| Person {
                    name: (*n).into(),
                    url: None,
                })
                .collect()
        };
        let s = Story {
            article: Article {
                headline: "H".into(),
                authors: people(&["A", "B", "C"]),
                ..Article::default()
            },
            ..Story::default()
        };
        let v = story(
            &s,
            &ViewOptions {
                labels: crate::i18n::labels("vi"),
                format_date: &no_dates,
                autoplay: false,
            },
        );
        assert_eq!(parts(&v, part::BYLINE)[0].text_content(), "A, B và C");
    }

    #[test]
    fn names_each_slide_and_shows_dates_only_when_valid() {
        let s = Story {
            article: Article {
                headline: "H".into(),
                ..Article::default()
            },
            related: vec![
                Related {
                    headline: "R1".into(),
                    date_published: Some("2025-05-03".into()),
                    ..Related::default()
                },
                Related {
                    headline: "R2".into(),
                    date_published: Some("nonsense".into()),
                    ..Related::default()
                },
            ],
            ..Story::default()
        };
        let fmt = |raw: &str| raw.starts_with("2025").then(|| "3 May 2025".to_owned());
        let v = story(
            &s,
            &ViewOptions {
                labels: crate::i18n::labels("en"),
                format_date: &fmt,
                autoplay: false,
            },
        );
        let slides = parts(&v, part::SLIDE);
        assert_eq!(slides.len(), 2);
        assert_eq!(slides[1].get("aria-label"), Some("2 of 2"));
        let dates = parts(&v, part::SLIDE_DATE);
        assert_eq!(dates.len(), 1);
        assert_eq!(dates[0].get("datetime"), Some("2025-05-03"));
        assert_eq!(
            parts(&v, part::RELATED_HEADING)[0].text_content(),
            "Related stories"
        );
    }

    #[test]
    fn the_byline_shows_the_reading_time_of_the_full_text() {
        let words = |n: usize| vec!["word ".repeat(n)];
        let with_body = |body: Vec<String>| Story {
            article: Article {
                headline: "A long read".into(),
                body,
                ..Article::default()
            },
            ..Story::default()
        };
        let time = |s: &Story| {
            let els = story(s, &opts());
            parts(&els, part::READING_TIME)
                .first()
                .map(|e| e.text_content())
        };
        assert_eq!(time(&with_body(words(40))).as_deref(), Some("1 min read"));
        assert_eq!(time(&with_body(words(700))).as_deref(), Some("4 min read"));
        assert_eq!(
            time(&with_body(Vec::new())),
            None,
            "no body, no reading time"
        );
    }
}
