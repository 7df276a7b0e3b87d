// The refrain Web Worker: runs the WebAssembly engine off the main thread for refrain-client.js.
// A module worker; it imports ./pkg/refrain.js (wasm-bindgen, --target web: the glue of the core
// engine, without parallel texts), so that the glue loads with the worker's own script, and loads
// ./pkg/refrain_bg.wasm on first use, or takes it compiled from a 'load' request (`module`: a page
// can compile it while the worker starts, as js/start.js does). The full engine (./pkg/full/, feature
// `parallel` and `groups`: Corpus.align, the cross-language query, Corpus.contrast) is loaded the
// first time a request needs it: an `align`, a `contrast`, or a `query` with option cross_language
// on (the default) over statements in both Chinese and English. A comparison of any size stays on
// the core: built at opt-level 2 it compares as fast as the full one (the 113 statements of the
// shared corpus, 1.6 MB: 0.53 s against 0.61 s in Node), without the full one's download. Once
// loaded, the full engine serves every request (it does all the core does), so that a corpus is
// not built on both.
//
// Protocol (one request at a time, which the client queues, and any number of 'load' requests: a
// request that comes while the engine loads waits for it):
//   client -> worker  { id, type: 'load', module? }                  (loads the core engine; result null;
//                                                                     `module`, a WebAssembly.Module of
//                                                                     pkg/refrain_bg.wasm, is instantiated
//                                                                     rather than fetched)
//                     { id, type: 'compare', statements, options }
//                     { id, type: 'contrast', statements, options, a, b, labelA?, labelB? }
//                     { id, type: 'align', statements, options, zh, en }
//                     { id, type: 'query', phrase, corpus?: { statements, options } }
//                       `corpus` is sent when this worker has not seen the statements yet.
//   worker -> client  { id, type: 'progress', stage, done, total }   (a few per second at most)
//                     { id, type: 'result', value }                  (Report, ContrastReport, Alignment
//                                                                     or QueryReport)
//                     { id, type: 'error', code, message }           (the engine's error codes)
//                     { id, type: 'crashed', message }               (WebAssembly trapped; the worker
//                                                                     closes and must be replaced)
// The worker keeps one Corpus and re-uses it when the same statements and options come again
// (compared by a hash of ids, texts, metadata and options), so repeated queries and contrasts of
// the compared statements do not index them again.
// It never logs or sends anywhere the statements' text.

import * as coreGlue from './pkg/refrain.js';

// An Error with a string `code`, as js/util.js makes them: written here so that the worker does not
// wait for another module.
const coded = (code, message) => Object.assign(new Error(message), { code });

const PROGRESS_INTERVAL_MS = 50;

const engines = { core: null, full: null }; // the promises of the two wasm modules' exports
let corpus = null; // the engine Corpus of the last statements
let corpusKey = null; // their hash
let corpusModule = null; // the module that built it
let corpusInput = null; // its statements and options, to build it again on the full engine
let lastReport = null; // the report of `corpus`, once compared
let lastReportOf = null;

// The glue and .wasm of each engine, located by `new URL(…, import.meta.url)` so that bundlers
// copy them too (an import of a literal path, which bundlers follow, for the glue).
const ENGINE_FILES = {
  core: () => [coreGlue, new URL('./pkg/refrain_bg.wasm', import.meta.url)],
  full: () => [import('./pkg/full/refrain.js'), new URL('./pkg/full/refrain_bg.wasm', import.meta.url)],
};

// Compiles the .wasm at `url` as it downloads; a server that does not send it as application/wasm
// (which compiling while downloading requires) has it compiled once downloaded.
async function compile(url) {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

// Two sentences of the engine's own, in English and Chinese, compared once when the core engine has
// loaded and no other request has come yet (a Worker waiting for the page's statements, as on a
// first visit). V8 compiles a WebAssembly function when it is first called, with its baseline
// compiler, and optimizes it for its next call only, so the first comparison pays for compiling
// the engine's code and runs its long stages in baseline code: in headless Chromium the default
// demo's first comparison took 105 ms, and 41 ms after this one (16-22 ms). Priming only uses that
// wait: a request that has come needs none (it compiles the same code; the two in a row take
// longer than the request alone for 113 statements). They hold no text of the user's.
const PRIMER = [
  {
    id: 'a',
    text: 'We call for true multilateralism and peaceful coexistence among all nations. 我们主张真正的多边主义。',
  },
  {
    id: 'b',
    text: 'They call for genuine multilateralism and the peaceful coexistence of nations. 坚持真正的多边主义。',
  },
];

let requested = false; // a request other than 'load' has come: no priming

function prime(engine) {
  let corpus = null;
  try {
    corpus = new engine.Corpus();
    for (const statement of PRIMER) corpus.add(statement);
    corpus.compare();
    performance.mark('refrain:engine-primed');
  } catch {
    // Only a head start: the comparisons asked for load and report on their own.
  } finally {
    corpus?.free();
  }
}

// Loads engine `kind` once; `given`, its .wasm already compiled, is instantiated rather than fetched.
async function loadEngine(kind, given) {
  engines[kind] ??= (async () => {
    const [glue, wasm] = ENGINE_FILES[kind]();
    // The .wasm downloads and compiles while the glue loads.
    const [module, compiled] = await Promise.all([glue, given ?? compile(wasm)]);
    await module.default({ module_or_path: compiled });
    performance.mark(`refrain:engine-${kind}`);
    if (kind === 'core') setTimeout(() => requested || prime(module), 0);
    return module;
  })();
  try {
    return await engines[kind];
  } catch (e) {
    engines[kind] = null; // try again on the next request
    throw coded('load_failed', `could not load the WebAssembly engine: ${e?.message ? e.message : e}`);
  }
}

// Whether the statements hold Chinese and English ones: by their `language` when given, else a
// text with Han characters is Chinese and one with Latin letters and no Han is English.
const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
function bilingual(statements) {
  let zh = false;
  let en = false;
  for (const s of Array.isArray(statements) ? statements : []) {
    const language = typeof s?.language === 'string' ? s.language.toLowerCase() : '';
    const text = typeof s?.text === 'string' ? s.text : '';
    if (language) {
      zh ||= language.startsWith('zh');
      en ||= language.startsWith('en');
    } else if (HAN.test(text)) zh = true;
    else if (LATIN.test(text)) en = true;
    if (zh && en) return true;
  }
  return false;
}

// The engine for a request: the full one when it needs it or once it is loaded, else the core.
function engineFor(message) {
  if (engines.full || message.type === 'align' || message.type === 'contrast') return loadEngine('full');
  if (message.type === 'load' && message.module instanceof WebAssembly.Module) {
    return loadEngine('core', message.module);
  }
  if (message.type === 'query') {
    const input = message.corpus ?? corpusInput;
    if (input && input.options?.cross_language !== false && bilingual(input.statements)) return loadEngine('full');
  }
  return loadEngine('core');
}

// A 53-bit hash (two 32-bit lanes) of everything that makes a Corpus: cheap for megabytes.
function hashCorpus(statements, options) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (value) => {
    const s =
      value == null ? '\u0000null' : typeof value === 'string' ? value : `\u0000${typeof value}:${String(value)}`;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    // The length separates fields, so ("ab", "c") and ("a", "bc") differ.
    h1 = Math.imul(h1 ^ s.length, 2246822507);
    h2 = Math.imul(h2 ^ s.length, 3266489909);
  };
  feed(JSON.stringify(options ?? {}));
  feed(String(statements.length));
  for (const s of statements) {
    if (s === null || typeof s !== 'object') {
      feed(s);
      continue;
    }
    feed(s.id);
    feed(s.text);
    feed(s.title);
    feed(s.speaker);
    feed(s.date);
    feed(s.language);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

// Makes `corpus` hold exactly these statements, re-using it when they are the same.
function useStatements(module, statements, options) {
  if (!Array.isArray(statements)) {
    throw coded('invalid_input', 'statements must be an array of {id, text, ...} objects');
  }
  const key = hashCorpus(statements, options);
  if (corpus && key === corpusKey && module === corpusModule) return corpus;
  if (corpus) corpus.free();
  corpus = null;
  corpusKey = null;
  corpusModule = null;
  corpusInput = null;
  lastReport = lastReportOf = null;
  const fresh = new module.Corpus(options ?? {});
  try {
    for (const statement of statements) fresh.add(statement);
  } catch (e) {
    fresh.free();
    throw e;
  }
  corpus = fresh;
  corpusKey = key;
  corpusModule = module;
  corpusInput = { statements, options };
  return corpus;
}

// Builds the corpus again on `module` (the full engine, for a query that needs it), compared again
// if it was compared: a query names the families of the last comparison, and the next compare of
// the same statements re-uses this report.
function moveCorpus(module) {
  const compared = lastReportOf === corpus && lastReport !== null;
  useStatements(module, corpusInput.statements, corpusInput.options);
  if (compared) {
    lastReport = corpus.compare();
    lastReportOf = corpus;
  }
}

// A progress callback that posts the engine's progress for request `id`: at the start and end of
// each stage, and at most every PROGRESS_INTERVAL_MS in between.
function postProgress(id) {
  let last = 0;
  let lastStage = '';
  return (stage, done, total) => {
    const now = Date.now();
    if (stage !== lastStage || done >= total || now - last >= PROGRESS_INTERVAL_MS) {
      last = now;
      lastStage = stage;
      postMessage({ id, type: 'progress', stage, done, total });
    }
  };
}

async function handle(message) {
  const module = await engineFor(message);
  if (message.type === 'load') return null;
  if (message.type === 'compare') {
    const target = useStatements(module, message.statements, message.options);
    // The same statements and options give the same report: keep it with the corpus.
    if (target === lastReportOf && lastReport) return lastReport;
    performance.mark('refrain:compare-start');
    const report = target.compare(postProgress(message.id));
    performance.mark('refrain:compare-end');
    lastReport = report;
    lastReportOf = target;
    return report;
  }
  if (message.type === 'contrast') {
    const target = useStatements(module, message.statements, message.options);
    return target.contrast(message.a, message.b, message.labelA, message.labelB, postProgress(message.id));
  }
  if (message.type === 'align') {
    const target = useStatements(module, message.statements, message.options);
    return target.align(message.zh, message.en);
  }
  if (message.type === 'query') {
    if (message.corpus) useStatements(module, message.corpus.statements, message.corpus.options);
    else if (corpus && corpusModule !== module) moveCorpus(module);
    if (!corpus) throw coded('no_statements', 'compare some statements before querying them');
    return corpus.query(message.phrase);
  }
  throw coded('invalid_input', `unknown request type ${JSON.stringify(String(message.type))}`);
}

self.onmessage = async (event) => {
  const message = event.data;
  const id = message?.id;
  if (message?.type !== 'load') requested = true;
  try {
    const value = await handle(message);
    postMessage({ id, type: 'result', value });
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      // A trap (a panic, or memory exhausted): the instance can no longer be trusted.
      corpus = null;
      postMessage({ id, type: 'crashed', message: `the engine stopped: ${e.message}` });
      self.close();
      return;
    }
    if (message && message.type === 'compare') {
      // The corpus may hold only part of the statements; build it again next time.
      if (corpus) corpus.free();
      corpus = null;
      corpusKey = null;
    }
    const code = e && typeof e.code === 'string' ? e.code : 'internal_error';
    const text = e?.message ? e.message : String(e);
    postMessage({ id, type: 'error', code, message: text });
  }
};
