// What <refrain-compare> shows in its shadow root: a tab per view, the status line, and the view
// chosen, one of the page's own views (../js/: reader, refrains, search, heatmap; presenter.js,
// groups.js)
// with the labels of the element's language. The frame keeps what only the display needs (the
// pair of statements opened from the overview, the search hit to go to); what the user chooses
// that the page may see (a view, a refrain, a phrase) goes back to the element. No side effect
// on import.

import { LANGUAGES, loadLabels } from '../js/labels.js';
import { createReader } from '../js/reader.js';
import { adoptSheet, h, onTabKeys } from '../js/util.js';
import { ELEMENT_CSS } from './styles.js';

const VIEWS_CSS = new URL('../css/views.css', import.meta.url).href;

// The reader shows the statements from the start; the other views and languages load with the
// engine (loadViews), when the first element comes near the viewport, the presenter when chosen.
const made = { reader: createReader };
let more = null;
export function loadViews() {
  more ??= Promise.all([
    import('../js/refrains.js'),
    import('../js/search.js'),
    import('../js/heatmap.js'),
    import('./groups.js'),
    ...LANGUAGES.map(loadLabels),
  ]).then(([r, s, m, g]) =>
    Object.assign(made, {
      refrains: r.createRefrains,
      search: s.createSearch,
      heatmap: m.createHeatmap,
      groups: g.createGroups,
    }),
  );
  return more;
}

export class Frame {
  root;
  styled; // the frame's root element; a promise of the views' stylesheet applying
  #tabs;
  #status;
  #body;
  #views = new Map(); // view name -> {root, view, labels}
  #pair = null; // the statements shown in the reader (opened from the overview), or null for all
  #goto = null; // the search hit to show once the reader is drawn
  #align = null; // 'smooth' | 'instant': line the reader up on the selected family when drawn
  #last = null; // what the frame last drew
  #on;

  /** `on`: the user's choices {view(name, focusTab), select(id, occurrence), search(phrase), groups(a, b)}, redraw(), contrasted(report). */
  constructor(shadow, on) {
    const d = shadow.ownerDocument;
    this.#on = on;
    adoptSheet(shadow, ELEMENT_CSS);
    this.#tabs = h(d, 'div', { class: 'tabs', role: 'tablist', part: 'tabs' });
    this.#status = h(d, 'p', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    this.#body = h(d, 'div', { class: 'body', part: 'body', role: 'tabpanel' });
    const bar = h(d, 'div', { class: 'bar', part: 'toolbar' }, this.#tabs, this.#status);
    this.root = h(d, 'div', { class: 'root auto', part: 'base' }, bar, this.#body);
    // The views' stylesheet, shared with the page.
    const link = h(d, 'link', { rel: 'stylesheet', href: VIEWS_CSS });
    this.styled = new Promise((done) => {
      link.onload = link.onerror = done;
    });
    shadow.append(link, this.root);
    onTabKeys(this.#tabs, (tab) => on.view(tab.dataset.view, true));
  }

  say(text, error = false) {
    this.#status.textContent = text;
    this.#status.classList.toggle('error', error);
  }

  /** Lines the reader up on the selected refrain at the next draw ('smooth' or 'instant'). */
  align(how) {
    this.#align ||= how;
  }

  /** Forgets the pair opened from the overview (the statements changed). */
  reset() {
    this.#pair = null;
  }

  /**
   * Draws `view` of `views` with `labels` in `theme`; `status` is [text, error]; `session` (session.js)
   * gives the statements, the report, its model and the hits of `query`; `selected` is a family id.
   */
  draw(state) {
    this.#last = state;
    const { labels: L, view, views, session, selected, query } = state;
    const d = this.root.ownerDocument;
    this.root.className = `root ${state.theme}`;
    this.root.lang = L.lang;
    this.#tabs.setAttribute('aria-label', L.views);
    this.#tabs.hidden = views.length < 2;
    this.#tabs.replaceChildren(
      ...views.map((v) =>
        h(d, 'button', {
          type: 'button',
          class: 'tab',
          role: 'tab',
          part: 'tab',
          'data-view': v,
          'aria-selected': String(v === view),
          tabindex: v === view ? '0' : '-1',
          text: L[v],
          on: { click: () => this.#on.view(v) },
        }),
      ),
    );
    this.#body.setAttribute('aria-label', L[view]);
    this.say(...state.status);
    this.#body.replaceChildren();
    const v = this.#viewOf(view, L);
    const { statements, report, model, hits } = session;
    if (v && (view === 'reader' || model)) {
      this.#body.append(v.root);
      v.view.update({
        model,
        report,
        statements,
        columns: this.#pair || statements.map((s) => s.id),
        selected,
        hits: hits?.occurrences,
        result: hits,
        query,
        session,
        groups: state.groups,
      });
      if (view === 'reader' && this.#goto !== null) v.view.goToHit(this.#goto);
      else if (view === 'reader' && this.#align && selected)
        v.view.select(selected, { align: true, instant: this.#align === 'instant' });
    }
    this.#goto = this.#align = null;
  }

  focusTab(view) {
    this.#tabs.querySelector(`[data-view="${view}"]`).focus();
  }

  /** View `name` with labels `L`, made once per language and kept; null until its module is there. */
  #viewOf(name, L) {
    if (name === 'presenter' && !made.presenter) {
      import('./presenter.js').then((m) => {
        made.presenter = m.presenterView;
        this.#on.redraw();
      });
      return null;
    }
    let v = this.#views.get(name);
    if (made[name] && (!v || v.labels !== L)) {
      v = { root: h(this.root.ownerDocument, 'div', { class: 'view' }), labels: L };
      this.#body.append(v.root); // the presenter adopts its stylesheet where it stands
      v.view = made[name](v.root, L, this.#callbacks());
      this.#views.set(name, v);
    }
    return v && v.labels === L ? v : null;
  }

  /** What the frame does when the user acts in a view. */
  #callbacks() {
    const on = this.#on;
    return {
      toggle: true,
      collapsed: true,
      onSelect: (id, occurrence) => on.select(id, occurrence),
      onRead: (id) => {
        on.select(id);
        this.#align = 'smooth';
        on.view('reader');
      },
      onSearch: (q) => on.search(q),
      onGo: (i) => {
        const o = this.#last.session.hits.occurrences[i];
        if (this.#pair && !this.#pair.includes(o.doc)) this.#pair = null;
        this.#goto = i;
        on.select(o.family || null, o);
        on.view('reader');
      },
      onOpenPair: (a, b) => {
        this.#pair = [a, b];
        on.view('reader');
      },
      onGroups: on.groups,
      onReport: on.contrasted,
      onReadIn: (id, pair) => {
        this.#pair = pair;
        on.select(id, null);
        this.#align = 'smooth';
        on.view('reader');
      },
      onShowAll: () => {
        this.#pair = null;
        on.redraw();
      },
    };
  }
}
