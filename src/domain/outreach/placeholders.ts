/** The placeholders a campaign template may use (Dutch names: the templates are written in Dutch first). */
export const PLACEHOLDERS = ['voornaam', 'afdeling', 'bezwaarlink', 'transparantieblok'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const ANY = /\{([a-zA-Z_]+)\}/g;

/** Placeholders in a string, known or not (unknown ones are a validation error). */
export function placeholdersIn(s: string): string[] {
  return [...s.matchAll(ANY)].map((m) => m[1]!);
}

export function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}
