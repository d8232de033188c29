import { useId } from 'react';
import { Dropdown, Field, Input, Option, Radio, RadioGroup } from '@fluentui/react-components';
import type { Cycle, Lang } from '../domain/model';
import { parseCycle } from '../domain/cycle';
import { parseLang } from '../i18n/langs';
import type { Strings } from './strings';
import { readNumber, type SetupDraft, type SetupErrors, type SetupField } from './setup-form';
import { usePaneStyles } from './styles';

export interface SetupPaneProps {
  strings: Strings;
  lang: Lang;
  draft: SetupDraft;
  errors: SetupErrors;
  onDraftChange(draft: SetupDraft): void;
  onLangChange(lang: Lang): void;
}

const QUARTERS: Cycle['quarter'][] = [1, 2, 3, 4];

export function SetupPane(props: SetupPaneProps) {
  const { strings: s, draft, errors } = props;
  const styles = usePaneStyles();
  const ids = { heading: useId(), cycle: useId(), bands: useId(), limits: useId() };

  const set = (field: SetupField, value: string) => props.onDraftChange({ ...draft, [field]: value });
  const numberField = (field: SetupField, label: string, inputMode: 'numeric' | 'decimal') => {
    const error = errors[field];
    return (
      <Field
        className={styles.grow}
        label={label}
        validationState={error ? 'error' : 'none'}
        validationMessage={error ? s.fieldError(error) : undefined}
      >
        <Input
          className={styles.control}
          inputMode={inputMode}
          autoComplete="off"
          value={draft[field]}
          onChange={(_, data) => set(field, data.value)}
        />
      </Field>
    );
  };

  const year = readNumber(draft.year);
  const cycle = !errors.year && year !== undefined ? parseCycle(`${year}-Q${draft.quarter}`) : undefined;
  const bandsValid = !errors.fairFrom && !errors.goodFrom && !errors.goodTo;

  return (
    <div className={styles.pane}>
      <h2 id={ids.heading} className={styles.h2}>
        {s.setupHeading}
      </h2>

      <section className={styles.section} aria-labelledby={ids.cycle}>
        <h3 id={ids.cycle} className={styles.h3}>
          {s.cycleHeading}
        </h3>
        <div className={styles.row}>
          {numberField('year', s.year, 'numeric')}
          <Field className={styles.grow} label={s.quarter}>
            <Dropdown
              className={styles.control}
              value={s.quarterOption(draft.quarter)}
              selectedOptions={[String(draft.quarter)]}
              onOptionSelect={(_, data) => {
                const q = Number(data.optionValue);
                if (q >= 1 && q <= 4) props.onDraftChange({ ...draft, quarter: q as Cycle['quarter'] });
              }}
            >
              {QUARTERS.map((q) => (
                <Option key={q} value={String(q)} text={s.quarterOption(q)}>
                  {s.quarterOption(q)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </div>
        {cycle && <p className={styles.hint}>{s.cycleDates(cycle.start, cycle.end)}</p>}
        <Field label={s.language} hint={s.languageHint}>
          <RadioGroup
            layout="horizontal"
            value={props.lang}
            onChange={(_, data) => props.onLangChange(parseLang(data.value))}
          >
            <Radio value="zh-CN" label={<span lang="zh-CN">{s.langNames['zh-CN']}</span>} />
            <Radio value="en-US" label={<span lang="en-US">{s.langNames['en-US']}</span>} />
          </RadioGroup>
        </Field>
      </section>

      <section className={styles.section} aria-labelledby={ids.bands}>
        <h3 id={ids.bands} className={styles.h3}>
          {s.bandsHeading}
        </h3>
        <div className={styles.row}>
          {numberField('fairFrom', s.fairFrom, 'decimal')}
          {numberField('goodFrom', s.goodFrom, 'decimal')}
          {numberField('goodTo', s.goodTo, 'decimal')}
        </div>
        {bandsValid && (
          <p className={styles.hint}>
            {s.bandsPreview(Number(readNumber(draft.fairFrom)), Number(readNumber(draft.goodFrom)), Number(readNumber(draft.goodTo)))}
          </p>
        )}
      </section>

      <section className={styles.section} aria-labelledby={ids.limits}>
        <h3 id={ids.limits} className={styles.h3}>
          {s.limitsHeading}
        </h3>
        <div className={styles.row}>
          {numberField('minObjectives', s.minObjectives, 'numeric')}
          {numberField('maxObjectives', s.maxObjectives, 'numeric')}
        </div>
        <div className={styles.row}>
          {numberField('maxKrs', s.maxKrs, 'numeric')}
          {numberField('bottomUpPercent', s.bottomUp, 'decimal')}
        </div>
      </section>
      {Object.keys(errors).length > 0 && <p className={styles.text}>{s.setupInvalid}</p>}
    </div>
  );
}
