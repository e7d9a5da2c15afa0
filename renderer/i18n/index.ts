/**
 * i18next set-up. Every UI string lives in `locales/<lang>/<namespace>.json`; a place uses its
 * own namespace (`useTranslation('diagnose')`), the shell uses `app`. Vietnamese first.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGS = ['vi', 'en'] as const;
export type UiLang = (typeof LANGS)[number];
const STORAGE_KEY = 'xaso.lang';

const modules = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', {
  eager: true,
});

/** All catalogues, as `{ vi: { app: {...}, diagnose: {...} }, en: {...} }`. */
export function catalogues(): Record<UiLang, Record<string, Record<string, unknown>>> {
  const resources: Record<UiLang, Record<string, Record<string, unknown>>> = { vi: {}, en: {} };
  for (const [path, mod] of Object.entries(modules)) {
    const match = /\.\/locales\/(vi|en)\/([\w-]+)\.json$/.exec(path);
    if (match) resources[match[1] as UiLang][match[2]!] = mod.default;
  }
  return resources;
}

function savedLang(): UiLang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Starts i18next with the saved language (Vietnamese by default). */
export async function initI18n(): Promise<typeof i18next> {
  const resources = catalogues();
  await i18next.use(initReactI18next).init({
    resources,
    lng: savedLang(),
    fallbackLng: 'vi',
    ns: Object.keys(resources.vi),
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

/** Switches language, remembers it, and updates `<html lang>`. */
export async function setLang(lang: UiLang): Promise<void> {
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this session only.
  }
}
