//! The story as JSON, in the schema.org names the data island uses: the detail of the
//! `storycard:ready` event (and, natively, what tests compare against expectation files).

use crate::dedupe::{Reason, Removed, Story};
use crate::error::Warning;
use crate::json::Json;
use crate::model::{Article, Image, Person, Related};

impl From<&Person> for Json {
    fn from(p: &Person) -> Json {
        Json::object()
            .with("name", &p.name)
            .with_some("url", p.url.as_ref())
    }
}

impl From<&Image> for Json {
    fn from(i: &Image) -> Json {
        Json::object()
            .with("url", &i.url)
            .with_some("width", i.width)
            .with_some("height", i.height)
            .with_some("alt", i.alt.as_ref())
    }
}

impl From<&Article> for Json {
    fn from(a: &Article) -> Json {
        Json::object()
            .with("headline", &a.headline)
            .with_some("url", a.url.as_ref())
            .with("author", a.authors.iter().collect::<Vec<_>>())
            .with_some("datePublished", a.date_published.as_ref())
            .with_some("description", a.description.as_ref())
            .with("articleBody", a.body.iter().collect::<Vec<_>>())
            .with_some("image", a.image.as_ref())
            .with_some("articleSection", a.section.as_ref())
            .with_some("inLanguage", a.language.as_ref())
            .with_some("publisher", a.publisher.as_ref())
    }
}

impl From<&Related> for Json {
    fn from(r: &Related) -> Json {
        Json::object()
            .with("headline", &r.headline)
            .with_some("url", r.url.as_ref())
            .with_some("description", r.description.as_ref())
            .with("author", r.authors.iter().collect::<Vec<_>>())
            .with_some("image", r.image.as_ref())
            .with_some("datePublished", r.date_published.as_ref())
    }
}

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

impl From<&Removed> for Json {
    fn from(r: &Removed) -> Json {
        Json::object()
            .with("position", r.position)
            .with("headline", &r.headline)
            .with("reason", r.reason.as_str())
            .with_some("mergedInto", r.merged_into)
            // Two decimals: what an editor reads in the console table.
            .with_some(
                "score",
                r.score.map(|s| Json::Number((s * 100.0).round() / 100.0)),
            )
    }
}

impl From<&Warning> for Json {
    fn from(w: &Warning) -> Json {
        Json::object()
            .with("path", &w.path)
            .with("message", &w.message)
    }
}

impl From<&Story> for Json {
    /// `{ article, relatedHeading?, related, removed, omitted, warnings }`
    fn from(s: &Story) -> Json {
        Json::object()
            .with("article", &s.article)
            .with_some("relatedHeading", s.related_heading.as_ref())
            .with("related", s.related.iter().collect::<Vec<_>>())
            .with("removed", s.removed.iter().collect::<Vec<_>>())
            .with("omitted", s.omitted)
            .with("warnings", s.warnings.iter().collect::<Vec<_>>())
            .with_some(
                "provenance",
                (!s.provenance.is_empty()).then(|| {
                    s.provenance
                        .iter()
                        .fold(Json::object(), |o, (field, source)| o.with(field, *source))
                }),
            )
    }
}
