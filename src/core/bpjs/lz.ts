import * as lzNamespace from 'lz-string';

// lz-string ships CommonJS with ES-style typings: under Node's ESM loader its functions live on
// `default`, under a bundler's CJS interop they sit on the namespace itself. Accept both.
const lz: typeof lzNamespace = (lzNamespace as unknown as { default?: typeof lzNamespace }).default ?? lzNamespace;

export const compressToEncodedURIComponent = (text: string): string => lz.compressToEncodedURIComponent(text);
export const decompressFromEncodedURIComponent = (text: string): string | null =>
  // The typings say string, but the library returns null (or '') for input it cannot read.
  lz.decompressFromEncodedURIComponent(text) as string | null;
