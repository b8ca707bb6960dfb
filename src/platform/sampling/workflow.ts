import type { Queryable } from '../../db/client.ts';
import { type Conclusion, sampleConclusion } from '../../domain/sampling.ts';
import type { Transition } from '../../domain/transition.ts';
import type { Actor } from '../actor.ts';
import { appendAudit } from '../audit.ts';
import { validation } from '../errors.ts';
import { allowTransition, recordTransition } from '../workflow.ts';
import type { SampleEvent } from './sample-repo.ts';

/**
 * The one sampling engine (food 抽检 and product 抽查 alike): a sample moves through its module's transition table;
 * every step is a versioned update, an event row and an audit row in the caller's transaction. A lab result folds its
 * items into the sample's conclusion and closes a 合格 sample at once; a 复检 records its own items and conclusion.
 */
export interface SampleRef {
  id: number;
  status: string;
  version: number;
}

/** What the engine needs from the module's repo (its own tables). */
export interface SampleStore<Col extends string, Item> {
  updateSample(
    tx: Queryable,
    id: number,
    version: number,
    set: Partial<Record<Col | 'status', unknown>>,
  ): Promise<boolean>;
  insertEvent(tx: Queryable, e: SampleEvent): Promise<void>;
  insertItems(tx: Queryable, sampleId: number, retest: boolean, items: readonly Item[]): Promise<void>;
}

export interface SampleWorkflowSpec<A extends string, S extends string, R extends string, Col extends string, Item> {
  /** The audit subject: `foodSample` → actions `foodSample.result`, target type `foodSample`. */
  subject: string;
  transitions: Readonly<Record<A | 'sample' | 'result' | 'close' | 'retest', Transition<S, R>>>;
  statusLabels: Readonly<Record<S, string>>;
  store: SampleStore<Col, Item>;
}

/** A date that must not lie after today nor before `earliest`; 422 naming the field. */
export function checkDate(
  field: string,
  value: string,
  earliest: { day: string | null; label: string },
  today: string,
) {
  if (value > today) throw validation(field, '日期不能晚于今天');
  if (earliest.day && value < earliest.day) throw validation(field, `日期不能早于${earliest.label}（${earliest.day}）`);
}

/** A 复检 (or 异议) request is accepted only up to the last day of its legal window; 422 with the module's wording. */
export function checkRetestWindow(requestedOn: string, dueOn: string | null, tooLate: () => string) {
  if (dueOn && requestedOn > dueOn) throw validation('requestedOn', tooLate());
}

/** The caller's copy of a sample with the version the request was made against (a stale one fails with 409). */
export const atVersion = <T extends { version: number }>(s: T, version: number): T =>
  s.version === version ? s : { ...s, version };

export function createSampleWorkflow<A extends string, S extends string, R extends string, Col extends string, Item>(
  spec: SampleWorkflowSpec<A, S, R, Col, Item>,
) {
  type Action = A | 'sample' | 'result' | 'close' | 'retest';
  const { subject, store } = spec;

  /** One transition inside `tx`: the table's check (409/422), the versioned update, the event row, the audit row. */
  async function apply(
    tx: Queryable,
    actor: Actor,
    s: SampleRef,
    action: Action,
    given: Partial<Record<R, unknown>>,
    set: Partial<Record<Col, unknown>>,
    note: string | null = null,
  ): Promise<number> {
    const t = allowTransition(spec.transitions, action, s.status as S, spec.statusLabels, given);
    const to = t.to ?? (s.status as S);
    await recordTransition(tx, actor, {
      change: () => store.updateSample(tx, s.id, s.version, { ...set, status: to }),
      event: () => store.insertEvent(tx, { sampleId: s.id, action, from: s.status, to, note, actorId: actor.userId }),
      audit: {
        action: `${subject}.${action}`,
        targetType: subject,
        targetId: s.id,
        detail: { from: s.status, to, ...set },
      },
    });
    return s.version + 1;
  }

  const audit = (tx: Queryable, actor: Actor, id: number, action: string, detail?: Record<string, unknown>) =>
    appendAudit(tx, actor, { action: `${subject}.${action}`, targetType: subject, targetId: id, detail });

  return {
    apply,
    audit,

    /** 409 unless a new sample may be registered (checked before the transaction). */
    assertCanStart: () => allowTransition(spec.transitions, 'sample', null, spec.statusLabels),

    /** The first event and audit row of a sample just inserted. */
    async started(tx: Queryable, actor: Actor, id: number) {
      const to = spec.transitions.sample.to as string;
      await store.insertEvent(tx, {
        sampleId: id,
        action: 'sample',
        from: null,
        to,
        note: null,
        actorId: actor.userId,
      });
      await audit(tx, actor, id, 'sample');
    },

    /**
     * A lab result (entered or imported): the items and the sample's conclusion; a 合格 sample is closed at once (a
     * second recorded transition), a 不合格 one waits for its notice.
     */
    async recordResult(
      tx: Queryable,
      actor: Actor,
      s: SampleRef,
      r: { testedOn: string; reportNo: string | null; items: readonly (Item & { conclusion: Conclusion })[] },
    ): Promise<Conclusion> {
      const conclusion = sampleConclusion(r.items);
      const set = { tested_on: r.testedOn, report_no: r.reportNo, conclusion } as Partial<Record<Col, unknown>>;
      const version = await apply(tx, actor, s, 'result', { testedOn: r.testedOn } as Partial<Record<R, unknown>>, set);
      await store.insertItems(tx, s.id, false, r.items);
      if (conclusion === 'pass') {
        const tested = spec.transitions.result.to as string;
        await apply(tx, actor, { id: s.id, status: tested, version }, 'close', {}, {});
      }
      return conclusion;
    },

    /**
     * A 复检 conclusion with its items. `closeOnPass` (a note) closes a sample whose 复检 passed in the same
     * transaction, for a workflow where that ends it.
     */
    async recordRetest(
      tx: Queryable,
      actor: Actor,
      s: SampleRef,
      given: Partial<Record<R, unknown>>,
      items: readonly (Item & { conclusion: Conclusion })[],
      closeOnPass?: string,
    ): Promise<Conclusion> {
      const conclusion = sampleConclusion(items);
      const set = { retest_conclusion: conclusion } as Partial<Record<Col, unknown>>;
      const version = await apply(tx, actor, s, 'retest', given, set);
      await store.insertItems(tx, s.id, true, items);
      if (conclusion === 'pass' && closeOnPass !== undefined) {
        const retested = spec.transitions.retest.to as string;
        await apply(tx, actor, { id: s.id, status: retested, version }, 'close', {}, {}, closeOnPass);
      }
      return conclusion;
    },
  };
}
