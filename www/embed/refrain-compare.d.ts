// Types of <refrain-compare> (refrain-compare-element.js, define.js). The report types come
// from the WebAssembly package's declarations (pkg/refrain.d.ts, see docs/report.md).
import type {
  Report,
  ContrastReport,
  Family,
  Occurrence,
  QueryReport,
  QueryOccurrence,
  Options,
  StatementInput,
} from '../pkg/refrain.js';

export type RefrainView = 'reader' | 'refrains' | 'search' | 'heatmap' | 'presenter' | 'groups';
export type RefrainTheme = 'light' | 'dark' | 'auto';
export type RefrainState = 'idle' | 'waiting' | 'loading' | 'ready' | 'error';

/** A statement as the element compares it (also what the `statements` property takes). */
export type RefrainStatement = StatementInput;

export interface RefrainReadyDetail {
  report: Report;
}

export interface RefrainSelectDetail {
  /** The selected family, or null when the selection was cleared. */
  family: Family | null;
  /** The occurrence the user chose (a highlighted passage or a search result), when there is one. */
  occurrence: Occurrence | QueryOccurrence | null;
  /** The id of the statement of that occurrence. */
  statement: string | null;
}

export interface RefrainContrastDetail {
  /** The group comparison just drawn (view "groups"). */
  report: ContrastReport;
}

export interface RefrainRenderDetail {
  /** The view drawn. */
  view: RefrainView;
}

export interface RefrainErrorDetail {
  /** The engine's or the client's error code (README), or no_statements, load_failed, cross_origin. */
  code: string;
  message: string;
}

export declare const VIEWS: readonly RefrainView[];

/** The text of a statement element: block children become lines, white space is collapsed. */
export declare function textOf(element: Element): string;
/** The one statement label of every view: "Speaker, Country (year)", else the title, else the id. */
export declare function statementName(statement: Partial<RefrainStatement>): string;

export declare class RefrainCompareElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Attribute `view`; default reader. (Attribute changes made in one task are drawn in one render.) */
  view: RefrainView;
  /** Attribute `query`: a phrase to search for; its places are listed (search) and outlined (reader). */
  query: string;
  /** Attribute `family`: a family id of the report ("f3") or words of its root ("true multilateralism"); null for none. */
  family: string | null;
  /** Attribute `theme`; default auto. */
  theme: RefrainTheme;
  /** Attribute `src`: space-separated URLs of plain-text files on the page's origin. */
  src: string;
  /** Attribute `views`: the tabs offered, space-separated; default "reader refrains search heatmap". */
  views: RefrainView[];
  /** Attribute `loading`: lazy (default; when near the viewport) or eager. */
  loading: 'lazy' | 'eager';
  /**
   * Attribute `group-a`: group A of the view "groups", as selectors joined by ";" (their union):
   * `speaker=NAME`, `year=2017` or `year=2017-2019`, `language=zh`, `id=ID`, `country=NAME`,
   * `group=LABEL`; names compare without case or extra spaces. Empty: the first statement's speaker
   * (the user's choice in the view is reflected).
   */
  groupA: string;
  /** Attribute `group-b`: group B, the same way, or `rest` (every statement not in A; the default). */
  groupB: string;
  /** (`lang` is the standard attribute: the element's labels are in en, fr or zh, from the closest lang.) */
  /** The statements compared; setting an array replaces those of the children and `src`. */
  statements: RefrainStatement[];
  /** Engine options (as for `new Corpus(options)`). */
  options: Partial<Options>;
  /** The last report, or null. */
  readonly report: Report | null;
  /** The QueryReport of `query`, or null. */
  readonly queryReport: QueryReport | null;
  /** The report of the group comparison last drawn (view "groups"), or null. */
  readonly contrastReport: ContrastReport | null;
  readonly state: RefrainState;
  /** Reads the children and `src` files again. */
  refresh(): void;
  /** Selects a family (id or root words; null clears) as a click would, firing refrain-select. Returns its id. */
  select(family: string | null): string | null;

  addEventListener<K extends keyof RefrainCompareEventMap>(
    type: K,
    listener: (this: RefrainCompareElement, ev: RefrainCompareEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof RefrainCompareEventMap>(
    type: K,
    listener: (this: RefrainCompareElement, ev: RefrainCompareEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

export interface RefrainCompareEventMap extends HTMLElementEventMap {
  'refrain-ready': CustomEvent<RefrainReadyDetail>;
  'refrain-select': CustomEvent<RefrainSelectDetail>;
  'refrain-error': CustomEvent<RefrainErrorDetail>;
  'refrain-render': CustomEvent<RefrainRenderDetail>;
  'refrain-contrast': CustomEvent<RefrainContrastDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    'refrain-compare': RefrainCompareElement;
  }
  interface HTMLElementEventMap {
    'refrain-ready': CustomEvent<RefrainReadyDetail>;
    'refrain-select': CustomEvent<RefrainSelectDetail>;
    'refrain-error': CustomEvent<RefrainErrorDetail>;
    'refrain-render': CustomEvent<RefrainRenderDetail>;
    'refrain-contrast': CustomEvent<RefrainContrastDetail>;
  }
}
