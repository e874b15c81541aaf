// The app as webpack 5 builds it by default: one entry, the WebAssembly as emitted assets, the
// page-reading module as a lazy chunk.
import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  entry: './app.js',
  output: { path: fileURLToPath(new URL('dist', import.meta.url)), filename: 'main.js', clean: true },
};
