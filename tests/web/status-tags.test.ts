import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ZDisclosureStatus } from '../../src/contracts/case-disclosures.ts';
import { ZComplaintStatus } from '../../src/contracts/complaints.ts';
import { ZAdverseStatus } from '../../src/contracts/cosmetics-devices.ts';
import { ZEntityStatus } from '../../src/contracts/entities.ts';
import { ZJobStatus } from '../../src/contracts/jobs.ts';
import { measureStatusLabels } from '../../src/domain/case-measures.ts';
import { caseStatusLabels, leadStatusLabels } from '../../src/domain/case-workflow.ts';
import { batchStatusLabels, listingStatusLabels, repairStatusLabels } from '../../src/domain/credit-workflow.ts';
import { taskStatusLabels, visitStatusLabels } from '../../src/domain/spot-check-workflow.ts';
import { zhCN } from '../../web/src/i18n/zh-cn.ts';
import { statusColours, statusLabelKey, type Workflow } from '../../web/src/lib/status-tags.ts';

/** Every status a workflow can reach, from the contracts and domain tables the server uses. */
const workflows: Record<Workflow, readonly string[]> = {
  complaint: ZComplaintStatus.options,
  caseLead: Object.keys(leadStatusLabels),
  case: Object.keys(caseStatusLabels),
  caseMeasure: Object.keys(measureStatusLabels),
  caseDisclosure: ZDisclosureStatus.options,
  creditBatch: Object.keys(batchStatusLabels),
  creditListing: Object.keys(listingStatusLabels),
  creditRepair: Object.keys(repairStatusLabels),
  spotCheckTask: Object.keys(taskStatusLabels),
  spotCheckVisit: Object.keys(visitStatusLabels),
  entity: ZEntityStatus.options,
  job: ZJobStatus.options,
  cdAdverse: ZAdverseStatus.options,
};

test('every status of every workflow has a colour and a message', () => {
  for (const [workflow, statuses] of Object.entries(workflows) as [Workflow, readonly string[]][]) {
    assert.deepEqual(Object.keys(statusColours[workflow]).sort(), [...statuses].sort(), workflow);
    for (const status of statuses) {
      const key = statusLabelKey(workflow, status);
      assert.ok(key && key in zhCN, `${workflow}.${status} has a message`);
    }
  }
});

test('a status the web does not know has no key (the tag then shows the code)', () => {
  assert.equal(statusLabelKey('complaint', 'somethingNew'), undefined);
});
