/**
 * Webpack entry of commands.html, the function file of the ribbon's ExecuteFunction buttons.
 * The only place where the command code meets the global `Office`.
 */
import { createCommandActions } from '../office/command-actions';
import { officeLang } from '../i18n';
import { registerCommands } from './register';

void Office.onReady(() => {
  registerCommands(Office, createCommandActions(officeLang(Office.context.displayLanguage)));
});
