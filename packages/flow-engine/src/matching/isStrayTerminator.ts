/**
 * Whether a keypad entry holds no key but the end-of-entry key: `''` (a host that strips the terminator) or a lone
 * `#` / the node's own terminator. It is what is left typed ahead after a fixed-length entry completed at its last
 * digit ("1234#" read as "1234", then "#"), so nodes ignore it rather than count a no-match (issue 20).
 */
export function isStrayTerminator(digits: string, terminator = '#'): boolean {
  return digits === '' || digits === '#' || digits === terminator;
}
