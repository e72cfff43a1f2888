import type { RolePlayRecord } from '../repositories/role-plays';

/**
 * The demo's role plays: three Norwegian scenarios per industry, keyed `<industry>-<n>` as the domain's demo
 * evaluations refer to them, each for its industry (observers of a bank play a bank's scenarios).
 */
const SCENARIOS = [
  {
    title: 'Spørsmål om regningen',
    instructions:
      'Du har fått en regning du ikke forstår. Be om en forklaring på beløpet og spør hva du kan gjøre hvis det er feil.',
  },
  {
    title: 'Endre en avtale',
    instructions:
      'Du ønsker å endre en avtale eller bestilling. Forklar hva du vil endre, og spør om det koster noe og når endringen gjelder.',
  },
  {
    title: 'Klage på en tjeneste',
    instructions:
      'Du er misfornøyd med en vare eller tjeneste. Beskriv problemet rolig og spør hvordan saken kan løses.',
  },
] as const;

export function demoRolePlays(
  industries: readonly { key: string; name: { nb?: string } }[],
): RolePlayRecord[] {
  return industries.flatMap((industry, i) =>
    SCENARIOS.map((scenario, n) => ({
      key: `${industry.key}-${n + 1}`,
      title: { nb: `${industry.name.nb ?? industry.key}: ${scenario.title}` },
      instructions: { nb: scenario.instructions },
      order: i * SCENARIOS.length + n,
      industryKey: industry.key,
    })),
  );
}
