//! A headline read into what the near-duplicate test compares: its content words in their
//! canonical forms, its numbers with their units, its names, and whether it denies, reverses or
//! dates what it says.
//!
//! In order: the marks wires and sites add (`UPDATE 2-`, `VIDEO:`, ` - Reuters`, ` (2)`) go;
//! the headline's language is guessed; phrases and words become their canonical forms
//! ([`Lang::synonyms`]); numbers are read with their scale and unit (`$68.7 bln`, `2 triệu`,
//! `five`); stop words go; the rest is stemmed lightly.

use super::lexicon::{Lang, Tables, LEADING_MARKS, SCALES, TRAILING_MARKS, UNITS};
use crate::dedupe::headline_key;
use crate::text::is_separator;
use crate::unicode::{fold_diacritics, is_capitalized};

/// A number as a headline writes it: its value, how exactly it is written (`69` billion is
/// exact to a billion, `68.7` billion to a hundred million), and its unit, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// The value, scales applied (`$2.1M` is 2,100,000).
    pub value: f64,
    /// Half of the last written digit's place, scales applied: two numbers within the larger
    /// of their two steps are the same number rounded differently (`$69 billion`, `$68.7 bln`).
    pub step: f64,
    /// The unit: `%`, a currency (`usd`, `eur`), a length of time, `year` for a year written
    /// alone, or empty.
    pub unit: &'static str,
    /// What the number numbers, when a word before it says (`chapter` in "Chapter 11", `ios`
    /// in "iOS 7.1", `ql` in "QL1"): it is compared only with numbers of the same.
    pub label: Option<Word>,
    /// Whether a word before it says it is approximate (`nearly 700,000`): its step is then
    /// 15% of it, whatever its digits.
    pub approximate: bool,
}

impl Number {
    /// Whether two numbers may be the same figure, rounded differently. A rounding drops one
    /// digit of the figure, not two: `$69 billion` is `$68.7 bln`, but a rate cut to `2%` is
    /// not one cut to `2.25%`, unless a word says the figure is approximate.
    pub fn agrees(&self, other: &Number) -> bool {
        let margin = 1e-9 * self.value.abs().max(other.value.abs());
        let (fine, coarse) = if self.step <= other.step {
            (self.step, other.step)
        } else {
            (other.step, self.step)
        };
        let one_digit = self.approximate || other.approximate || coarse <= 10.0 * fine + margin;
        (self.unit == other.unit || !(is_time(self.unit) || is_time(other.unit)))
            && ((self.value - other.value).abs() <= margin
                || (one_digit && (self.value - other.value).abs() <= coarse + margin))
    }

    /// Whether the two are numbers of one kind, so that a difference between them matters:
    /// the same unit, or one of them a bare figure with a scale (`2 million`, `$2M`).
    pub fn comparable(&self, other: &Number) -> bool {
        if self.label != other.label {
            return false;
        }
        // Values of one thing are within a factor of 20 of each other ($1.8 billion for a
        // company and $65 a share are not).
        let (small, large) = if self.value.abs() < other.value.abs() {
            (self.value.abs(), other.value.abs())
        } else {
            (other.value.abs(), self.value.abs())
        };
        // (plain counts under a thousand are one kind of thing: 1 and 25 differ)
        let counts = self.unit.is_empty() && other.unit.is_empty() && large < 1e3;
        let near = counts || large <= 20.0 * small;
        let plain = |u: &str| matches!(u, "" | "usd" | "eur" | "gbp" | "vnd" | "jpy");
        // (a month and a year are two lengths of one thing: "a one-month high", "a one-year high")
        (is_time(self.unit) && is_time(other.unit))
            || near
                && (self.unit == other.unit
            // (a sum without its currency: "2 million" and "$2M")
            || (plain(self.unit) && plain(other.unit) && (self.unit.is_empty() || other.unit.is_empty())
                && self.value >= 1e3 && other.value >= 1e3))
    }
}

/// Whether a unit is a length of time.
fn is_time(unit: &str) -> bool {
    matches!(
        unit,
        "years" | "months" | "weeks" | "days" | "hours" | "minutes" | "seconds"
    )
}

/// A word of a headline as [`Read`] keeps it: a headline's words are short, and one of up to 12
/// bytes in the WebAssembly module (24 natively) is kept in the string itself, not in an
/// allocation of its own (a story's reading is kept for every related story: `tests/memory.rs`).
pub type Word = compact_str::CompactString;

/// The pair of opposites [`Read::polarity`] gives a figure's direction ("up 5%", "down 5%"),
/// besides the lexicon's pairs.
const FIGURE_DIRECTION: usize = usize::MAX;

/// What [`read`] makes of a headline.
#[derive(Debug, Clone, Default)]
pub struct Read {
    /// The content words in order, in their canonical forms.
    pub words: Vec<Word>,
    /// The numbers, in order.
    pub numbers: Vec<Number>,
    /// The words the headline writes as names (with a capital, in a headline that is not in
    /// title case), as [`Read::words`] has them.
    pub names: Vec<Word>,
    /// The words that come between two names, as (first name, second name, connector): who did
    /// what to whom ("Chiquita buys Fyffes").
    pub relations: Vec<(Word, Word, bool)>,
    /// Whether it says that something did not happen, or is not so.
    pub negated: bool,
    /// The opposites it uses, in order, as (pair, side): "rise" is one side of "rise/fall".
    pub polarity: Vec<(usize, bool)>,
    /// The month and day names it gives.
    pub dates: Vec<Word>,
    /// Whether it is a piece about a story (an explainer, a review, a reaction: one of
    /// [`super::lexicon::ANGLES`]).
    pub angle: bool,
    /// Whether it reports an attempt (one of [`super::lexicon::ATTEMPTS`]): "in bid to oust"
    /// is not "ousts".
    pub attempt: bool,
    /// Whether it is a review: two sites' reviews of one thing are two pieces.
    pub review: bool,
    /// Whether it asks a question: it ends in a question mark, or in one followed by a short
    /// tail after a separator, such as its site's name ("¿Ha llegado…? | Ciencia | EL PAÍS").
    pub question: bool,
    /// Whether it is cut short ("… vers la projection de…"): whether it asked a question is
    /// then not known.
    pub truncated: bool,
    /// Whether it says who did a deed after the deed, with a word such as "by" ("Jos. A. Bank
    /// to be bought by Men's Wearhouse"), so that its names may stand the other way round
    /// from an active headline's.
    pub passive: bool,
    /// Its language ([`Lang::guess_how_surely`], or as given).
    pub lang: Lang,
    /// Whether its words told its language, or it was given.
    pub sure_of_lang: bool,
}

/// The most words after a question mark that can still be a site's or a section's name.
const QUESTION_TAIL_WORDS: usize = 4;

/// [`Read::question`] of a headline without its marks.
fn asks(text: &str) -> bool {
    let Some((head, tail)) = text.trim_end().rsplit_once('?') else {
        return false;
    };
    let tail = tail.trim();
    tail.is_empty()
        || (!head.trim().is_empty()
            && tail.starts_with(['|', '-', '–', '—', '•', '·', ':'])
            && tail.split_whitespace().count() <= QUESTION_TAIL_WORDS + 1)
}

/// [`Read::truncated`].
fn is_truncated(headline: &str) -> bool {
    let t = headline.trim_end();
    t.ends_with('…') || t.ends_with("...")
}

/// Reads a headline.
pub fn read(headline: &str) -> Read {
    read_in(headline, None)
}

/// [`read`], in `lang` where it is given (the language of the headline it is compared with,
/// where its own words do not tell: [`Lang::guess_how_surely`]).
pub fn read_in(headline: &str, lang: Option<Lang>) -> Read {
    let text = without_marks(headline);
    let pieces = pieces(&text);
    // (a road's short name splits as its long name does: "QL1" is "Quốc lộ 1")
    let pieces: Vec<&str> = pieces
        .into_iter()
        .flat_map(|p| {
            let number = p
                .strip_prefix("QL")
                .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            std::iter::once(number.map_or(p, |_| &p[..2])).chain(number)
        })
        .collect();
    let (pieces, keys): (Vec<&str>, Vec<String>) = pieces
        .into_iter()
        .map(|p| (p, piece_key(p)))
        .filter(|(_, k)| !k.is_empty())
        .unzip();
    let (lang, sure) = match lang {
        Some(lang) => (lang, true),
        None => Lang::guess_how_surely(keys.iter().map(|k| k.as_str())),
    };
    // The form words are compared in: Vietnamese keeps its diacritics, the others lose them.
    let forms: Vec<String> = keys
        .iter()
        .map(|k| match lang {
            Lang::Vi => new_style_tone(k),
            _ => fold_diacritics(k),
        })
        .collect();
    // (a Vietnamese headline written without diacritics meets the lists without them)
    let tables = if text.is_ascii() {
        lang.unmarked_tables()
    } else {
        lang.tables()
    };
    let capitals: Vec<bool> = pieces
        .iter()
        .map(|p| is_capitalized(p) || is_capitalized(after_elision(p)))
        .collect();
    // Where a clause starts: the first word, and a word after a colon, a full stop, a dash or
    // a bar and a space ("Hà Nội: Cháy tại…", "Frain. Incendie…"), whose capital is the
    // sentence's.
    // (each piece is a slice of `text`, so where it starts is its address's distance from
    // `text`'s)
    let clause_starts: Vec<bool> = pieces
        .iter()
        .map(|p| {
            let before = &text[..p.as_ptr() as usize - text.as_ptr() as usize];
            let trimmed = before.trim_end();
            trimmed.is_empty()
                || (trimmed.len() < before.len()
                    && trimmed.ends_with([':', '.', '|', '-', '–', '—', '?', '!', '•']))
        })
        .collect();
    let title_case = is_title_case(&pieces, &forms, (lang != Lang::Vi).then_some(&tables.stop));
    // The angle phrases are matched without diacritics, which only Vietnamese forms still
    // have: folded once, rather than up to three times per word.
    let folded_vi: Vec<String>;
    let folded: &[String] = match lang {
        Lang::Vi => {
            folded_vi = forms.iter().map(|f| fold_diacritics(f)).collect();
            &folded_vi
        }
        _ => &forms,
    };
    // (whether one of `phrases` starts at any word)
    let says = |phrases: &super::lexicon::Phrases<()>| {
        (0..folded.len()).any(|i| phrases.at(&folded[i..]).is_some())
    };
    let mut out = Read {
        question: asks(&text),
        passive: forms
            .iter()
            .any(|f| matches!(f.as_str(), "by" | "von" | "par" | "por" | "bởi")),
        truncated: is_truncated(headline),
        angle: says(super::lexicon::angles()),
        attempt: says(super::lexicon::attempts()),
        review: forms.iter().any(|f| {
            matches!(
                f.as_str(),
                "review" | "reviews" | "kritik" | "critique" | "resena" | "recensione"
            )
        }),
        lang,
        sure_of_lang: sure,
        ..Read::default()
    };
    // The name of each word in `out.words` and where it stood, to find who did what to whom.
    let mut named: Vec<(usize, usize, Word)> = Vec::new();
    let mut i = 0;
    while i < forms.len() {
        // A number, with the scale and unit after it.
        let before = &forms[..i];
        if let Some((mut number, used)) = number(&forms[i..], &pieces[i..], before, lang) {
            // What it numbers: a name just before ("iOS 7.1", "Xbox 360"), or a word that
            // numbers things ("Chapter 11").
            let labelled = i
                .checked_sub(1)
                .is_some_and(|p| is_capitalized(pieces[p]) && i > 1)
                || before.last().is_some_and(|b| LABELS.contains(&b.as_str()))
                || out
                    .words
                    .last()
                    .is_some_and(|w| LABELS.contains(&w.as_str()));
            if number.unit.is_empty() && labelled {
                number.label = out.words.last().cloned();
            }
            out.numbers.push(number);
            i += used;
            continue;
        }
        if let Some((_, len)) = tables.negations.at(&forms[i..]) {
            // ("No. 2" is a number, not a "no")
            let labels_a_number = forms[i] == "no"
                && forms
                    .get(i + 1)
                    .is_some_and(|f| f.starts_with(|c: char| c.is_ascii_digit()));
            if !labels_a_number {
                out.negated = true;
                i += len;
                continue;
            }
        }
        if let Some((_, len)) = tables.dates.at(&forms[i..]) {
            out.dates.push(Word::from(forms[i..i + len].join(" ")));
            i += len;
            continue;
        }
        // (where the language is a guess, another's month is a date too, and still a word of
        // the headline: "Mars" may be the planet)
        if !sure && lang != Lang::Vi {
            if let Some((_, len)) = Lang::other_months().at(&forms[i..]) {
                out.dates.push(Word::from(forms[i..i + len].join(" ")));
            }
            // (and another's negation a negation: "Scholz tritt nicht zurück")
            if Lang::other_negation(&forms[i]) {
                out.negated = true;
            }
        }
        // Opposites are found before stop words go ("for" / "against") and whatever the
        // inflection ("issued" / "lifted").
        out.polarity.extend(opposites(&forms[i..], lang, tables));
        // A figure's direction: "profit up 5%" against "profit down 5%" ("up" and "down" are
        // opposites only before a figure: elsewhere they are as often a verb's particle, "shut
        // down", "break up")
        if lang == Lang::En
            && matches!(forms[i].as_str(), "up" | "down")
            && forms
                .get(i + 1)
                .is_some_and(|f| f.starts_with(|c: char| c.is_ascii_digit()))
        {
            out.polarity.push((FIGURE_DIRECTION, forms[i] == "up"));
        }
        let (canonical, len) = match synonym(&forms[i..], tables) {
            Some((canonical, len)) => (canonical, len),
            None => (forms[i].as_str(), 1),
        };
        let at = i;
        i += len;
        // (a short form that stands for several words is read as them: "TQ" is "Trung Quốc",
        // and meets it written in full)
        for word in canonical.split(' ') {
            if word.is_empty() || tables.stop.contains(word) {
                continue;
            }
            // An acronym's plural ("MPs", "CEOs") or a possessive ("PC's", "Titanfall’s").
            let possessive = pieces[at].ends_with("'s") || pieces[at].ends_with("’s");
            let word = match pieces[at].strip_suffix('s') {
                Some(acronym)
                    if len == 1
                        && word.ends_with('s')
                        && (possessive
                            || (acronym.len() >= 2
                                && acronym.chars().all(|c| c.is_ascii_uppercase()))) =>
                {
                    &word[..word.len() - 1]
                }
                _ => word,
            };
            // (compared without diacritics, so that a headline written without them meets one
            // written with them: the tables above looked at them already)
            let word = Word::from(match lang {
                Lang::Vi => fold_diacritics(word),
                _ => stem(word, lang),
            });
            // (German writes every noun with a capital: there, as in title case, only capitals are names)
            let is_name = if title_case || lang == Lang::De {
                pieces[at].chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && pieces[at].chars().all(|c| !c.is_lowercase())
            } else {
                capitals[at]
            };
            if is_name {
                // The first word of a clause has its capital from the sentence: a name for who
                // did what to whom, but not one that sets two headlines apart, unless the next is
                // a name too.
                let sets_apart = !clause_starts[at]
                    || capitals.get(at + len).copied().unwrap_or(false)
                    || title_case;
                if sets_apart && !out.names.contains(&word) {
                    out.names.push(word.clone());
                }
                // (one place for the words a short form stands for)
                if named.last().is_none_or(|(p, _, _)| *p != at) {
                    named.push((at, at + len, word.clone()));
                }
            }
            out.words.push(word);
        }
    }
    // Who did what to whom: two names with a word between them that says what one did to the
    // other (not "and", nor only stop words). Only where capitals tell names. A name of several
    // words ("Real Madrid", named words with nothing between them) is one side: each of its
    // words is related to each of the other side's.
    if !title_case && lang != Lang::De {
        let mut sides: Vec<(usize, usize, Vec<&Word>)> = Vec::new();
        for (at, end, word) in &named {
            match sides.last_mut() {
                // (not in Vietnamese, whose names of several words, "Nhật Bản", are often the
                // sides of no deed: its headlines put the verb first)
                Some((_, last_end, words)) if *last_end == *at && lang != Lang::Vi => {
                    words.push(word);
                    *last_end = *end;
                }
                _ => sides.push((*at, *end, vec![word])),
            }
        }
        for pair in sides.windows(2) {
            let ((_, a_end, a), (b_at, _, b)) = (&pair[0], &pair[1]);
            let directed = forms[*a_end..*b_at].iter().any(|w| {
                !matches!(
                    w.as_str(),
                    "and" | "&" | "und" | "et" | "y" | "và" | "vs" | "v" | "with"
                ) && !tables.stop.contains(w.as_str())
            });
            for x in a {
                for y in b {
                    out.relations.push(((*x).clone(), (*y).clone(), directed));
                }
            }
        }
    }
    out.shrink();
    out
}

impl Read {
    /// Gives back the room its lists and words grew into and do not use: dedupe keeps a
    /// reading of every story it keeps, and a list of one number had room for four
    /// (`tests/memory.rs`: 1,208 bytes an entry at the peak at 1,000 entries before, 1,039 after).
    fn shrink(&mut self) {
        for word in self.words.iter_mut().chain(&mut self.names) {
            word.shrink_to_fit();
        }
        self.words.shrink_to_fit();
        self.names.shrink_to_fit();
        self.numbers.shrink_to_fit();
        self.relations.shrink_to_fit();
        self.polarity.shrink_to_fit();
        self.dates.shrink_to_fit();
    }
}

/// The word after an elided article or preposition (`l'`, `d'`, `qu'`), whose capital is the
/// word's own ("Allemagne" of "l'Allemagne"), or the whole word.
fn after_elision(piece: &str) -> &str {
    for elided in ["l'", "d'", "qu'", "l\u{2019}", "d\u{2019}", "qu\u{2019}"] {
        if piece.len() > elided.len()
            && piece.is_char_boundary(elided.len())
            && piece[..elided.len()].eq_ignore_ascii_case(elided)
        {
            return &piece[elided.len()..];
        }
    }
    piece
}

/// A Vietnamese syllable with its tone mark where the new style puts it: at the end of a
/// syllable, `oa`, `oe` and `uy` carry it on their first vowel (`hoà` is `hòa`, `tuý` is `túy`),
/// which is how most sites write them; sites that keep the old style write the same word.
fn new_style_tone(word: &str) -> String {
    const MOVES: [(&str, &str); 15] = [
        ("oà", "òa"),
        ("oá", "óa"),
        ("oả", "ỏa"),
        ("oã", "õa"),
        ("oạ", "ọa"),
        ("oè", "òe"),
        ("oé", "óe"),
        ("oẻ", "ỏe"),
        ("oẽ", "õe"),
        ("oẹ", "ọe"),
        ("uỳ", "ùy"),
        ("uý", "úy"),
        ("uỷ", "ủy"),
        ("uỹ", "ũy"),
        ("uỵ", "ụy"),
    ];
    for (old, new) in MOVES {
        if let Some(stem) = word.strip_suffix(old) {
            return [stem, new].concat();
        }
    }
    word.to_owned()
}

/// The stock exchanges whose ticker marks financial headlines carry: "(NASDAQ:CMCSA)".
const EXCHANGES: &[&str] = &[
    "AMEX", "ASX", "BATS", "HKEX", "LSE", "NASDAQ", "NYSE", "NYSEARCA", "NYSEMKT", "OTC",
    "OTCMKTS", "TSE", "TSX",
];

/// The headline without the ticker marks in it: "(NASDAQ:CMCSA)", "(NYSE: GM)", an exchange
/// and a symbol of capitals in brackets, wherever they stand.
fn without_tickers(headline: &str) -> std::borrow::Cow<'_, str> {
    let is_ticker = |inside: &str| {
        inside.split_once(':').is_some_and(|(exchange, symbol)| {
            let symbol = symbol.trim();
            EXCHANGES.contains(&exchange.trim())
                && (1..=6).contains(&symbol.len())
                && symbol.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
        })
    };
    let mut out = String::new();
    let mut rest = headline;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        if !is_ticker(&rest[open + 1..close]) {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    if out.is_empty() {
        return std::borrow::Cow::Borrowed(headline);
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The headline without the marks wires and sites add before and after it, and without ticker
/// marks ([`without_tickers`]).
fn without_marks(headline: &str) -> String {
    let mut text = without_tickers(headline.trim()).trim().to_owned();
    loop {
        let before = text.len();
        text = strip_leading(&text);
        text = strip_trailing(&text);
        if text.len() == before {
            return text;
        }
    }
}

/// [`LEADING_MARKS`] folded as headlines are when they are matched, once.
fn leading_marks() -> &'static [String] {
    static MARKS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    MARKS.get_or_init(|| LEADING_MARKS.iter().map(|m| fold_diacritics(m)).collect())
}

/// Where a mark may end: `-`, `:`, `|`, `.` or `+`, with white space around.
fn mark_end(rest: &str) -> Option<usize> {
    let trimmed = rest.trim_start();
    let skipped = rest.len() - trimmed.len();
    let c = trimmed.chars().next()?;
    matches!(c, '-' | ':' | '|' | '.' | '+' | '–' | '—').then(|| {
        skipped
            + c.len_utf8()
            + (trimmed[c.len_utf8()..].len() - trimmed[c.len_utf8()..].trim_start().len())
    })
}

fn strip_leading(text: &str) -> String {
    // A wire's slug in capitals: "US STOCKS-Wall Street falls", "EM ASIA FX-Asian currencies".
    if let Some(dash) = text.find('-') {
        let slug = &text[..dash];
        let words: Vec<&str> = slug.split_whitespace().collect();
        let after = text[dash + 1..].chars().next();
        if words.len() >= 2
            && words.iter().all(|w| {
                w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            })
            && after.is_some_and(char::is_alphabetic)
        {
            return text[dash + 1..].trim_start().to_owned();
        }
    }
    let folded = fold_diacritics(&text.to_lowercase());
    for mark in leading_marks() {
        if let Some(rest) = folded.strip_prefix(mark.as_str()) {
            // (a number after the mark goes with it: "UPDATE 2-")
            let digits = rest
                .trim_start()
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            let gap = rest.len() - rest.trim_start().len();
            let rest = &rest[if digits > 0 { gap + digits } else { 0 }..];
            if let Some(end) = mark_end(rest) {
                let cut = folded.len() - rest.len() + end;
                // (the folded text and the text have the same length only in ASCII)
                if let Some(tail) = same_tail(text, &folded, cut) {
                    return tail;
                }
            }
        }
    }
    text.to_owned()
}

/// The part of `text` after the first `cut` bytes of `folded`, when the two line up.
fn same_tail(text: &str, folded: &str, cut: usize) -> Option<String> {
    let chars = folded[..cut].chars().count();
    let at = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i);
    Some(text[at..].trim_start().to_owned()).filter(|t| !t.is_empty())
}

fn strip_trailing(text: &str) -> String {
    let t = text.trim_end();
    // A digit left behind by a feed ("... tweet 0"), and a truncation ("... to adapt to  ...").
    if let Some(head) = t.strip_suffix(" 0") {
        return head.to_owned();
    }
    for ellipsis in ["...", "…"] {
        if let Some(head) = t.strip_suffix(ellipsis) {
            // The word cut off goes too.
            let head = head.trim_end();
            let keep = if text.ends_with(&[" ", ellipsis].concat()) {
                head
            } else {
                head.rsplit_once(' ').map_or(head, |(h, _)| h)
            };
            return keep.to_owned();
        }
    }
    // In brackets: "(2)", "(VIDEO)", "[Updated]", "(+video)".
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let Some(head) = t.strip_suffix(close) {
            if let Some(at) = head.rfind(open) {
                let inside = fold_diacritics(&head[at + 1..].to_lowercase());
                let inside = inside.trim_start_matches('+').trim();
                if inside.bytes().all(|b| b.is_ascii_digit())
                    || TRAILING_MARKS.contains(&inside)
                    || inside.starts_with("update")
                {
                    return head[..at].trim_end().to_owned();
                }
            }
        }
    }
    // After a separator: " - Reuters", " | AP News", " -- 2nd Update", "--Update".
    for sep in [" -- ", " - ", " | ", " – ", " — ", " · ", " :: ", "|", "--"] {
        if let Some((head, tail)) = t.rsplit_once(sep) {
            let tail = fold_diacritics(&tail.trim().to_lowercase());
            if TRAILING_MARKS.contains(&tail.as_str()) && !head.trim().is_empty() {
                return head.trim_end().to_owned();
            }
        }
    }
    t.to_owned()
}

/// Whether a headline is in title case ("Mt. Gox Files For US Bankruptcy"): then a capital
/// says nothing about a name.
fn is_title_case(
    pieces: &[&str],
    keys: &[String],
    stop: Option<&super::lexicon::Sorted<()>>,
) -> bool {
    let long: Vec<&&str> = pieces
        .iter()
        .filter(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalized = long.iter().filter(|p| is_capitalized(p)).count();
    let lower_word = stop.is_some_and(|stop| {
        pieces.iter().zip(keys).any(|(p, k)| {
            p.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !p.chars().any(char::is_uppercase)
                && !stop.contains(k)
        })
    });
    long.len() >= 3 && capitalized * 10 >= long.len() * 7 && !lower_word
}

/// The headline in words, split where [`headline_key`] puts a space.
fn pieces(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digit = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_ascii_digit());
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (n, &(i, c)) in chars.iter().enumerate() {
        let number_mark = matches!(c, '.' | ',') && n > 0 && digit(n - 1) && digit(n + 1);
        // (besides the separators of headline keys: quotes and the marks headlines put between
        // a figure and its unit or a tag, `+`, `=`, `*`, `#`)
        let breaks = c.is_whitespace()
            || (!number_mark
                && (is_separator(c)
                    || matches!(
                        c,
                        '"' | '\u{201C}'
                            | '\u{201D}'
                            | '\u{201E}'
                            | '\u{AB}'
                            | '\u{BB}'
                            | '+'
                            | '='
                            | '*'
                            | '#'
                    )));
        match (breaks, start) {
            (true, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// The pairs of opposites, each with its side, that the word or phrase at the start of `forms` is
/// one of: compared stemmed, after synonyms ("falls" is "fall", one side of "rise/fall").
fn opposites(forms: &[String], lang: Lang, tables: &Tables) -> Vec<(usize, bool)> {
    if let Some((sides, n)) = tables.opposites.at(forms) {
        if n > 1 {
            return sides.clone();
        }
    }
    // (the word itself first, then the word its synonyms share: "released" is a side of
    // "arrest / release" before it is the "launch" of "Apple releases iOS")
    let side = |word: &str| tables.opposites.at(&[stem(word, lang)]).map(|(s, _)| s.clone());
    side(&forms[0])
        .or_else(|| {
            let (canonical, _) = tables.synonyms.at(&forms[..1])?;
            side(canonical)
        })
        .unwrap_or_default()
}

/// [`headline_key`] of one piece of a headline (the break characters already gone): quick for
/// ASCII, where it only lowers the case and drops quotes and the full stops of abbreviations.
fn piece_key(piece: &str) -> String {
    if !piece.is_ascii() {
        return headline_key(piece);
    }
    let b = piece.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut out = String::with_capacity(piece.len());
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'\'' | b'"' | b'`' => {}
            b'.' | b',' if i > 0 && digit(i - 1) && digit(i + 1) => out.push(char::from(c)),
            b'.' | b',' => {}
            c if c.is_ascii_control() => {}
            c => out.push(char::from(c.to_ascii_lowercase())),
        }
    }
    out
}

/// The canonical form of the phrase or word at the start of `forms`, and how many words it
/// takes.
fn synonym(forms: &[String], tables: &'static Tables) -> Option<(&'static str, usize)> {
    tables.synonyms.at(forms).map(|(c, n)| (*c, n))
}

/// A number at the start of `forms`, with the scale and unit that follow it, and how many
/// words it takes: `$68.7 bln` is 68,700,000,000 (step 50,000,000) in `usd`. `before` is what
/// precedes it: a word of approximation there (`nearly`, `gần`) widens its step, a label
/// (`Chapter 11`, `iOS 7.1`, `tháng 5`) makes it a number of that label only.
fn number(
    forms: &[String],
    pieces: &[&str],
    before: &[String],
    lang: Lang,
) -> Option<(Number, usize)> {
    let first = forms.first()?;
    let (mut unit, body) = match UNITS
        .iter()
        .find(|(sym, _)| first.starts_with(sym) && !sym.chars().all(char::is_alphabetic))
    {
        Some((sym, unit)) if first.len() > sym.len() => (*unit, &first[sym.len()..]),
        _ => ("", first.as_str()),
    };
    let (mut value, mut step, tail) = match figure(body) {
        Some(f) => f,
        None => {
            // A number word ("five", "hai"), unless it starts a name ("Ba Lan"); "một", "a",
            // only before a length of time ("một tuần").
            let one = (first == "một" || first == "a" || first == "an")
                && forms
                    .get(1)
                    .is_some_and(|n| TIME_UNITS.iter().any(|(u, _)| u == n));
            // "năm" is five before a noun, a year after or before a number ("năm 2016", "3 năm").
            let five = first == "năm"
                && forms
                    .get(1)
                    .is_some_and(|n| !n.starts_with(|c: char| c.is_ascii_digit()))
                && !before
                    .last()
                    .is_some_and(|p| p.starts_with(|c: char| c.is_ascii_digit()));
            let (_, v) = if one {
                &("một", 1.0)
            } else if five {
                &("năm", 5.0)
            } else {
                lang.number_words()
                    .iter()
                    .find(|(w, _)| *w == first.as_str())?
            };
            let starts_name =
                is_capitalized(pieces[0]) && pieces.get(1).is_some_and(|p| is_capitalized(p));
            if starts_name {
                return None;
            }
            (*v, 0.0, "")
        }
    };
    let mut used = 1;
    let apply = |word: &str, value: &mut f64, step: &mut f64, unit: &mut &'static str| {
        if let Some((_, factor)) = SCALES.iter().find(|(s, _)| *s == word) {
            *value *= factor;
            *step *= factor;
            return true;
        }
        if let Some((_, u)) = UNITS.iter().chain(TIME_UNITS).find(|(s, _)| *s == word) {
            *unit = u;
            return true;
        }
        false
    };
    // A scale, unit or ordinal ending written on the number ("2M", "5%", "1.8bn", "2nd").
    if !tail.is_empty()
        && !ORDINAL_ENDINGS.contains(&tail)
        && !apply(tail, &mut value, &mut step, &mut unit)
    {
        return None;
    }
    // Then written after it, up to two words ("2.1 million dollars", "1,200 tỷ đồng").
    for _ in 0..2 {
        let Some(next) = forms.get(used) else { break };
        let two = forms
            .get(used + 1)
            .map(|n| [next.as_str(), " ", n].concat());
        if let Some(two) = two.filter(|t| UNITS.iter().any(|(s, _)| s == t)) {
            apply(&two, &mut value, &mut step, &mut unit);
            used += 2;
        } else if apply(next, &mut value, &mut step, &mut unit) {
            used += 1;
        } else {
            break;
        }
    }
    let mut approximate = false;
    if let Some(prev) = before.last() {
        approximate = APPROXIMATIONS.contains(&prev.as_str())
            || (before.len() >= 2
                && APPROXIMATIONS.contains(
                    &[before[before.len() - 2].as_str(), " ", prev]
                        .concat()
                        .as_str(),
                ));
        if approximate {
            step = step.max(0.15 * value.abs());
        }
    }
    if unit.is_empty() && step <= 0.5 && value.fract() == 0.0 && (1900.0..=2100.0).contains(&value)
    {
        unit = "year";
    }
    Some((
        Number {
            value,
            step,
            unit,
            label: None,
            approximate,
        },
        used,
    ))
}

/// Endings that make a number an ordinal: `2nd`, `3e`.
const ORDINAL_ENDINGS: &[&str] = &["st", "nd", "rd", "th", "e", "er", "eme", "o", "a"];

/// Words before a number that say it is approximate (`nearly 700,000`, `gần 46 triệu`): it
/// agrees with a number 15% away.
const APPROXIMATIONS: &[&str] = &[
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "over",
    "more than",
    "at least",
    "up to",
    "some",
    "under",
    "less than",
    "upwards of",
    "gần",
    "hơn",
    "khoảng",
    "trên",
    "ít nhất",
    "tới",
    "đến",
    "gan",
    "fast",
    "rund",
    "etwa",
    "uber",
    "mehr als",
    "knapp",
    "bis zu",
    "pres de",
    "environ",
    "plus de",
    "presque",
    "casi",
    "cerca de",
    "unos",
    "mas de",
    "alrededor de",
];

/// Words that number things: a number after one is compared only with a number after the
/// same word (`Chapter 11` and `3 years` are not two values of one thing).
const LABELS: &[&str] = &[
    "chapter",
    "no",
    "nr",
    "number",
    "season",
    "episode",
    "ep",
    "vol",
    "volume",
    "part",
    "round",
    "stage",
    "game",
    "phase",
    "route",
    "ruta",
    "line",
    "flight",
    "version",
    "day",
    "week",
    "tháng",
    "ngày",
    "số",
    "tập",
    "phần",
    "kỳ",
    "vòng",
    "khóa",
    "quận",
    "tuyến",
    "teil",
    "folge",
    "kapitel",
    "staffel",
    "spieltag",
    "saison",
    "episode",
    "temporada",
    "capitulo",
    "jornada",
    "top",
    "ron",
    "ql",
];

/// Units of time and age after a number: `3 years`, `69 tuổi`.
const TIME_UNITS: &[(&str, &str)] = &[
    ("year", "years"),
    ("years", "years"),
    ("yrs", "years"),
    ("month", "months"),
    ("months", "months"),
    ("week", "weeks"),
    ("weeks", "weeks"),
    ("day", "days"),
    ("days", "days"),
    ("hour", "hours"),
    ("hours", "hours"),
    ("minute", "minutes"),
    ("minutes", "minutes"),
    ("seconds", "seconds"),
    ("năm", "years"),
    ("tháng", "months"),
    ("tuần", "weeks"),
    ("ngày", "days"),
    ("giờ", "hours"),
    ("phút", "minutes"),
    ("giây", "seconds"),
    ("tuổi", "age"),
    ("jahre", "years"),
    ("jahren", "years"),
    ("monate", "months"),
    ("monaten", "months"),
    ("wochen", "weeks"),
    ("tage", "days"),
    ("tagen", "days"),
    ("stunden", "hours"),
    ("minuten", "minutes"),
    ("ans", "years"),
    ("mois", "months"),
    ("semaines", "weeks"),
    ("jours", "days"),
    ("heures", "hours"),
    ("anos", "years"),
    ("meses", "months"),
    ("semanas", "weeks"),
    ("dias", "days"),
    ("horas", "hours"),
    ("minutos", "minutes"),
];

/// The figure at the start of a word, how exactly it is written, and what follows it:
/// `68.7bn` is (68.7, 0.05, "bn"). A `.` or `,` before three digits groups thousands
/// (`1,200`, `1.200`); otherwise it is the decimal point (`3.5`, `3,5`).
fn figure(word: &str) -> Option<(f64, f64, &str)> {
    let end = word
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(word.len(), |(i, _)| i);
    let digits = word[..end].trim_end_matches(['.', ',']);
    if !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // (the digits as one integer and the count of them after the point: 68.7 is 687 and 1)
    let mut whole: u64 = 0;
    let mut decimals = 0i32;
    let groups: Vec<&str> = digits.split(['.', ',']).collect();
    for (n, g) in groups.iter().enumerate() {
        let last = n + 1 == groups.len();
        if n > 0 && !(g.len() == 3 && (!last || groups.len() > 2 || groups[0].len() <= 3)) {
            // A decimal part.
            if !last {
                return None;
            }
            decimals = i32::try_from(g.len()).ok()?;
        }
        for d in g.bytes() {
            whole = whole.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
        }
    }
    // (exact for up to 15 digits, as parsing the text as a float would give)
    let value = whole as f64 / 10f64.powi(decimals);
    let step = 0.5 * 10f64.powi(-decimals);
    Some((value, step, &word[digits.len()..]))
}

/// The word without its inflection, as far as a light rule can tell: plurals, verb endings.
pub(super) fn stem(word: &str, lang: Lang) -> String {
    if word.chars().count() <= 3 || word.bytes().any(|b| b.is_ascii_digit()) {
        return word.to_owned();
    }
    let cut = |w: &str, suffixes: &[&str], keep: usize| -> Option<String> {
        suffixes.iter().find_map(|s| {
            w.strip_suffix(s)
                .filter(|stem| stem.chars().count() >= keep)
                .map(str::to_owned)
        })
    };
    let w = match lang {
        Lang::Vi => return word.to_owned(),
        Lang::En => {
            if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() >= 3) {
                [stem, "y"].concat()
            } else {
                cut(word, &["ing", "ed", "es", "s"], 3)
                    .filter(|_| !word.ends_with("ss") && !word.ends_with("us"))
                    .unwrap_or_else(|| word.to_owned())
            }
        }
        Lang::De => cut(word, &["ern", "en", "er", "es", "e", "n", "s"], 4)
            .unwrap_or_else(|| word.to_owned()),
        Lang::Fr | Lang::Es => cut(word, &["es", "s", "x"], 4).unwrap_or_else(|| word.to_owned()),
    };
    // A final "e" goes too, so that "file", "files" and "filed" meet.
    match w.strip_suffix('e') {
        Some(s) if s.chars().count() >= 3 => s.to_owned(),
        _ => w,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(h: &str) -> Vec<Word> {
        read(h).words
    }

    #[test]
    fn wire_and_format_marks_go() {
        assert_eq!(
            words("UPDATE 2-McDonald's US sales continue to struggle in February"),
            words("McDonald's US sales continue to struggle in February")
        );
        assert_eq!(
            words("REFILE-Bad loan triggers key feature - sources"),
            words("Bad loan triggers key feature")
        );
        assert_eq!(
            words("US STOCKS-Wall Street edges lower after record"),
            words("Wall Street edges lower after record")
        );
        assert_eq!(
            words("VIDEO: Apple releases iOS 7.1"),
            words("Apple releases iOS 7.1 (VIDEO)")
        );
        assert_eq!(
            words("Noyer Says Strong Euro Creates Pressure (1)"),
            words("Noyer Says Strong Euro Creates Pressure")
        );
        assert_eq!(
            words("German reliance on Russian gas threatens Europe - Reuters"),
            words("German reliance on Russian gas threatens Europe | AP News")
        );
        assert_eq!(
            words("Sbarro Files for Chapter 11 Bankruptcy--Update"),
            words("Sbarro Files for Chapter 11 Bankruptcy")
        );
        assert_eq!(
            words("Comcast Corporation (NASDAQ:CMCSA) expands digital store"),
            words("Comcast Corporation expands digital store")
        );
        assert_eq!(
            words("Men's Wearhouse (NYSE: MW) rejects Jos. A. Bank"),
            words("Men's Wearhouse rejects Jos. A. Bank")
        );
        // (brackets that are no ticker stay)
        assert_ne!(
            words("Vote on (new) harbour plan"),
            words("Vote on harbour plan")
        );
        assert_eq!(
            words("Live updates: the council vote"),
            ["liv", "updat", "council", "vot"]
        );
    }

    #[test]
    fn numbers_are_read_with_their_scale_and_unit() {
        let n = |h: &str| read(h).numbers;
        let bln = &n("UniCredit posts $68.7 bln loss")[0];
        let billion = &n("UniCredit posts $69 billion loss")[0];
        assert_eq!((bln.unit, billion.unit), ("usd", "usd"));
        assert!(bln.agrees(billion) && billion.agrees(bln));
        assert!(!n("$2.1M")[0].agrees(&n("$3.5 million")[0]));
        assert!(n("Colorado collects $2M")[0].agrees(&n("Colorado raises $2.1 million")[0]));
        assert_eq!(n("Seven killed")[0].value, 7.0);
        assert_eq!(n("1,200 homes")[0].value, 1200.0);
        assert_eq!(n("Rates at 3.5%")[0].value, 3.5);
        assert_eq!(n("Rates at 3.5%")[0].unit, "%");
        assert_eq!(n("CPI tháng 5 tăng 0,54%")[1].value, 0.54);
        assert_eq!(n("dự án 1.200 tỷ đồng")[0].value, 1.2e12);
        assert_eq!(n("Stock Market News for March 10, 2014")[1].unit, "year");
        assert!(n("Ba Lan nói chỉ cần một tiểu đoàn").is_empty());
    }

    #[test]
    fn names_in_sentence_case_but_not_in_title_case() {
        assert_eq!(read("Apple sues Samsung over patents").names, ["samsung"]);
        assert_eq!(
            read("Mt. Gox Files For US Chapter Bankruptcy").names,
            ["us"]
        );
        // (a clause's first word has the sentence's capital, after a colon or a full stop too)
        assert_eq!(
            read("Hà Nội: Cháy lớn tại một nhà hàng chay trên phố cổ").names,
            ["ha", "noi"]
        );
        assert_eq!(
            read("Frain. Incendie dans une maison de Marseille").names,
            ["frain", "marseill"]
        );
        // (but not after a hyphen within a word)
        assert_eq!(
            read("Metro-North worker killed by a train").names,
            ["metro", "north"]
        );
    }

    #[test]
    fn synonyms_and_negations() {
        assert_eq!(
            words("Chiquita buys Fyffes"),
            words("Chiquita acquires Fyffes")
        );
        assert_eq!(words("Bank of England chief executive"), words("BoE CEO"));
        assert!(read("Apple will not make cars").negated);
        assert!(read("Bảo Thy không cô đơn trong ngày sinh nhật").negated);
        assert!(!read("Bảo Thy cô đơn một mình trong ngày sinh nhật").negated);
    }
}
