import './refs';
import './spec-fields';
import './decode';
import './vehicle';
import './template';
import { toSchema } from '../builder';

export const schema = toSchema();
