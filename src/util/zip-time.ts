/**
 * The time written on every entry of a zip cse makes (the Word pack, the evidence bundle): the
 * build date at midnight UTC, so the same input and SOURCE_DATE_EPOCH give the same bytes.
 *
 * A zip entry's DOS time has no time zone and yazl reads it from a Date's local fields; the Date
 * returned has the UTC wall time in its local fields, so the bytes do not depend on the machine's
 * zone. (Use with yazl's `forceDosTimestamp`, which leaves out the zone-bearing extra field.)
 */
export function zipEntryTime(buildDate: string): Date {
  const [y, m, d] = buildDate.split("-").map(Number);
  return new Date(y ?? 1980, (m ?? 1) - 1, d ?? 1, 0, 0, 0);
}

/** The same build date as an ISO 8601 instant, for document properties: "2027-03-09T00:00:00Z". */
export function isoBuildTime(buildDate: string): string {
  return `${buildDate}T00:00:00Z`;
}
