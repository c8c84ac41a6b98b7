// Differential test: fieldguard's default HTML profile against DOMPurify
// (jsdom) configured to the closest equivalent allowlist, on ordinary rich
// text (tests/data/html/benign.json). Both outputs are normalized through
// the same jsdom serialization (template.innerHTML) and compared. Every
// difference must be listed with its reason in
// tests/data/html/dompurify-differences.json; the test fails on an unlisted
// difference and on a listed one that no longer occurs. A report is written
// to tests/out/dompurify-report.md.
//
// DOMPurify configuration (the closest equivalent of our default profile):
//   ALLOWED_TAGS: our DEFAULT_TAGS (src/html/options.rs);
//   ALLOWED_ATTR: the union of our generic and per-tag attributes
//     (DOMPurify has no per-tag attribute lists);
//   ALLOWED_URI_REGEXP: http, https, mailto, tel, or relative;
//   a hook that sets rel="noopener noreferrer" on every <a> (our linkRel);
//   everything else default (comments removed, KEEP_CONTENT, FORBID_CONTENTS).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { fgHtml } from './load.mjs';

const data = (f) => JSON.parse(readFileSync(new URL(`../../data/html/${f}`, import.meta.url), 'utf8'));
const { fragments } = data('benign.json');
const listed = data('dompurify-differences.json').differences;

const TAGS = ['a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del',
  'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img',
  'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub',
  'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr'];
const ATTRS = ['lang', 'title', 'dir', 'href', 'hreflang', 'src', 'alt', 'width', 'height', 'cite', 'datetime', 'start',
  'reversed', 'value', 'colspan', 'rowspan', 'headers', 'scope', 'abbr', 'span'];
const CONFIG = {
  ALLOWED_TAGS: TAGS, ALLOWED_ATTR: ATTRS, ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

const { window } = new JSDOM('');
const purify = createDOMPurify(window);
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A') node.setAttribute('rel', 'noopener noreferrer');
});

/** The same jsdom parse and serialization for both outputs. */
function normalize(html) {
  const t = window.document.createElement('template');
  t.innerHTML = html;
  return t.innerHTML;
}

test(`DOMPurify differential on ${fragments.length} benign fragments`, () => {
  assert.ok(fragments.length >= 80);
  const found = [];
  for (const [i, input] of fragments.entries()) {
    const ours = normalize(fgHtml.sanitizeHtml(input));
    const theirs = normalize(purify.sanitize(input, CONFIG));
    if (ours !== theirs) found.push({ input, fieldguard: ours, dompurify: theirs, index: i });
  }
  const key = (d) => JSON.stringify([d.input, d.fieldguard, d.dompurify]);
  const listedKeys = new Map(listed.map((d) => [key(d), d]));
  const foundKeys = new Set(found.map(key));
  const unlisted = found.filter((d) => !listedKeys.has(key(d)));
  const stale = listed.filter((d) => !foundKeys.has(key(d)));
  const dir = new URL('../../out/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const cell = (s) => `\`${String(s).replace(/\n/g, '\\n').replace(/\|/g, '\\|')}\``;
  writeFileSync(new URL('dompurify-report.md', dir), [
    '# fieldguard vs DOMPurify on benign rich text',
    '',
    `${fragments.length} fragments, ${fragments.length - found.length} identical after jsdom normalization, ${found.length} different`
      + ` (${unlisted.length} unlisted, ${stale.length} listed but no longer occurring).`,
    '',
    '| input | fieldguard | DOMPurify | reason |',
    '|---|---|---|---|',
    ...found.map((d) => `| ${cell(d.input)} | ${cell(d.fieldguard)} | ${cell(d.dompurify)} | ${listedKeys.get(key(d))?.reason ?? '**UNLISTED**'} |`),
    '',
  ].join('\n'));
  assert.deepEqual(unlisted, [], 'differences not in tests/data/html/dompurify-differences.json');
  assert.deepEqual(stale, [], 'listed differences that no longer occur');
});
