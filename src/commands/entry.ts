/**
 * Webpack entry of commands.html, the function file of the ribbon's ExecuteFunction buttons.
 * The only place where the command code meets the global `Office`.
 *
 * The handlers are associated here, at the module's top level, as the page's blocking script runs
 * (webpack.config.js injects it without defer): Office looks the function up as soon as the page
 * has loaded, and one associated later (inside Office.onReady) made the first click do nothing
 * (office-js issue #2744). The handlers themselves wait for Office.onReady before they touch
 * Office.context.
 */
import { createCommandActions } from '../office/command-actions';
import { officeLang } from '../i18n';
import type { CommandActions } from './types';
import { registerCommands } from './register';

const ready = Office.onReady();
const inOffice = (): CommandActions => createCommandActions(officeLang(Office.context.displayLanguage));

registerCommands(
  Office,
  { validate: () => ready.then(() => inOffice().validate()), score: () => ready.then(() => inOffice().score()) },
  { ready: () => ready },
);
