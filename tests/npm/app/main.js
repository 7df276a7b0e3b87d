// The test app of tests/npm: uses the package `refrain` the three ways its README shows (the
// element, the Worker client with an alignment on the full engine, the engine itself), as an app bundled by Vite or webpack would.
// Each writes what it found, as JSON, where the test reads it.
import 'refrain/define';
import { RefrainClient } from 'refrain/client';
import init, { Corpus } from 'refrain';
import { OPTIONS, PHRASE, STATEMENTS } from './statements.js';

const show = (id, value) => {
  document.getElementById(id).textContent = JSON.stringify(value);
};
const failed = (id) => (e) => show(id, { error: e.code || 'error', message: e.message });

const element = document.querySelector('refrain-compare');
element.options = OPTIONS;
element.statements = STATEMENTS;

const client = new RefrainClient();
client
  .compare(STATEMENTS, OPTIONS)
  .then(async (report) => {
    const hits = await client.query(PHRASE);
    // An alignment runs on the full engine (pkg/full/), which the worker loads only now.
    const alignment = await client.align({ statements: STATEMENTS, options: OPTIONS, zh: 'a', en: 'b' });
    show('client', {
      families: report.families.map((f) => f.root),
      hits: hits.occurrences.map((o) => o.text),
      beads: alignment.beads.map((b) => b.status),
    });
  })
  .catch(failed('client'));

init()
  .then(() => {
    const corpus = new Corpus(OPTIONS);
    for (const s of STATEMENTS) corpus.add(s);
    const report = corpus.compare();
    const hits = corpus.query(PHRASE);
    show('engine', { families: report.families.map((f) => f.root), hits: hits.occurrences.map((o) => o.text) });
    corpus.free();
  })
  .catch(failed('engine'));
