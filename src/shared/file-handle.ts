import { z } from 'zod';

/**
 * What a chosen file is for: a list to read, a backup and its recovery key to restore from, or a
 * place to write a CSV, an XLSX, a PDF, a recovery key or a backup.
 */
export const FILE_PURPOSES = ['open-list', 'open-backup', 'open-key', 'save-csv', 'save-xlsx', 'save-pdf', 'save-key', 'save-backup'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];
/** A file chosen to be read (no place to write, so never checked as one). */
export const isOpenPurpose = (purpose: FilePurpose): boolean => purpose.startsWith('open-');

/**
 * An opaque handle for a file the person chose (a dialog, or a path typed in the browser
 * harness): 128 random bits in base64url, 22 characters. The shape alone keeps a path out: no
 * '/', '\\', '.' or ':' can pass, so a renderer can only name files the main process was given.
 */
export const fileHandleSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'file handle');

/** A chosen file as the window sees it: the handle to pass back, and a name to show. */
export interface ChosenFile {
  handle: string;
  name: string;
}
