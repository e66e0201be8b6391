const BIAS = 0x84;

/** G.711 μ-law encoding of 16-bit linear PCM, one byte per sample (the format of Twilio Media Streams). */
export function mulawEncode(pcm: Int16Array): Uint8Array {
  const out = new Uint8Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) out[i] = mulawEncodeSample(pcm[i] ?? 0);
  return out;
}

/** G.711 μ-law decoding to 16-bit linear PCM. */
export function mulawDecode(bytes: Uint8Array): Int16Array {
  const out = new Int16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = DECODE_TABLE[bytes[i] ?? 0xff] ?? 0;
  return out;
}

/** Encodes one linear sample (-32768..32767) to its μ-law byte, on the 14-bit magnitude as ITU-T G.711 (and sox) do. */
export function mulawEncodeSample(sample: number): number {
  // Round to 14 bits (half up), as sox does before the table lookup.
  let value = Math.min(8191, Math.floor((Math.max(-32768, Math.min(32767, Math.round(sample))) + 2) / 4));
  let mask = 0xff;
  if (value < 0) {
    value = -value;
    mask = 0x7f;
  }
  value = Math.min(value, CLIP_14) + (BIAS >> 2);
  let segment = 0;
  while (segment < 8 && value > SEGMENT_ENDS[segment]!) segment++;
  if (segment >= 8) return 0x7f ^ mask;
  return ((segment << 4) | ((value >> (segment + 1)) & 0x0f)) ^ mask;
}

const CLIP_14 = 8159;
const SEGMENT_ENDS = [0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff, 0x1fff] as const;

/** Decodes one μ-law byte to its linear sample. */
export function mulawDecodeSample(byte: number): number {
  const u = ~byte & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = ((((u & 0x0f) << 3) + BIAS) << exponent) - BIAS;
  return u & 0x80 ? -magnitude : magnitude;
}

const DECODE_TABLE = Int16Array.from({ length: 256 }, (_, byte) => mulawDecodeSample(byte));
