//! Reading a story out of what the page carries. Each reader produces the same [`Extracted`].
//!
//! Without a data island, [`from_page`] builds the story from the page itself. For each article
//! field the first source that has it wins, in this order:
//!
//! | field | sources, first wins |
//! |---|---|
//! | headline | JSON-LD `headline`/`name` · `og:title` · `twitter:title` · `dc.title` · microdata `itemprop=headline` · `<title>` without the site name · `<h1>` |
//! | url | JSON-LD `url`/`mainEntityOfPage` · `<link rel=canonical>` · `og:url` · `twitter:url` · JSON-LD `@id` · the page's address |
//! | author | JSON-LD `author` · `article:author` · `author` · `dc.creator` · `parsely-author` · `sailthru.author` |
//! | datePublished | JSON-LD `datePublished`/`dateCreated` · `article:published_time` · other date tags · the page's `<time>` · a date written in its dateline · a day in its address · `article:modified_time` |
//! | description | JSON-LD `description` · `og:description` · `twitter:description` · `description` · `dc.description` |
//! | image | `og:image` with its size · `twitter:image` · JSON-LD `image` (the widest): the sharing image is the one cropped for a card |
//! | articleSection | JSON-LD `articleSection` · `article:section` |
//! | inLanguage | JSON-LD `inLanguage` · `<html lang>` · `og:locale` · `content-language` |
//! | publisher | JSON-LD `publisher` · `og:site_name` · `application-name` |
//! | articleBody | JSON-LD `articleBody` |
//!
//! Related candidates: the page's own related-link lists first, then JSON-LD `ItemList`s and the
//! `WebPage`'s `relatedLink`s, the first [`MAX_CANDIDATES`] of them. Relative URLs resolve against
//! the page's address.

pub mod byline;
pub mod date;
pub mod island;
pub mod jsonld;
pub mod meta;

use crate::error::{Error, Warning};
use crate::json::Json;
use crate::model::{Article, Related};
use crate::page::{Page, MAX_CANDIDATES};
use crate::text::{cat, decimal};
use crate::url::absolute;

/// What a source said, before dedupe: the article, its related entries in page order, and what
/// was ignored along the way.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// The article.
    pub article: Article,
    /// The heading the page gives its related list, such as "TIN LIÊN QUAN".
    pub related_heading: Option<String>,
    /// Every usable related entry, in page order, duplicates included.
    pub related: Vec<Related>,
    /// What was skipped or ignored.
    pub warnings: Vec<Warning>,
    /// Where each article field came from, as (field, source): `json-ld`, a meta tag such as
    /// `og:title`, `canonical`, `title`, `h1`, `time`, `byline`, `url-path`, `html-lang`,
    /// `json-ld-id`, `page-url`.
    pub provenance: Vec<(&'static str, &'static str)>,
    /// Other addresses of the article: the page's own address, its canonical link, `og:url`,
    /// `twitter:url`, and the JSON-LD `url`, `mainEntityOfPage` and `@id`. A related entry at
    /// one of them is the article itself.
    pub aliases: Vec<String>,
}

/// Keeps the first value found, and notes where it came from.
fn choose<T>(
    provenance: &mut Vec<(&'static str, &'static str)>,
    field: &'static str,
    from_json_ld: Option<T>,
    from_meta: meta::Sourced<T>,
) -> Option<T> {
    let (value, source) = match from_json_ld {
        Some(v) => (v, "json-ld"),
        None => from_meta?,
    };
    provenance.push((field, source));
    Some(value)
}

/// The page's JSON-LD read, each block that cannot be told in `warnings`.
fn json_ld(page: &Page, warnings: &mut Vec<Warning>) -> jsonld::Found {
    let mut blocks = Vec::new();
    for (i, text) in page.json_ld.iter().enumerate() {
        let Some(text) = text else {
            warnings.push(Warning {
                path: cat(&["json-ld[", &decimal(i), "]"]),
                message: "takes the page past the JSON-LD it is read for (512 KB); skipped".into(),
            });
            continue;
        };
        match Json::parse_lenient(text) {
            Ok(v) => blocks.push(v),
            Err(e) => warnings.push(Warning {
                path: cat(&["json-ld[", &decimal(i), "]"]),
                message: cat(&["is not valid JSON (", &e, "); skipped"]),
            }),
        }
    }
    jsonld::read(&blocks)
}

/// The site's names: a byline or a title part that is one of them is the site.
fn site_names<'a>(page: &'a Page, publisher: Option<&'a str>) -> Vec<&'a str> {
    [
        publisher,
        page.meta("og:site_name"),
        page.meta("application-name"),
        page.meta("twitter:site").map(|s| s.trim_start_matches('@')),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The address the page's relative addresses resolve against.
fn base(page: &Page) -> Option<&str> {
    page.base.as_deref().or(page.url.as_deref())
}

/// The site's host, from the article's address (resolved: a JSON-LD `url` or `@id` may be a
/// path, "/handel-aktuell/…", whose host is the page's).
fn host(page: &Page, ld: &jsonld::Found) -> Option<String> {
    let base = base(page);
    let address = ld
        .article
        .url
        .as_deref()
        .or(page.link("canonical"))
        .or(page.url.as_deref())
        .map(|u| absolute(u, base));
    address
        .as_deref()
        .and_then(|u| u.split("//").nth(1))
        .and_then(|rest| rest.split(['/', '?', '#', ':']).next())
        .map(str::to_owned)
}

/// The page's headlines as [`from_page`] weighs them, each with its source and key
/// ([`meta::headline_keys`]): for measuring a labelled headline against what the rule can
/// choose (`tests/reading.rs`).
pub fn headline_keys(page: &Page) -> Vec<(String, &'static str, String)> {
    let ld = json_ld(page, &mut Vec::new());
    let publisher = ld
        .article
        .publisher
        .clone()
        .or_else(|| meta::publisher(page).map(|(p, _)| p));
    let sites = site_names(page, publisher.as_deref());
    let host = host(page, &ld);
    let json_ld_headline = Some(ld.article.headline.as_str()).filter(|h| !h.trim().is_empty());
    meta::headline_keys(page, json_ld_headline, &sites, host.as_deref())
}

/// Builds the story from a page that has no data island: JSON-LD, then meta tags, then the
/// page's own related links (see the module documentation for the order).
pub fn from_page(page: &Page) -> Result<Extracted, Error> {
    let mut warnings = Vec::new();
    let ld = json_ld(page, &mut warnings);
    let mut p = Vec::new();
    let publisher = choose(
        &mut p,
        "publisher",
        ld.article.publisher.clone(),
        meta::publisher(page),
    );
    let sites = site_names(page, publisher.as_deref());
    let base = base(page);
    let host = host(page, &ld);
    let host = host.as_deref();
    let json_ld_headline = Some(ld.article.headline.as_str()).filter(|h| !h.trim().is_empty());
    let (headline, from) =
        meta::headline(page, json_ld_headline, &sites, host).ok_or(Error::PageWithoutHeadline)?;
    p.push(("headline", from));
    let url_fallback = meta::url(page)
        .or_else(|| ld.id.clone().map(|u| (u, "json-ld-id")))
        .or_else(|| page.url.clone().map(|u| (u, "page-url")));
    let aliases = ld
        .article
        .url
        .iter()
        .chain(&ld.id)
        .cloned()
        .chain(meta::urls(page))
        .chain(page.url.clone())
        .map(|u| absolute(&u, base))
        .collect();
    let url = choose(&mut p, "url", ld.article.url, url_fallback).map(|u| absolute(&u, base));
    let authors = match byline::credit(page, &ld.article.authors, &sites, host) {
        Some((people, source)) => {
            p.push(("author", source));
            people
        }
        None => Vec::new(),
    };
    // The sharing image first (see `meta::image`), then JSON-LD's widest.
    let image = match meta::image(page) {
        Some((i, source)) => {
            p.push(("image", source));
            Some(i)
        }
        None => choose(&mut p, "image", ld.article.image, None),
    }
    .map(|mut i| {
        i.url = absolute(&i.url, base);
        i
    });
    let article = Article {
        headline,
        url,
        authors,
        date_published: choose(
            &mut p,
            "datePublished",
            ld.article.date_published.as_deref().and_then(date::iso),
            meta::date_published(page),
        ),
        description: choose(
            &mut p,
            "description",
            ld.article.description,
            meta::description(page),
        ),
        body: ld.article.body,
        image,
        section: choose(
            &mut p,
            "articleSection",
            ld.article.section,
            meta::section(page),
        ),
        language: choose(
            &mut p,
            "inLanguage",
            ld.article.language,
            meta::language(page),
        ),
        publisher,
    };
    if !article.body.is_empty() {
        p.push(("articleBody", "json-ld"));
    }
    let mut related: Vec<Related> = page
        .related
        .iter()
        .map(|item| Related {
            headline: item.headline.clone(),
            url: Some(absolute(&item.url, base)),
            description: item.summary.clone(),
            image: item.image.as_ref().map(|u| crate::model::Image {
                url: absolute(u, base),
                ..Default::default()
            }),
            ..Related::default()
        })
        .collect();
    for mut r in ld.related {
        r.url = r.url.map(|u| absolute(&u, base));
        related.push(r);
    }
    if related.len() > MAX_CANDIDATES {
        related.truncate(MAX_CANDIDATES);
        warnings.push(Warning {
            path: "related".into(),
            message: cat(&[
                "the page has more related links than ",
                &decimal(MAX_CANDIDATES),
                "; only the first were read",
            ]),
        });
    }
    for (position, r) in related.iter_mut().enumerate() {
        r.position = position;
    }
    Ok(Extracted {
        article,
        related_heading: None,
        related,
        warnings,
        provenance: p,
        aliases,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::LinkItem;

    #[test]
    fn reads_the_first_candidates_of_a_page_with_thousands() {
        let page = Page {
            title: Some("An archive page".into()),
            related: (0..=MAX_CANDIDATES)
                .map(|i| LinkItem {
                    url: cat(&["/story-", &decimal(i)]),
                    headline: cat(&["Story number ", &decimal(i), " in the archive"]),
                    ..LinkItem::default()
                })
                .collect(),
            ..Page::default()
        };
        let e = from_page(&page).unwrap();
        assert_eq!(e.related.len(), MAX_CANDIDATES);
        assert_eq!(e.warnings.len(), 1);
        assert_eq!(e.warnings[0].path, "related");
    }

    #[test]
    fn warns_of_json_ld_past_the_byte_budget_and_reads_the_rest() {
        let page = Page {
            json_ld: vec![
                None,
                Some(r#"{"@type":"NewsArticle","headline":"Read from the small block"}"#.into()),
            ],
            ..Page::default()
        };
        let e = from_page(&page).unwrap();
        assert_eq!(e.article.headline, "Read from the small block");
        assert_eq!(e.warnings.len(), 1);
        assert_eq!(e.warnings[0].path, "json-ld[0]");
        assert!(e.warnings[0].message.contains("skipped"));
    }

    /// Whole pages through the native HTML reader (which the WebAssembly builds do not have).
    #[cfg(not(target_arch = "wasm32"))]
    mod pages {
        use super::*;

        /// The article of an HTML page at `url`.
        fn article(url: &str, html: &str) -> Article {
            from_page(&Page::from_html(html, Some(url), None).unwrap())
                .unwrap()
                .article
        }

        fn names(a: &Article) -> Vec<&str> {
            a.authors.iter().map(|p| p.name.as_str()).collect()
        }

        #[test]
        fn the_headline_two_of_the_page_s_headlines_share_wins() {
            // A social headline in og:title where the <h1> and the <title> agree on another.
            let a = article(
                "https://news.example/a",
                r#"<title>Council approves the budget | Example News</title>
                   <meta property="og:title" content="You won't believe what the council did">
                   <meta property="og:site_name" content="Example News">
                   <h1>Council approves the budget</h1>"#,
            );
            assert_eq!(a.headline, "Council approves the budget");
            // A section left on JSON-LD's, where og:title and the <h1> agree.
            let a = article(
                "https://www.bild.example/sport/a",
                r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Coach asks for patience | Sport"}</script>
                   <meta property="og:title" content="Coach asks for patience">
                   <h1>Coach asks for patience</h1>"#,
            );
            assert_eq!(a.headline, "Coach asks for patience");
            // The site's name at the start, known from the host only.
            let a = article(
                "https://www.lesothotimes.example/x",
                "<title>Lesotho Times - From adversity to advocacy</title>",
            );
            assert_eq!(a.headline, "From adversity to advocacy");
            // A <title> that begins with the <h1>, then the site's breadcrumbs after a slash.
            let a = article(
                "https://www.stol.example/a",
                "<title>Court lets the trial go on / Politics / Politics at a glance / Article / Home - stol.example - Online news with pictures and videos</title>
                 <h1>Court lets the trial go on</h1>",
            );
            assert_eq!(a.headline, "Court lets the trial go on");
        }

        #[test]
        fn where_no_two_headlines_agree_the_h1_that_retells_one_wins() {
            // The <h1> says og:title's headline in other words: the one the reader sees.
            let a = article(
                "https://outdoor.example/vanlife",
                r#"<title>Vanlife in Schweden - Skandinavien im Wohnmobil | outdoor.example</title>
                   <meta property="og:title" content="Vanlife in Schweden: Skandinavien im Wohnmobil erleben">
                   <h1>Vanlife in Schweden - Skandinavien im Wohnmobil</h1>"#,
            );
            assert_eq!(a.headline, "Vanlife in Schweden - Skandinavien im Wohnmobil");
            // An <h1> that shares little with the metadata is the site's or a section's name.
            let a = article(
                "https://www.example.org/news/electron",
                r#"<title>News - Example</title>
                   <meta property="og:title" content="The first electron counts">
                   <h1>Latest news</h1>"#,
            );
            assert_eq!(a.headline, "The first electron counts");
            // The <h1> the page marks as the article's (in its `<article>` or main content, or
            // `itemprop=headline`) comes before the sharing title and the <title>; the page's
            // first <h1> alone, often a blog's name, comes last.
            let page = |h1: &str| {
                format!(
                    r#"<title>Ausflugtipps Niederrhein und Ruhrgebiet</title>
                       <meta property="og:title" content="Ausflugtipps für das Wochenende">
                       <body>{h1}</body>"#
                )
            };
            let marked = article(
                "https://ruhr.example/essen",
                &page("<main><h1>Essen-Westviertel</h1></main>"),
            );
            assert_eq!(marked.headline, "Essen-Westviertel");
            let first = article("https://ruhr.example/essen", &page("<h1>Essen-Westviertel</h1>"));
            assert_eq!(first.headline, "Ausflugtipps für das Wochenende");
        }

        #[test]
        fn a_byline_written_out_near_the_headline_is_read() {
            // "By <span>Name</span>" in an element no byline selector names, its share links
            // run into it.
            let html = r#"<article><header><h1>Goats of the high Alps</h1>
                <div class="sharekit"><div class="contributors">By <span>Michael Hingston</span></div><a href="/fb">facebook</a><a href="/tw">twitter</a></div>
                </header><p>The goats climb where no one else will. They have done so for longer than anyone has kept count, and the valley's farmers follow them up each summer.</p></article>"#;
            let a = article("https://geo.example/goats", html);
            assert_eq!(names(&a), ["Michael Hingston"]);
            // The one person's agency after a comma is where they work, not a second author.
            let a = article(
                "https://finanz.example/a",
                "<div><h1>Junge Anleger</h1><div><p>Quelle: dpa-AFX</p><div>Von David Hutzler, dpa</div></div></div>",
            );
            assert_eq!(names(&a), ["David Hutzler"]);
            // A "Von" after the story's first paragraph names a reviewed book's author.
            let a = article(
                "https://buch.example/tunnel",
                r#"<div><h1>Ein Roman über den Tunnel</h1><p>Der Roman erzählt vom Bau eines Tunnels unter dem Atlantik, von seinen Arbeitern und dem Ingenieur, der ihn plant, über viele Jahre hinweg, bis der erste Zug die beiden Kontinente verbindet.</p><div>Von Bernhard Kellermann</div></div>"#,
            );
            assert!(a.authors.is_empty(), "{:?}", a.authors);
            // A byline found by its words does not vouch for a name only the metadata gives,
            // which the page never shows: the byline's name is credited, not the metadata's.
            let a = article(
                "https://blog.example/a",
                r#"<meta name="author" content="Site Admin Account"><main><h1>A post</h1><div>By Jane Doe</div></main>"#,
            );
            assert_eq!(names(&a), ["Jane Doe"]);
            // A byline whose markup is indented over many lines is measured as the reader sees
            // it, its spaces collapsed (AFP's fact-check pages).
            let indent = " ".repeat(40);
            let a = article(
                "https://faktencheck.example/a",
                &format!(
                    "<article><div><h1>Angst vor dem Virus</h1><ul><li>Veröffentlicht am 13. Mai 2026</li>\n{indent}<li>Von:\n{indent}<span><a href=\"/bill\">Bill MCCARTHY</a>,\n{indent}</span>\n{indent}<span><a href=\"/marisha\">Marisha GOLDHAMER</a>\n{indent}</span>\n{indent}</li></ul></div></article>"
                ),
            );
            assert_eq!(names(&a), ["Bill MCCARTHY", "Marisha GOLDHAMER"]);
            // A short byline whose "von" is written in lower case, as German bylines often are.
            let a = article(
                "https://sport.example/live",
                r#"<article><h1>Dortmund - Gladbach live sehen!</h1><div class="authorbox"><strong>von</strong> <span>Dennis Kochinky</span></div><p>Das Spiel beginnt um 18.30 Uhr, und es wird im Fernsehen und im Stream übertragen, wie alle Spiele des Spieltags.</p></article>"#,
            );
            assert_eq!(names(&a), ["Dennis Kochinky"]);
            // A signature in bold after a standfirst in italics.
            let a = article(
                "https://times.example/mining",
                "<article><h1>Mining blasts shatter homes</h1><div><p><em>…as communities cry foul over lost livelihoods</em></p><p><em>…accuse chiefs of ignoring concerns</em></p><p><strong>Mathatisi Sebusi/Mohalenyane Phakela</strong></p><p>A quarry company's blasting has cracked the walls of homes in three villages, residents say, and the chiefs have not listened.</p><p>The company did not answer questions.</p></div></article>",
            );
            assert_eq!(names(&a), ["Mathatisi Sebusi", "Mohalenyane Phakela"]);
            // A byline written out at the start of the story's body, where the `<h1>` is further
            // from it than the header's levels, and none after the story's first paragraph.
            let header = "<div><div><div><div><h1>Boric inicia gira por Magallanes</h1></div></div></div></div>";
            let story = "<p>El presidente de Chile viajará este fin de semana a Punta Arenas, Puerto Natales y la Antártica Chilena, tras su visita a Coquimbo en abril, según informó el Gobierno.</p>";
            let a = article(
                "https://noticias.example/gira",
                &format!("{header}<article><div itemprop=\"articleBody\"><p><em><strong>Por Agencia EFE</strong></em></p>{story}</div></article>"),
            );
            assert_eq!(names(&a), ["Agencia EFE"]);
            let a = article(
                "https://noticias.example/gira",
                &format!("{header}<article><div itemprop=\"articleBody\">{story}<p><em>Por Agencia EFE</em></p></div></article>"),
            );
            assert!(a.authors.is_empty(), "{:?}", a.authors);
        }

        #[test]
        fn a_byline_credits_people_never_the_site_a_desk_or_a_profile_address() {
            // The site as the JSON-LD author, a person in the visible byline.
            let a = article(
                "https://www.krautreporter.example/a",
                r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"A story","author":{"@type":"Organization","name":"Krautreporter"}}</script>
                   <h1>A story</h1><p class="byline">Von Shany Littman</p>"#,
            );
            assert_eq!(names(&a), ["Shany Littman"]);
            // A generic author tag and the visible byline's links, every author kept.
            let a = article(
                "https://news.example/b",
                r#"<meta name="author" content="Staff"><h1>A story</h1>
                   <div class="byline">By <a href="/people/jane-doe">Jane Doe</a> and
                   <a href="/people/john-roe">John Roe</a><a href="https://twitter.example/jd">Twitter</a></div>"#,
            );
            assert_eq!(names(&a), ["Jane Doe", "John Roe"]);
            // A byline's link marked as a tag, or to a topic's page, names a topic.
            let a = article(
                "https://www.solar.example/a",
                r#"<h1>A story</h1><p class="byline">Solar / <a rel="tag" href="/topics-of/csp/">CSP</a> / <a href="/thema/welt/">WELT</a></p>"#,
            );
            assert!(a.authors.is_empty(), "{:?}", a.authors);
            // The site as a person in the JSON-LD, its address a path: the site's host is the
            // page's.
            let a = article(
                "https://lebensmittelpraxis.example/handel/1.html",
                r#"<script type="application/ld+json">{"@type":"NewsArticle","url":"/handel/1.html","headline":"A story","author":{"@type":"Person","name":"Lebensmittel Praxis"}}</script>
                   <h1>A story</h1><p>Lebensmittel Praxis</p>"#,
            );
            assert!(a.authors.is_empty(), "{:?}", a.authors);
            // A profile address is a name only when the byline's name is in it.
            let profile = |byline: &str| {
                let html = [
                    r#"<meta property="article:author" content="https://news.example/author/jane-doe/">
                       <h1>A story</h1>"#,
                    byline,
                ]
                .concat();
                article("https://news.example/c", &html)
            };
            assert_eq!(
                names(&profile(r#"<span class="byline">Jane Doe</span>"#)),
                ["Jane Doe"]
            );
            let facebook = article(
                "https://news.example/d",
                r#"<meta property="article:author" content="https://www.facebook.example/newspage"><h1>A story</h1>"#,
            );
            assert!(facebook.authors.is_empty(), "{:?}", facebook.authors);
            // A photo credit, a role and a desk are no one.
            let a = article(
                "https://news.example/e",
                r#"<meta name="author" content="(Image: Getty Images)"><meta name="author" content="Sports Desk">
                   <h1>A story</h1><span class="author">Jane Doe, Staff Writer</span>"#,
            );
            assert_eq!(names(&a), ["Jane Doe"]);
        }

        #[test]
        fn an_author_link_whose_address_names_them_and_a_written_by_card_credit() {
            // A link to the author's page, in no byline element: its address names them.
            let a = article(
                "https://city.example/a",
                r#"<div class="authors"><a href="https://city.example/author/marinabeuerle/">Marina Beuerle</a></div>
                   <h1>A story</h1><p>Text.</p>"#,
            );
            assert_eq!(names(&a), ["Marina Beuerle"]);
            // (an address that does not name the link's text: a handle, an account's number)
            let a = article(
                "https://city.example/b",
                r#"<div class="meta"><a href="https://city.example/author/jf/">Boris Kaiser</a></div>
                   <h1>A story</h1><p>Text.</p>"#,
            );
            assert!(a.authors.is_empty(), "{:?}", a.authors);
            // The writer a Twitter card labels "Written by", in the site's language, where the
            // page shows the name.
            let card = |label: &str| {
                article(
                    "https://blog.example/c",
                    &format!(
                        r#"<meta name="twitter:label1" content="{label}"><meta name="twitter:data1" content="Karoline Herr">
                           <meta name="twitter:label2" content="Lesedauer"><meta name="twitter:data2" content="3 Minuten">
                           <h1>A story</h1><p>Text.</p><footer>Karoline Herr</footer>"#
                    ),
                )
            };
            assert_eq!(names(&card("Verfasst von")), ["Karoline Herr"]);
            assert_eq!(names(&card("Written by")), ["Karoline Herr"]);
            assert!(card("Lesedauer").authors.is_empty());
        }

        #[test]
        fn a_name_only_the_metadata_gives_is_credited_where_the_page_shows_it() {
            let page = |body: &str| {
                article(
                    "https://blog.example/a",
                    &[
                        r#"<meta name="author" content="Jens Niemeyer"><h1>A story</h1>"#,
                        body,
                    ]
                    .concat(),
                )
            };
            // (the site's owner in the tag, a page that never names him)
            assert!(page("<p>Opening hours</p>").authors.is_empty());
            // (the page shows the name, its elements' texts run together)
            assert_eq!(
                names(&page("<p>Text: <b>Jens Niemeyer</b><span>Share</span></p>")),
                ["Jens Niemeyer"]
            );
            // (a byline element that names no one, a photo credit or a date in a "byline"
            // class, vouches for no name: the tag's name where the page shows it, only)
            assert!(page(r#"<p class="byline">Photos: Ana Ruiz</p>"#)
                .authors
                .is_empty());
            assert!(page(r#"<p class="byline">6 de mayo de 2022 05:30</p>"#)
                .authors
                .is_empty());
            assert_eq!(
                names(&page(
                    r#"<p class="byline">6 de mayo de 2022</p><p>Jens Niemeyer</p>"#
                )),
                ["Jens Niemeyer"]
            );
            // (a byline that names someone vouches for the tag, as before)
            assert_eq!(
                names(&page(r#"<p class="byline">By Jens Niemeyer</p>"#)),
                ["Jens Niemeyer"]
            );
        }

        #[test]
        fn a_title_alone_loses_a_tail_that_names_the_host() {
            let headline = |url: &str, title: &str| {
                article(url, &["<title>", title, "</title><p>Text.</p>"].concat()).headline
            };
            assert_eq!(
                headline(
                    "https://www.leichtathletik-berlin.de/n/1",
                    "Norddeutschland findet seine Meister - Berliner Leichtathletik Verband e.V."
                ),
                "Norddeutschland findet seine Meister"
            );
            // (a tail that does not name the host is the headline's own: "Site - Section - Headline")
            assert_eq!(
                headline(
                    "https://www.zoll.de/a",
                    "Zoll online - Fachmeldungen - Verkündung des Tabaksteuermodernisierungsgesetzes"
                ),
                "Zoll online - Fachmeldungen - Verkündung des Tabaksteuermodernisierungsgesetzes"
            );
        }

        #[test]
        fn a_title_whose_part_after_a_separator_is_the_blogs_h1_is_read_before_it() {
            let headline = |title: &str, h1: &str| {
                article(
                    "https://blog.example/a",
                    &format!("<title>{title}</title><header><h1>{h1}</h1></header><p>Text.</p>"),
                )
                .headline
            };
            assert_eq!(
                headline(
                    "Rinderleber-Geschnetzeltes mit Apfel und Zwiebel | Liebe geht durch den Magen",
                    "Liebe geht durch den Magen"
                ),
                "Rinderleber-Geschnetzeltes mit Apfel und Zwiebel"
            );
            assert_eq!(
                headline(
                    "Das schwulste Musikvideo der Welt : Krimiblog-Archiv | Gegründet 2005",
                    "Krimiblog-Archiv"
                ),
                "Das schwulste Musikvideo der Welt"
            );
            // (the `<h1>` the longer part is the headline, after a site's name and a section)
            assert_eq!(
                headline(
                    "Bundespolizei - Aktuelles - Bereits 9.087 Feststellungen im laufenden Jahr",
                    "Bereits 9.087 Feststellungen im laufenden Jahr"
                ),
                "Bereits 9.087 Feststellungen im laufenden Jahr"
            );
        }

        #[test]
        fn a_date_is_iso_8601_or_the_next_source_is_read() {
            let a = article(
                "https://news.example/a",
                r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"A story","datePublished":"20200516T14:51:53Z"}</script>"#,
            );
            assert_eq!(a.date_published.as_deref(), Some("2020-05-16T14:51:53Z"));
            let a = article(
                "https://news.example/b",
                r#"<meta property="article:published_time" content="vor 3 Stunden">
                   <h1>A story</h1><time datetime="2020-10-07T12:09:00+02:00">7 Oct</time>"#,
            );
            assert_eq!(
                a.date_published.as_deref(),
                Some("2020-10-07T12:09:00+02:00")
            );
            // A paragraph that is a date and nothing else, where no element is marked as one;
            // not a date in a sentence, nor one in the page's sidebar.
            let a = article(
                "https://news.example/c",
                "<aside><p>June 2, 2019</p></aside>
                 <article><h1>Protesters gather at a Paris theatre</h1>
                 <p>The protest began on January 16, 2020, and went on for days.</p>
                 <p>\n    January 18, 2020\n  </p>
                 <p>PARIS (Reuters) - Protesters gathered …</p></article>",
            );
            assert_eq!(a.date_published.as_deref(), Some("2020-01-18"));
            // The post's meta line of a content system's theme: Drupal's `submitted`, WordPress's
            // `postmetadata`.
            for (class, line) in [
                ("submitted", "Gespeichert von rasos am 24. Juli 2017 - 18:55"),
                ("postmetadata", "24. <a href=/date/2017/07/>Juli 2017</a> um 09:43"),
            ] {
                let a = article(
                    "https://blog.example/d",
                    &format!(
                        "<h1>FairCoin</h1><div class={class}>{line}</div><p>A post.</p>"
                    ),
                );
                assert_eq!(a.date_published.as_deref(), Some("2017-07-24"), "{class}");
            }
            // A footer box inside the box marked as the article is the article's own (TYPO3's
            // news detail); the site's footer, outside it, is not.
            let page = |inside: &str, outside: &str| {
                article(
                    "https://verband.example/news/wm",
                    &format!(
                        "<h1>Verband</h1>
                         <div class=article itemscope itemtype=http://schema.org/Article>
                         <div class=header><h2>WM-Kader steht</h2></div>{inside}
                         <p>Der Verband hat seinen Kader benannt.</p></div>
                         <div class=footer>{outside}</div>"
                    ),
                )
                .date_published
            };
            let date = r#"<p><span class="news-list-date"><time datetime="2022-02-01">01.02.2022</time></span></p>"#;
            assert_eq!(
                page(&format!("<div class=footer>{date}</div>"), "").as_deref(),
                Some("2022-02-01")
            );
            assert_eq!(page("", date), None);
        }
    }
}
