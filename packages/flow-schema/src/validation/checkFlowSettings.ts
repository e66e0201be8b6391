import { CONTACT_ROOT } from '../contact/contactFields.ts';
import { jsonPointer } from '../jsonPointer.ts';
import { checkPrompt } from './checkFields.ts';
import type { ValidationContext } from './validationContext.ts';

/**
 * Checks the flow-level declarations: default locale (FLOW019), unique variables (FLOW025), intent phrases per
 * locale (FLOW021) and the prompts of the flow-wide retry policies (FLOW014, FLOW015, FLOW018).
 */
export function checkFlowSettings(context: ValidationContext): void {
  const { flow } = context;
  if (!flow.locales.includes(flow.defaultLocale)) {
    context.report(
      'FLOW019',
      '/defaultLocale',
      `defaultLocale "${flow.defaultLocale}" is not one of the flow's locales (${flow.locales.join(', ')}); add it to locales or pick one of them`,
    );
  }
  const names = new Set<string>();
  flow.variables.forEach((variable, v) => {
    if (names.has(variable.name)) {
      context.report(
        'FLOW025',
        jsonPointer('variables', v, 'name'),
        `variable "${variable.name}" is declared twice; delete one declaration or rename it`,
      );
    }
    names.add(variable.name);
    if (variable.name === CONTACT_ROOT) {
      context.report(
        'FLOW034',
        jsonPointer('variables', v, 'name'),
        `a variable cannot be named "${CONTACT_ROOT}": that name is the read-only system information about the contact (contact.callerNumber, contact.channel, …); rename the variable`,
      );
    }
  });
  (flow.globalIntents ?? []).forEach((intent, g) => {
    const missing = flow.locales.filter((locale) => (intent.phrases[locale] ?? []).length === 0);
    if (missing.length > 0) {
      context.report(
        'FLOW021',
        jsonPointer('globalIntents', g, 'phrases'),
        `global intent "${intent.id}" has no phrases for ${missing.join(', ')}, so callers using that language cannot trigger it; add phrases`,
      );
    }
  });
  for (const policy of ['noInput', 'noMatch'] as const) {
    (flow.settings?.[policy]?.reprompts ?? []).forEach((prompt, r) =>
      checkPrompt(context, prompt, jsonPointer('settings', policy, 'reprompts', r)),
    );
  }
}
