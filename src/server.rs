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
use crate::error::Error;
use crate::html::to_html;
use crate::options::{Options, DEFAULT_MAX};
use crate::pipeline::{self, Input};
use crate::view::{self, ViewOptions};

/// What a server writes for `input` under `options`: the story ([`pipeline::story`], relative
/// addresses resolved against `base`, else `options.url`) and its HTML ([`element`]). `around`
/// is the page's language around the element, when known ([`Options::language`]).
/// `format_date` writes a date in a language, as the browser would.
pub fn render(
    input: Input,
    options: &Options,
    base: Option<&str>,
    around: Option<&str>,
    format_date: &dyn Fn(&str, &str) -> Option<String>,
) -> Result<(Story, String), Error> {
    let story = pipeline::story(input, options, base)?;
    let lang = options.language(Some(&story), around).to_owned();
    // (the element carries the language it was written in)
    let options = &Options {
        lang: Some(lang.clone()),
        ..options.clone()
    };
    let html = element(&story, options, &island(&story), &|raw| {
        format_date(raw, &lang)
    });
    Ok((story, html))
}

/// The options as the element carries them: without control characters, which never reach an
/// attribute (a parser would change them).
pub fn plain_options(options: &Options) -> Options {
    Options {
        lang: options.lang.as_deref().map(plain),
        labels: options
            .labels
            .iter()
            .map(|(n, t)| (n.clone(), plain(t)))
            .collect(),
        id: options.id.as_deref().map(plain),
        stylesheet: options.stylesheet.as_deref().map(plain),
        ..options.clone()
    }
}

/// The data island of a story as shown, as JSON text: the article, the heading and the related
/// stories kept.
pub fn island(story: &Story) -> String {
    crate::detail::island(story)
}

/// The data island and the element, as HTML. `story` is already made ([`pipeline::story`]); `island_json` is [`island`] written as JSON; `format_date` writes a date for
/// display, as the browser would.
pub fn element(
    story: &Story,
    opts: &Options,
    island_json: &str,
    format_date: &dyn Fn(&str) -> Option<String>,
) -> String {
    let opts = &plain_options(opts);
    let lang = opts.language(Some(story), None);
    let labels = opts.labels_in(lang);
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
    // (the view written, for the browser to take over without reading it back)
    out.push_str("\" ");
    out.push_str(view::data::VIEW);
    out.push_str("=\"");
    out.push_str(&view::fingerprint_of(&els));
    out.push('"');
    if opts.max != DEFAULT_MAX {
        out.push_str(" max=\"");
        out.push_str(&crate::text::decimal(opts.max));
        out.push('"');
    }
    if opts.autoplay {
        out.push_str(" autoplay");
    }
    if !opts.near_duplicates {
        out.push_str(" near-duplicates=\"off\"");
    }
    for (name, text) in &opts.labels {
        out.push(' ');
        out.push_str(&crate::vocabulary::label_attribute(name));
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
    crate::html::escape(s, true, out);
}
