// Registers <refrain-compare>. The only side effect of this module; to register the element under
// another name, import RefrainCompareElement from refrain-compare-element.js instead.
import { RefrainCompareElement } from './refrain-compare-element.js';

export { RefrainCompareElement };

if (!customElements.get('refrain-compare')) customElements.define('refrain-compare', RefrainCompareElement);
