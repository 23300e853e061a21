// Dates and files the disclosure register's integration tests share.
import { createHash } from 'node:crypto';

// Today at UTC+7, as the server counts it, and days from it.
export function vnDay(offset = 0) {
  const d = new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}
export const pad = (n) => String(n).padStart(2, '0');
// As dd/mm/yyyy, the way the forms take dates.
export const vi = ({ y, m, d }) => `${pad(d)}/${pad(m)}/${y}`;
export const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
// The first bytes of a JPEG: enough for the upload check, which reads the signature.
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF bảng niêm yết')]);
