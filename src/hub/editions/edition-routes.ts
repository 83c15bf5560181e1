import { createReadStream, existsSync } from 'node:fs';
import { ADMIN_EDITIONS_PATH, EDITION_HEADERS, EDITIONS_PATH, uploadedEditionHeaders, type EditionManifest, type UploadedEditionHeaders } from '../../core/sync/edition-wire';
import { adminActor } from '../audit/admin-log.repo';
import { HubError, type HubRequest, type HubRoute } from '../http/route';
import { storedEditionPath, type HubEditionsConfig } from './edition-config';
import { takeEdition, type EditionOrigin } from './edition-intake';
import { heldEditionRoute } from './edition-held-route';
import { currentEditions, editionByFile } from './hub-editions.repo';

/** 'facility': the hospital's hub. 'district': a Dinas Kesehatan hub that only publishes editions (no register). */
export type HubMode = 'facility' | 'district';

/**
 * The editions endpoints. Uploads: an enrolled counter after its import (facility hub only) or
 * the hub's administrator (`POST /v1/admin/editions`, both modes: how a district hub gets its
 * lists). Manifest and downloads: enrolled counters, and at a district hub the facility hubs
 * enrolled there (each enrolls like a counter; docs/hub.md).
 */
export function editionRoutes(config: HubEditionsConfig, mode: HubMode = 'facility'): HubRoute[] {
  const upload = (auth: 'counter' | 'admin', path: string): HubRoute => ({
    method: 'POST',
    path,
    auth,
    rawBody: true,
    async handle(req) {
      if (!req.raw) throw new HubError(400, 'hub/edition-invalid', { reason: 'edition/no-body' });
      const origin: EditionOrigin = req.counter
        ? { source: 'upload', uploadedBy: `counter:${req.counter.id} (${req.counter.name})` }
        : { source: 'upload', uploadedBy: adminActor(req) };
      const reply = await takeEdition(req.pg, config, req.raw, declaredEdition(req), origin, req.now);
      return { status: reply.duplicate ? 200 : 201, json: reply };
    },
  });
  const routes: HubRoute[] = [
    upload('admin', ADMIN_EDITIONS_PATH),
    heldEditionRoute(),
    {
      method: 'GET',
      path: EDITIONS_PATH,
      auth: 'counter',
      async handle(req) {
        const manifest: EditionManifest = { editions: await currentEditions(req.pg) };
        return { json: manifest };
      },
    },
    {
      method: 'GET',
      path: `${EDITIONS_PATH}/:sha256`,
      auth: 'counter',
      async handle(req) {
        const sha = req.params.sha256 ?? '';
        // Only a published edition is served, and its name never comes from the request as a path.
        const entry = /^[0-9a-f]{64}$/.test(sha) ? await editionByFile(req.pg, sha) : null;
        const path = entry ? storedEditionPath(config, entry.fileSha256) : null;
        if (!entry || !path || !existsSync(path)) throw new HubError(404, 'hub/edition-unknown', { sha256: sha.slice(0, 64) });
        return { stream: createReadStream(path), headers: { 'content-type': 'application/gzip' } };
      },
    },
  ];
  if (mode === 'facility') routes.push(upload('counter', EDITIONS_PATH));
  return routes;
}

/** The edition an upload declares, from its headers (or, for a client that cannot set headers, the query string). */
function declaredEdition(req: HubRequest): UploadedEditionHeaders {
  const value = (name: string): string | undefined => {
    const header = req.headers?.[name];
    return (Array.isArray(header) ? header[0] : header) ?? req.query.get(name) ?? undefined;
  };
  let list: string | undefined;
  try {
    const raw = value(EDITION_HEADERS.list);
    list = raw === undefined ? undefined : decodeURIComponent(raw);
  } catch {
    list = undefined;
  }
  const parsed = uploadedEditionHeaders.safeParse({
    list,
    kind: value(EDITION_HEADERS.kind),
    asOf: value(EDITION_HEADERS.asOf),
    contentHash: value(EDITION_HEADERS.contentHash),
    fileSha256: value(EDITION_HEADERS.fileSha256),
    // Never from the query string: a URL may end up in a log line, a header does not.
    transferKey: headerOnly(req, EDITION_HEADERS.transferKey),
  });
  if (!parsed.success) throw new HubError(400, 'hub/edition-invalid', { reason: 'edition/bad-headers' });
  return parsed.data;
}

function headerOnly(req: HubRequest, name: string): string | undefined {
  const header = req.headers?.[name];
  return Array.isArray(header) ? header[0] : header;
}
