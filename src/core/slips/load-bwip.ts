import { createRequire } from 'node:module';
import type * as BwipModule from 'bwip-js/node';

type Bwip = typeof BwipModule;

let loaded: Bwip | undefined;

/**
 * bwip-js on the first slip, not at start: loading it cost ~140 ms of the core's and the `loket`
 * command's ~400 ms start (measured), and only a slip needs a barcode. Loaded with require, as a
 * static import would be in the CommonJS build (works the same inside the app's ASAR). The
 * explicit node entry: the package's root export has no condition for a plain bundler build.
 */
export function loadBwip(): Bwip {
  loaded ??= createRequire(__filename)('bwip-js/node') as Bwip;
  return loaded;
}
