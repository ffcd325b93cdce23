/** The address people reach this server on, for links in mail and the embed snippet. */
import type { Config } from '../../config/config.js';

export function publicBaseUrl(config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string {
  const base =
    config.publicUrl ??
    `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  return base.replace(/\/+$/, '');
}

export const confirmUrl = (base: string, token: string) => `${base}/f/bevestigen/${token}`;
export const withdrawUrl = (base: string, token: string) => `${base}/f/intrekken/${token}`;
export const formUrl = (base: string, slug: string) => `${base}/f/${slug}`;
