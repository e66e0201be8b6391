/**
 * Turns a pocketsphinx `sendump` (the quantized, senone-major mixture weights Debian's en-US model ships) back into
 * the Sphinx-III `mixture_weights` file SphinxTrain's `bw` reads: float32 weights indexed [senone][stream][codeword],
 * each senone's weights in a stream normalized to 1. The sendump stores −log₁.₀₀₀₁(weight) >> `mixw_shift` in a byte.
 */
export function sendumpToMixtureWeights(sendump: Uint8Array): Uint8Array {
  const view = new DataView(sendump.buffer, sendump.byteOffset, sendump.byteLength);
  let at = 0;
  const int32 = (): number => {
    const value = view.getInt32(at, true);
    at += 4;
    return value;
  };
  const headers = new Map<string, string>();
  for (;;) {
    const length = int32();
    if (length === 0) break;
    const text = new TextDecoder().decode(sendump.subarray(at, at + length)).replace(/\0$/, '');
    at += length;
    const [key, value] = text.split(' ');
    if (key !== undefined && value !== undefined && /^\d+$/.test(value)) headers.set(key, value);
  }
  if (Number(headers.get('cluster_count') ?? '0') !== 0)
    throw new Error('a clustered sendump (cluster_count > 0) is not supported');
  const streams = Number(headers.get('feature_count') ?? '1');
  const shift = Number(headers.get('mixw_shift') ?? '10');
  const codewords = int32();
  const senones = int32();
  if (at + streams * codewords * senones > sendump.length)
    throw new Error('the sendump is shorter than its header says');
  const weights = new Float32Array(senones * streams * codewords);
  for (let stream = 0; stream < streams; stream++)
    for (let codeword = 0; codeword < codewords; codeword++)
      for (let senone = 0; senone < senones; senone++)
        weights[(senone * streams + stream) * codewords + codeword] = 1.0001 ** -((sendump[at++] ?? 255) << shift);
  for (let row = 0; row < senones * streams; row++) {
    const slice = weights.subarray(row * codewords, (row + 1) * codewords);
    const sum = slice.reduce((a, b) => a + b, 0);
    if (sum > 0) for (let i = 0; i < slice.length; i++) slice[i] = (slice[i] ?? 0) / sum;
  }
  // Sphinx-III binary header: text lines, "endhdr" placed so the data starts on a 4-byte boundary, a byte-order word.
  let header = 's3\nversion 1.0\n';
  const pad = (4 - ((header.length + 'endhdr\n'.length) % 4)) % 4;
  header += `${' '.repeat(pad)}endhdr\n`;
  const out = new Uint8Array(header.length + 4 + 16 + weights.byteLength);
  out.set(new TextEncoder().encode(header), 0);
  const body = new DataView(out.buffer, header.length);
  body.setInt32(0, 0x11223344, true);
  body.setUint32(4, senones, true);
  body.setUint32(8, streams, true);
  body.setUint32(12, codewords, true);
  body.setUint32(16, weights.length, true);
  out.set(new Uint8Array(weights.buffer), header.length + 20);
  return out;
}
