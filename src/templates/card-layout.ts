import type { Level } from '../domain/model';
import { TEXT, type TextKey } from './text';

/**
 * The columns of an OKR card. Company (target-system map), department and individual cards share
 * the KR block and the formulas; they differ in the objective columns. Every formula, validation
 * and reader looks a column up by its key, so the layout is defined once.
 */
export type CardField =
  | 'objNo' | 'category' | 'objective' | 'source' | 'alignedTo' | 'objWeight' | 'agreed'
  | 'krNo' | 'kr' | 'deliverable' | 'target' | 'criteria' | 'deadline' | 'period' | 'krWeight'
  | 'progress' | 'selfScore' | 'managerScore' | 'finalScore' | 'objScore' | 'status' | 'carryReason'
  | 'krCheck' | 'objCheck';

const FIELD_TEXT: Record<CardField, TextKey> = {
  objNo: 'colObjNo', category: 'colCategory', objective: 'colObjective', source: 'colSource',
  alignedTo: 'colAlignedTo', objWeight: 'colObjWeight', agreed: 'colAgreed', krNo: 'colKrNo', kr: 'colKr',
  deliverable: 'colDeliverable', target: 'colTarget', criteria: 'colCriteria', deadline: 'colDeadline',
  period: 'colPeriod', krWeight: 'colKrWeight', progress: 'colProgress', selfScore: 'colSelfScore',
  managerScore: 'colManagerScore', finalScore: 'colFinalScore', objScore: 'colObjScore', status: 'colStatus',
  carryReason: 'colCarryReason', krCheck: 'colKrCheck', objCheck: 'colObjCheck',
};

export const KR_INPUTS: readonly CardField[] = [
  'kr', 'deliverable', 'target', 'criteria', 'deadline', 'period', 'krWeight', 'progress', 'selfScore', 'managerScore',
];

const COMPANY_COLUMNS: CardField[] = ['objNo', 'category', 'objective', 'objWeight', 'agreed'];
const CARD_COLUMNS: CardField[] = ['objNo', 'objective', 'source', 'alignedTo', 'objWeight', 'agreed'];
const KR_COLUMNS: CardField[] = ['krNo', ...KR_INPUTS, 'finalScore', 'objScore', 'status', 'carryReason', 'krCheck', 'objCheck'];

const WIDTHS: Record<CardField, number> = {
  objNo: 6, category: 12, objective: 30, source: 10, alignedTo: 12, objWeight: 8, agreed: 7, krNo: 6, kr: 32,
  deliverable: 20, target: 18, criteria: 24, deadline: 11, period: 7, krWeight: 8, progress: 10,
  selfScore: 8, managerScore: 8, finalScore: 8, objScore: 8, status: 9, carryReason: 16, krCheck: 22, objCheck: 22,
};

export interface CardLayout {
  level: Level;
  fields: CardField[];
  /** 1-based column of a field; throws for a field this card does not have. */
  col(field: CardField): number;
  has(field: CardField): boolean;
  /** Objective-level input fields (on the first row of a slot). */
  objInputs: CardField[];
  headerRow: number;
  firstSlotRow: number;
  widths: number[];
  header(lang: 'zh-CN' | 'en-US'): string[];
}

/** Rows above the table: title, two header lines, check line, blank. */
export const CARD_HEADER_ROW = 6;

export function cardLayout(level: Level): CardLayout {
  const fields = [...(level === 'company' ? COMPANY_COLUMNS : CARD_COLUMNS), ...KR_COLUMNS];
  const index = new Map(fields.map((f, i) => [f, i + 1]));
  return {
    level,
    fields,
    col(field) {
      const c = index.get(field);
      if (c === undefined) throw new Error(`Card of level ${level} has no column ${field}`);
      return c;
    },
    has: (field) => index.has(field),
    objInputs: fields.filter((f) => ['category', 'objective', 'source', 'alignedTo', 'objWeight', 'agreed'].includes(f)),
    headerRow: CARD_HEADER_ROW,
    firstSlotRow: CARD_HEADER_ROW + 1,
    widths: fields.map((f) => WIDTHS[f]),
    header: (lang) => fields.map((f) => TEXT[FIELD_TEXT[f]][lang]),
  };
}

export const DEFAULT_SLOTS = 5;
export const DEFAULT_KR_ROWS = 4;
