// Load: autocannon against both API processes of the shared pair on PostgreSQL (full-size data set): the
// edition ranking query at 200 concurrent connections for 30 s, with zero errors, every answer complete.
import { describe, expect, it } from 'vitest';
import { sharedCluster } from './harness/cluster';
import { gql, loginAll } from './harness/gql';
import { RANKING_QUERY, rankingLoad } from './harness/ranking-query';
import { recordSection } from './harness/report';

const CONNECTIONS = 200;
const SECONDS = Number(process.env.RELIABILITY_LOAD_SECONDS ?? 30);

const cluster = sharedCluster();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

describe('load', () => {
  it(`holds ${CONNECTIONS} connections on the ranking query for ${SECONDS} s with zero errors`, async () => {
    const token = (await loginAll(cluster.urls[0]!)).analyst;
    // One answer per process first (the first one computes the results): every later answer must equal it.
    const probes = await Promise.all(cluster.urls.map((url) => gql(url, RANKING_QUERY, {}, token, 60_000)));
    for (const probe of probes) {
      expect(probe.status).toBe(200);
      expect(probe.errors).toBeUndefined();
      expect(probe.data.editionResults.overall.entries.length).toBeGreaterThan(50);
    }
    expect(probes[1]!.data).toEqual(probes[0]!.data);
    const expectedBytes = Buffer.byteLength(JSON.stringify({ data: probes[0]!.data }));

    const latencies: number[] = [];
    let wrongSize = 0;
    const instance = rankingLoad(cluster.urls, token, CONNECTIONS, SECONDS);
    instance.on('response', (_client: unknown, status: number, bytes: number, ms: number) => {
      latencies.push(ms);
      // Bytes include the headers; a body with errors or a partial answer has a different size.
      if (status !== 200 || bytes < expectedBytes) wrongSize++;
    });
    const result = await instance;
    latencies.sort((a, b) => a - b);
    const figures = {
      'requests answered': latencies.length,
      'requests/s (average)': Math.round(result.requests.average),
      'latency p50 (ms)': Math.round(percentile(latencies, 50)),
      'latency p95 (ms)': Math.round(percentile(latencies, 95)),
      'latency p99 (ms)': Math.round(percentile(latencies, 99)),
      'latency max (ms)': Math.round(latencies.at(-1) ?? Number.NaN),
      'errors / timeouts / non-2xx / short answers': `${result.errors} / ${result.timeouts} / ${result.non2xx} / ${wrongSize}`,
      'answer size (bytes)': expectedBytes,
    };
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(wrongSize).toBe(0);
    expect(latencies.length).toBeGreaterThan(CONNECTIONS);
    for (const url of cluster.urls) expect((await fetch(`${url}/ready`)).status).toBe(200);

    recordSection('7-load', {
      title: '7 Load',
      faults: [
        `autocannon: ${CONNECTIONS} connections for ${SECONDS} s, spread over both API processes, POST of the KSP24 ranking query (overall and per-industry rankings, best per channel; ${probes[0]!.data.editionResults.overall.entries.length} companies) as an analyst`,
      ],
      findings: [
        'zero errors, zero timeouts, zero non-2xx answers; every answer had the full size of the reference answer',
        'both processes ready afterwards',
      ],
      figures,
    });
  });
});
