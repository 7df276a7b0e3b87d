// The page's first comparison, started as early as the page can start it. index.html runs this
// small module on its own (async, ahead of js/app.js and its views), so that the engine's Worker
// starts (before this module's own imports load) and the engine compiles, the demo manifest and
// texts load, and the statements this tab shows are compared while the rest of the page is still
// loading. js/app.js then takes what it started: the client, the storage, the manifest, and the
// report of the first comparison when it compares the same statements with the same options
// (`firstReport`).
//
// It only reads: the workspace this tab shows (its stored statements, or the demo a first visit
// shows), as app.js will open it. What it cannot know ahead, a shared link in the address or one
// being kept (see app.js), it leaves to app.js, which then compares as on any change.

performance.mark('refrain:start');

// The engine's Worker, started before this module imports anything (it has no static import), so
// that the Worker's script and the engine's glue are requested as soon as the page can. A Worker
// that fails to start is left, and the client starts its own.
let worker = new Worker(new URL('../refrain-worker.js', import.meta.url), { type: 'module', name: 'refrain' });
worker.onerror = (event) => {
  event.preventDefault();
  worker = null;
};
// The engine's .wasm, compiled here as it downloads: the page's request goes out at once and ahead
// of the page's other modules, while the Worker's own script waits its turn (a Worker's script is
// the browser's least urgent request). The Worker instantiates the compiled module (its 'load'
// request, id 0: the caller's); if it could not be compiled here, the Worker loads it itself.
const engineSent = WebAssembly.compileStreaming(fetch(new URL('../pkg/refrain_bg.wasm', import.meta.url)))
  .catch(() => undefined)
  .then((module) => worker?.postMessage({ id: 0, type: 'load', module }));

// The rest once the Worker is started (index.html preloads these modules).
const [
  { RefrainClient },
  { loadDemoText, loadManifest },
  { hasLink },
  { createStorage, MINE },
  { defaultWorkspace, engineInput, fromStored },
] = await Promise.all([
  import('../refrain-client.js'),
  import('./demo.js'),
  import('./share.js'),
  import('./storage.js'),
  import('./workspace.js'),
]);

/** The page's client of the engine's Worker: started, the engine loading. A failure to load shows
 * with the comparison, which loads the engine again. */
export const client = new RefrainClient(worker ? { worker } : {});

export const TAB_KEY = 'refrain.workspace'; // sessionStorage: the workspace this browser tab shows
export const JOURNAL_KEY = 'refrain.keeping'; // sessionStorage: a shared link being stored as a workspace

/** The page's URL, which the demo files are relative to. */
export const base = new URL('.', document.baseURI).href;

/** The page's store of workspaces. */
export const storage = createStorage(window);

/** The demo manifest (a promise). */
export const manifestLoaded = loadManifest(base);

/** The workspace this browser tab shows: its id in the session, else the user's own. */
export function tabWorkspace() {
  try {
    return sessionStorage.getItem(TAB_KEY) || MINE;
  } catch {
    return MINE;
  }
}

function keeping() {
  try {
    return sessionStorage.getItem(JOURNAL_KEY) !== null;
  } catch {
    return false;
  }
}

// The stored workspace app.js opens (js/app.js, openWorkspace), read only: the stored workspace of
// this tab, else the user's own, else null (a first visit, or no storage). Read now, while the
// manifest loads (opening the database takes as long as the manifest's request).
const storedLoaded = (async () => {
  if (hasLink(location.hash) || keeping()) return null; // app.js compares first itself
  const id = tabWorkspace();
  return (id !== MINE && (await storage.load(id))) || (await storage.load(MINE));
})().catch(() => null);

// The workspace app.js opens: the stored one, else the demo.
async function shownWorkspace(manifest) {
  const stored = await storedLoaded;
  return stored ? fromStored(manifest, stored) : defaultWorkspace(manifest);
}

let progress = null; // where the first comparison's progress goes
const cancelFirst = new AbortController();

// {sent, options, report} of the first comparison, or null when app.js compares first itself.
const first = (async () => {
  const manifest = await manifestLoaded;
  if (hasLink(location.hash) || keeping()) return null;
  const ws = await shownWorkspace(manifest);
  await Promise.all(
    ws.statements
      .filter((st) => st.source === 'demo' && typeof st.text !== 'string')
      .map(async (st) => {
        st.text = await loadDemoText(base, manifest, st.demoId);
      }),
  );
  const { sent, options } = engineInput(ws);
  if (!sent.length) return null;
  await engineSent; // the 'load' request before the comparison
  const at = performance.mark('refrain:first-compare').startTime;
  const report = client.compare(sent, options, {
    signal: cancelFirst.signal,
    onProgress: (p) => progress?.(p),
  });
  report.catch(() => {}); // app.js reports it, if it takes this report
  return { sent, options, report, at };
})().catch(() => null);

let taken = false;

/**
 * The page's first comparison when `sent` and `options` are what it compares: {report (a promise),
 * sent (when it was sent, performance.now() time)}; else null (then, and on any later call, the
 * caller compares itself). Its progress goes to `onProgress`; `signal` cancels it.
 */
export async function firstReport(sent, options, { onProgress, signal } = {}) {
  await engineSent; // the Worker's 'load' request goes before any comparison app.js sends itself
  if (taken) return null;
  taken = true;
  const f = await first;
  const same = f && JSON.stringify([f.sent, f.options]) === JSON.stringify([sent, options]);
  if (!same || signal?.aborted) {
    cancelFirst.abort();
    return null;
  }
  progress = onProgress;
  signal?.addEventListener('abort', () => cancelFirst.abort(), { once: true });
  return { report: f.report, sent: f.at };
}
