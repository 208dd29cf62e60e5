import { graphql, login } from './api';
import { demoPassword } from './browser';

/**
 * A sent inspection of the demo's second shop and its customer link, made through the API the way the
 * technician and advisor screens make it (the flow test drives those screens at the first shop; this
 * only sets a page up for measuring).
 */
export async function sentInspectionLink(baseUrl: string, repairOrderNumber: string): Promise<string> {
  const technician = await login(baseUrl, 'tech1@demo-auto.example', demoPassword);
  const { shops } = await graphql(baseUrl, `{ shops { inspections(status: [IN_PROGRESS]) { nodes { id repairOrderNumber items { key kind } } } } }`, {}, technician);
  const inspection = shops[0].inspections.nodes.find((i: { repairOrderNumber: string }) => i.repairOrderNumber === repairOrderNumber);
  const conditionItems = inspection.items.filter((item: { kind: string }) => item.kind === 'CONDITION');
  await graphql(
    baseUrl,
    `mutation($id: ID!, $results: [InspectionItemResultInput!]!) { recordItemResults(inspectionId: $id, results: $results) { id } }`,
    { id: inspection.id, results: [{ itemKey: conditionItems[0].key, condition: 'RED' }, { itemKey: conditionItems[1].key, condition: 'YELLOW' }] },
    technician,
  );
  await graphql(baseUrl, `mutation($id: ID!) { completeInspection(id: $id) { id } }`, { id: inspection.id }, technician);
  const advisor = await login(baseUrl, 'advisor1@demo-auto.example', demoPassword);
  const { sendInspection } = await graphql(baseUrl, `mutation($id: ID!) { sendInspection(id: $id) { token } }`, { id: inspection.id }, advisor);
  return `${baseUrl}/approve/#${sendInspection.token}`;
}

/** A staff session as the sign-in screen stores it. */
export async function staffSession(baseUrl: string, email: string) {
  const { login: session } = await graphql(
    baseUrl,
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken accessTokenExpiresAt refreshTokenExpiresAt } }`,
    { e: email, p: demoPassword },
  );
  return session as Record<string, string>;
}
