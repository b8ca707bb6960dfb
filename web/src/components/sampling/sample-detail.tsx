import type { QueryKey } from '@tanstack/react-query';
import { Card } from 'antd';
import { type ReactNode, useState } from 'react';
import { useAsync } from '../../lib/use-async.ts';
import { LoadError } from '../load-error.tsx';
import { PageHeader } from '../page-header.tsx';
import { StepButtons } from './sample-parts.tsx';

/** What a step's form gets: the sample, the step, and how to close or hand back the updated sample. */
export interface StepModalProps<S, K> {
  sample: S;
  step: K;
  onClose: () => void;
  onDone: (next: S) => void;
}

/**
 * The frame of one sample's page in both sampling modules: loading and load errors, the title with the sample
 * number, the step buttons the status offers (for writers), the module's own body, and the open step's form, whose
 * answer replaces the sample shown.
 */
export function SampleDetailFrame<S extends { sampleNo: string }, K extends string>(p: {
  load: (signal: AbortSignal) => Promise<S>;
  queryKey: QueryKey;
  title: string;
  canWrite: boolean;
  stepsFor: (s: S) => K[];
  stepLabel: (k: K) => string;
  stepTestId: (k: K) => string;
  children: (s: S) => ReactNode;
  StepModal: (props: StepModalProps<S, K>) => ReactNode;
}) {
  const state = useAsync(p.load, p.queryKey);
  const [step, setStep] = useState<K>();
  const s = state.data;
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  if (!s) return <Card loading />;
  const { StepModal } = p;
  return (
    <>
      <PageHeader
        title={`${p.title} · ${s.sampleNo}`}
        extra={
          p.canWrite && <StepButtons steps={p.stepsFor(s)} label={p.stepLabel} testId={p.stepTestId} onPick={setStep} />
        }
      />
      {p.children(s)}
      {step && (
        <StepModal
          sample={s}
          step={step}
          onClose={() => setStep(undefined)}
          onDone={(next) => {
            state.setData(() => next);
            setStep(undefined);
          }}
        />
      )}
    </>
  );
}
