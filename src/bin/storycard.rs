//! The `storycard` command line: reads a page as the widget would, natively.
//!
//! ```text
//! storycard extract PAGE.html [--url URL] [--related SELECTORS] [--max N] [--near-duplicates off]
//! storycard render PAGE.html [--url URL] [--related SELECTORS] [--max N] [OPTIONS]
//! storycard render --data DATA.json [--url URL] [--max N] [OPTIONS]
//!   OPTIONS: --lang TAG  --autoplay  --label-NAME TEXT  --id ID  --stylesheet URL
//! ```
//!
//! `extract` prints, as JSON, what the widget's `storycard:ready` event would carry for that page:
//! the article, the related stories after dedupe, what was removed and why, the warnings, and
//! where each field came from. `render` prints the HTML to put in a page instead of the element:
//! a data island and a `<story-card>` with the card already in a declarative shadow root, which
//! the element module takes over without building it again. `--url` is the address the page was
//! served from (for relative links and as the article's address of last resort); `--related` the
//! CSS selector list of the page's related-link containers, as in the `related` attribute; `--max`
//! how many related stories to keep (20 unless given), as in the `max` attribute;
//! `--near-duplicates off` keeps near duplicates, as the attribute does; `--lang`,
//! `--autoplay` and `--label-read-more "..."` as the attributes; `--id` the data island's id;
//! `--stylesheet` the address of `storycard.css`, linked from the shadow root instead of written
//! into it (for a Content-Security-Policy without inline styles).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    match cli::run(&args) {
        Ok(out) => {
            use std::io::Write;
            // (a closed pipe, as `| head` leaves it, is no error)
            let _ = writeln!(std::io::stdout(), "{out}");
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
    use storycard::{dates, dedupe, extract, server, Json, Story};

    const USAGE: &str =
        "usage: storycard extract PAGE.html [--url URL] [--related SELECTORS] [--max N] [--near-duplicates off]
       storycard render (PAGE.html | --data DATA.json) [--url URL] [--related SELECTORS] [--max N]
                        [--near-duplicates off] [--lang TAG] [--autoplay] [--label-NAME TEXT]
                        [--id ID] [--stylesheet URL]";

    /// Runs one command; the text to print, or the error message.
    pub fn run(args: &[String]) -> Result<String, String> {
        let (command, rest) = args.split_first().ok_or(USAGE)?;
        let render = match command.as_str() {
            "extract" => false,
            "render" => true,
            _ => return Err(USAGE.into()),
        };
        let mut file = None;
        let mut data = None;
        let mut url = None;
        let mut related = None;
        let mut max = storycard::DEFAULT_MAX;
        let mut opts = server::Options::default();
        let mut rest = rest.iter();
        while let Some(arg) = rest.next() {
            let mut value = || rest.next().map(String::as_str).ok_or(USAGE);
            match arg.as_str() {
                "--url" => url = Some(value()?),
                "--related" => related = Some(value()?),
                "--max" => {
                    max = value()?.parse().map_err(|_| "--max takes a whole number")?;
                    opts.max = Some(max);
                }
                "--data" if render => data = Some(value()?),
                "--lang" if render => opts.lang = Some(value()?.to_owned()),
                "--id" if render => opts.id = Some(value()?.to_owned()),
                "--stylesheet" if render => opts.stylesheet = Some(value()?.to_owned()),
                "--autoplay" if render => opts.autoplay = true,
                "--near-duplicates" => match value()? {
                    "off" => opts.keep_near_duplicates = true,
                    "on" => opts.keep_near_duplicates = false,
                    _ => return Err("--near-duplicates takes on or off".into()),
                },
                label if render && label.starts_with("--label-") => {
                    let name = label_name(&label["--label-".len()..])?;
                    opts.labels.push((name, value()?.to_owned()));
                }
                _ if file.is_none() && data.is_none() && !arg.starts_with("--") => {
                    file = Some(arg.as_str())
                }
                _ => return Err(USAGE.into()),
            }
        }
        let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
        let mut story = match (file, data) {
            (Some(file), None) => {
                let page = Page::from_html(&read(file)?, url, related).map_err(|e| e.message())?;
                let extracted = extract::from_page(&page).map_err(|e| e.message())?;
                let rules = dedupe::Rules {
                    base: page.base.as_deref(),
                    near_duplicates: !opts.keep_near_duplicates,
                    ..dedupe::Rules::default()
                };
                dedupe::dedupe_with(extracted, &rules)
            }
            (None, Some(path)) => {
                let json: Json = serde_json::from_str(&read(path)?)
                    .map_err(|e| format!("{path}: not valid JSON: {e}"))?;
                let extracted = extract::island::read(&json).map_err(|e| e.message())?;
                let rules = dedupe::Rules {
                    base: url,
                    near_duplicates: !opts.keep_near_duplicates,
                    ..dedupe::Rules::default()
                };
                dedupe::dedupe_with(extracted, &rules)
            }
            _ => return Err(USAGE.into()),
        };
        story.limit(max);
        if render {
            Ok(html(&story, &opts))
        } else {
            serde_json::to_string_pretty(&Json::from(&story)).map_err(|e| e.to_string())
        }
    }

    /// The element's HTML, its dates written natively.
    fn html(story: &Story, opts: &server::Options) -> String {
        let lang = server::language(story, opts).to_owned();
        let island = server::island(story);
        server::element(story, opts, &island, &|raw| dates::long_date(raw, &lang))
    }

    /// `read-more` as the label name `readMore`, when it is one.
    fn label_name(kebab: &str) -> Result<String, String> {
        let mut name = String::new();
        let mut upper = false;
        for c in kebab.chars() {
            if c == '-' {
                upper = true;
            } else if upper {
                name.push(c.to_ascii_uppercase());
                upper = false;
            } else {
                name.push(c);
            }
        }
        if storycard::i18n::Labels::NAMES.contains(&name.as_str()) {
            Ok(name)
        } else {
            Err(format!(
                "--label-{kebab}: no such label; the labels are {}",
                storycard::i18n::Labels::NAMES.join(", ")
            ))
        }
    }
}
