//! Server-side rendering: the card as HTML a page can carry before any script runs. The
//! `<story-card>` element holds a declarative shadow root (`<template shadowrootmode="open">`)
//! with the widget's stylesheet and exactly the markup the browser renders (the same
//! [view tree](crate::view), written by [`crate::html`]), then light-DOM links for browsers
//! without declarative shadow DOM. A data island with the story as shown comes first, so the
//! element module takes the card over (hydrates it) without building it again.
//!
//! Used by the `storycard render` command line (dates written by [`crate::dates`]) and by
//! `renderToString` of `storycard/server` in Node (dates by `Intl`, as in the browser).

use crate::dedupe::Story;
use crate::html::to_html;
use crate::i18n::Labels;
use crate::view::{self, ViewOptions};
use crate::DEFAULT_MAX;

/// What the element is rendered with: the attributes the page would give it.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The language of the labels and dates (the element's `lang`); the article's own, else
    /// English, when `None`.
    pub lang: Option<String>,
    /// Related stories shown (the element's `max`).
    pub max: Option<usize>,
    /// Replacements for the widget's words, as (name, text) pairs of [`Labels::NAMES`]
    /// (`label-*` attributes).
    pub labels: Vec<(String, String)>,
    /// The slides rotate by themselves (the element's `autoplay`).
    pub autoplay: bool,
    /// Near duplicates are kept, only exact repeats removed (the element's
    /// `near-duplicates="off"`).
    pub keep_near_duplicates: bool,
    /// The id of the data island written before the element (`storycard-data` unless given).
    pub id: Option<String>,
    /// Where the stylesheet is, for a `<link>` in the shadow root instead of a `<style>` (for
    /// pages whose Content-Security-Policy forbids inline styles).
    pub stylesheet: Option<String>,
}

impl Options {
    /// The options as the element carries them: without control characters, which never reach
    /// an attribute (a parser would change them).
    pub fn plain(&self) -> Options {
        Options {
            lang: self.lang.as_deref().map(plain),
            labels: self
                .labels
                .iter()
                .map(|(n, t)| (n.clone(), plain(t)))
                .collect(),
            id: self.id.as_deref().map(plain),
            stylesheet: self.stylesheet.as_deref().map(plain),
            ..self.clone()
        }
    }
}

/// The data island of a story as shown, as JSON text: the article, the heading and the related
/// stories kept.
pub fn island(story: &Story) -> String {
    crate::detail::island(story)
}

/// The language a story renders in: the option, else the article's own, else English.
pub fn language<'a>(story: &'a Story, opts: &'a Options) -> &'a str {
    opts.lang
        .as_deref()
        .or(story.article.language.as_deref())
        .filter(|l| !l.trim().is_empty())
        .unwrap_or("en")
}

/// The data island and the element, as HTML. `story` is already deduped (and limited to
/// `opts.max`); `island_json` is [`island`] written as JSON; `format_date` writes a date for
/// display, as the browser would.
pub fn element(
    story: &Story,
    opts: &Options,
    island_json: &str,
    format_date: &dyn Fn(&str) -> Option<String>,
) -> String {
    let opts = &opts.plain();
    let lang = language(story, opts);
    let labels = Labels::with(lang, &opts.labels);
    let els = view::story(
        story,
        &ViewOptions {
            labels: &labels,
            format_date,
            autoplay: opts.autoplay,
        },
    );
    let id = opts.id.as_deref().unwrap_or("storycard-data");
    let mut out = String::new();
    out.push_str("<script type=\"application/json\" id=\"");
    escape_attribute(id, &mut out);
    out.push_str("\">");
    // (`<` written as an escape: the text can never close the script element)
    out.push_str(&island_json.replace('<', "\\u003c"));
    out.push_str("</script>\n<story-card source=\"#");
    escape_attribute(id, &mut out);
    out.push_str("\" lang=\"");
    escape_attribute(lang, &mut out);
    out.push('"');
    if let Some(max) = opts.max.filter(|&m| m != DEFAULT_MAX) {
        out.push_str(" max=\"");
        out.push_str(&max.to_string());
        out.push('"');
    }
    if opts.autoplay {
        out.push_str(" autoplay");
    }
    if opts.keep_near_duplicates {
        out.push_str(" near-duplicates=\"off\"");
    }
    for (name, text) in &opts.labels {
        out.push_str(" label-");
        for c in name.chars() {
            if c.is_ascii_uppercase() {
                out.push('-');
                out.push(c.to_ascii_lowercase());
            } else {
                out.push(c);
            }
        }
        out.push_str("=\"");
        escape_attribute(text, &mut out);
        out.push('"');
    }
    out.push_str("><template shadowrootmode=\"open\">");
    match &opts.stylesheet {
        Some(href) => {
            out.push_str("<link rel=\"stylesheet\" href=\"");
            escape_attribute(href, &mut out);
            out.push_str("\">");
        }
        None => {
            out.push_str("<style>");
            out.push_str(view::STYLESHEET);
            out.push_str("</style>");
        }
    }
    out.push_str(&to_html(&els));
    out.push_str("</template>");
    out.push_str(&to_html(&view::links(story)));
    out.push_str("</story-card>\n");
    out
}

/// `s` without control characters.
pub fn plain(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}

fn escape_attribute(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            c => out.push(c),
        }
    }
}
