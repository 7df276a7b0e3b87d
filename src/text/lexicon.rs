//! Word lists: stopwords, common words, British and American spellings, near-synonyms.
//!
//! Each list is small and documented in the README ("Normalization" and "Weights"). They are
//! language resources, like a stopword list: they never name a result, they only say which
//! words compare equal and how much a word weighs.

use std::collections::HashSet;
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

/// Chinese function characters (single Han characters that carry grammar more than meaning).
pub(crate) const STOP_HAN: &[&str] = &[
    "的", "了", "和", "与", "及", "是", "在", "也", "都", "而", "并", "之", "其", "这", "那", "我", "们", "你", "他",
    "她", "它", "将", "把", "被", "对", "从", "向", "为", "以", "于", "等", "个", "着", "过", "又", "就", "所", "或",
    "则", "但", "因", "此", "该", "各", "每", "要", "有", "不", "一",
];

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
/// Chinese function character ([`STOP_HAN`]). The set is built once, for the index and queries.
pub(crate) fn is_stopword(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().chain(STOP_HAN).copied().collect()).contains(norm)
}

/// True when a comparison form is one of the [`COMMON`] words. The set is built once.
pub(crate) fn is_common(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| COMMON.iter().copied().collect()).contains(norm)
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
