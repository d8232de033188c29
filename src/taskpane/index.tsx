/**
 * The task pane's webpack entry: the one file of src/taskpane/ that touches Office globals.
 * It waits for Office, reads the display language, theme and API support, and renders the App
 * with the Office.js actions.
 */
import { createRoot } from 'react-dom/client';
import { createPaneActions } from '../office/pane-actions';
import { NewWorkbookFile } from '../xlsx/new-file';
import { readXlsxTable } from '../xlsx/table';
import { App } from './App';
import { hostInfoFrom } from './host';

/** Office's theme is absent in some hosts (and throws in a few older ones): fall back to light. */
function bodyBackgroundColor(): string | undefined {
  try {
    return Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    return undefined;
  }
}

function excelApiSupported(): boolean {
  try {
    return Office.context.requirements.isSetSupported('ExcelApi', '1.9');
  } catch {
    return false;
  }
}

void Office.onReady(() => {
  const host = hostInfoFrom({
    displayLanguage: Office.context.displayLanguage,
    bodyBackgroundColor: bodyBackgroundColor(),
    supported: excelApiSupported(),
  });
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  createRoot(container).render(<App host={host} actions={createPaneActions(undefined, host.lang, undefined, readXlsxTable, { newFile: () => new NewWorkbookFile() })} />);
});
