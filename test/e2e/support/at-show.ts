import type { Page } from 'playwright';

/** Where a key pressed at the very moment something showed would have gone. */
export interface AtShow {
  /** The focused element's data-testid, else its name, else its id; 'BODY' when nothing had the focus. */
  focus: string;
  /** Its data-queue (a follow-up card names its patient's number), or null. */
  queue: string | null;
  /** A Shift+Tab sent to it then was held by the page (a dialog's trap), not left to the browser. */
  tabHeld: boolean;
}

/**
 * Watches the page for the moment `selector` first matches (with `gone`: stops matching). A
 * MutationObserver's callback runs right after the task that changed the page: after React's
 * commit and its layout effects, before its passive effects (useEffect) and before the browser
 * handles a key the clerk pressed meanwhile. What it records is where such a key would go; with
 * `tab`, a Shift+Tab is sent there and then; with `key`, that key is (F3, F9: the screen must
 * already know whom it is about). Arm before the action; read with `atShow`.
 */
export async function armAtShow(page: Page, selector: string, options: { gone?: boolean; tab?: boolean; key?: string } = {}): Promise<void> {
  await page.evaluate(`(() => {
    const selector = ${JSON.stringify(selector)};
    const gone = ${options.gone === true};
    const tab = ${options.tab === true};
    const press = ${JSON.stringify(options.key ?? null)};
    window.__atShow = null;
    const observer = new MutationObserver(() => {
      if ((document.querySelector(selector) === null) !== gone) return;
      observer.disconnect();
      const el = document.activeElement;
      const focus = el && el !== document.body ? el.getAttribute('data-testid') || el.getAttribute('name') || el.id || el.tagName : 'BODY';
      let tabHeld = false;
      if (tab && el) {
        const key = new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, cancelable: true });
        el.dispatchEvent(key);
        tabHeld = key.defaultPrevented;
      }
      if (press) (el || window).dispatchEvent(new KeyboardEvent('keydown', { key: press, code: press, bubbles: true, cancelable: true }));
      window.__atShow = { focus, queue: el ? el.getAttribute('data-queue') : null, tabHeld };
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  })()`);
}

/** What the armed watch recorded; null until the moment came. */
export const atShow = (page: Page): Promise<AtShow | null> => page.evaluate<AtShow | null>('window.__atShow ?? null');
