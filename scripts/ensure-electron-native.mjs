#!/usr/bin/env node
/**
 * Makes sure an Electron-ABI build of the SQLite driver's addon exists at
 *   build/electron-native/<os>-<arch>/better_sqlite3.node   (+ stamp.json beside it)
 * where <os> is electron-builder's ${os} (win, mac, linux) and <arch> its ${arch}.
 *
 * node_modules keeps the driver built for plain Node (tests, CLI, harness) and is never
 * rebuilt in place: the Electron build happens in a copy of the driver in a temp folder,
 * through @electron/rebuild (a prebuilt binary if one is published, else node-gyp against
 * Electron's headers), and only the resulting .node file is copied out. The main process
 * passes that file to the driver as `nativeBinding`; electron-builder ships it as
 * resources/electron-native/better_sqlite3.node.
 *
 * Usage: node scripts/ensure-electron-native.mjs [--dist] [--arch x64,ia32] [--force]
 *   --dist   the architectures an installer for this OS needs (Windows: x64 and ia32)
 *   --arch   explicit comma-separated list (also LOKET_ELECTRON_ARCHS)
 *   --force  rebuild even when the stamp says the file is current
 * Skips (exit 0) when CI or LOKET_SKIP_ELECTRON_NATIVE is set.
 * ELECTRON_REBUILD_DIST_URL overrides where Electron's headers are downloaded from.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DRIVER = 'better-sqlite3-multiple-ciphers';
/** The driver is installed under the well-known name through an npm alias (package.json): `better-sqlite3`. */
const INSTALLED_AS = 'better-sqlite3';
const BINDING = 'better_sqlite3.node';
const OUT_ROOT = join(ROOT, 'build', 'electron-native');
const require = createRequire(import.meta.url);

const log = (message) => console.log(`[electron-native] ${message}`);

/** Set means present and not empty, "0", "false" or "no". */
function envFlag(name) {
  const value = process.env[name];
  return value !== undefined && value !== '' && !/^(0|false|no)$/i.test(value);
}

/** electron-builder's ${os} macro; src/main/native-binding.ts uses the same mapping. */
function builderOs(platform) {
  if (platform === 'win32') return 'win';
  if (platform === 'darwin') return 'mac';
  return platform;
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

function electronInfo() {
  let pkgPath;
  try {
    pkgPath = require.resolve('electron/package.json');
  } catch {
    throw new Error('the electron package is not installed (run npm install)');
  }
  const version = readJson(pkgPath).version;
  // The electron package records its ABI; node-abi knows it too.
  let abi;
  const abiFile = join(dirname(pkgPath), 'abi_version');
  if (existsSync(abiFile)) abi = readFileSync(abiFile, 'utf8').trim();
  if (!abi) {
    try {
      abi = require('node-abi').getAbi(version, 'electron');
    } catch {
      abi = undefined;
    }
  }
  return { version, abi };
}

function driverInfo() {
  const dir = join(ROOT, 'node_modules', INSTALLED_AS);
  if (!existsSync(join(dir, 'package.json'))) throw new Error(`${DRIVER} is not installed (run npm install)`);
  return { dir, version: readJson(join(dir, 'package.json')).version };
}

/**
 * NODE_MODULE_INIT exports `node_register_module_v<ABI>`; finding that name in the file
 * tells which runtime the addon was built for, without loading it.
 */
function addonAbi(file) {
  const match = /node_register_module_v(\d+)/.exec(readFileSync(file).toString('latin1'));
  return match ? match[1] : undefined;
}

function isCurrent(target, stampPath, want) {
  if (!existsSync(target) || !existsSync(stampPath)) return false;
  try {
    const stamp = readJson(stampPath);
    const same = ['electron', 'driver', 'platform', 'arch'].every((k) => stamp[k] === want[k]);
    return same && (!want.abi || addonAbi(target) === want.abi);
  } catch {
    return false;
  }
}

/**
 * node-gyp and prebuild-install read npm_config_* from the environment, and `npm start`
 * exports the user's npm config. A `nodedir` (common on Linux: nodedir=/usr) or `target`
 * there would silently build against Node's headers instead of Electron's. Proxy and CA
 * settings stay: they may be what lets the download through.
 */
function scrubBuildEnv() {
  const drop = new Set(['nodedir', 'target', 'runtime', 'disturl', 'dist-url', 'arch', 'target-arch', 'platform', 'build-from-source', 'devdir', 'tarball', 'ensure', 'libc', 'napi-build-version']);
  for (const key of Object.keys(process.env)) {
    if (/^npm_package_config_node_gyp_/i.test(key)) delete process.env[key];
    const match = /^npm_config_(.+)$/i.exec(key);
    if (match && drop.has(match[1].toLowerCase().replaceAll('_', '-'))) delete process.env[key];
  }
}

/** @electron/rebuild is ESM and comes with electron-builder; it may not be hoisted. */
async function loadElectronRebuild() {
  try {
    return await import('@electron/rebuild');
  } catch {
    try {
      const viaBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
      return await import(pathToFileURL(viaBuilder.resolve('@electron/rebuild')).href);
    } catch {
      return undefined;
    }
  }
}

/** Copies the driver (sources, not its Node build) into a throwaway project. */
function prepareWorkDir(driver) {
  const work = mkdtempSync(join(tmpdir(), 'loket-electron-native-'));
  const moduleCopy = join(work, 'node_modules', DRIVER);
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({ name: 'loket-electron-native-build', version: '0.0.0', private: true, dependencies: { [DRIVER]: driver.version } }, null, 2),
  );
  // Leave out build/ (the Node build must not be mistaken for a result), bin/ and prebuilds/.
  const skip = new Set(['build', 'bin', 'prebuilds', 'node_modules']);
  cpSync(driver.dir, moduleCopy, {
    recursive: true,
    filter: (src) => {
      const rel = relative(driver.dir, src);
      return rel === '' || !skip.has(rel.split(sep)[0]);
    },
  });
  // @electron/rebuild runs prebuild-install found by walking up from the module; link the
  // project's copy in (a junction on Windows needs no admin rights). Its own dependencies
  // resolve from its real path, i.e. the project's node_modules.
  try {
    const prebuildInstall = dirname(createRequire(join(driver.dir, 'package.json')).resolve('prebuild-install/package.json'));
    symlinkSync(prebuildInstall, join(work, 'node_modules', 'prebuild-install'), process.platform === 'win32' ? 'junction' : 'dir');
  } catch (error) {
    log(`  (prebuild-install not linked, will compile from source: ${error.message})`);
  }
  return { work, moduleCopy };
}

async function buildWithElectronRebuild(electronRebuild, work, electron, arch, headerURL) {
  const job = electronRebuild.rebuild({
    buildPath: work,
    // Stop the module search at the temp project, so the project's node_modules is never visited.
    projectRootPath: work,
    electronVersion: electron.version,
    arch,
    force: true,
    onlyModules: [DRIVER],
    mode: 'sequential',
    ...(headerURL ? { headerURL } : {}),
  });
  job.lifecycle.on('module-found', (name) => log(`  ${name}: trying a prebuilt Electron binary, else compiling against Electron ${electron.version} headers (a few minutes)...`));
  job.lifecycle.on('module-done', (name) => log(`  ${name}: done`));
  await job;
}

function buildWithNodeGyp(moduleCopy, electron, arch, headerURL) {
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  log(`  @electron/rebuild not found; compiling with node-gyp against Electron ${electron.version} headers...`);
  const result = spawnSync(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electron.version}`,
      `--arch=${arch}`,
      `--dist-url=${headerURL ?? 'https://electronjs.org/headers'}`,
      `--devdir=${join(homedir(), '.electron-gyp')}`,
    ],
    { cwd: moduleCopy, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`node-gyp exited with ${result.status ?? result.signal}`);
}

async function ensureArch(arch, electron, driver, options) {
  const name = `${builderOs(process.platform)}-${arch}`;
  const dir = join(OUT_ROOT, name);
  const target = join(dir, BINDING);
  const stampPath = join(dir, 'stamp.json');
  const want = { electron: electron.version, abi: electron.abi, driver: driver.version, platform: process.platform, arch };
  if (!options.force && isCurrent(target, stampPath, want)) {
    log(`${name}: up to date (Electron ${electron.version}, ${DRIVER} ${driver.version})`);
    return;
  }
  log(`${name}: building ${BINDING} for Electron ${electron.version} (ABI ${electron.abi ?? '?'}), ${DRIVER} ${driver.version}`);
  log(`  in a temporary copy; node_modules keeps its Node build`);
  const { work, moduleCopy } = prepareWorkDir(driver);
  try {
    const headerURL = process.env['ELECTRON_REBUILD_DIST_URL'] || undefined;
    const electronRebuild = await loadElectronRebuild();
    if (electronRebuild) await buildWithElectronRebuild(electronRebuild, work, electron, arch, headerURL);
    else buildWithNodeGyp(moduleCopy, electron, arch, headerURL);

    const built = join(moduleCopy, 'build', 'Release', BINDING);
    if (!existsSync(built)) throw new Error(`the build finished but produced no ${BINDING}`);
    const abi = addonAbi(built);
    if (electron.abi && abi !== electron.abi) {
      throw new Error(`the result was built for ABI ${abi ?? 'unknown'}, not Electron's ${electron.abi} (a nodedir or target setting in npm/node-gyp config?)`);
    }
    mkdirSync(dir, { recursive: true });
    copyFileSync(built, `${target}.tmp`);
    renameSync(`${target}.tmp`, target);
    writeFileSync(stampPath, `${JSON.stringify({ ...want, builtAt: new Date().toISOString() }, null, 2)}\n`);
    log(`${name}: ready at ${relative(ROOT, target)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function requestedArchs(values) {
  const list = values.arch ?? process.env['LOKET_ELECTRON_ARCHS'];
  if (list) return [...new Set(list.split(',').map((a) => a.trim()).filter(Boolean))];
  // electron-builder.yml builds the Windows installer for x64 and ia32 (old 32-bit PCs).
  if (values.dist && process.platform === 'win32') return ['x64', 'ia32'];
  return [process.arch];
}

function explainFailure(error, electron) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`
[electron-native] FAILED: could not prepare ${BINDING} for Electron ${electron?.version ?? '?'}.
  ${message}

The first build needs internet access (again after an Electron or driver upgrade), for one of:
  - a prebuilt binary from the driver's GitHub releases (tried first), or
  - Electron's headers from https://electronjs.org/headers (or ELECTRON_REBUILD_DIST_URL)
    plus a C++ toolchain: Python 3 with make and g++ (Linux), Xcode command line tools (macOS),
    or Visual Studio Build Tools with "Desktop development with C++" (Windows).
Run with DEBUG=electron-rebuild for details.

node_modules was not modified: tests, the CLI and the browser harness still work.
To go on without it (the Electron app will not be able to open its database),
set LOKET_SKIP_ELECTRON_NATIVE=1.
`);
}

async function main() {
  const { values } = parseArgs({
    options: { dist: { type: 'boolean', default: false }, arch: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  if (envFlag('LOKET_SKIP_ELECTRON_NATIVE') || envFlag('CI')) {
    const why = envFlag('LOKET_SKIP_ELECTRON_NATIVE') ? 'LOKET_SKIP_ELECTRON_NATIVE' : 'CI';
    log(`skipped (${why} is set): no Electron build of ${BINDING} is prepared; the Electron app needs one to open its database.`);
    return;
  }
  let electron;
  try {
    electron = electronInfo();
    const driver = driverInfo();
    scrubBuildEnv();
    for (const arch of requestedArchs(values)) await ensureArch(arch, electron, driver, values);
  } catch (error) {
    explainFailure(error, electron);
    process.exitCode = 1;
  }
}

await main();
