import { describe, expect, it } from 'vitest';
import { loadConfig } from '@cip/platform';
import { render, serviceWorkloads, type K8sObject } from './support/manifests';
import { validateObject } from './support/schemas';
import { selects } from './support/selectors';

const overlays = ['staging', 'us-east-1', 'us-west-2'];
const services = ['gateway', 'shops', 'inspections', 'vehicles', 'partners', 'analytics'];
const secretKeys = ['DATABASE_URL', 'DATABASE_REPLICA_URLS', 'REDIS_URL', 'AUTH_PRIVATE_KEY', 'GATEWAY_SECRET', 'MFA_SECRET_KEY', 'MFA_SECRET_KEYS_PREVIOUS', 'APOLLO_KEY'];
const rendered = new Map(overlays.map((overlay) => [overlay, render(`overlays/${overlay}`)]));

const named = (objects: K8sObject[], kind: string, name: string) => objects.find((object) => object.kind === kind && object.metadata.name === name);
const podLabels = (workload: K8sObject): Record<string, string> => workload.spec.template.metadata.labels;
/** The policies that name this pod specifically (the namespace-wide default deny and DNS rule aside). */
const policiesFor = (objects: K8sObject[], labels: Record<string, string>) =>
  objects.filter((object) => object.kind === 'NetworkPolicy' && Object.keys(object.spec.podSelector).length > 0 && selects(object.spec.podSelector, labels));

describe.each(overlays)('overlay %s', (overlay) => {
  const objects = rendered.get(overlay)!;
  const workloads = serviceWorkloads(objects);
  const job = named(objects, 'Job', 'cip-migrate')!;

  it('renders only objects that validate against the Kubernetes schemas and the CRDs used', () => {
    const kinds = new Set(objects.map((object) => object.kind));
    for (const kind of ['Rollout', 'AnalysisTemplate', 'ServiceMonitor', 'PrometheusRule', 'ExternalSecret', 'SecretStore', 'Ingress', 'NetworkPolicy', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Job']) {
      expect(kinds, kind).toContain(kind);
    }
    const failures = objects.flatMap((object) => {
      try {
        validateObject(object);
        return [];
      } catch (error) {
        return [(error as Error).message];
      }
    });
    expect(failures).toEqual([]);
    expect(objects.every((object) => object.kind === 'Namespace' || object.metadata.namespace === objects.find((o) => o.kind === 'Namespace')!.metadata.name)).toBe(true);
  });

  it('releases every service blue-green with pre- and post-promotion analysis on error rate and p99', () => {
    expect(workloads.map((workload) => `${workload.kind}/${workload.metadata.name}`).sort()).toEqual(services.map((name) => `Rollout/${name}`).sort());
    for (const rollout of workloads) {
      const blueGreen = rollout.spec.strategy.blueGreen;
      expect(named(objects, 'Service', blueGreen.activeService), rollout.metadata.name).toBeDefined();
      expect(named(objects, 'Service', blueGreen.previewService), rollout.metadata.name).toBeDefined();
      for (const analysis of [blueGreen.prePromotionAnalysis, blueGreen.postPromotionAnalysis]) {
        const template = named(objects, 'AnalysisTemplate', analysis.templates[0].templateName)!;
        expect(template.spec.metrics.map((metric: { name: string }) => metric.name)).toEqual(expect.arrayContaining(['error-rate', 'p99']));
        for (const metric of template.spec.metrics.filter((m: { provider: object }) => 'prometheus' in m.provider)) {
          expect(metric.provider.prometheus.query).toContain('rollouts_pod_template_hash="{{args.pod-template-hash}}"');
        }
        expect(analysis.args).toContainEqual({ name: 'pod-template-hash', valueFrom: { podTemplateHashValue: 'Latest' } });
      }
      // The previous version stays up long enough to switch back when the post-promotion analysis fails.
      expect(blueGreen.scaleDownDelaySeconds).toBeGreaterThanOrEqual(300);
    }
  });

  it.each(services)('gives %s probes, requests and limits, a PDB, an HPA, a non-root read-only security context and a NetworkPolicy', (name) => {
    const workload = named(objects, 'Rollout', name)!;
    const pod = workload.spec.template.spec;
    const container = pod.containers[0];
    for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) expect(container[probe]?.httpGet?.path, probe).toMatch(/^\/(healthz|readyz)$/);
    for (const bound of ['requests', 'limits']) for (const resource of ['cpu', 'memory']) expect(container.resources?.[bound]?.[resource], `${bound}.${resource}`).toBeDefined();
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(pod.automountServiceAccountToken).toBe(false);

    const pdbs = objects.filter((object) => object.kind === 'PodDisruptionBudget' && selects(object.spec.selector, podLabels(workload)));
    expect(pdbs).toHaveLength(1);
    const hpas = objects.filter((object) => object.kind === 'HorizontalPodAutoscaler' && object.spec.scaleTargetRef.kind === 'Rollout' && object.spec.scaleTargetRef.name === name);
    expect(hpas).toHaveLength(1);
    expect(hpas[0].spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpas[0].spec.maxReplicas).toBeGreaterThan(hpas[0].spec.minReplicas);
    expect(hpas[0].spec.metrics).toContainEqual(expect.objectContaining({ type: 'Resource', resource: expect.objectContaining({ name: 'cpu' }) }));
    const policies = policiesFor(objects, podLabels(workload));
    expect(policies.some((policy) => policy.spec.policyTypes.includes('Ingress'))).toBe(true);
    expect(policies.some((policy) => policy.spec.policyTypes.includes('Egress'))).toBe(true);
    expect(pod.topologySpreadConstraints).toContainEqual(expect.objectContaining({ topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' }));
    // Secrets only by reference: the Secret comes from External Secrets, never from these manifests.
    for (const variable of container.env.filter((v: { name: string }) => secretKeys.includes(v.name))) {
      expect(variable.valueFrom?.secretKeyRef?.name, variable.name).toBe('cip-secrets');
    }
  });

  it('scales the gateway on requests per second as well as CPU', () => {
    const hpa = named(objects, 'HorizontalPodAutoscaler', 'gateway')!;
    expect(hpa.spec.metrics).toContainEqual(expect.objectContaining({ type: 'Pods', pods: expect.objectContaining({ metric: { name: 'cip_gateway_http_requests_per_second' } }) }));
  });

  it('exposes only the gateway through the ALB Ingress, and shops for the SMS status callback alone', () => {
    const ingresses = objects.filter((object) => object.kind === 'Ingress');
    expect(ingresses).toHaveLength(1);
    expect(ingresses[0].spec.ingressClassName).toBe('alb');
    expect(ingresses[0].metadata.annotations).toMatchObject({ 'alb.ingress.kubernetes.io/scheme': 'internet-facing', 'alb.ingress.kubernetes.io/target-type': 'ip' });
    const paths = ingresses[0].spec.rules.flatMap((rule: any) => rule.http.paths.map((path: any) => ({ path: path.path, pathType: path.pathType, service: path.backend.service.name })));
    expect(new Set(paths.map((path: { service: string }) => path.service))).toEqual(new Set(['gateway', 'shops']));
    expect(paths.filter((path: { service: string }) => path.service === 'shops')).toEqual(
      ingresses[0].spec.rules.map(() => ({ path: '/messages/sms-status', pathType: 'Exact', service: 'shops' })),
    );
    expect(objects.filter((object) => object.kind === 'Service' && object.spec.type && object.spec.type !== 'ClusterIP')).toEqual([]);
  });

  it('lets subgraphs take traffic only from the gateway (shops also serves the JWKS to subgraphs) and scrapes', () => {
    const gatewayPod = podLabels(named(objects, 'Rollout', 'gateway')!);
    const subgraphPods = services.filter((name) => name !== 'gateway').map((name) => podLabels(named(objects, 'Rollout', name)!));
    const strangerPod = { 'app.kubernetes.io/name': 'debug-shell' };
    for (const labels of subgraphPods) {
      const peers = policiesFor(objects, labels)
        .filter((policy) => policy.spec.policyTypes.includes('Ingress'))
        .flatMap((policy) => (policy.spec.ingress ?? []).flatMap((rule: any) => rule.from));
      const podPeers = peers.filter((peer) => peer.podSelector && !peer.namespaceSelector);
      expect(podPeers.some((peer) => selects(peer.podSelector, gatewayPod))).toBe(true);
      expect(podPeers.some((peer) => selects(peer.podSelector, strangerPod))).toBe(false);
      // The ALB (inside the VPC) reaches shops for the SMS status callback, on its port only.
      const fromVpc = policiesFor(objects, labels).filter((policy) => (policy.spec.ingress ?? []).some((rule: any) => rule.from.some((peer: any) => peer.ipBlock)));
      expect(fromVpc.map((policy) => policy.metadata.name)).toEqual(labels['app.kubernetes.io/name'] === 'shops' ? ['shops-sms-callback'] : []);
      for (const policy of fromVpc) {
        expect(policy.spec.ingress.flatMap((rule: any) => rule.ports.map((port: any) => port.port))).toEqual([4001]);
        expect(policy.spec.ingress[0].from[0].ipBlock.cidr).toBe(named(objects, 'NetworkPolicy', 'gateway-ingress')!.spec.ingress[0].from[0].ipBlock.cidr);
      }
      const fromSubgraphs = podPeers.some((peer) => subgraphPods.some((other) => selects(peer.podSelector, other)));
      expect(fromSubgraphs, labels['app.kubernetes.io/name']).toBe(labels['app.kubernetes.io/name'] === 'shops');
    }
  });

  it('allows PostgreSQL and Redis egress only to the services and the migration Job', () => {
    const dataPorts = (policy: K8sObject) => (policy.spec.egress ?? []).flatMap((rule: any) => (rule.ports ?? []).map((port: any) => port.port)).filter((port: number) => port === 5432 || port === 6379);
    const withDataAccess = objects.filter((object) => object.kind === 'NetworkPolicy' && dataPorts(object).length > 0);
    expect(withDataAccess.length).toBeGreaterThan(0);
    for (const policy of withDataAccess) {
      expect(Object.keys(policy.spec.podSelector).length, policy.metadata.name).toBeGreaterThan(0);
      expect(selects(policy.spec.podSelector, { 'app.kubernetes.io/name': 'debug-shell' })).toBe(false);
    }
    for (const labels of [...workloads.map(podLabels), job.spec.template.metadata.labels]) {
      expect(withDataAccess.some((policy) => selects(policy.spec.podSelector, labels))).toBe(true);
    }
    expect(objects.some((object) => object.kind === 'NetworkPolicy' && Object.keys(object.spec.podSelector).length === 0 && object.spec.policyTypes.join() === 'Ingress,Egress' && !object.spec.ingress && !object.spec.egress)).toBe(true);
  });

  it('migrates in a pre-sync Job with the image entry point, as non-root on a read-only filesystem', () => {
    expect(job.metadata.annotations).toMatchObject({ 'argocd.argoproj.io/hook': 'PreSync' });
    const container = job.spec.template.spec.containers[0];
    expect(container.args).toEqual(['migrate']);
    expect(container.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(container.resources.limits).toBeDefined();
  });

  it('takes secrets from AWS Secrets Manager through External Secrets and puts none in the manifests', () => {
    expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
    const external = named(objects, 'ExternalSecret', 'cip-secrets')!;
    const store = named(objects, 'SecretStore', external.spec.secretStoreRef.name)!;
    expect(store.spec.provider.aws.service).toBe('SecretsManager');
    expect(external.spec.target.name).toBe('cip-secrets');
    for (const key of ['DATABASE_URL', 'DATABASE_REPLICA_URLS', 'REDIS_URL', 'AUTH_PRIVATE_KEY', 'GATEWAY_SECRET', 'MFA_SECRET_KEY', 'MFA_SECRET_KEYS_PREVIOUS']) {
      expect(external.spec.target.template.data[key], key).toContain('{{ .');
    }
    const fetched = new Set(external.spec.data.map((item: { secretKey: string }) => item.secretKey));
    for (const value of Object.values<string>(external.spec.target.template.data)) {
      for (const [, name] of value.matchAll(/\{\{ \.(\w+)/g)) expect(fetched, name).toContain(name);
    }
    for (const item of external.spec.data) expect(item.remoteRef.key).toMatch(new RegExp(`^cip/${overlay}/`));
    // Shops seals MFA secrets with the key; the migration Job seals the rows earlier versions left in plain text.
    const shops = workloads.find((workload) => workload.metadata.name === 'shops')!;
    for (const container of [shops.spec.template.spec.containers[0], job.spec.template.spec.containers[0]]) {
      for (const variable of ['MFA_SECRET_KEY', 'MFA_SECRET_KEYS_PREVIOUS']) {
        expect(container.env.find((entry: { name: string }) => entry.name === variable)?.valueFrom?.secretKeyRef, variable).toEqual({ name: 'cip-secrets', key: variable });
      }
    }
    const config = objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name.startsWith('cip-config'))!;
    expect(Object.keys(config.data).filter((key) => secretKeys.includes(key))).toEqual([]);
  });
});

describe.each(overlays)('customer messaging in overlay %s', (overlay) => {
  const objects = rendered.get(overlay)!;
  const shops = named(objects, 'Rollout', 'shops')!;
  const env: { name: string; value?: string; valueFrom?: any }[] = shops.spec.template.spec.containers[0].env;

  it('gives shops the SMTP and SMS provider credentials from Secrets Manager through External Secrets, and no other service', () => {
    const external = named(objects, 'ExternalSecret', 'cip-secrets')!;
    const messagingKeys = ['SMTP_URL', 'SMS_ACCOUNT_SID', 'SMS_AUTH_TOKEN', 'SMS_FROM'];
    for (const key of messagingKeys) {
      expect(external.spec.target.template.data[key], key).toMatch(/^\{\{ \.\w+ \}\}$/);
      expect(env.find((entry) => entry.name === key)?.valueFrom?.secretKeyRef, key).toEqual({ name: 'cip-secrets', key });
    }
    const fetched = external.spec.data.filter((item: any) => ['smtp_url', 'sms_account_sid', 'sms_auth_token', 'sms_from'].includes(item.secretKey));
    expect(fetched.map((item: any) => item.remoteRef.key)).toEqual(Array(4).fill(`cip/${overlay}/messaging`));
    for (const workload of serviceWorkloads(objects).filter((w) => w.metadata.name !== 'shops')) {
      const names = (workload.spec.template.spec.containers[0].env ?? []).map((entry: { name: string }) => entry.name);
      expect(names.filter((name: string) => name.startsWith('SMS_') || name === 'SMTP_URL'), workload.metadata.name).toEqual([]);
    }
    const callback = env.find((entry) => entry.name === 'SMS_STATUS_CALLBACK_URL')!.value!;
    expect(callback).toBe('$(PUBLIC_URL)/messages/sms-status');
    expect(env.find((entry) => entry.name === 'SMS_API_URL')?.value).toMatch(/^https:\/\//);
  });

  it('lets shops reach SMTP submission (587) and HTTPS on the internet, never a private address, and no other pod reach 587', () => {
    const egressPorts = (labels: Record<string, string>, cidr: string) =>
      policiesFor(objects, labels)
        .filter((policy) => policy.spec.policyTypes.includes('Egress'))
        .flatMap((policy) => policy.spec.egress.filter((rule: any) => rule.to.some((peer: any) => peer.ipBlock?.cidr === cidr)))
        .flatMap((rule: any) => rule.ports.map((port: any) => port.port));
    expect(egressPorts(podLabels(shops), '0.0.0.0/0')).toEqual(expect.arrayContaining([587, 443]));
    for (const name of services.filter((service) => service !== 'shops')) {
      expect(egressPorts(podLabels(named(objects, 'Rollout', name)!), '0.0.0.0/0'), name).not.toContain(587);
    }
    const messaging = named(objects, 'NetworkPolicy', 'shops-messaging-egress')!;
    expect(messaging.spec.egress[0].to[0].ipBlock.except).toEqual(expect.arrayContaining(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16']));
  });
});

describe.each(overlays)('media in overlay %s', (overlay) => {
  const objects = rendered.get(overlay)!;
  const config = objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name.startsWith('cip-config'))!.data as Record<string, string>;

  it("keeps media in the region's S3 bucket, which every inspections replica shares, and refuses local disk without one", () => {
    expect(named(objects, 'Rollout', 'inspections')!.spec.replicas).toBeGreaterThan(1);
    expect(loadConfig('inspections', config).media).toEqual({ store: 's3', bucket: config.MEDIA_S3_BUCKET, region: undefined, endpoint: undefined, forcePathStyle: false });
    expect(config.MEDIA_S3_BUCKET).toContain(config.AWS_REGION);
    expect(() => loadConfig('inspections', { ...config, MEDIA_STORE: '', MEDIA_S3_BUCKET: '' })).toThrow(/MEDIA_S3_BUCKET: is required in production/);
  });
});

describe('the regions', () => {
  const valueOf = (overlay: string) => {
    const objects = rendered.get(overlay)!;
    const external = named(objects, 'ExternalSecret', 'cip-secrets')!;
    const ingress = objects.find((object) => object.kind === 'Ingress')!;
    const config = objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name.startsWith('cip-config'))!;
    return {
      region: named(objects, 'SecretStore', 'aws-secrets-manager')!.spec.provider.aws.region,
      writer: new URL(external.spec.target.template.data.DATABASE_URL.replace(/\{\{[^}]*\}\}/g, 'x')).hostname,
      reader: new URL(external.spec.target.template.data.DATABASE_REPLICA_URLS.replace(/\{\{[^}]*\}\}/g, 'x')).hostname,
      redis: new URL(external.spec.target.template.data.REDIS_URL.replace(/\{\{[^}]*\}\}/g, 'x')).hostname,
      bucket: config.data.MEDIA_S3_BUCKET,
      host: ingress.spec.rules[0].host,
      failover: ingress.metadata.annotations?.['external-dns.alpha.kubernetes.io/aws-failover'],
      publicUrl: config.data.PUBLIC_URL,
    };
  };

  it('point each region at its own Aurora writer and reader, ElastiCache and bucket, behind one failover host name', () => {
    const east = valueOf('us-east-1');
    const west = valueOf('us-west-2');
    expect([east.region, west.region]).toEqual(['us-east-1', 'us-west-2']);
    for (const key of ['writer', 'reader', 'bucket'] as const) {
      expect(east[key]).toContain('us-east-1');
      expect(west[key]).toContain('us-west-2');
    }
    expect(east.redis).not.toBe(west.redis);
    expect(east.writer).not.toBe(east.reader);
    expect(east.host).toBe(west.host);
    expect([east.failover, west.failover]).toEqual(['PRIMARY', 'SECONDARY']);
    expect(east.publicUrl).toBe(`https://${east.host}`);
    expect(valueOf('staging').host).not.toBe(east.host);
  });
});
