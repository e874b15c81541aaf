//! URLs from untrusted data: the scheme allow-list every `href` and `src` passes, and the key two
//! addresses share when they name the same page.

use crate::text::cat;

/// The URL as it may be used in an `href` or `src`: `http`, `https`, or relative (including
/// protocol-relative). Anything with another scheme (`javascript:`, `data:`, `vbscript:` in any
/// case or disguised with tabs, newlines and control characters) gives `None`, as does an empty URL.
///
/// ```
/// use storycard::url::safe_href;
/// assert_eq!(safe_href(" https://example.com/a "), Some("https://example.com/a".into()));
/// assert_eq!(safe_href("/world/story.html"), Some("/world/story.html".into()));
/// assert_eq!(safe_href("java\tscript:alert(1)"), None);
/// assert_eq!(safe_href("JAVASCRIPT:alert(1)"), None);
/// ```
pub fn safe_href(raw: &str) -> Option<String> {
    // What a browser's URL parser ignores: leading and trailing C0 controls and spaces, and tabs
    // and newlines anywhere.
    // (looked for byte by byte: each is an ASCII character, which no other character's bytes
    // contain)
    let start = raw.bytes().position(|b| b > b' ').unwrap_or(raw.len());
    let end = raw.bytes().rposition(|b| b > b' ').map_or(start, |i| i + 1);
    let trimmed = &raw[start..end];
    let cleaned: String = if trimmed.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
        trimmed
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect()
    } else {
        trimmed.to_owned()
    };
    if cleaned.is_empty() {
        return None;
    }
    // A network-path reference without a host ("//", "///x") is no address a browser can follow.
    if let Some(rest) = cleaned.strip_prefix("//") {
        if rest.is_empty() || rest.starts_with(['/', '\\', '?', '#']) {
            return None;
        }
    }
    match scheme(&cleaned) {
        None => Some(cleaned),
        Some(s) if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https") => {
            Some(cleaned)
        }
        Some(_) => None,
    }
}

/// The scheme of an absolute URL, without the colon.
fn scheme(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    let s = &url[..end];
    let valid = url[end..].starts_with(':')
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(s)
}

/// Query parameters that only say where a click came from, not which page it is (compared
/// without case; `*` ends a prefix): campaign tags (Google Analytics' `utm_*`, sites' own
/// internal `itm_*`, `cmpid`, `CMP`, `ref`, `smid`, `ocid`, `ito`, `at_medium`, `at_campaign`),
/// and the click and subscriber identifiers that Brave and Firefox strip from addresses
/// (advertising networks', social networks', mailing tools' and recommendation widgets'). None
/// of them names a page: a site whose address does is not served by a short list, and tells
/// the widget its own names (`trackingParams`).
pub const TRACKING: [&str; 43] = [
    "utm_*",
    "itm_*",
    "cmpid",
    "cmp",
    "ref",
    "smid",
    "ocid",
    "ito",
    "at_medium",
    "at_campaign",
    // (advertising)
    "gclid",
    "gclsrc",
    "gbraid",
    "wbraid",
    "dclid",
    "msclkid",
    "yclid",
    "s_cid",
    "_gl",
    "srsltid",
    // (social networks)
    "fbclid",
    "igshid",
    "twclid",
    "ttclid",
    "li_fat_id",
    // (mailing and marketing tools)
    "mc_cid",
    "mc_eid",
    "_hsenc",
    "_hsmi",
    "__hssc",
    "__hstc",
    "__hsfp",
    "mkt_tok",
    "oly_anon_id",
    "oly_enc_id",
    "vero_id",
    "__s",
    "ml_subscriber",
    "ml_subscriber_hash",
    "rb_clickid",
    "_openstat",
    // (recommendation widgets: Taboola's and Outbrain's click identifiers)
    "tblci",
    "dicbo",
];

/// Whether a query parameter name is tracking: one of [`TRACKING`] (`utm_*` is a prefix), or one
/// of the site's own `extra` names.
fn is_tracking(name: &str, extra: &[String]) -> bool {
    let name = name.to_ascii_lowercase();
    TRACKING.iter().any(|t| match t.strip_suffix('*') {
        Some(prefix) => name.starts_with(prefix),
        None => name == *t,
    }) || extra.iter().any(|e| e.eq_ignore_ascii_case(&name))
}

/// Whether a query parameter asks for the AMP version: `amp`, `amp=1`, `outputType=amp`.
fn is_amp_param(param: &str) -> bool {
    let (name, value) = param.split_once('=').unwrap_or((param, ""));
    name.eq_ignore_ascii_case("amp")
        || (name.eq_ignore_ascii_case("outputtype") && value.eq_ignore_ascii_case("amp"))
}

/// Characters that percent-encoding never needs to hide (RFC 3986 section 2.3).
fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// RFC 3986 section 6.2.2: escapes of unreserved characters decoded, the others in upper case.
fn normalize_escapes(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                let b = (h * 16 + l) as u8;
                // Decoded, a hex digit after "%" or "%X" would make a new escape ("%6%63" would
                // be "%6c", then "l"): it stays escaped, so normalizing twice changes nothing.
                let o = out.as_bytes();
                let makes_escape = hex(b).is_some()
                    && (o.last() == Some(&b'%')
                        || (o.len() >= 2
                            && o[o.len() - 2] == b'%'
                            && hex(o[o.len() - 1]).is_some()));
                if is_unreserved(b) && !makes_escape {
                    out.push(char::from(b));
                } else {
                    out.push('%');
                    out.push(char::from(bytes[i + 1]).to_ascii_uppercase());
                    out.push(char::from(bytes[i + 2]).to_ascii_uppercase());
                }
                i += 3;
                continue;
            }
        }
        // Controls, spaces and DEL escaped, as a browser's URL parser writes them in a path or
        // query (so "/.\0" is no dot segment, before or after a second normalizing).
        if bytes[i] <= b' ' || bytes[i] == 0x7f {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(bytes[i] >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(bytes[i] & 15)]));
            i += 1;
            continue;
        }
        // Copy one whole character.
        let len = s[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&s[i..i + len]);
        i += len;
    }
    out
}

/// Where a `.amp` marker starts in a path segment: at its end (`story.amp`) or before its
/// extension (`story.amp.html`).
fn amp_marker(segment: &str) -> Option<usize> {
    let b = segment.as_bytes();
    (0..b.len().saturating_sub(3)).find(|&at| {
        b[at] == b'.'
            && b[at + 1..at + 4].eq_ignore_ascii_case(b"amp")
            && matches!(b.get(at + 4), None | Some(b'.'))
    })
}

/// The path without its AMP markers (an `amp` segment, a `.amp` before the extension or at the
/// end) and without a final `index.html`, `index.htm` or `index.php`.
fn canonical_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for (i, segment) in path
        .split('/')
        .filter(|s| !s.eq_ignore_ascii_case("amp"))
        .enumerate()
    {
        if i > 0 {
            out.push('/');
        }
        match amp_marker(segment) {
            Some(at) => {
                out.push_str(&segment[..at]);
                out.push_str(&segment[at + 4..]);
            }
            None => out.push_str(segment),
        }
    }
    // (the end as the key will have it: without slashes, controls or spaces)
    let end = out
        .bytes()
        .rposition(|b| b != b'/' && b > b' ')
        .map_or(0, |i| i + 1);
    let last = after_last(&out[..end], b'/');
    if ["index.html", "index.htm", "index.php"]
        .iter()
        .any(|name| out[last..end].eq_ignore_ascii_case(name))
    {
        out.truncate(last);
    }
    out
}

/// Whether the URL is a variant of a canonical address: it carries tracking parameters or AMP
/// markers, or sits on an `m.` or `amp.` host. When duplicates merge, a canonical address beats
/// a variant.
///
/// ```
/// use storycard::url::is_variant;
/// assert!(is_variant("https://ex.com/a?utm_source=x"));
/// assert!(is_variant("https://ex.com/a/amp"));
/// assert!(is_variant("https://m.ex.com/a"));
/// assert!(!is_variant("https://ex.com/a?id=7"));
/// ```
pub fn is_variant(raw: &str) -> bool {
    let (rest, _) = split_once_or_all(raw, '#');
    let (rest, query) = split_once_or_all(rest, '?');
    // What `rest.split("//").nth(1)` gives: from the first `//` to the next.
    let authority_path =
        split_at_slashes(rest).map(|(_, a)| split_at_slashes(a).map_or(a, |(a, _)| a));
    let host = authority_path
        .and_then(|a| a.split('/').next())
        .unwrap_or("")
        .to_ascii_lowercase();
    let path = authority_path.map_or(rest, |a| a.find('/').map_or("", |i| &a[i..]));
    host.starts_with("m.")
        || host.starts_with("amp.")
        || canonical_path(path) != path
        || query.is_some_and(|q| {
            q.split('&')
                .any(|p| is_amp_param(p) || is_tracking(p.split('=').next().unwrap_or(p), &[]))
        })
}

/// The key two URLs share when they name the same page. In order:
///
/// | rule | example |
/// |---|---|
/// | resolve against `base` when relative | `/a` on `https://ex.com/x` is `https://ex.com/a` |
/// | `http` and `https` alike | `http://ex.com/a` = `https://ex.com/a` |
/// | host in lower case, without user info, `www.`, `m.` or `amp.` | `https://M.Ex.com/a` = `https://ex.com/a` |
/// | no default port | `https://ex.com:443/a` = `https://ex.com/a` |
/// | no fragment | `/a#comments` = `/a` |
/// | escapes of unreserved characters decoded, the rest upper case (RFC 3986) | `/%7Ejo` = `/~jo` |
/// | `.` and `..` segments removed | `/a/b/../c` = `/a/c` |
/// | no AMP markers: an `amp` segment, `.amp`, `amp=1`, `outputType=amp` | `/a/amp/` = `/a.amp.html` ≈ `/a` |
/// | no final `index.html`, `index.htm`, `index.php`, no trailing slash | `/a/index.html` = `/a/` = `/a` |
/// | no final `.html` or `.htm` | `/a.html` = `/a` = `/a.amp` on an `amp.` host |
/// | no tracking parameters ([`TRACKING`] and the site's `extra` names) | `/a?utm_source=x&fbclid=y` = `/a` |
/// | the remaining parameters sorted | `/a?b=2&a=1` = `/a?a=1&b=2` |
///
/// `None` for a URL that [`safe_href`] rejects.
///
/// ```
/// use storycard::url::key;
/// assert_eq!(
///     key("HTTPS://WWW.Example.com:443/world/a/?utm_source=x&id=7#top", None),
///     key("http://example.com/world/b/../a?id=7", None),
/// );
/// assert_ne!(key("https://example.com/a", None), key("https://example.com/b", None));
/// assert_eq!(key("/a/", Some("https://example.com/x/y")), key("https://example.com/a", None));
/// ```
pub fn key(raw: &str, base: Option<&str>) -> Option<String> {
    key_with(raw, base, &[])
}

/// [`key`], with the site's own tracking parameter names besides [`TRACKING`].
pub fn key_with(raw: &str, base: Option<&str>, extra_tracking: &[String]) -> Option<String> {
    let url = safe_href(raw)?;
    let absolute = match (scheme(&url), base.and_then(safe_href)) {
        (None, Some(base)) if scheme(&base).is_some() => resolve(&base, &url),
        _ => url,
    };
    let (rest, _fragment) = split_once_or_all(&absolute, '#');
    let (rest, query) = split_once_or_all(rest, '?');
    let (authority, path) = match scheme(rest) {
        Some(s) => {
            let after = &rest[s.len() + 1..];
            let after = after.trim_start_matches('/');
            let end = after.find('/').unwrap_or(after.len());
            (Some((s, &after[..end])), &after[end..])
        }
        None if rest.starts_with("//") => {
            let after = &rest[2..];
            let end = after.find('/').unwrap_or(after.len());
            (Some(("", &after[..end])), &after[end..])
        }
        None => (None, rest),
    };

    let mut out = String::with_capacity(absolute.len());
    if let Some((scheme, authority)) = authority {
        let host_port = &authority[after_last(authority, b'@')..];
        let host_port = host_port.to_ascii_lowercase();
        let mut host_port = host_port.as_str();
        // Only a prefix of a host that keeps a dot: `m.example` stays itself. In any order and
        // number: `m.www.example.com` is `example.com` too.
        while let Some(rest) = ["www.", "m.", "amp."]
            .iter()
            .find_map(|prefix| host_port.strip_prefix(prefix).filter(|r| r.contains('.')))
        {
            host_port = rest;
        }
        // The scheme's default port goes; a key ("//host:80/…") has no scheme, so its port stays.
        let default_port = if scheme.eq_ignore_ascii_case("https") {
            Some(":443")
        } else if scheme.eq_ignore_ascii_case("http") {
            Some(":80")
        } else {
            None
        };
        let host = default_port
            .and_then(|p| host_port.strip_suffix(p))
            .unwrap_or(host_port);
        // No host, or one a browser would not read as one (a backslash makes it a path, and
        // controls, spaces and `<>^|` are forbidden in hosts): not an address to compare.
        if host.is_empty()
            || host
                .bytes()
                .any(|b| b <= b' ' || b == 0x7f || b"\\<>^|".contains(&b))
        {
            return None;
        }
        out.push_str("//");
        out.push_str(host);
    }
    // Dot segments and the canonical path's rules until neither changes anything: a path can
    // name several index pages or `.amp` markers, removing a marker can leave a dot segment
    // ("/.amp."), removing a dot segment an index page. Each pass that changes the path shortens
    // it, so this ends.
    let mut path = normalize_escapes(path);
    loop {
        let next = canonical_path(&remove_dot_segments(&path));
        if next == path {
            break;
        }
        path = next;
    }
    // (Without its trailing slashes, and the controls and spaces a browser would trim before
    // them when they end the address.)
    let path = &path[..path
        .bytes()
        .rposition(|b| b != b'/' && b > b' ')
        .map_or(0, |i| i + 1)];
    // A page's `.html` or `.htm` is the page: an AMP copy writes `story.amp` for `story.html`.
    // (every one, so that keying a key changes nothing: "a.html.html")
    let last = after_last(path, b'/');
    let mut path = path;
    while let Some(cut) = [".html", ".htm"].iter().find_map(|ext| {
        let cut = path.len().checked_sub(ext.len())?;
        (cut > last && path.is_char_boundary(cut) && path[cut..].eq_ignore_ascii_case(ext))
            .then_some(cut)
    }) {
        path = &path[..cut];
    }
    // A relative path whose first segment holds a colon ("./a:b" without its "./") would read
    // as a scheme: it keeps a "./".
    if out.is_empty()
        && path
            .split('/')
            .next()
            .is_some_and(|first| first.contains(':'))
    {
        out.push_str("./");
    }
    out.push_str(path);
    let mut kept: Vec<String> = query
        // (without the controls and spaces a "#" left at its end, which a browser would trim
        // from the address without the fragment)
        .map(|q| &q[..q.bytes().rposition(|b| b > b' ').map_or(0, |i| i + 1)])
        .map(|q| {
            // Each parameter read as its escapes say ("%61mp=1" is "amp=1") before the rules.
            q.split('&')
                .map(normalize_escapes)
                .filter(|p| {
                    !p.is_empty()
                        && !is_amp_param(p)
                        && !is_tracking(p.split('=').next().unwrap_or(p), extra_tracking)
                })
                .collect()
        })
        .unwrap_or_default();
    // Insertion sort: a query has a handful of parameters, and the standard library's sort would
    // add 2 KB to the WebAssembly module.
    for i in 1..kept.len() {
        let mut j = i;
        while j > 0 && kept[j - 1] > kept[j] {
            kept.swap(j - 1, j);
            j -= 1;
        }
    }
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&crate::text::join(&kept, "&"));
    }
    // A relative address that names nothing without its page ("/", "./"): no key, so the entry
    // compares by headline.
    (!out.is_empty()).then_some(out)
}

fn split_once_or_all(s: &str, at: char) -> (&str, Option<&str>) {
    match s.split_once(at) {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    }
}

/// `raw` made absolute against `base` when it is relative and `base` is an absolute `http(s)`
/// URL; otherwise `raw` as it is.
///
/// ```
/// use storycard::url::absolute;
/// assert_eq!(absolute("/b/c.jpg", Some("https://ex.com/a/page")), "https://ex.com/b/c.jpg");
/// assert_eq!(absolute("c.jpg", Some("https://ex.com/a/page")), "https://ex.com/a/c.jpg");
/// assert_eq!(absolute("https://cdn.ex/x.jpg", Some("https://ex.com/")), "https://cdn.ex/x.jpg");
/// assert_eq!(absolute("x.jpg", None), "x.jpg");
/// ```
pub fn absolute(raw: &str, base: Option<&str>) -> String {
    match base {
        Some(base) if scheme(raw).is_none() && scheme(base).is_some_and(|s| s.len() >= 4) => {
            resolve(base, raw)
        }
        _ => raw.to_owned(),
    }
}

/// Resolves a relative reference against an absolute base (RFC 3986 section 5.2, without the
/// corner cases a news link never has).
fn resolve(base: &str, reference: &str) -> String {
    let base = split_once_or_all(base, '#').0;
    if reference.starts_with("//") {
        let s = scheme(base).unwrap_or("https");
        return cat(&[s, ":", reference]);
    }
    let scheme_len = scheme(base).map_or(0, |s| s.len() + 1);
    let after_scheme = &base[scheme_len..];
    let authority_end = if let Some(a) = after_scheme.strip_prefix("//") {
        scheme_len + 2 + a.find(['/', '?']).unwrap_or(a.len())
    } else {
        scheme_len
    };
    let origin = &base[..authority_end];
    if reference.starts_with('/') {
        return cat(&[origin, reference]);
    }
    let base_no_query = split_once_or_all(base, '?').0;
    if reference.starts_with('?') {
        return cat(&[base_no_query, reference]);
    }
    if reference.starts_with('#') {
        return cat(&[base, reference]);
    }
    let path = &base_no_query[authority_end..];
    let dir = &path[..after_last(path, b'/')];
    let dir = if dir.is_empty() { "/" } else { dir };
    cat(&[origin, dir, reference])
}

/// Removes `.` and `..` segments from a path.
fn remove_dot_segments(path: &str) -> String {
    if !path.as_bytes().windows(2).any(|w| w == b"/.") && !path.starts_with('.') {
        return path.to_owned();
    }
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    crate::text::join(&out, "/")
}

/// `s` around its first `//`. Byte searches here and in [`after_last`] keep the WebAssembly
/// module to one string searcher.
fn split_at_slashes(s: &str) -> Option<(&str, &str)> {
    let i = s.as_bytes().windows(2).position(|w| w == b"//")?;
    Some((&s[..i], &s[i + 2..]))
}

/// Where the text after the last `byte` starts (0 without one).
fn after_last(s: &str, byte: u8) -> usize {
    s.bytes().rposition(|b| b == byte).map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_only_http_https_and_relative() {
        for ok in [
            "http://a.b/c",
            "HTTPS://a.b",
            "//cdn.a.b/x.jpg",
            "x.html",
            "?p=2",
            "#top",
            "/a:b",
        ] {
            assert!(safe_href(ok).is_some(), "{ok} should pass");
        }
        for bad in [
            "javascript:alert(1)",
            " \u{1}JaVaScRiPt:alert(1)",
            "java\nscript:alert(1)",
            "vbscript:x",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "",
            "  ",
        ] {
            assert_eq!(safe_href(bad), None, "{bad:?} should be refused");
        }
        // (trimmed of controls and spaces at both ends, tabs and newlines dropped inside; other
        // characters, a no-break space among them, kept)
        for (raw, href) in [
            ("\u{1} /đường/a\tb\n ", "/đường/ab"),
            ("\u{a0}/a\u{a0}", "\u{a0}/a\u{a0}"),
            ("/Hà Nội", "/Hà Nội"),
        ] {
            assert_eq!(safe_href(raw).as_deref(), Some(href), "{raw:?}");
        }
    }

    #[test]
    fn keys_ignore_tracking_slash_fragment_and_www() {
        let a = key(
            "https://news.example.com/world/ukraine-2391.html?utm_source=related&utm_medium=web",
            None,
        );
        let b = key(
            "http://www.news.example.com/world/ukraine-2391.html#comments",
            None,
        );
        assert_eq!(a, b);
        let c = key("https://news.example.com/world/us-2387/", None);
        let d = key(
            "https://news.example.com/world/us-2387?fbclid=abc&gclid=def",
            None,
        );
        assert_eq!(c, d);
    }

    #[test]
    fn keys_keep_meaningful_query_and_path() {
        assert_ne!(
            key("https://a.com/story?id=1", None),
            key("https://a.com/story?id=2", None)
        );
        assert_ne!(key("https://a.com/x", None), key("https://b.com/x", None));
        assert_ne!(
            key("https://a.com:8080/x", None),
            key("https://a.com/x", None)
        );
    }

    #[test]
    fn resolves_relative_urls_against_the_base() {
        let base = Some("https://news.example.com/world/today/article.html?x=1#f");
        assert_eq!(
            key("story.html", base),
            key("https://news.example.com/world/today/story.html", None)
        );
        assert_eq!(
            key("../sport/a", base),
            key("https://news.example.com/world/sport/a", None)
        );
        assert_eq!(key("/a", base), key("https://news.example.com/a", None));
        assert_eq!(
            key("//cdn.example.com/a", base),
            key("https://cdn.example.com/a", None)
        );
        assert_eq!(
            key("?x=2", base),
            key(
                "https://news.example.com/world/today/article.html?x=2",
                None
            )
        );
    }

    #[test]
    fn keys_relative_urls_without_a_base_by_their_path() {
        assert_eq!(key("/world/a/", None), key("/world/a?utm_campaign=z", None));
        assert_eq!(key("/world/a", None), Some("/world/a".into()));
    }
}
