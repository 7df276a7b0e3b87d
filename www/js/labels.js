// Every string of the views (reader, refrains, search, heatmap, strips, presenter, worksheet), of
// <refrain-compare> and of the classroom page: one source for each label, in English here and in
// French and Chinese in labels-fr.js and labels-zh.js. The page passes English to its views; the
// element and the classroom page pick the language of their `lang`. The English of the group
// comparison and of "Why this rank" is in labels-views.js, which loads with those views.
// No side effect on import.

import { pct, plural } from './util.js';

const en = {
  lang: 'en',
  // <refrain-compare>
  views: 'Views',
  reader: 'Read',
  refrains: 'Refrains',
  search: 'Find',
  heatmap: 'Overview',
  presenter: 'Present',
  groups: 'Compare groups',
  waiting: 'The comparison runs when this part of the page comes into view.',
  loading: 'Comparing the statements…',
  ready: (n, f) => `${plural(n, 'statement')} compared: ${plural(f, 'shared phrasing')}.`,
  noStatements: 'No statements to compare.',
  error: (m) => `The comparison failed: ${m}`,
  searching: 'Searching…',
  searchFailed: (m) => `The search failed: ${m}`,
  showAllStatements: 'Show all statements',
  // counts
  statements: (n) => plural(n, 'statement'),
  speakers: (n) => plural(n, 'speaker'),
  occurrences: (n) => plural(n, 'occurrence'),
  words: (n) => plural(n, 'word'),
  sharedPassages: (n) => plural(n, 'shared passage'),
  quoted: (w) => `“${w}”`,
  // the reader
  addColumn: 'Add a column',
  readerHint:
    'Hover or focus a highlighted passage to see all its occurrences; click it to line the columns up and show its refrain. In a column, Tab to the passages and move between them with the arrow keys.',
  readerHintNarrow: 'Tap a highlighted passage to line the statements up and see its refrain below.',
  selectedRefrain: 'Selected refrain',
  nothingToRead: 'No statements to read: add some in the Statements tab, or load a demo set.',
  passageTitle: (id, root, n, others) =>
    `Refrain ${id}: “${root}” (${plural(n, 'statement')})${others.length ? `; also inside ${others.join(', ')}` : ''}`,
  wordTitle: (op, ref) =>
    ({
      variant: `near-synonym of “${ref}”`,
      substitute: `instead of “${ref}”`,
      insert: 'an added word',
      move: 'a word in another place',
    })[op] || op,
  searchResult: 'Search result',
  sharedShare: (p) => `${pct(p)} shared`,
  textOf: (name) => `Text of ${name}`,
  statementOf: (name) => `Statement: ${name}`,
  column: (i) => `Column ${i}`,
  columnOf: (i, name) => `Column ${i}: ${name}`,
  close: 'Close',
  closeColumn: (i, name) => `Close column ${i} (${name})`,
  passagesOf: (name, n) => `Where ${name}’s ${plural(n, 'shared passage')} lie`,
  refrainId: (id) => `Refrain ${id}`,
  clearSelection: 'Clear selection',
  strongestRefrains: 'Strongest refrains',
  noFamilies: 'No shared phrasing found between these statements.',
  // a family
  diffTitle: (op, text, ref) =>
    ({
      variant: `near-synonym: “${text}” where the root has “${ref}”`,
      substitute: `other word: “${text}” where the root has “${ref}”`,
      insert: 'not in the root',
      delete: 'left out',
      move: 'same word at another place',
    })[op] || op,
  timeline: (first, who, desc) => `Timeline. First use ${first}${who ? ` by ${who}` : ''}. ${desc}`,
  alike: (p) => `${pct(p)} alike`,
  wordingsOf: (root) => `Wordings of “${root}”`,
  readIn: (text, name) => `Read “${text}” in ${name}`,
  moreWordings: (n) => `${n} more wordings in the export.`,
  wordsThatVary: 'Words that vary',
  isAlso: 'is also',
  firstUse: 'First use:',
  inStatement: (name) => `in ${name}`,
  // strips
  stripsLabel: 'Where each statement’s shared passages lie',
  stripFigures: (n, share) =>
    `${plural(n, 'shared passage')}${share !== null ? ` · ${pct(share)} of content words shared` : ''}`,
  read: 'Read',
  readName: (name) => `Read ${name}`,
  // the refrains
  filterLabel: 'Filter refrains by word',
  filterPlaceholder: 'e.g. security',
  refrainsList: 'Refrains, strongest first',
  refrainsSummary: (n, q) =>
    `${plural(n, 'refrain')}${q ? ` containing “${q}”` : ''}, strongest first. Select one to highlight it everywhere.`,
  showInReader: 'Show in the reader',
  showInReaderOf: (id) => `Show in the reader: refrain ${id}`,
  showMore: (k, n) => `Show ${k} more of ${n}`,
  // the search
  findPhrase: 'Find a phrase',
  findLabel: 'Find a phrase and its variants',
  find: 'Find',
  searchPlaceholder: 'e.g. genuine multilateralism',
  findHelp:
    'Finds every place where the phrase or a variant of it occurs (other spellings, inflections, near-synonyms such as true, genuine, real), best first.',
  tryThese: 'Try:',
  foundFor: (total, docs, q, shown) =>
    `${plural(total, 'place')} in ${plural(docs, 'statement')} for “${q}”${total > shown ? ` (best ${shown} shown)` : ''}.`,
  nothingFound: (q) => `Nothing found for “${q}”.`,
  kwicCaption: (q) => `Occurrences of “${q}” in context, best first`,
  score: 'Score',
  statement: 'Statement',
  before: 'Before',
  match: 'Match',
  after: 'After',
  goToMatch: (text, name) => `${text}, in ${name}: show in the reader`,
  partOf: (id, root) => `Part of refrain ${id}: “${root}”`,
  noExactMatch: 'No exact match; closest variants below.',
  translationOf: (phrase) => `translation of ${phrase}`,
  // the heatmap
  heatmapLabel: (n) =>
    `Similarity of ${n} statements: the share of each row’s content words in passages it shares with the column’s statement`,
  heatmapTitle: 'refrain: share of each row’s words in passages shared with the column',
  heatmapNote:
    'Each cell: the share of the row statement’s content words that lie in passages it shares with the column statement. Darker is more. Select a cell (click, or arrow keys and Enter) to read the pair side by side.',
  rowSharesWith: 'Row shares with →',
  rowSharesWithColumn: 'Row shares with column',
  withItself: (a) => `${a} with itself`,
  cellLabel: (a, p, b) => `${a}: ${p} of its content words in passages shared with ${b}`,
  byNumber: 'Statements by number',
  noMatrix: 'No similarity matrix in this report (see the notes in the status line).',
  // the presenter and the worksheet
  slideOf: (i, n) => `Refrain ${i} of ${n}`,
  linesOf: (a, b, n) => (a === b ? `statement ${a} of ${n}` : `statements ${a}–${b} of ${n}`),
  prev: 'Previous',
  next: 'Next',
  reveal: 'Reveal the words',
  hide: 'Hide the words',
  fullScreen: 'Full screen',
  guess: 'Which words fill the blanks? Each speaker fills them differently.',
  sameWords: 'Every speaker uses the same words here.',
  wordsUsed: 'Words used:',
  presenterKeys: '→ next · ← previous · Space reveals · clicker: page keys move, “blank screen” reveals',
  nothingToPresent: 'These statements share no refrain to present.',
  andMore: (n) => `and ${n} more`,
  wsTitle: 'Worksheet: the words that change',
  wsTitleOf: (title) => `${title}: the words that change`,
  wsIntro:
    'The speakers below share set phrases (“refrains”) but change some of their words. Fill in each numbered blank with the word the speaker used. The refrains are listed first, with the words that vary left blank.',
  wsName: 'Name',
  wsDate: 'Date',
  wsRefrains: 'Refrains to look for',
  wsStatements: 'Statements',
  wsKey: 'Answer key',
  wsKeyIntro: 'Each blank with the word the speaker used and the refrain it belongs to.',
  wsOmitted: '[…]',
  wsNone: 'These statements share no refrain whose words vary: there is nothing to fill in.',
  source: 'Source',
  blank: 'blank',
  // the classroom page
  classroom: 'Classroom',
  worksheet: 'Worksheet',
  printWorksheet: 'Print the worksheet',
  classroomFailed: (m) => `The classroom view could not start: ${m}`,
};

// The other languages load on demand: loadLabels(lang) before labelsFor(lang) gives them.
const MODULES = { fr: () => import('./labels-fr.js'), zh: () => import('./labels-zh.js') };
const made = new Map([['en', en]]);

/** The languages the labels exist in. */
export const LANGUAGES = ['en', ...Object.keys(MODULES)];

/** The primary language subtag used for `lang` ("fr-CA" -> "fr", "zh-Hant" -> "zh"; "en" when there are no labels for it). */
export function labelLanguage(lang) {
  const key = String(lang || 'en')
    .toLowerCase()
    .split(/[-_]/)[0];
  return LANGUAGES.includes(key) ? key : 'en';
}

/** The labels for a BCP 47 language tag, English filling any gap: English until loadLabels(lang) has loaded the language. One object per language. */
export function labelsFor(lang) {
  return made.get(labelLanguage(lang)) || en;
}

/** Loads the labels of `lang` (a module of their own, but for English); resolves to labelsFor(lang). */
export async function loadLabels(lang) {
  const key = labelLanguage(lang);
  if (!made.has(key)) {
    const { default: own } = await MODULES[key]();
    made.set(key, { ...en, ...own });
  }
  return made.get(key);
}
