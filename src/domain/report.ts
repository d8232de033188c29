/**
 * The quarter-end report: every score and rating of the quarter, the rating distribution, and the
 * KRs HR looks at — scored a full 1.0 ("too easy?"), unfinished (carry-over candidates) and without
 * any score (counted 0). Pure: both adapters and the command line print or write this.
 */
import { cycleLabel } from './cycle';
import { isCarriedOver } from './rules/carryOver';
import { activeBook, allCards, type Card, type KeyResult, type Level, type Objective, type OkrBook, type Period, type RatingCode } from './model';
import { krFinalScore, krHasScore, round4, scoreBook, type ScoredCard } from './scoring';

export interface ScoreLine {
  score?: number;
  rating?: RatingCode;
  sheet?: string;
}

export interface PersonLine extends ScoreLine {
  name: string;
  department: string;
}

export interface DepartmentLine extends ScoreLine {
  name: string;
  /** Mean of the members' card scores (members with a score), shown beside the card's score. */
  membersMean?: number;
}

export interface KrLine {
  level: Level;
  department: string;
  owner: string;
  sheet: string;
  cell: string;
  objectiveNo: number;
  krNo: number;
  text: string;
  period: Period;
  /** The score the KR counts with (0 when it has none). */
  score: number;
  scored: boolean;
  carriedOver: boolean;
  carryOverReason?: string;
}

export interface QuarterReport {
  cycle: string;
  people: PersonLine[];
  departments: DepartmentLine[];
  company: ScoreLine;
  distribution: Record<RatingCode, number>;
  /**
   * KRs whose final score (rounded to 4 decimals, as ratings are) is below the GOOD band: candidates to
   * carry over to the next cycle (only when truly necessary). A KR at 0.6–0.99 met an ambitious target.
   */
  carryOver: KrLine[];
  /** KRs without any score: they count 0. */
  unscored: KrLine[];
  /** KRs scored a full 1.0: an ambitious OKR lands at 0.6–0.7, so "too easy?". */
  tooEasy: KrLine[];
}

export function quarterReport(book: OkrBook): QuarterReport {
  const scores = scoreBook(book);
  const line = (s: ScoredCard): ScoreLine => ({ score: s.score, rating: s.rating, sheet: s.card.sheet });
  const people: PersonLine[] = scores.individuals.map((s) => ({ name: s.card.owner ?? '', department: s.card.department ?? '', ...line(s) }));
  const departments: DepartmentLine[] = scores.departments.map((s) => {
    const members = people.filter((p) => p.department === s.card.department && p.score !== undefined).map((p) => p.score as number);
    return {
      name: s.card.department ?? '',
      ...line(s),
      membersMean: members.length ? members.reduce((a, b) => a + b, 0) / members.length : undefined,
    };
  });
  const krs = allCards(activeBook(book)).flatMap((card) => card.objectives.flatMap((o) => o.krs.map((kr) => krLine(card, o, kr))));
  return {
    cycle: cycleLabel(book.cycle),
    people,
    departments,
    company: line(scores.company),
    distribution: scores.distribution,
    carryOver: krs.filter((k) => round4(k.score) < book.settings.bands.goodFrom),
    unscored: krs.filter((k) => !k.scored),
    tooEasy: krs.filter((k) => k.scored && k.score === 1),
  };
}

function krLine(card: Card, o: Objective, kr: KeyResult): KrLine {
  return {
    level: card.level,
    department: card.level === 'company' ? '' : card.department ?? '',
    owner: card.level === 'individual' ? card.owner ?? '' : '',
    sheet: kr.ref?.sheet ?? card.sheet ?? '',
    cell: kr.ref?.text ?? '',
    objectiveNo: o.no,
    krNo: kr.no,
    text: kr.text,
    period: kr.period,
    score: krFinalScore(kr),
    scored: krHasScore(kr),
    carriedOver: isCarriedOver(kr),
    carryOverReason: kr.carryOverReason,
  };
}

/** The mean progress of a card's KRs (a KR without progress counts 0; each clamped to 0–1); undefined without KRs. */
export function cardProgress(card: Card): number | undefined {
  const krs = card.objectives.flatMap((o) => o.krs);
  if (krs.length === 0) return undefined;
  const p = krs.map((kr) => (typeof kr.progress === 'number' && Number.isFinite(kr.progress) ? Math.min(1, Math.max(0, kr.progress)) : 0));
  return p.reduce((a, b) => a + b, 0) / p.length;
}
