// Bytes -> text. Uploads arrive as UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1252,
// or UTF-8 that was once read as Windows-1252 and saved again ("mojibake": "â€™" for "’").
// All native (TextDecoder, Buffer): no decoding library in the Lambda bundle.
import { XML_INVALID_UNITS, xmlInvalidPattern } from '../escape';

export interface DecodedText {
  text: string;
  /** "utf-8", "utf-8-bom", "utf-16le", "utf-16be" or "windows-1252". */
  encoding: string;
  warnings: string[];
  /** Characters that could not be decoded: removed invalid characters plus U+FFFD replacement characters. */
  undecodable: number;
  /** Characters decoded, before invalid ones were removed: the base for the undecodable share. */
  decodedLength: number;
  /** True when the text needed nothing after decoding: no control character (tab and newline aside), nothing repaired or removed. */
  plain: boolean;
  /** False only when the text surely has no letter of U+00C0-U+017F (no UTF-8 lead byte C3-C5): later rules may skip Latin patterns. */
  latinLetters: boolean;
}

import { isUtf8 } from 'node:buffer';

// Throws on invalid UTF-8 instead of inserting U+FFFD: invalid means "not UTF-8", try Windows-1252.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * STRICT_UTF8.decode(bytes), or undefined where it would throw. Validation (isUtf8) and decoding
 * (toString, which keeps a BOM as ignoreBOM does) are native fast paths; the fatal TextDecoder was slower.
 */
export function strictUtf8(bytes: Buffer): string | undefined {
  return isUtf8(bytes) ? bytes.toString('utf8') : undefined;
}

/** Body of a `[...]` class: what the decoder drops besides what XML cannot carry (CR, DEL, C1 controls). */
const DECODER_ALSO_REMOVES = '\\r\\u007F-\\u009F';

// What any of the steps after decoding acts on: C0 controls other than tab and newline (CR included),
// DEL and C1 controls, the characters mojibake markers start with, U+FFFD-U+FFFF. Text without any
// (and without lone surrogates) is returned as decoded after this one scan.
const MAYBE_NEEDS_WORK = new RegExp(`[${XML_INVALID_UNITS}${DECODER_ALSO_REMOVES}\\u00C2\\u00C3\\u00D0\\u00D1\\u00E2\\u00F0\\uFFFD]`);

// The same characters as UTF-8 bytes: C0 controls and DEL are themselves, C1 controls are C2 80-9F, the
// mojibake marker characters (Â Ã Ð Ñ â ð) are C3 xx, U+FFFD-U+FFFF are EF BF xx. Searching the bytes for
// each (memchr-fast) is several times quicker than one regex scan of the decoded text.
const UTF8_BYTES_NEEDING_WORK = [
  0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14,
  0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x7f, 0xc2, 0xc3, 0xef,
];

// The same for Windows-1252 bytes: C0 controls and DEL are themselves, the five undefined bytes decode as
// U+FFFD, the marker characters are C2 C3 D0 D1 E2 F0; no byte decodes to a C1 control, U+FFFE/U+FFFF or a surrogate.
const WINDOWS_1252_BYTES_NEEDING_WORK = [
  0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14,
  0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x7f, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xc2, 0xc3,
  0xd0, 0xd1, 0xe2, 0xf0,
];

function hasBytesNeedingWork(bytes: Buffer, needing: readonly number[]): boolean {
  for (const byte of needing) if (bytes.indexOf(byte) >= 0) return true;
  return false;
}

// Windows-1252 bytes of letters U+00C0-U+017F, in the ISO-8859-1 reading of the bytes: C0-FF but the
// signs × and ÷, and the bytes of Š Œ Ž š œ ž Ÿ (8A 8C 8E 9A 9C 9E 9F).
const WINDOWS_1252_LATIN_LETTER = /[\u008A\u008C\u008E\u009A\u009C\u009E\u009F\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]/;

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const warnings: string[] = [];
  const { text: decoded, encoding, utf8Bytes, windows1252Bytes } = decodeByBomOrValidity(bytes, warnings);
  // Only UTF-16 can carry a lone surrogate: UTF-8 (validated) and Windows-1252 never decode to one.
  // Decoded from bytes, the bytes answer (memchr-fast searches, several times quicker than a regex scan).
  const plain = utf8Bytes !== undefined
    ? !hasBytesNeedingWork(utf8Bytes, UTF8_BYTES_NEEDING_WORK)
    : windows1252Bytes !== undefined
      ? !hasBytesNeedingWork(windows1252Bytes, WINDOWS_1252_BYTES_NEEDING_WORK)
      : !MAYBE_NEEDS_WORK.test(decoded) && (!encoding.startsWith('utf-16') || isWellFormed(decoded));
  // UTF-8 letters U+00C0-U+017F all start with the byte C3, C4 or C5: three memchr-fast searches.
  const latinLetters = utf8Bytes !== undefined
    ? utf8Bytes.indexOf(0xc3) >= 0 || utf8Bytes.indexOf(0xc4) >= 0 || utf8Bytes.indexOf(0xc5) >= 0
    : windows1252Bytes === undefined || WINDOWS_1252_LATIN_LETTER.test(windows1252Bytes.toString('latin1'));
  if (plain) return { text: decoded, encoding, warnings, undecodable: 0, decodedLength: decoded.length, plain, latinLetters };
  let text = decoded;
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    const repaired = repairMojibake(text);
    if (repaired.count > 0) {
      text = repaired.text;
      warnings.push(`repaired ${plural(repaired.count, 'mojibake sequence')} (UTF-8 read as Windows-1252, e.g. "â€™" -> "’")`);
    }
  }
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  const cleaned = removeInvalidCharacters(text);
  if (cleaned.removed > 0) warnings.push(`removed ${plural(cleaned.removed, 'control character')}`);
  const replacements = cleaned.text.includes('\uFFFD') ? (cleaned.text.match(/\uFFFD/g)?.length ?? 0) : 0;
  return { text: cleaned.text, encoding, warnings, undecodable: cleaned.removed + replacements, decodedLength: text.length, plain: false, latinLetters };
}

export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * The text and its encoding; `utf8Bytes`: the bytes it was decoded from, when they were valid UTF-8;
 * `windows1252Bytes`: when they were decoded as Windows-1252.
 */
function decodeByBomOrValidity(bytes: Uint8Array, warnings: string[]): { text: string; encoding: string; utf8Bytes?: Buffer; windows1252Bytes?: Buffer } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = buffer.subarray(3);
    const utf8 = strictUtf8(body);
    if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8-bom', utf8Bytes: body };
    if (mostlyUtf8(body, warnings)) return { text: body.toString('utf8'), encoding: 'utf-8-bom' };
    warnings.push('invalid UTF-8 after a utf-8-bom byte-order mark: read as Windows-1252');
    return { text: decodeWindows1252(body), encoding: 'utf-8-bom', windows1252Bytes: body };
  }
  if (hasUtf16Bom(bytes)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const body = buffer.subarray(2);
    if (body.length % 2 === 1) warnings.push(`dropped a trailing odd byte of a ${encoding.toUpperCase()} upload`);
    return { text: decodeUtf16(body.subarray(0, body.length - (body.length % 2)), encoding), encoding };
  }
  const utf8 = strictUtf8(buffer);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', utf8Bytes: buffer };
  if (mostlyUtf8(buffer, warnings)) return { text: buffer.toString('utf8'), encoding: 'utf-8' };
  return { text: decodeWindows1252(buffer), encoding: 'windows-1252', windows1252Bytes: buffer };
}

// The UTF-8-or-Windows-1252 decision for bytes that are not valid UTF-8: UTF-8 (each invalid byte
// replaced by U+FFFD, with a warning) when valid multi-byte sequences are at least three times as many
// as invalid bytes; otherwise Windows-1252. Windows-1252 text almost never holds a valid sequence (a
// lead byte À-ô followed by exactly the right number of 0x80-0xBF bytes), so "café" saved as
// Windows-1252 has none and stays Windows-1252, while a UTF-8 article with one stray byte keeps its accents.
const VALID_PER_INVALID = 3;

/** Counts valid multi-byte UTF-8 sequences and invalid bytes in one pass; true when the rule above says UTF-8. */
export function mostlyUtf8(bytes: Uint8Array, warnings?: string[]): boolean {
  const { valid, invalid } = utf8SequenceCounts(bytes);
  if (valid === 0 || valid < VALID_PER_INVALID * invalid) return false;
  warnings?.push(
    `replaced ${plural(invalid, 'invalid UTF-8 byte')} with U+FFFD: the rest of the file is UTF-8 (${plural(valid, 'valid multi-byte sequence')})`,
  );
  return true;
}

/** Valid multi-byte sequences and invalid bytes (a bad lead, a lone continuation, a truncated sequence each count per byte). */
export function utf8SequenceCounts(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const length = bytes.length;
  for (let i = 0; i < length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const needed = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    let ok = needed > 0 && i + needed < length;
    for (let k = 1; ok && k <= needed; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) ok = false;
    }
    // Overlong and surrogate forms are invalid: E0 needs A0-BF second, ED 80-9F, F0 90-BF, F4 80-8F.
    if (ok) {
      const second = bytes[i + 1]!;
      if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) ok = false;
    }
    if (ok) {
      valid++;
      i += needed + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/**
 * UTF-16 code units as they are: a lone surrogate is kept (and later removed and counted by
 * removeInvalidCharacters), where TextDecoder would turn it into U+FFFD.
 */
function decodeUtf16(body: Buffer, encoding: 'utf-16le' | 'utf-16be'): string {
  if (encoding === 'utf-16le') return body.toString('utf16le');
  return Buffer.from(body).swap16().toString('utf16le');
}

// Windows-1252 bytes 0x80-0x9F; the five it leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) decode as U+FFFD.
// Node's TextDecoder('windows-1252') reads these bytes as ISO-8859-1 C1 controls, so they are mapped here.
const WINDOWS_1252_C1 = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';

/** Windows-1252: ISO-8859-1 (native) with the 0x80-0x9F range mapped to its Windows characters. */
export function decodeWindows1252(bytes: Buffer): string {
  // One scan: without a byte 0x80-0x9F the replace returns the text as it is.
  return bytes.toString('latin1').replace(C1_RANGE, windows1252C1);
}

// Module-level, not per call: a regex literal and a closure in the function cost more than the scan.
const C1_RANGE = /[\u0080-\u009F]/g;
const windows1252C1 = (char: string): string => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80]!;

// Windows-1252 character -> byte, from the table above. The five bytes Windows-1252 leaves undefined
// (0x81 0x8D 0x8F 0x90 0x9D) appear in mojibake as the C1 controls of the same value.
const WINDOWS_1252_BYTE = new Map<string, number>();
for (let byte = 0x80; byte <= 0xff; byte++) {
  const char = byte <= 0x9f ? WINDOWS_1252_C1[byte - 0x80]! : String.fromCharCode(byte);
  WINDOWS_1252_BYTE.set(char === '\ufffd' ? String.fromCharCode(byte) : char, byte);
}
// Continuation bytes 0x80-0xBF as Windows-1252 shows them, or as ISO-8859-1 shows them (C1 controls).
const CONTINUATION = `[\\u0080-\\u00BF${[...WINDOWS_1252_BYTE].filter(([, b]) => b <= 0x9f).map(([c]) => escapeForClass(c)).join('')}]`;
// A lead byte followed by exactly the number of continuation bytes UTF-8 requires for it.
const MOJIBAKE = new RegExp(
  `[\\u00C2-\\u00DF]${CONTINUATION}|[\\u00E0-\\u00EF]${CONTINUATION}{2}|[\\u00F0-\\u00F4]${CONTINUATION}{3}`,
  'g',
);

// The tell-tale readings of the most common UTF-8 sequences: "Ã©" (é), "Â " (no-break space, °, £),
// "Ð¿"/"Ñ€" (Cyrillic), "â€™"/"â‚¬"/"â„¢" (’ “ – … € ™), "ðŸ" (emoji).
// Text without any of them is not repaired at all, so a German "groß“" or a Portuguese "não…”" (both also
// valid UTF-8 when read back as bytes) in a correct text is never touched.
const MOJIBAKE_MARKER = new RegExp(`[\\u00C2\\u00C3\\u00D0\\u00D1]${CONTINUATION}|\\u00E2${CONTINUATION}{2}|\\u00F0[\\u009F\\u0178]`);

// What a repaired sequence may turn into: scripts and symbols that real mojibake hides. A pair that
// decodes to anything else (Hebrew cantillation from "Ö–", NKo from "ß“") is left as it was.
const PLAUSIBLE_REPAIR =
  /^[\u00A0-\u024F\u0370-\u04FF\u05D0-\u05F4\u0600-\u06FF\u2000-\u21FF\u2600-\u27BF\u3000-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]$|^[\u{1F000}-\u{1FAFF}]$/u;

/**
 * Repairs UTF-8 text that was decoded as Windows-1252 (or ISO-8859-1) and saved again: each run that
 * looks like such a reading of one UTF-8 sequence is turned back into bytes and decoded as UTF-8. Only
 * in a text that shows a tell-tale marker, only when the bytes are valid UTF-8, and only when the result
 * is a plausible character, so correct accented text ("café", "groß“") is left alone.
 * Runs twice to undo text that went through the mistake twice.
 */
export function repairMojibake(text: string): { text: string; count: number } {
  let count = 0;
  let current = text;
  for (let pass = 0; pass < 2 && MOJIBAKE_MARKER.test(current); pass++) {
    let changed = 0;
    current = current.replace(MOJIBAKE, (run) => {
      const bytes = Uint8Array.from([...run].map((char) => windows1252Byte(char)));
      let fixed: string;
      try {
        fixed = STRICT_UTF8.decode(bytes);
      } catch {
        return run;
      }
      if (!PLAUSIBLE_REPAIR.test(fixed)) return run;
      changed++;
      return fixed;
    });
    count += changed;
    if (changed === 0) break;
  }
  return { text: current, count };
}

function windows1252Byte(char: string): number {
  const code = char.charCodeAt(0);
  return code >= 0x80 && code <= 0xff ? code : (WINDOWS_1252_BYTE.get(char) ?? 0);
}

function escapeForClass(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

// What XML cannot carry (feeds built from the text must stay well-formed; a lone surrogate is not even
// encodable as UTF-8), and also CR (decoded text has LF line ends only), DEL and C1 controls.
const INVALID_CHARACTERS = xmlInvalidPattern(DECODER_ALSO_REMOVES);

// The same characters minus the surrogate pairs' context: one cheap scan settles almost every text.
const MAYBE_INVALID = new RegExp(`[${XML_INVALID_UNITS}${DECODER_ALSO_REMOVES}]`);

export function removeInvalidCharacters(text: string): { text: string; removed: number } {
  if (!MAYBE_INVALID.test(text) && isWellFormed(text)) return { text, removed: 0 };
  let removed = 0;
  const cleaned = text.replace(INVALID_CHARACTERS, () => {
    removed++;
    return '';
  });
  return { text: cleaned, removed };
}

/** No lone surrogate (String.prototype.isWellFormed: native, ES2024; not yet in the ES2023 lib types). */
export function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
