import { describedEnum, type StaffRole } from '@cip/platform';
import { builder } from '../builder';
import type { Customer } from '../data/customer';
import type { CustomerMessage, MessageStatus } from '../data/customer-message';
import type { MessageSettings } from '../data/message-settings';
import type { MessageChannel, MessageKind, MessageTemplate } from '../data/message-template';
import type { Organization } from '../data/organization';
import type { Address, Shop } from '../data/shop';
import type { ShopRole, User } from '../data/user';

export const OrganizationRef = builder.objectRef<Organization>('Organization');
export const ShopRef = builder.objectRef<Shop>('Shop');
export const UserRef = builder.objectRef<User>('User');
export const CustomerRef = builder.objectRef<Customer>('Customer');
export const AddressRef = builder.objectRef<Address>('Address');
export const ShopRoleRef = builder.objectRef<ShopRole>('ShopRole');
export const MessageTemplateRef = builder.objectRef<MessageTemplate>('MessageTemplate');
export const MessageSettingsRef = builder.objectRef<MessageSettings>('MessageSettings');
export const CustomerMessageRef = builder.objectRef<CustomerMessage>('CustomerMessage');
/** The inspections subgraph's inspection, extended here with the messages that delivered it. */
export const InspectionRef = builder.externalRef('Inspection', builder.selection<{ id: string }>('id'));

export const MessageKindEnum = describedEnum(builder, 'MessageKind', 'Why a message goes to the customer.', {
  REPORT: 'The report, sent when the advisor sends the inspection.',
  REMINDER: "A reminder, when the customer has not opened the report within the shop's reminder time.",
  FOLLOW_UP: "A follow-up about declined recommendations, the shop's number of days after the decline.",
} satisfies Record<MessageKind, string>);

export const MessageChannelEnum = describedEnum(builder, 'MessageChannel', 'How a message reaches the customer.', {
  EMAIL: "E-mail, to the customer's address, when they agreed to e-mail.",
  SMS: "A text message, to the customer's phone, when they agreed to text messages.",
} satisfies Record<MessageChannel, string>);

export const MessageStatusEnum = describedEnum(builder, 'MessageStatus', 'Where a message to the customer stands.', {
  QUEUED: 'Waiting for its first attempt, or for the next one after a failed attempt (see `failureReason` and `nextAttemptAt`).',
  SENT: 'Accepted by the e-mail server or the SMS provider.',
  DELIVERED: 'The SMS provider reported it delivered to the phone.',
  FAILED: 'Given up: the last attempt failed, the failure cannot be fixed by trying again, or the provider reported it undelivered (see `failureReason`).',
  NOT_SENT: 'Never attempted, for the reason in `failureReason`: no consent or address for the channel, or the channel is not configured.',
} satisfies Record<MessageStatus, string>);

export const StaffRoleEnum = describedEnum(
  builder,
  'StaffRole',
  "A staff user's role at one shop. Roles are per shop: a user may manage one shop and advise at another.",
  {
    OWNER: 'Runs the shop: everything a manager can do, plus granting the owner role.',
    MANAGER: 'Manages staff, settings and prices.',
    ADVISOR: 'Prices recommendations, sends reports to customers and manages customers.',
    TECHNICIAN: 'Performs inspections.',
  } satisfies Record<StaffRole, string>,
);
