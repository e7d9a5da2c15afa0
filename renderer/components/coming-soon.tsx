import { useTranslation } from 'react-i18next';

export type ComingSoonProps = Readonly<{ place: string }>;

/** Says honestly that a place is not built yet. */
export function ComingSoon({ place }: ComingSoonProps) {
  const { t } = useTranslation('app');
  const name = t(`nav.${place}`);
  return (
    <section aria-labelledby="coming-title" className="coming">
      <h1 id="coming-title">{name}</h1>
      <p className="coming-badge">{t('coming.title')}</p>
      <p>{t(`places.${place}`)}</p>
      <p>{t('coming.body', { place: name })}</p>
    </section>
  );
}
