import { app } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The SQLite driver's native addon exists twice on a developer's machine:
 * node_modules holds the build for plain Node (tests, CLI, harness) and is never rebuilt in
 * place; `build/electron-native/<os>-<arch>/` holds the build for Electron's ABI, made by
 * scripts/ensure-electron-native.mjs and shipped by electron-builder as
 * `resources/electron-native/better_sqlite3.node`. Electron passes that file to the driver
 * as `nativeBinding`. Keep the folder naming in step with the script.
 */
export const BINDING_FILE = 'better_sqlite3.node';

/** electron-builder's `${os}` macro for a Node platform (the folder names match it). */
export function builderOs(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'win';
  if (platform === 'darwin') return 'mac';
  return platform;
}

export interface NativeBindingContext {
  isPackaged: boolean;
  /** process.resourcesPath of the packaged app. */
  resourcesPath: string;
  /** app.getAppPath(): the project root when run by electron-vite. */
  appPath: string;
  platform: NodeJS.Platform;
  arch: string;
  env: NodeJS.ProcessEnv;
  exists: (path: string) => boolean;
}

/** Where the Electron-ABI addon should be, whether or not it is there. */
export function electronNativeBindingPath(ctx: Pick<NativeBindingContext, 'isPackaged' | 'resourcesPath' | 'appPath' | 'platform' | 'arch'>): string {
  if (ctx.isPackaged) return join(ctx.resourcesPath, 'electron-native', BINDING_FILE);
  return join(ctx.appPath, 'build', 'electron-native', `${builderOs(ctx.platform)}-${ctx.arch}`, BINDING_FILE);
}

function electronContext(): NativeBindingContext {
  return {
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    platform: process.platform,
    arch: process.arch,
    env: process.env,
    exists: existsSync,
  };
}

/**
 * The Electron-ABI better_sqlite3.node to pass to the driver, or undefined when it is missing
 * (then the driver's own lookup runs, and fails with a NODE_MODULE_VERSION message that the
 * startup error dialog explains). `LOKET_NATIVE_BINDING` overrides, for diagnosis.
 */
export function electronNativeBinding(ctx: NativeBindingContext = electronContext()): string | undefined {
  const override = ctx.env['LOKET_NATIVE_BINDING'];
  if (override) return ctx.exists(override) ? override : undefined;
  const path = electronNativeBindingPath(ctx);
  return ctx.exists(path) ? path : undefined;
}
