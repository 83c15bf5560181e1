import type { Migration } from './index';

/**
 * Version 23 is another change's migration, made on another branch at the same time as 024
 * (old-mrn). This stand-in does nothing and keeps the versions in order on this branch; the
 * merge replaces it with the real 023.
 */
export const m023Reserved: Migration = {
  version: 23,
  name: 'reserved',
  up() {},
};
