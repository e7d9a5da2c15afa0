/**
 * The one place that turns i18next's language tag into the app's two languages, and picks the
 * matching half of a bilingual `{ vi, en }` text from the service.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import type { LocalText } from '../../main/service/define';
import type { UiLang } from './index';

/** `'en'` for any English tag (`en`, `en-GB`), `'vi'` otherwise (Vietnamese is the default). */
export function langOf(language: string): UiLang {
  return language.startsWith('en') ? 'en' : 'vi';
}

/** The half of `text` in `lang` (an i18next language tag or a `UiLang`); `''` for no text. */
export function pick(text: LocalText | undefined, lang: string): string {
  return text === undefined ? '' : text[langOf(lang)];
}

/** The UI language now; re-renders the caller when it changes. */
export function useLang(): UiLang {
  const { i18n } = useTranslation();
  return langOf(i18n.language);
}

/** `pick` bound to the UI language: `const local = useLocal(); local(step.title)`. */
export function useLocal(): (text: LocalText) => string {
  const lang = useLang();
  return useCallback((text: LocalText) => text[lang], [lang]);
}
