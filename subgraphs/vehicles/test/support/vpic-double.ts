import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Row = Record<string, string>;

interface Recording {
  content: { Count: number; Message: string; SearchCriteria: string | null; Results: Row[] };
}

const load = (file: string) => JSON.parse(readFileSync(new URL(`../fixtures/vpic/${file}`, import.meta.url), 'utf8')) as Recording;

/** Every recorded vPIC row, keyed by the part of the VIN vPIC decodes from: positions 1–8, 10 and 11 ('*' for position 9). */
export const recordedRows: Row[] = [
  ...load('decode-vin.json').content.Results,
  ...load('decode-vin-batch.json').content.Results,
];

function patternOf(vin: string): string {
  return `${vin.slice(0, 8)}*${vin.slice(9, 11)}`;
}

/** The recorded row vPIC returned for the VIN's pattern (its model, plant and year), as vPIC would answer for this VIN. */
export function recordedRowFor(vin: string): Row | null {
  const row = recordedRows.find((r) => patternOf(r.VIN) === patternOf(vin));
  return row ? { ...row, VIN: vin } : null;
}

const unknownRow = (vin: string): Row => ({
  VIN: vin,
  ErrorCode: '7',
  ErrorText: '7 - Manufacturer is not registered with NHTSA for sale or importation in the U.S. for use on U.S roads',
  Make: '',
  Model: '',
  ModelYear: '',
  BodyClass: '',
});

export type DoubleMode = 'up' | 'failing' | 'slow' | 'held';

export interface VpicDouble {
  /** The base URL to configure as VPIC_BASE_URL. */
  url: string;
  mode: DoubleMode;
  /** How long a 'slow' double waits before answering. */
  slowMs: number;
  /** Every request it received, with the VINs asked for. */
  requests: { method: string; path: string; vins: string[]; at: number }[];
  /** How many requests it has answered so far. */
  answered: number;
  /** Lets every request a 'held' double is holding be answered. */
  release(): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for the vPIC API on a free port, serving the recorded responses: DecodeVinValues and
 * DecodeVINValuesBatch. 'failing' answers 503, 'slow' answers after `slowMs`, 'held' answers when released.
 */
export async function startVpicDouble(): Promise<VpicDouble> {
  let held: (() => void)[] = [];
  const double: VpicDouble = {
    url: '',
    mode: 'up',
    slowMs: 2_500,
    requests: [],
    answered: 0,
    release: () => {
      for (const answer of held) answer();
      held = [];
    },
    close: async () => undefined,
  };
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://double.test');
    const vins = vinsOf(url, body);
    double.requests.push({ method: request.method ?? 'GET', path: url.pathname, vins, at: Date.now() });
    if (double.mode === 'failing') return send(response, 503, { Message: 'Service Unavailable' });
    if (double.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, double.slowMs));
    if (double.mode === 'held') await new Promise<void>((resolve) => held.push(resolve));
    response.once('finish', () => (double.answered += 1));
    if (vins.length === 0) return send(response, 404, { Message: 'Not found' });
    const results = vins.map((vin) => recordedRowFor(vin) ?? unknownRow(vin));
    send(response, 200, {
      Count: results.length,
      Message: 'Results returned successfully. NOTE: Any missing decoded values should be interpreted as NHTSA does not have data on the specific variable.',
      SearchCriteria: null,
      Results: results,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  double.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  double.close = () =>
    new Promise((resolve) => {
      double.release();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return double;
}

function vinsOf(url: URL, body: string): string[] {
  const single = /\/vehicles\/DecodeVinValues\/([^/]+)$/i.exec(url.pathname);
  if (single) return [decodeURIComponent(single[1])];
  if (/\/vehicles\/DecodeVINValuesBatch\/?$/i.test(url.pathname)) {
    const data = new URLSearchParams(body).get('DATA') ?? '';
    return data.split(';').map((entry) => entry.split(',')[0].trim()).filter(Boolean);
  }
  return [];
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => resolve(text));
  });
}

function send(response: ServerResponse, status: number, body: unknown) {
  if (response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** An address on this machine where nothing listens: what vPIC looks like with the network cut. */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/api`;
}
