import type { Catalogue } from '../catalogue';
import { app } from './app';
import { cli } from './cli';
import { excel } from './excel';
import { ribbon } from './ribbon';
import { rules } from './rules';
import { io } from './io';
import { words } from './words';
import { pane } from './pane';
import { sheets } from './sheets';
import { year } from './year';

export const catalogue: Catalogue = { app, cli, excel, ribbon, rules, io, words, pane, sheets, year };
