import { now, request, voiceCallSetup } from './voiceCallSetup.ts';

const TURN = '#voiceCall.live.call.turn';
/** Caller audio feeds the detectors in every state but `closing` (the call is over for the caller). */
const HEAR = { audio: { actions: 'hearAudio' } } as const;
/** Keys pressed while no prompt listens are kept for the next one (type-ahead). */
const TYPE_AHEAD = { key: { actions: 'typeAhead' } } as const;

/**
 * One voice call as a statechart: `idle` → `live` (the `call` region: `turn` → `listening` (`prompt` → `waiting`)
 * → `recognizing` → `turn` … → `closing`, beside the `playback` region: `silent` ⇄ `playing`) → `ended` or
 * `hungUp`. Its delays run on the call's audio clock (`AudioClock`), given as the actor's `clock`.
 */
export const voiceCallMachine = voiceCallSetup.createMachine({
  id: 'voiceCall',
  context: ({ input }) => ({
    io: input,
    locale: input.options.locale,
    expectation: null,
    speechEnabled: false,
    listenStartMs: 0,
    marks: [],
    markCount: 0,
    playbackEndsAtMs: 0,
    inbandDtmf: true,
    end: { reason: 'completed' },
    input: null,
    utterance: { audio: new Int16Array(0), lastVoiceAtMs: 0 },
  }),
  initial: 'idle',
  // Handlers here are met from every region of `live` at once; only those that must run once per event live here.
  on: {
    outOfBandKey: { actions: 'useOutOfBandKeys' },
    markPlayed: { actions: 'notePlayed' },
    // A session that has already ended (its goodbye still playing) is not told.
    hangup: [
      { guard: 'sessionOver', target: '.hungUp' },
      { target: '.hungUp', actions: 'tellSessionHangup' },
    ],
  },
  states: {
    idle: { on: { start: 'live', ...HEAR, ...TYPE_AHEAD } },
    live: {
      type: 'parallel',
      states: {
        call: {
          initial: 'turn',
          states: {
            turn: {
              entry: ['stopInputs', 'logInput'],
              invoke: {
                src: 'runTurn',
                input: ({ context: { io, input } }) => ({
                  session: io.options.session,
                  input,
                  synthesizer: io.options.synthesizer,
                  signal: io.abort.signal,
                  now: () => io.clock.now(),
                  onTurn: io.options.onTurn,
                }),
              },
              on: {
                ...HEAR,
                ...TYPE_AHEAD,
                'turn.said': {
                  actions: {
                    type: 'report',
                    params: ({ event }) => ({
                      type: 'audioSent',
                      atMs: event.atMs,
                      text: event.text,
                      durationMs: event.durationMs,
                    }),
                  },
                },
                'turn.done': [
                  { guard: 'turnEnds', target: 'closing', actions: ['takeTurn', 'warnIfStillActive'] },
                  { target: 'listening', actions: 'takeTurn' },
                ],
                'turn.failed': {
                  target: '#voiceCall.ended',
                  actions: [
                    {
                      type: 'logFailure',
                      params: ({ event }) => ({ error: event.error, message: 'voice call failed' }),
                    },
                    'failed',
                  ],
                },
              },
            },
            listening: {
              type: 'parallel',
              entry: 'listenFor',
              on: {
                ...HEAR,
                speechPause: { actions: 'speculate' },
                speechEnd: {
                  target: 'recognizing',
                  actions: [
                    {
                      type: 'report',
                      params: ({ event }) => ({
                        type: 'speechEnd',
                        atMs: event.atMs,
                        lastVoiceAtMs: event.lastVoiceAtMs,
                      }),
                    },
                    'takeUtterance',
                  ],
                },
                speechTimeout: {
                  target: TURN,
                  actions: [
                    { type: 'report', params: ({ event }) => ({ type: 'noInput', atMs: event.atMs }) },
                    { type: 'submit', params: { type: 'noInput' } },
                  ],
                },
                'audio.heard': { actions: 'writeStream' },
              },
              states: {
                progress: {
                  initial: 'prompt',
                  states: {
                    prompt: {
                      always: { guard: 'nothingPlaying', target: 'waiting' },
                      on: {
                        key: [
                          {
                            guard: 'mayInterrupt',
                            target: 'waiting',
                            actions: [{ type: 'bargeIn', params: 'dtmf' }, 'silencePlayback', 'repeatEvent'],
                          },
                          // A prompt that may not be interrupted keeps the key for when it has finished (type-ahead).
                          { actions: 'typeAhead' },
                        ],
                        'keys.entry': {
                          target: 'waiting',
                          actions: [{ type: 'bargeIn', params: 'dtmf' }, 'silencePlayback', 'repeatEvent'],
                        },
                        speechStart: {
                          target: 'waiting',
                          actions: [
                            { type: 'report', params: ({ event }) => ({ type: 'speechStart', atMs: event.atMs }) },
                            { type: 'bargeIn', params: 'speech' },
                            'silencePlayback',
                            'openStream',
                          ],
                        },
                      },
                    },
                    waiting: {
                      entry: 'startListening',
                      on: {
                        key: [
                          {
                            guard: 'singleKey',
                            target: TURN,
                            actions: [
                              'stopSpeech',
                              {
                                type: 'report',
                                params: ({ context, event }) => ({
                                  type: 'dtmf',
                                  atMs: now(context),
                                  digits: event.digit,
                                  reason: 'single',
                                }),
                              },
                              { type: 'submit', params: ({ event }) => ({ type: 'dtmf', digits: event.digit }) },
                            ],
                          },
                          { actions: ['stopSpeech', 'pressKey'] },
                        ],
                        'keys.entry': {
                          target: TURN,
                          actions: [
                            {
                              type: 'report',
                              params: ({ context, event }) => ({
                                type: 'dtmf',
                                atMs: now(context),
                                digits: context.expectation?.sensitive
                                  ? '•'.repeat(event.entry.digits.length)
                                  : event.entry.digits,
                                reason: event.entry.reason,
                              }),
                            },
                            { type: 'submit', params: ({ event }) => ({ type: 'dtmf', digits: event.entry.digits }) },
                          ],
                        },
                        speechStart: {
                          actions: [
                            { type: 'report', params: ({ event }) => ({ type: 'speechStart', atMs: event.atMs }) },
                            'openStream',
                          ],
                        },
                      },
                      initial: 'timing',
                      states: {
                        timing: {
                          // Speech has the detector's own no-input; keys being typed are timed by the keypad region.
                          after: {
                            noInput: {
                              guard: 'noInputDue',
                              target: TURN,
                              actions: [
                                { type: 'report', params: ({ context }) => ({ type: 'noInput', atMs: now(context) }) },
                                { type: 'submit', params: { type: 'noInput' } },
                              ],
                            },
                          },
                          // A key may have ended speech or cleared the keys typed: the no-input check is due again.
                          on: { 'keys.changed': { target: 'timing', reenter: true } },
                        },
                      },
                    },
                  },
                },
                keypad: {
                  initial: 'settling',
                  on: { 'keys.changed': '.settling' },
                  states: {
                    settling: { always: [{ guard: 'digitsTiming', target: 'typing' }, { target: 'quiet' }] },
                    quiet: {},
                    typing: { after: { interDigit: { actions: 'takeTimedOutEntry' } } },
                  },
                },
              },
            },
            recognizing: {
              entry: 'pauseInputs',
              on: { ...HEAR, ...TYPE_AHEAD },
              invoke: {
                src: 'recognizeUtterance',
                input: ({ context }) => ({
                  early: context.io.early,
                  utterance: context.utterance.audio,
                  lastVoiceAtMs: context.utterance.lastVoiceAtMs,
                  request: request(context),
                }),
                onDone: {
                  target: 'turn',
                  actions: [
                    {
                      type: 'report',
                      params: ({ context, event }) => ({
                        type: 'recognized',
                        atMs: now(context),
                        transcript: event.output?.transcript ?? null,
                        confidence: event.output?.confidence ?? 0,
                      }),
                    },
                    // Speech without a usable result goes to the flow as an empty, zero-confidence utterance: its no-match path.
                    {
                      type: 'submit',
                      params: ({ event }) =>
                        event.output
                          ? {
                              type: 'speech',
                              transcript: event.output.transcript,
                              confidence: event.output.confidence,
                              alternatives: event.output.alternatives,
                            }
                          : { type: 'speech', transcript: '', confidence: 0 },
                    },
                  ],
                },
                onError: {
                  target: 'turn',
                  actions: [
                    {
                      type: 'logFailure',
                      params: ({ event }) => ({
                        error: event.error,
                        message: 'speech recognition failed; taking it as no match',
                      }),
                    },
                    {
                      type: 'report',
                      params: ({ context }) => ({
                        type: 'recognized',
                        atMs: now(context),
                        transcript: null,
                        confidence: 0,
                      }),
                    },
                    { type: 'submit', params: { type: 'speech', transcript: '', confidence: 0 } },
                  ],
                },
              },
            },
            closing: {
              // The call is over for the caller (no handlers for audio or keys): the last prompt plays out.
              always: { guard: 'nothingPlaying', target: '#voiceCall.ended' },
            },
          },
        },
        playback: {
          initial: 'silent',
          states: {
            silent: { on: { 'turn.audio': { target: 'playing', actions: ['sendAudio', 'notePlaying'] } } },
            playing: {
              // Until the far end echoes the last mark, or the audio's duration has passed for one that never echoes.
              always: { guard: 'nothingPlaying', target: 'silent' },
              after: { promptEnd: { actions: 'forgetMarks' } },
              on: { 'turn.audio': { target: 'playing', reenter: true, actions: ['sendAudio', 'notePlaying'] } },
            },
          },
        },
      },
    },
    ended: { type: 'final', entry: 'finish' },
    hungUp: { type: 'final', entry: 'hungUp' },
  },
});
