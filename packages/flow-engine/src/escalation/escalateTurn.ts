import { exhaustive } from '@omniflow/flow-schema';
import type { EngineEvent } from '../compile/engineContext.ts';
import { hasCjk, normalizeText } from '../matching/normalizeText.ts';
import type { InputEvent } from '../session/sessionEvents.ts';
import { CALM, MOOD_MEMORY, type CallerMood } from './callerMood.ts';
import type { CompiledEscalation } from './compileEscalations.ts';

/** The caller's mood after a turn, and the escalation that turn tripped (if any). */
export interface EscalatedTurn {
  mood: CallerMood;
  /** The `escalate.<rule id>` event that replaces the turn's own event, or null. */
  escalate: EngineEvent | null;
}

/**
 * Folds one caller turn into the mood (its sentiment, as the session scored it, and whether the node found no match) and
 * checks the flow's escalation rules in order; the first rule that holds and has not fired yet fires.
 */
export function escalateTurn(
  escalations: readonly CompiledEscalation[],
  before: CallerMood | undefined,
  input: InputEvent,
  decided: EngineEvent,
  turn: { locale: string; sentiment: number | null },
): EscalatedTurn {
  const { locale } = turn;
  const mood = nextMood(before ?? CALM, turn.sentiment, decided);
  let heard: string | undefined;
  for (const { rule, phrases } of escalations) {
    if (mood.fired.includes(rule.id)) continue;
    const when = rule.when;
    let holds: boolean;
    switch (when.kind) {
      case 'sentiment':
        holds =
          mood.recent.length >= when.turns && mood.recent.slice(-when.turns).every((score) => score <= when.atMost);
        break;
      case 'noMatch':
        holds = mood.noMatchRun >= when.count;
        break;
      case 'phrases':
        heard ??= normalizeText(textOf(input), locale);
        holds = heard !== '' && phrases.some((phrase) => saysPhrase(heard ?? '', phrase));
        break;
      default:
        holds = exhaustive(when);
    }
    if (holds) {
      // A rule fires once, and the runs start again: a caller sent to the complaints desk is not sent there again.
      return {
        mood: { ...mood, recent: [], noMatchRun: 0, fired: [...mood.fired, rule.id] },
        escalate: { type: `escalate.${rule.id}` },
      };
    }
  }
  return { mood, escalate: null };
}

function nextMood(mood: CallerMood, score: number | null, decided: EngineEvent): CallerMood {
  const sentiment = score === null ? null : clamp(score);
  const recent = sentiment === null ? mood.recent : [...mood.recent, sentiment].slice(-MOOD_MEMORY);
  return {
    last: sentiment ?? mood.last,
    recent,
    noMatchRun: noMatchRun(mood.noMatchRun, decided),
    fired: mood.fired,
  };
}

/** A no match (or an invalid answer) extends the run; a silence, a repeat request or a stray key leaves it; an answer ends it. */
function noMatchRun(run: number, decided: EngineEvent): number {
  if (decided.type === 'port.noMatch') return run + 1;
  if (decided.type === 'retry') return decided.reason === 'noMatch' || decided.reason === 'invalid' ? run + 1 : run;
  if (decided.type === 'port.noInput' || decided.type === 'end') return run;
  return 0;
}

function textOf(input: InputEvent): string {
  return input.type === 'text' ? input.text : input.type === 'speech' ? input.transcript : '';
}

/** Chinese and Korean phrases match anywhere (no spaces between words); others match whole words. */
function saysPhrase(heard: string, phrase: string): boolean {
  if (hasCjk(phrase)) return heard.includes(phrase);
  return ` ${heard} `.includes(` ${phrase} `);
}

function clamp(score: number): number {
  return Number.isFinite(score) ? Math.max(-1, Math.min(1, score)) : 0;
}
