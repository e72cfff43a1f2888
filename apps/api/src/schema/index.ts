import './scalars';
import './root';
import './errors';
import './role';
import './viewer';
import './session';
import { builder } from '../builder';

export const schema = builder.toSchema();
