import { createHash } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { CoreBankingDatabase } from './coreBankingDatabase.ts';
import { PIN_REJECTION_REASONS, checkPin, hashPin } from './pinPolicy.ts';

/** A JSON reply computed by an operation: the HTTP status and the body. */
interface Reply {
  status: number;
  body: Record<string, unknown>;
}

/** What the service needs besides its database. */
export interface CoreBankingAppOptions {
  apiKey: string;
  /** Injected so replacement dates are testable. */
  now: () => Date;
  /** Business days until a replacement card arrives. */
  replacementBusinessDays: number;
  /**
   * Holds the reply of every state-changing request this long after its change is committed (default 0): a slow
   * network or bank, during which a caller may die with the change done but unanswered (crash-recovery tests).
   */
  replyDelayMs?: number;
}

interface CustomerRow {
  id: string;
  name: string;
  date_of_birth: string;
  currency: string;
  balance_minor: number;
}

interface CardRow {
  customer_id: string;
  last_four: string;
  status: 'active' | 'inactive' | 'lost';
  replacement_eta: string | null;
}

/** Builds the core-banking express app over an open database. */
export function createCoreBankingApp(db: CoreBankingDatabase, options: CoreBankingAppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '16kb' }));
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.use('/v1', (req, res, next) => {
    if (req.get('x-api-key') !== options.apiKey) {
      res.status(401).json({ error: 'unauthorized', reason: 'Send a valid API key in the x-api-key header.' });
      return;
    }
    next();
  });

  const customer = (id: string): CustomerRow | undefined =>
    db.prepare<[string], CustomerRow>('SELECT * FROM customers WHERE id = ?').get(id);
  const card = (customerId: string, lastFour: string): CardRow | undefined =>
    db
      .prepare<[string, string], CardRow>('SELECT * FROM cards WHERE customer_id = ? AND last_four = ?')
      .get(customerId, lastFour);

  app.post('/v1/customers/verify', (req, res) => {
    const lastFour = stringField(req.body, 'cardLastFour');
    const dateOfBirth = stringField(req.body, 'dateOfBirth');
    if (lastFour === null || dateOfBirth === null) {
      send(res, badRequest('Send cardLastFour and dateOfBirth (YYYY-MM-DD) as strings.'));
      return;
    }
    const match = db
      .prepare<[string, string], CustomerRow>(
        `SELECT customers.* FROM customers JOIN cards ON cards.customer_id = customers.id
         WHERE cards.last_four = ? AND customers.date_of_birth = ? LIMIT 1`,
      )
      .get(lastFour, dateOfBirth);
    send(res, {
      status: 200,
      body: match === undefined ? { verified: false } : { verified: true, customerId: match.id, name: match.name },
    });
  });

  app.get('/v1/customers/:id/balance', (req, res) => {
    const c = customer(req.params.id);
    send(
      res,
      c === undefined
        ? notFound('customer')
        : { status: 200, body: { customerId: c.id, balance: c.balance_minor / 100, currency: c.currency } },
    );
  });

  app.get('/v1/customers/:id/transactions', (req, res) => {
    const c = customer(req.params.id);
    if (c === undefined) {
      send(res, notFound('customer'));
      return;
    }
    const requested = Number(req.query.count ?? 5);
    const count = Number.isInteger(requested) ? Math.min(Math.max(requested, 1), 20) : 5;
    const rows = db
      .prepare<[string, number], { posted_at: string; description: string; amount_minor: number }>(
        'SELECT posted_at, description, amount_minor FROM transactions WHERE customer_id = ? ORDER BY posted_at DESC, id DESC LIMIT ?',
      )
      .all(c.id, count);
    send(res, {
      status: 200,
      body: {
        customerId: c.id,
        currency: c.currency,
        transactions: rows.map((r) => ({
          date: r.posted_at,
          description: r.description,
          amount: r.amount_minor / 100,
        })),
      },
    });
  });

  app.post('/v1/customers/:id/cards/:lastFour/activate', (req, res) => {
    idempotent(db, req, res, options.replyDelayMs ?? 0, () => {
      const k = card(req.params.id, req.params.lastFour);
      if (k === undefined) return notFound('card');
      if (k.status === 'lost')
        return { status: 409, body: { error: 'cardLost', reason: 'This card was reported lost.' } };
      if (k.status === 'active')
        return { status: 409, body: { error: 'alreadyActive', reason: 'The card is already active.' } };
      db.prepare("UPDATE cards SET status = 'active' WHERE customer_id = ? AND last_four = ?").run(
        k.customer_id,
        k.last_four,
      );
      return { status: 200, body: { status: 'activated', cardLastFour: k.last_four } };
    });
  });

  app.put('/v1/customers/:id/pin', (req, res) => {
    idempotent(db, req, res, options.replyDelayMs ?? 0, () => {
      const c = customer(req.params.id);
      if (c === undefined) return notFound('customer');
      const pin = stringField(req.body, 'pin');
      if (pin === null) return badRequest('Send the new PIN as a string field "pin".');
      const lastFour = stringField(req.body, 'cardLastFour');
      const rejection = checkPin(pin, c.date_of_birth);
      if (rejection !== null) {
        return {
          status: 422,
          body: { error: 'pinRejected', code: rejection, reason: PIN_REJECTION_REASONS[rejection] },
        };
      }
      const result =
        lastFour === null
          ? db
              .prepare("UPDATE cards SET pin_hash = ? WHERE customer_id = ? AND status != 'lost'")
              .run(hashPin(pin), c.id)
          : db
              .prepare('UPDATE cards SET pin_hash = ? WHERE customer_id = ? AND last_four = ?')
              .run(hashPin(pin), c.id, lastFour);
      if (result.changes === 0) return notFound('card');
      return { status: 200, body: { status: 'pinSet', cards: result.changes } };
    });
  });

  app.post('/v1/customers/:id/cards/:lastFour/lost', (req, res) => {
    idempotent(db, req, res, options.replyDelayMs ?? 0, () => {
      const k = card(req.params.id, req.params.lastFour);
      if (k === undefined) return notFound('card');
      if (k.status === 'lost' && k.replacement_eta !== null) {
        return { status: 200, body: { status: 'alreadyReported', replacementEta: k.replacement_eta } };
      }
      const eta = addBusinessDays(options.now(), options.replacementBusinessDays);
      db.prepare("UPDATE cards SET status = 'lost', replacement_eta = ? WHERE customer_id = ? AND last_four = ?").run(
        eta,
        k.customer_id,
        k.last_four,
      );
      return {
        status: 200,
        body: { status: 'reported', replacementEta: eta, businessDays: options.replacementBusinessDays },
      };
    });
  });

  app.use((_req, res) => {
    send(res, { status: 404, body: { error: 'notFound', reason: 'No such endpoint.' } });
  });
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status =
      typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' ? err.status : 500;
    send(
      res,
      status < 500 ? badRequest('The request body is not valid JSON.') : { status, body: { error: 'internal' } },
    );
  });
  return app;
}

function send(res: Response, reply: Reply): void {
  res.status(reply.status).json(reply.body);
}

function notFound(what: string): Reply {
  return { status: 404, body: { error: 'notFound', reason: `No such ${what}.` } };
}

function badRequest(reason: string): Reply {
  return { status: 400, body: { error: 'badRequest', reason } };
}

function stringField(body: unknown, name: string): string | null {
  if (typeof body !== 'object' || body === null || !(name in body)) return null;
  const value: unknown = Reflect.get(body, name);
  return typeof value === 'string' ? value : null;
}

/**
 * Runs a state-changing operation at most once per `Idempotency-Key`: the first reply is stored with the key
 * in the same transaction as the change, and a retry with that key gets the stored reply and changes nothing.
 */
function idempotent(
  db: CoreBankingDatabase,
  req: Request,
  res: Response,
  replyDelayMs: number,
  operation: () => Reply,
): void {
  const reply = committedReply(db, req, operation);
  if (replyDelayMs > 0) setTimeout(() => send(res, reply), replyDelayMs);
  else send(res, reply);
}

/** Runs the operation in a transaction, honouring the request's `Idempotency-Key`; the reply is sent by the caller. */
function committedReply(db: CoreBankingDatabase, req: Request, operation: () => Reply): Reply {
  const key = req.get('idempotency-key');
  if (key === undefined || key === '') return db.transaction(operation)();
  // A fingerprint, not the body itself, is stored: the body of a PIN change holds the PIN.
  const fingerprint = createHash('sha256')
    .update(`${req.method} ${req.path} ${JSON.stringify(req.body ?? null)}`)
    .digest('hex');
  return db.transaction((): Reply => {
    const stored = db
      .prepare<[string], { fingerprint: string; status: number; body: string }>(
        'SELECT fingerprint, status, body FROM idempotent_responses WHERE key = ?',
      )
      .get(key);
    if (stored !== undefined) {
      if (stored.fingerprint !== fingerprint) {
        return {
          status: 422,
          body: { error: 'idempotencyKeyReused', reason: 'This Idempotency-Key was used for a different request.' },
        };
      }
      const body: unknown = JSON.parse(stored.body);
      return { status: stored.status, body: typeof body === 'object' && body !== null ? { ...body } : {} };
    }
    const fresh = operation();
    if (fresh.status < 500) {
      db.prepare(
        'INSERT INTO idempotent_responses (key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(key, fingerprint, fresh.status, JSON.stringify(fresh.body), new Date().toISOString());
    }
    return fresh;
  })();
}

/** `YYYY-MM-DD` of the date `days` business days (Mon–Fri) after `from`, in UTC. */
function addBusinessDays(from: Date, days: number): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}
