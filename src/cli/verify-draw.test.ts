import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { type DrawAlgorithm, type DrawProof, drawAlgorithms, verifyDrawProof } from '../domain/draw-proof.ts';
import { verifyDrawCommand } from './verify-draw.ts';

/**
 * The known-answer test of the draw (issue 10, point 9): a proof produced once by algorithm version 1 and checked
 * in. It must verify forever: if this fails, version 1 changed, and every proof already handed out would stop
 * verifying. Never regenerate the fixture; add a new version instead (src/domain/draw-proof.ts).
 */
const fixture = new URL('../../tests/fixtures/draw-proof-v1.json', import.meta.url);
const published = JSON.parse(readFileSync(fixture, 'utf8')) as DrawProof;
const dir = mkdtempSync(join(tmpdir(), 'verify-draw-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command on `proof` written to a file; returns the exit code and everything printed. */
function run(proof: unknown, t: { mock: { method: (o: object, m: string, f: () => void) => unknown } }) {
  const file = join(dir, `proof-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof proof === 'string' ? proof : JSON.stringify(proof));
  const out: string[] = [];
  t.mock.method(console, 'log', (...a: unknown[]) => out.push(a.join(' ')));
  t.mock.method(console, 'error', (...a: unknown[]) => out.push(a.join(' ')));
  return { code: verifyDrawCommand([file]), out: out.join('\n') };
}

describe('the published version-1 proof (tests/fixtures/draw-proof-v1.json)', () => {
  test('verifies through verify-draw, with the answer it was published with', (t) => {
    assert.equal(published.algorithm, 'shijian-draw-v1');
    assert.equal(published.version, 1);
    assert.deepEqual(published.result, [1009, 1011, 1015, 1019, 1026, 1030, 1054, 1060, 1069, 1099, 1121, 1124]);
    const { code, out } = run(published, t);
    assert.equal(code, 0, out);
    assert.match(out, /match：抽取过程可复现/);
    assert.match(out, /抽取结果一致（12 户）/);
  });

  test('verifies without the version field too (proofs published before it name the version in algorithm)', (t) => {
    const { version: _, ...older } = published;
    assert.equal(run(older, t).code, 0);
  });

  test('still verifies with version 1 once a later version exists, and a later proof goes to its own version', () => {
    assert.equal(verifyDrawProof(published).ok, true, 'v1 beside v2 in drawAlgorithms');
    const v3: DrawAlgorithm = { ...drawAlgorithms[1]!, name: 'shijian-draw-v3', draw: (_s, pool) => [pool[0]!.id] };
    const all = { ...drawAlgorithms, 3: v3 };
    assert.equal(verifyDrawProof(published, all).ok, true);
    const proofV3 = { ...published, algorithm: 'shijian-draw-v3', version: 3, result: [published.pool[0]!.id] };
    assert.equal(verifyDrawProof(proofV3, all).ok, true);
    assert.equal(verifyDrawProof(proofV3).ok, false, 'this program does not know v3 yet');
  });
});

/**
 * The known-answer test of version 2 (the chunked pool hash; src/domain/spot-check-draw-v2.ts), produced once and
 * checked in; its pool hash was cross-checked then with an independent script. Never regenerate it; the pool
 * spans three 1 M-id chunks.
 */
const publishedV2 = JSON.parse(
  readFileSync(new URL('../../tests/fixtures/draw-proof-v2.json', import.meta.url), 'utf8'),
) as DrawProof;

describe('the published version-2 proof (tests/fixtures/draw-proof-v2.json)', () => {
  test('verifies through verify-draw, with the answer it was published with', (t) => {
    assert.equal(publishedV2.algorithm, 'shijian-draw-v2');
    assert.equal(publishedV2.poolHash, 'a745509ca95f4a5942eb590bae4734600ced80caee236fcd07953fdac24fd33b');
    assert.deepEqual(
      publishedV2.result,
      [
        999983, 999985, 999986, 999988, 999989, 999994, 1000001, 1000009, 1000013, 1000017, 1000019, 2500063, 2500091,
        2500098,
      ],
    );
    const { code, out } = run(publishedV2, t);
    assert.equal(code, 0, out);
    assert.match(out, /抽取结果一致（14 户）/);
  });

  test('a v2 proof checked as v1, or a v1 proof as v2, fails: each proof goes to the version it names', () => {
    assert.equal(verifyDrawProof({ ...publishedV2, algorithm: 'shijian-draw-v1', version: 1 }).ok, false);
    assert.equal(verifyDrawProof({ ...published, algorithm: 'shijian-draw-v2', version: 2 }).ok, false);
  });

  test('a tampered v2 proof fails, naming what changed', () => {
    const names = (p: DrawProof) =>
      verifyDrawProof(p)
        .checks.filter((c) => !c.ok)
        .map((c) => c.name);
    const [first, ...rest] = publishedV2.pool;
    assert.ok(
      names({
        ...publishedV2,
        pool: [{ ...first!, riskClass: first!.riskClass === 'A' ? 'B' : 'A' }, ...rest],
      }).includes('poolHash'),
    );
    const notDrawn = publishedV2.pool.find((e) => !publishedV2.result.includes(e.id))!.id;
    assert.deepEqual(names({ ...publishedV2, result: [...publishedV2.result.slice(1), notDrawn] }), ['result']);
  });
});

describe('a tampered proof fails verification, naming what changed', () => {
  const failed = (proof: DrawProof) =>
    verifyDrawProof(proof)
      .checks.filter((c) => !c.ok)
      .map((c) => c.name);

  test('a result id swapped for one not drawn', (t) => {
    const other = published.pool.find((e) => !published.result.includes(e.id))!.id;
    const tampered = { ...published, result: [...published.result.slice(1), other] };
    assert.deepEqual(failed(tampered), ['result']);
    const { code, out } = run(tampered, t);
    assert.equal(code, 1);
    assert.match(out, /no match/);
  });

  test('a pool entry moved to another risk class, a changed seed, another ratio', () => {
    const moved = published.pool.map((e, i) => (i === 0 ? { ...e, riskClass: e.riskClass === 'A' ? 'B' : 'A' } : e));
    assert.ok(failed({ ...published, pool: moved as DrawProof['pool'] }).includes('poolHash'));
    assert.ok(
      failed({ ...published, seed: published.seed.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }).includes(
        'commitment',
      ),
    );
    assert.deepEqual(failed({ ...published, ratios: { ...published.ratios, D: 1 } }), ['result']);
  });

  test('a version or algorithm this program does not know is named', (t) => {
    const { code, out } = run({ ...published, version: 9 }, t);
    assert.equal(code, 1);
    assert.match(out, /版本 9）未知（本程序支持 v1 shijian-draw-v1、v2 shijian-draw-v2）/);
    assert.deepEqual(failed({ ...published, algorithm: 'shijian-draw-v2' }), ['algorithm']);
  });
});

describe('a file that is not a proof answers a clear Chinese error (exit 2)', () => {
  test('a missing field or a wrong type is named by its path', (t) => {
    const { seed: _, ...noSeed } = published;
    const missing = run(noSeed, t);
    assert.equal(missing.code, 2);
    assert.match(missing.out, /抽取证明格式不正确/);
    assert.match(missing.out, /seed：/);
    const wrongClass = run({ ...published, pool: [{ id: 1, riskClass: 'E' }] }, t);
    assert.equal(wrongClass.code, 2);
    assert.match(wrongClass.out, /pool\[0\]\.riskClass：/);
  });

  test('not JSON at all', (t) => {
    const { code, out } = run('{"algorithm": ', t);
    assert.equal(code, 2);
    assert.match(out, /无法读取抽取证明文件/);
  });
});
