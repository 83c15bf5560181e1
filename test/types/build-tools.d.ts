// Types for two small libraries the packaging test borrows from electron-builder's own
// dependencies (js-yaml 4, minimatch 3), which ship no declarations of their own.
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
declare module 'minimatch' {
  function minimatch(path: string, pattern: string, options?: { dot?: boolean }): boolean;
  export default minimatch;
}
