import { afterEach } from 'vitest';
import { campaignStoreContract } from './campaignStoreContract.ts';
import { SqliteCampaignStore } from './SqliteCampaignStore.ts';

const stores: SqliteCampaignStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

campaignStoreContract('SqliteCampaignStore', async () => {
  const store = SqliteCampaignStore.open(':memory:');
  stores.push(store);
  return store;
});
