import type { FlowDocument } from '@omniflow/flow-schema';
import { buildTestFlow, en } from '../testing/buildTestFlow.ts';

/** A small flow for the flow-test modules' own tests: a menu, a keyed reference, a back-end lookup, an agent. */
export function flowTestFixture(): FlowDocument {
  return buildTestFlow(
    [
      { id: 'start', type: 'start', to: { next: 'menu' } },
      {
        id: 'menu',
        type: 'menu',
        config: {
          prompt: en('Main menu.'),
          options: [
            { key: '1', label: { 'en-US': 'booking' }, synonyms: { 'en-US': ['my booking'] } },
            { key: '2', label: { 'en-US': 'agent' } },
          ],
        },
        to: { '1': 'ask', '2': 'agent', noInput: 'agent', noMatch: 'agent' },
      },
      {
        id: 'ask',
        type: 'ask',
        config: {
          prompt: en('Booking reference?'),
          variable: 'reference',
          slot: { type: 'digits', minLength: 3, maxLength: 3 },
        },
        to: { next: 'find', noInput: 'agent', noMatch: 'agent' },
      },
      {
        id: 'find',
        type: 'transaction',
        config: {
          handler: 'findBooking',
          args: { ref: 'reference' },
          results: { passenger: 'name' },
          outcomes: ['cancelled'],
        },
        to: { success: 'found', cancelled: 'cancelled', error: 'agent', timeout: 'agent' },
      },
      { id: 'found', type: 'end', config: { prompt: en('Welcome back, {{passenger}}.'), outcome: 'served' } },
      { id: 'cancelled', type: 'end', config: { prompt: en('That booking was cancelled.'), outcome: 'cancelled' } },
      { id: 'agent', type: 'transfer', config: { queue: 'bookings' } },
    ],
    {
      variables: [
        { name: 'reference', type: 'string' },
        { name: 'passenger', type: 'string' },
      ],
      tests: [
        {
          id: 'found',
          name: 'finds a booking',
          mocks: { find: { variables: { passenger: 'Kim' } } },
          steps: [
            { expectPrompt: 'main menu' },
            { choose: '1' },
            { expectNode: 'ask' },
            { digits: '123' },
            { expectPrompt: 'Welcome back, Kim' },
            { expectVariable: { name: 'reference', equals: '123' } },
            { expectEnd: { outcome: 'served' } },
          ],
        },
        {
          id: 'agent',
          name: 'asks for an agent',
          steps: [{ choose: 'agent' }, { expectTransfer: { queue: 'bookings' } }],
        },
      ],
    },
  );
}
