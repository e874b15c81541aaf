//! The data island: a `<script type="application/json">` element holding the story in schema.org
//! property names. `schema/storycard.schema.json` is the formal description of the format.
//!
//! Lenient where real CMSs vary (`author` as a string, an object or an array; `image` as a string
//! or an object; `articleBody` as one string or paragraphs), strict where a wrong value means the
//! page is broken (an `article` that is not an object, a `related` entry that is not an object).

use crate::error::{Error, Warning};
use crate::extract::Extracted;
use crate::json::Json;
use crate::model::{Article, Image, Person, Related};
use crate::text::{cat, clean_to, decimal, LINE, PARAGRAPH};
use crate::url::safe_href;

/// Reads the data island's parsed JSON.
///
/// ```
/// let data: storycard::Json = serde_json::from_str(r#"{
///   "article": { "headline": "Main story", "author": [{"name": "Bùi Đức"}] },
///   "related": [ { "headline": "Another story", "url": "/another" } ]
/// }"#).unwrap();
/// let extracted = storycard::extract::island::read(&data).unwrap();
/// assert_eq!(extracted.article.authors[0].name, "Bùi Đức");
/// assert_eq!(extracted.related[0].url.as_deref(), Some("/another"));
/// ```
pub fn read(data: &Json) -> Result<Extracted, Error> {
    let mut extracted = read_head(data)?;
    if let Some(Json::Array(items)) = data.get("related") {
        extracted.related.reserve(items.len());
        for (position, item) in items.iter().enumerate() {
            extracted
                .related
                .extend(related(item, position, &mut extracted.warnings)?);
        }
    }
    Ok(extracted)
}

/// [`read`] without the `related` entries: the article, the heading and the warnings. A caller
/// that spreads a long list over several tasks reads each entry with [`related`].
pub fn read_head(data: &Json) -> Result<Extracted, Error> {
    let mut r = Reader::default();
    expect_object(data, "the article data")?;
    let article = match data.get("article") {
        Some(a) => {
            expect_object(a, "article")?;
            a
        }
        None => {
            return Err(Error::WrongShape {
                path: "article".into(),
                expected: "an object",
                found: "nothing",
            })
        }
    };
    let headline = match article.get("headline") {
        None => None,
        Some(Json::String(s)) => Some(r.cut(s, LINE, || "article.headline".into())).filter(|s| !s.is_empty()),
        Some(other) => {
            return Err(Error::WrongShape {
                path: "article.headline".into(),
                expected: "a string",
                found: other.kind(),
            })
        }
    };
    let headline = headline.ok_or(Error::MissingHeadline)?;
    let article = Article {
        headline,
        url: r.url(article, "article", "url"),
        authors: r.authors(article, "article"),
        date_published: r.text(article, "article", "datePublished"),
        description: r.paragraph(article, "article", "description"),
        body: r.body(article),
        image: r.image(article, "article"),
        section: r.text(article, "article", "articleSection"),
        language: r.text(article, "article", "inLanguage"),
        publisher: None,
    };
    let related_heading = r.text(data, "", "relatedHeading");
    match data.get("related") {
        None | Some(Json::Array(_)) => {}
        Some(other) => {
            return Err(Error::WrongShape {
                path: "related".into(),
                expected: "an array",
                found: other.kind(),
            })
        }
    }
    Ok(Extracted {
        article,
        related_heading,
        related: Vec::new(),
        warnings: r.warnings,
        provenance: Vec::new(),
        aliases: Vec::new(),
    })
}

/// The longest address read: longer ones are not real links (and servers refuse them).
const URL_MAX: usize = 8_192;

/// The most characters of body text read: several times the longest articles.
const BODY: usize = 200_000;

/// Reads related entry `position` of the data island: `None` when it has no headline (a warning
/// says so), an error when it is not an object.
pub fn related(
    item: &Json,
    position: usize,
    warnings: &mut Vec<Warning>,
) -> Result<Option<Related>, Error> {
    let mut r = Reader {
        warnings: std::mem::take(warnings),
    };
    let read = r.related(item, position);
    *warnings = r.warnings;
    read
}

fn expect_object(v: &Json, path: &str) -> Result<(), Error> {
    match v {
        Json::Object(_) => Ok(()),
        other => Err(Error::WrongShape {
            path: path.into(),
            expected: "an object",
            found: other.kind(),
        }),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        cat(&[path, ".", key])
    }
}

/// `path[i]`: where item `i` of an array is, as warnings and errors name it.
pub(crate) fn index(path: &str, i: usize) -> String {
    cat(&[path, "[", &decimal(i), "]"])
}

/// Collects warnings while reading optional fields.
#[derive(Default)]
struct Reader {
    warnings: Vec<Warning>,
}

impl Reader {
    fn warn(&mut self, path: String, message: impl Into<String>) {
        self.warnings.push(Warning {
            path,
            message: message.into(),
        });
    }

    fn ignored(&mut self, path: String, expected: &str, found: &Json) {
        let message = cat(&["must be ", expected, ", found ", found.kind(), "; ignored"]);
        self.warn(path, message);
    }

    /// `s` cleaned and cut to `max` characters, with a warning when it was cut, at `path` (made
    /// only then: every field read would otherwise write its path).
    fn cut(&mut self, s: &str, max: usize, path: impl FnOnce() -> String) -> String {
        let (text, cut) = clean_to(s, max);
        if cut {
            self.warn(
                path(),
                cat(&["is longer than ", &decimal(max), " characters; cut"]),
            );
        }
        text
    }

    /// An optional line of text: cleaned, cut to [`LINE`] characters, and `None` when empty or
    /// of another type.
    fn text(&mut self, obj: &Json, path: &str, key: &str) -> Option<String> {
        self.text_to(obj, path, key, LINE)
    }

    /// [`Reader::text`] for a paragraph, cut to [`PARAGRAPH`] characters.
    fn paragraph(&mut self, obj: &Json, path: &str, key: &str) -> Option<String> {
        self.text_to(obj, path, key, PARAGRAPH)
    }

    fn text_to(&mut self, obj: &Json, path: &str, key: &str, max: usize) -> Option<String> {
        match obj.get(key)? {
            Json::String(s) => Some(self.cut(s, max, || join(path, key))).filter(|s| !s.is_empty()),
            other => {
                self.ignored(join(path, key), "a string", other);
                None
            }
        }
    }

    /// An optional URL field that must pass the scheme allow-list. Read raw, not through
    /// [`clean`]: folding a tab into a space would hide a `java\tscript:` URL from the check.
    fn url(&mut self, obj: &Json, path: &str, key: &str) -> Option<String> {
        let raw = match obj.get(key)? {
            Json::String(s) => s,
            other => {
                self.ignored(join(path, key), "a string", other);
                return None;
            }
        };
        if raw.trim().is_empty() {
            return None;
        }
        if raw.len() > URL_MAX {
            self.warn(join(path, key), "is longer than 8,192 bytes; ignored");
            return None;
        }
        let safe = safe_href(raw);
        if safe.is_none() {
            self.warn(
                join(path, key),
                "is not an http(s) or relative URL; ignored",
            );
        }
        safe
    }

    fn authors(&mut self, obj: &Json, path: &str) -> Vec<Person> {
        let path = join(path, "author");
        match obj.get("author") {
            None => Vec::new(),
            Some(Json::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, a)| self.person(a, &index(&path, i)))
                .collect(),
            Some(one) => self.person(one, &path).into_iter().collect(),
        }
    }

    fn person(&mut self, v: &Json, path: &str) -> Option<Person> {
        match v {
            Json::String(s) => Some(self.cut(s, LINE, || path.to_owned()))
                .filter(|n| !n.is_empty())
                .map(|name| Person { name, url: None }),
            Json::Object(_) => Some(Person {
                name: self.text(v, path, "name")?,
                url: self.url(v, path, "url"),
            }),
            other => {
                self.ignored(path.to_owned(), "a string or an object with a name", other);
                None
            }
        }
    }

    fn image(&mut self, obj: &Json, path: &str) -> Option<Image> {
        let path = join(path, "image");
        match obj.get("image")? {
            Json::String(s) => (s.len() <= URL_MAX)
                .then(|| safe_href(s))
                .flatten()
                .map(|url| Image {
                    url,
                    ..Image::default()
                }),
            v @ Json::Object(_) => Some(Image {
                url: self.url(v, &path, "url")?,
                width: self.dimension(v, &path, "width"),
                height: self.dimension(v, &path, "height"),
                alt: match v.get("alt") {
                    Some(Json::String(s)) => Some(self.cut(s, LINE, || join(&path, "alt"))),
                    _ => self.text(v, &path, "caption"),
                },
            }),
            other => {
                self.ignored(path, "a string or an object", other);
                None
            }
        }
    }

    fn dimension(&mut self, obj: &Json, path: &str, key: &str) -> Option<u32> {
        match obj.get(key)? {
            v @ (Json::Number(_) | Json::String(_)) => v.as_pixels(),
            other => {
                self.ignored(join(path, key), "a number", other);
                None
            }
        }
    }

    /// The body's paragraphs, up to [`BODY`] characters in all.
    fn body(&mut self, article: &Json) -> Vec<String> {
        let path = "article.articleBody";
        let paragraphs: Vec<&str> = match article.get("articleBody") {
            None => return Vec::new(),
            Some(Json::String(s)) => crate::text::paragraphs(s).collect(),
            Some(Json::Array(items)) => items.iter().filter_map(|p| p.as_str()).collect(),
            Some(other) => {
                self.ignored(path.into(), "a string or an array", other);
                return Vec::new();
            }
        };
        let mut left = BODY;
        let mut body = Vec::new();
        for p in paragraphs {
            if left == 0 {
                self.warn(
                    path.into(),
                    "is longer than 200,000 characters; the rest is left out",
                );
                break;
            }
            let p = self.cut(p, left.min(PARAGRAPH), || path.to_owned());
            left = left.saturating_sub(p.chars().count());
            if !p.is_empty() {
                body.push(p);
            }
        }
        body
    }

    fn related(&mut self, item: &Json, position: usize) -> Result<Option<Related>, Error> {
        let path = index("related", position);
        expect_object(item, &path)?;
        let Some(headline) = self.text(item, &path, "headline") else {
            self.warn(path, "has no headline; skipped");
            return Ok(None);
        };
        Ok(Some(Related {
            headline,
            url: self.url(item, &path, "url"),
            description: self.paragraph(item, &path, "description"),
            authors: self.authors(item, &path),
            image: self.image(item, &path),
            date_published: self.text(item, &path, "datePublished"),
            position,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Json {
        serde_json::from_str(s).unwrap()
    }

    #[test]
    fn reads_author_as_string_object_or_array() {
        let d = parse(
            r#"{"article":{"headline":"h","author":["A", {"name":"B","url":"https://b.example"}, 3]},
                "related":[{"headline":"r","author":{"name":"C"}},{"headline":"s","author":"D"}]}"#,
        );
        let e = read(&d).unwrap();
        let names: Vec<&str> = e.article.authors.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["A", "B"]);
        assert_eq!(
            e.article.authors[1].url.as_deref(),
            Some("https://b.example")
        );
        assert_eq!(e.related[0].authors[0].name, "C");
        assert_eq!(e.related[1].authors[0].name, "D");
        assert_eq!(e.warnings.len(), 1, "{:?}", e.warnings);
        assert_eq!(e.warnings[0].path, "article.author[2]");
    }

    #[test]
    fn reads_image_as_string_or_object() {
        let d = parse(
            r#"{"article":{"headline":"h","image":{"url":"/a.jpg","width":1200,"height":"675","alt":"A"}},
                "related":[{"headline":"r","image":"/b.jpg"}]}"#,
        );
        let e = read(&d).unwrap();
        let img = e.article.image.unwrap();
        assert_eq!(
            (img.url.as_str(), img.width, img.height),
            ("/a.jpg", Some(1200), Some(675))
        );
        assert_eq!(img.alt.as_deref(), Some("A"));
        assert_eq!(e.related[0].image.as_ref().unwrap().url, "/b.jpg");
    }

    #[test]
    fn reads_body_as_string_or_paragraphs() {
        let one = read(&parse(
            r#"{"article":{"headline":"h","articleBody":"p1\n\n p2 \n\n"}}"#,
        ))
        .unwrap();
        assert_eq!(one.article.body, ["p1", "p2"]);
        let many = read(&parse(
            r#"{"article":{"headline":"h","articleBody":["p1","", "p2"]}}"#,
        ))
        .unwrap();
        assert_eq!(many.article.body, ["p1", "p2"]);
    }

    #[test]
    fn ignores_unknown_fields() {
        let e = read(&parse(
            r#"{"x":1,"article":{"headline":"h","@type":"NewsArticle"}}"#,
        ))
        .unwrap();
        assert_eq!(e.article.headline, "h");
        assert!(e.warnings.is_empty());
    }

    #[test]
    fn refuses_data_of_the_wrong_shape() {
        let cases = [
            ("[]", "the article data must be an object, found an array"),
            ("{}", "article must be an object, found nothing"),
            (
                r#"{"article":"x"}"#,
                "article must be an object, found a string",
            ),
            (
                r#"{"article":{"headline":7}}"#,
                "article.headline must be a string, found a number",
            ),
            (
                r#"{"article":{"headline":"h"},"related":{}}"#,
                "related must be an array, found an object",
            ),
            (
                r#"{"article":{"headline":"h"},"related":[{"headline":"a"},"b"]}"#,
                "related[1] must be an object, found a string",
            ),
        ];
        for (input, message) in cases {
            assert_eq!(
                read(&parse(input)).unwrap_err().to_string(),
                message,
                "{input}"
            );
        }
    }

    #[test]
    fn refuses_an_article_without_headline() {
        for input in [r#"{"article":{}}"#, r#"{"article":{"headline":"  "}}"#] {
            assert_eq!(read(&parse(input)).unwrap_err(), Error::MissingHeadline);
        }
    }

    #[test]
    fn skips_related_entry_without_headline_with_a_warning() {
        let e = read(&parse(
            r#"{"article":{"headline":"h"},"related":[{"url":"/a"},{"headline":"b"}]}"#,
        ))
        .unwrap();
        assert_eq!(e.related.len(), 1);
        assert_eq!(e.related[0].position, 1);
        assert_eq!(
            e.warnings[0].to_string(),
            "related[0]: has no headline; skipped"
        );
    }

    #[test]
    fn drops_unsafe_urls_with_a_warning() {
        let e = read(&parse(
            r#"{"article":{"headline":"h","url":"javascript:alert(1)","image":"data:image/svg+xml,x"},
                "related":[{"headline":"b","url":" JavaScript:alert(1)"},{"headline":"c","url":"java\tscript:alert(1)"}]}"#,
        ))
        .unwrap();
        assert_eq!(e.article.url, None);
        assert_eq!(e.article.image, None);
        assert_eq!(e.related[0].url, None);
        assert_eq!(
            e.related[1].url, None,
            "a tab inside the scheme is no disguise"
        );
        assert!(e.warnings.iter().any(|w| w.path == "related[0].url"));
    }

    #[test]
    fn cuts_oversized_text_and_ignores_oversized_addresses_with_warnings() {
        let long = "word ".repeat(400_000);
        let d = Json::object()
            .with(
                "article",
                Json::object()
                    .with(
                        "headline",
                        Json::String(cat(&["Harbour ferry returns ", &long])),
                    )
                    .with("articleBody", vec![Json::from(long.as_str()); 60]),
            )
            .with(
                "related",
                vec![Json::object().with("headline", "Pier plans").with(
                    "url",
                    Json::String(cat(&["https://news.example/", &"a".repeat(9_000)])),
                )],
            );
        let e = read(&d).unwrap();
        assert!(e.article.headline.starts_with("Harbour ferry returns word"));
        assert!(e.article.headline.ends_with("word…"));
        assert!(e.article.headline.chars().count() <= crate::text::LINE + 1);
        let body: usize = e.article.body.iter().map(|p| p.chars().count()).sum();
        assert!((190_000..=200_100).contains(&body), "{body}");
        assert_eq!(e.related[0].url, None);
        let paths: Vec<&str> = e.warnings.iter().map(|w| w.path.as_str()).collect();
        assert!(paths.contains(&"article.headline"));
        assert!(paths.contains(&"article.articleBody"));
        assert!(paths.contains(&"related[0].url"));
    }
}
