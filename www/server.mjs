// The demo service: serves the form (www/index.html), hands each submission a
// one-time transport key, and receives the submission. It applies the same
// policy file as the page (www/policy.json) with the same wasm module (the
// pkg/nodejs build), stores the record with its sensitive fields encrypted at
// rest under its own keyring, and writes a log line with PII redacted.
// Dependency-free. Usage: node www/server.mjs [port]   (default 8080, 0 = any)
// Data (keyring.json, records.ndjson, app.log) goes to $FIELDGUARD_DEMO_DATA,
// else <tmpdir>/fieldguard-demo.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './serve.mjs';
import { encryptedFields, homoglyphs, redactForLog, tokenContext } from './shared.mjs';

const fg = createRequire(import.meta.url)('../pkg/nodejs/fieldguard.js');
const POLICY_FILE = fileURLToPath(new URL('policy.json', import.meta.url));
const SESSION_TTL_MS = 10 * 60 * 1000;
const MAX_BODY = 64 * 1024;
const CLIENT_ERRORS = new Set(['VALUE_INVALID', 'INVALID_ARGUMENT', 'INPUT_TOO_LARGE']);

/** Start the demo on 127.0.0.1. Resolves to { server, url, dataDir, close() }. */
export async function startDemo({ port = 0, dataDir = process.env.FIELDGUARD_DEMO_DATA ?? join(tmpdir(), 'fieldguard-demo') } = {}) {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const policyJson = JSON.parse(await readFile(POLICY_FILE, 'utf8'));
  const policy = fg.Policy.fromJson(policyJson);
  const sealed = encryptedFields(policyJson);
  const keyring = await storageKeyring(dataDir);
  const files = { records: join(dataDir, 'records.ndjson'), log: join(dataDir, 'app.log') };
  // Transport keys by submission ID: made for one submission, used once.
  const sessions = new Map();

  async function log(entry) {
    // Redact the whole entry, not chosen fields: PII turns up where nobody expected it.
    const line = JSON.stringify(redactForLog(fg, { time: new Date().toISOString(), ...entry }));
    await appendFile(files.log, `${line}\n`, { mode: 0o600 });
    return line;
  }

  async function submit(body) {
    const id = typeof body?.id === 'string' ? body.id : '';
    const record = body?.record;
    const session = sessions.get(id);
    sessions.delete(id);
    if (!session || session.expires < Date.now()) return [400, { errors: [{ code: 'SESSION_UNKNOWN', message: 'unknown or expired submission ID; reload the form' }] }];
    try {
      if (!record || typeof record !== 'object' || Array.isArray(record) || record.id !== id) {
        return [400, { errors: [{ code: 'RECORD_INVALID', message: 'the record must be an object whose id is the submission ID' }] }];
      }
      // Decrypt the transport tokens: only the fields the policy encrypts, only
      // with this submission's context, so a token moved to another field or
      // replayed into another submission fails. Plaintext is refused: the
      // page must never send these fields in the clear.
      const errors = [];
      const plain = { ...record };
      for (const field of sealed) {
        const token = record[field];
        if (token === undefined || token === null) continue;
        if (typeof token !== 'string' || !token.startsWith('fg.')) {
          errors.push({ field, code: 'NOT_ENCRYPTED', message: `${field} must arrive as a token` });
          continue;
        }
        try {
          plain[field] = session.keyring.decrypt(token, { context: tokenContext(field, id) });
        } catch (e) {
          errors.push({ field, code: e.code ?? 'DECRYPT_FAILED', message: `${field} does not decrypt for this submission` });
        }
      }
      if (errors.length) return [400, { errors }];
      let result;
      try {
        if (typeof plain.username === 'string' && homoglyphs(fg, fg.clean(plain.username).value).blocking) {
          return [400, { errors: [{ field: 'username', code: 'USERNAME_CONFUSABLE', message: 'username mixes scripts or imitates a reserved name' }] }];
        }
        // Never trust the page: run the same policy again, now encrypting at rest.
        result = policy.applyWithKeyring(plain, keyring);
      } catch (e) {
        // The caller's fault (a rejected value, a lone surrogate, too large):
        // 400 with fieldguard's message, which names fields, never values.
        if (!CLIENT_ERRORS.has(e.code)) throw e;
        return [400, { errors: [{ code: e.code, message: e.message }] }];
      }
      const stored = { storedAt: new Date().toISOString(), record: result.record, report: result.report };
      await appendFile(files.records, `${JSON.stringify(stored)}\n`, { mode: 0o600 });
      const logLine = await log({
        level: 'info', msg: 'support request stored', id, username: plain.username, message: plain.message,
        changes: result.report.fields.filter((f) => f.changes.length || f.violations.length)
          .map((f) => ({ field: f.field, changes: f.changes, violations: f.violations.map((v) => v.reason) })),
      });
      return [201, { id, stored, log: logLine }];
    } finally {
      session.keyring.free();
    }
  }

  async function lookup(id) {
    const lines = async (file) => (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean);
    const records = (await lines(files.records)).map((l) => JSON.parse(l)).filter((r) => !id || r.record.id === id);
    const logLines = (await lines(files.log)).filter((l) => !id || JSON.parse(l).id === id);
    return { records: records.slice(-20), log: logLines.slice(-20) };
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const send = (status, value) => {
      const body = JSON.stringify(value);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body);
    };
    try {
      if (url.pathname === '/api/demo-keyring' && req.method === 'POST') {
        for (const [k, s] of sessions) if (s.expires < Date.now()) { s.keyring.free(); sessions.delete(k); }
        const id = randomUUID();
        const transport = fg.Keyring.generate();
        sessions.set(id, { keyring: transport, expires: Date.now() + SESSION_TTL_MS });
        return send(200, { id, keyring: transport.toJson(), expiresInSeconds: SESSION_TTL_MS / 1000 });
      }
      if (url.pathname === '/api/submit' && req.method === 'POST') {
        const body = await readBody(req);
        if (body === undefined) return send(413, { errors: [{ code: 'INPUT_TOO_LARGE', message: `the body is over ${MAX_BODY} bytes` }] });
        let parsed;
        try { parsed = JSON.parse(body); } catch { return send(400, { errors: [{ code: 'RECORD_INVALID', message: 'the body is not JSON' }] }); }
        const [status, value] = await submit(parsed);
        return send(status, value);
      }
      if (url.pathname === '/api/records' && req.method === 'GET') return send(200, await lookup(url.searchParams.get('id')));
      if (url.pathname.startsWith('/api/')) return send(404, { errors: [{ code: 'NOT_FOUND', message: 'no such endpoint' }] });
      return serveStatic(req, res);
    } catch (e) {
      // Only the code: a message could quote a value.
      await log({ level: 'error', msg: 'request failed', code: e.code ?? 'INTERNAL' }).catch(() => {});
      return send(500, { errors: [{ code: 'INTERNAL', message: 'internal error' }] });
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    server, url, dataDir, files,
    close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections?.(); keyring.free(); }),
  };
}

/** The at-rest keyring: $FIELDGUARD_KEYRING, else dataDir/keyring.json (created once, mode 0600). */
async function storageKeyring(dataDir) {
  if (process.env.FIELDGUARD_KEYRING) return fg.Keyring.fromJson(process.env.FIELDGUARD_KEYRING);
  const file = join(dataDir, 'keyring.json');
  try {
    return fg.Keyring.fromJson(await readFile(file, 'utf8'));
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
    const keyring = fg.Keyring.generate();
    await writeFile(file, keyring.toJson(), { mode: 0o600, flag: 'wx' });
    return keyring;
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) { resolve(undefined); req.destroy(); } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const demo = await startDemo({ port: Number(process.argv[2] ?? 8080) });
  console.log(`fieldguard demo on ${demo.url}/  (records: ${demo.url}/www/records.html, data in ${demo.dataDir})`);
}
