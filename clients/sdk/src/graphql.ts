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
  /** A whole number of the smallest currency unit (e.g. 12999 is $129.99). Never fractional, never beyond 2^53 − 1. */
  Cents: { input: number; output: number; }
  /** An instant in time, as an ISO-8601 string in UTC (e.g. "2026-03-01T14:30:00.000Z"). */
  DateTime: { input: string; output: string; }
  /** Any JSON value. */
  JSON: { input: any; output: any; }
  join__FieldSet: { input: any; output: any; }
  link__Import: { input: any; output: any; }
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

/** What kind of caller an audit entry names. */
export type AuditActorKind =
  /** Nobody signed in (sign-in, sign-up). */
  | 'ANONYMOUS'
  /** A platform operator (actorId: their name). */
  | 'OPERATOR'
  /** A partner's API key (actorId: the key). */
  | 'PARTNER_KEY'
  /** A service acting on an event (actorId: the service, e.g. partners accruing a commission). */
  | 'SERVICE'
  /** A customer through an inspection's share link (actorId: the link's grant). */
  | 'SHARE_LINK'
  /** A staff user (actorId: the user). */
  | 'USER';

/** What an audit entry records. */
export type AuditEntryType =
  /** A service's own action on an event (a partner commission accrued). */
  | 'EVENT'
  /** A read of exported data (an audit log export). */
  | 'EXPORT'
  /** A mutation that ran through the gateway. */
  | 'MUTATION'
  /** A security event (sign-in, MFA, token reuse …). */
  | 'SECURITY';

/** How an audit log export is written. */
export type AuditExportFormat =
  /** RFC 4180 CSV with a header row; target ids separated by spaces. */
  | 'CSV'
  /** One JSON object per line. */
  | 'JSON_LINES';

/** Whether the audited action did what was asked. */
export type AuditOutcome =
  /** It was refused or failed; `errorCode` says why. */
  | 'FAILURE'
  /** It did. */
  | 'SUCCESS';

/** One bracket of a tiered rule. */
export type CommissionBracketInput = {
  /** Rate in basis points (0–10000). */
  basisPoints: Scalars['Int']['input'];
  /** Upper bound; omit for the last, open bracket. */
  upToCents?: InputMaybe<Scalars['Cents']['input']>;
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

/** What a flag is for. */
export type FeatureFlagKind =
  /** Splits units between variants and measures a metric. */
  | 'EXPERIMENT'
  /** Turns a feature on for some or all callers. */
  | 'RELEASE'
  /** An operational setting (limits, schedules, TTLs) changed without a restart. */
  | 'SETTING';

/** Who made a change. */
export type InspectionActorKind =
  /** The customer, through the share link. */
  | 'CUSTOMER'
  /** A staff user of the shop. */
  | 'STAFF'
  /** The platform itself (or a change recorded before actors were). */
  | 'SYSTEM';

/** What happened to an inspection. */
export type InspectionChangeType =
  /** The inspection closed (every recommendation decided, or the shop closed it). */
  | 'CLOSED'
  /** The technician finished; recommendations were made from the findings. */
  | 'COMPLETED'
  /** A recommendation was approved (by the customer, or staff for them). */
  | 'RECOMMENDATION_APPROVED'
  /** A recommendation was declined. */
  | 'RECOMMENDATION_DECLINED'
  /** An approved recommendation was refunded. */
  | 'RECOMMENDATION_REFUNDED'
  /** The report was sent to the customer. */
  | 'SENT'
  /** A technician began the inspection. */
  | 'STARTED';

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

/** What a template item records. */
export type InspectionItemKind =
  /** A condition only. */
  | 'CONDITION'
  /** A measurement in a unit, whose thresholds set the condition. */
  | 'MEASUREMENT';

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

/** What a media file is. */
export type InspectionMediaKind =
  /** A photo: image/jpeg, image/png, image/webp. */
  | 'PHOTO'
  /** A video: video/mp4, video/quicktime, video/webm. */
  | 'VIDEO';

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

/** Which web-sized copy of a photo. */
export type InspectionMediaVariantSize =
  /** At most 1600 px on the longer side: a phone or laptop screen. */
  | 'DISPLAY'
  /** At most 320 px on the longer side: lists and previews. */
  | 'THUMBNAIL';

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

/** Where an invitation stands. */
export type InvitationStatus =
  /** The invitee chose a password and now works at the shop. */
  | 'ACCEPTED'
  /** Not accepted in time; invite again if still wanted. */
  | 'EXPIRED'
  /** Sent, not accepted yet. */
  | 'PENDING';

/** A new API key for the calling partner. */
export type IssuePartnerApiKeyInput = {
  /** What the key is for, e.g. "production" (1–100 characters). */
  label: Scalars['String']['input'];
  /** The quota plan; STANDARD when omitted. */
  plan?: InputMaybe<PartnerApiKeyPlan>;
};

/** How a message reaches the customer. */
export type MessageChannel =
  /** E-mail, to the customer's address, when they agreed to e-mail. */
  | 'EMAIL'
  /** A text message, to the customer's phone, when they agreed to text messages. */
  | 'SMS';

/** Why a message goes to the customer. */
export type MessageKind =
  /** A follow-up about declined recommendations, the shop's number of days after the decline. */
  | 'FOLLOW_UP'
  /** A reminder, when the customer has not opened the report within the shop's reminder time. */
  | 'REMINDER'
  /** The report, sent when the advisor sends the inspection. */
  | 'REPORT';

/** When reminders and follow-ups go out. */
export type MessageSettingsInput = {
  /** Days (1–730, at most 5, no repeats) after a decline when follow-ups go out; empty: none. */
  followUpDays: Array<Scalars['Int']['input']>;
  /** Hours (1–720) after sending when an unopened report gets a reminder; null or absent: no reminders. */
  reminderAfterHours?: InputMaybe<Scalars['Int']['input']>;
};

/** Where a message to the customer stands. */
export type MessageStatus =
  /** The SMS provider reported it delivered to the phone. */
  | 'DELIVERED'
  /** Given up: the last attempt failed, the failure cannot be fixed by trying again, or the provider reported it undelivered (see `failureReason`). */
  | 'FAILED'
  /** Never attempted, for the reason in `failureReason`: no consent or address for the channel, or the channel is not configured. */
  | 'NOT_SENT'
  /** Waiting for its first attempt, or for the next one after a failed attempt (see `failureReason` and `nextAttemptAt`). */
  | 'QUEUED'
  /** Accepted by the e-mail server or the SMS provider. */
  | 'SENT';

/** The wording of one kind of message. Placeholders are written {{name}}; only those the kind lists (`MessageTemplate.placeholders`) are accepted. */
export type MessageTemplateInput = {
  /** The e-mail's text, at most 10,000 characters; must contain {{link}} for REPORT and REMINDER. */
  emailBody: Scalars['String']['input'];
  /** The e-mail's subject line: one line, at most 200 characters. */
  emailSubject: Scalars['String']['input'];
  /** The text message's text, at most 640 characters before placeholders are filled in; must contain {{link}} for REPORT and REMINDER. */
  smsBody: Scalars['String']['input'];
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

/** Who in the organization must sign in with a second factor. A user it covers who has none can only enroll one. */
export type MfaPolicy =
  /** Required of every staff user. */
  | 'ALL_STAFF'
  /** Second factors are optional. */
  | 'OFF'
  /** Required of owners and managers. */
  | 'OWNERS_AND_MANAGERS';

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

/** What a ledger entry records. */
export type PartnerLedgerEntryKind =
  /** Commission (and any education incentive) earned on an approved sale. */
  | 'ACCRUAL'
  /** Takes back an accrual after the customer declined the sale or it was refunded. */
  | 'REVERSAL';

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

/** Which of an enrolled shop's data a program shares with its partner (shop staff always see all of it). */
export type ProgramSharedField =
  /** The shop's monthly statements with the partner. */
  | 'EARNINGS'
  /** The shop's trailing revenue, conversion and education figures. */
  | 'PERFORMANCE'
  /** The shop's tier in the program and what it needs for the next one. */
  | 'TIER';

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
  /** Price of the labor, not negative: overrides hours × the shop's labor rate. */
  laborCents?: InputMaybe<Scalars['Cents']['input']>;
  /** Estimated labor hours, 0 to 100. Without `laborCents` the labor is priced at hours × the shop's labor rate. */
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

/** The price of one recommendation in `priceRecommendations`. Omitted fields keep their value; `laborHours` without `laborCents` is priced at the shop's labor rate. */
export type RecommendationPriceInput = {
  /** The recommendation. */
  id: Scalars['ID']['input'];
  /** Price of the labor, not negative: overrides hours × the shop's labor rate. */
  laborCents?: InputMaybe<Scalars['Cents']['input']>;
  /** Estimated labor hours, 0 to 100. */
  laborHours?: InputMaybe<Scalars['Float']['input']>;
  /** Price of one unit of parts; not negative. */
  partsCents?: InputMaybe<Scalars['Cents']['input']>;
  /** Units of the part, 1 to 100. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
};

/** How soon the customer should act on a recommendation. */
export type RecommendationUrgency =
  /** Safety-related or failing: do it now. */
  | 'IMMEDIATE'
  /** Watch it; no work needed yet. */
  | 'MONITOR'
  /** Do it within the next visit or two. */
  | 'SOON';

/** How the customer's report page opens. Fixed when the report is sent, by the report experiment while one runs. */
export type ReportLayout =
  /** What the technician found, with the photos, first; then the recommended work. */
  | 'PHOTOS_FIRST'
  /** The recommended work first, then what the technician found. */
  | 'RECOMMENDATIONS_FIRST';

/** What threat detection saw. */
export type SecurityEventType =
  /** A partner's API key ran a mutation from an address it never used before (MEDIUM). */
  | 'API_KEY_NEW_ADDRESS'
  /** Sign-ins to 10 or more accounts, some of this organization's, failed from one address within 10 minutes (HIGH). */
  | 'CREDENTIAL_STUFFING'
  /** A sign-in to one of the organization's accounts failed (LOW). */
  | 'LOGIN_FAILED'
  /** A staff user signed in (INFO). */
  | 'LOGIN_SUCCEEDED'
  /** A wrong second-factor code was entered (MEDIUM). */
  | 'MFA_FAILED'
  /** A user who signed in before did so from a new client address or user agent (MEDIUM). */
  | 'NEW_DEVICE'
  /** One caller had 5 or more mutations refused as FORBIDDEN within 5 minutes (HIGH). */
  | 'PERMISSION_DENIED_BURST'
  /** A used refresh token came back, so it was copied; the login was ended (HIGH). */
  | 'REFRESH_TOKEN_REUSE';

/** How much a security event matters, lowest first. */
export type SecuritySeverity =
  /** Calls for attention now; pushed to the owner. */
  | 'HIGH'
  /** For the record. */
  | 'INFO'
  /** Worth a look in a pattern. */
  | 'LOW'
  /** Worth checking with the user. */
  | 'MEDIUM';

/** A new configuration for a flag, checked against the schema the code gives the flag. */
export type SetFeatureFlagInput = {
  /** When the configuration takes over; now when left out or past. */
  activateAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** When the flag is due for removal; unchanged when left out. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The flag key. */
  key: Scalars['String']['input'];
  /** Who answers for the flag; unchanged when left out. */
  owner?: InputMaybe<Scalars['String']['input']>;
  /** Why: kept in the history and the change event. */
  reason: Scalars['String']['input'];
  /** The configuration: `{ enabled, unit?, rules?: [{ when: { orgIds?, shopIds?, userIds?, roles?, plans? }, serve }], fallthrough?: serve }` where serve is `{ value }`, `{ value, percentage }` or `{ variants: [{ name, value, weight }] }`. */
  state: Scalars['JSON']['input'];
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

/** A new organization with its first shop and owner. */
export type SignUpInput = {
  /** The owner's login e-mail; the confirmation link is sent there. */
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

/** Who to invite, and as what. */
export type StaffInvitationInput = {
  /** The invitee's e-mail address; the invitation link is sent there. */
  email: Scalars['String']['input'];
  /** The invitee's full name. */
  name: Scalars['String']['input'];
  /** Their role at the shop. */
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

/** One item of a template section. */
export type TemplateItemInput = {
  /** Stable key, unique in the template (letters, digits, `_` and `.`). Keep it when editing so carry-forward can match results; generated when omitted. */
  key?: InputMaybe<Scalars['String']['input']>;
  /** Condition only, or a measurement. */
  kind: InspectionItemKind;
  /** Display name. */
  name: Scalars['String']['input'];
  /** The recommendation's wording when the item is found yellow or red; the default wording when omitted. */
  recommendation?: InputMaybe<TemplateItemRecommendationInput>;
  /** Required for measurements, absent for condition items. */
  thresholds?: InputMaybe<TemplateItemThresholdsInput>;
  /** Required for measurements, absent for condition items. */
  unit?: InputMaybe<InspectionMeasurementUnit>;
};

/** The wording of the recommendation a template item gets when found yellow or red. */
export type TemplateItemRecommendationInput = {
  /** Why, up to 2,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** What to do, 1 to 150 characters, e.g. "Replace front brake pads". */
  title: Scalars['String']['input'];
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

/** Which tier answered a decode. */
export type VinDecodeServedFrom =
  /** The permanent cache of every VIN decoded before. */
  | 'DATABASE_CACHE'
  /** Decoded now from offline data and, when it answered in time, the vPIC API. */
  | 'DECODERS'
  /** The in-memory or Redis cache of recent decodes. */
  | 'HOT_CACHE';

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

export type ShopBoardQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
  createdFrom?: InputMaybe<Scalars['DateTime']['input']>;
  technicianId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ShopBoardQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, name: string, timezone: string, staff: Array<{ __typename?: 'ShopRole', role: StaffRole, user: { __typename?: 'User', id: string, name: string } }>, inspections: { __typename?: 'InspectionPage', nodes: Array<{ __typename?: 'Inspection', id: string, status: InspectionStatus, repairOrderNumber?: string | null, createdAt: string, completedAt?: string | null, sentAt?: string | null, vehicle: { __typename?: 'Vehicle', id: string, year?: number | null, make?: string | null, model?: string | null, plate?: string | null }, customer: { __typename?: 'Customer', id: string, name: string }, technician?: { __typename?: 'User', id: string, name: string } | null, summary: { __typename?: 'InspectionSummary', green: number, yellow: number, red: number, notInspected: number, total: number }, approval: { __typename?: 'InspectionApproval', presentedCount: number, approvedCount: number, declinedCount: number, pendingCount: number, approvedTotal: { __typename?: 'Money', amountCents: number, currency: string } } }> } } };

export type InspectionUpdatesSubscriptionVariables = Exact<{
  shopId: Scalars['ID']['input'];
}>;


export type InspectionUpdatesSubscription = { __typename?: 'Subscription', inspectionUpdated: { __typename?: 'Inspection', id: string, status: InspectionStatus, repairOrderNumber?: string | null, createdAt: string, completedAt?: string | null, sentAt?: string | null, vehicle: { __typename?: 'Vehicle', id: string, year?: number | null, make?: string | null, model?: string | null, plate?: string | null }, customer: { __typename?: 'Customer', id: string, name: string }, technician?: { __typename?: 'User', id: string, name: string } | null, summary: { __typename?: 'InspectionSummary', green: number, yellow: number, red: number, notInspected: number, total: number }, approval: { __typename?: 'InspectionApproval', presentedCount: number, approvedCount: number, declinedCount: number, pendingCount: number, approvedTotal: { __typename?: 'Money', amountCents: number, currency: string } } } };

export type RecommendationDecisionsSubscriptionVariables = Exact<{
  shopId: Scalars['ID']['input'];
}>;


export type RecommendationDecisionsSubscription = { __typename?: 'Subscription', recommendationDecided: { __typename?: 'Recommendation', id: string, title: string, decision?: RecommendationDecision | null, decidedAt?: string | null, total: { __typename?: 'Money', amountCents: number, currency: string }, inspection: { __typename?: 'Inspection', id: string, status: InspectionStatus, repairOrderNumber?: string | null, createdAt: string, completedAt?: string | null, sentAt?: string | null, vehicle: { __typename?: 'Vehicle', id: string, year?: number | null, make?: string | null, model?: string | null, plate?: string | null }, customer: { __typename?: 'Customer', id: string, name: string }, technician?: { __typename?: 'User', id: string, name: string } | null, summary: { __typename?: 'InspectionSummary', green: number, yellow: number, red: number, notInspected: number, total: number }, approval: { __typename?: 'InspectionApproval', presentedCount: number, approvedCount: number, declinedCount: number, pendingCount: number, approvedTotal: { __typename?: 'Money', amountCents: number, currency: string } } } } };

export type BoardCardFragment = { __typename?: 'Inspection', id: string, status: InspectionStatus, repairOrderNumber?: string | null, createdAt: string, completedAt?: string | null, sentAt?: string | null, vehicle: { __typename?: 'Vehicle', id: string, year?: number | null, make?: string | null, model?: string | null, plate?: string | null }, customer: { __typename?: 'Customer', id: string, name: string }, technician?: { __typename?: 'User', id: string, name: string } | null, summary: { __typename?: 'InspectionSummary', green: number, yellow: number, red: number, notInspected: number, total: number }, approval: { __typename?: 'InspectionApproval', presentedCount: number, approvedCount: number, declinedCount: number, pendingCount: number, approvedTotal: { __typename?: 'Money', amountCents: number, currency: string } } };

export type CustomerSearchQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
  search?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type CustomerSearchQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, customers: Array<{ __typename?: 'Customer', id: string, name: string, phone?: string | null, email?: string | null, tags: Array<string> }> } };

export type CustomerDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CustomerDetailQuery = { __typename?: 'Query', customer: { __typename?: 'Customer', id: string, firstName: string, lastName: string, name: string, phone?: string | null, email?: string | null, smsConsent: boolean, emailConsent: boolean, consentUpdatedAt?: string | null, tags: Array<string>, notes: string, createdAt: string, vehicles: Array<{ __typename?: 'Vehicle', id: string, vin: string, year?: number | null, make?: string | null, model?: string | null, plate?: string | null, currentMileage?: number | null }>, inspections: Array<{ __typename?: 'Inspection', id: string, status: InspectionStatus, repairOrderNumber?: string | null, createdAt: string, vehicle: { __typename?: 'Vehicle', id: string }, summary: { __typename?: 'InspectionSummary', green: number, yellow: number, red: number }, approval: { __typename?: 'InspectionApproval', approvedTotal: { __typename?: 'Money', amountCents: number, currency: string } } }> } };

export type UpdateCustomerMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: CustomerInput;
}>;


export type UpdateCustomerMutation = { __typename?: 'Mutation', updateCustomer: { __typename?: 'Customer', id: string, firstName: string, lastName: string, name: string, phone?: string | null, email?: string | null, smsConsent: boolean, emailConsent: boolean, consentUpdatedAt?: string | null, tags: Array<string>, notes: string, createdAt: string } };

export type CustomerProfileFragment = { __typename?: 'Customer', id: string, firstName: string, lastName: string, name: string, phone?: string | null, email?: string | null, smsConsent: boolean, emailConsent: boolean, consentUpdatedAt?: string | null, tags: Array<string>, notes: string, createdAt: string };

export type OrganizationDashboardQueryVariables = Exact<{
  range: MetricsRange;
  rankBy: MetricsRanking;
}>;


export type OrganizationDashboardQuery = { __typename?: 'Query', organization: { __typename?: 'Organization', id: string, name: string, metrics: { __typename?: 'OrganizationMetrics', id: string, from: string, to: string, totals: { __typename?: 'MetricsValues', inspectionsStarted: number, inspectionsCompleted: number, inspectionsSent: number, inspectionRate?: number | null, approvalRate?: number | null, recommendationsApproved: number, recommendationsDeclined: number, approved: { __typename?: 'Money', amountCents: number, currency: string }, averageRepairOrder?: { __typename?: 'Money', amountCents: number, currency: string } | null, partnerRevenue?: { __typename?: 'Money', amountCents: number, currency: string } | null }, shops: Array<{ __typename?: 'OrganizationShopMetrics', rank: number, shop: { __typename?: 'Shop', id: string, name: string }, values: { __typename?: 'MetricsValues', inspectionsStarted: number, inspectionsCompleted: number, inspectionsSent: number, inspectionRate?: number | null, approvalRate?: number | null, recommendationsApproved: number, recommendationsDeclined: number, approved: { __typename?: 'Money', amountCents: number, currency: string }, averageRepairOrder?: { __typename?: 'Money', amountCents: number, currency: string } | null, partnerRevenue?: { __typename?: 'Money', amountCents: number, currency: string } | null } }> } } };

export type DashboardTrendsQueryVariables = Exact<{
  range: MetricsRange;
  granularity: MetricsGranularity;
}>;


export type DashboardTrendsQuery = { __typename?: 'Query', shops: Array<{ __typename?: 'Shop', id: string, name: string, metrics: { __typename?: 'ShopMetrics', id: string, series: Array<{ __typename?: 'MetricsBucket', start: string, values: { __typename?: 'MetricsValues', inspectionsCompleted: number, approvalRate?: number | null, approved: { __typename?: 'Money', amountCents: number, currency: string } } }> } }> };

export type ShopMetricsLiveSubscriptionVariables = Exact<{
  shopId: Scalars['ID']['input'];
}>;


export type ShopMetricsLiveSubscription = { __typename?: 'Subscription', shopMetricsUpdated: { __typename?: 'ShopMetrics', id: string, from: string, to: string, totals: { __typename?: 'MetricsValues', inspectionsStarted: number, inspectionsCompleted: number, inspectionsSent: number, inspectionRate?: number | null, approvalRate?: number | null, recommendationsApproved: number, recommendationsDeclined: number, approved: { __typename?: 'Money', amountCents: number, currency: string }, averageRepairOrder?: { __typename?: 'Money', amountCents: number, currency: string } | null, partnerRevenue?: { __typename?: 'Money', amountCents: number, currency: string } | null } } };

export type KpiValuesFragment = { __typename?: 'MetricsValues', inspectionsStarted: number, inspectionsCompleted: number, inspectionsSent: number, inspectionRate?: number | null, approvalRate?: number | null, recommendationsApproved: number, recommendationsDeclined: number, approved: { __typename?: 'Money', amountCents: number, currency: string }, averageRepairOrder?: { __typename?: 'Money', amountCents: number, currency: string } | null, partnerRevenue?: { __typename?: 'Money', amountCents: number, currency: string } | null };

export type ShopEarningsQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
  period: Scalars['String']['input'];
}>;


export type ShopEarningsQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, name: string, programs: Array<{ __typename?: 'ProgramEnrollment', id: string, enrolledAt: string, endedAt?: string | null, program: { __typename?: 'Program', id: string, name: string, description: string, currency: string, partner: { __typename?: 'Partner', id: string, name: string }, tierLevels: Array<{ __typename?: 'PartnerTierLevel', tier: PartnerTier, minRevenueCents: number, multiplierBasisPoints: number }> }, tier?: { __typename?: 'PartnerTierStatus', tier: PartnerTier, multiplierBasisPoints: number, windowStart: string, windowEnd: string, performance?: { __typename?: 'PartnerPerformance', conversionBasisPoints: number, educationBasisPoints: number, approvedRevenue: { __typename?: 'Money', amountCents: number, currency: string } } | null, nextTier?: { __typename?: 'PartnerNextTier', tier: PartnerTier, multiplierBasisPoints: number, conversionsNeeded: number, educatedApprovalsNeeded: number, revenueNeeded: { __typename?: 'Money', amountCents: number, currency: string } } | null } | null }>, partnerEarnings: Array<{ __typename?: 'PartnerStatement', period: string, status: PartnerStatementStatus, partner: { __typename?: 'Partner', id: string, name: string }, accrued: { __typename?: 'Money', amountCents: number, currency: string }, incentives: { __typename?: 'Money', amountCents: number, currency: string }, reversed: { __typename?: 'Money', amountCents: number, currency: string }, payable: { __typename?: 'Money', amountCents: number, currency: string }, lines: Array<{ __typename?: 'PartnerStatementLine', tier: PartnerTier, program: { __typename?: 'Program', id: string, name: string }, payable: { __typename?: 'Money', amountCents: number, currency: string } }> }> } };

export type ClientFeatureFlagsQueryVariables = Exact<{
  shopId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type ClientFeatureFlagsQuery = { __typename?: 'Query', clientFeatureFlags: Array<{ __typename?: 'ClientFeatureFlag', key: string, value: any, variant?: string | null, reason: string }> };

export type InspectionSheetQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type InspectionSheetQuery = { __typename?: 'Query', inspection: { __typename?: 'Inspection', id: string, status: InspectionStatus, repairOrderNumber?: string | null, shop: { __typename?: 'Shop', id: string }, vehicle: { __typename?: 'Vehicle', id: string, vin: string, year?: number | null, make?: string | null, model?: string | null, currentMileage?: number | null }, customer: { __typename?: 'Customer', id: string, name: string }, technician?: { __typename?: 'User', id: string, name: string } | null, summary: { __typename?: 'InspectionSummary', green: number, yellow: number, red: number, notInspected: number, total: number }, items: Array<{ __typename?: 'InspectionItem', key: string, section: string, sectionKey: string, name: string, position: number, kind: InspectionItemKind, unit?: InspectionMeasurementUnit | null, condition: InspectionCondition, measurement?: number | null, notes: string, inspectedAt?: string | null, thresholds?: { __typename?: 'TemplateItemThresholds', direction: TemplateThresholdDirection, yellowAt: number, redAt: number } | null, media: Array<{ __typename?: 'InspectionMedia', id: string, kind: InspectionMediaKind, caption: string, uploaded: boolean, variants: Array<{ __typename?: 'InspectionMediaVariant', size: InspectionMediaVariantSize, url: string }> }>, previousResult?: { __typename?: 'InspectionItemPreviousResult', inspectionId: string, condition: InspectionCondition, measurement?: number | null, unit?: InspectionMeasurementUnit | null, notes: string, inspectedAt?: string | null } | null }> } };

export type RecordItemResultsMutationVariables = Exact<{
  inspectionId: Scalars['ID']['input'];
  results: Array<InspectionItemResultInput> | InspectionItemResultInput;
}>;


export type RecordItemResultsMutation = { __typename?: 'Mutation', recordItemResults: { __typename?: 'Inspection', id: string, status: InspectionStatus, summary: { __typename?: 'InspectionSummary', green: number, yellow: number, red: number, notInspected: number, total: number }, items: Array<{ __typename?: 'InspectionItem', key: string, section: string, sectionKey: string, name: string, position: number, kind: InspectionItemKind, unit?: InspectionMeasurementUnit | null, condition: InspectionCondition, measurement?: number | null, notes: string, inspectedAt?: string | null, thresholds?: { __typename?: 'TemplateItemThresholds', direction: TemplateThresholdDirection, yellowAt: number, redAt: number } | null, media: Array<{ __typename?: 'InspectionMedia', id: string, kind: InspectionMediaKind, caption: string, uploaded: boolean, variants: Array<{ __typename?: 'InspectionMediaVariant', size: InspectionMediaVariantSize, url: string }> }>, previousResult?: { __typename?: 'InspectionItemPreviousResult', inspectionId: string, condition: InspectionCondition, measurement?: number | null, unit?: InspectionMeasurementUnit | null, notes: string, inspectedAt?: string | null } | null }> } };

export type BeginInspectionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type BeginInspectionMutation = { __typename?: 'Mutation', beginInspection: { __typename?: 'Inspection', id: string, status: InspectionStatus } };

export type CompleteInspectionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CompleteInspectionMutation = { __typename?: 'Mutation', completeInspection: { __typename?: 'Inspection', id: string, status: InspectionStatus, completedAt?: string | null } };

export type RequestMediaUploadMutationVariables = Exact<{
  inspectionId: Scalars['ID']['input'];
  input: InspectionMediaUploadInput;
}>;


export type RequestMediaUploadMutation = { __typename?: 'Mutation', requestMediaUpload: { __typename?: 'InspectionMediaUpload', url: string, method: string, headers: Array<{ __typename?: 'InspectionUploadHeader', name: string, value: string }>, media: { __typename?: 'InspectionMedia', id: string, itemKey: string, kind: InspectionMediaKind, caption: string, uploaded: boolean, url?: string | null } } };

export type SheetItemFragment = { __typename?: 'InspectionItem', key: string, section: string, sectionKey: string, name: string, position: number, kind: InspectionItemKind, unit?: InspectionMeasurementUnit | null, condition: InspectionCondition, measurement?: number | null, notes: string, inspectedAt?: string | null, thresholds?: { __typename?: 'TemplateItemThresholds', direction: TemplateThresholdDirection, yellowAt: number, redAt: number } | null, media: Array<{ __typename?: 'InspectionMedia', id: string, kind: InspectionMediaKind, caption: string, uploaded: boolean, variants: Array<{ __typename?: 'InspectionMediaVariant', size: InspectionMediaVariantSize, url: string }> }>, previousResult?: { __typename?: 'InspectionItemPreviousResult', inspectionId: string, condition: InspectionCondition, measurement?: number | null, unit?: InspectionMeasurementUnit | null, notes: string, inspectedAt?: string | null } | null };

export type CompleteMfaLoginMutationVariables = Exact<{
  challenge: Scalars['String']['input'];
  code: Scalars['String']['input'];
}>;


export type CompleteMfaLoginMutation = { __typename?: 'Mutation', completeMfaLogin: { __typename?: 'Session', accessToken: string, refreshToken: string, accessTokenExpiresAt: string, refreshTokenExpiresAt: string } };

export type StartPasskeyLoginMutationVariables = Exact<{
  challenge: Scalars['String']['input'];
}>;


export type StartPasskeyLoginMutation = { __typename?: 'Mutation', startPasskeyLogin: any };

export type CompletePasskeyLoginMutationVariables = Exact<{
  challenge: Scalars['String']['input'];
  response: Scalars['JSON']['input'];
}>;


export type CompletePasskeyLoginMutation = { __typename?: 'Mutation', completePasskeyLogin: { __typename?: 'Session', accessToken: string, refreshToken: string, accessTokenExpiresAt: string, refreshTokenExpiresAt: string } };

export type MfaStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type MfaStatusQuery = { __typename?: 'Query', mfaStatus: { __typename?: 'MfaStatus', totpEnabled: boolean, recoveryCodesLeft: number, enrollmentRequired: boolean, verifiedAt?: string | null, passkeys: Array<{ __typename?: 'Passkey', id: string, name: string, createdAt: string, lastUsedAt?: string | null }> } };

export type OrganizationMfaPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationMfaPolicyQuery = { __typename?: 'Query', organization: { __typename?: 'Organization', id: string, mfaPolicy: MfaPolicy } };

export type EnrollTotpMutationVariables = Exact<{ [key: string]: never; }>;


export type EnrollTotpMutation = { __typename?: 'Mutation', enrollTotp: { __typename?: 'TotpEnrollment', secret: string, otpauthUri: string, qrCodeDataUrl: string } };

export type ConfirmTotpMutationVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type ConfirmTotpMutation = { __typename?: 'Mutation', confirmTotp: Array<string> };

export type VerifyMfaMutationVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type VerifyMfaMutation = { __typename?: 'Mutation', verifyMfa: string };

export type RegenerateRecoveryCodesMutationVariables = Exact<{ [key: string]: never; }>;


export type RegenerateRecoveryCodesMutation = { __typename?: 'Mutation', regenerateRecoveryCodes: Array<string> };

export type StartPasskeyRegistrationMutationVariables = Exact<{ [key: string]: never; }>;


export type StartPasskeyRegistrationMutation = { __typename?: 'Mutation', startPasskeyRegistration: any };

export type FinishPasskeyRegistrationMutationVariables = Exact<{
  response: Scalars['JSON']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
}>;


export type FinishPasskeyRegistrationMutation = { __typename?: 'Mutation', finishPasskeyRegistration: { __typename?: 'PasskeyRegistration', recoveryCodes: Array<string>, passkey: { __typename?: 'Passkey', id: string, name: string, createdAt: string, lastUsedAt?: string | null } } };

export type StartPasskeyVerificationMutationVariables = Exact<{ [key: string]: never; }>;


export type StartPasskeyVerificationMutation = { __typename?: 'Mutation', startPasskeyVerification: any };

export type VerifyPasskeyMutationVariables = Exact<{
  response: Scalars['JSON']['input'];
}>;


export type VerifyPasskeyMutation = { __typename?: 'Mutation', verifyPasskey: string };

export type RemovePasskeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RemovePasskeyMutation = { __typename?: 'Mutation', removePasskey: boolean };

export type SetMfaPolicyMutationVariables = Exact<{
  policy: MfaPolicy;
}>;


export type SetMfaPolicyMutation = { __typename?: 'Mutation', setMfaPolicy: MfaPolicy };

export type InspectionRecommendationsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type InspectionRecommendationsQuery = { __typename?: 'Query', inspection: { __typename?: 'Inspection', id: string, status: InspectionStatus, repairOrderNumber?: string | null, currency: string, shareExpiresAt?: string | null, shop: { __typename?: 'Shop', id: string, name: string, laborRate: { __typename?: 'Money', amountCents: number, currency: string }, programs: Array<{ __typename?: 'ProgramEnrollment', id: string, endedAt?: string | null, program: { __typename?: 'Program', id: string, name: string, products: Array<{ __typename?: 'PartnerProduct', id: string, sku: string, name: string, description: string, unitPrice: { __typename?: 'Money', amountCents: number, currency: string }, educationIncentive?: { __typename?: 'Money', amountCents: number, currency: string } | null }> } }> }, vehicle: { __typename?: 'Vehicle', id: string, year?: number | null, make?: string | null, model?: string | null }, customer: { __typename?: 'Customer', id: string, name: string, phone?: string | null, email?: string | null, smsConsent: boolean, emailConsent: boolean }, items: Array<{ __typename?: 'InspectionItem', key: string, name: string, section: string, condition: InspectionCondition, measurement?: number | null, unit?: InspectionMeasurementUnit | null, notes: string }>, recommendations: Array<{ __typename?: 'Recommendation', id: string, title: string, description: string, urgency: RecommendationUrgency, laborHours: number, quantity: number, partnerProductId?: string | null, decision?: RecommendationDecision | null, decidedAt?: string | null, parts: { __typename?: 'Money', amountCents: number, currency: string }, labor: { __typename?: 'Money', amountCents: number, currency: string }, total: { __typename?: 'Money', amountCents: number, currency: string }, item?: { __typename?: 'InspectionItem', key: string, name: string, condition: InspectionCondition } | null, partnerOffer?: { __typename?: 'PartnerOffer', product: { __typename?: 'PartnerProduct', id: string, name: string, unitPrice: { __typename?: 'Money', amountCents: number, currency: string } }, program: { __typename?: 'Program', id: string, name: string }, educationIncentive?: { __typename?: 'Money', amountCents: number, currency: string } | null } | null }>, approval: { __typename?: 'InspectionApproval', presentedCount: number, approvedCount: number, declinedCount: number, pendingCount: number, presentedTotal: { __typename?: 'Money', amountCents: number, currency: string }, approvedTotal: { __typename?: 'Money', amountCents: number, currency: string } } } };

export type AddRecommendationMutationVariables = Exact<{
  inspectionId: Scalars['ID']['input'];
  input: RecommendationInput;
}>;


export type AddRecommendationMutation = { __typename?: 'Mutation', addRecommendation: { __typename?: 'Recommendation', id: string, title: string, description: string, urgency: RecommendationUrgency, laborHours: number, quantity: number, partnerProductId?: string | null, decision?: RecommendationDecision | null, decidedAt?: string | null, parts: { __typename?: 'Money', amountCents: number, currency: string }, labor: { __typename?: 'Money', amountCents: number, currency: string }, total: { __typename?: 'Money', amountCents: number, currency: string }, item?: { __typename?: 'InspectionItem', key: string, name: string, condition: InspectionCondition } | null, partnerOffer?: { __typename?: 'PartnerOffer', product: { __typename?: 'PartnerProduct', id: string, name: string, unitPrice: { __typename?: 'Money', amountCents: number, currency: string } }, program: { __typename?: 'Program', id: string, name: string }, educationIncentive?: { __typename?: 'Money', amountCents: number, currency: string } | null } | null } };

export type UpdateRecommendationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: RecommendationInput;
}>;


export type UpdateRecommendationMutation = { __typename?: 'Mutation', updateRecommendation: { __typename?: 'Recommendation', id: string, title: string, description: string, urgency: RecommendationUrgency, laborHours: number, quantity: number, partnerProductId?: string | null, decision?: RecommendationDecision | null, decidedAt?: string | null, parts: { __typename?: 'Money', amountCents: number, currency: string }, labor: { __typename?: 'Money', amountCents: number, currency: string }, total: { __typename?: 'Money', amountCents: number, currency: string }, item?: { __typename?: 'InspectionItem', key: string, name: string, condition: InspectionCondition } | null, partnerOffer?: { __typename?: 'PartnerOffer', product: { __typename?: 'PartnerProduct', id: string, name: string, unitPrice: { __typename?: 'Money', amountCents: number, currency: string } }, program: { __typename?: 'Program', id: string, name: string }, educationIncentive?: { __typename?: 'Money', amountCents: number, currency: string } | null } | null } };

export type RemoveRecommendationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RemoveRecommendationMutation = { __typename?: 'Mutation', removeRecommendation: { __typename?: 'Inspection', id: string, recommendations: Array<{ __typename?: 'Recommendation', id: string, title: string, description: string, urgency: RecommendationUrgency, laborHours: number, quantity: number, partnerProductId?: string | null, decision?: RecommendationDecision | null, decidedAt?: string | null, parts: { __typename?: 'Money', amountCents: number, currency: string }, labor: { __typename?: 'Money', amountCents: number, currency: string }, total: { __typename?: 'Money', amountCents: number, currency: string }, item?: { __typename?: 'InspectionItem', key: string, name: string, condition: InspectionCondition } | null, partnerOffer?: { __typename?: 'PartnerOffer', product: { __typename?: 'PartnerProduct', id: string, name: string, unitPrice: { __typename?: 'Money', amountCents: number, currency: string } }, program: { __typename?: 'Program', id: string, name: string }, educationIncentive?: { __typename?: 'Money', amountCents: number, currency: string } | null } | null }> } };

export type SendInspectionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  expiresInHours?: InputMaybe<Scalars['Int']['input']>;
}>;


export type SendInspectionMutation = { __typename?: 'Mutation', sendInspection: { __typename?: 'InspectionShareLink', token: string, expiresAt: string, inspection: { __typename?: 'Inspection', id: string, status: InspectionStatus, sentAt?: string | null, shareExpiresAt?: string | null } } };

export type RenewShareLinkMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RenewShareLinkMutation = { __typename?: 'Mutation', renewShareLink: { __typename?: 'InspectionShareLink', token: string, expiresAt: string, inspection: { __typename?: 'Inspection', id: string, shareExpiresAt?: string | null } } };

export type PricedRecommendationFragment = { __typename?: 'Recommendation', id: string, title: string, description: string, urgency: RecommendationUrgency, laborHours: number, quantity: number, partnerProductId?: string | null, decision?: RecommendationDecision | null, decidedAt?: string | null, parts: { __typename?: 'Money', amountCents: number, currency: string }, labor: { __typename?: 'Money', amountCents: number, currency: string }, total: { __typename?: 'Money', amountCents: number, currency: string }, item?: { __typename?: 'InspectionItem', key: string, name: string, condition: InspectionCondition } | null, partnerOffer?: { __typename?: 'PartnerOffer', product: { __typename?: 'PartnerProduct', id: string, name: string, unitPrice: { __typename?: 'Money', amountCents: number, currency: string } }, program: { __typename?: 'Program', id: string, name: string }, educationIncentive?: { __typename?: 'Money', amountCents: number, currency: string } | null } | null };

export type LoginMutationVariables = Exact<{
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type LoginMutation = { __typename?: 'Mutation', login: { __typename?: 'Session', accessToken: string, refreshToken: string, accessTokenExpiresAt: string, refreshTokenExpiresAt: string } };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: Scalars['String']['input'];
}>;


export type RefreshSessionMutation = { __typename?: 'Mutation', refreshSession: { __typename?: 'Session', accessToken: string, refreshToken: string, accessTokenExpiresAt: string, refreshTokenExpiresAt: string } };

export type LogoutMutationVariables = Exact<{
  refreshToken: Scalars['String']['input'];
}>;


export type LogoutMutation = { __typename?: 'Mutation', logout: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me: { __typename?: 'User', id: string, name: string, email: string, roles: Array<{ __typename?: 'ShopRole', role: StaffRole, shop: { __typename?: 'Shop', id: string, name: string } }> } };

export type MyShopsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyShopsQuery = { __typename?: 'Query', shops: Array<{ __typename?: 'Shop', id: string, name: string, timezone: string, laborRate: { __typename?: 'Money', amountCents: number, currency: string } }> };

export type ShopDetailsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ShopDetailsQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, name: string, timezone: string, address: { __typename?: 'Address', line1: string, city: string, region: string, postalCode: string, country: string }, laborRate: { __typename?: 'Money', amountCents: number, currency: string } } };

export const BoardCardFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Inspection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"repairOrderNumber"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"make"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"plate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"technician"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"green"}},{"kind":"Field","name":{"kind":"Name","value":"yellow"}},{"kind":"Field","name":{"kind":"Name","value":"red"}},{"kind":"Field","name":{"kind":"Name","value":"notInspected"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"presentedCount"}},{"kind":"Field","name":{"kind":"Name","value":"approvedCount"}},{"kind":"Field","name":{"kind":"Name","value":"declinedCount"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCount"}},{"kind":"Field","name":{"kind":"Name","value":"approvedTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<BoardCardFragment, unknown>;
export const CustomerProfileFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerProfile"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"smsConsent"}},{"kind":"Field","name":{"kind":"Name","value":"emailConsent"}},{"kind":"Field","name":{"kind":"Name","value":"consentUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<CustomerProfileFragment, unknown>;
export const KpiValuesFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiValues"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MetricsValues"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inspectionsStarted"}},{"kind":"Field","name":{"kind":"Name","value":"inspectionsCompleted"}},{"kind":"Field","name":{"kind":"Name","value":"inspectionsSent"}},{"kind":"Field","name":{"kind":"Name","value":"inspectionRate"}},{"kind":"Field","name":{"kind":"Name","value":"approvalRate"}},{"kind":"Field","name":{"kind":"Name","value":"recommendationsApproved"}},{"kind":"Field","name":{"kind":"Name","value":"recommendationsDeclined"}},{"kind":"Field","name":{"kind":"Name","value":"approved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"averageRepairOrder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnerRevenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<KpiValuesFragment, unknown>;
export const SheetItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SheetItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InspectionItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"sectionKey"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"yellowAt"}},{"kind":"Field","name":{"kind":"Name","value":"redAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"measurement"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"inspectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"uploaded"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inspectionId"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"measurement"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"inspectedAt"}}]}}]}}]} as unknown as DocumentNode<SheetItemFragment, unknown>;
export const PricedRecommendationFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PricedRecommendation"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Recommendation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"laborHours"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"labor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnerProductId"}},{"kind":"Field","name":{"kind":"Name","value":"partnerOffer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"educationIncentive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]} as unknown as DocumentNode<PricedRecommendationFragment, unknown>;
export const ShopBoardDocument = {"__meta__":{"hash":"17aba8b3c86fc7b78a9bf6b732c5eb8c32ee431a56a6b389f3e03fa56619b4ab"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShopBoard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shopId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"createdFrom"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"technicianId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shop"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shopId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"inspections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"createdFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"createdFrom"}}},{"kind":"Argument","name":{"kind":"Name","value":"technicianId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"technicianId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardCard"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Inspection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"repairOrderNumber"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"make"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"plate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"technician"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"green"}},{"kind":"Field","name":{"kind":"Name","value":"yellow"}},{"kind":"Field","name":{"kind":"Name","value":"red"}},{"kind":"Field","name":{"kind":"Name","value":"notInspected"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"presentedCount"}},{"kind":"Field","name":{"kind":"Name","value":"approvedCount"}},{"kind":"Field","name":{"kind":"Name","value":"declinedCount"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCount"}},{"kind":"Field","name":{"kind":"Name","value":"approvedTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<ShopBoardQuery, ShopBoardQueryVariables>;
export const InspectionUpdatesDocument = {"__meta__":{"hash":"faf6a0162c6010e35ffc7cf85b0d788c1afa47203fc9414c55485069053581a1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InspectionUpdates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shopId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inspectionUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"shopId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shopId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardCard"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Inspection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"repairOrderNumber"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"make"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"plate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"technician"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"green"}},{"kind":"Field","name":{"kind":"Name","value":"yellow"}},{"kind":"Field","name":{"kind":"Name","value":"red"}},{"kind":"Field","name":{"kind":"Name","value":"notInspected"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"presentedCount"}},{"kind":"Field","name":{"kind":"Name","value":"approvedCount"}},{"kind":"Field","name":{"kind":"Name","value":"declinedCount"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCount"}},{"kind":"Field","name":{"kind":"Name","value":"approvedTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<InspectionUpdatesSubscription, InspectionUpdatesSubscriptionVariables>;
export const RecommendationDecisionsDocument = {"__meta__":{"hash":"4d23e0051238165d200ee91bcf790ea7264d99130c176b1a18c5910d6205dbf5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RecommendationDecisions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shopId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendationDecided"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"shopId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shopId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inspection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BoardCard"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BoardCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Inspection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"repairOrderNumber"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"make"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"plate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"technician"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"green"}},{"kind":"Field","name":{"kind":"Name","value":"yellow"}},{"kind":"Field","name":{"kind":"Name","value":"red"}},{"kind":"Field","name":{"kind":"Name","value":"notInspected"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"presentedCount"}},{"kind":"Field","name":{"kind":"Name","value":"approvedCount"}},{"kind":"Field","name":{"kind":"Name","value":"declinedCount"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCount"}},{"kind":"Field","name":{"kind":"Name","value":"approvedTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<RecommendationDecisionsSubscription, RecommendationDecisionsSubscriptionVariables>;
export const CustomerSearchDocument = {"__meta__":{"hash":"b348120f3cd2ae05e14b46aa4be5d4173aa3f0f2b0c810e2aef9352c24ec8d11"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shopId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shop"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shopId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}}]}}]}}]}}]} as unknown as DocumentNode<CustomerSearchQuery, CustomerSearchQueryVariables>;
export const CustomerDetailDocument = {"__meta__":{"hash":"9ea794149415ef408e2f454da6ec7fce92f4e9c6c6e03744041e70ae19e0acee"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerProfile"}},{"kind":"Field","name":{"kind":"Name","value":"vehicles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"make"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"plate"}},{"kind":"Field","name":{"kind":"Name","value":"currentMileage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inspections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"repairOrderNumber"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"green"}},{"kind":"Field","name":{"kind":"Name","value":"yellow"}},{"kind":"Field","name":{"kind":"Name","value":"red"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvedTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerProfile"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"smsConsent"}},{"kind":"Field","name":{"kind":"Name","value":"emailConsent"}},{"kind":"Field","name":{"kind":"Name","value":"consentUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<CustomerDetailQuery, CustomerDetailQueryVariables>;
export const UpdateCustomerDocument = {"__meta__":{"hash":"6e4d2c630e89a78a4283408c57c399f30b5f0f5afb2058600d0ca45d2c8ac492"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerProfile"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerProfile"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"smsConsent"}},{"kind":"Field","name":{"kind":"Name","value":"emailConsent"}},{"kind":"Field","name":{"kind":"Name","value":"consentUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<UpdateCustomerMutation, UpdateCustomerMutationVariables>;
export const OrganizationDashboardDocument = {"__meta__":{"hash":"3e620ccc5a32783bdffd6506d76355e1405663e2652008b41a2179946b5b655c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MetricsRange"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rankBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MetricsRanking"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"rankBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rankBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiValues"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shops"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"shop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiValues"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiValues"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MetricsValues"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inspectionsStarted"}},{"kind":"Field","name":{"kind":"Name","value":"inspectionsCompleted"}},{"kind":"Field","name":{"kind":"Name","value":"inspectionsSent"}},{"kind":"Field","name":{"kind":"Name","value":"inspectionRate"}},{"kind":"Field","name":{"kind":"Name","value":"approvalRate"}},{"kind":"Field","name":{"kind":"Name","value":"recommendationsApproved"}},{"kind":"Field","name":{"kind":"Name","value":"recommendationsDeclined"}},{"kind":"Field","name":{"kind":"Name","value":"approved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"averageRepairOrder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnerRevenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<OrganizationDashboardQuery, OrganizationDashboardQueryVariables>;
export const DashboardTrendsDocument = {"__meta__":{"hash":"07eb9b3ecf4607ef40d5f48328572a4d7e953e69b839ba7982c32f996a484772"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardTrends"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MetricsRange"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MetricsGranularity"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shops"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"granularity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inspectionsCompleted"}},{"kind":"Field","name":{"kind":"Name","value":"approvalRate"}},{"kind":"Field","name":{"kind":"Name","value":"approved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardTrendsQuery, DashboardTrendsQueryVariables>;
export const ShopMetricsLiveDocument = {"__meta__":{"hash":"1488afdebd12e30b80acfde2a0468b007f04ee3479928606459b6fb4e5f0404b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ShopMetricsLive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shopId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shopMetricsUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"shopId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shopId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiValues"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiValues"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MetricsValues"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inspectionsStarted"}},{"kind":"Field","name":{"kind":"Name","value":"inspectionsCompleted"}},{"kind":"Field","name":{"kind":"Name","value":"inspectionsSent"}},{"kind":"Field","name":{"kind":"Name","value":"inspectionRate"}},{"kind":"Field","name":{"kind":"Name","value":"approvalRate"}},{"kind":"Field","name":{"kind":"Name","value":"recommendationsApproved"}},{"kind":"Field","name":{"kind":"Name","value":"recommendationsDeclined"}},{"kind":"Field","name":{"kind":"Name","value":"approved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"averageRepairOrder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnerRevenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<ShopMetricsLiveSubscription, ShopMetricsLiveSubscriptionVariables>;
export const ShopEarningsDocument = {"__meta__":{"hash":"c5ceeac1ce93418141c8675f299f4674410dc55e2d42a118991d7bbfc81d5fb6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShopEarnings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shopId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shop"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shopId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"programs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierLevels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"minRevenueCents"}},{"kind":"Field","name":{"kind":"Name","value":"multiplierBasisPoints"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"multiplierBasisPoints"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"performance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvedRevenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conversionBasisPoints"}},{"kind":"Field","name":{"kind":"Name","value":"educationBasisPoints"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"multiplierBasisPoints"}},{"kind":"Field","name":{"kind":"Name","value":"revenueNeeded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conversionsNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"educatedApprovalsNeeded"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnerEarnings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accrued"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incentives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reversed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ShopEarningsQuery, ShopEarningsQueryVariables>;
export const ClientFeatureFlagsDocument = {"__meta__":{"hash":"8ebdbdf7b4a61390b49dc23be9e7ce708b9ed47ce89009f1ea6599252985187c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientFeatureFlags"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shopId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientFeatureFlags"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"shopId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shopId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<ClientFeatureFlagsQuery, ClientFeatureFlagsQueryVariables>;
export const InspectionSheetDocument = {"__meta__":{"hash":"318996c068540e68a0778e4b8629dfce9e29d4474252109b22cec630c1a7ce08"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InspectionSheet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inspection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"repairOrderNumber"}},{"kind":"Field","name":{"kind":"Name","value":"shop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"make"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"currentMileage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"technician"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"green"}},{"kind":"Field","name":{"kind":"Name","value":"yellow"}},{"kind":"Field","name":{"kind":"Name","value":"red"}},{"kind":"Field","name":{"kind":"Name","value":"notInspected"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SheetItem"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SheetItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InspectionItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"sectionKey"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"yellowAt"}},{"kind":"Field","name":{"kind":"Name","value":"redAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"measurement"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"inspectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"uploaded"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inspectionId"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"measurement"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"inspectedAt"}}]}}]}}]} as unknown as DocumentNode<InspectionSheetQuery, InspectionSheetQueryVariables>;
export const RecordItemResultsDocument = {"__meta__":{"hash":"079adf979b4c7648885262464a27be0c35d170b56b800f5d55b08db852d6b6f1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordItemResults"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inspectionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"results"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InspectionItemResultInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordItemResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inspectionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inspectionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"results"},"value":{"kind":"Variable","name":{"kind":"Name","value":"results"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"green"}},{"kind":"Field","name":{"kind":"Name","value":"yellow"}},{"kind":"Field","name":{"kind":"Name","value":"red"}},{"kind":"Field","name":{"kind":"Name","value":"notInspected"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SheetItem"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SheetItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InspectionItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"sectionKey"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"yellowAt"}},{"kind":"Field","name":{"kind":"Name","value":"redAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"measurement"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"inspectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"uploaded"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inspectionId"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"measurement"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"inspectedAt"}}]}}]}}]} as unknown as DocumentNode<RecordItemResultsMutation, RecordItemResultsMutationVariables>;
export const BeginInspectionDocument = {"__meta__":{"hash":"85dfa143cf9ba87a25c16803ee5bc01a8307c1d8ca08447e52f366217e38de67"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BeginInspection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"beginInspection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<BeginInspectionMutation, BeginInspectionMutationVariables>;
export const CompleteInspectionDocument = {"__meta__":{"hash":"d3457ac828b47a1e8ae8197a9d4feb4060f5fa1e7a065e102ecfa0e6f041f738"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteInspection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeInspection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]}}]} as unknown as DocumentNode<CompleteInspectionMutation, CompleteInspectionMutationVariables>;
export const RequestMediaUploadDocument = {"__meta__":{"hash":"621c966bf62effd9d8b288b52dfa64939d446d8986fefbb2b5540c98e7a61e94"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestMediaUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inspectionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InspectionMediaUploadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestMediaUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inspectionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inspectionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"headers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemKey"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"caption"}},{"kind":"Field","name":{"kind":"Name","value":"uploaded"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}}]} as unknown as DocumentNode<RequestMediaUploadMutation, RequestMediaUploadMutationVariables>;
export const CompleteMfaLoginDocument = {"__meta__":{"hash":"24c048d6876ad51af3b0d5eeaf988e3c6a306df1a89280bc0ee6a2cc74f9b59d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteMfaLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challenge"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeMfaLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"challenge"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challenge"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}}]}}]}}]} as unknown as DocumentNode<CompleteMfaLoginMutation, CompleteMfaLoginMutationVariables>;
export const StartPasskeyLoginDocument = {"__meta__":{"hash":"443b349f2ce74ce568d3ad0d94f44edd7b94e17c4b5c2dbcb59b40065ffc3981"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPasskeyLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challenge"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startPasskeyLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"challenge"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challenge"}}}]}]}}]} as unknown as DocumentNode<StartPasskeyLoginMutation, StartPasskeyLoginMutationVariables>;
export const CompletePasskeyLoginDocument = {"__meta__":{"hash":"22c1819ee99e912815cb8d8ab4dcb62b5cbe8c3af1740a11843f70359feb7b79"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompletePasskeyLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challenge"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"response"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completePasskeyLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"challenge"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challenge"}}},{"kind":"Argument","name":{"kind":"Name","value":"response"},"value":{"kind":"Variable","name":{"kind":"Name","value":"response"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}}]}}]}}]} as unknown as DocumentNode<CompletePasskeyLoginMutation, CompletePasskeyLoginMutationVariables>;
export const MfaStatusDocument = {"__meta__":{"hash":"896540014af0ec917db24276ef04dc8213c2886de3b018a11654e780603c5c9f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MfaStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mfaStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totpEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryCodesLeft"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentRequired"}},{"kind":"Field","name":{"kind":"Name","value":"verifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"passkeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]}}]}}]} as unknown as DocumentNode<MfaStatusQuery, MfaStatusQueryVariables>;
export const OrganizationMfaPolicyDocument = {"__meta__":{"hash":"cf25abbe36565c17d2f13664fc671bab20848515aa4eca2e8b3dbd45f4837160"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationMfaPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mfaPolicy"}}]}}]}}]} as unknown as DocumentNode<OrganizationMfaPolicyQuery, OrganizationMfaPolicyQueryVariables>;
export const EnrollTotpDocument = {"__meta__":{"hash":"72259bee2896ac15d6f330da42276f7a63ac310d4cf30959b6f0c208a89de5a8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollTotp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollTotp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"otpauthUri"}},{"kind":"Field","name":{"kind":"Name","value":"qrCodeDataUrl"}}]}}]}}]} as unknown as DocumentNode<EnrollTotpMutation, EnrollTotpMutationVariables>;
export const ConfirmTotpDocument = {"__meta__":{"hash":"e7d28405089723136224c2bbcc4e2b4006168a2e664eed7629f72f208e4c66c5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmTotp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmTotp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}]}]}}]} as unknown as DocumentNode<ConfirmTotpMutation, ConfirmTotpMutationVariables>;
export const VerifyMfaDocument = {"__meta__":{"hash":"153415bdee361dfa2aa2a204c722a8a403cd3c4a14d8a387d9d465e7f829f037"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyMfa"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyMfa"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}]}]}}]} as unknown as DocumentNode<VerifyMfaMutation, VerifyMfaMutationVariables>;
export const RegenerateRecoveryCodesDocument = {"__meta__":{"hash":"c2819163584bf99e341108f8ceac19865413271349a2e18cd08ad5b5e69f8666"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegenerateRecoveryCodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regenerateRecoveryCodes"}}]}}]} as unknown as DocumentNode<RegenerateRecoveryCodesMutation, RegenerateRecoveryCodesMutationVariables>;
export const StartPasskeyRegistrationDocument = {"__meta__":{"hash":"370c6692fd3705698266e97b7b4823a3225e436a94b1383130d3e07b63fd52b4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPasskeyRegistration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startPasskeyRegistration"}}]}}]} as unknown as DocumentNode<StartPasskeyRegistrationMutation, StartPasskeyRegistrationMutationVariables>;
export const FinishPasskeyRegistrationDocument = {"__meta__":{"hash":"b2858d7b643348f37f4c94375077bd28724a5f7679348e496fd5b8b44fca828b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FinishPasskeyRegistration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"response"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"finishPasskeyRegistration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"response"},"value":{"kind":"Variable","name":{"kind":"Name","value":"response"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recoveryCodes"}},{"kind":"Field","name":{"kind":"Name","value":"passkey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]}}]}}]} as unknown as DocumentNode<FinishPasskeyRegistrationMutation, FinishPasskeyRegistrationMutationVariables>;
export const StartPasskeyVerificationDocument = {"__meta__":{"hash":"1cdcd2fc61c7a5e9fdc30d88ac8565d508a98bbb36bb386b07a2b4030d9f8c4d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPasskeyVerification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startPasskeyVerification"}}]}}]} as unknown as DocumentNode<StartPasskeyVerificationMutation, StartPasskeyVerificationMutationVariables>;
export const VerifyPasskeyDocument = {"__meta__":{"hash":"57935677749f9dacbca960902f3ba25166d116a75651fb8f4e800864d130b309"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyPasskey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"response"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyPasskey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"response"},"value":{"kind":"Variable","name":{"kind":"Name","value":"response"}}}]}]}}]} as unknown as DocumentNode<VerifyPasskeyMutation, VerifyPasskeyMutationVariables>;
export const RemovePasskeyDocument = {"__meta__":{"hash":"d58cbcf230325ca410a24807ad1b01cafa763a789fb2d48fd1f1f692ad9dc10b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemovePasskey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removePasskey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RemovePasskeyMutation, RemovePasskeyMutationVariables>;
export const SetMfaPolicyDocument = {"__meta__":{"hash":"2305e85ee7a5c47808fd5cbbee3f3328e64f858199128e6e9d63885a9652e6b5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetMfaPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"policy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MfaPolicy"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setMfaPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"policy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"policy"}}}]}]}}]} as unknown as DocumentNode<SetMfaPolicyMutation, SetMfaPolicyMutationVariables>;
export const InspectionRecommendationsDocument = {"__meta__":{"hash":"25e6e6db16f7c66988748417d181a5e0e7c10fda9df4d6582f4778d87d565710"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InspectionRecommendations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inspection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"repairOrderNumber"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"shareExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"shop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"laborRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"programs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"educationIncentive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"make"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"smsConsent"}},{"kind":"Field","name":{"kind":"Name","value":"emailConsent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"measurement"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recommendations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PricedRecommendation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approval"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"presentedCount"}},{"kind":"Field","name":{"kind":"Name","value":"approvedCount"}},{"kind":"Field","name":{"kind":"Name","value":"declinedCount"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCount"}},{"kind":"Field","name":{"kind":"Name","value":"presentedTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvedTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PricedRecommendation"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Recommendation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"laborHours"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"labor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnerProductId"}},{"kind":"Field","name":{"kind":"Name","value":"partnerOffer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"educationIncentive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]} as unknown as DocumentNode<InspectionRecommendationsQuery, InspectionRecommendationsQueryVariables>;
export const AddRecommendationDocument = {"__meta__":{"hash":"95a6dffeda8d490a3c303bb40c605f815a1042c42fcb6a70acf85bf0b1cee033"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddRecommendation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inspectionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecommendationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addRecommendation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inspectionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inspectionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PricedRecommendation"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PricedRecommendation"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Recommendation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"laborHours"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"labor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnerProductId"}},{"kind":"Field","name":{"kind":"Name","value":"partnerOffer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"educationIncentive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]} as unknown as DocumentNode<AddRecommendationMutation, AddRecommendationMutationVariables>;
export const UpdateRecommendationDocument = {"__meta__":{"hash":"dc845ae3e244c77ce4dd595a83e9c2e30d06a2fd0da46d366fc403035d98e30e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateRecommendation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecommendationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRecommendation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PricedRecommendation"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PricedRecommendation"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Recommendation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"laborHours"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"labor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnerProductId"}},{"kind":"Field","name":{"kind":"Name","value":"partnerOffer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"educationIncentive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]} as unknown as DocumentNode<UpdateRecommendationMutation, UpdateRecommendationMutationVariables>;
export const RemoveRecommendationDocument = {"__meta__":{"hash":"9e788f05d2895dcbbe7361b798d9168661c56514fc1285befe75c973767635cb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveRecommendation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeRecommendation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recommendations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PricedRecommendation"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PricedRecommendation"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Recommendation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"laborHours"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"labor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnerProductId"}},{"kind":"Field","name":{"kind":"Name","value":"partnerOffer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"educationIncentive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]} as unknown as DocumentNode<RemoveRecommendationMutation, RemoveRecommendationMutationVariables>;
export const SendInspectionDocument = {"__meta__":{"hash":"3190a34ba510a81663bf0607111057984a013c41a6f87b8016114f390314e6b5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendInspection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expiresInHours"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendInspection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"expiresInHours"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiresInHours"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"inspection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"shareExpiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<SendInspectionMutation, SendInspectionMutationVariables>;
export const RenewShareLinkDocument = {"__meta__":{"hash":"0199ac33a31e3cc392bb1f108319aba0238b51b1313958349996628b4da125b2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RenewShareLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"renewShareLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"inspection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"shareExpiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<RenewShareLinkMutation, RenewShareLinkMutationVariables>;
export const LoginDocument = {"__meta__":{"hash":"2ffcc10db891d316b5da24154074d20e19f8b5a06a7896d64012d82ebd7ad17b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const RefreshSessionDocument = {"__meta__":{"hash":"843c6e54b0286ce2fde509a232ad100dfe0c9903627460526f69b3fa52b81c60"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}}]}}]}}]} as unknown as DocumentNode<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const LogoutDocument = {"__meta__":{"hash":"44df27831b2e811e41361abb45896fc013bf9f0e37f54ae93fdb75c2c1f24da5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}]}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const MeDocument = {"__meta__":{"hash":"ddb2d3641db809ec6ac5058975a7bfa83e7603ee5ad1a473e177b5aac05dc9ca"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"shop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const MyShopsDocument = {"__meta__":{"hash":"2ec45be98db2f6b05abf2c56fd2fc2c45ad1b1283b69d60df55cdb60698b4b6a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyShops"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shops"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"laborRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<MyShopsQuery, MyShopsQueryVariables>;
export const ShopDetailsDocument = {"__meta__":{"hash":"a66af393f24056d85f7de493ae71e9b53db08744f72553fe6edbdc34e0aecc1f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShopDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shop"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"laborRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<ShopDetailsQuery, ShopDetailsQueryVariables>;