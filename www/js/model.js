// Indexes over a report that the views share: families by id with their rank, occurrences by
// statement in UTF-16 offsets (the engine reports every span, word differences included, in
// UTF-16 code units too).

/**
 * @param {object} report  The engine's Report.
 * @param {Array<{id:string,text:string}>} statements  The statements as sent (texts needed for offsets).
 */
export function buildModel(report, statements) {
  const families = report?.families || [];
  const famById = new Map(families.map((f, rank) => [f.id, { family: f, rank }]));
  const textById = new Map(statements.map((s) => [s.id, s.text]));
  const summaryById = new Map((report?.statements || []).map((s) => [s.id, s]));
  const occsByDoc = new Map();
  families.forEach((f, rank) => {
    (f.occurrences || []).forEach((o, i) => {
      const words = [];
      for (const e of o.diff || []) {
        if (e.op === 'equal' || e.op === 'delete' || e.utf16_start == null) continue;
        words.push({
          start: e.utf16_start,
          end: e.utf16_end,
          op: e.op,
          reference: e.reference ?? null,
          text: e.text ?? null,
        });
      }
      const occ = {
        key: `${f.id}:${i}`,
        family: f.id,
        index: i,
        rank,
        start: o.utf16_start,
        end: o.utf16_end,
        similarity: o.similarity,
        words,
        raw: o,
      };
      if (!occsByDoc.has(o.doc)) occsByDoc.set(o.doc, []);
      occsByDoc.get(o.doc).push(occ);
    });
  });
  for (const list of occsByDoc.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);
  return {
    report,
    families,
    famById,
    rank: (id) => (famById.has(id) ? famById.get(id).rank : -1),
    family: (id) => (famById.has(id) ? famById.get(id).family : null),
    occsOf: (doc) => occsByDoc.get(doc) || [],
    summary: (doc) => summaryById.get(doc) || null,
    text: (doc) => textById.get(doc) ?? '',
  };
}

/**
 * The model seen through a group of statements (`ids`, a Set): the families with an occurrence in
 * one of them, and the occurrences of those statements only. Ranks (and so colours) stay those of
 * the whole report.
 */
export function narrowModel(model, ids) {
  const families = model.families.filter((f) => (f.occurrences || []).some((o) => ids.has(o.doc)));
  return { ...model, families, occsOf: (doc) => (ids.has(doc) ? model.occsOf(doc) : []), narrowed: true };
}

/** Distinct wordings of a family: occurrences grouped by their text (case and spacing ignored). */
export function variantsOf(family) {
  const groups = new Map();
  for (const o of family.occurrences || []) {
    const k = String(o.text).toLowerCase().replace(/\s+/g, ' ').trim();
    if (!groups.has(k)) groups.set(k, { text: o.text, diff: o.diff, similarity: o.similarity, occurrences: [] });
    groups.get(k).occurrences.push(o);
  }
  return [...groups.values()].sort(
    (a, b) => b.occurrences.length - a.occurrences.length || b.similarity - a.similarity,
  );
}

const wordsOf = (s) =>
  String(s || '')
    .toLowerCase()
    .normalize('NFKC')
    .match(/[\p{L}\p{N}]+/gu) || [];

/**
 * The family that `name` names, or null: a family id ("f3"); else the family whose root is those
 * words ("true multilateralism", case and punctuation aside); else, of the families whose root
 * has all the words, the one in the most statements (the strongest on a tie); else the first
 * family with an occurrence that has them.
 */
export function familyNamed(model, name) {
  if (!model || !name) return null;
  if (model.family(name)) return name;
  const want = wordsOf(name);
  if (!want.length) return null;
  const has = (text) => {
    const w = wordsOf(text);
    return want.every((x) => w.includes(x));
  };
  const exact = model.families.find((f) => wordsOf(f.root).join(' ') === want.join(' '));
  const inRoot = model.families
    .filter((f) => has(f.root))
    .reduce((best, f) => (!best || f.statements > best.statements ? f : best), null);
  const hit = exact || inRoot || model.families.find((f) => (f.occurrences || []).some((o) => has(o.text)));
  return hit ? hit.id : null;
}
