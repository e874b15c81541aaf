// Shortens the names a WebAssembly module imports from its wasm-bindgen bindings, in both files:
//   node scripts/minify-imports.mjs pkg/storycard_wasm_bg.wasm pkg/storycard_wasm.js
// wasm-bindgen names each import after its function plus a 16-digit hash
// ("__wbg_new_with_event_init_dict_afa9822926033490", from the module "./storycard_wasm_bg.js"):
// each name is written twice, once in the module and once in the bindings, and the hashes do not
// compress. Here every import comes from the module "w" under a one- or two-letter name, and
// every export but `memory` has a short name too.
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, jsPath] = process.argv.slice(2);
const wasm = readFileSync(wasmPath);
let js = readFileSync(jsPath, 'utf8');

// LEB128, unsigned.
const readU32 = (bytes, at) => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
};
const u32 = (value) => {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
};
const name = (text) => {
  const bytes = Buffer.from(text, 'utf8');
  return [...u32(bytes.length), ...bytes];
};
// Short names: a..z, A..Z, then two letters.
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const short = (i) => (i < LETTERS.length ? LETTERS[i] : LETTERS[Math.floor(i / LETTERS.length) - 1] + LETTERS[i % LETTERS.length]);

const out = [wasm.subarray(0, 8)];
let at = 8;
let renamed = 0;
let exported = 0;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, start] = readU32(wasm, at + 1);
  const end = start + size;
  if (id === 7) {
    // The export section: (name, kind, index) entries. The bindings read each export as a
    // property (`wasm.widget_new`); `memory` keeps its name, which callers may read.
    let p = start;
    const [count, first] = readU32(wasm, p);
    p = first;
    const body = [...u32(count)];
    for (let i = 0; i < count; i++) {
      let len;
      [len, p] = readU32(wasm, p);
      const field = wasm.subarray(p, p + len).toString('utf8');
      p += len;
      const descStart = p;
      p++;
      [, p] = readU32(wasm, p);
      let to = field;
      if (field !== 'memory') {
        to = `x${short(exported++)}`;
        const access = new RegExp(`\\.${field.replace(/[$]/g, '\\$')}(?![\\w$])`, 'g');
        js = js.replace(access, `.${to}`);
      }
      body.push(...name(to), ...wasm.subarray(descStart, p));
    }
    out.push(Buffer.from([7, ...u32(body.length), ...body]));
    at = end;
    continue;
  }
  if (id !== 2) {
    out.push(wasm.subarray(at, end));
    at = end;
    continue;
  }
  // The import section: (module, field, kind, description) entries.
  let p = start;
  const [count, first] = readU32(wasm, p);
  p = first;
  const body = [...u32(count)];
  const modules = new Set();
  for (let i = 0; i < count; i++) {
    let len;
    [len, p] = readU32(wasm, p);
    const module = wasm.subarray(p, p + len).toString('utf8');
    p += len;
    [len, p] = readU32(wasm, p);
    const field = wasm.subarray(p, p + len).toString('utf8');
    p += len;
    const descStart = p;
    const kind = wasm[p++];
    if (kind === 0) [, p] = readU32(wasm, p); // function: type index
    else if (kind === 1 || kind === 2) {
      // table (element type first), memory: limits
      if (kind === 1) p++;
      const flags = wasm[p++];
      [, p] = readU32(wasm, p);
      if (flags & 1) [, p] = readU32(wasm, p);
    } else if (kind === 3) p += 2; // global: value type, mutability
    else throw new Error(`minify-imports: import kind ${kind} of ${module}.${field} is not handled`);
    // Only the bindings' own imports are renamed: their names occur as object keys in the
    // bindings, nowhere else.
    const key = new RegExp(`(?<![\\w$])${field.replace(/[$]/g, '\\$')}(?=:)`, 'g');
    const keys = js.match(key)?.length ?? 0;
    if (keys !== 1) throw new Error(`minify-imports: ${field} is a key ${keys} times in ${jsPath}`);
    const to = short(renamed++);
    js = js.replace(key, to);
    modules.add(module);
    body.push(...name('w'), ...name(to), ...wasm.subarray(descStart, p));
  }
  for (const module of modules) {
    const quoted = JSON.stringify(module);
    if (js.split(`${quoted}:`).length !== 2) throw new Error(`minify-imports: the module ${quoted} is not one key in ${jsPath}`);
    js = js.replace(`${quoted}:`, 'w:');
  }
  if (modules.size !== 1) throw new Error(`minify-imports: imports from ${modules.size} modules`);
  out.push(Buffer.from([2, ...u32(body.length), ...body]));
  at = end;
}
writeFileSync(wasmPath, Buffer.concat(out));
writeFileSync(jsPath, js);
console.log(`minify-imports: ${renamed} imports and ${exported} exports of ${wasmPath} renamed`);
