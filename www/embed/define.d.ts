// Types of define.js: it registers <refrain-compare> and exports its class (declared, with the
// element's entry in HTMLElementTagNameMap, in refrain-compare.d.ts).
export { RefrainCompareElement } from './refrain-compare.js';
