import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '@cip/platform/testing';
import { shopsSubgraph } from '../src/app';
import { password, signUp } from './seed';

let shops: TestSubgraph;
beforeAll(async () => {
  shops = await startTestSubgraph(shopsSubgraph);
});
afterAll(() => shops.close());

const loginMutation = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
let addresses = 0;
const newAddress = () => `198.51.100.${++addresses}`;
const loginFrom = (address: string, email: string, pass: string) => shops.execute(loginMutation, { e: email, p: pass }, { headers: { 'cip-client-address': address } });
const codeOf = (result: { errors?: readonly any[] }) => result.errors?.[0]?.extensions?.code ?? 'OK';
const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 100));

describe('login throttling', () => {
  it('counts every spelling of an e-mail against one account, so no spelling gets past the delay', async () => {
    const org = await signUp(shops);
    const attacker = newAddress();
    const spellings = [org.ownerEmail.toUpperCase(), ` ${org.ownerEmail}`, `${org.ownerEmail}\t`, org.ownerEmail.replace('o', 'Ｏ'), org.ownerEmail];
    for (const spelling of spellings) expect(codeOf(await loginFrom(attacker, spelling, 'wrong password!'))).toBe('UNAUTHENTICATED');
    const correct = await loginFrom(attacker, org.ownerEmail.toUpperCase(), password);
    expect(codeOf(correct)).toBe('RATE_LIMITED');
    expect(correct.errors?.[0].extensions?.retryAfter).toBeGreaterThanOrEqual(1);
  });

  it('makes each further failure wait longer, and lets the right password in once the delay has passed', async () => {
    const org = await signUp(shops);
    const attacker = newAddress();
    for (let i = 0; i < 5; i++) await loginFrom(attacker, org.ownerEmail, 'wrong password!');
    const first = (await loginFrom(attacker, org.ownerEmail, 'wrong password!')).errors?.[0].extensions?.retryAfter as number;
    await sleep(first);
    expect(codeOf(await loginFrom(attacker, org.ownerEmail, 'wrong password!'))).toBe('UNAUTHENTICATED');
    const second = (await loginFrom(attacker, org.ownerEmail, 'wrong password!')).errors?.[0].extensions?.retryAfter as number;
    expect(second).toBeGreaterThan(first);
    await sleep(second);
    expect(codeOf(await loginFrom(attacker, org.ownerEmail, password))).toBe('OK');
  });

  it('never keeps the owner out: many failures from strangers leave a sign-in from an address they used before working', async () => {
    const org = await signUp(shops);
    const home = newAddress();
    expect(codeOf(await loginFrom(home, org.ownerEmail, password))).toBe('OK');
    const strangers = Array.from({ length: 15 }, newAddress);
    for (const stranger of strangers) {
      for (let i = 0; i < 3; i++) await loginFrom(stranger, ` ${org.ownerEmail.toUpperCase()}`, 'wrong password!');
    }
    const fromNewPlace = await loginFrom(newAddress(), org.ownerEmail, password);
    expect(codeOf(fromNewPlace)).toBe('RATE_LIMITED');
    expect(fromNewPlace.errors?.[0].extensions?.retryAfter).toBeLessThanOrEqual(300);
    expect(codeOf(await loginFrom(home, org.ownerEmail, password))).toBe('OK');
  });

  it('gives a burst of parallel guesses no more tries than patient ones', async () => {
    const org = await signUp(shops);
    const attacker = newAddress();
    const results = await Promise.all(Array.from({ length: 20 }, () => loginFrom(attacker, org.ownerEmail, 'wrong password!')));
    const judged = results.filter((result) => codeOf(result) === 'UNAUTHENTICATED').length;
    expect(judged).toBeGreaterThanOrEqual(1);
    expect(judged).toBeLessThanOrEqual(6);
    expect(results.filter((result) => codeOf(result) === 'RATE_LIMITED')).toHaveLength(20 - judged);
  });

  it('slows one address trying many accounts (password spraying), also for accounts it has not tried yet', async () => {
    const orgs = await Promise.all(Array.from({ length: 2 }, () => signUp(shops)));
    const sprayer = newAddress();
    for (let i = 0; i < 29; i++) await loginFrom(sprayer, `nobody-${i}@example.com`, 'wrong password!');
    const untried = await loginFrom(sprayer, orgs[0].ownerEmail, 'wrong password!');
    expect(codeOf(untried)).toBe('UNAUTHENTICATED');
    expect(codeOf(await loginFrom(sprayer, orgs[1].ownerEmail, password))).toBe('RATE_LIMITED');
    expect(codeOf(await loginFrom(newAddress(), orgs[1].ownerEmail, password))).toBe('OK');
  });
});
