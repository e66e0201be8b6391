export { startCoreBanking, DEFAULT_CORE_BANKING_API_KEY } from './startCoreBanking.ts';
export type { CoreBankingOptions, CoreBankingService } from './startCoreBanking.ts';
export { SEED_CUSTOMERS } from './seedCustomers.ts';
export type { SeedCustomer, SeedCard } from './seedCustomers.ts';
export { checkPin, PIN_REJECTION_REASONS } from './pinPolicy.ts';
export type { PinRejection } from './pinPolicy.ts';
