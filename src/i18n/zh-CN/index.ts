import type { Catalogue } from '../catalogue';
import { app } from './app';

export const catalogue: Catalogue = { app };
