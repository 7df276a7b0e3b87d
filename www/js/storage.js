// Keeps the workspace (the user's statements, columns, settings) in the browser: IndexedDB when it
// is available, localStorage otherwise. Nothing is sent anywhere. `forget` removes all of it.

const DB = 'refrain';
const STORE = 'kv';
const KEY = 'workspace';
const LS_KEY = 'refrain.workspace.v1';

function openDb(win) {
  return new Promise((ok, fail) => {
    if (!win.indexedDB) {
      fail(new Error('no IndexedDB'));
      return;
    }
    const req = win.indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error || new Error('IndexedDB failed'));
    req.onblocked = () => fail(new Error('IndexedDB blocked'));
  });
}

function tx(db, mode, fn) {
  return new Promise((ok, fail) => {
    const t = db.transaction(STORE, mode);
    const store = t.objectStore(STORE);
    let result;
    const req = fn(store);
    if (req)
      req.onsuccess = () => {
        result = req.result;
      };
    t.oncomplete = () => ok(result);
    t.onerror = () => fail(t.error || new Error('IndexedDB transaction failed'));
    t.onabort = () => fail(t.error || new Error('IndexedDB transaction aborted'));
  });
}

/** A store bound to a window (so it works from any document). */
export function createStorage(win) {
  let dbp = null;
  const db = () => {
    if (!dbp)
      dbp = openDb(win).catch((e) => {
        dbp = null;
        throw e;
      });
    return dbp;
  };

  return {
    /** The saved workspace, or null. */
    async load() {
      try {
        const v = await tx(await db(), 'readonly', (s) => s.get(KEY));
        if (v) return v;
      } catch {
        /* fall back */
      }
      try {
        const raw = win.localStorage.getItem(LS_KEY);
        return raw ? JSON.parse(raw) : null;
      } catch {
        return null;
      }
    },
    /** Saves the workspace; resolves to where it went ('indexeddb' or 'localstorage'). */
    async save(workspace) {
      const value = JSON.parse(JSON.stringify(workspace));
      try {
        await tx(await db(), 'readwrite', (s) => s.put(value, KEY));
        try {
          win.localStorage.removeItem(LS_KEY);
        } catch {
          /* ignore */
        }
        return 'indexeddb';
      } catch {
        win.localStorage.setItem(LS_KEY, JSON.stringify(value));
        return 'localstorage';
      }
    },
    /** Removes everything refrain keeps in this browser. */
    async forget() {
      try {
        win.localStorage.removeItem(LS_KEY);
      } catch {
        /* ignore */
      }
      try {
        await tx(await db(), 'readwrite', (s) => s.delete(KEY));
      } catch {
        /* ignore */
      }
    },
  };
}
