import './refs';
import './organization';
import './shop';
import './user';
import './customer';
import './auth';
import './invitation';
import './mfa';
import './message-template';
import './delivery';
import './audit';
import './audit-retention';
import './security-event';
import { toSchema } from '../builder';

export const schema = toSchema();
