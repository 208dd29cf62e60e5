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
    "mutation OpenSharedInspection($token: String!) {\n  openSharedInspection(token: $token) {\n    accessToken\n    expiresAt\n    inspection {\n      id\n    }\n  }\n}\n\nquery CustomerInspection($id: ID!) {\n  inspection(id: $id) {\n    ...CustomerReport\n  }\n}\n\nmutation DecideRecommendation($id: ID!, $decision: RecommendationDecision!) {\n  decideRecommendation(id: $id, decision: $decision) {\n    id\n    decision\n    decidedAt\n    inspection {\n      id\n      status\n      approval {\n        ...CustomerApproval\n      }\n    }\n  }\n}\n\nmutation RecordEducationView($id: ID!) {\n  recordEducationView(id: $id) {\n    id\n    educationViewed\n  }\n}\n\nfragment CustomerReport on Inspection {\n  id\n  status\n  reportLayout\n  currency\n  sentAt\n  shareExpiresAt\n  vehicle {\n    id\n    year\n    make\n    model\n  }\n  summary {\n    green\n    yellow\n    red\n    total\n  }\n  items {\n    key\n    section\n    name\n    condition\n    measurement\n    unit\n    notes\n    media {\n      id\n      kind\n      caption\n      variants {\n        size\n        url\n        width\n        height\n      }\n    }\n  }\n  recommendations {\n    id\n    title\n    description\n    urgency\n    quantity\n    total {\n      amountCents\n      currency\n    }\n    item {\n      key\n      name\n      condition\n    }\n    decision\n  }\n  approval {\n    ...CustomerApproval\n  }\n}\n\nfragment CustomerApproval on InspectionApproval {\n  presentedCount\n  approvedCount\n  declinedCount\n  pendingCount\n  presentedTotal {\n    amountCents\n    currency\n  }\n  approvedTotal {\n    amountCents\n    currency\n  }\n}": typeof types.OpenSharedInspectionDocument,
};
const documents: Documents = {
    "mutation OpenSharedInspection($token: String!) {\n  openSharedInspection(token: $token) {\n    accessToken\n    expiresAt\n    inspection {\n      id\n    }\n  }\n}\n\nquery CustomerInspection($id: ID!) {\n  inspection(id: $id) {\n    ...CustomerReport\n  }\n}\n\nmutation DecideRecommendation($id: ID!, $decision: RecommendationDecision!) {\n  decideRecommendation(id: $id, decision: $decision) {\n    id\n    decision\n    decidedAt\n    inspection {\n      id\n      status\n      approval {\n        ...CustomerApproval\n      }\n    }\n  }\n}\n\nmutation RecordEducationView($id: ID!) {\n  recordEducationView(id: $id) {\n    id\n    educationViewed\n  }\n}\n\nfragment CustomerReport on Inspection {\n  id\n  status\n  reportLayout\n  currency\n  sentAt\n  shareExpiresAt\n  vehicle {\n    id\n    year\n    make\n    model\n  }\n  summary {\n    green\n    yellow\n    red\n    total\n  }\n  items {\n    key\n    section\n    name\n    condition\n    measurement\n    unit\n    notes\n    media {\n      id\n      kind\n      caption\n      variants {\n        size\n        url\n        width\n        height\n      }\n    }\n  }\n  recommendations {\n    id\n    title\n    description\n    urgency\n    quantity\n    total {\n      amountCents\n      currency\n    }\n    item {\n      key\n      name\n      condition\n    }\n    decision\n  }\n  approval {\n    ...CustomerApproval\n  }\n}\n\nfragment CustomerApproval on InspectionApproval {\n  presentedCount\n  approvedCount\n  declinedCount\n  pendingCount\n  presentedTotal {\n    amountCents\n    currency\n  }\n  approvedTotal {\n    amountCents\n    currency\n  }\n}": types.OpenSharedInspectionDocument,
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
export function graphql(source: "mutation OpenSharedInspection($token: String!) {\n  openSharedInspection(token: $token) {\n    accessToken\n    expiresAt\n    inspection {\n      id\n    }\n  }\n}\n\nquery CustomerInspection($id: ID!) {\n  inspection(id: $id) {\n    ...CustomerReport\n  }\n}\n\nmutation DecideRecommendation($id: ID!, $decision: RecommendationDecision!) {\n  decideRecommendation(id: $id, decision: $decision) {\n    id\n    decision\n    decidedAt\n    inspection {\n      id\n      status\n      approval {\n        ...CustomerApproval\n      }\n    }\n  }\n}\n\nmutation RecordEducationView($id: ID!) {\n  recordEducationView(id: $id) {\n    id\n    educationViewed\n  }\n}\n\nfragment CustomerReport on Inspection {\n  id\n  status\n  reportLayout\n  currency\n  sentAt\n  shareExpiresAt\n  vehicle {\n    id\n    year\n    make\n    model\n  }\n  summary {\n    green\n    yellow\n    red\n    total\n  }\n  items {\n    key\n    section\n    name\n    condition\n    measurement\n    unit\n    notes\n    media {\n      id\n      kind\n      caption\n      variants {\n        size\n        url\n        width\n        height\n      }\n    }\n  }\n  recommendations {\n    id\n    title\n    description\n    urgency\n    quantity\n    total {\n      amountCents\n      currency\n    }\n    item {\n      key\n      name\n      condition\n    }\n    decision\n  }\n  approval {\n    ...CustomerApproval\n  }\n}\n\nfragment CustomerApproval on InspectionApproval {\n  presentedCount\n  approvedCount\n  declinedCount\n  pendingCount\n  presentedTotal {\n    amountCents\n    currency\n  }\n  approvedTotal {\n    amountCents\n    currency\n  }\n}"): (typeof documents)["mutation OpenSharedInspection($token: String!) {\n  openSharedInspection(token: $token) {\n    accessToken\n    expiresAt\n    inspection {\n      id\n    }\n  }\n}\n\nquery CustomerInspection($id: ID!) {\n  inspection(id: $id) {\n    ...CustomerReport\n  }\n}\n\nmutation DecideRecommendation($id: ID!, $decision: RecommendationDecision!) {\n  decideRecommendation(id: $id, decision: $decision) {\n    id\n    decision\n    decidedAt\n    inspection {\n      id\n      status\n      approval {\n        ...CustomerApproval\n      }\n    }\n  }\n}\n\nmutation RecordEducationView($id: ID!) {\n  recordEducationView(id: $id) {\n    id\n    educationViewed\n  }\n}\n\nfragment CustomerReport on Inspection {\n  id\n  status\n  reportLayout\n  currency\n  sentAt\n  shareExpiresAt\n  vehicle {\n    id\n    year\n    make\n    model\n  }\n  summary {\n    green\n    yellow\n    red\n    total\n  }\n  items {\n    key\n    section\n    name\n    condition\n    measurement\n    unit\n    notes\n    media {\n      id\n      kind\n      caption\n      variants {\n        size\n        url\n        width\n        height\n      }\n    }\n  }\n  recommendations {\n    id\n    title\n    description\n    urgency\n    quantity\n    total {\n      amountCents\n      currency\n    }\n    item {\n      key\n      name\n      condition\n    }\n    decision\n  }\n  approval {\n    ...CustomerApproval\n  }\n}\n\nfragment CustomerApproval on InspectionApproval {\n  presentedCount\n  approvedCount\n  declinedCount\n  pendingCount\n  presentedTotal {\n    amountCents\n    currency\n  }\n  approvedTotal {\n    amountCents\n    currency\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;