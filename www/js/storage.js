// Keeps the user's workspaces in the browser: IndexedDB when it is available, localStorage
// otherwise. Nothing is sent anywhere; `forget` removes all of it.
//
// A workspace is a record of its settings and view ({id, name, columns, tab, options, draft, ...})
// and one record per statement ({ws, id, pos, source, title, speaker, ..., text}). Every change is
// one transaction that touches only what changed (a statement's fields are merged into the stored
// record), so two tabs editing the same workspace keep each other's statements; each method
// resolves once the change is stored, never before.

const DB = 'refrain';
const VERSION = 2;
const WORKSPACES = 'workspaces';
const STATEMENTS = 'statements';
const LS_KEY = 'refrain.v2';
const LS_V1 = 'refrain.workspace.v1';
const V1_STORE = 'kv';

/** The id of the user's own workspace (the one a new tab opens). */
export const MINE = 'mine';

/** A workspace saved by version 1 of the page ({version: 1, statements: [...], ...}) in today's form. */
export function fromV1(ws) {
  if (ws?.version !== 1 || !Array.isArray(ws.statements)) return null;
  const { statements, version, ...rest } = ws;
  const meta = { ...rest, id: MINE, name: null };
  const sts = statements
    .filter((st) => st && typeof st.id === 'string')
    .map((st, pos) => ({ ...st, ws: MINE, pos, text: st.source === 'demo' ? undefined : st.text }));
  return { meta, statements: sts };
}

function request(req) {
  return new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error || new Error('IndexedDB request failed'));
  });
}

function openDb(win) {
  return new Promise((ok, fail) => {
    if (!win.indexedDB) {
      fail(new Error('no IndexedDB'));
      return;
    }
    const req = win.indexedDB.open(DB, VERSION);
    req.onupgradeneeded = (e) => {
      const db = req.result;
      const t = req.transaction;
      db.createObjectStore(WORKSPACES, { keyPath: 'id' });
      const sts = db.createObjectStore(STATEMENTS, { keyPath: ['ws', 'id'] });
      if (e.oldVersion === 1 && db.objectStoreNames.contains(V1_STORE)) {
        const old = t.objectStore(V1_STORE).get('workspace');
        old.onsuccess = () => {
          const v2 = fromV1(old.result);
          if (v2) {
            t.objectStore(WORKSPACES).put(v2.meta);
            for (const st of v2.statements) sts.put(clean(st));
          }
          db.deleteObjectStore(V1_STORE);
        };
      }
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab opening a newer version: step aside rather than block it.
      db.onversionchange = () => db.close();
      ok(db);
    };
    req.onerror = () => fail(req.error || new Error('IndexedDB failed'));
    req.onblocked = () => fail(new Error('IndexedDB blocked'));
  });
}

/** A copy that structured clone and JSON both take (no undefined fields, no functions). */
function clean(o) {
  return JSON.parse(JSON.stringify(o));
}

// The operations a change is made of, on IndexedDB within one transaction.
function idbOps(t) {
  const ws = t.objectStore(WORKSPACES);
  const sts = t.objectStore(STATEMENTS);
  const range = (id) => IDBKeyRange.bound([id], [id, []]);
  return {
    meta: (id) => request(ws.get(id)),
    metas: () => request(ws.getAll()),
    putMeta: (m) => request(ws.put(clean(m))),
    delMeta: (id) => request(ws.delete(id)),
    statement: (id, sid) => request(sts.get([id, sid])),
    statements: (id) => request(sts.getAll(range(id))),
    putStatement: (st) => request(sts.put(clean(st))),
    delStatement: (id, sid) => request(sts.delete([id, sid])),
    delStatements: (id) => request(sts.delete(range(id))),
    clear: () => Promise.all([request(ws.clear()), request(sts.clear())]),
  };
}

// The same operations on a snapshot of localStorage, written back at the end of the change.
function lsOps(data) {
  const bucket = (id) => {
    data.statements[id] ??= {};
    return data.statements[id];
  };
  return {
    meta: async (id) => (Object.hasOwn(data.workspaces, id) ? data.workspaces[id] : undefined),
    metas: async () => Object.values(data.workspaces),
    putMeta: async (m) => {
      data.workspaces[m.id] = clean(m);
    },
    delMeta: async (id) => {
      delete data.workspaces[id];
    },
    statement: async (id, sid) => (Object.hasOwn(bucket(id), sid) ? bucket(id)[sid] : undefined),
    statements: async (id) => Object.values(bucket(id)),
    putStatement: async (st) => {
      bucket(st.ws)[st.id] = clean(st);
    },
    delStatement: async (id, sid) => {
      delete bucket(id)[sid];
    },
    delStatements: async (id) => {
      delete data.statements[id];
    },
    clear: async () => {
      data.workspaces = {};
      data.statements = {};
    },
  };
}

const byPos = (a, b) => (a.pos ?? 0) - (b.pos ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

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
  let lsChain = Promise.resolve();

  // Runs `fn(ops)` as one change; resolves to [result, where it is stored].
  async function run(mode, fn) {
    let idb = null;
    try {
      idb = await db();
    } catch {
      /* localStorage below */
    }
    if (idb) {
      const t = idb.transaction([WORKSPACES, STATEMENTS], mode);
      const done = new Promise((ok, fail) => {
        t.oncomplete = ok;
        t.onerror = () => fail(t.error || new Error('IndexedDB transaction failed'));
        t.onabort = () => fail(t.error || new Error('IndexedDB transaction aborted'));
      });
      let result;
      try {
        result = await fn(idbOps(t));
      } catch (e) {
        try {
          t.abort();
        } catch {
          /* already finished */
        }
        done.catch(() => {});
        throw e;
      }
      await done;
      return [result, 'indexeddb'];
    }
    // localStorage: one change at a time in this tab, read and written whole.
    const step = lsChain.then(async () => {
      let data = null;
      try {
        data = JSON.parse(win.localStorage.getItem(LS_KEY) || 'null');
      } catch {
        data = null;
      }
      if (!data) {
        data = { workspaces: {}, statements: {} };
        const v2 = fromV1(JSON.parse(win.localStorage.getItem(LS_V1) || 'null'));
        if (v2) {
          data.workspaces[MINE] = clean(v2.meta);
          data.statements[MINE] = Object.fromEntries(v2.statements.map((st) => [st.id, clean(st)]));
        }
      }
      const result = await fn(lsOps(data));
      if (mode === 'readwrite') win.localStorage.setItem(LS_KEY, JSON.stringify(data));
      return [result, 'localstorage'];
    });
    lsChain = step.catch(() => {});
    return step;
  }

  const write = async (fn) => (await run('readwrite', fn))[1];

  return {
    /** Where the last change went: 'indexeddb', 'localstorage' or null before any. */
    where: null,

    /** The metadata of every workspace, oldest first. */
    async workspaces() {
      const [metas] = await run('readonly', (o) => o.metas());
      return metas.sort((a, b) => (a.created ?? 0) - (b.created ?? 0));
    },

    /** Workspace `id`: {meta, statements (in order)}, or null when there is none. */
    async load(id) {
      const [r, where] = await run('readonly', async (o) => {
        const meta = await o.meta(id);
        return meta ? { meta, statements: (await o.statements(id)).sort(byPos) } : null;
      });
      this.where = r ? where : this.where;
      return r;
    },

    /** Creates (or replaces) workspace `meta.id` with these statements, in order. */
    async create(meta, statements) {
      this.where = await write(async (o) => {
        await o.delStatements(meta.id);
        await o.putMeta(meta);
        await Promise.all(statements.map((st, pos) => o.putStatement({ ...st, ws: meta.id, pos })));
      });
      return this.where;
    },

    /**
     * Workspace `meta.id`, created with these statements when it is not stored yet (two tabs
     * opening at once create it once); resolves to it as `load` does.
     */
    async ensure(meta, statements) {
      this.where = await write(async (o) => {
        if (await o.meta(meta.id)) return;
        await o.putMeta(meta);
        await Promise.all(statements.map((st, pos) => o.putStatement({ ...st, ws: meta.id, pos })));
      });
      return this.load(meta.id);
    },

    /** Merges `patch` into the workspace's record (creating it when missing). */
    async patchMeta(id, patch) {
      this.where = await write(async (o) => {
        const meta = (await o.meta(id)) || { id, created: Date.now() };
        await o.putMeta({ ...meta, ...patch, id });
      });
      return this.where;
    },

    /**
     * Adds statements after the last one (`at: 'end'`) or before the first (`at: 'start'`);
     * resolves to their positions.
     */
    async add(id, statements, { at = 'end' } = {}) {
      let positions = [];
      this.where = await write(async (o) => {
        const stored = await o.statements(id);
        const ps = stored.map((st) => st.pos ?? 0);
        const from =
          at === 'start'
            ? (ps.length ? Math.min(...ps) : 0) - statements.length
            : (ps.length ? Math.max(...ps) : -1) + 1;
        positions = statements.map((_, i) => from + i);
        await Promise.all(statements.map((st, i) => o.putStatement({ ...st, ws: id, pos: positions[i] })));
      });
      return positions;
    },

    /**
     * Merges `patch` into each statement of `ids` that is still stored (one removed by another tab
     * stays removed); resolves to the ids patched.
     */
    async patch(id, ids, patch) {
      const done = [];
      this.where = await write(async (o) => {
        for (const sid of ids) {
          const st = await o.statement(id, sid);
          if (!st) continue;
          await o.putStatement({ ...st, ...patch, ws: id, id: sid });
          done.push(sid);
        }
      });
      return done;
    },

    /** Removes the statements `ids`. */
    async remove(id, ids) {
      this.where = await write((o) => Promise.all(ids.map((sid) => o.delStatement(id, sid))));
      return this.where;
    },

    /** Swaps the places of statements `a` and `b`. */
    async swap(id, a, b) {
      this.where = await write(async (o) => {
        const [x, y] = await Promise.all([o.statement(id, a), o.statement(id, b)]);
        if (!x || !y) return;
        const px = x.pos ?? 0;
        const py = y.pos === px ? px + 1 : (y.pos ?? 0);
        await o.putStatement({ ...x, pos: py });
        await o.putStatement({ ...y, pos: px });
      });
      return this.where;
    },

    /** Removes workspace `id` and its statements. */
    async drop(id) {
      this.where = await write(async (o) => {
        await o.delStatements(id);
        await o.delMeta(id);
      });
      return this.where;
    },

    /** Removes everything refrain keeps in this browser. */
    async forget() {
      try {
        win.localStorage.removeItem(LS_KEY);
        win.localStorage.removeItem(LS_V1);
      } catch {
        /* ignore */
      }
      await write((o) => o.clear()).catch(() => {});
    },
  };
}
