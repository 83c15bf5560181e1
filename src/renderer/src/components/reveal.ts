/** The gap kept between what is revealed and the header or the status bar. */
const GAP = 8;

/** The room between the sticky header and the fixed status bar, in viewport pixels. */
function room(): { top: number; bottom: number } {
  const top = document.querySelector('.app-header-wrap')?.getBoundingClientRect().bottom ?? 0;
  const bottom = document.querySelector('.status-bar')?.getBoundingClientRect().top ?? window.innerHeight;
  return { top, bottom };
}

/** Whether `element` shows whole between the sticky header and the status bar. */
export function shownWhole(element: Element): boolean {
  const { top, bottom } = room();
  const box = element.getBoundingClientRect();
  return box.top >= top && box.bottom <= bottom;
}

/**
 * Scrolls the window so that `element` shows whole between the sticky header and the fixed status
 * bar, or, when it is taller than that room, from its top (where a step names its patient).
 * Focusing a button scrolls only that button into view: a unit step focused on Daftar showed its
 * buttons with the patient's name above the screen at 1024x768 (UI tester 11).
 */
export function reveal(element: Element | null): void {
  if (!element) return;
  const { top, bottom } = room();
  const box = element.getBoundingClientRect();
  const space = bottom - top - 2 * GAP;
  if (box.top >= top + GAP && box.bottom <= bottom - GAP) return;
  const by = box.height > space || box.top < top + GAP ? box.top - top - GAP : box.bottom - bottom + GAP;
  window.scrollBy({ top: by });
}
