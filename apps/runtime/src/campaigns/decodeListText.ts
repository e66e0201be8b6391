import iconv from 'iconv-lite';

/** The text encodings a contact list may be written in. */
export type ListEncoding = 'utf-8' | 'gbk' | 'euc-kr';

/** The encodings accepted in a request, `auto` asking for detection. */
export const LIST_ENCODINGS: readonly (ListEncoding | 'auto')[] = ['auto', 'utf-8', 'gbk', 'euc-kr'];

/** Decoded text, or why the bytes are not text in that encoding (with the 1-based line of the first bad byte). */
export type DecodeResult =
  { ok: true; text: string; encoding: ListEncoding; detected: boolean } | { ok: false; message: string; line?: number };

/**
 * Decodes a contact list's bytes. A chosen encoding is checked strictly (one invalid sequence refuses the file);
 * `auto` takes UTF-8 when the bytes are valid UTF-8, else EUC-KR when the text decodes to Hangul, else GBK.
 */
export function decodeListText(bytes: Uint8Array, encoding: ListEncoding | 'auto' = 'auto'): DecodeResult {
  if (encoding !== 'auto') {
    const decoded = strictDecode(bytes, encoding);
    if (decoded.ok) return { ok: true, text: decoded.text, encoding, detected: false };
    return {
      ok: false,
      line: decoded.line,
      message: `The file is not valid ${encoding.toUpperCase()} (first bad byte on line ${decoded.line}); choose the encoding it was saved in (UTF-8, GBK or EUC-KR).`,
    };
  }
  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8.ok) return { ok: true, text: utf8.text, encoding: 'utf-8', detected: true };
  const korean = strictDecode(bytes, 'euc-kr');
  if (korean.ok && mostlyHangul(korean.text))
    return { ok: true, text: korean.text, encoding: 'euc-kr', detected: true };
  const chinese = strictDecode(bytes, 'gbk');
  if (chinese.ok) return { ok: true, text: chinese.text, encoding: 'gbk', detected: true };
  if (korean.ok) return { ok: true, text: korean.text, encoding: 'euc-kr', detected: true };
  return {
    ok: false,
    line: utf8.line,
    message: `The file is not valid UTF-8, GBK or EUC-KR (first bad byte on line ${utf8.line}); save it as UTF-8 and upload it again.`,
  };
}

function strictDecode(
  bytes: Uint8Array,
  encoding: ListEncoding,
): { ok: true; text: string } | { ok: false; line: number } {
  if (encoding === 'utf-8') {
    try {
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
      return { ok: true, text };
    } catch {
      // The decoder does not say where: find the first byte it cannot take by decoding growing prefixes by line.
      return { ok: false, line: firstBadLine(bytes, encoding) };
    }
  }
  const text = iconv.decode(Buffer.from(bytes), encoding, { stripBOM: true });
  if (!text.includes('\uFFFD')) return { ok: true, text };
  return { ok: false, line: firstBadLine(bytes, encoding) };
}

/** The 1-based line holding the first byte sequence that is not valid in `encoding`. */
function firstBadLine(bytes: Uint8Array, encoding: ListEncoding): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const slice = Buffer.from(bytes.subarray(start, i));
    const bad =
      encoding === 'utf-8'
        ? !isValidUtf8(slice)
        : iconv.decode(slice, encoding).includes('\uFFFD') && !slice.toString('latin1').includes('\uFFFD');
    if (bad) return line;
    line++;
    start = i + 1;
  }
  return line - 1;
}

function isValidUtf8(slice: Buffer): boolean {
  try {
    return typeof new TextDecoder('utf-8', { fatal: true }).decode(slice) === 'string';
  } catch {
    return false;
  }
}

/** True when most non-ASCII letters are Hangul syllables (Chinese bytes read as EUC-KR give Hanja among them). */
function mostlyHangul(text: string): boolean {
  let hangul = 0;
  let other = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    if (code >= 0xac00 && code <= 0xd7a3) hangul++;
    else other++;
  }
  return hangul > 0 && hangul >= 9 * other;
}
