//! The story as data in the schema.org names the data island uses: the detail of the
//! `storycard:ready` event (serde-wasm-bindgen makes it a JavaScript object), the data island a
//! server writes, and, natively, what the command line prints and tests compare against
//! expectation files. The model's own `Serialize` ([`crate::model`]) gives every field its name;
//! this module puts them together.
//!
//! ```
//! use storycard::{dedupe::Story, model::Article};
//! let story = Story {
//!     article: Article { headline: "Ferry \"returns\"".into(), ..Article::default() },
//!     ..Story::default()
//! };
//! assert_eq!(
//!     serde_json::to_string(&story).unwrap(),
//!     r#"{"article":{"headline":"Ferry \"returns\"","author":[],"articleBody":[]},"related":[],"removed":[],"omitted":0,"warnings":[]}"#
//! );
//! ```

use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::dedupe::{Reason, Story};
use crate::json::Json;
use crate::model::{Article, Related};

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

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A near duplicate's score with two decimals, what an editor reads in the console table (a
/// whole number as one).
pub(crate) fn score<S: Serializer>(score: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    let hundredths = (score.unwrap_or(0.0).clamp(0.0, 1.0) * 100.0).round();
    if hundredths % 100.0 == 0.0 {
        s.serialize_u64((hundredths / 100.0) as u64)
    } else {
        s.serialize_f64(hundredths / 100.0)
    }
}

/// Where each article field came from, as an object (`{ "headline": "json-ld" }`).
pub(crate) fn provenance<S: Serializer>(
    fields: &[(&'static str, &'static str)],
    s: S,
) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(fields.len()))?;
    for (field, source) in fields {
        map.serialize_entry(field, source)?;
    }
    map.end()
}

/// The data island of a story as shown: `{ article, relatedHeading?, related }`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Island<'a> {
    /// The article.
    pub article: &'a Article,
    /// The related list's heading, when the data gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related_heading: Option<&'a str>,
    /// The related stories kept.
    pub related: &'a [Related],
}

impl<'a> From<&'a Story> for Island<'a> {
    fn from(s: &'a Story) -> Island<'a> {
        Island {
            article: &s.article,
            related_heading: s.related_heading.as_deref(),
            related: &s.related,
        }
    }
}

/// The data island of a story as shown, as JSON text.
pub fn island(s: &Story) -> String {
    serde_json::to_string(&Island::from(s)).unwrap_or_default()
}

impl From<&Story> for Json {
    /// The ready event's detail as a value (natively, for tests).
    fn from(s: &Story) -> Json {
        serde_json::to_value(s)
            .and_then(Json::deserialize)
            .unwrap_or(Json::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::Removed;
    use crate::error::Warning;
    use crate::model::{Image, Person};

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
                    url: None,
                    reason: Reason::NearDuplicate,
                    merged_into: Some(0),
                    score: Some(0.8349),
                },
                Removed {
                    position: 4,
                    headline: "S".into(),
                    url: None,
                    reason: Reason::SameUrl,
                    merged_into: None,
                    score: Some(1.0),
                },
                Removed {
                    position: 5,
                    headline: "T".into(),
                    url: None,
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
        let v = parsed(&serde_json::to_string(&story).unwrap());
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
        assert_eq!(
            parsed(&serde_json::to_string(&story.removed[2]).unwrap()),
            v["removed"][2]
        );
        let island = parsed(&island(&story));
        assert_eq!(island["related"], v["related"]);
        assert_eq!(island["article"], v["article"]);
        assert!(island.get("removed").is_none());
    }
}
