import type { Lang } from '../i18n/i18n-context.tsx';

/** A timestamp from the API in the viewer's time zone, 24-hour clock. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(lang, { hour12: false });
}

/** Staff phone numbers are personal data: lists show 138****1234. */
export const maskPhone = (phone: string | null): string =>
  phone ? phone.replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2') : '—';
