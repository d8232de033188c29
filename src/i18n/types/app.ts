/** The use-case layer's sentences: one per refusal code, and its summaries. Filled by src/app/. */
export interface AppText {
  placeholder: string;
}
