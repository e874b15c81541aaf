//! Minifies the widget's stylesheet into `OUT_DIR`, so the module carries no comments or
//! indentation. The rules are conservative: comments go, white space collapses, the spaces next
//! to `{`, `}`, `;` and `,` go, and so does the space after a declaration's colon (a colon
//! followed by a space never occurs in a selector); nothing else changes.

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
    out.replace(";}", "}")
        .replace(" 0.", " .")
        .replace(":0.", ":.")
        .replace("(0.", "(.")
        .replace(",0.", ",.")
}

fn main() {
    let source = "www/storycard.css";
    println!("cargo:rerun-if-changed={source}");
    let css = fs::read_to_string(source).expect("www/storycard.css is readable");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("storycard.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}
