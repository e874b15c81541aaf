//! The URL key's rules on `fixtures/url-variants.json`: every pair of addresses of one page shares
//! a key, and no pair of different pages does.

use storycard::url::{key, key_with};
use storycard::Json;

const BASE: Option<&str> = Some("https://news.example.com/world/today.html");

fn pairs(name: &str) -> Vec<(String, String)> {
    let all: Json = serde_json::from_str(include_str!("fixtures/url-variants.json")).unwrap();
    let Some(Json::Array(pairs)) = all.get(name) else {
        panic!("no {name} list")
    };
    pairs
        .iter()
        .map(|p| match p {
            Json::Array(two) => (
                two[0].as_str().unwrap().to_owned(),
                two[1].as_str().unwrap().to_owned(),
            ),
            _ => panic!("not a pair"),
        })
        .collect()
}

#[test]
fn addresses_of_one_page_share_a_key() {
    let same = pairs("same");
    assert!(same.len() >= 30);
    for (a, b) in same {
        assert_eq!(key(&a, BASE), key(&b, BASE), "{a} and {b} name one page");
    }
}

#[test]
fn different_pages_never_share_a_key() {
    let different = pairs("different");
    assert!(different.len() >= 15);
    for (a, b) in different {
        assert_ne!(
            key(&a, BASE),
            key(&b, BASE),
            "{a} and {b} are different pages"
        );
    }
}

#[test]
fn a_site_can_name_its_own_tracking_parameters() {
    let extra = vec!["src".to_owned(), "share_id".to_owned()];
    let a = "https://news.example.com/story?src=newsletter&share_id=9";
    let b = "https://news.example.com/story";
    assert_ne!(
        key(a, None),
        key(b, None),
        "unknown parameters count by default"
    );
    assert_eq!(key_with(a, None, &extra), key_with(b, None, &extra));
}

#[test]
fn keys_are_idempotent_on_the_fixtures() {
    for (a, b) in pairs("same").into_iter().chain(pairs("different")) {
        for url in [a, b] {
            let once = key(&url, BASE).unwrap();
            // A key is itself a URL without a scheme; keying it again changes nothing.
            assert_eq!(
                key(&["https:", &once].concat(), None).as_deref(),
                Some(once.as_str()),
                "{url}"
            );
        }
    }
}
