/**
 * Signs province packs: `tsx scripts/province-pack.ts [--key KEY.pem] SRC.json… [--out DIR]`.
 *
 * The key is an Ed25519 private key in PKCS#8 PEM. When the file does not exist it is created
 * (with the public key beside it as `<name>.pub.pem`): this is how the example publisher key of
 * `province-packs/` was made. A real provincial IT centre keeps its own key secret, signs with
 * it, and tells communes its key id (printed here) so a pack from anyone else stands out.
 * Each `SRC.json` is the pack content (`main/service/province/schema.ts`); the signed file is
 * written as `<out>/<province code>.xaso-province.json`.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { keyIdOf } from '../main/service/inbox/keys.js';
import { provincePackSchema } from '../main/service/province/schema.js';
import { sealPack } from '../main/service/province/seal.js';

function option(args: string[], name: string, fallback: string): string {
  const at = args.indexOf(name);
  if (at === -1) return fallback;
  const value = args[at + 1];
  args.splice(at, 2);
  if (value === undefined) throw new Error(`${name} needs a value`);
  return value;
}

function loadOrCreateKey(file: string): { privateKeyPem: string; publicKeyPem: string } {
  if (!existsSync(file)) {
    const pair = generateKeyPairSync('ed25519');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    console.log(`new key ${file}`);
  }
  const privateKeyPem = readFileSync(file, 'utf8');
  const publicKeyPem = createPublicKey(createPrivateKey(privateKeyPem))
    .export({ type: 'spki', format: 'pem' })
    .toString();
  writeFileSync(file.replace(/(\.key)?\.pem$/, '.pub.pem'), publicKeyPem);
  return { privateKeyPem, publicKeyPem };
}

const args = process.argv.slice(2);
const keyFile = option(args, '--key', 'province-packs/example-publisher.key.pem');
const outDir = option(args, '--out', 'province-packs');
const key = loadOrCreateKey(keyFile);
console.log(`key id ${keyIdOf(createPublicKey(key.publicKeyPem))}`);
for (const src of args) {
  const pack = provincePackSchema.parse(JSON.parse(readFileSync(src, 'utf8')));
  const envelope = sealPack(pack, key, `${pack.checkedOn}T00:00:00.000Z`);
  const out = join(outDir, `${pack.province.code}.xaso-province.json`);
  writeFileSync(out, `${JSON.stringify(envelope, null, 2)}\n`);
  console.log(`${basename(src)} → ${out}`);
}
