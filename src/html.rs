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
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}
