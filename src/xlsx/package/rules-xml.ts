/** The XML of the data validations and conditional formats of the plans (as the generator writes them). */
import type { CondFormatPlan, ValidationPlan } from '../../templates/plan';
import type { StylesPart } from './styles-part';
import { escapeText, startTag } from './xml-text';

export type Q = (local: string) => string;

export function validationXml(v: ValidationPlan, q: Q): string {
  const attrs: [string, string][] = [['type', v.type]];
  if (v.type !== 'list' && v.operator !== 'between') attrs.push(['operator', v.operator]);
  attrs.push(['allowBlank', '1'], ['showInputMessage', '1'], ['promptTitle', v.promptTitle], ['prompt', v.prompt], ['showErrorMessage', '1'],
    ['errorStyle', v.errorStyle], ['errorTitle', v.errorTitle], ['error', v.error], ['sqref', v.range]);
  const f2 = v.formula2 === undefined ? '' : `<${q('formula2')}>${escapeText(v.formula2)}</${q('formula2')}>`;
  return `${startTag(q('dataValidation'), attrs)}<${q('formula1')}>${escapeText(v.formula1)}</${q('formula1')}>${f2}</${q('dataValidation')}>`;
}

export function condFormatXml(cf: CondFormatPlan, priority: number, styles: StylesPart, q: Q): string {
  let rule: string;
  if (cf.kind === 'expression') {
    const dxf = styles.dxfFor(cf.fill, cf.fontColor, cf.bold);
    rule = `${startTag(q('cfRule'), [['type', 'expression'], ['dxfId', String(dxf)], ['priority', String(priority)]])}<${q('formula')}>${escapeText(cf.formula)}</${q('formula')}></${q('cfRule')}>`;
  } else {
    rule = `${startTag(q('cfRule'), [['type', 'dataBar'], ['priority', String(priority)]])}<${q('dataBar')} minLength="0" maxLength="100"><${q('cfvo')} type="num" val="0"/><${q('cfvo')} type="num" val="1"/><${q('color')} rgb="FF${cf.color}"/></${q('dataBar')}></${q('cfRule')}>`;
  }
  return `${startTag(q('conditionalFormatting'), [['sqref', cf.range]])}${rule}</${q('conditionalFormatting')}>`;
}
