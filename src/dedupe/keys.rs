//! What names a story: the key of its headline, and a related entry's identity (its URL key, or
//! its headline key) across entries and across widgets.

use super::{Reason, Rules};
use crate::model::Related;
use crate::text::{cat, clean, is_separator};
use crate::unicode::nfkc_lowercase;
use crate::url;

/// The key two headlines share when they name the same story:
///
/// - Unicode NFKC, so composed and decomposed Vietnamese, ligatures and full-width letters
///   compare equal;
/// - lowercase, with the Turkish `ı` and `İ` folded to `i` (a dotted capital leaves `i` and a
///   combining dot when lowercased);
/// - quotes and apostrophes dropped (`It's` = `Its`), full stops dropped except between digits
///   (`J.D.` = `J.D` = `JD`, `U.S.` = `US`, but `3.5` ≠ `35`);
/// - the invisible characters a CMS leaves in text dropped: the zero-width space, the word
///   joiner, the byte-order mark and the soft hyphen (`Wohn\u{AD}gewächshaus` = `Wohngewächshaus`);
/// - dashes, the ellipsis and other punctuation as spaces, white space collapsed.
///
/// ```
/// use storycard::dedupe::headline_key;
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
            '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => {}
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

/// A related story's identity: its URL key, or, without a URL, its headline key.
pub(super) fn story_key(r: &Related, rules: &Rules) -> String {
    r.url
        .as_deref()
        .and_then(|u| url::key_with(u, rules.base, rules.tracking))
        .unwrap_or_else(|| cat(&["headline:", &headline_key(&r.headline)]))
}

/// The identity of one story for comparison.
pub(super) struct Keys {
    pub(super) url: Option<String>,
    pub(super) headline: String,
}

impl Keys {
    pub(super) fn of(headline: &str, url: Option<&str>, rules: &Rules) -> Keys {
        Keys {
            url: url.and_then(|u| url::key_with(u, rules.base, rules.tracking)),
            headline: headline_key(headline),
        }
    }

    /// Why `self` names the same story as `other`, if it does.
    pub(super) fn same_as(&self, other: &Keys) -> Option<Reason> {
        match (&self.url, &other.url) {
            (Some(a), Some(b)) => (a == b).then_some(Reason::SameUrl),
            _ => (self.headline == other.headline).then_some(Reason::SameHeadline),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn headline_key_drops_invisible_characters() {
        assert_eq!(
            headline_key("\u{200B}Mỹ cảnh báo nguy cơ khủng bố"),
            headline_key("Mỹ cảnh báo nguy cơ khủng bố")
        );
        assert_eq!(
            headline_key("Wohn\u{AD}gewächs\u{2060}haus selber bauen\u{FEFF}"),
            "wohngewächshaus selber bauen"
        );
        // (the joiners that shape a script's letters stay)
        assert_ne!(headline_key("می\u{200C}خواهم"), headline_key("میخواهم"));
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
