/**
 * An app area with tabs in the path: /<base> is the first tab, /<base>/<tab> the others, so every tab
 * can be linked and reloaded. Only the open tab is mounted.
 */
import { Stack, Tabs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { navigate, usePath } from '../router';
import { PageTitle } from './PageTitle';

export interface AreaTab {
  /** The path segment, e.g. 'campagnes'. */
  id: string;
  label: string;
  content: ReactNode;
}

export function TabbedArea({
  base,
  title,
  intro,
  tabs,
}: {
  base: string;
  title: string;
  intro: string;
  tabs: readonly AreaTab[];
}) {
  const path = usePath();
  const segment = path.split('/').filter(Boolean)[1] ?? '';
  const first = tabs[0]?.id ?? '';
  const open = tabs.some((x) => x.id === segment) ? segment : first;
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Text maw={760} mb="lg">
        {intro}
      </Text>
      <Tabs
        value={open}
        onChange={(v) => v && navigate(v === first ? base : `${base}/${v}`)}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {tabs.map((x) => (
            <Tabs.Tab key={x.id} value={x.id}>
              {x.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Stack maw={1200}>
          {tabs.map((x) => (
            <Tabs.Panel key={x.id} value={x.id}>
              {x.content}
            </Tabs.Panel>
          ))}
        </Stack>
      </Tabs>
    </>
  );
}
