//! Minifies the widget's stylesheet into `OUT_DIR`, so the module carries no comments or
//! indentation. The rules are conservative: comments go, white space collapses, the spaces next
//! to `{`, `}`, `;` and `,` go, and so does the space after a declaration's colon (a colon
//! followed by a space never occurs in a selector); an attribute selector's quotes go where the
//! value is an identifier (`[part~="slide"]` is `[part~=slide]`); nothing else changes.

use std::{env, fs, path::Path};

fn minify(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = match rest[start + 2..].find("*/") {
            Some(end) => &rest[start + 2 + end + 2..],
            None => "",
        };
    }
    without_comments.push_str(rest);
    let collapsed = without_comments
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(collapsed.len());
    let chars: Vec<char> = collapsed.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = if i > 0 { chars[i - 1] } else { ' ' };
            let next = chars.get(i + 1).copied().unwrap_or(' ');
            if matches!(prev, '{' | '}' | ';' | ',' | ':') || matches!(next, '{' | '}' | ';' | ',')
            {
                continue;
            }
        }
        out.push(c);
    }
    // `0.5rem` is `.5rem`.
    unquote_attribute_values(&out)
        .replace(";}", "}")
        .replace(" 0.", " .")
        .replace(":0.", ":.")
        .replace("(0.", "(.")
        .replace(",0.", ",.")
}

/// `="slide"]` as `=slide]`: a CSS identifier needs no quotes in an attribute selector.
fn unquote_attribute_values(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find("=\"") {
        out.push_str(&rest[..at + 1]);
        let value_and_more = &rest[at + 2..];
        let identifier = value_and_more
            .find('"')
            .map(|end| &value_and_more[..end])
            .filter(|v| {
                v.starts_with(|c: char| c.is_ascii_alphabetic())
                    && v.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                    && value_and_more[v.len() + 1..].starts_with(']')
            });
        match identifier {
            Some(v) => {
                out.push_str(v);
                rest = &value_and_more[v.len() + 1..];
            }
            None => {
                out.push('"');
                rest = value_and_more;
            }
        }
    }
    out.push_str(rest);
    out
}

fn main() {
    let source = "www/storycard.css";
    println!("cargo:rerun-if-changed={source}");
    let css = fs::read_to_string(source).expect("www/storycard.css is readable");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("storycard.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}
