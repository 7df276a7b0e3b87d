//! Word lists: stopwords, common words, British and American spellings, near-synonyms.
//!
//! Each list is small and documented in the README ("Normalization" and "Weights"). They are
//! language resources, like a stopword list: they never name a result, they only say which
//! words compare equal and how much a word weighs.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

/// English function words. They weigh almost nothing and never anchor a finding.
pub(crate) const STOPWORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "among", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "doing", "down", "during", "each", "either", "even", "ever", "every", "few", "for", "from",
    "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
    "i", "if", "in", "into", "is", "it", "its", "itself", "just", "let", "may", "me", "might", "more", "most", "much",
    "must", "my", "myself", "neither", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other",
    "our", "ours", "ourselves", "out", "over", "own", "per", "same", "shall", "she", "should", "since", "so", "some",
    "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
    "those", "though", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very", "via", "was",
    "we", "well", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will",
    "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves", "whereas",
    "therefore", "however", "moreover", "furthermore", "indeed", "already", "still", "s", "t", "de", "la", "le", "el",
    "et",
];

/// Chinese function words, separated by spaces: single characters that carry grammar more than
/// meaning, and the words the word segmenter keeps whole that do the work of the English
/// [`STOPWORDS`] (pronouns, conjunctions, "must", "can", "already", ...). One string, not a list:
/// the list's pointers would cost the WebAssembly build 1 KB.
pub(crate) const STOP_HAN: &str = "的 了 和 与 及 是 在 也 都 而 并 之 其 这 那 我 们 你 他 她 它 将 把 \
    被 对 从 向 为 以 于 等 个 着 过 又 就 所 或 则 但 因 此 该 各 每 要 \
    有 不 一 还 更 最 很 已 仍 再 我们 你们 他们 她们 它们 咱们 自己 这个 那个 \
    这些 那些 这样 那样 这种 以及 或者 但是 而且 并且 因为 所以 因此 如果 虽然 \
    然而 已经 正在 通过 对于 关于 由于 为了 之间 其中 一个 一些 所有 任何 什么 \
    如何 还是 就是 可以 应该 应当 能够 必须 没有 不是 也是 都是 以来 之一 一切 \
    其他 其它 每个 各个 此外 同时 更加 非常";

/// Words very frequent in speeches and in general English: they count, but weigh less.
pub(crate) const COMMON: &[&str] = &[
    "united", "nation", "international", "world", "country", "people", "global", "state", "government", "year", "time",
    "new", "work", "today", "general", "assembly", "president", "secretary", "session", "member", "also", "need",
    "make", "take", "continue", "one", "two", "first", "many", "great", "important", "support", "ensure", "like",
    "including", "part", "way", "would", "said", "say", "know", "see", "come", "give", "mr", "madam", "excellency",
    "ladies", "gentlemen", "thank", "colleague", "dear", "friend", "particular", "well", "high", "level",
    "organization", "community", "issue", "effort", "region", "regional", "national", "future", "life", "right",
    "human", "development", "peace", "security", "cooperation", "economic", "social", "political", "together", "can",
    "will", "let", "must", "today", "day", "year", "make", "made", "want", "hope", "believe",
];

/// True when a comparison form is a stopword: an English function word ([`STOPWORDS`]) or a
/// Chinese one ([`STOP_HAN`]). The set is built once, for the index and queries.
pub(crate) fn is_stopword(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| with_words(STOPWORDS.iter().copied().collect(), STOP_HAN)).contains(norm)
}

/// `set` with the words of `list` (separated by single spaces) added. A loop over bytes: the
/// standard `split` would cost the WebAssembly build more than the list's pointers it saves.
fn with_words(mut set: HashSet<&'static str>, list: &'static str) -> HashSet<&'static str> {
    let mut start = 0;
    for (i, &b) in list.as_bytes().iter().enumerate().chain([(list.len(), &b' ')]) {
        if b == b' ' {
            set.insert(&list[start..i]);
            start = i + 1;
        }
    }
    set
}

/// Chinese words that say what the [`COMMON`] English words say ("international", "world",
/// "country", "people", "development", "peace", "security", "cooperation", ...), separated by
/// spaces: a Chinese formula weighs like its English counterpart.
pub(crate) const COMMON_HAN: &str = "联合 国际 世界 国家 人民 全球 政府 时间 工作 今天 今年 大会 主席 总统 秘书长 \
    会议 成员 需要 继续 许多 伟大 重要 支持 确保 包括 部分 方式 先生 女士 阁下 \
    女士们 先生们 感谢 谢谢 同事 尊敬 朋友 朋友们 特别 水平 组织 社会 问题 努力 \
    地区 区域 未来 生活 权利 发展 和平 安全 合作 经济 政治 一道 一起 希望 相信";

/// True when a comparison form is one of the [`COMMON`] or [`COMMON_HAN`] words. The set is
/// built once.
pub(crate) fn is_common(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| with_words(COMMON.iter().copied().collect(), COMMON_HAN)).contains(norm)
}

/// British spelling -> American spelling, for words no rule covers.
pub(crate) const SPELLING: &[(&str, &str)] = &[
    ("centre", "center"),
    ("theatre", "theater"),
    ("metre", "meter"),
    ("fibre", "fiber"),
    ("litre", "liter"),
    ("calibre", "caliber"),
    ("sombre", "somber"),
    ("spectre", "specter"),
    ("meagre", "meager"),
    ("lustre", "luster"),
    ("sabre", "saber"),
    ("manoeuvre", "maneuver"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("pretence", "pretense"),
    ("practise", "practice"),
    ("practised", "practiced"),
    ("practising", "practicing"),
    ("programme", "program"),
    ("catalogue", "catalog"),
    ("analogue", "analog"),
    ("dialog", "dialogue"),
    ("fulfil", "fulfill"),
    ("fulfilment", "fulfillment"),
    ("enrol", "enroll"),
    ("enrolment", "enrollment"),
    ("instil", "instill"),
    ("distil", "distill"),
    ("grey", "gray"),
    ("ageing", "aging"),
    ("judgement", "judgment"),
    ("acknowledgement", "acknowledgment"),
    ("aluminium", "aluminum"),
    ("cheque", "check"),
    ("tyre", "tire"),
    ("sceptical", "skeptical"),
    ("sceptic", "skeptic"),
    ("aeroplane", "airplane"),
    ("paediatric", "pediatric"),
    ("anaemia", "anemia"),
    ("haemorrhage", "hemorrhage"),
    ("oesophagus", "esophagus"),
    ("foetus", "fetus"),
    ("storey", "story"),
    ("plough", "plow"),
    ("mould", "mold"),
    ("moult", "molt"),
    ("smoulder", "smolder"),
    ("towards", "toward"),
    ("amongst", "among"),
    ("whilst", "while"),
    ("learnt", "learned"),
    ("jewellery", "jewelry"),
    ("draught", "draft"),
    ("kerb", "curb"),
    ("pyjamas", "pajamas"),
    ("gaol", "jail"),
];

/// British stems in -our whose American form is -or (the rest of the word is kept).
pub(crate) const OUR_STEMS: &[&str] = &[
    "labour", "honour", "favour", "colour", "neighbour", "behaviour", "harbour", "vigour", "rigour", "endeavour",
    "humour", "rumour", "armour", "valour", "saviour", "flavour", "odour", "parlour", "splendour", "tumour", "vapour",
    "clamour", "candour", "fervour", "ardour", "rancour", "succour", "demeanour", "savour",
];

/// Stems that double their final l in British inflection (travelled, cancelling, labelled).
pub(crate) const DOUBLE_L_STEMS: &[&str] = &[
    "travel", "cancel", "label", "model", "fuel", "signal", "channel", "level", "counsel", "marshal", "total", "dial",
    "duel", "jewel", "tunnel", "rival", "shovel", "unravel", "marvel", "quarrel", "pencil", "equal", "initial",
    "cruel", "fuel",
];

/// Words ending in -ise that are spelled so in American English too.
pub(crate) const ISE_KEEP: &[&str] = &[
    "rise", "arise", "wise", "otherwise", "likewise", "clockwise", "promise", "premise", "surprise", "exercise",
    "advertise", "advise", "compromise", "enterprise", "franchise", "merchandise", "expertise", "concise", "precise",
    "devise", "revise", "supervise", "televise", "improvise", "disguise", "despise", "chastise", "excise", "incise",
    "circumcise", "comprise", "demise", "apprise", "noise", "poise", "cruise", "bruise", "praise", "raise", "guise",
    "treatise", "paradise", "anise", "mortise", "reprise", "surmise", "vise", "braise", "chemise", "elise", "louise",
    "denise", "valise", "porpoise", "tortoise", "turquoise", "reprise", "upraise", "appraise", "sunrise", "moonrise",
    "uprise", "erase", "reprise",
];

/// Words the plural rule must leave alone.
pub(crate) const PLURAL_KEEP: &[&str] = &[
    "news", "series", "species", "politics", "economics", "physics", "mathematics", "ethics", "always", "perhaps",
    "whereas", "besides", "sometimes", "nevertheless", "various", "serious", "previous", "obvious", "famous",
    "numerous", "analysis", "crisis", "basis", "thesis", "emphasis", "diagnosis", "synopsis", "axis", "chaos",
    "christmas", "atlas", "canvas", "gas", "bias", "alias", "lens", "bus", "plus", "minus", "bonus", "census",
    "consensus", "status", "virus", "focus", "campus", "corpus", "genus", "nexus", "apparatus", "impetus", "stimulus",
    "has", "was", "is", "this", "its", "his", "hers", "ours", "yours", "theirs", "does", "goes", "yes", "unless",
    "across", "less", "process", "progress", "success", "access", "address", "congress", "express", "business",
    "witness", "ness", "mass", "pass", "class", "grass", "glass", "loss", "cross", "boss", "kiss", "arms", "means",
    "thanks", "united", "covid", "sars", "brics", "laos", "paris", "athens", "texas", "honduras", "barbados",
    "bahamas", "cyprus", "belarus", "mauritius", "seychelles", "comoros", "philippines", "maldives", "netherlands",
    "marshall", "tuvalu", "lesotho", "kiribati", "vanuatu",
];

/// Near-synonyms that fill the same slot of a formula. The first word of a set is its
/// representative. Used only when the `synonyms` option is on; a match through this list is
/// reported as a `variant`, never as `equal`.
pub(crate) const SYNONYMS: &[&[&str]] = &[
    &["true", "genuine", "real", "authentic"],
    &["practice", "uphold", "pursue", "champion", "embrace"],
    &["humanity", "mankind", "humankind"],
    &["shared", "common"],
    &["build", "forge", "construct"],
    &["strengthen", "enhance", "reinforce", "deepen"],
    &["cooperation", "collaboration"],
    &["oppose", "reject"],
    &["hegemony", "hegemonism"],
    &["planet", "earth"],
    &["crucial", "vital", "essential", "critical"],
    &["threat", "menace"],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chinese_lists_are_words_separated_by_single_spaces() {
        for list in [STOP_HAN, COMMON_HAN] {
            assert!(list.split(' ').all(|w| !w.is_empty() && !w.contains(char::is_whitespace)), "{list}");
        }
        assert!(is_stopword("我们") && is_stopword("的") && is_stopword("非常") && !is_stopword("发展"));
        assert!(is_common("发展") && is_common("相信") && !is_common("鸿沟"));
    }
}
