// "Translation": a Chinese statement and its English edition side by side, sentence by sentence, by
// the engine's alignment (Corpus.align, docs/parallel.md): each group of sentences (a bead) is a row,
// Chinese on the left and English on the right (stacked on narrow screens); each formula of the
// bilingual lexicon and its rendering are marked in the same colour on both sides (the family
// colours and underline styles, so that colour is not the only cue); sentences the engine could not
// align are marked so and say why, instead of being paired by guess.
// The pair is chosen by the user among the statements, or found: a Chinese and an English statement
// with the same date or title (`parallelPairs`). The host runs the alignment (`opts.align`, in the
// engine's Worker); the view cancels a run that a newer choice replaces.
// Keyboard: Tab reaches the pickers, then each marked formula; focusing or hovering one lights up
// its rendering on the other side. No side effect on import.

import { withViewLabels } from './labels-views.js';
import { clear, familyClasses, h } from './util.js';

const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;

/** "zh", "en" or null: the statement's language as given, else the script most of its letters are in. */
export function languageOf(st) {
  const given = String(st?.language || '')
    .trim()
    .toLowerCase();
  if (/^zh\b/.test(given)) return 'zh';
  if (/^en\b/.test(given)) return 'en';
  if (given) return null;
  const sample = String(st?.text || '').slice(0, 4000);
  const han = (sample.match(HAN) || []).length;
  const latin = (sample.match(LATIN) || []).length;
  if (han === 0 && latin === 0) return null;
  // A Chinese character carries about as much as three or four Latin letters.
  return han * 3 >= latin ? 'zh' : 'en';
}

const norm = (v) =>
  String(v ?? '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The parallel editions among `statements`: [{zh, en}] (ids), a Chinese statement with the first
 * English one of the same date, else of the same title; each statement in one pair at most, in the
 * order of the Chinese statements.
 */
export function parallelPairs(statements) {
  const zh = statements.filter((st) => languageOf(st) === 'zh');
  const en = statements.filter((st) => languageOf(st) === 'en');
  const used = new Set();
  const out = [];
  for (const z of zh) {
    const same = (key) => en.find((e) => !used.has(e.id) && key(z) && key(e) === key(z));
    const e = same((st) => norm(st.date)) || same((st) => norm(st.title));
    if (!e) continue;
    used.add(e.id);
    out.push({ zh: z.id, en: e.id });
  }
  return out;
}

/**
 * The text of `sentence` (an AlignedSentence) with `marks` ([{excerpt, node(text)}], excerpts lying
 * in it, UTF-16 offsets into the whole statement) made into nodes, as a list of children.
 */
function withMarks(sentence, marks) {
  const text = sentence.text;
  const base = sentence.utf16_start;
  const inside = marks
    .filter((m) => m.excerpt.utf16_start >= base && m.excerpt.utf16_end <= sentence.utf16_end)
    .sort((a, b) => a.excerpt.utf16_start - b.excerpt.utf16_start);
  const out = [];
  let at = 0;
  for (const m of inside) {
    const s = m.excerpt.utf16_start - base;
    const e = m.excerpt.utf16_end - base;
    if (s < at) continue; // overlapping marks: the first stays
    if (s > at) out.push(text.slice(at, s));
    out.push(m.node(text.slice(s, e)));
    at = e;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/**
 * The translation view in `root`. `given` are the page's labels; `opts.align(zhId, enId, {signal})`
 * resolves to the engine's Alignment of two of the statements. Returns {update(statements)}.
 */
export function createTranslation(root, given, opts) {
  const L = withViewLabels(given);
  const doc = root.ownerDocument;
  const pid = `${root.id || 'translation'}-tr`;
  let statements = [];
  let chosen = { zh: '', en: '' };
  let lastKey = null;
  let controller = null;

  const view = h(doc, 'div', { class: 'translation', 'data-state': 'idle' });
  const intro = h(doc, 'p', { class: 'hint', text: L.trIntro });
  const pickZh = h(doc, 'select', { id: `${pid}-zh`, class: 'input', on: { change: () => choose() } });
  const pickEn = h(doc, 'select', { id: `${pid}-en`, class: 'input', on: { change: () => choose() } });
  const pickers = h(
    doc,
    'div',
    { class: 'row tr-pick' },
    h(doc, 'span', { class: 'tr-field' }, h(doc, 'label', { for: pickZh.id, text: L.trChinese }), ' ', pickZh),
    h(doc, 'span', { class: 'tr-field' }, h(doc, 'label', { for: pickEn.id, text: L.trEnglish }), ' ', pickEn),
  );
  const status = h(doc, 'p', { class: 'tr-status', role: 'status' });
  const notes = h(doc, 'ul', { class: 'tr-notes hint' });
  const heads = h(
    doc,
    'div',
    { class: 'tr-heads', 'aria-hidden': 'true', hidden: true },
    h(doc, 'span', { lang: 'zh', text: L.trChinese }),
    h(doc, 'span', { text: L.trEnglish }),
  );
  const beads = h(doc, 'ol', { class: 'tr-beads', 'aria-label': L.trBeads, hidden: true });
  view.append(intro, pickers, status, notes, heads, beads);
  root.append(view);

  // Focus or hover on a formula lights up its rendering (and the reverse).
  const light = (e, on) => {
    const link = e.target.closest?.('mark[data-link]')?.dataset.link;
    if (!link) return;
    for (const m of beads.querySelectorAll(`mark[data-link="${link}"]`)) m.classList.toggle('tr-on', on);
  };
  beads.addEventListener('focusin', (e) => light(e, true));
  beads.addEventListener('focusout', (e) => light(e, false));
  beads.addEventListener('mouseover', (e) => light(e, true));
  beads.addEventListener('mouseout', (e) => light(e, false));

  function fill(select, lang) {
    clear(select);
    select.append(h(doc, 'option', { value: '', text: L.trNone }));
    const mine = statements.filter((st) => languageOf(st) === lang);
    const rest = statements.filter((st) => languageOf(st) !== lang);
    for (const st of [...mine, ...rest]) {
      const name = [st.title || st.id, st.date].filter(Boolean).join(', ');
      select.append(h(doc, 'option', { value: st.id, text: name }));
    }
  }

  function choose() {
    chosen = { zh: pickZh.value, en: pickEn.value };
    run();
  }

  function setState(state, text) {
    view.dataset.state = state;
    status.textContent = text;
  }

  async function run() {
    const { zh, en } = chosen;
    const key = `${zh}\u0000${en}`;
    if (key === lastKey) return;
    lastKey = key;
    if (controller) controller.abort();
    controller = null;
    clear(notes);
    clear(beads);
    beads.hidden = heads.hidden = true;
    if (!statements.length) return setState('idle', L.trNothing);
    if (!zh || !en) return setState('idle', parallelPairs(statements).length ? L.trChoose : L.trNoPair);
    if (zh === en) return setState('idle', L.trSame);
    const mine = new AbortController();
    controller = mine;
    setState('running', L.trAligning);
    let a;
    try {
      a = await opts.align(zh, en, { signal: mine.signal });
    } catch (e) {
      if (controller !== mine) return;
      controller = null;
      if (e?.code === 'cancelled') return;
      lastKey = null;
      return setState('error', L.trFailed(e?.message || String(e)));
    }
    if (controller !== mine) return;
    controller = null;
    show(a);
  }

  function show(a) {
    const st = a.stats;
    setState(
      'ready',
      L.trSummary(
        st.zh_sentences,
        st.en_sentences,
        st.aligned_beads,
        a.beads.length,
        st.formulas_rendered,
        st.formulas,
      ),
    );
    for (const n of a.notes) notes.append(h(doc, 'li', { text: n }));
    let link = 0;
    for (const b of a.beads) {
      const zhMarks = [];
      const enMarks = [];
      for (const f of b.formulas) {
        if (f.en) {
          const k = link++;
          const said = L.trRendered(f.entry_zh, f.entry_en);
          const mark = (lang) => (text) =>
            h(
              doc,
              'mark',
              {
                class: ['tr-f', ...familyClasses(k)],
                tabindex: '0',
                title: said,
                lang,
                dataset: { link: String(k), side: lang },
              },
              text,
              h(doc, 'span', { class: 'visually-hidden', text: ` (${said})` }),
            );
          zhMarks.push({ excerpt: f.zh, node: mark('zh') });
          enMarks.push({ excerpt: f.en, node: mark('en') });
        } else {
          const said = L.trUnrendered(f.entry_zh);
          zhMarks.push({
            excerpt: f.zh,
            node: (text) =>
              h(
                doc,
                'mark',
                { class: 'tr-f tr-missing', tabindex: '0', title: said, lang: 'zh' },
                text,
                h(doc, 'span', { class: 'visually-hidden', text: ` (${said})` }),
              ),
          });
        }
      }
      const side = (lang, indices, sentences, marks) =>
        h(
          doc,
          'div',
          { class: 'tr-side', lang, dataset: { side: lang } },
          ...indices.map((i) => h(doc, 'p', { class: 'tr-s' }, ...withMarks(sentences[i], marks))),
        );
      const row = h(
        doc,
        'li',
        { class: 'tr-bead', dataset: { status: b.status, kind: b.kind } },
        side('zh', b.zh, a.zh, zhMarks),
        side('en', b.en, a.en, enMarks),
      );
      if (b.status !== 'aligned') {
        row.append(
          h(doc, 'p', {
            class: 'tr-flag',
            text: b.status === 'no_counterpart' ? L.trNoCounterpart : L.trLengthsDisagree,
          }),
        );
      }
      beads.append(row);
    }
    beads.hidden = heads.hidden = false;
  }

  return {
    /** Shows the statements ([{id, text, title, date, language}]) and aligns the chosen or found pair. */
    update(next) {
      statements = next || [];
      const ids = new Set(statements.map((st) => st.id));
      fill(pickZh, 'zh');
      fill(pickEn, 'en');
      if (!ids.has(chosen.zh) || !ids.has(chosen.en)) {
        const pair = parallelPairs(statements)[0];
        chosen = pair ? { zh: pair.zh, en: pair.en } : { zh: '', en: '' };
      }
      pickZh.value = chosen.zh;
      pickEn.value = chosen.en;
      lastKey = null;
      run();
    },
  };
}
