import { expect } from '@open-wc/testing';
import { IndexedDbStateStore } from './idb-store.js';

describe('IndexedDbStateStore (the shell’s shared user store)', () => {
  afterEach(async () => {
    await new IndexedDbStateStore().destroy();
  });

  it('keeps, lists and removes values', async () => {
    const store = new IndexedDbStateStore();
    expect(await store.get('user:a')).to.equal(null);
    await store.set('user:a', '{"access_token":"1"}');
    await store.set('user:b', 'x');
    expect(await store.get('user:a')).to.equal('{"access_token":"1"}');
    expect((await store.getAllKeys()).sort()).to.deep.equal(['user:a', 'user:b']);
    expect(await store.remove('user:a')).to.equal('{"access_token":"1"}');
    expect(await store.get('user:a')).to.equal(null);
  });

  it('shows a committed write to another connection at once (what a tab taking the renewal lock reads)', async () => {
    const writer = new IndexedDbStateStore();
    const reader = new IndexedDbStateStore();
    await reader.set('user:a', 'old');
    await writer.set('user:a', 'new');
    expect(await reader.get('user:a')).to.equal('new');
  });

  it('is emptied for every connection by destroy (sign-out), and usable again afterwards', async () => {
    const other = new IndexedDbStateStore();
    await other.set('user:a', 'token');
    await new IndexedDbStateStore().destroy();
    expect(await other.get('user:a')).to.equal(null);
    await other.set('user:a', 'again');
    expect(await other.get('user:a')).to.equal('again');
  });
});
