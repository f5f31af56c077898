/**
 * One RFC 4180 CSV field: the one home of cse's CSV quoting (gaps, export, the zip's manifest).
 * A text starting with `=`, `+`, `-`, `@`, tab or CR would be run as a formula by spreadsheet
 * programs, so it is neutralised with a leading `'` (OWASP's advice on CSV injection).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
