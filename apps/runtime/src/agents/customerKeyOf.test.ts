import { MASK } from '@omniflow/flow-engine';
import { describe, expect, it } from 'vitest';
import { customerKeyOf } from './customerKeyOf.ts';

describe('customerKeyOf (issue 15 masking, issue 16 desk)', () => {
  it('links hand-overs by the verified customer, else by the flow variable', () => {
    expect(customerKeyOf({ contact: { customerId: 'C-1' }, variables: { customerId: 'C-2' } })).toBe('customer:C-1');
    expect(customerKeyOf({ contact: { customerId: null }, variables: { customerId: 'C-2' } })).toBe('customer:C-2');
  });

  it('never links customers by a masked id, which every masked customer shares', () => {
    expect(customerKeyOf({ contact: { customerId: MASK }, variables: {} })).toBeNull();
    expect(customerKeyOf({ contact: { customerId: MASK }, variables: { customerId: MASK } })).toBeNull();
    expect(customerKeyOf({ contact: { customerId: MASK }, variables: { customerId: 'C-3' } })).toBe('customer:C-3');
  });
});
