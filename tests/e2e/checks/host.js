// The bad-input host page's own script: records uncaught errors (a panic in the WebAssembly is
// one), counts clicks on #ping, and exposes mount() and the cases to the test drivers.
window.__errors = [];
addEventListener('error', (e) => window.__errors.push(String(e.message)));
addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
const [{ mount }, cases] = await Promise.all([import('/pkg/storycard.js'), import('./bad-input.js')]);
window.__mount = mount;
window.__cases = cases;
document.querySelector('#ping').addEventListener('click', () => {
  const out = document.querySelector('#pings');
  out.textContent = Number(out.textContent) + 1;
});
