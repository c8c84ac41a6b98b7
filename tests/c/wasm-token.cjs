// Produce, with the wasm module (pkg/nodejs), what the C test must accept:
// a token encrypted with the fixed test keyring and context, and the JS
// results of clean and anonymizeText for inputs the C program repeats.
// Usage: node wasm-token.cjs PKG_NODEJS_DIR KEYRING_JSON_FILE
// Prints three lines: the token, the clean result JSON, the anonymized text.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const [pkgDir, keyringFile] = process.argv.slice(2);
const fg = require(path.resolve(pkgDir, "fieldguard.js"));

// Keep in step with fieldguard_test.c (WASM_CONTEXT, CROSS_CLEAN_INPUT,
// CROSS_ANON_INPUT, CROSS_ANON_OPTIONS).
const context = "payments.card\u0000order-7";
const keyring = fg.Keyring.fromJson(fs.readFileSync(keyringFile, "utf8"));
const token = keyring.encrypt("4111 1111 1111 1111", { context });
keyring.free();

const cleaned = fg.clean("  pay\u202Epal\u200B\u00A0Zo\u0065\u0301 ");
const anonymized = fg.anonymizeText(null, "Ana: ana@example.org, 4111-1111-1111-1111, +1 202-555-0147", {
  operators: { CREDIT_CARD: { op: "mask", keepLast: 4 } },
});

process.stdout.write(`${token}\n${JSON.stringify(cleaned)}\n${anonymized.text}\n`);
