//! Open Graph, Twitter, Dublin Core and plain HTML metadata: what almost every page carries even
//! without JSON-LD. Each reader returns the value and the tag it came from.

use crate::dedupe::headline_key;
use crate::markup::plain;
use crate::model::Image;
use crate::page::Page;
use crate::text::cat;

use super::byline::is_site;
use crate::url::safe_href;

/// A value and where it came from (a tag such as `og:title`).
pub type Sourced<T> = Option<(T, &'static str)>;

fn first(page: &Page, keys: &[&'static str]) -> Sourced<String> {
    keys.iter().find_map(|&k| {
        let v = plain(page.meta(k)?);
        (!v.is_empty()).then_some((v, k))
    })
}

/// The headline: where two of the page's headlines agree (JSON-LD's `headline`, the sharing
/// title, the `<h1>`, the `<title>`, each without the site's name), the one they share, as the
/// first of them writes it; else the first there is of JSON-LD's, the `<h1>` where the page
/// marks it as the article's ([`Page::h1_marked`]), the sharing title
/// (`og:title`, `twitter:title`, `dc.title`, microdata `itemprop=headline`), the `<title>`
/// (cut where the `<h1>` ends, when it begins with it and a separator or the slash of a
/// breadcrumb follows; read before the `<h1>`, when a part after a separator is the `<h1>`, a
/// blog's name, and the part before it no shorter) and the `<h1>`. `sites` are the site's
/// names and `host` its host, for [`strip_site_name`]. A social headline in `og:title` where
/// the `<h1>` and the `<title>` agree on another, or a section left on JSON-LD's, loses. A
/// `<title>` taken alone loses a tail after its last separator that names the host
/// ([`names_host`]).
pub fn headline(
    page: &Page,
    json_ld: Option<&str>,
    sites: &[&str],
    host: Option<&str>,
) -> Sourced<String> {
    let candidates = headlines(page, json_ld, sites, host);
    let keys: Vec<String> = candidates.iter().map(|(c, _)| headline_key(c)).collect();
    let votes = |key: &str| keys.iter().filter(|k| *k == key).count();
    // (the most votes, two at least; of equal votes the one the `<h1>` is among, the headline a
    // reader sees on the page, else the first: the candidates are in order)
    let with_h1 = |key: &str| {
        candidates
            .iter()
            .zip(&keys)
            .any(|((_, source), k)| *source == "h1" && k == key)
    };
    let mut best: Option<(&(String, &'static str), usize, bool)> = None;
    for (c, key) in candidates.iter().zip(&keys) {
        let (n, h) = (votes(key), with_h1(key));
        if n >= 2 && best.is_none_or(|(_, m, mh)| n > m || (n == m && h && !mh)) {
            best = Some((c, n, h));
        }
    }
    match best {
        Some((c, _, _)) => Some(c.clone()),
        None => {
            // (the article's JSON-LD gives its headline as the publisher means it: it stays first)
            if let Some(h) = h1_retold(&candidates, &keys).filter(|_| json_ld.is_none()) {
                return Some(h);
            }
            // (no two agree: the order of the sources; the `<h1>` second when the page marks it
            // as the article's, else only last: a page's first `<h1>` is often its name)
            const ORDER: [&str; 8] = [
                "json-ld",
                "og:title",
                "twitter:title",
                "dc.title",
                "dcterms.title",
                "headline",
                "title",
                "h1",
            ];
            let marked: &[&str] = if page.h1_marked { &["h1"] } else { &[] };
            ORDER[..1]
                .iter()
                .chain(marked)
                .chain(&ORDER[1..])
                .find_map(|o| candidates.iter().find(|(_, k)| k == o))
                .map(|(t, k)| match (*k, crate::similar::site_tail(t)) {
                    ("title", Some(head)) if names_host(&t[head.len()..], host) => {
                        (head.trim().to_owned(), *k)
                    }
                    _ => (t.clone(), *k),
                })
        }
    }
}

/// The page's headlines [`headline`] weighs, in its order, each without the site's name.
fn headlines(
    page: &Page,
    json_ld: Option<&str>,
    sites: &[&str],
    host: Option<&str>,
) -> Vec<(String, &'static str)> {
    let strip = |t: &str| strip_site_name(&plain(t), sites, host);
    let shared = first(
        page,
        &[
            "og:title",
            "twitter:title",
            "dc.title",
            "dcterms.title",
            "headline",
        ],
    );
    let h1 = page.h1.as_deref().map(plain).filter(|h| !h.is_empty());
    let title = page
        .title
        .as_deref()
        .map(|t| after_archive_mark(&plain(t)).to_owned())
        .filter(|t| !t.is_empty());
    // "Headline - Site" where the page's <h1> is "Headline": the <h1> shows where the headline
    // ends, even when the site's name is not known.
    let title = title.map(|t| match &h1 {
        Some(h)
            if t.strip_prefix(h.as_str()).is_some_and(|rest| {
                SEPARATORS
                    .iter()
                    .chain(&[" / "])
                    .any(|sep| rest.starts_with(sep))
            }) =>
        {
            h.clone()
        }
        Some(h) => strip(before_blog_name(&t, h).unwrap_or(&t)),
        _ => strip(&t),
    });
    [
        json_ld.map(|t| (strip(t), "json-ld")),
        shared.map(|(t, k)| (strip(&t), k)),
        h1.map(|h| (h, "h1")),
        title.map(|t| (t, "title")),
    ]
    .into_iter()
    .flatten()
    .filter(|(t, _)| !t.is_empty())
    .collect()
}

/// "Headline | Blog's name": where a part of the `<title>` after a separator is the `<h1>` (the
/// blog's name in its header), the part before it, when that has as many words as the `<h1>`
/// or more ([`HEAD_MIN`] at least). ("Site - Section - Headline" has the `<h1>` the longer part:
/// a name is shorter than the headline it follows.)
fn before_blog_name<'t>(title: &'t str, h1: &str) -> Option<&'t str> {
    SEPARATORS.iter().find_map(|sep| {
        let at = title.find(&[*sep, h1].concat())?;
        let after = &title[at + sep.len() + h1.len()..];
        let head = title[..at].trim();
        let words = head.split_whitespace().count();
        ((after.is_empty() || SEPARATORS.iter().any(|s| after.starts_with(s)))
            && words >= HEAD_MIN
            && words >= h1.split_whitespace().count())
        .then_some(head)
    })
}

/// Each of the page's headlines [`headline`] weighs, with its key: where two or more share a
/// key, the key most share wins. For measuring what the rule can choose.
pub fn headline_keys(
    page: &Page,
    json_ld: Option<&str>,
    sites: &[&str],
    host: Option<&str>,
) -> Vec<(String, &'static str, String)> {
    headlines(page, json_ld, sites, host)
        .into_iter()
        .map(|(c, source)| {
            let key = headline_key(&c);
            (c, source, key)
        })
        .collect()
}

/// Whether `tail` (a `<title>`'s part after its last separator) names the site in a form the
/// site's names do not give: one of its words, of four letters or more, is in the name the host
/// is registered under, or holds it ("DOBSZAYs Ansichten und Einsichten" on dobszay.ch,
/// "Berliner Leichtathletik Verband e.V." on leichtathletik-berlin.de); compared folded.
fn names_host(tail: &str, host: Option<&str>) -> bool {
    use super::byline::{folded, site_label};
    let Some(host) = host else { return false };
    let name = folded(site_label(&host.to_lowercase()));
    tail.split(|c: char| !c.is_alphanumeric())
        .map(folded)
        .filter(|w| w.chars().count() >= 4)
        .any(|w| name.contains(&w) || (name.chars().count() >= 4 && w.contains(&name)))
}

/// On a page without JSON-LD's headline, the `<h1>` where no two of the headlines agree but it
/// tells one of the others in other words (three in four of its words, two at least, are in
/// that one, and half of that one's are in it: "Vanlife in Schweden - Skandinavien im Wohnmobil"
/// for `og:title`'s "…: Skandinavien im Wohnmobil erleben"): the version a reader sees on the
/// page. An `<h1>` that shares little with the page's metadata is more often the site's or a
/// section's name ("Menu", "News") than the headline, and one that is only a part of another
/// ("Blog name" in "Blog name: Headline") is the site's name.
fn h1_retold(
    candidates: &[(String, &'static str)],
    keys: &[String],
) -> Option<(String, &'static str)> {
    let i = candidates.iter().position(|(_, source)| *source == "h1")?;
    let words: Vec<&str> = keys[i].split_whitespace().collect();
    let retold = |key: &String| {
        let other: Vec<&str> = key.split_whitespace().collect();
        4 * words.iter().filter(|w| other.contains(w)).count() >= 3 * words.len()
            && 2 * other.iter().filter(|w| words.contains(w)).count() >= other.len()
    };
    (words.len() >= 2 && keys.iter().enumerate().any(|(j, k)| j != i && retold(k)))
        .then(|| candidates[i].clone())
}

/// The fewest words a `<title>`'s part before the `<h1>` has to be read as the headline.
const HEAD_MIN: usize = 2;

/// Separators a site name is joined to a title with.
const SEPARATORS: [&str; 10] = [
    " | ", " :: ", " – ", " — ", " - ", " · ", " ｜ ", " » ", " « ", " : ",
];

/// The title without the site's name, at whichever end it is: a part that is one of `sites`
/// (`og:site_name`, the publisher) or the site's host (`BILD.de` on bild.de, `Lesotho Times` on
/// lesothotimes.com: [`is_site`]), or a last part of three words at most that names the host
/// ([`names_host`]: "Bundeskanzleramt Österreich"), goes; without a name that matches, only a last part of four
/// words at most after ` | ` or ` :: ` goes (a ` - ` is as often part of the headline). A bar
/// or a dash left at the end with no name after it goes too.
///
/// ```
/// use storycard::extract::meta::strip_site_name;
/// assert_eq!(strip_site_name("Stocks fall | Example News", &[], None), "Stocks fall");
/// assert_eq!(strip_site_name("Example News - Stocks fall", &["Example News"], None), "Stocks fall");
/// assert_eq!(strip_site_name("Stocks fall - Example", &[], Some("www.example.com")), "Stocks fall");
/// assert_eq!(strip_site_name("Glory of Vietnam 2025 - Pride and Aspiration", &[], None), "Glory of Vietnam 2025 - Pride and Aspiration");
/// assert_eq!(strip_site_name("한동훈 제명했지만 부담 커졌다-정치ㅣ한국일보", &["한국일보"], None), "한동훈 제명했지만 부담 커졌다");
/// assert_eq!(strip_site_name("Kinder und Arbeit » ProNATs", &[], Some("pronats.de")), "Kinder und Arbeit");
/// assert_eq!(strip_site_name("Four Years » Blog Archive » Small Integers", &[], None), "Small Integers");
/// assert_eq!(strip_site_name("Stocks fall -", &[], None), "Stocks fall");
/// assert_eq!(
///     strip_site_name("Raab: Mehr Plätze - Bundeskanzleramt Österreich", &[], Some("www.bundeskanzleramt.gv.at")),
///     "Raab: Mehr Plätze"
/// );
/// ```
pub fn strip_site_name(title: &str, sites: &[&str], host: Option<&str>) -> String {
    let known = |part: &str| is_site(part.trim(), sites, host);
    // (a last part of three words at most that names the host in a longer form: "Bundeskanzleramt
    // Österreich" on bundeskanzleramt.gv.at)
    let hosts_name = |part: &str| part.split_whitespace().count() <= 3 && names_host(part, host);
    // (a bar or a dash with no name after it, where a template joined an empty one: "Headline
    // -"; not a guillemet, which closes a quotation in French)
    let title = [" -", " –", " —", " |", " ｜", " ·", " ::"]
        .iter()
        .find_map(|sep| title.trim_end().strip_suffix(sep))
        .filter(|head| !head.trim().is_empty())
        .unwrap_or(title);
    let title = after_archive_mark(title);
    let mut t = title.trim().to_owned();
    // (the name may be at both ends: "Example News - Headline | Example News")
    for _ in 0..2 {
        let before = t.clone();
        for sep in SEPARATORS {
            if let Some((head, tail)) = t.rsplit_once(sep) {
                if !head.trim().is_empty() && (known(tail) || hosts_name(tail)) {
                    t = head.trim().to_owned();
                    break;
                }
            }
            if let Some((head, rest)) = t.split_once(sep) {
                if !rest.trim().is_empty() && known(head) {
                    t = rest.trim().to_owned();
                    break;
                }
            }
        }
        if t == before {
            break;
        }
    }
    if t == title.trim() {
        if let Some(head) = glued_site_name(&t, sites) {
            return head;
        }
        for sep in [" | ", " :: "] {
            if let Some((head, tail)) = t.rsplit_once(sep) {
                if tail.split_whitespace().count() <= 4 {
                    return head.trim().to_owned();
                }
            }
        }
    }
    t
}

/// The title after the mark WordPress's first themes put between the site's name and the
/// headline ("Site » Blog Archive » Headline"); the title itself without one.
fn after_archive_mark(title: &str) -> &str {
    ["» Blog Archive »", "» Blog Archiv »"]
        .iter()
        .find_map(|mark| title.split_once(mark).map(|(_, rest)| rest.trim()))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(title)
}

/// The title without one of `sites` joined to its end by a bar or a dash with no space
/// around ("…부담 커졌다-정치ㅣ한국일보"), and without the one-word section that is joined
/// the same way before it ("-정치").
fn glued_site_name(title: &str, sites: &[&str]) -> Option<String> {
    const BARS: [char; 6] = ['|', '｜', 'ㅣ', '-', '–', '—'];
    let head = sites.iter().find_map(|site| {
        let site = site.trim();
        let head = title.strip_suffix(site).filter(|_| !site.is_empty())?;
        head.trim_end()
            .strip_suffix(BARS)
            .filter(|h| !h.ends_with(char::is_whitespace))
    })?;
    // (a section: one word of letters, at most six of them, after a dash)
    let head = match head.rsplit_once(['-', '–']) {
        Some((before, section))
            if !before.ends_with(char::is_whitespace)
                && (1..=6).contains(&section.chars().count())
                && section.chars().all(char::is_alphabetic) =>
        {
            before
        }
        _ => head,
    };
    Some(head.trim().to_owned()).filter(|h| h.split_whitespace().count() >= 2)
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

/// The author tags' values, each tag with its values in page order: `article:author`, `author`,
/// `dc.creator`, `dcterms.creator`, `parsely-author`, `sailthru.author`, `byl`,
/// `cxenseparse:author`. Which of them
/// name people is [`super::byline`]'s to tell.
pub fn author_values(page: &Page) -> Vec<(&'static str, Vec<&str>)> {
    [
        "article:author",
        "author",
        "dc.creator",
        "dcterms.creator",
        "parsely-author",
        "sailthru.author",
        "byl",
        "cxenseparse:author",
    ]
    .into_iter()
    .map(|key| {
        let values = page
            .metas
            .iter()
            .filter(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
            .collect();
        (key, values)
    })
    .chain(written_by(page).map(|v| ("twitter:data", vec![v])))
    .filter(|(_, values): &(&str, Vec<&str>)| !values.is_empty())
    .collect()
}

/// The author a page's Twitter card labels as its writer: `twitter:dataN` where `twitter:labelN`
/// says "Written by" (as WordPress's Yoast SEO writes it, in the site's language).
fn written_by(page: &Page) -> Option<&str> {
    const WRITTEN_BY: [&str; 8] = [
        "written by",
        "verfasst von",
        "geschrieben von",
        "écrit par",
        "escrito por",
        "scritto da",
        "geschreven door",
        "skrevet af",
    ];
    let label = page.metas.iter().find_map(|(k, v)| {
        let n = k.strip_prefix("twitter:label")?;
        WRITTEN_BY
            .contains(&v.trim().to_lowercase().as_str())
            .then_some(n)
    })?;
    page.metas
        .iter()
        .find(|(k, v)| k.strip_prefix("twitter:data") == Some(label) && !v.trim().is_empty())
        .map(|(_, v)| v.as_str())
}

/// `article:published_time`, then the other publication-date tags sites use, then the page's
/// publication `<time>`, a date written in its dateline, a day in its address, then its
/// modification date: the first that is a date ([`super::date::iso`]), as ISO 8601.
pub fn date_published(page: &Page) -> Sourced<String> {
    const PUBLISHED: [&str; 14] = [
        "article:published_time",
        "og:article:published_time",
        "http://ogp.me/ns/article#published_time",
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
    ];
    const MODIFIED: [&str; 3] = ["article:modified_time", "og:updated_time", "datemodified"];
    let tags = |keys: &'static [&'static str]| {
        keys.iter()
            .filter_map(move |&k| Some((page.meta(k)?.to_owned(), k)))
    };
    tags(&PUBLISHED)
        .chain(page.time.clone().map(|t| (t, "time")))
        .chain(page.dateline.clone().map(|d| (d, "dateline")))
        .chain(
            page.url
                .as_deref()
                .and_then(date_in_path)
                .map(|d| (d, "url-path")),
        )
        .chain(tags(&MODIFIED))
        .find_map(|(value, key)| Some((super::date::iso(&value)?, key)))
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
