import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appResponse, resolveAppPath } from '../../../src/main/app-files';
import { contentSecurityPolicy } from '../../../src/main/csp';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

function rendererFolder(): { root: string; renderer: string } {
  const root = tempDir();
  const renderer = join(root, 'out', 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Loket</title>');
  writeFileSync(join(renderer, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(root, 'out', 'secret.json'), '{"key":"do not serve"}');
  writeFileSync(join(root, 'package.json'), '{}');
  return { root, renderer };
}

describe('app:// serves the renderer folder and nothing else', () => {
  it('serves index.html and assets with their type, the strict CSP header and nosniff', async () => {
    const { renderer } = rendererFolder();
    const csp = contentSecurityPolicy(false);
    const page = await appResponse('app://loket/index.html', 'GET', renderer, csp);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Loket</title>');
    const header = page.headers.get('content-security-policy') ?? '';
    for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'none'", "script-src 'self'", "default-src 'none'", "frame-ancestors 'none'"]) {
      expect(header).toContain(directive);
    }
    expect(header).not.toContain('unsafe-eval');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const root = await appResponse('app://loket/', 'GET', renderer, csp);
    expect(root.status).toBe(200);
    const script = await appResponse('app://loket/assets/index.js', 'GET', renderer, csp);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    ['app://loket/../secret.json'],
    ['app://loket/%2e%2e/secret.json'],
    ['app://loket/assets/..%2f..%2fsecret.json'],
    ['app://loket/..%5c..%5csecret.json'],
    ['app://loket/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json'],
    ['app://loket/index.html%00.js'],
    ['app://loket/%E0%A4%A'],
    ['app://evil/index.html'],
    ['file:///etc/passwd'],
  ])('refuses %s', async (url) => {
    const { renderer } = rendererFolder();
    const r = await appResponse(url, 'GET', renderer, 'x');
    expect(r.status).not.toBe(200);
    expect(await r.text()).not.toContain('do not serve');
  });

  it('refuses anything but GET and HEAD', async () => {
    const { renderer } = rendererFolder();
    expect((await appResponse('app://loket/index.html', 'POST', renderer, 'x')).status).toBe(405);
  });

  it('no path of any spelling resolves outside the folder (property)', () => {
    const { renderer } = rendererFolder();
    const piece = fc.constantFrom('..', '.', '%2e%2e', '%2e', 'assets', 'index.html', '%2f', '%5c', '\\\\', '', 'a', '%00');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const target = resolveAppPath(`app://loket/${parts.join('/')}`, renderer);
        if (target.ok) expect(target.file.startsWith(renderer + '/')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
