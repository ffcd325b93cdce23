/**
 * Text of a light Badge or Alert title dark enough for WCAG 1.4.3 (4.5:1): Mantine's light-variant text
 * (e.g. orange 9 #d9480f on its light background, 3.6:1; green 3.8:1; teal 4.3:1) is not, as axe in
 * test/browser/issue4-screens.test.ts found. Each colour here is ≥ 5.7:1 on its light background and on
 * white. Pass as the component's `styles` prop.
 */
const DARK: Record<string, string> = {
  orange: '#9a3a06',
  green: '#1f6b30',
  teal: '#05664c',
  red: '#a61e1e',
  yellow: '#7a4a00',
  blue: '#0b5394',
  grape: '#7b2a8f',
};

const dark = (color: string) => DARK[color] ?? 'var(--mantine-color-text)';

export const strongBadge = (color: string) => ({ label: { color: dark(color) } });

export const strongAlert = (color: string) => ({ title: { color: dark(color) } });
