#!/usr/bin/env bash
# The README's main command: build the CLI, make a keyring, encrypt the
# sensitive fields of a sample JSON export, rotate the key, re-encrypt, and
# decrypt back to the original — checking each step.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --quiet --release --features cli
fg=target/release/fieldguard
sample=examples/data/customers.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fields=(--field email --field ssn --field 'cards[*].number' --record-id id)

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }

step "$fg" keygen --out "$work/keyring.json"
step "$fg" encrypt --keyring "$work/keyring.json" "${fields[@]}" --in "$sample" --out "$work/encrypted.json"
printf '\nThe first record, encrypted (each token bound to its field and record ID):\n'
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1]))[0]; console.log(JSON.stringify(r, null, 2))' "$work/encrypted.json"

printf '\nSwap the email tokens of the two records: neither decrypts any more.\n'
node -e '
  const fs = require("fs");
  const rs = JSON.parse(fs.readFileSync(process.argv[1]));
  [rs[0].email, rs[1].email] = [rs[1].email, rs[0].email];
  fs.writeFileSync(process.argv[2], JSON.stringify(rs));
' "$work/encrypted.json" "$work/swapped.json"
if "$fg" decrypt --keyring "$work/keyring.json" "${fields[@]}" --in "$work/swapped.json" --out "$work/never.json"; then
  echo "unexpected: a token moved to another record decrypted"; exit 1
fi
[ ! -e "$work/never.json" ] || { echo "unexpected: a failed run left an output file"; exit 1; }

step "$fg" rotate --keyring "$work/keyring.json"
step "$fg" reencrypt --keyring "$work/keyring.json" "${fields[@]}" --in "$work/encrypted.json" --out "$work/rotated.json"
step "$fg" decrypt --keyring "$work/keyring.json" "${fields[@]}" --in "$work/rotated.json" --out "$work/decrypted.json"

node -e '
  const fs = require("fs");
  const [a, b] = process.argv.slice(1).map((f) => JSON.stringify(JSON.parse(fs.readFileSync(f))));
  if (a !== b) { console.error("decrypted output differs from the sample"); process.exit(1); }
' "$sample" "$work/decrypted.json"
printf '\nOK: after encrypt, rotate and re-encrypt, decryption gives back %s exactly.\n' "$sample"
