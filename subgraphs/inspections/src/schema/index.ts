import './refs';
import './template';
import './inspection';
import './item';
import './media';
import './recommendation';
import './share';
import './shop';
import './vehicle';
import './customer';
import './user';
import { toSchema } from '../builder';

export const schema = toSchema();
