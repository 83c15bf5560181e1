import type { Page } from 'playwright';

export { recordingPrinter } from '../../helpers/recording-printer';

/** The id, test id or name of what has the focus ('BODY' when nothing does). */
export const focused = (page: Page): Promise<string> =>
  page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'BODY';
    return el.id || el.getAttribute('data-testid') || el.getAttribute('name') || el.tagName;
  })()`);
