import { LogoutDocument, RefreshSessionDocument } from '@cip/sdk/documents';
import { request } from '../../shared/graphql-request';

/** What signing in returns; kept in localStorage so a reload or a new tab stays signed in. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  refreshTokenExpiresAt: string;
}

const storageKey = 'cip.session';
const listeners = new Set<() => void>();
let current: Session | null = read();
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<Session | null> | null = null;

function read(): Session | null {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Session | null;
    return value && Date.parse(value.refreshTokenExpiresAt) > Date.now() ? value : null;
  } catch {
    return null;
  }
}

function publish(session: Session | null) {
  current = session;
  schedule();
  for (const listener of listeners) listener();
}

export const getSession = () => current;

export function subscribeSession(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setSession(session: Session | null) {
  if (session) localStorage.setItem(storageKey, JSON.stringify(session));
  else localStorage.removeItem(storageKey);
  publish(session);
}

/**
 * Renews the session with the refresh token, once at a time across every tab: refresh tokens rotate,
 * and presenting one twice revokes the whole login, so a tab that finds the session already renewed
 * by another simply adopts it.
 */
export function refreshSession(): Promise<Session | null> {
  inFlight ??= withLock(async () => {
    const stored = read();
    if (stored && current && stored.refreshToken !== current.refreshToken) {
      publish(stored);
      return stored;
    }
    const session = stored ?? current;
    if (!session) return null;
    try {
      const { refreshSession: renewed } = await request(RefreshSessionDocument, { refreshToken: session.refreshToken });
      setSession(renewed);
      return renewed;
    } catch (error) {
      if (error instanceof TypeError) throw error;
      setSession(null);
      return null;
    }
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/**
 * Ends the session on the server first, so the signed-out screen means its refresh token works no more;
 * without a network it ends in this browser only.
 */
export async function signOut() {
  const session = current;
  clearTimeout(timer);
  if (session) await request(LogoutDocument, { refreshToken: session.refreshToken }).catch(() => undefined);
  setSession(null);
}

/** Renews a little before the access token expires: a quarter of its life early, at most a minute. */
function schedule() {
  clearTimeout(timer);
  if (!current) return;
  const expiresAt = Date.parse(current.accessTokenExpiresAt);
  const lifetime = Math.max(0, expiresAt - Date.now());
  const lead = Math.min(60_000, lifetime / 4);
  timer = setTimeout(() => void refreshSession().catch(() => schedule()), Math.max(1_000, lifetime - lead));
}

function withLock<T>(run: () => Promise<T>): Promise<T> {
  return navigator.locks ? (navigator.locks.request('cip.session.refresh', run) as Promise<T>) : run();
}

window.addEventListener('storage', (event) => {
  if (event.key === storageKey) publish(read());
});
schedule();
