// DOMPurify's own fixtures (tests/data/html/dompurify-fixtures.json, from
// cure53/DOMPurify's test/fixtures/expect.mjs; provenance in the file):
// every payload sanitized by fieldguard's default profile and compared, per
// fixture, with the output DOMPurify's default configuration is expected to
// give. Both go through the same jsdom parse and serialization. Each fixture
// is classed by which side keeps more: the elements, attributes and URL
// schemes of one output that the other lacks. The report is
// tests/out/dompurify-fixtures-report.md.
//
// The profiles differ by design (DOMPurify's default allows SVG, MathML,
// forms, style and class; fieldguard's default is rich text), so most
// fixtures are "fieldguard keeps less". The test fails if fieldguard keeps
// anything dangerous that DOMPurify removes: a script-capable element, an
// event handler, a style/class/id attribute or a URL attribute whose scheme
// is not http, https, mailto, tel or relative.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { JSDOM } from 'jsdom';
import { fgHtml } from './load.mjs';

const data = JSON.parse(readFileSync(new URL('../../data/html/dompurify-fixtures.json', import.meta.url), 'utf8'));
const { window } = new JSDOM('');

function normalize(html) {
  const t = window.document.createElement('template');
  t.innerHTML = html;
  return t;
}

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite', 'data']);
const SAFE_SCHEME = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/** The features of a sanitized output: element names, name@attr pairs, and URL schemes. */
function features(t) {
  const out = new Set();
  const walk = (node) => {
    for (const el of node.querySelectorAll('*')) {
      const name = el.localName;
      out.add(`<${name}>`);
      for (const a of el.attributes) {
        out.add(`${name}@${a.name}`);
        if (URL_ATTRS.has(a.name) && !SAFE_SCHEME.test(a.value.trim())) out.add(`${name}@${a.name}=unsafe-url`);
      }
      if (el.localName === 'template') walk(el.content);
    }
  };
  walk(t.content);
  return out;
}

const DANGEROUS_TAGS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'applet', 'form', 'style', 'link', 'meta',
  'base', 'svg', 'math', 'foreignobject', 'template', 'noscript', 'textarea', 'input', 'button', 'select']);
function dangerous(feature) {
  const tag = /^<(.+)>$/.exec(feature);
  if (tag) return DANGEROUS_TAGS.has(tag[1]);
  const [, attr] = feature.split('@');
  return attr.startsWith('on') || attr.endsWith('=unsafe-url') || ['style', 'class', 'id', 'name', 'srcdoc'].includes(attr);
}

test(`DOMPurify's own fixtures (${data.fixtures.length}), compared fixture by fixture`, () => {
  assert.ok(data.fixtures.length >= 200);
  const rows = [];
  const counts = { same: 0, 'fieldguard keeps less': 0, 'fieldguard keeps more': 0, 'each keeps something': 0, 'same features, other text': 0 };
  const unsafe = [];
  for (const [i, f] of data.fixtures.entries()) {
    const ours = normalize(fgHtml.sanitizeHtml(f.payload));
    const oursF = features(ours);
    // The expected alternative closest to ours (DOMPurify lists one per browser family).
    let best = null;
    for (const e of f.expected) {
      const theirs = normalize(e);
      const theirsF = features(theirs);
      const more = [...oursF].filter((x) => !theirsF.has(x));
      const less = [...theirsF].filter((x) => !oursF.has(x));
      const same = ours.innerHTML === theirs.innerHTML;
      const score = same ? -1 : more.length * 1000 + less.length;
      if (!best || score < best.score) best = { score, more, less, same, theirs: theirs.innerHTML };
    }
    const side = best.same ? 'same'
      : best.more.length && best.less.length ? 'each keeps something'
        : best.more.length ? 'fieldguard keeps more'
          : best.less.length ? 'fieldguard keeps less' : 'same features, other text';
    counts[side] += 1;
    const bad = best.more.filter(dangerous);
    if (bad.length) unsafe.push({ i, title: f.title, bad, ours: ours.innerHTML });
    rows.push({ i, title: f.title, side, more: best.more, less: best.less, ours: ours.innerHTML, theirs: best.theirs });
  }
  const cell = (s) => `\`${String(s).replace(/\n/g, '\\n').replace(/\|/g, '\\|').replace(/`/g, "'").slice(0, 140)}\``;
  const dir = new URL('../../out/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('dompurify-fixtures-report.md', dir), [
    "# fieldguard (default profile) vs DOMPurify's expected outputs, per fixture",
    '',
    `Source: ${data.source.repository} \`${data.source.path}\` at \`${data.source.commit}\` (DOMPurify ${data.source.version}, ${data.source.licence}).`,
    '',
    Object.entries(counts).map(([k, v]) => `${k}: ${v}`).join(' · '),
    '',
    '| # | fixture | side | only in fieldguard | only in DOMPurify | fieldguard | DOMPurify |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.i} | ${String(r.title ?? "").replace(/\|/g, "/")} | ${r.side} | ${r.more.join(' ') || '-'} | ${r.less.join(' ').slice(0, 120) || '-'} | ${cell(r.ours)} | ${cell(r.theirs)} |`),
    '',
  ].join('\n'));
  console.log(JSON.stringify(counts));
  assert.deepEqual(unsafe, [], 'fieldguard keeps something dangerous that DOMPurify removes');
});
