/** Marks a switch over a union as complete: adding a member without handling it fails to compile. */
export function exhaustive(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}; handle it in the switch`);
}
