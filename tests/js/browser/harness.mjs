// The page side of xss.test.mjs and escape.test.mjs. Every document under
// test runs in its own sandboxed iframe (allow-scripts only: opaque origin,
// no modals, no top navigation) whose prelude hooks the usual XSS sinks and
// reports through postMessage.
import initCore, { escape } from '/pkg/web/fieldguard.js';
import initHtml, { sanitizeHtml } from '/pkg/html/web/fieldguard.js';

// Runs first in every frame: hooks, then (after parsing) fires events at every element.
const PRELUDE = (id) => `<!doctype html><meta charset="utf-8"><script>(() => {
  const id = ${JSON.stringify(id)};
  const post = (m) => parent.postMessage(Object.assign({ frame: id }, m), '*');
  const hit = (kind) => post({ hit: kind });
  window.__hit = hit;
  for (const f of ['alert', 'confirm', 'prompt', 'print']) window[f] = () => hit(f);
  document.write = document.writeln = () => hit('document.write');
  // A script error means some script ran (the prelude's own code is wrapped in try).
  window.addEventListener('error', (e) => { if (e instanceof ErrorEvent && e.isTrusted) hit('script-error'); });
  // A click on a javascript: link would run it in this document: record it.
  // Other links are not followed (the frame must stay on this document).
  window.addEventListener('click', (e) => {
    const a = e.target && e.target.closest && e.target.closest('a[href], area[href]');
    if (!a) return;
    const href = (a.getAttribute('href') || '').replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
    if (href.startsWith('javascript:')) hit('javascript-url'); else e.preventDefault();
  }, true);
  window.addEventListener('submit', (e) => { if (e.isTrusted) hit('form-submit'); e.preventDefault(); }, true);
  const EVENTS = ['mouseover', 'mouseenter', 'mousemove', 'mouseout', 'mouseleave', 'mousedown', 'mouseup',
    'click', 'dblclick', 'auxclick', 'contextmenu', 'pointerover', 'pointerenter', 'pointerdown', 'pointerup',
    'pointermove', 'focus', 'focusin', 'blur', 'focusout', 'keydown', 'keypress', 'keyup', 'input',
    'beforeinput', 'change', 'select', 'wheel', 'scroll', 'copy', 'cut', 'paste', 'drag', 'dragstart',
    'dragend', 'dragenter', 'dragover', 'drop', 'toggle', 'beforetoggle', 'load', 'error', 'abort',
    'animationstart', 'animationend', 'animationiteration', 'animationcancel', 'transitionrun',
    'transitionstart', 'transitionend', 'transitioncancel', 'begin', 'end', 'repeat', 'play', 'playing',
    'canplay', 'loadstart', 'start', 'finish', 'resize', 'hashchange', 'pageshow', 'popstate', 'afterprint',
    'beforeprint', 'submit', 'reset', 'invalid', 'touchstart', 'touchend', 'message', 'readystatechange'];
  const fire = () => {
    for (const target of [window, document, ...document.querySelectorAll('*')]) {
      for (const type of EVENTS) { try { target.dispatchEvent(new Event(type)); } catch {} }
      if (target.nodeType === 1) {
        try { target.focus(); } catch {}
        try { target.click(); } catch {}
      }
    }
  };
  document.addEventListener('DOMContentLoaded', () => {
    try { fire(); } catch {}
    setTimeout(() => { try { fire(); } catch {} post({ done: true }); }, 400);
  });
})();<\/script>`;

const listeners = new Map();
window.addEventListener('message', (e) => {
  const l = listeners.get(e.data?.frame);
  if (l) l(e.data);
});

/** Load `body` after the prelude in a fresh sandboxed frame; resolves to { hits, data }. */
function runFrame(id, body, timeoutMs = 4000) {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    const hits = new Set();
    let data = null;
    const finish = () => {
      listeners.delete(id);
      clearTimeout(timer);
      // Late hits (after `done`) are still counted: wait a moment before removing.
      setTimeout(() => { frame.remove(); resolve({ hits: [...hits], data }); }, 100);
    };
    const timer = setTimeout(finish, timeoutMs);
    listeners.set(id, (m) => {
      if (m.hit) hits.add(m.hit);
      if (m.data) data = m.data;
      if (m.done) finish();
    });
    frame.srcdoc = PRELUDE(id) + body;
    document.getElementById('frames').append(frame);
  });
}

async function inBatches(items, size, f) {
  const out = new Array(items.length);
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map(async (x, j) => { out[i + j] = await f(x, i + j); }));
  }
  return out;
}

const FORBIDDEN_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta',
  'link', 'form', 'input', 'button', 'textarea', 'select', 'style', 'svg', 'math', 'template', 'noscript', 'portal']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'action', 'formaction', 'xlink:href', 'poster', 'background',
  'data', 'srcset', 'lowsrc', 'dynsrc', 'longdesc', 'codebase', 'ping']);

/** Static problems of a sanitized fragment, parsed the way a page would (innerHTML of a template). */
function staticProblems(html) {
  const t = document.createElement('template');
  t.innerHTML = html;
  const problems = [];
  for (const el of t.content.querySelectorAll('*')) {
    const name = el.localName;
    if (FORBIDDEN_ELEMENTS.has(name) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`element <${name}>`);
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) problems.push(`attribute ${a.name} on <${name}>`);
      if (a.name === 'style' || a.name === 'srcdoc') problems.push(`attribute ${a.name} on <${name}>`);
      if (URL_ATTRIBUTES.has(a.name)) {
        const v = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (/^(javascript|vbscript|data|livescript):/.test(v)) problems.push(`${a.name}=${v.slice(0, 20)} on <${name}>`);
      }
    }
  }
  return problems;
}

/** Sanitize (or not, for the positive control) every payload and run it. */
window.runXss = async (payloads, { raw = false } = {}) => {
  const results = await inBatches(payloads, 24, async (payload, i) => {
    let html = payload, error = null;
    if (!raw) {
      try { html = sanitizeHtml(payload); } catch (e) { error = `${e.name} ${e.code}`; html = ''; }
    }
    const { hits } = await runFrame(`${raw ? 'raw' : 'clean'}-${i}`, html);
    return { i, output: raw ? undefined : html, error, hits, problems: raw ? [] : staticProblems(html) };
  });
  document.getElementById('status').textContent = `${payloads.length} payloads run (${raw ? 'raw' : 'sanitized'})`;
  return results;
};

/** Put each escaped string into every context of one document and read it back. */
window.runEscape = async (strings, { identity = false } = {}) => inBatches(strings, 12, async (s, i) => {
  // identity: no escaping at all, the positive control of the break-out test.
  const e = (ctx) => (identity ? s : escape(s, ctx));
  const body = `<p id="text">${e('html-text')}</p>
<p id="attr" title="${e('html-attribute')}" lang='${e('html-attribute')}'></p>
<script>window.__js = ["${e('js-string')}", '${e('js-string')}'];<\/script>
<button id="btn" onclick="window.__onclick = ['${e('js-string')}', &quot;${e('js-string')}&quot;]">b</button>
<a id="url" href="https://example.invalid/p/${e('url-component')}?q=${e('url-component')}&amp;z=1">u</a>
<style>#css::before { content: "${e('css-string')}"; } #css2::after { content: '${e('css-string')}'; }</style>
<div id="css"></div><div id="css2"></div>
<script>
  document.getElementById('btn').click();
  const u = new URL(document.getElementById('url').href);
  const text = document.getElementById('text'), attr = document.getElementById('attr');
  parent.postMessage({ frame: ${JSON.stringify(`esc-${identity ? 'raw-' : ''}${i}`)}, data: {
    text: text.textContent, textNodes: [...text.childNodes].map((n) => n.nodeType),
    attr: attr.getAttribute('title'), attr2: attr.getAttribute('lang'), attrNames: [...attr.attributes].map((a) => a.name),
    js: window.__js, onclick: window.__onclick,
    path: decodeURIComponent(u.pathname.slice(3)), params: [...u.searchParams],
    css: getComputedStyle(document.getElementById('css'), '::before').content,
    css2: getComputedStyle(document.getElementById('css2'), '::after').content,
    cssRules: document.styleSheets[0].cssRules.length,
    elements: [...document.querySelectorAll('*')].map((n) => n.localName).join(','),
  } }, '*');
<\/script>`;
  const { hits, data } = await runFrame(`esc-${identity ? 'raw-' : ''}${i}`, body);
  return { i, hits, data };
});

try {
  await initCore();
  await initHtml();
  window.harnessReady = true;
  document.getElementById('status').textContent = 'ready';
} catch (e) {
  window.harnessReady = String(e);
}
