//! Minifies the widget's stylesheet into `OUT_DIR` with lightningcss, so the modules carry no
//! comments or white space, and fails the build when the stylesheet does not parse.

use std::{env, fs, path::Path};

use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};

fn main() {
    let source = "www/storycard.css";
    println!("cargo:rerun-if-changed={source}");
    let css = fs::read_to_string(source).expect("www/storycard.css is readable");
    let mut sheet = StyleSheet::parse(&css, ParserOptions::default())
        .unwrap_or_else(|e| panic!("{source}: {e}"));
    sheet
        .minify(MinifyOptions::default())
        .unwrap_or_else(|e| panic!("{source}: {e}"));
    let minified = sheet
        .to_css(PrinterOptions {
            minify: true,
            ..PrinterOptions::default()
        })
        .unwrap_or_else(|e| panic!("{source}: {e}"))
        .code;
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("storycard.css");
    fs::write(out, minified).expect("OUT_DIR is writable");
}
