// node benches/node/pii.mjs — PII scan throughput of the wasm build in Node:
// `scanPii` over the labeled corpus (tests/eval/corpus.jsonl) one call per
// sample, as a service scans fields, and over the same ~1 MB mixed text as
// benches/pii.rs. Prints MB/s (and samples/s); asserts nothing about speed.
// Needs `bash .ci/build-wasm.sh` (pkg/nodejs). benches/pii-all.sh runs this
// next to the native and the Presidio benchmarks.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fg = require('../../pkg/nodejs/fieldguard.js');

// Best rate over batches for `ms` milliseconds, after a warm-up, like
// benches/common/mod.rs `measure` (the best batch is the least disturbed by
// other load on the machine). Returns calls of `f` per second.
function measure(f, ms = 2000) {
  f();
  let batch = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) f();
    if (performance.now() - t > 20) break;
    batch *= 2;
  }
  let best = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) f();
    best = Math.max(best, batch / ((performance.now() - t) / 1000));
  }
  return best;
}

const utf8 = (s) => Buffer.byteLength(s, 'utf8');

// About 1 MB of `unit` repeated: the same count as `rep` in benches/pii.rs
// (which divides UTF-8 byte lengths).
const rep = (unit) => unit.repeat(Math.floor(1_000_000 / utf8(unit)));

// Copied from `mixed()` in benches/pii.rs and kept identical (also in
// benches/presidio_scan.py): prose with embedded PII, roughly one finding
// per 80 bytes. The SHA-256 printed below must equal the native one.
const mixed = rep(
  'Dear customer, thank you for your order 2024-118 of 12 March. Please contact ' +
    'bob.smith@example.com or call +44 20 7946 0958 (office hours 9-17). Your card ' +
    '4111 1111 1111 1111 was charged $19.99; refunds go to IBAN GB82 WEST 1234 5698 7654 32. ' +
    'The server 192.168.10.20 logged version 1.2.3 at 14:30:00. Born 12.03.1985, ' +
    'NHS 943 476 5919. See https://example.com/help?id=42 for details. Café, naïve, 你好 😀.\n',
);

const corpusPath = new URL('../../tests/eval/corpus.jsonl', import.meta.url);
const texts = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l).text);

console.log(`Node ${process.version}, fieldguard ${fg.version()} (wasm), scanPii with default options`);
const mixedBytes = utf8(mixed);
console.log(`mixed text: ${mixedBytes} bytes, sha256 ${createHash('sha256').update(mixed, 'utf8').digest('hex')}`);
console.log(`findings in the mixed text: ${fg.scanPii(mixed).length}`);

const corpusBytes = texts.reduce((n, t) => n + utf8(t), 0);
const found = texts.reduce((n, t) => n + fg.scanPii(t).length, 0);
console.log(`corpus: ${texts.length} samples, ${corpusBytes} bytes, ${found} findings`);

const passes = measure(() => {
  for (const t of texts) fg.scanPii(t);
});
const corpusMb = corpusBytes / 1e6;
console.log(
  `${'corpus per sample, all'.padEnd(28)} ${corpusMb.toFixed(1).padStart(5)} MB: ${(passes * corpusMb).toFixed(1).padStart(8)} MB/s, ` +
    `${(passes * texts.length).toFixed(0)} samples/s`,
);

const mixedMb = mixedBytes / 1e6;
const perSec = measure(() => fg.scanPii(mixed));
console.log(`${'mixed, all recognizers'.padEnd(28)} ${mixedMb.toFixed(1).padStart(5)} MB: ${(perSec * mixedMb).toFixed(1).padStart(8)} MB/s`);
