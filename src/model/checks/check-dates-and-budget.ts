import { countWords } from "../words.js";
import type { Check } from "./context.js";

/** `future-date`: an evidence item, case study or finding dated after the as-of date. */
export const checkFutureDates: Check = (ctx) => {
  const s = ctx.submission;
  const later = (date: string | null) => date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) && date > ctx.asOf;
  for (const item of [...s.evidence, ...s.caseStudies]) {
    if (later(item.date))
      ctx.report(
        { src: item.src, path: ["date"] },
        "future-date",
        `\`date\` ${item.date} is after ${ctx.asOf} (the as-of date); ` +
          "check the year, or use --as-of if you are checking a future state",
      );
  }
  for (const f of s.findings) {
    if (later(f.date))
      ctx.report(
        { src: f.src, path: ["date"] },
        "future-date",
        `the finding's \`date\` ${f.date} is after ${ctx.asOf} (the as-of date); ` +
          "a finding records an assessment that has happened",
      );
  }
};

/** `over-budget`: a statement longer than `rules.statement_max_words`. */
export const checkStatementBudget: Check = (ctx) => {
  const max = ctx.submission.config.rules.statementMaxWords;
  if (max === null) return;
  for (const a of ctx.submission.selfAssessmentEntries) {
    if (a.statement === null) continue;
    const words = countWords(a.statement);
    if (words > max)
      ctx.report(
        { src: a.src, path: [...a.path, "statement"] },
        "over-budget",
        `the statement for ${a.element} has ${words} words, ` +
          `over the budget of ${max} (\`rules.statement_max_words\`); cut ${words - max}`,
        { key: true },
      );
  }
};
