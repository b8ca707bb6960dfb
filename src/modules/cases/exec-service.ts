import type { Db } from '../../db/client.ts';
import { createEvidenceService } from './services/evidence.ts';
import type { CaseExecDeps } from './services/exec-deps.ts';
import { createExecutionService } from './services/execution.ts';
import { createMeasureService } from './services/measures.ts';

/** 证据, 强制措施 and 执行 of the case module, wired together. */
export function createCaseExec(db: Db, deps: CaseExecDeps) {
  return {
    evidence: createEvidenceService(db, deps),
    measures: createMeasureService(db, deps),
    execution: createExecutionService(db, deps),
  };
}

export type CaseExec = ReturnType<typeof createCaseExec>;
