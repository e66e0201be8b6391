/** The mask shown in place of sensitive values. */
export const MASK = '****';
