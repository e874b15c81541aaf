//! Near duplicates: two headlines that tell the same story in different words ("US believes the
//! Russia-Ukraine conflict cannot end" / "US believes Russia-Ukraine conflict cannot end soon").
//!
//! The score compares content words after [`headline_key`](crate::text::headline_key), with
//! diacritics folded, number words as digits and a light English plural strip:
//!
//! - 0 when the two disagree on something a headline turns on: a number (`Seven` / `Nine`,
//!   `third` / `fourth`), a month or a day, or a pair of opposites (`rise` / `fall`,
//!   `approves` / `rejects`, `tăng` / `giảm`);
//! - the share of the shorter headline's words found in the longer one when one only adds words
//!   to the other (a qualifier, a place, "soon");
//! - otherwise the Jaccard index of the two word sets, or the Jaccard index of the two headlines'
//!   character trigrams without spaces when that is higher (`Heat wave` / `Heatwave`).
//!
//! The threshold [`NEAR_DUPLICATE`] was chosen on `tests/fixtures/headline-pairs.tsv`.

use std::collections::BTreeSet;

use crate::text::{fold_diacritics, headline_key, MONTHS};

/// Scores at or above this are the same story.
pub const NEAR_DUPLICATE: f64 = 0.8;

const STOP: [&str; 40] = [
    "a", "an", "the", "of", "to", "in", "into", "on", "for", "and", "is", "are", "was", "were",
    "be", "will", "with", "as", "at", "by", "from", "its", "it", "this", "that", "has", "while",
    "after", // Vietnamese, folded.
    "va", "cua", "la", "duoc", "voi", "cac", "nhung", "o", "tai", "trong", "cho", "khi",
];

const NUMBER_WORDS: [(&str, &str); 28] = [
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("twenty", "20"),
    ("hundred", "100"),
    ("first", "1"),
    ("second", "2"),
    ("third", "3"),
    ("fourth", "4"),
    ("fifth", "5"),
    ("sixth", "6"),
    ("tenth", "10"),
    ("quarter", "0.25"),
    ("half", "0.5"),
    // Vietnamese, folded: một, hai, ba, bốn.
    ("mot", "1"),
    ("hai", "2"),
    ("ba", "3"),
    ("bon", "4"),
    ("muoi", "10"),
];

/// Days a story turns on; with [`MONTHS`] and numbers, two headlines that differ in one of these
/// are different stories.
const DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const OPPOSITES: [(&str, &str); 26] = [
    ("rise", "fall"),
    ("up", "down"),
    ("raise", "cut"),
    ("approve", "reject"),
    ("open", "close"),
    ("win", "lose"),
    ("pass", "block"),
    ("high", "low"),
    ("extend", "cut"),
    ("can", "cannot"),
    ("injured", "killed"),
    ("lifted", "issued"),
    ("catch", "throw"),
    ("end", "enter"),
    ("stop", "start"),
    ("early", "late"),
    ("earlier", "later"),
    ("against", "for"),
    ("hold", "raise"),
    ("hold", "cut"),
    ("knock", "send"),
    // Vietnamese, folded: tăng/giảm, mở/đóng, đầu/cuối, tăng/lao dốc.
    ("tang", "giam"),
    ("mo", "dong"),
    ("dau", "cuoi"),
    ("phuc", "doc"),
    ("tiep", "dung"),
];

/// Words that turn a statement around: "Apple stops developing", "Quốc hội lùi thông qua".
const NEGATORS: [&str; 15] = [
    "not", "no", "never", "stop", "halt", "fail", "delay", "without", "against", "lui", "dung",
    "khong", "chua", "hoan", "ngung",
];

/// Kinds of words where a substitution makes another story: time units, currencies.
const KINDS: [&[&str]; 3] = [
    &[
        "day", "week", "month", "year", "ngay", "tuan", "thang", "nam",
    ],
    &[
        "usd", "euro", "yen", "pound", "gold", "vang", "xang", "dien",
    ],
    &["man", "woman", "men", "women", "boy", "girl"],
];

/// The content words of a headline in order, normalized as the module documentation says.
pub fn sequence(headline: &str) -> Vec<String> {
    let folded = fold_diacritics(&headline_key(headline));
    folded
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == ','))
        .map(|w| w.trim_matches(|c| c == '.' || c == ','))
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(|w| {
            if let Some(&(_, n)) = NUMBER_WORDS.iter().find(|(word, _)| *word == w) {
                return n.to_owned();
            }
            let w = w.replace(',', "");
            // Plural and third-person s ("shares" is "share"), and -ing ("parking" is "park").
            if let Some(stem) = w.strip_suffix("ing").filter(|s| s.len() >= 4) {
                return stem.to_owned();
            }
            match w.strip_suffix('s') {
                Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem.to_owned(),
                _ => w,
            }
        })
        .collect()
}

/// The content words of a headline, as a set.
pub fn words(headline: &str) -> BTreeSet<String> {
    sequence(headline).into_iter().collect()
}

/// Joins adjacent words of `seq` whose concatenation is a word of `other`: "heat wave" and
/// "heatwave", "quoc lo 1" and "ql1" stay apart, but "car park" and "carpark" meet.
fn join_compounds(seq: &[String], other: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut i = 0;
    while i < seq.len() {
        if i + 1 < seq.len() {
            let joined = [seq[i].as_str(), seq[i + 1].as_str()].concat();
            if other.contains(&joined) {
                out.insert(joined);
                i += 2;
                continue;
            }
        }
        out.insert(seq[i].clone());
        i += 1;
    }
    out
}

fn is_number(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

fn base(w: &str) -> &str {
    w.strip_suffix("ed")
        .or_else(|| w.strip_suffix("ing"))
        .unwrap_or(w)
}

/// The opposites of a headline in order, each as (pair, side): "Stocks rise as oil prices fall"
/// and "Stocks fall as oil prices rise" differ here though their words do not.
fn polarity(seq: &[String]) -> Vec<(usize, bool)> {
    seq.iter()
        .filter_map(|w| {
            OPPOSITES.iter().enumerate().find_map(|(i, (x, y))| {
                let w = base(w);
                (w == *x)
                    .then_some((i, false))
                    .or((w == *y).then_some((i, true)))
            })
        })
        .collect()
}

fn conflict(sa: &[String], sb: &[String], a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let only_a: Vec<&str> = a.difference(b).map(String::as_str).collect();
    let only_b: Vec<&str> = b.difference(a).map(String::as_str).collect();
    let any = |only: &[&str], f: &dyn Fn(&str) -> bool| only.iter().any(|w| f(w));
    // A number, a month or a day on both sides but not the same one.
    let pinned = |w: &str| is_number(w) || MONTHS.contains(&w) || DAYS.contains(&w);
    if any(&only_a, &pinned) && any(&only_b, &pinned) {
        return true;
    }
    // One kind of thing swapped for another: a week for a month, dollars for euros.
    if KINDS
        .iter()
        .any(|kind| any(&only_a, &|w| kind.contains(&w)) && any(&only_b, &|w| kind.contains(&w)))
    {
        return true;
    }
    // A statement turned around on one side only.
    let negated = |only: &[&str]| any(only, &|w| NEGATORS.contains(&base(w)));
    if negated(&only_a) != negated(&only_b) {
        return true;
    }
    // The same pair of opposites, turned differently: "rise ... fall" against "fall ... rise".
    let (pa, pb) = (polarity(sa), polarity(sb));
    OPPOSITES.iter().enumerate().any(|(i, _)| {
        let sides = |p: &[(usize, bool)]| {
            p.iter()
                .filter(|(j, _)| *j == i)
                .map(|(_, s)| *s)
                .collect::<Vec<_>>()
        };
        let (a, b) = (sides(&pa), sides(&pb));
        !a.is_empty() && !b.is_empty() && a != b
    })
}

/// The words a headline writes with a capital or in capitals (names: "Apple", "EU", "Hà Nội"),
/// as [`sequence`] normalizes them.
fn names(headline: &str) -> BTreeSet<String> {
    headline
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .flat_map(sequence)
        .collect()
}

fn jaccard<T: Ord>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

/// How surely two headlines tell the same story, from 0 to 1.
///
/// ```
/// use storycard::similar::{score, NEAR_DUPLICATE};
/// let same = score("US believes the Russia-Ukraine conflict cannot end", "US believes Russia-Ukraine conflict cannot end soon");
/// assert!(same >= NEAR_DUPLICATE, "{same}");
/// assert!(score("Stocks rise as oil prices fall", "Stocks fall as oil prices rise") < NEAR_DUPLICATE);
/// assert!(score("Seven killed in crash", "Nine killed in crash") < NEAR_DUPLICATE);
/// ```
pub fn score(a: &str, b: &str) -> f64 {
    let (sa, sb) = (sequence(a), sequence(b));
    let (wa0, wb0): (BTreeSet<String>, BTreeSet<String>) =
        (sa.iter().cloned().collect(), sb.iter().cloned().collect());
    let wa = join_compounds(&sa, &wb0);
    let wb = join_compounds(&sb, &wa0);
    if wa.is_empty() || wb.is_empty() || conflict(&sa, &sb, &wa, &wb) {
        return 0.0;
    }
    // A name on each side that the other lacks: another subject ("Apple" / "Google",
    // "Mỹ" / "Anh"), not a rewrite.
    let (na, nb) = (names(a), names(b));
    if na.iter().any(|n| !wb.contains(n)) && nb.iter().any(|n| !wa.contains(n)) {
        return 0.0;
    }
    let shared = wa.intersection(&wb).count();
    if shared == wa.len().min(wb.len()) && shared >= 3 {
        return 1.0;
    }
    jaccard(&wa, &wb)
}
