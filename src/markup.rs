//! Markup in text fields: HTML's character references decoded and tags removed, for the fields
//! JSON-LD and meta tags fill with markup.

use crate::text::clean;

/// Named character references that news CMSs put into titles and descriptions: the markup
/// characters, spaces, quotes and dashes, symbols, and Latin-1 letters. Numeric references
/// (`&#8217;`, `&#x2019;`) are decoded whatever they name.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("hellip", '…'),
    ("bull", '•'),
    ("middot", '·'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("deg", '°'),
    ("times", '×'),
    ("divide", '÷'),
    ("plusmn", '±'),
    ("sect", '§'),
    ("para", '¶'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("shy", '\u{ad}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
    ("prime", '′'),
    ("Prime", '″'),
    ("dagger", '†'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Aring", 'Å'),
    ("AElig", 'Æ'),
    ("Ccedil", 'Ç'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Euml", 'Ë'),
    ("Igrave", 'Ì'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Iuml", 'Ï'),
    ("ETH", 'Ð'),
    ("Ntilde", 'Ñ'),
    ("Ograve", 'Ò'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Otilde", 'Õ'),
    ("Ouml", 'Ö'),
    ("Oslash", 'Ø'),
    ("Ugrave", 'Ù'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Uuml", 'Ü'),
    ("Yacute", 'Ý'),
    ("THORN", 'Þ'),
    ("szlig", 'ß'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("aring", 'å'),
    ("aelig", 'æ'),
    ("ccedil", 'ç'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("eth", 'ð'),
    ("ntilde", 'ñ'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("oslash", 'ø'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("thorn", 'þ'),
    ("yuml", 'ÿ'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
];

/// Decodes HTML character references: named ones from a table of those news text uses, and
/// every numeric one. An unknown or unterminated reference stays as written.
///
/// ```
/// use storycard::markup::decode_entities;
/// assert_eq!(decode_entities("Tom &amp; Jerry&#8217;s &#x201C;show&#x201d; &bogus; &amp"), "Tom & Jerry’s “show” &bogus; &amp");
/// ```
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 33);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name.strip_prefix('#') {
                Some(num) => {
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => num.parse().ok(),
                    };
                    // NUL and surrogates decode to U+FFFD, as in the HTML standard.
                    code.map(|n| {
                        char::from_u32(n)
                            .filter(|&c| c != '\0')
                            .unwrap_or('\u{FFFD}')
                    })
                }
                None => ENTITIES.iter().find(|(n, _)| *n == name).map(|&(_, c)| c),
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

const BLOCK_TAGS: [&str; 14] = [
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "tr",
    "td",
    "blockquote",
    "figcaption",
];

/// Text from a field that may hold markup or character references (JSON-LD and meta tags often
/// do): tags removed, references decoded, white space collapsed.
///
/// ```
/// assert_eq!(storycard::markup::plain("<p>Stocks &amp; <b>bonds</b></p>\n<p>fall</p>"), "Stocks & bonds fall");
/// assert_eq!(storycard::markup::plain("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
/// assert_eq!(storycard::markup::plain("Jerry<em>&#8217;s</em> show"), "Jerry’s show");
/// ```
pub fn plain(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    let mut rest = s;
    // A tag starts with `<` then a letter, `/` or `!`; a lone `<` is text.
    while let Some(at) = rest.find('<') {
        let is_tag =
            rest[at + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match (is_tag, rest[at..].find('>')) {
            (true, Some(end)) => {
                text.push_str(&rest[..at]);
                // Block tags separate words; inline ones (`<b>`, `<em>`, `<a>`) do not.
                let name = rest[at + 1..at + end].trim_start_matches('/');
                let name = name
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .next()
                    .unwrap_or("");
                if BLOCK_TAGS.iter().any(|t| t.eq_ignore_ascii_case(name)) {
                    text.push(' ');
                }
                rest = &rest[at + end + 1..];
            }
            _ => {
                text.push_str(&rest[..=at]);
                rest = &rest[at + 1..];
            }
        }
    }
    text.push_str(rest);
    clean(&decode_entities(&text))
}
