/** The pane's contract with the workbook lives with the use cases (src/app/), which the Office adapter implements. */
export * from '../app/pane-contract';
