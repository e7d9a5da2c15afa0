/**
 * The province pack on the home screen (`province:get`, `province:import`): which province's
 * systems the checks use, from whom, since when; and a file picker to import a newer or another
 * province's pack. A pack signed by another key than the one in use for the same province is
 * refused by the service; the intern may then say the publisher changed and import it anyway.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ProvinceImport, ProvinceView } from '../../main/service/province/contract';
import { formatDate, formatFingerprint } from '../../main/service/vocabulary';
import { failureText, useApi } from '../api/index';
import { useLoad } from '../hooks/use-call';
import { pick, useLang } from '../i18n/pick';
import { readFile } from '../places/visit/download';

/** The key id a pack file says it is signed with (read to offer "the publisher changed"). */
function keyIdOf(text: string): string | undefined {
  try {
    const id = (JSON.parse(text) as { integrity?: { keyId?: unknown } }).integrity?.keyId;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

type Picked = Readonly<{ fileName: string; text: string }>;
type Said = Readonly<{ ok: boolean; text: string }>;

/** The province pack in use, and its import. */
export function ProvincePack() {
  const { t, i18n } = useTranslation('app');
  const lang = useLang();
  const api = useApi();
  const id = useId();
  const { state, reload } = useLoad<{ province: ProvinceView | null }>(
    () => api.province.get({}),
    [api],
  );
  const [said, setSaid] = useState<Said>();
  /** A pack refused because another key signed it: kept to import on the intern's word. */
  const [otherKey, setOtherKey] = useState<Picked>();
  const current = state.value?.province ?? undefined;
  const send = async (picked: Picked, replacePublisher: boolean): Promise<void> => {
    setOtherKey(undefined);
    const r = await api.province.import({ ...picked, replacePublisher });
    if (r.ok) {
      const done: ProvinceImport = r.value;
      setSaid({
        ok: true,
        text: t(`province.done.${done.action}`, {
          province: pick(done.province.pack.province.name, lang),
        }),
      });
      reload();
      return;
    }
    setSaid({ ok: false, text: failureText(r, i18n.language) });
    const key = keyIdOf(picked.text);
    if (r.error.code === 'conflict' && current !== undefined && key !== current.keyId)
      setOtherKey(picked);
  };
  const choose = async (files: FileList | null): Promise<void> => {
    const file = files?.[0];
    if (file === undefined) return;
    setSaid(undefined);
    await send({ fileName: file.name, text: await readFile(file, 'text') }, false);
  };
  if (state.phase === 'failed')
    return (
      <section className="home-province" data-testid="province-pack">
        <p role="alert">✖ {pick(state.error, lang)}</p>
      </section>
    );
  if (state.value === undefined) return null;
  return (
    <section aria-labelledby={`${id}-title`} className="home-province" data-testid="province-pack">
      <h2 id={`${id}-title`}>{t('province.title')}</h2>
      {current === undefined ? (
        <p className="muted" data-testid="province-none">
          {t('province.none')}
        </p>
      ) : (
        <p data-testid="province-current">
          {t('province.current', {
            province: pick(current.pack.province.name, lang),
            publisher: current.pack.publisher.name,
            published: formatDate(current.publishedAt, lang),
            checked: formatDate(current.pack.checkedOn, lang),
          })}{' '}
          <span className="muted">
            {t('province.key', { key: formatFingerprint(current.keyId) })} ·{' '}
            {t('province.contents', {
              systems: current.endpoints.length,
              cas: current.pack.cas.length,
            })}
          </span>
        </p>
      )}
      <label htmlFor={`${id}-file`}>{t('province.import')}</label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".json,application/json"
        data-testid="province-file"
        onChange={(e) => void choose(e.target.files)}
      />
      {said !== undefined && (
        <p role={said.ok ? 'status' : 'alert'} data-testid="province-said">
          {said.ok ? '✔ ' : '✖ '}
          {said.text}
        </p>
      )}
      {otherKey !== undefined && (
        <button
          type="button"
          data-testid="province-replace"
          onClick={() => void send(otherKey, true)}
        >
          {t('province.replace')}
        </button>
      )}
    </section>
  );
}
