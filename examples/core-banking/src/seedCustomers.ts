/** A card as seeded into a fresh database. */
export interface SeedCard {
  lastFour: string;
  status: 'active' | 'inactive';
}

/** A customer as seeded into a fresh database; amounts are in minor units (cents, fen, won). */
export interface SeedCustomer {
  id: string;
  name: string;
  dateOfBirth: string;
  currency: string;
  balanceMinor: number;
  cards: SeedCard[];
  transactions: { postedAt: string; description: string; amountMinor: number }[];
}

/**
 * The customers every fresh core-banking database starts with. The example flows and their tests identify
 * callers with these cards and dates of birth, so change them together.
 */
export const SEED_CUSTOMERS: readonly SeedCustomer[] = [
  {
    id: 'C-1001',
    name: 'Alice Chen',
    dateOfBirth: '1985-03-14',
    currency: 'USD',
    balanceMinor: 245_075,
    cards: [
      { lastFour: '4821', status: 'inactive' },
      { lastFour: '9034', status: 'active' },
    ],
    transactions: [
      { postedAt: '2026-11-20', description: 'Grocery Mart', amountMinor: -8_412 },
      { postedAt: '2026-11-18', description: 'Salary', amountMinor: 320_000 },
      { postedAt: '2026-11-15', description: 'City Power', amountMinor: -11_250 },
      { postedAt: '2026-11-12', description: 'Coffee House', amountMinor: -475 },
    ],
  },
  {
    id: 'C-1002',
    name: '王宝',
    dateOfBirth: '1990-07-02',
    currency: 'CNY',
    balanceMinor: 1_820_000,
    cards: [{ lastFour: '5566', status: 'active' }],
    transactions: [
      { postedAt: '2026-11-21', description: '超市', amountMinor: -12_800 },
      { postedAt: '2026-11-19', description: '工资', amountMinor: 1_500_000 },
    ],
  },
  {
    id: 'C-1003',
    name: '김민준',
    dateOfBirth: '1978-11-30',
    currency: 'KRW',
    balanceMinor: 1_250_000,
    cards: [{ lastFour: '7312', status: 'inactive' }],
    transactions: [{ postedAt: '2026-11-22', description: '편의점', amountMinor: -4_500 }],
  },
  {
    id: 'C-1004',
    name: 'David Okafor',
    dateOfBirth: '1969-01-05',
    currency: 'USD',
    balanceMinor: 31_240,
    cards: [{ lastFour: '3090', status: 'active' }],
    transactions: [
      { postedAt: '2026-11-23', description: 'Fuel Station', amountMinor: -5_600 },
      { postedAt: '2026-11-10', description: 'Refund', amountMinor: 1_999 },
      { postedAt: '2026-11-02', description: 'Rent', amountMinor: -120_000 },
    ],
  },
];
