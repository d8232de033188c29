import type { Card, Cycle, Lang, Organisation, Person, Settings } from '../domain/model';
import { emptyCard } from '../domain/model';
import { buildCardSheet, type CardGeometry } from './card';
import { placeDepartmentShare } from './dept-share';
import { buildGuideSheet } from './guide-sheet';
import type { PlanCell, SheetKind, SheetPlan, WorkbookPlan } from './plan';
import { TEMPLATE_VERSION } from './plan';
import { buildSettingsSheet } from './settings-sheet';
import { SheetNamer } from './sheet-names';
import { buildActionsSheet, buildChangeLogSheet, buildRegisterSheet, buildReviewSheet } from './simple-sheets';
import { STYLES } from './styles';
import { t } from './text';
import { buildYearSheet } from './year-sheet';
import type { YearLine } from '../domain/year';
import type { RawValue } from './read-book-values';
import { text } from '../i18n';

export interface BuildInput {
  lang: Lang;
  cycle: Cycle;
  settings: Settings;
  org: Organisation;
  /** Cards with content (from an OKR import); cards not given are generated empty. */
  company?: Card;
  departments?: Card[];
  individuals?: Card[];
  companyName?: string;
  /** What the next quarter brings from the last (templates/next.ts); absent for a first quarter. */
  history?: BuildHistory;
}

/** Rows carried from earlier quarters, as read-only history, and the year so far. */
export interface BuildHistory {
  /** Rows of the score register (its columns, then the distribution block's, from column A). */
  register: PlanCell[][];
  /** Rows of the change log. */
  changeLog: PlanCell[][];
  /** The year's rows so far (same year only); absent: one empty row per person, department and the company. */
  year?: (YearLine & { hr?: RawValue[] })[];
}

export interface PlannedCard {
  card: Card;
  sheet: string;
  geometry: CardGeometry;
}

export interface BuiltWorkbook {
  plan: WorkbookPlan;
  cards: PlannedCard[];
}

/** The whole workbook for a cycle and an organisation: every sheet of the design, in order. */
export function buildWorkbook(input: BuildInput): BuiltWorkbook {
  const { lang, cycle, settings, org } = input;
  const fixedNames: Record<Exclude<SheetKind, 'departmentCard' | 'individualCard' | 'lock' | 'charts'>, string> = {
    guide: t('sheetGuide', lang), settings: t('sheetSettings', lang), map: t('sheetMap', lang), actions: t('sheetActions', lang),
    review: t('sheetReview', lang), register: t('sheetRegister', lang), year: text(lang).year.sheetName, changeLog: t('sheetChangeLog', lang),
  };
  const namer = new SheetNamer(Object.values(fixedNames));
  const sheets: SheetPlan[] = [];
  const cards: PlannedCard[] = [];

  const company = input.company ?? emptyCard('company');
  const deptCards = org.departments.map((d) => input.departments?.find((c) => c.department === d.name) ?? emptyCard('department', d.name));
  const personCards = org.people.map((p) => findPersonCard(input.individuals, p) ?? emptyCard('individual', p.department, p.name));

  const guide = buildGuideSheet(fixedNames.guide, lang, cycle);
  const maxObjectives = Math.max(settings.limits.maxObjectives, company.objectives.length, ...deptCards.map((c) => c.objectives.length));
  const settingsSheet = buildSettingsSheet({ sheetName: fixedNames.settings, lang, cycle, settings, org, maxObjectives });
  const map = buildCardSheet({ key: 'card:company', sheetName: fixedNames.map, card: company, header: { name: input.companyName ?? t('company', lang) }, cycle, lang });
  cards.push({ card: company, sheet: fixedNames.map, geometry: map.geometry });
  sheets.push(guide, settingsSheet.plan, map.plan, buildActionsSheet(fixedNames.actions, lang, fixedNames.map, map.geometry));

  const byName = new Map(org.people.map((p) => [p.name, p]));
  const deptPlans = new Map<string, SheetPlan>();
  const members = new Map<string, string[]>();
  deptCards.forEach((card, i) => {
    const d = org.departments[i];
    const head = d.head ? byName.get(d.head) : undefined;
    const sheetName = namer.take(`${t('deptSheetPrefix', lang)}${d.name}`);
    const built = buildCardSheet({
      key: `card:department:${d.name}`, sheetName, card, cycle, lang,
      header: { name: d.name, head: d.head, manager: head?.manager },
    });
    sheets.push(built.plan);
    deptPlans.set(d.name, built.plan);
    cards.push({ card, sheet: sheetName, geometry: built.geometry });
  });

  // Individual cards follow the department order, so a department's people sit together.
  const order = org.departments.flatMap((d) => org.people.map((p, i) => ({ p, i })).filter((x) => x.p.department === d.name));
  for (const { p, i } of order) {
    const card = personCards[i];
    // The department tells apart any two people whose sheet names would clash (same name, names
    // differing only in case or width, or the same once cut to 31 characters).
    const sheetName = namer.take(`${t('personSheetPrefix', lang)}${p.name}`, p.department);
    const built = buildCardSheet({
      key: `card:individual:${p.department}:${p.name}`, sheetName, card, cycle, lang,
      header: { name: p.name, department: p.department, position: p.position, manager: p.manager },
    });
    sheets.push(built.plan);
    members.set(p.department, [...(members.get(p.department) ?? []), sheetName]);
    cards.push({ card, sheet: sheetName, geometry: built.geometry });
  }
  for (const [dept, plan] of deptPlans) placeDepartmentShare(plan, lang, members.get(dept) ?? []);

  const history = input.history;
  const yearLines = history?.year ?? emptyYear(org);
  sheets.push(
    buildReviewSheet(fixedNames.review, lang, cycle, org),
    buildRegisterSheet(fixedNames.register, lang, undefined, history?.register),
    buildYearSheet(fixedNames.year, lang, cycle.year, yearLines),
    buildChangeLogSheet(fixedNames.changeLog, lang, history?.changeLog),
  );

  return {
    plan: { lang, templateVersion: TEMPLATE_VERSION, sheets, names: settingsSheet.names, styles: STYLES },
    cards,
  };
}

/** A year with nothing scored yet: every person, department and the company. */
export function emptyYear(org: Organisation): YearLine[] {
  const none = (): YearLine['quarters'] => [null, null, null, null];
  return [
    ...org.people.map((p): YearLine => ({ level: 'individual', department: p.department, name: p.name, ...(p.id ? { id: p.id } : {}), quarters: none() })),
    ...org.departments.map((d): YearLine => ({ level: 'department', department: d.name, name: '', quarters: none() })),
    { level: 'company', department: '', name: '', quarters: none() },
  ];
}

function findPersonCard(cards: Card[] | undefined, p: Person): Card | undefined {
  return cards?.find((c) => c.owner === p.name && c.department === p.department);
}

