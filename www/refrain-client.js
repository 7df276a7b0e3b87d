// refrain-client.js: a promise API over the refrain Web Worker (refrain-worker.js).
//
//   import { RefrainClient, sharedClient } from './refrain-client.js';
//   const client = new RefrainClient();
//   const client = new RefrainClient({ worker });  // a Worker of refrain-worker.js started ahead
//   const report = await client.compare(statements, options, { onProgress, signal });
//   const hits = await client.query('genuine multilateralism', { signal });
//   const contrast = await client.contrast({ statements, options, a: ['id1'], b: ['id2', 'id3'],
//                                            labelA, labelB, onProgress, signal });
//   const alignment = await client.align({ statements, options, zh: 'id-zh', en: 'id-en', signal });
//   await client.load();  // starts the worker and loads the engine ahead of the first call
//   client.cancel();     // rejects pending calls (code 'cancelled'); a fresh worker starts lazily
//   client.terminate();  // the same, for a client you are done with
//
// Calls run one at a time in the order they were made, except load(), which is sent at once (the
// worker makes the calls that come while the engine loads wait for it). Aborting a call that is
// waiting only removes it; aborting the running one stops the worker (the only way to interrupt WebAssembly)
// and the next call starts a new one. Every rejection is an Error with a string `code`: the
// engine's codes (see the README), 'cancelled', 'no_statements' (a query before any compare),
// 'invalid_input', 'load_failed' (the engine could not be loaded) and 'worker_crashed'.
// This module has no side effect on import; its one dependency is js/util.js (coded errors).
//
// A page can start the Worker before this module and its dependency have loaded, so that the
// engine's files are requested first (js/start.js does):
//   const worker = new Worker(new URL('refrain-worker.js', base), { type: 'module', name: 'refrain' });
//   worker.postMessage({ id: 0, type: 'load' });  // the engine loads now (the reply is ignored)
//   ... later: new RefrainClient({ worker })
// The client takes it as its first worker, as if it had started it: it stops it on cancel(),
// terminate() or a crash, and starts a new one for the next call. Ids of 0 and below are the
// caller's; the client numbers its requests from 1 and ignores replies to others.

import { coded } from './js/util.js';

function cancelledError() {
  return coded('cancelled', 'the request was cancelled');
}

export class RefrainClient {
  /**
   * @param {{ workerUrl?: string | URL, worker?: Worker }} [settings] where the worker script is
   *   (by default refrain-worker.js beside this module); or `worker`, a Worker of refrain-worker.js
   *   already started (type 'module'), which the client takes as its first worker.
   */
  constructor({ workerUrl, worker } = {}) {
    this._workerUrl = workerUrl ?? null; // null: refrain-worker.js beside this module
    this._worker = null;
    this._queue = []; // jobs waiting to be sent
    this._running = null; // the job the worker is working on
    this._loads = []; // load() calls sent and not answered yet
    this._nextId = 1;
    this._corpus = null; // { statements, options } of the last compare() call
    this._workerCorpus = null; // the corpus the current worker was last given
    if (worker) this._startWorker(worker);
  }

  /**
   * Compares the statements: resolves to the report (see docs/report.md).
   * @param {Array<{id: string, text: string, title?: string, speaker?: string, date?: string, language?: string}>} statements
   * @param {object} [options] engine options, snake_case (e.g. { min_words: 3 })
   * @param {{ onProgress?: (p: {stage: string, done: number, total: number}) => void, signal?: AbortSignal }} [how]
   */
  compare(statements, options = {}, { onProgress, signal } = {}) {
    const corpus = { statements, options: options ?? {} };
    this._corpus = corpus;
    return this._submit({ type: 'compare', corpus, onProgress, signal });
  }

  /**
   * Contrasts two groups of the statements: resolves to the contrast report (docs/report.md,
   * "Contrast report"). The worker re-uses its corpus when the statements and options are those
   * it holds (of a compare or contrast call), so the statements are not indexed again.
   * @param {{
   *   statements: Array<{id: string, text: string, title?: string, speaker?: string, date?: string, language?: string}>,
   *   options?: object,
   *   a: string[],
   *   b: string[],
   *   labelA?: string,
   *   labelB?: string,
   *   onProgress?: (p: {stage: string, done: number, total: number}) => void,
   *   signal?: AbortSignal,
   * }} request the statements, engine options, the ids of groups A and B and their labels
   */
  contrast({ statements, options = {}, a, b, labelA, labelB, onProgress, signal } = {}) {
    const corpus = { statements, options: options ?? {} };
    return this._submit({ type: 'contrast', corpus, groups: { a, b, labelA, labelB }, onProgress, signal });
  }

  /**
   * Aligns two of the statements sentence by sentence: `zh`, a Chinese text, with `en`, its English
   * edition; resolves to the alignment (docs/parallel.md). Like contrast(), it sends the statements
   * and the worker re-uses its corpus when they are those it holds.
   * @param {{
   *   statements: Array<{id: string, text: string, title?: string, speaker?: string, date?: string, language?: string}>,
   *   options?: object,
   *   zh: string,
   *   en: string,
   *   signal?: AbortSignal,
   * }} request the statements, engine options, and the ids of the two to align
   */
  align({ statements, options = {}, zh, en, signal } = {}) {
    const corpus = { statements, options: options ?? {} };
    return this._submit({ type: 'align', corpus, pair: { zh, en }, signal });
  }

  /**
   * Starts the worker and loads the core engine now, rather than on the first call that needs
   * them: a page calls it as early as it can, so that the engine compiles while its statements
   * load. Resolves once the engine is loaded.
   * @param {{ signal?: AbortSignal }} [how]
   */
  load({ signal } = {}) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(cancelledError());
        return;
      }
      const job = { type: 'load', id: this._nextId++, resolve, reject, signal };
      if (signal) {
        job.onAbort = () => this._abort(job);
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      if (!this._worker) this._startWorker();
      this._loads.push(job);
      this._worker.postMessage({ id: job.id, type: 'load' });
    });
  }

  /**
   * Finds a phrase and its variants in the statements of the last compare() call.
   * @param {string} phrase
   * @param {{ signal?: AbortSignal }} [how]
   */
  query(phrase, { signal } = {}) {
    if (!this._corpus) {
      return Promise.reject(coded('no_statements', 'compare some statements before querying them'));
    }
    return this._submit({ type: 'query', phrase, corpus: this._corpus, signal });
  }

  /** Rejects every pending call with code 'cancelled' and stops the worker; the next call starts a new one. */
  cancel() {
    this._reset(cancelledError);
  }

  /** Stops the worker; pending calls reject with code 'cancelled'. */
  terminate() {
    this._reset(cancelledError);
    this._corpus = null;
  }

  _submit(job) {
    return new Promise((resolve, reject) => {
      if (job.signal?.aborted) {
        reject(cancelledError());
        return;
      }
      job.resolve = resolve;
      job.reject = reject;
      if (job.signal) {
        job.onAbort = () => this._abort(job);
        job.signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this._queue.push(job);
      this._pump();
    });
  }

  _settle(job, error, value) {
    if (job.signal) job.signal.removeEventListener('abort', job.onAbort);
    if (error) job.reject(error);
    else job.resolve(value);
  }

  _abort(job) {
    if (this._running === job) {
      // The loads sent to the stopped worker end with it; the next call loads the engine again.
      const loads = this._loads;
      this._loads = [];
      this._stopWorker();
      this._running = null;
      for (const j of [job, ...loads]) this._settle(j, cancelledError());
      this._pump();
      return;
    }
    for (const list of [this._queue, this._loads]) {
      const i = list.indexOf(job);
      if (i >= 0) {
        list.splice(i, 1);
        this._settle(job, cancelledError());
      }
    }
  }

  _reset(makeError) {
    this._stopWorker();
    const jobs = [...this._loads, ...(this._running ? [this._running] : []), ...this._queue];
    this._loads = [];
    this._running = null;
    this._queue = [];
    for (const job of jobs) this._settle(job, makeError());
  }

  _stopWorker() {
    if (this._worker) {
      this._worker.terminate();
      this._worker = null;
    }
    this._workerCorpus = null;
  }

  /** Starts a worker, or takes `given`, a Worker already started. */
  _startWorker(given) {
    // Written out as new Worker(new URL(path, import.meta.url), { type: 'module' }), the form
    // bundlers (Vite, webpack) recognize: they bundle the worker and place it beside the app.
    const worker =
      given ??
      (this._workerUrl
        ? new Worker(this._workerUrl, { type: 'module', name: 'refrain' })
        : new Worker(new URL('./refrain-worker.js', import.meta.url), { type: 'module', name: 'refrain' }));
    worker.onmessage = (event) => {
      if (worker === this._worker) this._receive(event.data);
    };
    const crashed = (detail) => {
      if (worker !== this._worker) return;
      this._reset(() => coded('worker_crashed', `the refrain worker stopped${detail ? `: ${detail}` : ''}`));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      crashed(event.message || 'it could not be started or threw an error');
    };
    worker.onmessageerror = () => crashed('a message could not be read');
    this._worker = worker;
  }

  _pump() {
    if (this._running || this._queue.length === 0) return;
    const job = this._queue.shift();
    if (!this._worker) this._startWorker();
    const message = { id: this._nextId++, type: job.type };
    if (job.type === 'query') {
      message.phrase = job.phrase;
      if (this._workerCorpus !== job.corpus) message.corpus = job.corpus;
    } else {
      message.statements = job.corpus.statements;
      message.options = job.corpus.options;
      if (job.type === 'contrast') Object.assign(message, job.groups);
      if (job.type === 'align') Object.assign(message, job.pair);
    }
    job.sentCorpus = job.type !== 'query' || 'corpus' in message;
    try {
      this._worker.postMessage(message);
    } catch (e) {
      // The statements or options could not be copied (a function or a DOM node in them).
      this._settle(job, coded('invalid_input', `the request could not be sent to the worker: ${e.message}`));
      this._pump();
      return;
    }
    job.id = message.id;
    this._running = job;
    this._workerCorpus = job.corpus;
  }

  _receive(data) {
    const load = this._loads.find((j) => j.id === data?.id);
    if (load && data.type !== 'crashed') {
      this._loads.splice(this._loads.indexOf(load), 1);
      if (data.type === 'result') this._settle(load, null, null);
      else this._settle(load, coded(data.code || 'internal_error', data.message || 'unknown error'));
      return;
    }
    const job = load ?? this._running;
    if (!job || !data || data.id !== job.id) return;
    if (data.type === 'progress') {
      if (job.onProgress) {
        try {
          job.onProgress({ stage: data.stage, done: data.done, total: data.total });
        } catch (e) {
          if (typeof reportError === 'function') reportError(e);
        }
      }
      return;
    }
    if (data.type === 'crashed') {
      this._reset(() => coded('worker_crashed', data.message));
      return;
    }
    this._running = null;
    if (data.type === 'result') {
      this._settle(job, null, data.value);
    } else {
      // The worker drops statements it could not take; send them again with the next query.
      if (job.sentCorpus) this._workerCorpus = null;
      this._settle(job, coded(data.code || 'internal_error', data.message || 'unknown error'));
    }
    this._pump();
  }
}

let shared = null;

/** One client per page (created on first use), for several elements sharing one worker. */
export function sharedClient() {
  shared ??= new RefrainClient();
  return shared;
}
