// The WebAssembly module gives the same answers as the native crate.
//
//   node calculator-wasm/tests/wasm_node.mjs        (from anywhere; Node 18 or later)
//
// Loads the committed module (generator/assets/wasm/herverdeling.js + _bg.wasm) and compares its
// verdicts, links, decoded links and letters with tests/wasm_cases.json, which the native test
// tests/wasm_cases.rs writes. A failing case means the committed module is stale (run
// scripts/build-wasm.sh) or the native answers are (UPDATE_WASM_CASES=1 cargo test ...).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const assets = path.join(here, '..', '..', 'generator', 'assets', 'wasm');
const glue = await import(path.join(assets, 'herverdeling.js'));
glue.initSync({ module: readFileSync(path.join(assets, 'herverdeling_bg.wasm')) });
// The documents module (letter, .odt, .docx), which the page loads only when it needs it.
const docs = await import(path.join(assets, 'herverdeling_documents.js'));
docs.initSync({ module: readFileSync(path.join(assets, 'herverdeling_documents_bg.wasm')) });

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const fixture = JSON.parse(readFileSync(path.join(here, 'wasm_cases.json'), 'utf8'));
const municipalities = JSON.stringify(fixture.municipalities);

for (const c of fixture.cases) {
  test(`${c.name}: verdict, link and letter match native`, () => {
    const scenario = JSON.stringify(c.scenario);
    assert.deepEqual(JSON.parse(glue.check(scenario, municipalities)), c.verdict);
    assert.deepEqual(JSON.parse(glue.encode_link(scenario)), { link: c.link });
    assert.deepEqual(JSON.parse(glue.decode_link(c.link)), { scenario: c.scenario });
    const letter = JSON.parse(docs.letter(fixture.letter_template, scenario, municipalities));
    if (c.letter === null) {
      assert.ok(letter.error, 'an invalid scenario gets no letter');
      assert.deepEqual(letter.errors, c.verdict.errors);
      assert.equal(docs.document(fixture.letter_template, scenario, municipalities, 'odt', 'coa').length, 0);
    } else {
      assert.deepEqual(letter, { html: c.letter });
      for (const format of ['odt', 'docx']) {
        const bytes = docs.document(fixture.letter_template, scenario, municipalities, format, 'coa');
        assert.deepEqual({ length: bytes.length, crc32: crc32(bytes) }, c.documents[format], `${format}: same bytes as native`);
      }
    }
  });
}

test('bad input gives error JSON, never an exception', () => {
  const list = municipalities;
  assert.equal(JSON.parse(glue.check('{"periode": ', list)).error.source, 'scenario');
  assert.equal(JSON.parse(glue.check('{"periode2": "2026-1"}', list)).error.source, 'scenario');
  assert.equal(JSON.parse(glue.check('{}', '[]')).error.source, 'municipalities');
  assert.match(JSON.parse(glue.decode_link('?periode=%ZZ')).error.message, /beschadigd/);
  assert.equal(JSON.parse(docs.letter('{% for %}', JSON.stringify(fixture.cases[0].scenario), list)).error.source, 'letter');
  assert.equal(glue.letter, undefined, 'the rules module carries no letter code');
  for (const junk of ['', '\u0000', '%', '?&&&==', 'x'.repeat(100000)]) {
    JSON.parse(glue.decode_link(junk));
    JSON.parse(glue.check(JSON.stringify({ periode: junk }), list));
  }
});

test('a number beyond 64 bits is quoted back as written, not as the float JSON read', () => {
  const scenario = '{"periode":"2026-1","besluitdatum":"2026-02-10","bekendmaking":"2026-02-12","gemeenten":[{"naam":"Ameland","taakstelling":99999999999999999999,"nieuw":0},{"naam":"Heerenveen","taakstelling":10,"nieuw":2.50}]}';
  const verdict = JSON.parse(glue.check(scenario, municipalities));
  const messages = verdict.errors.map((e) => e.message);
  assert.ok(messages.some((m) => m.includes('("99999999999999999999") is groter dan 1.000.000')), messages.join('\n'));
  assert.ok(messages.some((m) => m.includes('("2.50") is geen geheel getal')), messages.join('\n'));
});
