import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ app: { isPackaged: false, getAppPath: () => '/repo' } }));

const { builderOs, electronNativeBinding, electronNativeBindingPath } = await import('../../../src/main/native-binding');

const base = { resourcesPath: '/opt/Loket/resources', appPath: '/repo', platform: 'linux' as NodeJS.Platform, arch: 'x64', env: {} };

describe('electronNativeBinding', () => {
  it('maps platforms to electron-builder ${os} names', () => {
    expect(builderOs('win32')).toBe('win');
    expect(builderOs('darwin')).toBe('mac');
    expect(builderOs('linux')).toBe('linux');
  });

  it('in development points at build/electron-native/<os>-<arch>', () => {
    expect(electronNativeBindingPath({ ...base, isPackaged: false })).toBe(join('/repo', 'build', 'electron-native', 'linux-x64', 'better_sqlite3.node'));
    expect(electronNativeBindingPath({ ...base, isPackaged: false, platform: 'win32', arch: 'ia32' })).toBe(
      join('/repo', 'build', 'electron-native', 'win-ia32', 'better_sqlite3.node'),
    );
  });

  it('packaged, points at resources/electron-native', () => {
    expect(electronNativeBindingPath({ ...base, isPackaged: true })).toBe(join('/opt/Loket/resources', 'electron-native', 'better_sqlite3.node'));
  });

  it('returns the path when the file exists, undefined when it does not', () => {
    const expected = join('/opt/Loket/resources', 'electron-native', 'better_sqlite3.node');
    expect(electronNativeBinding({ ...base, isPackaged: true, exists: (p) => p === expected })).toBe(expected);
    expect(electronNativeBinding({ ...base, isPackaged: true, exists: () => false })).toBeUndefined();
  });

  it('LOKET_NATIVE_BINDING overrides, if that file exists', () => {
    const env = { LOKET_NATIVE_BINDING: '/tmp/custom.node' };
    expect(electronNativeBinding({ ...base, env, isPackaged: true, exists: () => true })).toBe('/tmp/custom.node');
    expect(electronNativeBinding({ ...base, env, isPackaged: true, exists: (p) => p !== '/tmp/custom.node' })).toBeUndefined();
  });

  it('defaults to the running app (here: not packaged, no build/electron-native)', () => {
    expect(electronNativeBinding()).toBeUndefined();
  });
});
