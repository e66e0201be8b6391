import { useState } from 'react';
import type { VariableDeclaration, VariableType } from '@omniflow/flow-schema';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { useT } from '../../i18n/useT.ts';

const TYPES: VariableType[] = ['string', 'number', 'boolean', 'date', 'object'];

/** Edits the flow's declared variables and its locales. */
export function VariablesEditor() {
  const t = useT();
  const flow = useFlowStore((s) => s.flow);
  const [newLocale, setNewLocale] = useState('');
  if (!flow) return null;
  const variables = flow.variables;
  const update = (index: number, patch: Partial<VariableDeclaration>) => {
    const next = variables.map((v, i) => (i === index ? { ...v, ...patch } : v));
    useFlowStore.getState().setVariables(next, `variables:${index}:${Object.keys(patch).join(',')}`);
  };
  return (
    <div className="variables-editor">
      <h2>{t('variables')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('variableName')}</th>
            <th scope="col">{t('variableType')}</th>
            <th scope="col">{t('variableDefault')}</th>
            <th scope="col">{t('sensitive')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {variables.map((v, i) => (
            <tr key={i}>
              <td>
                <input
                  aria-label={`${t('variableName')} ${i + 1}`}
                  value={v.name}
                  onChange={(e) => update(i, { name: e.target.value.replace(/[^A-Za-z0-9_]/g, '') })}
                />
              </td>
              <td>
                <select
                  aria-label={`${t('variableType')} ${i + 1}`}
                  value={v.type}
                  onChange={(e) => update(i, { type: e.target.value as VariableType })}
                >
                  {TYPES.map((type) => (
                    <option key={type}>{type}</option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  aria-label={`${t('variableDefault')} ${i + 1}`}
                  value={
                    v.default === undefined || v.default === null
                      ? ''
                      : typeof v.default === 'object'
                        ? JSON.stringify(v.default)
                        : String(v.default)
                  }
                  onChange={(e) => update(i, { default: parseDefault(e.target.value, v.type) })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${t('sensitive')} ${i + 1}`}
                  checked={v.sensitive === true}
                  onChange={(e) => update(i, { sensitive: e.target.checked })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`${t('delete')} ${v.name}`}
                  onClick={() => useFlowStore.getState().setVariables(variables.filter((_, j) => j !== i))}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() =>
          useFlowStore.getState().setVariables([...variables, { name: `var${variables.length + 1}`, type: 'string' }])
        }
      >
        + {t('addVariable')}
      </button>

      <h2>{t('locales')}</h2>
      <ul className="locale-list">
        {flow.locales.map((locale) => (
          <li key={locale}>
            <label>
              <input
                type="radio"
                name="default-locale"
                checked={flow.defaultLocale === locale}
                onChange={() => useFlowStore.getState().setLocales(flow.locales, locale)}
              />{' '}
              {locale}
              {flow.defaultLocale === locale ? ` (${t('defaultLocale')})` : ''}
            </label>
            {flow.locales.length > 1 && flow.defaultLocale !== locale && (
              <button
                type="button"
                className="icon-button"
                aria-label={`${t('delete')} ${locale}`}
                onClick={() =>
                  useFlowStore.getState().setLocales(
                    flow.locales.filter((l) => l !== locale),
                    flow.defaultLocale,
                  )
                }
              >
                ✕
              </button>
            )}
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const locale = newLocale.trim();
          if (locale && !flow.locales.includes(locale))
            useFlowStore.getState().setLocales([...flow.locales, locale], flow.defaultLocale);
          setNewLocale('');
        }}
      >
        <input
          aria-label={t('addLocale')}
          placeholder="ko-KR"
          value={newLocale}
          onChange={(e) => setNewLocale(e.target.value)}
        />
        <button type="submit">{t('addLocale')}</button>
      </form>
    </div>
  );
}

function parseDefault(text: string, type: VariableType): VariableDeclaration['default'] {
  if (text === '') return undefined;
  if (type === 'number') return Number.isFinite(Number(text)) ? Number(text) : text;
  if (type === 'boolean') return text === 'true';
  return text;
}
