import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';
import { hasNavigated } from '../router';

/**
 * The page's single h1. Sets the document title, and after in-app navigation moves focus here so
 * screen-reader users hear that the page changed.
 */
export function PageTitle({ children, size = 'h1' }: { children: string; size?: 'h1' | 'h2' }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t.app.pageTitle(children);
  }, [children, t]);

  useEffect(() => {
    if (hasNavigated()) ref.current?.focus();
  }, []);

  return (
    <Title order={1} size={size} ref={ref} tabIndex={-1} className="kk-page-title" mb="md">
      {children}
    </Title>
  );
}
