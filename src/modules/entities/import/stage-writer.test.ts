import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setImmediate as turn } from 'node:timers/promises';
import type { CopySource } from '../../../db/client.ts';
import { StageWriter } from './stage-writer.ts';

/** A COPY target that holds each COPY open until the test lets it finish. */
function slowCopy() {
  const started: string[][] = [];
  const finish: (() => void)[] = [];
  return {
    started,
    finishNext: () => finish.shift()?.(),
    copyFrom(_sql: string, source: CopySource) {
      const lines = [...(source as Iterable<string>)];
      started.push(lines);
      return new Promise<number>((resolve) => finish.push(() => resolve(lines.length)));
    },
  };
}

describe('StageWriter: staging batches with backpressure', () => {
  test('one COPY in flight and one batch filling: a full batch waits, so memory is two batches whatever the file', async () => {
    const db = slowCopy();
    const writer = new StageWriter(db, 'COPY t FROM STDIN', 2);
    await writer.add('a\n');
    await writer.add('b\n');
    assert.deepEqual(db.started, [['a\n', 'b\n']], 'the first batch is sent at once');
    await writer.add('c\n');
    let blocked = true;
    const adding = Promise.resolve(writer.add('d\n')).then(() => (blocked = false));
    await turn();
    assert.equal(blocked, true, 'the second full batch waits for the first COPY');
    assert.equal(db.started.length, 1);
    db.finishNext();
    await adding;
    assert.deepEqual(db.started[1], ['c\n', 'd\n']);
    await writer.add('e\n');
    const finishing = writer.finish();
    db.finishNext();
    await turn();
    db.finishNext();
    assert.equal(await finishing, 5);
  });

  test('a failed COPY fails the next add or finish', async () => {
    const writer = new StageWriter({ copyFrom: async () => Promise.reject(new Error('磁盘已满')) }, 'COPY t', 1);
    await writer.add('a\n');
    await assert.rejects(async () => writer.add('b\n'), /磁盘已满/);
    await writer.abandon();
  });
});
