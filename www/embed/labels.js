// The element's own labels in English, French and Chinese. `labelsFor(lang)` picks the closest
// language ("fr-CA" -> fr, "zh-Hant" -> zh) and falls back to English for anything missing.
// No side effect on import.

const en = {
  views: 'Views',
  reader: 'Read', refrains: 'Refrains', search: 'Find', heatmap: 'Overview', presenter: 'Present',
  waiting: 'The comparison runs when this part of the page comes into view.',
  loading: 'Comparing the statements…',
  ready: (n, f) => `${n} statements compared: ${f} shared phrasings.`,
  noStatements: 'No statements to compare.',
  error: (m) => `The comparison failed: ${m}`,
  statement: 'Statement',
  selectHint: 'Select a highlighted passage to see every wording of its refrain.',
  refrain: 'Refrain',
  inStatements: (s, p) => `${s} statements · ${p} speakers`,
  wordings: 'Wordings',
  alsoSaid: (w) => `“${w}” is also`,
  firstUse: (d, who) => `First used ${d}${who ? ` by ${who}` : ''}.`,
  close: 'Close',
  showAll: (n) => `Show all ${n}`,
  showAllStatements: 'Show all statements',
  variantOf: (r) => `near-synonym of “${r}”`,
  insteadOf: (r) => `instead of “${r}”`,
  notInRoot: 'word not in the refrain',
  phrase: 'Phrase',
  find: 'Find',
  placeholder: 'e.g. true multilateralism',
  searching: 'Searching…',
  found: (n, s) => `${n} places in ${s} statements.`,
  notFound: 'Not found.',
  score: 'match',
  noFamilies: 'These statements share no phrasing.',
  heatmapCaption: 'How much of each statement (row) is shared with another (column). Select a cell to read the two side by side.',
  cell: (a, b, p) => `${p} of ${a} is shared with ${b}`,
  fromFamily: (r) => `in the refrain “${r}”`,
  attribution: 'Compared with refrain, in this browser.',
};

const fr = {
  views: 'Vues',
  reader: 'Lire', refrains: 'Refrains', search: 'Chercher', heatmap: 'Vue d’ensemble', presenter: 'Présenter',
  waiting: 'La comparaison démarre quand cette partie de la page apparaît.',
  loading: 'Comparaison des déclarations…',
  ready: (n, f) => `${n} déclarations comparées : ${f} formulations partagées.`,
  noStatements: 'Aucune déclaration à comparer.',
  error: (m) => `La comparaison a échoué : ${m}`,
  statement: 'Déclaration',
  selectHint: 'Choisissez un passage surligné pour voir toutes les formulations de son refrain.',
  refrain: 'Refrain',
  inStatements: (s, p) => `${s} déclarations · ${p} orateurs`,
  wordings: 'Formulations',
  alsoSaid: (w) => `« ${w} » devient aussi`,
  firstUse: (d, who) => `Première occurrence : ${d}${who ? `, ${who}` : ''}.`,
  close: 'Fermer',
  showAll: (n) => `Afficher les ${n}`,
  showAllStatements: 'Afficher toutes les déclarations',
  variantOf: (r) => `quasi-synonyme de « ${r} »`,
  insteadOf: (r) => `au lieu de « ${r} »`,
  notInRoot: 'mot absent du refrain',
  phrase: 'Expression',
  find: 'Chercher',
  placeholder: 'p. ex. true multilateralism',
  searching: 'Recherche…',
  found: (n, s) => `${n} passages dans ${s} déclarations.`,
  notFound: 'Introuvable.',
  score: 'ressemblance',
  noFamilies: 'Ces déclarations ne partagent aucune formulation.',
  heatmapCaption: 'Part de chaque déclaration (ligne) partagée avec une autre (colonne). Choisissez une case pour lire les deux côte à côte.',
  cell: (a, b, p) => `${p} de ${a} se retrouve dans ${b}`,
  fromFamily: (r) => `dans le refrain « ${r} »`,
  attribution: 'Comparé par refrain, dans ce navigateur.',
};

const zh = {
  views: '视图',
  reader: '对照阅读', refrains: '套话', search: '查找', heatmap: '概览', presenter: '演示',
  waiting: '滚动到此处时开始比较。',
  loading: '正在比较……',
  ready: (n, f) => `已比较 ${n} 篇发言：${f} 处共同措辞。`,
  noStatements: '没有可比较的发言。',
  error: (m) => `比较失败：${m}`,
  statement: '发言',
  selectHint: '点击高亮的段落，查看该套话的所有说法。',
  refrain: '套话',
  inStatements: (s, p) => `${s} 篇发言 · ${p} 位发言人`,
  wordings: '说法',
  alsoSaid: (w) => `“${w}”也作`,
  firstUse: (d, who) => `最早出现：${d}${who ? `，${who}` : ''}。`,
  close: '关闭',
  showAll: (n) => `显示全部 ${n} 条`,
  showAllStatements: '显示全部发言',
  variantOf: (r) => `“${r}”的近义词`,
  insteadOf: (r) => `替换“${r}”`,
  notInRoot: '套话中没有的词',
  phrase: '短语',
  find: '查找',
  placeholder: '例如 true multilateralism',
  searching: '正在查找……',
  found: (n, s) => `在 ${s} 篇发言中找到 ${n} 处。`,
  notFound: '未找到。',
  score: '相似度',
  noFamilies: '这些发言没有共同措辞。',
  heatmapCaption: '每篇发言（行）与另一篇（列）共有的比例。点击单元格并排阅读两篇。',
  cell: (a, b, p) => `${a} 有 ${p} 见于 ${b}`,
  fromFamily: (r) => `属于套话“${r}”`,
  attribution: '由 refrain 在本浏览器中比较。',
};

export const LABELS = { en, fr, zh };

/** The labels for a BCP 47 language tag (English when unknown), with English filling any gap. */
export function labelsFor(lang) {
  const key = String(lang || 'en').toLowerCase().split(/[-_]/)[0];
  return key === 'en' || !LABELS[key] ? en : { ...en, ...LABELS[key] };
}

/** The primary language subtag actually used for `lang` ("fr", "zh" or "en"). */
export function labelLanguage(lang) {
  const key = String(lang || 'en').toLowerCase().split(/[-_]/)[0];
  return LABELS[key] ? key : 'en';
}
