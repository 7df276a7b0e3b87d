// The English labels of the group comparison (contrast.js), of "Why this rank" (the refrains'
// cards) and of the search's summary (search.js): they load with those views, not with the page's first modules (labels.js); French and
// Chinese are in labels-fr.js and labels-zh.js like the others. `withViewLabels(L)` gives the
// labels `L` (labels.js) with these filling what its language lacks. No side effect on import.

import { plural } from './util.js';

const en = {
  // the search's summary beside its lines (search.js)
  orderLabel: 'Order',
  orderBest: 'Best first',
  orderDate: 'By date, oldest first',
  summaryTitle: 'Where it is said',
  perYear: 'Places per year',
  perSpeaker: 'Per speaker',
  perGroup: 'Per group',
  perCountry: 'Per country',
  groupName: 'Name',
  places: 'Places',
  showOnly: 'Show only',
  showOnlyGroup: (name) => `Show only ${name}`,
  undatedPlaces: (n) => `${plural(n, 'place')} in undated statements ${n === 1 ? 'is' : 'are'} not in the chart.`,
  exportSummary: 'Export this summary (CSV)',
  // why a family ranks where it does (refrains.js)
  whyRank: 'Why this rank',
  whyMeasures: 'Measures',
  whyFactors: (score) => `Factors of the score (their product, ${score})`,
  whyNames: {
    association: 'association of its words (PMI, bits)',
    log_likelihood: 'log-likelihood (above 10.83: significant)',
    dispersion: 'dispersion over speakers (0: even, 1: one speaker)',
    unevenness: 'unevenness beyond chance',
    repeats: 'uses by a speaker who repeats it',
    burstiness: 'statements using it twice or more',
    years: 'years',
    capitals: 'words with a capital',
    boilerplate: 'at a statement’s start or end',
    reuse: 'reuse',
    length: 'length',
    fixedness: 'fixedness',
    choice: 'choice of words',
    topic: 'topic',
    name: 'name or title',
  },
  yes: 'yes',
  no: 'no',
  // the group comparison (contrast.js)
  contrastIntro:
    'Which refrains one group of statements uses much more than another: each refrain counts all its wordings, per 10,000 words, with a z-score (log-odds ratio with an informative Dirichlet prior; beyond ±1.96, significant at 95%).',
  groupLetter: (g) => `Group ${g}`,
  kinds: { group: 'Groups', speaker: 'Speakers', country: 'Countries', year: 'Years' },
  groupOption: (name, n) => `${name} (${plural(n, 'statement')})`,
  theRestOption: 'The rest (every statement not in A)',
  otherChoices: 'Other choices',
  yearRange: 'A range of years…',
  byHand: 'Statements chosen by hand…',
  fromYear: 'From',
  toYear: 'to',
  statementsOf: (g) => `Statements of group ${g}`,
  swapGroups: 'Swap A and B',
  theRest: 'the rest',
  chosen: (n) => plural(n, 'chosen statement'),
  groupEmpty: (g) => `Group ${g} holds no statement: choose another group, or tick at least one statement.`,
  contrasting: 'Comparing the groups…',
  contrastFailed: (m) => `The comparison of the groups failed: ${m}`,
  contrastSummary: (a, b, sigA, sigB, found) =>
    `${a.name} (${plural(a.statements, 'statement')}) against ${b.name} (${plural(b.statements, 'statement')}): of ${plural(found, 'refrain')}, ${sigA} used significantly more by ${a.name}, ${sigB} by ${b.name}.`,
  contrastShown: (n) => `The plot shows the ${n} most distinctive.`,
  overlapNote: (n, a) => `${plural(n, 'statement')} in both groups ${n === 1 ? 'counts' : 'count'} in ${a} only.`,
  legendSide: (g) => `used significantly more by ${g}`,
  legendNeither: 'no significant difference',
  // the group comparison as slides (embed/contrast-deck.js, the classroom page)
  ctKeys: '→ next · ← previous · Home first · End last · F full screen · clicker: page keys move',
  ctPick: 'Choose the two groups; the slides follow.',
  ctDeckLabel: (a, b) => `${a} and ${b}: what each says more`,
  ctSlideOf: (i, n) => `Slide ${i} of ${n}`,
  ctFormulasOf: (a, b, n) => (a === b ? `formula ${a} of ${n}` : `formulas ${a}–${b} of ${n}`),
  ctGroupsOf: (a, b, n) => `group ${a}${a === b ? '' : `–${b}`} of ${n}`,
  ctSignatureOf: (g) => `Signature formulas of ${g}`,
  ctSaysMore: (g, other) => `What ${g} says much more often than ${other} (significant at 95%).`,
  ctClosest: (g, other) => `${g} says none significantly more often than ${other}; the closest:`,
  ctNone: (g, other) => `${g} uses no refrain more often than ${other}.`,
  ctUses: (a, ca, b, cb) => `${a} ${plural(ca, 'use')} · ${b} ${plural(cb, 'use')}`,
  ctMoreBy: (g) => `Used more by ${g}`,
  ctNotUsed: (g) => `${g} does not use it.`,
  signatureOf: (g) => `Signature formulas of ${g} (used by it much more than by the rest):`,
  noSignature: 'none: it uses no refrain more than the rest do.',
  notSignificant: '(none of them significantly)',
  moreBy: (g) => `Used more by ${g}`,
  noneMore: 'None.',
  bothSay: (w) => `both say “${w}”`,
  groupSays: (g, w) => `${g}: “${w}”`,
  itemFigures: (z, ca, cb, ra, rb) => `z ${z} · ${ca} vs ${cb} uses · ${ra} vs ${rb} per 10,000 words`,
  showAllOf: (n) => `Show all ${n}`,
  showFewer: 'Show fewer',
  plotTitle: (a, b) => `How often ${a} and ${b} use each refrain`,
  plotDesc: (n, a, b) =>
    `${plural(n, 'refrain')}, one point each: across, uses per 10,000 words by ${a}; up, by ${b}; logarithmic scales, zero at the edge. Below the diagonal: used more by ${a}; above it: by ${b}. Arrow keys move between the points, Enter shows a refrain’s occurrences.`,
  axisOf: (g) => `${g}: uses per 10,000 words`,
  pointLabel: (root, a, b, z) =>
    `${root}: ${a.name} ${a.rate} per 10,000 words (${plural(a.count, 'use')}), ${b.name} ${b.rate} (${plural(b.count, 'use')}); z ${z}`,
  exportPlot: 'Export the plot',
  plotSvg: 'Plot SVG',
  plotPng: 'Plot PNG',
  // the translation view (translation.js)
  trIntro:
    'A Chinese statement and its English edition side by side, sentence by sentence. Each formula of the bilingual lexicon and its rendering are marked in the same colour on both sides; sentences that could not be aligned are marked, not guessed.',
  trChinese: 'Chinese text',
  trEnglish: 'English edition',
  trNone: '(choose a statement)',
  trBeads: 'Sentences side by side',
  trNothing: 'No statements yet: add a Chinese statement and its English edition in the Statements tab.',
  trNoPair: 'No Chinese statement with an English edition of the same date or title: choose the two statements above.',
  trChoose: 'Choose a Chinese statement and its English edition.',
  trSame: 'Choose two different statements.',
  trAligning: 'Aligning the sentences…',
  trFailed: (m) => `The alignment failed: ${m}`,
  trSummary: (zh, en, aligned, beads, rendered, formulas) =>
    `${plural(zh, 'Chinese sentence')} and ${plural(en, 'English sentence')}: ${aligned} of ${plural(beads, 'group')} aligned; ${rendered} of ${plural(formulas, 'formula')} of the lexicon found their rendering.`,
  trRendered: (zh, en) => `${zh} is rendered “${en}”`,
  trUnrendered: (zh) => `${zh}: no rendering of the lexicon found here`,
  trNoCounterpart: 'Not aligned: the other text has nothing in its place.',
  trLengthsDisagree: 'Not aligned: the lengths disagree and nothing confirms the pairing.',
};

/** The labels `L` with the English of these views where `L` has none (English itself, or a gap). */
export function withViewLabels(L) {
  return { ...en, ...L };
}
