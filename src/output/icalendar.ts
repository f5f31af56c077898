import type { CalendarEvent } from "../analyse/calendar-events.js";

/** What the calendar says about itself. */
export interface CalendarInfo {
  /** The calendar's name, shown by the program that imports it. */
  name: string;
  /** When it was made, as a UTC timestamp YYYYMMDDTHHMMSSZ (DTSTAMP of every event). */
  stamp: string;
  /**
   * SEQUENCE of every event: a number that grows with the stamp, so a calendar made later
   * supersedes one imported earlier (clients keep the higher sequence of the same UID).
   */
  sequence: number;
}

/**
 * An iCalendar file (RFC 5545) of all-day events: CRLF line ends, text escaped (§3.3.11) and
 * lines folded at 75 octets without splitting a UTF-8 character (§3.1). Pure: same input, same text.
 */
export function formatICalendar(events: readonly CalendarEvent[], info: CalendarInfo): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//cse//cse calendar//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(info.name)}`,
  ];
  for (const e of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${info.stamp}`,
      `SEQUENCE:${info.sequence}`,
      `DTSTART;VALUE=DATE:${compact(e.date)}`,
      `DTEND;VALUE=DATE:${compact(nextDay(e.date))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** TEXT escaping: backslash, semicolon, comma and line breaks. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line into pieces of at most 75 octets, each continuation starting with a space. */
export function fold(line: string): string {
  const pieces: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    // The first piece holds 75 octets; the rest 74, after their leading space.
    if (octets + size > (pieces.length === 0 ? 75 : 74)) {
      pieces.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

function compact(date: string): string {
  return date.replace(/-/g, "");
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
