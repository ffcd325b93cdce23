/**
 * The one HTTP client of the web app. Same-origin only, cookie session, CSRF header on every
 * state-changing request, Accept-Language following the UI language, and errors as ApiError.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's stable code, or NETWORK_ERROR / HTTP_<status> when the answer was not an error body. */
    readonly code: string,
    /** The server's message in the requested language; empty when the server sent none. */
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let acceptLanguage = 'nl';
let sessionLostHandler: (() => void) | null = null;

/** The server rotates the token at login and MFA; always keep the latest one. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLocale(locale: string): void {
  acceptLanguage = locale;
}

/** Called when a request is refused because the session is gone (expired, logged out elsewhere). */
export function onSessionLost(handler: () => void): void {
  sessionLostHandler = handler;
}

const SESSION_LOST = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'MFA_REQUIRED']);
const SESSION_PATH = '/api/v1/auth/session';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send(method: Method, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '');
  }
}

async function toError(res: Response): Promise<ApiError> {
  try {
    const data: unknown = await res.json();
    if (data !== null && typeof data === 'object' && 'code' in data && typeof data.code === 'string') {
      const message = 'message' in data && typeof data.message === 'string' ? data.message : '';
      return new ApiError(res.status, data.code, message, 'details' in data ? data.details : undefined);
    }
  } catch {
    // Not JSON (a proxy page, say): fall through to a generic error.
  }
  return new ApiError(res.status, `HTTP_${res.status}`, '');
}

async function refreshCsrfToken(): Promise<void> {
  const res = await send('GET', SESSION_PATH, undefined);
  if (!res.ok) return;
  const data = (await res.json()) as { csrfToken?: unknown };
  if (typeof data.csrfToken === 'string') csrfToken = data.csrfToken;
}

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let res = await send(method, path, body);
  let error = res.ok ? null : await toError(res);
  if (error?.code === 'CSRF_INVALID' && method !== 'GET') {
    // The token may have rotated under us (another tab logged in again): fetch it once and retry.
    await refreshCsrfToken();
    res = await send(method, path, body);
    error = res.ok ? null : await toError(res);
  }
  if (error !== null) {
    if (res.status === 401 && SESSION_LOST.has(error.code) && !path.startsWith('/api/v1/auth/')) {
      sessionLostHandler?.();
    }
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}
