/**
 * The words for the enumerations, as shown. They are the domain's vocabulary (domain/labels.ts),
 * which readers also accept back in either language; here each language gets its own column.
 */
import type { ChangeKind, Status } from '../../domain/labels';
import type { Level, Period, RatingCode, Source } from '../../domain/model';

export interface WordsText {
  level: Record<Level, string>;
  source: Record<Source, string>;
  period: Record<Period, string>;
  rating: Record<RatingCode, string>;
  status: Record<Status, string>;
  changeKind: Record<ChangeKind, string>;
  departed: Record<'person' | 'department', string>;
  yesNo: Record<'yes' | 'no', string>;
}
