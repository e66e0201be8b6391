import { SqliteFlowStore } from '../store/SqliteFlowStore.ts';
import { describeContactStoreContract } from './contactStoreContract.ts';

describeContactStoreContract('SQLite', async () => SqliteFlowStore.open(':memory:'));
