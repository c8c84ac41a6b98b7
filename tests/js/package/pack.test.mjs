// The npm package as users get it: `npm pack pkg/npm` (assembled by
// .ci/package-npm.sh), the tarball installed offline into throwaway Node and
// Deno projects, imported by package name — require, import, subpaths, the
// "deno" condition — and a smoke test run in each, plus every example of
// the package README (code blocks tagged `js test=node-cjs|node-esm|deno`),
// `tsc --strict` over every .d.ts in the tarball with a usage of every
// export (fixtures/types/, then run), and a `deno check` of the types.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const pkgDir = join(root, 'pkg/npm');
const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));
const deno = join(root, 'tests/node_modules/.bin/deno');
const tsc = join(root, 'tests/node_modules/.bin/tsc');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let tmp, tarball, nodeProject, denoProject;
const env = () => ({ ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1', DENO_DIR: join(tmp, 'deno-dir'), npm_config_cache: join(tmp, 'npm-cache'), npm_config_update_notifier: 'false',
  // No registry is reachable, so anything that tries the network fails here rather than passing by luck.
  npm_config_registry: 'http://127.0.0.1:9/', NPM_CONFIG_REGISTRY: 'http://127.0.0.1:9/' });

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, env: env(), encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** A fresh project directory with the tarball installed (no network: a local file). */
function project(name, extra = {}) {
  const dir = join(tmp, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `smoke-${name}`, private: true }));
  for (const [file, text] of Object.entries(extra)) writeFileSync(join(dir, file), text);
  run(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tarball], dir);
  return dir;
}

/**
 * The tested examples of the package README and of the repository README
 * ("Ways in"): [runtime, code, heading]. Browser examples run in Chromium
 * (tests/js/browser/readme.test.mjs), not here.
 */
function readmeExamples() {
  const out = [];
  for (const path of [join(pkgDir, 'README.md'), fileURLToPath(new URL('../../../README.md', import.meta.url))]) {
    const md = readFileSync(path, 'utf8');
    let heading = '';
    for (const m of md.matchAll(/^(#+ .*)$|^```js test=(\S+)\n([\s\S]*?)^```$/gm)) {
      if (m[1]) heading = m[1].replace(/^#+ /, '');
      else if (m[2] !== 'browser') out.push([m[2], m[3], heading]);
    }
  }
  return out;
}

before(() => {
  assert.ok(existsSync(join(pkgDir, 'package.json')), 'pkg/npm missing: run bash .ci/build-wasm.sh');
  tmp = mkdtempSync(join(tmpdir(), 'fieldguard-pack-'));
  const packed = JSON.parse(run(npm, ['pack', pkgDir, '--pack-destination', tmp, '--json', '--loglevel=error'], tmp));
  tarball = join(tmp, packed[0].filename);
  nodeProject = project('node');
  denoProject = project('deno', { 'deno.json': JSON.stringify({ nodeModulesDir: 'manual' }) });
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the tarball holds the builds, wrappers, types and README, and nothing else', () => {
  const packed = JSON.parse(run(npm, ['pack', pkgDir, '--dry-run', '--json', '--loglevel=error'], tmp));
  const files = packed[0].files.map((f) => f.path).sort();
  for (const want of ['README.md', 'package.json', 'web/fieldguard_bg.wasm', 'web/fieldguard.d.ts', 'nodejs/fieldguard.js',
    'bundler/fieldguard.js', 'node/index.cjs', 'node/index.mjs', 'node/index.d.mts', 'helpers/core.cjs', 'helpers/index.d.ts', 'helpers/index.d.cts',
    'html/web/fieldguard_bg.wasm', 'html/node/index.mjs', 'names/web/fieldguard_bg.wasm', 'names/node/index.mjs']) {
    assert.ok(files.includes(want), `missing ${want}`);
  }
  assert.deepEqual(files.filter((f) => !/^(README\.md|package\.json|((html|names)\/)?(web|nodejs|bundler|node)\/[^/]+|helpers\/[^/]+)$/.test(f)), []);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'fieldguard');
  assert.equal(pkg.version, /^version = "(.*)"$/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1]);
  // Every target named by the exports map exists in the package.
  const targets = JSON.stringify(pkg.exports).match(/"\.\/[^"]+"(?=[,}])/g).map((s) => s.slice(3, -1));
  for (const t of targets) assert.ok(files.includes(t), `exports names ${t}, not in the tarball`);
});

test('Node, CommonJS: require("fieldguard"), fieldguard/node and fieldguard/html', () => {
  copyFileSync(join(fixtures, 'smoke.cjs'), join(nodeProject, 'smoke.cjs'));
  assert.match(run(process.execPath, ['smoke.cjs'], nodeProject), /cjs ok/);
});

test('Node, ES modules: import, one instance with require, fieldguard/web from bytes', () => {
  copyFileSync(join(fixtures, 'smoke.mjs'), join(nodeProject, 'smoke.mjs'));
  assert.match(run(process.execPath, ['smoke.mjs'], nodeProject), /esm ok/);
});

test('Node, bundler build (wasm ES-module integration): fieldguard/bundler', () => {
  const script = `import { Keyring } from 'fieldguard/bundler';
    const kr = Keyring.generate(); console.log(kr.decrypt(kr.encrypt('b', { context: 'c' }), { context: 'c' }));`;
  const out = run(process.execPath, ['--experimental-wasm-modules', '--no-warnings', '--input-type=module', '-e', script], nodeProject);
  assert.equal(out.trim(), 'b');
});

test('Deno: the "deno" condition, init(), fieldguard/node and fieldguard/html', () => {
  copyFileSync(join(fixtures, 'smoke-deno.mjs'), join(denoProject, 'smoke-deno.mjs'));
  assert.match(run(deno, ['run', '--quiet', '--allow-read', '--no-prompt', 'smoke-deno.mjs'], denoProject), /deno ok/);
});

/** Every `.d.ts`, `.d.mts` and `.d.cts` under `dir`, relative to `from`. */
function declarations(dir, from) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => /\.d\.[cm]?ts$/.test(f))
    .map((f) => join(dir, f).slice(from.length + 1))
    .sort();
}

test('TypeScript: tsc --strict over every declaration in the tarball and a usage of every export, which then runs', () => {
  const dir = join(nodeProject, 'types');
  cpSync(join(fixtures, 'types'), dir, { recursive: true });
  // Every declaration file of the installed package joins the program, so
  // one that does not compile fails here even if no usage imports it.
  const tsconfig = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8'));
  const installed = join(nodeProject, 'node_modules/fieldguard');
  const dts = declarations(installed, nodeProject).map((f) => `../${f}`);
  assert.ok(dts.length >= 10, `only ${dts.length} declaration files in the package`);
  tsconfig.files.push(...dts);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 1));
  run(tsc, ['-p', 'tsconfig.json'], dir);
  assert.match(run(process.execPath, ['out/usage.mjs'], dir), /usage\.mts ok/);
  assert.match(run(process.execPath, ['out/usage.cjs'], dir), /usage\.cts ok/);

  // Every runtime export and class member (static or prototype) of the
  // entries is named in the usage, so a new export without a use fails.
  const lister = `const out = new Set();
    for (const id of ['fieldguard', 'fieldguard/node', 'fieldguard/html']) {
      for (const [k, v] of Object.entries(require(id))) {
        out.add(k);
        if (typeof v === 'function' && v.prototype) {
          for (const o of [v, v.prototype]) for (const p of Object.getOwnPropertyNames(o)) out.add(p);
        }
      }
    }
    console.log(JSON.stringify([...out]));`;
  const names = JSON.parse(run(process.execPath, ['-e', lister], nodeProject));
  const usage = ['exercise.mts', 'usage.mts', 'usage.cts'].map((f) => readFileSync(join(fixtures, 'types', f), 'utf8')).join('\n');
  const used = new Set(usage.match(/[A-Za-z_$][\w$]*/g));
  // Function internals and wasm-bindgen's private helpers are not API.
  const notApi = /^(__.*|constructor|length|name|prototype|caller|arguments)$/;
  assert.deepEqual(names.filter((n) => !notApi.test(n) && !used.has(n)), [], 'exports the type usage never calls');
  assert.ok(names.length >= 40, `only ${names.length} exports found`);

  // And the check can fail: a wrong type is an error.
  writeFileSync(join(nodeProject, 'bad.mts'), "import { clean } from 'fieldguard';\nexport const n: number = clean('x').value;\n");
  const r = spawnSync(tsc, ['--noEmit', '--strict', '--module', 'nodenext', 'bad.mts'], { cwd: nodeProject, env: env(), encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stdout + r.stderr, /TS2322/);
});

test('TypeScript: the types check (deno check), and a wrong type is caught', () => {
  copyFileSync(join(fixtures, 'types.ts'), join(denoProject, 'types.ts'));
  run(deno, ['check', '--quiet', 'types.ts'], denoProject);
  writeFileSync(join(denoProject, 'bad.ts'), "import { clean } from 'fieldguard';\nconst n: number = clean('x').value;\nconsole.log(n);\n");
  const r = spawnSync(deno, ['check', '--quiet', 'bad.ts'], { cwd: denoProject, env: env(), encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stdout + r.stderr, /TS2322/);
});

test('every tested example of the package README and the repository README runs', async (t) => {
  const examples = readmeExamples();
  assert.ok(examples.length >= 5, 'README examples not found');
  let i = 0;
  for (const [runtime, code, heading] of examples) {
    i += 1;
    await t.test(`${runtime} #${i} (${heading})`, () => {
      if (runtime === 'node-cjs' || runtime === 'node-esm') {
        const file = `readme-${i}.${runtime === 'node-cjs' ? 'cjs' : 'mjs'}`;
        writeFileSync(join(nodeProject, file), code);
        run(process.execPath, [file], nodeProject);
      } else if (runtime === 'deno') {
        const file = `readme-${i}.mjs`;
        writeFileSync(join(denoProject, file), code);
        run(deno, ['run', '--quiet', '--allow-read', '--no-prompt', file], denoProject);
      } else {
        assert.fail(`unknown README test runtime ${runtime}`);
      }
    });
  }
});
