/** Marks the end of a switch over a union: the compiler proves it unreachable; at run time it names the stray value. */
export function exhaustive(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}; add a branch for it`);
}
