/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation IssuePartnerApiKey($input: IssuePartnerApiKeyInput!) {\n  issuePartnerApiKey(input: $input) {\n    secret\n    key {\n      id\n      prefix\n      plan\n    }\n  }\n}\n\nmutation RevokePartnerApiKey($keyId: ID!) {\n  revokePartnerApiKey(keyId: $keyId) {\n    id\n    revokedAt\n  }\n}": typeof types.IssuePartnerApiKeyDocument,
    "query PartnerProfile {\n  viewerPartner {\n    id\n    name\n    kind\n    shops {\n      shop {\n        id\n        name\n      }\n      program {\n        id\n        name\n      }\n      enrolledAt\n    }\n  }\n}\n\nquery PartnerPrograms {\n  programs {\n    id\n    name\n    currency\n  }\n}": typeof types.PartnerProfileDocument,
    "query PartnerShop($id: ID!) {\n  shop(id: $id) {\n    id\n    name\n    programs {\n      program {\n        id\n        name\n      }\n      enrolledAt\n    }\n  }\n}": typeof types.PartnerShopDocument,
    "query PartnerStatement($shopId: ID!, $partnerId: ID!, $period: String!) {\n  partnerStatement(shopId: $shopId, partnerId: $partnerId, period: $period) {\n    period\n    status\n    closedAt\n    accrued {\n      amountCents\n      currency\n    }\n    incentives {\n      amountCents\n      currency\n    }\n    reversed {\n      amountCents\n      currency\n    }\n    payable {\n      amountCents\n      currency\n    }\n    lines {\n      tier\n      multiplierBasisPoints\n      program {\n        id\n        name\n      }\n      payable {\n        amountCents\n        currency\n      }\n    }\n  }\n}": typeof types.PartnerStatementDocument,
};
const documents: Documents = {
    "mutation IssuePartnerApiKey($input: IssuePartnerApiKeyInput!) {\n  issuePartnerApiKey(input: $input) {\n    secret\n    key {\n      id\n      prefix\n      plan\n    }\n  }\n}\n\nmutation RevokePartnerApiKey($keyId: ID!) {\n  revokePartnerApiKey(keyId: $keyId) {\n    id\n    revokedAt\n  }\n}": types.IssuePartnerApiKeyDocument,
    "query PartnerProfile {\n  viewerPartner {\n    id\n    name\n    kind\n    shops {\n      shop {\n        id\n        name\n      }\n      program {\n        id\n        name\n      }\n      enrolledAt\n    }\n  }\n}\n\nquery PartnerPrograms {\n  programs {\n    id\n    name\n    currency\n  }\n}": types.PartnerProfileDocument,
    "query PartnerShop($id: ID!) {\n  shop(id: $id) {\n    id\n    name\n    programs {\n      program {\n        id\n        name\n      }\n      enrolledAt\n    }\n  }\n}": types.PartnerShopDocument,
    "query PartnerStatement($shopId: ID!, $partnerId: ID!, $period: String!) {\n  partnerStatement(shopId: $shopId, partnerId: $partnerId, period: $period) {\n    period\n    status\n    closedAt\n    accrued {\n      amountCents\n      currency\n    }\n    incentives {\n      amountCents\n      currency\n    }\n    reversed {\n      amountCents\n      currency\n    }\n    payable {\n      amountCents\n      currency\n    }\n    lines {\n      tier\n      multiplierBasisPoints\n      program {\n        id\n        name\n      }\n      payable {\n        amountCents\n        currency\n      }\n    }\n  }\n}": types.PartnerStatementDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IssuePartnerApiKey($input: IssuePartnerApiKeyInput!) {\n  issuePartnerApiKey(input: $input) {\n    secret\n    key {\n      id\n      prefix\n      plan\n    }\n  }\n}\n\nmutation RevokePartnerApiKey($keyId: ID!) {\n  revokePartnerApiKey(keyId: $keyId) {\n    id\n    revokedAt\n  }\n}"): (typeof documents)["mutation IssuePartnerApiKey($input: IssuePartnerApiKeyInput!) {\n  issuePartnerApiKey(input: $input) {\n    secret\n    key {\n      id\n      prefix\n      plan\n    }\n  }\n}\n\nmutation RevokePartnerApiKey($keyId: ID!) {\n  revokePartnerApiKey(keyId: $keyId) {\n    id\n    revokedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerProfile {\n  viewerPartner {\n    id\n    name\n    kind\n    shops {\n      shop {\n        id\n        name\n      }\n      program {\n        id\n        name\n      }\n      enrolledAt\n    }\n  }\n}\n\nquery PartnerPrograms {\n  programs {\n    id\n    name\n    currency\n  }\n}"): (typeof documents)["query PartnerProfile {\n  viewerPartner {\n    id\n    name\n    kind\n    shops {\n      shop {\n        id\n        name\n      }\n      program {\n        id\n        name\n      }\n      enrolledAt\n    }\n  }\n}\n\nquery PartnerPrograms {\n  programs {\n    id\n    name\n    currency\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerShop($id: ID!) {\n  shop(id: $id) {\n    id\n    name\n    programs {\n      program {\n        id\n        name\n      }\n      enrolledAt\n    }\n  }\n}"): (typeof documents)["query PartnerShop($id: ID!) {\n  shop(id: $id) {\n    id\n    name\n    programs {\n      program {\n        id\n        name\n      }\n      enrolledAt\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerStatement($shopId: ID!, $partnerId: ID!, $period: String!) {\n  partnerStatement(shopId: $shopId, partnerId: $partnerId, period: $period) {\n    period\n    status\n    closedAt\n    accrued {\n      amountCents\n      currency\n    }\n    incentives {\n      amountCents\n      currency\n    }\n    reversed {\n      amountCents\n      currency\n    }\n    payable {\n      amountCents\n      currency\n    }\n    lines {\n      tier\n      multiplierBasisPoints\n      program {\n        id\n        name\n      }\n      payable {\n        amountCents\n        currency\n      }\n    }\n  }\n}"): (typeof documents)["query PartnerStatement($shopId: ID!, $partnerId: ID!, $period: String!) {\n  partnerStatement(shopId: $shopId, partnerId: $partnerId, period: $period) {\n    period\n    status\n    closedAt\n    accrued {\n      amountCents\n      currency\n    }\n    incentives {\n      amountCents\n      currency\n    }\n    reversed {\n      amountCents\n      currency\n    }\n    payable {\n      amountCents\n      currency\n    }\n    lines {\n      tier\n      multiplierBasisPoints\n      program {\n        id\n        name\n      }\n      payable {\n        amountCents\n        currency\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;