// Writes pkg/package.json: the package as published, from the repository's Cargo.toml version.
import { readFileSync, writeFileSync } from 'node:fs';

const out = process.argv[2] ?? 'pkg';
const cargo = readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"$`, 'm'))?.[1];

const manifest = {
  name: 'storycard',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  type: 'module',
  main: './storycard.js',
  types: './storycard.d.ts',
  exports: {
    '.': { types: './storycard.d.ts', default: './storycard.js' },
  },
  files: [
    'storycard.js',
    'storycard.d.ts',
    'storycard_wasm.js',
    'storycard_wasm_bg.wasm',
    'storycard_page.js',
    'storycard_page_bg.wasm',
  ],
  sideEffects: ['./storycard.js'],
  keywords: ['news', 'related-stories', 'carousel', 'web-component', 'wasm'],
};
writeFileSync(`${out}/package.json`, `${JSON.stringify(manifest, null, 2)}\n`);
