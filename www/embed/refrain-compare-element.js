// <refrain-compare>: compares the statements it contains (or loads from same-origin files) and
// shows their shared phrasing in a shadow root. This module only declares the class; define.js
// registers it (or: customElements.define('my-compare', class extends RefrainCompareElement {})).
//
// A thin shell: lifecycle, attributes, events. Its comparison (session.js: statements, engine,
// query) runs when it first comes near the viewport; its frame (frame.js) shows the page's own
// views with the labels of its language. Attribute changes made in one task make one render.
// README.md documents the attributes, properties, events and parts.

import { labelLanguage, labelsFor, loadLabels } from '../js/labels.js';
import { familyNamed } from '../js/model.js';
import { Frame, loadViews } from './frame.js';
import { Session } from './session.js';
import { observeQuotes } from './quotes.js';

export { statementLabel as statementName } from '../js/util.js';
export { textOf } from './quotes.js';

export const VIEWS = ['reader', 'refrains', 'search', 'heatmap', 'presenter', 'groups'];

// The attributes, each mirrored by a property that reads it so (defined at the end of this module).
const oneOf = (values) => (v) => (values.includes(v) ? v : values[0]);
const ATTRIBUTES = {
  view: oneOf(VIEWS),
  query: (v) => v || '',
  family: (v) => v,
  theme: oneOf(['auto', 'light', 'dark']),
  src: (v) => v || '',
  views: (v) => {
    const list = String(v || '')
      .split(/\s+/)
      .filter((x) => VIEWS.includes(x));
    return list.length ? list : VIEWS.slice(0, 4);
  },
  loading: oneOf(['lazy', 'eager']),
  // The groups of view "groups" (groups.js)
  'group-a': (v) => v || '',
  'group-b': (v) => v || '',
};
const PROPERTY = { 'group-a': 'groupA', 'group-b': 'groupB' };

export class RefrainCompareElement extends HTMLElement {
  static observedAttributes = [...Object.keys(ATTRIBUTES), 'lang'];

  // One IntersectionObserver for all elements: each runs once it comes within 300 px of the viewport.
  static #io = null;
  static #observe(el) {
    RefrainCompareElement.#io ??= new IntersectionObserver(
      (entries) => {
        for (const e of entries) if (e.isIntersecting) e.target.#becameNear();
      },
      { rootMargin: '300px 0px' },
    );
    RefrainCompareElement.#io.observe(el);
  }

  #frame;
  #session = new Session();
  #mo = null; // watches the quotes
  #given = null; // the statements set through the property
  #options = {};
  #state = 'idle';
  #message = () => ''; // (labels) => the status line
  #near = false;
  #selected = null; // family id
  #reflecting = false;
  #pending = false; // a render is queued for the end of this task

  constructor() {
    super();
    // A region (a landmark once the page names it with aria-label), without adding an attribute.
    try {
      this.attachInternals().role = 'region';
    } catch {
      /* no ElementInternals: no role */
    }
    this.#frame = new Frame(this.attachShadow({ mode: 'open' }), {
      view: (v, focusTab) => {
        this.#reflect('view', v);
        this.#render();
        if (focusTab) this.#frame.focusTab(v);
      },
      select: (id, occurrence) => this.#picked(id, occurrence),
      search: (q) => {
        this.#reflect('query', q);
        this.#runQuery();
      },
      redraw: () => this.#invalidate(),
      groups: (a, b) => {
        this.#reflect('groupA', a);
        this.#reflect('groupB', b);
      },
      contrasted: (report) => this.#emit('refrain-contrast', { report }),
    });
  }

  /** The statements compared; setting an array of {id, text, title?, speaker?, date?, language?} replaces the children's. */
  get statements() {
    return this.#session.statements.map((s) => ({ ...s }));
  }
  set statements(list) {
    this.#given = Array.isArray(list) ? list : null;
    this.refresh();
  }
  /** Engine options (snake_case, as for Corpus). */
  get options() {
    return { ...this.#options };
  }
  set options(o) {
    this.#options = { ...o };
    if (this.#near && this.#session.statements.length) this.#run();
  }
  get report() {
    return this.#session.report;
  }
  get queryReport() {
    return this.#session.hits;
  }
  get contrastReport() {
    return this.#session.contrastReport;
  }
  get state() {
    return this.#state;
  }

  /** Reads the child statements and `src` files again (after the page changed them). */
  refresh() {
    if (this.isConnected) this.#load();
  }

  /** Selects a family by id or root words (null to clear), as a click would, firing refrain-select. */
  select(family) {
    if (!this.#session.model) return null;
    this.#picked(familyNamed(this.#session.model, family));
    this.#invalidate();
    return this.#selected;
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.isConnected || this.#reflecting) return;
    if (name === 'src') this.#load();
    else if (name === 'loading' && value === 'eager') this.#becameNear();
    else if (name === 'query') this.#runQuery();
    else if (name === 'family') {
      this.#selected = familyNamed(this.#session.model, value);
      this.#frame.align('smooth');
    }
    if (!['src', 'loading', 'query'].includes(name)) this.#invalidate();
  }

  connectedCallback() {
    this.#mo = observeQuotes(this, () => this.#load());
    this.#load();
    if (this.loading === 'eager') this.#becameNear();
    else RefrainCompareElement.#observe(this);
  }

  disconnectedCallback() {
    this.#mo.disconnect();
    RefrainCompareElement.#io?.unobserve(this);
    this.#session.cancel();
    if (this.#state === 'loading') this.#state = 'idle';
    this.#near = false;
  }

  // ---------- statements, engine, query ----------

  #becameNear() {
    if (this.#near || !this.isConnected) return;
    this.#near = true;
    RefrainCompareElement.#io?.unobserve(this);
    loadViews();
    if (this.#session.statements.length) this.#run();
  }

  async #load() {
    this.#setState(this.#near ? 'loading' : 'waiting');
    try {
      if (!(await this.#session.load(this, this.#given))) return;
      this.#frame.reset();
      if (!this.#session.statements.length) this.#setState('idle', (L) => L.noStatements);
      else if (this.#near) this.#run();
    } catch (e) {
      this.#setState('error', (L) => L.error(e.message), e.code || 'load_failed');
    }
    this.#invalidate();
  }

  async #run() {
    const s = this.#session;
    this.#setState('loading');
    try {
      if (!(await s.compare(this.#options))) return;
      const { report } = s;
      this.#selected = familyNamed(s.model, this.family);
      // The query of the attribute runs, and the views and their styles load, before the element says it is ready.
      await Promise.all([s.query(this.query.trim(), this.#options), this.#frame.styled, loadViews()]);
      if (s.report !== report) return; // compared again meanwhile
      const [n, f] = [s.statements.length, report.families.length];
      this.#setState('ready', (L) => (f ? L.ready(n, f) : L.noFamilies));
      this.#frame.align('instant');
      this.#render();
      this.#emit('refrain-ready', { report });
    } catch (e) {
      this.#setState('error', (L) => L.error(e.message), e.code || 'internal_error');
      this.#invalidate();
    }
  }

  async #runQuery() {
    if (!this.#session.report) return; // it runs with the comparison
    if (this.query.trim()) this.#frame.say(this.#labels().searching);
    if (await this.#session.query(this.query.trim(), this.#options)) this.#render();
  }

  // ---------- state and events ----------

  #labels() {
    return labelsFor(this.#lang());
  }
  #lang() {
    return (this.closest('[lang]') || this.ownerDocument.documentElement).getAttribute('lang') || 'en';
  }

  #setState(
    state,
    message = (L) => (state === 'waiting' ? L.waiting : state === 'loading' ? L.loading : ''),
    code = null,
  ) {
    this.#state = state;
    this.#message = message;
    this.#frame.say(message(this.#labels()), state === 'error');
    this.#frame.root.setAttribute('aria-busy', String(state === 'loading'));
    if (code) this.#emit('refrain-error', { code, message: message(labelsFor('en')) });
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }

  #reflect(name, value) {
    this.#reflecting = true;
    this[name] = value;
    this.#reflecting = false;
  }

  /** The user chose a family (null: cleared), at `occurrence` when there is one. */
  #picked(id, occurrence = null) {
    this.#selected = id;
    this.#reflect('family', id);
    const family = id ? this.#session.model.family(id) : null;
    this.#emit('refrain-select', { family, occurrence, statement: occurrence ? occurrence.doc : null });
  }

  // ---------- rendering ----------

  /** Renders at the end of this task: the attribute changes made together are drawn once. */
  #invalidate() {
    if (!this.#pending)
      queueMicrotask(() => {
        if (this.#pending) this.#render();
      });
    this.#pending = true;
  }

  #render() {
    this.#pending = false;
    const L = this.#labels();
    if (L.lang !== labelLanguage(this.#lang())) loadLabels(this.#lang()).then(() => this.#invalidate());
    const failed = this.#session.queryError;
    const status = [
      [this.#message(L), failed && L.searchFailed(failed)].filter(Boolean).join(' '),
      this.#state === 'error' || !!failed,
    ];
    this.#frame.draw({
      labels: L,
      theme: this.theme,
      views: this.views,
      view: this.view,
      status,
      session: this.#session,
      selected: this.#selected,
      query: this.query,
      groups: { a: this.groupA, b: this.groupB, options: this.#options },
    });
    this.#emit('refrain-render', { view: this.view });
  }
}

for (const [name, read] of Object.entries(ATTRIBUTES)) {
  Object.defineProperty(RefrainCompareElement.prototype, PROPERTY[name] || name, {
    configurable: true,
    get() {
      return read(this.getAttribute(name));
    },
    set(v) {
      if (v === null || v === undefined || v === '') this.removeAttribute(name);
      else this.setAttribute(name, Array.isArray(v) ? v.join(' ') : String(v));
    },
  });
}
