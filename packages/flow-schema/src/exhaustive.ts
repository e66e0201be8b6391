/** Marks the unreachable end of a switch over a union; the compiler proves every member is handled. */
export function exhaustive(value: never): never {
  throw new Error(`Unhandled case ${JSON.stringify(value)}; add a branch for it`);
}
