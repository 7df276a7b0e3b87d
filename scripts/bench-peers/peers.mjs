// What the Node adapters of `make bench-peers` share: the command line, reading a corpus written
// by `cargo bench --bench planted -- write`, UTF-16 to UTF-8 offsets, every pair of statements, and
// writing the detections file that `cargo bench --bench planted -- score` reads (docs/bench.md,
// "Files, for other tools"). The driver (run.py) copies the adapters beside the pinned packages
// in target/bench-peers/npm/ and runs them there.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `node ADAPTER DIR OUT.json [--min-words N]`: the corpus folder, the output file, the options. */
export function args(defaults = {}) {
  const [dir, out, ...rest] = process.argv.slice(2);
  if (!dir || !out) {
    throw new Error('usage: DIR OUT.json [--min-words N]');
  }
  const options = { ...defaults };
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
    if (!(name in options) || rest[i + 1] === undefined) {
      throw new Error(`unknown option or missing value: ${rest[i]}`);
    }
    options[name] = Number(rest[i + 1]);
  }
  return { dir, out, options };
}

/** The statements of a written corpus, in the order of truth.json: `{ name, path, text }`. */
export function readCorpus(dir) {
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
  return truth.files.map((name) => {
    const path = join(dir, name);
    return { name, path, text: readFileSync(path, 'utf8') };
  });
}

/**
 * UTF-8 byte offsets of a text's UTF-16 offsets: `offsets[i]` is the byte offset of code unit i
 * (the offset after a surrogate pair's first unit is that of the character after the pair).
 */
export function byteOffsets(text) {
  const offsets = new Uint32Array(text.length + 1);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    offsets[i] = bytes;
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      offsets[++i] = bytes;
    } else bytes += 3;
  }
  offsets[text.length] = bytes;
  return offsets;
}

/** Every unordered pair of statements: `[i, j]` with i < j. */
export function* pairs(n) {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) yield [i, j];
  }
}

/**
 * A detection of `docs[i]` UTF-16 range [aStart, aEnd) and `docs[j]` range [bStart, bEnd), in the
 * file format: byte offsets (`docs[k].bytes` is filled on first use).
 */
export function detection(docs, i, aStart, aEnd, j, bStart, bEnd) {
  const bytes = (k) => {
    docs[k].bytes ??= byteOffsets(docs[k].text);
    return docs[k].bytes;
  };
  return {
    a: { doc: docs[i].name, start: bytes(i)[aStart], end: bytes(i)[aEnd] },
    b: { doc: docs[j].name, start: bytes(j)[bStart], end: bytes(j)[bEnd] },
  };
}

/** Writes the detections file (a JSON list) and says how many. */
export function writeDetections(out, detections) {
  writeFileSync(out, `[${detections.map((d) => JSON.stringify(d)).join(',\n')}]\n`);
  console.log(`${out}: ${detections.length} detections`);
}
