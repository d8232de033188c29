/**
 * Webpack entry of commands.html, the function file of the ribbon's ExecuteFunction buttons.
 * The only place where the command code meets the global `Office`.
 */
import { createCommandActions } from '../office/command-actions';
import { registerCommands } from './commands';

void Office.onReady(() => {
  const lang = /^zh/i.test(Office.context.displayLanguage ?? '') ? 'zh-CN' : 'en-US';
  registerCommands(Office, createCommandActions(lang));
});
