/**
 * What could not be done, in plain words: Dutch first, then English (the report shows both).
 */

function netCode(message: string): string | null {
  return /net::(ERR_[A-Z0-9_]+)/.exec(message)?.[1] ?? null;
}

/** Why a page could not be opened, from a Playwright navigation error. */
export function navigationProblem(url: string, error: unknown, timeoutMs: number): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = netCode(message);
  if (code === 'ERR_TOO_MANY_REDIRECTS') return `Te veel doorverwijzingen / too many redirects: ${url}`;
  if (code && (code.startsWith('ERR_CERT_') || code.startsWith('ERR_SSL_') || code.includes('_TLS_'))) {
    return `TLS-fout, geen veilige verbinding / TLS error, no secure connection: ${url} (${code})`;
  }
  if (code === 'ERR_ABORTED' || /download is starting/i.test(message)) {
    return `Geen webpagina (download of afgebroken) / not a web page (download or aborted): ${url}`;
  }
  if (code) return `Pagina niet bereikbaar / page unreachable: ${url} (${code})`;
  if (/timeout/i.test(message) || (error instanceof Error && error.name === 'TimeoutError')) {
    return `Pagina reageerde niet binnen ${seconds(timeoutMs)} s / page did not respond within ${seconds(timeoutMs)} s: ${url}`;
  }
  return `Pagina niet te openen / page could not be opened: ${url} (${firstLine(message)})`;
}

export function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').slice(0, 200);
}

export function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

export const problems = {
  invalidUrl: (url: string) =>
    `Ongeldig adres (alleen http en https) / invalid address (http and https only): ${url}`,
  httpStatus: (url: string, status: number) =>
    `Server antwoordde met status ${status} / server answered status ${status}: ${url}`,
  notLoaded: (url: string, ms: number) =>
    `Pagina niet volledig geladen binnen ${seconds(ms)} s; waargenomen wat er was / page did not finish loading within ${seconds(ms)} s; observed what had loaded: ${url}`,
  bannerMissing: (url: string, phase: string) =>
    `Cookiebanner niet gevonden; fase ${phase} zonder keuze waargenomen / consent banner not found; phase ${phase} observed without a choice: ${url}`,
  bannerButtonMissing: (url: string, phase: string, action: string) =>
    `Cookiebanner gevonden maar geen knop om te ${action === 'accept' ? 'accepteren' : 'weigeren'}; fase ${phase} zonder keuze waargenomen / consent banner found but no ${action} button; phase ${phase} observed without a choice: ${url}`,
  bannerClickFailed: (url: string, how: string) =>
    `Knop in de cookiebanner niet aan te klikken / could not click the consent button (${how}): ${url}`,
  phaseCut: (url: string, phase: string) =>
    `Paginabudget op; fase ${phase} ingekort / page budget used up; phase ${phase} cut short: ${url}`,
  screenshot: (url: string, phase: string) =>
    `Schermafbeelding niet gemaakt / screenshot not taken (${phase}): ${url}`,
  storageUnreadable: (origin: string) =>
    `Opslag van ${origin} niet uit te lezen / storage of ${origin} could not be read`,
  chromium: (message: string) =>
    `Chromium kon niet starten / Chromium could not start: ${firstLine(message)}`,
  budget: (urls: string[]) =>
    `Tijdbudget op; niet gescand / time budget used up; not scanned: ${urls.slice(0, 20).join(', ')}${urls.length > 20 ? ` (+${urls.length - 20})` : ''}`,
  notWebPage: (url: string, type: string) =>
    `Geen HTML-pagina (${type}) / not an HTML page (${type}): ${url}`,
};
