// diff-match-patch as a passage finder, in the word mode of its wiki ("Line or Word Diffs"):
// each statement is cut at runs of whitespace, each distinct word of a pair becomes one character,
// `diff_main(chars1, chars2, false)` diffs them (its default `Diff_Timeout` of 1 s per pair), and
// each equality of at least --min-words words is reported as a detection of both sides.
import DiffMatchPatch from 'diff-match-patch';
import { args, detection, pairs, readCorpus, writeDetections } from './peers.mjs';

const { dir, out, options } = args({ minWords: 5 });
const docs = readCorpus(dir);
const dmp = new DiffMatchPatch();

/** The words of a text (runs of non-whitespace), with their UTF-16 ranges. */
function words(text) {
  return [...text.matchAll(/\S+/g)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}
for (const doc of docs) doc.words = words(doc.text);

/** One character per distinct word of the pair, as the wiki's diff_linesToWords (BMP, no surrogates). */
function encode(x, y) {
  const codes = new Map();
  const code = (w) => {
    if (!codes.has(w)) {
      const n = codes.size + 1;
      codes.set(w, String.fromCharCode(n < 0xd800 ? n : n + 0x800));
    }
    return codes.get(w);
  };
  const chars1 = x.map((w) => code(w.word)).join('');
  const chars2 = y.map((w) => code(w.word)).join('');
  if (codes.size > 0xffff - 0x800) throw new Error('more distinct words in a pair than characters');
  return [chars1, chars2];
}

const found = [];
for (const [i, j] of pairs(docs.length)) {
  const [x, y] = [docs[i].words, docs[j].words];
  const [chars1, chars2] = encode(x, y);
  let [p, q] = [0, 0];
  for (const [op, text] of dmp.diff_main(chars1, chars2, false)) {
    const n = text.length;
    if (op === 0 && n >= options.minWords) {
      found.push(detection(docs, i, x[p].start, x[p + n - 1].end, j, y[q].start, y[q + n - 1].end));
    }
    if (op !== 1) p += n;
    if (op !== -1) q += n;
  }
}
writeDetections(out, found);
