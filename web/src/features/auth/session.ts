import { type QueryClient, useQuery } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../api';

export type Stage = 'anonymous' | 'mfa_verify' | 'mfa_enroll' | 'active';

export interface RoleAssignment {
  role: string;
  branchId: string | null;
  branchName: string | null;
  candidateId: string | null;
  /** A postcode range; the exact shape is the server's, so the UI reads it defensively. */
  area: unknown;
  validUntil: string | null;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  locale: string;
  roles: RoleAssignment[];
  permissions: string[];
  areas: string[];
}

export interface Session {
  stage: Stage;
  csrfToken: string;
  user?: SessionUser;
}

interface StageAnswer {
  stage: Stage;
  csrfToken: string;
}

export const sessionKey = ['session'] as const;

async function fetchSession(): Promise<Session> {
  const session = await api<Session>('GET', '/api/v1/auth/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000, retry: 1 });
}

async function stageStep(path: string, body: unknown): Promise<StageAnswer> {
  const answer = await api<StageAnswer>('POST', path, body);
  setCsrfToken(answer.csrfToken);
  return answer;
}

export const login = (username: string, password: string) =>
  stageStep('/api/v1/auth/login', { username, password });

export const verifyMfa = (code: string) => stageStep('/api/v1/auth/mfa/verify', { code });

export const confirmEnrollment = (code: string) => stageStep('/api/v1/auth/mfa/enroll', { code });

export const getEnrollment = () =>
  api<{ secret: string; otpauthUri: string }>('GET', '/api/v1/auth/mfa/enroll');

/** Ends the session and drops every cached answer (personal data must not outlive the session). */
export async function logout(queryClient: QueryClient): Promise<void> {
  try {
    await api<void>('POST', '/api/v1/auth/logout');
  } finally {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
    await queryClient.resetQueries({ queryKey: sessionKey });
  }
}

/** Six digits, spaces allowed while typing (authenticator apps often show "123 456"). */
export function normaliseCode(input: string): string {
  return input.replace(/\s+/g, '');
}

export const CODE_PATTERN = /^\d{6}$/;

/** The TOTP secret in groups of four, easier to type into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}
