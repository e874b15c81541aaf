//! Text as the widget writes it: white space collapsed, control characters dropped, lines and
//! paragraphs cut to their limits, joins and whole numbers without the formatting machinery, and
//! the characters that separate words.

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
    // (most text is clean already, and short enough: copied whole rather than a character at a
    // time, which was the largest part of reading a data island)
    if s.len() <= max && is_clean(s) {
        return (s.to_owned(), false);
    }
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

/// Whether [`clean_to`] would leave `s` as it is: no control character, no white space but
/// single spaces between words.
fn is_clean(s: &str) -> bool {
    // (after a space, or at the start: a space there would be dropped)
    let mut after_space = true;
    for c in s.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() || c.is_control() {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || s.is_empty()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_collapses_white_space_and_drops_controls() {
        assert_eq!(clean("a\u{0}b\r\n\r\n  c\u{2003}"), "ab c");
        assert_eq!(clean(" \t\n "), "");
    }

    #[test]
    fn text_already_clean_is_kept_and_anything_else_is_cleaned() {
        for (text, cleaned) in [
            ("Bùi Đức in Hà Nội", "Bùi Đức in Hà Nội"),
            ("", ""),
            (" leading", "leading"),
            ("trailing ", "trailing"),
            ("two  spaces", "two spaces"),
            ("a\tb", "a b"),
            ("a\u{a0}b", "a b"),
            ("a\u{85}b", "a b"),
            ("a\u{9f}b", "ab"),
            ("a\u{7f}b", "ab"),
        ] {
            assert_eq!(clean_to(text, 100), (cleaned.to_owned(), false), "{text:?}");
            assert_eq!(is_clean(text), text == cleaned, "{text:?}");
        }
        // (clean, but longer than the allowance: cut all the same)
        assert_eq!(clean_to("Harbour ferry returns", 16), ("Harbour ferry…".into(), true));
        assert_eq!(clean_to("Bùi Đức", 7), ("Bùi Đức".into(), false));
    }
}
