import type { Messages } from '../../i18n';

/** The app areas in navigation order. Which of them a user sees is decided by the server (user.areas). */
export const AREA_ORDER = [
  'personen',
  'importeren',
  'toestemming',
  'doelgroepen',
  'rechten',
  'verantwoording',
  'websites',
  'instellingen',
] as const satisfies readonly (keyof Messages['areas'])[];

export type AreaId = (typeof AREA_ORDER)[number];

export function visibleAreas(serverAreas: readonly string[]): AreaId[] {
  return AREA_ORDER.filter((id) => serverAreas.includes(id));
}

export function areaFromPath(path: string): AreaId | null {
  // The first path segment names the area: /personen/<id> belongs to 'personen'.
  const id = path.replace(/^\//, '').split('/')[0] ?? '';
  return (AREA_ORDER as readonly string[]).includes(id) ? (id as AreaId) : null;
}

/** The role label in the UI language; unknown roles fall back to their id. */
export function roleLabel(role: string, roles: Messages['roles']): string {
  return role in roles ? roles[role as keyof Messages['roles']] : role;
}
