import { CONTACT_ATTRIBUTE_NAME, type ContactDirection } from '@omniflow/flow-schema';
import { useContactT } from './contactMessages.ts';

/** What the analyst sets for a simulator run: the contact's direction, caller number and attributes as text. */
export interface SimulatorContactDraft {
  direction: ContactDirection;
  callerNumber: string;
  /** `name=value`, one per line. */
  attributes: string;
}

/** A simulator run's contact as `POST /api/sessions` takes it. */
export interface SimulatorContactInput {
  direction: ContactDirection;
  callerNumber?: string;
  attributes?: Record<string, string>;
}

/** An inbound contact with nothing known: what a run uses unless the analyst sets more. */
export const EMPTY_CONTACT_DRAFT: SimulatorContactDraft = { direction: 'inbound', callerNumber: '', attributes: '' };

/** The contact of a draft, or the number of the first attribute line that is not `name=value`. */
export function readContactDraft(
  draft: SimulatorContactDraft,
): { ok: true; contact: SimulatorContactInput } | { ok: false; line: number } {
  const contact: SimulatorContactInput = { direction: draft.direction };
  const number = draft.callerNumber.trim();
  if (number !== '') contact.callerNumber = number;
  const attributes: Record<string, string> = {};
  const lines = draft.attributes.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const at = line.indexOf('=');
    const name = at < 0 ? '' : line.slice(0, at).trim();
    if (!CONTACT_ATTRIBUTE_NAME.test(name)) return { ok: false, line: i + 1 };
    attributes[name] = line.slice(at + 1).trim();
  }
  if (Object.keys(attributes).length > 0) contact.attributes = attributes;
  return { ok: true, contact };
}

/** The simulator's "Test contact" settings: direction, caller number and attributes for the next run. */
export function SimulatorContact({
  draft,
  onChange,
}: {
  draft: SimulatorContactDraft;
  onChange(draft: SimulatorContactDraft): void;
}) {
  const t = useContactT();
  const read = readContactDraft(draft);
  return (
    <details className="sim-contact">
      <summary>{t('testContact')}</summary>
      <label>
        {t('direction')}{' '}
        <select
          aria-label={t('direction')}
          value={draft.direction}
          onChange={(e) => onChange({ ...draft, direction: e.target.value === 'outbound' ? 'outbound' : 'inbound' })}
        >
          <option value="inbound">{t('inbound')}</option>
          <option value="outbound">{t('outbound')}</option>
        </select>
      </label>
      <label>
        {t('callerNumber')}{' '}
        <input
          aria-label={t('callerNumber')}
          value={draft.callerNumber}
          maxLength={32}
          placeholder="+14155550100"
          onChange={(e) => onChange({ ...draft, callerNumber: e.target.value })}
        />
      </label>
      <label>
        {t('attributes')}
        <textarea
          aria-label={t('attributes')}
          rows={2}
          value={draft.attributes}
          placeholder="segment=gold"
          onChange={(e) => onChange({ ...draft, attributes: e.target.value })}
        />
      </label>
      {!read.ok && (
        <span className="field-error" role="status">
          {t('attributeLineProblem', { line: read.line })}
        </span>
      )}
    </details>
  );
}
