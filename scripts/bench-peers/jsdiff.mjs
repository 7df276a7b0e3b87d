// jsdiff (npm `diff`) as a passage finder: `diffWords` (its word diff: words and punctuation marks
// are tokens, whitespace is ignored; `ignoreCase`) on every pair of statements, and each run of
// common text with at least --min-words words reported as a detection of both sides.
import { diffWords } from 'diff';
import { args, detection, pairs, readCorpus, writeDetections } from './peers.mjs';

const { dir, out, options } = args({ minWords: 5 });
const docs = readCorpus(dir);
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Walks a text over the non-whitespace code units of the change objects that belong to it:
 * diffWords keeps every token but may move whitespace between change objects.
 */
function cursor(text) {
  let at = 0;
  return (value) => {
    const n = value.replace(/\s+/g, '').length;
    while (at < text.length && /\s/.test(text[at])) at++;
    const start = at;
    for (let seen = 0; seen < n; at++) {
      if (!/\s/.test(text[at])) seen++;
    }
    return [start, at];
  };
}

const found = [];
for (const [i, j] of pairs(docs.length)) {
  const [a, b] = [cursor(docs[i].text), cursor(docs[j].text)];
  for (const change of diffWords(docs[i].text, docs[j].text, { ignoreCase: true })) {
    if (change.added) b(change.value);
    else if (change.removed) a(change.value);
    else {
      const [aStart, aEnd] = a(change.value);
      const [bStart, bEnd] = b(change.value);
      if ((change.value.match(WORD) ?? []).length >= options.minWords) {
        found.push(detection(docs, i, aStart, aEnd, j, bStart, bEnd));
      }
    }
  }
}
writeDetections(out, found);
