import { maskCard } from './card';
import { maskNik } from './nik';

/**
 * Masks every NIK- or card-shaped number in a text (an audited query, an export cell). The one
 * call site of masking in the audit: when src/shared/masking.ts (maskIdentifiers) lands, this
 * body becomes `return maskIdentifiers(text)`.
 */
export function maskQueryIdentifiers(text: string): string {
  return text.replace(/\d[\d .\-\u2013]{7,30}\d/g, (run) => {
    const digits = run.replace(/\D/g, '');
    if (digits.length === 16) return maskNik(digits);
    if (digits.length >= 9 && digits.length <= 13) return maskCard(digits.padStart(13, '0'));
    return run;
  });
}
