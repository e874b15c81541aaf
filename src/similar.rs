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
//! - otherwise the Jaccard index of the two word sets, adjacent words joined where the other
//!   headline writes them as one (`Heat wave` / `Heatwave`).
//!
//! The threshold [`NEAR_DUPLICATE`] was chosen on `tests/fixtures/headline-pairs.tsv`.

use crate::text::{cat, fold_diacritics, headline_key, is_capitalized, MONTHS};

/// Scores at or above this are the same story.
pub const NEAR_DUPLICATE: f64 = 0.8;

const STOP: &str = concat!(
    "a an the of to in into on for and is are was were be will with as at by from its it this that has while after ",
    // Vietnamese, folded.
    "va cua la duoc voi cac nhung o tai trong cho khi",
);

const NUMBER_WORDS: &str = concat!(
    "one=1 two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 eleven=11 twelve=12 twenty=20 hundred=100 first=1 second=2 third=3 fourth=4 fifth=5 sixth=6 tenth=10 quarter=0.25 half=0.5 ",
    // Vietnamese, folded: một, hai, ba, bốn.
    "mot=1 hai=2 ba=3 bon=4 muoi=10",
);

/// Days a story turns on; with [`MONTHS`] and numbers, two headlines that differ in one of these
/// are different stories.
const DAYS: &str = "monday tuesday wednesday thursday friday saturday sunday";

const OPPOSITES: &str = concat!(
    "rise/fall up/down raise/cut approve/reject open/close win/lose pass/block high/low extend/cut can/cannot injured/killed lifted/issued catch/throw end/enter stop/start early/late earlier/later against/for hold/raise hold/cut knock/send ",
    // Vietnamese, folded: tăng/giảm, mở/đóng, đầu/cuối, tăng/lao dốc.
    "tang/giam mo/dong dau/cuoi phuc/doc tiep/dung",
);

/// Words that turn a statement around: "Apple stops developing", "Quốc hội lùi thông qua".
const NEGATORS: &str =
    "not no never stop halt fail delay without against lui dung khong chua hoan ngung";

/// Kinds of words where a substitution makes another story: time units, currencies.
const KINDS: [&str; 3] = [
    "day week month year ngay tuan thang nam",
    "usd euro yen pound gold vang xang dien",
    "man woman men women boy girl",
];

/// Whether `word` is in a space-separated list. The word lists are written as one string each:
/// a slice of strings would add a pointer and a length per word to the WebAssembly module.
fn listed(list: &str, word: &str) -> bool {
    entries(list).any(|w| w == word)
}

/// The entries of a space-separated list, split with a plain byte loop: this runs for every word
/// of every headline, where `str::split` costs several times more.
fn entries(list: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(list);
    std::iter::from_fn(move || {
        let text = rest?;
        let end = text.bytes().position(|b| b == b' ');
        rest = end.map(|e| &text[e + 1..]);
        Some(&text[..end.unwrap_or(text.len())])
    })
}

/// The pairs of a space-separated list of `a<sep>b`.
fn pairs(list: &str, sep: char) -> impl Iterator<Item = (&str, &str)> {
    entries(list).filter_map(move |p| p.split_once(sep))
}

/// A word break inside a headline key: white space, and ASCII punctuation other than the `.`
/// and `,` of numbers. Letters of every script are word characters (the key has already turned
/// the other scripts' common punctuation into spaces), which keeps Unicode's character tables out
/// of the WebAssembly module.
fn breaks(c: char) -> bool {
    c.is_whitespace() || (c.is_ascii() && !c.is_ascii_alphanumeric() && c != '.' && c != ',')
}

/// The content words of a headline in order, normalized as the module documentation says.
pub fn sequence(headline: &str) -> Vec<String> {
    sequence_of_key(&headline_key(headline))
}

/// [`sequence`] from the headline's [`headline_key`], when the caller has it already.
pub fn sequence_of_key(key: &str) -> Vec<String> {
    let folded = fold_diacritics(key);
    folded
        .split(breaks)
        .map(|w| w.trim_matches(|c| c == '.' || c == ','))
        // Every stop word is five letters or fewer, every number word seven: the length check
        // spares most words the scan of the lists.
        .filter(|w| !w.is_empty() && (w.len() > 5 || !listed(STOP, w)))
        .map(|w| {
            if w.len() <= 7 {
                let digits =
                    entries(NUMBER_WORDS).find_map(|p| p.strip_prefix(w)?.strip_prefix('='));
                if let Some(n) = digits {
                    return n.to_owned();
                }
            }
            let w: String = w.chars().filter(|&c| c != ',').collect();
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

/// A small set of words: a headline has a dozen, so a vector searched in order is both smaller
/// in the WebAssembly module and faster than a tree or a hash set.
type Words = Vec<String>;

fn set(words: impl IntoIterator<Item = String>) -> Words {
    let mut out = Words::new();
    for w in words {
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// Joins adjacent words of `seq` whose concatenation is a word of `other`: "heat wave" and
/// "heatwave", "quoc lo 1" and "ql1" stay apart, but "car park" and "carpark" meet.
fn join_compounds(seq: &[String], other: &Words) -> Words {
    let mut out = Vec::new();
    let mut i = 0;
    while i < seq.len() {
        if i + 1 < seq.len() {
            let joined = cat(&[seq[i].as_str(), seq[i + 1].as_str()]);
            if other.contains(&joined) {
                out.push(joined);
                i += 2;
                continue;
            }
        }
        out.push(seq[i].clone());
        i += 1;
    }
    set(out)
}

fn is_number(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
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
            pairs(OPPOSITES, '/').enumerate().find_map(|(i, (x, y))| {
                let w = base(w);
                (w == x)
                    .then_some((i, false))
                    .or((w == y).then_some((i, true)))
            })
        })
        .collect()
}

/// The words of `a` that `b` lacks.
fn only<'a>(a: &'a Words, b: &Words) -> Vec<&'a str> {
    a.iter()
        .filter(|w| !b.contains(w))
        .map(String::as_str)
        .collect()
}

fn conflict(sa: &[String], sb: &[String], a: &Words, b: &Words) -> bool {
    let only_a = only(a, b);
    let only_b = only(b, a);
    let any = |only: &[&str], f: &dyn Fn(&str) -> bool| only.iter().any(|w| f(w));
    // A number, a month or a day on both sides but not the same one.
    let pinned = |w: &str| is_number(w) || MONTHS.contains(&w) || listed(DAYS, w);
    if any(&only_a, &pinned) && any(&only_b, &pinned) {
        return true;
    }
    // One kind of thing swapped for another: a week for a month, dollars for euros.
    if KINDS
        .iter()
        .any(|kind| any(&only_a, &|w| listed(kind, w)) && any(&only_b, &|w| listed(kind, w)))
    {
        return true;
    }
    // A statement turned around on one side only.
    let negated = |only: &[&str]| any(only, &|w| listed(NEGATORS, base(w)));
    if negated(&only_a) != negated(&only_b) {
        return true;
    }
    // The same pair of opposites, turned differently: "rise ... fall" against "fall ... rise".
    let (pa, pb) = (polarity(sa), polarity(sb));
    (0..pairs(OPPOSITES, '/').count()).any(|i| {
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
fn names(headline: &str) -> Words {
    set(headline
        .split(breaks)
        .filter(|w| is_capitalized(w))
        .flat_map(sequence))
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
    Headline::new(a).score(&Headline::new(b))
}

/// A headline read once for scoring against many others: its content words in order, as a set,
/// and its names. Dedupe keeps one per story, so each pair costs only the comparison.
#[derive(Debug, Clone)]
pub struct Headline {
    sequence: Vec<String>,
    words: Words,
    names: Words,
}

impl Headline {
    /// Reads `headline`.
    pub fn new(headline: &str) -> Headline {
        Headline::with_key(headline, &headline_key(headline))
    }

    /// Reads `headline`, whose [`headline_key`] the caller has already.
    pub fn with_key(headline: &str, key: &str) -> Headline {
        let sequence = sequence_of_key(key);
        Headline {
            words: set(sequence.iter().cloned()),
            names: names(headline),
            sequence,
        }
    }

    /// The content words in order ([`sequence`]).
    pub fn sequence(&self) -> &[String] {
        &self.sequence
    }

    /// [`score`] of this headline and `other`.
    pub fn score(&self, other: &Headline) -> f64 {
        let (sa, sb) = (&self.sequence, &other.sequence);
        let wa = join_compounds(sa, &other.words);
        let wb = join_compounds(sb, &self.words);
        if wa.is_empty() || wb.is_empty() || conflict(sa, sb, &wa, &wb) {
            return 0.0;
        }
        // A name on each side that the other lacks: another subject ("Apple" / "Google",
        // "Mỹ" / "Anh"), not a rewrite.
        if self.names.iter().any(|n| !wb.contains(n)) && other.names.iter().any(|n| !wa.contains(n))
        {
            return 0.0;
        }
        let shared = wa.iter().filter(|w| wb.contains(w)).count();
        if shared == wa.len().min(wb.len()) && shared >= 3 {
            return 1.0;
        }
        // The Jaccard index of the two sets.
        shared as f64 / (wa.len() + wb.len() - shared) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_keep_the_lengths_the_length_checks_assume() {
        assert!(STOP.split(' ').all(|w| w.len() <= 5));
        assert!(pairs(NUMBER_WORDS, '=').all(|(w, _)| w.len() <= 7));
        assert_eq!(pairs(NUMBER_WORDS, '=').count(), 28);
        assert_eq!(pairs(OPPOSITES, '/').count(), 26);
    }
}
