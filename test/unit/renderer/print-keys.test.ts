import { describe, expect, it } from 'vitest';
import { printKeyOf, type PrintKeyContext } from '../../../src/renderer/src/print/print-keys';

const base: PrintKeyContext = { key: 'p', ctrl: false, alt: false, meta: false, onQueueScreen: false, focus: 'other' };
const at = (over: Partial<PrintKeyContext>) => printKeyOf({ ...base, ...over });

describe('the print keys', () => {
  it('F4 reprints from anywhere, even from a text field or the queue screen', () => {
    for (const focus of ['search', 'text', 'other'] as const) {
      expect(at({ key: 'F4', focus })).toBe('reprint');
      expect(at({ key: 'F4', focus, onQueueScreen: true })).toBe('reprint');
    }
    expect(at({ key: 'F4', ctrl: true })).toBeNull();
  });

  it('Ctrl+P prints from anywhere (never the browser dialog)', () => {
    expect(at({ ctrl: true, focus: 'search' })).toBe('print');
    expect(at({ key: 'P', ctrl: true, focus: 'text', onQueueScreen: true })).toBe('print');
    expect(at({ ctrl: true, alt: true })).toBeNull();
  });

  it('P prints where it types nothing: outside text fields, not on the queue (P calls next there)', () => {
    expect(at({})).toBe('print');
    expect(at({ key: 'P' })).toBe('print');
    expect(at({ onQueueScreen: true })).toBeNull();
    expect(at({ focus: 'text' })).toBeNull();
  });

  it('P in the search field is always a letter, also empty with the number showing (PRIYO keeps its P); F4 reprints there', () => {
    expect(at({ focus: 'search' })).toBeNull();
    expect(at({ key: 'P', focus: 'search' })).toBeNull();
  });

  it('other keys never print', () => {
    expect(at({ key: 'o' })).toBeNull();
    expect(at({ key: 'F9' })).toBeNull();
    expect(at({ key: 'p', alt: true })).toBeNull();
  });
});
