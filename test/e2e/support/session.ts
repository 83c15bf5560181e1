import type { Page } from 'playwright';
import type { SlipPrinter } from '../../../src/core/slips/slips';

/** A printer that keeps what it printed (the slips' HTML), for the lock and sign-in screens' tests. */
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

/** The id, test id or name of what has the focus ('BODY' when nothing does). */
export const focused = (page: Page): Promise<string> =>
  page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'BODY';
    return el.id || el.getAttribute('data-testid') || el.getAttribute('name') || el.tagName;
  })()`);
