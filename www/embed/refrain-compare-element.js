// <refrain-compare>: compares the statements it contains (or loads from same-origin files) and
// shows their shared phrasing in a shadow root. This module only declares the class; import
// define.js to register it as <refrain-compare>, or register it yourself under another name:
//
//   import { RefrainCompareElement } from './refrain-compare-element.js';
//   customElements.define('my-compare', class extends RefrainCompareElement {});
//
// Statements: direct <blockquote> children (data-title, data-speaker, data-date, data-id, lang or
// data-lang; data-src to load the text from a file), then the files of the `src` attribute. They
// stay ordinary page content until the element upgrades, and with JavaScript off.
// Attributes (mirrored by properties): view, query, family, theme, lang, src, views, loading.
// Events (bubbling, composed): refrain-ready {report}, refrain-select {family, occurrence,
// statement}, refrain-error {code, message}.
// The engine runs in the page's one shared Worker (refrain-client.js sharedClient()), started when
// the first element comes near the viewport. User text only ever enters the DOM as text nodes.

import { sharedClient } from '../refrain-client.js';
import { buildModel } from '../js/model.js';
import { labelsFor } from '../js/labels.js';
import { createReader } from '../js/reader.js';
import { createRefrains } from '../js/refrains.js';
import { createSearch } from '../js/search.js';
import { createHeatmap } from '../js/heatmap.js';
import { ELEMENT_CSS } from './styles.js';
import { adoptSheet, coded, h, onTabKeys, sameOrigin } from '../js/util.js';

export const VIEWS = ['reader', 'refrains', 'search', 'heatmap', 'presenter'];
const DEFAULT_VIEWS = ['reader', 'refrains', 'search', 'heatmap'];
const THEMES = ['light', 'dark', 'auto'];
const VIEWS_CSS = new URL('../css/views.css', import.meta.url).href;

const normWords = (s) => String(s || '').toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) || [];

/** A statement's name (the one label of every view). */
export { statementLabel as statementName } from '../js/util.js';

const BLOCK = /^(P|DIV|LI|UL|OL|H[1-6]|SECTION|ARTICLE|TR|PRE|BLOCKQUOTE|DL|DD|DT|TABLE)$/;
const SKIP = 'footer, cite, figcaption, script, style, template, [data-refrain-ignore]';

/**
 * The text of a statement element as paragraphs: block children (p, li, div, br...) become lines,
 * runs of white space inside a paragraph become one space. Footers, captions and cite are left out.
 */
export function textOf(root) {
  const paras = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/\s+/g, ' ').trim();
    if (t) paras.push(t);
    cur = '';
  };
  const walk = (node) => {
    for (const c of node.childNodes) {
      if (c.nodeType === 3) cur += c.data;
      else if (c.nodeType === 1) {
        if (c.matches(SKIP)) continue;
        if (c.tagName === 'BR') { flush(); continue; }
        const block = BLOCK.test(c.tagName);
        if (block) flush();
        walk(c);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return paras.join('\n');
}

async function fetchText(url, doc, signal) {
  const u = sameOrigin(url, doc.baseURI);
  const res = await fetch(u, { signal, credentials: 'same-origin' });
  if (!res.ok) throw coded('load_failed', `${u.pathname}: HTTP ${res.status}`);
  return res.text();
}

export class RefrainCompareElement extends HTMLElement {
  static observedAttributes = ['view', 'query', 'family', 'theme', 'lang', 'src', 'views', 'loading'];

  static #io = null;
  static #observe(el) {
    if (typeof IntersectionObserver !== 'function') { el.#becameNear(); return; }
    RefrainCompareElement.#io ??= new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) { RefrainCompareElement.#io.unobserve(e.target); e.target.#becameNear(); }
    }, { rootMargin: '300px 0px' });
    RefrainCompareElement.#io.observe(el);
  }

  #doc; #rootEl; #tabs; #status; #body; #styled;
  #given = null;      // statements set through the property
  #sent = [];         // the statements as compared: {id, text, title, speaker, date, language}
  #report = null;
  #model = null;
  #hits = null;       // the QueryReport of `query`
  #state = 'idle';    // idle | waiting | loading | ready | error
  #message = null;    // (labels) => the status line
  #options = {};
  #loadTimer = 0;
  #near = false;
  #mo = null;
  #loadAbort = null;
  #runAbort = null;
  #queryAbort = null;
  #gen = 0;
  #selected = null;   // family id
  #pair = null;       // statement ids shown in the reader (from the overview), or null for all
  #goto = null;       // the search hit to show once the reader is rendered
  #views = new Map(); // view name -> {root, view, labels}
  #reflecting = false;
  #presenter = null;
  #quiet = false;     // a step of the presenter made by the family attribute, not the user
  #client = null;

  constructor() {
    super();
    // A region (a landmark once the page names it with aria-label), without adding an attribute.
    try { this.attachInternals().role = 'region'; } catch { /* no ElementInternals: no role */ }
    const sr = this.attachShadow({ mode: 'open' });
    this.#doc = this.ownerDocument;
    adoptSheet(sr, ELEMENT_CSS);
    const d = this.#doc;
    this.#tabs = h(d, 'div', { class: 'tabs', role: 'tablist', part: 'tabs' });
    this.#status = h(d, 'p', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    this.#body = h(d, 'div', { class: 'body', part: 'body', role: 'tabpanel' });
    this.#rootEl = h(d, 'div', { class: 'root auto', part: 'base' }, h(d, 'div', { class: 'bar', part: 'toolbar' }, this.#tabs, this.#status), this.#body);
    // The views' stylesheet, shared with the page; the element says it is ready once it applies.
    const link = h(d, 'link', { rel: 'stylesheet', href: VIEWS_CSS });
    this.#styled = new Promise((done) => { link.addEventListener('load', done, { once: true }); link.addEventListener('error', done, { once: true }); });
    sr.append(link, this.#rootEl);
    onTabKeys(this.#tabs, (tab) => this.#setView(tab.dataset.view, true));
  }

  // ---------- attributes and properties ----------

  /** The view shown: reader, refrains, search, heatmap or presenter. */
  get view() { const v = this.getAttribute('view'); return VIEWS.includes(v) ? v : 'reader'; }
  set view(v) { this.setAttribute('view', String(v)); }
  /** The phrase searched for (search view; its hits are outlined in the reader). */
  get query() { return this.getAttribute('query') || ''; }
  set query(v) { if (v) this.setAttribute('query', String(v)); else this.removeAttribute('query'); }
  /** The focused family: an id of the report ("f3") or words of its root ("true multilateralism"). */
  get family() { return this.getAttribute('family'); }
  set family(v) { if (v) this.setAttribute('family', String(v)); else this.removeAttribute('family'); }
  /** light, dark or auto (the reader's system setting). */
  get theme() { const t = this.getAttribute('theme'); return THEMES.includes(t) ? t : 'auto'; }
  set theme(v) { this.setAttribute('theme', String(v)); }
  /** Space-separated URLs of plain-text files on this origin, compared after the child statements. */
  get src() { return this.getAttribute('src') || ''; }
  set src(v) { if (v) this.setAttribute('src', String(v)); else this.removeAttribute('src'); }
  /** The views offered as tabs, space-separated (default: reader refrains search heatmap). */
  get views() {
    const list = (this.getAttribute('views') || '').split(/\s+/).filter((v) => VIEWS.includes(v));
    return list.length ? list : [...DEFAULT_VIEWS];
  }
  set views(v) { this.setAttribute('views', Array.isArray(v) ? v.join(' ') : String(v)); }
  /** lazy (default: when the element nears the viewport) or eager. */
  get loading() { return this.getAttribute('loading') === 'eager' ? 'eager' : 'lazy'; }
  set loading(v) { this.setAttribute('loading', String(v)); }
  /** The statements compared; setting an array of {id, text, title?, speaker?, date?, language?} replaces the children's. */
  get statements() { return this.#sent.map((s) => ({ ...s })); }
  set statements(list) {
    this.#given = Array.isArray(list) ? list.map((s, i) => ({ ...s, id: String(s.id ?? `s${i + 1}`), text: String(s.text ?? '') })) : null;
    if (this.isConnected) this.#load();
  }
  /** Engine options (snake_case, as for Corpus); set before the comparison runs. */
  get options() { return { ...this.#options }; }
  set options(o) { this.#options = o && typeof o === 'object' ? { ...o } : {}; if (this.isConnected && this.#sent.length) this.#maybeRun(); }
  /** The last report (docs/report.md), or null. */
  get report() { return this.#report; }
  /** The QueryReport of `query`, or null. */
  get queryReport() { return this.#hits; }
  /** idle (no statements), waiting (for the viewport), loading, ready or error. */
  get state() { return this.#state; }

  /** Reads the child statements and `src` files again (after the page changed them). */
  refresh() { if (this.isConnected) this.#load(); }

  /** Selects a family by id or root words (null to clear), as a click would, firing refrain-select. */
  select(family) {
    const id = family ? this.#resolveFamily(family) : null;
    this.#select(id, { emit: true });
    return id;
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.isConnected) return;
    if (name === 'theme') this.#applyTheme();
    else if (name === 'src') this.#load();
    else if (name === 'loading') { if (value === 'eager') this.#becameNear(); }
    else if (name === 'family') { if (!this.#reflecting) this.#select(value ? this.#resolveFamily(value) : null, { emit: false, scroll: true }); }
    else if (name === 'query') { if (!this.#reflecting) this.#runQuery(); }
    else if (!this.#reflecting) this.#render();
  }

  connectedCallback() {
    this.#client ??= sharedClient();
    this.#applyTheme();
    this.#mo = new MutationObserver((records) => {
      if (records.some((r) => r.target !== this || r.type === 'childList')) this.#scheduleLoad();
    });
    this.#mo.observe(this, { childList: true, subtree: true, characterData: true, attributes: true,
      attributeFilter: ['data-title', 'data-speaker', 'data-date', 'data-src', 'data-id', 'data-lang', 'lang'] });
    this.#load();
    if (this.loading === 'eager') this.#becameNear();
    else RefrainCompareElement.#observe(this);
  }

  disconnectedCallback() {
    if (this.#mo) this.#mo.disconnect();
    if (RefrainCompareElement.#io) RefrainCompareElement.#io.unobserve(this);
    for (const a of [this.#loadAbort, this.#runAbort, this.#queryAbort]) if (a) a.abort();
    if (this.#state === 'loading') this.#state = 'idle';
    this.#near = false;
  }

  // ---------- loading and running ----------

  #scheduleLoad() {
    clearTimeout(this.#loadTimer);
    this.#loadTimer = setTimeout(() => this.#load(), 60);
  }

  #becameNear() {
    if (this.#near) return;
    this.#near = true;
    this.#maybeRun();
  }

  async #load() {
    const gen = ++this.#gen;
    if (this.#loadAbort) this.#loadAbort.abort();
    const ac = new AbortController();
    this.#loadAbort = ac;
    const doc = this.#doc;
    this.#setState(this.#near ? 'loading' : 'waiting');
    try {
      let list;
      if (this.#given) list = this.#given;
      else {
        const kids = [...this.children].filter((el) => el.matches('blockquote, [data-refrain-statement]'));
        const fromKids = kids.map((el, i) => ({
          el, id: el.dataset.id || `s${i + 1}`, title: el.dataset.title || null, speaker: el.dataset.speaker || null,
          date: el.dataset.date || null, language: el.dataset.lang || el.getAttribute('lang') || null,
        }));
        await Promise.all(fromKids.map(async (s) => {
          s.text = s.el.dataset.src ? await fetchText(s.el.dataset.src, doc, ac.signal) : textOf(s.el);
          delete s.el;
        }));
        const urls = this.src.split(/\s+/).filter(Boolean);
        const fromSrc = await Promise.all(urls.map(async (u, i) => {
          const name = decodeURIComponent(new URL(u, doc.baseURI).pathname.split('/').pop() || `file ${i + 1}`);
          return { id: `src${i + 1}`, title: name.replace(/\.[a-z0-9]+$/i, ''), speaker: null, date: null, language: null, text: await fetchText(u, doc, ac.signal) };
        }));
        list = [...fromKids, ...fromSrc];
      }
      if (gen !== this.#gen) return;
      const seen = new Set();
      this.#sent = list.filter((s) => s.text && s.text.trim()).map((s) => {
        let id = s.id;
        while (seen.has(id)) id = `${id}'`;
        seen.add(id);
        return { id, text: s.text, title: s.title ?? null, speaker: s.speaker ?? null, date: s.date ?? null, language: s.language ?? null };
      });
      this.#report = null;
      this.#model = null;
      this.#hits = null;
      this.#pair = null;
      if (!this.#sent.length) this.#setState('idle', (L) => L.noStatements);
      else this.#setState(this.#near ? 'loading' : 'waiting');
      this.#render();
      this.#maybeRun();
    } catch (e) {
      if (gen !== this.#gen || ac.signal.aborted) return;
      this.#setState('error', (L) => L.error(e.message), e.code || 'load_failed');
      this.#render();
    }
  }

  #maybeRun() {
    if (!this.#near || !this.#sent.length || !this.isConnected) return;
    this.#run();
  }

  async #run() {
    const gen = this.#gen;
    if (this.#runAbort) this.#runAbort.abort();
    const ac = new AbortController();
    this.#runAbort = ac;
    this.#setState('loading');
    try {
      const report = await this.#client.compare(this.#sent, this.options, { signal: ac.signal });
      if (gen !== this.#gen || ac.signal.aborted) return;
      this.#report = report;
      this.#model = buildModel(report, this.#sent);
      const n = this.#sent.length;
      const f = report.families.length;
      const fam = this.family;
      this.#selected = fam ? this.#resolveFamily(fam) : null;
      // The query of the attribute runs before the element says it is ready, and the views' styles apply.
      if (this.query) await this.#runQuery({ render: false });
      await this.#styled;
      if (gen !== this.#gen || ac.signal.aborted) return;
      this.#setState('ready', (L) => (f ? L.ready(n, f) : L.noFamilies));
      this.#render();
      if (this.#selected && this.view === 'reader') this.#viewOf('reader').view.select(this.#selected, { align: true, instant: true });
      this.#emit('refrain-ready', { report });
    } catch (e) {
      if (gen !== this.#gen || ac.signal.aborted || e.code === 'cancelled') return;
      this.#setState('error', (L) => L.error(e.message), e.code || 'internal_error');
      this.#render();
    }
  }

  async #runQuery({ render = true } = {}) {
    const q = this.query.trim();
    if (this.#queryAbort) this.#queryAbort.abort();
    if (!q || !this.#report) {
      this.#hits = null;
      if (render && this.#report) this.#render();
      return;
    }
    const ac = new AbortController();
    this.#queryAbort = ac;
    const L = this.#labels();
    const gen = this.#gen;
    this.#say(L.searching);
    try {
      // The shared client queries the statements of its last compare(): compare ours first, in the
      // same turn, so another element's call cannot come between (a repeated compare is instant).
      const cmp = this.#client.compare(this.#sent, this.options, { signal: ac.signal });
      const qr = this.#client.query(q, { signal: ac.signal });
      await cmp;
      const hits = await qr;
      if (gen !== this.#gen || ac.signal.aborted) return;
      this.#hits = hits;
      this.#say(this.#message(L), this.#state === 'error');
    } catch (e) {
      if (ac.signal.aborted || e.code === 'cancelled') return;
      this.#hits = null;
      this.#say(labelsFor(this.#lang()).searchFailed(e.message), true);
    }
    if (render) this.#render();
  }

  // ---------- state, events, helpers ----------

  #labels() { return labelsFor(this.#lang()); }
  #lang() { const el = this.closest('[lang]'); return el ? el.getAttribute('lang') : this.#doc.documentElement.lang || 'en'; }

  #setState(state, message = null, code = null) {
    this.#state = state;
    this.#message = message || (state === 'waiting' ? (L) => L.waiting : state === 'loading' ? (L) => L.loading : () => '');
    this.#say(this.#message(this.#labels()), state === 'error');
    this.#rootEl.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
    if (state === 'error' && code) this.#emit('refrain-error', { code, message: this.#message(labelsFor('en')) });
  }

  #say(text, error = false) {
    this.#status.textContent = text;
    this.#status.classList.toggle('error', error);
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }

  #reflect(name, value) {
    this.#reflecting = true;
    try {
      if (value) this.setAttribute(name, value);
      else this.removeAttribute(name);
    } finally { this.#reflecting = false; }
  }

  #applyTheme() {
    this.#rootEl.classList.remove(...THEMES);
    this.#rootEl.classList.add(this.theme);
  }


  /** A family id from an id or from words of a root ("true multilateralism"). */
  #resolveFamily(value) {
    const m = this.#model;
    if (!m || !value) return null;
    if (m.family(value)) return value;
    const want = normWords(value);
    if (!want.length) return null;
    const key = want.join(' ');
    const has = (text) => { const w = normWords(text); return want.every((x) => w.includes(x)); };
    const hit = m.families.find((f) => normWords(f.root).join(' ') === key)
      || m.families.find((f) => has(f.root)) || m.families.find((f) => (f.occurrences || []).some((o) => has(o.text)));
    return hit ? hit.id : null;
  }

  // ---------- rendering ----------

  #render() {
    const d = this.#doc;
    const L = this.#labels();
    this.#rootEl.setAttribute('lang', L.lang);
    // Tabs
    const views = this.views;
    const current = this.view;
    this.#tabs.replaceChildren();
    this.#tabs.setAttribute('aria-label', L.views);
    this.#tabs.hidden = views.length < 2;
    for (const v of views) {
      this.#tabs.append(h(d, 'button', {
        type: 'button', class: 'tab', role: 'tab', part: 'tab', 'data-view': v, 'aria-selected': String(v === current),
        tabindex: v === current ? '0' : '-1', text: L[v], on: { click: () => this.#setView(v) },
      }));
    }
    this.#body.setAttribute('aria-label', L[current]);
    if (current !== 'presenter' && this.#presenter) { this.#presenter.destroy(); this.#presenter = null; }
    this.#body.replaceChildren();
    if (current === 'refrains') this.#renderRefrains();
    else if (current === 'search') this.#renderSearch();
    else if (current === 'heatmap') this.#renderHeatmap();
    else if (current === 'presenter') this.#renderPresenter();
    else this.#renderReader();
    this.#say(this.#message ? this.#message(L) : '', this.#state === 'error');
  }

  #setView(v, focusTab = false) {
    this.#reflect('view', v);
    this.#render();
    if (focusTab) { const t = this.#tabs.querySelector(`[data-view="${v}"]`); if (t) t.focus(); }
  }

  #renderReader() {
    const d = this.#doc;
    const L = labelsFor(this.#lang());
    if (this.#pair) {
      this.#body.append(h(d, 'p', {}, h(d, 'button', { type: 'button', class: 'btn', text: L.showAllStatements,
        on: { click: () => { this.#pair = null; this.#render(); } } })));
    }
    const reader = this.#viewOf('reader').view;
    this.#body.append(this.#viewOf('reader').root);
    const shown = this.#pair ? this.#sent.filter((s) => this.#pair.includes(s.id)) : this.#sent;
    reader.update({ model: this.#model, statements: this.#sent, columns: shown.map((s) => s.id), selected: this.#selected,
      hits: this.#hits ? this.#hits.occurrences : null });
    if (this.#goto !== null) {
      const i = this.#goto;
      this.#goto = null;
      reader.goToHit(i);
    }
  }

  /** The user chose a family in a view (null: cleared), at `occurrence` when there is one. */
  #picked(id, occurrence = null) {
    this.#selected = id;
    this.#reflect('family', id);
    const family = id ? this.#model.family(id) : null;
    this.#emit('refrain-select', { family, occurrence, statement: occurrence ? occurrence.doc : null });
  }

  #select(id, { emit = false, occurrence = null, scroll = false } = {}) {
    if (!this.#model) return; // the comparison resolves the family attribute when it is done
    if (id && !this.#model.family(id)) id = null;
    this.#selected = id;
    const attr = this.getAttribute('family');
    if ((attr ? this.#resolveFamily(attr) : null) !== id) this.#reflect('family', id);
    else if (this.view === 'reader' || this.view === 'refrains') this.#viewOf(this.view).view.select(id, { align: scroll });
    else if (this.view === 'presenter' && this.#presenter && id) {
      this.#quiet = !emit;
      try { this.#presenter.show(id); } finally { this.#quiet = false; }
      return;
    }
    if (emit) {
      const family = id ? this.#model.family(id) : null;
      this.#emit('refrain-select', { family, occurrence: occurrence || null, statement: occurrence ? occurrence.doc : null });
    }
  }

  #renderRefrains() {
    if (!this.#model) return;
    const { root, view } = this.#viewOf('refrains');
    this.#body.append(root);
    view.update({ model: this.#model, statements: this.#sent, selected: this.#selected });
  }

  /** Shows family `id` in the reader, selected (a user's choice). */
  #read(id) {
    this.#picked(id);
    this.#setView('reader');
    this.#viewOf('reader').view.select(id, { align: true });
  }

  /** A view of the shared set (js/), made once per language and kept while the element lives. */
  #viewOf(name) {
    const L = labelsFor(this.#lang());
    let v = this.#views.get(name);
    if (!v || v.labels !== L) {
      const root = h(this.#doc, 'div', { class: 'view', 'data-view': name });
      v = { root, labels: L, view: this.#make(name, root, L) };
      this.#views.set(name, v);
    }
    return v;
  }

  #make(name, root, L) {
    if (name === 'refrains') return createRefrains(root, L, { collapsed: true, onSelect: (id) => this.#picked(id), onRead: (f) => this.#read(f.id) });
    if (name === 'search') {
      return createSearch(root, L, { onGo: (i) => this.#goToHit(i), onFamily: (id) => this.#read(id),
        onSearch: (q) => { this.#reflect('query', q); this.#runQuery(); } });
    }
    if (name === 'heatmap') return createHeatmap(root, L, { onOpenPair: (a, b) => { this.#pair = [a, b]; this.#setView('reader'); } });
    return createReader(root, L, { toggle: true, onSelectFamily: (id, occurrence) => this.#picked(id, occurrence) });
  }

  #renderSearch() {
    const { root, view } = this.#viewOf('search');
    this.#body.append(root);
    view.update({ result: this.#hits, statements: this.#sent, model: this.#model, query: this.query });
  }

  /** Opens search hit `i` in the reader (selecting its family), as the user asked. */
  #goToHit(i) {
    const o = this.#hits.occurrences[i];
    const family = o.family ? this.#model.family(o.family) : null;
    this.#goto = i;
    if (this.#pair && !this.#pair.includes(o.doc)) this.#pair = null;
    if (family) this.#selected = o.family;
    this.#reflect('family', this.#selected);
    this.#setView('reader');
    this.#emit('refrain-select', { family, occurrence: o, statement: o.doc });
  }

  #renderHeatmap() {
    if (!this.#report) return;
    const { root, view } = this.#viewOf('heatmap');
    this.#body.append(root);
    view.update({ report: this.#report, statements: this.#sent });
  }

  async #renderPresenter() {
    const d = this.#doc;
    if (!this.#model) return;
    const holder = h(d, 'div', { class: 'presenter-holder' });
    this.#body.append(holder);
    const mod = await import('./presenter.js');
    if (this.view !== 'presenter' || !holder.isConnected) return;
    const shadow = this.shadowRoot;
    mod.adoptPresenterSheet(shadow);
    if (this.#presenter) this.#presenter.destroy();
    this.#presenter = mod.createPresenter(holder, labelsFor(this.#lang()), {
      model: this.#model, statements: this.#sent, start: this.#selected,
      fullscreen: this,
      onStep: (family) => {
        this.#selected = family ? family.id : null;
        this.#reflect('family', this.#selected);
        if (!this.#quiet) this.#emit('refrain-select', { family, occurrence: null, statement: null });
      },
    });
  }
}
