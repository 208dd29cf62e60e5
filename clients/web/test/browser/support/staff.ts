import { execFileSync } from 'node:child_process';
import { graphql, login } from './api';
import { demo, demoPassword } from './browser';

/**
 * A new colleague at the demo's first shop, invited by the owner and signed up through the invitation
 * link (read where the platform records the e-mails it sends), so a test may give them factors of
 * their own without touching the demo accounts other tests sign in with.
 */
export async function newColleague(baseUrl: string, databaseUrl: string, role: 'MANAGER' | 'ADVISOR' | 'TECHNICIAN', name: string) {
  const owner = await login(baseUrl, demo.owner, demoPassword);
  const { shops } = await graphql(baseUrl, `{ shops { id } }`, {}, owner);
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@demo-auto.example`;
  await graphql(baseUrl, `mutation($s: ID!, $input: StaffInvitationInput!) { inviteStaffMember(shopId: $s, input: $input) { id } }`, { s: shops[0].id, input: { email, name, role } }, owner);
  const actionUrl = execFileSync('psql', [databaseUrl, '-tAc', `SELECT action_url FROM shops.staff_message WHERE recipient = '${email}' ORDER BY created_at DESC LIMIT 1`], { encoding: 'utf8' }).trim();
  const token = new URL(actionUrl).hash.replace(/^#token=/, '');
  await graphql(baseUrl, `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { accessToken } }`, { t: token, p: demoPassword });
  return { email, token: await login(baseUrl, email, demoPassword), shopId: shops[0].id as string };
}
