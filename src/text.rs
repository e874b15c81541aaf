//! Text clean-up and the comparison key for headlines.

#[cfg(not(target_arch = "wasm32"))]
use unicode_normalization::UnicodeNormalization;

/// Unicode NFKC (compatibility forms: ligatures, full-width letters), then lowercase (Unicode
/// default case mapping).
#[cfg(not(target_arch = "wasm32"))]
fn nfkc_lowercase(s: &str) -> String {
    s.nfkc().flat_map(char::to_lowercase).collect()
}

/// Unicode NFKC, then lowercase (Unicode default case mapping). The WebAssembly build asks the
/// browser (`normalize` and `toLowerCase`), which already carries those tables: shipping them again
/// would double the module's size. The browser tests check the two agree.
#[cfg(target_arch = "wasm32")]
fn nfkc_lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    String::from(js_sys::JsString::from(s).normalize("NFKC").to_lower_case())
}

/// Whether a word starts with a capital letter ("Apple", "EU", "Đà").
#[cfg(not(target_arch = "wasm32"))]
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word starts with a capital letter ("Apple", "EU", "Đà"): beyond ASCII, whether the
/// browser's `toLowerCase` changes its first letter (Unicode's case tables stay in the browser).
#[cfg(target_arch = "wasm32")]
pub fn is_capitalized(word: &str) -> bool {
    match word.chars().next() {
        Some(c) if c.is_ascii() => c.is_ascii_uppercase(),
        Some(c) => {
            let mut buf = [0; 4];
            let first: &str = c.encode_utf8(&mut buf);
            js_sys::JsString::from(first).to_lower_case() != first
        }
        None => false,
    }
}

/// Decomposed text without its combining marks, and `đ` as `d`.
fn without_marks(decomposed: impl Iterator<Item = char>) -> String {
    decomposed
        .filter(|c| !('\u{300}'..='\u{36F}').contains(c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

/// The text without diacritics, for comparisons that must not depend on them: Unicode NFD with
/// the combining marks dropped, and `đ` as `d`.
#[cfg(not(target_arch = "wasm32"))]
pub fn fold_diacritics(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    without_marks(s.nfd())
}

/// The text without diacritics (the browser's NFD, combining marks dropped, `đ` as `d`).
#[cfg(target_arch = "wasm32")]
pub fn fold_diacritics(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    without_marks(String::from(js_sys::JsString::from(s).normalize("NFD")).chars())
}

/// The parts one after another: `[a, b].concat()` without the standard library's generic join,
/// which is larger in the WebAssembly module.
///
/// ```
/// assert_eq!(storycard::text::cat(&["a", "", "bc"]), "abc");
/// ```
pub fn cat(parts: &[&str]) -> String {
    join(parts, "")
}

/// The parts with `separator` between them (`parts.join(separator)`, as small as [`cat`]).
///
/// ```
/// assert_eq!(storycard::text::join(&["a", "b", ""], "/"), "a/b/");
/// assert_eq!(storycard::text::join::<&str>(&[], "/"), "");
/// ```
pub fn join<S: AsRef<str>>(parts: &[S], separator: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(part.as_ref());
    }
    out
}

/// A whole number in decimal, without the formatting machinery `to_string` brings into the
/// WebAssembly module.
///
/// ```
/// assert_eq!(storycard::text::decimal(0), "0");
/// assert_eq!(storycard::text::decimal(1200), "1200");
/// ```
pub fn decimal(mut n: usize) -> String {
    let mut digits = Vec::with_capacity(20);
    loop {
        digits.push(char::from(b'0' + (n % 10) as u8));
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

/// The English month names, lowercase.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A publication date written out in a page's text, as an ISO 8601 date (or the date-time, when
/// the text holds one): `2016-04-08T20:30:39+00:00`, `Thursday, September 29, 2016`,
/// `Aug 14, 2020`, `14 August 2020`, `12 Jan, 2016`. English month names only.
///
/// ```
/// use storycard::text::date_in_text;
/// assert_eq!(date_in_text("Thursday, September 29, 2016").as_deref(), Some("2016-09-29"));
/// assert_eq!(date_in_text("Posted 12 Jan, 2016, 10.34PM IST").as_deref(), Some("2016-01-12"));
/// assert_eq!(date_in_text("| 2016-04-08T20:30:39+00:00").as_deref(), Some("2016-04-08T20:30:39+00:00"));
/// assert_eq!(date_in_text("Episode 32"), None);
/// ```
pub fn date_in_text(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let digits = |from: usize, n: usize| {
        b.get(from..from + n)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    // An ISO date, with its time when one follows.
    for i in 0..b.len() {
        if digits(i, 4)
            && b.get(i + 4) == Some(&b'-')
            && digits(i + 5, 2)
            && b.get(i + 7) == Some(&b'-')
            && digits(i + 8, 2)
        {
            let end = s[i..]
                .find(|c: char| {
                    !(c.is_ascii_digit() || matches!(c, '-' | ':' | '.' | '+' | 'T' | 'Z'))
                })
                .map_or(s.len(), |e| i + e);
            return Some(s[i..end].trim_end_matches(['-', ':', '.', '+']).to_owned());
        }
    }
    // Words: a month name, a day and a year in either order. The month names are English, so a
    // word is a run of ASCII letters and digits (which also keeps Unicode's tables out of the
    // WebAssembly module).
    let words: Vec<&str> = s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // A month is its name or an abbreviation of three letters or more: `Sep`, `Sept`.
    let month = |w: &str| {
        let w = w.to_ascii_lowercase();
        (w.len() >= 3).then(|| MONTHS.iter().position(|m| m.starts_with(w.as_str())))?
    };
    let number =
        |w: &str, lo: u32, hi: u32| w.parse::<u32>().ok().filter(|n| (lo..=hi).contains(n));
    for (i, w) in words.iter().enumerate() {
        let Some(m) = month(w) else { continue };
        let around = |d: isize, y: isize| {
            let get = |k: isize| words.get(usize::try_from(i as isize + k).ok()?).copied();
            Some((number(get(d)?, 1, 31)?, number(get(y)?, 1900, 2100)?))
        };
        // "September 29, 2016" or "29 September 2016".
        if let Some((day, year)) = around(1, 2).or_else(|| around(-1, 1)) {
            let two = |n: u32| {
                [
                    char::from(b'0' + (n / 10) as u8),
                    char::from(b'0' + (n % 10) as u8),
                ]
            };
            let mut out = decimal(year as usize);
            out.push('-');
            out.extend(two(m as u32 + 1));
            out.push('-');
            out.extend(two(day));
            return Some(out);
        }
    }
    None
}

/// The paragraphs of a text, separated by blank lines (`"\n\n"`), as `split("\n\n")` gives them.
///
/// ```
/// let p: Vec<_> = storycard::text::paragraphs("One.\n\nTwo,\nstill two.\n\n").collect();
/// assert_eq!(p, ["One.", "Two,\nstill two.", ""]);
/// ```
pub fn paragraphs(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.as_bytes().windows(2).position(|w| w == b"\n\n") {
            Some(i) => {
                rest = Some(&text[i + 2..]);
                Some(&text[..i])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// The most characters a line of text keeps (a headline, a name, a caption, a heading): real
/// ones are a few hundred at most, and a longer one would bury the card.
pub const LINE: usize = 1_000;

/// The most characters a paragraph keeps (a summary, a paragraph of the body).
pub const PARAGRAPH: usize = 10_000;

/// Collapses every run of white space (including no-break spaces and line breaks) to one space,
/// drops control characters, and trims both ends; cut to [`PARAGRAPH`] characters.
///
/// ```
/// assert_eq!(storycard::text::clean("  Bùi\u{a0}Đức \n|\t"), "Bùi Đức |");
/// ```
pub fn clean(s: &str) -> String {
    clean_to(s, PARAGRAPH).0
}

/// [`clean`], cut to at most `max` characters, and whether it was cut: at the last space in
/// the final fifth of the allowance, with an ellipsis. It reads no further than the cut, so a
/// 10 MB field costs no more than a short one.
///
/// ```
/// use storycard::text::clean_to;
/// assert_eq!(clean_to("Harbour  ferry returns", 100), ("Harbour ferry returns".into(), false));
/// assert_eq!(clean_to("Harbour ferry returns", 16), ("Harbour ferry…".into(), true));
/// ```
pub fn clean_to(s: &str, max: usize) -> (String, bool) {
    let mut out = String::with_capacity(s.len().min(4 * max));
    let mut space = false;
    let mut count = 0;
    // Where the last space is, in bytes and in characters.
    let mut word = (0, 0);
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if !c.is_control() {
            if space {
                word = (out.len(), count);
                out.push(' ');
                count += 1;
                space = false;
            }
            if count == max {
                // At the last word boundary near the end, else at the limit.
                if count - word.1 <= max / 5 {
                    out.truncate(word.0);
                }
                out.push('…');
                return (out, true);
            }
            out.push(c);
            count += 1;
        }
    }
    (out, false)
}

/// Named character references that news CMSs put into titles and descriptions: the markup
/// characters, spaces, quotes and dashes, symbols, and Latin-1 letters. Numeric references
/// (`&#8217;`, `&#x2019;`) are decoded whatever they name.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("hellip", '…'),
    ("bull", '•'),
    ("middot", '·'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("deg", '°'),
    ("times", '×'),
    ("divide", '÷'),
    ("plusmn", '±'),
    ("sect", '§'),
    ("para", '¶'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("shy", '\u{ad}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
    ("prime", '′'),
    ("Prime", '″'),
    ("dagger", '†'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Aring", 'Å'),
    ("AElig", 'Æ'),
    ("Ccedil", 'Ç'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Euml", 'Ë'),
    ("Igrave", 'Ì'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Iuml", 'Ï'),
    ("ETH", 'Ð'),
    ("Ntilde", 'Ñ'),
    ("Ograve", 'Ò'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Otilde", 'Õ'),
    ("Ouml", 'Ö'),
    ("Oslash", 'Ø'),
    ("Ugrave", 'Ù'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Uuml", 'Ü'),
    ("Yacute", 'Ý'),
    ("THORN", 'Þ'),
    ("szlig", 'ß'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("aring", 'å'),
    ("aelig", 'æ'),
    ("ccedil", 'ç'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("eth", 'ð'),
    ("ntilde", 'ñ'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("oslash", 'ø'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("thorn", 'þ'),
    ("yuml", 'ÿ'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
];

/// Decodes HTML character references: named ones from a table of those news text uses, and
/// every numeric one. An unknown or unterminated reference stays as written.
///
/// ```
/// use storycard::text::decode_entities;
/// assert_eq!(decode_entities("Tom &amp; Jerry&#8217;s &#x201C;show&#x201d; &bogus; &amp"), "Tom & Jerry’s “show” &bogus; &amp");
/// ```
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 33);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name.strip_prefix('#') {
                Some(num) => {
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => num.parse().ok(),
                    };
                    // NUL and surrogates decode to U+FFFD, as in the HTML standard.
                    code.map(|n| {
                        char::from_u32(n)
                            .filter(|&c| c != '\0')
                            .unwrap_or('\u{FFFD}')
                    })
                }
                None => ENTITIES.iter().find(|(n, _)| *n == name).map(|&(_, c)| c),
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

const BLOCK_TAGS: [&str; 14] = [
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "tr",
    "td",
    "blockquote",
    "figcaption",
];

/// Text from a field that may hold markup or character references (JSON-LD and meta tags often
/// do): tags removed, references decoded, white space collapsed.
///
/// ```
/// assert_eq!(storycard::text::plain("<p>Stocks &amp; <b>bonds</b></p>\n<p>fall</p>"), "Stocks & bonds fall");
/// assert_eq!(storycard::text::plain("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
/// assert_eq!(storycard::text::plain("Jerry<em>&#8217;s</em> show"), "Jerry’s show");
/// ```
pub fn plain(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    let mut rest = s;
    // A tag starts with `<` then a letter, `/` or `!`; a lone `<` is text.
    while let Some(at) = rest.find('<') {
        let is_tag =
            rest[at + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match (is_tag, rest[at..].find('>')) {
            (true, Some(end)) => {
                text.push_str(&rest[..at]);
                // Block tags separate words; inline ones (`<b>`, `<em>`, `<a>`) do not.
                let name = rest[at + 1..at + end].trim_start_matches('/');
                let name = name
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .next()
                    .unwrap_or("");
                if BLOCK_TAGS.iter().any(|t| t.eq_ignore_ascii_case(name)) {
                    text.push(' ');
                }
                rest = &rest[at + end + 1..];
            }
            _ => {
                text.push_str(&rest[..=at]);
                rest = &rest[at + 1..];
            }
        }
    }
    text.push_str(rest);
    clean(&decode_entities(&text))
}

/// Whether `c` separates words in a headline: dashes and the minus sign, the ellipsis, the
/// punctuation between clauses (`, ; : ! ?`), brackets, bars and slashes, middle dots and bullets.
pub fn is_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'
            ..='\u{2015}'
                | '\u{2212}'
                | '\u{FE58}'
                | '\u{FE63}'
                | '\u{2026}'
                | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '('
                | ')'
                | '['
                | ']'
                | '|'
                | '/'
                | '\u{B7}'
                | '\u{2022}'
    )
}

/// The key two headlines share when they name the same story:
///
/// - Unicode NFKC, so composed and decomposed Vietnamese, ligatures and full-width letters
///   compare equal;
/// - lowercase, with the Turkish `ı` and `İ` folded to `i` (a dotted capital leaves `i` and a
///   combining dot when lowercased);
/// - quotes and apostrophes dropped (`It's` = `Its`), full stops dropped except between digits
///   (`J.D.` = `J.D` = `JD`, `U.S.` = `US`, but `3.5` ≠ `35`);
/// - dashes, the ellipsis and other punctuation as spaces, white space collapsed.
///
/// ```
/// use storycard::text::headline_key;
/// assert_eq!(headline_key("Anh Vu\u{303} – “Hello”"), headline_key("anh  vũ - \"hello\""));
/// assert_eq!(headline_key("U.S. believes J.D. Vance…"), headline_key("US believes J.D Vance..."));
/// assert_ne!(headline_key("Stocks rise 3.5%"), headline_key("Stocks rise 35%"));
/// ```
pub fn headline_key(s: &str) -> String {
    let lower = nfkc_lowercase(s);
    let chars: Vec<char> = lower.chars().collect();
    let digit = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(char::is_ascii_digit)
    };
    let mut folded = String::with_capacity(lower.len());
    for (i, &c) in chars.iter().enumerate() {
        match c {
            'ı' => folded.push('i'),
            '\u{307}' if i > 0 && chars[i - 1] == 'i' => {}
            '\''
            | '"'
            | '`'
            | '\u{2018}'..='\u{201F}'
            | '\u{2032}'
            | '\u{2033}'
            | '\u{B4}'
            | '\u{AB}'
            | '\u{BB}'
            | '\u{2039}'
            | '\u{203A}' => {}
            '.' | ',' if digit(i.checked_sub(1)) && digit(Some(i + 1)) => folded.push(c),
            '.' => {}
            c if is_separator(c) => folded.push(' '),
            c => folded.push(c),
        }
    }
    clean(&folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_collapses_white_space_and_drops_controls() {
        assert_eq!(clean("a\u{0}b\r\n\r\n  c\u{2003}"), "ab c");
        assert_eq!(clean(" \t\n "), "");
    }

    #[test]
    fn headline_key_matches_nfd_and_nfc() {
        let nfc = "The Ukrainian Mineral Agreement — Anh Vũ, Bùi Đức";
        let nfd =
            "The Ukrainian Mineral Agreement — Anh Vu\u{303}, Bu\u{300}i \u{110}u\u{31b}\u{301}c";
        assert_ne!(nfc, nfd);
        assert_eq!(headline_key(nfc), headline_key(nfd));
    }

    #[test]
    fn headline_key_folds_turkish_i_ligatures_and_full_width() {
        assert_eq!(
            headline_key("İSTANBUL'da seçim"),
            headline_key("istanbulda seçim")
        );
        assert_eq!(headline_key("ıstanbul"), headline_key("ISTANBUL"));
        assert_eq!(
            headline_key("The ﬁnal ＡＢＣ"),
            headline_key("the final abc")
        );
        assert_eq!(headline_key("Đà Nẵng"), headline_key("ĐÀ NẴNG"));
    }

    #[test]
    fn headline_key_folds_abbreviations_but_not_numbers() {
        assert_eq!(
            headline_key("J.D. Vance says"),
            headline_key("J.D Vance says")
        );
        assert_eq!(
            headline_key("Its up to them"),
            headline_key("It’s up to them")
        );
        assert_eq!(
            headline_key("Stocks fall: analysts"),
            headline_key("Stocks fall, analysts")
        );
        assert_ne!(headline_key("Rates at 3.5%"), headline_key("Rates at 35%"));
        assert_ne!(headline_key("1,200 homes"), headline_key("1200 homes"));
    }

    #[test]
    fn headline_key_folds_case_quotes_and_dashes() {
        assert_eq!(
            headline_key("Glory of Vietnam 2025 – ‘Pride’"),
            headline_key("glory of vietnam 2025 - 'pride'")
        );
        assert_ne!(headline_key("Stocks rise"), headline_key("Stocks fall"));
    }
}
