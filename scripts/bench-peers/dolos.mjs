// Dolos (npm `@dodona/dolos-lib`) as a passage finder, as its library documentation shows:
// `new Dolos({ language: 'char' })` (its language for plain text, which it also picks by itself for
// .txt files; k-grams of 23 characters, windows of 17, its defaults), `analyzePaths` on every
// statement, and each fragment of each pair (`pair.buildFragments()`) reported as a detection.
import { Dolos } from '@dodona/dolos-lib';
import { args, detection, readCorpus, writeDetections } from './peers.mjs';

const { dir, out } = args();
const docs = readCorpus(dir);
const byPath = new Map(docs.map((d, k) => [d.path, k]));

/** UTF-16 offset of each line's start (Dolos's char tokenizer counts rows at "\n", columns in code units). */
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
for (const doc of docs) doc.lines = lineStarts(doc.text);

const report = await new Dolos({ language: 'char' }).analyzePaths(docs.map((d) => d.path));
const found = [];
for (const pair of report.allPairs()) {
  const [i, j] = [byPath.get(pair.leftFile.path), byPath.get(pair.rightFile.path)];
  if (i === undefined || j === undefined)
    throw new Error(`unknown file ${pair.leftFile.path} or ${pair.rightFile.path}`);
  for (const fragment of pair.buildFragments()) {
    const [l, r] = [fragment.leftSelection, fragment.rightSelection];
    const at = (k, row, col) => docs[k].lines[row] + col;
    found.push(
      detection(
        docs,
        i,
        at(i, l.startRow, l.startCol),
        at(i, l.endRow, l.endCol),
        j,
        at(j, r.startRow, r.startCol),
        at(j, r.endRow, r.endCol),
      ),
    );
  }
}
writeDetections(out, found);
