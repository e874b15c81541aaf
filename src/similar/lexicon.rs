//! The words the near-duplicate test knows, per language: the words that carry no story (stop
//! words), the forms that name one thing (synonyms, short forms of names and numbers), the words
//! that turn a statement around (negations, opposites), number words, and the marks wires and
//! sites add to a headline. Every entry is written as [`super::words`] compares words: lower
//! case, a space between the words of a phrase, and without diacritics, except in Vietnamese,
//! where they tell words apart (`thắng`, won, and `tháng`, month).
//!
//! Languages: English, Vietnamese, German, French and Spanish. A headline's language is the one
//! whose stop words it uses most ([`Lang::guess`]); a headline in another language is compared
//! with the English tables, which only cost it the synonyms.
//!
//! [`Lang::tables`] indexes each language's lists once, the first time they are asked for, so
//! that reading a headline looks each word up instead of scanning the lists.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::unicode::fold_diacritics;

/// A language the tables cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Vietnamese.
    Vi,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every language, in the order a tie is broken.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Vi, Lang::De, Lang::Fr, Lang::Es];

    /// The language of a headline's words (lower case, diacritics kept): Vietnamese when three
    /// words in ten or more have the letters only Vietnamese writes (`ă`, `đ`, `ơ`, `ư`, and
    /// the vowels with two marks), else the language whose stop words they use most (two at
    /// least, and more than English; a German, French or Spanish negation or number word that
    /// English does not use counts as one, and a word with a diacritic is looked up without it
    /// too), else English.
    pub fn guess<'a>(words: impl Iterator<Item = &'a str> + Clone) -> Lang {
        Lang::guess_how_surely(words).0
    }

    /// [`Lang::guess`], and whether the words said so: Vietnamese by its letters, or a language
    /// with more of its stop words than any other has; not English for want of any other
    /// ("Claudia Brandes und links-grünes Bündnis müssen liefern", one German stop word).
    pub fn guess_how_surely<'a>(words: impl Iterator<Item = &'a str> + Clone) -> (Lang, bool) {
        // (ă, đ, ơ, ư, and the vowels with two marks Unicode gives Vietnamese a block for)
        let vietnamese = |c: char| {
            matches!(c, 'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư')
                || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
        };
        // (Vietnamese letters in a few words of a headline in another language are a name:
        // "crash near Đà Nẵng")
        // (and a long headline with few of those letters is Vietnamese when most of its words
        // have a diacritic: "Mở tuyến xe buýt du lịch vòng quanh trung tâm Sài Gòn")
        let all = words.clone().count().max(1);
        let marked = words.clone().filter(|w| w.chars().any(vietnamese)).count();
        let accented = words.clone().filter(|w| !w.is_ascii()).count();
        if marked * 10 >= all * 3 || (marked > 0 && accented * 2 > all) {
            return (Lang::Vi, true);
        }
        // (each word looked up once, in the stop words of every language together; a word with
        // a diacritic once more without it, for the other languages, whose lists are folded:
        // "für" is German's "fur")
        let vi = 1u8 << Lang::ALL.iter().position(|l| *l == Lang::Vi).unwrap_or(0);
        let mut counts = [0usize; Lang::ALL.len()];
        for w in words.clone() {
            let mut mask = all_stop_words().get(w).copied().unwrap_or(0);
            if !w.is_ascii() {
                mask |= all_stop_words().get(&fold_diacritics(w)).copied().unwrap_or(0) & !vi;
            }
            for (i, n) in counts.iter_mut().enumerate() {
                *n += usize::from(mask & (1 << i) != 0);
            }
        }
        let hits = |lang: Lang| counts[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)];
        // (another language needs two of its stop words at least, and more than English has)
        let mut best = (Lang::En, hits(Lang::En).max(1));
        for lang in [Lang::Vi, Lang::De, Lang::Fr, Lang::Es] {
            let n = hits(lang);
            if n > best.1 {
                best = (lang, n);
            }
        }
        let sure = hits(best.0) > 0 && Lang::ALL.iter().all(|l| *l == best.0 || hits(*l) < hits(best.0));
        (best.0, sure)
    }

    /// Words that say nothing about which story it is.
    pub fn stop_words(self) -> &'static [&'static str] {
        match self {
            Lang::En => &[
                "a", "an", "the", "of", "to", "in", "into", "on", "onto", "for", "and", "or", "is",
                "are", "was", "were", "be", "been", "being", "will", "would", "with", "as", "at",
                "by", "from", "its", "it", "this", "that", "these", "those", "has", "have", "had",
                "while", "after", "over", "amid", "says", "say", "said", "tells", "told", "their",
                "his", "her", "he", "she", "they", "we", "you", "i", "our", "your", "who", "what",
                "how", "why", "when", "where", "which", "up", "out", "off", "about", "than",
                "more", "most", "some", "all", "any", "just", "now", "here", "there", "do", "does",
                "did", "can", "could", "may", "might", "should", "shall", "must", "get", "gets",
                "got", "also", "still", "again", "so", "if", "but", "via", "per", "s",
            ],
            Lang::Vi => &[
                "và", "của", "là", "được", "với", "các", "những", "ở", "tại", "trong", "cho",
                "khi", "có", "đã", "sẽ", "đang", "này", "đó", "thì", "mà", "vì", "để", "từ", "về",
                "ra", "vào", "như", "còn", "cũng", "lại", "bị", "bởi", "một", "người", "nhiều",
                "hơn", "rồi", "sau", "trước", "gì", "nào", "thế", "nhất", "vừa", "đến", "tới",
                "theo", "sự", "việc", "chỉ", "rất",
            ],
            Lang::De => &[
                "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem",
                "einen", "und", "oder", "in", "im", "ins", "auf", "fur", "mit", "von", "vom", "zu",
                "zum", "zur", "bei", "beim", "nach", "uber", "aus", "ist", "sind", "war", "waren",
                "wird", "werden", "wurde", "hat", "haben", "sich", "es", "er", "sie", "wie", "was",
                "so", "als", "auch", "an", "am", "vor", "um", "bis", "dass", "noch", "nun",
                "jetzt", "sein", "seine", "ihre", "ihr", "wir", "man", "mehr", "schon", "soll",
                "sollen", "kann", "will", "gegen",
            ],
            Lang::Fr => &[
                "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "en",
                "au", "aux", "a", "pour", "par", "sur", "dans", "avec", "est", "sont", "ont", "se",
                "s", "qui", "que", "qu", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs",
                "plus", "il", "elle", "ils", "elles", "on", "y", "apres", "selon", "entre", "c",
                "j", "n", "m", "t",
            ],
            Lang::Es => &[
                "el", "la", "los", "las", "un", "una", "unos", "unas", "y", "e", "o", "u", "en",
                "de", "del", "al", "a", "por", "para", "con", "es", "son", "ha", "han", "se",
                "que", "su", "sus", "lo", "como", "mas", "le", "les", "tras", "ante", "sobre",
                "entre", "este", "esta", "estos", "estas", "ese", "esa", "fue", "ser", "esta",
                "hay",
            ],
        }
    }

    /// Forms that name the same thing, each with the one word it becomes: phrases and single
    /// words, short forms of names and titles, and the near-synonyms headlines swap for each
    /// other. A phrase is matched before the words in it.
    pub fn synonyms(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => &[
                ("chief executive officer", "ceo"),
                ("chief executive", "ceo"),
                ("chief exec", "ceo"),
                ("bank of england", "boe"),
                ("european central bank", "ecb"),
                ("federal reserve", "fed"),
                ("international monetary fund", "imf"),
                ("manchester city", "mancity"),
                ("man city", "mancity"),
                ("manchester united", "manutd"),
                ("man united", "manutd"),
                ("man utd", "manutd"),
                ("united states", "us"),
                ("usa", "us"),
                ("america", "us"),
                ("american", "us"),
                ("united kingdom", "uk"),
                ("french", "france"),
                ("german", "germany"),
                ("chinese", "china"),
                ("japanese", "japan"),
                ("russian", "russia"),
                ("ukrainian", "ukraine"),
                ("italian", "italy"),
                ("spanish", "spain"),
                ("indian", "india"),
                ("irish", "ireland"),
                ("canadian", "canada"),
                ("mexican", "mexico"),
                ("brazilian", "brazil"),
                ("australian", "australia"),
                ("european", "europe"),
                ("israeli", "israel"),
                ("palestinian", "palestine"),
                ("iranian", "iran"),
                ("syrian", "syria"),
                ("libyan", "libya"),
                ("egyptian", "egypt"),
                ("turkish", "turkey"),
                ("greek", "greece"),
                ("korean", "korea"),
                ("general motors", "gm"),
                ("volkswagen", "vw"),
                ("hewlett packard", "hp"),
                ("britain", "uk"),
                ("british", "uk"),
                ("great britain", "uk"),
                ("european union", "eu"),
                ("united nations", "un"),
                ("new york city", "nyc"),
                ("new york", "nyc"),
                ("prime minister", "pm"),
                ("premier", "pm"),
                ("buys", "buy"),
                ("buying", "buy"),
                ("bought", "buy"),
                ("acquire", "buy"),
                ("acquires", "buy"),
                ("acquired", "buy"),
                ("acquiring", "buy"),
                ("acquisition", "buy"),
                ("purchase", "buy"),
                ("purchases", "buy"),
                ("takeover", "buy"),
                ("to be bought", "buy"),
                ("cars", "car"),
                ("vehicle", "car"),
                ("vehicles", "car"),
                ("autos", "car"),
                ("automaker", "carmaker"),
                ("automakers", "carmaker"),
                ("stocks", "stock"),
                ("equities", "stock"),
                ("shares", "stock"),
                ("stockholders", "shareholder"),
                ("shareholders", "shareholder"),
                ("dies", "die"),
                ("died", "die"),
                ("dead", "die"),
                ("death", "die"),
                ("deaths", "die"),
                ("killed", "die"),
                ("kills", "die"),
                ("kill", "die"),
                ("fatal", "die"),
                ("hurt", "injured"),
                ("wounded", "injured"),
                ("injures", "injured"),
                ("rises", "rise"),
                ("rise", "rise"),
                ("rose", "rise"),
                ("rising", "rise"),
                ("climbs", "rise"),
                ("climb", "rise"),
                ("gains", "rise"),
                ("gain", "rise"),
                ("jumps", "rise"),
                ("jump", "rise"),
                ("soars", "rise"),
                ("surges", "rise"),
                ("surge", "rise"),
                ("higher", "rise"),
                ("increase", "rise"),
                ("increases", "rise"),
                ("increased", "rise"),
                ("falls", "fall"),
                ("fall", "fall"),
                ("fell", "fall"),
                ("falling", "fall"),
                ("drops", "fall"),
                ("drop", "fall"),
                ("dropped", "fall"),
                ("slips", "fall"),
                ("slip", "fall"),
                ("slides", "fall"),
                ("slide", "fall"),
                ("declines", "fall"),
                ("decline", "fall"),
                ("declined", "fall"),
                ("dips", "fall"),
                ("dip", "fall"),
                ("sinks", "fall"),
                ("sink", "fall"),
                ("tumbles", "fall"),
                ("tumble", "fall"),
                ("plunges", "fall"),
                ("plunge", "fall"),
                ("lower", "fall"),
                ("slumps", "fall"),
                ("slump", "fall"),
                ("retreats", "fall"),
                ("decrease", "fall"),
                ("weaker", "fall"),
                ("files for", "file"),
                ("bankruptcy protection", "bankruptcy"),
                ("ousted", "oust"),
                ("ousts", "oust"),
                ("sacks", "oust"),
                ("sacked", "oust"),
                ("dismisses", "oust"),
                ("dismissed", "oust"),
                ("weds", "marry"),
                ("wed", "marry"),
                ("marries", "marry"),
                ("married", "marry"),
                ("wedding", "marry"),
                ("halt", "stop"),
                ("halted", "stop"),
                ("halting", "stop"),
                ("mum", "mom"),
                ("hires", "appoint"),
                ("hired", "appoint"),
                ("picks", "appoint"),
                ("picked", "appoint"),
                ("names", "appoint"),
                ("named", "appoint"),
                ("taps", "appoint"),
                ("selects", "appoint"),
                ("chooses", "appoint"),
                ("appoints", "appoint"),
                ("appointed", "appoint"),
                ("ex", "former"),
                ("regulators", "regulator"),
                ("worker", "employee"),
                ("workers", "employee"),
                ("employees", "employee"),
                ("staff", "employee"),
                ("sues", "sue"),
                ("sued", "sue"),
                ("lawsuit", "sue"),
                ("cyberattack", "attack"),
                ("hack", "attack"),
                ("hacked", "attack"),
                ("hackers", "attacker"),
                ("bankrupt", "bankruptcy"),
                ("chapter 11", "bankruptcy"),
                ("reorganization", "bankruptcy"),
                ("nears", "near"),
                ("tops", "top"),
                ("leads", "top"),
                ("smartphone", "phone"),
                ("smartphones", "phone"),
                ("cellphone", "phone"),
                ("cell phone", "phone"),
                ("mobile phone", "phone"),
                ("youngster", "child"),
                ("kids", "child"),
                ("children", "child"),
                ("boy", "child"),
                ("girl", "child"),
                ("seeks", "seek"),
                ("merges", "merge"),
                ("merger", "merge"),
                ("merging", "merge"),
                ("combine", "merge"),
                ("combines", "merge"),
                ("reveals", "reveal"),
                ("revealed", "reveal"),
                ("unveils", "reveal"),
                ("unveiled", "reveal"),
                ("shows off", "reveal"),
                ("announces", "announce"),
                ("announced", "announce"),
                ("launches", "launch"),
                ("launched", "launch"),
                ("releases", "launch"),
                ("released", "launch"),
                ("release", "launch"),
                ("rolls out", "launch"),
                ("debuts", "launch"),
                ("premieres", "launch"),
                ("premiere", "launch"),
                ("rejects", "reject"),
                ("rejected", "reject"),
                ("snubs", "reject"),
                ("spurns", "reject"),
                ("approves", "approve"),
                ("approved", "approve"),
                ("backs", "approve"),
                ("wins", "win"),
                ("won", "win"),
                ("beats", "beat"),
                ("defeats", "beat"),
                ("defeat", "beat"),
                ("loses", "lose"),
                ("lost", "lose"),
                ("arrested", "arrest"),
                ("arrests", "arrest"),
                ("detained", "arrest"),
                ("held", "arrest"),
                ("probe", "investigate"),
                ("probes", "investigate"),
                ("probing", "investigate"),
                ("investigation", "investigate"),
                ("investigates", "investigate"),
                ("investigating", "investigate"),
                ("inquiry", "investigate"),
                ("quits", "resign"),
                ("resigns", "resign"),
                ("steps down", "resign"),
                ("resignation", "resign"),
                ("warns", "warn"),
                ("warning", "warn"),
                ("cuts", "cut"),
                ("slashes", "cut"),
                ("raises", "raise"),
                ("hikes", "raise"),
                ("hike", "raise"),
                ("firm", "company"),
                ("firms", "company"),
                ("companies", "company"),
                ("government", "govt"),
                ("gov", "govt"),
                ("president", "pres"),
                ("lawmakers", "congress"),
                ("congressional", "congress"),
                ("tv", "television"),
                ("film", "movie"),
                ("films", "movie"),
                ("movies", "movie"),
                ("biggest", "largest"),
                ("big", "large"),
                ("huge", "large"),
                ("record", "record"),
                ("pct", "percent"),
                ("per cent", "percent"),
            ],
            Lang::Vi => &[
                ("quốc lộ", "ql"),
                ("đô la mỹ", "usd"),
                ("đô la", "usd"),
                ("tử vong", "chết"),
                ("thiệt mạng", "chết"),
                ("tử nạn", "chết"),
                ("qua đời", "chết"),
                ("hoa kỳ", "mỹ"),
                ("tq", "trung quốc"),
                ("vna", "vietnam airlines"),
                ("asean", "đông nam á"),
                ("isis", "is"),
                ("isil", "is"),
                ("nhà nước hồi giáo", "is"),
                ("tp hcm", "hcm"),
                ("tphcm", "hcm"),
                ("tp hồ chí minh", "hcm"),
                ("thành phố hồ chí minh", "hcm"),
                ("hồ chí minh", "hcm"),
                ("sài gòn", "hcm"),
                ("ô tô", "ôtô"),
                ("xe hơi", "ôtô"),
                ("xế hộp", "ôtô"),
                ("xế sang", "ôtô"),
                ("bắt giữ", "bắt"),
                ("bắt khẩn cấp", "bắt"),
                ("tóm gọn", "bắt"),
                ("tóm", "bắt"),
                ("cưỡng hiếp", "hiếp"),
                ("hiếp dâm", "hiếp"),
                ("hãm hiếp", "hiếp"),
                ("cảnh sát giao thông", "csgt"),
                ("đội tuyển quốc gia", "đt"),
                ("đội tuyển", "đt"),
                ("tuyển", "đt"),
                ("đtqg", "đt"),
                // (the English table's word, so that a headline read as English meets it)
                ("manchester united", "manutd"),
                ("man united", "manutd"),
                ("man utd", "manutd"),
                ("mu", "manutd"),
                ("manchester city", "mancity"),
                ("man city", "mancity"),
                ("đoạt", "giành"),
                ("huấn luyện viên", "hlv"),
                ("doanh nghiệp", "côngty"),
                ("công ty", "côngty"),
                ("dn", "côngty"),
                ("tỉ", "tỷ"),
                ("cảng hàng không", "sânbay"),
                ("sân bay", "sânbay"),
                ("máy bay", "máybay"),
                ("chiến đấu cơ", "chiếncơ"),
                ("chiến cơ", "chiếncơ"),
                ("thủ lãnh", "thủlĩnh"),
                ("thủ lĩnh", "thủlĩnh"),
                ("khởi công", "khởicông"),
                ("giấy phép lái xe", "gplx"),
                ("thi hành án", "thihànhán"),
                ("thượng úy", "sĩquan"),
                ("xe buýt", "xebuýt"),
                ("xe bus", "xebuýt"),
                ("mang thai", "mangthai"),
                ("mang bầu", "mangthai"),
                ("có bầu", "mangthai"),
                ("khâm phục", "thánphục"),
                ("thán phục", "thánphục"),
                ("nhật bản", "nhật"),
                ("bảng xếp hạng", "bxh"),
                ("cổ động viên", "cđv"),
                ("ẩu đả", "ẩuđả"),
                ("đánh nhau", "ẩuđả"),
                ("thở phào", "nhẹnhõm"),
                ("nhẹ nhõm", "nhẹnhõm"),
                ("liên minh châu âu", "eu"),
                ("châu âu", "eu"),
                ("dừng hoạt động", "đìnhchỉ"),
                ("đình chỉ", "đìnhchỉ"),
            ],
            Lang::De => &[
                ("vereinigte staaten", "usa"),
                ("us", "usa"),
                ("kauft", "kaufen"),
                ("kauf", "kaufen"),
                ("ubernimmt", "kaufen"),
                ("ubernahme", "kaufen"),
                ("tot", "sterben"),
                ("tote", "sterben"),
                ("toten", "sterben"),
                ("stirbt", "sterben"),
                ("gestorben", "sterben"),
                ("getotet", "sterben"),
                ("steigt", "hoch"),
                ("steigen", "hoch"),
                ("gestiegen", "hoch"),
                ("hoher", "hoch"),
                ("fallt", "runter"),
                ("fallen", "runter"),
                ("sinkt", "runter"),
                ("sinken", "runter"),
                ("niedriger", "runter"),
                ("auto", "wagen"),
                ("autos", "wagen"),
                ("fahrzeug", "wagen"),
                ("fahrzeuge", "wagen"),
                ("bundeskanzler", "kanzler"),
                ("regierung", "regierung"),
                ("festgenommen", "festnahme"),
                ("verhaftet", "festnahme"),
            ],
            Lang::Fr => &[
                ("etats unis", "usa"),
                ("americain", "usa"),
                ("americains", "usa"),
                ("achete", "acheter"),
                ("rachete", "acheter"),
                ("rachat", "acheter"),
                ("acquiert", "acheter"),
                ("mort", "mourir"),
                ("morts", "mourir"),
                ("meurt", "mourir"),
                ("deces", "mourir"),
                ("tue", "mourir"),
                ("tues", "mourir"),
                ("hausse", "monte"),
                ("augmente", "monte"),
                ("progresse", "monte"),
                ("baisse", "descend"),
                ("recule", "descend"),
                ("chute", "descend"),
                ("voiture", "auto"),
                ("voitures", "auto"),
                ("vehicules", "auto"),
                ("premier ministre", "pm"),
            ],
            Lang::Es => &[
                ("estados unidos", "eeuu"),
                ("ee uu", "eeuu"),
                ("compra", "comprar"),
                ("adquiere", "comprar"),
                ("muertos", "morir"),
                ("muertes", "morir"),
                ("fallecidos", "morir"),
                ("muere", "morir"),
                ("sube", "subir"),
                ("aumenta", "subir"),
                ("baja", "bajar"),
                ("cae", "bajar"),
                ("coche", "auto"),
                ("coches", "auto"),
                ("carro", "auto"),
                ("vehiculo", "auto"),
                ("detenido", "detener"),
                ("detenidos", "detener"),
            ],
        }
    }

    /// Pairs of words (as [`Lang::synonyms`] leaves them) that say opposite things: two
    /// headlines that use one each are different stories ("Stocks rise" and "Stocks fall").
    pub fn opposites(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => &[
                ("rise", "fall"),
                ("win", "lose"),
                ("beat", "lose"),
                ("approve", "reject"),
                ("open", "close"),
                ("raise", "cut"),
                ("hire", "fire"),
                ("high", "low"),
                ("gain", "loss"),
                ("profit", "loss"),
                ("surplus", "deficit"),
                ("early", "late"),
                ("earlier", "later"),
                ("start", "end"),
                ("lift", "impose"),
                ("accept", "reject"),
                ("guilty", "innocent"),
                ("convicted", "acquitted"),
                ("injured", "die"),
                ("boost", "hurt"),
                ("strong", "weak"),
                ("best", "worst"),
                ("before", "after"),
                ("join", "leave"),
                ("extend", "end"),
                ("can", "cannot"),
                ("issue", "lift"),
                ("extend", "cut"),
                ("enter", "end"),
                ("throw", "catch"),
                ("pass", "block"),
                ("arrest", "release"),
                ("reopen", "close"),
                ("for", "against"),
                ("new", "removed"),
                ("send", "knock"),
                ("keep", "lose"),
                ("confirm", "deny"),
                ("buy", "sell"),
                ("scrap", "rise"),
            ],
            Lang::Vi => &[
                ("tăng", "giảm"),
                ("từ bỏ", "tiếp tục"),
                ("nối lại", "dừng"),
                ("giảm", "giữ nguyên"),
                ("thắng", "thua"),
                ("mở", "đóng"),
                ("đầu", "cuối"),
                ("lên", "xuống"),
                ("cao", "thấp"),
                ("lãi", "lỗ"),
                ("phục", "dốc"),
            ],
            Lang::De => &[
                ("hoch", "runter"),
                ("gewinnt", "verliert"),
                ("sieg", "niederlage"),
                ("offnet", "schliesst"),
                ("plus", "minus"),
                ("gewinn", "verlust"),
            ],
            Lang::Fr => &[
                ("monte", "descend"),
                ("gagne", "perd"),
                ("victoire", "defaite"),
                ("ouvre", "ferme"),
                ("hausse", "baisse"),
            ],
            Lang::Es => &[
                ("subir", "bajar"),
                ("gana", "pierde"),
                ("victoria", "derrota"),
                ("abre", "cierra"),
            ],
        }
    }

    /// Words that turn a statement around: a headline with one of them and one without are
    /// different stories ("Apple will not…", "Không…").
    pub fn negations(self) -> &'static [&'static str] {
        match self {
            Lang::En => &[
                "not",
                "no",
                "never",
                "cannot",
                "cant",
                "wont",
                "dont",
                "doesnt",
                "didnt",
                "isnt",
                "arent",
                "wasnt",
                "without",
                "fails",
                "failed",
                "fail",
                "denies",
                "deny",
                "denied",
                "rules out",
                "refuses",
                "halts",
                "stops",
                "scraps",
                "drops plan",
                "nor",
                "neither",
                "false",
                "fake",
                "myth",
                "debunks",
                "miss out",
                "misses out",
                "missed out",
            ],
            Lang::Vi => &[
                "không",
                "chưa",
                "chẳng",
                "bác bỏ",
                "phủ nhận",
                "lật tẩy",
                "hoãn",
                "lùi",
            ],
            Lang::De => &[
                "nicht",
                "kein",
                "keine",
                "keinen",
                "keiner",
                "nie",
                "niemals",
                "ohne",
                "dementiert",
                "stoppt",
                "scheitert",
            ],
            Lang::Fr => &[
                "ne", "pas", "jamais", "sans", "aucun", "aucune", "dement", "refuse", "echoue", "n",
            ],
            Lang::Es => &[
                "no", "nunca", "sin", "ningun", "ninguna", "niega", "rechaza", "fracasa", "jamas",
            ],
        }
    }

    /// Common words of the language that are not its stop words (they may tell stories apart)
    /// but tell which language a headline is in: German's demonstratives, possessives and
    /// conjunctions ("Dank dieser Lebensmittel wachsen eure Haare viel schneller" has none of
    /// its stop words but "dieser", "eure" and "viel"), and the like in French and Spanish.
    /// [`Lang::guess`] counts them with the stop words, where English does not use them.
    pub fn telling_words(self) -> &'static [&'static str] {
        match self {
            Lang::De => &[
                "dieser", "diese", "dieses", "diesem", "diesen", "euer", "eure", "euren", "unser",
                "unsere", "unseren", "viel", "viele", "vielen", "sehr", "aber", "wenn", "weil",
                "durch", "unter", "zwischen", "seit", "wieder", "immer", "alle", "allen", "nur",
                "doch", "dann", "bereits", "wegen", "trotz", "ihren", "ihrem", "seinen",
                "seinem", "seiner", "neue", "neuen", "neuer", "wurden", "worden", "muss", "mussen",
                "darf", "heute", "gibt", "geht", "laut", "sowie", "zwei", "drei",
            ],
            Lang::Fr => &[
                "mais", "avant", "chez", "vers", "sous", "depuis", "aussi", "encore", "tres",
                "nouveau", "nouvelle", "nouvelles", "deux", "trois", "ete", "fait", "peut",
                "doit", "veut", "sera", "etre", "avoir", "comme", "contre", "pendant", "notre",
                "votre", "nos", "vos", "lui", "eux",
            ],
            Lang::Es => &[
                "pero", "segun", "hasta", "desde", "muy", "tambien", "cuando", "porque",
                "nuevo", "nueva", "nuevos", "nuevas", "dos", "tres", "contra", "durante",
                "puede", "debe", "quiere", "sera", "estan", "nuestro", "nuestra", "cada",
            ],
            Lang::En | Lang::Vi => &[],
        }
    }

    /// Number words and the values they stand for.
    pub fn number_words(self) -> &'static [(&'static str, f64)] {
        match self {
            Lang::En => &[
                ("one", 1.0),
                ("two", 2.0),
                ("three", 3.0),
                ("four", 4.0),
                ("five", 5.0),
                ("six", 6.0),
                ("seven", 7.0),
                ("eight", 8.0),
                ("nine", 9.0),
                ("ten", 10.0),
                ("eleven", 11.0),
                ("twelve", 12.0),
                ("thirteen", 13.0),
                ("fourteen", 14.0),
                ("fifteen", 15.0),
                ("sixteen", 16.0),
                ("seventeen", 17.0),
                ("eighteen", 18.0),
                ("nineteen", 19.0),
                ("twenty", 20.0),
                ("thirty", 30.0),
                ("forty", 40.0),
                ("fifty", 50.0),
                ("sixty", 60.0),
                ("seventy", 70.0),
                ("eighty", 80.0),
                ("ninety", 90.0),
                ("hundred", 100.0),
                ("hundreds", 100.0),
                ("thousands", 1000.0),
                ("millions", 1e6),
                ("dozen", 12.0),
                ("first", 1.0),
                ("second", 2.0),
                ("third", 3.0),
                ("fourth", 4.0),
                ("fifth", 5.0),
                ("sixth", 6.0),
                ("seventh", 7.0),
                ("tenth", 10.0),
                ("half", 0.5),
                ("quarter", 0.25),
                ("once", 1.0),
                ("twice", 2.0),
            ],
            // (not "một", "ba" and "năm": an article, "Ba Lan", a year)
            Lang::Vi => &[
                ("hai", 2.0),
                ("bốn", 4.0),
                ("sáu", 6.0),
                ("bảy", 7.0),
                ("tám", 8.0),
                ("chín", 9.0),
                ("mười", 10.0),
                ("ba", 3.0),
            ],
            Lang::De => &[
                ("zwei", 2.0),
                ("drei", 3.0),
                ("vier", 4.0),
                ("funf", 5.0),
                ("sechs", 6.0),
                ("sieben", 7.0),
                ("acht", 8.0),
                ("neun", 9.0),
                ("zehn", 10.0),
                ("elf", 11.0),
                ("zwolf", 12.0),
                ("dreizehn", 13.0),
                ("vierzehn", 14.0),
                ("funfzehn", 15.0),
                ("sechzehn", 16.0),
                ("siebzehn", 17.0),
                ("achtzehn", 18.0),
                ("neunzehn", 19.0),
                ("zwanzig", 20.0),
                ("dreissig", 30.0),
                ("dreißig", 30.0),
                ("vierzig", 40.0),
                ("funfzig", 50.0),
                ("sechzig", 60.0),
                ("siebzig", 70.0),
                ("achtzig", 80.0),
                ("neunzig", 90.0),
                ("hundert", 100.0),
            ],
            Lang::Fr => &[
                ("deux", 2.0),
                ("trois", 3.0),
                ("quatre", 4.0),
                ("cinq", 5.0),
                ("six", 6.0),
                ("sept", 7.0),
                ("huit", 8.0),
                ("neuf", 9.0),
                ("dix", 10.0),
                ("onze", 11.0),
                ("douze", 12.0),
                ("treize", 13.0),
                ("quatorze", 14.0),
                ("quinze", 15.0),
                ("seize", 16.0),
                ("vingt", 20.0),
                ("trente", 30.0),
                ("quarante", 40.0),
                ("cinquante", 50.0),
                ("soixante", 60.0),
                ("cent", 100.0),
            ],
            Lang::Es => &[
                ("dos", 2.0),
                ("tres", 3.0),
                ("cuatro", 4.0),
                ("cinco", 5.0),
                ("seis", 6.0),
                ("siete", 7.0),
                ("ocho", 8.0),
                ("nueve", 9.0),
                ("diez", 10.0),
                ("once", 11.0),
                ("doce", 12.0),
                ("trece", 13.0),
                ("catorce", 14.0),
                ("quince", 15.0),
                ("dieciseis", 16.0),
                ("diecisiete", 17.0),
                ("dieciocho", 18.0),
                ("diecinueve", 19.0),
                ("veinte", 20.0),
                ("treinta", 30.0),
                ("cuarenta", 40.0),
                ("cincuenta", 50.0),
                ("cien", 100.0),
            ],
        }
    }

    /// Day names, relative days and month abbreviations: two headlines that name different ones
    /// are different stories. The months themselves are those the card writes dates with
    /// ([`Lang::months`]).
    pub fn days(self) -> &'static [&'static str] {
        match self {
            Lang::En => &[
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
                "jan",
                "feb",
                "mar",
                "apr",
                "jun",
                "jul",
                "aug",
                "sep",
                "sept",
                "oct",
                "nov",
                "dec",
                "yesterday",
                "today",
                "tomorrow",
                "tonight",
            ],
            Lang::Vi => &["hôm qua", "hôm nay", "ngày mai", "tối nay", "sáng nay"],
            Lang::De => &[
                "montag",
                "dienstag",
                "mittwoch",
                "donnerstag",
                "freitag",
                "samstag",
                "sonntag",
                "gestern",
                "heute",
                "morgen",
            ],
            Lang::Fr => &[
                "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
                "demain",
            ],
            Lang::Es => &[
                "lunes",
                "martes",
                "miercoles",
                "jueves",
                "viernes",
                "sabado",
                "domingo",
                "ayer",
                "hoy",
                "manana",
            ],
        }
    }

    /// The month names, lowercase and folded, of [`crate::dates`], which writes dates with them
    /// (`März` read as `marz`; Vietnamese months are numbers, `tháng 5`). English "May" is left
    /// out, a verb as often as a month.
    pub fn months(self) -> impl Iterator<Item = Cow<'static, str>> {
        let tag = match self {
            Lang::En => "en",
            Lang::Vi => "vi",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
        };
        crate::dates::month_names(tag)
            .into_iter()
            .flatten()
            .filter(|m| !m.eq_ignore_ascii_case("may"))
            .map(|&m| {
                if m.bytes().all(|b| b.is_ascii_lowercase()) {
                    Cow::Borrowed(m)
                } else {
                    Cow::Owned(fold_diacritics(&m.to_lowercase()))
                }
            })
    }
}

/// Scales written after a number, folded, with their factors: `$2.1 bln`, `2 triệu`, `3 Mrd.`.
pub const SCALES: &[(&str, f64)] = &[
    ("k", 1e3),
    ("thousand", 1e3),
    ("thousands", 1e3),
    ("nghìn", 1e3),
    ("ngàn", 1e3),
    ("tausend", 1e3),
    ("mille", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("mio", 1e6),
    ("million", 1e6),
    ("millions", 1e6),
    ("millionen", 1e6),
    ("millon", 1e6),
    ("millones", 1e6),
    ("triệu", 1e6),
    ("b", 1e9),
    ("bn", 1e9),
    ("bln", 1e9),
    ("billion", 1e9),
    ("billions", 1e9),
    ("milliard", 1e9),
    ("milliards", 1e9),
    ("milliarde", 1e9),
    ("milliarden", 1e9),
    ("mrd", 1e9),
    ("tỷ", 1e9),
    ("tỉ", 1e9),
    ("tn", 1e12),
    ("trn", 1e12),
    ("trln", 1e12),
    ("trillion", 1e12),
    ("trillions", 1e12),
    ("billones", 1e12),
];

/// Units a number is written in: two numbers compare only in the same one. A currency symbol
/// before the number (`$`, `€`, `£`) counts too.
pub const UNITS: &[(&str, &str)] = &[
    ("%", "%"),
    ("percent", "%"),
    ("prozent", "%"),
    ("pc", "%"),
    ("pct", "%"),
    ("phần trăm", "%"),
    ("por ciento", "%"),
    ("pour cent", "%"),
    ("per cent", "%"),
    ("$", "usd"),
    ("usd", "usd"),
    ("us$", "usd"),
    ("dollars", "usd"),
    ("dollar", "usd"),
    ("đô la", "usd"),
    ("đô", "usd"),
    ("€", "eur"),
    ("eur", "eur"),
    ("euro", "eur"),
    ("euros", "eur"),
    ("£", "gbp"),
    ("gbp", "gbp"),
    ("pounds", "gbp"),
    ("bảng", "gbp"),
    ("đồng", "vnd"),
    ("vnd", "vnd"),
    ("yen", "jpy"),
    ("¥", "jpy"),
    ("km", "km"),
    ("kg", "kg"),
    ("tấn", "t"),
    ("tons", "t"),
    ("tonnes", "t"),
];

/// What wires and sites put before a headline: `UPDATE 2-`, `VIDEO:`, `REFILE-`. Matched folded
/// at the start, followed by `-`, `:`, `|` or white space; numbers after a mark (`UPDATE 2`) go
/// with it.
pub const LEADING_MARKS: &[&str] = &[
    "update",
    "updated",
    "refile",
    "rpt",
    "corrected",
    "wrapup",
    "brief",
    "breaking",
    "breaking news",
    "exclusive",
    "video",
    "videos",
    "watch",
    "live",
    "photos",
    "photo",
    "gallery",
    "revealed",
    "report",
    "analysis",
    "opinion",
    "podcast",
    "audio",
    "direct",
    "en direct",
    "video",
    "urgent",
    "eilmeldung",
    "liveticker",
    "ticker",
    "te puede interesar",
    "volver a la noticia",
    "ultima hora",
    "nóng",
    "clip",
    "trực tiếp",
    "tin nóng",
    "sốc",
    "chính thức",
];

/// What wires and sites put after a headline: ` - Reuters`, ` | AP News`, ` (VIDEO)`,
/// ` -- Update`, ` (2)`. Matched folded at the end, after a separator or in brackets.
pub const TRAILING_MARKS: &[&str] = &[
    "reuters",
    "ap",
    "ap news",
    "afp",
    "dpa",
    "apa",
    "efe",
    "ansa",
    "bloomberg",
    "upi",
    "update",
    "updated",
    "2nd update",
    "3rd update",
    "4th update",
    "video",
    "videos",
    "photos",
    "interactive",
    "live",
    "sources",
    "source",
    "report",
    "study",
    "analyst blog",
    "ttxvn",
    "vna",
    "video",
];

/// Words for people, one of [`KINDS`] (as [`super::words`] leaves them: stemmed, and without
/// diacritics).
pub const PEOPLE: &[&str] = &[
    "man", "woman", "men", "women", "child", "mother", "father", "wif", "husband", "son",
    "daughter", "teen", "vo", "chong", "con", "me", "bo", "cha",
    // (German, French and Spanish; not "Kind", "père" or "mari", which are also "kind",
    // "per" and a name as read)
    "mann", "frau", "mutt", "vater", "sohn", "tocht", "eheman", "ehefrau", "homm", "femm",
    "mer", "fils", "fill", "enfant", "epous", "hombr", "mujer", "madr", "padr", "hijo", "hija",
    "nino", "marido", "esposa", "esposo",
];

/// Kinds of things where one swapped for another makes another story: units of time, metals
/// and fuels, currencies, people, transport, weather (as [`super::words`] leaves them: stemmed,
/// and without diacritics).
pub const KINDS: &[&[&str]] = &[
    &[
        "day", "week", "month", "year", "hour", "ngay", "tuan", "thang", "nam", "tag", "woch",
        "monat", "jahr", "jour", "semain", "moi", "an", "dia", "seman", "mes", "ano",
    ],
    &[
        "gold", "silver", "oil", "gas", "petrol", "copper", "vang", "bac", "xang", "dau", "dien",
        "gol", "silb", "ol",
    ],
    &[
        "usd", "dollar", "euro", "yen", "pound", "yuan", "sterling", "rupe",
    ],
    PEOPLE,
    &[
        "tram", "bus", "train", "rail", "metro", "subway", "ferry", "plan", "flight", "taxi",
    ],
    &[
        "flood",
        "fir",
        "wildfir",
        "storm",
        "earthquak",
        "drought",
        "snow",
        "heatwav",
        "cold",
    ],
];

/// Words that make a piece about a story rather than the story's report: an explainer, an
/// analysis, a review, a reaction ("Why…", "What it means for…", "Phản hồi việc…"). A headline
/// with one of them and one without are two pieces. Written folded.
pub const ANGLES: &[&str] = &[
    "why",
    "how",
    "what",
    "who won",
    "means",
    "meaning",
    "explained",
    "explainer",
    "analysis",
    "review",
    "reviews",
    "reaction",
    "reactions",
    "response",
    "lessons",
    "behind",
    "inside",
    "timeline",
    "things to know",
    "winners and losers",
    "what to watch",
    "opinion",
    "editorial",
    "vi sao",
    "tai sao",
    "phan hoi",
    "nguyen nhan",
    "bai hoc",
    "hau truong",
    "chan dung",
    "toan canh",
    "la ai",
    "the nao",
    "warum",
    "wie",
    "analyse",
    "kommentar",
    "hintergrund",
    "pourquoi",
    "comment",
    "decryptage",
    "por que",
    "como",
    "analisis",
];

/// Words that make a report of an attempt rather than of what it tried ("Libya MPs in new bid to
/// oust PM" is not "Libya MPs oust premier"): a headline with one of them and one without tell
/// two stages of a story. Written folded.
pub const ATTEMPTS: &[&str] = &[
    "bid to",
    "in bid",
    "attempt to",
    "attempts to",
    "attempting to",
    "attempted to",
    "try to",
    "tries to",
    "tried to",
    "trying to",
    "versuch",
    "versucht",
    "tentative de",
    "tente de",
    "intento de",
    "intenta",
    "tim cach",
];

/// [`ATTEMPTS`], indexed.
pub fn attempts() -> &'static Phrases<()> {
    static ATTEMPT_PHRASES: OnceLock<Phrases<()>> = OnceLock::new();
    ATTEMPT_PHRASES.get_or_init(|| Phrases::new(ATTEMPTS.iter().map(|a| (*a, ()))))
}

/// [`ANGLES`], indexed.
pub fn angles() -> &'static Phrases<()> {
    static ANGLE_PHRASES: OnceLock<Phrases<()>> = OnceLock::new();
    ANGLE_PHRASES.get_or_init(|| Phrases::new(ANGLES.iter().map(|a| (*a, ()))))
}

/// Words or phrases with a value each, sorted and searched by halves: the lists are small, built
/// once, and need no hashing code in the WebAssembly module (std's hash tables cost it about
/// 11 KB). They are sorted by length first, so that most steps of a search compare two lengths
/// rather than two strings (under `perf`, these comparisons were the largest part of reading a
/// headline): `pipeline::story` of the seed in a release build took 200 µs against 247 (the
/// median of three runs of each, interleaved, each the best of 15 batches of 200). The first
/// value given for a key is the one kept.
#[derive(Debug)]
pub struct Sorted<V> {
    /// (the lists' own words, not copies: most are the source's string constants)
    entries: Vec<(Cow<'static, str>, V)>,
}

impl<V> Sorted<V> {
    fn new<S: Into<Cow<'static, str>>>(entries: impl IntoIterator<Item = (S, V)>) -> Sorted<V> {
        let mut entries: Vec<(Cow<'static, str>, V)> =
            entries.into_iter().map(|(k, v)| (k.into(), v)).collect();
        // (a stable sort: of equal keys the first given stays first, and dedup keeps it)
        entries.sort_by(|a, b| by_length(&a.0, &b.0));
        entries.dedup_by(|later, first| later.0 == first.0);
        Sorted { entries }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        let i = self
            .entries
            .binary_search_by(|(k, _)| by_length(k, key))
            .ok()?;
        Some(&self.entries[i].1)
    }

    /// Whether `key` is there.
    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

/// The order of [`Sorted`]: by length, then by bytes.
fn by_length(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// Phrases of one or more words, each with a value, looked up at the start of a run of words.
#[derive(Debug)]
pub struct Phrases<V> {
    one: Sorted<V>,
    many: Sorted<V>,
    /// The first words of the phrases of several words.
    starts: Sorted<()>,
    longest: usize,
}

impl<V> Phrases<V> {
    fn new<S: Into<Cow<'static, str>>>(entries: impl IntoIterator<Item = (S, V)>) -> Phrases<V> {
        let (mut one, mut many, mut starts) = (Vec::new(), Vec::new(), Vec::new());
        let mut longest = 1;
        for (phrase, value) in entries {
            let phrase: Cow<'static, str> = phrase.into();
            match phrase.split_once(' ') {
                None => one.push((phrase, value)),
                Some((first, _)) => {
                    let first: Cow<'static, str> = match &phrase {
                        Cow::Borrowed(p) => Cow::Borrowed(&p[..first.len()]),
                        Cow::Owned(_) => Cow::Owned(first.to_owned()),
                    };
                    starts.push((first, ()));
                    longest = longest.max(phrase.split(' ').count());
                    many.push((phrase, value));
                }
            }
        }
        Phrases {
            one: Sorted::new(one),
            many: Sorted::new(many),
            starts: Sorted::new(starts),
            longest,
        }
    }

    /// The longest phrase at the start of `words`, with its value and how many words it takes.
    pub fn at<S: AsRef<str>>(&self, words: &[S]) -> Option<(&V, usize)> {
        let first = words.first()?.as_ref();
        if self.starts.contains(first) {
            // (the longest phrase joined once, and each shorter one a prefix of it)
            let longest = self.longest.min(words.len());
            let mut joined = String::new();
            let mut ends = Vec::with_capacity(longest);
            for (i, w) in words[..longest].iter().enumerate() {
                if i > 0 {
                    joined.push(' ');
                }
                joined.push_str(w.as_ref());
                ends.push(joined.len());
            }
            for n in (2..=longest).rev() {
                if let Some(v) = self.many.get(&joined[..ends[n - 1]]) {
                    return Some((v, n));
                }
            }
        }
        self.one.get(first).map(|v| (v, 1))
    }
}

/// Every language's stop words, each with the languages it is one of (bit `i` for
/// `Lang::ALL[i]`), for [`Lang::guess`]; and the one-word negations and number words of German,
/// French and Spanish that English does not use, which tell the language as well ("Bahnstreik:
/// Keine Einigung in Sicht" is German by "keine" and "in", not English by "in").
fn all_stop_words() -> &'static StopWords {
    static ALL: OnceLock<StopWords> = OnceLock::new();
    ALL.get_or_init(|| {
        let telling = Lang::ALL
            .iter()
            .enumerate()
            .filter(|(_, l)| matches!(l, Lang::De | Lang::Fr | Lang::Es))
            .flat_map(move |(i, lang)| {
                let numbers = lang.number_words().iter().map(|(w, _)| *w);
                lang.negations()
                    .iter()
                    .copied()
                    .chain(numbers)
                    .chain(lang.telling_words().iter().copied())
                    .filter(move |w| !w.contains(' ') && !english_uses(w))
                    .map(move |w| (w, 1u8 << i))
            });
        // (sorted, then each word's languages merged into one mask: a search per word would
        // compare every pair of the lists' thousand words, on the first render's path)
        let mut words: Vec<(&str, u8)> = Lang::ALL
            .iter()
            .enumerate()
            .flat_map(|(i, lang)| lang.stop_words().iter().map(move |w| (*w, 1u8 << i)))
            .chain(telling)
            .collect();
        // (in place, in the order of `Sorted`: this table is built on the first render's path,
        // and the WebAssembly memory keeps the room its building took)
        words.sort_unstable_by(|a, b| by_length(a.0, b.0));
        words.dedup_by(|later, first| {
            let same = later.0 == first.0;
            if same {
                first.1 |= later.1;
            }
            same
        });
        words.shrink_to_fit();
        StopWords(words)
    })
}

/// Whether English uses `word` as a stop word, a negation or a number word: then it tells no
/// other language.
fn english_uses(word: &str) -> bool {
    Lang::En.stop_words().contains(&word)
        || Lang::En.negations().contains(&word)
        || Lang::En.number_words().iter().any(|(n, _)| *n == word)
}

/// [`all_stop_words`]: each word with its languages' bits, in the order of [`Sorted`].
struct StopWords(Vec<(&'static str, u8)>);

impl StopWords {
    /// The languages `word` is a stop word (or a telling word) of.
    fn get(&self, word: &str) -> Option<&u8> {
        let i = self.0.binary_search_by(|(k, _)| by_length(k, word)).ok()?;
        Some(&self.0[i].1)
    }
}

/// A language's lists, indexed for looking words up.
#[derive(Debug)]
pub struct Tables {
    /// [`Lang::stop_words`].
    pub stop: Sorted<()>,
    /// [`Lang::synonyms`].
    pub synonyms: Phrases<&'static str>,
    /// [`Lang::negations`].
    pub negations: Phrases<()>,
    /// [`Lang::days`] and [`Lang::months`].
    pub dates: Phrases<()>,
    /// [`Lang::opposites`], each side by its stem (as `stem` gives it), with its pair and side:
    /// a word may be a side of several pairs.
    pub opposites: Phrases<Vec<(usize, bool)>>,
}

impl Lang {
    /// The language's lists, indexed (built the first time; `stem` is the stemmer the words
    /// are looked up with).
    pub fn tables(self) -> &'static Tables {
        // (each language's built when a headline in it is first read: a page in one language
        // builds one)
        static TABLES: [OnceLock<Tables>; Lang::ALL.len()] =
            [const { OnceLock::new() }; Lang::ALL.len()];
        let at = Lang::ALL.iter().position(|l| *l == self).unwrap_or(0);
        TABLES[at].get_or_init(|| self.build(false))
    }

    /// The month names of German, French and Spanish together, for a headline whose language is
    /// not sure: a short German one read as English ("Bahnstreik ab 3. März angekündigt") still
    /// names its month, and is another story than the same headline in April.
    pub fn other_months() -> &'static Phrases<()> {
        static MONTHS: OnceLock<Phrases<()>> = OnceLock::new();
        MONTHS.get_or_init(|| {
            Phrases::new(
                [Lang::De, Lang::Fr, Lang::Es]
                    .into_iter()
                    .flat_map(Lang::months)
                    .map(|m| (m, ())),
            )
        })
    }

    /// Whether `word` is a negation of German, French or Spanish that English does not use (one
    /// word, of more than a letter), for a headline whose language is not sure: a short German
    /// one read as English ("Scholz tritt nicht zurück") still says "not", and is another story
    /// than the same headline without it. An English word among them ("sin", "refuse") only
    /// keeps two headlines apart that differ in it. (The lists are short and the question rare:
    /// searched in place rather than indexed.)
    pub fn other_negation(word: &str) -> bool {
        word.chars().nth(1).is_some()
            && [Lang::De, Lang::Fr, Lang::Es]
                .iter()
                .any(|l| l.negations().contains(&word))
            && !english_uses(word)
    }

    /// [`Lang::tables`] for a headline written without its diacritics: Vietnamese's keyed by
    /// its words without them ("Quoc lo 1" is "Quốc lộ 1", "QL1"); the other languages' are so
    /// keyed already.
    pub fn unmarked_tables(self) -> &'static Tables {
        static VI: OnceLock<Tables> = OnceLock::new();
        match self {
            Lang::Vi => VI.get_or_init(|| self.build(true)),
            _ => self.tables(),
        }
    }

    /// The tables, keyed without diacritics where `unmarked`. (Of two words that are one
    /// without them, the first listed keeps its value.)
    fn build(self, unmarked: bool) -> Tables {
        let form = |w: &'static str| -> Cow<'static, str> {
            if unmarked {
                Cow::Owned(fold_diacritics(w))
            } else {
                Cow::Borrowed(w)
            }
        };
        // (a side of one word is looked up by its stem: "issued" meets "issue")
        let key = |w: &'static str| {
            let w = form(w);
            if w.contains(' ') {
                w.into_owned()
            } else {
                super::words::stem(&w, self)
            }
        };
        let mut sides: Vec<(String, Vec<(usize, bool)>)> = Vec::new();
        for (i, (x, y)) in self.opposites().iter().enumerate() {
            for (word, side) in [(key(x), false), (key(y), true)] {
                match sides.iter_mut().find(|(w, _)| *w == word) {
                    Some((_, of)) => of.push((i, side)),
                    None => sides.push((word, vec![(i, side)])),
                }
            }
        }
        Tables {
            stop: Sorted::new(self.stop_words().iter().map(|w| (form(w), ()))),
            synonyms: Phrases::new(self.synonyms().iter().map(|(w, c)| (form(w), *c))),
            negations: Phrases::new(self.negations().iter().map(|n| (form(n), ()))),
            dates: Phrases::new(
                self.days()
                    .iter()
                    .map(|d| (form(d), ()))
                    .chain(self.months().map(|m| (m, ()))),
            ),
            opposites: Phrases::new(sides),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_are_the_date_writers_lowercase_and_folded() {
        let de: Vec<_> = Lang::De.months().collect();
        assert!(de.iter().any(|m| m == "marz") && !de.iter().any(|m| m == "märz"));
        let fr: Vec<_> = Lang::Fr.months().collect();
        assert!(fr.iter().any(|m| m == "aout") && fr.iter().any(|m| m == "decembre"));
        assert_eq!(Lang::Es.months().count(), 12);
        // (English "may" is a verb as often as a month)
        let en: Vec<_> = Lang::En.months().collect();
        assert_eq!(en.len(), 11);
        assert!(en.iter().any(|m| m == "june") && !en.iter().any(|m| m == "may"));
        assert_eq!(Lang::Vi.months().count(), 0);
    }
}
