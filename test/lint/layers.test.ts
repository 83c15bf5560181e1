import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Each probe is a file a layer must not contain (one forbidden import); its first line says where
 * it pretends to live. Every probe must fail the lint with the layer rule, and every allowed
 * sample must pass: a rule that stopped catching its case, or started catching allowed code,
 * fails here.
 */
const ROOT = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

function probes(folder: string): { name: string; as: string; code: string }[] {
  const dir = join(__dirname, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.probe'))
    .map((f) => {
      const code = readFileSync(join(dir, f), 'utf8');
      const as = /^\/\/ as: (\S+)/.exec(code)?.[1];
      if (!as) throw new Error(`${f}: first line must be "// as: src/<layer>/<file>"`);
      return { name: f.replace(/\.probe$/, ''), as, code };
    });
}

async function layerErrors(as: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, as) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/allowed-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  const forbidden = probes('probes');
  it('has a probe for every layer', () => {
    const layers = new Set(forbidden.map((p) => p.as.split('/')[1]));
    expect([...layers].sort()).toEqual(['cli', 'core', 'harness', 'hub', 'main', 'preload', 'renderer', 'shared']);
  });

  it.each(forbidden.map((p) => [p.name, p] as const))('%s fails the lint', async (_name, probe) => {
    const errors = await layerErrors(probe.as, probe.code);
    expect(errors.length, `expected ${probe.as} to be refused:\n${probe.code}`).toBeGreaterThan(0);
  });

  it.each(probes('allowed').map((p) => [p.name, p] as const))('%s passes the lint', async (_name, sample) => {
    expect(await layerErrors(sample.as, sample.code)).toEqual([]);
  });
});
