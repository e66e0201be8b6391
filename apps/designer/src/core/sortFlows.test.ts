import { describe, expect, it } from 'vitest';
import type { FlowSummary } from '../api/runtimeClient.ts';
import { sortFlows } from './sortFlows.ts';

const flows: FlowSummary[] = [
  {
    id: 'card-activation',
    name: 'Card activation',
    revision: 3,
    updatedAt: '2026-12-01T10:00:00.000Z',
    publishedVersion: 2,
  },
  {
    id: 'bank-main-menu',
    name: 'Bank main menu',
    revision: 1,
    updatedAt: '2026-12-05T10:00:00.000Z',
    publishedVersion: null,
  },
  {
    id: 'survey-x1',
    name: 'After-call survey',
    revision: 1,
    updatedAt: '2026-11-20T10:00:00.000Z',
    publishedVersion: 1,
  },
];
const ids = (list: FlowSummary[]) => list.map((f) => f.id);

describe('sortFlows', () => {
  it('puts the last edited flow first by default', () => {
    expect(ids(sortFlows(flows, '', 'edited'))).toEqual(['bank-main-menu', 'card-activation', 'survey-x1']);
  });

  it('sorts by name and puts published flows first on request', () => {
    expect(ids(sortFlows(flows, '', 'name'))).toEqual(['survey-x1', 'bank-main-menu', 'card-activation']);
    expect(ids(sortFlows(flows, '', 'status'))).toEqual(['survey-x1', 'card-activation', 'bank-main-menu']);
  });

  it('keeps only flows whose name or id contains the query, in any case', () => {
    expect(ids(sortFlows(flows, 'CARD', 'edited'))).toEqual(['card-activation']);
    expect(ids(sortFlows(flows, 'x1', 'edited'))).toEqual(['survey-x1']);
  });
});
