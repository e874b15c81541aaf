//! schema.org JSON-LD in the shapes real pages emit: a top-level object, an array or an `@graph`;
//! `@type` as a string or an array, with or without a `schema:` or URL prefix; the article inside
//! a `WebPage`'s `mainEntity`; `author` and `publisher` inline or as `{"@id": ...}` references;
//! strings with markup or character references in them.

use crate::json::Json;
use crate::markup::plain;
use crate::model::{Article, Image, Person, Related};
use crate::page::MAX_CANDIDATES;
use crate::text::cat;
use crate::url::safe_href;

/// The Article types: `Article` and its schema.org subtypes.
const ARTICLE_TYPES: [&str; 19] = [
    "Article",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "SatiricalArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "Report",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "TechArticle",
    "APIReference",
    "AdvertiserContentArticle",
];

/// Works that are not Articles but that a page can be about, read when it has no Article.
const OTHER_WORKS: [&str; 7] = [
    "Review",
    "VideoObject",
    "PodcastEpisode",
    "Episode",
    "Recipe",
    "HowTo",
    "CreativeWork",
];

/// What the JSON-LD says: the article as found (an empty headline where it gives none), the
/// article node's `@id`, and the related stories it names.
#[derive(Debug, Default, PartialEq)]
pub struct Found {
    /// `headline` (else `name`, `alternativeHeadline`); `url` (else `mainEntityOfPage`);
    /// `author`; `datePublished` (else `dateCreated`, else the WebPage's); `description`;
    /// `articleBody` in paragraphs; the widest `image`; the first `articleSection`;
    /// `inLanguage`; `publisher`'s name.
    pub article: Article,
    /// The article node's `@id` without its fragment, when it is an `http(s)` URL.
    pub id: Option<String>,
    /// Related stories: `ItemList` elements and the `WebPage`'s `relatedLink`s that name a story.
    pub related: Vec<Related>,
}

/// Every node of the parsed blocks: top-level objects, array items, `@graph` members, and the
/// objects nested in `mainEntity`/`mainEntityOfPage`, in document order.
fn nodes<'a>(v: &'a Json, out: &mut Vec<&'a Json>) {
    match v {
        Json::Array(items) => items.iter().for_each(|i| nodes(i, out)),
        Json::Object(_) => {
            if v.get("@type").is_some() || v.get("@id").is_some() {
                out.push(v);
            }
            for key in ["@graph", "mainEntity", "mainEntityOfPage", "itemReviewed"] {
                if let Some(inner) = v.get(key) {
                    nodes(inner, out);
                }
            }
        }
        _ => {}
    }
}

/// The node's types without prefixes: `schema:NewsArticle` and `https://schema.org/NewsArticle`
/// are both `NewsArticle`.
fn short(t: &str) -> &str {
    t.rsplit(['/', ':', '#']).next().unwrap_or(t).trim()
}

fn types(node: &Json) -> Vec<&str> {
    match node.get("@type") {
        Some(Json::String(t)) => vec![short(t)],
        Some(Json::Array(ts)) => ts.iter().filter_map(Json::as_str).map(short).collect(),
        _ => Vec::new(),
    }
}

fn is_a(node: &Json, wanted: &[&str]) -> bool {
    types(node).iter().any(|t| wanted.contains(t))
}

/// Follows an `{"@id": ...}` reference to the node that carries that `@id`.
fn resolve<'a>(v: &'a Json, all: &[&'a Json]) -> &'a Json {
    if let (Json::Object(members), Some(id)) = (v, v.get("@id").and_then(Json::as_str)) {
        if members.len() == 1 {
            if let Some(n) = all.iter().find(|n| {
                n.get("@id").and_then(Json::as_str) == Some(id)
                    && !matches!(n, Json::Object(m) if m.len() == 1)
            }) {
                return n;
            }
        }
    }
    v
}

fn text(v: Option<&Json>) -> Option<String> {
    match v? {
        Json::String(s) => Some(plain(s)).filter(|s| !s.is_empty()),
        Json::Array(items) => items.iter().find_map(|i| text(Some(i))),
        _ => None,
    }
}

fn url_of(v: Option<&Json>) -> Option<String> {
    match v? {
        Json::String(s) => safe_href(s),
        v @ Json::Object(_) => url_of(v.get("url")).or_else(|| page_of_id(v)),
        Json::Array(items) => items.iter().find_map(|i| url_of(Some(i))),
        _ => None,
    }
}

/// The page a node's `@id` names: an `@id` names a node, and without its fragment
/// (`#webpage`, `#article`) the page the node is on.
fn page_of_id(node: &Json) -> Option<String> {
    let id = safe_href(node.get("@id")?.as_str()?)?;
    Some(id.split('#').next().unwrap_or_default().to_owned()).filter(|u| !u.is_empty())
}

fn name_of(v: &Json, all: &[&Json]) -> Option<String> {
    match resolve(v, all) {
        // A profile URL given as the author is not a name.
        Json::String(s) => Some(plain(s)).filter(|s| !s.is_empty() && !s.contains("://")),
        node @ Json::Object(_) => text(node.get("name")).or_else(|| {
            let given = text(node.get("givenName"))?;
            Some(match text(node.get("familyName")) {
                Some(family) => cat(&[given.as_str(), " ", &family]),
                None => given,
            })
        }),
        _ => None,
    }
}

fn people(v: Option<&Json>, all: &[&Json]) -> Vec<Person> {
    let one = |v: &Json| {
        let node = resolve(v, all);
        name_of(node, all).map(|name| Person {
            name,
            url: url_of(node.get("url")),
        })
    };
    let mut out: Vec<Person> = match v {
        Some(Json::Array(items)) => items.iter().filter_map(one).collect(),
        Some(v) => one(v).into_iter().collect(),
        None => Vec::new(),
    };
    out.dedup_by(|a, b| a.name == b.name);
    out
}

/// The widest usable image of an `image` value (a URL, an ImageObject, or a list of either); the
/// first when none gives a width.
pub fn image(v: Option<&Json>, all: &[&Json]) -> Option<Image> {
    let one = |v: &Json| -> Option<Image> {
        match resolve(v, all) {
            Json::String(s) => safe_href(s).map(|url| Image {
                url,
                ..Image::default()
            }),
            node @ Json::Object(_) => Some(Image {
                url: url_of(node.get("url")).or_else(|| url_of(node.get("contentUrl")))?,
                width: node.get("width").and_then(Json::as_pixels),
                height: node.get("height").and_then(Json::as_pixels),
                alt: text(node.get("caption")).or_else(|| text(node.get("name"))),
            }),
            _ => None,
        }
    };
    let candidates: Vec<Image> = match v? {
        Json::Array(items) => items.iter().filter_map(one).collect(),
        v => one(v).into_iter().collect(),
    };
    let mut best: Option<Image> = None;
    for c in candidates {
        if best
            .as_ref()
            .is_none_or(|b| c.width.unwrap_or(0) > b.width.unwrap_or(0))
        {
            best = Some(c);
        }
    }
    best
}

/// A story named by a node or a list item: its headline and URL, and what else it gives.
fn story(v: &Json, all: &[&Json], position: usize) -> Option<Related> {
    let node = resolve(v, all);
    let node = match node.get("item") {
        Some(item) => resolve(item, all),
        None => node,
    };
    let outer = resolve(v, all);
    Some(Related {
        headline: text(node.get("headline"))
            .or_else(|| text(node.get("name")))
            .or_else(|| text(outer.get("name")))?,
        url: url_of(node.get("url"))
            .or_else(|| url_of(outer.get("url")))
            .or_else(|| url_of(node.get("@id")).filter(|u| u.starts_with("http"))),
        description: text(node.get("description")),
        authors: people(node.get("author"), all),
        image: image(node.get("image"), all),
        date_published: text(node.get("datePublished")),
        position,
    })
}

/// Reads the parsed JSON-LD blocks of a page.
pub fn read(blocks: &[Json]) -> Found {
    let mut all = Vec::new();
    for b in blocks {
        nodes(b, &mut all);
    }
    let mut found = Found::default();
    // The first Article node with a headline, else the first Article node; without any, the
    // first of the other works a page can be about (a review, a video, an episode).
    let mut articles: Vec<&Json> = all
        .iter()
        .copied()
        .filter(|n| is_a(n, &ARTICLE_TYPES))
        .collect();
    if articles.is_empty() {
        articles = all
            .iter()
            .copied()
            .filter(|n| is_a(n, &OTHER_WORKS))
            .collect();
    }
    let article = articles
        .iter()
        .find(|n| n.get("headline").is_some())
        .or(articles.first())
        .copied();
    if let Some(a) = article {
        found.article.headline = text(a.get("headline"))
            .or_else(|| text(a.get("name")))
            .or_else(|| text(a.get("alternativeHeadline")))
            .unwrap_or_default();
        found.article.url = url_of(a.get("url")).or_else(|| {
            let page = a.get("mainEntityOfPage")?;
            url_of(Some(resolve(page, &all)))
        });
        found.id = page_of_id(a).filter(|u| u.starts_with("http"));
        found.article.authors = people(a.get("author"), &all);
        found.article.date_published =
            text(a.get("datePublished")).or_else(|| text(a.get("dateCreated")));
        found.article.description = text(a.get("description"));
        found.article.body = match a.get("articleBody") {
            Some(Json::String(s)) => s
                .split("\n\n")
                .map(plain)
                .filter(|p| !p.is_empty())
                .collect(),
            _ => Vec::new(),
        };
        found.article.image =
            image(a.get("image"), &all).or_else(|| image(a.get("thumbnailUrl"), &all));
        found.article.section = text(a.get("articleSection"));
        found.article.language = match a.get("inLanguage") {
            Some(l @ Json::Object(_)) => {
                text(l.get("alternateName")).or_else(|| text(l.get("name")))
            }
            l => text(l),
        };
        found.article.publisher = a
            .get("publisher")
            .and_then(|p| name_of(p, &all))
            .or_else(|| a.get("sourceOrganization").and_then(|p| name_of(p, &all)));
    }
    if found.article.date_published.is_none() {
        // Some sites date the WebPage rather than the Article.
        found.article.date_published = all
            .iter()
            .filter(|n| is_a(n, &["WebPage", "ItemPage"]))
            .find_map(|n| text(n.get("datePublished")));
    }
    if found.article.publisher.is_none() {
        found.article.publisher = all.iter().find(|n| is_a(n, &["WebSite"])).and_then(|n| {
            n.get("publisher")
                .and_then(|p| name_of(p, &all))
                .or_else(|| text(n.get("name")))
        });
    }
    let mut position = 0;
    for list in all.iter().filter(|n| is_a(n, &["ItemList"])) {
        if let Some(Json::Array(items)) = list.get("itemListElement") {
            // Past the page's candidate limit, the rest is not read (see `from_page`).
            for item in items.iter().take(MAX_CANDIDATES + 1) {
                if let Some(r) = story(item, &all, position) {
                    found.related.push(r);
                }
                position += 1;
            }
        }
    }
    for page in all
        .iter()
        .filter(|n| is_a(n, &["WebPage", "ItemPage", "CollectionPage"]))
    {
        let links: Vec<&Json> = match page.get("relatedLink") {
            Some(Json::Array(items)) => items.iter().collect(),
            Some(one) => vec![one],
            None => Vec::new(),
        };
        for link in links.into_iter().take(MAX_CANDIDATES + 1) {
            let url = url_of(Some(link));
            // A bare URL names no story; one that another node describes does.
            let node = all
                .iter()
                .find(|n| is_a(n, &ARTICLE_TYPES) && url.is_some() && url_of(n.get("url")) == url);
            if let Some(r) = node.and_then(|n| story(n, &all, position)) {
                found.related.push(r);
            }
            position += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Vec<Json> {
        vec![Json::parse_lenient(s).unwrap()]
    }

    #[test]
    fn reads_a_yoast_graph_with_id_references() {
        let f = read(&parse(
            r#"{"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","@id":"https://ex.com/a/#webpage","url":"https://ex.com/a/"},
              {"@type":["Article","NewsArticle"],"@id":"https://ex.com/a/#article",
               "headline":"Tom &amp; Jerry&#8217;s <b>story</b>","author":{"@id":"https://ex.com/#/person/1"},
               "publisher":{"@id":"https://ex.com/#organization"},"mainEntityOfPage":{"@id":"https://ex.com/a/#webpage"},
               "datePublished":"2024-02-01T10:00:00+00:00","articleSection":["Politics","World"],"inLanguage":"en-US",
               "image":{"@id":"https://ex.com/a/#primaryimage"}},
              {"@type":"ImageObject","@id":"https://ex.com/a/#primaryimage","url":"https://ex.com/i.jpg","width":1200,"height":630,"caption":"A caption"},
              {"@type":"Person","@id":"https://ex.com/#/person/1","name":"Jane Doe","url":"https://ex.com/jane"},
              {"@type":"Organization","@id":"https://ex.com/#organization","name":"Example News"}]}"#,
        ));
        assert_eq!(f.article.headline, "Tom & Jerry’s story");
        assert_eq!(
            f.article.authors,
            [Person {
                name: "Jane Doe".into(),
                url: Some("https://ex.com/jane".into())
            }]
        );
        assert_eq!(f.article.publisher.as_deref(), Some("Example News"));
        assert_eq!(f.article.section.as_deref(), Some("Politics"));
        assert_eq!(f.article.language.as_deref(), Some("en-US"));
        assert_eq!(
            f.article.url.as_deref(),
            Some("https://ex.com/a/"),
            "mainEntityOfPage names the WebPage node, whose url is the page's"
        );
        assert_eq!(f.id.as_deref(), Some("https://ex.com/a/"));
        let img = f.article.image.unwrap();
        assert_eq!(
            (img.url.as_str(), img.width, img.alt.as_deref()),
            ("https://ex.com/i.jpg", Some(1200), Some("A caption"))
        );
    }

    #[test]
    fn finds_the_article_inside_a_webpage_main_entity() {
        let f = read(&parse(
            r#"[{"@context":"http://schema.org","@type":"WebPage","mainEntity":
                {"@type":"schema:ReportageNewsArticle","headline":"Inside","author":["A",{"@type":"Organization","name":"B Desk"}],
                 "image":["https://x.com/s.jpg",{"@type":"ImageObject","url":"https://x.com/l.jpg","width":"2048px"},{"url":"https://x.com/m.jpg","width":800}]}}]"#,
        ));
        assert_eq!(f.article.headline, "Inside");
        let names: Vec<_> = f.article.authors.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["A", "B Desk"]);
        assert_eq!(
            f.article.image.unwrap().url,
            "https://x.com/l.jpg",
            "the widest image"
        );
    }

    #[test]
    fn reads_item_lists_as_related_stories() {
        let f = read(&parse(
            r#"{"@graph":[{"@type":"NewsArticle","headline":"Main"},
              {"@type":"ItemList","itemListElement":[
                {"@type":"ListItem","position":1,"url":"https://x.com/1","name":"First related story"},
                {"@type":"ListItem","position":2,"item":{"@type":"NewsArticle","headline":"Second story","url":"https://x.com/2"}}]}]}"#,
        ));
        let got: Vec<_> = f
            .related
            .iter()
            .map(|r| (r.headline.as_str(), r.url.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("First related story", Some("https://x.com/1")),
                ("Second story", Some("https://x.com/2"))
            ]
        );
    }

    #[test]
    fn reads_a_how_to_where_the_page_has_no_article() {
        // (a DIY page's only work, with its date: homify's projects)
        let f = read(&parse(
            r#"{"@type":"HowTo","name":"Eine runde Tischdecke in 7 Schritten","datePublished":"2022-01-10T22:06:08Z"}"#,
        ));
        assert_eq!(f.article.headline, "Eine runde Tischdecke in 7 Schritten");
        assert_eq!(
            f.article.date_published.as_deref(),
            Some("2022-01-10T22:06:08Z")
        );
    }

    #[test]
    fn ignores_nodes_that_are_not_articles() {
        let f = read(&parse(
            r#"{"@type":"Organization","name":"Not a headline"}"#,
        ));
        assert_eq!(f.article.headline, "");
        assert_eq!(f.article.publisher, None);
    }
}
