//! The browser's Unicode tables for the core ([`crate::unicode`]): `String.prototype.normalize`
//! and `toLowerCase`, which every browser carries, so the modules do not ship them again (that
//! would double their size).

use crate::unicode::Tables;

struct Browser;

impl Tables for Browser {
    fn nfkc_lowercase(&self, s: &str) -> String {
        String::from(js_sys::JsString::from(s).normalize("NFKC").to_lower_case())
    }

    fn nfd(&self, s: &str) -> String {
        String::from(js_sys::JsString::from(s).normalize("NFD"))
    }

    fn is_upper(&self, c: char) -> bool {
        let mut buf = [0; 4];
        let first: &str = c.encode_utf8(&mut buf);
        js_sys::JsString::from(first).to_lower_case() != first
    }
}

/// Installs the browser's tables; every entry point calls it before reading any text.
pub fn install() {
    crate::unicode::install(&Browser);
}
