import { Checkbox, Flex, Typography } from 'antd';
import { allPermissions, type Permission } from '../../../../src/contracts/permissions.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { permissionLabel } from './permission-label.ts';

/** Permissions grouped by their domain prefix (`org:user:read` → org), in contract order. */
export const permissionGroups: { key: string; items: Permission[] }[] = allPermissions.reduce<
  { key: string; items: Permission[] }[]
>((groups, p) => {
  const key = p.split(':')[0] ?? p;
  const group = groups.find((g) => g.key === key);
  if (group) group.items.push(p);
  else groups.push({ key, items: [p] });
  return groups;
}, []);

interface Props {
  value?: Permission[];
  onChange?: (value: Permission[]) => void;
  disabled?: boolean;
}

/** A Form control: one row per domain with a "whole group" checkbox. */
export function PermissionPicker({ value = [], onChange, disabled }: Props) {
  const t = useT();
  const set = (next: Set<Permission>) => onChange?.(allPermissions.filter((p) => next.has(p)));
  return (
    <Flex vertical gap={8} data-testid="permission-picker">
      {permissionGroups.map((group) => {
        const chosen = group.items.filter((p) => value.includes(p));
        const toggleGroup = (on: boolean) => {
          const next = new Set(value);
          for (const p of group.items) {
            if (on) next.add(p);
            else next.delete(p);
          }
          set(next);
        };
        const toggleOne = (p: Permission, on: boolean) => {
          const next = new Set(value);
          if (on) next.add(p);
          else next.delete(p);
          set(next);
        };
        return (
          <Flex key={group.key} gap={12} align="baseline" wrap>
            <Checkbox
              style={{ width: 140 }}
              disabled={disabled}
              checked={chosen.length === group.items.length}
              indeterminate={chosen.length > 0 && chosen.length < group.items.length}
              onChange={(e) => toggleGroup(e.target.checked)}
            >
              <Typography.Text strong>{t(`permGroup.${group.key}` as MessageKey)}</Typography.Text>
            </Checkbox>
            {group.items.map((p) => (
              <Checkbox
                key={p}
                disabled={disabled}
                checked={value.includes(p)}
                onChange={(e) => toggleOne(p, e.target.checked)}
              >
                {permissionLabel(t, p)}
              </Checkbox>
            ))}
          </Flex>
        );
      })}
    </Flex>
  );
}
