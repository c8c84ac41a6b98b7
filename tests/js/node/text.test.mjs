// fieldguard.text from JS: argument checking (types, lone surrogates,
// misspelt options) and grapheme-safe truncation cross-checked against
// Intl.Segmenter, an independent UAX #29 implementation (ICU).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fg } from './load.mjs';

function throwsCode(f, code) {
  assert.throws(f, (e) => {
    assert.ok(e instanceof Error, 'is an Error');
    assert.equal(e.name, 'FieldguardError');
    assert.equal(e.code, code, e.message);
    return true;
  });
}

test('lone surrogates are INVALID_ARGUMENT, never replaced with U+FFFD', () => {
  for (const bad of ['\uD800', 'ab\uDC00', '\uDBFFx', 'x\uDFFF\uD800']) {
    throwsCode(() => fg.clean(bad), 'INVALID_ARGUMENT');
    throwsCode(() => fg.skeleton(bad), 'INVALID_ARGUMENT');
    throwsCode(() => fg.areConfusable(bad, 'x'), 'INVALID_ARGUMENT');
    throwsCode(() => fg.areConfusable('x', bad), 'INVALID_ARGUMENT');
    throwsCode(() => fg.analyzeScripts(bad), 'INVALID_ARGUMENT');
  }
  // Inside options too (JSON.stringify escapes it, serde refuses it).
  throwsCode(() => fg.clean('x', { allowExtra: '\uD800', allow: ['ascii-letters'] }), 'INVALID_ARGUMENT');
  throwsCode(() => fg.clean('x', { separator: '\uDC00' }), 'INVALID_ARGUMENT');
  // A valid pair is fine.
  assert.equal(fg.clean('\uD83D\uDE00').value, '😀');
});

test('wrong argument types are INVALID_ARGUMENT, not coerced', () => {
  for (const v of [42, null, undefined, true, new String('boxed'), ['a'], { a: 1 }, Symbol.iterator]) {
    throwsCode(() => fg.clean(v), 'INVALID_ARGUMENT');
    throwsCode(() => fg.skeleton(v), 'INVALID_ARGUMENT');
    throwsCode(() => fg.analyzeScripts(v), 'INVALID_ARGUMENT');
    throwsCode(() => fg.areConfusable('a', v), 'INVALID_ARGUMENT');
  }
  throwsCode(() => fg.areConfusable('a'), 'INVALID_ARGUMENT');
  throwsCode(() => fg.clean('x', 'nfkc'), 'INVALID_ARGUMENT');
  throwsCode(() => fg.clean('x', ['preset']), 'INVALID_ARGUMENT');
  throwsCode(() => fg.clean('x', () => 1), 'INVALID_ARGUMENT');
  throwsCode(() => fg.clean('x', { maxLength: '5' }), 'INVALID_ARGUMENT');
  throwsCode(() => fg.clean('x', { maxLength: 2.5 }), 'INVALID_ARGUMENT');
  throwsCode(() => fg.clean('x', { maxLength: -1 }), 'INVALID_ARGUMENT');
  throwsCode(() => fg.clean('x', { maxLength: 2 ** 32 }), 'INVALID_ARGUMENT');
  throwsCode(() => fg.clean('x', { lowercase: 1 }), 'INVALID_ARGUMENT');
  throwsCode(() => fg.clean('x', { allow: 'letters' }), 'INVALID_ARGUMENT');
  throwsCode(() => fg.clean('x', { preset: 'Username' }), 'INVALID_ARGUMENT');
  // null / undefined options mean "no options".
  assert.equal(fg.clean(' x ', null).value, 'x');
  assert.equal(fg.clean(' x ', undefined).value, 'x');
});

test('unknown option names are refused instead of silently ignored', () => {
  for (const opts of [{ keepnewlines: false }, { max_length: 3 }, { Preset: 'slug' }, { lowerCase: true }, { normalise: 'nfkc' }]) {
    throwsCode(() => fg.clean('x', opts), 'INVALID_ARGUMENT');
  }
});

test('reject actions are VALUE_INVALID and never echo the value', () => {
  const secret = 'secret name 42';
  for (const opts of [
    { allow: ['letters', 'space'], disallowed: 'reject' },
    { maxLength: 3, overLength: 'reject' },
  ]) {
    assert.throws(() => fg.clean(secret, opts), (e) => {
      assert.equal(e.code, 'VALUE_INVALID');
      assert.ok(!e.message.includes('secret'), e.message);
      return true;
    });
  }
  throwsCode(() => fg.clean('abcdef', { maxInputBytes: 5 }), 'INPUT_TOO_LARGE');
});

test('results are plain JSON objects with integer counts', () => {
  const r = fg.clean('  Ｈｅｌｌｏ\u200B  ', { normalize: 'nfkc', lowercase: true });
  assert.deepEqual(r, {
    value: 'hello',
    changed: true,
    changes: [
      { kind: 'normalized', count: 5 },
      { kind: 'removed-invisible', count: 1 },
      { kind: 'lowercased', count: 1 },
      { kind: 'trimmed', count: 4 },
    ],
  });
  assert.deepEqual(fg.analyzeScripts('раураl'), {
    scripts: ['Cyrl', 'Latn'],
    mixedScript: true,
    restrictionLevel: 'minimally-restrictive',
  });
  assert.equal(fg.areConfusable('раураl', 'paypal'), true);
  assert.equal(fg.skeleton('раураl'), 'paypal');
});

// ---- grapheme-safe truncation vs Intl.Segmenter ----

// Pieces with non-trivial grapheme rules: ZWJ sequences (GB11), flags
// (GB12/13), skin tones and combining marks (GB9), Hangul jamo (GB6-8),
// spacing marks (GB9a), Indic conjuncts (GB9c), keycaps, tag sequences,
// CRLF (GB3), plus plain letters and spaces.
const PIECES = [
  'a', 'b', 'Z', ' ', 'é', 'e\u0301', 'e\u0301\u0316', 'o\u0308\u0304', '\u0915\u094D\u0937', '\u0915\u094D\u200D\u0937',
  '\u0928\u092E\u0938\u094D\u0924\u0947', '\u0E01\u0E33', '\u1100\u1161\u11A8', '\u1100\u1100\u1161', '\uAC00\u11A8',
  '👨\u200D👩\u200D👧\u200D👦', '👩\u200D💻', '🏳\uFE0F\u200D🌈', '❤\uFE0F', '1\uFE0F\u20E3', '#\uFE0F\u20E3',
  '👍🏽', '🇩🇪', '🇫🇷', '🇯', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', '\r\n', '\n',
  '葛\u{E0100}', 'ä', 'ﬁ', '😀', '\u0600\u0661', 'ก\u0E31',
];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const graphemes = (s) => [...segmenter.segment(s)].map((x) => x.segment);

test('truncation never splits a grapheme (checked with Intl.Segmenter on 500 strings)', () => {
  const random = rng(0x5eed);
  const disagreements = [];
  for (let i = 0; i < 500; i++) {
    let s = '';
    const n = 1 + Math.floor(random() * 12);
    for (let j = 0; j < n; j++) s += PIECES[Math.floor(random() * PIECES.length)];
    const base = { normalize: 'none', trim: false };
    const full = fg.clean(s, base).value;
    const fullG = graphemes(full);
    const max = Math.floor(random() * (fullG.length + 1));
    const chars = random() < 0.3;
    const opts = { ...base, maxLength: max, ...(chars ? { lengthUnit: 'chars' } : {}) };
    const cut = fg.clean(s, opts);
    const v = cut.value;
    assert.ok(full.startsWith(v), `prefix: ${JSON.stringify(s)}`);
    // Boundaries of the full value according to ICU.
    const boundaries = new Set([0]);
    let pos = 0;
    for (const g of fullG) boundaries.add((pos += g.length));
    const expectedLen = chars
      ? (() => { // longest grapheme prefix within `max` code points
          let cp = 0, len = 0;
          for (const g of fullG) {
            const k = [...g].length;
            if (cp + k > max) break;
            cp += k;
            len += g.length;
          }
          return len;
        })()
      : fullG.slice(0, max).join('').length;
    if (!boundaries.has(v.length) || v.length !== expectedLen) {
      disagreements.push({ input: s, max, unit: chars ? 'chars' : 'graphemes', got: v, icu: full.slice(0, expectedLen) });
    }
    // The reported count agrees with ICU's segmentation too.
    if (!chars && fullG.length > max) {
      const t = cut.changes.find((c) => c.kind === 'truncated');
      if (!t || t.count !== fullG.length - max) disagreements.push({ input: s, max, truncated: t, icuCount: fullG.length });
    }
  }
  // Rust side: unicode-segmentation (Unicode 17); Node: ICU
  // (process.versions.unicode). Any disagreement is reported, not hidden.
  assert.deepEqual(disagreements, [], `ICU ${process.versions.icu}, Unicode ${process.versions.unicode}`);
});

test('default cleaning keeps emoji sequences intact (ICU agrees they are one grapheme)', () => {
  for (const e of ['👨\u200D👩\u200D👧\u200D👦', '🏳\uFE0F\u200D🌈', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', '1\uFE0F\u20E3']) {
    assert.equal(fg.clean(e).value, e);
    assert.equal(graphemes(e).length, 1);
  }
});
