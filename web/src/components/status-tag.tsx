import { Tag } from 'antd';
import { useT } from '../i18n/i18n-context.tsx';
import { statusCodes, statusColour, statusLabelKey, type Workflow } from '../lib/status-tags.ts';

/** A workflow status as a coloured tag; the colour and the name come from web/src/lib/status-tags.ts. */
export function StatusTag({
  workflow,
  status,
  ...rest
}: {
  workflow: Workflow;
  status: string;
  'data-testid'?: string;
}) {
  const t = useT();
  const key = statusLabelKey(workflow, status);
  return (
    <Tag color={statusColour(workflow, status)} {...rest}>
      {key ? t(key) : status}
    </Tag>
  );
}

/** Select options for filtering by a workflow's status. */
export function useStatusOptions(workflow: Workflow): { value: string; label: string }[] {
  const t = useT();
  return statusCodes(workflow).map((value) => {
    const key = statusLabelKey(workflow, value);
    return { value, label: key ? t(key) : value };
  });
}
