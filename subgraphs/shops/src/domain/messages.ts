import type { CatalogEvent, StaffRole } from '@cip/platform';
import type { NewStaffMessage } from '../data/staff-message';

/** The texts of messages to staff. Links carry their token in the fragment, which browsers never send to servers or in `Referer`. */
export function staffMessages(publicUrl: string) {
  const link = (path: string, token: string) => `${publicUrl}${path}#token=${token}`;
  const when = (date: Date) => date.toUTCString();
  return {
    signUpConfirmation(email: string, organizationName: string, token: string, expiresAt: Date): NewStaffMessage {
      const actionUrl = link('/sign-up/confirm', token);
      return {
        recipient: email,
        kind: 'sign-up-confirmation',
        subject: `Confirm your sign-up for ${organizationName}`,
        body: `Follow this link to confirm your address and open ${organizationName}: ${actionUrl}\nIt works once, until ${when(expiresAt)}. If you did not sign up, ignore this message.`,
        actionUrl,
      };
    },
    signUpExistingAccount(email: string): NewStaffMessage {
      return {
        recipient: email,
        kind: 'sign-up-existing-account',
        subject: 'Someone tried to sign up with your address',
        body: `Someone (perhaps you) tried to create a new organization with this address, which already has an account. Nothing was created. Sign in at ${publicUrl}/login instead. If this was not you, you need do nothing.`,
        actionUrl: null,
      };
    },
    staffInvitation(email: string, inviter: string, shopName: string, role: StaffRole, token: string, expiresAt: Date): NewStaffMessage {
      const actionUrl = link('/invitations/accept', token);
      return {
        recipient: email,
        kind: 'staff-invitation',
        subject: `${inviter} invited you to ${shopName}`,
        body: `${inviter} invited you to work at ${shopName} as ${role.toLowerCase()}. Choose your password here: ${actionUrl}\nThe link works once, until ${when(expiresAt)}.`,
        actionUrl,
      };
    },
    staffInvitationExistingAccount(email: string, inviter: string, shopName: string): NewStaffMessage {
      return {
        recipient: email,
        kind: 'staff-invitation-existing-account',
        subject: `${inviter} tried to invite you to ${shopName}`,
        body: `${inviter} tried to invite you to work at ${shopName}, but your address already belongs to an account of another organization, and an account belongs to one organization. Nothing was changed, and ${inviter} was not told. If you want to join, ask them to invite another address of yours.`,
        actionUrl: null,
      };
    },
    /** Says what the alert says and nothing more: no token, account or secret is ever part of an event. */
    securityAlert(email: string, organizationName: string, alert: CatalogEvent<'security.alert_raised'>): NewStaffMessage {
      const { type, severity, clientAddress, userAgent, description, advice } = alert.data;
      const kind = type.toLowerCase().replaceAll('_', ' ');
      return {
        recipient: email,
        kind: 'security-alert',
        subject: `Security alert (${severity}) at ${organizationName}: ${kind}`,
        body: [
          `${description}`,
          '',
          `Type: ${type}`,
          `Severity: ${severity}`,
          `Client address: ${clientAddress ?? 'unknown'}`,
          `User agent: ${userAgent ?? 'none given'}`,
          `Time: ${when(new Date(alert.occurredAt))}`,
          `Event: ${alert.subject.id}`,
          '',
          `What to do: ${advice}`,
          '',
          `Every security event of ${organizationName} is listed for its owners in the app: ${publicUrl}/`,
        ].join('\n'),
        actionUrl: `${publicUrl}/`,
      };
    },
  };
}
