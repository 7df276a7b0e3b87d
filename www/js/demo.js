// The demo sets: a manifest (demo/manifest.json) of UN General Debate Corpus statements copied byte
// for byte into www/demo/, and the texts, fetched from the page's own origin.

/** Loads the manifest relative to `base` (the page's URL). */
export async function loadManifest(base) {
  const res = await fetch(new URL('demo/manifest.json', base));
  if (!res.ok) throw new Error(`demo manifest: HTTP ${res.status}`);
  return res.json();
}

const cache = new Map();

/** The text of demo statement `demoId` (cached). */
export function loadDemoText(base, manifest, demoId) {
  const entry = manifest.statements[demoId];
  if (!entry) return Promise.reject(new Error(`unknown demo statement ${demoId}`));
  if (!cache.has(demoId)) {
    cache.set(
      demoId,
      fetch(new URL(`demo/${entry.file}`, base))
        .then((r) => {
          if (!r.ok) throw new Error(`demo ${entry.file}: HTTP ${r.status}`);
          return r.text();
        })
        .catch((e) => {
          cache.delete(demoId);
          throw e;
        }),
    );
  }
  return cache.get(demoId);
}

/** Workspace entries (without text) for the statements of demo set `setId`. */
export function demoEntries(manifest, setId) {
  const set = manifest.sets.find((s) => s.id === setId) || manifest.sets[0];
  return set.statements.map((demoId) => {
    const e = manifest.statements[demoId];
    return {
      id: demoId,
      source: 'demo',
      demoId,
      title: e.title,
      speaker: e.speaker,
      date: e.date,
      language: e.language,
      country: e.country || null,
    };
  });
}

/** The columns a demo set opens with (the manifest's choice), or null to let the page choose. */
export function demoColumns(manifest, setId) {
  const set = manifest.sets.find((s) => s.id === setId);
  return set && Array.isArray(set.columns) ? [...set.columns] : null;
}

/** The words of the refrain a demo set opens on (selected and lined up), or null. */
export function demoFocus(manifest, setId) {
  const set = manifest.sets.find((s) => s.id === setId);
  return set && typeof set.focus === 'string' ? set.focus : null;
}
