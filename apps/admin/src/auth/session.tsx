import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Role } from './permissions';

export interface SessionUser {
  email: string;
  name: string;
  role: Role;
}

export interface Session {
  token: string;
  user: SessionUser;
}

interface SessionValue {
  session: Session | null;
  signIn: (session: Session) => void;
  signOut: () => void;
}

const STORAGE_KEY = 'ksp.session';
const SessionContext = createContext<SessionValue | null>(null);

function storedSession(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

/** Keeps the signed-in user and their bearer token, surviving reloads (localStorage). */
export function SessionProvider({ children, initial }: { children: ReactNode; initial?: Session | null }) {
  const [session, setSession] = useState<Session | null>(() =>
    initial === undefined ? storedSession() : initial,
  );

  const signIn = useCallback((next: Session) => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setSession(next);
  }, []);

  const signOut = useCallback(() => {
    localStorage.removeItem(STORAGE_KEY);
    setSession(null);
  }, []);

  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
