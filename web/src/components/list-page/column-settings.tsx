import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, type TableColumnsType, Tooltip } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { columnId } from './use-column-settings.ts';

interface Props<T> {
  columns: TableColumnsType<T>;
  hidden: string[];
  onChange: (hidden: string[]) => void;
  'data-testid'?: string;
}

/** The toolbar's column chooser: a checkbox per column that has a key and a title. */
export function ColumnSettingsButton<T>({ columns, hidden, onChange, 'data-testid': testId }: Props<T>) {
  const t = useT();
  const choosable = columns.flatMap((c) => {
    const id = columnId(c as TableColumnsType<never>[number]);
    return id !== undefined && c.title && typeof c.title !== 'function' ? [{ id, title: c.title }] : [];
  });
  const content = (
    <Flex vertical gap={4} style={{ minWidth: 160 }}>
      {choosable.map(({ id, title }) => (
        <Checkbox
          key={id}
          checked={!hidden.includes(id)}
          onChange={(e) => onChange(e.target.checked ? hidden.filter((h) => h !== id) : [...hidden, id])}
        >
          {title}
        </Checkbox>
      ))}
      <Button type="link" size="small" style={{ alignSelf: 'flex-end' }} onClick={() => onChange([])}>
        {t('list.columnsReset')}
      </Button>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('list.columns')} content={content}>
      <Tooltip title={t('list.columns')}>
        <Button icon={<SettingOutlined />} aria-label={t('list.columns')} data-testid={testId} />
      </Tooltip>
    </Popover>
  );
}
