import type { Page } from 'playwright';

/** A visible button (or a header text) that cannot be fully seen: where it is and what clips it. */
export interface LayoutProblem {
  button: string;
  box: { top: number; bottom: number; left: number; right: number };
  why: string;
}

// The checks run in the page; they are strings because the test code is compiled without the DOM library.

/**
 * Every visible button of the page, scrolled into view like a clerk would, must lie inside the
 * viewport, below the sticky header, above the fixed status bar and inside every ancestor that
 * clips (overflow other than visible); and no text of the header may be cut. Run in the page;
 * returns what failed.
 */
export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return (await page.evaluate(`(() => {
    const out = [];
    const header = document.querySelector('.app-header-wrap');
    const bar = document.querySelector('.status-bar');
    const label = (b) => \`\${b.getAttribute('data-testid') ?? b.getAttribute('data-action') ?? ''} "\${(b.textContent ?? '').trim().slice(0, 40)}"\`;
    const buttons = [...document.querySelectorAll('button')].filter((b) => {
      const r = b.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(b).visibility !== 'hidden' && !b.closest('.visually-hidden');
    });
    for (const b of buttons) {
      const fixedPart = (header && header.contains(b)) || (bar && bar.contains(b));
      if (!fixedPart) b.scrollIntoView({ block: 'center', inline: 'nearest' });
      const r = b.getBoundingClientRect();
      const box = { top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right) };
      const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
      const barTop = bar ? bar.getBoundingClientRect().top : window.innerHeight;
      if (r.left < -0.5 || r.right > window.innerWidth + 0.5) out.push({ button: label(b), box, why: \`outside the viewport width \${window.innerWidth}\` });
      if (r.top < -0.5 || r.bottom > window.innerHeight + 0.5) out.push({ button: label(b), box, why: \`outside the viewport height \${window.innerHeight}\` });
      if (!fixedPart && r.top < headerBottom - 0.5) out.push({ button: label(b), box, why: \`under the header (bottom \${Math.round(headerBottom)})\` });
      if (!fixedPart && r.bottom > barTop + 0.5) out.push({ button: label(b), box, why: \`behind the status bar (top \${Math.round(barTop)})\` });
      // Inside the screen's own area (not spilling over its padding into the window edge).
      const main = b.closest('.app-main');
      if (main) {
        const m = main.getBoundingClientRect();
        const ms = getComputedStyle(main);
        if (r.left < m.left + parseFloat(ms.paddingLeft) - 0.5 || r.right > m.right - parseFloat(ms.paddingRight) + 0.5) {
          out.push({ button: label(b), box, why: \`spills out of the screen's area (\${Math.round(m.left + parseFloat(ms.paddingLeft))}–\${Math.round(m.right - parseFloat(ms.paddingRight))})\` });
        }
      }
      for (let a = b.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const c = a.getBoundingClientRect();
        if (r.left < c.left - 0.5 || r.right > c.right + 0.5 || r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5) {
          out.push({ button: label(b), box, why: \`clipped by .\${a.className || a.tagName}\` });
          break;
        }
      }
    }
    // The header's texts (the list summary, the "no lists" warning, the clerk's name) are read at a
    // glance: none may be cut (an ellipsis, or a line hidden below the box) (reporttester F5).
    const texts = header ? [...header.querySelectorAll('*')].filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '')) : [];
    for (const e of texts) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1) {
        const box = { top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right) };
        out.push({ button: label(e), box, why: \`text cut: needs \${e.scrollWidth}x\${e.scrollHeight} px in \${e.clientWidth}x\${e.clientHeight}\` });
      }
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 0.5) {
      out.push({ button: '(page)', box: { top: 0, bottom: 0, left: 0, right: document.documentElement.scrollWidth }, why: 'the page scrolls sideways' });
    }
    window.scrollTo(0, 0);
    return out;
  })()`)) as LayoutProblem[];
}

/**
 * The header's rows: the brand row and the screen tabs. Each is one line when its items' vertical
 * centres agree (spread in px) and its height is that of one line.
 */
export async function headerLines(page: Page): Promise<{ header: number; nav: number; headerSpread: number; navSpread: number }> {
  return (await page.evaluate(`(() => {
    const header = document.querySelector('.app-header');
    const nav = document.querySelector('.app-nav');
    const spread = (el, sel) => {
      const centres = [...(el?.querySelectorAll(sel) ?? [])]
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.width > 0)
        .map((r) => (r.top + r.bottom) / 2);
      return centres.length ? Math.round(Math.max(...centres) - Math.min(...centres)) : 0;
    };
    return {
      header: Math.round(header?.getBoundingClientRect().height ?? 0),
      nav: Math.round(nav?.getBoundingClientRect().height ?? 0),
      headerSpread: spread(header, ':scope > *'),
      navSpread: spread(nav, ':scope > button'),
    };
  })()`)) as { header: number; nav: number; headerSpread: number; navSpread: number };
}
