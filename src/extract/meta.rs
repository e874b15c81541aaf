//! Open Graph, Twitter, Dublin Core and plain HTML metadata: what almost every page carries even
//! without JSON-LD. Each reader returns the value and the tag it came from.

use crate::model::Image;
use crate::page::Page;
use crate::text::{cat, plain};
use crate::url::safe_href;

/// A value and where it came from (a tag such as `og:title`).
pub type Sourced<T> = Option<(T, &'static str)>;

fn first(page: &Page, keys: &[&'static str]) -> Sourced<String> {
    keys.iter().find_map(|&k| {
        let v = plain(page.meta(k)?);
        (!v.is_empty()).then_some((v, k))
    })
}

/// `og:title`, `twitter:title`, `dc.title`, microdata `itemprop=headline`, then `<title>`, each
/// without the site name when
/// it is joined to it; then `<h1>`.
pub fn headline(page: &Page, site: Option<&str>) -> Sourced<String> {
    first(
        page,
        &[
            "og:title",
            "twitter:title",
            "dc.title",
            "dcterms.title",
            "headline",
            "title",
        ],
    )
    .map(|(t, k)| {
        (
            if site.is_some() {
                strip_site_name(&t, site)
            } else {
                t
            },
            k,
        )
    })
    .or_else(|| {
        let t = plain(page.title.as_deref()?);
        // "Headline - Site" where the page's <h1> is "Headline": the <h1> shows where the
        // headline ends, even when the site name is not known.
        let h1 = page.h1.as_deref().map(plain).filter(|h| !h.is_empty());
        if let Some(h1) = h1.filter(|h| {
            t.strip_prefix(h.as_str())
                .is_some_and(|rest| SEPARATORS.iter().any(|sep| rest.starts_with(sep)))
        }) {
            return Some((h1, "title"));
        }
        (!t.is_empty()).then(|| (strip_site_name(&t, site), "title"))
    })
    .or_else(|| Some((plain(page.h1.as_deref()?), "h1")).filter(|(t, _)| !t.is_empty()))
}

/// Separators a site name is joined to a title with.
const SEPARATORS: [&str; 5] = [" | ", " :: ", " – ", " — ", " - "];

/// The title without the site name: the part equal to the known site name goes; without a known
/// name only a last part after ` | ` or ` :: ` goes (a ` - ` is as often part of the headline).
///
/// ```
/// use storycard::extract::meta::strip_site_name;
/// assert_eq!(strip_site_name("Stocks fall | Example News", None), "Stocks fall");
/// assert_eq!(strip_site_name("Example News - Stocks fall", Some("example news")), "Stocks fall");
/// assert_eq!(strip_site_name("Glory of Vietnam 2025 - Pride and Aspiration", None), "Glory of Vietnam 2025 - Pride and Aspiration");
/// ```
pub fn strip_site_name(title: &str, site: Option<&str>) -> String {
    for sep in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let known =
                |part: &str| site.is_some_and(|s| part.trim().eq_ignore_ascii_case(s.trim()));
            if known(tail) || (site.is_none() && matches!(sep, " | " | " :: ")) {
                return head.trim().to_owned();
            }
            if let Some((first_part, rest)) = title.split_once(sep) {
                if known(first_part) {
                    return rest.trim().to_owned();
                }
            }
        }
    }
    title.to_owned()
}

/// `og:description`, `twitter:description`, `description`, `dc.description`.
pub fn description(page: &Page) -> Sourced<String> {
    first(
        page,
        &[
            "og:description",
            "twitter:description",
            "description",
            "dc.description",
            "dcterms.description",
        ],
    )
}

/// `link rel=canonical`, then `og:url`, `twitter:url`.
pub fn url(page: &Page) -> Sourced<String> {
    page.link("canonical")
        .and_then(safe_href)
        .map(|u| (u, "canonical"))
        .or_else(|| {
            ["og:url", "twitter:url"]
                .iter()
                .find_map(|&k| Some((safe_href(page.meta(k)?)?, k)))
        })
}

/// Every address the page's tags give the article: `<link rel=canonical>`, `og:url`,
/// `twitter:url`.
pub fn urls(page: &Page) -> impl Iterator<Item = String> + '_ {
    [
        page.link("canonical"),
        page.meta("og:url"),
        page.meta("twitter:url"),
    ]
    .into_iter()
    .flatten()
    .filter_map(safe_href)
}

/// `article:author` (when it is a name, not a profile URL), `author`, `dc.creator`,
/// `parsely-author`, `sailthru.author`.
pub fn authors(page: &Page) -> Sourced<Vec<String>> {
    for key in [
        "article:author",
        "author",
        "dc.creator",
        "dcterms.creator",
        "parsely-author",
        "sailthru.author",
        "byl",
    ] {
        let names: Vec<String> = page
            .metas
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| plain(v))
            .map(|v| {
                v.strip_prefix("By ")
                    .or_else(|| v.strip_prefix("by "))
                    .unwrap_or(&v)
                    .to_owned()
            })
            .filter(|v| is_name(v))
            .collect();
        if !names.is_empty() {
            return Some((names, key));
        }
    }
    let visible = page.byline.as_deref().map(plain)?;
    let visible = visible
        .strip_prefix("By ")
        .or_else(|| visible.strip_prefix("by "))
        .unwrap_or(&visible)
        .trim();
    // A visible byline is a name or a few, not a sentence.
    (is_name(visible) && visible.split_whitespace().count() <= 8)
        .then(|| (vec![visible.to_owned()], "byline"))
}

/// Whether an author value is a name: not empty, not a profile URL, not a handle.
fn is_name(v: &str) -> bool {
    !v.is_empty()
        && !v.contains("://")
        && !v.starts_with("www.")
        && !v.starts_with('@')
        && !v.contains(".com/")
}

/// `article:published_time`, then the other publication-date tags sites use, then the page's
/// publication `<time>`, a date written in its dateline, a day in its address.
pub fn date_published(page: &Page) -> Sourced<String> {
    let from_time =
        || Some((page.time.as_deref()?.trim().to_owned(), "time")).filter(|(t, _)| !t.is_empty());
    let from_meta = first(
        page,
        &[
            "article:published_time",
            "og:article:published_time",
            "datepublished",
            "date",
            "pubdate",
            "publishdate",
            "dc.date",
            "dc.date.issued",
            "dcterms.date",
            "dcterms.created",
            "sailthru.date",
            "parsely-pub-date",
            "article.published",
        ],
    );
    from_meta
        .or_else(from_time)
        .or_else(|| Some((page.dateline.clone()?, "dateline")))
        .or_else(|| Some((date_in_path(page.url.as_deref()?)?, "url-path")))
        .or_else(|| {
            first(
                page,
                &["article:modified_time", "og:updated_time", "datemodified"],
            )
        })
}

/// A `/2016/05/16/` day in the page's path, as `2016-05-16`.
///
/// ```
/// use storycard::extract::meta::date_in_path;
/// assert_eq!(date_in_path("http://x.com/blog/2016/05/16/story").as_deref(), Some("2016-05-16"));
/// assert_eq!(date_in_path("http://x.com/2016/05/story"), None);
/// ```
pub fn date_in_path(url: &str) -> Option<String> {
    let parts: Vec<&str> = url.split(['/', '?', '#']).collect();
    parts.windows(3).find_map(|w| {
        let ok = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let (y, m, d) = (w[0], w[1], w[2]);
        let valid = ok(y, 4)
            && ok(m, 2)
            && ok(d, 2)
            && ("1990".."2100").contains(&y)
            && ("01"..="12").contains(&m)
            && ("01"..="31").contains(&d);
        valid.then(|| cat(&[y, "-", m, "-", d]))
    })
}

/// `og:image` (`og:image:secure_url`, with `:width`, `:height`, `:alt`), then `twitter:image`.
/// This one source comes before JSON-LD: the sharing image is the one a publisher crops and sizes
/// for a card.
pub fn image(page: &Page) -> Sourced<Image> {
    let og = ["og:image:secure_url", "og:image", "og:image:url"]
        .iter()
        .find_map(|&k| Some((safe_href(page.meta(k)?)?, k)));
    if let Some((url, key)) = og {
        let n = |k: &str| {
            page.meta(k)
                .and_then(|v| v.trim().parse::<u32>().ok())
                .filter(|&n| n > 0)
        };
        return Some((
            Image {
                url,
                width: n("og:image:width"),
                height: n("og:image:height"),
                alt: page.meta("og:image:alt").map(plain),
            },
            key,
        ));
    }
    ["twitter:image", "twitter:image:src", "thumbnail", "image"]
        .iter()
        .find_map(|&k| {
            let url = safe_href(page.meta(k)?)?;
            let alt = page.meta("twitter:image:alt").map(plain);
            Some((
                Image {
                    url,
                    alt,
                    ..Image::default()
                },
                k,
            ))
        })
}

/// `article:section`, `section`.
pub fn section(page: &Page) -> Sourced<String> {
    first(page, &["article:section", "section", "parsely-section"])
}

/// `<html lang>`, then `og:locale` (`en_US` becomes `en-US`), `content-language`, `dc.language`.
pub fn language(page: &Page) -> Sourced<String> {
    if let Some(l) = page
        .lang
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        return Some((l.to_owned(), "html-lang"));
    }
    first(
        page,
        &["og:locale", "content-language", "dc.language", "language"],
    )
    .map(|(l, k)| (l.replace('_', "-"), k))
}

/// `og:site_name`, `application-name`, `publisher`, `twitter:site` is a handle and is not used.
pub fn publisher(page: &Page) -> Sourced<String> {
    first(
        page,
        &[
            "og:site_name",
            "application-name",
            "publisher",
            "dc.publisher",
        ],
    )
}
