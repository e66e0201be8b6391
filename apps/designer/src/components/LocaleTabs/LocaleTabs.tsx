import { useT } from '../../i18n/useT.ts';

/** A tab strip with one tab per flow locale; tabs with a missing value are marked. */
export function LocaleTabs({
  locales,
  current,
  onSelect,
  missing,
  idPrefix,
}: {
  locales: readonly string[];
  current: string;
  onSelect(locale: string): void;
  missing?: ReadonlySet<string>;
  idPrefix: string;
}) {
  const t = useT();
  return (
    <div className="locale-tabs" role="tablist" aria-label={t('locale')}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${locale}`}
          aria-selected={locale === current}
          className={`${locale === current ? 'is-current' : ''} ${missing?.has(locale) ? 'is-missing' : ''}`}
          onClick={() => onSelect(locale)}
        >
          {locale}
          {missing?.has(locale) ? ' •' : ''}
        </button>
      ))}
    </div>
  );
}
