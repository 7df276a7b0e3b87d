// What the page accepts, defined once: the size of a workspace (the page tells the engine these
// limits with every comparison, so a workspace the page stores is one the engine compares), the
// size of a share link, and the settings a user (or a link) may set. No side effect on import.

/** A workspace: statements, UTF-8 bytes of one statement, of all of them together. */
export const LIMITS = Object.freeze({
  statements: 2_000,
  statementBytes: 8 << 20,
  totalBytes: 32 << 20,
});

/** The same limits as engine options (sent with every comparison). */
export const ENGINE_LIMITS = Object.freeze({
  max_statements: LIMITS.statements,
  max_statement_bytes: LIMITS.statementBytes,
  max_total_bytes: LIMITS.totalBytes,
});

/**
 * A share link. The page and the embed snippet make links of at most 24,000 characters, so these
 * leave room and stop a crafted link (a "decompression bomb") long before it costs memory.
 */
export const LINK_LIMITS = Object.freeze({
  chars: 200_000, // of the fragment, before decoding
  bytes: 2 << 20, // of the view once inflated
  statements: 500,
  statementBytes: 1 << 20, // of one statement's text
  metaChars: 1_000, // of a title, speaker, date, language, search or refrain key
});

/**
 * The comparison settings a user sets in the Statements tab and a link may carry (engine option
 * name -> kind, bounds, default). Nothing else is taken from a link: a link cannot raise the
 * engine's limits or its work budget.
 */
export const SETTINGS = Object.freeze({
  synonyms: { kind: 'boolean', default: true },
  spelling: { kind: 'boolean', default: true },
  inflection: { kind: 'boolean', default: true },
  min_words: { kind: 'integer', min: 1, max: 50, default: 2 },
  fuzzy_threshold: { kind: 'number', min: 0.05, max: 1, default: 0.75 },
  max_families: { kind: 'integer', min: 1, max: 2_000, default: 300 },
});

/** Why `value` is not a valid setting `name` (a sentence), or null when it is. */
export function settingProblem(name, value) {
  if (!Object.hasOwn(SETTINGS, name)) return `“${String(name).slice(0, 40)}” is not a setting`;
  const s = SETTINGS[name];
  if (s.kind === 'boolean') return typeof value === 'boolean' ? null : `${name} must be true or false`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${name} must be a number`;
  if (s.kind === 'integer' && !Number.isInteger(value)) return `${name} must be a whole number`;
  if (value < s.min || value > s.max) return `${name} must be between ${s.min} and ${s.max}`;
  return null;
}

/** Number of UTF-8 bytes of `text` (what the engine's limits count), without encoding it. */
export function utf8Bytes(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3; // a lone surrogate becomes U+FFFD (3 bytes) in the engine
  }
  return n;
}

/**
 * A size and a limit for a message, in bytes when rounding would make them look the same:
 * ["19.1 MB", "8 MB"], or ["8,388,610 bytes", "8,388,608 bytes"].
 */
export function sizesText(bytes, limit) {
  const [a, b] = [sizeText(bytes), sizeText(limit)];
  if (a !== b) return [a, b];
  return [bytes, limit].map((n) => `${n.toLocaleString('en-US')} bytes`);
}

/** "8 MB", "512 KB", "900 bytes": a size for a message. */
export function sizeText(bytes) {
  if (bytes >= 1 << 20) return `${Math.round((bytes / (1 << 20)) * 10) / 10} MB`;
  if (bytes >= 1 << 10) return `${Math.round(bytes / (1 << 10))} KB`;
  return `${bytes} bytes`;
}
