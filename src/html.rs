//! The view tree as escaped HTML text, for native snapshot tests and server-side rendering.

use crate::view::{El, Node};

const VOID: [&str; 3] = ["img", "br", "hr"];

/// Writes elements as HTML. Text and attribute values are escaped, so data can never become markup.
///
/// ```
/// let v = storycard::view::error(storycard::i18n::labels("en"));
/// assert_eq!(
///     storycard::html::to_html(&v),
///     r#"<p part="error" role="status">This story could not be shown.</p>"#
/// );
/// ```
pub fn to_html(els: &[El]) -> String {
    let mut out = String::new();
    for e in els {
        write_el(e, &mut out);
    }
    out
}

fn write_el(e: &El, out: &mut String) {
    out.push('<');
    out.push_str(e.tag);
    for (name, value) in &e.attrs {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape(value, true, out);
        out.push('"');
    }
    out.push('>');
    if VOID.contains(&e.tag) {
        return;
    }
    for c in &e.children {
        match c {
            Node::El(child) => write_el(child, out),
            Node::Text(t) => escape(t, false, out),
        }
    }
    out.push_str("</");
    out.push_str(e.tag);
    out.push('>');
}

/// Writes `s` escaped for HTML text, or with `attribute` for a double-quoted attribute value.
pub(crate) fn escape(s: &str, attribute: bool, out: &mut String) {
    // (the text between two characters to escape copied as one run; they are ASCII, so a byte
    // that is one of them is that character, and the runs end on character boundaries)
    let mut from = 0;
    for (at, b) in s.bytes().enumerate() {
        let escaped = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if attribute => "&quot;",
            _ => continue,
        };
        out.push_str(&s[from..at]);
        out.push_str(escaped);
        from = at + 1;
    }
    out.push_str(&s[from..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_characters_html_reads_and_copies_the_rest() {
        let escaped = |s: &str, attribute| {
            let mut out = String::from("=");
            escape(s, attribute, &mut out);
            out
        };
        assert_eq!(escaped("Bùi & <Đức> \"x\"", false), "=Bùi &amp; &lt;Đức&gt; \"x\"");
        assert_eq!(escaped("\"Hà Nội\"&", true), "=&quot;Hà Nội&quot;&amp;");
        assert_eq!(escaped("", true), "=");
        assert_eq!(escaped("<<", false), "=&lt;&lt;");
    }
}
