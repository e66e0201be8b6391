import { useState, type FormEvent } from 'react';
import type { FormProblem } from './adminForms.ts';

/**
 * The state of an administration form: the fields as typed, the problems shown, and a submit that checks the form and
 * saves it (`save` answers what the runtime still refused).
 */
export function useAdminForm<F>(
  initial: () => F,
  check: (form: F) => { problems: FormProblem[]; body?: Record<string, unknown> },
  save: (form: F, body: Record<string, unknown>) => Promise<FormProblem[]>,
): {
  form: F;
  problems: FormProblem[];
  edit: (change: Partial<F>) => void;
  submit: (event: FormEvent) => void;
} {
  const [form, setForm] = useState<F>(initial);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const edit = (change: Partial<F>): void => setForm((old) => ({ ...old, ...change }));
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const checked = check(form);
    if (!checked.body) return setProblems(checked.problems);
    void save(form, checked.body).then(setProblems);
  };
  return { form, problems, edit, submit };
}
