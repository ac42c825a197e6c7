/** The reference population shipped with the extension, parsed once on first use. */
import referenceJson from './reference-population.json' with { type: 'json' };
import { loadReference, type StyleReference } from './reference';

let shipped: StyleReference | undefined;

export function shippedReference(): StyleReference {
  shipped ??= loadReference(referenceJson);
  return shipped;
}
