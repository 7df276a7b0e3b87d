// Every type the package `refrain` exports, used as an app would: `tsc --noEmit --strict` must
// accept it (tests/npm/package.test.mjs, which also checks that each exported name appears here).
import init, {
  Corpus,
  initSync,
  type ContrastFamily,
  type ContrastReport,
  type Edit,
  type EditOp,
  type ErrorCode,
  type Excerpt,
  type Factors,
  type Family,
  type Filler,
  type FirstUse,
  type GroupSummary,
  type InitInput,
  type InitOutput,
  type Occurrence,
  type Options,
  type ProgressCallback,
  type QueryOccurrence,
  type QueryReport,
  type RefrainError,
  type Report,
  type Similarity,
  type Slot,
  type Stage,
  type StatementInput,
  type StatementSummary,
  type Stats,
  type SyncInitInput,
  type TimelinePoint,
  type Why,
  type Wording,
} from 'refrain';
import {
  RefrainClient,
  sharedClient,
  type AlignCall,
  type ClientErrorCode,
  type CompareCall,
  type ContrastCall,
  type QueryCall,
  type RefrainClientError,
  type RefrainClientSettings,
  type RefrainProgress,
} from 'refrain/client';
import initFull, {
  Corpus as FullCorpus,
  type AlignedSentence,
  type Alignment,
  type AlignmentStats,
  type Bead,
  type FamilyRendering,
  type FormulaLink,
  type LexiconEvidence,
  type QueryTranslation,
} from 'refrain/full';
import {
  RefrainCompareElement,
  VIEWS,
  statementName,
  textOf,
  type RefrainCompareEventMap,
  type RefrainContrastDetail,
  type RefrainErrorDetail,
  type RefrainReadyDetail,
  type RefrainRenderDetail,
  type RefrainSelectDetail,
  type RefrainState,
  type RefrainStatement,
  type RefrainTheme,
  type RefrainView,
} from 'refrain/element';
import { RefrainCompareElement as Defined } from 'refrain/define';

// The engine.
const input: InitInput = new URL('./refrain_bg.wasm', import.meta.url);
const ready: Promise<InitOutput> = init({ module_or_path: input });
const bytes: SyncInitInput = new Uint8Array(0);
export const initialize = (): InitOutput => initSync({ module: bytes });
const options: Partial<Options> = { min_words: 3, synonyms: true };
const statement: StatementInput = { id: 'a', text: 'We must practise true multilateralism.', speaker: null };
const stages: Stage[] = ['tokenize', 'repeats', 'families', 'report'];
const progress: ProgressCallback = (stage: Stage, done: number, total: number) => stages.includes(stage) && done <= total;

export async function engine(): Promise<string[]> {
  await ready;
  const corpus = new Corpus(options);
  corpus.add(statement);
  const report: Report = corpus.compare(progress);
  const family: Family | undefined = report.families[0];
  const occurrence: Occurrence | undefined = family?.occurrences[0];
  const excerpt: Excerpt | undefined = occurrence;
  const edits: Edit[] = occurrence?.diff ?? [];
  const ops: EditOp[] = edits.map((e) => e.op);
  const slots: Slot[] = family?.slots ?? [];
  const fillers: Filler[] = slots.flatMap((s) => s.fillers);
  const first: FirstUse | null = family?.first_use ?? null;
  const timeline: TimelinePoint[] = family?.timeline ?? [];
  const summaries: StatementSummary[] = report.statements;
  const similarity: Similarity = report.similarity;
  const stats: Stats = report.stats;
  const hits: QueryReport = corpus.query('genuine multilateralism');
  const hit: QueryOccurrence | undefined = hits.occurrences[0];
  const why: Why | undefined = family?.why;
  const factors: Factors | undefined = why?.factors;
  // Corpus.contrast and Corpus.select are in the full engine (refrain/full).
  await initFull();
  const full = new FullCorpus(options);
  full.add(statement);
  const contrast: ContrastReport = full.contrast(full.select('speaker=X'), ['a'], 'X', 'A', progress);
  full.free();
  const groups: GroupSummary[] = [contrast.a, contrast.b];
  const distinctive: ContrastFamily | undefined = contrast.families[0];
  const wordings: Wording[] = distinctive?.wordings_a ?? [];
  corpus.free();
  try {
    new Corpus({ min_words: -1 });
  } catch (e) {
    const code: ErrorCode = (e as RefrainError).code;
    ops.push(code === 'invalid_option' ? 'equal' : 'variant');
  }
  return [
    excerpt?.text ?? '',
    ...ops,
    ...fillers.map((f) => f.text),
    first?.doc ?? '',
    String(timeline.length + summaries.length + stats.statements),
    String(similarity.ids.length),
    hit?.text ?? '',
    why?.summary ?? '',
    String(factors?.reuse ?? 0),
    ...groups.map((g) => g.label),
    ...wordings.map((w) => w.text),
  ];
}

// The Worker client.
const settings: RefrainClientSettings = { workerUrl: new URL('./worker.js', import.meta.url) };
const client: RefrainClient = new RefrainClient(settings);
const controller = new AbortController();
const compareCall: CompareCall = {
  onProgress: (p: RefrainProgress) => p.done <= p.total,
  signal: controller.signal,
};
const queryCall: QueryCall = { signal: controller.signal };

export async function worker(statements: StatementInput[]): Promise<number> {
  try {
    const report: Report = await client.compare(statements, options, compareCall);
    const hits: QueryReport = await sharedClient().query('true multilateralism', queryCall);
    const request: ContrastCall = { statements, options, a: ['a'], b: ['b'], labelA: 'A', ...compareCall };
    const contrast: ContrastReport = await client.contrast(request);
    return report.families.length + hits.occurrences.length + contrast.families.length;
  } catch (e) {
    const code: ClientErrorCode = (e as RefrainClientError).code;
    return code === 'worker_crashed' ? -1 : 0;
  } finally {
    client.terminate();
  }
}

// The element.
export function element(): void {
  const el: RefrainCompareElement = document.createElement('refrain-compare');
  const same: typeof Defined = RefrainCompareElement;
  customElements.get('refrain-compare') ?? customElements.define('my-compare', class extends same {});
  const view: RefrainView = VIEWS[0];
  const theme: RefrainTheme = 'dark';
  const given: RefrainStatement[] = [statement];
  el.view = view;
  el.theme = theme;
  el.statements = given;
  el.options = options;
  el.addEventListener('refrain-ready', (e) => {
    const detail: RefrainReadyDetail = e.detail;
    console.log(detail.report.families.length, el.select(detail.report.families[0]?.id ?? null));
  });
  el.addEventListener('refrain-select', (e) => {
    const detail: RefrainSelectDetail = e.detail;
    console.log(detail.family?.root, detail.statement);
  });
  el.addEventListener('refrain-render', (e: RefrainCompareEventMap['refrain-render']) => {
    const detail: RefrainRenderDetail = e.detail;
    console.log(detail.view);
  });
  el.addEventListener('refrain-contrast', (e) => {
    const detail: RefrainContrastDetail = e.detail;
    console.log(detail.report.a.label);
  });
  el.addEventListener('refrain-error', (e) => {
    const detail: RefrainErrorDetail = e.detail;
    console.log(detail.code, detail.message);
  });
  const state: RefrainState = el.state;
  const report: Report | null = el.report;
  console.log(state, report, el.queryReport, textOf(el), statementName(given[0]));
  document.querySelector('refrain-compare')?.refresh();
}

// The full engine (refrain/full): the core's API, Corpus.align and the cross-language query; and
// an alignment through the Worker client.
export async function parallel(client: RefrainClient): Promise<string[]> {
  await initFull();
  const corpus = new FullCorpus({ cross_language: true });
  corpus.add({ id: 'zh', text: '我们要践行真正的多边主义。' });
  corpus.add({ id: 'en', text: 'We should practise true multilateralism.' });
  const a: Alignment = corpus.align('zh', 'en');
  const stats: AlignmentStats = a.stats;
  const sentence: AlignedSentence | undefined = a.zh[0];
  const bead: Bead | undefined = a.beads[0];
  const link: FormulaLink | undefined = bead?.formulas[0];
  const translation: QueryTranslation | null = corpus.query('真正的多边主义').occurrences[0]?.translation ?? null;
  const evidence: LexiconEvidence[] = translation?.evidence ?? [];
  const renderings: FamilyRendering[] = corpus.compare().families.flatMap((f) => f.renderings);
  corpus.free();
  const call: AlignCall = { statements: [statement], zh: 'zh', en: 'en' };
  const viaWorker: Alignment = await client.align(call);
  console.log(stats.aligned_beads, sentence?.chars, link?.entry_en, evidence.length, viaWorker.beads.length);
  return renderings.map((r) => `${r.zh} = ${r.en}`);
}
