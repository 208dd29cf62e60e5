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

export type IssuePartnerApiKeyMutationVariables = Exact<{
  input: IssuePartnerApiKeyInput;
}>;


export type IssuePartnerApiKeyMutation = { __typename?: 'Mutation', issuePartnerApiKey: { __typename?: 'IssuedPartnerApiKey', secret: string, key: { __typename?: 'PartnerApiKey', id: string, prefix: string, plan: PartnerApiKeyPlan } } };

export type RevokePartnerApiKeyMutationVariables = Exact<{
  keyId: Scalars['ID']['input'];
}>;


export type RevokePartnerApiKeyMutation = { __typename?: 'Mutation', revokePartnerApiKey: { __typename?: 'PartnerApiKey', id: string, revokedAt?: string | null } };

export type PartnerProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnerProfileQuery = { __typename?: 'Query', viewerPartner: { __typename?: 'Partner', id: string, name: string, kind: PartnerKind, shops: Array<{ __typename?: 'ProgramEnrollment', enrolledAt: string, shop: { __typename?: 'Shop', id: string, name: string }, program: { __typename?: 'Program', id: string, name: string } }> } };

export type PartnerProgramsQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnerProgramsQuery = { __typename?: 'Query', programs: Array<{ __typename?: 'Program', id: string, name: string, currency: string }> };

export type PartnerShopQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PartnerShopQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, name: string, programs: Array<{ __typename?: 'ProgramEnrollment', enrolledAt: string, program: { __typename?: 'Program', id: string, name: string } }> } };

export type PartnerStatementQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
  partnerId: Scalars['ID']['input'];
  period: Scalars['String']['input'];
}>;


export type PartnerStatementQuery = { __typename?: 'Query', partnerStatement: { __typename?: 'PartnerStatement', period: string, status: PartnerStatementStatus, closedAt?: string | null, accrued: { __typename?: 'Money', amountCents: number, currency: string }, incentives: { __typename?: 'Money', amountCents: number, currency: string }, reversed: { __typename?: 'Money', amountCents: number, currency: string }, payable: { __typename?: 'Money', amountCents: number, currency: string }, lines: Array<{ __typename?: 'PartnerStatementLine', tier: PartnerTier, multiplierBasisPoints: number, program: { __typename?: 'Program', id: string, name: string }, payable: { __typename?: 'Money', amountCents: number, currency: string } }> } };


export const IssuePartnerApiKeyDocument = {"__meta__":{"hash":"f03d4da65693c897ab5bd2f1994c59c52a4caba83dc916f6465b258c8e0f6f2c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssuePartnerApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IssuePartnerApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuePartnerApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"key"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}}]}}]}}]}}]} as unknown as DocumentNode<IssuePartnerApiKeyMutation, IssuePartnerApiKeyMutationVariables>;
export const RevokePartnerApiKeyDocument = {"__meta__":{"hash":"51059adedce046eb2078389b9863e55649ac81fa4a4357cea17e2935bb4b4bbb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokePartnerApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokePartnerApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"keyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RevokePartnerApiKeyMutation, RevokePartnerApiKeyMutationVariables>;
export const PartnerProfileDocument = {"__meta__":{"hash":"700bb245d626078d3257bcb9d2aff4bb0679cfdc9eb107ed06d56dfd8a7c594c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerPartner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"shops"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrolledAt"}}]}}]}}]}}]} as unknown as DocumentNode<PartnerProfileQuery, PartnerProfileQueryVariables>;
export const PartnerProgramsDocument = {"__meta__":{"hash":"81930c59b0cbd06149a6a0e186ee19f2a4d37a0c4c300aad9f0addb99af7c2b2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerPrograms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"programs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<PartnerProgramsQuery, PartnerProgramsQueryVariables>;
export const PartnerShopDocument = {"__meta__":{"hash":"98d64404b5e84c928eb09ddf5119842eb1c9c1fb38923997c28dda624ac1b697"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerShop"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shop"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"programs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrolledAt"}}]}}]}}]}}]} as unknown as DocumentNode<PartnerShopQuery, PartnerShopQueryVariables>;
export const PartnerStatementDocument = {"__meta__":{"hash":"86d7914036073f55240b2bb805def8a6dbf15b7012b0207a19f2cc94cad0fb89"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerStatement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shopId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"partnerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerStatement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"shopId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shopId"}}},{"kind":"Argument","name":{"kind":"Name","value":"partnerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"partnerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"accrued"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incentives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reversed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"multiplierBasisPoints"}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnerStatementQuery, PartnerStatementQueryVariables>;