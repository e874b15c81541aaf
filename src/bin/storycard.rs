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
//! served from (for relative links and as the article's address of last resort). A page's own
//! `<story-card>` gives the options, as in the browser (its `source` names the data island to
//! read, its `related` the lists, and `max`, `lang`, `near-duplicates`, `autoplay` and `label-*`
//! as there); the flags override them, all read by `storycard::Options`. `--related` the
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
    use storycard::page_html::HtmlPage;
    use storycard::pipeline::{self, Input};
    use storycard::{dates, server, Json, Options, Story};

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
        // The flags, as the JSON object of option names the element's attributes make: both
        // are read by `Options`' one set of rules.
        let mut flags = Vec::new();
        // (`--label-read-more TEXT` is the attribute `label-read-more="TEXT"`)
        let mut labels = Vec::new();
        let mut rest = rest.iter();
        while let Some(arg) = rest.next() {
            let mut value = || rest.next().map(String::as_str).ok_or(USAGE);
            let option = match arg.as_str() {
                "--url" => "url",
                "--related" => "related",
                "--max" => "max",
                "--near-duplicates" => "nearDuplicates",
                "--lang" if render => "lang",
                "--id" if render => "id",
                "--stylesheet" if render => "stylesheet",
                "--autoplay" if render => {
                    flags.push(("autoplay".to_owned(), Json::Bool(true)));
                    continue;
                }
                "--data" if render => {
                    data = Some(value()?);
                    continue;
                }
                label if render && label.starts_with("--label-") => {
                    labels.push((&label[2..], value()?));
                    continue;
                }
                _ if file.is_none() && data.is_none() && !arg.starts_with("--") => {
                    file = Some(arg.as_str());
                    continue;
                }
                _ => return Err(USAGE.into()),
            };
            flags.push((option.to_owned(), Json::String(value()?.to_owned())));
        }
        let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
        let flags = Options::attributes_json(labels).merged(Json::Object(flags));
        let fail = |e: storycard::Error| e.message();
        let story = match (file, data) {
            (Some(file), None) => {
                // The page's own `<story-card>` gives its options, as in the browser; the flags
                // override them.
                let url = flags.get("url").and_then(Json::as_str);
                let html = HtmlPage::parse(&read(file)?, url);
                let options = Options::from_json(&html.element_options().merged(flags));
                html.input(&options, |input, base| make(input, &options, base, render))
            }
            (None, Some(path)) => {
                let json: Json = serde_json::from_str(&read(path)?)
                    .map_err(|e| format!("{path}: not valid JSON: {e}"))?;
                make(
                    Input::Data(&json),
                    &Options::from_json(&flags),
                    None,
                    render,
                )
            }
            _ => return Err(USAGE.into()),
        };
        story.map_err(fail)
    }

    /// The story of `input` (relative addresses against `base`, else `--url`): the HTML to put
    /// in the page with `render`, else the ready event's detail as JSON.
    fn make(
        input: Input,
        options: &Options,
        base: Option<&str>,
        render: bool,
    ) -> Result<String, storycard::Error> {
        if render {
            let (story, html) = server::render(input, options, base, None, &dates::long_date)?;
            for warning in &story.warnings {
                eprintln!("storycard: {}", warning.line());
            }
            Ok(html)
        } else {
            let story: Story = pipeline::story(input, options, base)?;
            Ok(serde_json::to_string_pretty(&story).unwrap_or_default())
        }
    }
}
