// Splits a statement's text into segments for highlighting. Occurrences of different families may
// overlap or nest; every boundary of every occurrence starts a new segment, and each segment knows
// all occurrences covering it. The innermost (shortest) covering occurrence is the segment's primary
// one: it gives the colour and its word differences mark the words. Pure functions, no DOM.

/**
 * @param {number} length  Length of the text in UTF-16 code units.
 * @param {Array<{start:number,end:number,key:string,family:string,rank:number,words?:Array<{start:number,end:number,op:string,reference?:string}>}>} occs
 *   Occurrences in UTF-16 offsets; `rank` orders families (0 = strongest) to break ties.
 * @param {Array<{start:number,end:number,index:number}>} [hits]  Search hits to mark.
 * @returns {Array<{start:number,end:number,occs:Array,primary:object|null,word:object|null,hit:number|null}>}
 */
export function segment(length, occs, hits = []) {
  const valid = (x) => Number.isFinite(x.start) && Number.isFinite(x.end) && x.end > x.start;
  const clip = (x) => ({
    ...x,
    start: Math.max(0, Math.min(length, x.start)),
    end: Math.max(0, Math.min(length, x.end)),
  });
  const os = occs.map(clip).filter(valid);
  const hs = hits.map(clip).filter(valid);
  const points = new Set([0, length]);
  for (const o of os) {
    points.add(o.start);
    points.add(o.end);
    for (const w of o.words || []) {
      if (w.end > w.start) {
        points.add(Math.max(o.start, Math.min(o.end, w.start)));
        points.add(Math.max(o.start, Math.min(o.end, w.end)));
      }
    }
  }
  for (const x of hs) {
    points.add(x.start);
    points.add(x.end);
  }
  const bounds = [...points].sort((a, b) => a - b);
  // Sweep: occurrences sorted by start; active set updated at every boundary.
  const byStart = [...os].sort((a, b) => a.start - b.start);
  let next = 0;
  let active = [];
  const out = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i];
    const b = bounds[i + 1];
    if (b <= a) continue;
    active = active.filter((o) => o.end > a);
    while (next < byStart.length && byStart[next].start <= a) {
      if (byStart[next].end > a) active.push(byStart[next]);
      next++;
    }
    const covering = active.filter((o) => o.start <= a && o.end >= b);
    let primary = null;
    for (const o of covering) {
      if (
        !primary ||
        o.end - o.start < primary.end - primary.start ||
        (o.end - o.start === primary.end - primary.start && o.rank < primary.rank)
      )
        primary = o;
    }
    let word = null;
    if (primary?.words) {
      word = primary.words.find((w) => w.start <= a && w.end >= b) || null;
    }
    const hit = hs.find((x) => x.start <= a && x.end >= b);
    out.push({ start: a, end: b, occs: covering, primary, word, hit: hit ? hit.index : null });
  }
  return out;
}

/**
 * Groups consecutive segments into runs that become one element: same primary occurrence and same
 * set of covering occurrences. Uncovered text forms runs with `primary: null`.
 */
export function runs(segments) {
  const out = [];
  let cur = null;
  const key = (sg) =>
    sg.primary
      ? `${sg.primary.key}|${sg.occs
          .map((o) => o.key)
          .sort()
          .join(',')}`
      : '';
  for (const sg of segments) {
    const k = key(sg);
    if (cur && cur.key === k) {
      cur.segments.push(sg);
      cur.end = sg.end;
    } else {
      cur = { key: k, start: sg.start, end: sg.end, primary: sg.primary, occs: sg.occs, segments: [sg] };
      out.push(cur);
    }
  }
  return out;
}
