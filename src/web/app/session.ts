// Who is signed in (GET /api/auth/me), and the actions that change it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../contracts/auth.ts';
import type { Role } from '../../contracts/common.ts';
import { changeLanguage, readLocaleCookie, writeLocaleCookie, type Language } from '../i18n/index.ts';
import { api, ApiError, setCsrfToken } from './api.ts';
import { ME_KEY, queryClient } from './queryClient.ts';
import { holdsRole } from '../../contracts/roles.ts';

export type { Me };

/** Set by the server with a session, readable here (the session cookie is not): "someone may be signed in". */
const SIGNED_IN_COOKIE = 'caunoi_signed_in';
const maySignedIn = () => document.cookie.split(';').some((part) => part.trim().startsWith(`${SIGNED_IN_COOKIE}=`));

async function fetchMe(): Promise<Me | null> {
  // A visitor who never signed in is not asked about (no request, no 401 in the console).
  if (!maySignedIn()) {
    setCsrfToken(null);
    return null;
  }
  try {
    const me = await api<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      document.cookie = `${SIGNED_IN_COOKIE}=; path=/; max-age=0; samesite=lax`;
      return null;
    }
    throw error;
  }
}

export function useSession() {
  const query = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
  return { me: query.data ?? null, isLoading: query.isPending, error: query.error, refetch: query.refetch };
}

/** Holds one of the roles (undefined: anyone signed in). The rules themselves are in src/contracts/roles.ts. */
export function hasRole(me: Me | null, roles: readonly Role[] | undefined): boolean {
  if (!me) return false;
  return roles ? holdsRole(me, roles) : true;
}

/** After any sign-in: forget what was cached for the previous visitor, load the account, take its language. */
async function signedIn(client: ReturnType<typeof useQueryClient>): Promise<void> {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
  const me = await client.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
  // The server sets the language cookie from the account when none was chosen here.
  const language = readLocaleCookie() ?? me?.locale;
  if (language) await changeLanguage(language);
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<{ ok: true }>('/api/auth/sign-in', { method: 'POST', body }),
    onSuccess: () => signedIn(client),
  });
}

/** Sign-in with the one-time link mailed when an account or address is over its limit, and the password. */
export function useSignInWithLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      api<{ ok: true }>('/api/auth/sign-in/link', { method: 'POST', body }),
    onSuccess: () => signedIn(client),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>('/api/auth/sign-out', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      client.setQueryData(ME_KEY, null);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
    },
  });
}

/** Switches the UI language and remembers it (cookie, and the account when signed in). */
export async function chooseLanguage(language: Language): Promise<void> {
  writeLocaleCookie(language);
  await changeLanguage(language);
  try {
    await api('/api/auth/locale', { method: 'POST', body: { locale: language } });
    if (queryClient.getQueryData(ME_KEY)) await queryClient.invalidateQueries({ queryKey: ME_KEY });
  } catch {
    // The cookie written above keeps the choice on this device.
  }
}
