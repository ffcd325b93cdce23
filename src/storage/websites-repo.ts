/** Websites, their scans (report as jsonb: the evidence) and new-tracker alerts. */
import type { Cadence, ScanStatus, SiteOwner } from '../domain/websites.js';
import type { Queryable } from './db.js';

export interface WebsiteRecord {
  id: string;
  url: string;
  label: string;
  owner: SiteOwner;
  candidateId: string | null;
  cadence: Cadence;
  crawlPages: number;
  createdAt: Date;
}

export interface ScanRecord {
  id: string;
  websiteId: string;
  status: ScanStatus;
  trigger: 'manual' | 'schedule';
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  pages: number | null;
  trackers: number | null;
  unknown: number | null;
  necessary: number | null;
  vendors: string[];
  error: string | null;
}

export interface AlertRecord {
  id: string;
  websiteId: string;
  scanId: string;
  kind: 'new_tracker';
  vendor: string;
  detail: Record<string, unknown>;
  createdAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}

const siteCols = 'id, url, label, owner, candidate_id, cadence, crawl_pages, created_at';
const scanCols =
  'id, website_id, status, trigger, created_at, started_at, finished_at, pages, trackers, unknown, necessary, vendors, error';
const alertCols =
  'id, website_id, scan_id, kind, vendor, detail, created_at, acknowledged_at, acknowledged_by';

type Row = Record<string, unknown>;

function toSite(r: Row): WebsiteRecord {
  return {
    id: r.id as string,
    url: r.url as string,
    label: r.label as string,
    owner: r.owner as SiteOwner,
    candidateId: (r.candidate_id as string | null) ?? null,
    cadence: r.cadence as Cadence,
    crawlPages: Number(r.crawl_pages),
    createdAt: r.created_at as Date,
  };
}

const intOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function toScan(r: Row): ScanRecord {
  return {
    id: r.id as string,
    websiteId: r.website_id as string,
    status: r.status as ScanStatus,
    trigger: r.trigger as 'manual' | 'schedule',
    createdAt: r.created_at as Date,
    startedAt: (r.started_at as Date | null) ?? null,
    finishedAt: (r.finished_at as Date | null) ?? null,
    pages: intOrNull(r.pages),
    trackers: intOrNull(r.trackers),
    unknown: intOrNull(r.unknown),
    necessary: intOrNull(r.necessary),
    vendors: (r.vendors as string[] | null) ?? [],
    error: (r.error as string | null) ?? null,
  };
}

function parseJson(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : v;
}

function toAlert(r: Row): AlertRecord {
  return {
    id: r.id as string,
    websiteId: r.website_id as string,
    scanId: r.scan_id as string,
    kind: r.kind as 'new_tracker',
    vendor: r.vendor as string,
    detail: parseJson(r.detail) as Record<string, unknown>,
    createdAt: r.created_at as Date,
    acknowledgedAt: (r.acknowledged_at as Date | null) ?? null,
    acknowledgedBy: (r.acknowledged_by as string | null) ?? null,
  };
}

/** JSON for a jsonb column: PostgreSQL cannot store the NUL character in jsonb text, so it is dropped. */
function toJsonb(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'string' ? v.replaceAll('\u0000', '') : v));
}

export const websitesRepo = {
  async insertSite(
    tx: Queryable,
    s: Omit<WebsiteRecord, 'id' | 'createdAt'> & { createdBy: string | null },
    now: Date,
  ): Promise<WebsiteRecord> {
    const { rows } = await tx.query(
      `INSERT INTO websites (url, label, owner, candidate_id, cadence, crawl_pages, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${siteCols}`,
      [s.url, s.label, s.owner, s.candidateId, s.cadence, s.crawlPages, now, s.createdBy],
    );
    return toSite(rows[0]!);
  },

  /** A site that is not deleted, or null. */
  async findSite(tx: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<WebsiteRecord | null> {
    const { rows } = await tx.query(
      `SELECT ${siteCols} FROM websites WHERE id = $1 AND deleted_at IS NULL${opts.lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toSite(rows[0]) : null;
  },

  async listSites(tx: Queryable): Promise<WebsiteRecord[]> {
    const { rows } = await tx.query(
      `SELECT ${siteCols} FROM websites WHERE deleted_at IS NULL ORDER BY owner DESC, label, created_at`,
    );
    return rows.map(toSite);
  },

  async markDeleted(tx: Queryable, id: string, now: Date): Promise<boolean> {
    const r = await tx.query('UPDATE websites SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL', [
      id,
      now,
    ]);
    return r.rowCount > 0;
  },

  async candidateExists(tx: Queryable, id: string): Promise<boolean> {
    const { rows } = await tx.query('SELECT 1 FROM candidates WHERE id = $1', [id]);
    return rows.length > 0;
  },

  async insertScan(
    tx: Queryable,
    s: { websiteId: string; trigger: 'manual' | 'schedule'; requestedBy: string | null },
    now: Date,
  ): Promise<ScanRecord> {
    const { rows } = await tx.query(
      `INSERT INTO website_scans (website_id, status, trigger, requested_by, created_at)
       VALUES ($1, 'queued', $2, $3, $4) RETURNING ${scanCols}`,
      [s.websiteId, s.trigger, s.requestedBy, now],
    );
    return toScan(rows[0]!);
  },

  /** queued → running, once: null when the scan is gone or was claimed already (a retried job). */
  async claimScan(tx: Queryable, id: string, now: Date): Promise<ScanRecord | null> {
    const { rows } = await tx.query(
      `UPDATE website_scans SET status = 'running', started_at = $2
        WHERE id = $1 AND status = 'queued' RETURNING ${scanCols}`,
      [id, now],
    );
    return rows[0] ? toScan(rows[0]) : null;
  },

  async finishScan(
    tx: Queryable,
    id: string,
    r: {
      status: 'done' | 'failed';
      pages: number;
      trackers: number;
      unknown: number;
      necessary: number;
      vendors: string[];
      error: string | null;
      report: unknown;
    },
    now: Date,
  ): Promise<void> {
    await tx.query(
      `UPDATE website_scans
          SET status = $2, finished_at = $3, pages = $4, trackers = $5, unknown = $6, necessary = $7,
              vendors = $8, error = $9, report = $10::jsonb
        WHERE id = $1`,
      [
        id,
        r.status,
        now,
        r.pages,
        r.trackers,
        r.unknown,
        r.necessary,
        r.vendors,
        r.error,
        r.report === null ? null : toJsonb(r.report),
      ],
    );
  },

  async failScan(tx: Queryable, id: string, error: string, now: Date): Promise<void> {
    await tx.query(
      `UPDATE website_scans SET status = 'failed', finished_at = $3, error = $2,
              started_at = coalesce(started_at, $3)
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, error.slice(0, 2000), now],
    );
  },

  async listScans(tx: Queryable, websiteId: string, limit: number): Promise<ScanRecord[]> {
    const { rows } = await tx.query(
      `SELECT ${scanCols} FROM website_scans WHERE website_id = $1 ORDER BY seq DESC LIMIT $2`,
      [websiteId, limit],
    );
    return rows.map(toScan);
  },

  async findScan(
    tx: Queryable,
    websiteId: string,
    scanId: string,
  ): Promise<(ScanRecord & { report: unknown }) | null> {
    const { rows } = await tx.query(
      `SELECT ${scanCols}, report FROM website_scans WHERE id = $1 AND website_id = $2`,
      [scanId, websiteId],
    );
    if (!rows[0]) return null;
    return { ...toScan(rows[0]), report: parseJson(rows[0].report) ?? null };
  },

  /** The report of the latest successful scan of the site before `scanId`, or null. */
  async previousSuccessfulReport(tx: Queryable, websiteId: string, scanId: string): Promise<unknown> {
    const { rows } = await tx.query(
      `SELECT s.report FROM website_scans s, website_scans cur
        WHERE cur.id = $2 AND s.website_id = $1 AND s.status = 'done' AND s.seq < cur.seq
        ORDER BY s.seq DESC LIMIT 1`,
      [websiteId, scanId],
    );
    return rows[0] ? parseJson(rows[0].report) : null;
  },

  /** Per live site: its latest scan of any status, and its latest finished (done) scan. */
  async latestScans(
    tx: Queryable,
  ): Promise<Map<string, { latest: ScanRecord | null; lastDone: ScanRecord | null }>> {
    const latest = await tx.query(
      `SELECT DISTINCT ON (website_id) ${scanCols} FROM website_scans ORDER BY website_id, seq DESC`,
    );
    const done = await tx.query(
      `SELECT DISTINCT ON (website_id) ${scanCols} FROM website_scans WHERE status = 'done'
        ORDER BY website_id, seq DESC`,
    );
    const out = new Map<string, { latest: ScanRecord | null; lastDone: ScanRecord | null }>();
    for (const r of latest.rows.map(toScan)) out.set(r.websiteId, { latest: r, lastDone: null });
    for (const r of done.rows.map(toScan)) {
      const e = out.get(r.websiteId) ?? { latest: null, lastDone: null };
      e.lastDone = r;
      out.set(r.websiteId, e);
    }
    return out;
  },

  async insertAlerts(
    tx: Queryable,
    alerts: readonly { websiteId: string; scanId: string; vendor: string; detail: Record<string, unknown> }[],
    now: Date,
  ): Promise<AlertRecord[]> {
    const out: AlertRecord[] = [];
    for (const a of alerts) {
      const { rows } = await tx.query(
        `INSERT INTO website_alerts (website_id, scan_id, kind, vendor, detail, created_at)
         VALUES ($1, $2, 'new_tracker', $3, $4::jsonb, $5) RETURNING ${alertCols}`,
        [a.websiteId, a.scanId, a.vendor, toJsonb(a.detail), now],
      );
      out.push(toAlert(rows[0]!));
    }
    return out;
  },

  /** Open (unacknowledged) alerts of live sites, newest first. */
  async listOpenAlerts(tx: Queryable): Promise<AlertRecord[]> {
    const { rows } = await tx.query(
      `SELECT ${alertCols.replace(/(\w+)/g, 'a.$1')} FROM website_alerts a JOIN websites w ON w.id = a.website_id
        WHERE a.acknowledged_at IS NULL AND w.deleted_at IS NULL ORDER BY a.created_at DESC, a.id`,
    );
    return rows.map(toAlert);
  },

  async findAlert(tx: Queryable, id: string): Promise<AlertRecord | null> {
    const { rows } = await tx.query(
      `SELECT ${alertCols.replace(/(\w+)/g, 'a.$1')} FROM website_alerts a JOIN websites w ON w.id = a.website_id
        WHERE a.id = $1 AND w.deleted_at IS NULL`,
      [id],
    );
    return rows[0] ? toAlert(rows[0]) : null;
  },

  async acknowledgeAlert(
    tx: Queryable,
    id: string,
    by: string | null,
    now: Date,
  ): Promise<AlertRecord | null> {
    const { rows } = await tx.query(
      `UPDATE website_alerts SET acknowledged_at = $2, acknowledged_by = $3
        WHERE id = $1 AND acknowledged_at IS NULL RETURNING ${alertCols}`,
      [id, now, by],
    );
    return rows[0] ? toAlert(rows[0]) : null;
  },
};
