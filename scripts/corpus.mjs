// The statements the speed scripts (measure-wasm.mjs, measure-page.mjs) compare: every .txt file
// under ../shared/corpus (or $REFRAIN_CORPUS), with the title, speaker, date and language of its
// .json sidecar when there is one, as engine statements in the order of their paths.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The corpus folder the figures are measured on. */
export function corpusDir(root) {
  return process.env.REFRAIN_CORPUS ? resolve(process.env.REFRAIN_CORPUS) : resolve(root, '..', 'shared', 'corpus');
}

/** The statements of every .txt file under `dir`. */
export function readCorpus(dir) {
  const files = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.txt')) files.push(path);
    }
  };
  walk(dir);
  return files.map((path) => {
    const statement = { id: relative(dir, path), text: readFileSync(path, 'utf8') };
    const sidecar = path.replace(/\.txt$/, '.json');
    if (existsSync(sidecar)) {
      const meta = JSON.parse(readFileSync(sidecar, 'utf8'));
      for (const key of ['title', 'speaker', 'date', 'language']) {
        if (typeof meta[key] === 'string') statement[key] = meta[key];
      }
    }
    return statement;
  });
}
