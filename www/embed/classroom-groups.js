// The classroom page's "Compare groups" mode: two group pickers offering what the main page offers
// (its groups, speakers, countries and years: ../js/groups.js; B may be "the rest") and the slides
// of the two groups' comparison (contrast-deck.js), run in the page's shared Worker. The groups come
// from the address (?a=group=North&b=rest, written as the main page writes them: ../js/contrast.js),
// else from the main page's own comparison (?ws=), else its first choice. No side effect on import.

import { defaultGroups, groupName, membersOf, REST } from '../js/contrast.js';
import { GROUP_KINDS, groupsOf } from '../js/groups.js';
import { withViewLabels } from '../js/labels-views.js';
import { clear, h } from '../js/util.js';
import { sharedClient } from '../refrain-client.js';
import { createContrastDeck } from './contrast-deck.js';

/**
 * The mode, in the page's elements #groups, #group-a, #group-b, #groups-status and #groups-stage.
 * @param {Document} doc
 * @param {object} given  The labels (../js/labels.js).
 * @param {{statements: Array<object>, settings: {options?: object, contrast?: {a: string, b: string}}}} data
 */
export function createGroupsMode(doc, given, { statements, settings }) {
  const L = withViewLabels(given);
  const $ = (id) => doc.getElementById(id);
  const box = $('groups');
  const note = $('groups-status');
  const stage = $('groups-stage');
  const sel = { a: $('group-a'), b: $('group-b') };
  $('group-a-label').textContent = L.groupLetter('A');
  $('group-b-label').textContent = L.groupLetter('B');

  const q = new URL(doc.location.href).searchParams;
  let chosen = {
    a: q.get('a') || settings.contrast?.a || '',
    b: q.get('b') || settings.contrast?.b || '',
  };
  if (!chosen.a) chosen = { ...defaultGroups(statements), ...(chosen.b ? { b: chosen.b } : {}) };
  if (!chosen.b) chosen.b = REST;

  function fill(side) {
    const list = sel[side];
    clear(list);
    if (side === 'b') list.append(h(doc, 'option', { value: REST, text: L.theRestOption }));
    const found = groupsOf(statements);
    for (const { kind } of GROUP_KINDS) {
      const of = found.filter((g) => g.kind === kind);
      if (!of.length) continue;
      list.append(
        h(
          doc,
          'optgroup',
          { label: L.kinds[kind] },
          of.map((g) => h(doc, 'option', { value: `${kind}=${g.name}`, text: L.groupOption(g.name, g.ids.length) })),
        ),
      );
    }
    const want = chosen[side];
    const known = [...list.options].find((o) => o.value.toLowerCase() === want.toLowerCase());
    // A group the lists do not offer (statements chosen by hand, a range of years): shown as it is.
    if (!known) list.prepend(h(doc, 'option', { value: want, text: groupName(statements, want, L) }));
    list.value = known ? known.value : want;
  }

  let deck = null;
  let controller = null;
  async function run() {
    deck?.destroy();
    deck = null;
    controller?.abort();
    const ac = new AbortController();
    controller = ac;
    let a;
    let b;
    try {
      a = membersOf(statements, chosen.a);
      const inA = new Set(a);
      b = membersOf(statements, chosen.b, a).filter((id) => !inA.has(id));
    } catch (e) {
      note.textContent = e.message;
      box.dataset.state = 'error';
      return;
    }
    if (!a.length || !b.length) {
      note.textContent = L.groupEmpty(a.length ? 'B' : 'A');
      box.dataset.state = 'error';
      return;
    }
    note.textContent = L.contrasting;
    box.dataset.state = 'running';
    try {
      const report = await sharedClient().contrast({
        statements,
        options: settings.options || {},
        a,
        b,
        labelA: groupName(statements, chosen.a, L),
        labelB: groupName(statements, chosen.b, L),
        signal: ac.signal,
      });
      if (ac !== controller) return;
      note.textContent = L.ctPick;
      deck = createContrastDeck(stage, L, {
        report,
        statements,
        keyTarget: doc,
        fullscreen: doc.documentElement,
        focus: !box.contains(doc.activeElement),
      });
      box.dataset.state = 'ready';
    } catch (e) {
      if (ac !== controller || e?.code === 'cancelled' || e?.name === 'AbortError') return;
      note.textContent = L.contrastFailed(e?.message || String(e));
      box.dataset.state = 'error';
    }
  }

  for (const side of ['a', 'b']) {
    fill(side);
    sel[side].addEventListener('change', () => {
      chosen = { ...chosen, [side]: sel[side].value };
      run();
    });
  }
  let started = false;
  return {
    /** Shows the mode: the first time, runs the comparison. */
    show() {
      if (!started) {
        started = true;
        run();
      } else deck?.element.focus({ preventScroll: true });
    },
    get deck() {
      return deck;
    },
  };
}
