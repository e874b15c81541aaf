//! Who wrote the article, as a reader would trust it: the names a byline or an author tag gives,
//! each a person (or an agency) and never the site itself, a role, a photo credit, a profile
//! address or a handle. When in doubt a name is left out: no byline is better than a wrong one.

use crate::model::Person;
use crate::page::Page;

use super::meta;
use crate::markup::plain;
use crate::unicode::fold_diacritics;

/// Words a byline begins with before the names, in the languages the widget reads.
/// (Not "de", "di" or "da", which begin names: "De Jong", "Di Maio".)
/// ("Theo" is Vietnamese "according to": "Theo TTXVN".)
const BY: [&str; 27] = [
    "posted by",
    "written by",
    "reported by",
    "story by",
    "words by",
    "erstellt von",
    "geschrieben von",
    "verfasst von",
    "veröffentlicht von",
    "escrito por",
    "publicado por",
    "redactado por",
    "écrit par",
    "publié par",
    "rédigé par",
    "scritto da",
    "pubblicato da",
    "by",
    "von",
    "par",
    "por",
    "door",
    "av",
    "af",
    "bởi",
    "theo",
    "από",
];

/// Labels a credit line writes before its name and a colon ("Autor: Hans Meier").
const LABELS: [&str; 9] = [
    "author", "autor", "autorin", "autora", "auteur", "autore", "text", "texte", "interview",
];

/// Roles written after (or before) a name: "Jane Doe, Staff Writer", "신현주 기자". The longer
/// first, so that "Senior Correspondent" goes whole.
const ROLES: [&str; 24] = [
    "senior correspondent",
    "contributing writer",
    "korrespondentin",
    "senior reporter",
    "staff reporter",
    "korrespondent",
    "senior editor",
    "correspondent",
    "senior writer",
    "staff writer",
    "redakteurin",
    "news editor",
    "contributor",
    "journaliste",
    "phóng viên",
    "columnist",
    "redakteur",
    "periodista",
    "reporter",
    "editor",
    "writer",
    "기자",
    "특파원",
    "記者",
];

/// Author values that name no one: a desk, a role, the site's staff, a content system's default
/// user.
const NO_ONE: [&str; 37] = [
    "staff",
    "admin",
    "administrator",
    "editor",
    "editors",
    "the editors",
    "editorial",
    "editorial staff",
    "editorial team",
    "news desk",
    "newsdesk",
    "web desk",
    "online desk",
    "digital desk",
    "desk",
    "newsroom",
    "redaktion",
    "red",
    "rédaction",
    "redacción",
    "guest",
    "unknown",
    "twitter",
    "facebook",
    "linkedin",
    "instagram",
    "email",
    "e-mail",
    "follow",
    "more",
    "super user",
    "superuser",
    "webmaster",
    "author",
    "autor",
    "autorin",
    "auteur",
];

/// Degrees and titles written after a name and a comma ("Grant Tinsley, PhD"): split off as a
/// list's item, each is no one.
const CREDENTIALS: [&str; 12] = [
    "phd", "ph.d.", "ph.d", "md", "m.d.", "msc", "mba", "rd", "rn", "dr", "dr.", "prof",
];

/// Words an organisation's name has and a person's does not: legal forms (as its last word) and
/// a publisher's or an institution's words (anywhere): "Olympia-Verlag GmbH", "Sekretariat
/// Partei Mensch Umwelt Tierschutz", "Top Solar News". (A desk's words, [`DESKS`], count
/// anywhere in a name of more than one word too: "Redacción EC".)
const LEGAL_FORMS: [&str; 12] = [
    "gmbh", "mbh", "ag", "kg", "e.v.", "inc", "inc.", "ltd", "ltd.", "llc", "plc", "s.a.",
];
const INSTITUTIONS: [&str; 11] = [
    "institute",
    "sekretariat",
    "secretariat",
    "copyright",
    "news",
    "noticias",
    "nachrichten",
    "zeitung",
    "magazin",
    "magazine",
    "newsletter",
];

/// The ends of German compounds that name an organisation: "Olympia-Verlag",
/// "Bundesverband", "Weininstitut".
const INSTITUTION_ENDS: [&str; 3] = ["verlag", "verband", "institut"];

/// Words no name begins with: prepositions, pronouns and articles that begin a phrase a byline's
/// place can hold ("Zu Ihrer Information", "Als Naturfilmer", "About the author").
const NOT_FIRST: [&str; 22] = [
    "als", "zu", "für", "mit", "aus", "bei", "nach", "über", "ihre", "ihrer", "unser", "unsere",
    "alle", "weitere", "about", "for", "with", "from", "this", "our", "your", "all",
];

/// News agencies credited by one word.
const AGENCIES: [&str; 14] = [
    "reuters",
    "bloomberg",
    "xinhua",
    "anadolu",
    "kyodo",
    "yonhap",
    "bernama",
    "antara",
    "agencias",
    "agencies",
    "interfax",
    "belga",
    "keystone",
    "ritzau",
];

/// The small words inside names, which keep their lower case.
const PARTICLES: [&str; 22] = [
    "de", "da", "di", "do", "dos", "das", "del", "della", "van", "von", "der", "den", "ter", "la",
    "le", "du", "bin", "binti", "al", "el", "y", "zu",
];

/// A desk's words: the last word of a desk's name ("NZZ-Redaktion", "Sports Desk",
/// "Digital Team"), or any word of a longer credit ("Redacción EC").
const DESKS: [&str; 9] = [
    "redaktion",
    "desk",
    "team",
    "staff",
    "newsroom",
    "rédaction",
    "redacción",
    "redação",
    "redazione",
];

/// Where a list of names is split: "A, B and C", "A & B", "A und B".
const BETWEEN: [&str; 12] = [
    ", ", " and ", " & ", " und ", " et ", " y ", " e ", " og ", " och ", " en ", " và ", "; ",
];

/// The names in a byline or an author value: its words after "By", split where it lists several,
/// each without its role, and only those that are names ([`name`]).
///
/// ```
/// use storycard::extract::byline::names;
/// assert_eq!(names("By Jane Doe and John Roe"), ["Jane Doe", "John Roe"]);
/// assert_eq!(names("Jane Doe, Staff Writer"), ["Jane Doe"]);
/// assert_eq!(names("(Image: Getty Images)"), Vec::<String>::new());
/// assert_eq!(names("Grant Tinsley, PhD"), ["Grant Tinsley"]);
/// assert_eq!(names("Von David Hutzler, dpa"), ["David Hutzler"]);
/// assert_eq!(names("dpa, AFP"), ["dpa", "AFP"]);
/// assert_eq!(names("Jane Doe, John Roe, dpa"), ["Jane Doe", "John Roe", "dpa"]);
/// // (a credit's verb or label before the name)
/// assert_eq!(names("Erstellt von Andri Bryner"), ["Andri Bryner"]);
/// assert_eq!(names("Publicado por Juan Pérez"), ["Juan Pérez"]);
/// assert_eq!(names("Interview: Julia Lauter"), ["Julia Lauter"]);
/// assert_eq!(names("Autor: Hans Meier"), ["Hans Meier"]);
/// // (two names with a slash between them; not a desk's initials, nor a party and its group)
/// assert_eq!(names("Mathatisi Sebusi/Mohalenyane Phakela"), ["Mathatisi Sebusi", "Mohalenyane Phakela"]);
/// assert_eq!(names("srf/hosb"), Vec::<String>::new());
/// assert_eq!(names("Bündnis 90/Die Grünen Bundestagsfraktion"), Vec::<String>::new());
/// ```
pub fn names(value: &str) -> Vec<String> {
    names_and_words(value).0
}

/// [`names`], and whether the value also says something in words besides them
/// ([`said_in_words`]: "Peter Amende und Fuchsy designed").
fn names_and_words(value: &str) -> (Vec<String>, bool) {
    let mut said = false;
    let text = plain(value);
    let mut text = text.trim();
    for by in BY {
        if let Some(rest) = strip_word_prefix(text, by) {
            text = rest.trim_start_matches([':', ' ']);
            break;
        }
    }
    // (a label before a colon: "Autor: Hans Meier", "Text: Jane Doe")
    for label in LABELS {
        if let Some(rest) = strip_word_prefix(text, label).and_then(|r| r.strip_prefix(':')) {
            text = rest.trim_start();
            break;
        }
    }
    let mut out: Vec<String> = Vec::new();
    // (a list is split at its commas first: a one-word credit after the one person's name and a
    // comma is where that person works, "Von David Hutzler, dpa", not a second author; after a
    // list of names, "A, B, dpa", it is one more credit)
    let mut after_person = false;
    for chunk in split_ignore_case(text, ", ") {
        let mut parts = vec![chunk];
        for sep in &BETWEEN[1..] {
            parts = parts
                .iter()
                .flat_map(|p| split_ignore_case(p, sep))
                .collect();
        }
        // (two people's names with a slash between them: "Mathatisi Sebusi/Mohalenyane Phakela";
        // not a desk's initials, "srf/hosb", nor an address)
        parts = parts
            .into_iter()
            .flat_map(|p| match slashed_names(&p) {
                Some(names) => names,
                None => vec![p],
            })
            .collect();
        let affiliation =
            after_person && out.len() == 1 && parts.len() == 1 && !parts[0].trim().contains(' ');
        after_person = false;
        for part in parts {
            if let Some(n) = name(&part) {
                after_person = n.contains(' ');
                if !affiliation && !out.contains(&n) {
                    out.push(n);
                }
            } else if said_in_words(&part) {
                said = true;
            }
        }
    }
    (out, said)
}

/// Whether a part of an author value that is no name says something in words: two words or
/// more, one of them a lowercase word of four letters or more that is no particle ("Fuchsy
/// designed", "photos by John Roe").
fn said_in_words(part: &str) -> bool {
    part.split_whitespace().count() >= 2
        && part.split_whitespace().any(|w| {
            w.chars().count() > 3 && w.chars().all(char::is_lowercase) && !PARTICLES.contains(&w)
        })
}

/// The names of `part` where it is two or more names of two words or more each, written with a
/// slash between them and no space ("Mathatisi Sebusi/Mohalenyane Phakela"); not when a piece is
/// no name ("Bündnis 90/Die Grünen Bundestagsfraktion" is a party's group).
fn slashed_names(part: &str) -> Option<Vec<String>> {
    if part.contains("://") || part.contains(" / ") || !part.contains('/') {
        return None;
    }
    let pieces: Vec<String> = part.split('/').map(|p| p.trim().to_owned()).collect();
    pieces
        .iter()
        .all(|p| p.split_whitespace().count() >= 2 && name(p).is_some())
        .then_some(pieces)
}

/// Whether `text`, an element's whole text, is a byline written out: it begins with a byline's
/// first word as a byline writes it ("By", "BY", "Von", "Par": a capital, not a sentence's "by"
/// within; in lower case only in four words at most, "von Dennis Kochinky"), is at most
/// [`WRITTEN_WORDS`] words, and [`names`] finds a name in it ("By Michael Hingston", "Von Roland
/// Brockmann und Sebastian Drescher"; not "By clicking you accept").
///
/// ```
/// use storycard::extract::byline::written_byline;
/// assert!(written_byline("By Michael Hingston"));
/// assert!(written_byline("Von Roland Brockmann und Sebastian Drescher"));
/// assert!(!written_byline("By clicking Subscribe you agree to our terms"));
/// assert!(!written_byline("Jane Doe"));
/// assert!(written_byline("von Dennis Kochinky"));
/// assert!(!written_byline("by Jane Doe, who has covered the courts since 2001"));
/// ```
pub fn written_byline(text: &str) -> bool {
    let text = text.trim();
    let capital = text.chars().next().is_some_and(char::is_uppercase);
    let by = BY.iter().any(|by| strip_word_prefix(text, by).is_some());
    let words = text.split_whitespace().count();
    // (in lower case only when short: "von Dennis Kochinky", not a sentence that goes on)
    (capital || words <= 4) && by && words <= WRITTEN_WORDS && !names(text).is_empty()
}

/// The most words a byline written out has: "By" and two or three names with "and".
pub const WRITTEN_WORDS: usize = 10;

/// `text` without a leading word `word` (any case), when it begins with it and more follows.
fn strip_word_prefix<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let head = text.get(..word.len())?;
    let rest = &text[word.len()..];
    (head.to_lowercase() == word && rest.starts_with([' ', ':'])).then_some(rest)
}

/// `text` split at `sep`, matched in any case (ASCII).
fn split_ignore_case(text: &str, sep: &str) -> Vec<String> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find(sep) {
        out.push(text[from..from + at].to_owned());
        from += at + sep.len();
    }
    out.push(text[from..].to_owned());
    out
}

/// The name in one author value, when it is one: without a role before or after it and without
/// the punctuation around it; not a desk or "Staff", not an address, a handle or an e-mail, not a
/// photo credit, not a sentence, not a number. One word is a name only in a script without
/// capitals, or as an agency or initials: a handle ("swardley"), a place ("hessenschau.de,
/// Frankfurt, Germany") or a section names no one.
///
/// ```
/// use storycard::extract::byline::name;
/// assert_eq!(name("  Jane Doe | Reporter ").as_deref(), Some("Jane Doe"));
/// assert_eq!(name("신현주 기자").as_deref(), Some("신현주"));
/// assert_eq!(name("Staff"), None);
/// assert_eq!(name("https://example.com/author/jane"), None);
/// assert_eq!(name("105092"), None);
/// // (a content system's default user, a degree, a byline's first word alone)
/// assert_eq!(name("Super User"), None);
/// assert_eq!(name("PhD"), None);
/// assert_eq!(name("von"), None);
/// // (a phrase in a byline's place, an organisation, a desk)
/// assert_eq!(name("Zu Ihrer Information"), None);
/// assert_eq!(name("Olympia-Verlag GmbH"), None);
/// assert_eq!(name("Bundesverband WindEnergie"), None);
/// assert_eq!(name("Top Solar News"), None);
/// assert_eq!(name("Redacción EC"), None);
/// // (initials and agencies are credits; one word in title case is not initials)
/// assert_eq!(name("dpa").as_deref(), Some("dpa"));
/// assert_eq!(name("AFP").as_deref(), Some("AFP"));
/// assert_eq!(name("Leben"), None);
/// assert_eq!(name("Copyright Jane Doe").as_deref(), Some("Jane Doe"));
/// assert_eq!(name("Rezept von"), None);
/// // (the writer's initials or agency after the name; not a photo credit)
/// assert_eq!(name("Elena Oberholzer (obe)").as_deref(), Some("Elena Oberholzer"));
/// assert_eq!(name("Hans Meier (dpa)").as_deref(), Some("Hans Meier"));
/// assert_eq!(name("Jane Doe (Foto)"), None);
/// ```
pub fn name(value: &str) -> Option<String> {
    let mut v = plain(value).trim().to_owned();
    // (a credit line's first word: "Copyright Jane Doe")
    if let Some(rest) = strip_word_prefix(&v, "copyright") {
        v = rest.trim_start_matches([':', ' ']).to_owned();
    }
    // A role after a separator or as the last words, or as the first words.
    for sep in [" | ", " - ", " – ", ", ", " / "] {
        if let Some((head, tail)) = v.split_once(sep) {
            if is_role(tail) {
                v = head.trim().to_owned();
            }
        }
    }
    for role in ROLES {
        let lower = v.to_lowercase();
        // (where lowercase changes the length, the name is left as it is)
        if lower.len() != v.len() {
            break;
        }
        if let Some(head) = lower.strip_suffix(role) {
            if head.ends_with(' ') || !role.is_ascii() {
                v = v[..head.len()].trim().to_owned();
            }
        } else if let Some(tail) = lower.strip_prefix(role) {
            if tail.starts_with(' ') {
                v = v[role.len()..].trim().to_owned();
            }
        }
    }
    let v = v
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')' && c != '(')
        .trim();
    // (the writer's initials or agency after the name, as Swiss and German papers write them:
    // "Elena Oberholzer (obe)", "Hans Meier (dpa)"; not a word in title case, "(Foto)")
    let v = match v.strip_suffix(')').and_then(|r| r.rsplit_once(" (")) {
        Some((head, mark))
            if !head.trim().is_empty()
                && (2..=5).contains(&mark.chars().count())
                && mark.chars().all(char::is_alphabetic)
                && (mark.chars().all(char::is_lowercase) || mark.chars().all(char::is_uppercase)) =>
        {
            head.trim()
        }
        _ => v,
    };
    let words = v.split_whitespace().count();
    let lower = v.to_lowercase();
    // (one word alone is a name in a script without capitals, "박준석", or an agency or
    // initials, "AFP", "dpa", "ssi", "Reuters"; not a place, "Frankfurt")
    // (initials are in one case, "dpa", "AFP": a word in title case, "Leben", "Dago", is a word
    // or a given name)
    let title_case = v.chars().next().is_some_and(char::is_uppercase)
        && v.chars().skip(1).any(char::is_lowercase)
        && !v.chars().skip(1).any(char::is_uppercase);
    let short_word = words == 1 && v.chars().count() <= 5 && !title_case;
    let cased = v.chars().any(|c| c.is_uppercase() || c.is_lowercase());
    let one_word_credit = !cased
        || short_word
        || v.chars().all(|c| !c.is_lowercase())
        || AGENCIES.contains(&lower.as_str());
    // (in a cased script every word of a name begins with a capital but its particles: "Ludwig
    // van Beethoven"; "Das Gespräch führte Peter Hanselmann." is a sentence)
    let sentence = words > 1
        && v.split_whitespace()
            .any(|w| w.chars().next().is_some_and(char::is_lowercase) && !PARTICLES.contains(&w))
        || (v.ends_with('.') && v.rsplit(' ').next().is_some_and(|w| w.chars().count() > 2));
    let letters = v.chars().filter(|c| c.is_alphabetic()).count();
    let not_a_name = v.is_empty()
        || letters < 2
        || words > 6
        || (words == 1 && !one_word_credit)
        || sentence
        || v.contains("://")
        || lower.starts_with("www.")
        || v.contains('@')
        || v.contains(['(', ')', ':', '/', '|', '©', '"', '“', '”'])
        || v.chars().any(|c| c.is_ascii_digit())
        || NO_ONE.contains(&lower.as_str())
        || CREDENTIALS.contains(&lower.as_str())
        // (a byline's first word alone: "von")
        || BY.contains(&lower.as_str())
        || lower
            .split_whitespace()
            .next()
            .is_some_and(|first| words > 1 && NOT_FIRST.contains(&first))
        || lower
            .split_whitespace()
            .last()
            .is_some_and(|last| words > 1 && LEGAL_FORMS.contains(&last))
        // (a name's particle comes before its surname, never last: "Rezept von")
        || lower
            .split_whitespace()
            .last()
            .is_some_and(|last| PARTICLES.contains(&last))
        || lower
            .split([' ', '-'])
            .any(|w| {
                INSTITUTIONS.contains(&w)
                    || INSTITUTION_ENDS.iter().any(|end| w.ends_with(end))
                    || (words > 1 && DESKS.contains(&w))
            })
        // (a desk: "NZZ-Redaktion", "Sports Desk")
        || lower
            .rsplit([' ', '-'])
            .next()
            .is_some_and(|last| DESKS.contains(&last))
        || is_role(&lower);
    (!not_a_name).then(|| v.to_owned())
}

/// Whether `text` is a role, not a name.
fn is_role(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    ROLES.contains(&t.as_str())
}

/// A name as folded for comparing: lowercase, without diacritics, letters and digits only.
pub(super) fn folded(s: &str) -> String {
    fold_diacritics(&s.to_lowercase())
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Whether an author value is the site itself rather than a person: the same as one of the
/// site's names (`og:site_name`, the publisher), or as its host with or without its suffix
/// (`mdr.de`, `Lesotho Times` on `lesothotimes.com`), or one of the words of a longer site name
/// ("LBCI" of "LBCI Lebanon").
///
/// ```
/// use storycard::extract::byline::is_site;
/// assert!(is_site("Lesotho Times", &[], Some("www.lesothotimes.com")));
/// assert!(is_site("LBCI", &["LBCI Lebanon"], None));
/// assert!(!is_site("Jane Doe", &["Example News"], Some("example.com")));
/// assert!(is_site("Deutsches Rotes Kreuz", &[], Some("www.drk.de")));
/// assert!(is_site("Die FURCHE", &[], Some("www.furche.at")));
/// assert!(!is_site("Anna Furche", &[], Some("www.furche.at")));
/// ```
pub fn is_site(name: &str, sites: &[&str], host: Option<&str>) -> bool {
    let n = folded(name);
    if n.is_empty() {
        return false;
    }
    let named = sites.iter().any(|s| {
        folded(s) == n
            || s.split_whitespace()
                .filter(|w| w.chars().count() >= 3)
                .any(|w| folded(w) == n)
    });
    let host = host.map(|h| h.trim_start_matches("www.").to_lowercase());
    let label = host.as_deref().map(|h| folded(site_label(h)));
    // (with or without a short word before it: "Die FURCHE" on furche.at, "OÖ Volksblatt")
    let rest = name
        .split_once(' ')
        .filter(|(head, _)| head.chars().count() <= 3)
        .map(|(_, rest)| folded(rest));
    let hosted = host.as_deref().is_some_and(|h| folded(h) == n)
        || label.as_ref() == Some(&n)
        || (label.is_some() && label == rest)
        || rest
            .as_ref()
            .is_some_and(|r| r.chars().count() >= 4 && sites.iter().any(|s| folded(s) == *r));
    // (a name that begins with the site's: "MDR THÜRINGEN" of MDR, "BR24 Redaktion"; not with the
    // host's, "Anisse Astier" on anisse.astier.eu is a person)
    let first = name
        .split([' ', '-'])
        .next()
        .map(folded)
        .unwrap_or_default();
    let begins =
        first.chars().count() >= 2 && first != n && sites.iter().any(|s| folded(s) == first);
    // (the host's letters the initials of the name's words: "Deutsches Rotes Kreuz" on drk.de)
    let words: Vec<&str> = name.split_whitespace().collect();
    let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
    let acronym = words.len() >= 2
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && label.as_ref().is_some_and(|l| *l == folded(&initials));
    named || hosted || begins || acronym
}

/// The name a host is registered under: its last label before the top-level domain and a
/// generic second level (`lesothotimes` of `www.lesothotimes.com`, `nine` of `www.nine.com.au`,
/// `substack` of `simonsarris.substack.com`: a platform's subdomain is its user's, not the site's).
pub(super) fn site_label(host: &str) -> &str {
    let mut labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() > 1 {
        labels.pop();
    }
    if labels.len() > 1
        && matches!(
            labels.last().copied(),
            Some("com" | "co" | "org" | "net" | "gov" | "gv" | "gob" | "gouv" | "govt" | "ac" | "edu" | "ne" | "or" | "go")
        )
    {
        labels.pop();
    }
    labels.last().copied().unwrap_or(host)
}

/// The name a profile address stands for, when a name from the page is in it: the last part of
/// its path ("/author/jane-doe") has the words of one of `known` (the visible byline's names).
///
/// ```
/// use storycard::extract::byline::name_in_profile;
/// let known = ["Jane Doe".to_owned()];
/// assert_eq!(name_in_profile("https://ex.com/author/jane-doe/", &known).as_deref(), Some("Jane Doe"));
/// assert_eq!(name_in_profile("https://www.facebook.com/examplenews", &known), None);
/// ```
pub fn name_in_profile(url: &str, known: &[String]) -> Option<String> {
    let path = url.split(['?', '#']).next()?;
    let slug = path.trim_end_matches('/').rsplit('/').next()?;
    let slug = folded(slug);
    known
        .iter()
        .find(|k| !folded(k).is_empty() && folded(k) == slug)
        .cloned()
}

/// The people an author value credits, as [`names`] reads them, without the site itself
/// ([`is_site`]); a profile address gives the name only when one of `visible` (the byline's
/// names) is in it ([`name_in_profile`]).
pub fn credited(
    value: &str,
    visible: &[String],
    sites: &[&str],
    host: Option<&str>,
) -> Vec<String> {
    let trimmed = value.trim();
    let found = if trimmed.contains("://") || trimmed.starts_with("www.") {
        name_in_profile(trimmed, visible).into_iter().collect()
    } else {
        names(trimmed)
    };
    found
        .into_iter()
        .filter(|n| !is_site(n, sites, host))
        .collect()
}

/// The names in the page's visible byline: its links' texts where they are names (a byline
/// links each author to their page), else its text without its links (a "Twitter" link run into
/// the name); nothing from a byline of more than twelve words, which is a sentence. Without a
/// byline, the signature's name ([`Page::signature`]), when it is a name of two to five words.
/// Never the site itself ([`is_site`]).
pub fn visible(page: &Page, sites: &[&str], host: Option<&str>) -> Vec<String> {
    let not_site = |n: &String| !is_site(n, sites, host);
    let from_byline: Vec<String> = byline_names(page).into_iter().filter(not_site).collect();
    if !from_byline.is_empty() {
        return from_byline;
    }
    page.signature
        .as_deref()
        .map(names)
        .unwrap_or_default()
        .into_iter()
        .filter(|n| (2..=5).contains(&n.split_whitespace().count()) && not_site(n))
        .collect()
}

fn byline_names(page: &Page) -> Vec<String> {
    let linked: Vec<String> = page.byline_links.iter().flat_map(|l| names(l)).collect();
    if !linked.is_empty() {
        return linked;
    }
    let Some(text) = page.byline.as_deref() else {
        return Vec::new();
    };
    let mut text = text.to_owned();
    for link in &page.byline_links {
        text = text.replace(link.as_str(), " ");
    }
    if text.split_whitespace().count() > 12 {
        return Vec::new();
    }
    names(&text)
}

/// Whether the page shows `name` to its reader: its surname (its last word; a name written
/// without spaces, whole) is in the page's text, both folded to letters and digits (a page's
/// text runs its elements together: "Von Johannes KnuthAnhören"). A page whose text was not
/// read ([`Page::text`]) shows every name.
fn shown(text: Option<&str>, name: &str) -> bool {
    let Some(text) = text else {
        return true;
    };
    name.split_whitespace()
        .last()
        .map(folded)
        .is_some_and(|last| !last.is_empty() && text.contains(&last))
}

/// Who wrote the article, and where that was read (`json-ld`, an author tag such as `author`, or
/// `byline`): JSON-LD's authors, else the first author tag that names someone, else the visible
/// byline ([`visible`]); each as [`credited`] reads it, without the site itself (which the card
/// shows as the publisher: as a byline it would credit the site with a person's story). On a
/// page without a visible byline, a name from JSON-LD or a tag is credited only where the
/// page's text shows it ([`shown`]): a name the page never shows its reader is its system's
/// (the site's owner, the account that posted it), not the article's byline.
pub fn credit(
    page: &Page,
    json_ld: &[Person],
    sites: &[&str],
    host: Option<&str>,
) -> Option<(Vec<Person>, &'static str)> {
    let visible = visible(page, sites, host);
    // (the page's text folded once, when a name needs it)
    let text = std::cell::OnceCell::new();
    let credit = |value: &str| {
        credited(value, &visible, sites, host)
            .into_iter()
            .filter(|n| {
                (!visible.is_empty() && !page.byline_written)
                    || shown(
                        text.get_or_init(|| page.text.as_deref().map(folded)).as_deref(),
                        n,
                    )
            })
            .collect::<Vec<_>>()
    };
    let from_ld: Vec<Person> = json_ld
        .iter()
        .flat_map(|p| {
            let names = credit(&p.name);
            let url = if names.len() == 1 {
                p.url.clone()
            } else {
                None
            };
            names.into_iter().map(move |name| Person {
                name,
                url: url.clone(),
            })
        })
        .collect();
    if !from_ld.is_empty() {
        return Some((from_ld, "json-ld"));
    }
    let unlinked = |names: Vec<String>| -> Vec<Person> {
        names
            .into_iter()
            .map(|name| Person { name, url: None })
            .collect()
    };
    let from_tags = meta::author_values(page)
        .into_iter()
        .find_map(|(key, values)| {
            let mut names: Vec<String> = Vec::new();
            // (a tag that says something in words besides its names is a credit line, the
            // theme's or the site's: "Peter Amende und Fuchsy designed")
            for n in values
                .into_iter()
                .filter(|v| !names_and_words(v).1)
                .flat_map(credit)
            {
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            (!names.is_empty()).then_some((names, key))
        });
    from_tags
        .or_else(move || (!visible.is_empty()).then_some((visible, "byline")))
        .map(|(names, key)| (unlinked(names), key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_that_says_something_besides_its_names_is_told_apart() {
        // (a theme's credit in the author tag: the name is not the article's author)
        assert_eq!(
            names_and_words("Peter Amende und Fuchsy designed"),
            (vec!["Peter Amende".to_owned()], true)
        );
        // (a byline with its photographer: the names, and words besides them)
        assert_eq!(
            names_and_words("Jane Doe, photos by John Roe"),
            (vec!["Jane Doe".to_owned()], true)
        );
        // (names alone, an agency, a particle)
        assert_eq!(
            names_and_words("Jane Doe and John Roe"),
            (vec!["Jane Doe".to_owned(), "John Roe".to_owned()], false)
        );
        assert!(!names_and_words("Von David Hutzler, dpa").1);
        assert!(!names_and_words("Ludwig van Beethoven").1);
    }
}
