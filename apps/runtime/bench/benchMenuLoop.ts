/** The benchmark's flow: a two-option chat menu that loops forever, so every turn is a menu answer. */
export const benchMenuLoop = {
  id: 'bench',
  name: 'Bench menu loop',
  schemaVersion: 1,
  locales: ['en-US'],
  defaultLocale: 'en-US',
  variables: [],
  start: 'start',
  nodes: [
    { id: 'start', type: 'start', config: {} },
    {
      id: 'menu',
      type: 'menu',
      config: {
        prompt: { text: { 'en-US': 'Main menu. Balance or cards?' } },
        options: [
          { key: '1', label: { 'en-US': 'Balance' } },
          { key: '2', label: { 'en-US': 'Cards' } },
        ],
      },
    },
    { id: 'balance', type: 'message', config: { prompt: { text: { 'en-US': 'Your balance is fine.' } } } },
    { id: 'cards', type: 'message', config: { prompt: { text: { 'en-US': 'Your cards are fine.' } } } },
  ],
  edges: [
    { source: 'start', port: 'next', target: 'menu' },
    { source: 'menu', port: '1', target: 'balance' },
    { source: 'menu', port: '2', target: 'cards' },
    { source: 'balance', port: 'next', target: 'menu' },
    { source: 'cards', port: 'next', target: 'menu' },
  ],
};
