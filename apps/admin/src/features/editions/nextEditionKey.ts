/** Suggests the key and year of the edition after this one: KSP24 (2024) → KSP25 (2025). */
export function nextEditionKey(key: string, year: number): { key: string; year: number } {
  const nextYear = year + 1;
  const match = /^(.*?)(\d{2}|\d{4})$/.exec(key);
  if (!match) return { key: `${key}-${nextYear}`, year: nextYear };
  const [, prefix, digits = ''] = match;
  const suffix = digits.length === 4 ? String(nextYear) : String(nextYear % 100).padStart(2, '0');
  return { key: `${prefix}${suffix}`, year: nextYear };
}

/** The new edition's name: the source's name with its key and year replaced ("KSP24 – … 2024" → "KSP25 – … 2025"). */
export function nextEditionName(
  source: { key: string; year: number; name: string },
  key: string,
  year: number,
) {
  return source.name.replaceAll(source.key, key).replaceAll(String(source.year), String(year));
}
