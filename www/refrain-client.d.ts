// Types of the Worker client (refrain-client.js). The report and input types come from the
// WebAssembly package's declarations (pkg/refrain.d.ts, see docs/report.md).
import type {
  Alignment,
  ContrastReport,
  ErrorCode,
  Options,
  QueryReport,
  Report,
  Stage,
  StatementInput,
} from './pkg/refrain.js';

/** Progress of a comparison: at the start and end of each stage, at most every 50 ms in between. */
export interface RefrainProgress {
  stage: Stage;
  done: number;
  total: number;
}

/** The codes of the client's errors: the engine's, and those of the client itself. */
export type ClientErrorCode = ErrorCode | 'no_statements' | 'load_failed' | 'worker_crashed';

/** Every rejection of the client is an Error with a stable string `code`. */
export interface RefrainClientError extends Error {
  code: ClientErrorCode;
}

export interface RefrainClientSettings {
  /** Where the worker script is; by default refrain-worker.js beside refrain-client.js. */
  workerUrl?: string | URL;
  /**
   * A Worker of refrain-worker.js already started (`type: 'module'`), e.g. by a page's first
   * module before refrain-client.js has loaded; the client takes it as its first worker. Ids of 0
   * and below are the caller's (`worker.postMessage({ id: 0, type: 'load' })` loads the engine at
   * once); the client ignores replies to them.
   */
  worker?: Worker;
}

export interface CompareCall {
  onProgress?: (progress: RefrainProgress) => void;
  signal?: AbortSignal;
}

export interface QueryCall {
  signal?: AbortSignal;
}

/** A contrast of two groups of the statements: the ids of each group, and their labels. */
export interface ContrastCall extends CompareCall {
  statements: StatementInput[];
  options?: Partial<Options>;
  a: string[];
  b: string[];
  labelA?: string;
  labelB?: string;
}

/** Two of the statements to align: `zh`, a Chinese text, and `en`, its English edition (their ids). */
export interface AlignCall {
  statements: StatementInput[];
  options?: Partial<Options>;
  zh: string;
  en: string;
  signal?: AbortSignal;
}

/** A promise API over the refrain Web Worker: calls run one at a time, in the order they were made. */
export declare class RefrainClient {
  constructor(settings?: RefrainClientSettings);
  /** Compares the statements; resolves to the report. Options are the engine's, in snake_case. */
  compare(statements: StatementInput[], options?: Partial<Options>, call?: CompareCall): Promise<Report>;
  /** Contrasts group `a` with group `b` of the statements: which families one uses more than the other. */
  contrast(call: ContrastCall): Promise<ContrastReport>;
  /** Aligns a Chinese statement with its English edition, sentence by sentence (docs/parallel.md). */
  align(call: AlignCall): Promise<Alignment>;
  /** Starts the worker and loads the core engine ahead of the first call; resolves once it is loaded. */
  load(call?: QueryCall): Promise<null>;
  /** Finds a phrase and its variants in the statements of the last compare() call. */
  query(phrase: string, call?: QueryCall): Promise<QueryReport>;
  /** Rejects every pending call with code 'cancelled' and stops the worker; the next call starts a new one. */
  cancel(): void;
  /** The same, and forgets the statements. */
  terminate(): void;
}

/** One client per page (created on first use), for several elements sharing one worker. */
export declare function sharedClient(): RefrainClient;
