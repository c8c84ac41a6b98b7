// Break-out tests for fieldguard's escape(): each hostile string is escaped
// (wasm, /pkg/web) into every context of one sandboxed document, and the
// browser must read back exactly the original (NUL excepted in HTML and CSS,
// where it becomes U+FFFD, see src/escape.rs), with nothing executed and no
// extra element, attribute, URL parameter or CSS rule.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openHarness, start } from './browser.mjs';

const HOSTILE = [
  'plain', '', '"', "'", '`', '\\', '\\"', "\\'", '</script><script>alert(1)</script>', '<!--', '-->', '<!-- <script>',
  ']]>', '<![CDATA[x]]>', '\u2028\u2029', '\u0000', 'a\u0000b', '\r\n\r', '\t\f\v', '\u007f\u0085\u00a0',
  'javascript:alert(1)', '" onmouseover="alert(1)', "' onmouseover='alert(1)", '"><img src=x onerror=alert(1)>',
  "';alert(1);//", '";alert(1);//', '${alert(1)}', '`;alert(1);`', '&amp;&lt;&#39;&', '&quot;', 'a&b=c&d=e#f?g',
  '%00%zz%', '+ +', '/ // \\ \\\\', '</style><script>alert(1)</script>', '"; } body { background: red } x { x: "',
  "'; } * { color: red } '", '\\27 \\22 \\0 ', '*/ /*', 'expression(alert(1))', 'url(javascript:alert(1))',
  '😀👍🏽🇩🇪', 'Grüße, Ωμέγα, 中文, العربية, עברית', '\u202e\u200b\ufeff', '\ud83d\ude00 astral', 'x'.repeat(300),
];

let env, page;
const pageErrors = [];

before(async () => {
  env = await start();
  page = await openHarness(env, pageErrors);
});

after(async () => {
  await env?.stop();
});

/** getComputedStyle(...).content is a CSS string serialization: undo it. */
function cssString(serialized) {
  assert.match(serialized, /^".*"$/s);
  return serialized.slice(1, -1).replace(/\\([0-9a-fA-F]{1,6}) ?|\\(.)/gs, (_, hex, c) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : c));
}

/** Everything that differs from the expected readback, per string. */
function problemsOf(results) {
  const baseline = results[0].data; // 'plain': the expected document structure
  const problems = [];
  for (const { i, hits, data } of results) {
    const s = HOSTILE[i];
    const noNul = s.replaceAll('\u0000', '\ufffd');
    const check = (what, got, want) => {
      try { assert.deepEqual(got, want); } catch { problems.push({ string: s, what, got, want }); }
    };
    check('executions', hits, []);
    if (!data) { problems.push({ string: s, what: 'no report (the reporting script did not run)' }); continue; }
    check('html-text textContent', data.text, noNul);
    check('html-text child nodes (text only)', data.textNodes.every((t) => t === 3), true);
    check('html-attribute "…"', data.attr, noNul);
    check("html-attribute '…'", data.attr2, noNul);
    check('attribute names', data.attrNames, baseline.attrNames);
    check('js-string in <script>', data.js, [s, s]);
    check('js-string in onclick', data.onclick, [s, s]);
    check('url-component as path segment', data.path, s);
    check('url-component as the only parameter', data.params, [['q', s], ['z', '1']]);
    let css, css2;
    try { css = cssString(data.css); css2 = cssString(data.css2); } catch { css = css2 = null; }
    check('css-string "…"', css, noNul);
    check("css-string '…'", css2, noNul);
    check('css rules', data.cssRules, baseline.cssRules);
    check('elements', data.elements, baseline.elements);
  }
  return problems;
}

test('escaped strings read back exactly in every context, and nothing executes', { timeout: 120_000 }, async () => {
  const results = await page.evaluate((s) => window.runEscape(s), HOSTILE);
  const problems = problemsOf(results);
  assert.deepEqual(problems, []);
  assert.deepEqual(pageErrors, []);
});

test('positive control: without escaping, most hostile strings break out or change', { timeout: 120_000 }, async () => {
  const results = await page.evaluate((s) => window.runEscape(s, { identity: true }), HOSTILE);
  const broken = new Set(problemsOf(results).map((p) => p.string));
  const executed = results.filter((r) => r.hits.length > 0).length;
  console.log(`unescaped: ${broken.size} of ${HOSTILE.length} strings misread or broke the page, ${executed} executed script`);
  assert.ok(broken.size >= HOSTILE.length / 2, `only ${broken.size} broke`);
  assert.ok(executed >= 3, `only ${executed} executed`);
});
