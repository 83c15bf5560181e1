import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CORE_MESSAGES } from '../../../src/shared/i18n/messages';
import { identitySchema } from '../../../src/shared/counter';
import { formatIssue, issueRule, issuesOf, type IssueKind } from '../../../src/shared/input-issues';

// Record<IssueKind, true>: a kind added to the type and not here fails to compile.
const KINDS = Object.keys({
  required: true, 'too-small': true, 'too-big': true, 'too-short': true, 'too-long': true, format: true, 'one-of': true,
  'not-unique': true, 'not-a-unit': true, 'mrn-seq': true, 'mrn-start-wide': true, 'no-such-date': true, 'control-characters': true, 'no-letters': true, invalid: true,
} satisfies Record<IssueKind, true>) as IssueKind[];
const schema = z.object({ n: z.number().int().min(1).max(10), s: z.string().min(1).max(3), code: z.string().regex(/^[A-Z]$/), pick: z.enum(['a', 'b']), list: z.array(z.string()).min(2) });
const issues = (input: unknown) => {
  const r = schema.safeParse(input, { reportInput: true });
  return r.success ? [] : issuesOf(r.error.issues);
};

describe('input issues', () => {
  it('every rule has words in both languages, and the core catalogs have the same keys', () => {
    for (const kind of KINDS) {
      for (const lang of ['id', 'en'] as const) expect(CORE_MESSAGES[lang]).toHaveProperty([`issue/${kind}`]);
    }
    expect(Object.keys(CORE_MESSAGES.en).sort()).toEqual(Object.keys(CORE_MESSAGES.id).sort());
  });

  it('reads zod issues as kind and bound, a missing field as required', () => {
    expect(issues({ n: 0, s: 'abcd', code: 'x', pick: 'c', list: ['1'] })).toEqual([
      { path: ['n'], kind: 'too-small', bound: 1 },
      { path: ['s'], kind: 'too-long', bound: 3 },
      { path: ['code'], kind: 'format' },
      { path: ['pick'], kind: 'one-of', values: ['a', 'b'] },
      { path: ['list'], kind: 'too-short', bound: 2 },
    ]);
    expect(issues({ n: 11, s: '', code: 'A', list: ['1', '2'] })).toEqual([
      { path: ['n'], kind: 'too-big', bound: 10 },
      { path: ['s'], kind: 'required' },
      { path: ['pick'], kind: 'required' },
    ]);
    expect(issues({ s: 'a', code: 'A', pick: 'a', list: ['1', '2'] })).toEqual([{ path: ['n'], kind: 'required' }]);
    expect(issues({ n: 'x', s: 'a', code: 'A', pick: 'a', list: ['1', '2'] })).toEqual([{ path: ['n'], kind: 'invalid' }]);
  });

  it('says the rule in the language asked, with the label given', () => {
    expect(formatIssue('id', { path: ['followUpHours'], kind: 'too-small', bound: 1 }, 'Batas waktu tindak lanjut (jam)')).toBe('Batas waktu tindak lanjut (jam): minimal 1');
    expect(formatIssue('en', { path: ['followUpHours'], kind: 'too-small', bound: 1 }, 'Follow-up deadline (hours)')).toBe('Follow-up deadline (hours): at least 1');
    expect(issueRule('en', { path: [], kind: 'one-of', values: ['a', 'b'] })).toBe('choose one of: a, b');
    expect(formatIssue('en', { path: [], kind: 'required' })).toBe('input: required');
  });

  it('a name without a letter ("1", "-", "12 3") is refused as such; an empty one only as required', () => {
    const nameIssues = (name: string) => {
      const r = identitySchema.safeParse({ name }, { reportInput: true });
      return r.success ? [] : issuesOf(r.error.issues);
    };
    for (const name of ['1', '-', '12 3', '()']) expect(nameIssues(name)).toEqual([{ path: ['name'], kind: 'no-letters' }]);
    expect(nameIssues('  ')).toEqual([{ path: ['name'], kind: 'required' }]);
    for (const name of ['SITI', "NG'ADI 2", 'BAYI NY. SARI', 'Ō']) expect(nameIssues(name)).toEqual([]);
    expect(issueRule('id', { path: ['name'], kind: 'no-letters' })).toBe('harus memuat huruf (bukan hanya angka atau tanda)');
  });
});

