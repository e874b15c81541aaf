//! The story as JSON text, in the schema.org names the data island uses: the detail of the
//! `storycard:ready` event (the browser's `JSON.parse` makes it an object), the data island a
//! server writes, and, natively, what tests compare against expectation files.
//!
//! Written straight to text by one small writer, rather than built as a [`Json`] value and
//! converted: in the WebAssembly module that is a fifth of the bytes the conversion took.
//!
//! ```
//! use storycard::{dedupe::Story, model::Article};
//! let story = Story {
//!     article: Article { headline: "Ferry \"returns\"".into(), ..Article::default() },
//!     ..Story::default()
//! };
//! assert_eq!(
//!     storycard::detail::story(&story),
//!     r#"{"article":{"headline":"Ferry \"returns\"","author":[],"articleBody":[]},"related":[],"removed":[],"omitted":0,"warnings":[]}"#
//! );
//! ```

use crate::dedupe::{Reason, Removed, Story};
use crate::json::Json;
use crate::model::{Article, Image, Person, Related};
use crate::text::decimal;

impl Reason {
    /// The reason as the event detail names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::SameUrl => "same-url",
            Reason::SameHeadline => "same-headline",
            Reason::SelfStory => "self",
            Reason::ShownElsewhere => "shown-elsewhere",
            Reason::NearDuplicate => "near-duplicate",
        }
    }
}

/// `{ article, relatedHeading?, related, removed, omitted, warnings, provenance? }`
pub fn story(s: &Story) -> String {
    // (room for the whole text at once, near enough: growing it by doubling would hold the old
    // copies too, in a module whose memory never shrinks)
    let size = |r: &Related| {
        r.headline.len()
            + r.url.as_ref().map_or(0, String::len)
            + r.description.as_ref().map_or(0, String::len)
            + r.authors.iter().map(|p| p.name.len() + 32).sum::<usize>()
            + r.image.as_ref().map_or(0, |i| i.url.len() + 64)
            + 96
    };
    let mut w = Writer {
        out: String::with_capacity(
            1024 + s.article.body.iter().map(String::len).sum::<usize>()
                + s.related.iter().map(size).sum::<usize>()
                + s.removed
                    .iter()
                    .map(|r| r.headline.len() + 96)
                    .sum::<usize>(),
        ),
    };
    w.open(None, b'{');
    shown(&mut w, s);
    w.open(Some("removed"), b'[');
    for r in &s.removed {
        removed_to(&mut w, r);
    }
    w.close(b']');
    w.number("omitted", s.omitted);
    w.open(Some("warnings"), b'[');
    for warning in &s.warnings {
        w.open(None, b'{');
        w.text("path", Some(&warning.path));
        w.text("message", Some(&warning.message));
        w.close(b'}');
    }
    w.close(b']');
    if !s.provenance.is_empty() {
        w.open(Some("provenance"), b'{');
        for (field, source) in &s.provenance {
            w.text(field, Some(source));
        }
        w.close(b'}');
    }
    w.close(b'}');
    w.out
}

/// The data island of a story as shown: `{ article, relatedHeading?, related }`.
pub fn island(s: &Story) -> String {
    let mut w = Writer::default();
    w.open(None, b'{');
    shown(&mut w, s);
    w.close(b'}');
    w.out
}

/// The members both texts start with: `article`, `relatedHeading` and `related`.
fn shown(w: &mut Writer, s: &Story) {
    w.open(Some("article"), b'{');
    article(w, &s.article);
    w.close(b'}');
    w.text("relatedHeading", s.related_heading.as_deref());
    related_list(w, &s.related);
}

/// One entry of the ready event's `removed`: `{ position, headline, reason, mergedInto?, score? }`.
pub fn removed(r: &Removed) -> String {
    let mut w = Writer::default();
    removed_to(&mut w, r);
    w.out
}

fn removed_to(w: &mut Writer, r: &Removed) {
    w.open(None, b'{');
    w.number("position", r.position);
    w.text("headline", Some(&r.headline));
    w.text("reason", Some(r.reason.as_str()));
    if let Some(i) = r.merged_into {
        w.number("mergedInto", i);
    }
    if let Some(score) = r.score {
        // Two decimals: what an editor reads in the console table.
        let hundredths = (score.clamp(0.0, 1.0) * 100.0).round() as usize;
        w.key("score");
        w.out.push_str(&decimal(hundredths / 100));
        if hundredths % 100 != 0 {
            w.out.push('.');
            let rest = hundredths % 100;
            w.out.push_str(if rest < 10 { "0" } else { "" });
            w.out.push_str(decimal(rest).trim_end_matches('0'));
        }
    }
    w.close(b'}');
}

fn article(w: &mut Writer, a: &Article) {
    w.text("headline", Some(&a.headline));
    w.text("url", a.url.as_deref());
    authors(w, &a.authors);
    w.text("datePublished", a.date_published.as_deref());
    w.text("description", a.description.as_deref());
    w.open(Some("articleBody"), b'[');
    for p in &a.body {
        w.comma();
        w.string(p);
    }
    w.close(b']');
    image(w, a.image.as_ref());
    w.text("articleSection", a.section.as_deref());
    w.text("inLanguage", a.language.as_deref());
    w.text("publisher", a.publisher.as_deref());
}

fn related_list(w: &mut Writer, list: &[Related]) {
    w.open(Some("related"), b'[');
    for r in list {
        w.open(None, b'{');
        w.text("headline", Some(&r.headline));
        w.text("url", r.url.as_deref());
        w.text("description", r.description.as_deref());
        authors(w, &r.authors);
        image(w, r.image.as_ref());
        w.text("datePublished", r.date_published.as_deref());
        w.close(b'}');
    }
    w.close(b']');
}

fn authors(w: &mut Writer, people: &[Person]) {
    w.open(Some("author"), b'[');
    for p in people {
        w.open(None, b'{');
        w.text("name", Some(&p.name));
        w.text("url", p.url.as_deref());
        w.close(b'}');
    }
    w.close(b']');
}

fn image(w: &mut Writer, image: Option<&Image>) {
    let Some(i) = image else {
        return;
    };
    w.open(Some("image"), b'{');
    w.text("url", Some(&i.url));
    for (key, n) in [("width", i.width), ("height", i.height)] {
        if let Some(n) = n {
            w.number(key, n as usize);
        }
    }
    w.text("alt", i.alt.as_deref());
    w.close(b'}');
}

/// JSON text, written a member at a time (no generics: one copy of each method in the module).
#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    /// The comma before a member or an item that is not the first.
    fn comma(&mut self) {
        if !matches!(self.out.as_bytes().last(), None | Some(b'{' | b'[' | b':')) {
            self.out.push(',');
        }
    }

    fn key(&mut self, key: &str) {
        self.comma();
        self.string(key);
        self.out.push(':');
    }

    /// Opens an object (`{`) or an array (`[`): a member when `key` is given, else an item.
    fn open(&mut self, key: Option<&str>, bracket: u8) {
        match key {
            Some(key) => self.key(key),
            None => self.comma(),
        }
        self.out.push(char::from(bracket));
    }

    fn close(&mut self, bracket: u8) {
        self.out.push(char::from(bracket));
    }

    /// A string member; none when `value` is `None`.
    fn text(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.key(key);
            self.string(value);
        }
    }

    fn number(&mut self, key: &str, n: usize) {
        self.key(key);
        self.out.push_str(&decimal(n));
    }

    /// A string, escaped as JSON requires.
    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                c if c < ' ' => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.out.push_str("\\u00");
                    self.out.push(char::from(HEX[c as usize >> 4]));
                    self.out.push(char::from(HEX[c as usize & 15]));
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

impl From<&Story> for Json {
    /// [`story`] as a value (natively, for tests and the command line).
    fn from(s: &Story) -> Json {
        // (the writer's own output: always valid JSON)
        Json::parse_lenient(&story(s)).unwrap_or(Json::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Warning;

    fn parsed(text: &str) -> serde_json::Value {
        serde_json::from_str(text).expect("valid JSON")
    }

    #[test]
    fn writes_every_field_as_valid_json() {
        let person = Person {
            name: "Anh \"Vũ\"\\ \u{1}".into(),
            url: Some("https://ex.com/a".into()),
        };
        let story = Story {
            article: Article {
                headline: "Main\nline".into(),
                url: Some("https://ex.com/".into()),
                authors: vec![person.clone(), person.clone()],
                body: vec!["One".into(), "Two".into()],
                image: Some(Image {
                    url: "https://ex.com/i.jpg".into(),
                    width: Some(1200),
                    height: None,
                    alt: Some(String::new()),
                }),
                ..Article::default()
            },
            related_heading: Some("More".into()),
            related: vec![Related {
                headline: "R".into(),
                authors: vec![person],
                ..Related::default()
            }],
            removed: vec![
                Removed {
                    position: 3,
                    headline: "R".into(),
                    reason: Reason::NearDuplicate,
                    merged_into: Some(0),
                    score: Some(0.8349),
                },
                Removed {
                    position: 4,
                    headline: "S".into(),
                    reason: Reason::SameUrl,
                    merged_into: None,
                    score: Some(1.0),
                },
                Removed {
                    position: 5,
                    headline: "T".into(),
                    reason: Reason::NearDuplicate,
                    merged_into: None,
                    score: Some(0.905),
                },
            ],
            omitted: 12,
            warnings: vec![Warning {
                path: "related[1]".into(),
                message: "no headline".into(),
            }],
            provenance: vec![("headline", "json-ld")],
        };
        let v = parsed(&super::story(&story));
        assert_eq!(v["article"]["headline"], "Main\nline");
        assert_eq!(v["article"]["author"][1]["name"], "Anh \"Vũ\"\\ \u{1}");
        assert_eq!(v["article"]["articleBody"][1], "Two");
        assert_eq!(v["article"]["image"]["width"], 1200);
        assert!(v["article"]["image"].get("height").is_none());
        assert_eq!(v["article"]["image"]["alt"], "");
        assert_eq!(v["relatedHeading"], "More");
        assert_eq!(v["related"][0]["author"][0]["url"], "https://ex.com/a");
        assert_eq!(v["removed"][0]["score"], 0.83);
        assert_eq!(v["removed"][0]["mergedInto"], 0);
        assert_eq!(v["removed"][1]["score"], 1);
        assert_eq!(v["removed"][2]["score"], 0.91);
        assert_eq!(v["removed"][1]["reason"], "same-url");
        assert!(v["removed"][1].get("mergedInto").is_none());
        assert_eq!(v["omitted"], 12);
        assert_eq!(v["warnings"][0]["message"], "no headline");
        assert_eq!(v["provenance"]["headline"], "json-ld");
        assert_eq!(parsed(&removed(&story.removed[2])), v["removed"][2]);
        let island = parsed(&island(&story));
        assert_eq!(island["related"], v["related"]);
        assert_eq!(island["article"], v["article"]);
        assert!(island.get("removed").is_none());
    }
}
