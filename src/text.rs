//! Text clean-up and the comparison key for headlines.

#[cfg(not(target_arch = "wasm32"))]
use unicode_normalization::UnicodeNormalization;

/// Unicode NFC, then lowercase (Unicode default case mapping).
#[cfg(not(target_arch = "wasm32"))]
fn nfc_lowercase(s: &str) -> String {
    s.nfc().flat_map(char::to_lowercase).collect()
}

/// Unicode NFC, then lowercase (Unicode default case mapping). The WebAssembly build asks the
/// browser (`normalize` and `toLowerCase`), which already carries those tables: shipping them again
/// would double the module's size. The native build's tests check both agree on the fixtures.
#[cfg(target_arch = "wasm32")]
fn nfc_lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    String::from(js_sys::JsString::from(s).normalize("NFC").to_lower_case())
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

/// Collapses every run of white space (including no-break spaces and line breaks) to one space,
/// drops control characters, and trims both ends.
///
/// ```
/// assert_eq!(storycard::text::clean("  Bùi\u{a0}Đức \n|\t"), "Bùi Đức |");
/// ```
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if !c.is_control() {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// The key two headlines share when they name the same story: Unicode NFC (so composed and
/// decomposed Vietnamese compare equal), lowercase, one kind of quote and dash, single spaces.
///
/// ```
/// use storycard::text::headline_key;
/// assert_eq!(headline_key("Anh Vu\u{303} – “Hello”"), headline_key("anh  vũ - \"hello\""));
/// ```
pub fn headline_key(s: &str) -> String {
    let folded: String = nfc_lowercase(s)
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' | '`' => {
                '\''
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
            c => c,
        })
        .collect();
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
    fn headline_key_folds_case_quotes_and_dashes() {
        assert_eq!(
            headline_key("Glory of Vietnam 2025 – ‘Pride’"),
            headline_key("glory of vietnam 2025 - 'pride'")
        );
        assert_ne!(headline_key("Stocks rise"), headline_key("Stocks fall"));
    }
}
