// The entities of a result as CSV: used by the page for a short result and
// by the worker for the whole of a long one.

function csvCell(v) {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`; // keep spreadsheets from running it as a formula
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per entity: name, type, count, aliases, the first mention's offsets. */
export function entitiesCsv(result) {
  const lines = [["name", "type", "count", "aliases", "first_start", "first_end"].join(",")];
  for (const e of result.entities) {
    const first = e.mentions[0] || e.first || { start: "", end: "" };
    lines.push([e.name, e.type, e.count, e.aliases.join("; "), first.start, first.end].map(csvCell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
