import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { harness, loket } from '../../api';
import { Notice, PathPrompt, chooseFileFor } from '../../components/PathPrompt';
import { useLang } from '../../i18n';
import { useErrorText } from '../../i18n/core-words';
import { useWords } from '../../i18n/use-words';
import { errorWords, words, type Words } from '../../i18n/words';
import { usePKeyPrints } from '../../print/p-key-now';
import { registerSlipPrinter } from '../../print/slip-printers';
import './slip.css';

/** Paper look for the preview; the slip's own `body` rules move to `.paper`, `@page` is dropped. */
const PREVIEW_CSS = `
:host { display: block; }
.paper { background: #fff; color: #000; padding: 4mm; border: 1px solid #9aa5b1; border-radius: 4px;
  box-shadow: 0 2px 8px rgb(0 0 0 / 0.18); width: max-content; max-width: 100%; }
`;

/** Mounts a slip's full HTML document in a shadow root: its styles stay inside, no iframe needed. */
function mountSlip(host: HTMLElement, html: string): void {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script').forEach((s) => s.remove());
  const css = Array.from(doc.querySelectorAll('style'))
    .map((s) => s.textContent ?? '')
    .join('\n')
    .replace(/@page\s*\{[^}]*\}/g, '')
    .replace(/(^|[\s,}])(html|body)(?=\s*[{,])/g, '$1.paper');
  const style = document.createElement('style');
  style.textContent = css + PREVIEW_CSS;
  const paper = document.createElement('div');
  paper.className = 'paper';
  for (const node of Array.from(doc.body.childNodes)) paper.append(document.importNode(node, true));
  root.replaceChildren(style, paper);
}

/** What the status line says, kept as words and worded while rendering: a language switch re-words it. */
type Status = { tone: 'ok' | 'info' | 'bad'; words: Words } | null;

/** "Slip dicetak ke …": the printer's name as the core gave it, or the default printer in words. */
const printedWords = (printer: string): Words => words('slip.printed', { printer: printer || words('slip.defaultPrinter') });

interface Props {
  visitId: number;
  queue: string;
  /** Print once as soon as the slip is shown (after a registration). */
  autoPrint: boolean;
}

/** The slip as it will print, and Cetak slip / Cetak ulang / Simpan PDF. */
export function SlipPanel({ visitId, queue, autoPrint }: Props) {
  const { t } = useTranslation();
  // The slip is worded in the UI language: the core takes it with each call.
  const lang = useLang();
  const errorText = useErrorText();
  const say = useWords();
  const hostRef = useRef<HTMLDivElement>(null);
  const [loadError, setLoadError] = useState<ContractError | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const printedFor = useRef<number | null>(null);
  // The browser harness cannot print or make a PDF: said up front, no buttons or path field that
  // could only be refused (the print keys still answer, in the status line).
  const printing = harness?.printing !== false;
  // The keys named are those that print from where the focus is now: no P in a text field.
  const pPrints = usePKeyPrints();

  useEffect(() => {
    let live = true;
    void loket.slipHtml({ visitId, lang }).then((result) => {
      if (!live) return;
      if (!result.ok) return setLoadError(result.error);
      setLoadError(null);
      if (hostRef.current) mountSlip(hostRef.current, result.value.html);
    });
    return () => {
      live = false;
    };
  }, [visitId, lang]);

  const showFailure = useCallback((error: ContractError) => {
    setStatus({ tone: error.code === 'print/unavailable' ? 'info' : 'bad', words: errorWords(error) });
  }, []);

  const print = useCallback(
    async (reprint: boolean) => {
      setBusy(true);
      setStatus(null);
      const result = await loket.printSlip({ visitId, lang, ...(reprint ? { reprint: true } : {}) });
      setBusy(false);
      if (result.ok) setStatus({ tone: 'ok', words: printedWords(result.value.printer) });
      else showFailure(result.error);
    },
    [visitId, lang, showFailure],
  );

  // The desktop app prints right after registering; where printing does not exist (the browser
  // harness) the automatic attempt stays quiet: the buttons say so when pressed.
  useEffect(() => {
    if (!autoPrint || printedFor.current === visitId) return;
    printedFor.current = visitId;
    void loket.printSlip({ visitId, lang }).then((result) => {
      if (result.ok) setStatus({ tone: 'ok', words: printedWords(result.value.printer) });
      else if (result.error.code !== 'print/unavailable') showFailure(result.error);
    });
  }, [autoPrint, visitId, showFailure]);

  const savePdf = useCallback(
    async (typed?: string) => {
      setStatus(null);
      const choice = await chooseFileFor({ purpose: 'save-pdf', suggestedName: `slip-${queue}.pdf`, ...(typed !== undefined ? { typed } : {}) });
      if (choice.kind === 'ask') return setAsking(true);
      setAsking(false);
      if (choice.kind === 'cancelled') return;
      if (choice.kind === 'failed') return showFailure(choice.error);
      const result = await loket.exportSlipPdf({ visitId, file: choice.file.handle, lang });
      if (result.ok) setStatus({ tone: 'ok', words: words('slip.saved', { file: result.value.name }) });
      else showFailure(result.error);
    },
    [queue, visitId, lang, showFailure],
  );

  // The print keys (P, F4, Ctrl+P) are the app's, on every screen (use-print-keys): they print
  // through this panel while it shows the visit, so its status line answers. Registered in a
  // layout effect, before the browser paints the ticket and handles the next key: with a passive
  // effect a P pressed the moment the ticket appeared (a busy PC) found no panel and printed
  // around it, its answer in another place than this status line.
  useLayoutEffect(() => registerSlipPrinter(visitId, (reprint) => void print(reprint)), [visitId, print]);

  return (
    <section className="slip-panel" data-testid="slip-panel" aria-label={t('slip.title')}>
      <div className="slip-panel__side">
        <h3 className="slip-panel__title">{t('slip.title')}</h3>
        {!printing && (
          <Notice tone="info" testId="slip-desktop-only">
            {t('slip.desktopOnly')}
          </Notice>
        )}
        {printing && (<>
        <div className="slip-panel__buttons">
          <button type="button" className="button button--primary" data-testid="slip-print" aria-busy={busy} onClick={() => void print(false)}>
            {t('slip.print')} <kbd>{pPrints ? 'P' : 'F4'}</kbd>
          </button>
          <button type="button" className="button" data-testid="slip-reprint" onClick={() => void print(true)}>
            {t('slip.reprint')}
          </button>
          <button type="button" className="button" data-testid="slip-pdf" onClick={() => void savePdf()}>
            {t('slip.pdf')}
          </button>
        </div>
        <p className="slip-panel__keys" data-testid="slip-keys">
          {t(pPrints ? 'slip.keys' : 'slip.keysNoP')}
        </p>
        </>)}
        {printing && asking && (
          <PathPrompt
            label={t('slip.pdfPath')}
            submitLabel={t('slip.pdfSave')}
            initial={`slip-${queue}.pdf`}
            testId="slip-pdf-path"
            onSubmit={(p) => void savePdf(p)}
            onCancel={() => setAsking(false)}
          />
        )}
        {status && (
          <Notice tone={status.tone} testId="slip-status">
            {say(status.words)}
          </Notice>
        )}
        {loadError && <Notice tone="bad">{errorText(loadError)}</Notice>}
      </div>
      <div className="slip-panel__preview" ref={hostRef} data-testid="slip-preview" />
    </section>
  );
}
