//! The `storycard` command line: reads a page as the widget would, natively.
//!
//! ```text
//! storycard extract PAGE.html [--url URL] [--related SELECTORS] [--max N]
//! ```
//!
//! prints, as JSON, what the widget's `storycard:ready` event would carry for that page: the
//! article, the related stories after dedupe, what was removed and why, the warnings, and where
//! each field came from. `--url` is the address the page was served from (for relative links and
//! as the article's address of last resort); `--related` the CSS selector list of the page's
//! related-link containers, as in the `related` attribute; `--max` how many related stories to
//! keep (20 unless given), as in the `max` attribute.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    match cli::run(&args) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("storycard: {message}");
            ExitCode::from(if message.starts_with("usage") { 2 } else { 1 })
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use storycard::page::Page;
    use storycard::{dedupe, extract, Json};

    const USAGE: &str =
        "usage: storycard extract PAGE.html [--url URL] [--related SELECTORS] [--max N]";

    /// Runs one command; the text to print, or the error message.
    pub fn run(args: &[String]) -> Result<String, String> {
        let (command, rest) = args.split_first().ok_or(USAGE)?;
        if command != "extract" {
            return Err(USAGE.into());
        }
        let mut file = None;
        let mut url = None;
        let mut related = None;
        let mut max = storycard::DEFAULT_MAX;
        let mut rest = rest.iter();
        while let Some(arg) = rest.next() {
            match arg.as_str() {
                "--url" => url = Some(rest.next().ok_or(USAGE)?.as_str()),
                "--related" => related = Some(rest.next().ok_or(USAGE)?.as_str()),
                "--max" => {
                    max = rest
                        .next()
                        .and_then(|n| n.parse().ok())
                        .ok_or("--max takes a whole number")?
                }
                _ if file.is_none() && !arg.starts_with("--") => file = Some(arg.as_str()),
                _ => return Err(USAGE.into()),
            }
        }
        let file = file.ok_or(USAGE)?;
        let html = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
        let page = Page::from_html(&html, url, related).map_err(|e| e.message())?;
        let extracted = extract::from_page(&page).map_err(|e| e.message())?;
        let rules = dedupe::Rules {
            base: page.base.as_deref(),
            tracking: &[],
        };
        let mut story = dedupe::dedupe_with(extracted, &rules);
        story.limit(max);
        serde_json::to_string_pretty(&Json::from(&story)).map_err(|e| e.to_string())
    }
}
