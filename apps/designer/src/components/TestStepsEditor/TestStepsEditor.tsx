import type { FlowTestStep } from '@omniflow/flow-schema';
import { useFlowTestsT } from '../../flowTests/flowTestMessages.ts';
import {
  STEP_KINDS,
  stepFields,
  stepFromFields,
  type StepFields,
  type StepKind,
} from '../../flowTests/testStepForm.ts';
import { moveItem } from '../../core/moveItem.ts';

/** Edits a test's steps as rows of kind + value; the failing step of the picked run is marked. */
export function TestStepsEditor({
  steps,
  failedStep,
  onChange,
}: {
  steps: readonly FlowTestStep[];
  failedStep: number | null;
  onChange(steps: FlowTestStep[]): void;
}) {
  const t = useFlowTestsT();
  const update = (index: number, fields: StepFields) =>
    onChange(steps.map((step, i) => (i === index ? stepFromFields(fields) : step)));
  return (
    <div className="test-steps">
      <ol>
        {steps.map((step, index) => {
          const fields = stepFields(step);
          return (
            <li key={index} className={index === failedStep ? 'test-step is-failed' : 'test-step'} data-step={index}>
              <select
                aria-label={t('stepKind')}
                value={fields.kind}
                onChange={(e) => update(index, { ...fields, kind: kindOf(e.target.value) })}
              >
                {STEP_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`step_${kind}`)}
                  </option>
                ))}
              </select>
              {fields.kind !== 'noInput' && (
                <input
                  aria-label={t('stepValue')}
                  value={fields.a}
                  onChange={(e) => update(index, { ...fields, a: e.target.value })}
                />
              )}
              {fields.kind === 'expectVariable' && (
                <input
                  aria-label={`${t('stepValue')} =`}
                  value={fields.b}
                  onChange={(e) => update(index, { ...fields, b: e.target.value })}
                />
              )}
              <button
                type="button"
                className="icon-button"
                aria-label={`↑ ${index + 1}`}
                disabled={index === 0}
                onClick={() => onChange(moveItem(steps, index, index - 1))}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`${t('removeStep')} ${index + 1}`}
                onClick={() => onChange(steps.filter((_, i) => i !== index))}
              >
                ✕
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...steps, { expectPrompt: '' }])}>
        {t('addStep')}
      </button>
    </div>
  );
}

function kindOf(value: string): StepKind {
  return STEP_KINDS.find((kind) => kind === value) ?? 'say';
}
