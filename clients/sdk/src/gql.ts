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
    "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    accessToken\n    refreshToken\n  }\n}\n\nquery Me {\n  me {\n    id\n    name\n    email\n    roles {\n      role\n      shop {\n        id\n        name\n      }\n    }\n  }\n}": typeof types.LoginDocument,
    "query MyShops {\n  shops {\n    id\n    name\n    timezone\n    laborRate {\n      amountCents\n      currency\n    }\n  }\n}\n\nquery ShopDetails($id: ID!) {\n  shop(id: $id) {\n    id\n    name\n    timezone\n    address {\n      line1\n      city\n      region\n      postalCode\n      country\n    }\n    laborRate {\n      amountCents\n      currency\n    }\n  }\n}": typeof types.MyShopsDocument,
};
const documents: Documents = {
    "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    accessToken\n    refreshToken\n  }\n}\n\nquery Me {\n  me {\n    id\n    name\n    email\n    roles {\n      role\n      shop {\n        id\n        name\n      }\n    }\n  }\n}": types.LoginDocument,
    "query MyShops {\n  shops {\n    id\n    name\n    timezone\n    laborRate {\n      amountCents\n      currency\n    }\n  }\n}\n\nquery ShopDetails($id: ID!) {\n  shop(id: $id) {\n    id\n    name\n    timezone\n    address {\n      line1\n      city\n      region\n      postalCode\n      country\n    }\n    laborRate {\n      amountCents\n      currency\n    }\n  }\n}": types.MyShopsDocument,
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
export function graphql(source: "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    accessToken\n    refreshToken\n  }\n}\n\nquery Me {\n  me {\n    id\n    name\n    email\n    roles {\n      role\n      shop {\n        id\n        name\n      }\n    }\n  }\n}"): (typeof documents)["mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    accessToken\n    refreshToken\n  }\n}\n\nquery Me {\n  me {\n    id\n    name\n    email\n    roles {\n      role\n      shop {\n        id\n        name\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyShops {\n  shops {\n    id\n    name\n    timezone\n    laborRate {\n      amountCents\n      currency\n    }\n  }\n}\n\nquery ShopDetails($id: ID!) {\n  shop(id: $id) {\n    id\n    name\n    timezone\n    address {\n      line1\n      city\n      region\n      postalCode\n      country\n    }\n    laborRate {\n      amountCents\n      currency\n    }\n  }\n}"): (typeof documents)["query MyShops {\n  shops {\n    id\n    name\n    timezone\n    laborRate {\n      amountCents\n      currency\n    }\n  }\n}\n\nquery ShopDetails($id: ID!) {\n  shop(id: $id) {\n    id\n    name\n    timezone\n    address {\n      line1\n      city\n      region\n      postalCode\n      country\n    }\n    laborRate {\n      amountCents\n      currency\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;