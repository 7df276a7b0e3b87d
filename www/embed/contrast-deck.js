// The group comparison as slides for the classroom (deck.js): what group A says much more than
// group B (its signature formulas), what B says much more than A, then each of the most distinctive
// formulas with the wordings each group uses and a sentence of each. Made from the engine's contrast
// report (docs/report.md, "Contrast report"); the groups are picked as on the main page
// (../js/contrast.js). No side effect on import; all user text goes in as text nodes.

import { sideOf, zText } from '../js/contrast.js';
import { withViewLabels } from '../js/labels-views.js';
import { h } from '../js/util.js';
import { createDeck } from './deck.js';
import { sentenceAround } from './presenter.js';

/** Formulas a signature slide lists, and formulas that get a slide of their own, at most. */
export const SIGNATURE_MAX = 8;
export const FORMULA_MAX = 8;

/**
 * The slides' content from contrast report `report` (pure): {a, b, sigA, sigB, closeA, closeB,
 * formulas}: A's signature formulas (significant, most distinctive first; when there is none,
 * `closeA` says the list holds the closest instead), B's, and the formulas that get a slide.
 */
export function contrastSlides(report) {
  const fams = report.families || [];
  const forA = fams.filter((f) => f.z > 0);
  const forB = fams.filter((f) => f.z < 0).reverse();
  const sigA = forA.filter((f) => sideOf(f.z) === 'a');
  const sigB = forB.filter((f) => sideOf(f.z) === 'b');
  const sig = [...sigA, ...sigB].sort((x, y) => Math.abs(y.z) - Math.abs(x.z));
  const formulas = (sig.length ? sig : [...fams].sort((x, y) => Math.abs(y.z) - Math.abs(x.z))).slice(0, FORMULA_MAX);
  return {
    a: report.a.label,
    b: report.b.label,
    sigA: (sigA.length ? sigA : forA).slice(0, SIGNATURE_MAX),
    sigB: (sigB.length ? sigB : forB).slice(0, SIGNATURE_MAX),
    closeA: !sigA.length,
    closeB: !sigB.length,
    formulas,
  };
}

const wordingsText = (ws) => ws.map((w) => `“${w.text}” ×${w.count}`).join(' · ');

/**
 * Renders the deck of contrast report `report` into `root`.
 * @param {Element} root
 * @param {object} given  The labels (../js/labels.js).
 * @param {{report: object, statements: Array<object>, fullscreen?: Element|null, keyTarget?: EventTarget, focus?: boolean}} opts
 */
export function createContrastDeck(root, given, opts) {
  const L = withViewLabels(given);
  const doc = root.ownerDocument;
  const { report } = opts;
  const texts = new Map((opts.statements || []).map((s) => [s.id, s.text]));
  const c = contrastSlides(report);
  const inA = new Set(report.a.ids);
  const inB = new Set(report.b.ids);
  const uses = (cf) => L.ctUses(c.a, cf.count_a, c.b, cf.count_b);

  function signatureSlide(side) {
    const mine = side === 'a' ? c.a : c.b;
    const other = side === 'a' ? c.b : c.a;
    const list = side === 'a' ? c.sigA : c.sigB;
    const close = side === 'a' ? c.closeA : c.closeB;
    return {
      id: `signature-${side}`,
      kind: 'signature',
      data: { side, kind: 'signature' },
      lines: list.length,
      render({ from, to }) {
        const nodes = [
          h(doc, 'p', { class: 'rfp-root', text: L.ctSignatureOf(mine) }),
          h(doc, 'p', {
            class: 'rfp-guess',
            text: list.length ? (close ? L.ctClosest(mine, other) : L.ctSaysMore(mine, other)) : L.ctNone(mine, other),
          }),
        ];
        if (list.length)
          nodes.push(
            h(
              doc,
              'ul',
              { class: 'rfp-list' },
              list
                .slice(from, to)
                .map((cf) =>
                  h(
                    doc,
                    'li',
                    { 'data-family': cf.family.root_norm },
                    h(doc, 'span', { class: 'rfp-who', text: `${uses(cf)} · z ${zText(cf.z)}` }),
                    h(doc, 'span', { class: 'rfp-ctx', text: `“${cf.family.root}”` }),
                  ),
                ),
            ),
          );
        return { nodes, blanks: false };
      },
    };
  }

  /** A sentence of group `ids` with formula `cf` underlined, or null. */
  function example(cf, ids) {
    const o = cf.family.occurrences.find((x) => ids.has(x.doc) && texts.has(x.doc));
    if (!o) return null;
    const text = texts.get(o.doc);
    const s = sentenceAround(text, o.utf16_start, o.utf16_end, 200);
    return [
      s.cutStart ? '…' : '',
      text.slice(s.start, o.utf16_start),
      h(doc, 'span', { class: 'rfp-occ', text: text.slice(o.utf16_start, o.utf16_end) }),
      text.slice(o.utf16_end, s.end),
      s.cutEnd ? '…' : '',
    ];
  }

  function formulaSlide(cf) {
    const side = sideOf(cf.z);
    const groups = [
      { name: c.a, ids: inA, wordings: cf.wordings_a || [], count: cf.count_a },
      { name: c.b, ids: inB, wordings: cf.wordings_b || [], count: cf.count_b },
    ];
    return {
      id: `formula-${cf.family.root_norm}`,
      kind: 'formula',
      data: { side, kind: 'formula', family: cf.family.root_norm },
      lines: groups.length,
      render({ from, to }) {
        const more = side === 'a' ? c.a : side === 'b' ? c.b : null;
        const nodes = [
          h(doc, 'p', { class: 'rfp-root', text: cf.family.root }),
          h(doc, 'p', {
            class: 'rfp-guess',
            text: `${more ? L.ctMoreBy(more) : L.legendNeither} · ${uses(cf)} · z ${zText(cf.z)}`,
          }),
          h(
            doc,
            'ul',
            { class: 'rfp-list' },
            groups.slice(from, to).map((g) => {
              const ex = g.count ? example(cf, g.ids) : null;
              return h(
                doc,
                'li',
                { 'data-group': g.name },
                h(doc, 'span', { class: 'rfp-who', text: g.name }),
                h(
                  doc,
                  'span',
                  { class: 'rfp-ctx' },
                  g.wordings.length ? wordingsText(g.wordings) : L.ctNotUsed(g.name),
                  ex ? h(doc, 'span', { class: 'rfp-example' }, ex) : null,
                ),
              );
            }),
          ),
        ];
        return { nodes, blanks: false };
      },
    };
  }

  const slides = [signatureSlide('a'), signatureSlide('b'), ...c.formulas.map(formulaSlide)];
  return createDeck(root, L, {
    slides,
    label: L.ctDeckLabel(c.a, c.b),
    reveal: false,
    keys: L.ctKeys,
    count: (i, n, part) => {
      if (part.parts === 1) return L.ctSlideOf(i + 1, n);
      const of = slides[i].kind === 'signature' ? L.ctFormulasOf : L.ctGroupsOf;
      return `${L.ctSlideOf(i + 1, n)} · ${of(part.from + 1, part.to, part.lines)}`;
    },
    fullscreen: opts.fullscreen,
    keyTarget: opts.keyTarget,
    focus: opts.focus,
  });
}
