import { useEffect, useRef } from 'react';
import { typeAhead } from '../features/lookup/type-ahead';
import { focusKindOf } from '../focus-kind';
import { BURST_GAP_MS, MAX_SCAN_DIGITS, MIN_SCAN_DIGITS, ScanDetector } from './scan-detector';

/** A key as it went down: where, what, and whether it was held back (outside text fields). */
interface KeySeen {
  target: EventTarget;
  init: KeyboardEventInit;
  held: boolean;
  /** A text field the key typed into, and its value just before the key. */
  field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
  before: string;
  /** When it went down (event.timeStamp). */
  time: number;
}

/** Events this hook dispatched itself (given-back keys): it never judges them again. */
const replayed = new WeakSet<Event>();

function initOf(e: KeyboardEvent): KeyboardEventInit {
  return { key: e.key, code: e.code, location: e.location, altKey: e.altKey, ctrlKey: e.ctrlKey, shiftKey: e.shiftKey, metaKey: e.metaKey, bubbles: true, cancelable: true, composed: true };
}

/** A key given back to `target` that the detector must not judge again (it saw it once already). */
export function dispatchUnjudged(target: EventTarget, init: KeyboardEventInit): void {
  const event = new KeyboardEvent('keydown', init);
  replayed.add(event);
  target.dispatchEvent(event);
}

/** The installed hook's handlers: a scan the type-ahead gate found among its held keys goes the same way. */
const handlers = { scan: (_digits: string): void => undefined, reject: (_count: number): void => undefined };

/** A scan made of keys the type-ahead gate held (held-scan.ts): a new search, or (not 10–16 digits) said so. */
export function scanFromKeys(digits: string, usable: boolean): void {
  if (usable) handlers.scan(digits);
  else handlers.reject(digits.length);
}

/**
 * The number a scanner-speed burst that ended without Enter or Tab (a scanner set without a
 * suffix) scanned into the search field or a field that takes a scan (data-scan="field"), when
 * the field holds more than it: appended to what was there, it is the field's new content, as if
 * the scan had ended with Enter (in the search field: the new search). Two cards scanned
 * within a second are one burst to the detector: the last card is what follows its longest pause
 * (a card swapped on the desk, never a stall inside one scan: the pause must be the longest).
 */
function appendedScan(dropped: readonly KeySeen[]): { field: NonNullable<KeySeen['field']>; digits: string } | null {
  const field = dropped[0]?.field;
  if (!field || (field.id !== 'lookup-query' && !takesScan(field)) || !dropped.every((s) => s.field === field && /^\d$/.test(s.init.key ?? ''))) return null;
  let from = 0;
  let longest = 0;
  for (let i = 1; i < dropped.length; i++) {
    const gap = (dropped[i] as KeySeen).time - (dropped[i - 1] as KeySeen).time;
    if (gap > longest) [from, longest] = [i, gap];
  }
  const last = longest > BURST_GAP_MS ? dropped.slice(from) : dropped;
  const digits = last.map((s) => s.init.key ?? '').join('');
  if (digits.length < MIN_SCAN_DIGITS || digits.length > MAX_SCAN_DIGITS) return null;
  return field.value.trim() === digits ? null : { field, digits };
}

/** Gives a held key back to where it was going (or, if that element is gone, to the focus). */
function replay(seen: KeySeen): void {
  const target = seen.target instanceof Node && seen.target.isConnected ? seen.target : (document.activeElement ?? document.body);
  dispatchUnjudged(target, seen.init);
}

/** Puts a field back as it was before a scan typed into it; React hears it as an ordinary edit. */
function restore(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  if (field.value === value) return;
  const proto = Object.getPrototypeOf(field) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(field, value);
  else field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

function fieldOf(target: EventTarget | null): KeySeen['field'] {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement ? target : null;
}

/** The search field's whole text when it is one number of scan length ending with the burst's digits. */
function wholeNumberIn(value: string, burst: string): string | null {
  const text = value.trim();
  return burst && /^\d{10,16}$/.test(text) && text.endsWith(burst) ? text : null;
}

/** A field that takes a scan as its own value (the new-patient form's NIK and card: data-scan="field"). */
const takesScan = (target: EventTarget | null): boolean => target instanceof HTMLElement && target.dataset.scan === 'field';

/**
 * Installs the scan detector once, in the capture phase, before any screen sees a key. A scan
 * (10–16 digits at scanner speed, then Enter) never reaches the screen: not as unit keys, not as
 * an Enter on a dialog. Outside text fields digits are held ~100 ms and given back when they were a
 * person's; in a text field they go in as typed and are taken out again when they were a scan.
 * Then `onScan(digits)`: the app starts a new search. A scanner-speed number Loket cannot use
 * (17 digits; under 10 outside a text field) is taken out too and `onReject(count)` says so;
 * fewer than 10 quick digits in a text field are a person's and stay (scan-detector.ts).
 */
export function useScan(onScan: (digits: string) => void, onReject: (count: number) => void = () => undefined): void {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  const onRejectRef = useRef(onReject);
  onRejectRef.current = onReject;

  useEffect(() => {
    const detector = new ScanDetector<KeySeen>();
    let timer: ReturnType<typeof setTimeout> | undefined;

    /**
     * The hold timer. A timer that fires late means the page was busy (a render): keys typed
     * meanwhile may still be queued, and judging the burst before them would split a scan. So a
     * late timer waits once more, briefly, and the queued keys (input goes first) arrive.
     */
    const arm = (delay: number, deferred = false): void => {
      const due = performance.now() + delay;
      timer = setTimeout(() => {
        if (!deferred && performance.now() - due > 20) return arm(10, true);
        const release = detector.tick(performance.now());
        settle(release);
        const appended = appendedScan(release.dropped);
        if (appended?.field.id === 'lookup-query') onScanRef.current(appended.digits);
        else if (appended) restore(appended.field, appended.digits);
      }, delay);
    };

    handlers.scan = (digits) => onScanRef.current(digits);
    handlers.reject = (count) => onRejectRef.current(count);

    const settle = (release: { replay: KeySeen[] }): void => {
      for (const seen of release.replay) if (seen.held) replay(seen);
    };

    const onKey = (event: KeyboardEvent): void => {
      if (replayed.has(event) || event.isComposing) return;
      // The type-ahead gate holds every key until the search's answer shows, and judges them
      // itself (held-scan.ts): a scan split by the busy page must not be judged here in pieces.
      if (typeAhead.holding) {
        clearTimeout(timer);
        settle(detector.release());
        return;
      }
      const kind = focusKindOf(event.target);
      const ownField = takesScan(event.target);
      const field = fieldOf(event.target);
      // In a text field the key goes in at once (typing must never lag); elsewhere it may wait.
      const holdable = kind === 'other';
      const seen: KeySeen = { target: event.target ?? document.body, init: initOf(event), held: false, field, before: field?.value ?? '', time: event.timeStamp };
      const decision = detector.feed({ key: event.key, time: event.timeStamp, modified: event.altKey || event.ctrlKey || event.metaKey, inField: !holdable }, seen);
      settle(decision);
      clearTimeout(timer);

      if (decision.action === 'hold') {
        if (holdable) {
          seen.held = true;
          event.preventDefault();
          event.stopImmediatePropagation();
        }
        arm(detector.holdFor() + 5);
        return;
      }
      if (decision.action === 'pass') return;
      // A field that takes a scan as its value gets it in place of what it held (a NIK half typed
      // or wrong): never appended to it (and cut at the field's length). Its Enter goes on as usual.
      if (ownField && decision.action === 'scan') {
        if (field && decision.digits) restore(field, decision.digits);
        return;
      }
      // In the search field what the field holds is what was typed: when a stalled page split
      // the burst, the field still has the whole number (the scanner's first keys included).
      const whole = kind === 'search' && field ? wholeNumberIn(field.value, decision.digits ?? '') : null;
      // The search field shows what was typed and lets the core say why 17 digits are no number.
      if (kind === 'search' && decision.action === 'reject' && !whole) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      // Undo what the burst typed into text fields: each field back to its value before the burst.
      const firstBefore = new Map<KeySeen['field'], string>();
      for (const s of decision.burst ?? []) if (s.field && !firstBefore.has(s.field)) firstBefore.set(s.field, s.before);
      for (const [f, value] of firstBefore) if (f && f.id !== 'lookup-query') restore(f, value);
      const digits = whole ?? (decision.action === 'scan' ? decision.digits : null);
      if (digits) onScanRef.current(digits);
      // Never silently: the clerk hears why the digits went and the Enter did nothing.
      else onRejectRef.current(decision.digits?.length ?? 0);
    };

    window.addEventListener('keydown', onKey, true);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey, true);
      settle(detector.release());
    };
  }, []);
}
