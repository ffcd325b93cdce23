import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

/** The scopes a user may give an API token; the server checks them again. */
export const TOKEN_SCOPES = ['persons:read', 'audit:read'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface ApiToken {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedToken extends Partial<ApiToken> {
  id: string;
  /** The secret, shown once. */
  token: string;
}

export const tokensKey = ['tokens'] as const;

export function useTokens(enabled: boolean) {
  return useQuery({
    queryKey: tokensKey,
    queryFn: () => api<{ items: ApiToken[] }>('GET', '/api/v1/tokens'),
    enabled,
  });
}

export const createToken = (input: { name: string; scopes: TokenScope[]; expiresInDays?: number }) =>
  api<CreatedToken>('POST', '/api/v1/tokens', input);

export const revokeToken = (id: string) => api<void>('DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`);
