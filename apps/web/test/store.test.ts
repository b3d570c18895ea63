import { expect, it } from 'vitest';
import { createAppStore } from '../src/store.js';

it('clears a posted draft, but keeps what was typed after posting', () => {
  const store = createAppStore();
  store.getState().setDraft('  first  ');
  store.getState().clearPostedDraft('first');
  expect(store.getState().draft).toBe('');

  store.getState().setDraft('typed while the first was posting');
  store.getState().clearPostedDraft('first');
  expect(store.getState().draft).toBe('typed while the first was posting');
});
