// The data-island format's JSON Schema agrees with what the widget reads: the demo's island is
// valid, and the shapes the widget refuses are invalid. The widget's side is run, not assumed:
// renderToString (storycard/server, the same Rust pipeline as the element) renders what the
// schema accepts and refuses what it refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { renderToString } from 'storycard/server';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const schema = JSON.parse(read('schema/storycard.schema.json'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

test("the demo's data island follows the schema", () => {
  const page = read('index.html');
  const island = page.match(/<script type="application\/json" id="article-data">([\s\S]*?)<\/script>/)[1];
  assert.ok(validate(JSON.parse(island)), JSON.stringify(validate.errors));
  assert.match(renderToString(JSON.parse(island)), /<story-card /, 'the widget renders it');
});

test('the schema accepts every documented shape of author, image and body', () => {
  const data = {
    article: {
      headline: 'h',
      author: ['A', { name: 'B', url: 'https://b.example' }],
      image: { url: '/a.jpg', width: 1200, height: '675', alt: '' },
      articleBody: 'one\n\ntwo',
    },
    related: [{ headline: 'r', author: { name: 'C' }, image: '/r.jpg' }, { url: '/no-headline' }],
  };
  assert.ok(validate(data), JSON.stringify(validate.errors));
  assert.match(renderToString(data), /<story-card /, 'the widget renders it');
});

test('the schema refuses what the widget refuses', () => {
  for (const bad of [
    [],
    {},
    { article: 'x' },
    { article: {} },
    { article: { headline: 7 } },
    { article: { headline: '   ' } },
    { article: { headline: 'h' }, related: {} },
    { article: { headline: 'h' }, related: [{ headline: 'a' }, 'b'] },
  ]) {
    assert.equal(validate(bad), false, JSON.stringify(bad));
    assert.throws(() => renderToString(bad), Error, `the widget refuses ${JSON.stringify(bad)}`);
  }
});
