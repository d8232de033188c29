import type { IsoDate, Lang } from '../domain/model';

/** What every use case is asked with. */
export interface Request {
  lang: Lang;
  /** The date written into the change log: the caller's today (tests fix it). */
  today: IsoDate;
  /** Who does it, for the change log. */
  by?: string;
  /** The workbook's sheet-protection password, when it has one (handed to the adapter only). */
  password?: string;
}
