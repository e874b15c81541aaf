// Shared by the targets: the story a widget would show, rendered to the view tree and to HTML,
// with the invariants every render must keep.
use storycard::dedupe::Story;
use storycard::view::{El, Node, ViewOptions};
use storycard::{html, i18n, view};

fn check(el: &El) {
    for (name, value) in &el.attrs {
        if *name == "href" || *name == "src" {
            let lower = value.trim_start_matches(|c: char| c <= ' ').to_ascii_lowercase();
            assert!(
                !lower.starts_with("javascript:")
                    && !lower.starts_with("data:")
                    && !lower.starts_with("vbscript:"),
                "unsafe address {value:?}"
            );
        }
    }
    for child in &el.children {
        if let Node::El(e) = child {
            check(e);
        }
    }
}

pub fn render(story: &Story) {
    let dates = |raw: &str| Some(raw.to_owned());
    let opts = ViewOptions {
        labels: i18n::labels("en"),
        format_date: &dates,
        autoplay: true,
    };
    let els = view::story(story, &opts);
    for el in &els {
        check(el);
    }
    let written = html::to_html(&els);
    assert!(!written.contains("<script"), "a script tag in {written:?}");
}
