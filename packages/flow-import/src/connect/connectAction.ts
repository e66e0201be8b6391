import { isRecord } from '@omniflow/flow-schema';
import { arrayAt, recordAt, stringAt, type JsonRecord } from '../shared/jsonGuards.ts';

/** One error branch of a Connect action (`Transitions.Errors[]`). */
export interface ConnectErrorBranch {
  errorType: string;
  next: string | undefined;
}

/** One condition branch of a Connect action (`Transitions.Conditions[]`). */
export interface ConnectConditionBranch {
  operator: string;
  operands: string[];
  next: string | undefined;
}

/** A Connect action, normalized: parameters, default next, error and condition branches. */
export interface ConnectAction {
  id: string;
  type: string;
  parameters: JsonRecord;
  next: string | undefined;
  errors: ConnectErrorBranch[];
  conditions: ConnectConditionBranch[];
}

/** Reads the `Actions[]` of a Connect flow, skipping entries that have no `Identifier`. */
export function readConnectActions(doc: JsonRecord): ConnectAction[] {
  const actions: ConnectAction[] = [];
  for (const raw of arrayAt(doc, 'Actions')) {
    const id = stringAt(raw, 'Identifier');
    if (id === undefined || id === '') continue;
    const transitions = recordAt(raw, 'Transitions');
    actions.push({
      id,
      type: stringAt(raw, 'Type') ?? 'Unknown',
      parameters: recordAt(raw, 'Parameters'),
      next: nonEmpty(stringAt(transitions, 'NextAction')),
      errors: arrayAt(transitions, 'Errors')
        .filter(isRecord)
        .map((branch) => ({
          errorType: stringAt(branch, 'ErrorType') ?? '',
          next: nonEmpty(stringAt(branch, 'NextAction')),
        })),
      conditions: arrayAt(transitions, 'Conditions')
        .filter(isRecord)
        .map((branch) => {
          const condition = recordAt(branch, 'Condition');
          return {
            operator: stringAt(condition, 'Operator') ?? 'Equals',
            operands: arrayAt(condition, 'Operands').flatMap((operand) =>
              typeof operand === 'string' || typeof operand === 'number' ? [String(operand)] : [],
            ),
            next: nonEmpty(stringAt(branch, 'NextAction')),
          };
        }),
    });
  }
  return actions;
}

/** The target of the first error branch of the given types, in the order the types are listed. */
export function errorTarget(action: ConnectAction, ...types: string[]): string | undefined {
  for (const type of types) {
    const branch = action.errors.find((error) => error.errorType === type && error.next !== undefined);
    if (branch !== undefined) return branch.next;
  }
  return undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
