import type { FlowTestStep } from '@omniflow/flow-schema';

/** The kinds of test step the step form offers, in menu order. */
export const STEP_KINDS = [
  'choose',
  'say',
  'digits',
  'noInput',
  'expectPrompt',
  'expectNode',
  'expectVariable',
  'expectTransfer',
  'expectEnd',
] as const;

/** One kind of test step. */
export type StepKind = (typeof STEP_KINDS)[number];

/** A step as the form edits it: its kind and up to two text fields (`b` only for a variable's expected value). */
export interface StepFields {
  kind: StepKind;
  a: string;
  b: string;
}

/** The form fields of a step. */
export function stepFields(step: FlowTestStep): StepFields {
  if ('choose' in step) return { kind: 'choose', a: step.choose, b: '' };
  if ('say' in step) return { kind: 'say', a: step.say, b: '' };
  if ('digits' in step) return { kind: 'digits', a: step.digits, b: '' };
  if ('noInput' in step) return { kind: 'noInput', a: '', b: '' };
  if ('expectPrompt' in step) return { kind: 'expectPrompt', a: step.expectPrompt, b: '' };
  if ('expectNode' in step) return { kind: 'expectNode', a: step.expectNode, b: '' };
  if ('expectVariable' in step)
    return { kind: 'expectVariable', a: step.expectVariable.name, b: JSON.stringify(step.expectVariable.equals) };
  if ('expectTransfer' in step) return { kind: 'expectTransfer', a: step.expectTransfer.queue ?? '', b: '' };
  return { kind: 'expectEnd', a: step.expectEnd.outcome ?? '', b: '' };
}

/** The step the form fields describe; an expected value that is not JSON is taken as text. */
export function stepFromFields({ kind, a, b }: StepFields): FlowTestStep {
  switch (kind) {
    case 'choose':
      return { choose: a };
    case 'say':
      return { say: a };
    case 'digits':
      return { digits: a };
    case 'noInput':
      return { noInput: true };
    case 'expectPrompt':
      return { expectPrompt: a };
    case 'expectNode':
      return { expectNode: a };
    case 'expectVariable':
      return { expectVariable: { name: a, equals: jsonOrText(b) } };
    case 'expectTransfer':
      return { expectTransfer: a === '' ? {} : { queue: a } };
    case 'expectEnd':
      return { expectEnd: a === '' ? {} : { outcome: a } };
  }
}

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Analysts type `Alice` as often as `"Alice"`: text that is not JSON is the string itself.
    return text;
  }
}
