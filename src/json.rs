//! A JSON value: the browser's values (a data island parsed by `JSON.parse`, an object given to
//! `mount()`) through serde-wasm-bindgen in the widget, and any serde format natively.
//!
//! The readers walk this value by hand instead of deriving `Deserialize` on the input shapes: real
//! article data is loose (`author` is a string, an object or an array), a wrong type in an optional
//! field is a warning rather than a failure, and an error has to name the path that was wrong.

use std::fmt;

use crate::text::cat;
use serde::de::{Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Serialize, Serializer};

/// One JSON value. Object members keep their order; a repeated key keeps its first value on lookup.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null` (also what `undefined` becomes).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// Any number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, its members in document order.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object; `None` for a missing member, a `null` one, or a non-object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v)
                .filter(|v| !matches!(v, Json::Null)),
            _ => None,
        }
    }

    /// The string inside, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// `self` with the members of `over` in place of its own; two objects merge (the page's
    /// labels and the flags' labels); anything else is `over`.
    pub fn merged(self, over: Json) -> Json {
        match (self, over) {
            (Json::Object(mut members), Json::Object(more)) => {
                for (name, value) in more {
                    match members.iter_mut().find(|(n, _)| *n == name) {
                        Some((_, old)) => *old = std::mem::replace(old, Json::Null).merged(value),
                        None => members.push((name, value)),
                    }
                }
                Json::Object(members)
            }
            (_, over) => over,
        }
    }

    /// An empty object, to build with [`Json::with`].
    pub fn object() -> Json {
        Json::Object(Vec::new())
    }

    /// This object with one more member.
    pub fn with(mut self, key: &str, value: impl Into<Json>) -> Json {
        if let Json::Object(members) = &mut self {
            members.push((key.to_owned(), value.into()));
        }
        self
    }

    /// This object with one more member when `value` is `Some`.
    pub fn with_some<T: Into<Json>>(self, key: &str, value: Option<T>) -> Json {
        match value {
            Some(v) => self.with(key, v),
            None => self,
        }
    }

    /// The value as an image dimension in pixels: a number, a numeric string (`"1200"`,
    /// `"1200px"`) or a schema.org QuantitativeValue (`{"value": 1200}`); `None` outside 1 to
    /// 100,000 or for anything else.
    ///
    /// ```
    /// use storycard::Json;
    /// assert_eq!(Json::String(" 675px".into()).as_pixels(), Some(675));
    /// assert_eq!(Json::Number(0.0).as_pixels(), None);
    /// ```
    pub fn as_pixels(&self) -> Option<u32> {
        let n = match self {
            Json::Number(n) => *n,
            Json::String(s) => {
                let s = s.trim();
                f64::from(
                    s.strip_suffix("px")
                        .unwrap_or(s)
                        .trim()
                        .parse::<u32>()
                        .ok()?,
                )
            }
            Json::Object(_) => return self.get("value")?.as_pixels(),
            _ => return None,
        };
        (1.0..=100_000.0).contains(&n).then_some(n as u32)
    }

    /// What this value is, in the words of an error message: "a string", "an array", ...
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::String(s.to_owned())
    }
}

impl From<&String> for Json {
    fn from(s: &String) -> Json {
        Json::String(s.clone())
    }
}

impl From<usize> for Json {
    fn from(n: usize) -> Json {
        Json::Number(n as f64)
    }
}

impl From<u32> for Json {
    fn from(n: u32) -> Json {
        Json::Number(f64::from(n))
    }
}

impl<T: Into<Json>> From<Vec<T>> for Json {
    fn from(items: Vec<T>) -> Json {
        Json::Array(items.into_iter().map(Into::into).collect())
    }
}

/// Reads one value at `depth`: arrays and objects deeper than [`MAX_DEPTH`] are an error, so data
/// nested thousands deep never overflows the stack (the WebAssembly module's is 64 KiB).
#[derive(Clone, Copy)]
struct Seed {
    depth: usize,
}

impl Seed {
    fn inner<E: serde::de::Error>(self) -> Result<Seed, E> {
        if self.depth >= MAX_DEPTH {
            return Err(E::custom("nested deeper than 64 levels"));
        }
        Ok(Seed {
            depth: self.depth + 1,
        })
    }
}

impl<'de> DeserializeSeed<'de> for Seed {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let inner = self.inner()?;
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let inner = self.inner()?;
        let mut members = Vec::with_capacity(map.size_hint().unwrap_or(0).min(256));
        while let Some(key) = map.next_key::<String>()? {
            members.push((key, map.next_value_seed(inner)?));
        }
        Ok(Json::Object(members))
    }
}

/// Any serde format's value as JSON, nested at most [`MAX_DEPTH`] deep: the browser's values
/// through serde-wasm-bindgen, text through serde_json.
impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        Seed { depth: 0 }.deserialize(d)
    }
}

/// Writes the value with any serde format (the command line prints it with `serde_json`).
impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            // Whole numbers print without a fraction, as JavaScript prints them.
            Json::Number(n) if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 => {
                s.serialize_i64(*n as i64)
            }
            Json::Number(n) => s.serialize_f64(*n),
            Json::String(t) => s.serialize_str(t),
            Json::Array(items) => s.collect_seq(items),
            Json::Object(members) => s.collect_map(members.iter().map(|(k, v)| (k, v))),
        }
    }
}

/// How deep arrays and objects may nest, read by serde or by [`Json::parse_lenient`]: deeper
/// than any real page's data, shallow enough for every engine's stack.
pub const MAX_DEPTH: usize = 64;

impl Json {
    /// Parses JSON the way real pages write it in `<script type="application/ld+json">`: strict
    /// JSON, plus what CMSs emit and a reader can safely forgive: a `<![CDATA[ ... ]]>` or
    /// `<!-- ... -->` wrapper, `//` and `/* */` comments, trailing commas, raw line breaks or
    /// tabs inside strings, and closing brackets or semicolons left after the value. Anything
    /// else is an error with its byte offset.
    ///
    /// ```
    /// use storycard::Json;
    /// let v = Json::parse_lenient("<![CDATA[ {\"a\": [1, 2,], // note\n \"b\": \"x\\u00e9\"} ]]>").unwrap();
    /// assert_eq!(v.get("b").and_then(Json::as_str), Some("xé"));
    /// assert!(Json::parse_lenient("{\"a\": }").is_err());
    /// assert!(Json::parse_lenient("{\"a\": 1}\n}").is_ok());
    /// ```
    pub fn parse_lenient(text: &str) -> Result<Json, String> {
        let mut t = text.trim();
        for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
            if let Some(inner) = t.strip_prefix(open) {
                t = inner.strip_suffix(close).unwrap_or(inner).trim();
            }
        }
        // Some CMSs wrap the JSON in a commented CDATA section: `//<![CDATA[ ... //]]>`.
        if let Some(inner) = t.strip_prefix("//<![CDATA[") {
            t = inner.trim_end().strip_suffix("//]]>").unwrap_or(inner);
        }
        let mut p = Parser {
            s: t.as_bytes(),
            i: 0,
        };
        let v = p.value(0)?;
        p.space()?;
        // (a CMS that closes one object too many: `{...}}`, or ends the value with `;`)
        while p.i < p.s.len() && matches!(p.s[p.i], b'}' | b']' | b';') {
            p.i += 1;
            p.space()?;
        }
        if p.i < p.s.len() {
            return Err(p.error("unexpected text after the value"));
        }
        Ok(v)
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> String {
        cat(&[what, " at byte ", &crate::text::decimal(self.i)])
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    /// Skips white space and comments.
    fn space(&mut self) -> Result<(), String> {
        loop {
            match (self.peek(), self.s.get(self.i + 1)) {
                (Some(b' ' | b'\t' | b'\n' | b'\r'), _) => self.i += 1,
                (Some(b'/'), Some(b'/')) => {
                    while !matches!(self.peek(), None | Some(b'\n')) {
                        self.i += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    let end = self.s[self.i + 2..]
                        .windows(2)
                        .position(|w| w == b"*/")
                        .ok_or_else(|| self.error("unclosed comment"))?;
                    self.i += end + 4;
                }
                _ => return Ok(()),
            }
        }
    }

    fn expect(&mut self, word: &[u8], value: Json) -> Result<Json, String> {
        if self.s[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(value)
        } else {
            Err(self.error("unexpected character"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deep"));
        }
        self.space()?;
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.expect(b"true", Json::Bool(true)),
            Some(b'f') => self.expect(b"false", Json::Bool(false)),
            Some(b'n') => self.expect(b"null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("unexpected character")),
            None => Err(self.error("unexpected end")),
        }
    }

    /// After `{` or `[`: items separated by commas, a trailing comma allowed.
    fn items(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<(), String>,
    ) -> Result<(), String> {
        self.i += 1;
        loop {
            self.space()?;
            if self.peek() == Some(close) {
                self.i += 1;
                return Ok(());
            }
            item(self)?;
            self.space()?;
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(c) if c == close => {}
                _ => return Err(self.error("expected a comma")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, String> {
        let mut items = Vec::new();
        self.items(b']', |p| {
            items.push(p.value(depth + 1)?);
            Ok(())
        })?;
        Ok(Json::Array(items))
    }

    fn object(&mut self, depth: usize) -> Result<Json, String> {
        let mut members = Vec::new();
        self.items(b'}', |p| {
            if p.peek() != Some(b'"') {
                return Err(p.error("expected a quoted key"));
            }
            let key = p.string()?;
            p.space()?;
            if p.peek() != Some(b':') {
                return Err(p.error("expected a colon"));
            }
            p.i += 1;
            members.push((key, p.value(depth + 1)?));
            Ok(())
        })?;
        Ok(Json::Object(members))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .s
            .get(self.i..self.i + 4)
            .ok_or_else(|| self.error("short escape"))?;
        let mut n = 0;
        for &d in digits {
            n = n * 16
                + char::from(d)
                    .to_digit(16)
                    .ok_or_else(|| self.error("bad escape"))?;
        }
        self.i += 4;
        Ok(n)
    }

    fn string(&mut self) -> Result<String, String> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            // The run up to the next quote or escape, copied at once.
            let start = self.i;
            while !matches!(self.peek(), None | Some(b'"' | b'\\')) {
                self.i += 1;
            }
            out.extend_from_slice(&self.s[start..self.i]);
            let Some(c) = self.peek() else {
                return Err(self.error("unclosed string"));
            };
            self.i += 1;
            match c {
                b'"' => break,
                _ => {
                    let e = self.peek().ok_or_else(|| self.error("unclosed string"))?;
                    self.i += 1;
                    let ch = match e {
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi)
                                && self.s[self.i..].starts_with(b"\\u")
                            {
                                self.i += 2;
                                let lo = self.hex4()?;
                                0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF)
                            } else {
                                hi
                            };
                            // A lone surrogate becomes U+FFFD, as the browser shows it.
                            char::from_u32(code).unwrap_or('\u{FFFD}')
                        }
                        other => char::from(other),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
        String::from_utf8(out).map_err(|_| self.error("invalid UTF-8 in a string"))
    }

    /// A JSON number: `-`, digits, an optional fraction and exponent. Computed with f64
    /// arithmetic rather than `str::parse`, whose correctly-rounding tables would add 11 KB to the
    /// WebAssembly module; page data uses numbers for sizes and counts, where this is exact.
    fn number(&mut self) -> Result<Json, String> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.i += 1;
        }
        let mut value = 0.0_f64;
        let mut digits = 0;
        let mut scale = 0_i32;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            value = value * 10.0 + f64::from(d - b'0');
            digits += 1;
            self.i += 1;
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                value = value * 10.0 + f64::from(d - b'0');
                scale -= 1;
                digits += 1;
                self.i += 1;
            }
        }
        if digits == 0 {
            return Err(self.error("bad number"));
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            let sign = match self.peek() {
                Some(b'-') => -1,
                Some(b'+') => 1,
                _ => 0,
            };
            if sign != 0 {
                self.i += 1;
            }
            let mut exponent = 0_i32;
            let mut any = false;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                exponent = exponent
                    .saturating_mul(10)
                    .saturating_add(i32::from(d - b'0'));
                any = true;
                self.i += 1;
            }
            if !any {
                return Err(self.error("bad number"));
            }
            scale = scale.saturating_add(if sign < 0 { -exponent } else { exponent });
        }
        let magnitude = if scale < 0 {
            // Divided in two steps below 1e-300, where one power of ten would be infinite
            // before the quotient is small; past 1e-700 every double is zero.
            match scale.checked_neg().unwrap_or(i32::MAX) {
                k if k > 700 => 0.0,
                k if k > 300 => value / 1e300 / 10f64.powi(k - 300),
                k => value / 10f64.powi(k),
            }
        } else {
            value * 10f64.powi(scale)
        };
        Ok(Json::Number(if negative { -magnitude } else { magnitude }))
    }
}

#[cfg(test)]
mod tests {
    use super::Json;

    #[test]
    fn reads_every_json_type_in_order() {
        let v: Json = serde_json::from_str(r#"{"b":1,"a":[true,null,"x"],"c":{"d":2.5}}"#).unwrap();
        let Json::Object(members) = &v else {
            panic!("not an object")
        };
        let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "c"]);
        assert_eq!(v.get("b"), Some(&Json::Number(1.0)));
        assert_eq!(
            v.get("a"),
            Some(&Json::Array(vec![
                Json::Bool(true),
                Json::Null,
                Json::String("x".into())
            ]))
        );
        assert_eq!(
            v.get("c").and_then(|c| c.get("d")),
            Some(&Json::Number(2.5))
        );
    }

    #[test]
    fn lenient_parse_agrees_with_strict_json() {
        for text in [
            r#"{"a":[1,-2.5e3,0.5,1200,1E2,-0.25,675.0,true,false,null,"x\"\\\u00e9\ud83d\ude00"],"b":{}}"#,
            "[]",
            "\"s\"",
            "0",
        ] {
            let strict: Json = serde_json::from_str(text).unwrap();
            assert_eq!(Json::parse_lenient(text).unwrap(), strict, "{text}");
        }
    }

    #[test]
    fn lenient_parse_forgives_what_cms_emit() {
        let v = Json::parse_lenient(
            "<!-- {\n /* yoast */ \"@graph\": [ {\"name\": \"a\tb\nc\"}, ], // end\n } -->",
        )
        .unwrap();
        let Some(Json::Array(graph)) = v.get("@graph") else {
            panic!("no graph")
        };
        assert_eq!(graph[0].get("name").and_then(Json::as_str), Some("a\tb\nc"));
    }

    #[test]
    fn lenient_parse_refuses_broken_json_and_deep_nesting() {
        for bad in [
            "{\"a\": }",
            "{\"a\" 1}",
            "[1 2]",
            "{a: 1}",
            "\"open",
            "[1] x",
            "[1]] 2",
            "",
            "[-]",
            "[1e]",
            "[.5]",
        ] {
            assert!(Json::parse_lenient(bad).is_err(), "{bad:?}");
        }
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(Json::parse_lenient(&deep)
            .unwrap_err()
            .contains("nested too deep"));
    }

    #[test]
    fn treats_null_members_as_missing() {
        let v: Json = serde_json::from_str(r#"{"a":null}"#).unwrap();
        assert_eq!(v.get("a"), None);
        assert_eq!(v.get("missing"), None);
        assert_eq!(Json::String("s".into()).get("a"), None);
    }
}
