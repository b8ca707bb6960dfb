/** [2004, 2005, 2006, 2009] → "2004–2006, 2009": the official-year list is long and mostly consecutive. */
export function yearRanges(years: number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let prev = start;
  for (const year of [...sorted.slice(1), undefined]) {
    if (year !== undefined && prev !== undefined && year === prev + 1) {
      prev = year;
      continue;
    }
    if (start !== undefined) parts.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = year;
    prev = year;
  }
  return parts.join(', ');
}
