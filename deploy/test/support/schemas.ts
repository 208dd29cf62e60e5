import * as argoRollouts from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1';
import * as externalSecrets from '@kubernetes-models/external-secrets/external-secrets.io/v1';
import * as prometheusOperator from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import * as apps from 'kubernetes-models/apps/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as batch from 'kubernetes-models/batch/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as core from 'kubernetes-models/v1';
import type { K8sObject } from './manifests';

type Model = { apiVersion: string; kind: string; new (data: any): { validate(): void } };

/** Every model class the manifests may use, by `apiVersion/kind`: Kubernetes' own and the CRDs'. */
const models = new Map<string, Model>();
for (const namespace of [core, apps, autoscaling, batch, networking, policy, argoRollouts, prometheusOperator, externalSecrets]) {
  for (const value of Object.values(namespace) as unknown[]) {
    const model = value as Model;
    if (typeof model === 'function' && typeof model.apiVersion === 'string' && typeof model.kind === 'string') models.set(`${model.apiVersion}/${model.kind}`, model);
  }
}

/** Validates an object against its JSON schema; throws with the object's name and the schema's complaint. */
export function validateObject(object: K8sObject): void {
  const model = models.get(`${object.apiVersion}/${object.kind}`);
  if (!model) throw new Error(`no schema for ${object.apiVersion} ${object.kind} (${object.metadata.name})`);
  try {
    new model(object).validate();
  } catch (error) {
    throw new Error(`${object.kind}/${object.metadata.name}: ${(error as Error).message}`, { cause: error });
  }
}
