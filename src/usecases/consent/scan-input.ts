/** An uploaded scan (signed paper form): PDF, PNG or JPEG up to 5 MB, checked by its first bytes. */
import { sha256Hex } from '../../storage/consent-catalogue-repo.js';
import type { NewScan } from '../../storage/consent-records-repo.js';
import { invalid } from './authorize-consent.js';

export const SCAN_MAX_BYTES = 5 * 1024 * 1024;
export const SCAN_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type ScanType = (typeof SCAN_TYPES)[number];

export interface ScanUpload {
  contentType: ScanType;
  /** The file, base64. */
  dataBase64: string;
}

const MAGIC: Record<ScanType, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

export function checkScan(s: ScanUpload, uploadedBy: string | null): NewScan {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s.dataBase64)) invalid('scan.dataBase64', 'scan.base64', 'base64 data');
  const bytes = Buffer.from(s.dataBase64, 'base64');
  if (bytes.length === 0) invalid('scan.dataBase64', 'scan.empty', 'an empty file');
  if (bytes.length > SCAN_MAX_BYTES) invalid('scan.dataBase64', 'scan.too_large', 'at most 5 MB');
  const magic = MAGIC[s.contentType];
  if (!magic?.every((b, i) => bytes[i] === b)) {
    invalid('scan.contentType', 'scan.type', 'a PDF, PNG or JPEG file whose content matches its type');
  }
  return { contentType: s.contentType, bytes, sha256: sha256Hex(bytes), uploadedBy };
}
