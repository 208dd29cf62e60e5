import './refs';
import './partner';
import './program';
import './product';
import './shop';
import './statement';
import './recommendation';
import { toSchema } from '../builder';

export const schema = toSchema();
