import { describe, expect, it } from 'vitest';
import type { HandlerArgs } from '@omniflow/flow-engine';
import { createFlightHandlers } from './flightHandlers.ts';

const quiet = (): void => undefined;

function call(args: Record<string, unknown>): HandlerArgs {
  return {
    config: {},
    variables: {},
    args,
    secret: () => undefined,
    signal: new AbortController().signal,
    logger: { info: quiet, warn: quiet, error: quiet },
    idempotencyKey: 's:n:1',
    session: { id: 's', channel: 'voice', locale: 'en-US' },
  };
}

describe('example flight handlers', () => {
  it('find a booking by calling number in any format and offer the next flight the same day', async () => {
    const { lookupCustomer } = createFlightHandlers();
    expect(await lookupCustomer(call({ phone: '(415) 555-0142', reference: '' }))).toEqual({
      port: 'success',
      variables: {
        name: 'Maria Santos',
        reference: '246810',
        cancelledFlight: 'OA 211',
        nextFlight: 'OA 213',
        nextDeparture: '2026-12-01 13:40',
      },
    });
  });

  it('roll the offer to the next morning after a late cancellation, and miss unknown callers', async () => {
    const { lookupCustomer } = createFlightHandlers();
    const late = await lookupCustomer(call({ phone: '', reference: '802468' }));
    expect(late.variables).toMatchObject({ nextFlight: 'OA 350', nextDeparture: '2026-12-03 08:20' });
    expect(await lookupCustomer(call({ phone: '+1 000 000 0000', reference: '' }))).toEqual({ port: 'notFound' });
  });

  it('search another day, refusing sold-out days and days before the cancellation', async () => {
    const { searchByDate } = createFlightHandlers();
    expect(await searchByDate(call({ reference: '246810', date: '2026-12-05' }))).toEqual({
      port: 'success',
      variables: { flight: 'OA 211', departure: '2026-12-05 11:05' },
    });
    expect((await searchByDate(call({ reference: '246810', date: '2026-12-25' }))).port).toBe('noFlights');
    expect((await searchByDate(call({ reference: '246810', date: '2026-11-01' }))).port).toBe('noFlights');
  });

  it('rebook with a confirmation code that a re-run repeats', async () => {
    const handlers = createFlightHandlers();
    const first = await handlers.rebook(call({ reference: '246810', flight: 'OA 213' }));
    expect(first.port).toBe('success');
    expect(await handlers.rebook(call({ reference: '246810', flight: 'OA 213' }))).toEqual(first);
    expect(handlers.rebookings.get('246810')).toBe('OA 213');
    expect((await handlers.rebook(call({ reference: '999999', flight: 'OA 213' }))).port).toBe('error');
  });
});
