//! The widget's options, read once and by one set of rules, whichever way it is used: the
//! `<story-card>` element's attributes, the object given to `mount()` or `renderToString()`, the
//! command line's flags, and the Rust API.
//!
//! [`Options`] deserializes with serde from any format (serde-wasm-bindgen in the browser and in
//! Node, serde_json natively), under the names the JavaScript API documents. A value the widget
//! cannot use is never an error that stops the card: the option keeps its default and a
//! [`Warning`] says why (`options.max: must be a whole number …`), the same warning everywhere,
//! in the story's warnings (the `storycard:ready` event, the console, the command line).
//!
//! ```
//! let options: storycard::Options = serde_json::from_str(
//!     r#"{ "max": "5", "nearDuplicates": "off", "labels": { "readMore": "Continue" } }"#,
//! ).unwrap();
//! assert_eq!(options.max, 5);
//! assert!(!options.near_duplicates);
//! assert_eq!(options.labels, [("readMore".to_owned(), "Continue".to_owned())]);
//!
//! let options: storycard::Options = serde_json::from_str(r#"{ "max": "many" }"#).unwrap();
//! assert_eq!(options.max, storycard::DEFAULT_MAX);
//! assert_eq!(options.warnings[0].line(), "options.max: must be a whole number, found a string; 20 is used");
//! ```

use serde::{Deserialize, Deserializer};

use crate::dedupe::{Rules, Story};
use crate::model::Article;
use crate::error::Warning;
use crate::i18n::Labels;
use crate::json::Json;
use crate::text::{cat, decimal};
use crate::vocabulary::{Kind, ATTRIBUTES};

/// How many related stories the carousel shows when `max` is not set.
pub const DEFAULT_MAX: usize = 20;

/// Everything a widget is rendered with, as documented for `mount()` (camelCase names); the
/// element's attributes are the same in kebab case ([`Options::from_attributes`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// `source`: the CSS selector of the data island (a `<script type="application/json">`).
    pub source: Option<String>,
    /// `related`: the CSS selector list of the page's related-link containers, read with the page
    /// when there is no data.
    pub related: Option<String>,
    /// `max`: how many related stories are shown (a whole number, or a string of one).
    pub max: usize,
    /// `lang`: the language of the labels and dates; the article's own, else the page's around
    /// the element, else English.
    pub lang: Option<String>,
    /// `labels`: replacements for the widget's words, as (name, text) pairs of [`Labels::NAMES`].
    pub labels: Vec<(String, String)>,
    /// `autoplay`: the slides rotate by themselves until the reader stops them.
    pub autoplay: bool,
    /// `nearDuplicates`: whether reworded and syndicated copies of a story go too (on unless
    /// `false`, `"off"` or `"false"`); exact repeats always go.
    pub near_duplicates: bool,
    /// `trackingParams`: the site's own tracking parameters, besides the usual ones.
    pub tracking_params: Vec<String>,
    /// `url`: the page's address, for relative links (a server's or the command line's; the
    /// browser knows its own).
    pub url: Option<String>,
    /// `hydrate`: the shadow root holds server-rendered markup to take over.
    pub hydrate: bool,
    /// `id`: the id of the data island a server writes (`storycard-data` unless given).
    pub id: Option<String>,
    /// `stylesheet`: the address of `storycard.css`, linked from a server-rendered shadow root
    /// instead of written into it (for a Content-Security-Policy without inline styles).
    pub stylesheet: Option<String>,
    /// What could not be used, and what was used instead.
    pub warnings: Vec<Warning>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            source: None,
            related: None,
            max: DEFAULT_MAX,
            lang: None,
            labels: Vec::new(),
            autoplay: false,
            near_duplicates: true,
            tracking_params: Vec::new(),
            url: None,
            hydrate: false,
            id: None,
            stylesheet: None,
            warnings: Vec::new(),
        }
    }
}

/// The options as given: each value as it came, read by [`Options::from_given`]. Only these
/// names are read from a JavaScript object (its `data` and `taken` are not converted).
#[derive(Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Given {
    source: Option<Json>,
    related: Option<Json>,
    max: Option<Json>,
    lang: Option<Json>,
    labels: Option<Json>,
    autoplay: Option<Json>,
    near_duplicates: Option<Json>,
    tracking_params: Option<Json>,
    url: Option<Json>,
    hydrate: Option<Json>,
    id: Option<Json>,
    stylesheet: Option<Json>,
}

impl<'de> Deserialize<'de> for Options {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Options, D::Error> {
        Option::<Given>::deserialize(d).map(|given| Options::from_given(given.unwrap_or_default()))
    }
}

impl Options {
    /// The options of a `<story-card>` element's attributes, as (name, value) pairs: `max="5"`,
    /// `near-duplicates="off"`, `autoplay` (present: on), `label-read-more="…"`. Other attributes
    /// are not options and are left alone.
    ///
    /// ```
    /// let options = storycard::Options::from_attributes([
    ///     ("related", ".related-top, .related-bottom"), ("label-read-more", "Continue"), ("class", "x"),
    /// ]);
    /// assert_eq!(options.related.as_deref(), Some(".related-top, .related-bottom"));
    /// assert_eq!(options.labels, [("readMore".to_owned(), "Continue".to_owned())]);
    /// ```
    pub fn from_attributes<'a>(
        attributes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Options {
        Options::from_json(&Options::attributes_json(attributes))
    }

    /// [`Options::from_attributes`] as the JSON object of option names it stands for.
    pub fn attributes_json<'a>(attributes: impl IntoIterator<Item = (&'a str, &'a str)>) -> Json {
        let mut options = Json::object();
        let mut labels = Json::object();
        for (name, value) in attributes {
            let name = name.to_ascii_lowercase();
            if let Some(label) = name.strip_prefix("label-") {
                labels = labels.with(&camel(label), value);
            } else if let Some((_, option, kind)) = ATTRIBUTES.iter().find(|(a, _, _)| *a == name) {
                // (a flag is on when present, whatever its value)
                options = match kind {
                    Kind::Text => options.with(option, value),
                    Kind::Flag | Kind::FlagOrValue => options.with(option, Json::Bool(true)),
                };
            }
        }
        if matches!(&labels, Json::Object(m) if !m.is_empty()) {
            options = options.with("labels", labels);
        }
        options
    }

    /// The options of a JSON object of option names, as [`Deserialize`] reads them.
    pub fn from_json(json: &Json) -> Options {
        serde_json::to_value(json)
            .and_then(Options::deserialize)
            .unwrap_or_default()
    }

    fn from_given(given: Given) -> Options {
        let mut warnings = Vec::new();
        let mut warn = |name: &str, message: &[&str]| {
            warnings.push(Warning {
                path: cat(&["options.", name]),
                message: message.concat(),
            })
        };
        let text =
            |name: &str, value: Option<Json>, warn: &mut dyn FnMut(&str, &[&str])| match value {
                None | Some(Json::Null) => None,
                Some(Json::String(s)) if s.trim().is_empty() => None,
                Some(Json::String(s)) => Some(s),
                Some(other) => {
                    warn(
                        name,
                        &["must be a string, found ", other.kind(), "; it is ignored"],
                    );
                    None
                }
            };
        let source = text("source", given.source, &mut warn);
        let related = text("related", given.related, &mut warn);
        let lang = text("lang", given.lang, &mut warn);
        let url = text("url", given.url, &mut warn);
        let id = text("id", given.id, &mut warn);
        let stylesheet = text("stylesheet", given.stylesheet, &mut warn);
        let default_max = decimal(DEFAULT_MAX);
        let max = match given.max {
            None | Some(Json::Null) => DEFAULT_MAX,
            Some(Json::Number(n)) if n.is_finite() && n >= 0.0 && n.fract() == 0.0 => {
                n.min(u32::MAX as f64) as usize
            }
            Some(Json::String(s)) if s.trim().parse::<u32>().is_ok() => {
                s.trim().parse::<u32>().map_or(DEFAULT_MAX, |n| n as usize)
            }
            Some(other) => {
                warn(
                    "max",
                    &[
                        "must be a whole number, found ",
                        other.kind(),
                        "; ",
                        &default_max,
                        " is used",
                    ],
                );
                DEFAULT_MAX
            }
        };
        let near_duplicates = match given.near_duplicates {
            None | Some(Json::Null) | Some(Json::Bool(true)) => true,
            Some(Json::Bool(false)) => false,
            Some(Json::String(s)) => match s.trim() {
                "off" | "false" => false,
                "" | "on" | "true" => true,
                _ => {
                    warn(
                        "nearDuplicates",
                        &["must be \"on\" or \"off\", found \"", &s, "\"; on is used"],
                    );
                    true
                }
            },
            Some(other) => {
                warn(
                    "nearDuplicates",
                    &[
                        "must be true or false, found ",
                        other.kind(),
                        "; on is used",
                    ],
                );
                true
            }
        };
        let mut labels = Vec::new();
        match given.labels {
            None | Some(Json::Null) => {}
            Some(Json::Object(members)) => {
                for (name, value) in members {
                    if !Labels::NAMES.contains(&name.as_str()) {
                        warn(
                            &cat(&["labels.", &name]),
                            &["is no label; the labels are ", &Labels::NAMES.join(", ")],
                        );
                        continue;
                    }
                    match value {
                        Json::String(s) if !s.trim().is_empty() => labels.push((name, s)),
                        Json::String(_) | Json::Null => {}
                        other => warn(
                            &cat(&["labels.", &name]),
                            &["must be a string, found ", other.kind(), "; it is ignored"],
                        ),
                    }
                }
            }
            Some(other) => warn(
                "labels",
                &["must be an object, found ", other.kind(), "; it is ignored"],
            ),
        }
        let tracking_params = match given.tracking_params {
            None | Some(Json::Null) => Vec::new(),
            Some(Json::Array(items)) => items
                .into_iter()
                .filter_map(|item| match item {
                    Json::String(s) => Some(s),
                    other => {
                        warn(
                            "trackingParams",
                            &["holds ", other.kind(), ", not a name; it is ignored"],
                        );
                        None
                    }
                })
                .collect(),
            Some(other) => {
                warn(
                    "trackingParams",
                    &[
                        "must be an array of names, found ",
                        other.kind(),
                        "; it is ignored",
                    ],
                );
                Vec::new()
            }
        };
        Options {
            source,
            related,
            max,
            lang,
            labels,
            autoplay: given.autoplay.as_ref().is_some_and(truthy),
            near_duplicates,
            tracking_params,
            url,
            hydrate: given.hydrate.as_ref().is_some_and(truthy),
            id,
            stylesheet,
            warnings,
        }
    }

    /// How entries are compared under these options; `base` resolves relative addresses (the
    /// page's address, else [`Options::url`]).
    pub fn rules<'a>(&'a self, base: Option<&'a str>) -> Rules<'a> {
        Rules {
            base: base.or(self.url.as_deref()),
            tracking: &self.tracking_params,
            near_duplicates: self.near_duplicates,
        }
    }

    /// The language a story renders in: the option, else the article's own, else `around` (the
    /// page's language around the element), else English.
    pub fn language<'a>(&'a self, story: Option<&'a Story>, around: Option<&'a str>) -> &'a str {
        self.language_of(story.map(|s| &s.article), around)
    }

    /// [`Options::language`] of a story of `article`.
    pub fn language_of<'a>(
        &'a self,
        article: Option<&'a Article>,
        around: Option<&'a str>,
    ) -> &'a str {
        let article = article.and_then(|a| a.language.as_deref());
        [self.lang.as_deref(), article, around]
            .into_iter()
            .flatten()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("en")
    }

    /// The labels in `lang`, with this page's replacements.
    pub fn labels_in<'a>(&'a self, lang: &'a str) -> Labels<'a> {
        Labels::with(lang, &self.labels)
    }
}

/// Whether a value is true as JavaScript reads it (`autoplay: 8` and `autoplay: "8"` are on).
fn truthy(value: &Json) -> bool {
    match value {
        Json::Null => false,
        Json::Bool(b) => *b,
        Json::Number(n) => *n != 0.0 && !n.is_nan(),
        Json::String(s) => !s.is_empty(),
        Json::Array(_) | Json::Object(_) => true,
    }
}

/// `read-more` as `readMore`.
fn camel(kebab: &str) -> String {
    let mut name = String::with_capacity(kebab.len());
    let mut upper = false;
    for c in kebab.chars() {
        if c == '-' {
            upper = true;
        } else if upper {
            name.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            name.push(c);
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Options {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn every_way_of_giving_max_is_read_by_one_rule() {
        for (given, max, warned) in [
            ("5", 5, false),
            ("\"5\"", 5, false),
            ("\" 7 \"", 7, false),
            ("0", 0, false),
            ("null", 20, false),
            ("-1", 20, true),
            ("2.5", 20, true),
            ("\"five\"", 20, true),
            ("true", 20, true),
        ] {
            let options = read(&["{\"max\":", given, "}"].concat());
            assert_eq!(options.max, max, "{given}");
            assert_eq!(options.warnings.len(), usize::from(warned), "{given}");
        }
        assert_eq!(Options::from_attributes([("max", "3")]).max, 3);
    }

    #[test]
    fn near_duplicates_go_unless_turned_off() {
        for (given, on) in [
            ("{}", true),
            ("{\"nearDuplicates\":false}", false),
            ("{\"nearDuplicates\":\"off\"}", false),
            ("{\"nearDuplicates\":\" false \"}", false),
            ("{\"nearDuplicates\":\"on\"}", true),
            ("{\"nearDuplicates\":true}", true),
        ] {
            assert_eq!(read(given).near_duplicates, on, "{given}");
            assert!(read(given).warnings.is_empty(), "{given}");
        }
        assert!(!Options::from_attributes([("near-duplicates", "off")]).near_duplicates);
        let odd = read("{\"nearDuplicates\":\"sometimes\"}");
        assert!(odd.near_duplicates);
        assert_eq!(odd.warnings[0].path, "options.nearDuplicates");
    }

    #[test]
    fn labels_unknown_names_and_wrong_types_are_warned_about() {
        let options =
            read(r#"{"labels":{"readMore":"Continue","redMore":"x","next":5,"prev":""},"lang":7}"#);
        assert_eq!(
            options.labels,
            [("readMore".to_owned(), "Continue".to_owned())]
        );
        let paths: Vec<_> = options.warnings.iter().map(|w| w.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "options.lang",
                "options.labels.redMore",
                "options.labels.next"
            ]
        );
        assert_eq!(options.lang, None);
    }

    #[test]
    fn attributes_are_the_options_in_kebab_case() {
        let options = Options::from_attributes([
            ("source", "#data"),
            ("autoplay", ""),
            ("LANG", "vi"),
            ("label-reading-time", "{n} phút"),
            ("hide-related", ""),
        ]);
        assert_eq!(options.source.as_deref(), Some("#data"));
        assert!(options.autoplay);
        assert_eq!(options.lang.as_deref(), Some("vi"));
        assert_eq!(
            options.labels,
            [("readingTime".to_owned(), "{n} phút".to_owned())]
        );
        assert!(options.warnings.is_empty());
    }

    #[test]
    fn no_options_are_the_defaults() {
        assert_eq!(read("null"), Options::default());
        assert_eq!(read("{}"), Options::default());
        assert_eq!(
            read("{\"data\":{\"article\":{}},\"taken\":[1]}"),
            Options::default()
        );
    }
}
