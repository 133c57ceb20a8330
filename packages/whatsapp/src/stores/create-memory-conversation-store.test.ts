import { describe, expect, it } from 'vitest';
import { createMemoryConversationStore } from './create-memory-conversation-store.js';
import { createWindowStore, customerServiceWindowMs } from './create-window-store.js';

describe('createMemoryConversationStore', () => {
  it('keeps a copy of a state until it expires', async () => {
    let now = 1_000;
    const store = createMemoryConversationStore({ clock: () => now });
    const state = { step: 'category', mediaIds: ['a'] };
    await store.put('966512345678', state, 2_000);
    state.mediaIds.push('b');
    expect(await store.get('966512345678')).toEqual({ step: 'category', mediaIds: ['a'] });
    now = 2_000;
    expect(await store.get('966512345678')).toBeUndefined();
  });

  it('forgets a deleted state', async () => {
    const store = createMemoryConversationStore();
    await store.put('k', { step: 'idle' }, Date.now() + 60_000);
    await store.delete('k');
    await store.delete('never-there');
    expect(await store.get('k')).toBeUndefined();
  });

  it('answers true only the first time a message id is seen, for as long as it is remembered', async () => {
    let now = 0;
    const store = createMemoryConversationStore({ clock: () => now, seenTtlMs: 1_000 });
    const answers = await Promise.all([
      store.markSeen('wamid.1'),
      store.markSeen('wamid.1'),
      store.markSeen('wamid.2'),
    ]);
    expect(answers).toEqual([true, false, true]);
    now = 999;
    expect(await store.markSeen('wamid.1')).toBe(false);
    now = 1_000;
    expect(await store.markSeen('wamid.1')).toBe(true);
  });

  it('keeps at most the configured number of entries, dropping the oldest', async () => {
    const store = createMemoryConversationStore({ maxEntries: 2 });
    for (const id of ['a', 'b', 'c']) await store.markSeen(id);
    expect(await store.markSeen('a')).toBe(true);
    expect(await store.markSeen('c')).toBe(false);
  });
});

describe('createWindowStore', () => {
  it('remembers the last inbound message for the length of the customer-service window', async () => {
    let now = 0;
    const windows = createWindowStore(createMemoryConversationStore({ clock: () => now }));
    expect(await windows.lastInboundAt('966512345678')).toBeUndefined();
    await windows.recordInbound('966512345678', 5_000);
    expect(await windows.lastInboundAt('966512345678')).toBe(5_000);
    now = 5_000 + customerServiceWindowMs;
    expect(await windows.lastInboundAt('966512345678')).toBeUndefined();
  });
});
