import type { TableColumnsType } from 'antd';
import { useCallback, useMemo, useState } from 'react';

const storageKey = (tableId: string) => `shijian.columns.${tableId}`;

/** A column's identity for the settings: its key, else its dataIndex. Columns without either cannot be hidden. */
export function columnId(column: TableColumnsType<never>[number]): string | undefined {
  if (column.key !== undefined) return String(column.key);
  const dataIndex = 'dataIndex' in column ? column.dataIndex : undefined;
  if (dataIndex === undefined) return undefined;
  return Array.isArray(dataIndex) ? dataIndex.join('.') : String(dataIndex);
}

function readHidden(tableId: string): string[] {
  try {
    const raw = localStorage.getItem(storageKey(tableId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export interface ColumnSettings<T> {
  visibleColumns: TableColumnsType<T>;
  hidden: string[];
  setHidden: (hidden: string[]) => void;
}

/** Which columns of a table the user hid; remembered per table in localStorage (per browser, not per account). */
export function useColumnSettings<T>(tableId: string, columns: TableColumnsType<T>): ColumnSettings<T> {
  const [hidden, setHiddenState] = useState<string[]>(() => readHidden(tableId));
  const setHidden = useCallback(
    (next: string[]) => {
      setHiddenState(next);
      try {
        if (next.length === 0) localStorage.removeItem(storageKey(tableId));
        else localStorage.setItem(storageKey(tableId), JSON.stringify(next));
      } catch {
        // storage may be disabled; the choice then lasts for this page only
      }
    },
    [tableId],
  );
  const visibleColumns = useMemo(
    () =>
      columns.filter((c) => {
        const id = columnId(c as TableColumnsType<never>[number]);
        return id === undefined || !hidden.includes(id);
      }),
    [columns, hidden],
  );
  return { visibleColumns, hidden, setHidden };
}
