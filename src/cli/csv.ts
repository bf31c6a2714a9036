/** RFC 4180 CSV: every field quoted when it holds a comma, quote or line break; dates as ISO 8601. */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const field = (value: unknown) => {
    const text =
      value === null || value === undefined
        ? ''
        : value instanceof Date
          ? value.toISOString()
          : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[columns.join(','), ...rows.map((row) => columns.map((c) => field(row[c])).join(','))].join('\r\n')}\r\n`;
}
