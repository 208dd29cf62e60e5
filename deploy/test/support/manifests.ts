import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';

export const repoRoot = new URL('../../..', import.meta.url).pathname;

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any;
  [key: string]: any;
}

/** Every object `kubectl kustomize` renders for `dir` (relative to deploy/), as the cluster would receive it. */
export function render(dir: string): K8sObject[] {
  const output = execFileSync('kubectl', ['kustomize', `${repoRoot}deploy/${dir}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  return parseAllDocuments(output).map((document) => document.toJS() as K8sObject).filter(Boolean);
}

/** The workloads that serve traffic: the gateway and the five subgraphs. */
export const serviceWorkloads = (objects: K8sObject[]) =>
  objects.filter((object) => (object.kind === 'Rollout' || object.kind === 'Deployment') && object.metadata.labels?.['app.kubernetes.io/component'] !== undefined);
