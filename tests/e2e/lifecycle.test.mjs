// Mounting and destroying leaves nothing behind: 1,000 mount/destroy cycles on the demo page keep
// the JavaScript heap (after a forced collection) and the WebAssembly memory flat.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserForFile, open } from './browser.mjs';

const env = browserForFile();

test('1,000 mounts and destroys keep the JS heap and the wasm memory flat', async () => {
  const { page, problems } = await open(env);
  await page.locator('story-card [part~="slide"]').first().waitFor();
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const cycles = (n) =>
    page.evaluate(async (n) => {
      const { mount, wasmMemory } = await import('/pkg/storycard.js');
      // The test page's own record of events would keep every detail: stop it.
      window.__events = { push() {} };
      const memory = await wasmMemory();
      const data = JSON.parse(document.getElementById('article-data').textContent);
      const host = document.createElement('div');
      document.body.append(host);
      for (let i = 0; i < n; i += 1) {
        const handle = await mount(host, { data, pageDedupe: false });
        handle.destroy();
      }
      host.remove();
      return { wasm: memory.buffer.byteLength, left: host.shadowRoot?.childNodes.length ?? 0 };
    }, n);
  await cycles(50); // warm: the module's first allocations, the JIT
  const before = { heap: await heap(), ...(await cycles(0)) };
  const run = await cycles(1000);
  const after = { heap: await heap(), wasm: run.wasm };
  const kb = (n) => (n / 1024).toFixed(0);
  console.log(
    `# 1,000 mount/destroy cycles: JS heap ${kb(before.heap)} KiB -> ${kb(after.heap)} KiB, wasm memory ${kb(before.wasm)} KiB -> ${kb(after.wasm)} KiB`,
  );
  assert.equal(run.left, 0, 'nothing left in the shadow root');
  assert.equal(after.wasm, before.wasm, 'the wasm memory did not grow');
  assert.ok(after.heap - before.heap < 512 * 1024, `the JS heap grew ${kb(after.heap - before.heap)} KiB`);
  assert.deepEqual(problems, []);
  await page.close();
});
