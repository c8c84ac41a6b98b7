// The demo form: live cleaning, validation and PII highlighting with the
// fieldguard wasm module (--target web build), and client-side encryption of
// the sensitive fields on submit. The same policy file is applied again by
// the service (www/server.mjs).
import init, * as fg from '../pkg/web/fieldguard.js';
import { encryptedFields, homoglyphs, livePolicy } from './shared.mjs';

const FIELDS = ['name', 'username', 'email', 'phone', 'card', 'message'];
const CHANGE_TEXT = {
  normalized: 'normalized to NFC',
  'removed-control': 'removed control characters',
  'removed-bidi': 'removed bidi override characters (Trojan Source)',
  'removed-invisible': 'removed invisible characters (zero-width)',
  lowercased: 'lower-cased',
  'removed-disallowed': 'removed characters not allowed here',
  'replaced-separators': 'replaced separators',
  'collapsed-whitespace': 'collapsed whitespace',
  trimmed: 'trimmed',
  truncated: 'shortened to the maximum length',
};
const $ = (id) => document.getElementById(id);
const status = $('status');
const demo = { state: 'loading' };
window.fgDemo = demo; // read by the browser test

performance.mark('fg-load-start');
let policyJson, live, full, sealed;
try {
  // One asynchronous load of the wasm (preloaded by the <link> in the page),
  // in parallel with the policy file the service uses too.
  const [, policyText] = await Promise.all([
    init(),
    fetch('/www/policy.json').then((r) => (r.ok ? r.text() : Promise.reject(new Error(`policy.json: HTTP ${r.status}`)))),
  ]);
  policyJson = JSON.parse(policyText);
  full = fg.Policy.fromJson(policyJson);
  live = fg.Policy.fromJson(livePolicy(policyJson));
  sealed = encryptedFields(policyJson);
  performance.mark('fg-ready');
  const init_ = performance.measure('fg-init', 'fg-load-start', 'fg-ready');
  const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/fieldguard_bg.wasm'));
  Object.assign(demo, {
    state: 'ready',
    timeToReadyMs: Math.round(performance.now()), // since navigation start
    initMs: Math.round(init_.duration), // from this script starting to ready
    wasmTransferBytes: wasm?.transferSize ?? null,
    wasmEncodedBytes: wasm?.encodedBodySize ?? null,
    wasmDecodedBytes: wasm?.decodedBodySize ?? null,
  });
  const kb = demo.wasmEncodedBytes ? `, ${Math.round(demo.wasmEncodedBytes / 1024)} KiB of wasm transferred` : '';
  status.textContent = `fieldguard ${fg.version()} ready in ${demo.timeToReadyMs} ms${kb}.`;
  status.className = 'status ready';
  $('fields').disabled = false;
} catch (e) {
  // Fail closed: the form stays disabled, so nothing is sent unprotected.
  Object.assign(demo, { state: 'failed', error: String(e?.message ?? e) });
  status.textContent = `Could not load fieldguard (${demo.error}). The form is disabled: without it nothing could be checked or encrypted. Reload to try again.`;
  status.className = 'status failed';
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Check one field as typed; updates its feedback and returns { ok, value }. */
function check(field, { submitting = false } = {}) {
  const raw = $(field).value;
  const rule = policyJson.fields[field];
  const box = $(field).closest('.field');
  const feedback = $(`${field}-feedback`);
  const lines = [];
  let ok = true;
  let value = raw;
  if (field === 'message') highlight(raw);
  try {
    if (raw === '') {
      ok = !rule.required;
      if (!ok && submitting) lines.push(el('div', 'bad', 'Required.'));
      value = undefined;
    } else {
      // What cleaning changed, with counts (the same `clean` options as the policy).
      if (rule.clean) {
        const cleaned = fg.clean(raw, rule.clean);
        if (cleaned.changed) {
          const what = cleaned.changes.map((c) => `${CHANGE_TEXT[c.kind] ?? c.kind}${c.count > 1 ? ` (${c.count})` : ''}`);
          lines.push(el('div', 'changes', `Cleaned: ${what.join(', ')}.`));
        }
      }
      if (field === 'name' || field === 'username') {
        // On the value without bidi and invisible characters, which would only
        // obscure the skeleton; the username preset would delete the look-alikes.
        const h = homoglyphs(fg, fg.clean(raw).value);
        if (h.blocking) {
          const parts = [];
          if (h.mixedScript) parts.push(`mixes scripts (${h.scripts.join(' + ')})`);
          if (h.confusableWith) parts.push(`looks like the reserved name “${h.confusableWith}”`);
          const line = el('div', field === 'username' ? 'bad homoglyph' : 'warn homoglyph', `Look-alike characters: ${parts.join(' and ')}; it reads as “${h.skeleton}”.`);
          lines.push(line);
          // A username is an identity others rely on: refuse look-alikes. A name may mix scripts legitimately.
          if (field === 'username') ok = false;
        }
      }
      try {
        const { record, report } = live.applyField(field, raw);
        const violations = report.fields.flatMap((f) => f.violations);
        for (const v of violations) {
          lines.push(el('div', 'bad', `${v.reason}: ${v.message}${v.action === 'nulled' ? ' — this would be dropped.' : ''}`));
          if (v.action === 'nulled') ok = false;
        }
        value = record;
        if (ok && record !== raw && typeof record === 'string') {
          const l = el('div', 'ok', 'Will be sent as ');
          l.append(el('code', '', record));
          lines.push(l);
        } else if (ok && rule.validate) {
          lines.push(el('div', 'ok', 'Valid.'));
        }
      } catch (e) {
        if (e.code !== 'VALUE_INVALID') throw e;
        ok = false;
        // "invalid value: field email: REASON: text" -> "REASON: text"
        lines.push(el('div', 'bad', e.message.replace(/^invalid value: field [^:]+: /, '')));
      }
      if (sealed.includes(field)) lines.push(el('div', 'changes', 'Encrypted in this page before sending.'));
    }
  } catch (e) {
    // Input fieldguard refuses outright, e.g. a lone UTF-16 surrogate pasted in.
    ok = false;
    lines.length = 0;
    lines.push(el('div', 'bad', `${e.code ?? 'ERROR'}: ${e.code === 'INVALID_ARGUMENT' ? 'this text contains characters that cannot be processed (e.g. a lone surrogate)' : e.message}`));
  }
  feedback.replaceChildren(...lines);
  box.classList.toggle('invalid', !ok);
  box.classList.toggle('valid', ok && raw !== '');
  return { ok, value };
}

/** Highlight PII in the message: marks in a backdrop behind the transparent textarea. */
function highlight(text) {
  const backdrop = $('message-backdrop');
  let findings = [];
  try {
    findings = fg.scanPii(text); // UTF-16 offsets: text.slice(start, end)
  } catch {
    findings = [];
  }
  const nodes = [];
  let at = 0;
  for (const f of findings) {
    if (f.start < at) continue; // findings do not overlap, but never render twice
    nodes.push(document.createTextNode(text.slice(at, f.start)));
    const mark = el('mark', '', text.slice(f.start, f.end));
    mark.dataset.type = f.entityType;
    nodes.push(mark);
    at = f.end;
  }
  // A trailing newline needs a character after it to take up a line.
  nodes.push(document.createTextNode(`${text.slice(at)}\n`));
  backdrop.replaceChildren(...nodes);
  backdrop.scrollTop = $('message').scrollTop;
  const list = el('ul', 'pii-list');
  list.id = 'pii-list';
  for (const f of findings) list.append(el('li', '', `${f.entityType} (${f.score})`));
  const old = $('pii-list');
  if (old) old.remove();
  if (findings.length) $('message').closest('.field').append(list);
  demo.piiFindings = findings.map((f) => f.entityType);
}

if (demo.state === 'ready') {
  for (const field of FIELDS) $(field).addEventListener('input', () => check(field));
  $('message').addEventListener('scroll', () => { $('message-backdrop').scrollTop = $('message').scrollTop; });
  $('form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const results = Object.fromEntries(FIELDS.map((f) => [f, check(f, { submitting: true })]));
    const bad = FIELDS.filter((f) => !results[f].ok);
    if (bad.length) {
      status.textContent = `Please fix: ${bad.join(', ')}.`;
      status.className = 'status failed';
      $(bad[0]).focus();
      return;
    }
    $('submit').disabled = true;
    status.textContent = 'Encrypting and sending…';
    status.className = 'status loading';
    try {
      // A one-time transport key for this submission (see the note below the form).
      const session = await (await fetch('/api/demo-keyring', { method: 'POST' })).json();
      const record = { id: session.id };
      for (const f of FIELDS) if ($(f).value !== '') record[f] = $(f).value;
      const keyring = fg.Keyring.fromJson(session.keyring);
      let protectedRecord;
      try {
        // The full policy: clean, validate, scan, then encrypt the sensitive
        // fields bound to field path + submission ID.
        protectedRecord = full.applyWithKeyring(record, keyring).record;
      } finally {
        keyring.free();
      }
      const body = JSON.stringify({ id: session.id, record: protectedRecord });
      const response = await fetch('/api/submit', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const answer = await response.json();
      $('result').hidden = false;
      $('sent').textContent = JSON.stringify(JSON.parse(body), null, 2);
      if (response.ok) {
        $('result-status').textContent = `Stored as ${answer.id}.`;
        $('records-link').href = `/www/records.html?id=${encodeURIComponent(answer.id)}`;
        status.textContent = 'Sent: the service stored the record encrypted at rest.';
        status.className = 'status ready';
        demo.submitted = answer.id;
      } else {
        $('result-status').textContent = `Refused (HTTP ${response.status}): ${answer.errors.map((e) => `${e.field ? `${e.field}: ` : ''}${e.code}`).join(', ')}`;
        status.textContent = 'The service refused the submission.';
        status.className = 'status failed';
      }
    } catch (e) {
      status.textContent = `Could not send: ${e.code ?? ''} ${e.message}`;
      status.className = 'status failed';
    } finally {
      $('submit').disabled = false;
    }
  });
}
