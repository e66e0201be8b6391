import { createHash } from 'node:crypto';
import type { HandlerArgs, HandlerResult, NodeHandler, NodeTypeRegistry } from '@omniflow/flow-engine';
import flightData from './flightData.json' with { type: 'json' };

/** The booking data the example flight handlers serve (see `flightData.json`). */
export type FlightData = typeof flightData;

type Booking = FlightData['bookings'][number];

/** The three named handlers the flight-rebooking example's transaction nodes call, and the rebookings made. */
export interface FlightHandlers {
  lookupCustomer: NodeHandler;
  searchByDate: NodeHandler;
  rebook: NodeHandler;
  /** Booking reference → flight rebooked onto, for tests to inspect. */
  rebookings: Map<string, string>;
}

/** Creates the example flight handlers over `data` (the bundled sample data by default). */
export function createFlightHandlers(data: FlightData = flightData): FlightHandlers {
  const rebookings = new Map<string, string>();

  const findBooking = (args: HandlerArgs): Booking | undefined => {
    const reference = text(args.args.reference);
    if (reference !== '') return data.bookings.find((b) => b.reference === reference);
    const phone = lastDigits(text(args.args.phone));
    return phone === '' ? undefined : data.bookings.find((b) => lastDigits(b.phone) === phone);
  };

  /** Finds the caller's booking by booking reference, else by calling number; `notFound` otherwise. */
  const lookupCustomer: NodeHandler = async (args) => {
    const booking = findBooking(args);
    if (booking === undefined) return { port: 'notFound' };
    const [date = '', time = ''] = booking.cancelledDeparture.split('T');
    const next = firstFlight(data, booking.route, date, time) ?? firstFlight(data, booking.route, addDays(date, 1), '');
    if (next === undefined) return { port: 'error' };
    return {
      port: 'success',
      variables: {
        name: booking.name,
        reference: booking.reference,
        cancelledFlight: booking.cancelledFlight,
        nextFlight: next.flight,
        nextDeparture: next.departure,
      },
    };
  };

  /** Offers the first flight of the booking's route on the asked date; `noFlights` if sold out or too early. */
  const searchByDate: NodeHandler = async (args) => {
    const booking = findBooking(args);
    if (booking === undefined) return { port: 'error' };
    const date = text(args.args.date).slice(0, 10);
    const cancelledDate = booking.cancelledDeparture.slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date < cancelledDate || data.soldOutDates.includes(date)) {
      return { port: 'noFlights' };
    }
    const found = firstFlight(
      data,
      booking.route,
      date,
      date === cancelledDate ? booking.cancelledDeparture.slice(11) : '',
    );
    return found === undefined
      ? { port: 'noFlights' }
      : { port: 'success', variables: { flight: found.flight, departure: found.departure } };
  };

  /** Moves the booking onto the flight; the confirmation code is derived, so a re-run answers the same. */
  const rebook: NodeHandler = async (args): Promise<HandlerResult> => {
    const reference = text(args.args.reference);
    const flight = text(args.args.flight);
    if (!data.bookings.some((b) => b.reference === reference) || flight === '') return { port: 'error' };
    rebookings.set(reference, flight);
    const confirmation = createHash('sha256').update(`${reference}:${flight}`).digest('hex').slice(0, 6).toUpperCase();
    return { port: 'success', variables: { confirmation } };
  };

  return { lookupCustomer, searchByDate, rebook, rebookings };
}

/** Registers `flights.lookupCustomer`, `flights.searchByDate` and `flights.rebook` with a registry. */
export function registerFlightHandlers(
  registry: NodeTypeRegistry,
  handlers: FlightHandlers = createFlightHandlers(),
): FlightHandlers {
  for (const [name, handler] of Object.entries(namedFlightHandlers(handlers))) registry.registerHandler(name, handler);
  return handlers;
}

/** The handlers under the names the flight-rebooking example's transaction nodes call them by. */
export function namedFlightHandlers(handlers: FlightHandlers): Record<string, NodeHandler> {
  return {
    'flights.lookupCustomer': handlers.lookupCustomer,
    'flights.searchByDate': handlers.searchByDate,
    'flights.rebook': handlers.rebook,
  };
}

function firstFlight(
  data: FlightData,
  route: string,
  date: string,
  after: string,
): { flight: string; departure: string } | undefined {
  const schedule = Object.entries(data.schedules).find(([name]) => name === route)?.[1] ?? [];
  const slot = schedule.find((s) => s.time > after);
  return slot === undefined ? undefined : { flight: slot.flight, departure: `${date} ${slot.time}` };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

function lastDigits(phone: string): string {
  return phone.replace(/\D/g, '').slice(-10);
}
