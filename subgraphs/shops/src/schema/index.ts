import './refs';
import './organization';
import './shop';
import './user';
import './customer';
import './auth';
import './invitation';
import { toSchema } from '../builder';

export const schema = toSchema();
