// The comparison that a <refrain-compare> shows: its statements, the engine's report and the model
// built on it, and the hits of a query, computed in the page's one shared Worker
// (refrain-client.js sharedClient(), loaded with the first comparison). Each step cancels the one
// it replaces; a step that was replaced resolves to false and changes nothing. No side effect on import.

const client = () => import('../refrain-client.js').then((m) => m.sharedClient());

import { buildModel } from '../js/model.js';
import { statementsOf } from './quotes.js';

export class Session {
  statements = []; // {id, text, title, speaker, date, language}, as compared
  report = null;
  model = null;
  hits = null; // the QueryReport of the last query
  queryError = null; // why the last query failed
  contrastReport = null; // the group comparison last drawn (groups.js)
  #jobs = {};
  #gen = 0;

  /** Starts `what` again (a new `load` replaces everything); says whether its result still counts. */
  #start(what) {
    if (what === 'load') this.#gen += 1;
    if (this.#jobs[what]) this.#jobs[what].abort();
    const ac = new AbortController();
    this.#jobs[what] = ac;
    const gen = this.#gen;
    return { signal: ac.signal, current: () => !ac.signal.aborted && gen === this.#gen };
  }

  /** Runs `step` as job `what`: false if it was replaced or cancelled, else true; other errors are thrown. */
  async #job(what, step) {
    const job = this.#start(what);
    try {
      return (await step(job.signal, job.current)) !== false && job.current();
    } catch (e) {
      if (!job.current() || e.code === 'cancelled') return false;
      throw e;
    }
  }

  /** Reads the statements of the element `host` (or `given` ones; see statementsOf), forgetting the last report. */
  load(host, given) {
    return this.#job('load', async (signal, current) => {
      const list = await statementsOf(host, given, signal);
      if (!current()) return false;
      Object.assign(this, {
        statements: list,
        report: null,
        model: null,
        hits: null,
        queryError: null,
        contrastReport: null,
      });
    });
  }

  /** Compares the statements with the engine `options`. */
  compare(options) {
    return this.#job('compare', async (signal, current) => {
      const report = await (await client()).compare(this.statements, options, { signal });
      if (!current()) return false;
      this.report = report;
      this.model = buildModel(report, this.statements);
    });
  }

  /** Finds `phrase` and its variants in the compared statements ('' clears the hits); a failure is kept in queryError. */
  query(phrase, options) {
    this.hits = this.queryError = null;
    return this.#job('query', async (signal, current) => {
      if (!phrase || !this.report) return;
      try {
        // The shared client queries the statements of its last compare(): compare ours first, in the
        // same turn, so another element's call cannot come between (a repeated compare is instant).
        const shared = await client();
        const compared = shared.compare(this.statements, options, { signal });
        const found = shared.query(phrase, { signal });
        await compared;
        const hits = await found;
        if (current()) this.hits = hits;
      } catch (e) {
        if (!current() || e.code === 'cancelled') throw e;
        this.queryError = e.message;
      }
    });
  }

  /** Cancels every step under way. */
  cancel() {
    for (const ac of Object.values(this.#jobs)) ac.abort();
  }
}
