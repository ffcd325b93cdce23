import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** Text shades that reach 4.5:1 on white (WCAG 1.4.3); Mantine's yellow never does, so it gets dark text. */
const TEXT: Record<string, string> = { yellow: 'dark.7', gray: 'gray.8' };

/** An outlined badge on white: the border in the colour, the text in a shade dark enough to read. */
export function TextBadge({ color, children, ...rest }: BadgeProps & { color: string; children: ReactNode }) {
  return (
    <Badge
      variant="outline"
      color={`${color}.7`}
      c={TEXT[color] ?? `${color}.9`}
      bg="white"
      tt="none"
      {...rest}
    >
      {children}
    </Badge>
  );
}
