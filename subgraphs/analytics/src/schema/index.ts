import './refs';
import './values';
import './shop';
import './organization';
import './technician';
import './feature-flag';
import './experiment';
import { toSchema } from '../builder';

export const schema = toSchema();
