import type { MenuConfig } from './menuSpec.ts';
import type { MatchableChoice } from '../../matching/matchChoice.ts';
import { matchSpokenOrTyped } from '../../matching/matchSpokenOrTyped.ts';
import { renderMenu, type MenuInstructions } from '../../matching/renderMenu.ts';
import type { InteractiveRuntime, NodeScope, RenderedPrompt } from '../../nodeTypes/nodeRuntime.ts';
import type { OutputEvent } from '../../session/sessionEvents.ts';
import { buildJsgfGrammar } from '../../matching/buildJsgfGrammar.ts';
import { isRepeatRequest } from '../../matching/isRepeatRequest.ts';
import { isStrayTerminator } from '../../matching/isStrayTerminator.ts';
import { promptOutputs } from '../promptOutputs.ts';

/** Renders the menu per channel and maps a key, an utterance or typed text to an option's port. */
export const menuRuntime: InteractiveRuntime<MenuConfig> = {
  kind: 'interactive',
  render(config, scope, request) {
    const rendered = scope.prompt(request.reprompt ?? config.prompt);
    const intro = rendered.text;
    // A menu renders the same way for every caller with the same node, intro, channel and locale: reuse it.
    // Compared field by field (a handful of renderings per menu), not through a composed string key built per turn.
    const timeout = scope.settings.noInputTimeoutSeconds;
    const cache = renderCache.get(config);
    const cached = cache?.find(
      (entry) =>
        entry.intro === intro &&
        entry.ssml === rendered.ssml &&
        entry.audio === rendered.audio &&
        entry.nodeId === scope.nodeId &&
        entry.channel === scope.channel &&
        entry.locale === scope.locale &&
        entry.timeout === timeout,
    );
    if (cached) return cached.outputs;
    const outputs = renderFresh(config, scope, rendered);
    const entry: CachedMenu = {
      nodeId: scope.nodeId,
      channel: scope.channel,
      locale: scope.locale,
      timeout,
      intro,
      ssml: rendered.ssml,
      audio: rendered.audio,
      outputs: deepFreeze(outputs),
    };
    if (!cache) renderCache.set(config, [entry]);
    else if (cache.length < 64) cache.push(entry);
    return outputs;
  },
  onInput(config, input, scope) {
    if (input.type === 'dtmf') {
      const key = input.digits.charAt(0);
      if (config.repeatKey !== undefined && key === config.repeatKey) return { type: 'repeat' };
      // Options are 0-9, so a lone `#` is never a choice: a key typed ahead at the node before, not an answer.
      if (isStrayTerminator(input.digits)) return { type: 'ignore' };
      return config.options.some((option) => option.key === key) ? { type: 'port', port: key } : { type: 'noMatch' };
    }
    const matched = matchSpokenOrTyped(input, menuChoices(config, scope), scope);
    const heard = input.type === 'text' ? input.text : input.transcript;
    return matched.type === 'noMatch' && isRepeatRequest(heard, scope.locale) ? { type: 'repeat' } : matched;
  },
};

/** One cached rendering of a menu and what it depends on besides the config. */
interface CachedMenu {
  nodeId: string;
  channel: string;
  locale: string;
  timeout: number | undefined;
  intro: string;
  ssml: string | undefined;
  audio: string | undefined;
  outputs: readonly OutputEvent[];
}

const renderCache = new WeakMap<MenuConfig, CachedMenu[]>();

function renderFresh(config: MenuConfig, scope: NodeScope, intro: RenderedPrompt): OutputEvent[] {
  const options = config.options.map((option) => ({ key: option.key, label: scope.text(option.label) }));
  const menu = renderMenu(options, scope.channel, scope.locale, intro.text, {
    ...(config.repeatKey === undefined ? {} : { repeatKey: config.repeatKey }),
    instructions: menuInstructions(config, scope),
  });
  const choices = menuChoices(config, scope);
  return promptOutputs(
    scope,
    menu.text,
    {
      dtmf: { minDigits: 1, maxDigits: 1 },
      grammar:
        scope.channel === 'voice'
          ? buildJsgfGrammar(
              {
                name: 'menu',
                taggedChoices: choices.map((choice) => ({
                  tag: choice.key,
                  phrases: [choice.label, ...choice.synonyms],
                })),
                keys: choices.map((choice) => choice.key),
              },
              scope.locale,
            )
          : null,
      choices: menu.choices,
      sensitive: false,
      bargeIn: config.bargeIn ?? true,
      ...(config.endOfSpeechMs === undefined ? {} : { endOfSpeechMs: config.endOfSpeechMs }),
    },
    intro,
  );
}

/** The config's instructions setting as renderMenu takes it; custom text is resolved in the scope's locale. */
function menuInstructions(config: MenuConfig, scope: NodeScope): MenuInstructions {
  if (config.instructions === 'custom' && config.customInstructions !== undefined)
    return { custom: scope.prompt(config.customInstructions).text };
  return config.instructions === 'off' ? 'off' : 'auto';
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The options as matchable choices in the scope's locale. */
function menuChoices(config: MenuConfig, scope: NodeScope): MatchableChoice[] {
  return config.options.map((option) => ({
    key: option.key,
    label: scope.text(option.label),
    synonyms: option.synonyms?.[scope.locale] ?? option.synonyms?.[scope.defaultLocale] ?? [],
  }));
}
