import type { SkillRow } from '../admin/adminForms.ts';
import { useAdminT } from '../i18n/adminMessages.ts';

/** Edits a list of skills with a level 1–5 each (a queue's minimum levels, an agent's own levels). */
export function SkillRows({
  rows,
  levelLabel,
  onChange,
}: {
  rows: SkillRow[];
  levelLabel: string;
  onChange: (rows: SkillRow[]) => void;
}) {
  const t = useAdminT();
  const set = (index: number, row: Partial<SkillRow>): void =>
    onChange(rows.map((old, i) => (i === index ? { ...old, ...row } : old)));
  return (
    <fieldset className="skill-rows">
      <legend>{t('skills')}</legend>
      {rows.length === 0 && <p className="muted">{t('noSkills')}</p>}
      {rows.map((row, index) => (
        // Rows have no id of their own; their place is their identity while the form is open.
        // eslint-disable-next-line react/no-array-index-key
        <div className="skill-row" key={index}>
          <label>
            {t('skill')}
            <input value={row.skill} maxLength={64} onChange={(e) => set(index, { skill: e.target.value })} />
          </label>
          <label>
            {levelLabel}
            <select
              aria-label={levelLabel}
              value={row.level}
              onChange={(e) => set(index, { level: Number(e.target.value) })}
            >
              {[1, 2, 3, 4, 5].map((level) => (
                <option key={level} value={level}>
                  {level}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            {t('remove')}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, { skill: '', level: 1 }])}>
        {t('addSkill')}
      </button>
    </fieldset>
  );
}
