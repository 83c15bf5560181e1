import { formatCoreMessage, type Lang, type MessageKey } from '../shared/i18n/messages';

/** An error the clerk should read: a message key with parameters; each caller words it in its own language. */
export class LoketError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(formatCoreMessage('en', { code: key, params }));
    this.name = 'LoketError';
  }

  format(lang: Lang): string {
    return formatCoreMessage(lang, { code: this.key, params: this.params });
  }
}

/** A serializable description of any error, for crossing a worker or IPC boundary. */
export interface ErrorPayload {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** Errors the core knows become their message; anything else is 'internal' with its text, never a crash. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof LoketError) return { key: error.key, params: error.params };
  if (error && typeof error === 'object' && 'code' in error && error instanceof Error && error.name === 'ListFileError') {
    const { detail = '', reason, params } = error as Error & { detail?: string; reason?: { code: string } & Record<string, string | number>; params?: Record<string, string | number> };
    // The reason's code is worded by the caller (list-file-reason/<code>) with its own parameters.
    const { code: reasonCode = 'generic', ...reasonParams } = reason ?? {};
    return { key: `list-file/${String((error as Error & { code: string }).code)}` as MessageKey, params: { detail, ...params, ...reasonParams, reason: reasonCode } };
  }
  if (error instanceof Error && error.name === 'DatabaseKeyError') {
    const { problem, path } = error as Error & { problem: string; path: string };
    return { key: `database/${problem}` as MessageKey, params: { path } };
  }
  if (error instanceof Error && error.name === 'DatabaseTooNewError') {
    return { key: 'database-too-new', params: { found: (error as Error & { found: number }).found } };
  }
  const hub = hubErrorPayload(error);
  if (hub) return hub;
  return { key: 'internal', params: { detail: error instanceof Error ? error.message : String(error) } };
}

/** The hub's refusals the clerk can act on, by their own code; any other as 'hub/refused' naming it. */
const HUB_CODES = new Set(['hub/code-used', 'hub/code-expired', 'hub/code-unknown', 'hub/counter-revoked', 'hub/counter-unknown']);

function hubErrorPayload(error: unknown): ErrorPayload | null {
  if (!(error instanceof Error)) return null;
  if (error.name === 'HubRefused') {
    const code = (error as Error & { code: string }).code;
    return HUB_CODES.has(code) ? { key: code as MessageKey, params: {} } : { key: 'hub/refused', params: { code } };
  }
  if (error.name === 'HubUnreachable') {
    const detail = (error as Error & { detail: string }).detail;
    if (detail.startsWith('hub-certificate-mismatch')) return { key: 'hub/certificate-mismatch', params: {} };
    // A certificate refused for its dates: the clock is the problem, not the network.
    if (detail.startsWith('hub-clock-differs')) return { key: 'hub/clock-differs', params: { detail: detail.replace(/^hub-clock-differs: /, '') } };
    return { key: 'hub/unreachable', params: { detail } };
  }
  if (error.name === 'EnrollmentCodeInvalid') return { key: 'hub/code-invalid', params: {} };
  return null;
}

export const errorFromPayload = (payload: ErrorPayload): LoketError => new LoketError(payload.key, payload.params);
