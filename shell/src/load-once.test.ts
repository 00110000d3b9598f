import { expect } from '@open-wc/testing';
import { loadOnce } from './load-once.js';

describe('loadOnce', () => {
  it('imports once for every caller, and tries again after a failure', async () => {
    let calls = 0;
    let fail = true;
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const load = loadOnce(async () => {
        calls++;
        if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      }, 'the test component');
      await Promise.all([load(), load()]);
      expect(calls, 'two callers share one attempt').to.equal(1);
      expect(String(logged[0]?.[0])).to.equal('[digione] the test component could not be loaded:');
      fail = false;
      await load();
      await load();
      expect(calls, 'one retry after the failure, then no more').to.equal(2);
    } finally {
      console.error = original;
    }
  });
});
