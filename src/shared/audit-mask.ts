import { maskIdentifiers } from './masking';

/** Masks every NIK- or card-shaped number in a text (an audited query, an export cell): the one masking rule. */
export function maskQueryIdentifiers(text: string): string {
  return maskIdentifiers(text);
}
