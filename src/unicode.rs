//! Unicode's normalization and case tables, as the core needs them: NFKC and lowercase for the
//! headline key, NFD for folding diacritics, and whether a word starts with a capital.
//!
//! The tables are large, and a browser already carries them (`String.prototype.normalize`,
//! `toLowerCase`), so the core does not link them into the WebAssembly modules: the browser layer
//! installs the browser's own ([`install`]) the way it gives the page to [`crate::page::Page::read`]
//! through a trait. Natively (the command line, the tests) they come from `unicode-normalization`
//! and the standard library. The browser tests check the two agree.

use std::sync::OnceLock;

/// The Unicode operations the core needs.
pub trait Tables: Sync {
    /// Unicode NFKC (compatibility forms: ligatures, full-width letters), then lowercase (the
    /// default case mapping).
    fn nfkc_lowercase(&self, s: &str) -> String;
    /// Unicode NFD (canonical decomposition).
    fn nfd(&self, s: &str) -> String;
    /// Whether lowercasing changes `c`, a letter beyond ASCII.
    fn is_upper(&self, c: char) -> bool;
}

static INSTALLED: OnceLock<&'static dyn Tables> = OnceLock::new();

/// Installs the tables the core uses from now on (the browser layer installs the browser's);
/// the first installed stays.
pub fn install(tables: &'static dyn Tables) {
    let _ = INSTALLED.set(tables);
}

fn tables() -> &'static dyn Tables {
    INSTALLED.get().copied().unwrap_or(&DEFAULT)
}

/// The tables of `unicode-normalization` and the standard library.
#[cfg(not(target_arch = "wasm32"))]
struct Native;

#[cfg(not(target_arch = "wasm32"))]
impl Tables for Native {
    fn nfkc_lowercase(&self, s: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        s.nfkc().flat_map(char::to_lowercase).collect()
    }

    fn nfd(&self, s: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        s.nfd().collect()
    }

    fn is_upper(&self, c: char) -> bool {
        c.is_uppercase()
    }
}

#[cfg(not(target_arch = "wasm32"))]
static DEFAULT: Native = Native;

/// Before the browser's are installed (nothing in the modules reads text before that): ASCII
/// rules only, and no table linked in.
#[cfg(target_arch = "wasm32")]
struct AsciiOnly;

#[cfg(target_arch = "wasm32")]
impl Tables for AsciiOnly {
    fn nfkc_lowercase(&self, s: &str) -> String {
        s.to_ascii_lowercase()
    }

    fn nfd(&self, s: &str) -> String {
        s.to_owned()
    }

    fn is_upper(&self, _: char) -> bool {
        false
    }
}

#[cfg(target_arch = "wasm32")]
static DEFAULT: AsciiOnly = AsciiOnly;

/// Unicode NFKC, then lowercase; ASCII without asking the tables.
pub fn nfkc_lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    tables().nfkc_lowercase(s)
}

/// Whether a word starts with a capital letter ("Apple", "EU", "Đà").
pub fn is_capitalized(word: &str) -> bool {
    match word.chars().next() {
        Some(c) if c.is_ascii() => c.is_ascii_uppercase(),
        Some(c) => tables().is_upper(c),
        None => false,
    }
}

/// The text without diacritics, for comparisons that must not depend on them: Unicode NFD with
/// the combining marks dropped, and `đ` as `d`.
///
/// ```
/// assert_eq!(storycard::unicode::fold_diacritics("Bùi Đức"), "Bui Duc");
/// ```
pub fn fold_diacritics(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    tables()
        .nfd(s)
        .chars()
        .filter(|c| !('\u{300}'..='\u{36F}').contains(c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}
