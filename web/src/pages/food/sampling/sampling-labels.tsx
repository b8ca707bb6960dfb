import { Tag } from 'antd';
import type { TSample } from '../../../../../src/contracts/food-sampling.ts';
import { conclusionTag as sharedConclusionTag } from '../../../components/sampling/sample-parts.tsx';
import type { Translate } from '../../../i18n/i18n-context.tsx';
import { codeLabel } from '../../../i18n/known-key.ts';

type T = Translate;
export const categoryLabel = (t: T, c: string) => codeLabel(t, 'foodSampling.category', c);
export const hazardLabel = (t: T, c: string) => codeLabel(t, 'foodSampling.hazard', c);
export const stageLabel = (t: T, c: string) => codeLabel(t, 'foodSampling.stage', c);
export const statusLabel = (t: T, c: string) => codeLabel(t, 'foodSampling.status', c);
export const conclusionTag = (t: T, c: string | null) => sharedConclusionTag(t, 'foodSampling', c);

/** The running clock: what is due and when, red when overdue. */
export function ClockCell({ t, clock }: { t: T; clock: TSample['clock'] }) {
  if (!clock) return <>—</>;
  return (
    <Tag color={clock.overdue ? 'red' : 'blue'} data-testid="sampling-clock">
      {`${codeLabel(t, 'foodSampling.clock', clock.kind)} ${clock.dueOn}`}
    </Tag>
  );
}
