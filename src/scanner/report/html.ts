/**
 * The human report as one self-contained HTML document (R-68: evidence for the dossier): Dutch first with
 * English beneath, a clear verdict, per page the banner outcome, screenshots per phase (embedded as
 * data: URLs) and the findings per phase with the rule and evidence. No external resource of any kind:
 * scanned URLs appear as text only, never as links or sources.
 */
import { readFileSync } from 'node:fs';
import { trackerCodes, vendorLabel } from '../classify/classify.js';
import {
  type Classification,
  type Finding,
  type PageReport,
  PHASES,
  type Phase,
  type ScanReport,
} from '../types.js';

const PHASE_LABEL: Record<Phase, [string, string]> = {
  initial: ['Bij laden, geen keuze', 'On load, no choice made'],
  after_accept: ['Na “accepteren”', 'After accept'],
  after_reject: ['Na “weigeren”', 'After reject'],
};

const CLASS_LABEL: Record<Classification, [string, string]> = {
  tracker: ['tracker', 'tracker'],
  unknown: ['onbekend', 'unknown'],
  necessary: ['noodzakelijk', 'necessary'],
};

const TYPE_LABEL: Record<Finding['type'], [string, string]> = {
  host: ['verzoek', 'request'],
  cookie: ['cookie', 'cookie'],
  storage: ['opslag', 'storage'],
};

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const e = escapeHtml;

/** Dutch, with the English beneath it. */
function bi(nl: string, en: string): string {
  return `${e(nl)}<span class="en">${e(en)}</span>`;
}

/** Dutch / English on one line. */
function bil(nl: string, en: string): string {
  return nl === en ? e(nl) : `${e(nl)} <span class="eni">/ ${e(en)}</span>`;
}

function screenshotDataUrl(file: string): string | null {
  try {
    return `data:image/png;base64,${readFileSync(file).toString('base64')}`;
  } catch {
    return null;
  }
}

function evidenceText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(evidenceText).join(', ') || '—';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${k}: ${evidenceText(v)}`)
      .join('; ');
  }
  return String(value);
}

function evidenceCell(evidence: Record<string, unknown>): string {
  // `false` and empty values are left out: the table stays readable and absence means "no".
  const rows = Object.entries(evidence)
    .filter(([, v]) => v !== null && v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `<div><span class="k">${e(k)}</span> ${e(evidenceText(v))}</div>`);
  return `<div class="evidence">${rows.join('')}</div>`;
}

function subject(f: Finding): string {
  if (f.type === 'host') return `<code>${e(f.host ?? '')}</code>`;
  if (f.type === 'cookie')
    return `<code>${e(f.name ?? '')}</code><div class="muted">${e(f.domain ?? '')}</div>`;
  return `<code>${e(f.key ?? '')}</code><div class="muted">${e(f.origin ?? '')}</div>`;
}

function findingRow(f: Finding): string {
  const vendor = f.vendor
    ? `${e(f.vendor)}${f.category ? `<div class="muted">${e(f.category)}</div>` : ''}`
    : f.classification === 'tracker'
      ? `<span class="muted">${e(vendorLabel(f))}</span>`
      : '—';
  const [nl, en] = CLASS_LABEL[f.classification];
  return `<tr class="c-${f.classification}">
<td>${bi(...TYPE_LABEL[f.type])}</td>
<td>${subject(f)}</td>
<td>${vendor}</td>
<td><span class="badge ${f.classification}">${e(nl)}</span><span class="en">${e(en)}</span></td>
<td><code>${e(f.rule).replace(/([:.])/g, '$1<wbr>')}</code></td>
<td>${evidenceCell(f.evidence)}</td>
</tr>`;
}

function phaseSection(page: PageReport, phase: Phase): string {
  const findings = page.findings.filter((f) => f.phase === phase);
  const trackers = findings.filter((f) => f.classification === 'tracker').length;
  const title = `${bi(...PHASE_LABEL[phase])}<span class="count">${trackers} tracker${trackers === 1 ? '' : 's'} · ${findings.length} ${bil('bevindingen', 'findings')}</span>`;
  if (findings.length === 0) {
    return `<h3>${title}</h3><p class="muted">${bil('Niets waargenomen.', 'Nothing observed.')}</p>`;
  }
  // The heading is the table's caption, so a page break never separates it from its first rows.
  return `<table>
<caption><h3>${title}</h3></caption>
<thead><tr><th>${bi('Soort', 'Type')}</th><th>${bi('Wat', 'What')}</th><th>${bi('Leverancier', 'Vendor')}</th><th>${bi('Oordeel', 'Verdict')}</th><th>${bi('Regel', 'Rule')}</th><th>${bi('Bewijs', 'Evidence')}</th></tr></thead>
<tbody>${findings.map(findingRow).join('\n')}</tbody></table>`;
}

function screenshots(page: PageReport): string {
  const shots = PHASES.flatMap((phase) => {
    const file = page.screenshots[phase];
    if (!file) return [];
    const src = screenshotDataUrl(file);
    const img = src
      ? `<img alt="${e(`${PHASE_LABEL[phase][0]} / ${PHASE_LABEL[phase][1]}`)}" src="${src}">`
      : `<div class="missing">${bi('Schermafdruk niet leesbaar', 'Screenshot not readable')}</div>`;
    return [`<figure>${img}<figcaption>${bi(...PHASE_LABEL[phase])}</figcaption></figure>`];
  });
  return shots.length ? `<div class="shots">${shots.join('')}</div>` : '';
}

function pageSection(page: PageReport, i: number): string {
  const trackers = page.findings.filter((f) => f.classification === 'tracker');
  const vendors = [...new Set(trackers.map(vendorLabel))].sort();
  const banner = page.banner.found
    ? `${bil('Cookiebanner gevonden', 'Consent banner found')}: ${e(page.banner.note)} · ${bil(
        page.banner.acceptClicked ? 'accepteren geklikt' : 'accepteren niet geklikt',
        page.banner.acceptClicked ? 'accept clicked' : 'accept not clicked',
      )} · ${bil(
        page.banner.rejectClicked ? 'weigeren geklikt' : 'weigeren niet geklikt',
        page.banner.rejectClicked ? 'reject clicked' : 'reject not clicked',
      )}`
    : `${bil('Geen cookiebanner gevonden', 'No consent banner found')}: ${e(page.banner.note)}`;
  const problems = page.problems.length
    ? `<div class="problems"><strong>${bil('Niet gelukt', 'Could not do')}</strong><ul>${page.problems.map((p) => `<li>${e(p)}</li>`).join('')}</ul></div>`
    : '';
  return `<section class="page">
<h2>${i + 1}. <code>${e(page.url)}</code></h2>
<p class="meta">${page.finalUrl !== page.url ? `${bil('Uiteindelijk adres', 'Final URL')}: <code>${e(page.finalUrl)}</code> · ` : ''}HTTP ${page.status ?? '—'} · ${page.seconds} s · ${bil('fasen', 'phases')}: ${page.phasesRun.map((p) => e(p)).join(', ') || '—'}</p>
<p class="verdict-line ${trackers.length ? 'bad' : 'good'}">${
    trackers.length
      ? bil(
          `${vendors.length} tracker${vendors.length === 1 ? '' : 's'}: ${vendors.join(', ')}`,
          `${vendors.length} tracker${vendors.length === 1 ? '' : 's'} found`,
        )
      : bil('Geen trackers op deze pagina', 'No trackers on this page')
  }</p>
<p class="banner">${banner}</p>
${problems}
${screenshots(page)}
${page.phasesRun.map((phase) => phaseSection(page, phase)).join('\n')}
</section>`;
}

const CSS = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1b1f24; font-size: 10.5pt; line-height: 1.4; margin: 0 auto; max-width: 1100px; padding: 16px; }
h1 { font-size: 20pt; margin: 0 0 4px; }
h2 { font-size: 13pt; margin: 28px 0 6px; border-bottom: 2px solid #d0d7de; padding-bottom: 4px; word-break: break-all; }
h3 { font-size: 11pt; margin: 16px 0 6px; break-after: avoid; page-break-after: avoid; }
.en { display: block; color: #57606a; font-size: 0.8em; font-weight: normal; }
h1 .en { font-size: 0.55em; }
td .en, th .en { display: block; }
.count { display: block; font-weight: normal; color: #57606a; font-size: 0.8em; }
caption { text-align: left; break-after: avoid; }
caption h3 { margin-bottom: 4px; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.92em; overflow-wrap: anywhere; }
.codes code { white-space: nowrap; margin-right: 6px; }
.muted { color: #57606a; font-size: 0.9em; }
.meta, .banner { margin: 4px 0; color: #333; }
.eni { color: #57606a; font-weight: normal; }
.verdict-line .eni, .verdict .eni { color: inherit; opacity: 0.8; }
.verdict { border-radius: 8px; padding: 14px 18px; margin: 16px 0; font-size: 15pt; font-weight: bold; }
.verdict .en { font-size: 0.7em; }
.verdict.good, .verdict-line.good { background: #dafbe1; color: #0f5323; }
.verdict.bad, .verdict-line.bad { background: #ffebe9; color: #82071e; }
.verdict-line { padding: 4px 8px; border-radius: 4px; font-weight: bold; display: inline-block; }
.codes { font-size: 10pt; margin-top: 6px; font-weight: normal; }
dl.tool { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; font-size: 9.5pt; }
dl.tool dt { font-weight: bold; } dl.tool dd { margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; table-layout: fixed; margin-bottom: 8px; }
th, td { border: 1px solid #d0d7de; padding: 3px 5px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f6f8fa; }
th:nth-child(1) { width: 9%; } th:nth-child(2) { width: 18%; } th:nth-child(3) { width: 13%; }
th:nth-child(4) { width: 13%; } th:nth-child(5) { width: 16%; } th:nth-child(6) { width: 31%; }
tr { break-inside: avoid; }
tr.c-tracker td { background: #fff5f5; }
.badge { display: inline-block; border-radius: 3px; padding: 0 4px; font-weight: bold; white-space: nowrap; font-size: 0.95em; }
.badge.tracker { background: #cf222e; color: #fff; }
.badge.unknown { background: #bf8700; color: #fff; }
.badge.necessary { background: #1a7f37; color: #fff; }
.evidence div { margin: 0; }
.evidence .k { color: #57606a; }
.shots { display: flex; gap: 10px; margin: 10px 0; break-inside: avoid; }
figure { margin: 0; flex: 1 1 0; min-width: 0; border: 1px solid #d0d7de; border-radius: 4px; padding: 4px; }
figure img { width: 100%; max-height: 260px; object-fit: cover; object-position: top; display: block; }
figcaption { font-size: 8.5pt; margin-top: 3px; }
.missing { color: #82071e; font-size: 9pt; padding: 20px 0; text-align: center; }
.problems { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 4px; padding: 6px 10px; margin: 8px 0; font-size: 9.5pt; }
.problems ul { margin: 4px 0 0 18px; padding: 0; }
footer { margin-top: 28px; font-size: 8.5pt; color: #57606a; border-top: 1px solid #d0d7de; padding-top: 8px; }
`;

/** The report as a self-contained HTML document (screenshots read from their files and embedded). */
export function renderHtml(report: ScanReport): string {
  const { summary } = report;
  const found = summary.vendors.length;
  const codes = trackerCodes(report.pages.flatMap((p) => p.findings));
  const verdict =
    summary.trackers === 0
      ? `<div class="verdict good">${bi('Geen trackers gevonden', 'No trackers found')}</div>`
      : `<div class="verdict bad">${bi(
          `${found} tracker${found === 1 ? '' : 's'} gevonden (${summary.vendors.join(', ')})`,
          `${found} tracker${found === 1 ? '' : 's'} found (${summary.vendors.join(', ')})`,
        )}<div class="codes">${codes.map((c) => `<code>${e(c)}</code>`).join(' ')}</div></div>`;
  const problems = report.problems.length
    ? `<div class="problems"><strong>${bi('Wat de scan niet kon doen', 'What the scan could not do')}</strong><ul>${report.problems.map((p) => `<li>${e(p)}</li>`).join('')}</ul></div>`
    : '';
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>Trackerscan ${e(report.startedAt.slice(0, 10))} — Kieskluis</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${bi('Trackerscan', 'Tracker scan')}</h1>
<dl class="tool">
<dt>${bil('Gescand', 'Scanned')}</dt><dd>${report.options.urls.map((u) => `<code>${e(u)}</code>`).join('<br>')}</dd>
<dt>${bil('Tijd', 'Time')}</dt><dd>${e(report.startedAt)} – ${e(report.finishedAt)}</dd>
<dt>${bil('Pagina’s', 'Pages')}</dt><dd>${summary.pages} (${bil('budget per adres', 'budget per URL')}: ${report.options.crawl})</dd>
<dt>${bil('Bevindingen', 'Findings')}</dt><dd>${summary.trackers} tracker · ${summary.unknown} ${bil('onbekend', 'unknown')} · ${summary.necessary} ${bil('noodzakelijk', 'necessary')}</dd>
<dt>${bil('Browser', 'Browser')}</dt><dd>Chromium ${e(report.tool.chromium)}, cookie_controls_mode ${report.tool.cookieControlsMode} (${bil('cookies van derden toegestaan, zoals bij een gewone bezoeker', 'third-party cookies allowed, as for a normal visitor')})</dd>
<dt>${bil('Trackerlijst', 'Tracker data')}</dt><dd>${e(report.tool.trackerData.source)}, versie ${e(report.tool.trackerData.version)}</dd>
</dl>
</header>
${verdict}
${problems}
${report.pages.map(pageSection).join('\n')}
<footer>
<p>${bi(
    'Oordeel per bevinding: tracker (bekende tracker, pixel of identificerende cookie), onbekend (derde partij of opslag die niet te plaatsen is; nakijken), noodzakelijk (sessie-, taal- of toestemmingskeuze). De regel zegt waarom. Waarden van cookies en opslag worden nooit vastgelegd.',
    'Verdict per finding: tracker (known tracker, pixel or identifying cookie), unknown (a third party or storage that cannot be placed; review it), necessary (session, language or consent choice). The rule says why. Cookie and storage values are never recorded.',
  )}</p>
<p>${bi(
    'Grondslag: de AP stelt dat verkiezingscampagnes geen trackingcookies of -pixels gebruiken, direct of indirect, ook niet met toestemming (LEGAL R-67); Telecommunicatiewet art. 11.7a (R-68).',
    'Basis: the Dutch DPA holds that election campaigns use no tracking cookies or pixels, directly or indirectly, not even with consent (LEGAL R-67); Telecommunications Act art 11.7a (R-68).',
  )}</p>
</footer>
</body>
</html>
`;
}
