/** A catalog's shape with every text widened to string: what the other language must match. */
export type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** A nested catalog: texts under dotted keys ("audit.detail.lookup"). */
export interface CatalogTree {
  readonly [key: string]: string | CatalogTree;
}

/**
 * A text of a nested catalog, as i18next's t() finds and fills it for the screens (the same
 * catalogs, the same results): the key split on dots, `{{name}}` filled from the options, the
 * option `defaultValue` when the key is missing, else the key itself. Plural forms are not
 * needed by its callers and not read. For the core, which has no i18next: it words what it
 * writes to a file in the caller's language from the shared catalogs.
 */
export function catalogText(catalog: CatalogTree, key: string, options: Record<string, unknown> = {}): string {
  let node: string | CatalogTree | undefined = catalog;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  const template = typeof node === 'string' ? node : typeof options.defaultValue === 'string' ? options.defaultValue : key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = options[name];
    return value === undefined || value === null ? whole : String(value);
  });
}
