/**
 * `value` written so that YAML reads it as exactly that text: in double quotes when it holds
 * no `"` nor backslash (the form people know), else in single quotes when it holds no `'`,
 * else in double quotes with `\` and `"` escaped.
 */
export function quoteYaml(value: string): string {
  if (!value.includes('"') && !value.includes("\\")) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** A line of YAML shown inside a message, trimmed and shortened so the message stays readable. */
export function showLine(text: string): string {
  const trimmed = text.trim();
  return `\`${trimmed.length > 70 ? `${trimmed.slice(0, 67)}...` : trimmed}\``;
}
