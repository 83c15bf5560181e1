import type { SlipPrinter } from '../../src/core/slips/slips';

/** A printer that keeps what it printed (the slips' HTML) and answers PDFs with a stub, for tests of printing. */
export function recordingPrinter(): { printer: SlipPrinter; printed: string[] } {
  const printed: string[] = [];
  const printer: SlipPrinter = {
    async print(html) {
      printed.push(html);
    },
    async toPdf() {
      return Buffer.from('%PDF-1.4');
    },
  };
  return { printer, printed };
}
