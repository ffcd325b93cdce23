import { Badge, Text } from '@mantine/core';
import { useI18n } from '../../i18n';
import type { Scan, ScanStatus } from './api';

const STATUS_COLORS: Record<ScanStatus, string> = {
  queued: 'gray',
  running: 'blue',
  done: 'green',
  failed: 'orange',
};

export function StatusBadge({ status }: { status: ScanStatus }) {
  const { t } = useI18n();
  return (
    <Badge color={STATUS_COLORS[status]} variant="dot" tt="none" className="kk-status">
      {t.websites.statuses[status]}
    </Badge>
  );
}

/**
 * "Geen trackers" or "N trackers: vendors" for a finished scan. N counts the companies (as the scanner's
 * own report does), not the findings, which repeat per phase and page; without a known vendor, findings.
 */
export function ScanVerdict({ scan }: { scan: Scan }) {
  const { t } = useI18n();
  const n = (scan.trackers ?? 0) === 0 ? 0 : scan.vendors.length || (scan.trackers ?? 0);
  if (n === 0) {
    return (
      <Text size="sm" c="teal.9" fw={600} component="span">
        {t.websites.noTrackers}
      </Text>
    );
  }
  return (
    <Text size="sm" c="red.9" fw={600} component="span">
      {t.websites.trackers(n, scan.vendors.join(', '))}
    </Text>
  );
}
