import { createContext, useContext, type ReactNode } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { Tweet } from './api/use-tweets.js';

/** What the browser holds that the server does not: drafts, open dialogs, notices, the clock. */
export interface AppState {
  /** The tweet being written; it survives moving between pages. */
  draft: string;
  /** The tweet whose deletion awaits confirmation. */
  pendingDelete: Tweet | null;
  /** Whether a picture viewer is open (the page behind it is then inert, as for a dialog). */
  viewerOpen: boolean;
  /** A one-off notice for the person, e.g. after logging out, and the page it is for. */
  flash: Flash | null;
  /** The time relative times are measured from; advanced every minute. */
  now: number;
  setDraft(draft: string): void;
  /** Empties the draft once it is posted, unless the person has already typed something new. */
  clearPostedDraft(posted: string): void;
  askToDelete(tweet: Tweet): void;
  closeDeleteDialog(): void;
  setViewerOpen(open: boolean): void;
  showFlash(message: string, pathname: string): void;
  clearFlash(): void;
  tick(now: number): void;
  /** Forgets everything that belonged to the person who just logged out. */
  reset(): void;
}

export interface Flash {
  message: string;
  pathname: string;
}

export type AppStore = StoreApi<AppState>;

export function createAppStore(now = Date.now()): AppStore {
  return createStore<AppState>()((set) => ({
    draft: '',
    pendingDelete: null,
    viewerOpen: false,
    flash: null,
    now,
    setDraft: (draft) => set({ draft }),
    clearPostedDraft: (posted) => set((state) => (state.draft.trim() === posted ? { draft: '' } : state)),
    askToDelete: (tweet) => set({ pendingDelete: tweet }),
    closeDeleteDialog: () => set({ pendingDelete: null }),
    setViewerOpen: (viewerOpen) => set({ viewerOpen }),
    showFlash: (message, pathname) => set({ flash: { message, pathname } }),
    clearFlash: () => set({ flash: null }),
    tick: (now) => set({ now }),
    reset: () => set({ draft: '', pendingDelete: null, viewerOpen: false, flash: null }),
  }));
}

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore must be used inside <StoreProvider>');
  return useStore(store, selector);
}
