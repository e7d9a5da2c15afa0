// Runs in Node (it reads renderer/ sources and catalogues as files), hence outside tests/renderer.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

// The renderer's promise: every string a person sees comes from the message catalogue, in both
// languages. These checks read the sources and the catalogues as text.
const LOCALES = 'renderer/i18n/locales';

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function catalogue(lang: string, ns: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(LOCALES, lang, `${ns}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

const namespaces = readdirSync(join(LOCALES, 'vi')).map((f) => f.replace(/\.json$/, ''));

/** Keys of a catalogue, with i18next plural suffixes folded into the base key. */
function baseKeys(lang: string, ns: string): Set<string> {
  return new Set(
    keys(catalogue(lang, ns)).flatMap((k) => [k, k.replace(/_(zero|one|two|few|many|other)$/, '')]),
  );
}

describe('message catalogues', () => {
  it('has the same namespaces in Vietnamese and English', () => {
    expect(readdirSync(join(LOCALES, 'en')).sort()).toEqual(
      readdirSync(join(LOCALES, 'vi')).sort(),
    );
  });

  it.each(namespaces)('namespace %s has the same keys in both languages, none empty', (ns) => {
    const vi = keys(catalogue('vi', ns)).map((k) =>
      k.replace(/_(zero|one|two|few|many|other)$/, ''),
    );
    const en = keys(catalogue('en', ns)).map((k) =>
      k.replace(/_(zero|one|two|few|many|other)$/, ''),
    );
    expect(new Set(en)).toEqual(new Set(vi));
    for (const lang of ['vi', 'en']) {
      const flat = JSON.stringify(catalogue(lang, ns));
      expect(flat, `${lang}/${ns}`).not.toMatch(/:""/);
    }
  });

  it('every literal t(...) key used in a component exists in its namespace', () => {
    const missing: string[] = [];
    for (const file of files('renderer', /\.tsx?$/)) {
      const source = readFileSync(file, 'utf8');
      const ns = /useTranslation\(\s*'([\w-]+)'/.exec(source)?.[1] ?? 'app';
      if (!namespaces.includes(ns)) continue;
      const known = baseKeys('vi', ns);
      for (const match of source.matchAll(/\bt\(\s*'([\w.-]+)'/g)) {
        const key = match[1]!;
        const [maybeNs, rest] = key.includes(':') ? key.split(':') : [ns, key];
        const set = maybeNs === ns ? known : baseKeys('vi', maybeNs!);
        if (!set.has(rest!)) missing.push(`${relative('.', file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no component shows hard-coded words (text must come from the catalogue)', () => {
    const offenders: string[] = [];
    for (const file of files('renderer', /\.tsx$/)) {
      const source = readFileSync(file, 'utf8');
      // JSX text between tags that contains a letter, e.g. <p>Xin chào</p>.
      for (const match of source.matchAll(/(?<![=-])>([^<>{}]*\p{L}[^<>{}]*)</gu)) {
        const text = match[1]!.trim();
        if (text === '' || /^[\s\p{P}\p{S}]*$/u.test(text)) continue;
        // Skip TypeScript generics and arrow types caught by the regex (e.g. `Promise<void>`).
        if (/[=;()]|=>|\b(const|return|if|type)\b/.test(text)) continue;
        offenders.push(`${relative('.', file)}: "${text}"`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
